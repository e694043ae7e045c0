package review

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/internal/match/matchtest"
	"golang.org/x/text/unicode/norm"
	"unicode"
)

// refNorm is the straightforward normaliser the segment map replaced: two
// int32 offsets per normalised byte. The tests check that normText agrees
// with it on the text and on every offset a hit can ask for.
type refNorm struct {
	s   []byte
	src []int32
	end []int32
	tmp []byte
}

func (n *refNorm) emit(b string, from, to int) {
	n.s = append(n.s, b...)
	for range len(b) {
		n.src = append(n.src, int32(from))
		n.end = append(n.end, int32(to))
	}
}

func (n *refNorm) emitRune(r rune, from, to int) {
	k := len(n.s)
	n.s = utf8.AppendRune(n.s, r)
	for range len(n.s) - k {
		n.src = append(n.src, int32(from))
		n.end = append(n.end, int32(to))
	}
}

func (n *refNorm) emitByte(c byte, from, to int) {
	n.s = append(n.s, c)
	n.src = append(n.src, int32(from))
	n.end = append(n.end, int32(to))
}

func (n *refNorm) normalize(text string, base int) {
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
				if j, ok := skipSeparators(sepTableOnce(), text, i); ok {
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
			if j, ok := skipSeparators(sepTableOnce(), text, i); ok {
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

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"ＮＯ．１ Top1 VX", "no.1 top1 vx"},
		{"最 佳 最*佳 最・佳", "最佳最佳最佳"},
		{"最，佳。第一", "最,佳。第一"},
		{"最     佳", "最     佳"},
		{"頂級國家級獨家", "顶级国家级独家"},
		{"零\u200b添\u200d加\ufeff", "零添加"},
		{"\uF9B2㈱", "零(株)"},
		{"a\xffb", "a b"},
		{"100%棉", "100%棉"},
		{"纯棉短袖，亲肤透气。【正品】“好”", "纯棉短袖,亲肤透气。【正品好”"},
		{"", ""},
	}
	for _, tt := range tests {
		var n normText
		n.normalize(tt.in, 0)
		if diff := cmp.Diff(tt.want, n.str()); diff != "" {
			t.Errorf("normalize(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		checkOffsets(t, tt.in, &n, 0)
		checkFold(t, tt.in, 0)
	}
}

// checkFold compares the in-place normalisation (fold) with the reference:
// with its fillers removed, the same text; for every rune [s, e) of it, the
// span the automaton reports (from the filler-free start to the end of the
// rune's last byte) maps to the same original offsets.
func checkFold(t *testing.T, in string, base int) {
	t.Helper()
	var n normText
	if !n.fold(in, base) {
		for _, r := range in { // only a rune with a longer or multi-rune form bails
			var one normText
			if one.fold(string(r), 0) {
				continue
			}
			return
		}
		t.Fatalf("%q: fold bailed out, but every rune folds alone", in)
	}
	got := n.str()
	if len(got) != len(in) {
		t.Fatalf("%q: folded to %d bytes, want %d", in, len(got), len(in))
	}
	var plain []byte
	var pos []int
	for i := 0; i < len(got); i++ {
		if got[i] != padByte && got[i] != dropByte {
			plain = append(plain, got[i])
			pos = append(pos, i)
		}
	}
	var ref refNorm
	ref.normalize(in, base)
	if string(plain) != string(ref.s) {
		t.Fatalf("%q: folded to %q, reference %q", in, plain, ref.s)
	}
	for s := 0; s < len(plain); {
		_, size := utf8.DecodeRune(plain[s:])
		e := s + size
		gs, ge := n.span(pos[s], pos[e-1]+1)
		if ws, we := int(ref.src[s]), int(ref.end[e-1]); gs != ws || ge != we {
			t.Fatalf("%q: rune [%d:%d] spans [%d:%d], reference [%d:%d]", in, s, e, gs, ge, ws, we)
		}
		s = e
	}
}

// TestNormalizeIdentity: text that is already normal is neither copied nor
// mapped byte by byte.
func TestNormalizeIdentity(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"精选新疆长绒棉面料。亲肤透气。100%棉", "iphone 5g usb-c", "【正品】。"} {
		var n normText
		n.normalize(in, 3)
		if !n.identity || len(n.s) != 0 || len(n.src) != 0 {
			t.Errorf("%q: identity %v, %d bytes copied, %d mapped", in, n.identity, len(n.s), len(n.src))
		}
		if n.str() != in {
			t.Errorf("%q: str() = %q", in, n.str())
		}
		if s, e := n.span(3, 6); s != 6 || e != 9 {
			t.Errorf("%q: span(3, 6) = %d, %d", in, s, e)
		}
	}
}

// checkOffsets compares n with the reference normaliser: the same text, and
// for every rune [s, e) of it the same original start of s and end of e-1.
// It also checks the reference map's invariants.
func checkOffsets(t *testing.T, in string, n *normText, base int) {
	t.Helper()
	var ref refNorm
	ref.normalize(in, base)
	if got, want := n.str(), string(ref.s); got != want {
		t.Fatalf("%q: normalised to %q, reference %q", in, got, want)
	}
	prev := int32(base)
	for i := range ref.s {
		s, e := ref.src[i], ref.end[i]
		if s < prev || e <= s || int(e) > base+len(in) {
			t.Fatalf("%q: byte %d maps to [%d:%d] after %d", in, i, s, e, prev)
		}
		if utf8.ValidString(in) && !utf8.RuneStart(in[int(s)-base]) {
			t.Fatalf("%q: byte %d maps into the middle of a rune", in, i)
		}
		prev = s
	}
	ns := n.str()
	for s := 0; s < len(ns); {
		_, size := utf8.DecodeRuneInString(ns[s:])
		e := s + size
		gs, ge := n.span(s, e)
		if ws, we := int(ref.src[s]), int(ref.end[e-1]); gs != ws || ge != we {
			t.Fatalf("%q: span(%d, %d) = [%d:%d], reference [%d:%d]", in, s, e, gs, ge, ws, we)
		}
		s = e
	}
}

// TestNormalizeAgreesOnCorpus compares with the reference on the benchmark
// corpus and on mixed text with every kind of change.
func TestNormalizeAgreesOnCorpus(t *testing.T) {
	t.Parallel()
	words := []string{"最佳", "ＮＯ．１", "頂級", "最 佳", "零\u200b添加", "Top1", "a\xffb", "１３８"}
	texts := []string{matchtest.Corpus(64<<10, words), strings.Repeat("精选ＡＢＣ頂級，最 * 佳\u200b。Ｘ\xfe", 200)}
	for _, in := range texts {
		var n normText
		n.normalize(in, 11)
		checkOffsets(t, in, &n, 11)
		checkFold(t, in, 11)
	}
}

func TestCountRunesValid(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "a", "纯棉短袖T恤男夏季宽松圆领上衣", strings.Repeat("精选ＡＢＣ𠀀é", 37), "12345678"} {
		if got, want := countRunesValid(in), utf8.RuneCountInString(in); got != want {
			t.Errorf("countRunesValid(%q) = %d, want %d", in, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"ＮＯ．１最 佳", "頂級\u200b國家級", "a\xff\xfe最", "㈱ﬁ", "最**佳，第一次", "纯棉，好。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 4096 {
			return
		}
		var n normText
		n.normalize(in, 7)
		checkOffsets(t, in, &n, 7)
		checkFold(t, in, 7)
		if n.invalid == utf8.ValidString(in) {
			t.Fatalf("%q: invalid = %v", in, n.invalid)
		}
		if utf8.ValidString(in) && countRunesValid(in) != utf8.RuneCountInString(in) {
			t.Fatalf("%q: countRunesValid = %d, want %d", in, countRunesValid(in), utf8.RuneCountInString(in))
		}
		if len(n.str()) > 18*len(in)+16 {
			t.Fatalf("normalised %d bytes to %d", len(in), len(n.str()))
		}
	})
}

// BenchmarkNormalize compares the segment map with the reference per-byte
// map on the benchmark corpus (normalisation only, no scan).
func BenchmarkNormalize(b *testing.B) {
	var words []string
	for _, w := range DefaultWordList().Words {
		words = append(words, w.Text)
	}
	corpus := matchtest.Corpus(1<<20, words)
	chunks := matchtest.Listings(corpus, scanChunk)
	b.Run("segments", func(b *testing.B) {
		b.SetBytes(int64(len(corpus)))
		b.ReportAllocs()
		var n normText
		for b.Loop() {
			for _, c := range chunks {
				n.reset()
				n.normalize(c, 0)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.SetBytes(int64(len(corpus)))
		b.ReportAllocs()
		var n refNorm
		for b.Loop() {
			for _, c := range chunks {
				n.s, n.src, n.end = n.s[:0], n.src[:0], n.end[:0]
				n.normalize(c, 0)
			}
		}
	})
}
