package review_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestDefaultWordList(t *testing.T) {
	t.Parallel()
	wl := review.DefaultWordList()
	if len(wl.Words) != 351 || wl.Version == "" || wl.EffectiveFrom.IsZero() {
		t.Fatalf("built-in list: %d words, version %q, from %v", len(wl.Words), wl.Version, wl.EffectiveFrom)
	}
	counts := map[vcart.Severity]int{}
	seen := map[string]bool{}
	for _, w := range wl.Words {
		counts[w.Severity]++
		if seen[w.Text] {
			t.Errorf("duplicate word %q", w.Text)
		}
		seen[w.Text] = true
	}
	if counts[vcart.Block] != 235 || counts[vcart.Warn] != 116 {
		t.Errorf("severities %v, want 235 block and 116 warn (review-rules §1.3)", counts)
	}
	wl.Words[0].Text = "changed"
	if review.DefaultWordList().Words[0].Text == "changed" {
		t.Error("DefaultWordList shares memory between calls")
	}
}

func TestParseWordList(t *testing.T) {
	t.Parallel()
	wl, err := review.ParseWordList(strings.NewReader("word\tcategory\tseverity\tnote\n# comment\n\n爆款\tcustom\twarn\tour rule\r\n神器\tcustom\tblock\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []review.Word{{Text: "爆款", Category: "custom", Severity: vcart.Warn, Note: "our rule"}, {Text: "神器", Category: "custom", Severity: vcart.Block}}
	if diff := cmp.Diff(want, wl.Words); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	_, err = review.ParseWordList(strings.NewReader("a\tb\n\tc\tblock\nx\ty\tfatal\n"))
	if !errors.Is(err, review.ErrWordList) {
		t.Fatalf("err = %v, want ErrWordList", err)
	}
	for _, s := range []string{"line 1", "line 2", "line 3"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not name %s", err, s)
		}
	}
}

func TestNewErrors(t *testing.T) {
	t.Parallel()
	badBands := review.DefaultPriceBands()
	badBands.Bands[vcart.CategoryFood] = review.PriceBand{Min: yuan(500), Max: yuan(100)}
	_, err := review.New(
		review.WithoutRules("no.such.rule"),
		review.WithExtraRules(review.Rule{ID: review.RuleTitle, Check: func(*review.Check) {}}, review.Rule{ID: "x"}),
		review.WithMinImageSide(0),
		review.WithPriceBands(badBands),
		review.WithAllowList([]review.AllowRule{{ID: "bad", Words: []string{"最"}, Pattern: "("}}),
		review.WithWordList(review.WordList{Words: []review.Word{{Text: "\u200b", Severity: vcart.Block}}}),
	)
	if !errors.Is(err, review.ErrConfig) {
		t.Fatalf("err = %v, want ErrConfig", err)
	}
	for _, s := range []string{"no.such.rule", "duplicate rule ID", `rule "x" has no Check`, "min image side", "price band", `allow rule "bad"`, "empty after normalisation"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error does not mention %q:\n%v", s, err)
		}
	}
}

func TestCustomRulesAndOptions(t *testing.T) {
	t.Parallel()
	wl := review.DefaultWordList()
	wl.Words = append(wl.Words, review.Word{Text: "神器", Category: "custom", Severity: vcart.Block, Note: "shop policy"})
	custom := review.Rule{ID: "shop.no_season", Stage: review.StageContent, Reason: review.ReasonFieldLimits, Source: "shop policy",
		Doc: "no season in titles", Check: func(c *review.Check) {
			if i := strings.Index(c.Listing.Title, "夏季"); i >= 0 {
				c.Report(review.Finding{Code: "shop.season", Severity: vcart.Warn, Field: "title", Start: i, End: i + 6, Text: "夏季", Message: "season in title"})
			}
		}}
	r := mustNew(t, review.WithWordList(wl), review.WithExtraRules(custom), review.WithoutRules(review.RuleImages), review.WithMinImageSide(1000))
	l := cleanApparel()
	l.Title = "纯棉T恤神器夏季款"
	l.MainImages = nil
	got := briefs(r.Review(l, at))
	want := []string{"block content.adlaw.block title[10:16] 神器", "warn shop.season title[16:22] 夏季"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	only := mustNew(t, review.WithRules(custom))
	if n := len(only.Rules()); n != 1 {
		t.Errorf("WithRules: %d rules, want 1", n)
	}
}

func TestRuleTableInvariants(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range review.DefaultRules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule %q", r.ID)
		}
		seen[r.ID] = true
		if r.Stage == 0 || r.Reason == "" || r.Source == "" || r.Doc == "" || r.Check == nil {
			t.Errorf("rule %q is incomplete", r.ID)
		}
		if !strings.Contains(string(doc), r.ID) {
			t.Errorf("rule %q is not documented in doc.go", r.ID)
		}
	}
	ids := map[string]bool{}
	for _, a := range review.DefaultAllowList() {
		if ids[a.ID] || len(a.Words) == 0 {
			t.Errorf("allow rule %q duplicate or without words", a.ID)
		}
		ids[a.ID] = true
		if _, err := regexp.Compile(a.Pattern); err != nil {
			t.Errorf("allow rule %q: %v", a.ID, err)
		}
	}
	for _, s := range review.SeedStats() {
		if len(s.Reasons) != 2 || s.PassRatePercent <= 0 {
			t.Errorf("seed stats row %+v", s)
		}
	}
}

func TestReviewerIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	l := cleanApparel()
	l.Description = "全网第一，加微信shop_abc123"
	want := r.Review(l, at).String()
	done := make(chan string, 8)
	for range 8 {
		go func() { done <- r.Review(l, at).String() }()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent review differs:\n%s\nwant\n%s", got, want)
		}
	}
}

func TestRulePanicIsAFinding(t *testing.T) {
	t.Parallel()
	boom := review.Rule{ID: "boom", Stage: review.StageBasic, Reason: review.ReasonQualification, Source: "test", Doc: "panics",
		Check: func(*review.Check) { panic("boom") }}
	r := mustNew(t, review.WithRules(boom))
	res := r.Review(cleanApparel(), at)
	if diff := cmp.Diff([]string{"internal.rule_panic"}, res.Codes()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
