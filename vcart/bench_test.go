package vcart

import (
	"testing"
)

func BenchmarkValidateUSCC(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ValidateUSCC("91350100M000100Y43")
	}
}

func BenchmarkValidateResidentID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ValidateResidentID("11010519491231002X", testAt)
	}
}

func BenchmarkValidateBankCard(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ValidateBankCard("6228480402564890018")
	}
}

func BenchmarkValidateRegistrationNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ValidateRegistrationNumber("110108000000016")
	}
}

// BenchmarkChecker_Check measures the eligibility check of complete
// applicants; the target is under 2 µs per check.
func BenchmarkChecker_Check(b *testing.B) {
	checker, err := NewChecker(SeedSubjectRules())
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		a    Applicant
	}{
		{"enterprise", completeEnterprise()},
		{"individual", completeIndividual()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := checker.Check(bc.a, testAt)
				if !r.Eligible {
					b.Fatal("not eligible")
				}
			}
		})
	}
}

// BenchmarkChecker_CheckProblems measures an applicant with many findings,
// the slow path that formats messages.
func BenchmarkChecker_CheckProblems(b *testing.B) {
	checker, err := NewChecker(SeedSubjectRules())
	if err != nil {
		b.Fatal(err)
	}
	a := completeIndividual()
	a.Documents[0].Number = "110101199003073862"
	a.Face = FaceVerification{}
	a.BankCard = BankCard{Number: "6222600260001234567", Holder: "李四"}
	a.Account.Certification = CertNone
	a.Documents = append(a.Documents, Document{Kind: DocBusinessLicence, Number: "110108000000016", ValidTo: day(2026, 2, 1)})
	b.ReportAllocs()
	for b.Loop() {
		_ = checker.Check(a, testAt)
	}
}

func BenchmarkCheckEligibility(b *testing.B) {
	rules := SeedSubjectRules()
	a := completeEnterprise()
	b.ReportAllocs()
	for b.Loop() {
		_ = CheckEligibility(a, testAt, rules)
	}
}

// BenchmarkFen_String formats an amount the everyday way; compare with
// BenchmarkMoney_Format, the decimal path for the same amount.
func BenchmarkFen_String(b *testing.B) {
	b.ReportAllocs()
	f := Fen(123456789)
	for b.Loop() {
		_ = f.String()
	}
}

func BenchmarkMoney_Format(b *testing.B) {
	b.ReportAllocs()
	m := FromFen(123456789)
	for b.Loop() {
		_ = m.Format()
	}
}
