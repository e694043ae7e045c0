package fees_test

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	shanghai = vcart.Shanghai()
	march1   = time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)
	usdRate  = &fees.FXRate{From: vcart.USD, To: vcart.CNY, Rate: decimal.RequireFromString("7.1234"), Source: "test"}
)

func seedCalc(t testing.TB, opts ...fees.Option) *fees.Calculator {
	t.Helper()
	c, err := fees.NewCalculator(fees.SeedSchedule(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fen(n int64) vcart.Fen { return vcart.Fen(n) }

func TestQuote(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	at := time.Date(2026, 3, 1, 23, 59, 59, 0, shanghai)
	tests := []struct {
		name string
		req  fees.QuoteRequest
		want fees.Quote
	}{
		{
			name: "wechat pay standard 6.00 → fee 0.04",
			req:  fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 600},
			want: fees.Quote{
				Version: fees.SeedVersion, Method: fees.MethodWeChatPay, Category: vcart.CategoryGeneral,
				GrossFen:       600,
				Lines:          []fees.Line{{Kind: fees.LinePercentage, Rate: fees.BasisPoints(60), BaseFen: 600, Fen: 4}},
				MerchantFeeFen: 4, NetFen: 596,
				BuyerTotalFen: 600, PaidAt: at,
				Settlement: fees.Settlement{Basis: fees.TradeDays, Days: 1}, SettlementDate: time.Date(2026, 3, 2, 0, 0, 0, 0, shanghai),
			},
		},
		{
			name: "wechat pay food falls back to the general rate; tie flagged",
			req:  fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryFood, AmountFen: 750},
			want: fees.Quote{
				Version: fees.SeedVersion, Method: fees.MethodWeChatPay, Category: vcart.CategoryFood,
				GrossFen:       750,
				Lines:          []fees.Line{{Kind: fees.LinePercentage, Rate: fees.BasisPoints(60), BaseFen: 750, Fen: 5, Tie: true}},
				MerchantFeeFen: 5, NetFen: 745,
				BuyerTotalFen: 750, PaidAt: at,
				Settlement: fees.Settlement{Basis: fees.TradeDays, Days: 1}, SettlementDate: time.Date(2026, 3, 2, 0, 0, 0, 0, shanghai),
			},
		},
		{
			name: "international card 3.5% + 0.30 USD",
			req:  fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 10000, FX: usdRate},
			want: fees.Quote{
				Version: fees.SeedVersion, Method: fees.MethodInternationalCard, Category: vcart.CategoryGeneral,
				GrossFen: 10000,
				Lines: []fees.Line{
					{Kind: fees.LinePercentage, Rate: fees.BasisPoints(350), BaseFen: 10000, Fen: 350},
					{Kind: fees.LineFixed, Fen: 214},
				},
				MerchantFeeFen: 564, NetFen: 9436,
				BuyerTotalFen: 10000,
				FX:            &fees.FXUsed{Rate: *usdRate, ForeignMinor: 30, Currency: vcart.USD, Fen: 214},
				PaidAt:        at, Settlement: fees.Settlement{Basis: fees.NaturalDays, Days: 7}, SettlementDate: time.Date(2026, 3, 8, 0, 0, 0, 0, shanghai),
			},
		},
		{
			name: "installment 12 periods, remainder fen first, agreed cycle unknown",
			req:  fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: 10001, Periods: 12},
			want: fees.Quote{
				Version: fees.SeedVersion, Method: fees.MethodInstallment, Category: vcart.CategoryGeneral,
				GrossFen: 10001,
				Lines: []fees.Line{
					{Kind: fees.LinePercentage, Rate: fees.BasisPoints(60), BaseFen: 10001, Fen: 60},
					{Kind: fees.LinePerPeriod, Rate: fees.BasisPoints(10), Periods: 12, BaseFen: 10001, Fen: 120},
				},
				MerchantFeeFen: 180, NetFen: 9821,
				BuyerTotalFen: 10001, PaidAt: at,
				Settlement:      fees.Settlement{Basis: fees.Agreed},
				Periods:         12,
				InstallmentsFen: []int64{834, 834, 834, 834, 834, 833, 833, 833, 833, 833, 833, 833},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := calc.Quote(tt.req, at)
			if err != nil {
				t.Fatalf("Quote: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Quote() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuoteRoundingOption(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		mode vcart.RoundingMode
		want int64
	}{{vcart.HalfUp, 5}, {vcart.HalfEven, 4}, {vcart.Down, 4}, {vcart.Up, 5}} {
		calc := seedCalc(t, fees.WithRounding(tc.mode))
		q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 750}, march1)
		if err != nil {
			t.Fatal(err)
		}
		if q.MerchantFeeFen != tc.want || q.Rounding != tc.mode {
			t.Errorf("%s: fee %d (rounding %s), want %d", tc.mode, q.MerchantFeeFen, q.Rounding, tc.want)
		}
	}
	if _, err := fees.NewCalculator(fees.SeedSchedule(), fees.WithRounding(vcart.RoundingMode(9))); err == nil {
		t.Error("invalid rounding mode accepted")
	}
	if _, err := fees.NewCalculator(fees.SeedSchedule(), fees.WithCalendar(nil)); err == nil {
		t.Error("nil calendar accepted")
	}
	if _, err := fees.NewCalculator(fees.SeedSchedule(), fees.WithAgreedSettlement(fees.Settlement{Basis: fees.Agreed})); err == nil {
		t.Error("agreed-as-agreed settlement accepted")
	}
}

func codes(err error) []string {
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+":"+p.Code)
	}
	return out
}

