package notifytest_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
)

const (
	testUnix = 1772330400 // 2026-03-01 10:00 in Shanghai
	testTS   = "1772330400"
)

func clockAt(sec int64) notify.Option {
	return notify.WithClock(func() time.Time { return time.Unix(sec, 0) })
}

func newVerifier(t *testing.T, app string, opts ...notify.Option) *notify.Verifier {
	t.Helper()
	v, err := notify.NewVerifier(token, aesKey, app, append([]notify.Option{clockAt(testUnix)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func newEncoder(t *testing.T, tok, app string) *notifytest.Encoder {
	t.Helper()
	e, err := notifytest.NewEncoder(tok, aesKey, app)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// wantField checks that err names field through a *vcart.FieldError and
// matches vcart.ErrInvalid.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var fe *vcart.FieldError
	if !errors.As(err, &fe) || !errors.Is(err, vcart.ErrInvalid) {
		t.Fatalf("error = %v, want a *vcart.FieldError for %q", err, field)
	}
	if fe.Field != field {
		t.Errorf("FieldError.Field = %q, want %q (error %v)", fe.Field, field, err)
	}
}

// Every shape of event Encode accepts verifies, decrypts and decodes to the
// same message; the query carries what the platform sends.
func TestEncoder_Encode_RoundTrip(t *testing.T) {
	t.Parallel()
	v := newVerifier(t, appID)
	enc := newEncoder(t, token, appID)
	const plain = `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772330400,"MsgType":"event","Event":"channels_ec_order_new","order_info":{"order_id":"3705115058471208928"}}`
	typed := &notify.OrderNewEvent{Header: notify.Header{ToUserName: "gh_shop", FromUserName: "o_buyer", CreateTime: testUnix,
		MsgType: "event", Event: notify.EventOrderNew}, OrderInfo: notify.OrderInfo{OrderID: "3705115058471208928"}}
	noBuyer := map[string]any{"ToUserName": "gh_shop", "CreateTime": testUnix, "MsgType": "event", "Event": notify.EventOrderNew}
	tests := []struct {
		name       string
		event      any
		wantHeader notify.Header
		wantOpenID string
		wantPlain  string // "" = do not compare the bytes
	}{
		{"bytes", []byte(plain), typed.Header, "o_buyer", plain},
		{"raw JSON", json.RawMessage(plain), typed.Header, "o_buyer", plain},
		{"typed event", typed, typed.Header, "o_buyer", ""},
		{"map without FromUserName", noBuyer, notify.Header{ToUserName: "gh_shop", CreateTime: testUnix, MsgType: "event", Event: notify.EventOrderNew}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, body, err := enc.Encode(tt.event, testTS, "nonce-1")
			if err != nil {
				t.Fatal(err)
			}
			wantQuery := []string{"encrypt_type", "msg_signature", "nonce", "signature", "timestamp"}
			if tt.wantOpenID != "" {
				wantQuery = []string{"encrypt_type", "msg_signature", "nonce", "openid", "signature", "timestamp"}
			}
			if diff := cmp.Diff(wantQuery, slices.Sorted(maps.Keys(q))); diff != "" {
				t.Errorf("query keys (-want +got):\n%s", diff)
			}
			var env struct{ ToUserName, Encrypt string }
			if err := json.Unmarshal(body, &env); err != nil || env.ToUserName != tt.wantHeader.ToUserName || env.Encrypt == "" {
				t.Errorf("body = %s (%v), want {ToUserName %q, Encrypt …}", body, err, tt.wantHeader.ToUserName)
			}
			// The plain signature is the one the URL check verifies.
			check := url.Values{"signature": {q.Get("signature")}, "timestamp": {testTS}, "nonce": {"nonce-1"}, "echostr": {"e"}}
			if echo, err := v.VerifyURL(check); echo != "e" || err != nil {
				t.Errorf("VerifyURL of the plain signature = %q, %v", echo, err)
			}
			m, err := v.ParseRaw(q, body)
			if err != nil {
				t.Fatal(err)
			}
			got := struct {
				Header                   notify.Header
				Timestamp, Nonce, OpenID string
			}{m.Header, m.Timestamp, m.Nonce, m.OpenID}
			want := struct {
				Header                   notify.Header
				Timestamp, Nonce, OpenID string
			}{tt.wantHeader, testTS, "nonce-1", tt.wantOpenID}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("parsed push (-want +got):\n%s", diff)
			}
			if tt.wantPlain != "" && string(m.Plaintext) != tt.wantPlain {
				t.Errorf("plaintext = %s, want %s", m.Plaintext, tt.wantPlain)
			}
		})
	}
}

// What a verifier with other settings, or at another time, makes of a
// forged push: the encoder signs and encrypts with exactly its inputs.
func TestEncoder_Encode_VerifierMismatch(t *testing.T) {
	t.Parallel()
	q, body, err := notifytest.SignPush(token, aesKey, appID, []byte(`{"Event":"x"}`), testTS, "n")
	if err != nil {
		t.Fatal(err)
	}
	otherToken, err := notify.NewVerifier("other-token", aesKey, appID, clockAt(testUnix))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		v    *notify.Verifier
		want error
	}{
		{"same settings", newVerifier(t, appID), nil},
		{"other token", otherToken, notify.ErrBadSignature},
		{"other AppID", newVerifier(t, "wx0000000000000000"), notify.ErrAppIDMismatch},
		{"six minutes later", newVerifier(t, appID, clockAt(testUnix+360)), notify.ErrStale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := tt.v.ParseRaw(q, body); !errors.Is(err, tt.want) {
				t.Errorf("ParseRaw error = %v, want %v", err, tt.want)
			}
		})
	}
}

