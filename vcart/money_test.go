package vcart

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestFromFenAndFen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fen  int64
		str  string
		fmt  string
		yuan string
	}{
		{0, "0.00 CNY", "¥0.00", "0"},
		{1, "0.01 CNY", "¥0.01", "0.01"},
		{1234, "12.34 CNY", "¥12.34", "12.34"},
		{-5, "-0.05 CNY", "-¥0.05", "-0.05"},
		{2000000, "20000.00 CNY", "¥20000.00", "20000"},
		{1<<63 - 1, "92233720368547758.07 CNY", "¥92233720368547758.07", "92233720368547758.07"},
		{-1 << 63, "-92233720368547758.08 CNY", "-¥92233720368547758.08", "-92233720368547758.08"},
	}
	for _, tt := range tests {
		m := FromFen(tt.fen)
		if got := m.String(); got != tt.str {
			t.Errorf("FromFen(%d).String() = %q, want %q", tt.fen, got, tt.str)
		}
		if got := m.Format(); got != tt.fmt {
			t.Errorf("FromFen(%d).Format() = %q, want %q", tt.fen, got, tt.fmt)
		}
		if !m.Amount().Equal(dec(tt.yuan)) {
			t.Errorf("FromFen(%d).Amount() = %s, want %s", tt.fen, m.Amount(), tt.yuan)
		}
		got, err := m.Fen()
		if err != nil || int64(got) != tt.fen {
			t.Errorf("FromFen(%d).Fen() = %d, %v", tt.fen, got, err)
		}
		if m.Currency() != CNY {
			t.Errorf("FromFen(%d).Currency() = %q", tt.fen, m.Currency())
		}
	}
}

// TestMoney_FenFastPath compares Fen's fast path with the big.Int one.
func TestMoney_FenFastPath(t *testing.T) {
	// Not parallel: AllocsPerRun refuses to run in a parallel test.
	amounts := []decimal.Decimal{
		decimal.New(0, 0), decimal.New(0, -5), decimal.New(0, 3),
		decimal.New(1, -2), decimal.New(-1, -2), decimal.New(123, -1), decimal.New(123, 0), decimal.New(5, 4),
		decimal.New(9999999999999999, -2), decimal.New(9999999999999999, -1), decimal.New(9999999999999999, 0),
		decimal.New(-9999999999999999, 0), decimal.New(99999999999999999, -2), decimal.New(1, 16), decimal.New(1, 17),
		decimal.New(1<<62, -2), decimal.New(12345, -3), decimal.New(12340, -3), dec("0.10"), dec("100.000"),
	}
	for _, a := range amounts {
		m := NewMoney(a, CNY)
		got, gotErr := m.Fen()
		want, wantErr := m.fenSlow()
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("Fen(%s) = %d, %v; big.Int path gives %d, %v", a.StringFixed(4), got, gotErr, want, wantErr)
		}
	}
	m := FromFen(123456)
	if n := testing.AllocsPerRun(100, func() { _, _ = m.Fen() }); n != 0 {
		t.Errorf("Fen of a whole-fen amount allocates %v times, want 0", n)
	}
}

