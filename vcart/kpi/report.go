package kpi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// ErrOverflow reports a sum that no longer fits in an int64 (of fen or of
// orders). The order that would overflow is not applied.
var ErrOverflow = errors.New("kpi: sum overflows int64")

// ErrZeroAggregator reports an [Aggregator] that was not made by
// [NewAggregator].
var ErrZeroAggregator = errors.New("kpi: aggregator not created with NewAggregator")

// DefaultShipWithin is the seed's service promise (承诺48小时发货), which is
// also the platform's default shipping deadline for ordinary goods.
const DefaultShipWithin = 48 * time.Hour

// Config configures a report. The zero value works: the seed's benchmarks,
// category [vcart.CategoryGeneral], a 48-hour shipping promise and half-up
// rounding for display.
type Config struct {
	// Category picks the benchmark bands; empty means CategoryGeneral.
	Category vcart.Category
	// Benchmarks grades the metrics. A table with no version and no bands
	// (the zero value) means [SeedBenchmarks].
	Benchmarks BenchmarkTable
	// ShipWithin is the shipping promise measured from payment; zero means
	// [DefaultShipWithin]. Shipping exactly at the deadline is on time.
	ShipWithin time.Duration
	// Rounding rounds displayed values (text and JSON); grades compare
	// exact values. The zero value is half-up.
	Rounding vcart.RoundingMode
	// BuyerHint pre-sizes the distinct-buyer set, up to 100,000,000; zero
	// is fine.
	BuyerHint int
	// DedupOrders makes [Aggregator.Add] count each order ID once: an order
	// whose non-empty ID was already added (accepted, in the period or
	// not) is counted in [OrderCounts.Duplicates] and otherwise ignored, so
	// overlapping pages of an order listing do not double-count. It costs
	// a set of order IDs; off (the default), every Add counts and the
	// caller must not feed an order twice. Orders with an empty ID are
	// never de-duplicated.
	DedupOrders bool
}

// maxBuyerHint caps Config.BuyerHint so a typo cannot reserve gigabytes.
const maxBuyerHint = 100_000_000

func (c Config) withDefaults(periodEnd time.Time) (Config, error) {
	if c.Category == "" {
		c.Category = vcart.CategoryGeneral
	}
	if c.Benchmarks.Version == "" && len(c.Benchmarks.Default) == 0 && len(c.Benchmarks.PerCategory) == 0 {
		c.Benchmarks = SeedBenchmarks()
	} else {
		c.Benchmarks = c.Benchmarks.Clone()
	}
	var p []vcart.FieldError
	if err := c.Benchmarks.Validate(); err != nil {
		var ve *vcart.ValidationError
		if errors.As(err, &ve) {
			for _, fe := range ve.Problems {
				fe.Field = "config.benchmarks." + fe.Field
				p = append(p, fe)
			}
		}
	}
	if !c.Benchmarks.EffectiveFrom.IsZero() && !periodEnd.IsZero() && !c.Benchmarks.EffectiveFrom.Before(periodEnd) {
		p = append(p, vcart.FieldError{Field: "config.benchmarks.effective_from", Code: "config.benchmarks.not_effective",
			Msg: "the benchmark table takes effect after the period ends"})
	}
	if c.ShipWithin == 0 {
		c.ShipWithin = DefaultShipWithin
	}
	if c.ShipWithin < 0 {
		p = append(p, vcart.FieldError{Field: "config.ship_within", Code: "config.ship_within.negative", Msg: "negative shipping promise"})
	}
	if !c.Rounding.Valid() {
		p = append(p, vcart.FieldError{Field: "config.rounding", Code: "config.rounding.unknown", Msg: "unknown rounding mode"})
	}
	if c.BuyerHint < 0 || c.BuyerHint > maxBuyerHint {
		p = append(p, vcart.FieldError{Field: "config.buyer_hint", Code: "config.buyer_hint.range", Msg: fmt.Sprintf("buyer hint must be 0 to %d", maxBuyerHint)})
	}
	return c, vcart.NewValidationError(p)
}

// buyer flags in the distinct-buyer set.
const (
	buyerOrdered uint8 = 1 << iota
	buyerPaid
)

