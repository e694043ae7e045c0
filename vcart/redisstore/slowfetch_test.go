package redisstore_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestTokenStore_FetchSlowerThanLockTTL: instance A's token fetch takes
// three times the refresh lock's TTL (shopapi's defaults are a 10 s lock
// and a 30 s fetch timeout). A keeps the lock alive meanwhile, so instance
// B waits for it, then finds A's token in Redis: one fetch in all. Without
// renewal the lock expired under A and B fetched a second token.
func TestTokenStore_FetchSlowerThanLockTTL(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	const ttl = 900 * time.Millisecond
	var fetches atomic.Int32
	started := make(chan struct{}, 2)
	fetcher := shopapi.TokenFetcherFunc(func(ctx context.Context, _ bool) (shopapi.Token, error) {
		n := fetches.Add(1)
		started <- struct{}{}
		select {
		case <-time.After(3 * ttl):
		case <-ctx.Done():
			return shopapi.Token{}, ctx.Err()
		}
		return shopapi.Token{AccessToken: "T" + string(rune('0'+n)), ExpiresAt: time.Now().Add(2 * time.Hour)}, nil
	})
	source := func() *shopapi.CachingTokenSource {
		store := newTokenStore(t, rdb, redisstore.WithLockWait(time.Minute))
		s, err := shopapi.NewCachingTokenSource("wxslow", fetcher, shopapi.WithTokenStore(store), shopapi.WithRefreshLockTTL(ttl))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := source(), source()
	ctx := t.Context()
	type result struct {
		tok string
		err error
	}
	resA := make(chan result, 1)
	go func() {
		tok, err := a.Token(ctx)
		resA <- result{tok, err}
	}()
	<-started // A holds the lock and is fetching
	tokB, errB := b.Token(ctx)
	ra := <-resA
	if ra.err != nil || errB != nil {
		t.Fatalf("Token: A %v, B %v", ra.err, errB)
	}
	if n := fetches.Load(); n != 1 || ra.tok != tokB {
		t.Errorf("%d fetches, tokens A %q B %q; want one fetch shared", n, ra.tok, tokB)
	}
}
