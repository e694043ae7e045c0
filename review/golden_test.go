package review_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vcart-sdk/vcart-go/internal/golden"
	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// dirtyApparel is a listing with one problem of nearly every kind.
func dirtyApparel() review.Listing {
	l := cleanApparel()
	l.Title = "明星同款全网第一纯羊绒T恤 ＮＯ．１"
	l.Brand = "北境"
	l.Attrs[0].Value = "棉60% 聚酯纤维40%"
	l.Description = "頂級面料，最 佳选择，穿上带来好运气！第一次下单送袜子，100%棉里料。售后加微信：shop_abc123，或致电13812345678。限时秒杀，不会再便宜了。"
	l.MainImages = []review.Image{l.MainImages[0], l.MainImages[0], img(9, pngHeader(640, 640, 0))}
	l.SKUs[1].SalePrice = yuan(12900)
	return l
}

func TestGoldenReport(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	var b strings.Builder
	for _, c := range []struct {
		name string
		l    review.Listing
	}{{"dirty apparel", dirtyApparel()}, {"clean food", cleanFood()}} {
		b.WriteString("## " + c.name + "\n")
		if err := r.Review(c.l, at).WriteText(&b); err != nil {
			t.Fatal(err)
		}
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "report.txt"), []byte(b.String()))
}

// FuzzReview feeds arbitrary text into every text field: no panic, and every
// textual finding's offsets lie inside its field.
func FuzzReview(f *testing.F) {
	f.Add("全网第一 最好的T恤", "加微信：abc12345，13812345678", "棉100%")
	f.Add("\xff\xfe", "最\u200b佳\u3000頂級", "")
	f.Fuzz(func(t *testing.T, title, desc, attr string) {
		if len(title)+len(desc)+len(attr) > 1<<14 {
			return
		}
		r := fuzzReviewer(t)
		l := cleanApparel()
		l.Title, l.Description, l.Attrs[0].Value = title, desc, attr
		fields := map[string]string{"title": title, "desc": desc, "attrs[0].value": attr}
		res := r.Review(l, at)
		for _, fd := range res.Findings {
			if !fd.Textual() {
				continue
			}
			text, ok := fields[fd.Field]
			if !ok {
				continue
			}
			if fd.Start < 0 || fd.End > len(text) || fd.Start > fd.End {
				t.Fatalf("finding %+v out of bounds of %q", fd, text)
			}
		}
		if res.Verdict != review.VerdictClean && len(res.Findings) == 0 {
			t.Fatal("verdict without findings")
		}
		_ = vcart.Block
	})
}

var fuzzR *review.Reviewer

func fuzzReviewer(t *testing.T) *review.Reviewer {
	if fuzzR == nil {
		fuzzR = mustNew(t)
	}
	return fuzzR
}
