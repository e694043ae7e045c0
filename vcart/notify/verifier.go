package notify

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
)

// DefaultTolerance is the default allowed distance between a push's
// timestamp and the injected clock, in either direction.
const DefaultTolerance = 5 * time.Minute

// DefaultMaxBodyBytes is the default cap on a request body: 1 MiB. Store
// pushes are a few KiB; the cap only bounds memory under abuse.
const DefaultMaxBodyBytes = 1 << 20

// Option configures the package's constructors: [NewVerifier],
// [NewPayV3Verifier], [NewHandler], [NewPayV3Handler],
// [NewPayCertificateSource], [NewMemoryDedupStore]. One option type for the
// package: each constructor uses the options that concern it and ignores
// the others ([WithClock] and [WithLogger] concern several). Options are
// validated: an invalid one makes the constructor return an error.
type Option func(*options) error

type options struct {
	now       func() time.Time
	tolerance time.Duration
	maxBody   int64
	keySource PayKeySource // PayV3Verifier only
	// log is the logger of handlers and the certificate source; nil logs
	// through slog.Default() at the time of logging.
	log      *slog.Logger
	handler  handlerSettings
	payCert  payCertConfig
	dedupMax int // MemoryDedupStore
}

func defaultOptions() options {
	return options{now: time.Now, tolerance: DefaultTolerance, maxBody: DefaultMaxBodyBytes,
		handler: handlerSettings{ttl: DefaultDedupTTL, timeout: DefaultHandlerTimeout, key: DedupKey},
		payCert: payCertConfig{baseURL: DefaultPayAPIBaseURL, hc: &http.Client{Timeout: 30 * time.Second},
			every: DefaultPayCertRefresh, minInterval: DefaultPayCertMinInterval, tolerance: DefaultTolerance},
		dedupMax: DefaultDedupMaxEntries}
}

// applyOptions returns the defaults with opts applied.
func applyOptions(opts []Option) (options, error) {
	o := defaultOptions()
	err := o.apply(opts)
	return o, err
}

func (o *options) apply(opts []Option) error {
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(o); err != nil {
			return err
		}
	}
	return nil
}

// WithClock sets the clock (default time.Now): the one way to inject time
// in this package. A verifier checks the timestamp window against it, a
// certificate source signs requests and decides which certificates are in
// force by it, a memory dedup store expires entries by it. Tests pass a
// fixed instant.
func WithClock(now func() time.Time) Option {
	return func(o *options) error {
		if now == nil {
			return errors.New("notify: nil clock")
		}
		o.now = now
		return nil
	}
}

// WithTolerance sets the allowed distance between the message timestamp and
// the clock, in both directions (default [DefaultTolerance], 5 minutes).
// Zero disables the check; a negative value is an error.
func WithTolerance(d time.Duration) Option {
	return func(o *options) error {
		if d < 0 {
			return fmt.Errorf("notify: negative tolerance %v", d)
		}
		o.tolerance = d
		return nil
	}
}

// WithMaxBodyBytes caps the request body read by Parse (default
// [DefaultMaxBodyBytes]); a larger body fails with [ErrBodyTooLarge].
func WithMaxBodyBytes(n int64) Option {
	return func(o *options) error {
		if n < 1 {
			return fmt.Errorf("notify: body cap must be positive, got %d", n)
		}
		o.maxBody = n
		return nil
	}
}

// WithPayKeySource sets the hook a [PayV3Verifier] consults for a
// Wechatpay-Serial it holds no key for (a [Verifier] ignores it); see
// [PayKeySource]. A nil source is an error.
func WithPayKeySource(src PayKeySource) Option {
	return func(o *options) error {
		if src == nil {
			return errors.New("notify: nil PayKeySource")
		}
		o.keySource = src
		return nil
	}
}

// Verifier verifies and decrypts Channels store message pushes (消息推送,
// safe mode, JSON) for one Token, EncodingAESKey and AppID. It is immutable
// and safe for concurrent use.
type Verifier struct {
	token  string
	cipher *wxcrypto.Cipher
	opts   options
}

// NewVerifier returns a Verifier for the Token and EncodingAESKey configured
// in the store back office and the AppID the plaintexts must end with (the
// shop AppID, or the component AppID of a third-party platform). Errors never
// contain the token or the key.
func NewVerifier(token, encodingAESKey, appID string, opts ...Option) (*Verifier, error) {
	if token == "" {
		return nil, errors.New("notify: empty token")
	}
	c, err := wxcrypto.NewCipher(encodingAESKey, appID)
	if err != nil {
		return nil, fmt.Errorf("notify: %w", err)
	}
	v := &Verifier{token: token, cipher: c, opts: defaultOptions()}
	if err := v.opts.apply(opts); err != nil {
		return nil, err
	}
	return v, nil
}

