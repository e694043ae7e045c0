package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

func TestMemoryDedupStore(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	s := mustMemoryStore(t, WithClock(clock), WithMaxEntries(3))
	ctx := t.Context()
	claimAs := func(k, owner string) ClaimState {
		t.Helper()
		st, err := s.Claim(ctx, k, owner, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	claim := func(k string) ClaimState { t.Helper(); return claimAs(k, "o-"+k) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var got []ClaimState
	got = append(got, claimAs("a", "o1"), claimAs("a", "o2")) // first, in flight
	must(s.Release(ctx, "a", "o2"))                           // not the owner: no-op
	got = append(got, claimAs("a", "o3"))                     // still in flight
	must(s.Release(ctx, "a", "o1"))
	got = append(got, claimAs("a", "o4")) // released: first again
	must(s.Complete(ctx, "a", "o4", time.Hour))
	got = append(got, claimAs("a", "o5")) // done
	must(s.Release(ctx, "a", "o4"))       // a done mark is never released
	got = append(got, claimAs("a", "o6"))
	advance(time.Hour)
	got = append(got, claimAs("a", "o7")) // done mark expired: first again
	advance(2 * time.Minute)
	got = append(got, claimAs("a", "o8")) // processing claim expired: first
	want := []ClaimState{ClaimFirst, ClaimInFlight, ClaimInFlight, ClaimFirst, ClaimDone, ClaimDone, ClaimFirst, ClaimFirst}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
	// The owner is per claim: o7's claim expired and o8 took it, so o7 can
	// neither release nor complete o8's claim.
	must(s.Release(ctx, "a", "o7"))
	if err := s.Complete(ctx, "a", "o7", time.Hour); !errors.Is(err, ErrClaimLost) {
		t.Errorf("Complete by a stale owner: err = %v, want ErrClaimLost", err)
	}
	if st := claimAs("a", "o9"); st != ClaimInFlight {
		t.Errorf("after stale release/complete: %v, want in-flight", st)
	}
	// Complete of a free key (the claim expired, nobody re-took it) marks it done.
	advance(2 * time.Minute)
	must(s.Complete(ctx, "a", "o8", time.Hour))
	if st := claimAs("a", "o10"); st != ClaimDone {
		t.Errorf("after late complete: %v, want done", st)
	}
	// Size cap: the oldest entry is evicted.
	advance(time.Hour)
	claim("b")
	advance(time.Second)
	claim("c")
	claim("d")
	claim("e") // evicts "b" ("a" expired)
	if s.Len() != 3 {
		t.Errorf("Len() = %d, want 3", s.Len())
	}
	if claim("e") != ClaimInFlight || claim("d") != ClaimInFlight || claim("c") != ClaimInFlight {
		t.Error(`"c" or "d" was evicted instead`)
	}
	if claim("b") != ClaimFirst {
		t.Error(`"b" was not evicted`)
	}
	// Released, completed and re-claimed keys leave stale queue records
	// that are skipped; the store stays bounded.
	churn := mustMemoryStore(t, WithClock(clock), WithMaxEntries(50))
	for i := range 5000 {
		k := fmt.Sprint("k", i%70)
		owner := fmt.Sprint("o", i)
		st, err := churn.Claim(ctx, k, owner, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if st == ClaimFirst {
			switch i % 3 {
			case 0:
				must(churn.Release(ctx, k, owner))
			case 1:
				must(churn.Complete(ctx, k, owner, 2*time.Hour))
			}
		}
		if churn.Len() > 50 {
			t.Fatalf("Len() = %d above the cap", churn.Len())
		}
	}
	churn.mu.Lock()
	qlen := len(churn.queue) - churn.head
	churn.mu.Unlock()
	if qlen > 2*50+64+1 {
		t.Errorf("queue holds %d records for at most 50 entries", qlen)
	}
	// Expired entries are dropped on the next claim.
	exp := mustMemoryStore(t, WithClock(clock))
	for i := range 10 {
		_, _ = exp.Claim(ctx, fmt.Sprint("e", i), "o", time.Minute)
	}
	advance(2 * time.Minute)
	_, _ = exp.Claim(ctx, "fresh", "o", time.Minute)
	if exp.Len() != 1 {
		t.Errorf("expired entries kept: Len() = %d", exp.Len())
	}
	if _, err := s.Claim(ctx, "x", "o", 0); !errors.Is(err, ErrDedupTTL) {
		t.Errorf("zero TTL: err = %v", err)
	}
	if err := s.Complete(ctx, "x", "o", -time.Second); !errors.Is(err, ErrDedupTTL) {
		t.Errorf("negative done TTL: err = %v", err)
	}
	for name, err := range map[string]error{
		"Claim":    func() error { _, err := s.Claim(ctx, "x", "", time.Hour); return err }(),
		"Complete": s.Complete(ctx, "x", "", time.Hour),
		"Release":  s.Release(ctx, "x", ""),
	} {
		if !errors.Is(err, ErrNoOwner) {
			t.Errorf("%s without owner: err = %v, want ErrNoOwner", name, err)
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Claim(cctx, "y", "o", time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ctx: err = %v", err)
	}
	if got := fmt.Sprint(ClaimFirst, ClaimInFlight, ClaimDone, ClaimState(9)); got != "first in-flight done ClaimState(9)" {
		t.Errorf("ClaimState strings = %q", got)
	}
}

func TestMemoryDedupStore_Concurrent(t *testing.T) {
	t.Parallel()
	s := mustMemoryStore(t)
	var firsts atomic.Int32
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			if st, err := s.Claim(t.Context(), "k", fmt.Sprint("o", i), time.Minute); err == nil && st == ClaimFirst {
				firsts.Add(1)
			}
		})
	}
	wg.Wait()
	if firsts.Load() != 1 {
		t.Errorf("%d callers claimed first, want 1", firsts.Load())
	}
}

// pushEnv is a handler wired to an encoder, at a fixed clock.
type pushEnv struct {
	h   *Handler
	enc *forge.Encoder
}

func newPushEnv(t *testing.T, opts ...Option) *pushEnv {
	t.Helper()
	v, err := NewVerifier(testTok, testKey, testApp, WithClock(fixedClock(testUnix)))
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(v, opts...)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := forge.NewEncoder(testTok, testKey, testApp)
	if err != nil {
		t.Fatal(err)
	}
	return &pushEnv{h: h, enc: enc}
}

func orderPayJSON(orderID string) string {
	return `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772294400,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":` + orderID + `,"pay_time":1772294399}}`
}

func (e *pushEnv) push(t *testing.T, plain, nonce string) *httptest.ResponseRecorder {
	t.Helper()
	req, err := e.enc.NewRequest("http://shop.example/push", []byte(plain), "1772294400", nonce)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec
}

func TestHandler_DispatchAndDuplicates(t *testing.T) {
	t.Parallel()
	env := newPushEnv(t)
	var got []string
	var mu sync.Mutex
	fail := true
	if err := Handle(env.h, EventOrderPay, func(ctx context.Context, e *OrderPayEvent) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, string(e.OrderInfo.OrderID))
		if fail {
			fail = false
			return errors.New("database down")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		Code int
		Body string
	}
	var answers []answer
	// The same event as a number, then (retried) as a string: one delivery.
	for i, plain := range []string{orderPayJSON("3705115058471208928"), orderPayJSON(`"3705115058471208928"`), orderPayJSON("3705115058471208928")} {
		rec := env.push(t, plain, fmt.Sprint("n", i))
		answers = append(answers, answer{rec.Code, strings.TrimSpace(rec.Body.String())})
	}
	want := []answer{{500, "Internal Server Error"}, {200, "success"}, {200, "success"}}
	if diff := cmp.Diff(want, answers); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"3705115058471208928", "3705115058471208928"}, got); diff != "" {
		t.Errorf("handler calls (-want +got):\n%s", diff)
	}
}

func TestHandler_Routing(t *testing.T) {
	t.Parallel()
	env := newPushEnv(t)
	var unknown []string
	env.h.OnUnknown(func(ctx context.Context, ev Event) error {
		u, ok := ev.(*UnknownEvent)
		if ok && u.Err != nil {
			unknown = append(unknown, "undecodable "+u.EventName())
			return nil
		}
		unknown = append(unknown, fmt.Sprintf("%T %s", ev, ev.EventName()))
		return nil
	})
	env.h.On(EventOrderNew, func(ctx context.Context, ev Event) error { panic("boom") })
	tests := []struct {
		name   string
		plain  string
		status int
	}{
		{"unknown event goes to OnUnknown", `{"ToUserName":"gh","CreateTime":1,"Event":"future_event","x":1}`, 200},
		{"known event without handler goes to OnUnknown", `{"ToUserName":"gh","CreateTime":1,"Event":"channels_ec_order_settle","order_info":{"order_id":1}}`, 200},
		{"undecodable known event is delivered raw", `{"ToUserName":"gh","CreateTime":1,"Event":"channels_ec_order_settle","order_info":{"order_id":[1]}}`, 200},
		{"panicking handler answers 500", `{"ToUserName":"gh","CreateTime":1,"Event":"channels_ec_order_new","order_info":{"order_id":1}}`, 500},
	}
	for i, tt := range tests {
		rec := env.push(t, tt.plain, fmt.Sprint(i))
		if rec.Code != tt.status {
			t.Errorf("%s: status = %d, want %d", tt.name, rec.Code, tt.status)
		}
	}
	want := []string{"*notify.UnknownEvent future_event", "*notify.OrderSettleEvent channels_ec_order_settle", "undecodable channels_ec_order_settle"}
	if diff := cmp.Diff(want, unknown); diff != "" {
		t.Errorf("fallback calls (-want +got):\n%s", diff)
	}
	// Without any handler an event is acknowledged.
	bare := newPushEnv(t)
	if rec := bare.push(t, orderPayJSON("1"), "x"); rec.Code != 200 || rec.Body.String() != "success" {
		t.Errorf("no handler: %d %q", rec.Code, rec.Body)
	}
	if err := Handle(env.h, EventOrderPay, func(context.Context, *OrderNewEvent) error { return nil }); err == nil {
		t.Error("Handle accepted a mismatched event type")
	}
	if err := Handle[*OrderPayEvent](env.h, EventOrderPay, nil); err == nil {
		t.Error("Handle accepted a nil handler")
	}
	env.h.On(EventOrderNew, nil) // removes
	if rec := env.push(t, `{"ToUserName":"gh","CreateTime":2,"Event":"channels_ec_order_new","order_info":{"order_id":1}}`, "z"); rec.Code != 200 {
		t.Errorf("after removal: %d", rec.Code)
	}
}

func TestHandler_HTTP(t *testing.T) {
	t.Parallel()
	env := newPushEnv(t)
	valid, err := env.enc.NewRequest("http://shop.example/push", []byte(orderPayJSON("1")), "1772294400", "n")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := env.enc.NewRequest("http://shop.example/push", []byte(orderPayJSON("1")), "1772290000", "n")
	if err != nil {
		t.Fatal(err)
	}
	tampered := valid.Clone(t.Context())
	q := tampered.URL.Query()
	q.Set("msg_signature", strings.Repeat("0", 40))
	tampered.URL.RawQuery = q.Encode()
	tampered.Body = http.NoBody
	_, body, _ := env.enc.Encode([]byte(orderPayJSON("1")), "1772294400", "n")
	tampered.Body = ioNopCloser(body)
	get := httptest.NewRequest(http.MethodGet, "/push?signature="+signatureFor("1772294400", "n")+"&timestamp=1772294400&nonce=n&echostr=hello", nil)
	badGet := httptest.NewRequest(http.MethodGet, "/push?signature=00&timestamp=1&nonce=n&echostr=hello", nil)
	put := httptest.NewRequest(http.MethodPut, "/push", nil)
	huge := httptest.NewRequest(http.MethodPost, valid.URL.String(), strings.NewReader(strings.Repeat("x", DefaultMaxBodyBytes+1)))
	tests := []struct {
		name   string
		req    *http.Request
		status int
		body   string
	}{
		{"URL verification", get, 200, "hello"},
		{"URL verification, bad signature", badGet, 403, "Forbidden"},
		{"valid push", valid, 200, "success"},
		{"stale push", stale, 403, "Forbidden"},
		{"tampered signature", tampered, 403, "Forbidden"},
		{"oversized", huge, 413, "Request Entity Too Large"},
		{"method", put, 405, "method not allowed"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		env.h.ServeHTTP(rec, tt.req)
		if rec.Code != tt.status || strings.TrimSpace(rec.Body.String()) != tt.body {
			t.Errorf("%s: %d %q, want %d %q", tt.name, rec.Code, rec.Body, tt.status, tt.body)
		}
	}
}

func signatureFor(ts, nonce string) string {
	v, _ := forge.NewEncoder(testTok, testKey, testApp)
	q, _, _ := v.Encode([]byte(`{}`), ts, nonce)
	return q.Get("signature")
}

func TestStatusFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want int
	}{
		{nil, 200},
		{ErrBodyTooLarge, 413},
		{fmt.Errorf("x: %w", ErrMalformed), 400},
		{ErrMissingSignature, 403},
		{ErrBadSignature, 403},
		{ErrStale, 403},
		{ErrAppIDMismatch, 403},
		{ErrDecrypt, 403},
		{ErrUnknownSerial, 403},
		{ErrHandlerTimeout, 503},
		{ErrInFlight, 503},
		{errors.New("other"), 500},
	}
	for _, tt := range tests {
		if got := StatusFor(tt.err); got != tt.want {
			t.Errorf("StatusFor(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestNewHandler_Errors(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(testTok, testKey, testApp)
	if err != nil {
		t.Fatal(err)
	}
	for name, opt := range map[string]Option{
		"nil store":    WithDedupStore(nil),
		"zero TTL":     WithDedupTTL(0),
		"nil key func": WithDedupKey(nil),
		"zero timeout": WithHandlerTimeout(0),
		"nil logger":   WithLogger(nil),
	} {
		if _, err := NewHandler(v, opt); err == nil {
			t.Errorf("%s: NewHandler() error = nil", name)
		}
	}
	if _, err := NewHandler(nil); err == nil {
		t.Error("NewHandler(nil) error = nil")
	}
}

// TestHandler_Timeout checks the 5-second budget under a simulated clock:
// a handler that overruns the deadline gets a 503 (so the platform retries),
// a retry arriving while it still runs gets 503 too, and once the slow
// handler has failed the next retry is handled afresh.
func TestHandler_Timeout(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		store := mustMemoryStore(t)
		env := newPushEnv(t, WithDedupStore(store), WithHandlerTimeout(4*time.Second))
		var calls atomic.Int32
		release := make(chan struct{})
		env.h.On(EventOrderPay, func(ctx context.Context, ev Event) error {
			if calls.Add(1) == 1 {
				<-release // ignores ctx: a badly behaved, slow handler
				return errors.New("gave up")
			}
			return nil
		})
		start := time.Now()
		rec := env.push(t, orderPayJSON("9"), "a")
		if rec.Code != 503 {
			t.Fatalf("slow handler: status %d, want 503", rec.Code)
		}
		if took := time.Since(start); took != 4*time.Second {
			t.Errorf("answered after %v, want 4s", took)
		}
		if rec := env.push(t, orderPayJSON("9"), "b"); rec.Code != 503 {
			t.Errorf("retry while in flight: status %d, want 503", rec.Code)
		}
		close(release)
		synctest.Wait()
		if rec := env.push(t, orderPayJSON("9"), "c"); rec.Code != 200 {
			t.Errorf("retry after failure: status %d, want 200", rec.Code)
		}
		if rec := env.push(t, orderPayJSON("9"), "d"); rec.Code != 200 {
			t.Errorf("duplicate: status %d, want 200", rec.Code)
		}
		if n := calls.Load(); n != 2 {
			t.Errorf("handler ran %d times, want 2", n)
		}
	})
}

// TestHandler_TimeoutThenSuccess: a handler that honours its context and
// finishes late but successfully keeps its claim, so the retry is a
// duplicate.
func TestHandler_LateSuccessKeepsClaim(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		env := newPushEnv(t, WithHandlerTimeout(time.Second))
		var calls atomic.Int32
		env.h.On(EventOrderPay, func(ctx context.Context, ev Event) error {
			calls.Add(1)
			time.Sleep(2 * time.Second) // finishes the write anyway
			return nil
		})
		if rec := env.push(t, orderPayJSON("5"), "a"); rec.Code != 503 {
			t.Fatalf("status %d, want 503", rec.Code)
		}
		time.Sleep(2 * time.Second)
		synctest.Wait()
		if rec := env.push(t, orderPayJSON("5"), "b"); rec.Code != 200 {
			t.Errorf("retry: status %d, want 200", rec.Code)
		}
		if calls.Load() != 1 {
			t.Errorf("handler ran %d times, want 1", calls.Load())
		}
	})
}

