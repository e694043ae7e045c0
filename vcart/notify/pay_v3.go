package notify

import (
	"context"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// WeChat Pay v3 notification headers and constants.
const (
	HeaderPayTimestamp     = "Wechatpay-Timestamp"
	HeaderPayNonce         = "Wechatpay-Nonce"
	HeaderPaySignature     = "Wechatpay-Signature"
	HeaderPaySerial        = "Wechatpay-Serial"
	HeaderPaySignatureType = "Wechatpay-Signature-Type"
	// PaySignatureTypeRSA is the only signature type accepted (also the
	// default when the header is absent).
	PaySignatureTypeRSA = "WECHATPAY2-SHA256-RSA2048"
	// PayAlgorithmAESGCM is the only resource algorithm accepted.
	PayAlgorithmAESGCM = "AEAD_AES_256_GCM"
	// PaySignTestPrefix marks the platform's deliberate bad-signature probes.
	PaySignTestPrefix = "WECHATPAY/SIGNTEST/"
	// PayPublicKeyIDPrefix marks a WeChat Pay public-key ID (as opposed to a
	// platform certificate serial) in Wechatpay-Serial.
	PayPublicKeyIDPrefix = "PUB_KEY_ID_"
)

// PayV3Verifier verifies and decrypts WeChat Pay API v3 notifications
// (回调通知). Its configuration is immutable; keys learnt through a
// [PayKeySource] are cached. It is safe for concurrent use.
type PayV3Verifier struct {
	keys    map[string]*rsa.PublicKey
	learned sync.Map // normalised serial → *rsa.PublicKey from opts.keySource
	aead    cipher.AEAD
	opts    options
}

// PayKeySource supplies the platform public key for a Wechatpay-Serial that
// a [PayV3Verifier] does not hold, typically by downloading the platform
// certificates again (pay-fees reference §4.2: WeChat Pay rotates
// certificates and a notification signed with a new one arrives with an
// unknown serial). Configure it with [WithPayKeySource].
//
// PayPublicKey returns the key for serial, or an error wrapping
// [ErrUnknownSerial] when the platform does not know the serial either
// (answered 403). Any other error (the download failed) is answered 500, so
// WeChat Pay retries the notification. A key returned is cached by the
// verifier for good, except from a [*PayCertificateSource], whose
// certificates expire and which is asked each time (a map look-up). The
// serial comes from an unauthenticated header: an
// implementation must rate-limit its downloads (at most one per minute,
// say) rather than fetch once per request. It must be safe for concurrent
// use and honour ctx.
type PayKeySource interface {
	PayPublicKey(ctx context.Context, serial string) (*rsa.PublicKey, error)
}

// NewPayV3Verifier returns a verifier for the 32-byte APIv3 key (APIv3密钥)
// and the platform keys by Wechatpay-Serial: platform certificate serials
// (matched case-insensitively) and/or WeChat Pay public-key IDs
// ("PUB_KEY_ID_…"); configure both while migrating. Options: [WithClock],
// [WithTolerance] (5 minutes by default), [WithMaxBodyBytes],
// [WithPayKeySource] (keys may then be empty). Errors never contain the
// APIv3 key.
func NewPayV3Verifier(apiV3Key string, keys map[string]*rsa.PublicKey, opts ...Option) (*PayV3Verifier, error) {
	if len(apiV3Key) != 32 {
		return nil, fmt.Errorf("notify: APIv3 key must be 32 bytes, got %d", len(apiV3Key))
	}
	aead, err := newGCM([]byte(apiV3Key))
	if err != nil {
		return nil, err
	}
	v := &PayV3Verifier{keys: make(map[string]*rsa.PublicKey, len(keys)), aead: aead, opts: defaultOptions()}
	if err := v.opts.apply(opts); err != nil {
		return nil, err
	}
	if len(keys) == 0 && v.opts.keySource == nil {
		return nil, errors.New("notify: no WeChat Pay platform key and no PayKeySource")
	}
	for serial, k := range keys {
		if k == nil || serial == "" {
			return nil, fmt.Errorf("notify: empty serial or nil key for %q", serial)
		}
		v.keys[normSerial(serial)] = k
	}
	return v, nil
}

// key returns the platform key for serial: a configured one, one learnt
// earlier, or one from the PayKeySource (then cached).
func (v *PayV3Verifier) key(ctx context.Context, serial string) (*rsa.PublicKey, error) {
	ns := normSerial(serial)
	if k, ok := v.keys[ns]; ok {
		return k, nil
	}
	if k, ok := v.learned.Load(ns); ok {
		return k.(*rsa.PublicKey), nil
	}
	src := v.opts.keySource
	if src == nil || len(serial) > 128 {
		return nil, fmt.Errorf("%w: %.64q", ErrUnknownSerial, serial)
	}
	k, err := src.PayPublicKey(ctx, serial)
	_, uncached := src.(interface{ uncachedPayKeys() })
	switch {
	case errors.Is(err, ErrUnknownSerial):
		return nil, fmt.Errorf("%w: %.64q (not known to the key source either)", ErrUnknownSerial, serial)
	case err != nil:
		return nil, fmt.Errorf("notify: key source for serial %.64q: %w", serial, err)
	case k == nil:
		return nil, fmt.Errorf("%w: %.64q (the key source returned no key)", ErrUnknownSerial, serial)
	}
	if !uncached { // a certificate source's keys expire: ask it each time
		v.learned.Store(ns, k)
	}
	return k, nil
}

// VerifyMessage checks a base64 SHA256withRSA signature over message with
// the platform key of serial (configured or from the [PayKeySource]), for
// messages other than notifications, e.g. a response's
// "timestamp\nnonce\nbody\n". It fails with [ErrUnknownSerial] or
// [ErrBadSignature] (and [ErrSignTest] for a probe).
func (v *PayV3Verifier) VerifyMessage(ctx context.Context, serial string, message []byte, signature string) error {
	key, err := v.key(ctx, serial)
	if err != nil {
		return err
	}
	return VerifySHA256WithRSA(key, message, signature)
}

func normSerial(s string) string {
	if strings.HasPrefix(s, PayPublicKeyIDPrefix) {
		return s
	}
	return strings.ToUpper(s)
}

func newGCM(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, errors.New("notify: invalid AES key size")
	}
	g, err := cipher.NewGCM(b)
	if err != nil {
		return nil, errors.New("notify: cannot create GCM")
	}
	return g, nil
}

