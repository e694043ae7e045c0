package shopapitest

import (
	"bytes"
	"encoding/json"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The fake's data compass (电商罗盘) computes its figures from the fake's
// own state, not canned numbers: orders created and paid on the day, their
// after-sales refunds, the product clicks recorded with
// [Server.RecordProductClicks], the talents (带货达人) and sale channels
// that orders are attributed to with [Server.AttributeOrder], and the live
// sessions of [Server.AddLive]. As on the platform, it is T+1: the
// current day (and later ones) answer zero figures and empty lists.
//
// Modelling choices: money is the product lines' amounts (freight
// excluded); a refund counts when its after-sale has refunded (退款成功),
// in pay_refund_* for the day its order was paid and in refund_* for the
// day the after-sale last changed; pay_gmv_per_uv is pure_pay_gmv ÷ pay_uv
// rounded half up; the product list holds every product of the shop (zero
// figures when idle); product_click_uv of the overview is the sum of the
// products' click people; the audience profile knows the buyers' regions
// (地级, 省级, from the orders' addresses) and spend (消费力区间) and
// nothing about people's age or gender, whose lists stay empty.

// compassRoutes returns the compass endpoints.
func compassRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/compass/shop/overall/get", h: (*Server).hCompassShopOverall},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/product/list/get", h: (*Server).hCompassShopProducts},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/product/data/get", h: (*Server).hCompassShopProduct},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/sale/profile/data/get", h: (*Server).hCompassShopProfile},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/live/list/get", h: (*Server).hCompassShopLives},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/finder/authorization/list/get", h: (*Server).hCompassAuthorizations},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/finder/list/get", h: (*Server).hCompassFinders},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/finder/overall/get", h: (*Server).hCompassFinderOverall},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/finder/product/list/get", h: (*Server).hCompassFinderProducts},
		{method: http.MethodPost, path: "/channels/ec/compass/shop/finder/product/overall/get", h: (*Server).hCompassFinderDetail},
		{method: http.MethodPost, path: "/channels/ec/compass/finder/overall/get", h: (*Server).hCompassTalentOverall},
		{method: http.MethodPost, path: "/channels/ec/compass/finder/product/list/get", h: (*Server).hCompassTalentProducts},
		{method: http.MethodPost, path: "/channels/ec/compass/finder/product/data/get", h: (*Server).hCompassTalentProduct},
		{method: http.MethodPost, path: "/channels/ec/compass/finder/sale/profile/data/get", h: (*Server).hCompassTalentProfile},
	}
}

// SaleChannel is where an attributed order was sold (成交渠道).
type SaleChannel int

// Sale channels of the compass's GMV split.
const (
	SaleProductPage SaleChannel = iota // 商品卡 / 店铺 (the default)
	SaleLive                           // 直播
	SaleFeed                           // 短视频
	SaleWindow                         // 橱窗
	SaleOther                          // 其他
)

// Attribution ties an order to the talent (带货达人) and the channel that
// sold it. An order without one was sold by the shop itself through its
// product pages.
type Attribution struct {
	// FinderID is the selling channel; [MainFinderID] is the shop's own.
	FinderID       string
	FinderNickname string
	Channel        SaleChannel
}

// compassState is what the compass reads besides orders.
type compassState struct {
	attr       map[string]Attribution      // order id → attribution
	clicks     map[string]map[string]click // ds → product id → clicks
	authorized []string                    // channels authorised for the shop, besides the main one
}

type click struct{ uv, cnt int64 }

func (s *Server) compass() *compassState {
	return stateOf(s, "compass", func() *compassState {
		return &compassState{attr: map[string]Attribution{}, clicks: map[string]map[string]click{}}
	})
}

// AttributeOrder records which talent and channel sold an order; a talent
// other than the main channel becomes authorised for the shop.
func (s *Server) AttributeOrder(orderID vcart.ID, a Attribution) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.orders().get(string(orderID)); !ok {
		return ErrNotFound
	}
	if a.FinderID == "" {
		a.FinderID, a.FinderNickname = MainFinderID, MainFinderNickname
	}
	cs := s.compass()
	cs.attr[string(orderID)] = a
	if a.FinderID != MainFinderID && !slices.Contains(cs.authorized, a.FinderID) {
		cs.authorized = append(cs.authorized, a.FinderID)
	}
	return nil
}