// Header is the common envelope of every decrypted push (channels-api §4.5).
type Header struct {
	// ToUserName is the shop's original ID (gh_…).
	ToUserName string `json:"ToUserName"`
	// FromUserName is a fixed platform OpenID, or the buyer's OpenID for
	// order events.
	FromUserName string `json:"FromUserName"`
	// CreateTime is the event time in unix seconds.
	CreateTime FlexInt `json:"CreateTime"`
	// MsgType is "event" for store events.
	MsgType string `json:"MsgType"`
	// Event is the event name, such as "channels_ec_order_pay".
	Event string `json:"Event"`
}

// EventName returns the event name, so that every typed event embedding a
// Header satisfies [Event].
func (h *Header) EventName() string { return h.Event }

// EventHeader returns the header itself.
func (h *Header) EventHeader() *Header { return h }

// Message is a verified and decrypted push.
type Message struct {
	Header
	// Plaintext is the decrypted JSON event, exactly as sent.
	Plaintext json.RawMessage
	// Timestamp and Nonce are the signed query parameters.
	Timestamp, Nonce string
	// OpenID is the openid query parameter, when present.
	OpenID string
}

// Decode decodes the plaintext into the typed event registered for its
// name, or an [*UnknownEvent] holding the raw JSON for names the SDK does not
// know. It fails with [ErrMalformed] only when the JSON does not fit.
func (m *Message) Decode() (Event, error) {
	if m.Event == "" {
		return DecodeEvent(m.Plaintext)
	}
	return decodeTyped(m.Header, m.Plaintext)
}

// pushBody is the POST body of a safe-mode push.
type pushBody struct {
	ToUserName string `json:"ToUserName"`
	Encrypt    string `json:"Encrypt"`
}

// VerifyURL checks a GET URL-verification request (signature over token,
// timestamp and nonce) and returns the echostr to answer with. The timestamp
// window is not applied (the platform's configuration check may be slow).
func (v *Verifier) VerifyURL(q url.Values) (echostr string, err error) {
	sig, ts, nonce := q.Get("signature"), q.Get("timestamp"), q.Get("nonce")
	if sig == "" || ts == "" || nonce == "" {
		return "", ErrMissingSignature
	}
	if !wxcrypto.VerifySignature(sig, v.token, ts, nonce) {
		return "", ErrBadSignature
	}
	return q.Get("echostr"), nil
}

// Parse reads a POST push (body capped by [WithMaxBodyBytes]) and calls
// [Verifier.ParseRaw].
func (v *Verifier) Parse(r *http.Request) (*Message, error) {
	body, err := readBody(r, v.opts.maxBody)
	if err != nil {
		return nil, err
	}
	return v.ParseRaw(r.URL.Query(), body)
}

// readBody reads at most limit bytes of r.Body through http.MaxBytesReader.
func readBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil {
		return nil, fmt.Errorf("%w: empty body", ErrMalformed)
	}
	if r.ContentLength > limit {
		return nil, fmt.Errorf("%w: %d bytes, cap %d", ErrBodyTooLarge, r.ContentLength, limit)
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, fmt.Errorf("%w: cap %d bytes", ErrBodyTooLarge, limit)
		}
		return nil, fmt.Errorf("notify: read body: %w", err)
	}
	return body, nil
}

// ParseRaw verifies and decrypts a push given its query and raw body, in
// this order: timestamp window, msg_signature over token, timestamp, nonce
// and Encrypt (constant time; the plain `signature` is never trusted), AES
// decryption with the AppID check, and finally decoding of the header.
func (v *Verifier) ParseRaw(q url.Values, body []byte) (*Message, error) {
	m, err := v.openBody(q, body)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(m.Plaintext, &m.Header); err != nil {
		return nil, fmt.Errorf("%w: plaintext is not a JSON event", ErrMalformed)
	}
	if m.Event == "" {
		return nil, fmt.Errorf("%w: plaintext has no Event", ErrMalformed)
	}
	return m, nil
}

// openBody checks the body cap, decodes the envelope, verifies and
// decrypts: a Message without its Header yet.
func (v *Verifier) openBody(q url.Values, body []byte) (*Message, error) {
	if int64(len(body)) > v.opts.maxBody {
		return nil, fmt.Errorf("%w: %d bytes, cap %d", ErrBodyTooLarge, len(body), v.opts.maxBody)
	}
	pb, err := decodePushBody(body)
	if err != nil {
		return nil, fmt.Errorf("%w: body is not the safe-mode JSON envelope", ErrMalformed)
	}
	if pb.Encrypt == "" {
		return nil, fmt.Errorf("%w: body has no Encrypt field (only safe mode is supported)", ErrMalformed)
	}
	ts, nonce := q.Get("timestamp"), q.Get("nonce")
	plain, err := v.Open(q.Get("msg_signature"), ts, nonce, pb.Encrypt, nil)
	if err != nil {
		return nil, err
	}
	return &Message{Plaintext: plain, Timestamp: ts, Nonce: nonce, OpenID: q.Get("openid")}, nil
}

