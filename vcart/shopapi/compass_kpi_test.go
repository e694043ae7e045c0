package shopapi_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func TestKPIInputs(t *testing.T) {
	t.Parallel()
	day := func(ds string, payCnt, payUV, gmv, refund, clickUV int64, products ...shopapi.CompassShopProduct) shopapi.CompassDayFigures {
		return shopapi.CompassDayFigures{DS: ds, Overall: shopapi.CompassShopOverall{PayOrderCnt: shopapi.Int64(payCnt),
			PayUV: shopapi.Int64(payUV), PayGMV: shopapi.Int64(gmv), PayRefundGMV: shopapi.Int64(refund),
			ProductClickUV: shopapi.Int64(clickUV)}, Products: products}
	}
	prod := func(createCnt, createUV, refunded, clicks int64) shopapi.CompassShopProduct {
		var p shopapi.CompassShopProduct
		p.Data.CreateCnt, p.Data.CreateUV = shopapi.Int64(createCnt), shopapi.Int64(createUV)
		p.Data.PayRefundCnt, p.Data.ProductClickCnt = shopapi.Int64(refunded), shopapi.Int64(clicks)
		return p
	}
	tests := []struct {
		name    string
		days    []shopapi.CompassDayFigures
		want    kpi.OrderCounts
		traffic kpi.Traffic
		fields  []string
	}{
		{name: "empty"},
		{
			name: "two days",
			days: []shopapi.CompassDayFigures{
				day("20260302", 3, 3, 23940, 5990, 52, prod(3, 3, 1, 55), prod(1, 1, 0, 15)),
				day("20260303", 2, 1, 7980, 0, 10, prod(2, 1, 0, 12)),
			},
			want: kpi.OrderCounts{Submitted: 6, Paid: 5, Refunded: 1, OrderingBuyers: 5, PayingBuyers: 4,
				GMVFen: 31920, RefundFen: 5990},
			traffic: kpi.Traffic{ClickUV: 62, ClickPV: 82},
		},
		{
			name:   "negative figures are reported together",
			days:   []shopapi.CompassDayFigures{day("20260302", -1, 0, 0, 0, -5, prod(-2, 0, 0, 0))},
			fields: []string{"days[0].pay_order_cnt", "days[0].product_click_uv", "days[0].products[0].create_cnt"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, traffic, err := shopapi.KPIInputs(tt.days)
			var ve *vcart.ValidationError
			if errors.As(err, &ve) {
				var fields []string
				for _, p := range ve.Problems {
					fields = append(fields, p.Field)
				}
				if diff := cmp.Diff(tt.fields, fields); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil || tt.fields != nil {
				t.Fatalf("err = %v, want problems %v", err, tt.fields)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("totals (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.traffic, traffic); diff != "" {
				t.Errorf("traffic (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompassDays_TPlus1(t *testing.T) {
	t.Parallel()
	cst := vcart.Shanghai()
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, cst) // Wednesday
	srv := shopapitest.NewServer(t, shopapitest.WithClock(func() time.Time { return now }))
	c := srv.Client(shopapi.WithClock(func() time.Time { return now }))
	week := kpi.Week(now)
	tests := []struct {
		name   string
		period kpi.Period
		codes  []string
		days   int
	}{
		{"the current week is not over", week, []string{"period.t_plus_1"}, 0},
		{"up to yesterday", kpi.Period{Start: week.Start, End: week.Start.AddDate(0, 0, 2)}, nil, 2},
		{"not at midnight", kpi.Period{Start: week.Start.Add(time.Hour), End: week.Start.AddDate(0, 0, 1)}, []string{"period.days"}, 0},
		{"empty", kpi.Period{Start: week.Start, End: week.Start}, []string{"period.range"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			days, err := c.Compass.Days(t.Context(), tt.period)
			var codes []string
			var ve *vcart.ValidationError
			if errors.As(err, &ve) {
				for _, p := range ve.Problems {
					codes = append(codes, p.Code)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
			if len(days) != tt.days {
				t.Errorf("%d days, want %d", len(days), tt.days)
			}
		})
	}
}

// TestCompassKPIReport runs the weekly report from the fake's compass and
// checks it against the orders the fake was given.
func TestCompassKPIReport(t *testing.T) {
	t.Parallel()
	cst := vcart.Shanghai()
	now := time.Date(2026, 3, 2, 11, 0, 0, 0, cst) // Monday
	srv := shopapitest.NewServer(t, shopapitest.WithClock(func() time.Time { return now }))
	c := srv.Client(shopapi.WithClock(func() time.Time { return now }))
	id, sku := addApproved(t, c, srv, "云南高山手剥核桃")
	order := func(buyer string, count int64, pay bool) vcart.ID {
		o, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: buyer,
			Lines: []shopapitest.OrderLine{{ProductID: id, SKUID: sku, Count: count, UnitPriceFen: 3990}}})
		if err == nil && pay {
			err = srv.PayOrder(o)
		}
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	order("b1", 1, true)
	refunded := order("b2", 2, true)
	order("b3", 1, false)
	as, err := srv.OpenAftersale(refunded, shopapitest.NewAftersale{SKUID: sku})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Accept(t.Context(), &shopapi.AcceptRequest{AftersaleOrderID: as}); err != nil {
		t.Fatal(err)
	}
	srv.RecordProductClicks(id, now, 30, 41)
	now = now.Add(24 * time.Hour)
	order("b1", 1, true) // Tuesday: a repeat buyer
	now = now.AddDate(0, 0, 6)

	week := kpi.Week(now.AddDate(0, 0, -7))
	r, days, err := c.Compass.KPIReport(t.Context(), week, week.End, kpi.Traffic{VisitorUV: 200}, kpi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := kpi.OrderCounts{Submitted: 4, Paid: 3, Refunded: 1, OrderingBuyers: 4, PayingBuyers: 3,
		GMVFen: 4 * 3990, RefundFen: 2 * 3990}
	if diff := cmp.Diff(want, r.Orders); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	if r.Traffic.ClickUV != 30 || r.Traffic.ClickPV != 41 || r.Traffic.VisitorUV != 200 {
		t.Errorf("traffic = %+v", r.Traffic)
	}
	if got := shopapi.KPIDailyGMV(days); len(got) != 7 || got[0] != 3*3990 || got[1] != 3990 {
		t.Errorf("daily GMV = %v", got)
	}
	// pay_gmv_per_uv is net of refunds: (3 − 2) × 39.90 over 2 buyers on Monday.
	if p := days[0].Products[0].Data; p.PayGMVPerUV != 1995 || p.PurePayGMV != 3990 {
		t.Errorf("Monday's product figures = %+v", p)
	}
	if m, _ := r.Metric(kpi.MetricAOV); m.Display != "¥53.20" {
		t.Errorf("客单价 (gross) = %s", m.Display)
	}

	// The same days feed product selection.
	var settle int64
	for _, d := range days {
		for _, p := range d.Products {
			settle += int64(p.Data.SellerPredictSettleAmount)
		}
	}
	figs := shopapi.KPIProductFigures(days, map[shopapi.ID]int64{id: 1500})
	want2 := []kpi.ProductFigures{{ProductID: id, Title: "云南高山手剥核桃", PriceFen: 3990, ClickUV: 30, PayUV: 3,
		GMVFen: 4 * 3990, RefundFen: 2 * 3990, MarginFen: settle - 2*3990 - 1500*2}}
	if diff := cmp.Diff(want2, figs); diff != "" {
		t.Errorf("product figures (-want +got):\n%s", diff)
	}
	if settle >= 4*3990 || settle <= 0 {
		t.Errorf("seller settlement %d is not GMV less commission", settle)
	}
	sel, err := kpi.Suggest(figs, kpi.SeedMixPolicy(), kpi.SelectionConfig{})
	if err != nil || len(sel.Products) != 1 || len(sel.Products[0].Warnings) != 1 {
		t.Errorf("selection = %+v, %v", sel, err)
	}
}
