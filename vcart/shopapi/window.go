package shopapi

import (
	"errors"
	"iter"
	"time"
)

// Window is a half-open time range [Start, End) at one-second resolution,
// the unit the list APIs filter on (create_time_range, update_time_range,
// begin/end_create_time).
type Window struct {
	Start, End time.Time
}

// Maximum spans the platform accepts in one list call.
const (
	// MaxOrderWindow is the longest create/update time range of
	// order/list/get (7 days).
	MaxOrderWindow = 7 * 24 * time.Hour
	// MaxAftersaleWindow is the longest time range of
	// aftersale/getaftersalelist (24 hours; errcode 10020004 beyond).
	MaxAftersaleWindow = 24 * time.Hour
)

// ErrWindow reports an unusable time range (end before start, a span that
// is not a positive whole number of seconds).
var ErrWindow = errors.New("shopapi: invalid time window")

// Duration returns End − Start.
func (w Window) Duration() time.Duration { return w.End.Sub(w.Start) }

// Contains reports whether t lies in [Start, End).
func (w Window) Contains(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

// unix returns the window as unix seconds [start, end).
func (w Window) unix() (int64, int64) { return w.Start.Unix(), w.End.Unix() }

// Windows cuts [start, end) into consecutive half-open windows of at most
// maxSpan, with no gap and no overlap: window i ends where window i+1
// starts. Both instants are truncated to the second first, as the API takes
// unix seconds. It yields the windows one by one without building a slice;
// an empty range (start == end) yields none; end before start or a maxSpan
// under one second yields a single error wrapping [ErrWindow].
func Windows(start, end time.Time, maxSpan time.Duration) iter.Seq2[Window, error] {
	return func(yield func(Window, error) bool) {
		s, e := start.Truncate(time.Second), end.Truncate(time.Second)
		span := maxSpan.Truncate(time.Second)
		switch {
		case span <= 0:
			yield(Window{}, errors.Join(ErrWindow, errors.New("shopapi: window span must be at least one second")))
			return
		case e.Before(s):
			yield(Window{}, errors.Join(ErrWindow, errors.New("shopapi: window end is before its start")))
			return
		}
		for s.Before(e) {
			next := s.Add(span)
			if next.After(e) {
				next = e
			}
			if !yield(Window{Start: s, End: next}, nil) {
				return
			}
			s = next
		}
	}
}
