package vcart

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, shanghai) }

// completeEnterprise returns an enterprise applicant that meets every rule at testAt.
func completeEnterprise() Applicant {
	return Applicant{
		StoreType:      StoreEnterprise,
		SubjectName:    "福州示例贸易有限公司",
		Representative: "张三",
		Account: Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: CertProfessional,
		},
		Documents: []Document{
			{Kind: DocBusinessLicence, Number: "91350100M000100Y43", Holder: "福州示例贸易有限公司", ValidFrom: day(2015, 6, 1), Permanent: true},
			{Kind: DocLegalRepID, Number: "11010519491231002X", Holder: "张三", ValidFrom: day(2020, 1, 1), ValidTo: day(2040, 1, 1)},
		},
		Brands: []BrandAuthorisation{{
			Brand: "示例", Owner: "示例品牌（中国）有限公司",
			Chain: []AuthorisationLink{
				{From: "示例品牌(中国)有限公司", To: "华东总代理有限公司", Letter: Document{Kind: DocBrandAuthorisation, ValidTo: day(2027, 1, 1)}},
				{From: "华东总代理有限公司", To: "福州示例贸易有限公司", Letter: Document{Kind: DocBrandAuthorisation, ValidTo: day(2027, 1, 1)}},
			},
		}},
		Categories: []PlatformCategory{{ID: "6153", Name: "女装", Category: CategoryApparel}},
	}
}

// completeIndividual returns an individual applicant that meets every rule at testAt.
func completeIndividual() Applicant {
	return Applicant{
		StoreType:      StoreIndividual,
		SubjectName:    "个体户李四",
		Representative: "李四",
		Account: Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: CertInterest,
		},
		Documents: []Document{
			{Kind: DocOperatorID, Number: "110101199003073861", Holder: "李四", ValidFrom: day(2019, 5, 1), ValidTo: day(2039, 5, 1)},
		},
		Face:     FaceVerification{Status: FacePassed, IDNumber: "110101199003073861", At: day(2026, 2, 20)},
		BankCard: BankCard{Number: "6228480402564890018", Holder: "李四", Verified: true},
	}
}

