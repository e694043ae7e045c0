package penalty

import (
	"fmt"
	"maps"
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
	store   vcart.AppID
	applied int
	last    time.Time
	lastAt  stamp // last as a stamp, for the order check
	// violations and measures are pointer-free records, so the garbage
	// collector never scans them and appending needs no write barriers; the
	// few string- or pointer-valued fields live beside them.
	violations chunked[violationRec]
	ids        chunked[ViolationID] // violation IDs, by violation index
	vindex     idIndex
	// hot is the position + 1 of the violation the last event named (0 if
	// none): a violation's events, and Decide followed by Evolve, tend to
	// come together, and findViolation tries it before hashing.
	hot      int32
	measures chunked[measureRec]
	// versions interns the rule versions decisions cite (violationRec.version
	// is an index into it); a store sees very few distinct versions.
	versions []string
	// extra holds the rarely set fields of a violation, by violation index.
	extra map[int32]violationExtra
	// wide holds the instants a sec32 cannot (see [State.enc]).
	wide map[uint64]stamp
	// comp and credit hold the compensation and credit points of the few
	// measures that carry them, by measure index.
	comp       map[int32]vcart.Fen
	credit     map[int32]int32
	complaints []complaintRec
	cindex     map[ComplaintID]int32
}

// violationRec is a violation as stored (36 bytes, no pointers): its ID is
// in State.ids and its rarely set fields in State.extra.
type violationRec struct {
	at         sec32
	decidedAt  sec32
	appealedAt sec32
	resolvedAt sec32
	offence    int32
	mFrom, mTo int32
	version    int32 // index into State.versions + 1; 0 until decided
	typ        ViolationType
	status     Status
}

type violationExtra struct {
	complaint    ComplaintID
	compensation vcart.Fen
	note         string
}

// details returns the rarely set fields of violation i.
func (s *State) details(i int32) violationExtra { return s.extra[i] }

// id returns the ID of violation i.
func (s *State) id(i int32) ViolationID { return *s.ids.at(int(i)) }

// ruleVersion returns the rule version violation v was decided under.
func (s *State) ruleVersion(v *violationRec) string {
	if v.version == 0 {
		return ""
	}
	return s.versions[v.version-1]
}

// internVersion returns the index + 1 of version in s.versions, adding it
// when new.
func (s *State) internVersion(version string) int32 {
	for i := len(s.versions) - 1; i >= 0; i-- {
		if s.versions[i] == version {
			return int32(i + 1)
		}
	}
	s.versions = append(s.versions, version)
	return int32(len(s.versions))
}

// measureRec is a decided measure as stored (16 bytes, no pointers):
// instants as sec32, the decision's details read from the violation. A
// measure is withdrawn exactly when its violation was overturned or
// reversed, at the violation's resolution (see [State.withdrawnAt]).
type measureRec struct {
	start, end sec32
	violation  int32
	kind       MeasureKind
	permanent  bool
}

// measureVal is a measureRec with its instants decoded.
type measureVal struct {
	start, end stamp
	violation  int32
	kind       MeasureKind
	permanent  bool
}

// measureAt returns measure i decoded.
func (s *State) measureAt(i int) measureVal {
	m := s.measures.at(i)
	if m.start == wideSec || m.end == wideSec {
		return s.measureWide(i)
	}
	return measureVal{start: stamp(m.start) * 1e9, end: stamp(m.end) * 1e9, violation: m.violation, kind: m.kind, permanent: m.permanent}
}

// measureWide is measureAt for a measure with an instant in State.wide.
func (s *State) measureWide(i int) measureVal {
	m := s.measures.at(i)
	return measureVal{
		start: s.dec(fieldStart, int32(i), m.start), end: s.dec(fieldEnd, int32(i), m.end),
		violation: m.violation, kind: m.kind, permanent: m.permanent,
	}
}

// withdrawnAt returns when the measures of violation vi were withdrawn, or 0.
func (s *State) withdrawnAt(vi int32) stamp {
	v := s.violations.at(int(vi))
	if v.status == Overturned || v.status == Reversed {
		return s.dec(fieldResolved, vi, v.resolvedAt)
	}
	return 0
}

func (m measureVal) activeAt(t stamp) bool {
	return m.start <= t && (m.permanent || t < m.end)
}

// lasting reports whether the measure covers any instant at all.
func (m measureVal) lasting() bool { return m.permanent || m.end > m.start }

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
		s.reserve(n)
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
	c.ids = s.ids.clone()
	c.measures = s.measures.clone()
	c.versions = slices.Clip(s.versions) // append-only: sharing is safe
	c.extra = maps.Clone(s.extra)
	c.comp = maps.Clone(s.comp)
	c.credit = maps.Clone(s.credit)
	c.wide = maps.Clone(s.wide)
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
	idx, at, err := s.check(&e)
	if err != nil {
		return err
	}
	s.apply(&e, idx, at)
	return nil
}

func invalid(e *Event, format string, a ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalidEvent, e.Kind, fmt.Sprintf(format, a...))
}

