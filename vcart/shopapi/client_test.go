package shopapi_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func errorsAs(err error, target any) bool { return errors.As(err, target) }

func TestNewClient_Options(t *testing.T) {
	t.Parallel()
	ts := shopapi.StaticToken("x")
	tests := []struct {
		name  string
		toks  shopapi.TokenSource
		opts  []shopapi.Option
		fails bool
	}{
		{"defaults", ts, nil, false},
		{"nil token source", nil, nil, true},
		{"nil option", ts, []shopapi.Option{nil}, true},
		{"nil http client", ts, []shopapi.Option{shopapi.WithHTTPClient(nil)}, true},
		{"relative base URL", ts, []shopapi.Option{shopapi.WithBaseURL("/api")}, true},
		{"ftp base URL", ts, []shopapi.Option{shopapi.WithBaseURL("ftp://x")}, true},
		{"base URL with query", ts, []shopapi.Option{shopapi.WithBaseURL("https://x/?a=1")}, true},
		{"trailing slash ok", ts, []shopapi.Option{shopapi.WithBaseURL("https://x/api/")}, false},
		{"negative retries", ts, []shopapi.Option{shopapi.WithRetry(-1, 0, 0)}, true},
		{"min above max", ts, []shopapi.Option{shopapi.WithRetry(1, time.Second, time.Millisecond)}, true},
		{"nil clock", ts, []shopapi.Option{shopapi.WithClock(nil)}, true},
		{"nil logger", ts, []shopapi.Option{shopapi.WithLogger(nil)}, true},
		{"bad rate limit", ts, []shopapi.Option{shopapi.WithRateLimits(shopapi.RateLimits{Default: -1})}, true},
		{"no rate limit", ts, []shopapi.Option{shopapi.WithoutRateLimit()}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := shopapi.NewClient(tt.toks, tt.opts...)
			if (err != nil) != tt.fails {
				t.Fatalf("NewClient() error = %v, want failure %v", err, tt.fails)
			}
			if err == nil && (c.Products == nil || c.Stock == nil || c.Categories == nil || c.Brands == nil || c.Store == nil || c.Media == nil) {
				t.Error("a service is nil")
			}
		})
	}
}

func TestNewClient_DoesNotMutateHTTPClient(t *testing.T) {
	t.Parallel()
	hc := &http.Client{}
	if _, err := shopapi.NewClient(shopapi.StaticToken("x"), shopapi.WithHTTPClient(hc)); err != nil {
		t.Fatal(err)
	}
	if hc.Transport != nil {
		t.Error("NewClient set the caller's http.Client.Transport")
	}
}

