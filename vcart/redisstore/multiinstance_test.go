package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// instance is one simulated backend process: its own go-redis client, token
// store, caching token source and shopapi.Client.
type instance struct {
	store  *redisstore.TokenStore
	tokens *shopapi.CachingTokenSource
	client *shopapi.Client
}

func newInstance(t *testing.T, srv *shopapitest.Server, addr string, clock func() time.Time, tokenOpts ...shopapi.Option) *instance {
	t.Helper()
	return newInstanceHC(t, srv, &http.Client{Transport: srv.Transport()}, addr, clock, tokenOpts...)
}

func newInstanceHC(t *testing.T, srv *shopapitest.Server, hc *http.Client, addr string, clock func() time.Time, tokenOpts ...shopapi.Option) *instance {
	t.Helper()
	// A generous op timeout: an operation timing out on a loaded machine
	// falls back to an in-process fetch and breaks "exactly one fetch". A
	// stopped Redis refuses connections at once, so no test waits for it.
	store := newTokenStore(t, newClient(t, addr), redisstore.WithClock(clock), redisstore.WithOpTimeout(10*time.Second))
	opts := append([]shopapi.Option{shopapi.WithTokenStore(store), shopapi.WithClock(clock)}, tokenOpts...)
	ts, err := srv.TokenSource(hc, opts...)
	if err != nil {
		t.Fatalf("TokenSource: %v", err)
	}
	c, err := shopapi.NewClient(ts, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(hc), shopapi.WithClock(clock))
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return &instance{store: store, tokens: ts, client: c}
}

