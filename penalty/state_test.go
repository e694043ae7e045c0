package penalty_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/penalty"
)

func TestAppeals(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	start := day(2026, time.March, 1, 10)
	tests := []struct {
		name       string
		after      []penalty.Event
		wantStatus penalty.Status
		wantEnd    time.Time // the 7-day store ban's end after the events
		sellAt     time.Time
		maySell    bool
		nextIndex  int // offence index of the next counterfeit
	}{
		{
			name:       "no appeal",
			wantStatus: penalty.Penalised, wantEnd: day(2026, time.March, 8, 10),
			sellAt: day(2026, time.March, 5, 0), maySell: false, nextIndex: 2,
		},
		{
			name:       "appeal pending keeps the measures",
			after:      []penalty.Event{penalty.FileAppeal("v1", day(2026, time.March, 2, 9), "authentic goods")},
			wantStatus: penalty.Appealing, wantEnd: day(2026, time.March, 8, 10),
			sellAt: day(2026, time.March, 5, 0), maySell: false, nextIndex: 2,
		},
		{
			name: "appeal rejected",
			after: []penalty.Event{
				penalty.FileAppeal("v1", day(2026, time.March, 2, 9), ""),
				penalty.RejectAppeal("v1", day(2026, time.March, 2, 11)),
			},
			wantStatus: penalty.Upheld, wantEnd: day(2026, time.March, 8, 10),
			sellAt: day(2026, time.March, 5, 0), maySell: false, nextIndex: 2,
		},
		{
			name: "appeal overturned ends the ban and the offence",
			after: []penalty.Event{
				penalty.FileAppeal("v1", day(2026, time.March, 2, 9), ""),
				penalty.OverturnAppeal("v1", day(2026, time.March, 3, 15)),
			},
			wantStatus: penalty.Overturned, wantEnd: day(2026, time.March, 3, 15),
			sellAt: day(2026, time.March, 3, 15), maySell: true, nextIndex: 1,
		},
		{
			name:       "reversal without appeal",
			after:      []penalty.Event{penalty.ReversePenalty("v1", day(2026, time.March, 4, 0), "misjudged")},
			wantStatus: penalty.Reversed, wantEnd: day(2026, time.March, 4, 0),
			sellAt: day(2026, time.March, 4, 0), maySell: true, nextIndex: 1,
		},
		{
			name: "reversal after a rejected appeal",
			after: []penalty.Event{
				penalty.FileAppeal("v1", day(2026, time.March, 2, 9), ""),
				penalty.RejectAppeal("v1", day(2026, time.March, 2, 11)),
				penalty.ReversePenalty("v1", day(2026, time.March, 6, 0), ""),
			},
			wantStatus: penalty.Reversed, wantEnd: day(2026, time.March, 6, 0),
			sellAt: day(2026, time.March, 5, 0), maySell: false, nextIndex: 1,
		},
		{
			name:       "reversal after the ban ended leaves its end",
			after:      []penalty.Event{penalty.ReversePenalty("v1", day(2026, time.April, 1, 0), "")},
			wantStatus: penalty.Reversed, wantEnd: day(2026, time.March, 8, 10),
			sellAt: day(2026, time.March, 5, 0), maySell: false, nextIndex: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := penalty.NewState(store)
			offend(t, d, s, "v1", penalty.Counterfeit, start)
			mustEvolve(t, s, tt.after...)
			v, ok := s.Violation("v1")
			if !ok {
				t.Fatal("violation v1 missing")
			}
			if v.Status != tt.wantStatus {
				t.Errorf("status = %s, want %s", v.Status, tt.wantStatus)
			}
			if !v.Measures[0].End.Equal(tt.wantEnd) {
				t.Errorf("store ban end = %v, want %v", v.Measures[0].End, tt.wantEnd)
			}
			withdrawn := tt.wantStatus == penalty.Overturned || tt.wantStatus == penalty.Reversed
			for _, m := range v.Measures {
				if m.Withdrawn.IsZero() == withdrawn {
					t.Errorf("%s withdrawn = %v, want %v", m.Kind, m.Withdrawn, withdrawn)
				}
			}
			if got := s.May(penalty.Sell, tt.sellAt); got != tt.maySell {
				t.Errorf("May(Sell, %v) = %v, want %v", tt.sellAt, got, tt.maySell)
			}
			next, err := d.Next(s, penalty.Counterfeit, day(2026, time.May, 1, 0))
			if err != nil {
				t.Fatal(err)
			}
			if next.Offence != tt.nextIndex {
				t.Errorf("next offence = %d, want %d", next.Offence, tt.nextIndex)
			}
		})
	}
}

