package shopapitest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// fixedNow is the examples' clock: a manual clock makes the fake
// deterministic (order ids, timestamps, timers).
var fixedNow = time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())

// walnuts is a product the fake accepts.
func walnuts() *shopapi.Product {
	return &shopapi.Product{
		OutProductID: "walnut-500",
		Title:        "云南高山手剥核桃 500g",
		HeadImgs:     []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2", "https://mmecimage.cn/p/wxshop/3"},
		Cats:         shopapitest.CatsFor(shopapitest.CatNuts),
		SKUs:         []shopapi.SKU{{OutSKUID: "walnut-500-bag", SalePrice: 3990, MarketPrice: 5990, StockNum: 100}},
	}
}

// oneLine is an order of one item at ¥39.90.
func oneLine() shopapitest.NewOrder {
	return shopapitest.NewOrder{OpenID: "o_buyer", Lines: []shopapitest.OrderLine{
		{ProductID: "23423523452345235", SKUID: "23423523452345301", Count: 1, UnitPriceFen: 3990}}}
}

// paidOrder creates and pays an order.
func paidOrder(srv *shopapitest.Server) vcart.ID {
	id, err := srv.CreateOrder(oneLine())
	if err != nil {
		panic(err)
	}
	if err := srv.PayOrder(id); err != nil {
		panic(err)
	}
	return id
}

func status(srv *shopapitest.Server, id vcart.ID) shopapi.OrderStatus {
	st, _ := srv.OrderStatus(id)
	return st
}

// The package in brief: the fake is the platform for a program or a test.
// The client talks to it over HTTP as it would to the real API, and the
// Server methods play the platform's side: its reviewer, the buyer, time.
func Example() {
	now := fixedNow
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	res, _, err := c.Products.Add(ctx, walnuts(), true) // the merchant lists a product
	if err != nil {
		panic(err)
	}
	_ = srv.ApproveAudit(res.ProductID) // the platform's reviewer passes it
	st, _, _ := srv.ProductState(res.ProductID)
	fmt.Println("product:", st)

	id := paidOrder(srv) // a buyer orders and pays
	o, _, err := c.Orders.Get(ctx, id)
	if err != nil {
		panic(err)
	}
	fmt.Println("order:", o.Status, vcart.Fen(o.Detail.PriceInfo.OrderPrice))
	fmt.Println("events:", len(srv.Events()), "token fetches:", srv.TokenFetches())
	// Output:
	// product: listed
	// order: awaiting_shipment ¥39.90
	// events: 2 token fetches: 1
}

// ApproveAudit plays the platform's reviewer: a product submitted with
// listing goes online.
func ExampleServer_ApproveAudit() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	res, _, err := srv.Client().Products.Add(context.Background(), walnuts(), true)
	if err != nil {
		panic(err)
	}
	id := res.ProductID
	st, edit, _ := srv.ProductState(id)
	fmt.Println(st, edit)
	fmt.Println(srv.ApproveAudit(id))
	st, edit, _ = srv.ProductState(id)
	fmt.Println(st, edit)
	// Output:
	// init auditing
	// <nil>
	// listed approved
}

// RejectAudit fails the audit with a reason the merchant reads back.
func ExampleServer_RejectAudit() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	res, _, err := c.Products.Add(ctx, walnuts(), true)
	if err != nil {
		panic(err)
	}
	_ = srv.RejectAudit(res.ProductID, "主图含有水印")
	d, _, _ := c.Products.Get(ctx, res.ProductID, shopapi.DataDraft)
	fmt.Println(d.EditProduct.EditStatus)
	// Output:
	// rejected
}

// PayOrder pays an unpaid order, as the buyer does.
func ExampleServer_PayOrder() {
	now := fixedNow
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id, _ := srv.CreateOrder(oneLine())
	fmt.Println(status(srv, id))
	now = now.Add(2 * time.Minute)
	fmt.Println(srv.PayOrder(id), status(srv, id))
	o, _, _ := srv.Client().Orders.Get(context.Background(), id)
	fmt.Println("paid at", o.Detail.PayInfo.Paid().In(vcart.Shanghai()).Format(time.DateTime))
	fmt.Println(errors.Is(srv.PayOrder(id), shopapitest.ErrState)) // paying twice
	// Output:
	// unpaid
	// <nil> awaiting_shipment
	// paid at 2026-03-01 10:02:00
	// true
}

