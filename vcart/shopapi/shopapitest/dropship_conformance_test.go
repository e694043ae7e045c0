package shopapitest

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var dropshipTours = []tour{
	{"dropship", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		const sup = "wx_supplier_1"
		if _, err := c.Dropship.InviteSupplier(ctx, &shopapi.SupplierInvitation{SupplierAppID: sup, ServiceID: 7, Remark: "代发邀请"}); err != nil {
			t.Fatal(err)
		}
		page, _, err := c.Dropship.Suppliers(ctx, 0, 10)
		if err != nil || page.TotalCount != 1 || page.List[0].AppID != sup {
			t.Fatalf("suppliers = %+v, %v", page, err)
		}
		d, _, err := c.Dropship.Distribution(ctx)
		if err != nil || d.Type != shopapi.DistributeManual {
			t.Fatalf("distribution = %+v, %v; want manual by default", d, err)
		}
		if _, err := c.Dropship.SetAllShop(ctx, "wx_unknown"); errCodeOf(err) != shopapi.CodeDropshipNotBound {
			t.Errorf("set all to an unbound supplier: %v", err)
		}
		if _, err := c.Dropship.SetAllShop(ctx, sup); err != nil {
			t.Fatal(err)
		}
		d, _, err = c.Dropship.Distribution(ctx)
		if err != nil || d.Type != shopapi.DistributeAllShop || d.AllSupplierAppID != sup || d.AllSupplierName == "" {
			t.Fatalf("distribution = %+v, %v", d, err)
		}
		yes := true
		if _, err := c.Dropship.SetPerProduct(ctx, []shopapi.ProductDistribution{{SupplierAppID: sup, ProductID: "p1", IsDistribute: true, ApplyToGift: &yes}}); err != nil {
			t.Fatal(err)
		}
		if ps, _, err := c.Dropship.ProductSupplier(ctx, "p1"); err != nil || !ps.Exists || ps.SupplierAppID != sup {
			t.Errorf("product supplier = %+v, %v", ps, err)
		}
		supp := sup
		dp, _, err := c.Dropship.DistributedProducts(ctx, shopapi.DistributedProductsOptions{SupplierAppID: &supp, Limit: 10})
		if err != nil || dp.TotalCount != 1 || dp.List[0].ProductID != "p1" || dp.List[0].SupplierName == "" {
			t.Fatalf("distributed products = %+v, %v", dp, err)
		}
		if _, err := c.Dropship.SetManual(ctx); err != nil {
			t.Fatal(err)
		}

		orderID, err := s.CreateOrder(NewOrder{OpenID: "o_buyer", Lines: []OrderLine{{ProductID: "p1", SKUID: "s1", Title: "茶", Count: 3, UnitPriceFen: 1990}}})
		if err != nil {
			t.Fatal(err)
		}
		line := shopapi.DropshipProduct{SpuID: "p1", SkuID: "s1", ProductCnt: 3}
		if _, err := c.Dropship.Assign(ctx, &shopapi.DropshipAssignRequest{OrderID: orderID, SupplierAppID: sup, Products: []shopapi.DropshipProduct{line}}); err != nil {
			t.Fatal(err)
		}
		status := 0
		lp, _, err := c.Dropship.List(ctx, shopapi.DropshipFilter{OrderID: orderID, Status: &status}, shopapi.DropshipPageInfo{Limit: 10})
		if err != nil || lp.Total != 1 || len(lp.DsOrderIDs) != 1 {
			t.Fatalf("list = %+v, %v", lp, err)
		}
		ds := lp.DsOrderIDs[0]
		now := s.now().Unix()
		sp, _, err := c.Dropship.Search(ctx, shopapi.DropshipFilter{CreateTimeRange: &shopapi.DropshipTimeRange{StartTime: now - 60, EndTime: now + 60}}, shopapi.DropshipPageInfo{Limit: 10})
		if err != nil || !slices.Equal(sp.DsOrderIDs, lp.DsOrderIDs) {
			t.Fatalf("search = %+v, %v", sp, err)
		}
		got, _, err := c.Dropship.Get(ctx, ds)
		if err != nil {
			t.Fatal(err)
		}
		want := &shopapi.DropshipOrder{DsOrderID: ds, CreateTime: now, UpdateTime: now, SupplierAppID: sup, SupplierName: got.SupplierName, OrderID: orderID}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("get (-want +got):\n%s", diff)
		}
		line.ProductCnt = 1
		if _, err := c.Dropship.Cancel(ctx, &shopapi.DropshipCancelRequest{OrderID: orderID, DsOrderID: ds, Products: []shopapi.DropshipProduct{line}}); err != nil {
			t.Fatal(err)
		}
		line.ProductCnt = 3
		if _, err := c.Dropship.Cancel(ctx, &shopapi.DropshipCancelRequest{OrderID: orderID, DsOrderID: ds, Products: []shopapi.DropshipProduct{line}}); errCodeOf(err) != shopapi.CodeBadParams {
			t.Errorf("cancel more than assigned: %v", err)
		}
		var types []string
		for _, e := range s.Events() {
			if e.Name == "channels_ec_order_ext_info_update" {
				types = append(types, string(e.Plaintext))
			}
		}
		if len(types) != 2 {
			t.Errorf("ext_info_update pushes = %q, want assign (14) and cancel (15)", types)
		}
		var names []string
		for _, e := range s.SupplierEvents(sup) {
			ev, err := notify.DecodeEvent(e.Plaintext)
			if err != nil {
				t.Fatal(err)
			}
			d, ok := ev.(*notify.DropshipOrderEvent)
			if !ok || string(d.DsOrderID) != string(ds) {
				t.Errorf("supplier event %s decoded as %#v", e.Plaintext, ev)
				continue
			}
			names = append(names, d.EventName())
		}
		if want := []string{notify.EventDropshipOrderNew, notify.EventDropshipOrderUpdate}; !slices.Equal(names, want) {
			t.Errorf("supplier events = %q, want %q", names, want)
		}
	}},
}
