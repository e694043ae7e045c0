package shopapi

import (
	"context"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// DeliveryService ships orders (发货): the logistics company list, sending
// packages (all at once or part by part) and, after an ambiguous failure,
// finding out whether a package was recorded.
type DeliveryService service

var (
	epDeliveryCompanies = ep("/channels/ec/order/deliverycompanylist/get")
	epDeliverySend      = ep("/channels/ec/order/delivery/send")
)

// DeliverType is how a package travels (deliver_type).
type DeliverType int

// Deliver types.
const (
	// DeliverSelf is 1 自寄快递: the merchant books the courier.
	DeliverSelf DeliverType = 1
	// DeliverOnlineContract is 2 在线签约快递单 (reported in order detail).
	DeliverOnlineContract DeliverType = 2
	// DeliverVirtual is 3 虚拟商品无需物流 (orders with deliver_method 1).
	DeliverVirtual DeliverType = 3
	// DeliverOnlineSingle is 4 在线快递散单 (reported in order detail).
	DeliverOnlineSingle DeliverType = 4
)

// String returns the type's name.
func (t DeliverType) String() string {
	switch t {
	case DeliverSelf:
		return "self"
	case DeliverOnlineContract:
		return "online_contract"
	case DeliverVirtual:
		return "virtual"
	case DeliverOnlineSingle:
		return "online_single"
	}
	return "DeliverType(" + strconv.Itoa(int(t)) + ")"
}

// DeliveryOther is the delivery_id for a carrier the platform does not list.
const DeliveryOther = "OTHER"

// DeliveryCompany is a carrier (快递公司).
type DeliveryCompany struct {
	DeliveryID   string `json:"delivery_id"`
	DeliveryName string `json:"delivery_name"`
}

// Companies returns the carriers the platform accepts.
//
// WeChat API: POST /channels/ec/order/deliverycompanylist/get
func (s *DeliveryService) Companies(ctx context.Context) ([]DeliveryCompany, *Response, error) {
	var out struct {
		CompanyList []DeliveryCompany `json:"company_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epDeliveryCompanies, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("list delivery companies", err)
	}
	return out.CompanyList, resp, nil
}

// Package is one parcel of a shipment.
type Package struct {
	DeliveryID  string            `json:"delivery_id"`
	WaybillID   string            `json:"waybill_id"`
	DeliverType DeliverType       `json:"deliver_type"`
	Products    []DeliveryProduct `json:"product_infos"`
	// CourseInfo is course_info, for course products only (课程类商品).
	CourseInfo *CourseInfo `json:"course_info,omitempty"`
}

// CourseInfo is a course's validity (Unix seconds) and where to study it.
type CourseInfo struct {
	StartTime  int64       `json:"start_time"`
	EndTime    int64       `json:"end_time"`
	CoursePath *CoursePath `json:"course_path,omitempty"`
}

// CoursePath is where a course is studied: Type 0 is a mini-program page
// (WxaAppID, WxaPath), as the delivery/send example shows.
type CoursePath struct {
	Type     int    `json:"type"`
	WxaAppID string `json:"wxa_appid,omitempty"`
	WxaPath  string `json:"wxa_path,omitempty"`
}

// ShipRequest ships packages of an order. Ship every remaining item to
// complete the shipment (status 30), part of them for a partial one (21).
type ShipRequest struct {
	OrderID  ID        `json:"order_id"`
	Packages []Package `json:"delivery_list"`
}

func (r *ShipRequest) validate() error {
	var p []vcart.FieldError
	if strings.TrimSpace(string(r.OrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if len(r.Packages) == 0 {
		p = append(p, vcart.FieldError{Field: "delivery_list", Code: "required", Msg: "at least one package"})
	}
	seen := map[ID]bool{}
	for i, pk := range r.Packages {
		f := "delivery_list[" + itoa(i) + "]"
		if pk.DeliverType != DeliverVirtual {
			if strings.TrimSpace(pk.DeliveryID) == "" {
				p = append(p, vcart.FieldError{Field: f + ".delivery_id", Code: "required", Msg: "must not be empty"})
			}
			if strings.TrimSpace(pk.WaybillID) == "" {
				p = append(p, vcart.FieldError{Field: f + ".waybill_id", Code: "required", Msg: "must not be empty"})
			}
		}
		if pk.DeliverType != DeliverSelf && pk.DeliverType != DeliverVirtual {
			p = append(p, vcart.FieldError{Field: f + ".deliver_type", Code: "enum", Msg: "must be 1 (self) or 3 (virtual)"})
		}
		if len(pk.Products) == 0 {
			p = append(p, vcart.FieldError{Field: f + ".product_infos", Code: "required", Msg: "at least one product"})
		}
		for j, pr := range pk.Products {
			g := f + ".product_infos[" + itoa(j) + "]"
			if pr.ProductID == "" || pr.SKUID == "" {
				p = append(p, vcart.FieldError{Field: g, Code: "required", Msg: "product_id and sku_id are required"})
			}
			if pr.ProductCnt <= 0 {
				p = append(p, vcart.FieldError{Field: g + ".product_cnt", Code: "range", Msg: "must be positive"})
			}
			if seen[pr.SKUID] {
				p = append(p, vcart.FieldError{Field: g + ".sku_id", Code: "duplicate", Msg: "the same SKU must ship in one package (606030)"})
			}
			seen[pr.SKUID] = true
		}
	}
	return vcart.NewValidationError(p)
}

// Ship sends packages. Shipping is never retried once the request may have
// reached the platform: an ambiguous failure (a timeout or a dropped
// connection after sending) returns an error wrapping [ErrAmbiguous]. Do
// not call Ship again then; call [DeliveryService.Confirm] with the same
// request, which re-reads the order's delivery info and reports whether the
// packages were recorded. Errcodes: 101100 state forbids shipping, 109001
// already fully shipped, 108009 open after-sale, 606030 same SKU split.
//
// WeChat API: POST /channels/ec/order/delivery/send
func (s *DeliveryService) Ship(ctx context.Context, req *ShipRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("ship order", errNilRequest())
	}
	if err := req.validate(); err != nil {
		return nil, errorf("ship order", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epDeliverySend, body: req}, nil)
	if err != nil {
		return resp, errorf("ship order "+string(req.OrderID), err)
	}
	return resp, nil
}

// ShipmentState is what [DeliveryService.Confirm] found.
type ShipmentState int

// Shipment states.
const (
	// ShipmentNotRecorded means none of the request's waybills is on the
	// order: the ambiguous call was not applied (or not yet).
	ShipmentNotRecorded ShipmentState = iota
	// ShipmentRecorded means every waybill of the request is on the order.
	ShipmentRecorded
	// ShipmentPartlyRecorded means some waybills are on the order and some
	// are not (another writer shipped part of it): inspect the order.
	ShipmentPartlyRecorded
)

// String returns the state's name.
func (s ShipmentState) String() string {
	switch s {
	case ShipmentNotRecorded:
		return "not_recorded"
	case ShipmentRecorded:
		return "recorded"
	case ShipmentPartlyRecorded:
		return "partly_recorded"
	}
	return "ShipmentState(" + strconv.Itoa(int(s)) + ")"
}

// Confirm re-reads the order (a safe, retried read) and reports whether the
// packages of req were recorded: the way to resolve an ambiguous [Ship].
// A package counts as recorded when a package with the same delivery_id and
// waybill_id (virtual packages: the same SKUs) is on the order. The order
// is returned too. When the result is [ShipmentNotRecorded] a request may
// still be in flight; wait past the client's HTTP timeout before shipping
// again.
//
// WeChat API: POST /channels/ec/order/get
func (s *DeliveryService) Confirm(ctx context.Context, req *ShipRequest) (ShipmentState, *Order, error) {
	if req == nil {
		return ShipmentNotRecorded, nil, errorf("confirm shipment", errNilRequest())
	}
	o, _, err := (*OrderService)(s).Get(ctx, req.OrderID)
	if err != nil {
		return ShipmentNotRecorded, nil, err
	}
	found := 0
	for _, pk := range req.Packages {
		if o.HasPackage(pk) {
			found++
		}
	}
	switch {
	case found == 0:
		return ShipmentNotRecorded, o, nil
	case found == len(req.Packages):
		return ShipmentRecorded, o, nil
	}
	return ShipmentPartlyRecorded, o, nil
}

// HasPackage reports whether the order's delivery info holds pk (same
// delivery_id and waybill_id; for virtual packages, the same SKUs).
func (o *Order) HasPackage(pk Package) bool {
	if o.Detail.DeliveryInfo == nil {
		return false
	}
	for _, d := range o.Detail.DeliveryInfo.DeliveryProductInfo {
		if pk.DeliverType == DeliverVirtual {
			if d.DeliverType == DeliverVirtual && sameSKUs(d.ProductInfos, pk.Products) {
				return true
			}
			continue
		}
		if d.DeliveryID == pk.DeliveryID && d.WaybillID == pk.WaybillID {
			return true
		}
	}
	return false
}

func sameSKUs(a, b []DeliveryProduct) bool {
	if len(a) != len(b) {
		return false
	}
	m := make(map[ID]Int64, len(a))
	for _, p := range a {
		m[p.SKUID] += p.ProductCnt
	}
	for _, p := range b {
		m[p.SKUID] -= p.ProductCnt
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

// Unshipped returns the quantity of each line neither in a package nor
// refunded (finish_aftersale_sku_cnt): the input for shipping the rest of a
// partly shipped order.
func (o *Order) Unshipped() []DeliveryProduct {
	shipped := map[ID]Int64{}
	if o.Detail.DeliveryInfo != nil {
		for _, d := range o.Detail.DeliveryInfo.DeliveryProductInfo {
			for _, p := range d.ProductInfos {
				shipped[p.SKUID] += p.ProductCnt
			}
		}
	}
	var out []DeliveryProduct
	for _, l := range o.Detail.ProductInfos {
		left := l.SKUCnt - l.FinishAftersaleSKUCnt - shipped[l.SKUID]
		if left > 0 {
			out = append(out, DeliveryProduct{ProductID: l.ProductID, SKUID: l.SKUID, ProductCnt: left})
		}
		if left < 0 {
			shipped[l.SKUID] = -left
		} else {
			delete(shipped, l.SKUID)
		}
	}
	return out
}
