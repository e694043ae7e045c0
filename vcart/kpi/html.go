package kpi

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// HTMLOptions configures [Report.WriteHTML].
type HTMLOptions struct {
	// Shop names the merchant in the page's heading.
	Shop string
	// Benchmarks is the table the report was graded with, whose bands the
	// charts draw; the zero value means [SeedBenchmarks].
	Benchmarks BenchmarkTable
	// Daily is an optional series for the trend chart, in order: for
	// example each day's GMV from the compass.
	Daily []DailyValue
	// Notes are footnotes (data sources, caveats such as T+1), printed as
	// given.
	Notes []string
}

// DailyValue is one point of the trend chart: a label (e.g. "03-02") and
// an amount in fen.
type DailyValue struct {
	Label string
	Fen   int64
}

// Chart geometry, in SVG user units.
const (
	chartWidth  = 640
	barHeight   = 26
	bandWidth   = 420
	sparkHeight = 80
)

// Grade colours: red line, below average, average, above average,
// excellent; grey for undefined or ungraded.
var gradeColour = map[Grade]string{
	GradeRedLine: "#d93025", GradeBelowAverage: "#f29900", GradeAverage: "#1e8e3e",
	GradeAboveAverage: "#4285f4", GradeExcellent: "#174ea6",
}

func colourOf(g Grade) string {
	if c, ok := gradeColour[g]; ok {
		return c
	}
	return "#9aa0a6"
}

