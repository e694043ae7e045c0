package kpi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/internal/golden"
	"github.com/vcart-sdk/vcart-go/vcart"
)

var cst = vcart.Shanghai()

func day(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, cst) }

var testWeek = Period{Start: day(2, 0), End: day(9, 0)}

func sampleOrders() []Order {
	return []Order{
		{ID: "o1", BuyerID: "u1", CreatedAt: day(2, 10), PaidAt: day(2, 10), AmountFen: 12900, ShippedAt: day(3, 9), FreightInsurance: true},
		{ID: "o2", BuyerID: "u1", CreatedAt: day(3, 20), PaidAt: day(3, 20), AmountFen: 5900, ShippedAt: day(6, 9)},
		{ID: "o3", BuyerID: "u2", CreatedAt: day(4, 11), PaidAt: day(4, 11), AmountFen: 19900, RefundFen: 5000, ShippedAt: day(5, 8), FreightInsurance: true},
		{ID: "o4", BuyerID: "u3", CreatedAt: day(7, 15), PaidAt: day(7, 15), AmountFen: 8800, FreightInsurance: true},
		{ID: "o5", BuyerID: "u4", CreatedAt: day(8, 21)},
		{ID: "o6", BuyerID: "u5", CreatedAt: day(9, 0), PaidAt: day(9, 0), AmountFen: 100000}, // next week
	}
}

var sampleTraffic = Traffic{VisitorUV: 120, PageViews: 480, ExposureUV: 900, ExposurePV: 2400, ClickUV: 30, ClickPV: 75, AddToCartUV: tracked(12), ViewPV: 5000, ViewUV: 1800, AdSpendFen: 15000}

// tracked returns a pointer to n, for an optional count.
func tracked(n int64) *int64 { return &n }

func TestBuildReport(t *testing.T) {
	t.Parallel()
	rep, err := BuildReport(testWeek, day(9, 1), sampleOrders(), sampleTraffic, Config{})
	if err != nil {
		t.Fatal(err)
	}
	wantOrders := OrderCounts{Submitted: 5, Paid: 4, Refunded: 1, OrderingBuyers: 4, PayingBuyers: 3, GMVFen: 47500, RefundFen: 5000, Skipped: 1}
	if diff := cmp.Diff(wantOrders, rep.Orders); diff != "" {
		t.Errorf("Orders mismatch (-want +got):\n%s", diff)
	}
	got := map[MetricID]string{}
	for _, m := range rep.Metrics {
		got[m.ID] = m.Display + " " + m.Grade.String()
	}
	want := map[MetricID]string{
		MetricUV:              "120 ungraded",
		MetricPV:              "480 ungraded",
		MetricCTR:             "3.33% ungraded",
		MetricCTRPV:           "3.13% ungraded",
		MetricClickConversion: "10.00% average",
		MetricAddToCart:       "10.00% ungraded",
		MetricPaySuccess:      "80.00% above average",
		MetricPaySuccessUV:    "75.00% ungraded",
		MetricAOV:             "¥158.33 above average",
		MetricAOVOrder:        "¥118.75 ungraded",
		MetricGPM:             "¥95.00 ungraded",
		MetricGPMUV:           "¥263.89 ungraded",
		MetricUVValue:         "¥3.96 ungraded",
		MetricConversion:      "2.50% ungraded",
		MetricRefundRate:      "10.53% ungraded",
		MetricRefundOrders:    "25.00% ungraded",
		MetricROI:             "3.17× ungraded",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metrics mismatch (-want +got):\n%s", diff)
	}
	wantSvc := ServiceReport{ShipWithin: 48 * time.Hour, OnTime: 2, Late: 1, Pending: 1, Insured: 3, Paid: 4}
	if diff := cmp.Diff(wantSvc, rep.Service.ServiceReport); diff != "" {
		t.Errorf("service mismatch (-want +got):\n%s", diff)
	}
}

