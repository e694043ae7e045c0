package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// liveDemo puts a product in the channel's showcase (橱窗, where the streamer
// picks the live-stream product card), prints its links and the
// mini-program card, sells it for a week on the fake, and runs the weekly
// report on the fake's data compass (电商罗盘, T+1), written as HTML.
func liveDemo(w io.Writer) error {
	cst := vcart.Shanghai()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, cst) // Monday
	clock := func() time.Time { return now }
	srv, err := shopapitest.New(shopapitest.WithClock(clock))
	if err != nil {
		return err
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithClock(clock))
	ctx := context.Background()

	res, _, err := c.Products.Add(ctx, &shopapi.Product{
		OutProductID: "walnut-500", Title: "云南高山手剥核桃 500g",
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2", "https://mmecimage.cn/p/wxshop/3"},
		Cats:     shopapitest.CatsFor(shopapitest.CatNuts),
		SKUs:     []shopapi.SKU{{OutSKUID: "walnut-500-bag", SalePrice: 3990, MarketPrice: 5990, StockNum: 500}},
	}, true)
	if err != nil {
		return err
	}
	id := res.ProductID
	if err := srv.ApproveAudit(id); err != nil {
		return err
	}
	if _, err := c.Showcase.Add(ctx, &shopapi.ShowcaseAddRequest{ProductID: id, AppID: srv.AppID()}); err != nil {
		return err
	}
	sp, _, err := c.Showcase.Get(ctx, srv.AppID(), id)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "window/product/add → in the showcase: %s, %d fen, status %s\n", sp.Title, sp.SellingPrice, sp.Status)
	h5, _, err := c.Links.ProductH5URL(ctx, id)
	if err != nil {
		return err
	}
	qr, _, _ := c.Links.ProductQRCode(ctx, id)
	tag, _, _ := c.Links.ProductTagLink(ctx, id)
	scheme, _, err := c.Links.ProductScheme(ctx, &shopapi.ProductSchemeRequest{ProductID: id, FromAppID: "wxmobileapp0001", Expire: 7 * 24 * 3600})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "links              → H5 %s\n                     QR %s\n                     口令 %s\n                     app %s\n", h5, qr, tag, scheme)
	card, err := shopapi.MiniProgramProductCard{AppID: sp.AppID, ProductID: sp.ProductID}.WXML()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "mini-program       → %s\n", card)

	// A week of sales on the fake; the compass computes its figures from them.
	d, _, err := c.Products.Get(ctx, id, shopapi.DataOnline)
	if err != nil {
		return err
	}
	sku := d.Product.SKUs[0].SKUID
	for day := range 7 {
		for i := range 2 + day%3 {
			o, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: fmt.Sprintf("buyer-%d-%d", day, i),
				Lines: []shopapitest.OrderLine{{ProductID: id, SKUID: sku, Count: int64(1 + i%2), UnitPriceFen: 3990}}})
			if err != nil {
				return err
			}
			if i < 1+day%3 { // one order a day stays unpaid
				if err := srv.PayOrder(o); err != nil {
					return err
				}
			}
		}
		srv.RecordProductClicks(id, now, int64(20+day*3), int64(30+day*4))
		now = now.Add(24 * time.Hour)
	}

	week := kpi.Week(now.AddDate(0, 0, -1)) // last week; today is the next Monday (T+1)
	rep, days, err := c.Compass.KPIReport(ctx, week, now, kpi.Traffic{}, kpi.Config{})
	if err != nil {
		return err
	}
	m, _ := rep.Metric(kpi.MetricClickConversion)
	fmt.Fprintf(w, "compass (T+1)      → %d days, GMV %d fen, %d paid orders; %s %s (%s)\n",
		len(days), rep.Orders.GMVFen, rep.Orders.Paid, m.ChineseName, m.Display, m.Grade)

	sel, err := kpi.Suggest(shopapi.KPIProductFigures(days, map[shopapi.ID]int64{id: 1800}), kpi.SeedMixPolicy(), kpi.SelectionConfig{})
	if err != nil {
		return err
	}
	for _, p := range sel.Products {
		fmt.Fprintf(w, "product selection  → %s %s: %s\n", p.ProductID, p.Role.ChineseName(), p.Reasons[0])
	}

	var daily []kpi.DailyValue
	for _, d := range days {
		daily = append(daily, kpi.DailyValue{Label: d.DS[4:6] + "-" + d.DS[6:], Fen: int64(d.Overall.PayGMV)})
	}
	path := filepath.Join(os.TempDir(), "vcart-weekly-report.html")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = rep.WriteHTML(f, kpi.HTMLOptions{Shop: "示例坚果店", Daily: daily,
		Notes: []string{"数据来自电商罗盘 (T+1). The compass has no exposure or add-to-cart figures; its per-UV GMV is net of refunds."}})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "weekly report      → %s (self-contained HTML with SVG charts)\n", path)
	return nil
}
