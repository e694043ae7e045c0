package fees

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Calculator quotes fees against one or more versions of a [Schedule]. It is
// immutable after construction and safe for concurrent use.
type Calculator struct {
	schedules []Schedule // sorted by EffectiveFrom, newest last
	cfg       config
}

type config struct {
	rounding vcart.RoundingMode
	calendar Calendar
	agreed   *Settlement
}

// Option configures a [Calculator].
type Option func(*config) error

// WithRounding sets how each fee line is rounded to the fen. The default is
// [vcart.HalfUp] (四舍五入), the rule WeChat Pay's documents name.
func WithRounding(mode vcart.RoundingMode) Option {
	return func(c *config) error {
		if !mode.Valid() {
			return fmt.Errorf("fees: invalid rounding mode %d", int(mode))
		}
		c.rounding = mode
		return nil
	}
}

// WithCalendar makes T+n settlement periods count business days of cal:
// T+n is the n-th business day after the payment's business day (see
// [SettlementDate]). Without it every day counts (natural days). D+n periods always count
// natural days. The package ships no holiday list: the caller supplies the
// calendar, for example from the State Council's yearly notice.
func WithCalendar(cal Calendar) Option {
	return func(c *config) error {
		if cal == nil {
			return errors.New("fees: nil Calendar")
		}
		c.calendar = cal
		return nil
	}
}

// WithAgreedSettlement sets the cycle used for terms whose settlement is
// [Agreed] (按约定周期), such as installments with a partner bank.
func WithAgreedSettlement(s Settlement) Option {
	return func(c *config) error {
		if s.Basis == Agreed || (s.Basis != TradeDays && s.Basis != NaturalDays) || s.Days < 0 || s.Days > 365 {
			return fmt.Errorf("fees: agreed settlement must be T+n or D+n with 0 ≤ n ≤ 365, got %s", s)
		}
		c.agreed = &s
		return nil
	}
}

// NewCalculator validates schedule s and returns a calculator for it.
func NewCalculator(s Schedule, opts ...Option) (*Calculator, error) {
	return NewCalculatorVersions([]Schedule{s}, opts...)
}

// NewCalculatorVersions returns a calculator over several versions of the
// schedule; each quote uses the version in force at its instant (the newest
// EffectiveFrom wins where versions overlap). Every schedule is validated and
// copied, so later changes by the caller have no effect.
func NewCalculatorVersions(ss []Schedule, opts ...Option) (*Calculator, error) {
	if len(ss) == 0 {
		return nil, errors.New("fees: no schedule")
	}
	c := &Calculator{}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&c.cfg); err != nil {
			return nil, err
		}
	}
	var errs []error
	versions := map[string]bool{}
	for i := range ss {
		if err := ss[i].Validate(); err != nil {
			errs = append(errs, fmt.Errorf("schedule %d (%q): %w", i, ss[i].Version, err))
		}
		if versions[ss[i].Version] {
			errs = append(errs, fmt.Errorf("schedule %d: version %q appears twice", i, ss[i].Version))
		}
		versions[ss[i].Version] = true
		c.schedules = append(c.schedules, ss[i].Clone())
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortStableFunc(c.schedules, func(a, b Schedule) int { return a.EffectiveFrom.Compare(b.EffectiveFrom) })
	return c, nil
}

// Rounding returns the calculator's rounding mode.
func (c *Calculator) Rounding() vcart.RoundingMode { return c.cfg.rounding }

// Schedule returns a copy of the schedule version in force at instant at.
func (c *Calculator) Schedule(at time.Time) (Schedule, error) {
	s, err := c.scheduleAt(at)
	if err != nil {
		return Schedule{}, err
	}
	return s.Clone(), nil
}

func (c *Calculator) scheduleAt(at time.Time) (*Schedule, error) {
	if s := c.lookup(at); s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("%w at %s", ErrNoSchedule, at.In(shanghai).Format(time.RFC3339))
}

// lookup returns the schedule in force at at, or nil, without allocating.
func (c *Calculator) lookup(at time.Time) *Schedule {
	for i := len(c.schedules) - 1; i >= 0; i-- {
		if c.schedules[i].InForce(at) {
			return &c.schedules[i]
		}
	}
	return nil
}

