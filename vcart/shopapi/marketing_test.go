package shopapi_test

import (
	"context"
	"errors"
	"iter"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func fields(t *testing.T, err error) []string {
	t.Helper()
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *vcart.ValidationError, got %v", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+":"+p.Code)
	}
	sort.Strings(out)
	return out
}

func TestCheckFlashSale(t *testing.T) {
	t.Parallel()
	start := int64(1772416800)
	prices := map[shopapi.ID]int64{"s1": 5000, "s2": 1000, "s3": 3000}
	ok := shopapi.FlashSaleTask{ProductID: "p", StartTime: start, EndTime: start + 3600,
		SKUs: []shopapi.FlashSaleSKU{{SKUID: "s1", SalePrice: 3000, SaleStock: 5}}}
	tests := []struct {
		name     string
		task     shopapi.FlashSaleTask
		existing []shopapi.FlashSaleInfo
		want     []string
	}{
		{"valid", ok, []shopapi.FlashSaleInfo{{TaskID: "old", ProductID: "p", Status: shopapi.FlashSaleEnded}}, nil},
		{"every price rule and the window at once", shopapi.FlashSaleTask{ProductID: "p", StartTime: start, EndTime: start + 25*3600,
			SKUs: []shopapi.FlashSaleSKU{
				{SKUID: "s1", SalePrice: 4500, SaleStock: 1}, // 9折 and only ¥5 off
				{SKUID: "s2", SalePrice: 500, SaleStock: 1},  // the price is not above ¥10
				{SKUID: "s3", SalePrice: 3000, SaleStock: 1}, // not below the price
				{SKUID: "s9", SalePrice: 100, SaleStock: 1},  // unknown SKU
				{SKUID: "s1", SalePrice: 0, SaleStock: 0},    // repeated, no price, no stock
			}}, nil,
			[]string{"end_time:range", "limited_discount_skus[0].sale_price:rate", "limited_discount_skus[0].sale_price:reduction",
				"limited_discount_skus[1].sale_price:original", "limited_discount_skus[2].sale_price:above_original",
				"limited_discount_skus[3].sale_price:unknown_sku", "limited_discount_skus[4].sale_price:range",
				"limited_discount_skus[4].sale_price:rate",
				"limited_discount_skus[4].sale_stock:range", "limited_discount_skus[4].sku_id:duplicate"}},
		{"overlaps an unfinished task", ok, []shopapi.FlashSaleInfo{{TaskID: "t1", ProductID: "p", Status: shopapi.FlashSalePending},
			{TaskID: "t2", ProductID: "other", Status: shopapi.FlashSaleRunning}}, []string{"product_id:overlap"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := shopapi.CheckFlashSale(tt.task, prices, tt.existing)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(tt.want, fields(t, err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGradeMap(t *testing.T) {
	t.Parallel()
	m := shopapi.DefaultGradeMap()
	for tier := kpi.TierBronze; tier <= kpi.TierDiamond; tier++ {
		g, ok := m.Grade(tier)
		back, ok2 := m.Tier(g)
		if !ok || !ok2 || back != tier || int(g) != int(tier) {
			t.Errorf("tier %d → grade %d → tier %d", tier, g, back)
		}
	}
	if _, ok := m.Tier(5); ok {
		t.Error("grade 5 maps to a tier")
	}
	_, err := shopapi.NewGradeMap(map[kpi.Tier]shopapi.Grade{kpi.TierBronze: 1, kpi.TierSilver: 1, kpi.TierNone: 0})
	if diff := cmp.Diff([]string{"grades[0]:grade", "grades[0]:tier", "grades[2]:duplicate"}, fields(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	p := kpi.SeedMemberProgram()
	for _, tt := range []struct {
		exp  int64
		want shopapi.Grade
	}{{0, 1}, {999, 1}, {1000, 2}, {5000, 3}, {20000, 4}} {
		if g, _, err := m.GradeFor(p, tt.exp); err != nil || g != tt.want {
			t.Errorf("GradeFor(%d) = %d, %v; want %d", tt.exp, g, err, tt.want)
		}
	}
}

func TestSyncGrade(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := context.Background()
	if err := srv.JoinMember("o-gold", 6200); err != nil {
		t.Fatal(err)
	}
	got, err := c.Members.SyncGrade(ctx, "o-gold", kpi.SeedMemberProgram(), shopapi.DefaultGradeMap())
	if err != nil {
		t.Fatal(err)
	}
	if !got.Changed || got.From != 1 || got.To != 3 || got.Tier.Tier != kpi.TierGold {
		t.Errorf("sync = %+v", got)
	}
	again, err := c.Members.SyncGrade(ctx, "o-gold", kpi.SeedMemberProgram(), shopapi.DefaultGradeMap())
	if err != nil || again.Changed {
		t.Errorf("second sync = %+v, %v", again, err)
	}
	if g, _ := srv.MemberGrade("o-gold"); g != 3 {
		t.Errorf("grade = %d, want 3", g)
	}
}

// A points change whose answer is lost is retried with its request_id and
// applied once.
func TestIncreaseScoreRetryAppliesOnce(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client(shopapi.WithRetry(3, time.Millisecond, time.Millisecond))
	if err := srv.JoinMember("o-m", 0); err != nil {
		t.Fatal(err)
	}
	const path = "/channels/ec/vip/user/score/increase"
	srv.InjectFault(path, shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
	resp, err := c.Members.IncreaseScore(context.Background(), &shopapi.ScoreChange{OpenID: "o-m", Score: 50, RequestID: "order-1-points"})
	if err != nil {
		t.Fatal(err)
	}
	score, changes, _ := srv.MemberScore("o-m")
	if resp.Attempts != 2 || srv.Calls(path) != 2 || score != 50 || changes != 1 {
		t.Errorf("attempts %d, calls %d, score %d, changes %d; want 2, 2, 50, 1", resp.Attempts, srv.Calls(path), score, changes)
	}
	// The caller retrying the same business event is a no-op too.
	if _, err := c.Members.IncreaseScore(context.Background(), &shopapi.ScoreChange{OpenID: "o-m", Score: 50, RequestID: "order-1-points"}); err != nil {
		t.Fatal(err)
	}
	if score, _, _ := srv.MemberScore("o-m"); score != 50 {
		t.Errorf("score after a repeated request_id = %d, want 50", score)
	}
	_, err = c.Members.IncreaseScore(context.Background(), &shopapi.ScoreChange{OpenID: "o-m", Score: 50})
	if diff := cmp.Diff([]string{"request_id:required"}, fields(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestSharerSales(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	orders := map[shopapi.ID]kpi.Order{
		"o1": {ID: "o1", BuyerID: "b1", CreatedAt: at, PaidAt: at, AmountFen: 3990},
		"o2": {ID: "o2", BuyerID: "b2", CreatedAt: at, PaidAt: at, AmountFen: 12800},
	}
	list := []shopapi.SharerOrder{
		{OrderID: "o1", SharerOpenID: "s-a", SKUID: "k1"},
		{OrderID: "o1", SharerOpenID: "s-a", SKUID: "k2"}, // a second line of the same order
		{OrderID: "o2", SharerOpenID: "s-b"},
		{OrderID: "o3", SharerOpenID: "s-b"},
		{OrderID: "o3", SharerOpenID: "s-a"},
	}
	got, missing := shopapi.SharerSales(list, func(id shopapi.ID) (kpi.Order, bool) { o, ok := orders[id]; return o, ok })
	want := []kpi.SharerOrder{{Order: orders["o1"], SharerID: "s-a"}, {Order: orders["o2"], SharerID: "s-b"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("orders (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]shopapi.ID{"o3"}, missing); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
	report, err := kpi.SalesBySharer(kpi.Period{Start: at.Add(-time.Hour), End: at.Add(time.Hour)}, got)
	if err != nil {
		t.Fatal(err)
	}
	if len(report) != 2 || report[0].SharerID != "s-b" || report[0].GMVFen != 12800 {
		t.Errorf("report = %+v", report)
	}
}

func TestFlashSaleAddChecked(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())
	srv := shopapitest.NewServer(t, shopapitest.WithClock(func() time.Time { return now }))
	c := srv.Client()
	ctx := context.Background()
	res, _, err := c.Products.Add(ctx, exampleProduct(), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.ApproveAudit(res.ProductID); err != nil {
		t.Fatal(err)
	}
	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		t.Fatal(err)
	}
	sku := d.Product.SKUs[0].SKUID // ¥39.90
	at := now.Unix()
	const addPath = "/channels/ec/product/limiteddiscounttask/add"
	task := func(price int64) *shopapi.FlashSaleTask {
		return &shopapi.FlashSaleTask{ProductID: res.ProductID, StartTime: at, EndTime: at + 3600,
			SKUs: []shopapi.FlashSaleSKU{{SKUID: sku, SalePrice: price, SaleStock: 10}}}
	}
	_, _, err = c.FlashSales.AddChecked(ctx, task(3500))
	if diff := cmp.Diff([]string{"limited_discount_skus[0].sale_price:rate", "limited_discount_skus[0].sale_price:reduction"}, fields(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if n := srv.Calls(addPath); n != 0 {
		t.Errorf("a failing task reached the platform (%d calls)", n)
	}
	if _, _, err := c.FlashSales.AddChecked(ctx, task(2990)); err != nil {
		t.Fatal(err)
	}
	_, _, err = c.FlashSales.AddChecked(ctx, task(2590))
	if diff := cmp.Diff([]string{"product_id:overlap"}, fields(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if n := srv.Calls(addPath); n != 1 {
		t.Errorf("add calls = %d, want 1", n)
	}
}

func TestMarketingIterators(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := context.Background()
	for _, id := range []string{"o-1", "o-2", "o-3"} {
		if err := srv.JoinMember(id, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Members.AddWxaMember(ctx, "s", "wxa-"+id, shopapi.WxaMemberInfo{Identity: "V1"}); err != nil {
			t.Fatal(err)
		}
		if err := srv.BindShopSharer("sh-"+id, id); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		if _, err := c.Members.IncreaseScore(ctx, &shopapi.ScoreChange{OpenID: "o-1", Score: 1, RequestID: string(rune('a' + i))}); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]int{
		"members": countSeq(t, c.Members.ListIter(ctx, 2)),
		"flow":    countSeq(t, c.Members.ScoreFlowIter(ctx, "o-1", 2)),
		"wxa":     countSeq(t, c.Members.ListWxaMembersIter(ctx, 2)),
		"sharers": countSeq(t, c.Sharers.ListIter(ctx, shopapi.SharerShop, 2)),
	}
	if diff := cmp.Diff(map[string]int{"members": 3, "flow": 5, "wxa": 3, "sharers": 3}, got); diff != "" {
		t.Errorf("iterated (-want +got):\n%s", diff)
	}
}

func countSeq[T any](t *testing.T, seq iter.Seq2[T, error]) int {
	t.Helper()
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	return n
}
