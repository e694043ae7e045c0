// Command agency is the backend a service provider (服务商) writes to open
// and run one merchant's store, across every package of the SDK, against the
// in-memory fake of the shop API: no credentials, no network, a fixed clock.
//
//	go run ./examples/agency
//
// The flow: eligibility (vcart) → pre-review of the product (review, through
// shopapi.ReviewListing) → listing it (shopapi on shopapitest) → the order
// pushes, signed by the fake and verified by notify → each paid order's fees
// (shopapi.CheckOrderFees on fees) → a penalty for a promise broken
// (penalty) → the weekly report (kpi, through Client.KPIOrdersCreated, which
// also reads each order's after-sales).
// Every seam between two packages is one SDK call.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/penalty"
	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "agency:", err)
		os.Exit(1)
	}
}

// clock is the fixed clock the walk-through moves by hand; the fake, the
// push verifier and every instant below read it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

const layout = "01-02 15:04"

func section(w io.Writer, title string) { fmt.Fprintf(w, "\n=== %s ===\n\n", title) }

func run(w io.Writer) error {
	ctx := context.Background()
	sh := vcart.Shanghai()
	clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, sh)} // Monday 09:00, Beijing time

	// 1. Can the merchant open a store? Every problem at once.
	section(w, "1. Eligibility (vcart)")
	elig := vcart.CheckEligibility(merchant(clk.now()), clk.now(), vcart.SeedSubjectRules())
	fmt.Fprintf(w, "%s (%s): eligible %v, deposit due %s (%s), product cap %s\n",
		"福州示例服饰有限公司", elig.StoreType.ChineseName(), elig.Eligible, elig.Deposit.Amount, elig.Deposit.Source, elig.ProductCap)
	if !elig.Eligible {
		return errors.New("the merchant is not eligible")
	}

	// The platform, played by the fake, and the provider's client of it.
	srv, err := shopapitest.New(shopapitest.WithClock(clk.now), shopapitest.WithTokenTTL(365*24*time.Hour))
	if err != nil {
		return err
	}
	defer srv.Close()
	c := srv.Client()

	// 2. Pre-review the product before submitting it: shopapi.ReviewListing
	// is the seam from the product the API takes to the listing review checks.
	section(w, "2. Pre-review (review, via shopapi.ReviewListing)")
	reviewer, err := review.New()
	if err != nil {
		return err
	}
	p := dress()
	p.Title = "法式碎花连衣裙 全网第一 显瘦" // the merchant's first draft
	p.SKUs[0].SalePrice, p.SKUs[0].MarketPrice = 25900, 19900
	res := reviewer.Review(shopapi.ReviewListing(p, vcart.CategoryApparel), clk.now())
	fmt.Fprintf(w, "draft: %s\n", res.Verdict)
	for _, f := range res.Findings {
		if f.Severity < vcart.Warn {
			continue
		}
		fmt.Fprintf(w, "  %s %s %s", f.Severity, f.Code, f.Field)
		if f.Textual() {
			fmt.Fprintf(w, " characters [%d:%d] %q", f.RuneStart, f.RuneEnd, f.Text)
		}
		fmt.Fprintln(w)
	}
	p = dress() // fixed: no absolute claim, the sale price below the market price
	res = reviewer.Review(shopapi.ReviewListing(p, vcart.CategoryApparel), clk.now())
	fmt.Fprintf(w, "fixed: %s\n", res.Verdict)
	if res.Verdict == review.VerdictRejected {
		return errors.New("the product would be rejected")
	}

	// 3. List it: the API call, then the platform's audit.
	section(w, "3. Listing (shopapi on the fake)")
	added, _, err := c.Products.Add(ctx, p, true)
	if err != nil {
		return err
	}
	if err := srv.ApproveAudit(added.ProductID); err != nil { // the platform's reviewer
		return err
	}
	online, _, err := c.Products.Get(ctx, added.ProductID, shopapi.DataOnline)
	if err != nil {
		return err
	}
	sku := online.Product.SKUs[0]
	fmt.Fprintf(w, "product %s: %s, %s at %s, stock %d\n", online.Product.ProductID, online.Product.Status,
		sku.OutSKUID, vcart.Fen(sku.SalePrice), sku.StockNum)

	// 4. Take the order pushes: the fake signs and encrypts them, notify
	// verifies, decrypts and dispatches them to typed handlers.
	section(w, "4. Order pushes (notify, signed by the fake)")
	const token, aesKey = "agencytoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	v, err := notify.NewVerifier(token, aesKey, srv.AppID(), notify.WithClock(clk.now))
	if err != nil {
		return err
	}
	// The agency subscribes to the events it acts on; the others are
	// acknowledged and logged at Warn ("no handler for event"), which this
	// walk-through keeps off the terminal: only errors are printed.
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	h, err := notify.NewHandler(v, notify.WithLogger(quiet))
	if err != nil {
		return err
	}
	// The handler runs on the HTTP server's goroutine: it records the paid
	// order under a lock, and the main flow fulfils it.
	var (
		mu   sync.Mutex
		paid []shopapi.ID // the orders to fulfil, in push order
	)
	if err := notify.Handle(h, notify.EventOrderPay, func(_ context.Context, e *notify.OrderPayEvent) error {
		mu.Lock()
		defer mu.Unlock()
		paid = append(paid, e.OrderInfo.OrderID)
		return nil
	}); err != nil {
		return err
	}
	if err := srv.EnablePush(shopapitest.PushConfig{Handler: h, Token: token, EncodingAESKey: aesKey}); err != nil {
		return err
	}
	line := func(n int64) []shopapitest.OrderLine {
		return []shopapitest.OrderLine{{ProductID: added.ProductID, SKUID: sku.SKUID, Title: p.Title, Count: n, UnitPriceFen: sku.SalePrice}}
	}
	buyers := []struct {
		openID string
		count  int64
		pays   bool
		wait   time.Duration // before the order
	}{
		{"o_buyer_a", 1, true, 2 * time.Hour},
		{"o_buyer_b", 2, true, 5 * time.Hour},
		{"o_buyer_c", 1, false, 3 * time.Hour}, // never pays
		{"o_buyer_d", 1, true, 20 * time.Hour},
	}
	for _, b := range buyers {
		clk.advance(b.wait)
		id, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: b.openID, Lines: line(b.count)})
		if err != nil {
			return err
		}
		if b.pays {
			clk.advance(3 * time.Minute)
			if err := srv.PayOrder(id); err != nil {
				return err
			}
		}
		srv.DeliverPushes(ctx)
	}
	mu.Lock()
	paid = slices.Clone(paid)
	mu.Unlock()
	for _, a := range srv.PushLog() {
		fmt.Fprintf(w, "  %s %-25s order %s: verified, answered %d\n", a.At.In(sh).Format(layout), a.Event, a.Key, a.Status)
	}
	fmt.Fprintf(w, "paid orders to fulfil: %v\n", paid)

	// 5. What each paid order costs and nets: shopapi.CheckOrderFees is the
	// seam from the order tree to the fee calculator.
	section(w, "5. Fees (fees, via shopapi.CheckOrderFees)")
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		return err
	}
	serviceFees := &shopapi.ServiceFeeSchedule{Version: "agency-2026", Source: "the provider's rate table", Default: fees.BasisPoints(500)}
	for _, id := range paid {
		o, _, err := c.Orders.Get(ctx, id)
		if err != nil {
			return err
		}
		chk, err := shopapi.CheckOrderFees(calc, o, vcart.CategoryApparel, serviceFees)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "order %s: paid %s, WeChat Pay fee %s, service fee %s (%s), net %s\n", id,
			vcart.Fen(chk.Input.Quote.AmountFen), chk.PayFee.MerchantFees(), vcart.Fen(chk.ExpectedServiceFeeFen),
			chk.ServiceFeeRate, vcart.Fen(chk.ExpectedNetFen))
	}

	// The merchant ships every paid order but the last one within a day;
	// the first buyer asks for a refund before it ships, and the merchant
	// accepts it through the API.
	as, err := srv.OpenAftersale(paid[0], shopapitest.NewAftersale{SKUID: sku.SKUID})
	if err != nil {
		return err
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: as}); err != nil {
		return err
	}
	for _, id := range paid[1 : len(paid)-1] {
		if err := srv.ShipAll(id); err != nil {
			return err
		}
	}
	clk.advance(3 * 24 * time.Hour) // past the 48-hour promise of the last one
	srv.DeliverPushes(ctx)

	// 6. The unshipped order breaks the shipping promise (违背承诺): the
	// platform records it and decides it by its observed ladder.
	section(w, "6. Penalty (penalty)")
	last := paid[len(paid)-1]
	decider, err := penalty.NewDecider(penalty.ObservedLadder())
	if err != nil {
		return err
	}
	state := penalty.NewState(vcart.AppID(srv.AppID()))
	rec := penalty.RecordViolation(penalty.ViolationID("late-"+string(last)), penalty.BrokenPromise, clk.now())
	rec.Note = "order " + string(last) + " not shipped within 48 hours"
	if err := state.Evolve(rec); err != nil {
		return err
	}
	decision, err := decider.Decide(state, rec.Violation, clk.now())
	if err != nil {
		return err
	}
	if err := state.Evolve(decision); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s (%s), rule %s:\n", rec.Type.ChineseName(), rec.Type, decision.RuleVersion)
	for _, m := range decision.Measures {
		fmt.Fprintf(w, "  %-16s %s from %s to %s\n", m.Kind, m.Kind.ChineseName(), m.Start.Format(layout), m.End.Format(layout))
	}
	for _, at := range []time.Time{clk.now(), clk.now().Add(8 * 24 * time.Hour)} {
		fmt.Fprintf(w, "at %s: may sell %v, may list products %v, may use the cart %v\n", at.Format(layout),
			state.May(penalty.Sell, at), state.May(penalty.ListProducts, at), state.May(penalty.UseCart, at))
	}

	// 7. The weekly report: Client.KPIOrdersCreated lists the week's orders,
	// reads each with its after-sales and maps it to kpi.Order.
	section(w, "7. Weekly report (kpi, via Client.KPIOrdersCreated)")
	week := kpi.Week(time.Date(2026, 3, 2, 0, 0, 0, 0, sh))
	agg, err := kpi.NewAggregator(week, week.End, kpi.Config{Category: vcart.CategoryApparel, DedupOrders: true})
	if err != nil {
		return err
	}
	for k, err := range c.KPIOrdersCreated(ctx, week) {
		if err != nil {
			return err
		}
		if err := agg.Add(&k); err != nil {
			return err
		}
	}
	report, err := agg.Report(kpi.Traffic{VisitorUV: 420, PageViews: 1300, ExposureUV: 5200, ClickUV: 96, ClickPV: 180})
	if err != nil {
		return err
	}
	// The compact view: the graded metrics and the shipping promise.
	o := report.Orders
	fmt.Fprintf(w, "%s: %d orders, %d paid, GMV %s, refunds %s\n", report.Period, o.Submitted, o.Paid, o.GMVFen, o.RefundFen)
	for _, id := range []kpi.MetricID{kpi.MetricClickConversion, kpi.MetricPaySuccess, kpi.MetricAOV, kpi.MetricAddToCart} {
		m, _ := report.Metric(id)
		fmt.Fprintf(w, "  %s %s: %s", m.ChineseName, m.Name, m.Display)
		if m.Grade > kpi.GradeUndefined {
			fmt.Fprintf(w, " (%s)", m.Grade)
		}
		fmt.Fprintln(w)
	}
	s := report.Service
	fmt.Fprintf(w, "  shipping within %s: %d on time, %d overdue, %d refunded before shipping\n", s.ShipWithin, s.OnTime, s.Overdue, s.Cancelled)
	return nil
}

