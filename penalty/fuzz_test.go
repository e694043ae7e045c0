package penalty

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// eventsFromBytes decodes fuzz input into events, 5 bytes each: kind,
// subject, type, hours forward, and a measure selector.
func eventsFromBytes(data []byte) []Event {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
	at := base
	var out []Event
	for i := 0; i+5 <= len(data); i += 5 {
		b := data[i : i+5]
		at = at.Add(time.Duration(int(b[3])-8) * time.Hour) // may go backwards
		e := Event{
			Kind:      EventKind(b[0] % (uint8(numEventKinds) + 1)),
			At:        at,
			Violation: ViolationID(fmt.Sprint("v", b[1]%6)),
			Complaint: ComplaintID(fmt.Sprint("c", b[1]%3)),
			Type:      ViolationType(b[2] % (uint8(numViolationTypes) + 1)),
		}
		switch e.Kind {
		case EventPenaltyDecided:
			k := MeasureKind(b[4] % (uint8(numMeasureKinds) + 1))
			m := Measure{Kind: k, Start: at.Add(time.Duration(b[4]%3) * time.Hour)}
			switch b[4] % 4 {
			case 0:
				m.End = m.Start
			case 1:
				m.Permanent = true
			default:
				m.End = m.Start.Add(time.Duration(b[4]) * time.Hour)
			}
			e.Offence, e.RuleVersion, e.Measures = int(b[4]%3), "fuzz", []Measure{m}
		case EventComplaintOpened:
			e = SeedComplaintPolicy().Open(e.Complaint, at)
			if b[4]%5 == 0 {
				e.SolveBy = at.Add(-time.Hour)
			}
		case EventViolationRecorded:
			if b[4]%7 == 0 {
				e.Complaint = ComplaintID(fmt.Sprint("c", b[4]%3))
			}
		}
		out = append(out, e)
	}
	return out
}

// FuzzEvolve folds arbitrary event sequences: no panic, a rejected event
// leaves the state exactly as it was, replaying the accepted events gives the
// same state, and every query and the decide step run without panicking.
func FuzzEvolve(f *testing.F) {
	f.Add([]byte{1, 0, 1, 8, 0, 2, 0, 0, 9, 2, 3, 0, 0, 9, 0, 5, 0, 0, 9, 0})
	f.Add([]byte{7, 0, 0, 8, 1, 8, 0, 0, 30, 0, 9, 0, 0, 30, 0, 1, 0, 3, 8, 7})
	f.Add([]byte{1, 1, 2, 8, 0, 1, 1, 2, 7, 0, 6, 1, 0, 9, 0, 2, 1, 0, 9, 5})
	d, err := NewDecider(SeedLadder(), ObservedLadder().WithRule(Rule{Type: Counterfeit, Steps: []Step{{Offence: 1, Measures: []MeasureSpec{{Kind: Warning}}}}}))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 400 {
			data = data[:400]
		}
		s := NewState("wxfuzz")
		var accepted []Event
		for _, e := range eventsFromBytes(data) {
			before := s.Clone()
			if err := s.Evolve(e); err != nil {
				if diff := cmp.Diff(before, s, stateOpts); diff != "" {
					t.Fatalf("Evolve(%s) = %v and changed the state:\n%s", e.Kind, err, diff)
				}
				continue
			}
			accepted = append(accepted, e)
			if e.Kind == EventViolationRecorded {
				if ev, err := d.Decide(s, e.Violation, e.At.Add(time.Hour)); err == nil {
					if err := s.Evolve(ev); err != nil {
						t.Fatalf("a decision the decider made was rejected: %v", err)
					}
					accepted = append(accepted, ev)
				}
			}
		}
		r, err := Replay("wxfuzz", accepted)
		if err != nil {
			t.Fatalf("replaying accepted events: %v", err)
		}
		if diff := cmp.Diff(s, r, stateOpts); diff != "" {
			t.Fatalf("replay differs:\n%s", diff)
		}
		at := s.Last()
		for _, q := range []time.Time{at, at.Add(-48 * time.Hour), at.Add(24 * time.Hour)} {
			for _, rs := range s.Restrictions(q) {
				if !rs.Permanent && !rs.Until.After(q) {
					t.Fatalf("restriction %s at %v lifts at %v", rs.Kind, q, rs.Until)
				}
			}
			_ = s.Active(q)
			_ = s.Pending(q)
			_ = s.May(Sell, q)
			_ = s.OverdueComplaints(q)
		}
		_ = s.Violations()
		_ = s.Complaints()
		for _, typ := range ViolationTypes() {
			_, _ = d.Next(s, typ, at)
		}
		p := SeedComplaintPolicy()
		p.CountOverdue, p.OverdueType = true, BrokenPromise
		if evs, err := s.OverdueViolations(at.Add(72*time.Hour), p); err == nil {
			for _, e := range evs {
				if err := s.Evolve(e); err != nil {
					t.Fatalf("an overdue violation was rejected: %v", err)
				}
			}
		}
	})
}

// FuzzParseViolationType checks the name parsers: no panic, and every
// accepted name maps to a type whose own names parse back to it.
func FuzzParseViolationType(f *testing.F) {
	for _, typ := range ViolationTypes() {
		f.Add(typ.String())
		f.Add(typ.ChineseName())
	}
	for _, k := range MeasureKinds() {
		f.Add(k.ChineseName())
	}
	f.Add(" 发布虚假宣传信息 ")
	f.Add("COUNTERFEIT")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 256 {
			s = s[:256]
		}
		if typ, err := ParseViolationType(s); err == nil {
			if back, err := ParseViolationType(typ.String()); err != nil || back != typ {
				t.Fatalf("%q → %v does not round-trip", s, typ)
			}
		}
		if k, err := ParseMeasureKind(s); err == nil {
			if back, err := ParseMeasureKind(k.ChineseName()); err != nil || back != k {
				t.Fatalf("%q → %v does not round-trip", s, k)
			}
		}
	})
}
