package kpi

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestRatio_Percent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		num, den   int64
		places     int32
		mode       vcart.RoundingMode
		want       string
		wantDefine bool
	}{
		{"third half-up", 1, 3, 2, vcart.HalfUp, "33.33", true},
		{"two thirds half-up", 2, 3, 2, vcart.HalfUp, "66.67", true},
		{"two thirds down", 2, 3, 2, vcart.Down, "66.66", true},
		{"third up", 1, 3, 2, vcart.Up, "33.34", true},
		{"exact", 1, 8, 1, vcart.HalfUp, "12.5", true},
		{"tie half-up", 1, 16, 1, vcart.HalfUp, "6.3", true},
		{"tie half-even down", 1, 16, 1, vcart.HalfEven, "6.2", true},
		{"tie half-even up", 3, 16, 1, vcart.HalfEven, "18.8", true},
		{"negative tie half-up", -1, 16, 1, vcart.HalfUp, "-6.3", true},
		{"negative tie half-even", -1, 16, 1, vcart.HalfEven, "-6.2", true},
		{"negative down", -1, 16, 1, vcart.Down, "-6.2", true},
		{"negative up", -1, 16, 1, vcart.Up, "-6.3", true},
		{"negative denominator", 1, -3, 2, vcart.HalfUp, "-33.33", true},
		{"zero numerator", 0, 5, 2, vcart.HalfUp, "0", true},
		{"over 100%", 3, 2, 2, vcart.HalfUp, "150", true},
		{"zero places", 2, 3, 0, vcart.HalfUp, "67", true},
		{"undefined", 5, 0, 2, vcart.HalfUp, "", false},
		{"undefined zero", 0, 0, 2, vcart.HalfUp, "", false},
		{"large", 9_000_000_000_000_000_000 / 10, 3, 2, vcart.HalfUp, "30000000000000000000", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := NewRatio(tt.num, tt.den)
			got, ok := r.Percent(tt.places, tt.mode)
			if ok != tt.wantDefine || ok != r.Defined() {
				t.Fatalf("Percent() ok = %v, Defined() = %v, want %v", ok, r.Defined(), tt.wantDefine)
			}
			if !ok {
				return
			}
			if !got.Equal(decimal.RequireFromString(tt.want)) {
				t.Errorf("Percent(%d/%d, %d, %s) = %s, want %s", tt.num, tt.den, tt.places, tt.mode, got.StringFixed(tt.places), tt.want)
			}
			// Decimal is Percent shifted by two places.
			d, _ := r.Decimal(tt.places+2, tt.mode)
			if !d.Shift(2).Equal(got) {
				t.Errorf("Decimal() = %s, want Percent()/100", d.StringFixed(tt.places+2))
			}
		})
	}
}

func TestRatio_String(t *testing.T) {
	t.Parallel()
	got := []string{NewRatio(1, 3).String(), NewRatio(0, 0).String(), NewRatio(7, 0).String(), Ratio{}.String()}
	want := []string{"33.33% (1/3)", "undefined (0/0)", "undefined (7/0)", "undefined (0/0)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("String() mismatch (-want +got):\n%s", diff)
	}
}

