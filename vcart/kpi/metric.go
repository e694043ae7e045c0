package kpi

// MetricID names a metric in a report and in a [BenchmarkTable]. Its
// string value is stable and used in JSON.
type MetricID string

// The metrics of seed §五 基础指标, each with one exact formula. UV
// (人数, distinct people) and PV (次数, counts of events) are never mixed in
// one formula: every rate below is UV ÷ UV or PV ÷ PV, or orders ÷ orders.
const (
	// MetricUV is 访客数: distinct visitors in the period (a count, not a rate).
	MetricUV MetricID = "uv"
	// MetricPV is 浏览量: page views in the period (a count, not a rate).
	MetricPV MetricID = "pv"
	// MetricCTR is the product click-through rate 商品点击率 (UV):
	// product-click people (商品点击人数) ÷ product-exposure people (商品曝光人数).
	MetricCTR MetricID = "ctr_uv"
	// MetricCTRPV is the product click-through rate by counts (PV):
	// product clicks (商品点击次数) ÷ product exposures (商品曝光次数).
	MetricCTRPV MetricID = "ctr_pv"
	// MetricClickConversion is 点击转化率, the metric the seed's benchmark
	// table grades (8–12% average): paying buyers (成交人数) ÷ product-click
	// people (商品点击人数). It is the compass field click_to_pay_uv_ratio.
	MetricClickConversion MetricID = "click_conversion_uv"
	// MetricAddToCart is 加购转化率: add-to-cart people (加购人数) ÷ visitors
	// (访客数). The platform exposes no add-to-cart figure; it comes from the
	// merchant's own tracking, and is undefined when that is absent.
	MetricAddToCart MetricID = "add_to_cart_uv"
	// MetricPaySuccess is 支付成功率 at order level, the seed's definition:
	// paid orders (支付订单数) ÷ submitted orders (提交订单数).
	MetricPaySuccess MetricID = "pay_success_orders"
	// MetricPaySuccessUV is 支付成功率 per buyer: paying buyers (成交人数) ÷
	// buyers who submitted an order (下单人数).
	MetricPaySuccessUV MetricID = "pay_success_buyers"
	// MetricAOV is 客单价 per buyer, the figure the seed grades:
	// GMV (paid amount) ÷ paying buyers (成交人数).
	MetricAOV MetricID = "aov_buyer"
	// MetricAOVOrder is the average order value per order: GMV ÷ paid orders.
	MetricAOVOrder MetricID = "aov_order"
	// MetricGPM is GPM (千次观看成交金额): GMV × 1000 ÷ views (观看次数, PV).
	MetricGPM MetricID = "gpm"
	// MetricGPMUV is GPM(UV): GMV × 1000 ÷ viewers (观看人数), the only form
	// the platform's live data (new_watch_uv) supports; labelled apart.
	MetricGPMUV MetricID = "gpm_uv"
	// MetricUVValue is UV 价值: GMV ÷ visitors (访客数).
	MetricUVValue MetricID = "uv_value"
	// MetricConversion is the overall conversion 转化率: paying buyers ÷ visitors.
	MetricConversion MetricID = "conversion_uv"
	// MetricRefundRate is 成交退款率 by amount: refunded amount of the
	// period's paid orders ÷ their GMV (the compass's pay_refund_gmv ÷ pay_gmv).
	MetricRefundRate MetricID = "refund_rate_amount"
	// MetricRefundOrders is the refund rate by orders: paid orders with a
	// refund ÷ paid orders.
	MetricRefundOrders MetricID = "refund_rate_orders"
	// MetricROI is the ad return 投放ROI for §七 精准投放: GMV ÷ ad spend
	// (投放消耗), a multiple. Break-even ROI is about 1 ÷ gross margin.
	MetricROI MetricID = "roi"
)

// Unit is what a metric's value measures.
type Unit int

// Units of metric values.
const (
	// UnitCount is a plain count (UV, PV).
	UnitCount Unit = iota + 1
	// UnitPercent is a [Ratio] shown in per cent.
	UnitPercent
	// UnitYuan is an [Average] in yuan (元).
	UnitYuan
	// UnitMultiple is a [Ratio] shown as a multiple, e.g. an ROI of 3.25×.
	UnitMultiple
)

