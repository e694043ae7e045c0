package shopapi_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// TestToken_SingleFlight: thousands of concurrent callers of a cold
// source cause exactly one fetch from the platform.
func TestToken_SingleFlight(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	ts, err := srv.TokenSource(srv.HTTPClient())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	toks := make([]string, singleFlightCallers)
	errs := make([]error, singleFlightCallers)
	for i := range singleFlightCallers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			toks[i], errs[i] = ts.Token(t.Context())
		}()
	}
	close(start)
	wg.Wait()
	for i := range toks {
		if errs[i] != nil || toks[i] != toks[0] || toks[0] == "" {
			t.Fatalf("caller %d: %q, %v", i, toks[i], errs[i])
		}
	}
	if n := srv.TokenFetches(); n != 1 {
		t.Errorf("%d concurrent callers caused %d fetches, want 1", singleFlightCallers, n)
	}
}

// TestToken_EarlyRefreshAndExpiry uses synctest's clock: the token is
// reused until 5 minutes before expiry, then refreshed once.
func TestToken_EarlyRefreshAndExpiry(t *testing.T) {
	t.Parallel()
	// The fake's HTTP server lives outside the bubble (its accept loop
	// blocks on the network); the client reaches it in-process.
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(2*time.Hour))
	synctest.Test(t, func(t *testing.T) {
		ts, err := srv.TokenSource(&http.Client{Transport: srv.Transport()})
		if err != nil {
			t.Fatal(err)
		}
		first, err := ts.Token(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Hour + 54*time.Minute)
		if tok, _ := ts.Token(t.Context()); tok != first || srv.TokenFetches() != 1 {
			t.Errorf("refreshed before the early-refresh window (%d fetches)", srv.TokenFetches())
		}
		time.Sleep(2 * time.Minute) // 1h56m: inside the last 5 minutes
		second, err := ts.Token(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if second == first || srv.TokenFetches() != 2 {
			t.Errorf("no early refresh: %d fetches", srv.TokenFetches())
		}
	})
}

// TestToken_InvalidatedMidStream: the platform revokes the token (another
// process re-fetched it); the client invalidates only that token, fetches
// one new token and replays the call once.
func TestToken_InvalidatedMidStream(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	if _, _, err := c.Store.Info(ctx); err != nil {
		t.Fatal(err)
	}
	srv.InvalidateTokens()
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := c.Store.Info(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := srv.TokenFetches(); n != 2 {
		t.Errorf("%d fetches after one invalidation, want 2", n)
	}
}

// TestToken_StaticNoReplay: a source that cannot invalidate gets no replay.
func TestToken_StaticNoReplay(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c, err := shopapi.NewClient(shopapi.StaticToken("stale"), shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient()))
	if err != nil {
		t.Fatal(err)
	}
	_, resp, err := c.Store.Info(t.Context())
	if !errors.Is(err, shopapi.ErrAccessTokenExpired) || resp.Attempts != 1 {
		t.Errorf("error = %v after %d attempts", err, resp.Attempts)
	}
	if _, err := shopapi.StaticToken("").Token(t.Context()); err == nil {
		t.Error("empty static token accepted")
	}
}

func TestToken_Legacy(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	ts, err := srv.TokenSource(srv.HTTPClient(), shopapi.WithLegacyToken())
	if err != nil {
		t.Fatal(err)
	}
	c, err := shopapi.NewClient(ts, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient()))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Store.Info(t.Context()); err != nil {
		t.Fatal(err)
	}
	if srv.Calls("/cgi-bin/token") != 1 || srv.Calls("/cgi-bin/stable_token") != 0 {
		t.Error("legacy source did not use /cgi-bin/token")
	}
}

