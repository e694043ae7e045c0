package review_test

import (
	"strings"
	"testing"

	"github.com/vcart-sdk/vcart-go/review"
)

func TestCheckSC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want review.SCCheck
	}{
		{"SC11464010500015", review.SCValid}, // review-rules §2.1 worked example
		{"sc 1146 4010 5000 15", review.SCValid},
		{"SC11464010500016", review.SCBadCheckSum},
		{"SC1146401050001", review.SCBadFormat},  // 13 digits
		{"SC13264010500015", review.SCBadFormat}, // food category 32
		{"SC20464010500015", review.SCBadFormat}, // additive category 04
		{"SC31464010500015", review.SCBadFormat}, // flag 3
		{"QS110106010001", review.SCBadFormat},   // a QS number
		{"SC1146401050001X", review.SCBadFormat}, // letter
		{"", review.SCBadFormat},
	}
	for _, tt := range tests {
		if got := review.CheckSC(tt.in); got != tt.want {
			t.Errorf("CheckSC(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestIsQS(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{"QS1101 0601 0001": true, "QS110106010001": true, "QS11010601000": false, "SC110106010001": false} {
		if got := review.IsQS(in); got != want {
			t.Errorf("IsQS(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestClassifyCosmetics(t *testing.T) {
	t.Parallel()
	tests := map[string]review.CosmeticsKind{
		"国妆特字202410635":       review.CosmeticsSpecial,
		"国妆特字G20150123":       review.CosmeticsSpecial,
		"国妆特进字J20180123":      review.CosmeticsSpecialImported,
		"沪G妆网备字2019011789":    review.CosmeticsGeneral,
		"粤G妆网备字2019145275":    review.CosmeticsGeneral,
		"豫G妆网备字2024001287":    review.CosmeticsGeneral,
		"国妆网备进字(沪)2018001583": review.CosmeticsGeneralImported,
		"国妆网备进字（沪）2020009314": review.CosmeticsGeneralImported,
		"国妆备进字J20150123":      review.CosmeticsGeneralImported,
		"粤妆20170110":          review.CosmeticsProductionLicence,
		"港G妆网备字2019011789":    review.CosmeticsUnknown,
		"沪G妆网备字19011789":      review.CosmeticsUnknown,
		"国妆特字":                review.CosmeticsUnknown,
		"":                    review.CosmeticsUnknown,
	}
	for in, want := range tests {
		if got := review.ClassifyCosmetics(in); got != want {
			t.Errorf("ClassifyCosmetics(%q) = %s, want %s", in, got, want)
		}
	}
	if !review.CosmeticsSpecialImported.Special() || review.CosmeticsGeneral.Special() {
		t.Error("Special() wrong")
	}
}

func TestCheckCCC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want review.CCCCheck
	}{
		{"2023010907123456", review.CCCValid},
		{"2002010907123456", review.CCCValid},
		{"2001010907123456", review.CCCBadFormat},
		{"2027010907123456", review.CCCBadFormat}, // after the review year
		{"A12345678901", review.CCCLegacy},
		{"202301090712345", review.CCCBadFormat},
		{"2023-01-0907123456", review.CCCBadFormat},
	}
	for _, tt := range tests {
		if got := review.CheckCCC(tt.in, 2026); got != tt.want {
			t.Errorf("CheckCCC(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestPrivacyVectors checks the resident-ID and Luhn vectors of
// review-rules §2.6–2.7 through the diversion rule.
func TestPrivacyVectors(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	tests := []struct {
		text string
		want []string
	}{
		{"身份证11010519491231002X", []string{"block content.privacy.id_number desc[9:27] [redacted]"}},
		{"身份证110105194912310021", []string{"warn content.privacy.possible_id_number desc[9:27] [redacted]"}}, // wrong check character: possibly an ID
		{"卡号4111111111111111", []string{"block content.privacy.bank_card desc[6:22] [redacted]"}},
		{"卡号4111111111111112", nil},
		{"卡号6222600260001234567", []string{"block content.privacy.bank_card desc[6:25] [redacted]"}}, // 62 BIN, Luhn fails
		{"卡号621483012345678902", []string{"block content.privacy.bank_card desc[6:24] [redacted]"}},
		{"条码6901234567892", nil}, // EAN-13 is not personal data
	}
	for _, tt := range tests {
		l := cleanApparel()
		l.Description = tt.text
		if got := briefs(r.Review(l, at)); !equalStrings(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzClassifyCosmetics checks that a number's kind does not depend on the
// width of its brackets or on spaces around and inside it.
func FuzzClassifyCosmetics(f *testing.F) {
	for _, s := range []string{"国妆特字G20150123", "国妆网备进字(沪)2018001583", "国妆网备进字（沪）2020009314", "沪G妆网备字2019011789", "粤妆20170110", "国妆备进字J20150123", "（）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind := review.ClassifyCosmetics(s)
		half := strings.NewReplacer("（", "(", "）", ")").Replace(s)
		spaced := " " + strings.Join(strings.Split(s, ""), " ") + " "
		if strings.ContainsAny(s, " \t\r\n\v\f\u0085\u00a0") {
			return // other white space than a space is not ignored
		}
		for _, v := range []string{half, spaced} {
			if got := review.ClassifyCosmetics(v); got != kind {
				t.Fatalf("ClassifyCosmetics(%q) = %s, but %s for %q", v, got, kind, s)
			}
		}
	})
}
