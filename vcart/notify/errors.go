package notify

import "errors"

// Sentinel errors returned (wrapped) by the verifiers and handlers. Match them
// with errors.Is. None of them ever carries a token, key or secret.
var (
	// ErrMissingSignature reports a request without the signature, timestamp
	// or nonce the scheme requires (msg_signature for pushes,
	// Wechatpay-Signature for WeChat Pay v3, sign for v2).
	ErrMissingSignature = errors.New("notify: missing signature, timestamp or nonce")
	// ErrBadSignature reports a signature that does not verify. A WeChat Pay
	// `WECHATPAY/SIGNTEST/` probe also matches it (and [ErrSignTest]).
	ErrBadSignature = errors.New("notify: bad signature")
	// ErrSignTest reports a WeChat Pay signature probe (a signature starting
	// with `WECHATPAY/SIGNTEST/`); it is always rejected.
	ErrSignTest = errors.New("notify: WECHATPAY/SIGNTEST probe")
	// ErrStale reports a timestamp outside the tolerance window around the
	// injected clock.
	ErrStale = errors.New("notify: timestamp outside the tolerance window")
	// ErrDecrypt reports a ciphertext that does not decrypt: bad base64, bad
	// length, bad padding or a failed authentication tag.
	ErrDecrypt = errors.New("notify: cannot decrypt")
	// ErrAppIDMismatch reports a decrypted push whose AppID tail is not the
	// configured AppID.
	ErrAppIDMismatch = errors.New("notify: AppID mismatch")
	// ErrBodyTooLarge reports a body above the configured cap.
	ErrBodyTooLarge = errors.New("notify: body too large")
	// ErrMalformed reports a body or plaintext that is not the expected JSON
	// or XML shape.
	ErrMalformed = errors.New("notify: malformed message")
	// ErrUnknownSerial reports a WeChat Pay v3 `Wechatpay-Serial` for which
	// no certificate or public key is configured.
	ErrUnknownSerial = errors.New("notify: unknown Wechatpay-Serial")
	// ErrHandlerTimeout reports a registered handler that did not finish
	// within the handler deadline; the delivery is answered with a failure so
	// the platform retries it.
	ErrHandlerTimeout = errors.New("notify: handler did not finish in time")
	// ErrInFlight reports a duplicate delivery that arrived while the first
	// copy was still being handled, in this process or (through a shared
	// [DedupStore]) another instance; it is answered 503 so the platform
	// pushes again and the event survives a failure of that first handling.
	ErrInFlight = errors.New("notify: duplicate delivery still in flight")
	// ErrUndecodable reports a catalogue event whose JSON does not fit its
	// typed struct, with a typed handler registered but no OnUnknown
	// fallback to take it raw; it is answered 500 so the platform pushes it
	// again and the operator sees it. The message names the field and the
	// JSON kind, never the plaintext.
	ErrUndecodable = errors.New("notify: event does not decode into its typed struct")
)
