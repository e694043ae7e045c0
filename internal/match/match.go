package match

import (
	"errors"
	"fmt"
	"slices"
	"unsafe"
)

// MaxPatterns caps the dictionary size accepted by [Compile].
const MaxPatterns = 1 << 20

// MaxPatternLen caps one pattern's length in bytes.
const MaxPatternLen = 1024

// MaxStates caps the automaton size; Compile fails rather than allocate more.
const MaxStates = 1 << 22

// ErrEmptyPattern is returned by [Compile] for an empty pattern.
var ErrEmptyPattern = errors.New("match: empty pattern")

// ErrFiller is returned by [CompileSkipping] for a pattern that contains a
// filler byte.
var ErrFiller = errors.New("match: filler byte in pattern")

// ErrTooLarge is returned by [Compile] when the dictionary exceeds the caps.
var ErrTooLarge = errors.New("match: dictionary too large")

// Matcher is a compiled dictionary. The zero value matches nothing.
type Matcher struct {
	patterns []string
	class    [256]uint8 // byte -> equivalence class
	start    [256]bool  // byte can begin a pattern
	stride   int        // number of classes
	trans    []uint32   // premultiplied next state, indexed by state+class
	outIdx   []uint32   // per state: start into outs; len = states+1
	outs     []int32    // pattern ids, longest first per state
	nostart  bool       // true if some byte cannot start a pattern
	maxLen   int        // longest pattern in bytes
	skip     [256]bool  // filler bytes, see [CompileSkipping]
	skipping bool       // some byte is a filler
}

// Compile builds a matcher for patterns. Duplicates are allowed and reported
// separately; an empty pattern is an error. Pattern ids are indexes into
// patterns.
func Compile(patterns []string) (*Matcher, error) {
	return CompileSkipping(patterns, nil)
}

