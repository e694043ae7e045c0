// Package match is the SDK's multi-pattern string matcher (review-rules §5,
// the word scan of seed section 二 内容审核): Aho-Corasick automata in two
// forms. The review package scans listings with them and exposes them to
// other packages through review.Keywords.
//
// # Symbols: the compact rune-level automaton
//
// [CompileSymbols] builds an automaton over symbol classes, not bytes: the
// caller maps each unit of its input to a class and steps the automaton
// with [Symbols.Next] (or a [Stepper], which keeps the tables in
// registers). review.Keywords feeds it one symbol per rune of the original
// text, the class of the rune's normal form, so that the text is
// normalised and scanned in one pass: an ideograph is one step instead of
// three, and a traditional form, a full-width or upper-case letter is
// simply another rune of the same class.
//
// Only the start state has a dense row. Every other state stores just the
// transitions that differ from those of its default state, in cells of one
// shared array at state+class, tagged with their owner: a state id is the
// offset of its window, and windows interleave (a double array), placed
// largest first by first fit. The default of a state is the start state
// when its failure state is the start state or has the start state as
// default, and that failure state's default otherwise — in which case the
// state also owns its failure state's exceptions. So a state owns its
// children plus the few transitions inherited from deep failure states
// (a complete table would copy every shallow state's children into each
// state that fails to it: 360,000 cells for 5,000 words instead of
// 25,000). The scan state is the pair (state, default); a step loads the
// state's cell, the default's cell and the start row's entry, which
// depend only on the pair, and picks one: one dependent load per symbol.
// Transitions into states with output carry a flag bit; each state's
// outputs (own patterns, then the dictionary-suffix chain, longest first)
// are one list.
//
// # Matcher: the byte-level automaton
//
// [Compile] builds a dense, byte-level DFA over equivalence classes of
// UTF-8 bytes: the trie over the patterns' bytes, the failure function
// folded into a full transition table (one table load per input byte), the
// byte values no pattern contains sharing one class, state numbers
// premultiplied by the number of classes, and a flag bit on transitions
// into states with output. While the automaton sits in its start state,
// bytes that cannot begin any pattern are skipped without a table load. A
// scan is bound by the latency of one dependent table load per byte, so
// texts of 256 bytes and more are cut into four (or, from 4 KiB, eight)
// overlapping segments scanned in one interleaved loop: the CPU overlaps
// their loads.
//
// [CompileSkipping] adds filler bytes: one more class whose transitions
// leave every state as it is. review.Keywords falls back to it for a text
// with a rune whose normal form is several runes or longer than the rune
// (㈱ → (株)): it normalises the text in place (a rune whose normal form
// is shorter is padded, a dropped rune is overwritten) or with an offset
// map and scans it with fillers, so that hits map back to the original
// text. The review package's other rules scan normalised text with a
// plain [Matcher].
//
// # Errors
//
// [Compile] and [CompileSymbols] fail with [ErrEmptyPattern] for an empty
// pattern and with [ErrTooLarge] when the dictionary exceeds
// [MaxPatterns], [MaxPatternLen], [MaxStates] or [MaxClasses];
// [CompileSymbols] fails with [ErrBadClass] for a symbol out of range. The
// error names the pattern. Scanning never fails.
//
// # Concurrency
//
// A [Matcher] and a [Symbols] are immutable after compilation and safe for
// concurrent use.
package match
