package shopapi_test

import (
	"context"
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

var marketingNow = time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())

// threshold returns a 店铺满减 coupon: feeFen off from thresholdFen, valid a
// week from now.
func threshold(name string, thresholdFen, feeFen int64) *shopapi.CouponSpec {
	now := marketingNow.Unix()
	return &shopapi.CouponSpec{Type: shopapi.CouponShopThreshold, CouponInfo: shopapi.CouponInfo{
		Name:         name,
		PromoteInfo:  shopapi.CouponPromoteInfo{PromoteType: shopapi.PromoteInShop},
		DiscountInfo: &shopapi.CouponDiscount{Fee: feeFen, Condition: &shopapi.CouponCondition{ProductPrice: thresholdFen}},
		ReceiveInfo:  shopapi.CouponReceiveInfo{StartTime: now, EndTime: now + 7*86400, LimitNumOnePerson: 1, TotalNum: 1000},
		ValidInfo:    shopapi.CouponValidity{ValidType: shopapi.ValidTimeRange, StartTime: now, EndTime: now + 7*86400},
	}}
}

// Creates a 满减 coupon, starts it, lets a buyer receive it and use it on
// an order, and reads the buyer's coupon back.
func ExampleCouponService_Create() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return marketingNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	id, _, err := c.Coupons.Create(ctx, threshold("满100减20", 10000, 2000))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.Coupons.UpdateStatus(ctx, id, shopapi.CouponStatusValid); err != nil {
		fmt.Println(err)
		return
	}
	userCoupon, _ := srv.ReceiveCoupon("o-buyer", id) // the buyer taps 领取
	order, price, err := srv.CreatePromoOrder(shopapitest.NewOrder{OpenID: "o-buyer", Lines: []shopapitest.OrderLine{
		{ProductID: "10000000000000001", SKUID: "20000000000000001", Count: 3, UnitPriceFen: 3990}}},
		shopapitest.Promo{UserCouponID: userCoupon})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("basket", vcart.FromFen(price.SubtotalFen).Format(), "discount", vcart.FromFen(price.DiscountFen).Format(),
		"pays", vcart.FromFen(price.TotalFen).Format())
	u, _, _ := c.Coupons.GetUserCoupon(ctx, "o-buyer", userCoupon)
	fmt.Println(u.UserCoupon.Status, u.UserCoupon.OrderID == order, vcart.FromFen(u.UserCoupon.DiscountFee).Format())
	cp, _, _ := c.Coupons.Get(ctx, id)
	fmt.Println(cp.CouponInfo.Name, cp.Type, cp.Status, "used", cp.StockInfo.UsedNum)
	// Output:
	// basket ¥119.70 discount ¥20.00 pays ¥99.70
	// 已使用 true ¥20.00
	// 满100减20 店铺满减券 生效 used 1
}

// Prices a basket with a coupon offline, exactly in fen, and quotes the
// payment fees on the discounted amount.
func ExamplePriceBasket() {
	now := marketingNow.Unix()
	rate := shopapi.CouponSpec{Type: shopapi.CouponProductDiscount, CouponInfo: shopapi.CouponInfo{
		Name:        "核桃8.5折",
		PromoteInfo: shopapi.CouponPromoteInfo{PromoteType: shopapi.PromoteInShop},
		DiscountInfo: &shopapi.CouponDiscount{Num: 8500, // 8.5折
			Condition: &shopapi.CouponCondition{ProductIDs: []shopapi.ID{"walnut"}}},
		ReceiveInfo: shopapi.CouponReceiveInfo{StartTime: now, EndTime: now + 86400, LimitNumOnePerson: 1, TotalNum: 100},
		ValidInfo:   shopapi.CouponValidity{ValidType: shopapi.ValidDays, ValidDayNum: 3},
	}}
	p, err := shopapi.PriceBasket(shopapi.PriceRequest{Coupon: rate, At: marketingNow, ReceivedAt: marketingNow.Add(-time.Hour),
		Lines: []shopapi.BasketLine{{ProductID: "walnut", PriceFen: 3333, Count: 3}, {ProductID: "tea", PriceFen: 12800, Count: 1}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("covered", vcart.FromFen(p.EligibleFen).Format(), "discount", vcart.FromFen(p.DiscountFen).Format(),
		"pays", vcart.FromFen(p.TotalFen).Format())
	calc, _ := fees.NewCalculator(fees.SeedSchedule())
	q, err := p.Quote(calc, fees.MethodWeChatPay, vcart.CategoryGeneral, marketingNow)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("fee", q.MerchantFees().String(), "net", q.Net().String())
	// Output:
	// covered ¥99.99 discount ¥14.99 pays ¥213.00
	// fee ¥1.28 net ¥211.72
}

// Checks a flash sale against the product's prices before adding it; the
// fake's orders pay the flash price during the window only.
func ExampleFlashSaleService_Add() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return marketingNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	res, _, _ := c.Products.Add(ctx, exampleProduct(), true)
	_ = srv.ApproveAudit(res.ProductID)
	p, _, _ := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	sku := p.Product.SKUs[0]
	prices := map[shopapi.ID]int64{sku.SKUID: sku.SalePrice}
	now := marketingNow.Unix()

	greedy := shopapi.FlashSaleTask{ProductID: res.ProductID, StartTime: now, EndTime: now + 2*86400,
		SKUs: []shopapi.FlashSaleSKU{{SKUID: sku.SKUID, SalePrice: 3790, SaleStock: 20}}}
	fmt.Println(shopapi.CheckFlashSale(greedy, prices, nil))

	task := shopapi.FlashSaleTask{ProductID: res.ProductID, StartTime: now, EndTime: now + 3600,
		SKUs: []shopapi.FlashSaleSKU{{SKUID: sku.SKUID, SalePrice: 2990, SaleStock: 20}}}
	if err := shopapi.CheckFlashSale(task, prices, nil); err != nil {
		fmt.Println(err)
		return
	}
	if _, _, err := c.FlashSales.Add(ctx, &task); err != nil {
		fmt.Println(err)
		return
	}
	price, ok := srv.FlashPrice(res.ProductID, sku.SKUID)
	fmt.Println("flash price", vcart.FromFen(price).Format(), ok)
	// Output:
	// vcart: validation failed: end_time: a flash sale lasts at most 24 hours (range); limited_discount_skus[0].sale_price: must be 1–8.5折 of the SKU's price (rate); limited_discount_skus[0].sale_price: must be at least ¥10 below the SKU's price (reduction)
	// flash price ¥29.90 true
}

// Turns stock of an on-sale product into a gift and gives it with every
// purchase of the product.
func ExampleGiftService_AddActivity() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return marketingNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	res, _, _ := c.Products.Add(ctx, exampleProduct(), true)
	_ = srv.ApproveAudit(res.ProductID)
	p, _, _ := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)

	g, _, err := c.Gifts.FromProduct(ctx, res.ProductID, []shopapi.GiftSKUStock{{SKUID: p.Product.SKUs[0].SKUID, StockNum: 10}})
	if err != nil {
		fmt.Println(err)
		return
	}
	now := marketingNow.Unix()
	_, _, err = c.Gifts.AddActivity(ctx, &shopapi.GiftActivity{Title: "买一送一", StartTime: shopapi.Int64(now), EndTime: shopapi.Int64(now + 7*86400),
		Detail: shopapi.GiftActivityDetail{
			MainProducts: []shopapi.GiftMainProduct{{ProductID: res.ProductID}},
			GiftSet:      shopapi.GiftSet{GiftItems: []shopapi.GiftItem{{GiftID: g.GiftProductID, GiveNum: 1}}, GiftSetNum: 10},
			ReceiveLimit: shopapi.GiftReceiveLimit{IsLimited: true, LimitNum: 1}}})
	fmt.Println(err)
	n, _ := srv.GiftStock(g.GiftProductID, g.SKUMappings[0].GiftSKUID)
	fmt.Println("gift stock", n)
	// Output:
	// <nil>
	// gift stock 10
}