// ParsePublicKeyPEM parses a WeChat Pay public key ("PUBLIC KEY" PEM, from
// 商户平台 → API安全) or the public key of a "CERTIFICATE" PEM.
func ParsePublicKeyPEM(data []byte) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("%w: no PEM block", ErrMalformed)
	}
	var pub any
	switch block.Type {
	case "CERTIFICATE":
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%w: certificate: %w", ErrMalformed, err)
		}
		pub = cert.PublicKey
	default:
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%w: public key: %w", ErrMalformed, err)
		}
		pub = k
	}
	rk, ok := pub.(*rsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("%w: not an RSA key (%T)", ErrMalformed, pub)
	}
	return rk, nil
}

// ParseCertificatePEM parses a WeChat Pay platform certificate (平台证书,
// "CERTIFICATE" PEM, as downloaded from /v3/certificates and decrypted) and
// returns its serial in the upper-case hex form Wechatpay-Serial uses, its
// RSA public key and its expiry. Keep every unexpired certificate: the
// platform signs with a new one up to 5 days before the old one expires.
func ParseCertificatePEM(data []byte) (serial string, key *rsa.PublicKey, notAfter time.Time, err error) {
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "CERTIFICATE" {
		return "", nil, time.Time{}, fmt.Errorf("%w: no CERTIFICATE PEM block", ErrMalformed)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return "", nil, time.Time{}, fmt.Errorf("%w: certificate: %w", ErrMalformed, err)
	}
	rk, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return "", nil, time.Time{}, fmt.Errorf("%w: not an RSA certificate (%T)", ErrMalformed, cert.PublicKey)
	}
	return strings.ToUpper(cert.SerialNumber.Text(16)), rk, cert.NotAfter, nil
}

// PayResource is the encrypted resource of a v3 notification.
type PayResource struct {
	OriginalType   string `json:"original_type"`
	Algorithm      string `json:"algorithm"`
	Ciphertext     string `json:"ciphertext"`
	AssociatedData string `json:"associated_data"`
	Nonce          string `json:"nonce"`
}