func TestCheckEligibility_Complete(t *testing.T) {
	t.Parallel()
	rules := SeedSubjectRules()
	tests := []struct {
		name string
		a    Applicant
		want Report
	}{
		{
			name: "enterprise",
			a:    completeEnterprise(),
			want: Report{
				StoreType: StoreEnterprise, At: testAt, RulesVersion: SeedRulesVersion, Matched: true, Eligible: true, CanTrade: true,
				Deposit:    DepositQuote{Amount: Yuan(20000), Source: DepositSubjectBase, StoreType: StoreEnterprise},
				ProductCap: ProductCap{Kind: CapUnlimited},
			},
		},
		{
			name: "individual",
			a:    completeIndividual(),
			want: Report{
				StoreType: StoreIndividual, At: testAt, RulesVersion: SeedRulesVersion, Matched: true, Eligible: true, CanTrade: true,
				Deposit:    DepositQuote{Amount: Yuan(5000), Source: DepositSubjectBase, StoreType: StoreIndividual},
				ProductCap: ProductCap{Kind: CapFixed, Limit: 1000},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := CheckEligibility(tt.a, testAt, rules)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckEligibility() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// finding is the part of a Finding the rule tests compare.
type finding struct {
	Code     string
	Field    string
	Severity Severity
}

func findingsOf(r Report) []finding {
	var fs []finding
	for _, f := range r.Findings {
		fs = append(fs, finding{f.Code, f.Field, f.Severity})
		if f.Message == "" || f.Rule == "" {
			panic("finding without message or rule: " + f.Code)
		}
	}
	return fs
}

func TestCheckEligibility_Rules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		base        func() Applicant
		edit        func(a *Applicant)
		at          time.Time // zero: testAt
		want        []finding
		wantMissing []DocumentKind
		wantPending []Verification
	}{
		{
			name: "account: everything missing",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.Account = Account{Violations: 2} },
			want: []finding{
				{"account.mini_shop", "account.mini_shop_registered", Block},
				{"account.real_name", "account.real_name_verified", Block},
				{"account.violations", "account.violations", Block},
				{"account.channels_certification", "account.certification", Warn},
			},
		},
		{
			name: "account: mini shop not bound, negative violations, odd certification",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.Account.MiniShopBound = false
				a.Account.Violations = -1
				a.Account.Certification = 9
			},
			want: []finding{
				{"account.mini_shop_unbound", "account.mini_shop_bound", Block},
				{"account.violations_invalid", "account.violations", Block},
				{"account.certification_invalid", "account.certification", Warn},
			},
		},
		{
			name: "unknown store type still checks account and documents",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.StoreType = StoreTypeUnknown
				a.Account.RealNameVerified = false
				a.Documents[0].Number = " 91350100M000100Y43"
			},
			want: []finding{
				{"account.real_name", "account.real_name_verified", Block},
				{"uscc.whitespace", "documents[0].number", Block},
				{"store_type.unknown", "store_type", Block},
			},
		},
		{
			name: "out-of-range store type",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.StoreType = 42 },
			want: []finding{{"store_type.unknown", "store_type", Block}},
		},
		{
			name: "personal store is not open",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.StoreType = StorePersonal; a.Brands = nil; a.Documents = nil },
			want: []finding{{"store_type.not_open", "store_type", Block}},
		},
		{
			name: "enterprise: every document missing",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.Documents = nil; a.Brands = nil },
			want: []finding{
				{"document.missing", "brands", Block},
				{"document.missing", "documents.business_licence", Block},
				{"document.missing", "documents.legal_rep_id", Block},
			},
			wantMissing: []DocumentKind{DocBusinessLicence, DocLegalRepID, DocBrandAuthorisation},
		},
		{
			name: "licence: legacy number, holder mismatch, expired",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				d := &a.Documents[0]
				d.Number, d.Holder, d.Permanent, d.ValidTo = "110108000000016", "别的公司", false, day(2026, 2, 1)
			},
			want: []finding{
				{"document.holder_mismatch", "documents[0].holder", Block},
				{"document.expired", "documents[0].valid_to", Block},
				{"registration_number.legacy", "documents[0].number", Warn},
			},
		},
		{
			name: "licence: expiry is exclusive",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.Documents[0].Permanent, a.Documents[0].ValidTo = false, testAt },
			want: []finding{{"document.expired", "documents[0].valid_to", Block}},
		},
		{
			name: "licence: expiring within the notice, no end date on the ID",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.Documents[0].Permanent, a.Documents[0].ValidTo = false, day(2026, 3, 20)
				a.Documents[1].ValidTo = time.Time{}
			},
			want: []finding{
				{"document.expiring", "documents[0].valid_to", Warn},
				{"document.validity_unknown", "documents[1].valid_to", Warn},
			},
		},
		{
			name: "licence: not yet valid, and a reversed range",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.Documents[0].ValidFrom = day(2026, 4, 1)
				a.Documents[1].ValidFrom, a.Documents[1].ValidTo = day(2030, 1, 1), day(2029, 1, 1)
			},
			want: []finding{
				{"document.not_yet_valid", "documents[0].valid_from", Block},
				{"document.validity_range", "documents[1].valid_to", Block},
			},
		},
		{
			name: "legal representative ID: bad check digit, holder mismatch",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.Documents[1].Number = "110105194912310021"; a.Documents[1].Holder = "王五" },
			want: []finding{
				{"document.holder_mismatch", "documents[1].holder", Block},
				{"resident_id.check_char", "documents[1].number", Block},
			},
		},
		{
			name: "licence code of an individual business on an enterprise store",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.Documents[0].Number = "92350100M000100Y4" + string(mustUSCC(t, "92350100M000100Y4"))
			},
			want: []finding{{"document.subject_mismatch", "documents[0].number", Warn}},
		},
		{
			name: "enterprise licence code on an individual store",
			base: completeIndividual,
			edit: func(a *Applicant) {
				a.Documents = append(a.Documents, Document{Kind: DocBusinessLicence, Number: "91350100M000100Y43", Holder: a.SubjectName, Permanent: true})
			},
			want: []finding{{"document.subject_mismatch", "documents[1].number", Warn}},
		},
		{
			name: "enterprise settles to a corporate account in its own name",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.BankCard = BankCard{Number: "1234567890123456789012", Holder: "张三"} },
			want: []finding{{"bank_card.holder_mismatch", "bank_card.holder", Block}},
		},
		{
			name: "enterprise corporate account in the subject's name",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.BankCard = BankCard{Number: "1234567890123456789012", Holder: a.SubjectName} },
		},
		{
			name: "document with empty kind",
			base: completeEnterprise,
			edit: func(a *Applicant) { a.Documents = append(a.Documents, Document{Number: "x"}) },
			want: []finding{{"document.kind_empty", "documents[2].kind", Block}},
		},
		{
			name: "own brand: owner mismatch, no trademark",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.Brands = []BrandAuthorisation{{Brand: "自有", Owner: "别的公司", Own: true}}
			},
			want: []finding{
				{"brand.owner_mismatch", "brands[0].owner", Block},
				{"brand.trademark_missing", "brands[0].trademark", Warn},
			},
			wantMissing: []DocumentKind{DocTrademark},
		},
		{
			name: "own brand with an expired trademark of the wrong holder",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.Brands = []BrandAuthorisation{{Brand: "自有", Owner: a.SubjectName, Own: true,
					Trademark: Document{Kind: DocTrademark, Holder: "别人", ValidTo: day(2025, 1, 1)}}}
			},
			want: []finding{
				{"brand.trademark_holder", "brands[0].trademark.holder", Block},
				{"document.expired", "brands[0].trademark.valid_to", Block},
			},
		},
		{
			name:        "authorised brand: no chain",
			base:        completeEnterprise,
			edit:        func(a *Applicant) { a.Brands[0].Chain = nil },
			want:        []finding{{"brand.chain_missing", "brands[0].chain", Block}},
			wantMissing: []DocumentKind{DocBrandAuthorisation},
		},
		{
			name: "authorised brand: broken chain, expired letter, wrong end",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				c := a.Brands[0].Chain
				c[0].From = "冒名公司"
				c[1].From = "另一家代理"
				c[1].To = "别的店"
				c[1].Letter.ValidTo = day(2026, 1, 1)
			},
			want: []finding{
				{"brand.chain_end", "brands[0].chain", Block},
				{"brand.chain_start", "brands[0].chain[0].from", Block},
				{"brand.chain_broken", "brands[0].chain[1].from", Block},
				{"document.expired", "brands[0].chain[1].letter.valid_to", Block},
			},
		},
		{
			name: "authorised brand: missing letter, wrong letter kind, empty names",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				b := &a.Brands[0]
				b.Brand = " "
				b.Chain[0].Letter = Document{}
				b.Chain[1].Letter.Kind = DocTrademark
				b.Chain[1].To = ""
				a.SubjectName = ""
				a.Documents[0].Holder = ""
			},
			want: []finding{
				{"brand.name_empty", "brands[0].brand", Block},
				{"brand.letter_missing", "brands[0].chain[0].letter", Block},
				{"brand.letter_kind", "brands[0].chain[1].letter.kind", Block},
				{"brand.chain_grantee_empty", "brands[0].chain[1].to", Block},
				{"subject.name_missing", "subject_name", Block},
			},
			wantMissing: []DocumentKind{DocBrandAuthorisation},
		},
		{
			// The audit case: with SubjectName and Representative blank every
			// holder and chain check used to be skipped (eligible, 0 findings).
			name: "enterprise without subject name: checks fall back to the licence and ID holders",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.SubjectName, a.Representative = "", ""
				a.Documents[0].Holder = "别的公司"
				a.Documents[1].Holder = "王五"
				a.Brands[0].Chain[1].To = "随便一家公司"
				a.Documents = append(a.Documents, Document{Kind: DocLegalRepID, Number: "11010519491231002X", Holder: "赵六", Permanent: true})
				a.Brands = append(a.Brands, BrandAuthorisation{Brand: "自有", Owner: "福州示例贸易有限公司", Own: true,
					Trademark: Document{Kind: DocTrademark, Holder: "福州示例贸易有限公司"}})
				a.BankCard = BankCard{Number: "1234567890123456789012", Holder: "福州示例贸易有限公司"}
			},
			want: []finding{
				{"bank_card.holder_mismatch", "bank_card.holder", Block},
				{"brand.chain_end", "brands[0].chain", Block},
				{"brand.owner_mismatch", "brands[1].owner", Block},
				{"document.holder_mismatch", "documents[2].holder", Block},
				{"subject.name_missing", "subject_name", Block},
			},
		},
		{
			name: "individual without subject name or licence",
			base: completeIndividual,
			edit: func(a *Applicant) { a.SubjectName = "\u3000" },
			want: []finding{{"subject.name_missing", "subject_name", Block}},
		},
		{
			name:        "individual without representative: the operator ID holder is the representative",
			base:        completeIndividual,
			edit:        func(a *Applicant) { a.Representative = ""; a.BankCard.Holder = "王五" },
			want:        []finding{{"bank_card.holder_mismatch", "bank_card.holder", Block}},
			wantPending: []Verification{VerifyBankCard},
		},
		{
			name:        "face recognition dated after the check",
			base:        completeIndividual,
			edit:        func(a *Applicant) { a.Face.At = testAt.Add(time.Second) },
			want:        []finding{{"face.future", "face.at", Block}},
			wantPending: []Verification{VerifyFace},
		},
		{
			name: "face recognition at the check instant",
			base: completeIndividual,
			edit: func(a *Applicant) { a.Face.At = testAt },
		},
		{
			name: "individual: face, bank card and ID problems at once",
			base: completeIndividual,
			edit: func(a *Applicant) {
				a.Documents[0].Number = "110101199003073862"
				a.Face = FaceVerification{}
				a.BankCard = BankCard{Number: "6222600260001234567", Holder: "李四"}
				a.Account.Certification = CertNone
			},
			want: []finding{
				{"bank_card.unverified", "bank_card.verified", Block},
				{"resident_id.check_char", "documents[0].number", Block},
				{"face.missing", "face.status", Block},
				{"account.channels_certification", "account.certification", Warn},
				{"bank_card.luhn", "bank_card.number", Warn},
			},
			wantPending: []Verification{VerifyFace, VerifyBankCard},
		},
		{
			name: "individual: no ID, no card, failed face",
			base: completeIndividual,
			edit: func(a *Applicant) {
				a.Documents = nil
				a.BankCard = BankCard{}
				a.Face.Status = FaceFailed
			},
			want: []finding{
				{"bank_card.missing", "bank_card.number", Block},
				{"document.missing", "documents.operator_id", Block},
				{"face.failed", "face.status", Block},
			},
			wantMissing: []DocumentKind{DocOperatorID, DocBankAccount},
			wantPending: []Verification{VerifyFace, VerifyBankCard},
		},
		{
			name: "individual: pending face, card of someone else with bad format",
			base: completeIndividual,
			edit: func(a *Applicant) {
				a.Face.Status = FacePending
				a.BankCard = BankCard{Number: "6228 4804 0256 4890 018", Holder: "王五", Verified: true}
			},
			want: []finding{
				{"bank_card.holder_mismatch", "bank_card.holder", Block},
				{"bank_card.charset", "bank_card.number", Block},
				{"face.pending", "face.status", Block},
			},
			wantPending: []Verification{VerifyFace, VerifyBankCard},
		},
		{
			name: "individual: face matched another ID, card without holder, odd face status",
			base: completeIndividual,
			edit: func(a *Applicant) {
				a.Face.IDNumber = "11010519491231002X"
				a.BankCard.Holder = ""
			},
			want: []finding{
				{"bank_card.holder_missing", "bank_card.holder", Block},
				{"face.id_mismatch", "face.id_number", Block},
			},
			wantPending: []Verification{VerifyFace, VerifyBankCard},
		},
		{
			name:        "individual: unknown face status; card holder may be the subject",
			base:        completeIndividual,
			edit:        func(a *Applicant) { a.Face.Status = 7; a.BankCard.Holder = "个体户李四" },
			want:        []finding{{"face.status_invalid", "face.status", Block}},
			wantPending: []Verification{VerifyFace},
		},
		{
			name: "individual: brands are not checked",
			base: completeIndividual,
			edit: func(a *Applicant) { a.Brands = []BrandAuthorisation{{}} },
			want: []finding{{"brand.not_applicable", "brands", Info}},
		},
		{
			name: "categories need their documents once each",
			base: completeEnterprise,
			edit: func(a *Applicant) {
				a.Categories = []PlatformCategory{
					{Category: CategoryFood}, {Category: CategoryFood}, {Category: CategoryCosmetics}, {Category: CategoryElectronics},
				}
				a.Documents = append(a.Documents, Document{Kind: DocCCC, ValidTo: day(2028, 1, 1)})
			},
			want: []finding{
				{"category.document_missing", "documents.cosmetics_filing", Warn},
				{"category.document_missing", "documents.food_production_licence", Warn},
			},
			wantMissing: []DocumentKind{DocFoodLicence, DocCosmeticsFiling},
		},
		{
			name: "checked before the rules take effect",
			base: completeEnterprise,
			at:   day(2022, 6, 1),
			edit: func(*Applicant) {},
			want: []finding{{"rules.not_effective", "rules", Warn}},
		},
	}
	rules := SeedSubjectRules()
	checker, err := NewChecker(rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := tt.base()
			tt.edit(&a)
			at := tt.at
			if at.IsZero() {
				at = testAt
			}
			got := checker.Check(a, at)
			if diff := cmp.Diff(tt.want, findingsOf(got)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantMissing, got.MissingDocuments); diff != "" {
				t.Errorf("MissingDocuments mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantPending, got.PendingVerifications); diff != "" {
				t.Errorf("PendingVerifications mismatch (-want +got):\n%s", diff)
			}
			wantEligible := true
			for _, f := range tt.want {
				if f.Severity == Block {
					wantEligible = false
				}
			}
			if got.Eligible != wantEligible {
				t.Errorf("Eligible = %v, want %v", got.Eligible, wantEligible)
			}
			// The verdict for a given input never changes.
			if diff := cmp.Diff(got, checker.Check(a, at)); diff != "" {
				t.Errorf("second check differs (-first +second):\n%s", diff)
			}
		})
	}
}

