package review_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestCategoryRules_Rule(t *testing.T) {
	t.Parallel()
	rules := review.CategoryRules{CatID: "1003", Name: "坚果炒货", Category: vcart.CategoryFood,
		ProductAttrs: []review.AttrRule{
			{Name: "产地", Required: true, Kind: review.AttrText},
			{Name: "净含量", Required: true, Kind: review.AttrIntegerUnit, Options: []string{"g", "kg"}},
			{Name: "重量", Kind: review.AttrDecimal4},
			{Name: "口味", Kind: review.AttrSelectMany, Options: []string{"原味", "椒盐"}},
		},
		SaleAttrs:  []review.AttrRule{{Name: "规格", Required: true, Kind: review.AttrSelectOne, Options: []string{"小", "大"}}},
		FloorPrice: vcart.Fen(100),
	}
	sku := func(price int64, size string) review.SKU {
		return review.SKU{SalePrice: vcart.Fen(price), Attrs: []review.Attr{{Key: "规格", Value: size}}}
	}
	good := []review.Attr{{Key: "产地", Value: "云南"}, {Key: "净含量", Value: "500g"}}
	tests := []struct {
		name    string
		listing review.Listing
		want    []string // code field
	}{
		{"clean", review.Listing{Category: vcart.CategoryFood, Attrs: good, SKUs: []review.SKU{sku(3990, "小")}}, nil},
		{"other category: its own rules only", review.Listing{Category: vcart.CategoryApparel, SKUs: []review.SKU{sku(1, "x")}}, nil},
		{"missing required attrs", review.Listing{Category: vcart.CategoryFood, Attrs: []review.Attr{{Key: "产地", Value: " "}},
			SKUs: []review.SKU{{SalePrice: vcart.Fen(3990)}}},
			[]string{"platform.attr_required attrs", "platform.attr_required attrs", "platform.attr_required skus[0].sku_attrs"}},
		{"bad values", review.Listing{Category: vcart.CategoryFood,
			Attrs: append(append([]review.Attr{}, good[0], review.Attr{Key: "净含量", Value: "1.5kg"}),
				review.Attr{Key: "重量", Value: "1.23456"}, review.Attr{Key: "口味", Value: "原味;麻辣"}),
			SKUs: []review.SKU{sku(3990, "特大")}},
			[]string{"platform.attr_value attrs[1].value", "platform.attr_value attrs[2].value", "platform.attr_value attrs[3].value",
				"platform.attr_value skus[0].sku_attrs[0].value"}},
		{"below the floor", review.Listing{Category: vcart.CategoryFood, Attrs: good, SKUs: []review.SKU{sku(99, "大"), sku(100, "大")}},
			[]string{"platform.floor_price skus[0].sale_price"}},
		{"wrong unit", review.Listing{Category: vcart.CategoryFood, Attrs: []review.Attr{good[0], {Key: "净含量", Value: "500 斤"}},
			SKUs: []review.SKU{sku(3990, "小")}}, []string{"platform.attr_value attrs[1].value"}},
	}
	other := review.CategoryRules{CatID: "2003", Category: vcart.CategoryApparel, FloorPrice: vcart.Fen(1)}
	r, err := review.New(review.WithRules(rules.Rule(), other.Rule()))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := r.Review(tt.listing, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Code+" "+f.Field)
			}
			if d := cmp.Diff(tt.want, got, cmp.Transformer("sort", sortStrings)); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
}

func sortStrings(in []string) []string {
	out := slices.Clone(in)
	slices.Sort(out)
	return out
}

func TestCategoryRules_RuleID(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ cat, want string }{{"", review.RulePlatformCategory}, {"1003", review.RulePlatformCategory + ".1003"}} {
		if got := (review.CategoryRules{CatID: tt.cat}).Rule().ID; got != tt.want {
			t.Errorf("CatID %q: ID %q, want %q", tt.cat, got, tt.want)
		}
	}
}
