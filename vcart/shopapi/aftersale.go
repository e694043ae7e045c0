package shopapi

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// AftersaleService handles after-sales (售后): list, get, accept and reject
// refunds and returns, the reason lists, and disputes (纠纷, complaints).
type AftersaleService service

var (
	epAftersaleList          = ep("/channels/ec/aftersale/getaftersalelist")
	epAftersaleGet           = ep("/channels/ec/aftersale/getaftersaleorder")
	epAftersaleAccept        = ep("/channels/ec/aftersale/acceptapply")
	epAftersaleReject        = ep("/channels/ec/aftersale/rejectapply")
	epAftersaleCertificate   = ep("/channels/ec/aftersale/uploadrefundcertificate")
	epAftersaleReasons       = ep("/channels/ec/aftersale/reason/get")
	epAftersaleRejectReasons = ep("/channels/ec/aftersale/rejectreason/get")
	epComplaintGet           = ep("/channels/ec/aftersale/getcomplaintorder")
	epComplaintProof         = ep("/channels/ec/aftersale/addcomplaintproof")
	epComplaintMaterial      = ep("/channels/ec/aftersale/addcomplaintmaterial")
)

// AftersaleStatus is the after-sale string enum (售后单状态). The misspelling
// USER_CANCELD is the wire value.
type AftersaleStatus string

// After-sale states (channels-api §3.4).
const (
	AftersaleUserCancelled            AftersaleStatus = "USER_CANCELD"                         // 用户取消申请
	AftersaleMerchantProcessing       AftersaleStatus = "MERCHANT_PROCESSING"                  // 商家受理中
	AftersaleMerchantRejectRefund     AftersaleStatus = "MERCHANT_REJECT_REFUND"               // 商家拒绝退款
	AftersaleMerchantRejectReturn     AftersaleStatus = "MERCHANT_REJECT_RETURN"               // 商家拒绝退货退款
	AftersaleUserWaitReturn           AftersaleStatus = "USER_WAIT_RETURN"                     // 待买家退货
	AftersaleReturnClosed             AftersaleStatus = "RETURN_CLOSED"                        // 退货退款关闭
	AftersaleMerchantWaitReceipt      AftersaleStatus = "MERCHANT_WAIT_RECEIPT"                // 待商家收货
	AftersaleMerchantOverdueRefund    AftersaleStatus = "MERCHANT_OVERDUE_REFUND"              // 商家逾期未退款
	AftersaleMerchantRefundSuccess    AftersaleStatus = "MERCHANT_REFUND_SUCCESS"              // 退款完成
	AftersaleMerchantReturnSuccess    AftersaleStatus = "MERCHANT_RETURN_SUCCESS"              // 退货退款完成
	AftersalePlatformRefunding        AftersaleStatus = "PLATFORM_REFUNDING"                   // 平台退款中
	AftersalePlatformRefundFail       AftersaleStatus = "PLATFORM_REFUND_FAIL"                 // 平台退款失败
	AftersaleUserWaitConfirm          AftersaleStatus = "USER_WAIT_CONFIRM"                    // 待用户确认
	AftersaleMerchantRefundRetryFail  AftersaleStatus = "MERCHANT_REFUND_RETRY_FAIL"           // 商家打款失败，客服关闭售后
	AftersaleMerchantFail             AftersaleStatus = "MERCHANT_FAIL"                        // 售后关闭
	AftersaleUserWaitConfirmUpdate    AftersaleStatus = "USER_WAIT_CONFIRM_UPDATE"             // 待用户处理商家协商
	AftersaleUserWaitHandleMerchantAS AftersaleStatus = "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE" // 待用户处理商家代发起的售后申请
)

