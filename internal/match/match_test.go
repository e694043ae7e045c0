package match_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/internal/match"
	"github.com/vcart-sdk/vcart-go/internal/match/matchtest"
	"github.com/vcart-sdk/vcart-go/review"
)

// naive returns every occurrence of every pattern, by brute force.
func naive(pats []string, text string) []match.Hit {
	var out []match.Hit
	for id, p := range pats {
		for i := 0; i+len(p) <= len(text); i++ {
			if text[i:i+len(p)] == p {
				out = append(out, match.Hit{ID: id, Start: i, End: i + len(p)})
			}
		}
	}
	return out
}

func sortHits(h []match.Hit) {
	slices.SortFunc(h, func(a, b match.Hit) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return a.ID - b.ID
	})
}

func TestScanTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		pats []string
		text string
		want []match.Hit
	}{
		{"classic", []string{"he", "she", "his", "hers"}, "ushers", []match.Hit{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}},
		{"cjk overlap", []string{"最", "最佳", "佳品"}, "最佳品", []match.Hit{{0, 0, 3}, {1, 0, 6}, {2, 3, 9}}},
		{"no hit", []string{"国家级"}, "普通的商品描述", nil},
		{"duplicates", []string{"ab", "ab"}, "xab", []match.Hit{{0, 1, 3}, {1, 1, 3}}},
		{"empty text", []string{"a"}, "", nil},
		{"binary", []string{"\x00\xff"}, "\xff\x00\xff\x00", []match.Hit{{0, 1, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := match.Compile(tt.pats)
			if err != nil {
				t.Fatal(err)
			}
			got := m.AppendAll(nil, tt.text)
			sortHits(got)
			sortHits(tt.want)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AppendAll mismatch (-want +got):\n%s", diff)
			}
			if gotC, wantC := m.Contains(tt.text), len(tt.want) > 0; gotC != wantC {
				t.Errorf("Contains = %v, want %v", gotC, wantC)
			}
			if got, want := m.Count(tt.text), len(tt.want); got != want {
				t.Errorf("Count = %d, want %d", got, want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	t.Parallel()
	if _, err := match.Compile([]string{"a", ""}); err == nil {
		t.Error("empty pattern: want error")
	}
	if _, err := match.Compile([]string{strings.Repeat("x", match.MaxPatternLen+1)}); err == nil {
		t.Error("long pattern: want error")
	}
	var zero match.Matcher
	if zero.Contains("abc") || zero.Count("abc") != 0 {
		t.Error("zero Matcher must match nothing")
	}
}

// TestAgreement checks the matcher against strings.Contains and a brute
// force search on random dictionaries and texts over small alphabets (which
// force deep failure chains) and over CJK.
func TestAgreement(t *testing.T) {
	t.Parallel()
	alphabets := []string{"ab", "abc", "最佳第一顶级", "a最b佳"}
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 300; round++ {
		alpha := []rune(alphabets[round%len(alphabets)])
		word := func(n int) string {
			var b strings.Builder
			for range n {
				b.WriteRune(alpha[r.IntN(len(alpha))])
			}
			return b.String()
		}
		pats := make([]string, 1+r.IntN(20))
		for i := range pats {
			pats[i] = word(1 + r.IntN(5))
		}
		text := word(r.IntN(80) + (round%3)*r.IntN(400) + (round%7/6)*(4096+r.IntN(3000)))
		m, err := match.Compile(pats)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.CheckTable(); err != nil {
			t.Fatal(err)
		}
		got := m.AppendAll(nil, text)
		want := naive(pats, text)
		sortHits(got)
		sortHits(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("pats %q text %q (-want +got):\n%s", pats, text, diff)
		}
		anyWant := false
		for _, p := range pats {
			anyWant = anyWant || strings.Contains(text, p)
		}
		if m.Contains(text) != anyWant {
			t.Fatalf("Contains(%q) with %q = %v, want %v", text, pats, !anyWant, anyWant)
		}
	}
}

// TestAgreementCorpus checks the distinct word set found on the benchmark
// corpus against strings.Contains for both dictionaries.
func TestAgreementCorpus(t *testing.T) {
	t.Parallel()
	base := []string{"最佳", "国家级", "顶级", "第一", "销量第一", "无敌", "NO.1"}
	text := matchtest.Corpus(64<<10, base)
	for _, n := range []int{0, 500} {
		pats := append(slices.Clone(base), matchtest.ExtraWords(n)...)
		m, err := match.Compile(pats)
		if err != nil {
			t.Fatal(err)
		}
		found := make([]bool, len(pats))
		m.Scan(text, func(id, s, e int) bool {
			if text[s:e] != pats[id] {
				t.Fatalf("hit %d [%d:%d] = %q, want %q", id, s, e, text[s:e], pats[id])
			}
			found[id] = true
			return true
		})
		for id, p := range pats {
			if want := strings.Contains(text, p); found[id] != want {
				t.Errorf("%d words: %q found=%v, strings.Contains=%v", n, p, found[id], want)
			}
		}
	}
}

func TestScanStops(t *testing.T) {
	t.Parallel()
	m, err := match.Compile([]string{"a"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	m.Scan("aaaa", func(int, int, int) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("Scan called fn %d times after stop, want 2", n)
	}
}

func TestCleanScanAllocs(t *testing.T) {
	m, err := match.Compile(matchtest.ExtraWords(300))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("普通商品描述文字。", 50)
	if a := testing.AllocsPerRun(50, func() { m.Scan(text, func(int, int, int) bool { return true }) }); a != 0 {
		t.Errorf("Scan allocs = %v, want 0", a)
	}
	if a := testing.AllocsPerRun(50, func() { m.Contains(text) }); a != 0 {
		t.Errorf("Contains allocs = %v, want 0", a)
	}
}

func FuzzScan(f *testing.F) {
	f.Add("最佳\n国家级", "全网最佳国家级")
	f.Add("a\nab\nabc", "xxabcab")
	f.Add("\xff\n\x00", "\xff\x00")
	f.Fuzz(func(t *testing.T, dict, text string) {
		if len(dict) > 512 || len(text) > 4096 {
			return
		}
		var pats []string
		for _, p := range strings.Split(dict, "\n") {
			if p != "" {
				pats = append(pats, p)
			}
		}
		m, err := match.Compile(pats)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.CheckTable(); err != nil {
			t.Fatal(err)
		}
		got := m.AppendAll(nil, text)
		for _, h := range got {
			if h.Start < 0 || h.End > len(text) || text[h.Start:h.End] != pats[h.ID] {
				t.Fatalf("bad hit %+v", h)
			}
		}
		if want := naive(pats, text); len(want) != len(got) {
			t.Fatalf("got %d hits, want %d", len(got), len(want))
		}
	})
}

// BenchmarkCompile5k builds the byte-level automaton (Compile) and the
// compact rune-level one (CompileSymbols, what review.Keywords scans with)
// of the 5,000 dense words.
func BenchmarkCompile5k(b *testing.B) {
	words := matchtest.ExtraWords(5000)
	b.Run("bytes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := match.Compile(words); err != nil {
				b.Fatal(err)
			}
		}
	})
	pats, classes := denseSymbols()
	b.Run("symbols", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := match.CompileSymbols(pats, classes); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScan scans the shared 1 MiB corpus (matchtest, review-rules
// §5.2) with the 351-word list and with 5,000 dense extra words; the peer
// comparison lives in the nested module internal/peerbench.
func BenchmarkScan(b *testing.B) {
	var adlaw []string
	for _, w := range review.DefaultWordList().Words {
		adlaw = append(adlaw, w.Text)
	}
	corpus := matchtest.Corpus(1<<20, adlaw)
	clean := matchtest.Corpus(1<<20, nil)
	for _, d := range []struct {
		name  string
		words []string
	}{{"adlaw351", adlaw}, {"adlaw+5k", append(slices.Clone(adlaw), matchtest.ExtraWords(5000)...)}} {
		m, err := match.Compile(d.words)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(d.name+"/AppendAll", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			dst := m.AppendAll(nil, corpus)
			for b.Loop() {
				dst = m.AppendAll(dst[:0], corpus)
			}
		})
		// The compact rune-level automaton over the same text, one class
		// per rune (0 for runes no word contains), classes computed up
		// front: the automaton alone, without review's folding.
		pats, text, classes := runeClasses(d.words, corpus)
		a, err := match.CompileSymbols(pats, classes)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(d.name+"/Symbols", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			var dst []symHit
			for b.Loop() {
				dst = dst[:0]
				st := a.Stepper()
				var s, d uint32
				for i, c := range text {
					s, d = st.Next(s, d, c)
					if s >= match.OutFlag {
						s &^= match.OutFlag
						for _, id := range a.Outputs(s) {
							dst = append(dst, symHit{int(id), i + 1})
						}
					}
				}
			}
		})
		if d.name != "adlaw351" {
			continue // the dense words occur in any text of their alphabet
		}
		b.Run(d.name+"/Contains-clean", func(b *testing.B) {
			b.SetBytes(int64(len(clean)))
			b.ReportAllocs()
			for b.Loop() {
				m.Contains(clean)
			}
		})
	}
}

// TestSkipping compares a scan of text with filler bytes interleaved with
// the scan of the text without them, at every stream layout (short, four
// and eight interleaved streams, long filler runs at stream boundaries).
func TestSkipping(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 9))
	alpha := []string{"a", "b", "c", "最", "佳"}
	for round := 0; round < 60; round++ {
		var pats []string
		for range 1 + rng.IntN(12) {
			var b strings.Builder
			for range 1 + rng.IntN(5) {
				b.WriteString(alpha[rng.IntN(len(alpha))])
			}
			pats = append(pats, b.String())
		}
		m, err := match.CompileSkipping(pats, []byte{0xfe, 0xff})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.CheckTable(); err != nil {
			t.Fatal(err)
		}
		var plain strings.Builder
		for plain.Len() < []int{40, 900, 9000}[round%3] {
			plain.WriteString(alpha[rng.IntN(len(alpha))])
		}
		text := plain.String()
		var filled []byte
		pos := make([]int, len(text)+1)
		for i := 0; i < len(text); i++ {
			if rng.IntN(4) == 0 {
				for range 1 + rng.IntN([]int{3, 300}[rng.IntN(2)]) {
					filled = append(filled, 0xfe|byte(rng.IntN(2)))
				}
			}
			pos[i] = len(filled)
			filled = append(filled, text[i])
		}
		want := naive(pats, text)
		for i, h := range want {
			want[i] = match.Hit{ID: h.ID, Start: pos[h.Start], End: pos[h.End-1] + 1}
		}
		got := m.AppendAll(nil, string(filled))
		sortHits(want)
		sortHits(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d, %d bytes: hits mismatch (-want +got):\n%s", round, len(filled), diff)
		}
		// Without fillers in the text, the matcher is the plain one.
		if got, want := m.AppendAll(nil, text), naive(pats, text); len(got) != len(want) {
			t.Fatalf("round %d: %d hits on plain text, want %d", round, len(got), len(want))
		}
	}
	if _, err := match.CompileSkipping([]string{"a\xffb"}, []byte{0xff}); !errors.Is(err, match.ErrFiller) {
		t.Errorf("filler in pattern: err = %v", err)
	}
	all := make([]string, 0, 255)
	for b := 0; b < 255; b++ {
		all = append(all, string([]byte{byte(b)}))
	}
	m, err := match.CompileSkipping(all, []byte{0xff})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Count("a\xff\xffb"); got != 2 || m.Classes() > 256 {
		t.Errorf("255 used bytes: %d hits, %d classes", got, m.Classes())
	}
}

// FuzzScanSkipping checks a filler-skipping matcher on text with fillers
// (0xFE, 0xFF) against the plain scan of the text without them.
func FuzzScanSkipping(f *testing.F) {
	f.Add("最佳\n国家级", "全网最\xfe佳国家\xff\xff级")
	f.Add("ab\nb", "a\xffb\xfeb")
	f.Fuzz(func(t *testing.T, dict, text string) {
		if len(dict) > 512 || len(text) > 8192 {
			return
		}
		var pats []string
		for _, p := range strings.Split(dict, "\n") {
			if p != "" && strings.IndexByte(p, 0xfe) < 0 && strings.IndexByte(p, 0xff) < 0 {
				pats = append(pats, p)
			}
		}
		m, err := match.CompileSkipping(pats, []byte{0xfe, 0xff})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.CheckTable(); err != nil {
			t.Fatal(err)
		}
		// The plain text and where each of its bytes is in text.
		var plain []byte
		var pos []int
		for i := 0; i < len(text); i++ {
			if text[i] != 0xfe && text[i] != 0xff {
				plain = append(plain, text[i])
				pos = append(pos, i)
			}
		}
		want := naive(pats, string(plain))
		for i, h := range want {
			want[i] = match.Hit{ID: h.ID, Start: pos[h.Start], End: pos[h.End-1] + 1}
		}
		got := m.AppendAll(nil, text)
		sortHits(want)
		sortHits(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("hits mismatch (-want +got):\n%s", diff)
		}
	})
}

// runeClasses maps words and text to class sequences, one class per
// distinct rune of the words.
func runeClasses(words []string, text string) ([][]uint16, []uint16, int) {
	cls := map[rune]uint16{}
	pats := make([][]uint16, len(words))
	for i, w := range words {
		for _, r := range w {
			if cls[r] == 0 {
				cls[r] = uint16(len(cls) + 1)
			}
			pats[i] = append(pats[i], cls[r])
		}
	}
	var t []uint16
	for _, r := range text {
		t = append(t, cls[r])
	}
	return pats, t, len(cls) + 1
}