// check validates e against the state and returns the index of the subject
// (-1 for a new one) and the event's instant as a stamp.
func (s *State) check(e *Event) (int32, stamp, error) {
	if !e.Kind.Valid() {
		return 0, 0, fmt.Errorf("%w: unknown event kind %d", ErrInvalidEvent, uint8(e.Kind))
	}
	if e.At.IsZero() {
		return 0, 0, invalid(e, "missing instant")
	}
	at, ok := toStamp(e.At)
	if !ok {
		return 0, 0, invalid(e, "instant outside %d–%d", minYear, maxYear-1)
	}
	if at < s.lastAt {
		return 0, 0, &OrderError{Event: e.Kind, At: e.At, Last: s.last}
	}
	var idx int32
	var err error
	if e.Kind.isComplaint() {
		idx, err = s.checkComplaint(e)
	} else {
		idx, err = s.checkViolation(e, at)
	}
	return idx, at, err
}

// checkViolation checks a violation event with instant at.
func (s *State) checkViolation(e *Event, at stamp) (int32, error) {
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
		if e.Compensation < 0 {
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
		if err := checkDecision(e, at, s.dec(fieldAt, idx, s.violations.at(int(idx)).at)); err != nil {
			return 0, err
		}
	}
	return idx, nil
}

func checkDecision(e *Event, at, violationAt stamp) error {
	if e.Offence < 1 || e.Offence > math.MaxInt32 {
		return invalid(e, "offence index %d out of range", e.Offence)
	}
	if e.RuleVersion == "" {
		return invalid(e, "missing rule version")
	}
	if len(e.Measures) == 0 {
		return invalid(e, "no measures")
	}
	if at < violationAt {
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
		case m.Compensation < 0 || m.CreditPoints < 0 || m.CreditPoints > math.MaxInt32:
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
func (s *State) apply(e *Event, idx int32, at stamp) {
	s.applied++
	s.last = e.At
	s.lastAt = at
	switch e.Kind {
	case EventViolationRecorded:
		i := int32(s.violations.len())
		s.violations.push(violationRec{typ: e.Type, status: Recorded, at: s.enc(fieldAt, i, at)})
		s.ids.push(e.Violation)
		if e.Complaint != "" || e.Compensation != 0 || e.Note != "" {
			if s.extra == nil {
				s.extra = make(map[int32]violationExtra)
			}
			s.extra[i] = violationExtra{complaint: e.Complaint, compensation: e.Compensation, note: e.Note}
		}
		s.insert(hashID(string(e.Violation)), i)
		s.hot = i + 1
		if e.Complaint != "" {
			s.complaints[s.cindex[e.Complaint]].violation = e.Violation
		}
	case EventPenaltyDecided:
		s.hot = idx + 1
		v := s.violations.at(int(idx))
		v.status = Penalised
		v.decidedAt = s.enc(fieldDecided, idx, at)
		v.offence = int32(e.Offence)
		v.version = s.internVersion(e.RuleVersion)
		v.mFrom = int32(s.measures.len())
		for i := range e.Measures {
			m := &e.Measures[i]
			// Checked: the instants are in range, End is zero when permanent.
			j := int32(s.measures.len())
			r := measureRec{start: s.enc(fieldStart, j, stamp(m.Start.UnixNano())), violation: idx, kind: m.Kind, permanent: m.Permanent}
			if !m.Permanent {
				r.end = s.enc(fieldEnd, j, stamp(m.End.UnixNano()))
			}
			s.measures.push(r)
			if m.CreditPoints != 0 {
				if s.credit == nil {
					s.credit = make(map[int32]int32)
				}
				s.credit[j] = int32(m.CreditPoints)
			}
			if m.Compensation != 0 {
				if s.comp == nil {
					s.comp = make(map[int32]vcart.Fen)
				}
				s.comp[j] = m.Compensation
			}
		}
		v.mTo = int32(s.measures.len())
	case EventAppealFiled:
		s.hot = idx + 1
		v := s.violations.at(int(idx))
		v.status = Appealing
		v.appealedAt = s.enc(fieldAppealed, idx, at)
	case EventAppealRejected:
		s.hot = idx + 1
		v := s.violations.at(int(idx))
		v.status = Upheld
		v.resolvedAt = s.enc(fieldResolved, idx, at)
	case EventAppealOverturned, EventPenaltyReversed:
		s.hot = idx + 1
		v := s.violations.at(int(idx))
		v.status = next[v.status][e.Kind]
		v.resolvedAt = s.enc(fieldResolved, idx, at)
		for i := v.mFrom; i < v.mTo; i++ {
			s.withdraw(i, at)
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
// is before its start); a one-off measure is only marked for undoing, which
// the violation's status and resolution instant record.
func (s *State) withdraw(j int32, t stamp) {
	m := s.measures.at(int(j))
	if m.kind.OneOff() {
		return
	}
	start, end := s.dec(fieldStart, j, m.start), s.dec(fieldEnd, j, m.end)
	if e := max(t, start); m.permanent || e < end {
		if m.end == wideSec {
			delete(s.wide, wideKey(fieldEnd, j))
		}
		m.end = s.enc(fieldEnd, j, e)
	}
	m.permanent = false
}
