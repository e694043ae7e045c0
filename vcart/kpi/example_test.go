package kpi_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
)

var shanghai = vcart.Shanghai()

// sampleOrders returns a small week of orders: 5 submitted, 4 paid by 3
// buyers, one partly refunded.
func sampleOrders() []kpi.Order {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, shanghai) }
	return []kpi.Order{
		{ID: "o1", BuyerID: "u1", CreatedAt: day(2, 10), PaidAt: day(2, 10), AmountFen: 12900, ShippedAt: day(3, 9), FreightInsurance: true},
		{ID: "o2", BuyerID: "u1", CreatedAt: day(3, 20), PaidAt: day(3, 20), AmountFen: 5900, ShippedAt: day(6, 9)},
		{ID: "o3", BuyerID: "u2", CreatedAt: day(4, 11), PaidAt: day(4, 11), AmountFen: 19900, RefundFen: 5000, ShippedAt: day(5, 8), FreightInsurance: true},
		{ID: "o4", BuyerID: "u3", CreatedAt: day(7, 15), PaidAt: day(7, 15), AmountFen: 8800, FreightInsurance: true},
		{ID: "o5", BuyerID: "u4", CreatedAt: day(8, 21)},
	}
}

func ExampleRatio_Percent() {
	r := kpi.NewRatio(1, 3)
	p, ok := r.Percent(2, vcart.HalfUp)
	fmt.Println(p.StringFixed(2), ok)
	_, ok = kpi.NewRatio(5, 0).Percent(2, vcart.HalfUp)
	fmt.Println(ok, kpi.NewRatio(5, 0))
	// Output:
	// 33.33 true
	// false undefined (5/0)
}

func ExampleBand_GradeRatio() {
	band, _ := kpi.SeedBenchmarks().Band(vcart.CategoryGeneral, kpi.MetricClickConversion)
	for _, paying := range []int64{4, 5, 8, 12, 13, 15, 16} {
		r := kpi.NewRatio(paying, 100) // paying buyers ÷ product-click people
		fmt.Printf("%s → %s\n", r, band.GradeRatio(r))
	}
	// Output:
	// 4.00% (4/100) → red line
	// 5.00% (5/100) → below average
	// 8.00% (8/100) → average
	// 12.00% (12/100) → average
	// 13.00% (13/100) → above average
	// 15.00% (15/100) → above average
	// 16.00% (16/100) → excellent
}

func ExampleBuildReport() {
	week := kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, shanghai))
	at := week.End.Add(time.Hour) // the report is computed Monday 01:00
	addToCart := int64(12)        // from the merchant's own tracking; nil when not tracked
	traffic := kpi.Traffic{
		VisitorUV: 120, PageViews: 480,
		ExposureUV: 900, ExposurePV: 2400,
		ClickUV: 30, ClickPV: 75,
		AddToCartUV: &addToCart, ViewPV: 5000, ViewUV: 1800,
		AdSpendFen: 15000, // ¥150 of ads
	}
	rep, err := kpi.BuildReport(week, at, sampleOrders(), traffic, kpi.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := rep.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 数据周报 Weekly report 2026-03-02 – 2026-03-08 (category general 标准类商品, benchmarks seed-2023.1)
	// Orders: 5 submitted, 4 paid, 1 refunded; buyers 4 ordering, 3 paying; GMV ¥475.00, refunds ¥50.00
	//   访客数 visitors (UV): 120
	//   浏览量 page views (PV): 480
	//   商品点击率 click-through rate (UV): 3.33% (30/900)
	//   商品点击率(次数) click-through rate (PV): 3.13% (75/2400)
	//   点击转化率 click conversion (UV): 10.00% (3/30) — average 行业均值 (average 8–12%, excellent >15%, red line <5%)
	//   加购转化率 add-to-cart conversion (UV): 10.00% (12/120)
	//   支付成功率 payment success rate (orders): 80.00% (4/5) — above average 高于均值 (average 65–75%, excellent >80%, red line <50%)
	//   支付成功率(人数) payment success rate (buyers): 75.00% (3/4)
	//   客单价 average order value (per buyer): ¥158.33 (¥475.00/3) — above average 高于均值 (average ¥80–150, excellent >¥200, red line <¥50)
	//   笔单价 average order value (per order): ¥118.75 (¥475.00/4)
	//   千次观看成交金额 GPM (per 1000 views): ¥95.00 (¥475.00×1000/5000)
	//   千人观看成交金额 GPM(UV) (per 1000 viewers): ¥263.89 (¥475.00×1000/1800)
	//   UV价值 UV value: ¥3.96 (¥475.00/120)
	//   转化率 conversion (UV): 2.50% (3/120)
	//   成交退款率 refund rate (amount): 10.53% (¥50.00/¥475.00)
	//   退款订单率 refund rate (orders): 25.00% (1/4)
	//   投放ROI ad ROI: 3.17× (¥475.00/¥150.00)
	// Service promise (ship within 48h, 运费险): on time 66.67% = 2/3 (late 1, overdue 0, pending 1, cancelled before shipping 0); insured 75.00% = 3/4
}

