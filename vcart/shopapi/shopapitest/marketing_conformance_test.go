package shopapitest

import (
	"context"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Tours of the marketing groups (issue 18).

// tourClock pins the server's clock to a settable instant.
type tourClock struct{ t time.Time }

func pinClock(s *Server) *tourClock {
	c := &tourClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, shanghai)}
	s.mu.Lock()
	s.now = func() time.Time { return c.t }
	s.mu.Unlock()
	return c
}

func (c *tourClock) advance(s *Server, d time.Duration) {
	s.mu.Lock()
	c.t = c.t.Add(d)
	s.mu.Unlock()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// marketingProduct adds and lists a product with one SKU at priceFen and
// returns its product and SKU ids.
func marketingProduct(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client, priceFen int64) (shopapi.ID, shopapi.ID) {
	t.Helper()
	p := &shopapi.Product{OutProductID: "tour-" + s.newIDLocked(), Title: "云南高山手剥核桃 500g",
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2", "https://mmecimage.cn/p/wxshop/3"},
		Cats:     CatsFor(CatNuts),
		SKUs:     []shopapi.SKU{{OutSKUID: "sku-" + s.newIDLocked(), SalePrice: priceFen, MarketPrice: priceFen * 2, StockNum: 100}}}
	res, _, err := c.Products.Add(ctx, p, true)
	must(t, err)
	must(t, s.ApproveAudit(res.ProductID))
	got, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	must(t, err)
	return res.ProductID, got.Product.SKUs[0].SKUID
}

func (s *Server) newIDLocked() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newID()
}

func tourCoupon(typ shopapi.CouponType, now int64, d shopapi.CouponDiscount) *shopapi.CouponSpec {
	return &shopapi.CouponSpec{Type: typ, CouponInfo: shopapi.CouponInfo{
		Name:         "券" + typ.String()[:3],
		PromoteInfo:  shopapi.CouponPromoteInfo{PromoteType: shopapi.PromoteInShop},
		DiscountInfo: &d,
		ReceiveInfo:  shopapi.CouponReceiveInfo{StartTime: now - 60, EndTime: now + 86400, LimitNumOnePerson: 1, TotalNum: 100},
		ValidInfo:    shopapi.CouponValidity{ValidType: shopapi.ValidTimeRange, StartTime: now - 60, EndTime: now + 7*86400},
	}}
}

