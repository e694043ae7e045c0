package fees

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Method is a payment method (支付方式) from the seed's §三 table.
type Method string

// The seed's payment methods.
const (
	// MethodWeChatPay is domestic WeChat Pay (微信支付), mainland China.
	MethodWeChatPay Method = "wechatpay"
	// MethodInternationalCard is an international credit card (国际信用卡)
	// for Hong Kong, Macau, Taiwan and overseas buyers.
	MethodInternationalCard Method = "international_card"
	// MethodInstallment is installment payment (分期付款) with partner banks.
	MethodInstallment Method = "installment"
)

// ChineseName returns the seed's term for the method.
func (m Method) ChineseName() string {
	switch m {
	case MethodWeChatPay:
		return "微信支付"
	case MethodInternationalCard:
		return "国际信用卡"
	case MethodInstallment:
		return "分期付款"
	}
	return string(m)
}

// Payer says who bears a fee line.
type Payer int

// Payers. The zero value is [PayerMerchant], the seed's reading of every fee.
const (
	// PayerMerchant means the fee is deducted from the merchant's proceeds.
	PayerMerchant Payer = iota
	// PayerBuyer means the buyer pays the fee on top of the price (a
	// foreign-card surcharge, or buyer-paid installment interest).
	PayerBuyer
)

// String returns "merchant" or "buyer".
func (p Payer) String() string {
	switch p {
	case PayerMerchant:
		return "merchant"
	case PayerBuyer:
		return "buyer"
	}
	return "Payer(" + strconv.Itoa(int(p)) + ")"
}

// SettlementBasis says how a settlement period (到账周期) counts days.
type SettlementBasis int

// Settlement bases.
const (
	// TradeDays is T+n: the n-th business day after T, the payment's
	// business day (the payment date if it is a business day, else the
	// next one). Without a calendar every day counts as a business day
	// (see [WithCalendar] and [SettlementDate]).
	TradeDays SettlementBasis = iota
	// NaturalDays is D+n: n natural (calendar) days after the payment day,
	// whatever the calendar says.
	NaturalDays
	// Agreed is 按约定周期: the cycle agreed with the partner bank, supplied
	// with [WithAgreedSettlement]; without it a quote has no settlement date.
	Agreed
)

// Settlement is a settlement period such as T+1 or D+7.
type Settlement struct {
	Basis SettlementBasis
	Days  int
}

// String returns "T+1", "D+7" or "按约定周期".
func (s Settlement) String() string {
	switch s.Basis {
	case TradeDays:
		return "T+" + strconv.Itoa(s.Days)
	case NaturalDays:
		return "D+" + strconv.Itoa(s.Days)
	case Agreed:
		return "按约定周期"
	}
	return "Settlement(?)"
}

// CategoryRate is the percentage fee for one [vcart.Category].
type CategoryRate struct {
	Category vcart.Category `json:"category"`
	Rate     Rate           `json:"rate"`
}

// FixedFee is a per-transaction fee in a foreign currency, converted to CNY
// with a rate the caller supplies ([QuoteRequest.FX]).
type FixedFee struct {
	// Minor is the fee in minor units of Currency (30 = 0.30 USD).
	Minor    int64          `json:"minor"`
	Currency vcart.Currency `json:"currency"`
}

// Surcharge is a buyer-paid percentage fee on transactions strictly above a
// threshold, such as the live platform's 3% foreign-card service fee on a
// single payment over ¥200.
type Surcharge struct {
	Rate Rate `json:"rate"`
	// OverFen is the threshold in fen; the surcharge applies when the amount
	// is strictly greater.
	OverFen int64 `json:"over_fen"`
	Payer   Payer `json:"payer"`
}

// InstallmentPlan is one allowed number of periods (期数) with its fee.
// Exactly one of PerPeriod and Rate is set: PerPeriod is the seed's
// "0.1%/期" (the plan's fee is PerPeriod × Periods, shown as one
// per-period line); Rate is a flat rate for the whole plan, as live
// installment products quote it.
type InstallmentPlan struct {
	Periods   int  `json:"periods"`
	PerPeriod Rate `json:"per_period,omitempty"`
	Rate      Rate `json:"rate,omitempty"`
	// Payer is who pays the installment fee: [PayerMerchant] for
	// merchant-subsidised (interest-free, 免息, subsidy_percent 100) plans,
	// [PayerBuyer] for buyer-paid ones (subsidy_percent 0).
	Payer Payer `json:"payer"`
}

// TotalRate returns the plan's rate over all periods.
func (p InstallmentPlan) TotalRate() Rate {
	if p.PerPeriod != 0 {
		return p.PerPeriod * Rate(p.Periods)
	}
	return p.Rate
}

