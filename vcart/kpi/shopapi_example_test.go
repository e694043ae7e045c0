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

// Lists a week's orders from the shop API (here the in-memory fake), each
// mapped to a kpi.Order by one SDK call (shopapi's Client.KPIOrdersCreated,
// which also reads the after-sales), and aggregates them: the order
// refunded in full before shipping is "cancelled", not overdue.
func Example_shopapiOrders() {
	cst := vcart.Shanghai()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, cst)
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	ctx := context.Background()
	c := srv.Client()

	line := func(sku string, fen int64) shopapitest.NewOrder {
		return shopapitest.NewOrder{OpenID: "buyer-" + sku, Lines: []shopapitest.OrderLine{
			{ProductID: "10000000000000001", SKUID: vcart.ID("2000000000000000" + sku), Count: 1, UnitPriceFen: fen}}}
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
	_, err = c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: as})
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
	for k, err := range c.KPIOrdersCreated(ctx, week) {
		must(err)
		must(agg.Add(&k))
	}
	r, err := agg.Report(kpi.Traffic{})
	must(err)
	o, s := r.Orders, r.Service
	fmt.Printf("orders: %d submitted, %d paid, GMV %s, refunds %s\n",
		o.Submitted, o.Paid, o.GMVFen, o.RefundFen)
	fmt.Printf("shipping: on time %d, late %d, overdue %d, pending %d, cancelled before shipping %d\n",
		s.OnTime, s.Late, s.Overdue, s.Pending, s.Cancelled)
	// Output:
	// orders: 4 submitted, 3 paid, GMV ¥227.90, refunds ¥39.90
	// shipping: on time 1, late 0, overdue 1, pending 0, cancelled before shipping 1
}
