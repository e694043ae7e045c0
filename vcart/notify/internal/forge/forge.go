// Package forge builds store pushes, authorisation events and WeChat Pay
// notifications exactly as the platform sends them. It is the
// implementation behind vcart/notify/notifytest, kept internal so that
// notify's own in-package tests can use it as well: they cannot import
// notifytest, which imports notify. It writes the wire shapes itself and
// never reaches into notify; notify's tests and notifytest's check that
// notify's verifiers accept what it writes.
package forge

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// invalid is the error of a bad argument: a [vcart.FieldError] naming it,
// behind the notifytest prefix (the package users see).
func invalid(field, code, msg string) error {
	return fmt.Errorf("notifytest: %w", &vcart.FieldError{Field: field, Code: code, Msg: msg})
}

// Encoder forges safe-mode store pushes and authorisation events.
type Encoder struct {
	token  string
	cipher *wxcrypto.Cipher
}

// NewEncoder returns an Encoder for a Token, EncodingAESKey and AppID.
func NewEncoder(token, encodingAESKey, appID string) (*Encoder, error) {
	if token == "" {
		return nil, invalid("token", "required", "empty Token")
	}
	if appID == "" {
		return nil, invalid("appID", "required", "empty AppID")
	}
	c, err := wxcrypto.NewCipher(encodingAESKey, appID)
	if err != nil { // never the key itself in the message
		return nil, invalid("encodingAESKey", "format", fmt.Sprintf("must be %d base64 characters for 32 bytes", wxcrypto.EncodingAESKeyLen))
	}
	return &Encoder{token: token, cipher: c}, nil
}

// plaintext is event as bytes: a []byte or json.RawMessage as is,
// anything else through encoding/json.
func plaintext(event any, what string) ([]byte, error) {
	switch ev := event.(type) {
	case []byte:
		return ev, nil
	case json.RawMessage:
		return ev, nil
	}
	b, err := json.Marshal(event)
	if err != nil {
		return nil, fmt.Errorf("notifytest: encode %s: %w", what, err)
	}
	return b, nil
}

// seal encrypts plain and returns the Encrypt field and the query the
// platform sends with it (openid only when set).
func (e *Encoder) seal(plain []byte, openID, timestamp, nonce, what string) (string, url.Values, error) {
	enc, err := e.cipher.Encrypt(nil, plain)
	if err != nil {
		return "", nil, fmt.Errorf("notifytest: encrypt %s: %w", what, err)
	}
	q := url.Values{}
	q.Set("signature", wxcrypto.Signature(e.token, timestamp, nonce))
	q.Set("timestamp", timestamp)
	q.Set("nonce", nonce)
	if openID != "" {
		q.Set("openid", openID)
	}
	q.Set("encrypt_type", "aes")
	q.Set("msg_signature", wxcrypto.Signature(e.token, timestamp, nonce, enc))
	return enc, q, nil
}

// Encode forges the push of a JSON event: its query and the body
// {"ToUserName", "Encrypt"}.
func (e *Encoder) Encode(event any, timestamp, nonce string) (url.Values, []byte, error) {
	plain, err := plaintext(event, "event")
	if err != nil {
		return nil, nil, err
	}
	var h struct{ ToUserName, FromUserName string }
	_ = json.Unmarshal(plain, &h) // best effort: ToUserName and openid are cosmetic
	enc, q, err := e.seal(plain, h.FromUserName, timestamp, nonce, "event")
	if err != nil {
		return nil, nil, err
	}
	body, err := json.Marshal(struct{ ToUserName, Encrypt string }{h.ToUserName, enc})
	if err != nil {
		return nil, nil, fmt.Errorf("notifytest: encode body: %w", err)
	}
	return q, body, nil
}