// ParseEvent is [Verifier.ParseRaw] followed by [Message.Decode], decoding
// the plaintext once instead of twice when the event is in the catalogue.
// A known event whose JSON does not fit its typed struct is returned as an
// [*UnknownEvent] with Err set (never dropped); the error is then nil.
func (v *Verifier) ParseEvent(q url.Values, body []byte) (*Message, Event, error) {
	m, err := v.openBody(q, body)
	if err != nil {
		return nil, nil, err
	}
	plain := m.Plaintext
	// Fast path: guess the name, decode straight into its typed struct and
	// confirm the guess from the decoded header.
	if name := guessEventName(plain); name != "" {
		if ev := NewEvent(name); ev != nil {
			if err := json.Unmarshal(plain, ev); err == nil && ev.EventName() == name {
				m.Header = *ev.EventHeader()
				return m, ev, nil
			}
		}
	}
	if err := json.Unmarshal(plain, &m.Header); err != nil {
		return nil, nil, fmt.Errorf("%w: plaintext is not a JSON event", ErrMalformed)
	}
	if m.Event == "" {
		return nil, nil, fmt.Errorf("%w: plaintext has no Event", ErrMalformed)
	}
	ev, err := m.Decode()
	if err != nil {
		ev = &UnknownEvent{Header: m.Header, Raw: m.Plaintext, Err: err}
	}
	return m, ev, nil
}

// guessEventName returns the value of the first `"Event":"…"` in plain, or
// "" when it has another shape. It is only a guess: the caller confirms it.
func guessEventName(plain []byte) string {
	i := bytes.Index(plain, []byte(`"Event"`))
	if i < 0 {
		return ""
	}
	j := skipWS(plain, i+len(`"Event"`))
	if j >= len(plain) || plain[j] != ':' {
		return ""
	}
	name, _, ok := scanString(plain, skipWS(plain, j+1))
	if !ok {
		return ""
	}
	return name
}

// Open is the verify-and-decrypt core of [Verifier.ParseRaw]: it checks the
// timestamp window and msg_signature, then decrypts encrypt and checks the
// AppID. buf, when large enough, is used as scratch space and the result
// aliases it (pass nil to allocate).
func (v *Verifier) Open(msgSignature, timestamp, nonce, encrypt string, buf []byte) ([]byte, error) {
	if msgSignature == "" || timestamp == "" || nonce == "" {
		return nil, ErrMissingSignature
	}
	if err := v.checkTimestamp(timestamp); err != nil {
		return nil, err
	}
	if !wxcrypto.VerifySignature(msgSignature, v.token, timestamp, nonce, encrypt) {
		return nil, ErrBadSignature
	}
	if buf == nil {
		buf = make([]byte, base64.StdEncoding.DecodedLen(len(encrypt)))
	}
	plain, err := v.cipher.DecryptTo(buf, encrypt)
	if err != nil {
		if errors.Is(err, wxcrypto.ErrAppID) {
			return nil, ErrAppIDMismatch
		}
		return nil, fmt.Errorf("%w: %w", ErrDecrypt, err)
	}
	return plain, nil
}

func (v *Verifier) checkTimestamp(ts string) error {
	if v.opts.tolerance == 0 {
		return nil
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %.20q is not unix seconds", ErrStale, ts)
	}
	return checkWindow(sec, v.opts.now(), v.opts.tolerance)
}

// checkWindow reports [ErrStale] unless the instant sec (unix seconds) lies
// within [now-tol, now+tol]. It compares instants and never computes the
// distance between them: time.Unix(sec, 0) for an extreme sec wraps, and a
// Sub of far-apart instants saturates, so "now.Sub(at) > tol" let a stamp
// centuries ahead through. Whole seconds are compared first, as integers,
// so the only time.Unix call is on a second next to the window's bounds.
func checkWindow(sec int64, now time.Time, tol time.Duration) error {
	lo, hi := now.Add(-tol), now.Add(tol)
	// lo.Unix() and hi.Unix() floor: sec < floor(lo) is before lo, and
	// sec > floor(hi) is at least floor(hi)+1, after hi.
	if sec < lo.Unix() || sec > hi.Unix() || time.Unix(sec, 0).Before(lo) {
		return fmt.Errorf("%w: timestamp %d is outside %v of the clock", ErrStale, sec, tol)
	}
	return nil
}

// Reply is an encrypted reply to a push (most events only need the plain
// answer "success"): {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}.
type Reply struct {
	Encrypt      string `json:"Encrypt"`
	MsgSignature string `json:"MsgSignature"`
	TimeStamp    int64  `json:"TimeStamp"`
	Nonce        string `json:"Nonce"`
}

// EncryptReply encrypts msg for the platform and signs it with the given
// unix timestamp and nonce (random prefix from crypto/rand).
func (v *Verifier) EncryptReply(msg []byte, timestamp int64, nonce string) (*Reply, error) {
	enc, err := v.cipher.Encrypt(nil, msg)
	if err != nil {
		return nil, fmt.Errorf("notify: encrypt reply: %w", err)
	}
	ts := strconv.FormatInt(timestamp, 10)
	return &Reply{Encrypt: enc, MsgSignature: wxcrypto.Signature(v.token, ts, nonce, enc), TimeStamp: timestamp, Nonce: nonce}, nil
}
