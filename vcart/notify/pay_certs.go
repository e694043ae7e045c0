package notify

import (
	"bytes"
	"context"
	"crypto"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DecryptPayResource decrypts a WeChat Pay API v3 resource encrypted with
// AEAD_AES_256_GCM under the 32-byte APIv3 key (APIv3密钥): the resource of
// a notification, or an encrypt_certificate of a GET /v3/certificates
// answer (平台证书). It is the routine [PayV3Verifier] uses; nonce and
// associated_data are taken as bytes, ciphertext as base64 of the
// ciphertext followed by the 16-byte tag. A wrong key, a tampered field or
// an algorithm other than [PayAlgorithmAESGCM] fails with [ErrDecrypt];
// errors never contain the key.
func DecryptPayResource(apiV3Key string, r PayResource) ([]byte, error) {
	if len(apiV3Key) != 32 {
		return nil, fmt.Errorf("notify: APIv3 key must be 32 bytes, got %d", len(apiV3Key))
	}
	aead, err := newGCM([]byte(apiV3Key))
	if err != nil {
		return nil, err
	}
	return decryptResource(aead, r)
}

// DecryptResource is [DecryptPayResource] with the verifier's APIv3 key.
func (v *PayV3Verifier) DecryptResource(r PayResource) ([]byte, error) {
	return decryptResource(v.aead, r)
}

// decryptResource checks the algorithm and opens r with aead.
func decryptResource(aead cipher.AEAD, r PayResource) ([]byte, error) {
	if r.Algorithm != PayAlgorithmAESGCM {
		return nil, fmt.Errorf("%w: unsupported algorithm %.40q", ErrDecrypt, r.Algorithm)
	}
	return openGCM(aead, r)
}

// Defaults of a [PayCertificateSource].
const (
	// DefaultPayAPIBaseURL is WeChat Pay's API host.
	DefaultPayAPIBaseURL = "https://api.mch.weixin.qq.com"
	// DefaultPayCertRefresh is how often [PayCertificateSource.Run]
	// downloads the certificates: WeChat Pay lists a new certificate 24 h
	// before it signs with it and asks for a download at least every 12 h.
	DefaultPayCertRefresh = 6 * time.Hour
	// DefaultPayCertMinInterval is the least time between two downloads
	// caused by an unknown Wechatpay-Serial (an unauthenticated header).
	DefaultPayCertMinInterval = time.Minute
	// maxPayCertBody caps a /v3/certificates answer.
	maxPayCertBody      = 1 << 20
	pathPayCertificates = "/v3/certificates"
)

// PayMerchant is what signing a WeChat Pay API v3 request takes: the
// merchant ID (商户号), the serial of the merchant API certificate
// (商户API证书序列号) and its private key (apiclient_key.pem).
type PayMerchant struct {
	MchID      string
	Serial     string
	PrivateKey *rsa.PrivateKey
}

// PayCertificate is one platform certificate (平台证书) a
// [PayCertificateSource] holds.
type PayCertificate struct {
	// Serial is the upper-case hex serial that Wechatpay-Serial carries.
	Serial string
	// EffectiveTime and ExpireTime are the answer's effective_time and
	// expire_time (also checked against the certificate itself).
	EffectiveTime, ExpireTime time.Time
	// PEM is the decrypted certificate.
	PEM []byte
	// Key is its RSA public key.
	Key *rsa.PublicKey
}

type payCertConfig struct {
	baseURL     string
	hc          *http.Client
	now         func() time.Time
	every       time.Duration
	minInterval time.Duration
	tolerance   time.Duration
	log         *slog.Logger
	verify      PayKeySource // keys other than the downloaded ones (public-key mode)
}

// WithPayCertBaseURL sets the API host (default [DefaultPayAPIBaseURL]);
// tests point it at an httptest server.
func WithPayCertBaseURL(u string) Option {
	return func(o *options) error {
		c := &o.payCert
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.RawQuery != "" {
			return errors.New("notify: WithPayCertBaseURL: want an absolute http(s) URL without a query")
		}
		c.baseURL = strings.TrimRight(p.String(), "/")
		return nil
	}
}

// WithPayCertHTTPClient sets the HTTP client (default: 30 s timeout). It
// is not modified: a shallow copy that follows no redirect is used.
func WithPayCertHTTPClient(hc *http.Client) Option {
	return func(o *options) error {
		c := &o.payCert
		if hc == nil {
			return errors.New("notify: nil *http.Client")
		}
		c.hc = hc
		return nil
	}
}

// WithPayCertRefresh sets how often [PayCertificateSource.Run] downloads
// the certificates (default [DefaultPayCertRefresh]; at most 12 h).
func WithPayCertRefresh(every time.Duration) Option {
	return func(o *options) error {
		c := &o.payCert
		if every <= 0 || every > 12*time.Hour {
			return fmt.Errorf("notify: WithPayCertRefresh: want (0, 12h], got %v", every)
		}
		c.every = every
		return nil
	}
}

// WithPayCertMinInterval sets the least time between two downloads caused
// by an unknown serial (default [DefaultPayCertMinInterval]).
func WithPayCertMinInterval(d time.Duration) Option {
	return func(o *options) error {
		c := &o.payCert
		if d < 0 {
			return fmt.Errorf("notify: WithPayCertMinInterval: negative %v", d)
		}
		c.minInterval = d
		return nil
	}
}

// WithPayCertVerifyKeys adds the keys an answer may be signed with besides
// the certificates it carries, for example the WeChat Pay public key
// (PUB_KEY_ID_…) of a merchant migrating between the modes.
func WithPayCertVerifyKeys(src PayKeySource) Option {
	return func(o *options) error {
		c := &o.payCert
		if src == nil {
			return errors.New("notify: nil PayKeySource")
		}
		c.verify = src
		return nil
	}
}

// PayCertificateSource is the certificate mode of WeChat Pay API v3 (平台证书
// 模式), beside the public-key mode (微信支付公钥, "PUB_KEY_ID_…" serials,
// configured directly in [NewPayV3Verifier]). It downloads the platform
// certificates with a signed GET /v3/certificates (Authorization
// WECHATPAY2-SHA256-RSA2048 with the merchant's private key, mchid and
// certificate serial), decrypts each encrypt_certificate with the APIv3
// key ([DecryptPayResource]), checks that each parses, carries the listed
// serial and is in force, verifies the answer's signature
// (Wechatpay-Signature over "timestamp\nnonce\nbody\n", the timestamp
// within 5 minutes) with the certificate named by Wechatpay-Serial (one of
// the certificates the answer carries, one held already, or a key given
// with [WithPayCertVerifyKeys]), and only then replaces the certificates
// it holds. The answer's authenticity rests on the APIv3 key, known only to
// WeChat Pay and the merchant: the GCM tag authenticates each certificate,
// and the signature binds the answer to one of them.
//
// It is a [PayKeySource]: give it to [NewPayV3Verifier] with
// [WithPayKeySource]. A verifier does not cache the keys it returns, so an
// expired or withdrawn certificate stops verifying when the source drops
// it. An unknown serial causes a download at most once per
// [WithPayCertMinInterval]. [PayCertificateSource.Run] downloads on a
// schedule ([WithPayCertRefresh], 6 h by default); a failed download keeps
// the certificates held and is retried sooner. It is safe for concurrent
// use.
type PayCertificateSource struct {
	m    PayMerchant
	aead cipher.AEAD
	cfg  payCertConfig

	mu      sync.RWMutex
	certs   []PayCertificate // sorted by serial
	fetchMu sync.Mutex       // one download at a time
	lastTry time.Time        // of the last download caused by an unknown serial
}

// NewPayCertificateSource returns a certificate source for the merchant m
// and the 32-byte APIv3 key. It downloads nothing until
// [PayCertificateSource.Refresh], [PayCertificateSource.Run] or an unknown
// serial. Errors never contain the key.
func NewPayCertificateSource(m PayMerchant, apiV3Key string, opts ...Option) (*PayCertificateSource, error) {
	var missing []string
	if m.MchID == "" {
		missing = append(missing, "MchID")
	}
	if m.Serial == "" {
		missing = append(missing, "Serial")
	}
	if m.PrivateKey == nil {
		missing = append(missing, "PrivateKey")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("notify: PayMerchant: missing %s", strings.Join(missing, ", "))
	}
	if len(apiV3Key) != 32 {
		return nil, fmt.Errorf("notify: APIv3 key must be 32 bytes, got %d", len(apiV3Key))
	}
	aead, err := newGCM([]byte(apiV3Key))
	if err != nil {
		return nil, err
	}
	o, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	cfg := o.payCert
	cfg.now, cfg.log = o.now, o.log
	hc := *cfg.hc
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	cfg.hc = &hc
	return &PayCertificateSource{m: m, aead: aead, cfg: cfg}, nil
}

func (s *PayCertificateSource) logger() *slog.Logger {
	if s.cfg.log != nil {
		return s.cfg.log
	}
	return slog.Default()
}

// Certificates returns the certificates held, in force at the source's
// clock, sorted by serial.
func (s *PayCertificateSource) Certificates() []PayCertificate {
	now := s.cfg.now()
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]PayCertificate, 0, len(s.certs))
	for _, c := range s.certs {
		if inForce(c, now) {
			out = append(out, c)
		}
	}
	return out
}

