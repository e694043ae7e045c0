package shopapi_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

const (
	redirToken  = "TOKEN-0123456789-redirect"
	redirSecret = "APPSECRET-0123456789-redirect"
)

// redirectPair starts the server the client talks to, which answers every
// request with status and a Location on the other server (with the token
// in its query), and the other server, which counts what reaches it and
// answers success for anything.
func redirectPair(t *testing.T, status int) (front *httptest.Server, frontHits, otherHits *atomic.Int32) {
	t.Helper()
	frontHits, otherHits = new(atomic.Int32), new(atomic.Int32)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otherHits.Add(1)
		_, _ = io.WriteString(w, `{"errcode":0,"access_token":"OTHER","expires_in":7200}`)
	}))
	t.Cleanup(other.Close)
	front = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		frontHits.Add(1)
		http.Redirect(w, r, other.URL+r.URL.Path+"?access_token="+redirToken, status)
	}))
	t.Cleanup(front.Close)
	return front, frontHits, otherHits
}

var redirectStatuses = []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
	http.StatusTemporaryRedirect, http.StatusPermanentRedirect}

// checkRedirectErr checks err is a *RedirectError for status that leaks
// no secret.
func checkRedirectErr(t *testing.T, err error, status int) {
	t.Helper()
	var re *shopapi.RedirectError
	if !errors.Is(err, shopapi.ErrRedirect) || !errors.As(err, &re) {
		t.Fatalf("error = %v, want a *RedirectError", err)
	}
	if re.StatusCode != status || !strings.Contains(re.Location, "access_token=REDACTED") {
		t.Errorf("RedirectError = %+v", re)
	}
	for _, s := range []string{redirToken, redirSecret} {
		if strings.Contains(err.Error(), s) || strings.Contains(fmtAll(err), s) {
			t.Errorf("error leaks a secret: %v", err)
		}
	}
}

// TestRedirect_CallsRefused: a write (not idempotent) and a read meet
// every redirect status; none is followed, the error is a *RedirectError,
// and neither is retried, with the default client and with the caller's.
func TestRedirect_CallsRefused(t *testing.T) {
	t.Parallel()
	for _, status := range redirectStatuses {
		for _, follow := range []bool{false, true} {
			t.Run(http.StatusText(status)+map[bool]string{false: "", true: "/follow-all CheckRedirect"}[follow], func(t *testing.T) {
				t.Parallel()
				front, frontHits, otherHits := redirectPair(t, status)
				// The caller's client, on the test server's own transport (not
				// http.DefaultTransport, whose idle connections another test's
				// httptest.Server.Close may drop mid-request). A nil
				// CheckRedirect follows up to 10 redirects; the other one
				// follows every redirect.
				hc := &http.Client{Transport: front.Client().Transport, Timeout: time.Minute}
				if follow {
					hc.CheckRedirect = func(*http.Request, []*http.Request) error { return nil }
				}
				opts := []shopapi.Option{shopapi.WithBaseURL(front.URL), shopapi.WithRetry(3, time.Millisecond, time.Millisecond),
					shopapi.WithoutRateLimit(), shopapi.WithHTTPClient(hc)}
				c, err := shopapi.NewClient(shopapi.StaticToken(redirToken), opts...)
				if err != nil {
					t.Fatal(err)
				}
				resp, err := c.Stock.Update(t.Context(), &shopapi.StockUpdateRequest{ProductID: "1", SKUID: "2", DiffType: shopapi.StockAdd, Num: 1})
				checkRedirectErr(t, err, status)
				if errors.Is(err, shopapi.ErrAmbiguous) {
					t.Errorf("a refused redirect is reported as ambiguous: %v", err)
				}
				if resp == nil || resp.Attempts != 1 || resp.Response == nil || resp.StatusCode != status {
					t.Errorf("write: resp = %+v, want one attempt answered %d", resp, status)
				}
				_, resp, err = c.Store.Info(t.Context())
				checkRedirectErr(t, err, status)
				if resp == nil || resp.Attempts != 1 {
					t.Errorf("read: resp = %+v, want one attempt", resp)
				}
				if got := frontHits.Load(); got != 2 {
					t.Errorf("front server hits = %d, want 2 (no retry)", got)
				}
				if got := otherHits.Load(); got != 0 {
					t.Errorf("the redirect target got %d requests", got)
				}
				if (hc.CheckRedirect == nil) == follow {
					t.Error("NewClient changed the caller's CheckRedirect")
				}
				assertNoSecret(t, "write response", resp, redirToken)
				assertNoSecret(t, "error", err, redirToken)
			})
		}
	}
}