// IsFinal reports whether the after-sale is over (cancelled, rejected,
// closed, refunded or failed for good).
func (s AftersaleStatus) IsFinal() bool {
	switch s {
	case AftersaleUserCancelled, AftersaleMerchantRejectRefund, AftersaleMerchantRejectReturn, AftersaleReturnClosed,
		AftersaleMerchantRefundSuccess, AftersaleMerchantReturnSuccess, AftersaleMerchantRefundRetryFail, AftersaleMerchantFail:
		return true
	}
	return false
}

// AwaitsMerchant reports whether the merchant must act (accept or reject,
// confirm receipt, or retry a failed refund).
func (s AftersaleStatus) AwaitsMerchant() bool {
	switch s {
	case AftersaleMerchantProcessing, AftersaleMerchantWaitReceipt, AftersaleMerchantOverdueRefund, AftersalePlatformRefundFail:
		return true
	}
	return false
}

// Refunded reports whether the money went back to the buyer.
func (s AftersaleStatus) Refunded() bool {
	return s == AftersaleMerchantRefundSuccess || s == AftersaleMerchantReturnSuccess
}

// AftersaleType is REFUND (仅退款), RETURN (退货退款) or EXCHANGE (换货).
type AftersaleType string

// After-sale types.
const (
	AftersaleRefund   AftersaleType = "REFUND"   // 仅退款
	AftersaleReturn   AftersaleType = "RETURN"   // 退货退款
	AftersaleExchange AftersaleType = "EXCHANGE" // 换货
)

// AftersaleReason is the buyer's reason code (reason). Newer reasons are
// numeric strings: read Aftersale.ReasonText then.
type AftersaleReason string

// After-sale reason codes.
const (
	ReasonIncorrectSelection   AftersaleReason = "INCORRECT_SELECTION"    // 拍错/多拍
	ReasonNoLongerWant         AftersaleReason = "NO_LONGER_WANT"         // 不想要了
	ReasonNoExpressInfo        AftersaleReason = "NO_EXPRESS_INFO"        // 无快递信息
	ReasonEmptyPackage         AftersaleReason = "EMPTY_PACKAGE"          // 包裹为空
	ReasonRejectReceivePackage AftersaleReason = "REJECT_RECEIVE_PACKAGE" // 已拒签包裹
	ReasonNotDeliveredTooLong  AftersaleReason = "NOT_DELIVERED_TOO_LONG" // 快递长时间未送达
	ReasonNotMatchProductDesc  AftersaleReason = "NOT_MATCH_PRODUCT_DESC" // 与商品描述不符
	ReasonQualityIssue         AftersaleReason = "QUALITY_ISSUE"          // 质量问题
	ReasonSendWrongGoods       AftersaleReason = "SEND_WRONG_GOODS"       // 卖家发错货
	ReasonThreeNoProduct       AftersaleReason = "THREE_NO_PRODUCT"       // 三无产品
	ReasonFakeProduct          AftersaleReason = "FAKE_PRODUCT"           // 假冒产品
	ReasonOthers               AftersaleReason = "OTHERS"                 // 其它
)

