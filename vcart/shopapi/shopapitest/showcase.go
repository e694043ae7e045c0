package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// showcaseRoutes returns the showcase (橱窗) and link endpoints.
func showcaseRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/window/product/add", h: (*Server).hShowcaseAdd},
		{method: http.MethodPost, path: "/channels/ec/window/product/get", h: (*Server).hShowcaseGet},
		{method: http.MethodPost, path: "/channels/ec/window/product/list/get", h: (*Server).hShowcaseList},
		{method: http.MethodPost, path: "/channels/ec/window/product/off", h: (*Server).hShowcaseOff},
		{method: http.MethodPost, path: "/channels/ec/product/h5url/get", h: productLink("product_h5url", "https://channels.weixin.qq.com/shop/a/", "")},
		{method: http.MethodPost, path: "/channels/ec/product/qrcode/get", h: productLink("product_qrcode",
			"https://store.mp.video.tencent-cloud.com/161/20304/snscosdownload/SH/reserved/", "")},
		{method: http.MethodPost, path: "/channels/ec/product/taglink/get", h: productLink("product_taglink", "#视频号小店://视频号小店/", "")},
		{method: http.MethodPost, path: "/channels/ec/product/scheme/get", h: (*Server).hProductScheme},
		{method: http.MethodPost, path: "/channels/ec/basics/shop/h5url/get", h: shopLink("shop_h5url", "https://channels.weixin.qq.com/shop/b/", "")},
		{method: http.MethodPost, path: "/channels/ec/basics/shop/qrcode/get", h: shopLink("shop_qrcode", "https://res.wx.qq.com/shop/material/shop/", ".png")},
		{method: http.MethodPost, path: "/channels/ec/basics/shop/taglink/get", h: shopLink("shop_taglink", "#微信小店://微信小店/", "")},
	}
}

// showcaseEntry is a product in the fake channel's showcase.
type showcaseEntry struct {
	productID string
	hidden    bool
}

// linkState maps link tokens to what they open and back.
type linkState struct {
	byToken  map[string]string // token → product id, or "" for the shop
	byTarget map[string]string // product id (or "" for the shop) → token
}

func (s *Server) links() *linkState {
	return stateOf(s, "links", func() *linkState {
		return &linkState{byToken: map[string]string{}, byTarget: map[string]string{}}
	})
}

// token returns the stable link token of a product ("" for the shop).
func (s *Server) token(target string) string {
	ls := s.links()
	if t, ok := ls.byTarget[target]; ok {
		return t
	}
	t := "fk" + strconv.FormatInt(int64(len(ls.byToken)+1)*7919, 36)
	ls.byTarget[target], ls.byToken[t] = t, target
	return t
}

// ResolveLink returns what a link handed out by the fake opens: the
// product id (shop false) or the shop (shop true). It accepts every
// product and shop link form (H5, QR code, 口令, scheme).
func (s *Server) ResolveLink(link string) (productID vcart.ID, shop, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tok := strings.TrimSuffix(link, ".png")
	if i := strings.LastIndexAny(tok, "/="); i >= 0 {
		tok = tok[i+1:]
	}
	target, ok := s.links().byToken[tok]
	return vcart.ID(target), ok && target == "", ok
}

func (s *Server) showcase() *table[showcaseEntry] {
	return tableOf[showcaseEntry](s, "showcase", shopapi.CodeShowcaseProductNotFound, "window product not found")
}

// showcaseRef decodes product_id and appid and checks them: the appid must
// be the fake shop's (the only shop bound to its channel).
func (s *Server) showcaseRef(c *call, extra *bool) (string, error) {
	var b struct {
		ProductID       shopapi.ID `json:"product_id"`
		AppID           string     `json:"appid"`
		IsHideForWindow *bool      `json:"is_hide_for_window"`
	}
	if err := c.decode(&b); err != nil {
		return "", err
	}
	if err := requireIDs(shopapi.CodeBadParams, map[string]string{"product_id": string(b.ProductID), "appid": b.AppID}); err != nil {
		return "", err
	}
	if b.AppID != s.appID {
		return "", apiErr(shopapi.CodeShowcaseAppNotBound, "appid is not bound to the finder")
	}
	if extra != nil && b.IsHideForWindow != nil {
		*extra = *b.IsHideForWindow
	}
	return string(b.ProductID), nil
}

