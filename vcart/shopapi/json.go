package shopapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// ID is a platform identifier: the SDK's one id type, [vcart.ID] (the
// client, the push events and the pure packages share it). It decodes a
// JSON number or string without loss and encodes as a JSON string.
type ID = vcart.ID

// Int64 is an integer that decodes from a JSON number or a JSON string
// holding one (the category detail's deposit is sent as "500000"). It
// encodes as a JSON number.
type Int64 int64

// UnmarshalJSON accepts a JSON number, a JSON string holding an integer, an
// empty string or null (both zero).
func (n *Int64) UnmarshalJSON(b []byte) error {
	s, err := flexString(b)
	if err != nil {
		return fmt.Errorf("shopapi: Int64: %w", err)
	}
	if s == "" {
		*n = 0
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("shopapi: Int64: %w", err)
	}
	*n = Int64(v)
	return nil
}

// Bool is a boolean that decodes from true/false, 0/1 or "0"/"1" (the
// platform sends listing as 1 in one sample and true in another).
type Bool bool

// UnmarshalJSON accepts true, false, null, a number or a string.
func (v *Bool) UnmarshalJSON(b []byte) error {
	switch s := string(bytes.TrimSpace(b)); s {
	case "true", `"true"`, "1", `"1"`:
		*v = true
		return nil
	case "false", `"false"`, "0", `"0"`, "null", `""`:
		*v = false
		return nil
	}
	return fmt.Errorf("shopapi: Bool: unexpected %.20q", b)
}

// AddressReview is address_under_review of an order's delivery_info, which
// official sources spell two ways: a bool (the field table: is a change of
// address under review) or an address object (peers: the address the buyer
// asked for). It decodes both: UnderReview is true for true, 1 or an
// object, and the embedded AddressInfo holds the object's address. It
// encodes as the address when there is one, else as the bool.
type AddressReview struct {
	UnderReview bool `json:"-"`
	*AddressInfo
}

// UnmarshalJSON accepts a bool (or 0/1, "true"/"false", null) or an
// address object.
func (r *AddressReview) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var a AddressInfo
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		*r = AddressReview{UnderReview: true, AddressInfo: &a}
		return nil
	}
	var v Bool
	if err := v.UnmarshalJSON(b); err != nil {
		return err
	}
	*r = AddressReview{UnderReview: bool(v)}
	return nil
}

// MarshalJSON encodes the address when there is one, else the bool.
func (r AddressReview) MarshalJSON() ([]byte, error) {
	if r.AddressInfo != nil {
		return json.Marshal(r.AddressInfo)
	}
	return json.Marshal(r.UnderReview)
}

// Pending reports whether an address change waits for review (false for
// a nil review).
func (r *AddressReview) Pending() bool { return r != nil && r.UnderReview }

var errNotScalar = errors.New("want a JSON string or integer")

// flexString returns the text of a JSON string or integer literal.
func flexString(b []byte) (string, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "", errNotScalar
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", err
		}
		return s, nil
	case 'n':
		if string(b) == "null" {
			return "", nil
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		for _, c := range b[1:] {
			if c < '0' || c > '9' {
				return "", errNotScalar
			}
		}
		return string(b), nil
	}
	return "", errNotScalar
}

// Extra holds the JSON fields of an object that the SDK's struct does not
// declare, keyed by name, so fields the platform adds are retained rather
// than lost; they are written back when the struct is encoded.
type Extra map[string]json.RawMessage

var knownFieldsCache sync.Map // reflect.Type -> map[string]bool

func knownFields(t reflect.Type) map[string]bool {
	if m, ok := knownFieldsCache.Load(t); ok {
		return m.(map[string]bool)
	}
	m := make(map[string]bool)
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		m[name] = true
	}
	knownFieldsCache.Store(t, m)
	return m
}

// unmarshalWithExtra decodes b into v (a pointer to a struct without custom
// methods) and returns the fields v does not declare.
func unmarshalWithExtra(b []byte, v any) (Extra, error) {
	if err := json.Unmarshal(b, v); err != nil {
		return nil, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	known := knownFields(reflect.TypeOf(v).Elem())
	var extra Extra
	for k, raw := range all {
		if known[k] {
			continue
		}
		if extra == nil {
			extra = make(Extra)
		}
		extra[k] = raw
	}
	return extra, nil
}

// marshalWithExtra encodes v (a struct without custom methods) and adds the
// extra fields that v does not declare.
func marshalWithExtra(v any, extra Extra) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	for k, raw := range extra {
		if _, ok := all[k]; !ok {
			all[k] = raw
		}
	}
	return json.Marshal(all)
}
