package shopapi

import (
	"math"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// ReviewListing returns p as the [review.Listing] the pre-review checks,
// so a product is reviewed in one call before [ProductService.Add]:
//
//	res := reviewer.Review(shopapi.ReviewListing(p, vcart.CategoryFood), at)
//
// It maps what the product carries: title, short_title, attrs,
// desc_info.desc, out_product_id and aftersale_desc; head_imgs and
// desc_info.imgs as images named by their URLs (so repeated URLs are
// found; size and format are not checked without the bytes); and each SKU's
// out_sku_id, sku_code, stock_num, sku_attrs and prices as [vcart.Fen].
//
// category is the coarse class the review rules use; the product only has
// platform category ids. What a product does not carry stays for the caller
// to set on the result: the brand's name (the product has brand_id), image
// bytes (set Header, or use [review.ImageFromBytes]), documents, and the
// food, cosmetics and electronics facts. A nil p gives a listing with only
// the category.
func ReviewListing(p *Product, category vcart.Category) review.Listing {
	l := review.Listing{Category: category}
	if p == nil {
		return l
	}
	l.Title, l.ShortTitle = p.Title, p.ShortTitle
	l.OutProductID, l.Aftersale = p.OutProductID, p.AftersaleDesc
	l.Attrs = reviewAttrs(p.Attrs)
	l.MainImages = reviewImages(p.HeadImgs)
	if p.DescInfo != nil {
		l.Description = p.DescInfo.Desc
		l.DetailImages = reviewImages(p.DescInfo.Imgs)
	}
	if len(p.SKUs) > 0 {
		l.SKUs = make([]review.SKU, len(p.SKUs))
		for i := range p.SKUs {
			s := &p.SKUs[i]
			l.SKUs[i] = review.SKU{
				OutSKUID:    s.OutSKUID,
				SKUCode:     s.SKUCode,
				Stock:       clampInt(s.StockNum),
				SalePrice:   vcart.Fen(s.SalePrice),
				MarketPrice: vcart.Fen(s.MarketPrice),
				Attrs:       reviewAttrs(s.SKUAttrs),
			}
		}
	}
	return l
}

// ProductFromListing returns the product draft for l, the other way round:
// the fields [ReviewListing] maps, with image names taken as the URLs of
// head_imgs and desc_info.imgs (upload the images first and name them by
// the URLs the image API returned). The caller adds what a listing does not
// carry: cats_v2, brand_id, express_info, qualifications and the rest.
// Prices are the SKUs' fen; stock below zero becomes 0.
func ProductFromListing(l *review.Listing) Product {
	if l == nil {
		return Product{}
	}
	p := Product{
		Title:         l.Title,
		ShortTitle:    l.ShortTitle,
		OutProductID:  l.OutProductID,
		AftersaleDesc: l.Aftersale,
		Attrs:         productAttrs(l.Attrs),
		HeadImgs:      imageNames(l.MainImages),
	}
	if l.Description != "" || len(l.DetailImages) > 0 {
		p.DescInfo = &DescInfo{Desc: l.Description, Imgs: imageNames(l.DetailImages)}
	}
	if len(l.SKUs) > 0 {
		p.SKUs = make([]SKU, len(l.SKUs))
		for i, s := range l.SKUs {
			p.SKUs[i] = SKU{
				OutSKUID:    s.OutSKUID,
				SKUCode:     s.SKUCode,
				StockNum:    int64(max(s.Stock, 0)),
				SalePrice:   int64(s.SalePrice),
				MarketPrice: int64(s.MarketPrice),
				SKUAttrs:    productAttrs(s.Attrs),
			}
		}
	}
	return p
}

func reviewAttrs(as []Attr) []review.Attr {
	if len(as) == 0 {
		return nil
	}
	out := make([]review.Attr, len(as))
	for i, a := range as {
		out[i] = review.Attr{Key: a.AttrKey, Value: a.AttrValue}
	}
	return out
}

func productAttrs(as []review.Attr) []Attr {
	if len(as) == 0 {
		return nil
	}
	out := make([]Attr, len(as))
	for i, a := range as {
		out[i] = Attr{AttrKey: a.Key, AttrValue: a.Value}
	}
	return out
}

func reviewImages(urls []string) []review.Image {
	if len(urls) == 0 {
		return nil
	}
	out := make([]review.Image, len(urls))
	for i, u := range urls {
		out[i] = review.Image{Name: u}
	}
	return out
}

func imageNames(ims []review.Image) []string {
	if len(ims) == 0 {
		return nil
	}
	out := make([]string, len(ims))
	for i, im := range ims {
		out[i] = im.Name
	}
	return out
}

// clampInt converts n to int, saturating where int is 32 bits.
func clampInt(n int64) int {
	switch {
	case n > math.MaxInt:
		return math.MaxInt
	case n < math.MinInt:
		return math.MinInt
	}
	return int(n)
}
