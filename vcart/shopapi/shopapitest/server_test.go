package shopapitest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

type envelope struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// raw sends a request to the fake without the client and decodes the envelope.
func raw(t *testing.T, srv *shopapitest.Server, method, pathQuery, body string) (envelope, map[string]json.RawMessage) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, srv.URL()+pathQuery, rd)
	if err != nil {
		t.Fatal(err)
	}
	res, err := srv.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var env envelope
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatalf("%s: not an envelope: %s", pathQuery, b)
	}
	_ = json.Unmarshal(b, &all)
	return env, all
}

func token(t *testing.T, srv *shopapitest.Server) string {
	t.Helper()
	ts, err := srv.TokenSource(srv.HTTPClient())
	if err != nil {
		t.Fatal(err)
	}
	tok, err := ts.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestServer_Envelope(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	tok := token(t, srv)
	tests := []struct {
		name, method, path, body string
		code                     int
	}{
		{"missing token", "POST", "/channels/ec/product/get", `{"product_id":"1"}`, 41001},
		{"unknown token", "POST", "/channels/ec/product/get?access_token=nope", `{"product_id":"1"}`, 40001},
		{"unknown path", "POST", "/channels/ec/nothing?access_token=" + tok, `{}`, 40066},
		{"GET on POST path", "GET", "/channels/ec/product/get?access_token=" + tok, ``, 43002},
		{"POST on GET path", "POST", "/channels/ec/basics/info/get?access_token=" + tok, `{}`, 43001},
		{"numeric product_id", "POST", "/channels/ec/product/get?access_token=" + tok, `{"product_id":123}`, 47001},
		{"empty body", "POST", "/channels/ec/product/get?access_token=" + tok, ``, 44002},
		{"not found", "POST", "/channels/ec/product/get?access_token=" + tok, `{"product_id":"123","data_type":3}`, 10020052},
		{"upload_type in body", "POST", "/channels/ec/basics/img/upload?access_token=" + tok, `{"upload_type":1,"resp_type":1,"img_url":"https://a/b"}`, 10020055},
		{"bad page size", "POST", "/channels/ec/product/list/get?access_token=" + tok, `{"page_size":0}`, 10020051},
		{"stock diff type", "POST", "/channels/ec/product/stock/update?access_token=" + tok, `{"product_id":"1","sku_id":"2","diff_type":4,"num":1}`, 10020052},
		{"shop info", "GET", "/channels/ec/basics/info/get?access_token=" + tok, ``, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env, _ := raw(t, srv, tt.method, tt.path, tt.body)
			if env.ErrCode != tt.code {
				t.Errorf("errcode %d (%s), want %d", env.ErrCode, env.ErrMsg, tt.code)
			}
			if tt.code != 0 && !strings.Contains(env.ErrMsg, " rid: ") {
				t.Errorf("errmsg %q has no rid", env.ErrMsg)
			}
			if tt.code == 0 && env.ErrMsg != "ok" {
				t.Errorf("errmsg %q", env.ErrMsg)
			}
		})
	}
}

func TestServer_Tokens(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, vcart.Shanghai())
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	srv := shopapitest.NewServer(t, shopapitest.WithClock(clock))
	stable := func(force bool) (string, int64, int) {
		body, _ := json.Marshal(map[string]any{"grant_type": "client_credential", "appid": srv.AppID(), "secret": srv.AppSecret(), "force_refresh": force})
		env, all := raw(t, srv, "POST", "/cgi-bin/stable_token", string(body))
		var tok string
		var exp int64
		_ = json.Unmarshal(all["access_token"], &tok)
		_ = json.Unmarshal(all["expires_in"], &exp)
		return tok, exp, env.ErrCode
	}
	a, exp, code := stable(false)
	if code != 0 || exp != 7200 || a == "" {
		t.Fatalf("stable_token = %q, %d, %d", a, exp, code)
	}
	advance(time.Hour)
	b, exp, _ := stable(false)
	if b != a || exp != 3600 {
		t.Errorf("within validity: %q (%d s), want the same token with 3600 s", b, exp)
	}
	forced, _, _ := stable(true)
	if forced == a {
		t.Error("force_refresh returned the old token")
	}
	if env, _ := raw(t, srv, "GET", "/channels/ec/basics/info/get?access_token="+a, ""); env.ErrCode != 40001 {
		t.Errorf("old token after force_refresh: %d", env.ErrCode)
	}
	advance(10 * time.Second)
	if again, _, _ := stable(true); again != forced {
		t.Error("force_refresh within 30 s issued a new token")
	}
	advance(2 * time.Hour)
	if env, _ := raw(t, srv, "GET", "/channels/ec/basics/info/get?access_token="+forced, ""); env.ErrCode != 42001 {
		t.Errorf("expired token: %d", env.ErrCode)
	}
	fetches := srv.TokenFetches()

	// /cgi-bin/token: each fetch issues a new token; the old one lives 5 more minutes.
	q := "/cgi-bin/token?grant_type=client_credential&appid=" + srv.AppID() + "&secret=" + srv.AppSecret()
	_, all := raw(t, srv, "GET", q, "")
	var t1, t2 string
	_ = json.Unmarshal(all["access_token"], &t1)
	_, all = raw(t, srv, "GET", q, "")
	_ = json.Unmarshal(all["access_token"], &t2)
	if t1 == t2 || srv.TokenFetches() != fetches+2 {
		t.Error("/cgi-bin/token did not issue a new token")
	}
	advance(4 * time.Minute)
	if env, _ := raw(t, srv, "GET", "/channels/ec/basics/info/get?access_token="+t1, ""); env.ErrCode != 0 {
		t.Errorf("old token inside the 5-minute overlap: %d", env.ErrCode)
	}
	advance(2 * time.Minute)
	if env, _ := raw(t, srv, "GET", "/channels/ec/basics/info/get?access_token="+t1, ""); env.ErrCode != 42001 {
		t.Errorf("old token after the overlap: %d", env.ErrCode)
	}
	for _, bad := range []struct {
		q    string
		code int
	}{
		{"/cgi-bin/token?grant_type=password&appid=" + srv.AppID() + "&secret=" + srv.AppSecret(), 40002},
		{"/cgi-bin/token?grant_type=client_credential&appid=wxother&secret=" + srv.AppSecret(), 40013},
		{"/cgi-bin/token?grant_type=client_credential&appid=" + srv.AppID() + "&secret=bad", 40001},
	} {
		if env, _ := raw(t, srv, "GET", bad.q, ""); env.ErrCode != bad.code {
			t.Errorf("%s: %d, want %d", bad.q, env.ErrCode, bad.code)
		}
	}
}

