package shopapi

import (
	"errors"
	"math"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

var priceAt = time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())

func testSpec(typ CouponType, d CouponDiscount) CouponSpec {
	at := priceAt.Unix()
	return CouponSpec{Type: typ, CouponInfo: CouponInfo{Name: "测试券", PromoteInfo: CouponPromoteInfo{PromoteType: PromoteInShop},
		DiscountInfo: &d,
		ReceiveInfo:  CouponReceiveInfo{StartTime: at - 86400, EndTime: at + 86400, LimitNumOnePerson: 1, TotalNum: 100},
		ValidInfo:    CouponValidity{ValidType: ValidTimeRange, StartTime: at - 3600, EndTime: at + 3600}}}
}

func cond(cnt int, price int64, ids ...ID) *CouponCondition {
	return &CouponCondition{ProductCnt: cnt, ProductPrice: price, ProductIDs: ids}
}

func TestPriceBasket(t *testing.T) {
	t.Parallel()
	walnut := BasketLine{ProductID: "p-walnut", PriceFen: 3990, Count: 2} // 7980
	tea := BasketLine{ProductID: "p-tea", PriceFen: 12800, Count: 1}      // 12800
	odd := BasketLine{ProductID: "p-odd", PriceFen: 3333, Count: 3}       // 9999
	tests := []struct {
		name  string
		spec  CouponSpec
		lines []BasketLine
		at    time.Time
		recv  time.Time
		want  BasketPrice
	}{
		{"店铺满减 reached: 20 off 100", testSpec(CouponShopThreshold, CouponDiscount{Fee: 2000, Condition: cond(0, 10000)}),
			[]BasketLine{walnut, tea}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 20780, EligibleFen: 20780, EligibleCount: 3, DiscountFen: 2000, TotalFen: 18780, LineDiscountFen: []int64{768, 1232}}},
		{"店铺满减 threshold is inclusive", testSpec(CouponShopThreshold, CouponDiscount{Fee: 2000, Condition: cond(0, 7980)}),
			[]BasketLine{walnut}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 7980, EligibleFen: 7980, EligibleCount: 2, DiscountFen: 2000, TotalFen: 5980, LineDiscountFen: []int64{2000}}},
		{"店铺满减 below the threshold", testSpec(CouponShopThreshold, CouponDiscount{Fee: 2000, Condition: cond(0, 10000)}),
			[]BasketLine{walnut}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 7980, EligibleFen: 7980, EligibleCount: 2, TotalFen: 7980, Rejection: CouponBelowPrice, LineDiscountFen: []int64{0}}},
		{"商品满减 counts the listed products only", testSpec(CouponProductThreshold, CouponDiscount{Fee: 1000, Condition: cond(0, 8000, "p-walnut")}),
			[]BasketLine{walnut, tea}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 20780, EligibleFen: 7980, EligibleCount: 2, TotalFen: 20780, Rejection: CouponBelowPrice, LineDiscountFen: []int64{0, 0}}},
		{"商品直减 on the listed product", testSpec(CouponProductDirect, CouponDiscount{Fee: 500, Condition: cond(0, 0, "p-tea")}),
			[]BasketLine{walnut, tea}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 20780, EligibleFen: 12800, EligibleCount: 1, DiscountFen: 500, TotalFen: 20280, LineDiscountFen: []int64{0, 500}}},
		{"商品直减 without a listed product", testSpec(CouponProductDirect, CouponDiscount{Fee: 500, Condition: cond(0, 0, "p-other")}),
			[]BasketLine{walnut}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 7980, TotalFen: 7980, Rejection: CouponNoEligibleProduct, LineDiscountFen: []int64{0}}},
		{"店铺直减 capped at the basket", testSpec(CouponShopDirect, CouponDiscount{Fee: 20000}),
			[]BasketLine{{ProductID: "p-pin", PriceFen: 150, Count: 1}}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 150, EligibleFen: 150, EligibleCount: 1, DiscountFen: 150, TotalFen: 0, LineDiscountFen: []int64{150}}},
		{"店铺统一折扣 8.5折: the discount rounds down", testSpec(CouponShopDiscount, CouponDiscount{Num: 8500}),
			[]BasketLine{odd}, priceAt, time.Time{},
			// 9999 × 15% = 1499.85 → 1499 off, 8500 paid (8499.15 rounded up)
			BasketPrice{SubtotalFen: 9999, EligibleFen: 9999, EligibleCount: 3, DiscountFen: 1499, TotalFen: 8500, LineDiscountFen: []int64{1499}}},
		{"店铺统一折扣 at 10折 gives nothing", testSpec(CouponShopDiscount, CouponDiscount{Num: 10000}),
			[]BasketLine{odd}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 9999, EligibleFen: 9999, EligibleCount: 3, TotalFen: 9999, LineDiscountFen: []int64{0}}},
		{"商品条件折扣 reached: 2 items at 8折", testSpec(CouponProductConditionalDiscount, CouponDiscount{Num: 8000, Condition: cond(2, 0, "p-walnut")}),
			[]BasketLine{walnut, tea}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 20780, EligibleFen: 7980, EligibleCount: 2, DiscountFen: 1596, TotalFen: 19184, LineDiscountFen: []int64{1596, 0}}},
		{"店铺条件折扣 below the item count", testSpec(CouponShopConditionalDiscount, CouponDiscount{Num: 8000, Condition: cond(3, 0)}),
			[]BasketLine{walnut}, priceAt, time.Time{},
			BasketPrice{SubtotalFen: 7980, EligibleFen: 7980, EligibleCount: 2, TotalFen: 7980, Rejection: CouponBelowCount, LineDiscountFen: []int64{0}}},
		{"before the validity window", testSpec(CouponShopDirect, CouponDiscount{Fee: 500}),
			[]BasketLine{walnut}, priceAt.Add(-2 * time.Hour), time.Time{},
			BasketPrice{SubtotalFen: 7980, EligibleFen: 7980, EligibleCount: 2, TotalFen: 7980, Rejection: CouponOutsideWindow, LineDiscountFen: []int64{0}}},
		{"the window's end is inclusive", testSpec(CouponShopDirect, CouponDiscount{Fee: 500}),
			[]BasketLine{walnut}, priceAt.Add(time.Hour), time.Time{},
			BasketPrice{SubtotalFen: 7980, EligibleFen: 7980, EligibleCount: 2, DiscountFen: 500, TotalFen: 7480, LineDiscountFen: []int64{500}}},
		{"valid_day_num: 3 days after receipt, expired", func() CouponSpec {
			s := testSpec(CouponShopDirect, CouponDiscount{Fee: 500})
			s.ValidInfo = CouponValidity{ValidType: ValidDays, ValidDayNum: 3}
			return s
		}(), []BasketLine{walnut}, priceAt, priceAt.Add(-72 * time.Hour),
			BasketPrice{SubtotalFen: 7980, EligibleFen: 7980, EligibleCount: 2, TotalFen: 7980, Rejection: CouponOutsideWindow, LineDiscountFen: []int64{0}}},
		{"valid_day_num: within the days", func() CouponSpec {
			s := testSpec(CouponShopDirect, CouponDiscount{Fee: 500})
			s.ValidInfo = CouponValidity{ValidType: ValidDays, ValidDayNum: 3}
			return s
		}(), []BasketLine{walnut}, priceAt, priceAt.Add(-71 * time.Hour),
			BasketPrice{SubtotalFen: 7980, EligibleFen: 7980, EligibleCount: 2, DiscountFen: 500, TotalFen: 7480, LineDiscountFen: []int64{500}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := PriceBasket(PriceRequest{Coupon: tt.spec, Lines: tt.lines, At: tt.at, ReceivedAt: tt.recv})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("PriceBasket (-want +got):\n%s", diff)
			}
		})
	}
}