// Aftersale is after_sale_order. Amounts are fen.
type Aftersale struct {
	AftersaleOrderID ID              `json:"after_sale_order_id"`
	Status           AftersaleStatus `json:"status"`
	OrderID          ID              `json:"order_id"`
	OpenID           string          `json:"openid,omitempty"`
	UnionID          string          `json:"unionid,omitempty"`
	Type             AftersaleType   `json:"type"`
	Reason           AftersaleReason `json:"reason,omitempty"`
	ReasonText       string          `json:"reason_text,omitempty"`
	CreateTime       Int64           `json:"create_time"`
	UpdateTime       Int64           `json:"update_time"`
	// Deadline is the seconds left for the current step.
	Deadline    Int64 `json:"deadline,omitempty"`
	ComplaintID ID    `json:"complaint_id,omitempty"`
	ProductInfo struct {
		ProductID ID     `json:"product_id"`
		SKUID     ID     `json:"sku_id"`
		SKUCode   string `json:"sku_code,omitempty"`
		Count     Int64  `json:"count"`
		// VoucherList are the vouchers (卡券) of a voucher product; the
		// wire spells the code vourcher_code.
		VoucherList []AftersaleVoucher `json:"voucher_list,omitempty"`
		// GiftProductList are the free gifts returned with the product.
		GiftProductList []AftersaleGift `json:"gift_product_list,omitempty"`
	} `json:"product_info"`
	Details *struct {
		Desc           string   `json:"desc,omitempty"`
		ReceiveProduct Bool     `json:"receive_product,omitempty"`
		CancelTime     Int64    `json:"cancel_time,omitempty"`
		MediaIDList    []string `json:"media_id_list,omitempty"`
		TelNumber      string   `json:"tel_number,omitempty"`
		// WxaVipDiscountedPrice is the mini-program member discount in
		// fen (小程序会员优惠金额).
		WxaVipDiscountedPrice Int64 `json:"wxa_vip_discounted_price,omitempty"`
	} `json:"details,omitempty"`
	RefundInfo struct {
		Amount Int64 `json:"amount"`
		// RefundReason 1..11: how the refund was approved (3 = by API).
		RefundReason Int64 `json:"refund_reason,omitempty"`
	} `json:"refund_info"`
	ReturnInfo *struct {
		WaybillID    string `json:"waybill_id,omitempty"`
		DeliveryID   string `json:"delivery_id,omitempty"`
		DeliveryName string `json:"delivery_name,omitempty"`
	} `json:"return_info,omitempty"`
	MerchantUploadInfo *struct {
		RejectReason       string   `json:"reject_reason,omitempty"`
		RefundCertificates []string `json:"refund_certificates,omitempty"`
	} `json:"merchant_upload_info,omitempty"`
	RefundResp *struct {
		Code    string `json:"code,omitempty"`
		Ret     Int64  `json:"ret,omitempty"`
		Message string `json:"message,omitempty"`
	} `json:"refund_resp,omitempty"`
	Extra Extra `json:"-"`
}

// AftersaleVoucher is one voucher_list[] entry of an after-sale's product.
type AftersaleVoucher struct {
	// VoucherCode is the wire's vourcher_code (sic).
	VoucherCode string `json:"vourcher_code"`
}

// AftersaleGift is one gift_product_list[] entry: a free gift (赠品) of the
// after-sale's product.
type AftersaleGift struct {
	ProductID ID    `json:"product_id"`
	SKUID     ID    `json:"sku_id"`
	Count     Int64 `json:"count"`
	// TaskID is the gift campaign (赠品活动) id.
	TaskID ID `json:"task_id,omitempty"`
}

type aftersaleAlias Aftersale

// UnmarshalJSON decodes the after-sale and keeps undeclared fields in Extra.
func (a *Aftersale) UnmarshalJSON(b []byte) error {
	var v aftersaleAlias
	extra, err := unmarshalWithExtra(b, &v)
	if err != nil {
		return err
	}
	*a = Aftersale(v)
	a.Extra = extra
	return nil
}

// MarshalJSON encodes the after-sale with its Extra fields.
func (a Aftersale) MarshalJSON() ([]byte, error) { return marshalWithExtra(aftersaleAlias(a), a.Extra) }

// RefundAmount returns refund_info.amount as CNY money.
func (a *Aftersale) RefundAmount() vcart.Money { return vcart.FromFen(int64(a.RefundInfo.Amount)) }

// AftersaleListOptions selects after-sales by create or update time (one of
// the two). List needs the range within 24 hours; ListIter splits it.
type AftersaleListOptions struct {
	CreateTime *Window
	UpdateTime *Window
	NextKey    string
}

// AftersaleList is one page of after-sale ids.
type AftersaleList struct {
	AftersaleOrderIDList []ID   `json:"after_sale_order_id_list"`
	HasMore              Bool   `json:"has_more"`
	NextKey              string `json:"next_key"`
}

