package fees_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func printQuote(q fees.Quote) {
	fmt.Printf("%s %s gross %s\n", q.Method.ChineseName(), q.Version, q.Gross())
	for _, l := range q.Lines {
		fmt.Printf("  %s, %s pays %s\n", l.Label(), l.Payer, l.Amount())
	}
	fmt.Printf("  net %s, buyer pays %s, settles %s on %s\n", q.Net(), q.BuyerTotal(), q.Settlement, q.SettlementDate.Format(time.DateOnly))
}

func ExampleCalculator_Quote() {
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		panic(err)
	}
	paidAt := time.Date(2026, 3, 1, 20, 30, 0, 0, vcart.Shanghai())
	q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryJewellery, AmountFen: 129900}, paidAt)
	if err != nil {
		panic(err)
	}
	printQuote(q)
	// Output:
	// 微信支付 seed-2024.1 gross ¥1299.00
	//   支付手续费 1.20%, merchant pays ¥15.59
	//   net ¥1283.41, buyer pays ¥1299.00, settles T+1 on 2026-03-02
}

func ExampleCalculator_Quote_internationalCard() {
	calc, _ := fees.NewCalculator(fees.SeedSchedule())
	fx := &fees.FXRate{From: vcart.USD, To: vcart.CNY, Rate: decimal.RequireFromString("7.1234"), Source: "caller's rate 2026-03-01"}
	q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 50000, FX: fx},
		time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai()))
	if err != nil {
		panic(err)
	}
	printQuote(q)
	fmt.Printf("  %s at %s (%s), %s\n", q.FX.Foreign(), q.FX.Rate.Rate.StringFixed(4), q.FX.Rate.Source, q.FX.Rounding)
	// Output:
	// 国际信用卡 seed-2024.1 gross ¥500.00
	//   支付手续费 3.50%, merchant pays ¥17.50
	//   固定手续费, merchant pays ¥2.14
	//   net ¥480.36, buyer pays ¥500.00, settles D+7 on 2026-03-08
	//   0.30 USD at 7.1234 (caller's rate 2026-03-01), half-up
}

func ExampleCalculator_Quote_installment() {
	calc, _ := fees.NewCalculator(fees.SeedSchedule(), fees.WithAgreedSettlement(fees.Settlement{Basis: fees.TradeDays, Days: 1}))
	q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: 100000, Periods: 3},
		time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai()))
	if err != nil {
		panic(err)
	}
	printQuote(q)
	fmt.Println("  per period:", q.Installments())
	// Output:
	// 分期付款 seed-2024.1 gross ¥1000.00
	//   支付手续费 0.60%, merchant pays ¥6.00
	//   分期手续费 0.10%×3期, merchant pays ¥3.00
	//   net ¥991.00, buyer pays ¥1000.00, settles T+1 on 2026-03-02
	//   per period: [¥333.34 ¥333.33 ¥333.33]
}

func ExampleCalculator_Refunds() {
	calc, _ := fees.NewCalculator(fees.SeedSchedule())
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	q, _ := calc.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 100}, at) // ¥1.00, fee 1 fen
	rq, err := calc.Refunds(q, 50, 50)
	if err != nil {
		panic(err)
	}
	for _, r := range rq.Refunds {
		fmt.Printf("refund %s returns fee %s\n", r.Amount(), r.FeeReturned())
	}
	fmt.Printf("refunded %s (full %t): fee returned %s, kept %s, drift %s\n",
		rq.Refunded(), rq.Full, rq.FeeReturned(), rq.FeeKept(), rq.Drift())
	// Output:
	// refund ¥0.50 returns fee ¥0.00
	// refund ¥0.50 returns fee ¥0.00
	// refunded ¥1.00 (full true): fee returned ¥0.00, kept ¥0.01, drift ¥0.01
}

func ExampleSettlementDate() {
	paid := time.Date(2026, 9, 30, 23, 59, 0, 0, vcart.Shanghai()) // the eve of the National Day holiday
	t1 := fees.Settlement{Basis: fees.TradeDays, Days: 1}
	natural, _ := fees.SettlementDate(paid, t1, nil)
	// The caller supplies the holidays; the package has no built-in list.
	cal := fees.WeekendCalendar{Closed: map[string]bool{
		"2026-10-01": true, "2026-10-02": true, "2026-10-05": true, "2026-10-06": true, "2026-10-07": true,
	}}
	business, _ := fees.SettlementDate(paid, t1, cal)
	d7, _ := fees.SettlementDate(paid, fees.Settlement{Basis: fees.NaturalDays, Days: 7}, cal)
	fmt.Println("T+1 natural: ", natural.Format(time.DateOnly))
	fmt.Println("T+1 business:", business.Format(time.DateOnly))
	fmt.Println("D+7:         ", d7.Format(time.DateOnly))
	// Output:
	// T+1 natural:  2026-10-01
	// T+1 business: 2026-10-08
	// D+7:          2026-10-07
}

