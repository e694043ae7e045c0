package review

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/vcart-sdk/vcart-go/internal/match"
)

// MaxKeywordLen caps one keyword's length in bytes.
const MaxKeywordLen = 256

// scanChunk is how much original text is normalised at a time, so that a
// very long text costs bounded memory; scanOverlap is re-scanned at each
// chunk boundary so that no hit is lost there.
const (
	maxPooledHits = 1 << 16
	scanChunk     = 256 << 10
	scanOverlap   = 4 << 10
)

// ErrBadKeyword is returned by [NewKeywords] for an empty, over-long or
// invalid keyword; the error names its index.
var ErrBadKeyword = errors.New("review: bad keyword")

// Keywords is an immutable, concurrency-safe multi-keyword matcher with the
// review normalisation: text and keywords are both compared after NFKC, case
// folding, removal of zero-width characters and of short runs of spaces or
// symbols between ideographs, and mapping of traditional to simplified
// characters, so that "ＮＯ．１", "No.1", "最 佳" and "頂級" find "NO.1",
// "最佳" and "顶级". Offsets are reported in the original text.
//
// A text is read once, not normalised into a copy first: each rune is
// mapped to the class of its normal form and fed to a compact rune-level
// automaton (see fusedDict); only a text with a rune whose normal form is
// several characters or longer than the rune (㈱ → (株)) is normalised
// first.
//
// Keywords is safe for concurrent use; scanning a text that has no hit does
// not allocate.
type Keywords struct {
	m     *match.Matcher
	words []string // original word per pattern id
	fill  bool     // m skips fillers: texts are normalised in place (fold)
	pool  sync.Pool

	// fused, when set, scans the original text once (see fusedDict); m is
	// then built on first use by mOnce from pats, for the texts the fused
	// scan hands back (a rune with a complex normal form).
	fused *fusedDict
	pats  []string // normalised patterns
	mOnce sync.Once
	mErr  error
}

// KeywordHit is one occurrence of a keyword. Word is the keyword as passed to
// [NewKeywords]; Start and End are byte offsets into the original text, so
// text[Start:End] is what the merchant wrote.
type KeywordHit struct {
	Word       string
	Start, End int
}

