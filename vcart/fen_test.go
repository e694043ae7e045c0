package vcart

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFen_String(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fen  Fen
		want string
	}{
		{0, "¥0.00"},
		{5, "¥0.05"},
		{-5, "-¥0.05"},
		{3990, "¥39.90"},
		{-100, "-¥1.00"},
		{Yuan(20000), "¥20000.00"},
		{1<<63 - 1, "¥92233720368547758.07"},
		{-1 << 63, "-¥92233720368547758.08"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.fen.String()); diff != "" {
			t.Errorf("Fen(%d).String() mismatch (-want +got):\n%s", int64(tt.fen), diff)
		}
		// String agrees with Money.Format for every whole-fen amount.
		if got := tt.fen.Money().Format(); got != tt.want {
			t.Errorf("Fen(%d).Money().Format() = %q, want %q", int64(tt.fen), got, tt.want)
		}
	}
}

func TestParseFen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Fen
		wantErr error
	}{
		{"39.90", 3990, nil},
		{"39.9", 3990, nil},
		{"39.900", 3990, nil},
		{"100", 10000, nil},
		{"-0.05", -5, nil},
		{"¥39.90", 3990, nil},
		{"-¥0.05", -5, nil},
		{"+1", 100, nil},
		{"92233720368547758.07", 1<<63 - 1, nil},
		{"-92233720368547758.08", -1 << 63, nil},
		{"92233720368547758.08", 0, ErrFenOverflow},
		{"0.005", 0, ErrSubFen},
		{"", 0, ErrBadAmount},
		{"¥", 0, ErrBadAmount},
		{"¥-5", 0, ErrBadAmount},
		{"--5", 0, ErrBadAmount},
		{"-+5", 0, ErrBadAmount},
		{"-¥-5", 0, ErrBadAmount},
		{"39,90", 0, ErrBadAmount},
		{" 39.90", 0, ErrBadAmount},
		{"1e3", 0, ErrBadAmount},
		{"CNY 1", 0, ErrBadAmount},
	}
	for _, tt := range tests {
		got, err := ParseFen(tt.in)
		if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
			t.Errorf("ParseFen(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseFen(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestFen_RoundTrip checks ParseFen(f.String()) == f and the Money seam.
func TestFen_RoundTrip(t *testing.T) {
	t.Parallel()
	for _, f := range []Fen{0, 1, -1, 99, 100, 3990, -123456789, 1<<63 - 1, -1 << 63} {
		got, err := ParseFen(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFen(%q) = %d, %v; want %d", f.String(), int64(got), err, int64(f))
		}
		back, err := f.Money().Fen()
		if err != nil || back != f {
			t.Errorf("Fen(%d).Money().Fen() = %d, %v", int64(f), int64(back), err)
		}
		if !f.Money().Equal(FromFen(int64(f))) {
			t.Errorf("Fen(%d).Money() != FromFen", int64(f))
		}
	}
}

func TestMoney_RoundFen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		mode    RoundingMode
		want    Fen
		wantErr error
	}{
		{"0.045", HalfUp, 5, nil},
		{"0.045", HalfEven, 4, nil},
		{"-0.045", HalfUp, -5, nil},
		{"0.049", Down, 4, nil},
		{"0.041", Up, 5, nil},
		{"12.34", HalfUp, 1234, nil},
		{"92233720368547758.075", HalfUp, 0, ErrFenOverflow},
	}
	for _, tt := range tests {
		m, err := ParseMoney(tt.in, CNY)
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.RoundFen(tt.mode)
		if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
			t.Errorf("RoundFen(%s, %s) error = %v, want %v", tt.in, tt.mode, err, tt.wantErr)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("RoundFen(%s, %s) mismatch (-want +got):\n%s", tt.in, tt.mode, diff)
		}
	}
}

func TestYuan(t *testing.T) {
	t.Parallel()
	if got := Yuan(20000); got != 2_000_000 {
		t.Errorf("Yuan(20000) = %d, want 2000000", int64(got))
	}
	if got := Yuan(-1); got != -100 {
		t.Errorf("Yuan(-1) = %d, want -100", int64(got))
	}
}

func FuzzParseFen(f *testing.F) {
	for _, s := range []string{"39.90", "¥39.90", "-¥0.05", "0.005", "92233720368547758.08", "¥", "-¥-5", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFen(s)
		if err != nil {
			if !errors.Is(err, ErrBadAmount) && !errors.Is(err, ErrSubFen) && !errors.Is(err, ErrFenOverflow) {
				t.Fatalf("ParseFen(%q) error %v is none of the sentinels", s, err)
			}
			return
		}
		if back, err := ParseFen(got.String()); err != nil || back != got {
			t.Fatalf("ParseFen(%q) = %d does not round-trip through %q", s, int64(got), got.String())
		}
	})
}