// FXRate is an exchange rate supplied by the caller: one unit of From costs
// Rate units of To (for the seed's 0.30 USD fee, From is USD and To is CNY,
// e.g. 7.1234). Source names the rate (for example "PBOC central parity
// 2026-03-01") and is echoed in the quote.
type FXRate struct {
	From   vcart.Currency
	To     vcart.Currency
	Rate   decimal.Decimal
	Source string
}

// QuoteRequest describes one payment.
type QuoteRequest struct {
	Method Method
	// Category selects the rate; empty means [vcart.CategoryGeneral].
	Category vcart.Category
	// AmountFen is the amount the buyer pays for the goods (应结订单金额),
	// in fen; it must be positive.
	AmountFen int64
	// Periods is the number of installments; required for
	// [MethodInstallment], zero otherwise.
	Periods int
	// FX converts a fixed foreign-currency fee; required when the method's
	// terms have one.
	FX *FXRate
}

// LineKind is the kind of a fee line.
type LineKind int

// Fee line kinds.
const (
	// LinePercentage is the payment fee (支付手续费): amount × rate.
	LinePercentage LineKind = iota
	// LinePerPeriod is the installment fee quoted per period (分期手续费):
	// amount × per-period rate × periods, rounded once.
	LinePerPeriod
	// LineInstallment is an installment fee quoted as one rate for the plan.
	LineInstallment
	// LineFixed is a fixed fee per transaction converted from a foreign
	// currency (固定手续费).
	LineFixed
	// LineSurcharge is a buyer-paid service fee above a threshold (服务费).
	LineSurcharge
)

// String returns the kind's name.
func (k LineKind) String() string {
	switch k {
	case LinePercentage:
		return "percentage"
	case LinePerPeriod:
		return "per_period"
	case LineInstallment:
		return "installment"
	case LineFixed:
		return "fixed"
	case LineSurcharge:
		return "surcharge"
	}
	return "LineKind(" + strconv.Itoa(int(k)) + ")"
}

// Line is one fee component, rounded to the fen on its own, as a bill shows
// it.
type Line struct {
	Kind  LineKind
	Payer Payer
	// Rate is the percentage applied (the per-period rate for
	// [LinePerPeriod]); zero for [LineFixed].
	Rate    Rate
	Periods int
	// BaseFen is the amount the rate applies to, in fen.
	BaseFen int64
	// Fen is the rounded fee in fen.
	Fen int64
	// Tie reports an exact half-fen before rounding: half-up and half-even
	// differ by one fen on this line.
	Tie bool
}

// Amount returns the fee as [vcart.Fen].
func (l Line) Amount() vcart.Fen { return vcart.Fen(l.Fen) }

// Label returns the line's description as a statement would print it, such
// as "支付手续费 0.60%" or "分期手续费 0.10%×6期".
func (l Line) Label() string {
	switch l.Kind {
	case LinePercentage:
		return "支付手续费 " + l.Rate.String()
	case LinePerPeriod:
		return "分期手续费 " + l.Rate.String() + "×" + strconv.Itoa(l.Periods) + "期"
	case LineInstallment:
		return "分期手续费 " + l.Rate.String() + " (" + strconv.Itoa(l.Periods) + "期)"
	case LineFixed:
		return "固定手续费"
	case LineSurcharge:
		return "服务费 " + l.Rate.String()
	}
	return l.Kind.String()
}

// FXUsed records the conversion of a fixed fee: the rate and source the
// caller supplied, the rounding mode, and the amounts before and after.
type FXUsed struct {
	Rate     FXRate
	Rounding vcart.RoundingMode
	// ForeignMinor is the fixed fee in minor units of Currency.
	ForeignMinor int64
	Currency     vcart.Currency
	// Fen is the converted fee in CNY fen.
	Fen int64
}

// Foreign returns the fixed fee in its own currency.
func (f FXUsed) Foreign() vcart.Money { return vcart.FromMinor(f.ForeignMinor, f.Currency) }

