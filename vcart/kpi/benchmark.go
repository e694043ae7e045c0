package kpi

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Grade places a metric's value against a [Band] (核心数据基准值).
type Grade int

// Grades, from worst to best. The zero value [GradeNone] means the metric
// has no benchmark; [GradeUndefined] means it has one but no value (a zero
// denominator).
const (
	// GradeNone means no band applies to the metric.
	GradeNone Grade = iota
	// GradeUndefined means the value is undefined (a zero denominator).
	GradeUndefined
	// GradeRedLine (警戒红线) is a value strictly below the red line.
	GradeRedLine
	// GradeBelowAverage is a value at or above the red line and strictly
	// below the industry average's low end (the seed's 5–8% gap for click
	// conversion).
	GradeBelowAverage
	// GradeAverage (行业均值) is a value within the average band, both ends
	// inclusive.
	GradeAverage
	// GradeAboveAverage is a value strictly above the average band and at or
	// below the excellent threshold (the seed's 12–15% gap).
	GradeAboveAverage
	// GradeExcellent (优秀标准) is a value strictly above the excellent
	// threshold.
	GradeExcellent
)

// String returns the grade's English name.
func (g Grade) String() string {
	switch g {
	case GradeNone:
		return "ungraded"
	case GradeUndefined:
		return "undefined"
	case GradeRedLine:
		return "red line"
	case GradeBelowAverage:
		return "below average"
	case GradeAverage:
		return "average"
	case GradeAboveAverage:
		return "above average"
	case GradeExcellent:
		return "excellent"
	}
	return fmt.Sprintf("Grade(%d)", int(g))
}

// ChineseName returns the grade in Chinese (警戒红线, 低于均值, 行业均值,
// 高于均值, 优秀).
func (g Grade) ChineseName() string {
	switch g {
	case GradeNone:
		return "无基准"
	case GradeUndefined:
		return "无数据"
	case GradeRedLine:
		return "警戒红线"
	case GradeBelowAverage:
		return "低于均值"
	case GradeAverage:
		return "行业均值"
	case GradeAboveAverage:
		return "高于均值"
	case GradeExcellent:
		return "优秀"
	}
	return g.String()
}

// MarshalText encodes the grade by its English name.
func (g Grade) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// Band is one row of the benchmark table: the thresholds of one metric, in
// per cent (for a [UnitPercent] metric: 8 means 8%) or in yuan (for a
// [UnitYuan] metric, or as a multiple for a [UnitMultiple] one). For a value v:
//
//	v <  RedLine                    → GradeRedLine       (5% exactly is not "below 5%")
//	RedLine <= v < AverageLow       → GradeBelowAverage
//	AverageLow <= v <= AverageHigh  → GradeAverage       (8% and 12% are average)
//	AverageHigh < v <= Excellent    → GradeAboveAverage  (15% exactly is not "above 15%")
//	v >  Excellent                  → GradeExcellent
//
// Values are compared exactly, before any rounding for display.
type Band struct {
	Metric      MetricID
	Unit        Unit            // UnitPercent or UnitYuan; must match the metric
	RedLine     decimal.Decimal // 警戒红线: a value strictly below it is a red line
	AverageLow  decimal.Decimal // 行业均值 low end, inclusive
	AverageHigh decimal.Decimal // 行业均值 high end, inclusive
	Excellent   decimal.Decimal // 优秀标准: a value strictly above it is excellent
}

// grade places a value, given a comparison of the value against a
// threshold.
func (b Band) grade(cmp func(decimal.Decimal) int) Grade {
	switch {
	case cmp(b.RedLine) < 0:
		return GradeRedLine
	case cmp(b.AverageLow) < 0:
		return GradeBelowAverage
	case cmp(b.AverageHigh) <= 0:
		return GradeAverage
	case cmp(b.Excellent) <= 0:
		return GradeAboveAverage
	}
	return GradeExcellent
}

// GradeRatio grades r against a [UnitPercent] band (thresholds in per
// cent) or a [UnitMultiple] band (thresholds as multiples). An undefined
// ratio gets [GradeUndefined]; a band of another unit gets [GradeNone].
func (b Band) GradeRatio(r Ratio) Grade {
	var shift int32
	switch b.Unit {
	case UnitPercent:
		shift = 2
	case UnitMultiple:
		shift = 0
	default:
		return GradeNone
	}
	if !r.Defined() {
		return GradeUndefined
	}
	return b.grade(func(t decimal.Decimal) int { return r.cmpScaled(shift, t) })
}

// GradeAverage grades a (in yuan) against a [UnitYuan] band. An undefined
// average gets [GradeUndefined]; a band of another unit gets [GradeNone].
func (b Band) GradeAverage(a Average) Grade {
	if b.Unit != UnitYuan {
		return GradeNone
	}
	if !a.Defined() {
		return GradeUndefined
	}
	return b.grade(a.cmpYuan)
}

// BenchmarkTable is a versioned, replaceable benchmark table (核心数据基准值):
// default bands, and per-category bands that replace the default band of
// the same metric for that category.
type BenchmarkTable struct {
	Version       string
	EffectiveFrom time.Time
	Source        string // where the figures come from
	Default       []Band
	PerCategory   map[vcart.Category][]Band
}

