package vcart

import (
	"strings"
	"testing"
	"time"
)

const maxFuzzLen = 64

// checkInvariants holds for every verdict of every validator.
func checkInvariants(t *testing.T, name, s string, c, again Check, prefix string) {
	t.Helper()
	if c != again {
		t.Fatalf("%s(%q) not deterministic: %+v then %+v", name, s, c, again)
	}
	if c.OK {
		if c.Severity != Info || c.Code != "" {
			t.Fatalf("%s(%q) = %+v: OK with a code or severity", name, s, c)
		}
		return
	}
	if c.Severity != Warn && c.Severity != Block {
		t.Fatalf("%s(%q) = %+v: failure without warn or block", name, s, c)
	}
	if !strings.HasPrefix(c.Code, prefix) || c.Msg == "" || c.Rule == "" {
		t.Fatalf("%s(%q) = %+v: want code prefix %q, a message and a rule", name, s, c, prefix)
	}
}

func FuzzValidateUSCC(f *testing.F) {
	for _, s := range []string{"91350100M000100Y43", "91350100M000100Y44", "", " 91350100M000100Y43", "９1350100M000100Y43", "110108000000016", "91350100m000100y43", "B1350100M000100Y43"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzLen {
			return
		}
		c := ValidateUSCC(s)
		checkInvariants(t, "ValidateUSCC", s, c, ValidateUSCC(s), "uscc.")
		if c.OK || c.Severity == Warn {
			if len(s) != 18 {
				t.Fatalf("ValidateUSCC accepted %q of length %d", s, len(s))
			}
			want, ok := USCCCheckChar(s[:17])
			if !ok || (c.OK && want != s[17]) {
				t.Fatalf("ValidateUSCC(%q) = %+v, but USCCCheckChar = %q, %v", s, c, want, ok)
			}
		}
		l := ValidateLicenceNumber(s)
		checkInvariants(t, "ValidateLicenceNumber", s, l, ValidateLicenceNumber(s), "")
	})
}

func FuzzValidateRegistrationNumber(f *testing.F) {
	for _, s := range []string{"110108000000016", "", "11010800000001", "11010800000001A", "１10108000000016"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzLen {
			return
		}
		c := ValidateRegistrationNumber(s)
		checkInvariants(t, "ValidateRegistrationNumber", s, c, ValidateRegistrationNumber(s), "registration_number.")
		if c.OK {
			t.Fatalf("ValidateRegistrationNumber(%q) is OK; a legacy number always warns", s)
		}
		if c.Severity == Warn && len(s) != 15 {
			t.Fatalf("ValidateRegistrationNumber accepted %q", s)
		}
	})
}

func FuzzValidateResidentID(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "110101199003073861", "110105194912310021", "", "110105491231002", "１1010519491231002X", "11010520260302123X"} {
		f.Add(s, int64(1772294400))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		if len(s) > maxFuzzLen {
			return
		}
		at := time.Unix(unix, 0)
		c := ValidateResidentID(s, at)
		checkInvariants(t, "ValidateResidentID", s, c, ValidateResidentID(s, at), "resident_id.")
		if c.Severity == Warn {
			t.Fatalf("ValidateResidentID(%q) warned; every ID problem blocks", s)
		}
		if c.OK {
			want, ok := ResidentIDCheckChar(s[:17])
			if len(s) != 18 || !ok || want != strings.ToUpper(s[17:])[0] {
				t.Fatalf("ValidateResidentID accepted %q", s)
			}
			// Case of the check character never changes the verdict.
			if ValidateResidentID(strings.ToUpper(s), at) != c || ValidateResidentID(strings.ToLower(s), at) != c {
				t.Fatalf("ValidateResidentID(%q) depends on the case of x", s)
			}
		}
	})
}

func FuzzValidateBankCard(f *testing.F) {
	for _, s := range []string{"6228480402564890018", "6222600260001234567", "4111111111111111", "", "6228 4804 0256 4890 018", "６228480402564890018", "79927398713"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzLen {
			return
		}
		c := ValidateBankCard(s)
		checkInvariants(t, "ValidateBankCard", s, c, ValidateBankCard(s), "bank_card.")
		if !c.Blocks() && (len(s) < BankCardMinLen || len(s) > BankCardMaxLen) {
			t.Fatalf("ValidateBankCard accepted %q", s)
		}
		if c.OK != (!c.Blocks() && LuhnValid(s)) {
			t.Fatalf("ValidateBankCard(%q) = %+v disagrees with LuhnValid", s, c)
		}
	})
}

func FuzzCheckEligibility(f *testing.F) {
	f.Add(uint8(1), "91350100M000100Y43", "11010519491231002X", "6228480402564890018", "福州示例贸易有限公司", int64(1772294400),
		uint8(2), int64(1771516800), "华东总代理有限公司", "福州示例贸易有限公司", int64(1433088000), int64(0), false)
	f.Add(uint8(2), "110108000000016", "110101199003073862", "6222600260001234567", "李四", int64(0),
		uint8(0), int64(0), "", "", int64(0), int64(0), true)
	f.Add(uint8(0), "", "", "", "", int64(-1),
		uint8(9), int64(1893456000), "别的公司", "随便一家公司", int64(1893456000), int64(1577836800), false)
	checker, err := NewChecker(SeedSubjectRules())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, st uint8, licence, id, card, name string, unix int64,
		face uint8, faceUnix int64, chainFrom, chainTo string, validFrom, validTo int64, permanent bool) {
		if len(licence)+len(id)+len(card)+len(name)+len(chainFrom)+len(chainTo) > 4*maxFuzzLen {
			return
		}
		a := completeEnterprise()
		a.StoreType = StoreType(st)
		a.SubjectName = name
		a.Documents[0].Number = licence
		a.Documents[1].Number = id
		a.BankCard = BankCard{Number: card, Holder: name}
		a.Face = FaceVerification{Status: FaceStatus(face % 6), IDNumber: id, At: unixOrZero(faceUnix)}
		// The brand chain: the last link's grantor and grantee, and a
		// duplicate document of one kind with fuzzed validity dates.
		last := &a.Brands[0].Chain[len(a.Brands[0].Chain)-1]
		last.From, last.To = chainFrom, chainTo
		last.Letter.ValidFrom, last.Letter.ValidTo = unixOrZero(validFrom), unixOrZero(validTo)
		a.Documents[0].ValidFrom, a.Documents[0].ValidTo, a.Documents[0].Permanent = unixOrZero(validFrom), unixOrZero(validTo), permanent
		a.Documents = append(a.Documents, Document{Kind: DocLegalRepID, Number: id, Holder: chainFrom,
			ValidFrom: unixOrZero(validTo), ValidTo: unixOrZero(validFrom), Permanent: !permanent})
		at := time.Unix(unix, 0)
		r := checker.Check(a, at)
		if again := checker.Check(a, at); r.String() != again.String() {
			t.Fatal("CheckEligibility not deterministic")
		}
		blocks := 0
		for _, fd := range r.Findings {
			if fd.Code == "" || fd.Field == "" || fd.Message == "" {
				t.Fatalf("finding without code, field or message: %+v", fd)
			}
			if fd.Severity == Block {
				blocks++
			}
		}
		if r.Eligible != (blocks == 0) {
			t.Fatalf("Eligible = %v with %d blocking findings", r.Eligible, blocks)
		}
	})
}

// unixOrZero returns the instant u seconds after the epoch, or the zero
// time for 0.
func unixOrZero(u int64) time.Time {
	if u == 0 {
		return time.Time{}
	}
	return time.Unix(u, 0)
}