// WriteHTML writes the report as one self-contained HTML page that an
// agency can send to a merchant: inline SVG charts (the funnel, each graded
// metric against its benchmark band, the week-over-week changes and an
// optional daily trend, the shipping promise), no JavaScript, no external
// resources, labels in Chinese and English. The page is deterministic: the
// same report and options give the same bytes. Chart coordinates are
// computed with integers and exact decimals.
func (r *Report) WriteHTML(w io.Writer, opts HTMLOptions) error {
	if r == nil {
		return vcart.NewValidationError([]vcart.FieldError{{Field: "report", Code: "report.required", Msg: "must not be nil"}})
	}
	bench := opts.Benchmarks
	if bench.Version == "" && len(bench.Default) == 0 {
		bench = SeedBenchmarks()
	}
	var b strings.Builder
	e := html.EscapeString
	title := "数据周报 Weekly report"
	if opts.Shop != "" {
		title = opts.Shop + " · " + title
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s %s</title>\n", e(title), e(r.Period.String()))
	b.WriteString(`<style>
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px auto;max-width:720px;color:#202124}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;border-bottom:1px solid #dadce0;padding-bottom:4px;margin-top:28px}
.meta{color:#5f6368;font-size:13px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #dadce0;border-radius:8px;padding:10px 14px;min-width:130px}.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left}
.up{color:#1e8e3e}.down{color:#d93025}.note{color:#5f6368;font-size:12px}svg text{font-size:12px}
</style>
</head>
<body>
`)
	fmt.Fprintf(&b, "<h1>%s</h1>\n", e(title))
	fmt.Fprintf(&b, "<p class=\"meta\">%s · 类目 Category %s %s · 基准 Benchmarks %s · 截至 As of %s</p>\n",
		e(r.Period.String()), e(string(r.Category)), e(r.Category.ChineseName()), e(r.BenchmarkVersion),
		e(r.At.Format(time.DateTime+" MST")))

	o := r.Orders
	b.WriteString("<div class=\"cards\">\n")
	for _, c := range []struct{ zh, en, v string }{
		{"成交金额", "GMV", o.GMVFen.String()},
		{"支付订单", "Paid orders", strconv.FormatInt(o.Paid, 10)},
		{"成交人数", "Paying buyers", strconv.FormatInt(o.PayingBuyers, 10)},
		{"退款金额", "Refunds", o.RefundFen.String()},
	} {
		fmt.Fprintf(&b, "<div class=\"card\">%s %s<b>%s</b></div>\n", e(c.zh), e(c.en), e(c.v))
	}
	b.WriteString("</div>\n")

	r.htmlFunnel(&b)
	r.htmlBands(&b, bench)
	r.htmlTrend(&b, opts.Daily)
	r.htmlService(&b)

	if len(opts.Notes) > 0 {
		b.WriteString("<h2>说明 Notes</h2>\n")
		for _, n := range opts.Notes {
			fmt.Fprintf(&b, "<p class=\"note\">%s</p>\n", e(n))
		}
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// scaleTo returns v × width ÷ top as a whole number of units, clamped to
// [0, width]; top ≤ 0 gives 0.
func scaleTo(v, top int64, width int64) int64 {
	if top <= 0 || v <= 0 {
		return 0
	}
	if v >= top {
		return width
	}
	// Exact even when v × width would overflow int64.
	return decimal.NewFromInt(v).Mul(decimal.NewFromInt(width)).DivRound(decimal.NewFromInt(top), 0).IntPart()
}

// htmlFunnel draws the funnel stages that have data: exposure, clicks,
// ordering buyers, paying buyers, with the conversion between stages.
func (r *Report) htmlFunnel(b *strings.Builder) {
	t, o := r.Traffic, r.Orders
	type stage struct {
		zh, en string
		n      int64
	}
	var stages []stage
	for _, s := range []stage{
		{"访客", "Visitors", t.VisitorUV}, {"商品曝光", "Exposure", t.ExposureUV}, {"商品点击", "Clicks", t.ClickUV},
		{"下单", "Ordering", o.OrderingBuyers}, {"成交", "Paying", o.PayingBuyers},
	} {
		if s.n > 0 || s.en == "Paying" {
			stages = append(stages, s)
		}
	}
	b.WriteString("<h2>转化漏斗 Funnel</h2>\n")
	var top int64
	for _, s := range stages {
		top = max(top, s.n)
	}
	h := len(stages)*(barHeight+18) + 4
	fmt.Fprintf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"funnel\">\n",
		chartWidth, h, chartWidth, h)
	const left, width = 150, 360
	for i, s := range stages {
		y := i*(barHeight+18) + 2
		wd := max(scaleTo(s.n, top, width), 2)
		x := int64(left) + (width-wd)/2
		fmt.Fprintf(b, "<text x=\"0\" y=\"%d\">%s %s</text>\n", y+17, html.EscapeString(s.zh), s.en)
		fmt.Fprintf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4285f4\" opacity=\"%s\"/>\n",
			x, y, wd, barHeight, opacityOf(i))
		label := strconv.FormatInt(s.n, 10)
		if i > 0 {
			label += " (" + ratioDisplay(Ratio{s.n, stages[i-1].n}) + ")"
		}
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\">%s</text>\n", left+width+10, y+17, html.EscapeString(label))
	}
	b.WriteString("</svg>\n")
	b.WriteString("<p class=\"note\">人数 (UV); 括号内为相对上一层的转化率 — conversion from the stage above in brackets.</p>\n")
}

func opacityOf(i int) string { return []string{"1", "0.85", "0.7", "0.6", "0.5"}[i%5] }

// bandValue returns a metric's value in its band's unit (percent, yuan,
// multiple), and false when it is undefined.
func bandValue(m MetricValue) (decimal.Decimal, bool) {
	switch {
	case m.Ratio != nil && m.Unit == UnitMultiple:
		return m.Ratio.Decimal(4, vcart.HalfUp)
	case m.Ratio != nil:
		return m.Ratio.Percent(4, vcart.HalfUp)
	case m.Average != nil:
		if v, ok := m.Average.Money(vcart.HalfUp); ok {
			return v.Amount(), true
		}
	}
	return decimal.Decimal{}, false
}