func problemFields(t *testing.T, err error) []string {
	t.Helper()
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *vcart.ValidationError, got %v", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+":"+p.Code)
	}
	sort.Strings(out)
	return out
}

func TestPriceBasketReportsEveryProblem(t *testing.T) {
	t.Parallel()
	spec := testSpec(CouponShopThreshold, CouponDiscount{Fee: 9000, Condition: cond(0, 10000)}) // above 80% of the threshold
	spec.ValidInfo = CouponValidity{ValidType: ValidDays, ValidDayNum: 3}
	_, err := PriceBasket(PriceRequest{Coupon: spec, Lines: []BasketLine{
		{ProductID: "", PriceFen: -1, Count: 0},
		{ProductID: "p", PriceFen: math.MaxInt64, Count: 2},
	}})
	want := []string{"at:required", "discount_info.discount_fee:range", "lines[0].count:range", "lines[0].price_fen:range",
		"lines[0].product_id:required", "lines[1]:overflow", "received_at:required"}
	if diff := cmp.Diff(want, problemFields(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestCouponSpecValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		spec CouponSpec
		want []string
	}{
		{"valid 满减", testSpec(CouponShopThreshold, CouponDiscount{Fee: 2000, Condition: cond(0, 10000)}), nil},
		{"rate not in steps of 100, below 2折, with a fee", testSpec(CouponShopDiscount, CouponDiscount{Num: 1950, Fee: 10}),
			[]string{"discount_info.discount_fee:forbidden", "discount_info.discount_num:range"}},
		{"product coupon without products, both thresholds", testSpec(CouponProductConditionalDiscount, CouponDiscount{Num: 8000, Condition: cond(2, 100)}),
			[]string{"discount_info.discount_condition.product_ids:required", "discount_info.discount_condition:exclusive"}},
		{"shop coupon naming products, fee above ¥200", testSpec(CouponShopDirect, CouponDiscount{Fee: 20001, Condition: cond(0, 0, "p")}),
			[]string{"discount_info.discount_condition.product_ids:forbidden", "discount_info.discount_fee:range"}},
		{"unknown type, long name, no window", func() CouponSpec {
			s := testSpec(CouponType(7), CouponDiscount{})
			s.Name = "一二三四五六七八九十十一"
			s.ValidInfo = CouponValidity{ValidType: 3}
			s.ReceiveInfo = CouponReceiveInfo{}
			s.PromoteInfo.PromoteType = 0
			return s
		}(), []string{"name:length", "promote_info.promote_type:required", "receive_info.end_time:range",
			"receive_info.limit_num_one_person:range", "receive_info.total_num:range", "type:enum", "valid_info.valid_type:enum",
			"valid_info:required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.spec.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(tt.want, problemFields(t, err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBasketPriceQuote(t *testing.T) {
	t.Parallel()
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		t.Fatal(err)
	}
	p, err := PriceBasket(PriceRequest{Coupon: testSpec(CouponShopThreshold, CouponDiscount{Fee: 2000, Condition: cond(0, 10000)}),
		Lines: []BasketLine{{ProductID: "p", PriceFen: 12000, Count: 1}}, At: priceAt})
	if err != nil {
		t.Fatal(err)
	}
	q, err := p.Quote(calc, fees.MethodWeChatPay, vcart.CategoryGeneral, priceAt)
	if err != nil {
		t.Fatal(err)
	}
	direct, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 10000}, priceAt)
	if err != nil {
		t.Fatal(err)
	}
	if q.GrossFen != 10000 || q.MerchantFeeFen != direct.MerchantFeeFen {
		t.Errorf("quote on the discounted amount = gross %d fee %d, want 10000 and %d", q.GrossFen, q.MerchantFeeFen, direct.MerchantFeeFen)
	}
}

func FuzzPriceBasket(f *testing.F) {
	f.Add(int(CouponShopThreshold), int64(2000), int64(0), 0, int64(10000), int64(3990), 2, int64(12800), 1, int64(0))
	f.Add(int(CouponShopDiscount), int64(0), int64(8500), 0, int64(0), int64(3333), 3, int64(1), 1, int64(3600))
	f.Add(int(CouponProductConditionalDiscount), int64(0), int64(2000), 2, int64(0), int64(math.MaxInt64/2), 2, int64(7), 1, int64(-7200))
	f.Add(int(CouponProductDirect), int64(20000), int64(0), 0, int64(0), int64(1), 1, int64(0), 5, int64(0))
	f.Fuzz(func(t *testing.T, typ int, fee, num int64, cnt int, threshold, p1 int64, c1 int, p2 int64, c2 int, offset int64) {
		spec := testSpec(CouponType(typ), CouponDiscount{Fee: fee, Num: num, Condition: cond(cnt, threshold, "p1")})
		lines := []BasketLine{{ProductID: "p1", PriceFen: p1, Count: c1}, {ProductID: "p2", PriceFen: p2, Count: c2}}
		got, err := PriceBasket(PriceRequest{Coupon: spec, Lines: lines, At: priceAt.Add(time.Duration(offset%100000) * time.Second)})
		if err != nil {
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error is not a validation error: %v", err)
			}
			return
		}
		if got.DiscountFen < 0 || got.DiscountFen > got.EligibleFen || got.EligibleFen > got.SubtotalFen {
			t.Fatalf("discount %d outside 0..eligible %d ≤ subtotal %d", got.DiscountFen, got.EligibleFen, got.SubtotalFen)
		}
		if got.TotalFen != got.SubtotalFen-got.DiscountFen || got.TotalFen < 0 {
			t.Fatalf("total %d ≠ subtotal %d − discount %d", got.TotalFen, got.SubtotalFen, got.DiscountFen)
		}
		if got.Rejection != CouponApplies && got.DiscountFen != 0 {
			t.Fatalf("rejected (%v) but discounted %d", got.Rejection, got.DiscountFen)
		}
		var sum int64
		for i, d := range got.LineDiscountFen {
			if d < 0 || d > lines[i].PriceFen*int64(lines[i].Count) {
				t.Fatalf("line %d: discount %d outside its amount", i, d)
			}
			sum += d
		}
		if len(got.LineDiscountFen) != len(lines) || sum != got.DiscountFen {
			t.Fatalf("line discounts %v do not sum to %d", got.LineDiscountFen, got.DiscountFen)
		}
	})
}

func BenchmarkPriceBasket(b *testing.B) {
	req := PriceRequest{Coupon: testSpec(CouponShopDiscount, CouponDiscount{Num: 8500}), At: priceAt}
	for i := range 20 {
		req.Lines = append(req.Lines, BasketLine{ProductID: ID("p" + string(rune('a'+i))), PriceFen: int64(1000 + i), Count: 1 + i%3})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PriceBasket(req); err != nil {
			b.Fatal(err)
		}
	}
}
