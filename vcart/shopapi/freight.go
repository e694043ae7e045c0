package shopapi

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	epFreightAdd    = ep("/channels/ec/merchant/addfreighttemplate")
	epFreightUpdate = ep("/channels/ec/merchant/updatefreighttemplate")
	epFreightGet    = ep("/channels/ec/merchant/getfreighttemplatedetail")
	epFreightList   = ep("/channels/ec/merchant/getfreighttemplatelist")
)

// FreightValuation is valuation_type (计费类型): by the number of pieces or
// by weight.
type FreightValuation string

// Valuation types. The pages document these two only (no volume).
const (
	FreightByPiece  FreightValuation = "PIECE"  // 按件数
	FreightByWeight FreightValuation = "WEIGHT" // 按重量
)

// FreightShipping is shipping_method (计费方式).
type FreightShipping string

// Shipping methods.
const (
	FreightFree             FreightShipping = "FREE"           // 包邮
	FreightFreeIfConditions FreightShipping = "CONDITION_FREE" // 条件包邮
	FreightNoFree           FreightShipping = "NO_FREE"        // 不包邮
)

// FreightSendTime is send_time (发货时间期限).
type FreightSendTime string

// Dispatch deadlines seen in the official examples and peers' enums; the
// platform may accept others.
const (
	SendWithin4Hours  FreightSendTime = "SendTime_FOUR_HOUR"       // 4 小时内发货
	SendWithin24Hours FreightSendTime = "SendTime_TWENTYFOUR_HOUR" // 24 小时内发货
	SendWithin48Hours FreightSendTime = "SendTime_FOUTYEIGHT_HOUR" // 48 小时内发货 (the wire spelling)
	SendWithin3Days   FreightSendTime = "SendTime_THREE_DAY"       // 3 天内发货
)

// DeliveryExpress is the only delivery_type (运输方式) the pages document.
const DeliveryExpress = "EXPRESS"

// FreightAddress is an address of a freight template: the shipping address
// (发货地址) or one region of a rule, where only the province (and, to
// narrow it, the city and the county) are set.
type FreightAddress struct {
	UserName     string `json:"user_name"`
	PostalCode   string `json:"postal_code"`
	ProvinceName string `json:"province_name"`
	// CityName is the district for a municipality (直辖市), e.g. 浦东新区.
	CityName     string  `json:"city_name"`
	CountyName   string  `json:"county_name"`
	DetailInfo   string  `json:"detail_info"`
	NationalCode string  `json:"national_code,omitempty"`
	TelNumber    string  `json:"tel_number"`
	Lat          float64 `json:"lat,omitempty"`
	Lng          float64 `json:"lng,omitempty"`
	HouseNumber  string  `json:"house_number,omitempty"`
}

// FreightConditionRule is one rule of conditional free shipping (条件包邮):
// the regions it covers and its thresholds.
type FreightConditionRule struct {
	// AddressInfos are the regions the rule covers.
	AddressInfos []FreightAddress `json:"address_infos"`
	// MinPiece is the minimum number of pieces (最低件数), with PIECE.
	MinPiece int64 `json:"min_piece,omitempty"`
	// MinWeight is the minimum weight in kilograms (最低重量, a JSON number
	// kept exact), with WEIGHT; a basket under 1 kg counts as 1 kg.
	MinWeight json.Number `json:"min_weight,omitempty"`
	// MinAmount is the minimum amount in fen (最低金额).
	MinAmount int64 `json:"min_amount,omitempty"`
	// ValuationFlag is 1 when the piece or weight threshold is set
	// (计费方式对应的选项是否已设置).
	ValuationFlag int `json:"valuation_flag,omitempty"`
	// AmountFlag is 1 when the amount threshold is set (金额是否设置).
	AmountFlag int `json:"amount_flag,omitempty"`
}

// FreightConditionFree is all_condition_free_detail (条件包邮详情).
type FreightConditionFree struct {
	Rules []FreightConditionRule `json:"condition_free_detail_list"`
}

