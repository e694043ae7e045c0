package notifytest

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// Encoder forges valid safe-mode store pushes, as the platform sends them:
// the counterpart of [notify.Verifier]. A Verifier built with the same
// Token, EncodingAESKey and AppID accepts what it encodes (within the
// verifier's timestamp window). It is immutable and safe for concurrent
// use.
type Encoder struct {
	f *forge.Encoder
}

// NewEncoder returns an Encoder for a Token, EncodingAESKey (43 base64
// characters) and AppID: the shop's AppID, or a third-party platform's
// component AppID. An empty token or AppID and a malformed key are errors;
// the error never contains the key.
func NewEncoder(token, encodingAESKey, appID string) (*Encoder, error) {
	f, err := forge.NewEncoder(token, encodingAESKey, appID)
	if err != nil {
		return nil, err
	}
	return &Encoder{f: f}, nil
}

// Encode forges the push of event, signed with timestamp (unix seconds)
// and nonce. event is the plaintext JSON: a []byte or json.RawMessage is
// used as is, anything else (a notify event struct, a map) goes through
// encoding/json. It returns the query the platform puts on the push URL
// (signature, timestamp, nonce, openid when the event has a FromUserName,
// encrypt_type=aes, msg_signature) and the JSON body {"ToUserName",
// "Encrypt"}. The AES random prefix comes from crypto/rand, so two
// encodings of one event differ in Encrypt and msg_signature.
func (e *Encoder) Encode(event any, timestamp, nonce string) (query url.Values, body []byte, err error) {
	return e.f.Encode(event, timestamp, nonce)
}

// NewRequest returns a POST request to target (a URL without query)
// carrying the push of event ([Encoder.Encode]), ready for an http.Handler
// or an http.Client.
func (e *Encoder) NewRequest(target string, event any, timestamp, nonce string) (*http.Request, error) {
	return e.f.NewRequest(target, event, timestamp, nonce)
}

// RequestFunc returns a request builder for [Replay]: attempt n at
// instant at is the push of event to target, signed with at's unix
// timestamp and the nonce "replay"+n, as the platform re-signs each push.
func (e *Encoder) RequestFunc(target string, event any) func(n int, at time.Time) (*http.Request, error) {
	return e.f.RequestFunc(target, event)
}

// EncodeAuthEvent forges a third-party platform's authorisation event
// (授权事件), as the platform posts it to the 授权事件接收URL: the query
// (signature, timestamp, nonce, encrypt_type=aes, msg_signature) and the
// XML body <xml><AppId>…</AppId><Encrypt>…</Encrypt></xml>, whose AppId is
// ev.AppID. The Encoder must be built with the component's Token,
// EncodingAESKey and AppID; [notify.Verifier.ParseAuthEvent] and
// [notify.AuthHandler] accept the result.
func (e *Encoder) EncodeAuthEvent(ev *notify.AuthEvent, timestamp, nonce string) (query url.Values, body []byte, err error) {
	if ev == nil {
		return nil, nil, fmt.Errorf("notifytest: %w", &vcart.FieldError{Field: "ev", Code: "required", Msg: "nil AuthEvent"})
	}
	return e.f.EncodeXML(ev, ev.AppID, timestamp, nonce)
}

// SignPush is a one-shot [Encoder.Encode]: it forges a valid safe-mode
// push of event for the given Token, EncodingAESKey and AppID.
func SignPush(token, encodingAESKey, appID string, event any, timestamp, nonce string) (query url.Values, body []byte, err error) {
	return forge.SignPush(token, encodingAESKey, appID, event, timestamp, nonce)
}
