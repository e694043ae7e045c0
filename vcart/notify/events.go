package notify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Event is a decoded store event. Every typed event in this package (and
// [*UnknownEvent]) implements it through its embedded [Header].
type Event interface {
	// EventName returns the Event field, such as "channels_ec_order_pay".
	EventName() string
	// EventHeader returns the common envelope fields.
	EventHeader() *Header
}

// Event names of the catalogue (channels-api §4.6).
const (
	EventProductSpuAudit          = "product_spu_audit"                    // 商品审核结果
	EventProductSpuListing        = "product_spu_listing"                  // 商品上下架
	EventProductSpuUpdate         = "product_spu_update"                   // 商品更新
	EventProductCategoryAudit     = "product_category_audit"               // 类目审核结果
	EventBrand                    = "channels_ec_brand"                    // 品牌资质事件
	EventStockNotEnough           = "channels_ec_stock_no_enough"          // 库存不足
	EventOrderNew                 = "channels_ec_order_new"                // 订单下单
	EventOrderCancel              = "channels_ec_order_cancel"             // 订单取消
	EventOrderPay                 = "channels_ec_order_pay"                // 订单支付成功
	EventOrderWaitShipping        = "channels_ec_order_wait_shipping"      // 订单待发货
	EventOrderDeliver             = "channels_ec_order_deliver"            // 订单发货
	EventOrderConfirm             = "channels_ec_order_confirm"            // 订单确认收货
	EventOrderSettle              = "channels_ec_order_settle"             // 订单结算成功
	EventOrderExtInfoUpdate       = "channels_ec_order_ext_info_update"    // 订单其他信息更新
	EventProductOrderStatusUpdate = "product_order_status_update"          // 订单状态更新 (legacy)
	EventAftersaleUpdate          = "channels_ec_aftersale_update"         // 售后单更新
	EventComplaintUpdate          = "channels_ec_complaint_update"         // 纠纷更新
	EventGuaranteeUpdate          = "channels_ec_guarantee_update"         // 保障单更新
	EventPresentAftersaleUpdate   = "channels_ec_present_aftersale_update" // 赠品售后更新
	EventCouponReceive            = "channels_ec_coupon_receive"           // 优惠券领取
	EventCouponCreate             = "channels_ec_coupon_create"            // 创建优惠券
	EventCouponDelete             = "channels_ec_coupon_delete"            // 删除优惠券
	EventCouponExpire             = "channels_ec_coupon_expire"            // 优惠券过期
	EventCouponInfoChange         = "channels_ec_coupon_info_change"       // 优惠券信息更新
	EventCouponInvalid            = "channels_ec_coupon_invalid"           // 作废优惠券
	EventUserCouponExpire         = "channels_ec_user_coupon_expire"       // 用户优惠券过期
	EventUserCouponUnuse          = "channels_ec_user_coupon_unuse"        // 用户优惠券返还
	EventUserCouponUse            = "channels_ec_user_coupon_use"          // 用户优惠券核销
	EventVoucherSendSucc          = "channels_ec_voucher_send_succ"        // 发放团购优惠成功
	EventAcctNotify               = "channels_ec_acct_notify"              // 结算账户变更
	EventWithdrawNotify           = "channels_ec_withdraw_notify"          // 提现通知
	EventQrcodeStatus             = "qrcode_status"                        // 提现二维码状态
	EventHeadSupplierItemUpdate   = "head_supplier_item_update"            // 团长商品变更
	EventSharerChange             = "channels_ec_sharer_change"            // 分享员变更
	EventVipJoin                  = "channels_ec_vip_join"                 // 用户加入会员
	EventVipClose                 = "channels_ec_vip_close"                // 用户注销会员
	EventVipGradeInfoUpdate       = "channels_ec_vip_grade_info_update"    // 会员等级信息更新
	EventVipScoreUpdate           = "channels_ec_vip_score_update"         // 会员积分更新
	EventVipScoreExchange         = "channels_ec_vip_score_exchange"       // 积分兑换
	EventVipUserAutoAdd           = "channels_ec_vip_user_auto_add"        // 自动加入会员
	EventVipUserInfoGet           = "channels_ec_vip_user_info_get"        // 获取会员信息
	EventCloseStore               = "channels_ec_close_store"              // 小店注销
	EventSetShopNickname          = "set_shop_nickname"                    // 小店修改名称
	EventEwaybillPushPath         = "ewaybill_push_path"                   // 电子面单轨迹
	EventUserEnterTempSession     = "user_enter_tempsession"               // 用户进入客服会话
)

// ProductSpuAuditEvent is product_spu_audit (商品审核结果).
type ProductSpuAuditEvent struct {
	Header
	ProductSpuAudit struct {
		ProductID vcart.ID `json:"product_id"`
		// Status is 2 rejected, 3 passed, 4 withdrawn.
		Status FlexInt `json:"status"`
		Reason string  `json:"reason"`
		// AuditInfo is sent as JSON inside a string; it is decoded.
		AuditInfo AuditInfo `json:"audit_info"`
		// ProductType is 1 own product, 4 on-sale gift, 5 not for sale.
		ProductType FlexInt `json:"product_type"`
	} `json:"ProductSpuAudit"`
}

// AuditInfo is the audit detail of product_spu_audit. The platform sends it
// as a JSON string holding a JSON object; both forms decode, and Raw keeps
// the inner JSON.
type AuditInfo struct {
	BusiAuditInfo struct {
		ItemList []struct {
			MultiFailedReasons []struct {
				AuditReason string `json:"audit_reason"`
			} `json:"multi_failed_reasons"`
			// BusiShowFieldAPI names the rejected field, e.g. "product.cat_v2".
			BusiShowFieldAPI           string    `json:"busi_show_field_api"`
			ApplicableStrategyFlagList []FlexInt `json:"applicable_strategy_flag_list"`
		} `json:"item_list"`
		UserStrategyFlagList []FlexInt `json:"user_strategy_flag_list"`
	} `json:"busi_audit_info"`
	// Raw is the inner JSON as received (after unquoting).
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON accepts a JSON object or a string holding one; "" and null
// leave the zero value.
func (a *AuditInfo) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		b = bytes.TrimSpace([]byte(s))
	}
	if len(b) == 0 || string(b) == "null" {
		*a = AuditInfo{}
		return nil
	}
	type plain AuditInfo
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("notify: audit_info: %w", err)
	}
	*a = AuditInfo(p)
	a.Raw = slices.Clone(b)
	return nil
}