// RecordProductClicks adds product clicks (商品点击) on the compass day of
// at: uv people clicked cnt times.
func (s *Server) RecordProductClicks(productID vcart.ID, at time.Time, uv, cnt int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.compass()
	ds := shopapi.CompassDay(at)
	if cs.clicks[ds] == nil {
		cs.clicks[ds] = map[string]click{}
	}
	c := cs.clicks[ds][string(productID)]
	c.uv, c.cnt = c.uv+uv, c.cnt+cnt
	cs.clicks[ds][string(productID)] = c
}

// figures are one product's (or one talent's) figures of a day.
type figures struct {
	createGMV, createCnt, createProductCnt            int64
	payGMV, payCnt, payProductCnt                     int64
	payRefundGMV, payRefundCnt, payRefundProductCnt   int64
	payRefundBeforeSend, payRefundAfterSend           int64
	refundGMV, refundCnt, refundProductCnt            int64
	clickUV, clickCnt                                 int64
	platformPredict, talentPredict                    int64
	platformActual, talentActual, settledGMV          int64
	createUV, payUV, payRefundUV, refundUV            map[string]bool
	products                                          map[string]bool
	liveGMV, feedGMV, windowGMV, productGMV, otherGMV int64
}

func newFigures() *figures {
	return &figures{createUV: map[string]bool{}, payUV: map[string]bool{}, payRefundUV: map[string]bool{},
		refundUV: map[string]bool{}, products: map[string]bool{}}
}

// dayData is the compass's view of one day.
type dayData struct {
	byProduct map[string]*figures
	byFinder  map[string]*figures // talent → its sales of the shop's products
	talentBy  map[string]map[string]*figures
	nicknames map[string]string
	shop      *figures
	buyers    map[string]buyer // paying openids of the day
	order     []string         // product ids in first-seen order
}

type buyer struct {
	province, city string
	spentFen       int64
	firstPaid      bool
}

// ready reports whether the compass has the day's figures (T+1).
func (s *Server) compassReady(ds string) bool {
	return ds < shopapi.CompassDay(s.now())
}

// checkCompassDS answers the platform's date errcode for a bad ds.
func checkCompassDS(ds string) error {
	if _, err := shopapi.ParseCompassDay(ds); err != nil {
		return apiErr(shopapi.CodeCompassDateFormat, "invalid ds")
	}
	return nil
}

