package vcart

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// ChannelsCertification is the Channels account's certification (视频号认证).
type ChannelsCertification int

// Channels certifications. The zero value is [CertNone].
const (
	// CertNone means the Channels account is not certified.
	CertNone ChannelsCertification = iota
	// CertInterest is 兴趣认证 (creators: 自媒体, 博主, 主播).
	CertInterest
	// CertProfessional is 职业认证 (professions).
	CertProfessional
	// CertOrganisation is 企业和机构认证 (the blue badge).
	CertOrganisation
)

// String returns the English name.
func (c ChannelsCertification) String() string {
	switch c {
	case CertNone:
		return "none"
	case CertInterest:
		return "interest"
	case CertProfessional:
		return "professional"
	case CertOrganisation:
		return "organisation"
	}
	return "ChannelsCertification(" + strconv.Itoa(int(c)) + ")"
}

// Account holds the facts about the WeChat account behind an application
// (seed §一 微信生态账号体系).
type Account struct {
	// RealNameVerified: the bound personal WeChat account is real-name
	// verified (微信实名认证).
	RealNameVerified bool
	// Violations is the number of violation records (违规记录) on the
	// account; the seed requires none.
	Violations int
	// MiniShopRegistered: a WeChat mini shop (微信小商店) is registered.
	MiniShopRegistered bool
	// MiniShopBound: the mini shop is bound to the Channels account.
	MiniShopBound bool
	// Certification is the Channels certification (视频号认证); the seed
	// recommends interest or professional certification.
	Certification ChannelsCertification
}

// FaceStatus is the result of face recognition (人脸识别).
type FaceStatus int

// Face recognition results. The zero value is [FaceNotDone].
const (
	// FaceNotDone: no face recognition was performed.
	FaceNotDone FaceStatus = iota
	// FacePending: performed, result not yet known.
	FacePending
	// FacePassed: the face matched the ID.
	FacePassed
	// FaceFailed: the face did not match.
	FaceFailed
)

// String returns the English name.
func (s FaceStatus) String() string {
	switch s {
	case FaceNotDone:
		return "not done"
	case FacePending:
		return "pending"
	case FacePassed:
		return "passed"
	case FaceFailed:
		return "failed"
	}
	return "FaceStatus(" + strconv.Itoa(int(s)) + ")"
}

// FaceVerification is the face recognition (人脸识别) of the person behind
// the store, as reported by whatever performed it (the platform does not
// expose it through its API).
type FaceVerification struct {
	Status FaceStatus
	// IDNumber is the resident ID number the face was matched against; when
	// set it must be the operator's ID number.
	IDNumber string
	At       time.Time // when it was performed; zero = unknown
}

// BankCard is the settlement bank card and its verification (银行卡验证).
type BankCard struct {
	Number string
	// Holder is the account name; for a personal card (对私) it must be the
	// operator's name, for a corporate account (对公) the subject's name.
	Holder string
	// Verified: the card passed the bank card verification (e.g. a
	// four-element check or a small test payment).
	Verified bool
}

// AuthorisationLink is one step of a brand authorisation chain: From grants
// To the right to sell the brand, by Letter (品牌授权书).
type AuthorisationLink struct {
	From   string   // grantor
	To     string   // grantee
	Letter Document // the authorisation letter; its Kind is DocBrandAuthorisation
}

// BrandAuthorisation is the proof that the store may sell a brand: either
// its own brand (自有品牌), backed by the trademark certificate, or an
// authorised brand (授权品牌) with a chain of authorisations from the brand
// owner through any distributors to the store.
type BrandAuthorisation struct {
	Brand string
	Owner string // the brand owner (商标注册人)
	// Own is true for the store's own brand (自有品牌): Owner must be the
	// store's subject and Chain is ignored.
	Own bool
	// Trademark is the trademark registration certificate (商标注册证);
	// a zero Kind means none was given.
	Trademark Document
	// Chain runs from the brand owner (Chain[0].From) to the store
	// (Chain[len-1].To).
	Chain []AuthorisationLink
}

