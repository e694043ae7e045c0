package notify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
)

// Encoder forges valid safe-mode pushes, as the platform sends them: the
// counterpart of [Verifier] for tests and for the fake shop server. It is
// immutable and safe for concurrent use.
type Encoder struct {
	token  string
	cipher *wxcrypto.Cipher
}

// NewEncoder returns an Encoder for a Token, EncodingAESKey and AppID.
func NewEncoder(token, encodingAESKey, appID string) (*Encoder, error) {
	if token == "" {
		return nil, errors.New("notify: empty token")
	}
	c, err := wxcrypto.NewCipher(encodingAESKey, appID)
	if err != nil {
		return nil, fmt.Errorf("notify: %w", err)
	}
	return &Encoder{token: token, cipher: c}, nil
}

// Encode marshals event (a []byte or json.RawMessage is used as is, anything
// else goes through encoding/json), encrypts it and signs it with timestamp
// (unix seconds) and nonce. It returns the query (signature, timestamp,
// nonce, openid when FromUserName is set, encrypt_type=aes, msg_signature)
// and the JSON body {"ToUserName", "Encrypt"}.
func (e *Encoder) Encode(event any, timestamp, nonce string) (url.Values, []byte, error) {
	var plain []byte
	switch ev := event.(type) {
	case []byte:
		plain = ev
	case json.RawMessage:
		plain = ev
	default:
		b, err := json.Marshal(event)
		if err != nil {
			return nil, nil, fmt.Errorf("notify: encode event: %w", err)
		}
		plain = b
	}
	var h Header
	_ = json.Unmarshal(plain, &h) // best effort: ToUserName and openid are cosmetic
	enc, err := e.cipher.Encrypt(nil, plain)
	if err != nil {
		return nil, nil, fmt.Errorf("notify: encrypt event: %w", err)
	}
	body, err := json.Marshal(pushBody{ToUserName: h.ToUserName, Encrypt: enc})
	if err != nil {
		return nil, nil, fmt.Errorf("notify: encode body: %w", err)
	}
	q := url.Values{}
	q.Set("signature", wxcrypto.Signature(e.token, timestamp, nonce))
	q.Set("timestamp", timestamp)
	q.Set("nonce", nonce)
	if h.FromUserName != "" {
		q.Set("openid", h.FromUserName)
	}
	q.Set("encrypt_type", "aes")
	q.Set("msg_signature", wxcrypto.Signature(e.token, timestamp, nonce, enc))
	return q, body, nil
}

// NewRequest returns a POST request to target (a URL without query) carrying
// the encoded push, ready for an http.Handler or an http.Client.
func (e *Encoder) NewRequest(target string, event any, timestamp, nonce string) (*http.Request, error) {
	q, body, err := e.Encode(event, timestamp, nonce)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(target)
	if err != nil {
		return nil, fmt.Errorf("notify: target URL: %w", err)
	}
	u.RawQuery = q.Encode()
	req, err := http.NewRequest(http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("notify: build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

// SignPush is a one-shot [Encoder.Encode]: it forges a valid safe-mode push
// of event for the given Token, EncodingAESKey and AppID.
func SignPush(token, encodingAESKey, appID string, event any, timestamp, nonce string) (query url.Values, body []byte, err error) {
	e, err := NewEncoder(token, encodingAESKey, appID)
	if err != nil {
		return nil, nil, err
	}
	return e.Encode(event, timestamp, nonce)
}

// RequestFunc returns a request builder for [Replay]: attempt n at instant
// at is the push of event to target, signed with at's unix timestamp and a
// nonce derived from n, as the platform re-signs each push.
func (e *Encoder) RequestFunc(target string, event any) func(n int, at time.Time) (*http.Request, error) {
	return func(n int, at time.Time) (*http.Request, error) {
		return e.NewRequest(target, event, strconv.FormatInt(at.Unix(), 10), "replay"+strconv.Itoa(n))
	}
}
