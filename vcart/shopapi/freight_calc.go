package shopapi

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Freight computation from a template (运费计算), pure and exact: integer
// fen, integer grams, no I/O. The rules are the ones the template pages
// state:
//
//   - FREE (包邮) costs nothing; a destination in not_send_area (不发货区域)
//     is refused first, whatever the shipping method.
//   - CONDITION_FREE (条件包邮): the basket ships free when a rule covering
//     the destination is met: its piece count (PIECE) or weight (WEIGHT,
//     "a basket under one kilogram counts as one kilogram") threshold when
//     valuation_flag is set, its amount threshold (fen) when amount_flag is
//     set, both when both are set. Otherwise it is priced like NO_FREE.
//   - Pricing (计费方法): the rule is the most specific regional rule
//     covering the destination (county over city over province; the first
//     in the list on a tie), else the default rule (is_default). The first
//     first_val_amount pieces or kilograms cost first_price; each further
//     second_val_amount pieces or kilograms, or part of them, cost
//     second_price.
//   - A rule restricted to a carrier (delivery_id) applies only to a basket
//     sent with that carrier.

// ErrNotDelivered reports a destination in the template's not_send_area.
var ErrNotDelivered = errors.New("shopapi: the freight template does not deliver to this destination")

// ErrNoFreightRule reports a template with no pricing rule for the
// destination (no regional rule covers it and there is no default rule).
var ErrNoFreightRule = errors.New("shopapi: the freight template has no rule for this destination")

// FreightItem is one line of a basket.
type FreightItem struct {
	// Count is the number of pieces (at least 1).
	Count int64
	// UnitWeightGrams is one piece's weight in grams (the product's
	// express_info.weight); needed for WEIGHT templates.
	UnitWeightGrams int64
	// UnitPriceFen is one piece's price in fen, for amount thresholds.
	UnitPriceFen int64
}

// FreightBasket is what is shipped in one parcel.
type FreightBasket struct {
	Items []FreightItem
	// DeliveryID is the carrier, when known; rules restricted to another
	// carrier are skipped.
	DeliveryID string
}

// FreightDestination is where the basket goes: the national-standard
// province, city and county names, as in the template's regions.
type FreightDestination struct {
	ProvinceName, CityName, CountyName string
}

// FreightRule says which part of a template priced a basket.
type FreightRule int

// Freight rules.
const (
	// FreightRuleFree: the template ships free (FREE).
	FreightRuleFree FreightRule = iota + 1
	// FreightRuleConditionFree: a conditional free-shipping rule was met.
	FreightRuleConditionFree
	// FreightRuleRegional: a regional pricing rule applied.
	FreightRuleRegional
	// FreightRuleDefault: the default pricing rule applied.
	FreightRuleDefault
)

// String returns the rule's name.
func (r FreightRule) String() string {
	switch r {
	case FreightRuleFree:
		return "free"
	case FreightRuleConditionFree:
		return "condition_free"
	case FreightRuleRegional:
		return "regional"
	case FreightRuleDefault:
		return "default"
	}
	return "FreightRule(" + strconv.Itoa(int(r)) + ")"
}

// FreightQuote is the freight of a basket.
type FreightQuote struct {
	// Fen is the freight in fen.
	Fen int64
	// Rule is what priced it; Index is the rule's index in
	// condition_free_detail_list or freight_calc_method_list (-1 for FREE).
	Rule  FreightRule
	Index int
}

// basketTotals are a basket's pieces, grams and fen.
type basketTotals struct {
	pieces, grams, fen int64
}

