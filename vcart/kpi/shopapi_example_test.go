package kpi_test

import (
	"context"
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// kpiOrder maps an order tree from the shop API (order/get) to a
// [kpi.Order]. The kpi package stays pure and never imports shopapi; this
// glue lives in the caller. The mapping:
//
//   - ID ← order_id
//   - BuyerID ← openid
//   - CreatedAt ← create_time
//   - PaidAt ← order_detail.pay_info.pay_time (zero while unpaid)
//   - AmountFen ← order_detail.price_info.order_price (freight included),
//     only once paid
//   - RefundFen ← the sum of refund_info.amount of the order's after-sales
//     (aftersale_detail.aftersale_order_list, read with aftersale/get)
//     whose status is a completed refund, plus
//     order_detail.refund_info.refund_freight, capped at AmountFen
//   - ShippedAt ← the earliest
//     order_detail.delivery_info.delivery_product_info[].delivery_time
//   - FreightInsurance ← any line's extra_service.freight_insurance
//     ([shopapi.OrderDetail.HasFreightInsurance]).
func kpiOrder(ctx context.Context, c *shopapi.Client, o *shopapi.Order) (kpi.Order, error) {
	k := kpi.Order{ID: vcart.OrderID(o.OrderID), BuyerID: o.OpenID, CreatedAt: o.Created(), FreightInsurance: o.Detail.HasFreightInsurance()}
	d := &o.Detail
	if d.PayInfo != nil && d.PayInfo.PayTime != 0 {
		k.PaidAt = d.PayInfo.Paid()
		k.AmountFen = int64(d.PriceInfo.OrderPrice)
	}
	if d.DeliveryInfo != nil {
		for _, p := range d.DeliveryInfo.DeliveryProductInfo {
			t := time.Unix(int64(p.DeliveryTime), 0).UTC()
			if p.DeliveryTime != 0 && (k.ShippedAt.IsZero() || t.Before(k.ShippedAt)) {
				k.ShippedAt = t
			}
		}
	}
	if o.AftersaleDetail != nil {
		for _, ref := range o.AftersaleDetail.AftersaleOrderList {
			a, _, err := c.Aftersales.Get(ctx, ref.AftersaleOrderID)
			if err != nil {
				return kpi.Order{}, err
			}
			if a.Status.Refunded() {
				k.RefundFen += int64(a.RefundInfo.Amount)
			}
		}
	}
	if d.RefundInfo != nil {
		k.RefundFen += int64(d.RefundInfo.RefundFreight)
	}
	k.RefundFen = min(k.RefundFen, k.AmountFen)
	return k, nil
}

// Lists a week's orders from the shop API (here the in-memory fake),
// maps each to a kpi.Order and aggregates them: the order refunded in full
// before shipping is "cancelled", not overdue.
func Example_shopapiOrders() {
	cst := vcart.Shanghai()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, cst)
	srv := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	defer srv.Close()
	ctx := context.Background()
	c := srv.Client()

	line := func(sku string, fen int64) shopapitest.NewOrder {
		return shopapitest.NewOrder{OpenID: "buyer-" + sku, Lines: []shopapitest.OrderLine{
			{ProductID: "10000000000000001", SKUID: "2000000000000000" + sku, Count: 1, UnitPriceFen: fen}}}
	}
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	// Shipped within 48 hours.
	shipped, err := srv.CreateOrder(line("1", 12900))
	must(err)
	must(srv.PayOrder(shipped))
	// Paid, never shipped: overdue by the end of the week.
	now = now.Add(time.Hour)
	late, err := srv.CreateOrder(line("2", 5900))
	must(err)
	must(srv.PayOrder(late))
	// Paid, then refunded in full before shipping.
	now = now.Add(time.Hour)
	refunded, err := srv.CreateOrder(line("3", 3990))
	must(err)
	must(srv.PayOrder(refunded))
	as, err := srv.OpenAftersale(refunded, shopapitest.NewAftersale{SKUID: "20000000000000003"})
	must(err)
	_, err = c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: shopapi.ID(as)})
	must(err)
	// Never paid.
	_, err = srv.CreateOrder(line("4", 8800))
	must(err)
	now = now.Add(20 * time.Hour)
	must(srv.ShipAll(shipped))

	week := kpi.Week(now)
	at := week.End
	agg, err := kpi.NewAggregator(week, at, kpi.Config{DedupOrders: true})
	must(err)
	for id, err := range c.Orders.ListIter(ctx, &shopapi.OrderListOptions{
		CreateTime: &shopapi.Window{Start: week.Start, End: week.End}}) {
		must(err)
		o, _, err := c.Orders.Get(ctx, id)
		must(err)
		k, err := kpiOrder(ctx, c, o)
		must(err)
		must(agg.Add(&k))
	}
	r, err := agg.Report(kpi.Traffic{})
	must(err)
	o, s := r.Orders, r.Service
	fmt.Printf("orders: %d submitted, %d paid, GMV %s, refunds %s\n",
		o.Submitted, o.Paid, vcart.Fen(o.GMVFen).String(), vcart.Fen(o.RefundFen).String())
	fmt.Printf("shipping: on time %d, late %d, overdue %d, pending %d, cancelled before shipping %d\n",
		s.OnTime, s.Late, s.Overdue, s.Pending, s.Cancelled)
	// Output:
	// orders: 4 submitted, 3 paid, GMV ¥227.90, refunds ¥39.90
	// shipping: on time 1, late 0, overdue 1, pending 0, cancelled before shipping 1
}
