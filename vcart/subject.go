package vcart

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Verification is an identity check a store subject must pass besides its
// documents.
type Verification string

// Verifications named by the seed.
const (
	// VerifyFace is face recognition (人脸识别) of the operator.
	VerifyFace Verification = "face_recognition"
	// VerifyBankCard is bank card verification (银行卡验证) of the settlement card.
	VerifyBankCard Verification = "bank_card"
)

// ChineseName returns the platform's term for the verification.
func (v Verification) ChineseName() string {
	switch v {
	case VerifyFace:
		return "人脸识别"
	case VerifyBankCard:
		return "银行卡验证"
	}
	return string(v)
}

// CapKind says how a store's product cap (商品上限) is set.
type CapKind int

// Product cap kinds. The zero value is [CapUnlimited].
const (
	// CapUnlimited means no cap (无限制).
	CapUnlimited CapKind = iota
	// CapFixed means a fixed number of products, [ProductCap.Limit].
	CapFixed
	// CapDynamic means a quota that the platform adjusts with operating
	// data and reports through POST /channels/ec/product/getauditquota; the
	// SDK cannot know it without asking the API.
	CapDynamic
	// CapNoTrading means the store cannot list products for sale at all.
	CapNoTrading
)

// ProductCap is the number of products a store may list (商品上限).
type ProductCap struct {
	Kind  CapKind
	Limit int // number of products, for CapFixed; ignored otherwise
}

// String describes the cap: "unlimited", "1000 products", "dynamic quota
// (getauditquota)" or "no trading".
func (p ProductCap) String() string {
	switch p.Kind {
	case CapUnlimited:
		return "unlimited"
	case CapFixed:
		return strconv.Itoa(p.Limit) + " products"
	case CapDynamic:
		return "dynamic quota (getauditquota)"
	case CapNoTrading:
		return "no trading"
	}
	return "ProductCap(?)"
}

// Allows reports whether a store with n products listed may list one more.
// A dynamic cap always allows: ask getauditquota.
func (p ProductCap) Allows(n int) bool {
	switch p.Kind {
	case CapUnlimited, CapDynamic:
		return true
	case CapFixed:
		return n < p.Limit
	}
	return false
}

// Subject is one row of the seed's store subject table (店铺类型): what a
// store of this type must submit, the deposit it pays and how many products
// it may list.
type Subject struct {
	Type StoreType
	// Open is false for a subject the platform does not open (个人店 未开放).
	Open bool
	// CanTrade is false for a display-only store (仅支持商品展示, 不支持交易).
	CanTrade bool
	// RequiredDocuments lists the documents the subject must submit
	// (资质要求). [DocBrandAuthorisation] is met by the applicant's brand
	// authorisations ([Applicant.Brands]), not by a plain document.
	RequiredDocuments []DocumentKind
	// Verifications lists the identity checks the subject must pass.
	Verifications []Verification
	// CorporateAccount: the store settles only to a corporate account (对公)
	// in the subject's name (seed §三: 企业店需对公账户结算).
	CorporateAccount bool
	// Deposit is the subject's base deposit (保证金), "from" this amount.
	// A category's deposit replaces it when higher; see [SubjectRules.Deposit].
	Deposit Fen
	// ProductCap is the subject's product cap (商品上限).
	ProductCap ProductCap
	// Note is a short human remark, e.g. the seed's wording.
	Note string
}

// requires reports whether the subject requires document kind k.
func (s *Subject) requires(k DocumentKind) bool { return slices.Contains(s.RequiredDocuments, k) }

// verifies reports whether the subject requires verification v.
func (s *Subject) verifies(v Verification) bool { return slices.Contains(s.Verifications, v) }

// CategoryDeposit is a deposit set for a coarse category, the shape of the
// live platform's per-category deposit (getcategoryrule rule_id=1, deposit
// in fen) when the caller keeps a table rather than asking the API.
type CategoryDeposit struct {
	Category Category
	Deposit  Fen
}

// CategoryDocuments lists documents needed before a store may list products
// in a category (类目资质), such as the food production licence for food.
type CategoryDocuments struct {
	Category  Category
	Documents []DocumentKind
}

// SubjectRules is the versioned, replaceable table behind the eligibility
// check: the store subjects, per-category deposits and category documents.
// [SeedSubjectRules] returns the seed's table; callers may build their own
// when the platform changes and pass it to [NewChecker].
type SubjectRules struct {
	Version       string
	EffectiveFrom time.Time // the instant the table takes effect
	Subjects      []Subject
	// CategoryDeposits overrides a subject's base deposit for the categories
	// it lists when higher. A [PlatformCategory.Deposit] read from the API
	// takes precedence over this table.
	CategoryDeposits []CategoryDeposit
	// CategoryDocuments lists documents needed per category; a missing one
	// is a warning (the category qualification is applied for separately,
	// before listing).
	CategoryDocuments []CategoryDocuments
	// ExpiryNotice is how long before a document's end the check warns that
	// it is expiring. Zero disables the warning.
	ExpiryNotice time.Duration
}

// SeedRulesVersion is the version string of [SeedSubjectRules].
const SeedRulesVersion = "seed-2023.1"

