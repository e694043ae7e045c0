package review

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

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
// Keywords is safe for concurrent use; scanning a text that has no hit does
// not allocate.
type Keywords struct {
	m     *match.Matcher
	words []string // original word per pattern id
	fill  bool     // m skips fillers: texts are normalised in place (fold)
	pool  sync.Pool
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
	m, err := match.CompileSkipping(pats, fillers)
	if err != nil {
		return nil, fmt.Errorf("review: compile keywords: %w", err)
	}
	return &Keywords{m: m, words: orig, fill: true}, nil
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
	if k == nil || k.m == nil {
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
	k.scan(text, n, func(id, os, oe, _, _ int) bool {
		buf = append(buf, KeywordHit{Word: k.words[id], Start: os, End: oe})
		return true
	})
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
	slices.Sort(keys)
	dst = slices.Grow(dst, len(hits))
	for _, k := range keys {
		dst = append(dst, hits[k&packIdxMask])
	}
	return dst, true
}

// Contains reports whether any keyword occurs in text. It does not allocate.
func (k *Keywords) Contains(text string) bool {
	n := k.getNorm()
	defer k.putNorm(n)
	found := false
	k.scan(text, n, func(int, int, int, int, int) bool {
		found = true
		return false
	})
	return found
}
