package shopapi_test

import (
	"context"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// exampleListedProduct adds a product to the fake and passes its audit.
func exampleListedProduct(ctx context.Context, srv *shopapitest.Server, c *shopapi.Client, title string, priceFen int64) (shopapi.ID, shopapi.ID) {
	p := &shopapi.Product{OutProductID: "spu-" + title, Title: title,
		HeadImgs: []string{"https://mmecimage.cn/p/x/1", "https://mmecimage.cn/p/x/2", "https://mmecimage.cn/p/x/3"},
		CatsV2:   []shopapi.CatRef{{CatID: "6091"}}, SKUs: []shopapi.SKU{{SalePrice: priceFen, MarketPrice: priceFen * 2, StockNum: 50}}}
	res, _, err := c.Products.Add(ctx, p, true)
	if err != nil {
		panic(err)
	}
	if err := srv.ApproveAudit(res.ProductID); err != nil {
		panic(err)
	}
	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		panic(err)
	}
	return res.ProductID, d.Product.SKUs[0].SKUID
}

// ExampleHomepageService_SubmitBackground submits a homepage background:
// the application waits for the platform's review (the fake's reviewer
// here), then the image is in force.
func ExampleHomepageService_SubmitBackground() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	id, _, err := c.Homepage.SubmitBackground(ctx, "https://mmecimage.cn/p/spring")
	if err != nil {
		fmt.Println(err)
		return
	}
	bg, _, _ := c.Homepage.Background(ctx)
	fmt.Println("application", id, bg.Apply.State, "in force:", bg.ImgURL == "")

	_ = srv.ApproveHomepageBackground() // the platform's review passes
	bg, _, _ = c.Homepage.Background(ctx)
	fmt.Println("in force:", bg.ImgURL, "in flow:", bg.Apply != nil)
	// Output:
	// application 1 auditing in force: true
	// in force: https://mmecimage.cn/p/spring in flow: false
}

// ExampleHomepageService_SetTree sets a two-level product classification
// for the homepage, links a product to a node and lists the node's
// products.
func ExampleHomepageService_SetTree() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	pid, _ := exampleListedProduct(ctx, srv, c, "每日坚果礼盒", 5990)

	cur, _, _ := c.Homepage.Tree(ctx)
	tree := &shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{
		{ID: 1, Name: "坚果", IsDisplayed: true, Level2: []shopapi.ClassificationNode{{ID: 2, Name: "礼盒", IsDisplayed: true}}},
	}}
	res, _, err := c.Homepage.SetTree(ctx, cur.Version, tree, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res.AuditResults {
		fmt.Println("node", r.LevelID, "passed review:", r.Passed())
	}
	node := shopapi.ClassificationRef{Level1ID: 1, Level2ID: 2}
	if _, err := c.Homepage.AddTreeProducts(ctx, node, []shopapi.ID{pid}); err != nil {
		fmt.Println(err)
		return
	}
	for id, err := range c.Homepage.TreeProductsIter(ctx, node) {
		fmt.Println("linked:", id == pid, err)
	}
	// A hidden parent with a displayed child is refused before the network.
	tree.Level1[0].IsDisplayed = false
	_, _, err = c.Homepage.SetTree(ctx, res.Version, tree, nil)
	fmt.Println(err)
	// Output:
	// node 1 passed review: true
	// node 2 passed review: true
	// linked: true <nil>
	// shopapi: set classification tree: vcart: validation failed: tree.level_1[0].level_2[0].is_displayed: a hidden first-level node's children must be hidden (hidden_parent)
}

// ExampleCheckTalentCommission checks a talent's commission (达人佣金) on an
// order against the alliance item's 10% rate.
func ExampleCheckTalentCommission() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	pid, sku := exampleListedProduct(ctx, srv, c, "每日坚果礼盒", 5990)

	id, _ := srv.CreateOrder(shopapitest.NewOrder{TalentCommissionFen: 599,
		Lines: []shopapitest.OrderLine{{ProductID: pid, SKUID: sku, Count: 1, UnitPriceFen: 5990}}})
	_ = srv.PayOrder(id)

	o, _, err := c.Orders.Get(ctx, id)
	if err != nil {
		fmt.Println(err)
		return
	}
	chk, err := shopapi.CheckTalentCommission(o, sku, shopapi.CommissionRatioPercent(10))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("base %d fen at %v: expected %d, reported %d, ok %v\n", chk.BaseFen, chk.Ratio, chk.ExpectedFen, chk.ReportedFen, chk.OK(1))
	// Output:
	// base 5990 fen at 10%: expected 599, reported 599, ok true
}

// ExampleTalentService_Orders lists a talent's commission orders and reads
// one (the fake's talent earns on the fake shop's orders).
func ExampleTalentService_Orders() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	pid, sku := exampleListedProduct(ctx, srv, c, "古法手工红糖块", 1990)
	id, _ := srv.CreateOrder(shopapitest.NewOrder{TalentCommissionFen: 398,
		Lines: []shopapitest.OrderLine{{ProductID: pid, SKUID: sku, Count: 1, UnitPriceFen: 1990}}})
	_ = srv.PayOrder(id)

	for ref, err := range c.Talents.OrdersIter(ctx, shopapi.TalentOrderListRequest{}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		o, _, err := c.Talents.OrderDetail(ctx, ref.OrderID, ref.SKUID, ref.SpecialID)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("order found:", ref.OrderID == id, "expected settlement:", o.CommissionInfo.ExpectSettlement)
	}
	// Output:
	// order found: true expected settlement: 3.98
}

// ExampleLeagueService_BatchAddItems puts a product in the preferred
// alliance at a 10% talent commission and checks a talent's sale against
// the item's rate.
func ExampleLeagueService_BatchAddItems() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	pid, sku := exampleListedProduct(ctx, srv, c, "云南小粒咖啡豆", 6990)

	res, _, err := c.League.BatchAddItems(ctx, &shopapi.LeagueItemBatchAdd{Type: shopapi.LeagueItemNormal,
		List: []shopapi.LeagueItemRatio{{ProductID: pid, Ratio: 10}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("added:", res[0].ErrCode == 0)
	item, _, err := c.League.Item(ctx, &shopapi.LeagueItemGetRequest{LeagueItemKey: shopapi.LeagueItemKey{Type: shopapi.LeagueItemNormal, ProductID: pid}})
	if err != nil {
		fmt.Println(err)
		return
	}

	id, _ := srv.CreateOrder(shopapitest.NewOrder{TalentCommissionFen: 700,
		Lines: []shopapitest.OrderLine{{ProductID: pid, SKUID: sku, Count: 1, UnitPriceFen: 6990}}})
	_ = srv.PayOrder(id)
	o, _, _ := c.Orders.Get(ctx, id)
	chk, err := shopapi.CheckTalentCommission(o, sku, item.CommissionRatio())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s item at %v: expected %d fen, reported %d, diff %d, ok within 1 fen: %v\n",
		item.Status, item.CommissionRatio(), chk.ExpectedFen, chk.ReportedFen, chk.DiffFen, chk.OK(1))
	// Output:
	// added: true
	// listed item at 10%: expected 699 fen, reported 700, diff 1, ok within 1 fen: true
}
