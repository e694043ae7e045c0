package notify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

// FlexString is a string field that the platform sends either as a JSON
// string or as a JSON number (order_id, product_id, status …, see
// channels-api §8). Numbers are kept digit for digit, so 64-bit IDs above
// 2^53 survive. It marshals as a JSON string.
type FlexString string

// UnmarshalJSON accepts a string, a number or null (which leaves "").
func (f *FlexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return fmt.Errorf("notify: empty JSON value for FlexString")
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = FlexString(s)
	case string(b) == "null":
		*f = ""
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		*f = FlexString(n)
	default:
		return flexTypeError(b, reflect.TypeFor[FlexString]())
	}
	return nil
}

// flexTypeError reports a JSON value of the wrong kind as a
// *json.UnmarshalTypeError, which encoding/json completes with the field
// path; it names the kind only, never the value (the plaintext may carry
// personal data).
func flexTypeError(b []byte, t reflect.Type) error {
	kind := "value"
	if len(b) > 0 {
		switch b[0] {
		case '{':
			kind = "object"
		case '[':
			kind = "array"
		case '"':
			kind = "string"
		case 't', 'f':
			kind = "bool"
		default:
			kind = "number"
		}
	}
	return &json.UnmarshalTypeError{Value: kind, Type: t}
}

// String returns the value.
func (f FlexString) String() string { return string(f) }

// FlexInt is an integer field that the platform sends either as a JSON number
// or as a JSON string of digits (cancel_type, pay_time, status …). An empty
// string or null decodes to 0. It marshals as a JSON number.
type FlexInt int64

// UnmarshalJSON accepts an integer number, a string holding one, "" or null.
func (f *FlexInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	raw := b
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		b = []byte(s)
	}
	if len(b) == 0 || string(b) == "null" {
		*f = 0
		return nil
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return flexTypeError(raw, reflect.TypeFor[FlexInt]())
	}
	*f = FlexInt(n)
	return nil
}

// Int64 returns the value as an int64.
func (f FlexInt) Int64() int64 { return int64(f) }