type failingStore struct{}

func (failingStore) Claim(context.Context, string, string, time.Duration) (ClaimState, error) {
	return 0, errors.New("redis: connection refused")
}
func (failingStore) Complete(context.Context, string, string, time.Duration) error { return nil }
func (failingStore) Release(context.Context, string, string) error                 { return nil }

func TestHandler_StoreFailure(t *testing.T) {
	t.Parallel()
	env := newPushEnv(t, WithDedupStore(failingStore{}))
	called := false
	env.h.On(EventOrderPay, func(context.Context, Event) error { called = true; return nil })
	if rec := env.push(t, orderPayJSON("1"), "a"); rec.Code != 500 {
		t.Errorf("status %d, want 500", rec.Code)
	}
	if called {
		t.Error("handler ran without a claim")
	}
}

func TestDedupKey(t *testing.T) {
	t.Parallel()
	a := &Message{Header: Header{ToUserName: "gh", Event: EventOrderPay, CreateTime: 7}, Plaintext: []byte(orderPayJSON("1"))}
	evA, _ := a.Decode()
	b := &Message{Header: a.Header, Plaintext: []byte(orderPayJSON(`"1"`))}
	evB, _ := b.Decode()
	c := &Message{Header: a.Header, Plaintext: []byte(orderPayJSON("2"))}
	evC, _ := c.Decode()
	ka, kb, kc := DedupKey(a, evA), DedupKey(b, evB), DedupKey(c, evC)
	if ka != kb {
		t.Errorf("number and string IDs give different keys: %s %s", ka, kb)
	}
	if ka == kc {
		t.Error("different orders share a key")
	}
	if !strings.HasPrefix(ka, "push:gh:channels_ec_order_pay:7:") || len(ka) != len("push:gh:channels_ec_order_pay:7:")+32 {
		t.Errorf("key shape: %s", ka)
	}
	u := &Message{Header: Header{Event: "x"}, Plaintext: []byte(`{"Event":"x"}`)}
	if DedupKey(u, &UnknownEvent{Header: u.Header, Raw: u.Plaintext}) == DedupKey(u, &UnknownEvent{Header: u.Header, Raw: []byte(`{"Event":"x","y":1}`)}) {
		t.Error("unknown events with different bodies share a key")
	}
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }

