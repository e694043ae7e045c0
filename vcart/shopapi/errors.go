package shopapi

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Sentinel errors. An [*APIError] matches the sentinel of its errcode class
// with errors.Is, so callers need not know the individual codes.
var (
	// ErrAccessTokenExpired matches the token-invalid errcodes 40001, 40014,
	// 42001 and 41001 (access_token invalid, not latest, expired or missing).
	// The client refreshes the token and replays the request once before
	// returning it.
	ErrAccessTokenExpired = errors.New("shopapi: access token invalid or expired")
	// ErrRateLimited matches 45009 (daily quota reached) and 45011
	// (per-minute quota reached, retry next minute).
	ErrRateLimited = errors.New("shopapi: rate limited")
	// ErrIPNotWhitelisted matches 61004 and 45035: the caller's IP is not in
	// the shop's API IP whitelist (configure it at channels.weixin.qq.com/shop).
	ErrIPNotWhitelisted = errors.New("shopapi: client IP not whitelisted")
	// ErrSystemBusy matches errcode -1 (系统繁忙, retry later).
	ErrSystemBusy = errors.New("shopapi: system busy")
	// ErrAmbiguous is wrapped by the error of a write that is not idempotent
	// and failed after the request may have reached the platform (a timeout
	// or a connection reset after the request was sent). The client never
	// retries such a write: the caller must read the state back (for example
	// the stock) before deciding to repeat it.
	ErrAmbiguous = errors.New("shopapi: request may have been applied")
	// ErrMalformedResponse is wrapped when a response body is not the JSON
	// envelope the endpoint documents.
	ErrMalformedResponse = errors.New("shopapi: malformed response")
	// ErrHTTPStatus is wrapped when the platform (or a proxy) answers with a
	// non-2xx HTTP status and no errcode envelope.
	ErrHTTPStatus = errors.New("shopapi: unexpected HTTP status")
)

// APIError is a non-zero errcode returned by the platform in the JSON
// envelope (WeChat APIs signal errors inside HTTP 200).
type APIError struct {
	// HTTPStatus is the HTTP status code of the response (usually 200).
	HTTPStatus int
	// ErrCode is the envelope's errcode.
	ErrCode int
	// ErrMsg is the envelope's errmsg, as received (it may end in " rid: …").
	ErrMsg string
	// RequestID is the rid parsed from errmsg, to quote to WeChat support.
	RequestID string
	// Method and Path identify the call (the path never carries the query,
	// so no access_token).
	Method, Path string
}

// Error returns "POST /channels/ec/...: errcode 10020052 (product not found): errmsg"
// (the service method adds the "shopapi: <operation>" prefix).
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.Path)
	b.WriteString(": errcode ")
	b.WriteString(strconv.Itoa(e.ErrCode))
	if m := ErrCodeMeaning(e.ErrCode); m != "" {
		b.WriteString(" (")
		b.WriteString(m)
		b.WriteByte(')')
	}
	if e.ErrMsg != "" {
		b.WriteString(": ")
		b.WriteString(e.ErrMsg)
	}
	return b.String()
}

// Is reports whether the errcode belongs to target's class: [ErrAccessTokenExpired],
// [ErrRateLimited], [ErrIPNotWhitelisted] or [ErrSystemBusy].
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrAccessTokenExpired:
		return isTokenInvalid(e.ErrCode)
	case ErrRateLimited:
		return e.ErrCode == CodeDailyQuota || e.ErrCode == CodeMinuteQuota
	case ErrIPNotWhitelisted:
		return e.ErrCode == CodeIPNotWhitelisted || e.ErrCode == CodeClientIPNotRegistered
	case ErrSystemBusy:
		return e.ErrCode == CodeSystemBusy
	}
	return false
}

func isTokenInvalid(code int) bool {
	switch code {
	case CodeInvalidCredential, CodeInvalidAccessToken, CodeAccessTokenExpired, CodeAccessTokenMissing:
		return true
	}
	return false
}

// parseRID extracts the request id from an errmsg ending in "rid: xxxx".
func parseRID(msg string) string {
	i := strings.LastIndex(msg, "rid:")
	if i < 0 {
		return ""
	}
	rid := strings.TrimSpace(msg[i+len("rid:"):])
	if j := strings.IndexAny(rid, " ,;"); j >= 0 {
		rid = rid[:j]
	}
	return rid
}

// errorf wraps err with the operation name; it keeps the chain (%w).
// errNilRequest is the error of a method given a nil request pointer: a
// [*vcart.ValidationError] with Field "request" and Code "request.required".
func errNilRequest() error {
	return vcart.NewValidationError([]vcart.FieldError{{Field: "request", Code: "request.required", Msg: "must not be nil"}})
}

func errorf(op string, err error) error {
	return fmt.Errorf("shopapi: %s: %w", op, err)
}
