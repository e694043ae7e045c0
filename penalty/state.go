package penalty

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// State is one store's penalty history folded from its events. Build it with
// [NewState] and [State.Evolve] (or [Replay]); everything else is derived
// from it at a given instant, so it needs no timers.
//
// A State is not safe for concurrent mutation; concurrent queries without an
// Evolve in flight are safe.
type State struct {
	store      vcart.AppID
	applied    int
	last       time.Time
	violations chunked[violationRec]
	vindex     idIndex
	measures   chunked[measureRec]
	// comp holds the compensation of the few measures that carry one, by
	// measure index, so that measureRec stays small and pointer-free.
	comp       map[int32]vcart.Money
	complaints []complaintRec
	cindex     map[ComplaintID]int32
}

type violationRec struct {
	id          ViolationID
	typ         ViolationType
	status      Status
	at          stamp
	decidedAt   stamp
	appealedAt  stamp
	resolvedAt  stamp
	ruleVersion string
	offence     int32
	mFrom, mTo  int32
	// extra holds the rarely set fields; it is nil for most violations and
	// never changes once set, so clones may share it.
	extra *violationExtra
}

type violationExtra struct {
	complaint    ComplaintID
	compensation vcart.Money
	note         string
}

func (v *violationRec) details() violationExtra {
	if v.extra == nil {
		return violationExtra{}
	}
	return *v.extra
}

// measureRec is a decided measure as stored: instants as stamps, the
// decision's details read from the violation.
type measureRec struct {
	start, end, withdrawn stamp
	violation             int32
	credit                int32
	kind                  MeasureKind
	permanent             bool
}

func (m *measureRec) activeAt(t stamp) bool {
	return m.start <= t && (m.permanent || t < m.end)
}

// lasting reports whether the measure covers any instant at all.
func (m *measureRec) lasting() bool { return m.permanent || m.end > m.start }

type complaintRec struct {
	id          ComplaintID
	status      Status
	openedAt    time.Time
	respondBy   time.Time
	solveBy     time.Time
	respondedAt time.Time
	resolvedAt  time.Time
	violation   ViolationID
}

// NewState returns the empty history of store.
func NewState(store vcart.AppID) *State {
	return &State{store: store}
}

// Replay folds events into a new state for store. It stops at the first bad
// event and returns the error together with its index.
func Replay(store vcart.AppID, events []Event) (*State, error) {
	s := NewState(store)
	n := 0
	for i := range events {
		if events[i].Kind == EventViolationRecorded {
			n++
		}
	}
	if n > 0 {
		s.vindex.reserve(n)
	}
	for i := range events {
		if err := s.Evolve(events[i]); err != nil {
			return nil, fmt.Errorf("penalty: replay event %d: %w", i, err)
		}
	}
	return s, nil
}

// Store returns the store the history belongs to.
func (s *State) Store() vcart.AppID { return s.store }

// Applied returns the number of events folded in.
func (s *State) Applied() int { return s.applied }

// Last returns the instant of the last event folded in (zero if none).
func (s *State) Last() time.Time { return s.last }

// Clone returns an independent copy of the state.
func (s *State) Clone() *State {
	c := *s
	c.violations = s.violations.clone()
	c.measures = s.measures.clone()
	if s.comp != nil {
		c.comp = make(map[int32]vcart.Money, len(s.comp))
		for k, v := range s.comp {
			c.comp[k] = v
		}
	}
	c.complaints = slices.Clone(s.complaints)
	c.vindex = s.vindex.clone()
	if s.cindex != nil {
		c.cindex = make(map[ComplaintID]int32, len(s.cindex))
		for k, v := range s.cindex {
			c.cindex[k] = v
		}
	}
	return &c
}

// Evolve folds one event into the state. The event is checked in full first
// (kind, instant, order, lifecycle, fields); on any error the state is left
// exactly as it was. Errors match [ErrInvalidEvent], [ErrOutOfOrder],
// [ErrUnknownType], [ErrUnknownPenalty], [ErrUnknownComplaint] or
// [ErrInvalidTransition] (as a [*TransitionError]).
func (s *State) Evolve(e Event) error {
	idx, err := s.check(&e)
	if err != nil {
		return err
	}
	s.apply(&e, idx)
	return nil
}