var couponTours = []tour{
	{"coupons: create, update, start, receive, use on an order, read, void", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		clk := pinClock(s)
		now := clk.t.Unix()
		pid := shopapi.ID("10000000000000001")
		cond := tourCoupon(shopapi.CouponProductConditionalDiscount, now, shopapi.CouponDiscount{Num: 8000,
			Condition: &shopapi.CouponCondition{ProductCnt: 2, ProductIDs: []shopapi.ID{pid}}})
		cond.ExtInfo = &shopapi.CouponExtInfo{JumpProductID: pid, Notes: "买2件8折", ValidTime: now - 60, InvalidTime: now + 7*86400}
		a, _, err := c.Coupons.Create(ctx, cond)
		must(t, err)
		b, _, err := c.Coupons.Create(ctx, tourCoupon(shopapi.CouponShopThreshold, now, shopapi.CouponDiscount{Fee: 2000,
			Condition: &shopapi.CouponCondition{ProductPrice: 10000}}))
		must(t, err)
		d, _, err := c.Coupons.Create(ctx, tourCoupon(shopapi.CouponShopDiscount, now, shopapi.CouponDiscount{Num: 9000}))
		must(t, err)
		cond.Name = "买2件享8折"
		_, err = c.Coupons.Update(ctx, a, cond)
		must(t, err)
		for _, id := range []shopapi.ID{a, b, d} {
			_, err = c.Coupons.UpdateStatus(ctx, id, shopapi.CouponStatusValid)
			must(t, err)
			_, _, err = c.Coupons.Get(ctx, id)
			must(t, err)
		}
		l, _, err := c.Coupons.List(ctx, &shopapi.CouponListOptions{Status: shopapi.CouponStatusValid, PageSize: 2})
		must(t, err)
		if l.TotalNum != 3 || len(l.Coupons) != 2 || l.PageCtx == "" {
			t.Errorf("list = %+v", l)
		}
		var ids []shopapi.ID
		for id, err := range c.Coupons.ListIter(ctx, &shopapi.CouponListOptions{PageSize: 1}) {
			must(t, err)
			ids = append(ids, id)
		}
		if len(ids) != 3 {
			t.Errorf("ListIter = %v", ids)
		}

		ub, err := s.ReceiveCoupon("o-buyer", b)
		must(t, err)
		_, err = s.ReceiveCoupon("o-buyer", d)
		must(t, err)
		if _, err := s.ReceiveCoupon("o-buyer", b); err == nil {
			t.Error("a second coupon over the per-person limit was received")
		}
		order, price, err := s.CreatePromoOrder(NewOrder{OpenID: "o-buyer", Lines: []OrderLine{{ProductID: pid, SKUID: "20000000000000001", Count: 2, UnitPriceFen: 6000}}}, Promo{UserCouponID: ub})
		must(t, err)
		if price.DiscountFen != 2000 || price.TotalFen != 10000 {
			t.Errorf("price = %+v", price)
		}
		o, _, err := c.Orders.Get(ctx, order)
		must(t, err)
		if o.Detail.PriceInfo.OrderPrice != 10000 {
			t.Errorf("order_price = %d, want 10000", o.Detail.PriceInfo.OrderPrice)
		}
		uc, _, err := c.Coupons.GetUserCoupon(ctx, "o-buyer", ub)
		must(t, err)
		if uc.UserCoupon.Status != shopapi.UserCouponUsed || uc.UserCoupon.OrderID != order || uc.UserCoupon.DiscountFee != 2000 {
			t.Errorf("user coupon = %+v", uc.UserCoupon)
		}
		ul, _, err := c.Coupons.ListUserCoupons(ctx, &shopapi.UserCouponListOptions{OpenID: "o-buyer", PageSize: 1})
		must(t, err)
		if ul.TotalNum != 2 || ul.PageCtx == "" {
			t.Errorf("user coupons = %+v", ul)
		}
		n := 0
		for _, err := range c.Coupons.ListUserCouponsIter(ctx, &shopapi.UserCouponListOptions{OpenID: "o-buyer", PageSize: 1}) {
			must(t, err)
			n++
		}
		if n != 2 {
			t.Errorf("ListUserCouponsIter saw %d coupons", n)
		}
		_, err = c.Coupons.UpdateStatus(ctx, b, shopapi.CouponStatusInvalid)
		must(t, err)
		clk.advance(s, 8*24*time.Hour)
		if n := s.ExpireCoupons(); n != 1 {
			t.Errorf("expired %d user coupons, want 1 (the unused one)", n)
		}
		want := []string{"channels_ec_coupon_create", "channels_ec_coupon_info_change", "channels_ec_coupon_receive",
			"channels_ec_user_coupon_use", "channels_ec_coupon_invalid", "channels_ec_user_coupon_expire", "channels_ec_coupon_expire"}
		seen := map[string]bool{}
		for _, e := range s.Events() {
			seen[e.Name] = true
		}
		for _, w := range want {
			if !seen[w] {
				t.Errorf("no %s event", w)
			}
		}
	}},
}

