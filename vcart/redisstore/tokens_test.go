package redisstore_test

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var shanghai = vcart.Shanghai()

// fixedNow is the instant the fixed-clock tests run at.
var fixedNow = time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)

func newTokenStore(t testing.TB, rdb redis.Cmdable, opts ...redisstore.Option) *redisstore.TokenStore {
	t.Helper()
	s, err := redisstore.NewTokenStore(rdb, append([]redisstore.Option{redisstore.WithPrefix(testPrefix(t))}, opts...)...)
	if err != nil {
		t.Fatalf("NewTokenStore: %v", err)
	}
	return s
}

func TestTokenStore_StoreLoad(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	clock := redisstore.WithClock(func() time.Time { return fixedNow })
	tests := []struct {
		name    string
		tok     shopapi.Token
		wantTTL time.Duration // PTTL of the token key
	}{
		{"two hours minus margin", shopapi.Token{AccessToken: "AT-1", ExpiresAt: fixedNow.Add(7200 * time.Second)}, 7000 * time.Second},
		{"shorter than the margin keeps its own life", shopapi.Token{AccessToken: "AT-2", ExpiresAt: fixedNow.Add(150 * time.Second)}, 150 * time.Second},
		{"token with spaces and newline", shopapi.Token{AccessToken: "a b\nc", ExpiresAt: fixedNow.Add(time.Hour)}, time.Hour - redisstore.DefaultMargin},
		{"millisecond expiry kept", shopapi.Token{AccessToken: "AT-3", ExpiresAt: fixedNow.Add(time.Hour + 123*time.Millisecond)}, time.Hour + 123*time.Millisecond - redisstore.DefaultMargin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newTokenStore(t, rdb, clock)
			ctx := t.Context()
			if err := s.Store(ctx, "wxapp", tt.tok); err != nil {
				t.Fatalf("Store: %v", err)
			}
			got, ok, err := s.Load(ctx, "wxapp")
			if err != nil || !ok {
				t.Fatalf("Load = ok %v, err %v; want ok", ok, err)
			}
			if diff := cmp.Diff(tt.tok, got); diff != "" {
				t.Errorf("Load mismatch (-want +got):\n%s", diff)
			}
			pttl, err := rdb.PTTL(ctx, testPrefix(t)+"wxapp").Result()
			if err != nil {
				t.Fatal(err)
			}
			// PTTL counts down from the SET; allow a second of scheduling.
			if pttl > tt.wantTTL || pttl < tt.wantTTL-time.Second {
				t.Errorf("PTTL = %v, want about %v", pttl, tt.wantTTL)
			}
		})
	}
}