func TestQuoteErrors(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	tests := []struct {
		name    string
		req     fees.QuoteRequest
		at      time.Time
		wantIs  error
		wantPbs []string
	}{
		{name: "unknown method and bad amount at once", req: fees.QuoteRequest{Method: "alipay", AmountFen: -5},
			wantIs: fees.ErrUnknownMethod, wantPbs: []string{"amount_fen:amount.not_positive", "method:method.unknown"}},
		{name: "zero amount", req: fees.QuoteRequest{Method: fees.MethodWeChatPay},
			wantIs: vcart.ErrInvalid, wantPbs: []string{"amount_fen:amount.not_positive"}},
		{name: "huge amount", req: fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 1 << 60},
			wantIs: vcart.ErrInvalid, wantPbs: []string{"amount_fen:amount.too_large"}},
		{name: "installments on wechat pay", req: fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 100, Periods: 3},
			wantIs: vcart.ErrInvalid, wantPbs: []string{"periods:periods.unexpected"}},
		{name: "unsupported periods and no amount", req: fees.QuoteRequest{Method: fees.MethodInstallment, Periods: 5},
			wantIs: vcart.ErrInvalid, wantPbs: []string{"amount_fen:amount.not_positive", "periods:periods.unsupported"}},
		{name: "missing FX", req: fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 100},
			wantIs: fees.ErrFX, wantPbs: []string{"fx:fx.missing"}},
		{name: "wrong FX currency", req: fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 100,
			FX: &fees.FXRate{From: vcart.HKD, To: vcart.CNY, Rate: decimal.NewFromInt(1)}},
			wantIs: fees.ErrFX, wantPbs: []string{"fx:fx.currency"}},
		{name: "zero FX rate", req: fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 100,
			FX: &fees.FXRate{From: vcart.USD, To: vcart.CNY}},
			wantIs: fees.ErrFX, wantPbs: []string{"fx.rate:fx.rate.not_positive"}},
		{name: "absurd FX precision", req: fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 100,
			FX: &fees.FXRate{From: vcart.USD, To: vcart.CNY, Rate: decimal.RequireFromString("7.12345678901234567890123")}},
			wantIs: fees.ErrFX, wantPbs: []string{"fx.rate:fx.rate.range"}},
		{name: "before the schedule", req: fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 100},
			at: time.Date(2020, 1, 1, 0, 0, 0, 0, shanghai), wantIs: fees.ErrNoSchedule},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			at := tt.at
			if at.IsZero() {
				at = march1
			}
			q, err := calc.Quote(tt.req, at)
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("Quote() error = %v, want %v", err, tt.wantIs)
			}
			if diff := cmp.Diff(tt.wantPbs, codes(err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(fees.Quote{}, q); diff != "" {
				t.Errorf("a failed quote must be empty:\n%s", diff)
			}
			if _, err := calc.ExpectedFee(tt.req, at); !errors.Is(err, tt.wantIs) {
				t.Errorf("ExpectedFee() error = %v, want %v", err, tt.wantIs)
			}
		})
	}
}

