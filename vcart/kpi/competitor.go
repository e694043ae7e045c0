package kpi

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// CompetitorProduct is one same-category product watched for competitor
// monitoring (竞品监控), as the caller collected it.
type CompetitorProduct struct {
	ProductID  vcart.ProductID
	Shop       string
	Category   vcart.Category // empty means CategoryGeneral
	Title      string
	PriceFen   vcart.Fen // current selling price in fen
	Promotions []Promotion
}

// Promotion is a promotion (促销活动) seen on a competitor product, running
// over [Start, End); a zero End means open-ended.
type Promotion struct {
	Kind  string // e.g. "coupon", "discount", "gift", "flash_sale"
	Label string // e.g. "满200减30"
	Start time.Time
	End   time.Time
}

// ActiveAt reports whether the promotion runs at t.
func (p Promotion) ActiveAt(t time.Time) bool {
	return !t.Before(p.Start) && (p.End.IsZero() || t.Before(p.End))
}

// CompetitorReview is one buyer review of a competitor product.
type CompetitorReview struct {
	ProductID vcart.ProductID
	Rating    int // 1 to 5 stars
	Text      string
}

// PriceBands is a versioned set of price-band edges in fen: the bands are
// [0, e0), [e0, e1), …, [eN, ∞).
type PriceBands struct {
	Version  string
	EdgesFen []vcart.Fen // strictly increasing, all positive
}

// DefaultPriceBands returns fresh default edges aligned with the seed's
// 客单价 benchmarks: below ¥50, ¥50–80, ¥80–150, ¥150–200, ¥200–500, ¥500+.
func DefaultPriceBands() PriceBands {
	return PriceBands{Version: "kpi-2026.1", EdgesFen: []vcart.Fen{5000, 8000, 15000, 20000, 50000}}
}

// DefaultNegativeKeywords returns a fresh list of common negative-review
// keywords (差评关键词) for competitor monitoring.
func DefaultNegativeKeywords() []string {
	return []string{"质量差", "假货", "发货慢", "色差", "破损", "不退款", "态度差", "尺码不准", "掉色", "起球", "过期", "虚假宣传", "漏发", "异味"}
}

// KeywordMatcher finds keywords in text. [*review.Keywords] implements it,
// with the review package's normalisation (full-width, traditional
// characters, spacing between ideographs).
type KeywordMatcher interface {
	FindAll(text string) []review.KeywordHit
}

// CompetitorConfig configures [MonitorCompetitors]. The zero value works:
// [DefaultPriceBands], reviews of 1 or 2 stars are negative, and the
// keywords are [DefaultNegativeKeywords].
type CompetitorConfig struct {
	PriceBands PriceBands // empty means DefaultPriceBands
	// NegativeMaxRating is the highest rating that counts as negative (差评);
	// zero means 2.
	NegativeMaxRating int
	// Keywords matches negative-review keywords; nil means
	// review.NewKeywords(DefaultNegativeKeywords()).
	Keywords KeywordMatcher
}

// PriceBandCount is one price band with the products in it.
type PriceBandCount struct {
	Label    string    `json:"label"`   // e.g. "¥80.00–¥150.00"
	MinFen   vcart.Fen `json:"min_fen"` // inclusive
	MaxFen   vcart.Fen `json:"max_fen"` // exclusive; 0 for the open top band
	Products int64     `json:"products"`
	Share    Ratio     `json:"share"`
}

// CategoryPrices is the price structure (价格带) of one category.
type CategoryPrices struct {
	Category  vcart.Category   `json:"category"`
	Products  int64            `json:"products"`
	MinFen    vcart.Fen        `json:"min_fen"`
	MedianFen vcart.Fen        `json:"median_fen"` // the lower median for an even count
	MaxFen    vcart.Fen        `json:"max_fen"`
	Bands     []PriceBandCount `json:"bands"`
}

// ActivePromotion is a promotion running at the report's instant.
type ActivePromotion struct {
	ProductID vcart.ProductID `json:"product_id"`
	Shop      string          `json:"shop"`
	Kind      string          `json:"kind"`
	Label     string          `json:"label"`
	Start     time.Time       `json:"start"`
	End       time.Time       `json:"end,omitzero"`
}

// KeywordCount is how often a negative-review keyword appears: in how many
// negative reviews, and how many times in all.
type KeywordCount struct {
	Word    string `json:"word"`
	Reviews int64  `json:"reviews"`
	Hits    int64  `json:"hits"`
}

// CompetitorReport is the result of [MonitorCompetitors].
type CompetitorReport struct {
	At              time.Time         `json:"at"`
	BandsVersion    string            `json:"bands_version"`
	Categories      []CategoryPrices  `json:"categories"`       // by category name
	Promotions      []ActivePromotion `json:"promotions"`       // by shop, product, start
	PromotedShare   Ratio             `json:"promoted_share"`   // products with a running promotion ÷ products
	Reviews         int64             `json:"reviews"`          // all reviews
	NegativeReviews int64             `json:"negative_reviews"` // reviews at or below the negative rating
	NegativeRate    Ratio             `json:"negative_rate"`    // negative reviews ÷ reviews
	Keywords        []KeywordCount    `json:"keywords"`         // by reviews, hits, then word
}