// day computes the figures of day ds from the fake's state.
func (s *Server) day(ds string) *dayData {
	dd := &dayData{byProduct: map[string]*figures{}, byFinder: map[string]*figures{},
		talentBy: map[string]map[string]*figures{}, nicknames: map[string]string{}, shop: newFigures(),
		buyers: map[string]buyer{}}
	if !s.compassReady(ds) {
		return dd
	}
	st := s.orders()
	cs := s.compass()
	get := func(m map[string]*figures, k string) *figures {
		f := m[k]
		if f == nil {
			f = newFigures()
			m[k] = f
		}
		return f
	}
	firstPay := map[string]int64{}
	for i := range st.recs {
		r := &st.recs[i]
		d := peekDetail(st, r)
		if d.payTime != 0 {
			if t, ok := firstPay[d.openid]; !ok || d.payTime < t {
				firstPay[d.openid] = d.payTime
			}
		}
	}
	for i := range st.recs {
		r := &st.recs[i]
		d := peekDetail(st, r)
		orderID := strconv.FormatUint(r.id, 10)
		a, attributed := cs.attr[orderID]
		created := shopapi.CompassDay(time.Unix(r.created, 0)) == ds
		paid := d.payTime != 0 && shopapi.CompassDay(time.Unix(d.payTime, 0)) == ds
		_, price := d.productPrice()
		for _, l := range d.lines {
			targets := []*figures{get(dd.byProduct, l.productID), dd.shop}
			if attributed {
				dd.nicknames[a.FinderID] = a.FinderNickname
				targets = append(targets, get(dd.byFinder, a.FinderID))
				if dd.talentBy[a.FinderID] == nil {
					dd.talentBy[a.FinderID] = map[string]*figures{}
				}
				targets = append(targets, get(dd.talentBy[a.FinderID], l.productID))
			}
			if !slices.Contains(dd.order, l.productID) && (created || paid) {
				dd.order = append(dd.order, l.productID)
			}
			for _, f := range targets {
				if created {
					f.createGMV += l.lineFen
					f.createCnt++
					f.createProductCnt += l.count
					f.createUV[d.openid] = true
				}
				if !paid {
					continue
				}
				f.payGMV += l.lineFen
				f.payCnt++
				f.payProductCnt += l.count
				f.payUV[d.openid] = true
				f.products[l.productID] = true
				if price > 0 {
					f.platformPredict += d.predictFee * l.lineFen / price
					f.talentPredict += d.talentCommission * l.lineFen / price
					if d.settleTime != 0 {
						f.platformActual += d.commissionFee * l.lineFen / price
						f.talentActual += d.talentCommission * l.lineFen / price
						f.settledGMV += l.lineFen
					}
				}
				switch a.Channel {
				case SaleLive:
					f.liveGMV += l.lineFen
				case SaleFeed:
					f.feedGMV += l.lineFen
				case SaleWindow:
					f.windowGMV += l.lineFen
				case SaleOther:
					f.otherGMV += l.lineFen
				default:
					f.productGMV += l.lineFen
				}
			}
		}
		if paid {
			b := dd.buyers[d.openid]
			b.province, b.city = d.addr.ProvinceName, d.addr.CityName
			b.spentFen += price
			b.firstPaid = firstPay[d.openid] == d.payTime
			dd.buyers[d.openid] = b
		}
		// Refunds of the order's after-sales.
		counted := map[string]bool{}
		for _, asID := range d.aftersales {
			as := st.as[asID]
			if as == nil || !as.status.Refunded() {
				continue
			}
			targets := []*figures{get(dd.byProduct, as.productID), dd.shop}
			if attributed {
				targets = append(targets, get(dd.byFinder, a.FinderID), get(dd.talentBy[a.FinderID], as.productID))
			}
			refundedToday := shopapi.CompassDay(time.Unix(as.updated, 0)) == ds
			first := !counted[as.productID]
			counted[as.productID] = true
			for _, f := range targets {
				if paid {
					f.payRefundGMV += as.amount
					f.payRefundProductCnt += as.count
					f.payRefundUV[d.openid] = true
					if first {
						f.payRefundCnt++
						if len(d.pkgs) == 0 {
							f.payRefundBeforeSend++
						} else {
							f.payRefundAfterSend++
						}
					}
				}
				if refundedToday {
					f.refundGMV += as.amount
					f.refundProductCnt += as.count
					f.refundUV[d.openid] = true
					if first {
						f.refundCnt++
					}
				}
			}
		}
	}
	for id, c := range cs.clicks[ds] {
		f := get(dd.byProduct, id)
		f.clickUV, f.clickCnt = f.clickUV+c.uv, f.clickCnt+c.cnt
		dd.shop.clickUV += c.uv
		dd.shop.clickCnt += c.cnt
		if !slices.Contains(dd.order, id) {
			dd.order = append(dd.order, id)
		}
	}
	return dd
}

// peekDetail returns an order's detail without caching a synthesised one
// (the compass scans every order).
func peekDetail(st *orderStore, r *orderRec) *orderDetail {
	if r.d != nil {
		return r.d
	}
	return bulkDetail(r)
}

// ratio returns num ÷ den with 16 decimals (0 when den is 0), as the
// platform's float ratios.
func ratio(num, den int64) decimal.Decimal {
	if den == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(num).DivRound(decimal.NewFromInt(den), 16)
}