func TestRatio_JSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		r    Ratio
		want string
	}{
		{NewRatio(1, 3), `{"num":1,"den":3,"percent":"33.33"}`},
		{NewRatio(4, 0), `{"num":4,"den":0,"percent":null}`},
		{NewRatio(0, 9), `{"num":0,"den":9,"percent":"0.00"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.r)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, string(b)); diff != "" {
			t.Errorf("Marshal(%v) mismatch (-want +got):\n%s", tt.r, diff)
		}
		var back Ratio
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.r, back); diff != "" {
			t.Errorf("round trip mismatch (-want +got):\n%s", diff)
		}
	}
}

func TestAverage_Money(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a    Average
		mode vcart.RoundingMode
		want string // yuan; empty for undefined
	}{
		{"aov", Average{TotalFen: 47500, Count: 3}, vcart.HalfUp, "158.33"},
		{"aov up", Average{TotalFen: 47500, Count: 3}, vcart.Up, "158.34"},
		{"half fen half-up", Average{TotalFen: 1, Count: 2}, vcart.HalfUp, "0.01"},
		{"half fen half-even", Average{TotalFen: 1, Count: 2}, vcart.HalfEven, "0.00"},
		{"one and a half fen half-even", Average{TotalFen: 3, Count: 2}, vcart.HalfEven, "0.02"},
		{"half fen down", Average{TotalFen: 1, Count: 2}, vcart.Down, "0.00"},
		{"gpm", Average{TotalFen: 47500, Count: 5000, Scale: 1000}, vcart.HalfUp, "95.00"},
		{"gpm rounding", Average{TotalFen: 47500, Count: 1800, Scale: 1000}, vcart.HalfUp, "263.89"},
		{"scale zero means one", Average{TotalFen: 100, Count: 1, Scale: 0}, vcart.HalfUp, "1.00"},
		{"undefined", Average{TotalFen: 47500}, vcart.HalfUp, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := tt.a.Money(tt.mode)
			if ok != (tt.want != "") || ok != tt.a.Defined() {
				t.Fatalf("Money() ok = %v, want %v", ok, tt.want != "")
			}
			if !ok {
				return
			}
			want := vcart.NewMoney(decimal.RequireFromString(tt.want), vcart.CNY)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Money() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAverage_JSONAndString(t *testing.T) {
	t.Parallel()
	got := []string{}
	for _, a := range []Average{{TotalFen: 47500, Count: 3}, {TotalFen: 120, Count: 100, Scale: 1000}, {TotalFen: 5}} {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b), a.String())
		var back Average
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.scale() != a.scale() || back.TotalFen != a.TotalFen || back.Count != a.Count {
			t.Errorf("round trip %+v -> %+v", a, back)
		}
	}
	want := []string{
		`{"total_fen":47500,"count":3,"yuan":"158.33"}`, "¥158.33 (¥475.00 / 3)",
		`{"total_fen":120,"count":100,"scale":1000,"yuan":"12.00"}`, "¥12.00 (¥1.20 × 1000 / 100)",
		`{"total_fen":5,"count":0,"yuan":null}`, "undefined (¥0.05 / 0)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// refRound is a reference rounding of num/den to places with mode, on
// big.Rat, written independently of quo.
func refRound(num, den int64, places int32, mode vcart.RoundingMode) *big.Rat {
	exact := new(big.Rat).SetFrac(big.NewInt(num), big.NewInt(den))
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	scaled := new(big.Rat).Mul(exact, new(big.Rat).SetInt(scale))
	// floor and ceil of scaled
	fl := new(big.Int).Div(scaled.Num(), scaled.Denom()) // Euclidean: floor for positive denominators
	ce := new(big.Int).Set(fl)
	if !scaled.IsInt() {
		ce.Add(ce, big.NewInt(1))
	}
	pick := fl
	neg := scaled.Sign() < 0
	switch mode {
	case vcart.Down:
		if neg {
			pick = ce
		}
	case vcart.Up:
		if !neg {
			pick = ce
		}
	default:
		// distance to floor versus ceil
		dfl := new(big.Rat).Sub(scaled, new(big.Rat).SetInt(fl))
		dce := new(big.Rat).Sub(new(big.Rat).SetInt(ce), scaled)
		switch c := dfl.Cmp(dce); {
		case c < 0:
			pick = fl
		case c > 0:
			pick = ce
		case mode == vcart.HalfEven:
			if fl.Bit(0) == 0 {
				pick = fl
			} else {
				pick = ce
			}
		default: // half away from zero
			if neg {
				pick = fl
			} else {
				pick = ce
			}
		}
	}
	return new(big.Rat).SetFrac(pick, scale)
}

func FuzzRatioDecimal(f *testing.F) {
	f.Add(int64(1), int64(3), uint8(2), uint8(0))
	f.Add(int64(-1), int64(16), uint8(1), uint8(1))
	f.Add(int64(5), int64(0), uint8(2), uint8(2))
	f.Add(int64(-9223372036854775808), int64(-1), uint8(0), uint8(3))
	f.Add(int64(9223372036854775807), int64(7), uint8(6), uint8(0))
	f.Fuzz(func(t *testing.T, num, den int64, places, mode uint8) {
		p := int32(places % 12)
		m := vcart.RoundingMode(mode % 4)
		got, ok := NewRatio(num, den).Decimal(p, m)
		if den == 0 {
			if ok {
				t.Fatal("defined with a zero denominator")
			}
			return
		}
		want := refRound(num, den, p, m)
		if got.Rat().Cmp(want) != 0 {
			t.Fatalf("Decimal(%d/%d, %d, %s) = %s, want %s", num, den, p, m, got.StringFixed(p), want.FloatString(int(p)))
		}
	})
}

func FuzzRatioUnmarshalJSON(f *testing.F) {
	f.Add([]byte(`{"num":1,"den":3,"percent":"33.33"}`))
	f.Add([]byte(`{"total_fen":47500,"count":3,"scale":1000,"yuan":"158.33"}`))
	f.Add([]byte(`{"num":4,"den":0,"percent":null}`))
	f.Add([]byte(`{"num":"x"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1024 {
			return
		}
		var r Ratio
		if err := json.Unmarshal(b, &r); err != nil {
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", r, err)
		}
		var back Ratio
		if err := json.Unmarshal(out, &back); err != nil || back != r {
			t.Fatalf("round trip %+v -> %s -> %+v, %v", r, out, back, err)
		}
		// The same bytes as an Average.
		var a Average
		if err := json.Unmarshal(b, &a); err != nil {
			return
		}
		out, err = json.Marshal(a)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", a, err)
		}
		var backA Average
		if err := json.Unmarshal(out, &backA); err != nil || backA.scale() != a.scale() || backA.TotalFen != a.TotalFen || backA.Count != a.Count {
			t.Fatalf("round trip %+v -> %s -> %+v, %v", a, out, backA, err)
		}
	})
}

func BenchmarkRatio_Percent(b *testing.B) {
	b.ReportAllocs()
	r := NewRatio(410, 12800)
	for b.Loop() {
		if _, ok := r.Percent(2, vcart.HalfUp); !ok {
			b.Fatal("undefined")
		}
	}
}
