package notifytest_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
)

const (
	token  = "my-token"
	aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" // 43 characters
	appID  = "wx1234567890abcdef"
)

// A test of your own push handler: the platform's pushes are forged with
// the handler's Token, EncodingAESKey and AppID, so the handler under test
// verifies them exactly as in production; a push forged with another
// Token is refused.
func Example() {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	v, _ := notify.NewVerifier(token, aesKey, appID, notify.WithClock(func() time.Time { return now }))
	h, _ := notify.NewHandler(v)
	_ = notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
		fmt.Println("paid:", e.OrderInfo.OrderID)
		return nil
	})

	platform, _ := notifytest.NewEncoder(token, aesKey, appID)
	impostor, _ := notifytest.NewEncoder("not-the-token", aesKey, appID)
	event := `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772330400,"MsgType":"event",` +
		`"Event":"channels_ec_order_pay","order_info":{"order_id":"3705115058471208928","pay_time":1772330399}}`
	ts := strconv.FormatInt(now.Unix(), 10)
	for _, enc := range []*notifytest.Encoder{platform, impostor} {
		req, _ := enc.NewRequest("https://provider.example/push", []byte(event), ts, "nonce")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// paid: 3705115058471208928
	// 200 success
	// 403 Forbidden
}

// SignPush forges the query and body of one push, for a test that calls
// Verifier.ParseRaw (or ParseEvent) directly.
func ExampleSignPush() {
	v, _ := notify.NewVerifier(token, aesKey, appID,
		notify.WithClock(func() time.Time { return time.Unix(1772330400, 0) }))
	q, body, err := notifytest.SignPush(token, aesKey, appID,
		&notify.OrderCancelEvent{Header: notify.Header{ToUserName: "gh_shop", CreateTime: 1772330400, MsgType: "event",
			Event: notify.EventOrderCancel}, OrderInfo: notify.OrderInfo{OrderID: "3705115058471208928"}},
		"1772330400", "nonce")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Get("encrypt_type"), len(q.Get("msg_signature")), strings.HasPrefix(string(body), `{"ToUserName":"gh_shop","Encrypt":"`))
	_, ev, err := v.ParseEvent(q, body)
	fmt.Printf("%T %v\n", ev, err)
	// Output:
	// aes 40 true
	// *notify.OrderCancelEvent <nil>
}

// NewRequest builds the POST the platform sends to the push URL, for a
// handler or an http.Client.
func ExampleEncoder_NewRequest() {
	enc, _ := notifytest.NewEncoder(token, aesKey, appID)
	req, _ := enc.NewRequest("https://provider.example/wx/push",
		[]byte(`{"ToUserName":"gh_shop","FromUserName":"o_buyer","Event":"channels_ec_order_new"}`), "1772330400", "n1")
	q := req.URL.Query()
	fmt.Println(req.Method, req.URL.Path, req.Header.Get("Content-Type"))
	fmt.Println(q.Get("timestamp"), q.Get("nonce"), q.Get("openid"), q.Get("encrypt_type"))
	// Output:
	// POST /wx/push application/json
	// 1772330400 n1 o_buyer aes
}

// EncodeAuthEvent forges the authorisation event a third-party platform's
// 授权事件接收URL receives when a shop authorises it; the encoder holds the
// component's Token, EncodingAESKey and AppID.
func ExampleEncoder_EncodeAuthEvent() {
	const component = "wxcomponent00001"
	v, _ := notify.NewVerifier(token, aesKey, component,
		notify.WithClock(func() time.Time { return time.Unix(1772330400, 0) }))
	h, _ := notify.NewAuthHandler(v, notify.AuthCallbacks{
		Authorized: func(ctx context.Context, ev *notify.AuthEvent) error {
			fmt.Println("authorised by", ev.AuthorizerAppID, "code", ev.AuthorizationCode)
			return nil
		},
	}, nil)
	enc, _ := notifytest.NewEncoder(token, aesKey, component)
	q, body, _ := enc.EncodeAuthEvent(&notify.AuthEvent{AppID: component, CreateTime: 1772330400,
		InfoType: notify.InfoAuthorized, AuthorizerAppID: "wxmerchant0001", AuthorizationCode: "code-1"}, "1772330400", "n")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/auth?"+q.Encode(), strings.NewReader(string(body))))
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// authorised by wxmerchant0001 code code-1
	// 200 success
}

