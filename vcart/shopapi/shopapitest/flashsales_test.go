package shopapitest_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// TestCreateOrder_FlashSale: an order placed with CreateOrder pays the
// flash price of a task running at the fake's clock, within the task's
// flash stock, which the order takes; outside the window, after a stop or
// beyond the stock it pays the SKU's price.
func TestCreateOrder_FlashSale(t *testing.T) {
	t.Parallel()
	const price, flash, stock = 5000, 3000, 3
	type order struct {
		count int64
		// promo places it with CreatePromoOrder (no coupon, no sharer).
		promo bool
		// other orders a SKU of another product, outside the task.
		other bool
	}
	type outcome struct {
		// Unit and Total are each order's sale_price and product_price.
		Unit, Total []int64
		// Stock is the task's flash stock left; Flash what FlashPrice says.
		Stock int
		Flash bool
	}
	tests := []struct {
		name string
		// start is the task's start after the clock; wait runs the clock
		// before the orders.
		start, wait time.Duration
		stop        bool
		orders      []order
		want        outcome
	}{
		{name: "running", orders: []order{{count: 2}},
			want: outcome{Unit: []int64{flash}, Total: []int64{2 * flash}, Stock: 1, Flash: true}},
		{name: "the stock runs out", orders: []order{{count: 2}, {count: 1}, {count: 1}},
			want: outcome{Unit: []int64{flash, flash, price}, Total: []int64{2 * flash, flash, price}, Stock: 0}},
		{name: "more than the stock", orders: []order{{count: 4}},
			want: outcome{Unit: []int64{price}, Total: []int64{4 * price}, Stock: stock, Flash: true}},
		{name: "not started", start: 10 * time.Minute, orders: []order{{count: 1}},
			want: outcome{Unit: []int64{price}, Total: []int64{price}, Stock: stock}},
		{name: "started", start: 10 * time.Minute, wait: 10 * time.Minute, orders: []order{{count: 1}},
			want: outcome{Unit: []int64{flash}, Total: []int64{flash}, Stock: stock - 1, Flash: true}},
		{name: "ended", wait: 2 * time.Hour, orders: []order{{count: 1}},
			want: outcome{Unit: []int64{price}, Total: []int64{price}, Stock: stock}},
		{name: "stopped", stop: true, orders: []order{{count: 1}},
			want: outcome{Unit: []int64{price}, Total: []int64{price}, Stock: stock}},
		{name: "another product", orders: []order{{count: 1, other: true}},
			want: outcome{Unit: []int64{price}, Total: []int64{price}, Stock: stock, Flash: true}},
		{name: "a promo order takes the stock once", orders: []order{{count: 1, promo: true}, {count: 2}},
			want: outcome{Unit: []int64{flash, flash}, Total: []int64{flash, 2 * flash}, Stock: 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := &clock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())}
			srv := shopapitest.NewServer(t, shopapitest.WithClock(clk.Now))
			c := srv.Client(shopapi.WithoutRateLimit())
			ctx := context.Background()
			pid, sku := flashProduct(ctx, t, srv, c, price)
			start := clk.Now().Add(tt.start).Unix()
			task, _, err := c.FlashSales.Add(ctx, &shopapi.FlashSaleTask{ProductID: pid, StartTime: start, EndTime: start + 3600,
				SKUs: []shopapi.FlashSaleSKU{{SKUID: sku, SalePrice: flash, SaleStock: stock}}})
			if err != nil {
				t.Fatal(err)
			}
			if tt.stop {
				if _, err := c.FlashSales.Stop(ctx, task); err != nil {
					t.Fatal(err)
				}
			}
			clk.Advance(tt.wait)
			var got outcome
			for _, o := range tt.orders {
				line := shopapitest.OrderLine{ProductID: pid, SKUID: sku, Count: o.count, UnitPriceFen: price}
				if o.other {
					line.ProductID, line.SKUID = "10000000000000009", "20000000000000009"
				}
				var id vcart.ID
				if o.promo {
					id, _, err = srv.CreatePromoOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}}, shopapitest.Promo{})
				} else {
					id, err = srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
				}
				if err != nil {
					t.Fatal(err)
				}
				ord, _, err := c.Orders.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				got.Unit = append(got.Unit, int64(ord.Detail.ProductInfos[0].SalePrice))
				got.Total = append(got.Total, int64(ord.Detail.PriceInfo.ProductPrice))
			}
			l, _, err := c.FlashSales.List(ctx, nil)
			if err != nil || len(l.Tasks) != 1 || len(l.Tasks[0].SKUs) != 1 {
				t.Fatalf("list: %v %+v", err, l)
			}
			got.Stock = l.Tasks[0].SKUs[0].SaleStock
			_, got.Flash = srv.FlashPrice(pid, sku)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// flashProduct adds and lists a product with one SKU at priceFen and
// returns its product and SKU ids.
func flashProduct(ctx context.Context, t *testing.T, srv *shopapitest.Server, c *shopapi.Client, priceFen int64) (shopapi.ID, shopapi.ID) {
	t.Helper()
	p := &shopapi.Product{OutProductID: "flash-1", Title: "云南高山手剥核桃 500g",
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2", "https://mmecimage.cn/p/wxshop/3"},
		Cats:     shopapitest.CatsFor(shopapitest.CatNuts),
		SKUs:     []shopapi.SKU{{OutSKUID: "flash-sku-1", SalePrice: priceFen, MarketPrice: priceFen * 2, StockNum: 100}}}
	res, _, err := c.Products.Add(ctx, p, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.ApproveAudit(res.ProductID); err != nil {
		t.Fatal(err)
	}
	got, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	return res.ProductID, got.Product.SKUs[0].SKUID
}
