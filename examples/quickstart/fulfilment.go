package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func yuan(fen int64) string { return fmt.Sprintf("¥%d.%02d", fen/100, fen%100) }

// fulfilmentDemo adds a return address and a freight template, prices a
// basket with the template, and ships an order with an e-waybill: pre-create,
// create (取号), print data, print notification, shipment, carrier track.
func fulfilmentDemo(w io.Writer) error {
	ctx := context.Background()
	srv, err := shopapitest.New()
	if err != nil {
		return err
	}
	defer srv.Close()
	c := srv.Client()

	// A return address: what an after-sale's acceptapply sends buyers to.
	addrID, _, err := c.Addresses.Add(ctx, &shopapi.MerchantAddress{
		AddressInfo: shopapi.MerchantAddressInfo{UserName: "售后仓", TelNumber: "13800000000", ProvinceName: "广东省",
			CityName: "广州市", CountyName: "海珠区", DetailInfo: "新港中路 1 号", Lat: 23.1, Lng: 113.3},
		RecvAddr: true, DefaultRecv: true,
	})
	if err != nil {
		return err
	}
	a, _, err := c.Addresses.Get(ctx, addrID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "return address: %s%s%s %s (default return address: %t)\n", a.AddressInfo.ProvinceName,
		a.AddressInfo.CityName, a.AddressInfo.CountyName, a.AddressInfo.DetailInfo, bool(a.DefaultRecv))

	// A freight template by pieces: ¥8 the first piece, ¥2 per 2 more,
	// ¥20 + ¥10 per piece to Xinjiang, free in Guangdong from ¥99, no
	// delivery to Hong Kong.
	tplID, _, err := c.Freight.Add(ctx, &shopapi.FreightTemplate{
		Name: "按件计费", ValuationType: shopapi.FreightByPiece, SendTime: shopapi.SendWithin48Hours,
		DeliveryType: shopapi.DeliveryExpress, ShippingMethod: shopapi.FreightFreeIfConditions,
		AddressInfo: shopapi.FreightAddress{ProvinceName: "广东省", CityName: "广州市", CountyName: "海珠区"},
		ConditionFree: &shopapi.FreightConditionFree{Rules: []shopapi.FreightConditionRule{
			{AddressInfos: []shopapi.FreightAddress{{ProvinceName: "广东省"}}, MinAmount: 9900, AmountFlag: 1}}},
		CalcMethods: &shopapi.FreightCalcMethods{Methods: []shopapi.FreightCalcMethod{
			{IsDefault: true, FirstValAmount: 1, FirstPrice: 800, SecondValAmount: 2, SecondPrice: 200},
			{AddressInfos: []shopapi.FreightAddress{{ProvinceName: "新疆维吾尔自治区"}},
				FirstValAmount: 1, FirstPrice: 2000, SecondValAmount: 1, SecondPrice: 1000}}},
		NotSendArea: &shopapi.FreightArea{AddressInfos: []shopapi.FreightAddress{{ProvinceName: "香港特别行政区"}}},
	})
	if err != nil {
		return err
	}
	tpl, _, err := c.Freight.Get(ctx, tplID)
	if err != nil {
		return err
	}
	basket := shopapi.FreightBasket{Items: []shopapi.FreightItem{{Count: 3, UnitPriceFen: 3990}}}
	fmt.Fprintf(w, "freight of 3 × %s:\n", yuan(3990))
	for _, to := range []shopapi.FreightDestination{{ProvinceName: "浙江省", CityName: "杭州市"},
		{ProvinceName: "新疆维吾尔自治区", CityName: "乌鲁木齐市"}, {ProvinceName: "广东省", CityName: "深圳市"},
		{ProvinceName: "香港特别行政区"}} {
		q, err := tpl.Quote(basket, to)
		switch {
		case errors.Is(err, shopapi.ErrNotDelivered):
			fmt.Fprintf(w, "  to %s: not delivered\n", to.ProvinceName)
		case err != nil:
			return err
		default:
			fmt.Fprintf(w, "  to %s: %s (%s rule)\n", to.ProvinceName, yuan(q.Fen), q.Rule)
		}
	}

	// An e-waybill from a paid order to its shipment.
	orderID, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{
		{ProductID: "1001", SKUID: "2001", Title: "手剥核桃 500g", Count: 3, UnitPriceFen: 3990}}, FreightFen: 1000})
	if err != nil {
		return err
	}
	if err := srv.PayOrder(orderID); err != nil {
		return err
	}
	acct, site, _ := shopapitest.EWaybillAccount("ZTO")
	parcel := shopapi.EWaybillParcel{DeliveryID: "ZTO", SiteCode: site, EWaybillAcctID: acct, ShopID: shopapitest.EWaybillShopID,
		Sender: shopapi.EWaybillContact{Name: "发货仓", Mobile: "13800000000", Province: "广东省", City: "广州市",
			County: "海珠区", Address: "新港中路 1 号"},
		Receiver: shopapi.EWaybillContact{Name: "张**", Mobile: "138****0000", Province: "浙江省", City: "杭州市",
			County: "西湖区", Address: "****"},
		ECOrderList: []shopapi.EWaybillECOrder{{ECOrderID: shopapi.NumericID(orderID),
			GoodsList: []shopapi.EWaybillGoods{{GoodName: "手剥核桃 500g", GoodCount: 3, ProductID: "1001", SKUID: "2001"}}}},
	}
	ewbID, _, err := c.EWaybill.Precreate(ctx, &parcel)
	if err != nil {
		return err
	}
	created, _, err := c.EWaybill.Create(ctx, &shopapi.EWaybillCreateRequest{EWaybillOrderID: ewbID, EWaybillParcel: parcel, TemplateID: "single"})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "e-waybill: pre-created, number taken from ZTO")
	data, _, err := c.EWaybill.PrintInfo(ctx, ewbID, "single", "")
	if err != nil {
		return err
	}
	ref := shopapi.EWaybillRef{EWaybillOrderID: ewbID, DeliveryID: "ZTO", WaybillID: created.WaybillID}
	if _, err := c.EWaybill.NotifyPrinted(ctx, shopapi.EWaybillPrinted{EWaybillRef: ref}); err != nil {
		return err
	}
	fmt.Fprintf(w, "e-waybill: print data received (%d bytes), printing reported\n", len(data))
	_, err = c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: orderID, Packages: []shopapi.Package{{
		DeliveryID: "ZTO", WaybillID: created.WaybillID, DeliverType: shopapi.DeliverSelf,
		Products: []shopapi.DeliveryProduct{{ProductID: "1001", SKUID: "2001", ProductCnt: 3}}}}})
	if err != nil {
		return err
	}
	o, _, err := c.Orders.Get(ctx, orderID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "order shipped with the waybill: status %v, packages %d\n", o.Status, srv.Packages(orderID))
	if err := srv.TrackWaybill(ewbID, 1, "快件已揽收"); err != nil {
		return err
	}
	ev := srv.Events()
	ewb, _, err := c.EWaybill.Get(ctx, ewbID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "carrier track: %q, pushed as %s\n", ewb.PathInfo[len(ewb.PathInfo)-1].Desc, ev[len(ev)-1].Name)
	return nil
}