// Applicant is everything the eligibility check looks at: the store type,
// the subject and the person behind it, the WeChat account, documents,
// brands, verifications and the categories the store wants to sell in.
type Applicant struct {
	StoreType StoreType
	// SubjectName is the name on the business licence (主体名称): the
	// licence holder, an own brand's owner, the last link of each brand
	// chain and a corporate bank card must match it. It is required of
	// 企业店 and 个体店 (a blank one blocks with subject.name_missing); when
	// blank, those checks compare with the first business licence's holder
	// instead, so they still run.
	SubjectName string
	// Representative is the legal representative (法定代表人) or operator
	// (经营者): ID holders and a personal bank card must match it. When
	// blank, the checks compare with the holder of the first legal
	// representative's (or else operator's) ID card.
	Representative string
	Account        Account
	Documents      []Document
	Brands         []BrandAuthorisation
	Face           FaceVerification
	BankCard       BankCard
	// Categories the store wants to list in; a non-zero
	// [PlatformCategory.Deposit] read from the API sets the deposit.
	Categories []PlatformCategory
}

// Finding is one unmet requirement: a stable code, the applicant field it
// concerns, its severity, an English message and the Chinese rule name.
type Finding struct {
	Code     string
	Field    string
	Severity Severity
	Message  string
	Rule     string
}

// Report is the result of an eligibility check: whether the applicant may
// open the store, every finding, and what comes next.
type Report struct {
	StoreType    StoreType
	At           time.Time
	RulesVersion string
	// Matched is true when the rules have a row for the store type; the
	// deposit, product cap and required documents are known only then.
	Matched bool
	// Eligible is true when no finding blocks.
	Eligible bool
	// CanTrade is false for a display-only store type.
	CanTrade bool
	// Findings lists every finding, blocks first, then by field and code.
	Findings []Finding
	// Deposit is the deposit (保证金) due once the store opens, and the
	// rule that set it.
	Deposit DepositQuote
	// ProductCap is the store's product cap (商品上限).
	ProductCap ProductCap
	// MissingDocuments lists the documents still to be submitted, without
	// duplicates, in the order the check met them: the subject's required
	// documents first, category documents last.
	MissingDocuments []DocumentKind
	// PendingVerifications lists the verifications not yet passed.
	PendingVerifications []Verification
}

// Count returns the number of findings of severity s.
func (r *Report) Count(s Severity) int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].Severity == s {
			n++
		}
	}
	return n
}

// Has reports whether the report holds a finding with code.
func (r *Report) Has(code string) bool {
	for i := range r.Findings {
		if r.Findings[i].Code == code {
			return true
		}
	}
	return false
}

// Checker runs the eligibility check against one [SubjectRules] table. It is
// immutable and safe for concurrent use.
type Checker struct {
	rules SubjectRules
}

// NewChecker validates rules and returns a checker over a private copy of
// them. An invalid table fails with an error matching [ErrBadRules].
func NewChecker(rules SubjectRules) (*Checker, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	return &Checker{rules: rules.Clone()}, nil
}

// Rules returns a copy of the checker's table.
func (c *Checker) Rules() SubjectRules { return c.rules.Clone() }

// CheckEligibility checks applicant a at instant at against rules; see
// [Checker.Check]. An invalid table yields a report with a blocking
// "rules.invalid" finding rather than an error. Build a [Checker] once when
// checking many applicants.
func CheckEligibility(a Applicant, at time.Time, rules SubjectRules) Report {
	if err := rules.Validate(); err != nil {
		return Report{StoreType: a.StoreType, At: at, RulesVersion: rules.Version, Findings: []Finding{{
			Code: "rules.invalid", Field: "rules", Severity: Block, Rule: "规则表",
			Message: err.Error(),
		}}}
	}
	c := Checker{rules: rules}
	return c.Check(a, at)
}

