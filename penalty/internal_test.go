package penalty

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var stateOpts = cmp.Options{
	cmp.AllowUnexported(State{}, violationRec{}, complaintRec{}, chunked[violationRec]{}, chunked[ViolationID]{}, chunked[measureRec]{}, measureRec{}, violationExtra{}),
	// The index's slot layout depends on how it grew; compare its content.
	// The positions held and the stored IDs determine the rest.
	cmp.Transformer("index", func(x idIndex) map[int32]bool {
		m := make(map[int32]bool, x.n)
		mask := uint32(len(x.slots) - 1)
		for _, sl := range x.slots {
			if sl != 0 {
				m[int32(sl&mask)-1] = true
			}
		}
		return m
	}),
}

// history returns a deterministic mixed history of n violations, decided by
// the seed ladder, with appeals, reversals and complaints.
func history(t testing.TB, n int) []Event {
	t.Helper()
	d, err := NewDecider()
	if err != nil {
		t.Fatal(err)
	}
	s := NewState("wxreplay")
	var events []Event
	push := func(e Event) {
		if err := s.Evolve(e); err != nil {
			t.Fatalf("history: %v", err)
		}
		events = append(events, e)
	}
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
	types := SeedTypes()
	for i := range n {
		at = at.Add(7 * time.Hour)
		id := ViolationID(fmt.Sprint("v", i))
		push(RecordViolation(id, types[i%len(types)], at))
		ev, err := d.Decide(s, id, at.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		push(ev)
		switch i % 5 {
		case 1:
			push(FileAppeal(id, at.Add(2*time.Hour), ""))
			push(OverturnAppeal(id, at.Add(3*time.Hour)))
		case 2:
			push(FileAppeal(id, at.Add(2*time.Hour), ""))
			push(RejectAppeal(id, at.Add(3*time.Hour)))
		case 3:
			push(ReversePenalty(id, at.Add(4*time.Hour), ""))
		case 4:
			cid := ComplaintID(fmt.Sprint("c", i))
			push(SeedComplaintPolicy().Open(cid, at.Add(2*time.Hour)))
			push(RespondComplaint(cid, at.Add(3*time.Hour)))
			push(ResolveComplaint(cid, at.Add(5*time.Hour)))
		}
	}
	return events
}

func TestReplayEquality(t *testing.T) {
	t.Parallel()
	events := history(t, 600)
	a, err := Replay("wxreplay", events)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Replay("wxreplay", events)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b, stateOpts); diff != "" {
		t.Errorf("replays differ (-a +b):\n%s", diff)
	}
	// Replaying a prefix and then the rest gives the same state too.
	c, err := Replay("wxreplay", events[:len(events)/2])
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events[len(events)/2:] {
		if err := c.Evolve(e); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(a, c, stateOpts); diff != "" {
		t.Errorf("incremental replay differs (-a +c):\n%s", diff)
	}
	// A clone is equal and independent.
	d := a.Clone()
	if diff := cmp.Diff(a, d, stateOpts); diff != "" {
		t.Errorf("clone differs:\n%s", diff)
	}
	if err := d.Evolve(RecordViolation("extra", DataFraud, d.Last())); err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Violation("extra"); ok {
		t.Error("evolving a clone changed the original")
	}
	if a.Applied() != len(events) {
		t.Errorf("Applied() = %d, want %d", a.Applied(), len(events))
	}
}

// TestEvolveErrorLeavesStateUnchanged compares the whole state, unexported
// fields included, before and after each rejected event.
func TestEvolveErrorLeavesStateUnchanged(t *testing.T) {
	t.Parallel()
	s, err := Replay("wxreplay", history(t, 10))
	if err != nil {
		t.Fatal(err)
	}
	at := s.Last()
	bad := []Event{
		RecordViolation("v1", Counterfeit, at),
		RecordViolation("new", Counterfeit, at.Add(-time.Second)),
		RecordViolation("new", ViolationType(200), at),
		FileAppeal("v1", at, ""),
		FileAppeal("missing", at, ""),
		OverturnAppeal("v0", at),
		{Kind: EventPenaltyDecided, At: at, Violation: "v0", Offence: 1, RuleVersion: "x", Measures: []Measure{{Kind: Warning, Start: at, End: at}}},
		RespondComplaint("c4", at),
		ResolveComplaint("c404", at),
		{Kind: 0, At: at},
	}
	for _, e := range bad {
		before := s.Clone()
		if err := s.Evolve(e); err == nil {
			t.Errorf("Evolve(%s %s) succeeded, want an error", e.Kind, e.Violation)
			continue
		}
		if diff := cmp.Diff(before, s, stateOpts); diff != "" {
			t.Errorf("Evolve(%s %s) changed the state on error:\n%s", e.Kind, e.Violation, diff)
		}
	}
}

func TestTransitionTableInvariants(t *testing.T) {
	t.Parallel()
	seen := map[[2]uint8]bool{}
	reached := map[Status]bool{StatusNone: true}
	for _, tr := range transitions {
		key := [2]uint8{uint8(tr.From), uint8(tr.On)}
		if seen[key] {
			t.Errorf("duplicate row (%s, %s)", tr.From, tr.On)
		}
		seen[key] = true
		if tr.To == StatusNone {
			t.Errorf("row (%s, %s) leads back to none", tr.From, tr.On)
		}
		reached[tr.To] = true
		if next[tr.From][tr.On] != tr.To {
			t.Errorf("index disagrees with row (%s, %s)", tr.From, tr.On)
		}
	}
	for st := range numStatuses {
		if !reached[Status(st)] {
			t.Errorf("status %s unreachable", Status(st))
		}
	}
	for k := EventKind(1); k < numEventKinds; k++ {
		found := false
		for _, tr := range transitions {
			found = found || tr.On == k
		}
		if !found {
			t.Errorf("event %s has no transition", k)
		}
	}
}

func TestIDIndex(t *testing.T) {
	t.Parallel()
	for _, reserve := range []int{0, 5000} {
		s := NewState("wxindex")
		s.reserve(reserve)
		at := time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
		const n = 5000
		for i := range n {
			if err := s.Evolve(RecordViolation(ViolationID(fmt.Sprint("id-", i)), DataFraud, at)); err != nil {
				t.Fatal(err)
			}
		}
		for i := range n {
			pos, ok := s.findViolation(ViolationID(fmt.Sprint("id-", i)))
			if !ok || pos != int32(i) {
				t.Fatalf("find(id-%d) = %d, %v", i, pos, ok)
			}
		}
		for _, missing := range []ViolationID{"", "id-5000", "id--1", "ID-1"} {
			if _, ok := s.findViolation(missing); ok {
				t.Errorf("find(%q) found something", missing)
			}
		}
		if s.vindex.n != n || len(s.vindex.slots)*3 < n*4 {
			t.Errorf("index holds %d in %d slots", s.vindex.n, len(s.vindex.slots))
		}
	}
}

// TestEventJSONRoundTrip stores a history as JSON, reads it back and checks
// that the replay is identical.
func TestEventJSONRoundTrip(t *testing.T) {
	t.Parallel()
	events := history(t, 40)
	events[0].Compensation = 25900
	events[0].Note = "buyer claim"
	b, err := json.Marshal(events)
	if err != nil {
		t.Fatal(err)
	}
	var back []Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(events, back); diff != "" {
		t.Fatalf("events differ after JSON (-want +got):\n%s", diff)
	}
	a, err := Replay("wxreplay", events)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Replay("wxreplay", back)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, c, stateOpts); diff != "" {
		t.Errorf("replay after JSON differs:\n%s", diff)
	}
}

