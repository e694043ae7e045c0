package notify

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSchedules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s        RetrySchedule
		attempts int
		last     time.Duration
	}{
		{StorePushSchedule(), 10, 3*time.Hour + 36*time.Minute + 10*time.Second},
		{PayV3Schedule(), 16, 24*time.Hour + 4*time.Minute},
		{PayV2Schedule(), 10, 3*time.Hour + 4*time.Minute},
	}
	for _, tt := range tests {
		if err := tt.s.Validate(); err != nil {
			t.Errorf("%s: %v", tt.s.Name, err)
		}
		off := tt.s.Offsets()
		if tt.s.Attempts() != tt.attempts || len(off) != tt.attempts || off[len(off)-1] != tt.last {
			t.Errorf("%s: %d attempts, last at %v; want %d, %v", tt.s.Name, tt.s.Attempts(), off[len(off)-1], tt.attempts, tt.last)
		}
		if tt.s.Version == "" || tt.s.EffectiveFrom.IsZero() || tt.s.Source == "" || tt.s.Timeout != 5*time.Second {
			t.Errorf("%s: missing metadata", tt.s.Name)
		}
	}
	// Fresh copies: mutating one does not change the next.
	a := PayV3Schedule()
	a.Intervals[0] = time.Hour
	if PayV3Schedule().Intervals[0] != 15*time.Second {
		t.Error("PayV3Schedule shares its slice")
	}
	bad := RetrySchedule{Intervals: []time.Duration{-1}}
	if err := bad.Validate(); err == nil {
		t.Error("Validate accepted a schedule with no name, no timeout and a negative interval")
	}
	accept := StorePushSchedule().Accept
	if !accept(200, []byte("success")) || !accept(200, nil) || accept(200, []byte("fail")) || accept(500, []byte("success")) {
		t.Error("store push accept rule")
	}
	v3 := PayV3Schedule().Accept
	if !v3(200, nil) || !v3(204, nil) || v3(202, nil) || v3(500, nil) {
		t.Error("v3 accept rule")
	}
	v2 := PayV2Schedule().Accept
	if !v2(200, V2Answer(true, "")) || v2(200, V2Answer(false, "x")) || v2(500, V2Answer(true, "")) {
		t.Error("v2 accept rule")
	}
	if !(RetrySchedule{}).accepts(204, nil) || (RetrySchedule{}).accepts(302, nil) {
		t.Error("default accept rule")
	}
}

// TestReplay_PayV3 replays a payment notification against a PayV3Handler
// whose business logic fails for the first four attempts: the fifth, 4
// minutes after the first, is accepted, and the handler ran exactly once
// per attempt. The whole run takes no real time.
func TestReplay_PayV3(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		env := newPayEnvClock(t, time.Now)
		var calls atomic.Int32
		h, err := NewPayV3Handler(env.v, func(ctx context.Context, n *PayNotification) error {
			if calls.Add(1) < 5 {
				return errors.New("order table locked")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		res, err := Replay(t.Context(), h, PayV3Schedule(), env.enc.RequestFunc("https://merchant.example/notify", txnEvent("EV-9")))
		if err != nil {
			t.Fatal(err)
		}
		var offsets []time.Duration
		var statuses []int
		for _, a := range res.Attempts {
			offsets = append(offsets, a.At.Sub(start))
			statuses = append(statuses, a.Status)
		}
		if diff := cmp.Diff([]time.Duration{0, 15 * time.Second, 30 * time.Second, time.Minute, 4 * time.Minute}, offsets); diff != "" {
			t.Errorf("attempt offsets (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]int{500, 500, 500, 500, 200}, statuses); diff != "" {
			t.Errorf("statuses (-want +got):\n%s", diff)
		}
		if !res.Delivered || calls.Load() != 5 {
			t.Errorf("Delivered = %v, calls = %d", res.Delivered, calls.Load())
		}
	})
}

// newPayEnvClock is newPayEnv with a live clock (time.Now inside a synctest
// bubble is the simulated one).
func newPayEnvClock(t *testing.T, now func() time.Time) *payEnv {
	t.Helper()
	env := newPayEnv(t, 0)
	env.v.opts.now = now
	return env
}

// TestReplay_Exhausted: a handler that never succeeds sees every attempt of
// the schedule, the last one 24 h 04 min after the first.
func TestReplay_Exhausted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusServiceUnavailable)
		})
		res, err := Replay(t.Context(), h, PayV3Schedule(), func(n int, at time.Time) (*http.Request, error) {
			return http.NewRequest(http.MethodPost, "https://merchant.example/notify", nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Delivered || len(res.Attempts) != 16 {
			t.Fatalf("Delivered = %v after %d attempts", res.Delivered, len(res.Attempts))
		}
		if last := res.Attempts[15].At.Sub(start); last != 24*time.Hour+4*time.Minute {
			t.Errorf("last attempt at %v", last)
		}
	})
}