// Rule names (Chinese) used in findings.
const (
	ruleRealName  = "微信实名认证"
	ruleViolation = "账号无违规记录"
	ruleMiniShop  = "微信小商店注册"
	ruleChannels  = "视频号认证 (建议)"
	ruleStoreType = "店铺类型"
	ruleDocuments = "资质要求"
	ruleExpiry    = "证件有效期"
	ruleHolder    = "证件主体一致"
	ruleBrand     = "品牌授权"
	ruleFace      = "人脸识别"
	ruleBank      = "银行卡验证"
	ruleCategory  = "类目资质"
	ruleRules     = "规则表生效日期"
)

// checkRun accumulates one check's findings.
type checkRun struct {
	at     time.Time
	notice time.Duration
	// subject and rep are the names the holder, brand-owner and chain-end
	// checks compare with: the applicant's SubjectName and Representative,
	// or, when those are blank, the first business licence's holder and
	// the first legal-representative or operator ID card's holder.
	subject  string
	rep      string
	findings []Finding
	missing  []DocumentKind
}

func (cr *checkRun) add(code, field string, sev Severity, msg, rule string) {
	if cr.findings == nil {
		cr.findings = make([]Finding, 0, 8)
	}
	cr.findings = append(cr.findings, Finding{Code: code, Field: field, Severity: sev, Message: msg, Rule: rule})
}

func (cr *checkRun) addCheck(c Check, field string) {
	if !c.OK {
		cr.add(c.Code, field, c.Severity, c.Msg, c.Rule)
	}
}

func (cr *checkRun) addMissing(k DocumentKind) {
	if !slices.Contains(cr.missing, k) {
		cr.missing = append(cr.missing, k)
	}
}