func TestMoney_FenErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		m    Money
		want error
	}{
		{NewMoney(dec("0.001"), CNY), ErrSubFen},
		{NewMoney(dec("12.345"), CNY), ErrSubFen},
		{NewMoney(dec("92233720368547758.08"), CNY), ErrFenOverflow},
		{NewMoney(dec("-92233720368547758.09"), CNY), ErrFenOverflow},
		{NewMoney(dec("12.3400"), CNY), nil},
	}
	for _, tt := range tests {
		_, err := tt.m.Fen()
		if !errors.Is(err, tt.want) {
			t.Errorf("%v.Fen() error = %v, want %v", tt.m, err, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		wantFen int64
		wantErr error
	}{
		{"12.34", 1234, nil},
		{"100", 10000, nil},
		{"-0.5", -50, nil},
		{"+7.1", 710, nil},
		{"0.10", 10, nil},
		{"", 0, ErrBadAmount},
		{" 12.34", 0, ErrBadAmount},
		{"12.34 ", 0, ErrBadAmount},
		{"１２.34", 0, ErrBadAmount},
		{"1e3", 0, ErrBadAmount},
		{"1,000.00", 0, ErrBadAmount},
		{".5", 0, ErrBadAmount},
		{"5.", 0, ErrBadAmount},
		{"1.2.3", 0, ErrBadAmount},
		{"-", 0, ErrBadAmount},
		{"¥12", 0, ErrBadAmount},
		{"NaN", 0, ErrBadAmount},
		{strings.Repeat("1", 41), 0, ErrBadAmount},
	}
	for _, tt := range tests {
		m, err := ParseMoney(tt.in, CNY)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("ParseMoney(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if got, err := m.Fen(); err != nil || int64(got) != tt.wantFen {
			t.Errorf("ParseMoney(%q).Fen() = %d, %v; want %d", tt.in, got, err, tt.wantFen)
		}
	}
	if _, err := ParseMoney(strings.Repeat("9", 100), CNY); err == nil || len(err.Error()) > 80 {
		t.Errorf("ParseMoney(long) error = %v: want a truncated quote", err)
	}
	// Truncation never splits a character.
	if _, err := ParseMoney(strings.Repeat("元", 20), CNY); err == nil || !utf8.ValidString(err.Error()) || strings.Contains(err.Error(), `\x`) {
		t.Errorf("ParseMoney(Chinese) error = %q: want valid UTF-8", err)
	}
}

func TestMoney_Arithmetic(t *testing.T) {
	t.Parallel()
	a, b := FromFen(1234), FromFen(66)
	sum, err := a.Add(b)
	if err != nil || !sum.Equal(FromFen(1300)) {
		t.Errorf("Add = %v, %v", sum, err)
	}
	diff, err := a.Sub(b)
	if err != nil || !diff.Equal(FromFen(1168)) {
		t.Errorf("Sub = %v, %v", diff, err)
	}
	if got := a.Neg(); !got.Equal(FromFen(-1234)) || !got.IsNegative() || got.Sign() != -1 {
		t.Errorf("Neg = %v", got)
	}
	if got := a.Mul(dec("0.006")); got.String() != "0.07404 CNY" {
		t.Errorf("Mul = %v, want exact 0.07404 CNY", got)
	}
	if c, err := a.Cmp(b); err != nil || c != 1 {
		t.Errorf("Cmp = %d, %v", c, err)
	}
	usd := FromMinor(100, USD)
	for name, f := range map[string]func() error{
		"Add": func() error { _, err := a.Add(usd); return err },
		"Sub": func() error { _, err := a.Sub(usd); return err },
		"Cmp": func() error { _, err := a.Cmp(usd); return err },
	} {
		if err := f(); !errors.Is(err, ErrCurrencyMismatch) {
			t.Errorf("%s across currencies error = %v, want ErrCurrencyMismatch", name, err)
		}
	}
	if !Yuan(12).Money().Equal(NewMoney(dec("12.000"), CNY)) || Yuan(12).Money().Equal(FromMinor(1200, HKD)) {
		t.Error("Equal must compare numerically and by currency")
	}
	if !(Money{}).IsZero() || FromFen(1).IsZero() {
		t.Error("IsZero wrong")
	}
	if got := usd.Format(); got != "1.00" {
		t.Errorf("USD Format = %q, want 1.00", got)
	}
	if got := NewMoney(dec("3"), "").String(); got != "3.00" {
		t.Errorf("String without currency = %q", got)
	}
}

func TestMoney_Round(t *testing.T) {
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
		{"0.045", RoundingMode(9), "0.05"},
		{"12.30", HalfUp, "12.3"},
	}
	for _, tt := range tests {
		got := NewMoney(dec(tt.in), CNY).Round(tt.mode)
		if !got.Amount().Equal(dec(tt.want)) || got.Currency() != CNY {
			t.Errorf("Round(%s, %v) = %v, want %s", tt.in, tt.mode, got, tt.want)
		}
	}
	names := []string{HalfUp.String(), HalfEven.String(), Down.String(), Up.String(), RoundingMode(9).String()}
	if diff := cmp.Diff([]string{"half-up", "half-even", "down", "up", "RoundingMode(9)"}, names); diff != "" {
		t.Errorf("mode names mismatch (-want +got):\n%s", diff)
	}
	if !Up.Valid() || RoundingMode(-1).Valid() || RoundingMode(4).Valid() {
		t.Error("Valid wrong")
	}
}

func TestMoney_CmpDiff(t *testing.T) {
	t.Parallel()
	// go-cmp must compare Money through Equal rather than panic on unexported fields.
	type row struct{ M Money }
	if diff := cmp.Diff(row{Yuan(1).Money()}, row{FromFen(100)}); diff != "" {
		t.Errorf("cmp.Diff of equal amounts:\n%s", diff)
	}
	if diff := cmp.Diff(row{Yuan(1).Money()}, row{FromFen(101)}); diff == "" {
		t.Error("cmp.Diff missed a difference")
	}
}

