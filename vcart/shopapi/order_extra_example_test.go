package shopapi_test

import (
	"context"
	"fmt"
	"github.com/vcart-sdk/vcart-go/vcart"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// Buyers who asked to change the SKU before shipment: approve one request,
// refuse the other.
func ExampleOrderService_SKUChangeRequestsIter() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	var orders []vcart.ID
	for range 2 {
		id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}})
		_ = srv.PayOrder(id)
		_ = srv.RequestSKUChange(id, exampleLine.SKUID, "23423523452345302")
		orders = append(orders, id)
	}

	n := 0
	for id, err := range c.Orders.SKUChangeRequestsIter(ctx, 0) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if n == 0 {
			_, err = c.Orders.ApproveSKUChange(ctx, id)
		} else {
			_, err = c.Orders.RejectSKUChange(ctx, id)
		}
		fmt.Println("handled:", err)
		n++
	}
	fmt.Println(srv.OrderSKUs(orders[0]), srv.OrderSKUs(orders[1]))
	// Output:
	// handled: <nil>
	// handled: <nil>
	// [23423523452345302] [23423523452345301]
}

// A shop member's mobile is verified with the carrier before it may call
// buyers' virtual numbers.
func ExampleStoreService_AddPrivateNumberPhone() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	const mobile = "13800138000"

	if _, err := c.Store.SendPrivateNumberVerifyCode(ctx, mobile); err != nil {
		fmt.Println(err)
		return
	}
	code, _ := srv.PrivateNumberCode(mobile) // read on the member's phone
	v, _, err := c.Store.AddPrivateNumberPhone(ctx, &shopapi.AddPhoneRequest{Mobile: mobile, VerifyCode: code, WxUsername: "shop-member"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("status", v.Status, "open", v.QRCodeURL != "")
	_ = srv.CompletePhoneVerification(mobile, true, "") // the carrier's verdict
	st, _, _ := c.Store.PrivateNumberPhone(ctx, mobile)
	fmt.Println("status", st.Status)
	// Output:
	// status carrier_reviewing open true
	// status verified
}