func ioNopCloser(b []byte) nopCloser { return nopCloser{strings.NewReader(string(b))} }

// TestHandler_ConcurrentDuplicates: the same event pushed concurrently is
// handled once; the other copies are answered 503 (in flight, retried) or
// 200 (already handled).
func TestHandler_ConcurrentDuplicates(t *testing.T) {
	t.Parallel()
	env := newPushEnv(t)
	var calls atomic.Int32
	gate := make(chan struct{})
	env.h.On(EventOrderPay, func(ctx context.Context, ev Event) error {
		calls.Add(1)
		<-gate
		return nil
	})
	const n = 8
	reqs := make([]*http.Request, n)
	for i := range reqs {
		r, err := env.enc.NewRequest("http://shop.example/push", []byte(orderPayJSON("42")), "1772294400", fmt.Sprint("c", i))
		if err != nil {
			t.Fatal(err)
		}
		reqs[i] = r
	}
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range reqs {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			env.h.ServeHTTP(rec, reqs[i])
			codes[i] = rec.Code
		})
	}
	// Let the racers in, then release the one handler.
	for deadline := time.Now().Add(60 * time.Second); calls.Load() == 0; time.Sleep(time.Millisecond) { // generous: a loaded machine
		if time.Now().After(deadline) {
			close(gate)
			t.Fatal("no copy reached the handler")
		}
	}
	time.Sleep(20 * time.Millisecond)
	close(gate)
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("handler ran %d times, want 1", calls.Load())
	}
	ok := 0
	for _, c := range codes {
		switch c {
		case 200:
			ok++
		case 503:
		default:
			t.Errorf("unexpected status %d", c)
		}
	}
	if ok < 1 {
		t.Errorf("no copy was answered success: %v", codes)
	}
}