func TestToken_BadCredentials(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	for _, tt := range []struct {
		appID, secret string
		code          int
	}{
		{srv.AppID(), "wrong-secret-value", shopapi.CodeInvalidCredential},
		{"wxnotmine", srv.AppSecret(), shopapi.CodeInvalidAppID},
	} {
		ts, err := shopapi.NewShopTokenSource(tt.appID, tt.secret, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient()))
		if err != nil {
			t.Fatal(err)
		}
		_, err = ts.Token(t.Context())
		if apiCode(err) != tt.code {
			t.Errorf("errcode %d (%v), want %d", apiCode(err), err, tt.code)
		}
		if strings.Contains(err.Error(), tt.secret) {
			t.Errorf("error leaks the secret: %v", err)
		}
	}
	if _, err := shopapi.NewShopTokenSource("", "x"); err == nil {
		t.Error("empty appID accepted")
	}
	if _, err := shopapi.NewShopTokenSource("a", "b", shopapi.WithEarlyRefresh(-1)); err == nil {
		t.Error("negative early refresh accepted")
	}
}

// lockingStore is a shared store (as redisstore would be) that counts its
// operations and can fail.
type lockingStore struct {
	*shopapi.MemoryTokenStore
	fail                        bool
	locks, loads, stores, inval atomic.Int64
	mu                          sync.Mutex
}

var errStoreDown = errors.New("store down")

func (s *lockingStore) Load(ctx context.Context, key string) (shopapi.Token, bool, error) {
	s.loads.Add(1)
	if s.fail {
		return shopapi.Token{}, false, errStoreDown
	}
	return s.MemoryTokenStore.Load(ctx, key)
}

func (s *lockingStore) Store(ctx context.Context, key string, tok shopapi.Token) error {
	s.stores.Add(1)
	if s.fail {
		return errStoreDown
	}
	return s.MemoryTokenStore.Store(ctx, key, tok)
}

func (s *lockingStore) Invalidate(ctx context.Context, key, value string) error {
	s.inval.Add(1)
	if s.fail {
		return errStoreDown
	}
	return s.MemoryTokenStore.Invalidate(ctx, key, value)
}

func (s *lockingStore) LockRefresh(ctx context.Context, key string, ttl time.Duration) (func(), error) {
	s.locks.Add(1)
	if s.fail {
		return nil, errStoreDown
	}
	s.mu.Lock()
	return s.mu.Unlock, nil
}