// common renders the figures common to both views.
func (f *figures) common() shopapi.CompassFigures {
	pure := f.payGMV - f.payRefundGMV
	perUV := int64(0)
	if n := int64(len(f.payUV)); n > 0 {
		perUV = (2*pure + n) / (2 * n) // half up
	}
	I := func(v int64) shopapi.Int64 { return shopapi.Int64(v) }
	return shopapi.CompassFigures{PayGMV: I(f.payGMV), CreateGMV: I(f.createGMV), CreateCnt: I(f.createCnt),
		CreateUV: I(int64(len(f.createUV))), CreateProductCnt: I(f.createProductCnt), PayCnt: I(f.payCnt),
		PayUV: I(int64(len(f.payUV))), PayProductCnt: I(f.payProductCnt), PurePayGMV: I(pure), PayGMVPerUV: I(perUV),
		ProductClickUV: I(f.clickUV), ProductClickCnt: I(f.clickCnt), PayRefundGMV: I(f.payRefundGMV),
		PayRefundUV: I(int64(len(f.payRefundUV))), PayRefundRatio: ratio(f.payRefundCnt, f.payCnt),
		PayRefundAfterSendRatio: ratio(f.payRefundAfterSend, f.payCnt), PayRefundCnt: I(f.payRefundCnt),
		PayRefundProductCnt: I(f.payRefundProductCnt), PayRefundBeforeSendRatio: ratio(f.payRefundBeforeSend, f.payCnt),
		RefundGMV: I(f.refundGMV), RefundProductCnt: I(f.refundProductCnt), RefundCnt: I(f.refundCnt),
		RefundUV: I(int64(len(f.refundUV)))}
}

func (f *figures) shopView() shopapi.CompassShopFigures {
	I := func(v int64) shopapi.Int64 { return shopapi.Int64(v) }
	return shopapi.CompassShopFigures{CompassFigures: f.common(),
		SellerActualSettleAmount: I(f.settledGMV - f.platformActual - f.talentActual), PlatformActualCommission: I(f.platformActual),
		FinderuinActualCommission: I(f.talentActual), SellerPredictSettleAmount: I(f.payGMV - f.platformPredict - f.talentPredict),
		PlatformPredictCommission: I(f.platformPredict), FinderuinPredictCommission: I(f.talentPredict)}
}

func (f *figures) talentView() shopapi.CompassTalentFigures {
	return shopapi.CompassTalentFigures{CompassFigures: f.common(), ActualCommission: shopapi.Int64(f.talentActual),
		PredictCommission: shopapi.Int64(f.talentPredict)}
}

func (f *figures) finderGMV() shopapi.CompassFinderGMV {
	return shopapi.CompassFinderGMV{PayGMV: shopapi.Int64(f.payGMV), PayProductIDCnt: shopapi.Int64(int64(len(f.products))),
		PayUV: shopapi.Int64(int64(len(f.payUV))), RefundGMV: shopapi.Int64(f.refundGMV), PayRefundGMV: shopapi.Int64(f.payRefundGMV)}
}

// head renders a product's identity from the shop's product.
func (s *Server) head(id string) shopapi.CompassProductHead {
	h := shopapi.CompassProductHead{ProductID: shopapi.ID(id)}
	p, ok := s.products[id]
	if !ok {
		return h
	}
	src := p.online
	if src == nil {
		src = &p.draft
	}
	h.Title = src.Title
	if len(src.HeadImgs) > 0 {
		h.HeadImgURL = src.HeadImgs[0]
	}
	for i, sku := range src.SKUs {
		if i == 0 || shopapi.Int64(sku.SalePrice) < h.Price {
			h.Price = shopapi.Int64(sku.SalePrice)
		}
	}
	cats := []*shopapi.ID{&h.FirstCategoryID, &h.SecondCategoryID, &h.ThirdCategoryID}
	for i, c := range catsOf(src) {
		if i < len(cats) {
			*cats[i] = c.CatID
		}
	}
	return h
}

// quotedJSON encodes v as the compass does: every number as a JSON string
// except the ratios (keys ending in "ratio"), which are JSON numbers.
func quotedJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return nil, err
	}
	return json.Marshal(quoteNumbers(x, ""))
}