func TestCategory(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Category
		wantErr bool
	}{
		{"food", CategoryFood, false},
		{" 食品 ", CategoryFood, false},
		{"FOOD", CategoryFood, false},
		{"服装", CategoryApparel, false},
		{"clothing", CategoryApparel, false},
		{"标准", CategoryGeneral, false},
		{"standard", CategoryGeneral, false},
		{"jewelry", CategoryJewellery, false},
		{"奢侈品", CategoryJewellery, false},
		{"3C", CategoryElectronics, false},
		{"美妆", CategoryCosmetics, false},
		{"", "", true},
		{"furniture", "", true},
	}
	for _, tt := range tests {
		got, err := ParseCategory(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseCategory(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, c := range Categories() {
		if !c.Known() || c.ChineseName() == string(c) {
			t.Errorf("category %q: Known or ChineseName wrong", c)
		}
		if back, err := ParseCategory(c.ChineseName()); err != nil || back != c {
			t.Errorf("ParseCategory(%q) = %q, %v", c.ChineseName(), back, err)
		}
	}
	if Category("x").Known() || Category("x").ChineseName() != "x" {
		t.Error("unknown category handling wrong")
	}
}

func TestStoreType(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want StoreType
	}{
		{"enterprise", StoreEnterprise},
		{" 企业店", StoreEnterprise},
		{"个体工商户", StoreIndividual},
		{"Individual", StoreIndividual},
		{"个人店", StorePersonal},
	}
	for _, tt := range tests {
		got, err := ParseStoreType(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseStoreType(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	_, err := ParseStoreType("shop")
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "store_type" || !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseStoreType(shop) error = %v, want a store_type FieldError", err)
	}
	got := []string{StoreEnterprise.String(), StoreIndividual.ChineseName(), StorePersonal.ChineseName(), StoreTypeUnknown.String(), StoreTypeUnknown.ChineseName()}
	if diff := cmp.Diff([]string{"enterprise", "个体店", "个人店", "StoreType(0)", "未知"}, got); diff != "" {
		t.Errorf("names mismatch (-want +got):\n%s", diff)
	}
	if StoreTypeUnknown.Valid() || !StorePersonal.Valid() {
		t.Error("Valid wrong")
	}
}

func TestValidationError(t *testing.T) {
	t.Parallel()
	if NewValidationError(nil) != nil {
		t.Error("no problems must give a nil error")
	}
	err := NewValidationError([]FieldError{
		{Field: "b", Code: "y", Msg: "second"},
		{Field: "a", Code: "z", Msg: "first"},
		{Field: "b", Code: "x", Msg: "third"},
	})
	want := "vcart: validation failed: a: first (z); b: third (x); b: second (y)"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "a" || !errors.Is(err, ErrInvalid) {
		t.Errorf("errors.As/Is through ValidationError failed: %v", fe)
	}
	sev := []string{Info.String(), Warn.String(), Block.String(), Severity(7).String()}
	if diff := cmp.Diff([]string{"info", "warn", "block", "Severity(?)"}, sev); diff != "" {
		t.Errorf("severity names mismatch (-want +got):\n%s", diff)
	}
	if b, _ := Block.MarshalText(); string(b) != "block" {
		t.Errorf("MarshalText = %q", b)
	}
}

func FuzzMoneyFromString(f *testing.F) {
	for _, s := range []string{"12.34", "-0.5", "100", "0.001", "1e3", " 1", "１", "", ".", "-", "+0.00", "92233720368547758.08", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			return
		}
		m, err := ParseMoney(s, CNY)
		m2, err2 := ParseMoney(s, CNY)
		if (err == nil) != (err2 == nil) || (err == nil && !m.Equal(m2)) {
			t.Fatalf("ParseMoney(%q) not deterministic", s)
		}
		if err != nil {
			if !errors.Is(err, ErrBadAmount) {
				t.Fatalf("ParseMoney(%q) error %v does not match ErrBadAmount", s, err)
			}
			return
		}
		// Accepted text is plain ASCII decimal without spaces.
		if strings.TrimSpace(s) != s || strings.ContainsAny(s, "eE,") {
			t.Fatalf("ParseMoney accepted %q", s)
		}
		// Fen is exact or refuses; it never rounds.
		if fen, err := m.Fen(); err == nil {
			if !fen.Money().Equal(m) {
				t.Fatalf("Fen(%q) = %d does not round-trip", s, fen)
			}
		} else if !errors.Is(err, ErrSubFen) && !errors.Is(err, ErrFenOverflow) {
			t.Fatalf("Fen(%q) error %v", s, err)
		}
		// String round-trips through ParseMoney.
		str := strings.TrimSuffix(m.String(), " CNY")
		if len(str) > 40 {
			return // beyond ParseMoney's length limit
		}
		back, err := ParseMoney(str, CNY)
		if err != nil || !back.Equal(m) {
			t.Fatalf("ParseMoney(%q) = %v; its String %q does not parse back: %v", s, m, str, err)
		}
	})
}