// merchant is the enterprise applicant (企业店) the provider onboards.
func merchant(at time.Time) vcart.Applicant {
	return vcart.Applicant{
		StoreType:      vcart.StoreEnterprise,
		SubjectName:    "福州示例服饰有限公司",
		Representative: "张三",
		Account: vcart.Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: vcart.CertProfessional,
		},
		Documents: []vcart.Document{
			{Kind: vcart.DocBusinessLicence, Number: "91350100M000100Y43", Holder: "福州示例服饰有限公司", Permanent: true},
			{Kind: vcart.DocLegalRepID, Number: "11010519491231002X", Holder: "张三", ValidTo: at.AddDate(10, 0, 0)},
		},
		Brands: []vcart.BrandAuthorisation{{
			Brand: "示例", Owner: "示例品牌（中国）有限公司",
			Chain: []vcart.AuthorisationLink{{
				From: "示例品牌（中国）有限公司", To: "福州示例服饰有限公司",
				Letter: vcart.Document{Kind: vcart.DocBrandAuthorisation, ValidTo: at.AddDate(1, 0, 0)},
			}},
		}},
	}
}

// dress is the product as the API takes it (fen prices, image URLs).
func dress() *shopapi.Product {
	return &shopapi.Product{
		OutProductID: "dress-floral-01",
		Title:        "法式碎花连衣裙女夏季收腰显瘦",
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/dress-1", "https://mmecimage.cn/p/wxshop/dress-2",
			"https://mmecimage.cn/p/wxshop/dress-3"},
		DescInfo: &shopapi.DescInfo{Desc: "雪纺面料，轻薄透气。", Imgs: []string{"https://mmecimage.cn/p/wxshop/dress-d1"}},
		Cats:     shopapitest.CatsFor(shopapitest.CatDresses),
		Attrs:    []shopapi.Attr{{AttrKey: "面料成分", AttrValue: "聚酯纤维100%"}, {AttrKey: "适用季节", AttrValue: "夏季"}},
		SKUs: []shopapi.SKU{{OutSKUID: "dress-floral-m", SalePrice: 19900, MarketPrice: 25900, StockNum: 50,
			SKUAttrs: []shopapi.Attr{{AttrKey: "尺码", AttrValue: "M"}}}},
	}
}
