// Package kpi implements seed §五 数据监控体系 (data monitoring) and §七
// 运营优化策略 (operations) for shops on the WeChat Channels store
// (视频号小店, now 微信小店): funnel metrics with exact formulas graded
// against the seed's benchmark table (核心数据基准值), a weekly report in
// text and JSON, the audience cross-analysis (用户画像), competitor
// monitoring (竞品监控), and the operations heuristics: the 3 : 5 : 2
// assortment mix, the "边看边买" exposure cadence, the 48-hour shipping
// promise with freight insurance, the weekly content plan (3 seeding videos
// and 1 themed live stream), ad ROI, and member tiers with points and
// coupons.
//
// # Weekly report
//
// [Aggregator] (or [BuildReport]) turns a period's orders and traffic into a
// [Report]: order totals, every metric of [Definitions] with its grade, and
// the service promise; [ReportFromTotals] builds the same report from the
// compass's period totals when no orders are at hand. A caller attaches the other analyses as optional
// sections ([CheckMix], [CheckCadence], [CheckContent], [CrossAnalyze],
// [MonitorCompetitors]) and the change from the previous week
// ([Report.Compare]), then renders it with [Report.WriteText] for people or
// [Report.WriteJSON] for programs. [Week] gives the Monday-to-Monday
// period.
//
// The package is pure. It never reads the clock, the network, files or the
// environment, and it does not import the HTTP client: callers fill plain
// records ([Order], [Traffic], [AudienceRecord], [CompetitorProduct]) from
// the shop API's orders or the compass (电商罗盘) data, and pass the instant
// a report is "as of". The shop API client maps its orders and their
// after-sales to [Order] in one call (vcart/shopapi's KPIOrder and
// Client.KPIOrdersCreated), so the mapping is the SDK's, not the caller's.
//
// # Formulas
//
// Every metric names its numerator and denominator ([Definitions]); UV
// (distinct people, 人数) and PV (events, 次数) are never mixed in one rate.
// Rates are [Ratio] values that keep both counts; money per unit is an
// [Average] in fen. A zero denominator makes the value undefined (Defined
// reports false, JSON shows null, text shows "undefined"); it is never 0 or
// NaN. Nothing is float64: values are computed with exact decimal
// quotient-and-remainder division and rounded with an explicit
// [vcart.RoundingMode] (half-up by default) only for display.
//
// Two metrics are called "click rate" in practice, so both are defined:
//
//   - [MetricCTR], 商品点击率: product-click people ÷ product-exposure people
//     (and [MetricCTRPV], clicks ÷ exposures, by counts);
//   - [MetricClickConversion], 点击转化率: paying buyers ÷ product-click
//     people (the compass's click_to_pay_uv_ratio).
//
// The seed's table names 点击转化率 with an 8–12% average, which fits the
// click-to-pay conversion, so [SeedBenchmarks] grades MetricClickConversion;
// a caller who means CTR adds a band for MetricCTR instead. 支付成功率 is
// graded at order level (paid orders ÷ submitted orders, the seed's wording)
// and also reported per buyer; 客单价 is graded per buyer (GMV ÷ paying
// buyers) and also reported per order. GPM is GMV × 1000 ÷ views (PV);
// GPM(UV) over viewers is reported apart.
//
// # Grades
//
// A [Band] grades an exact value into five grades. The red line and the
// excellent threshold are strict ("below 5%", "above 15%"); the average
// band is inclusive at both ends. The gaps get their own grades: 5% ≤ v < 8%
// is below average, 12% < v ≤ 15% is above average (likewise 50–65% and
// 75–80% for payment success, ¥50–80 and ¥150–200 for 客单价). A
// [BenchmarkTable] is versioned, has an effective date, and can override
// any band per [vcart.Category].
//
// # Seed versus the live platform
//
//   - Benchmarks: the platform publishes no absolute benchmark ranges; the
//     live dashboard returns peer percentiles instead. The seed's bands are
//     defaults only; replace them per category.
//   - Add-to-cart: no compass API reports 加购, so [MetricAddToCart] needs the
//     merchant's own tracking and is undefined without it.
//   - The compass is T+1, and its pay_gmv_per_uv (成交客单价) is net of
//     refunds, while [MetricAOV] here is gross GMV ÷ paying buyers.
//   - 3 : 5 : 2 has no platform source, and low-price lures (低价引流, "1 元")
//     are 不正当营销 on 视频号, so [CheckMix] flags traffic products below a
//     price floor (¥9.90 by default).
//   - "Every 2 minutes" is not a platform rule; giveaway rounds ("扣1送")
//     are themselves violations.
//   - 48 h is the platform's default shipping deadline for ordinary goods;
//     运费险 is the per-order extra_service.freight_insurance flag.
//   - 微信小店 membership has up to ten VIP levels driven by growth points;
//     the seed's four named tiers are a labelling, and [MemberProgram] takes
//     any number of levels. The seed gives no point or coupon figures; the
//     defaults in [SeedMemberProgram] are the SDK's.
//
// # Errors
//
// Bad input is reported as a [*vcart.ValidationError] listing every
// problem with its field and a stable code (errors.Is(err, vcart.ErrInvalid)
// holds), and nothing is half-applied: [Aggregator.Add] either counts an
// order or leaves the aggregator untouched. Sums that would overflow int64
// fail with [ErrOverflow], and an Aggregator not made by [NewAggregator]
// with [ErrZeroAggregator]. Member redemptions fail with [ErrUnknownCoupon],
// [ErrTierTooLow] or [ErrInsufficientPoints]. Business verdicts (a red-line
// grade, an off-target mix, a cadence gap) are values, not errors.
//
// # Performance
//
// [Aggregator] computes a report in one pass and allocates nothing per
// order beyond the amortised growth of its distinct-buyer set; see
// BenchmarkAggregator_1MOrders. It does not remember order IDs, so an order
// added twice counts twice; [Config.DedupOrders] opts in to a set of IDs
// that skips repeats (for overlapping pages), at the cost of that set.
//
// # Concurrency
//
// Functions are safe for concurrent use; tables are values and are copied
// on use. An [Aggregator] is not safe for concurrent use.
package kpi
