package penalty_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/penalty"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestComplaintDeadlines(t *testing.T) {
	t.Parallel()
	opened := day(2026, time.March, 1, 10)
	p := penalty.SeedComplaintPolicy()
	tests := []struct {
		name         string
		events       []penalty.Event
		at           time.Time
		wantResponse bool
		wantSolution bool
	}{
		{"fresh", nil, opened.Add(23 * time.Hour), false, false},
		{"response due exactly at 24 h is on time", nil, opened.Add(24 * time.Hour), false, false},
		{"no response after 24 h", nil, opened.Add(24*time.Hour + time.Second), true, false},
		{"responded in time, no solution at 48 h", []penalty.Event{penalty.RespondComplaint("c1", opened.Add(2*time.Hour))}, opened.Add(48 * time.Hour), false, false},
		{"responded in time, no solution after 48 h", []penalty.Event{penalty.RespondComplaint("c1", opened.Add(2*time.Hour))}, opened.Add(49 * time.Hour), false, true},
		{"late response stays late", []penalty.Event{penalty.RespondComplaint("c1", opened.Add(30*time.Hour))}, opened.Add(31 * time.Hour), true, false},
		{"solved in time counts as the response", []penalty.Event{penalty.ResolveComplaint("c1", opened.Add(20*time.Hour))}, opened.Add(100 * time.Hour), false, false},
		{"solved late", []penalty.Event{penalty.RespondComplaint("c1", opened.Add(time.Hour)), penalty.ResolveComplaint("c1", opened.Add(50*time.Hour))}, opened.Add(100 * time.Hour), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := penalty.NewState(store)
			mustEvolve(t, s, p.Open("c1", opened))
			mustEvolve(t, s, tt.events...)
			c, ok := s.Complaint("c1")
			if !ok {
				t.Fatal("complaint missing")
			}
			if !c.RespondBy.Equal(opened.Add(24*time.Hour)) || !c.SolveBy.Equal(opened.Add(48*time.Hour)) {
				t.Errorf("deadlines = %v, %v", c.RespondBy, c.SolveBy)
			}
			got := [2]bool{c.ResponseOverdue(tt.at), c.SolutionOverdue(tt.at)}
			if want := [2]bool{tt.wantResponse, tt.wantSolution}; got != want {
				t.Errorf("overdue (response, solution) = %v, want %v", got, want)
			}
			if n := len(s.OverdueComplaints(tt.at)); (n == 1) != (tt.wantResponse || tt.wantSolution) {
				t.Errorf("OverdueComplaints = %d", n)
			}
		})
	}
}

// TestOverdueComplaintCountsAsViolation configures an overdue complaint to
// count as a 违背承诺 under the observed packages.
func TestOverdueComplaintCountsAsViolation(t *testing.T) {
	t.Parallel()
	p := penalty.SeedComplaintPolicy()
	p.CountOverdue, p.OverdueType = true, penalty.BrokenPromise
	d := mustDecider(t, penalty.ObservedLadder())
	s := penalty.NewState(store)
	opened := day(2026, time.March, 1, 10)
	mustEvolve(t, s, p.Open("c1", opened), p.Open("c2", opened), penalty.RespondComplaint("c2", opened.Add(time.Hour)))

	check := opened.Add(25 * time.Hour)
	evs, err := s.OverdueViolations(check, p)
	if err != nil {
		t.Fatal(err)
	}
	want := []penalty.Event{{Kind: penalty.EventViolationRecorded, At: check, Violation: "complaint:c1", Type: penalty.BrokenPromise, Complaint: "c1"}}
	if diff := cmp.Diff(want, evs); diff != "" {
		t.Fatalf("OverdueViolations mismatch (-want +got):\n%s", diff)
	}
	mustEvolve(t, s, evs...)
	dec, err := d.Decide(s, "complaint:c1", check)
	if err != nil {
		t.Fatal(err)
	}
	mustEvolve(t, s, dec)
	if c, _ := s.Complaint("c1"); c.Violation != "complaint:c1" {
		t.Errorf("complaint violation = %q", c.Violation)
	}
	// Counted once: a later check turns only the newly overdue c2 into a violation.
	later := opened.Add(49 * time.Hour)
	evs, err = s.OverdueViolations(later, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Complaint != "c2" {
		t.Errorf("second check = %+v, want c2 only", evs)
	}
	// The same violation cannot cite the complaint twice.
	dup := penalty.RecordViolation("other", penalty.BrokenPromise, later)
	dup.Complaint = "c1"
	if err := s.Evolve(dup); !errors.Is(err, penalty.ErrInvalidEvent) {
		t.Errorf("second violation for c1: err = %v, want ErrInvalidEvent", err)
	}
	// Off by default.
	if evs, err := s.OverdueViolations(later, penalty.SeedComplaintPolicy()); err != nil || evs != nil {
		t.Errorf("default policy = %v, %v; want nothing", evs, err)
	}
	if _, err := s.OverdueViolations(opened, p); !errors.Is(err, penalty.ErrOutOfOrder) {
		t.Errorf("check in the past: err = %v, want ErrOutOfOrder", err)
	}
}

func TestComplaintPolicyValidate(t *testing.T) {
	t.Parallel()
	err := penalty.ComplaintPolicy{RespondWithin: 0, SolveWithin: -1, CountOverdue: true}.Validate()
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate() = %v", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Code)
	}
	want := []string{"complaint.overdue_type", "complaint.respond_within", "complaint.solve_within"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("codes mismatch (-want +got):\n%s", diff)
	}
	if err := penalty.SeedComplaintPolicy().Validate(); err != nil {
		t.Errorf("seed policy: %v", err)
	}
}
