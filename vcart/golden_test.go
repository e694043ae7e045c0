package vcart

import (
	"path/filepath"
	"testing"

	"github.com/vcart-sdk/vcart-go/internal/golden"
)

// TestReport_Golden compares whole reports with testdata/golden/*.txt;
// run `go test ./vcart -run Golden -update` after an intended change.
func TestReport_Golden(t *testing.T) {
	t.Parallel()
	problems := func() Applicant {
		a := completeIndividual()
		a.Account.Certification = CertNone
		a.Documents[0].Number = "110101199003073862"
		a.Documents = append(a.Documents, Document{Kind: DocBusinessLicence, Number: "110108000000016", Holder: "个体户李四", ValidTo: day(2026, 2, 1)})
		a.Face = FaceVerification{}
		a.BankCard = BankCard{Number: "6222600260001234567", Holder: "李四"}
		a.Categories = []PlatformCategory{{ID: "1001", Name: "零食", Category: CategoryFood}}
		return a
	}
	brandTrouble := func() Applicant {
		a := completeEnterprise()
		a.Documents[0].Permanent, a.Documents[0].ValidTo = false, day(2026, 3, 15)
		a.Brands = append(a.Brands, BrandAuthorisation{Brand: "自有", Owner: a.SubjectName, Own: true})
		a.Brands[0].Chain[1].Letter.ValidTo = day(2026, 2, 1)
		a.Categories = []PlatformCategory{{ID: "7339", Name: "酒类", Category: CategoryFood, Deposit: 5_000_000}}
		return a
	}
	tests := []struct {
		name string
		a    Applicant
	}{
		{"enterprise_complete", completeEnterprise()},
		{"enterprise_brand_trouble", brandTrouble()},
		{"individual_complete", completeIndividual()},
		{"individual_problems", problems()},
		{"personal", Applicant{StoreType: StorePersonal, Account: completeIndividual().Account}},
		{"unknown_store_type", Applicant{StoreType: 7}},
	}
	checker, err := NewChecker(SeedSubjectRules())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := checker.Check(tt.a, testAt).String()
			golden.Assert(t, filepath.Join("testdata", "golden", tt.name+".txt"), []byte(got))
		})
	}
}
