package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// marketingDemo runs a small campaign on the in-memory fake: a 满减 coupon
// created, received and used on an order, the basket priced offline with
// the fees quoted on the discounted amount, the order settled and its fees
// reconciled,
// then a member's points increased once despite a lost answer and a retry,
// and the member's grade set from the SDK's tier rules.
func marketingDemo(w io.Writer) error {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		return err
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithRetry(3, time.Millisecond, time.Millisecond))

	// A 店铺满减 coupon: ¥20 off from ¥100, a week.
	at := now.Unix()
	spec := &shopapi.CouponSpec{Type: shopapi.CouponShopThreshold, CouponInfo: shopapi.CouponInfo{
		Name:         "满100减20",
		PromoteInfo:  shopapi.CouponPromoteInfo{PromoteType: shopapi.PromoteInShop},
		DiscountInfo: &shopapi.CouponDiscount{Fee: 2000, Condition: &shopapi.CouponCondition{ProductPrice: 10000}},
		ReceiveInfo:  shopapi.CouponReceiveInfo{StartTime: at, EndTime: at + 7*86400, LimitNumOnePerson: 1, TotalNum: 500},
		ValidInfo:    shopapi.CouponValidity{ValidType: shopapi.ValidTimeRange, StartTime: at, EndTime: at + 7*86400},
	}}
	id, _, err := c.Coupons.Create(ctx, spec)
	if err != nil {
		return err
	}
	if _, err := c.Coupons.UpdateStatus(ctx, id, shopapi.CouponStatusValid); err != nil {
		return err
	}
	fmt.Fprintf(w, "coupon %s (%s) created and started\n", spec.Name, spec.Type)

	// The basket, priced offline, and the payment fees on what the buyer pays.
	lines := []shopapi.BasketLine{{ProductID: "10000000000000001", SKUID: "20000000000000001", PriceFen: 3990, Count: 3}}
	price, err := shopapi.PriceBasket(shopapi.PriceRequest{Coupon: *spec, Lines: lines, At: now})
	if err != nil {
		return err
	}
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		return err
	}
	q, err := price.Quote(calc, fees.MethodWeChatPay, vcart.CategoryGeneral, now)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "basket %s − coupon %s = %s; WeChat Pay fee %s, net %s\n", vcart.FromFen(price.SubtotalFen).Format(),
		vcart.FromFen(price.DiscountFen).Format(), vcart.FromFen(price.TotalFen).Format(), q.MerchantFees().String(), q.Net().String())

	// The buyer receives the coupon and uses it on the order.
	uc, err := srv.ReceiveCoupon("o-buyer", id)
	if err != nil {
		return err
	}
	order, _, err := srv.CreatePromoOrder(shopapitest.NewOrder{OpenID: "o-buyer", Lines: []shopapitest.OrderLine{
		{ProductID: lines[0].ProductID, SKUID: lines[0].SKUID, Count: 3, UnitPriceFen: 3990}}},
		shopapitest.Promo{UserCouponID: uc})
	if err != nil {
		return err
	}
	// Paid, shipped, received and settled; then reconciled against package fees.
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder} {
		if err := step(order); err != nil {
			return err
		}
	}
	o, _, err := c.Orders.Get(ctx, order)
	if err != nil {
		return err
	}
	paid := int64(o.Detail.PriceInfo.OrderPrice)
	table := &shopapi.ServiceFeeSchedule{Version: "demo-2026", Source: "the provider's own rate table", Default: fees.BasisPoints(500)}
	chk, err := shopapi.CheckOrderFees(calc, o, vcart.CategoryGeneral, table)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "order %s, paid %s: matches the priced basket: %t; payment fee as quoted: %t\n", o.Status,
		vcart.FromFen(paid).Format(), paid == q.GrossFen, chk.PayFee.MerchantFeeFen == q.MerchantFeeFen)
	fmt.Fprintf(w, "技术服务费 expected %s, platform charged %s (match %t); expected net %s\n",
		vcart.FromFen(chk.ExpectedServiceFeeFen).Format(), vcart.FromFen(chk.ReportedServiceFeeFen).Format(), chk.OK(0),
		vcart.FromFen(chk.ExpectedNetFen).Format())
	u, _, err := c.Coupons.GetUserCoupon(ctx, "o-buyer", uc)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "user coupon %s on the order, discount %s\n", u.UserCoupon.Status, vcart.FromFen(u.UserCoupon.DiscountFee).Format())

	// Points for the order: the first answer is lost, the client retries
	// with the same request_id, and the platform applies it once.
	if err := srv.JoinMember("o-buyer", 4900); err != nil {
		return err
	}
	srv.InjectFault("/channels/ec/vip/user/score/increase", shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
	resp, err := c.Members.IncreaseScore(ctx, &shopapi.ScoreChange{OpenID: "o-buyer", Score: paid / 100,
		Remark: "订单积分", RequestID: "points-" + string(order)})
	if err != nil {
		return err
	}
	score, _, err := c.Members.Score(ctx, "o-buyer")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "points +%d in %d attempts: balance %d (applied once)\n", paid/100, resp.Attempts, score)

	// The SDK's tier rules drive the platform grade.
	srv.SetMemberGrades(4)
	g, err := c.Members.SyncGrade(ctx, "o-buyer", kpi.SeedMemberProgram(), shopapi.DefaultGradeMap())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "growth 4900 → tier %s: grade %d (was %d, updated %t)\n", g.Tier.ChineseName, g.To, g.From, g.Changed)
	return nil
}
