package review

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// normText is the normalised form of a text with a byte-offset map back to
// the original. Most text is already normal (ideographs, lower-case ASCII,
// CJK punctuation), so the map is kept per segment: a copied segment maps
// byte for byte (original offset = o + position in the segment), and only
// the bytes of changed segments carry per-byte maps (byte k of a changed
// segment came from the original rune [src[o+k], end[o+k])). When nothing
// changes at all the text is not even copied: str returns the original.
type normText struct {
	s        []byte  // normalised text, unless identity
	orig     string  // the original text, when identity
	identity bool    // the normalised text is the original text
	base     int     // offset of the original text
	segs     []seg   // in order of n; empty when identity
	src      []int32 // per byte of the changed segments
	end      []int32
	tmp      []byte
	run      int          // start (relative to the text) of the pending copied run
	invalid  bool         // the text had an invalid UTF-8 byte
	inplace  bool         // s has the original's length: see fold
	bail     bool         // fold met a rune it cannot replace in place
	hits     []KeywordHit // scratch for Keywords.FindAll
	keys     []uint64     // scratch for Keywords.FindAll's sort
}

// seg is one segment of a normalised text: it starts at byte n of the
// normalised text; o is its original offset (copied) or its index into
// src/end (changed).
type seg struct {
	n, o    int32
	changed bool
}

// maxSeparatorRun is how many separator runes between two ideographs are
// dropped (最 佳, 最**佳); longer runs are kept as they are.
const maxSeparatorRun = 4

func (n *normText) reset() {
	n.s, n.src, n.end, n.segs = n.s[:0], n.src[:0], n.end[:0], n.segs[:0]
	n.orig, n.identity, n.base, n.run, n.invalid = "", false, 0, 0, false
	n.inplace, n.bail = false, false
}

// Filler bytes of an in-place normalised text (see fold). Neither occurs in
// UTF-8, and invalid bytes of the original become spaces, so a filler in s
// is always one fold wrote.
const (
	padByte  = 0xFE // before the replacement of a rune that became shorter
	dropByte = 0xFF // a dropped rune: separator or zero-width character
)

// fillers are the bytes the keyword automaton reads without changing state.
var fillers = []byte{padByte, dropByte}

// fold is normalize with the normalised text kept at the original's length,
// so that no offset map is needed: a rune whose normalised form is shorter
// is written over its last bytes, its first bytes padded with padByte, and
// a dropped rune is overwritten with dropByte. The keyword automaton skips
// both fillers (match.CompileSkipping). Offsets: a hit [s, e) of s is the
// original [s', e) where s' is s moved back over the padByte run before it.
// fold reports false, leaving n to be reset, when some rune's normalised
// form is longer than the rune or more than one rune (㈱ → (株)); the
// caller then uses normalize. n must be reset first.
func (n *normText) fold(text string, base int) bool {
	n.inplace = true
	n.normalize(text, base)
	return !n.bail
}

// own copies text into s at the first change of an in-place normalisation.
func (n *normText) own(text string) {
	if len(n.s) == 0 && len(text) > 0 {
		n.s = append(n.s[:0], text...)
	}
}

// put writes the replacement rune r of the original rune text[i:to] in
// place.
func (n *normText) put(text string, r rune, i, to int) {
	k := utf8.RuneLen(r)
	if k < 0 || k > to-i {
		n.bail = true
		return
	}
	n.own(text)
	for j := i; j < to-k; j++ {
		n.s[j] = padByte
	}
	utf8.EncodeRune(n.s[to-k:to], r)
}

// str returns the normalised text; unless it is the original text itself,
// it shares n's buffer and is only valid until n is reused.
func (n *normText) str() string {
	if n.identity {
		return n.orig
	}
	if len(n.s) == 0 {
		return ""
	}
	return unsafe.String(&n.s[0], len(n.s))
}

// flush copies the pending run text[n.run:i] as a copied segment.
func (n *normText) flush(text string, i int) {
	if i > n.run {
		n.segs = append(n.segs, seg{n: int32(len(n.s)), o: int32(n.base + n.run)})
		n.s = append(n.s, text[n.run:i]...)
	}
}