// TestToken_SharedStore: two processes (sources) share a store with a
// refresh lock: the second re-Loads the first's token instead of fetching.
func TestToken_SharedStore(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	store := &lockingStore{MemoryTokenStore: shopapi.NewMemoryTokenStore()}
	a, _ := srv.TokenSource(srv.HTTPClient(), shopapi.WithTokenStore(store))
	b, _ := srv.TokenSource(srv.HTTPClient(), shopapi.WithTokenStore(store))
	ta, err := a.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	tb, err := b.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if ta != tb || srv.TokenFetches() != 1 {
		t.Errorf("two processes: %d fetches, tokens equal %v", srv.TokenFetches(), ta == tb)
	}
	if store.locks.Load() != 2 || store.stores.Load() != 1 {
		t.Errorf("locks %d, stores %d; want 2, 1", store.locks.Load(), store.stores.Load())
	}
	// Hot path: no store access once cached.
	loads := store.loads.Load()
	for range 100 {
		if _, err := a.Token(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	if store.loads.Load() != loads {
		t.Error("the hot path hit the store")
	}
	// The platform rejects the token: a invalidates it (compare-and-delete)
	// and fetches; b, told the same, re-Loads a's new token.
	srv.InvalidateTokens()
	if err := a.InvalidateToken(t.Context(), ta); err != nil {
		t.Fatal(err)
	}
	na, _ := a.Token(t.Context())
	if err := b.InvalidateToken(t.Context(), tb); err != nil {
		t.Fatal(err)
	}
	nb, _ := b.Token(t.Context())
	if na == ta || nb != na || srv.TokenFetches() != 2 {
		t.Errorf("after invalidation: %d fetches, b reused a's token %v", srv.TokenFetches(), nb == na)
	}
	// b's stale invalidation must not delete a's newer token.
	if err := b.InvalidateToken(t.Context(), ta); err != nil {
		t.Fatal(err)
	}
	if tok, ok, _ := store.MemoryTokenStore.Load(t.Context(), a.Key()); !ok || tok.AccessToken != na {
		t.Error("a stale invalidation deleted the newer token")
	}
}

// TestToken_StoreOutage: a failing store is logged (without secrets) and
// the process still fetches exactly once for many callers.
func TestToken_StoreOutage(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	var logs bytes.Buffer
	var logMu sync.Mutex
	store := &lockingStore{MemoryTokenStore: shopapi.NewMemoryTokenStore(), fail: true}
	ts, _ := srv.TokenSource(srv.HTTPClient(), shopapi.WithTokenStore(store),
		shopapi.WithLogger(slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &logMu}, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	c, err := shopapi.NewClient(ts, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient()))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := c.Store.Info(t.Context()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := srv.TokenFetches(); n != 1 {
		t.Errorf("store outage caused %d fetches, want 1", n)
	}
	tok, _ := ts.Token(t.Context())
	logMu.Lock()
	out := logs.String()
	logMu.Unlock()
	if !strings.Contains(out, "store down") {
		t.Errorf("store failure not logged:\n%s", out)
	}
	if strings.Contains(out, tok) || strings.Contains(out, srv.AppSecret()) {
		t.Errorf("log leaks a secret:\n%s", out)
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestMemoryTokenStore(t *testing.T) {
	t.Parallel()
	s := shopapi.NewMemoryTokenStore()
	ctx := t.Context()
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
	if _, ok, err := s.Load(ctx, "k"); ok || err != nil {
		t.Fatal("empty store returned a token")
	}
	_ = s.Store(ctx, "k", shopapi.Token{AccessToken: "new", ExpiresAt: at})
	_ = s.Invalidate(ctx, "k", "old")
	if tok, ok, _ := s.Load(ctx, "k"); !ok || tok.AccessToken != "new" || !tok.ExpiresAt.Equal(at) {
		t.Error("compare-and-delete deleted a different token")
	}
	_ = s.Invalidate(ctx, "k", "new")
	if _, ok, _ := s.Load(ctx, "k"); ok {
		t.Error("Invalidate did not delete the matching token")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Store(cctx, "k", shopapi.Token{}); err == nil {
		t.Error("Store ignored a cancelled context")
	}
}

// TestThirdParty: component_verify_ticket → component_access_token →
// authorizer_access_token, with the component token replayed once when
// the platform rejects it.
func TestThirdParty(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithComponent("wxcomponent0001", "component-secret-xyz"))
	hc := srv.HTTPClient()
	comp, err := shopapi.NewComponentTokenSource("wxcomponent0001", "component-secret-xyz",
		func(context.Context) (string, error) { return srv.ComponentVerifyTicket(), nil },
		shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	var saved atomic.Int64
	auth, err := shopapi.NewAuthorizerTokenSource(shopapi.AuthorizerConfig{
		ComponentAppID:  "wxcomponent0001",
		AuthorizerAppID: srv.AppID(),
		Component:       comp,
		RefreshToken:    func(context.Context) (string, error) { return srv.AuthorizerRefreshToken(), nil },
		SaveRefreshToken: func(context.Context, string) error {
			saved.Add(1)
			return nil
		},
	}, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	c, err := shopapi.NewClient(auth, shopapi.WithBaseURL(srv.URL()))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Store.Info(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := srv.TokenFetches(); n != 2 {
		t.Errorf("%d fetches, want component + authorizer = 2", n)
	}
	// The component token is revoked and the shop token rejected: the
	// client replays with a new authorizer token, whose fetch replays with
	// a new component token.
	srv.InvalidateComponentTokens()
	srv.InvalidateTokens()
	if _, _, err := c.Store.Info(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := srv.TokenFetches(); n != 4 {
		t.Errorf("%d fetches, want 4", n)
	}
	if saved.Load() != 0 {
		t.Error("unchanged refresh token was saved")
	}
	// A wrong ticket is reported, not retried forever.
	bad, _ := shopapi.NewComponentTokenSource("wxcomponent0001", "component-secret-xyz",
		func(context.Context) (string, error) { return "stale-ticket", nil },
		shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(hc), shopapi.WithTokenKey("other"))
	if _, err := bad.Token(t.Context()); apiCode(err) != 61006 {
		t.Errorf("stale ticket: %v", err)
	}
	if _, err := shopapi.NewAuthorizerTokenSource(shopapi.AuthorizerConfig{}); err == nil {
		t.Error("empty AuthorizerConfig accepted")
	}
}

// TestToken_EarlyRefreshFailureKeepsToken: a failed early refresh keeps
// the still-valid token and tries again 30 s later.
func TestToken_EarlyRefreshFailureKeepsToken(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(2*time.Hour))
	synctest.Test(t, func(t *testing.T) {
		ts, err := srv.TokenSource(&http.Client{Transport: srv.Transport()})
		if err != nil {
			t.Fatal(err)
		}
		first, err := ts.Token(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Hour + 56*time.Minute)
		srv.InjectFault("/cgi-bin/stable_token", shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 502})
		tok, err := ts.Token(t.Context())
		if err != nil || tok != first {
			t.Fatalf("failed early refresh: %q, %v; want the current token", tok, err)
		}
		calls := srv.Calls("/cgi-bin/stable_token")
		for range 10 {
			_, _ = ts.Token(t.Context())
		}
		if srv.Calls("/cgi-bin/stable_token") != calls {
			t.Error("refresh retried at once")
		}
		time.Sleep(31 * time.Second)
		second, err := ts.Token(t.Context())
		if err != nil || second == first {
			t.Errorf("refresh 30 s later: %q, %v", second, err)
		}
		// Once expired, a failing refresh is an error.
		time.Sleep(2 * time.Hour)
		srv.InjectFault("/cgi-bin/stable_token", shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 502})
		if _, err := ts.Token(t.Context()); !errors.Is(err, shopapi.ErrHTTPStatus) {
			t.Errorf("expired token and failing refresh: %v", err)
		}
	})
}

// TestToken_RateLimited checks that token fetches go through the token
// source's limiter on its clock (synctest's): with a quota of 2 a minute,
// the third fetch waits for the next minute; a 45011 answer holds the path until the next
// minute.
func TestToken_RateLimited(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(365*24*time.Hour))
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		src, err := shopapi.NewShopTokenSource(srv.AppID(), srv.AppSecret(), shopapi.WithLegacyToken(),
			shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(&http.Client{Transport: srv.Transport()}),
			shopapi.WithRateLimits(shopapi.RateLimits{PerMinute: map[string]int{"/cgi-bin/token": 2}}))
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(45 * time.Second) // 00:00:45: the next minute is 15 s away (within the fetch timeout)
		start := time.Now()
		var waits []time.Duration
		for range 3 {
			tok, err := src.Token(ctx)
			if err != nil {
				t.Fatal(err)
			}
			waits = append(waits, time.Since(start))
			if err := src.InvalidateToken(ctx, tok); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff([]time.Duration{0, 0, 15 * time.Second}, waits); diff != "" {
			t.Errorf("fetch instants (-want +got):\n%s", diff)
		}
		if n := srv.TokenFetches(); n != 3 {
			t.Errorf("fetches = %d, want 3", n)
		}
	})
}

// TestToken_MinuteQuotaHolds checks that a 45011 answer to stable_token
// holds token fetches until the next minute of the source's clock.
func TestToken_MinuteQuotaHolds(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(365*24*time.Hour))
	srv.InjectFault("/cgi-bin/stable_token", shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 45011, Times: 1})
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		time.Sleep(45 * time.Second) // 00:00:45 on synctest's clock; the wait counts in the 30 s fetch timeout
		src, err := shopapi.NewShopTokenSource(srv.AppID(), srv.AppSecret(),
			shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(&http.Client{Transport: srv.Transport()}))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if _, err := src.Token(ctx); !errors.Is(err, shopapi.ErrRateLimited) {
			t.Fatalf("first fetch: %v, want ErrRateLimited", err)
		}
		if _, err := src.Token(ctx); err != nil {
			t.Fatal(err)
		}
		if got := time.Since(start); got != 15*time.Second {
			t.Errorf("second fetch after %v, want 15s (the next minute)", got)
		}
	})
}