// SeedSubjectRules returns a fresh copy of the seed's §一 table:
//
//	店铺类型        资质要求                    保证金     商品上限
//	企业店          营业执照+法人身份证+品牌授权  2万元起    无限制
//	个体店          身份证+人脸识别+银行卡验证    5000元起   1000件
//	个人店(未开放)  仅支持商品展示               不支持交易  ——
//
// plus the category documents of seed §二 (food SC licence, cosmetics
// filing, electronics 3C) as warnings, and a 30-day expiry notice. It takes
// effect on 2023-01-01 China Standard Time. The figures differ from the live
// platform; see the package documentation.
func SeedSubjectRules() SubjectRules {
	return SubjectRules{
		Version:       SeedRulesVersion,
		EffectiveFrom: time.Date(2023, 1, 1, 0, 0, 0, 0, shanghai),
		Subjects: []Subject{
			{
				Type:              StoreEnterprise,
				Open:              true,
				CanTrade:          true,
				RequiredDocuments: []DocumentKind{DocBusinessLicence, DocLegalRepID, DocBrandAuthorisation},
				CorporateAccount:  true,
				Deposit:           Yuan(20000),
				ProductCap:        ProductCap{Kind: CapUnlimited},
				Note:              "营业执照+法人身份证+品牌授权; 保证金2万元起; 商品无限制",
			},
			{
				Type:              StoreIndividual,
				Open:              true,
				CanTrade:          true,
				RequiredDocuments: []DocumentKind{DocOperatorID},
				Verifications:     []Verification{VerifyFace, VerifyBankCard},
				Deposit:           Yuan(5000),
				ProductCap:        ProductCap{Kind: CapFixed, Limit: 1000},
				Note:              "身份证+人脸识别+银行卡验证; 保证金5000元起; 商品上限1000件",
			},
			{
				Type:       StorePersonal,
				Open:       false,
				CanTrade:   false,
				Deposit:    0,
				ProductCap: ProductCap{Kind: CapNoTrading},
				Note:       "个人店(未开放): 仅支持商品展示, 不支持交易",
			},
		},
		CategoryDocuments: []CategoryDocuments{
			{Category: CategoryFood, Documents: []DocumentKind{DocFoodLicence}},
			{Category: CategoryCosmetics, Documents: []DocumentKind{DocCosmeticsFiling}},
			{Category: CategoryElectronics, Documents: []DocumentKind{DocCCC}},
		},
		ExpiryNotice: 30 * 24 * time.Hour,
	}
}

// Clone returns a deep copy of r.
func (r SubjectRules) Clone() SubjectRules {
	c := r
	c.Subjects = make([]Subject, len(r.Subjects))
	for i, s := range r.Subjects {
		s.RequiredDocuments = slices.Clone(s.RequiredDocuments)
		s.Verifications = slices.Clone(s.Verifications)
		c.Subjects[i] = s
	}
	c.CategoryDeposits = slices.Clone(r.CategoryDeposits)
	c.CategoryDocuments = make([]CategoryDocuments, len(r.CategoryDocuments))
	for i, d := range r.CategoryDocuments {
		d.Documents = slices.Clone(d.Documents)
		c.CategoryDocuments[i] = d
	}
	if r.CategoryDocuments == nil {
		c.CategoryDocuments = nil
	}
	return c
}

// ErrBadRules reports a [SubjectRules] table that cannot be used.
var ErrBadRules = errors.New("vcart: invalid subject rules")

// Validate checks the table: a version, at least one subject, valid and
// unique store types, CNY deposits that are non-negative whole fen, a
// positive limit for a fixed cap, known cap kinds and unique categories. It
// returns a *[ValidationError] listing every problem, which also matches
// [ErrBadRules].
func (r SubjectRules) Validate() error {
	var p []FieldError
	add := func(field, code, msg string) { p = append(p, FieldError{Field: field, Code: code, Msg: msg}) }
	if r.Version == "" {
		add("version", "rules.version_empty", "version is empty")
	}
	if len(r.Subjects) == 0 {
		add("subjects", "rules.no_subjects", "no subjects")
	}
	for i := range r.Subjects {
		s := &r.Subjects[i]
		f := func(leaf string) string { return "subjects[" + strconv.Itoa(i) + "]" + leaf }
		if !s.Type.Valid() {
			add(f(".type"), "rules.store_type", "unknown store type "+s.Type.String())
		}
		for j := range i {
			if r.Subjects[j].Type == s.Type {
				add(f(".type"), "rules.duplicate_subject", "store type "+s.Type.String()+" appears twice")
				break
			}
		}
		if msg := depositProblem(s.Deposit); msg != "" {
			add(f(".deposit"), "rules.deposit", msg)
		}
		switch s.ProductCap.Kind {
		case CapUnlimited, CapDynamic, CapNoTrading:
		case CapFixed:
			if s.ProductCap.Limit <= 0 {
				add(f(".product_cap.limit"), "rules.product_cap", "a fixed product cap needs a positive limit")
			}
		default:
			add(f(".product_cap.kind"), "rules.product_cap", "unknown product cap kind")
		}
		for _, k := range s.RequiredDocuments {
			if k == "" {
				add(f(".required_documents"), "rules.document_kind", "empty document kind")
			}
		}
	}
	for i, cd := range r.CategoryDeposits {
		f := func(leaf string) string { return "category_deposits[" + strconv.Itoa(i) + "]" + leaf }
		if cd.Category == "" {
			add(f(".category"), "rules.category", "empty category")
		}
		for j := range i {
			if r.CategoryDeposits[j].Category == cd.Category {
				add(f(".category"), "rules.duplicate_category", "category "+string(cd.Category)+" appears twice")
				break
			}
		}
		if msg := depositProblem(cd.Deposit); msg != "" {
			add(f(".deposit"), "rules.deposit", msg)
		}
	}
	for i, cd := range r.CategoryDocuments {
		if cd.Category == "" {
			add("category_documents["+strconv.Itoa(i)+"].category", "rules.category", "empty category")
		}
	}
	if r.ExpiryNotice < 0 {
		add("expiry_notice", "rules.expiry_notice", "expiry notice is negative")
	}
	if err := NewValidationError(p); err != nil {
		return fmt.Errorf("%w: %w", ErrBadRules, err)
	}
	return nil
}