// Check runs every rule of seed §一 over a at instant at and returns a
// report listing every unmet requirement at once. It never panics and never
// fails: bad input, including an unknown store type, is a finding.
//
// It checks, in this order: the rules' effective date; the WeChat account
// (real-name verification and no violation record block, a missing mini
// shop blocks, no Channels certification warns); the store type (unknown or
// not open blocks); each submitted document (number format and check
// characters, validity at at, holder names); the subject's required
// documents and verifications (face recognition, bank card); the brand
// authorisation chains; and the category documents (warnings). The report
// also gives the deposit due, the product cap and the documents still
// missing.
func (c *Checker) Check(a Applicant, at time.Time) Report {
	r := Report{StoreType: a.StoreType, At: at, RulesVersion: c.rules.Version}
	cr := checkRun{at: at, notice: c.rules.ExpiryNotice}
	if at.Before(c.rules.EffectiveFrom) {
		cr.add("rules.not_effective", "rules", Warn,
			"rules "+c.rules.Version+" take effect on "+c.rules.EffectiveFrom.Format(time.DateOnly)+", after the check", ruleRules)
	}
	checkAccount(&cr, &a.Account)
	cr.subject, cr.rep = a.SubjectName, a.Representative
	if isBlank(cr.subject) {
		if a.StoreType == StoreEnterprise || a.StoreType == StoreIndividual {
			cr.add("subject.name_missing", "subject_name", Block,
				"the subject name (主体名称) is required for "+a.StoreType.ChineseName()+" ("+a.StoreType.String()+") stores", ruleHolder)
		}
		cr.subject = ""
		if d := findDocument(a.Documents, DocBusinessLicence); d != nil && !isBlank(d.Holder) {
			cr.subject = d.Holder
		}
	}
	if isBlank(cr.rep) {
		cr.rep = ""
		d := findDocument(a.Documents, DocLegalRepID)
		if d == nil || isBlank(d.Holder) {
			d = findDocument(a.Documents, DocOperatorID)
		}
		if d != nil && !isBlank(d.Holder) {
			cr.rep = d.Holder
		}
	}

	s, ok := c.rules.Subject(a.StoreType)
	switch {
	case !ok && a.StoreType.Valid():
		cr.add("store_type.unknown", "store_type", Block,
			"rules "+c.rules.Version+" have no row for store type "+a.StoreType.String()+" ("+a.StoreType.ChineseName()+")", ruleStoreType)
	case !ok:
		cr.add("store_type.unknown", "store_type", Block,
			"unknown store type "+a.StoreType.String()+"; want enterprise (企业店), individual (个体店) or personal (个人店)", ruleStoreType)
	case !s.Open:
		cr.add("store_type.not_open", "store_type", Block,
			a.StoreType.ChineseName()+" ("+a.StoreType.String()+") stores are not open: display only, no trading (仅支持商品展示, 不支持交易)", ruleStoreType)
	case !s.CanTrade:
		cr.add("store_type.not_open", "store_type", Block,
			a.StoreType.ChineseName()+" ("+a.StoreType.String()+") stores are display only and cannot trade (不支持交易)", ruleStoreType)
	}
	for i := range a.Documents {
		cr.checkDocument(&a, i)
	}
	if ok {
		r.Matched = true
		r.CanTrade = s.CanTrade
		r.ProductCap = s.ProductCap
		r.Deposit = c.rules.deposit(&s, a.Categories)
		for _, k := range s.RequiredDocuments {
			if k == DocBrandAuthorisation {
				if len(a.Brands) == 0 {
					cr.add("document.missing", "brands", Block,
						"brand authorisation (品牌授权) is required: add an own brand with its trademark certificate or an authorisation chain", ruleDocuments)
					cr.addMissing(k)
				}
				continue
			}
			if !hasDocument(a.Documents, k) {
				cr.add("document.missing", "documents."+string(k), Block,
					"required document "+string(k)+" ("+k.ChineseName()+") is missing", ruleDocuments)
				cr.addMissing(k)
			}
		}
		if s.verifies(VerifyFace) && !cr.checkFace(&a) {
			r.PendingVerifications = append(r.PendingVerifications, VerifyFace)
		}
		if s.verifies(VerifyBankCard) && !cr.checkBankCard(&a) {
			r.PendingVerifications = append(r.PendingVerifications, VerifyBankCard)
		}
		if s.CorporateAccount && a.BankCard.Number != "" && a.BankCard.Holder != "" && cr.subject != "" &&
			!namesEqual(a.BankCard.Holder, cr.subject) {
			cr.add("bank_card.holder_mismatch", "bank_card.holder", Block,
				"this store settles to a corporate account (对公) in the subject's name", ruleBank)
		}
		if s.requires(DocBrandAuthorisation) {
			for i := range a.Brands {
				cr.checkBrand(&a, i)
			}
		} else if len(a.Brands) > 0 {
			cr.add("brand.not_applicable", "brands", Info,
				"brand qualifications are filed by enterprise stores; "+a.StoreType.ChineseName()+" brands were not checked", ruleBrand)
		}
		if s.CanTrade {
			cr.checkCategories(&c.rules, &a)
		}
	}

	sortFindings(cr.findings)
	r.Findings = cr.findings
	r.MissingDocuments = cr.missing
	r.Eligible = true
	for i := range r.Findings {
		if r.Findings[i].Severity >= Block {
			r.Eligible = false
			break
		}
	}
	return r
}

// CheckDocument checks one document on its own at instant at, as when a
// merchant uploads it: the number (business licence and ID cards), the
// validity (expired, not yet valid, expiring within the rules'
// ExpiryNotice, no end date) and nothing else; holder names need the
// applicant and are checked by [Checker.Check]. Findings are sorted as in a
// [Report]; nil means no problem.
func (c *Checker) CheckDocument(d Document, at time.Time) []Finding {
	cr := checkRun{at: at, notice: c.rules.ExpiryNotice}
	a := Applicant{Documents: []Document{d}}
	cr.checkDocument(&a, 0)
	sortFindings(cr.findings)
	return cr.findings
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(x, y Finding) int {
		if x.Severity != y.Severity {
			return int(y.Severity) - int(x.Severity)
		}
		if c := strings.Compare(x.Field, y.Field); c != 0 {
			return c
		}
		return strings.Compare(x.Code, y.Code)
	})
}

