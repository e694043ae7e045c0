package redisstore_test

import (
	"context"
	"errors"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestTokenStore_FetchSlowerThanLockTTL: instance A's token fetch outlasts
// its refresh lock's TTL three times over (shopapi's defaults: a 10 s lock,
// a 30 s fetch timeout). A keeps the lock alive meanwhile, so instance B
// cannot take it, and once A has stored its token B finds it in Redis: one
// fetch in all. Without renewal the lock expired under A and B fetched a
// second token, which invalidates A's on the legacy endpoint. The TTL's
// passing is simulated (the lock is left with 30 s, then renewed), so a
// loaded machine cannot make it flaky.
func TestTokenStore_FetchSlowerThanLockTTL(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	const ttl = 10 * time.Minute
	var fetches atomic.Int32
	started, release := make(chan struct{}, 2), make(chan struct{})
	fetcher := shopapi.TokenFetcherFunc(func(ctx context.Context, _ bool) (shopapi.Token, error) {
		n := fetches.Add(1)
		started <- struct{}{}
		select {
		case <-release:
		case <-ctx.Done():
			return shopapi.Token{}, ctx.Err()
		}
		return shopapi.Token{AccessToken: "T" + strconv.Itoa(int(n)), ExpiresAt: time.Now().Add(2 * time.Hour)}, nil
	})
	source := func(store *redisstore.TokenStore) *shopapi.CachingTokenSource {
		s, err := shopapi.NewCachingTokenSource("wxslow", fetcher, shopapi.WithTokenStore(store), shopapi.WithRefreshLockTTL(ttl))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	storeA := newTokenStore(t, rdb)
	renewA := newRenewer(storeA)
	storeB := newTokenStore(t, rdb, redisstore.WithLockWait(time.Minute))
	a, b := source(storeA), source(storeB)
	ctx := t.Context()
	type result struct {
		tok string
		err error
	}
	resA, resB := make(chan result, 1), make(chan result, 1)
	go func() {
		tok, err := a.Token(ctx)
		resA <- result{tok, err}
	}()
	<-started // A holds the lock and is fetching
	lk := testPrefix(t) + "wxslow:lock"
	probe := newTokenStore(t, rdb, redisstore.WithLockWait(50*time.Millisecond))
	for range 3 { // three TTLs pass while A fetches
		elapseAndRenew(t, rdb, renewA, lk, ttl)
		if _, err := probe.LockRefresh(ctx, "wxslow", time.Minute); !errors.Is(err, redisstore.ErrLockTimeout) {
			t.Fatalf("another instance's LockRefresh during A's fetch = %v, want ErrLockTimeout", err)
		}
	}
	go func() {
		tok, err := b.Token(ctx)
		resB <- result{tok, err}
	}()
	close(release)
	ra, rb := <-resA, <-resB
	if ra.err != nil || rb.err != nil {
		t.Fatalf("Token: A %v, B %v", ra.err, rb.err)
	}
	if n := fetches.Load(); n != 1 || ra.tok != rb.tok {
		t.Errorf("%d fetches, tokens A %q B %q; want one fetch shared", n, ra.tok, rb.tok)
	}
}
