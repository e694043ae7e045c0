package vcart

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSeedSubjectRules(t *testing.T) {
	t.Parallel()
	r := SeedSubjectRules()
	if err := r.Validate(); err != nil {
		t.Fatalf("seed rules invalid: %v", err)
	}
	// The seed's §一 table, row by row.
	type row struct {
		Type       StoreType
		Open       bool
		CanTrade   bool
		Documents  []DocumentKind
		Verify     []Verification
		Corporate  bool
		DepositFen int64
		Cap        ProductCap
	}
	want := []row{
		{StoreEnterprise, true, true, []DocumentKind{DocBusinessLicence, DocLegalRepID, DocBrandAuthorisation}, nil, true, 2000000, ProductCap{Kind: CapUnlimited}},
		{StoreIndividual, true, true, []DocumentKind{DocOperatorID}, []Verification{VerifyFace, VerifyBankCard}, false, 500000, ProductCap{Kind: CapFixed, Limit: 1000}},
		{StorePersonal, false, false, nil, nil, false, 0, ProductCap{Kind: CapNoTrading}},
	}
	var got []row
	for _, s := range r.Subjects {
		got = append(got, row{s.Type, s.Open, s.CanTrade, s.RequiredDocuments, s.Verifications, s.CorporateAccount, int64(s.Deposit), s.ProductCap})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seed table mismatch (-want +got):\n%s", diff)
	}
	if r.Version == "" || r.EffectiveFrom.IsZero() {
		t.Error("seed table needs a version and an effective date")
	}
}

func TestSeedSubjectRules_FreshCopies(t *testing.T) {
	t.Parallel()
	a := SeedSubjectRules()
	a.Subjects[0].RequiredDocuments[0] = "changed"
	a.CategoryDocuments[0].Documents[0] = "changed"
	b := SeedSubjectRules()
	if b.Subjects[0].RequiredDocuments[0] != DocBusinessLicence || b.CategoryDocuments[0].Documents[0] != DocFoodLicence {
		t.Error("SeedSubjectRules shares state between calls")
	}
	c := b.Clone()
	c.Subjects[1].Verifications[0] = "changed"
	c.Subjects[0].Type = StorePersonal
	if b.Subjects[1].Verifications[0] != VerifyFace || b.Subjects[0].Type != StoreEnterprise {
		t.Error("Clone shares state with its source")
	}
	if diff := cmp.Diff(SeedSubjectRules(), SeedSubjectRules().Clone()); diff != "" {
		t.Errorf("Clone differs (-want +got):\n%s", diff)
	}
}

func TestSubjectRules_Validate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edit  func(r *SubjectRules)
		codes []string // sorted by field, then code
	}{
		{"seed", func(*SubjectRules) {}, nil},
		{"empty", func(r *SubjectRules) { *r = SubjectRules{} }, []string{"rules.no_subjects", "rules.version_empty"}},
		{"bad subjects", func(r *SubjectRules) {
			r.Subjects[0].Type = 0
			r.Subjects[1].Type = StorePersonal
			r.Subjects[1].Deposit = Yuan(-1)
			r.Subjects[1].ProductCap.Limit = 0
			r.Subjects[2].ProductCap.Kind = 9
			r.Subjects[2].Deposit = -1
			r.Subjects[0].RequiredDocuments = append(r.Subjects[0].RequiredDocuments, "")
		}, []string{
			"rules.document_kind", "rules.store_type",
			"rules.deposit", "rules.product_cap",
			"rules.deposit", "rules.product_cap", "rules.duplicate_subject",
		}},
		{"bad categories", func(r *SubjectRules) {
			r.CategoryDeposits = []CategoryDeposit{
				{Category: CategoryFood, Deposit: 1},
				{Category: CategoryFood, Deposit: -1},
				{Deposit: Yuan(1)},
			}
			r.CategoryDocuments = append(r.CategoryDocuments, CategoryDocuments{})
			r.ExpiryNotice = -1
		}, []string{"rules.duplicate_category", "rules.deposit", "rules.category", "rules.category", "rules.expiry_notice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := SeedSubjectRules()
			tt.edit(&r)
			err := r.Validate()
			var codes []string
			if err != nil {
				if !errors.Is(err, ErrBadRules) || !errors.Is(err, ErrInvalid) {
					t.Errorf("Validate() = %v, want ErrBadRules and ErrInvalid", err)
				}
				var ve *ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("Validate() = %T, want a *ValidationError inside", err)
				}
				for _, p := range ve.Problems {
					codes = append(codes, p.Code)
				}
			}
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("Validate() codes mismatch (-want +got):\n%s", diff)
			}
			if _, err := NewChecker(r); (err != nil) != (tt.codes != nil) {
				t.Errorf("NewChecker() error = %v", err)
			}
		})
	}
}