func (o *AftersaleListOptions) validate(splitting bool) error {
	var p []vcart.FieldError
	switch {
	case o.CreateTime == nil && o.UpdateTime == nil:
		p = append(p, vcart.FieldError{Field: "begin_create_time", Code: "required", Msg: "a create or an update time range is required"})
	case o.CreateTime != nil && o.UpdateTime != nil:
		p = append(p, vcart.FieldError{Field: "begin_update_time", Code: "exclusive", Msg: "give a create or an update time range, not both"})
	}
	max := MaxAftersaleWindow
	if splitting {
		max = 1<<63 - 1
	}
	p = checkWindow("create_time", o.CreateTime, max, p)
	p = checkWindow("update_time", o.UpdateTime, max, p)
	return vcart.NewValidationError(p)
}

// List returns one page of after-sale ids (range ≤ 24 h; 10020004 beyond).
//
// WeChat API: POST /channels/ec/aftersale/getaftersalelist
func (s *AftersaleService) List(ctx context.Context, opts *AftersaleListOptions) (*AftersaleList, *Response, error) {
	var o AftersaleListOptions
	if opts != nil {
		o = *opts
	}
	if err := o.validate(false); err != nil {
		return nil, nil, errorf("list after-sales", err)
	}
	type body struct {
		BeginCreateTime int64  `json:"begin_create_time,omitempty"`
		EndCreateTime   int64  `json:"end_create_time,omitempty"`
		BeginUpdateTime int64  `json:"begin_update_time,omitempty"`
		EndUpdateTime   int64  `json:"end_update_time,omitempty"`
		NextKey         string `json:"next_key,omitempty"`
	}
	b := body{NextKey: o.NextKey}
	if o.CreateTime != nil {
		b.BeginCreateTime, b.EndCreateTime = o.CreateTime.unix()
	} else {
		b.BeginUpdateTime, b.EndUpdateTime = o.UpdateTime.unix()
	}
	var out AftersaleList
	resp, err := s.client.call(ctx, &request{ep: epAftersaleList, body: b}, &out)
	if err != nil {
		return nil, resp, errorf("list after-sales", err)
	}
	if !out.HasMore {
		out.NextKey = ""
	}
	resp.NextKey = out.NextKey
	return &out, resp, nil
}

// ListIter iterates over every after-sale id in the range, splitting it
// into consecutive half-open 24-hour windows ([Windows]) and following
// each window's cursor. It stops at the first error.
//
// WeChat API: POST /channels/ec/aftersale/getaftersalelist
func (s *AftersaleService) ListIter(ctx context.Context, opts *AftersaleListOptions) iter.Seq2[ID, error] {
	var o AftersaleListOptions
	if opts != nil {
		o = *opts
	}
	return func(yield func(ID, error) bool) {
		if err := o.validate(true); err != nil {
			yield("", errorf("list after-sales", err))
			return
		}
		full := o.CreateTime
		if full == nil {
			full = o.UpdateTime
		}
		key := o.NextKey
		for w, err := range Windows(full.Start, full.End, MaxAftersaleWindow) {
			if err != nil {
				yield("", errorf("list after-sales", err))
				return
			}
			page := AftersaleListOptions{}
			if o.CreateTime != nil {
				page.CreateTime = &w
			} else {
				page.UpdateTime = &w
			}
			for id, err := range paginate(ctx, key, func(ctx context.Context, k string) ([]ID, string, error) {
				page.NextKey = k
				l, _, err := s.List(ctx, &page)
				if err != nil {
					return nil, "", err
				}
				return l.AftersaleOrderIDList, l.NextKey, nil
			}) {
				if !yield(id, err) || err != nil {
					return
				}
			}
			key = ""
		}
	}
}

type aftersaleIDBody struct {
	AftersaleOrderID ID `json:"after_sale_order_id"`
}