// MarshalJSON encodes the audit info back as a JSON string, as the platform
// sends it.
func (a AuditInfo) MarshalJSON() ([]byte, error) {
	if len(a.Raw) == 0 {
		return []byte(`""`), nil
	}
	return json.Marshal(string(a.Raw))
}

// ProductSpuListingEvent is product_spu_listing (商品上下架).
type ProductSpuListingEvent struct {
	Header
	ProductSpuListing struct {
		ProductID vcart.ID `json:"product_id"`
		// Status is 5 listed, 11 delisted by the merchant, 13 delisted by the
		// system (违规/风控), 14 deposit violation, 15 brand expired, 20 banned.
		Status      FlexInt `json:"status"`
		Reason      string  `json:"reason"`
		ProductType FlexInt `json:"product_type"`
	} `json:"ProductSpuListing"`
}

// ProductSpuUpdateEvent is product_spu_update (商品更新).
type ProductSpuUpdateEvent struct {
	Header
	ProductSpuUpdate struct {
		ProductID vcart.ID `json:"product_id"`
		// Status is 0 updated, 1 added, 2 deleted, 3 permanently deleted.
		Status      FlexInt `json:"status"`
		ProductType FlexInt `json:"product_type"`
	} `json:"ProductSpuUpdate"`
}

// ProductCategoryAuditEvent is product_category_audit (类目审核结果).
type ProductCategoryAuditEvent struct {
	Header
	ProductCategoryAudit struct {
		AuditID vcart.ID `json:"audit_id"`
		// Status is 1 in review, 2 rejected, 3 passed, 12 cancelled.
		Status FlexInt `json:"status"`
		Reason string  `json:"reason"`
	} `json:"ProductCategoryAudit"`
}

// BrandEvent is channels_ec_brand (品牌资质事件).
type BrandEvent struct {
	Header
	BrandEvent struct {
		BrandID vcart.ID `json:"brand_id"`
		AuditID vcart.ID `json:"audit_id"`
		// Status is 1 added, 2 updated, 3 withdrawn, 4 approved, 5 rejected,
		// 6 deleted, 7 revoked by the system.
		Status FlexInt `json:"status"`
		Reason string  `json:"reason"`
	} `json:"BrandEvent"`
}

// StockNotEnoughEvent is channels_ec_stock_no_enough (库存不足).
type StockNotEnoughEvent struct {
	Header
	StockInfo struct {
		ProductID            vcart.ID `json:"product_id"`
		SKUID                vcart.ID `json:"sku_id"`
		RemainingStockAmount FlexInt  `json:"remaining_stock_amount"`
		RemainingCodeAmount  FlexInt  `json:"remaining_code_amount"`
	} `json:"channels_ec_stock_no_enough"`
}

