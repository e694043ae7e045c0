package shopapi

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// OrderStatus is an order's state (订单状态), order.status and the list
// filter.
type OrderStatus int

// Order states (channels-api §3.1). 190 appears only in one SDK and is not
// modelled.
const (
	// OrderUnpaid is 10 待付款.
	OrderUnpaid OrderStatus = 10
	// OrderAwaitingShipment is 20 待发货 (paid, nothing shipped yet).
	OrderAwaitingShipment OrderStatus = 20
	// OrderPartiallyShipped is 21 部分发货.
	OrderPartiallyShipped OrderStatus = 21
	// OrderShipped is 30 待收货 (everything shipped, awaiting receipt).
	OrderShipped OrderStatus = 30
	// OrderCompleted is 100 完成.
	OrderCompleted OrderStatus = 100
	// OrderCancelledAftersale is 200: cancelled after every item was
	// refunded through after-sales (全部商品售后之后订单取消).
	OrderCancelledAftersale OrderStatus = 200
	// OrderCancelled is 250: cancelled unpaid, by the buyer or on timeout
	// (未付款用户主动取消或超时未付款订单自动取消).
	OrderCancelled OrderStatus = 250
)

// OrderStatuses returns every documented status in ascending order.
func OrderStatuses() []OrderStatus {
	return []OrderStatus{OrderUnpaid, OrderAwaitingShipment, OrderPartiallyShipped, OrderShipped,
		OrderCompleted, OrderCancelledAftersale, OrderCancelled}
}

// String returns the status's English name, such as "awaiting_shipment", or
// "OrderStatus(n)" for an undocumented value.
func (s OrderStatus) String() string {
	switch s {
	case OrderUnpaid:
		return "unpaid"
	case OrderAwaitingShipment:
		return "awaiting_shipment"
	case OrderPartiallyShipped:
		return "partially_shipped"
	case OrderShipped:
		return "shipped"
	case OrderCompleted:
		return "completed"
	case OrderCancelledAftersale:
		return "cancelled_after_aftersale"
	case OrderCancelled:
		return "cancelled"
	}
	return "OrderStatus(" + strconv.Itoa(int(s)) + ")"
}

// ChineseName returns the platform's term, such as "待发货", or "" for an
// undocumented value.
func (s OrderStatus) ChineseName() string {
	switch s {
	case OrderUnpaid:
		return "待付款"
	case OrderAwaitingShipment:
		return "待发货"
	case OrderPartiallyShipped:
		return "部分发货"
	case OrderShipped:
		return "待收货"
	case OrderCompleted:
		return "完成"
	case OrderCancelledAftersale:
		return "售后取消"
	case OrderCancelled:
		return "已取消"
	}
	return ""
}

// Valid reports whether s is a documented status.
func (s OrderStatus) Valid() bool { return s.ChineseName() != "" }

// CanShip reports whether the merchant may ship (part of) the order: 20 or 21.
func (s OrderStatus) CanShip() bool { return s == OrderAwaitingShipment || s == OrderPartiallyShipped }

// IsPaid reports whether the buyer has paid: every state but 10 and 250.
func (s OrderStatus) IsPaid() bool { return s.Valid() && s != OrderUnpaid && s != OrderCancelled }

// IsCancelled reports whether the order was cancelled (200 or 250).
func (s OrderStatus) IsCancelled() bool { return s == OrderCancelledAftersale || s == OrderCancelled }

// IsFinal reports whether the order can no longer change state: 100, 200
// or 250 (after-sales may still refund a completed order's items).
func (s OrderStatus) IsFinal() bool { return s == OrderCompleted || s.IsCancelled() }

// MarshalText encodes the status as its number, as the API does.
func (s OrderStatus) MarshalText() ([]byte, error) { return strconv.AppendInt(nil, int64(s), 10), nil }

// UnmarshalJSON accepts a JSON number or a string holding one.
func (s *OrderStatus) UnmarshalJSON(b []byte) error {
	var n Int64
	if err := n.UnmarshalJSON(b); err != nil {
		return err
	}
	*s = OrderStatus(n)
	return nil
}

// MarshalJSON encodes the status as a JSON number.
func (s OrderStatus) MarshalJSON() ([]byte, error) { return s.MarshalText() }