// TestHandler_LogsNoSecrets: rejected and failed deliveries are logged
// without the token, the EncodingAESKey or the plaintext.
func TestHandler_LogsNoSecrets(t *testing.T) {
	t.Parallel()
	var buf strings.Builder
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, nil))
	env := newPushEnv(t, WithLogger(logger))
	env.h.On(EventOrderPay, func(context.Context, Event) error { return errors.New("db down") })
	env.push(t, orderPayJSON("1"), "a")
	req, _ := env.enc.NewRequest("http://shop.example/push", []byte(orderPayJSON("2")), "1772294400", "b")
	q := req.URL.Query()
	q.Set("msg_signature", strings.Repeat("f", 40))
	req.URL.RawQuery = q.Encode()
	env.h.ServeHTTP(httptest.NewRecorder(), req)
	mu.Lock()
	out := buf.String()
	mu.Unlock()
	if !strings.Contains(out, "db down") || !strings.Contains(out, "bad signature") {
		t.Errorf("log lacks the failures:\n%s", out)
	}
	for _, secret := range []string{testTok, testKey, "o_buyer", "pay_time"} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains %q:\n%s", secret, out)
		}
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *strings.Builder
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// TestHandler_CustomEventNames: a handler can be registered for an event the
// SDK does not know; it receives the raw event. A typed registration for
// such a name falls back to OnUnknown.
func TestHandler_CustomEventNames(t *testing.T) {
	t.Parallel()
	env := newPushEnv(t)
	var got []string
	if err := Handle(env.h, "channels_ec_future", func(ctx context.Context, e *UnknownEvent) error {
		got = append(got, "custom "+string(e.Raw))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := Handle(env.h, "channels_ec_other", func(ctx context.Context, e *OrderPayEvent) error {
		got = append(got, "typed, never")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	env.h.OnUnknown(func(ctx context.Context, ev Event) error {
		got = append(got, "fallback "+ev.EventName())
		return nil
	})
	env.push(t, `{"CreateTime":1,"Event":"channels_ec_future"}`, "a")
	env.push(t, `{"CreateTime":1,"Event":"channels_ec_other"}`, "b")
	want := []string{`custom {"CreateTime":1,"Event":"channels_ec_future"}`, "fallback channels_ec_other"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

// TestHandler_OfficialVector serves the official safe-mode push (V1) and
// its URL check (V2) through the http.Handler.
func TestHandler_OfficialVector(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix)))
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(v)
	if err != nil {
		t.Fatal(err)
	}
	var got string
	h.OnUnknown(func(ctx context.Context, ev Event) error {
		var body struct {
			DebugStr string `json:"debug_str"`
		}
		u := ev.(*UnknownEvent)
		if err := json.Unmarshal(u.Raw, &body); err != nil {
			return err
		}
		got = u.EventName() + ": " + body.DebugStr
		return nil
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/push?"+v1Query, strings.NewReader(v1Body)))
	if rec.Code != 200 || rec.Body.String() != "success" || got != "debug_demo: hello world" {
		t.Errorf("POST V1: %d %q, handler saw %q", rec.Code, rec.Body, got)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/push?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249", nil))
	if rec.Code != 200 || rec.Body.String() != "4375120948345356249" {
		t.Errorf("GET V2: %d %q", rec.Code, rec.Body)
	}
}
