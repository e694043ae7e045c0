package notify_test

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
)

// The package in brief: a push from the platform is verified (signature,
// timestamp window, AppID), decrypted and decoded into a typed event; a
// tampered one is refused with a sentinel error.
func Example() {
	const token, aesKey, appID = "my-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx1234567890abcdef"
	now := time.Date(2026, 3, 1, 20, 30, 0, 0, vcart.Shanghai())
	v, err := notify.NewVerifier(token, aesKey, appID, notify.WithClock(func() time.Time { return now }))
	if err != nil {
		panic(err)
	}

	// What the platform sends (tests forge it with notifytest, the fake shop server too).
	enc, err := notifytest.NewEncoder(token, aesKey, appID)
	if err != nil {
		panic(err)
	}
	event := `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772368200,"MsgType":"event",` +
		`"Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":1772368199}}`
	req, err := enc.NewRequest("https://provider.example/push", []byte(event), strconv.FormatInt(now.Unix(), 10), "nonce-1")
	if err != nil {
		panic(err)
	}

	m, err := v.Parse(req)
	if err != nil {
		panic(err)
	}
	ev, err := m.Decode()
	if err != nil {
		panic(err)
	}
	if e, ok := ev.(*notify.OrderPayEvent); ok {
		fmt.Println(m.Event, "order", e.OrderInfo.OrderID)
	}

	stale, _ := enc.NewRequest("https://provider.example/push", []byte(event), strconv.FormatInt(now.Add(-time.Hour).Unix(), 10), "nonce-2")
	_, err = v.Parse(stale)
	fmt.Println("an hour-old push:", errors.Is(err, notify.ErrStale))
	// Output:
	// channels_ec_order_pay order 3705115058471208928
	// an hour-old push: true
}