// Order is the order tree returned by order/get. Money fields are int64 fen;
// times are unix seconds (see the Time helpers). Fields the SDK does not
// declare are kept in Extra.
type Order struct {
	OrderID    ID          `json:"order_id"`
	Status     OrderStatus `json:"status"`
	CreateTime Int64       `json:"create_time"`
	UpdateTime Int64       `json:"update_time"`
	OpenID     string      `json:"openid,omitempty"`
	UnionID    string      `json:"unionid,omitempty"`
	// Detail is order_detail: lines, payment, prices, delivery, notes,
	// commissions and settlement.
	Detail OrderDetail `json:"order_detail"`
	// AftersaleDetail lists the order's after-sale orders.
	AftersaleDetail *OrderAftersaleDetail `json:"aftersale_detail,omitempty"`
	// Extra holds undeclared fields, such as intra_city_order_info.
	Extra Extra `json:"-"`
}

type orderAlias Order

// UnmarshalJSON decodes the order and keeps undeclared fields in Extra.
func (o *Order) UnmarshalJSON(b []byte) error {
	var a orderAlias
	extra, err := unmarshalWithExtra(b, &a)
	if err != nil {
		return err
	}
	*o = Order(a)
	o.Extra = extra
	return nil
}

// MarshalJSON encodes the order with its Extra fields.
func (o Order) MarshalJSON() ([]byte, error) { return marshalWithExtra(orderAlias(o), o.Extra) }

// Created returns create_time as a time.Time (UTC).
func (o *Order) Created() time.Time { return unixTime(o.CreateTime) }

// Updated returns update_time as a time.Time (UTC).
func (o *Order) Updated() time.Time { return unixTime(o.UpdateTime) }

func unixTime(n Int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(int64(n), 0).UTC()
}

// OrderDetail is order_detail.
type OrderDetail struct {
	ProductInfos    []OrderProduct     `json:"product_infos"`
	PayInfo         *OrderPayInfo      `json:"pay_info,omitempty"`
	PriceInfo       OrderPriceInfo     `json:"price_info"`
	DeliveryInfo    *OrderDeliveryInfo `json:"delivery_info,omitempty"`
	CouponInfo      *OrderCouponInfo   `json:"coupon_info,omitempty"`
	ExtInfo         *OrderExtInfo      `json:"ext_info,omitempty"`
	CommissionInfos []OrderCommission  `json:"commission_infos,omitempty"`
	SettleInfo      *OrderSettleInfo   `json:"settle_info,omitempty"`
	SharerInfo      *OrderSharerInfo   `json:"sharer_info,omitempty"`
	// SourceInfos and SKUSharerInfos are kept raw: their shapes vary
	// between docs.
	SourceInfos    json.RawMessage `json:"source_infos,omitempty"`
	SKUSharerInfos json.RawMessage `json:"sku_sharer_infos,omitempty"`
	RefundInfo     *struct {
		RefundFreight Int64 `json:"refund_freight"`
	} `json:"refund_info,omitempty"`
}

// OrderProduct is one line (product_infos[]). Prices are fen; SalePrice is
// per unit, RealPrice the line's amount after discounts.
type OrderProduct struct {
	ProductID               ID     `json:"product_id"`
	SKUID                   ID     `json:"sku_id"`
	ThumbImg                string `json:"thumb_img,omitempty"`
	SKUCnt                  Int64  `json:"sku_cnt"`
	SalePrice               Int64  `json:"sale_price"`
	MarketPrice             Int64  `json:"market_price,omitempty"`
	RealPrice               Int64  `json:"real_price"`
	Title                   string `json:"title,omitempty"`
	OnAftersaleSKUCnt       Int64  `json:"on_aftersale_sku_cnt,omitempty"`
	FinishAftersaleSKUCnt   Int64  `json:"finish_aftersale_sku_cnt,omitempty"`
	SKUCode                 string `json:"sku_code,omitempty"`
	SKUAttrs                []Attr `json:"sku_attrs,omitempty"`
	OutProductID            string `json:"out_product_id,omitempty"`
	OutSKUID                string `json:"out_sku_id,omitempty"`
	IsDiscounted            Bool   `json:"is_discounted,omitempty"`
	EstimatePrice           Int64  `json:"estimate_price,omitempty"`
	IsChangePrice           Bool   `json:"is_change_price,omitempty"`
	ChangePrice             Int64  `json:"change_price,omitempty"`
	MerchantDiscountedPrice Int64  `json:"merchant_discounted_price,omitempty"`
	FinderDiscountedPrice   Int64  `json:"finder_discounted_price,omitempty"`
	DeliveryDeadline        Int64  `json:"delivery_deadline,omitempty"`
	IsFreeGift              Bool   `json:"is_free_gift,omitempty"`
	// ExtraService is extra_service: the services promised with this line.
	ExtraService *OrderExtraService `json:"extra_service,omitempty"`
}