func TestCheckEligibility_DoesNotMutate(t *testing.T) {
	t.Parallel()
	a := completeEnterprise()
	a.Documents[0].Number = "bad"
	before := completeEnterprise()
	before.Documents[0].Number = "bad"
	_ = CheckEligibility(a, testAt, SeedSubjectRules())
	if diff := cmp.Diff(before, a); diff != "" {
		t.Errorf("CheckEligibility mutated its applicant (-before +after):\n%s", diff)
	}
}

func TestCheckEligibility_InvalidRules(t *testing.T) {
	t.Parallel()
	got := CheckEligibility(completeEnterprise(), testAt, SubjectRules{})
	if got.Eligible || len(got.Findings) != 1 || got.Findings[0].Code != "rules.invalid" {
		t.Errorf("CheckEligibility with empty rules = %+v, want one rules.invalid block", got)
	}
}

func TestReport_WriteText(t *testing.T) {
	t.Parallel()
	a := completeIndividual()
	a.Face = FaceVerification{}
	a.BankCard.Number = "6222600260001234567"
	a.Categories = []PlatformCategory{{ID: "1001", Category: CategoryFood, Deposit: 1000000}}
	got := CheckEligibility(a, testAt, SeedSubjectRules()).String()
	want := `Eligibility of 个体店 (individual) at 2026-03-01T00:00:00+08:00, rules seed-2023.1
  verdict:     not eligible (1 block, 2 warn, 0 info)
  deposit due: ¥10000.00 (category API: food #1001)
  product cap: 1000 products
  missing:     food_production_licence (食品生产许可证)
  pending:     face_recognition (人脸识别)
  findings:
    block face.missing [face.status] face recognition has not been done — 人脸识别
    warn  bank_card.luhn [bank_card.number] bank card number fails the Luhn check; some domestic cards do, so confirm it with the bank card verification — 银行卡号 (Luhn)
    warn  category.document_missing [documents.food_production_licence] listing in food (食品) needs food_production_licence (食品生产许可证) — 类目资质
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("String() mismatch (-want +got):\n%s", diff)
	}

	personal := CheckEligibility(Applicant{StoreType: StorePersonal}, testAt, SeedSubjectRules())
	if s := personal.String(); !strings.Contains(s, "deposit due: none (no trading)") || !strings.Contains(s, "product cap: no trading") {
		t.Errorf("personal report:\n%s", s)
	}
	unknown := CheckEligibility(Applicant{}, testAt, SeedSubjectRules())
	if s := unknown.String(); !strings.Contains(s, "未知 (StoreType(0))") || !strings.Contains(s, "product cap: unknown") {
		t.Errorf("unknown report:\n%s", s)
	}
	if err := unknown.WriteText(failWriter{}); !errors.Is(err, errWrite) {
		t.Errorf("WriteText to a failing writer = %v, want %v", err, errWrite)
	}
}

var errWrite = errors.New("write failed")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestNamesEqual(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"示例（中国）有限公司", "示例(中国)有限公司", true},
		{" 张 三 ", "张三", true},
		{"张三\u3000", "张三", true},
		{"张三", "张四", false},
		{"张三", "张三丰", false},
		{"", "", true},
		{"ABC", "abc", false},
		{"A\u00a0B", "AB", true},
		{"（", "(", true},
		{"＃", "#", false},
		{"张三", "", false},
	}
	for _, tt := range tests {
		if got := namesEqual(tt.a, tt.b); got != tt.want {
			t.Errorf("namesEqual(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCheckEligibility_TypeMissingFromRules(t *testing.T) {
	t.Parallel()
	rules := SeedSubjectRules()
	rules.Subjects = rules.Subjects[:1] // enterprise only
	got := CheckEligibility(completeIndividual(), testAt, rules)
	if got.Matched || got.Eligible || !got.Has("store_type.unknown") {
		t.Errorf("CheckEligibility = %+v, want an unmatched, ineligible report with store_type.unknown", got)
	}
	if s := got.String(); !strings.Contains(s, "deposit due: unknown") || !strings.Contains(s, "product cap: unknown") {
		t.Errorf("report:\n%s", s)
	}
}

func TestCheckEligibility_DisplayOnlyRow(t *testing.T) {
	t.Parallel()
	rules := SeedSubjectRules()
	rules.Subjects[1].CanTrade = false // open but display only
	got := CheckEligibility(completeIndividual(), testAt, rules)
	want := []finding{{"store_type.not_open", "store_type", Block}}
	if diff := cmp.Diff(want, findingsOf(got)); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	if got.Findings[0].Message != "个体店 (individual) stores are display only and cannot trade (不支持交易)" {
		t.Errorf("message = %q", got.Findings[0].Message)
	}
	if got.Deposit.Source != DepositNone || got.Deposit.Amount != 0 {
		t.Errorf("deposit = %+v, want none", got.Deposit)
	}
}

func TestChecker_CheckDocument(t *testing.T) {
	t.Parallel()
	checker, err := NewChecker(SeedSubjectRules())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		d    Document
		want []finding
	}{
		{"good licence", Document{Kind: DocBusinessLicence, Number: "91350100M000100Y43", Holder: "任何人", Permanent: true}, nil},
		{"bad licence", Document{Kind: DocBusinessLicence, Number: "91350100M000100Y4", ValidTo: day(2026, 3, 10)}, []finding{
			{"uscc.length", "documents[0].number", Block},
			{"document.expiring", "documents[0].valid_to", Warn},
		}},
		{"ID without end", Document{Kind: DocOperatorID, Number: "11010519491231002X"}, []finding{
			{"document.validity_unknown", "documents[0].valid_to", Warn},
		}},
		{"expired CCC", Document{Kind: DocCCC, Number: "anything", ValidTo: day(2025, 1, 1)}, []finding{
			{"document.expired", "documents[0].valid_to", Block},
		}},
		{"trademark without dates", Document{Kind: DocTrademark}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := findingsOf(Report{Findings: checker.CheckDocument(tt.d, testAt)})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckDocument() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
