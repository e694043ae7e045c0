package main

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
)

// notifyDemo receives store pushes the way a provider's push URL does (seed
// §四, the 支付回调 row): an order-paid event is verified, decrypted,
// decoded and handled; the platform's retry of the same event is suppressed;
// a push with a forged signature and one whose handler overruns the budget
// are refused so that the platform retries them. The pushes are signed and
// encrypted with notify.Encoder, the tool the in-memory fake uses.
func notifyDemo(w io.Writer) error {
	const token, aesKey, appID = "demo-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0000000000demo01"
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

	v, err := notify.NewVerifier(token, aesKey, appID, notify.WithClock(func() time.Time { return now }))
	if err != nil {
		return err
	}
	h, err := notify.NewHandler(v, notify.WithHandlerTimeout(50*time.Millisecond))
	if err != nil {
		return err
	}
	err = notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
		fmt.Fprintf(w, "  handler: order %s paid at %s\n", e.OrderInfo.OrderID,
			time.Unix(e.OrderInfo.PayTime.Int64(), 0).In(now.Location()).Format("2006-01-02 15:04:05"))
		return nil
	})
	if err != nil {
		return err
	}
	err = notify.Handle(h, notify.EventOrderDeliver, func(ctx context.Context, e *notify.OrderDeliverEvent) error {
		<-ctx.Done() // a stuck downstream call: the deadline answers for it
		return ctx.Err()
	})
	if err != nil {
		return err
	}

	fake, err := notify.NewEncoder(token, aesKey, appID)
	if err != nil {
		return err
	}
	ts := strconv.FormatInt(now.Unix(), 10)
	paid := `{"ToUserName":"gh_demo","FromUserName":"o_buyer","CreateTime":1772330400,"MsgType":"event",` +
		`"Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":"1772330399"}}`
	shipped := `{"ToUserName":"gh_demo","FromUserName":"o_buyer","CreateTime":1772330460,"MsgType":"event",` +
		`"Event":"channels_ec_order_deliver","order_info":{"order_id":"3705115058471208928","finish_delivery":1}}`

	deliveries := []struct {
		label, event, nonce string
		forge               bool
	}{
		{"order paid (first push)", paid, "n1", false},
		{"order paid (platform retry)", paid, "n2", false},
		{"order paid (forged signature)", paid, "n3", true},
		{"order shipped (handler stuck)", shipped, "n4", false},
	}
	for _, d := range deliveries {
		req, err := fake.NewRequest("https://provider.example/wx/push", []byte(d.event), ts, d.nonce)
		if err != nil {
			return err
		}
		if d.forge {
			q := req.URL.Query()
			q.Set("msg_signature", "0000000000000000000000000000000000000000")
			req.URL.RawQuery = q.Encode()
		}
		fmt.Fprintf(w, "push %s\n", d.label)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != 200 {
			body = "(the platform will push again)"
		}
		fmt.Fprintf(w, "  answer: %d %s\n", rec.Code, body)
	}

	s := notify.StorePushSchedule()
	fmt.Fprintf(w, "platform retries: up to %d pushes within %s; WeChat Pay v3: up to %d deliveries within %s\n",
		s.Attempts(), s.Offsets()[s.Attempts()-1], notify.PayV3Schedule().Attempts(),
		notify.PayV3Schedule().Offsets()[notify.PayV3Schedule().Attempts()-1])
	return nil
}
