package notifytest

import (
	"crypto/rsa"
	"net/http"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// PayV3Event describes a WeChat Pay v3 notification for a [PayV3Encoder]
// to forge.
type PayV3Event struct {
	// ID is the notification id (the duplicate key of
	// [notify.PayV3Handler]).
	ID string
	// CreateTime is sent as RFC 3339; the zero time sends "".
	CreateTime time.Time
	// EventType is e.g. "TRANSACTION.SUCCESS" or "REFUND.SUCCESS".
	EventType string
	// Summary is the human summary, e.g. "支付成功".
	Summary string
	// OriginalType and AssociatedData are e.g. "transaction" or "refund".
	OriginalType   string
	AssociatedData string
	// ResourceNonce is the 12-character GCM nonce; empty picks a random one.
	ResourceNonce string
	// Resource is the plaintext resource: a []byte or json.RawMessage as
	// is, anything else (a [notify.Transaction], a [notify.Refund], a map)
	// through encoding/json.
	Resource any
}

// PayV3Encoder forges signed and encrypted WeChat Pay v3 notifications, as
// WeChat Pay sends them: the counterpart of [notify.PayV3Verifier]. It is
// immutable and safe for concurrent use.
type PayV3Encoder struct {
	f *forge.PayV3Encoder
}

// NewPayV3Encoder returns an encoder signing with priv (a test key standing
// for the platform's; give its public key to the verifier under serial)
// under serial (a platform certificate serial or a "PUB_KEY_ID_…" public
// key id), encrypting with the 32-byte APIv3 key. A nil key, an empty
// serial and a key of another length are errors; the error never contains
// the APIv3 key.
func NewPayV3Encoder(priv *rsa.PrivateKey, serial, apiV3Key string) (*PayV3Encoder, error) {
	f, err := forge.NewPayV3Encoder(priv, serial, apiV3Key)
	if err != nil {
		return nil, err
	}
	return &PayV3Encoder{f: f}, nil
}

// Encode returns the headers (Wechatpay-Timestamp, -Nonce, -Serial,
// -Signature-Type, -Signature and Content-Type) and the JSON body of the
// notification ev, its resource encrypted with AEAD_AES_256_GCM and the
// body signed with SHA256withRSA over "timestamp\nnonce\nbody\n".
func (e *PayV3Encoder) Encode(ev PayV3Event, timestamp, nonce string) (http.Header, []byte, error) {
	return e.f.Encode(forge.PayV3Event(ev), timestamp, nonce)
}

// NewRequest returns a POST request to target carrying the notification
// ev ([PayV3Encoder.Encode]).
func (e *PayV3Encoder) NewRequest(target string, ev PayV3Event, timestamp, nonce string) (*http.Request, error) {
	return e.f.NewRequest(target, forge.PayV3Event(ev), timestamp, nonce)
}

// RequestFunc returns a request builder for [Replay]: attempt n at
// instant at is the notification ev to target, signed with at's unix
// timestamp and the nonce "replay"+n.
func (e *PayV3Encoder) RequestFunc(target string, ev PayV3Event) func(n int, at time.Time) (*http.Request, error) {
	return e.f.RequestFunc(target, forge.PayV3Event(ev))
}

// EncryptV2RefundInfo forges the req_info of a legacy v2 refund
// notification: the inverse of [notify.DecryptV2RefundInfo] (AES-256-ECB
// with PKCS#7, keyed with the lower-case hex MD5 of the API key, then
// base64). Put it in a v2 notification built with [notify.EncodeV2XML].
func EncryptV2RefundInfo(plainXML []byte, apiKey string) (string, error) {
	return forge.EncryptV2RefundInfo(plainXML, apiKey)
}
