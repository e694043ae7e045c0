// Package textutil holds the small text helpers the SDK's packages share.
//
// # Concurrency
//
// Every function is pure and safe for concurrent use.
package textutil

import "unicode/utf8"

// Truncate shortens s to at most n bytes for an error message or a report,
// cutting at a UTF-8 character boundary (so the result stays valid UTF-8
// when s is) and marking the cut with "…". A string of at most n bytes is
// returned unchanged; n < 0 counts as 0.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n < 0 {
		n = 0
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
