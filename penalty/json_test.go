package penalty_test

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/penalty"
)

// TestEventJSONGolden pins the stored form of a short history.
func TestEventJSONGolden(t *testing.T) {
	t.Parallel()
	d := mustDecider(t)
	s := penalty.NewState(store)
	rec := penalty.RecordViolation("fake-1", penalty.Counterfeit, day(2026, time.March, 1, 9))
	rec.Compensation = 25900
	events := []penalty.Event{rec}
	mustEvolve(t, s, rec)
	dec, err := d.Decide(s, "fake-1", day(2026, time.March, 1, 10))
	if err != nil {
		t.Fatal(err)
	}
	events = append(events, dec,
		penalty.FileAppeal("fake-1", day(2026, time.March, 2, 9), "authorised reseller"),
		penalty.RejectAppeal("fake-1", day(2026, time.March, 3, 9)),
		penalty.SeedComplaintPolicy().Open("c-1", day(2026, time.March, 3, 10)))
	b, err := json.MarshalIndent(events, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "golden", "events.json"), string(b)+"\n")
}

func TestEventJSONErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
	}{
		{"unknown kind", `{"kind":"violation_forgiven","at":"2026-03-01T00:00:00+08:00"}`},
		{"unknown type", `{"kind":"violation_recorded","type":"shoplifting"}`},
		{"bad compensation", `{"kind":"violation_recorded","compensation":"1e3 CNY"}`},
		{"compensation not CNY", `{"kind":"violation_recorded","compensation":"259.00 USD"}`},
		{"compensation below a fen", `{"kind":"violation_recorded","compensation":"259.005 CNY"}`},
		{"bad measure kind", `{"kind":"penalty_decided","measures":[{"kind":"flogging"}]}`},
		{"bad measure compensation", `{"kind":"penalty_decided","measures":[{"kind":"warning","compensation":"x"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := penalty.Event{Note: "unchanged"}
			err := json.Unmarshal([]byte(tt.in), &e)
			if err == nil {
				t.Fatal("Unmarshal succeeded")
			}
			if !errors.Is(err, penalty.ErrInvalidEvent) && !errors.Is(err, penalty.ErrUnknownType) {
				t.Errorf("error %v matches no sentinel", err)
			}
			if diff := cmp.Diff(penalty.Event{Note: "unchanged"}, e); diff != "" {
				t.Errorf("event changed on error:\n%s", diff)
			}
		})
	}
}