func depositProblem(f Fen) string {
	if f < 0 {
		return "deposit is negative"
	}
	return ""
}

// Subject returns the row for store type t, and false when the table has
// none.
func (r SubjectRules) Subject(t StoreType) (Subject, bool) {
	for i := range r.Subjects {
		if r.Subjects[i].Type == t {
			return r.Subjects[i], true
		}
	}
	return Subject{}, false
}

// DepositSource says which rule set a deposit.
type DepositSource int

// Deposit sources.
const (
	// DepositNone: the store cannot trade, so no deposit is due.
	DepositNone DepositSource = iota
	// DepositSubjectBase: the subject's base deposit (the seed's "2万元起").
	DepositSubjectBase
	// DepositCategoryTable: a category's deposit from [SubjectRules.CategoryDeposits].
	DepositCategoryTable
	// DepositCategoryAPI: a category's deposit read from the category API
	// (getcategoryrule / getcategorydetail.attr.deposit), carried in
	// [PlatformCategory.Deposit].
	DepositCategoryAPI
)

// String names the source.
func (s DepositSource) String() string {
	switch s {
	case DepositNone:
		return "none"
	case DepositSubjectBase:
		return "subject base"
	case DepositCategoryTable:
		return "category table"
	case DepositCategoryAPI:
		return "category API"
	}
	return "DepositSource(" + strconv.Itoa(int(s)) + ")"
}

// DepositQuote is the deposit (保证金) due for a store and the rule that set
// it.
type DepositQuote struct {
	Amount     Fen           // the deposit due
	Source     DepositSource // which rule set the amount
	StoreType  StoreType
	Category   Category   // the category whose deposit applied, if any
	CategoryID CategoryID // the platform category, for DepositCategoryAPI
}

// ErrUnknownStoreType reports a store type the rules have no row for.
var ErrUnknownStoreType = errors.New("vcart: unknown store type")

// Deposit returns the deposit due for a store of type t that lists products
// in cats: the highest of the subject's base deposit and each category's
// deposit, where a category's deposit is its [PlatformCategory.Deposit] when
// non-zero (read from the API) and otherwise its entry in
// [SubjectRules.CategoryDeposits]. On a tie the earlier source wins (base,
// then categories in order). A store that cannot trade owes nothing. The
// platform does not publish how deposits of several categories combine; the
// highest is the SDK's assumption.
//
// An unknown store type fails with [ErrUnknownStoreType]; a negative
// category deposit is skipped as unusable.
func (r SubjectRules) Deposit(t StoreType, cats []PlatformCategory) (DepositQuote, error) {
	s, ok := r.Subject(t)
	if !ok {
		return DepositQuote{}, fmt.Errorf("%w: %w", ErrUnknownStoreType,
			&FieldError{Field: "store_type", Code: "store_type.unknown", Msg: "no subject rule for store type " + t.String()})
	}
	return r.deposit(&s, cats), nil
}

func (r *SubjectRules) deposit(s *Subject, cats []PlatformCategory) DepositQuote {
	if !s.CanTrade {
		return DepositQuote{Source: DepositNone, StoreType: s.Type}
	}
	q := DepositQuote{Amount: s.Deposit, Source: DepositSubjectBase, StoreType: s.Type}
	for i := range cats {
		c := &cats[i]
		amt, src := c.Deposit, DepositCategoryAPI
		if amt == 0 {
			src = DepositCategoryTable
			found := false
			for j := range r.CategoryDeposits {
				if r.CategoryDeposits[j].Category == c.Category {
					amt, found = r.CategoryDeposits[j].Deposit, true
					break
				}
			}
			if !found {
				continue
			}
		}
		if amt < 0 {
			continue
		}
		if amt > q.Amount {
			q.Amount, q.Source, q.Category = amt, src, c.Category
			q.CategoryID = ""
			if src == DepositCategoryAPI {
				q.CategoryID = c.ID
			}
		}
	}
	return q
}
