package shopapi_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// A quota given under an alias spelling (/channels/ec/category/all, the
// older pages' path) limits the endpoint the client calls under the index's
// spelling (/shop/ec/category/all); given under both, the smaller counts.
func TestRateLimit_AliasQuota(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		limits  map[string]int
		calls   int
		elapsed time.Duration
	}{
		{"alias only", map[string]int{"/channels/ec/category/all": 2}, 4, time.Minute},
		{"canonical only", map[string]int{"/shop/ec/category/all": 2}, 4, time.Minute},
		{"both, alias smaller", map[string]int{"/channels/ec/category/all": 1, "/shop/ec/category/all": 3}, 3, 2 * time.Minute},
		{"other path", map[string]int{"/channels/ec/category/detail": 1}, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := shopapitest.NewServer(t)
			synctest.Test(t, func(t *testing.T) {
				c := inprocClient(t, srv, shopapi.WithRateLimits(shopapi.RateLimits{PerMinute: tt.limits}))
				start := time.Now()
				for range tt.calls {
					if _, _, err := c.Categories.All(t.Context()); err != nil {
						t.Fatal(err)
					}
				}
				if el := time.Since(start); el != tt.elapsed {
					t.Errorf("%d calls took %v, want %v", tt.calls, el, tt.elapsed)
				}
			})
			if n := srv.Calls("/shop/ec/category/all"); n != tt.calls {
				t.Errorf("the fake counted %d calls of the endpoint, want %d", n, tt.calls)
			}
		})
	}
}
