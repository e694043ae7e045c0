package shopapi_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestWindows(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
	day := 24 * time.Hour
	w := func(from, to time.Duration) shopapi.Window {
		return shopapi.Window{Start: t0.Add(from), End: t0.Add(to)}
	}
	tests := []struct {
		name     string
		from, to time.Duration
		span     time.Duration
		want     []shopapi.Window
	}{
		{"zero seconds", 0, 0, shopapi.MaxOrderWindow, nil},
		{"one second", 0, time.Second, shopapi.MaxOrderWindow, []shopapi.Window{w(0, time.Second)}},
		{"exactly 7 days", 0, 7 * day, shopapi.MaxOrderWindow, []shopapi.Window{w(0, 7*day)}},
		{"7 days + 1 s", 0, 7*day + time.Second, shopapi.MaxOrderWindow,
			[]shopapi.Window{w(0, 7*day), w(7*day, 7*day+time.Second)}},
		{"30 days", 0, 30 * day, shopapi.MaxOrderWindow,
			[]shopapi.Window{w(0, 7*day), w(7*day, 14*day), w(14*day, 21*day), w(21*day, 28*day), w(28*day, 30*day)}},
		{"sub-second bounds truncate", 500 * time.Millisecond, day + 900*time.Millisecond, shopapi.MaxAftersaleWindow,
			[]shopapi.Window{w(0, day)}},
		{"after-sale 49 h", 0, 49 * time.Hour, shopapi.MaxAftersaleWindow,
			[]shopapi.Window{w(0, day), w(day, 2*day), w(2*day, 49*time.Hour)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := splitWindows(t0.Add(tt.from), t0.Add(tt.to), tt.span)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("windows (-want +got):\n%s", diff)
			}
			// Invariants: contiguous, half-open, none longer than the span.
			for i, x := range got {
				if x.Duration() <= 0 || x.Duration() > tt.span {
					t.Errorf("window %d lasts %v", i, x.Duration())
				}
				if i > 0 && !got[i-1].End.Equal(x.Start) {
					t.Errorf("gap or overlap between windows %d and %d", i-1, i)
				}
				if x.Contains(x.End) || !x.Contains(x.Start) {
					t.Errorf("window %d is not half-open", i)
				}
			}
		})
	}
}

func TestWindows_Errors(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
	if _, err := splitWindows(t0, t0.Add(-time.Second), time.Hour); !errors.Is(err, shopapi.ErrWindow) {
		t.Errorf("end before start: %v", err)
	}
	if _, err := splitWindows(t0, t0.Add(time.Hour), time.Millisecond); !errors.Is(err, shopapi.ErrWindow) {
		t.Errorf("span under a second: %v", err)
	}
	// Stopping early stops the iterator.
	n := 0
	for range shopapi.Windows(t0, t0.Add(30*24*time.Hour), shopapi.MaxOrderWindow) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("iterations after break: %d", n)
	}
}

// FuzzWindows checks the splitting invariants for arbitrary ranges:
// the windows tile [start, end) at second resolution with no gap or
// overlap, none longer than the span.
func FuzzWindows(f *testing.F) {
	f.Add(int64(1772294400), int64(0), int64(604800))
	f.Add(int64(1772294400), int64(604801), int64(604800))
	f.Add(int64(0), int64(2592000), int64(86400))
	f.Add(int64(-5), int64(3), int64(1))
	f.Fuzz(func(t *testing.T, start, length, span int64) {
		if length < -1e6 || length > 1e8 || span < -10 || span > 1e7 || start < -1e12 || start > 1e12 {
			return
		}
		s := time.Unix(start, 0)
		e := s.Add(time.Duration(length) * time.Second)
		ws, err := splitWindows(s, e, time.Duration(span)*time.Second)
		if length < 0 || span < 1 {
			if !errors.Is(err, shopapi.ErrWindow) {
				t.Fatalf("want ErrWindow, got %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		at := s
		for i, w := range ws {
			if !w.Start.Equal(at) || w.Duration() <= 0 || w.Duration() > time.Duration(span)*time.Second {
				t.Fatalf("window %d = %v", i, w)
			}
			at = w.End
		}
		if !at.Equal(e) {
			t.Fatalf("windows end at %v, want %v", at, e)
		}
	})
}

// splitWindows collects Windows into a slice, or its error.
func splitWindows(start, end time.Time, maxSpan time.Duration) ([]shopapi.Window, error) {
	var out []shopapi.Window
	for w, err := range shopapi.Windows(start, end, maxSpan) {
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}
