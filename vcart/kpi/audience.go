package kpi

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// AudienceRecord is one buyer for the audience cross-analysis (用户画像:
// 地域分布、年龄分层、消费层级). A caller builds it from its own member data
// or from the compass's audience profile (sale/profile, which reports
// province, city and age buckets). SpendFen is what the buyer spent in the
// period, in fen.
type AudienceRecord struct {
	BuyerID  string
	Region   string // e.g. the province (省级) "广东"; empty is reported as "unknown"
	Age      int    // in years, 0 to [MaxAge]; 0 means unknown
	SpendFen vcart.Fen
}

// MaxAge is the highest age [CrossAnalyze] accepts; an older record is a
// data error (audience.age.range), not a buyer.
const MaxAge = 150

// AgeBand is a half-open age range [Min, Max) in years; Max 0 means no
// upper bound.
type AgeBand struct {
	Label string
	Min   int
	Max   int
}

// SpendTier is a spending tier (消费层级): a buyer whose spend is at least
// MinFen and below the next tier's MinFen.
type SpendTier struct {
	Label  string
	MinFen vcart.Fen
}

// AudienceConfig is the versioned banding used by the cross-analysis.
type AudienceConfig struct {
	Version string
	// AgeBands must be ordered by Min and must not overlap; an age outside
	// every band (including 0, unknown) is labelled "unknown".
	AgeBands []AgeBand
	// SpendTiers must be ordered by strictly increasing MinFen, the first
	// at 0.
	SpendTiers []SpendTier
}

// UnknownLabel is the band, tier or region label of a missing value.
const UnknownLabel = "unknown"

// DefaultAudienceConfig returns fresh default bands: the compass's age
// buckets (18–24, 25–39, 40–49, 50+, with under-18 apart) and spending
// tiers aligned with the seed's 客单价 benchmarks (below ¥50, ¥50–150,
// ¥150–200, ¥200 and above).
func DefaultAudienceConfig() AudienceConfig {
	return AudienceConfig{
		Version: "kpi-2026.1",
		AgeBands: []AgeBand{
			{Label: "<18", Min: 1, Max: 18},
			{Label: "18-24", Min: 18, Max: 25},
			{Label: "25-39", Min: 25, Max: 40},
			{Label: "40-49", Min: 40, Max: 50},
			{Label: "50+", Min: 50},
		},
		SpendTiers: []SpendTier{
			{Label: "low <¥50", MinFen: 0},
			{Label: "mid ¥50-150", MinFen: 5000},
			{Label: "upper ¥150-200", MinFen: 15000},
			{Label: "high ≥¥200", MinFen: 20000},
		},
	}
}

// Validate reports every problem with the config at once.
func (c AudienceConfig) Validate() error {
	var p []vcart.FieldError
	if c.Version == "" {
		p = append(p, vcart.FieldError{Field: "version", Code: "audience.version.missing", Msg: "the config has no version"})
	}
	for i, b := range c.AgeBands {
		f := fmt.Sprintf("age_bands[%d]", i)
		if b.Label == "" {
			p = append(p, vcart.FieldError{Field: f + ".label", Code: "audience.label.missing", Msg: "a band needs a label"})
		}
		if b.Min < 0 || (b.Max != 0 && b.Max <= b.Min) {
			p = append(p, vcart.FieldError{Field: f, Code: "audience.age.range", Msg: fmt.Sprintf("bad age range [%d, %d)", b.Min, b.Max)})
		}
		if i > 0 {
			prev := c.AgeBands[i-1]
			if prev.Max == 0 || prev.Max > b.Min {
				p = append(p, vcart.FieldError{Field: f, Code: "audience.age.overlap", Msg: "age bands overlap or are out of order"})
			}
		}
	}
	if len(c.SpendTiers) == 0 {
		p = append(p, vcart.FieldError{Field: "spend_tiers", Code: "audience.tiers.missing", Msg: "no spending tiers"})
	}
	for i, t := range c.SpendTiers {
		f := fmt.Sprintf("spend_tiers[%d]", i)
		if t.Label == "" {
			p = append(p, vcart.FieldError{Field: f + ".label", Code: "audience.label.missing", Msg: "a tier needs a label"})
		}
		if i == 0 && t.MinFen != 0 {
			p = append(p, vcart.FieldError{Field: f + ".min_fen", Code: "audience.tiers.start", Msg: "the first tier must start at 0"})
		}
		if i > 0 && t.MinFen <= c.SpendTiers[i-1].MinFen {
			p = append(p, vcart.FieldError{Field: f + ".min_fen", Code: "audience.tiers.order", Msg: "tiers must increase strictly"})
		}
	}
	return vcart.NewValidationError(p)
}

func (c AudienceConfig) ageLabel(age int) string {
	for _, b := range c.AgeBands {
		if age >= b.Min && (b.Max == 0 || age < b.Max) && age > 0 {
			return b.Label
		}
	}
	return UnknownLabel
}

func (c AudienceConfig) tierLabel(fen vcart.Fen) string {
	label := c.SpendTiers[0].Label
	for _, t := range c.SpendTiers {
		if fen >= t.MinFen {
			label = t.Label
		}
	}
	return label
}

// AudienceCell is one cell of the cross-tabulation region × age band ×
// spending tier: the number of buyers and their total spend in fen.
type AudienceCell struct {
	Region   string    `json:"region"`
	AgeBand  string    `json:"age_band"`
	Tier     string    `json:"tier"`
	Buyers   int64     `json:"buyers"`
	SpendFen vcart.Fen `json:"spend_fen"`
}

// Share is one value of a single dimension with its buyer count and its
// share of all buyers.
type Share struct {
	Label    string    `json:"label"`
	Buyers   int64     `json:"buyers"`
	SpendFen vcart.Fen `json:"spend_fen"`
	Share    Ratio     `json:"share"`
}

