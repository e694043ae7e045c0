package fees

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// MaxRefunds is WeChat Pay's limit of refunds per order (at most 50 partial
// refunds).
const MaxRefunds = 50

// ErrRefund reports a refund series that cannot apply to the quote: a
// non-positive refund, refunds above the gross, or more than [MaxRefunds].
var ErrRefund = errors.New("fees: invalid refund")

// Refund is one refund of a series and the fee it gives back.
type Refund struct {
	// Fen is the refunded amount in fen.
	Fen int64
	// FeeReturnedFen is the fee returned to the merchant for this refund:
	// the refund × each merchant-paid rate, rounded per refund and per line.
	FeeReturnedFen int64
	// Capped reports that rounding would have returned more fee than the
	// original line had left, so the return was cut to what remained.
	Capped bool
	// Tie reports an exact half fen on some line of this refund.
	Tie bool
}

// RefundQuote is the fee effect of a series of refunds (退款退手续费) on
// one payment.
type RefundQuote struct {
	// Version is the schedule version of the quote; Rounding is the quote's
	// rounding mode, which every refund's return uses.
	Version  string
	Rounding vcart.RoundingMode
	Refunds  []Refund
	// RefundedFen is the total refunded; RemainingFen is GrossFen −
	// RefundedFen.
	RefundedFen  int64
	RemainingFen int64
	// Full reports that the whole gross has been refunded.
	Full bool
	// FeeReturnedFen is the sum of the per-refund returns; it never exceeds
	// the original percentage fees.
	FeeReturnedFen int64
	// FeeKeptFen is the merchant-paid fee not returned: the original
	// merchant fees (fixed fees are never returned) minus FeeReturnedFen.
	FeeKeptFen int64
	// DriftFen is the fee a single refund of the same total would have
	// returned minus FeeReturnedFen: what per-refund rounding cost (positive)
	// or gave (negative) the merchant. It is usually within one fen; many
	// small refunds that each round to zero can drift further, and the
	// quote reports that as it is.
	DriftFen int64
}

// Amount returns the refunded amount as [vcart.Fen].
func (r Refund) Amount() vcart.Fen { return vcart.Fen(r.Fen) }

// FeeReturned returns the fee returned for this refund.
func (r Refund) FeeReturned() vcart.Fen { return vcart.Fen(r.FeeReturnedFen) }

// Refunded returns the total refunded.
func (rq *RefundQuote) Refunded() vcart.Fen { return vcart.Fen(rq.RefundedFen) }

// Remaining returns the part of the gross not refunded.
func (rq *RefundQuote) Remaining() vcart.Fen { return vcart.Fen(rq.RemainingFen) }

// FeeReturned returns the total fee returned.
func (rq *RefundQuote) FeeReturned() vcart.Fen { return vcart.Fen(rq.FeeReturnedFen) }

// FeeKept returns the merchant-paid fee not returned.
func (rq *RefundQuote) FeeKept() vcart.Fen { return vcart.Fen(rq.FeeKeptFen) }

// Drift returns [RefundQuote.DriftFen] as [vcart.Fen].
func (rq *RefundQuote) Drift() vcart.Fen { return vcart.Fen(rq.DriftFen) }

// Refunds applies a series of refunds (amounts in fen, in order) to the
// payment quoted in q. Following WeChat Pay, each refund returns refund ×
// rate of every merchant-paid percentage line, rounded to the fen per refund
// with the quote's mode ([Quote.Rounding], the mode the payment was quoted
// with, whatever c's own mode is); a return is capped at what the line has
// left, so the total never exceeds the original fee. Fixed fees are not
// returned. Buyer-paid lines are outside the merchant's account and are
// ignored.
func (c *Calculator) Refunds(q Quote, refundsFen ...int64) (RefundQuote, error) {
	var p []vcart.FieldError
	if q.GrossFen <= 0 || len(q.Lines) == 0 {
		p = append(p, vcart.FieldError{Field: "quote", Code: "quote.empty", Msg: "the quote has no gross or no fee lines"})
	}
	if !q.Rounding.Valid() {
		p = append(p, vcart.FieldError{Field: "quote.Rounding", Code: "quote.rounding", Msg: "the quote's rounding mode is not a known mode"})
	}
	if len(refundsFen) == 0 {
		p = append(p, vcart.FieldError{Field: "refunds", Code: "refunds.empty", Msg: "no refund given"})
	}
	if len(refundsFen) > MaxRefunds {
		p = append(p, vcart.FieldError{Field: "refunds", Code: "refunds.too_many", Msg: "WeChat Pay allows at most " + strconv.Itoa(MaxRefunds) + " refunds per order"})
	}
	var total int64
	for i, r := range refundsFen {
		if r <= 0 {
			p = append(p, vcart.FieldError{Field: "refunds[" + strconv.Itoa(i) + "]", Code: "refund.not_positive", Msg: "a refund must be positive"})
			continue
		}
		total += r
		if total > q.GrossFen {
			p = append(p, vcart.FieldError{Field: "refunds[" + strconv.Itoa(i) + "]", Code: "refund.exceeds_gross",
				Msg: fmt.Sprintf("refunds reach %s, above the gross %s", vcart.Fen(total), vcart.Fen(q.GrossFen))})
			total = q.GrossFen // report each excess once
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return RefundQuote{}, errors.Join(ErrRefund, err)
	}
	mode := q.Rounding
	left := make([]int64, len(q.Lines))
	var merchantFees int64
	for i, l := range q.Lines {
		if l.Payer == PayerMerchant {
			merchantFees += l.Fen
			if returnable(l) {
				left[i] = l.Fen
			}
		}
	}
	rq := RefundQuote{Version: q.Version, Rounding: mode, Refunds: make([]Refund, len(refundsFen))}
	for k, r := range refundsFen {
		rf := Refund{Fen: r}
		for i, l := range q.Lines {
			if l.Payer != PayerMerchant || !returnable(l) {
				continue
			}
			fee, tie := lineRate(l).FeeFen(r, mode)
			rf.Tie = rf.Tie || tie
			if fee > left[i] {
				fee, rf.Capped = left[i], true
			}
			left[i] -= fee
			rf.FeeReturnedFen += fee
		}
		rq.Refunds[k] = rf
		rq.RefundedFen += r
		rq.FeeReturnedFen += rf.FeeReturnedFen
	}
	var once int64
	for _, l := range q.Lines {
		if l.Payer == PayerMerchant && returnable(l) {
			once += min(l.Fen, must(lineRate(l).FeeFen(rq.RefundedFen, mode)))
		}
	}
	rq.RemainingFen = q.GrossFen - rq.RefundedFen
	rq.Full = rq.RemainingFen == 0
	rq.FeeKeptFen = merchantFees - rq.FeeReturnedFen
	rq.DriftFen = once - rq.FeeReturnedFen
	return rq, nil
}

func returnable(l Line) bool {
	return l.Kind == LinePercentage || l.Kind == LinePerPeriod || l.Kind == LineInstallment
}

// lineRate is the rate a line applies to its base over all its periods.
func lineRate(l Line) Rate {
	if l.Kind == LinePerPeriod {
		return l.Rate * Rate(l.Periods)
	}
	return l.Rate
}

func must(fee int64, _ bool) int64 { return fee }