// PayNotification is a verified and decrypted v3 notification.
type PayNotification struct {
	ID           string      `json:"id"`
	CreateTime   string      `json:"create_time"`
	EventType    string      `json:"event_type"`
	ResourceType string      `json:"resource_type"`
	Summary      string      `json:"summary"`
	Resource     PayResource `json:"resource"`
	// Plaintext is the decrypted resource JSON.
	Plaintext json.RawMessage `json:"-"`
	// Serial is the Wechatpay-Serial that verified it.
	Serial string `json:"-"`
}

// PayAmount is the amount block of a transaction, in fen.
type PayAmount struct {
	Total         int64  `json:"total"`
	PayerTotal    int64  `json:"payer_total"`
	Currency      string `json:"currency"`
	PayerCurrency string `json:"payer_currency"`
}

// TotalMoney returns Total as a [vcart.Money] (CNY).
func (a PayAmount) TotalMoney() vcart.Money { return vcart.FromFen(a.Total) }

// Transaction is the decrypted resource of TRANSACTION.SUCCESS (支付成功).
// Compare Amount.Total, MchID and AppID with the stored order before
// trusting it.
type Transaction struct {
	AppID          string `json:"appid"`
	MchID          string `json:"mchid"`
	OutTradeNo     string `json:"out_trade_no"`
	TransactionID  string `json:"transaction_id"`
	TradeType      string `json:"trade_type"`
	TradeState     string `json:"trade_state"`
	TradeStateDesc string `json:"trade_state_desc"`
	BankType       string `json:"bank_type"`
	Attach         string `json:"attach"`
	SuccessTime    string `json:"success_time"`
	Payer          struct {
		OpenID string `json:"openid"`
	} `json:"payer"`
	Amount    PayAmount `json:"amount"`
	SceneInfo struct {
		DeviceID string `json:"device_id"`
	} `json:"scene_info"`
	PromotionDetail []json.RawMessage `json:"promotion_detail,omitempty"`
}

// Refund is the decrypted resource of REFUND.SUCCESS, REFUND.ABNORMAL and
// REFUND.CLOSED (退款结果); amounts in fen.
type Refund struct {
	MchID               string `json:"mchid"`
	TransactionID       string `json:"transaction_id"`
	OutTradeNo          string `json:"out_trade_no"`
	RefundID            string `json:"refund_id"`
	OutRefundNo         string `json:"out_refund_no"`
	RefundStatus        string `json:"refund_status"`
	SuccessTime         string `json:"success_time"`
	UserReceivedAccount string `json:"user_received_account"`
	Amount              struct {
		Total       int64 `json:"total"`
		Refund      int64 `json:"refund"`
		PayerTotal  int64 `json:"payer_total"`
		PayerRefund int64 `json:"payer_refund"`
	} `json:"amount"`
}

// Transaction decodes the plaintext as a [Transaction].
func (n *PayNotification) Transaction() (*Transaction, error) {
	var t Transaction
	if err := json.Unmarshal(n.Plaintext, &t); err != nil {
		return nil, fmt.Errorf("%w: transaction: %w", ErrMalformed, err)
	}
	return &t, nil
}

// Refund decodes the plaintext as a [Refund].
func (n *PayNotification) Refund() (*Refund, error) {
	var r Refund
	if err := json.Unmarshal(n.Plaintext, &r); err != nil {
		return nil, fmt.Errorf("%w: refund: %w", ErrMalformed, err)
	}
	return &r, nil
}

// Parse reads a notification (body capped by [WithMaxBodyBytes]) and
// verifies it like [PayV3Verifier.ParseRaw], passing the request's context
// to the [PayKeySource].
func (v *PayV3Verifier) Parse(r *http.Request) (*PayNotification, error) {
	body, err := readBody(r, v.opts.maxBody)
	if err != nil {
		return nil, err
	}
	return v.parseRaw(r.Context(), r.Header, body)
}

// ParseRaw verifies and decrypts a notification from its headers and raw
// body, in this order: headers present, SIGNTEST probe rejected, signature
// type, timestamp within the tolerance (two-sided), key by Wechatpay-Serial,
// SHA256withRSA over "timestamp\nnonce\nbody\n", then JSON decoding of the
// envelope, the algorithm check and AES-256-GCM decryption.
// An unknown serial is looked up through the [PayKeySource], if any, with
// a background context.
func (v *PayV3Verifier) ParseRaw(h http.Header, body []byte) (*PayNotification, error) {
	return v.parseRaw(context.Background(), h, body)
}

