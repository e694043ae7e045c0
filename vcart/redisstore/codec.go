package redisstore

import (
	"strconv"
	"strings"
	"time"
)

// tokenValue encoding: "v1 <expiresAt in Unix milliseconds> <access token>".
// The token comes last so that it may hold any byte; the compare-and-delete
// script (invalidateScript) parses the same layout with a Lua pattern.
const tokenVersion = "v1 "

// encodeToken renders a token for Redis. ExpiresAt keeps millisecond
// precision.
func encodeToken(accessToken string, expiresAt time.Time) string {
	var b strings.Builder
	b.Grow(len(tokenVersion) + 21 + len(accessToken))
	b.WriteString(tokenVersion)
	b.WriteString(strconv.FormatInt(expiresAt.UnixMilli(), 10))
	b.WriteByte(' ')
	b.WriteString(accessToken)
	return b.String()
}

// decodeToken parses a value written by encodeToken. ok is false for
// anything else; the value itself never reaches an error message.
func decodeToken(v string) (accessToken string, expiresAt time.Time, ok bool) {
	rest, found := strings.CutPrefix(v, tokenVersion)
	if !found {
		return "", time.Time{}, false
	}
	ms, tok, found := strings.Cut(rest, " ")
	if !found || tok == "" || !isMillis(ms) {
		return "", time.Time{}, false
	}
	n, err := strconv.ParseInt(ms, 10, 64)
	if err != nil {
		return "", time.Time{}, false
	}
	return tok, time.UnixMilli(n), true
}

// isMillis reports whether s matches the Lua pattern "%-?%d+", so Go and the
// compare-and-delete script accept exactly the same values.
func isMillis(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
