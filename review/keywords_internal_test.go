package review

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/internal/match"
	"github.com/vcart-sdk/vcart-go/internal/match/matchtest"
)

// segmentKeywords returns k's dictionary scanned the way it was before the
// in-place normalisation: normalize's segment map and a plain automaton.
func segmentKeywords(t testing.TB, k *Keywords) *Keywords {
	t.Helper()
	m, err := match.Compile(k.pats)
	if err != nil {
		t.Fatal(err)
	}
	return &Keywords{m: m, words: k.words}
}

// fusedKeywords compiles words, which must take the fused scan, and
// returns them with their segment-map reference.
func fusedKeywords(t *testing.T, words []string) (k, ref *Keywords) {
	t.Helper()
	k, err := NewKeywords(words)
	if err != nil {
		t.Fatal(err)
	}
	if k.fused == nil {
		t.Fatal("no fused scan")
	}
	return k, segmentKeywords(t, k)
}

func checkFoldHits(t *testing.T, k, ref *Keywords, text string) {
	t.Helper()
	if diff := cmp.Diff(ref.FindAll(text), k.FindAll(text)); diff != "" {
		t.Fatalf("%q: in-place hits differ from the segment map's (-want +got):\n%s", text, diff)
	}
	if got, want := k.Contains(text), ref.Contains(text); got != want {
		t.Fatalf("%q: Contains = %v, want %v", text, got, want)
	}
}

// TestFoldHitsAgree compares FindAll on the in-place path with the segment
// map on the benchmark corpus (four and eight interleaved streams, chunk
// boundaries) and on text with every kind of change.
func TestFoldHitsAgree(t *testing.T) {
	t.Parallel()
	var words []string
	for _, w := range DefaultWordList().Words {
		words = append(words, w.Text)
	}
	words = append(words, "最佳", "ＮＯ．１", "頂級", "零\u200b添加", "Top1", "１３８", "(株)", "a b")
	k, err := NewKeywords(words)
	if err != nil {
		t.Fatal(err)
	}
	ref := segmentKeywords(t, k)
	mixed := strings.Repeat("精选ＡＢＣ頂級，最 * 佳\u200b。Ｘ\xfe 零\u200b\u200b添加 NO.1 ﬁ ", 300)
	for _, text := range []string{
		"", "最佳", "ＮＯ．１最 佳頂級", mixed[:700], mixed, mixed + "㈱",
		matchtest.Corpus(600<<10, words), // three chunks
		strings.Repeat("最\u200b", 5000) + "佳",
	} {
		checkFoldHits(t, k, ref, text)
	}
}

func FuzzFoldHits(f *testing.F) {
	f.Add("最佳\n顶级\nNO.1", "全网ＮＯ．１最 佳頂級")
	f.Add("a\nfi", "\xff\xfe最\u200b佳ﬁＡ")
	f.Add("质量差\n(株)", strings.Repeat("质 量 差㈱", 100))
	f.Fuzz(func(t *testing.T, dict, text string) {
		if len(dict) > 256 || len(text) > 8192 {
			return
		}
		k, err := NewKeywords(strings.Split(dict, "\n"))
		if err != nil {
			return
		}
		checkFoldHits(t, k, segmentKeywords(t, k), text)
	})
}

// TestFusedAgrees compares the fused scan with the segment map on random
// texts over an alphabet of every kind of rune normalize treats specially:
// separator runs of every length between ideographs and elsewhere,
// zero-width characters inside them, traditional forms, full-width and
// upper-case letters, invalid bytes, runes beyond the BMP, and a rune with
// a complex normal form (the fused scan hands the text back).
func TestFusedAgrees(t *testing.T) {
	t.Parallel()
	alpha := []string{"最", "佳", "頂", "级", "顶", "級", " ", "*", "（", "）", "“", "，", "。", "\u200b", "\u00ad",
		"Ａ", "a", "A", "b", "Ｂ", ".", "1", "１", "\xff", "\xe4\xb8", "𠀀", "𝐀", "ﬁ", "é", "É", "\u3000", "々"}
	words := []string{"最佳", "顶级", "a.1", "ab", "佳 a", "最*", "*a", "𠀀最", "a", "fi", "é", "佳。最", "级,最", "々"}
	k, ref := fusedKeywords(t, words)
	rng := rand.New(rand.NewPCG(11, 12))
	fused := 0
	for round := 0; round < 3000; round++ {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(alpha[rng.IntN(len(alpha))])
		}
		text := b.String()
		if round%2 == 0 {
			text = strings.ReplaceAll(text, "ﬁ", "fi")
		}
		if k.fused.scan(text, func(int, int, int) bool { return true }) {
			fused++
		}
		checkFoldHits(t, k, ref, text)
	}
	if fused < 1000 {
		t.Errorf("the fused scan took only %d of 3000 texts", fused)
	}
}

