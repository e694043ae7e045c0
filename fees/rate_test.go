package fees

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestParseRate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Rate
		wantErr bool
		str     string
	}{
		{in: "0.60%", want: 6000, str: "0.60%"},
		{in: "0.6%", want: 6000, str: "0.60%"},
		{in: "1.20%", want: 12000, str: "1.20%"},
		{in: "39.00%", want: 390000, str: "39.00%"},
		{in: "0.385%", want: 3850, str: "0.385%"},
		{in: "0.0001%", want: 1, str: "0.0001%"},
		{in: "100%", want: MaxRate, str: "100.00%"},
		{in: "0%", want: 0, str: "0.00%"},
		{in: "0.600000%", want: 6000, str: "0.60%"},
		{in: "0.00001%", wantErr: true},
		{in: "100.01%", wantErr: true},
		{in: "-0.6%", wantErr: true},
		{in: "0.6", wantErr: true},
		{in: "%", wantErr: true},
		{in: "", wantErr: true},
		{in: "abc%", wantErr: true},
		{in: "0.6 %", wantErr: true},
		{in: ".6%", wantErr: true},
		{in: "6.%", wantErr: true},
		{in: "0,6%", wantErr: true},
		{in: "１%", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseRate(tt.in)
			if tt.wantErr {
				if !errors.Is(err, ErrBadRate) {
					t.Fatalf("ParseRate(%q) error = %v, want ErrBadRate", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseRate(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseRate(%q) = %d, want %d", tt.in, got, tt.want)
			}
			if s := got.String(); s != tt.str {
				t.Errorf("String() = %q, want %q", s, tt.str)
			}
			if !got.Decimal().Equal(decimal.RequireFromString(tt.in[:len(tt.in)-1]).Shift(-2)) {
				t.Errorf("Decimal() = %s", got.Decimal())
			}
		})
	}
}

// TestFeeFenPublishedEvidence replays the bill rows and thresholds of the
// reference notes (pay-fees.md §2.2).
func TestFeeFenPublishedEvidence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		amount int64
		rate   string
		mode   vcart.RoundingMode
		want   int64
		tie    bool
	}{
		{name: "6.00 at 0.60% → 0.04 (rounds up, not truncation)", amount: 600, rate: "0.60%", want: 4},
		{name: "0.03 at 39% → 0.01", amount: 3, rate: "39.00%", want: 1},
		{name: "0.01 at 39% → 0.00 (not ceiling)", amount: 1, rate: "39.00%", want: 0},
		{name: "0.01 at 1% → 0.00", amount: 1, rate: "1.00%", want: 0},
		{name: "6.90 at 0.6% → 0.04", amount: 690, rate: "0.60%", want: 4},
		{name: "0.83 at 0.6% → 0 (largest zero fee)", amount: 83, rate: "0.60%", want: 0},
		{name: "0.84 at 0.6% → 0.01", amount: 84, rate: "0.60%", want: 1},
		{name: "2.49 at 0.2% → 0", amount: 249, rate: "0.20%", want: 0},
		{name: "1.31 at 0.38% → 0", amount: 131, rate: "0.38%", want: 0},
		{name: "0.41 at 1.2% → 0", amount: 41, rate: "1.20%", want: 0},
		{name: "0.49 at 1% → 0", amount: 49, rate: "1.00%", want: 0},
		// Exact half-fen ties.
		{name: "7.50 at 0.6% half-up → 0.05", amount: 750, rate: "0.60%", want: 5, tie: true},
		{name: "7.50 at 0.6% half-even → 0.04", amount: 750, rate: "0.60%", mode: vcart.HalfEven, want: 4, tie: true},
		{name: "2.50 at 0.6% half-up → 0.02", amount: 250, rate: "0.60%", want: 2, tie: true},
		{name: "2.50 at 0.6% half-even → 0.02", amount: 250, rate: "0.60%", mode: vcart.HalfEven, want: 2, tie: true},
		{name: "0.50 at 1% half-up → 0.01", amount: 50, rate: "1.00%", want: 1, tie: true},
		{name: "0.50 at 1% half-even → 0", amount: 50, rate: "1.00%", mode: vcart.HalfEven, want: 0, tie: true},
		{name: "25.00 at 0.38% tie", amount: 2500, rate: "0.38%", want: 10, tie: true},
		{name: "3.75 at 1.2% half-even → 0.04", amount: 375, rate: "1.20%", mode: vcart.HalfEven, want: 4, tie: true},
		{name: "12.50 at 0.2% half-even → 0.02", amount: 1250, rate: "0.20%", mode: vcart.HalfEven, want: 2, tie: true},
		{name: "down 0.84 at 0.6%", amount: 84, rate: "0.60%", mode: vcart.Down, want: 0},
		{name: "up 0.01 at 0.6%", amount: 1, rate: "0.60%", mode: vcart.Up, want: 1},
		{name: "up exact", amount: 1000, rate: "0.60%", mode: vcart.Up, want: 6},
		{name: "zero amount", amount: 0, rate: "0.60%", want: 0},
		{name: "largest int64", amount: 1<<63 - 1, rate: "100%", want: 1<<63 - 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rate, err := ParseRate(tt.rate)
			if err != nil {
				t.Fatal(err)
			}
			got, tie := rate.FeeFen(tt.amount, tt.mode)
			if got != tt.want || tie != tt.tie {
				t.Errorf("FeeFen(%d, %s, %s) = %d, tie %t; want %d, tie %t", tt.amount, tt.rate, tt.mode, got, tie, tt.want, tt.tie)
			}
		})
	}
}

