package shopapi

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// E-waybills (电子面单): the flow is accounts and carriers opened →
// (optionally) a template → pre-create (预取号, an ewaybill_order_id) →
// create (取号, the carrier's waybill_id) → print data (打印报文) → print
// notification (打印成功通知) → ship the order with that waybill
// ([DeliveryService.Ship]: printing does not ship the order). The platform
// then pushes the waybill's track (ewaybill_push_path, see vcart/notify).
//
// Traps: ewaybill_order_id is a string holding a uint64 (anything else
// answers 10025020) and must be unique on the whole platform (10025019
// "already exists"); ec_order_id, product_id and sku_id in ec_order_list
// are JSON numbers (a string answers 47001): [NumericID] sends them so.

var (
	epEWaybillAccounts      = ep("/channels/ec/logistics/ewaybill/biz/account/get")
	epEWaybillCarriers      = ep("/channels/ec/logistics/ewaybill/biz/delivery/get")
	epEWaybillAddSub        = ep("/channels/ec/logistics/ewaybill/biz/order/addsuborder")
	epEWaybillBatchPrint    = ep("/channels/ec/logistics/ewaybill/biz/order/batchprint")
	epEWaybillCancel        = ep("/channels/ec/logistics/ewaybill/biz/order/cancel")
	epEWaybillCreate        = ep("/channels/ec/logistics/ewaybill/biz/order/create")
	epEWaybillGet           = ep("/channels/ec/logistics/ewaybill/biz/order/get")
	epEWaybillPrecreate     = ep("/channels/ec/logistics/ewaybill/biz/order/precreate")
	epEWaybillPrint         = ep("/channels/ec/logistics/ewaybill/biz/order/print")
	epEWaybillPrintInfo     = ep("/channels/ec/logistics/ewaybill/biz/print/get")
	epEWaybillTplConfig     = ep("/channels/ec/logistics/ewaybill/biz/template/config")
	epEWaybillTplCreate     = ep("/channels/ec/logistics/ewaybill/biz/template/create")
	epEWaybillTplDelete     = ep("/channels/ec/logistics/ewaybill/biz/template/delete")
	epEWaybillTplGet        = ep("/channels/ec/logistics/ewaybill/biz/template/get")
	epEWaybillTplGetByID    = ep("/channels/ec/logistics/ewaybill/biz/template/getbyid")
	epEWaybillTplUpdate     = ep("/channels/ec/logistics/ewaybill/biz/template/update")
	errEWaybillNoOrderID    = vcart.FieldError{Field: "ewaybill_order_id", Code: "required", Msg: "must not be empty"}
	errEWaybillNoDeliveryID = vcart.FieldError{Field: "delivery_id", Code: "required", Msg: "must not be empty"}
)

// NumericID is an id the e-waybill endpoints take as a JSON number
// (ec_order_id, product_id, sku_id: a string there answers 47001), though
// it exceeds 2^53: it is kept as decimal digits and written as a bare
// number. It decodes from a number or a string.
type NumericID string

// MarshalJSON writes the digits as a JSON number (0 when empty); anything
// but decimal digits is an error.
func (n NumericID) MarshalJSON() ([]byte, error) {
	if n == "" {
		return []byte("0"), nil
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return nil, errors.New("shopapi: NumericID: " + strconv.Quote(string(n)) + " is not decimal digits")
		}
	}
	return []byte(n), nil
}

// UnmarshalJSON accepts a JSON integer, a string holding one, or null.
func (n *NumericID) UnmarshalJSON(b []byte) error {
	s, err := flexString(b)
	if err != nil {
		return errors.New("shopapi: NumericID: " + err.Error())
	}
	*n = NumericID(s)
	return nil
}

// EWaybillContact is a sender, receiver or return address of a waybill.
type EWaybillContact struct {
	Name     string `json:"name"`
	Mobile   string `json:"mobile"`
	Province string `json:"province"`
	City     string `json:"city"`
	County   string `json:"county"`
	Street   string `json:"street"`
	Address  string `json:"address"`
}