// FreightCalcMethod is one pricing rule (计费方法): the first
// FirstValAmount pieces (or kilograms) cost FirstPrice fen, and each
// further SecondValAmount pieces (or kilograms), or part of them, cost
// SecondPrice fen. The default rule (IsDefault) has no regions; the others
// apply to theirs.
type FreightCalcMethod struct {
	// AddressInfos are the regions (the field tables' spelling).
	AddressInfos []FreightAddress `json:"address_infos,omitempty"`
	// AddressInfo is the same list as spelt in older examples
	// (address_info): decoded, use [FreightCalcMethod.Regions].
	AddressInfo []FreightAddress `json:"address_info,omitempty"`
	IsDefault   bool             `json:"is_default"`
	// DeliveryID restricts the rule to a carrier (快递公司); empty: any.
	DeliveryID      string `json:"delivery_id,omitempty"`
	FirstValAmount  int64  `json:"first_val_amount"`
	FirstPrice      int64  `json:"first_price"`
	SecondValAmount int64  `json:"second_val_amount"`
	SecondPrice     int64  `json:"second_price"`
}

// Regions returns the rule's regions under either spelling.
func (m *FreightCalcMethod) Regions() []FreightAddress {
	return append(append([]FreightAddress(nil), m.AddressInfos...), m.AddressInfo...)
}

// FreightCalcMethods is all_freight_calc_method (具体计费方法).
type FreightCalcMethods struct {
	Methods []FreightCalcMethod `json:"freight_calc_method_list"`
}

// FreightArea is not_send_area (不发货区域): regions the template does not
// deliver to. The field tables spell the list address_infos, the detail
// example address_info: both decode; use [FreightArea.Regions].
type FreightArea struct {
	AddressInfos []FreightAddress `json:"address_infos,omitempty"`
	AddressInfo  []FreightAddress `json:"address_info,omitempty"`
}

// Regions returns the area's regions under either spelling.
func (a *FreightArea) Regions() []FreightAddress {
	if a == nil {
		return nil
	}
	return append(append([]FreightAddress(nil), a.AddressInfos...), a.AddressInfo...)
}

// FreightTemplate is a freight template (运费模板). Prices are fen.
// [FreightTemplate.Quote] computes a basket's freight from it.
type FreightTemplate struct {
	// TemplateID is empty when adding.
	TemplateID     ID               `json:"template_id,omitempty"`
	Name           string           `json:"name"`
	ValuationType  FreightValuation `json:"valuation_type"`
	SendTime       FreightSendTime  `json:"send_time"`
	AddressInfo    FreightAddress   `json:"address_info"`
	DeliveryType   string           `json:"delivery_type"`
	DeliveryID     []string         `json:"delivery_id,omitempty"`
	ShippingMethod FreightShipping  `json:"shipping_method"`
	// ConditionFree holds the rules of CONDITION_FREE.
	ConditionFree *FreightConditionFree `json:"all_condition_free_detail,omitempty"`
	// CalcMethods holds the default and the regional pricing rules.
	CalcMethods *FreightCalcMethods `json:"all_freight_calc_method,omitempty"`
	// CreateTime and UpdateTime are Unix seconds, sent by the platform.
	CreateTime  int64        `json:"create_time,omitempty"`
	UpdateTime  int64        `json:"update_time,omitempty"`
	IsDefault   bool         `json:"is_default"`
	NotSendArea *FreightArea `json:"not_send_area,omitempty"`
}

