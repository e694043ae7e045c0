package kpi

import (
	"fmt"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// DefaultExposureInterval is the seed's "边看边买" cadence: one product
// exposure (商品曝光) every 2 minutes of a video or live stream.
const DefaultExposureInterval = 2 * time.Minute

// Gap is a stretch of the timeline longer than the interval with no product
// exposure, as offsets from the start.
type Gap struct {
	From time.Duration `json:"from_ms"`
	To   time.Duration `json:"to_ms"`
}

// Length returns To - From.
func (g Gap) Length() time.Duration { return g.To - g.From }

// MarshalJSON encodes the gap as {"from_ms":…,"to_ms":…} in whole
// milliseconds from the start.
func (g Gap) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`{"from_ms":%d,"to_ms":%d}`, g.From.Milliseconds(), g.To.Milliseconds())), nil
}

// CadenceReport is the result of [CheckCadence].
type CadenceReport struct {
	Duration time.Duration `json:"-"`
	Interval time.Duration `json:"-"`
	// DurationMS and IntervalMS are Duration and Interval in milliseconds,
	// for JSON.
	DurationMS int64 `json:"duration_ms"`
	IntervalMS int64 `json:"interval_ms"`
	// Expected is the number of exposures the cadence asks for:
	// ⌊Duration ÷ Interval⌋ (30 for an hour at one per 2 minutes).
	Expected int64 `json:"expected"`
	// Actual is the number of exposures within [0, Duration].
	Actual int64 `json:"actual"`
	// Gaps lists every stretch longer than Interval with no exposure: from
	// the start to the first exposure, between exposures, and from the last
	// exposure to the end. A gap of exactly Interval is on cadence.
	Gaps []Gap `json:"gaps"`
	// OnCadence reports that there is no gap and Actual >= Expected.
	OnCadence bool `json:"on_cadence"`
}

// CheckCadence checks a video's or live stream's product exposures against
// the "every interval" cadence. exposures are offsets from the start, in
// any order; duration is the video's or stream's length; interval zero
// means [DefaultExposureInterval]. A negative duration or interval, or an
// exposure outside [0, duration], is a [*vcart.ValidationError] listing
// every such problem.
//
// The cadence is the seed's heuristic, not a platform rule; on 视频号
// giveaway rounds such as "扣1送" are themselves a violation, so the check
// counts exposures, whatever their content.
func CheckCadence(duration time.Duration, exposures []time.Duration, interval time.Duration) (*CadenceReport, error) {
	if interval == 0 {
		interval = DefaultExposureInterval
	}
	var fe []vcart.FieldError
	if duration <= 0 {
		fe = append(fe, vcart.FieldError{Field: "duration", Code: "cadence.duration.nonpositive", Msg: "the timeline has no length"})
	}
	if interval < 0 {
		fe = append(fe, vcart.FieldError{Field: "interval", Code: "cadence.interval.negative", Msg: "negative interval"})
	}
	for i, e := range exposures {
		if e < 0 || (duration > 0 && e > duration) {
			fe = append(fe, vcart.FieldError{Field: fmt.Sprintf("exposures[%d]", i), Code: "cadence.exposure.outside", Msg: fmt.Sprintf("exposure at %s is outside the timeline", e)})
		}
	}
	if err := vcart.NewValidationError(fe); err != nil {
		return nil, err
	}
	ex := slices.Clone(exposures)
	slices.Sort(ex)
	rep := &CadenceReport{
		Duration:   duration,
		Interval:   interval,
		DurationMS: duration.Milliseconds(),
		IntervalMS: interval.Milliseconds(),
		Expected:   int64(duration / interval),
		Actual:     int64(len(ex)),
		Gaps:       []Gap{},
	}
	prev := time.Duration(0)
	for _, e := range append(ex, duration) {
		if e-prev > interval {
			rep.Gaps = append(rep.Gaps, Gap{From: prev, To: e})
		}
		prev = e
	}
	rep.OnCadence = len(rep.Gaps) == 0 && rep.Actual >= rep.Expected
	return rep, nil
}
