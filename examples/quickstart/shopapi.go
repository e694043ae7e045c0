package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// shopapiDemo creates a product on the in-memory fake of the shop API, sees
// it through audit and listing, and updates its stock, including a stock
// diff whose answer is lost (it is not sent twice).
func shopapiDemo(w io.Writer) error {
	srv, err := shopapitest.New()
	if err != nil {
		return err
	}
	defer srv.Close()
	ctx := context.Background()

	// In production: shopapi.NewShopTokenSource(appID, appSecret) and
	// shopapi.NewClient(ts). srv.Client does the same against the fake.
	c := srv.Client(shopapi.WithRetry(2, 0, 0))

	p := &shopapi.Product{
		OutProductID: "walnut-500",
		Title:        "云南高山手剥核桃 500g",
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2",
			"https://mmecimage.cn/p/wxshop/3"},
		Cats: shopapitest.CatsFor(shopapitest.CatNuts),
		SKUs: []shopapi.SKU{{OutSKUID: "walnut-500-bag", SalePrice: 3990, MarketPrice: 5990, StockNum: 100}},
	}
	res, _, err := c.Products.Add(ctx, p, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "product/add      → product_id %s (a 64-bit id, kept as a string)\n", res.ProductID)

	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataDraft)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "product/get      → draft edit_status %d (%s)\n", d.EditProduct.EditStatus, d.EditProduct.EditStatus)

	if err := srv.ApproveAudit(res.ProductID); err != nil { // the platform's reviewer
		return err
	}
	d, _, err = c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		return err
	}
	sku := d.Product.SKUs[0]
	fmt.Fprintf(w, "audit passed     → status %d (%s), %s at %s\n", d.Product.Status, d.Product.Status,
		sku.OutSKUID, sku.SalePriceMoney().Format())

	upd := &shopapi.StockUpdateRequest{ProductID: res.ProductID, SKUID: sku.SKUID, DiffType: shopapi.StockSubtract, Num: 30}
	if _, err := c.Stock.Update(ctx, upd); err != nil {
		return err
	}
	st, _, err := c.Stock.Get(ctx, res.ProductID, sku.SKUID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "stock/update -30 → stock %d\n", st.TotalStockNum)

	// The next stock diff is applied, but its answer is lost.
	srv.InjectFault("/channels/ec/product/stock/update", shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
	upd.Num = 5
	_, err = c.Stock.Update(ctx, upd)
	if !errors.Is(err, shopapi.ErrAmbiguous) {
		return fmt.Errorf("want an ambiguous failure, got %v", err)
	}
	st, _, err = c.Stock.Get(ctx, res.ProductID, sku.SKUID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "stock/update -5, answer lost → ErrAmbiguous, not resent; stock read back: %d\n", st.TotalStockNum)

	upd.Num = 500
	_, err = c.Stock.Update(ctx, upd)
	var ae *shopapi.APIError
	if !errors.As(err, &ae) {
		return fmt.Errorf("want an APIError, got %v", err)
	}
	fmt.Fprintf(w, "stock/update -500 → errcode %d (%s)\n", ae.ErrCode, shopapi.ErrCodeMeaning(ae.ErrCode))
	fmt.Fprintf(w, "token fetches: %d\n", srv.TokenFetches())
	return nil
}
