package shopapi

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// The after-sale endpoints beyond accept and reject: merchant negotiation
// (商家协商), exchange reship accept and reject (换货), after-sales raised for
// the buyer (代用户发起售后, 退差价), the after-sale's virtual number and the
// fast-exchange receipt (极速换货).

var (
	epAftersaleNegotiate       = ep("/channels/ec/aftersale/merchantupdateaftersale")
	epAftersaleExchangeReship  = ep("/channels/ec/aftersale/acceptexchangereship")
	epAftersaleExchangeRefuse  = ep("/channels/ec/aftersale/rejectexchangereship")
	epAftersaleGenerate        = ep("/channels/ec/aftersale/genaftersaleorder")
	epAftersaleRefundPriceDiff = ep("/channels/ec/aftersale/refundpricediff")
	epAftersaleVirtualTel      = ep("/channels/ec/aftersale/applyvirtualtelnum")
	epAftersaleFastExchange    = ep("/channels/ec/aftersale/handlefastexchangereceipt")
)

// NegotiationKind is merchant_update_type of a negotiation (协商类型).
type NegotiationKind int

// Negotiation kinds.
const (
	// NegotiateInviteCancel (1): agreed with the buyer, invite them to
	// cancel the request (已协商一致，邀请买家取消售后).
	NegotiateInviteCancel NegotiationKind = 1
	// NegotiateAskEvidence (2): invite the buyer to check and add evidence
	// (邀请买家核实与补充凭证).
	NegotiateAskEvidence NegotiationKind = 2
	// NegotiateModify (3): change the buyer's request (修改买家售后申请).
	NegotiateModify NegotiationKind = 3
)

// NegotiationReason is one row of the page's update_reason_type table
// (MerchantUpdateReason): which after-sale type and negotiation kind a
// reason applies to, and whether it needs image evidence.
type NegotiationReason struct {
	// UpdateReasonType is the reason code (update_reason_type).
	UpdateReasonType int
	// AftersaleType is the type the reason applies to: 1 refund, 2 return.
	AftersaleType int
	// Kind is the negotiation kind the reason applies to.
	Kind NegotiationKind
	// NeedImage reports whether media_ids are required (need_image 1).
	NeedImage bool
	// Desc is update_reason_desc.
	Desc string
}

// NegotiationReasons lists the reasons of the official page's table that
// the SDK checks requests against (doc/store/API/aftersale/merchantupdateaftersale).
// A reason code not listed here is sent unchecked.
var NegotiationReasons = []NegotiationReason{
	{6, 1, NegotiateModify, true, "已协商一致新的售后方案（当售后类型选择仅退款时，若买家同意协商，平台将自动退款）"},
	{7, 1, NegotiateAskEvidence, true, "无法联系或联系不上买家"},
	{8, 2, NegotiateModify, false, "生鲜、绿植等商品邀请买家仅退款无需退货（若买家同意协商或退款金额不变，平台将自动退款）"},
	{9, 1, NegotiateInviteCancel, true, "已发货没有拦截成功"},
	{10, 1, NegotiateModify, true, "仅修改退款金额（若买家同意协商，平台将自动退款）"},
}

// LookupNegotiationReason returns the table row of a reason code.
func LookupNegotiationReason(code int) (NegotiationReason, bool) {
	for _, r := range NegotiationReasons {
		if r.UpdateReasonType == code {
			return r, true
		}
	}
	return NegotiationReason{}, false
}

// NegotiateRequest is the merchant's negotiation proposal (商家协商).
type NegotiateRequest struct {
	AftersaleOrderID ID `json:"after_sale_order_id"`
	// Type is the after-sale type the proposal changes the request to:
	// 1 refund only (退款), 2 return and refund (退货退款).
	Type int `json:"type"`
	// Amount is the proposed refund in fen (分).
	Amount int64 `json:"amount"`
	// MerchantUpdateDesc describes the proposal (协商描述).
	MerchantUpdateDesc string `json:"merchant_update_desc"`
	// UpdateReasonType is the reason code (see [NegotiationReasons]). The
	// field table says number; the SKIT sample sends "123" (a string): both
	// decode, it is sent as a number.
	UpdateReasonType Int64 `json:"update_reason_type"`
	// MerchantUpdateType is the negotiation kind.
	MerchantUpdateType NegotiationKind `json:"merchant_update_type"`
	// MediaIDs are evidence images (upload with data type 0); required when
	// the reason needs an image.
	MediaIDs []string `json:"media_ids"`
}

