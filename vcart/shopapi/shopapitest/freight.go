package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// freightRoutes returns the freight-template endpoints (运费模板).
func freightRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/merchant/addfreighttemplate", h: (*Server).hFreightAdd},
		{method: http.MethodPost, path: "/channels/ec/merchant/updatefreighttemplate", h: (*Server).hFreightUpdate},
		{method: http.MethodPost, path: "/channels/ec/merchant/getfreighttemplatedetail", h: (*Server).hFreightGet},
		{method: http.MethodPost, path: "/channels/ec/merchant/getfreighttemplatelist", h: (*Server).hFreightList},
	}
}

// freightTable holds the shop's freight templates. An unknown template_id
// answers 10020051 (bad parameters: the pages list no errcode for it).
func (s *Server) freightTable() *table[shopapi.FreightTemplate] {
	return tableOf[shopapi.FreightTemplate](s, "freight_templates", shopapi.CodeBadParams, "freight template not exist")
}

// knownFreightTemplate answers nil when id is a freight template of the
// shop, else the table's errcode. The product handlers can check a
// product's express_info.template_id through it. s.mu is held.
func (s *Server) knownFreightTemplate(id string) error {
	_, err := s.freightTable().get(id)
	return err
}

// FreightTemplate returns a copy of the template id as the fake stores it,
// for tests that price baskets with [shopapi.FreightTemplate.Quote].
func (s *Server) FreightTemplate(id vcart.ID) (shopapi.FreightTemplate, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.freightTable().get(string(id))
	if err != nil {
		return shopapi.FreightTemplate{}, false
	}
	return *t, true
}

// provinces are the level-1 divisions (获取地址行政编码); a region naming
// another province answers 10021054.
var provinces = []string{
	"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
	"浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
	"海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
	"宁夏回族自治区", "新疆维吾尔自治区", "台湾省", "香港特别行政区", "澳门特别行政区",
}

var sendTimes = []shopapi.FreightSendTime{shopapi.SendWithin4Hours, shopapi.SendWithin24Hours,
	shopapi.SendWithin48Hours, shopapi.SendWithin3Days}

// Limits of the fake (the pages give errcodes, not figures).
const (
	maxFreightCarriers  = 10
	maxConditionRules   = 50
	maxCalcMethodsFake  = 50
	maxFreightTemplates = 500
)

// checkFreight applies the platform's rules in the order of its errcode
// table.
func (s *Server) checkFreight(t *shopapi.FreightTemplate, selfID string) error {
	if strings.TrimSpace(t.Name) == "" || (t.ValuationType != shopapi.FreightByPiece && t.ValuationType != shopapi.FreightByWeight) ||
		t.DeliveryType != shopapi.DeliveryExpress {
		return apiErr(shopapi.CodeBadParams, "invalid name, valuation_type or delivery_type")
	}
	if t.AddressInfo.ProvinceName == "" {
		return apiErr(shopapi.CodeFreightNoShipAddress, "freight template has no shipping address")
	}
	if !slices.Contains(sendTimes, t.SendTime) {
		return apiErr(shopapi.CodeFreightBadSendTime, "invalid send_time")
	}
	regions := [][]shopapi.FreightAddress{{t.AddressInfo}, t.NotSendArea.Regions()}
	if t.CalcMethods != nil {
		for _, m := range t.CalcMethods.Methods {
			regions = append(regions, m.Regions())
		}
	}
	if t.ConditionFree != nil {
		for _, r := range t.ConditionFree.Rules {
			regions = append(regions, r.AddressInfos)
		}
	}
	for _, rs := range regions {
		for _, r := range rs {
			if !slices.Contains(provinces, r.ProvinceName) {
				return apiErr(shopapi.CodeFreightBadRegion, "invalid province, city or county")
			}
		}
	}
	if len(t.NotSendArea.Regions()) >= len(provinces) {
		return apiErr(shopapi.CodeFreightWholeCountryExcluded, "cannot exclude the whole country")
	}
	if len(t.DeliveryID) > maxFreightCarriers {
		return apiErr(shopapi.CodeFreightTooManyCarriers, "too many delivery companies")
	}
	if t.ConditionFree != nil && len(t.ConditionFree.Rules) > maxConditionRules {
		return apiErr(shopapi.CodeFreightTooManyConditions, "too many condition-free rules")
	}
	switch t.ShippingMethod {
	case shopapi.FreightFree:
	case shopapi.FreightFreeIfConditions, shopapi.FreightNoFree:
		if t.CalcMethods == nil {
			return apiErr(shopapi.CodeFreightNoDefaultRule, "freight template must have a default rule")
		}
		if len(t.CalcMethods.Methods) > maxCalcMethodsFake {
			return apiErr(shopapi.CodeFreightTooManyRules, "too many calc rules")
		}
		defaults := 0
		for _, m := range t.CalcMethods.Methods {
			if m.IsDefault {
				defaults++
				if len(m.Regions()) > 0 {
					return apiErr(shopapi.CodeFreightDefaultWithRegion, "default rule must not name regions")
				}
			}
		}
		if defaults == 0 {
			return apiErr(shopapi.CodeFreightNoDefaultRule, "freight template must have a default rule")
		}
	default:
		return apiErr(shopapi.CodeBadParams, "invalid shipping_method")
	}
	tb := s.freightTable()
	for _, id := range tb.ids(nil) {
		if id != selfID && tb.byID[id].Name == t.Name {
			return apiErr(shopapi.CodeFreightNameExists, "template name exists")
		}
	}
	return nil
}

