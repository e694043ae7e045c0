package shopapi_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// TestRedaction injects known secrets, provokes every kind of failure and
// scans every error string and the captured slog output for them.
func TestRedaction(t *testing.T) {
	t.Parallel()
	const secret = "S3CR3T-app-secret-0123456789"
	srv := shopapitest.NewServer(t, shopapitest.WithCredentials("wxredact000000001", secret))
	var buf bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(&lockedWriter{w: &buf, mu: &mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))

	ts, err := srv.TokenSource(srv.HTTPClient(), shopapi.WithLogger(logger))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := ts.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{secret, tok}

	// A closed port: the transport error carries the URL with the token.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String()
	ln.Close()

	var errs []error
	record := func(err error) {
		if err == nil {
			t.Errorf("expected an error (call %d)", len(errs))
			return
		}
		errs = append(errs, err)
	}

	c, err := shopapi.NewClient(ts, shopapi.WithBaseURL(srv.URL()), shopapi.WithLogger(logger), shopapi.WithRetry(1, time.Millisecond, time.Millisecond),
		shopapi.WithHTTPClient(srv.HTTPClient()))
	if err != nil {
		t.Fatal(err)
	}
	deadClient, err := shopapi.NewClient(ts, shopapi.WithBaseURL(dead), shopapi.WithLogger(logger), shopapi.WithRetry(1, time.Millisecond, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = deadClient.Store.Info(t.Context())
	record(err)
	_, err = deadClient.Stock.Update(t.Context(), &shopapi.StockUpdateRequest{ProductID: "1", SKUID: "2", DiffType: shopapi.StockAdd, Num: 1})
	record(err)

	for _, f := range []shopapitest.Fault{
		{Kind: shopapitest.FaultHTTPStatus, Status: 500, Times: 2},
		{Kind: shopapitest.FaultMalformedJSON, Times: 2},
		{Kind: shopapitest.FaultErrCode, Code: 40001, Times: 2},
		{Kind: shopapitest.FaultDropBefore, Times: 10},
	} {
		srv.ClearFaults()
		srv.InjectFault("/channels/ec/basics/info/get", f)
		_, resp, err := c.Store.Info(t.Context())
		record(err)
		if resp != nil && resp.Response != nil && resp.Request != nil {
			for _, s := range secrets {
				if strings.Contains(resp.Request.URL.String(), s) {
					t.Errorf("Response.Request.URL leaks a secret: %s", resp.Request.URL)
				}
			}
		}
	}
	srv.ClearFaults()
	_, resp, err := c.Store.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if u := resp.Request.URL.String(); strings.Contains(u, tok) || !strings.Contains(u, "access_token=REDACTED") {
		t.Errorf("Response.Request.URL = %s", u)
	}

	// Token fetches: legacy GET puts the secret in the URL.
	for _, opt := range []shopapi.Option{shopapi.WithLegacyToken(), shopapi.WithEarlyRefresh(0)} {
		bad, err := shopapi.NewShopTokenSource("wxredact000000001", secret, shopapi.WithBaseURL(dead), opt, shopapi.WithLogger(logger))
		if err != nil {
			t.Fatal(err)
		}
		_, err = bad.Token(t.Context())
		record(err)
	}
	wrong, _ := shopapi.NewShopTokenSource("wxredact000000001", secret+"x", shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient()))
	_, err = wrong.Token(t.Context())
	record(err)

	comp, _ := shopapi.NewComponentTokenSource("wxc", secret, func(context.Context) (string, error) { return "ticket", nil },
		shopapi.WithBaseURL(dead))
	_, err = comp.Token(t.Context())
	record(err)

	mu.Lock()
	logs := buf.String()
	mu.Unlock()
	for _, e := range errs {
		for _, s := range secrets {
			if strings.Contains(e.Error(), s) || strings.Contains(fmtAll(e), s) {
				t.Errorf("error leaks a secret: %v", e)
			}
		}
	}
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			t.Errorf("logs leak a secret:\n%s", logs)
		}
	}
	if !strings.Contains(logs, `"path":"/channels/ec/basics/info/get"`) {
		t.Errorf("calls were not logged:\n%s", logs)
	}
	var te *shopapi.TransportError
	if !errors.As(errs[0], &te) || te.Sent {
		t.Errorf("dial failure: %#v", errs[0])
	}
	if !errors.Is(errs[1], shopapi.ErrNotSent) && errors.Is(errs[1], shopapi.ErrAmbiguous) {
		t.Error("a refused dial was reported as ambiguous")
	}
}

// fmtAll renders err and every error in its chain.
func fmtAll(err error) string {
	var b strings.Builder
	for e := err; e != nil; e = errors.Unwrap(e) {
		b.WriteString(e.Error())
		b.WriteByte('\n')
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				b.WriteString(fmtAll(x))
			}
		}
	}
	return b.String()
}