// RequestFunc re-signs the push for every attempt of Replay, as the
// platform does; the handler here fails the first attempt. (In a test, run
// Replay inside testing/synctest to keep the real schedule at no cost; a
// millisecond schedule keeps this example fast.)
func ExampleEncoder_RequestFunc() {
	v, _ := notify.NewVerifier(token, aesKey, appID)
	failed := false
	h, _ := notify.NewHandler(v, notify.WithLogger(slog.New(slog.DiscardHandler))) // the failure is logged at Warn
	_ = notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
		if !failed {
			failed = true
			return errors.New("database busy")
		}
		return nil
	})
	enc, _ := notifytest.NewEncoder(token, aesKey, appID)
	sched := notify.StorePushSchedule()
	sched.Intervals = []time.Duration{time.Millisecond, time.Millisecond}
	res, err := notifytest.Replay(context.Background(), h, sched, enc.RequestFunc("https://provider.example/push",
		[]byte(`{"ToUserName":"gh_shop","CreateTime":1772330400,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"1"}}`)))
	for _, a := range res.Attempts {
		fmt.Println(a.N, a.Status, a.Accepted)
	}
	fmt.Println(res.Delivered, err)
	// Output:
	// 1 500 false
	// 2 200 true
	// true <nil>
}

// A WeChat Pay v3 notification forged with a test key standing for the
// platform's and answered by a PayV3Handler.
func ExamplePayV3Encoder() {
	const apiV3Key = "0123456789abcdefghijklmnopqrstuv" // 32 bytes
	platform, _ := rsa.GenerateKey(rand.Reader, 2048)
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
	req, _ := enc.NewRequest("https://provider.example/wxpay", notifytest.PayV3Event{
		ID: "EV-1", CreateTime: now, EventType: "TRANSACTION.SUCCESS", Summary: "支付成功",
		OriginalType: "transaction", AssociatedData: "transaction",
		Resource: notify.Transaction{MchID: "1900000100", OutTradeNo: "T1", TradeState: "SUCCESS",
			Amount: notify.PayAmount{Total: 750, Currency: "CNY"}},
	}, strconv.FormatInt(now.Unix(), 10), "nonce")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// TRANSACTION.SUCCESS T1 7.50 CNY
	// 200 {"code":"SUCCESS","message":"成功"}
}

// The req_info of a v2 refund notification, forged and read back.
func ExampleEncryptV2RefundInfo() {
	const apiKey = "192006250b4c09247ec02edce69f6a2d"
	reqInfo, _ := notifytest.EncryptV2RefundInfo([]byte(`<root><out_refund_no>R1</out_refund_no><refund_fee>750</refund_fee></root>`), apiKey)
	plain, _ := notify.DecryptV2RefundInfo(reqInfo, apiKey)
	p, _ := notify.ParseV2XML(plain)
	fmt.Println(p["out_refund_no"], p["refund_fee"])
	// Output: R1 750
}

// Replay redelivers a callback on a retry schedule until the handler's
// answer is accepted. Inside testing/synctest the documented schedules run
// on a simulated clock; here a millisecond schedule keeps the example fast.
func ExampleReplay() {
	fails := 2
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fails > 0 {
			fails--
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("success"))
	})
	sched := notify.StorePushSchedule()
	sched.Intervals = []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}
	res, err := notifytest.Replay(context.Background(), h, sched, func(n int, at time.Time) (*http.Request, error) {
		return http.NewRequest(http.MethodPost, "https://provider.example/push", nil)
	})
	for _, a := range res.Attempts {
		fmt.Println(a.N, a.Status, a.Accepted)
	}
	fmt.Println(res.Delivered, err)
	// Output:
	// 1 503 false
	// 2 503 false
	// 3 200 true
	// true <nil>
}
