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

// sec32 is an instant as stored in the state's records: whole Unix seconds
// (4 bytes, where a stamp takes 8), 0 for none, or [wideSec] for an instant
// with a fraction of a second or after 2106, which is kept in State.wide.
// Event instants are whole seconds in practice, so records stay small.
type sec32 uint32

// wideSec marks an instant kept in State.wide.
const wideSec sec32 = math.MaxUint32

// field names the sec32 fields of the records, for State.wide's keys.
type field uint8

const (
	fieldAt field = iota + 1
	fieldDecided
	fieldAppealed
	fieldResolved
	fieldStart
	fieldEnd
)

func wideKey(f field, i int32) uint64 { return uint64(f)<<32 | uint64(uint32(i)) }

// enc encodes t (0 or in range) for field f of record i.
func (s *State) enc(f field, i int32, t stamp) sec32 {
	if t%1e9 == 0 && t/1e9 < stamp(wideSec) {
		return sec32(t / 1e9)
	}
	if s.wide == nil {
		s.wide = make(map[uint64]stamp)
	}
	s.wide[wideKey(f, i)] = t
	return wideSec
}

// dec decodes field f of record i.
func (s *State) dec(f field, i int32, v sec32) stamp {
	if v != wideSec {
		return stamp(v) * 1e9
	}
	return s.wide[wideKey(f, i)]
}

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