func TestServer_Faults(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	tok := token(t, srv)
	path := "/channels/ec/basics/info/get"
	srv.InjectFault(path, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 45011, Times: 2})
	srv.InjectFault(path, shopapitest.Fault{Kind: shopapitest.FaultErrCode}) // default -1
	var got []int
	for range 4 {
		env, _ := raw(t, srv, "GET", path+"?access_token="+tok, "")
		got = append(got, env.ErrCode)
	}
	if diff := cmp.Diff([]int{45011, 45011, -1, 0}, got); diff != "" {
		t.Errorf("fault order (-want +got):\n%s", diff)
	}
	if srv.Calls(path) != 4 {
		t.Errorf("Calls = %d", srv.Calls(path))
	}
	srv.InjectFault(path, shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus})
	req, _ := http.NewRequestWithContext(t.Context(), "GET", srv.URL()+path+"?access_token="+tok, nil)
	res, err := srv.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 503 {
		t.Errorf("default status fault: %d", res.StatusCode)
	}
	srv.InjectFault(path, shopapitest.Fault{Kind: shopapitest.FaultTimeout, Delay: 20 * time.Millisecond})
	req, _ = http.NewRequestWithContext(t.Context(), "GET", srv.URL()+path+"?access_token="+tok, nil)
	if _, err := (&http.Client{Transport: srv.Transport()}).Do(req); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("bounded timeout then drop: %v", err)
	}
	srv.InjectFault(path, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Times: 5})
	srv.ClearFaults()
	if env, _ := raw(t, srv, "GET", path+"?access_token="+tok, ""); env.ErrCode != 0 {
		t.Errorf("after ClearFaults: %d", env.ErrCode)
	}
	srv.InjectFault(path, shopapitest.Fault{Kind: shopapitest.FaultInvalidateToken})
	if env, _ := raw(t, srv, "GET", path+"?access_token="+tok, ""); env.ErrCode != 40001 {
		t.Errorf("token invalidated mid-stream: %d", env.ErrCode)
	}
}

