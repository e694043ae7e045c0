package review

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// normText is a normalised copy of a text with a byte-offset map back to the
// original: byte i of s came from the original rune [src[i], end[i]).
type normText struct {
	s   []byte
	src []int32
	end []int32
	tmp []byte
}

// maxSeparatorRun is how many separator runes between two ideographs are
// dropped (最 佳, 最**佳); longer runs are kept as they are.
const maxSeparatorRun = 4

func (n *normText) reset() {
	n.s, n.src, n.end = n.s[:0], n.src[:0], n.end[:0]
}

// str returns the normalised text as a string sharing n's buffer; it is only
// valid until n is reused.
func (n *normText) str() string {
	if len(n.s) == 0 {
		return ""
	}
	return unsafe.String(&n.s[0], len(n.s))
}

func (n *normText) emit(b string, from, to int) {
	n.s = append(n.s, b...)
	for range len(b) {
		n.src = append(n.src, int32(from))
		n.end = append(n.end, int32(to))
	}
}

func (n *normText) emitRune(r rune, from, to int) {
	k := len(n.s)
	n.s = utf8.AppendRune(n.s, r)
	for range len(n.s) - k {
		n.src = append(n.src, int32(from))
		n.end = append(n.end, int32(to))
	}
}

func (n *normText) emitByte(c byte, from, to int) {
	n.s = append(n.s, c)
	n.src = append(n.src, int32(from))
	n.end = append(n.end, int32(to))
}

// span maps the normalised range [s, e) back to original byte offsets.
func (n *normText) span(s, e int) (int, int) {
	return int(n.src[s]), int(n.end[e-1])
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
func (n *normText) normalize(text string, base int) {
	if need := len(n.s) + len(text) + 16; cap(n.s) < need {
		n.s = append(make([]byte, 0, need), n.s...)
		n.src = append(make([]int32, 0, need), n.src...)
		n.end = append(make([]int32, 0, need), n.end...)
	}
	lastHan := false
	for i := 0; i < len(text); {
		c := text[i]
		// Fast path: a three-byte ideograph in U+4E00–U+9FFF that is not a
		// listed traditional form, copied as is.
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			if r >= 0x4E00 && r <= 0x9FFF {
				if k := r - 0x4E00; tradBits[k>>6]&(1<<(k&63)) != 0 {
					if s, ok := tradToSimp[r]; ok {
						n.emitRune(s, base+i, base+i+3)
						lastHan = true
						i += 3
						continue
					}
				}
				from, to := int32(base+i), int32(base+i+3)
				n.s = append(n.s, c, text[i+1], text[i+2])
				n.src = append(n.src, from, from, from)
				n.end = append(n.end, to, to, to)
				lastHan = true
				i += 3
				continue
			}
		}
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if lastHan && !isSentencePunct(rune(c)) && isSeparator(rune(c)) {
				if j, ok := skipSeparators(text, i); ok {
					i = j
					continue
				}
			}
			n.emitByte(c, base+i, base+i+1)
			lastHan = false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			n.emitByte(' ', base+i, base+i+1)
			lastHan = false
			i++
			continue
		}
		if isZeroWidth(r) {
			i += size
			continue
		}
		if r >= 0x4E00 && r <= 0x9FFF { // reached only for a malformed fast path
			n.emit(text[i:i+size], base+i, base+i+size)
			lastHan = true
			i += size
			continue
		}
		if lastHan && !isSentencePunct(r) && isSeparator(r) {
			if j, ok := skipSeparators(text, i); ok {
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
			n.emitByte(c, base+i, base+i+size)
		case r == 0x3000:
			n.emitByte(' ', base+i, base+i+size)
		case r >= 0x3001 && r <= 0x303F, r >= 0x3400 && r <= 0x4DBF:
			n.emit(text[i:i+size], base+i, base+i+size)
		default:
			n.tmp = norm.NFKC.AppendString(n.tmp[:0], text[i:i+size])
			for _, fr := range string(n.tmp) {
				fr = unicode.ToLower(fr)
				if fr >= 0x4E00 && fr <= 0x9FFF {
					if s, ok := simplifyHan(fr); ok {
						fr = s
					}
				} else if s, ok := tradToSimp[fr]; ok {
					fr = s
				}
				n.emitRune(fr, base+i, base+i+size)
			}
		}
		lastHan = isHan(r)
		i += size
	}
}

// skipSeparators reports whether the separator run starting at text[i] is
// short and followed by an ideograph, and where that ideograph starts.
func skipSeparators(text string, i int) (int, bool) {
	runs := 0
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case isZeroWidth(r):
		case isHan(r):
			return j, runs > 0
		case r != utf8.RuneError && isSeparator(r) && !isSentencePunct(r):
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

// normalizeWord returns the normalised form of a dictionary word.
func normalizeWord(w string) string {
	var n normText
	n.normalize(w, 0)
	return string(n.s)
}