func TestScheduleValidate(t *testing.T) {
	t.Parallel()
	bad := fees.Schedule{
		EffectiveFrom: march1, EffectiveTo: march1,
		Methods: []fees.Terms{
			{Method: fees.MethodWeChatPay, Rates: []fees.CategoryRate{{Category: vcart.CategoryFood, Rate: -1}, {Category: vcart.CategoryFood, Rate: 1}}},
			{Method: fees.MethodWeChatPay, Rates: []fees.CategoryRate{{Category: vcart.CategoryGeneral, Rate: 1}},
				Fixed: &fees.FixedFee{Minor: -1}, Surcharge: &fees.Surcharge{Rate: fees.MaxRate + 1, OverFen: -1, Payer: 7},
				Settlement: fees.Settlement{Basis: fees.TradeDays, Days: -1}},
			{Method: fees.MethodInstallment, Rates: []fees.CategoryRate{{Category: vcart.CategoryGeneral}},
				Installments: []fees.InstallmentPlan{{Periods: 1}, {Periods: 3, PerPeriod: 1, Rate: 1}, {Periods: 3}, {Periods: 12, PerPeriod: fees.BasisPoints(1000)}},
				Settlement:   fees.Settlement{Basis: 9}},
		},
	}
	want := []string{
		"effective_to:schedule.effective_to.order",
		"methods[0].rates:rate.general.missing",
		"methods[0].rates[0].rate:rate.range",
		"methods[0].rates[1].category:rate.category.duplicate",
		"methods[1].fixed.currency:fixed.currency.missing",
		"methods[1].fixed.minor:fixed.range",
		"methods[1].method:terms.method.duplicate",
		"methods[1].settlement.days:settlement.days.range",
		"methods[1].surcharge.over_fen:surcharge.threshold",
		"methods[1].surcharge.payer:payer.unknown",
		"methods[1].surcharge.rate:rate.range",
		"methods[2].installments[0].periods:plan.periods.range",
		"methods[2].installments[1]:plan.rate.both",
		"methods[2].installments[2].periods:plan.periods.duplicate",
		"methods[2].installments[3].rate:rate.range",
		"methods[2].settlement.basis:settlement.basis.unknown",
		"version:schedule.version.missing",
	}
	err := bad.Validate()
	if diff := cmp.Diff(want, codes(err)); diff != "" {
		t.Errorf("Validate() problems (-want +got):\n%s", diff)
	}
	if _, err := fees.NewCalculator(bad); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("NewCalculator(bad) = %v, want ErrInvalid", err)
	}
	seed := fees.SeedSchedule()
	if err := seed.Validate(); err != nil {
		t.Errorf("seed schedule invalid: %v", err)
	}
	if _, err := fees.NewCalculatorVersions(nil); err == nil {
		t.Error("no schedules accepted")
	}
	if _, err := fees.NewCalculatorVersions([]fees.Schedule{seed, seed}); err == nil {
		t.Error("duplicate versions accepted")
	}
}