// TestTokenStore_StoreKeepsNewer: a late Store of an older token (its
// refresh overran the lock) does not overwrite a newer one; an equal or
// later expiry replaces it, and a corrupt value is overwritten.
func TestTokenStore_StoreKeepsNewer(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	s := newTokenStore(t, rdb, redisstore.WithClock(func() time.Time { return fixedNow }))
	ctx := t.Context()
	at := func(d time.Duration) time.Time { return fixedNow.Add(d) }
	steps := []struct {
		tok  shopapi.Token
		want string
	}{
		{shopapi.Token{AccessToken: "T2", ExpiresAt: at(7200 * time.Second)}, "T2"},
		{shopapi.Token{AccessToken: "T1", ExpiresAt: at(7190 * time.Second)}, "T2"},
		{shopapi.Token{AccessToken: "T2b", ExpiresAt: at(7200 * time.Second)}, "T2b"},
		{shopapi.Token{AccessToken: "T3", ExpiresAt: at(7300 * time.Second)}, "T3"},
	}
	for i, st := range steps {
		if err := s.Store(ctx, "k", st.tok); err != nil {
			t.Fatalf("step %d: Store: %v", i, err)
		}
		got, ok, err := s.Load(ctx, "k")
		if err != nil || !ok || got.AccessToken != st.want {
			t.Fatalf("step %d: Load = %q, %v, %v; want %q", i, got.AccessToken, ok, err, st.want)
		}
	}
	if err := rdb.Set(ctx, testPrefix(t)+"k", "garbage", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	if err := s.Store(ctx, "k", steps[0].tok); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := s.Load(ctx, "k"); err != nil || !ok || got.AccessToken != "T2" {
		t.Fatalf("after overwriting a corrupt value: %q, %v, %v", got.AccessToken, ok, err)
	}
}

func TestTokenStore_LoadMissingAndCorrupt(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	s := newTokenStore(t, rdb)
	ctx := t.Context()
	if _, ok, err := s.Load(ctx, "none"); ok || err != nil {
		t.Fatalf("Load(missing) = ok %v, err %v; want not ok, nil", ok, err)
	}
	for _, v := range []string{"", "plain-token", "v1 x tok", "v1 123", "v1 123 ", "v2 1 t", "v1 +1 t"} {
		if err := rdb.Set(ctx, testPrefix(t)+"bad", v, time.Minute).Err(); err != nil {
			t.Fatal(err)
		}
		_, ok, err := s.Load(ctx, "bad")
		if ok || !errors.Is(err, redisstore.ErrCorrupt) {
			t.Errorf("Load(%q) = ok %v, err %v; want ErrCorrupt", v, ok, err)
		}
		if len(v) > 6 && strings.Contains(err.Error(), v) {
			t.Errorf("Load error %q leaks the stored value", err)
		}
	}
}

func TestTokenStore_Validation(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	s := newTokenStore(t, rdb, redisstore.WithClock(func() time.Time { return fixedNow }))
	ctx := t.Context()
	tests := []struct {
		name string
		call func() error
		want []vcart.FieldError
	}{
		{"store everything wrong", func() error { return s.Store(ctx, "", shopapi.Token{ExpiresAt: fixedNow}) }, []vcart.FieldError{
			{Field: "key", Code: "required", Msg: "key must not be empty"},
			{Field: "tok.AccessToken", Code: "required", Msg: "access token must not be empty"},
			{Field: "tok.ExpiresAt", Code: "expired", Msg: "token has already expired"},
		}},
		{"store expired", func() error {
			return s.Store(ctx, "k", shopapi.Token{AccessToken: "t", ExpiresAt: fixedNow.Add(-time.Second)})
		}, []vcart.FieldError{{Field: "tok.ExpiresAt", Code: "expired", Msg: "token has already expired"}}},
		{"load empty key", func() error { _, _, err := s.Load(ctx, ""); return err }, []vcart.FieldError{
			{Field: "key", Code: "required", Msg: "key must not be empty"}}},
		{"invalidate empty", func() error { return s.Invalidate(ctx, "", "") }, []vcart.FieldError{
			{Field: "key", Code: "required", Msg: "key must not be empty"},
			{Field: "value", Code: "required", Msg: "token to invalidate must not be empty"},
		}},
		{"lock bad ttl", func() error { _, err := s.LockRefresh(ctx, "", time.Microsecond); return err }, []vcart.FieldError{
			{Field: "key", Code: "required", Msg: "key must not be empty"},
			{Field: "ttl", Code: "min", Msg: "ttl must be at least 1ms"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, vcart.ErrInvalid) {
				t.Fatalf("error = %v, want *vcart.ValidationError", err)
			}
			if diff := cmp.Diff(tt.want, ve.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	if n, err := rdb.Exists(ctx, testPrefix(t)+"k").Result(); err != nil || n != 0 {
		t.Errorf("a rejected Store wrote the key (exists=%d, err=%v)", n, err)
	}
}

func TestTokenStore_Invalidate(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	s := newTokenStore(t, rdb)
	ctx := t.Context()
	exp := time.Now().Add(time.Hour)
	tests := []struct {
		name     string
		stored   string // "" = nothing stored
		value    string
		wantKept bool
	}{
		{"same token deleted", "AT-old", "AT-old", false},
		{"newer token kept", "AT-new", "AT-old", true},
		{"prefix of stored token kept", "AT-old-2", "AT-old", true},
		{"token with spaces", "a b c", "a b c", false},
		{"token with newlines", "a\nb\n", "a\nb\n", false},
		{"newline-suffixed stored token kept", "AT-old\n", "AT-old", true},
		{"nothing stored", "", "AT-old", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := tt.name
			if tt.stored != "" {
				if err := s.Store(ctx, key, shopapi.Token{AccessToken: tt.stored, ExpiresAt: exp}); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Invalidate(ctx, key, tt.value); err != nil {
				t.Fatalf("Invalidate: %v", err)
			}
			got, ok, err := s.Load(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.wantKept || (ok && got.AccessToken != tt.stored) {
				t.Errorf("after Invalidate: ok=%v token=%q; want kept=%v", ok, got.AccessToken, tt.wantKept)
			}
		})
	}
}

func TestTokenStore_LockExclusive(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	a := newTokenStore(t, rdb)
	b := newTokenStore(t, rdb, redisstore.WithLockWait(100*time.Millisecond), redisstore.WithLockPolling(time.Millisecond, 10*time.Millisecond))
	ctx := t.Context()

	unlockA, err := a.LockRefresh(ctx, "k", time.Minute)
	if err != nil {
		t.Fatalf("A LockRefresh: %v", err)
	}
	if pttl, err := rdb.PTTL(ctx, testPrefix(t)+"k:lock").Result(); err != nil || pttl <= 59*time.Second || pttl > time.Minute {
		t.Errorf("lock PTTL = %v, %v; want about 1m", pttl, err)
	}
	if _, err := b.LockRefresh(ctx, "k", time.Minute); !errors.Is(err, redisstore.ErrLockTimeout) {
		t.Fatalf("B LockRefresh while A holds = %v, want ErrLockTimeout", err)
	}
	// A lock on another key is independent.
	unlockOther, err := b.LockRefresh(ctx, "other", time.Minute)
	if err != nil {
		t.Fatalf("B LockRefresh(other): %v", err)
	}
	unlockOther()
	unlockA()
	unlockA() // idempotent
	unlockB, err := b.LockRefresh(ctx, "k", time.Minute)
	if err != nil {
		t.Fatalf("B LockRefresh after A unlocked: %v", err)
	}
	defer unlockB()

	// A caller whose context ends stops waiting with the context's error.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := a.LockRefresh(cctx, "k", time.Minute); !errors.Is(err, context.Canceled) {
		t.Fatalf("LockRefresh(cancelled ctx) = %v, want context.Canceled", err)
	}
}

// TestTokenStore_LockHolderDies: a holder that never unlocks (it crashed:
// its context ends and its renewal with it) blocks others only until its
// lock expires.
func TestTokenStore_LockHolderDies(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	dead := newTokenStore(t, rdb)
	waiter := newTokenStore(t, rdb, redisstore.WithLockWait(30*time.Second))
	ctx := t.Context()
	const ttl = 300 * time.Millisecond
	dctx, die := context.WithCancel(ctx)
	if _, err := dead.LockRefresh(dctx, "k", ttl); err != nil { // never unlocked
		t.Fatal(err)
	}
	die()
	// The dead lock's remaining time, read after start: the lock cannot
	// be free before start+left, however loaded the machine (a fixed
	// "waited at least ttl/2" failed when the test itself was descheduled
	// for longer than the TTL before the waiter started).
	start := time.Now()
	left, err := rdb.PTTL(ctx, testPrefix(t)+"k:lock").Result()
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := waiter.LockRefresh(ctx, "k", time.Minute)
	if err != nil {
		t.Fatalf("waiter LockRefresh: %v", err)
	}
	defer unlock()
	if waited := time.Since(start); left > 0 && waited < left-5*time.Millisecond {
		t.Errorf("waiter got the lock after %v, before the dead holder's lock expired (%v left)", waited, left)
	}
}

// TestTokenStore_UnlockAfterExpiry: a holder whose lock expired (its
// renewal stopped: here its context ended) and was taken by another
// instance must not release the other's lock, and its renewal must not
// extend it.
func TestTokenStore_UnlockAfterExpiry(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	slow := newTokenStore(t, rdb)
	other := newTokenStore(t, rdb, redisstore.WithLockWait(30*time.Second))
	third := newTokenStore(t, rdb, redisstore.WithLockWait(50*time.Millisecond))
	ctx := t.Context()
	sctx, stall := context.WithCancel(ctx)
	unlockSlow, err := slow.LockRefresh(sctx, "k", 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	stall()
	unlockOther, err := other.LockRefresh(ctx, "k", time.Minute) // waits for the expiry
	if err != nil {
		t.Fatal(err)
	}
	defer unlockOther()
	unlockSlow() // too late: must leave other's lock alone
	if _, err := third.LockRefresh(ctx, "k", time.Minute); !errors.Is(err, redisstore.ErrLockTimeout) {
		t.Fatalf("lock after a stale unlock = %v, want ErrLockTimeout (other still holds it)", err)
	}
}

// renewer drives a store's lock renewal by hand (SetRenewHooks): tick
// renews once and returns whether the lock was kept.
type renewer struct {
	ticks   chan time.Time
	renewed chan bool
}

func newRenewer(s *redisstore.TokenStore) *renewer {
	r := &renewer{ticks: make(chan time.Time), renewed: make(chan bool, 1)}
	redisstore.SetRenewHooks(s, r.ticks, func(kept bool) { r.renewed <- kept })
	return r
}

func (r *renewer) tick(t *testing.T) bool {
	t.Helper()
	select {
	case r.ticks <- time.Time{}:
	case <-time.After(time.Minute):
		t.Fatal("the renewal goroutine is not running")
	}
	return <-r.renewed
}

// elapseAndRenew stands for most of the lock's TTL passing while its holder
// works: the lock is left with 30 s to live (instead of waiting in real
// time, which a loaded machine makes flaky), then one renewal runs; the
// lock must be back to its full TTL.
func elapseAndRenew(t *testing.T, rdb *redis.Client, r *renewer, lk string, ttl time.Duration) {
	t.Helper()
	ctx := t.Context()
	if ok, err := rdb.PExpire(ctx, lk, 30*time.Second).Result(); err != nil || !ok {
		t.Fatalf("PEXPIRE %s: %v, %v (the lock is gone)", lk, ok, err)
	}
	if !r.tick(t) {
		t.Fatal("the renewal found the lock gone or taken")
	}
	if pttl, err := rdb.PTTL(ctx, lk).Result(); err != nil || pttl <= ttl-time.Minute || pttl > ttl {
		t.Fatalf("lock PTTL after a renewal = %v, %v; want about %v", pttl, err, ttl)
	}
}

// TestTokenStore_LockRenewedWhileHeld: a holder that works through three
// of its lock's TTLs keeps the lock: each renewal resets the TTL (only for
// its own owner token), nobody else gets the lock meanwhile, and unlock
// still releases it. Without renewal the lock expired after one TTL and a
// second instance took it.
func TestTokenStore_LockRenewedWhileHeld(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	holder := newTokenStore(t, rdb)
	r := newRenewer(holder)
	other := newTokenStore(t, rdb, redisstore.WithLockWait(50*time.Millisecond))
	ctx := t.Context()
	const ttl = 10 * time.Minute
	lk := testPrefix(t) + "k:lock"
	unlock, err := holder.LockRefresh(ctx, "k", ttl)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		elapseAndRenew(t, rdb, r, lk, ttl)
		if _, err := other.LockRefresh(ctx, "k", time.Minute); !errors.Is(err, redisstore.ErrLockTimeout) {
			t.Fatalf("second LockRefresh while the holder works = %v, want ErrLockTimeout", err)
		}
	}
	unlock()
	if n, err := rdb.Exists(ctx, lk).Result(); err != nil || n != 0 {
		t.Errorf("lock exists after unlock: %d, %v", n, err)
	}
}

// TestTokenStore_RenewLostLock: a renewal that finds the lock taken by
// someone else (it expired during a pause) leaves it alone and logs. It
// runs on the real ticker (every TTL/3 = 100 ms) and waits up to 30 s for
// one tick, so load only slows it.
func TestTokenStore_RenewLostLock(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	var buf lockedBuffer
	holder := newTokenStore(t, rdb, redisstore.WithLogger(slog.New(slog.NewTextHandler(&buf, nil))))
	ctx := t.Context()
	const ttl = 300 * time.Millisecond
	unlock, err := holder.LockRefresh(ctx, "wxapp", ttl)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	lk := testPrefix(t) + "wxapp:lock"
	if err := rdb.Set(ctx, lk, "someone-else", time.Hour).Err(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(buf.String(), "expired or was taken") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if out := buf.String(); !strings.Contains(out, "expired or was taken") || !strings.Contains(out, "key=wxapp") {
		t.Fatalf("log = %q, want the lost lock named", out)
	}
	if pttl, err := rdb.PTTL(ctx, lk).Result(); err != nil || pttl < 59*time.Minute {
		t.Errorf("the other owner's lock PTTL = %v, %v; the renewal must not touch it", pttl, err)
	}
	unlock()
	if v, err := rdb.Get(ctx, lk).Result(); err != nil || v != "someone-else" {
		t.Errorf("after unlock the lock holds %q, %v; want the other owner's", v, err)
	}
}

// TestTokenStore_Unreachable: with Redis down every operation fails fast
// with ErrUnavailable instead of blocking.
func TestTokenStore_Unreachable(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	rdb := newClient(t, r.Addr())
	s := newTokenStore(t, rdb, redisstore.WithOpTimeout(500*time.Millisecond))
	d, err := redisstore.NewDedupStore(rdb, redisstore.WithPrefix(testPrefix(t)))
	if err != nil {
		t.Fatal(err)
	}
	r.Stop()
	ctx := t.Context()
	tok := shopapi.Token{AccessToken: "AT", ExpiresAt: time.Now().Add(time.Hour)}
	calls := map[string]func() error{
		"Load":        func() error { _, _, err := s.Load(ctx, "k"); return err },
		"Store":       func() error { return s.Store(ctx, "k", tok) },
		"Invalidate":  func() error { return s.Invalidate(ctx, "k", "AT") },
		"LockRefresh": func() error { _, err := s.LockRefresh(ctx, "k", time.Minute); return err },
		"Claim":       func() error { _, err := d.Claim(ctx, "k", "o", time.Minute); return err },
		"Release":     func() error { return d.Release(ctx, "k", "o") },
	}
	for name, call := range calls {
		start := time.Now()
		err := call()
		if !errors.Is(err, redisstore.ErrUnavailable) {
			t.Errorf("%s with Redis down = %v, want ErrUnavailable", name, err)
		}
		if el := time.Since(start); el > 20*time.Second { // a hang, not a slow machine
			t.Errorf("%s took %v with Redis down", name, el)
		}
	}
}

// TestTokenStore_Restart: the store recovers by itself when Redis comes back
// (empty, as it runs without persistence), scripts included.
func TestTokenStore_Restart(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	rdb := newClient(t, r.Addr())
	s := newTokenStore(t, rdb)
	ctx := t.Context()
	tok := shopapi.Token{AccessToken: "AT-1", ExpiresAt: time.Now().Add(time.Hour).Truncate(time.Millisecond)}
	if err := s.Store(ctx, "k", tok); err != nil {
		t.Fatal(err)
	}
	if err := s.Invalidate(ctx, "k", "other"); err != nil { // loads the script
		t.Fatal(err)
	}
	r.Stop()
	if _, _, err := s.Load(ctx, "k"); !errors.Is(err, redisstore.ErrUnavailable) {
		t.Fatalf("Load while down = %v, want ErrUnavailable", err)
	}
	r.Start()
	if _, ok, err := s.Load(ctx, "k"); ok || err != nil {
		t.Fatalf("Load after restart = ok %v, err %v; want empty store, no error", ok, err)
	}
	if err := s.Store(ctx, "k", tok); err != nil {
		t.Fatalf("Store after restart: %v", err)
	}
	// The script cache was lost with the restart: EVALSHA falls back to EVAL.
	if err := s.Invalidate(ctx, "k", "AT-1"); err != nil {
		t.Fatalf("Invalidate after restart: %v", err)
	}
	if _, ok, err := s.Load(ctx, "k"); ok || err != nil {
		t.Fatalf("Load after Invalidate = ok %v, err %v; want deleted", ok, err)
	}
	unlock, err := s.LockRefresh(ctx, "k", time.Minute)
	if err != nil {
		t.Fatalf("LockRefresh after restart: %v", err)
	}
	unlock()
}

func TestNewTokenStore_Config(t *testing.T) {
	t.Parallel()
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}) // never dialled
	t.Cleanup(func() { _ = rdb.Close() })
	tests := []struct {
		name string
		rdb  redis.Cmdable
		opts []redisstore.Option
	}{
		{"nil client", nil, nil},
		{"nil option", rdb, []redisstore.Option{nil}},
		{"negative margin", rdb, []redisstore.Option{redisstore.WithMargin(-time.Second)}},
		{"zero op timeout", rdb, []redisstore.Option{redisstore.WithOpTimeout(0)}},
		{"zero lock wait", rdb, []redisstore.Option{redisstore.WithLockWait(0)}},
		{"polling min above max", rdb, []redisstore.Option{redisstore.WithLockPolling(time.Second, time.Millisecond)}},
		{"polling zero", rdb, []redisstore.Option{redisstore.WithLockPolling(0, time.Millisecond)}},
		{"nil clock", rdb, []redisstore.Option{redisstore.WithClock(nil)}},
		{"nil logger", rdb, []redisstore.Option{redisstore.WithLogger(nil)}},
		{"prefix with space", rdb, []redisstore.Option{redisstore.WithPrefix("a b")}},
		{"prefix too long", rdb, []redisstore.Option{redisstore.WithPrefix(string(make([]byte, 257)))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := redisstore.NewTokenStore(tt.rdb, tt.opts...); !errors.Is(err, redisstore.ErrConfig) {
				t.Errorf("NewTokenStore error = %v, want ErrConfig", err)
			}
			if _, err := redisstore.NewDedupStore(tt.rdb, tt.opts...); !errors.Is(err, redisstore.ErrConfig) {
				t.Errorf("NewDedupStore error = %v, want ErrConfig", err)
			}
		})
	}
	if _, err := redisstore.NewTokenStore(rdb, redisstore.WithPrefix(""), redisstore.WithMargin(0)); err != nil {
		t.Errorf("empty prefix and zero margin: %v", err)
	}
}

// contractInstance simulates one backend instance driving the store the way
// shopapi's token source does: in-process single flight → LockRefresh →
// re-Load → fetch only if missing or stale → Store → unlock, falling back
// to the single flight alone when the store fails.
type contractInstance struct {
	store *redisstore.TokenStore
	fetch func() shopapi.Token
	now   func() time.Time

	mu  sync.Mutex // the in-process single flight
	tok shopapi.Token
}

func (c *contractInstance) fresh(t shopapi.Token) bool {
	return t.AccessToken != "" && c.now().Add(time.Minute).Before(t.ExpiresAt)
}

func (c *contractInstance) Token(ctx context.Context, key string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fresh(c.tok) {
		return c.tok.AccessToken, nil
	}
	if t, ok, err := c.store.Load(ctx, key); err == nil && ok && c.fresh(t) {
		c.tok = t
		return t.AccessToken, nil
	}
	unlock, err := c.store.LockRefresh(ctx, key, 10*time.Second)
	if err == nil {
		defer unlock()
		if t, ok, err := c.store.Load(ctx, key); err == nil && ok && c.fresh(t) {
			c.tok = t
			return t.AccessToken, nil
		}
	}
	c.tok = c.fetch()
	_ = c.store.Store(ctx, key, c.tok) // an error is logged by shopapi; carry on
	return c.tok.AccessToken, nil
}

// TestTokenStore_ExactlyOneFetchContract: many goroutines on several
// instances (each its own go-redis client and store) cause exactly one fetch;
// then Redis restarts in the middle: while it is down each instance fetches
// at most once, and once it is back exactly one fetch serves everyone again.
func TestTokenStore_ExactlyOneFetchContract(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	var fetches atomic.Int64
	var now atomic.Int64
	now.Store(fixedNow.UnixNano())
	clock := func() time.Time { return time.Unix(0, now.Load()) }
	fetch := func() shopapi.Token {
		n := fetches.Add(1)
		time.Sleep(20 * time.Millisecond) // the platform round trip
		return shopapi.Token{AccessToken: "AT-" + strconv.FormatInt(n, 10), ExpiresAt: clock().Add(7200 * time.Second)}
	}
	const instances, goroutines = 4, 16
	insts := make([]*contractInstance, instances)
	for i := range insts {
		rdb := newClient(t, r.Addr())
		insts[i] = &contractInstance{
			// A generous op timeout: an operation timing out on a loaded
			// machine falls back to an in-process fetch, a second fetch.
			store: newTokenStore(t, rdb, redisstore.WithClock(clock), redisstore.WithOpTimeout(10*time.Second)),
			fetch: fetch,
			now:   clock,
		}
	}
	run := func() map[string]int {
		var mu sync.Mutex
		seen := map[string]int{}
		var wg sync.WaitGroup
		for _, in := range insts {
			for range goroutines {
				wg.Go(func() {
					tok, err := in.Token(t.Context(), "wxapp")
					if err != nil {
						t.Errorf("Token: %v", err)
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
	if seen := run(); fetches.Load() != 1 || len(seen) != 1 {
		t.Fatalf("phase 1: %d fetches, tokens %v; want exactly one fetch shared by all", fetches.Load(), seen)
	}

	// Two hours later every cached token is stale; Redis is down.
	now.Add(int64(2 * time.Hour))
	r.Stop()
	before := fetches.Load()
	run()
	if got := fetches.Load() - before; got < 1 || got > instances {
		t.Fatalf("Redis down: %d fetches, want between 1 and %d (at most one per instance)", got, instances)
	}

	// Redis is back (empty); two more hours pass.
	r.Start()
	now.Add(int64(2 * time.Hour))
	before = fetches.Load()
	if seen := run(); fetches.Load()-before != 1 || len(seen) != 1 {
		t.Fatalf("after restart: %d fetches, tokens %v; want exactly one fetch again", fetches.Load()-before, seen)
	}
}

// TestTokenStore_Hung: a Redis that accepts connections but never answers
// (a hung server, a black-holed network) costs one operation timeout, not a
// blocked refresh.
func TestTokenStore_Hung(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c) // read nothing, answer nothing
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		<-done
		mu.Lock()
		for _, c := range held {
			c.Close()
		}
		mu.Unlock()
	})
	rdb := redis.NewClient(&redis.Options{Addr: l.Addr().String(), ContextTimeoutEnabled: true, MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	s, err := redisstore.NewTokenStore(rdb, redisstore.WithOpTimeout(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for name, call := range map[string]func() error{
		"Load":        func() error { _, _, err := s.Load(ctx, "k"); return err },
		"LockRefresh": func() error { _, err := s.LockRefresh(ctx, "k", 10*time.Second); return err },
	} {
		start := time.Now()
		err := call()
		if !errors.Is(err, redisstore.ErrUnavailable) {
			t.Errorf("%s on a hung Redis = %v, want ErrUnavailable", name, err)
		}
		if el := time.Since(start); el > 20*time.Second { // bounded, generous for a loaded machine
			t.Errorf("%s on a hung Redis took %v, want about the 200ms op timeout", name, el)
		}
	}
}

// TestTokenStore_UnlockFailureLogged: an unlock that cannot reach Redis is
// logged (the lock then expires by itself), naming the key.
func TestTokenStore_UnlockFailureLogged(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	var buf lockedBuffer
	logger := slog.New(slog.NewTextHandler(&buf, nil))
	// The operation timeout also bounds the set-up (dial and SET NX on a
	// loaded machine), so it is generous; the failed release is a refused
	// connection, not a timeout, and needs none.
	s := newTokenStore(t, newClient(t, r.Addr()), redisstore.WithLogger(logger), redisstore.WithOpTimeout(30*time.Second))
	unlock, err := s.LockRefresh(t.Context(), "wxapp", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	r.Stop()
	unlock()
	out := buf.String()
	if !strings.Contains(out, "releasing the refresh lock failed") || !strings.Contains(out, "key=wxapp") {
		t.Errorf("log = %q, want the failed release with key=wxapp", out)
	}
}
