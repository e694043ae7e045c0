package kpi

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart"
)

type placed struct {
	ID   vcart.ProductID
	Role Role
	Rank int
}

func placements(s *Selection) []placed {
	var out []placed
	for _, p := range s.Products {
		out = append(out, placed{p.ProductID, p.Role, p.Rank})
	}
	return out
}

// tenProducts has distinct prices, clicks and margins.
func tenProducts() []ProductFigures {
	var ps []ProductFigures
	for i := range 10 {
		ps = append(ps, ProductFigures{ProductID: vcart.ProductID(fmt.Sprintf("p%02d", i)), PriceFen: int64(1990 + 1000*i),
			ClickUV: int64(500 - 40*i), PayUV: int64(50 - 4*i), GMVFen: int64(100_000 + 5_000*i), MarginFen: int64(10_000 + 3_000*i)})
	}
	return ps
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		products []ProductFigures
		want     []placed
	}{
		{name: "empty", products: nil, want: nil},
		{
			name:     "3:5:2 of ten",
			products: tenProducts(),
			want: []placed{
				{"p00", RoleTraffic, 1}, {"p01", RoleTraffic, 2}, {"p02", RoleTraffic, 3},
				{"p07", RoleProfit, 1}, {"p06", RoleProfit, 2}, {"p05", RoleProfit, 3}, {"p04", RoleProfit, 4}, {"p03", RoleProfit, 5},
				{"p09", RoleImage, 1}, {"p08", RoleImage, 2},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := Suggest(tt.products, SeedMixPolicy(), SelectionConfig{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, placements(s)); diff != "" {
				t.Errorf("placements (-want +got):\n%s", diff)
			}
			// The selection is on the policy's target by construction.
			rep, err := CheckMix(s.Assorted(), SeedMixPolicy())
			if err != nil {
				t.Fatal(err)
			}
			if len(tt.products) > 0 && !rep.OnTarget {
				t.Errorf("mix not on target: %+v", rep.Roles)
			}
		})
	}
}

func TestSuggest_Ties(t *testing.T) {
	t.Parallel()
	products := []ProductFigures{
		{ProductID: "b", PriceFen: 1000, ClickUV: 10, GMVFen: 1000, MarginFen: 500},
		{ProductID: "a", PriceFen: 1000, ClickUV: 10, GMVFen: 1000, MarginFen: 100},
		{ProductID: "c", PriceFen: 1000, ClickUV: 10, GMVFen: 1000, MarginFen: 100},
		{ProductID: "d", PriceFen: 1000, ClickUV: 10, GMVFen: 1000, MarginFen: 900},
	}
	s, err := Suggest(products, MixPolicy{Version: "1:2:1", Traffic: 1, Profit: 2, Image: 1, TolerancePP: dec(5)}, SelectionConfig{})
	if err != nil {
		t.Fatal(err)
	}
	// Image: equal prices and GMV → id "a". Traffic: equal clicks → lower
	// margin rate "c" (10%) before "b" (50%). Profit: "d" then "b".
	want := []placed{{"c", RoleTraffic, 1}, {"d", RoleProfit, 1}, {"b", RoleProfit, 2}, {"a", RoleImage, 1}}
	if diff := cmp.Diff(want, placements(s)); diff != "" {
		t.Errorf("placements (-want +got):\n%s", diff)
	}
}

