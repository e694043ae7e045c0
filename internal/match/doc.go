// Package match is the SDK's multi-pattern string matcher (review-rules §5,
// the word scan of seed section 二 内容审核): an Aho-Corasick
// automaton compiled into a dense, byte-level DFA over equivalence classes of
// UTF-8 bytes. The review package scans listings with it and exposes it to
// other packages through review.Keywords.
//
// # Design
//
// The trie is built over the patterns' bytes, the failure function is folded
// into a full transition table (so a scan is one table load per input byte),
// the byte values no pattern contains share one class (every other byte has
// its own), and state numbers are premultiplied by the number of classes.
// Transitions into states whose output set is non-empty (including outputs
// reached through dictionary suffix links) carry a flag bit, so the hot loop
// tests a single comparison per byte. While the automaton sits in its start state, bytes that cannot
// begin any pattern are skipped without a table load. A scan is bound by the
// latency of one dependent table load per byte, so texts of 256 bytes and
// more are cut into four (or, from 4 KiB, eight) overlapping segments
// scanned in one interleaved loop: the CPU overlaps their loads.
//
// [CompileSkipping] adds filler bytes: one more class whose transitions
// leave every state as it is. review.Keywords normalises a text in place
// (a rune whose normal form is shorter is padded, a dropped rune is
// overwritten) and scans it with fillers, so that hits map back to the
// original text without an offset map.
//
// # Errors
//
// [Compile] fails with [ErrEmptyPattern] for an empty pattern and with
// [ErrTooLarge] when the dictionary exceeds [MaxPatterns], [MaxPatternLen]
// or [MaxStates]; the error names the pattern. Scanning never fails.
//
// # Concurrency
//
// A [Matcher] is immutable after [Compile] and safe for concurrent use.
package match