type freightReq struct {
	Template *shopapi.FreightTemplate `json:"freight_template"`
}

// setDefaultTemplate keeps one default template.
func (s *Server) setDefaultTemplate(id string, t *shopapi.FreightTemplate) {
	if !t.IsDefault {
		return
	}
	tb := s.freightTable()
	for _, other := range tb.ids(nil) {
		if other != id {
			tb.byID[other].IsDefault = false
		}
	}
}

func (s *Server) hFreightAdd(c *call) (any, error) {
	var b freightReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Template == nil {
		return nil, apiErr(shopapi.CodeBadParams, "freight_template is required")
	}
	if err := s.checkFreight(b.Template, ""); err != nil {
		return nil, err
	}
	if s.freightTable().len() >= maxFreightTemplates {
		return nil, apiErr(shopapi.CodeBadParams, "too many freight templates")
	}
	t := *b.Template
	now := s.now().Unix()
	t.CreateTime, t.UpdateTime = now, now
	id := s.freightTable().add(s, &t)
	t.TemplateID = shopapi.ID(id)
	s.setDefaultTemplate(id, &t)
	return struct {
		TemplateID string `json:"template_id"`
	}{id}, nil
}

func (s *Server) hFreightUpdate(c *call) (any, error) {
	var b freightReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Template == nil {
		return nil, apiErr(shopapi.CodeBadParams, "freight_template is required")
	}
	id := string(b.Template.TemplateID)
	old, err := s.freightTable().get(id)
	if err != nil {
		return nil, err
	}
	if err := s.checkFreight(b.Template, id); err != nil {
		return nil, err
	}
	t := *b.Template
	t.CreateTime, t.UpdateTime = old.CreateTime, s.now().Unix()
	*old = t
	s.setDefaultTemplate(id, old)
	return nil, nil
}

// freightView is a template as the platform answers it: the field tables'
// spellings (address_infos everywhere), every list present.
type freightView struct {
	TemplateID     string                 `json:"template_id"`
	Name           string                 `json:"name"`
	ValuationType  string                 `json:"valuation_type"`
	SendTime       string                 `json:"send_time"`
	AddressInfo    shopapi.FreightAddress `json:"address_info"`
	DeliveryType   string                 `json:"delivery_type"`
	DeliveryID     []string               `json:"delivery_id"`
	ShippingMethod string                 `json:"shipping_method"`
	ConditionFree  struct {
		Rules []shopapi.FreightConditionRule `json:"condition_free_detail_list"`
	} `json:"all_condition_free_detail"`
	CalcMethods struct {
		Methods []freightCalcView `json:"freight_calc_method_list"`
	} `json:"all_freight_calc_method"`
	CreateTime  int64 `json:"create_time"`
	UpdateTime  int64 `json:"update_time"`
	IsDefault   bool  `json:"is_default"`
	NotSendArea struct {
		AddressInfos []shopapi.FreightAddress `json:"address_infos"`
	} `json:"not_send_area"`
}

type freightCalcView struct {
	AddressInfos    []shopapi.FreightAddress `json:"address_infos,omitempty"`
	IsDefault       bool                     `json:"is_default"`
	DeliveryID      string                   `json:"delivery_id,omitempty"`
	FirstValAmount  int64                    `json:"first_val_amount"`
	FirstPrice      int64                    `json:"first_price"`
	SecondValAmount int64                    `json:"second_val_amount"`
	SecondPrice     int64                    `json:"second_price"`
}

func viewFreight(id string, t *shopapi.FreightTemplate) *freightView {
	v := &freightView{TemplateID: id, Name: t.Name, ValuationType: string(t.ValuationType), SendTime: string(t.SendTime),
		AddressInfo: t.AddressInfo, DeliveryType: t.DeliveryType, DeliveryID: append([]string{}, t.DeliveryID...),
		ShippingMethod: string(t.ShippingMethod), CreateTime: t.CreateTime, UpdateTime: t.UpdateTime, IsDefault: t.IsDefault}
	v.ConditionFree.Rules = []shopapi.FreightConditionRule{}
	if t.ConditionFree != nil {
		v.ConditionFree.Rules = append(v.ConditionFree.Rules, t.ConditionFree.Rules...)
	}
	v.CalcMethods.Methods = []freightCalcView{}
	if t.CalcMethods != nil {
		for _, m := range t.CalcMethods.Methods {
			v.CalcMethods.Methods = append(v.CalcMethods.Methods, freightCalcView{AddressInfos: m.Regions(), IsDefault: m.IsDefault,
				DeliveryID: m.DeliveryID, FirstValAmount: m.FirstValAmount, FirstPrice: m.FirstPrice,
				SecondValAmount: m.SecondValAmount, SecondPrice: m.SecondPrice})
		}
	}
	v.NotSendArea.AddressInfos = append([]shopapi.FreightAddress{}, t.NotSendArea.Regions()...)
	return v
}

func (s *Server) hFreightGet(c *call) (any, error) {
	var b struct {
		TemplateID string `json:"template_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	t, err := s.freightTable().get(b.TemplateID)
	if err != nil {
		return nil, err
	}
	return struct {
		Template *freightView `json:"freight_template"`
	}{viewFreight(b.TemplateID, t)}, nil
}

func (s *Server) hFreightList(c *call) (any, error) {
	var b struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids, _, err := pageOffset(s.freightTable().ids(nil), b.Offset, b.Limit, 0, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	return struct {
		IDs []string `json:"template_id_list"`
	}{ids}, nil
}
