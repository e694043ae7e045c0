package shopapi_test

import (
	"context"
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// A product is pre-reviewed in one call before Products.Add: the finding
// points at the offending text in characters, as a UI highlights it.
func ExampleReviewListing() {
	reviewer, err := review.New()
	if err != nil {
		panic(err)
	}
	p := &shopapi.Product{
		Title:    "云南高山手剥核桃 全网最低价",
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2", "https://mmecimage.cn/p/wxshop/3"},
		SKUs:     []shopapi.SKU{{OutSKUID: "walnut-500-bag", SalePrice: 3990, MarketPrice: 5990, StockNum: 100}},
	}
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	res := reviewer.Review(shopapi.ReviewListing(p, vcart.CategoryGeneral), at)
	fmt.Println(res.Verdict)
	for _, f := range res.Findings {
		if f.Textual() {
			fmt.Printf("%s %s characters [%d:%d] %q\n", f.Code, f.Field, f.RuneStart, f.RuneEnd, f.Text)
		}
	}
	// Output:
	// would be rejected
	// content.adlaw.block title characters [9:12] "全网最"
	// content.adlaw.block title characters [11:14] "最低价"
}

// A week's orders, each read with its after-sales and mapped to kpi.Order
// in one call, feed the weekly report.
func ExampleClient_KPIOrdersCreated() {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	for _, fen := range []int64{12900, 5900} {
		id, _ := srv.CreateOrder(shopapitest.NewOrder{OpenID: "o_buyer", Lines: []shopapitest.OrderLine{
			{ProductID: "10000000000000001", SKUID: "20000000000000001", Count: 1, UnitPriceFen: fen}}})
		_ = srv.PayOrder(id)
	}

	week := kpi.Week(now)
	agg, err := kpi.NewAggregator(week, week.End, kpi.Config{})
	if err != nil {
		panic(err)
	}
	for k, err := range c.KPIOrdersCreated(ctx, week) {
		if err != nil {
			panic(err)
		}
		if err := agg.Add(&k); err != nil {
			panic(err)
		}
	}
	r, err := agg.Report(kpi.Traffic{})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Orders.Paid, "paid orders, GMV", r.Orders.GMVFen)
	// Output:
	// 2 paid orders, GMV ¥188.00
}
