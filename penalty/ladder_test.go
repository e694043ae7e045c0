package penalty_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/penalty"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// m builds an expected measure; end is zero for one-off (end = start) and
// permanent measures.
type wantMeasure struct {
	Kind      penalty.MeasureKind
	Start     time.Time
	End       time.Time
	Permanent bool
}

func simplify(ms []penalty.Measure) []wantMeasure {
	out := make([]wantMeasure, len(ms))
	for i, m := range ms {
		out[i] = wantMeasure{Kind: m.Kind, Start: m.Start, End: m.End, Permanent: m.Permanent}
	}
	return out
}

// TestSeedLadderSteps walks every step of every seed ladder, and one offence
// beyond the last step, checking the decided measures and instants.
func TestSeedLadderSteps(t *testing.T) {
	t.Parallel()
	d := mustDecider(t, penalty.SeedLadder())
	// The n-th offence is recorded and decided on 1 March of year 2025+n,
	// 10:00, far from any earlier measure.
	at := func(n int) time.Time { return day(2025+n, time.March, 1, 10) }
	oneOff := func(k penalty.MeasureKind, n int) wantMeasure { return wantMeasure{Kind: k, Start: at(n), End: at(n)} }
	perm := func(k penalty.MeasureKind, n int) wantMeasure {
		return wantMeasure{Kind: k, Start: at(n), Permanent: true}
	}
	lasting := func(k penalty.MeasureKind, n int, end time.Time) wantMeasure {
		return wantMeasure{Kind: k, Start: at(n), End: end}
	}
	counterfeit := map[int][]wantMeasure{
		1: {lasting(penalty.StoreBan, 1, day(2026, time.March, 8, 10)), oneOff(penalty.DepositCompensation, 1)},
		2: {perm(penalty.StoreBan, 2), perm(penalty.Blacklist, 2)},
		3: {oneOff(penalty.LegalReferral, 3)},
		4: {oneOff(penalty.LegalReferral, 4)},
	}
	link := map[int][]wantMeasure{
		1: {lasting(penalty.TrafficLimit, 1, day(2026, time.March, 4, 10)), oneOff(penalty.ContentDeletion, 1)},
		2: {lasting(penalty.StoreBan, 2, day(2027, time.April, 1, 10)), oneOff(penalty.CreditDeduction, 2)},
		3: {perm(penalty.CartRevoked, 3)},
		4: {perm(penalty.CartRevoked, 4)},
	}
	fraud := map[int][]wantMeasure{
		1: {oneOff(penalty.SalesCleared, 1), oneOff(penalty.Warning, 1)},
		2: {lasting(penalty.LiveBan, 2, day(2027, time.April, 1, 10))},
		3: {perm(penalty.CooperationTerminated, 3)},
		4: {perm(penalty.CooperationTerminated, 4)},
	}
	ladders := map[penalty.ViolationType]map[int][]wantMeasure{
		penalty.Counterfeit:         counterfeit,
		penalty.StolenDesign:        counterfeit,
		penalty.ExternalLink:        link,
		penalty.FalseAdvertising:    link,
		penalty.InducedSharing:      link,
		penalty.UnauthorisedFootage: link,
		penalty.DataFraud:           fraud,
		penalty.FakeOrders:          fraud,
	}
	for _, typ := range penalty.SeedTypes() {
		for n := 1; n <= 4; n++ {
			t.Run(fmt.Sprintf("%s/%d", typ, n), func(t *testing.T) {
				t.Parallel()
				s := penalty.NewState(store)
				var ev penalty.Event
				for i := 1; i <= n; i++ {
					ev = offend(t, d, s, penalty.ViolationID(fmt.Sprint("v", i)), typ, at(i))
				}
				if ev.Offence != n || ev.RuleVersion != penalty.SeedVersion {
					t.Errorf("offence, version = %d, %q; want %d, %q", ev.Offence, ev.RuleVersion, n, penalty.SeedVersion)
				}
				if diff := cmp.Diff(ladders[typ][n], simplify(ev.Measures)); diff != "" {
					t.Errorf("measures mismatch (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestObservedPackages checks the observed penalty screens (domain-rules.md
// §B2) as published vectors.
func TestObservedPackages(t *testing.T) {
	t.Parallel()
	d := mustDecider(t, penalty.ObservedLadder())
	tests := []struct {
		name      string
		typ       penalty.ViolationType
		recorded  time.Time
		decided   time.Time
		want      []wantMeasure
		activeOn  time.Time
		mayList   bool
		mayGoLive bool
	}{
		{
			// Violation 12-04 → penalty 12-05 → end 12-20.
			name: "发布违禁信息", typ: penalty.ProhibitedInfo,
			recorded: day(2022, time.December, 4, 15), decided: day(2022, time.December, 5, 0),
			want: []wantMeasure{
				{Kind: penalty.NoNewProducts, Start: day(2022, time.December, 5, 0), End: day(2022, time.December, 20, 0)},
				{Kind: penalty.WindowSuspended, Start: day(2022, time.December, 5, 0), End: day(2022, time.December, 20, 0)},
				{Kind: penalty.LiveBan, Start: day(2022, time.December, 5, 0), End: day(2022, time.December, 10, 0)},
			},
			activeOn: day(2022, time.December, 12, 0), mayList: false, mayGoLive: true,
		},
		{
			// Violation 12-31, decided 01-01, effective 01-08 (处罚即将生效).
			name: "违背承诺", typ: penalty.BrokenPromise,
			recorded: day(2022, time.December, 31, 9), decided: day(2023, time.January, 1, 0),
			want: []wantMeasure{
				{Kind: penalty.NoNewProducts, Start: day(2023, time.January, 8, 0), End: day(2023, time.January, 11, 0)},
				{Kind: penalty.WindowSuspended, Start: day(2023, time.January, 8, 0), End: day(2023, time.January, 11, 0)},
			},
			activeOn: day(2023, time.January, 5, 0), mayList: true, mayGoLive: true,
		},
		{
			name: "推广超范围商品", typ: penalty.OutOfScopeGoods,
			recorded: day(2023, time.January, 10, 14), decided: day(2023, time.January, 10, 14),
			want: []wantMeasure{
				{Kind: penalty.WindowSuspended, Start: day(2023, time.January, 10, 14), End: day(2023, time.January, 17, 14)},
				{Kind: penalty.NoNewProducts, Start: day(2023, time.January, 10, 14), End: day(2023, time.January, 17, 14)},
				{Kind: penalty.LiveBan, Start: day(2023, time.January, 10, 14), End: day(2023, time.January, 17, 14)},
			},
			activeOn: day(2023, time.January, 17, 13), mayList: false, mayGoLive: false,
		},
		{
			name: "不正当营销", typ: penalty.UnfairMarketing,
			recorded: day(2023, time.February, 1, 8), decided: day(2023, time.February, 1, 8),
			want: []wantMeasure{
				{Kind: penalty.NoNewProducts, Start: day(2023, time.February, 1, 8), End: day(2023, time.February, 4, 8)},
				{Kind: penalty.WindowSuspended, Start: day(2023, time.February, 1, 8), End: day(2023, time.February, 4, 8)},
				{Kind: penalty.LiveBan, Start: day(2023, time.February, 1, 8), End: day(2023, time.February, 2, 8)},
			},
			activeOn: day(2023, time.February, 2, 8), mayList: false, mayGoLive: true,
		},
		{
			// The penalty ran 24 h.
			name: "发布虚假宣传信息", typ: penalty.FalseAdvertising,
			recorded: day(2023, time.February, 2, 20), decided: day(2023, time.February, 2, 20),
			want: []wantMeasure{
				{Kind: penalty.NoNewProducts, Start: day(2023, time.February, 2, 20), End: day(2023, time.February, 3, 20)},
				{Kind: penalty.WindowSuspended, Start: day(2023, time.February, 2, 20), End: day(2023, time.February, 3, 20)},
				{Kind: penalty.LiveBan, Start: day(2023, time.February, 2, 20), End: day(2023, time.February, 3, 20)},
			},
			activeOn: day(2023, time.February, 3, 19), mayList: false, mayGoLive: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := penalty.NewState(store)
			mustEvolve(t, s, penalty.RecordViolation("v1", tt.typ, tt.recorded))
			ev, err := d.Decide(s, "v1", tt.decided)
			if err != nil {
				t.Fatal(err)
			}
			mustEvolve(t, s, ev)
			if diff := cmp.Diff(tt.want, simplify(ev.Measures)); diff != "" {
				t.Errorf("measures mismatch (-want +got):\n%s", diff)
			}
			got := [2]bool{s.May(penalty.ListProducts, tt.activeOn), s.May(penalty.GoLive, tt.activeOn)}
			if want := [2]bool{tt.mayList, tt.mayGoLive}; got != want {
				t.Errorf("May(list, live) at %v = %v, want %v", tt.activeOn, got, want)
			}
			// The observed packages do not escalate: a second offence gets the same package.
			next, err := d.Next(s, tt.typ, tt.decided.AddDate(0, 1, 0))
			if err != nil {
				t.Fatal(err)
			}
			if next.Offence != 2 || !next.Top || len(next.Measures) != len(tt.want) {
				t.Errorf("Next = offence %d, top %v, %d measures; want 2, true, %d", next.Offence, next.Top, len(next.Measures), len(tt.want))
			}
		})
	}
}

func TestSpanAddTo(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		span penalty.Span
		from time.Time
		want time.Time
	}{
		{"7 days", penalty.Span{Days: 7}, day(2026, time.March, 1, 10), day(2026, time.March, 8, 10)},
		{"month clamps to February", penalty.Span{Months: 1}, day(2026, time.January, 31, 10), day(2026, time.February, 28, 10)},
		{"month clamps to leap day", penalty.Span{Months: 1}, day(2028, time.January, 31, 10), day(2028, time.February, 29, 10)},
		{"month across the year", penalty.Span{Months: 1}, day(2026, time.December, 15, 23), day(2027, time.January, 15, 23)},
		{"month then days", penalty.Span{Months: 1, Days: 3}, day(2026, time.January, 31, 0), day(2026, time.March, 3, 0)},
		{"UTC input counts Shanghai days", penalty.Span{Months: 1}, time.Date(2026, time.January, 30, 16, 0, 0, 0, time.UTC), time.Date(2026, time.February, 27, 16, 0, 0, 0, time.UTC)},
		{"zero", penalty.Span{}, day(2026, time.March, 1, 10), day(2026, time.March, 1, 10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.span.AddTo(tt.from)
			if !got.Equal(tt.want) || got.Location() != tt.from.Location() {
				t.Errorf("AddTo(%v) = %v, want %v", tt.from, got, tt.want)
			}
		})
	}
}

func TestCountingWindows(t *testing.T) {
	t.Parallel()
	rule := func(w penalty.Window) penalty.Table {
		tb := penalty.SeedLadder().WithRule(penalty.Rule{Type: penalty.ExternalLink, Window: w, Steps: penalty.SeedLadder().Rules[1].Steps})
		tb.Version = "test-" + w.String()
		return tb
	}
	tests := []struct {
		name   string
		window penalty.Window
		first  time.Time
		second time.Time
		want   int
	}{
		{"lifetime counts years back", penalty.Window{Kind: penalty.Lifetime}, day(2024, time.January, 1, 0), day(2026, time.March, 1, 0), 2},
		{"calendar year resets at midnight Shanghai", penalty.Window{Kind: penalty.CalendarYear}, day(2026, time.December, 31, 23), day(2027, time.January, 1, 1), 1},
		{"calendar year same year", penalty.Window{Kind: penalty.CalendarYear}, day(2026, time.January, 1, 0), day(2026, time.December, 31, 23), 2},
		{"rolling 30 days inside", penalty.Window{Kind: penalty.Rolling, Days: 30}, day(2026, time.March, 1, 0), day(2026, time.March, 30, 23), 2},
		{"rolling 30 days expired", penalty.Window{Kind: penalty.Rolling, Days: 30}, day(2026, time.March, 1, 0), day(2026, time.March, 31, 0), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d := mustDecider(t, rule(tt.window))
			s := penalty.NewState(store)
			offend(t, d, s, "v1", penalty.ExternalLink, tt.first)
			ev := offend(t, d, s, "v2", penalty.ExternalLink, tt.second)
			if ev.Offence != tt.want {
				t.Errorf("offence = %d, want %d", ev.Offence, tt.want)
			}
			if got := s.Offences(penalty.ExternalLink, tt.window, tt.second); got != tt.want {
				t.Errorf("Offences = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestOtherTypesDoNotCount checks that offences count per type.
func TestOtherTypesDoNotCount(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	offend(t, d, s, "v1", penalty.ExternalLink, day(2026, time.March, 1, 0))
	ev := offend(t, d, s, "v2", penalty.DataFraud, day(2026, time.March, 2, 0))
	if ev.Offence != 1 {
		t.Errorf("offence = %d, want 1", ev.Offence)
	}
}

func TestDecisionTableByDate(t *testing.T) {
	t.Parallel()
	strict := penalty.SeedLadder()
	strict.Version = "strict-2026"
	strict.EffectiveFrom = day(2026, time.June, 1, 0)
	strict.Rules[0].Steps[0].Measures[0].For = penalty.Span{Days: 14}
	d := mustDecider(t, strict, penalty.SeedLadder())

	s := penalty.NewState(store)
	before := offend(t, d, s, "v1", penalty.Counterfeit, day(2026, time.May, 31, 23))
	s2 := penalty.NewState(store)
	after := offend(t, d, s2, "v1", penalty.Counterfeit, day(2026, time.June, 1, 0))
	got := []string{before.RuleVersion, before.Measures[0].End.Sub(before.Measures[0].Start).String(), after.RuleVersion, after.Measures[0].End.Sub(after.Measures[0].Start).String()}
	want := []string{penalty.SeedVersion, "168h0m0s", "strict-2026", "336h0m0s"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if _, err := d.TableAt(day(2023, time.January, 1, 0)); !errors.Is(err, penalty.ErrNoTable) {
		t.Errorf("TableAt before every table: err = %v, want ErrNoTable", err)
	}
}

func TestDecideErrors(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	offend(t, d, s, "decided", penalty.Counterfeit, day(2026, time.March, 1, 0))
	mustEvolve(t, s, penalty.RecordViolation("live-only", penalty.BrokenPromise, day(2026, time.March, 2, 0)))
	tests := []struct {
		name    string
		id      penalty.ViolationID
		at      time.Time
		wantErr error
	}{
		{"unknown violation", "nope", day(2026, time.March, 3, 0), penalty.ErrUnknownPenalty},
		{"already decided", "decided", day(2026, time.March, 3, 0), penalty.ErrInvalidTransition},
		{"type without a seed ladder", "live-only", day(2026, time.March, 3, 0), penalty.ErrUnknownType},
		{"before the last event", "live-only", day(2026, time.March, 1, 0), penalty.ErrOutOfOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := d.Decide(s, tt.id, tt.at); !errors.Is(err, tt.wantErr) {
				t.Errorf("Decide() error = %v, want %v", err, tt.wantErr)
			}
		})
	}
	if _, err := d.Next(s, penalty.ViolationType(200), day(2026, time.March, 3, 0)); !errors.Is(err, penalty.ErrUnknownType) {
		t.Errorf("Next(unknown type) error = %v, want ErrUnknownType", err)
	}
}

func TestDepositCompensationCarriesAmount(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	rec := penalty.RecordViolation("v1", penalty.Counterfeit, day(2026, time.March, 1, 10))
	rec.Compensation = 129900
	mustEvolve(t, s, rec)
	ev, err := d.Decide(s, "v1", day(2026, time.March, 1, 12))
	if err != nil {
		t.Fatal(err)
	}
	var got vcart.Fen
	for _, m := range ev.Measures {
		if m.Kind == penalty.DepositCompensation {
			got = m.Compensation
		}
	}
	if diff := cmp.Diff(vcart.Fen(129900), got); diff != "" {
		t.Errorf("compensation mismatch (-want +got):\n%s", diff)
	}
}
