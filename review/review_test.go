package review_test

import (
	"testing"

	"github.com/vcart-sdk/vcart-go/review"
)

func mustNew(t testing.TB, opts ...review.Option) *review.Reviewer {
	t.Helper()
	r, err := review.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCleanListings(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	for name, l := range map[string]review.Listing{
		"apparel": cleanApparel(), "food": cleanFood(), "electronics": cleanElectronics(), "cosmetics": cleanCosmetics(),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := r.Review(l, at)
			if res.Verdict != review.VerdictClean {
				t.Errorf("verdict %s, want clean:\n%s", res.Verdict, res)
			}
		})
	}
}
