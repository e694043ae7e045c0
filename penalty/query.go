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
	Compensation vcart.Fen
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

func (s *State) view(i int32) Violation {
	v := s.violations.at(int(i))
	var ms []Measure
	for j := v.mFrom; j < v.mTo; j++ {
		ms = append(ms, s.measure(int(j)))
	}
	x := s.details(i)
	return Violation{
		ID: s.id(i), Type: v.typ, Status: v.status, At: s.dec(fieldAt, i, v.at).time(), Complaint: x.complaint, Compensation: x.compensation,
		DecidedAt: s.dec(fieldDecided, i, v.decidedAt).time(), Offence: int(v.offence), RuleVersion: s.ruleVersion(v), Measures: ms,
		AppealedAt: s.dec(fieldAppealed, i, v.appealedAt).time(), ResolvedAt: s.dec(fieldResolved, i, v.resolvedAt).time(), Note: x.note,
	}
}

// measure returns the read model of measure i, with instants in
// Asia/Shanghai.
func (s *State) measure(i int) Measure {
	r := s.measureAt(i)
	v := s.violations.at(int(r.violation))
	m := Measure{
		Kind: r.kind, Start: r.start.time(), Permanent: r.permanent, CreditPoints: int(s.credit[int32(i)]),
		Violation: s.id(r.violation), Type: v.typ, Offence: int(v.offence), RuleVersion: s.ruleVersion(v), Withdrawn: s.withdrawnAt(r.violation).time(),
	}
	if !r.permanent {
		m.End = r.end.time()
	}
	if c, ok := s.comp[int32(i)]; ok {
		m.Compensation = c
	}
	return m
}

// Violation returns the violation id, or false if it was never recorded.
func (s *State) Violation(id ViolationID) (Violation, bool) {
	i, ok := s.findViolation(id)
	if !ok {
		return Violation{}, false
	}
	return s.view(i), true
}

// Violations returns every violation in the order recorded.
func (s *State) Violations() []Violation {
	out := make([]Violation, s.violations.len())
	for i := range out {
		out[i] = s.view(int32(i))
	}
	return out
}

// Measures returns every decided measure, withdrawn ones included, in the
// order decided. Instants are in Asia/Shanghai.
func (s *State) Measures() []Measure {
	out := make([]Measure, s.measures.len())
	for i := range out {
		out[i] = s.measure(i)
	}
	return out
}

// Active returns the lasting measures in force at t (Start ≤ t < End, or
// permanent and started), in the order decided.
func (s *State) Active(t time.Time) []Measure {
	at := stampOf(t)
	var out []Measure
	for i := range s.measures.len() {
		if m := s.measureAt(i); m.activeAt(at) {
			out = append(out, s.measure(i))
		}
	}
	return out
}

// Pending returns the measures decided but not yet in effect at t (the
// platform's 处罚即将生效), in the order decided. A measure withdrawn at or
// before t is left out.
func (s *State) Pending(t time.Time) []Measure {
	at := stampOf(t)
	var out []Measure
	for i := range s.measures.len() {
		m := s.measureAt(i)
		if m.start <= at {
			continue
		}
		if w := s.withdrawnAt(m.violation); w == 0 || w > at {
			out = append(out, s.measure(i))
		}
	}
	return out
}

// May reports whether the store may exercise capability c at t: no active
// measure blocks it (see [MeasureKind.Blocks]).
func (s *State) May(c Capability, t time.Time) bool {
	at := stampOf(t)
	for i := range s.measures.len() {
		if m := s.measures.at(i); m.kind.Blocks(c) && s.measureAt(i).activeAt(at) {
			return false
		}
	}
	return true
}

// Blockers returns the active measures at t that withdraw capability c.
func (s *State) Blockers(c Capability, t time.Time) []Measure {
	at := stampOf(t)
	var out []Measure
	for i := range s.measures.len() {
		if m := s.measures.at(i); m.kind.Blocks(c) && s.measureAt(i).activeAt(at) {
			out = append(out, s.measure(i))
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
	at := stampOf(t)
	var lasting []measureVal
	var active [numMeasureKinds]bool
	mixed := false
	for i := range s.measures.len() {
		if s.measures.at(i).kind.OneOff() {
			continue // one-off measures end at their start
		}
		if m := s.measureAt(i); m.lasting() {
			mixed = mixed || len(lasting) > 0 && lasting[0].kind != m.kind
			lasting = append(lasting, m)
			active[m.kind] = active[m.kind] || m.activeAt(at)
		}
	}
	var out []Restriction
	var ms []measureVal
	for k := MeasureKind(1); k < numMeasureKinds; k++ {
		if !active[k] {
			continue
		}
		if !mixed {
			ms = lasting
		} else {
			ms = ms[:0]
			for i := range lasting {
				if lasting[i].kind == k {
					ms = append(ms, lasting[i])
				}
			}
		}
		out = append(out, s.restriction(k, ms, t, at))
	}
	return out
}

// restriction merges ms, the lasting measures of kind k, at least one of
// which is active at t (at as a stamp).
func (s *State) restriction(k MeasureKind, ms []measureVal, t time.Time, at stamp) Restriction {
	since, until, permanent := at, at, false
	// Forward: follow measures that cover the current end (back-to-back
	// measures touch, since the end is exclusive).
	for changed := true; changed && !permanent; {
		changed = false
		for i := range ms {
			m := &ms[i]
			if m.activeAt(until) {
				if m.permanent {
					permanent = true
					break
				}
				until, changed = m.end, true
			}
		}
	}
	// Backward: follow measures that started earlier and reach the start.
	for changed := true; changed; {
		changed = false
		for i := range ms {
			m := &ms[i]
			if m.start < since && (m.permanent || m.end >= since) {
				since, changed = m.start, true
			}
		}
	}
	r := Restriction{Kind: k, Since: since.time(), Permanent: permanent}
	if since == at {
		r.Since = t
	}
	if !permanent {
		r.Until = until.time()
	}
	for i := range ms {
		m := &ms[i]
		if (permanent || m.start < until) && (m.permanent || m.end > since) {
			r.Violations = append(r.Violations, s.id(m.violation))
		}
	}
	slices.Sort(r.Violations)
	r.Violations = slices.Compact(r.Violations)
	return r
}