// ExampleCalculator_Reconcile checks a bill in the lenient mode (no
// RateFor): a row counts as covered when its billed rate is any WeChat Pay
// rate of the schedule, so only the fee arithmetic is checked, not whether
// the rate suits what was sold (see [ExampleCalculator_RateByCategory] for
// the strict mode). The fees of rows not covered are reported apart, so
// "billed" and "expected" range over the same rows.
func ExampleCalculator_Reconcile() {
	bill := "\ufeff交易时间,公众账号ID,商户号,微信订单号,商户订单号,交易状态,应结订单金额,微信退款单号,退款金额,手续费,费率,订单金额\r\n" +
		"`2026-03-01 09:00:00,`wx01,`1900000001,`4200000001,`A1,`SUCCESS,`6.00,`0,`0.00,`0.04000,`0.60%,`6.00\r\n" +
		"`2026-03-01 09:05:00,`wx01,`1900000001,`4200000002,`A2,`SUCCESS,`7.50,`0,`0.00,`0.04000,`0.60%,`7.50\r\n" +
		"`2026-03-01 09:10:00,`wx01,`1900000001,`4200000003,`A3,`SUCCESS,`100.00,`0,`0.00,`0.70000,`0.60%,`100.00\r\n" +
		"`2026-03-01 09:15:00,`wx01,`1900000001,`4200000004,`A4,`SUCCESS,`10.00,`0,`0.00,`0.04000,`0.38%,`10.00\r\n" +
		"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n" +
		"`4.0,`123.50,`0.00,`0.0,`0.82,`123.50,`0.00\r\n"
	calc, _ := fees.NewCalculator(fees.SeedSchedule())
	rep, err := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Print(rep)
	// Output:
	// reconciliation NOT OK: schedule seed-2024.1, rounding half-up
	// rows 4 (payments 4, refunds 0): matched 1, mismatched 1, rounding-sensitive 1, not covered 1
	// fees on covered rows: billed 0.78, expected 0.69
	// fees on rows not covered: billed 0.04, nothing expected
	// total 总交易单数: summary 4, rows 4 ok
	// total 应结订单总金额: summary 123.50, rows 123.50 ok
	// total 退款总金额: summary 0.00, rows 0.00 ok
	// total 手续费总金额: summary 0.82, rows 0.82 ok
	// total 订单总金额: summary 123.50, rows 123.50 ok
	// line 3 4200000002 rounding-sensitive: exact half fen: the bill used half-even (base 7.50, rate 0.60%)
	// line 4 4200000003 mismatched: billed fee 0.70000, expected 0.60 (base 100.00, rate 0.60%)
	// line 5 4200000004 not-covered: rate 0.38% is not in the schedule (base 10.00, rate 0.38%)
}

// ExampleCalculator_RateByCategory reconciles strictly: the caller knows
// each order's category, so a jewellery order billed at the standard 0.60%
// (instead of the seed's 1.20%) is a mismatch, where the lenient mode
// counts it as matched.
func ExampleCalculator_RateByCategory() {
	bill := "交易时间,微信订单号,商户订单号,交易状态,应结订单金额,退款金额,手续费,费率\n" +
		"`2026-03-01 09:00:00,`4200000001,`A1,`SUCCESS,`100.00,`0.00,`0.60000,`0.60%\n" +
		"`2026-03-01 09:05:00,`4200000002,`A2,`SUCCESS,`100.00,`0.00,`0.60000,`0.60%\n" +
		"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n" +
		"`2,`200.00,`0.00,`0.00,`1.20,`0.00,`0.00\n"
	orders := map[string]vcart.Category{"A1": vcart.CategoryApparel, "A2": vcart.CategoryJewellery}
	calc, _ := fees.NewCalculator(fees.SeedSchedule())
	lenient, _ := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{})
	strict, _ := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{RateFor: calc.RateByCategory(func(r *fees.BillRow) (vcart.Category, bool) {
		c, ok := orders[r.OutTradeNo]
		return c, ok
	})})
	fmt.Printf("lenient: matched %d, mismatched %d\n", lenient.Matched, lenient.Mismatched)
	fmt.Printf("strict:  matched %d, mismatched %d\n", strict.Matched, strict.Mismatched)
	fmt.Println(strict.Exceptions[0].OutTradeNo, strict.Exceptions[0].Reason)
	// Output:
	// lenient: matched 2, mismatched 0
	// strict:  matched 1, mismatched 1
	// A2 billed rate 0.60%, schedule 1.20%
}