// ShipAll ships everything left as one package, as the merchant would in
// the back office.
func ExampleServer_ShipAll() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id := paidOrder(srv)
	fmt.Println(srv.ShipAll(id), status(srv, id), srv.Packages(id))
	// Output:
	// <nil> shipped 1
}

// ConfirmReceipt records the buyer's receipt; SettleOrder then books the
// fund flows, and the balance shows the merchant's net.
func ExampleServer_SettleOrder() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id := paidOrder(srv)
	_ = srv.ShipAll(id)
	fmt.Println(srv.ConfirmReceipt(id), status(srv, id))
	fmt.Println(srv.SettleOrder(id))
	bal, _, err := srv.Client().Funds.Balance(context.Background())
	if err != nil {
		panic(err)
	}
	fmt.Println("available", bal.Available().Format())
	// Output:
	// <nil> completed
	// <nil>
	// available ¥37.66
}

// CancelOrder cancels an unpaid order as the buyer.
func ExampleServer_CancelOrder() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id, _ := srv.CreateOrder(oneLine())
	fmt.Println(srv.CancelOrder(id), status(srv, id))
	fmt.Println(errors.Is(srv.CancelOrder("404"), shopapitest.ErrNotFound))
	// Output:
	// <nil> cancelled
	// true
}

// Tick applies the lifecycle timers at the server's clock: an unpaid order
// times out after 15 minutes.
func ExampleServer_Tick() {
	now := fixedNow
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id, _ := srv.CreateOrder(oneLine())
	now = now.Add(16 * time.Minute)
	fmt.Println("changed:", srv.Tick(), status(srv, id))
	// Output:
	// changed: 1 cancelled
}

// RequestAddressChange is the buyer asking for a new address; the merchant
// accepts it through the API.
func ExampleServer_RequestAddressChange() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	id := paidOrder(srv)
	err = srv.RequestAddressChange(id, shopapi.AddressInfo{UserName: "王五", TelNumber: "13800000000",
		ProvinceName: "福建省", CityName: "福州市", CountyName: "鼓楼区", DetailInfo: "五四路 1 号"})
	fmt.Println(err)
	_, err = c.Orders.AcceptAddressChange(ctx, id)
	fmt.Println(err)
	o, _, _ := c.Orders.Get(ctx, id)
	fmt.Println(o.Detail.DeliveryInfo.AddressInfo.CityName)
	// Output:
	// <nil>
	// <nil>
	// 福州市
}

// OpenAftersale is the buyer asking for a refund; the merchant accepts it
// through the API and the money goes back.
func ExampleServer_OpenAftersale() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id := paidOrder(srv)
	as, err := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: "23423523452345301"})
	if err != nil {
		panic(err)
	}
	st, _ := srv.AftersaleStatus(as)
	fmt.Println(st)
	_, err = srv.Client().Aftersales.Accept(context.Background(), &shopapi.AcceptRequest{AftersaleOrderID: as})
	fmt.Println(err)
	st, _ = srv.AftersaleStatus(as)
	fmt.Println(st, st.Refunded())
	// Output:
	// MERCHANT_PROCESSING
	// <nil>
	// MERCHANT_REFUND_SUCCESS true
}

// ReturnGoods is the buyer sending the goods back on a return (退货退款)
// the merchant accepted.
func ExampleServer_ReturnGoods() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id := paidOrder(srv)
	_ = srv.ShipAll(id)
	as, _ := srv.OpenAftersale(id, shopapitest.NewAftersale{Type: shopapi.AftersaleReturn, SKUID: "23423523452345301"})
	_, _ = srv.Client().Aftersales.Accept(context.Background(), &shopapi.AcceptRequest{AftersaleOrderID: as})
	st, _ := srv.AftersaleStatus(as)
	fmt.Println(st)
	fmt.Println(srv.ReturnGoods(as, "SF1234567890"))
	st, _ = srv.AftersaleStatus(as)
	fmt.Println(st)
	// Output:
	// USER_WAIT_RETURN
	// <nil>
	// MERCHANT_WAIT_RECEIPT
}

