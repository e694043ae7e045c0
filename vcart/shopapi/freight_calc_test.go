package shopapi

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// quoteTemplate is a template in the shape of the doc's examples: the
// default rule (first piece or kilogram 5 yuan, each further 2 pieces or
// kilograms 2 yuan), a dearer rule for Xinjiang and Tibet, a cheaper one
// for Guangzhou's Tianhe district, free shipping in Beijing from 2 pieces
// and 100 yuan, and no delivery to Hong Kong.
func quoteTemplate(v FreightValuation, sm FreightShipping) *FreightTemplate {
	return &FreightTemplate{
		Name: "测试", ValuationType: v, SendTime: SendWithin48Hours, DeliveryType: DeliveryExpress,
		AddressInfo:    FreightAddress{ProvinceName: "广东省", CityName: "广州市", CountyName: "海珠区"},
		ShippingMethod: sm,
		ConditionFree: &FreightConditionFree{Rules: []FreightConditionRule{
			{AddressInfos: []FreightAddress{{ProvinceName: "北京市"}}, MinPiece: 2, MinWeight: "2.5", MinAmount: 10000, ValuationFlag: 1, AmountFlag: 1},
			{AddressInfos: []FreightAddress{{ProvinceName: "上海市"}}, MinAmount: 5000, AmountFlag: 1},
		}},
		CalcMethods: &FreightCalcMethods{Methods: []FreightCalcMethod{
			{IsDefault: true, FirstValAmount: 1, FirstPrice: 500, SecondValAmount: 2, SecondPrice: 200},
			{AddressInfos: []FreightAddress{{ProvinceName: "新疆维吾尔自治区"}, {ProvinceName: "西藏自治区"}},
				FirstValAmount: 1, FirstPrice: 1000, SecondValAmount: 1, SecondPrice: 800},
			{AddressInfo: []FreightAddress{{ProvinceName: "广东省", CityName: "广州市", CountyName: "天河区"}},
				FirstValAmount: 3, FirstPrice: 0, SecondValAmount: 1, SecondPrice: 100},
			{AddressInfos: []FreightAddress{{ProvinceName: "广东省"}}, FirstValAmount: 1, FirstPrice: 300, SecondValAmount: 1, SecondPrice: 100},
			{AddressInfos: []FreightAddress{{ProvinceName: "浙江省"}}, DeliveryID: "SF", FirstValAmount: 1, FirstPrice: 2000, SecondValAmount: 1, SecondPrice: 1000},
		}},
		NotSendArea: &FreightArea{AddressInfos: []FreightAddress{{ProvinceName: "香港特别行政区"}}},
	}
}

func pieces(n, priceFen, grams int64) FreightBasket {
	return FreightBasket{Items: []FreightItem{{Count: n, UnitPriceFen: priceFen, UnitWeightGrams: grams}}}
}

var (
	toHangzhou = FreightDestination{"浙江省", "杭州市", "西湖区"}
	toBeijing  = FreightDestination{"北京市", "北京市", "东城区"}
	toShanghai = FreightDestination{"上海市", "上海市", "静安区"}
	toUrumqi   = FreightDestination{"新疆维吾尔自治区", "乌鲁木齐市", "天山区"}
	toTianhe   = FreightDestination{"广东省", "广州市", "天河区"}
	toHaizhu   = FreightDestination{"广东省", "广州市", "海珠区"}
	toHK       = FreightDestination{"香港特别行政区", "", ""}
)