// EncodeXML forges an authorisation event: ev is marshalled with
// encoding/xml, and the body is <xml><AppId>appID</AppId><Encrypt>…</Encrypt></xml>.
func (e *Encoder) EncodeXML(ev any, appID, timestamp, nonce string) (url.Values, []byte, error) {
	plain, err := xml.Marshal(ev)
	if err != nil {
		return nil, nil, fmt.Errorf("notifytest: encode authorisation event: %w", err)
	}
	enc, q, err := e.seal(plain, "", timestamp, nonce, "authorisation event")
	if err != nil {
		return nil, nil, err
	}
	body, err := xml.Marshal(struct {
		XMLName xml.Name `xml:"xml"`
		AppID   string   `xml:"AppId"`
		Encrypt string   `xml:"Encrypt"`
	}{AppID: appID, Encrypt: enc})
	if err != nil {
		return nil, nil, fmt.Errorf("notifytest: encode authorisation body: %w", err)
	}
	return q, body, nil
}

// NewRequest is the POST to target (a URL without query) of the pushed event.
func (e *Encoder) NewRequest(target string, event any, timestamp, nonce string) (*http.Request, error) {
	q, body, err := e.Encode(event, timestamp, nonce)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(target)
	if err != nil {
		return nil, invalid("target", "url", "not a URL")
	}
	u.RawQuery = q.Encode()
	return post(u.String(), http.Header{"Content-Type": {"application/json"}}, body)
}

// RequestFunc re-signs event for each attempt n at instant at.
func (e *Encoder) RequestFunc(target string, event any) func(n int, at time.Time) (*http.Request, error) {
	return func(n int, at time.Time) (*http.Request, error) {
		return e.NewRequest(target, event, strconv.FormatInt(at.Unix(), 10), "replay"+strconv.Itoa(n))
	}
}

// SignPush is NewEncoder then Encode.
func SignPush(token, encodingAESKey, appID string, event any, timestamp, nonce string) (url.Values, []byte, error) {
	e, err := NewEncoder(token, encodingAESKey, appID)
	if err != nil {
		return nil, nil, err
	}
	return e.Encode(event, timestamp, nonce)
}

func post(target string, h http.Header, body []byte) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return nil, invalid("target", "url", "cannot build a request to it")
	}
	maps.Copy(req.Header, h)
	return req, nil
}

// PayV3Event is a v3 notification to forge (notifytest documents it).
type PayV3Event struct {
	ID             string
	CreateTime     time.Time
	EventType      string
	Summary        string
	OriginalType   string
	AssociatedData string
	ResourceNonce  string
	Resource       any
}

// The wire shape of a v3 notification (notify.PayNotification's fields).
type payResource struct {
	OriginalType   string `json:"original_type"`
	Algorithm      string `json:"algorithm"`
	Ciphertext     string `json:"ciphertext"`
	AssociatedData string `json:"associated_data"`
	Nonce          string `json:"nonce"`
}

type payEnvelope struct {
	ID           string      `json:"id"`
	CreateTime   string      `json:"create_time"`
	EventType    string      `json:"event_type"`
	ResourceType string      `json:"resource_type"`
	Summary      string      `json:"summary"`
	Resource     payResource `json:"resource"`
}

// PayV3Encoder forges signed and encrypted v3 notifications.
type PayV3Encoder struct {
	priv   *rsa.PrivateKey
	serial string
	aead   cipher.AEAD
}

// NewPayV3Encoder returns an encoder signing with priv under serial and
// encrypting with the 32-byte APIv3 key.
func NewPayV3Encoder(priv *rsa.PrivateKey, serial, apiV3Key string) (*PayV3Encoder, error) {
	switch {
	case priv == nil:
		return nil, invalid("priv", "required", "nil private key")
	case serial == "":
		return nil, invalid("serial", "required", "empty serial")
	case len(apiV3Key) != 32:
		return nil, invalid("apiV3Key", "length", fmt.Sprintf("APIv3 key must be 32 bytes, got %d", len(apiV3Key)))
	}
	b, err := aes.NewCipher([]byte(apiV3Key))
	if err != nil {
		return nil, fmt.Errorf("notifytest: APIv3 key: %w", err)
	}
	aead, err := cipher.NewGCM(b)
	if err != nil {
		return nil, fmt.Errorf("notifytest: GCM: %w", err)
	}
	return &PayV3Encoder{priv: priv, serial: serial, aead: aead}, nil
}