// Adds points for a business event: the request_id makes the change
// idempotent, so a retry (here the caller's own) applies it once.
func ExampleMemberService_IncreaseScore() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return marketingNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	_ = srv.JoinMember("o-member", 0)
	change := &shopapi.ScoreChange{OpenID: "o-member", Score: 120, Remark: "订单积分", RequestID: "order-4200001-points"}
	for range 2 {
		if _, err := c.Members.IncreaseScore(ctx, change); err != nil {
			fmt.Println(err)
			return
		}
	}
	score, _, _ := c.Members.Score(ctx, "o-member")
	flow, _, _ := c.Members.ScoreFlow(ctx, "o-member", 1, 10)
	fmt.Println("score", score, "flow entries", flow.TotalNum)
	// Output:
	// score 120 flow entries 1
}

// Lets the SDK's tier rules (vcart/kpi) drive a member's platform grade.
func ExampleMemberService_SyncGrade() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	_ = srv.JoinMember("o-member", 5200) // growth value 5200: 黄金
	s, err := c.Members.SyncGrade(context.Background(), "o-member", kpi.SeedMemberProgram(), shopapi.DefaultGradeMap())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Tier.ChineseName, s.From, "→", s.To, s.Changed)
	// Output:
	// 黄金 1 → 3 true
}

// Reads the orders a sharer brought and reports the sharer's sales with
// vcart/kpi.
func ExampleSharerService_Orders() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return marketingNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	if _, _, err := c.Sharers.Bind(ctx, "alice_wx"); err != nil {
		fmt.Println(err)
		return
	}
	_ = srv.ScanSharerInvite("alice_wx", "o-alice", "Alice") // Alice scans the invitation
	for _, n := range []int64{1, 2} {
		order, _, _ := srv.CreatePromoOrder(shopapitest.NewOrder{OpenID: "o-buyer", Lines: []shopapitest.OrderLine{
			{ProductID: "10000000000000001", SKUID: "20000000000000001", Count: n, UnitPriceFen: 3990}}},
			shopapitest.Promo{SharerOpenID: "o-alice", ShareScene: 3})
		_ = srv.PayOrder(order)
	}
	list, _, err := c.Sharers.Orders(ctx, &shopapi.SharerOrderOptions{OpenID: "o-alice", Page: 1, PageSize: 100})
	if err != nil {
		fmt.Println(err)
		return
	}
	orders, missing := shopapi.SharerSales(list, func(id shopapi.ID) (kpi.Order, bool) {
		o, _, err := c.Orders.Get(ctx, id)
		if err != nil {
			return kpi.Order{}, false
		}
		return shopapi.KPIOrder(o, nil), true
	})
	report, err := kpi.SalesBySharer(kpi.Week(marketingNow), orders)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(missing), report[0].SharerID, report[0].PaidOrders, report[0].GMVFen.String())
	// Output:
	// 0 o-alice 2 ¥119.70
}