// Quote computes the freight of basket to destination from the template,
// exactly, in fen (see the rules above). Bad input (no items, a count
// below 1, negative weights or prices, totals beyond int64, a template
// with unknown enums or negative amounts) returns a *vcart.ValidationError
// naming every problem; a destination the template excludes returns an
// error wrapping [ErrNotDelivered]; no applicable rule, [ErrNoFreightRule].
// Quote never panics and does no I/O.
func (t *FreightTemplate) Quote(basket FreightBasket, to FreightDestination) (FreightQuote, error) {
	none := FreightQuote{Index: -1}
	if t == nil {
		return none, errNilRequest()
	}
	tot, p := basket.totals()
	if strings.TrimSpace(to.ProvinceName) == "" {
		p = append(p, vcart.FieldError{Field: "destination.province_name", Code: "required", Msg: "must not be empty"})
	}
	p = append(p, t.quoteProblems()...)
	if err := vcart.NewValidationError(p); err != nil {
		return none, err
	}
	if t.NotSendArea != nil {
		for _, rs := range [2][]FreightAddress{t.NotSendArea.AddressInfos, t.NotSendArea.AddressInfo} {
			for _, r := range rs {
				if regionMatch(r, to) > 0 {
					return none, errors.Join(ErrNotDelivered, errors.New("not_send_area: "+regionName(r)))
				}
			}
		}
	}
	switch t.ShippingMethod {
	case FreightFree:
		return FreightQuote{Rule: FreightRuleFree, Index: -1}, nil
	case FreightFreeIfConditions:
		if t.ConditionFree != nil {
			for i, r := range t.ConditionFree.Rules {
				if r.covers(to) && r.met(t.ValuationType, tot) {
					return FreightQuote{Rule: FreightRuleConditionFree, Index: i}, nil
				}
			}
		}
	}
	m, i, rule := t.pricingRule(basket.DeliveryID, to)
	if m == nil {
		return none, ErrNoFreightRule
	}
	qty, first, step := tot.pieces, m.FirstValAmount, m.SecondValAmount
	if t.ValuationType == FreightByWeight {
		// Kilograms to grams: amounts were checked to fit.
		qty, first, step = tot.grams, first*1000, step*1000
	}
	fee := m.FirstPrice
	if qty > first && step > 0 {
		steps := (qty - first) / step
		if (qty-first)%step != 0 {
			steps++
		}
		extra, ok := mulFen(steps, m.SecondPrice)
		if !ok || extra > math.MaxInt64-fee {
			return none, vcart.NewValidationError([]vcart.FieldError{{Field: "basket", Code: "range", Msg: "freight exceeds int64 fen"}})
		}
		fee += extra
	}
	return FreightQuote{Fen: fee, Rule: rule, Index: i}, nil
}

func (b FreightBasket) totals() (basketTotals, []vcart.FieldError) {
	var (
		tot basketTotals
		p   []vcart.FieldError
	)
	if len(b.Items) == 0 {
		p = append(p, vcart.FieldError{Field: "basket.items", Code: "required", Msg: "at least one item"})
	}
	overflow := false
	for i, it := range b.Items {
		f := "basket.items[" + strconv.Itoa(i) + "]"
		if it.Count < 1 {
			p = append(p, vcart.FieldError{Field: f + ".count", Code: "range", Msg: "must be at least 1"})
		}
		if it.UnitWeightGrams < 0 {
			p = append(p, vcart.FieldError{Field: f + ".unit_weight_grams", Code: "range", Msg: "must not be negative"})
		}
		if it.UnitPriceFen < 0 {
			p = append(p, vcart.FieldError{Field: f + ".unit_price_fen", Code: "range", Msg: "must not be negative"})
		}
		if it.Count < 1 || it.UnitWeightGrams < 0 || it.UnitPriceFen < 0 || overflow {
			continue
		}
		g, ok1 := mulFen(it.Count, it.UnitWeightGrams)
		f2, ok2 := mulFen(it.Count, it.UnitPriceFen)
		if !ok1 || !ok2 || tot.pieces > math.MaxInt64-it.Count || tot.grams > math.MaxInt64-g || tot.fen > math.MaxInt64-f2 {
			overflow = true
			p = append(p, vcart.FieldError{Field: "basket.items", Code: "range", Msg: "totals exceed int64"})
			continue
		}
		tot.pieces += it.Count
		tot.grams += g
		tot.fen += f2
	}
	return tot, p
}

// maxKilograms bounds kilogram amounts so that grams fit in int64.
const maxKilograms = math.MaxInt64 / 1000

// quoteProblems checks what Quote relies on.
func (t *FreightTemplate) quoteProblems() []vcart.FieldError {
	var p []vcart.FieldError
	if t.ValuationType != FreightByPiece && t.ValuationType != FreightByWeight {
		p = append(p, vcart.FieldError{Field: "freight_template.valuation_type", Code: "enum", Msg: "must be PIECE or WEIGHT"})
	}
	switch t.ShippingMethod {
	case FreightFree, FreightFreeIfConditions, FreightNoFree:
	default:
		p = append(p, vcart.FieldError{Field: "freight_template.shipping_method", Code: "enum", Msg: "must be FREE, CONDITION_FREE or NO_FREE"})
	}
	if t.CalcMethods != nil {
		for i, m := range t.CalcMethods.Methods {
			if m.FirstValAmount < 0 || m.FirstPrice < 0 || m.SecondValAmount < 0 || m.SecondPrice < 0 ||
				m.FirstValAmount > maxKilograms || m.SecondValAmount > maxKilograms {
				p = append(p, vcart.FieldError{Field: "freight_template.all_freight_calc_method.freight_calc_method_list[" + strconv.Itoa(i) + "]",
					Code: "range", Msg: "amounts and prices must be 0..int64 (kilograms 0..int64/1000)"})
			}
		}
	}
	if t.ConditionFree != nil {
		for i, r := range t.ConditionFree.Rules {
			if _, err := r.minWeightGrams(); err != nil || r.MinPiece < 0 || r.MinAmount < 0 {
				p = append(p, vcart.FieldError{Field: "freight_template.all_condition_free_detail.condition_free_detail_list[" + strconv.Itoa(i) + "]",
					Code: "range", Msg: "thresholds must be non-negative numbers"})
			}
		}
	}
	return p
}