// TestFeeFenAgreesWithDecimal is a property test: the integer computation
// agrees with shopspring/decimal in every rounding mode.
func TestFeeFenAgreesWithDecimal(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	modes := []vcart.RoundingMode{vcart.HalfUp, vcart.HalfEven, vcart.Down, vcart.Up}
	for i := range n {
		amount := rng.Int64N(10_000_000_00)
		if i%4 == 0 {
			amount = rng.Int64N(5000)
		}
		rate := Rate(rng.Int64N(int64(MaxRate) + 1))
		if i%3 == 0 {
			rate = BasisPoints(rng.Int64N(200))
		}
		for _, mode := range modes {
			got, tie := rate.FeeFen(amount, mode)
			exact := decimal.New(amount, 0).Mul(rate.Decimal())
			want := mode.Round(exact, 0).IntPart()
			wantTie := exact.Sub(exact.Truncate(0)).Equal(decimal.New(5, -1))
			if got != want || tie != wantTie {
				t.Fatalf("FeeFen(%d, %s, %s) = %d tie %t; decimal says %d tie %t", amount, rate, mode, got, tie, want, wantTie)
			}
		}
	}
}

func TestFeeFenInvalid(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		amount int64
		rate   Rate
	}{{-1, 6000}, {100, -1}, {100, MaxRate + 1}} {
		if got, tie := c.rate.FeeFen(c.amount, vcart.HalfUp); got != 0 || tie {
			t.Errorf("FeeFen(%d, %d) = %d, %t; want 0, false", c.amount, c.rate, got, tie)
		}
	}
}

func TestParseFixed(t *testing.T) {
	t.Parallel()
	type res struct {
		V  int64
		OK bool
	}
	tests := []struct {
		in     string
		places int
		want   res
	}{
		{"0.04000", 5, res{4000, true}},
		{"0.04", 5, res{4000, true}},
		{"45.0", 0, res{45, true}},
		{"0.0", 2, res{0, true}},
		{"-0.01", 2, res{-1, true}},
		{"+1", 2, res{100, true}},
		{"12.345", 2, res{0, false}},
		{"12.340", 2, res{1234, true}},
		{"", 2, res{0, false}},
		{".5", 2, res{0, false}},
		{"5.", 2, res{0, false}},
		{"-", 2, res{0, false}},
		{"1e3", 2, res{0, false}},
		{"1.2.3", 2, res{0, false}},
		{"99999999999999999999", 2, res{0, false}},
	}
	for _, tt := range tests {
		v, ok := parseFixed(tt.in, tt.places)
		if diff := cmp.Diff(tt.want, res{v, ok}); diff != "" {
			t.Errorf("parseFixed(%q, %d) (-want +got):\n%s", tt.in, tt.places, diff)
		}
	}
}
