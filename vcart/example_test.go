package vcart_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart"
)

var cst = vcart.Shanghai()

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// An individual store (个体店) with a wrong ID check digit, no face
// recognition and an unverified bank card: every problem is reported at once,
// with what comes next.
func ExampleChecker_Check() {
	checker, err := vcart.NewChecker(vcart.SeedSubjectRules())
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	a := vcart.Applicant{
		StoreType:      vcart.StoreIndividual,
		SubjectName:    "个体户李四",
		Representative: "李四",
		Account: vcart.Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: vcart.CertInterest,
		},
		Documents: []vcart.Document{
			{Kind: vcart.DocOperatorID, Number: "110101199003073862", Holder: "李四", Permanent: true},
		},
		BankCard: vcart.BankCard{Number: "6228480402564890018", Holder: "李四"},
	}
	r := checker.Check(a, at)
	fmt.Println("eligible:", r.Eligible)
	for _, f := range r.Findings {
		fmt.Printf("%s %s [%s] %s\n", f.Severity, f.Code, f.Field, f.Rule)
	}
	fmt.Println("deposit due:", r.Deposit.Amount, "cap:", r.ProductCap)
	fmt.Println("pending:", r.PendingVerifications)
	// Output:
	// eligible: false
	// block bank_card.unverified [bank_card.verified] 银行卡验证
	// block resident_id.check_char [documents[0].number] 公民身份号码 (GB 11643) 校验码
	// block face.missing [face.status] 人脸识别
	// deposit due: ¥5000.00 cap: 1000 products
	// pending: [face_recognition bank_card]
}

// CheckEligibility runs a one-off check; a personal store (个人店) is not open.
func ExampleCheckEligibility() {
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	r := vcart.CheckEligibility(vcart.Applicant{
		StoreType: vcart.StorePersonal,
		Account: vcart.Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: vcart.CertProfessional,
		},
	}, at, vcart.SeedSubjectRules())
	fmt.Print(r)
	// Output:
	// Eligibility of 个人店 (personal) at 2026-03-01T00:00:00+08:00, rules seed-2023.1
	//   verdict:     not eligible (1 block, 0 warn, 0 info)
	//   deposit due: none (no trading)
	//   product cap: no trading
	//   missing:     nothing
	//   findings:
	//     block store_type.not_open [store_type] 个人店 (personal) stores are not open: display only, no trading (仅支持商品展示, 不支持交易) — 店铺类型
}