// change ends the pending run at text[i] and starts a changed segment for
// the original rune [i, to) if the last segment is not one already.
func (n *normText) change(text string, i int) {
	n.flush(text, i)
	if k := len(n.segs); k == 0 || !n.segs[k-1].changed {
		n.segs = append(n.segs, seg{n: int32(len(n.s)), o: int32(len(n.src)), changed: true})
	}
}

// skip drops text[i:j] from the normalised text.
func (n *normText) skip(text string, i, j int) {
	if n.inplace {
		n.own(text)
		for k := i; k < j; k++ {
			n.s[k] = dropByte
		}
		return
	}
	n.flush(text, i)
	n.run = j
}

func (n *normText) emitRune(text string, r rune, i, to int) {
	if n.inplace {
		n.put(text, r, i, to)
		return
	}
	n.change(text, i)
	k := len(n.s)
	n.s = utf8.AppendRune(n.s, r)
	for range len(n.s) - k {
		n.src = append(n.src, int32(n.base+i))
		n.end = append(n.end, int32(n.base+to))
	}
	n.run = to
}

func (n *normText) emitByte(text string, c byte, i, to int) {
	if n.inplace {
		n.own(text)
		pad := n.s[i : to-1]
		for j := range pad {
			pad[j] = padByte
		}
		n.s[to-1] = c
		return
	}
	n.change(text, i)
	n.s = append(n.s, c)
	n.src = append(n.src, int32(n.base+i))
	n.end = append(n.end, int32(n.base+to))
	n.run = to
}

// span maps the normalised range [s, e) of a hit back to original byte
// offsets. s and e are rune boundaries of the normalised text (a hit of a
// valid UTF-8 pattern in valid UTF-8 text always is).
func (n *normText) span(s, e int) (int, int) {
	if n.identity {
		return n.base + s, n.base + e
	}
	if n.inplace {
		for s > 0 && n.s[s-1] == padByte {
			s--
		}
		return n.base + s, n.base + e
	}
	// A hit usually lies in one copied segment: one look-up then.
	k := n.segIndex(e - 1)
	if sg := n.segs[k]; !sg.changed && int(sg.n) <= s {
		return int(sg.o) + s - int(sg.n), int(sg.o) + e - int(sg.n)
	}
	return n.srcOf(s), n.endOf(e - 1)
}

// segOf returns the segment holding normalised byte i.
func (n *normText) segOf(i int) seg {
	return n.segs[n.segIndex(i)]
}

// segIndex returns the index of the segment holding normalised byte i.
func (n *normText) segIndex(i int) int {
	lo, hi := 0, len(n.segs)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if int(n.segs[m].n) <= i {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

func (n *normText) srcOf(i int) int {
	sg := n.segOf(i)
	if sg.changed {
		return int(n.src[int(sg.o)+i-int(sg.n)])
	}
	return int(sg.o) + i - int(sg.n)
}

// endOf returns the original end of the rune whose last normalised byte is i.
func (n *normText) endOf(i int) int {
	sg := n.segOf(i)
	if sg.changed {
		return int(n.end[int(sg.o)+i-int(sg.n)])
	}
	return int(sg.o) + i - int(sg.n) + 1
}

func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0x20000 && r <= 0x3134F)
}

func isZeroWidth(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E:
		return true
	}
	return false
}

// isSentencePunct lists punctuation that is never dropped between
// ideographs: it separates clauses, and dropping it would join words that
// were never written together.
func isSentencePunct(r rune) bool {
	switch r {
	case '，', '。', '！', '？', '；', '：', '、', ',', '!', '?', ';', ':', '\n', '\r':
		return true
	}
	return false
}