// NewKeywords compiles words. A word that is empty after normalisation,
// longer than [MaxKeywordLen] bytes or not valid UTF-8 is an error wrapping
// [ErrBadKeyword]; all bad words are reported at once. Words that normalise
// to the same text are kept once (the first spelling wins).
func NewKeywords(words []string) (*Keywords, error) {
	var errs []error
	pats := make([]string, 0, len(words))
	orig := make([]string, 0, len(words))
	seen := make(map[string]bool, len(words))
	for i, w := range words {
		switch {
		case !utf8.ValidString(w):
			errs = append(errs, fmt.Errorf("%w: word %d is not valid UTF-8", ErrBadKeyword, i))
			continue
		case len(w) > MaxKeywordLen:
			errs = append(errs, fmt.Errorf("%w: word %d is %d bytes (max %d)", ErrBadKeyword, i, len(w), MaxKeywordLen))
			continue
		}
		p := normalizeWord(w)
		if p == "" {
			errs = append(errs, fmt.Errorf("%w: word %d is empty after normalisation", ErrBadKeyword, i))
			continue
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		pats = append(pats, p)
		orig = append(orig, w)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	k := &Keywords{words: orig, fill: true, pats: pats}
	f, err := newFusedDict(pats)
	if err != nil {
		return nil, fmt.Errorf("review: compile keywords: %w", err)
	}
	k.fused = f
	if f == nil {
		if err := k.compileBytes(); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// compileBytes builds the byte-level automaton of the normalising path.
func (k *Keywords) compileBytes() error {
	k.mOnce.Do(func() {
		m, err := match.CompileSkipping(k.pats, fillers)
		if err != nil {
			k.mErr = fmt.Errorf("review: compile keywords: %w", err)
			return
		}
		k.m = m
	})
	return k.mErr
}

// Len returns the number of distinct keywords.
func (k *Keywords) Len() int { return len(k.words) }

func (k *Keywords) getNorm() *normText {
	if v, ok := k.pool.Get().(*normText); ok {
		return v
	}
	return &normText{}
}

func (k *Keywords) putNorm(n *normText) {
	if cap(n.s) > 4*scanChunk*4 || cap(n.hits) > maxPooledHits || cap(n.keys) > maxPooledHits { // do not keep pathological buffers
		return
	}
	clear(n.hits) // the entries past len were cleared by an earlier put
	n.hits, n.keys = n.hits[:0], n.keys[:0]
	n.reset() // and no reference to the caller's text
	k.pool.Put(n)
}

// scan normalises text chunk by chunk and calls fn for every overlapping hit
// with the pattern id, the original offsets and the normalised offsets into
// n (valid during the call only). fn returns false to stop.
func (k *Keywords) scan(text string, n *normText, fn func(id, os, oe, ns, ne int) bool) {
	if k == nil {
		return
	}
	if k.fused != nil && k.compileBytes() != nil { // cannot happen: the fused automaton compiled
		return
	}
	if k.m == nil {
		return
	}
	for a := 0; a < len(text); {
		b := min(a+scanChunk, len(text))
		for k := 0; k < utf8.UTFMax-1 && b < len(text) && b > a+1 && !utf8.RuneStart(text[b]); k++ {
			b-- // do not split a rune; invalid bytes may be split anywhere
		}
		from := 0
		if a > 0 {
			from = max(0, a-scanOverlap)
			for k := 0; k < utf8.UTFMax-1 && from > 0 && !utf8.RuneStart(text[from]); k++ {
				from--
			}
		}
		n.reset()
		if !k.fill || !n.fold(text[from:b], from) {
			n.reset()
			n.normalize(text[from:b], from)
		}
		stop := false
		k.m.Scan(n.str(), func(id, s, e int) bool {
			os, oe := n.span(s, e)
			if a > 0 && oe <= a {
				return true // reported by the previous chunk
			}
			if !fn(id, os, oe, s, e) {
				stop = true
				return false
			}
			return true
		})
		if stop || b == len(text) {
			return
		}
		a = b
	}
}

// FindAll returns every occurrence of every keyword in text, overlapping ones
// included, ordered by start offset (longer first at the same start). It
// returns nil when nothing matches.
func (k *Keywords) FindAll(text string) []KeywordHit {
	return k.AppendAll(nil, text)
}

// AppendAll appends to dst every occurrence of every keyword in text, in
// [Keywords.FindAll]'s order, and returns the extended slice. It allocates
// only when dst must grow, so a caller that reuses dst (dst[:0]) scans
// without allocating.
func (k *Keywords) AppendAll(dst []KeywordHit, text string) []KeywordHit {
	n := k.getNorm()
	defer k.putNorm(n)
	// Hits are gathered in n's pooled scratch buffer and appended once, in
	// order, so that dst grows at most once.
	buf := n.hits[:0]
	if k.fused == nil || !k.fused.scan(text, func(id, os, oe int) bool {
		buf = append(buf, KeywordHit{Word: k.words[id], Start: os, End: oe})
		return true
	}) {
		buf = buf[:0]
		k.scan(text, n, func(id, os, oe, _, _ int) bool {
			buf = append(buf, KeywordHit{Word: k.words[id], Start: os, End: oe})
			return true
		})
	}
	n.hits = buf
	if len(buf) == 0 {
		return dst
	}
	if out, ok := sortPacked(dst, buf, n); ok {
		return out
	}
	slices.SortFunc(buf, func(x, y KeywordHit) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End
	})
	return append(dst, buf...)
}

// Field widths of the packed sort key: start offset, span length (stored
// inverted so that longer hits come first) and index of the hit.
const (
	packStartBits = 24
	packLenBits   = 20
	packIdxBits   = 20
	packLenMax    = 1<<packLenBits - 1
	packIdxMask   = 1<<packIdxBits - 1
)

// sortPacked appends hits to dst in FindAll's order (start ascending,
// longer first at the same start, then in order of discovery), sorting one
// packed integer per hit rather than the hits themselves. It reports false,
// leaving hits and dst as they are, when an offset, length or count does
// not fit the key.
func sortPacked(dst, hits []KeywordHit, n *normText) ([]KeywordHit, bool) {
	if len(hits) > packIdxMask {
		return nil, false
	}
	keys := n.keys[:0]
	for i, h := range hits {
		l := h.End - h.Start
		if h.Start >= 1<<packStartBits || l < 0 || l > packLenMax {
			n.keys = keys
			return nil, false
		}
		keys = append(keys, uint64(h.Start)<<(packLenBits+packIdxBits)|uint64(packLenMax-l)<<packIdxBits|uint64(i))
	}
	n.keys = keys
	sortNearlySorted(keys)
	dst = slices.Grow(dst, len(hits))
	for _, k := range keys {
		dst = append(dst, hits[k&packIdxMask])
	}
	return dst, true
}

// sortNearlySorted sorts keys, which the scan produces almost in order
// (hits come by end offset; only hits that end at different offsets and
// overlap are out of start order): an insertion sort, which falls back to
// slices.Sort once it has moved more than a few keys per key.
func sortNearlySorted(keys []uint64) {
	budget := 4*len(keys) + 64
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		j := i
		for j > 0 && keys[j-1] > k {
			keys[j] = keys[j-1]
			j--
		}
		keys[j] = k
		if budget -= i - j; budget < 0 {
			slices.Sort(keys)
			return
		}
	}
}

// Contains reports whether any keyword occurs in text. It does not allocate.
func (k *Keywords) Contains(text string) bool {
	n := k.getNorm()
	defer k.putNorm(n)
	found := false
	if k.fused != nil && k.fused.scan(text, func(int, int, int) bool {
		found = true
		return false
	}) || found {
		return found
	}
	k.scan(text, n, func(int, int, int, int, int) bool {
		found = true
		return false
	})
	return found
}

// fusedDict is the fused normalising scan of [Keywords]: the automaton
// reads one symbol per rune of the original text, the class of the rune's
// normal form, so the text is read once and never copied. Dropped runes
// (zero-width characters, separator runs between ideographs) are not
// read; hits map back to the original through a ring of the symbols'
// start offsets. A rune whose normal form is complex (several runes, or
// longer than the rune: ㈱ → (株)) ends the fused scan, and the caller
// scans the text the normalising way.
type fusedDict struct {
	a *match.Symbols
	// sym holds, per BMP rune, the class of its normal form, symHan and
	// symStop; a rune of another kind than kindHan has class symSep (a
	// separator) or symSpecial instead, and its class is in special.
	sym     []uint16
	kind    *[0x10000]uint8 // foldTable's kinds
	special map[rune]uint16 // class of the normal form of special runes, if any
	astral  map[rune]uint16 // class of pattern runes beyond the BMP
	space   uint16          // class of ' ', which an invalid byte becomes
	// skipStart: few runes begin a pattern, so the scan tests for them
	// in the start state rather than step the automaton.
	skipStart bool
}

// Fields of fusedDict.sym.
const (
	symClass   = 1<<14 - 1 // class mask
	symSep     = symClass - 1
	symSpecial = symClass
	symHan     = 1 << 14 // kind is kindHan
	symStop    = 1 << 15 // the class begins a pattern, or the class is symSpecial: skipIdle stops
)

// newFusedDict compiles the normalised patterns pats; it returns nil (and
// no error) when they need more symbol classes than sym holds.
func newFusedDict(pats []string) (*fusedDict, error) {
	ft := foldTableOnce()
	f := &fusedDict{kind: &ft.kind}
	cls := make([]uint16, 0x10000) // class of the normal form, by BMP rune
	total := 0
	for _, p := range pats {
		total += utf8.RuneCountInString(p)
	}
	buf := make([]uint16, 0, total)
	syms := make([][]uint16, len(pats))
	next := 1
	for i, p := range pats {
		at := len(buf)
		for _, r := range p {
			var c uint16
			if r < 0x10000 {
				c = cls[r]
			} else {
				c = f.astral[r]
			}
			if c == 0 {
				if next == symSep {
					return nil, nil
				}
				c = uint16(next)
				next++
				if r < 0x10000 {
					cls[r] = c
				} else {
					if f.astral == nil {
						f.astral = make(map[rune]uint16)
					}
					f.astral[r] = c
				}
			}
			buf = append(buf, c)
		}
		syms[i] = buf[at:len(buf):len(buf)]
	}
	f.space = cls[' ']
	// Runes whose normal form is another rune take its class; read every
	// class before writing any.
	vals := make([]uint16, len(ft.pairs))
	for i, pr := range ft.pairs {
		vals[i] = cls[pr.n]
	}
	for i, pr := range ft.pairs {
		cls[pr.r] = vals[i]
	}
	starts := make([]bool, next)
	nstarts := 0
	for _, p := range syms {
		if !starts[p[0]] {
			starts[p[0]] = true
			nstarts++
		}
	}
	f.skipStart = nstarts <= skipStartMax
	f.sym = cls // reused in place: entry r is read before it is written
	for r, k := range ft.kind {
		c := cls[r]
		e := c
		switch {
		case k == kindHan:
			e |= symHan
		case k != 0:
			e = symSpecial
			if k == kindSep {
				e = symSep
			}
			if c != 0 {
				if f.special == nil {
					f.special = make(map[rune]uint16)
				}
				f.special[rune(r)] = c
			}
		}
		if starts[c] || e == symSpecial {
			e |= symStop
		}
		f.sym[r] = e
	}
	a, err := match.CompileSymbols(syms, next)
	if err != nil {
		return nil, err
	}
	f.a = a
	return f, nil
}

// bmp returns the kind of the BMP rune r and the class of its normal form.
func (f *fusedDict) bmp(r rune) (uint16, uint8) {
	e := f.sym[r]
	if c := e & symClass; c < symSep {
		if e&symHan != 0 {
			return c, kindHan
		}
		return c, 0
	}
	return f.special[r], f.kind[r]
}

// classOf returns the kind of the rune r beyond the BMP and the class of
// its normal form.
func (f *fusedDict) classOf(r rune) (uint16, uint8) {
	n, k := foldRune(r)
	if k&kindComplex != 0 {
		return 0, k
	}
	if n != r {
		if m, _ := foldRune(n); m != n {
			return 0, k | kindComplex
		}
	}
	if n < 0x10000 {
		c, _ := f.bmp(n)
		return c, k
	}
	return f.astral[n], k
}

// skipStartMax is the number of symbols that begin a pattern up to which
// the fused scan skips, in the start state, the runes that begin none:
// with more, the test costs more than it saves (measured on the 351-word
// list, ~200 first symbols, and on 5,351 words, ~2,000).
const skipStartMax = 1000

// ringLen is the number of symbol start offsets the fused scan keeps: a
// pattern has at most MaxKeywordLen runes.
const ringLen = 256

// scan calls fn for every overlapping hit in text with the pattern id and
// the original offsets, until fn returns false. It returns false, having
// reported the hits before it, at the first rune with a complex normal
// form; the caller then scans text with normalize.
func (f *fusedDict) scan(text string, fn func(id, start, end int) bool) bool {
	var ring [ringLen]int
	var pos uint
	a, sym := f.a, (*[0x10000]uint16)(f.sym)
	step, skipStart := a.Stepper(), f.skipStart
	var sk *sepTable
	var s, d uint32
	lastHan := false
	for i := 0; i < len(text); {
		// Fast path: ASCII and three-byte runes (ideographs, CJK
		// punctuation) that are neither dropped nor complex, and single
		// separators between two ideographs, which normalize drops.
		for i+2 < len(text) {
			if skipStart && s == match.Start {
				if i, lastHan = skipIdle(sym, text, i, lastHan); i+2 >= len(text) {
					break
				}
			}
			var r uint
			size := 3
			b := (*[3]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(text)), i)) // i+2 < len(text)
			c0, c1, c2 := b[0], b[1], b[2]
			if c0&0xF0 == 0xE0 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				r = uint(c0&0x0F)<<12 | uint(c1&0x3F)<<6 | uint(c2&0x3F)
				if r < 0x800 {
					break
				}
			} else if c0 < utf8.RuneSelf {
				r, size = uint(c0), 1
			} else {
				break
			}
			e := sym[r&0xFFFF]
			if c := e & symClass; c >= symSep {
				if c != symSep || !lastHan || !hanAt(sym, text, i+size) {
					break
				}
				i += size
				continue
			}
			lastHan = e&symHan != 0
			ring[pos%ringLen] = i
			pos++
			i += size
			s, d = step.Next(s, d, e&symClass)
			if s >= match.OutFlag {
				s &^= match.OutFlag
				for _, id := range a.Outputs(s) {
					if !fn(int(id), ring[(pos-uint(a.PatternLen(id)))%ringLen], i) {
						return true
					}
				}
			}
		}
		if i >= len(text) {
			break
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		var cl uint16
		var kd uint8
		switch {
		case r == utf8.RuneError && size == 1: // an invalid byte becomes a space
			cl, kd = f.space, 0
		case r < 0x10000:
			cl, kd = f.bmp(r)
		default:
			cl, kd = f.classOf(r)
		}
		if kd&kindDrop != 0 {
			i += size
			continue
		}
		if kd&kindSep != 0 && lastHan {
			if sk == nil {
				sk = sepTableOnce()
			}
			if j, ok := skipSeparatorsAfter(sk, text, i+size); ok {
				i = j
				continue
			}
		}
		if kd&kindComplex != 0 {
			return false
		}
		lastHan = kd&kindHan != 0
		ring[pos%ringLen] = i
		pos++
		i += size
		s, d = step.Next(s, d, cl)
		if s >= match.OutFlag {
			s &^= match.OutFlag
			for _, id := range a.Outputs(s) {
				if !fn(int(id), ring[(pos-uint(a.PatternLen(id)))%ringLen], i) {
					return true
				}
			}
		}
	}
	return true
}