// TestReport_AddToCartNotTracked: a metric the doc calls undefined without
// its input is undefined, not "0.00% (0/300)"; a tracked zero is a real 0%.
func TestReport_AddToCartNotTracked(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		addToCart   *int64
		wantDisplay string
		wantRatio   *Ratio
		wantLine    string
	}{
		{"not tracked", nil, "undefined", nil, "  加购转化率 add-to-cart conversion (UV): undefined\n"},
		{"tracked, nobody added", tracked(0), "0.00%", &Ratio{0, 300}, "  加购转化率 add-to-cart conversion (UV): 0.00% (0/300)\n"},
		{"tracked", tracked(15), "5.00%", &Ratio{15, 300}, "  加购转化率 add-to-cart conversion (UV): 5.00% (15/300)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rep, err := BuildReport(testWeek, day(9, 1), nil, Traffic{VisitorUV: 300, AddToCartUV: tt.addToCart}, Config{})
			if err != nil {
				t.Fatal(err)
			}
			m, ok := rep.Metric(MetricAddToCart)
			if !ok {
				t.Fatal("no add-to-cart metric")
			}
			if diff := cmp.Diff(tt.wantDisplay, m.Display); diff != "" {
				t.Errorf("Display mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantRatio, m.Ratio); diff != "" {
				t.Errorf("Ratio mismatch (-want +got):\n%s", diff)
			}
			var b strings.Builder
			if err := rep.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tt.wantLine) {
				t.Errorf("text report lacks %q:\n%s", tt.wantLine, b.String())
			}
		})
	}
	if err := (Traffic{AddToCartUV: tracked(-1)}).validate(); err == nil {
		t.Error("a negative add-to-cart count passed validation")
	}
}

func TestReport_UndefinedNeverZero(t *testing.T) {
	t.Parallel()
	rep, err := BuildReport(testWeek, day(9, 1), nil, Traffic{}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Metrics {
		if m.Unit == UnitCount {
			continue
		}
		if m.Defined() || m.Display != "undefined" {
			t.Errorf("%s: defined=%v display=%q with no data", m.ID, m.Defined(), m.Display)
		}
		if _, ok := rep.Metric(m.ID); !ok {
			t.Errorf("Metric(%s) not found", m.ID)
		}
	}
	for _, id := range []MetricID{MetricClickConversion, MetricPaySuccess, MetricAOV} {
		if m, _ := rep.Metric(id); m.Grade != GradeUndefined {
			t.Errorf("%s: grade %s with no data, want undefined", id, m.Grade)
		}
	}
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "NaN") || !strings.Contains(buf.String(), `"percent": null`) {
		t.Errorf("JSON of an empty report:\n%s", buf.String())
	}
}

