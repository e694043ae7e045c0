package penalty_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/penalty"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// TestShippedTableInvariants checks both shipped tables: valid, every type
// they must cover has a ladder, steps contiguous from 1, lasting measures
// have a length, and the functions return fresh copies.
func TestShippedTableInvariants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		table func() penalty.Table
		types []penalty.ViolationType
	}{
		{"seed", penalty.SeedLadder, penalty.SeedTypes()},
		{"observed", penalty.ObservedLadder, penalty.ObservedTypes()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tb := tt.table()
			if err := tb.Validate(); err != nil {
				t.Fatalf("Validate() = %v", err)
			}
			if diff := cmp.Diff(tt.types, tb.Types()); diff != "" {
				t.Errorf("types mismatch (-want +got):\n%s", diff)
			}
			for _, typ := range tt.types {
				r, ok := tb.Rule(typ)
				if !ok || len(r.Steps) == 0 {
					t.Errorf("%s has no ladder", typ)
					continue
				}
				for i, s := range r.Steps {
					if s.Offence != i+1 {
						t.Errorf("%s step %d is offence %d", typ, i, s.Offence)
					}
				}
				if got := r.StepFor(len(r.Steps) + 5).Offence; got != len(r.Steps) {
					t.Errorf("%s: StepFor beyond the ladder = step %d, want the last", typ, got)
				}
			}
			// Fresh copies: mutating one does not reach the next.
			tb.Rules[0].Steps[0].Measures[0].Kind = penalty.Warning
			if tt.table().Rules[0].Steps[0].Measures[0].Kind == penalty.Warning {
				t.Error("table functions share memory between calls")
			}
		})
	}
	// Every known type has a ladder in one of the shipped tables.
	for _, typ := range penalty.ViolationTypes() {
		_, inSeed := penalty.SeedLadder().Rule(typ)
		_, inObserved := penalty.ObservedLadder().Rule(typ)
		if !inSeed && !inObserved {
			t.Errorf("%s (%s) has no ladder in any shipped table", typ, typ.ChineseName())
		}
	}
}