// xOf maps v on a scale of 0..top to 0..bandWidth units.
func xOf(v, top decimal.Decimal) int64 {
	if !top.IsPositive() || !v.IsPositive() {
		return 0
	}
	if v.GreaterThanOrEqual(top) {
		return bandWidth
	}
	return v.Mul(decimal.NewFromInt(bandWidth)).DivRound(top, 0).IntPart()
}

// htmlBands draws every graded metric against its band: red-line, below,
// average, above and excellent zones, and a marker at the value.
func (r *Report) htmlBands(b *strings.Builder, bench BenchmarkTable) {
	var rows []MetricValue
	for _, m := range r.Metrics {
		if _, ok := bench.Band(r.Category, m.ID); ok {
			rows = append(rows, m)
		}
	}
	if len(rows) == 0 {
		return
	}
	b.WriteString("<h2>指标与基准 Metrics against benchmarks</h2>\n")
	const left, rowH = 200, 44
	h := len(rows)*rowH + 8
	fmt.Fprintf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"benchmarks\">\n",
		chartWidth, h, chartWidth, h)
	for i, m := range rows {
		band, _ := bench.Band(r.Category, m.ID)
		v, defined := bandValue(m)
		top := band.Excellent.Mul(decimal.NewFromInt(5)).DivRound(decimal.NewFromInt(4), 4)
		if defined && v.Mul(decimal.NewFromInt(11)).DivRound(decimal.NewFromInt(10), 4).GreaterThan(top) {
			top = v.Mul(decimal.NewFromInt(11)).DivRound(decimal.NewFromInt(10), 4)
		}
		y := i*rowH + 4
		fmt.Fprintf(b, "<text x=\"0\" y=\"%d\">%s</text>\n", y+12, html.EscapeString(m.ChineseName))
		fmt.Fprintf(b, "<text x=\"0\" y=\"%d\" fill=\"#5f6368\">%s</text>\n", y+28, html.EscapeString(m.Name))
		zones := []struct {
			from, to decimal.Decimal
			g        Grade
		}{
			{decimal.Zero, band.RedLine, GradeRedLine}, {band.RedLine, band.AverageLow, GradeBelowAverage},
			{band.AverageLow, band.AverageHigh, GradeAverage}, {band.AverageHigh, band.Excellent, GradeAboveAverage},
			{band.Excellent, top, GradeExcellent},
		}
		for _, z := range zones {
			x0, x1 := xOf(z.from, top), xOf(z.to, top)
			if x1 <= x0 {
				continue
			}
			fmt.Fprintf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\" opacity=\"0.25\"/>\n",
				left+x0, y+4, x1-x0, colourOf(z.g))
		}
		label := m.Display + " · " + m.Grade.ChineseName() + " " + m.Grade.String()
		if defined {
			x := left + xOf(v, top)
			fmt.Fprintf(b, "<rect x=\"%d\" y=\"%d\" width=\"4\" height=\"22\" fill=\"%s\"/>\n", x-2, y, colourOf(m.Grade))
		} else {
			label = "无数据 undefined"
		}
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", left, y+34, colourOf(m.Grade), html.EscapeString(label))
	}
	b.WriteString("</svg>\n")
	b.WriteString("<p class=\"note\">色带: 红线 / 低于均值 / 行业均值 / 高于均值 / 优秀 — bands: red line, below average, average, above average, excellent.</p>\n")
}

