package shopapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Category rules (类目规则): the deposit and shipping-method rules of a
// category (getcategoryrule, rule_id 1 and 2) and its publishing rules
// (getcategoryproductrule), with conversions into the pure packages'
// tables: [CategoryRule.PlatformCategory] feeds vcart's eligibility check
// (the per-category deposit) and [ProductRule.ReviewRules] feeds review's
// checks for that category.

var (
	epCategoryRule        = ep("/shop/ec/category/getcategoryrule")
	epCategoryProductRule = ep("/shop/ec/category/getcategoryproductrule")
)

// CategoryRuleID selects the rule getcategoryrule answers (rule_id, a URL
// parameter).
type CategoryRuleID int

// Category rules.
const (
	RuleDeposit        CategoryRuleID = 1 // 保证金
	RuleDeliveryMethod CategoryRuleID = 2 // 发货方式
)

// DeliveryMethod is a shipping method a category allows (发货方式,
// deliver_type of the category rule; not the deliver_type of a shipment).
type DeliveryMethod int

// Shipping methods.
const (
	MethodExpress     DeliveryMethod = 0 // 快递
	MethodEducation   DeliveryMethod = 1 // 教培类
	MethodVoucher     DeliveryMethod = 3 // 卡券类
	MethodGameRole    DeliveryMethod = 4 // 游戏角色
	MethodGameAccount DeliveryMethod = 5 // 游戏帐号
	MethodLocal       DeliveryMethod = 6 // 同城配送
)

// String returns the method's name.
func (d DeliveryMethod) String() string {
	switch d {
	case MethodExpress:
		return "express"
	case MethodEducation:
		return "education"
	case MethodVoucher:
		return "voucher"
	case MethodGameRole:
		return "game_role"
	case MethodGameAccount:
		return "game_account"
	case MethodLocal:
		return "local"
	}
	return "DeliveryMethod(" + itoa(int(d)) + ")"
}

// DeliveryMethodRule is a shipping method a category allows, with the
// account types the buyer gives for a virtual delivery (acct_type: 1 微信号,
// 3 手机号, 4 邮箱).
type DeliveryMethodRule struct {
	DeliverType DeliveryMethod `json:"deliver_type"`
	AcctType    []int          `json:"acct_type"`
}

// DeliveryMethodRules is the list of a category's shipping methods. The
// page's field table says objarray; its example sends one object: both
// decode.
type DeliveryMethodRules []DeliveryMethodRule

// UnmarshalJSON decodes an array of rules or a single rule object.
func (r *DeliveryMethodRules) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var one DeliveryMethodRule
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*r = DeliveryMethodRules{one}
		return nil
	}
	var many []DeliveryMethodRule
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*r = many
	return nil
}

// CategoryRule is the answer of getcategoryrule: the deposit (rule 1, in
// fen) or the shipping methods (rule 2).
type CategoryRule struct {
	// Deposit is the shop's deposit for the category (保证金), fen.
	Deposit int64               `json:"deposit"`
	List    DeliveryMethodRules `json:"list,omitempty"`
}

// DepositMoney returns the deposit as [vcart.Money].
func (r CategoryRule) DepositMoney() vcart.Money { return vcart.FromFen(r.Deposit) }

// PlatformCategory builds the row of vcart's category table for the
// category: its id and name, the coarse class vcart's rules use, and the
// deposit this rule states. Pass the rows as [vcart.Applicant.Categories]
// and [vcart.Checker] quotes the live deposit.
func (r CategoryRule) PlatformCategory(catID ID, name string, class vcart.Category) vcart.PlatformCategory {
	return vcart.PlatformCategory{ID: vcart.CategoryID(catID), Name: name, Category: class, Deposit: vcart.Fen(r.Deposit)}
}