func checkAccount(cr *checkRun, acc *Account) {
	if !acc.RealNameVerified {
		cr.add("account.real_name", "account.real_name_verified", Block,
			"the WeChat account must be real-name verified", ruleRealName)
	}
	if acc.Violations > 0 {
		cr.add("account.violations", "account.violations", Block,
			"the WeChat account has "+strconv.Itoa(acc.Violations)+" violation record(s); it must have none", ruleViolation)
	} else if acc.Violations < 0 {
		cr.add("account.violations_invalid", "account.violations", Block,
			"the violation count is negative", ruleViolation)
	}
	if !acc.MiniShopRegistered {
		cr.add("account.mini_shop", "account.mini_shop_registered", Block,
			"a WeChat mini shop must be registered", ruleMiniShop)
	} else if !acc.MiniShopBound {
		cr.add("account.mini_shop_unbound", "account.mini_shop_bound", Block,
			"the WeChat mini shop must be bound to the Channels account", ruleMiniShop)
	}
	switch acc.Certification {
	case CertInterest, CertProfessional, CertOrganisation:
	case CertNone:
		cr.add("account.channels_certification", "account.certification", Warn,
			"the Channels account is not certified; interest (兴趣认证) or professional (职业认证) certification is recommended", ruleChannels)
	default:
		cr.add("account.certification_invalid", "account.certification", Warn,
			"unknown Channels certification "+acc.Certification.String(), ruleChannels)
	}
}

func hasDocument(docs []Document, k DocumentKind) bool {
	for i := range docs {
		if docs[i].Kind == k {
			return true
		}
	}
	return false
}

func findDocument(docs []Document, k DocumentKind) *Document {
	for i := range docs {
		if docs[i].Kind == k {
			return &docs[i]
		}
	}
	return nil
}

// checkDocument checks one submitted document: its number, validity and
// holder.
func (cr *checkRun) checkDocument(a *Applicant, i int) {
	d := &a.Documents[i]
	if d.Kind == "" {
		cr.add("document.kind_empty", "documents["+strconv.Itoa(i)+"].kind", Block, "document kind is empty", ruleDocuments)
		return
	}
	p := fieldPath{doc: i, brand: -1, link: -1}
	switch d.Kind {
	case DocBusinessLicence:
		c := ValidateLicenceNumber(d.Number)
		if !c.OK {
			cr.addCheck(c, p.leaf("number"))
		}
		if !c.Blocks() && len(d.Number) == 18 && d.Number[0] == '9' {
			// Positions 1–2 of a code issued by market regulation (9): 1 企业,
			// 2 个体工商户.
			switch {
			case a.StoreType == StoreEnterprise && d.Number[1] == '2':
				cr.add("document.subject_mismatch", p.leaf("number"), Warn,
					"the licence code (92…) marks an individual business (个体工商户), but the store type is enterprise (企业店)", ruleHolder)
			case a.StoreType == StoreIndividual && d.Number[1] == '1':
				cr.add("document.subject_mismatch", p.leaf("number"), Warn,
					"the licence code (91…) marks an enterprise (企业), but the store type is individual (个体店)", ruleHolder)
			}
		}
		if cr.subject != "" && !namesEqual(d.Holder, cr.subject) {
			cr.add("document.holder_mismatch", p.leaf("holder"), Block,
				"the business licence holder does not match the subject name", ruleHolder)
		}
		cr.checkValidity(d, p, true)
	case DocLegalRepID, DocOperatorID:
		if c := ValidateResidentID(d.Number, cr.at); !c.OK {
			cr.addCheck(c, p.leaf("number"))
		}
		if cr.rep != "" && !namesEqual(d.Holder, cr.rep) {
			cr.add("document.holder_mismatch", p.leaf("holder"), Block,
				"the ID card holder does not match the representative", ruleHolder)
		}
		cr.checkValidity(d, p, true)
	default:
		cr.checkValidity(d, p, false)
	}
}

