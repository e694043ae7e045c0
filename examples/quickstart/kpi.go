package main

import (
	"fmt"
	"io"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
)

// kpiDemo prints the weekly data-monitoring report (seed §五 and §七) for a
// deterministic sample week: funnel metrics graded against the seed's
// benchmarks, the shipping promise, the 3:5:2 assortment mix, a live
// stream's exposure cadence and the weekly content plan, first as text and
// then as JSON.
func kpiDemo(w io.Writer) error {
	cst := vcart.Shanghai()
	week := kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, cst)) // Mon 2 – Sun 8 March 2026
	at := week.End.Add(9 * time.Hour)                         // the report runs Monday 09:00

	rep, err := kpiSampleWeek(week, at, 0)
	if err != nil {
		return err
	}
	// Compare with the previous week (环比), computed the same way.
	prev, err := kpiSampleWeek(kpi.Week(week.Start.AddDate(0, 0, -7)), week.Start.Add(9*time.Hour), 1)
	if err != nil {
		return err
	}
	rep.Changes = rep.Compare(prev)

	roles := []kpi.Role{kpi.RoleTraffic, kpi.RoleTraffic, kpi.RoleTraffic, kpi.RoleProfit, kpi.RoleProfit,
		kpi.RoleProfit, kpi.RoleProfit, kpi.RoleImage, kpi.RoleImage, kpi.RoleImage}
	var products []kpi.AssortedProduct
	for i, r := range roles {
		products = append(products, kpi.AssortedProduct{ProductID: vcart.ProductID(fmt.Sprintf("p%d", i+1)), Role: r, PriceFen: vcart.Fen(1990 + i*4000)})
	}
	if rep.Mix, err = kpi.CheckMix(products, kpi.SeedMixPolicy()); err != nil {
		return err
	}
	exposures := []time.Duration{90 * time.Second, 3 * time.Minute, 5 * time.Minute, 11 * time.Minute, 13 * time.Minute}
	cad, err := kpi.CheckCadence(15*time.Minute, exposures, 0)
	if err != nil {
		return err
	}
	rep.Cadence = []kpi.CadenceEntry{{Content: "live 2026-03-05 20:00", Report: cad}}
	posts := []kpi.ContentPost{
		{ID: "v1", Kind: kpi.ContentVideo, PublishedAt: week.Start.Add(33 * time.Hour)},
		{ID: "v2", Kind: kpi.ContentVideo, PublishedAt: week.Start.Add(81 * time.Hour)},
		{ID: "l1", Kind: kpi.ContentLive, PublishedAt: week.Start.Add(92 * time.Hour)},
	}
	if rep.Content, err = kpi.CheckContent(posts, week, kpi.SeedContentPlan()); err != nil {
		return err
	}

	if err := rep.WriteText(w); err != nil {
		return err
	}
	// Programs read the same report as JSON (amounts in fen or yuan
	// strings, rates as num/den with a string percentage). Shown here: the
	// orders, the service promise and the three graded metrics.
	brief := *rep
	brief.Metrics = nil
	for _, m := range rep.Metrics {
		if m.Grade != kpi.GradeNone {
			brief.Metrics = append(brief.Metrics, m)
		}
	}
	brief.Traffic, brief.Mix, brief.Cadence, brief.Content, brief.Changes = kpi.Traffic{}, nil, nil, nil, nil
	fmt.Fprintln(w, "JSON (graded metrics):")
	return brief.WriteJSON(w)
}

// kpiSampleWeek builds the report of a deterministic sample week: 60
// submitted orders from 40 buyers, every 4th never paid, every 10th paid
// order partly refunded, most shipped the next day. variant shifts the
// amounts and the traffic so that two weeks differ.
func kpiSampleWeek(week kpi.Period, at time.Time, variant int) (*kpi.Report, error) {
	agg, err := kpi.NewAggregator(week, at, kpi.Config{Category: vcart.CategoryApparel})
	if err != nil {
		return nil, err
	}
	for i := range 60 {
		created := week.Start.Add(time.Duration(i*163) * time.Minute)
		o := kpi.Order{
			ID:               vcart.OrderID(fmt.Sprintf("37%02d%06d", variant, i)),
			BuyerID:          fmt.Sprintf("o_buyer_%02d", (i+variant)%40),
			CreatedAt:        created,
			FreightInsurance: i%3 != 0,
		}
		if i%4 != 3 && (variant == 0 || i%7 != 0) {
			o.PaidAt = created.Add(2 * time.Minute)
			o.AmountFen = vcart.Fen(5900 + (i*2371+variant*997)%19000)
			if i%10 == 0 {
				o.RefundFen = o.AmountFen / 2
			}
			switch {
			case i%9 == 0: // late
				o.ShippedAt = o.PaidAt.Add(60 * time.Hour)
			case i < 55:
				o.ShippedAt = o.PaidAt.Add(20 * time.Hour)
			}
		}
		if err := agg.Add(&o); err != nil {
			return nil, err
		}
	}
	addToCart := int64(96) // from the shop's own tracking (the platform has none)
	return agg.Report(kpi.Traffic{
		VisitorUV: int64(1850 - 150*variant), PageViews: int64(6420 - 300*variant),
		ExposureUV: 12800, ExposurePV: 30100,
		ClickUV: int64(410 - 20*variant), ClickPV: int64(960 - 40*variant),
		AddToCartUV: &addToCart, ViewPV: 21000, ViewUV: 8800,
		AdSpendFen: 200000,
	})
}