// OrderInfo is the order_info body shared by the order events; each event
// fills only its own fields.
type OrderInfo struct {
	// OrderID is the order_id, sent as a number or a string.
	OrderID vcart.ID `json:"order_id"`
	// CancelType (order_cancel): 1 buyer, 2 timeout, 3 all items refunded,
	// 4 oversold and cancelled by the merchant.
	CancelType FlexInt `json:"cancel_type,omitempty"`
	// PayTime (order_pay), unix seconds.
	PayTime FlexInt `json:"pay_time,omitempty"`
	// FinishDelivery (order_deliver): 0 partly shipped, 1 all shipped.
	FinishDelivery FlexInt `json:"finish_delivery,omitempty"`
	// ConfirmType (order_confirm): 1 by the buyer, 2 automatically.
	ConfirmType FlexInt `json:"confirm_type,omitempty"`
	// SettleTime (order_settle), unix seconds.
	SettleTime FlexInt `json:"settle_time,omitempty"`
	// Type (order_ext_info_update): 1 affiliate commission information.
	Type FlexInt `json:"type,omitempty"`
}

// OrderNewEvent is channels_ec_order_new (订单下单).
type OrderNewEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// OrderCancelEvent is channels_ec_order_cancel (订单取消).
type OrderCancelEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// OrderPayEvent is channels_ec_order_pay (订单支付成功).
type OrderPayEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// OrderWaitShippingEvent is channels_ec_order_wait_shipping (订单待发货).
type OrderWaitShippingEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// OrderDeliverEvent is channels_ec_order_deliver (订单发货).
type OrderDeliverEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// OrderConfirmEvent is channels_ec_order_confirm (订单确认收货).
type OrderConfirmEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// OrderSettleEvent is channels_ec_order_settle (订单结算成功).
type OrderSettleEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// OrderExtInfoUpdateEvent is channels_ec_order_ext_info_update (订单其他信息更新).
type OrderExtInfoUpdateEvent struct {
	Header
	OrderInfo OrderInfo `json:"order_info"`
}

// ProductOrderStatusUpdateEvent is the legacy product_order_status_update.
type ProductOrderStatusUpdateEvent struct {
	Header
	ProductOrderStatusUpdate struct {
		OrderID vcart.ID `json:"order_id"`
		Status  FlexInt  `json:"status"`
	} `json:"ProductOrderStatusUpdate"`
}

// AftersaleUpdateEvent is channels_ec_aftersale_update (售后单更新).
type AftersaleUpdateEvent struct {
	Header
	Aftersale struct {
		AftersaleOrderID vcart.ID `json:"after_sale_order_id"`
		// Status is the after-sale string enum, e.g. "MERCHANT_REFUND_SUCCESS".
		Status  string   `json:"status"`
		OrderID vcart.ID `json:"order_id"`
		// WxaVipDiscountedPrice is the member discount in fen.
		WxaVipDiscountedPrice FlexInt `json:"wxa_vip_discounted_price,omitempty"`
	} `json:"finder_shop_aftersale_status_update"`
}

// ComplaintUpdateEvent is channels_ec_complaint_update (纠纷更新).
type ComplaintUpdateEvent struct {
	Header
	Complaint struct {
		ComplaintID      vcart.ID `json:"complaint_id"`
		AftersaleOrderID vcart.ID `json:"after_sale_order_id"`
		OrderID          vcart.ID `json:"order_id"`
		// ComplaintStatus is the dispute status (100 awaiting the merchant …
		// 116 closed); some senders name it "status", which fills Status.
		ComplaintStatus FlexInt `json:"complaint_status"`
		Status          FlexInt `json:"status,omitempty"`
	} `json:"finder_shop_complaint"`
}

// GuaranteeUpdateEvent is channels_ec_guarantee_update (保障单更新).
type GuaranteeUpdateEvent struct {
	Header
	Guarantee struct {
		// Status is the guarantee's state; the page's example sends a
		// string enum ("STATUS_PAY_SUCC"), so it is kept as text (a number
		// decodes too).
		Status           FlexString `json:"status"`
		GuaranteeOrderID vcart.ID   `json:"guarantee_order_id"`
		OrderID          vcart.ID   `json:"order_id"`
	} `json:"finder_shop_guarantee_status_update"`
}

