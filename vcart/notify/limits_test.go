package notify

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
)

// syncBuffer is a bytes.Buffer safe for the handler's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestHandler_FailedVerificationVisibleByDefault: a Handler built without
// WithLogger logs a failed verification at Warn through slog.Default()
// (it used to discard it although the doc promised a warning), without
// the token or the key. Not parallel: it swaps the default logger.
func TestHandler_FailedVerificationVisibleByDefault(t *testing.T) {
	var buf syncBuffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })

	env := newPushEnv(t) // no WithLogger
	req, err := env.enc.NewRequest("http://shop.example/push", []byte(orderPayJSON("1")), "1772294400", "n1")
	if err != nil {
		t.Fatal(err)
	}
	q := req.URL.Query()
	q.Set("msg_signature", strings.Repeat("0", 40))
	req.URL.RawQuery = q.Encode()
	rec := httptest.NewRecorder()
	env.h.ServeHTTP(rec, req)
	if rec.Code != 403 {
		t.Fatalf("status = %d, want 403", rec.Code)
	}
	// The GET URL check too.
	rec = httptest.NewRecorder()
	env.h.ServeHTTP(rec, httptest.NewRequest("GET", "/push?signature=bad&timestamp=1&nonce=2&echostr=hi", nil))
	if rec.Code != 403 {
		t.Fatalf("GET status = %d, want 403", rec.Code)
	}
	out := buf.String()
	if strings.Count(out, "level=WARN") < 2 || strings.Count(out, "push rejected") < 2 || !strings.Contains(out, "status=403") {
		t.Errorf("default log = %q, want two Warn lines for the failed checks", out)
	}
	for _, secret := range []string{testTok, testKey} {
		if strings.Contains(out, secret) {
			t.Errorf("log leaks a secret: %q", out)
		}
	}
	// A logger given with WithLogger replaces the default.
	var own syncBuffer
	quiet := newPushEnv(t, WithLogger(slog.New(slog.NewTextHandler(&own, nil))))
	before := buf.String()
	rec = httptest.NewRecorder()
	quiet.h.ServeHTTP(rec, httptest.NewRequest("GET", "/push?signature=bad&timestamp=1&nonce=2&echostr=hi", nil))
	if buf.String() != before || !strings.Contains(own.String(), "push rejected") {
		t.Errorf("WithLogger: default got %q, own got %q", strings.TrimPrefix(buf.String(), before), own.String())
	}
}

// TestHandler_PanicLoggedWithStack: a recovered handler panic is logged at
// Error with the panic value and the stack that names the handler.
func TestHandler_PanicLoggedWithStack(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	env := newPushEnv(t, WithLogger(slog.New(slog.NewJSONHandler(&buf, nil))))
	env.h.On(EventOrderPay, func(ctx context.Context, ev Event) error { panicInHandler(); return nil })
	if rec := env.push(t, orderPayJSON("7"), "p1"); rec.Code != 500 {
		t.Fatalf("status = %d, want 500", rec.Code)
	}
	out := buf.String()
	if !strings.Contains(out, `"level":"ERROR"`) || !strings.Contains(out, `"panic":"boom in handler"`) ||
		!strings.Contains(out, "panicInHandler") || !strings.Contains(out, `"event":"channels_ec_order_pay"`) {
		t.Errorf("log = %s, want the panic at Error with a stack naming panicInHandler", out)
	}
}

//go:noinline
func panicInHandler() { panic("boom in handler") }

// TestHandler_EchostrInert: the GET answer is text/plain with nosniff:
// echostr is not covered by the signature.
func TestHandler_EchostrInert(t *testing.T) {
	t.Parallel()
	env := newPushEnv(t, WithLogger(slog.New(slog.DiscardHandler)))
	q := "timestamp=1&nonce=2&echostr=%3Cscript%3E&signature=" + wxcrypto.Signature(testTok, "1", "2")
	rec := httptest.NewRecorder()
	env.h.ServeHTTP(rec, httptest.NewRequest("GET", "/push?"+q, nil))
	if rec.Code != 200 || rec.Body.String() != "<script>" || rec.Header().Get("X-Content-Type-Options") != "nosniff" ||
		!strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
		t.Errorf("GET answer %d %q %v", rec.Code, rec.Body, rec.Header())
	}
}
