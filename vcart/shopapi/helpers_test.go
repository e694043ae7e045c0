package shopapi_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

var shanghai = vcart.Shanghai()

// inprocClient returns a client that reaches srv without a network (safe
// inside a synctest bubble), with short retry waits.
func inprocClient(t *testing.T, srv *shopapitest.Server, opts ...shopapi.Option) *shopapi.Client {
	t.Helper()
	hc := &http.Client{Transport: srv.Transport(), Timeout: 2 * time.Second}
	all := append([]shopapi.Option{shopapi.WithRetry(3, 100*time.Millisecond, time.Second)}, opts...)
	c, err := srv.NewClient(hc, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newProduct returns a valid product for the fake's nuts category.
func newProduct(title string, skus ...shopapi.SKU) *shopapi.Product {
	if len(skus) == 0 {
		skus = []shopapi.SKU{{OutSKUID: "sku-500g", SalePrice: 3990, MarketPrice: 5990, StockNum: 100,
			SKUAttrs: []shopapi.Attr{{AttrKey: "规格", AttrValue: "500g"}}}}
	}
	return &shopapi.Product{
		OutProductID: "spu-" + title,
		Title:        title,
		HeadImgs: []string{"https://mmecimage.cn/p/wxfake/1", "https://mmecimage.cn/p/wxfake/2",
			"https://mmecimage.cn/p/wxfake/3"},
		Cats:        shopapitest.CatsFor(shopapitest.CatNuts),
		ExpressInfo: &shopapi.ExpressInfo{TemplateID: "123456"},
		SKUs:        skus,
	}
}

// addApproved adds a product, passes its audit and returns it as listed.
func addApproved(t *testing.T, c *shopapi.Client, srv *shopapitest.Server, title string) (shopapi.ID, shopapi.ID) {
	t.Helper()
	res, _, err := c.Products.Add(t.Context(), newProduct(title), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.ApproveAudit(res.ProductID); err != nil {
		t.Fatal(err)
	}
	d, _, err := c.Products.Get(t.Context(), res.ProductID, shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	return res.ProductID, d.Product.SKUs[0].SKUID
}

func apiCode(err error) int {
	var ae *shopapi.APIError
	if errorsAs(err, &ae) {
		return ae.ErrCode
	}
	return 0
}