// checkValidity checks a document's validity at the run's instant.
func (cr *checkRun) checkValidity(d *Document, p fieldPath, needEnd bool) {
	at := cr.at
	name := d.Kind.ChineseName()
	switch {
	case !d.ValidFrom.IsZero() && !d.ValidTo.IsZero() && !d.Permanent && !d.ValidTo.After(d.ValidFrom):
		cr.add("document.validity_range", p.leaf("valid_to"), Block,
			string(d.Kind)+" ("+name+") ends before it starts", ruleExpiry)
	case !d.ValidFrom.IsZero() && at.Before(d.ValidFrom):
		cr.add("document.not_yet_valid", p.leaf("valid_from"), Block,
			string(d.Kind)+" ("+name+") is valid only from "+d.ValidFrom.Format(time.DateOnly), ruleExpiry)
	case d.Expired(at):
		cr.add("document.expired", p.leaf("valid_to"), Block,
			string(d.Kind)+" ("+name+") expired on "+d.ValidTo.Format(time.DateOnly), ruleExpiry)
	case !d.Permanent && d.ValidTo.IsZero():
		if needEnd {
			cr.add("document.validity_unknown", p.leaf("valid_to"), Warn,
				string(d.Kind)+" ("+name+") has no end date and is not marked permanent (长期有效)", ruleExpiry)
		}
	case !d.Permanent && cr.notice > 0 && d.ValidTo.Sub(at) <= cr.notice:
		cr.add("document.expiring", p.leaf("valid_to"), Warn,
			string(d.Kind)+" ("+name+") expires on "+d.ValidTo.Format(time.DateOnly)+"; renew it", ruleExpiry)
	}
}

// fieldPath names a document's place in an [Applicant]; it is rendered to a
// field name only when a finding needs one, so the happy path does not
// allocate.
type fieldPath struct {
	doc   int    // index in Applicant.Documents (documents[i]), when brand < 0
	brand int    // index in Applicant.Brands, or -1
	link  int    // index in BrandAuthorisation.Chain, or -1
	under string // the document under a brand or link: "trademark", "letter"
}

// leaf returns the field name of name under p ("" for p itself).
func (p fieldPath) leaf(name string) string {
	var b strings.Builder
	if p.brand < 0 {
		b.WriteString("documents[")
		b.WriteString(strconv.Itoa(p.doc))
		b.WriteString("]")
	} else {
		b.WriteString("brands[")
		b.WriteString(strconv.Itoa(p.brand))
		b.WriteString("]")
		if p.link >= 0 {
			b.WriteString(".chain[")
			b.WriteString(strconv.Itoa(p.link))
			b.WriteString("]")
		}
		if p.under != "" {
			b.WriteString(".")
			b.WriteString(p.under)
		}
	}
	if name != "" {
		b.WriteString(".")
		b.WriteString(name)
	}
	return b.String()
}

// namesEqual compares two names ignoring surrounding and inner spaces
// (including the ideographic space) and the difference between full-width
// and half-width brackets. It works on bytes: UTF-8 is self-synchronising,
// so comparing the normalised byte streams compares the characters.
func namesEqual(a, b string) bool {
	if a == b {
		return true
	}
	i, j := 0, 0
	for {
		var ca, cb int
		ca, i = nextNameByte(a, i)
		cb, j = nextNameByte(b, j)
		if ca != cb {
			return false
		}
		if ca < 0 {
			return true
		}
	}
}

