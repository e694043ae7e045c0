package shopapi_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func TestProducts_AuditFlow(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()

	res, _, err := c.Products.Add(ctx, newProduct("云南高山手剥核桃 500g"), true)
	if err != nil {
		t.Fatal(err)
	}
	id := res.ProductID
	if len(id) < 16 {
		t.Errorf("product id %q is not a 64-bit id", id)
	}
	d, _, err := c.Products.Get(ctx, id, shopapi.DataBoth)
	if err != nil {
		t.Fatal(err)
	}
	if d.Product != nil || d.EditProduct.EditStatus != shopapi.EditStatusAuditing {
		t.Fatalf("after add: online %v, draft status %v; want none and auditing", d.Product, d.EditProduct.EditStatus)
	}
	if d, _, err := c.Products.Get(ctx, id, shopapi.DataOnline); err != nil || d.Product != nil || d.EditProduct != nil {
		t.Errorf("online get of a never-listed product: %+v, %v; want neither version", d, err)
	}

	// Under audit: no update, delete or listing (10020049).
	p := d.EditProduct
	p.Title = "云南高山手剥核桃 1kg 家庭装"
	if _, _, err := c.Products.Update(ctx, p, true); apiCode(err) != shopapi.CodeProductUnderAudit {
		t.Errorf("update under audit: %v", err)
	}
	if _, err := c.Products.Delete(ctx, id); apiCode(err) != shopapi.CodeProductUnderAudit {
		t.Errorf("delete under audit: %v", err)
	}
	if _, err := c.Products.Listing(ctx, id); apiCode(err) != shopapi.CodeProductUnderAudit {
		t.Errorf("listing under audit: %v", err)
	}
	// Cancel the audit: 2 → 1; a second cancel is 10020044.
	if _, err := c.Products.CancelAudit(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, ed, _ := srv.ProductState(id); ed != shopapi.EditStatusEditing {
		t.Errorf("after cancel: edit status %v", ed)
	}
	if _, err := c.Products.CancelAudit(ctx, id); apiCode(err) != shopapi.CodeNotUnderAudit {
		t.Errorf("second cancel: %v", err)
	}
	// Resubmit, reject (2 → 3), resubmit, approve (2 → 4) and list.
	upd, _, err := c.Products.Update(ctx, p, true)
	if err != nil {
		t.Fatal(err)
	}
	if upd.ProductID != id {
		t.Errorf("update id %q", upd.ProductID)
	}
	if err := srv.RejectAudit(id, "图片不清晰"); err != nil {
		t.Fatal(err)
	}
	if _, ed, _ := srv.ProductState(id); ed != shopapi.EditStatusRejected {
		t.Errorf("after reject: %v", ed)
	}
	if _, _, err := c.Products.Update(ctx, p, true); err != nil {
		t.Fatal(err)
	}
	if err := srv.ApproveAudit(id); err != nil {
		t.Fatal(err)
	}
	if err := srv.ApproveAudit(id); !errors.Is(err, shopapitest.ErrNotUnderAudit) {
		t.Errorf("second approve: %v", err)
	}
	d, _, err = c.Products.Get(ctx, id, shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	if d.Product.Status != shopapi.ProductStatusListed || d.Product.Title != p.Title || d.EditProduct != nil {
		t.Errorf("online = %+v", d.Product)
	}
	if d.Product.OutProductID != "spu-云南高山手剥核桃 500g" {
		t.Errorf("out_product_id changed on update: %q", d.Product.OutProductID)
	}
	if d.Product.MinPrice != 3990 {
		t.Errorf("min price %d", d.Product.MinPrice)
	}

	if _, err := c.Products.Delisting(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Products.Delisting(ctx, id); apiCode(err) != shopapi.CodeProductNotListed {
		t.Errorf("second delisting: %v", err)
	}
	if _, err := c.Products.Listing(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Products.Delisting(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Products.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Products.Get(ctx, id, shopapi.DataBoth); apiCode(err) != shopapi.CodeProductNotFound {
		t.Errorf("get after delete: %v", err)
	}
}

func TestProducts_AddValidation(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	mod := func(f func(p *shopapi.Product)) *shopapi.Product {
		p := newProduct("有效的商品标题 500g")
		f(p)
		return p
	}
	tests := []struct {
		name string
		p    *shopapi.Product
		code int
	}{
		{"empty title", mod(func(p *shopapi.Product) { p.Title = " " }), shopapi.CodeTitleEmpty},
		{"short title", mod(func(p *shopapi.Product) { p.Title = "核桃" }), shopapi.CodeTitleTooShort},
		{"long title", mod(func(p *shopapi.Product) { p.Title = strings.Repeat("核", 61) }), shopapi.CodeTitleTooLong},
		{"60-rune title ok", mod(func(p *shopapi.Product) { p.Title = strings.Repeat("核", 60) }), 0},
		{"letters-only title", mod(func(p *shopapi.Product) { p.Title = "ABCDEF123" }), shopapi.CodeIllegalTitle},
		{"no head image", mod(func(p *shopapi.Product) { p.HeadImgs = nil }), shopapi.CodeHeadImgEmpty},
		{"ten head images", mod(func(p *shopapi.Product) {
			p.HeadImgs = strings.Split(strings.Repeat("https://mmecimage.cn/p/x,", 10), ",")[:10]
		}), shopapi.CodeHeadImgTooMany},
		{"foreign image", mod(func(p *shopapi.Product) { p.HeadImgs[0] = "https://example.com/a.jpg" }), shopapi.CodeImageURLNotMMEC},
		{"two-level cats", mod(func(p *shopapi.Product) { p.Cats = p.Cats[:2] }), shopapi.CodeCategoryLevels},
		{"no SKU", mod(func(p *shopapi.Product) { p.SKUs = nil }), shopapi.CodeSKUCountInvalid},
		{"zero price", mod(func(p *shopapi.Product) { p.SKUs[0].SalePrice = 0 }), shopapi.CodeSKUPriceZero},
		{"sale above market", mod(func(p *shopapi.Product) { p.SKUs[0].SalePrice = 6000 }), shopapi.CodeSalePriceAboveMarket},
		{"price too high", mod(func(p *shopapi.Product) {
			p.SKUs[0].SalePrice, p.SKUs[0].MarketPrice = 10_000_001, 0
		}), shopapi.CodeSKUPriceTooHigh},
		{"negative stock", mod(func(p *shopapi.Product) { p.SKUs[0].StockNum = -1 }), shopapi.CodeProductInfoInvalid},
		{"duplicate out_sku_id", mod(func(p *shopapi.Product) { p.SKUs = append(p.SKUs, p.SKUs[0]) }), shopapi.CodeOutSKUIDExists},
		{"long aftersale desc", mod(func(p *shopapi.Product) { p.AftersaleDesc = strings.Repeat("退", 201) }), shopapi.CodeAftersaleDescTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := c.Products.Add(t.Context(), tt.p, false)
			if got := apiCode(err); got != tt.code {
				t.Errorf("errcode = %d (%v), want %d", got, err, tt.code)
			}
		})
	}
}

func TestProducts_ClientValidation(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	checks := []struct {
		name string
		call func() error
	}{
		{"get empty id", func() error { _, _, err := c.Products.Get(ctx, "", 0); return err }},
		{"get bad data type", func() error { _, _, err := c.Products.Get(ctx, "1", 4); return err }},
		{"update without id", func() error { _, _, err := c.Products.Update(ctx, &shopapi.Product{}, false); return err }},
		{"list page size", func() error { _, _, err := c.Products.List(ctx, &shopapi.ProductListOptions{PageSize: 31}); return err }},
		{"listing empty id", func() error { _, err := c.Products.Listing(ctx, " "); return err }},
		{"audit free empty", func() error { _, err := c.Products.UpdateAuditFree(ctx, &shopapi.AuditFreeRequest{}); return err }},
		{"stock nil", func() error { _, err := c.Stock.Update(ctx, nil); return err }},
		{"stock get empty", func() error { _, _, err := c.Stock.Get(ctx, "", ""); return err }},
		{"batch get none", func() error { _, _, err := c.Stock.BatchGet(ctx, nil); return err }},
		{"category empty", func() error { _, _, err := c.Categories.Detail(ctx, ""); return err }},
		{"brand page size", func() error { _, _, err := c.Brands.All(ctx, &shopapi.BrandListOptions{PageSize: 101}); return err }},
		{"image url", func() error { _, _, err := c.Media.UploadImageURL(ctx, "not a url", shopapi.ImageURL); return err }},
		{"image bytes", func() error { _, _, err := c.Media.UploadImage(ctx, "a.jpg", nil, 0, 0, shopapi.ImageURL); return err }},
	}
	for _, ck := range checks {
		if err := ck.call(); !errors.Is(err, vcart.ErrInvalid) {
			t.Errorf("%s: error %v does not match vcart.ErrInvalid", ck.name, err)
		}
	}
	if srv.TokenFetches() != 0 {
		t.Errorf("invalid input reached the server (%d token fetches)", srv.TokenFetches())
	}
	// Every problem at once.
	_, err := c.Stock.Update(ctx, &shopapi.StockUpdateRequest{DiffType: 9})
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a ValidationError", err)
	}
	var fields []string
	for _, p := range ve.Problems {
		fields = append(fields, p.Field)
	}
	if diff := cmp.Diff([]string{"diff_type", "product_id", "sku_id"}, fields); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestProducts_ListIter(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithAutoAudit())
	c := srv.Client()
	ctx := t.Context()
	var want []shopapi.ID
	for i := range 65 {
		res, _, err := c.Products.Add(ctx, newProduct("手剥核桃礼盒第"+string(rune('A'+i%26))+itoa(i)+"号"), true)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, res.ProductID)
	}
	// A draft that was never listed is not listed.
	if _, _, err := c.Products.Add(ctx, newProduct("从未上架的核桃草稿"), false); err != nil {
		t.Fatal(err)
	}
	var got []shopapi.ID
	for id, err := range c.Products.ListIter(ctx, &shopapi.ProductListOptions{PageSize: 30}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if n := srv.Calls("/channels/ec/product/list/get"); n != 3 {
		t.Errorf("%d list calls, want 3 pages", n)
	}
	// Breaking early stops fetching.
	before := srv.Calls("/channels/ec/product/list/get")
	for range c.Products.ListIter(ctx, &shopapi.ProductListOptions{PageSize: 5}) {
		break
	}
	if n := srv.Calls("/channels/ec/product/list/get") - before; n != 1 {
		t.Errorf("early break made %d calls", n)
	}
	st := shopapi.ProductStatusDelisted
	l, _, err := c.Products.List(ctx, &shopapi.ProductListOptions{Status: &st})
	if err != nil || len(l.ProductIDs) != 0 {
		t.Errorf("delisted filter = %v, %v", l, err)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestProducts_AuditFree(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	id, sku := addApproved(t, c, srv, "免审改价的核桃商品")
	if _, err := c.Products.UpdateAuditFree(ctx, &shopapi.AuditFreeRequest{ProductID: id, SKUs: []shopapi.AuditFreeSKU{
		{SKUID: sku, SalePrice: 2990, StockInfo: &shopapi.AuditFreeStock{DiffType: shopapi.StockSet, Num: 7}}}}); err != nil {
		t.Fatal(err)
	}
	d, _, err := c.Products.Get(ctx, id, shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	if d.Product.SKUs[0].SalePrice != 2990 || d.Product.SKUs[0].StockNum != 7 {
		t.Errorf("sku = %+v", d.Product.SKUs[0])
	}
	if _, err := c.Products.UpdateAuditFree(ctx, &shopapi.AuditFreeRequest{ProductID: id, SKUs: []shopapi.AuditFreeSKU{
		{SKUID: sku, SalePrice: 100}, {SKUID: "404", SalePrice: 100}}}); apiCode(err) != shopapi.CodeSKUIDWrong {
		t.Errorf("unknown sku: %v", err)
	}
	if n, _ := srv.Stock(id, sku); n != 7 {
		t.Errorf("a rejected audit-free update was half-applied: stock %d", n)
	}
	if _, err := c.Products.UpdateAuditFree(ctx, &shopapi.AuditFreeRequest{ProductID: id, SKUs: []shopapi.AuditFreeSKU{
		{SKUID: sku, SalePrice: 100, StockInfo: &shopapi.AuditFreeStock{DiffType: shopapi.StockSubtract, Num: 8}}}}); apiCode(err) != shopapi.CodeStockUpdateRejected {
		t.Errorf("audit-free oversell: %v", err)
	}
	if _, err := c.Products.UpdateAuditFree(ctx, &shopapi.AuditFreeRequest{ProductID: id, SKUs: []shopapi.AuditFreeSKU{
		{SKUID: sku, StockInfo: &shopapi.AuditFreeStock{DiffType: 7, Num: -1}}}}); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("bad stock_info accepted: %v", err)
	}
	// A stock diff inside an audit-free update is not resent after an
	// ambiguous failure.
	srv.InjectFault("/channels/ec/product/auditfree", shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
	_, err = c.Products.UpdateAuditFree(ctx, &shopapi.AuditFreeRequest{ProductID: id, SKUs: []shopapi.AuditFreeSKU{
		{SKUID: sku, StockInfo: &shopapi.AuditFreeStock{DiffType: shopapi.StockAdd, Num: 3}}}})
	if !errors.Is(err, shopapi.ErrAmbiguous) {
		t.Errorf("ambiguous audit-free diff: %v", err)
	}
	if n, _ := srv.Stock(id, sku); n != 10 {
		t.Errorf("stock %d after one +3, want 10", n)
	}
}

func TestSKU_Money(t *testing.T) {
	t.Parallel()
	var s shopapi.SKU
	m, err := vcart.ParseMoney("39.90", vcart.CNY)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSalePrice(m); err != nil || s.SalePrice != 3990 {
		t.Errorf("SetSalePrice(39.90) = %d, %v", s.SalePrice, err)
	}
	if !s.SalePriceMoney().Equal(m) {
		t.Errorf("round trip %v != %v", s.SalePriceMoney(), m)
	}
	sub, _ := vcart.ParseMoney("0.005", vcart.CNY)
	if err := s.SetMarketPrice(sub); !errors.Is(err, vcart.ErrSubFen) || s.MarketPrice != 0 {
		t.Errorf("sub-fen market price: %v (%d)", err, s.MarketPrice)
	}
	if err := s.SetSalePrice(vcart.FromMinor(100, "USD")); !errors.Is(err, vcart.ErrInvalid) || s.SalePrice != 3990 {
		t.Errorf("USD sale price: %v (%d)", err, s.SalePrice)
	}
}

func TestEnums_String(t *testing.T) {
	t.Parallel()
	got := []string{shopapi.ProductStatusListed.String(), shopapi.ProductStatus(99).String(),
		shopapi.EditStatusAuditing.String(), shopapi.EditStatus(6).String(), shopapi.DataBoth.String(),
		shopapi.StockSet.String(), shopapi.BrandActive.String(), shopapitest.FaultApplyThenDrop.String()}
	want := []string{"listed", "ProductStatus(99)", "auditing", "EditStatus(6)", "both", "set", "active", "apply_then_drop"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestProducts_UnknownFieldsSurviveUpdate: a field the SDK does not know,
// read from the platform, is sent back on update and not lost.
func TestProducts_UnknownFieldsSurviveUpdate(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	p := newProduct("保留未知字段的核桃商品")
	p.Extra = shopapi.Extra{"release_mode": []byte(`1`), "spu_deliver_info": []byte(`{"is_spu_range":true}`)}
	res, _, err := c.Products.Add(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Products.CancelAudit(ctx, res.ProductID); err != nil {
		t.Fatal(err)
	}
	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataDraft)
	if err != nil {
		t.Fatal(err)
	}
	draft := d.EditProduct
	draft.ShortTitle = "核桃"
	if _, _, err := c.Products.Update(ctx, draft, false); err != nil {
		t.Fatal(err)
	}
	d, _, err = c.Products.Get(ctx, res.ProductID, shopapi.DataDraft)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(d.EditProduct.Extra["spu_deliver_info"]); got != `{"is_spu_range":true}` || string(d.EditProduct.Extra["release_mode"]) != "1" {
		t.Errorf("extra after get→update→get = %v", d.EditProduct.Extra)
	}
	if d.EditProduct.ShortTitle != "核桃" {
		t.Errorf("short title %q", d.EditProduct.ShortTitle)
	}
}