func TestScheduleIsACopy(t *testing.T) {
	t.Parallel()
	s := fees.SeedSchedule()
	calc, err := fees.NewCalculator(s)
	if err != nil {
		t.Fatal(err)
	}
	s.Methods[0].Rates[0].Rate = fees.BasisPoints(999)
	s.Methods[1].Fixed.Minor = 999
	if got := fees.SeedSchedule().Methods[0].Rates[0].Rate; got != fees.BasisPoints(60) {
		t.Errorf("SeedSchedule shares state: %s", got)
	}
	fee, err := calc.ExpectedFee(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 10000}, march1)
	if err != nil || fee != 60 {
		t.Errorf("calculator changed with the caller's schedule: %d, %v", fee, err)
	}
	got, _ := calc.Schedule(march1)
	got.Methods[0].Rates[0].Rate = 1
	if fee, _ := calc.ExpectedFee(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 10000}, march1); fee != 60 {
		t.Errorf("Schedule() leaked internal state: %d", fee)
	}
	if fees.DefaultSchedule().Version != fees.SeedVersion {
		t.Error("DefaultSchedule is not the seed")
	}
}

// liveShape builds the live platform's shapes in the same schedule type: a
// per-category rate table, a buyer-paid 3% surcharge over ¥200 for foreign
// cards, and buyer-paid versus merchant-subsidised 3/6/12-period plans. The
// installment figures are placeholders: no public source has them.
func liveShape() fees.Schedule {
	return fees.Schedule{
		Version: "live-shape-2026.1", EffectiveFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, shanghai), Source: "test",
		Methods: []fees.Terms{
			{Method: fees.MethodWeChatPay, Rates: []fees.CategoryRate{
				{Category: vcart.CategoryGeneral, Rate: fees.BasisPoints(60)},
				{Category: vcart.CategoryFood, Rate: fees.BasisPoints(20)},
				{Category: "5944", Rate: fees.BasisPoints(100)},
			}, Settlement: fees.Settlement{Basis: fees.TradeDays, Days: 1}},
			{Method: fees.MethodInternationalCard, Rates: []fees.CategoryRate{{Category: vcart.CategoryGeneral, Rate: fees.BasisPoints(60)}},
				Surcharge:  &fees.Surcharge{Rate: fees.BasisPoints(300), OverFen: 20000, Payer: fees.PayerBuyer},
				Settlement: fees.Settlement{Basis: fees.TradeDays, Days: 1}},
			{Method: fees.MethodInstallment, Rates: []fees.CategoryRate{{Category: vcart.CategoryGeneral, Rate: fees.BasisPoints(60)}},
				Installments: []fees.InstallmentPlan{
					{Periods: 3, Rate: fees.BasisPoints(230), Payer: fees.PayerBuyer},
					{Periods: 6, Rate: fees.BasisPoints(450), Payer: fees.PayerMerchant},
					{Periods: 12, Rate: fees.BasisPoints(750), Payer: fees.PayerBuyer},
				}, Settlement: fees.Settlement{Basis: fees.TradeDays, Days: 1}},
		},
	}
}

func TestLiveShapes(t *testing.T) {
	t.Parallel()
	calc, err := fees.NewCalculatorVersions([]fees.Schedule{fees.SeedSchedule(), liveShape()})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Version              string
		Merchant, Net, Buyer int64
		Lines                int
		Per                  []vcart.Fen
	}
	tests := []struct {
		name string
		req  fees.QuoteRequest
		at   time.Time
		want row
	}{
		{"seed before 2026", fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryFood, AmountFen: 10000},
			time.Date(2025, 12, 31, 23, 59, 59, 0, shanghai), row{"seed-2024.1", 60, 9940, 10000, 1, nil}},
		{"live per-category rate", fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryFood, AmountFen: 10000},
			march1, row{"live-shape-2026.1", 20, 9980, 10000, 1, nil}},
		{"live platform category code", fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: "5944", AmountFen: 10000},
			march1, row{"live-shape-2026.1", 100, 9900, 10000, 1, nil}},
		{"foreign card at ¥200: no surcharge", fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 20000},
			march1, row{"live-shape-2026.1", 120, 19880, 20000, 1, nil}},
		{"foreign card over ¥200: buyer pays 3%", fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 20001},
			march1, row{"live-shape-2026.1", 120, 19881, 20601, 2, nil}},
		{"buyer-paid 3 periods", fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: 100000, Periods: 3},
			march1, row{"live-shape-2026.1", 600, 99400, 102300, 2, []vcart.Fen{fen(34100), fen(34100), fen(34100)}}},
		{"merchant-subsidised 6 periods", fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: 100000, Periods: 6},
			march1, row{"live-shape-2026.1", 5100, 94900, 100000, 2, []vcart.Fen{fen(16667), fen(16667), fen(16667), fen(16667), fen(16666), fen(16666)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := calc.Quote(tt.req, tt.at)
			if err != nil {
				t.Fatal(err)
			}
			got := row{q.Version, q.MerchantFeeFen, q.NetFen, q.BuyerTotalFen, len(q.Lines), q.Installments()}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	t.Parallel()
	old := fees.SeedSchedule()
	old.EffectiveTo = time.Date(2026, 1, 1, 0, 0, 0, 0, shanghai)
	live := liveShape()
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2025, 6, 1, 0, 0, 0, 0, shanghai), "seed-2024.1"},
		{time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC), "live-shape-2026.1"}, // 00:00 on 1 Jan in Shanghai
		{march1, "live-shape-2026.1"},
	} {
		got, err := fees.Select(tc.at, old, live)
		if err != nil || got.Version != tc.want {
			t.Errorf("Select(%s) = %q, %v; want %q", tc.at, got.Version, err, tc.want)
		}
	}
	if _, err := fees.Select(time.Date(2023, 1, 1, 0, 0, 0, 0, shanghai), old, live); !errors.Is(err, fees.ErrNoSchedule) {
		t.Errorf("Select before all = %v, want ErrNoSchedule", err)
	}
}