// TestAppealBeforeEffect overturns a delayed penalty before it starts: its
// measures never take effect and are no longer pending.
func TestAppealBeforeEffect(t *testing.T) {
	t.Parallel()
	d := mustDecider(t, penalty.ObservedLadder())
	s := penalty.NewState(store)
	offend(t, d, s, "late", penalty.BrokenPromise, day(2023, time.January, 1, 0))
	if got := len(s.Pending(day(2023, time.January, 2, 0))); got != 2 {
		t.Fatalf("pending before the appeal = %d, want 2", got)
	}
	mustEvolve(t, s,
		penalty.FileAppeal("late", day(2023, time.January, 2, 0), "shipped in time"),
		penalty.OverturnAppeal("late", day(2023, time.January, 3, 0)))
	if got := s.Pending(day(2023, time.January, 3, 0)); len(got) != 0 {
		t.Errorf("pending after the overturn = %v, want none", got)
	}
	// The history is kept: before the overturn both measures were pending.
	if got := len(s.Pending(day(2023, time.January, 2, 12))); got != 2 {
		t.Errorf("pending before the overturn = %d, want 2", got)
	}
	for _, at := range []time.Time{day(2023, time.January, 8, 0), day(2023, time.January, 9, 0)} {
		if got := s.Active(at); len(got) != 0 {
			t.Errorf("Active(%v) = %v, want none", at, got)
		}
	}
	v, _ := s.Violation("late")
	for _, m := range v.Measures {
		if !m.End.Equal(m.Start) || !m.Start.Equal(day(2023, time.January, 8, 0)) {
			t.Errorf("%s = %v → %v, want an empty interval at its start", m.Kind, m.Start, m.End)
		}
	}
}