// PresentAftersaleUpdateEvent is channels_ec_present_aftersale_update (赠品售后).
type PresentAftersaleUpdateEvent struct {
	Header
	PresentAftersale struct {
		Status           string   `json:"status"`
		AftersaleOrderID vcart.ID `json:"after_sale_order_id"`
		OrderID          vcart.ID `json:"order_id"`
	} `json:"finder_shop_present_aftersale_status_update"`
}

// CouponReceiveEvent is channels_ec_coupon_receive (优惠券领取).
type CouponReceiveEvent struct {
	Header
	ReceiveInfo struct {
		CouponID     vcart.ID `json:"coupon_id"`
		UserCouponID vcart.ID `json:"user_coupon_id"`
		ReceiveTime  FlexInt  `json:"receive_time"`
	} `json:"receive_info"`
}

// CouponActionEvent is one of the coupon lifecycle events
// (channels_ec_coupon_create, _delete, _expire, _info_change, _invalid);
// Header.Event tells which.
type CouponActionEvent struct {
	Header
	CouponInfo struct {
		CouponID    vcart.ID `json:"coupon_id"`
		CreateTime  FlexInt  `json:"create_time,omitempty"`
		DeleteTime  FlexInt  `json:"delete_time,omitempty"`
		ExpireTime  FlexInt  `json:"expire_time,omitempty"`
		ChangeTime  FlexInt  `json:"change_time,omitempty"`
		InvalidTime FlexInt  `json:"invalid_time,omitempty"`
	} `json:"coupon_info"`
}

// UserCouponEvent is one of channels_ec_user_coupon_expire, _unuse and _use.
// The expiry page's body is user_coupon_info; the use page's is use_info
// (with the order that used the coupon): both decode, and [UserCouponEvent.Info]
// returns whichever came.
type UserCouponEvent struct {
	Header
	UserCouponInfo UserCouponInfo `json:"user_coupon_info"`
	// UseInfo is the body of channels_ec_user_coupon_use (优惠券核销通知).
	UseInfo UserCouponInfo `json:"use_info"`
}

// UserCouponInfo is the body of a user coupon event. Times are Unix seconds
// (sent as strings).
type UserCouponInfo struct {
	CouponID     vcart.ID `json:"coupon_id"`
	UserCouponID vcart.ID `json:"user_coupon_id"`
	// OrderID is the order that used the coupon (use_info only).
	OrderID    vcart.ID `json:"order_id,omitempty"`
	ExpireTime FlexInt  `json:"expire_time,omitempty"`
	UseTime    FlexInt  `json:"use_time,omitempty"`
	UnuseTime  FlexInt  `json:"unuse_time,omitempty"`
}

// Info returns the event's body: use_info for a use, user_coupon_info
// otherwise.
func (e *UserCouponEvent) Info() UserCouponInfo {
	if e.UseInfo != (UserCouponInfo{}) {
		return e.UseInfo
	}
	return e.UserCouponInfo
}

// VoucherSendEvent is channels_ec_voucher_send_succ (发放团购优惠成功). The
// voucher entries are kept raw: their fields are not documented in the
// sources read.
type VoucherSendEvent struct {
	Header
	VoucherList []json.RawMessage `json:"voucher_list"`
}

// AccountNotifyEvent is channels_ec_acct_notify (结算账户变更).
type AccountNotifyEvent struct {
	Header
	AccountInfo struct {
		// Event is 1 when the settlement account was changed.
		Event FlexInt `json:"event"`
	} `json:"account_info"`
}

// WithdrawNotifyEvent is channels_ec_withdraw_notify (提现通知).
type WithdrawNotifyEvent struct {
	Header
	WithdrawInfo struct {
		// Event is 1 requested (QR code made), 2 QR code verified, 3 paid
		// out, 4 failed.
		Event      FlexInt  `json:"event"`
		WithdrawID vcart.ID `json:"withdraw_id"`
	} `json:"withdraw_info"`
}

// QrcodeStatusEvent is qrcode_status (提现二维码状态).
type QrcodeStatusEvent struct {
	Header
	QrcodeInfo struct {
		Ticket string `json:"ticket"`
		// Status is 1 confirmed, 2 cancelled, 3 expired, 4 scanned.
		Status FlexInt `json:"status"`
		// ScanUserType is 0 not an administrator, 1 administrator.
		ScanUserType FlexInt `json:"scan_user_type"`
	} `json:"qrcode_info"`
}