// skipIdle returns where, from text[i:], the fused scan in its start state
// must step the automaton, and lastHan there (lastHan is as in the scan, on
// entry and on return). It passes over the ASCII and three-byte runes that
// begin no pattern and are not special, separators included: in the start
// state a separator that begins no pattern leaves the automaton where it
// is whether normalize drops it or not. So the loop decodes a rune and
// tests one table bit, with no branch on the rune's kind (separators among
// ideographs are what the branch predictor misses); it tests for a
// three-byte rune first and then adds 3, so that in a run of ideographs
// the next position does not wait for this rune's loads.
//
// Where lastHan matters, at a rune that is not plain (a separator or
// special rune), skipIdle returns the start of the run of separators
// before it if an ideograph precedes that run, so that the scan decides
// about the whole run as normalize does.
func skipIdle(sym *[0x10000]uint16, text string, i int, lastHan bool) (int, bool) {
	from := i
	p := unsafe.Pointer(unsafe.StringData(text))
	for i+3 < len(text) {
		b := (*[4]byte)(unsafe.Add(p, i)) // i+3 < len(text)
		w := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		if w&0xC0C0F0 == 0x8080E0 { // a three-byte sequence: i += 3 does not wait for the loads
			r := (w&0x0F)<<12 | (w>>2)&0xFC0 | (w>>16)&0x3F
			e := sym[r&0xFFFF]
			if e&symStop != 0 || r < 0x800 {
				if r >= 0x800 && e&symClass < symSep {
					return i, lastHan // a plain rune: lastHan does not matter
				}
				break
			}
			i += 3
			continue
		}
		if w&0x80 != 0 {
			break
		}
		e := sym[w&0x7F]
		if e&symStop != 0 {
			if e&symClass < symSep {
				return i, lastHan
			}
			break
		}
		i++
	}
	return idleResume(sym, text, from, i, lastHan)
}

