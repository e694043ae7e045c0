package shopapi

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Product tools (商品工具): category recommendation and the platform's
// pre-publish check, attribute mapping, the audit quota and strategy, and
// timed sales. Run review first (free, no quota), then Precheck: the
// platform's check of the shop's permission for the category.

var (
	epProductClassify        = ep("/channels/ec/product/category/classify")
	epProductPrecheck        = ep("/channels/ec/product/categoryprecheck")
	epProductAttrMapping     = ep("/channels/ec/product/externalproductmapping")
	epProductAttrMappingNew  = ep("/channels/ec/product/externalproductmappingnew")
	epProductAuditQuota      = ep("/channels/ec/product/getauditquota")
	epProductAuditStrategy   = ep("/channels/ec/product/auditstrategy/get")
	epProductSetStrategy     = ep("/channels/ec/product/auditstrategy/set")
	epProductBeginTimingSale = ep("/channels/ec/product/begintimingsale")
	epProductBrandRecommend  = ep("/channels/ec/product/productbrandrecommend")
)

// ClassifyType selects what category/classify does (req_type).
type ClassifyType int

// Classify request types.
const (
	ClassifyRecommend ClassifyType = 1 // 基于标题和主图推断商品类目
	ClassifyCheck     ClassifyType = 2 // 基于商品内容判断是否类目错放 (cat_id required)
)

// ClassifyRequest asks for category recommendations for a product.
type ClassifyRequest struct {
	ReqType ClassifyType `json:"req_type"`
	Title   string       `json:"title"`
	// HeadImgs are the main images (at least one valid URL).
	HeadImgs []string `json:"head_imgs"`
	// CatID is the declared leaf category, required for [ClassifyCheck].
	CatID ID `json:"cat_id,omitempty"`
}

// ClassifiedCat is one level of a recommended category path.
type ClassifiedCat struct {
	CatInfo struct {
		CatID ID `json:"cat_id"`
	} `json:"cat_info"`
	// HasPermission reports whether the shop may sell in the category.
	HasPermission bool `json:"has_permission"`
}

// ClassifiedCats is a recommended category path, root first. The page's
// field table calls cats an object, its example sends an array: both
// decode.
type ClassifiedCats []ClassifiedCat

// UnmarshalJSON decodes an array of levels or a single level.
func (c *ClassifiedCats) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var one ClassifiedCat
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*c = ClassifiedCats{one}
		return nil
	}
	var many []ClassifiedCat
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*c = many
	return nil
}

// Leaf returns the path's leaf level.
func (c ClassifiedCats) Leaf() (ClassifiedCat, bool) {
	if len(c) == 0 {
		return ClassifiedCat{}, false
	}
	return c[len(c)-1], true
}

// ClassifyResult holds the recommended category paths, best first, and,
// for [ClassifyCheck], whether the declared category is wrong.
type ClassifyResult struct {
	Categories []struct {
		Cats ClassifiedCats `json:"cats"`
	} `json:"categories"`
	WrongCat *bool `json:"wrong_cat,omitempty"`
}