// Aggregator computes a [Report] in a single pass over orders: feed every
// order with [Aggregator.Add], then call [Aggregator.Report]. It keeps
// counters and a set of distinct buyers, and allocates nothing per order
// beyond the set's amortised growth.
//
// By default it does not remember order IDs: an order added twice (as from
// overlapping pages of an order listing) is counted twice. Feed each order
// once, or set [Config.DedupOrders] to have it skip repeated IDs.
//
// An Aggregator is not safe for concurrent use; use one per goroutine and
// one per report.
type Aggregator struct {
	period Period
	at     time.Time
	cfg    Config

	c      OrderCounts
	svc    ServiceReport
	buyers map[string]uint8
	seen   map[vcart.OrderID]struct{} // order IDs added, with Config.DedupOrders
}

// NewAggregator starts a report for period as of the instant at (which
// decides whether an unshipped order is already past its shipping
// deadline). It fails with a [*vcart.ValidationError] for an empty period,
// a zero at, or a bad config.
func NewAggregator(period Period, at time.Time, cfg Config) (*Aggregator, error) {
	cfg, err := cfg.withDefaults(period.End)
	p := problemsOf(err, period.validate())
	if at.IsZero() {
		p = append(p, vcart.FieldError{Field: "at", Code: "at.missing", Msg: "the report needs an as-of instant"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, err
	}
	a := &Aggregator{
		period: period,
		at:     at,
		cfg:    cfg,
		buyers: make(map[string]uint8, cfg.BuyerHint),
		svc:    ServiceReport{ShipWithin: cfg.ShipWithin},
	}
	if cfg.DedupOrders {
		a.seen = make(map[vcart.OrderID]struct{}, cfg.BuyerHint)
	}
	return a, nil
}

// Add counts one order. An order submitted outside the period is counted
// as skipped and otherwise ignored. An invalid order is rejected with a
// [*vcart.ValidationError] naming every problem, and an order whose amounts
// would overflow with [ErrOverflow]; in both cases nothing is applied.
//
// Add does not de-duplicate unless [Config.DedupOrders] is set: adding the
// same order twice counts it twice. With DedupOrders, a repeated non-empty
// ID is counted in [OrderCounts.Duplicates] and otherwise ignored (the
// first copy wins).
func (a *Aggregator) Add(o *Order) error {
	if a == nil || a.buyers == nil {
		return ErrZeroAggregator
	}
	if o == nil {
		return vcart.NewValidationError([]vcart.FieldError{{Field: "order", Code: "order.missing", Msg: "nil order"}})
	}
	if err := o.validate(); err != nil {
		return err
	}
	dedup := a.seen != nil && o.ID != ""
	if dedup {
		if _, dup := a.seen[o.ID]; dup {
			a.c.Duplicates++
			return nil
		}
	}
	if !a.period.Contains(o.CreatedAt) {
		if dedup {
			a.seen[o.ID] = struct{}{}
		}
		a.c.Skipped++
		return nil
	}
	paid := o.Paid()
	if paid {
		if a.c.GMVFen > math.MaxInt64-o.AmountFen || a.c.RefundFen > math.MaxInt64-o.RefundFen {
			return fmt.Errorf("%w: order %q", ErrOverflow, truncate(string(o.ID), 40))
		}
	}
	if dedup {
		a.seen[o.ID] = struct{}{}
	}
	a.c.Submitted++
	flags := buyerOrdered
	if paid {
		flags |= buyerPaid
		a.c.Paid++
		a.c.GMVFen += o.AmountFen
		a.c.RefundFen += o.RefundFen
		if o.RefundFen > 0 {
			a.c.Refunded++
		}
		a.svc.add(o, a.at)
	}
	a.buyers[o.BuyerID] |= flags // one map operation per order
	return nil
}

// OrderCounts are the order-side totals of a report.
type OrderCounts struct {
	Submitted      int64     `json:"submitted"`       // 提交订单数
	Paid           int64     `json:"paid"`            // 支付订单数
	Refunded       int64     `json:"refunded"`        // paid orders with any refund
	OrderingBuyers int64     `json:"ordering_buyers"` // 下单人数 (distinct)
	PayingBuyers   int64     `json:"paying_buyers"`   // 成交人数 (distinct)
	GMVFen         vcart.Fen `json:"gmv_fen"`         // 成交金额 in fen: sum of paid amounts
	RefundFen      vcart.Fen `json:"refund_fen"`      // refunded amount of the paid orders, in fen
	Skipped        int64     `json:"skipped"`         // orders submitted outside the period
	// Duplicates counts orders ignored as repeats of an ID already added,
	// with [Config.DedupOrders]; always zero without it.
	Duplicates int64 `json:"duplicates,omitempty"`
}

// ServiceReport measures the service promise (承诺48小时发货 + 运费险) over
// the period's paid orders.
type ServiceReport struct {
	ShipWithin time.Duration `json:"-"`
	// OnTime counts orders shipped within ShipWithin of payment (inclusive).
	OnTime int64 `json:"on_time"`
	// Late counts orders shipped after the deadline.
	Late int64 `json:"late"`
	// Overdue counts unshipped orders already past the deadline at the
	// report's instant.
	Overdue int64 `json:"overdue"`
	// Pending counts unshipped orders still within the deadline.
	Pending int64 `json:"pending"`
	// Cancelled counts unshipped orders refunded in full (RefundFen equal
	// to a non-zero AmountFen): cancelled before shipping, they are never
	// due and are left out of the on-time rate.
	Cancelled int64 `json:"cancelled"`
	// Insured counts paid orders with freight insurance (运费险).
	Insured int64 `json:"insured"`
	// Paid counts the paid orders measured.
	Paid int64 `json:"paid"`
}

func (s *ServiceReport) add(o *Order, at time.Time) {
	s.Paid++
	if o.FreightInsurance {
		s.Insured++
	}
	deadline := o.PaidAt.Add(s.ShipWithin)
	switch {
	case !o.ShippedAt.IsZero() && !o.ShippedAt.After(deadline):
		s.OnTime++
	case !o.ShippedAt.IsZero():
		s.Late++
	case o.AmountFen > 0 && o.RefundFen >= o.AmountFen:
		s.Cancelled++
	case at.After(deadline):
		s.Overdue++
	default:
		s.Pending++
	}
}

// OnTimeRate is orders shipped on time ÷ orders that are due (shipped, or
// unshipped and past the deadline); pending orders are not yet due and
// cancelled ones (refunded in full before shipping) never are.
func (s ServiceReport) OnTimeRate() Ratio {
	return Ratio{Num: s.OnTime, Den: s.OnTime + s.Late + s.Overdue}
}

// InsuredRate is orders with freight insurance ÷ paid orders.
func (s ServiceReport) InsuredRate() Ratio { return Ratio{Num: s.Insured, Den: s.Paid} }

// MetricValue is one metric in a report: its definition, its value (a
// count, a [Ratio] or an [Average]) and its grade.
type MetricValue struct {
	ID          MetricID `json:"id"`
	Name        string   `json:"name"`
	ChineseName string   `json:"chinese_name"`
	Unit        Unit     `json:"unit"`
	Formula     string   `json:"formula"`
	Count       *int64   `json:"count,omitempty"`
	Ratio       *Ratio   `json:"ratio,omitempty"`
	Average     *Average `json:"average,omitempty"`
	// Display is the value rounded for people, e.g. "12.50%" or "¥86.40",
	// or "undefined" for a zero denominator.
	Display string `json:"display"`
	Grade   Grade  `json:"grade"`
	// Benchmark describes the band graded against, e.g.
	// "average 8–12%, excellent >15%, red line <5%"; empty when ungraded.
	Benchmark string `json:"benchmark,omitempty"`
}

// Defined reports whether the metric has a value.
func (m MetricValue) Defined() bool {
	switch {
	case m.Ratio != nil:
		return m.Ratio.Defined()
	case m.Average != nil:
		return m.Average.Defined()
	}
	return m.Count != nil
}

// Report is a period's data-monitoring report (数据监控周报): order totals,
// every metric of [Definitions] graded against the benchmark table, and
// the service promise. It marshals to JSON with amounts as integer fen or
// yuan strings, never floats; [Report.WriteText] renders it for people.
type Report struct {
	Period             Period         `json:"period"`
	At                 time.Time      `json:"at"`
	Category           vcart.Category `json:"category"`
	BenchmarkVersion   string         `json:"benchmark_version"`
	BenchmarkEffective time.Time      `json:"benchmark_effective_from"`
	Orders             OrderCounts    `json:"orders"`
	Traffic            Traffic        `json:"traffic,omitzero"`
	Metrics            []MetricValue  `json:"metrics"`
	Service            ServiceSummary `json:"service"`

	// Optional sections a caller attaches after computing them, so the
	// weekly report carries §五's audience and competitor analysis and
	// §七's operations checks; nil sections are left out of text and JSON.
	Mix         *MixReport        `json:"mix,omitempty"`
	Cadence     []CadenceEntry    `json:"cadence,omitempty"`
	Audience    *AudienceReport   `json:"audience,omitempty"`
	Competitors *CompetitorReport `json:"competitors,omitempty"`
	Content     *ContentReport    `json:"content,omitempty"`
	// Changes holds the metrics' changes from the previous period (环比),
	// from [Report.Compare].
	Changes []MetricChange `json:"changes,omitempty"`
}

// CadenceEntry names the video or live stream a [CadenceReport] is about.
type CadenceEntry struct {
	Content string         `json:"content"` // e.g. "live 2026-03-05 20:00"
	Report  *CadenceReport `json:"report"`
}

// ServiceSummary is the JSON and text form of a [ServiceReport].
type ServiceSummary struct {
	// ShipWithinHours is the promise in whole hours (truncated); see
	// ShipWithin for the exact promise.
	ShipWithinHours int64 `json:"ship_within_hours"`
	// ShipWithin is the promise for display: "48h", "1h30m", "45m".
	ShipWithin string `json:"ship_within"`
	ServiceReport
	OnTimeRate  Ratio `json:"on_time_rate"`
	InsuredRate Ratio `json:"insured_rate"`
}

// Metric returns the metric with id, and false if the report lacks it.
func (r *Report) Metric(id MetricID) (MetricValue, bool) {
	for _, m := range r.Metrics {
		if m.ID == id {
			return m, true
		}
	}
	return MetricValue{}, false
}

// Report computes the report from the orders added so far and the period's
// traffic. It can be called more than once; it does not reset the
// aggregator. Negative traffic counts are rejected with a
// [*vcart.ValidationError].
func (a *Aggregator) Report(t Traffic) (*Report, error) {
	if a == nil || a.buyers == nil {
		return nil, ErrZeroAggregator
	}
	if err := t.validate(); err != nil {
		return nil, err
	}
	c := a.c
	c.OrderingBuyers, c.PayingBuyers = 0, 0
	for _, f := range a.buyers {
		c.OrderingBuyers++
		if f&buyerPaid != 0 {
			c.PayingBuyers++
		}
	}
	return buildReport(a.period, a.at, a.cfg, c, a.svc, t), nil
}

// ReportFromTotals builds the report from period totals instead of orders,
// for a caller that has only the compass's aggregates (电商罗盘, T+1): for
// example Submitted = create_cnt, Paid = pay_cnt, OrderingBuyers =
// create_uv, PayingBuyers = pay_uv, GMVFen = pay_gmv, RefundFen =
// pay_refund_gmv. Without order-level shipping data the service section is
// empty (its rates undefined). Inconsistent totals (negative counts, more
// paid than submitted orders, more paying buyers than paid orders or than
// ordering buyers, more refunded orders than paid ones) are reported at
// once as a [*vcart.ValidationError].
func ReportFromTotals(period Period, at time.Time, totals OrderCounts, t Traffic, cfg Config) (*Report, error) {
	cfg, err := cfg.withDefaults(period.End)
	p := problemsOf(err, period.validate(), t.validate())
	if at.IsZero() {
		p = append(p, vcart.FieldError{Field: "at", Code: "at.missing", Msg: "the report needs an as-of instant"})
	}
	c := totals
	for _, f := range []struct {
		name string
		v    int64
	}{
		{"submitted", c.Submitted}, {"paid", c.Paid}, {"refunded", c.Refunded},
		{"ordering_buyers", c.OrderingBuyers}, {"paying_buyers", c.PayingBuyers},
		{"gmv_fen", int64(c.GMVFen)}, {"refund_fen", int64(c.RefundFen)}, {"skipped", c.Skipped}, {"duplicates", c.Duplicates},
	} {
		if f.v < 0 {
			p = append(p, vcart.FieldError{Field: "totals." + f.name, Code: "totals.negative", Msg: fmt.Sprintf("negative %s", f.name)})
		}
	}
	check := func(ok bool, field, msg string) {
		if !ok {
			p = append(p, vcart.FieldError{Field: "totals." + field, Code: "totals.inconsistent", Msg: msg})
		}
	}
	check(c.Paid <= c.Submitted, "paid", "more paid than submitted orders")
	check(c.Refunded <= c.Paid, "refunded", "more refunded than paid orders")
	check(c.PayingBuyers <= c.OrderingBuyers, "paying_buyers", "more paying than ordering buyers")
	check(c.PayingBuyers <= c.Paid, "paying_buyers", "more paying buyers than paid orders")
	check(c.OrderingBuyers <= c.Submitted, "ordering_buyers", "more ordering buyers than submitted orders")
	if err := vcart.NewValidationError(p); err != nil {
		return nil, err
	}
	return buildReport(period, at, cfg, c, ServiceReport{ShipWithin: cfg.ShipWithin}, t), nil
}

// buildReport computes every metric from validated totals.
func buildReport(period Period, at time.Time, cfg Config, c OrderCounts, svc ServiceReport, t Traffic) *Report {
	r := &Report{
		Period:             period,
		At:                 at,
		Category:           cfg.Category,
		BenchmarkVersion:   cfg.Benchmarks.Version,
		BenchmarkEffective: cfg.Benchmarks.EffectiveFrom,
		Orders:             c,
		Traffic:            t,
		Service: ServiceSummary{
			ShipWithinHours: int64(svc.ShipWithin / time.Hour),
			ShipWithin:      formatPromise(svc.ShipWithin),
			ServiceReport:   svc,
			OnTimeRate:      svc.OnTimeRate(),
			InsuredRate:     svc.InsuredRate(),
		},
	}
	values := map[MetricID]any{
		MetricUV:              t.VisitorUV,
		MetricPV:              t.PageViews,
		MetricCTR:             Ratio{t.ClickUV, t.ExposureUV},
		MetricCTRPV:           Ratio{t.ClickPV, t.ExposurePV},
		MetricClickConversion: Ratio{c.PayingBuyers, t.ClickUV},
		MetricAddToCart:       Ratio{t.addToCart(), t.VisitorUV},
		MetricPaySuccess:      Ratio{c.Paid, c.Submitted},
		MetricPaySuccessUV:    Ratio{c.PayingBuyers, c.OrderingBuyers},
		MetricAOV:             Average{TotalFen: c.GMVFen, Count: c.PayingBuyers},
		MetricAOVOrder:        Average{TotalFen: c.GMVFen, Count: c.Paid},
		MetricGPM:             Average{TotalFen: c.GMVFen, Count: t.ViewPV, Scale: 1000},
		MetricGPMUV:           Average{TotalFen: c.GMVFen, Count: t.ViewUV, Scale: 1000},
		MetricUVValue:         Average{TotalFen: c.GMVFen, Count: t.VisitorUV},
		MetricConversion:      Ratio{c.PayingBuyers, t.VisitorUV},
		MetricRefundRate:      Ratio{int64(c.RefundFen), int64(c.GMVFen)},
		MetricRefundOrders:    Ratio{c.Refunded, c.Paid},
		MetricROI:             Ratio{int64(c.GMVFen), int64(t.AdSpendFen)},
	}
	if t.AddToCartUV == nil {
		values[MetricAddToCart] = notTracked{}
	}
	for _, d := range Definitions() {
		mv := MetricValue{ID: d.ID, Name: d.Name, ChineseName: d.ChineseName, Unit: d.Unit, Formula: d.Formula()}
		band, hasBand := cfg.Benchmarks.Band(cfg.Category, d.ID)
		switch v := values[d.ID].(type) {
		case notTracked:
			// Undefined without its input: no value, no fraction, never 0%.
			mv.Display = "undefined"
			if hasBand {
				mv.Grade = GradeUndefined
			}
		case int64:
			mv.Count = &v
			mv.Display = fmt.Sprint(v)
		case Ratio:
			mv.Ratio = &v
			mv.Display = "undefined"
			if d.Unit == UnitMultiple {
				if m, ok := v.Decimal(2, cfg.Rounding); ok {
					mv.Display = m.StringFixed(2) + "×"
				}
			} else if p, ok := v.Percent(2, cfg.Rounding); ok {
				mv.Display = p.StringFixed(2) + "%"
			}
			if hasBand {
				mv.Grade = band.GradeRatio(v)
			}
		case Average:
			mv.Average = &v
			mv.Display = "undefined"
			if m, ok := v.Money(cfg.Rounding); ok {
				mv.Display = m.Format()
			}
			if hasBand {
				mv.Grade = band.GradeAverage(v)
			}
		}
		if hasBand {
			mv.Benchmark = describeBand(band)
		}
		r.Metrics = append(r.Metrics, mv)
	}
	return r
}

// notTracked marks a metric whose input the caller does not track.
type notTracked struct{}

// describeBand renders a band as "average 8–12%, excellent >15%, red line <5%".
func describeBand(b Band) string {
	pre, suf := "", "%"
	switch b.Unit {
	case UnitYuan:
		pre, suf = "¥", ""
	case UnitMultiple:
		suf = "×"
	}
	return fmt.Sprintf("average %s%s–%s%s, excellent >%s%s%s, red line <%s%s%s",
		pre, plain(b.AverageLow), plain(b.AverageHigh), suf,
		pre, plain(b.Excellent), suf, pre, plain(b.RedLine), suf)
}

// plain formats d without trailing zeros and without reading decimal's
// package globals: 8 → "8", 7.50 → "7.5".
func plain(d decimal.Decimal) string {
	places := max(-d.Exponent(), 0)
	s := d.StringFixed(places)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// BuildReport is the one-call form of [NewAggregator], [Aggregator.Add] for
// each order and [Aggregator.Report]. It stops at the first invalid order
// and returns its error, wrapped with the order's index.
func BuildReport(period Period, at time.Time, orders []Order, t Traffic, cfg Config) (*Report, error) {
	a, err := NewAggregator(period, at, cfg)
	if err != nil {
		return nil, err
	}
	for i := range orders {
		if err := a.Add(&orders[i]); err != nil {
			return nil, fmt.Errorf("kpi: orders[%d]: %w", i, err)
		}
	}
	return a.Report(t)
}

// WriteText writes the report for people: one line per metric with its
// value, its fraction and its grade, then the service promise.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "数据周报 Weekly report %s (category %s %s, benchmarks %s)\n",
		r.Period, r.Category, r.Category.ChineseName(), r.BenchmarkVersion)
	o := r.Orders
	fmt.Fprintf(&b, "Orders: %d submitted, %d paid, %d refunded; buyers %d ordering, %d paying; GMV %s, refunds %s\n",
		o.Submitted, o.Paid, o.Refunded, o.OrderingBuyers, o.PayingBuyers,
		o.GMVFen.String(), o.RefundFen.String())
	if o.Skipped > 0 {
		fmt.Fprintf(&b, "Skipped %d orders submitted outside the period\n", o.Skipped)
	}
	if o.Duplicates > 0 {
		fmt.Fprintf(&b, "Ignored %d repeated orders (same order ID)\n", o.Duplicates)
	}
	for _, m := range r.Metrics {
		fmt.Fprintf(&b, "  %s %s: %s", m.ChineseName, m.Name, m.Display)
		switch {
		case (m.ID == MetricRefundRate || m.ID == MetricROI) && m.Ratio != nil:
			fmt.Fprintf(&b, " (%s/%s)", vcart.Fen(m.Ratio.Num).String(), vcart.Fen(m.Ratio.Den).String())
		case m.Ratio != nil:
			fmt.Fprintf(&b, " (%d/%d)", m.Ratio.Num, m.Ratio.Den)
		case m.Average != nil:
			fmt.Fprintf(&b, " (%s)", averageFraction(*m.Average))
		}
		if m.Grade != GradeNone {
			fmt.Fprintf(&b, " — %s %s (%s)", m.Grade, m.Grade.ChineseName(), m.Benchmark)
		}
		for _, c := range r.Changes {
			if c.ID != m.ID {
				continue
			}
			fmt.Fprintf(&b, "; 环比 %s", c.Delta)
			if c.Grade != c.PreviousGrade && c.Grade > GradeUndefined && c.PreviousGrade > GradeUndefined {
				fmt.Fprintf(&b, " (was %s)", c.PreviousGrade)
			}
		}
		b.WriteString("\n")
	}
	s := r.Service
	fmt.Fprintf(&b, "Service promise (ship within %s, 运费险): on time %s = %d/%d (late %d, overdue %d, pending %d, cancelled before shipping %d); insured %s = %d/%d\n",
		s.ShipWithin, ratioDisplay(s.OnTimeRate), s.OnTime, s.OnTimeRate.Den, s.Late, s.Overdue, s.Pending, s.Cancelled,
		ratioDisplay(s.InsuredRate), s.Insured, s.Paid)
	r.writeSections(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSections renders the optional sections.
func (r *Report) writeSections(b *strings.Builder) {
	if m := r.Mix; m != nil {
		fmt.Fprintf(b, "Assortment mix 爆款组合 (policy %s, %d products, on target %t):", m.PolicyVersion, m.Products, m.OnTarget)
		for _, rm := range m.Roles {
			fmt.Fprintf(b, " %s %d/%d target %d (%s pp)", rm.Role.ChineseName(), rm.Count, m.Products, rm.Target, rm.DeviationPP)
		}
		b.WriteString("\n")
		for _, f := range m.Findings {
			fmt.Fprintf(b, "  ! %s\n", f.Msg)
		}
	}
	for _, c := range r.Cadence {
		if c.Report == nil {
			continue
		}
		fmt.Fprintf(b, "Exposure cadence 边看边买 %s: %d exposures, %d expected (one per %s), %d gap(s) longer than that, on cadence %t\n",
			c.Content, c.Report.Actual, c.Report.Expected, c.Report.Interval, len(c.Report.Gaps), c.Report.OnCadence)
		for _, g := range c.Report.Gaps {
			fmt.Fprintf(b, "  gap %s – %s (%s)\n", g.From, g.To, g.Length())
		}
	}
	if c := r.Content; c != nil {
		fmt.Fprintf(b, "Content 内容营销 (plan %s): %d/%d videos 种草视频, %d/%d live streams 主题直播, on plan %t\n",
			c.PlanVersion, c.Videos, c.ExpectedVideos, c.Lives, c.ExpectedLives, c.OnPlan)
	}
	if a := r.Audience; a != nil {
		fmt.Fprintf(b, "Audience 用户画像 (%d buyers):", a.Buyers)
		for i, c := range a.Cells {
			if i == 5 {
				fmt.Fprintf(b, " …%d more", len(a.Cells)-5)
				break
			}
			fmt.Fprintf(b, " %s×%s×%s %d;", c.Region, c.AgeBand, c.Tier, c.Buyers)
		}
		b.WriteString("\n")
	}
	if c := r.Competitors; c != nil {
		fmt.Fprintf(b, "Competitors 竞品: %d running promotions, promoted %s, negative reviews %s\n",
			len(c.Promotions), ratioDisplay(c.PromotedShare), ratioDisplay(c.NegativeRate))
		for _, cp := range c.Categories {
			fmt.Fprintf(b, "  %s %s: %d products, %s–%s, median %s\n", cp.Category, cp.Category.ChineseName(), cp.Products,
				cp.MinFen.String(), cp.MaxFen.String(), cp.MedianFen.String())
		}
		if len(c.Keywords) > 0 {
			b.WriteString("  差评关键词:")
			for _, k := range c.Keywords {
				fmt.Fprintf(b, " %s×%d", k.Word, k.Reviews)
			}
			b.WriteString("\n")
		}
	}
}

// WriteJSON writes the report as indented JSON, without HTML escaping, so
// "<" and ">" in the benchmark descriptions stay readable. Amounts are
// integer fen or yuan strings; rates are {"num","den","percent"} with a
// string percentage, null when undefined.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// formatPromise renders a shipping promise without zero units: 48h →
// "48h", 90 minutes → "1h30m", 45 minutes → "45m", 90 seconds → "1m30s".
func formatPromise(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

func ratioDisplay(r Ratio) string {
	if p, ok := r.Percent(2, vcart.HalfUp); ok {
		return p.StringFixed(2) + "%"
	}
	return "undefined"
}

func averageFraction(a Average) string {
	s := a.TotalFen.String()
	if a.scale() != 1 {
		s += fmt.Sprintf("×%d", a.scale())
	}
	return fmt.Sprintf("%s/%d", s, a.Count)
}
