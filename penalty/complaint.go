package penalty

import (
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// ComplaintPolicy holds the complaint-handling deadlines (投诉处理) and
// whether an overdue complaint counts as a violation.
type ComplaintPolicy struct {
	// RespondWithin is the time from the platform's intervention (平台介入)
	// to the store's response: 24 hours in the seed.
	RespondWithin time.Duration
	// SolveWithin is the time from the intervention to the store's solution
	// (解决方案): 48 hours in the seed.
	SolveWithin time.Duration
	// CountOverdue makes [State.OverdueViolations] turn each overdue
	// complaint into a violation of OverdueType.
	CountOverdue bool
	// OverdueType is the violation type an overdue complaint counts as; the
	// table in force needs a rule for it.
	OverdueType ViolationType
}

// SeedComplaintPolicy returns the seed's §六 deadlines: respond within 24
// hours and give a solution within 48 hours of the platform's intervention.
// Overdue complaints do not count as violations unless the caller says so.
func SeedComplaintPolicy() ComplaintPolicy {
	return ComplaintPolicy{RespondWithin: 24 * time.Hour, SolveWithin: 48 * time.Hour}
}

// Validate reports every problem with the policy at once as a
// [*vcart.ValidationError].
func (p ComplaintPolicy) Validate() error {
	var fe []vcart.FieldError
	if p.RespondWithin <= 0 {
		fe = append(fe, vcart.FieldError{Field: "respond_within", Code: "complaint.respond_within", Msg: "must be positive"})
	}
	if p.SolveWithin < p.RespondWithin {
		fe = append(fe, vcart.FieldError{Field: "solve_within", Code: "complaint.solve_within", Msg: "must not be shorter than respond_within"})
	}
	if p.CountOverdue && !p.OverdueType.Valid() {
		fe = append(fe, vcart.FieldError{Field: "overdue_type", Code: "complaint.overdue_type", Msg: "an overdue complaint needs a known violation type to count as"})
	}
	return vcart.NewValidationError(fe)
}

// Open returns the [EventComplaintOpened] event for complaint id with the
// platform intervening at at, its deadlines stamped from the policy so that
// a later policy change does not move them.
func (p ComplaintPolicy) Open(id ComplaintID, at time.Time) Event {
	return Event{Kind: EventComplaintOpened, At: at, Complaint: id, RespondBy: at.Add(p.RespondWithin), SolveBy: at.Add(p.SolveWithin)}
}

// Complaint is the read model of one complaint.
type Complaint struct {
	ID     ComplaintID
	Status Status
	// OpenedAt is the platform's intervention.
	OpenedAt time.Time
	// RespondBy and SolveBy are the deadlines, inclusive.
	RespondBy, SolveBy time.Time
	// RespondedAt and ResolvedAt are zero until the store acts; a solution
	// without an earlier response counts as the response too.
	RespondedAt, ResolvedAt time.Time
	// Violation is the violation the overdue complaint was counted as, if any.
	Violation ViolationID
}

// ResponseOverdue reports whether, at t, the response is late: it came
// after RespondBy, or it has not come and t is past RespondBy.
func (c Complaint) ResponseOverdue(t time.Time) bool { return late(c.RespondedAt, c.RespondBy, t) }

// SolutionOverdue reports whether, at t, the solution is late.
func (c Complaint) SolutionOverdue(t time.Time) bool { return late(c.ResolvedAt, c.SolveBy, t) }

// Overdue reports whether either deadline is missed at t.
func (c Complaint) Overdue(t time.Time) bool { return c.ResponseOverdue(t) || c.SolutionOverdue(t) }

func late(done, by, t time.Time) bool {
	if !done.IsZero() && !done.After(t) {
		return done.After(by)
	}
	return t.After(by)
}

func (c *complaintRec) view() Complaint {
	return Complaint{
		ID: c.id, Status: c.status, OpenedAt: c.openedAt, RespondBy: c.respondBy, SolveBy: c.solveBy,
		RespondedAt: c.respondedAt, ResolvedAt: c.resolvedAt, Violation: c.violation,
	}
}

// Complaint returns complaint id, or false if it was never opened.
func (s *State) Complaint(id ComplaintID) (Complaint, bool) {
	i, ok := s.cindex[id]
	if !ok {
		return Complaint{}, false
	}
	return s.complaints[i].view(), true
}

// Complaints returns every complaint in the order opened.
func (s *State) Complaints() []Complaint {
	out := make([]Complaint, len(s.complaints))
	for i := range s.complaints {
		out[i] = s.complaints[i].view()
	}
	return out
}

// OverdueComplaints returns the complaints that miss a deadline at t, in the
// order opened.
func (s *State) OverdueComplaints(t time.Time) []Complaint {
	var out []Complaint
	for i := range s.complaints {
		if c := s.complaints[i].view(); c.Overdue(t) {
			out = append(out, c)
		}
	}
	return out
}

// OverdueViolations returns, when p.CountOverdue is set, one
// [EventViolationRecorded] at t for each complaint overdue at t that has not
// been counted yet, with the ID "complaint:" + the complaint ID and the type
// p.OverdueType. The caller folds them in and decides them like any other
// violation. It returns nil when p.CountOverdue is false. s is not changed.
func (s *State) OverdueViolations(t time.Time, p ComplaintPolicy) ([]Event, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if !p.CountOverdue {
		return nil, nil
	}
	if t.Before(s.last) {
		return nil, &OrderError{Event: EventViolationRecorded, At: t, Last: s.last}
	}
	var out []Event
	for i := range s.complaints {
		c := &s.complaints[i]
		if c.violation != "" || !c.view().Overdue(t) {
			continue
		}
		id := ViolationID("complaint:" + string(c.id))
		if j, taken := s.findViolation(id); taken {
			return nil, &TransitionError{ID: string(id), From: s.violations.at(int(j)).status, Event: EventViolationRecorded}
		}
		e := RecordViolation(id, p.OverdueType, t)
		e.Complaint = c.id
		out = append(out, e)
	}
	return out, nil
}