// String returns "count", "percent", "yuan" or "multiple".
func (u Unit) String() string {
	switch u {
	case UnitCount:
		return "count"
	case UnitPercent:
		return "percent"
	case UnitYuan:
		return "yuan"
	case UnitMultiple:
		return "multiple"
	}
	return "Unit(?)"
}

// MarshalText encodes the unit by name.
func (u Unit) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// Definition documents one metric: its names, unit and the exact formula
// with the numerator and denominator named.
type Definition struct {
	ID          MetricID
	Name        string // English name
	ChineseName string // the platform's or the seed's term
	Unit        Unit
	Numerator   string // e.g. "paid orders (支付订单数)"
	Denominator string // e.g. "submitted orders (提交订单数)"; empty for counts
}

// Formula returns "numerator ÷ denominator", or the numerator alone for a count.
func (d Definition) Formula() string {
	if d.Denominator == "" {
		return d.Numerator
	}
	return d.Numerator + " ÷ " + d.Denominator
}

// Definitions returns every metric's definition in report order, as a fresh
// slice.
func Definitions() []Definition {
	return []Definition{
		{MetricUV, "visitors (UV)", "访客数", UnitCount, "distinct visitors (访客数)", ""},
		{MetricPV, "page views (PV)", "浏览量", UnitCount, "page views (浏览量)", ""},
		{MetricCTR, "click-through rate (UV)", "商品点击率", UnitPercent, "product-click people (商品点击人数)", "product-exposure people (商品曝光人数)"},
		{MetricCTRPV, "click-through rate (PV)", "商品点击率(次数)", UnitPercent, "product clicks (商品点击次数)", "product exposures (商品曝光次数)"},
		{MetricClickConversion, "click conversion (UV)", "点击转化率", UnitPercent, "paying buyers (成交人数)", "product-click people (商品点击人数)"},
		{MetricAddToCart, "add-to-cart conversion (UV)", "加购转化率", UnitPercent, "add-to-cart people (加购人数)", "visitors (访客数)"},
		{MetricPaySuccess, "payment success rate (orders)", "支付成功率", UnitPercent, "paid orders (支付订单数)", "submitted orders (提交订单数)"},
		{MetricPaySuccessUV, "payment success rate (buyers)", "支付成功率(人数)", UnitPercent, "paying buyers (成交人数)", "ordering buyers (下单人数)"},
		{MetricAOV, "average order value (per buyer)", "客单价", UnitYuan, "GMV (成交金额)", "paying buyers (成交人数)"},
		{MetricAOVOrder, "average order value (per order)", "笔单价", UnitYuan, "GMV (成交金额)", "paid orders (支付订单数)"},
		{MetricGPM, "GPM (per 1000 views)", "千次观看成交金额", UnitYuan, "GMV (成交金额) × 1000", "views (观看次数)"},
		{MetricGPMUV, "GPM(UV) (per 1000 viewers)", "千人观看成交金额", UnitYuan, "GMV (成交金额) × 1000", "viewers (观看人数)"},
		{MetricUVValue, "UV value", "UV价值", UnitYuan, "GMV (成交金额)", "visitors (访客数)"},
		{MetricConversion, "conversion (UV)", "转化率", UnitPercent, "paying buyers (成交人数)", "visitors (访客数)"},
		{MetricRefundRate, "refund rate (amount)", "成交退款率", UnitPercent, "refunded amount of paid orders (退款金额)", "GMV (成交金额)"},
		{MetricRefundOrders, "refund rate (orders)", "退款订单率", UnitPercent, "paid orders with a refund (退款订单数)", "paid orders (支付订单数)"},
		{MetricROI, "ad ROI", "投放ROI", UnitMultiple, "GMV (成交金额)", "ad spend (投放消耗)"},
	}
}

// Lookup returns the definition of id, and false for an unknown id.
func Lookup(id MetricID) (Definition, bool) {
	for _, d := range Definitions() {
		if d.ID == id {
			return d, true
		}
	}
	return Definition{}, false
}