func (r *NegotiateRequest) validate() error {
	var p []vcart.FieldError
	if strings.TrimSpace(string(r.AftersaleOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "after_sale_order_id", Code: "required", Msg: "must not be empty"})
	}
	if r.Type != 1 && r.Type != 2 {
		p = append(p, vcart.FieldError{Field: "type", Code: "enum", Msg: "must be 1 (refund) or 2 (return)"})
	}
	if r.Amount < 0 {
		p = append(p, vcart.FieldError{Field: "amount", Code: "range", Msg: "must not be negative (fen)"})
	}
	if strings.TrimSpace(r.MerchantUpdateDesc) == "" {
		p = append(p, vcart.FieldError{Field: "merchant_update_desc", Code: "required", Msg: "must not be empty"})
	}
	if r.MerchantUpdateType < NegotiateInviteCancel || r.MerchantUpdateType > NegotiateModify {
		p = append(p, vcart.FieldError{Field: "merchant_update_type", Code: "enum", Msg: "must be 1, 2 or 3"})
	}
	if r.UpdateReasonType <= 0 {
		p = append(p, vcart.FieldError{Field: "update_reason_type", Code: "required", Msg: "must be a reason code"})
	} else if reason, ok := LookupNegotiationReason(int(r.UpdateReasonType)); ok {
		if reason.AftersaleType != r.Type {
			p = append(p, vcart.FieldError{Field: "update_reason_type", Code: "type_mismatch", Msg: "the reason does not apply to this after-sale type"})
		}
		if reason.Kind != r.MerchantUpdateType {
			p = append(p, vcart.FieldError{Field: "update_reason_type", Code: "kind_mismatch", Msg: "the reason does not apply to this merchant_update_type"})
		}
		if reason.NeedImage && len(r.MediaIDs) == 0 {
			p = append(p, vcart.FieldError{Field: "media_ids", Code: "required", Msg: "the reason needs image evidence"})
		}
	}
	return vcart.NewValidationError(p)
}

// Negotiate proposes a new solution to the buyer (商家协商): the after-sale
// moves to USER_WAIT_CONFIRM_UPDATE until the buyer answers. The platform
// refuses [AftersaleService.Reject] of some after-sales with 10021068
// ([CodeAftersaleNegotiateFirst]) until the merchant has negotiated and the
// buyer has declined or let it time out. Not retried after an ambiguous
// failure: re-read the after-sale with Get (its status shows whether the
// proposal went through).
//
// WeChat API: POST /channels/ec/aftersale/merchantupdateaftersale
func (s *AftersaleService) Negotiate(ctx context.Context, req *NegotiateRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("negotiate after-sale", errNilRequest())
	}
	if err := req.validate(); err != nil {
		return nil, errorf("negotiate after-sale", err)
	}
	b := *req
	if b.MediaIDs == nil {
		b.MediaIDs = []string{}
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleNegotiate, body: b}, &struct{}{})
	if err != nil {
		return resp, errorf("negotiate after-sale "+string(req.AftersaleOrderID), err)
	}
	return resp, nil
}

// ExchangeReshipRequest ships the replacement of an exchange (换货发货).
type ExchangeReshipRequest struct {
	AftersaleOrderID ID `json:"after_sale_order_id"`
	// WaybillID is the parcel's tracking number (快递单号).
	WaybillID string `json:"waybill_id"`
	// DeliveryID is the carrier code (快递公司 id, see the carrier list).
	DeliveryID string `json:"delivery_id"`
}

