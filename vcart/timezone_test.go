package vcart_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestShanghai(t *testing.T) {
	t.Parallel()
	if first, second := vcart.Shanghai(), vcart.Shanghai(); first != second {
		t.Fatal("Shanghai returns a different *time.Location on each call")
	}
	tests := []struct {
		name string
		at   time.Time // an instant in UTC
		want string    // its wall clock in Shanghai
	}{
		{"winter", time.Date(2026, 1, 15, 16, 0, 0, 0, time.UTC), "2026-01-16 00:00:00 +0800 CST"},
		{"summer (no daylight saving)", time.Date(2026, 7, 15, 16, 0, 0, 0, time.UTC), "2026-07-16 00:00:00 +0800 CST"},
		{"day boundary", time.Date(2026, 2, 28, 15, 59, 59, 0, time.UTC), "2026-02-28 23:59:59 +0800 CST"},
		{"leap day", time.Date(2028, 2, 28, 16, 0, 0, 0, time.UTC), "2028-02-29 00:00:00 +0800 CST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, tt.at.In(vcart.Shanghai()).String()); diff != "" {
				t.Errorf("wall clock mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
