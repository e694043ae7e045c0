package fees

import (
	"errors"
	"fmt"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/internal/textutil"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Rate is a fee rate (费率) in millionths of the amount: 1 Rate unit is
// 0.0001%, so 0.6% is Rate(6000) and one basis point (0.01%, the unit of the
// platform's transactionfee_info.basis_point) is Rate(100). Integer units
// keep every fee computation exact and allocation-free.
type Rate int64

// Rate limits and units.
const (
	// RateUnitsPerPercent is the number of Rate units in one percent.
	RateUnitsPerPercent Rate = 10_000
	// BasisPoint is one basis point (万分之一, 0.01%).
	BasisPoint Rate = 100
	// MaxRate is 100%: no fee line may take more than the amount it applies to.
	MaxRate Rate = 1_000_000
)

// ErrBadRate reports rate text that is not a percentage with at most four
// decimals, such as "0.60%", or a rate outside 0–100%.
var ErrBadRate = errors.New("fees: malformed rate")

// BasisPoints returns a rate of bp basis points (60 → 0.60%).
func BasisPoints(bp int64) Rate { return Rate(bp) * BasisPoint }

// ParseRate parses a percentage as printed in a WeChat Pay bill's 费率 column,
// such as "0.60%", "39.00%" or "0.385%". The percent sign is required (a bare
// "0.6" is ambiguous between 0.6% and 60%), at most four decimals are
// accepted, and the rate must lie within 0–100%.
func ParseRate(s string) (Rate, error) {
	if len(s) < 2 || len(s) > 16 || s[len(s)-1] != '%' {
		return 0, fmt.Errorf("%w: %q", ErrBadRate, clip(s))
	}
	v, ok := parseFixed(s[:len(s)-1], 4)
	if !ok || v < 0 || Rate(v) > MaxRate {
		return 0, fmt.Errorf("%w: %q", ErrBadRate, clip(s))
	}
	return Rate(v), nil
}

// String formats the rate as a percentage with at least two decimals, as the
// bill prints it: "0.60%", "1.20%", "0.385%".
func (r Rate) String() string {
	neg := r < 0
	u := int64(r)
	if neg {
		u = -u
	}
	whole, frac := u/10_000, u%10_000
	fs := strconv.FormatInt(frac+10_000, 10)[1:] // four digits
	for len(fs) > 2 && fs[len(fs)-1] == '0' {
		fs = fs[:len(fs)-1]
	}
	s := strconv.FormatInt(whole, 10) + "." + fs + "%"
	if neg {
		return "-" + s
	}
	return s
}

// Decimal returns the rate as an exact fraction of one (0.60% → 0.006).
func (r Rate) Decimal() decimal.Decimal { return decimal.New(int64(r), -6) }

// Valid reports whether r lies within 0–100%.
func (r Rate) Valid() bool { return r >= 0 && r <= MaxRate }

// FeeFen returns amountFen × r rounded to a whole fen with mode, computed
// exactly on integers. tie reports an exact half-fen result, the case where
// half-up and half-even differ by one fen. amountFen must not be negative
// and r must be valid; otherwise FeeFen returns 0, false.
func (r Rate) FeeFen(amountFen int64, mode vcart.RoundingMode) (fee int64, tie bool) {
	if amountFen < 0 || !r.Valid() {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(amountFen), uint64(r))
	q, tie := roundDiv(hi, lo, uint64(MaxRate), mode)
	return int64(q), tie
}

// roundDiv returns (hi:lo) / d rounded with mode, and whether the exact
// quotient lies halfway between two integers. It needs hi < d.
func roundDiv(hi, lo, d uint64, mode vcart.RoundingMode) (uint64, bool) {
	q, rem := bits.Div64(hi, lo, d)
	twice := rem << 1 // rem < d ≤ 2^62 in every caller, so no overflow
	tie := rem != 0 && twice == d
	switch mode {
	case vcart.HalfEven:
		if twice > d || (tie && q&1 == 1) {
			q++
		}
	case vcart.Down:
	case vcart.Up:
		if rem != 0 {
			q++
		}
	default: // HalfUp
		if twice >= d && rem != 0 {
			q++
		}
	}
	return q, tie
}

// parseFixed parses [-]digits[.digits] into an integer in units of
// 10^-places. More decimals than places are accepted only when they are
// zeros. It never allocates.
func parseFixed(s string, places int) (int64, bool) {
	if s == "" {
		return 0, false
	}
	neg := false
	i := 0
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		i = 1
	}
	var v int64
	digits, frac, fracDigits := 0, -1, 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if frac >= 0 {
				fracDigits++
				if frac >= places {
					if c != '0' {
						return 0, false
					}
					continue
				}
				frac++
			}
			if v > (1<<62)/10 {
				return 0, false
			}
			v = v*10 + int64(c-'0')
			digits++
		case c == '.' && frac < 0 && digits > 0:
			frac = 0
		default:
			return 0, false
		}
	}
	if digits == 0 || (frac >= 0 && fracDigits == 0) {
		return 0, false
	}
	if frac < 0 {
		frac = 0
	}
	for ; frac < places; frac++ {
		if v > (1<<62)/10 {
			return 0, false
		}
		v *= 10
	}
	if neg {
		v = -v
	}
	return v, true
}

// clip shortens s to at most 32 bytes for an error message.
func clip(s string) string { return textutil.Truncate(s, 32) }
