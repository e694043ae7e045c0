package notify

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// orderPayObjectID is channels_ec_order_pay with order_id as an object: it
// does not fit OrderPayEvent.
const orderPayObjectID = `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772294400,"MsgType":"event",` +
	`"Event":"channels_ec_order_pay","order_info":{"order_id":{"id":"secret-ish-3705"},"pay_time":1772294399}}`

// TestHandler_NoSilentDrop: a catalogue event that does not decode goes to
// the fallback when there is one and is answered 500 (logged at Warn,
// without plaintext) when only its typed handler is registered; an event
// nobody subscribed to is acknowledged with a Warn log.
func TestHandler_NoSilentDrop(t *testing.T) {
	t.Parallel()
	type outcome struct {
		Status   int
		Typed    int
		Fallback []string
		Logged   bool
	}
	const unknownPlain = `{"ToUserName":"gh_shop","CreateTime":1772294400,"Event":"channels_ec_future","x":1}`
	tests := []struct {
		name     string
		typed    bool // Handle[*OrderPayEvent] registered
		fallback bool // OnUnknown registered
		plain    string
		want     outcome
		wantLog  string
	}{
		{"undecodable, typed handler, no fallback: 500", true, false, orderPayObjectID,
			outcome{Status: 500, Logged: true}, "does not decode"},
		{"undecodable, typed handler and fallback: delivered raw", true, true, orderPayObjectID,
			outcome{Status: 200, Fallback: []string{"channels_ec_order_pay undecodable"}}, ""},
		{"undecodable, fallback only: delivered raw", false, true, orderPayObjectID,
			outcome{Status: 200, Fallback: []string{"channels_ec_order_pay undecodable"}}, ""},
		{"undecodable, nobody subscribed: ack and Warn", false, false, orderPayObjectID,
			outcome{Status: 200, Logged: true}, "no handler"},
		{"unknown event, nobody subscribed: ack and Warn", true, false, unknownPlain,
			outcome{Status: 200, Logged: true}, "no handler"},
		{"known event, nobody subscribed: ack and Warn", false, false, orderPayJSON("1"),
			outcome{Status: 200, Logged: true}, "no handler"},
		{"unknown event to the fallback", false, true, unknownPlain,
			outcome{Status: 200, Fallback: []string{"channels_ec_future raw"}}, ""},
		{"decodable event to its typed handler", true, true, orderPayJSON("1"),
			outcome{Status: 200, Typed: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf strings.Builder
			var mu sync.Mutex
			logger := slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, &slog.HandlerOptions{Level: slog.LevelWarn}))
			env := newPushEnv(t, WithLogger(logger))
			var got outcome
			if tt.typed {
				if err := Handle(env.h, EventOrderPay, func(context.Context, *OrderPayEvent) error {
					mu.Lock()
					got.Typed++
					mu.Unlock()
					return nil
				}); err != nil {
					t.Fatal(err)
				}
			}
			if tt.fallback {
				env.h.OnUnknown(func(_ context.Context, ev Event) error {
					u, ok := ev.(*UnknownEvent)
					what := "typed"
					switch {
					case ok && u.Err != nil && len(u.Raw) > 0:
						what = "undecodable"
					case ok && len(u.Raw) > 0:
						what = "raw"
					}
					mu.Lock()
					got.Fallback = append(got.Fallback, ev.EventName()+" "+what)
					mu.Unlock()
					return nil
				})
			}
			got.Status = env.push(t, tt.plain, "n").Code
			mu.Lock()
			out := buf.String()
			mu.Unlock()
			got.Logged = strings.Contains(out, "level=WARN")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("outcome (-want +got):\n%s\nlog:\n%s", diff, out)
			}
			if tt.wantLog != "" && !strings.Contains(out, tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, out)
			}
			for _, secret := range []string{testTok, testKey, "o_buyer", "secret-ish", "pay_time"} {
				if strings.Contains(out, secret) {
					t.Errorf("log contains %q:\n%s", secret, out)
				}
			}
		})
	}
}