func TestFreightQuote(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		v      FreightValuation
		sm     FreightShipping
		basket FreightBasket
		to     FreightDestination
		want   FreightQuote
		err    error
	}{
		{"free", FreightByPiece, FreightFree, pieces(9, 100, 0), toUrumqi, FreightQuote{0, FreightRuleFree, -1}, nil},
		{"free but not delivered", FreightByPiece, FreightFree, pieces(1, 100, 0), toHK, FreightQuote{Index: -1}, ErrNotDelivered},
		{"default first piece only", FreightByPiece, FreightNoFree, pieces(1, 100, 0), toHangzhou, FreightQuote{500, FreightRuleDefault, 0}, nil},
		// 4 pieces: first 1 (500) + ceil(3/2)=2 steps of 200.
		{"default with additional steps", FreightByPiece, FreightNoFree, pieces(4, 100, 0), toHangzhou, FreightQuote{900, FreightRuleDefault, 0}, nil},
		{"default exact step", FreightByPiece, FreightNoFree, pieces(3, 100, 0), toHangzhou, FreightQuote{700, FreightRuleDefault, 0}, nil},
		{"carrier rule applies to its carrier", FreightByPiece, FreightNoFree,
			FreightBasket{Items: []FreightItem{{Count: 2}}, DeliveryID: "SF"}, toHangzhou, FreightQuote{3000, FreightRuleRegional, 4}, nil},
		{"regional province", FreightByPiece, FreightNoFree, pieces(3, 100, 0), toUrumqi, FreightQuote{2600, FreightRuleRegional, 1}, nil},
		// Tianhe's county rule (old address_info spelling) beats Guangdong's province rule.
		{"county beats province", FreightByPiece, FreightNoFree, pieces(5, 100, 0), toTianhe, FreightQuote{200, FreightRuleRegional, 2}, nil},
		{"county rule within its first amount", FreightByPiece, FreightNoFree, pieces(3, 100, 0), toTianhe, FreightQuote{0, FreightRuleRegional, 2}, nil},
		{"province rule elsewhere in the province", FreightByPiece, FreightNoFree, pieces(2, 100, 0), toHaizhu, FreightQuote{400, FreightRuleRegional, 3}, nil},
		{"not delivered", FreightByPiece, FreightNoFree, pieces(1, 100, 0), toHK, FreightQuote{Index: -1}, ErrNotDelivered},
		{"condition free met (pieces and amount)", FreightByPiece, FreightFreeIfConditions, pieces(2, 5000, 0), toBeijing, FreightQuote{0, FreightRuleConditionFree, 0}, nil},
		{"condition free: amount short", FreightByPiece, FreightFreeIfConditions, pieces(2, 4999, 0), toBeijing, FreightQuote{700, FreightRuleDefault, 0}, nil},
		{"condition free: pieces short", FreightByPiece, FreightFreeIfConditions, pieces(1, 20000, 0), toBeijing, FreightQuote{500, FreightRuleDefault, 0}, nil},
		{"condition free amount only", FreightByPiece, FreightFreeIfConditions, pieces(1, 5000, 0), toShanghai, FreightQuote{0, FreightRuleConditionFree, 1}, nil},
		{"condition free region not covered", FreightByPiece, FreightFreeIfConditions, pieces(9, 99999, 0), toHangzhou, FreightQuote{1300, FreightRuleDefault, 0}, nil},
		{"condition rules ignored when NO_FREE", FreightByPiece, FreightNoFree, pieces(1, 5000, 0), toShanghai, FreightQuote{500, FreightRuleDefault, 0}, nil},
		// Weight: 2 × 700 g = 1.4 kg: first 1 kg 500 + ceil(0.4/2) = 1 step of 200.
		{"weight", FreightByWeight, FreightNoFree, pieces(2, 100, 700), toHangzhou, FreightQuote{700, FreightRuleDefault, 0}, nil},
		{"weight exactly first", FreightByWeight, FreightNoFree, pieces(1, 100, 1000), toHangzhou, FreightQuote{500, FreightRuleDefault, 0}, nil},
		// 3001 g: 1 kg + 2001 g → 2 steps of 2 kg.
		{"weight just over a step", FreightByWeight, FreightNoFree, pieces(1, 100, 3001), toHangzhou, FreightQuote{900, FreightRuleDefault, 0}, nil},
		{"weight regional", FreightByWeight, FreightNoFree, pieces(1, 100, 2500), toUrumqi, FreightQuote{2600, FreightRuleRegional, 1}, nil},
		// Beijing: 2.5 kg and 100 yuan; 2 × 1.25 kg = 2.5 kg meets it.
		{"weight condition met", FreightByWeight, FreightFreeIfConditions, pieces(2, 5000, 1250), toBeijing, FreightQuote{0, FreightRuleConditionFree, 0}, nil},
		{"weight condition short by a gram", FreightByWeight, FreightFreeIfConditions, pieces(2, 5000, 1249), toBeijing, FreightQuote{700, FreightRuleDefault, 0}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := quoteTemplate(tc.v, tc.sm).Quote(tc.basket, tc.to)
			if !errors.Is(err, tc.err) || (err != nil) != (tc.err != nil) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("quote (-want +got):\n%s", d)
			}
		})
	}
}

func TestFreightQuote_UnderOneKilogramCountsAsOne(t *testing.T) {
	t.Parallel()
	tpl := quoteTemplate(FreightByWeight, FreightFreeIfConditions)
	tpl.ConditionFree.Rules = []FreightConditionRule{{AddressInfos: []FreightAddress{{ProvinceName: "北京市"}}, MinWeight: "1", ValuationFlag: 1}}
	got, err := tpl.Quote(pieces(1, 100, 300), toBeijing)
	if err != nil || got.Rule != FreightRuleConditionFree {
		t.Errorf("300 g against a 1 kg threshold = %+v, %v; want free (under 1 kg counts as 1 kg)", got, err)
	}
}

