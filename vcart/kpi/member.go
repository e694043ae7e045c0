package kpi

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Tier is a member level (会员等级). The seed names four, bronze to diamond
// (青铜-钻石四级); a [MemberProgram] may define more levels (the live
// platform has up to VIP10) with its own names.
type Tier int

// The seed's four tiers. The zero value is not a tier.
const (
	TierNone    Tier = iota
	TierBronze       // 青铜
	TierSilver       // 白银
	TierGold         // 黄金
	TierDiamond      // 钻石
)

// Errors returned by [MemberProgram] operations.
var (
	// ErrUnknownCoupon reports a coupon id that is not in the table.
	ErrUnknownCoupon = errors.New("kpi: unknown coupon")
	// ErrInsufficientPoints reports a redemption the balance cannot pay.
	ErrInsufficientPoints = errors.New("kpi: insufficient points")
	// ErrTierTooLow reports a coupon reserved for a higher tier.
	ErrTierTooLow = errors.New("kpi: member tier too low")
)

// TierRule is one row of the tier table.
type TierRule struct {
	Tier        Tier
	Name        string // e.g. "bronze"
	ChineseName string // e.g. "青铜"
	// MinPoints is the lifetime (growth) points at which the tier starts,
	// inclusive.
	MinPoints int64
	// PointsPerYuan is the points earned per yuan paid at this tier;
	// fractions of a point are dropped.
	PointsPerYuan decimal.Decimal
}

// Coupon is one row of the redemption table (积分兑换优惠券): Cost points buy
// a coupon worth DiscountFen off an order of at least MinSpendFen (满减),
// for members at MinTier or above.
type Coupon struct {
	ID          string
	Name        string
	Cost        int64 // points
	DiscountFen vcart.Fen
	MinSpendFen vcart.Fen
	MinTier     Tier
}

// MemberProgram is the versioned, replaceable member programme: the tier
// table and the coupon redemption table.
type MemberProgram struct {
	Version       string
	EffectiveFrom time.Time
	Tiers         []TierRule // ascending; the first starts at 0 points
	Coupons       []Coupon
}

// SeedMemberProgram returns the seed's four tiers (青铜-钻石四级权益,
// 积分兑换优惠券) as a fresh value. The seed gives no figures; these
// defaults are the SDK's:
//
//	tier     points from  points per ¥1
//	青铜 bronze       0        1
//	白银 silver   1,000        1.2
//	黄金 gold     5,000        1.5
//	钻石 diamond 20,000        2
//
//	coupon        cost   value           tier
//	c5            100    ¥5 off ¥50      bronze
//	c20           300    ¥20 off ¥150    silver
//	c60           800    ¥60 off ¥300    gold
//	c200        2,000    ¥200 off ¥800   diamond
func SeedMemberProgram() MemberProgram {
	d := decimal.RequireFromString
	return MemberProgram{
		Version:       "kpi-2026.1",
		EffectiveFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, shanghai),
		Tiers: []TierRule{
			{Tier: TierBronze, Name: "bronze", ChineseName: "青铜", MinPoints: 0, PointsPerYuan: d("1")},
			{Tier: TierSilver, Name: "silver", ChineseName: "白银", MinPoints: 1000, PointsPerYuan: d("1.2")},
			{Tier: TierGold, Name: "gold", ChineseName: "黄金", MinPoints: 5000, PointsPerYuan: d("1.5")},
			{Tier: TierDiamond, Name: "diamond", ChineseName: "钻石", MinPoints: 20000, PointsPerYuan: d("2")},
		},
		Coupons: []Coupon{
			{ID: "c5", Name: "¥5 off ¥50", Cost: 100, DiscountFen: 500, MinSpendFen: 5000, MinTier: TierBronze},
			{ID: "c20", Name: "¥20 off ¥150", Cost: 300, DiscountFen: 2000, MinSpendFen: 15000, MinTier: TierSilver},
			{ID: "c60", Name: "¥60 off ¥300", Cost: 800, DiscountFen: 6000, MinSpendFen: 30000, MinTier: TierGold},
			{ID: "c200", Name: "¥200 off ¥800", Cost: 2000, DiscountFen: 20000, MinSpendFen: 80000, MinTier: TierDiamond},
		},
	}
}