// Two encodings of one event differ (the AES prefix is random) and both
// verify.
func TestEncoder_Encode_FreshCiphertext(t *testing.T) {
	t.Parallel()
	v, enc := newVerifier(t, appID), newEncoder(t, token, appID)
	ev := []byte(`{"Event":"channels_ec_order_new"}`)
	q1, b1, err1 := enc.Encode(ev, testTS, "n")
	q2, b2, err2 := enc.Encode(ev, testTS, "n")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if string(b1) == string(b2) || q1.Get("msg_signature") == q2.Get("msg_signature") {
		t.Error("two encodings are identical: the random prefix is not random")
	}
	for _, p := range []struct {
		q url.Values
		b []byte
	}{{q1, b1}, {q2, b2}} {
		if _, err := v.ParseRaw(p.q, p.b); err != nil {
			t.Error(err)
		}
	}
}

func TestEncoder_NewRequest(t *testing.T) {
	t.Parallel()
	v, enc := newVerifier(t, appID), newEncoder(t, token, appID)
	ev := []byte(`{"ToUserName":"gh_shop","Event":"channels_ec_order_new"}`)
	req, err := enc.NewRequest("https://provider.example/wx/push", ev, testTS, "n1")
	if err != nil {
		t.Fatal(err)
	}
	got := []string{req.Method, req.URL.Scheme + "://" + req.URL.Host + req.URL.Path, req.Header.Get("Content-Type")}
	if diff := cmp.Diff([]string{http.MethodPost, "https://provider.example/wx/push", "application/json"}, got); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}
	m, err := v.Parse(req)
	if err != nil {
		t.Fatal(err)
	}
	if string(m.Plaintext) != string(ev) {
		t.Errorf("plaintext = %s", m.Plaintext)
	}
	_, err = enc.NewRequest("://no scheme", ev, testTS, "n")
	wantField(t, err, "target")
}

// Each attempt is re-signed at its instant with its own nonce, and a
// verifier whose clock is at that instant accepts it.
func TestEncoder_RequestFunc(t *testing.T) {
	t.Parallel()
	enc := newEncoder(t, token, appID)
	mk := enc.RequestFunc("https://provider.example/push", []byte(`{"Event":"channels_ec_order_new"}`))
	for _, tt := range []struct {
		n  int
		at int64
	}{{1, testUnix}, {2, testUnix}, {4, testUnix + 70}, {10, testUnix + 13000}} {
		req, err := mk(tt.n, time.Unix(tt.at, 0))
		if err != nil {
			t.Fatal(err)
		}
		q := req.URL.Query()
		if diff := cmp.Diff([]string{strconv.FormatInt(tt.at, 10), "replay" + strconv.Itoa(tt.n)}, []string{q.Get("timestamp"), q.Get("nonce")}); diff != "" {
			t.Errorf("attempt %d (-want +got):\n%s", tt.n, diff)
		}
		if _, err := newVerifier(t, appID, clockAt(tt.at)).Parse(req); err != nil {
			t.Errorf("attempt %d: %v", tt.n, err)
		}
	}
}