// EWaybillGoods is one line of goods on a waybill.
type EWaybillGoods struct {
	GoodName  string    `json:"good_name"`
	GoodCount int64     `json:"good_count"`
	ProductID NumericID `json:"product_id,omitempty"`
	SKUID     NumericID `json:"sku_id,omitempty"`
}

// EWaybillECOrder is one shop order the parcel carries (ec_order_list[]).
// A dropship order (代发) gives its cipher and its shop's AppID instead of
// ec_order_id.
type EWaybillECOrder struct {
	ECOrderID          NumericID       `json:"ec_order_id,omitempty"`
	GoodsList          []EWaybillGoods `json:"goods_list"`
	EWaybillOrderCode  string          `json:"ewaybill_order_code,omitempty"`
	EWaybillOrderAppID string          `json:"ewaybill_order_appid,omitempty"`
}

// EWaybillParcel is what pre-create and create share: the carrier and
// account, the addresses and the orders.
type EWaybillParcel struct {
	DeliveryID     string            `json:"delivery_id"`
	SiteCode       string            `json:"site_code,omitempty"`
	EWaybillAcctID string            `json:"ewaybill_acct_id"`
	Sender         EWaybillContact   `json:"sender"`
	Receiver       EWaybillContact   `json:"receiver"`
	ECOrderList    []EWaybillECOrder `json:"ec_order_list"`
	Remark         string            `json:"remark,omitempty"`
	ShopID         string            `json:"shop_id"`
}