// CancelAftersale is the buyer withdrawing the request.
func ExampleServer_CancelAftersale() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	as, _ := srv.OpenAftersale(paidOrder(srv), shopapitest.NewAftersale{SKUID: "23423523452345301"})
	fmt.Println(srv.CancelAftersale(as))
	st, _ := srv.AftersaleStatus(as)
	fmt.Println(st, st.IsFinal())
	// Output:
	// <nil>
	// USER_CANCELD true
}

// OpenComplaint is the buyer escalating an after-sale to a dispute (纠纷);
// the merchant reads it through the API.
func ExampleServer_OpenComplaint() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	as, _ := srv.OpenAftersale(paidOrder(srv), shopapitest.NewAftersale{SKUID: "23423523452345301"})
	cid, err := srv.OpenComplaint(as)
	if err != nil {
		panic(err)
	}
	cp, _, err := srv.Client().Aftersales.GetComplaint(context.Background(), cid)
	fmt.Println(err, cp.AftersaleOrderID == as)
	// Output:
	// <nil> true
}

// SeedOrders adds many paid orders at once, for a load test or a report.
func ExampleServer_SeedOrders() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	first, last := srv.SeedOrders(1000, fixedNow.Add(-24*time.Hour), time.Minute)
	n := 0
	for _, err := range srv.Client().Orders.ListIter(context.Background(), &shopapi.OrderListOptions{
		CreateTime: &shopapi.Window{Start: fixedNow.Add(-24 * time.Hour), End: fixedNow}}) {
		if err != nil {
			panic(err)
		}
		n++
	}
	fmt.Println(n, first < last, status(srv, first))
	// Output:
	// 1000 true awaiting_shipment
}

// DeliverPushes makes the pushes due at the server's clock: here to a
// notify handler that verifies each signed, encrypted event.
func ExampleServer_DeliverPushes() {
	clock := func() time.Time { return fixedNow }
	srv, err := shopapitest.New(shopapitest.WithClock(clock))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	const token, aesKey = "pushtoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	v, _ := notify.NewVerifier(token, aesKey, srv.AppID(), notify.WithClock(clock))
	h, _ := notify.NewHandler(v)
	_ = notify.Handle(h, notify.EventOrderPay, func(_ context.Context, e *notify.OrderPayEvent) error {
		fmt.Println("paid:", e.OrderInfo.OrderID != "")
		return nil
	})
	if err := srv.EnablePush(shopapitest.PushConfig{Handler: http.Handler(h), Token: token, EncodingAESKey: aesKey}); err != nil {
		panic(err)
	}
	paidOrder(srv)
	fmt.Println("attempts:", srv.DeliverPushes(context.Background()))
	n, _ := srv.PendingPushes()
	fmt.Println("pending:", n)
	// Output:
	// paid: true
	// attempts: 2
	// pending: 0
}

// SetQuota makes the fake enforce a per-minute quota: the call past it gets
// errcode 45011.
func ExampleServer_SetQuota() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithRetry(0, 0, 0)) // surface the quota error instead of waiting for the next minute
	srv.SetQuota("/channels/ec/basics/info/get", shopapitest.Quota{CallCount: 2, RefreshSecond: 60})
	for range 3 {
		_, _, err := c.Store.Info(context.Background())
		var apiErr *shopapi.APIError
		if errors.As(err, &apiErr) {
			fmt.Println("errcode", apiErr.ErrCode)
			continue
		}
		fmt.Println(err)
	}
	// Output:
	// <nil>
	// <nil>
	// errcode 45011
}

// InvalidateTokens revokes the tokens issued so far; the client fetches a
// new one and retries once.
func ExampleServer_InvalidateTokens() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	_, _, _ = c.Store.Info(ctx)
	srv.InvalidateTokens()
	_, _, err = c.Store.Info(ctx)
	fmt.Println(err, srv.TokenFetches())
	// Output:
	// <nil> 2
}

// An invalid option is an error naming the option and its rule, and no
// server is started (NewServer fails the test instead).
func ExampleNew_invalidOption() {
	_, err := shopapitest.New(shopapitest.WithTokenTTL(0))
	fmt.Println(err)
	_, err = shopapitest.New(shopapitest.WithLifecycleTimers(shopapitest.LifecycleTimers{PayTimeout: -time.Minute}))
	fmt.Println(err)
	// Output:
	// shopapitest: WithTokenTTL: TTL must be positive, got 0s
	// shopapitest: WithLifecycleTimers: PayTimeout must not be negative, got -1m0s
}