var flashSaleTours = []tour{
	{"flash sales: add, list, update, the flash price on an order, stop, delete", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		clk := pinClock(s)
		now := clk.t.Unix()
		pid, sku := marketingProduct(ctx, t, s, c, 5000)
		task := &shopapi.FlashSaleTask{ProductID: pid, StartTime: now, EndTime: now + 3600,
			SKUs: []shopapi.FlashSaleSKU{{SKUID: sku, SalePrice: 3000, SaleStock: 5}}}
		id, _, err := c.FlashSales.Add(ctx, task)
		must(t, err)
		if _, _, err := c.FlashSales.Add(ctx, task); err == nil {
			t.Error("a second unfinished task on the product was accepted")
		}
		pending := shopapi.FlashSaleRunning
		l, _, err := c.FlashSales.List(ctx, &shopapi.FlashSaleListOptions{Status: &pending})
		must(t, err)
		if len(l.Tasks) != 1 || l.Tasks[0].TaskID != id {
			t.Errorf("list = %+v", l)
		}
		_, title, _, err := c.FlashSales.Update(ctx, &shopapi.FlashSaleUpdate{TaskID: id, Status: shopapi.FlashSaleRunning,
			StartTime: now, EndTime: now + 7200, Title: "早市秒杀",
			SKUs: []shopapi.FlashSaleUpdateSKU{{ProductID: pid, SKUID: sku, SalePrice: 2900, SaleStock: 5}}})
		must(t, err)
		if title != "早市秒杀" {
			t.Errorf("title = %q", title)
		}
		order, _, err := s.CreatePromoOrder(NewOrder{Lines: []OrderLine{{ProductID: pid, SKUID: sku, Count: 1, UnitPriceFen: 5000}}}, Promo{})
		must(t, err)
		o, _, err := c.Orders.Get(ctx, order)
		must(t, err)
		if o.Detail.PriceInfo.ProductPrice != 2900 {
			t.Errorf("the order paid %d, want the flash price 2900", o.Detail.PriceInfo.ProductPrice)
		}
		if _, err := c.FlashSales.Delete(ctx, id); err == nil {
			t.Error("a running task was deleted")
		}
		_, err = c.FlashSales.Stop(ctx, id)
		must(t, err)
		if _, ok := s.FlashPrice(pid, sku); ok {
			t.Error("a stopped task still sets the price")
		}
		var n int
		for _, err := range c.FlashSales.ListIter(ctx, &shopapi.FlashSaleListOptions{PageSize: 1}) {
			must(t, err)
			n++
		}
		if n != 1 {
			t.Errorf("ListIter saw %d tasks", n)
		}
		_, err = c.FlashSales.Delete(ctx, id)
		must(t, err)
		if _, err := c.FlashSales.Stop(ctx, id); errCodeOf(err) != shopapi.CodeFlashSaleNotFound {
			t.Errorf("stop of a deleted task: %v", err)
		}
	}},
}

var giftTours = []tour{
	{"gifts: gift products, stock, on-sale product as gift, buy-to-get activity", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		clk := pinClock(s)
		now := clk.t.Unix()
		pid, sku := marketingProduct(ctx, t, s, c, 5000)
		ten := 10
		g := &shopapi.GiftProduct{Title: "核桃夹", HeadImgs: []string{"https://mmecimage.cn/p/wxshop/g"},
			DescInfo: &shopapi.DescInfo{Imgs: []string{"https://mmecimage.cn/p/wxshop/g"}, Desc: "赠品"}, CatsV2: CatsFor(CatNuts),
			Attrs: []shopapi.Attr{{AttrKey: "材质", AttrValue: "不锈钢"}}, SKUs: []shopapi.GiftSKU{{SalePrice: 500, StockNum: &ten}},
			SpuCode: "GIFT-1", BrandID: "2100000000"}
		added, _, err := c.Gifts.Add(ctx, g)
		must(t, err)
		got, _, err := c.Gifts.Get(ctx, added.ProductID, 1)
		must(t, err)
		gsku := got.SKUs[0].SKUID
		got.SKUs[0].StockDiff = &shopapi.GiftStockDiff{DiffType: shopapi.StockAdd, Num: 1}
		_, _, err = c.Gifts.Update(ctx, got)
		must(t, err)
		_, err = c.Gifts.UpdateStock(ctx, added.ProductID, gsku, shopapi.StockSet, 5)
		must(t, err)
		if n, _ := s.GiftStock(added.ProductID, gsku); n != 5 {
			t.Errorf("gift stock = %d, want 5", n)
		}
		conv, _, err := c.Gifts.FromProduct(ctx, pid, []shopapi.GiftSKUStock{{SKUID: sku, StockNum: 1}})
		must(t, err)
		if len(conv.SKUMappings) != 1 || conv.SKUMappings[0].SrcSKUID != sku {
			t.Errorf("from product = %+v", conv)
		}
		l, _, err := c.Gifts.List(ctx, &shopapi.GiftListOptions{PageSize: 1})
		must(t, err)
		if l.TotalNum != 2 || l.NextKey == "" {
			t.Errorf("list = %+v", l)
		}
		act := &shopapi.GiftActivity{Title: "买核桃送夹子", StartTime: shopapi.Int64(now), EndTime: shopapi.Int64(now + 86400),
			Detail: shopapi.GiftActivityDetail{ShowScene: 0, ReceiveLimit: shopapi.GiftReceiveLimit{IsLimited: true, LimitNum: 1},
				MainProducts: []shopapi.GiftMainProduct{{ProductID: pid}},
				GiftSet:      shopapi.GiftSet{GiftItems: []shopapi.GiftItem{{GiftID: added.ProductID, GiveNum: 1}}, GiftSetNum: 5}}}
		aid, _, err := c.Gifts.AddActivity(ctx, act)
		must(t, err)
		_, _, err = s.CreatePromoOrder(NewOrder{OpenID: "o-buyer", Lines: []OrderLine{{ProductID: pid, SKUID: sku, Count: 2, UnitPriceFen: 5000}}}, Promo{})
		must(t, err)
		if n, _ := s.GiftStock(added.ProductID, gsku); n != 4 || s.GiftSetsGiven(aid) != 1 {
			t.Errorf("after an order of 2: gift stock %d, sets given %d; want 4 and 1 (limit 1 per buyer)", n, s.GiftSetsGiven(aid))
		}
		_, err = c.Gifts.StopActivity(ctx, aid)
		must(t, err)
		_, err = c.Gifts.DeleteActivity(ctx, aid)
		must(t, err)
	}},
}

