// Package match is the SDK's multi-pattern string matcher: an Aho-Corasick
// automaton compiled into a dense, byte-level DFA over equivalence classes of
// UTF-8 bytes. The review package scans listings with it and exposes it to
// other packages through review.Keywords.
//
// # Design
//
// The trie is built over the patterns' bytes, the failure function is folded
// into a full transition table (so a scan is one table load per input byte),
// the 256 byte values are merged into the classes no pattern can tell apart,
// and state numbers are premultiplied by the number of classes. States whose
// output set is non-empty (including outputs reached through dictionary
// suffix links) are numbered last, so the hot loop tests a single comparison
// per byte. While the automaton sits in its start state, bytes that cannot
// begin any pattern are skipped without a table load.
//
// # Concurrency
//
// A [Matcher] is immutable after [Compile] and safe for concurrent use.
package match

import (
	"errors"
	"fmt"
)

// MaxPatterns caps the dictionary size accepted by [Compile].
const MaxPatterns = 1 << 20

// MaxPatternLen caps one pattern's length in bytes.
const MaxPatternLen = 1024

// MaxStates caps the automaton size; Compile fails rather than allocate more.
const MaxStates = 1 << 22

// ErrEmptyPattern is returned by [Compile] for an empty pattern.
var ErrEmptyPattern = errors.New("match: empty pattern")

// ErrTooLarge is returned by [Compile] when the dictionary exceeds the caps.
var ErrTooLarge = errors.New("match: dictionary too large")

// Matcher is a compiled dictionary. The zero value matches nothing.
type Matcher struct {
	patterns []string
	class    [256]uint8 // byte -> equivalence class
	start    [256]bool  // byte can begin a pattern
	stride   int        // number of classes
	trans    []uint32   // premultiplied next state, indexed by state+class
	firstOut uint32     // premultiplied id of the first state with output
	outIdx   []uint32   // per output state (in order): start into outs; len = outStates+1
	outs     []int32    // pattern ids, longest first per state
	nostart  bool       // true if some byte cannot start a pattern
}

// Compile builds a matcher for patterns. Duplicates are allowed and reported
// separately; an empty pattern is an error. Pattern ids are indexes into
// patterns.
func Compile(patterns []string) (*Matcher, error) {
	if len(patterns) > MaxPatterns {
		return nil, fmt.Errorf("%w: %d patterns (max %d)", ErrTooLarge, len(patterns), MaxPatterns)
	}
	total := 0
	for i, p := range patterns {
		if p == "" {
			return nil, fmt.Errorf("%w at index %d", ErrEmptyPattern, i)
		}
		if len(p) > MaxPatternLen {
			return nil, fmt.Errorf("%w: pattern %d is %d bytes (max %d)", ErrTooLarge, i, len(p), MaxPatternLen)
		}
		total += len(p)
	}
	if total+1 > MaxStates {
		return nil, fmt.Errorf("%w: %d pattern bytes", ErrTooLarge, total)
	}
	m := &Matcher{patterns: append([]string(nil), patterns...)}

	// 1. Trie with sparse edges: children stored as (byte, target) lists.
	type edge struct {
		b  byte
		to int32
	}
	edges := make([][]edge, 1, total/2+16)
	term := make([][]int32, 1, total/2+16) // pattern ids ending exactly here
	depth := make([]int32, 1, total/2+16)
	for id, p := range patterns {
		s := int32(0)
		for i := 0; i < len(p); i++ {
			b := p[i]
			next := int32(-1)
			for _, e := range edges[s] {
				if e.b == b {
					next = e.to
					break
				}
			}
			if next < 0 {
				next = int32(len(edges))
				edges = append(edges, nil)
				term = append(term, nil)
				depth = append(depth, depth[s]+1)
				edges[s] = append(edges[s], edge{b, next})
			}
			s = next
		}
		term[s] = append(term[s], int32(id))
		m.start[p[0]] = true
	}
	n := len(edges)
	for b := 0; b < 256; b++ {
		if !m.start[b] {
			m.nostart = true
			break
		}
	}

	// 2. Byte equivalence classes: bytes with the same set of (state, target)
	// edges behave identically everywhere. The signature is a hash chained
	// over states in order; a per-class representative check guards
	// against collisions.
	var sig [256]uint64
	for s := 0; s < n; s++ {
		for _, e := range edges[s] {
			h := sig[e.b]
			h ^= uint64(s)*0x9E3779B97F4A7C15 + uint64(e.to)*0xC2B2AE3D27D4EB4F + 0x165667B19E3779F9
			h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9
			sig[e.b] = h ^ (h >> 32)
		}
	}
	classOf := map[uint64]uint8{}
	for b := 0; b < 256; b++ {
		c, ok := classOf[sig[b]]
		if !ok {
			c = uint8(len(classOf))
			classOf[sig[b]] = c
		}
		m.class[b] = c
	}
	stride := len(classOf)
	m.stride = stride

	// 3. BFS order, failure links, dictionary outputs.
	order := make([]int32, 0, n)
	fail := make([]int32, n)
	order = append(order, 0)
	for i := 0; i < len(order); i++ {
		s := order[i]
		for _, e := range edges[s] {
			t := e.to
			if s == 0 {
				fail[t] = 0
			} else {
				f := fail[s]
				for {
					found := int32(-1)
					for _, fe := range edges[f] {
						if fe.b == e.b {
							found = fe.to
							break
						}
					}
					if found >= 0 {
						fail[t] = found
						break
					}
					if f == 0 {
						fail[t] = 0
						break
					}
					f = fail[f]
				}
			}
			order = append(order, t)
		}
	}
	// Full output set per state = own terms + outputs of fail state (BFS
	// order guarantees fail[t] is complete first). Longest first.
	outAll := make([][]int32, n)
	for _, s := range order {
		own := term[s]
		var inh []int32
		if s != 0 {
			inh = outAll[fail[s]]
		}
		if len(own)+len(inh) == 0 {
			continue
		}
		o := make([]int32, 0, len(own)+len(inh))
		o = append(o, own...)
		o = append(o, inh...)
		outAll[s] = o
	}

	// 4. Renumber: non-output states first (BFS order, root = 0), output
	// states last.
	newID := make([]uint32, n)
	next := uint32(0)
	for _, s := range order {
		if len(outAll[s]) == 0 {
			newID[s] = next
			next++
		}
	}
	firstOut := next
	m.outIdx = make([]uint32, 0, n-int(firstOut)+1)
	for _, s := range order {
		if len(outAll[s]) > 0 {
			newID[s] = next
			next++
			m.outIdx = append(m.outIdx, uint32(len(m.outs)))
			m.outs = append(m.outs, outAll[s]...)
		}
	}
	m.outIdx = append(m.outIdx, uint32(len(m.outs)))
	if uint64(n)*uint64(stride) > 1<<31 {
		return nil, fmt.Errorf("%w: %d states × %d classes", ErrTooLarge, n, stride)
	}
	m.firstOut = firstOut * uint32(stride)

	// 5. Dense table, filled in BFS order: row(s) = row(fail(s)) overridden
	// by s's own edges.
	trans := make([]uint32, n*stride)
	for _, s := range order {
		row := trans[int(newID[s])*stride : int(newID[s])*stride+stride]
		if s != 0 {
			f := fail[s]
			copy(row, trans[int(newID[f])*stride:int(newID[f])*stride+stride])
		}
		for _, e := range edges[s] {
			row[m.class[e.b]] = newID[e.to] * uint32(stride)
		}
	}
	m.trans = trans
	return m, nil
}