// idleResume returns where the fused scan resumes after skipIdle passed
// over text[from:i], and lastHan there: i, unless text[:i] ends in a run
// of separators that follows an ideograph (or, from from on, that
// continues the scan's run: lastHan on entry), where it returns the run's
// first separator. The runes of text[from:i] are the ASCII and three-byte
// runes skipIdle passed over.
func idleResume(sym *[0x10000]uint16, text string, from, i int, lastHan bool) (int, bool) {
	j := i
	for j > from {
		k := j - 1
		if text[k] >= utf8.RuneSelf {
			k = j - 3
		}
		r := rune(text[k])
		if r >= utf8.RuneSelf {
			r = rune(text[k]&0x0F)<<12 | rune(text[k+1]&0x3F)<<6 | rune(text[k+2]&0x3F)
		}
		e := sym[r&0xFFFF]
		if e&symClass != symSep {
			lastHan = e&symHan != 0
			break
		}
		j = k
	}
	if !lastHan {
		return i, false
	}
	return j, true
}

// hanAt reports whether text[i:] starts with a three-byte rune of kind
// kindHan (an ideograph that is neither dropped nor complex).
func hanAt(sym *[0x10000]uint16, text string, i int) bool {
	if i+2 >= len(text) {
		return false
	}
	c0, c1, c2 := text[i], text[i+1], text[i+2]
	if c0&0xF0 != 0xE0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return false
	}
	r := uint(c0&0x0F)<<12 | uint(c1&0x3F)<<6 | uint(c2&0x3F)
	e := sym[r&0xFFFF]
	return r >= 0x800 && e&symHan != 0 && e&symClass < symSep
}
