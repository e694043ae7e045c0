package penalty

import (
	"math"
	"time"
)

// stamp is an instant stored as Unix nanoseconds: 8 bytes without a
// pointer, where a time.Time takes 24 with one. Zero means "none", which is
// why events must fall after 1970 (see inRange).
type stamp int64

const (
	minYear = 1970
	maxYear = 2262
)

var (
	minInstant = time.Date(minYear, 1, 1, 0, 0, 0, 1, time.UTC)
	maxInstant = time.Date(maxYear, 1, 1, 0, 0, 0, 0, time.UTC)
)

// inRange reports whether t can be stored as a stamp: after the Unix epoch
// and before 2262.
func inRange(t time.Time) bool { return !t.Before(minInstant) && t.Before(maxInstant) }

// maxSec is maxInstant in Unix seconds.
var maxSec = maxInstant.Unix()

// toStamp converts t when it is in range (see inRange) without clamping.
func toStamp(t time.Time) (stamp, bool) {
	sec, ns := t.Unix(), t.Nanosecond()
	if sec < 0 || sec >= maxSec || sec == 0 && ns == 0 {
		return 0, false
	}
	return stamp(sec*1e9 + int64(ns)), true
}

// stampOf converts t, clamping instants outside the stamp range (queries
// may ask about any instant).
func stampOf(t time.Time) stamp {
	switch {
	case t.Before(minInstant):
		return math.MinInt64
	case !t.Before(maxInstant):
		return math.MaxInt64
	}
	return stamp(t.UnixNano())
}

// time returns the instant in Asia/Shanghai, or the zero time for 0.
func (s stamp) time() time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(0, int64(s)).In(shanghai)
}
