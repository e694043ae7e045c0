package shopapitest_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// ExampleServer_CreateOrder drives an order through its lifecycle by hand.
func ExampleServer_CreateOrder() {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()

	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{
		{ProductID: "23423523452345235", SKUID: "23423523452345301", Count: 1, UnitPriceFen: 3990}}})
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder} {
		if err := step(id); err != nil {
			fmt.Println(err)
		}
		st, _ := srv.OrderStatus(id)
		fmt.Println(st, st.ChineseName())
	}
	for _, e := range srv.Events() {
		fmt.Println(e.Name)
	}
	// Output:
	// awaiting_shipment 待发货
	// shipped 待收货
	// completed 完成
	// completed 完成
	// channels_ec_order_new
	// channels_ec_order_pay
	// channels_ec_order_deliver
	// channels_ec_order_confirm
	// channels_ec_order_settle
}

// ExampleServer_EnablePush pushes signed, encrypted events to a notify
// handler; the receiver fails twice, so the platform's schedule pushes a
// third time at once (0 s, 0 s) and then stops.
func ExampleServer_EnablePush() {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	clock := func() time.Time { return now }
	srv, err := shopapitest.New(shopapitest.WithClock(clock))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()

	const token, aesKey = "pushtoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	v, _ := notify.NewVerifier(token, aesKey, srv.AppID(), notify.WithClock(clock))
	h, _ := notify.NewHandler(v)
	_ = notify.Handle(h, notify.EventOrderNew, func(_ context.Context, e *notify.OrderNewEvent) error {
		fmt.Println("handled", e.EventName())
		return nil
	})
	failures := 2
	flaky := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if failures > 0 {
			failures--
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
	if err := srv.EnablePush(shopapitest.PushConfig{Handler: flaky, Token: token, EncodingAESKey: aesKey}); err != nil {
		fmt.Println(err)
		return
	}
	_, _ = srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{
		{ProductID: "23423523452345235", SKUID: "23423523452345301", Count: 1, UnitPriceFen: 3990}}})
	srv.DeliverPushes(context.Background())
	for _, a := range srv.PushLog() {
		fmt.Println(a.N, a.Status, a.Accepted)
	}
	// Output:
	// handled channels_ec_order_new
	// 1 503 false
	// 2 503 false
	// 3 200 true
}