// SeedBenchmarksVersion is the version string of [SeedBenchmarks].
const SeedBenchmarksVersion = "seed-2023.1"

// SeedBenchmarks returns the seed's §五 table as a fresh copy:
//
//	点击转化率  average 8%–12%,   excellent > 15%,   red line < 5%
//	支付成功率  average 65%–75%,  excellent > 80%,   red line < 50%
//	客单价      average ¥80–150,  excellent > ¥200,  red line < ¥50
//
// 点击转化率 is graded as [MetricClickConversion] (paying buyers ÷
// product-click people), 支付成功率 as [MetricPaySuccess] (paid ÷ submitted
// orders) and 客单价 as [MetricAOV] (GMV ÷ paying buyers). The figures are
// the seed's; the platform publishes no absolute benchmarks (see the package
// doc), so callers should replace them per category.
func SeedBenchmarks() BenchmarkTable {
	return BenchmarkTable{
		Version:       SeedBenchmarksVersion,
		EffectiveFrom: time.Date(2023, 1, 1, 0, 0, 0, 0, shanghai),
		Source:        "seed §五 核心数据基准值",
		Default: []Band{
			{Metric: MetricClickConversion, Unit: UnitPercent, RedLine: dec(5), AverageLow: dec(8), AverageHigh: dec(12), Excellent: dec(15)},
			{Metric: MetricPaySuccess, Unit: UnitPercent, RedLine: dec(50), AverageLow: dec(65), AverageHigh: dec(75), Excellent: dec(80)},
			{Metric: MetricAOV, Unit: UnitYuan, RedLine: dec(50), AverageLow: dec(80), AverageHigh: dec(150), Excellent: dec(200)},
		},
		PerCategory: map[vcart.Category][]Band{},
	}
}

func dec(i int64) decimal.Decimal { return decimal.NewFromInt(i) }

// shanghai is [vcart.Shanghai], the zone of the tables' effective dates.
var shanghai = vcart.Shanghai()

// Clone returns a deep copy of t.
func (t BenchmarkTable) Clone() BenchmarkTable {
	c := t
	c.Default = slices.Clone(t.Default)
	c.PerCategory = make(map[vcart.Category][]Band, len(t.PerCategory))
	for k, v := range t.PerCategory {
		c.PerCategory[k] = slices.Clone(v)
	}
	return c
}

// Band returns the band for metric in category cat: the category's own band
// if it has one, else the default band. The second result is false when
// neither exists.
func (t BenchmarkTable) Band(cat vcart.Category, metric MetricID) (Band, bool) {
	for _, b := range t.PerCategory[cat] {
		if b.Metric == metric {
			return b, true
		}
	}
	for _, b := range t.Default {
		if b.Metric == metric {
			return b, true
		}
	}
	return Band{}, false
}

// Validate reports every problem with the table at once as a
// [*vcart.ValidationError]: a missing version, an unknown metric, a unit
// that does not match the metric's, a duplicate metric in one list, and
// thresholds out of order (RedLine <= AverageLow <= AverageHigh <= Excellent,
// none negative).
func (t BenchmarkTable) Validate() error {
	var p []vcart.FieldError
	if t.Version == "" {
		p = append(p, vcart.FieldError{Field: "version", Code: "benchmark.version.missing", Msg: "the table has no version"})
	}
	check := func(prefix string, bands []Band) {
		seen := map[MetricID]bool{}
		for i, b := range bands {
			f := fmt.Sprintf("%s[%d]", prefix, i)
			def, ok := Lookup(b.Metric)
			switch {
			case !ok:
				p = append(p, vcart.FieldError{Field: f + ".metric", Code: "benchmark.metric.unknown", Msg: fmt.Sprintf("unknown metric %q", b.Metric)})
			case def.Unit != b.Unit:
				p = append(p, vcart.FieldError{Field: f + ".unit", Code: "benchmark.unit.mismatch", Msg: fmt.Sprintf("metric %s is in %s, band is in %s", b.Metric, def.Unit, b.Unit)})
			}
			if seen[b.Metric] {
				p = append(p, vcart.FieldError{Field: f + ".metric", Code: "benchmark.metric.duplicate", Msg: fmt.Sprintf("metric %q appears twice", b.Metric)})
			}
			seen[b.Metric] = true
			if b.RedLine.IsNegative() {
				p = append(p, vcart.FieldError{Field: f + ".red_line", Code: "benchmark.threshold.negative", Msg: "thresholds must not be negative"})
			}
			if b.RedLine.GreaterThan(b.AverageLow) || b.AverageLow.GreaterThan(b.AverageHigh) || b.AverageHigh.GreaterThan(b.Excellent) {
				p = append(p, vcart.FieldError{Field: f, Code: "benchmark.threshold.order", Msg: "thresholds must satisfy red_line <= average_low <= average_high <= excellent"})
			}
		}
	}
	check("default", t.Default)
	for _, cat := range slices.Sorted(maps.Keys(t.PerCategory)) {
		check("per_category."+string(cat), t.PerCategory[cat])
	}
	return vcart.NewValidationError(p)
}