// TestReport_Golden pins the weekly report's text and JSON forms, with every
// optional section attached. Run with -update to rewrite them.
func TestReport_Golden(t *testing.T) {
	t.Parallel()
	rep, err := BuildReport(testWeek, day(9, 1), sampleOrders(), sampleTraffic, Config{Category: vcart.CategoryApparel})
	if err != nil {
		t.Fatal(err)
	}
	rep.Mix, err = CheckMix([]AssortedProduct{{"p1", RoleTraffic, 100}, {"p2", RoleProfit, 9900}, {"p3", RoleImage, 59900}}, SeedMixPolicy())
	if err != nil {
		t.Fatal(err)
	}
	cad, err := CheckCadence(10*time.Minute, []time.Duration{2 * time.Minute, 4 * time.Minute, 9 * time.Minute}, 0)
	if err != nil {
		t.Fatal(err)
	}
	rep.Cadence = []CadenceEntry{{Content: "video v1", Report: cad}}
	rep.Audience, err = CrossAnalyze([]AudienceRecord{{"u1", "广东", 28, 18800}, {"u2", "浙江", 45, 3900}}, DefaultAudienceConfig())
	if err != nil {
		t.Fatal(err)
	}
	rep.Competitors, err = MonitorCompetitors([]CompetitorProduct{{ProductID: "x", Shop: "S", PriceFen: 9900}},
		[]CompetitorReview{{ProductID: "x", Rating: 1, Text: "假货，质量差"}}, day(9, 1), CompetitorConfig{})
	if err != nil {
		t.Fatal(err)
	}
	prev, err := BuildReport(Period{day(2, 0).AddDate(0, 0, -7), day(2, 0)}, day(2, 1), nil, sampleTraffic, Config{})
	if err != nil {
		t.Fatal(err)
	}
	rep.Changes = rep.Compare(prev)
	rep.Content, err = CheckContent([]ContentPost{{"v1", ContentVideo, day(3, 12)}, {"l1", ContentLive, day(5, 20)}}, testWeek, SeedContentPlan())
	if err != nil {
		t.Fatal(err)
	}
	var txt, js bytes.Buffer
	if err := rep.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "weekly.txt"), txt.Bytes())
	golden.Assert(t, filepath.Join("testdata", "golden", "weekly.json"), js.Bytes())

	// The JSON carries no floats: every number is an integer.
	var v any
	if err := json.Unmarshal(js.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	checkIntegers(t, "$", v)
}

func checkIntegers(t *testing.T, path string, v any) {
	t.Helper()
	switch x := v.(type) {
	case float64:
		if x != math.Trunc(x) {
			t.Errorf("%s: non-integer number %v in JSON", path, x)
		}
	case map[string]any:
		for k, e := range x {
			checkIntegers(t, path+"."+k, e)
		}
	case []any:
		for i, e := range x {
			checkIntegers(t, fmt.Sprintf("%s[%d]", path, i), e)
		}
	}
}

func TestAggregator_Add_NothingHalfApplied(t *testing.T) {
	t.Parallel()
	a, err := NewAggregator(testWeek, day(9, 1), Config{})
	if err != nil {
		t.Fatal(err)
	}
	good := Order{ID: "g", BuyerID: "u1", CreatedAt: day(3, 1), PaidAt: day(3, 1), AmountFen: math.MaxInt64 - 10}
	if err := a.Add(&good); err != nil {
		t.Fatal(err)
	}
	before, _ := a.Report(Traffic{})
	bad := []Order{
		{ID: "neg", BuyerID: "u2", CreatedAt: day(3, 2), PaidAt: day(3, 2), AmountFen: -1},
		{ID: "refund", BuyerID: "u2", CreatedAt: day(3, 2), PaidAt: day(3, 2), AmountFen: 100, RefundFen: 101},
		{ID: "nobuyer", CreatedAt: day(3, 2)},
		{ID: "early", BuyerID: "u2", CreatedAt: day(3, 2), PaidAt: day(3, 1), AmountFen: 5},
		{ID: "ship", BuyerID: "u2", CreatedAt: day(3, 2), PaidAt: day(3, 2), ShippedAt: day(3, 1), AmountFen: 5},
		{ID: "unpaidship", BuyerID: "u2", CreatedAt: day(3, 2), ShippedAt: day(3, 3)},
		{ID: "unpaidamount", BuyerID: "u2", CreatedAt: day(3, 2), AmountFen: 5},
		{ID: "notime", BuyerID: "u2"},
		{ID: "overflow", BuyerID: "u2", CreatedAt: day(3, 2), PaidAt: day(3, 2), AmountFen: 11},
	}
	var codes []string
	for _, o := range bad {
		err := a.Add(&o)
		var ve *vcart.ValidationError
		switch {
		case errors.As(err, &ve):
			for _, p := range ve.Problems {
				codes = append(codes, string(o.ID)+":"+p.Code)
			}
		case errors.Is(err, ErrOverflow):
			codes = append(codes, string(o.ID)+":overflow")
		default:
			t.Errorf("Add(%s) = %v, want an error", o.ID, err)
		}
	}
	wantCodes := []string{
		"neg:order.amount.negative",
		"refund:order.refund.exceeds_amount",
		"nobuyer:order.buyer_id.missing",
		"early:order.paid_at.before_created",
		"ship:order.shipped_at.before_paid",
		"unpaidship:order.shipped_at.unpaid",
		"unpaidamount:order.amount.unpaid",
		"notime:order.created_at.missing",
		"overflow:overflow",
	}
	if diff := cmp.Diff(wantCodes, codes); diff != "" {
		t.Errorf("codes mismatch (-want +got):\n%s", diff)
	}
	after, _ := a.Report(Traffic{})
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("rejected orders changed the report (-before +after):\n%s", diff)
	}
}

