package main

import (
	"context"
	"fmt"
	"io"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// homepageDemo dresses the shop's homepage on the fake (background and
// featured slots go through the platform's review, played by the fake),
// classifies and pins a product, then checks a talent's commission on a
// sale against the alliance item's rate (达人佣金).
func homepageDemo(w io.Writer) error {
	srv, err := shopapitest.New()
	if err != nil {
		return err
	}
	defer srv.Close()
	c := srv.Client()
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
	pid := res.ProductID
	if err := srv.ApproveAudit(pid); err != nil {
		return err
	}

	// Background: apply → audit → in force.
	applyID, _, err := c.Homepage.SubmitBackground(ctx, "https://mmecimage.cn/p/wxshop/spring")
	if err != nil {
		return err
	}
	if err := srv.ApproveHomepageBackground(); err != nil {
		return err
	}
	bg, _, err := c.Homepage.Background(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "background apply %d → approved, in force: %s\n", applyID, bg.ImgURL)

	// Featured slots: one product, rejected by the reviewer, then fixed.
	slots := &shopapi.Banner{Scale: shopapi.BannerLarge, Banner: []shopapi.BannerItem{{Type: shopapi.BannerProduct,
		Product: &shopapi.BannerProductRef{ProductID: pid},
		Banner:  shopapi.BannerDisplay{ImgURL: "https://mmecimage.cn/p/wxshop/b1", Title: "新季核桃", Description: "高山手剥"}}}}
	if _, _, err := c.Homepage.SubmitBanner(ctx, slots); err != nil {
		return err
	}
	if err := srv.RejectHomepageBanner(0, "图片不合规"); err != nil {
		return err
	}
	hb, _, err := c.Homepage.Banner(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "featured slots     → %s: %s\n", hb.Apply.State, hb.Apply.Banner[0].AuditDesc)
	slots.Banner[0].Banner.ImgURL = "https://mmecimage.cn/p/wxshop/b2"
	if _, _, err := c.Homepage.SubmitBanner(ctx, slots); err != nil {
		return err
	}
	if err := srv.ApproveHomepageBanner(); err != nil {
		return err
	}
	hb, _, err = c.Homepage.Banner(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "                   → resubmitted and approved: %d slot(s), %s style\n", len(hb.Banner.Banner), hb.Banner.Scale)

	// Classification and the homepage's product order.
	tv, _, err := c.Homepage.Tree(ctx)
	if err != nil {
		return err
	}
	set, _, err := c.Homepage.SetTree(ctx, tv.Version, &shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{
		{ID: 1, Name: "坚果炒货", IsDisplayed: true, Level2: []shopapi.ClassificationNode{{ID: 2, Name: "核桃", IsDisplayed: true}}},
	}}, nil)
	if err != nil {
		return err
	}
	if _, err := c.Homepage.AddTreeProducts(ctx, shopapi.ClassificationRef{Level1ID: 1, Level2ID: 2}, []shopapi.ID{pid}); err != nil {
		return err
	}
	if _, err := c.Homepage.SetTopWindowProduct(ctx, pid, true); err != nil {
		return err
	}
	wp, _, err := c.Homepage.WindowProducts(ctx, 10, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "classification     → version %d, %d node(s) reviewed; homepage: %d product(s), first pinned %v\n",
		set.Version, len(set.AuditResults), wp.TotalNum, wp.Products[0].Top())

	// A talent's sale: check the commission against the alliance rate (10%).
	p, _, err := c.Products.Get(ctx, pid, shopapi.DataOnline)
	if err != nil {
		return err
	}
	sku := p.Product.SKUs[0].SKUID
	oid, err := srv.CreateOrder(shopapitest.NewOrder{TalentCommissionFen: 798,
		Lines: []shopapitest.OrderLine{{ProductID: pid, SKUID: sku, Count: 2, UnitPriceFen: 3990}}})
	if err != nil {
		return err
	}
	if err := srv.PayOrder(oid); err != nil {
		return err
	}
	o, _, err := c.Orders.Get(ctx, oid)
	if err != nil {
		return err
	}
	chk, err := shopapi.CheckTalentCommission(o, sku, shopapi.CommissionRatioPercent(10))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "talent commission  → base %d fen at %v: expected %d, reported %d fen, ok %v\n",
		chk.BaseFen, chk.Ratio, chk.ExpectedFen, chk.ReportedFen, chk.OK(1))
	return nil
}