// sampleServer serves testdata/api files under a non-empty base path, so
// an absolute path in the client would miss them (go-github's setup).
func sampleServer(t *testing.T, routes map[string]string) *shopapi.Client {
	t.Helper()
	mux := http.NewServeMux()
	for path, file := range routes {
		body, err := os.ReadFile("testdata/api/" + file)
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc("/api"+path, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Get("access_token") != "sample-token" {
				t.Errorf("%s: access_token not in the query", path)
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(body)
		})
	}
	hs := httptest.NewServer(mux)
	t.Cleanup(hs.Close)
	c, err := shopapi.NewClient(shopapi.StaticToken("sample-token"), shopapi.WithBaseURL(hs.URL+"/api/"),
		shopapi.WithRetry(0, 0, 0), shopapi.WithHTTPClient(hs.Client())) // not http.DefaultTransport: see redirect_test.go
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSamples decodes responses in the platform's documented shapes
// (reference §7): 64-bit ids as numbers and strings, qua_id as a number,
// deposit as a string, unknown fields retained.
func TestSamples(t *testing.T) {
	t.Parallel()
	c := sampleServer(t, map[string]string{
		"/channels/ec/product/get":             "product_get.json",
		"/channels/ec/product/add":             "product_add.json",
		"/channels/ec/product/update":          "product_update.json",
		"/channels/ec/product/list/get":        "product_list.json",
		"/channels/ec/product/stock/get":       "stock_get.json",
		"/channels/ec/product/stock/batchget":  "stock_batchget.json",
		"/shop/ec/category/detail":             "category_detail.json",
		"/shop/ec/category/all":                "category_all.json",
		"/shop/ec/basics/img/upload":           "img_upload.json",
		"/channels/ec/basics/info/get":         "shop_info.json",
		"/shop/ec/basics/qualification/upload": "qualification_upload.json",
		"/shop/ec/brand/all":                   "brand_all.json",
		"/channels/ec/product/delete":          "error_token.json",
		"/channels/ec/product/listing":         "envelope_no_errmsg.json",
	})
	ctx := t.Context()

	d, _, err := c.Products.Get(ctx, "9007199254740993", shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	p := d.Product
	if p.ProductID != "9007199254740993" || p.SKUs[0].SKUID != "9007199254740995" {
		t.Errorf("ids = %s / %s", p.ProductID, p.SKUs[0].SKUID)
	}
	if p.Status != shopapi.ProductStatusListed || p.EditStatus != shopapi.EditStatusAuditing {
		t.Errorf("status = %v / %v", p.Status, p.EditStatus)
	}
	if p.ProductQuaInfos[0].QuaID != "1111484" {
		t.Errorf("numeric qua_id decoded as %q", p.ProductQuaInfos[0].QuaID)
	}
	if _, ok := p.Extra["info_score"]; !ok {
		t.Errorf("unknown field info_score lost; Extra = %v", p.Extra)
	}
	if _, ok := p.SKUs[0].Extra["sku_future_field"]; !ok {
		t.Error("unknown SKU field lost")
	}
	if !p.SKUs[0].SalePriceMoney().Equal(vcart.FromFen(3990)) {
		t.Errorf("sale price = %v", p.SKUs[0].SalePriceMoney())
	}
	if d.EditProduct != nil || d.SaleLimitInfo == nil || !bool(d.SaleLimitInfo.IsLimited) {
		t.Errorf("detail = %+v", d)
	}

	add, _, err := c.Products.Add(ctx, newProduct("云南手剥核桃 500g"), true)
	if err != nil {
		t.Fatal(err)
	}
	upd, _, err := c.Products.Update(ctx, &shopapi.Product{ProductID: "9007199254740993", Title: "x"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if add.ProductID != "9007199254740993" || upd.ProductID != add.ProductID {
		t.Errorf("add id %q (JSON number) / update id %q (JSON string): want both 9007199254740993", add.ProductID, upd.ProductID)
	}
	if add.CreateTime != "2026-03-01 08:00:00" {
		t.Errorf("create_time = %q", add.CreateTime)
	}

	list, resp, err := c.Products.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]shopapi.ID{"9007199254740993", "9007199254740997"}, list.ProductIDs); diff != "" || resp.NextKey != "" || list.TotalNum != 2 {
		t.Errorf("list (-want +got):\n%s next=%q", diff, resp.NextKey)
	}

	st, _, err := c.Stock.Get(ctx, "9007199254740993", "9007199254740995")
	if err != nil {
		t.Fatal(err)
	}
	want := &shopapi.SKUStock{SKUID: "9007199254740995", NormalStockNum: 990, LimitedDiscountStockNum: 10, TotalStockNum: 1124,
		WarehouseStocks: []shopapi.WarehouseStock{{OutWarehouseID: "wh-north", Num: 44}, {OutWarehouseID: "wh-south", Num: 80}}}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("stock (-want +got):\n%s", diff)
	}
	bs, _, err := c.Stock.BatchGet(ctx, []shopapi.ID{"9007199254740993"})
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 || bs[0].SKUStock[0].TotalStockNum != 1034 || bs[0].SKUStock[0].WarehouseStocks[0].LockStock != 2 {
		t.Errorf("batch stock = %+v", bs)
	}

	cd, _, err := c.Categories.Detail(ctx, "6194")
	if err != nil {
		t.Fatal(err)
	}
	if cd.Attr.Deposit != 500000 || !cd.Attr.DepositMoney().Equal(vcart.FromFen(500000)) {
		t.Errorf("deposit = %d", cd.Attr.Deposit)
	}
	if cd.Attr.TransactionFeeInfo.BasisPoint != 250 || len(cd.ProductQuaList) != 1 || !bool(cd.ProductQuaList[0].Mandatory) {
		t.Errorf("detail = %+v", cd)
	}
	if _, ok := cd.Attr.Extra["confirm_receipt_days"]; !ok {
		t.Error("unknown category attr lost")
	}
	tree, _, err := c.Categories.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	leaf, ok := tree.Cats[0].Leaf()
	if !ok || leaf.CatID != "1003" || leaf.Level != 3 || tree.Cats[0].CatAndQua[0].BrandQua == nil {
		t.Errorf("tree = %+v", tree)
	}

	img, _, err := c.Media.UploadImageURL(ctx, "https://example.com/a.jpg", shopapi.ImageURL)
	if err != nil || !strings.HasPrefix(img.ImgURL, "https://mmecimage.cn/p/") {
		t.Errorf("img = %+v, %v", img, err)
	}
	fileID, _, err := c.Media.UploadQualification(ctx, "licence.jpg", []byte("jpeg"))
	if err != nil || fileID != "file_0001" {
		t.Errorf("file id = %q, %v", fileID, err)
	}
	info, _, err := c.Store.Info(ctx)
	if err != nil || info.SubjectType != "企业" || info.Status != "open_finished" {
		t.Errorf("info = %+v, %v", info, err)
	}
	brands, _, err := c.Brands.All(ctx, nil)
	if err != nil || len(brands.Brands) != 2 || brands.Brands[0].BrandID != "2100000101" {
		t.Errorf("brands = %+v, %v", brands, err)
	}

	_, err = c.Products.Delete(ctx, "1")
	var ae *shopapi.APIError
	if !errors.As(err, &ae) || ae.ErrCode != 40001 || ae.RequestID != "65f1a2b3-0c1d2e3f-4a5b6c7d" || ae.Path != "/channels/ec/product/delete" || ae.Method != "POST" {
		t.Errorf("error = %#v", err)
	}
	if !errors.Is(err, shopapi.ErrAccessTokenExpired) {
		t.Error("40001 does not match ErrAccessTokenExpired")
	}
	if _, err := c.Products.Listing(ctx, "1"); err != nil {
		t.Errorf("envelope without errmsg: %v", err)
	}
}

func TestCall_ContextCancelled(t *testing.T) {
	t.Parallel()
	c := sampleServer(t, map[string]string{"/channels/ec/basics/info/get": "shop_info.json"})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, err := c.Store.Info(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

func TestClient_Clone(t *testing.T) {
	t.Parallel()
	c := sampleServer(t, map[string]string{"/channels/ec/basics/info/get": "shop_info.json"})
	c2, err := c.Clone(shopapi.WithRetry(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if c2 == c || c2.Products == c.Products {
		t.Error("Clone shares services")
	}
	if info, _, err := c2.Store.Info(t.Context()); err != nil || info.Nickname == "" {
		t.Errorf("clone: %+v, %v", info, err)
	}
	if _, err := c.Clone(shopapi.WithBaseURL("::")); err == nil {
		t.Error("Clone accepted a bad option")
	}
}