func inForce(c PayCertificate, now time.Time) bool {
	return !now.Before(c.EffectiveTime) && now.Before(c.ExpireTime)
}

// lookup returns the key of serial among the certificates held and in force.
func (s *PayCertificateSource) lookup(serial string) *rsa.PublicKey {
	ns := strings.ToUpper(serial)
	now := s.cfg.now()
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, c := range s.certs {
		if c.Serial == ns && inForce(c, now) {
			return c.Key
		}
	}
	return nil
}

// PayPublicKey implements [PayKeySource]: the key of the certificate serial
// if held and in force; otherwise, at most once per
// [WithPayCertMinInterval], it downloads the certificates and looks again.
// It fails with [ErrUnknownSerial] when the serial is still unknown.
func (s *PayCertificateSource) PayPublicKey(ctx context.Context, serial string) (*rsa.PublicKey, error) {
	if k := s.lookup(serial); k != nil {
		return k, nil
	}
	if strings.HasPrefix(serial, PayPublicKeyIDPrefix) {
		return nil, fmt.Errorf("%w: %.64q is a public-key ID, not a certificate serial", ErrUnknownSerial, serial)
	}
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	if k := s.lookup(serial); k != nil { // downloaded while we waited
		return k, nil
	}
	now := s.cfg.now()
	if !s.lastTry.IsZero() && now.Sub(s.lastTry) < s.cfg.minInterval && !now.Before(s.lastTry) {
		return nil, fmt.Errorf("%w: %.64q (downloaded less than %v ago)", ErrUnknownSerial, serial, s.cfg.minInterval)
	}
	s.lastTry = now
	if err := s.refreshLocked(ctx); err != nil {
		return nil, err
	}
	if k := s.lookup(serial); k != nil {
		return k, nil
	}
	return nil, fmt.Errorf("%w: %.64q (not among the platform certificates)", ErrUnknownSerial, serial)
}

