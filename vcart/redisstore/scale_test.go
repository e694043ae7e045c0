package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// countHook counts the round trips to Redis, and those of the rate
// limiter's admissions (a script run on a "rl:{" key).
type countHook struct{ n, admit atomic.Int64 }

func (h *countHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *countHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.n.Add(1)
		if args := cmd.Args(); len(args) > 3 && (cmd.Name() == "evalsha" || cmd.Name() == "eval") {
			if k, ok := args[3].(string); ok && strings.Contains(k, "rl:{") {
				h.admit.Add(1)
			}
		}
		return next(ctx, cmd)
	}
}

func (h *countHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmds)
	}
}

const (
	scaleComponent = "wxcomponentscale1"
	scaleSecret    = "component-secret-scale-0123456789"
	scalePath      = "/channels/ec/basics/info/get"
	scaleQuota     = 5 // calls a minute per shop, set on the fake
)

// scaleRun is one simulated run: instances × merchants, each instance
// calling for each merchant burst times at the start of every block.
type scaleRun struct {
	instances, merchants, burst int
	blocks                      int
	block                       time.Duration
	shared                      bool // the redisstore limiter; else each instance's own
	quota                       int  // calls a minute per shop; scaleQuota when 0
}

type scaleResult struct {
	calls, quotaErrs, otherErrs int64
	fetches                     map[string]int
	redisCmds, limiterCmds      int64
}

