package shopapitest

import (
	"context"
	"errors"
	"github.com/vcart-sdk/vcart-go/vcart"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// setClock moves the fake's clock (tours run on a fresh server).
func setClock(s *Server, t time.Time) {
	s.mu.Lock()
	s.now = func() time.Time { return t }
	s.mu.Unlock()
}

// listedProduct adds a product, passes its audit and returns its id and
// its first SKU's id.
func listedProduct(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client, title string, priceFen int64) (product, sku vcart.ID) {
	t.Helper()
	p := &shopapi.Product{OutProductID: "spu-" + title, Title: title,
		HeadImgs: []string{"https://mmecimage.cn/p/x/1", "https://mmecimage.cn/p/x/2", "https://mmecimage.cn/p/x/3"},
		CatsV2:   []shopapi.CatRef{{CatID: "6091"}}, SKUs: []shopapi.SKU{{SalePrice: priceFen, MarketPrice: priceFen * 2, StockNum: 50}}}
	res, _, err := c.Products.Add(ctx, p, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ApproveAudit(res.ProductID); err != nil {
		t.Fatal(err)
	}
	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	return res.ProductID, d.Product.SKUs[0].SKUID
}

// compassDay is the tours' sales day; "today" is the day after (T+1).
var compassDay = time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())

// seedCompassDay sells products on compassDay and moves the clock to the
// next day: three buyers, a refund after shipping, a talent's sale through
// a short video, the main channel's through a live stream, clicks.
func seedCompassDay(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) (productID vcart.ID) {
	t.Helper()
	setClock(s, compassDay)
	pid, sku := listedProduct(ctx, t, s, c, "每日坚果礼盒", 5990)
	other, sku2 := listedProduct(ctx, t, s, c, "古法手工红糖块", 1990)
	sell := func(openid string, product, skuID vcart.ID, count int64, price int64, a *Attribution) vcart.ID {
		id, err := s.CreateOrder(NewOrder{OpenID: openid, TalentCommissionFen: count * price / 10,
			Lines: []OrderLine{{ProductID: product, SKUID: skuID, Count: count, UnitPriceFen: price}}})
		if err == nil {
			err = s.PayOrder(id)
		}
		if err == nil && a != nil {
			err = s.AttributeOrder(id, *a)
		}
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	sell("o-buyer-1", pid, sku, 2, 5990, &Attribution{Channel: SaleLive})
	refunded := sell("o-buyer-2", pid, sku, 1, 5990, &Attribution{FinderID: "sphTalent0001", FinderNickname: "坚果测评", Channel: SaleFeed})
	sell("o-buyer-3", other, sku2, 3, 1990, nil)
	if _, err := s.CreateOrder(NewOrder{OpenID: "o-buyer-4", Lines: []OrderLine{{ProductID: pid, SKUID: sku, Count: 1, UnitPriceFen: 5990}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.ShipAll(refunded); err != nil {
		t.Fatal(err)
	}
	asID, err := s.OpenAftersale(refunded, NewAftersale{SKUID: sku})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: asID}); err != nil {
		t.Fatal(err)
	}
	s.RecordProductClicks(pid, compassDay, 40, 55)
	s.RecordProductClicks(other, compassDay, 12, 15)
	s.AddLive(LiveSession{Title: "坚果专场", Start: compassDay.Add(9 * time.Hour), Duration: 95 * time.Minute, Audience: 880})
	setClock(s, compassDay.Add(24*time.Hour))
	return pid
}

// liveDataTours exercise the showcase, link, live, leads and compass
// endpoints (issue 19).
var liveDataTours = []tour{
	{"showcase and links", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		pid, _ := listedProduct(ctx, t, s, c, "每日坚果礼盒", 5990)
		hide := true
		if _, err := c.Showcase.Add(ctx, &shopapi.ShowcaseAddRequest{ProductID: pid, AppID: s.AppID(), IsHideForWindow: &hide}); err != nil {
			t.Fatal(err)
		}
		p, _, err := c.Showcase.Get(ctx, s.AppID(), pid)
		if err != nil || p.Title != "每日坚果礼盒" || p.SellingPrice != 5990 || !p.IsHideForWindow || p.Stock != 50 {
			t.Errorf("get = %+v, %v", p, err)
		}
		l, _, err := c.Showcase.List(ctx, &shopapi.ShowcaseListOptions{PageSize: 1, PageIndex: 1, NeedTotalNum: true})
		if err != nil || len(l.Products) != 1 || l.TotalNum != 1 {
			t.Errorf("list = %+v, %v", l, err)
		}
		for ref, err := range c.Showcase.ListIter(ctx, &shopapi.ShowcaseListOptions{PageSize: 10}) {
			if err != nil || ref.ProductID != pid {
				t.Errorf("iter = %+v, %v", ref, err)
			}
		}
		links := map[string]func() (string, error){
			"h5url":   func() (string, error) { u, _, err := c.Links.ProductH5URL(ctx, pid); return u, err },
			"qrcode":  func() (string, error) { u, _, err := c.Links.ProductQRCode(ctx, pid); return u, err },
			"taglink": func() (string, error) { u, _, err := c.Links.ProductTagLink(ctx, pid); return u, err },
			"scheme": func() (string, error) {
				u, _, err := c.Links.ProductScheme(ctx, &shopapi.ProductSchemeRequest{ProductID: pid, FromAppID: "wxmobileapp0001", Expire: 3600})
				return u, err
			},
		}
		for name, get := range links {
			u, err := get()
			if got, shop, ok := s.ResolveLink(u); err != nil || !ok || shop || got != pid {
				t.Errorf("%s %q resolves to %q (shop %v, ok %v), err %v", name, u, got, shop, ok, err)
			}
		}
		wecom := &shopapi.ShopLinkOptions{WecomCorpID: "wpfake", WecomUserID: "wofake"}
		for name, get := range map[string]func() (string, error){
			"shop h5url":   func() (string, error) { u, _, err := c.Links.ShopH5URL(ctx, wecom); return u, err },
			"shop qrcode":  func() (string, error) { u, _, err := c.Links.ShopQRCode(ctx, nil); return u, err },
			"shop taglink": func() (string, error) { u, _, err := c.Links.ShopTagLink(ctx, nil); return u, err },
		} {
			u, err := get()
			if _, shop, ok := s.ResolveLink(u); err != nil || !ok || !shop {
				t.Errorf("%s %q: shop %v ok %v err %v", name, u, shop, ok, err)
			}
		}
		if _, err := c.Showcase.Off(ctx, s.AppID(), pid); err != nil {
			t.Error(err)
		}
		if _, _, err := c.Showcase.Get(ctx, s.AppID(), pid); !hasCode(err, shopapi.CodeShowcaseProductNotFound) {
			t.Errorf("get after off: %v", err)
		}
		if _, err := c.Showcase.Add(ctx, &shopapi.ShowcaseAddRequest{ProductID: pid, AppID: "wxother"}); !hasCode(err, shopapi.CodeShowcaseAppNotBound) {
			t.Errorf("add with another appid: %v", err)
		}
		if _, _, err := c.Links.ProductH5URL(ctx, "404"); !hasCode(err, shopapi.CodeProductNotFound) {
			t.Errorf("h5url of an unknown product: %v", err)
		}
		if _, _, err := c.Links.ProductScheme(ctx, &shopapi.ProductSchemeRequest{ProductID: pid, FromAppID: s.AppID(), Expire: 60}); !hasCode(err, shopapi.CodeSchemeAppInvalid) {
			t.Errorf("scheme from the shop's own appid: %v", err)
		}
	}},
	{"live dashboard and leads", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		start := time.Date(2026, 3, 2, 20, 0, 0, 0, vcart.Shanghai())
		first := s.AddLive(LiveSession{Title: "坚果专场", Start: start, Duration: time.Hour, Audience: 1200, MaxOnline: 310,
			Comments: 420, Cheers: 9000, Forwards: 35, NewFollows: 18, AvgWatch: 150 * time.Second,
			LeadPhones: []string{"13800000001", "13800000002"}, LeadsExposureUV: 600, LeadsClickUV: 45})
		s.AddLive(LiveSession{Title: "红糖溯源", Start: start.Add(24 * time.Hour), Duration: 30 * time.Minute, Audience: 300,
			LeadPhones: []string{"13800000003"}, LeadsExposureUV: 100, LeadsClickUV: 9})
		l, _, err := c.Live.List(ctx, shopapi.CompassDay(start))
		if err != nil || len(l.LiveItems) != 1 || l.LiveItems[0].ExportID != first {
			t.Errorf("list = %+v, %v", l, err)
		}
		if d, _, err := c.Live.Data(ctx, first); err != nil || d.DashboardData != "{}" {
			t.Errorf("data = %+v, %v", d, err)
		}
		if a, _, err := c.Live.FinderAttr(ctx); err != nil || a.UniqID != MainFinderID {
			t.Errorf("attr = %+v, %v", a, err)
		}
		r := shopapi.LeadsTimeRange{StartTime: start.Unix(), EndTime: start.Add(48 * time.Hour).Unix()}
		st, _, err := c.Live.LiveStats(ctx, r)
		if err != nil || len(st.Items) != 2 || st.Items[0].TotalAudienceCount != 1200 || st.Items[0].AudiencesAvgSeconds != 150 {
			t.Errorf("stats = %+v, %v", st, err)
		}
		n := 0
		for _, err := range c.Live.LiveStatsIter(ctx, r) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 2 {
			t.Errorf("stats iter: %d lives", n)
		}
		if cnt, _, err := c.Live.LeadsCounts(ctx, shopapi.LeadsCountRequest{StartTime: r.StartTime, EndTime: r.EndTime}); err != nil || cnt[0].LeadsCount != 3 {
			t.Errorf("counts = %+v, %v", cnt, err)
		}
		comps, _, err := c.Live.Components(ctx, "")
		if err != nil || len(comps.Items) != 1 {
			t.Fatalf("components = %+v, %v", comps, err)
		}
		for range c.Live.ComponentsIter(ctx) {
		}
		q := &shopapi.LeadsQuery{LeadsComponentID: comps.Items[0].LeadsComponentID, LeadsTimeRange: r}
		pr, _, err := c.Live.PromoteRecords(ctx, q)
		if err != nil || len(pr.RecordData) != 2 || pr.RecordData[0].LeadsNum != 2 || pr.RecordData[0].ExposureClickRate.String() != "0.075" {
			t.Errorf("promote = %+v, %v", pr, err)
		}
		var phones []string
		for lead, err := range c.Live.LeadsByComponentIter(ctx, *q) {
			if err != nil {
				t.Fatal(err)
			}
			phones = append(phones, lead.Phone)
		}
		if len(phones) != 3 {
			t.Errorf("leads = %v", phones)
		}
		ss, _, err := c.Live.Sessions(ctx, comps.Items[0].LeadsComponentID, "")
		if err != nil || len(ss.Items) != 2 {
			t.Fatalf("sessions = %+v, %v", ss, err)
		}
		lp, _, err := c.Live.LeadsByRequest(ctx, ss.Items[1].RequestID, "")
		if err != nil || len(lp.UserData) != 1 || lp.UserData[0].Phone != "13800000003" {
			t.Errorf("session leads = %+v, %v", lp, err)
		}
	}},
	{"compass", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		pid := seedCompassDay(ctx, t, s, c)
		ds := shopapi.CompassDay(compassDay)
		o, _, err := c.Compass.ShopOverall(ctx, ds)
		// Paid: 2×59.90 + 1×59.90 + 3×19.90 = 239.40; refunded 59.90.
		if err != nil || o.PayGMV != 23940 || o.PayUV != 3 || o.PayOrderCnt != 3 || o.PayRefundGMV != 5990 ||
			o.ProductClickUV != 52 || o.LivePayGMV != 11980 || o.FeedPayGMV != 5990 {
			t.Errorf("overall = %+v, %v", o, err)
		}
		if today, _, err := c.Compass.ShopOverall(ctx, shopapi.CompassDay(compassDay.Add(24*time.Hour))); err != nil || today.PayGMV != 0 {
			t.Errorf("today (T+1) = %+v, %v", today, err)
		}
		ps, _, err := c.Compass.ShopProducts(ctx, ds)
		if err != nil || len(ps) != 2 {
			t.Fatalf("products = %+v, %v", ps, err)
		}
		p, _, err := c.Compass.ShopProduct(ctx, ds, pid)
		d := p.Data
		if err != nil || d.PayGMV != 17970 || d.PurePayGMV != 11980 || d.PayUV != 2 || d.PayGMVPerUV != 5990 || d.CreateCnt != 3 ||
			d.PayRefundCnt != 1 || d.PayRefundRatio.String() != "0.5" || d.PayRefundAfterSendRatio.String() != "0.5" || d.RefundGMV != 5990 ||
			d.ProductClickUV != 40 || d.FinderuinPredictCommission == 0 {
			t.Errorf("product = %+v, %v", p, err)
		}
		for typ := shopapi.AudienceExposed; typ <= shopapi.AudienceLiveViewers; typ++ {
			pf, _, err := c.Compass.ShopSaleProfile(ctx, ds, typ)
			if err != nil || len(pf.FieldList) != 7 {
				t.Errorf("profile %v = %+v, %v", typ, pf, err)
			}
			if typ == shopapi.AudienceBuyers && (pf.Field("省级") == nil || len(pf.Field("省级").DataList) == 0) {
				t.Errorf("buyers' provinces = %+v", pf)
			}
		}
		auth, _, err := c.Compass.FinderAuthorizations(ctx)
		if err != nil || auth.MainFinderID != MainFinderID || !slices.Equal(auth.AuthorizedFinderIDList, []string{"sphTalent0001"}) {
			t.Errorf("authorizations = %+v, %v", auth, err)
		}
		if lives, _, err := c.Compass.ShopLives(ctx, ds, MainFinderID); err != nil || len(lives) != 1 || lives[0].LiveDuration != 5700 {
			t.Errorf("lives = %+v, %v", lives, err)
		}
		fs, _, err := c.Compass.ShopFinders(ctx, ds, false)
		if err != nil || len(fs) != 2 {
			t.Errorf("finders = %+v, %v", fs, err)
		}
		if fo, _, err := c.Compass.ShopFinderOverall(ctx, ds); err != nil || fo.PayGMV != 17970 || fo.PaySalesFinderCnt != 2 || fo.ClickToPayUVRatio.IsZero() {
			t.Errorf("finder overall = %+v, %v", fo, err)
		}
		talent := shopapi.TalentRef{FinderID: "sphTalent0001"}
		if fp, _, err := c.Compass.ShopFinderProducts(ctx, ds, talent); err != nil || len(fp) != 1 || fp[0].Data.CommissionRatio.String() != "0.1" {
			t.Errorf("finder products = %+v, %v", fp, err)
		}
		if fd, _, err := c.Compass.ShopFinderDetail(ctx, ds, talent); err != nil || fd.PayGMV != 5990 || fd.RefundGMV != 5990 {
			t.Errorf("finder detail = %+v, %v", fd, err)
		}
		if _, _, err := c.Compass.ShopFinderDetail(ctx, ds, shopapi.TalentRef{FinderID: "sphUnknown"}); !hasCode(err, shopapi.CodeCompassFinderID) {
			t.Errorf("unknown finder: %v", err)
		}
		if to, _, err := c.Compass.FinderOverall(ctx, ds); err != nil || to.PayGMV != 11980 || to.LivePayGMV != 11980 {
			t.Errorf("talent overall = %+v, %v", to, err)
		}
		if tp, _, err := c.Compass.FinderProducts(ctx, ds); err != nil || len(tp) != 1 || tp[0].Data.PredictCommission != 1198 {
			t.Errorf("talent products = %+v, %v", tp, err)
		}
		if tp, _, err := c.Compass.FinderProduct(ctx, ds, pid); err != nil || tp.Data.PayGMV != 11980 {
			t.Errorf("talent product = %+v, %v", tp, err)
		}
		if pf, _, err := c.Compass.FinderSaleProfile(ctx, ds, shopapi.AudienceBuyers); err != nil || len(pf.Field("地级").DataList) != 1 {
			t.Errorf("talent profile = %+v, %v", pf, err)
		}
		if _, _, err := c.Compass.ShopOverall(ctx, "2026-03-02"); err == nil || !strings.Contains(err.Error(), "ds") {
			t.Errorf("bad ds: %v", err)
		}
	}},
}

func hasCode(err error, code int) bool {
	var ae *shopapi.APIError
	return errors.As(err, &ae) && ae.ErrCode == code
}
