package shopapi_test

import (
	"context"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// ExampleQuotaService_RateLimits loads the real per-path quotas at
// start-up and builds the client that uses them.
func ExampleQuotaService_RateLimits() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	srv.SetQuota("/channels/ec/order/get", shopapitest.Quota{DailyLimit: 100000, CallCount: 300, RefreshSecond: 60})
	srv.SetQuota("/channels/ec/order/list/get", shopapitest.Quota{DailyLimit: 100000, CallCount: 20, RefreshSecond: 1})
	ctx := context.Background()

	boot := srv.Client()
	q, _, err := boot.Quota.Get(ctx, "/channels/ec/order/get")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("order/get: %d a day, %d left, %d per %d s\n", q.Quota.DailyLimit, q.Quota.Remain, q.RateLimit.CallCount, q.RateLimit.RefreshSecond)

	limits, err := boot.Quota.RateLimits(ctx, shopapi.DefaultRateLimits(),
		[]string{"/channels/ec/order/get", "/channels/ec/order/list/get"}, false)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := boot.Clone(shopapi.WithRateLimits(limits))
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = c // use c from now on
	for _, p := range []string{"/channels/ec/order/get", "/channels/ec/order/list/get", "/cgi-bin/stable_token"} {
		fmt.Printf("%s: %d/min\n", p, limits.PerMinute[p])
	}
	// Output:
	// order/get: 100000 a day, 100000 left, 300 per 60 s
	// /channels/ec/order/get: 300/min
	// /channels/ec/order/list/get: 1200/min
	// /cgi-bin/stable_token: 10000/min
}
