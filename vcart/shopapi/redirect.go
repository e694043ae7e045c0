package shopapi

import (
	"errors"
	"net/http"
	"strconv"
)

// ErrRedirect is matched (errors.Is) by every [*RedirectError].
var ErrRedirect = errors.New("shopapi: redirect refused")

// RedirectError reports that a call or a token fetch was answered with an
// HTTP redirect (301, 302, 303, 307 or 308). The platform's API never
// redirects, so the client follows none: a 301/302 would turn a write into
// a body-less GET that another host may "accept", and a 307/308 would send
// the write's body (or a token fetch's secret) to another host. A redirect
// means a wrong base URL or something in between (a proxy, a captive
// portal); the request did not reach the platform through it. The call is
// not retried, whatever the endpoint.
type RedirectError struct {
	// Method and Path identify the call (the path never carries the query).
	Method, Path string
	// StatusCode is the redirect's HTTP status.
	StatusCode int
	// Location is the redirect target with secret query parameters
	// redacted ("" when the answer had none).
	Location string
}

// Error returns "POST /path: redirect refused (HTTP 302 to https://…)".
func (e *RedirectError) Error() string {
	s := e.Method + " " + e.Path + ": redirect refused (HTTP " + strconv.Itoa(e.StatusCode)
	if e.Location != "" {
		s += " to " + e.Location
	}
	return s + ")"
}

// Is reports whether target is [ErrRedirect].
func (e *RedirectError) Is(target error) bool { return target == ErrRedirect }

// isRedirect reports whether status is one net/http would follow.
func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// redirectError builds the error for the redirect answer hr.
func redirectError(method, path string, hr *http.Response) *RedirectError {
	return &RedirectError{Method: method, Path: path, StatusCode: hr.StatusCode, Location: redactLocation(hr.Header.Get("Location"))}
}

// noRedirects returns a shallow copy of hc that follows no redirect: the
// 3xx answer itself is returned (http.ErrUseLastResponse) and the caller
// turns it into a [*RedirectError]. The caller's client is not modified.
func noRedirects(hc *http.Client) *http.Client {
	c := *hc
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}