// MonitorCompetitors summarises competitor products at the instant at:
// price bands per category, promotions running at at, and negative-review
// keywords. Every problem with the input (a negative price, a rating
// outside 1–5, bad band edges) is reported at once as a
// [*vcart.ValidationError].
func MonitorCompetitors(products []CompetitorProduct, reviews []CompetitorReview, at time.Time, cfg CompetitorConfig) (*CompetitorReport, error) {
	if len(cfg.PriceBands.EdgesFen) == 0 && cfg.PriceBands.Version == "" {
		cfg.PriceBands = DefaultPriceBands()
	}
	if cfg.NegativeMaxRating == 0 {
		cfg.NegativeMaxRating = 2
	}
	var p []vcart.FieldError
	for i, e := range cfg.PriceBands.EdgesFen {
		if e <= 0 || (i > 0 && e <= cfg.PriceBands.EdgesFen[i-1]) {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("config.price_bands.edges_fen[%d]", i), Code: "competitor.bands.order", Msg: "edges must be positive and strictly increasing"})
		}
	}
	if cfg.NegativeMaxRating < 1 || cfg.NegativeMaxRating > 5 {
		p = append(p, vcart.FieldError{Field: "config.negative_max_rating", Code: "competitor.rating.range", Msg: "must be 1 to 5"})
	}
	for i, pr := range products {
		if pr.PriceFen < 0 {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("products[%d].price_fen", i), Code: "competitor.price.negative", Msg: "negative price"})
		}
		for j, promo := range pr.Promotions {
			if !promo.End.IsZero() && !promo.End.After(promo.Start) {
				p = append(p, vcart.FieldError{Field: fmt.Sprintf("products[%d].promotions[%d].end", i, j), Code: "competitor.promotion.empty", Msg: "the promotion ends before it starts"})
			}
		}
	}
	for i, r := range reviews {
		if r.Rating < 1 || r.Rating > 5 {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("reviews[%d].rating", i), Code: "competitor.rating.range", Msg: fmt.Sprintf("rating %d is not 1 to 5", r.Rating)})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, err
	}
	kw := cfg.Keywords
	if kw == nil {
		k, err := review.NewKeywords(DefaultNegativeKeywords())
		if err != nil {
			return nil, fmt.Errorf("kpi: default keywords: %w", err)
		}
		kw = k
	}

	rep := &CompetitorReport{At: at, BandsVersion: cfg.PriceBands.Version, Promotions: []ActivePromotion{}, Keywords: []KeywordCount{}, Categories: []CategoryPrices{}}
	byCat := map[vcart.Category][]vcart.Fen{}
	var promoted int64
	for _, pr := range products {
		c := pr.Category
		if c == "" {
			c = vcart.CategoryGeneral
		}
		byCat[c] = append(byCat[c], pr.PriceFen)
		running := false
		for _, promo := range pr.Promotions {
			if promo.ActiveAt(at) {
				running = true
				rep.Promotions = append(rep.Promotions, ActivePromotion{ProductID: pr.ProductID, Shop: pr.Shop, Kind: promo.Kind, Label: promo.Label, Start: promo.Start, End: promo.End})
			}
		}
		if running {
			promoted++
		}
	}
	rep.PromotedShare = Ratio{promoted, int64(len(products))}
	slices.SortStableFunc(rep.Promotions, func(a, b ActivePromotion) int {
		return cmp.Or(cmp.Compare(a.Shop, b.Shop), cmp.Compare(a.ProductID, b.ProductID), a.Start.Compare(b.Start))
	})
	edges := cfg.PriceBands.EdgesFen
	for _, c := range slices.Sorted(func(yield func(vcart.Category) bool) {
		for k := range byCat {
			if !yield(k) {
				return
			}
		}
	}) {
		prices := byCat[c]
		slices.Sort(prices)
		n := int64(len(prices))
		cp := CategoryPrices{Category: c, Products: n, MinFen: prices[0], MedianFen: prices[(n-1)/2], MaxFen: prices[n-1]}
		for i := 0; i <= len(edges); i++ {
			var lo, hi vcart.Fen
			if i > 0 {
				lo = edges[i-1]
			}
			if i < len(edges) {
				hi = edges[i]
			}
			var count int64
			for _, v := range prices {
				if v >= lo && (hi == 0 || v < hi) {
					count++
				}
			}
			label := lo.String() + "–"
			if hi != 0 {
				label += hi.String()
			}
			cp.Bands = append(cp.Bands, PriceBandCount{Label: label, MinFen: lo, MaxFen: hi, Products: count, Share: Ratio{count, n}})
		}
		rep.Categories = append(rep.Categories, cp)
	}

	counts := map[string]*KeywordCount{}
	for _, r := range reviews {
		rep.Reviews++
		if r.Rating > cfg.NegativeMaxRating {
			continue
		}
		rep.NegativeReviews++
		seen := map[string]bool{}
		for _, h := range kw.FindAll(r.Text) {
			kc, ok := counts[h.Word]
			if !ok {
				kc = &KeywordCount{Word: h.Word}
				counts[h.Word] = kc
			}
			kc.Hits++
			if !seen[h.Word] {
				seen[h.Word] = true
				kc.Reviews++
			}
		}
	}
	rep.NegativeRate = Ratio{rep.NegativeReviews, rep.Reviews}
	for _, kc := range counts {
		rep.Keywords = append(rep.Keywords, *kc)
	}
	slices.SortFunc(rep.Keywords, func(a, b KeywordCount) int {
		return cmp.Or(cmp.Compare(b.Reviews, a.Reviews), cmp.Compare(b.Hits, a.Hits), cmp.Compare(a.Word, b.Word))
	})
	return rep, nil
}