func isSeparator(r rune) bool {
	if r < 0x80 {
		c := byte(r)
		return c == ' ' || c == '\t' || (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
			(c >= '[' && c <= '`') || (c >= '{' && c <= '~')
	}
	if (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF0F) || (r >= 0xFF1A && r <= 0xFF20) ||
		(r >= 0xFF3B && r <= 0xFF40) || (r >= 0xFF5B && r <= 0xFF65) {
		return r != 0x3005 && r != 0x3006 && r != 0x3007 // 々 〆 〇 are letters
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// normalize fills n with the review normalisation of text: NFKC (per rune),
// case folding, zero-width characters removed, short runs of spaces, symbols
// and punctuation between two ideographs removed (sentence punctuation is
// kept), traditional forms of listed characters mapped to simplified ones.
// Invalid UTF-8 bytes become a space. Offsets are relative to text plus base.
// n must be reset first.
func (n *normText) normalize(text string, base int) {
	n.base, n.run = base, 0
	sk := sepTableOnce()
	pt := punctTableOnce()
	lastHan := false
	for i := 0; i < len(text); {
		c := text[i]
		// Fast path: a three-byte ideograph in U+4E00–U+9FFF that is not a
		// listed traditional form is normal as it is.
		if c >= 0xE4 && c <= 0xE9 {
			if j := hanRun(text, i); j > i {
				lastHan = true
				i = j
				// Fast path: the CJK or full-width punctuation that ends
				// most runs of ideographs, decoded once and looked up.
				if i+2 < len(text) && (text[i] == 0xE3 || text[i] == 0xEF) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
					switch a := pt.act(text[i], text[i+1], text[i+2]); {
					case a == punctKeep:
						lastHan = false
						i += 3
					case a == punctSkip:
						if plainHanAt(text, i+3) {
							n.skip(text, i, i+3)
							i += 3
						}
					case a >= punctByte:
						n.emitByte(text, a, i, i+3)
						lastHan = false
						i += 3
					}
				}
				continue
			}
			if i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
				if r >= 0x4E00 && r <= 0x9FFF { // a listed traditional form
					if s, ok := tradToSimp[r]; ok {
						n.emitRune(text, s, i, i+3)
					}
					lastHan = true
					i += 3
					continue
				}
			}
		}
		if c < utf8.RuneSelf {
			if lastHan && sk.skippable(rune(c)) {
				if j, ok := skipSeparatorsAfter(sk, text, i+1); ok {
					n.skip(text, i, j)
					i = j
					continue
				}
			}
			if c >= 'A' && c <= 'Z' {
				n.emitByte(text, c+'a'-'A', i, i+1)
			}
			lastHan = false
			i++
			// The rest of an ASCII run is normal unless it has capitals.
			for i < len(text) && text[i] < utf8.RuneSelf && (text[i] < 'A' || text[i] > 'Z') {
				i++
			}
			continue
		}
		r, size := decodeRune(text, i)
		if r == utf8.RuneError && size == 1 {
			n.invalid = true
			n.emitByte(text, ' ', i, i+1)
			lastHan = false
			i++
			continue
		}
		if isZeroWidth(r) {
			n.skip(text, i, i+size)
			i += size
			continue
		}
		if r >= 0x4E00 && r <= 0x9FFF { // reached only for a malformed fast path
			lastHan = true
			i += size
			continue
		}
		if lastHan && sk.skippable(r) {
			if j, ok := skipSeparatorsAfter(sk, text, i+size); ok {
				n.skip(text, i, j)
				i = j
				continue
			}
		}
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			c := byte(r - 0xFEE0)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			n.emitByte(text, c, i, i+size)
		case r == 0x3000:
			n.emitByte(text, ' ', i, i+size)
		case r >= 0x3001 && r <= 0x303F, r >= 0x3400 && r <= 0x4DBF:
			// normal as it is
		default:
			n.tmp = norm.NFKC.AppendString(n.tmp[:0], text[i:i+size])
			k := len(n.tmp)
			for _, fr := range string(n.tmp[:k]) {
				n.tmp = utf8.AppendRune(n.tmp, foldRuneCase(fr))
			}
			if out := n.tmp[k:]; string(out) != text[i:i+size] {
				if n.inplace && (len(out) > size || utf8.RuneCount(out) != 1) {
					n.bail = true
					return
				}
				for _, fr := range string(out) {
					n.emitRune(text, fr, i, i+size)
				}
			}
		}
		lastHan = isHan(r)
		i += size
	}
	if n.inplace {
		if len(n.s) == 0 {
			n.identity, n.orig = true, text
		}
		return
	}
	if len(n.segs) == 0 && n.run == 0 {
		n.identity, n.orig = true, text
		return
	}
	n.flush(text, len(text))
}

