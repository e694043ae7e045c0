package fees_test

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestRefunds(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	type sum struct {
		Returned     []int64
		Capped       []bool
		Total, Kept  int64
		Drift        int64
		Full         bool
		RemainingFen int64
	}
	tests := []struct {
		name    string
		req     fees.QuoteRequest
		refunds []int64
		want    sum
	}{
		{"full refund returns the whole fee", fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 1000},
			[]int64{1000}, sum{[]int64{6}, []bool{false}, 6, 0, 0, true, 0}},
		{"partial refund", fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 10000},
			[]int64{2500}, sum{[]int64{15}, []bool{false}, 15, 45, 0, false, 7500}},
		{"two halves of ¥1.00 return nothing: drift one fen", fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 100},
			[]int64{50, 50}, sum{[]int64{0, 0}, []bool{false, false}, 0, 1, 1, true, 0}},
		{"jewellery 1.2% tie: a full refund returns the whole fee", fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: "jewellery", AmountFen: 125},
			[]int64{125}, sum{[]int64{2}, []bool{false}, 2, 0, 0, true, 0}},
		{"two tie-rounded halves return exactly the fee", fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 250},
			// 2.50 at 0.6% = 1.5 fen → 2; 1.25 ×2 → 0.75 → 1 each.
			[]int64{125, 125}, sum{[]int64{1, 1}, []bool{false, false}, 2, 0, 0, true, 0}},
		{"three refunds, last capped", fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 300},
			// fee 1.8 → 2; refunds of 1.00 → 0.6 → 1 each: the third is capped at 0.
			[]int64{100, 100, 100}, sum{[]int64{1, 1, 0}, []bool{false, false, true}, 2, 0, 0, true, 0}},
		{"fixed fee is kept", fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 10000, FX: usdRate},
			[]int64{10000}, sum{[]int64{350}, []bool{false}, 350, 214, 0, true, 0}},
		{"fifty refunds that each round to zero drift by more than a fen", fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 4150},
			fifty(83), sum{make([]int64, 50), make([]bool, 50), 0, 25, 25, true, 0}},
		{"installment per-period fee is returned too", fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: 10000, Periods: 6},
			[]int64{5000, 5000}, sum{[]int64{60, 60}, []bool{false, false}, 120, 0, 0, true, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := calc.Quote(tt.req, march1)
			if err != nil {
				t.Fatal(err)
			}
			rq, err := calc.Refunds(q, tt.refunds...)
			if err != nil {
				t.Fatal(err)
			}
			got := sum{Total: rq.FeeReturnedFen, Kept: rq.FeeKeptFen, Drift: rq.DriftFen, Full: rq.Full, RemainingFen: rq.RemainingFen}
			for _, r := range rq.Refunds {
				got.Returned = append(got.Returned, r.FeeReturnedFen)
				got.Capped = append(got.Capped, r.Capped)
				if r.FeeReturned() != vcart.Fen(r.FeeReturnedFen) || r.Amount() != vcart.Fen(r.Fen) {
					t.Errorf("money fields disagree with fen: %+v", r)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if rq.Drift() != vcart.Fen(rq.DriftFen) || rq.FeeKept() != vcart.Fen(rq.FeeKeptFen) || rq.Refunded() != vcart.Fen(rq.RefundedFen) ||
				rq.Remaining() != vcart.Fen(rq.RemainingFen) || rq.FeeReturned() != vcart.Fen(rq.FeeReturnedFen) {
				t.Errorf("money fields disagree: %+v", rq)
			}
		})
	}
}

