package redisstore_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

const rlPath = "/channels/ec/order/get"

func newLimiter(t testing.TB, rdb redis.Cmdable, app string, quota int, now func() time.Time, opts ...redisstore.Option) *redisstore.RateLimiter {
	t.Helper()
	all := append([]redisstore.Option{redisstore.WithPrefix(testPrefix(t)), redisstore.WithClock(now)}, opts...)
	l, err := redisstore.NewRateLimiter(rdb, app, shopapi.RateLimits{PerMinute: map[string]int{rlPath: quota}}, all...)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestRateLimiter_ExactUnderConcurrency reserves 50 calls at once from two
// instances against a quota of 10 a minute: exactly 10 land in each of the
// five minutes from the callers', none is lost or doubled.
func TestRateLimiter_ExactUnderConcurrency(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	clock := func() time.Time { return now }
	a := newLimiter(t, rdb, "wxshopA", 10, clock)
	b := newLimiter(t, rdb, "wxshopA", 10, clock) // another instance, same shop
	var mu sync.Mutex
	perMinute := map[string]int{}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := a
			if i%2 == 1 {
				l = b
			}
			m, err := l.Reserve(context.Background(), rlPath)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			perMinute[m.UTC().Format("15:04")]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	want := map[string]int{"10:00": 10, "10:01": 10, "10:02": 10, "10:03": 10, "10:04": 10}
	if diff := cmp.Diff(want, perMinute); diff != "" {
		t.Errorf("calls per minute (-want +got):\n%s", diff)
	}
	// Another shop has its own quota.
	c := newLimiter(t, rdb, "wxshopB", 10, clock)
	if m, err := c.Reserve(context.Background(), rlPath); err != nil || !m.Equal(now.Truncate(time.Minute)) {
		t.Errorf("other shop: %v, %v", m, err)
	}
}

// TestRateLimiter_HoldIsShared: a 45011 seen by one instance holds the
// path for every instance until the next minute.
func TestRateLimiter_HoldIsShared(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	clock := func() time.Time { return now }
	a := newLimiter(t, rdb, "wxshop", 100, clock)
	b := newLimiter(t, rdb, "wxshop", 100, clock)
	next := now.Truncate(time.Minute).Add(time.Minute)
	if err := a.Hold(context.Background(), rlPath, next); err != nil {
		t.Fatal(err)
	}
	if err := a.Hold(context.Background(), rlPath, now); err != nil { // an earlier hold does not shorten it
		t.Fatal(err)
	}
	if m, err := b.Reserve(context.Background(), rlPath); err != nil || !m.Equal(next) {
		t.Errorf("after the hold: reserved %v, %v; want the next minute %v", m, err, next)
	}
	// Wait honours the hold: with a context shorter than the hold it fails.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	if err := b.Wait(ctx, rlPath); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Wait during a hold: %v", err)
	}
}

// TestRateLimiter_LeaseGrows: an instance spending its calls fast
// reserves blocks of 1, 2, 4, … calls per round trip, and Redis counts
// every call reserved, spent or not.
func TestRateLimiter_LeaseGrows(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	hook := &countHook{}
	rdb.AddHook(hook)
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	l := newLimiter(t, rdb, "wxlease", 8000, func() time.Time { return now }) // blocks up to min(256, 8000/8)
	for i := range 100 {
		if m, err := l.Reserve(context.Background(), rlPath); err != nil || !m.Equal(now.Truncate(time.Minute)) {
			t.Fatalf("call %d: %v, %v", i, m, err)
		}
	}
	// Blocks of 1+2+4+8+16+32+64 = 127 calls cover 100 calls in 7 round trips.
	if got := hook.admit.Load(); got != 7 {
		t.Errorf("100 calls made %d round trips, want 7", got)
	}
	if got := reservedIn(t, rdb, "wxlease", now); got != 127 {
		t.Errorf("Redis counts %d calls in the minute, want 127 (every call reserved)", got)
	}
}

// reservedIn reads how many calls of rlPath Redis counts for app in the
// minute of at.
func reservedIn(t *testing.T, rdb *redis.Client, app string, at time.Time) int {
	t.Helper()
	key := testPrefix(t) + "rl:{" + app + "|" + rlPath + "}"
	n, err := rdb.HGet(context.Background(), key, strconv.FormatInt(at.Unix()/60, 10)).Int()
	if err != nil && !errors.Is(err, redis.Nil) {
		t.Fatal(err)
	}
	return n
}