// hanRun returns the end of the run of three-byte ideographs in
// U+4E00–U+9FFF starting at text[i] that are not listed traditional forms:
// text that is normal as it is.
func hanRun(text string, i int) int {
	if i < 0 {
		return i
	}
	// The loop reads text[i:i+3] with i+2 < len(text) checked: no bounds
	// checks per byte (this loop is most of the normalisation of CJK text).
	p := unsafe.StringData(text)
	for i+2 < len(text) {
		b := (*[3]byte)(unsafe.Add(unsafe.Pointer(p), i))
		c := uint(b[0]) - 0xE4
		if c > 5 {
			break
		}
		c2 := b[2]
		if c2&0xC0 != 0x80 || hanStop[c][b[1]]&(1<<(c2&0x3F)) != 0 {
			break
		}
		i += 3
	}
	return i
}

// plainHanAt reports whether text[k:] begins with a three-byte ideograph in
// U+4E00–U+9FFF that is not a listed traditional form (hanRun(text, k) > k).
func plainHanAt(text string, k int) bool {
	if k < 0 || k+2 >= len(text) {
		return false
	}
	c := uint(text[k]) - 0xE4
	if c > 5 {
		return false
	}
	c2 := text[k+2]
	return c2&0xC0 == 0x80 && hanStop[c][text[k+1]]&(1<<(c2&0x3F)) == 0
}

// punctTable holds what normalize does, right after an ideograph, with a
// rune of U+3000–U+3FFF or U+F000–U+FFFF (three-byte sequences led by E3 or
// EF): punctSlow (the general path decides), punctKeep (normal as it is),
// punctSkip (a skippable separator: dropped when an ideograph follows, else
// the general path decides) or a byte >= punctByte (a full-width form that
// becomes that ASCII byte).
type punctTable [2 << 12]uint8

const (
	punctSlow = 0
	punctKeep = 1
	punctSkip = 2
	punctByte = '!'
)

// act returns the action for the valid three-byte sequence c0 c1 c2, c0
// being E3 or EF.
func (t *punctTable) act(c0, c1, c2 byte) uint8 {
	return t[uint(c0>>3&1)<<12|uint(c1&0x3F)<<6|uint(c2&0x3F)]
}

// punctTableOnce builds the table from the predicates normalize applies,
// on first use.
var punctTableOnce = sync.OnceValue(func() *punctTable {
	sk := sepTableOnce()
	t := new(punctTable)
	for _, block := range []rune{0x3000, 0xF000} {
		for k := rune(0); k < 1<<12; k++ {
			r := block + k
			var a uint8
			switch {
			case isZeroWidth(r), isHan(r):
			case sk.skippable(r):
				a = punctSkip
			case r >= 0xFF01 && r <= 0xFF5E:
				c := byte(r - 0xFEE0)
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				a = c
			case r >= 0x3001 && r <= 0x303F:
				a = punctKeep
			}
			t[(block>>15)<<12|k] = a
		}
	}
	return t
})

// hanStop is tradBits indexed by the bytes of a three-byte sequence with
// lead E4–E9: entry [lead-0xE4][second] has bit third&0x3F set when the
// sequence is not a plain ideograph in U+4E00–U+9FFF (second is not a
// continuation byte, the rune is below U+4E00, or it is a listed
// traditional form).
var hanStop = func() (t [6][256]uint64) {
	for lead := range t {
		for second := range t[lead] {
			if second&0xC0 != 0x80 {
				t[lead][second] = ^uint64(0)
				continue
			}
			hi := rune(lead+4)<<12 | rune(second&0x3F)<<6 // the rune with third byte 0x80
			if hi < 0x4E00 {
				t[lead][second] = ^uint64(0)
				continue
			}
			t[lead][second] = tradBits[(hi-0x4E00)>>6]
		}
	}
	return t
}()

// skipSeparators reports whether the separator run starting at text[i] is
// short and followed by an ideograph, and where that ideograph starts.
func skipSeparators(sk *sepTable, text string, i int) (int, bool) {
	return skipSeparatorRun(sk, text, i, 0)
}

// skipSeparatorsAfter is skipSeparators for a run whose first rune, a
// skippable separator, ends at text[j] (the caller has decoded it).
func skipSeparatorsAfter(sk *sepTable, text string, j int) (int, bool) {
	return skipSeparatorRun(sk, text, j, 1)
}