func (v *PayV3Verifier) parseRaw(ctx context.Context, h http.Header, body []byte) (*PayNotification, error) {
	if int64(len(body)) > v.opts.maxBody {
		return nil, fmt.Errorf("%w: %d bytes, cap %d", ErrBodyTooLarge, len(body), v.opts.maxBody)
	}
	ts, nonce := h.Get(HeaderPayTimestamp), h.Get(HeaderPayNonce)
	sig, serial := h.Get(HeaderPaySignature), h.Get(HeaderPaySerial)
	if ts == "" || nonce == "" || sig == "" || serial == "" {
		return nil, ErrMissingSignature
	}
	if strings.HasPrefix(sig, PaySignTestPrefix) {
		return nil, fmt.Errorf("%w: %w", ErrBadSignature, ErrSignTest)
	}
	if st := h.Get(HeaderPaySignatureType); st != "" && st != PaySignatureTypeRSA {
		return nil, fmt.Errorf("%w: unsupported signature type %.40q", ErrBadSignature, st)
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%w: timestamp %.20q is not unix seconds", ErrStale, ts)
	}
	if v.opts.tolerance > 0 {
		if err := checkWindow(sec, v.opts.now(), v.opts.tolerance); err != nil {
			return nil, err
		}
	}
	key, err := v.key(ctx, serial)
	if err != nil {
		return nil, err
	}
	if err := VerifyPayV3Signature(key, ts, nonce, body, sig); err != nil {
		return nil, err
	}
	n := &PayNotification{Serial: serial}
	if err := json.Unmarshal(body, n); err != nil {
		return nil, fmt.Errorf("%w: envelope: %w", ErrMalformed, err)
	}
	plain, err := decryptResource(v.aead, n.Resource)
	if err != nil {
		return nil, err
	}
	n.Plaintext = plain
	return n, nil
}

// VerifyPayV3Signature checks a base64 SHA256withRSA (PKCS#1 v1.5)
// signature over "timestamp\nnonce\nbody\n". A `WECHATPAY/SIGNTEST/` probe
// fails with [ErrSignTest] (and [ErrBadSignature]).
func VerifyPayV3Signature(key *rsa.PublicKey, timestamp, nonce string, body []byte, signature string) error {
	return verifyDigest(key, payV3Digest(timestamp, nonce, body), signature)
}

// VerifySHA256WithRSA checks a base64 SHA256withRSA (PKCS#1 v1.5)
// signature over any message (WeChat Pay signs notifications, responses
// and, with the merchant key, JSAPI/APP paySign strings this way). A
// `WECHATPAY/SIGNTEST/` probe fails with [ErrSignTest] (and
// [ErrBadSignature]).
func VerifySHA256WithRSA(key *rsa.PublicKey, message []byte, signature string) error {
	return verifyDigest(key, sha256.Sum256(message), signature)
}

func verifyDigest(key *rsa.PublicKey, sum [sha256.Size]byte, signature string) error {
	if strings.HasPrefix(signature, PaySignTestPrefix) {
		return fmt.Errorf("%w: %w", ErrBadSignature, ErrSignTest)
	}
	if key == nil {
		return fmt.Errorf("%w: nil key", ErrBadSignature)
	}
	raw, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return fmt.Errorf("%w: signature is not base64", ErrBadSignature)
	}
	if err := rsa.VerifyPKCS1v15(key, crypto.SHA256, sum[:], raw); err != nil {
		return ErrBadSignature
	}
	return nil
}

