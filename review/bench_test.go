package review_test

import (
	"strings"
	"testing"

	"github.com/vcart-sdk/vcart-go/internal/match/matchtest"
	"github.com/vcart-sdk/vcart-go/review"
)

// listing2KB is a realistic listing with a ~2 KB description and a few
// findings, reviewed without image decoding (headers only).
func listing2KB() review.Listing {
	l := cleanApparel()
	var b strings.Builder
	for b.Len() < 2000 {
		b.WriteString("精选新疆长绒棉面料，亲肤透气，做工精细，版型宽松百搭，适合日常通勤与休闲出行。")
	}
	b.WriteString("限时优惠，100%棉。")
	l.Description = b.String()
	return l
}

func BenchmarkReview2KB(b *testing.B) {
	r := mustNew(b)
	l := listing2KB()
	b.SetBytes(int64(len(l.Description)))
	b.ReportAllocs()
	for b.Loop() {
		r.Review(l, at)
	}
}

func BenchmarkKeywords(b *testing.B) {
	var words []string
	for _, w := range review.DefaultWordList().Words {
		words = append(words, w.Text)
	}
	k, err := review.NewKeywords(words)
	if err != nil {
		b.Fatal(err)
	}
	clean := strings.Repeat("精选新疆长绒棉面料，亲肤透气，做工精细。", 60)
	corpus := matchtest.Corpus(64<<10, words)
	mib := matchtest.Corpus(1<<20, words) // internal/peerbench's corpus
	b.Run("Contains/clean2KB", func(b *testing.B) {
		b.SetBytes(int64(len(clean)))
		b.ReportAllocs()
		for b.Loop() {
			k.Contains(clean)
		}
	})
	b.Run("FindAll/corpus64KB", func(b *testing.B) {
		b.SetBytes(int64(len(corpus)))
		b.ReportAllocs()
		for b.Loop() {
			k.FindAll(corpus)
		}
	})
	b.Run("FindAll/corpus1MB", func(b *testing.B) {
		b.SetBytes(int64(len(mib)))
		b.ReportAllocs()
		for b.Loop() {
			k.FindAll(mib)
		}
	})
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		mustNew(b)
	}
}
