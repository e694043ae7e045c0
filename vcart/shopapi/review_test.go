package shopapi_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestReviewListing(t *testing.T) {
	t.Parallel()
	full := &shopapi.Product{
		ProductID: "10000000000000008", OutProductID: "walnut-500", Title: "新疆薄皮核桃500g", ShortTitle: "薄皮核桃",
		HeadImgs: []string{"https://img/1.jpg", "https://img/2.jpg"},
		DescInfo: &shopapi.DescInfo{Desc: "当季新货，壳薄易剥。", Imgs: []string{"https://img/d1.jpg"}},
		Attrs:    []shopapi.Attr{{AttrKey: "产地", AttrValue: "新疆"}},
		CatsV2:   []shopapi.CatRef{{CatID: "6153"}}, BrandID: "2100000000", AftersaleDesc: "七天无理由",
		SKUs: []shopapi.SKU{{OutSKUID: "w-500", SKUCode: "W500", SalePrice: 3990, MarketPrice: 5990, StockNum: 100,
			SKUAttrs: []shopapi.Attr{{AttrKey: "净含量", AttrValue: "500g"}}}},
	}
	tests := []struct {
		name string
		p    *shopapi.Product
		cat  vcart.Category
		want review.Listing
	}{
		{"full product", full, vcart.CategoryFood, review.Listing{
			Title: "新疆薄皮核桃500g", ShortTitle: "薄皮核桃", Category: vcart.CategoryFood,
			Attrs: []review.Attr{{Key: "产地", Value: "新疆"}}, Description: "当季新货，壳薄易剥。",
			OutProductID: "walnut-500", Aftersale: "七天无理由",
			MainImages:   []review.Image{{Name: "https://img/1.jpg"}, {Name: "https://img/2.jpg"}},
			DetailImages: []review.Image{{Name: "https://img/d1.jpg"}},
			SKUs: []review.SKU{{OutSKUID: "w-500", SKUCode: "W500", Stock: 100, SalePrice: 3990, MarketPrice: 5990,
				Attrs: []review.Attr{{Key: "净含量", Value: "500g"}}}},
		}},
		{"empty product", &shopapi.Product{}, vcart.CategoryGeneral, review.Listing{Category: vcart.CategoryGeneral}},
		{"nil product", nil, vcart.CategoryApparel, review.Listing{Category: vcart.CategoryApparel}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := shopapi.ReviewListing(tt.p, tt.cat)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReviewListing() mismatch (-want +got):\n%s", diff)
			}
		})
	}

	// The other way round keeps every field ReviewListing maps.
	l := shopapi.ReviewListing(full, vcart.CategoryFood)
	back := shopapi.ProductFromListing(&l)
	want := shopapi.Product{OutProductID: full.OutProductID, Title: full.Title, ShortTitle: full.ShortTitle, HeadImgs: full.HeadImgs,
		DescInfo: full.DescInfo, Attrs: full.Attrs, AftersaleDesc: full.AftersaleDesc, SKUs: full.SKUs}
	if diff := cmp.Diff(want, back); diff != "" {
		t.Errorf("ProductFromListing(ReviewListing(p)) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(shopapi.Product{}, shopapi.ProductFromListing(nil)); diff != "" {
		t.Errorf("ProductFromListing(nil) mismatch (-want +got):\n%s", diff)
	}
	if got := shopapi.ProductFromListing(&review.Listing{SKUs: []review.SKU{{Stock: -5}}}); got.SKUs[0].StockNum != 0 {
		t.Errorf("negative stock maps to %d, want 0", got.SKUs[0].StockNum)
	}
}

// TestReviewListing_Review runs the seam into the reviewer: a price typo and
// an absolute claim in the product are found, at the right characters.
func TestReviewListing_Review(t *testing.T) {
	t.Parallel()
	r, err := review.New()
	if err != nil {
		t.Fatal(err)
	}
	p := &shopapi.Product{Title: "新疆薄皮核桃 全网第一", HeadImgs: []string{"https://img/1.jpg", "https://img/1.jpg", "https://img/3.jpg"},
		SKUs: []shopapi.SKU{{OutSKUID: "w", SalePrice: 5990, MarketPrice: 3990, StockNum: 10}}}
	res := r.Review(shopapi.ReviewListing(p, vcart.CategoryFood), time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai()))
	type row struct {
		Code, Field        string
		RuneStart, RuneEnd int
	}
	var got []row
	for _, f := range res.Findings {
		switch f.Code {
		case "content.adlaw.block", "basic.price.not_below_market", "content.image.duplicate":
			got = append(got, row{f.Code, f.Field, f.RuneStart, f.RuneEnd})
		}
	}
	want := []row{
		{"basic.price.not_below_market", "skus[0].sale_price", -1, -1},
		{"content.image.duplicate", "main_images[1]", -1, -1},
		{"content.adlaw.block", "title", 7, 11},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	if res.Verdict != review.VerdictRejected {
		t.Errorf("verdict %v, want rejected", res.Verdict)
	}
}
