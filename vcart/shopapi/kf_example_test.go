package shopapi_test

import (
	"context"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// An order card (订单卡片) shows the buyer one of the shop's orders in the
// conversation; the message names the order, nothing is uploaded.
func ExampleKFService_Send_orderCard() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	const buyer = "o7eep4jVQelr2eyoDSmE1buyer01"
	order, _ := srv.CreateOrder(shopapitest.NewOrder{OpenID: buyer, Lines: []shopapitest.OrderLine{exampleLine}})

	_, _, err := c.KF.Send(ctx, shopapi.KFMessage{RequestID: "card-" + string(order), OpenID: buyer,
		MsgType: shopapi.KFOrderShare, OrderShare: &shopapi.KFOrderShareBody{OrderID: order}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range srv.KFMessages(buyer) {
		fmt.Println(m.MsgType, m.Content == string(order))
	}
	// A card without its order is refused before it is sent.
	_, _, err = c.KF.Send(ctx, shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFOrderShare})
	fmt.Println(err)
	// Output:
	// order_share true
	// shopapi: send kf message: vcart: validation failed: order_share.order_id: is required for an order card (required)
}