// uncachedPayKeys marks a source whose keys expire: a PayV3Verifier asks
// it every time instead of caching its answers.
func (s *PayCertificateSource) uncachedPayKeys() {}

// Refresh downloads, decrypts and verifies the platform certificates and,
// when all of that succeeded, replaces the certificates held with those in
// force. On any failure the certificates held are kept.
func (s *PayCertificateSource) Refresh(ctx context.Context) error {
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	return s.refreshLocked(ctx)
}

// Run refreshes the certificates now and then every [WithPayCertRefresh]
// until ctx ends, which it returns. A failed refresh is logged at Warn and
// retried after a minute, doubling up to the refresh interval.
func (s *PayCertificateSource) Run(ctx context.Context) error {
	retry := time.Minute
	wait := time.Duration(0)
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		if err := s.Refresh(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			s.logger().LogAttrs(ctx, slog.LevelWarn, "notify: platform certificate download failed; keeping the certificates held",
				slog.String("mchid", s.m.MchID), slog.String("error", err.Error()), slog.Duration("retry_in", retry))
			wait = retry
			retry = min(retry*2, s.cfg.every)
		} else {
			wait = s.cfg.every
			retry = time.Minute
		}
		t.Reset(wait)
	}
}

// payCertAnswer is the body of GET /v3/certificates.
type payCertAnswer struct {
	Data []struct {
		SerialNo           string      `json:"serial_no"`
		EffectiveTime      string      `json:"effective_time"`
		ExpireTime         string      `json:"expire_time"`
		EncryptCertificate PayResource `json:"encrypt_certificate"`
	} `json:"data"`
}

