package shopapi_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// ExampleAddressService_Add adds the default return address that accepting
// a return sends buyers to, and finds it again as after an ambiguous add.
func ExampleAddressService_Add() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	addr := &shopapi.MerchantAddress{
		AddressInfo: shopapi.MerchantAddressInfo{UserName: "售后仓", TelNumber: "13800000000", ProvinceName: "广东省",
			CityName: "广州市", CountyName: "海珠区", DetailInfo: "新港中路 1 号"},
		RecvAddr: true, DefaultRecv: true,
	}
	id, _, err := c.Addresses.Add(ctx, addr)
	if err != nil {
		fmt.Println(err)
		return
	}
	found, _ := c.Addresses.Find(ctx, addr)
	got, _, _ := c.Addresses.Get(ctx, id)
	fmt.Println("found again:", found == id)
	fmt.Println("return address:", bool(got.RecvAddr), got.AddressInfo.CountyName)
	// Output:
	// found again: true
	// return address: true 海珠区
}

// ExampleFreightTemplate_Quote prices a basket with a freight template by
// weight: the first kilogram, then each further kilogram or part of one,
// a dearer region, and a region not delivered.
func ExampleFreightTemplate_Quote() {
	tpl := &shopapi.FreightTemplate{
		ValuationType: shopapi.FreightByWeight, ShippingMethod: shopapi.FreightNoFree,
		CalcMethods: &shopapi.FreightCalcMethods{Methods: []shopapi.FreightCalcMethod{
			{IsDefault: true, FirstValAmount: 1, FirstPrice: 600, SecondValAmount: 1, SecondPrice: 200},
			{AddressInfos: []shopapi.FreightAddress{{ProvinceName: "西藏自治区"}},
				FirstValAmount: 1, FirstPrice: 1800, SecondValAmount: 1, SecondPrice: 900}}},
		NotSendArea: &shopapi.FreightArea{AddressInfos: []shopapi.FreightAddress{{ProvinceName: "台湾省"}}},
	}
	basket := shopapi.FreightBasket{Items: []shopapi.FreightItem{{Count: 2, UnitWeightGrams: 1250, UnitPriceFen: 5900}}}
	for _, prov := range []string{"江苏省", "西藏自治区", "台湾省"} {
		q, err := tpl.Quote(basket, shopapi.FreightDestination{ProvinceName: prov})
		if errors.Is(err, shopapi.ErrNotDelivered) {
			fmt.Println(prov, "not delivered")
			continue
		}
		fmt.Println(prov, q.Fen, "fen", q.Rule)
	}
	// Output:
	// 江苏省 1000 fen default
	// 西藏自治区 3600 fen regional
	// 台湾省 not delivered
}