func quoteNumbers(x any, key string) any {
	isRatio := strings.HasSuffix(key, "ratio")
	switch v := x.(type) {
	case map[string]any:
		for k, c := range v {
			v[k] = quoteNumbers(c, k)
		}
	case []any:
		for i, c := range v {
			v[i] = quoteNumbers(c, key)
		}
	case json.Number:
		if !isRatio {
			return v.String()
		}
	case string:
		if isRatio { // decimal.Decimal encodes as a string
			return json.Number(v)
		}
	}
	return x
}

// Answer types: the shopapi types, encoded as the compass does.
type (
	shopOverallAnswer struct {
		Data shopapi.CompassShopOverall `json:"data"`
	}
	shopProductsAnswer struct {
		ProductList []shopapi.CompassShopProduct `json:"product_list"`
	}
	shopProductAnswer struct {
		ProductInfo shopapi.CompassShopProduct `json:"product_info"`
	}
	profileAnswer struct {
		Data shopapi.SaleProfile `json:"data"`
	}
	livesAnswer struct {
		LiveList []shopapi.CompassLive `json:"live_list"`
	}
	findersAnswer struct {
		FinderList []compassFinder `json:"finder_list"`
	}
	finderOverallAnswer struct {
		Data shopapi.CompassFinderOverall `json:"data"`
	}
	finderProductsAnswer struct {
		ProductList []shopapi.CompassFinderProduct `json:"product_list"`
	}
	finderDetailAnswer struct {
		Data shopapi.CompassFinderGMV `json:"data"`
	}
	talentOverallAnswer struct {
		Data shopapi.CompassTalentOverall `json:"data"`
	}
	talentProductsAnswer struct {
		ProductList []shopapi.CompassTalentProduct `json:"product_list"`
	}
	talentProductAnswer struct {
		ProductInfo shopapi.CompassTalentProduct `json:"product_info"`
	}
)

// compassFinder is a talent of the finder list; the v2 identities are
// sent only when asked for.
type compassFinder struct {
	FinderID       string                   `json:"finder_id"`
	FinderNickname string                   `json:"finder_nickname"`
	Data           shopapi.CompassFinderGMV `json:"data"`
}

func (a shopOverallAnswer) MarshalJSON() ([]byte, error) {
	type p shopOverallAnswer
	return quotedJSON(p(a))
}

func (a shopProductsAnswer) MarshalJSON() ([]byte, error) {
	type p shopProductsAnswer
	return quotedJSON(p(a))
}

func (a shopProductAnswer) MarshalJSON() ([]byte, error) {
	type p shopProductAnswer
	return quotedJSON(p(a))
}

func (a profileAnswer) MarshalJSON() ([]byte, error) {
	type p profileAnswer
	return quotedJSON(p(a))
}

func (a livesAnswer) MarshalJSON() ([]byte, error) {
	type p livesAnswer
	return quotedJSON(p(a))
}

func (a findersAnswer) MarshalJSON() ([]byte, error) {
	type p findersAnswer
	return quotedJSON(p(a))
}

func (a finderOverallAnswer) MarshalJSON() ([]byte, error) {
	type p finderOverallAnswer
	return quotedJSON(p(a))
}

func (a finderProductsAnswer) MarshalJSON() ([]byte, error) {
	type p finderProductsAnswer
	return quotedJSON(p(a))
}

func (a finderDetailAnswer) MarshalJSON() ([]byte, error) {
	type p finderDetailAnswer
	return quotedJSON(p(a))
}

func (a talentOverallAnswer) MarshalJSON() ([]byte, error) {
	type p talentOverallAnswer
	return quotedJSON(p(a))
}

func (a talentProductsAnswer) MarshalJSON() ([]byte, error) {
	type p talentProductsAnswer
	return quotedJSON(p(a))
}

func (a talentProductAnswer) MarshalJSON() ([]byte, error) {
	type p talentProductAnswer
	return quotedJSON(p(a))
}

func (s *Server) compassRequest(c *call, v any, ds *string) error {
	if err := c.decode(v); err != nil {
		return err
	}
	return checkCompassDS(*ds)
}

