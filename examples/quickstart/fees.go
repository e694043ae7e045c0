package main

import (
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// feesDemo prints a quote for one sample order in each payment method of the
// seed's fee schedule (seed §三), at a fixed instant.
func feesDemo(w io.Writer) error {
	calc, err := fees.NewCalculator(fees.SeedSchedule(),
		fees.WithAgreedSettlement(fees.Settlement{Basis: fees.TradeDays, Days: 1}))
	if err != nil {
		return err
	}
	paidAt := time.Date(2026, 3, 1, 20, 30, 0, 0, vcart.Shanghai())
	usd := &fees.FXRate{From: vcart.USD, To: vcart.CNY, Rate: decimal.RequireFromString("7.1234"), Source: "sample rate"}
	orders := []fees.QuoteRequest{
		{Method: fees.MethodWeChatPay, Category: vcart.CategoryApparel, AmountFen: 19900},
		{Method: fees.MethodWeChatPay, Category: vcart.CategoryJewellery, AmountFen: 129900},
		{Method: fees.MethodInternationalCard, Category: vcart.CategoryCosmetics, AmountFen: 45000, FX: usd},
		{Method: fees.MethodInstallment, Category: vcart.CategoryElectronics, AmountFen: 599900, Periods: 6},
	}
	for _, o := range orders {
		q, err := calc.Quote(o, paidAt)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s (%s) %s: gross %s", q.Method.ChineseName(), q.Category.ChineseName(), q.Version, q.Gross())
		for _, l := range q.Lines {
			fmt.Fprintf(w, "; %s %s", l.Label(), l.Amount())
		}
		cycle := q.Settlement.String()
		if q.Method == fees.MethodInstallment {
			cycle = "按约定周期, agreed " + cycle // the seed leaves it to the bank; set with WithAgreedSettlement
		}
		fmt.Fprintf(w, "; net %s; %s → %s\n", q.Net(), cycle, q.SettlementDate.Format(time.DateOnly))
		if q.FX != nil {
			fmt.Fprintf(w, "  fixed fee %s at %s (%s, %s)\n", q.FX.Foreign(), q.FX.Rate.Rate.StringFixed(4), q.FX.Rate.Source, q.FX.Rounding)
		}
		if q.Periods > 0 {
			fmt.Fprintf(w, "  %d periods: first %s, last %s\n", q.Periods, q.Installments()[0], q.Installments()[q.Periods-1])
		}
	}
	return nil
}
