package notify_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
)

// The official safe-mode push example (channels-api §5 V1) verified and
// decrypted with a clock frozen at its timestamp.
func ExampleVerifier_ParseRaw() {
	v, err := notify.NewVerifier("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9",
		notify.WithClock(func() time.Time { return time.Unix(1714112445, 0) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	q, _ := url.ParseQuery("signature=6c5c811b55cc85e0e1b54100749188c20beb3f5d&timestamp=1714112445&nonce=415670741&openid=o9AgO5Kd5ggOC-bXrbNODIiE3bGY&encrypt_type=aes&msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3")
	body := `{"ToUserName":"gh_97417a04a28d","Encrypt":"+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="}`
	m, err := v.ParseRaw(q, []byte(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, _ := m.Decode()
	fmt.Println(m.Event, m.CreateTime, m.FromUserName)
	fmt.Printf("%T\n", ev)
	// Output:
	// debug_demo 1714112445 o9AgO5Kd5ggOC-bXrbNODIiE3bGY
	// *notify.UnknownEvent
}

// The GET check the back office runs when the push URL is saved (V2).
func ExampleVerifier_VerifyURL() {
	v, _ := notify.NewVerifier("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9")
	q, _ := url.ParseQuery("signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249")
	echo, err := v.VerifyURL(q)
	fmt.Println(echo, err)
	// Output: 4375120948345356249 <nil>
}

// A push handler with a typed order handler: the first push is handled, a
// retry of the same event is suppressed, a forged one is refused.
func ExampleHandler() {
	const token, aesKey, appID = "my-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx1234567890abcdef"
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	v, _ := notify.NewVerifier(token, aesKey, appID, notify.WithClock(func() time.Time { return now }))
	h, _ := notify.NewHandler(v) // in-memory dedup store, 4 s handler deadline
	_ = notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
		fmt.Println("paid:", e.OrderInfo.OrderID, "at", e.OrderInfo.PayTime)
		return nil
	})

	enc, _ := notifytest.NewEncoder(token, aesKey, appID) // what the platform (or the fake) sends
	event := `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772330400,"MsgType":"event",` +
		`"Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":"1772330399"}}`
	ts := strconv.FormatInt(now.Unix(), 10)
	for i, nonce := range []string{"first", "retry"} {
		req, _ := enc.NewRequest("https://provider.example/push", []byte(event), ts, nonce)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Println(i+1, rec.Code, rec.Body.String())
	}
	forged, _ := enc.NewRequest("https://provider.example/push", []byte(event), ts, "n")
	q := forged.URL.Query()
	q.Set("msg_signature", strings.Repeat("0", 40))
	forged.URL.RawQuery = q.Encode()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, forged)
	fmt.Println("forged", rec.Code)
	// Output:
	// paid: 3705115058471208928 at 1772330399
	// 1 200 success
	// 2 200 success
	// forged 403
}

// Events whose IDs arrive as numbers or as strings decode the same way.
func ExampleDecodeEvent() {
	for _, js := range []string{
		`{"Event":"channels_ec_order_cancel","order_info":{"order_id":3705115058471208928,"cancel_type":1}}`,
		`{"Event":"channels_ec_order_cancel","order_info":{"order_id":"3705115058471208928","cancel_type":"1"}}`,
		`{"Event":"channels_ec_something_new","x":1}`,
	} {
		ev, err := notify.DecodeEvent([]byte(js))
		if err != nil {
			fmt.Println(err)
			continue
		}
		switch e := ev.(type) {
		case *notify.OrderCancelEvent:
			fmt.Println("cancel", e.OrderInfo.OrderID, e.OrderInfo.CancelType)
		case *notify.UnknownEvent:
			fmt.Println("unknown", e.EventName(), string(e.Raw))
		}
	}
	// Output:
	// cancel 3705115058471208928 1
	// cancel 3705115058471208928 1
	// unknown channels_ec_something_new {"Event":"channels_ec_something_new","x":1}
}

// A WeChat Pay v3 notification verified with a public key chosen by its
// PUB_KEY_ID_ serial, decrypted and answered per the response contract.
func ExamplePayV3Handler() {
	const apiV3Key = "0123456789abcdefghijklmnopqrstuv" // 32 bytes
	platform, _ := rsa.GenerateKey(rand.Reader, 2048)   // stands in for WeChat Pay's key
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	v, _ := notify.NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{"PUB_KEY_ID_0001": &platform.PublicKey},
		notify.WithClock(func() time.Time { return now }))
	h, _ := notify.NewPayV3Handler(v, func(ctx context.Context, n *notify.PayNotification) error {
		t, err := n.Transaction()
		if err != nil {
			return err
		}
		fmt.Println(n.EventType, t.OutTradeNo, t.Amount.TotalMoney())
		return nil
	})
	enc, _ := notifytest.NewPayV3Encoder(platform, "PUB_KEY_ID_0001", apiV3Key)
	ev := notifytest.PayV3Event{ID: "EV-1", EventType: "TRANSACTION.SUCCESS", OriginalType: "transaction", AssociatedData: "transaction",
		Resource: notify.Transaction{MchID: "1900000100", OutTradeNo: "T1", TradeState: "SUCCESS", Amount: notify.PayAmount{Total: 750, Currency: "CNY"}}}
	ts := strconv.FormatInt(now.Unix(), 10)
	for _, probe := range []bool{false, true} {
		req, _ := enc.NewRequest("https://provider.example/wxpay", ev, ts, "nonce")
		if probe {
			req.Header.Set(notify.HeaderPaySignature, notify.PaySignTestPrefix+req.Header.Get(notify.HeaderPaySignature))
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// TRANSACTION.SUCCESS T1 7.50 CNY
	// 200 {"code":"SUCCESS","message":"成功"}
	// 403 {"code":"FAIL","message":"signature test probe rejected"}
}

// The official v2 MD5 signing example.
func ExampleSignV2() {
	sign, _ := notify.SignV2(map[string]string{"appid": "wxd930ea5d5a258f4f", "body": "test", "device_info": "1000",
		"mch_id": "10000100", "nonce_str": "ibuaiVcKdpRxkhJA"}, "192006250b4c09247ec02edce69f6a2d", notify.V2MD5)
	fmt.Println(sign)
	// Output: 9A0A8659F005D6984697E2CA0A9CF3B7
}

// A v2 refund notification's req_info decrypted with the API key.
func ExampleDecryptV2RefundInfo() {
	plain, err := notify.DecryptV2RefundInfo("WBzGpzQuNpcFxIlFjUUD9BZv+lpBMzd2SHiKCkwfALWid5G8ZvfOussfMIHLbKJmBhUUBzKEtuVKVTb11meMYkQvNSWl+ISLGfa/vT/MHvUxHA6rlNTzoOZZOwotMnuXjv+Gcd8C/KSvoi8OnTM0op0QVGSY+Q9OWdWdmwmJnIhvYec7FaGDbpMuFsCVoL3tZSjdwZhoVNVwBb78Z6z3Ag==",
		"192006250b4c09247ec02edce69f6a2d")
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := notify.ParseV2XML(plain)
	fmt.Println(p["out_refund_no"], p["refund_fee"], p["refund_status"])
	// Output: R1 750 SUCCESS
}

// The platforms' retry schedules are data: how many times a callback is
// delivered, over how long, and which answer stops the retries.
// notifytest.Replay plays them against a handler in tests.
func ExampleStorePushSchedule() {
	for _, s := range []notify.RetrySchedule{notify.StorePushSchedule(), notify.PayV3Schedule()} {
		fmt.Println(s.Name, s.Attempts(), "attempts, last after", s.Offsets()[s.Attempts()-1], "answer within", s.Timeout)
	}
	s := notify.StorePushSchedule()
	fmt.Println(s.Accepts(200, []byte("success")), s.Accepts(200, []byte("ok")), s.Accepts(500, nil))
	// Output:
	// channels-push 10 attempts, last after 3h36m10s answer within 5s
	// wechatpay-v3 16 attempts, last after 24h4m0s answer within 5s
	// true false false
}

// The in-memory duplicate store: a claim is "processing" until it is
// completed ("done") or released after a failure; each claim has its own
// owner token.
func ExampleMemoryDedupStore() {
	s, _ := notify.NewMemoryDedupStore(notify.WithMaxEntries(10_000))
	ctx := context.Background()
	const key = "push:gh_shop:channels_ec_order_pay:1772330400:…"
	first := rand.Text()
	a, _ := s.Claim(ctx, key, first, 14*time.Second)
	b, _ := s.Claim(ctx, key, rand.Text(), 14*time.Second) // a retry meanwhile
	_ = s.Release(ctx, key, first)                         // the handler failed
	retry := rand.Text()
	c, _ := s.Claim(ctx, key, retry, 14*time.Second)
	_ = s.Complete(ctx, key, retry, 25*time.Hour) // handled
	d, _ := s.Claim(ctx, key, rand.Text(), 14*time.Second)
	fmt.Println(a, b, c, d)
	// Output: first in-flight first done
}

// ParseEvent verifies, decrypts and decodes a push in one pass; the typed
// event is ready for a type switch.
func ExampleVerifier_ParseEvent() {
	const token, aesKey, appID = "my-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx1234567890abcdef"
	v, _ := notify.NewVerifier(token, aesKey, appID,
		notify.WithClock(func() time.Time { return time.Unix(1772330400, 0) }))
	q, body, _ := notifytest.SignPush(token, aesKey, appID,
		[]byte(`{"ToUserName":"gh_shop","CreateTime":1772330400,"MsgType":"event","Event":"product_spu_audit",`+
			`"ProductSpuAudit":{"product_id":"23423523452345235","status":2,`+
			`"audit_info":"{\"busi_audit_info\":{\"item_list\":[{\"multi_failed_reasons\":[{\"audit_reason\":\"主图不清晰\"}],\"busi_show_field_api\":\"product.head_imgs\"}]}}"}}`),
		"1772330400", "nonce")
	m, ev, err := v.ParseEvent(q, body)
	if err != nil {
		fmt.Println(err)
		return
	}
	if e, ok := ev.(*notify.ProductSpuAuditEvent); ok {
		a := e.ProductSpuAudit
		item := a.AuditInfo.BusiAuditInfo.ItemList[0]
		fmt.Println(m.Event, a.ProductID, a.Status, item.BusiShowFieldAPI, item.MultiFailedReasons[0].AuditReason)
	}
	// Output: product_spu_audit 23423523452345235 2 product.head_imgs 主图不清晰
}
