package penalty

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/vcart-sdk/vcart-go/internal/textutil"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Events are what a caller stores, so they encode to and from JSON without
// loss: enums by name, instants in RFC 3339, amounts as exact text.

// MarshalJSON encodes the event; Compensation becomes text such as
// "259.00 CNY".
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	return json.Marshal(struct {
		plain
		Compensation string `json:"compensation,omitempty"`
	}{plain(e), moneyText(e.Compensation)})
}

// UnmarshalJSON decodes an event written by [Event.MarshalJSON]. Unknown
// names and malformed amounts are errors; the event is unchanged on error.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	var w struct {
		plain
		Compensation string `json:"compensation"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	m, err := parseMoneyText(w.Compensation)
	if err != nil {
		return err
	}
	*e = Event(w.plain)
	e.Compensation = m
	return nil
}

// MarshalJSON encodes the measure; Compensation becomes text such as
// "259.00 CNY".
func (m Measure) MarshalJSON() ([]byte, error) {
	type plain Measure
	return json.Marshal(struct {
		plain
		Compensation string `json:"compensation,omitempty"`
	}{plain(m), moneyText(m.Compensation)})
}

// UnmarshalJSON decodes a measure written by [Measure.MarshalJSON].
func (m *Measure) UnmarshalJSON(b []byte) error {
	type plain Measure
	var w struct {
		plain
		Compensation string `json:"compensation"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	c, err := parseMoneyText(w.Compensation)
	if err != nil {
		return err
	}
	*m = Measure(w.plain)
	m.Compensation = c
	return nil
}

// moneyText writes a compensation as "259.00 CNY", the text stored events
// have always carried, or "" for none.
func moneyText(f vcart.Fen) string {
	if f == 0 {
		return ""
	}
	return f.Money().String()
}

// parseMoneyText reads what moneyText writes. The currency is CNY (or
// absent) and the amount a whole number of fen.
func parseMoneyText(s string) (vcart.Fen, error) {
	if s == "" {
		return 0, nil
	}
	amount, cur, _ := strings.Cut(s, " ")
	if cur != "" && cur != string(vcart.CNY) {
		return 0, fmt.Errorf("%w: compensation currency %q is not CNY", ErrInvalidEvent, textutil.Truncate(cur, 8))
	}
	f, err := vcart.ParseFen(amount)
	if err != nil {
		return 0, fmt.Errorf("%w: compensation: %w", ErrInvalidEvent, err)
	}
	return f, nil
}

// MarshalText encodes the event kind by name, such as "appeal_filed".
func (k EventKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("%w: unknown event kind %d", ErrInvalidEvent, uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes an event kind by name.
func (k *EventKind) UnmarshalText(b []byte) error {
	for v := EventKind(1); v < numEventKinds; v++ {
		if string(b) == eventNames[v] {
			*k = v
			return nil
		}
	}
	return fmt.Errorf("%w: unknown event kind %q", ErrInvalidEvent, truncate(string(b), 32))
}

// MarshalText encodes the status by name, such as "appealing".
func (s Status) MarshalText() ([]byte, error) {
	if s >= numStatuses {
		return nil, fmt.Errorf("%w: unknown status %d", ErrInvalidEvent, uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a status by name.
func (s *Status) UnmarshalText(b []byte) error {
	for v := Status(0); v < numStatuses; v++ {
		if string(b) == statusNames[v] {
			*s = v
			return nil
		}
	}
	return fmt.Errorf("%w: unknown status %q", ErrInvalidEvent, truncate(string(b), 32))
}

// truncate shortens s to at most n bytes for an error message.
func truncate(s string, n int) string { return textutil.Truncate(s, n) }
