package shopapi_test

import (
	"context"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// ExampleProductService_Precheck asks the platform for the category of a
// new product, checks the shop may publish there, and reads how much audit
// quota is left before submitting.
func ExampleProductService_Precheck() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	rec, _, err := c.Products.Classify(ctx, &shopapi.ClassifyRequest{ReqType: shopapi.ClassifyRecommend,
		Title: "云南高山手剥核桃 500g", HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	leaf, _ := rec.Categories[0].Cats.Leaf()
	fmt.Println("recommended:", leaf.CatInfo.CatID, "permission:", leaf.HasPermission)

	pre, _, _ := c.Products.Precheck(ctx, leaf.CatInfo.CatID)
	fmt.Println("precheck:", pre.AllPass, pre.FailReasons)

	q, _, _ := c.Products.AuditQuota(ctx)
	fmt.Println("quota:", q.AvailQuota, "of", q.TotalQuota, "can submit:", q.CanSubmit(), "cap:", q.ProductCap())
	// Output:
	// recommended: 1003 permission: false
	// precheck: false [店铺未开通类目「坚果炒货」,请先申请类目]
	// quota: 1000 of 1000 can submit: true cap: 1000 products
}

// ExampleStockService_FlowIter reads a SKU's stock ledger, newest first.
func ExampleStockService_FlowIter() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	res, _, err := c.Products.Add(ctx, exampleProduct(), false)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The platform records every movement; the fake takes them from the test.
	srv.RecordStockFlow(res.ProductID, "1", shopapi.StockFlow{Amount: 100, BeginningAmount: 0, EndingAmount: 100, OpType: 1, UpdateTime: 1767225600})
	srv.RecordStockFlow(res.ProductID, "1", shopapi.StockFlow{Amount: 2, BeginningAmount: 100, EndingAmount: 98, OpType: 4, UpdateTime: 1767229200,
		ExtInfo: shopapi.StockFlowExt{OrderID: "3712984209868589056"}})
	for f, err := range c.Stock.FlowIter(ctx, &shopapi.StockFlowRequest{ProductID: res.ProductID, SKUID: "1",
		BeginTime: 1767225600, EndTime: 1767312000}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("op %d: %d → %d (order %s)\n", f.OpType, f.BeginningAmount, f.EndingAmount, f.ExtInfo.OrderID)
	}
	// Output:
	// op 4: 100 → 98 (order 3712984209868589056)
	// op 1: 0 → 100 (order 0)
}
