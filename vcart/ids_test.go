package vcart_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestID_JSON(t *testing.T) {
	t.Parallel()
	type holder struct {
		ID vcart.ID `json:"order_id"`
	}
	for _, tc := range []struct {
		in, want string
		wantErr  bool
	}{
		{`{"order_id":"3705115058471208928"}`, "3705115058471208928", false},
		{`{"order_id":3705115058471208928}`, "3705115058471208928", false}, // above 2^53, digit for digit
		{`{"order_id":18446744073709551616}`, "18446744073709551616", false},
		{`{"order_id":null}`, "", false},
		{`{"order_id":-1}`, "-1", false},
		{`{"order_id":""}`, "", false},
		{`{"order_id":1.5}`, "", true},
		{`{"order_id":1e3}`, "", true},
		{`{"order_id":true}`, "", true},
		{`{"order_id":{"secret":"o_buyer"}}`, "", true},
		{`{"order_id":["1"]}`, "", true},
	} {
		var h holder
		err := json.Unmarshal([]byte(tc.in), &h)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: err = %v, want error %v", tc.in, err, tc.wantErr)
			continue
		}
		if err != nil {
			var te *json.UnmarshalTypeError
			if !errors.As(err, &te) || te.Field != "order_id" {
				t.Errorf("%s: error %v does not name the field", tc.in, err)
			}
			if strings.Contains(err.Error(), "o_buyer") {
				t.Errorf("%s: error quotes the value: %v", tc.in, err)
			}
			continue
		}
		if h.ID != vcart.ID(tc.want) {
			t.Errorf("%s: ID = %q, want %q", tc.in, h.ID, tc.want)
		}
	}
	b, err := json.Marshal(holder{ID: "3705115058471208928"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"order_id":"3705115058471208928"}`, string(b)); diff != "" {
		t.Errorf("encoding (-want +got):\n%s", diff)
	}
	var h holder
	if err := json.Unmarshal([]byte(`{"order_id":-}`), &h); err == nil {
		t.Error("a bare minus decoded")
	}
	// The kinds of id are the same type: no conversion between them.
	o := vcart.ID("1")
	if got := func(id vcart.OrderID) string { return id.String() }(o); got != "1" {
		t.Error("OrderID is not ID")
	}
}

func FuzzID_UnmarshalJSON(f *testing.F) {
	for _, s := range []string{`"1"`, `1`, `null`, `-5`, `1.5`, `{}`, `"\u00e9"`, ``} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var id vcart.ID
		if err := id.UnmarshalJSON(b); err != nil {
			return
		}
		// Whatever decodes re-encodes as a JSON string that decodes to the
		// same id.
		enc, err := json.Marshal(id)
		if err != nil {
			t.Fatal(err)
		}
		var back vcart.ID
		if err := json.Unmarshal(enc, &back); err != nil || back != id {
			t.Fatalf("%q → %s → %q, %v", id, enc, back, err)
		}
	})
}
