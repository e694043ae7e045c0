package penalty_test

import (
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/penalty"
	"github.com/vcart-sdk/vcart-go/vcart"
)

var shanghai = vcart.Shanghai()

// day returns a fixed instant in Asia/Shanghai.
func day(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, shanghai) }

const store vcart.AppID = "wxstore0001"

// mustEvolve folds events into s and fails the test on any error.
func mustEvolve(t testing.TB, s *penalty.State, events ...penalty.Event) {
	t.Helper()
	for _, e := range events {
		if err := s.Evolve(e); err != nil {
			t.Fatalf("Evolve(%s %s): %v", e.Kind, e.Violation, err)
		}
	}
}

// offend records violation id of type typ at at, decides it at the same
// instant with d and folds the decision in; it returns the decision event.
func offend(t testing.TB, d *penalty.Decider, s *penalty.State, id penalty.ViolationID, typ penalty.ViolationType, at time.Time) penalty.Event {
	t.Helper()
	mustEvolve(t, s, penalty.RecordViolation(id, typ, at))
	ev, err := d.Decide(s, id, at)
	if err != nil {
		t.Fatalf("Decide(%s): %v", id, err)
	}
	mustEvolve(t, s, ev)
	return ev
}

func mustDecider(t testing.TB, tables ...penalty.Table) *penalty.Decider {
	t.Helper()
	d, err := penalty.NewDecider(tables...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