// OrderExtraService is an order line's extra_service.
type OrderExtraService struct {
	// SevenDayReturn is seven_day_return: 7 天无理由退货 offered.
	SevenDayReturn Bool `json:"seven_day_return,omitempty"`
	// FreightInsurance is freight_insurance: 运费险 (return-shipping
	// insurance) bought for this line.
	FreightInsurance Bool `json:"freight_insurance,omitempty"`
}

// HasFreightInsurance reports whether any line of the order carries
// freight insurance (运费险).
func (d *OrderDetail) HasFreightInsurance() bool {
	for i := range d.ProductInfos {
		if es := d.ProductInfos[i].ExtraService; es != nil && bool(es.FreightInsurance) {
			return true
		}
	}
	return false
}

// PaymentMethod is pay_info.payment_method.
type PaymentMethod int

// Payment methods as the order API documents them.
const (
	// PaymentWeChatPay is 1 微信支付.
	PaymentWeChatPay PaymentMethod = 1
	// PaymentPayLater is 2 先用后付.
	PaymentPayLater PaymentMethod = 2
	// PaymentLotteryFree is 3 抽奖商品 0 元订单.
	PaymentLotteryFree PaymentMethod = 3
	// PaymentMemberPoints is 4 会员积分兑换订单.
	PaymentMemberPoints PaymentMethod = 4
)

// OrderPayInfo is pay_info.
type OrderPayInfo struct {
	PrepayID      string        `json:"prepay_id,omitempty"`
	PrepayTime    Int64         `json:"prepay_time,omitempty"`
	PayTime       Int64         `json:"pay_time,omitempty"`
	TransactionID string        `json:"transaction_id,omitempty"`
	PaymentMethod PaymentMethod `json:"payment_method,omitempty"`
}

// Paid returns pay_time as a time.Time (zero when unpaid).
func (p *OrderPayInfo) Paid() time.Time { return unixTime(p.PayTime) }

// OrderPriceInfo is price_info, in fen. OrderPrice is what the buyer paid
// (freight included); MerchantReceivePrice (merchant_receieve_price, sic)
// is OriginalOrderPrice − DiscountedPrice − DeductionPrice − ChangeDownPrice.
type OrderPriceInfo struct {
	ProductPrice            Int64 `json:"product_price"`
	OrderPrice              Int64 `json:"order_price"`
	Freight                 Int64 `json:"freight"`
	DiscountedPrice         Int64 `json:"discounted_price,omitempty"`
	IsDiscounted            Bool  `json:"is_discounted,omitempty"`
	OriginalOrderPrice      Int64 `json:"original_order_price,omitempty"`
	EstimateProductPrice    Int64 `json:"estimate_product_price,omitempty"`
	ChangeDownPrice         Int64 `json:"change_down_price,omitempty"`
	ChangeFreight           Int64 `json:"change_freight,omitempty"`
	IsChangeFreight         Bool  `json:"is_change_freight,omitempty"`
	UseDeduction            Bool  `json:"use_deduction,omitempty"`
	DeductionPrice          Int64 `json:"deduction_price,omitempty"`
	MerchantReceivePrice    Int64 `json:"merchant_receieve_price,omitempty"`
	MerchantDiscountedPrice Int64 `json:"merchant_discounted_price,omitempty"`
	FinderDiscountedPrice   Int64 `json:"finder_discounted_price,omitempty"`
}

// Paid returns order_price as CNY money.
func (p OrderPriceInfo) Paid() vcart.Money { return vcart.FromFen(int64(p.OrderPrice)) }

// MerchantReceives returns merchant_receieve_price as CNY money.
func (p OrderPriceInfo) MerchantReceives() vcart.Money {
	return vcart.FromFen(int64(p.MerchantReceivePrice))
}

// AddressInfo is a delivery address (AddressInfo).
type AddressInfo struct {
	UserName              string `json:"user_name"`
	PostalCode            string `json:"postal_code,omitempty"`
	ProvinceName          string `json:"province_name"`
	CityName              string `json:"city_name"`
	CountyName            string `json:"county_name"`
	DetailInfo            string `json:"detail_info"`
	NationalCode          string `json:"national_code,omitempty"`
	TelNumber             string `json:"tel_number"`
	HouseNumber           string `json:"house_number,omitempty"`
	VirtualOrderTelNumber string `json:"virtual_order_tel_number,omitempty"`
}

