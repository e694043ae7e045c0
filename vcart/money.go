package vcart

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/internal/textutil"
)

// Currency is an ISO 4217 currency code such as "CNY".
type Currency string

// Currencies the SDK meets on the platform.
const (
	CNY Currency = "CNY" // Renminbi (人民币); the platform's amounts are in fen (分) of CNY.
	USD Currency = "USD" // US dollar; the international card fixed fee is quoted in USD.
	HKD Currency = "HKD" // Hong Kong dollar.
)

// Errors returned by [Money] operations.
var (
	// ErrSubFen reports an amount that is not a whole number of fen (or cents).
	ErrSubFen = errors.New("vcart: amount is not a whole fen")
	// ErrCurrencyMismatch reports arithmetic between two currencies.
	ErrCurrencyMismatch = errors.New("vcart: currency mismatch")
	// ErrFenOverflow reports an amount whose fen do not fit in an int64.
	ErrFenOverflow = errors.New("vcart: amount overflows int64 fen")
	// ErrBadAmount reports text that is not a plain decimal amount.
	ErrBadAmount = errors.New("vcart: malformed amount")
)

// Money is an exact decimal amount in one currency. The zero value is 0 with
// no currency; use [FromFen], [Fen.Money], [ParseMoney] or [NewMoney] to
// build one.
//
// Money is for amounts that are not a whole fen of CNY: a fee rate applied
// before rounding, a bill's 0.001-fen fee, a USD fixed fee. A whole CNY
// amount is a [Fen], whose arithmetic cannot fail. Because Money can mix
// currencies, [Money.Add], [Money.Sub] and [Money.Cmp] check the currency
// and return [ErrCurrencyMismatch]; within one currency they never fail.
//
// Money never rounds implicitly: [Money.Fen] fails with [ErrSubFen] rather
// than drop a fraction, and [Money.Round] and [Money.RoundFen] name their
// [RoundingMode].
type Money struct {
	amount   decimal.Decimal
	currency Currency
}

// NewMoney returns amount in currency c, exactly as given.
func NewMoney(amount decimal.Decimal, c Currency) Money {
	return Money{amount: amount, currency: c}
}

// FromFen returns fen (分, 1/100 yuan) as CNY, exactly: the same as
// Fen(fen).Money(), for a wire field that is a plain int64.
func FromFen(fen int64) Money {
	return Money{amount: decimal.New(fen, -2), currency: CNY}
}

// FromMinor returns minor units (1/100 of the unit) of currency c, exactly.
func FromMinor(minor int64, c Currency) Money {
	return Money{amount: decimal.New(minor, -2), currency: c}
}

// ParseMoney parses a plain decimal amount such as "12.34", "-0.5" or "100"
// in currency c. Surrounding spaces, exponents, thousands separators and
// full-width digits are rejected with [ErrBadAmount]: a bill or a form that
// carries them is malformed, and guessing would hide the problem.
func ParseMoney(s string, c Currency) (Money, error) {
	if !isPlainDecimal(s) {
		return Money{}, fmt.Errorf("%w: %q", ErrBadAmount, truncate(s, 32))
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Money{}, fmt.Errorf("%w: %q", ErrBadAmount, truncate(s, 32))
	}
	return Money{amount: d, currency: c}, nil
}

// isPlainDecimal reports whether s is [-+]?digits[.digits] in ASCII, at most
// 40 characters long.
func isPlainDecimal(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i++
	}
	digits, dot := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0:
			dot = true
			if i == len(s)-1 {
				return false
			}
		default:
			return false
		}
	}
	return digits > 0
}

// truncate shortens s to at most n bytes for an error message.
func truncate(s string, n int) string { return textutil.Truncate(s, n) }

// Amount returns the exact decimal amount.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the currency code.
func (m Money) Currency() Currency { return m.currency }

// IsZero reports whether the amount is zero, whatever the currency.
func (m Money) IsZero() bool { return m.amount.IsZero() }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// Sign returns -1, 0 or +1.
func (m Money) Sign() int { return m.amount.Sign() }

// Fen returns the amount in minor units (fen for CNY). It fails with
// [ErrSubFen] if the amount has a fraction of a fen, and with
// [ErrFenOverflow] if it does not fit in an int64; it never rounds (see
// [Money.RoundFen]). It does not check the currency: a USD amount gives
// cents.
func (m Money) Fen() (Fen, error) {
	// Fast path without big.Int arithmetic: at most 2 decimals and at most
	// 18 digits once shifted, so the result fits in an int64.
	if e := m.amount.Exponent(); e >= -2 && int(e)+m.amount.NumDigits() <= 16 {
		f := m.amount.CoefficientInt64()
		for ; e > -2; e-- {
			f *= 10
		}
		return Fen(f), nil
	}
	return m.fenSlow()
}

