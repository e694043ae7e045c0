package shopapi_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// recordingLimiter is a RateLimiter that admits every call and records it.
type recordingLimiter struct {
	mu    sync.Mutex
	waits []string
	holds []string
	until []time.Time
}

func (l *recordingLimiter) Wait(_ context.Context, path string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.waits = append(l.waits, path)
	return nil
}

func (l *recordingLimiter) Hold(_ context.Context, path string, until time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.holds = append(l.holds, path)
	l.until = append(l.until, until)
	return errors.New("not recorded") // the client carries on
}

func TestWithRateLimiter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 2, 10, 0, 30, 0, time.UTC)
	clock := func() time.Time { return now }
	srv, err := shopapitest.New(shopapitest.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.SetQuota("/channels/ec/basics/info/get", shopapitest.Quota{CallCount: 1, RefreshSecond: 60})
	rl := &recordingLimiter{}
	c, err := srv.Client().Clone(shopapi.WithRateLimiter(rl), shopapi.WithRetry(0, time.Millisecond, time.Millisecond), shopapi.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, _, err := c.Store.Info(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Store.Info(ctx); !errors.Is(err, shopapi.ErrRateLimited) {
		t.Fatalf("second call: %v, want the 45011 of the fake's quota", err)
	}
	if _, _, err := c.Media.UploadQualification(ctx, "a.png", []byte("\x89PNG\r\n\x1a\n")); err != nil {
		t.Fatal(err)
	}
	rl.mu.Lock()
	defer rl.mu.Unlock()
	want := []string{"/channels/ec/basics/info/get", "/channels/ec/basics/info/get", "/shop/ec/basics/qualification/upload"}
	if diff := cmp.Diff(want, rl.waits); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"/channels/ec/basics/info/get"}, rl.holds); diff != "" {
		t.Errorf("holds (-want +got):\n%s", diff)
	}
	if len(rl.until) == 1 && !rl.until[0].Equal(now.Truncate(time.Minute).Add(time.Minute)) {
		t.Errorf("held until %v, want the next minute", rl.until[0])
	}
	if _, err := shopapi.NewClient(shopapi.StaticToken("t"), shopapi.WithRateLimiter(nil)); err == nil {
		t.Error("WithRateLimiter(nil) accepted")
	}
}

func TestLocalRateLimiter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 2, 10, 0, 59, 0, time.UTC)
	l, err := shopapi.NewLocalRateLimiter(shopapi.RateLimits{PerMinute: map[string]int{"/channels/ec/category/all": 1}},
		func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// The alias's quota counts for the endpoint: the second call waits for
	// the next minute, which the context does not allow.
	if err := l.Wait(ctx, "/shop/ec/category/all"); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, time.Millisecond)
	defer cancel()
	if err := l.Wait(short, "/channels/ec/category/all"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("over the quota: %v, want a wait for the next minute", err)
	}
	if err := l.Hold(ctx, "/x", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	short2, cancel2 := context.WithTimeout(ctx, time.Millisecond)
	defer cancel2()
	if err := l.Wait(short2, "/x"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("held path: %v, want a wait", err)
	}
	if _, err := shopapi.NewLocalRateLimiter(shopapi.RateLimits{Default: -1}, nil); err == nil {
		t.Error("a negative default accepted")
	}
}

func TestRateLimitsShareAndQuota(t *testing.T) {
	t.Parallel()
	l := shopapi.RateLimits{PerMinute: map[string]int{"/channels/ec/order/get": 300, "/channels/ec/category/all": 7,
		"/shop/ec/category/all": 9, "/channels/ec/basics/img/upload": 2}, Default: 100}
	got := l.Share(4)
	want := shopapi.RateLimits{PerMinute: map[string]int{"/channels/ec/order/get": 75, "/channels/ec/category/all": 1,
		"/shop/ec/category/all": 2, "/channels/ec/basics/img/upload": 1}, Default: 25}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Share(4) (-want +got):\n%s", diff)
	}
	if l.PerMinute["/channels/ec/order/get"] != 300 {
		t.Error("Share changed its receiver")
	}
	if diff := cmp.Diff(l, l.Share(1)); diff != "" {
		t.Errorf("Share(1) (-want +got):\n%s", diff)
	}
	for path, want := range map[string]int{
		"/channels/ec/order/get":         300,
		"/shop/ec/category/all":          9, // its own entry
		"/channels/ec/category/all":      9, // an alias: counted as its endpoint's
		"/shop/ec/basics/img/upload":     2, // only the alias is listed
		"/channels/ec/basics/img/upload": 2,
		"/channels/ec/product/get":       100, // the default
		"/not/a/registry/path":           100,
	} {
		if got := l.Quota(path); got != want {
			t.Errorf("Quota(%s) = %d, want %d", path, got, want)
		}
	}
}