// skipSeparatorRun continues a separator run of runs runes at text[i].
func skipSeparatorRun(sk *sepTable, text string, i, runs int) (int, bool) {
	for j := i; j < len(text); {
		r, size := decodeRune(text, j)
		switch {
		case isZeroWidth(r):
		case isHan(r):
			return j, runs > 0
		case sk.skippable(r):
			runs++
			if runs > maxSeparatorRun {
				return 0, false
			}
		default:
			return 0, false
		}
		j += size
	}
	return 0, false
}

// sepTable marks the runes of the Basic Multilingual Plane that a short run
// between two ideographs may consist of: separators that are not sentence
// punctuation (and not U+FFFD).
type sepTable [0x10000 / 64]uint64

// sepTableOnce builds the table on first use (65,536 Unicode table
// look-ups, which no program should pay at start-up).
var sepTableOnce = sync.OnceValue(func() *sepTable {
	t := new(sepTable)
	for r := rune(0); r < 0x10000; r++ {
		if r != utf8.RuneError && isSeparator(r) && !isSentencePunct(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
})

func (t *sepTable) skippable(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return t[r>>6]&(1<<(r&63)) != 0
	}
	return r != utf8.RuneError && isSeparator(r) && !isSentencePunct(r)
}

// decodeRune is utf8.DecodeRuneInString(text[i:]) with the three-byte case
// (CJK punctuation, full-width forms) inline.
func decodeRune(text string, i int) (rune, int) {
	if c := text[i]; c >= 0xE0 && c < 0xF0 && i+2 < len(text) {
		c1, c2 := text[i+1], text[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			if r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// normalizeWord returns the normalised form of a dictionary word.
func normalizeWord(w string) string {
	var n normText
	n.normalize(w, 0)
	return strings.Clone(n.str())
}

// Rune kinds of the fused scan (see fusedDict): what normalize does with a
// rune besides replacing it by its normal form.
const (
	kindHan       uint8 = 1 << iota // an ideograph: a separator run after it may be dropped
	kindSep                         // a separator that a short run between ideographs may consist of
	kindDrop                        // a zero-width character: always dropped
	kindComplex                     // the normal form is not one rune no longer than the rune: normalize decides
	kindSurrogate                   // not a rune: its encoding is three invalid bytes
)

// foldRune returns the normal form of the rune r (decoded from valid
// UTF-8) as normalize computes it, and r's kind. The form is normalize's
// own, of r alone (a separator's context is the kind's business).
func foldRune(r rune) (rune, uint8) {
	var k uint8
	if isHan(r) {
		k |= kindHan
	}
	if sepTableOnce().skippable(r) {
		k |= kindSep
	}
	if isZeroWidth(r) {
		return r, k | kindDrop
	}
	var buf [utf8.UTFMax]byte
	var n normText
	n.normalize(string(utf8.AppendRune(buf[:0], r)), 0)
	out := n.str()
	f, size := utf8.DecodeRuneInString(out)
	if size == 0 || size != len(out) || size > utf8.RuneLen(r) {
		return r, k | kindComplex
	}
	return f, k
}

// foldPair is a rune of the Basic Multilingual Plane and its normal form.
type foldPair struct{ r, n rune }

// foldTable is foldRune for the Basic Multilingual Plane: every rune's
// kind, and the runes whose normal form is another rune. A rune whose normal
// form is not itself normal is complex.
type foldTable struct {
	kind  [0x10000]uint8
	pairs []foldPair
}

// foldTableOnce builds the table on first use (every rune of the plane
// through normalize, about 8 ms, which no program should pay at start-up).
var foldTableOnce = sync.OnceValue(func() *foldTable {
	t := new(foldTable)
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF { // not valid UTF-8: decoded as invalid bytes
			t.kind[r] = kindSurrogate
			continue
		}
		n, k := foldRune(r)
		if n != r && k&kindComplex == 0 {
			if m, _ := foldRune(n); m != n || n >= 0x10000 {
				k |= kindComplex
			} else {
				t.pairs = append(t.pairs, foldPair{r, n})
			}
		}
		t.kind[r] = k
	}
	return t
})

// foldRuneCase is what normalisation does to each rune of an NFKC form:
// lower case, then the simplified form of a traditional character.
func foldRuneCase(r rune) rune {
	r = unicode.ToLower(r)
	if r >= 0x4E00 && r <= 0x9FFF {
		if s, ok := simplifyHan(r); ok {
			return s
		}
	} else if s, ok := tradToSimp[r]; ok {
		return s
	}
	return r
}