func TestSubjectRules_Deposit(t *testing.T) {
	t.Parallel()
	live := SeedSubjectRules()
	live.Version = "live-shape"
	live.CategoryDeposits = []CategoryDeposit{
		{Category: CategoryJewellery, Deposit: Yuan(50000)},
		{Category: CategoryFood, Deposit: Yuan(3000)},
	}
	tests := []struct {
		name  string
		rules SubjectRules
		t     StoreType
		cats  []PlatformCategory
		want  DepositQuote
	}{
		{"enterprise base", SeedSubjectRules(), StoreEnterprise, nil,
			DepositQuote{Amount: Yuan(20000), Source: DepositSubjectBase, StoreType: StoreEnterprise}},
		{"individual base", SeedSubjectRules(), StoreIndividual, []PlatformCategory{{Category: CategoryApparel}},
			DepositQuote{Amount: Yuan(5000), Source: DepositSubjectBase, StoreType: StoreIndividual}},
		{"personal: no trading", SeedSubjectRules(), StorePersonal, nil,
			DepositQuote{Amount: 0, Source: DepositNone, StoreType: StorePersonal}},
		{"category API above base", SeedSubjectRules(), StoreIndividual,
			[]PlatformCategory{{ID: "1", Category: CategoryApparel, Deposit: 300000}, {ID: "2", Category: CategoryFood, Deposit: 1000000}},
			DepositQuote{Amount: 1000000, Source: DepositCategoryAPI, StoreType: StoreIndividual, Category: CategoryFood, CategoryID: "2"}},
		{"category API below base", SeedSubjectRules(), StoreEnterprise,
			[]PlatformCategory{{ID: "2", Category: CategoryFood, Deposit: 1000000}},
			DepositQuote{Amount: Yuan(20000), Source: DepositSubjectBase, StoreType: StoreEnterprise}},
		{"category table", live, StoreEnterprise,
			[]PlatformCategory{{Category: CategoryFood}, {Category: CategoryJewellery}, {Category: CategoryApparel}},
			DepositQuote{Amount: Yuan(50000), Source: DepositCategoryTable, StoreType: StoreEnterprise, Category: CategoryJewellery}},
		{"API beats table for the same category", live, StoreIndividual,
			[]PlatformCategory{{ID: "9", Category: CategoryJewellery, Deposit: Yuan(8000)}},
			DepositQuote{Amount: Yuan(8000), Source: DepositCategoryAPI, StoreType: StoreIndividual, Category: CategoryJewellery, CategoryID: "9"}},
		{"tie keeps the earlier source", live, StoreIndividual,
			[]PlatformCategory{{ID: "9", Category: CategoryApparel, Deposit: Yuan(5000)}},
			DepositQuote{Amount: Yuan(5000), Source: DepositSubjectBase, StoreType: StoreIndividual}},
		{"unusable category deposits are skipped", SeedSubjectRules(), StoreIndividual,
			[]PlatformCategory{{ID: "1", Deposit: Yuan(-90000)}, {ID: "2", Deposit: -1}},
			DepositQuote{Amount: Yuan(5000), Source: DepositSubjectBase, StoreType: StoreIndividual}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := tt.rules.Deposit(tt.t, tt.cats)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Deposit() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := SeedSubjectRules().Deposit(StoreTypeUnknown, nil); !errors.Is(err, ErrUnknownStoreType) || !errors.Is(err, ErrInvalid) {
		t.Errorf("Deposit(unknown) error = %v, want ErrUnknownStoreType", err)
	}
}

func TestProductCap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cap       ProductCap
		str       string
		allow999  bool
		allow1000 bool
	}{
		{ProductCap{Kind: CapUnlimited}, "unlimited", true, true},
		{ProductCap{Kind: CapFixed, Limit: 1000}, "1000 products", true, false},
		{ProductCap{Kind: CapDynamic}, "dynamic quota (getauditquota)", true, true},
		{ProductCap{Kind: CapNoTrading}, "no trading", false, false},
		{ProductCap{Kind: 9}, "ProductCap(?)", false, false},
	}
	for _, tt := range tests {
		if got := tt.cap.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
		if got := tt.cap.Allows(999); got != tt.allow999 {
			t.Errorf("%v.Allows(999) = %v", tt.cap, got)
		}
		if got := tt.cap.Allows(1000); got != tt.allow1000 {
			t.Errorf("%v.Allows(1000) = %v", tt.cap, got)
		}
	}
}

func TestEnumStrings(t *testing.T) {
	t.Parallel()
	got := []string{
		DepositNone.String(), DepositSubjectBase.String(), DepositCategoryTable.String(), DepositCategoryAPI.String(), DepositSource(9).String(),
		CertNone.String(), CertInterest.String(), CertProfessional.String(), CertOrganisation.String(), ChannelsCertification(9).String(),
		FaceNotDone.String(), FacePending.String(), FacePassed.String(), FaceFailed.String(), FaceStatus(9).String(),
		VerifyFace.ChineseName(), VerifyBankCard.ChineseName(), Verification("x").ChineseName(),
	}
	want := []string{
		"none", "subject base", "category table", "category API", "DepositSource(9)",
		"none", "interest", "professional", "organisation", "ChannelsCertification(9)",
		"not done", "pending", "passed", "failed", "FaceStatus(9)",
		"人脸识别", "银行卡验证", "x",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("enum strings mismatch (-want +got):\n%s", diff)
	}
}
