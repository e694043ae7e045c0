package shopapitest_test

import (
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func TestSmoke(t *testing.T) {
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	p := &shopapi.Product{Title: "云南高山手剥核桃 500g", HeadImgs: []string{"https://mmecimage.cn/p/a/1", "https://mmecimage.cn/p/a/2", "https://mmecimage.cn/p/a/3"},
		Cats: shopapitest.CatsFor(shopapitest.CatNuts), SKUs: []shopapi.SKU{{OutSKUID: "w500", SalePrice: 3990, MarketPrice: 5990, StockNum: 100}}}
	res, _, err := c.Products.Add(ctx, p, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.ProductID)
	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataBoth)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(d.EditProduct.EditStatus, d.Product)
	if err := srv.ApproveAudit(string(res.ProductID)); err != nil {
		t.Fatal(err)
	}
	d, _, err = c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(d.Product.Status, d.Product.SKUs[0].SKUID)
	if _, err := c.Stock.Update(ctx, &shopapi.StockUpdateRequest{ProductID: res.ProductID, SKUID: d.Product.SKUs[0].SKUID, DiffType: shopapi.StockSubtract, Num: 7}); err != nil {
		t.Fatal(err)
	}
	st, _, err := c.Stock.Get(ctx, res.ProductID, d.Product.SKUs[0].SKUID)
	t.Log(st, err)
	for id, err := range c.Products.ListIter(ctx, nil) {
		t.Log(id, err)
	}
	_, _, err = c.Products.Get(ctx, "123", shopapi.DataOnline)
	t.Log(err, srv.TokenFetches())
}
