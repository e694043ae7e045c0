package shopapitest

import (
	"context"
	"errors"
	"github.com/vcart-sdk/vcart-go/vcart"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var talentTours = []tour{
	{"talent commission orders: list, page, detail before and after settlement", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		setClock(s, compassDay)
		pid, sku := listedProduct(ctx, t, s, c, "每日坚果礼盒", 5990)
		var ids []vcart.ID
		for i := range 3 {
			id, err := s.CreateOrder(NewOrder{OpenID: "o-buyer", TalentCommissionFen: int64(599 + i),
				Lines: []OrderLine{{ProductID: pid, SKUID: sku, Count: 1, UnitPriceFen: 5990}}})
			homepageMust(t, "create", err)
			homepageMust(t, "pay", s.PayOrder(id))
			ids = append(ids, id)
		}
		// An order without a talent is not a commission order.
		plain, err := s.CreateOrder(NewOrder{Lines: []OrderLine{{ProductID: pid, SKUID: sku, Count: 1, UnitPriceFen: 5990}}})
		homepageMust(t, "create plain", err)
		homepageMust(t, "pay plain", s.PayOrder(plain))

		pg, _, err := c.Talents.Orders(ctx, &shopapi.TalentOrderListRequest{PageSize: 2, CreateTimeGT: compassDay.Unix() - 1})
		homepageMust(t, "page", err)
		if len(pg.Orders) != 2 || !pg.HasMore || pg.NextKey == "" {
			t.Errorf("page: %+v", pg)
		}
		var got []vcart.ID
		for o, err := range c.Talents.OrdersIter(ctx, shopapi.TalentOrderListRequest{PageSize: 2}) {
			homepageMust(t, "iter", err)
			got = append(got, o.OrderID)
		}
		if d := cmp.Diff(ids, got); d != "" {
			t.Errorf("orders (-want +got):\n%s", d)
		}

		o, _, err := c.Talents.OrderDetail(ctx, ids[0], sku, "")
		homepageMust(t, "detail", err)
		if o.BaseInfo.ActualPayment != "5990" || o.CommissionInfo.ExpectSettlement != "5.99" || o.CommissionInfo.State != 1 {
			t.Errorf("detail: %+v", o)
		}
		homepageMust(t, "ship", s.ShipAll(ids[0]))
		homepageMust(t, "confirm", s.ConfirmReceipt(ids[0]))
		homepageMust(t, "settle", s.SettleOrder(ids[0]))
		o, _, err = c.Talents.OrderDetail(ctx, ids[0], sku, "")
		homepageMust(t, "detail after settlement", err)
		if o.CommissionInfo.State != 2 || o.CommissionInfo.ActualSettlement != "5.99" || o.CommissionInfo.ActualSettleTime == 0 {
			t.Errorf("settled: %+v", o.CommissionInfo)
		}
		var ae *shopapi.APIError
		if _, _, err := c.Talents.OrderDetail(ctx, plain, sku, ""); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeHeadSupplierOrderNotFound {
			t.Errorf("an order without a talent: %v", err)
		}
	}},
	{"talent showcase: list by cursor and page, detail", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		var pids []vcart.ID
		for _, title := range []string{"每日坚果礼盒", "古法手工红糖块", "云南小粒咖啡豆"} {
			pid, _ := listedProduct(ctx, t, s, c, title, 5990)
			_, err := c.Showcase.Add(ctx, &shopapi.ShowcaseAddRequest{ProductID: pid, AppID: s.AppID()})
			homepageMust(t, "showcase add", err)
			pids = append(pids, pid)
		}
		var got []vcart.ID
		for p, err := range c.Talents.WindowProductsIter(ctx) {
			homepageMust(t, "iter", err)
			got = append(got, p.ProductID)
			if p.AppID != s.AppID() || p.OutProductID == "" {
				t.Errorf("ref: %+v", p)
			}
		}
		if d := cmp.Diff(pids, got); d != "" {
			t.Errorf("showcase (-want +got):\n%s", d)
		}
		pg, _, err := c.Talents.WindowProducts(ctx, 2, 2, "")
		homepageMust(t, "page 2", err)
		if len(pg.Products) != 1 || pg.Products[0].ProductID != pids[2] {
			t.Errorf("page 2: %+v", pg)
		}
		p, _, err := c.Talents.WindowProduct(ctx, pids[0])
		homepageMust(t, "detail", err)
		if p.Title != "每日坚果礼盒" || p.SellingPrice != 5990 || p.ProductPromotionLink == "" {
			t.Errorf("detail: %+v", p)
		}
	}},
}