func (s *Server) hCompassShopOverall(c *call) (any, error) {
	var b struct {
		DS string `json:"ds"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	f := s.day(b.DS).shop
	return shopOverallAnswer{shopapi.CompassShopOverall{PayGMV: shopapi.Int64(f.payGMV), PayUV: shopapi.Int64(int64(len(f.payUV))),
		PayOrderCnt: shopapi.Int64(s.paidOrders(b.DS)), PayRefundGMV: shopapi.Int64(f.payRefundGMV),
		ProductClickUV: shopapi.Int64(f.clickUV), LivePayGMV: shopapi.Int64(f.liveGMV), FeedPayGMV: shopapi.Int64(f.feedGMV)}}, nil
}

// paidOrders counts the orders paid on day ds (the shop's lines count an
// order once per product).
func (s *Server) paidOrders(ds string) int64 {
	if !s.compassReady(ds) {
		return 0
	}
	st := s.orders()
	var n int64
	for i := range st.recs {
		d := peekDetail(st, &st.recs[i])
		if d.payTime != 0 && shopapi.CompassDay(time.Unix(d.payTime, 0)) == ds {
			n++
		}
	}
	return n
}

func (s *Server) hCompassShopProducts(c *call) (any, error) {
	var b struct {
		DS string `json:"ds"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	dd := s.day(b.DS)
	out := shopProductsAnswer{ProductList: []shopapi.CompassShopProduct{}}
	if !s.compassReady(b.DS) {
		return out, nil
	}
	// Every product of the shop, with zero figures when idle (as in the
	// official example), then products sold but unknown to the fake.
	ids := slices.DeleteFunc(slices.Clone(s.productOrder), func(id string) bool {
		p, ok := s.products[id]
		return !ok || p.status == shopapi.ProductStatusDeleted
	})
	for _, id := range dd.order {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		f := dd.byProduct[id]
		if f == nil {
			f = newFigures()
		}
		out.ProductList = append(out.ProductList, shopapi.CompassShopProduct{CompassProductHead: s.head(id), Data: f.shopView()})
	}
	return out, nil
}

func (s *Server) hCompassShopProduct(c *call) (any, error) {
	var b struct {
		DS        string     `json:"ds"`
		ProductID shopapi.ID `json:"product_id"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	id := string(b.ProductID)
	if _, ok := s.products[id]; !ok {
		return nil, apiErr(shopapi.CodeProductNotFound, "product not found")
	}
	f := s.day(b.DS).byProduct[id]
	if f == nil {
		f = newFigures()
	}
	return shopProductAnswer{shopapi.CompassShopProduct{CompassProductHead: s.head(id), Data: f.shopView()}}, nil
}

// profile builds an audience profile of the day's buyers (types 3..5);
// the fake knows no exposed, clicking or watching people.
func (s *Server) profile(dd *dayData, typ int, keep func(openid string) bool) shopapi.SaleProfile {
	names := []string{"地级", "年龄", "省级", "性别", "购买偏好", "策略人群", "消费力区间"}
	counts := map[string]map[string]int64{}
	for openid, b := range dd.buyers {
		switch {
		case typ < 3 || typ > 5, typ == 4 && !b.firstPaid, typ == 5 && b.firstPaid, keep != nil && !keep(openid):
			continue
		}
		add := func(field, key string) {
			if key == "" {
				return
			}
			if counts[field] == nil {
				counts[field] = map[string]int64{}
			}
			counts[field][key]++
		}
		add("地级", b.city)
		add("省级", b.province)
		add("消费力区间", spendBand(b.spentFen))
	}
	p := shopapi.SaleProfile{FieldList: []shopapi.ProfileField{}}
	for _, n := range names {
		f := shopapi.ProfileField{FieldName: n, DataList: []shopapi.ProfileValue{}}
		keys := make([]string, 0, len(counts[n]))
		for k := range counts[n] {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			f.DataList = append(f.DataList, shopapi.ProfileValue{DimKey: k, DimValue: shopapi.Int64(counts[n][k])})
		}
		p.FieldList = append(p.FieldList, f)
	}
	return p
}

// spendBand is the 消费力区间 of a day's spend, in yuan bands as the
// platform's "0_100".
func spendBand(fen int64) string {
	switch y := fen / 100; {
	case y < 100:
		return "0_100"
	case y < 300:
		return "100_300"
	case y < 1000:
		return "300_1000"
	}
	return "1000_"
}

func (s *Server) hCompassShopProfile(c *call) (any, error) {
	var b struct {
		DS   string `json:"ds"`
		Type int    `json:"type"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	if b.Type < 1 || b.Type > 6 {
		return nil, apiErr(shopapi.CodeBadParams, "invalid type")
	}
	return profileAnswer{s.profile(s.day(b.DS), b.Type, nil)}, nil
}

func (s *Server) knownFinder(id string) bool {
	return id == MainFinderID || slices.Contains(s.compass().authorized, id)
}

func (s *Server) hCompassShopLives(c *call) (any, error) {
	var b struct {
		DS       string `json:"ds"`
		FinderID string `json:"finder_id"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	if !s.knownFinder(b.FinderID) {
		return nil, apiErr(shopapi.CodeCompassFinderID, "invalid finder_id")
	}
	out := livesAnswer{LiveList: []shopapi.CompassLive{}}
	if !s.compassReady(b.DS) {
		return out, nil
	}
	for _, l := range s.livesOn(b.DS, b.FinderID) {
		out.LiveList = append(out.LiveList, shopapi.CompassLive{LiveID: l.exportID, LiveTitle: l.Title,
			LiveTime: shopapi.Int64(l.Start.Unix()), LiveDuration: shopapi.Int64(int64(l.Duration / time.Second)),
			LiveCoverImgURL: "https://wxapp.tc.qq.com/251/20350/stodownload?m=fake" + l.exportID[len(l.exportID)-6:]})
	}
	return out, nil
}

func (s *Server) hCompassAuthorizations(*call) (any, error) {
	return shopapi.FinderAuthorizations{MainFinderID: MainFinderID,
		AuthorizedFinderIDList: append([]string{}, s.compass().authorized...)}, nil
}

func (s *Server) hCompassFinders(c *call) (any, error) {
	var b struct {
		DS      string `json:"ds"`
		Version string `json:"version"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	dd := s.day(b.DS)
	out := findersAnswer{FinderList: []compassFinder{}}
	for _, id := range sortedKeys(dd.byFinder) {
		if f := dd.byFinder[id]; f.payCnt > 0 || f.refundCnt > 0 {
			out.FinderList = append(out.FinderList, compassFinder{FinderID: id, FinderNickname: dd.nicknames[id], Data: f.finderGMV()})
		}
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (s *Server) hCompassFinderOverall(c *call) (any, error) {
	var b struct {
		DS string `json:"ds"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	dd := s.day(b.DS)
	var gmv, sellers int64
	products, payers := map[string]bool{}, map[string]bool{}
	for _, f := range dd.byFinder {
		gmv += f.payGMV
		if f.payCnt > 0 {
			sellers++
		}
		for p := range f.products {
			products[p] = true
		}
		for u := range f.payUV {
			payers[u] = true
		}
	}
	return finderOverallAnswer{shopapi.CompassFinderOverall{PayGMV: shopapi.Int64(gmv), PaySalesFinderCnt: shopapi.Int64(sellers),
		PayProductIDCnt: shopapi.Int64(int64(len(products))), ClickToPayUVRatio: ratio(int64(len(payers)), dd.shop.clickUV)}}, nil
}

// talentRequest decodes ds and the talent's identity; the fake's talents
// are channels, named by finder_id.
func (s *Server) talentRequest(c *call) (string, string, error) {
	var b struct {
		DS       string `json:"ds"`
		FinderID string `json:"finder_id"`
		TalentID string `json:"talent_id"`
		MPID     string `json:"mp_id"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return "", "", err
	}
	if b.TalentID != "" || b.MPID != "" || !s.knownFinder(b.FinderID) {
		return "", "", apiErr(shopapi.CodeCompassFinderID, "invalid finder_id")
	}
	return b.DS, b.FinderID, nil
}

func (s *Server) hCompassFinderProducts(c *call) (any, error) {
	ds, finder, err := s.talentRequest(c)
	if err != nil {
		return nil, err
	}
	dd := s.day(ds)
	out := finderProductsAnswer{ProductList: []shopapi.CompassFinderProduct{}}
	for _, id := range sortedKeys(dd.talentBy[finder]) {
		f := dd.talentBy[finder][id]
		if f.payCnt == 0 {
			continue
		}
		out.ProductList = append(out.ProductList, shopapi.CompassFinderProduct{CompassProductHead: s.head(id),
			Data: shopapi.CompassCommission{CommissionRatio: ratio(f.talentPredict, f.payGMV), PayGMV: shopapi.Int64(f.payGMV)}})
	}
	return out, nil
}

func (s *Server) hCompassFinderDetail(c *call) (any, error) {
	ds, finder, err := s.talentRequest(c)
	if err != nil {
		return nil, err
	}
	f := s.day(ds).byFinder[finder]
	if f == nil {
		f = newFigures()
	}
	return finderDetailAnswer{f.finderGMV()}, nil
}

// The talent (达人版) views answer for the shop's main channel as the
// seller: its attributed orders.

func (s *Server) hCompassTalentOverall(c *call) (any, error) {
	var b struct {
		DS string `json:"ds"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	f := s.day(b.DS).byFinder[MainFinderID]
	if f == nil {
		f = newFigures()
	}
	I := func(v int64) shopapi.Int64 { return shopapi.Int64(v) }
	return talentOverallAnswer{shopapi.CompassTalentOverall{PayGMV: I(f.payGMV), LivePayGMV: I(f.liveGMV), FeedPayGMV: I(f.feedGMV),
		WindowPayGMV: I(f.windowGMV), ProductPayGMV: I(f.productGMV), OtherPayGMV: I(f.otherGMV)}}, nil
}

func (s *Server) hCompassTalentProducts(c *call) (any, error) {
	var b struct {
		DS string `json:"ds"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	dd := s.day(b.DS)
	out := talentProductsAnswer{ProductList: []shopapi.CompassTalentProduct{}}
	for _, id := range sortedKeys(dd.talentBy[MainFinderID]) {
		out.ProductList = append(out.ProductList, shopapi.CompassTalentProduct{CompassProductHead: s.head(id),
			Data: dd.talentBy[MainFinderID][id].talentView()})
	}
	return out, nil
}

func (s *Server) hCompassTalentProduct(c *call) (any, error) {
	var b struct {
		DS        string     `json:"ds"`
		ProductID shopapi.ID `json:"product_id"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	id := string(b.ProductID)
	if _, ok := s.products[id]; !ok {
		return nil, apiErr(shopapi.CodeProductNotFound, "product not found")
	}
	f := s.day(b.DS).talentBy[MainFinderID][id]
	if f == nil {
		f = newFigures()
	}
	return talentProductAnswer{shopapi.CompassTalentProduct{CompassProductHead: s.head(id), Data: f.talentView()}}, nil
}

func (s *Server) hCompassTalentProfile(c *call) (any, error) {
	var b struct {
		DS   string `json:"ds"`
		Type int    `json:"type"`
	}
	if err := s.compassRequest(c, &b, &b.DS); err != nil {
		return nil, err
	}
	if b.Type < 1 || b.Type > 6 {
		return nil, apiErr(shopapi.CodeBadParams, "invalid type")
	}
	dd := s.day(b.DS)
	sold := dd.talentBy[MainFinderID]
	mine := map[string]bool{}
	st := s.orders()
	for id, a := range s.compass().attr {
		if a.FinderID != MainFinderID {
			continue
		}
		if r, ok := st.get(id); ok && sold != nil {
			mine[peekDetail(st, r).openid] = true
		}
	}
	return profileAnswer{s.profile(dd, b.Type, func(openid string) bool { return mine[openid] })}, nil
}