// ExampleFreightService_Add adds a freight template, reads it back and
// prices a basket with it.
func ExampleFreightService_Add() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	id, _, err := c.Freight.Add(ctx, &shopapi.FreightTemplate{
		Name: "按件", ValuationType: shopapi.FreightByPiece, SendTime: shopapi.SendWithin48Hours,
		DeliveryType: shopapi.DeliveryExpress, ShippingMethod: shopapi.FreightNoFree,
		AddressInfo: shopapi.FreightAddress{ProvinceName: "浙江省", CityName: "杭州市"},
		CalcMethods: &shopapi.FreightCalcMethods{Methods: []shopapi.FreightCalcMethod{
			{IsDefault: true, FirstValAmount: 2, FirstPrice: 500, SecondValAmount: 1, SecondPrice: 100}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	tpl, _, _ := c.Freight.Get(ctx, id)
	q, _ := tpl.Quote(shopapi.FreightBasket{Items: []shopapi.FreightItem{{Count: 5}}}, shopapi.FreightDestination{ProvinceName: "上海市"})
	fmt.Println(tpl.Name, q.Fen)
	// Output:
	// 按件 800
}

// ExampleEWaybillService_Create takes a waybill number for a paid order,
// gets its print data, reports the print and ships the order with it.
func ExampleEWaybillService_Create() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	orderID, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{
		{ProductID: "1001", SKUID: "2001", Count: 1, UnitPriceFen: 3990}}})
	_ = srv.PayOrder(orderID)

	acct, site, _ := shopapitest.EWaybillAccount("YTO")
	parcel := shopapi.EWaybillParcel{DeliveryID: "YTO", SiteCode: site, EWaybillAcctID: acct, ShopID: shopapitest.EWaybillShopID,
		Sender:   shopapi.EWaybillContact{Name: "仓库", Mobile: "13800000000", Province: "广东省", City: "广州市", Address: "新港中路 1 号"},
		Receiver: shopapi.EWaybillContact{Name: "李**", Mobile: "139****0000", Province: "北京市", City: "北京市", Address: "****"},
		ECOrderList: []shopapi.EWaybillECOrder{{ECOrderID: shopapi.NumericID(orderID),
			GoodsList: []shopapi.EWaybillGoods{{GoodName: "核桃", GoodCount: 1}}}},
	}
	ewbID, _, err := c.EWaybill.Precreate(ctx, &parcel)
	if err != nil {
		fmt.Println(err)
		return
	}
	created, _, err := c.EWaybill.Create(ctx, &shopapi.EWaybillCreateRequest{EWaybillOrderID: ewbID, EWaybillParcel: parcel, TemplateID: "single"})
	if err != nil {
		fmt.Println(err) // after an ambiguous failure: c.EWaybill.Confirm(ctx, ewbID)
		return
	}
	if _, _, err := c.EWaybill.PrintInfo(ctx, ewbID, "single", ""); err != nil {
		fmt.Println(err)
		return
	}
	ref := shopapi.EWaybillRef{EWaybillOrderID: ewbID, DeliveryID: "YTO", WaybillID: created.WaybillID}
	if _, err := c.EWaybill.NotifyPrinted(ctx, shopapi.EWaybillPrinted{EWaybillRef: ref}); err != nil {
		fmt.Println(err)
		return
	}
	_, err = c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: orderID, Packages: []shopapi.Package{{
		DeliveryID: "YTO", WaybillID: created.WaybillID, DeliverType: shopapi.DeliverSelf,
		Products: []shopapi.DeliveryProduct{{ProductID: "1001", SKUID: "2001", ProductCnt: 1}}}}})
	fmt.Println("shipped:", err == nil)
	status, _ := srv.OrderStatus(orderID)
	fmt.Println(status)
	// Output:
	// shipped: true
	// shipped
}

// ExampleWarehouseService_Create creates two regional warehouses, lets the
// city warehouse serve a district first, and stocks a SKU in it.
func ExampleWarehouseService_Create() {
	srv, err := shopapitest.New(shopapitest.WithAutoAudit())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	res, _, err := c.Products.Add(ctx, exampleProduct(), true)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _, _ := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	sku := d.Product.SKUs[0].SKUID

	province := shopapi.WarehouseLocation{AddressID1: 440000000}
	city := shopapi.WarehouseLocation{AddressID1: 440000000, AddressID2: 440300000}
	_, _ = c.Warehouses.Create(ctx, &shopapi.Warehouse{OutWarehouseID: "gd-main", Name: "广东总仓", Intro: "全省",
		CoverLocations: []shopapi.WarehouseLocation{province}})
	_, _ = c.Warehouses.Create(ctx, &shopapi.Warehouse{OutWarehouseID: "sz-front", Name: "深圳前置仓", Intro: "深圳市",
		CoverLocations: []shopapi.WarehouseLocation{city}})

	district := shopapi.WarehouseLocation{AddressID1: 440000000, AddressID2: 440300000, AddressID3: 440305000}
	_, _ = c.Warehouses.SetPrioritySort(ctx, district, []string{"sz-front", "gd-main"})
	order, _, _ := c.Warehouses.PrioritySort(ctx, district)
	fmt.Println("serves 南山区 first:", order[0])

	_, err = c.Warehouses.UpdateStock(ctx, &shopapi.WarehouseStockUpdateRequest{ProductID: res.ProductID, SKUID: sku,
		OutWarehouseID: "sz-front", DiffType: shopapi.StockSet, Num: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	n, _, _ := c.Warehouses.Stock(ctx, res.ProductID, sku, "sz-front")
	fmt.Println("stock in sz-front:", n)
	// Output:
	// serves 南山区 first: sz-front
	// stock in sz-front: 20
}