// TestToStamp checks the fast conversion against inRange and stampOf at the
// range's edges and in other zones.
func TestToStamp(t *testing.T) {
	t.Parallel()
	instants := []time.Time{
		{},
		time.Unix(0, 0), time.Unix(0, 1), time.Unix(-1, 999999999), time.Unix(1, 0),
		minInstant, minInstant.Add(-1), maxInstant, maxInstant.Add(-1),
		time.Date(2026, 3, 1, 10, 0, 0, 123, shanghai), time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for _, in := range instants {
		got, ok := toStamp(in)
		if ok != inRange(in) {
			t.Errorf("toStamp(%v) ok = %v, inRange = %v", in, ok, inRange(in))
		}
		if ok && got != stampOf(in) {
			t.Errorf("toStamp(%v) = %d, stampOf = %d", in, got, stampOf(in))
		}
	}
}

// TestWideInstants checks that instants a sec32 cannot hold (fractions of a
// second, after 2106) come back exactly from every query, including a
// measure end moved by a withdrawal, and that the order check, the
// decision check and the queries compare them at full precision.
func TestWideInstants(t *testing.T) {
	t.Parallel()
	for _, base := range []time.Time{
		time.Date(2026, 3, 1, 10, 0, 0, 0, shanghai),
		time.Date(2026, 3, 1, 10, 0, 0, 7, shanghai),
		time.Date(2150, 3, 1, 10, 0, 0, 0, shanghai),
		time.Date(2150, 3, 1, 10, 0, 0, 999999999, shanghai),
	} {
		s := NewState("wxwide")
		at := func(d time.Duration) time.Time { return base.Add(d) }
		ban := Measure{Kind: StoreBan, Start: at(2 * time.Hour), End: at(2*time.Hour + 7*24*time.Hour + 3)}
		warn := Measure{Kind: Warning, Start: at(time.Hour + 1), End: at(time.Hour + 1)}
		events := []Event{
			RecordViolation("a", Counterfeit, at(0)),
			{Kind: EventPenaltyDecided, At: at(time.Hour), Violation: "a", Offence: 1, RuleVersion: SeedVersion, Measures: []Measure{warn, ban}},
			FileAppeal("a", at(time.Hour+5), ""),
			OverturnAppeal("a", at(3*time.Hour+1)),
		}
		for _, e := range events {
			if err := s.Evolve(e); err != nil {
				t.Fatalf("%v: %v", base, err)
			}
		}
		if err := s.Evolve(RecordViolation("b", Counterfeit, at(3*time.Hour))); !errors.Is(err, ErrOutOfOrder) {
			t.Errorf("%v: event 1 ns early: got %v, want ErrOutOfOrder", base, err)
		}
		withdrawn := at(3*time.Hour + 1)
		warn.Violation, warn.Type, warn.Offence, warn.RuleVersion, warn.Withdrawn = "a", Counterfeit, 1, SeedVersion, withdrawn
		ban.Violation, ban.Type, ban.Offence, ban.RuleVersion, ban.Withdrawn, ban.End = "a", Counterfeit, 1, SeedVersion, withdrawn, withdrawn
		want := Violation{
			ID: "a", Type: Counterfeit, Status: Overturned, At: at(0), DecidedAt: at(time.Hour), Offence: 1,
			RuleVersion: SeedVersion, Measures: []Measure{warn, ban}, AppealedAt: at(time.Hour + 5), ResolvedAt: withdrawn,
		}
		got, _ := s.Violation("a")
		if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Errorf("%v: violation (-want +got):\n%s", base, diff)
		}
		if !s.May(Sell, withdrawn) {
			t.Errorf("%v: ban should lift exactly at %v", base, withdrawn)
		}
		if s.May(Sell, withdrawn.Add(-1)) {
			t.Errorf("%v: ban should hold 1 ns before %v", base, withdrawn)
		}
	}
}

// TestMeasuresMatchViolations checks that Measures lists, in order, the
// measures every Violation carries (withdrawn ones included).
func TestMeasuresMatchViolations(t *testing.T) {
	t.Parallel()
	s, err := Replay("wxmeasures", history(t, 30))
	if err != nil {
		t.Fatal(err)
	}
	var want []Measure
	withdrawn := 0
	for _, v := range s.Violations() {
		for _, m := range v.Measures {
			if !m.Withdrawn.IsZero() {
				withdrawn++
			}
		}
		want = append(want, v.Measures...)
	}
	if diff := cmp.Diff(want, s.Measures()); diff != "" {
		t.Errorf("Measures (-from violations +got):\n%s", diff)
	}
	if len(want) == 0 || withdrawn == 0 {
		t.Errorf("history has %d measures, %d withdrawn; want some of each", len(want), withdrawn)
	}
}
