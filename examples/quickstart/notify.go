package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// notifyDemo receives the store's message pushes the way a provider's push
// URL does (seed §四, the 支付回调 row: 模拟失败重试机制; 签名校验失败、异步通知超时).
// The in-memory fake pushes an order's events, signed and encrypted in safe
// mode, into a notify.Handler: each push is verified, decrypted, decoded and
// handled; a handler failure is answered 500 and the fake retries on the
// platform's schedule; a push with a bad signature is refused.
func notifyDemo(w io.Writer) error {
	const token, aesKey = "demo-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	start := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	clock := func() time.Time { return start }

	fake, err := shopapitest.New(shopapitest.WithClock(clock))
	if err != nil {
		return err
	}
	defer fake.Close()

	v, err := notify.NewVerifier(token, aesKey, fake.AppID(), notify.WithClock(clock))
	if err != nil {
		return err
	}
	// Rejected pushes are logged at Warn (by default through slog.Default);
	// here into the walk-through, without the time.
	logger := slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	h, err := notify.NewHandler(v, notify.WithLogger(logger)) // in-memory dedup store, 4 s deadline per push
	if err != nil {
		return err
	}
	inventoryDown := true
	if err := notify.Handle(h, notify.EventOrderNew, func(ctx context.Context, e *notify.OrderNewEvent) error {
		fmt.Fprintf(w, "  handler: new order %s from %s\n", e.OrderInfo.OrderID, e.FromUserName)
		return nil
	}); err != nil {
		return err
	}
	if err := notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
		if inventoryDown {
			inventoryDown = false
			fmt.Fprintln(w, "  handler: order paid, but the inventory service is down: fail, so the platform retries")
			return errors.New("inventory service unavailable")
		}
		fmt.Fprintf(w, "  handler: order %s paid at %s, reserving stock\n", e.OrderInfo.OrderID,
			time.Unix(e.OrderInfo.PayTime.Int64(), 0).In(start.Location()).Format("15:04:05"))
		return nil
	}); err != nil {
		return err
	}
	if err := fake.EnablePush(shopapitest.PushConfig{Handler: h, Token: token, EncodingAESKey: aesKey}); err != nil {
		return err
	}

	ctx := context.Background()
	id, err := fake.CreateOrder(shopapitest.NewOrder{OpenID: "o_buyer_demo",
		Lines: []shopapitest.OrderLine{{ProductID: "10000000000000001", SKUID: "20000000000000001", Count: 1, UnitPriceFen: 5900}}})
	if err != nil {
		return err
	}
	fake.DeliverPushes(ctx)
	if err := fake.PayOrder(id); err != nil {
		return err
	}
	fake.DeliverPushes(ctx)

	fmt.Fprintln(w, "push log (event, attempt, answer):")
	for _, a := range fake.PushLog() {
		fmt.Fprintf(w, "  %-22s #%d  %d  accepted=%v\n", a.Event, a.N, a.Status, a.Accepted)
	}

	// A push signed with the wrong token (forged with notifytest, the test
	// twin of notify): verification fails, the answer is a failure status,
	// and nothing reaches the handlers.
	forger, err := notifytest.NewEncoder("not-the-token", aesKey, fake.AppID())
	if err != nil {
		return err
	}
	req, err := forger.NewRequest("https://provider.example/wx/push", fake.Events()[1].Plaintext, "1772330400", "n")
	if err != nil {
		return err
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Fprintf(w, "forged push answered %d\n", rec.Code)

	s, p := notify.StorePushSchedule(), notify.PayV3Schedule()
	fmt.Fprintf(w, "retry schedules: store pushes up to %d within %s; WeChat Pay v3 up to %d within %s\n",
		s.Attempts(), s.Offsets()[s.Attempts()-1], p.Attempts(), p.Offsets()[p.Attempts()-1])
	return nil
}