// Quote is the cost of one payment: gross, every fee line, net to the
// merchant, and when the money arrives. Amounts are CNY fen; the methods
// Gross, MerchantFees, Net, BuyerTotal and Installments return them as
// [vcart.Fen], which prints as "¥39.90".
type Quote struct {
	Version  string
	Method   Method
	Category vcart.Category
	Rounding vcart.RoundingMode
	// GrossFen is the amount paid for the goods.
	GrossFen int64
	Lines    []Line
	// MerchantFeeFen is the sum of the merchant-paid lines.
	MerchantFeeFen int64
	// NetFen is what reaches the merchant: GrossFen − MerchantFeeFen. It can
	// be negative when a fixed fee exceeds a tiny payment.
	NetFen int64
	// BuyerTotalFen is what the buyer pays: GrossFen + the buyer-paid lines.
	BuyerTotalFen int64
	// FX is set when a fixed foreign-currency fee was converted.
	FX *FXUsed
	// PaidAt is the payment instant; Settlement and SettlementDate say when
	// the net arrives (a date at 00:00 Asia/Shanghai). SettlementDate is zero
	// for an [Agreed] cycle the calculator was not told.
	PaidAt         time.Time
	Settlement     Settlement
	SettlementDate time.Time
	// Periods and InstallmentsFen are set for installment payments: the
	// buyer's payment per period, summing to BuyerTotalFen. The remainder
	// fen go one each to the earliest periods (100.00 over 3 → 33.34, 33.33,
	// 33.33).
	Periods         int
	InstallmentsFen []int64
}

// Gross returns the amount paid for the goods.
func (q *Quote) Gross() vcart.Fen { return vcart.Fen(q.GrossFen) }

// MerchantFees returns the sum of the merchant-paid fee lines.
func (q *Quote) MerchantFees() vcart.Fen { return vcart.Fen(q.MerchantFeeFen) }

// Net returns what reaches the merchant.
func (q *Quote) Net() vcart.Fen { return vcart.Fen(q.NetFen) }

// BuyerTotal returns what the buyer pays.
func (q *Quote) BuyerTotal() vcart.Fen { return vcart.Fen(q.BuyerTotalFen) }

// Installments returns the buyer's payment per period, or nil.
func (q *Quote) Installments() []vcart.Fen {
	if len(q.InstallmentsFen) == 0 {
		return nil
	}
	out := make([]vcart.Fen, len(q.InstallmentsFen))
	for i, f := range q.InstallmentsFen {
		out[i] = vcart.Fen(f)
	}
	return out
}

// Errors returned by [Calculator.Quote].
var (
	// ErrUnknownMethod reports a payment method the schedule does not have.
	ErrUnknownMethod = errors.New("fees: payment method not in schedule")
	// ErrFX reports a missing or unusable exchange rate.
	ErrFX = errors.New("fees: exchange rate")
)

// Quote prices a payment made at instant at with the schedule version in
// force then. Each fee line is rounded to the fen with the calculator's
// mode. Bad input gets a *[vcart.ValidationError] listing every problem.
func (c *Calculator) Quote(req QuoteRequest, at time.Time) (Quote, error) {
	var q Quote
	if err := c.quote(&q, req, at, true); err != nil {
		return Quote{}, err
	}
	return q, nil
}

// ExpectedFee returns the merchant-paid fee in fen for a payment: the figure
// to compare with an order's or a bill's fee (the hook the order API uses).
// It allocates nothing on success.
func (c *Calculator) ExpectedFee(req QuoteRequest, at time.Time) (int64, error) {
	var q Quote
	if err := c.quote(&q, req, at, false); err != nil {
		return 0, err
	}
	return q.MerchantFeeFen, nil
}

const maxAmountFen = 1 << 53 // far above any single payment; keeps sums exact

