package notify

import (
	"context"
	"crypto/rsa"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// Public key B (pay-fees.md §6.2): derived from the WeChat Pay official
// documentation's test private key.
const pubKeyB = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAptpm+qvIDCh/9wjU26SQ
CK26ogYkBhDrYxnAaw2JbbBsp1oDbHKk+1r381NeBUG2HEFAuU+Fr72u5ot3yKdz
oF/FajAzQNKnm569/D3upKoi8mYBaST15Uig8j8qoUW1U217LL0jEHlSnHV3lcaD
TXqDpTRR4Bfz9IqOgJgFZ8/oTfEomSrjrLYef81Eyxr7ZIMQXEKKEK7V4UXKS0+/
fDsiG/cXidhzt8UbTL9vqXqxM2+IDImyO+FAc/tkBG55LmzxPto1Nq0WbnZzRM/w
Tzrd0I/8NlevxtFbphg4evlHjFNI7+GrqR87ViEwuAJJ9Je5QQjct5YJfFRWiZ5C
MQIDAQAB
-----END PUBLIC KEY-----`

const (
	// Serials the KATs are configured under: key A as a platform
	// certificate serial (pay-fees.md §6.1), key B as a public-key ID.
	katSerialA = "F5765756002FDD77"
	katSerialB = "PUB_KEY_ID_0114232134912410000000000000000001"

	katRSA1Sig  = "BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz+pp4hAm6pHU4ld815U4jsKu1RkyaII+1CYBUYC8TK0XtJ8FwUXXz8vZHh58rrAVN1XwNyvD1vfpxrMT4SL536GLwvpUHlCqIMzoZUguLli/K8V29QiOhuH6IEqLNJn8e9b3nwNcQ7be3CzYGpDAKBfDGPCqCv8Rw5zndhlffk2FEA70G4hvMwe51qMN/RAJbknXG23bSlObuTCN7Ndj1aJGH6/L+hdwfLpUtJm4QYVazzW7DFD27EpSQEqA8bX9+8m1rLg=="
	katJSAPIMsg = "wx2421b1c4370ec43b\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\nprepay_id=wx201410272009395522657a690389285100\n"
	katJSAPISig = "mI35pfNEQV6777ke/1T+LJLQDNTm7yeoUJH+j/adPGhmCCi0PbgkvYQTRcXH0uibcLVtvFLdGLpmoYO9FV6lBBsTAjuhh5YOvQi0e2g3e0yytitiNET9FEuqM0pjnKfRW4K6LIZDdbWJv9KhZUx3DrJa5TL7OJ7VdADVivxVySIlPVKjGwuCXzuXSJes0UcILgWQUMyha5/3nYofuHtS7r+KYyMuxD+oJ9VM1Qdxk4UIG59CP5Y3wtYIFybyF3bdu1caHTRRX+DLyMXyYA/IrTmiW01c4RPjpHBX5Dk1sZyY1zVsWNsvMHr2e1NTWtBxKJ+qk5N61J7caYoepHFaxw=="
	katAPPMsg   = "wx2421b1c4370ec43b\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\nwx201410272009395522657a690389285100\n"
	katAPPSig   = "gXx9KhTP6IooKV1SuG3OCGlBIgZbKtubCZvnau6khw1iffvNT28IzLbKmztq2xA/RCNbZa1XOsoiuVmAEeTZQicWfhv4P+O4oBRIrx0X9f3cnWFkMBU9alTWs0nyQ1N9fcILOTe0f4kxOhVh+/Xhn5hOiUK7Sz3XA1mcpa3R2NCWf/e+0ow/RDf15iTymOHgDrEkT/gedg/3E0iXfDX3mFicSZhrHESZDOTXcl9RzELREBUFznd/o2NQM99WcL86m23HY0cTy+QGWU4QDmNrbQ9ihmLW71qPb0Cx/d7EQvw/Kyx0A6s64ZQp3hHdcmiRcLnjVXrKCk7LShaCK+lS3Q=="
	katREQMsg   = "POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n" +
		`{"appid":"wxd678efh567hg6787","mchid":"1900007291","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}` + "\n"
	katREQSig = "jnks4dlrPw3ZX+ozVvSK39oa0t7OMBsg83BHAwd8BRdUFiVaQNTLTvci+wURgP1OQBbKYhFGvt7iqYpDSTQkp7Uq1sltaQKyncCyrA1g88m5bsKERQfPyT0ahSwKTYJ1CAn9QiJuSJRq1QsQs07eehbU/k9BCS51jTyc1Jpsi2H77HF9f/BnjXAOP3/sPObg6V5Ee4EzwLox684hhuMuIwHo7D8KFk3LIHOKDcNI4It1aCXydFWNpNK+SG86VUDe5kwoDpw4Ulqfu9z8OFDGbDs9TCxEv8iqQzbpxOlEVoOe2kalSYM5kApQb3nZcxdUtoE0liJGW3RGUNE0t4v01A=="
)

func katKeys(t *testing.T) (a, b *rsa.PublicKey) {
	t.Helper()
	a, err := ParsePublicKeyPEM([]byte(pubKeyA))
	if err != nil {
		t.Fatal(err)
	}
	b, err = ParsePublicKeyPEM([]byte(pubKeyB))
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

// TestPayV3_KAT_RSA: the published SHA256withRSA vectors KAT-RSA-1 (key
// A, under a certificate serial) and KAT-RSA-JSAPI/APP/REQ (key B, under a
// PUB_KEY_ID_ serial) verify through the serial lookup; every signature
// fails on another vector's message, under the other key and under an
// unknown serial.
func TestPayV3_KAT_RSA(t *testing.T) {
	t.Parallel()
	keyA, keyB := katKeys(t)
	v, err := NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{katSerialA: keyA, katSerialB: keyB})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	tests := []struct {
		name, serial, msg, sig string
		want                   error
	}{
		{"KAT-RSA-1", katSerialA, "source", katRSA1Sig, nil},
		{"KAT-RSA-1, serial in lower case", strings.ToLower(katSerialA), "source", katRSA1Sig, nil},
		{"KAT-RSA-1 wrong message", katSerialA, "wrong source", katRSA1Sig, ErrBadSignature},
		{"KAT-RSA-1 under key B", katSerialB, "source", katRSA1Sig, ErrBadSignature},
		{"KAT-RSA-JSAPI", katSerialB, katJSAPIMsg, katJSAPISig, nil},
		{"KAT-RSA-APP", katSerialB, katAPPMsg, katAPPSig, nil},
		{"KAT-RSA-REQ", katSerialB, katREQMsg, katREQSig, nil},
		{"APP signature on the JSAPI message", katSerialB, katJSAPIMsg, katAPPSig, ErrBadSignature},
		{"REQ without its trailing newline", katSerialB, strings.TrimSuffix(katREQMsg, "\n"), katREQSig, ErrBadSignature},
		{"KAT-RSA-JSAPI under key A", katSerialA, katJSAPIMsg, katJSAPISig, ErrBadSignature},
		{"KAT-RSA-JSAPI, unknown serial", "PUB_KEY_ID_0000", katJSAPIMsg, katJSAPISig, ErrUnknownSerial},
		{"SIGNTEST probe", katSerialB, katJSAPIMsg, PaySignTestPrefix + katJSAPISig, ErrSignTest},
	}
	for _, tt := range tests {
		err := v.VerifyMessage(ctx, tt.serial, []byte(tt.msg), tt.sig)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("%s: VerifyMessage = %v, want %v", tt.name, err, tt.want)
		}
	}
	// The same vectors through the key-level function.
	for _, c := range []struct {
		key      *rsa.PublicKey
		msg, sig string
	}{{keyA, "source", katRSA1Sig}, {keyB, katJSAPIMsg, katJSAPISig}, {keyB, katAPPMsg, katAPPSig}, {keyB, katREQMsg, katREQSig}} {
		if err := VerifySHA256WithRSA(c.key, []byte(c.msg), c.sig); err != nil {
			t.Errorf("VerifySHA256WithRSA(%.20q…) = %v", c.msg, err)
		}
	}
	if err := VerifySHA256WithRSA(nil, []byte("source"), katRSA1Sig); !errors.Is(err, ErrBadSignature) {
		t.Errorf("nil key: %v", err)
	}
	if err := VerifySHA256WithRSA(keyA, []byte("source"), "not base64!"); !errors.Is(err, ErrBadSignature) {
		t.Errorf("bad base64: %v", err)
	}
}