func TestAggregator_PeriodAndServiceBoundaries(t *testing.T) {
	t.Parallel()
	at := day(9, 0)
	a, err := NewAggregator(testWeek, at, Config{})
	if err != nil {
		t.Fatal(err)
	}
	paid := day(5, 0)
	orders := []Order{
		{ID: "start", BuyerID: "a", CreatedAt: testWeek.Start},                                                                   // counted
		{ID: "end", BuyerID: "b", CreatedAt: testWeek.End},                                                                       // skipped
		{ID: "before", BuyerID: "c", CreatedAt: testWeek.Start.Add(-time.Nanosecond)},                                            // skipped
		{ID: "ontime", BuyerID: "d", CreatedAt: paid, PaidAt: paid, AmountFen: 1, ShippedAt: paid.Add(48 * time.Hour)},           // exactly 48 h
		{ID: "late", BuyerID: "d", CreatedAt: paid, PaidAt: paid, AmountFen: 1, ShippedAt: paid.Add(48*time.Hour + time.Second)}, // one second late
		{ID: "pending", BuyerID: "e", CreatedAt: day(7, 0), PaidAt: day(7, 0), AmountFen: 1},                                     // deadline == at
		{ID: "overdue", BuyerID: "e", CreatedAt: day(6, 23), PaidAt: day(6, 23), AmountFen: 1, FreightInsurance: true},           // deadline < at
	}
	for i := range orders {
		if err := a.Add(&orders[i]); err != nil {
			t.Fatal(err)
		}
	}
	rep, _ := a.Report(Traffic{})
	if rep.Orders.Submitted != 5 || rep.Orders.Skipped != 2 || rep.Orders.OrderingBuyers != 3 || rep.Orders.PayingBuyers != 2 {
		t.Errorf("orders = %+v", rep.Orders)
	}
	want := ServiceReport{ShipWithin: DefaultShipWithin, OnTime: 1, Late: 1, Overdue: 1, Pending: 1, Insured: 1, Paid: 4}
	if diff := cmp.Diff(want, rep.Service.ServiceReport); diff != "" {
		t.Errorf("service mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(NewRatio(1, 3), rep.Service.OnTimeRate); diff != "" {
		t.Errorf("on-time rate mismatch (-want +got):\n%s", diff)
	}
}

func TestNewAggregator_Invalid(t *testing.T) {
	t.Parallel()
	cfg := Config{ShipWithin: -time.Hour, Rounding: vcart.RoundingMode(9), BuyerHint: -1,
		Benchmarks: BenchmarkTable{Default: []Band{{Metric: MetricAOV, Unit: UnitPercent}}}}
	_, err := NewAggregator(Period{Start: day(9, 0), End: day(2, 0)}, time.Time{}, cfg)
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("NewAggregator() = %v, want a ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Field)
	}
	want := []string{"at", "config.benchmarks.default[0].unit", "config.benchmarks.version", "config.buyer_hint",
		"config.rounding", "config.ship_within", "period.end"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields mismatch (-want +got):\n%s", diff)
	}
	future := SeedBenchmarks()
	future.EffectiveFrom = testWeek.End
	_, err = NewAggregator(testWeek, day(9, 0), Config{Benchmarks: future})
	if diff := cmp.Diff([]string{"config.benchmarks.effective_from config.benchmarks.not_effective"}, problemCodes(t, err)); diff != "" {
		t.Errorf("future table (-want +got):\n%s", diff)
	}
	a, err := NewAggregator(testWeek, day(9, 0), Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Report(Traffic{ClickUV: -1, ViewPV: -2}); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("Report(negative traffic) = %v", err)
	} else if !strings.Contains(err.Error(), "traffic.click_uv") || !strings.Contains(err.Error(), "traffic.view_pv") {
		t.Errorf("Report(negative traffic) does not name every field: %v", err)
	}
	if _, err := BuildReport(testWeek, day(9, 0), []Order{{ID: "x"}}, Traffic{}, Config{}); !errors.Is(err, vcart.ErrInvalid) || !strings.Contains(err.Error(), "orders[0]") {
		t.Errorf("BuildReport(bad order) = %v", err)
	}
}

func TestAggregator_Zero(t *testing.T) {
	t.Parallel()
	var a Aggregator
	if err := a.Add(&Order{}); !errors.Is(err, ErrZeroAggregator) {
		t.Errorf("Add on a zero Aggregator = %v", err)
	}
	if _, err := a.Report(Traffic{}); !errors.Is(err, ErrZeroAggregator) {
		t.Errorf("Report on a zero Aggregator = %v", err)
	}
	b, _ := NewAggregator(testWeek, day(9, 0), Config{})
	if err := b.Add(nil); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("Add(nil) = %v", err)
	}
	var r *Report
	if r.Compare(nil) != nil {
		t.Error("Compare on nil reports")
	}
}