func TestServer_Catalogue(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	if diff := cmp.Diff([]shopapi.CatRef{{CatID: "2001"}, {CatID: "2002"}, {CatID: "2003"}}, shopapitest.CatsFor(shopapitest.CatDresses)); diff != "" {
		t.Errorf("CatsFor (-want +got):\n%s", diff)
	}
	if shopapitest.CatsFor("404") != nil {
		t.Error("CatsFor(unknown) != nil")
	}
	tree, _, err := c.Categories.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Cats) != 3 || len(tree.CatsV2) != 3 {
		t.Fatalf("%d and %d leaf paths, want 3", len(tree.Cats), len(tree.CatsV2))
	}
	// Only the new tree (cats_v2) marks leaves, as the page's example does.
	for _, p := range tree.CatsV2 {
		leaf, _ := p.Leaf()
		if len(p.CatAndQua) != 3 || leaf.Level != 3 || !bool(leaf.Leaf) || p.CatAndQua[2].Cat.FCatID != "0" {
			t.Errorf("path %+v", p)
		}
	}
	kids, _, err := c.Categories.Children(ctx, "1001")
	if err != nil || len(kids) != 1 || kids[0].CatID != "1002" {
		t.Errorf("children = %+v, %v", kids, err)
	}
	ap, _, err := c.Categories.Approved(ctx)
	if err != nil || len(ap) != 3 {
		t.Errorf("approved = %+v, %v", ap, err)
	}
	d, _, err := c.Categories.Detail(ctx, shopapitest.CatCream)
	if err != nil || d.Attr.Deposit != 500000 || len(d.ProductQuaList) != 1 || len(d.Attr.SaleAttrList) != 1 {
		t.Errorf("detail = %+v, %v", d, err)
	}
	if _, _, err := c.Categories.Detail(ctx, "404"); !isCode(err, shopapi.CodeInvalidCatID) {
		t.Errorf("unknown category: %v", err)
	}

	var all []string
	for b, err := range c.Brands.AllIter(ctx, &shopapi.BrandListOptions{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, string(b.BrandID))
	}
	if len(all) != 5 || all[0] != string(shopapi.NoBrandID) || srv.Calls("/channels/ec/brand/all") != 3 || srv.Calls("/shop/ec/brand/all") != 3 {
		t.Errorf("brands = %v in %d calls", all, srv.Calls("/channels/ec/brand/all"))
	}
	var held []*shopapi.Brand
	for b, err := range c.Brands.ListIter(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, b)
	}
	if len(held) != 2 || held[1].Status != shopapi.BrandActive {
		t.Errorf("held brands = %+v", held)
	}
	if _, ok := held[0].Extra["register_details"]; !ok {
		t.Error("register_details not kept in Extra")
	}
	b, _, err := c.Brands.Get(ctx, "2100000103")
	if err != nil || b.ChName != "玉肌" {
		t.Errorf("brand = %+v, %v", b, err)
	}
	if _, _, err := c.Brands.Get(ctx, "1"); !isCode(err, 10020082) {
		t.Errorf("unknown brand: %v", err)
	}

	img, _, err := c.Media.UploadImage(ctx, "a.png", []byte("\x89PNG...."), 800, 800, shopapi.ImageURL)
	if err != nil || !strings.HasPrefix(img.ImgURL, "https://mmecimage.cn/p/"+srv.AppID()+"/") {
		t.Errorf("upload bytes = %+v, %v", img, err)
	}
	img, _, err = c.Media.UploadImageURL(ctx, "https://example.com/a.jpg", shopapi.ImageMediaID)
	if err != nil || img.MediaID == "" || img.PayMediaID == "" || img.ImgURL != "" {
		t.Errorf("upload url = %+v, %v", img, err)
	}
	id, _, err := c.Media.UploadQualification(ctx, "licence.jpg", []byte("jpeg"))
	if err != nil || !strings.HasPrefix(id, "file_") {
		t.Errorf("qualification = %q, %v", id, err)
	}
	info, _, err := c.Store.Info(ctx)
	if err != nil || info.Status != "open_finished" {
		t.Errorf("info = %+v, %v", info, err)
	}
}

func isCode(err error, code int) bool {
	var ae *shopapi.APIError
	return errors.As(err, &ae) && ae.ErrCode == code
}

func TestServer_IDsAbove2To53(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithAutoAudit())
	c := srv.Client()
	p := &shopapi.Product{Title: "六十四位编号测试商品", HeadImgs: []string{"https://mmecimage.cn/p/x/1", "https://mmecimage.cn/p/x/2", "https://mmecimage.cn/p/x/3"},
		CatsV2: []shopapi.CatRef{{CatID: "6091"}}, SKUs: []shopapi.SKU{{SalePrice: 100, StockNum: 1}}}
	res, _, err := c.Products.Add(t.Context(), p, true)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := strconv.ParseUint(string(res.ProductID), 10, 64); err != nil || n <= 1<<53 {
		t.Errorf("product id %s is not above 2^53", res.ProductID)
	}
	if _, ed, ok := srv.ProductState(res.ProductID); !ok || ed != shopapi.EditStatusApproved {
		t.Errorf("auto audit: %v", ed)
	}
	if err := srv.ApproveAudit("404"); !errors.Is(err, shopapitest.ErrNoProduct) {
		t.Errorf("ApproveAudit(404) = %v", err)
	}
	if _, ok := srv.Stock("404", "1"); ok {
		t.Error("Stock(404) ok")
	}
}

func TestNew_WithoutT(t *testing.T) {
	t.Parallel()
	srv, err := shopapitest.New(shopapitest.WithCredentials("wxprog00000000001", "prog-secret"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if srv.AppID() != "wxprog00000000001" || srv.AppSecret() != "prog-secret" {
		t.Error("credentials not applied")
	}
	c, err := srv.NewClient(&http.Client{Transport: srv.Transport()})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Store.Info(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestServer_RefuseOverLoopback(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	tok := token(t, srv)
	srv.InjectFault("/channels/ec/basics/info/get", shopapitest.Fault{Kind: shopapitest.FaultRefuse})
	req, _ := http.NewRequestWithContext(t.Context(), "POST", srv.URL()+"/channels/ec/basics/info/get?access_token="+tok, strings.NewReader("{}"))
	if _, err := srv.HTTPClient().Do(req); err == nil {
		t.Error("refused request answered")
	}
}
