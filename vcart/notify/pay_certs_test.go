package notify

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// Two more keys, generated once per test binary: the merchant's (signs the
// requests) and a second platform key (the certificate rotated to).
var (
	testMerchantKey  = sync.OnceValue(func() *rsa.PrivateKey { return genKey() })
	testPlatformKeyB = sync.OnceValue(func() *rsa.PrivateKey { return genKey() })
)

func genKey() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
}

const (
	testMchID      = "1900009191"
	testMchSerial  = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"
	certSerialA    = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"
	certSerialB    = "50062CE505775F070CAB06E697F1BBD1AD4F4D87"
	certSerialLate = "6A2B8E4F00000000000000000000000000000001"
)

// testCert is one platform certificate the fake WeChat Pay lists.
type testCert struct {
	serial    string
	key       *rsa.PrivateKey
	from, to  time.Time
	pem       []byte
	listedAs  string // serial_no in the answer; "" = serial
	tamperCT  bool
	effective string // overrides effective_time when set
}

func newTestCert(t testing.TB, serial string, key *rsa.PrivateKey, from, to time.Time) *testCert {
	t.Helper()
	n, ok := new(big.Int).SetString(serial, 16)
	if !ok {
		t.Fatalf("bad serial %s", serial)
	}
	tpl := &x509.Certificate{SerialNumber: n, Subject: pkix.Name{CommonName: "Tenpay.com Root CA test"}, NotBefore: from, NotAfter: to}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &testCert{serial: serial, key: key, from: from, to: to, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// fakePay is a WeChat Pay API host serving GET /v3/certificates: it checks
// the request's Authorization with the merchant's public key and answers
// the listed certificates, encrypted with the APIv3 key and signed by
// signer.
type fakePay struct {
	t     testing.TB
	now   func() time.Time
	mu    sync.Mutex
	certs []*testCert
	// signer signs the answer (nil: the first certificate); signSerial, if
	// set, overrides the Wechatpay-Serial sent.
	signer     *testCert
	signSerial string
	stale      bool // sign with a timestamp 10 minutes old
	badSig     bool // flip a byte of the signature
	status     int  // answer this status instead (0: 200)
	hits       atomic.Int32
	authErrs   atomic.Int32
}

var authRE = regexp.MustCompile(`^WECHATPAY2-SHA256-RSA2048 mchid="([^"]*)",nonce_str="([^"]*)",signature="([^"]*)",timestamp="([^"]*)",serial_no="([^"]*)"$`)

func (f *fakePay) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.hits.Add(1)
	if r.Method != http.MethodGet || r.URL.Path != "/v3/certificates" {
		http.NotFound(w, r)
		return
	}
	m := authRE.FindStringSubmatch(r.Header.Get("Authorization"))
	ok := m != nil && m[1] == testMchID && m[5] == testMchSerial
	if ok {
		msg := "GET\n/v3/certificates\n" + m[4] + "\n" + m[2] + "\n\n"
		sum := sha256.Sum256([]byte(msg))
		sig, err := base64.StdEncoding.DecodeString(m[3])
		ok = err == nil && rsa.VerifyPKCS1v15(&testMerchantKey().PublicKey, crypto.SHA256, sum[:], sig) == nil
		ts, _ := strconv.ParseInt(m[4], 10, 64)
		ok = ok && ts == f.now().Unix()
	}
	if !ok {
		f.authErrs.Add(1)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"code":"SIGN_ERROR","message":"签名错误"}`))
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.status != 0 {
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(`{"code":"SYSTEM_ERROR","message":"系统错误"}`))
		return
	}
	aead, err := newGCM([]byte(apiV3Key))
	if err != nil {
		f.t.Error(err)
		return
	}
	type enc struct {
		Algorithm      string `json:"algorithm"`
		Nonce          string `json:"nonce"`
		AssociatedData string `json:"associated_data"`
		Ciphertext     string `json:"ciphertext"`
	}
	type item struct {
		SerialNo           string `json:"serial_no"`
		EffectiveTime      string `json:"effective_time"`
		ExpireTime         string `json:"expire_time"`
		EncryptCertificate enc    `json:"encrypt_certificate"`
	}
	var ans struct {
		Data []item `json:"data"`
	}
	for i, c := range f.certs {
		nonce := fmt.Sprintf("%012d", i+1)
		ct := aead.Seal(nil, []byte(nonce), c.pem, []byte("certificate"))
		if c.tamperCT {
			ct[3] ^= 1
		}
		listed := c.serial
		if c.listedAs != "" {
			listed = c.listedAs
		}
		eff := c.from.In(shanghai).Format(time.RFC3339)
		if c.effective != "" {
			eff = c.effective
		}
		ans.Data = append(ans.Data, item{SerialNo: listed, EffectiveTime: eff, ExpireTime: c.to.In(shanghai).Format(time.RFC3339),
			EncryptCertificate: enc{Algorithm: PayAlgorithmAESGCM, Nonce: nonce, AssociatedData: "certificate", Ciphertext: base64.StdEncoding.EncodeToString(ct)}})
	}
	body, _ := json.Marshal(ans)
	signer := f.signer
	if signer == nil {
		signer = f.certs[0]
	}
	ts := f.now().Unix()
	if f.stale {
		ts -= 600
	}
	tss, nonce := strconv.FormatInt(ts, 10), "answernonce"
	sum := payV3Digest(tss, nonce, body)
	sig, err := rsa.SignPKCS1v15(nil, signer.key, crypto.SHA256, sum[:])
	if err != nil {
		f.t.Error(err)
		return
	}
	if f.badSig {
		sig[0] ^= 1
	}
	serial := signer.serial
	if f.signSerial != "" {
		serial = f.signSerial
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set(HeaderPayTimestamp, tss)
	w.Header().Set(HeaderPayNonce, nonce)
	w.Header().Set(HeaderPaySerial, serial)
	w.Header().Set(HeaderPaySignature, base64.StdEncoding.EncodeToString(sig))
	_, _ = w.Write(body)
}

func (f *fakePay) set(mut func(f *fakePay)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	mut(f)
}

// fakeClock is an injected clock the test moves by hand.
type fakeClock struct{ ns atomic.Int64 }

func newFakeClock(t time.Time) *fakeClock {
	c := &fakeClock{}
	c.ns.Store(t.UnixNano())
	return c
}

func (c *fakeClock) Now() time.Time          { return time.Unix(0, c.ns.Load()) }
func (c *fakeClock) Advance(d time.Duration) { c.ns.Add(int64(d)) }

var testMerchant = func() PayMerchant {
	return PayMerchant{MchID: testMchID, Serial: testMchSerial, PrivateKey: testMerchantKey()}
}

// payCertEnv is a fake WeChat Pay with certificate A in force (B comes in
// force in 10 days), a source pointed at it and a verifier using it.
type payCertEnv struct {
	clock *fakeClock
	fake  *fakePay
	srv   *httptest.Server
	src   *PayCertificateSource
	v     *PayV3Verifier
	a, b  *testCert
}

func newPayCertEnv(t *testing.T, opts ...Option) *payCertEnv {
	t.Helper()
	start := time.Unix(testUnix, 0)
	clock := newFakeClock(start)
	a := newTestCert(t, certSerialA, testPayKey(), start.Add(-24*time.Hour), start.Add(30*24*time.Hour))
	b := newTestCert(t, certSerialB, testPlatformKeyB(), start.Add(10*24*time.Hour), start.Add(5*365*24*time.Hour))
	fake := &fakePay{t: t, now: clock.Now, certs: []*testCert{a}}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	src, err := NewPayCertificateSource(testMerchant(), apiV3Key,
		append([]Option{WithPayCertBaseURL(srv.URL), WithPayCertHTTPClient(srv.Client()), WithClock(clock.Now)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewPayV3Verifier(apiV3Key, nil, WithPayKeySource(src), WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	return &payCertEnv{clock: clock, fake: fake, srv: srv, src: src, v: v, a: a, b: b}
}

// notify forges a notification signed by cert c at the env's clock and
// has the verifier parse it.
func (e *payCertEnv) notify(t *testing.T, c *testCert) error {
	t.Helper()
	enc, err := forge.NewPayV3Encoder(c.key, c.serial, apiV3Key)
	if err != nil {
		t.Fatal(err)
	}
	h, body, err := enc.Encode(txnEvent("EV-C"), strconv.FormatInt(e.clock.Now().Unix(), 10), "n")
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.v.ParseRaw(h, body)
	return err
}

func serials(cs []PayCertificate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Serial)
	}
	return out
}

func TestDecryptPayResource(t *testing.T) {
	t.Parallel()
	aead, err := newGCM([]byte(apiV3Key))
	if err != nil {
		t.Fatal(err)
	}
	ct := base64.StdEncoding.EncodeToString(aead.Seal(nil, []byte("abcdefghijkl"), []byte("-----BEGIN CERTIFICATE-----"), []byte("certificate")))
	r := PayResource{Algorithm: PayAlgorithmAESGCM, Nonce: "abcdefghijkl", AssociatedData: "certificate", Ciphertext: ct}
	got, err := DecryptPayResource(apiV3Key, r)
	if err != nil || string(got) != "-----BEGIN CERTIFICATE-----" {
		t.Fatalf("DecryptPayResource() = %q, %v", got, err)
	}
	v, err := NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{"X": &testPayKey().PublicKey})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := v.DecryptResource(r); err != nil || string(got) != "-----BEGIN CERTIFICATE-----" {
		t.Errorf("DecryptResource() = %q, %v", got, err)
	}
	bad := []struct {
		name string
		key  string
		mut  func(r *PayResource)
	}{
		{"other key", strings.Repeat("k", 32), func(*PayResource) {}},
		{"other associated data", apiV3Key, func(r *PayResource) { r.AssociatedData = "transaction" }},
		{"SM4", apiV3Key, func(r *PayResource) { r.Algorithm = "AEAD_SM4_GCM" }},
		{"short nonce", apiV3Key, func(r *PayResource) { r.Nonce = "abc" }},
		{"not base64", apiV3Key, func(r *PayResource) { r.Ciphertext = "!!" }},
	}
	for _, tt := range bad {
		r2 := r
		tt.mut(&r2)
		if _, err := DecryptPayResource(tt.key, r2); !errors.Is(err, ErrDecrypt) {
			t.Errorf("%s: error = %v, want ErrDecrypt", tt.name, err)
		}
	}
	if _, err := DecryptPayResource("short", r); err == nil || strings.Contains(err.Error(), "short") {
		t.Errorf("short key: %v", err)
	}
}

// TestPayCertificateSource_EndToEnd: bootstrap from nothing (the answer
// verified with the certificate it carries), verify a notification,
// rotate to a new certificate, drop the expired one.
func TestPayCertificateSource_EndToEnd(t *testing.T) {
	t.Parallel()
	e := newPayCertEnv(t)
	ctx := t.Context()

	// Nothing held yet: a notification signed by A makes the verifier ask
	// the source, which downloads (signed request) and verifies.
	if err := e.notify(t, e.a); err != nil {
		t.Fatalf("notification signed by A: %v", err)
	}
	if got := serials(e.src.Certificates()); len(got) != 1 || got[0] != certSerialA {
		t.Fatalf("certificates = %v, want [A]", got)
	}
	if e.fake.hits.Load() != 1 || e.fake.authErrs.Load() != 0 {
		t.Errorf("downloads %d, rejected signatures %d; want 1, 0", e.fake.hits.Load(), e.fake.authErrs.Load())
	}
	if _, _, _, err := ParseCertificatePEM(e.src.Certificates()[0].PEM); err != nil {
		t.Errorf("held PEM: %v", err)
	}

	// B is listed a day before it takes over; the answer is still signed
	// by A. B is held but not in force yet.
	e.fake.set(func(f *fakePay) { f.certs = []*testCert{e.a, e.b} })
	e.clock.Advance(9 * 24 * time.Hour)
	if err := e.src.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := serials(e.src.Certificates()); len(got) != 1 || got[0] != certSerialA {
		t.Errorf("before B's effective time: %v, want [A]", got)
	}
	e.clock.Advance(24 * time.Hour) // B in force, A still valid
	if got := serials(e.src.Certificates()); len(got) != 2 {
		t.Errorf("overlap: %v, want both", got)
	}
	if err := e.notify(t, e.b); err != nil {
		t.Errorf("notification signed by B: %v", err)
	}
	// A expires and is withdrawn; the answer is signed by B.
	e.clock.Advance(21 * 24 * time.Hour)
	e.fake.set(func(f *fakePay) { f.certs, f.signer = []*testCert{e.b}, e.b })
	if err := e.src.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := serials(e.src.Certificates()); len(got) != 1 || got[0] != certSerialB {
		t.Errorf("after rotation: %v, want [B]", got)
	}
	// The verifier saw A's key before but did not cache it for good.
	if err := e.notify(t, e.a); !errors.Is(err, ErrUnknownSerial) {
		t.Errorf("notification signed by the expired A: %v, want ErrUnknownSerial", err)
	}
	if err := e.notify(t, e.b); err != nil {
		t.Errorf("notification signed by B after rotation: %v", err)
	}
}

// TestPayCertificateSource_UnknownSerialRateLimited: serials from the
// unauthenticated header cause at most one download per minimum interval.
func TestPayCertificateSource_UnknownSerialRateLimited(t *testing.T) {
	t.Parallel()
	e := newPayCertEnv(t)
	ctx := t.Context()
	for range 5 {
		if _, err := e.src.PayPublicKey(ctx, "ABCDEF0123"); !errors.Is(err, ErrUnknownSerial) {
			t.Fatalf("unknown serial: %v", err)
		}
	}
	if n := e.fake.hits.Load(); n != 1 {
		t.Errorf("%d downloads for 5 unknown serials within a minute, want 1", n)
	}
	e.clock.Advance(DefaultPayCertMinInterval)
	if _, err := e.src.PayPublicKey(ctx, "ABCDEF0123"); !errors.Is(err, ErrUnknownSerial) {
		t.Fatal(err)
	}
	if n := e.fake.hits.Load(); n != 2 {
		t.Errorf("%d downloads after the interval, want 2", n)
	}
	if _, err := e.src.PayPublicKey(ctx, testPubKeyID); !errors.Is(err, ErrUnknownSerial) || e.fake.hits.Load() != 2 {
		t.Errorf("a public-key ID: %v (downloads %d), want ErrUnknownSerial without a download", err, e.fake.hits.Load())
	}
	// A known serial costs no download.
	if _, err := e.src.PayPublicKey(ctx, strings.ToLower(certSerialA)); err != nil || e.fake.hits.Load() != 2 {
		t.Errorf("known serial: %v, downloads %d", err, e.fake.hits.Load())
	}
}

// TestPayCertificateSource_Rejects: every way an answer can be wrong
// fails the refresh and keeps the certificates held.
func TestPayCertificateSource_Rejects(t *testing.T) {
	t.Parallel()
	pubB := &testPlatformKeyB().PublicKey
	tests := []struct {
		name    string
		mut     func(e *payCertEnv, f *fakePay)
		opts    []Option
		wantErr error
	}{
		{"tampered certificate", func(e *payCertEnv, f *fakePay) {
			c := *e.b
			c.tamperCT = true
			f.certs = []*testCert{e.a, &c}
		}, nil, ErrDecrypt},
		{"bad answer signature", func(e *payCertEnv, f *fakePay) { f.badSig = true }, nil, ErrBadSignature},
		{"stale answer", func(e *payCertEnv, f *fakePay) { f.stale = true }, nil, ErrStale},
		{"signed by a serial nobody knows", func(e *payCertEnv, f *fakePay) { f.signSerial = "00FF" }, nil, ErrUnknownSerial},
		{"signed by a certificate not yet in force", func(e *payCertEnv, f *fakePay) {
			f.certs, f.signer = []*testCert{e.a, e.b}, e.b
		}, nil, ErrUnknownSerial},
		{"listed serial differs", func(e *payCertEnv, f *fakePay) {
			c := *e.a
			c.listedAs = certSerialB
			f.certs = []*testCert{&c}
		}, nil, ErrMalformed},
		{"bad effective_time", func(e *payCertEnv, f *fakePay) {
			c := *e.a
			c.effective = "yesterday"
			f.certs = []*testCert{&c}
		}, nil, ErrMalformed},
		{"HTTP 500", func(e *payCertEnv, f *fakePay) { f.status = 500 }, nil, nil},
		{"signed with the public key (PUB_KEY_ID), not configured", func(e *payCertEnv, f *fakePay) {
			f.certs, f.signer, f.signSerial = []*testCert{e.a, e.b}, e.b, testPubKeyID
		}, nil, ErrUnknownSerial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := newPayCertEnv(t, tt.opts...)
			if err := e.src.Refresh(t.Context()); err != nil {
				t.Fatal(err)
			}
			e.fake.set(func(f *fakePay) { tt.mut(e, f) })
			err := e.src.Refresh(t.Context())
			if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) {
				t.Fatalf("Refresh() error = %v, want %v", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), apiV3Key) {
				t.Errorf("error leaks the APIv3 key: %v", err)
			}
			if got := serials(e.src.Certificates()); len(got) != 1 || got[0] != certSerialA {
				t.Errorf("after a failed refresh: %v, want [A] kept", got)
			}
		})
	}
	// With the public key configured (migration), the same answer passes.
	t.Run("signed with the public key, configured", func(t *testing.T) {
		t.Parallel()
		pk, err := NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{testPubKeyID: pubB})
		if err != nil {
			t.Fatal(err)
		}
		e := newPayCertEnv(t, WithPayCertVerifyKeys(pubKeys{pk}))
		e.fake.set(func(f *fakePay) { f.certs, f.signer, f.signSerial = []*testCert{e.a, e.b}, e.b, testPubKeyID })
		if err := e.src.Refresh(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
}

// pubKeys adapts a verifier's configured keys to a PayKeySource.
type pubKeys struct{ v *PayV3Verifier }

func (p pubKeys) PayPublicKey(ctx context.Context, serial string) (*rsa.PublicKey, error) {
	return p.v.key(ctx, serial)
}

// TestPayCertificateSource_NoRedirect: a redirect is not followed.
func TestPayCertificateSource_NoRedirect(t *testing.T) {
	t.Parallel()
	var other atomic.Int32
	dst := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { other.Add(1) }))
	defer dst.Close()
	src := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, dst.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	defer src.Close()
	hc := &http.Client{Transport: src.Client().Transport} // not http.DefaultTransport: other tests close its idle connections
	s, err := NewPayCertificateSource(testMerchant(), apiV3Key, WithPayCertBaseURL(src.URL), WithPayCertHTTPClient(hc),
		WithClock(newFakeClock(time.Unix(testUnix, 0)).Now))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(t.Context()); err == nil || !strings.Contains(err.Error(), "HTTP 307") {
		t.Errorf("Refresh() = %v, want the 307 refused", err)
	}
	if other.Load() != 0 || hc.CheckRedirect != nil {
		t.Errorf("redirect followed (%d) or caller's client changed", other.Load())
	}
}

// handlerTransport serves requests in process, so that a synctest bubble
// holds every goroutine involved.
type handlerTransport struct{ h http.Handler }

func (h handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	h.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// TestPayCertificateSource_RunSchedule: Run downloads at once, then every
// refresh interval; a failure is retried after a minute, doubling. The
// bubble's clock is the source's clock.
func TestPayCertificateSource_RunSchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now() // the bubble's fake clock
		a := newTestCert(t, certSerialA, testPayKey(), start.Add(-time.Hour), start.Add(365*24*time.Hour))
		fake := &fakePay{t: t, now: time.Now, certs: []*testCert{a}}
		src, err := NewPayCertificateSource(testMerchant(), apiV3Key, WithPayCertBaseURL("https://api.mch.example"),
			WithPayCertHTTPClient(&http.Client{Transport: handlerTransport{fake}}), WithPayCertRefresh(time.Hour),
			WithLogger(slog.New(slog.DiscardHandler)))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		go func() { done <- src.Run(ctx) }()
		synctest.Wait()
		if fake.hits.Load() != 1 || len(src.Certificates()) != 1 {
			t.Fatalf("at start: %d downloads, %d certificates", fake.hits.Load(), len(src.Certificates()))
		}
		time.Sleep(time.Hour - time.Second)
		synctest.Wait()
		if fake.hits.Load() != 1 {
			t.Fatalf("before the interval: %d downloads", fake.hits.Load())
		}
		fake.set(func(f *fakePay) { f.status = 500 })
		time.Sleep(time.Second)
		synctest.Wait()
		if fake.hits.Load() != 2 {
			t.Fatalf("at the interval: %d downloads, want 2", fake.hits.Load())
		}
		time.Sleep(time.Minute) // retry after a minute, then two
		synctest.Wait()
		fake.set(func(f *fakePay) { f.status = 0 })
		time.Sleep(2 * time.Minute)
		synctest.Wait()
		if n := fake.hits.Load(); n != 4 || len(src.Certificates()) != 1 {
			t.Fatalf("after the retries: %d downloads, want 4; %d certificates", n, len(src.Certificates()))
		}
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Run() = %v", err)
		}
	})
}

func TestNewPayCertificateSource_Errors(t *testing.T) {
	t.Parallel()
	for name, f := range map[string]func() error{
		"no merchant": func() error { _, err := NewPayCertificateSource(PayMerchant{}, apiV3Key); return err },
		"short key":   func() error { _, err := NewPayCertificateSource(testMerchant(), "k"); return err },
		"bad base URL": func() error {
			_, err := NewPayCertificateSource(testMerchant(), apiV3Key, WithPayCertBaseURL("ftp://x"))
			return err
		},
		"nil client": func() error {
			_, err := NewPayCertificateSource(testMerchant(), apiV3Key, WithPayCertHTTPClient(nil))
			return err
		},
		"nil clock": func() error {
			_, err := NewPayCertificateSource(testMerchant(), apiV3Key, WithClock(nil))
			return err
		},
		"refresh > 12h": func() error {
			_, err := NewPayCertificateSource(testMerchant(), apiV3Key, WithPayCertRefresh(13*time.Hour))
			return err
		},
	} {
		if err := f(); err == nil {
			t.Errorf("%s: no error", name)
		} else if strings.Contains(err.Error(), apiV3Key) {
			t.Errorf("%s: error leaks the key", name)
		}
	}
}
