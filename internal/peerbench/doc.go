// Package peerbench measures the SDK's multi-pattern matcher
// (internal/match, behind review.Keywords) side by side with peer Go
// Aho-Corasick libraries on the deterministic corpus of
// internal/match/matchtest (review-rules §5.2). It is a nested module so
// that the peers never enter the SDK's go.mod.
//
// Run from this directory:
//
//	go test -run '^$' -bench . -benchtime=20x -count=3
package peerbench
