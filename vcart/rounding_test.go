package vcart

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRoundingMode_Text(t *testing.T) {
	t.Parallel()
	type wrap struct {
		Mode RoundingMode `json:"mode"`
	}
	for _, m := range []RoundingMode{HalfUp, HalfEven, Down, Up} {
		b, err := json.Marshal(wrap{m})
		if err != nil {
			t.Fatalf("Marshal(%s): %v", m, err)
		}
		var got wrap
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		if diff := cmp.Diff(wrap{m}, got); diff != "" {
			t.Errorf("round trip %s (-want +got):\n%s", b, diff)
		}
	}
	if _, err := json.Marshal(wrap{RoundingMode(9)}); err == nil {
		t.Error("Marshal(invalid mode) succeeded")
	}
	var r RoundingMode
	if err := r.UnmarshalText([]byte("bankers")); err == nil {
		t.Error(`UnmarshalText("bankers") succeeded`)
	}
}