func (s *PayCertificateSource) refreshLocked(ctx context.Context) error {
	now := s.cfg.now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.baseURL+pathPayCertificates, nil)
	if err != nil {
		return fmt.Errorf("notify: platform certificates: %w", err)
	}
	auth, err := s.authorization(http.MethodGet, pathPayCertificates, "", now)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "vcart-go/notify")
	res, err := s.cfg.hc.Do(req)
	if err != nil {
		return fmt.Errorf("notify: platform certificates: %w", err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, maxPayCertBody+1))
	if err != nil {
		return fmt.Errorf("notify: platform certificates: read: %w", err)
	}
	if len(body) > maxPayCertBody {
		return fmt.Errorf("%w: platform certificates answer above %d bytes", ErrBodyTooLarge, maxPayCertBody)
	}
	if res.StatusCode != http.StatusOK {
		var e struct{ Code, Message string }
		_ = json.Unmarshal(body, &e)
		return fmt.Errorf("notify: platform certificates: HTTP %d %.32q %.128q", res.StatusCode, e.Code, e.Message)
	}
	var ans payCertAnswer
	if err := json.Unmarshal(body, &ans); err != nil {
		return fmt.Errorf("%w: platform certificates answer: %w", ErrMalformed, err)
	}
	if len(ans.Data) == 0 {
		return fmt.Errorf("%w: platform certificates answer lists none", ErrMalformed)
	}
	certs := make([]PayCertificate, 0, len(ans.Data))
	for i, d := range ans.Data {
		c, err := s.openCert(d.SerialNo, d.EffectiveTime, d.ExpireTime, d.EncryptCertificate)
		if err != nil {
			return fmt.Errorf("notify: platform certificate %d (%.64q): %w", i, d.SerialNo, err)
		}
		certs = append(certs, c)
	}
	if err := s.verifyAnswer(ctx, res.Header, body, certs, now); err != nil {
		return err
	}
	fresh := certs[:0]
	for _, c := range certs {
		if now.Before(c.ExpireTime) { // keep those in force and those to come
			fresh = append(fresh, c)
		}
	}
	slices.SortFunc(fresh, func(a, b PayCertificate) int { return strings.Compare(a.Serial, b.Serial) })
	s.mu.Lock()
	s.certs = fresh
	s.mu.Unlock()
	return nil
}

// openCert decrypts and checks one listed certificate.
func (s *PayCertificateSource) openCert(serial, effective, expire string, enc PayResource) (PayCertificate, error) {
	pemBytes, err := decryptResource(s.aead, enc)
	if err != nil {
		return PayCertificate{}, err
	}
	got, key, notAfter, err := ParseCertificatePEM(pemBytes)
	if err != nil {
		return PayCertificate{}, err
	}
	notBefore := certNotBefore(pemBytes)
	if serial == "" || got != strings.ToUpper(serial) {
		return PayCertificate{}, fmt.Errorf("%w: certificate serial %s, listed as %.64q", ErrMalformed, got, serial)
	}
	eff, err1 := time.Parse(time.RFC3339, strings.TrimSpace(effective))
	exp, err2 := time.Parse(time.RFC3339, strings.TrimSpace(expire))
	if err1 != nil || err2 != nil || !eff.Before(exp) {
		return PayCertificate{}, fmt.Errorf("%w: effective_time %.40q, expire_time %.40q", ErrMalformed, effective, expire)
	}
	if notAfter.Before(exp) {
		exp = notAfter // the certificate's own validity wins
	}
	if notBefore.After(eff) {
		eff = notBefore
	}
	if !eff.Before(exp) {
		return PayCertificate{}, fmt.Errorf("%w: certificate %s is never valid", ErrMalformed, got)
	}
	return PayCertificate{Serial: got, EffectiveTime: eff, ExpireTime: exp, PEM: pemBytes, Key: key}, nil
}

