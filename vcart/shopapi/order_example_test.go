package shopapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// exampleFake starts a fake on a fixed clock with an in-process client.
func exampleFake() (*shopapitest.Server, *shopapi.Client) {
	cst := vcart.Shanghai()
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, cst)
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }), shopapitest.WithTokenTTL(365*24*time.Hour))
	if err != nil {
		panic(err)
	}
	c, err := srv.NewClient(&http.Client{Transport: srv.Transport()})
	if err != nil {
		panic(err)
	}
	return srv, c
}

var exampleLine = shopapitest.OrderLine{ProductID: "23423523452345235", SKUID: "23423523452345301",
	Title: "云南高山手剥核桃 500g", Count: 2, UnitPriceFen: 3990}

func ExampleWindows() {
	cst := vcart.Shanghai()
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	for w, err := range shopapi.Windows(start, start.Add(30*24*time.Hour), shopapi.MaxOrderWindow) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(w.Start.Format("01-02"), "→", w.End.Format("01-02"))
	}
	// Output:
	// 03-01 → 03-08
	// 03-08 → 03-15
	// 03-15 → 03-22
	// 03-22 → 03-29
	// 03-29 → 03-31
}

func ExampleOrderService_ListIter() {
	srv, c := exampleFake()
	defer srv.Close()
	cst := vcart.Shanghai()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, cst)
	srv.SeedOrders(24*45, start, time.Hour) // one order an hour for 45 days

	// 45 days: the iterator asks for 7 windows of at most 7 days each.
	w := shopapi.Window{Start: start, End: start.Add(45 * 24 * time.Hour)}
	n := 0
	for _, err := range c.Orders.ListIter(context.Background(), &shopapi.OrderListOptions{CreateTime: &w}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		n++
	}
	fmt.Println(n, "orders in", srv.Calls("/channels/ec/order/list/get"), "calls")
	// Output: 1080 orders in 13 calls
}

func ExampleOrderService_Get() {
	srv, c := exampleFake()
	defer srv.Close()
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}, FreightFen: 800})
	_ = srv.PayOrder(id)

	o, _, err := c.Orders.Get(context.Background(), id)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := o.Detail.PriceInfo
	fmt.Println(o.Status, o.Status.ChineseName(), "can ship:", o.Status.CanShip())
	fmt.Println("paid", p.Paid().Format(), "freight", vcart.FromFen(int64(p.Freight)).Format())
	fmt.Println("predicted service fee", vcart.FromFen(int64(o.Detail.SettleInfo.PredictCommissionFee)).Format())
	// Output:
	// awaiting_shipment 待发货 can ship: true
	// paid ¥87.80 freight ¥8.00
	// predicted service fee ¥4.39
}

func ExampleDeliveryService_Confirm() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}})
	_ = srv.PayOrder(id)

	req := &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{{
		DeliveryID: "SF", WaybillID: "SF1234567890", DeliverType: shopapi.DeliverSelf,
		Products: []shopapi.DeliveryProduct{{ProductID: exampleLine.ProductID, SKUID: exampleLine.SKUID, ProductCnt: 2}},
	}}}
	// The platform applies the shipment but the answer is lost.
	srv.InjectFault("/channels/ec/order/delivery/send", shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
	if _, err := c.Delivery.Ship(ctx, req); errors.Is(err, shopapi.ErrAmbiguous) {
		// Never ship again blindly: read the order back.
		state, o, err := c.Delivery.Confirm(ctx, req)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("ambiguous; shipment", state, "- order", o.Status)
	}
	fmt.Println("send calls:", srv.Calls("/channels/ec/order/delivery/send"))
	// Output:
	// ambiguous; shipment recorded - order shipped
	// send calls: 1
}

func ExampleAftersaleService_Accept() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}})
	_ = srv.PayOrder(id)
	as, _ := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: exampleLine.SKUID, Reason: shopapi.ReasonNoLongerWant})

	a, _, _ := c.Aftersales.Get(ctx, as)
	fmt.Println(a.Type, a.Reason, a.Status, "awaits merchant:", a.Status.AwaitsMerchant())
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: as}); err != nil {
		fmt.Println(err)
		return
	}
	a, _, _ = c.Aftersales.Get(ctx, as)
	o, _, _ := c.Orders.Get(ctx, id)
	fmt.Println(a.Status, a.RefundAmount().Format(), "- order", o.Status)
	// Output:
	// REFUND NO_LONGER_WANT MERCHANT_PROCESSING awaits merchant: true
	// MERCHANT_REFUND_SUCCESS ¥79.80 - order cancelled_after_aftersale
}

func ExampleCheckOrderFees() {
	srv, c := exampleFake()
	defer srv.Close()
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}, FreightFen: 800})
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder} {
		_ = step(id)
	}
	o, _, _ := c.Orders.Get(context.Background(), id)

	calc, _ := fees.NewCalculator(fees.SeedSchedule())
	table := &shopapi.ServiceFeeSchedule{Version: "my-rates-2026", Default: fees.BasisPoints(500)}
	chk, err := shopapi.CheckOrderFees(calc, o, vcart.CategoryFood, table)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("paid", vcart.FromFen(chk.Input.Quote.AmountFen).Format())
	for _, l := range chk.PayFee.Lines {
		fmt.Println(l.Label(), l.Amount())
	}
	fmt.Println("service fee expected", vcart.FromFen(chk.ExpectedServiceFeeFen).Format(),
		"reported", vcart.FromFen(chk.ReportedServiceFeeFen).Format(), "ok:", chk.OK(0))
	fmt.Println("net", vcart.FromFen(chk.ExpectedNetFen).Format())
	// Output:
	// paid ¥87.80
	// 支付手续费 0.60% ¥0.53
	// service fee expected ¥4.39 reported ¥4.39 ok: true
	// net ¥82.88
}