func (c *Calculator) quote(q *Quote, req QuoteRequest, at time.Time, full bool) error {
	s, err := c.scheduleAt(at)
	if err != nil {
		return err
	}
	t, ok := s.Terms(req.Method)
	cat := req.Category
	if cat == "" {
		cat = vcart.CategoryGeneral
	}
	var plan *InstallmentPlan
	if ok && len(t.Installments) > 0 {
		for i := range t.Installments {
			if t.Installments[i].Periods == req.Periods {
				plan = &t.Installments[i]
			}
		}
	}
	if !ok || req.AmountFen <= 0 || req.AmountFen > maxAmountFen ||
		(len(t.Installments) > 0 && plan == nil) || (len(t.Installments) == 0 && req.Periods != 0) ||
		(t.Fixed != nil && !fxUsable(req.FX, t.Fixed)) {
		return requestError(s, t, req)
	}
	mode := c.cfg.rounding
	rate, _ := t.RateFor(cat)
	var lines [4]Line
	n := 0
	fee, tie := rate.FeeFen(req.AmountFen, mode)
	lines[n] = Line{Kind: LinePercentage, Payer: PayerMerchant, Rate: rate, BaseFen: req.AmountFen, Fen: fee, Tie: tie}
	n++
	var fx *FXUsed
	if t.Fixed != nil {
		fen, tie, err := convert(t.Fixed.Minor, req.FX.Rate, mode)
		if err != nil {
			return err
		}
		lines[n] = Line{Kind: LineFixed, Payer: PayerMerchant, Fen: fen, Tie: tie}
		n++
		if full {
			fx = &FXUsed{Rate: *req.FX, Rounding: mode, ForeignMinor: t.Fixed.Minor, Currency: t.Fixed.Currency, Fen: fen}
		}
	}
	if sc := t.Surcharge; sc != nil && req.AmountFen > sc.OverFen {
		fee, tie := sc.Rate.FeeFen(req.AmountFen, mode)
		lines[n] = Line{Kind: LineSurcharge, Payer: sc.Payer, Rate: sc.Rate, BaseFen: req.AmountFen, Fen: fee, Tie: tie}
		n++
	}
	if plan != nil {
		l := Line{Kind: LineInstallment, Payer: plan.Payer, Rate: plan.Rate, Periods: plan.Periods, BaseFen: req.AmountFen}
		if plan.PerPeriod != 0 {
			l.Kind, l.Rate = LinePerPeriod, plan.PerPeriod
		}
		l.Fen, l.Tie = plan.TotalRate().FeeFen(req.AmountFen, mode)
		lines[n] = l
		n++
	}
	var merchant, buyer int64
	for i := range n {
		if lines[i].Payer == PayerBuyer {
			buyer += lines[i].Fen
		} else {
			merchant += lines[i].Fen
		}
	}
	q.MerchantFeeFen = merchant
	if !full {
		return nil
	}
	q.Version, q.Method, q.Category, q.Rounding = s.Version, req.Method, cat, mode
	q.GrossFen = req.AmountFen
	q.NetFen = req.AmountFen - merchant
	q.BuyerTotalFen = req.AmountFen + buyer
	q.Lines = slices.Clone(lines[:n])
	q.FX = fx
	q.PaidAt = at
	q.Settlement = t.Settlement
	if q.Settlement.Basis == Agreed && c.cfg.agreed != nil {
		q.Settlement = *c.cfg.agreed
	}
	if q.Settlement.Basis != Agreed {
		d, err := SettlementDate(at, q.Settlement, c.cfg.calendar)
		if err != nil {
			return err
		}
		q.SettlementDate = d
	}
	if plan != nil {
		q.Periods = plan.Periods
		q.InstallmentsFen = SplitFen(q.BuyerTotalFen, plan.Periods)
	}
	return nil
}

// SplitFen splits totalFen into n parts that differ by at most one fen and
// sum to totalFen. The remainder fen go one each to the earliest parts
// (¥100.00 in 3 periods is 33.34, 33.33, 33.33). It returns nil when n < 1
// or totalFen < 0.
//
// This deviates on purpose from the project's style rule to give the last
// line the remainder: SplitFen models installment periods (分期), and banks
// and card issuers put the extra fen in the first instalments, so the
// schedule a quote shows matches the buyer's statement. Splits across order
// lines elsewhere in the SDK follow the style rule.
func SplitFen(totalFen int64, n int) []int64 {
	if n < 1 || totalFen < 0 {
		return nil
	}
	parts := make([]int64, n)
	base, rem := totalFen/int64(n), totalFen%int64(n)
	for i := range parts {
		parts[i] = base
		if int64(i) < rem {
			parts[i]++
		}
	}
	return parts
}

