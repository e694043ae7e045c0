package shopapi

import (
	"context"
	"errors"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// EWaybillAccountQuery filters [EWaybillService.Accounts]; every field is
// optional.
type EWaybillAccountQuery struct {
	DeliveryID  string `json:"delivery_id,omitempty"`
	AcctID      string `json:"acct_id,omitempty"`
	Status      int    `json:"status,omitempty"`
	NeedBalance bool   `json:"need_balance,omitempty"`
	Offset      int    `json:"offset,omitempty"`
	Limit       int    `json:"limit,omitempty"`
}

// EWaybillSiteAddress is a carrier site's address, with division codes.
type EWaybillSiteAddress struct {
	ProvinceCode  string `json:"province_code"`
	ProvinceName  string `json:"province_name"`
	CityCode      string `json:"city_code"`
	CityName      string `json:"city_name"`
	DistrictCode  string `json:"district_code"`
	DistrictName  string `json:"district_name"`
	StreetCode    string `json:"street_code"`
	StreetName    string `json:"street_name"`
	DetailAddress string `json:"detail_address"`
}

// EWaybillSite is the carrier site (网点) of an account.
type EWaybillSite struct {
	DeliveryID   string              `json:"delivery_id"`
	SiteStatus   int                 `json:"site_status"`
	SiteCode     string              `json:"site_code"`
	SiteName     string              `json:"site_name"`
	SiteFullname string              `json:"site_fullname"`
	Address      EWaybillSiteAddress `json:"address"`
	Contact      struct {
		Mobile string `json:"mobile"`
		Name   string `json:"name"`
		Phone  string `json:"phone"`
	} `json:"contact"`
}

// EWaybillAccount is an e-waybill account opened with a carrier (电子面单
// 网点/账号). The counters are waybill numbers: available (balance),
// allocated, recycled and cancelled.
type EWaybillAccount struct {
	DeliveryID  string        `json:"delivery_id"`
	ShopID      string        `json:"shop_id"`
	AcctID      string        `json:"acct_id"`
	AcctType    int           `json:"acct_type,omitempty"`
	Status      int           `json:"status"`
	Available   int64         `json:"available"`
	Allocated   int64         `json:"allocated"`
	Recycled    int64         `json:"recycled"`
	Cancel      int64         `json:"cancel"`
	MonthlyCard string        `json:"monthly_card,omitempty"`
	SiteInfo    *EWaybillSite `json:"site_info,omitempty"`
}

// Accounts lists the e-waybill accounts opened (查询开通的电子面单网点/账号)
// and their total.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/account/get
func (s *EWaybillService) Accounts(ctx context.Context, q EWaybillAccountQuery) ([]EWaybillAccount, int, *Response, error) {
	if q.Offset < 0 || q.Limit < 0 {
		return nil, 0, nil, errorf("list e-waybill accounts", vcart.NewValidationError([]vcart.FieldError{{Field: "offset", Code: "range", Msg: "offset and limit must not be negative"}}))
	}
	var out struct {
		Total    int               `json:"total_num"`
		Accounts []EWaybillAccount `json:"account_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillAccounts, body: q}, &out)
	if err != nil {
		return nil, 0, resp, errorf("list e-waybill accounts", err)
	}
	return out.Accounts, out.Total, resp, nil
}

// Carriers lists the carriers whose e-waybill service the shop opened
// (查询开通的快递公司列表) with an account status filter (0: all), and the
// shop_id that create requests carry.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/delivery/get
func (s *EWaybillService) Carriers(ctx context.Context, status int) ([]DeliveryCompany, string, *Response, error) {
	body := struct {
		Status int `json:"status"`
	}{status}
	var out struct {
		ShopID string            `json:"shop_id"`
		List   []DeliveryCompany `json:"list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillCarriers, body: body}, &out)
	if err != nil {
		return nil, "", resp, errorf("list e-waybill carriers", err)
	}
	return out.List, out.ShopID, resp, nil
}

// EWaybillStdTemplate is a carrier's standard template (面单标准模板):
// its size in millimetres and the custom area in pixels.
type EWaybillStdTemplate struct {
	Type         string `json:"type"`
	Desc         string `json:"desc"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	URL          string `json:"url"`
	CustomConfig struct {
		Width  int `json:"width"`
		Height int `json:"height"`
		Top    int `json:"top"`
		Left   int `json:"left"`
	} `json:"custom_config"`
}

// TemplateConfig returns the standard templates by carrier then by
// template type ("single": 一联单).
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/template/config
func (s *EWaybillService) TemplateConfig(ctx context.Context) (map[string]map[string]EWaybillStdTemplate, *Response, error) {
	var out struct {
		Config map[string]map[string]EWaybillStdTemplate `json:"config"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillTplConfig, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get e-waybill standard templates", err)
	}
	return out.Config, resp, nil
}

// EWaybillTemplateOption is one printed item of a template: option_id, its
// font size, bold, and whether it is printed.
type EWaybillTemplateOption struct {
	OptionID int  `json:"option_id"`
	FontSize int  `json:"font_size"`
	IsBold   bool `json:"is_bold"`
	IsOpen   bool `json:"is_open"`
}

// EWaybillTemplate is a merchant template (面单模板). The times are Unix
// seconds, sent as strings by template/get and as numbers by getbyid.
type EWaybillTemplate struct {
	TemplateID   string                   `json:"template_id,omitempty"`
	TemplateName string                   `json:"template_name"`
	TemplateDesc string                   `json:"template_desc"`
	TemplateType string                   `json:"template_type"`
	Options      []EWaybillTemplateOption `json:"options"`
	IsDefault    bool                     `json:"is_default"`
	CreateTime   Int64                    `json:"create_time,omitempty"`
	UpdateTime   Int64                    `json:"update_time,omitempty"`
}

type ewaybillTemplateBody struct {
	DeliveryID string            `json:"delivery_id"`
	Info       *EWaybillTemplate `json:"info"`
}

func checkTemplate(deliveryID string, t *EWaybillTemplate, update bool) error {
	if t == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	if strings.TrimSpace(deliveryID) == "" {
		p = append(p, errEWaybillNoDeliveryID)
	}
	if update && strings.TrimSpace(t.TemplateID) == "" {
		p = append(p, vcart.FieldError{Field: "info.template_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(t.TemplateName) == "" {
		p = append(p, vcart.FieldError{Field: "info.template_name", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(t.TemplateType) == "" {
		p = append(p, vcart.FieldError{Field: "info.template_type", Code: "required", Msg: "must not be empty (e.g. single)"})
	}
	return vcart.NewValidationError(p)
}

// CreateTemplate adds a template for a carrier (新增面单模板) and returns its
// id. Not idempotent: [EWaybillService.Templates] lists what exists.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/template/create
func (s *EWaybillService) CreateTemplate(ctx context.Context, deliveryID string, t *EWaybillTemplate) (string, *Response, error) {
	if err := checkTemplate(deliveryID, t, false); err != nil {
		return "", nil, errorf("create e-waybill template", err)
	}
	info := *t
	info.TemplateID, info.CreateTime, info.UpdateTime = "", 0, 0
	var out struct {
		TemplateID string `json:"template_id"`
		DeliveryID string `json:"delivery_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillTplCreate, body: ewaybillTemplateBody{deliveryID, &info}}, &out)
	if err != nil {
		return "", resp, errorf("create e-waybill template", err)
	}
	if out.TemplateID == "" {
		return "", resp, errorf("create e-waybill template", errors.Join(ErrMalformedResponse, errors.New("no template_id")))
	}
	return out.TemplateID, resp, nil
}

// UpdateTemplate replaces the template t.TemplateID (更新面单模版).
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/template/update
func (s *EWaybillService) UpdateTemplate(ctx context.Context, deliveryID string, t *EWaybillTemplate) (*Response, error) {
	if err := checkTemplate(deliveryID, t, true); err != nil {
		return nil, errorf("update e-waybill template", err)
	}
	info := *t
	info.CreateTime, info.UpdateTime = 0, 0
	resp, err := s.client.call(ctx, &request{ep: epEWaybillTplUpdate, body: ewaybillTemplateBody{deliveryID, &info}}, nil)
	if err != nil {
		return resp, errorf("update e-waybill template "+t.TemplateID, err)
	}
	return resp, nil
}

type ewaybillTemplateRef struct {
	DeliveryID string `json:"delivery_id"`
	TemplateID string `json:"template_id"`
}

func (r ewaybillTemplateRef) check() error {
	var p []vcart.FieldError
	if strings.TrimSpace(r.DeliveryID) == "" {
		p = append(p, errEWaybillNoDeliveryID)
	}
	if strings.TrimSpace(r.TemplateID) == "" {
		p = append(p, vcart.FieldError{Field: "template_id", Code: "required", Msg: "must not be empty"})
	}
	return vcart.NewValidationError(p)
}

// DeleteTemplate deletes a template (删除面单模版). Not retried after an
// ambiguous failure: [EWaybillService.Template] tells whether it is gone.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/template/delete
func (s *EWaybillService) DeleteTemplate(ctx context.Context, deliveryID, templateID string) (*Response, error) {
	ref := ewaybillTemplateRef{deliveryID, templateID}
	if err := ref.check(); err != nil {
		return nil, errorf("delete e-waybill template", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillTplDelete, body: ref}, nil)
	if err != nil {
		return resp, errorf("delete e-waybill template "+templateID, err)
	}
	return resp, nil
}

// Template returns one template (根据模板ID获取面单模板信息).
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/template/getbyid
func (s *EWaybillService) Template(ctx context.Context, deliveryID, templateID string) (*EWaybillTemplate, *Response, error) {
	ref := ewaybillTemplateRef{deliveryID, templateID}
	if err := ref.check(); err != nil {
		return nil, nil, errorf("get e-waybill template", err)
	}
	var out struct {
		Info *EWaybillTemplate `json:"template_info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillTplGetByID, body: ref}, &out)
	if err != nil {
		return nil, resp, errorf("get e-waybill template "+templateID, err)
	}
	if out.Info == nil {
		return nil, resp, errorf("get e-waybill template "+templateID, errors.Join(ErrMalformedResponse, errors.New("no template_info")))
	}
	return out.Info, resp, nil
}

// EWaybillCarrierTemplates are a carrier's templates and its default.
type EWaybillCarrierTemplates struct {
	DeliveryID        string             `json:"delivery_id"`
	DefaultTemplateID string             `json:"default_template_id"`
	Templates         []EWaybillTemplate `json:"template_list"`
}

// Templates lists the templates of a carrier, or of every carrier when
// deliveryID is empty (获取面单模板信息).
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/template/get
func (s *EWaybillService) Templates(ctx context.Context, deliveryID string) ([]EWaybillCarrierTemplates, *Response, error) {
	body := struct {
		DeliveryID string `json:"delivery_id,omitempty"`
	}{deliveryID}
	var out struct {
		Total []EWaybillCarrierTemplates `json:"total_template"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillTplGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list e-waybill templates", err)
	}
	return out.Total, resp, nil
}
