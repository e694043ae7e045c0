package kpi

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func problemCodes(t *testing.T, err error) []string {
	t.Helper()
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *vcart.ValidationError", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+" "+p.Code)
	}
	return out
}

func TestCheckCadence(t *testing.T) {
	t.Parallel()
	min := func(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }
	tests := []struct {
		name      string
		duration  time.Duration
		exposures []time.Duration
		interval  time.Duration
		want      CadenceReport
	}{
		{
			name:      "exactly every two minutes is on cadence",
			duration:  min(10),
			exposures: []time.Duration{min(2), min(4), min(6), min(8), min(10)},
			want:      CadenceReport{Expected: 5, Actual: 5, Gaps: []Gap{}, OnCadence: true},
		},
		{
			name:      "unsorted with an opening and a closing gap",
			duration:  min(10),
			exposures: []time.Duration{min(5), min(3), min(6)},
			want:      CadenceReport{Expected: 5, Actual: 3, Gaps: []Gap{{0, min(3)}, {min(6), min(10)}}},
		},
		{
			name:     "no exposure at all",
			duration: min(3),
			want:     CadenceReport{Expected: 1, Actual: 0, Gaps: []Gap{{0, min(3)}}},
		},
		{
			name:      "no gap but too few exposures",
			duration:  min(4),
			exposures: []time.Duration{min(2)},
			want:      CadenceReport{Expected: 2, Actual: 1, Gaps: []Gap{}},
		},
		{
			name:      "custom interval, duplicates and the edges",
			duration:  min(9),
			exposures: []time.Duration{0, min(3), min(3), min(6), min(9)},
			interval:  min(3),
			want:      CadenceReport{Expected: 3, Actual: 5, Gaps: []Gap{}, OnCadence: true},
		},
		{
			name:      "one nanosecond over",
			duration:  min(4),
			exposures: []time.Duration{min(2) + 1},
			want:      CadenceReport{Expected: 2, Actual: 1, Gaps: []Gap{{0, min(2) + 1}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := append([]time.Duration(nil), tt.exposures...)
			got, err := CheckCadence(tt.duration, tt.exposures, tt.interval)
			if err != nil {
				t.Fatal(err)
			}
			iv := tt.interval
			if iv == 0 {
				iv = DefaultExposureInterval
			}
			tt.want.Duration, tt.want.Interval = tt.duration, iv
			tt.want.DurationMS, tt.want.IntervalMS = tt.duration.Milliseconds(), iv.Milliseconds()
			if diff := cmp.Diff(&tt.want, got); diff != "" {
				t.Errorf("CheckCadence() mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(in, tt.exposures); diff != "" {
				t.Errorf("CheckCadence modified its input:\n%s", diff)
			}
		})
	}
	_, err := CheckCadence(0, []time.Duration{-1, min(1)}, -time.Second)
	want := []string{"duration cadence.duration.nonpositive", "exposures[0] cadence.exposure.outside", "interval cadence.interval.negative"}
	if diff := cmp.Diff(want, problemCodes(t, err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	_, err = CheckCadence(min(5), []time.Duration{min(6)}, 0)
	if diff := cmp.Diff([]string{"exposures[0] cadence.exposure.outside"}, problemCodes(t, err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
}

func TestCheckMix(t *testing.T) {
	t.Parallel()
	mk := func(tr, pr, im int) []AssortedProduct {
		var out []AssortedProduct
		for range tr {
			out = append(out, AssortedProduct{ProductID: "t", Role: RoleTraffic, PriceFen: 1990})
		}
		for range pr {
			out = append(out, AssortedProduct{ProductID: "p", Role: RoleProfit, PriceFen: 9900})
		}
		for range im {
			out = append(out, AssortedProduct{ProductID: "i", Role: RoleImage, PriceFen: 59900})
		}
		return out
	}
	tests := []struct {
		name       string
		products   []AssortedProduct
		wantDev    []string
		wantTarget []int64
		wantOn     bool
	}{
		{"exact 3:5:2", mk(3, 5, 2), []string{"0.00", "0.00", "0.00"}, []int64{3, 5, 2}, true},
		{"exactly 5 pp off is on target", mk(7, 9, 4), []string{"5.00", "-5.00", "0.00"}, []int64{6, 10, 4}, true},
		{"just over 5 pp", mk(36, 49, 15), []string{"6.00", "-1.00", "-5.00"}, []int64{30, 50, 20}, false},
		{"thirds", mk(1, 1, 1), []string{"3.33", "-16.67", "13.33"}, []int64{1, 1, 1}, false},
		{"empty", nil, []string{"", "", ""}, []int64{0, 0, 0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rep, err := CheckMix(tt.products, SeedMixPolicy())
			if err != nil {
				t.Fatal(err)
			}
			var dev []string
			var targets []int64
			var sum int64
			for _, r := range rep.Roles {
				dev = append(dev, r.DeviationPP)
				targets = append(targets, r.Target)
				sum += r.Target
			}
			if diff := cmp.Diff(tt.wantDev, dev); diff != "" {
				t.Errorf("deviation mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantTarget, targets); diff != "" {
				t.Errorf("targets mismatch (-want +got):\n%s", diff)
			}
			if sum != int64(len(tt.products)) {
				t.Errorf("targets sum to %d, want %d", sum, len(tt.products))
			}
			if rep.OnTarget != tt.wantOn {
				t.Errorf("OnTarget = %v, want %v", rep.OnTarget, tt.wantOn)
			}
		})
	}
}

func TestApportion_SumsToN(t *testing.T) {
	t.Parallel()
	for n := int64(0); n <= 200; n++ {
		got := apportion(n, SeedMixPolicy())
		if got[0]+got[1]+got[2] != n {
			t.Fatalf("apportion(%d) = %v", n, got)
		}
	}
}

func TestCheckMix_Invalid(t *testing.T) {
	t.Parallel()
	p := SeedMixPolicy()
	p.Version, p.Traffic, p.TolerancePP, p.MinTrafficPriceFen = "", -1, decimal.NewFromInt(-1), -5
	_, err := CheckMix([]AssortedProduct{{ProductID: "x"}, {ProductID: "y", Role: RoleImage, PriceFen: -1}}, p)
	want := []string{
		"policy.min_traffic_price_fen mix.price.negative",
		"policy.tolerance_pp mix.tolerance.negative",
		"policy.traffic mix.weight.negative",
		"policy.version mix.version.missing",
		"products[0].role mix.role.unknown",
		"products[1].price_fen mix.price.negative",
	}
	if diff := cmp.Diff(want, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	p = SeedMixPolicy()
	p.Traffic, p.Profit, p.Image = 0, 0, 0
	_, err = CheckMix(nil, p)
	if diff := cmp.Diff([]string{"policy.weights mix.weight.zero"}, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	p.Profit = MaxMixWeight + 1
	_, err = CheckMix(nil, p)
	if diff := cmp.Diff([]string{"policy.profit mix.weight.too_large"}, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

func TestSeedMemberProgram(t *testing.T) {
	t.Parallel()
	prog := SeedMemberProgram()
	if err := prog.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		points int64
		want   Tier
	}{{0, TierBronze}, {999, TierBronze}, {1000, TierSilver}, {4999, TierSilver}, {5000, TierGold}, {19999, TierGold}, {20000, TierDiamond}, {1 << 60, TierDiamond}}
	for _, tt := range tests {
		got, err := prog.TierFor(tt.points)
		if err != nil || got.Tier != tt.want {
			t.Errorf("TierFor(%d) = %s, %v; want %s", tt.points, got.Tier, err, tt.want)
		}
	}
	if _, err := prog.TierFor(-1); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("TierFor(-1) = %v", err)
	}
	names := []string{}
	for _, tr := range prog.Tiers {
		names = append(names, tr.Tier.String()+"/"+tr.Tier.ChineseName()+"/"+tr.ChineseName)
	}
	want := []string{"bronze/青铜/青铜", "silver/白银/白银", "gold/黄金/黄金", "diamond/钻石/钻石"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("names mismatch (-want +got):\n%s", diff)
	}
	if Tier(7).String() != "tier 7" || Tier(7).ChineseName() != "VIP7" {
		t.Errorf("other levels: %s %s", Tier(7), Tier(7).ChineseName())
	}
	// A fresh copy each time.
	prog.Tiers[0].MinPoints = 5
	if SeedMemberProgram().Tiers[0].MinPoints != 0 {
		t.Error("SeedMemberProgram shares state")
	}
}

func TestMemberProgram_EarnAndRedeem(t *testing.T) {
	t.Parallel()
	prog := SeedMemberProgram()
	tests := []struct {
		name    string
		m       Member
		paidFen vcart.Fen
		want    Member
		earned  int64
	}{
		{"bronze floors fractions", Member{}, 12999, Member{129, 129}, 129},
		{"silver 1.2 per yuan", Member{1000, 0}, 10050, Member{1120, 120}, 120}, // 100.5 × 1.2 = 120.6
		{"tier decided before the purchase", Member{999, 0}, 100000, Member{1999, 1000}, 1000},
		{"diamond doubles", Member{20000, 5}, 100, Member{20002, 7}, 2},
		{"zero", Member{10, 10}, 0, Member{10, 10}, 0},
	}
	for _, tt := range tests {
		got, earned, err := prog.Earn(tt.m, tt.paidFen)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" || earned != tt.earned {
			t.Errorf("%s: earned %d (want %d), member mismatch (-want +got):\n%s", tt.name, earned, tt.earned, diff)
		}
	}
	if _, _, err := prog.Earn(Member{}, -1); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("Earn(-1) = %v", err)
	}

	m := Member{LifetimePoints: 5000, Balance: 900}
	coupons, err := prog.Redeemable(m)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range coupons {
		ids = append(ids, c.ID)
	}
	if diff := cmp.Diff([]string{"c5", "c20", "c60"}, ids); diff != "" {
		t.Errorf("Redeemable mismatch (-want +got):\n%s", diff)
	}
	after, c, err := prog.Redeem(m, "c60")
	if err != nil || c.ID != "c60" || after != (Member{5000, 100}) {
		t.Errorf("Redeem(c60) = %+v, %+v, %v", after, c, err)
	}
	for _, tc := range []struct {
		id   string
		m    Member
		want error
	}{
		{"c200", m, ErrTierTooLow},
		{"c60", after, ErrInsufficientPoints},
		{"nope", m, ErrUnknownCoupon},
	} {
		got, _, err := prog.Redeem(tc.m, tc.id)
		if !errors.Is(err, tc.want) || got != tc.m {
			t.Errorf("Redeem(%s) = %+v, %v; want %v and the member unchanged", tc.id, got, err, tc.want)
		}
	}
}

func TestMemberProgram_Validate(t *testing.T) {
	t.Parallel()
	p := MemberProgram{
		Tiers: []TierRule{
			{Tier: TierBronze, Name: "b", MinPoints: 10, PointsPerYuan: decimal.NewFromInt(-1)},
			{Tier: TierBronze, Name: "", MinPoints: 5},
		},
		Coupons: []Coupon{
			{ID: "a", Cost: 0, DiscountFen: 100, MinSpendFen: 50, MinTier: TierGold},
			{ID: "a", Cost: 1, DiscountFen: 1, MinTier: TierBronze},
		},
	}
	want := []string{
		"coupons[0].cost member.coupon.cost",
		"coupons[0].discount_fen member.coupon.value",
		"coupons[0].min_tier member.coupon.tier",
		"coupons[1].id member.coupon.id",
		"tiers[0].min_points member.tier.start",
		"tiers[0].points_per_yuan member.tier.rate",
		"tiers[1] member.tier.order",
		"tiers[1].name member.tier.name",
		"version member.version.missing",
	}
	if diff := cmp.Diff(want, problemCodes(t, p.Validate())); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"tiers member.tiers.missing", "version member.version.missing"}, problemCodes(t, MemberProgram{}.Validate())); diff != "" {
		t.Errorf("empty programme (-want +got):\n%s", diff)
	}
}

func TestCrossAnalyze(t *testing.T) {
	t.Parallel()
	records := []AudienceRecord{
		{"u1", "广东", 17, 4999},
		{"u2", "广东", 18, 5000},
		{"u3", "浙江", 24, 14999},
		{"u4", "浙江", 25, 15000},
		{"u5", "", 0, 20000},
		{"u6", "广东", 50, 0},
		{"u2", "浙江", 40, 1}, // merged into u2: region and age from the first record
	}
	rep, err := CrossAnalyze(records, DefaultAudienceConfig())
	if err != nil {
		t.Fatal(err)
	}
	wantCells := []AudienceCell{
		{"unknown", "unknown", "high ≥¥200", 1, 20000},
		{"广东", "18-24", "mid ¥50-150", 1, 5001},
		{"广东", "50+", "low <¥50", 1, 0},
		{"广东", "<18", "low <¥50", 1, 4999},
		{"浙江", "18-24", "mid ¥50-150", 1, 14999},
		{"浙江", "25-39", "upper ¥150-200", 1, 15000},
	}
	if diff := cmp.Diff(wantCells, rep.Cells); diff != "" {
		t.Errorf("cells mismatch (-want +got):\n%s", diff)
	}
	wantAges := []Share{
		{"<18", 1, 4999, NewRatio(1, 6)},
		{"18-24", 2, 20000, NewRatio(2, 6)},
		{"25-39", 1, 15000, NewRatio(1, 6)},
		{"50+", 1, 0, NewRatio(1, 6)},
		{"unknown", 1, 20000, NewRatio(1, 6)},
	}
	if diff := cmp.Diff(wantAges, rep.AgeBands); diff != "" {
		t.Errorf("age bands mismatch (-want +got):\n%s", diff)
	}
	wantRegions := []Share{{"广东", 3, 10000, NewRatio(3, 6)}, {"浙江", 2, 29999, NewRatio(2, 6)}, {"unknown", 1, 20000, NewRatio(1, 6)}}
	if diff := cmp.Diff(wantRegions, rep.Regions); diff != "" {
		t.Errorf("regions mismatch (-want +got):\n%s", diff)
	}
	if rep.Buyers != 6 || len(rep.Tiers) != 4 {
		t.Errorf("buyers %d, tiers %d", rep.Buyers, len(rep.Tiers))
	}

	_, err = CrossAnalyze([]AudienceRecord{{"", "x", -1, -1}}, AudienceConfig{Version: "v", AgeBands: []AgeBand{{"a", 10, 5}}, SpendTiers: []SpendTier{{"x", 5}, {"", 5}}})
	want := []string{
		"age_bands[0] audience.age.range",
		"records[0].age audience.age.negative",
		"records[0].buyer_id audience.buyer_id.missing",
		"records[0].spend_fen audience.spend.negative",
		"spend_tiers[0].min_fen audience.tiers.start",
		"spend_tiers[1].label audience.label.missing",
		"spend_tiers[1].min_fen audience.tiers.order",
	}
	if diff := cmp.Diff(want, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// fixedMatcher is a KeywordMatcher that finds fixed substrings, to show the
// interface can be satisfied without the review package's matcher.
type fixedMatcher []string

func (f fixedMatcher) FindAll(text string) []review.KeywordHit {
	var out []review.KeywordHit
	for _, w := range f {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			out = append(out, review.KeywordHit{Word: w, Start: i + j, End: i + j + len(w)})
			i += j + len(w)
		}
	}
	return out
}

func TestMonitorCompetitors(t *testing.T) {
	t.Parallel()
	at := day(5, 20)
	products := []CompetitorProduct{
		{ProductID: "a", Shop: "A", Category: vcart.CategoryFood, PriceFen: 4999},
		{ProductID: "b", Shop: "A", Category: vcart.CategoryFood, PriceFen: 5000,
			Promotions: []Promotion{{Kind: "coupon", Label: "open-ended", Start: at}}},
		{ProductID: "c", Shop: "B", Category: vcart.CategoryFood, PriceFen: 50000,
			Promotions: []Promotion{{Kind: "flash", Label: "ends now", Start: at.Add(-time.Hour), End: at}, {Kind: "gift", Label: "later", Start: at.Add(time.Hour)}}},
		{ProductID: "d", Shop: "B", PriceFen: 0},
	}
	reviews := []CompetitorReview{
		{ProductID: "a", Rating: 2, Text: "过期了，过期！"},
		{ProductID: "a", Rating: 3, Text: "过期"},
		{ProductID: "b", Rating: 1, Text: "破损"},
	}
	rep, err := MonitorCompetitors(products, reviews, at, CompetitorConfig{Keywords: fixedMatcher{"过期", "破损"}})
	if err != nil {
		t.Fatal(err)
	}
	var cats []string
	for _, c := range rep.Categories {
		cats = append(cats, string(c.Category))
	}
	if diff := cmp.Diff([]string{"food", "general"}, cats); diff != "" {
		t.Errorf("categories mismatch (-want +got):\n%s", diff)
	}
	food := rep.Categories[0]
	var bands []int64
	for _, b := range food.Bands {
		bands = append(bands, b.Products)
	}
	if diff := cmp.Diff([]int64{1, 1, 0, 0, 0, 1}, bands); diff != "" {
		t.Errorf("food bands mismatch (-want +got):\n%s", diff)
	}
	if food.MinFen != 4999 || food.MedianFen != 5000 || food.MaxFen != 50000 || food.Bands[5].Label != "¥500.00–" {
		t.Errorf("food prices %+v", food)
	}
	if len(rep.Promotions) != 1 || rep.Promotions[0].Label != "open-ended" || rep.PromotedShare != NewRatio(1, 4) {
		t.Errorf("promotions %+v, share %v", rep.Promotions, rep.PromotedShare)
	}
	wantKW := []KeywordCount{{"过期", 1, 2}, {"破损", 1, 1}}
	if diff := cmp.Diff(wantKW, rep.Keywords); diff != "" {
		t.Errorf("keywords mismatch (-want +got):\n%s", diff)
	}
	if rep.NegativeRate != NewRatio(2, 3) {
		t.Errorf("negative rate %v", rep.NegativeRate)
	}

	// The default matcher is review's, with its normalisation (traditional
	// characters, full-width forms).
	rep, err = MonitorCompetitors(nil, []CompetitorReview{{Rating: 1, Text: "假貨！質量差"}}, at, CompetitorConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]KeywordCount{{"假货", 1, 1}, {"质量差", 1, 1}}, rep.Keywords); diff != "" {
		t.Errorf("default keywords mismatch (-want +got):\n%s", diff)
	}
	if rep.PromotedShare.Defined() || len(rep.Categories) != 0 {
		t.Errorf("empty products: %+v", rep)
	}

	_, err = MonitorCompetitors([]CompetitorProduct{{PriceFen: -1, Promotions: []Promotion{{Start: at, End: at}}}},
		[]CompetitorReview{{Rating: 0}, {Rating: 6}}, at, CompetitorConfig{NegativeMaxRating: 9, PriceBands: PriceBands{Version: "v", EdgesFen: []vcart.Fen{100, 100}}})
	want := []string{
		"config.negative_max_rating competitor.rating.range",
		"config.price_bands.edges_fen[1] competitor.bands.order",
		"products[0].price_fen competitor.price.negative",
		"products[0].promotions[0].end competitor.promotion.empty",
		"reviews[0].rating competitor.rating.range",
		"reviews[1].rating competitor.rating.range",
	}
	if diff := cmp.Diff(want, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

func TestEnumNames(t *testing.T) {
	t.Parallel()
	var got []string
	for _, r := range []Role{RoleUnknown, RoleTraffic, RoleProfit, RoleImage} {
		b, _ := r.MarshalText()
		got = append(got, string(b)+"/"+r.ChineseName())
	}
	for _, u := range []Unit{UnitCount, UnitPercent, UnitYuan, UnitMultiple, Unit(0)} {
		b, _ := u.MarshalText()
		got = append(got, string(b))
	}
	want := []string{"Role(0)/未知", "traffic/引流款", "profit/利润款", "image/形象款", "count", "percent", "yuan", "multiple", "Unit(?)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names mismatch (-want +got):\n%s", diff)
	}
}

func TestCheckContent(t *testing.T) {
	t.Parallel()
	posts := []ContentPost{
		{"v1", ContentVideo, day(2, 9)},
		{"v2", ContentVideo, day(4, 9)},
		{"v3", ContentVideo, day(8, 23)},
		{"l1", ContentLive, day(6, 20)},
		{"v0", ContentVideo, day(1, 9)}, // the week before
		{"l2", ContentLive, day(9, 0)},  // the week after
	}
	tests := []struct {
		name   string
		posts  []ContentPost
		period Period
		want   ContentReport
	}{
		{"on plan", posts, testWeek, ContentReport{PlanVersion: "seed-2023.1", Videos: 3, Lives: 1, ExpectedVideos: 3, ExpectedLives: 1, OnPlan: true, Outside: 2}},
		{"one video short", posts[1:], testWeek, ContentReport{PlanVersion: "seed-2023.1", Videos: 2, Lives: 1, ExpectedVideos: 3, ExpectedLives: 1, Outside: 2}},
		{"two weeks", posts, Period{day(2, 0), day(16, 0)}, ContentReport{PlanVersion: "seed-2023.1", Videos: 3, Lives: 2, ExpectedVideos: 6, ExpectedLives: 2, Outside: 1}},
		{"three days round up", nil, Period{day(2, 0), day(4, 12)}, ContentReport{PlanVersion: "seed-2023.1", ExpectedVideos: 2, ExpectedLives: 1}},
	}
	for _, tt := range tests {
		got, err := CheckContent(tt.posts, tt.period, SeedContentPlan())
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(&tt.want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	_, err := CheckContent([]ContentPost{{ID: "x"}}, Period{}, ContentPlan{VideosPerWeek: -1})
	want := []string{
		"period period.missing",
		"plan content.target.range",
		"plan.version content.version.missing",
		"posts[0].kind content.kind.unknown",
		"posts[0].published_at content.time.missing",
	}
	if diff := cmp.Diff(want, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if ContentVideo.String() != "video" || ContentLive.String() != "live" || ContentUnknown.String() != "ContentKind(0)" {
		t.Error("ContentKind names")
	}
}

// TestDefaultTables_Invariants checks every shipped table: each validates,
// carries a version, and is a fresh copy on every call.
func TestDefaultTables_Invariants(t *testing.T) {
	t.Parallel()
	if err := SeedMixPolicy().Validate(); err != nil {
		t.Errorf("SeedMixPolicy: %v", err)
	}
	if err := DefaultAudienceConfig().Validate(); err != nil {
		t.Errorf("DefaultAudienceConfig: %v", err)
	}
	if _, err := CheckContent(nil, testWeek, SeedContentPlan()); err != nil {
		t.Errorf("SeedContentPlan: %v", err)
	}
	if _, err := MonitorCompetitors(nil, nil, day(2, 0), CompetitorConfig{PriceBands: DefaultPriceBands()}); err != nil {
		t.Errorf("DefaultPriceBands: %v", err)
	}
	if _, err := review.NewKeywords(DefaultNegativeKeywords()); err != nil {
		t.Errorf("DefaultNegativeKeywords: %v", err)
	}
	for name, v := range map[string]string{
		"mix": SeedMixPolicy().Version, "audience": DefaultAudienceConfig().Version, "content": SeedContentPlan().Version,
		"bands": DefaultPriceBands().Version, "members": SeedMemberProgram().Version, "benchmarks": SeedBenchmarks().Version,
	} {
		if v == "" {
			t.Errorf("%s table has no version", name)
		}
	}
	a := DefaultAudienceConfig()
	a.AgeBands[0].Label, a.SpendTiers[0].Label = "x", "x"
	b := DefaultPriceBands()
	b.EdgesFen[0] = 1
	k := DefaultNegativeKeywords()
	k[0] = "x"
	if DefaultAudienceConfig().AgeBands[0].Label == "x" || DefaultAudienceConfig().SpendTiers[0].Label == "x" ||
		DefaultPriceBands().EdgesFen[0] == 1 || DefaultNegativeKeywords()[0] == "x" {
		t.Error("a default table shares state between calls")
	}
	// The seed's mix weights and the tiers' order.
	if p := SeedMixPolicy(); p.Traffic != 3 || p.Profit != 5 || p.Image != 2 {
		t.Errorf("mix %d:%d:%d, want 3:5:2", p.Traffic, p.Profit, p.Image)
	}
	for i, tr := range SeedMemberProgram().Tiers {
		if tr.Tier != Tier(i+1) {
			t.Errorf("tier %d is %s", i, tr.Tier)
		}
	}
}