// HeadSupplierItemUpdateEvent is head_supplier_item_update (团长商品变更).
type HeadSupplierItemUpdateEvent struct {
	Header
	ItemInfo struct {
		EventType    FlexInt    `json:"event_type"`
		AppID        string     `json:"appid"`
		ProductID    vcart.ID   `json:"product_id"`
		Version      FlexString `json:"version"`
		UpdateFields []string   `json:"update_fields"`
	} `json:"item_info"`
}

// SharerChangeEvent is channels_ec_sharer_change (分享员变更); its fields are
// at the top level.
type SharerChangeEvent struct {
	Header
	BindStatus FlexInt `json:"bind_status"`
	OpenID     string  `json:"openid"`
	SharerType FlexInt `json:"sharer_type"`
}

// VipEvent is one of the membership events (channels_ec_vip_*); the bodies
// vary and are kept raw besides the documented info block.
type VipEvent struct {
	Header
	Info struct {
		ShopAppID   string   `json:"shop_appid"`
		OuterUserID vcart.ID `json:"outer_userid"`
		// Identity is the member level as the page's example sends it
		// ("V1"); a number decodes too.
		Identity FlexString `json:"identity"`
		AddTime  FlexInt    `json:"add_time"`
	} `json:"info"`
	UserInfo     json.RawMessage `json:"user_info,omitempty"`
	ExchangeInfo json.RawMessage `json:"exchange_info,omitempty"`
}

// CloseStoreEvent is channels_ec_close_store (小店注销).
type CloseStoreEvent struct {
	Header
	// AppID is the shop's appid (the 微信小店 page); the older 视频号小店
	// page names it bind_appid ([CloseStoreEvent.BindAppID]). Both decode.
	AppID string `json:"appid"`
	// BindAppID is bind_appid, the older page's name of the app id.
	BindAppID      string  `json:"bind_appid,omitempty"`
	CloseTimestamp FlexInt `json:"close_timestamp"`
}

// ShopAppID returns the shop's app id under either name.
func (e *CloseStoreEvent) ShopAppID() string {
	if e.AppID != "" {
		return e.AppID
	}
	return e.BindAppID
}

// SetShopNicknameEvent is set_shop_nickname (小店修改名称).
type SetShopNicknameEvent struct {
	Header
	AppID       string `json:"appid"`
	OldNickname string `json:"old_nickname"`
	NewNickname string `json:"new_nickname"`
}

// EwaybillPushPathEvent is ewaybill_push_path (电子面单轨迹). The tracking
// body is kept raw.
type EwaybillPushPathEvent struct {
	Header
	WaybillInfo json.RawMessage `json:"waybill_info,omitempty"`
}

// UserEnterTempSessionEvent is user_enter_tempsession (用户进入客服会话).
type UserEnterTempSessionEvent struct {
	Header
	SessionFrom string `json:"SessionFrom"`
}

// UnknownEvent is an event the SDK has no type for: it is delivered with its
// raw JSON, never dropped.
type UnknownEvent struct {
	Header
	// Raw is the whole decrypted JSON.
	Raw json.RawMessage `json:"-"`
	// Err is set when the event name is in the catalogue but the JSON did
	// not fit its typed struct (a new field type, say): the event is then
	// delivered raw, to the fallback handler, rather than dropped.
	Err error `json:"-"`
}

