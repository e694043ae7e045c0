package vcart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// ID is a platform identifier: product_id, sku_id, order_id,
// after_sale_order_id, audit_id, coupon_id, address_id … It is the one
// identifier type of the SDK: the shop API client (shopapi.ID is this
// type), the push events of vcart/notify and the pure packages all use it.
//
// The platform's ids are 64-bit numbers that exceed JavaScript's and
// float64's 2^53, and the same field is sent as a JSON number in one answer
// and a JSON string in another: ID decodes both without loss (digit for
// digit) and null as "", and encodes as a JSON string, which the platform
// requires in requests (a number there can be answered errcode 47001). The
// few request fields the platform wants as exact JSON numbers use
// shopapi.NumericID.
type ID string

// The kinds of id the pure packages name. They are the same type as [ID]
// (aliases), so an id decoded by the client is passed on without
// conversion; the names document which id a field holds.
type (
	// ProductID is a product_id (SPU).
	ProductID = ID
	// SKUID is a sku_id.
	SKUID = ID
	// OrderID is an order_id.
	OrderID = ID
	// AftersaleID is an after_sale_order_id.
	AftersaleID = ID
)

// Identifiers that are never numbers on the wire.
type (
	// AppID is a store's or a service provider's appid (e.g. "wx…").
	AppID string
	// MerchantID is a WeChat Pay merchant number (商户号, mchid).
	MerchantID string
)

// UnmarshalJSON accepts a JSON string, a JSON integer or null. Another
// value is a *json.UnmarshalTypeError (encoding/json adds the field's
// path) naming the kind of value, never the value: a push's plaintext may
// carry personal data.
func (id *ID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return idKindError(b)
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("vcart: ID: %w", err)
		}
		*id = ID(s)
		return nil
	case 'n':
		if string(b) == "null" {
			*id = ""
			return nil
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		digits := b
		if b[0] == '-' {
			digits = b[1:]
		}
		ok := len(digits) > 0
		for _, c := range digits {
			if c < '0' || c > '9' {
				ok = false
				break
			}
		}
		if ok {
			*id = ID(b)
			return nil
		}
	}
	return idKindError(b)
}

// idKindError reports a JSON value of the wrong kind for an ID.
func idKindError(b []byte) error {
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
	return &json.UnmarshalTypeError{Value: kind, Type: reflect.TypeFor[ID]()}
}

// String returns the id.
func (id ID) String() string { return string(id) }