func invalid(e *Event, format string, a ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalidEvent, e.Kind, fmt.Sprintf(format, a...))
}

// check validates e against the state and returns the index of the subject
// (-1 for a new one).
func (s *State) check(e *Event) (int32, error) {
	if !e.Kind.Valid() {
		return 0, fmt.Errorf("%w: unknown event kind %d", ErrInvalidEvent, uint8(e.Kind))
	}
	if e.At.IsZero() {
		return 0, invalid(e, "missing instant")
	}
	if !inRange(e.At) {
		return 0, invalid(e, "instant outside %d–%d", minYear, maxYear-1)
	}
	if e.At.Before(s.last) {
		return 0, &OrderError{Event: e.Kind, At: e.At, Last: s.last}
	}
	if e.Kind.isComplaint() {
		return s.checkComplaint(e)
	}
	if e.Violation == "" {
		return 0, invalid(e, "missing violation ID")
	}
	idx, ok := s.findViolation(e.Violation)
	from := StatusNone
	if ok {
		from = s.violations.at(int(idx)).status
	} else {
		idx = -1
		if e.Kind != EventViolationRecorded {
			return 0, fmt.Errorf("%w: %s for %q", ErrUnknownPenalty, e.Kind, e.Violation)
		}
	}
	if next[from][e.Kind] == StatusNone {
		return 0, &TransitionError{ID: string(e.Violation), From: from, Event: e.Kind}
	}
	switch e.Kind {
	case EventViolationRecorded:
		if !e.Type.Valid() {
			return 0, fmt.Errorf("%w: %d for violation %q", ErrUnknownType, uint8(e.Type), e.Violation)
		}
		if e.Compensation.IsNegative() {
			return 0, invalid(e, "negative compensation")
		}
		if e.Complaint != "" {
			ci, ok := s.cindex[e.Complaint]
			if !ok {
				return 0, fmt.Errorf("%w: violation %q cites %q", ErrUnknownComplaint, e.Violation, e.Complaint)
			}
			if v := s.complaints[ci].violation; v != "" {
				return 0, invalid(e, "complaint %q already counted as violation %q", e.Complaint, v)
			}
		}
	case EventPenaltyDecided:
		if err := checkDecision(e, s.violations.at(int(idx)).at.time()); err != nil {
			return 0, err
		}
	}
	return idx, nil
}

func checkDecision(e *Event, violationAt time.Time) error {
	if e.Offence < 1 || e.Offence > math.MaxInt32 {
		return invalid(e, "offence index %d out of range", e.Offence)
	}
	if e.RuleVersion == "" {
		return invalid(e, "missing rule version")
	}
	if len(e.Measures) == 0 {
		return invalid(e, "no measures")
	}
	if e.At.Before(violationAt) {
		return invalid(e, "decided before the violation was recorded")
	}
	for i := range e.Measures {
		m := &e.Measures[i]
		switch {
		case !m.Kind.Valid():
			return invalid(e, "measures[%d]: unknown measure kind %d", i, uint8(m.Kind))
		case m.Start.Before(e.At):
			return invalid(e, "measures[%d]: starts before the decision", i)
		case m.Kind.OneOff() && (m.Permanent || !m.End.Equal(m.Start)):
			return invalid(e, "measures[%d]: %s is one-off and must end at its start", i, m.Kind)
		case !m.Kind.OneOff() && m.Permanent && !m.End.IsZero():
			return invalid(e, "measures[%d]: a permanent measure has no end", i)
		case !m.Kind.OneOff() && !m.Permanent && !m.End.After(m.Start):
			return invalid(e, "measures[%d]: %s must end after it starts", i, m.Kind)
		case m.Compensation.IsNegative() || m.CreditPoints < 0 || m.CreditPoints > math.MaxInt32:
			return invalid(e, "measures[%d]: amount out of range", i)
		case !m.Withdrawn.IsZero():
			return invalid(e, "measures[%d]: a new measure cannot be withdrawn", i)
		case !inRange(m.Start) || !m.Permanent && !inRange(m.End):
			return invalid(e, "measures[%d]: instant outside %d–%d", i, minYear, maxYear-1)
		}
	}
	return nil
}

