package penalty

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors. Every error the package returns matches one of them with
// errors.Is; an error always leaves the [State] unchanged.
var (
	// ErrInvalidTransition reports an event the subject's lifecycle does not
	// allow in its current status; the error is a [*TransitionError].
	ErrInvalidTransition = errors.New("penalty: invalid transition")
	// ErrUnknownType reports a violation type that is not known, or that the
	// table in force has no ladder for.
	ErrUnknownType = errors.New("penalty: unknown violation type")
	// ErrUnknownPenalty reports an event (decision, appeal, reversal) for a
	// violation that was never recorded.
	ErrUnknownPenalty = errors.New("penalty: unknown violation or penalty")
	// ErrUnknownComplaint reports an event for a complaint that was never opened.
	ErrUnknownComplaint = errors.New("penalty: unknown complaint")
	// ErrOutOfOrder reports an event earlier than the last event applied.
	ErrOutOfOrder = errors.New("penalty: event out of order")
	// ErrInvalidEvent reports an event with a missing or inconsistent field.
	ErrInvalidEvent = errors.New("penalty: invalid event")
	// ErrNoTable reports a decision before the earliest table's effective date.
	ErrNoTable = errors.New("penalty: no table in force")
)

// TransitionError reports an event that the lifecycle table ([Transitions])
// does not allow from the subject's current status. It unwraps to
// [ErrInvalidTransition].
type TransitionError struct {
	// ID is the violation or complaint the event names.
	ID string
	// From is the subject's status when the event arrived.
	From Status
	// Event is the rejected event's kind.
	Event EventKind
}

// Error returns a message naming the subject, its status and the event.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("penalty: invalid transition: %s %q is %s", e.Event, e.ID, e.From)
}

// Unwrap returns [ErrInvalidTransition].
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// OrderError reports an event, decision or check at an instant before the
// last event applied. It unwraps to [ErrOutOfOrder].
type OrderError struct {
	// Event is the kind of the event that came too late (for a decision,
	// [EventPenaltyDecided]; for an overdue check, [EventViolationRecorded]).
	Event EventKind
	// At is the rejected instant; Last is the last event's instant.
	At, Last time.Time
}

// Error returns a message with both instants in Asia/Shanghai.
func (e *OrderError) Error() string {
	return fmt.Sprintf("penalty: event out of order: %s at %s is before the last event at %s", e.Event,
		e.At.In(shanghai).Format(time.RFC3339Nano), e.Last.In(shanghai).Format(time.RFC3339Nano))
}

// Unwrap returns [ErrOutOfOrder].
func (e *OrderError) Unwrap() error { return ErrOutOfOrder }