func TestTableValidateReportsEveryProblem(t *testing.T) {
	t.Parallel()
	bad := penalty.Table{
		Rules: []penalty.Rule{
			{Type: penalty.Counterfeit, Window: penalty.Window{Kind: penalty.Rolling}, Steps: []penalty.Step{
				{Offence: 1, Measures: []penalty.MeasureSpec{{Kind: penalty.StoreBan}}},
				{Offence: 3, Measures: []penalty.MeasureSpec{{Kind: penalty.Warning, For: penalty.Span{Days: 1}}}},
			}},
			{Type: penalty.Counterfeit, Window: penalty.Window{Kind: penalty.Lifetime, Days: 3}, Steps: []penalty.Step{
				{Offence: 1, Measures: []penalty.MeasureSpec{{Kind: penalty.LiveBan, Permanent: true, For: penalty.Span{Days: 1}}, {Kind: penalty.Warning, CreditPoints: 2}}},
			}},
			{Type: 0, Window: penalty.Window{Kind: 9}},
			{Type: penalty.DataFraud, Steps: []penalty.Step{{Offence: 1}, {Offence: 2, Measures: []penalty.MeasureSpec{{Kind: 0}, {Kind: penalty.LiveBan, For: penalty.Span{Days: -1}}}}}},
			{Type: penalty.FakeOrders, Window: penalty.Window{Kind: penalty.Rolling, Days: 1 << 40}, Steps: []penalty.Step{{Offence: 1, Measures: []penalty.MeasureSpec{{Kind: penalty.LiveBan, For: penalty.Span{Months: 1 << 30}}}}}},
		},
	}
	err := bad.Validate()
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, vcart.ErrInvalid) {
		t.Fatalf("Validate() = %v, want *vcart.ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Field+" "+p.Code)
	}
	want := []string{
		"effective_from table.effective_from.missing",
		"rules[0].steps[0].measures[0].for measure.lasting.length",
		"rules[0].steps[1].measures[0].for measure.oneoff.lasting",
		"rules[0].steps[1].offence step.offence.gap",
		"rules[0].window.days rule.window.days",
		"rules[1].steps[0].measures[0].for measure.permanent.length",
		"rules[1].steps[0].measures[1].credit_points measure.points.kind",
		"rules[1].type rule.type.duplicate",
		"rules[1].window.days rule.window.days",
		"rules[2].steps rule.steps.empty",
		"rules[2].type rule.type.unknown",
		"rules[2].window.kind rule.window.kind",
		"rules[3].steps[0].measures step.measures.empty",
		"rules[3].steps[1].measures[0].kind measure.kind.unknown",
		"rules[3].steps[1].measures[1] measure.negative",
		"rules[4].steps[0].measures[0] measure.too_large",
		"rules[4].window.days rule.window.days",
		"version table.version.missing",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if _, err := penalty.NewDecider(bad); !errors.As(err, &ve) {
		t.Errorf("NewDecider(bad) = %v, want the validation error", err)
	}
	seed2 := penalty.SeedLadder()
	if _, err := penalty.NewDecider(penalty.SeedLadder(), seed2); err == nil {
		t.Error("NewDecider with a repeated version succeeded")
	}
}

func TestTableWithRule(t *testing.T) {
	t.Parallel()
	base := penalty.SeedLadder()
	extra := penalty.Rule{Type: penalty.BrokenPromise, Window: penalty.Window{Kind: penalty.Rolling, Days: 365},
		Steps: []penalty.Step{{Offence: 1, Measures: []penalty.MeasureSpec{{Kind: penalty.Warning}}}}}
	got := base.WithRule(extra)
	if len(base.Rules) != 8 || len(got.Rules) != 9 {
		t.Fatalf("rules = %d and %d, want 8 and 9", len(base.Rules), len(got.Rules))
	}
	extra.Steps[0].Measures[0].Kind = penalty.LiveBan
	r, _ := got.Rule(penalty.BrokenPromise)
	if r.Steps[0].Measures[0].Kind != penalty.Warning {
		t.Error("WithRule keeps a reference to the caller's rule")
	}
	replaced := got.WithRule(penalty.Rule{Type: penalty.Counterfeit, Steps: []penalty.Step{{Offence: 1, Measures: []penalty.MeasureSpec{{Kind: penalty.Warning}}}}})
	if r, _ := replaced.Rule(penalty.Counterfeit); len(r.Steps) != 1 || len(replaced.Rules) != 9 {
		t.Errorf("WithRule did not replace the counterfeit rule: %+v", r)
	}
}

func TestWindowCounts(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 1, 1, 0, 30, 0, 0, shanghai)
	tests := []struct {
		w     penalty.Window
		prior time.Time
		want  bool
	}{
		{penalty.Window{}, at.AddDate(-10, 0, 0), true},
		{penalty.Window{}, at.Add(time.Second), false},
		{penalty.Window{Kind: penalty.CalendarYear}, at.Add(-time.Hour), false},
		{penalty.Window{Kind: penalty.CalendarYear}, at.Add(-time.Minute), true},
		{penalty.Window{Kind: penalty.Rolling, Days: 1}, at.Add(-24 * time.Hour), false},
		{penalty.Window{Kind: penalty.Rolling, Days: 1}, at.Add(-24*time.Hour + time.Nanosecond), true},
	}
	for _, tt := range tests {
		if got := tt.w.Counts(tt.prior, at); got != tt.want {
			t.Errorf("%s.Counts(%v) = %v, want %v", tt.w, tt.prior, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	t.Parallel()
	for _, typ := range penalty.ViolationTypes() {
		for _, name := range []string{typ.String(), typ.ChineseName()} {
			got, err := penalty.ParseViolationType(name)
			if err != nil || got != typ {
				t.Errorf("ParseViolationType(%q) = %v, %v; want %v", name, got, err, typ)
			}
		}
		b, err := typ.MarshalText()
		var back penalty.ViolationType
		if err != nil || back.UnmarshalText(b) != nil || back != typ {
			t.Errorf("text round trip of %v failed: %v", typ, err)
		}
	}
	for _, k := range penalty.MeasureKinds() {
		for _, name := range []string{k.String(), k.ChineseName()} {
			got, err := penalty.ParseMeasureKind(name)
			if err != nil || got != k {
				t.Errorf("ParseMeasureKind(%q) = %v, %v; want %v", name, got, err, k)
			}
		}
	}
	if got, _ := penalty.ParseViolationType(" 发布虚假宣传信息 "); got != penalty.FalseAdvertising {
		t.Errorf("live name of false advertising parsed as %v", got)
	}
	if _, err := penalty.ParseViolationType("shoplifting"); !errors.Is(err, penalty.ErrUnknownType) {
		t.Errorf("unknown name: err = %v", err)
	}
	if _, err := penalty.ViolationType(0).MarshalText(); !errors.Is(err, penalty.ErrUnknownType) {
		t.Errorf("MarshalText(0): err = %v", err)
	}
	if got := penalty.ViolationType(0).String() + penalty.MeasureKind(99).String() + penalty.Status(99).String() + penalty.EventKind(0).String() + penalty.Capability(0).String(); got != "ViolationType(0)MeasureKind(99)Status(99)EventKind(0)Capability(0)" {
		t.Errorf("invalid names = %q", got)
	}
}