func (s *State) checkComplaint(e *Event) (int32, error) {
	if e.Complaint == "" {
		return 0, invalid(e, "missing complaint ID")
	}
	idx, ok := s.cindex[e.Complaint]
	from := StatusNone
	if ok {
		from = s.complaints[idx].status
	} else {
		idx = -1
		if e.Kind != EventComplaintOpened {
			return 0, fmt.Errorf("%w: %s for %q", ErrUnknownComplaint, e.Kind, e.Complaint)
		}
	}
	if next[from][e.Kind] == StatusNone {
		return 0, &TransitionError{ID: string(e.Complaint), From: from, Event: e.Kind}
	}
	if e.Kind == EventComplaintOpened && (e.RespondBy.Before(e.At) || e.SolveBy.Before(e.RespondBy)) {
		return 0, invalid(e, "deadlines must satisfy opened ≤ respond-by ≤ solve-by")
	}
	return idx, nil
}

// apply folds a checked event; it cannot fail.
func (s *State) apply(e *Event, idx int32) {
	s.applied++
	s.last = e.At
	switch e.Kind {
	case EventViolationRecorded:
		v := violationRec{id: e.Violation, typ: e.Type, status: Recorded, at: stampOf(e.At)}
		if e.Complaint != "" || e.Compensation != (vcart.Money{}) || e.Note != "" {
			v.extra = &violationExtra{complaint: e.Complaint, compensation: e.Compensation, note: e.Note}
		}
		s.vindex.insert(hashID(string(e.Violation)), int32(s.violations.push(v)))
		if e.Complaint != "" {
			s.complaints[s.cindex[e.Complaint]].violation = e.Violation
		}
	case EventPenaltyDecided:
		v := s.violations.at(int(idx))
		v.status = Penalised
		v.decidedAt = stampOf(e.At)
		v.offence = int32(e.Offence)
		v.ruleVersion = e.RuleVersion
		v.mFrom = int32(s.measures.len())
		for i := range e.Measures {
			m := &e.Measures[i]
			r := measureRec{start: stampOf(m.Start), end: stampOf(m.End), violation: idx, credit: int32(m.CreditPoints), kind: m.Kind, permanent: m.Permanent}
			if m.Permanent {
				r.end = 0
			}
			j := int32(s.measures.push(r))
			if m.Compensation != (vcart.Money{}) {
				if s.comp == nil {
					s.comp = make(map[int32]vcart.Money)
				}
				s.comp[j] = m.Compensation
			}
		}
		v.mTo = int32(s.measures.len())
	case EventAppealFiled:
		v := s.violations.at(int(idx))
		v.status = Appealing
		v.appealedAt = stampOf(e.At)
	case EventAppealRejected:
		v := s.violations.at(int(idx))
		v.status = Upheld
		v.resolvedAt = stampOf(e.At)
	case EventAppealOverturned, EventPenaltyReversed:
		v := s.violations.at(int(idx))
		v.status = next[v.status][e.Kind]
		v.resolvedAt = stampOf(e.At)
		for i := v.mFrom; i < v.mTo; i++ {
			withdraw(s.measures.at(int(i)), v.resolvedAt)
		}
	case EventComplaintOpened:
		if s.cindex == nil {
			s.cindex = make(map[ComplaintID]int32)
		}
		s.cindex[e.Complaint] = int32(len(s.complaints))
		s.complaints = append(s.complaints, complaintRec{
			id: e.Complaint, status: ComplaintOpen, openedAt: e.At, respondBy: e.RespondBy, solveBy: e.SolveBy,
		})
	case EventComplaintResponded:
		c := &s.complaints[idx]
		c.status = ComplaintResponded
		c.respondedAt = e.At
	case EventComplaintResolved:
		c := &s.complaints[idx]
		c.status = ComplaintResolved
		c.resolvedAt = e.At
		if c.respondedAt.IsZero() {
			c.respondedAt = e.At
		}
	}
}

// withdraw ends m at t: a lasting measure lifts at t (or never starts when t
// is before its start); a one-off measure is marked for undoing.
func withdraw(m *measureRec, t stamp) {
	m.withdrawn = t
	if m.kind.OneOff() {
		return
	}
	end := max(t, m.start)
	if m.permanent || end < m.end {
		m.end = end
	}
	m.permanent = false
}