func (s *Server) hShowcaseAdd(c *call) (any, error) {
	var hidden bool
	id, err := s.showcaseRef(c, &hidden)
	if err != nil {
		return nil, err
	}
	p, ok := s.products[id]
	if !ok || p.status == shopapi.ProductStatusDeleted {
		return nil, apiErr(shopapi.CodeShowcaseProductNotFound, "product not found")
	}
	if p.online == nil {
		return nil, apiErr(shopapi.CodeProductNotListed, "product not listed")
	}
	s.showcase().put(id, &showcaseEntry{productID: id, hidden: hidden})
	return nil, nil
}

func (s *Server) hShowcaseGet(c *call) (any, error) {
	id, err := s.showcaseRef(c, nil)
	if err != nil {
		return nil, err
	}
	e, err := s.showcase().get(id)
	if err != nil {
		return nil, err
	}
	return struct {
		Product *shopapi.ShowcaseProduct `json:"product"`
	}{s.showcaseView(e)}, nil
}

// showcaseView renders a showcase product from the shop's product.
func (s *Server) showcaseView(e *showcaseEntry) *shopapi.ShowcaseProduct {
	v := &shopapi.ShowcaseProduct{ProductID: shopapi.ID(e.productID), AppID: s.appID, Status: shopapi.ShowcaseActive,
		PlatformID: 0, PlatformName: "我的小店", IsHideForWindow: e.hidden}
	v.PagePath = shopapi.ShowcasePagePath{AppID: s.appID,
		HalfPagePath: "pages/buy/productDetail?productId=" + e.productID,
		FullPagePath: "pages/productDetail/productDetail?productId=" + e.productID}
	p, ok := s.products[e.productID]
	if !ok {
		v.Banned, v.Status = true, shopapi.ShowcaseBanned
		return v
	}
	src := p.online
	if src == nil {
		src = &p.draft
	}
	v.OutProductID, v.Title = src.OutProductID, src.Title
	if len(src.HeadImgs) > 0 {
		v.ImgURL = src.HeadImgs[0]
	}
	if cats := catsOf(src); len(cats) > 0 {
		leaf, _ := strconv.ParseInt(string(cats[len(cats)-1].CatID), 10, 64)
		v.ThirdCategoryID, v.LeafCategoryID = leaf, leaf
	}
	for i, sku := range src.SKUs {
		if i == 0 || sku.SalePrice < v.SellingPrice {
			v.SellingPrice, v.MarketPrice = sku.SalePrice, sku.MarketPrice
		}
		v.Stock += p.stock[string(sku.SKUID)]
	}
	v.Sales = s.productSales(e.productID)
	if p.status != shopapi.ProductStatusListed {
		v.Banned = p.status == shopapi.ProductStatusBanned || p.status == shopapi.ProductStatusViolation
	}
	if v.Banned {
		v.Status = shopapi.ShowcaseBanned
	}
	return v
}

// productSales counts the items of a product in paid orders.
func (s *Server) productSales(productID string) int64 {
	st := s.orders()
	var n int64
	for i := range st.recs {
		r := &st.recs[i]
		d := peekDetail(st, r)
		if d.payTime == 0 {
			continue
		}
		for _, l := range d.lines {
			if l.productID == productID {
				n += l.count
			}
		}
	}
	return n
}

