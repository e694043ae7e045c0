package notify

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

const testComponent = "wxcomponent00001"

func componentPair(t testing.TB) (*Verifier, *forge.Encoder) {
	t.Helper()
	v, err := NewVerifier(testTok, testKey, testComponent, WithClock(fixedClock(testUnix)))
	if err != nil {
		t.Fatal(err)
	}
	e, err := forge.NewEncoder(testTok, testKey, testComponent)
	if err != nil {
		t.Fatal(err)
	}
	return v, e
}

var ts = strconv.FormatInt(testUnix, 10)

func TestParseAuthEvent(t *testing.T) {
	t.Parallel()
	v, e := componentPair(t)
	for _, ev := range []*AuthEvent{
		{AppID: testComponent, CreateTime: testUnix, InfoType: InfoComponentVerifyTicket, ComponentVerifyTicket: "ticket@@@secret"},
		{AppID: testComponent, CreateTime: testUnix, InfoType: InfoAuthorized, AuthorizerAppID: "wxshop1",
			AuthorizationCode: "queryauthcode@@@x", AuthorizationCodeExpiredTime: testUnix + 3600, PreAuthCode: "preauthcode@@@y"},
		{AppID: testComponent, CreateTime: testUnix, InfoType: InfoUpdateAuthorized, AuthorizerAppID: "wxshop1", AuthorizationCode: "c2"},
		{AppID: testComponent, CreateTime: testUnix, InfoType: InfoUnauthorized, AuthorizerAppID: "wxshop1"},
	} {
		q, body, err := encodeAuth(e, ev, ts, "n1")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(body, []byte("<xml>")) || bytes.Contains(body, []byte("ticket@@@")) {
			t.Errorf("body is not the encrypted XML envelope: %s", body)
		}
		got, err := v.ParseAuthEvent(q, body)
		if err != nil {
			t.Fatalf("%s: %v", ev.InfoType, err)
		}
		got.XMLName = ev.XMLName
		if diff := cmp.Diff(ev, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", ev.InfoType, diff)
		}
		if strings.Contains(got.String(), "secret") || strings.Contains(got.String(), "@@@") {
			t.Errorf("String leaks a credential: %s", got)
		}
	}
	// Failures, each with its sentinel.
	q, body, _ := encodeAuth(e, &AuthEvent{AppID: testComponent, InfoType: InfoUnauthorized}, ts, "n2")
	bad := url.Values{}
	for k, v := range q {
		bad[k] = v
	}
	bad.Set("msg_signature", strings.Repeat("0", 40))
	other, _ := forge.NewEncoder(testTok, testKey, "wxanothercomponent")
	q3, body3, _ := encodeAuth(other, &AuthEvent{AppID: "wxanothercomponent", InfoType: InfoUnauthorized}, ts, "n3")
	stale := url.Values{}
	for k, v := range q {
		stale[k] = v
	}
	stale.Set("timestamp", "1")
	for name, tc := range map[string]struct {
		q    url.Values
		body []byte
		want error
	}{
		"bad signature":     {bad, body, ErrBadSignature},
		"another component": {q3, body3, ErrAppIDMismatch},
		"not xml":           {q, []byte(`{"Encrypt":"x"}`), ErrMalformed},
		"no encrypt":        {q, []byte(`<xml><AppId>x</AppId></xml>`), ErrMalformed},
		"stale":             {stale, body, ErrBadSignature},
		"no signature":      {url.Values{}, body, ErrMissingSignature},
	} {
		if _, err := v.ParseAuthEvent(tc.q, tc.body); !errors.Is(err, tc.want) && !(name == "stale" && errors.Is(err, ErrStale)) {
			t.Errorf("%s: %v, want %v", name, err, tc.want)
		}
	}
}