// Encode returns the headers and body of ev signed with timestamp and nonce.
func (e *PayV3Encoder) Encode(ev PayV3Event, timestamp, nonce string) (http.Header, []byte, error) {
	plain, err := plaintext(ev.Resource, "resource")
	if err != nil {
		return nil, nil, err
	}
	rn := ev.ResourceNonce
	if rn == "" {
		var b [6]byte
		_, _ = rand.Read(b[:]) // never fails (crypto/rand)
		rn = hex.EncodeToString(b[:])
	}
	if len(rn) != e.aead.NonceSize() {
		return nil, nil, invalid("ResourceNonce", "length", fmt.Sprintf("must be %d bytes, got %d", e.aead.NonceSize(), len(rn)))
	}
	ct := e.aead.Seal(nil, []byte(rn), plain, []byte(ev.AssociatedData))
	env := payEnvelope{
		ID: ev.ID, EventType: ev.EventType, ResourceType: "encrypt-resource", Summary: ev.Summary,
		Resource: payResource{
			OriginalType: ev.OriginalType, Algorithm: "AEAD_AES_256_GCM",
			Ciphertext: base64.StdEncoding.EncodeToString(ct), AssociatedData: ev.AssociatedData, Nonce: rn,
		},
	}
	if !ev.CreateTime.IsZero() {
		env.CreateTime = ev.CreateTime.Format(time.RFC3339)
	}
	body, err := json.Marshal(env)
	if err != nil {
		return nil, nil, fmt.Errorf("notifytest: encode envelope: %w", err)
	}
	// WeChat Pay signs "timestamp\nnonce\nbody\n" with SHA256withRSA.
	sum := sha256.Sum256(slices.Concat([]byte(timestamp+"\n"+nonce+"\n"), body, []byte("\n")))
	sig, err := rsa.SignPKCS1v15(nil, e.priv, crypto.SHA256, sum[:])
	if err != nil {
		return nil, nil, fmt.Errorf("notifytest: sign: %w", err)
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("Wechatpay-Timestamp", timestamp)
	h.Set("Wechatpay-Nonce", nonce)
	h.Set("Wechatpay-Serial", e.serial)
	h.Set("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
	h.Set("Wechatpay-Signature", base64.StdEncoding.EncodeToString(sig))
	return h, body, nil
}

// NewRequest is the POST to target of the notification ev.
func (e *PayV3Encoder) NewRequest(target string, ev PayV3Event, timestamp, nonce string) (*http.Request, error) {
	h, body, err := e.Encode(ev, timestamp, nonce)
	if err != nil {
		return nil, err
	}
	return post(target, h, body)
}

// RequestFunc re-signs ev for each attempt n at instant at.
func (e *PayV3Encoder) RequestFunc(target string, ev PayV3Event) func(n int, at time.Time) (*http.Request, error) {
	return func(n int, at time.Time) (*http.Request, error) {
		return e.NewRequest(target, ev, strconv.FormatInt(at.Unix(), 10), "replay"+strconv.Itoa(n))
	}
}

// EncryptV2RefundInfo encrypts the req_info of a v2 refund notification:
// AES-256-ECB with PKCS#7, keyed with the lower-case hex MD5 of the API key,
// then base64.
func EncryptV2RefundInfo(plainXML []byte, apiKey string) (string, error) {
	if apiKey == "" {
		return "", invalid("apiKey", "required", "empty v2 API key")
	}
	sum := md5.Sum([]byte(apiKey))
	return EncryptECB([]byte(hex.EncodeToString(sum[:])), plainXML)
}

// EncryptECB is AES-ECB with PKCS#7 padding, base64-encoded: the inverse of
// notify's req_info decryption for any AES key size.
func EncryptECB(key, plain []byte) (string, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return "", invalid("key", "length", fmt.Sprintf("AES key must be 16, 24 or 32 bytes, got %d", len(key)))
	}
	pad := aes.BlockSize - len(plain)%aes.BlockSize
	buf := append(slices.Clone(plain), bytes.Repeat([]byte{byte(pad)}, pad)...)
	for i := 0; i < len(buf); i += aes.BlockSize {
		b.Encrypt(buf[i:i+aes.BlockSize], buf[i:i+aes.BlockSize])
	}
	return base64.StdEncoding.EncodeToString(buf), nil
}