// With WithCategoryPermissions, a product in a gated category is refused
// until the shop's application is approved; ApproveCategory is the
// platform's reviewer. The audit id the client gets is the one the fake
// takes.
func ExampleServer_ApproveCategory() {
	srv, err := shopapitest.New(shopapitest.WithCategoryPermissions(), shopapitest.WithAutoAudit())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	_, _, err = c.Products.Add(ctx, walnuts(), true)
	fmt.Println("granted:", srv.CategoryGranted(shopapitest.CatNuts), "add refused:", err != nil)

	food := vcart.Document{Kind: vcart.DocFoodLicence, Number: "SC11435010200015", Permanent: true}
	auditID, err := c.Categories.ApplyWithDocuments(ctx, shopapitest.CatsFor(shopapitest.CatNuts),
		[]shopapi.QualificationImage{{Document: food, Filename: "sc.jpg", Data: []byte("jpeg")}}, nil, fixedNow)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("pending:", len(srv.PendingCategoryAudits()), srv.PendingCategoryAudits()[0] == auditID)
	if err := srv.ApproveCategory(auditID); err != nil {
		fmt.Println(err)
		return
	}
	res, _, err := c.Products.Add(ctx, walnuts(), true)
	if err != nil {
		fmt.Println(err)
		return
	}
	st, _, _ := srv.ProductState(res.ProductID)
	fmt.Println("granted:", srv.CategoryGranted(shopapitest.CatNuts), "product:", st)
	// Output:
	// granted: false add refused: true
	// pending: 1 true
	// granted: true product: listed
}

// OpenGuarantee is the buyer's guarantee claim (保障单) on a paid order's
// line; the merchant answers it through the client, and GuaranteeStatus
// inspects it.
func ExampleServer_OpenGuarantee() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	order := paidOrder(srv)
	id, err := srv.OpenGuarantee(order, shopapitest.NewGuarantee{SKUID: oneLine().Lines[0].SKUID})
	if err != nil {
		fmt.Println(err)
		return
	}
	g, _, err := c.Guarantees.Get(ctx, id)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.OrderID == order, g.Status)
	if _, err := c.Guarantees.Accept(ctx, id); err != nil {
		fmt.Println(err)
		return
	}
	st, _ := srv.GuaranteeStatus(id)
	fmt.Println(st)
	// Output:
	// true wait_merchant
	// compensated
}

// JoinMember makes a buyer a member of the shop's membership programme;
// MemberScore and MemberGrade read what the client's calls changed.
func ExampleServer_JoinMember() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	if err := srv.JoinMember("o-member", 0); err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.Members.IncreaseScore(ctx, &shopapi.ScoreChange{OpenID: "o-member", Score: 120, Remark: "订单积分",
		RequestID: "order-1-points"}); err != nil {
		fmt.Println(err)
		return
	}
	score, changes, _ := srv.MemberScore("o-member")
	grade, _ := srv.MemberGrade("o-member")
	fmt.Println("score", score, "changes", changes, "grade", grade)
	// Output:
	// score 120 changes 1 grade 1
}

// Events lists what the fake emitted, pushed or not: the Key of an order
// event is the order id as the client types it.
func ExampleServer_Events() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id := paidOrder(srv)
	for _, e := range srv.Events() {
		fmt.Println(e.Name, e.Key == id)
	}
	// Output:
	// channels_ec_order_new true
	// channels_ec_order_pay true
}

// Stock reads a SKU's stock as the fake holds it, for instance after a
// stock change whose answer was lost.
func ExampleServer_Stock() {
	srv, err := shopapitest.New(shopapitest.WithAutoAudit())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithRetry(0, 0, 0))
	ctx := context.Background()
	res, _, err := c.Products.Add(ctx, walnuts(), true)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _, _ := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	sku := d.Product.SKUs[0].SKUID

	srv.InjectFault("/channels/ec/product/stock/update", shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
	_, err = c.Stock.Update(ctx, &shopapi.StockUpdateRequest{ProductID: res.ProductID, SKUID: sku,
		DiffType: shopapi.StockSubtract, Num: 30})
	n, _ := srv.Stock(res.ProductID, sku)
	fmt.Println(err != nil, n)
	// Output:
	// true 70
}
