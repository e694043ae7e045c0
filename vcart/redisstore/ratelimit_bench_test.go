package redisstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// BenchmarkLimiterOverhead measures one API call against the fake over
// loopback HTTP with the in-process limiter and with the shared Redis
// limiter (a local redis-server), and reports the limiter's Redis round
// trips per call (rt/op):
//
//	VCART_REQUIRE_REDIS=1 go test -run '^$' -bench LimiterOverhead -benchtime 3000x -count 6 ./vcart/redisstore
//
// "redis" is the default limiter (an instance reserves blocks of calls,
// WithLease); "redis-1rt" makes one round trip per call (WithLease(1, …)).
// The "+ping" and "ping"/"admit-script" rows explain the cost of a round
// trip: a bare PING in a loop on its own, the admission script alone, and
// the in-process call followed by a bare PING. On a 2-core VM a round trip
// between calls costs far more than one in a tight loop (the client and
// redis-server wake each other on different, idle cores).
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
	ctx := context.Background()
	if err := redisstore.Preload(ctx, rdb); err != nil {
		b.Fatal(err)
	}
	hook := &countHook{}
	rdb.AddHook(hook)
	limiter := func(opts ...redisstore.Option) shopapi.Option {
		rl, err := redisstore.NewRateLimiter(rdb, "wxbench", limits, append(opts, redisstore.WithPrefix(testPrefix(b)))...)
		if err != nil {
			b.Fatal(err)
		}
		return shopapi.WithRateLimiter(rl)
	}
	ping := func(b *testing.B) {
		if err := rdb.Ping(ctx).Err(); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name   string
		opt    shopapi.Option // nil: no call
		before func(*testing.B)
	}{
		{name: "in-process", opt: shopapi.WithRateLimits(limits)},
		{name: "redis", opt: limiter()},
		{name: "redis-1rt", opt: limiter(redisstore.WithLease(1, time.Second))},
		{name: "in-process+ping", opt: shopapi.WithRateLimits(limits), before: ping},
		{name: "ping", before: ping},
		{name: "admit-script", before: func(b *testing.B) {
			key := []string{testPrefix(b) + "rl:{wxbench|script}"}
			if err := redisstore.AdmitScript.Run(ctx, rdb, key, time.Now().UnixMilli(), 1<<30, 60, 1).Err(); err != nil && err != redis.Nil {
				b.Fatal(err)
			}
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var c *shopapi.Client
			if bc.opt != nil {
				if c, err = shopapi.NewClient(ts, append(base, bc.opt)...); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			hook.n.Store(0)
			for b.Loop() {
				if bc.before != nil {
					bc.before(b)
				}
				if c == nil {
					continue
				}
				if _, _, err := c.Store.Info(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(hook.n.Load())/float64(b.N), "rt/op")
		})
	}
}
