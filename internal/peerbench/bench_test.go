package peerbench

import (
	"slices"
	"sync"
	"testing"

	"github.com/coregx/ahocorasick"
	"github.com/vcart-sdk/vcart-go/internal/match"
	"github.com/vcart-sdk/vcart-go/internal/match/matchtest"
	"github.com/vcart-sdk/vcart-go/review"
)

type dictCase struct {
	name  string
	words []string
}

var setup = sync.OnceValues(func() ([]dictCase, string) {
	var adlaw []string
	for _, w := range review.DefaultWordList().Words {
		adlaw = append(adlaw, w.Text)
	}
	dense := append(slices.Clone(adlaw), matchtest.ExtraWords(5000)...)
	return []dictCase{{"adlaw351", adlaw}, {"adlaw+5k", dense}}, matchtest.Corpus(1<<20, adlaw)
})

// TestAgreement checks that both matchers report the same number of
// overlapping hits on the corpus, for both dictionaries.
func TestAgreement(t *testing.T) {
	dicts, corpus := setup()
	for _, d := range dicts {
		ours, err := match.Compile(d.words)
		if err != nil {
			t.Fatal(err)
		}
		peer, err := ahocorasick.NewBuilder().AddStrings(d.words).Build()
		if err != nil {
			t.Fatal(err)
		}
		got := ours.Count(corpus)
		want := len(peer.FindAllOverlapping([]byte(corpus)))
		if got != want {
			t.Errorf("%s: ours %d overlapping hits, coregx %d", d.name, got, want)
		}
		t.Logf("%s: %d overlapping hits in %d bytes; %d states, %d classes", d.name, got, len(corpus), ours.States(), ours.Classes())
	}
}

func BenchmarkScan(b *testing.B) {
	dicts, corpus := setup()
	data := []byte(corpus)
	for _, d := range dicts {
		ours, err := match.Compile(d.words)
		if err != nil {
			b.Fatal(err)
		}
		kw, err := review.NewKeywords(d.words)
		if err != nil {
			b.Fatal(err)
		}
		peer, err := ahocorasick.NewBuilder().AddStrings(d.words).Build()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(d.name+"/vcart-AppendAll", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			var dst []match.Hit
			for b.Loop() {
				dst = ours.AppendAll(dst[:0], corpus)
			}
		})
		b.Run(d.name+"/vcart-Contains", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			for b.Loop() {
				ours.Contains(corpus)
			}
		})
		b.Run(d.name+"/vcart-Keywords.FindAll", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			for b.Loop() {
				kw.FindAll(corpus)
			}
		})
		b.Run(d.name+"/coregx-FindAllOverlapping", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				peer.FindAllOverlapping(data)
			}
		})
		b.Run(d.name+"/coregx-IsMatch", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				peer.IsMatch(data)
			}
		})
		b.Run(d.name+"/coregx-Count", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				peer.Count(data)
			}
		})
	}
}

// BenchmarkListings scans the corpus cut into ~2 KB listings, one call per
// listing, the way a catalogue screen runs: the bare matcher, the
// normalised path (review.Keywords) and coregx.
func BenchmarkListings(b *testing.B) {
	dicts, corpus := setup()
	ls := matchtest.Listings(corpus, 2048)
	lb := make([][]byte, len(ls))
	for i, l := range ls {
		lb[i] = []byte(l)
	}
	for _, d := range dicts {
		ours, err := match.Compile(d.words)
		if err != nil {
			b.Fatal(err)
		}
		peer, err := ahocorasick.NewBuilder().AddStrings(d.words).Build()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(d.name+"/vcart-AppendAll", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			var dst []match.Hit
			for b.Loop() {
				for _, l := range ls {
					dst = ours.AppendAll(dst[:0], l)
				}
			}
		})
		kw, err := review.NewKeywords(d.words)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(d.name+"/vcart-Keywords.FindAll", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			for b.Loop() {
				for _, l := range ls {
					kw.FindAll(l)
				}
			}
		})
		b.Run(d.name+"/coregx-FindAllOverlapping", func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			for b.Loop() {
				for _, l := range lb {
					peer.FindAllOverlapping(l)
				}
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	dicts, _ := setup()
	for _, d := range dicts {
		b.Run(d.name+"/vcart", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := match.Compile(d.words); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d.name+"/coregx", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ahocorasick.NewBuilder().AddStrings(d.words).Build(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