// htmlTrend prints the week-over-week changes and the daily series.
func (r *Report) htmlTrend(b *strings.Builder, daily []DailyValue) {
	if len(r.Changes) == 0 && len(daily) == 0 {
		return
	}
	b.WriteString("<h2>趋势 Trend</h2>\n")
	if len(daily) > 0 {
		var top int64
		for _, d := range daily {
			top = max(top, d.Fen)
		}
		const left, width = 40, 560
		h := sparkHeight + 40
		fmt.Fprintf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"daily GMV\">\n",
			chartWidth, h, chartWidth, h)
		var pts []string
		for i, d := range daily {
			x := int64(left)
			if len(daily) > 1 {
				x += int64(i) * width / int64(len(daily)-1)
			}
			y := 10 + sparkHeight - scaleTo(d.Fen, top, sparkHeight)
			pts = append(pts, strconv.FormatInt(x, 10)+","+strconv.FormatInt(y, 10))
			fmt.Fprintf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#4285f4\"/>\n", x, y)
			fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, sparkHeight+30, html.EscapeString(d.Label))
		}
		fmt.Fprintf(b, "<polyline points=\"%s\" fill=\"none\" stroke=\"#4285f4\" stroke-width=\"2\"/>\n", strings.Join(pts, " "))
		fmt.Fprintf(b, "<text x=\"0\" y=\"12\">%s</text>\n", html.EscapeString(vcart.FromFen(top).Format()))
		b.WriteString("</svg>\n<p class=\"note\">每日成交金额 Daily GMV.</p>\n")
	}
	if len(r.Changes) > 0 {
		b.WriteString("<table>\n<tr><th>指标 Metric</th><th>上周 Previous</th><th>本周 Current</th><th>变化 Change</th></tr>\n")
		for _, c := range r.Changes {
			if c.Previous == c.Current && (c.Current == "undefined" || c.Current == "0") {
				continue // no data either week: nothing to show
			}
			name := string(c.ID)
			if d, ok := Lookup(c.ID); ok {
				name = d.ChineseName + " " + d.Name
			}
			// The arrow shows the direction, the colour whether the grade
			// improved (a falling refund rate can be good news).
			class, arrow := "", ""
			switch {
			case strings.HasPrefix(c.Delta, "+") && strings.ContainsAny(c.Delta, "123456789"):
				arrow = "▲ "
			case strings.HasPrefix(c.Delta, "-") && strings.ContainsAny(c.Delta, "123456789"):
				arrow = "▼ "
			}
			switch {
			case c.Grade > c.PreviousGrade && c.PreviousGrade > GradeUndefined:
				class = "up"
			case c.Grade < c.PreviousGrade && c.Grade > GradeUndefined:
				class = "down"
			}
			fmt.Fprintf(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td class=\"%s\">%s%s</td></tr>\n",
				html.EscapeString(name), html.EscapeString(c.Previous), html.EscapeString(c.Current), class, arrow, html.EscapeString(c.Delta))
		}
		b.WriteString("</table>\n")
	}
}

// htmlService draws the shipping promise: on-time and insured rates.
func (r *Report) htmlService(b *strings.Builder) {
	s := r.Service
	b.WriteString("<h2>发货承诺 Shipping promise</h2>\n")
	fmt.Fprintf(b, "<p>%s 内发货 · ship within %s: %d 按时 on time, %d 超时 late, %d 逾期未发 overdue, %d 待发 pending, %d 发货前取消 cancelled before shipping.</p>\n",
		html.EscapeString(s.ShipWithin), html.EscapeString(s.ShipWithin), s.OnTime, s.Late, s.Overdue, s.Pending, s.Cancelled)
	const left, width = 150, 360
	fmt.Fprintf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"64\" viewBox=\"0 0 %d 64\" role=\"img\" aria-label=\"shipping\">\n", chartWidth, chartWidth)
	for i, row := range []struct {
		zh, en string
		r      Ratio
	}{{"按时发货率", "On-time", s.OnTimeRate}, {"运费险覆盖", "Insured", s.InsuredRate}} {
		y := i*30 + 4
		fmt.Fprintf(b, "<text x=\"0\" y=\"%d\">%s %s</text>\n", y+15, html.EscapeString(row.zh), row.en)
		fmt.Fprintf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"#e8eaed\"/>\n", left, y, width)
		if row.r.Defined() {
			fmt.Fprintf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"#1e8e3e\"/>\n", left, y, scaleTo(row.r.Num, row.r.Den, width))
		}
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\">%s</text>\n", left+width+10, y+15, html.EscapeString(ratioDisplay(row.r)))
	}
	b.WriteString("</svg>\n")
}
