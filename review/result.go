package review

import (
	"fmt"
	"io"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Result is the outcome of [Reviewer.Review]: every finding, most severe
// first, and the derived verdict.
type Result struct {
	Verdict  Verdict
	Category vcart.Category
	Findings []Finding
	// Stats is the seed's row for the category (pass rate, common rejection
	// reasons), nil for a category the seed's table does not list.
	Stats *CategoryStats
}

// Count returns the number of findings of severity s.
func (r Result) Count(s vcart.Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Codes returns the findings' codes in order, for tests and logs.
func (r Result) Codes() []string {
	out := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		out[i] = f.Code
	}
	return out
}

// WriteText writes a plain-text report: the verdict, the seed's statistics
// for the category, then one line per finding with severity, code, field,
// offsets, the offending text, the message and the seed reason.
func (r Result) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "verdict: %s (%d block, %d warn, %d info)\n", r.Verdict, r.Count(vcart.Block), r.Count(vcart.Warn), r.Count(vcart.Info))
	if r.Stats != nil {
		reasons := make([]string, len(r.Stats.Reasons))
		for i, x := range r.Stats.Reasons {
			reasons[i] = string(x)
		}
		fmt.Fprintf(&b, "seed: %s pass rate %d%%, common rejections %s\n", r.Category.ChineseName(), r.Stats.PassRatePercent, strings.Join(reasons, "、"))
	}
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%-5s %s %s", f.Severity, f.Code, f.Field)
		if f.Textual() {
			fmt.Fprintf(&b, "[%d:%d] %q", f.Start, f.End, f.Text)
		}
		fmt.Fprintf(&b, ": %s", f.Message)
		if f.Reason != "" {
			fmt.Fprintf(&b, " (prevents %s)", f.Reason)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String returns the text report of [Result.WriteText].
func (r Result) String() string {
	var b strings.Builder
	_ = r.WriteText(&b)
	return b.String()
}
