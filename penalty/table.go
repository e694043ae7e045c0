package penalty

import (
	"fmt"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// shanghai is [vcart.Shanghai], the zone the package counts calendar days,
// months and years in.
var shanghai = vcart.Shanghai()

// WindowKind says how far back earlier offences count.
type WindowKind uint8

// Counting windows. The zero value is [Lifetime], which the seed implies.
const (
	// Lifetime counts every earlier offence (never reset).
	Lifetime WindowKind = iota
	// CalendarYear counts offences in the same calendar year, Asia/Shanghai
	// (reset on 31 December at 24:00, as Taobao clears its points).
	CalendarYear
	// Rolling counts offences in the last Days × 24 hours.
	Rolling
)

// Window is a counting window (计数周期) for one violation type.
type Window struct {
	Kind WindowKind
	// Days is the length of a [Rolling] window; it must be zero otherwise.
	Days int
}

// String returns "lifetime", "calendar year" or "rolling N days".
func (w Window) String() string {
	switch w.Kind {
	case Lifetime:
		return "lifetime"
	case CalendarYear:
		return "calendar year"
	case Rolling:
		return fmt.Sprintf("rolling %d days", w.Days)
	}
	return fmt.Sprintf("Window(%d)", uint8(w.Kind))
}

// Counts reports whether an earlier offence at prior counts for an offence at
// at under the window.
func (w Window) Counts(prior, at time.Time) bool {
	if prior.After(at) {
		return false
	}
	switch w.Kind {
	case CalendarYear:
		return prior.In(shanghai).Year() == at.In(shanghai).Year()
	case Rolling:
		return at.Sub(prior) < time.Duration(w.Days)*24*time.Hour
	}
	return true
}

// Limits on table figures: a century is longer than any platform measure,
// and keeps instants far from overflow.
const (
	maxSpanMonths = 1200
	maxSpanDays   = 36525
)

// Span is a length of time in calendar units, counted in Asia/Shanghai.
//
// One month is a calendar month: the same day and clock time in the next
// month, clamped to that month's last day (a ban from 31 January 10:00 for
// one month ends on 28 or 29 February at 10:00). A day is 24 hours (UTC+8
// has no daylight saving).
type Span struct {
	Months int
	Days   int
}

// IsZero reports whether the span is empty.
func (s Span) IsZero() bool { return s.Months == 0 && s.Days == 0 }

// AddTo returns t plus the span, computed in Asia/Shanghai and returned in
// t's location.
func (s Span) AddTo(t time.Time) time.Time {
	loc := t.Location()
	l := t.In(shanghai)
	if s.Months != 0 {
		y, m, d := l.Date()
		target := time.Date(y, m+time.Month(s.Months), 1, 0, 0, 0, 0, shanghai)
		last := time.Date(target.Year(), target.Month()+1, 0, 0, 0, 0, 0, shanghai).Day()
		d = min(d, last)
		l = time.Date(target.Year(), target.Month(), d, l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), shanghai)
	}
	if s.Days != 0 {
		l = l.AddDate(0, 0, s.Days)
	}
	return l.In(loc)
}

// String returns "7d", "1mo" or "1mo3d"; "0d" for the zero span.
func (s Span) String() string {
	switch {
	case s.Months != 0 && s.Days != 0:
		return fmt.Sprintf("%dmo%dd", s.Months, s.Days)
	case s.Months != 0:
		return fmt.Sprintf("%dmo", s.Months)
	}
	return fmt.Sprintf("%dd", s.Days)
}

// MeasureSpec is one measure of a ladder step: its kind, how long it lasts
// and how long after the decision it takes effect.
type MeasureSpec struct {
	Kind MeasureKind
	// For is how long a lasting measure runs; zero for one-off measures.
	For Span
	// Permanent marks a lasting measure with no end (永久). For must be zero.
	Permanent bool
	// Delay is the pre-effect period (处罚即将生效) between the decision
	// and the start, such as the ~7 days observed for 违背承诺.
	Delay Span
	// CreditPoints is the credit score deducted by a [CreditDeduction];
	// zero when the table does not say (the seed gives no figure).
	CreditPoints int
}