func ExampleReport_WriteText() {
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	r := vcart.CheckEligibility(vcart.Applicant{StoreType: vcart.StoreEnterprise}, at, vcart.SeedSubjectRules())
	if err := r.WriteText(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// Eligibility of 企业店 (enterprise) at 2026-03-01T00:00:00+08:00, rules seed-2023.1
	//   verdict:     not eligible (6 block, 1 warn, 0 info)
	//   deposit due: ¥20000.00 (subject base)
	//   product cap: unlimited
	//   missing:     business_licence (营业执照), legal_rep_id (法人身份证), brand_authorisation (品牌授权书)
	//   findings:
	//     block account.mini_shop [account.mini_shop_registered] a WeChat mini shop must be registered — 微信小商店注册
	//     block account.real_name [account.real_name_verified] the WeChat account must be real-name verified — 微信实名认证
	//     block document.missing [brands] brand authorisation (品牌授权) is required: add an own brand with its trademark certificate or an authorisation chain — 资质要求
	//     block document.missing [documents.business_licence] required document business_licence (营业执照) is missing — 资质要求
	//     block document.missing [documents.legal_rep_id] required document legal_rep_id (法人身份证) is missing — 资质要求
	//     block subject.name_missing [subject_name] the subject name (主体名称) is required for 企业店 (enterprise) stores — 证件主体一致
	//     warn  account.channels_certification [account.certification] the Channels account is not certified; interest (兴趣认证) or professional (职业认证) certification is recommended — 视频号认证 (建议)
}

func ExampleValidateUSCC() {
	for _, s := range []string{"91350100M000100Y43", "91350100M000100Y44", "91350100m000100y43", "９1350100M000100Y43", ""} {
		c := vcart.ValidateUSCC(s)
		fmt.Printf("%q ok=%v %s %s\n", s, c.OK, c.Severity, orDash(c.Code))
	}
	// Output:
	// "91350100M000100Y43" ok=true info -
	// "91350100M000100Y44" ok=false warn uscc.check_char
	// "91350100m000100y43" ok=false block uscc.lowercase
	// "９1350100M000100Y43" ok=false block uscc.fullwidth
	// "" ok=false block uscc.empty
}

func ExampleUSCCCheckChar() {
	c, ok := vcart.USCCCheckChar("91350100M000100Y4")
	fmt.Printf("%c %v\n", c, ok)
	o, ok := vcart.OrgCodeCheckChar("D2143569")
	fmt.Printf("%c %v\n", o, ok)
	// Output:
	// 3 true
	// X true
}

func ExampleValidateRegistrationNumber() {
	c := vcart.ValidateRegistrationNumber("110108000000016")
	fmt.Println(c.Severity, c.Code, c.Blocks())
	fmt.Println(vcart.ValidateLicenceNumber("110108000000016").Code)
	fmt.Println(vcart.ValidateLicenceNumber("91350100M000100Y43").OK)
	// Output:
	// warn registration_number.legacy false
	// registration_number.legacy
	// true
}

func ExampleValidateResidentID() {
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "110105194912310021", "110105194902300021", " 11010519491231002X"} {
		c := vcart.ValidateResidentID(s, at)
		fmt.Printf("%q ok=%v %s\n", s, c.OK, orDash(c.Code))
	}
	// Output:
	// "11010519491231002X" ok=true -
	// "11010519491231002x" ok=true -
	// "110105194912310021" ok=false resident_id.check_char
	// "110105194902300021" ok=false resident_id.birth_date
	// " 11010519491231002X" ok=false resident_id.whitespace
}

func ExampleResidentIDCheckChar() {
	c, ok := vcart.ResidentIDCheckChar("11010519491231002")
	fmt.Printf("%c %v\n", c, ok)
	// Output: X true
}

func ExampleValidateBankCard() {
	for _, s := range []string{"6228480402564890018", "6222600260001234567", "6228 4804 0256 4890 018"} {
		c := vcart.ValidateBankCard(s)
		fmt.Printf("ok=%v %s %s\n", c.OK, c.Severity, orDash(c.Code))
	}
	// Output:
	// ok=true info -
	// ok=false warn bank_card.luhn
	// ok=false block bank_card.charset
}

func ExampleCheck_Err() {
	err := vcart.ValidateBankCard("").Err("bank_card.number")
	fmt.Println(err)
	fmt.Println(errors.Is(err, vcart.ErrInvalid))
	// Output:
	// bank_card.number: bank card number is empty (bank_card.empty)
	// true
}

// The seed's flat deposits and the live platform's per-category deposit
// (read from getcategoryrule, in fen) fit the same table.
func ExampleSubjectRules_Deposit() {
	rules := vcart.SeedSubjectRules()
	q, _ := rules.Deposit(vcart.StoreIndividual, nil)
	fmt.Println(q.Amount, q.Source)

	cats := []vcart.PlatformCategory{
		{ID: "6153", Name: "女装", Category: vcart.CategoryApparel, Deposit: 300_000},
		{ID: "1001", Name: "零食", Category: vcart.CategoryFood, Deposit: 1_000_000},
	}
	q, _ = rules.Deposit(vcart.StoreIndividual, cats)
	fmt.Println(q.Amount, q.Source, q.CategoryID)

	_, err := rules.Deposit(vcart.StorePersonal+1, nil)
	fmt.Println(errors.Is(err, vcart.ErrUnknownStoreType))
	// Output:
	// ¥5000.00 subject base
	// ¥10000.00 category API 1001
	// true
}

