package kpi

import (
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/internal/textutil"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Order is one submitted order (提交订单) as the report needs it. A caller
// fills it from the shop API's order records (order/get, amounts in fen)
// or from its own database; the package never fetches anything. The shop
// API client does the mapping in one call (shopapi.KPIOrder for one order
// tree, Client.KPIOrdersCreated for a period). The field comments name the
// order/get source of each field.
type Order struct {
	ID vcart.OrderID // order_id
	// BuyerID identifies the buyer (openid); buyers are counted distinctly
	// by it. Required.
	BuyerID string
	// CreatedAt is when the order was submitted (下单时间, create_time). The
	// report counts an order in the period that contains CreatedAt.
	// Required.
	CreatedAt time.Time
	// PaidAt is when it was paid (order_detail.pay_info.pay_time); zero for
	// an unpaid order.
	PaidAt time.Time
	// AmountFen is the amount paid (实付, order_detail.price_info.order_price)
	// in fen; zero for an unpaid order. GMV is the sum over paid orders.
	AmountFen vcart.Fen
	// RefundFen is the amount refunded so far in fen (the sum of the order's
	// after-sale refund_info.amount), at most AmountFen.
	RefundFen vcart.Fen
	// ShippedAt is when it was shipped (发货时间: the first
	// delivery_info.delivery_product_info[].delivery_time); zero while
	// unshipped.
	ShippedAt time.Time
	// FreightInsurance reports whether the order carries 运费险
	// (product_infos[].extra_service.freight_insurance on any line).
	FreightInsurance bool
}

// Paid reports whether the order was paid.
func (o *Order) Paid() bool { return !o.PaidAt.IsZero() }

// validate returns every problem with o at once, or nil.
func (o *Order) validate() error {
	var p []vcart.FieldError
	add := func(field, code, msg string) {
		p = append(p, vcart.FieldError{Field: "order." + field, Code: code, Msg: fmt.Sprintf("order %q: %s", truncate(string(o.ID), 40), msg)})
	}
	if o.BuyerID == "" {
		add("buyer_id", "order.buyer_id.missing", "no buyer id")
	}
	if o.CreatedAt.IsZero() {
		add("created_at", "order.created_at.missing", "no submission time")
	}
	if o.AmountFen < 0 {
		add("amount_fen", "order.amount.negative", "negative amount")
	}
	if o.RefundFen < 0 {
		add("refund_fen", "order.refund.negative", "negative refund")
	}
	if o.RefundFen > o.AmountFen && o.AmountFen >= 0 {
		add("refund_fen", "order.refund.exceeds_amount", "refund exceeds the amount paid")
	}
	if o.Paid() {
		if !o.CreatedAt.IsZero() && o.PaidAt.Before(o.CreatedAt) {
			add("paid_at", "order.paid_at.before_created", "paid before it was submitted")
		}
		if !o.ShippedAt.IsZero() && o.ShippedAt.Before(o.PaidAt) {
			add("shipped_at", "order.shipped_at.before_paid", "shipped before it was paid")
		}
	} else {
		if o.AmountFen > 0 {
			add("amount_fen", "order.amount.unpaid", "an unpaid order has a paid amount")
		}
		if !o.ShippedAt.IsZero() {
			add("shipped_at", "order.shipped_at.unpaid", "an unpaid order was shipped")
		}
	}
	if len(p) == 0 {
		return nil
	}
	return vcart.NewValidationError(p)
}

// truncate shortens s to at most n bytes for an error message.
func truncate(s string, n int) string { return textutil.Truncate(s, n) }

// Traffic holds the period's traffic counts, which a caller reads from the
// compass (电商罗盘, T+1) or its own tracking. Every field is a count; UV
// fields count distinct people (人数) and PV fields count events (次数). A
// zero field makes every metric that divides by it undefined.
//
// Compass sources: ClickUV is product_click_uv and ClickPV is
// product_click_cnt (product data); ExposureUV is the size of the
// sale/profile audience of type 1 (product-exposure users). The compass has
// no exposure count (PV) and no add-to-cart figure, so ExposurePV comes
// from the merchant's own tracking or stays zero, and AddToCartUV from its
// own tracking or stays nil: nil means not tracked, which makes
// [MetricAddToCart] undefined, while a tracked zero is a real 0%. The
// compass's own click_to_pay_uv_ratio is a float of unstated unit; the
// package recomputes click conversion from the counts instead.
type Traffic struct {
	VisitorUV   int64     `json:"visitor_uv"`     // 访客数: distinct visitors to the store or products
	PageViews   int64     `json:"page_views"`     // 浏览量 (PV): page views
	ExposureUV  int64     `json:"exposure_uv"`    // 商品曝光人数
	ExposurePV  int64     `json:"exposure_pv"`    // 商品曝光次数
	ClickUV     int64     `json:"click_uv"`       // 商品点击人数 (compass product_click_uv)
	ClickPV     int64     `json:"click_pv"`       // 商品点击次数 (compass product_click_cnt)
	AddToCartUV *int64    `json:"add_to_cart_uv"` // 加购人数, from the merchant's own tracking (the platform has none); nil when not tracked
	ViewPV      int64     `json:"view_pv"`        // 观看次数 of the period's videos and live streams, for GPM
	ViewUV      int64     `json:"view_uv"`        // 观看人数 (e.g. live new_watch_uv), for GPM(UV)
	AdSpendFen  vcart.Fen `json:"ad_spend_fen"`   // 投放消耗 in fen, for ROI (精准投放)
}

// addToCart returns AddToCartUV, or 0 when it is not tracked.
func (t Traffic) addToCart() int64 {
	if t.AddToCartUV == nil {
		return 0
	}
	return *t.AddToCartUV
}

// validate reports every negative count at once.
func (t Traffic) validate() error {
	var p []vcart.FieldError
	for _, f := range []struct {
		name string
		v    int64
	}{
		{"visitor_uv", t.VisitorUV}, {"page_views", t.PageViews},
		{"exposure_uv", t.ExposureUV}, {"exposure_pv", t.ExposurePV},
		{"click_uv", t.ClickUV}, {"click_pv", t.ClickPV},
		{"add_to_cart_uv", t.addToCart()}, {"view_pv", t.ViewPV}, {"view_uv", t.ViewUV},
		{"ad_spend_fen", int64(t.AdSpendFen)},
	} {
		if f.v < 0 {
			p = append(p, vcart.FieldError{Field: "traffic." + f.name, Code: "traffic.negative", Msg: fmt.Sprintf("negative count %d", f.v)})
		}
	}
	return vcart.NewValidationError(p)
}

// Period is the half-open interval [Start, End) a report covers.
type Period struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Week returns the calendar week (Monday 00:00 to the next Monday 00:00)
// containing t, in t's location. Pass a time in Asia/Shanghai (or a fixed
// UTC+8 zone) for the platform's weeks.
func Week(t time.Time) Period {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	back := (int(day.Weekday()) + 6) % 7 // days since Monday
	start := day.AddDate(0, 0, -back)
	return Period{Start: start, End: start.AddDate(0, 0, 7)}
}

// Contains reports whether t is in [Start, End).
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start) && t.Before(p.End)
}

// String formats the period as "2026-03-02 – 2026-03-08" (the last day
// shown is the day before End) when it covers whole days, and with times
// otherwise.
func (p Period) String() string {
	if isMidnight(p.Start) && isMidnight(p.End) {
		return p.Start.Format(time.DateOnly) + " – " + p.End.AddDate(0, 0, -1).Format(time.DateOnly)
	}
	return p.Start.Format(time.DateTime) + " – " + p.End.Format(time.DateTime)
}

func isMidnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}

func (p Period) validate() error {
	var fe []vcart.FieldError
	if p.Start.IsZero() || p.End.IsZero() {
		fe = append(fe, vcart.FieldError{Field: "period", Code: "period.missing", Msg: "the period needs a start and an end"})
	} else if !p.End.After(p.Start) {
		fe = append(fe, vcart.FieldError{Field: "period.end", Code: "period.empty", Msg: "the period ends before it starts"})
	}
	return vcart.NewValidationError(fe)
}
