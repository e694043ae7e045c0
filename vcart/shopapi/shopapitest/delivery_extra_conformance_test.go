package shopapitest

import (
	"context"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var deliveryExtraTours = []tour{
	{"delivery extras", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		all, _, err := c.Delivery.ListCompanies(ctx, false)
		if err != nil || len(all) == 0 {
			t.Fatalf("companies = %v, %v", all, err)
		}
		ewb, _, err := c.Delivery.ListCompanies(ctx, true)
		if err != nil || len(ewb) == 0 || len(ewb) >= len(all) {
			t.Errorf("e-waybill companies = %v, %v", ewb, err)
		}
		orderID, _ := tourParcel(t, s, "ZTO")
		products := []shopapi.DeliveryProduct{{ProductID: "1001", SKUID: "2001", ProductCnt: 2}}
		pk := func(carrier, waybill string) []shopapi.Package {
			return []shopapi.Package{{DeliveryID: carrier, WaybillID: waybill, DeliverType: shopapi.DeliverSelf, Products: products}}
		}
		comp := &shopapi.CompensationRequest{OrderID: orderID, Reason: 1, Packages: pk("SF", "SF1234567890")}
		if _, err := c.Delivery.Compensate(ctx, comp); errCodeOf(err) != shopapi.CodeOrderStatusForbids {
			t.Errorf("compensation before shipping = %v", err)
		}
		if _, err := c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: orderID, Packages: pk("ZTO", "7300000000001")}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Delivery.Compensate(ctx, comp); err != nil {
			t.Fatal(err)
		}
		if st, _, err := c.Delivery.Confirm(ctx, &shopapi.ShipRequest{OrderID: comp.OrderID, Packages: comp.Packages}); err != nil || st != shopapi.ShipmentRecorded {
			t.Errorf("confirm compensation = %v, %v", st, err)
		}
		if _, err := c.Delivery.UpdateDeliveryInfo(ctx, &shopapi.DeliveryInfoUpdateRequest{OrderID: orderID,
			ChangeInfos: []shopapi.PackageChange{{Old: shopapi.PackageRef{DeliveryID: "ZTO", WaybillID: "7300000000001"},
				New: shopapi.PackageRef{DeliveryID: "YTO", WaybillID: "YT0000000000002"}}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Delivery.UpdateDeliveryInfo(ctx, &shopapi.DeliveryInfoUpdateRequest{OrderID: orderID,
			Packages: pk("EMS", "EMS00000000003")}); err != nil {
			t.Fatal(err)
		}
		o, _, err := c.Orders.Get(ctx, orderID)
		if err != nil || !o.HasPackage(pk("EMS", "EMS00000000003")[0]) || o.HasPackage(pk("YTO", "YT0000000000002")[0]) {
			t.Errorf("packages after the corrections: %+v, %v", o, err)
		}
		vn, _, err := c.Delivery.VirtualNumber(ctx, "EMS00000000003")
		if err != nil || vn.MainPhone == "" || vn.MaskedRealPhone == "" {
			t.Fatalf("virtual number = %+v, %v", vn, err)
		}
		if phone, _, err := c.Delivery.RealPhone(ctx, "EMS00000000003", vn.VirtualPhone); err != nil || phone == "" {
			t.Errorf("real phone = %q, %v", phone, err)
		}
		if _, _, err := c.Delivery.RealPhone(ctx, "EMS00000000003", "10000000000"); errCodeOf(err) != shopapi.CodeBadParams {
			t.Errorf("wrong private phone = %v", err)
		}
		pg, _, err := c.Delivery.PhonePool(ctx, 10, "")
		if err != nil || len(pg.PhoneNumbers) != 10 || !pg.HasMore || pg.TotalNum != 25 {
			t.Fatalf("pool page = %+v, %v", pg, err)
		}
		n := 0
		for _, err := range c.Delivery.PhonePoolIter(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 25 {
			t.Errorf("pool iterated %d numbers, want 25", n)
		}
	}},
}
