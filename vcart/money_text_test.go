package vcart

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestMoney_JSON(t *testing.T) {
	t.Parallel()
	type doc struct {
		Price Money `json:"price"`
	}
	tests := []struct {
		name string
		in   Money
		want string
	}{
		{"fen", FromFen(1234), `{"price":"12.34 CNY"}`},
		{"negative", FromFen(-5), `{"price":"-0.05 CNY"}`},
		{"sub-fen kept", NewMoney(decimal.RequireFromString("0.045"), CNY), `{"price":"0.045 CNY"}`},
		{"usd", NewMoney(decimal.RequireFromString("0.3"), USD), `{"price":"0.30 USD"}`},
		{"no currency", Money{}, `{"price":"0.00"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(doc{tt.in})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(b)); diff != "" {
				t.Errorf("Marshal (-want +got):\n%s", diff)
			}
			var got doc
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if !got.Price.Equal(tt.in) {
				t.Errorf("round trip = %v, want %v", got.Price, tt.in)
			}
		})
	}
	for _, bad := range []string{`"12.34 cny"`, `"12,34 CNY"`, `"1e3 CNY"`, `" 12.34 CNY"`, `"12.34 CNY "`, `"12.34 RMB X"`} {
		var m Money
		if err := json.Unmarshal([]byte(bad), &m); !errors.Is(err, ErrBadAmount) {
			t.Errorf("Unmarshal(%s) error = %v, want ErrBadAmount", bad, err)
		}
	}
}
