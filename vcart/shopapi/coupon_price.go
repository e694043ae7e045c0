package shopapi

import (
	"math"
	"math/bits"
	"sort"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// BasketLine is one line of a basket to price with a coupon.
type BasketLine struct {
	ProductID ID
	// SKUID is informative; coupons are scoped by product.
	SKUID ID
	// PriceFen is the unit price paid before the coupon, in fen.
	PriceFen int64
	// Count is the number of items, at least 1.
	Count int
}

// CouponRejection says why a coupon gives no discount on a basket.
type CouponRejection int

// Reasons a valid coupon does not apply.
const (
	CouponApplies           CouponRejection = iota
	CouponOutsideWindow                     // the order is outside the validity window (有效期)
	CouponNoEligibleProduct                 // no line is one of product_ids (商品券)
	CouponBelowPrice                        // the eligible amount is below product_price (未满门槛)
	CouponBelowCount                        // fewer eligible items than product_cnt (未满件数)
)

// String returns a short English reason.
func (r CouponRejection) String() string {
	switch r {
	case CouponApplies:
		return "applies"
	case CouponOutsideWindow:
		return "outside the validity window"
	case CouponNoEligibleProduct:
		return "no eligible product"
	case CouponBelowPrice:
		return "below the price threshold"
	case CouponBelowCount:
		return "below the item threshold"
	}
	return "CouponRejection(" + strconv.Itoa(int(r)) + ")"
}

// PriceRequest is a basket to price with a coupon.
type PriceRequest struct {
	Coupon CouponSpec
	Lines  []BasketLine
	// At is when the order is placed; it must fall in the coupon's
	// validity window.
	At time.Time
	// ReceivedAt is when the user received the coupon: a ValidDays coupon
	// is valid for valid_day_num × 24 h from then (required for one).
	ReceivedAt time.Time
}

// BasketPrice is a basket priced with a coupon, in fen.
type BasketPrice struct {
	// SubtotalFen is the basket before the coupon.
	SubtotalFen int64
	// EligibleFen and EligibleCount are the lines the coupon covers: every
	// line for a shop coupon, the lines of product_ids for a product coupon.
	EligibleFen   int64
	EligibleCount int64
	// DiscountFen is the discount: 0 ≤ DiscountFen ≤ EligibleFen.
	DiscountFen int64
	// TotalFen is what the buyer pays for the goods: SubtotalFen − DiscountFen.
	TotalFen int64
	// Rejection is CouponApplies, or why the coupon gives nothing.
	Rejection CouponRejection
	// LineDiscountFen splits DiscountFen over the request's lines (0 for a
	// line the coupon does not cover): in proportion to the covered lines'
	// amounts, rounded down, the fen left over going one each to the lines
	// with the largest remainders (the earliest on a tie). It sums to
	// DiscountFen and never exceeds a line's amount; it is what a refund of
	// one line takes back.
	LineDiscountFen []int64
}

// Applied reports whether the coupon gave a discount.
func (p BasketPrice) Applied() bool { return p.Rejection == CouponApplies && p.DiscountFen > 0 }

// FeeRequest returns the fee request for the discounted amount (应结订单金额
// is what the buyer pays after the coupon; a merchant coupon is the
// merchant's cost, so fees are charged on the discounted amount).
func (p BasketPrice) FeeRequest(method fees.Method, category vcart.Category) fees.QuoteRequest {
	return fees.QuoteRequest{Method: method, Category: category, AmountFen: p.TotalFen}
}

// Quote prices the payment of the discounted basket with calc, at the
// payment instant.
func (p BasketPrice) Quote(calc *fees.Calculator, method fees.Method, category vcart.Category, paidAt time.Time) (fees.Quote, error) {
	return calc.Quote(p.FeeRequest(method, category), paidAt)
}

// PriceBasket applies a coupon to a basket exactly in fen, as the coupon
// pages state the rules (pure: no clock, no network):
//
//   - the coupon must be valid by [CouponSpec.Validate], the lines must
//     have a product, a price ≥ 0 and a count ≥ 1, and the order must fall
//     in the validity window where one is given (start ≤ At ≤ end; with
//     valid_day_num and ReceivedAt, ReceivedAt ≤ At < ReceivedAt + days ×
//     24 h), else Rejection says why;
//   - a product coupon covers the lines of product_ids, a shop coupon all;
//   - 满减: once the covered amount reaches product_price, discount_fee off;
//     直减: discount_fee off;
//   - 折扣: the covered amount times discount_num/10000 is paid, once
//     product_cnt covered items are bought for 条件折扣. The pages give no
//     rounding rule: the paid amount is rounded up to the fen, so the
//     discount is rounded down (never more than the rate gives);
//   - the discount never exceeds the covered amount and is never negative.
//
// Problems with the request are returned together as a
// *vcart.ValidationError; amounts whose sum overflows int64 are one.
func PriceBasket(req PriceRequest) (BasketPrice, error) {
	p := req.Coupon.problems()
	var out BasketPrice
	inScope := map[ID]bool{}
	cond := CouponCondition{}
	d := CouponDiscount{}
	if req.Coupon.DiscountInfo != nil {
		d = *req.Coupon.DiscountInfo
		if d.Condition != nil {
			cond = *d.Condition
		}
	}
	for _, id := range cond.ProductIDs {
		inScope[id] = true
	}
	if req.At.IsZero() {
		p = append(p, vcart.FieldError{Field: "at", Code: "required", Msg: "the order time is required"})
	}
	if req.Coupon.ValidInfo.ValidType == ValidDays && req.ReceivedAt.IsZero() {
		p = append(p, vcart.FieldError{Field: "received_at", Code: "required", Msg: "a valid_day_num coupon needs the receive time"})
	}
	if len(req.Lines) == 0 {
		p = append(p, vcart.FieldError{Field: "lines", Code: "required", Msg: "the basket is empty"})
	}
	overflow := false
	for i, l := range req.Lines {
		f := "lines[" + strconv.Itoa(i) + "]"
		if l.ProductID == "" {
			p = append(p, vcart.FieldError{Field: f + ".product_id", Code: "required", Msg: "must not be empty"})
		}
		if l.PriceFen < 0 {
			p = append(p, vcart.FieldError{Field: f + ".price_fen", Code: "range", Msg: "must not be negative"})
		}
		if l.Count < 1 {
			p = append(p, vcart.FieldError{Field: f + ".count", Code: "range", Msg: "must be at least 1"})
		}
		if l.PriceFen < 0 || l.Count < 1 {
			continue
		}
		amount, ok := mulFen(l.PriceFen, int64(l.Count))
		if ok {
			out.SubtotalFen, ok = addFen(out.SubtotalFen, amount)
		}
		if ok && (!req.Coupon.Type.ProductScoped() || inScope[l.ProductID]) {
			out.EligibleFen, ok = addFen(out.EligibleFen, amount)
			out.EligibleCount += int64(l.Count)
		}
		if !ok && !overflow {
			overflow = true
			p = append(p, vcart.FieldError{Field: f, Code: "overflow", Msg: "the basket's amount overflows"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return BasketPrice{}, err
	}
	out.TotalFen = out.SubtotalFen
	out.LineDiscountFen = make([]int64, len(req.Lines))
	out.Rejection = couponRejection(req, cond, out)
	if out.Rejection != CouponApplies {
		return out, nil
	}
	switch req.Coupon.Type.Kind() {
	case KindThreshold, KindDirect:
		out.DiscountFen = min(d.Fee, out.EligibleFen)
	case KindDiscount, KindConditionalDiscount:
		// Paid = ceil(eligible × num / 10000); discount = eligible − paid
		// = floor(eligible × (10000 − num) / 10000). eligible < 2^63 and
		// 10000 − num ≤ 8000 < 2^13: the product fits 76 bits, so hi <
		// 10000 and Div64 cannot panic.
		hi, lo := bits.Mul64(uint64(out.EligibleFen), uint64(10000-d.Num))
		q, _ := bits.Div64(hi, lo, 10000)
		out.DiscountFen = int64(q)
	}
	out.DiscountFen = max(0, min(out.DiscountFen, out.EligibleFen))
	out.TotalFen = out.SubtotalFen - out.DiscountFen
	splitDiscount(req, out)
	return out, nil
}

// splitDiscount spreads the discount over the covered lines (largest
// remainder). Every amount was checked not to overflow; share =
// discount × amount / eligible is computed in 128 bits: discount ≤
// eligible and amount ≤ eligible, so the high word is below eligible and
// Div64 cannot panic.
func splitDiscount(req PriceRequest, b BasketPrice) {
	split := b.LineDiscountFen
	if b.DiscountFen == 0 || b.EligibleFen == 0 {
		return
	}
	covered := map[ID]bool{}
	if d := req.Coupon.DiscountInfo; d != nil && d.Condition != nil {
		for _, id := range d.Condition.ProductIDs {
			covered[id] = true
		}
	}
	rem := make([]uint64, len(req.Lines))
	var idx []int
	left := b.DiscountFen
	for i, l := range req.Lines {
		if req.Coupon.Type.ProductScoped() && !covered[l.ProductID] {
			continue
		}
		amount := l.PriceFen * int64(l.Count)
		hi, lo := bits.Mul64(uint64(b.DiscountFen), uint64(amount))
		q, r := bits.Div64(hi, lo, uint64(b.EligibleFen))
		split[i], rem[i] = int64(q), r
		left -= int64(q)
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(a, c int) bool { return rem[idx[a]] > rem[idx[c]] })
	for _, i := range idx {
		if left == 0 {
			break
		}
		if rem[i] > 0 {
			split[i]++
			left--
		}
	}
}

func couponRejection(req PriceRequest, cond CouponCondition, b BasketPrice) CouponRejection {
	v := req.Coupon.ValidInfo
	at := req.At.Unix()
	if v.StartTime > 0 && v.EndTime > 0 && (at < v.StartTime || at > v.EndTime) {
		return CouponOutsideWindow
	}
	if v.ValidDayNum > 0 && !req.ReceivedAt.IsZero() {
		from := req.ReceivedAt.Unix()
		if at < from || at-from >= int64(v.ValidDayNum)*86400 {
			return CouponOutsideWindow
		}
	}
	if b.EligibleCount == 0 {
		return CouponNoEligibleProduct
	}
	switch req.Coupon.Type.Kind() {
	case KindThreshold:
		if b.EligibleFen < cond.ProductPrice {
			return CouponBelowPrice
		}
	case KindConditionalDiscount:
		if b.EligibleCount < int64(cond.ProductCnt) {
			return CouponBelowCount
		}
	}
	return CouponApplies
}

func addFen(a, b int64) (int64, bool) {
	if a > math.MaxInt64-b {
		return 0, false
	}
	return a + b, true
}
