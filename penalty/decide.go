package penalty

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Decider turns recorded violations into decisions with the tables in force.
// It holds one or more versioned tables and picks, for each decision, the
// table with the latest EffectiveFrom at or before the decision instant.
// A Decider is immutable and safe for concurrent use.
type Decider struct {
	tables []Table
}

// NewDecider validates the tables and returns a decider over them. With no
// table it uses [SeedLadder]. Each table must pass [Table.Validate];
// versions and effective dates must be unique.
func NewDecider(tables ...Table) (*Decider, error) {
	if len(tables) == 0 {
		tables = []Table{SeedLadder()}
	}
	var errs []error
	d := &Decider{tables: make([]Table, 0, len(tables))}
	for i, tb := range tables {
		if err := tb.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("penalty: table %d (%q): %w", i, tb.Version, err))
			continue
		}
		for _, o := range d.tables {
			if o.Version == tb.Version || o.EffectiveFrom.Equal(tb.EffectiveFrom) {
				errs = append(errs, &vcart.FieldError{
					Field: fmt.Sprintf("tables[%d]", i), Code: "tables.duplicate",
					Msg: fmt.Sprintf("table %q repeats the version or effective date of %q", tb.Version, o.Version),
				})
			}
		}
		d.tables = append(d.tables, tb.Clone())
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(d.tables, func(a, b Table) int { return a.EffectiveFrom.Compare(b.EffectiveFrom) })
	return d, nil
}

// TableAt returns a copy of the table in force at t, or [ErrNoTable].
func (d *Decider) TableAt(t time.Time) (Table, error) {
	tb, err := d.tableAt(t)
	if err != nil {
		return Table{}, err
	}
	return tb.Clone(), nil
}

func (d *Decider) tableAt(t time.Time) (*Table, error) {
	for i := len(d.tables) - 1; i >= 0; i-- {
		if !t.Before(d.tables[i].EffectiveFrom) {
			return &d.tables[i], nil
		}
	}
	return nil, fmt.Errorf("%w at %s", ErrNoTable, t.In(shanghai).Format(time.RFC3339))
}

// Decision is what a ladder gives for one offence.
type Decision struct {
	// Type is the violation type.
	Type ViolationType
	// Offence is the offence index (1 for a first offence) inside the window.
	Offence int
	// Window is the counting window the index was taken in.
	Window Window
	// RuleVersion is the version of the table that decided.
	RuleVersion string
	// Measures hold absolute instants.
	Measures []Measure
	// Top reports that the offence reached the ladder's last step, which
	// repeats for every later offence.
	Top bool
}

// Decide is the decide step: it turns violation id, recorded in s, into the
// [EventPenaltyDecided] event decided at at, which the caller then folds in
// with [State.Evolve]. The offence index counts the earlier violations of
// the same type inside the rule's window, leaving out overturned and
// reversed ones. Measures start at at plus their delay. s is not changed.
func (d *Decider) Decide(s *State, id ViolationID, at time.Time) (Event, error) {
	idx, ok := s.findViolation(id)
	if !ok {
		return Event{}, fmt.Errorf("%w: decide %q", ErrUnknownPenalty, id)
	}
	v := s.violations.at(int(idx))
	if v.status != Recorded {
		return Event{}, &TransitionError{ID: string(id), From: v.status, Event: EventPenaltyDecided}
	}
	if at.Before(s.last) { // the violation itself is at or before s.last
		return Event{}, &OrderError{Event: EventPenaltyDecided, At: at, Last: s.last}
	}
	dec, err := d.decide(s, v.typ, s.dec(fieldAt, idx, v.at).time(), at, int(idx))
	if err != nil {
		return Event{}, err
	}
	for i := range dec.Measures {
		if dec.Measures[i].Kind == DepositCompensation {
			dec.Measures[i].Compensation = s.details(idx).compensation
		}
	}
	return Event{
		Kind: EventPenaltyDecided, At: at, Violation: id,
		Offence: dec.Offence, RuleVersion: dec.RuleVersion, Measures: dec.Measures,
	}, nil
}

// Next answers "what would the next offence of type t bring?": the decision
// for a violation of type t recorded and decided at at, given the history
// in s. s is not changed.
func (d *Decider) Next(s *State, t ViolationType, at time.Time) (Decision, error) {
	return d.decide(s, t, at, at, s.violations.len())
}

// decide computes the decision for a violation of type t that happened at
// violationAt and is decided at decidedAt, counting s's violations before
// index upto.
func (d *Decider) decide(s *State, t ViolationType, violationAt, decidedAt time.Time, upto int) (Decision, error) {
	if !t.Valid() {
		return Decision{}, fmt.Errorf("%w: %d", ErrUnknownType, uint8(t))
	}
	tb, err := d.tableAt(decidedAt)
	if err != nil {
		return Decision{}, err
	}
	rule, ok := tb.Rule(t)
	if !ok {
		return Decision{}, fmt.Errorf("%w: table %s has no ladder for %s (%s)", ErrUnknownType, tb.Version, t, t.ChineseName())
	}
	n := 1 + s.count(t, rule.Window, violationAt, upto)
	step := rule.StepFor(n)
	ms := make([]Measure, len(step.Measures))
	for i, spec := range step.Measures {
		start := spec.Delay.AddTo(decidedAt)
		m := Measure{Kind: spec.Kind, Start: start, End: start, Permanent: spec.Permanent, CreditPoints: spec.CreditPoints}
		switch {
		case spec.Permanent:
			m.End = time.Time{}
		case !spec.For.IsZero():
			m.End = spec.For.AddTo(start)
		}
		ms[i] = m
	}
	return Decision{Type: t, Offence: n, Window: rule.Window, RuleVersion: tb.Version, Measures: ms, Top: n >= len(rule.Steps)}, nil
}

// count returns how many of the first upto violations are of type t, still
// count (not overturned or reversed) and fall inside w for an offence at at.
func (s *State) count(t ViolationType, w Window, at time.Time, upto int) int {
	n := 0
	for i := range upto {
		v := s.violations.at(i)
		if v.typ == t && v.status.Counts() && w.Counts(s.dec(fieldAt, int32(i), v.at).time(), at) {
			n++
		}
	}
	return n
}

// Offences returns how many offences of type t count at at under window w:
// recorded violations at or before at, not overturned or reversed.
func (s *State) Offences(t ViolationType, w Window, at time.Time) int {
	return s.count(t, w, at, s.violations.len())
}