var memberTours = []tour{
	{"members: info, list, idempotent points, flow, grades, mini-program members", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		pinClock(s)
		must(t, s.JoinMember("o-alice", 1200))
		must(t, s.JoinMember("o-bob", 0))
		m, _, err := c.Members.Get(ctx, "o-alice")
		must(t, err)
		if m.UserGradeInfo.Grade != 1 || m.UserGradeInfo.ExperienceValue != 1200 {
			t.Errorf("member = %+v", m)
		}
		l, _, err := c.Members.List(ctx, 1, 10)
		must(t, err)
		if l.TotalNum != 2 {
			t.Errorf("list = %+v", l)
		}
		inc := &shopapi.ScoreChange{OpenID: "o-alice", Score: 100, Remark: "签到", RequestID: "signin-2026-03-02-o-alice"}
		for range 2 { // the same business id twice: applied once
			_, err = c.Members.IncreaseScore(ctx, inc)
			must(t, err)
		}
		_, err = c.Members.DecreaseScore(ctx, &shopapi.ScoreChange{OpenID: "o-alice", Score: 30, RequestID: "redeem-1"})
		must(t, err)
		n, _, err := c.Members.Score(ctx, "o-alice")
		must(t, err)
		if n != 70 {
			t.Errorf("score = %d, want 70", n)
		}
		f, _, err := c.Members.ScoreFlow(ctx, "o-alice", 1, 10)
		must(t, err)
		if f.TotalNum != 2 || f.List[0].Score != -30 {
			t.Errorf("flow = %+v", f)
		}
		_, err = c.Members.UpdateGrade(ctx, "o-alice", 2)
		must(t, err)
		if _, err := c.Members.UpdateGrade(ctx, "o-alice", 9); errCodeOf(err) != shopapi.CodeVipBadParams {
			t.Errorf("grade 9: %v", err)
		}

		b := shopapi.WxaBinding{WxaAppID: "wxfakewxa0000001", State: 1}
		b.Info.Paths.RegisterPath, b.Info.Paths.RightsPath = "pages/vip/register", "pages/vip/rights"
		b.Info.WhitelistOpenIDs = []string{"o-alice"}
		b.Info.DisplayInfo.OrderPageDisplay = 1
		s.SetWxaBinding(b)
		_, _, err = c.Members.WxaBinding(ctx)
		must(t, err)
		shops, _, err := c.Members.WxaBoundShops(ctx)
		must(t, err)
		if len(shops) != 1 || shops[0] != s.AppID() {
			t.Errorf("shops = %v", shops)
		}
		_, err = c.Members.AddWxaMember(ctx, "session-1", "wxa-o-alice", shopapi.WxaMemberInfo{Identity: "Lv.1", OuterUserID: "u-1"})
		must(t, err)
		_, err = c.Members.UpdateWxaMember(ctx, "wxa-o-alice", shopapi.WxaMemberInfo{Identity: "Lv.2", OuterUserID: "u-1"})
		must(t, err)
		wm, _, err := c.Members.GetWxaMember(ctx, "wxa-o-alice")
		must(t, err)
		if wm.Identity != "Lv.2" {
			t.Errorf("wxa member = %+v", wm)
		}
		wl, _, err := c.Members.ListWxaMembers(ctx, 0, 10)
		must(t, err)
		if len(wl) != 1 {
			t.Errorf("wxa members = %+v", wl)
		}
		_, err = c.Members.DeleteWxaMember(ctx, "wxa-o-alice")
		must(t, err)
	}},
}

