package shopapi

import (
	"errors"
	"net/url"
	"regexp"
)

// sensitiveParams are query parameters and JSON fields that carry secrets.
var sensitiveParams = []string{
	"access_token", "secret", "appsecret", "component_access_token", "component_appsecret",
	"component_verify_ticket", "authorizer_access_token", "authorizer_refresh_token", "refresh_token",
}

var secretRE = regexp.MustCompile(`(?i)((?:access_token|secret|appsecret|component_access_token|component_appsecret|component_verify_ticket|authorizer_access_token|authorizer_refresh_token|refresh_token)"?\s*[=:]\s*"?)[^&\s"',}]+`)

// redactString replaces the value of every secret-bearing parameter in s
// (query style key=value or JSON style "key":"value") with REDACTED.
func redactString(s string) string {
	return secretRE.ReplaceAllString(s, "${1}REDACTED")
}

// sanitizeURL returns a copy of u with secret query parameters redacted
// (go-github's sanitizeURL).
func sanitizeURL(u *url.URL) *url.URL {
	if u == nil {
		return nil
	}
	u2 := *u
	q := u2.Query()
	changed := false
	for _, k := range sensitiveParams {
		if q.Has(k) {
			q.Set(k, "REDACTED")
			changed = true
		}
	}
	if changed {
		u2.RawQuery = q.Encode()
	}
	return &u2
}

// redactErr scrubs the URL of a *url.Error in err's chain.
func redactErr(err error) error {
	if err == nil {
		return nil
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if p, perr := url.Parse(ue.URL); perr == nil {
			ue.URL = sanitizeURL(p).String()
		} else {
			ue.URL = redactString(ue.URL)
		}
	}
	return err
}