func ExampleSeedSubjectRules() {
	for _, s := range vcart.SeedSubjectRules().Subjects {
		fmt.Printf("%s open=%v deposit=%s cap=%s docs=%v verify=%v\n",
			s.Type.ChineseName(), s.Open, s.Deposit, s.ProductCap, s.RequiredDocuments, s.Verifications)
	}
	// Output:
	// 企业店 open=true deposit=¥20000.00 cap=unlimited docs=[business_licence legal_rep_id brand_authorisation] verify=[]
	// 个体店 open=true deposit=¥5000.00 cap=1000 products docs=[operator_id] verify=[face_recognition bank_card]
	// 个人店 open=false deposit=¥0.00 cap=no trading docs=[] verify=[]
}

func ExampleDocument_ValidAt() {
	licence := vcart.Document{
		Kind:      vcart.DocBusinessLicence,
		ValidFrom: time.Date(2016, 1, 1, 0, 0, 0, 0, cst),
		ValidTo:   time.Date(2026, 3, 1, 0, 0, 0, 0, cst),
	}
	fmt.Println(licence.ValidAt(time.Date(2026, 2, 28, 23, 59, 0, 0, cst)))
	fmt.Println(licence.ValidAt(time.Date(2026, 3, 1, 0, 0, 0, 0, cst))) // ValidTo is exclusive
	licence.Permanent = true                                             // 长期有效
	fmt.Println(licence.ValidAt(time.Date(2099, 1, 1, 0, 0, 0, 0, cst)))
	// Output:
	// true
	// false
	// true
}

func ExampleParseMoney() {
	m, err := vcart.ParseMoney("12.345", vcart.CNY)
	fmt.Println(m, err)
	_, err = m.Fen()
	fmt.Println(errors.Is(err, vcart.ErrSubFen))
	fen, _ := m.RoundFen(vcart.HalfUp)
	fmt.Println(int64(fen), fen)
	_, err = vcart.ParseMoney(" 12", vcart.CNY)
	fmt.Println(errors.Is(err, vcart.ErrBadAmount))
	// Output:
	// 12.345 CNY <nil>
	// true
	// 1235 ¥12.35
	// true
}

// Fen is the everyday amount: wire fields convert to it in one step, its
// arithmetic is Go's own, and it prints as a price.
func ExampleFen() {
	var orderPrice int64 = 3990 // a wire field, e.g. price_info.order_price
	price := vcart.Fen(orderPrice)
	total := price*3 - vcart.Fen(500) // three items, ¥5 off
	fmt.Println(price, total, total > vcart.Yuan(100))

	// A rate applied gives a fraction of a fen: compute on Money, then
	// round to fen with a named mode.
	fee, _ := total.Money().Mul(decimal.RequireFromString("0.006")).RoundFen(vcart.HalfUp)
	fmt.Println(fee, int64(fee))
	// Output:
	// ¥39.90 ¥114.70 true
	// ¥0.69 69
}

func ExampleParseFen() {
	for _, s := range []string{"39.9", "¥39.90", "-¥0.05", "0.005", "39,90"} {
		f, err := vcart.ParseFen(s)
		fmt.Println(int64(f), err)
	}
	// Output:
	// 3990 <nil>
	// 3990 <nil>
	// -5 <nil>
	// 0 vcart: amount is not a whole fen: 0.005 CNY
	// 0 vcart: malformed amount: "39,90"
}

func ExampleMoney_Round() {
	m := vcart.NewMoney(decimal.RequireFromString("0.045"), vcart.CNY)
	for _, mode := range []vcart.RoundingMode{vcart.HalfUp, vcart.HalfEven, vcart.Down, vcart.Up} {
		fmt.Println(mode, m.Round(mode))
	}
	// Output:
	// half-up 0.05 CNY
	// half-even 0.04 CNY
	// down 0.04 CNY
	// up 0.05 CNY
}

// CheckDocument checks one uploaded document on its own.
func ExampleChecker_CheckDocument() {
	checker, err := vcart.NewChecker(vcart.SeedSubjectRules())
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	licence := vcart.Document{
		Kind:    vcart.DocBusinessLicence,
		Number:  "91350100M000100Y44",
		ValidTo: time.Date(2026, 3, 20, 0, 0, 0, 0, cst),
	}
	for _, f := range checker.CheckDocument(licence, at) {
		fmt.Println(f.Severity, f.Code, f.Field)
	}
	// Output:
	// warn uscc.check_char documents[0].number
	// warn document.expiring documents[0].valid_to
}