// callAll makes goroutines calls per instance at once and returns the
// access tokens they used.
func callAll(t *testing.T, insts []*instance, goroutines int) map[string]int {
	t.Helper()
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for _, in := range insts {
		for range goroutines {
			wg.Go(func() {
				if _, _, err := in.client.Store.Info(t.Context()); err != nil {
					t.Errorf("Store.Info: %v", err)
					return
				}
				tok, err := in.tokens.Token(t.Context())
				if err != nil {
					t.Errorf("Token: %v", err)
					return
				}
				mu.Lock()
				seen[tok]++
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	return seen
}

// TestMultiInstance_ExactlyOneFetch: several instances, each with its own
// go-redis client and token source, many goroutines each, against one fake
// shop API using the legacy /cgi-bin/token (where every fetch invalidates
// the previous token): exactly one fetch, and no call is rejected. Then
// Redis restarts in the middle of the token's life.
func TestMultiInstance_ExactlyOneFetch(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	var now atomic.Int64
	now.Store(fixedNow.UnixNano())
	clock := func() time.Time { return time.Unix(0, now.Load()) }
	srv := shopapitest.NewServer(t, shopapitest.WithClock(clock))
	const instances, goroutines = 4, 25
	insts := make([]*instance, instances)
	for i := range insts {
		insts[i] = newInstance(t, srv, r.Addr(), clock, shopapi.WithLegacyToken())
	}

	seen := callAll(t, insts, goroutines)
	if got := srv.TokenFetches(); got != 1 || len(seen) != 1 {
		t.Fatalf("phase 1: %d token fetches, tokens used %d; want exactly 1 fetch shared by all", got, len(seen))
	}
	if got := srv.Calls("/cgi-bin/token"); got != 1 {
		t.Fatalf("phase 1: %d requests to /cgi-bin/token, want 1", got)
	}

	// Two hours on, every token is due; Redis is down. Each instance falls
	// back to its in-process single flight: at most one fetch per instance.
	now.Add(int64(2 * time.Hour))
	r.Stop()
	before := srv.TokenFetches()
	callAll(t, insts, goroutines)
	if got := srv.TokenFetches() - before; got < 1 || got > instances {
		t.Fatalf("Redis down: %d fetches, want 1..%d (at most one per instance)", got, instances)
	}

	// Redis is back, empty; two hours on, one fetch serves everyone again.
	r.Start()
	now.Add(int64(2 * time.Hour))
	before = srv.TokenFetches()
	seen = callAll(t, insts, goroutines)
	if got := srv.TokenFetches() - before; got != 1 || len(seen) != 1 {
		t.Fatalf("after restart: %d fetches, tokens used %d; want exactly 1", got, len(seen))
	}
}

// onTokenFetch runs hook once, when the first token request is about to
// leave, then forwards every request.
type onTokenFetch struct {
	base http.RoundTripper
	once *sync.Once
	hook func()
}

func (o onTokenFetch) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Path == "/cgi-bin/token" {
		o.once.Do(o.hook)
	}
	return o.base.RoundTrip(req)
}

// TestMultiInstance_RedisDiesMidRefresh: Redis dies while the lock holder
// is fetching and the other instances wait for its lock. Every call still
// succeeds, with at most one fetch per instance; after Redis comes back one
// fetch serves everyone again.
func TestMultiInstance_RedisDiesMidRefresh(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	var now atomic.Int64
	now.Store(fixedNow.UnixNano())
	clock := func() time.Time { return time.Unix(0, now.Load()) }
	srv := shopapitest.NewServer(t, shopapitest.WithClock(clock))
	var once sync.Once
	hc := &http.Client{Transport: onTokenFetch{base: srv.Transport(), once: &once, hook: r.Stop}}
	const instances, goroutines = 4, 10
	insts := make([]*instance, instances)
	for i := range insts {
		insts[i] = newInstanceHC(t, srv, hc, r.Addr(), clock, shopapi.WithLegacyToken())
	}
	callAll(t, insts, goroutines) // fails the test on any failed call
	if got := srv.TokenFetches(); got < 1 || got > instances {
		t.Fatalf("Redis died mid-refresh: %d fetches, want 1..%d", got, instances)
	} else {
		t.Logf("Redis died mid-refresh: %d fetches for %d instances", got, instances)
	}
	r.Start()
	now.Add(int64(2 * time.Hour))
	before := srv.TokenFetches()
	if seen := callAll(t, insts, goroutines); srv.TokenFetches()-before != 1 || len(seen) != 1 {
		t.Fatalf("after restart: %d fetches, %d tokens used; want 1", srv.TokenFetches()-before, len(seen))
	}
}

// TestMultiInstance_RejectedToken: when the platform rejects the shared
// token (another system re-fetched it), one instance invalidates it with
// compare-and-delete and refreshes; the others pick the new token up from
// Redis instead of fetching their own.
func TestMultiInstance_RejectedToken(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	srv := shopapitest.NewServer(t)
	a := newInstance(t, srv, r.Addr(), time.Now, shopapi.WithLegacyToken())
	b := newInstance(t, srv, r.Addr(), time.Now, shopapi.WithLegacyToken())
	ctx := t.Context()
	callAll(t, []*instance{a, b}, 1)
	old, err := a.tokens.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv.InvalidateTokens() // the platform now answers 40001 for old
	if _, _, err := a.client.Store.Info(ctx); err != nil {
		t.Fatalf("A after the token was revoked: %v", err)
	}
	newTok, err := a.tokens.Token(ctx)
	if err != nil || newTok == old {
		t.Fatalf("A's token after refresh = (same as before: %v), %v", newTok == old, err)
	}
	stored, ok, err := b.store.Load(ctx, a.tokens.Key())
	if err != nil || !ok || stored.AccessToken != newTok {
		t.Fatalf("Redis holds (same as A's new token: %v, ok %v), %v", stored.AccessToken == newTok, ok, err)
	}
	// B still holds old in memory; its call is rejected once, then it
	// re-Loads A's token from Redis: no third fetch.
	if _, _, err := b.client.Store.Info(ctx); err != nil {
		t.Fatalf("B after A refreshed: %v", err)
	}
	if got := srv.TokenFetches(); got != 2 {
		t.Errorf("%d token fetches, want 2 (the first and A's refresh)", got)
	}
}

// TestMultiInstance_KeyLayout: shopapi's keys start with the default prefix
// and are not prefixed twice; another prefix is added in front.
func TestMultiInstance_KeyLayout(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	ctx := t.Context()
	appID := "wxlayout" + strings.ReplaceAll(testPrefix(t), ":", "")
	key := "vcart:token:" + appID
	tok := shopapi.Token{AccessToken: "AT", ExpiresAt: time.Now().Add(time.Hour)}
	for _, tt := range []struct {
		prefix    string
		wantToken string
	}{
		{redisstore.DefaultPrefix, key},
		{"staging:", "staging:" + key},
	} {
		s, err := redisstore.NewTokenStore(rdb, redisstore.WithPrefix(tt.prefix))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Store(ctx, key, tok); err != nil {
			t.Fatal(err)
		}
		unlock, err := s.LockRefresh(ctx, key, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		n, err := rdb.Exists(ctx, tt.wantToken, tt.wantToken+":lock").Result()
		unlock()
		if err != nil || n != 2 {
			t.Errorf("prefix %q: keys %q and its :lock exist = %d, %v; want 2", tt.prefix, tt.wantToken, n, err)
		}
		rdb.Del(ctx, tt.wantToken)
	}
}

const (
	pushToken = "AAAAA"
	pushKey   = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	pushApp   = "wx2c2769f8efd9abc2"
	pushUnix  = 1772294400 // 2026-03-01 00:00:00 +08:00
)

func orderPay(orderID string) []byte {
	return []byte(`{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772294400,"MsgType":"event",` +
		`"Event":"channels_ec_order_pay","order_info":{"order_id":"` + orderID + `","pay_time":1772294399}}`)
}

// pushInstance is one backend process receiving pushes: its own go-redis
// client, DedupStore and notify.Handler.
func pushInstance(t *testing.T, handled func(orderID string) error) *notify.Handler {
	t.Helper()
	return pushInstanceOn(t, sharedClient(t), handled)
}

func pushInstanceOn(t *testing.T, rdb *redis.Client, handled func(orderID string) error) *notify.Handler {
	t.Helper()
	dedup := newDedupStore(t, rdb)
	v, err := notify.NewVerifier(pushToken, pushKey, pushApp,
		notify.WithClock(func() time.Time { return time.Unix(pushUnix, 0) }))
	if err != nil {
		t.Fatal(err)
	}
	h, err := notify.NewHandler(v, notify.WithDedupStore(dedup))
	if err != nil {
		t.Fatal(err)
	}
	if err := notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
		return handled(string(e.OrderInfo.OrderID))
	}); err != nil {
		t.Fatal(err)
	}
	return h
}

// TestMultiInstance_DedupPush: the same signed event delivered to two
// instances at once is handled once; a failed handling is released and the
// platform's retry is handled by the other instance.
func TestMultiInstance_DedupPush(t *testing.T) {
	t.Parallel()
	// The key space of this test: each handler's store shares testPrefix(t).
	enc, err := notifytest.NewEncoder(pushToken, pushKey, pushApp)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	handled := map[string]int{}
	failNext := map[string]bool{"o-2": true}
	record := func(id string) error {
		mu.Lock()
		defer mu.Unlock()
		handled[id]++
		if failNext[id] {
			failNext[id] = false
			return errors.New("database down")
		}
		return nil
	}
	a, b := pushInstance(t, record), pushInstance(t, record)
	deliver := func(h http.Handler, orderID, nonce string) int {
		req, err := enc.NewRequest("http://backend.example/push", orderPay(orderID), fmt.Sprint(pushUnix), nonce)
		if err != nil {
			t.Error(err)
			return 0
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}

	// o-1: delivered 10 times to each instance, concurrently.
	var wg sync.WaitGroup
	var ok atomic.Int64
	for i := range 10 {
		for j, h := range []http.Handler{a, b} {
			wg.Go(func() {
				if deliver(h, "o-1", fmt.Sprintf("n%d-%d", i, j)) == http.StatusOK {
					ok.Add(1)
				}
			})
		}
	}
	wg.Wait()
	mu.Lock()
	got := handled["o-1"]
	mu.Unlock()
	if got != 1 {
		t.Fatalf("o-1 handled %d times, want exactly once", got)
	}
	if ok.Load() == 0 {
		t.Fatal("no delivery of o-1 was acknowledged")
	}

	// o-2: A fails (and releases the claim), so the retry on B handles it;
	// a later retry on A is then a duplicate.
	if code := deliver(a, "o-2", "r1"); code == http.StatusOK {
		t.Fatalf("failed handling answered %d, want an error status", code)
	}
	if code := deliver(b, "o-2", "r2"); code != http.StatusOK {
		t.Fatalf("retry on B answered %d, want 200", code)
	}
	if code := deliver(a, "o-2", "r3"); code != http.StatusOK {
		t.Fatalf("duplicate on A answered %d, want 200", code)
	}
	mu.Lock()
	got = handled["o-2"]
	mu.Unlock()
	if got != 2 {
		t.Fatalf("o-2 handled %d times, want 2 (the failure and B's retry)", got)
	}
}

// TestMultiInstance_InFlightRetry: a retry that lands on instance B while A
// is still handling the event is answered 503, not "success"; A then fails
// and releases its claim, and the platform's next retry is handled by B;
// a later retry on A finds it done.
func TestMultiInstance_InFlightRetry(t *testing.T) {
	t.Parallel()
	enc, err := notifytest.NewEncoder(pushToken, pushKey, pushApp)
	if err != nil {
		t.Fatal(err)
	}
	started, proceed := make(chan struct{}), make(chan struct{})
	var handledA, handledB atomic.Int64
	a := pushInstance(t, func(string) error {
		handledA.Add(1)
		close(started)
		<-proceed                          // slow …
		return errors.New("database down") // … then failing
	})
	b := pushInstance(t, func(string) error { handledB.Add(1); return nil })
	deliver := func(h http.Handler, nonce string) int {
		req, err := enc.NewRequest("http://backend.example/push", orderPay("o-5"), fmt.Sprint(pushUnix), nonce)
		if err != nil {
			t.Error(err)
			return 0
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	codeA := make(chan int, 1)
	go func() { codeA <- deliver(a, "first") }()
	<-started
	if code := deliver(b, "retry-while-in-flight"); code != http.StatusServiceUnavailable {
		close(proceed)
		<-codeA
		t.Fatalf("retry on B while A handles: %d, want 503", code)
	}
	close(proceed)
	if code := <-codeA; code != http.StatusInternalServerError {
		t.Fatalf("A's failure answered %d, want 500", code)
	}
	if code := deliver(b, "next-retry"); code != http.StatusOK {
		t.Fatalf("next retry on B: %d, want 200", code)
	}
	if code := deliver(a, "late-retry"); code != http.StatusOK {
		t.Fatalf("late retry on A: %d, want 200 (done)", code)
	}
	if na, nb := handledA.Load(), handledB.Load(); na != 1 || nb != 1 {
		t.Fatalf("handled by A %d, by B %d; want 1 and 1", na, nb)
	}
}

// TestMultiInstance_DedupRedisRestart: while Redis is down a push is
// answered with an error and not handled (the platform pushes it again);
// once Redis is back the retry is handled once across both instances.
func TestMultiInstance_DedupRedisRestart(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	enc, err := notifytest.NewEncoder(pushToken, pushKey, pushApp)
	if err != nil {
		t.Fatal(err)
	}
	var handled atomic.Int64
	count := func(string) error { handled.Add(1); return nil }
	a := pushInstanceOn(t, newClient(t, r.Addr()), count)
	b := pushInstanceOn(t, newClient(t, r.Addr()), count)
	deliver := func(h http.Handler, nonce string) int {
		req, err := enc.NewRequest("http://backend.example/push", orderPay("o-9"), fmt.Sprint(pushUnix), nonce)
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	r.Stop()
	if code := deliver(a, "down"); code == http.StatusOK {
		t.Fatalf("push with Redis down answered %d, want an error status", code)
	}
	if n := handled.Load(); n != 0 {
		t.Fatalf("handled %d times with Redis down, want 0", n)
	}
	r.Start()
	codes := make([]int, 2)
	var wg sync.WaitGroup
	for i, h := range []http.Handler{a, b} {
		wg.Go(func() { codes[i] = deliver(h, fmt.Sprint("up", i)) })
	}
	wg.Wait()
	if n := handled.Load(); n != 1 {
		t.Fatalf("after restart handled %d times, want 1 (answers %v)", n, codes)
	}
}
