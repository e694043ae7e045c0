package kpi

import (
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Ratio is an exact quotient of two counts, Num ÷ Den, kept unreduced so a
// reader can see both sides of every rate. A Ratio with Den == 0 is
// undefined: it has no value, and is never reported as 0 or NaN.
//
// The zero value is the undefined ratio 0/0.
type Ratio struct {
	Num int64 // numerator, e.g. paid orders
	Den int64 // denominator, e.g. submitted orders
}

// NewRatio returns num ÷ den.
func NewRatio(num, den int64) Ratio { return Ratio{Num: num, Den: den} }

// Defined reports whether the denominator is non-zero.
func (r Ratio) Defined() bool { return r.Den != 0 }

// Decimal returns Num ÷ Den rounded to places decimal places with mode, and
// false when the ratio is undefined. It never uses decimal's Div (which
// follows a package global).
func (r Ratio) Decimal(places int32, mode vcart.RoundingMode) (decimal.Decimal, bool) {
	if !r.Defined() {
		return decimal.Decimal{}, false
	}
	return quo(decimal.NewFromInt(r.Num), decimal.NewFromInt(r.Den), places, mode), true
}

// Percent returns Num ÷ Den × 100 rounded to places decimal places with mode
// (Percent(2, vcart.HalfUp) of 1/3 is 33.33), and false when the ratio is
// undefined.
func (r Ratio) Percent(places int32, mode vcart.RoundingMode) (decimal.Decimal, bool) {
	if !r.Defined() {
		return decimal.Decimal{}, false
	}
	return quo(decimal.NewFromInt(r.Num).Shift(2), decimal.NewFromInt(r.Den), places, mode), true
}

// String formats the ratio as "33.33% (1/3)", half-up to two places, or
// "undefined (1/0)".
func (r Ratio) String() string {
	p, ok := r.Percent(2, vcart.HalfUp)
	frac := " (" + strconv.FormatInt(r.Num, 10) + "/" + strconv.FormatInt(r.Den, 10) + ")"
	if !ok {
		return "undefined" + frac
	}
	return p.StringFixed(2) + "%" + frac
}

// cmpScaled compares the exact value Num ÷ Den × scale with t: -1, 0 or
// +1. The ratio must be defined.
func (r Ratio) cmpScaled(scale int32, t decimal.Decimal) int {
	num := decimal.NewFromInt(r.Num).Shift(scale)
	den := decimal.NewFromInt(r.Den)
	// num/den ? t  <=>  num ? t*den, flipping for a negative denominator.
	c := num.Cmp(t.Mul(den))
	if r.Den < 0 {
		c = -c
	}
	return c
}

// ratioJSON is the wire form of a [Ratio].
type ratioJSON struct {
	Num     int64   `json:"num"`
	Den     int64   `json:"den"`
	Percent *string `json:"percent"` // null when undefined
}

// MarshalJSON encodes the ratio as {"num":1,"den":3,"percent":"33.33"},
// with "percent" null when the ratio is undefined. The percentage is a
// string (half-up, two places), never a float.
func (r Ratio) MarshalJSON() ([]byte, error) {
	j := ratioJSON{Num: r.Num, Den: r.Den}
	if p, ok := r.Percent(2, vcart.HalfUp); ok {
		s := p.StringFixed(2)
		j.Percent = &s
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form [Ratio.MarshalJSON] writes; the
// percentage is derived, so it is ignored.
func (r *Ratio) UnmarshalJSON(b []byte) error {
	var j ratioJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Ratio{Num: j.Num, Den: j.Den}
	return nil
}

// Average is an exact amount of money per unit: TotalFen × Scale ÷ Count
// fen. It carries average order value (GMV ÷ buyers or ÷ orders), UV value
// (GMV ÷ visitors) and GPM (GMV × 1000 ÷ views). An Average with Count == 0
// is undefined.
//
// The zero value is the undefined average 0/0 with scale 1.
type Average struct {
	TotalFen vcart.Fen // the numerator in fen (分), e.g. GMV
	Count    int64     // the denominator, e.g. paying buyers
	// Scale multiplies the quotient: 1000 for GPM (per thousand views).
	// Zero means 1.
	Scale int64
}

// Defined reports whether the count is non-zero.
func (a Average) Defined() bool { return a.Count != 0 }

func (a Average) scale() int64 {
	if a.Scale == 0 {
		return 1
	}
	return a.Scale
}

// Money returns TotalFen × Scale ÷ Count as CNY, rounded to the fen with
// mode, and false when the average is undefined.
func (a Average) Money(mode vcart.RoundingMode) (vcart.Money, bool) {
	if !a.Defined() {
		return vcart.Money{}, false
	}
	// fen × scale ÷ count, to two places of yuan.
	num := decimal.NewFromInt(int64(a.TotalFen)).Mul(decimal.NewFromInt(a.scale())).Shift(-2)
	return vcart.NewMoney(quo(num, decimal.NewFromInt(a.Count), 2, mode), vcart.CNY), true
}

// String formats the average as "¥123.45 (¥370.35 / 3)", half-up to the
// fen, or "undefined (¥0.00 / 0)". GPM shows its scale: "¥12.00 (¥1.20 × 1000 / 100)".
func (a Average) String() string {
	frac := a.TotalFen.String()
	if a.scale() != 1 {
		frac += " × " + strconv.FormatInt(a.scale(), 10)
	}
	frac = " (" + frac + " / " + strconv.FormatInt(a.Count, 10) + ")"
	m, ok := a.Money(vcart.HalfUp)
	if !ok {
		return "undefined" + frac
	}
	return m.Format() + frac
}

// cmpYuan compares the exact value in yuan with t: -1, 0 or +1. The average
// must be defined.
func (a Average) cmpYuan(t decimal.Decimal) int {
	num := decimal.NewFromInt(int64(a.TotalFen)).Mul(decimal.NewFromInt(a.scale()))
	den := decimal.NewFromInt(a.Count)
	c := num.Cmp(t.Shift(2).Mul(den))
	if a.Count < 0 {
		c = -c
	}
	return c
}

// averageJSON is the wire form of an [Average].
type averageJSON struct {
	TotalFen vcart.Fen `json:"total_fen"`
	Count    int64     `json:"count"`
	Scale    int64     `json:"scale,omitempty"`
	Yuan     *string   `json:"yuan"` // null when undefined
}

// MarshalJSON encodes the average as
// {"total_fen":37035,"count":3,"yuan":"123.45"}, with "yuan" null when
// undefined and "scale" present only when it is not 1. Amounts are integer
// fen or yuan strings (half-up to the fen), never floats.
func (a Average) MarshalJSON() ([]byte, error) {
	j := averageJSON{TotalFen: a.TotalFen, Count: a.Count}
	if a.scale() != 1 {
		j.Scale = a.scale()
	}
	if m, ok := a.Money(vcart.HalfUp); ok {
		s := m.Amount().StringFixed(2)
		j.Yuan = &s
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form [Average.MarshalJSON] writes; the yuan
// value is derived, so it is ignored.
func (a *Average) UnmarshalJSON(b []byte) error {
	var j averageJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*a = Average{TotalFen: j.TotalFen, Count: j.Count, Scale: j.Scale}
	return nil
}

// quo returns num ÷ den rounded to places decimal places with mode, exactly:
// it divides to an integer quotient and a remainder and rounds by comparing
// the remainder with the divisor, so no intermediate precision is lost and
// no package global is read. den must not be zero.
func quo(num, den decimal.Decimal, places int32, mode vcart.RoundingMode) decimal.Decimal {
	q, r := num.Shift(places).QuoRem(den, 0)
	if r.IsZero() {
		return q.Shift(-places)
	}
	neg := num.Sign()*den.Sign() < 0
	away := false
	switch mode {
	case vcart.Down:
	case vcart.Up:
		away = true
	default:
		// Compare 2|r| with |den|.
		c := r.Abs().Add(r.Abs()).Cmp(den.Abs())
		switch {
		case c > 0:
			away = true
		case c == 0:
			if mode == vcart.HalfEven {
				away = q.BigInt().Bit(0) == 1
			} else {
				away = true
			}
		}
	}
	if away {
		if neg {
			q = q.Sub(decimal.NewFromInt(1))
		} else {
			q = q.Add(decimal.NewFromInt(1))
		}
	}
	return q.Shift(-places)
}