// Len returns the number of patterns.
func (m *Matcher) Len() int { return len(m.patterns) }

// Pattern returns pattern id.
func (m *Matcher) Pattern(id int) string { return m.patterns[id] }

// States returns the number of automaton states (for sizing and tests).
func (m *Matcher) States() int {
	if m.stride == 0 {
		return 0
	}
	return len(m.trans) / m.stride
}

// Classes returns the number of byte equivalence classes.
func (m *Matcher) Classes() int { return m.stride }

// Scan reports every occurrence of every pattern in text, overlapping ones
// included, in order of their end offset (longer patterns first at the same
// end). fn receives the pattern id and the byte offsets [start, end) and
// returns false to stop the scan. Scan does not allocate.
func (m *Matcher) Scan(text string, fn func(id, start, end int) bool) {
	if m == nil || len(m.trans) == 0 {
		return
	}
	trans, class, first := m.trans, &m.class, m.firstOut
	s := uint32(0)
	for i := 0; i < len(text); i++ {
		if s == 0 && m.nostart {
			for i < len(text) && !m.start[text[i]] {
				i++
			}
			if i == len(text) {
				return
			}
		}
		s = trans[s+uint32(class[text[i]])]
		if s >= first {
			if !m.report(s, i+1, fn) {
				return
			}
		}
	}
}

func (m *Matcher) report(s uint32, end int, fn func(id, start, end int) bool) bool {
	k := (s - m.firstOut) / uint32(m.stride)
	for _, id := range m.outs[m.outIdx[k]:m.outIdx[k+1]] {
		if !fn(int(id), end-len(m.patterns[id]), end) {
			return false
		}
	}
	return true
}

// Contains reports whether any pattern occurs in text. It does not allocate.
func (m *Matcher) Contains(text string) bool {
	if m == nil || len(m.trans) == 0 {
		return false
	}
	trans, class, first := m.trans, &m.class, m.firstOut
	s := uint32(0)
	for i := 0; i < len(text); i++ {
		if s == 0 && m.nostart {
			for i < len(text) && !m.start[text[i]] {
				i++
			}
			if i == len(text) {
				return false
			}
		}
		s = trans[s+uint32(class[text[i]])]
		if s >= first {
			return true
		}
	}
	return false
}

// Count returns the number of (overlapping) occurrences in text. It does not
// allocate.
func (m *Matcher) Count(text string) int {
	n := 0
	m.Scan(text, func(int, int, int) bool { n++; return true })
	return n
}

// Hit is one occurrence: the pattern id and its byte offsets [Start, End).
type Hit struct {
	ID, Start, End int
}

// AppendAll appends every overlapping occurrence in text to dst and returns
// the extended slice; it allocates only when dst must grow.
func (m *Matcher) AppendAll(dst []Hit, text string) []Hit {
	m.Scan(text, func(id, s, e int) bool {
		dst = append(dst, Hit{id, s, e})
		return true
	})
	return dst
}