// Classify recommends categories for a product from its title and main
// images (类目推荐), or checks a declared category (错放). The platform
// limits it to 500 calls a minute.
//
// WeChat API: POST /channels/ec/product/category/classify
func (s *ProductService) Classify(ctx context.Context, req *ClassifyRequest) (*ClassifyResult, *Response, error) {
	if req == nil {
		return nil, nil, errorf("classify product", errNilRequest())
	}
	var errs []vcart.FieldError
	if req.ReqType != ClassifyRecommend && req.ReqType != ClassifyCheck {
		errs = append(errs, vcart.FieldError{Field: "req_type", Code: "enum", Msg: "must be 1 (recommend) or 2 (check)"})
	}
	if strings.TrimSpace(req.Title) == "" {
		errs = append(errs, vcart.FieldError{Field: "title", Code: "required", Msg: "must not be empty"})
	}
	if len(req.HeadImgs) == 0 {
		errs = append(errs, vcart.FieldError{Field: "head_imgs", Code: "required", Msg: "at least one image URL"})
	}
	if req.ReqType == ClassifyCheck && req.CatID == "" {
		errs = append(errs, vcart.FieldError{Field: "cat_id", Code: "required", Msg: "required when req_type is 2"})
	}
	if len(errs) > 0 {
		return nil, nil, errorf("classify product", vcart.NewValidationError(errs))
	}
	var out ClassifyResult
	resp, err := s.client.call(ctx, &request{ep: epProductClassify, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("classify product", err)
	}
	return &out, resp, nil
}

// PrecheckResult is the platform's pre-publish check of a category.
type PrecheckResult struct {
	// AllPass reports that the shop may publish in the category.
	AllPass bool `json:"all_pass"`
	// FailReasons says why not.
	FailReasons []string `json:"fail_reasons"`
}

// Precheck asks the platform whether the shop may publish products in a
// category (发品前校验: permissions and qualifications). Run review's
// local checks first; they cost no quota.
//
// WeChat API: POST /channels/ec/product/categoryprecheck
func (s *ProductService) Precheck(ctx context.Context, catID ID) (*PrecheckResult, *Response, error) {
	if err := requireID("cat_id", catID); err != nil {
		return nil, nil, errorf("precheck category", err)
	}
	body := struct {
		CatID ID `json:"cat_id"`
	}{catID}
	var out PrecheckResult
	resp, err := s.client.call(ctx, &request{ep: epProductPrecheck, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("precheck category "+string(catID), err)
	}
	return &out, resp, nil
}

// AttrMappingRequest maps one attribute of another platform onto the
// category's attribute (站内外商品属性映射).
type AttrMappingRequest struct {
	CatID                  ID     `json:"cat_id"`
	ExternalAttributeName  string `json:"external_attribute_name"`
	ExternalAttributeValue string `json:"external_attribute_value,omitempty"`
	// ExternalCategoryName is the other platform's category path, e.g.
	// "母婴:童鞋:雨鞋".
	ExternalCategoryName string `json:"external_category_name,omitempty"`
}

// AttrMapping is the platform's attribute for an external one; the value
// may be several (multi-select).
type AttrMapping struct {
	ExternalAttributeName  string   `json:"external_attribute_name"`
	ExternalAttributeValue string   `json:"external_attribute_value"`
	InternalAttributeName  string   `json:"internal_attribute_name"`
	InternalAttributeValue []string `json:"internal_attribute_value"`
}

// MapAttribute maps an external attribute onto the category's.
//
// WeChat API: POST /channels/ec/product/externalproductmapping
func (s *ProductService) MapAttribute(ctx context.Context, req *AttrMappingRequest) (*AttrMapping, *Response, error) {
	if req == nil {
		return nil, nil, errorf("map attribute", errNilRequest())
	}
	var errs []vcart.FieldError
	if req.CatID == "" {
		errs = append(errs, vcart.FieldError{Field: "cat_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(req.ExternalAttributeName) == "" {
		errs = append(errs, vcart.FieldError{Field: "external_attribute_name", Code: "required", Msg: "must not be empty"})
	}
	if len(errs) > 0 {
		return nil, nil, errorf("map attribute", vcart.NewValidationError(errs))
	}
	var out AttrMapping
	resp, err := s.client.call(ctx, &request{ep: epProductAttrMapping, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("map attribute", err)
	}
	return &out, resp, nil
}

// KeyValue is an attribute as a key and a value.
type KeyValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// AttrRecommendRequest asks for the category's attributes of a product,
// mapped from external attributes and recommended from its content
// (商品属性映射及推荐).
type AttrRecommendRequest struct {
	CatID                ID         `json:"cat_id"`
	ExternalCategoryName string     `json:"external_category_name,omitempty"`
	HeadImgs             []string   `json:"head_imgs"`
	DetailImgs           []string   `json:"detail_imgs,omitempty"`
	Title                string     `json:"title"`
	ExternalAttributes   []KeyValue `json:"external_attributes,omitempty"`
}

// RecommendAttributes maps and recommends the category's attributes for a
// product. The answer is advice: the merchant stays responsible for the
// product's information. Limited to 500 calls a minute.
//
// WeChat API: POST /channels/ec/product/externalproductmappingnew
func (s *ProductService) RecommendAttributes(ctx context.Context, req *AttrRecommendRequest) ([]KeyValue, *Response, error) {
	if req == nil {
		return nil, nil, errorf("recommend attributes", errNilRequest())
	}
	if err := vcart.NewValidationError(recommendProblems(req.CatID, req.HeadImgs, req.Title)); err != nil {
		return nil, nil, errorf("recommend attributes", err)
	}
	var out struct {
		Attributes []KeyValue `json:"attributes"`
	}
	resp, err := s.client.call(ctx, &request{ep: epProductAttrMappingNew, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("recommend attributes", err)
	}
	return out.Attributes, resp, nil
}

// AuditQuota is the shop's product audit quota (提审限额), which the
// platform adjusts with its operating data. One page's example sends
// block_status as a boolean, the other's as 0/1: [Bool] decodes both.
type AuditQuota struct {
	// BlockStatus: submissions are held (edit_status 72) until quota frees up.
	BlockStatus Bool  `json:"block_status"`
	AvailQuota  int64 `json:"avail_quota"`
	TotalQuota  int64 `json:"total_quota"`
	// UnlimitedType 1: submissions are not limited (the rest is moot).
	UnlimitedType        int   `json:"unlimited_type,omitempty"`
	AuditTotalQuota      int64 `json:"audit_total_quota,omitempty"`
	AuditTotalRemaining  int64 `json:"audit_total_remaining,omitempty"`
	NewProductTotalQuota int64 `json:"new_product_total_quota,omitempty"`
	NewProductRemaining  int64 `json:"new_product_remaining,omitempty"`
}

// ProductCap returns the quota as vcart's product cap: unlimited, or the
// current figure of the platform's dynamic quota (the total).
func (q AuditQuota) ProductCap() vcart.ProductCap {
	if q.UnlimitedType == 1 {
		return vcart.ProductCap{Kind: vcart.CapUnlimited}
	}
	return vcart.ProductCap{Kind: vcart.CapFixed, Limit: int(q.TotalQuota)}
}

// CanSubmit reports whether a new product can go to audit now.
func (q AuditQuota) CanSubmit() bool {
	if q.UnlimitedType == 1 {
		return true
	}
	if q.BlockStatus || q.AvailQuota <= 0 {
		return false
	}
	if q.AuditTotalQuota > 0 && q.AuditTotalRemaining <= 0 {
		return false
	}
	return q.NewProductTotalQuota == 0 || q.NewProductRemaining > 0
}

// AuditQuota returns the shop's product audit quota. Limited to 500 calls
// a minute.
//
// WeChat API: POST /channels/ec/product/getauditquota
func (s *ProductService) AuditQuota(ctx context.Context) (*AuditQuota, *Response, error) {
	var out struct {
		AuditQuota AuditQuota `json:"audit_quota"`
	}
	resp, err := s.client.call(ctx, &request{ep: epProductAuditQuota, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("audit quota", err)
	}
	return &out.AuditQuota, resp, nil
}

// StrategyFlag switches a listing strategy: 1 on, 2 off; in a set request
// 0 leaves it unchanged.
type StrategyFlag int

// Strategy flags.
const (
	StrategyUnchanged StrategyFlag = 0 // 不修改 (set only)
	StrategyOn        StrategyFlag = 1 // 打开
	StrategyOff       StrategyFlag = 2 // 关闭
)

// AuditStrategy is the shop's listing strategy (上架策略).
type AuditStrategy struct {
	// HideErrFieldFlag: list with the faulty information hidden (隐藏商品信息上架).
	HideErrFieldFlag StrategyFlag `json:"hide_err_field_flag"`
	// HitDuplicatedFlag: list similar products (可上架相似品).
	HitDuplicatedFlag StrategyFlag `json:"hit_duplicated_flag"`
	// HitLowRiskRuleFlag: list despite low-risk rule hits (命中低风险规则可上架).
	HitLowRiskRuleFlag StrategyFlag `json:"hit_low_risk_rule_flag"`
}

// AuditStrategy returns the shop's listing strategy.
//
// WeChat API: POST /channels/ec/product/auditstrategy/get
func (s *ProductService) AuditStrategy(ctx context.Context) (*AuditStrategy, *Response, error) {
	var out struct {
		AuditStrategy AuditStrategy `json:"audit_strategy"`
	}
	resp, err := s.client.call(ctx, &request{ep: epProductAuditStrategy, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("audit strategy", err)
	}
	return &out.AuditStrategy, resp, nil
}

// SetAuditStrategy sets the shop's listing strategy; a zero flag leaves
// that strategy unchanged. Products published afterwards follow it.
//
// WeChat API: POST /channels/ec/product/auditstrategy/set
func (s *ProductService) SetAuditStrategy(ctx context.Context, st AuditStrategy) (*Response, error) {
	var errs []vcart.FieldError
	for _, f := range []struct {
		name string
		v    StrategyFlag
	}{{"hide_err_field_flag", st.HideErrFieldFlag}, {"hit_duplicated_flag", st.HitDuplicatedFlag}, {"hit_low_risk_rule_flag", st.HitLowRiskRuleFlag}} {
		if f.v < StrategyUnchanged || f.v > StrategyOff {
			errs = append(errs, vcart.FieldError{Field: "audit_strategy." + f.name, Code: "enum", Msg: "must be 0, 1 or 2"})
		}
	}
	if len(errs) > 0 {
		return nil, errorf("set audit strategy", vcart.NewValidationError(errs))
	}
	body := struct {
		AuditStrategy AuditStrategy `json:"audit_strategy"`
	}{st}
	resp, err := s.client.call(ctx, &request{ep: epProductSetStrategy, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("set audit strategy", err)
	}
	return resp, nil
}

// BeginTimingSale puts a product scheduled for a timed sale (定时开售) on
// sale now. taskID is the product's timed-sale task; a stale one answers
// 10020306, a product not waiting for its sale 10020305.
//
// WeChat API: POST /channels/ec/product/begintimingsale
func (s *ProductService) BeginTimingSale(ctx context.Context, productID, taskID ID) (*Response, error) {
	var errs []vcart.FieldError
	if productID == "" {
		errs = append(errs, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if taskID == "" {
		errs = append(errs, vcart.FieldError{Field: "task_id", Code: "required", Msg: "must not be empty"})
	}
	if len(errs) > 0 {
		return nil, errorf("begin timing sale", vcart.NewValidationError(errs))
	}
	body := struct {
		ProductID ID `json:"product_id"`
		TaskID    ID `json:"task_id"`
	}{productID, taskID}
	resp, err := s.client.call(ctx, &request{ep: epProductBeginTimingSale, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("begin timing sale "+string(productID), err)
	}
	return resp, nil
}

// BrandRecommendRequest asks which of the shop's qualified brands fits a
// product (商品品牌推荐).
type BrandRecommendRequest struct {
	CatID      ID       `json:"cat_id"`
	HeadImgs   []string `json:"head_imgs"`
	DetailImgs []string `json:"detail_imgs,omitempty"`
	Title      string   `json:"title"`
}

// BrandRecommendation is the recommended brand, to send as the product's
// brand_id.
type BrandRecommendation struct {
	BrandID          ID     `json:"brand_id"`
	BrandNameChinese string `json:"brand_name_chinese"`
	BrandNameEnglish string `json:"brand_name_english"`
}

// RecommendBrand recommends, among the brands the shop holds a
// qualification for, the one that fits a product. Limited to 500 calls a
// minute.
//
// WeChat API: POST /channels/ec/product/productbrandrecommend
func (s *ProductService) RecommendBrand(ctx context.Context, req *BrandRecommendRequest) (*BrandRecommendation, *Response, error) {
	if req == nil {
		return nil, nil, errorf("recommend brand", errNilRequest())
	}
	if err := vcart.NewValidationError(recommendProblems(req.CatID, req.HeadImgs, req.Title)); err != nil {
		return nil, nil, errorf("recommend brand", err)
	}
	var out BrandRecommendation
	resp, err := s.client.call(ctx, &request{ep: epProductBrandRecommend, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("recommend brand", err)
	}
	return &out, resp, nil
}

// recommendProblems checks what the recommendation endpoints (attributes,
// brand) require: a category, at least one image and a title.
func recommendProblems(catID ID, headImgs []string, title string) []vcart.FieldError {
	var errs []vcart.FieldError
	if catID == "" {
		errs = append(errs, vcart.FieldError{Field: "cat_id", Code: "required", Msg: "must not be empty"})
	}
	if len(headImgs) == 0 {
		errs = append(errs, vcart.FieldError{Field: "head_imgs", Code: "required", Msg: "at least one image"})
	}
	if strings.TrimSpace(title) == "" {
		errs = append(errs, vcart.FieldError{Field: "title", Code: "required", Msg: "must not be empty"})
	}
	return errs
}
