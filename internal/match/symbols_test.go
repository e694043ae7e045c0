package match_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/internal/match"
	"github.com/vcart-sdk/vcart-go/internal/match/matchtest"
)

// symHit is a hit of a Symbols scan: pattern id and end (in symbols).
type symHit struct{ ID, End int }

// scanSymbols runs a over text and returns its hits in order of end, then
// in the automaton's order.
func scanSymbols(a *match.Symbols, text []uint16) []symHit {
	var out []symHit
	var s, d uint32
	for i, c := range text {
		s, d = a.Next(s, d, c)
		if s >= match.OutFlag {
			s &^= match.OutFlag
			for _, id := range a.Outputs(s) {
				out = append(out, symHit{int(id), i + 1})
			}
		}
	}
	return out
}

func naiveSymbols(pats [][]uint16, text []uint16) []symHit {
	var out []symHit
	for id, p := range pats {
		for e := len(p); e <= len(text); e++ {
			if slices.Equal(text[e-len(p):e], p) {
				out = append(out, symHit{id, e})
			}
		}
	}
	return out
}

func sortSymHits(h []symHit) {
	slices.SortFunc(h, func(a, b symHit) int {
		if a.End != b.End {
			return a.End - b.End
		}
		return a.ID - b.ID
	})
}

// TestSymbolsAgreement compares the compact automaton with brute force on
// random dictionaries over small and large alphabets (deep failure chains,
// inherited exceptions, crowded windows), and checks that hits of one end
// come longest first.
func TestSymbolsAgreement(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 300; round++ {
		classes := 2 + rng.IntN(3)
		if round%3 == 0 {
			classes = 2 + rng.IntN(300)
		}
		word := func(n int) []uint16 {
			w := make([]uint16, n)
			for i := range w {
				w[i] = uint16(1 + rng.IntN(classes-1))
			}
			return w
		}
		pats := make([][]uint16, 1+rng.IntN(40))
		for i := range pats {
			pats[i] = word(1 + rng.IntN(6))
		}
		a, err := match.CompileSymbols(pats, classes)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.CheckCells(); err != nil {
			t.Fatal(err)
		}
		text := word(rng.IntN(400))
		for i := range text { // class 0: a symbol no pattern contains
			if rng.IntN(10) == 0 {
				text[i] = 0
			}
		}
		got := scanSymbols(a, text)
		for i := 1; i < len(got); i++ {
			if p, h := got[i-1], got[i]; p.End == h.End && len(pats[p.ID]) < len(pats[h.ID]) {
				t.Fatalf("round %d: hits %v before %v: not longest first", round, p, h)
			}
		}
		want := naiveSymbols(pats, text)
		sortSymHits(got)
		sortSymHits(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d: hits differ (-want +got):\n%s", round, diff)
		}
		for _, h := range got {
			if n := a.PatternLen(int32(h.ID)); n != len(pats[h.ID]) {
				t.Fatalf("PatternLen(%d) = %d, want %d", h.ID, n, len(pats[h.ID]))
			}
		}
	}
}

// TestSymbolsDense checks the invariant and the size of the automaton of
// the benchmark's 5,000 dense words, one class per ideograph.
func TestSymbolsDense(t *testing.T) {
	t.Parallel()
	pats, classes := denseSymbols()
	a, err := match.CompileSymbols(pats, classes)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.CheckCells(); err != nil {
		t.Fatal(err)
	}
	// Each state owns about one cell; a state that copied its failure
	// state's transitions would take dozens.
	if a.Cells() > 4*a.States()+classes {
		t.Errorf("%d states take %d cells", a.States(), a.Cells())
	}
	text := pats[7]
	if got := scanSymbols(a, text); !slices.Contains(got, symHit{7, len(text)}) {
		t.Errorf("pattern 7 not found in itself: %v", got)
	}
}

func TestCompileSymbolsErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pats    [][]uint16
		classes int
		want    error
	}{
		{"empty pattern", [][]uint16{{1}, {}}, 3, match.ErrEmptyPattern},
		{"no classes", nil, 0, match.ErrTooLarge},
		{"too many classes", nil, match.MaxClasses + 1, match.ErrTooLarge},
		{"too long", [][]uint16{make([]uint16, match.MaxPatternLen+1)}, 3, match.ErrTooLarge},
		{"class 0", [][]uint16{{1, 0}}, 3, match.ErrBadClass},
		{"class out of range", [][]uint16{{3}}, 3, match.ErrBadClass},
	} {
		if _, err := match.CompileSymbols(tc.pats, tc.classes); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	a, err := match.CompileSymbols(nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := scanSymbols(a, []uint16{0, 0}); got != nil {
		t.Errorf("empty dictionary found %v", got)
	}
}

// denseSymbols returns matchtest.ExtraWords(5000) as class sequences.
func denseSymbols() ([][]uint16, int) {
	cls := map[rune]uint16{}
	var pats [][]uint16
	for _, w := range matchtest.ExtraWords(5000) {
		var p []uint16
		for _, r := range w {
			if cls[r] == 0 {
				cls[r] = uint16(len(cls) + 1)
			}
			p = append(p, cls[r])
		}
		pats = append(pats, p)
	}
	return pats, len(cls) + 1
}

func FuzzSymbols(f *testing.F) {
	f.Add([]byte{1, 2, 0, 2, 1, 0, 1}, []byte{1, 2, 1, 2, 1, 1})
	f.Fuzz(func(t *testing.T, dict, text []byte) {
		if len(dict) > 512 || len(text) > 4096 {
			return
		}
		var pats [][]uint16
		var cur []uint16
		for _, b := range dict { // 0 ends a pattern; classes 1..7
			if b%8 == 0 {
				if len(cur) > 0 {
					pats = append(pats, cur)
				}
				cur = nil
				continue
			}
			cur = append(cur, uint16(b%8))
		}
		if len(cur) > 0 {
			pats = append(pats, cur)
		}
		a, err := match.CompileSymbols(pats, 8)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.CheckCells(); err != nil {
			t.Fatal(err)
		}
		txt := make([]uint16, len(text))
		for i, b := range text {
			txt[i] = uint16(b % 8)
		}
		got, want := scanSymbols(a, txt), naiveSymbols(pats, txt)
		sortSymHits(got)
		sortSymHits(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("hits differ (-want +got):\n%s", diff)
		}
	})
}
