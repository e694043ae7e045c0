// Package peerbench measures the SDK's multi-pattern matcher
// (internal/match, behind review.Keywords) side by side with peer Go
// Aho-Corasick libraries on the deterministic corpus of
// internal/match/matchtest (review-rules §5.2). It is a nested module so
// that the peers never enter the SDK's go.mod.
//
// Two paths are compared with coregx's exact-byte overlapping scan: the
// bare matcher (match.Matcher.AppendAll) and the normalised path users take
// (review.Keywords.FindAll: NFKC, case folding, traditional forms, dropped
// separators and zero-width characters, offsets mapped back to the original
// text; also Keywords.AppendAll into a reused slice). The normalised path
// does strictly more work than coregx, so its ratio is the honest figure
// for what a caller gets; the fair anchor for it is what a user of coregx
// would do for the same purpose: fold the text with x/text NFKC, lower case
// and a traditional → simplified map, then scan (still without dropped
// separators or offsets into the original).
//
// Run from this directory:
//
//	go test -run '^$' -bench . -benchtime=20x -count=3
//	PEERBENCH=1 go test -run SideBySide -v   # best-of-40 rounds, with ratios
//
// The module says go 1.25.4, not the SDK's 1.25.0, because
// github.com/coregx/ahocorasick v0.3.1 (its only release) requires 1.25.4;
// go mod tidy raises it back. The module is never built by SDK users.
package peerbench