// String returns a short English rendering, such as "store ban 7d" or
// "blacklist permanent".
func (m MeasureSpec) String() string {
	s := measureLabel(m.Kind)
	switch {
	case m.Permanent:
		s += " permanent"
	case !m.For.IsZero():
		s += " " + m.For.String()
	}
	if m.CreditPoints != 0 {
		s += fmt.Sprintf(" (%d points)", m.CreditPoints)
	}
	if !m.Delay.IsZero() {
		s += " after " + m.Delay.String()
	}
	return s
}

func measureLabel(k MeasureKind) string {
	b := []byte(k.String())
	for i, c := range b {
		if c == '_' {
			b[i] = ' '
		}
	}
	return string(b)
}

// Step is one rung of a ladder: the measures for the Offence-th offence.
// The last step of a rule also applies to every later offence ("三次及以上").
type Step struct {
	Offence  int
	Measures []MeasureSpec
}

// Rule is the ladder (处罚梯度) for one violation type.
type Rule struct {
	Type ViolationType
	// Window is how far back earlier offences count.
	Window Window
	// Steps are contiguous from Offence 1.
	Steps []Step
}

// StepFor returns the step for the n-th offence (n ≥ 1): the step numbered
// n, or the last step when n is beyond the ladder.
func (r Rule) StepFor(n int) Step {
	if len(r.Steps) == 0 {
		return Step{}
	}
	i := min(max(n, 1), len(r.Steps)) - 1
	return r.Steps[i]
}

// Table is a versioned, replaceable penalty ladder: one [Rule] per violation
// type. [SeedLadder] and [ObservedLadder] are the two shipped tables; a
// caller may build its own and pass it to [NewDecider].
type Table struct {
	// Version is stamped on every decision the table makes.
	Version string
	// EffectiveFrom is the first instant the table is in force.
	EffectiveFrom time.Time
	// Source says where the figures come from.
	Source string
	// Rules holds one ladder per violation type.
	Rules []Rule
}

// Rule returns the ladder for t, or false when the table has none.
func (tb Table) Rule(t ViolationType) (Rule, bool) {
	for _, r := range tb.Rules {
		if r.Type == t {
			return r, true
		}
	}
	return Rule{}, false
}

// Types returns the violation types the table covers, in table order.
func (tb Table) Types() []ViolationType {
	out := make([]ViolationType, len(tb.Rules))
	for i, r := range tb.Rules {
		out[i] = r.Type
	}
	return out
}

// WithRule returns a copy of the table in which r replaces the rule for
// r.Type, or is added after the others. The receiver is unchanged.
func (tb Table) WithRule(r Rule) Table {
	out := tb.Clone()
	r = cloneRule(r)
	for i := range out.Rules {
		if out.Rules[i].Type == r.Type {
			out.Rules[i] = r
			return out
		}
	}
	out.Rules = append(out.Rules, r)
	return out
}

// Clone returns a deep copy of the table.
func (tb Table) Clone() Table {
	out := tb
	out.Rules = make([]Rule, len(tb.Rules))
	for i, r := range tb.Rules {
		out.Rules[i] = cloneRule(r)
	}
	return out
}

func cloneRule(r Rule) Rule {
	r.Steps = slices.Clone(r.Steps)
	for i := range r.Steps {
		r.Steps[i].Measures = slices.Clone(r.Steps[i].Measures)
	}
	return r
}

