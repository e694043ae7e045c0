package penalty

import (
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// ViolationID identifies one violation record (违规记录), such as the
// platform's record ID. IDs are opaque strings.
type ViolationID string

// ComplaintID identifies one complaint the platform intervened in.
type ComplaintID string

// Event is one fact in a store's history. Kind says which fields matter; the
// others stay zero. Events are applied in order with [State.Evolve], and
// replaying the same events always gives the same state.
type Event struct {
	// Kind names the event.
	Kind EventKind `json:"kind"`
	// At is when the event happened. Events must not go back in time.
	At time.Time `json:"at"`
	// Violation names the violation (every violation event).
	Violation ViolationID `json:"violation,omitempty"`
	// Type is the violation type ([EventViolationRecorded]).
	Type ViolationType `json:"type,omitzero"`
	// Complaint names the complaint (complaint events), or, on a
	// [EventViolationRecorded], the overdue complaint the violation comes from.
	Complaint ComplaintID `json:"complaint,omitempty"`
	// Compensation is the amount owed to buyers from the deposit, when known
	// ([EventViolationRecorded]); it is copied onto a decided
	// [DepositCompensation] measure. In JSON it is text such as "259.00 CNY".
	Compensation vcart.Fen `json:"-"`
	// Offence is the offence index the decision used ([EventPenaltyDecided]).
	Offence int `json:"offence,omitempty"`
	// RuleVersion is the table version that decided ([EventPenaltyDecided]).
	RuleVersion string `json:"rule_version,omitempty"`
	// Measures are the decided measures with absolute instants
	// ([EventPenaltyDecided]).
	Measures []Measure `json:"measures,omitempty"`
	// RespondBy is the complaint's response deadline ([EventComplaintOpened]);
	// see [ComplaintPolicy.Open].
	RespondBy time.Time `json:"respond_by,omitzero"`
	// SolveBy is the complaint's solution deadline ([EventComplaintOpened]).
	SolveBy time.Time `json:"solve_by,omitzero"`
	// Note is free text for people (an appeal's reason, a reversal's cause).
	Note string `json:"note,omitempty"`
}

// RecordViolation returns the event that records violation id of type t at at.
func RecordViolation(id ViolationID, t ViolationType, at time.Time) Event {
	return Event{Kind: EventViolationRecorded, At: at, Violation: id, Type: t}
}

// FileAppeal returns the event that files an appeal against id's penalty.
func FileAppeal(id ViolationID, at time.Time, reason string) Event {
	return Event{Kind: EventAppealFiled, At: at, Violation: id, Note: reason}
}

// RejectAppeal returns the event that rejects the appeal against id: the
// penalty stands.
func RejectAppeal(id ViolationID, at time.Time) Event {
	return Event{Kind: EventAppealRejected, At: at, Violation: id}
}

// OverturnAppeal returns the event that grants the appeal against id: the
// offence stops counting and its measures end at at.
func OverturnAppeal(id ViolationID, at time.Time) Event {
	return Event{Kind: EventAppealOverturned, At: at, Violation: id}
}

// ReversePenalty returns the compensating event that withdraws violation id
// and its penalty at at.
func ReversePenalty(id ViolationID, at time.Time, reason string) Event {
	return Event{Kind: EventPenaltyReversed, At: at, Violation: id, Note: reason}
}

// RespondComplaint returns the event recording the store's response to a complaint.
func RespondComplaint(id ComplaintID, at time.Time) Event {
	return Event{Kind: EventComplaintResponded, At: at, Complaint: id}
}

// ResolveComplaint returns the event recording the store's solution to a complaint.
func ResolveComplaint(id ComplaintID, at time.Time) Event {
	return Event{Kind: EventComplaintResolved, At: at, Complaint: id}
}

// Measure is one decided measure with absolute instants. A lasting measure
// is active at t if and only if Start ≤ t < End, or Start ≤ t when
// Permanent; a one-off measure has End == Start and is applied at Start,
// never "active".
type Measure struct {
	Kind MeasureKind `json:"kind"`
	// Start is when the measure takes effect (after any pre-effect delay).
	Start time.Time `json:"start"`
	// End is when a lasting measure lifts; zero when Permanent. An overturn or
	// reversal moves End back to the withdrawal instant (never before Start).
	End time.Time `json:"end,omitzero"`
	// Permanent marks a measure without an end.
	Permanent bool `json:"permanent,omitempty"`
	// Compensation is the amount of a [DepositCompensation], when known. In
	// JSON it is text such as "259.00 CNY".
	Compensation vcart.Fen `json:"-"`
	// CreditPoints is the score a [CreditDeduction] takes, when the table says.
	CreditPoints int `json:"credit_points,omitempty"`

	// Violation, Type, Offence and RuleVersion say which decision the measure
	// belongs to. [State.Evolve] fills them from the decision event.
	Violation   ViolationID   `json:"violation,omitempty"`
	Type        ViolationType `json:"type,omitzero"`
	Offence     int           `json:"offence,omitempty"`
	RuleVersion string        `json:"rule_version,omitempty"`
	// Withdrawn is when an overturn or reversal withdrew the measure; zero
	// otherwise. A withdrawn one-off measure that was applied must be undone
	// by the caller (for example, the deposit refunded).
	Withdrawn time.Time `json:"withdrawn,omitzero"`
}

// ActiveAt reports whether the measure restricts the store at t.
func (m Measure) ActiveAt(t time.Time) bool {
	if t.Before(m.Start) {
		return false
	}
	return m.Permanent || t.Before(m.End)
}

// String returns a one-line description such as
// "store_ban 2026-03-01T10:00:00+08:00 → 2026-03-08T10:00:00+08:00".
func (m Measure) String() string {
	const layout = time.RFC3339
	s := m.Kind.String() + " " + m.Start.In(shanghai).Format(layout)
	switch {
	case m.Permanent:
		s += " → permanent"
	case m.End.After(m.Start):
		s += " → " + m.End.In(shanghai).Format(layout)
	default:
		s += " (one-off)"
	}
	if !m.Withdrawn.IsZero() {
		s += " withdrawn " + m.Withdrawn.In(shanghai).Format(layout)
	}
	return s
}