// TestRedirect_TokenFetchRefused: a token fetch (stable_token POST with
// the secret in its body, legacy GET with it in the query) meets every
// redirect status; none is followed, so the secret never reaches the
// other host, and the fetch fails with a *RedirectError, not retried.
func TestRedirect_TokenFetchRefused(t *testing.T) {
	t.Parallel()
	for _, status := range redirectStatuses {
		for _, mode := range []string{"stable", "legacy"} {
			t.Run(http.StatusText(status)+"/"+mode, func(t *testing.T) {
				t.Parallel()
				front, frontHits, otherHits := redirectPair(t, status)
				// The caller's client on the server's own transport (see
				// TestRedirect_CallsRefused).
				hc := &http.Client{Transport: front.Client().Transport, Timeout: time.Minute}
				opts := []shopapi.Option{shopapi.WithBaseURL(front.URL), shopapi.WithoutRateLimit(), shopapi.WithHTTPClient(hc)}
				if mode == "legacy" {
					opts = append(opts, shopapi.WithLegacyToken())
				}
				ts, err := shopapi.NewShopTokenSource("wxredirect", redirSecret, opts...)
				if err != nil {
					t.Fatal(err)
				}
				tok, err := ts.Token(t.Context())
				if tok != "" {
					t.Errorf("Token() = %q", tok)
				}
				checkRedirectErr(t, err, status)
				if got := frontHits.Load(); got != 1 {
					t.Errorf("front server hits = %d, want 1", got)
				}
				if got := otherHits.Load(); got != 0 {
					t.Errorf("the redirect target got %d requests", got)
				}
				if hc.CheckRedirect != nil {
					t.Error("the caller's CheckRedirect was set")
				}
				assertNoSecret(t, "error", err, redirToken)
				assertNoSecret(t, "error", err, redirSecret)
			})
		}
	}
}

// chainTransport answers like a transport that followed redirects itself:
// the final response's Request.Response is an earlier hop whose Request
// carries the token in its URL, and so on for depth hops.
type chainTransport struct{ depth int }

func (c chainTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	var prev *http.Response
	for range c.depth {
		hop := r.Clone(r.Context())
		hop.Response = prev
		h := http.Header{}
		h.Set("Location", r.URL.String())
		prev = &http.Response{StatusCode: http.StatusFound, Header: h, Request: hop, Body: http.NoBody}
	}
	final := r.Clone(r.Context())
	final.Response = prev
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Request: final,
		Body: io.NopCloser(strings.NewReader(`{"errcode":0,"info":{"nickname":"n"}}`))}, nil
}

// TestRedaction_AnyDepth: whatever the client returns holds the token
// nowhere, at any depth of Response.Request.Response.Request..., also when
// the transport built a redirect chain.
func TestRedaction_AnyDepth(t *testing.T) {
	t.Parallel()
	for _, depth := range []int{0, 1, 3} {
		c, err := shopapi.NewClient(shopapi.StaticToken(redirToken), shopapi.WithBaseURL("https://api.example.test"),
			shopapi.WithHTTPClient(&http.Client{Transport: chainTransport{depth: depth}}), shopapi.WithoutRateLimit())
		if err != nil {
			t.Fatal(err)
		}
		_, resp, err := c.Store.Info(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for r := resp.Response; r != nil && r.Request != nil; r = r.Request.Response {
			if !strings.Contains(r.Request.URL.RawQuery, "access_token=REDACTED") {
				t.Errorf("depth %d hop %d: URL %s", depth, n, r.Request.URL)
			}
			n++
		}
		if n != depth+1 {
			t.Errorf("chain has %d requests, want %d", n, depth+1)
		}
		assertNoSecret(t, "response", resp, redirToken)
	}
}

// assertNoSecret walks everything reachable from v (fields, exported or
// not, pointers, slices, maps, interfaces; not functions or channels) and
// fails if a string or byte slice holds secret.
func assertNoSecret(t *testing.T, what string, v any, secret string) {
	t.Helper()
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, path string, depth int)
	walk = func(v reflect.Value, path string, depth int) {
		if !v.IsValid() || depth > 40 {
			return
		}
		switch v.Kind() {
		case reflect.String:
			if strings.Contains(v.String(), secret) {
				t.Errorf("%s: %s holds the secret", what, path)
			}
		case reflect.Pointer, reflect.Map, reflect.Slice:
			if v.IsNil() {
				return
			}
			if v.Kind() != reflect.Slice || v.Len() > 0 {
				p := v.Pointer()
				if v.Kind() == reflect.Slice {
					p += uintptr(v.Len())
				}
				if seen[p] && v.Kind() != reflect.Slice {
					return
				}
				seen[p] = true
			}
			switch v.Kind() {
			case reflect.Pointer:
				walk(v.Elem(), path, depth+1)
			case reflect.Map:
				it := v.MapRange()
				for it.Next() {
					walk(it.Key(), path+"[key]", depth+1)
					walk(it.Value(), path+"["+it.Key().String()+"]", depth+1)
				}
			case reflect.Slice:
				if v.Type().Elem().Kind() == reflect.Uint8 {
					if strings.Contains(string(v.Bytes()), secret) {
						t.Errorf("%s: %s holds the secret", what, path)
					}
					return
				}
				for i := range v.Len() {
					walk(v.Index(i), path+"[]", depth+1)
				}
			}
		case reflect.Interface:
			walk(v.Elem(), path, depth+1)
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name, depth+1)
			}
		case reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i), path+"[]", depth+1)
			}
		}
	}
	walk(reflect.ValueOf(v), what, 0)
}
