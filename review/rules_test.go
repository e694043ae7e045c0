package review_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// brief renders a finding as "severity code field[start:end] text".
func brief(f review.Finding) string {
	s := fmt.Sprintf("%s %s %s", f.Severity, f.Code, f.Field)
	if f.Textual() {
		s += fmt.Sprintf("[%d:%d] %s", f.Start, f.End, f.Text)
	}
	return s
}

func briefs(res review.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, brief(f))
	}
	return out
}

type ruleCase struct {
	name    string
	listing func() review.Listing
	want    []string
	verdict review.Verdict
}

func with(base func() review.Listing, edit func(*review.Listing)) func() review.Listing {
	return func() review.Listing {
		l := base()
		edit(&l)
		return l
	}
}

func runCases(t *testing.T, r *review.Reviewer, cases []ruleCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := r.Review(tt.listing(), at)
			if diff := cmp.Diff(tt.want, briefs(res)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\n%s", diff, strings.Join(briefs(res), "\n"))
			}
			if res.Verdict != tt.verdict {
				t.Errorf("verdict %s, want %s", res.Verdict, tt.verdict)
			}
			for _, f := range res.Findings {
				if f.Rule == "" || f.Code == "" || f.Message == "" || f.Source == "" || f.Reason == "" || f.Stage == 0 {
					t.Errorf("finding %+v lacks rule, code, message, source, reason or stage", f)
				}
			}
		})
	}
}

var _ = vcart.Block
var _ = time.Hour