func TestConfig_CustomRoundingAndBenchmarks(t *testing.T) {
	t.Parallel()
	table := SeedBenchmarks()
	table.Version = "shop-2026.3"
	table.Default = append(table.Default,
		Band{Metric: MetricCTR, Unit: UnitPercent, RedLine: dec(2), AverageLow: dec(3), AverageHigh: dec(5), Excellent: dec(8)},
		Band{Metric: MetricROI, Unit: UnitMultiple, RedLine: dec(1), AverageLow: dec(2), AverageHigh: dec(3), Excellent: dec(5)})
	rep, err := BuildReport(testWeek, day(9, 1), sampleOrders(), sampleTraffic, Config{Benchmarks: table, Rounding: vcart.Down})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := rep.Metric(MetricCTR)
	if m.Display != "3.33%" || m.Grade != GradeAverage {
		t.Errorf("CTR = %s %s", m.Display, m.Grade)
	}
	m, _ = rep.Metric(MetricPaySuccessUV)
	if m.Display != "75.00%" {
		t.Errorf("pay success UV = %s", m.Display)
	}
	m, _ = rep.Metric(MetricGPMUV) // 263.888… rounds down
	if m.Display != "¥263.88" {
		t.Errorf("GPM(UV) = %s, want ¥263.88 with Down", m.Display)
	}
	m, _ = rep.Metric(MetricROI) // 475 ÷ 150 = 3.1666…
	if m.Display != "3.16×" || m.Grade != GradeAboveAverage || m.Benchmark != "average 2–3×, excellent >5×, red line <1×" {
		t.Errorf("ROI = %s %s %q", m.Display, m.Grade, m.Benchmark)
	}
	if rep.BenchmarkVersion != "shop-2026.3" {
		t.Errorf("version %q", rep.BenchmarkVersion)
	}
}

