package review_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/review"
)

func TestKeywordsFindAll(t *testing.T) {
	t.Parallel()
	k, err := review.NewKeywords([]string{"最佳", "NO.1", "顶级", "质量差", "退货", "100%有效", "国家级"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want []string // original text of each hit, by start
	}{
		{"plain", "质量差，要退货", []string{"质量差", "退货"}},
		{"full width and case", "全网ＮＯ．１，no.1，No.1", []string{"ＮＯ．１", "no.1", "No.1"}},
		{"spaces and symbols between ideographs", "最 佳、最*佳、最　佳、最**佳", []string{"最 佳", "最*佳", "最　佳", "最**佳"}},
		{"sentence punctuation is kept", "最，佳", nil},
		{"long separator run is kept", "最     佳", nil},
		{"zero width", "国\u200b家\u200d级", []string{"国\u200b家\u200d级"}},
		{"traditional", "頂級，國家級", []string{"頂級", "國家級"}},
		{"compatibility ideograph", "\uF9B2", nil},
		{"invalid utf-8 breaks words", "最\xff佳", nil},
		{"no hit", "普通的商品描述", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, h := range k.FindAll(tt.text) {
				got = append(got, tt.text[h.Start:h.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindAll(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			if c := k.Contains(tt.text); c != (len(tt.want) > 0) {
				t.Errorf("Contains(%q) = %v", tt.text, c)
			}
		})
	}
}

func TestKeywordsHitWords(t *testing.T) {
	t.Parallel()
	k, err := review.NewKeywords([]string{"NO.1", "no.1", "质量差", "差"})
	if err != nil {
		t.Fatal(err)
	}
	if k.Len() != 3 {
		t.Errorf("Len = %d, want 3 (NO.1 and no.1 normalise alike)", k.Len())
	}
	got := k.FindAll("ＮＯ．１质量差")
	want := []review.KeywordHit{{Word: "NO.1", Start: 0, End: 12}, {Word: "质量差", Start: 12, End: 21}, {Word: "差", Start: 18, End: 21}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestNewKeywordsErrors(t *testing.T) {
	t.Parallel()
	_, err := review.NewKeywords([]string{"ok", "", "\u200b", "\xff", strings.Repeat("长", 100)})
	if !errors.Is(err, review.ErrBadKeyword) {
		t.Fatalf("err = %v, want ErrBadKeyword", err)
	}
	for _, s := range []string{"word 1", "word 2", "word 3", "word 4"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not name %s", err, s)
		}
	}
	k, err := review.NewKeywords(nil)
	if err != nil || k.Contains("anything") || k.FindAll("anything") != nil {
		t.Errorf("empty keyword set: %v", err)
	}
}

// TestKeywordsLongText plants hits across the internal chunk boundaries of
// a multi-megabyte text, including one split by separators at a boundary.
func TestKeywordsLongText(t *testing.T) {
	t.Parallel()
	k, err := review.NewKeywords([]string{"差评", "质量差"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var want []int
	r := rand.New(rand.NewPCG(3, 4))
	for b.Len() < 3<<20 {
		if b.Len()%(64<<10) > 60<<10 && len(want) < 200 && r.IntN(8) == 0 {
			want = append(want, b.Len())
			b.WriteString("质 量 差")
			continue
		}
		b.WriteString("商品")
	}
	text := b.String()
	hits := k.FindAll(text)
	var got []int
	for _, h := range hits {
		if text[h.Start:h.End] != "质 量 差" || h.Word != "质量差" {
			t.Fatalf("bad hit %+v %q", h, text[h.Start:h.End])
		}
		got = append(got, h.Start)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hits mismatch (-want +got):\n%s", diff)
	}
}

// TestKeywordsInvalidLongText feeds megabytes of continuation bytes, which
// have no rune boundary to cut chunks at.
func TestKeywordsInvalidLongText(t *testing.T) {
	t.Parallel()
	k, err := review.NewKeywords([]string{"差评"})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("\x80", 1<<20) + "差评" + strings.Repeat("\xbf", 100<<10)
	hits := k.FindAll(text)
	if len(hits) != 1 || text[hits[0].Start:hits[0].End] != "差评" {
		t.Errorf("hits %+v", hits)
	}
	l := cleanApparel()
	l.Description = text
	_ = mustNew(t).Review(l, at)
}

// TestKeywordsAppendAll: AppendAll appends FindAll's hits after dst's own
// elements and, with a reused dst, does not allocate.
func TestKeywordsAppendAll(t *testing.T) {
	k, err := review.NewKeywords([]string{"最佳", "佳品", "NO.1", "頂級"})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("全网ＮＯ．１最 佳品，顶级。", 40)
	want := k.FindAll(text)
	if len(want) != 160 {
		t.Fatalf("FindAll found %d hits, want 160", len(want))
	}
	head := review.KeywordHit{Word: "x", Start: -1, End: -1}
	got := k.AppendAll([]review.KeywordHit{head}, text)
	if diff := cmp.Diff(append([]review.KeywordHit{head}, want...), got); diff != "" {
		t.Errorf("AppendAll mismatch (-want +got):\n%s", diff)
	}
	if got := k.AppendAll(nil, "nothing here"); got != nil {
		t.Errorf("AppendAll(nil) on clean text = %v, want nil", got)
	}
	if raceEnabled {
		return // sync.Pool drops items under -race
	}
	dst := k.AppendAll(nil, text)
	if a := testing.AllocsPerRun(50, func() { dst = k.AppendAll(dst[:0], text) }); a != 0 {
		t.Errorf("AppendAll into a reused slice allocs = %v, want 0", a)
	}
}

func TestKeywordsCleanAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under -race")
	}
	k, err := review.NewKeywords([]string{"差评", "质量差", "退货", "骗子"})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("物流很快，包装完好，和描述一致，会回购。", 20)
	k.Contains(text) // warm the pool
	if a := testing.AllocsPerRun(100, func() { k.Contains(text) }); a != 0 {
		t.Errorf("Contains allocs = %v, want 0", a)
	}
	if a := testing.AllocsPerRun(100, func() { k.FindAll(text) }); a != 0 {
		t.Errorf("FindAll on clean text allocs = %v, want 0", a)
	}
}

// TestKeywordsAgreement compares Keywords with strings.Contains on random
// dictionaries and texts whose normalisation is the identity.
func TestKeywordsAgreement(t *testing.T) {
	t.Parallel()
	alpha := []rune("最佳第一顶级国家好质量差")
	r := rand.New(rand.NewPCG(7, 8))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alpha[r.IntN(len(alpha))])
		}
		return b.String()
	}
	for round := 0; round < 200; round++ {
		words := make([]string, 1+r.IntN(12))
		for i := range words {
			words[i] = word(1 + r.IntN(4))
		}
		k, err := review.NewKeywords(words)
		if err != nil {
			t.Fatal(err)
		}
		text := word(r.IntN(300))
		found := map[string]bool{}
		for _, h := range k.FindAll(text) {
			found[h.Word] = true
			if text[h.Start:h.End] != h.Word {
				t.Fatalf("hit %+v spans %q", h, text[h.Start:h.End])
			}
		}
		for _, w := range words {
			if strings.Contains(text, w) && !found[w] {
				// w may be a duplicate spelling kept under its first form.
				dup := false
				for _, v := range words {
					if v == w && found[v] {
						dup = true
					}
				}
				if !dup {
					t.Fatalf("%q in %q not found", w, text)
				}
			}
			if !strings.Contains(text, w) && found[w] {
				t.Fatalf("%q reported but not in %q", w, text)
			}
		}
	}
}

func FuzzKeywords(f *testing.F) {
	f.Add("最佳\n顶级\nNO.1", "全网ＮＯ．１最 佳頂級")
	f.Add("a", "\xff\xfe最\u200b佳")
	f.Add("质量差", strings.Repeat("质 量 差", 10))
	f.Fuzz(func(t *testing.T, dict, text string) {
		if len(dict) > 256 || len(text) > 8192 {
			return
		}
		k, err := review.NewKeywords(strings.Split(dict, "\n"))
		if err != nil {
			return // bad words are reported, not a crash
		}
		for _, h := range k.FindAll(text) {
			if h.Start < 0 || h.End > len(text) || h.Start >= h.End {
				t.Fatalf("hit %+v out of bounds for %d bytes", h, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[h.Start]) || (h.End < len(text) && !utf8.RuneStart(text[h.End]))) {
				t.Fatalf("hit %+v splits a rune", h)
			}
		}
		_ = k.Contains(text)
	})
}