// validate checks what the pages state: a name, a shipping province, the
// enums, and, unless shipping is free, a default pricing rule with no
// regions (errcodes 10021053, 10021055).
func (t *FreightTemplate) validate() error {
	if t == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	add := func(field, code, msg string) {
		p = append(p, vcart.FieldError{Field: "freight_template." + field, Code: code, Msg: msg})
	}
	if strings.TrimSpace(t.Name) == "" {
		add("name", "required", "must not be empty")
	}
	if t.ValuationType != FreightByPiece && t.ValuationType != FreightByWeight {
		add("valuation_type", "enum", "must be PIECE or WEIGHT")
	}
	if t.SendTime == "" {
		add("send_time", "required", "must not be empty")
	}
	if strings.TrimSpace(t.AddressInfo.ProvinceName) == "" {
		add("address_info.province_name", "required", "the shipping province must be set (10021081)")
	}
	if t.DeliveryType != DeliveryExpress {
		add("delivery_type", "enum", "must be EXPRESS")
	}
	switch t.ShippingMethod {
	case FreightFree:
	case FreightFreeIfConditions, FreightNoFree:
		p = append(p, t.validateMethods()...)
	default:
		add("shipping_method", "enum", "must be FREE, CONDITION_FREE or NO_FREE")
	}
	if t.ShippingMethod == FreightFreeIfConditions && (t.ConditionFree == nil || len(t.ConditionFree.Rules) == 0) {
		add("all_condition_free_detail.condition_free_detail_list", "required", "CONDITION_FREE needs at least one rule")
	}
	if t.ConditionFree != nil {
		for i, r := range t.ConditionFree.Rules {
			f := "all_condition_free_detail.condition_free_detail_list[" + strconv.Itoa(i) + "]"
			if _, err := r.minWeightGrams(); err != nil {
				add(f+".min_weight", "format", "must be a non-negative number of kilograms")
			}
			if r.MinPiece < 0 || r.MinAmount < 0 {
				add(f, "range", "thresholds must not be negative")
			}
		}
	}
	return vcart.NewValidationError(p)
}

func (t *FreightTemplate) validateMethods() []vcart.FieldError {
	var p []vcart.FieldError
	if t.CalcMethods == nil || len(t.CalcMethods.Methods) == 0 {
		return append(p, vcart.FieldError{Field: "freight_template.all_freight_calc_method.freight_calc_method_list",
			Code: "required", Msg: "a template that is not free needs a default rule (10021055)"})
	}
	defaults := 0
	for i, m := range t.CalcMethods.Methods {
		f := "freight_template.all_freight_calc_method.freight_calc_method_list[" + strconv.Itoa(i) + "]"
		if m.IsDefault {
			defaults++
			if len(m.Regions()) > 0 {
				p = append(p, vcart.FieldError{Field: f + ".address_infos", Code: "consistency", Msg: "the default rule names no region (10021053)"})
			}
		} else if len(m.Regions()) == 0 {
			p = append(p, vcart.FieldError{Field: f + ".address_infos", Code: "required", Msg: "a regional rule needs regions"})
		}
		if m.FirstValAmount < 0 || m.FirstPrice < 0 || m.SecondValAmount < 0 || m.SecondPrice < 0 {
			p = append(p, vcart.FieldError{Field: f, Code: "range", Msg: "amounts and prices must not be negative"})
		}
		if m.SecondPrice > 0 && m.SecondValAmount == 0 {
			p = append(p, vcart.FieldError{Field: f + ".second_val_amount", Code: "range", Msg: "must be positive when second_price is set"})
		}
	}
	if defaults != 1 {
		p = append(p, vcart.FieldError{Field: "freight_template.all_freight_calc_method.freight_calc_method_list",
			Code: "consistency", Msg: "exactly one rule must be the default (10021055)"})
	}
	return p
}

type freightTemplateBody struct {
	Template *FreightTemplate `json:"freight_template"`
}

