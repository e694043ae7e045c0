package redisstore_test

// The examples run against a real redis-server: TestMain starts one on a
// free loopback port and sets REDIS_ADDR; without redis-server on PATH they
// are skipped (and fail under VCART_REQUIRE_REDIS=1), like the tests. There
// is no in-memory stand-in: what they show is Redis's behaviour. Each
// example leaves the keys it used as it found them, so repeated runs print
// the same.

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// Example shows two backend instances sharing one Redis: 20 concurrent
// calls on each cause a single token fetch on the platform (here the
// in-memory fake, with the legacy /cgi-bin/token, where a second fetch would
// invalidate the first token).
func Example() {
	ctx := context.Background()
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()

	newInstance := func() (*shopapi.Client, func()) {
		rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ContextTimeoutEnabled: true})
		tokens, err := redisstore.NewTokenStore(rdb)
		if err != nil {
			panic(err)
		}
		ts, err := srv.TokenSource(srv.HTTPClient(), shopapi.WithTokenStore(tokens), shopapi.WithLegacyToken())
		if err != nil {
			panic(err)
		}
		c, err := shopapi.NewClient(ts, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient()))
		if err != nil {
			panic(err)
		}
		cleanup := func() {
			// Leave the shared Redis clean for the next run.
			if tok, ok, _ := tokens.Load(ctx, ts.Key()); ok {
				_ = tokens.Invalidate(ctx, ts.Key(), tok.AccessToken)
			}
			_ = rdb.Close()
		}
		return c, cleanup
	}
	a, cleanA := newInstance()
	defer cleanA()
	b, cleanB := newInstance()
	defer cleanB()

	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed int
	for range 20 {
		for _, c := range []*shopapi.Client{a, b} {
			wg.Go(func() {
				if _, _, err := c.Store.Info(ctx); err != nil {
					mu.Lock()
					failed++
					mu.Unlock()
				}
			})
		}
	}
	wg.Wait()
	fmt.Println("failed calls:", failed)
	fmt.Println("token fetches:", srv.TokenFetches())
	// Output:
	// failed calls: 0
	// token fetches: 1
}

func ExampleTokenStore() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	store, err := redisstore.NewTokenStore(rdb, redisstore.WithClock(func() time.Time { return now }))
	if err != nil {
		panic(err)
	}
	key := "vcart:token:wx-example"
	if err := store.Store(ctx, key, shopapi.Token{AccessToken: "AT-1", ExpiresAt: now.Add(7200 * time.Second)}); err != nil {
		panic(err)
	}
	tok, ok, err := store.Load(ctx, key)
	fmt.Println(ok, err, tok.ExpiresAt.UTC().Format(time.RFC3339))
	ttl, _ := rdb.TTL(ctx, key).Result() // 7200 s − the 200 s margin
	fmt.Println("ttl about", ttl.Round(time.Minute))

	// Invalidate is compare-and-delete: a stale token does not delete a newer one.
	_ = store.Invalidate(ctx, key, "AT-0")
	_, ok, _ = store.Load(ctx, key)
	fmt.Println("after invalidating AT-0:", ok)
	_ = store.Invalidate(ctx, key, "AT-1")
	_, ok, _ = store.Load(ctx, key)
	fmt.Println("after invalidating AT-1:", ok)
	// Output:
	// true <nil> 2026-03-01T02:00:00Z
	// ttl about 1h57m0s
	// after invalidating AT-0: true
	// after invalidating AT-1: false
}

func ExampleTokenStore_LockRefresh() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()
	a, _ := redisstore.NewTokenStore(rdb)
	b, err := redisstore.NewTokenStore(rdb, redisstore.WithLockWait(50*time.Millisecond))
	if err != nil {
		panic(err)
	}
	key := "vcart:token:wx-lock-example"

	unlock, err := a.LockRefresh(ctx, key, 10*time.Second)
	fmt.Println("A locked:", err == nil)
	_, err = b.LockRefresh(ctx, key, 10*time.Second)
	fmt.Println("B waits, then:", errors.Is(err, redisstore.ErrLockTimeout))
	unlock()
	unlockB, err := b.LockRefresh(ctx, key, 10*time.Second)
	fmt.Println("B locked after A unlocked:", err == nil)
	unlockB()
	// Output:
	// A locked: true
	// B waits, then: true
	// B locked after A unlocked: true
}

func ExampleDedupStore() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()
	a, _ := redisstore.NewDedupStore(rdb)   // instance A
	b, err := redisstore.NewDedupStore(rdb) // instance B
	if err != nil {
		panic(err)
	}
	key := "push:gh_shop:channels_ec_order_pay:1772294400:example"
	const processing, done = 14 * time.Second, 25 * time.Hour

	ownerA := rand.Text() // one token per claim
	st, _ := a.Claim(ctx, key, ownerA, processing)
	fmt.Println("A:", st)
	st, _ = b.Claim(ctx, key, rand.Text(), processing)
	fmt.Println("B, while A handles it:", st) // notify answers 503

	// A's handler failed: it releases its claim, so the next push is handled.
	_ = a.Release(ctx, key, ownerA)
	ownerB := rand.Text()
	st, _ = b.Claim(ctx, key, ownerB, processing)
	fmt.Println("B, next retry:", st)
	_ = b.Complete(ctx, key, ownerB, done) // B's handler succeeded
	st, _ = a.Claim(ctx, key, rand.Text(), processing)
	fmt.Println("A, a late retry:", st) // notify answers "success"

	rdb.Del(ctx, "vcart:dedup:"+key) // leave the shared Redis clean for the next run
	// Output:
	// A: first
	// B, while A handles it: in-flight
	// B, next retry: first
	// A, a late retry: done
}
