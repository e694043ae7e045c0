package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// ordersClock is a clock the demo moves by hand.
type ordersClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *ordersClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *ordersClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// ordersDemo takes one order on the in-memory fake from payment to
// settlement: signed pushes verified by a notify handler, listing, shipping,
// automatic receipt and settlement on a simulated clock, then the order's
// fee reconciliation against package fees and the fund flows.
func ordersDemo(w io.Writer) error {
	ctx := context.Background()
	cst := vcart.Shanghai()
	clk := &ordersClock{t: time.Date(2026, 3, 1, 20, 30, 0, 0, cst)}
	srv, err := shopapitest.New(shopapitest.WithClock(clk.now), shopapitest.WithTokenTTL(365*24*time.Hour))
	if err != nil {
		return err
	}
	defer srv.Close()

	// The service provider's callback: verify, decrypt, dispatch.
	const token, aesKey = "vcartdemotoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	v, err := notify.NewVerifier(token, aesKey, srv.AppID(), notify.WithClock(clk.now))
	if err != nil {
		return err
	}
	h, err := notify.NewHandler(v)
	if err != nil {
		return err
	}
	for _, ev := range []string{notify.EventOrderNew, notify.EventOrderPay, notify.EventOrderDeliver,
		notify.EventOrderConfirm, notify.EventOrderSettle} {
		h.On(ev, func(_ context.Context, e notify.Event) error {
			fmt.Fprintf(w, "  push verified: %s at %s\n", e.EventName(),
				time.Unix(int64(e.EventHeader().CreateTime), 0).In(cst).Format("01-02 15:04"))
			return nil
		})
	}
	if err := srv.EnablePush(shopapitest.PushConfig{Handler: h, Token: token, EncodingAESKey: aesKey}); err != nil {
		return err
	}
	c, err := srv.NewClient(&http.Client{Transport: srv.Transport()})
	if err != nil {
		return err
	}

	// A buyer orders two bags of walnuts and pays.
	walnuts := shopapitest.OrderLine{ProductID: "23423523452345235", SKUID: "23423523452345301",
		Title: "云南高山手剥核桃 500g", Count: 2, UnitPriceFen: 3990}
	id, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{walnuts}, FreightFen: 800, TalentCommissionFen: 200})
	if err != nil {
		return err
	}
	clk.advance(2 * time.Minute)
	if err := srv.PayOrder(id); err != nil {
		return err
	}
	srv.DeliverPushes(ctx)

	// The merchant's backend finds the order (the iterator splits any range
	// into 7-day windows) and reads it.
	day := shopapi.Window{Start: clk.now().Add(-24 * time.Hour), End: clk.now().Add(time.Minute)}
	st := shopapi.OrderAwaitingShipment
	for oid, err := range c.Orders.ListIter(ctx, &shopapi.OrderListOptions{CreateTime: &day, Status: &st}) {
		if err != nil {
			return err
		}
		o, _, err := c.Orders.Get(ctx, oid)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "order %s: %s (%s), paid %s incl. freight %s\n", o.OrderID, o.Status, o.Status.ChineseName(),
			o.Detail.PriceInfo.Paid().Format(), vcart.Fen(o.Detail.PriceInfo.Freight).String())
	}

	// Ship everything with SF; an ambiguous failure would be resolved with
	// Delivery.Confirm, never by shipping twice.
	clk.advance(20 * time.Hour)
	ship := &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{{DeliveryID: "SF", WaybillID: "SF1400000001",
		DeliverType: shopapi.DeliverSelf, Products: []shopapi.DeliveryProduct{{ProductID: walnuts.ProductID,
			SKUID: walnuts.SKUID, ProductCnt: 2}}}}}
	if _, err := c.Delivery.Ship(ctx, ship); err != nil {
		return err
	}
	srv.DeliverPushes(ctx)

	// Ten days later the receipt is confirmed automatically; seven more and
	// the order settles.
	for _, d := range []time.Duration{10 * 24 * time.Hour, 7 * 24 * time.Hour} {
		clk.advance(d)
		srv.Tick()
		srv.DeliverPushes(ctx)
	}

	// Reconcile the settled order against package fees.
	o, _, err := c.Orders.Get(ctx, id)
	if err != nil {
		return err
	}
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		return err
	}
	table := &shopapi.ServiceFeeSchedule{Version: "demo-2026", Source: "the provider's own rate table", Default: fees.BasisPoints(500)}
	chk, err := shopapi.CheckOrderFees(calc, o, vcart.CategoryFood, table)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "order %s: %s, settled %s\n", o.OrderID, o.Status, o.Detail.SettleInfo.Settled().In(cst).Format("2006-01-02"))
	fmt.Fprintf(w, "  paid: %s\n", vcart.Fen(chk.Input.Quote.AmountFen).String())
	for _, l := range chk.PayFee.Lines {
		fmt.Fprintf(w, "  %s: -%s (fees %s)\n", l.Label(), l.Amount(), chk.PayFee.Version)
	}
	fmt.Fprintf(w, "  技术服务费 %s: -%s expected, platform charged %s, match: %v\n", chk.ServiceFeeRate,
		vcart.Fen(chk.ExpectedServiceFeeFen).String(), vcart.Fen(chk.ReportedServiceFeeFen).String(), chk.OK(0))
	fmt.Fprintf(w, "  达人佣金: -%s\n", vcart.Fen(chk.Input.CommissionFen).String())
	fmt.Fprintf(w, "  expected net: %s\n", vcart.Fen(chk.ExpectedNetFen).String())
	bal, _, err := c.Funds.Balance(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "balance: available %s, pending %s; matches expected net: %v\n", bal.Available().Format(), bal.Pending().Format(),
		int64(bal.AvailableAmount) == chk.ExpectedNetFen)
	return nil
}
