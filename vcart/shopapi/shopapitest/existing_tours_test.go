package shopapitest

import (
	"context"
	"github.com/vcart-sdk/vcart-go/vcart"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Tours of the endpoints written before the conformance pattern (issue 13):
// each drives a fresh fake through the client so that every endpoint with an
// official fixture answers successfully at least once.

func check(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

var tourLine = OrderLine{ProductID: "23423523452345235", SKUID: "23423523452345301", Title: "坚果礼盒", SKUCode: "NUT-500",
	Count: 2, UnitPriceFen: 3990}

// paidOrder creates and pays an order and returns its id.
func paidOrder(t *testing.T, s *Server) vcart.ID {
	t.Helper()
	id, err := s.CreateOrder(NewOrder{OpenID: "buyer-openid", Lines: []OrderLine{tourLine}, FreightFen: 800,
		CustomerNotes: "请尽快发货", TalentCommissionFen: 300})
	check(t, "create order", err)
	check(t, "pay order", s.PayOrder(id))
	return id
}

func tourProduct(title string) *shopapi.Product {
	return &shopapi.Product{OutProductID: "spu-" + title, Title: title,
		HeadImgs:    []string{"https://mmecimage.cn/p/wxfake/1", "https://mmecimage.cn/p/wxfake/2", "https://mmecimage.cn/p/wxfake/3"},
		Cats:        CatsFor(CatNuts),
		ExpressInfo: &shopapi.ExpressInfo{TemplateID: "123456"},
		SKUs: []shopapi.SKU{{OutSKUID: "sku-500g", SalePrice: 3990, MarketPrice: 5990, StockNum: 100,
			SKUAttrs: []shopapi.Attr{{AttrKey: "规格", AttrValue: "500g"}}}}}
}

var existingTours = []tour{
	{"orders", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		id, err := s.CreateOrder(NewOrder{OpenID: "buyer-openid", Lines: []OrderLine{tourLine}, FreightFen: 800})
		check(t, "create order", err)
		oid := id
		_, err = c.Orders.UpdatePrice(ctx, &shopapi.PriceUpdateRequest{OrderID: oid, ChangeExpress: true, ExpressFee: 0,
			Changes: []shopapi.PriceChange{{ProductID: tourLine.ProductID, SKUID: tourLine.SKUID, ChangePrice: 7000}}})
		check(t, "price", err)
		check(t, "pay", s.PayOrder(id))
		_, _, err = c.Orders.Get(ctx, oid)
		check(t, "get", err)
		now := time.Now()
		_, _, err = c.Orders.List(ctx, &shopapi.OrderListOptions{CreateTime: &shopapi.Window{Start: now.Add(-time.Hour), End: now.Add(time.Hour)}})
		check(t, "list", err)
		_, _, err = c.Orders.Search(ctx, &shopapi.OrderSearchOptions{Condition: shopapi.OrderSearchCondition{Title: "坚果"}})
		check(t, "search", err)
		_, err = c.Orders.UpdateMerchantNotes(ctx, oid, "加急")
		check(t, "notes", err)
		addr := shopapi.AddressInfo{UserName: "陈先生", PostalCode: "510000", ProvinceName: "广东省", CityName: "广州市",
			CountyName: "海珠区", DetailInfo: "大塘路1号", TelNumber: "13800000000"}
		_, err = c.Orders.UpdateAddress(ctx, oid, &addr)
		check(t, "address", err)
		addr.DetailInfo = "大塘路2号"
		check(t, "request address change", s.RequestAddressChange(id, addr))
		_, err = c.Orders.AcceptAddressChange(ctx, oid)
		check(t, "accept address change", err)
		addr.DetailInfo = "大塘路3号"
		check(t, "request address change", s.RequestAddressChange(id, addr))
		_, err = c.Orders.RejectAddressChange(ctx, oid)
		check(t, "reject address change", err)
	}},
	{"delivery", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		id := paidOrder(t, s)
		_, _, err := c.Delivery.Companies(ctx)
		check(t, "companies", err)
		_, err = c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{{
			DeliveryID: "YUNDA", WaybillID: "YD2342432425", DeliverType: 1,
			Products: []shopapi.DeliveryProduct{{ProductID: tourLine.ProductID, SKUID: tourLine.SKUID, ProductCnt: 2}}}}})
		check(t, "ship", err)
		_, _, err = c.Orders.Get(ctx, id)
		check(t, "get shipped", err)
	}},
	{"after-sales", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		id := paidOrder(t, s)
		check(t, "ship", s.ShipAll(id))
		as, err := s.OpenAftersale(id, NewAftersale{SKUID: tourLine.SKUID, Count: 1})
		check(t, "open after-sale", err)
		now := time.Now()
		_, _, err = c.Aftersales.List(ctx, &shopapi.AftersaleListOptions{CreateTime: &shopapi.Window{Start: now.Add(-time.Hour), End: now.Add(time.Hour)}})
		check(t, "list", err)
		_, _, err = c.Aftersales.Reasons(ctx)
		check(t, "reasons", err)
		reasons, _, err := c.Aftersales.RejectReasons(ctx)
		check(t, "reject reasons", err)
		_, err = c.Aftersales.UploadRefundCertificate(ctx, as, "退款凭证", []string{"media-1"})
		check(t, "certificate", err)
		_, _, err = c.Aftersales.Get(ctx, as)
		check(t, "get", err)
		_, err = c.Aftersales.Reject(ctx, &shopapi.RejectRequest{AftersaleOrderID: as,
			RejectReasonType: reasons[0].RejectReasonType, RejectReason: reasons[0].RejectReason})
		check(t, "reject", err)
		_, _, err = c.Aftersales.Get(ctx, as)
		check(t, "get rejected", err)
		cp, err := s.OpenComplaint(as)
		check(t, "open complaint", err)
		_, err = c.Aftersales.AddComplaintProof(ctx, cp, "这是已经发货的证明", []string{"media-proof"})
		check(t, "proof", err)
		_, err = c.Aftersales.AddComplaintMaterial(ctx, cp, "这件事不是我的问题", []string{"media-msg"})
		check(t, "material", err)
		_, _, err = c.Aftersales.GetComplaint(ctx, cp)
		check(t, "complaint", err)

		ret, err := s.OpenAftersale(id, NewAftersale{SKUID: tourLine.SKUID, Count: 1, Type: shopapi.AftersaleReturn})
		check(t, "open return", err)
		_, err = c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: ret, AddressID: s.ReturnAddress()})
		check(t, "accept", err)
		check(t, "return goods", s.ReturnGoods(ret, "SF1234567890"))
		_, _, err = c.Aftersales.Get(ctx, ret)
		check(t, "get return", err)
	}},
	{"funds", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		id := paidOrder(t, s)
		check(t, "ship", s.ShipAll(id))
		check(t, "confirm", s.ConfirmReceipt(id))
		check(t, "settle", s.SettleOrder(id))
		paidOrder(t, s)
		as, err := s.OpenAftersale(id, NewAftersale{SKUID: tourLine.SKUID, Count: 1})
		check(t, "open after-sale", err)
		_, err = c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: as})
		check(t, "refund", err)
		_, _, err = c.Funds.Balance(ctx)
		check(t, "balance", err)
		fl, _, err := c.Funds.FlowList(ctx, &shopapi.FundsFlowListOptions{})
		check(t, "flow list", err)
		if len(fl.FlowIDs) == 0 {
			t.Fatal("no fund flows")
		}
		for _, fid := range fl.FlowIDs {
			_, _, err = c.Funds.FlowDetail(ctx, fid)
			check(t, "flow detail", err)
		}
		w, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: 100, Remark: "提现", BankMemo: "备注"})
		check(t, "withdraw", err)
		_ = w
		wl, _, err := c.Funds.WithdrawList(ctx, &shopapi.WithdrawListOptions{})
		check(t, "withdraw list", err)
		if len(wl.WithdrawIDs) == 0 {
			t.Fatal("no withdrawals")
		}
		_, _, err = c.Funds.WithdrawDetail(ctx, wl.WithdrawIDs[0])
		check(t, "withdraw detail", err)
		_, _, err = c.Funds.OrderFlow(ctx, &shopapi.OrderFlowOptions{SettleState: shopapi.OrderSettled})
		check(t, "order flow", err)
		for _, err := range c.Funds.OrderFlowIter(ctx, &shopapi.OrderFlowOptions{Limit: 1}) {
			check(t, "order flow pages", err)
		}
	}},
	{"catalogue", func(ctx context.Context, t *testing.T, _ *Server, c *shopapi.Client) {
		_, _, err := c.Categories.All(ctx)
		check(t, "categories", err)
		_, _, err = c.Categories.Detail(ctx, CatNuts)
		check(t, "category detail", err)
		_, _, err = c.Categories.Approved(ctx)
		check(t, "approved categories", err)
		_, _, err = c.Categories.Children(ctx, "0")
		check(t, "child categories", err)
		_, _, err = c.Brands.All(ctx, &shopapi.BrandListOptions{PageSize: 2})
		check(t, "brand library", err)
		bl, _, err := c.Brands.List(ctx, nil)
		check(t, "brand list", err)
		_, _, err = c.Brands.Get(ctx, bl.Brands[0].BrandID)
		check(t, "brand", err)
		_, _, err = c.Media.UploadImageURL(ctx, "https://example.com/a.jpg", shopapi.ImageMediaID)
		check(t, "upload image by URL", err)
		_, _, err = c.Media.UploadImage(ctx, "a.png", []byte("\x89PNG...."), 800, 800, shopapi.ImageURL)
		check(t, "upload image", err)
		_, _, err = c.Media.UploadQualification(ctx, "licence.jpg", []byte("jpeg"))
		check(t, "upload qualification", err)
	}},
	{"products", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		res, _, err := c.Products.Add(ctx, tourProduct("每日坚果混合装礼盒"), true)
		check(t, "add", err)
		pid := res.ProductID
		_, err = c.Products.CancelAudit(ctx, pid)
		check(t, "cancel audit", err)
		p := tourProduct("每日坚果混合装礼盒二代")
		p.ProductID = pid
		_, _, err = c.Products.Update(ctx, p, true)
		check(t, "update", err)
		check(t, "approve", s.ApproveAudit(pid))
		d, _, err := c.Products.Get(ctx, pid, shopapi.DataBoth)
		check(t, "get", err)
		sku := d.Product.SKUs[0].SKUID
		_, err = c.Products.UpdateAuditFree(ctx, &shopapi.AuditFreeRequest{ProductID: pid,
			SKUs: []shopapi.AuditFreeSKU{{SKUID: sku, SalePrice: 3890, SKUCode: "NUT-500"}}})
		check(t, "audit free", err)
		_, _, err = c.Stock.Get(ctx, pid, sku)
		check(t, "stock", err)
		_, err = c.Stock.Update(ctx, &shopapi.StockUpdateRequest{ProductID: pid, SKUID: sku, DiffType: shopapi.StockAdd, Num: 10})
		check(t, "stock update", err)
		_, _, err = c.Stock.BatchGet(ctx, []shopapi.ID{pid})
		check(t, "stock batch", err)
		_, _, err = c.Products.List(ctx, nil)
		check(t, "list", err)
		_, err = c.Products.Delisting(ctx, pid)
		check(t, "delist", err)
		_, err = c.Products.Listing(ctx, pid)
		check(t, "list again", err)
		_, err = c.Products.Delisting(ctx, pid)
		check(t, "delist again", err)
		_, err = c.Products.Delete(ctx, pid)
		check(t, "delete", err)
	}},
	{"tokens", func(ctx context.Context, t *testing.T, s *Server, _ *shopapi.Client) {
		for _, opts := range [][]shopapi.Option{nil, {shopapi.WithLegacyToken()}} {
			ts, err := s.TokenSource(s.HTTPClient(), opts...)
			check(t, "token source", err)
			_, err = ts.Token(ctx)
			check(t, "token", err)
		}
	}},
	{"quota", func(ctx context.Context, t *testing.T, _ *Server, c *shopapi.Client) {
		_, _, err := c.Quota.Get(ctx, "/channels/ec/order/get")
		check(t, "quota", err)
	}},
}