// AudienceReport is the cross-analysis: every non-empty cell, and the
// distribution along each dimension (地域分布, 年龄分层, 消费层级).
type AudienceReport struct {
	ConfigVersion string         `json:"config_version"`
	Buyers        int64          `json:"buyers"`
	Cells         []AudienceCell `json:"cells"` // by buyers descending, then region, age band, tier
	Regions       []Share        `json:"regions"`
	AgeBands      []Share        `json:"age_bands"` // in the config's order, then unknown
	Tiers         []Share        `json:"tiers"`     // in the config's order
}

// CrossAnalyze tabulates buyers by region × age band × spending tier. Each
// record is one buyer; records with the same BuyerID are merged (their
// spend summed; region and age from the first). A record with an empty
// BuyerID or a negative spend is an error naming its index, as is an
// invalid config; all problems are reported at once.
func CrossAnalyze(records []AudienceRecord, cfg AudienceConfig) (*AudienceReport, error) {
	p := problemsOf(cfg.Validate())
	for i, r := range records {
		if r.BuyerID == "" {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("records[%d].buyer_id", i), Code: "audience.buyer_id.missing", Msg: "no buyer id"})
		}
		if r.SpendFen < 0 {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("records[%d].spend_fen", i), Code: "audience.spend.negative", Msg: "negative spend"})
		}
		if r.Age < 0 {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("records[%d].age", i), Code: "audience.age.negative", Msg: "negative age"})
		} else if r.Age > MaxAge {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("records[%d].age", i), Code: "audience.age.range", Msg: fmt.Sprintf("age %d is over %d", r.Age, MaxAge)})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, err
	}
	type buyer struct {
		region string
		age    int
		spend  vcart.Fen
	}
	byID := make(map[string]*buyer, len(records))
	order := make([]string, 0, len(records))
	for _, r := range records {
		b, ok := byID[r.BuyerID]
		if !ok {
			region := r.Region
			if region == "" {
				region = UnknownLabel
			}
			b = &buyer{region: region, age: r.Age}
			byID[r.BuyerID] = b
			order = append(order, r.BuyerID)
		}
		if b.spend > math.MaxInt64-r.SpendFen {
			return nil, fmt.Errorf("%w: spend of buyer %q", ErrOverflow, truncate(r.BuyerID, 40))
		}
		b.spend += r.SpendFen
	}
	type key struct{ region, age, tier string }
	cells := map[key]*AudienceCell{}
	regions, ages, tiers := map[string]*Share{}, map[string]*Share{}, map[string]*Share{}
	bump := func(m map[string]*Share, label string, spend vcart.Fen) {
		s, ok := m[label]
		if !ok {
			s = &Share{Label: label}
			m[label] = s
		}
		s.Buyers++
		s.SpendFen += spend
	}
	for _, id := range order {
		b := byID[id]
		k := key{b.region, cfg.ageLabel(b.age), cfg.tierLabel(b.spend)}
		c, ok := cells[k]
		if !ok {
			c = &AudienceCell{Region: k.region, AgeBand: k.age, Tier: k.tier}
			cells[k] = c
		}
		c.Buyers++
		c.SpendFen += b.spend
		bump(regions, k.region, b.spend)
		bump(ages, k.age, b.spend)
		bump(tiers, k.tier, b.spend)
	}
	n := int64(len(order))
	rep := &AudienceReport{ConfigVersion: cfg.Version, Buyers: n}
	for _, c := range cells {
		rep.Cells = append(rep.Cells, *c)
	}
	slices.SortFunc(rep.Cells, func(a, b AudienceCell) int {
		return cmp.Or(cmp.Compare(b.Buyers, a.Buyers), cmp.Compare(a.Region, b.Region),
			cmp.Compare(a.AgeBand, b.AgeBand), cmp.Compare(a.Tier, b.Tier))
	})
	finish := func(m map[string]*Share, labels []string) []Share {
		out := []Share{}
		for _, l := range labels {
			if s, ok := m[l]; ok {
				s.Share = Ratio{s.Buyers, n}
				out = append(out, *s)
				delete(m, l)
			}
		}
		rest := []Share{}
		for _, s := range m {
			s.Share = Ratio{s.Buyers, n}
			rest = append(rest, *s)
		}
		slices.SortFunc(rest, func(a, b Share) int {
			return cmp.Or(cmp.Compare(b.Buyers, a.Buyers), cmp.Compare(a.Label, b.Label))
		})
		return append(out, rest...)
	}
	var ageLabels, tierLabels []string
	for _, b := range cfg.AgeBands {
		ageLabels = append(ageLabels, b.Label)
	}
	ageLabels = append(ageLabels, UnknownLabel)
	for _, t := range cfg.SpendTiers {
		tierLabels = append(tierLabels, t.Label)
	}
	rep.Regions = finish(regions, nil)
	rep.AgeBands = finish(ages, ageLabels)
	rep.Tiers = finish(tiers, tierLabels)
	return rep, nil
}

// problemsOf collects the problems of every [*vcart.ValidationError] among
// errs, so a function can report its own problems and its inputs' at once.
// An error of any other kind is reported as one problem under "error": it is
// never dropped.
func problemsOf(errs ...error) []vcart.FieldError {
	var p []vcart.FieldError
	for _, err := range errs {
		if err == nil {
			continue
		}
		var ve *vcart.ValidationError
		if errors.As(err, &ve) {
			p = append(p, ve.Problems...)
			continue
		}
		p = append(p, vcart.FieldError{Field: "error", Code: "error", Msg: err.Error()})
	}
	return p
}