// TestFusedIdleAgrees compares the fused scan with the segment map on
// random texts that are mostly ideographs and separators beginning no
// pattern, so that the scan spends most of its time in skipIdle: runs of
// separators of every length that end at a rune beginning a pattern (a
// separator, an ideograph or a letter), zero-width characters and invalid
// bytes inside them, and runes the idle loop does not decode.
func TestFusedIdleAgrees(t *testing.T) {
	t.Parallel()
	alpha := []string{"好", "国", "家", "質", "最", "佳", " ", "*", "（", "“", "・", "·", "\u200b", "\u3000", "，",
		"x", "y", "Z", "a", "\xff", "\xe4\xb8", "𠀀", "é", "\u0800", "\u00a0", "－"}
	seps := []string{" ", "*", "（", "“", "・", "·", "\u200b", "\u3000"}
	words := []string{"最佳", "*a", "“好", "佳 a", "a", "好*", "·最", "（国", "*国", "质家", "・"}
	k, ref := fusedKeywords(t, words)
	rng := rand.New(rand.NewPCG(13, 14))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(40) {
			switch p := rng.IntN(10); {
			case p < 5: // mostly ideographs that begin no pattern
				b.WriteString(alpha[rng.IntN(4)])
			case p < 7: // and runs of separators
				for range 1 + rng.IntN(6) {
					b.WriteString(seps[rng.IntN(len(seps))])
				}
			default:
				b.WriteString(alpha[rng.IntN(len(alpha))])
			}
		}
		checkFoldHits(t, k, ref, b.String())
	}
}

// TestFusedTakesCorpus checks that the benchmark corpus is scanned by the
// fused scan, not handed back to normalize.
func TestFusedTakesCorpus(t *testing.T) {
	var words []string
	for _, w := range DefaultWordList().Words {
		words = append(words, w.Text)
	}
	k, err := NewKeywords(words)
	if err != nil {
		t.Fatal(err)
	}
	if !k.fused.scan(matchtest.Corpus(64<<10, words), func(int, int, int) bool { return true }) {
		t.Error("the fused scan handed the corpus back")
	}
}

// TestFusedFallbackConcurrent has goroutines hand texts back to the
// normalising path at once: the byte-level automaton is built once, on
// first use, without a race (run with -race).
func TestFusedFallbackConcurrent(t *testing.T) {
	t.Parallel()
	k, err := NewKeywords([]string{"(株)", "最佳"})
	if err != nil {
		t.Fatal(err)
	}
	// ㈱ is a symbol: after an ideograph, "最 ㈱最佳" would drop it.
	want := []KeywordHit{{Word: "(株)", Start: 2, End: 5}, {Word: "最佳", Start: 5, End: 11}}
	done := make(chan []KeywordHit)
	for range 4 {
		go func() { done <- k.FindAll("a ㈱最佳") }()
	}
	for range 4 {
		if diff := cmp.Diff(want, <-done); diff != "" {
			t.Errorf("hits differ (-want +got):\n%s", diff)
		}
	}
}

// TestSortNearlySorted checks the insertion sort of the hit keys against
// slices.Sort on nearly sorted keys and on keys that exhaust its budget of
// moves (reversed, random), where it falls back.
func TestSortNearlySorted(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(15, 16))
	nearly := make([]uint64, 500)
	for i := range nearly {
		nearly[i] = uint64(i) * 4
	}
	for i := 0; i+3 < len(nearly); i += 7 {
		nearly[i], nearly[i+3] = nearly[i+3], nearly[i]
	}
	reversed := make([]uint64, 300)
	for i := range reversed {
		reversed[i] = uint64(len(reversed) - i)
	}
	random := make([]uint64, 300)
	for i := range random {
		random[i] = rng.Uint64N(100)
	}
	for _, tc := range []struct {
		name string
		keys []uint64
	}{
		{"empty", nil},
		{"one", []uint64{7}},
		{"nearly sorted", nearly},
		{"reversed", reversed},
		{"random with duplicates", random},
	} {
		got := slices.Clone(tc.keys)
		sortNearlySorted(got)
		want := slices.Clone(tc.keys)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
		}
	}
}
