package penalty

import (
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Violation is the read model of one violation and its penalty.
type Violation struct {
	ID        ViolationID
	Type      ViolationType
	Status    Status
	At        time.Time
	Complaint ComplaintID
	// Compensation is the amount recorded with the violation, if any.
	Compensation vcart.Money
	// DecidedAt, Offence and RuleVersion are zero until the penalty is decided.
	DecidedAt   time.Time
	Offence     int
	RuleVersion string
	Measures    []Measure
	// AppealedAt is when an appeal was filed; ResolvedAt is when the appeal
	// was resolved or the penalty reversed.
	AppealedAt time.Time
	ResolvedAt time.Time
	Note       string
}

func (s *State) view(v *violationRec) Violation {
	var ms []Measure
	if v.mTo > v.mFrom {
		ms = slices.Clone(s.measures[v.mFrom:v.mTo])
	}
	return Violation{
		ID: v.id, Type: v.typ, Status: v.status, At: v.at, Complaint: v.complaint, Compensation: v.compensation,
		DecidedAt: v.decidedAt, Offence: v.offence, RuleVersion: v.ruleVersion, Measures: ms,
		AppealedAt: v.appealedAt, ResolvedAt: v.resolvedAt, Note: v.note,
	}
}

// Violation returns the violation id, or false if it was never recorded.
func (s *State) Violation(id ViolationID) (Violation, bool) {
	i, ok := s.vindex[id]
	if !ok {
		return Violation{}, false
	}
	return s.view(&s.violations[i]), true
}

// Violations returns every violation in the order recorded.
func (s *State) Violations() []Violation {
	out := make([]Violation, len(s.violations))
	for i := range s.violations {
		out[i] = s.view(&s.violations[i])
	}
	return out
}

// Measures returns every decided measure, withdrawn ones included, in the
// order decided.
func (s *State) Measures() []Measure { return slices.Clone(s.measures) }

// Active returns the lasting measures in force at t (Start ≤ t < End, or
// permanent and started), in the order decided.
func (s *State) Active(t time.Time) []Measure {
	var out []Measure
	for i := range s.measures {
		if s.measures[i].ActiveAt(t) {
			out = append(out, s.measures[i])
		}
	}
	return out
}

// Pending returns the measures decided but not yet in effect at t (the
// platform's 处罚即将生效), in the order decided. Measures withdrawn before
// they started are left out.
func (s *State) Pending(t time.Time) []Measure {
	var out []Measure
	for i := range s.measures {
		m := &s.measures[i]
		if !m.Start.After(t) {
			continue
		}
		if m.Withdrawn.IsZero() || (!m.Kind.OneOff() && m.End.After(m.Start)) {
			out = append(out, *m)
		}
	}
	return out
}

// May reports whether the store may exercise capability c at t: no active
// measure blocks it (see [MeasureKind.Blocks]).
func (s *State) May(c Capability, t time.Time) bool {
	for i := range s.measures {
		if s.measures[i].Kind.Blocks(c) && s.measures[i].ActiveAt(t) {
			return false
		}
	}
	return true
}

// Blockers returns the active measures at t that withdraw capability c.
func (s *State) Blockers(c Capability, t time.Time) []Measure {
	var out []Measure
	for i := range s.measures {
		if s.measures[i].Kind.Blocks(c) && s.measures[i].ActiveAt(t) {
			out = append(out, s.measures[i])
		}
	}
	return out
}

// Restriction is one kind of measure in force at an instant, merged over
// every measure of that kind, with the instant it lifts.
type Restriction struct {
	Kind MeasureKind
	// Since is when the uninterrupted restriction began.
	Since time.Time
	// Until is when it lifts: the first instant at or after the query when no
	// measure of the kind is active, following overlapping and back-to-back
	// measures (including ones that start later). Zero when Permanent.
	Until time.Time
	// Permanent reports that the restriction never lifts.
	Permanent bool
	// Violations lists the violations whose measures make up the restriction.
	Violations []ViolationID
}

// Restrictions returns, for each measure kind in force at t, when it began
// and when it lifts, in [MeasureKinds] order. Overlapping measures of one
// kind (say a 7-day store ban and a later 1-month one) merge into one
// restriction that lifts when the last of them ends.
func (s *State) Restrictions(t time.Time) []Restriction {
	var out []Restriction
	for k := MeasureKind(1); k < numMeasureKinds; k++ {
		if k.OneOff() {
			continue
		}
		if r, ok := s.restriction(k, t); ok {
			out = append(out, r)
		}
	}
	return out
}

func (s *State) restriction(k MeasureKind, t time.Time) (Restriction, bool) {
	var ms []*Measure
	active := false
	for i := range s.measures {
		m := &s.measures[i]
		if m.Kind == k && (m.Permanent || m.End.After(m.Start)) {
			ms = append(ms, m)
			active = active || m.ActiveAt(t)
		}
	}
	if !active {
		return Restriction{}, false
	}
	r := Restriction{Kind: k, Since: t, Until: t}
	// Forward: follow measures that cover the current end (back-to-back
	// measures touch, since End is exclusive).
	for changed := true; changed && !r.Permanent; {
		changed = false
		for _, m := range ms {
			if m.ActiveAt(r.Until) {
				if m.Permanent {
					r.Permanent, r.Until = true, time.Time{}
					break
				}
				r.Until, changed = m.End, true
			}
		}
	}
	// Backward: follow measures that started earlier and reach the start.
	for changed := true; changed; {
		changed = false
		for _, m := range ms {
			if m.Start.Before(r.Since) && (m.Permanent || !m.End.Before(r.Since)) {
				r.Since, changed = m.Start, true
			}
		}
	}
	for _, m := range ms {
		if (r.Permanent || m.Start.Before(r.Until)) && (m.Permanent || m.End.After(r.Since)) {
			r.Violations = append(r.Violations, m.Violation)
		}
	}
	slices.Sort(r.Violations)
	r.Violations = slices.Compact(r.Violations)
	return r, true
}