// TestRateLimiter_LeaseExactUnderConcurrency: two instances reserving in
// blocks admit 1000 calls at once against a quota of 160 a minute: no
// minute admits more than the quota, and Redis counts at least every call
// admitted (the blocks' leftovers are lost, never lent twice).
func TestRateLimiter_LeaseExactUnderConcurrency(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	clock := func() time.Time { return now }
	insts := []*redisstore.RateLimiter{
		newLimiter(t, rdb, "wxleaseA", 160, clock), newLimiter(t, rdb, "wxleaseA", 160, clock)} // blocks up to 20
	var mu sync.Mutex
	admitted := map[time.Time]int{}
	var wg sync.WaitGroup
	for i := range 1000 {
		wg.Go(func() {
			m, err := insts[i%2].Reserve(context.Background(), rlPath)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			admitted[m]++
			mu.Unlock()
		})
	}
	wg.Wait()
	total := 0
	for m, n := range admitted {
		total += n
		if counted := reservedIn(t, rdb, "wxleaseA", m); n > 160 || counted > 160 || n > counted {
			t.Errorf("minute %v: %d calls admitted, %d counted in Redis; want admitted ≤ counted ≤ 160", m.UTC(), n, counted)
		}
	}
	if total != 1000 {
		t.Errorf("%d calls admitted, want 1000", total)
	}
}

// TestRateLimiter_LeaseEnds: a block is spent only in its minute and its
// lease lifetime; a hold drops the holder's block at once and another
// instance's at the end of its lease lifetime.
func TestRateLimiter_LeaseEnds(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	var mu sync.Mutex
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	minute := func(k int) time.Time {
		return time.Date(2026, 12, 2, 10, k, 0, 0, time.UTC)
	}
	ctx := context.Background()
	opt := redisstore.WithLease(256, 500*time.Millisecond)
	a := newLimiter(t, rdb, "wxleaseEnd", 800, clock, opt)
	b := newLimiter(t, rdb, "wxleaseEnd", 800, clock, opt)
	reserve := func(l *redisstore.RateLimiter, n int) []time.Time {
		t.Helper()
		var got []time.Time
		for range n {
			m, err := l.Reserve(ctx, rlPath)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, m.UTC())
		}
		return got
	}
	// Each instance holds a block of 4 after 4 calls (blocks of 1, 2 and 4).
	reserve(a, 4)
	reserve(b, 4)
	// The minute ends: the blocks' leftovers are dropped, and the next
	// calls reserve in the new minute.
	advance(30 * time.Second)
	if diff := cmp.Diff([]time.Time{minute(1)}, reserve(a, 1)); diff != "" {
		t.Errorf("after the minute's end (-want +got):\n%s", diff)
	}
	reserve(a, 4) // a now holds a block again in minute 1 …
	// … and so does b: its block of 4 still has 1 call after 5 (its
	// leftover of minute 0 halved its next block to 2: blocks of 2 and 4).
	reserve(b, 5)
	// a sees a 45011: its own block is dropped at once.
	if err := a.Hold(ctx, rlPath, minute(2)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]time.Time{minute(2)}, reserve(a, 1)); diff != "" {
		t.Errorf("a after its hold (-want +got):\n%s", diff)
	}
	// b spends its block until the lease lifetime ends, then learns the hold.
	if diff := cmp.Diff([]time.Time{minute(1)}, reserve(b, 1)); diff != "" {
		t.Errorf("b within its lease (-want +got):\n%s", diff)
	}
	advance(500 * time.Millisecond)
	if diff := cmp.Diff([]time.Time{minute(2)}, reserve(b, 1)); diff != "" {
		t.Errorf("b after its lease lifetime (-want +got):\n%s", diff)
	}
}

// TestRateLimiter_LeaseOneRoundTripWhenDown: callers that wait for an
// instance's round trip in flight share its failure and fall back to the
// instance's share at once, instead of each trying Redis in turn (one
// op timeout each when Redis does not answer).
func TestRateLimiter_LeaseOneRoundTripWhenDown(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	hook := &failHook{release: make(chan struct{})}
	rdb.AddHook(hook)
	l := newLimiter(t, rdb, "wxleaseDown", 800, time.Now)
	ctx := context.Background()
	errs := make(chan error, 5)
	for range 5 {
		go func() { errs <- l.Wait(ctx, rlPath) }()
	}
	for redisstore.Waiting(l, rlPath) < 4 { // the fifth holds the round trip
		time.Sleep(time.Millisecond)
	}
	close(hook.release)
	for range 5 {
		if err := <-errs; err != nil {
			t.Errorf("Wait: %v, want the fallback share's admission", err)
		}
	}
	if got := hook.calls.Load(); got != 1 {
		t.Errorf("%d round trips tried, want 1", got)
	}
}

// failHook fails every command, as an unreachable Redis would, once
// release is closed.
type failHook struct {
	release chan struct{}
	calls   atomic.Int64
}

func (h *failHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *failHook) ProcessHook(redis.ProcessHook) redis.ProcessHook {
	return func(context.Context, redis.Cmder) error {
		h.calls.Add(1)
		<-h.release
		return errors.New("connection refused")
	}
}

func (h *failHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}

