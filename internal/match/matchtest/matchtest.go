// Package matchtest generates the deterministic benchmark corpus shared by
// the matcher's own benchmarks and the side-by-side peer benchmark
// (internal/peerbench): a Zipf-skewed ideograph pool, dense random extra
// words and about 1 MiB of listing-like text with planted dictionary words,
// as described in review-rules §5.2.
package matchtest

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// Seed is the fixed PRNG seed of every generator in this package.
const Seed = 20260301

const poolSize = 3000

// pool returns the 3,000 ideographs of the skewed alphabet, most frequent
// first: common CJK code points spread over the URO block.
func pool() []rune {
	r := rand.New(rand.NewPCG(Seed, 1))
	seen := make(map[rune]bool, poolSize)
	out := make([]rune, 0, poolSize)
	for len(out) < poolSize {
		c := rune(0x4E00 + r.IntN(0x9FA5-0x4E00))
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

type gen struct {
	r    *rand.Rand
	z    *rand.Zipf
	pool []rune
}

func newGen(stream uint64) *gen {
	r := rand.New(rand.NewPCG(Seed, stream))
	return &gen{r: r, z: rand.NewZipf(r, 1.1, 8, poolSize-1), pool: pool()}
}

func (g *gen) ideograph() rune { return g.pool[g.z.Uint64()] }

// ExtraWords returns n random 2–6-ideograph words drawn from the skewed pool
// (the "dense" dictionary of §5.2), deterministic for a given n.
func ExtraWords(n int) []string {
	g := newGen(2)
	out := make([]string, 0, n)
	seen := make(map[string]bool, n)
	var b strings.Builder
	for len(out) < n {
		b.Reset()
		k := 2 + g.r.IntN(5)
		for j := 0; j < k; j++ {
			b.WriteRune(g.ideograph())
		}
		w := b.String()
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

var cjkPunct = []rune("，。、；：？！“”（）《》【】")

var asciiTokens = []string{"iPhone", "2026", "XL", "100ml", "USB-C", "No.3", "5G", "A4", "LED", "kg"}

// Planted is the number of dictionary words planted in the corpus.
const Planted = 2558

// Corpus returns about size bytes of listing-like text: 85 % ideographs from
// the skewed pool, 12 % CJK punctuation, 3 % ASCII tokens, with Planted
// words from plant inserted at evenly spaced positions. It is deterministic.
func Corpus(size int, plant []string) string {
	g := newGen(3)
	var b strings.Builder
	b.Grow(size + 64)
	every := 0
	if len(plant) > 0 {
		every = size / Planted
	}
	nextPlant, planted := every, 0
	for b.Len() < size {
		if every > 0 && b.Len() >= nextPlant && planted < Planted {
			b.WriteString(plant[g.r.IntN(len(plant))])
			planted++
			nextPlant += every
			continue
		}
		p := g.r.IntN(100)
		switch {
		case p < 85:
			b.WriteRune(g.ideograph())
		case p < 97:
			b.WriteRune(cjkPunct[g.r.IntN(len(cjkPunct))])
		default:
			b.WriteString(asciiTokens[g.r.IntN(len(asciiTokens))])
		}
	}
	return b.String()
}

// Listings cuts text into pieces of about size bytes at rune boundaries.
func Listings(text string, size int) []string {
	var out []string
	for len(text) > 0 {
		n := size
		if n >= len(text) {
			out = append(out, text)
			break
		}
		for n > 0 && !utf8.RuneStart(text[n]) {
			n--
		}
		out = append(out, text[:n])
		text = text[n:]
	}
	return out
}