// TestReplay_StorePushTimeout: a push handler that blocks beyond the 5-second
// budget is a failed attempt; the platform retries (0 s later), and the
// Handler's own 4-second deadline answers 503 before the platform gives up.
func TestReplay_StorePushTimeout(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		// A raw handler slower than the platform's budget.
		slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(6 * time.Second):
				_, _ = w.Write([]byte("success"))
			case <-r.Context().Done():
			}
		})
		res, err := Replay(t.Context(), slow, StorePushSchedule(), func(n int, at time.Time) (*http.Request, error) {
			return http.NewRequest(http.MethodPost, "https://shop.example/push", nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Delivered || len(res.Attempts) != 10 || !res.Attempts[0].TimedOut {
			t.Fatalf("Delivered = %v, attempts = %d, first = %+v", res.Delivered, len(res.Attempts), res.Attempts[0])
		}

		// The SDK Handler with a slow business handler: 503 at 4 s, then the
		// same delivery is handled once the business handler recovers.
		env := newPushEnvClock(t, time.Now)
		var calls atomic.Int32
		env.h.On(EventOrderPay, func(ctx context.Context, ev Event) error {
			if calls.Add(1) == 1 {
				<-ctx.Done() // stuck until the deadline
				return ctx.Err()
			}
			return nil
		})
		res, err = Replay(t.Context(), env.h, StorePushSchedule(), env.enc.RequestFunc("https://shop.example/push", []byte(orderPayJSON("77"))))
		if err != nil {
			t.Fatal(err)
		}
		// The first attempt times out at the Handler's 4 s deadline; a retry
		// racing with the release of the claim may see 503 (in flight); then
		// the delivery is handled exactly once more and accepted.
		last := res.Attempts[len(res.Attempts)-1]
		if !res.Delivered || !last.Accepted || last.Body != "success" {
			t.Fatalf("not delivered: %+v", res.Attempts)
		}
		for _, a := range res.Attempts[:len(res.Attempts)-1] {
			if a.Status != http.StatusServiceUnavailable || a.TimedOut {
				t.Errorf("attempt %d: %+v, want a 503 inside the budget", a.N, a)
			}
		}
		if calls.Load() != 2 {
			t.Errorf("business handler ran %d times, want 2", calls.Load())
		}
	})
}

func newPushEnvClock(t *testing.T, now func() time.Time) *pushEnv {
	t.Helper()
	env := newPushEnv(t)
	env.h.v.opts.now = now
	return env
}

func TestReplay_Errors(t *testing.T) {
	t.Parallel()
	h := http.NotFoundHandler()
	mk := func(int, time.Time) (*http.Request, error) { return http.NewRequest(http.MethodPost, "/", nil) }
	if _, err := Replay(t.Context(), h, RetrySchedule{}, mk); err == nil {
		t.Error("invalid schedule accepted")
	}
	if _, err := Replay(t.Context(), nil, PayV3Schedule(), mk); err == nil {
		t.Error("nil handler accepted")
	}
	boom := errors.New("boom")
	if _, err := Replay(t.Context(), h, PayV3Schedule(), func(int, time.Time) (*http.Request, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("builder error = %v", err)
	}
	panicky := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("x") })
	res, err := Replay(t.Context(), panicky, RetrySchedule{Name: "one", Timeout: time.Second}, mk)
	if err != nil || len(res.Attempts) != 1 || res.Attempts[0].Status != 500 {
		t.Errorf("panicking handler: %+v, %v", res, err)
	}
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		res, err := Replay(ctx, h, PayV3Schedule(), func(n int, _ time.Time) (*http.Request, error) {
			if n == 2 {
				cancel()
			}
			return mk(0, time.Time{})
		})
		if !errors.Is(err, context.Canceled) || len(res.Attempts) != 2 {
			t.Errorf("cancelled replay: %d attempts, %v", len(res.Attempts), err)
		}
	})
}
