package kpi

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// MetricChange is one metric's change from a previous report (环比): the
// delta in the metric's unit — counts, percentage points for rates, yuan
// for amounts, multiples for ROI — and the grades before and after.
type MetricChange struct {
	ID       MetricID `json:"id"`
	Previous string   `json:"previous"` // the previous display value
	Current  string   `json:"current"`  // the current display value
	// Delta is current − previous, rounded half-up to two places, with a
	// sign and the unit ("+1.25pp", "-¥3.10", "+12", "+0.40×"), or
	// "undefined" when either side is. It is computed from the exact
	// values, so it can differ in the last place from the difference of
	// the rounded displays.
	Delta         string `json:"delta"`
	PreviousGrade Grade  `json:"previous_grade"`
	Grade         Grade  `json:"grade"`
}

// Compare returns every metric's change from prev to r, in r's metric
// order. Metrics missing from prev are skipped; a nil prev gives nil. It does not modify either
// report; to print the changes with the report, assign them to
// [Report.Changes].
func (r *Report) Compare(prev *Report) []MetricChange {
	if r == nil || prev == nil {
		return nil
	}
	var out []MetricChange
	for _, cur := range r.Metrics {
		old, ok := prev.Metric(cur.ID)
		if !ok {
			continue
		}
		ch := MetricChange{ID: cur.ID, Previous: old.Display, Current: cur.Display, PreviousGrade: old.Grade, Grade: cur.Grade, Delta: "undefined"}
		var d decimal.Decimal
		defined := true
		switch {
		case cur.Count != nil && old.Count != nil:
			d = decimal.NewFromInt(*cur.Count).Sub(decimal.NewFromInt(*old.Count))
		case cur.Ratio != nil && old.Ratio != nil && cur.Ratio.Defined() && old.Ratio.Defined():
			shift := int32(2) // percentage points
			if cur.Unit == UnitMultiple {
				shift = 0
			}
			d = ratioDiff(*cur.Ratio, *old.Ratio, shift)
		case cur.Average != nil && old.Average != nil && cur.Average.Defined() && old.Average.Defined():
			d = averageDiff(*cur.Average, *old.Average)
		default:
			defined = false
		}
		if defined {
			ch.Delta = formatDelta(d, cur.Unit)
		}
		out = append(out, ch)
	}
	return out
}

// ratioDiff returns a − b exactly, shifted by shift decimal places (2 for
// percentage points), rounded to 10 places.
func ratioDiff(a, b Ratio, shift int32) decimal.Decimal {
	an, ad := decimal.NewFromInt(a.Num), decimal.NewFromInt(a.Den)
	bn, bd := decimal.NewFromInt(b.Num), decimal.NewFromInt(b.Den)
	num := an.Mul(bd).Sub(bn.Mul(ad)).Shift(shift)
	return quo(num, ad.Mul(bd), 10, vcart.HalfUp)
}

// averageDiff returns a − b in yuan, rounded to 10 places.
func averageDiff(a, b Average) decimal.Decimal {
	an := decimal.NewFromInt(int64(a.TotalFen)).Mul(decimal.NewFromInt(a.scale()))
	bn := decimal.NewFromInt(int64(b.TotalFen)).Mul(decimal.NewFromInt(b.scale()))
	ac, bc := decimal.NewFromInt(a.Count), decimal.NewFromInt(b.Count)
	num := an.Mul(bc).Sub(bn.Mul(ac)).Shift(-2)
	return quo(num, ac.Mul(bc), 10, vcart.HalfUp)
}

func formatDelta(d decimal.Decimal, u Unit) string {
	places := int32(2)
	if u == UnitCount {
		places = 0
	}
	// The sign is that of the displayed value: a change that rounds to zero
	// prints unsigned ("0.00pp"), never "-0.00pp".
	d = d.Round(places)
	sign := "+"
	switch {
	case d.IsZero():
		sign = ""
	case d.IsNegative():
		sign = "-"
		d = d.Neg()
	}
	switch u {
	case UnitCount:
		return sign + d.StringFixed(0)
	case UnitPercent:
		return sign + d.Round(2).StringFixed(2) + "pp"
	case UnitYuan:
		return sign + "¥" + d.Round(2).StringFixed(2)
	case UnitMultiple:
		return sign + d.Round(2).StringFixed(2) + "×"
	}
	return fmt.Sprintf("%s%s", sign, d.Round(2).StringFixed(2))
}
