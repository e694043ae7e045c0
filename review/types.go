package review

import (
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Stage is one of the seed's three review stages.
type Stage int

// The review stages of seed section 二.
const (
	// StageBasic is 基础审核: documents, category match, price sanity.
	StageBasic Stage = iota + 1
	// StageContent is 内容审核: images, field limits, wording, diversion.
	StageContent
	// StageSpecial is 特殊类目: food, cosmetics and electronics rules.
	StageSpecial
)

// String returns "basic", "content" or "special".
func (s Stage) String() string {
	switch s {
	case StageBasic:
		return "basic"
	case StageContent:
		return "content"
	case StageSpecial:
		return "special"
	}
	return "unknown"
}

// ChineseName returns the seed's term for the stage.
func (s Stage) ChineseName() string {
	switch s {
	case StageBasic:
		return "基础审核"
	case StageContent:
		return "内容审核"
	case StageSpecial:
		return "特殊类目"
	}
	return "未知"
}

// Reason is the seed's rejection reason (驳回原因) or review focus that a
// finding prevents; its value is the seed's own Chinese term.
type Reason string

// The seed's rejection reasons and review focuses (seed section 二, its
// introduction and section 六).
const (
	ReasonQualification    Reason = "资质文件真实性" // basic review: documents
	ReasonCategoryMatch    Reason = "类目匹配度"   // basic review: category match
	ReasonPrice            Reason = "价格合理性"   // basic review: price sanity
	ReasonImageClarity     Reason = "主图清晰度"   // content review: main image
	ReasonImageCopyright   Reason = "图片版权"    // the seed's first cause of rejection
	ReasonFalseAdvertising Reason = "虚假宣传"    // the seed's second cause; 广告语合规性
	ReasonTrademark        Reason = "商标授权"    // apparel focus; counterfeit wording
	ReasonDiversion        Reason = "导流外链"    // section 六 red line
	ReasonFieldLimits      Reason = "字段规范"    // the product API's field limits
	ReasonStolenCelebrity  Reason = "盗用明星图"   // apparel
	ReasonFalseMaterial    Reason = "虚假材质描述"  // apparel
	ReasonShortShelfLife   Reason = "保质期不足"   // food
	ReasonFalseOrigin      Reason = "虚假产地"    // food
	ReasonFoodLicence      Reason = "SC编码"    // food: SC number, QS mark
	ReasonCosmeticsFiling  Reason = "备案凭证"    // cosmetics
	ReasonCCC              Reason = "3C认证"    // electronics
	ReasonUsedAsNew        Reason = "二手充新"    // electronics
	ReasonModifiedDevice   Reason = "改装机"     // electronics
	ReasonPrivacy          Reason = "个人信息"    // ID and bank card numbers in public text
)

// Verdict is the outcome derived from a review's findings.
type Verdict int

// Verdicts, from best to worst.
const (
	// VerdictClean means no finding above info.
	VerdictClean Verdict = iota
	// VerdictNeedsAttention means at least one warning and no block.
	VerdictNeedsAttention
	// VerdictRejected means at least one block: the platform would reject
	// the listing (驳回).
	VerdictRejected
)

// String returns "clean", "needs attention" or "would be rejected".
func (v Verdict) String() string {
	switch v {
	case VerdictClean:
		return "clean"
	case VerdictNeedsAttention:
		return "needs attention"
	case VerdictRejected:
		return "would be rejected"
	}
	return "unknown"
}

// Attr is one product attribute (attrs / sku_attrs: attr_key, attr_value).
type Attr struct {
	Key, Value string
}

// Image is one image of a listing. Header holds the file's first bytes (the
// whole file is fine; only the header is read, at most [MaxImageHeader]
// bytes). SHA256 is the hex SHA-256 of the whole file, used to find
// duplicates; [ImageFromBytes] fills both.
//
// DHash, when HasDHash is set, is the image's [DifferenceHash] (compute it
// explicitly: it decodes the image); two main
// images within [NearDuplicateDistance] bits of each other are reported as
// near-duplicates (the same photo re-encoded, resized or watermarked).
type Image struct {
	Name     string // URL or file name, used in messages
	Header   []byte
	SHA256   string
	DHash    uint64
	HasDHash bool
}

// NearDuplicateDistance is the largest [HashDistance] at which two main
// images count as the same picture.
const NearDuplicateDistance = 6

// SKU is one stock-keeping unit with its prices.
type SKU struct {
	OutSKUID    string    // the merchant's SKU id, used in messages
	SKUCode     string    // sku_code (≤ 20 characters)
	Stock       int       // stock_num (0–10,000,000)
	SalePrice   vcart.Fen // sale_price, must be positive and below MarketPrice
	MarketPrice vcart.Fen // market_price (划线价); zero when not set
	Attrs       []Attr    // sale attributes (sku_attrs)
}

// FoodInfo carries what the food rules need (食品).
type FoodInfo struct {
	SCNumber       string    // 食品生产许可证编号, "SC" + 14 digits
	QSNumber       string    // the old QS mark, if printed
	ShelfLifeDays  int       // 保质期 in days; 0 when unknown
	ProductionDate time.Time // 生产日期 of the stock being sold; zero when unknown
	Origin         string    // 产地 as declared, e.g. "黑龙江省五常市"
}

// CosmeticsInfo carries what the cosmetics rules need (化妆品).
type CosmeticsInfo struct {
	// Number is the registration (国妆特字…) or filing (…G妆网备字…) number.
	Number string
}

// Condition is an electronics item's declared condition.
type Condition int

// Conditions; the zero value is "new".
const (
	ConditionNew         Condition = iota // 全新
	ConditionRefurbished                  // 官方翻新 / 翻新
	ConditionUsed                         // 二手
)

// ElectronicsInfo carries what the electronics rules need (电子产品).
type ElectronicsInfo struct {
	CCCNumber string    // 3C certificate number, 16 digits
	Condition Condition // declared condition
}

// Listing is the product as it will be submitted (the SPU and its SKUs plus
// the documents and facts the rules need). Text fields are checked as the
// buyer will see them.
type Listing struct {
	Title        string
	ShortTitle   string
	Category     vcart.Category
	Brand        string // brand name; empty or "无品牌" for none
	Attrs        []Attr
	Description  string // desc_info.desc
	OutProductID string // out_product_id, the merchant's product id (≤ 128 characters)
	Aftersale    string // aftersale_desc (≤ 200 characters)
	MainImages   []Image
	DetailImages []Image
	SKUs         []SKU
	Documents    []vcart.Document
	Food         *FoodInfo
	Cosmetics    *CosmeticsInfo
	Electronics  *ElectronicsInfo
}

// Finding is one problem found by a rule.
type Finding struct {
	Code     string         // stable machine-readable code, e.g. "content.adlaw.block"
	Rule     string         // ID of the rule that produced it
	Stage    Stage          // review stage
	Severity vcart.Severity // block, warn or info
	Field    string         // field path, e.g. "title", "attrs[2].value", "main_images[0]"
	// Start and End are byte offsets of the offending text in the field's
	// original value, or -1 when the finding is not about a span of text.
	Start, End int
	// RuneStart and RuneEnd are the same span in characters (runes, as
	// utf8.RuneCountInString counts them, an invalid byte being one), for a
	// UI that highlights characters: "最佳" at bytes [6:12] of "纯棉最佳" is
	// at characters [2:4]. They are -1 when Start is, or when the field is
	// not one of the listing's text fields ([Check.Fields]); rules leave
	// them zero and the reviewer fills them in.
	RuneStart, RuneEnd int
	Text               string // the offending text as written, when textual
	Message            string // what is wrong and what to do, for the merchant
	Source             string // the rule's source: a law, the API doc or the seed
	Reason             Reason // the seed reason it prevents
}

// Textual reports whether the finding points at a span of text.
func (f Finding) Textual() bool { return f.Start >= 0 }
