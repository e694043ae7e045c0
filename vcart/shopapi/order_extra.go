package shopapi

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Order extras (订单其他): the buyer's sensitive address, virtual and real
// phone numbers, gift (present) orders, pre-shipment SKU changes and the
// fresh-food inspection upload. The buyer's address and phone numbers are
// personal data: the SDK never logs them.

var (
	epOrderSensitiveDecode   = ep("/channels/ec/order/sensitiveinfo/decode")
	epOrderVirtualApplyAgain = ep("/channels/ec/order/virtualnumber/applyagain")
	epOrderVirtualDelay      = ep("/channels/ec/order/virtualnumber/delay")
	epOrderVirtualTelGet     = ep("/channels/ec/order/virtualtelnumber/get")
	epOrderRealNumberApply   = ep("/channels/ec/order/realnumber/apply")
	epOrderRealNumberAudit   = ep("/channels/ec/order/realnumberviewaudit/get")
	epOrderPresentNoteAdd    = ep("/channels/ec/order/presentnote/add")
	epOrderPresentSubOrders  = ep("/channels/ec/order/presentsuborder/get")
	epOrderSKUChangeList     = ep("/channels/ec/order/preshipmentchangesku/get")
	epOrderSKUChangeApprove  = ep("/channels/ec/order/preshipmentchangesku/approve")
	epOrderSKUChangeReject   = ep("/channels/ec/order/preshipmentchangesku/reject")
	epOrderFreshInspect      = ep("/channels/ec/order/freshinspect/submit")
)

type orderIDBody struct {
	OrderID ID `json:"order_id"`
}

// orderCall sends {"order_id": id} to ep and decodes the answer into out.
func (s *OrderService) orderCall(ctx context.Context, ep endpoint, op string, id ID, out any) (*Response, error) {
	if err := requireID("order_id", id); err != nil {
		return nil, errorf(op, err)
	}
	if out == nil {
		out = &struct{}{}
	}
	resp, err := s.client.call(ctx, &request{ep: ep, body: orderIDBody{id}}, out)
	if err != nil {
		return resp, errorf(op+" "+string(id), err)
	}
	return resp, nil
}

// DecodeSensitiveInfo returns the order's full delivery address with the
// buyer's real phone number (解密订单中的详细收货信息). It is personal data:
// do not log it.
//
// WeChat API: POST /channels/ec/order/sensitiveinfo/decode
func (s *OrderService) DecodeSensitiveInfo(ctx context.Context, orderID ID) (*AddressInfo, *Response, error) {
	var out struct {
		AddressInfo *AddressInfo `json:"address_info"`
	}
	resp, err := s.orderCall(ctx, epOrderSensitiveDecode, "decode order sensitive info", orderID, &out)
	if err != nil {
		return nil, resp, err
	}
	if out.AddressInfo == nil {
		return nil, resp, errorf("decode order sensitive info "+string(orderID), errors.Join(ErrMalformedResponse, errors.New("no address_info object")))
	}
	return out.AddressInfo, resp, nil
}

// VirtualNumber is a virtual number applied for again: the number, its
// extension (分机号) and the applications left.
type VirtualNumber struct {
	VirtualNumber string `json:"virtual_number"`
	Extension     string `json:"extension"`
	ApplyQuota    int    `json:"apply_quota"`
}

