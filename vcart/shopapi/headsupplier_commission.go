package shopapi

import (
	"context"
	"errors"
	"math/bits"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// CommissionOrder is a head supplier's commission order (佣金单): one SKU of
// a shop order sold through the head supplier, with the talent's
// commission (达人佣金) and the head supplier's service fee (团长服务费).
// The wire names it commssion_order (sic).
type CommissionOrder struct {
	OrderID ID `json:"order_id"`
	SKUID   ID `json:"sku_id"`
	// CreateTime and UpdateTime are Unix seconds.
	CreateTime int64 `json:"create_time"`
	UpdateTime int64 `json:"update_time"`
	// Status is the commission order's state (20 in the example, as the
	// shop order's status); the page's enum was not read.
	Status      int                   `json:"status"`
	OrderDetail CommissionOrderDetail `json:"order_detail"`
}

// CommissionOrderDetail is order_detail of a commission order.
type CommissionOrderDetail struct {
	ShopInfo struct {
		AppID string `json:"appid"`
	} `json:"shop_info"`
	ProductInfo struct {
		ProductID ID     `json:"product_id"`
		ThumbImg  string `json:"thumb_img"`
		Title     string `json:"title"`
		// ActualPayment is what the buyer paid for the SKU, in fen.
		ActualPayment int64 `json:"actual_payment"`
	} `json:"product_info"`
	OrderInfo struct {
		// OrderStatus is the shop order's status (see [OrderStatus]).
		OrderStatus int `json:"order_status"`
	} `json:"order_info"`
	CommissionInfo CommissionInfo `json:"commission_info"`
}

// CommissionInfo is commission_info: ratios are parts per million of the
// actual payment ([CommissionRatioScale]: 100000 is 10%), amounts fen.
type CommissionInfo struct {
	// FinderInfo is the talent's (达人) commission when the talent sells
	// as a channel (视频号); the page's talent_info, for upgraded talents,
	// is kept in Extra.
	FinderInfo struct {
		Nickname string `json:"nickname"`
		Ratio    int64  `json:"ratio"`
		Amount   int64  `json:"amount"`
	} `json:"finder_info"`
	// ServiceRatio and ServiceAmount are the head supplier's service fee
	// as it receives it (实收服务费: net of what it passes on to a
	// helping agency, 帮卖机构).
	ServiceRatio  int64 `json:"service_ratio"`
	ServiceAmount int64 `json:"service_amount"`
	// Extra keeps the fields the page's example does not show (talent_info,
	// sub_agency_info, promoter_agency_info …).
	Extra Extra `json:"-"`
}

type commissionInfoAlias CommissionInfo

// UnmarshalJSON decodes commission_info and keeps undeclared fields in
// Extra.
func (c *CommissionInfo) UnmarshalJSON(b []byte) error {
	var v commissionInfoAlias
	extra, err := unmarshalWithExtra(b, &v)
	if err != nil {
		return err
	}
	*c = CommissionInfo(v)
	c.Extra = extra
	return nil
}

// MarshalJSON encodes commission_info with its Extra fields.
func (c CommissionInfo) MarshalJSON() ([]byte, error) {
	return marshalWithExtra(commissionInfoAlias(c), c.Extra)
}

// CommissionOrder returns the commission order of one SKU of an order
// (获取佣金单详情).
//
// WeChat API: POST /channels/ec/league/headsupplier/order/get
func (s *HeadSupplierService) CommissionOrder(ctx context.Context, orderID, skuID ID) (*CommissionOrder, *Response, error) {
	if err := vcart.NewValidationError(hsRequired("order_id", string(orderID), "sku_id", string(skuID))); err != nil {
		return nil, nil, errorf("get commission order", err)
	}
	body := struct {
		OrderID ID `json:"order_id"`
		SKUID   ID `json:"sku_id"`
	}{orderID, skuID}
	var out struct {
		Order *CommissionOrder `json:"commssion_order"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHSOrderGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get commission order "+string(orderID), err)
	}
	if out.Order == nil {
		out.Order = &CommissionOrder{}
	}
	return out.Order, resp, nil
}

// CommissionOrderListOptions selects commission orders. PageSize (1..30) is
// required, and one of the time ranges (Unix seconds).
type CommissionOrderListOptions struct {
	AppID           string             `json:"appid,omitempty"`
	FinderID        string             `json:"finder_id,omitempty"`
	PageSize        int                `json:"page_size"`
	NextKey         string             `json:"next_key,omitempty"`
	CreateTimeRange *DropshipTimeRange `json:"create_time_range,omitempty"`
	UpdateTimeRange *DropshipTimeRange `json:"update_time_range,omitempty"`
}

// CommissionOrderRef names a commission order in a list.
type CommissionOrderRef struct {
	OrderID ID `json:"order_id"`
	SKUID   ID `json:"sku_id"`
}

// CommissionOrderPage is a page of commission orders.
type CommissionOrderPage struct {
	List    []CommissionOrderRef `json:"list"`
	HasMore bool                 `json:"has_more"`
	// NextKey is in a peer SDK's model, not in the page's example.
	NextKey string `json:"next_key,omitempty"`
}

// CommissionOrders returns a page of commission orders (获取佣金单列表).
//
// WeChat API: POST /channels/ec/league/headsupplier/order/list/get
func (s *HeadSupplierService) CommissionOrders(ctx context.Context, o CommissionOrderListOptions) (*CommissionOrderPage, *Response, error) {
	p := hsPageSize(o.PageSize)
	if o.CreateTimeRange == nil && o.UpdateTimeRange == nil {
		p = append(p, vcart.FieldError{Field: "create_time_range", Code: "required", Msg: "create_time_range or update_time_range must be set"})
	}
	for _, r := range []struct {
		name string
		r    *DropshipTimeRange
	}{{"create_time_range", o.CreateTimeRange}, {"update_time_range", o.UpdateTimeRange}} {
		if r.r != nil && r.r.EndTime < r.r.StartTime {
			p = append(p, vcart.FieldError{Field: r.name + ".end_time", Code: "range", Msg: "must not be before start_time"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list commission orders", err)
	}
	var out CommissionOrderPage
	resp, err := s.client.call(ctx, &request{ep: epHSOrderList, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list commission orders", err)
	}
	return &out, resp, nil
}

// CommissionRatioScale is the denominator of commission ratios: the
// platform sends ratios as parts per million of the actual payment (the
// order/get example: ratio 100000 on actual_payment 100 gives amount 10).
const CommissionRatioScale = 1_000_000

// ErrCommissionInput reports a negative amount or a ratio outside
// 0..[CommissionRatioScale].
var ErrCommissionInput = errors.New("shopapi: commission: amount must not be negative, ratio must be 0..1000000")

// CommissionFen returns baseFen × ratio / [CommissionRatioScale] in whole
// fen, rounded with mode: the one commission computation of the SDK
// (talents' 达人佣金 and head suppliers' 团长佣金 alike). Bad input is a
// [*vcart.ValidationError] naming every problem, joined with
// [ErrCommissionInput]. The platform does not document its rounding of
// commissions; [vcart.HalfUp] (四舍五入), the rule of WeChat Pay's fee
// documents, is the usual choice, and a check should allow a fen of
// tolerance. The arithmetic is exact (128-bit intermediate): no overflow,
// no float.
func CommissionFen(baseFen int64, ratio CommissionRatio, mode vcart.RoundingMode) (int64, error) {
	var p []vcart.FieldError
	if baseFen < 0 {
		p = append(p, vcart.FieldError{Field: "base", Code: "range", Msg: "must not be negative"})
	}
	if ratio < 0 || ratio > CommissionRatioMax {
		p = append(p, vcart.FieldError{Field: "ratio", Code: "range", Msg: "must be 0 to 1000000 (100%)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return 0, errors.Join(ErrCommissionInput, err)
	}
	hi, lo := bits.Mul64(uint64(baseFen), uint64(ratio))
	q, r := bits.Div64(hi, lo, CommissionRatioScale) // hi < scale: ratio ≤ scale
	const half = CommissionRatioScale / 2
	switch mode {
	case vcart.HalfEven:
		if r > half || r == half && q%2 == 1 {
			q++
		}
	case vcart.Down:
	case vcart.Up:
		if r > 0 {
			q++
		}
	default: // vcart.HalfUp
		if r >= half {
			q++
		}
	}
	return int64(q), nil
}

// CommissionCheck reconciles a commission order (团长佣金): the amounts the
// platform reports against the ones its ratios give, and, when the shop's
// order is at hand, against the order's commission_infos for the same SKU
// (the shop side of order-fee reconciliation, [CheckOrderFees]). Amounts
// are fen; each Diff is reported − expected.
type CommissionCheck struct {
	OrderID, SKUID ID
	// PaidFen is product_info.actual_payment, the base of the ratios.
	PaidFen int64
	// Rounding is the mode the expected amounts were rounded with.
	Rounding vcart.RoundingMode

	TalentRatio                                      int64
	ExpectedTalentFen, ReportedTalentFen, TalentDiff int64

	ServiceRatio                                        int64
	ExpectedServiceFen, ReportedServiceFen, ServiceDiff int64

	// HasOrder reports that the shop order was given. OrderTalentFen and
	// OrderHeadSupplierFen sum its commission_infos for the SKU by type
	// (0 talent, 1 head supplier); OrderTalentDiff and
	// OrderHeadSupplierDiff compare them with the commission order's
	// reported amounts (order − commission order). A head supplier that
	// passes part of its fee on to a helping agency receives less than
	// the shop pays: OrderHeadSupplierDiff is then positive.
	HasOrder                               bool
	OrderTalentFen, OrderHeadSupplierFen   int64
	OrderTalentDiff, OrderHeadSupplierDiff int64
}

// OK reports whether every difference is within toleranceFen (the shop
// order's head-supplier figure only when it is not below the commission
// order's: a helping agency explains a positive difference).
func (c *CommissionCheck) OK(toleranceFen int64) bool {
	within := func(d int64) bool { return d >= -toleranceFen && d <= toleranceFen }
	if !within(c.TalentDiff) || !within(c.ServiceDiff) {
		return false
	}
	if c.HasOrder && (!within(c.OrderTalentDiff) || c.OrderHeadSupplierDiff < -toleranceFen) {
		return false
	}
	return true
}

// CheckCommission reconciles a commission order, rounding the expected
// amounts with mode (pass [vcart.HalfUp] unless you know better), and,
// when order is not nil, ties it to the shop order's commission_infos
// for the same SKU. The order must be the commission order's (same
// order_id).
func CheckCommission(co *CommissionOrder, order *Order, mode vcart.RoundingMode) (CommissionCheck, error) {
	if co == nil {
		return CommissionCheck{}, errors.New("shopapi: CheckCommission: nil commission order")
	}
	ci := co.OrderDetail.CommissionInfo
	c := CommissionCheck{OrderID: co.OrderID, SKUID: co.SKUID, PaidFen: co.OrderDetail.ProductInfo.ActualPayment, Rounding: mode,
		TalentRatio: ci.FinderInfo.Ratio, ReportedTalentFen: ci.FinderInfo.Amount,
		ServiceRatio: ci.ServiceRatio, ReportedServiceFen: ci.ServiceAmount}
	var err error
	if c.ExpectedTalentFen, err = CommissionFen(c.PaidFen, CommissionRatio(c.TalentRatio), mode); err != nil {
		return CommissionCheck{}, errorf("check commission "+string(co.OrderID)+": finder_info.ratio", err)
	}
	if c.ExpectedServiceFen, err = CommissionFen(c.PaidFen, CommissionRatio(c.ServiceRatio), mode); err != nil {
		return CommissionCheck{}, errorf("check commission "+string(co.OrderID)+": service_ratio", err)
	}
	c.TalentDiff = c.ReportedTalentFen - c.ExpectedTalentFen
	c.ServiceDiff = c.ReportedServiceFen - c.ExpectedServiceFen
	if order != nil {
		if order.OrderID != co.OrderID {
			return CommissionCheck{}, errors.New("shopapi: CheckCommission: order " + string(order.OrderID) + " is not the commission order's " + string(co.OrderID))
		}
		c.HasOrder = true
		for _, oc := range order.Detail.CommissionInfos {
			if oc.SKUID != co.SKUID {
				continue
			}
			switch oc.Type {
			case 0:
				c.OrderTalentFen += int64(oc.Amount)
			case 1:
				c.OrderHeadSupplierFen += int64(oc.Amount)
			}
		}
		c.OrderTalentDiff = c.OrderTalentFen - c.ReportedTalentFen
		c.OrderHeadSupplierDiff = c.OrderHeadSupplierFen - c.ReportedServiceFen
	}
	return c, nil
}