func TestRateLimiter_QueueFullAndUnlimited(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	l := newLimiter(t, rdb, "wxshop", 1, func() time.Time { return now }, redisstore.WithMaxAhead(1))
	for i := range 2 {
		if _, err := l.Reserve(context.Background(), rlPath); err != nil {
			t.Fatalf("reserve %d: %v", i, err)
		}
	}
	if _, err := l.Reserve(context.Background(), rlPath); !errors.Is(err, redisstore.ErrQueueFull) {
		t.Errorf("third reserve: %v, want ErrQueueFull", err)
	}
	// A path without a quota never touches Redis: not even a dead one.
	dead := newClient(t, "127.0.0.1:1")
	u := newLimiter(t, dead, "wxshop", 1, time.Now)
	if err := u.Wait(context.Background(), "/channels/ec/product/get"); err != nil {
		t.Errorf("unlimited path: %v", err)
	}
}

// TestRateLimiter_FallbackShare: with Redis unreachable each instance
// admits its share of the quota on its own (never unlimited), and says so
// once in the log; when Redis is back it shares again.
func TestRateLimiter_FallbackShare(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	rdb := newClient(t, srv.Addr())
	// Mid-minute: a call past the share waits 30 s for the next minute.
	var mu sync.Mutex
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	var logs bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &logMu}, nil))
	l := newLimiter(t, rdb, "wxshop", 10, clock, redisstore.WithInstanceShare(4), redisstore.WithLogger(logger),
		redisstore.WithOpTimeout(500*time.Millisecond))
	srv.Stop()
	ctx := context.Background()
	for i := range 2 { // 10/4 = 2 calls in this minute, admitted at once
		if err := l.Wait(ctx, rlPath); err != nil {
			t.Fatalf("fallback call %d: %v", i, err)
		}
	}
	// The third waits for the next minute (the refused connection fails at
	// once; the wait is the fallback's).
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if err := l.Wait(short, rlPath); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a third call in the minute: %v, want a wait past the instance's share", err)
	}
	logMu.Lock()
	got := logs.String()
	logMu.Unlock()
	if n := strings.Count(got, "falls back"); n != 1 {
		t.Errorf("fallback warnings = %d, want 1:\n%s", n, got)
	}
	srv.Start()
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	if _, err := l.Reserve(ctx, rlPath); err != nil {
		t.Fatalf("after Redis came back: %v", err)
	}
	logMu.Lock()
	got = logs.String()
	logMu.Unlock()
	if !strings.Contains(got, "shares the quota in Redis again") {
		t.Errorf("no recovery message:\n%s", got)
	}
}

func TestNewRateLimiter_Config(t *testing.T) {
	t.Parallel()
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	defer rdb.Close()
	ok := shopapi.RateLimits{PerMinute: map[string]int{rlPath: 1}}
	for name, err := range map[string]error{
		"nil client":  func() error { _, err := redisstore.NewRateLimiter(nil, "wx", ok); return err }(),
		"empty appid": func() error { _, err := redisstore.NewRateLimiter(rdb, "", ok); return err }(),
		"brace appid": func() error { _, err := redisstore.NewRateLimiter(rdb, "wx}x", ok); return err }(),
		"bad limits": func() error {
			_, err := redisstore.NewRateLimiter(rdb, "wx", shopapi.RateLimits{Default: -1})
			return err
		}(),
		"zero share": func() error {
			_, err := redisstore.NewRateLimiter(rdb, "wx", ok, redisstore.WithInstanceShare(0))
			return err
		}(),
		"zero lease": func() error {
			_, err := redisstore.NewRateLimiter(rdb, "wx", ok, redisstore.WithLease(0, time.Second))
			return err
		}(),
		"zero lease lifetime": func() error {
			_, err := redisstore.NewRateLimiter(rdb, "wx", ok, redisstore.WithLease(8, 0))
			return err
		}(),
		"zero horizon": func() error {
			_, err := redisstore.NewRateLimiter(rdb, "wx", ok, redisstore.WithMaxAhead(0))
			return err
		}(),
	} {
		if !errors.Is(err, redisstore.ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", name, err)
		}
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

// TestPreload: after Preload a fresh server caches every script of the
// package (8: the limiter's 2, the dedup store's 2, the token store's 4).
func TestPreload(t *testing.T) {
	t.Parallel()
	srv := startRedis(t)
	rdb := newClient(t, srv.Addr())
	if err := redisstore.Preload(context.Background(), rdb); err != nil {
		t.Fatal(err)
	}
	info, err := rdb.Info(context.Background(), "memory").Result()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(info, "number_of_cached_scripts:8\r\n") {
		t.Errorf("the server does not cache 8 scripts after Preload:\n%s", info)
	}
	dead := newClient(t, "127.0.0.1:1")
	if err := redisstore.Preload(context.Background(), dead); !errors.Is(err, redisstore.ErrUnavailable) {
		t.Errorf("unreachable: %v", err)
	}
}