// AcceptExchangeReship ships the replacement goods of an exchange once the
// buyer's return arrived (MERCHANT_WAIT_RECEIPT). Not retried after an
// ambiguous failure.
//
// WeChat API: POST /channels/ec/aftersale/acceptexchangereship
func (s *AftersaleService) AcceptExchangeReship(ctx context.Context, req *ExchangeReshipRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("accept exchange reship", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.AftersaleOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "after_sale_order_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(req.WaybillID) == "" {
		p = append(p, vcart.FieldError{Field: "waybill_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(req.DeliveryID) == "" {
		p = append(p, vcart.FieldError{Field: "delivery_id", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("accept exchange reship", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleExchangeReship, body: req}, &struct{}{})
	if err != nil {
		return resp, errorf("accept exchange reship "+string(req.AftersaleOrderID), err)
	}
	return resp, nil
}

// RejectExchangeReshipRequest refuses to ship an exchange's replacement.
type RejectExchangeReshipRequest struct {
	AftersaleOrderID ID     `json:"after_sale_order_id"`
	RejectReason     string `json:"reject_reason,omitempty"`
	// RejectReasonType comes from [AftersaleService.RejectReasons].
	RejectReasonType int `json:"reject_reason_type,omitempty"`
}

// RejectExchangeReship refuses to ship the replacement of an exchange (换货
// 拒绝发货), for instance because the returned goods do not match.
//
// WeChat API: POST /channels/ec/aftersale/rejectexchangereship
func (s *AftersaleService) RejectExchangeReship(ctx context.Context, req *RejectExchangeReshipRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("reject exchange reship", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.AftersaleOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "after_sale_order_id", Code: "required", Msg: "must not be empty"})
	}
	if req.RejectReason == "" && req.RejectReasonType == 0 {
		p = append(p, vcart.FieldError{Field: "reject_reason", Code: "required", Msg: "give a reason or a reason type"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("reject exchange reship", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleExchangeRefuse, body: req}, &struct{}{})
	if err != nil {
		return resp, errorf("reject exchange reship "+string(req.AftersaleOrderID), err)
	}
	return resp, nil
}

// GenerateAftersaleRequest raises an after-sale on the buyer's behalf
// (代用户发起售后); the buyer then confirms it
// (USER_WAIT_HANDLE_MERCHANT_AFTER_SALE).
type GenerateAftersaleRequest struct {
	// RequestID is the caller's idempotency key: reuse it when repeating a
	// request whose outcome is unknown.
	RequestID string `json:"request_id"`
	OrderID   ID     `json:"order_id"`
	ProductID ID     `json:"product_id"`
	SKUID     ID     `json:"sku_id"`
	Count     int64  `json:"count"`
	// Amount is the refund in fen (分).
	Amount int64         `json:"amount"`
	Reason string        `json:"reason"`
	Type   AftersaleType `json:"type"`
}

// AftersaleCreated is the id of an after-sale raised for the buyer.
type AftersaleCreated struct {
	AftersaleOrderID ID `json:"after_sale_order_id"`
}

// GenerateForBuyer raises an after-sale for the buyer. It is not retried
// blindly after an ambiguous failure; repeat it with the same RequestID,
// which the platform uses to recognise the first request.
//
// WeChat API: POST /channels/ec/aftersale/genaftersaleorder
func (s *AftersaleService) GenerateForBuyer(ctx context.Context, req *GenerateAftersaleRequest) (*AftersaleCreated, *Response, error) {
	if req == nil {
		return nil, nil, errorf("generate after-sale", errNilRequest())
	}
	p := requireBuyerLine(req.RequestID, req.OrderID, req.ProductID, req.SKUID, req.Amount)
	if req.Count <= 0 {
		p = append(p, vcart.FieldError{Field: "count", Code: "range", Msg: "must be positive"})
	}
	if req.Type != AftersaleRefund && req.Type != AftersaleReturn {
		p = append(p, vcart.FieldError{Field: "type", Code: "enum", Msg: "must be REFUND or RETURN"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("generate after-sale", err)
	}
	var out AftersaleCreated
	resp, err := s.client.call(ctx, &request{ep: epAftersaleGenerate, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("generate after-sale for order "+string(req.OrderID), err)
	}
	return &out, resp, nil
}

func requireBuyerLine(requestID string, order, product, sku ID, amount int64) []vcart.FieldError {
	var p []vcart.FieldError
	if strings.TrimSpace(requestID) == "" {
		p = append(p, vcart.FieldError{Field: "request_id", Code: "required", Msg: "must not be empty (the idempotency key)"})
	}
	for _, f := range []struct {
		name string
		id   ID
	}{{"order_id", order}, {"product_id", product}, {"sku_id", sku}} {
		if strings.TrimSpace(string(f.id)) == "" {
			p = append(p, vcart.FieldError{Field: f.name, Code: "required", Msg: "must not be empty"})
		}
	}
	if amount <= 0 {
		p = append(p, vcart.FieldError{Field: "amount", Code: "range", Msg: "must be positive (fen)"})
	}
	return p
}

// RefundPriceDiffRequest refunds a price difference to the buyer (代用户发起
// 退差价).
type RefundPriceDiffRequest struct {
	// RequestID is the caller's idempotency key.
	RequestID string `json:"request_id"`
	OrderID   ID     `json:"order_id"`
	ProductID ID     `json:"product_id"`
	SKUID     ID     `json:"sku_id"`
	// Amount is the difference in fen (分).
	Amount int64 `json:"amount"`
	// Reason is a reason code as a string (the example sends "10001338").
	Reason string `json:"reason"`
	Desc   string `json:"desc,omitempty"`
}

// RefundPriceDiff refunds a price difference; it moves money and is never
// retried blindly: repeat it with the same RequestID, or look for the
// after-sale it created.
//
// WeChat API: POST /channels/ec/aftersale/refundpricediff
func (s *AftersaleService) RefundPriceDiff(ctx context.Context, req *RefundPriceDiffRequest) (*AftersaleCreated, *Response, error) {
	if req == nil {
		return nil, nil, errorf("refund price difference", errNilRequest())
	}
	p := requireBuyerLine(req.RequestID, req.OrderID, req.ProductID, req.SKUID, req.Amount)
	if strings.TrimSpace(req.Reason) == "" {
		p = append(p, vcart.FieldError{Field: "reason", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("refund price difference", err)
	}
	var out AftersaleCreated
	resp, err := s.client.call(ctx, &request{ep: epAftersaleRefundPriceDiff, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("refund price difference for order "+string(req.OrderID), err)
	}
	return &out, resp, nil
}

// VirtualTelNumber is a virtual phone number that reaches the buyer
// (虚拟号) and when it expires (Unix seconds).
type VirtualTelNumber struct {
	VirtualTelNumber     string `json:"virtual_tel_number"`
	VirtualTelExpireTime int64  `json:"virtual_tel_expire_time"`
}

// ApplyVirtualTelNumber exchanges an after-sale for a virtual number that
// reaches its buyer (售后单兑换虚拟号).
//
// WeChat API: POST /channels/ec/aftersale/applyvirtualtelnum
func (s *AftersaleService) ApplyVirtualTelNumber(ctx context.Context, id ID) (*VirtualTelNumber, *Response, error) {
	if err := requireID("after_sale_order_id", id); err != nil {
		return nil, nil, errorf("apply after-sale virtual number", err)
	}
	var out VirtualTelNumber
	resp, err := s.client.call(ctx, &request{ep: epAftersaleVirtualTel, body: aftersaleIDBody{id}}, &out)
	if err != nil {
		return nil, resp, errorf("apply after-sale virtual number "+string(id), err)
	}
	if out.VirtualTelNumber == "" {
		return nil, resp, errorf("apply after-sale virtual number "+string(id), errors.Join(ErrMalformedResponse, errors.New("no virtual_tel_number")))
	}
	return &out, resp, nil
}

// FastExchangeAct is act of handlefastexchangereceipt.
type FastExchangeAct int

// Fast-exchange receipt decisions.
const (
	FastExchangeAgree  FastExchangeAct = 1 // 同意
	FastExchangeReject FastExchangeAct = 2 // 拒绝
)

// FastExchangeReceiptRequest confirms or refuses the buyer's return in a
// fast exchange (极速换货: the replacement ships first).
type FastExchangeReceiptRequest struct {
	AftersaleOrderID ID              `json:"after_sale_order_id"`
	Act              FastExchangeAct `json:"act"`
	RejectReason     string          `json:"reject_reason,omitempty"`
	// RejectReasonType is a reason of reject_scene 7 in
	// [AftersaleService.RejectReasons].
	RejectReasonType int    `json:"reject_reason_type,omitempty"`
	MerchantText     string `json:"merchant_text,omitempty"`
	// RejectConfirmExchange are evidence media ids (举证材料).
	RejectConfirmExchange []string `json:"reject_confirm_exchange,omitempty"`
}

// HandleFastExchangeReceipt agrees to or refuses the buyer's return of a
// fast exchange (商家处理极速换货用户退货).
//
// WeChat API: POST /channels/ec/aftersale/handlefastexchangereceipt
func (s *AftersaleService) HandleFastExchangeReceipt(ctx context.Context, req *FastExchangeReceiptRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("handle fast exchange receipt", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.AftersaleOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "after_sale_order_id", Code: "required", Msg: "must not be empty"})
	}
	switch req.Act {
	case FastExchangeAgree:
	case FastExchangeReject:
		if req.RejectReason == "" && req.RejectReasonType == 0 {
			p = append(p, vcart.FieldError{Field: "reject_reason", Code: "required", Msg: "give a reason or a reason type to refuse"})
		}
	default:
		p = append(p, vcart.FieldError{Field: "act", Code: "enum", Msg: "must be 1 (agree) or 2 (reject)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("handle fast exchange receipt", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleFastExchange, body: req}, &struct{}{})
	if err != nil {
		return resp, errorf("handle fast exchange receipt "+string(req.AftersaleOrderID), err)
	}
	return resp, nil
}

func enumString(name string, v int, names map[int]string) string {
	if s, ok := names[v]; ok {
		return s
	}
	return name + "(" + strconv.Itoa(v) + ")"
}

// String returns the kind's name.
func (k NegotiationKind) String() string {
	return enumString("NegotiationKind", int(k), map[int]string{1: "invite_cancel", 2: "ask_evidence", 3: "modify"})
}

// String returns "agree" or "reject".
func (a FastExchangeAct) String() string {
	return enumString("FastExchangeAct", int(a), map[int]string{1: "agree", 2: "reject"})
}
