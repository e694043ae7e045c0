package review

import (
	"fmt"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// SeedRejectionRatePercent is the seed's share of product submissions that
// are rejected (商品审核驳回率 35%), mostly for image copyright and false
// advertising.
const SeedRejectionRatePercent = 35

// CategoryStats is one row of the seed's review table (seed section 二).
type CategoryStats struct {
	Category        vcart.Category
	Focus           []string // 审核重点
	PassRatePercent int      // 通过率
	Reasons         []Reason // 常见驳回原因
}

// SeedStats returns a fresh copy of the seed's per-category statistics.
func SeedStats() []CategoryStats {
	out := make([]CategoryStats, len(seedStats))
	for i, s := range seedStats {
		out[i] = s.clone()
	}
	return out
}

func (s CategoryStats) clone() CategoryStats {
	s.Focus = slices.Clone(s.Focus)
	s.Reasons = slices.Clone(s.Reasons)
	return s
}

// seedStats is the table behind [SeedStats] and [StatsFor]; it is never
// handed out, only copies.
var seedStats = [...]CategoryStats{
	{Category: vcart.CategoryApparel, Focus: []string{"商标授权", "水洗标"}, PassRatePercent: 82, Reasons: []Reason{ReasonStolenCelebrity, ReasonFalseMaterial}},
	{Category: vcart.CategoryFood, Focus: []string{"生产日期", "QS标志"}, PassRatePercent: 67, Reasons: []Reason{ReasonShortShelfLife, ReasonFalseOrigin}},
	{Category: vcart.CategoryElectronics, Focus: []string{"3C认证", "序列号"}, PassRatePercent: 78, Reasons: []Reason{ReasonUsedAsNew, ReasonModifiedDevice}},
}

// statsBox holds a copy of a stats row and its slices in one allocation.
type statsBox struct {
	s       CategoryStats
	focus   [4]string
	reasons [4]Reason
}

// statsFor returns a fresh copy of the category's row, or nil, allocating
// once for the rows of the built-in table.
func statsFor(c vcart.Category) *CategoryStats {
	for _, s := range seedStats {
		if s.Category != c {
			continue
		}
		if len(s.Focus) > 4 || len(s.Reasons) > 4 {
			s = s.clone()
			return &s
		}
		b := &statsBox{s: s}
		b.s.Focus = b.focus[:copy(b.focus[:], s.Focus):len(s.Focus)]
		b.s.Reasons = b.reasons[:copy(b.reasons[:], s.Reasons):len(s.Reasons)]
		return &b.s
	}
	return nil
}

// StatsFor returns the seed's statistics for a category, if it has a row.
func StatsFor(c vcart.Category) (CategoryStats, bool) {
	for _, s := range seedStats {
		if s.Category == c {
			return s.clone(), true
		}
	}
	return CategoryStats{}, false
}

// PriceBand is a plausible price range for a category, inclusive; a zero
// Max means no upper bound. Prices outside it are a warning: a typo in fen
// versus yuan is the usual cause.
type PriceBand struct {
	Min, Max vcart.Fen
}

func (b PriceBand) validate() error {
	if b.Min < 0 || b.Max < 0 {
		return fmt.Errorf("%w: price band bounds must not be negative", ErrConfig)
	}
	if b.Max != 0 && b.Min > b.Max {
		return fmt.Errorf("%w: price band min %s above max %s", ErrConfig, b.Min, b.Max)
	}
	return nil
}

// PriceBands is the versioned per-category price band table; a category
// without a row uses the row for [vcart.CategoryGeneral].
type PriceBands struct {
	Version       string
	EffectiveFrom time.Time
	Bands         map[vcart.Category]PriceBand
}

func (p PriceBands) clone() PriceBands {
	m := make(map[vcart.Category]PriceBand, len(p.Bands))
	for k, v := range p.Bands {
		m[k] = v
	}
	p.Bands = m
	return p
}

// For returns the band for category c.
func (p PriceBands) For(c vcart.Category) (PriceBand, bool) {
	if b, ok := p.Bands[c]; ok {
		return b, true
	}
	b, ok := p.Bands[vcart.CategoryGeneral]
	return b, ok
}

// MaxSalePrice is the product API's largest sale_price (10,000,000 fen,
// ¥100,000).
const MaxSalePrice vcart.Fen = 10_000_000

// DefaultPriceBands returns a fresh copy of the SDK's default bands. They
// are SDK heuristics, not platform figures (the seed asks for 价格合理性
// without numbers): set your own per category.
func DefaultPriceBands() PriceBands {
	return PriceBands{
		Version:       "sdk-2026.1",
		EffectiveFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Bands: map[vcart.Category]PriceBand{
			vcart.CategoryGeneral:     {Min: 10, Max: vcart.Yuan(100000)},
			vcart.CategoryApparel:     {Min: vcart.Yuan(1), Max: vcart.Yuan(50000)},
			vcart.CategoryFood:        {Min: 50, Max: vcart.Yuan(20000)},
			vcart.CategoryElectronics: {Min: vcart.Yuan(1), Max: vcart.Yuan(100000)},
			vcart.CategoryCosmetics:   {Min: vcart.Yuan(1), Max: vcart.Yuan(20000)},
			vcart.CategoryJewellery:   {Min: vcart.Yuan(1), Max: vcart.Yuan(100000)},
		},
	}
}