// pricingRule returns the rule that prices a basket to dest.
func (t *FreightTemplate) pricingRule(carrier string, dest FreightDestination) (*FreightCalcMethod, int, FreightRule) {
	if t.CalcMethods == nil {
		return nil, -1, 0
	}
	ms := t.CalcMethods.Methods
	best, bestScore := -1, 0
	def := -1
	for i := range ms {
		m := &ms[i]
		if m.DeliveryID != "" && m.DeliveryID != carrier {
			continue
		}
		if m.IsDefault {
			if def < 0 {
				def = i
			}
			continue
		}
		for _, rs := range [2][]FreightAddress{m.AddressInfos, m.AddressInfo} {
			for _, r := range rs {
				if s := regionMatch(r, dest); s > bestScore {
					best, bestScore = i, s
				}
			}
		}
	}
	if best >= 0 {
		return &ms[best], best, FreightRuleRegional
	}
	if def >= 0 {
		return &ms[def], def, FreightRuleDefault
	}
	return nil, -1, 0
}

// regionMatch returns 0 when r does not cover dest, else how specific the
// match is (1 province, 2 city, 3 county).
func regionMatch(r FreightAddress, dest FreightDestination) int {
	prov := strings.TrimSpace(r.ProvinceName)
	if prov == "" || prov != strings.TrimSpace(dest.ProvinceName) {
		return 0
	}
	score := 1
	if city := strings.TrimSpace(r.CityName); city != "" {
		if city != strings.TrimSpace(dest.CityName) {
			return 0
		}
		score++
	}
	if county := strings.TrimSpace(r.CountyName); county != "" {
		if county != strings.TrimSpace(dest.CountyName) {
			return 0
		}
		score++
	}
	return score
}

func regionName(r FreightAddress) string {
	return strings.Join(strings.Fields(r.ProvinceName+" "+r.CityName+" "+r.CountyName), " ")
}

// covers reports whether one of the rule's regions covers dest (a rule
// with no region covers none).
func (r *FreightConditionRule) covers(dest FreightDestination) bool {
	for _, a := range r.AddressInfos {
		if regionMatch(a, dest) > 0 {
			return true
		}
	}
	return false
}

// met reports whether the basket meets the rule's thresholds. Without
// flags (older data), a non-zero threshold counts as set.
func (r *FreightConditionRule) met(v FreightValuation, tot basketTotals) bool {
	minG, _ := r.minWeightGrams()
	valSet := r.ValuationFlag != 0
	amtSet := r.AmountFlag != 0
	if !valSet && !amtSet {
		valSet = (v == FreightByPiece && r.MinPiece > 0) || (v == FreightByWeight && minG > 0)
		amtSet = r.MinAmount > 0
	}
	if !valSet && !amtSet {
		return false
	}
	if valSet {
		switch v {
		case FreightByPiece:
			if tot.pieces < r.MinPiece {
				return false
			}
		case FreightByWeight:
			if max(tot.grams, 1000) < minG {
				return false
			}
		}
	}
	return !amtSet || tot.fen >= r.MinAmount
}

// minWeightGrams returns min_weight (kilograms, exact) in grams, rounded
// up to the gram.
func (r *FreightConditionRule) minWeightGrams() (int64, error) {
	if r.MinWeight == "" {
		return 0, nil
	}
	if !plainDecimal(string(r.MinWeight)) {
		return 0, errors.New("min_weight: want a plain decimal number of kilograms")
	}
	d, err := decimal.NewFromString(string(r.MinWeight))
	if err != nil || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(maxKilograms)) {
		return 0, errors.New("min_weight: want a number of kilograms 0..int64/1000")
	}
	return d.Shift(3).Ceil().IntPart(), nil
}

// mulFen multiplies two non-negative int64s, reporting overflow.
func mulFen(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if a > math.MaxInt64/b {
		return 0, false
	}
	return a * b, true
}

// plainDecimal reports whether s is digits with at most one dot, at most
// 30 characters (no sign, no exponent: an exponent would make exact
// arithmetic arbitrarily expensive).
func plainDecimal(s string) bool {
	if s == "" || len(s) > 30 {
		return false
	}
	dot, digits := false, 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}