// CompileSkipping is [Compile] with filler bytes: every byte of skip is
// read by the automaton without changing its state, so a pattern matches
// text in which filler bytes are interleaved with its bytes ("a\xffb" finds
// "ab"). A hit's start is then the offset of its first non-filler byte and
// its end the offset after its last. A pattern that contains a filler byte
// is an error wrapping [ErrFiller]. With fillers in the text a hit may span
// more than [MaxPatternLen] bytes; Scan's interleaved streams account for
// it.
func CompileSkipping(patterns []string, skip []byte) (*Matcher, error) {
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
	for _, b := range skip {
		m.skip[b], m.skipping = true, true
	}
	for i, p := range patterns {
		m.maxLen = max(m.maxLen, len(p))
		for j := 0; m.skipping && j < len(p); j++ {
			if m.skip[p[j]] {
				return nil, fmt.Errorf("%w: pattern %d has filler byte %#x", ErrFiller, i, p[j])
			}
		}
	}

	// 1. Byte classes: one per byte value used by some pattern, class 0 for
	// all others (bytes no pattern contains behave identically everywhere).
	var used [256]bool
	for _, p := range patterns {
		m.start[p[0]] = true
		for i := 0; i < len(p); i++ {
			used[p[i]] = true
		}
	}
	stride := 1
	for b := 0; b < 256; b++ {
		if used[b] {
			m.class[b] = uint8(stride)
			stride++
		}
		if !m.start[b] {
			m.nostart = true
		}
	}
	skipClass := -1
	if m.skipping { // all filler bytes share one class, which no pattern uses
		skipClass = stride
		if stride+countSkip(&m.skip) > 256 { // class 0 has no other byte
			skipClass = 0
		}
		for b := 0; b < 256; b++ {
			if m.skip[b] {
				m.class[b] = uint8(skipClass)
			}
		}
		if skipClass > 0 {
			stride++
		}
	}
	if stride > 256 { // all 256 byte values used: class 0 is unused but harmless
		stride = 256
		for b := 0; b < 256; b++ {
			m.class[b] = uint8(b)
		}
	}
	m.stride = stride
	if uint64(total+1)*uint64(stride) >= 1<<31 {
		return nil, fmt.Errorf("%w: %d pattern bytes × %d classes", ErrTooLarge, total, stride)
	}

	// 2. Trie as a dense goto table; 0 means "no edge" while building (no
	// trie edge leads back to the root).
	states := countStates(patterns)
	trans := make([]uint32, stride, states*stride)
	term := make([]int32, 1, states) // head of the list of patterns ending here, -1 none
	term[0] = -1
	nextTerm := make([]int32, len(patterns)) // next pattern ending at the same state
	for id, p := range patterns {
		s := 0
		for i := 0; i < len(p); i++ {
			c := int(m.class[p[i]])
			t := int(trans[s*stride+c])
			if t == 0 {
				t = len(term)
				trans = append(trans, make([]uint32, stride)...)
				term = append(term, -1)
				trans[s*stride+c] = uint32(t)
			}
			s = t
		}
		nextTerm[id] = term[s]
		term[s] = int32(id)
	}
	n := len(term)

	// 3. BFS: failure links folded into the table, dictionary links. Each
	// row is final (premultiplied, output-flagged) once its state is
	// dequeued: trie edges are converted here, missing edges copy the
	// already final row of the failure state.
	fail := make([]int32, n)
	dict := make([]int32, n) // nearest proper suffix state with own patterns, -1 none
	dict[0] = -1
	hasOut := make([]bool, n)
	ustride := uint32(stride)
	final := func(t uint32) uint32 {
		v := t * ustride
		if hasOut[t] {
			v |= outFlag
		}
		return v
	}
	queue := make([]int32, 0, n)
	for c := 0; c < stride; c++ {
		if t := trans[c]; t != 0 {
			fail[t] = 0
			dict[t] = -1
			hasOut[t] = term[t] >= 0
			trans[c] = final(t)
			queue = append(queue, int32(t))
		}
	}
	for qi := 0; qi < len(queue); qi++ {
		s := int(queue[qi])
		f := int(fail[s])
		row := trans[s*stride : s*stride+stride]
		frow := trans[f*stride : f*stride+stride]
		for c := 0; c < stride; c++ {
			if t := row[c]; t != 0 {
				ft := frow[c] &^ outFlag / ustride
				fail[t] = int32(ft)
				if term[ft] >= 0 {
					dict[t] = int32(ft)
				} else {
					dict[t] = dict[ft]
				}
				hasOut[t] = term[t] >= 0 || dict[t] >= 0
				row[c] = final(t)
				queue = append(queue, int32(t))
			} else {
				row[c] = frow[c]
			}
		}
	}

	// Fillers leave every state as it is, without reporting its outputs
	// again.
	if skipClass >= 0 {
		for st := 0; st < n; st++ {
			trans[st*stride+skipClass] = uint32(st) * ustride
		}
	}

	// 4. Outputs per state, longest first: own patterns, then the
	// dictionary chain.
	m.outIdx = make([]uint32, n+1)
	for s := 0; s < n; s++ {
		m.outIdx[s] = uint32(len(m.outs))
		for d := int32(s); d >= 0; d = dict[d] {
			for id := term[d]; id >= 0; id = nextTerm[id] {
				m.outs = append(m.outs, id)
			}
		}
	}
	m.outIdx[n] = uint32(len(m.outs))
	m.trans = trans
	return m, nil
}

func countSkip(skip *[256]bool) int {
	n := 0
	for _, s := range skip {
		if s {
			n++
		}
	}
	return n
}

// countStates returns the number of trie states: one plus the number of
// distinct non-empty prefixes of patterns.
func countStates(patterns []string) int {
	sorted := slices.Clone(patterns)
	slices.Sort(sorted)
	n, prev := 1, ""
	for _, p := range sorted {
		l := 0
		for l < len(p) && l < len(prev) && p[l] == prev[l] {
			l++
		}
		n += len(p) - l
		prev = p
	}
	return n
}

// outFlag marks a premultiplied transition into a state with output.
const outFlag = 1 << 31

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

// checkTable verifies the invariant the unchecked scan loops rely on.
func (m *Matcher) checkTable() error {
	for i, v := range m.trans {
		if t := v &^ outFlag; t%uint32(m.stride) != 0 || int(t)+m.stride > len(m.trans) {
			return fmt.Errorf("match: entry %d = %d is not a row start", i, v)
		}
	}
	return nil
}

