package notifytest_test

import (
	"context"
	"crypto/rsa"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
)

var quiet = notify.WithLogger(slog.New(slog.DiscardHandler))

// A payment notification replayed against a PayV3Handler whose business
// logic fails for the first four attempts: the fifth, 4 minutes after the
// first, is accepted, each attempt re-signed at its instant, and the
// handler ran once per attempt. The whole run takes no real time.
func TestReplay_PayV3(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// The default clock, time.Now, is the bubble's simulated one.
		v, err := notify.NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{serial: &payKey().PublicKey})
		if err != nil {
			t.Fatal(err)
		}
		var calls atomic.Int32
		h, err := notify.NewPayV3Handler(v, func(ctx context.Context, n *notify.PayNotification) error {
			if calls.Add(1) < 5 {
				return errors.New("order table locked")
			}
			return nil
		}, quiet)
		if err != nil {
			t.Fatal(err)
		}
		enc, err := notifytest.NewPayV3Encoder(payKey(), serial, apiV3Key)
		if err != nil {
			t.Fatal(err)
		}
		ev := notifytest.PayV3Event{ID: "EV-9", EventType: "TRANSACTION.SUCCESS", OriginalType: "transaction",
			AssociatedData: "transaction", Resource: notify.Transaction{OutTradeNo: "T9", Amount: notify.PayAmount{Total: 100}}}
		res, err := notifytest.Replay(t.Context(), h, notify.PayV3Schedule(), enc.RequestFunc("https://merchant.example/notify", ev))
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

// A handler that never succeeds sees every attempt of the schedule, the
// last one 24 h 04 min after the first.
func TestReplay_Exhausted(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusServiceUnavailable)
		})
		res, err := notifytest.Replay(t.Context(), h, notify.PayV3Schedule(), bare)
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

func bare(int, time.Time) (*http.Request, error) {
	return http.NewRequest(http.MethodPost, "https://merchant.example/notify", nil)
}

// A push handler that blocks beyond the 5-second budget is a failed
// attempt and the platform retries; the SDK Handler's own 4-second
// deadline answers 503 before the platform gives up, and the same
// delivery is handled once the business handler recovers.
func TestReplay_StorePushTimeout(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(6 * time.Second):
				_, _ = w.Write([]byte("success"))
			case <-r.Context().Done():
			}
		})
		res, err := notifytest.Replay(t.Context(), slow, notify.StorePushSchedule(), bare)
		if err != nil {
			t.Fatal(err)
		}
		if res.Delivered || len(res.Attempts) != 10 || !res.Attempts[0].TimedOut {
			t.Fatalf("Delivered = %v, attempts = %d, first = %+v", res.Delivered, len(res.Attempts), res.Attempts[0])
		}

		v, err := notify.NewVerifier(token, aesKey, appID)
		if err != nil {
			t.Fatal(err)
		}
		h, err := notify.NewHandler(v, quiet)
		if err != nil {
			t.Fatal(err)
		}
		var calls atomic.Int32
		h.On(notify.EventOrderPay, func(ctx context.Context, ev notify.Event) error {
			if calls.Add(1) == 1 {
				<-ctx.Done() // stuck until the deadline
				return ctx.Err()
			}
			return nil
		})
		enc := newEncoder(t, token, appID)
		push := []byte(`{"ToUserName":"gh_shop","CreateTime":` + strconv.FormatInt(time.Now().Unix(), 10) +
			`,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"77"}}`)
		res, err = notifytest.Replay(t.Context(), h, notify.StorePushSchedule(), enc.RequestFunc("https://shop.example/push", push))
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

func TestReplay_Errors(t *testing.T) {
	t.Parallel()
	h := http.NotFoundHandler()
	if _, err := notifytest.Replay(t.Context(), h, notify.RetrySchedule{}, bare); err == nil {
		t.Error("invalid schedule accepted")
	}
	_, err := notifytest.Replay(t.Context(), nil, notify.PayV3Schedule(), bare)
	wantField(t, err, "h")
	_, err = notifytest.Replay(t.Context(), h, notify.PayV3Schedule(), nil)
	wantField(t, err, "newRequest")
	boom := errors.New("boom")
	if _, err := notifytest.Replay(t.Context(), h, notify.PayV3Schedule(), func(int, time.Time) (*http.Request, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("builder error = %v", err)
	}
	panicky := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("x") })
	res, err := notifytest.Replay(t.Context(), panicky, notify.RetrySchedule{Name: "one", Timeout: time.Second}, bare)
	want := []notifytest.Attempt{{N: 1, Status: http.StatusInternalServerError}}
	if err != nil || res.Delivered || len(res.Attempts) != 1 {
		t.Fatalf("panicking handler: %+v, %v", res, err)
	}
	res.Attempts[0].At = time.Time{}
	if diff := cmp.Diff(want, res.Attempts); diff != "" {
		t.Errorf("panicking handler (-want +got):\n%s", diff)
	}
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		res, err := notifytest.Replay(ctx, h, notify.PayV3Schedule(), func(n int, at time.Time) (*http.Request, error) {
			if n == 2 {
				cancel()
			}
			return bare(n, at)
		})
		if !errors.Is(err, context.Canceled) || len(res.Attempts) != 2 {
			t.Errorf("cancelled replay: %d attempts, %v", len(res.Attempts), err)
		}
	})
}