func payV3Digest(timestamp, nonce string, body []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(timestamp))
	h.Write([]byte{'\n'})
	h.Write([]byte(nonce))
	h.Write([]byte{'\n'})
	h.Write(body)
	h.Write([]byte{'\n'})
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// openGCM decrypts a resource: nonce and associated data as bytes, the
// ciphertext base64(ct ‖ 16-byte tag).
func openGCM(aead cipher.AEAD, r PayResource) ([]byte, error) {
	if len(r.Nonce) != aead.NonceSize() {
		return nil, fmt.Errorf("%w: nonce must be %d bytes, got %d", ErrDecrypt, aead.NonceSize(), len(r.Nonce))
	}
	ct, err := base64.StdEncoding.DecodeString(r.Ciphertext)
	if err != nil {
		return nil, fmt.Errorf("%w: ciphertext is not base64", ErrDecrypt)
	}
	if len(ct) < aead.Overhead() {
		return nil, fmt.Errorf("%w: ciphertext shorter than the tag", ErrDecrypt)
	}
	plain, err := aead.Open(ct[:0], []byte(r.Nonce), ct, []byte(r.AssociatedData))
	if err != nil {
		return nil, fmt.Errorf("%w: authentication failed", ErrDecrypt)
	}
	return plain, nil
}

// PayV3Func handles one verified payment notification. Returning an error
// answers a failure so that WeChat Pay retries. It must honour ctx.
type PayV3Func func(ctx context.Context, n *PayNotification) error

// PayV3Handler is the http.Handler of a v3 notify_url. It verifies and
// decrypts with a [PayV3Verifier], suppresses duplicates by notification id
// (key "wxpay:" + id) through the [DedupStore], runs fn synchronously under
// the handler deadline (4 s by default, inside the 5-second budget) and
// answers the response contract: 200 {"code":"SUCCESS","message":"成功"} when
// fn succeeded or the notification is a duplicate; 4xx or 5xx with
// {"code":"FAIL","message":…} otherwise (403 for any verification failure,
// including SIGNTEST probes; 500 when fn fails; 503 on timeout).
type PayV3Handler struct {
	v   *PayV3Verifier
	fn  PayV3Func
	cfg *handlerConfig
}

// NewPayV3Handler returns a PayV3Handler. [WithDedupKey] does not apply.
func NewPayV3Handler(v *PayV3Verifier, fn PayV3Func, opts ...Option) (*PayV3Handler, error) {
	if v == nil || fn == nil {
		return nil, errors.New("notify: nil PayV3Verifier or handler")
	}
	cfg, err := newHandlerConfig(opts)
	if err != nil {
		return nil, err
	}
	return &PayV3Handler{v: v, fn: fn, cfg: cfg}, nil
}

type payV3Answer struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ServeHTTP implements http.Handler.
func (p *PayV3Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writePayV3(w, http.StatusMethodNotAllowed, "FAIL", "method not allowed")
		return
	}
	n, err := p.v.Parse(r)
	if err == nil {
		err = p.cfg.run(r.Context(), payDedupKey(n), n.EventType, func(ctx context.Context) error {
			return p.fn(ctx, n)
		})
	}
	if err != nil {
		status := StatusFor(err)
		p.cfg.logger().LogAttrs(r.Context(), slog.LevelWarn, "notify: payment notification rejected",
			slog.Int("status", status), slog.String("error", err.Error()))
		writePayV3(w, status, "FAIL", payV3Reason(err))
		return
	}
	writePayV3(w, http.StatusOK, "SUCCESS", "成功")
}

// payDedupKey is "wxpay:" + the notification id, or a digest of the
// decrypted resource when a sender leaves id empty.
func payDedupKey(n *PayNotification) string {
	if n.ID != "" {
		return "wxpay:" + n.ID
	}
	sum := sha256.Sum256(n.Plaintext)
	return "wxpay:" + n.EventType + ":" + hex.EncodeToString(sum[:16])
}

// payV3Reason is the short, secret-free failure message of the answer.
func payV3Reason(err error) string {
	switch {
	case errors.Is(err, ErrSignTest):
		return "signature test probe rejected"
	case errors.Is(err, ErrStale):
		return "timestamp expired"
	case errors.Is(err, ErrUnknownSerial):
		return "unknown Wechatpay-Serial"
	case StatusFor(err) == http.StatusForbidden:
		return "signature verification failed"
	case errors.Is(err, ErrBodyTooLarge), errors.Is(err, ErrMalformed):
		return "bad request"
	case errors.Is(err, ErrHandlerTimeout), errors.Is(err, ErrInFlight):
		return "busy, retry later"
	}
	return "processing failed"
}

func writePayV3(w http.ResponseWriter, status int, code, msg string) {
	b, _ := json.Marshal(payV3Answer{Code: code, Message: msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
