package notify

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// Known-answer vector V1 (channels-api.md §5).
const (
	v1Token   = "AAAAA"
	v1Key     = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	v1AppID   = "wxba5fad812f8e6fb9"
	v1Query   = "signature=6c5c811b55cc85e0e1b54100749188c20beb3f5d&timestamp=1714112445&nonce=415670741&openid=o9AgO5Kd5ggOC-bXrbNODIiE3bGY&encrypt_type=aes&msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3"
	v1Encrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="
	v1Body    = `{"ToUserName":"gh_97417a04a28d","Encrypt":"` + v1Encrypt + `"}`
	v1Plain   = `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}`
	v1Unix    = 1714112445
	testKey   = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	testTok   = "test-token"
	testApp   = "wx1234567890abcdef"
	testUnix  = 1772294400 // 2026-03-01 00:00:00 +08:00
)

var shanghai = vcart.Shanghai()

func fixedClock(unix int64) func() time.Time {
	return func() time.Time { return time.Unix(unix, 0) }
}

func mustQuery(t testing.TB, s string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestVerifier_ParseRaw_V1(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix)))
	if err != nil {
		t.Fatal(err)
	}
	m, err := v.ParseRaw(mustQuery(t, v1Query), []byte(v1Body))
	if err != nil {
		t.Fatalf("ParseRaw() error = %v", err)
	}
	want := Header{ToUserName: "gh_97417a04a28d", FromUserName: "o9AgO5Kd5ggOC-bXrbNODIiE3bGY", CreateTime: 1714112445, MsgType: "event", Event: "debug_demo"}
	if diff := cmp.Diff(want, m.Header); diff != "" {
		t.Errorf("Header mismatch (-want +got):\n%s", diff)
	}
	if string(m.Plaintext) != v1Plain {
		t.Errorf("Plaintext = %s", m.Plaintext)
	}
	if m.OpenID != "o9AgO5Kd5ggOC-bXrbNODIiE3bGY" || m.Timestamp != "1714112445" || m.Nonce != "415670741" {
		t.Errorf("query fields = %q %q %q", m.OpenID, m.Timestamp, m.Nonce)
	}
	ev, err := m.Decode()
	if err != nil {
		t.Fatal(err)
	}
	u, ok := ev.(*UnknownEvent)
	if !ok {
		t.Fatalf("Decode() = %T, want *UnknownEvent", ev)
	}
	if string(u.Raw) != v1Plain || u.EventName() != "debug_demo" {
		t.Errorf("UnknownEvent = %q %s", u.EventName(), u.Raw)
	}
}

func TestVerifier_VerifyURL_V2(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(v1Token, v1Key, v1AppID)
	if err != nil {
		t.Fatal(err)
	}
	q := mustQuery(t, "signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249")
	echo, err := v.VerifyURL(q)
	if err != nil || echo != "4375120948345356249" {
		t.Fatalf("VerifyURL() = %q, %v", echo, err)
	}
	q.Set("signature", "f464b24fc39322e44b38aa78f5edd27bd1441697")
	if _, err := v.VerifyURL(q); !errors.Is(err, ErrBadSignature) {
		t.Errorf("tampered: err = %v", err)
	}
	q.Del("signature")
	if _, err := v.VerifyURL(q); !errors.Is(err, ErrMissingSignature) {
		t.Errorf("missing: err = %v", err)
	}
}

// signEncrypt signs an arbitrary Encrypt value so that signature checks pass and
// the failure under test is the decryption one.
func signEncrypt(encrypt string, ts, nonce string) (url.Values, []byte) {
	q := url.Values{}
	q.Set("timestamp", ts)
	q.Set("nonce", nonce)
	q.Set("signature", wxcrypto.Signature(v1Token, ts, nonce))
	q.Set("msg_signature", wxcrypto.Signature(v1Token, ts, nonce, encrypt))
	return q, []byte(`{"ToUserName":"gh_1","Encrypt":"` + encrypt + `"}`)
}