func TestEncoder_EncodeAuthEvent(t *testing.T) {
	t.Parallel()
	const component = "wxcomponent00001"
	v, enc := newVerifier(t, component), newEncoder(t, token, component)
	tests := []*notify.AuthEvent{
		{AppID: component, CreateTime: testUnix, InfoType: notify.InfoComponentVerifyTicket, ComponentVerifyTicket: "ticket@@@x"},
		{AppID: component, CreateTime: testUnix, InfoType: notify.InfoAuthorized, AuthorizerAppID: "wxmerchant0001",
			AuthorizationCode: "code", AuthorizationCodeExpiredTime: testUnix + 3600, PreAuthCode: "pre"},
		{AppID: component, CreateTime: testUnix, InfoType: notify.InfoUnauthorized, AuthorizerAppID: "wxmerchant0001"},
	}
	for _, ev := range tests {
		t.Run(ev.InfoType, func(t *testing.T) {
			t.Parallel()
			q, body, err := enc.EncodeAuthEvent(ev, testTS, "n")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(body), "<xml><AppId>"+component+"</AppId><Encrypt>") {
				t.Errorf("body = %s", body)
			}
			got, err := v.ParseAuthEvent(q, body)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(ev, got, cmpopts.IgnoreFields(notify.AuthEvent{}, "XMLName")); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
	_, _, err := enc.EncodeAuthEvent(nil, testTS, "n")
	wantField(t, err, "ev")
}

func TestNewEncoder_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, tok, key, app, field string
	}{
		{"empty token", "", aesKey, appID, "token"},
		{"empty AppID", token, aesKey, "", "appID"},
		{"short key", token, aesKey[:42], appID, "encodingAESKey"},
		{"key not base64", token, strings.Repeat("!", 43), appID, "encodingAESKey"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := notifytest.NewEncoder(tt.tok, tt.key, tt.app)
			wantField(t, err, tt.field)
			if tt.key != aesKey && strings.Contains(err.Error(), tt.key) {
				t.Errorf("error %q contains the key", err)
			}
			_, _, err = notifytest.SignPush(tt.tok, tt.key, tt.app, []byte(`{}`), testTS, "n")
			wantField(t, err, tt.field)
		})
	}
	enc := newEncoder(t, token, appID)
	var jsonErr *json.UnsupportedTypeError
	if _, _, err := enc.Encode(func() {}, testTS, "n"); !errors.As(err, &jsonErr) {
		t.Errorf("Encode(func) error = %v, want a *json.UnsupportedTypeError", err)
	}
}

var payKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

const (
	apiV3Key = "0123456789abcdefghijklmnopqrstuv"
	serial   = "PUB_KEY_ID_0001"
)

func payPair(t *testing.T, at int64) (*notify.PayV3Verifier, *notifytest.PayV3Encoder) {
	t.Helper()
	v, err := notify.NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{serial: &payKey().PublicKey}, clockAt(at))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := notifytest.NewPayV3Encoder(payKey(), serial, apiV3Key)
	if err != nil {
		t.Fatal(err)
	}
	return v, enc
}