// Classes returns the number of byte equivalence classes.
func (m *Matcher) Classes() int { return m.stride }

// interleaveMin is the text length from which Scan runs four interleaved
// streams. A DFA scan is bound by the latency of one dependent table load
// per byte; four independent streams let the CPU overlap those loads.
const interleaveMin = 256

// Scan reports every occurrence of every pattern in text, overlapping ones
// included. fn receives the pattern id and the byte offsets [start, end) and
// returns false to stop the scan. Texts shorter than a few hundred bytes are
// reported in order of end offset; longer texts are scanned as four (from
// 256 bytes) or eight (from 4 KiB) interleaved streams and hits come in no
// particular order. Scan does not allocate.
func (m *Matcher) Scan(text string, fn func(id, start, end int) bool) {
	if m == nil || len(m.trans) == 0 {
		return
	}
	if len(text) < interleaveMin {
		m.scanFrom(text, 0, 0, 0, fn)
		return
	}
	if len(text) >= interleave8Min {
		m.scan8(text, fn)
		return
	}
	ov := m.maxLen - 1
	q := len(text) / 4
	b1, b2, b3 := q, 2*q, 3*q
	st0, st1, st2, st3 := 0, m.streamStart(text, b1, ov), m.streamStart(text, b2, ov), m.streamStart(text, b3, ov)
	t0, t1, t2, t3 := text[st0:b1], text[st1:b2], text[st2:b3], text[st3:]
	n := min(len(t0), len(t1), len(t2), len(t3))
	t0, t1, t2, t3 = t0[:n], t1[:n], t2[:n], t3[:n]
	base, class := unsafe.Pointer(unsafe.SliceData(m.trans)), &m.class
	var s0, s1, s2, s3 uint32
	for i := 0; i < len(t0); i++ {
		s0 = next(base, s0+uint32(class[t0[i]]))
		s1 = next(base, s1+uint32(class[t1[i]]))
		s2 = next(base, s2+uint32(class[t2[i]]))
		s3 = next(base, s3+uint32(class[t3[i]]))
		if (s0|s1|s2|s3)&outFlag != 0 {
			if s0 >= outFlag {
				s0 &^= outFlag
				if !m.report(text, s0, st0+i+1, 0, fn) {
					return
				}
			}
			if s1 >= outFlag {
				s1 &^= outFlag
				if !m.report(text, s1, st1+i+1, b1, fn) {
					return
				}
			}
			if s2 >= outFlag {
				s2 &^= outFlag
				if !m.report(text, s2, st2+i+1, b2, fn) {
					return
				}
			}
			if s3 >= outFlag {
				s3 &^= outFlag
				if !m.report(text, s3, st3+i+1, b3, fn) {
					return
				}
			}
		}
	}
	if !m.scanFrom(text[:b1], st0+n, s0, 0, fn) || !m.scanFrom(text[:b2], st1+n, s1, b1, fn) ||
		!m.scanFrom(text[:b3], st2+n, s2, b2, fn) {
		return
	}
	m.scanFrom(text, st3+n, s3, b3, fn)
}

// next returns trans[i] without a bounds check. Compile guarantees the
// invariant that makes it safe: every entry of the table, flag removed, is a
// state's row start, and a row start plus any class is inside the table
// (TestTableInvariant checks it); scans start at row 0 of a non-empty table.
func next(base unsafe.Pointer, i uint32) uint32 {
	return *(*uint32)(unsafe.Add(base, uintptr(i)*4))
}

// interleave8Min is the text length from which Scan runs eight streams.
const interleave8Min = 4096