func TestFreightQuote_Invalid(t *testing.T) {
	t.Parallel()
	tpl := quoteTemplate("VOLUME", "SOMETIMES")
	tpl.CalcMethods.Methods[0].SecondPrice = -1
	tpl.ConditionFree.Rules[0].MinWeight = "1e9"
	_, err := tpl.Quote(FreightBasket{Items: []FreightItem{{Count: 0, UnitWeightGrams: -1, UnitPriceFen: -1}}}, FreightDestination{})
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	var fields []string
	for _, p := range ve.Problems {
		fields = append(fields, p.Field)
	}
	want := []string{ // sorted by field
		"basket.items[0].count", "basket.items[0].unit_price_fen", "basket.items[0].unit_weight_grams",
		"destination.province_name",
		"freight_template.all_condition_free_detail.condition_free_detail_list[0]",
		"freight_template.all_freight_calc_method.freight_calc_method_list[0]",
		"freight_template.shipping_method", "freight_template.valuation_type",
	}
	if d := cmp.Diff(want, fields); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
	if _, err := quoteTemplate(FreightByPiece, FreightNoFree).Quote(FreightBasket{}, toBeijing); !errors.As(err, &ve) {
		t.Errorf("empty basket: %v", err)
	}
	if _, err := (*FreightTemplate)(nil).Quote(pieces(1, 1, 1), toBeijing); err == nil {
		t.Error("nil template quoted")
	}
}

func TestFreightQuote_NoRule(t *testing.T) {
	t.Parallel()
	tpl := quoteTemplate(FreightByPiece, FreightNoFree)
	tpl.CalcMethods.Methods = tpl.CalcMethods.Methods[1:2] // Xinjiang and Tibet only
	if _, err := tpl.Quote(pieces(1, 1, 0), toBeijing); !errors.Is(err, ErrNoFreightRule) {
		t.Errorf("err = %v, want ErrNoFreightRule", err)
	}
}

func TestFreightQuote_Overflow(t *testing.T) {
	t.Parallel()
	tpl := quoteTemplate(FreightByPiece, FreightNoFree)
	tpl.CalcMethods.Methods[0].SecondPrice = math.MaxInt64 / 2
	tpl.CalcMethods.Methods[0].SecondValAmount = 1
	if _, err := tpl.Quote(pieces(4, 1, 0), toBeijing); err == nil {
		t.Error("a freight beyond int64 was quoted")
	}
	if _, err := tpl.Quote(FreightBasket{Items: []FreightItem{{Count: math.MaxInt64, UnitPriceFen: 2}}}, toBeijing); err == nil {
		t.Error("a basket beyond int64 was quoted")
	}
}

func TestFreightArea_BothSpellings(t *testing.T) {
	t.Parallel()
	var a FreightArea
	if err := json.Unmarshal([]byte(`{"address_info":[{"province_name":"西藏自治区"}],"address_infos":[{"province_name":"新疆维吾尔自治区"}]}`), &a); err != nil {
		t.Fatal(err)
	}
	if got := len(a.Regions()); got != 2 {
		t.Errorf("regions = %d, want 2", got)
	}
}

func FuzzFreightQuote(f *testing.F) {
	f.Add(int64(1), int64(100), int64(500), "PIECE", "NO_FREE", int64(1), int64(500), int64(2), int64(200), "2.5", "北京市")
	f.Add(int64(3), int64(9999), int64(1500), "WEIGHT", "CONDITION_FREE", int64(0), int64(0), int64(0), int64(0), "0.001", "上海市")
	f.Add(int64(-1), int64(-5), int64(math.MaxInt64), "X", "FREE", int64(math.MaxInt64), int64(-1), int64(math.MaxInt64), int64(math.MaxInt64), "1e99999999", "")
	f.Fuzz(func(t *testing.T, n, price, grams int64, v, sm string, first, firstPrice, second, secondPrice int64, minW, prov string) {
		tpl := &FreightTemplate{ValuationType: FreightValuation(v), ShippingMethod: FreightShipping(sm),
			ConditionFree: &FreightConditionFree{Rules: []FreightConditionRule{{AddressInfos: []FreightAddress{{ProvinceName: prov}},
				MinPiece: n, MinWeight: json.Number(minW), MinAmount: price, ValuationFlag: 1}}},
			CalcMethods: &FreightCalcMethods{Methods: []FreightCalcMethod{
				{IsDefault: true, FirstValAmount: first, FirstPrice: firstPrice, SecondValAmount: second, SecondPrice: secondPrice},
				{AddressInfos: []FreightAddress{{ProvinceName: prov}}, FirstValAmount: second, FirstPrice: secondPrice, SecondValAmount: first, SecondPrice: firstPrice},
			}}}
		q, err := tpl.Quote(FreightBasket{Items: []FreightItem{{Count: n, UnitPriceFen: price, UnitWeightGrams: grams}, {Count: 1}}},
			FreightDestination{ProvinceName: prov})
		if err == nil && q.Fen < 0 {
			t.Errorf("negative freight %d", q.Fen)
		}
	})
}

func BenchmarkFreightQuote(b *testing.B) {
	tpl := quoteTemplate(FreightByWeight, FreightFreeIfConditions)
	basket := FreightBasket{Items: []FreightItem{{Count: 3, UnitWeightGrams: 700, UnitPriceFen: 2990}, {Count: 1, UnitWeightGrams: 250, UnitPriceFen: 990}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tpl.Quote(basket, toTianhe); err != nil {
			b.Fatal(err)
		}
	}
}