// Get returns one after-sale order. The id is always sent as a JSON string
// (a number there yields 47001).
//
// WeChat API: POST /channels/ec/aftersale/getaftersaleorder
func (s *AftersaleService) Get(ctx context.Context, id ID) (*Aftersale, *Response, error) {
	if err := requireID("after_sale_order_id", id); err != nil {
		return nil, nil, errorf("get after-sale", err)
	}
	var out struct {
		Order *Aftersale `json:"after_sale_order"`
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleGet, body: aftersaleIDBody{id}}, &out)
	if err != nil {
		return nil, resp, errorf("get after-sale "+string(id), err)
	}
	if out.Order == nil {
		return nil, resp, errorf("get after-sale "+string(id), errors.Join(ErrMalformedResponse, errors.New("no after_sale_order object")))
	}
	return out.Order, resp, nil
}

// AcceptType is accept_type of acceptapply.
type AcceptType int

// Accept types. Zero lets the platform pick by state.
const (
	// AcceptReturn (1) agrees to a return and sends the buyer the address.
	AcceptReturn AcceptType = 1
	// AcceptRefundAfterReceipt (2) confirms the returned goods and refunds.
	AcceptRefundAfterReceipt AcceptType = 2
)

// AcceptRequest accepts an after-sale: a refund, a return (with the return
// address), or the receipt of returned goods.
type AcceptRequest struct {
	AftersaleOrderID ID         `json:"after_sale_order_id"`
	AddressID        ID         `json:"address_id,omitempty"`
	AcceptType       AcceptType `json:"accept_type,omitempty"`
}

// Accept agrees to the after-sale. It moves money, so it is never retried
// after an ambiguous failure: re-read the after-sale with Get (its status
// shows whether it was applied). 10021041 when the status does not allow it.
//
// WeChat API: POST /channels/ec/aftersale/acceptapply
func (s *AftersaleService) Accept(ctx context.Context, req *AcceptRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("accept after-sale", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.AftersaleOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "after_sale_order_id", Code: "required", Msg: "must not be empty"})
	}
	if req.AcceptType != 0 && req.AcceptType != AcceptReturn && req.AcceptType != AcceptRefundAfterReceipt {
		p = append(p, vcart.FieldError{Field: "accept_type", Code: "enum", Msg: "must be 1 or 2"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("accept after-sale", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleAccept, body: req}, nil)
	if err != nil {
		return resp, errorf("accept after-sale "+string(req.AftersaleOrderID), err)
	}
	return resp, nil
}

// RejectRequest rejects an after-sale. The page (拒绝售后) documents three
// fields: after_sale_order_id and reject_reason_type are required,
// reject_reason (the text shown to the buyer; the reason type's default
// text when empty) is optional.
type RejectRequest struct {
	AftersaleOrderID ID     `json:"after_sale_order_id"`
	RejectReason     string `json:"reject_reason,omitempty"`
	// RejectReasonType (required) is a reject_reason_type from
	// [AftersaleService.RejectReasons].
	RejectReasonType int `json:"reject_reason_type"`
}

// Reject refuses the after-sale (the buyer may then open a dispute).
//
// WeChat API: POST /channels/ec/aftersale/rejectapply
func (s *AftersaleService) Reject(ctx context.Context, req *RejectRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("reject after-sale", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.AftersaleOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "after_sale_order_id", Code: "required", Msg: "must not be empty"})
	}
	if req.RejectReasonType <= 0 {
		p = append(p, vcart.FieldError{Field: "reject_reason_type", Code: "required", Msg: "give a reject_reason_type from RejectReasons"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("reject after-sale", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleReject, body: req}, nil)
	if err != nil {
		return resp, errorf("reject after-sale "+string(req.AftersaleOrderID), err)
	}
	return resp, nil
}

// UploadRefundCertificate attaches refund proof images (media ids) to an
// after-sale.
//
// WeChat API: POST /channels/ec/aftersale/uploadrefundcertificate
func (s *AftersaleService) UploadRefundCertificate(ctx context.Context, id ID, desc string, certificates []string) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(id)) == "" {
		p = append(p, vcart.FieldError{Field: "after_sale_order_id", Code: "required", Msg: "must not be empty"})
	}
	if len(certificates) == 0 {
		p = append(p, vcart.FieldError{Field: "refund_certificates", Code: "required", Msg: "at least one image"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("upload refund certificate", err)
	}
	body := struct {
		AftersaleOrderID   ID       `json:"after_sale_order_id"`
		Desc               string   `json:"desc,omitempty"`
		RefundCertificates []string `json:"refund_certificates"`
	}{id, desc, certificates}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleCertificate, body: body}, nil)
	if err != nil {
		return resp, errorf("upload refund certificate "+string(id), err)
	}
	return resp, nil
}

