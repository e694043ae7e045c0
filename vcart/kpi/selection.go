package kpi

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Data-driven product selection (seed §八 数据驱动优化选品): a pure,
// explainable ranking of the shop's products from a period's figures into
// the seed's roles — 引流款 (traffic), 利润款 (profit) and 形象款 (image) —
// in the proportions of a [MixPolicy] (3 : 5 : 2 by default), each product
// with the reasons for its place. The result feeds [CheckMix] through
// [Selection.Assorted].
//
// The rules, applied in order to the products with figures:
//
//  1. The policy's targets are apportioned over the products exactly as
//     CheckMix does (largest remainder).
//  2. 形象款: the highest-priced products (premium items that set the
//     shop's image), ties broken by higher GMV, then product id.
//  3. 引流款: of the rest, the products that bring the most people (click
//     people, then exposure people when known), ties broken by the lower
//     margin rate, then product id. A traffic product priced below the
//     policy's floor is still placed, and CheckMix reports it.
//  4. 利润款: the rest, ranked by margin (fen), then margin rate.
//
// Each product also gets warnings that do not change its role: refunds
// above [SelectionConfig.MaxRefundPercent] of its GMV, clicks that never
// converted, a negative margin. No rule reads a clock or a float: every
// rate is an exact [Ratio].

// ProductFigures are one product's figures over a period (for example the
// compass's product list summed over the week).
type ProductFigures struct {
	ProductID vcart.ProductID `json:"product_id"`
	Title     string          `json:"title,omitempty"`
	// PriceFen is the product's lowest SKU price.
	PriceFen int64 `json:"price_fen"`
	// ExposureUV is 商品曝光人数 (0 when unknown: the compass has none).
	ExposureUV int64 `json:"exposure_uv"`
	// ClickUV is 商品点击人数 and PayUV 成交人数.
	ClickUV int64 `json:"click_uv"`
	PayUV   int64 `json:"pay_uv"`
	// GMVFen is 成交金额 (gross) and RefundFen the refunds of the period's
	// paid orders.
	GMVFen    int64 `json:"gmv_fen"`
	RefundFen int64 `json:"refund_fen"`
	// MarginFen is what the merchant keeps after platform fees,
	// commissions, refunds and the goods' cost (compute fees with package
	// fees, or take the compass's seller settlement); it may be negative.
	MarginFen int64 `json:"margin_fen"`
}

// SelectionConfig tunes the warnings of [Suggest].
type SelectionConfig struct {
	// MaxRefundPercent is the refund rate (of GMV, in percent) above
	// which a product is flagged; 0 means 10.
	MaxRefundPercent int64
}

// SelectedProduct is one product's suggested role, its rank within the
// role (from 1), its exact rates and the reasons.
type SelectedProduct struct {
	ProductFigures
	Role Role `json:"role"`
	Rank int  `json:"rank"`
	// Conversion is PayUV ÷ ClickUV, RefundRate RefundFen ÷ GMVFen,
	// MarginRate MarginFen ÷ (GMVFen − RefundFen).
	Conversion Ratio    `json:"conversion"`
	RefundRate Ratio    `json:"refund_rate"`
	MarginRate Ratio    `json:"margin_rate"`
	Reasons    []string `json:"reasons"`
	Warnings   []string `json:"warnings,omitempty"`
}

// Selection is the suggested assortment, by role (traffic, profit,
// image) and rank.
type Selection struct {
	PolicyVersion string            `json:"policy_version"`
	Products      []SelectedProduct `json:"products"`
}

// Assorted returns the selection as CheckMix's input.
func (s *Selection) Assorted() []AssortedProduct {
	out := make([]AssortedProduct, len(s.Products))
	for i, p := range s.Products {
		out[i] = AssortedProduct{ProductID: p.ProductID, Role: p.Role, PriceFen: vcart.Fen(p.PriceFen)}
	}
	return out
}