// Validate reports every problem with the programme at once: tiers that
// are missing, out of order or not starting at 0 points, negative earning
// rates, duplicate or unpayable coupons, and coupons for unknown tiers.
func (p MemberProgram) Validate() error {
	var fe []vcart.FieldError
	add := func(field, code, msg string) { fe = append(fe, vcart.FieldError{Field: field, Code: code, Msg: msg}) }
	if p.Version == "" {
		add("version", "member.version.missing", "the programme has no version")
	}
	if len(p.Tiers) == 0 {
		add("tiers", "member.tiers.missing", "no tiers")
	}
	tiers := map[Tier]bool{}
	for i, t := range p.Tiers {
		f := fmt.Sprintf("tiers[%d]", i)
		if t.Tier <= TierNone {
			add(f+".tier", "member.tier.invalid", "a tier level must be positive")
		}
		if t.Name == "" {
			add(f+".name", "member.tier.name", "a tier needs a name")
		}
		if i == 0 && t.MinPoints != 0 {
			add(f+".min_points", "member.tier.start", "the first tier must start at 0 points")
		}
		if i > 0 && (t.Tier <= p.Tiers[i-1].Tier || t.MinPoints <= p.Tiers[i-1].MinPoints) {
			add(f, "member.tier.order", "tiers must increase in level and points")
		}
		if t.PointsPerYuan.IsNegative() {
			add(f+".points_per_yuan", "member.tier.rate", "negative earning rate")
		}
		tiers[t.Tier] = true
	}
	ids := map[string]bool{}
	for i, c := range p.Coupons {
		f := fmt.Sprintf("coupons[%d]", i)
		if c.ID == "" || ids[c.ID] {
			add(f+".id", "member.coupon.id", fmt.Sprintf("coupon id %q is empty or repeated", c.ID))
		}
		ids[c.ID] = true
		if c.Cost <= 0 {
			add(f+".cost", "member.coupon.cost", "a coupon must cost points")
		}
		if c.DiscountFen <= 0 || c.MinSpendFen < 0 || (c.MinSpendFen > 0 && c.DiscountFen > c.MinSpendFen) {
			add(f+".discount_fen", "member.coupon.value", "the discount must be positive and at most the minimum spend")
		}
		if !tiers[c.MinTier] {
			add(f+".min_tier", "member.coupon.tier", fmt.Sprintf("tier %d is not in the table", c.MinTier))
		}
	}
	return vcart.NewValidationError(fe)
}

// TierFor returns the tier for lifetime (growth) points: the highest tier
// whose MinPoints is at or below them. Negative points are an error, as is
// an invalid programme.
func (p MemberProgram) TierFor(lifetimePoints int64) (TierRule, error) {
	if err := p.Validate(); err != nil {
		return TierRule{}, err
	}
	if lifetimePoints < 0 {
		return TierRule{}, vcart.NewValidationError([]vcart.FieldError{{Field: "lifetime_points", Code: "member.points.negative", Msg: "negative points"}})
	}
	rule := p.Tiers[0]
	for _, t := range p.Tiers {
		if lifetimePoints >= t.MinPoints {
			rule = t
		}
	}
	return rule, nil
}

// Member is a member's points: the lifetime (growth) points that decide the
// tier, and the balance that can be spent.
type Member struct {
	LifetimePoints int64 `json:"lifetime_points"`
	Balance        int64 `json:"balance"`
}

// Earn returns the member after paying paidFen: the points at the member's
// current tier's rate (fractions dropped) are added to both the lifetime
// points and the balance. The tier is decided before the purchase.
func (p MemberProgram) Earn(m Member, paidFen vcart.Fen) (Member, int64, error) {
	rule, err := p.TierFor(m.LifetimePoints)
	if err != nil {
		return m, 0, err
	}
	var fe []vcart.FieldError
	if paidFen < 0 {
		fe = append(fe, vcart.FieldError{Field: "paid_fen", Code: "member.amount.negative", Msg: "negative amount"})
	}
	if m.Balance < 0 {
		fe = append(fe, vcart.FieldError{Field: "balance", Code: "member.balance.negative", Msg: "negative balance"})
	}
	if err := vcart.NewValidationError(fe); err != nil {
		return m, 0, err
	}
	pts := decimal.NewFromInt(int64(paidFen)).Shift(-2).Mul(rule.PointsPerYuan).Floor()
	if !pts.LessThanOrEqual(decimal.NewFromInt(math.MaxInt64 - max(m.LifetimePoints, m.Balance))) {
		return m, 0, fmt.Errorf("%w: points", ErrOverflow)
	}
	n := pts.IntPart()
	return Member{LifetimePoints: m.LifetimePoints + n, Balance: m.Balance + n}, n, nil
}