func TestVerifier_ParseRaw_Negative(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix)), WithMaxBodyBytes(4096))
	if err != nil {
		t.Fatal(err)
	}
	other, err := NewVerifier(v1Token, v1Key, "wx0000000000000000", WithClock(fixedClock(v1Unix)))
	if err != nil {
		t.Fatal(err)
	}
	late, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix+301)))
	if err != nil {
		t.Fatal(err)
	}
	early, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix-301)))
	if err != nil {
		t.Fatal(err)
	}
	noWindow, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix+86400)), WithTolerance(0))
	if err != nil {
		t.Fatal(err)
	}
	enc := func(plain string) string {
		c, err := wxcrypto.NewCipher(v1Key, v1AppID)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.Encrypt(nil, []byte(plain))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	with := func(mut func(q url.Values)) url.Values {
		q := mustQuery(t, v1Query)
		mut(q)
		return q
	}
	truncQ, truncB := signEncrypt(v1Encrypt[:len(v1Encrypt)-5], "1714112445", "1")
	padQ, padB := signEncrypt(v1Encrypt[:len(v1Encrypt)-44]+"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "1714112445", "1")
	notJSONQ, notJSONB := signEncrypt(enc("not json"), "1714112445", "1")
	noEventQ, noEventB := signEncrypt(enc(`{"ToUserName":"gh"}`), "1714112445", "1")
	tests := []struct {
		name    string
		v       *Verifier
		q       url.Values
		body    string
		wantErr error
	}{
		{"control", v, mustQuery(t, v1Query), v1Body, nil},
		{"no window, old push", noWindow, mustQuery(t, v1Query), v1Body, nil},
		{"tampered msg_signature", v, with(func(q url.Values) { q.Set("msg_signature", "146e02f8204d34f8ba5fa3b1db94908f3df2e9b3") }), v1Body, ErrBadSignature},
		{"signature alone is not enough", v, with(func(q url.Values) { q.Del("msg_signature") }), v1Body, ErrMissingSignature},
		{"missing nonce", v, with(func(q url.Values) { q.Del("nonce") }), v1Body, ErrMissingSignature},
		{"tampered Encrypt", v, mustQuery(t, v1Query), strings.Replace(v1Body, "+qdx", "+qdy", 1), ErrBadSignature},
		{"other nonce", v, with(func(q url.Values) { q.Set("nonce", "415670742") }), v1Body, ErrBadSignature},
		{"wrong AppID", other, mustQuery(t, v1Query), v1Body, ErrAppIDMismatch},
		{"stale timestamp", late, mustQuery(t, v1Query), v1Body, ErrStale},
		{"future timestamp", early, mustQuery(t, v1Query), v1Body, ErrStale},
		{"timestamp not a number", v, with(func(q url.Values) { q.Set("timestamp", "soon") }), v1Body, ErrStale},
		{"oversized body", v, mustQuery(t, v1Query), v1Body + strings.Repeat(" ", 4096), ErrBodyTooLarge},
		{"truncated base64", v, truncQ, string(truncB), ErrDecrypt},
		{"bad padding", v, padQ, string(padB), ErrDecrypt},
		{"body not JSON", v, mustQuery(t, v1Query), "<xml/>", ErrMalformed},
		{"plaintext mode body", v, mustQuery(t, v1Query), `{"ToUserName":"gh"}`, ErrMalformed},
		{"plaintext not JSON", v, notJSONQ, string(notJSONB), ErrMalformed},
		{"plaintext without Event", v, noEventQ, string(noEventB), ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := tt.v.ParseRaw(tt.q, []byte(tt.body))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseRaw() error = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				if m != nil {
					t.Error("ParseRaw() returned a message with an error")
				}
				for _, secret := range []string{v1Token, v1Key} {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("error %q leaks a secret", err)
					}
				}
			}
		})
	}
}

func TestVerifier_Parse_BodyCap(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix)), WithMaxBodyBytes(int64(len(v1Body))))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/push?"+v1Query, strings.NewReader(v1Body))
	if _, err := v.Parse(req); err != nil {
		t.Fatalf("Parse(at cap) error = %v", err)
	}
	// A body without Content-Length, one byte over the cap, is stopped by
	// http.MaxBytesReader.
	req = httptest.NewRequest(http.MethodPost, "/push?"+v1Query, struct{ *bytes.Reader }{bytes.NewReader([]byte(v1Body + " "))})
	req.ContentLength = -1
	if _, err := v.Parse(req); !errors.Is(err, ErrBodyTooLarge) {
		t.Fatalf("Parse(over cap) error = %v, want ErrBodyTooLarge", err)
	}
	req = httptest.NewRequest(http.MethodPost, "/push?"+v1Query, strings.NewReader(v1Body+"  "))
	if _, err := v.Parse(req); !errors.Is(err, ErrBodyTooLarge) {
		t.Fatalf("Parse(Content-Length over cap) error = %v, want ErrBodyTooLarge", err)
	}
}

func TestNewVerifier_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name              string
		token, key, appID string
		opts              []Option
	}{
		{"empty token", "", v1Key, v1AppID, nil},
		{"short key", v1Token, v1Key[:40], v1AppID, nil},
		{"empty AppID", v1Token, v1Key, "", nil},
		{"nil clock", v1Token, v1Key, v1AppID, []Option{WithClock(nil)}},
		{"negative tolerance", v1Token, v1Key, v1AppID, []Option{WithTolerance(-time.Second)}},
		{"zero body cap", v1Token, v1Key, v1AppID, []Option{WithMaxBodyBytes(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewVerifier(tt.token, tt.key, tt.appID, tt.opts...)
			if err == nil {
				t.Fatal("NewVerifier() error = nil")
			}
			if tt.key != "" && strings.Contains(err.Error(), tt.key) {
				t.Errorf("error %q leaks the key", err)
			}
		})
	}
}