// Validate checks the table and returns every problem at once as a
// [*vcart.ValidationError]: a version and an effective date, known and
// unique violation types, at least one step per rule, steps numbered 1, 2, 3
// … without gaps, known measure kinds, lasting measures with a length or
// permanence, one-off measures without either, no negative figures, and a
// valid counting window.
func (tb Table) Validate() error {
	var p []vcart.FieldError
	add := func(field, code, format string, a ...any) {
		p = append(p, vcart.FieldError{Field: field, Code: code, Msg: fmt.Sprintf(format, a...)})
	}
	if tb.Version == "" {
		add("version", "table.version.missing", "the table needs a version")
	}
	if tb.EffectiveFrom.IsZero() {
		add("effective_from", "table.effective_from.missing", "the table needs an effective date")
	}
	if len(tb.Rules) == 0 {
		add("rules", "table.rules.empty", "the table has no rules")
	}
	seen := map[ViolationType]bool{}
	for i, r := range tb.Rules {
		f := fmt.Sprintf("rules[%d]", i)
		switch {
		case !r.Type.Valid():
			add(f+".type", "rule.type.unknown", "unknown violation type %d", uint8(r.Type))
		case seen[r.Type]:
			add(f+".type", "rule.type.duplicate", "a second rule for %s", r.Type)
		}
		seen[r.Type] = true
		switch r.Window.Kind {
		case Lifetime, CalendarYear:
			if r.Window.Days != 0 {
				add(f+".window.days", "rule.window.days", "days are only for a rolling window")
			}
		case Rolling:
			if r.Window.Days <= 0 || r.Window.Days > maxSpanDays {
				add(f+".window.days", "rule.window.days", "a rolling window needs 1 to %d days", maxSpanDays)
			}
		default:
			add(f+".window.kind", "rule.window.kind", "unknown window kind %d", uint8(r.Window.Kind))
		}
		if len(r.Steps) == 0 {
			add(f+".steps", "rule.steps.empty", "the ladder for %s has no steps", r.Type)
		}
		for j, s := range r.Steps {
			sf := fmt.Sprintf("%s.steps[%d]", f, j)
			if s.Offence != j+1 {
				add(sf+".offence", "step.offence.gap", "step %d must be offence %d, not %d", j, j+1, s.Offence)
			}
			if len(s.Measures) == 0 {
				add(sf+".measures", "step.measures.empty", "a step needs at least one measure")
			}
			for k, m := range s.Measures {
				validateSpec(fmt.Sprintf("%s.measures[%d]", sf, k), m, add)
			}
		}
	}
	return vcart.NewValidationError(p)
}

func validateSpec(f string, m MeasureSpec, add func(field, code, format string, a ...any)) {
	if !m.Kind.Valid() {
		add(f+".kind", "measure.kind.unknown", "unknown measure kind %d", uint8(m.Kind))
		return
	}
	if m.For.Months < 0 || m.For.Days < 0 || m.Delay.Months < 0 || m.Delay.Days < 0 || m.CreditPoints < 0 {
		add(f, "measure.negative", "lengths, delays and points must not be negative")
	}
	if m.For.Months > maxSpanMonths || m.For.Days > maxSpanDays || m.Delay.Months > maxSpanMonths || m.Delay.Days > maxSpanDays || m.CreditPoints > 1_000_000 {
		add(f, "measure.too_large", "lengths and delays are limited to %d months or %d days, points to 1000000", maxSpanMonths, maxSpanDays)
	}
	lasting := m.Permanent || !m.For.IsZero()
	switch {
	case m.Kind.OneOff() && lasting:
		add(f+".for", "measure.oneoff.lasting", "%s is a one-off measure and takes no length", m.Kind)
	case !m.Kind.OneOff() && !lasting:
		add(f+".for", "measure.lasting.length", "%s needs a length or permanence", m.Kind)
	case m.Permanent && !m.For.IsZero():
		add(f+".for", "measure.permanent.length", "a permanent measure takes no length")
	}
	if m.CreditPoints != 0 && m.Kind != CreditDeduction {
		add(f+".credit_points", "measure.points.kind", "points belong to a credit deduction only")
	}
}

// Seed and observed table versions.
const (
	// SeedVersion is the version stamped by [SeedLadder].
	SeedVersion = "seed-2024.1"
	// ObservedVersion is the version stamped by [ObservedLadder].
	ObservedVersion = "observed-2023.02"
)

