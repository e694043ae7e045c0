package kpi

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestBand_GradeRatio_SeedBoundaries(t *testing.T) {
	t.Parallel()
	table := SeedBenchmarks()
	tests := []struct {
		metric   MetricID
		num, den int64
		want     Grade
	}{
		{MetricClickConversion, 0, 100, GradeRedLine},
		{MetricClickConversion, 499, 10000, GradeRedLine},
		{MetricClickConversion, 5, 100, GradeBelowAverage}, // 5% exactly is not "below 5%"
		{MetricClickConversion, 799, 10000, GradeBelowAverage},
		{MetricClickConversion, 8, 100, GradeAverage},
		{MetricClickConversion, 1, 9, GradeAverage}, // 11.11…%
		{MetricClickConversion, 12, 100, GradeAverage},
		{MetricClickConversion, 1201, 10000, GradeAboveAverage},
		{MetricClickConversion, 15, 100, GradeAboveAverage},           // 15% exactly is not "above 15%"
		{MetricClickConversion, 1, 6, GradeExcellent},                 // 16.67%
		{MetricClickConversion, 100000001, 666666667, GradeExcellent}, // 15.0000000075%: rounds to 15.00 but is above
		{MetricClickConversion, 1, 0, GradeUndefined},
		{MetricPaySuccess, 4999, 10000, GradeRedLine},
		{MetricPaySuccess, 1, 2, GradeBelowAverage},
		{MetricPaySuccess, 6499, 10000, GradeBelowAverage},
		{MetricPaySuccess, 65, 100, GradeAverage},
		{MetricPaySuccess, 3, 4, GradeAverage},
		{MetricPaySuccess, 7501, 10000, GradeAboveAverage},
		{MetricPaySuccess, 4, 5, GradeAboveAverage},
		{MetricPaySuccess, 8001, 10000, GradeExcellent},
		{MetricPaySuccess, 0, 0, GradeUndefined},
	}
	for _, tt := range tests {
		band, ok := table.Band(vcart.CategoryGeneral, tt.metric)
		if !ok {
			t.Fatalf("no band for %s", tt.metric)
		}
		if got := band.GradeRatio(NewRatio(tt.num, tt.den)); got != tt.want {
			t.Errorf("%s %d/%d: grade %s, want %s", tt.metric, tt.num, tt.den, got, tt.want)
		}
	}
}

func TestBand_GradeAverage_SeedBoundaries(t *testing.T) {
	t.Parallel()
	band, _ := SeedBenchmarks().Band(vcart.CategoryFood, MetricAOV) // falls back to the default
	tests := []struct {
		fen, count int64
		want       Grade
	}{
		{4999, 1, GradeRedLine},
		{5000, 1, GradeBelowAverage},
		{9999, 2, GradeRedLine}, // ¥49.995 is below ¥50 even though it rounds to ¥50.00
		{7999, 1, GradeBelowAverage},
		{8000, 1, GradeAverage},
		{15000, 1, GradeAverage},
		{30001, 2, GradeAboveAverage}, // ¥150.005
		{20000, 1, GradeAboveAverage},
		{20001, 1, GradeExcellent},
		{100, 0, GradeUndefined},
	}
	for _, tt := range tests {
		if got := band.GradeAverage(Average{TotalFen: vcart.Fen(tt.fen), Count: tt.count}); got != tt.want {
			t.Errorf("¥%d fen / %d: grade %s, want %s", tt.fen, tt.count, got, tt.want)
		}
	}
	// A band of the wrong unit does not grade.
	if got := band.GradeRatio(NewRatio(1, 2)); got != GradeNone {
		t.Errorf("yuan band graded a ratio: %s", got)
	}
	pct, _ := SeedBenchmarks().Band(vcart.CategoryGeneral, MetricPaySuccess)
	if got := pct.GradeAverage(Average{TotalFen: 1, Count: 1}); got != GradeNone {
		t.Errorf("percent band graded an average: %s", got)
	}
}

func TestBenchmarkTable_PerCategory(t *testing.T) {
	t.Parallel()
	table := SeedBenchmarks()
	table.PerCategory[vcart.CategoryJewellery] = []Band{
		{Metric: MetricAOV, Unit: UnitYuan, RedLine: dec(200), AverageLow: dec(500), AverageHigh: dec(1500), Excellent: dec(3000)},
	}
	if err := table.Validate(); err != nil {
		t.Fatal(err)
	}
	aov := Average{TotalFen: 30000, Count: 1} // ¥300
	var got []Grade
	for _, c := range []vcart.Category{vcart.CategoryJewellery, vcart.CategoryApparel} {
		b, _ := table.Band(c, MetricAOV)
		got = append(got, b.GradeAverage(aov))
	}
	if diff := cmp.Diff([]Grade{GradeBelowAverage, GradeExcellent}, got); diff != "" {
		t.Errorf("per-category grades mismatch (-want +got):\n%s", diff)
	}
	// The jewellery table still has the default click-conversion band.
	if _, ok := table.Band(vcart.CategoryJewellery, MetricClickConversion); !ok {
		t.Error("jewellery lost the default click-conversion band")
	}
	if _, ok := table.Band(vcart.CategoryGeneral, MetricCTR); ok {
		t.Error("CTR has a band in the seed table")
	}
}