func (s *Server) hShowcaseList(c *call) (any, error) {
	var b struct {
		AppID           string `json:"appid"`
		BranchID        int64  `json:"branch_id"`
		PageSize        int    `json:"page_size"`
		PageIndex       int    `json:"page_index"`
		LastBuffer      string `json:"last_buffer"`
		NeedTotalNum    bool   `json:"need_total_num"`
		QueryCPSProduct bool   `json:"query_cps_product"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	keep := func(string, *showcaseEntry) bool {
		// The fake's showcase holds the shop's own products only: no
		// branch (分店) and no products sold on commission.
		return (b.AppID == "" || b.AppID == s.appID) && b.BranchID == 0 && !b.QueryCPSProduct
	}
	ids := s.showcase().ids(keep)
	var page []string
	var next string
	var err error
	if b.LastBuffer != "" || b.PageIndex == 0 {
		page, next, _, err = pageKey(ids, b.LastBuffer, b.PageSize, 200, shopapi.CodeBadParams)
	} else {
		page, err = pageNumber(ids, b.PageIndex, b.PageSize, 200, shopapi.CodeBadParams)
		next = makeKey(min(len(ids), b.PageIndex*b.PageSize))
	}
	if err != nil {
		return nil, err
	}
	out := struct {
		Products   []shopapi.ShowcaseRef `json:"products"`
		LastBuffer string                `json:"last_buffer"`
		TotalNum   int64                 `json:"total_num,omitempty"`
	}{Products: []shopapi.ShowcaseRef{}, LastBuffer: next}
	for _, id := range page {
		out.Products = append(out.Products, shopapi.ShowcaseRef{ProductID: shopapi.ID(id), AppID: s.appID})
	}
	if b.NeedTotalNum {
		out.TotalNum = int64(len(ids))
	}
	return out, nil
}

func (s *Server) hShowcaseOff(c *call) (any, error) {
	id, err := s.showcaseRef(c, nil)
	if err != nil {
		return nil, err
	}
	return nil, s.showcase().remove(id)
}

// linkProduct checks that a product can be linked to: it exists and is
// listed (the platform answers 10020052 and 10020065 otherwise).
func (s *Server) linkProduct(id string) error {
	if id == "" {
		return apiErr(shopapi.CodeBadParams, "product_id is required")
	}
	p, ok := s.products[id]
	if !ok || p.status == shopapi.ProductStatusDeleted {
		return apiErr(shopapi.CodeProductNotFound, "product not found")
	}
	if p.status != shopapi.ProductStatusListed {
		return apiErr(shopapi.CodeProductNotListed, "product not listed")
	}
	return nil
}

func productLink(key, prefix, suffix string) func(s *Server, c *call) (any, error) {
	return func(s *Server, c *call) (any, error) {
		var b struct {
			ProductID shopapi.ID `json:"product_id"`
		}
		if err := c.decode(&b); err != nil {
			return nil, err
		}
		if err := s.linkProduct(string(b.ProductID)); err != nil {
			return nil, err
		}
		return map[string]string{key: prefix + s.token(string(b.ProductID)) + suffix}, nil
	}
}

func shopLink(key, prefix, suffix string) func(s *Server, c *call) (any, error) {
	return func(s *Server, c *call) (any, error) {
		var b struct {
			WecomCorpID string `json:"wecom_corp_id"`
			WecomUserID string `json:"wecom_user_id"`
		}
		if len(c.body) > 0 {
			if err := c.decode(&b); err != nil {
				return nil, err
			}
		}
		if (b.WecomCorpID == "") != (b.WecomUserID == "") {
			return nil, apiErr(shopapi.CodeBadParams, "wecom_corp_id and wecom_user_id go together")
		}
		return map[string]string{key: prefix + s.token("") + suffix}, nil
	}
}

func (s *Server) hProductScheme(c *call) (any, error) {
	var b struct {
		ProductID shopapi.ID `json:"product_id"`
		FromAppID string     `json:"from_appid"`
		Expire    int64      `json:"expire"`
		ExtInfo   string     `json:"ext_info"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Expire < 1 || b.Expire > shopapi.MaxSchemeExpire {
		return nil, apiErr(shopapi.CodeBadParams, "invalid expire")
	}
	if !strings.HasPrefix(b.FromAppID, "wx") || b.FromAppID == s.appID {
		// The fake takes any wx… appid but the shop's own as a mobile app
		// bound on the open platform.
		return nil, apiErr(shopapi.CodeSchemeAppInvalid, "invalid appid")
	}
	if err := s.linkProduct(string(b.ProductID)); err != nil {
		return nil, err
	}
	return struct {
		OpenLink string `json:"openlink"`
	}{"weixin://dl/business/?st=" + s.token(string(b.ProductID))}, nil
}

// catsOf returns a product's categories (cats_v2 when set, else cats).
func catsOf(p *shopapi.Product) []shopapi.CatRef {
	if len(p.CatsV2) > 0 {
		return p.CatsV2
	}
	return p.Cats
}
