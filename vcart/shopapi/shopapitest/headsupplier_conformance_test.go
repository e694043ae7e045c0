package shopapitest

import (
	"context"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var headSupplierTours = []tour{
	{"head supplier", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		hs := c.HeadSuppliers
		for i, p := range []vcart.ID{"1001", "1002"} {
			s.AddHeadSupplierItem(HeadSupplierItem{AppID: "wx_shop_a", ProductID: p, Title: "核桃 " + string(p), ShopNickname: "山货铺",
				HeadImg: "https://example.com/" + string(p) + ".jpg", CatIDs: []vcart.ID{"1421", "1443"}})
			if i == 0 {
				s.AddHeadSupplierItem(HeadSupplierItem{AppID: "wx_shop_b", ProductID: "2001", Title: "茶", ShopNickname: "茶铺",
					HeadImg: "https://example.com/2001.jpg", CatIDs: []vcart.ID{"1"}})
			}
		}
		now := s.now().Unix()
		co, err := s.AddCommissionOrder(CommissionSale{OrderID: "3705115058471208928", SKUID: "5001", AppID: "wx_shop_a", ProductID: "1001",
			FinderID: "sph_talent", FinderNickname: "达人", PaidFen: 3990, TalentRatio: 100000, ServiceRatio: 300000})
		if err != nil {
			t.Fatal(err)
		}

		// Items and shops, paged by next_key.
		ip, _, err := hs.Items(ctx, "", 2, "")
		if err != nil || len(ip.List) != 2 || !ip.HasMore || ip.NextKey == "" {
			t.Fatalf("items page 1 = %+v, %v", ip, err)
		}
		var items []shopapi.HeadSupplierItemRef
		for it, err := range hs.ItemsIter(ctx, "wx_shop_a") {
			if err != nil {
				t.Fatal(err)
			}
			items = append(items, it)
		}
		if len(items) != 2 {
			t.Errorf("items of wx_shop_a = %+v", items)
		}
		if _, _, err := hs.Items(ctx, "wx_unknown", 2, ""); errCodeOf(err) != 10024003 {
			t.Errorf("items of an unknown shop: %v", err)
		}
		item, _, err := hs.Item(ctx, "wx_shop_a", "1001")
		if err != nil || item.ProductInfo.Title != "核桃 1001" || len(item.ProductInfo.CatsV2) != 2 {
			t.Fatalf("item = %+v, %v", item, err)
		}
		sp, _, err := hs.Shops(ctx, 1, "")
		if err != nil || len(sp.Shops) != 1 || !sp.HasMore || sp.Shops[0].DataInfo != nil {
			t.Fatalf("shops = %+v, %v", sp, err)
		}
		shop, _, err := hs.Shop(ctx, "wx_shop_a")
		if err != nil || shop.DataInfo == nil || shop.DataInfo.GMV != 3990 || shop.DataInfo.ProductNumber != 2 {
			t.Fatalf("shop = %+v, %v", shop, err)
		}

		// Commission orders reconcile.
		op, _, err := hs.CommissionOrders(ctx, shopapi.CommissionOrderListOptions{FinderID: "sph_talent", PageSize: 10,
			CreateTimeRange: &shopapi.DropshipTimeRange{StartTime: now - 10, EndTime: now + 10}})
		if err != nil || len(op.List) != 1 {
			t.Fatalf("commission orders = %+v, %v", op, err)
		}
		if _, _, err := hs.CommissionOrders(ctx, shopapi.CommissionOrderListOptions{AppID: "wx_shop_a", PageSize: 10, NextKey: "",
			UpdateTimeRange: &shopapi.DropshipTimeRange{StartTime: now - 10, EndTime: now + 10}}); err != nil {
			t.Fatal(err)
		}
		got, _, err := hs.CommissionOrder(ctx, op.List[0].OrderID, op.List[0].SKUID)
		if err != nil {
			t.Fatal(err)
		}
		chk, err := shopapi.CheckCommission(got, nil, vcart.HalfUp)
		if err != nil || !chk.OK(0) || chk.ReportedServiceFen != 1197 || chk.ReportedTalentFen != 399 {
			t.Errorf("check = %+v, %v (added %+v)", chk, err, co)
		}
		if _, _, err := hs.CommissionOrder(ctx, "1", "2"); errCodeOf(err) != shopapi.CodeHeadSupplierOrderNotFound {
			t.Errorf("unknown commission order: %v", err)
		}

		// Funds.
		bal, _, err := hs.Balance(ctx)
		if err != nil || bal.AvailableAmount != 1197 {
			t.Fatalf("balance = %+v, %v", bal, err)
		}
		fp, _, err := hs.FundsFlows(ctx, shopapi.HeadSupplierFlowListOptions{PageSize: 10})
		if err != nil || len(fp.FlowIDs) != 1 {
			t.Fatalf("flows = %+v, %v", fp, err)
		}
		flow, _, err := hs.FundsFlow(ctx, fp.FlowIDs[0])
		if err != nil || flow.Amount != 1197 || flow.Balance != 1197 || flow.OrderID != co.OrderID {
			t.Fatalf("flow = %+v, %v", flow, err)
		}
		s.AddCommissionOrder(CommissionSale{OrderID: "3705115058471208929", SKUID: "5002", AppID: "wx_shop_b", ProductID: "2001",
			PaidFen: 1000, TalentRatio: 50000, ServiceRatio: 100000})
		if fp, _, err := hs.FundsFlows(ctx, shopapi.HeadSupplierFlowListOptions{PageSize: 1}); err != nil || !fp.HasMore || fp.NextKey == "" {
			t.Fatalf("flows page 1 of 2 = %+v, %v", fp, err)
		}

		// The showcase: authorise, add, list, read, remove.
		const finder = "sph_talent"
		if _, err := hs.AddToWindow(ctx, &shopapi.WindowAddRequest{FinderID: finder, ProductID: "1001"}); errCodeOf(err) != shopapi.CodeHeadSupplierBadParams {
			t.Errorf("add before authorisation: %v", err)
		}
		auth, _, err := hs.WindowAuth(ctx, finder)
		if err != nil || auth.AuthURL == "" {
			t.Fatalf("auth = %+v, %v", auth, err)
		}
		if st, _, err := hs.WindowAuthStatus(ctx, finder); err != nil || st.Status != 0 {
			t.Fatalf("status before = %+v, %v", st, err)
		}
		s.AuthorizeWindow(finder)
		st, _, err := hs.WindowAuthStatus(ctx, finder)
		if err != nil || st.Status != 1 || st.OpenFinderID == "" {
			t.Fatalf("status after = %+v, %v", st, err)
		}
		for _, p := range []string{"1001", "1002"} {
			if _, err := hs.AddToWindow(ctx, &shopapi.WindowAddRequest{FinderID: finder, OpenFinderID: st.OpenFinderID, ProductID: shopapi.ID(p)}); err != nil {
				t.Fatal(err)
			}
		}
		wp, _, err := hs.WindowProducts(ctx, shopapi.WindowProductsOptions{AppID: "wx_shop_a", FinderID: finder, PageSize: 1, NeedTotalNum: true})
		if err != nil || len(wp.List) != 1 || !wp.HaveMore || wp.TotalNum != 2 || wp.NextOffset != 1 {
			t.Fatalf("window page = %+v, %v", wp, err)
		}
		d, _, err := hs.WindowProduct(ctx, "wx_shop_a", finder, "1002")
		if err != nil || d.ProductInfo.Title != "核桃 1002" {
			t.Fatalf("window detail = %+v, %v", d, err)
		}
		if _, err := hs.RemoveFromWindow(ctx, "wx_shop_a", finder, "1002"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := hs.WindowProduct(ctx, "wx_shop_a", finder, "1002"); errCodeOf(err) != shopapi.CodeHeadSupplierBadParams {
			t.Errorf("detail after remove: %v", err)
		}
	}},
}