// TestQuoteProperties checks, on random payments in every method and both
// schedule shapes: merchant fee lines + net = gross, buyer total = gross +
// buyer lines, installment parts sum to the buyer total and differ by at
// most one fen, and ExpectedFee agrees with Quote.
func TestQuoteProperties(t *testing.T) {
	t.Parallel()
	calc, err := fees.NewCalculatorVersions([]fees.Schedule{fees.SeedSchedule(), liveShape()}, fees.WithAgreedSettlement(fees.Settlement{Basis: fees.NaturalDays, Days: 3}))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	n := 5000
	if testing.Short() {
		n = 500
	}
	methods := []fees.Method{fees.MethodWeChatPay, fees.MethodInternationalCard, fees.MethodInstallment}
	periods := []int{3, 6, 12}
	ats := []time.Time{time.Date(2025, 5, 1, 0, 0, 0, 0, shanghai), march1}
	for range n {
		req := fees.QuoteRequest{Method: methods[rng.IntN(3)], Category: vcart.Categories()[rng.IntN(6)], AmountFen: 1 + rng.Int64N(100_000_00), FX: usdRate}
		if req.Method == fees.MethodInstallment {
			req.Periods = periods[rng.IntN(3)]
		}
		at := ats[rng.IntN(2)]
		q, err := calc.Quote(req, at)
		if err != nil {
			t.Fatalf("Quote(%+v): %v", req, err)
		}
		var merchant, buyer int64
		for _, l := range q.Lines {
			if l.Payer == fees.PayerBuyer {
				buyer += l.Fen
			} else {
				merchant += l.Fen
			}
			if l.Amount() != vcart.Fen(l.Fen) {
				t.Fatalf("line amount %s ≠ %d fen", l.Amount(), l.Fen)
			}
		}
		if merchant+q.NetFen != q.GrossFen || merchant != q.MerchantFeeFen {
			t.Fatalf("%+v: merchant fees %d + net %d ≠ gross %d", req, merchant, q.NetFen, q.GrossFen)
		}
		if q.MerchantFees()+q.Net() != q.Gross() {
			t.Fatalf("money: fees %s + net %s ≠ gross %s", q.MerchantFees(), q.Net(), q.Gross())
		}
		if q.GrossFen+buyer != q.BuyerTotalFen {
			t.Fatalf("buyer total %d ≠ gross %d + buyer fees %d", q.BuyerTotalFen, q.GrossFen, buyer)
		}
		if req.Method == fees.MethodInstallment {
			var total vcart.Fen
			parts := q.Installments()
			first := parts[0]
			for _, p := range parts {
				total += p
				if p > first || p < first-1 {
					t.Fatalf("uneven parts %v", parts)
				}
			}
			if total != q.BuyerTotal() || len(parts) != req.Periods {
				t.Fatalf("installments %v sum to %s, want %s", parts, total, q.BuyerTotal())
			}
		}
		if fee, err := calc.ExpectedFee(req, at); err != nil || fee != q.MerchantFeeFen {
			t.Fatalf("ExpectedFee = %d, %v; Quote says %d", fee, err, q.MerchantFeeFen)
		}
	}
}