// Terms are one payment method's fees and settlement period.
type Terms struct {
	Method Method `json:"method"`
	// Region is the seed's 支持范围, for display.
	Region string `json:"region,omitempty"`
	// Rates is the merchant's percentage fee by category. An order whose
	// category is not listed uses the [vcart.CategoryGeneral] entry, which
	// must be present.
	Rates []CategoryRate `json:"rates"`
	// Fixed is an optional per-transaction fee in a foreign currency.
	Fixed *FixedFee `json:"fixed,omitempty"`
	// Surcharge is an optional buyer-paid fee above a threshold.
	Surcharge *Surcharge `json:"surcharge,omitempty"`
	// Installments lists the allowed plans; required for [MethodInstallment].
	Installments []InstallmentPlan `json:"installments,omitempty"`
	Settlement   Settlement        `json:"settlement"`
}

// RateFor returns the percentage rate for category c, falling back to
// [vcart.CategoryGeneral].
func (t *Terms) RateFor(c vcart.Category) (Rate, bool) {
	var general Rate
	found := false
	for _, cr := range t.Rates {
		if cr.Category == c {
			return cr.Rate, true
		}
		if cr.Category == vcart.CategoryGeneral {
			general, found = cr.Rate, true
		}
	}
	return general, found
}

// Schedule is a versioned fee schedule (费率表): the terms of every payment
// method, in force from EffectiveFrom (inclusive) to EffectiveTo (exclusive;
// zero means open-ended).
type Schedule struct {
	Version       string    `json:"version"`
	EffectiveFrom time.Time `json:"effective_from"`
	EffectiveTo   time.Time `json:"effective_to,omitzero"`
	// Source says where the figures come from.
	Source  string  `json:"source,omitempty"`
	Methods []Terms `json:"methods"`
}

// Terms returns the terms for method m.
func (s *Schedule) Terms(m Method) (*Terms, bool) {
	for i := range s.Methods {
		if s.Methods[i].Method == m {
			return &s.Methods[i], true
		}
	}
	return nil, false
}

// InForce reports whether the schedule applies at instant at.
func (s *Schedule) InForce(at time.Time) bool {
	if at.Before(s.EffectiveFrom) {
		return false
	}
	return s.EffectiveTo.IsZero() || at.Before(s.EffectiveTo)
}

// Clone returns a deep copy, so a caller can change it without touching the
// original.
func (s Schedule) Clone() Schedule {
	c := s
	c.Methods = make([]Terms, len(s.Methods))
	for i, t := range s.Methods {
		t.Rates = slices.Clone(t.Rates)
		t.Installments = slices.Clone(t.Installments)
		if t.Fixed != nil {
			f := *t.Fixed
			t.Fixed = &f
		}
		if t.Surcharge != nil {
			x := *t.Surcharge
			t.Surcharge = &x
		}
		c.Methods[i] = t
	}
	return c
}

// shanghai is [vcart.Shanghai], the zone settlement days and bill times
// are counted in.
var shanghai = vcart.Shanghai()

// SeedVersion is the version string of [SeedSchedule].
const SeedVersion = "seed-2024.1"

// SeedSchedule returns a fresh copy of the seed's §三 table, the package's
// default:
//
//	微信支付     0.6% standard goods, 1.2% jewellery and luxury   T+1  中国大陆
//	国际信用卡   3.5% + 0.30 USD                                   D+7  港澳台及海外
//	分期付款     0.6% + 0.1% per period (3, 6 or 12 periods)       按约定周期  指定银行合作
//
// All fees are merchant-paid. The figures are the seed's; the package
// documentation lists where the live platform differs.
func SeedSchedule() Schedule {
	return Schedule{
		Version:       SeedVersion,
		EffectiveFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, shanghai),
		Source:        "seed §三 支付配置流程",
		Methods: []Terms{
			{
				Method: MethodWeChatPay,
				Region: "中国大陆",
				Rates: []CategoryRate{
					{Category: vcart.CategoryGeneral, Rate: BasisPoints(60)},
					{Category: vcart.CategoryJewellery, Rate: BasisPoints(120)},
				},
				Settlement: Settlement{Basis: TradeDays, Days: 1},
			},
			{
				Method:     MethodInternationalCard,
				Region:     "港澳台及海外",
				Rates:      []CategoryRate{{Category: vcart.CategoryGeneral, Rate: BasisPoints(350)}},
				Fixed:      &FixedFee{Minor: 30, Currency: vcart.USD},
				Settlement: Settlement{Basis: NaturalDays, Days: 7},
			},
			{
				Method: MethodInstallment,
				Region: "指定银行合作",
				Rates:  []CategoryRate{{Category: vcart.CategoryGeneral, Rate: BasisPoints(60)}},
				Installments: []InstallmentPlan{
					{Periods: 3, PerPeriod: BasisPoints(10)},
					{Periods: 6, PerPeriod: BasisPoints(10)},
					{Periods: 12, PerPeriod: BasisPoints(10)},
				},
				Settlement: Settlement{Basis: Agreed},
			},
		},
	}
}

// DefaultSchedule returns [SeedSchedule].
func DefaultSchedule() Schedule { return SeedSchedule() }

// Errors about schedules.
var (
	// ErrNoSchedule reports an instant at which no schedule is in force.
	ErrNoSchedule = errors.New("fees: no schedule in force")
)

