package notify

import (
	"testing"
	"time"
)

func TestSchedules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s        RetrySchedule
		attempts int
		last     time.Duration
	}{
		{StorePushSchedule(), 10, 3*time.Hour + 36*time.Minute + 10*time.Second},
		{PayV3Schedule(), 16, 24*time.Hour + 4*time.Minute},
		{PayV2Schedule(), 10, 3*time.Hour + 4*time.Minute},
	}
	for _, tt := range tests {
		if err := tt.s.Validate(); err != nil {
			t.Errorf("%s: %v", tt.s.Name, err)
		}
		off := tt.s.Offsets()
		if tt.s.Attempts() != tt.attempts || len(off) != tt.attempts || off[len(off)-1] != tt.last {
			t.Errorf("%s: %d attempts, last at %v; want %d, %v", tt.s.Name, tt.s.Attempts(), off[len(off)-1], tt.attempts, tt.last)
		}
		if tt.s.Version == "" || tt.s.EffectiveFrom.IsZero() || tt.s.Source == "" || tt.s.Timeout != 5*time.Second {
			t.Errorf("%s: missing metadata", tt.s.Name)
		}
	}
	// Fresh copies: mutating one does not change the next.
	a := PayV3Schedule()
	a.Intervals[0] = time.Hour
	if PayV3Schedule().Intervals[0] != 15*time.Second {
		t.Error("PayV3Schedule shares its slice")
	}
	bad := RetrySchedule{Intervals: []time.Duration{-1}}
	if err := bad.Validate(); err == nil {
		t.Error("Validate accepted a schedule with no name, no timeout and a negative interval")
	}
	accept := StorePushSchedule().Accept
	if !accept(200, []byte("success")) || !accept(200, nil) || accept(200, []byte("fail")) || accept(500, []byte("success")) {
		t.Error("store push accept rule")
	}
	v3 := PayV3Schedule().Accept
	if !v3(200, nil) || !v3(204, nil) || v3(202, nil) || v3(500, nil) {
		t.Error("v3 accept rule")
	}
	v2 := PayV2Schedule().Accept
	if !v2(200, V2Answer(true, "")) || v2(200, V2Answer(false, "x")) || v2(500, V2Answer(true, "")) {
		t.Error("v2 accept rule")
	}
	if !(RetrySchedule{}).Accepts(204, nil) || (RetrySchedule{}).Accepts(302, nil) || !StorePushSchedule().Accepts(200, []byte("success")) {
		t.Error("default accept rule")
	}
}