// catalogue maps event names to constructors of their typed events.
var catalogue = map[string]func() Event{
	EventProductSpuAudit:          func() Event { return new(ProductSpuAuditEvent) },
	EventProductSpuListing:        func() Event { return new(ProductSpuListingEvent) },
	EventProductSpuUpdate:         func() Event { return new(ProductSpuUpdateEvent) },
	EventProductCategoryAudit:     func() Event { return new(ProductCategoryAuditEvent) },
	EventBrand:                    func() Event { return new(BrandEvent) },
	EventStockNotEnough:           func() Event { return new(StockNotEnoughEvent) },
	EventOrderNew:                 func() Event { return new(OrderNewEvent) },
	EventOrderCancel:              func() Event { return new(OrderCancelEvent) },
	EventOrderPay:                 func() Event { return new(OrderPayEvent) },
	EventOrderWaitShipping:        func() Event { return new(OrderWaitShippingEvent) },
	EventOrderDeliver:             func() Event { return new(OrderDeliverEvent) },
	EventOrderConfirm:             func() Event { return new(OrderConfirmEvent) },
	EventOrderSettle:              func() Event { return new(OrderSettleEvent) },
	EventOrderExtInfoUpdate:       func() Event { return new(OrderExtInfoUpdateEvent) },
	EventProductOrderStatusUpdate: func() Event { return new(ProductOrderStatusUpdateEvent) },
	EventAftersaleUpdate:          func() Event { return new(AftersaleUpdateEvent) },
	EventComplaintUpdate:          func() Event { return new(ComplaintUpdateEvent) },
	EventGuaranteeUpdate:          func() Event { return new(GuaranteeUpdateEvent) },
	EventPresentAftersaleUpdate:   func() Event { return new(PresentAftersaleUpdateEvent) },
	EventCouponReceive:            func() Event { return new(CouponReceiveEvent) },
	EventCouponCreate:             func() Event { return new(CouponActionEvent) },
	EventCouponDelete:             func() Event { return new(CouponActionEvent) },
	EventCouponExpire:             func() Event { return new(CouponActionEvent) },
	EventCouponInfoChange:         func() Event { return new(CouponActionEvent) },
	EventCouponInvalid:            func() Event { return new(CouponActionEvent) },
	EventUserCouponExpire:         func() Event { return new(UserCouponEvent) },
	EventUserCouponUnuse:          func() Event { return new(UserCouponEvent) },
	EventUserCouponUse:            func() Event { return new(UserCouponEvent) },
	EventVoucherSendSucc:          func() Event { return new(VoucherSendEvent) },
	EventAcctNotify:               func() Event { return new(AccountNotifyEvent) },
	EventWithdrawNotify:           func() Event { return new(WithdrawNotifyEvent) },
	EventQrcodeStatus:             func() Event { return new(QrcodeStatusEvent) },
	EventHeadSupplierItemUpdate:   func() Event { return new(HeadSupplierItemUpdateEvent) },
	EventSharerChange:             func() Event { return new(SharerChangeEvent) },
	EventVipJoin:                  func() Event { return new(VipEvent) },
	EventVipClose:                 func() Event { return new(VipEvent) },
	EventVipGradeInfoUpdate:       func() Event { return new(VipEvent) },
	EventVipScoreUpdate:           func() Event { return new(VipEvent) },
	EventVipScoreExchange:         func() Event { return new(VipEvent) },
	EventVipUserAutoAdd:           func() Event { return new(VipEvent) },
	EventVipUserInfoGet:           func() Event { return new(VipEvent) },
	EventCloseStore:               func() Event { return new(CloseStoreEvent) },
	EventSetShopNickname:          func() Event { return new(SetShopNicknameEvent) },
	EventEwaybillPushPath:         func() Event { return new(EwaybillPushPathEvent) },
	EventUserEnterTempSession:     func() Event { return new(UserEnterTempSessionEvent) },

	// dropship and cooperation accounts (events_dropship.go)
	EventDropshipOrderNew:           func() Event { return new(DropshipOrderEvent) },
	EventDropshipOrderCancel:        func() Event { return new(DropshipOrderEvent) },
	EventDropshipOrderUpdate:        func() Event { return new(DropshipOrderEvent) },
	EventCooperationShopOrder:       func() Event { return new(CooperationShopOrderEvent) },
	EventRelatedShopOrderSubmission: func() Event { return new(CooperationShopOrderEvent) },
}

// KnownEvents returns the names of every event with a typed struct, sorted.
func KnownEvents() []string {
	names := make([]string, 0, len(catalogue))
	for n := range catalogue {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// NewEvent returns a new, empty typed event for name, or nil if name is not
// in the catalogue.
func NewEvent(name string) Event {
	if mk, ok := catalogue[name]; ok {
		return mk()
	}
	return nil
}

// DecodeEvent decodes a decrypted plaintext into its typed event, or an
// [*UnknownEvent] for an event name outside the catalogue. Numbers and
// strings are both accepted where the platform varies (see [FlexString],
// [FlexInt]); unknown fields are ignored (the raw JSON stays in
// [Message.Plaintext]). It fails with [ErrMalformed].
func DecodeEvent(plain []byte) (Event, error) {
	var h Header
	if err := json.Unmarshal(plain, &h); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if h.Event == "" {
		return nil, fmt.Errorf("%w: no Event field", ErrMalformed)
	}
	return decodeTyped(h, plain)
}

func decodeTyped(h Header, plain []byte) (Event, error) {
	ev := NewEvent(h.Event)
	if ev == nil {
		return &UnknownEvent{Header: h, Raw: slices.Clone(plain)}, nil
	}
	if err := json.Unmarshal(plain, ev); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrMalformed, h.Event, err)
	}
	return ev, nil
}