func TestWeek(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   time.Time
		want Period
	}{
		{day(4, 12), testWeek}, // Wednesday
		{day(2, 0), testWeek},  // Monday midnight
		{day(8, 23), testWeek}, // Sunday night
		{day(9, 0), Period{day(9, 0), day(16, 0)}},
		{time.Date(2026, 1, 1, 5, 0, 0, 0, cst), Period{time.Date(2025, 12, 29, 0, 0, 0, 0, cst), time.Date(2026, 1, 5, 0, 0, 0, 0, cst)}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Week(tt.in)); diff != "" {
			t.Errorf("Week(%s) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
	if got := testWeek.String(); got != "2026-03-02 – 2026-03-08" {
		t.Errorf("String() = %q", got)
	}
	if got := (Period{day(2, 10), day(2, 12)}).String(); got != "2026-03-02 10:00:00 – 2026-03-02 12:00:00" {
		t.Errorf("String() = %q", got)
	}
}

// benchOrders is the fixed data set of BenchmarkAggregator_1MOrders: one
// Order value reused for 1,000,000 orders across 200,000 buyers.
const benchOrderCount = 1_000_000

func benchBuyers() []string {
	ids := make([]string, 200_000)
	for i := range ids {
		ids[i] = fmt.Sprintf("o6_buyer_%07d", i)
	}
	return ids
}

// BenchmarkAggregator_1MOrders computes the weekly report over 1,000,000
// orders in one pass. Run it with
//
//	go test -run '^$' -bench Aggregator_1MOrders -benchtime 3x ./vcart/kpi
func BenchmarkAggregator_1MOrders(b *testing.B) {
	buyers := benchBuyers()
	step := time.Duration(int64(7*24*time.Hour) / benchOrderCount)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		a, err := NewAggregator(testWeek, day(9, 9), Config{BuyerHint: len(buyers)})
		if err != nil {
			b.Fatal(err)
		}
		var o Order
		for i := range benchOrderCount {
			created := testWeek.Start.Add(time.Duration(i) * step)
			o = Order{ID: "37000000001", BuyerID: buyers[(i*7919)%len(buyers)], CreatedAt: created, FreightInsurance: i%3 == 0}
			if i%5 != 0 {
				o.PaidAt = created.Add(time.Minute)
				o.AmountFen = vcart.Fen(3000 + i%25000)
				if i%17 == 0 {
					o.RefundFen = o.AmountFen
				}
				if i%4 != 0 {
					o.ShippedAt = o.PaidAt.Add(time.Duration(i%72) * time.Hour)
				}
			}
			if err := a.Add(&o); err != nil {
				b.Fatal(err)
			}
		}
		rep, err := a.Report(sampleTraffic)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Orders.Submitted != benchOrderCount {
			b.Fatalf("submitted %d", rep.Orders.Submitted)
		}
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkAggregator_Add(b *testing.B) {
	a, err := NewAggregator(testWeek, day(9, 9), Config{})
	if err != nil {
		b.Fatal(err)
	}
	o := Order{ID: "1", BuyerID: "u", CreatedAt: day(3, 0), PaidAt: day(3, 0), AmountFen: 100, ShippedAt: day(4, 0)}
	b.ReportAllocs()
	for b.Loop() {
		if err := a.Add(&o); err != nil {
			b.Fatal(err)
		}
	}
}

func TestReport_Compare(t *testing.T) {
	t.Parallel()
	prevWeek := Period{day(2, 0).AddDate(0, 0, -7), day(2, 0)}
	shift := func(o Order) Order {
		for _, p := range []*time.Time{&o.CreatedAt, &o.PaidAt, &o.ShippedAt} {
			if !p.IsZero() {
				*p = p.AddDate(0, 0, -7)
			}
		}
		return o
	}
	var prevOrders []Order
	for _, o := range sampleOrders()[:3] { // o1–o3 only: 3 submitted, 3 paid
		prevOrders = append(prevOrders, shift(o))
	}
	prevTraffic := sampleTraffic
	prevTraffic.VisitorUV, prevTraffic.ClickUV, prevTraffic.ViewPV, prevTraffic.AdSpendFen = 100, 40, 0, 15000
	prev, err := BuildReport(prevWeek, day(2, 1), prevOrders, prevTraffic, Config{})
	if err != nil {
		t.Fatal(err)
	}
	cur, err := BuildReport(testWeek, day(9, 1), sampleOrders(), sampleTraffic, Config{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[MetricID]string{}
	for _, c := range cur.Compare(prev) {
		got[c.ID] = c.Previous + " → " + c.Current + " " + c.Delta + " " + c.PreviousGrade.String() + "→" + c.Grade.String()
	}
	want := map[MetricID]string{
		MetricUV:              "100 → 120 +20 ungraded→ungraded",
		MetricPV:              "480 → 480 0 ungraded→ungraded",
		MetricCTR:             "4.44% → 3.33% -1.11pp ungraded→ungraded",
		MetricCTRPV:           "3.13% → 3.13% 0.00pp ungraded→ungraded",
		MetricClickConversion: "5.00% → 10.00% +5.00pp below average→average",
		MetricAddToCart:       "12.00% → 10.00% -2.00pp ungraded→ungraded",
		MetricPaySuccess:      "100.00% → 80.00% -20.00pp excellent→above average",
		MetricPaySuccessUV:    "100.00% → 75.00% -25.00pp ungraded→ungraded",
		MetricAOV:             "¥193.50 → ¥158.33 -¥35.17 above average→above average",
		MetricAOVOrder:        "¥129.00 → ¥118.75 -¥10.25 ungraded→ungraded",
		MetricGPM:             "undefined → ¥95.00 undefined ungraded→ungraded",
		MetricGPMUV:           "¥215.00 → ¥263.89 +¥48.89 ungraded→ungraded",
		MetricUVValue:         "¥3.87 → ¥3.96 +¥0.09 ungraded→ungraded",
		MetricConversion:      "2.00% → 2.50% +0.50pp ungraded→ungraded",
		MetricRefundRate:      "12.92% → 10.53% -2.39pp ungraded→ungraded",
		MetricRefundOrders:    "33.33% → 25.00% -8.33pp ungraded→ungraded",
		MetricROI:             "2.58× → 3.17× +0.59× ungraded→ungraded", // exact delta 0.5866…, not 3.17 − 2.58,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compare() mismatch (-want +got):\n%s", diff)
	}
	cur.Changes = cur.Compare(prev)
	var buf bytes.Buffer
	if err := cur.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "(3/30) — average 行业均值 (average 8–12%, excellent >15%, red line <5%); 环比 +5.00pp (was below average)\n") {
		t.Errorf("text lacks the change line:\n%s", buf.String())
	}
}

func TestReportFromTotals(t *testing.T) {
	t.Parallel()
	fromOrders, err := BuildReport(testWeek, day(9, 1), sampleOrders(), sampleTraffic, Config{})
	if err != nil {
		t.Fatal(err)
	}
	fromTotals, err := ReportFromTotals(testWeek, day(9, 1), fromOrders.Orders, sampleTraffic, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fromOrders.Metrics, fromTotals.Metrics); diff != "" {
		t.Errorf("metrics from totals differ from metrics from orders (-orders +totals):\n%s", diff)
	}
	if fromTotals.Service.OnTimeRate.Defined() || fromTotals.Service.InsuredRate.Defined() {
		t.Errorf("service rates defined without orders: %+v", fromTotals.Service)
	}

	_, err = ReportFromTotals(testWeek, time.Time{}, OrderCounts{Submitted: 2, Paid: 3, Refunded: 4, OrderingBuyers: 5, PayingBuyers: 6, GMVFen: -1}, Traffic{ViewUV: -1}, Config{})
	want := []string{
		"at at.missing",
		"totals.gmv_fen totals.negative",
		"totals.ordering_buyers totals.inconsistent",
		"totals.paid totals.inconsistent",
		"totals.paying_buyers totals.inconsistent",
		"totals.paying_buyers totals.inconsistent",
		"totals.refunded totals.inconsistent",
		"traffic.view_uv traffic.negative",
	}
	if diff := cmp.Diff(want, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}
