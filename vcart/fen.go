package vcart

import (
	"fmt"
	"strconv"
	"strings"
)

// Fen is an amount of renminbi (CNY) in fen (分, 1/100 yuan), the unit of
// every amount on the platform's wire. It is the SDK's everyday money type:
// a price, a deposit, a refund, a fee. Arithmetic is Go's own (a+b, a-b,
// a*n, a<b) and cannot fail for a CNY amount; it never rounds because a fen
// amount has no fraction. [Fen.String] formats it as "¥39.90", so fmt
// prints it as a price.
//
// Convert at the seams in one step each:
//
//	vcart.Fen(o.Detail.PriceInfo.OrderPrice) // a wire field (int64 fen) → Fen
//	int64(f)                                 // Fen → a wire field
//	f.Money()                                // Fen → Money, for decimal arithmetic
//	m.Fen()                                  // Money → Fen, exact or ErrSubFen
//	m.RoundFen(vcart.HalfUp)                 // Money → Fen, rounded as named
//	f.String()                               // Fen → "¥39.90"
//	vcart.ParseFen("39.90")                  // "39.90" or "¥39.90" → Fen
//
// Use [Money] only where an amount is not a whole fen (a rate applied, a
// WeChat Pay bill's 0.001-fen fee) or not CNY (the international card's USD
// fee); its arithmetic checks the currency and so returns errors.
//
// Int64 overflow (beyond ¥9.2 × 10¹⁶) is the one impossible case Go's
// operators do not check; amounts the platform carries are far below it.
type Fen int64

// Yuan returns a whole number of yuan as fen: Yuan(20000) is ¥20,000.00.
func Yuan(y int64) Fen { return Fen(y) * 100 }

// String formats f with the yuan sign and two decimals: "¥39.90",
// "-¥0.05", "¥0.00". It has no thousands separators.
func (f Fen) String() string {
	u := uint64(f)
	var buf [32]byte // "-¥" and 20 digits fit: one allocation, the string
	b := buf[:0]
	if f < 0 {
		u = -u // two's complement: exact even for the most negative Fen
		b = append(b, '-')
	}
	b = append(b, "¥"...)
	b = strconv.AppendUint(b, u/100, 10)
	c := u % 100
	return string(append(b, '.', byte('0'+c/10), byte('0'+c%10)))
}

// Money returns f as CNY [Money], exactly.
func (f Fen) Money() Money { return FromFen(int64(f)) }

// ParseFen parses an amount of yuan such as "39.90", "39.9", "-0.05" or
// "100", optionally with the yuan sign after the minus ("¥39.90",
// "-¥0.05"), as [Fen.String] writes it. It accepts what [ParseMoney]
// accepts and fails with [ErrBadAmount] otherwise, with [ErrSubFen] for a
// fraction of a fen ("0.005") and with [ErrFenOverflow] beyond an int64. It
// never rounds.
func ParseFen(s string) (Fen, error) {
	t := s
	neg := strings.HasPrefix(t, "-")
	if neg {
		t = t[1:]
	}
	if rest, ok := strings.CutPrefix(t, "¥"); ok {
		if rest == "" || rest[0] == '-' || rest[0] == '+' {
			return 0, fmt.Errorf("%w: %q", ErrBadAmount, truncate(s, 32))
		}
		t = rest
	}
	if neg {
		if t != "" && (t[0] == '-' || t[0] == '+') {
			return 0, fmt.Errorf("%w: %q", ErrBadAmount, truncate(s, 32))
		}
		t = "-" + t
	}
	m, err := ParseMoney(t, CNY)
	if err != nil {
		return 0, fmt.Errorf("%w: %q", ErrBadAmount, truncate(s, 32))
	}
	return m.Fen()
}