// fenSlow is [Money.Fen] on big.Int arithmetic, for every amount.
func (m Money) fenSlow() (Fen, error) {
	f := m.amount.Shift(2)
	if !f.IsInteger() {
		return 0, fmt.Errorf("%w: %s", ErrSubFen, m)
	}
	if f.Cmp(maxFen) > 0 || f.Cmp(minFen) < 0 {
		return 0, fmt.Errorf("%w: %s", ErrFenOverflow, m)
	}
	return Fen(f.IntPart()), nil
}

var (
	maxFen = decimal.NewFromInt(1<<63 - 1)
	minFen = decimal.NewFromInt(-1 << 63)
)

// Round returns the amount rounded to whole fen with mode.
func (m Money) Round(mode RoundingMode) Money {
	return Money{amount: mode.Round(m.amount, 2), currency: m.currency}
}

// RoundFen returns the amount rounded to whole fen with mode, as [Fen]:
// m.Round(mode).Fen(). It fails only with [ErrFenOverflow].
func (m Money) RoundFen(mode RoundingMode) (Fen, error) { return m.Round(mode).Fen() }

// Add returns m + o; the currencies must match.
func (m Money) Add(o Money) (Money, error) {
	if err := m.sameCurrency(o); err != nil {
		return Money{}, err
	}
	return Money{amount: m.amount.Add(o.amount), currency: m.currency}, nil
}

// Sub returns m - o; the currencies must match.
func (m Money) Sub(o Money) (Money, error) {
	if err := m.sameCurrency(o); err != nil {
		return Money{}, err
	}
	return Money{amount: m.amount.Sub(o.amount), currency: m.currency}, nil
}

// Neg returns -m.
func (m Money) Neg() Money { return Money{amount: m.amount.Neg(), currency: m.currency} }

// Mul returns m × factor, exactly (no rounding).
func (m Money) Mul(factor decimal.Decimal) Money {
	return Money{amount: m.amount.Mul(factor), currency: m.currency}
}

// Cmp compares m and o: -1, 0 or +1. The currencies must match.
func (m Money) Cmp(o Money) (int, error) {
	if err := m.sameCurrency(o); err != nil {
		return 0, err
	}
	return m.amount.Cmp(o.amount), nil
}

func (m Money) sameCurrency(o Money) error {
	if m.currency != o.currency {
		return fmt.Errorf("%w: %s and %s", ErrCurrencyMismatch, m.currency, o.currency)
	}
	return nil
}

// Equal reports whether m and o have the same currency and numerically equal
// amounts (1.0 equals 1.00). go-cmp uses it.
func (m Money) Equal(o Money) bool {
	return m.currency == o.currency && m.amount.Equal(o.amount)
}

// String formats the amount with at least two decimals and its currency, as
// in "12.34 CNY". A sub-fen amount keeps its extra digits ("0.045 CNY"). It
// never depends on decimal's package globals.
func (m Money) String() string {
	places := int32(2)
	if e := -m.amount.Exponent(); e > places {
		places = e
	}
	s := m.amount.StringFixed(places)
	if m.currency == "" {
		return s
	}
	return s + " " + string(m.currency)
}

// Format formats the amount like [Money.String] without the currency and with
// the yuan sign for CNY, as in "¥12.34".
func (m Money) Format() string {
	s := strings.TrimSuffix(m.String(), " "+string(m.currency))
	if m.currency == CNY {
		if strings.HasPrefix(s, "-") {
			return "-¥" + s[1:]
		}
		return "¥" + s
	}
	return s
}

// MarshalText encodes m as [Money.String] does ("12.34 CNY"), so JSON and
// other text encodings carry the exact amount and its currency, never a
// float.
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText decodes "12.34 CNY" (or a bare "12.34", which leaves the
// currency empty). The amount must be a plain decimal as [ParseMoney]
// requires.
func (m *Money) UnmarshalText(b []byte) error {
	s := string(b)
	amount, cur, found := strings.Cut(s, " ")
	if found && (len(cur) != 3 || strings.ToUpper(cur) != cur) {
		return fmt.Errorf("%w: currency %q", ErrBadAmount, truncate(cur, 8))
	}
	v, err := ParseMoney(amount, Currency(cur))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
