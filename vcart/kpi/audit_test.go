package kpi

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// TestServiceReport_RefundedBeforeShipping: a paid order refunded in full
// and never shipped is cancelled, not overdue, and not due at all.
func TestServiceReport_RefundedBeforeShipping(t *testing.T) {
	t.Parallel()
	paid := day(2, 10)
	orders := []Order{
		// Refunded in full, never shipped, long past the deadline.
		{ID: "cancelled", BuyerID: "b1", CreatedAt: paid, PaidAt: paid, AmountFen: 10000, RefundFen: 10000},
		// Refunded in part, never shipped: still due, so overdue.
		{ID: "partial", BuyerID: "b2", CreatedAt: paid, PaidAt: paid, AmountFen: 10000, RefundFen: 5000},
		// Refunded in full after shipping on time: counts as shipped.
		{ID: "returned", BuyerID: "b3", CreatedAt: paid, PaidAt: paid, AmountFen: 10000, RefundFen: 10000, ShippedAt: paid.Add(time.Hour)},
		// A free (zero-amount) paid order, unshipped: overdue, not cancelled.
		{ID: "free", BuyerID: "b4", CreatedAt: paid, PaidAt: paid},
	}
	r, err := BuildReport(testWeek, day(8, 0), orders, Traffic{}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	got := r.Service.ServiceReport
	want := ServiceReport{ShipWithin: DefaultShipWithin, OnTime: 1, Overdue: 2, Cancelled: 1, Paid: 4}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("service mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(NewRatio(1, 3), r.Service.OnTimeRate); diff != "" {
		t.Errorf("on-time rate mismatch (-want +got):\n%s", diff)
	}
	var text, js bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "(late 0, overdue 2, pending 0, cancelled before shipping 1)") {
		t.Errorf("text lacks the cancelled count:\n%s", text.String())
	}
	if !strings.Contains(js.String(), `"cancelled": 1,`) {
		t.Errorf("JSON lacks the cancelled count:\n%s", js.String())
	}
}

func TestTruncate_RuneSafe(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "abc…"},
		{"订单号", 9, "订单号"},
		{"订单号", 4, "订…"}, // would cut inside 单
		{"订单号", 5, "订…"},
		{"订单号", 6, "订单…"},
		{"订单号", 2, "…"},
		{"a订", 2, "a…"},
	}
	for _, tt := range tests {
		got := truncate(tt.s, tt.n)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestFormatDelta_ZeroUnsigned(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d    string
		u    Unit
		want string
	}{
		{"-0.001", UnitPercent, "0.00pp"},
		{"0.004", UnitPercent, "0.00pp"},
		{"-0.005", UnitPercent, "-0.01pp"},
		{"-0.004", UnitYuan, "¥0.00"},
		{"-0.4", UnitCount, "0"},
		{"-0.5", UnitCount, "-1"},
		{"0", UnitCount, "0"},
		{"3", UnitCount, "+3"},
		{"-0.001", UnitMultiple, "0.00×"},
		{"1.5", UnitMultiple, "+1.50×"},
	}
	for _, tt := range tests {
		if got := formatDelta(decimal.RequireFromString(tt.d), tt.u); got != tt.want {
			t.Errorf("formatDelta(%s, %v) = %q, want %q", tt.d, tt.u, got, tt.want)
		}
	}
}

func TestFormatPromise(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d    time.Duration
		want string
	}{
		{48 * time.Hour, "48h"},
		{90 * time.Minute, "1h30m"},
		{45 * time.Minute, "45m"},
		{90 * time.Second, "1m30s"},
		{time.Hour + time.Second, "1h0m1s"},
	}
	for _, tt := range tests {
		if got := formatPromise(tt.d); got != tt.want {
			t.Errorf("formatPromise(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
	r, err := BuildReport(testWeek, day(8, 0), nil, Traffic{}, Config{ShipWithin: 90 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "ship within 1h30m,") || r.Service.ShipWithin != "1h30m" {
		t.Errorf("a 90-minute promise is not shown as 1h30m:\n%s", text.String())
	}
}

func TestAggregator_DedupOrders(t *testing.T) {
	t.Parallel()
	orders := sampleOrders()
	// Two overlapping pages: the second repeats the last two orders, plus
	// an order outside the period repeated too.
	outside := Order{ID: "old", BuyerID: "b9", CreatedAt: day(1, 0)}
	page1 := append(append([]Order{}, orders...), outside)
	page2 := append(append([]Order{}, orders[len(orders)-2:]...), outside)

	once, err := BuildReport(testWeek, day(9, 1), page1, sampleTraffic, Config{})
	if err != nil {
		t.Fatal(err)
	}
	run := func(cfg Config) OrderCounts {
		t.Helper()
		a, err := NewAggregator(testWeek, day(9, 1), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, page := range [][]Order{page1, page2} {
			for i := range page {
				if err := a.Add(&page[i]); err != nil {
					t.Fatal(err)
				}
			}
		}
		r, err := a.Report(sampleTraffic)
		if err != nil {
			t.Fatal(err)
		}
		return r.Orders
	}
	want := once.Orders
	want.Duplicates = 3
	if diff := cmp.Diff(want, run(Config{DedupOrders: true})); diff != "" {
		t.Errorf("deduplicated counts mismatch (-want +got):\n%s", diff)
	}
	// Off, overlapping pages double-count: documented behaviour.
	if got := run(Config{}); got.Submitted != once.Orders.Submitted+1 || got.Skipped != once.Orders.Skipped+2 || got.Duplicates != 0 {
		t.Errorf("without DedupOrders: %+v", got)
	}

	// A rejected order is not remembered: fixing it and adding it again counts.
	a, err := NewAggregator(testWeek, day(9, 1), Config{DedupOrders: true})
	if err != nil {
		t.Fatal(err)
	}
	bad := Order{ID: "x", CreatedAt: day(3, 0)}
	if err := a.Add(&bad); err == nil {
		t.Fatal("order without buyer accepted")
	}
	bad.BuyerID = "b"
	if err := a.Add(&bad); err != nil {
		t.Fatal(err)
	}
	if a.c.Submitted != 1 || a.c.Duplicates != 0 {
		t.Errorf("counts after a rejected then fixed order: %+v", a.c)
	}
}

func TestMemberProgram_Earn_NegativeBalanceField(t *testing.T) {
	t.Parallel()
	_, _, err := SeedMemberProgram().Earn(Member{Balance: -1}, 100)
	if diff := cmp.Diff([]string{"balance member.balance.negative"}, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	_, _, err = SeedMemberProgram().Earn(Member{Balance: -1}, -1)
	if diff := cmp.Diff([]string{"balance member.balance.negative", "paid_fen member.amount.negative"}, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

func TestCrossAnalyze_AgeCapped(t *testing.T) {
	t.Parallel()
	cfg := DefaultAudienceConfig()
	_, err := CrossAnalyze([]AudienceRecord{{BuyerID: "a", Age: MaxAge}, {BuyerID: "b", Age: 200}}, cfg)
	if diff := cmp.Diff([]string{"records[1].age audience.age.range"}, problemCodes(t, err)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if _, err := CrossAnalyze([]AudienceRecord{{BuyerID: "a", Age: MaxAge}}, cfg); err != nil {
		t.Errorf("age %d rejected: %v", MaxAge, err)
	}
}