func TestAuthHandler(t *testing.T) {
	t.Parallel()
	v, e := componentPair(t)
	var logs bytes.Buffer
	var tickets []string
	var authorized, revoked []string
	fail := false
	h, err := NewAuthHandler(v, AuthCallbacks{
		Ticket: func(_ context.Context, tk string) error {
			if fail {
				return errors.New("store down")
			}
			tickets = append(tickets, tk)
			return nil
		},
		Authorized: func(_ context.Context, ev *AuthEvent) error {
			authorized = append(authorized, ev.AuthorizerAppID+":"+ev.AuthorizationCode)
			return nil
		},
		Unauthorized: func(_ context.Context, ev *AuthEvent) error {
			revoked = append(revoked, ev.AuthorizerAppID)
			return nil
		},
	}, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	post := func(ev *AuthEvent, mutate func(url.Values)) *httptest.ResponseRecorder {
		q, body, err := encodeAuth(e, ev, ts, "n")
		if err != nil {
			t.Fatal(err)
		}
		if mutate != nil {
			mutate(q)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/auth?"+q.Encode(), bytes.NewReader(body)))
		return rec
	}
	ticket := &AuthEvent{AppID: testComponent, InfoType: InfoComponentVerifyTicket, ComponentVerifyTicket: "ticket@@@abc"}
	if rec := post(ticket, nil); rec.Code != 200 || rec.Body.String() != "success" {
		t.Errorf("ticket: %d %q", rec.Code, rec.Body)
	}
	post(&AuthEvent{AppID: testComponent, InfoType: InfoAuthorized, AuthorizerAppID: "wxshop1", AuthorizationCode: "code1"}, nil)
	post(&AuthEvent{AppID: testComponent, InfoType: InfoUpdateAuthorized, AuthorizerAppID: "wxshop1", AuthorizationCode: "code2"}, nil) // no callback: ignored
	post(&AuthEvent{AppID: testComponent, InfoType: InfoUnauthorized, AuthorizerAppID: "wxshop1"}, nil)
	fail = true
	if rec := post(ticket, nil); rec.Code != http.StatusInternalServerError {
		t.Errorf("failing callback answered %d, want 500 so the platform pushes again", rec.Code)
	}
	if rec := post(ticket, func(q url.Values) { q.Set("msg_signature", strings.Repeat("1", 40)) }); rec.Code != http.StatusForbidden {
		t.Errorf("forged event answered %d, want 403", rec.Code)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/auth", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET answered %d", rec.Code)
	}
	if diff := cmp.Diff([]string{"ticket@@@abc"}, tickets); diff != "" {
		t.Errorf("tickets (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"wxshop1:code1"}, authorized); diff != "" {
		t.Errorf("authorized (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"wxshop1"}, revoked); diff != "" {
		t.Errorf("revoked (-want +got):\n%s", diff)
	}
	out := logs.String()
	if strings.Count(out, "authorisation event rejected") != 2 || strings.Contains(out, "ticket@@@") || strings.Contains(out, testKey) {
		t.Errorf("log:\n%s", out)
	}
	if _, err := NewAuthHandler(nil, AuthCallbacks{}, nil); err == nil {
		t.Error("nil verifier accepted")
	}
}

func TestRouter(t *testing.T) {
	t.Parallel()
	served := map[string]bool{"wxshop1": true, "wxshop2": true}
	var got []string
	shop := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, MerchantAppID(r.Context()))
		_, _ = w.Write([]byte("success"))
	})
	var logs bytes.Buffer
	rt, err := NewRouter(func(app string) http.Handler {
		if served[app] {
			return shop
		}
		return nil
	}, nil, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST /wechat/{appid}", rt)
	for _, tc := range []struct {
		path string
		code int
	}{{"/wechat/wxshop1", 200}, {"/wechat/wxshop2", 200}, {"/wechat/wxstranger", 404}, {"/wechat/wxstranger", 404}} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, tc.path, strings.NewReader("{}")))
		if rec.Code != tc.code {
			t.Errorf("%s: %d, want %d", tc.path, rec.Code, tc.code)
		}
	}
	if diff := cmp.Diff([]string{"wxshop1", "wxshop2"}, got); diff != "" {
		t.Errorf("routed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"wxstranger": 2}, rt.Unknown()); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
	if !strings.Contains(logs.String(), "does not serve") {
		t.Errorf("refusal not logged:\n%s", logs.String())
	}
	if MerchantAppID(context.Background()) != "" {
		t.Error("MerchantAppID outside a router")
	}
	if _, err := NewRouter(nil, nil, nil); err == nil {
		t.Error("nil lookup accepted")
	}
}

func FuzzParseAuthEvent(f *testing.F) {
	_, e := componentPair(f)
	q, body, _ := encodeAuth(e, &AuthEvent{AppID: testComponent, InfoType: InfoAuthorized, AuthorizerAppID: "wx"}, ts, "n")
	f.Add(q.Get("msg_signature"), body)
	f.Add("", []byte("<xml><Encrypt>AAAA</Encrypt></xml>"))
	f.Add("x", []byte("<"))
	v, _ := componentPair(f)
	f.Fuzz(func(t *testing.T, sig string, body []byte) {
		qq := url.Values{"timestamp": {ts}, "nonce": {"n"}, "msg_signature": {sig}}
		ev, err := v.ParseAuthEvent(qq, body)
		if err == nil && ev.InfoType == "" {
			t.Fatal("an event without InfoType passed")
		}
	})
}

// encodeAuth forges ev as the platform posts it (notifytest's
// Encoder.EncodeAuthEvent, which this package's tests cannot import).
func encodeAuth(e *forge.Encoder, ev *AuthEvent, timestamp, nonce string) (url.Values, []byte, error) {
	return e.EncodeXML(ev, ev.AppID, timestamp, nonce)
}