func TestSuggest_ReasonsAndWarnings(t *testing.T) {
	t.Parallel()
	products := tenProducts()
	products[0].RefundFen = 20_000 // 20% of p00's GMV
	products[3].PayUV = 0
	products[4].MarginFen = -500
	s, err := Suggest(products, SeedMixPolicy(), SelectionConfig{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[vcart.ProductID]SelectedProduct{}
	for _, p := range s.Products {
		got[p.ProductID] = p
	}
	want := map[vcart.ProductID][2][]string{
		"p00": {{"500 click people, rank 1 of the 8 non-premium products (引流款)", "margin rate 12.50%"},
			{"refunds 20.00% of GMV exceed 10%: check quality and description before promoting"}},
		"p03": {{"margin ¥190.00 (rate 16.52%), rank 4 by margin (利润款)"}, {"380 click people, no buyer: check price, detail page and stock"}},
		"p09": {{"price ¥109.90 is among the 2 highest of 10 products (premium, 形象款)"}, nil},
		"p04": {{"margin -¥5.00 (rate -0.42%), rank 5 by margin (利润款)"}, {"negative margin -¥5.00"}},
	}
	for id, w := range want {
		if diff := cmp.Diff(w[0], got[id].Reasons); diff != "" {
			t.Errorf("%s reasons (-want +got):\n%s", id, diff)
		}
		if diff := cmp.Diff(w[1], got[id].Warnings); diff != "" {
			t.Errorf("%s warnings (-want +got):\n%s", id, diff)
		}
	}
}

func TestSuggest_Invalid(t *testing.T) {
	t.Parallel()
	_, err := Suggest([]ProductFigures{
		{ProductID: "", PriceFen: -1},
		{ProductID: "x", GMVFen: 10, RefundFen: 20},
		{ProductID: "x", ClickUV: -3},
	}, MixPolicy{}, SelectionConfig{MaxRefundPercent: 200})
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v", err)
	}
	var codes []string
	for _, p := range ve.Problems {
		codes = append(codes, p.Field+" "+p.Code)
	}
	want := []string{
		"cfg.max_refund_percent selection.range",
		"policy.version mix.version.missing",
		"policy.weights mix.weight.zero",
		"products[0].price_fen selection.negative",
		"products[0].product_id selection.id.missing",
		"products[1].refund_fen selection.refund_above_gmv",
		"products[2].click_uv selection.negative",
		"products[2].product_id selection.id.repeated",
	}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestCompareRatio(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b Ratio
		want int
	}{
		{Ratio{1, 2}, Ratio{2, 4}, 0}, {Ratio{1, 3}, Ratio{1, 2}, -1}, {Ratio{1, -2}, Ratio{1, 2}, -1},
		{Ratio{1, 0}, Ratio{1, 2}, 1}, {Ratio{1, 2}, Ratio{0, 0}, -1}, {Ratio{0, 0}, Ratio{5, 0}, 0},
		{Ratio{1 << 62, 3}, Ratio{1 << 62, 5}, 1},
	} {
		if got := compareRatio(c.a, c.b); got != c.want {
			t.Errorf("compareRatio(%v, %v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// Suggest ranks a shop's products into 引流款 / 利润款 / 形象款 from a week's
// figures and explains each place; the result feeds the 3:5:2 check.
func ExampleSuggest() {
	products := []ProductFigures{
		{ProductID: "walnut", PriceFen: 3990, ClickUV: 900, PayUV: 80, GMVFen: 319_200, MarginFen: 31_900},
		{ProductID: "gift-box", PriceFen: 29900, ClickUV: 120, PayUV: 6, GMVFen: 179_400, MarginFen: 62_000},
		{ProductID: "pecan", PriceFen: 5990, ClickUV: 300, PayUV: 30, GMVFen: 179_700, MarginFen: 45_000},
	}
	s, err := Suggest(products, SeedMixPolicy(), SelectionConfig{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range s.Products {
		fmt.Println(p.Role.ChineseName(), p.ProductID, p.Reasons[0])
	}
	// Three products cannot meet 3:5:2 within the tolerance; CheckMix says
	// by how much.
	rep, _ := CheckMix(s.Assorted(), SeedMixPolicy())
	for _, r := range rep.Roles {
		fmt.Println(r.Role, r.DeviationPP, "pp")
	}
	// Output:
	// 引流款 walnut 900 click people, rank 1 of the 2 non-premium products (引流款)
	// 利润款 pecan margin ¥450.00 (rate 25.04%), rank 1 by margin (利润款)
	// 形象款 gift-box price ¥299.00 is among the 1 highest of 3 products (premium, 形象款)
	// traffic 3.33 pp
	// profit -16.67 pp
	// image 13.33 pp
}