// Rule returns one rule of a category (rule_id 1 deposit, 2 shipping
// methods).
//
// WeChat API: POST /shop/ec/category/getcategoryrule
func (s *CategoryService) Rule(ctx context.Context, rule CategoryRuleID, categoryID ID) (*CategoryRule, *Response, error) {
	var errs []vcart.FieldError
	if rule != RuleDeposit && rule != RuleDeliveryMethod {
		errs = append(errs, vcart.FieldError{Field: "rule_id", Code: "enum", Msg: "must be 1 (deposit) or 2 (delivery method)"})
	}
	if strings.TrimSpace(string(categoryID)) == "" {
		errs = append(errs, vcart.FieldError{Field: "category_id", Code: "required", Msg: "must not be empty"})
	}
	if len(errs) > 0 {
		return nil, nil, errorf("category rule", vcart.NewValidationError(errs))
	}
	body := struct {
		CategoryID ID `json:"category_id"`
	}{categoryID}
	q := url.Values{"rule_id": {strconv.Itoa(int(rule))}}
	var out CategoryRule
	resp, err := s.client.call(ctx, &request{ep: epCategoryRule, query: q, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("category rule "+string(categoryID), err)
	}
	return &out, resp, nil
}

// Deposit returns the shop's deposit for a category (fen) by the deposit
// rule (rule_id 1).
//
// WeChat API: POST /shop/ec/category/getcategoryrule
func (s *CategoryService) Deposit(ctx context.Context, categoryID ID) (int64, *Response, error) {
	r, resp, err := s.Rule(ctx, RuleDeposit, categoryID)
	if err != nil {
		return 0, resp, err
	}
	return r.Deposit, resp, nil
}

// DeliveryMethods returns the shipping methods a category allows (rule_id 2).
//
// WeChat API: POST /shop/ec/category/getcategoryrule
func (s *CategoryService) DeliveryMethods(ctx context.Context, categoryID ID) ([]DeliveryMethodRule, *Response, error) {
	r, resp, err := s.Rule(ctx, RuleDeliveryMethod, categoryID)
	if err != nil {
		return nil, resp, err
	}
	return r.List, resp, nil
}

// TextCondition is one keyword condition of a fill rule (填写规则).
type TextCondition struct {
	CheckField int      `json:"check_field"`
	OperType   int      `json:"oper_type"`
	Keywords   []string `json:"keywords"`
}

// AndCombinator is a conjunction of text conditions.
type AndCombinator struct {
	CombineType    int             `json:"combine_type"`
	TextConditions []TextCondition `json:"text_conditions"`
}

// OrCombinator is a disjunction of conjunctions.
type OrCombinator struct {
	AndCombinators []AndCombinator `json:"and_combinators"`
}

// RequiredRule is an attribute's conditional fill rule (required_rule). Its
// enums (rule_type, check_field, oper_type, combine_type) are not
// documented in the copy of the page available: it is decoded and kept
// for the caller, not interpreted.
type RequiredRule struct {
	RuleType      int            `json:"rule_type"`
	OrCombinators []OrCombinator `json:"or_combinators,omitempty"`
}

// ProductRuleAttr is an attribute of a category's publishing rules.
type ProductRuleAttr struct {
	Name string `json:"name"`
	// Value lists the options (select_one, select_many) or the units
	// (integer_unit, decimal4_unit), separated by ";".
	Value         string `json:"value"`
	Hint          string `json:"hint,omitempty"`
	AppendAllowed bool   `json:"append_allowed"`
	// TypeV2 is string, select_one, select_many, integer, decimal4,
	// integer_unit or decimal4_unit.
	TypeV2 string `json:"type_v2"`
	// IsRequired marks a required attribute (as in category/detail).
	IsRequired   bool          `json:"is_required"`
	RequiredRule *RequiredRule `json:"required_rule,omitempty"`
}

// ProductRuleQualification is a product qualification the category asks
// for (资质信息).
type ProductRuleQualification struct {
	ID           ID            `json:"id"`
	Name         string        `json:"name"`
	Tips         string        `json:"tips,omitempty"`
	RequiredRule *RequiredRule `json:"required_rule,omitempty"`
}

// SizeChartItem is one measure of a category's size chart (尺码表).
type SizeChartItem struct {
	Name       string `json:"name"`
	Unit       string `json:"unit"`
	Type       string `json:"type"`
	Format     string `json:"format"`
	Limit      string `json:"limit"`
	IsRequired bool   `json:"is_required"`
}

// SizeChart says whether a category takes a size chart and its measures.
type SizeChart struct {
	IsSupport bool            `json:"is_support"`
	ItemList  []SizeChartItem `json:"item_list,omitempty"`
}

// ProductRequirement is the platform's wording of what titles, images and
// descriptions need (商品编辑要求).
type ProductRequirement struct {
	ProductTitleRequirement string `json:"product_title_requirement"`
	ProductImgRequirement   string `json:"product_img_requirement"`
	ProductDescRequirement  string `json:"product_desc_requirement"`
}

// CategoryExtraService is an extra service of a category (额外服务).
type CategoryExtraService struct {
	ExtraServiceName  string `json:"extra_service_name"`
	ExtraServiceType  string `json:"extra_service_type"`
	ExtraServiceValue string `json:"extra_service_value,omitempty"`
}

// DelayDays bounds a shipping delay in days.
type DelayDays struct {
	PresaleCycleSpan int `json:"presale_cycle_span,omitempty"`
	MinDelayDay      int `json:"min_delay_day"`
	MaxDelayDay      int `json:"max_delay_day"`
}

// PresaleRule is a category's pre-sale rule (预售规则).
type PresaleRule struct {
	PresaleSwitch        bool       `json:"presale_switch"`
	DeliveryAfterPresale *DelayDays `json:"delivery_after_presale,omitempty"`
	DeliveryAfterPay     *DelayDays `json:"delivery_after_pay,omitempty"`
	// ProductPriceThreshold is the lowest price for a pre-sale (a string
	// on the wire).
	ProductPriceThreshold string `json:"product_price_threshold,omitempty"`
}

// ProductRule is a category's publishing rules (商品发布规则). FloorPrice
// is fen.
type ProductRule struct {
	Info struct {
		CatID ID     `json:"cat_id"`
		Name  string `json:"name"`
	} `json:"info"`
	ProductAttrList    []ProductRuleAttr          `json:"product_attr_list"`
	SaleAttrList       []ProductRuleAttr          `json:"sale_attr_list"`
	ProductQuaList     []ProductRuleQualification `json:"product_qua_list"`
	FloorPrice         int64                      `json:"floor_price"`
	SizeChart          *SizeChart                 `json:"size_chart,omitempty"`
	ProductRequirement *ProductRequirement        `json:"product_requirement,omitempty"`
	ExtraServiceList   []CategoryExtraService     `json:"extra_service_list,omitempty"`
	IsNeedBarCode      bool                       `json:"is_need_bar_code"`
	PresaleRule        *PresaleRule               `json:"presale_rule,omitempty"`
}

// ReleaseMode selects the publishing mode the rules are for (release_mode).
type ReleaseMode int

// Publishing modes.
const (
	ReleaseNormal  ReleaseMode = 0 // 普通模式
	ReleaseMinimal ReleaseMode = 1 // 极简模式
)

// ProductRule returns the publishing rules of a leaf category.
//
// WeChat API: POST /shop/ec/category/getcategoryproductrule
func (s *CategoryService) ProductRule(ctx context.Context, catID ID, mode ReleaseMode) (*ProductRule, *Response, error) {
	if err := requireID("cat_id", catID); err != nil {
		return nil, nil, errorf("category product rule", err)
	}
	body := struct {
		CatID       ID          `json:"cat_id"`
		ReleaseMode ReleaseMode `json:"release_mode"`
	}{catID, mode}
	var out ProductRule
	resp, err := s.client.call(ctx, &request{ep: epCategoryProductRule, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("category product rule "+string(catID), err)
	}
	return &out, resp, nil
}

// ReviewRules converts the publishing rules into review's table for the
// category: required product and sale attributes, options and units,
// number kinds, the floor price and the platform's wording of its
// requirements. class, when set, limits the rules to listings of that
// coarse category. Add the result with review.WithExtraRules(rules.Rule()).
func (r *ProductRule) ReviewRules(class vcart.Category) review.CategoryRules {
	out := review.CategoryRules{CatID: string(r.Info.CatID), Name: r.Info.Name, Category: class,
		ProductAttrs: ruleAttrs(r.ProductAttrList), SaleAttrs: ruleAttrs(r.SaleAttrList),
		Source: "getcategoryproductrule cat_id " + string(r.Info.CatID)}
	if r.FloorPrice > 0 {
		out.FloorPrice = vcart.Fen(r.FloorPrice)
	}
	if q := r.ProductRequirement; q != nil {
		for _, s := range []string{q.ProductTitleRequirement, q.ProductImgRequirement, q.ProductDescRequirement} {
			if strings.TrimSpace(s) != "" {
				out.Requirements = append(out.Requirements, s)
			}
		}
	}
	return out
}

func ruleAttrs(in []ProductRuleAttr) []review.AttrRule {
	out := make([]review.AttrRule, 0, len(in))
	for _, a := range in {
		ar := review.AttrRule{Name: strings.TrimSpace(a.Name), Required: a.IsRequired, Kind: review.AttrKind(a.TypeV2),
			AllowOther: a.AppendAllowed}
		for _, o := range strings.Split(a.Value, ";") {
			if o = strings.TrimSpace(o); o != "" {
				ar.Options = append(ar.Options, o)
			}
		}
		out = append(out, ar)
	}
	return out
}

// PlatformCategory reads a leaf category's name (category/detail) and the
// shop's deposit for it (getcategoryrule, rule_id 1) and returns the row of
// vcart's category table, with class the coarse category vcart's rules
// use.
//
// WeChat API: POST /shop/ec/category/detail, POST /shop/ec/category/getcategoryrule
func (s *CategoryService) PlatformCategory(ctx context.Context, catID ID, class vcart.Category) (vcart.PlatformCategory, error) {
	d, _, err := s.Detail(ctx, catID)
	if err != nil {
		return vcart.PlatformCategory{}, err
	}
	r, _, err := s.Rule(ctx, RuleDeposit, catID)
	if err != nil {
		return vcart.PlatformCategory{}, err
	}
	return r.PlatformCategory(catID, d.Info.Name, class), nil
}