// run plays the scenario inside a synctest bubble: time is fake and only
// advances when every goroutine waits (a Redis round trip is real I/O and
// holds the clock), so the simulated hour takes seconds.
func (s scaleRun) run(t *testing.T, addr, prefix string) scaleResult {
	var res scaleResult
	quota := s.quota
	if quota == 0 {
		quota = scaleQuota
	}
	// The fake and the Redis client are made outside the bubble: the
	// fake's listener and the client's pool would otherwise hold the fake
	// clock (a goroutine blocked on the network is not durably blocked).
	// Calls reach the fake in process, on the caller's goroutine, so the
	// fake reads the bubble's clock.
	srv, err := shopapitest.New(shopapitest.WithComponent(scaleComponent, scaleSecret),
		shopapitest.WithTokenTTL(20*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	hook := &countHook{}
	// A pool larger than the goroutines that may wait for a connection:
	// go-redis waits for a busy pool with a timer from a package-wide
	// sync.Pool, and a timer made in the bubble and reused outside it is a
	// fatal error.
	rdb := redis.NewClient(&redis.Options{Addr: addr, PoolSize: 2*s.instances*s.merchants + 64, MaxRetries: -1})
	defer rdb.Close()
	if err := redisstore.Preload(context.Background(), rdb); err != nil {
		t.Fatal(err)
	}
	rdb.AddHook(hook)
	synctest.Test(t, func(t *testing.T) {
		srv.SetQuota(scalePath, shopapitest.Quota{CallCount: quota, RefreshSecond: 60})
		hc := &http.Client{Transport: srv.Transport()}
		tokens, err := redisstore.NewTokenStore(rdb, redisstore.WithPrefix(prefix))
		if err != nil {
			t.Fatal(err)
		}
		refresh, err := redisstore.NewRefreshTokenStore(rdb, scaleComponent, redisstore.WithPrefix(prefix))
		if err != nil {
			t.Fatal(err)
		}
		limits := shopapi.RateLimits{PerMinute: map[string]int{scalePath: quota}}
		tokOpts := []shopapi.Option{shopapi.WithTokenStore(tokens), shopapi.WithBaseURL(srv.URL()),
			shopapi.WithHTTPClient(hc)}
		fleets := make([]*shopapi.Fleet, s.instances)
		for i := range fleets {
			comp, err := shopapi.NewComponentTokenSource(scaleComponent, scaleSecret,
				func(context.Context) (string, error) { return srv.ComponentVerifyTicket(), nil }, tokOpts...)
			if err != nil {
				t.Fatal(err)
			}
			cfg := shopapi.FleetConfig{ComponentAppID: scaleComponent, Component: comp, RefreshTokens: refresh,
				Options:    append(append([]shopapi.Option(nil), tokOpts...), shopapi.WithRetry(0, time.Second, time.Second), shopapi.WithRateLimits(limits)),
				MaxClients: s.merchants}
			if s.shared {
				cfg.RateLimiter = func(app string) (shopapi.RateLimiter, error) {
					return redisstore.NewRateLimiter(rdb, app, limits, redisstore.WithPrefix(prefix), redisstore.WithInstanceShare(s.instances))
				}
			}
			if fleets[i], err = shopapi.NewFleet(cfg); err != nil {
				t.Fatal(err)
			}
		}
		apps := make([]string, s.merchants)
		ctx := context.Background()
		for m := range apps {
			apps[m] = fmt.Sprintf("wxm%05d", m)
			// The authorisation callback reaches one instance; the
			// refresh token is shared through Redis.
			if err := fleets[m%s.instances].Add(ctx, apps[m], srv.AuthorizeShop(apps[m])); err != nil {
				t.Fatal(err)
			}
		}
		start := time.Now()
		var calls, quotaErrs, otherErrs atomic.Int64
		var once sync.Once
		for b := range s.blocks {
			var wg sync.WaitGroup
			for _, f := range fleets {
				for _, app := range apps {
					wg.Add(1)
					go func() {
						defer wg.Done()
						c, err := f.Client(ctx, app)
						if err != nil {
							otherErrs.Add(1)
							once.Do(func() { t.Errorf("client of %s: %v", app, err) })
							return
						}
						for range s.burst {
							calls.Add(1)
							_, _, err := c.Store.Info(ctx)
							switch {
							case errors.Is(err, shopapi.ErrRateLimited):
								quotaErrs.Add(1)
							case err != nil:
								otherErrs.Add(1)
								once.Do(func() { t.Errorf("call for %s: %v", app, err) })
							}
						}
					}()
				}
			}
			wg.Wait()
			next := start.Add(time.Duration(b+1) * s.block)
			if d := time.Until(next); d > 0 {
				time.Sleep(d)
			} else {
				t.Errorf("block %d overran its %v", b, s.block)
			}
		}
		res = scaleResult{calls: calls.Load(), quotaErrs: quotaErrs.Load(), otherErrs: otherErrs.Load(),
			fetches: map[string]int{}, redisCmds: hook.n.Load(), limiterCmds: hook.admit.Load()}
		for _, app := range apps {
			res.fetches[app] = srv.AuthorizerTokenFetches(app)
		}
	})
	return res
}

// TestScale_ManyMerchantsManyInstances runs a provider's backend, several
// instances with a fleet of merchants each, for a simulated hour against
// the fake and one real redis-server: bursts of calls above the per-shop
// quota never meet a 45011 when the instances share the limiter (and do
// when each counts alone), and each merchant's token is fetched once per
// expiry across all instances. VCART_SCALE=full runs the 4 × 200.
func TestScale_ManyMerchantsManyInstances(t *testing.T) {
	requireRedis(t)
	merchants := 30
	if os.Getenv("VCART_SCALE") == "full" {
		merchants = 200
	}
	// Every 10 minutes each of 4 instances calls 2 times per merchant: 8
	// calls against a quota of 5 a minute, so the shared limiter spreads
	// them over two minutes. Tokens live 20 minutes, refreshed 5 minutes
	// early: fetched at minutes 0, 20 and 40.
	run := scaleRun{instances: 4, merchants: merchants, burst: 2, blocks: 6, block: 10 * time.Minute, shared: true}
	wall := time.Now()
	res := run.run(t, shared.addr(), testPrefix(t))
	elapsed := time.Since(wall)
	if res.quotaErrs != 0 || res.otherErrs != 0 {
		t.Errorf("shared limiter: %d calls, %d answered 45011, %d failed otherwise; want none", res.calls, res.quotaErrs, res.otherErrs)
	}
	for app, n := range res.fetches {
		if n != 3 {
			t.Errorf("%s: %d token fetches in the hour, want 3 (one per expiry, across %d instances)", app, n, run.instances)
			break
		}
	}
	if res.limiterCmds != res.calls {
		t.Errorf("the limiter made %d round trips for %d calls, want one each", res.limiterCmds, res.calls)
	}
	t.Logf("%d instances × %d merchants, one simulated hour in %v: %d calls, no 45011; Redis round trips: %d in all, %.2f per call for the limiter, %.2f per merchant per instance per token lifetime for tokens",
		run.instances, run.merchants, elapsed.Round(time.Millisecond), res.calls, res.redisCmds,
		float64(res.limiterCmds)/float64(res.calls),
		float64(res.redisCmds-res.limiterCmds)/float64(run.instances*run.merchants*3))

	// A quota large enough for the instances to reserve blocks of calls
	// (up to 320/4/8 = 10 per round trip): 4 × 120 calls per merchant
	// against 320 a minute still meet no 45011, in fewer round trips.
	leased := scaleRun{instances: 4, merchants: 5, burst: 120, blocks: 2, block: 10 * time.Minute, shared: true, quota: 320}
	lres := leased.run(t, shared.addr(), testPrefix(t)+"leased:")
	if lres.quotaErrs != 0 || lres.otherErrs != 0 {
		t.Errorf("leased: %d calls, %d answered 45011, %d failed otherwise; want none", lres.calls, lres.quotaErrs, lres.otherErrs)
	}
	if lres.limiterCmds*4 > lres.calls {
		t.Errorf("leased: the limiter made %d round trips for %d calls, want at most one per 4 calls", lres.limiterCmds, lres.calls)
	}
	t.Logf("leased: %d instances × %d merchants, %d calls against a quota of %d a minute, no 45011; %.3f limiter round trips per call",
		leased.instances, leased.merchants, lres.calls, leased.quota, float64(lres.limiterCmds)/float64(lres.calls))

	// The control: the same burst with each instance counting alone.
	alone := scaleRun{instances: 4, merchants: 10, burst: 2, blocks: 1, block: 10 * time.Minute}
	ctl := alone.run(t, shared.addr(), testPrefix(t)+"control:")
	if ctl.quotaErrs == 0 {
		t.Errorf("control: instances counting alone met no 45011 in %d calls; the scenario does not exceed the quota", ctl.calls)
	}
}