var sharerTours = []tour{
	{"sharers: invite, scan, search, list, credited orders, unbind", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		clk := pinClock(s)
		inv, _, err := c.Sharers.Bind(ctx, "alice_wx")
		must(t, err)
		if inv.QrcodeImgBase64 == "" {
			t.Error("no QR code")
		}
		must(t, s.ScanSharerInvite("alice_wx", "o-alice", "Alice"))
		must(t, s.BindShopSharer("o-shop", "店长"))
		sh, _, err := c.Sharers.Search(ctx, "o-alice", "")
		must(t, err)
		if sh.Nickname != "Alice" || sh.SharerType != shopapi.SharerOrdinary {
			t.Errorf("search = %+v", sh)
		}
		if _, _, err := c.Sharers.Bind(ctx, "alice_wx"); errCodeOf(err) != shopapi.CodeSharerAlreadyBound {
			t.Errorf("second invite: %v", err)
		}
		for _, typ := range []shopapi.SharerType{shopapi.SharerOrdinary, shopapi.SharerShop} {
			l, _, err := c.Sharers.List(ctx, typ, 1, 10)
			must(t, err)
			if len(l) != 1 {
				t.Errorf("type %d: %+v", typ, l)
			}
		}
		order, _, err := s.CreatePromoOrder(NewOrder{OpenID: "o-buyer", Lines: []OrderLine{{ProductID: "10000000000000001", SKUID: "20000000000000001", Count: 1, UnitPriceFen: 3990}}},
			Promo{SharerOpenID: "o-alice", ShareScene: 3, FinderScene: &shopapi.FinderSceneInfo{PromoterID: "sphfake0001",
				FinderNickname: "核桃小铺", VideoExportID: "export/fake-video-1", VideoTitle: "开核桃"}})
		must(t, err)
		os, _, err := c.Sharers.Orders(ctx, &shopapi.SharerOrderOptions{OpenID: "o-alice", ShareScene: 3, Page: 1, PageSize: 10,
			StartTime: clk.t.Unix() - 60, EndTime: clk.t.Unix() + 60})
		must(t, err)
		if len(os) != 1 || os[0].OrderID != order {
			t.Errorf("sharer orders = %+v", os)
		}
		n := 0
		for _, err := range c.Sharers.OrdersIter(ctx, &shopapi.SharerOrderOptions{OpenID: "o-alice", PageSize: 1}) {
			must(t, err)
			n++
		}
		if n != 1 {
			t.Errorf("OrdersIter saw %d orders", n)
		}
		res, _, err := c.Sharers.Unbind(ctx, []string{"o-alice"})
		must(t, err)
		if len(res.RefuseOpenID) != 1 {
			t.Errorf("unbind within a day = %+v", res)
		}
		clk.advance(s, 48*time.Hour)
		res, _, err = c.Sharers.Unbind(ctx, []string{"o-alice", "o-shop"})
		must(t, err)
		if len(res.SuccessOpenID) != 1 || len(res.RefuseOpenID) != 1 {
			t.Errorf("unbind = %+v", res)
		}
	}},
}