// TestHandler_UndecodableStatus: StatusFor maps an undecodable event to 500
// even though the decode error underneath is ErrMalformed (400).
func TestHandler_UndecodableStatus(t *testing.T) {
	t.Parallel()
	m := &Message{Header: Header{Event: EventOrderPay}, Plaintext: []byte(orderPayObjectID)}
	env := newPushEnv(t)
	if err := Handle(env.h, EventOrderPay, func(context.Context, *OrderPayEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	err := env.h.Deliver(t.Context(), m)
	if !errors.Is(err, ErrUndecodable) || StatusFor(err) != 500 {
		t.Fatalf("Deliver = %v (status %d), want ErrUndecodable and 500", err, StatusFor(err))
	}
	if !strings.Contains(err.Error(), `"order_info.order_id"`) || strings.Contains(err.Error(), "secret-ish") {
		t.Errorf("error %q should name the field and not quote the value", err)
	}
}

// TestHandler_CrossInstanceInFlight: two instances share a dedup store. A
// retry that lands on instance B while A is still handling is answered 503
// (not "success"); A then fails and releases, and the platform's next retry
// is handled by B; a later duplicate is answered "success" without running.
func TestHandler_CrossInstanceInFlight(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		store := mustMemoryStore(t)
		a := newPushEnv(t, WithDedupStore(store), WithHandlerTimeout(4*time.Second))
		b := newPushEnv(t, WithDedupStore(store), WithHandlerTimeout(4*time.Second))
		var calls atomic.Int32
		proceed := make(chan struct{})
		a.h.On(EventOrderPay, func(ctx context.Context, ev Event) error {
			calls.Add(1)
			<-proceed
			return errors.New("database down")
		})
		b.h.On(EventOrderPay, func(ctx context.Context, ev Event) error {
			calls.Add(1)
			return nil
		})
		codeA := make(chan int, 1)
		go func() { codeA <- a.push(t, orderPayJSON("7"), "p1").Code }()
		synctest.Wait() // A holds the processing claim
		if rec := b.push(t, orderPayJSON("7"), "p2"); rec.Code != 503 {
			t.Fatalf("retry on B while A handles: status %d, want 503", rec.Code)
		}
		close(proceed)
		if code := <-codeA; code != 500 {
			t.Fatalf("A's failure answered %d, want 500", code)
		}
		if rec := b.push(t, orderPayJSON("7"), "p3"); rec.Code != 200 {
			t.Fatalf("next retry on B: status %d, want 200", rec.Code)
		}
		if rec := a.push(t, orderPayJSON("7"), "p4"); rec.Code != 200 {
			t.Fatalf("duplicate on A after B handled it: status %d, want 200", rec.Code)
		}
		if n := calls.Load(); n != 2 {
			t.Errorf("handlers ran %d times, want 2 (A's failure and B's retry)", n)
		}
	})
}

// TestHandler_ProcessingTTL: the processing claim of an instance that dies
// mid-handling expires after the handler timeout plus the margin, so a
// later retry is handled.
func TestHandler_ProcessingTTL(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		store := mustMemoryStore(t)
		// A crashed instance: it claimed and never completed nor released.
		key := DedupKey(&Message{Header: Header{ToUserName: "gh_shop", Event: EventOrderPay, CreateTime: 1772294400}},
			mustDecode(t, orderPayJSON("8")))
		if st, err := store.Claim(t.Context(), key, "crashed", 4*time.Second+DefaultProcessingMargin); err != nil || st != ClaimFirst {
			t.Fatalf("claim = %v, %v", st, err)
		}
		env := newPushEnv(t, WithDedupStore(store))
		env.h.On(EventOrderPay, func(context.Context, Event) error { return nil })
		if rec := env.push(t, orderPayJSON("8"), "a"); rec.Code != 503 {
			t.Fatalf("while the dead claim lives: %d, want 503", rec.Code)
		}
		time.Sleep(DefaultHandlerTimeout + DefaultProcessingMargin)
		if rec := env.push(t, orderPayJSON("8"), "b"); rec.Code != 200 {
			t.Fatalf("after it expired: %d, want 200", rec.Code)
		}
	})
	for _, opts := range [][]Option{
		{WithProcessingTTL(0)},
		{WithHandlerTimeout(4 * time.Second), WithProcessingTTL(time.Second)},
	} {
		if _, err := NewHandler(&Verifier{}, opts...); !errors.Is(err, ErrDedupTTL) {
			t.Errorf("NewHandler error = %v, want ErrDedupTTL", err)
		}
	}
}

func mustDecode(t *testing.T, plain string) Event {
	t.Helper()
	ev, err := DecodeEvent([]byte(plain))
	if err != nil {
		t.Fatal(err)
	}
	return ev
}
