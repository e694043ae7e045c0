package vcart

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// String renders the report as readable multi-line text; see
// [Report.WriteText].
func (r Report) String() string {
	var b strings.Builder
	_ = r.WriteText(&b)
	return b.String()
}

// WriteText writes the report as readable multi-line text: the verdict, the
// deposit due, the product cap, the documents still missing, the
// verifications still pending, and one line per finding. The output depends only on the report,
// so it is stable for golden tests. It returns the writer's first error.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	b.WriteString("Eligibility of ")
	b.WriteString(r.StoreType.ChineseName())
	b.WriteString(" (")
	b.WriteString(r.StoreType.String())
	b.WriteString(") at ")
	b.WriteString(r.At.Format(time.RFC3339))
	b.WriteString(", rules ")
	b.WriteString(r.RulesVersion)
	b.WriteString("\n  verdict:     ")
	if r.Eligible {
		b.WriteString("eligible")
	} else {
		b.WriteString("not eligible")
	}
	b.WriteString(" (")
	b.WriteString(strconv.Itoa(r.Count(Block)))
	b.WriteString(" block, ")
	b.WriteString(strconv.Itoa(r.Count(Warn)))
	b.WriteString(" warn, ")
	b.WriteString(strconv.Itoa(r.Count(Info)))
	b.WriteString(" info)\n  deposit due: ")
	switch {
	case !r.Matched:
		b.WriteString("unknown")
	case !r.CanTrade:
		b.WriteString("none (no trading)")
	default:
		b.WriteString(r.Deposit.Amount.String())
		b.WriteString(" (")
		b.WriteString(r.Deposit.Source.String())
		if r.Deposit.Category != "" {
			b.WriteString(": ")
			b.WriteString(string(r.Deposit.Category))
			if r.Deposit.CategoryID != "" {
				b.WriteString(" #")
				b.WriteString(string(r.Deposit.CategoryID))
			}
		}
		b.WriteString(")")
	}
	b.WriteString("\n  product cap: ")
	if r.Matched {
		b.WriteString(r.ProductCap.String())
	} else {
		b.WriteString("unknown")
	}
	b.WriteString("\n  missing:     ")
	if len(r.MissingDocuments) == 0 {
		b.WriteString("nothing")
	}
	for i, k := range r.MissingDocuments {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(k))
		b.WriteString(" (")
		b.WriteString(k.ChineseName())
		b.WriteString(")")
	}
	if len(r.PendingVerifications) > 0 {
		b.WriteString("\n  pending:     ")
	}
	for i, v := range r.PendingVerifications {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(v))
		b.WriteString(" (")
		b.WriteString(v.ChineseName())
		b.WriteString(")")
	}
	b.WriteString("\n")
	if len(r.Findings) > 0 {
		b.WriteString("  findings:\n")
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		b.WriteString("    ")
		b.WriteString(padRight(f.Severity.String(), 5))
		b.WriteString(" ")
		b.WriteString(f.Code)
		b.WriteString(" [")
		b.WriteString(f.Field)
		b.WriteString("] ")
		b.WriteString(f.Message)
		if f.Rule != "" {
			b.WriteString(" — ")
			b.WriteString(f.Rule)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func padRight(s string, n int) string {
	for len(s) < n {
		s += " "
	}
	return s
}