// Suggest ranks products into roles by the rules above. Invalid input (an
// empty or repeated product id, negative counts or amounts, refunds above
// GMV) and an invalid policy are reported at once as a
// [*vcart.ValidationError]. More paying than clicking people is accepted:
// buyers also arrive through links and live streams.
func Suggest(products []ProductFigures, policy MixPolicy, cfg SelectionConfig) (*Selection, error) {
	fe := problemsOf(policy.Validate())
	for i := range fe {
		fe[i].Field = "policy." + fe[i].Field
	}
	if cfg.MaxRefundPercent == 0 {
		cfg.MaxRefundPercent = 10
	}
	if cfg.MaxRefundPercent < 0 || cfg.MaxRefundPercent > 100 {
		fe = append(fe, vcart.FieldError{Field: "cfg.max_refund_percent", Code: "selection.range", Msg: "must be 1..100"})
	}
	seen := map[vcart.ProductID]bool{}
	for i, p := range products {
		at := func(f string) string { return fmt.Sprintf("products[%d].%s", i, f) }
		if p.ProductID == "" {
			fe = append(fe, vcart.FieldError{Field: at("product_id"), Code: "selection.id.missing", Msg: "is required"})
		} else if seen[p.ProductID] {
			fe = append(fe, vcart.FieldError{Field: at("product_id"), Code: "selection.id.repeated", Msg: fmt.Sprintf("product %q listed twice", truncate(string(p.ProductID), 40))})
		}
		seen[p.ProductID] = true
		for _, f := range []struct {
			name string
			v    int64
		}{{"price_fen", p.PriceFen}, {"exposure_uv", p.ExposureUV}, {"click_uv", p.ClickUV}, {"pay_uv", p.PayUV},
			{"gmv_fen", p.GMVFen}, {"refund_fen", p.RefundFen}} {
			if f.v < 0 {
				fe = append(fe, vcart.FieldError{Field: at(f.name), Code: "selection.negative", Msg: "must not be negative"})
			}
		}
		if p.RefundFen > p.GMVFen {
			fe = append(fe, vcart.FieldError{Field: at("refund_fen"), Code: "selection.refund_above_gmv", Msg: "refunds exceed GMV"})
		}
	}
	if err := vcart.NewValidationError(fe); err != nil {
		return nil, err
	}

	all := make([]SelectedProduct, len(products))
	for i, p := range products {
		all[i] = SelectedProduct{ProductFigures: p, Conversion: Ratio{p.PayUV, p.ClickUV},
			RefundRate: Ratio{p.RefundFen, p.GMVFen}, MarginRate: Ratio{p.MarginFen, p.GMVFen - p.RefundFen}}
	}
	targets := apportion(int64(len(all)), policy)
	rest := all

	// 形象款: the highest prices.
	slices.SortStableFunc(rest, func(a, b SelectedProduct) int {
		return cmp.Or(cmp.Compare(b.PriceFen, a.PriceFen), cmp.Compare(b.GMVFen, a.GMVFen), cmp.Compare(a.ProductID, b.ProductID))
	})
	image := take(&rest, targets[2])
	for i := range image {
		image[i].Role, image[i].Rank = RoleImage, i+1
		image[i].Reasons = append(image[i].Reasons, fmt.Sprintf("price %s is among the %d highest of %d products (premium, 形象款)",
			vcart.FromFen(image[i].PriceFen).Format(), targets[2], len(all)))
	}

	// 引流款: the most people brought in, the lower margin rate first.
	slices.SortStableFunc(rest, func(a, b SelectedProduct) int {
		return cmp.Or(cmp.Compare(b.ClickUV, a.ClickUV), cmp.Compare(b.ExposureUV, a.ExposureUV),
			compareRatio(a.MarginRate, b.MarginRate), cmp.Compare(a.ProductID, b.ProductID))
	})
	traffic := take(&rest, targets[0])
	for i := range traffic {
		traffic[i].Role, traffic[i].Rank = RoleTraffic, i+1
		traffic[i].Reasons = append(traffic[i].Reasons, fmt.Sprintf("%d click people, rank %d of the %d non-premium products (引流款)",
			traffic[i].ClickUV, i+1, len(all)-len(image)))
		if traffic[i].MarginRate.Defined() {
			traffic[i].Reasons = append(traffic[i].Reasons, "margin rate "+ratioDisplay(traffic[i].MarginRate))
		}
	}

	// 利润款: the rest, by margin.
	profit := rest
	slices.SortStableFunc(profit, func(a, b SelectedProduct) int {
		return cmp.Or(cmp.Compare(b.MarginFen, a.MarginFen), compareRatio(b.MarginRate, a.MarginRate), cmp.Compare(a.ProductID, b.ProductID))
	})
	for i := range profit {
		profit[i].Role, profit[i].Rank = RoleProfit, i+1
		profit[i].Reasons = append(profit[i].Reasons, fmt.Sprintf("margin %s (rate %s), rank %d by margin (利润款)",
			vcart.FromFen(profit[i].MarginFen).Format(), ratioDisplay(profit[i].MarginRate), i+1))
	}

	out := &Selection{PolicyVersion: policy.Version}
	for _, group := range [][]SelectedProduct{traffic, profit, image} {
		for _, p := range group {
			p.Warnings = warnings(p, cfg)
			out.Products = append(out.Products, p)
		}
	}
	return out, nil
}

// take removes and returns the first n items of *s.
func take(s *[]SelectedProduct, n int64) []SelectedProduct {
	n = min(n, int64(len(*s)))
	head := slices.Clone((*s)[:n])
	*s = slices.Clone((*s)[n:])
	return head
}

// compareRatio orders ratios by exact value, an undefined one last.
func compareRatio(a, b Ratio) int {
	switch {
	case !a.Defined() && !b.Defined():
		return 0
	case !a.Defined():
		return 1
	case !b.Defined():
		return -1
	}
	// a.Num/a.Den ? b.Num/b.Den  ⇔  a.Num·b.Den ? b.Num·a.Den, flipped
	// when the denominators' product is negative; decimals cannot overflow.
	l := decimal.NewFromInt(a.Num).Mul(decimal.NewFromInt(b.Den))
	r := decimal.NewFromInt(b.Num).Mul(decimal.NewFromInt(a.Den))
	c := l.Cmp(r)
	if (a.Den < 0) != (b.Den < 0) {
		c = -c
	}
	return c
}

func warnings(p SelectedProduct, cfg SelectionConfig) []string {
	var w []string
	if p.RefundRate.Defined() && p.RefundFen*100 > cfg.MaxRefundPercent*p.GMVFen {
		w = append(w, fmt.Sprintf("refunds %s of GMV exceed %d%%: check quality and description before promoting",
			ratioDisplay(p.RefundRate), cfg.MaxRefundPercent))
	}
	if p.ClickUV > 0 && p.PayUV == 0 {
		w = append(w, fmt.Sprintf("%d click people, no buyer: check price, detail page and stock", p.ClickUV))
	}
	if p.MarginFen < 0 {
		w = append(w, "negative margin "+vcart.FromFen(p.MarginFen).Format())
	}
	return w
}