func (p *EWaybillParcel) problems() []vcart.FieldError {
	var out []vcart.FieldError
	if strings.TrimSpace(p.DeliveryID) == "" {
		out = append(out, errEWaybillNoDeliveryID)
	}
	if strings.TrimSpace(p.EWaybillAcctID) == "" {
		out = append(out, vcart.FieldError{Field: "ewaybill_acct_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(p.ShopID) == "" {
		out = append(out, vcart.FieldError{Field: "shop_id", Code: "required", Msg: "must not be empty (the account's shop_id)"})
	}
	for _, c := range []struct {
		f string
		v EWaybillContact
	}{{"sender", p.Sender}, {"receiver", p.Receiver}} {
		if c.v.Name == "" || c.v.Mobile == "" || c.v.Province == "" || c.v.City == "" || c.v.Address == "" {
			out = append(out, vcart.FieldError{Field: c.f, Code: "required", Msg: "name, mobile, province, city and address are required"})
		}
	}
	if len(p.ECOrderList) == 0 {
		out = append(out, vcart.FieldError{Field: "ec_order_list", Code: "required", Msg: "at least one order"})
	}
	for i, o := range p.ECOrderList {
		f := "ec_order_list[" + strconv.Itoa(i) + "]"
		if len(o.GoodsList) == 0 {
			out = append(out, vcart.FieldError{Field: f + ".goods_list", Code: "required", Msg: "at least one line"})
		}
		for j, g := range o.GoodsList {
			if g.GoodName == "" || g.GoodCount < 1 {
				out = append(out, vcart.FieldError{Field: f + ".goods_list[" + strconv.Itoa(j) + "]", Code: "required", Msg: "a name and a count of at least 1"})
			}
		}
	}
	return out
}

// Precreate takes an ewaybill_order_id for a parcel (预取号); pass it to
// [EWaybillService.Create]. Not idempotent (each call makes an id).
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/precreate
func (s *EWaybillService) Precreate(ctx context.Context, p *EWaybillParcel) (ID, *Response, error) {
	if p == nil {
		return "", nil, errorf("pre-create e-waybill", errNilRequest())
	}
	if err := vcart.NewValidationError(p.problems()); err != nil {
		return "", nil, errorf("pre-create e-waybill", err)
	}
	var out struct {
		ID ID `json:"ewaybill_order_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillPrecreate, body: p}, &out)
	if err != nil {
		return "", resp, errorf("pre-create e-waybill", err)
	}
	if out.ID == "" {
		return "", resp, errorf("pre-create e-waybill", errors.Join(ErrMalformedResponse, errors.New("no ewaybill_order_id")))
	}
	return out.ID, resp, nil
}

// EWaybillCreateRequest is a create (取号) request: the parcel, its
// ewaybill_order_id (from [EWaybillService.Precreate], or the merchant's
// own uint64, unique on the platform), and the print template.
type EWaybillCreateRequest struct {
	EWaybillOrderID ID `json:"ewaybill_order_id"`
	EWaybillParcel
	// TemplateID is a template id or a standard template type ("single").
	TemplateID    string           `json:"template_id,omitempty"`
	ReturnAddress *EWaybillContact `json:"return_address,omitempty"`
	// OrderType is the page's order_type (e.g. 323 for some carriers'
	// products); zero is not sent.
	OrderType int `json:"order_type,omitempty"`
}

// EWaybillNumber is one waybill number of a parcel (waybill_id_list[]):
// waybill_type 1 the main parcel, 2 a sub-parcel (子件).
type EWaybillNumber struct {
	WaybillID   string `json:"waybill_id"`
	WaybillType int    `json:"waybill_type"`
	CreateTime  int64  `json:"create_time"`
}

// EWaybillCreated is the answer of create and add-sub-parcel.
type EWaybillCreated struct {
	EWaybillOrderID ID     `json:"ewaybill_order_id,omitempty"`
	WaybillID       string `json:"waybill_id"`
	// DeliveryErrorMsg is the carrier's message (also on 10025005).
	DeliveryErrorMsg string           `json:"delivery_error_msg,omitempty"`
	WaybillIDList    []EWaybillNumber `json:"waybill_id_list,omitempty"`
	// PrintInfo is the print data (打印报文) when the platform sends it.
	PrintInfo string `json:"print_info,omitempty"`
}

// Create takes a waybill number from the carrier (电子面单取号). Errcodes:
// 10025005 the carrier refused (read DeliveryErrorMsg in the API error's
// message), 10025019 the ewaybill_order_id exists, 10025020 it is not a
// uint64. Create is never retried after an ambiguous failure (a second
// call answers 10025019 or takes a second number): call
// [EWaybillService.Confirm] with the id instead.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/create
func (s *EWaybillService) Create(ctx context.Context, req *EWaybillCreateRequest) (*EWaybillCreated, *Response, error) {
	if req == nil {
		return nil, nil, errorf("create e-waybill", errNilRequest())
	}
	p := req.problems()
	if strings.TrimSpace(string(req.EWaybillOrderID)) == "" {
		p = append(p, errEWaybillNoOrderID)
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("create e-waybill", err)
	}
	var out EWaybillCreated
	resp, err := s.client.call(ctx, &request{ep: epEWaybillCreate, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("create e-waybill "+string(req.EWaybillOrderID), err)
	}
	return &out, resp, nil
}

// EWaybillPath is one track point (path_info[]): a carrier status and its
// description at a time (Unix seconds).
type EWaybillPath struct {
	UpdateTime int64  `json:"update_time"`
	Status     int    `json:"status"`
	Desc       string `json:"desc"`
}

// EWaybillOrder is an e-waybill as [EWaybillService.Get] returns it.
type EWaybillOrder struct {
	EWaybillOrderID ID `json:"ewaybill_order_id"`
	EWaybillParcel
	WaybillID string `json:"waybill_id"`
	// Status is the e-waybill's status (电子面单状态), the platform's enum.
	Status    int            `json:"status"`
	PathInfo  []EWaybillPath `json:"path_info"`
	OrderType int            `json:"order_type,omitempty"`
}

type ewaybillIDBody struct {
	EWaybillOrderID ID `json:"ewaybill_order_id"`
}

// Get returns an e-waybill with its track (查询面单详情); 10025010 when it
// does not exist.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/get
func (s *EWaybillService) Get(ctx context.Context, id ID) (*EWaybillOrder, *Response, error) {
	if err := requireID("ewaybill_order_id", id); err != nil {
		return nil, nil, errorf("get e-waybill", err)
	}
	var out struct {
		Order *EWaybillOrder `json:"order_info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillGet, body: ewaybillIDBody{id}}, &out)
	if err != nil {
		return nil, resp, errorf("get e-waybill "+string(id), err)
	}
	if out.Order == nil {
		return nil, resp, errorf("get e-waybill "+string(id), errors.Join(ErrMalformedResponse, errors.New("no order_info")))
	}
	return out.Order, resp, nil
}

// Confirm re-reads the e-waybill (a safe, retried read) after an ambiguous
// [EWaybillService.Create]: created reports whether it holds a waybill
// number. An e-waybill that does not exist (10025010) is returned as the
// API error.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/get
func (s *EWaybillService) Confirm(ctx context.Context, id ID) (o *EWaybillOrder, created bool, err error) {
	o, _, err = s.Get(ctx, id)
	if err != nil {
		return nil, false, err
	}
	return o, o.WaybillID != "", nil
}

// EWaybillRef names a taken waybill: its ewaybill_order_id, carrier and
// number.
type EWaybillRef struct {
	EWaybillOrderID ID     `json:"ewaybill_order_id"`
	DeliveryID      string `json:"delivery_id"`
	WaybillID       string `json:"waybill_id"`
}

func (r *EWaybillRef) problems() []vcart.FieldError {
	var p []vcart.FieldError
	if strings.TrimSpace(string(r.EWaybillOrderID)) == "" {
		p = append(p, errEWaybillNoOrderID)
	}
	if strings.TrimSpace(r.DeliveryID) == "" {
		p = append(p, errEWaybillNoDeliveryID)
	}
	if strings.TrimSpace(r.WaybillID) == "" {
		p = append(p, vcart.FieldError{Field: "waybill_id", Code: "required", Msg: "must not be empty"})
	}
	return p
}

// Cancel cancels a taken waybill (电子面单取消下单) and returns the
// carrier's message. Not retried after an ambiguous failure: re-read it
// with [EWaybillService.Get].
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/cancel
func (s *EWaybillService) Cancel(ctx context.Context, ref EWaybillRef) (string, *Response, error) {
	if err := vcart.NewValidationError(ref.problems()); err != nil {
		return "", nil, errorf("cancel e-waybill", err)
	}
	var out struct {
		DeliveryErrorMsg string `json:"delivery_error_msg"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillCancel, body: ref}, &out)
	if err != nil {
		return "", resp, errorf("cancel e-waybill "+string(ref.EWaybillOrderID), err)
	}
	return out.DeliveryErrorMsg, resp, nil
}

// EWaybillAddSubRequest adds sub-parcels (子件) to a taken waybill.
type EWaybillAddSubRequest struct {
	EWaybillRef
	AddPackageQuantity int    `json:"add_package_quantity"`
	ShopID             string `json:"shop_id"`
	EWaybillAcctID     string `json:"ewaybill_acct_id"`
	TemplateID         string `json:"template_id,omitempty"`
}

// AddSubOrder adds sub-parcels to a waybill (电子面单子件追加, carriers
// with parent-child waybills such as JD and SF); the answer lists every
// number. Not idempotent.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/addsuborder
func (s *EWaybillService) AddSubOrder(ctx context.Context, req *EWaybillAddSubRequest) (*EWaybillCreated, *Response, error) {
	if req == nil {
		return nil, nil, errorf("add e-waybill sub-parcel", errNilRequest())
	}
	p := req.problems()
	if req.AddPackageQuantity < 1 {
		p = append(p, vcart.FieldError{Field: "add_package_quantity", Code: "range", Msg: "must be at least 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("add e-waybill sub-parcel", err)
	}
	var out EWaybillCreated
	resp, err := s.client.call(ctx, &request{ep: epEWaybillAddSub, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("add e-waybill sub-parcel "+string(req.EWaybillOrderID), err)
	}
	return &out, resp, nil
}

// PrintInfo returns the print data (获取打印报文) of an e-waybill for a
// template (an id or a standard type); subWaybillID picks a sub-parcel.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/print/get
func (s *EWaybillService) PrintInfo(ctx context.Context, id ID, templateID, subWaybillID string) (string, *Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(id)) == "" {
		p = append(p, errEWaybillNoOrderID)
	}
	if strings.TrimSpace(templateID) == "" {
		p = append(p, vcart.FieldError{Field: "template_id", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("get e-waybill print data", err)
	}
	body := struct {
		EWaybillOrderID ID     `json:"ewaybill_order_id"`
		TemplateID      string `json:"template_id"`
		SubWaybillID    string `json:"sub_waybill_id,omitempty"`
	}{id, templateID, subWaybillID}
	var out struct {
		PrintInfo string `json:"print_info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epEWaybillPrintInfo, body: body}, &out)
	if err != nil {
		return "", resp, errorf("get e-waybill print data "+string(id), err)
	}
	return out.PrintInfo, resp, nil
}

// EWaybillPrinted reports a printed waybill: RePrint is 1 for a reprint
// (补打), 0 for the first print.
type EWaybillPrinted struct {
	EWaybillRef
	RePrint int `json:"re_print"`
}

// NotifyPrinted tells the platform a waybill was printed (打印成功通知;
// 10025010 when it does not exist). It does not ship the order: call
// [DeliveryService.Ship] with the waybill.
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/print
func (s *EWaybillService) NotifyPrinted(ctx context.Context, n EWaybillPrinted) (*Response, error) {
	p := n.problems()
	if n.RePrint != 0 && n.RePrint != 1 {
		p = append(p, vcart.FieldError{Field: "re_print", Code: "enum", Msg: "must be 0 or 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("notify e-waybill printed", err)
	}
	var out struct{} // the answer is errcode and errmsg only
	resp, err := s.client.call(ctx, &request{ep: epEWaybillPrint, body: n}, &out)
	if err != nil {
		return resp, errorf("notify e-waybill printed "+string(n.EWaybillOrderID), err)
	}
	return resp, nil
}

// EWaybillBatchResult lists the e-waybills a batch print notification
// recorded and those it did not.
type EWaybillBatchResult struct {
	Succeeded []ID `json:"succ_ewaybill_order_id"`
	Failed    []ID `json:"fail_ewaybill_order_id"`
}

// NotifyPrintedBatch reports several printed waybills at once (批量打印通知).
//
// WeChat API: POST /channels/ec/logistics/ewaybill/biz/order/batchprint
func (s *EWaybillService) NotifyPrintedBatch(ctx context.Context, list []EWaybillPrinted) (*EWaybillBatchResult, *Response, error) {
	var p []vcart.FieldError
	if len(list) == 0 {
		p = append(p, vcart.FieldError{Field: "req_list", Code: "required", Msg: "at least one waybill"})
	}
	for i, n := range list {
		for _, e := range n.problems() {
			e.Field = "req_list[" + strconv.Itoa(i) + "]." + e.Field
			p = append(p, e)
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("notify e-waybills printed", err)
	}
	body := struct {
		List []EWaybillPrinted `json:"req_list"`
	}{list}
	var out EWaybillBatchResult
	resp, err := s.client.call(ctx, &request{ep: epEWaybillBatchPrint, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("notify e-waybills printed", err)
	}
	return &out, resp, nil
}
