package shopapi

import (
	"context"
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
)

// The compass feeds vcart/kpi (the pure metrics package, which never
// imports this one): [CompassService.Days] reads a period's days and
// [KPIInputs] maps them to kpi's period totals and traffic, so that
// kpi.ReportFromTotals grades the platform's own figures.
//
// Which seed metrics (seed §五) the compass provides:
//
//   - provided: GMV (pay_gmv), paid orders (pay_order_cnt), paying buyers
//     (pay_uv), ordering buyers (create_uv) and submitted orders
//     (create_cnt), refunds (pay_refund_gmv, pay_refund_cnt), product
//     clicks (product_click_uv / product_click_cnt), hence 点击转化率
//     (click-to-pay), 支付成功率, 客单价, refund rates;
//   - not provided: exposure (曝光, so no CTR), add-to-cart (加购), store
//     visitors (访客数, so no UV value or visit conversion), views of videos
//     and lives for GPM, ad spend for ROI. Those come from the merchant's
//     own tracking or the ads platform; set them on the returned
//     kpi.Traffic before building the report, or leave them 0 (the
//     metrics are then undefined, never 0%);
//   - T+1: a day's figures exist the next day, so a weekly report runs
//     after the week (Days refuses days that are not over);
//   - pay_gmv_per_uv (成交客单价) is net of refunds, while kpi's 客单价 is
//     gross GMV ÷ paying buyers: the report is computed from the gross
//     totals, not from pay_gmv_per_uv.
//
// Summing days has limits the report inherits: paying and ordering buyers
// are distinct per day, so a buyer who pays on two days counts twice in
// the week; create_cnt and create_uv are summed over products (the shop
// overview has no order-creation figures), so an order of two products
// counts twice as submitted.

// CompassDayFigures is one compass day of the shop: the overview and the
// product list.
type CompassDayFigures struct {
	DS       string
	Overall  CompassShopOverall
	Products []CompassShopProduct
}

// Days reads the shop overview and product list of every day of period
// (whole days in China time, [start, end)). Because the compass is T+1, a
// day that is not over by the client's clock is a validation error, as is
// a period that does not start at midnight China time or spans more than
// 31 days.
//
// WeChat API: POST /channels/ec/compass/shop/overall/get
// WeChat API: POST /channels/ec/compass/shop/product/list/get
func (s *CompassService) Days(ctx context.Context, period kpi.Period) ([]CompassDayFigures, error) {
	start, end := period.Start.In(compassZone), period.End.In(compassZone)
	today := s.client.cfg.now().In(compassZone)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, compassZone)
	var p []vcart.FieldError
	midnight := func(t time.Time) bool {
		return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
	}
	if !midnight(start) || !midnight(end) {
		p = append(p, vcart.FieldError{Field: "period", Code: "period.days", Msg: "must start and end at midnight China time"})
	}
	if !end.After(start) || end.Sub(start) > 31*24*time.Hour {
		p = append(p, vcart.FieldError{Field: "period", Code: "period.range", Msg: "must span 1..31 days"})
	}
	if end.After(today) {
		p = append(p, vcart.FieldError{Field: "period.end", Code: "period.t_plus_1",
			Msg: fmt.Sprintf("the compass is T+1: days from %s on are not available yet", CompassDay(today))})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("read compass days", err)
	}
	var out []CompassDayFigures
	for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
		ds := CompassDay(d)
		o, _, err := s.ShopOverall(ctx, ds)
		if err != nil {
			return nil, err
		}
		ps, _, err := s.ShopProducts(ctx, ds)
		if err != nil {
			return nil, err
		}
		out = append(out, CompassDayFigures{DS: ds, Overall: *o, Products: ps})
	}
	return out, nil
}

