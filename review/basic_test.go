package review_test

import (
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func basicCases() []ruleCase {
	return []ruleCase{
		{name: "food licence missing", listing: with(cleanFood, func(l *review.Listing) {
			l.Documents = l.Documents[1:]
		}), want: []string{
			"block basic.document.missing documents",
		}, verdict: review.VerdictRejected},
		{name: "food licence expired", listing: with(cleanFood, func(l *review.Listing) {
			l.Documents[0].ValidTo = time.Date(2026, 2, 1, 0, 0, 0, 0, shanghai)
		}), want: []string{
			"block basic.document.expired documents[0]",
		}, verdict: review.VerdictRejected},
		{name: "document not yet valid and no number", listing: with(cleanFood, func(l *review.Listing) {
			l.Documents[1].ValidFrom = time.Date(2026, 6, 1, 0, 0, 0, 0, shanghai)
			l.Documents[1].Number = " "
		}), want: []string{
			"block basic.document.not_yet_valid documents[1]",
			"warn basic.document.no_number documents[1]",
		}, verdict: review.VerdictRejected},
		{name: "brand without authorisation", listing: with(cleanApparel, func(l *review.Listing) {
			l.Brand = "北境"
		}), want: []string{
			"block basic.brand.no_authorisation brand",
		}, verdict: review.VerdictRejected},
		{name: "brand with trademark", listing: with(cleanApparel, func(l *review.Listing) {
			l.Brand = "北境"
			l.Documents = []vcart.Document{{Kind: vcart.DocTrademark, Number: "第22334455号", Permanent: true}}
		}), want: nil, verdict: review.VerdictClean},
		{name: "category mismatch", listing: with(cleanApparel, func(l *review.Listing) {
			l.Title = "65W氮化镓充电器快充头"
		}), want: []string{
			"warn basic.category.mismatch category",
		}, verdict: review.VerdictNeedsAttention},
		{name: "category missing", listing: with(cleanApparel, func(l *review.Listing) { l.Category = "" }), want: []string{
			"block basic.category.missing category",
		}, verdict: review.VerdictRejected},
		{name: "price zero, above market, negative, band", listing: with(cleanApparel, func(l *review.Listing) {
			l.SKUs = []review.SKU{
				{OutSKUID: "A", SalePrice: yuan(0), MarketPrice: yuan(9900)},
				{OutSKUID: "B", SalePrice: yuan(9900), MarketPrice: yuan(5900)},
				{OutSKUID: "C", SalePrice: -1},
				{OutSKUID: "D", SalePrice: yuan(59)},
				{OutSKUID: "E", SalePrice: yuan(20_000_000)},
			}
		}), want: []string{
			"block basic.price.not_positive skus[0].sale_price",
			"block basic.price.not_below_market skus[1].sale_price",
			"block basic.price.not_positive skus[2].sale_price",
			"block basic.price.over_api_max skus[4].sale_price",
			"warn basic.price.out_of_band skus[3].sale_price",
		}, verdict: review.VerdictRejected},
		{name: "no sku", listing: with(cleanApparel, func(l *review.Listing) { l.SKUs = nil }), want: []string{
			"block basic.price.no_sku skus",
		}, verdict: review.VerdictRejected},
	}
}

func TestBasicRules(t *testing.T) {
	t.Parallel()
	runCases(t, mustNew(t), basicCases())
}
