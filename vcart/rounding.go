package vcart

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// RoundingMode names how an amount is brought to a number of decimal places.
// The zero value is [HalfUp], 四舍五入, the mode WeChat Pay documents.
type RoundingMode int

// Rounding modes.
const (
	// HalfUp rounds half away from zero (四舍五入): 0.045 → 0.05, -0.045 → -0.05.
	HalfUp RoundingMode = iota
	// HalfEven rounds half to the even neighbour (banker's rounding): 0.045 → 0.04.
	HalfEven
	// Down truncates toward zero: 0.049 → 0.04.
	Down
	// Up rounds away from zero: 0.041 → 0.05.
	Up
)

// String returns the mode's name.
func (r RoundingMode) String() string {
	switch r {
	case HalfUp:
		return "half-up"
	case HalfEven:
		return "half-even"
	case Down:
		return "down"
	case Up:
		return "up"
	}
	return fmt.Sprintf("RoundingMode(%d)", int(r))
}

// Valid reports whether r is one of the named modes.
func (r RoundingMode) Valid() bool { return r >= HalfUp && r <= Up }

// Round rounds d to places decimal places. An invalid mode rounds half-up;
// validate modes where they enter (for example in a calculator's options).
func (r RoundingMode) Round(d decimal.Decimal, places int32) decimal.Decimal {
	switch r {
	case HalfEven:
		return d.RoundBank(places)
	case Down:
		return d.RoundDown(places)
	case Up:
		return d.RoundUp(places)
	default:
		return d.Round(places)
	}
}

// MarshalText encodes the mode by name ("half-up", "half-even", "down", "up").
func (r RoundingMode) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("vcart: cannot marshal invalid %s", r)
	}
	return []byte(r.String()), nil
}

// UnmarshalText decodes a mode by the name [RoundingMode.String] gives it.
func (r *RoundingMode) UnmarshalText(b []byte) error {
	for m := HalfUp; m <= Up; m++ {
		if string(b) == m.String() {
			*r = m
			return nil
		}
	}
	return fmt.Errorf("vcart: unknown rounding mode %q", truncate(string(b), 32))
}
