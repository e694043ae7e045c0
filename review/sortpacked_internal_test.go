package review

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSortPacked checks the packed-key sort of FindAll against a
// comparison sort, and that it declines what its key cannot hold.
func TestSortPacked(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		hits := make([]KeywordHit, r.IntN(300))
		for i := range hits {
			s := r.IntN(200)
			hits[i] = KeywordHit{Word: string(rune('a' + i%26)), Start: s, End: s + 1 + r.IntN(8)}
		}
		want := slices.Clone(hits)
		slices.SortStableFunc(want, func(x, y KeywordHit) int {
			if x.Start != y.Start {
				return x.Start - y.Start
			}
			return y.End - x.End
		})
		var n normText
		got, ok := sortPacked(nil, hits, &n)
		if !ok {
			t.Fatal("sortPacked declined small hits")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d (-want +got):\n%s", round, diff)
		}
	}
	var n normText
	for _, h := range []KeywordHit{
		{Start: 1 << packStartBits, End: 1<<packStartBits + 1},
		{Start: 0, End: packLenMax + 1},
	} {
		if _, ok := sortPacked(nil, []KeywordHit{{Start: 0, End: 1}, h}, &n); ok {
			t.Errorf("sortPacked accepted %+v", h)
		}
	}
}
