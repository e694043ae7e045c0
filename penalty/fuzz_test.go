package penalty

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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

// FuzzEventJSON decodes arbitrary JSON as an event: no panic, and anything
// accepted encodes and decodes back to the same event.
func FuzzEventJSON(f *testing.F) {
	f.Add([]byte(`{"kind":"violation_recorded","at":"2026-03-01T09:00:00+08:00","violation":"v1","type":"counterfeit","compensation":"259.00 CNY"}`))
	f.Add([]byte(`{"kind":"penalty_decided","at":"2026-03-01T10:00:00+08:00","violation":"v1","offence":1,"rule_version":"seed-2024.1","measures":[{"kind":"store_ban","start":"2026-03-01T10:00:00+08:00","end":"2026-03-08T10:00:00+08:00"},{"kind":"deposit_compensation","start":"2026-03-01T10:00:00+08:00","end":"2026-03-01T10:00:00+08:00","compensation":"259.00 CNY"}]}`))
	f.Add([]byte(`{"kind":"complaint_opened","at":"2026-03-03T10:00:00+08:00","complaint":"c-1","respond_by":"2026-03-04T10:00:00+08:00","solve_by":"2026-03-05T10:00:00+08:00"}`))
	f.Add([]byte(`{"kind":"appeal_filed","type":"售假","compensation":"1 "}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		var e Event
		if err := json.Unmarshal(data, &e); err != nil {
			return
		}
		b, err := json.Marshal(e)
		if err != nil {
			// Only out-of-range enums and unencodable instants may fail.
			return
		}
		var back Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		if diff := cmp.Diff(e, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip differs:\n%s", diff)
		}
	})
}