// TestRefundsUseTheQuoteRounding refunds a payment quoted half-even through
// a half-up calculator: each refund rounds as the quote did. ¥15.00 at 0.6%
// is 9 fen either way; two refunds of ¥7.50 are 4.5 fen each: half-even
// returns 4 + 4 (a fen of drift), half-up would return 5 and then the
// capped 4.
func TestRefundsUseTheQuoteRounding(t *testing.T) {
	t.Parallel()
	even := seedCalc(t, fees.WithRounding(vcart.HalfEven))
	up := seedCalc(t, fees.WithRounding(vcart.HalfUp))
	q, err := even.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 1500}, march1)
	if err != nil {
		t.Fatal(err)
	}
	if q.Rounding != vcart.HalfEven || q.MerchantFeeFen != 9 {
		t.Fatalf("quote %+v", q)
	}
	rq, err := up.Refunds(q, 750, 750)
	if err != nil {
		t.Fatal(err)
	}
	type sum struct {
		Rounding vcart.RoundingMode
		Returned [2]int64
		Capped   [2]bool
		Total    int64
		Drift    int64
	}
	got := sum{rq.Rounding, [2]int64{rq.Refunds[0].FeeReturnedFen, rq.Refunds[1].FeeReturnedFen},
		[2]bool{rq.Refunds[0].Capped, rq.Refunds[1].Capped}, rq.FeeReturnedFen, rq.DriftFen}
	want := sum{vcart.HalfEven, [2]int64{4, 4}, [2]bool{false, false}, 8, 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	bad := q
	bad.Rounding = vcart.RoundingMode(99)
	if _, err := up.Refunds(bad, 750); !errors.Is(err, fees.ErrRefund) || !cmp.Equal(codes(err), []string{"quote.Rounding:quote.rounding"}) {
		t.Errorf("a quote with an unknown rounding mode: %v", err)
	}
}

func fifty(fen int64) []int64 {
	r := make([]int64, 50)
	for i := range r {
		r[i] = fen
	}
	return r
}

func TestRefundErrors(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	q, _ := calc.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 1000}, march1)
	many := make([]int64, fees.MaxRefunds+1)
	for i := range many {
		many[i] = 1
	}
	tests := []struct {
		name    string
		q       fees.Quote
		refunds []int64
		want    []string
	}{
		{"none", q, nil, []string{"refunds:refunds.empty"}},
		{"zero and negative", q, []int64{0, -1}, []string{"refunds[0]:refund.not_positive", "refunds[1]:refund.not_positive"}},
		{"over the gross", q, []int64{600, 600}, []string{"refunds[1]:refund.exceeds_gross"}},
		{"too many", q, many, []string{"refunds:refunds.too_many"}},
		{"empty quote", fees.Quote{}, []int64{1}, []string{"quote:quote.empty", "refunds[0]:refund.exceeds_gross"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := calc.Refunds(tt.q, tt.refunds...)
			if !errors.Is(err, fees.ErrRefund) || !errors.Is(err, vcart.ErrInvalid) {
				t.Fatalf("error %v, want ErrRefund and ErrInvalid", err)
			}
			if diff := cmp.Diff(tt.want, codes(err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRefundProperties: on random payments and refund series, refunded fees
// never exceed the original fee, each return is its own rounded share, and
// the books balance: returned + kept = merchant fees.
func TestRefundProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for _, mode := range []vcart.RoundingMode{vcart.HalfUp, vcart.HalfEven, vcart.Up} {
		calc := seedCalc(t, fees.WithRounding(mode))
		for range n {
			req := fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.Categories()[rng.IntN(6)], AmountFen: 1 + rng.Int64N(50000)}
			if rng.IntN(3) == 0 {
				req = fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: req.AmountFen, Periods: 12}
			}
			q, err := calc.Quote(req, march1)
			if err != nil {
				t.Fatal(err)
			}
			left := q.GrossFen
			var refunds []int64
			for left > 0 && len(refunds) < fees.MaxRefunds {
				r := 1 + rng.Int64N(left)
				if rng.IntN(4) == 0 {
					r = left
				}
				refunds = append(refunds, r)
				left -= r
			}
			rq, err := calc.Refunds(q, refunds...)
			if err != nil {
				t.Fatal(err)
			}
			if rq.FeeReturnedFen > q.MerchantFeeFen || rq.FeeReturnedFen < 0 {
				t.Fatalf("%s %+v refunds %v: returned %d > fee %d", mode, req, refunds, rq.FeeReturnedFen, q.MerchantFeeFen)
			}
			if rq.FeeReturnedFen+rq.FeeKeptFen != q.MerchantFeeFen {
				t.Fatalf("returned %d + kept %d ≠ fee %d", rq.FeeReturnedFen, rq.FeeKeptFen, q.MerchantFeeFen)
			}
			var total int64
			for _, r := range rq.Refunds {
				total += r.Fen
			}
			if total != rq.RefundedFen || rq.RemainingFen != q.GrossFen-total {
				t.Fatalf("refund totals disagree: %+v", rq)
			}
			if len(refunds) == 1 && rq.DriftFen != 0 {
				t.Fatalf("a single refund cannot drift: %+v", rq)
			}
		}
	}
}
