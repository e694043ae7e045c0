package shopapi_test

import (
	"context"
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

var dropshipNow = time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())

// Binds a supplier, assigns an order's products to it for dropship (代发)
// and reads the dropship order back.
func ExampleDropshipService_Assign() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return dropshipNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	if _, err := c.Dropship.InviteSupplier(ctx, &shopapi.SupplierInvitation{SupplierAppID: "wx_supplier"}); err != nil {
		fmt.Println(err)
		return
	}
	orderID, _ := srv.CreateOrder(shopapitest.NewOrder{OpenID: "buyer",
		Lines: []shopapitest.OrderLine{{ProductID: "p1", SKUID: "s1", Count: 2, UnitPriceFen: 3990}}})
	_, err = c.Dropship.Assign(ctx, &shopapi.DropshipAssignRequest{OrderID: orderID, SupplierAppID: "wx_supplier",
		Products: []shopapi.DropshipProduct{{SpuID: "p1", SkuID: "s1", ProductCnt: 2}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	page, _, err := c.Dropship.List(ctx, shopapi.DropshipFilter{OrderID: orderID}, shopapi.DropshipPageInfo{Limit: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	ds, _, err := c.Dropship.Get(ctx, page.DsOrderIDs[0])
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.Total, "dropship order to", ds.SupplierAppID, "for the order:", ds.OrderID == orderID)
	// Output: 1 dropship order to wx_supplier for the order: true
}

// Reads a head supplier's commission order (团长佣金单) and reconciles its
// talent commission and service fee with their ratios, in whole fen.
func ExampleCheckCommission() {
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return dropshipNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	srv.AddHeadSupplierItem(shopapitest.HeadSupplierItem{AppID: "wx_shop", ProductID: "1001", Title: "核桃", CatIDs: []vcart.ID{"1421"}})
	_, err = srv.AddCommissionOrder(shopapitest.CommissionSale{OrderID: "3705", SKUID: "5001", AppID: "wx_shop", ProductID: "1001",
		PaidFen: 3990, TalentRatio: 100000, ServiceRatio: 300000})
	if err != nil {
		fmt.Println(err)
		return
	}
	co, _, err := c.HeadSuppliers.CommissionOrder(ctx, "3705", "5001")
	if err != nil {
		fmt.Println(err)
		return
	}
	chk, err := shopapi.CheckCommission(co, nil, vcart.HalfUp)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("paid", vcart.Fen(chk.PaidFen), "talent", vcart.Fen(chk.ReportedTalentFen), "service", vcart.Fen(chk.ReportedServiceFen), "ok", chk.OK(0))
	// Output: paid ¥39.90 talent ¥3.99 service ¥11.97 ok true
}

// A cooperation item added to a talent's showcase once the talent has
// authorised the head supplier.
func ExampleHeadSupplierService_AddToWindow() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	srv.AddHeadSupplierItem(shopapitest.HeadSupplierItem{AppID: "wx_shop", ProductID: "1001", Title: "核桃", CatIDs: []vcart.ID{"1421"}})
	auth, _, err := c.HeadSuppliers.WindowAuth(ctx, "sph_talent")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("send the talent:", auth.AuthURL != "")
	srv.AuthorizeWindow("sph_talent") // the talent accepts in WeChat
	if _, err := c.HeadSuppliers.AddToWindow(ctx, &shopapi.WindowAddRequest{FinderID: "sph_talent", ProductID: "1001"}); err != nil {
		fmt.Println(err)
		return
	}
	page, _, err := c.HeadSuppliers.WindowProducts(ctx, shopapi.WindowProductsOptions{FinderID: "sph_talent", PageSize: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.List), "product in the showcase:", page.List[0].ProductID)
	// Output:
	// send the talent: true
	// 1 product in the showcase: 1001
}