// ExampleParseScheduleJSON loads the live platform's shapes into the same
// schedule type: a per-category rate table, a buyer-paid 3% surcharge on
// foreign cards above ¥200, and buyer-paid versus merchant-subsidised
// installments. The installment rates here are placeholders; WeChat does not
// publish them.
func ExampleParseScheduleJSON() {
	s, err := fees.ParseScheduleJSON([]byte(`{
	  "version": "live-2026.03", "effective_from": "2026-03-01T00:00:00+08:00",
	  "methods": [
	    {"method": "wechatpay", "settlement": "T+1",
	     "rates": [{"category": "general", "rate": "0.60%"}, {"category": "food", "rate": "0.20%"}]},
	    {"method": "international_card", "settlement": "T+1", "rates": [{"category": "general", "rate": "0.60%"}],
	     "surcharge": {"rate": "3.00%", "over_fen": 20000, "payer": "buyer"}},
	    {"method": "installment", "settlement": "T+1", "rates": [{"category": "general", "rate": "0.60%"}],
	     "installments": [{"periods": 3, "rate": "2.30%", "payer": "buyer"}, {"periods": 6, "rate": "4.50%", "payer": "merchant"}]}
	  ]}`))
	if err != nil {
		panic(err)
	}
	calc, _ := fees.NewCalculator(s)
	at := time.Date(2026, 3, 15, 12, 0, 0, 0, vcart.Shanghai())
	for _, req := range []fees.QuoteRequest{
		{Method: fees.MethodWeChatPay, Category: vcart.CategoryFood, AmountFen: 10000},
		{Method: fees.MethodInternationalCard, AmountFen: 30000},
		{Method: fees.MethodInstallment, AmountFen: 30000, Periods: 3},
		{Method: fees.MethodInstallment, AmountFen: 30000, Periods: 6},
	} {
		q, _ := calc.Quote(req, at)
		name := string(q.Method)
		if q.Periods > 0 {
			name += fmt.Sprintf(" %d期", q.Periods)
		}
		fmt.Printf("%s: merchant fees %s, net %s, buyer pays %s\n", name, q.MerchantFees(), q.Net(), q.BuyerTotal())
	}
	// Output:
	// wechatpay: merchant fees ¥0.20, net ¥99.80, buyer pays ¥100.00
	// international_card: merchant fees ¥1.80, net ¥298.20, buyer pays ¥309.00
	// installment 3期: merchant fees ¥1.80, net ¥298.20, buyer pays ¥306.90
	// installment 6期: merchant fees ¥15.30, net ¥284.70, buyer pays ¥300.00
}

func ExampleNewBillReader() {
	bill := "交易时间,微信订单号,交易状态,应结订单金额,退款金额,手续费,费率\n" +
		"`2026-03-01 09:00:00,`4200000001,`SUCCESS,`6.00,`0.00,`0.04000,`0.60%\n" +
		"`2026-03-01 10:00:00,`4200000001,`REFUND,`0.00,`6.00,`-0.04000,`0.60%\n" +
		"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n" +
		"`2.0,`6.00,`6.00,`0.0,`0.00,`6.00,`6.00\n"
	br, err := fees.NewBillReader(strings.NewReader(bill))
	if err != nil {
		panic(err)
	}
	for row, err := range br.All() {
		if err != nil {
			panic(err)
		}
		fmt.Printf("line %d %s refund=%t settle %s refund %s fee %s at %s\n", row.Line, row.TransactionID, row.IsRefund,
			vcart.Fen(row.SettlementFen), vcart.Fen(row.RefundFen), fees.FeeMoney(row.FeeMilliFen).Format(), row.Rate)
	}
	sum, _ := br.Summary()
	fmt.Printf("summary: %d rows, fees %s\n", sum.Count, fees.FeeMoney(sum.FeeMilliFen).Format())
	// Output:
	// line 2 4200000001 refund=false settle ¥6.00 refund ¥0.00 fee ¥0.04000 at 0.60%
	// line 3 4200000001 refund=true settle ¥0.00 refund ¥6.00 fee -¥0.04000 at 0.60%
	// summary: 2 rows, fees ¥0.00000
}

// The package in brief: what a payment costs the merchant and when the
// money arrives, to the fen, and what a partial refund gives back. Amounts
// are [vcart.Fen]; days are counted in [vcart.Shanghai].
func Example() {
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		panic(err)
	}
	paidAt := time.Date(2026, 3, 1, 20, 30, 0, 0, vcart.Shanghai())
	q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryApparel, AmountFen: 19900}, paidAt)
	if err != nil {
		panic(err)
	}
	fmt.Println("gross", q.Gross(), "fee", q.MerchantFees(), "net", q.Net(), "=", q.Gross()-q.MerchantFees() == q.Net())
	fmt.Println("settles", q.Settlement, "on", q.SettlementDate.Format(time.DateOnly))
	rq, err := calc.Refunds(q, 5000)
	if err != nil {
		panic(err)
	}
	fmt.Println("refund", rq.Refunded(), "returns fee", rq.FeeReturned(), "keeps", rq.FeeKept())
	// Output:
	// gross ¥199.00 fee ¥1.19 net ¥197.81 = true
	// settles T+1 on 2026-03-02
	// refund ¥50.00 returns fee ¥0.30 keeps ¥0.89
}
