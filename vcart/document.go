package vcart

import "time"

// DocumentKind names a qualification document (资质文件). Its values are
// stable snake_case strings, safe to store and to put on the wire.
type DocumentKind string

// Document kinds the seed's rules and the review rules refer to.
const (
	// DocBusinessLicence is the business licence (营业执照).
	DocBusinessLicence DocumentKind = "business_licence"
	// DocLegalRepID is the legal representative's resident ID card (法人身份证).
	DocLegalRepID DocumentKind = "legal_rep_id"
	// DocOperatorID is the operator's resident ID card (经营者身份证) of an
	// individual business (个体工商户).
	DocOperatorID DocumentKind = "operator_id"
	// DocBrandAuthorisation is a brand authorisation letter (品牌授权书).
	DocBrandAuthorisation DocumentKind = "brand_authorisation"
	// DocTrademark is a trademark registration certificate (商标注册证).
	DocTrademark DocumentKind = "trademark"
	// DocFoodLicence is a food production licence (食品生产许可证, "SC" number).
	DocFoodLicence DocumentKind = "food_production_licence"
	// DocFoodBusinessLicence is a food business licence (食品经营许可证, "JY" number).
	DocFoodBusinessLicence DocumentKind = "food_business_licence"
	// DocCosmeticsFiling is a cosmetics filing or registration certificate
	// (化妆品备案/注册凭证).
	DocCosmeticsFiling DocumentKind = "cosmetics_filing"
	// DocCCC is a China Compulsory Certification certificate (3C 认证证书).
	DocCCC DocumentKind = "ccc_certificate"
	// DocBankAccount is the settlement bank card or account proof (结算银行卡).
	DocBankAccount DocumentKind = "bank_account"
)

// ChineseName returns the platform's Chinese term for the kind, or the kind
// itself for one the SDK does not know.
func (k DocumentKind) ChineseName() string {
	switch k {
	case DocBusinessLicence:
		return "营业执照"
	case DocLegalRepID:
		return "法人身份证"
	case DocOperatorID:
		return "经营者身份证"
	case DocBrandAuthorisation:
		return "品牌授权书"
	case DocTrademark:
		return "商标注册证"
	case DocFoodLicence:
		return "食品生产许可证"
	case DocFoodBusinessLicence:
		return "食品经营许可证"
	case DocCosmeticsFiling:
		return "化妆品备案/注册凭证"
	case DocCCC:
		return "3C认证证书"
	case DocBankAccount:
		return "结算银行卡"
	}
	return string(k)
}

// Document is one qualification document as the merchant uploaded it.
type Document struct {
	Kind      DocumentKind
	Number    string    // the number as printed on the document
	Holder    string    // the name on the document
	ValidFrom time.Time // zero: start unknown
	ValidTo   time.Time // end of validity, exclusive; zero with Permanent false: unknown
	Permanent bool      // 长期有效: valid without an end date
}

// ValidAt reports whether the document is in force at t: its start is
// unknown or not after t, and it is permanent (长期有效), its end is unknown,
// or t is before its end (ValidTo is exclusive).
func (d Document) ValidAt(t time.Time) bool {
	if !d.ValidFrom.IsZero() && t.Before(d.ValidFrom) {
		return false
	}
	if d.Permanent || d.ValidTo.IsZero() {
		return true
	}
	return t.Before(d.ValidTo)
}

// Expired reports whether the document has a known end that is not after t.
// A permanent document never expires.
func (d Document) Expired(t time.Time) bool {
	return !d.Permanent && !d.ValidTo.IsZero() && !t.Before(d.ValidTo)
}