// Validate checks the schedule and returns every problem at once as a
// *[vcart.ValidationError], or nil.
func (s *Schedule) Validate() error {
	var p []vcart.FieldError
	add := func(field, code, msg string) {
		p = append(p, vcart.FieldError{Field: field, Code: code, Msg: msg})
	}
	if s.Version == "" {
		add("version", "schedule.version.missing", "a schedule needs a version string")
	}
	if s.EffectiveFrom.IsZero() {
		add("effective_from", "schedule.effective_from.missing", "a schedule needs an effective date")
	}
	if !s.EffectiveTo.IsZero() && !s.EffectiveTo.After(s.EffectiveFrom) {
		add("effective_to", "schedule.effective_to.order", "effective_to must be after effective_from")
	}
	if len(s.Methods) == 0 {
		add("methods", "schedule.methods.empty", "a schedule needs at least one payment method")
	}
	seen := map[Method]bool{}
	for i := range s.Methods {
		t := &s.Methods[i]
		f := "methods[" + strconv.Itoa(i) + "]"
		if t.Method == "" {
			add(f+".method", "terms.method.missing", "the payment method is empty")
		} else if seen[t.Method] {
			add(f+".method", "terms.method.duplicate", fmt.Sprintf("method %q appears twice", t.Method))
		}
		seen[t.Method] = true
		cats := map[vcart.Category]bool{}
		for j, cr := range t.Rates {
			ff := f + ".rates[" + strconv.Itoa(j) + "]"
			if cr.Category == "" {
				add(ff+".category", "rate.category.missing", "the category is empty")
			} else if cats[cr.Category] {
				add(ff+".category", "rate.category.duplicate", fmt.Sprintf("category %q appears twice", cr.Category))
			}
			cats[cr.Category] = true
			if !cr.Rate.Valid() {
				add(ff+".rate", "rate.range", "a rate must lie within 0–100%")
			}
		}
		if !cats[vcart.CategoryGeneral] {
			add(f+".rates", "rate.general.missing", "the rate table needs a \"general\" entry as the fallback")
		}
		if t.Fixed != nil {
			if t.Fixed.Minor < 0 || t.Fixed.Minor > 1_000_000 {
				add(f+".fixed.minor", "fixed.range", "the fixed fee must lie within 0–10,000.00")
			}
			if t.Fixed.Currency == "" {
				add(f+".fixed.currency", "fixed.currency.missing", "the fixed fee needs a currency")
			}
		}
		if sc := t.Surcharge; sc != nil {
			if !sc.Rate.Valid() {
				add(f+".surcharge.rate", "rate.range", "a rate must lie within 0–100%")
			}
			if sc.OverFen < 0 {
				add(f+".surcharge.over_fen", "surcharge.threshold", "the threshold must not be negative")
			}
			if sc.Payer != PayerMerchant && sc.Payer != PayerBuyer {
				add(f+".surcharge.payer", "payer.unknown", "unknown payer")
			}
		}
		if t.Method == MethodInstallment && len(t.Installments) == 0 {
			add(f+".installments", "installments.missing", "installment terms need at least one plan")
		}
		periods := map[int]bool{}
		for j, pl := range t.Installments {
			ff := f + ".installments[" + strconv.Itoa(j) + "]"
			if pl.Periods < 2 || pl.Periods > 60 {
				add(ff+".periods", "plan.periods.range", "a plan has 2–60 periods")
			} else if periods[pl.Periods] {
				add(ff+".periods", "plan.periods.duplicate", "the number of periods appears twice")
			}
			periods[pl.Periods] = true
			if pl.PerPeriod != 0 && pl.Rate != 0 {
				add(ff, "plan.rate.both", "set either per_period or rate, not both")
			}
			if !pl.PerPeriod.Valid() || !pl.Rate.Valid() || (pl.Periods > 0 && pl.Periods <= 60 && !pl.TotalRate().Valid()) {
				add(ff+".rate", "rate.range", "a rate must lie within 0–100%")
			}
			if pl.Payer != PayerMerchant && pl.Payer != PayerBuyer {
				add(ff+".payer", "payer.unknown", "unknown payer")
			}
		}
		st := t.Settlement
		switch {
		case st.Basis != TradeDays && st.Basis != NaturalDays && st.Basis != Agreed:
			add(f+".settlement.basis", "settlement.basis.unknown", "unknown settlement basis")
		case st.Days < 0 || st.Days > 365:
			add(f+".settlement.days", "settlement.days.range", "settlement days must lie within 0–365")
		}
	}
	return vcart.NewValidationError(p)
}

// Select returns a copy of the schedule in force at instant at. If several
// are, the one with the latest EffectiveFrom wins, so a newer version can be
// added without closing the older one.
func Select(at time.Time, schedules ...Schedule) (Schedule, error) {
	best := -1
	for i := range schedules {
		if schedules[i].InForce(at) && (best < 0 || schedules[i].EffectiveFrom.After(schedules[best].EffectiveFrom)) {
			best = i
		}
	}
	if best < 0 {
		return Schedule{}, fmt.Errorf("%w at %s", ErrNoSchedule, at.In(shanghai).Format(time.RFC3339))
	}
	return schedules[best].Clone(), nil
}