// SeedLadder returns the seed's §六 违规处罚梯度 as a fresh [Table]:
//
//	售假     1st: store ban 7 days + deposit compensation; 2nd: permanent store ban + blacklist; 3rd+: legal referral
//	导流外链 1st: traffic limit 3 days + content deletion; 2nd: store ban 1 month + credit deduction; 3rd+: cart revoked permanently
//	数据造假 1st: sales cleared + warning; 2nd: live ban 1 month; 3rd+: cooperation terminated permanently
//
// The seed names five more prohibited behaviours without a ladder; the SDK
// maps each to the closest seed ladder (a choice, not a platform fact):
// false advertising, induced sharing and unauthorised film footage take the
// 导流外链 ladder (content and traffic offences), fake orders (刷单) take the
// 数据造假 ladder (the seed's own example of data fraud), and stolen designs
// take the 售假 ladder (infringing goods). Every rule counts offences over the
// store's lifetime, as the seed implies.
func SeedLadder() Table {
	counterfeit := []Step{
		{Offence: 1, Measures: []MeasureSpec{{Kind: StoreBan, For: Span{Days: 7}}, {Kind: DepositCompensation}}},
		{Offence: 2, Measures: []MeasureSpec{{Kind: StoreBan, Permanent: true}, {Kind: Blacklist, Permanent: true}}},
		{Offence: 3, Measures: []MeasureSpec{{Kind: LegalReferral}}},
	}
	link := []Step{
		{Offence: 1, Measures: []MeasureSpec{{Kind: TrafficLimit, For: Span{Days: 3}}, {Kind: ContentDeletion}}},
		{Offence: 2, Measures: []MeasureSpec{{Kind: StoreBan, For: Span{Months: 1}}, {Kind: CreditDeduction}}},
		{Offence: 3, Measures: []MeasureSpec{{Kind: CartRevoked, Permanent: true}}},
	}
	fraud := []Step{
		{Offence: 1, Measures: []MeasureSpec{{Kind: SalesCleared}, {Kind: Warning}}},
		{Offence: 2, Measures: []MeasureSpec{{Kind: LiveBan, For: Span{Months: 1}}}},
		{Offence: 3, Measures: []MeasureSpec{{Kind: CooperationTerminated, Permanent: true}}},
	}
	rule := func(t ViolationType, steps []Step) Rule {
		return cloneRule(Rule{Type: t, Window: Window{Kind: Lifetime}, Steps: steps})
	}
	return Table{
		Version:       SeedVersion,
		EffectiveFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, shanghai),
		Source:        "seed §六 违规处罚梯度",
		Rules: []Rule{
			rule(Counterfeit, counterfeit),
			rule(ExternalLink, link),
			rule(DataFraud, fraud),
			rule(FalseAdvertising, link),
			rule(InducedSharing, link),
			rule(FakeOrders, fraud),
			rule(UnauthorisedFootage, link),
			rule(StolenDesign, counterfeit),
		},
	}
}

// ObservedLadder returns the per-type penalty packages observed on the live
// platform's penalty screens (视频号橱窗, December 2022 – February 2023;
// domain-rules.md §B2) as a fresh [Table]. Each type has one step that
// applies to every offence: escalation by repeat offence is not evidenced
// there. 违背承诺 carries the observed ~7-day pre-effect delay.
//
//	发布违禁信息     no new products 15 d + window suspended 15 d + live ban 5 d
//	推广超范围商品   window suspended 7 d + no new products 7 d + live ban 7 d
//	违背承诺         no new products 3 d + window suspended 3 d, both after 7 d
//	不正当营销       no new products 3 d + window suspended 3 d + live ban 1 d
//	发布虚假宣传信息 no new products 1 d + window suspended 1 d + live ban 1 d
func ObservedLadder() Table {
	pkg := func(t ViolationType, ms ...MeasureSpec) Rule {
		return Rule{Type: t, Window: Window{Kind: Lifetime}, Steps: []Step{{Offence: 1, Measures: ms}}}
	}
	d := func(k MeasureKind, days int) MeasureSpec { return MeasureSpec{Kind: k, For: Span{Days: days}} }
	late := func(k MeasureKind, days int) MeasureSpec {
		return MeasureSpec{Kind: k, For: Span{Days: days}, Delay: Span{Days: 7}}
	}
	return Table{
		Version:       ObservedVersion,
		EffectiveFrom: time.Date(2022, 12, 1, 0, 0, 0, 0, shanghai),
		Source:        "视频号橱窗 penalty screens 2022-12 to 2023-02, domain-rules.md §B2",
		Rules: []Rule{
			pkg(ProhibitedInfo, d(NoNewProducts, 15), d(WindowSuspended, 15), d(LiveBan, 5)),
			pkg(OutOfScopeGoods, d(WindowSuspended, 7), d(NoNewProducts, 7), d(LiveBan, 7)),
			pkg(BrokenPromise, late(NoNewProducts, 3), late(WindowSuspended, 3)),
			pkg(UnfairMarketing, d(NoNewProducts, 3), d(WindowSuspended, 3), d(LiveBan, 1)),
			pkg(FalseAdvertising, d(NoNewProducts, 1), d(WindowSuspended, 1), d(LiveBan, 1)),
		},
	}
}
