package notify

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// Public key A and KAT-NOTIFY-1 (pay-fees.md §6.1, from wechatpay-go).
const (
	pubKeyA = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2VCTd91fnUn73Xy9DLvt
/V62TVxRTEEstVdeRaZ3B3leO0pldE806mXO4RwdHXagHQ4vGeZN0yqm++rDsGK+
U3AH7kejyD2pXshNP9Cq5YwbptiLGtjcquw4HNxJQUOmDeJf2vg6byms9RUipiq4
SzbJKqJFlUpbuIPDpSpWz10PYmyCNeDGUUK65E5h2B834uxl1zNLYQCrkdBzb8oU
xwYeP5a2DNxmjL5lsJML7DGr5znsevnoqGRwTm9fxCGfy8wus7hwKz6clt3Whmmd
a7UAdb1c08hEQFVRbF14AR73xbnd8N0obCWJPCbzMCtkaSef4FdEEgEXJiw0VAJT
8wIDAQAB
-----END PUBLIC KEY-----`
	kat1Body   = `{"id":"3119dfba-e649-5eec-ab1e-3412bc4d2e17","create_time":"2021-06-24T16:37:26+08:00","resource_type":"encrypt-resource","event_type":"PAYSCORE.USER_OPEN_SERVICE","summary":"签约成功","resource":{"original_type":"payscore","algorithm":"AEAD_AES_256_GCM","ciphertext":"YDS3lKPaC4Y52Gf3uhft5qUBlIa8b428AWTtTauHQfQrRw+X1WpiuHIDy0vo1Vd6VEq67aVyqPdDYMkRVSDaZL3iZttevRMOoPKMifozg6XPWjIZumks/GpT48lI4NizyeaqLBokNebthah3o1H76qSlO9NkDjp9bzmKLEYYH9TEklFUpsvPqOTOcgSLgh21YJXYR7dEBXFgRLiNIKRgO5JdXh1hccRUAlyVWxE54PXpnQ==","associated_data":"payscore","nonce":"Kj7QIyUiYx1q"}}`
	kat1Sig    = "tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tuL4fC0YOFRWIHV39UFIZXC0e9Wl6lBu6sKvkqDkzpqzBsVHyXFlbYZTOQrVdG4b6LfTnK4mikv9++ixJMd3vTf2yCqvBkh98zs3Ds5zsYQakzbcwhmw4fMJs4nPLws28H0UW9FjDR//rxELLwXvV1VEA1IBLX70xptjL8hrfUjEE8kkry6yNJTHZRU8CAc7qHli2Ng1V1qb9ARbK8A3ThmFmPQvRGrapI/jS2laKKgYUmfdEdkNO6B2Cke5e8VTxY406ArAmQ90GAihDwIcb16TQMnzCMBoutnwZKNiKRACrFmtxw2Q=="
	kat1TS     = "1624523846"
	kat1Nonce  = "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz"
	kat1Serial = "D7CE59D1F522D701"
	kat1Plain  = `{"mchid":"1234567890","appid":"054aa7d7a2a54ab5898df65bd96f001c","create_time":"2020-06-30T12:12:00+08:00","out_contract_code":"21640bdbd08e473e828f3206a2741c6e"}`
	apiV3Key   = "0123456789abcdefghijklmnopqrstuv" // KAT-GCM-5 key, 32 bytes
)

func kat1Header() http.Header {
	h := http.Header{}
	h.Set(HeaderPayTimestamp, kat1TS)
	h.Set(HeaderPayNonce, kat1Nonce)
	h.Set(HeaderPaySerial, kat1Serial)
	h.Set(HeaderPaySignature, kat1Sig)
	return h
}

// testPayKey is generated once per test binary; no private key is committed.
var testPayKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

func TestPayV3_KAT_Notify1(t *testing.T) {
	t.Parallel()
	pub, err := ParsePublicKeyPEM([]byte(pubKeyA))
	if err != nil {
		t.Fatal(err)
	}
	// The signature verifies under public key A. The vector's APIv3 key is
	// 16 bytes (AES-128), which the public API refuses, so decryption with a
	// 32-byte key must then fail authentication.
	v, err := NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{strings.ToLower(kat1Serial): pub}, WithClock(fixedClock(1624523846)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.ParseRaw(kat1Header(), []byte(kat1Body)); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("ParseRaw() error = %v, want ErrDecrypt after a valid signature", err)
	}
	if err := VerifyPayV3Signature(pub, kat1TS, kat1Nonce, []byte(kat1Body), kat1Sig); err != nil {
		t.Errorf("VerifyPayV3Signature(KAT) = %v", err)
	}
	// Decryption with the vector's own 16-byte key (internal helper).
	aead, err := newGCM([]byte("testMchAPIv3Key0"))
	if err != nil {
		t.Fatal(err)
	}
	var env PayNotification
	if err := json.Unmarshal([]byte(kat1Body), &env); err != nil {
		t.Fatal(err)
	}
	plain, err := openGCM(aead, env.Resource)
	if err != nil || string(plain) != kat1Plain {
		t.Errorf("openGCM(KAT) = %s, %v", plain, err)
	}
}

func TestPayV3_KAT_GCM(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, key, nonce, aad, ct, want string
		wantErr                         error
	}{
		{"KAT-GCM-1 (AES-128)", "testAPIv3Key0000", "wCq51qZv4Yfg", "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", "Hello World", nil},
		{"KAT-GCM-1 wrong key", "testAPIv3Key1111", "wCq51qZv4Yfg", "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", "", ErrDecrypt},
		{"KAT-GCM-1 bad ciphertext", "testAPIv3Key0000", "wCq51qZv4Yfg", "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8", "SGVsbG8gV29ybGQK", "", ErrDecrypt},
		{"KAT-GCM-5", apiV3Key, "abcdefghijkl", "transaction", "vEKDn/1XdB2pm9xRSbTdPQ8G1pAnxNcVZkGgG8n6J2mhD41t1NwQdH4V2x93/R6dHHMLFPhi1jLQYGfhZVfLH8mdP/4oV92OVRoYSKWd1MSx+v/3pmdIaDhebA+HRTo7hxiGHh7fGtj5tp36Y1UuvXbXOTmQ/kwEnUDBU/JEL9XIkJSNfKcaX06OU8IMqEUJfXipCSRFWJSAEXhzYS+PTNgMIVdm4rl1gYvW/hY8sWS4GLhMwquw4dedTD5WblYGkNYNuYZO3Od9EjGlLzWei2MtbbqzVQOyBkXgQVzHclY=",
			`{"mchid":"1900000100","out_trade_no":"T20250101000001","transaction_id":"4200000000000000000000000001","trade_state":"SUCCESS","amount":{"total":750,"payer_total":750,"currency":"CNY","payer_currency":"CNY"}}`, nil},
		{"KAT-GCM-5 wrong AAD", apiV3Key, "abcdefghijkl", "refund", "vEKDn/1XdB2pm9xRSbTdPQ8G1pAnxNcVZkGgG8n6J2mhD41t1NwQdH4V2x93/R6dHHMLFPhi1jLQYGfhZVfLH8mdP/4oV92OVRoYSKWd1MSx+v/3pmdIaDhebA+HRTo7hxiGHh7fGtj5tp36Y1UuvXbXOTmQ/kwEnUDBU/JEL9XIkJSNfKcaX06OU8IMqEUJfXipCSRFWJSAEXhzYS+PTNgMIVdm4rl1gYvW/hY8sWS4GLhMwquw4dedTD5WblYGkNYNuYZO3Od9EjGlLzWei2MtbbqzVQOyBkXgQVzHclY=", "", ErrDecrypt},
		{"short nonce", apiV3Key, "abc", "", "AAAA", "", ErrDecrypt},
		{"truncated base64", apiV3Key, "abcdefghijkl", "", "vEKDn/1XdB2", "", ErrDecrypt},
		{"shorter than the tag", apiV3Key, "abcdefghijkl", "", "AAAA", "", ErrDecrypt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			aead, err := newGCM([]byte(tt.key))
			if err != nil {
				t.Fatal(err)
			}
			got, err := openGCM(aead, PayResource{Nonce: tt.nonce, AssociatedData: tt.aad, Ciphertext: tt.ct})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("openGCM() error = %v, want %v", err, tt.wantErr)
			}
			if string(got) != tt.want {
				t.Errorf("openGCM() = %q, want %q", got, tt.want)
			}
		})
	}
}

// payEnv is a v3 verifier and encoder with a generated platform key under
// a public-key ID.
type payEnv struct {
	v   *PayV3Verifier
	enc *forge.PayV3Encoder
}

const testPubKeyID = "PUB_KEY_ID_0114232134912410000000000000"

func newPayEnv(t testing.TB, now int64) *payEnv {
	t.Helper()
	k := testPayKey()
	pubA, err := ParsePublicKeyPEM([]byte(pubKeyA))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{testPubKeyID: &k.PublicKey, kat1Serial: pubA}, WithClock(fixedClock(now)))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := forge.NewPayV3Encoder(k, testPubKeyID, apiV3Key)
	if err != nil {
		t.Fatal(err)
	}
	return &payEnv{v: v, enc: enc}
}

var testTxn = Transaction{AppID: "wxd678efh567hg6787", MchID: "1900007291", OutTradeNo: "T1", TransactionID: "4200000001",
	TradeType: "JSAPI", TradeState: "SUCCESS", SuccessTime: "2026-03-01T00:00:00+08:00", Amount: PayAmount{Total: 750, PayerTotal: 750, Currency: "CNY", PayerCurrency: "CNY"}}

func txnEvent(id string) forge.PayV3Event {
	return forge.PayV3Event{ID: id, CreateTime: time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai), EventType: "TRANSACTION.SUCCESS", Summary: "支付成功",
		OriginalType: "transaction", AssociatedData: "transaction", ResourceNonce: "abcdefghijkl", Resource: testTxn}
}

func TestPayV3_RoundTrip(t *testing.T) {
	t.Parallel()
	env := newPayEnv(t, testUnix)
	h, body, err := env.enc.Encode(txnEvent("EV-1"), "1772294400", "nonce")
	if err != nil {
		t.Fatal(err)
	}
	n, err := env.v.ParseRaw(h, body)
	if err != nil {
		t.Fatalf("ParseRaw() error = %v", err)
	}
	if n.ID != "EV-1" || n.EventType != "TRANSACTION.SUCCESS" || n.CreateTime != "2026-03-01T00:00:00+08:00" || n.Serial != testPubKeyID {
		t.Errorf("envelope = %+v", n)
	}
	got, err := n.Transaction()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&testTxn, got); diff != "" {
		t.Errorf("Transaction() mismatch (-want +got):\n%s", diff)
	}
	if !got.Amount.TotalMoney().Equal(testTxn.Amount.TotalMoney()) || got.Amount.TotalMoney().String() != "7.50 CNY" {
		t.Errorf("TotalMoney() = %v", got.Amount.TotalMoney())
	}
	// Refund resource.
	rf := forge.PayV3Event{ID: "EV-2", EventType: "REFUND.SUCCESS", OriginalType: "refund", AssociatedData: "refund",
		Resource: []byte(`{"mchid":"1900007291","out_refund_no":"R1","refund_status":"SUCCESS","amount":{"total":750,"refund":250,"payer_total":750,"payer_refund":250}}`)}
	h, body, err = env.enc.Encode(rf, "1772294400", "nonce")
	if err != nil {
		t.Fatal(err)
	}
	n, err = env.v.ParseRaw(h, body)
	if err != nil {
		t.Fatal(err)
	}
	r, err := n.Refund()
	if err != nil || r.OutRefundNo != "R1" || r.Amount.Refund != 250 || r.RefundStatus != "SUCCESS" {
		t.Errorf("Refund() = %+v, %v", r, err)
	}
	n.Plaintext = []byte("[")
	if _, err := n.Refund(); !errors.Is(err, ErrMalformed) {
		t.Errorf("Refund(bad) err = %v", err)
	}
	if _, err := n.Transaction(); !errors.Is(err, ErrMalformed) {
		t.Errorf("Transaction(bad) err = %v", err)
	}
}

func TestPayV3_Negative(t *testing.T) {
	t.Parallel()
	env := newPayEnv(t, testUnix)
	h0, body0, err := env.enc.Encode(txnEvent("EV-1"), "1772294400", "nonce")
	if err != nil {
		t.Fatal(err)
	}
	with := func(mut func(h http.Header)) http.Header {
		h := h0.Clone()
		mut(h)
		return h
	}
	staleH, staleB, _ := env.enc.Encode(txnEvent("EV-1"), "1772294099", "nonce") // 301 s early
	edgeH, edgeB, _ := env.enc.Encode(txnEvent("EV-1"), "1772294700", "nonce")   // exactly 300 s late
	badAlg := strings.Replace(string(body0), PayAlgorithmAESGCM, "AEAD_SM4_GCM", 1)
	badAlgH, badAlgB := resign(t, h0, []byte(badAlg))
	notJSONH, notJSONB := resign(t, h0, []byte("not json"))
	tests := []struct {
		name    string
		h       http.Header
		body    []byte
		wantErr error
	}{
		{"control", h0, body0, nil},
		{"edge of the window", edgeH, edgeB, nil},
		{"SIGNTEST probe", with(func(h http.Header) { h.Set(HeaderPaySignature, "WECHATPAY/SIGNTEST/"+h.Get(HeaderPaySignature)) }), body0, ErrSignTest},
		{"SIGNTEST is a bad signature", with(func(h http.Header) { h.Set(HeaderPaySignature, "WECHATPAY/SIGNTEST/abc") }), body0, ErrBadSignature},
		{"tampered body", h0, []byte(strings.Replace(string(body0), "EV-1", "EV-2", 1)), ErrBadSignature},
		{"tampered signature", with(func(h http.Header) {
			s := []byte(h.Get(HeaderPaySignature))
			s[10] ^= 1
			h.Set(HeaderPaySignature, string(s))
		}), body0, ErrBadSignature},
		{"truncated base64 signature", with(func(h http.Header) { h.Set(HeaderPaySignature, h.Get(HeaderPaySignature)[:100]) }), body0, ErrBadSignature},
		{"other nonce", with(func(h http.Header) { h.Set(HeaderPayNonce, "other") }), body0, ErrBadSignature},
		{"stale timestamp", staleH, staleB, ErrStale},
		{"timestamp not a number", with(func(h http.Header) { h.Set(HeaderPayTimestamp, "x") }), body0, ErrStale},
		{"unknown serial", with(func(h http.Header) { h.Set(HeaderPaySerial, "PUB_KEY_ID_OTHER") }), body0, ErrUnknownSerial},
		{"key of another serial", with(func(h http.Header) { h.Set(HeaderPaySerial, kat1Serial) }), body0, ErrBadSignature},
		{"missing signature", with(func(h http.Header) { h.Del(HeaderPaySignature) }), body0, ErrMissingSignature},
		{"missing serial", with(func(h http.Header) { h.Del(HeaderPaySerial) }), body0, ErrMissingSignature},
		{"SM2 signature type", with(func(h http.Header) { h.Set(HeaderPaySignatureType, "WECHATPAY2-SM2-WITH-SM3") }), body0, ErrBadSignature},
		{"unsupported algorithm", badAlgH, badAlgB, ErrDecrypt},
		{"body not JSON", notJSONH, notJSONB, ErrMalformed},
		{"oversized body", h0, append(body0, make([]byte, DefaultMaxBodyBytes)...), ErrBodyTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, err := env.v.ParseRaw(tt.h, tt.body)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseRaw() error = %v, want %v", err, tt.wantErr)
			}
			if err != nil && n != nil {
				t.Error("notification returned with an error")
			}
			if err != nil && strings.Contains(err.Error(), apiV3Key) {
				t.Errorf("error %q leaks the APIv3 key", err)
			}
		})
	}
}

// resign signs body with the test key under the headers' timestamp and
// nonce, for cases that must get past the signature.
func resign(t *testing.T, h0 http.Header, body []byte) (http.Header, []byte) {
	t.Helper()
	h := h0.Clone()
	sum := payV3Digest(h.Get(HeaderPayTimestamp), h.Get(HeaderPayNonce), body)
	sig, err := rsa.SignPKCS1v15(nil, testPayKey(), crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	h.Set(HeaderPaySignature, base64.StdEncoding.EncodeToString(sig))
	return h, body
}

func TestNewPayV3Verifier_Errors(t *testing.T) {
	t.Parallel()
	pub := &testPayKey().PublicKey
	tests := []struct {
		name string
		key  string
		keys map[string]*rsa.PublicKey
		opts []Option
	}{
		{"16-byte key", "testMchAPIv3Key0", map[string]*rsa.PublicKey{"A": pub}, nil},
		{"no keys", apiV3Key, nil, nil},
		{"nil key", apiV3Key, map[string]*rsa.PublicKey{"A": nil}, nil},
		{"empty serial", apiV3Key, map[string]*rsa.PublicKey{"": pub}, nil},
		{"bad option", apiV3Key, map[string]*rsa.PublicKey{"A": pub}, []Option{WithTolerance(-1)}},
	}
	for _, tt := range tests {
		if _, err := NewPayV3Verifier(tt.key, tt.keys, tt.opts...); err == nil {
			t.Errorf("%s: error = nil", tt.name)
		} else if strings.Contains(err.Error(), tt.key) {
			t.Errorf("%s: error %q leaks the key", tt.name, err)
		}
	}
	for _, bad := range []string{"", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"} {
		if _, err := ParsePublicKeyPEM([]byte(bad)); !errors.Is(err, ErrMalformed) {
			t.Errorf("ParsePublicKeyPEM(%.30q) error = %v", bad, err)
		}
	}
}

func TestPayV3Handler(t *testing.T) {
	t.Parallel()
	env := newPayEnv(t, testUnix)
	var seen []string
	var mu sync.Mutex
	h, err := NewPayV3Handler(env.v, func(ctx context.Context, n *PayNotification) error {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, n.ID)
		if n.ID == "EV-FAIL" {
			return errors.New("order not found")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	req := func(id, sigPrefix string) *http.Request {
		r, err := env.enc.NewRequest("https://merchant.example/notify", txnEvent(id), "1772294400", "nonce")
		if err != nil {
			t.Fatal(err)
		}
		if sigPrefix != "" {
			r.Header.Set(HeaderPaySignature, sigPrefix+r.Header.Get(HeaderPaySignature))
		}
		return r
	}
	type answer struct {
		Status int
		Body   string
	}
	var got []answer
	for _, r := range []*http.Request{req("EV-1", ""), req("EV-1", ""), req("EV-FAIL", ""), req("EV-2", PaySignTestPrefix), httptest.NewRequest(http.MethodGet, "/notify", nil)} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		got = append(got, answer{rec.Code, rec.Body.String()})
	}
	want := []answer{
		{200, `{"code":"SUCCESS","message":"成功"}`},
		{200, `{"code":"SUCCESS","message":"成功"}`},
		{500, `{"code":"FAIL","message":"processing failed"}`},
		{403, `{"code":"FAIL","message":"signature test probe rejected"}`},
		{405, `{"code":"FAIL","message":"method not allowed"}`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"EV-1", "EV-FAIL"}, seen); diff != "" {
		t.Errorf("handled (-want +got):\n%s", diff)
	}
	if _, err := NewPayV3Handler(nil, nil); err == nil {
		t.Error("NewPayV3Handler(nil) error = nil")
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{ErrStale, "timestamp expired"},
		{ErrUnknownSerial, "unknown Wechatpay-Serial"},
		{ErrBadSignature, "signature verification failed"},
		{ErrMalformed, "bad request"},
		{ErrHandlerTimeout, "busy, retry later"},
	} {
		if got := payV3Reason(tt.err); got != tt.want {
			t.Errorf("payV3Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestPayDedupKey(t *testing.T) {
	t.Parallel()
	if got := payDedupKey(&PayNotification{ID: "EV-1"}); got != "wxpay:EV-1" {
		t.Errorf("with id: %s", got)
	}
	a := payDedupKey(&PayNotification{EventType: "REFUND.SUCCESS", Plaintext: []byte(`{"a":1}`)})
	b := payDedupKey(&PayNotification{EventType: "REFUND.SUCCESS", Plaintext: []byte(`{"a":2}`)})
	if a == b || !strings.HasPrefix(a, "wxpay:REFUND.SUCCESS:") {
		t.Errorf("without id: %s %s", a, b)
	}
}

func TestParseCertificatePEM(t *testing.T) {
	t.Parallel()
	k := testPayKey()
	serial, _ := new(big.Int).SetString("5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC", 16)
	notAfter := time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC)
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: "Tenpay.com Root CA test"},
		NotBefore: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), NotAfter: notAfter}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	gotSerial, pub, gotNotAfter, err := ParseCertificatePEM(certPEM)
	if err != nil {
		t.Fatal(err)
	}
	if gotSerial != "5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC" || !gotNotAfter.Equal(notAfter) || !pub.Equal(&k.PublicKey) {
		t.Errorf("ParseCertificatePEM() = %s, %v", gotSerial, gotNotAfter)
	}
	if pub2, err := ParsePublicKeyPEM(certPEM); err != nil || !pub2.Equal(pub) {
		t.Errorf("ParsePublicKeyPEM(certificate) = %v", err)
	}
	// A platform-certificate serial selects the key like a public-key ID.
	v, err := NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{gotSerial: pub}, WithClock(fixedClock(testUnix)))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := forge.NewPayV3Encoder(k, strings.ToLower(gotSerial), apiV3Key)
	if err != nil {
		t.Fatal(err)
	}
	h, body, err := enc.Encode(txnEvent("EV-C"), "1772294400", "n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.ParseRaw(h, body); err != nil {
		t.Errorf("ParseRaw(certificate serial, lower case) = %v", err)
	}
	for _, bad := range [][]byte{nil, []byte(pubKeyA), []byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")} {
		if _, _, _, err := ParseCertificatePEM(bad); !errors.Is(err, ErrMalformed) {
			t.Errorf("ParseCertificatePEM(bad) error = %v", err)
		}
	}
}