// isBlank reports whether s holds nothing but spaces.
func isBlank(s string) bool {
	c, _ := nextNameByte(s, 0)
	return c < 0
}

// nextNameByte returns the next significant byte of s from index i, with
// spaces skipped and full-width brackets mapped to ASCII, or -1 at the end.
func nextNameByte(s string, i int) (int, int) {
	for i < len(s) {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		case 0xC2: // U+00A0 no-break space
			if strings.HasPrefix(s[i:], "\u00a0") {
				i += 2
				continue
			}
		case 0xE3: // U+3000 ideographic space
			if strings.HasPrefix(s[i:], "\u3000") {
				i += 3
				continue
			}
		case 0xEF: // U+FF08, U+FF09 full-width brackets
			if strings.HasPrefix(s[i:], "（") {
				return '(', i + 3
			}
			if strings.HasPrefix(s[i:], "）") {
				return ')', i + 3
			}
		}
		return int(s[i]), i + 1
	}
	return -1, i
}

func (cr *checkRun) checkFace(a *Applicant) bool {
	f := &a.Face
	switch f.Status {
	case FacePassed:
		if !f.At.IsZero() && f.At.After(cr.at) {
			cr.add("face.future", "face.at", Block,
				"face recognition is dated "+f.At.Format(time.RFC3339)+", after the check", ruleFace)
			return false
		}
	case FaceNotDone:
		cr.add("face.missing", "face.status", Block, "face recognition has not been done", ruleFace)
		return false
	case FacePending:
		cr.add("face.pending", "face.status", Block, "face recognition result is pending", ruleFace)
		return false
	case FaceFailed:
		cr.add("face.failed", "face.status", Block, "face recognition failed", ruleFace)
		return false
	default:
		cr.add("face.status_invalid", "face.status", Block, "unknown face recognition status "+f.Status.String(), ruleFace)
		return false
	}
	if f.IDNumber != "" {
		id := findDocument(a.Documents, DocOperatorID)
		if id == nil {
			id = findDocument(a.Documents, DocLegalRepID)
		}
		if id != nil && !strings.EqualFold(id.Number, f.IDNumber) {
			cr.add("face.id_mismatch", "face.id_number", Block,
				"face recognition was matched against another ID number than the operator's ID card", ruleFace)
			return false
		}
	}
	return true
}

func (cr *checkRun) checkBankCard(a *Applicant) bool {
	b := &a.BankCard
	if b.Number == "" {
		cr.add("bank_card.missing", "bank_card.number", Block, "a bank card is required for the bank card verification", ruleBank)
		cr.addMissing(DocBankAccount)
		return false
	}
	c := ValidateBankCard(b.Number)
	cr.addCheck(c, "bank_card.number")
	ok := !c.Blocks()
	if b.Holder == "" {
		cr.add("bank_card.holder_missing", "bank_card.holder", Block, "the bank card holder name is missing", ruleBank)
		ok = false
	} else if (cr.rep != "" || cr.subject != "") &&
		!namesEqual(b.Holder, cr.rep) && !namesEqual(b.Holder, cr.subject) {
		cr.add("bank_card.holder_mismatch", "bank_card.holder", Block,
			"the bank card holder must be the operator (对私) or the subject (对公)", ruleBank)
		ok = false
	}
	if !b.Verified {
		cr.add("bank_card.unverified", "bank_card.verified", Block, "the bank card verification has not passed", ruleBank)
		ok = false
	}
	return ok
}

