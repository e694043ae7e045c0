package shopapi

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// sensitiveParams are query parameters and JSON fields that carry secrets.
var sensitiveParams = []string{
	"access_token", "secret", "appsecret", "component_access_token", "component_appsecret",
	"component_verify_ticket", "authorizer_access_token", "authorizer_refresh_token", "refresh_token",
}

var secretRE = regexp.MustCompile(`(?i)((?:access_token|secret|appsecret|component_access_token|component_appsecret|component_verify_ticket|authorizer_access_token|authorizer_refresh_token|refresh_token)"?\s*[=:]\s*"?)[^&\s"',}]+`)

// maxRedactDepth bounds the walks over response and error chains.
const maxRedactDepth = 64

// redactString replaces the value of every secret-bearing parameter in s
// (query style key=value or JSON style "key":"value") with REDACTED.
func redactString(s string) string {
	return secretRE.ReplaceAllString(s, "${1}REDACTED")
}

// redactQuery replaces the value of every secret parameter of the raw
// query with REDACTED, keeping the order and encoding of the others. A
// parameter whose name does not decode is redacted too.
func redactQuery(raw string) string {
	if raw == "" {
		return raw
	}
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		name, err := url.QueryUnescape(k)
		if err != nil || slices.Contains(sensitiveParams, strings.ToLower(name)) {
			parts[i] = k + "=REDACTED"
		}
	}
	return strings.Join(parts, "&")
}

// sanitizeURL returns a copy of u with secret query parameters redacted
// (go-github's sanitizeURL), the order of the others kept, and any
// password in the user info hidden.
func sanitizeURL(u *url.URL) *url.URL {
	if u == nil {
		return nil
	}
	u2 := *u
	u2.RawQuery = redactQuery(u2.RawQuery)
	u2.Fragment, u2.RawFragment = redactString(u2.Fragment), ""
	if u2.User != nil {
		if _, ok := u2.User.Password(); ok {
			u2.User = url.UserPassword(u2.User.Username(), "xxxxx")
		}
	}
	return &u2
}

// redactLocation returns a redirect's Location header with secret query
// parameters redacted.
func redactLocation(loc string) string {
	if loc == "" {
		return ""
	}
	if p, err := url.Parse(loc); err == nil {
		return redactString(sanitizeURL(p).String())
	}
	return redactString(loc)
}

// redactResponse redacts, in place on hr and on copies below it, every
// request reachable from hr: hr.Request, hr.Request.Response.Request (the
// redirect chain) and so on. Each request becomes a copy with its URL
// sanitised, its body dropped (a token fetch's body holds the secret) and
// its Location-bearing response copied with the header redacted; the
// objects net/http built are not modified. hr itself is the SDK's own.
func redactResponse(hr *http.Response) {
	for depth := 0; hr != nil && depth < maxRedactDepth; depth++ {
		// The body was read and closed; its reader leads into the
		// connection's buffers, which still hold the request line.
		hr.Body = http.NoBody
		redactLocationHeader(hr)
		if hr.Request == nil {
			return
		}
		r2 := *hr.Request
		r2.URL = sanitizeURL(r2.URL)
		r2.Body, r2.GetBody = nil, nil
		hr.Request = &r2
		if r2.Response == nil {
			return
		}
		prev := *r2.Response
		r2.Response = &prev
		hr = &prev
	}
	if hr != nil && hr.Request != nil {
		hr.Request = nil // deeper than any real chain: cut it
	}
}

// redactLocationHeader gives hr a copy of its header with Location
// redacted, when it has one.
func redactLocationHeader(hr *http.Response) {
	if loc := hr.Header.Get("Location"); loc != "" {
		h := hr.Header.Clone()
		h.Set("Location", redactLocation(loc))
		hr.Header = h
	}
}

// redactErr scrubs the URL of every *url.Error in err's tree (wrapped and
// joined errors alike) and returns err.
func redactErr(err error) error {
	walkErr(err, 0)
	return err
}

func walkErr(err error, depth int) {
	if err == nil || depth > maxRedactDepth {
		return
	}
	if ue, ok := err.(*url.Error); ok {
		if p, perr := url.Parse(ue.URL); perr == nil {
			ue.URL = redactString(sanitizeURL(p).String())
		} else {
			ue.URL = redactString(ue.URL)
		}
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		walkErr(u.Unwrap(), depth+1)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			walkErr(e, depth+1)
		}
	}
}
