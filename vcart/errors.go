package vcart

import (
	"errors"
	"slices"
	"strings"
)

// Severity grades a finding. The zero value is [Info].
type Severity int

// Severities, from least to most serious.
const (
	// Info is a note that needs no action.
	Info Severity = iota
	// Warn needs attention but does not stop the operation.
	Warn
	// Block stops the operation: the platform would refuse it.
	Block
)

// String returns "info", "warn" or "block".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warn:
		return "warn"
	case Block:
		return "block"
	}
	return "Severity(?)"
}

// MarshalText encodes the severity by name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ErrInvalid is matched by every [FieldError], so errors.Is(err, ErrInvalid)
// tells a validation failure from any other error.
var ErrInvalid = errors.New("vcart: invalid input")

// FieldError is one problem with one input field: the field's name (as a
// JSON-style path such as "documents.licence.number"), a stable machine code
// and a human message.
type FieldError struct {
	Field string
	Code  string
	Msg   string
}

// Error returns "field: message (code)".
func (e *FieldError) Error() string {
	return e.Field + ": " + e.Msg + " (" + e.Code + ")"
}

// Is makes every FieldError match [ErrInvalid].
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// ValidationError holds every problem found in one input at once.
type ValidationError struct {
	Problems []FieldError
}

// NewValidationError returns nil when there are no problems, and otherwise a
// *ValidationError with the problems sorted by field then code.
func NewValidationError(problems []FieldError) error {
	if len(problems) == 0 {
		return nil
	}
	p := slices.Clone(problems)
	slices.SortStableFunc(p, func(a, b FieldError) int {
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return &ValidationError{Problems: p}
}

// Error joins the problems with "; ".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("vcart: validation failed: ")
	for i := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Problems[i].Error())
	}
	return b.String()
}

// Unwrap returns each problem, so errors.As reaches a *FieldError and
// errors.Is reaches [ErrInvalid].
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i := range e.Problems {
		errs[i] = &e.Problems[i]
	}
	return errs
}