func TestSplitFen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		total int64
		n     int
		want  []int64
	}{
		{10000, 3, []int64{3334, 3333, 3333}}, // the first instalment carries the extra fen, as banks do
		{100, 12, []int64{9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8}},
		{2, 3, []int64{1, 1, 0}},
		{0, 2, []int64{0, 0}},
		{5, 1, []int64{5}},
		{5, 0, nil},
		{-1, 2, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, fees.SplitFen(tt.total, tt.n)); diff != "" {
			t.Errorf("SplitFen(%d, %d) (-want +got):\n%s", tt.total, tt.n, diff)
		}
	}
}

func TestExpectedFeeAllocs(t *testing.T) {
	calc := seedCalc(t)
	req := fees.QuoteRequest{Method: fees.MethodInternationalCard, Category: vcart.CategoryJewellery, AmountFen: 123456, FX: usdRate}
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := calc.ExpectedFee(req, march1); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("ExpectedFee allocates %.0f times, want 0", allocs)
	}
}

// TestQuoteAllocs pins the allocation counts the package doc states.
func TestQuoteAllocs(t *testing.T) {
	calc := seedCalc(t)
	for _, tc := range []struct {
		name string
		req  fees.QuoteRequest
		want float64
	}{
		{"WeChat Pay: the lines", fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 123456}, 1},
		{"international card: the lines and the FX record", fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 123456, FX: usdRate}, 2},
		{"installments: the lines and the periods", fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: 123456, Periods: 6}, 2},
	} {
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := calc.Quote(tc.req, march1); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != tc.want {
			t.Errorf("%s: Quote allocates %.0f times, want %.0f", tc.name, allocs, tc.want)
		}
	}
}

func TestFixedFeeConversion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rate string
		mode vcart.RoundingMode
		want int64
		tie  bool
	}{
		{"7.1234", vcart.HalfUp, 214, false}, // 213.702
		{"7.1234", vcart.Down, 213, false},
		{"7", vcart.HalfUp, 210, false},
		{"7.15", vcart.HalfUp, 215, true}, // 214.5
		{"7.15", vcart.HalfEven, 214, true},
		{"0.0000001", vcart.HalfUp, 0, false},
		{"0.0000001", vcart.Up, 1, false},
		{"1000000", vcart.HalfUp, 30000000, false},
	}
	for _, tt := range tests {
		calc := seedCalc(t, fees.WithRounding(tt.mode))
		fx := &fees.FXRate{From: vcart.USD, To: vcart.CNY, Rate: decimal.RequireFromString(tt.rate)}
		q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 100, FX: fx}, march1)
		if err != nil {
			t.Fatalf("%s: %v", tt.rate, err)
		}
		l := q.Lines[1]
		if l.Kind != fees.LineFixed || l.Fen != tt.want || l.Tie != tt.tie || q.FX.Fen != tt.want || q.FX.Rounding != tt.mode {
			t.Errorf("rate %s %s: fixed line %+v, FX %+v; want %d tie %t", tt.rate, tt.mode, l, q.FX, tt.want, tt.tie)
		}
	}
	// A rate with a positive exponent too large to scale is refused.
	calc := seedCalc(t)
	fx := &fees.FXRate{From: vcart.USD, To: vcart.CNY, Rate: decimal.New(999999999999999999, 6)}
	if _, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 100, FX: fx}, march1); !errors.Is(err, fees.ErrFX) {
		t.Errorf("huge rate: %v, want ErrFX", err)
	}
}