func (cr *checkRun) checkBrand(a *Applicant, i int) {
	b := &a.Brands[i]
	p := fieldPath{brand: i, link: -1}
	tm := fieldPath{brand: i, link: -1, under: "trademark"}
	if isBlank(b.Brand) {
		cr.add("brand.name_empty", p.leaf("brand"), Block, "brand name is empty", ruleBrand)
	}
	if isBlank(b.Owner) {
		cr.add("brand.owner_empty", p.leaf("owner"), Block, "brand owner is empty", ruleBrand)
	}
	if b.Trademark.Kind != "" {
		if b.Trademark.Kind != DocTrademark {
			cr.add("brand.trademark_kind", tm.leaf("kind"), Block,
				"trademark document must be of kind "+string(DocTrademark), ruleBrand)
		}
		if !namesEqual(b.Trademark.Holder, b.Owner) && b.Trademark.Holder != "" {
			cr.add("brand.trademark_holder", tm.leaf("holder"), Block,
				"the trademark certificate holder is not the brand owner", ruleBrand)
		}
		cr.checkValidity(&b.Trademark, tm, false)
	}
	if b.Own {
		if b.Trademark.Kind == "" {
			cr.add("brand.trademark_missing", tm.leaf(""), Warn,
				"an own brand (自有品牌) should carry its trademark certificate (商标注册证)", ruleBrand)
			cr.addMissing(DocTrademark)
		}
		if cr.subject != "" && b.Owner != "" && !namesEqual(b.Owner, cr.subject) {
			cr.add("brand.owner_mismatch", p.leaf("owner"), Block,
				"an own brand's owner must be the store's subject; otherwise add an authorisation chain", ruleBrand)
		}
		return
	}
	if len(b.Chain) == 0 {
		cr.add("brand.chain_missing", p.leaf("chain"), Block,
			"an authorised brand needs the authorisation chain from the brand owner to the store", ruleBrand)
		cr.addMissing(DocBrandAuthorisation)
		return
	}
	prev := b.Owner
	for j := range b.Chain {
		l := &b.Chain[j]
		lp := fieldPath{brand: i, link: j}
		letter := fieldPath{brand: i, link: j, under: "letter"}
		if !namesEqual(l.From, prev) {
			if j == 0 {
				cr.add("brand.chain_start", lp.leaf("from"), Block,
					"the authorisation chain must start at the brand owner", ruleBrand)
			} else {
				cr.add("brand.chain_broken", lp.leaf("from"), Block,
					"the authorisation chain is broken: the grantor is not the previous grantee", ruleBrand)
			}
		}
		if isBlank(l.To) {
			cr.add("brand.chain_grantee_empty", lp.leaf("to"), Block, "grantee is empty", ruleBrand)
		}
		switch l.Letter.Kind {
		case DocBrandAuthorisation:
			cr.checkValidity(&l.Letter, letter, true)
		case "":
			cr.add("brand.letter_missing", letter.leaf(""), Block,
				"the authorisation letter (品牌授权书) of this link is missing", ruleBrand)
			cr.addMissing(DocBrandAuthorisation)
		default:
			cr.add("brand.letter_kind", letter.leaf("kind"), Block,
				"an authorisation letter must be of kind "+string(DocBrandAuthorisation), ruleBrand)
		}
		prev = l.To
	}
	if cr.subject != "" && !namesEqual(prev, cr.subject) {
		cr.add("brand.chain_end", p.leaf("chain"), Block,
			"the authorisation chain must end at the store's subject", ruleBrand)
	}
}

func (cr *checkRun) checkCategories(rules *SubjectRules, a *Applicant) {
	for i := range a.Categories {
		cat := a.Categories[i].Category
		seen := false
		for j := range i {
			if a.Categories[j].Category == cat {
				seen = true
				break
			}
		}
		if seen {
			continue
		}
		for j := range rules.CategoryDocuments {
			cd := &rules.CategoryDocuments[j]
			if cd.Category != cat {
				continue
			}
			for _, k := range cd.Documents {
				if hasDocument(a.Documents, k) {
					continue
				}
				cr.add("category.document_missing", "documents."+string(k), Warn,
					"listing in "+string(cat)+" ("+cat.ChineseName()+") needs "+string(k)+" ("+k.ChineseName()+")", ruleCategory)
				cr.addMissing(k)
			}
		}
	}
}
