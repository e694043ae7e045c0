package shopapitest_test

import (
	"errors"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// TestFulfilment_NeverReplayed drops the connection after the fake applied
// each non-idempotent fulfilment write: the client must not send it again
// (one call reaches the server), report ErrAmbiguous, and the
// confirm-by-reading path must find the write applied.
func TestFulfilment_NeverReplayed(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	drop := shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop}

	// Address add → Find.
	addr := &shopapi.MerchantAddress{AddressInfo: shopapi.MerchantAddressInfo{UserName: "仓", ProvinceName: "广东省",
		CityName: "广州市", CountyName: "海珠区", DetailInfo: "1 号"}, RecvAddr: true}
	const addPath = "/channels/ec/merchant/address/add"
	srv.InjectFault(addPath, drop)
	if _, _, err := c.Addresses.Add(ctx, addr); !errors.Is(err, shopapi.ErrAmbiguous) {
		t.Fatalf("add address = %v, want ErrAmbiguous", err)
	}
	if n := srv.Calls(addPath); n != 1 {
		t.Errorf("address add reached the server %d times, want 1", n)
	}
	if id, err := c.Addresses.Find(ctx, addr); err != nil || id == "" {
		t.Errorf("find = %q, %v; want the applied address", id, err)
	}

	// E-waybill create → Confirm.
	orderID, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{{ProductID: "1", SKUID: "2", Count: 1, UnitPriceFen: 100}}})
	if err != nil {
		t.Fatal(err)
	}
	acct, site, _ := shopapitest.EWaybillAccount("ZTO")
	req := &shopapi.EWaybillCreateRequest{EWaybillOrderID: "8000000000000000001", EWaybillParcel: shopapi.EWaybillParcel{
		DeliveryID: "ZTO", SiteCode: site, EWaybillAcctID: acct, ShopID: shopapitest.EWaybillShopID,
		Sender:      shopapi.EWaybillContact{Name: "a", Mobile: "1", Province: "广东省", City: "广州市", Address: "x"},
		Receiver:    shopapi.EWaybillContact{Name: "b", Mobile: "2", Province: "上海市", City: "上海市", Address: "y"},
		ECOrderList: []shopapi.EWaybillECOrder{{ECOrderID: shopapi.NumericID(orderID), GoodsList: []shopapi.EWaybillGoods{{GoodName: "g", GoodCount: 1}}}}}}
	const createPath = "/channels/ec/logistics/ewaybill/biz/order/create"
	srv.InjectFault(createPath, drop)
	if _, _, err := c.EWaybill.Create(ctx, req); !errors.Is(err, shopapi.ErrAmbiguous) {
		t.Fatalf("create e-waybill = %v, want ErrAmbiguous", err)
	}
	if n := srv.Calls(createPath); n != 1 {
		t.Errorf("e-waybill create reached the server %d times, want 1", n)
	}
	if o, created, err := c.EWaybill.Confirm(ctx, req.EWaybillOrderID); err != nil || !created || o.WaybillID == "" {
		t.Errorf("confirm = %+v, %v, %v; want created", o, created, err)
	}

	// Warehouse create → Get.
	const whPath = "/channels/ec/warehouse/create"
	srv.InjectFault(whPath, drop)
	if _, err := c.Warehouses.Create(ctx, &shopapi.Warehouse{OutWarehouseID: "w1", Name: "仓", Intro: "介绍"}); !errors.Is(err, shopapi.ErrAmbiguous) {
		t.Fatalf("create warehouse = %v, want ErrAmbiguous", err)
	}
	if n := srv.Calls(whPath); n != 1 {
		t.Errorf("warehouse create reached the server %d times, want 1", n)
	}
	if _, _, err := c.Warehouses.Get(ctx, "w1"); err != nil {
		t.Errorf("get after the ambiguous create: %v", err)
	}
}