// scan8 is Scan with eight interleaved streams, for long texts.
func (m *Matcher) scan8(text string, fn func(id, start, end int) bool) {
	ov := m.maxLen - 1
	q := len(text) / 8
	var b, st [8]int
	for k := 1; k < 8; k++ {
		b[k] = k * q
		st[k] = m.streamStart(text, b[k], ov)
	}
	end := func(k int) int {
		if k == 7 {
			return len(text)
		}
		return b[k+1]
	}
	n := len(text)
	for k := 0; k < 8; k++ {
		n = min(n, end(k)-st[k])
	}
	t0, t1, t2, t3 := text[st[0]:st[0]+n], text[st[1]:st[1]+n], text[st[2]:st[2]+n], text[st[3]:st[3]+n]
	t4, t5, t6, t7 := text[st[4]:st[4]+n], text[st[5]:st[5]+n], text[st[6]:st[6]+n], text[st[7]:st[7]+n]
	t1, t2, t3, t4, t5, t6, t7 = t1[:len(t0)], t2[:len(t0)], t3[:len(t0)], t4[:len(t0)], t5[:len(t0)], t6[:len(t0)], t7[:len(t0)]
	base, class := unsafe.Pointer(unsafe.SliceData(m.trans)), &m.class
	var s [8]uint32
	var s0, s1, s2, s3, s4, s5, s6, s7 uint32
	for i := 0; i < len(t0); i++ {
		s0 = next(base, s0+uint32(class[t0[i]]))
		s1 = next(base, s1+uint32(class[t1[i]]))
		s2 = next(base, s2+uint32(class[t2[i]]))
		s3 = next(base, s3+uint32(class[t3[i]]))
		s4 = next(base, s4+uint32(class[t4[i]]))
		s5 = next(base, s5+uint32(class[t5[i]]))
		s6 = next(base, s6+uint32(class[t6[i]]))
		s7 = next(base, s7+uint32(class[t7[i]]))
		if (s0|s1|s2|s3|s4|s5|s6|s7)&outFlag != 0 {
			s = [8]uint32{s0, s1, s2, s3, s4, s5, s6, s7}
			for k := range s {
				if s[k] >= outFlag {
					s[k] &^= outFlag
					if !m.report(text, s[k], st[k]+i+1, b[k], fn) {
						return
					}
				}
			}
			s0, s1, s2, s3, s4, s5, s6, s7 = s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]
		}
	}
	s = [8]uint32{s0, s1, s2, s3, s4, s5, s6, s7}
	for k := 0; k < 8; k++ {
		if !m.scanFrom(text[:end(k)], st[k]+n, s[k], b[k], fn) {
			return
		}
	}
}

// scanFrom continues a scan of text from byte i in state s, reporting hits
// that end after minEnd. It returns false if fn stopped the scan.
func (m *Matcher) scanFrom(text string, i int, s uint32, minEnd int, fn func(id, start, end int) bool) bool {
	trans, class := m.trans, &m.class
	for ; i < len(text); i++ {
		if s == 0 && m.nostart {
			for i < len(text) && !m.start[text[i]] {
				i++
			}
			if i == len(text) {
				return true
			}
		}
		s = trans[s+uint32(class[text[i]])]
		if s >= outFlag {
			s &^= outFlag
			if !m.report(text, s, i+1, minEnd, fn) {
				return false
			}
		}
	}
	return true
}

func (m *Matcher) report(text string, s uint32, end, minEnd int, fn func(id, start, end int) bool) bool {
	if end <= minEnd {
		return true
	}
	k := s / uint32(m.stride)
	for _, id := range m.outs[m.outIdx[k]:m.outIdx[k+1]] {
		start := end - len(m.patterns[id])
		if m.skipping {
			start = m.back(text, end, len(m.patterns[id]))
		}
		if !fn(int(id), start, end) {
			return false
		}
	}
	return true
}

// back returns the offset of the n-th non-filler byte before end, or 0
// when there are fewer.
func (m *Matcher) back(text string, end, n int) int {
	i := end
	for n > 0 && i > 0 {
		i--
		if !m.skip[text[i]] {
			n--
		}
	}
	return i
}

// streamStart returns where a stream that must be in the right state at
// offset b starts: ov bytes before b, not counting fillers.
func (m *Matcher) streamStart(text string, b, ov int) int {
	if !m.skipping {
		return max(0, b-ov)
	}
	return m.back(text, b, ov)
}

// Contains reports whether any pattern occurs in text. It does not allocate.
func (m *Matcher) Contains(text string) bool {
	found := false
	m.Scan(text, func(int, int, int) bool { found = true; return false })
	return found
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