func TestSeedBenchmarks_FreshCopy(t *testing.T) {
	t.Parallel()
	a := SeedBenchmarks()
	a.Default[0].RedLine = dec(99)
	a.PerCategory[vcart.CategoryFood] = nil
	b := SeedBenchmarks()
	if !b.Default[0].RedLine.Equal(dec(5)) || len(b.PerCategory) != 0 {
		t.Fatal("SeedBenchmarks shares state between calls")
	}
	c := b.Clone()
	c.Default[1].Excellent = dec(1)
	if !b.Default[1].Excellent.Equal(dec(80)) {
		t.Fatal("Clone shares the default bands")
	}
	if err := SeedBenchmarks().Validate(); err != nil {
		t.Fatalf("seed table invalid: %v", err)
	}
}

func TestBenchmarkTable_Validate(t *testing.T) {
	t.Parallel()
	bad := BenchmarkTable{
		Default: []Band{
			{Metric: "nope", Unit: UnitPercent},
			{Metric: MetricAOV, Unit: UnitPercent, RedLine: dec(1), AverageLow: dec(2), AverageHigh: dec(3), Excellent: dec(4)},
			{Metric: MetricPaySuccess, Unit: UnitPercent, RedLine: dec(60), AverageLow: dec(50), AverageHigh: dec(75), Excellent: dec(80)},
			{Metric: MetricPaySuccess, Unit: UnitPercent, RedLine: decimal.NewFromInt(-1), AverageLow: dec(50), AverageHigh: dec(75), Excellent: dec(80)},
		},
		PerCategory: map[vcart.Category][]Band{
			vcart.CategoryFood: {{Metric: MetricCTR, Unit: UnitPercent, RedLine: dec(5), AverageLow: dec(4), AverageHigh: dec(6), Excellent: dec(7)}},
		},
	}
	err := bad.Validate()
	if !errors.Is(err, vcart.ErrInvalid) {
		t.Fatalf("Validate() = %v, want ErrInvalid", err)
	}
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("not a ValidationError: %v", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Field+" "+p.Code)
	}
	want := []string{
		"default[0].metric benchmark.metric.unknown",
		"default[1].unit benchmark.unit.mismatch",
		"default[2] benchmark.threshold.order",
		"default[3].metric benchmark.metric.duplicate",
		"default[3].red_line benchmark.threshold.negative",
		"per_category.food[0] benchmark.threshold.order",
		"version benchmark.version.missing",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

func TestGrade_Names(t *testing.T) {
	t.Parallel()
	var got []string
	for g := GradeNone; g <= GradeExcellent+1; g++ {
		b, _ := g.MarshalText()
		got = append(got, string(b)+"/"+g.ChineseName())
	}
	want := []string{"ungraded/无基准", "undefined/无数据", "red line/警戒红线", "below average/低于均值", "average/行业均值",
		"above average/高于均值", "excellent/优秀", "Grade(7)/Grade(7)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names mismatch (-want +got):\n%s", diff)
	}
}

func TestDefinitions(t *testing.T) {
	t.Parallel()
	seen := map[MetricID]bool{}
	for _, d := range Definitions() {
		if seen[d.ID] {
			t.Errorf("duplicate metric %s", d.ID)
		}
		seen[d.ID] = true
		if d.Name == "" || d.ChineseName == "" || d.Numerator == "" {
			t.Errorf("%s: incomplete definition %+v", d.ID, d)
		}
		if (d.Unit == UnitCount) != (d.Denominator == "") {
			t.Errorf("%s: counts and only counts lack a denominator", d.ID)
		}
		if got, ok := Lookup(d.ID); !ok || got != d {
			t.Errorf("Lookup(%s) = %+v, %v", d.ID, got, ok)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup found an unknown metric")
	}
	d, _ := Lookup(MetricPaySuccess)
	if diff := cmp.Diff("paid orders (支付订单数) ÷ submitted orders (提交订单数)", d.Formula()); diff != "" {
		t.Errorf("Formula() mismatch (-want +got):\n%s", diff)
	}
}
