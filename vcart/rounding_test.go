package vcart

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestRoundingMode_Round(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		mode RoundingMode
		want string
	}{
		{"0.045", HalfUp, "0.05"},
		{"-0.045", HalfUp, "-0.05"},
		{"0.045", HalfEven, "0.04"},
		{"0.055", HalfEven, "0.06"},
		{"0.049", Down, "0.04"},
		{"-0.049", Down, "-0.04"},
		{"0.041", Up, "0.05"},
		{"-0.041", Up, "-0.05"},
		{"0.0498", HalfUp, "0.05"},
		{"0.00498", HalfUp, "0"},
	}
	for _, tt := range tests {
		got := tt.mode.Round(decimal.RequireFromString(tt.in), 2)
		if !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("%s.Round(%s) = %s, want %s", tt.mode, tt.in, got.StringFixed(3), tt.want)
		}
	}
}

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