func fxUsable(fx *FXRate, f *FixedFee) bool {
	return fx != nil && fx.From == f.Currency && fx.To == vcart.CNY && fx.Rate.Sign() > 0 &&
		fx.Rate.NumDigits() <= 18 && fx.Rate.Exponent() >= -18 && fx.Rate.Exponent() <= 6
}

// convert returns minor × rate in minor units of the target currency,
// rounded with mode, on integers, and whether it was an exact half.
// fxUsable has bounded the rate.
func convert(minor int64, rate decimal.Decimal, mode vcart.RoundingMode) (int64, bool, error) {
	coef, exp := rate.CoefficientInt64(), rate.Exponent()
	for ; exp > 0; exp-- {
		if coef > 1e17 {
			return 0, false, fmt.Errorf("%w: rate %s is out of range", ErrFX, rate.StringFixed(6))
		}
		coef *= 10
	}
	hi, lo := bits.Mul64(uint64(minor), uint64(coef))
	d := uint64(1)
	for range -exp {
		d *= 10
	}
	if hi >= d {
		return 0, false, fmt.Errorf("%w: rate %s is out of range", ErrFX, rate.StringFixed(6))
	}
	q, tie := roundDiv(hi, lo, d, mode)
	if q > maxAmountFen {
		return 0, false, fmt.Errorf("%w: rate %s is out of range", ErrFX, rate.StringFixed(6))
	}
	return int64(q), tie, nil
}

// requestError lists every problem with req. It runs only on failure, so the
// successful path stays free of allocations.
func requestError(s *Schedule, t *Terms, req QuoteRequest) error {
	var p []vcart.FieldError
	add := func(field, code, msg string) {
		p = append(p, vcart.FieldError{Field: field, Code: code, Msg: msg})
	}
	fxBad := false
	if t == nil {
		add("method", "method.unknown", fmt.Sprintf("payment method %q is not in schedule %s", clip(string(req.Method)), s.Version))
	}
	if req.AmountFen <= 0 {
		add("amount_fen", "amount.not_positive", "the amount must be positive")
	} else if req.AmountFen > maxAmountFen {
		add("amount_fen", "amount.too_large", "the amount is beyond 2^53 fen")
	}
	if t != nil {
		if len(t.Installments) > 0 {
			ok := false
			allowed := make([]string, 0, len(t.Installments))
			for _, pl := range t.Installments {
				ok = ok || pl.Periods == req.Periods
				allowed = append(allowed, strconv.Itoa(pl.Periods))
			}
			if !ok {
				add("periods", "periods.unsupported", fmt.Sprintf("%d periods is not offered (allowed: %v)", req.Periods, allowed))
			}
		} else if req.Periods != 0 {
			add("periods", "periods.unexpected", fmt.Sprintf("method %s takes no installments", req.Method))
		}
		if f := t.Fixed; f != nil && !fxUsable(req.FX, f) {
			fxBad = true
			switch fx := req.FX; {
			case fx == nil:
				add("fx", "fx.missing", fmt.Sprintf("the %s fixed fee needs an exchange rate %s→CNY", f.Currency, f.Currency))
			case fx.From != f.Currency || fx.To != vcart.CNY:
				add("fx", "fx.currency", fmt.Sprintf("need a %s→CNY rate, got %s→%s", f.Currency, clip(string(fx.From)), clip(string(fx.To))))
			case fx.Rate.Sign() <= 0:
				add("fx.rate", "fx.rate.not_positive", "the exchange rate must be positive")
			default:
				add("fx.rate", "fx.rate.range", "the exchange rate needs at most 18 significant digits and 18 decimals")
			}
		}
	}
	err := vcart.NewValidationError(p)
	if t == nil {
		return errors.Join(ErrUnknownMethod, err)
	}
	if fxBad {
		return errors.Join(ErrFX, err)
	}
	return err
}
