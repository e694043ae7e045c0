package review

import (
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// AllowRule exempts a word-list hit in a context where the word is not a
// claim (review-rules §1.4): "第一" in "第一次", "100%" in "100%棉",
// "最佳" in "最佳食用期". Pattern is a Go regular expression matched on the
// normalised text (lower case, NFKC, no separators between ideographs); the
// hit is exempt when a match that starts where the hit starts, or ends where
// it ends, covers it (within 64 bytes of the hit).
type AllowRule struct {
	ID         string
	Words      []string         // the listed words it can exempt
	Pattern    string           // regexp on normalised text
	Categories []vcart.Category // empty: every category
	// RequireDocument, when set, exempts only if the listing carries a
	// document of that kind in force (e.g. 独家授权 needs the authorisation).
	RequireDocument vcart.DocumentKind
	// Downgrade turns a block into a warn instead of exempting: the context
	// makes the word plausible but evidence is needed (国家级非物质文化遗产).
	Downgrade bool
	Note      string
}

func (a *AllowRule) applies(l *Listing, at time.Time) bool {
	if len(a.Categories) > 0 && !slices.Contains(a.Categories, l.Category) {
		return false
	}
	if a.RequireDocument != "" {
		for _, d := range l.Documents {
			if d.Kind == a.RequireDocument && d.ValidAt(at) {
				return true
			}
		}
		return false
	}
	return true
}

const fibreAlt = `(棉|纯棉|涤纶|聚酯纤维|羊毛|羊绒|桑蚕丝|真丝|亚麻|锦纶|氨纶|粘纤|莫代尔|天丝)`

// DefaultAllowList returns a fresh copy of the built-in allow-list, the
// false positives of review-rules §1.4 and the SAMR 2023 guide.
func DefaultAllowList() []AllowRule {
	return []AllowRule{
		{ID: "allow.zui_adverb", Words: []string{"最", "最后"}, Pattern: `最(近|终|初|后一天|后\d+(小时|天)|少起订)`, Note: "ordinary adverbs and time facts"},
		{ID: "allow.spec_value", Words: []string{"最", "最大", "最高", "最低"}, Pattern: `最(大|高|低)(功率|承重|转速|温度|容量|载重|工作压力)\s*:?\s*\d`, Note: "objective own-product specification values"},
		{ID: "allow.consumer_tip", Words: []string{"最", "最佳"}, Pattern: `最佳(食用|赏味|使用|饮用|保存)(期|时间|方法|温度|期限)`, Note: "SAMR 2023 guide item 2: consumer tips"},
		{ID: "allow.ordinal", Words: []string{"第一"}, Pattern: `第一(次|步|代|天|层|季|期|节|集|章|时间|人称|颗|件|个|名称)`, Note: "ordinal numbers"},
		{ID: "allow.unique_code", Words: []string{"唯一"}, Pattern: `唯一(编号|识别码|标识|码)`, Note: "technical identifiers"},
		{ID: "allow.fibre_content", Words: []string{"100%", "百分百"}, Pattern: `(100%|百分百)\s*` + fibreAlt + `|` + fibreAlt + `(含量)?\s*:?\s*100%`, Note: "textile fibre content labelling (GB/T 29862) is mandatory, not a claim"},
		{ID: "allow.math", Words: []string{"绝对"}, Pattern: `绝对值`, Note: "mathematical term"},
		{ID: "allow.healing_style", Words: []string{"治愈"}, Pattern: `治愈系`, Note: "style word"},
		{ID: "allow.visual_effect", Words: []string{"特效"}, Pattern: `特效(妆|化妆|道具)`, Note: "visual effects"},
		{ID: "allow.fit", Words: []string{"瘦身"}, Pattern: `瘦身款|显瘦|修身`, Categories: []vcart.Category{vcart.CategoryApparel}, Note: "fit description in apparel, not a slimming claim"},
		{ID: "allow.lucky_cat", Words: []string{"招财"}, Pattern: `招财猫`, Note: "product name"},
		{ID: "allow.channel", Words: []string{"专供"}, Pattern: `(电商|渠道|线上|门店)专供`, Note: "channel labelling, not 国家机关专供"},
		{ID: "allow.exclusive_licence", Words: []string{"独家"}, Pattern: `独家(授权|代理)`, RequireDocument: vcart.DocBrandAuthorisation, Note: "true exclusivity backed by an authorisation"},
		{ID: "allow.member_tier", Words: []string{"金牌"}, Pattern: `金牌(会员|客服|卖家)`, Note: "platform tiers"},
		{ID: "allow.patent_number", Words: []string{"专利"}, Pattern: `专利(号)?\s*:?\s*(zl)?\d{12}\.[0-9x]`, Note: "AdLaw art. 12 satisfied by a stated patent number"},
		{ID: "allow.heritage", Words: []string{"国家级"}, Pattern: `国家级(非物质文化遗产|非遗|高新技术企业)`, Downgrade: true, Note: "SAMR 2023 guide item 6: a conferred title, evidence needed"},
		{ID: "allow.organic_cert", Words: []string{"有机"}, Pattern: `有机(认证|转换|产品认证)`, Downgrade: false, Note: "certification statement"},
	}
}