// ReasonText is one after-sale reason with its text.
type ReasonText struct {
	Reason     Int64  `json:"reason"`
	ReasonText string `json:"reason_text"`
}

// Reasons returns the platform's after-sale reasons.
//
// WeChat API: POST /channels/ec/aftersale/reason/get
func (s *AftersaleService) Reasons(ctx context.Context) ([]ReasonText, *Response, error) {
	var out struct {
		ReasonList []ReasonText `json:"reason_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epAftersaleReasons, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get after-sale reasons", err)
	}
	return out.ReasonList, resp, nil
}

// RejectScene is reject_scene: where a reject reason applies (售后拒绝原因适用场景).
type RejectScene int

// Reject scenes (getrejectreason page).
const (
	// RejectSceneRefund (1) rejects a refund-only request (拒绝用户仅退款申请).
	RejectSceneRefund RejectScene = 1
	// RejectSceneReturn (4) rejects a return-and-refund request (拒绝用户退货退款申请).
	RejectSceneReturn RejectScene = 4
	// RejectSceneExchange (5) rejects an exchange request (拒绝用户换货申请).
	RejectSceneExchange RejectScene = 5
	// RejectSceneExchangeReship (6) refuses to send the exchanged goods (拒绝换货发出新商品).
	RejectSceneExchangeReship RejectScene = 6
)

// String returns the scene's name.
func (s RejectScene) String() string {
	switch s {
	case RejectSceneRefund:
		return "refund"
	case RejectSceneReturn:
		return "return"
	case RejectSceneExchange:
		return "exchange"
	case RejectSceneExchangeReship:
		return "exchange-reship"
	}
	return "RejectScene(" + strconv.Itoa(int(s)) + ")"
}

// RejectReason is one reason a merchant may give to reject.
type RejectReason struct {
	RejectReasonType     int    `json:"reject_reason_type"`
	RejectReasonTypeText string `json:"reject_reason_type_text"`
	// RejectReason is the default text shown to the buyer.
	RejectReason string `json:"reject_reason"`
	// RejectScene says which requests the reason can reject (0 when the
	// answer does not say).
	RejectScene RejectScene `json:"reject_scene,omitempty"`
}

// rejectReasonList is the answer of rejectreason/get. The page and its
// example name the list reason_list; answers seen by peers (and a report on
// the developer forum) name it reject_reason_list. Both are read.
type rejectReasonList struct {
	ReasonList       []RejectReason `json:"reason_list"`
	RejectReasonList []RejectReason `json:"reject_reason_list"`
}

// RejectReasons returns the reasons a merchant may reject with.
//
// WeChat API: POST /channels/ec/aftersale/rejectreason/get
func (s *AftersaleService) RejectReasons(ctx context.Context) ([]RejectReason, *Response, error) {
	var out rejectReasonList
	resp, err := s.client.call(ctx, &request{ep: epAftersaleRejectReasons, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get reject reasons", err)
	}
	if len(out.ReasonList) == 0 {
		return out.RejectReasonList, resp, nil
	}
	return out.ReasonList, resp, nil
}

// Complaint is a dispute (纠纷单) the buyer raised with the platform.
type Complaint struct {
	ComplaintID      ID `json:"complaint_id"`
	AftersaleOrderID ID `json:"after_sale_order_id"`
	OrderID          ID `json:"order_id"`
	// Status is the dispute status (complaint status codes).
	Status Int64 `json:"status"`
	// History is the dispute's timeline (shape as WxJava models it).
	History []struct {
		ItemType    Int64    `json:"item_type"`
		Time        Int64    `json:"time"`
		PhoneNumber string   `json:"phone_number,omitempty"`
		Content     string   `json:"content,omitempty"`
		MediaIDList []string `json:"media_id_list,omitempty"`
		// ComplaintType is the buyer's complaint type (纠纷类型).
		ComplaintType Int64 `json:"complaint_type,omitempty"`
		// AftersaleType is 1 refund only, 2 return and refund.
		AftersaleType   Int64 `json:"after_sale_type,omitempty"`
		AftersaleReason Int64 `json:"after_sale_reason,omitempty"`
	} `json:"history,omitempty"`
}

// GetComplaint returns a dispute.
//
// WeChat API: POST /channels/ec/aftersale/getcomplaintorder
func (s *AftersaleService) GetComplaint(ctx context.Context, complaintID ID) (*Complaint, *Response, error) {
	if err := requireID("complaint_id", complaintID); err != nil {
		return nil, nil, errorf("get complaint", err)
	}
	var out Complaint
	resp, err := s.client.call(ctx, &request{ep: epComplaintGet, body: struct {
		ComplaintID ID `json:"complaint_id"`
	}{complaintID}}, &out)
	if err != nil {
		return nil, resp, errorf("get complaint "+string(complaintID), err)
	}
	out.ComplaintID = complaintID
	return &out, resp, nil
}

// MaxComplaintTextRunes is the longest content of a complaint proof or
// message (举证文字内容，最多500字).
const MaxComplaintTextRunes = 500

// AddComplaintProof adds the merchant's evidence to a dispute: the text
// (content, required) and images (media_id_list, media ids from the image
// upload; optional). Not retried after an ambiguous failure (it appends).
//
// WeChat API: POST /channels/ec/aftersale/addcomplaintproof
func (s *AftersaleService) AddComplaintProof(ctx context.Context, complaintID ID, content string, mediaIDs []string) (*Response, error) {
	return s.complaintText(ctx, epComplaintProof, complaintID, content, mediaIDs, "add complaint proof")
}

// AddComplaintMaterial adds a merchant's message to a dispute: the text
// (content, required) and images (media_id_list, optional).
//
// WeChat API: POST /channels/ec/aftersale/addcomplaintmaterial
func (s *AftersaleService) AddComplaintMaterial(ctx context.Context, complaintID ID, content string, mediaIDs []string) (*Response, error) {
	return s.complaintText(ctx, epComplaintMaterial, complaintID, content, mediaIDs, "add complaint material")
}

func (s *AftersaleService) complaintText(ctx context.Context, ep endpoint, id ID, content string, media []string, op string) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(id)) == "" {
		p = append(p, vcart.FieldError{Field: "complaint_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(content) == "" {
		p = append(p, vcart.FieldError{Field: "content", Code: "required", Msg: "the text is required (images go with it)"})
	} else if n := utf8.RuneCountInString(content); n > MaxComplaintTextRunes {
		p = append(p, vcart.FieldError{Field: "content", Code: "length", Msg: "at most " + strconv.Itoa(MaxComplaintTextRunes) + " characters, got " + strconv.Itoa(n)})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf(op, err)
	}
	body := struct {
		ComplaintID ID       `json:"complaint_id"`
		Content     string   `json:"content"`
		MediaIDList []string `json:"media_id_list,omitempty"`
	}{id, content, media}
	resp, err := s.client.call(ctx, &request{ep: ep, body: body}, nil)
	if err != nil {
		return resp, errorf(op+" "+string(id), err)
	}
	return resp, nil
}