func ExampleReport_json() {
	week := kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, shanghai))
	rep, err := kpi.BuildReport(week, week.End, sampleOrders(), kpi.Traffic{ClickUV: 30}, kpi.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, id := range []kpi.MetricID{kpi.MetricAOV, kpi.MetricAddToCart} {
		m, _ := rep.Metric(id)
		if err := enc.Encode(m); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// {"id":"aov_buyer","name":"average order value (per buyer)","chinese_name":"客单价","unit":"yuan","formula":"GMV (成交金额) ÷ paying buyers (成交人数)","average":{"total_fen":47500,"count":3,"yuan":"158.33"},"display":"¥158.33","grade":"above average","benchmark":"average ¥80–150, excellent >¥200, red line <¥50"}
	// {"id":"add_to_cart_uv","name":"add-to-cart conversion (UV)","chinese_name":"加购转化率","unit":"percent","formula":"add-to-cart people (加购人数) ÷ visitors (访客数)","display":"undefined","grade":"ungraded"}
}

func ExampleAggregator_Add() {
	week := kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, shanghai))
	agg, err := kpi.NewAggregator(week, week.End, kpi.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	bad := kpi.Order{ID: "o9", CreatedAt: week.Start, AmountFen: -1}
	err = agg.Add(&bad)
	fmt.Println(errors.Is(err, vcart.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// vcart: validation failed: order.amount_fen: order "o9": negative amount (order.amount.negative); order.buyer_id: order "o9": no buyer id (order.buyer_id.missing)
}

func ExampleCheckMix() {
	products := []kpi.AssortedProduct{
		{ProductID: "p1", Role: kpi.RoleTraffic, PriceFen: 990},
		{ProductID: "p2", Role: kpi.RoleTraffic, PriceFen: 100},
		{ProductID: "p3", Role: kpi.RoleProfit, PriceFen: 12900},
		{ProductID: "p4", Role: kpi.RoleProfit, PriceFen: 15900},
		{ProductID: "p5", Role: kpi.RoleProfit, PriceFen: 9900},
		{ProductID: "p6", Role: kpi.RoleImage, PriceFen: 59900},
		{ProductID: "p7", Role: kpi.RoleImage, PriceFen: 89900},
		{ProductID: "p8", Role: kpi.RoleImage, PriceFen: 129900},
		{ProductID: "p9", Role: kpi.RoleProfit, PriceFen: 8900},
		{ProductID: "p10", Role: kpi.RoleTraffic, PriceFen: 1990},
	}
	rep, err := kpi.CheckMix(products, kpi.SeedMixPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rep.Roles {
		fmt.Printf("%s %s: %d (target %d), %s, deviation %s pp, on target %t\n",
			r.Role.ChineseName(), r.Role, r.Count, r.Target, r.Actual, r.DeviationPP, r.OnTarget)
	}
	fmt.Println("on target:", rep.OnTarget)
	for _, f := range rep.Findings {
		fmt.Println(f.Code, f.Field)
	}
	// Output:
	// 引流款 traffic: 3 (target 3), 30.00% (3/10), deviation 0.00 pp, on target true
	// 利润款 profit: 4 (target 5), 40.00% (4/10), deviation -10.00 pp, on target false
	// 形象款 image: 3 (target 2), 30.00% (3/10), deviation 10.00 pp, on target false
	// on target: false
	// mix.traffic.price_floor products[1].price_fen
}

func ExampleCheckCadence() {
	m := func(min, s int) time.Duration { return time.Duration(min)*time.Minute + time.Duration(s)*time.Second }
	exposures := []time.Duration{m(1, 50), m(3, 40), m(8, 0), m(9, 30)}
	rep, err := kpi.CheckCadence(m(10, 0), exposures, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("expected %d, actual %d, on cadence %t\n", rep.Expected, rep.Actual, rep.OnCadence)
	for _, g := range rep.Gaps {
		fmt.Printf("gap %s – %s (%s)\n", g.From, g.To, g.Length())
	}
	// Output:
	// expected 5, actual 4, on cadence false
	// gap 3m40s – 8m0s (4m20s)
}

func ExampleMemberProgram_Redeem() {
	prog := kpi.SeedMemberProgram()
	m := kpi.Member{LifetimePoints: 900, Balance: 250}
	m, earned, err := prog.Earn(m, 15000) // pays ¥150 as bronze: 150 points
	if err != nil {
		fmt.Println(err)
		return
	}
	tier, _ := prog.TierFor(m.LifetimePoints)
	fmt.Printf("earned %d; %s %s; balance %d\n", earned, tier.ChineseName, tier.Name, m.Balance)
	coupons, _ := prog.Redeemable(m)
	for _, c := range coupons {
		fmt.Printf("can redeem %s (%s) for %d points\n", c.ID, c.Name, c.Cost)
	}
	m, c, err := prog.Redeem(m, "c20")
	fmt.Println(c.ID, m.Balance, err)
	_, _, err = prog.Redeem(m, "c60")
	fmt.Println(errors.Is(err, kpi.ErrTierTooLow))
	// Output:
	// earned 150; 白银 silver; balance 400
	// can redeem c5 (¥5 off ¥50) for 100 points
	// can redeem c20 (¥20 off ¥150) for 300 points
	// c20 100 <nil>
	// true
}

func ExampleCrossAnalyze() {
	records := []kpi.AudienceRecord{
		{BuyerID: "u1", Region: "广东", Age: 28, SpendFen: 18800},
		{BuyerID: "u2", Region: "广东", Age: 31, SpendFen: 9900},
		{BuyerID: "u3", Region: "浙江", Age: 22, SpendFen: 3900},
		{BuyerID: "u4", Region: "广东", Age: 35, SpendFen: 12900},
		{BuyerID: "u1", Region: "广东", Age: 28, SpendFen: 5000}, // u1 again: 188 + 50 = ¥238
		{BuyerID: "u5", Region: "", Age: 0, SpendFen: 25900},
	}
	rep, err := kpi.CrossAnalyze(records, kpi.DefaultAudienceConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range rep.Cells {
		fmt.Printf("%s × %s × %s: %d buyers, %s\n", c.Region, c.AgeBand, c.Tier, c.Buyers, vcart.Fen(c.SpendFen).String())
	}
	for _, s := range rep.Regions {
		fmt.Printf("region %s: %s\n", s.Label, s.Share)
	}
	// Output:
	// 广东 × 25-39 × mid ¥50-150: 2 buyers, ¥228.00
	// unknown × unknown × high ≥¥200: 1 buyers, ¥259.00
	// 广东 × 25-39 × high ≥¥200: 1 buyers, ¥238.00
	// 浙江 × 18-24 × low <¥50: 1 buyers, ¥39.00
	// region 广东: 60.00% (3/5)
	// region unknown: 20.00% (1/5)
	// region 浙江: 20.00% (1/5)
}

func ExampleMonitorCompetitors() {
	at := time.Date(2026, 3, 5, 20, 0, 0, 0, shanghai)
	products := []kpi.CompetitorProduct{
		{ProductID: "a1", Shop: "A", Category: vcart.CategoryApparel, PriceFen: 7900,
			Promotions: []kpi.Promotion{{Kind: "coupon", Label: "满99减10", Start: at.Add(-24 * time.Hour), End: at.Add(24 * time.Hour)}}},
		{ProductID: "a2", Shop: "A", Category: vcart.CategoryApparel, PriceFen: 12900},
		{ProductID: "b1", Shop: "B", Category: vcart.CategoryApparel, PriceFen: 15900,
			Promotions: []kpi.Promotion{{Kind: "flash_sale", Label: "限时秒杀", Start: at.Add(-48 * time.Hour), End: at.Add(-24 * time.Hour)}}},
		{ProductID: "b2", Shop: "B", Category: vcart.CategoryApparel, PriceFen: 25900},
	}
	reviews := []kpi.CompetitorReview{
		{ProductID: "a1", Rating: 1, Text: "质量差，起球严重，还有色差"},
		{ProductID: "a1", Rating: 2, Text: "發貨慢，質量差"},
		{ProductID: "b1", Rating: 5, Text: "很好"},
	}
	rep, err := kpi.MonitorCompetitors(products, reviews, at, kpi.CompetitorConfig{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range rep.Categories {
		fmt.Printf("%s: %d products, %s–%s, median %s\n", c.Category.ChineseName(), c.Products,
			vcart.Fen(c.MinFen).String(), vcart.Fen(c.MaxFen).String(), vcart.Fen(c.MedianFen).String())
		for _, b := range c.Bands {
			if b.Products > 0 {
				fmt.Printf("  %s: %d\n", b.Label, b.Products)
			}
		}
	}
	for _, p := range rep.Promotions {
		fmt.Printf("running: %s %s %s\n", p.Shop, p.ProductID, p.Label)
	}
	fmt.Println("negative reviews:", rep.NegativeRate)
	for _, k := range rep.Keywords {
		fmt.Printf("%s: %d reviews\n", k.Word, k.Reviews)
	}
	// Output:
	// 服装: 4 products, ¥79.00–¥259.00, median ¥129.00
	//   ¥50.00–¥80.00: 1
	//   ¥80.00–¥150.00: 1
	//   ¥150.00–¥200.00: 1
	//   ¥200.00–¥500.00: 1
	// running: A a1 满99减10
	// negative reviews: 66.67% (2/3)
	// 质量差: 2 reviews
	// 发货慢: 1 reviews
	// 色差: 1 reviews
	// 起球: 1 reviews
}

func ExampleBenchmarkTable_Band() {
	table := kpi.SeedBenchmarks()
	table.Version = "shop-2026.3"
	// Jewellery sells dearer: replace the 客单价 band for that category only.
	table.PerCategory[vcart.CategoryJewellery] = []kpi.Band{{
		Metric: kpi.MetricAOV, Unit: kpi.UnitYuan,
		RedLine: decimal.NewFromInt(300), AverageLow: decimal.NewFromInt(800),
		AverageHigh: decimal.NewFromInt(2000), Excellent: decimal.NewFromInt(5000),
	}}
	if err := table.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	aov := kpi.Average{TotalFen: 2500000, Count: 100} // ¥25,000 over 100 buyers
	for _, c := range []vcart.Category{vcart.CategoryJewellery, vcart.CategoryFood} {
		band, _ := table.Band(c, kpi.MetricAOV)
		fmt.Printf("%s %s: %s\n", c.ChineseName(), aov, band.GradeAverage(aov))
	}
	// Output:
	// 珠宝奢侈品 ¥250.00 (¥25000.00 / 100): red line
	// 食品 ¥250.00 (¥25000.00 / 100): excellent
}

func ExampleLookup() {
	for _, id := range []kpi.MetricID{kpi.MetricClickConversion, kpi.MetricCTR, kpi.MetricGPM} {
		d, _ := kpi.Lookup(id)
		fmt.Printf("%s %s = %s\n", d.ChineseName, d.ID, d.Formula())
	}
	// Output:
	// 点击转化率 click_conversion_uv = paying buyers (成交人数) ÷ product-click people (商品点击人数)
	// 商品点击率 ctr_uv = product-click people (商品点击人数) ÷ product-exposure people (商品曝光人数)
	// 千次观看成交金额 gpm = GMV (成交金额) × 1000 ÷ views (观看次数)
}

func ExampleWeek() {
	w := kpi.Week(time.Date(2026, 3, 8, 23, 59, 0, 0, shanghai)) // a Sunday night
	fmt.Println(w)
	fmt.Println(w.Contains(time.Date(2026, 3, 9, 0, 0, 0, 0, shanghai)))
	// Output:
	// 2026-03-02 – 2026-03-08
	// false
}

func ExampleMemberProgram_WriteTable() {
	if err := kpi.SeedMemberProgram().WriteTable(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Member programme kpi-2026.1
	// tier      from points  points per ¥1
	// bronze              0  1              青铜
	// silver           1000  1.2            白银
	// gold             5000  1.5            黄金
	// diamond         20000  2              钻石
	// coupon  cost  value                 min tier
	// c5       100  ¥5.00 off ¥50.00      bronze 青铜
	// c20      300  ¥20.00 off ¥150.00    silver 白银
	// c60      800  ¥60.00 off ¥300.00    gold 黄金
	// c200    2000  ¥200.00 off ¥800.00   diamond 钻石
}

func ExampleReportFromTotals() {
	week := kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, shanghai))
	// Totals as the compass reports them (T+1, amounts in fen).
	totals := kpi.OrderCounts{
		Submitted: 1200, Paid: 930, // create_cnt, pay_cnt
		OrderingBuyers: 1010, PayingBuyers: 800, // create_uv, pay_uv
		GMVFen: 10432000, RefundFen: 512300, // pay_gmv, pay_refund_gmv
	}
	traffic := kpi.Traffic{ClickUV: 9100, ExposureUV: 120000}
	rep, err := kpi.ReportFromTotals(week, week.End, totals, traffic, kpi.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, id := range []kpi.MetricID{kpi.MetricClickConversion, kpi.MetricPaySuccess, kpi.MetricAOV, kpi.MetricRefundRate} {
		m, _ := rep.Metric(id)
		fmt.Printf("%s %s: %s (%s)\n", m.ChineseName, m.Display, m.Grade, m.Formula)
	}
	// Output:
	// 点击转化率 8.79%: average (paying buyers (成交人数) ÷ product-click people (商品点击人数))
	// 支付成功率 77.50%: above average (paid orders (支付订单数) ÷ submitted orders (提交订单数))
	// 客单价 ¥130.40: average (GMV (成交金额) ÷ paying buyers (成交人数))
	// 成交退款率 4.91%: ungraded (refunded amount of paid orders (退款金额) ÷ GMV (成交金额))
}

// The package in brief: a week's orders and traffic in, exact metrics
// graded against the benchmarks out. A metric whose input is not tracked
// (here add-to-cart) is undefined, never 0%.
func Example() {
	week := kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, vcart.Shanghai()))
	rep, err := kpi.BuildReport(week, week.End, sampleOrders(), kpi.Traffic{VisitorUV: 120, ClickUV: 30}, kpi.Config{})
	if err != nil {
		panic(err)
	}
	fmt.Println(week, "GMV", rep.Orders.GMVFen)
	for _, id := range []kpi.MetricID{kpi.MetricClickConversion, kpi.MetricAOV, kpi.MetricAddToCart} {
		m, _ := rep.Metric(id)
		fmt.Printf("%s %s: %s (%s)\n", m.ChineseName, m.Name, m.Display, m.Grade)
	}
	// Output:
	// 2026-03-02 – 2026-03-08 GMV ¥475.00
	// 点击转化率 click conversion (UV): 10.00% (average)
	// 客单价 average order value (per buyer): ¥158.33 (above average)
	// 加购转化率 add-to-cart conversion (UV): undefined (ungraded)
}
