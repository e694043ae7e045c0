package penalty

import "fmt"

// Status is where one violation or one complaint stands in its lifecycle.
// The zero value [StatusNone] means "not yet recorded".
type Status uint8

// Lifecycle statuses. Violations move through Recorded → Penalised →
// (Appealing → Upheld | Overturned) and may be Reversed; complaints move
// through ComplaintOpen → ComplaintResponded → ComplaintResolved.
const (
	// StatusNone is the status of an ID no event has named yet.
	StatusNone Status = iota
	// Recorded is a violation recorded but not yet decided.
	Recorded
	// Penalised is a violation with a decided penalty.
	Penalised
	// Appealing is a penalty under appeal (申诉中); its measures still run.
	Appealing
	// Upheld is a penalty whose appeal was rejected (申诉驳回).
	Upheld
	// Overturned is a penalty overturned on appeal (申诉成功): it no longer
	// counts and its measures ended at the resolution.
	Overturned
	// Reversed is a violation or penalty the platform withdrew (撤销): it no
	// longer counts and its measures ended at the reversal.
	Reversed
	// ComplaintOpen is a complaint the platform has intervened in (平台介入),
	// awaiting the store's response.
	ComplaintOpen
	// ComplaintResponded is a complaint the store has responded to, awaiting
	// its solution.
	ComplaintResponded
	// ComplaintResolved is a complaint with a solution (解决方案).
	ComplaintResolved

	numStatuses = iota
)

var statusNames = [numStatuses]string{"none", "recorded", "penalised", "appealing", "upheld", "overturned", "reversed", "complaint_open", "complaint_responded", "complaint_resolved"}

// String returns the snake_case name, such as "appealing".
func (s Status) String() string {
	if s >= numStatuses {
		return fmt.Sprintf("Status(%d)", uint8(s))
	}
	return statusNames[s]
}

// Counts reports whether a violation in this status counts as an offence:
// every violation status except [Overturned] and [Reversed].
func (s Status) Counts() bool { return s >= Recorded && s <= Upheld }

// EventKind names an event.
type EventKind uint8

// Event kinds.
const (
	// EventViolationRecorded records a violation (违规记录).
	EventViolationRecorded EventKind = iota + 1
	// EventPenaltyDecided attaches the decided measures to a violation.
	EventPenaltyDecided
	// EventAppealFiled files an appeal against a penalty (申诉).
	EventAppealFiled
	// EventAppealRejected resolves an appeal against the store: the penalty stands.
	EventAppealRejected
	// EventAppealOverturned resolves an appeal for the store: the penalty is overturned.
	EventAppealOverturned
	// EventPenaltyReversed withdraws a violation or its penalty (a compensating event).
	EventPenaltyReversed
	// EventComplaintOpened records the platform's intervention in a complaint (平台介入).
	EventComplaintOpened
	// EventComplaintResponded records the store's response to a complaint.
	EventComplaintResponded
	// EventComplaintResolved records the store's solution to a complaint.
	EventComplaintResolved

	numEventKinds = iota + 1
)

var eventNames = [numEventKinds]string{"", "violation_recorded", "penalty_decided", "appeal_filed", "appeal_rejected", "appeal_overturned", "penalty_reversed", "complaint_opened", "complaint_responded", "complaint_resolved"}

// Valid reports whether k is a known event kind.
func (k EventKind) Valid() bool { return k > 0 && k < numEventKinds }

// String returns the snake_case name, such as "appeal_filed".
func (k EventKind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("EventKind(%d)", uint8(k))
	}
	return eventNames[k]
}

func (k EventKind) isComplaint() bool {
	return k >= EventComplaintOpened && k <= EventComplaintResolved
}

// Transition is one row of the lifecycle table: event On moves a violation
// or complaint from status From to status To.
type Transition struct {
	From Status
	On   EventKind
	To   Status
}

var transitions = []Transition{
	{From: StatusNone, On: EventViolationRecorded, To: Recorded},
	{From: Recorded, On: EventPenaltyDecided, To: Penalised},
	{From: Recorded, On: EventPenaltyReversed, To: Reversed},
	{From: Penalised, On: EventAppealFiled, To: Appealing},
	{From: Penalised, On: EventPenaltyReversed, To: Reversed},
	{From: Appealing, On: EventAppealRejected, To: Upheld},
	{From: Appealing, On: EventAppealOverturned, To: Overturned},
	{From: Appealing, On: EventPenaltyReversed, To: Reversed},
	{From: Upheld, On: EventPenaltyReversed, To: Reversed},
	{From: StatusNone, On: EventComplaintOpened, To: ComplaintOpen},
	{From: ComplaintOpen, On: EventComplaintResponded, To: ComplaintResponded},
	{From: ComplaintOpen, On: EventComplaintResolved, To: ComplaintResolved},
	{From: ComplaintResponded, On: EventComplaintResolved, To: ComplaintResolved},
}

// Transitions returns a fresh copy of the lifecycle table. Any (status,
// event) pair not listed is an invalid transition ([ErrInvalidTransition]):
// for example a second appeal, an appeal before the decision, or a second
// ViolationRecorded with the same ID.
func Transitions() []Transition {
	out := make([]Transition, len(transitions))
	copy(out, transitions)
	return out
}

// next is the transition table indexed by (from, on); StatusNone marks a
// forbidden pair (no transition leads back to StatusNone).
var next = func() (t [numStatuses][numEventKinds]Status) {
	for _, r := range transitions {
		t[r.From][r.On] = r.To
	}
	return t
}()