func ExampleLuhnValid() {
	fmt.Println(vcart.LuhnValid("79927398713"), vcart.LuhnValid("4111111111111112"))
	// Output: true false
}

// ValidateLicenceNumber accepts either number a business licence may carry.
func ExampleValidateLicenceNumber() {
	for _, s := range []string{"91350100M000100Y43", "110108000000016", "1101080000000"} {
		c := vcart.ValidateLicenceNumber(s)
		fmt.Println(c.Severity, orDash(c.Code))
	}
	// Output:
	// info -
	// warn registration_number.legacy
	// block uscc.length
}

// The live platform's shape fits the same table: no flat deposit (the
// category API sets it), a dynamic product quota, a licence required of an
// individual business, no brand authorisation for an ordinary enterprise.
func ExampleSubjectRules_liveShape() {
	rules := vcart.SeedSubjectRules()
	rules.Version = "live-2026.03"
	rules.EffectiveFrom = time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	for i := range rules.Subjects {
		s := &rules.Subjects[i]
		s.Deposit = 0
		switch s.Type {
		case vcart.StoreEnterprise:
			s.RequiredDocuments = []vcart.DocumentKind{vcart.DocBusinessLicence, vcart.DocLegalRepID}
			s.ProductCap = vcart.ProductCap{Kind: vcart.CapDynamic}
		case vcart.StoreIndividual:
			s.RequiredDocuments = []vcart.DocumentKind{vcart.DocBusinessLicence, vcart.DocOperatorID}
			s.ProductCap = vcart.ProductCap{Kind: vcart.CapDynamic}
		}
	}
	checker, err := vcart.NewChecker(rules)
	if err != nil {
		panic(err)
	}
	r := checker.Check(vcart.Applicant{
		StoreType: vcart.StoreIndividual,
		Account: vcart.Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: vcart.CertInterest,
		},
		Documents: []vcart.Document{
			{Kind: vcart.DocOperatorID, Number: "110101199003073861", Permanent: true},
		},
		Face:     vcart.FaceVerification{Status: vcart.FacePassed},
		BankCard: vcart.BankCard{Number: "6228480402564890018", Holder: "李四", Verified: true},
		// Read from POST /shop/ec/category/getcategoryrule (deposit in fen).
		Categories: []vcart.PlatformCategory{{ID: "6153", Name: "女装", Category: vcart.CategoryApparel, Deposit: 500_000}},
	}, time.Date(2026, 3, 2, 0, 0, 0, 0, cst))
	fmt.Println(r.Eligible, r.MissingDocuments)
	fmt.Println(r.Deposit.Amount, r.Deposit.Source, r.ProductCap)
	// Output:
	// false [business_licence]
	// ¥5000.00 category API dynamic quota (getauditquota)
}

// The package in brief: an eligibility check at an instant in the
// platform's time zone ([vcart.Shanghai]), every problem at once, and the
// deposit due as [vcart.Fen], the everyday amount.
func Example() {
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	r := vcart.CheckEligibility(vcart.Applicant{
		StoreType:      vcart.StoreEnterprise,
		SubjectName:    "福州示例贸易有限公司",
		Representative: "张三",
		Account: vcart.Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: vcart.CertProfessional,
		},
		Documents: []vcart.Document{
			{Kind: vcart.DocBusinessLicence, Number: "91350100M000100Y43", Holder: "福州示例贸易有限公司", Permanent: true},
			{Kind: vcart.DocLegalRepID, Number: "11010519491231002X", Holder: "张三", ValidTo: at.AddDate(1, 0, 0)},
		},
	}, at, vcart.SeedSubjectRules())
	fmt.Println("eligible:", r.Eligible)
	for _, f := range r.Findings {
		fmt.Println(f.Severity, f.Code, f.Field)
	}
	deposit := r.Deposit.Amount
	fmt.Println("deposit:", deposit, "in fen:", int64(deposit), "half of it:", deposit/2)
	// Output:
	// eligible: false
	// block document.missing brands
	// deposit: ¥20000.00 in fen: 2000000 half of it: ¥10000.00
}
