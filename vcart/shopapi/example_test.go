package shopapi_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func exampleProduct() *shopapi.Product {
	return &shopapi.Product{
		OutProductID: "walnut-500",
		Title:        "云南高山手剥核桃 500g",
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2",
			"https://mmecimage.cn/p/wxshop/3"},
		Cats: shopapitest.CatsFor(shopapitest.CatNuts),
		SKUs: []shopapi.SKU{{OutSKUID: "walnut-500-bag", SalePrice: 3990, MarketPrice: 5990, StockNum: 100}},
	}
}

// Example walks a product through audit and listing and updates its stock.
func Example() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	res, _, err := c.Products.Add(ctx, exampleProduct(), true)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _, _ := c.Products.Get(ctx, res.ProductID, shopapi.DataDraft)
	fmt.Println("draft:", d.EditProduct.EditStatus)

	_ = srv.ApproveAudit(res.ProductID) // the platform's reviewer passes it

	d, _, _ = c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	sku := d.Product.SKUs[0]
	fmt.Println("online:", d.Product.Status, sku.SalePriceMoney().Format())

	_, err = c.Stock.Update(ctx, &shopapi.StockUpdateRequest{
		ProductID: res.ProductID, SKUID: sku.SKUID, DiffType: shopapi.StockSubtract, Num: 30})
	if err != nil {
		fmt.Println(err)
		return
	}
	st, _, _ := c.Stock.Get(ctx, res.ProductID, sku.SKUID)
	fmt.Println("stock:", st.TotalStockNum)
	// Output:
	// draft: auditing
	// online: listed ¥39.90
	// stock: 70
}

// ExampleProductService_ListIter iterates over every listed product,
// following next_key.
func ExampleProductService_ListIter() {
	srv, err := shopapitest.New(shopapitest.WithAutoAudit())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	for range 3 {
		if _, _, err := c.Products.Add(ctx, exampleProduct(), true); err != nil {
			fmt.Println(err)
			return
		}
	}
	n := 0
	for _, err := range c.Products.ListIter(ctx, &shopapi.ProductListOptions{PageSize: 2}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		n++
	}
	fmt.Println(n, "products in", srv.Calls("/channels/ec/product/list/get"), "pages")
	// Output: 3 products in 2 pages
}

// ExampleStockService_Update shows the two failures a stock diff can meet:
// the platform refusing it, and an ambiguous failure after which the diff
// is never resent.
func ExampleStockService_Update() {
	srv, err := shopapitest.New(shopapitest.WithAutoAudit())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithRetry(3, 0, 0))
	ctx := context.Background()
	res, _, _ := c.Products.Add(ctx, exampleProduct(), true)
	d, _, _ := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	req := &shopapi.StockUpdateRequest{ProductID: res.ProductID, SKUID: d.Product.SKUs[0].SKUID, DiffType: shopapi.StockSubtract, Num: 500}

	_, err = c.Stock.Update(ctx, req)
	var ae *shopapi.APIError
	if errors.As(err, &ae) && ae.ErrCode == shopapi.CodeStockUpdateRejected {
		fmt.Println("rejected:", shopapi.ErrCodeMeaning(ae.ErrCode))
	}

	req.Num = 5
	srv.InjectFault("/channels/ec/product/stock/update", shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
	_, err = c.Stock.Update(ctx, req)
	fmt.Println("ambiguous:", errors.Is(err, shopapi.ErrAmbiguous))
	st, _, _ := c.Stock.Get(ctx, req.ProductID, req.SKUID)
	fmt.Println("stock after one diff:", st.TotalStockNum)
	// Output:
	// rejected: stock update rejected
	// ambiguous: true
	// stock after one diff: 95
}

// ExampleNewShopTokenSource builds a client from the shop's credentials;
// the token is fetched once and shared by every call.
func ExampleNewShopTokenSource() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	ts, err := shopapi.NewShopTokenSource(srv.AppID(), srv.AppSecret(),
		shopapi.WithBaseURL(srv.URL())) // omit in production
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := shopapi.NewClient(ts, shopapi.WithBaseURL(srv.URL()))
	if err != nil {
		fmt.Println(err)
		return
	}
	info, _, err := c.Store.Info(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _, _ = c.Store.Info(context.Background())
	fmt.Println(info.Nickname, info.SubjectType, "token fetches:", srv.TokenFetches())
	// Output: vcart 测试小店 企业 token fetches: 1
}

// ExampleAPIError matches errcodes and their classes.
func ExampleAPIError() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithRetry(0, 0, 0))
	srv.InjectFault("/channels/ec/basics/info/get", shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: shopapi.CodeMinuteQuota})
	_, _, err = c.Store.Info(context.Background())
	var ae *shopapi.APIError
	if errors.As(err, &ae) {
		fmt.Println(ae.ErrCode, errors.Is(err, shopapi.ErrRateLimited), ae.RequestID != "")
	}
	// Output: 45011 true true
}

// ExampleCategoryService_Detail reads a category's deposit and required
// qualifications.
func ExampleCategoryService_Detail() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	d, _, err := c.Categories.Detail(context.Background(), shopapitest.CatNuts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Info.Name, d.Attr.DepositMoney().Format(), len(d.ProductQuaList), "qualification")
	// Output: 坚果炒货 ¥5000.00 1 qualification
}

// ExampleNewAuthorizerTokenSource calls a merchant's shop as its service
// provider (第三方平台): component_verify_ticket → component_access_token →
// authorizer_access_token.
func ExampleNewAuthorizerTokenSource() {
	srv, err := shopapitest.New(shopapitest.WithComponent("wxcomponent0001", "component-secret"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	base := shopapi.WithBaseURL(srv.URL()) // omit in production

	// The ticket arrives by message push every 10 minutes; keep the latest.
	ticket := func(context.Context) (string, error) { return srv.ComponentVerifyTicket(), nil }
	comp, err := shopapi.NewComponentTokenSource("wxcomponent0001", "component-secret", ticket, base)
	if err != nil {
		fmt.Println(err)
		return
	}
	shop, err := shopapi.NewAuthorizerTokenSource(shopapi.AuthorizerConfig{
		ComponentAppID:  "wxcomponent0001",
		AuthorizerAppID: srv.AppID(),
		Component:       comp,
		// The refresh token comes from the authorisation callback; store it.
		RefreshToken: func(context.Context) (string, error) { return srv.AuthorizerRefreshToken(), nil },
	}, base)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := shopapi.NewClient(shop, shopapi.WithBaseURL(srv.URL()))
	if err != nil {
		fmt.Println(err)
		return
	}
	info, _, err := c.Store.Info(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Nickname, "via", shop.Key())
	// Output: vcart 测试小店 via vcart:authorizer_token:wxcomponent0001:wxfake00000000001
}
