package shopapi_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// listedExampleProduct adds the example product and passes its audit.
func listedExampleProduct(ctx context.Context, srv *shopapitest.Server, c *shopapi.Client) (shopapi.ID, shopapi.ID, error) {
	res, _, err := c.Products.Add(ctx, exampleProduct(), true)
	if err != nil {
		return "", "", err
	}
	if err := srv.ApproveAudit(res.ProductID); err != nil {
		return "", "", err
	}
	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		return "", "", err
	}
	return res.ProductID, d.Product.SKUs[0].SKUID, nil
}

// Puts a listed product in the channel's showcase (橱窗), where the
// streamer picks it for a live-stream product card, and reads it back.
func ExampleShowcaseService_Add() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	id, _, err := listedExampleProduct(ctx, srv, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.Showcase.Add(ctx, &shopapi.ShowcaseAddRequest{ProductID: id, AppID: srv.AppID()}); err != nil {
		fmt.Println(err)
		return
	}
	p, _, err := c.Showcase.Get(ctx, srv.AppID(), id)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title, p.Status, p.SellingPrice, "fen")
	fmt.Println(p.PagePath.HalfPagePath == "pages/buy/productDetail?productId="+string(id))
	// Output:
	// 云南高山手剥核桃 500g active 3990 fen
	// true
}

// Builds everything a mini-program page needs to sell a showcase product:
// the store-product card (shop appid, product id, optional promotion
// link), the shop's store-home, and the product's H5 link, QR code and 口令
// for sharing outside the mini-program.
func ExampleMiniProgramProductCard() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	id, _, err := listedExampleProduct(ctx, srv, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.Showcase.Add(ctx, &shopapi.ShowcaseAddRequest{ProductID: id, AppID: srv.AppID()}); err != nil {
		fmt.Println(err)
		return
	}
	p, _, err := c.Showcase.Get(ctx, srv.AppID(), id)
	if err != nil {
		fmt.Println(err)
		return
	}
	card := shopapi.MiniProgramProductCard{AppID: p.AppID, ProductID: p.ProductID}
	wxml, err := card.WXML()
	if err != nil {
		fmt.Println(err)
		return
	}
	home, _ := shopapi.MiniProgramHomeWXML(p.AppID)
	h5, _, err := c.Links.ProductH5URL(ctx, id)
	if err != nil {
		fmt.Println(err)
		return
	}
	qr, _, _ := c.Links.ProductQRCode(ctx, id)
	tag, _, _ := c.Links.ProductTagLink(ctx, id)
	for _, link := range []string{h5, qr, tag} {
		got, _, ok := srv.ResolveLink(link)
		fmt.Println(ok && got == id)
	}
	fmt.Println(wxml == `<store-product appid="`+srv.AppID()+`" product-id="`+string(id)+`" />`)
	fmt.Println(home)
	// Output:
	// true
	// true
	// true
	// true
	// <store-home appid="wxfake00000000001" />
}

// Lists a day's live streams on the dashboard and the leads their
// lead-collection component gathered.
func ExampleLiveService_List() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	cst := vcart.Shanghai()
	start := time.Date(2026, 3, 5, 20, 0, 0, 0, cst)
	srv.AddLive(shopapitest.LiveSession{Title: "核桃专场", Start: start, Duration: 90 * time.Minute, Audience: 2400,
		LeadPhones: []string{"13800000001", "13800000002"}, LeadsExposureUV: 800, LeadsClickUV: 60})

	l, _, err := c.Live.List(ctx, shopapi.CompassDay(start))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("lives:", len(l.LiveItems))
	comps, _, err := c.Live.Components(ctx, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	q := &shopapi.LeadsQuery{LeadsComponentID: comps.Items[0].LeadsComponentID,
		LeadsTimeRange: shopapi.LeadsTimeRange{StartTime: start.Unix(), EndTime: start.Add(24 * time.Hour).Unix()}}
	rec, _, err := c.Live.PromoteRecords(ctx, q)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rec.RecordData[0]
	fmt.Println(r.LiveDescription, "leads", r.LeadsNum, "click rate", r.ExposureClickRate)
	// Output:
	// lives: 1
	// 核桃专场 leads 2 click rate 0.075
}

// Runs the weekly report on the compass's own figures: the fake's compass
// is computed from its orders, refunds and clicks, T+1, and vcart/kpi
// grades them. The page is written as self-contained HTML.
func ExampleCompassService_KPIReport() {
	cst := vcart.Shanghai()
	now := time.Date(2026, 3, 3, 10, 0, 0, 0, cst) // Tuesday of the week
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithClock(func() time.Time { return now }))
	ctx := context.Background()

	id, sku, err := listedExampleProduct(ctx, srv, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, count := range []int64{1, 2, 1, 3} {
		o, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: fmt.Sprint("buyer-", i),
			Lines: []shopapitest.OrderLine{{ProductID: id, SKUID: sku, Count: count, UnitPriceFen: 3990}}})
		if err == nil && i < 3 {
			err = srv.PayOrder(o)
		}
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	srv.RecordProductClicks(id, now, 40, 52)

	now = now.AddDate(0, 0, 7) // the next week: last week's days are complete (T+1)
	week := kpi.Week(now.AddDate(0, 0, -7))
	r, days, err := c.Compass.KPIReport(ctx, week, week.End, kpi.Traffic{}, kpi.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := r.Orders
	fmt.Println("days:", len(days), "paid:", o.Paid, "buyers:", o.PayingBuyers, "GMV:", o.GMVFen)
	m, _ := r.Metric(kpi.MetricClickConversion)
	fmt.Println(m.ChineseName, m.Display, m.Grade)
	var daily []kpi.DailyValue
	for _, d := range days {
		daily = append(daily, kpi.DailyValue{Label: d.DS[4:6] + "-" + d.DS[6:], Fen: int64(d.Overall.PayGMV)})
	}
	var page strings.Builder
	if err := r.WriteHTML(&page, kpi.HTMLOptions{Daily: daily, Notes: []string{"电商罗盘 T+1"}}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("HTML charts:", strings.Count(page.String(), "<svg"))
	// Output:
	// days: 7 paid: 3 buyers: 3 GMV: ¥159.60
	// 点击转化率 7.50% below average
	// HTML charts: 4
}