// Add adds a freight template and returns its id. Errcodes: 10021053 a
// default rule with regions, 10021054 bad province/city/county, 10021200
// the name exists, 10021055 no default rule, 10021081 no shipping address,
// 10021082 bad send_time, 10025501 the whole country excluded, 1002550x
// too many carriers or rules. Add is not idempotent: after an ambiguous
// failure, [FreightService.FindByName] tells whether it was added (names
// are unique: 10021200).
//
// WeChat API: POST /channels/ec/merchant/addfreighttemplate
func (s *FreightService) Add(ctx context.Context, t *FreightTemplate) (ID, *Response, error) {
	if err := t.validate(); err != nil {
		return "", nil, errorf("add freight template", err)
	}
	body := *t
	body.TemplateID, body.CreateTime, body.UpdateTime = "", 0, 0
	var out struct {
		TemplateID ID `json:"template_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFreightAdd, body: freightTemplateBody{&body}}, &out)
	if err != nil {
		return "", resp, errorf("add freight template", err)
	}
	if out.TemplateID == "" {
		return "", resp, errorf("add freight template", errors.Join(ErrMalformedResponse, errors.New("no template_id")))
	}
	return out.TemplateID, resp, nil
}

// Update replaces the template t.TemplateID with t. The field table
// requires template_id but the page's example has none: it is sent when
// set, not required.
//
// WeChat API: POST /channels/ec/merchant/updatefreighttemplate
func (s *FreightService) Update(ctx context.Context, t *FreightTemplate) (*Response, error) {
	if err := t.validate(); err != nil {
		return nil, errorf("update freight template", err)
	}
	body := *t
	body.CreateTime, body.UpdateTime = 0, 0
	resp, err := s.client.call(ctx, &request{ep: epFreightUpdate, body: freightTemplateBody{&body}}, nil)
	if err != nil {
		return resp, errorf("update freight template "+string(t.TemplateID), err)
	}
	return resp, nil
}

// Get returns a freight template (查询运费模版).
//
// WeChat API: POST /channels/ec/merchant/getfreighttemplatedetail
func (s *FreightService) Get(ctx context.Context, id ID) (*FreightTemplate, *Response, error) {
	if err := requireID("template_id", id); err != nil {
		return nil, nil, errorf("get freight template", err)
	}
	body := struct {
		TemplateID ID `json:"template_id"`
	}{id}
	var out struct {
		Template *FreightTemplate `json:"freight_template"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFreightGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get freight template "+string(id), err)
	}
	if out.Template == nil {
		return nil, resp, errorf("get freight template "+string(id), errors.Join(ErrMalformedResponse, errors.New("no freight_template")))
	}
	return out.Template, resp, nil
}

// FreightListPage is the page size [FreightService.ListIter] asks for.
const FreightListPage = 100

// List returns up to limit template ids from offset (limit at least 1; the page states no maximum).
//
// WeChat API: POST /channels/ec/merchant/getfreighttemplatelist
func (s *FreightService) List(ctx context.Context, offset, limit int) ([]ID, *Response, error) {
	if err := vcart.NewValidationError(checkOffsetLimit(offset, limit)); err != nil {
		return nil, nil, errorf("list freight templates", err)
	}
	body := struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}{offset, limit}
	var out struct {
		IDs []ID `json:"template_id_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFreightList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list freight templates", err)
	}
	return out.IDs, resp, nil
}

// ListIter iterates over every template id, a page of 100 at a time.
//
// WeChat API: POST /channels/ec/merchant/getfreighttemplatelist
func (s *FreightService) ListIter(ctx context.Context) iter.Seq2[ID, error] {
	return offsetIter(ctx, FreightListPage, s.List)
}

// FindByName returns the template named name, or nil when there is none:
// the way to resolve an ambiguous [FreightService.Add] (template names are
// unique in a shop). It reads every template (safe, retried reads).
//
// WeChat API: POST /channels/ec/merchant/getfreighttemplatelist, /channels/ec/merchant/getfreighttemplatedetail
func (s *FreightService) FindByName(ctx context.Context, name string) (*FreightTemplate, error) {
	for id, err := range s.ListIter(ctx) {
		if err != nil {
			return nil, err
		}
		t, _, err := s.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if t.Name == name {
			return t, nil
		}
	}
	return nil, nil
}
