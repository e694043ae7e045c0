package shopapi

import (
	"context"
	"errors"
	"iter"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	epDeliveryCompaniesNew = ep("/channels/ec/order/deliverycompanylist/new/get")
	epDeliveryCompensation = ep("/channels/ec/order/delivery/compensation")
	epDeliveryInfoUpdate   = ep("/channels/ec/order/deliveryinfo/update")
	epVirtualNumber        = ep("/channels/ec/logistics/virtualnumber/get")
	epRealPhone            = ep("/channels/ec/logistics/phonenumber/get")
	epPhonePool            = ep("/channels/ec/logistics/phonenumberpool/get")
)

// ListCompanies returns the carriers (获取快递公司列表, the current list);
// with ewaybillOnly, only those connected to e-waybills.
//
// WeChat API: POST /channels/ec/order/deliverycompanylist/new/get
func (s *DeliveryService) ListCompanies(ctx context.Context, ewaybillOnly bool) ([]DeliveryCompany, *Response, error) {
	body := struct {
		EWaybillOnly bool `json:"ewaybill_only"`
	}{ewaybillOnly}
	var out struct {
		CompanyList []DeliveryCompany `json:"company_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epDeliveryCompaniesNew, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list delivery companies", err)
	}
	return out.CompanyList, resp, nil
}

// CompensationRequest re-sends goods of a shipped order (订单补发货): the
// packages and the reason type (补发原因类型, as the page's enum).
type CompensationRequest struct {
	OrderID  ID        `json:"order_id"`
	Reason   int       `json:"reason"`
	Packages []Package `json:"delivery_list"`
}

// Compensate sends replacement packages for a shipped order. Not retried
// after an ambiguous failure: [DeliveryService.Confirm] with the same
// order and packages tells whether they were recorded.
//
// WeChat API: POST /channels/ec/order/delivery/compensation
func (s *DeliveryService) Compensate(ctx context.Context, req *CompensationRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("compensate order", errNilRequest())
	}
	err := (&ShipRequest{OrderID: req.OrderID, Packages: req.Packages}).validate()
	if req.Reason <= 0 {
		var p []vcart.FieldError
		var ve *vcart.ValidationError
		if errors.As(err, &ve) {
			p = ve.Problems
		}
		p = append(p, vcart.FieldError{Field: "reason", Code: "required", Msg: "a reason type is required"})
		err = vcart.NewValidationError(p)
	}
	if err != nil {
		return nil, errorf("compensate order", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epDeliveryCompensation, body: req}, nil)
	if err != nil {
		return resp, errorf("compensate order "+string(req.OrderID), err)
	}
	return resp, nil
}

// PackageRef names a package's carrier, number and contents (a side of
// change_infos).
type PackageRef struct {
	DeliveryID string            `json:"delivery_id"`
	WaybillID  string            `json:"waybill_id"`
	Products   []DeliveryProduct `json:"product_infos,omitempty"`
}

// PackageChange replaces one package's logistics (old → new).
type PackageChange struct {
	Old PackageRef `json:"old"`
	New PackageRef `json:"new"`
}

// DeliveryInfoUpdateRequest corrects an order's logistics (修改物流信息):
// either the whole delivery list, or single packages (change_infos).
type DeliveryInfoUpdateRequest struct {
	OrderID     ID              `json:"order_id"`
	Packages    []Package       `json:"delivery_list,omitempty"`
	ChangeInfos []PackageChange `json:"change_infos,omitempty"`
}

// UpdateDeliveryInfo corrects the carrier or waybill number of a shipped
// order's packages. It sets a state, so it is retried like a read.
//
// WeChat API: POST /channels/ec/order/deliveryinfo/update
func (s *DeliveryService) UpdateDeliveryInfo(ctx context.Context, req *DeliveryInfoUpdateRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("update delivery info", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.OrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if len(req.Packages) == 0 && len(req.ChangeInfos) == 0 {
		p = append(p, vcart.FieldError{Field: "delivery_list", Code: "required", Msg: "give delivery_list or change_infos"})
	}
	for i, c := range req.ChangeInfos {
		if c.New.DeliveryID == "" || c.New.WaybillID == "" || c.Old.WaybillID == "" {
			p = append(p, vcart.FieldError{Field: "change_infos[" + itoa(i) + "]", Code: "required", Msg: "old.waybill_id, new.delivery_id and new.waybill_id are required"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update delivery info", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epDeliveryInfoUpdate, body: req}, nil)
	if err != nil {
		return resp, errorf("update delivery info "+string(req.OrderID), err)
	}
	return resp, nil
}

// WaybillVirtualNumber is the masked real number, the virtual number
// (with its extension after "-") and the main number of a waybill's
// receiver.
type WaybillVirtualNumber struct {
	MaskedRealPhone string `json:"masked_real_phone"`
	VirtualPhone    string `json:"virtual_phone"`
	MainPhone       string `json:"main_phone"`
}

// VirtualNumber returns the receiver's virtual number for a waybill
// (根据运单号获取虚拟手机号).
//
// WeChat API: POST /channels/ec/logistics/virtualnumber/get
func (s *DeliveryService) VirtualNumber(ctx context.Context, waybillID string) (*WaybillVirtualNumber, *Response, error) {
	if strings.TrimSpace(waybillID) == "" {
		return nil, nil, errorf("get virtual number", vcart.NewValidationError([]vcart.FieldError{{Field: "waybill_id", Code: "required", Msg: "must not be empty"}}))
	}
	body := struct {
		WaybillID string `json:"waybill_id"`
	}{waybillID}
	var out WaybillVirtualNumber
	resp, err := s.client.call(ctx, &request{ep: epVirtualNumber, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get virtual number", err)
	}
	return &out, resp, nil
}

// RealPhone returns the receiver's real number behind a virtual number for
// a waybill (根据运单号获取真实手机号). The answer is personal data: do not
// log it.
//
// WeChat API: POST /channels/ec/logistics/phonenumber/get
func (s *DeliveryService) RealPhone(ctx context.Context, waybillID, privatePhone string) (string, *Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(waybillID) == "" {
		p = append(p, vcart.FieldError{Field: "waybill_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(privatePhone) == "" {
		p = append(p, vcart.FieldError{Field: "private_phone", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("get real phone", err)
	}
	body := struct {
		WaybillID    string `json:"waybill_id"`
		PrivatePhone string `json:"private_phone"`
	}{waybillID, privatePhone}
	var out struct {
		Phone string `json:"phone"`
	}
	resp, err := s.client.call(ctx, &request{ep: epRealPhone, body: body}, &out)
	if err != nil {
		return "", resp, errorf("get real phone", err)
	}
	return out.Phone, resp, nil
}

// PhonePoolPage is one page of the shop's virtual number pool.
type PhonePoolPage struct {
	PhoneNumbers []string `json:"phonenumbers"`
	HasMore      bool     `json:"has_more"`
	NextKey      string   `json:"next_key"`
	TotalNum     int      `json:"total_num"`
}

// PhonePool returns a page of the virtual number pool (获取虚拟号码池);
// pageSize 0 means 10 (the page's default); nextKey "" starts.
//
// WeChat API: POST /channels/ec/logistics/phonenumberpool/get
func (s *DeliveryService) PhonePool(ctx context.Context, pageSize int, nextKey string) (*PhonePoolPage, *Response, error) {
	if pageSize == 0 {
		pageSize = 10
	}
	if pageSize < 1 || pageSize > 100 {
		return nil, nil, errorf("get phone pool", vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1..100"}}))
	}
	body := struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key,omitempty"`
	}{pageSize, nextKey}
	var out PhonePoolPage
	resp, err := s.client.call(ctx, &request{ep: epPhonePool, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get phone pool", err)
	}
	return &out, resp, nil
}

// PhonePoolIter iterates over the whole virtual number pool.
//
// WeChat API: POST /channels/ec/logistics/phonenumberpool/get
func (s *DeliveryService) PhonePoolIter(ctx context.Context) iter.Seq2[string, error] {
	return paginate(ctx, "", func(ctx context.Context, key string) ([]string, string, error) {
		pg, _, err := s.PhonePool(ctx, 100, key)
		if err != nil {
			return nil, "", err
		}
		if !pg.HasMore {
			return pg.PhoneNumbers, "", nil
		}
		return pg.PhoneNumbers, pg.NextKey, nil
	})
}