// A push forged as the platform sends it verifies, decrypts and decodes;
// the plain signature is the URL-check one.
func TestVerifier_ForgedPushRoundTrip(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(testTok, testKey, testApp, WithClock(fixedClock(testUnix)))
	if err != nil {
		t.Fatal(err)
	}
	ev := map[string]any{"ToUserName": "gh_shop", "FromUserName": "o_buyer", "CreateTime": testUnix, "MsgType": "event",
		"Event": EventOrderNew, "order_info": map[string]any{"order_id": "3705115058471208928"}}
	q, body, err := forge.SignPush(testTok, testKey, testApp, ev, "1772294400", "nonce-1")
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("openid") != "o_buyer" || q.Get("encrypt_type") != "aes" {
		t.Errorf("query = %v", q)
	}
	if !wxcrypto.VerifySignature(q.Get("signature"), testTok, "1772294400", "nonce-1") {
		t.Error("plain signature does not verify")
	}
	m, err := v.ParseRaw(q, body)
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.Decode()
	if err != nil {
		t.Fatal(err)
	}
	want := &OrderNewEvent{Header: Header{ToUserName: "gh_shop", FromUserName: "o_buyer", CreateTime: testUnix, MsgType: "event", Event: EventOrderNew},
		OrderInfo: OrderInfo{OrderID: "3705115058471208928"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestVerifier_EncryptReply(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(v1Token, v1Key, v1AppID)
	if err != nil {
		t.Fatal(err)
	}
	r, err := v.EncryptReply([]byte(`{"demo_resp":"good luck"}`), 1713424427, "415670741")
	if err != nil {
		t.Fatal(err)
	}
	if r.TimeStamp != 1713424427 || r.Nonce != "415670741" {
		t.Errorf("reply = %+v", r)
	}
	if !wxcrypto.VerifySignature(r.MsgSignature, v1Token, "1713424427", "415670741", r.Encrypt) {
		t.Error("reply MsgSignature does not verify")
	}
	c, err := wxcrypto.NewCipher(v1Key, v1AppID)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := c.Decrypt(r.Encrypt)
	if err != nil || string(plain) != `{"demo_resp":"good luck"}` {
		t.Errorf("reply decrypts to %q, %v", plain, err)
	}
}

// TestVerifier_ParseEvent checks the one-pass decoder against ParseRaw +
// Decode, including a misleading nested "Event" key and a known event whose
// JSON does not fit.
func TestVerifier_ParseEvent(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(testTok, testKey, testApp, WithClock(fixedClock(testUnix)))
	if err != nil {
		t.Fatal(err)
	}
	plains := []string{
		orderPayJSON("1"),
		`{"x":{"Event":"channels_ec_order_pay"},"Event":"channels_ec_order_new","CreateTime":1,"order_info":{"order_id":5}}`,
		`{"Event" : "channels_ec_close_store","appid":"wx","close_timestamp":"1"}`,
		`{"event":"channels_ec_order_new","order_info":{"order_id":5}}`,
		`{"Event":"not_in_catalogue","a":1}`,
		`{"Event":"channels_ec_order_pay","order_info":{"order_id":[1]}}`,
	}
	for _, plain := range plains {
		q, body, err := forge.SignPush(testTok, testKey, testApp, []byte(plain), "1772294400", "n")
		if err != nil {
			t.Fatal(err)
		}
		m1, ev1, err := v.ParseEvent(q, body)
		if err != nil {
			t.Fatalf("ParseEvent(%s) = %v", plain, err)
		}
		m2, err := v.ParseRaw(q, body)
		if err != nil {
			t.Fatal(err)
		}
		ev2, err := m2.Decode()
		if err != nil {
			ev2 = &UnknownEvent{Header: m2.Header, Raw: m2.Plaintext, Err: err}
		}
		if diff := cmp.Diff(m2, m1); diff != "" {
			t.Errorf("%s: message mismatch (-ParseRaw +ParseEvent):\n%s", plain, diff)
		}
		if diff := cmp.Diff(ev2, ev1, cmp.Comparer(func(a, b error) bool { return (a == nil) == (b == nil) })); diff != "" {
			t.Errorf("%s: event mismatch (-Decode +ParseEvent):\n%s", plain, diff)
		}
	}
	if _, _, err := v.ParseEvent(url.Values{}, []byte(v1Body)); !errors.Is(err, ErrMissingSignature) {
		t.Errorf("unsigned: %v", err)
	}
	if _, _, err := v.ParseEvent(url.Values{}, []byte("x")); !errors.Is(err, ErrMalformed) {
		t.Errorf("not JSON: %v", err)
	}
	if _, _, err := v.ParseEvent(url.Values{}, []byte(`{}`)); !errors.Is(err, ErrMalformed) {
		t.Errorf("no Encrypt: %v", err)
	}
	if _, _, err := v.ParseEvent(url.Values{}, bytes.Repeat([]byte(" "), DefaultMaxBodyBytes+1)); !errors.Is(err, ErrBodyTooLarge) {
		t.Errorf("oversized: %v", err)
	}
	for _, plain := range []string{`[]`, `{"ToUserName":"gh"}`} {
		q, body, _ := forge.SignPush(testTok, testKey, testApp, []byte(plain), "1772294400", "n")
		if _, _, err := v.ParseEvent(q, body); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v", plain, err)
		}
	}
}
