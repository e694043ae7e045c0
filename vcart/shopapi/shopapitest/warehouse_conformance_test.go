package shopapitest

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var warehouseTours = []tour{
	{"regional warehouses", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		p := &shopapi.Product{Title: "区域仓测试商品核桃", HeadImgs: []string{"https://mmecimage.cn/p/x/1", "https://mmecimage.cn/p/x/2",
			"https://mmecimage.cn/p/x/3"}, CatsV2: []shopapi.CatRef{{CatID: "6091"}}, SKUs: []shopapi.SKU{{SalePrice: 100, StockNum: 10}}}
		res, _, err := c.Products.Add(ctx, p, false)
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataDraft)
		if err != nil {
			t.Fatal(err)
		}
		skuID := d.EditProduct.SKUs[0].SKUID

		guangdong := shopapi.WarehouseLocation{AddressID1: 440000000}
		shenzhen := shopapi.WarehouseLocation{AddressID1: 440000000, AddressID2: 440300000}
		nanshan := shopapi.WarehouseLocation{AddressID1: 440000000, AddressID2: 440300000, AddressID3: 440305000}
		if _, err := c.Warehouses.Create(ctx, &shopapi.Warehouse{OutWarehouseID: "wh-gd", Name: "广东仓", Intro: "全省",
			CoverLocations: []shopapi.WarehouseLocation{guangdong}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Warehouses.Create(ctx, &shopapi.Warehouse{OutWarehouseID: "wh-sz", Name: "深圳仓", Intro: "市内"}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Warehouses.Create(ctx, &shopapi.Warehouse{OutWarehouseID: "wh-sz", Name: "x", Intro: "y"}); errCodeOf(err) != codeWarehouseBadID {
			t.Errorf("second create of the id = %v", err)
		}
		if _, err := c.Warehouses.AddCoverLocations(ctx, "wh-sz", []shopapi.WarehouseLocation{shenzhen, {AddressID1: 440000000, AddressID2: 440600000}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Warehouses.DeleteCoverLocations(ctx, "wh-sz", []shopapi.WarehouseLocation{{AddressID1: 440000000, AddressID2: 440600000}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Warehouses.AddCoverLocations(ctx, "wh-sz", []shopapi.WarehouseLocation{{AddressID1: 440000000, AddressID2: 310100000}}); errCodeOf(err) != codeWarehouseBadAddress {
			t.Errorf("a city outside its province = %v", err)
		}
		if _, err := c.Warehouses.UpdateDetail(ctx, "wh-sz", "深圳前置仓", "南山"); err != nil {
			t.Fatal(err)
		}
		w, _, err := c.Warehouses.Get(ctx, "wh-sz")
		want := &shopapi.Warehouse{OutWarehouseID: "wh-sz", Name: "深圳前置仓", Intro: "南山", CoverLocations: []shopapi.WarehouseLocation{shenzhen}}
		if d := cmp.Diff(want, w); err != nil || d != "" {
			t.Errorf("get (-want +got) %v:\n%s", err, d)
		}
		prio, _, err := c.Warehouses.PrioritySort(ctx, nanshan)
		if err != nil || !slices.Equal(prio, []string{"wh-gd", "wh-sz"}) {
			t.Errorf("priority = %v, %v", prio, err)
		}
		if _, err := c.Warehouses.SetPrioritySort(ctx, nanshan, []string{"wh-sz", "wh-gd"}); err != nil {
			t.Fatal(err)
		}
		if prio, _, _ = c.Warehouses.PrioritySort(ctx, nanshan); !slices.Equal(prio, []string{"wh-sz", "wh-gd"}) {
			t.Errorf("priority after set = %v", prio)
		}
		if _, err := c.Warehouses.UpdateStock(ctx, &shopapi.WarehouseStockUpdateRequest{ProductID: res.ProductID, SKUID: skuID,
			OutWarehouseID: "wh-sz", DiffType: shopapi.StockSet, Num: 30}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Warehouses.UpdateStock(ctx, &shopapi.WarehouseStockUpdateRequest{ProductID: res.ProductID, SKUID: skuID,
			OutWarehouseID: "wh-gd", DiffType: shopapi.StockAdd, Num: 5}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Warehouses.UpdateStock(ctx, &shopapi.WarehouseStockUpdateRequest{ProductID: res.ProductID, SKUID: skuID,
			OutWarehouseID: "wh-gd", DiffType: shopapi.StockSubtract, Num: 6}); errCodeOf(err) != shopapi.CodeStockUpdateRejected {
			t.Errorf("stock below zero = %v", err)
		}
		if n, _, err := c.Warehouses.Stock(ctx, res.ProductID, skuID, "wh-sz"); err != nil || n != 30 {
			t.Errorf("stock = %d, %v", n, err)
		}
		if per, sum := s.WarehouseStock(res.ProductID, skuID); sum != 35 || len(per) != 2 {
			t.Errorf("warehouse stock = %v, %d", per, sum)
		}
		ids, next, _, err := c.Warehouses.List(ctx, 1, "")
		if err != nil || len(ids) != 1 || next == "" {
			t.Fatalf("list page = %v, %q, %v", ids, next, err)
		}
		var all []string
		for id, err := range c.Warehouses.ListIter(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, id)
		}
		if !slices.Equal(all, []string{"wh-gd", "wh-sz"}) {
			t.Errorf("all warehouses = %v", all)
		}
	}},
}