// keySourceFunc adapts a function to PayKeySource.
type keySourceFunc func(ctx context.Context, serial string) (*rsa.PublicKey, error)

func (f keySourceFunc) PayPublicKey(ctx context.Context, serial string) (*rsa.PublicKey, error) {
	return f(ctx, serial)
}

// TestPayV3_KeySource: a notification signed under a serial the verifier
// does not hold is verified with the key the PayKeySource returns, which is
// then cached; a serial the source does not know either is 403, a failing
// source is 500 (so WeChat Pay retries), and without a source the serial is
// unknown as before.
func TestPayV3_KeySource(t *testing.T) {
	t.Parallel()
	env := newPayEnv(t, 1772294400)
	newKey := testPayKey()
	const rotated = "PUB_KEY_ID_NEW"
	var calls atomic.Int32
	var mu sync.Mutex
	var asked []string
	failing := false
	src := keySourceFunc(func(ctx context.Context, serial string) (*rsa.PublicKey, error) {
		calls.Add(1)
		mu.Lock()
		defer mu.Unlock()
		asked = append(asked, serial)
		switch {
		case failing:
			return nil, errors.New("certificate download: connection reset")
		case serial == rotated:
			return &newKey.PublicKey, nil
		}
		return nil, ErrUnknownSerial
	})
	keyA, _ := katKeys(t)
	v, err := NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{kat1Serial: keyA},
		WithClock(fixedClock(1772294400)), WithPayKeySource(src))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := forge.NewPayV3Encoder(newKey, rotated, apiV3Key)
	if err != nil {
		t.Fatal(err)
	}
	ev := forge.PayV3Event{ID: "n-1", EventType: "TRANSACTION.SUCCESS", Resource: []byte(`{"out_trade_no":"T1"}`)}
	h, body, err := enc.Encode(ev, "1772294400", "nonce-1")
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		n, err := v.ParseRaw(h, body)
		if err != nil {
			t.Fatalf("ParseRaw with a rotated serial: %v", err)
		}
		if string(n.Plaintext) != `{"out_trade_no":"T1"}` {
			t.Fatalf("plaintext %q", n.Plaintext)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("key source called %d times, want 1 (the key is cached)", n)
	}
	// An unknown serial the source does not know: 403.
	h2 := h.Clone()
	h2.Set(HeaderPaySerial, "PUB_KEY_ID_FORGED")
	if _, err := v.ParseRaw(h2, body); !errors.Is(err, ErrUnknownSerial) || StatusFor(err) != http.StatusForbidden {
		t.Errorf("serial unknown to the source: %v (status %d), want ErrUnknownSerial, 403", err, StatusFor(err))
	}
	// The source fails: 500 through the handler, so WeChat Pay retries.
	mu.Lock()
	failing = true
	mu.Unlock()
	ph, err := NewPayV3Handler(v, func(context.Context, *PayNotification) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/pay", strings.NewReader(string(body)))
	h3 := h.Clone()
	h3.Set(HeaderPaySerial, "PUB_KEY_ID_OTHER")
	req.Header = h3
	rec := httptest.NewRecorder()
	ph.ServeHTTP(rec, req)
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("failing key source: status %d, want 500", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "connection reset") {
		t.Errorf("answer leaks the source's error: %s", rec.Body)
	}
	mu.Lock()
	got := asked
	mu.Unlock()
	if diff := cmp.Diff([]string{rotated, "PUB_KEY_ID_FORGED", "PUB_KEY_ID_OTHER"}, got); diff != "" {
		t.Errorf("serials asked (-want +got):\n%s", diff)
	}
	// Without a source, the rotated serial is unknown; with a source, no
	// configured key is needed.
	if _, err := env.v.ParseRaw(h, body); !errors.Is(err, ErrUnknownSerial) {
		t.Errorf("no key source: %v, want ErrUnknownSerial", err)
	}
	if _, err := NewPayV3Verifier(apiV3Key, nil, WithPayKeySource(src)); err != nil {
		t.Errorf("key source without keys: %v", err)
	}
	if _, err := NewPayV3Verifier(apiV3Key, nil); err == nil {
		t.Error("no keys and no key source accepted")
	}
	if _, err := NewPayV3Verifier(apiV3Key, nil, WithPayKeySource(nil)); err == nil {
		t.Error("nil key source accepted")
	}
}
