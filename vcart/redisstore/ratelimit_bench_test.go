package redisstore_test

import (
	"context"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// BenchmarkLimiterOverhead measures one API call against the fake over
// loopback HTTP with the in-process limiter and with the shared Redis
// limiter (one round trip to a local redis-server per call):
//
//	go test -run '^$' -bench LimiterOverhead -benchtime 2s ./vcart/redisstore
func BenchmarkLimiterOverhead(b *testing.B) {
	requireRedis(b)
	srv, err := shopapitest.New()
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	limits := shopapi.RateLimits{PerMinute: map[string]int{scalePath: 1 << 30}}
	base := []shopapi.Option{shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient())}
	ts, err := srv.TokenSource(srv.HTTPClient())
	if err != nil {
		b.Fatal(err)
	}
	rdb := newClient(b, shared.addr())
	if err := redisstore.Preload(context.Background(), rdb); err != nil {
		b.Fatal(err)
	}
	rl, err := redisstore.NewRateLimiter(rdb, "wxbench", limits, redisstore.WithPrefix(testPrefix(b)))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		opt  shopapi.Option
	}{
		{"in-process", shopapi.WithRateLimits(limits)},
		{"redis", shopapi.WithRateLimiter(rl)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c, err := shopapi.NewClient(ts, append(base, bc.opt)...)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := c.Store.Info(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