func TestPayV3Encoder_RoundTrip(t *testing.T) {
	t.Parallel()
	v, enc := payPair(t, testUnix)
	txn := notify.Transaction{MchID: "1900000100", OutTradeNo: "T1", TradeState: "SUCCESS", Amount: notify.PayAmount{Total: 750, Currency: "CNY"}}
	txnJSON, _ := json.Marshal(txn)
	created := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	tests := []struct {
		name      string
		ev        notifytest.PayV3Event
		want      notify.PayNotification // Resource.Ciphertext ignored
		wantPlain string
	}{
		{"transaction", notifytest.PayV3Event{ID: "EV-1", CreateTime: created, EventType: "TRANSACTION.SUCCESS", Summary: "支付成功",
			OriginalType: "transaction", AssociatedData: "transaction", ResourceNonce: "abcdefghijkl", Resource: txn},
			notify.PayNotification{ID: "EV-1", CreateTime: "2026-03-01T10:00:00+08:00", EventType: "TRANSACTION.SUCCESS",
				ResourceType: "encrypt-resource", Summary: "支付成功", Serial: serial,
				Resource: notify.PayResource{OriginalType: "transaction", Algorithm: notify.PayAlgorithmAESGCM, AssociatedData: "transaction", Nonce: "abcdefghijkl"}},
			string(txnJSON)},
		{"raw refund, no time", notifytest.PayV3Event{ID: "EV-2", EventType: "REFUND.SUCCESS", OriginalType: "refund",
			AssociatedData: "refund", ResourceNonce: "000000000000", Resource: []byte(`{"out_refund_no":"R1"}`)},
			notify.PayNotification{ID: "EV-2", EventType: "REFUND.SUCCESS", ResourceType: "encrypt-resource", Serial: serial,
				Resource: notify.PayResource{OriginalType: "refund", Algorithm: notify.PayAlgorithmAESGCM, AssociatedData: "refund", Nonce: "000000000000"}},
			`{"out_refund_no":"R1"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, body, err := enc.Encode(tt.ev, testTS, "nonce")
			if err != nil {
				t.Fatal(err)
			}
			gotH := []string{h.Get(notify.HeaderPayTimestamp), h.Get(notify.HeaderPayNonce), h.Get(notify.HeaderPaySerial),
				h.Get(notify.HeaderPaySignatureType), h.Get("Content-Type")}
			if diff := cmp.Diff([]string{testTS, "nonce", serial, notify.PaySignatureTypeRSA, "application/json"}, gotH); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
			n, err := v.ParseRaw(h, body)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tt.want, n, cmpopts.IgnoreFields(notify.PayNotification{}, "Plaintext"),
				cmpopts.IgnoreFields(notify.PayResource{}, "Ciphertext")); diff != "" {
				t.Errorf("notification (-want +got):\n%s", diff)
			}
			if string(n.Plaintext) != tt.wantPlain {
				t.Errorf("plaintext = %s, want %s", n.Plaintext, tt.wantPlain)
			}
		})
	}
}

func TestPayV3Encoder_RequestFunc(t *testing.T) {
	t.Parallel()
	_, enc := payPair(t, testUnix)
	ev := notifytest.PayV3Event{ID: "EV-3", EventType: "TRANSACTION.SUCCESS", Resource: []byte(`{}`)}
	req, err := enc.NewRequest("https://merchant.example/notify", ev, testTS, "n")
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != http.MethodPost || req.URL.Path != "/notify" || req.Header.Get(notify.HeaderPaySignature) == "" {
		t.Errorf("request %s %s, headers %v", req.Method, req.URL, req.Header)
	}
	mk := enc.RequestFunc("https://merchant.example/notify", ev)
	for _, at := range []int64{testUnix, testUnix + 15, testUnix + 86640} {
		req, err := mk(3, time.Unix(at, 0))
		if err != nil {
			t.Fatal(err)
		}
		got := []string{req.Header.Get(notify.HeaderPayTimestamp), req.Header.Get(notify.HeaderPayNonce)}
		if diff := cmp.Diff([]string{strconv.FormatInt(at, 10), "replay3"}, got); diff != "" {
			t.Errorf("attempt at %d (-want +got):\n%s", at, diff)
		}
		v, _ := payPair(t, at)
		if _, err := v.Parse(req); err != nil {
			t.Errorf("attempt at %d: %v", at, err)
		}
	}
}

// An empty ResourceNonce picks a fresh random 12-character one.
func TestPayV3Encoder_RandomNonce(t *testing.T) {
	t.Parallel()
	v, enc := payPair(t, testUnix)
	seen := map[string]bool{}
	for range 3 {
		h, body, err := enc.Encode(notifytest.PayV3Event{ID: "EV", Resource: []byte(`{}`)}, testTS, "n")
		if err != nil {
			t.Fatal(err)
		}
		n, err := v.ParseRaw(h, body)
		if err != nil {
			t.Fatal(err)
		}
		if len(n.Resource.Nonce) != 12 || seen[n.Resource.Nonce] {
			t.Errorf("resource nonce %q: not 12 characters or repeated", n.Resource.Nonce)
		}
		seen[n.Resource.Nonce] = true
	}
}

func TestPayV3Encoder_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		priv   *rsa.PrivateKey
		serial string
		key    string
		field  string
	}{
		{"nil key", nil, serial, apiV3Key, "priv"},
		{"empty serial", payKey(), "", apiV3Key, "serial"},
		{"short APIv3 key", payKey(), serial, "short", "apiV3Key"},
		{"long APIv3 key", payKey(), serial, apiV3Key + "x", "apiV3Key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := notifytest.NewPayV3Encoder(tt.priv, tt.serial, tt.key)
			wantField(t, err, tt.field)
			if strings.Contains(err.Error(), apiV3Key[:16]) {
				t.Errorf("error %q contains the APIv3 key", err)
			}
		})
	}
	_, enc := payPair(t, testUnix)
	_, _, err := enc.Encode(notifytest.PayV3Event{ResourceNonce: "short", Resource: []byte(`{}`)}, testTS, "n")
	wantField(t, err, "ResourceNonce")
	var jsonErr *json.UnsupportedTypeError
	if _, _, err := enc.Encode(notifytest.PayV3Event{Resource: func() {}}, testTS, "n"); !errors.As(err, &jsonErr) {
		t.Errorf("unencodable resource: error = %v, want a *json.UnsupportedTypeError", err)
	}
	if _, err := enc.NewRequest("://no scheme", notifytest.PayV3Event{Resource: []byte(`{}`)}, testTS, "n"); err == nil {
		t.Error("NewRequest accepted a bad URL")
	} else {
		wantField(t, err, "target")
	}
}

func TestEncryptV2RefundInfo(t *testing.T) {
	t.Parallel()
	// The published v2 refund vector: the key is the API key, the
	// plaintext the refund's inner XML.
	const (
		apiKey  = "192006250b4c09247ec02edce69f6a2d"
		plain   = "<root><out_refund_no><![CDATA[R1]]></out_refund_no><refund_fee><![CDATA[750]]></refund_fee><refund_status><![CDATA[SUCCESS]]></refund_status></root>"
		reqInfo = "WBzGpzQuNpcFxIlFjUUD9BZv+lpBMzd2SHiKCkwfALWid5G8ZvfOussfMIHLbKJmBhUUBzKEtuVKVTb11meMYkQvNSWl+ISLGfa/vT/MHvUxHA6rlNTzoOZZOwotMnuXjv+Gcd8C/KSvoi8OnTM0op0QVGSY+Q9OWdWdmwmJnIhvYec7FaGDbpMuFsCVoL3tZSjdwZhoVNVwBb78Z6z3Ag=="
	)
	tests := []struct {
		name, plain, key string
		want             string // "" = only the round trip is checked
		field            string // the FieldError expected, if any
	}{
		{"known answer", plain, apiKey, reqInfo, ""},
		{"empty plaintext", "", apiKey, "", ""},
		{"block-sized plaintext", strings.Repeat("x", 32), "another key", "", ""},
		{"empty API key", plain, "", "", "apiKey"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := notifytest.EncryptV2RefundInfo([]byte(tt.plain), tt.key)
			if tt.field != "" {
				wantField(t, err, tt.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("EncryptV2RefundInfo = %s, want %s", got, tt.want)
			}
			back, err := notify.DecryptV2RefundInfo(got, tt.key)
			if err != nil || string(back) != tt.plain {
				t.Errorf("DecryptV2RefundInfo(EncryptV2RefundInfo(p)) = %q, %v; want %q", back, err, tt.plain)
			}
		})
	}
}