// TestOverlappingMeasures merges measures of one kind into one restriction.
func TestOverlappingMeasures(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	// A first 导流外链 (traffic limit) on 1 March, a second (1-month store ban)
	// on 10 March, a first 售假 (7-day store ban) on 5 April that overlaps
	// the end of the month-long ban, and a 数据造假 that bans live-streaming.
	offend(t, d, s, "link1", penalty.ExternalLink, day(2026, time.March, 1, 10))
	offend(t, d, s, "link2", penalty.ExternalLink, day(2026, time.March, 10, 10))
	offend(t, d, s, "fake1", penalty.Counterfeit, day(2026, time.April, 5, 10))
	offend(t, d, s, "fraud1", penalty.DataFraud, day(2026, time.April, 6, 10))
	offend(t, d, s, "fraud2", penalty.DataFraud, day(2026, time.April, 7, 10))

	tests := []struct {
		name string
		at   time.Time
		want []penalty.Restriction
	}{
		{"traffic limit only", day(2026, time.March, 2, 0), []penalty.Restriction{
			{Kind: penalty.TrafficLimit, Since: day(2026, time.March, 1, 10), Until: day(2026, time.March, 4, 10), Violations: []penalty.ViolationID{"link1"}},
		}},
		{"two store bans merge", day(2026, time.April, 6, 12), []penalty.Restriction{
			{Kind: penalty.StoreBan, Since: day(2026, time.March, 10, 10), Until: day(2026, time.April, 12, 10), Violations: []penalty.ViolationID{"fake1", "link2"}},
		}},
		{"live ban outlasts the store ban", day(2026, time.April, 13, 0), []penalty.Restriction{
			{Kind: penalty.LiveBan, Since: day(2026, time.April, 7, 10), Until: day(2026, time.May, 7, 10), Violations: []penalty.ViolationID{"fraud2"}},
		}},
		{"the first day after everything", day(2026, time.May, 7, 10), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, s.Restrictions(tt.at)); diff != "" {
				t.Errorf("Restrictions mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// During the merged ban the store may not sell, list or go live.
	at := day(2026, time.April, 6, 12)
	for _, c := range penalty.Capabilities() {
		if s.May(c, at) {
			t.Errorf("May(%s) during the store ban = true", c)
		}
	}
	if got := len(s.Blockers(penalty.GoLive, day(2026, time.April, 8, 0))); got != 3 {
		t.Errorf("Blockers(GoLive) = %d, want 3 (two store bans and a live ban)", got)
	}
}

func TestBackToBackMeasuresMerge(t *testing.T) {
	t.Parallel()
	tb := penalty.ObservedLadder()
	d := mustDecider(t, tb)
	s := penalty.NewState(store)
	// Two 1-day live bans back to back lift after two days.
	offend(t, d, s, "a", penalty.FalseAdvertising, day(2026, time.March, 1, 0))
	offend(t, d, s, "b", penalty.FalseAdvertising, day(2026, time.March, 2, 0))
	var got time.Time
	for _, r := range s.Restrictions(day(2026, time.March, 1, 12)) {
		if r.Kind == penalty.LiveBan {
			got = r.Until
		}
	}
	if want := day(2026, time.March, 3, 0); !got.Equal(want) {
		t.Errorf("live ban lifts at %v, want %v", got, want)
	}
}

func TestPermanentMeasures(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	// The second 售假 comes during the first one's 7-day ban: the permanent
	// ban merges with it.
	offend(t, d, s, "fake1", penalty.Counterfeit, day(2026, time.March, 1, 10))
	offend(t, d, s, "fake2", penalty.Counterfeit, day(2026, time.March, 5, 10))
	far := day(2099, time.January, 1, 0)
	want := []penalty.Restriction{
		{Kind: penalty.StoreBan, Since: day(2026, time.March, 1, 10), Permanent: true, Violations: []penalty.ViolationID{"fake1", "fake2"}},
		{Kind: penalty.Blacklist, Since: day(2026, time.March, 5, 10), Permanent: true, Violations: []penalty.ViolationID{"fake2"}},
	}
	for _, at := range []time.Time{day(2026, time.March, 6, 0), far} {
		if diff := cmp.Diff(want, s.Restrictions(at)); diff != "" {
			t.Errorf("Restrictions(%v) mismatch (-want +got):\n%s", at, diff)
		}
		if s.May(penalty.Sell, at) {
			t.Errorf("May(Sell, %v) under a permanent ban = true", at)
		}
	}
	// Before the second offence the 7-day ban lifts on 8 March.
	want0 := []penalty.Restriction{{Kind: penalty.StoreBan, Since: day(2026, time.March, 1, 10), Until: day(2026, time.March, 8, 10), Violations: []penalty.ViolationID{"fake1"}}}
	s0 := penalty.NewState(store)
	offend(t, d, s0, "fake1", penalty.Counterfeit, day(2026, time.March, 1, 10))
	if diff := cmp.Diff(want0, s0.Restrictions(day(2026, time.March, 3, 0))); diff != "" {
		t.Errorf("Restrictions before the second offence mismatch (-want +got):\n%s", diff)
	}
	// Reversing the second offence lifts the permanent measures at once; the
	// 7-day ban is over by then.
	mustEvolve(t, s, penalty.ReversePenalty("fake2", day(2026, time.April, 1, 0), "court ruling"))
	if got := s.Restrictions(far); len(got) != 0 {
		t.Errorf("Restrictions after the reversal = %v, want none", got)
	}
	if !s.May(penalty.Sell, day(2026, time.April, 1, 0)) {
		t.Error("May(Sell) after the reversal = false")
	}
	if s.May(penalty.Sell, day(2026, time.March, 31, 0)) {
		t.Error("May(Sell) before the reversal = true; the history must not change")
	}
}

func TestCapabilityMatrix(t *testing.T) {
	t.Parallel()
	all := []penalty.Capability{penalty.Sell, penalty.GoLive, penalty.UseCart, penalty.ListProducts}
	want := map[penalty.MeasureKind][]penalty.Capability{
		penalty.StoreBan:              all,
		penalty.Blacklist:             all,
		penalty.CooperationTerminated: all,
		penalty.LiveBan:               {penalty.GoLive},
		penalty.CartRevoked:           {penalty.UseCart},
		penalty.WindowSuspended:       {penalty.UseCart},
		penalty.NoNewProducts:         {penalty.ListProducts},
	}
	for _, k := range penalty.MeasureKinds() {
		var got []penalty.Capability
		for _, c := range penalty.Capabilities() {
			if k.Blocks(c) {
				got = append(got, c)
			}
		}
		if diff := cmp.Diff(want[k], got); diff != "" {
			t.Errorf("%s blocks mismatch (-want +got):\n%s", k, diff)
		}
		if k.OneOff() && len(got) > 0 {
			t.Errorf("one-off %s blocks %v", k, got)
		}
	}
}

// TestEvolveErrors checks every kind of bad event: a typed error, and the
// state left as it was (the internal test compares the whole state).
func TestEvolveErrors(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	base := func(t *testing.T) *penalty.State {
		s := penalty.NewState(store)
		offend(t, d, s, "v1", penalty.Counterfeit, day(2026, time.March, 1, 10))
		mustEvolve(t, s, penalty.RecordViolation("v2", penalty.ExternalLink, day(2026, time.March, 2, 10)),
			penalty.SeedComplaintPolicy().Open("c1", day(2026, time.March, 2, 10)))
		return s
	}
	at := day(2026, time.March, 3, 0)
	good := func(id penalty.ViolationID) penalty.Event {
		return penalty.Event{Kind: penalty.EventPenaltyDecided, At: at, Violation: id, Offence: 1, RuleVersion: "x",
			Measures: []penalty.Measure{{Kind: penalty.Warning, Start: at, End: at}}}
	}
	withMeasure := func(m penalty.Measure) penalty.Event { e := good("v2"); e.Measures = []penalty.Measure{m}; return e }
	tests := []struct {
		name    string
		ev      penalty.Event
		wantErr error
	}{
		{"out of order", penalty.RecordViolation("v3", penalty.DataFraud, day(2026, time.March, 1, 0)), penalty.ErrOutOfOrder},
		{"unknown type", penalty.RecordViolation("v3", penalty.ViolationType(99), at), penalty.ErrUnknownType},
		{"zero type", penalty.RecordViolation("v3", 0, at), penalty.ErrUnknownType},
		{"appeal for an unknown penalty", penalty.FileAppeal("nope", at, ""), penalty.ErrUnknownPenalty},
		{"decision for an unknown violation", good("nope"), penalty.ErrUnknownPenalty},
		{"appeal before the decision", penalty.FileAppeal("v2", at, ""), penalty.ErrInvalidTransition},
		{"resolve an appeal never filed", penalty.OverturnAppeal("v1", at), penalty.ErrInvalidTransition},
		{"duplicate violation ID", penalty.RecordViolation("v1", penalty.Counterfeit, at), penalty.ErrInvalidTransition},
		{"second decision", good("v1"), penalty.ErrInvalidTransition},
		{"unknown event kind", penalty.Event{Kind: 77, At: at, Violation: "v1"}, penalty.ErrInvalidEvent},
		{"missing instant", penalty.FileAppeal("v1", time.Time{}, ""), penalty.ErrInvalidEvent},
		{"missing violation ID", penalty.FileAppeal("", at, ""), penalty.ErrInvalidEvent},
		{"decision without version", func() penalty.Event { e := good("v2"); e.RuleVersion = ""; return e }(), penalty.ErrInvalidEvent},
		{"decision with offence 0", func() penalty.Event { e := good("v2"); e.Offence = 0; return e }(), penalty.ErrInvalidEvent},
		{"decision without measures", func() penalty.Event { e := good("v2"); e.Measures = nil; return e }(), penalty.ErrInvalidEvent},
		{"measure before the decision", withMeasure(penalty.Measure{Kind: penalty.StoreBan, Start: day(2026, time.March, 2, 0), End: day(2026, time.March, 9, 0)}), penalty.ErrInvalidEvent},
		{"lasting measure without length", withMeasure(penalty.Measure{Kind: penalty.StoreBan, Start: at, End: at}), penalty.ErrInvalidEvent},
		{"one-off measure with length", withMeasure(penalty.Measure{Kind: penalty.Warning, Start: at, End: at.Add(time.Hour)}), penalty.ErrInvalidEvent},
		{"permanent measure with end", withMeasure(penalty.Measure{Kind: penalty.Blacklist, Start: at, End: at.Add(time.Hour), Permanent: true}), penalty.ErrInvalidEvent},
		{"unknown measure kind", withMeasure(penalty.Measure{Kind: 0, Start: at, End: at}), penalty.ErrInvalidEvent},
		{"complaint event for an unknown complaint", penalty.RespondComplaint("c9", at), penalty.ErrUnknownComplaint},
		{"complaint reopened", penalty.SeedComplaintPolicy().Open("c1", at), penalty.ErrInvalidTransition},
		{"complaint deadlines inverted", penalty.Event{Kind: penalty.EventComplaintOpened, At: at, Complaint: "c2", RespondBy: at.Add(-time.Hour), SolveBy: at}, penalty.ErrInvalidEvent},
		{"violation citing an unknown complaint", func() penalty.Event {
			e := penalty.RecordViolation("v3", penalty.DataFraud, at)
			e.Complaint = "c9"
			return e
		}(), penalty.ErrUnknownComplaint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := base(t)
			before := s.Violations()
			err := s.Evolve(tt.ev)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Evolve() error = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(before, s.Violations()); diff != "" || s.Applied() != 4 {
				t.Errorf("state changed on error (applied %d):\n%s", s.Applied(), diff)
			}
		})
	}
}

func TestTransitionErrorFields(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	offend(t, d, s, "v1", penalty.Counterfeit, day(2026, time.March, 1, 10))
	mustEvolve(t, s, penalty.FileAppeal("v1", day(2026, time.March, 2, 0), ""), penalty.RejectAppeal("v1", day(2026, time.March, 2, 1)))
	err := s.Evolve(penalty.FileAppeal("v1", day(2026, time.March, 3, 0), "again"))
	var te *penalty.TransitionError
	if !errors.As(err, &te) {
		t.Fatalf("error = %v, want *TransitionError", err)
	}
	want := &penalty.TransitionError{ID: "v1", From: penalty.Upheld, Event: penalty.EventAppealFiled}
	if diff := cmp.Diff(want, te); diff != "" {
		t.Errorf("TransitionError mismatch (-want +got):\n%s", diff)
	}
	if got, want := te.Error(), `penalty: invalid transition: appeal_filed "v1" is upheld`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestReplayErrorNamesTheEvent(t *testing.T) {
	t.Parallel()
	events := []penalty.Event{
		penalty.RecordViolation("v1", penalty.Counterfeit, day(2026, time.March, 1, 0)),
		penalty.FileAppeal("v1", day(2026, time.March, 2, 0), ""),
	}
	_, err := penalty.Replay(store, events)
	if !errors.Is(err, penalty.ErrInvalidTransition) || err.Error() != `penalty: replay event 1: penalty: invalid transition: appeal_filed "v1" is recorded` {
		t.Errorf("Replay() error = %v", err)
	}
}

// TestConcurrentQueries runs the queries from several goroutines at once
// (meaningful under -race).
func TestConcurrentQueries(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	offend(t, d, s, "v1", penalty.Counterfeit, day(2026, time.March, 1, 10))
	offend(t, d, s, "v2", penalty.ExternalLink, day(2026, time.March, 2, 10))
	at := day(2026, time.March, 3, 0)
	want := s.Restrictions(at)
	done := make(chan []penalty.Restriction)
	for range 4 {
		go func() {
			_ = s.May(penalty.Sell, at)
			_ = s.Active(at)
			_, _ = d.Next(s, penalty.Counterfeit, at)
			done <- s.Restrictions(at)
		}()
	}
	for range 4 {
		if diff := cmp.Diff(want, <-done); diff != "" {
			t.Errorf("concurrent Restrictions mismatch (-want +got):\n%s", diff)
		}
	}
}

func TestOrderErrorFields(t *testing.T) {
	t.Parallel()
	s := penalty.NewState(store)
	mustEvolve(t, s, penalty.RecordViolation("v1", penalty.Counterfeit, day(2026, time.March, 2, 0)))
	err := s.Evolve(penalty.FileAppeal("v1", day(2026, time.March, 1, 0), ""))
	var oe *penalty.OrderError
	if !errors.As(err, &oe) || !errors.Is(err, penalty.ErrOutOfOrder) {
		t.Fatalf("error = %v, want *OrderError", err)
	}
	want := &penalty.OrderError{Event: penalty.EventAppealFiled, At: day(2026, time.March, 1, 0), Last: day(2026, time.March, 2, 0)}
	if diff := cmp.Diff(want, oe); diff != "" {
		t.Errorf("OrderError mismatch (-want +got):\n%s", diff)
	}
	if got, want := oe.Error(), "penalty: event out of order: appeal_filed at 2026-03-01T00:00:00+08:00 is before the last event at 2026-03-02T00:00:00+08:00"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