// ApplyVirtualNumberAgain applies for a new virtual number once the
// order's has expired (订单再次申请虚拟号; once per order).
//
// WeChat API: POST /channels/ec/order/virtualnumber/applyagain
func (s *OrderService) ApplyVirtualNumberAgain(ctx context.Context, orderID ID) (*VirtualNumber, *Response, error) {
	var out VirtualNumber
	resp, err := s.orderCall(ctx, epOrderVirtualApplyAgain, "apply virtual number again", orderID, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}

// VirtualNumberDelay is the new expiry of an extended virtual number (Unix
// seconds) and the extensions left.
type VirtualNumberDelay struct {
	Expiration         int64 `json:"expiration"`
	AvailableExtendNum int   `json:"available_extend_num"`
}

// DelayVirtualNumber extends the order's virtual number in its last 7 days
// (订单虚拟号延期). hasDelayTimes is the number of extensions so far (from
// the order's details). It is not retried after an ambiguous failure:
// re-read the order's details to see whether the extension went through.
//
// WeChat API: POST /channels/ec/order/virtualnumber/delay
func (s *OrderService) DelayVirtualNumber(ctx context.Context, orderID ID, hasDelayTimes int) (*VirtualNumberDelay, *Response, error) {
	p := []vcart.FieldError{}
	if strings.TrimSpace(string(orderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if hasDelayTimes < 0 {
		p = append(p, vcart.FieldError{Field: "has_delay_times", Code: "range", Msg: "must not be negative"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("delay virtual number", err)
	}
	var out VirtualNumberDelay
	resp, err := s.client.call(ctx, &request{ep: epOrderVirtualDelay, body: struct {
		OrderID       ID  `json:"order_id"`
		HasDelayTimes int `json:"has_delay_times"`
	}{orderID, hasDelayTimes}}, &out)
	if err != nil {
		return nil, resp, errorf("delay virtual number "+string(orderID), err)
	}
	return &out, resp, nil
}

// OrderVirtualTelNumber is the virtual number exchanged for a finished order:
// valid 3 days, at most 3 exchanges per order.
type OrderVirtualTelNumber struct {
	VirtualTelNumber     string `json:"virtual_tel_number"`
	VirtualTelExpireTime int64  `json:"virtual_tel_expire_time"`
	// GetVirtualTelCnt is the number of exchanges so far.
	GetVirtualTelCnt int `json:"get_virtual_tel_cnt"`
}

// GetVirtualTelNumber exchanges a new virtual number once the order's
// original one lapsed (兑换虚拟号). 6060453: the order has no virtual
// number; 6060454: it has not expired; 6060455: no exchanges left.
//
// WeChat API: POST /channels/ec/order/virtualtelnumber/get
func (s *OrderService) GetVirtualTelNumber(ctx context.Context, orderID ID) (*OrderVirtualTelNumber, *Response, error) {
	var out OrderVirtualTelNumber
	resp, err := s.orderCall(ctx, epOrderVirtualTelGet, "get virtual tel number", orderID, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}

// RealNumberApplyType is apply_type of a real-number request (申请原因).
type RealNumberApplyType int

// Real-number request reasons.
const (
	RealNumberCannotShip       RealNumberApplyType = 1 // 无法发货
	RealNumberCannotAftersale  RealNumberApplyType = 2 // 无法售后
	RealNumberCannotComplaint  RealNumberApplyType = 3 // 无法处理客诉
	RealNumberCannotParcel     RealNumberApplyType = 4 // 无法处理物流包裹
	RealNumberOtherApplyReason RealNumberApplyType = 5 // 其他
)

// RealNumberRequest asks to see the buyer's real number (申请查看订单真实
// 号码) when the virtual one does not do.
type RealNumberRequest struct {
	OrderID     ID                  `json:"order_id"`
	ApplyType   RealNumberApplyType `json:"apply_type"`
	ApplyReason string              `json:"apply_reason"`
	// PicMediaIDs are images proving the reason.
	PicMediaIDs []string `json:"pic_media_ids"`
}

// RealNumberTask is the application's id. The page's answer table lists
// only errcode and errmsg; its SKIT copy carries task_id.
type RealNumberTask struct {
	TaskID ID `json:"task_id,omitempty"`
}

// ApplyRealNumber asks to see the buyer's real number; once approved it
// shows as tel_number in the order's details. Not retried blindly: check
// [OrderService.RealNumberAudit] first.
//
// WeChat API: POST /channels/ec/order/realnumber/apply
func (s *OrderService) ApplyRealNumber(ctx context.Context, req *RealNumberRequest) (*RealNumberTask, *Response, error) {
	if req == nil {
		return nil, nil, errorf("apply real number", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.OrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if req.ApplyType < RealNumberCannotShip || req.ApplyType > RealNumberOtherApplyReason {
		p = append(p, vcart.FieldError{Field: "apply_type", Code: "enum", Msg: "must be 1 to 5"})
	}
	if strings.TrimSpace(req.ApplyReason) == "" {
		p = append(p, vcart.FieldError{Field: "apply_reason", Code: "required", Msg: "must not be empty"})
	}
	if len(req.PicMediaIDs) == 0 {
		p = append(p, vcart.FieldError{Field: "pic_media_ids", Code: "required", Msg: "at least one image"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("apply real number", err)
	}
	var out RealNumberTask
	resp, err := s.client.call(ctx, &request{ep: epOrderRealNumberApply, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("apply real number "+string(req.OrderID), err)
	}
	return &out, resp, nil
}

// RealNumberAuditState is audit_state of a real-number request.
type RealNumberAuditState int

// Real-number request states.
const (
	RealNumberAuditing RealNumberAuditState = 1 // 审核中
	RealNumberRejected RealNumberAuditState = 2 // 审核拒绝
	RealNumberApproved RealNumberAuditState = 3 // 审核通过
)

// RealNumberAudit is the state of a real-number request.
type RealNumberAudit struct {
	// ApplyTime is in milliseconds (the example sends 1760359848697).
	ApplyTime   int64                `json:"apply_time"`
	AuditState  RealNumberAuditState `json:"audit_state"`
	ApplyReason string               `json:"apply_reason"`
	TaskID      ID                   `json:"task_id"`
}

// RealNumberAudit returns the state of the order's real-number request
// (查看订单真实号审核状态).
//
// WeChat API: POST /channels/ec/order/realnumberviewaudit/get
func (s *OrderService) RealNumberAudit(ctx context.Context, orderID ID) (*RealNumberAudit, *Response, error) {
	var out RealNumberAudit
	resp, err := s.orderCall(ctx, epOrderRealNumberAudit, "get real number audit", orderID, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}

// AddPresentNote adds the merchant's note to a gift order (礼物订单新增备注).
//
// WeChat API: POST /channels/ec/order/presentnote/add
func (s *OrderService) AddPresentNote(ctx context.Context, presentOrderID ID, notes string) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(presentOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "present_order_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(notes) == "" {
		p = append(p, vcart.FieldError{Field: "notes", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("add present note", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epOrderPresentNoteAdd, body: struct {
		PresentOrderID ID     `json:"present_order_id"`
		Notes          string `json:"notes"`
	}{presentOrderID, notes}}, &struct{}{})
	if err != nil {
		return resp, errorf("add present note "+string(presentOrderID), err)
	}
	return resp, nil
}

// PresentSubOrders returns the sub-orders of a gift order (获取礼物单的子单
// 列表): one per recipient.
//
// WeChat API: POST /channels/ec/order/presentsuborder/get
func (s *OrderService) PresentSubOrders(ctx context.Context, presentOrderID ID) ([]ID, *Response, error) {
	if err := requireID("present_order_id", presentOrderID); err != nil {
		return nil, nil, errorf("get present sub-orders", err)
	}
	var out struct {
		OrderIDs []ID `json:"order_ids"`
	}
	resp, err := s.client.call(ctx, &request{ep: epOrderPresentSubOrders, body: struct {
		PresentOrderID ID `json:"present_order_id"`
	}{presentOrderID}}, &out)
	if err != nil {
		return nil, resp, errorf("get present sub-orders "+string(presentOrderID), err)
	}
	return out.OrderIDs, resp, nil
}

// SKUChangeRequests returns one page (from 1) of the orders whose buyer
// asked to change the SKU before shipment (获取所有待发货前更换sku待处理请求).
// pageSize 0 means 100.
//
// WeChat API: POST /channels/ec/order/preshipmentchangesku/get
func (s *OrderService) SKUChangeRequests(ctx context.Context, page, pageSize int) ([]ID, *Response, error) {
	if pageSize == 0 {
		pageSize = 100
	}
	if page < 1 || pageSize < 1 {
		return nil, nil, errorf("get SKU change requests", vcart.NewValidationError([]vcart.FieldError{
			{Field: "page", Code: "range", Msg: "page ≥ 1 and page_size ≥ 1"}}))
	}
	var out struct {
		OrderIDs []ID `json:"order_ids"`
	}
	resp, err := s.client.call(ctx, &request{ep: epOrderSKUChangeList, body: struct {
		Page     int `json:"page"`
		PageSize int `json:"page_size"`
	}{page, pageSize}}, &out)
	if err != nil {
		return nil, resp, errorf("get SKU change requests", err)
	}
	return out.OrderIDs, resp, nil
}

// SKUChangeRequestsIter iterates over every order with a pending SKU change
// request, page by page, stopping at the first error.
//
// WeChat API: POST /channels/ec/order/preshipmentchangesku/get
func (s *OrderService) SKUChangeRequestsIter(ctx context.Context, pageSize int) iter.Seq2[ID, error] {
	if pageSize == 0 {
		pageSize = 100
	}
	return paginate(ctx, "1", func(ctx context.Context, key string) ([]ID, string, error) {
		page, _ := strconv.Atoi(key)
		ids, _, err := s.SKUChangeRequests(ctx, page, pageSize)
		if err != nil || len(ids) < pageSize {
			return ids, "", err
		}
		return ids, strconv.Itoa(page + 1), nil
	})
}

// ApproveSKUChange accepts the buyer's SKU change (同意待发货前更换sku请求):
// the order's line changes to the new SKU.
//
// WeChat API: POST /channels/ec/order/preshipmentchangesku/approve
func (s *OrderService) ApproveSKUChange(ctx context.Context, orderID ID) (*Response, error) {
	return s.orderCall(ctx, epOrderSKUChangeApprove, "approve SKU change", orderID, nil)
}

// RejectSKUChange refuses the buyer's SKU change (拒绝待发货前更换sku请求).
//
// WeChat API: POST /channels/ec/order/preshipmentchangesku/reject
func (s *OrderService) RejectSKUChange(ctx context.Context, orderID ID) (*Response, error) {
	return s.orderCall(ctx, epOrderSKUChangeReject, "reject SKU change", orderID, nil)
}

// FreshInspectItemName is item_name of a fresh-food inspection item
// (AuditItemType).
type FreshInspectItemName string

// Fresh-food inspection items.
const (
	FreshExpressPic         FreshInspectItemName = "product_express_pic_url"                   // 商品快递单图片
	FreshPackagingBoxVideo  FreshInspectItemName = "product_packaging_box_panoramic_video_url" // 商品包装箱全景视频
	FreshUnboxingVideo      FreshInspectItemName = "product_unboxing_panoramic_video_url"      // 商品开箱全景视频
	FreshSingleProductVideo FreshInspectItemName = "single_product_detail_panoramic_video_url" // 单个商品细节全景视频
)

// FreshInspectItem is one audit item: an image or video URL obtained with
// the image upload endpoint.
type FreshInspectItem struct {
	ItemName  FreshInspectItemName `json:"item_name"`
	ItemValue string               `json:"item_value"`
}

// SubmitFreshInspect uploads the packing evidence of a fresh-food order
// under inspection (上传生鲜质检信息; quality_inspect_type 2). 10021700: the
// order is not under fresh inspection; 10021702: a URL is not the
// platform's.
//
// WeChat API: POST /channels/ec/order/freshinspect/submit
func (s *OrderService) SubmitFreshInspect(ctx context.Context, orderID ID, items []FreshInspectItem) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(orderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if len(items) == 0 {
		p = append(p, vcart.FieldError{Field: "audit_items", Code: "required", Msg: "at least one item"})
	}
	for i, it := range items {
		switch it.ItemName {
		case FreshExpressPic, FreshPackagingBoxVideo, FreshUnboxingVideo, FreshSingleProductVideo:
		default:
			p = append(p, vcart.FieldError{Field: "audit_items[" + strconv.Itoa(i) + "].item_name", Code: "enum", Msg: "not an AuditItemType"})
		}
		if !strings.HasPrefix(it.ItemValue, "https://") {
			p = append(p, vcart.FieldError{Field: "audit_items[" + strconv.Itoa(i) + "].item_value", Code: "url", Msg: "must be an https URL from the upload endpoint"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("submit fresh inspection", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epOrderFreshInspect, body: struct {
		OrderID    ID                 `json:"order_id"`
		AuditItems []FreshInspectItem `json:"audit_items"`
	}{orderID, items}}, &struct{}{})
	if err != nil {
		return resp, errorf("submit fresh inspection "+string(orderID), err)
	}
	return resp, nil
}

// String returns the reason's name.
func (t RealNumberApplyType) String() string {
	return enumString("RealNumberApplyType", int(t), map[int]string{1: "cannot_ship", 2: "cannot_aftersale",
		3: "cannot_complaint", 4: "cannot_parcel", 5: "other"})
}

// String returns the state's name.
func (s RealNumberAuditState) String() string {
	return enumString("RealNumberAuditState", int(s), map[int]string{1: "auditing", 2: "rejected", 3: "approved"})
}