// KPIInputs maps compass days to kpi's period totals and traffic:
//
//   - Submitted ← Σ products' create_cnt; OrderingBuyers ← Σ products'
//     create_uv (no shop-level figure exists);
//   - Paid ← Σ pay_order_cnt; PayingBuyers ← Σ pay_uv; GMVFen ← Σ pay_gmv
//     (gross) of the overview;
//   - RefundFen ← Σ pay_refund_gmv of the overview; Refunded ← Σ products'
//     pay_refund_cnt;
//   - ClickUV ← Σ product_click_uv of the overview, ClickPV ← Σ products'
//     product_click_cnt.
//
// Everything else of kpi.Traffic stays 0 (see above). Sums that cannot be
// totals (negative figures) are reported at once as a
// [*vcart.ValidationError]; kpi.ReportFromTotals checks the totals'
// consistency.
func KPIInputs(days []CompassDayFigures) (kpi.OrderCounts, kpi.Traffic, error) {
	var c kpi.OrderCounts
	var t kpi.Traffic
	var p []vcart.FieldError
	add := func(dst *int64, v Int64, field string) {
		if v < 0 {
			p = append(p, vcart.FieldError{Field: field, Code: "compass.negative", Msg: "negative figure"})
			return
		}
		*dst += int64(v)
	}
	for i, d := range days {
		at := func(f string) string { return fmt.Sprintf("days[%d].%s", i, f) }
		add(&c.Paid, d.Overall.PayOrderCnt, at("pay_order_cnt"))
		add(&c.PayingBuyers, d.Overall.PayUV, at("pay_uv"))
		add((*int64)(&c.GMVFen), d.Overall.PayGMV, at("pay_gmv"))
		add((*int64)(&c.RefundFen), d.Overall.PayRefundGMV, at("pay_refund_gmv"))
		add(&t.ClickUV, d.Overall.ProductClickUV, at("product_click_uv"))
		for j, pr := range d.Products {
			pf := func(f string) string { return fmt.Sprintf("days[%d].products[%d].%s", i, j, f) }
			add(&c.Submitted, pr.Data.CreateCnt, pf("create_cnt"))
			add(&c.OrderingBuyers, pr.Data.CreateUV, pf("create_uv"))
			add(&c.Refunded, pr.Data.PayRefundCnt, pf("pay_refund_cnt"))
			add(&t.ClickPV, pr.Data.ProductClickCnt, pf("product_click_cnt"))
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return kpi.OrderCounts{}, kpi.Traffic{}, err
	}
	return c, t, nil
}

// KPIReport reads the period's compass days and builds kpi's report from
// them (kpi.ReportFromTotals), with the extra traffic the compass does not
// have (visitors, exposure, add-to-cart, views, ad spend) taken from
// extra; extra's click counts are ignored in favour of the compass's.
func (s *CompassService) KPIReport(ctx context.Context, period kpi.Period, at time.Time, extra kpi.Traffic, cfg kpi.Config) (*kpi.Report, []CompassDayFigures, error) {
	days, err := s.Days(ctx, period)
	if err != nil {
		return nil, nil, err
	}
	totals, t, err := KPIInputs(days)
	if err != nil {
		return nil, days, errorf("compass report", err)
	}
	extra.ClickUV, extra.ClickPV = t.ClickUV, t.ClickPV
	r, err := kpi.ReportFromTotals(period, at, totals, extra, cfg)
	if err != nil {
		return nil, days, errorf("compass report", err)
	}
	return r, days, nil
}

// KPIDailyGMV returns the days' GMV (pay_gmv, fen) in order, for a trend
// chart.
func KPIDailyGMV(days []CompassDayFigures) []int64 {
	out := make([]int64, len(days))
	for i, d := range days {
		out[i] = int64(d.Overall.PayGMV)
	}
	return out
}

// KPIProductFigures sums the days' product lists into kpi's inputs for
// data-driven product selection (kpi.Suggest), one entry per product in
// order of first appearance:
//
//   - PriceFen ← the latest day's price; ClickUV ← Σ product_click_uv
//     (daily distinct people summed); PayUV ← Σ pay_uv; GMVFen ← Σ pay_gmv;
//     RefundFen ← Σ pay_refund_gmv;
//   - MarginFen ← Σ seller_predict_settle_amount (GMV after the platform's
//     and talents' commissions) − Σ pay_refund_gmv − unitCostFen[id] ×
//     (Σ pay_product_cnt − Σ pay_refund_product_cnt), an estimate: the
//     compass predicts settlement before refunds are final.
//
// Exposure (ExposureUV) is left 0: the compass has none. A product without
// a cost in unitCostFen is costed at 0 (its margin is then an upper bound).
func KPIProductFigures(days []CompassDayFigures, unitCostFen map[ID]int64) []kpi.ProductFigures {
	var out []kpi.ProductFigures
	at := map[ID]int{}
	for _, d := range days {
		for _, p := range d.Products {
			i, ok := at[p.ProductID]
			if !ok {
				i = len(out)
				at[p.ProductID] = i
				out = append(out, kpi.ProductFigures{ProductID: vcart.ProductID(p.ProductID)})
			}
			f, x := &out[i], p.Data
			f.Title, f.PriceFen = p.Title, int64(p.Price)
			f.ClickUV += int64(x.ProductClickUV)
			f.PayUV += int64(x.PayUV)
			f.GMVFen += int64(x.PayGMV)
			f.RefundFen += int64(x.PayRefundGMV)
			kept := int64(x.PayProductCnt) - int64(x.PayRefundProductCnt)
			f.MarginFen += int64(x.SellerPredictSettleAmount) - int64(x.PayRefundGMV) - unitCostFen[p.ProductID]*kept
		}
	}
	return out
}
