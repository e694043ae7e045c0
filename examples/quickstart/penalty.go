package main

import (
	"fmt"
	"io"
	"time"

	"github.com/vcart-sdk/vcart-go/penalty"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// penaltyDemo records a counterfeit (售假) violation for a sample store,
// decides it with the seed's ladder (seed §六), and prints the resulting
// restrictions, when each lifts, what the store may still do, what a second
// offence would bring, and a complaint that misses its 48-hour deadline.
func penaltyDemo(w io.Writer) error {
	sh := vcart.Shanghai()
	clock := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, sh) }
	const layout = "01-02 15:04"

	d, err := penalty.NewDecider(penalty.SeedLadder())
	if err != nil {
		return err
	}
	s := penalty.NewState(vcart.AppID("wx8f3a2b1c0d4e5f60"))

	// The platform records a counterfeit with a buyer's claim of ¥259, and
	// decides it an hour later. Both are events; the state is their fold.
	rec := penalty.RecordViolation("illegal-20260302-01", penalty.Counterfeit, clock(2, 14))
	rec.Compensation = 25900
	if err := s.Evolve(rec); err != nil {
		return err
	}
	decision, err := d.Decide(s, rec.Violation, clock(2, 15))
	if err != nil {
		return err
	}
	if err := s.Evolve(decision); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s (%s), offence %d, rule %s:\n", rec.Type.ChineseName(), rec.Type, decision.Offence, decision.RuleVersion)
	for _, m := range decision.Measures {
		switch {
		case m.Kind.OneOff():
			fmt.Fprintf(w, "  %-20s %s once at %s", m.Kind, m.Kind.ChineseName(), m.Start.Format(layout))
			if m.Kind == penalty.DepositCompensation {
				fmt.Fprintf(w, " (%s)", m.Compensation)
			}
			fmt.Fprintln(w)
		default:
			fmt.Fprintf(w, "  %-20s %s from %s to %s\n", m.Kind, m.Kind.ChineseName(), m.Start.Format(layout), m.End.Format(layout))
		}
	}

	now := clock(4, 9)
	fmt.Fprintf(w, "\nAt %s:\n", now.Format(layout))
	for _, r := range s.Restrictions(now) {
		lifts := "never"
		if !r.Permanent {
			lifts = r.Until.Format(layout)
		}
		fmt.Fprintf(w, "  %s active since %s, lifts %s\n", r.Kind, r.Since.Format(layout), lifts)
	}
	for _, c := range penalty.Capabilities() {
		fmt.Fprintf(w, "  may %-13s %v\n", c, s.May(c, now))
	}

	next, err := d.Next(s, penalty.Counterfeit, now)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nA second %s would be offence %d:", penalty.Counterfeit.ChineseName(), next.Offence)
	for _, m := range next.Measures {
		fmt.Fprintf(w, " %s", m.Kind)
		if m.Permanent {
			fmt.Fprint(w, " (permanent)")
		}
	}
	fmt.Fprintln(w)

	// A complaint: the platform intervenes at 10:00; the store responds in
	// time but has no solution within 48 hours.
	policy := penalty.SeedComplaintPolicy()
	if err := s.Evolve(policy.Open("complaint-881", clock(4, 10))); err != nil {
		return err
	}
	if err := s.Evolve(penalty.RespondComplaint("complaint-881", clock(4, 16))); err != nil {
		return err
	}
	check := clock(6, 12)
	for _, c := range s.OverdueComplaints(check) {
		fmt.Fprintf(w, "\nComplaint %s at %s: response due %s late %v; solution due %s late %v\n",
			c.ID, check.Format(layout), c.RespondBy.Format(layout), c.ResponseOverdue(check),
			c.SolveBy.Format(layout), c.SolutionOverdue(check))
	}

	after := clock(9, 15)
	fmt.Fprintf(w, "\nAt %s the ban has lifted: may sell %v\n", after.Format(layout), s.May(penalty.Sell, after))
	return nil
}
