package peerbench

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coregx/ahocorasick"
	"github.com/vcart-sdk/vcart-go/internal/match"
	"github.com/vcart-sdk/vcart-go/review"
)

// TestSideBySide prints MB/s and ratios of the SDK's matcher and coregx on
// the same corpus: the bare matcher (internal/match, exact bytes) and the
// normalised path users take (review.Keywords.FindAll: NFKC, case folding,
// traditional forms, separators, offsets into the original), both against
// coregx's exact-byte overlapping scan, alternating short rounds and keeping each one's best
// round, which filters out the noise of a shared machine. It runs only with
// PEERBENCH=1:
//
//	PEERBENCH=1 go test -run SideBySide -v
func TestSideBySide(t *testing.T) {
	if os.Getenv("PEERBENCH") == "" {
		t.Skip("set PEERBENCH=1 to run")
	}
	dicts, corpus := setup()
	data := []byte(corpus)
	const rounds = 40
	var report strings.Builder
	fmt.Fprintf(&report, "%-10s %-28s %10s\n", "dict", "matcher", "MB/s")
	for _, d := range dicts {
		ours, err := match.Compile(d.words)
		if err != nil {
			t.Fatal(err)
		}
		peer, err := ahocorasick.NewBuilder().AddStrings(d.words).Build()
		if err != nil {
			t.Fatal(err)
		}
		kw, err := review.NewKeywords(d.words)
		if err != nil {
			t.Fatal(err)
		}
		var dst []match.Hit
		var kdst []review.KeywordHit
		runs := []struct {
			name string
			f    func()
		}{
			{"vcart AppendAll (overlap)", func() { dst = ours.AppendAll(dst[:0], corpus) }},
			{"coregx FindAllOverlapping", func() { peer.FindAllOverlapping(data) }},
			{"vcart Keywords.FindAll", func() { kw.FindAll(corpus) }},
			{"vcart Keywords.AppendAll", func() { kdst = kw.AppendAll(kdst[:0], corpus) }},
			{"fold + coregx (fair anchor)", func() { peer.FindAllOverlapping(fold(corpus)) }},
		}
		best := make([]time.Duration, len(runs))
		for r := 0; r < rounds; r++ {
			for i, run := range runs {
				t0 := time.Now()
				run.f()
				if d := time.Since(t0); best[i] == 0 || d < best[i] {
					best[i] = d
				}
			}
		}
		mbps := func(d time.Duration) float64 { return float64(len(corpus)) / d.Seconds() / 1e6 }
		for i, run := range runs {
			fmt.Fprintf(&report, "%-10s %-28s %10.1f\n", d.name, run.name, mbps(best[i]))
		}
		fmt.Fprintf(&report, "%-10s %-28s %9.2fx\n", d.name, "ratio bare matcher/coregx", mbps(best[0])/mbps(best[1]))
		fmt.Fprintf(&report, "%-10s %-28s %9.2fx\n", d.name, "ratio normalised/coregx", mbps(best[2])/mbps(best[1]))
		fmt.Fprintf(&report, "%-10s %-28s %9.2fx\n", d.name, "ratio AppendAll/coregx", mbps(best[3])/mbps(best[1]))
		fmt.Fprintf(&report, "%-10s %-28s %9.2fx\n", d.name, "ratio FindAll/fold+coregx", mbps(best[2])/mbps(best[4]))
		var tb, tk, tp time.Duration
		for r := 0; r < 5; r++ {
			t0 := time.Now()
			if _, err := match.Compile(d.words); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(t0); tb == 0 || d < tb {
				tb = d
			}
			t0 = time.Now()
			if _, err := review.NewKeywords(d.words); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(t0); tk == 0 || d < tk {
				tk = d
			}
			t0 = time.Now()
			if _, err := ahocorasick.NewBuilder().AddStrings(d.words).Build(); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(t0); tp == 0 || d < tp {
				tp = d
			}
		}
		fmt.Fprintf(&report, "%-10s %-28s %v vs coregx %v\n", d.name, "build (best of 5)", tb.Round(time.Millisecond/10), tp.Round(time.Millisecond/10))
		fmt.Fprintf(&report, "%-10s %-28s %v\n", d.name, "NewKeywords (best of 5)", tk.Round(time.Millisecond/10))
	}
	t.Log("\n" + report.String())
}
