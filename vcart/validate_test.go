package vcart

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var testAt = time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)

// verdict reduces a Check to what tests compare: OK, severity and code.
type verdict struct {
	OK       bool
	Severity Severity
	Code     string
}

func verdictOf(c Check) verdict { return verdict{c.OK, c.Severity, c.Code} }

var ok = verdict{OK: true, Severity: Info}

func bad(code string) verdict  { return verdict{Severity: Block, Code: code} }
func warn(code string) verdict { return verdict{Severity: Warn, Code: code} }

func TestUSCCCheckChar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		want   byte
		wantOK bool
	}{
		{"91350100M000100Y4", '3', true}, // review-rules §2.5 worked example
		{"91350100M000100Y", 0, false},   // 16 characters
		{"91350100M000100Y43", 0, false}, // 18 characters
		{"91350100M000100I4", 0, false},  // I is not in the alphabet
		{"91350100m000100Y4", 0, false},  // lower case
		{"", 0, false},
	}
	for _, tt := range tests {
		got, gotOK := USCCCheckChar(tt.in)
		if got != tt.want || gotOK != tt.wantOK {
			t.Errorf("USCCCheckChar(%q) = %q, %v; want %q, %v", tt.in, got, gotOK, tt.want, tt.wantOK)
		}
	}
}

func TestOrgCodeCheckChar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		want   byte
		wantOK bool
	}{
		{"D2143569", 'X', true}, // GB 11714's own example
		{"M000100Y", '4', true}, // embedded in 91350100M000100Y43
		{"00000000", '0', true}, // Σ = 0 → 11 → '0'
		{"D214356", 0, false},
		{"d2143569", 0, false},
		{"D214356-", 0, false},
	}
	for _, tt := range tests {
		got, gotOK := OrgCodeCheckChar(tt.in)
		if got != tt.want || gotOK != tt.wantOK {
			t.Errorf("OrgCodeCheckChar(%q) = %q, %v; want %q, %v", tt.in, got, gotOK, tt.want, tt.wantOK)
		}
	}
}

func TestValidateUSCC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want verdict
	}{
		{"worked example", "91350100M000100Y43", ok},
		{"empty", "", bad("uscc.empty")},
		{"leading space", " 91350100M000100Y43", bad("uscc.whitespace")},
		{"trailing space", "91350100M000100Y43 ", bad("uscc.whitespace")},
		{"ideographic space", "91350100M000100Y43\u3000", bad("uscc.whitespace")},
		{"full-width digits", "９1350100M000100Y43", bad("uscc.fullwidth")},
		{"other non-ASCII", "91350100M000100Y4三", bad("uscc.charset")},
		{"too short", "91350100M000100Y4", bad("uscc.length")},
		{"too long", "91350100M000100Y433", bad("uscc.length")},
		{"legacy 15 digits", "110108000000016", bad("uscc.length")},
		{"lower case", "91350100m000100y43", bad("uscc.lowercase")},
		{"letter I", "91350100I000100Y43", bad("uscc.charset")},
		{"letter O", "91350100O000100Y43", bad("uscc.charset")},
		{"inner space", "91350100 000100Y43", bad("uscc.charset")},
		{"bad authority", "B1350100M000100Y43", bad("uscc.authority")},
		{"letter in area", "913501A0M000100Y43", bad("uscc.area")},
		{"wrong check char", "91350100M000100Y44", warn("uscc.check_char")},
		{"transposed digits", "91351000M000100Y43", warn("uscc.check_char")},
		// Position 17 changed and position 18 recomputed: only the GB 11714 check fails.
		{"wrong org check", "91350100M000100Y5" + string(mustUSCC(t, "91350100M000100Y5")), warn("uscc.org_check_char")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := ValidateUSCC(tt.in)
			if diff := cmp.Diff(tt.want, verdictOf(got)); diff != "" {
				t.Errorf("ValidateUSCC(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			if !got.OK && (got.Msg == "" || got.Rule == "") {
				t.Errorf("ValidateUSCC(%q) = %+v: a failure needs a message and a rule", tt.in, got)
			}
		})
	}
}

func mustUSCC(t *testing.T, first17 string) byte {
	t.Helper()
	c, ok := USCCCheckChar(first17)
	if !ok {
		t.Fatalf("USCCCheckChar(%q) failed", first17)
	}
	return c
}

func TestValidateRegistrationNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want verdict
	}{
		{"110108000000016", warn("registration_number.legacy")},
		{"", bad("registration_number.empty")},
		{" 110108000000016", bad("registration_number.whitespace")},
		{"11010800000001６", bad("registration_number.fullwidth")},
		{"11010800000001", bad("registration_number.length")},
		{"11010800000001A", bad("registration_number.charset")},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, verdictOf(ValidateRegistrationNumber(tt.in))); diff != "" {
			t.Errorf("ValidateRegistrationNumber(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestValidateLicenceNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want verdict
	}{
		{"91350100M000100Y43", ok},
		{"110108000000016", warn("registration_number.legacy")},
		{"11010800000001A", bad("uscc.length")},
		{"", bad("uscc.empty")},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, verdictOf(ValidateLicenceNumber(tt.in))); diff != "" {
			t.Errorf("ValidateLicenceNumber(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestResidentIDCheckChar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		want   byte
		wantOK bool
	}{
		{"11010519491231002", 'X', true}, // GB 11643's own sample: Σ = 167, 167 mod 11 = 2
		{"11010119900307387", 'X', true}, // Σ = 222, 222 mod 11 = 2
		{"11010119900307386", '1', true}, // Σ = 220, 220 mod 11 = 0
		{"1101051949123100", 0, false},
		{"1101051949123100A", 0, false},
	}
	for _, tt := range tests {
		got, gotOK := ResidentIDCheckChar(tt.in)
		if got != tt.want || gotOK != tt.wantOK {
			t.Errorf("ResidentIDCheckChar(%q) = %q, %v; want %q, %v", tt.in, got, gotOK, tt.want, tt.wantOK)
		}
	}
}

func TestValidateResidentID(t *testing.T) {
	t.Parallel()
	// withCheck completes 17 digits with their correct check character, so a
	// case tests exactly one rule.
	withCheck := func(first17 string) string {
		c, ok := ResidentIDCheckChar(first17)
		if !ok {
			t.Fatalf("ResidentIDCheckChar(%q) failed", first17)
		}
		return first17 + string(c)
	}
	tests := []struct {
		name string
		in   string
		at   time.Time
		want verdict
	}{
		{"standard sample", "11010519491231002X", testAt, ok},
		{"lower-case x", "11010519491231002x", testAt, ok},
		{"digit check", "110101199003073861", testAt, ok},
		{"leap day", withCheck("44030420000229123"), testAt, ok},
		{"Hong Kong permit", withCheck("81000019900101123"), testAt, ok},
		{"born on the day of the check", withCheck("11010520260301123"), testAt, ok},
		{"zero instant skips the future rule", withCheck("11010520990101123"), time.Time{}, ok},
		{"empty", "", testAt, bad("resident_id.empty")},
		{"surrounding spaces", " 11010519491231002X ", testAt, bad("resident_id.whitespace")},
		{"full-width digits", "１1010519491231002X", testAt, bad("resident_id.fullwidth")},
		{"full-width X", "11010519491231002Ｘ", testAt, bad("resident_id.fullwidth")},
		{"too short", "11010519491231002", testAt, bad("resident_id.length")},
		{"too long", "11010519491231002X1", testAt, bad("resident_id.length")},
		{"15 digits", "110105491231002", testAt, bad("resident_id.legacy_15")},
		{"15 with a letter", "11010549123100X", testAt, bad("resident_id.length")},
		{"letter inside", "1101051949123100AX", testAt, bad("resident_id.charset")},
		{"bad last char", "11010519491231002Y", testAt, bad("resident_id.charset")},
		{"province 00", withCheck("00010519491231002"), testAt, bad("resident_id.area")},
		{"province 99", withCheck("99010519491231002"), testAt, bad("resident_id.area")},
		{"province 16", withCheck("16010519491231002"), testAt, bad("resident_id.area")},
		{"month 13", withCheck("11010519491331002"), testAt, bad("resident_id.birth_date")},
		{"month 00", withCheck("11010519490031002"), testAt, bad("resident_id.birth_date")},
		{"day 00", withCheck("11010519490100002"), testAt, bad("resident_id.birth_date")},
		{"31 April", withCheck("11010519490431002"), testAt, bad("resident_id.birth_date")},
		{"29 February 2001", withCheck("11010520010229002"), testAt, bad("resident_id.birth_date")},
		{"29 February 1900", withCheck("11010519000229002"), testAt, bad("resident_id.birth_date")},
		{"year 1799", withCheck("11010517991231002"), testAt, bad("resident_id.birth_date")},
		{"born after the check", withCheck("11010520260302123"), testAt, bad("resident_id.birth_future")},
		{"wrong check char", "110105194912310021", testAt, bad("resident_id.check_char")},
		{"transposed digits", "11010591491231002X", testAt, bad("resident_id.birth_future")},
		{"swapped sequence", "11010519491231020X", testAt, bad("resident_id.check_char")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := ValidateResidentID(tt.in, tt.at)
			if diff := cmp.Diff(tt.want, verdictOf(got)); diff != "" {
				t.Errorf("ValidateResidentID(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestLuhnValid(t *testing.T) {
	t.Parallel()
	// Known-answer tests from review-rules §2.7.
	tests := []struct {
		in   string
		want bool
	}{
		{"4111111111111111", true},
		{"79927398713", true},
		{"6228480402564890018", true},
		{"621483012345678902", true},
		{"4111111111111112", false},
		{"6222600260001234567", false},
		{"6222600260001234564", true}, // the corrected last digit
		{"", false},
		{"0", true},
		{"4111 1111 1111 1111", false},
	}
	for _, tt := range tests {
		if got := LuhnValid(tt.in); got != tt.want {
			t.Errorf("LuhnValid(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestValidateBankCard(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want verdict
	}{
		{"6228480402564890018", ok},
		{"621483012345678902", ok},
		{"4111111111111111", ok},
		{"6222600260001234567", warn("bank_card.luhn")},
		{"4111111111111112", warn("bank_card.luhn")},
		{"", bad("bank_card.empty")},
		{"6228480402564890018 ", bad("bank_card.whitespace")},
		{"６228480402564890018", bad("bank_card.fullwidth")},
		{"79927398713", bad("bank_card.length")},
		{"62284804025648900181", bad("bank_card.length")},
		{"6228 4804 0256 4890", bad("bank_card.charset")},
		{"622848040256489001X", bad("bank_card.charset")},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, verdictOf(ValidateBankCard(tt.in))); diff != "" {
			t.Errorf("ValidateBankCard(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestCheckHelpers(t *testing.T) {
	t.Parallel()
	c := ValidateBankCard("4111111111111112")
	if c.Blocks() {
		t.Error("a Luhn warning must not block")
	}
	if err := c.Err("bank_card.number"); err == nil || !strings.Contains(err.Error(), "bank_card.number") {
		t.Errorf("Err() = %v, want an error naming the field", err)
	}
	if err := ValidateBankCard("4111111111111111").Err("x"); err != nil {
		t.Errorf("Err() of a passing check = %v, want nil", err)
	}
	if !ValidateUSCC("").Blocks() {
		t.Error("an empty code must block")
	}
	want := Finding{Code: "uscc.empty", Field: "f", Severity: Block, Message: "unified social credit code is empty", Rule: ruleUSCC}
	if diff := cmp.Diff(want, ValidateUSCC("").Finding("f")); diff != "" {
		t.Errorf("Finding() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Finding{}, passed.Finding("f")); diff != "" {
		t.Errorf("Finding() of a pass mismatch (-want +got):\n%s", diff)
	}
}

func TestValidatorsDoNotAllocate(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts are measured in full runs")
	}
	inputs := []string{"91350100M000100Y43", "91350100M000100Y44", "", " x", "１２", "11010519491231002X", "6228480402564890018", "4111111111111112"}
	for _, in := range inputs {
		n := testing.AllocsPerRun(100, func() {
			_ = ValidateUSCC(in)
			_ = ValidateLicenceNumber(in)
			_ = ValidateRegistrationNumber(in)
			_ = ValidateResidentID(in, testAt)
			_ = ValidateBankCard(in)
			_, _ = USCCCheckChar(in)
			_, _ = ResidentIDCheckChar(in)
		})
		if n != 0 {
			t.Errorf("validators allocate %v times on %q, want 0", n, in)
		}
	}
}