// Redeemable returns the coupons the member can redeem now: those their
// tier allows and their balance pays for, in table order.
func (p MemberProgram) Redeemable(m Member) ([]Coupon, error) {
	rule, err := p.TierFor(m.LifetimePoints)
	if err != nil {
		return nil, err
	}
	out := []Coupon{}
	for _, c := range p.Coupons {
		if c.MinTier <= rule.Tier && c.Cost <= m.Balance {
			out = append(out, c)
		}
	}
	return out, nil
}

// Redeem spends the member's balance on the coupon couponID and returns the
// new member and the coupon. It fails with [ErrUnknownCoupon],
// [ErrTierTooLow] or [ErrInsufficientPoints], leaving the member as it was.
// Redeeming does not lower the lifetime points or the tier.
func (p MemberProgram) Redeem(m Member, couponID string) (Member, Coupon, error) {
	rule, err := p.TierFor(m.LifetimePoints)
	if err != nil {
		return m, Coupon{}, err
	}
	for _, c := range p.Coupons {
		if c.ID != couponID {
			continue
		}
		if c.MinTier > rule.Tier {
			return m, Coupon{}, fmt.Errorf("%w: coupon %q needs tier %d, member is %s", ErrTierTooLow, c.ID, c.MinTier, rule.Name)
		}
		if c.Cost > m.Balance {
			return m, Coupon{}, fmt.Errorf("%w: coupon %q costs %d, balance is %d", ErrInsufficientPoints, c.ID, c.Cost, m.Balance)
		}
		return Member{LifetimePoints: m.LifetimePoints, Balance: m.Balance - c.Cost}, c, nil
	}
	return m, Coupon{}, fmt.Errorf("%w: %q", ErrUnknownCoupon, truncate(couponID, 40))
}

// String returns the seed tier's English name ("bronze" … "diamond"), or
// "tier N" for other levels.
func (t Tier) String() string {
	switch t {
	case TierBronze:
		return "bronze"
	case TierSilver:
		return "silver"
	case TierGold:
		return "gold"
	case TierDiamond:
		return "diamond"
	}
	return fmt.Sprintf("tier %d", int(t))
}

// ChineseName returns 青铜, 白银, 黄金 or 钻石 for the seed's tiers, and
// "VIP N" for other levels.
func (t Tier) ChineseName() string {
	switch t {
	case TierBronze:
		return "青铜"
	case TierSilver:
		return "白银"
	case TierGold:
		return "黄金"
	case TierDiamond:
		return "钻石"
	}
	return fmt.Sprintf("VIP%d", int(t))
}

// WriteTable writes the programme as two plain-text tables, the tiers and
// the coupon redemption table (积分兑换), for an operator's page or a
// README.
func (p MemberProgram) WriteTable(w io.Writer) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Member programme %s\n", p.Version)
	b.WriteString("tier      from points  points per ¥1\n")
	for _, t := range p.Tiers {
		fmt.Fprintf(&b, "%-8s  %11d  %-13s  %s\n", t.Name, t.MinPoints, plain(t.PointsPerYuan), t.ChineseName)
	}
	b.WriteString("coupon  cost  value                 min tier\n")
	for _, c := range p.Coupons {
		min := "-"
		if c.MinTier > TierNone {
			min = c.MinTier.String()
			for _, t := range p.Tiers {
				if t.Tier == c.MinTier {
					min = t.Name + " " + t.ChineseName
				}
			}
		}
		value := c.DiscountFen.String() + " off"
		if c.MinSpendFen > 0 {
			value += " " + c.MinSpendFen.String()
		}
		fmt.Fprintf(&b, "%-6s  %4d  %-20s  %s\n", c.ID, c.Cost, value, min)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
