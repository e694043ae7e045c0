package fees

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// MarshalText encodes the rate as a percentage, as in "0.60%".
func (r Rate) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("%w: %d millionths", ErrBadRate, int64(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText decodes a percentage with [ParseRate].
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalText encodes the payer as "merchant" or "buyer".
func (p Payer) MarshalText() ([]byte, error) {
	if p != PayerMerchant && p != PayerBuyer {
		return nil, fmt.Errorf("fees: unknown payer %d", int(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText decodes "merchant" (商家) or "buyer" (买家).
func (p *Payer) UnmarshalText(b []byte) error {
	switch string(b) {
	case "merchant", "商家":
		*p = PayerMerchant
	case "buyer", "买家":
		*p = PayerBuyer
	default:
		return fmt.Errorf("fees: unknown payer %q", clip(string(b)))
	}
	return nil
}

// MarshalText encodes the settlement period as "T+1", "D+7" or "agreed".
func (s Settlement) MarshalText() ([]byte, error) {
	switch s.Basis {
	case TradeDays, NaturalDays:
		return []byte(s.String()), nil
	case Agreed:
		return []byte("agreed"), nil
	}
	return nil, fmt.Errorf("fees: unknown settlement basis %d", int(s.Basis))
}

// UnmarshalText decodes "T+n", "D+n" (0 ≤ n ≤ 365), "agreed" or
// "按约定周期".
func (s *Settlement) UnmarshalText(b []byte) error {
	t := string(b)
	if t == "agreed" || t == "按约定周期" {
		*s = Settlement{Basis: Agreed}
		return nil
	}
	if len(t) >= 3 && len(t) <= 5 && t[1] == '+' && (t[0] == 'T' || t[0] == 'D') {
		n, err := strconv.Atoi(t[2:])
		if err == nil && n >= 0 && n <= 365 && t[2] != '+' && t[2] != '-' {
			basis := TradeDays
			if t[0] == 'D' {
				basis = NaturalDays
			}
			*s = Settlement{Basis: basis, Days: n}
			return nil
		}
	}
	return fmt.Errorf("fees: settlement %q is not T+n, D+n or agreed", clip(t))
}

// ErrScheduleJSON reports a schedule document that is not valid JSON for a
// [Schedule] (unknown fields included).
var ErrScheduleJSON = errors.New("fees: bad schedule JSON")

// maxScheduleJSON bounds a schedule document.
const maxScheduleJSON = 1 << 20

// ParseScheduleJSON decodes a schedule from JSON, rejecting unknown fields
// and trailing data, then validates it; a caller loads its own rate table
// (the live platform's per-category rates, say) this way. Rates are
// percentages ("0.60%"), settlement periods "T+1", "D+7" or "agreed", payers
// "merchant" or "buyer", dates RFC 3339.
func ParseScheduleJSON(data []byte) (Schedule, error) {
	if len(data) > maxScheduleJSON {
		return Schedule{}, fmt.Errorf("%w: document larger than %d bytes", ErrScheduleJSON, maxScheduleJSON)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s Schedule
	if err := dec.Decode(&s); err != nil {
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if len(msg) > 200 {
			msg = msg[:200] + "…"
		}
		return Schedule{}, fmt.Errorf("%w: %s", ErrScheduleJSON, msg)
	}
	if dec.More() {
		return Schedule{}, fmt.Errorf("%w: trailing data", ErrScheduleJSON)
	}
	if err := s.Validate(); err != nil {
		return Schedule{}, err
	}
	return s, nil
}

// MarshalText encodes the status by name, as in "rounding-sensitive".
func (s RowStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalText encodes the line kind by name, as in "per_period".
func (k LineKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }
