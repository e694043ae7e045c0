package shopapi

import (
	"encoding/json"
	"testing"
)

func TestNumericID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   NumericID
		want string
		ok   bool
	}{
		{"3725070873495735296", "3725070873495735296", true}, // above 2^53: written exactly
		{"", "0", true},
		{"12a", "", false},
		{"-1", "", false},
	} {
		b, err := json.Marshal(struct {
			ID NumericID `json:"ec_order_id"`
		}{tc.in})
		if (err == nil) != tc.ok {
			t.Errorf("marshal %q: err = %v", tc.in, err)
			continue
		}
		if tc.ok && string(b) != `{"ec_order_id":`+tc.want+`}` {
			t.Errorf("marshal %q = %s", tc.in, b)
		}
	}
	for _, in := range []string{`3725070873495735296`, `"3725070873495735296"`} {
		var n NumericID
		if err := json.Unmarshal([]byte(in), &n); err != nil || n != "3725070873495735296" {
			t.Errorf("unmarshal %s = %q, %v", in, n, err)
		}
	}
	var n NumericID
	if err := json.Unmarshal([]byte(`1.5`), &n); err == nil {
		t.Error("unmarshal 1.5 accepted")
	}
}