// certNotBefore returns the NotBefore of a certificate PEM that
// ParseCertificatePEM accepted.
func certNotBefore(pemBytes []byte) time.Time {
	if b, _ := pem.Decode(pemBytes); b != nil {
		if c, err := x509.ParseCertificate(b.Bytes); err == nil {
			return c.NotBefore
		}
	}
	return time.Time{}
}

// verifyAnswer checks the answer's Wechatpay-* signature: timestamp within
// the tolerance, key by Wechatpay-Serial among the answer's certificates in
// force, those held, or the extra keys.
func (s *PayCertificateSource) verifyAnswer(ctx context.Context, h http.Header, body []byte, certs []PayCertificate, now time.Time) error {
	ts, nonce := h.Get(HeaderPayTimestamp), h.Get(HeaderPayNonce)
	sig, serial := h.Get(HeaderPaySignature), h.Get(HeaderPaySerial)
	if ts == "" || nonce == "" || sig == "" || serial == "" {
		return fmt.Errorf("notify: platform certificates answer: %w", ErrMissingSignature)
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("notify: platform certificates answer: %w: timestamp %.20q is not unix seconds", ErrStale, ts)
	}
	if err := checkWindow(sec, now, s.cfg.tolerance); err != nil {
		return fmt.Errorf("notify: platform certificates answer: %w", err)
	}
	var key *rsa.PublicKey
	ns := strings.ToUpper(serial)
	for _, c := range certs {
		if c.Serial == ns && inForce(c, now) {
			key = c.Key
		}
	}
	if key == nil {
		key = s.lookup(serial)
	}
	if key == nil && s.cfg.verify != nil {
		if k, err := s.cfg.verify.PayPublicKey(ctx, serial); err == nil {
			key = k
		}
	}
	if key == nil {
		return fmt.Errorf("notify: platform certificates answer: %w: signed by %.64q, not a certificate in force", ErrUnknownSerial, serial)
	}
	if err := VerifyPayV3Signature(key, ts, nonce, body, sig); err != nil {
		return fmt.Errorf("notify: platform certificates answer: %w", err)
	}
	return nil
}

// authorization returns the Authorization header of a WeChat Pay API v3
// request: WECHATPAY2-SHA256-RSA2048 with mchid, nonce_str, signature,
// timestamp and serial_no, the signature being SHA256withRSA with the
// merchant key over "METHOD\nURL\ntimestamp\nnonce\nbody\n".
func (s *PayCertificateSource) authorization(method, pathQuery, body string, now time.Time) (string, error) {
	var nb [16]byte
	if _, err := rand.Read(nb[:]); err != nil {
		return "", fmt.Errorf("notify: nonce: %w", err)
	}
	nonce := strings.ToUpper(hex.EncodeToString(nb[:]))
	ts := strconv.FormatInt(now.Unix(), 10)
	sig, err := signPayV3Request(s.m.PrivateKey, method, pathQuery, ts, nonce, body)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`%s mchid="%s",nonce_str="%s",signature="%s",timestamp="%s",serial_no="%s"`,
		PaySignatureTypeRSA, s.m.MchID, nonce, sig, ts, s.m.Serial), nil
}

// signPayV3Request signs a request's message with the merchant key.
func signPayV3Request(key *rsa.PrivateKey, method, pathQuery, ts, nonce, body string) (string, error) {
	var b bytes.Buffer
	for _, part := range []string{method, pathQuery, ts, nonce, body} {
		b.WriteString(part)
		b.WriteByte('\n')
	}
	sum := sha256.Sum256(b.Bytes())
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("notify: sign request: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

var _ PayKeySource = (*PayCertificateSource)(nil)