// OrderDeliveryInfo is delivery_info: the address and every package sent.
type OrderDeliveryInfo struct {
	AddressInfo         *AddressInfo          `json:"address_info,omitempty"`
	DeliveryProductInfo []DeliveryProductInfo `json:"delivery_product_info,omitempty"`
	ShipDoneTime        Int64                 `json:"ship_done_time,omitempty"`
	// DeliverMethod is 0 for logistics, 1 for virtual goods.
	DeliverMethod Int64 `json:"deliver_method"`
	// AddressUnderReview tells whether a buyer's address change waits for
	// the merchant (address_under_review): the field table calls it a bool,
	// peers model it as the requested address; both forms decode.
	AddressUnderReview *AddressReview `json:"address_under_review,omitempty"`
	AddressApplyTime   Int64          `json:"address_apply_time,omitempty"`
}

// DeliveryProductInfo is one package (delivery_product_info[]).
type DeliveryProductInfo struct {
	WaybillID    string            `json:"waybill_id"`
	DeliveryID   string            `json:"delivery_id"`
	DeliveryName string            `json:"delivery_name,omitempty"`
	DeliveryTime Int64             `json:"delivery_time,omitempty"`
	DeliverType  DeliverType       `json:"deliver_type"`
	ProductInfos []DeliveryProduct `json:"product_infos"`
}

// DeliveryProduct is a quantity of one SKU in a package.
type DeliveryProduct struct {
	ProductID  ID    `json:"product_id"`
	SKUID      ID    `json:"sku_id"`
	ProductCnt Int64 `json:"product_cnt"`
}

// OrderCouponInfo is coupon_info.
type OrderCouponInfo struct {
	UserCouponID string `json:"user_coupon_id,omitempty"`
}

// OrderExtInfo is ext_info: notes and the sale's context.
type OrderExtInfo struct {
	CustomerNotes      string `json:"customer_notes,omitempty"`
	MerchantNotes      string `json:"merchant_notes,omitempty"`
	ConfirmReceiptTime Int64  `json:"confirm_receipt_time,omitempty"`
	FinderID           string `json:"finder_id,omitempty"`
	LiveID             string `json:"live_id,omitempty"`
	// OrderScene: 1 other, 2 live room, 3 short video, 4 product share,
	// 5 showcase, 6 official-account article.
	OrderScene Int64 `json:"order_scene,omitempty"`
}

// OrderCommission is one commission_infos[] entry (达人/团长 commission).
type OrderCommission struct {
	SKUID    ID     `json:"sku_id"`
	Nickname string `json:"nickname,omitempty"`
	// Type is 0 for a talent (达人), 1 for a group leader (团长).
	Type Int64 `json:"type"`
	// Status is 1 unsettled, 2 settled.
	Status       Int64  `json:"status"`
	Amount       Int64  `json:"amount"`
	FinderID     string `json:"finder_id,omitempty"`
	OpenFinderID string `json:"openfinderid,omitempty"`
}

// OrderSettleInfo is settle_info: the technical service fee (技术服务费) the
// platform predicts and, once settled, charges, in fen.
type OrderSettleInfo struct {
	PredictCommissionFee    Int64 `json:"predict_commission_fee"`
	CommissionFee           Int64 `json:"commission_fee"`
	PredictWecoinCommission Int64 `json:"predict_wecoin_commission,omitempty"`
	WecoinCommission        Int64 `json:"wecoin_commission,omitempty"`
	SettleTime              Int64 `json:"settle_time,omitempty"`
}

// Settled returns settle_time (zero before settlement).
func (s *OrderSettleInfo) Settled() time.Time { return unixTime(s.SettleTime) }

// OrderSharerInfo is sharer_info.
type OrderSharerInfo struct {
	SharerOpenID  string `json:"sharer_openid,omitempty"`
	SharerUnionID string `json:"sharer_unionid,omitempty"`
	SharerType    Int64  `json:"sharer_type,omitempty"`
	ShareScene    Int64  `json:"share_scene,omitempty"`
	// HandlingProgress is handling_progress: 0 while the sharer
	// information is being processed, 1 once it is complete (分享员信息处理进度).
	HandlingProgress Int64 `json:"handling_progress,omitempty"`
}

// OrderAftersaleDetail is aftersale_detail.
type OrderAftersaleDetail struct {
	OnAftersaleOrderCnt Int64               `json:"on_aftersale_order_cnt"`
	AftersaleOrderList  []OrderAftersaleRef `json:"aftersale_order_list,omitempty"`
}

// OrderAftersaleRef is an after-sale order of an order. Its status is an
// int here, while the after-sale API uses the string enum [AftersaleStatus].
type OrderAftersaleRef struct {
	AftersaleOrderID ID    `json:"aftersale_order_id"`
	Status           Int64 `json:"status"`
}
