package kpi

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Role is a product's role in the assortment (选品策略: 爆款组合).
type Role int

// Roles. The zero value is invalid so that a forgotten role is reported.
const (
	RoleUnknown Role = iota
	// RoleTraffic is 引流款: low-margin products that bring visitors.
	RoleTraffic
	// RoleProfit is 利润款: the products that earn the margin.
	RoleProfit
	// RoleImage is 形象款: premium products that set the brand's image.
	RoleImage
)

// String returns "traffic", "profit" or "image".
func (r Role) String() string {
	switch r {
	case RoleTraffic:
		return "traffic"
	case RoleProfit:
		return "profit"
	case RoleImage:
		return "image"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// ChineseName returns 引流款, 利润款 or 形象款.
func (r Role) ChineseName() string {
	switch r {
	case RoleTraffic:
		return "引流款"
	case RoleProfit:
		return "利润款"
	case RoleImage:
		return "形象款"
	}
	return "未知"
}

// MarshalText encodes the role by name.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Roles returns the three roles in the seed's order.
func Roles() []Role { return []Role{RoleTraffic, RoleProfit, RoleImage} }

// MaxMixWeight caps each weight of a [MixPolicy], so that the exact share
// arithmetic stays within int64.
const MaxMixWeight = 1_000_000

// MixPolicy is the versioned assortment target: the weight of each role
// (the seed's 3 : 5 : 2), the tolerance for the deviation report in
// percentage points, and the lowest price a traffic product should have.
type MixPolicy struct {
	Version       string
	EffectiveFrom time.Time
	Traffic       int64 // weight of 引流款
	Profit        int64 // weight of 利润款
	Image         int64 // weight of 形象款
	// TolerancePP is the largest deviation, in percentage points, that is
	// still on target (inclusive).
	TolerancePP decimal.Decimal
	// MinTrafficPriceFen flags traffic products priced below it (exclusive):
	// on 视频号 "1 元" or very low-price lures (低价引流) are treated as
	// 不正当营销. Zero disables the check.
	MinTrafficPriceFen vcart.Fen
}

// SeedMixPolicy returns the seed's §七 assortment policy as a fresh value:
// traffic : profit : image = 3 : 5 : 2, a 5-percentage-point tolerance,
// and traffic products at no less than ¥9.90 (the practitioners' floor; the
// seed names none).
func SeedMixPolicy() MixPolicy {
	return MixPolicy{
		Version:            "seed-2023.1",
		EffectiveFrom:      time.Date(2023, 1, 1, 0, 0, 0, 0, shanghai),
		Traffic:            3,
		Profit:             5,
		Image:              2,
		TolerancePP:        decimal.NewFromInt(5),
		MinTrafficPriceFen: 990,
	}
}

func (p MixPolicy) weight(r Role) int64 {
	switch r {
	case RoleTraffic:
		return p.Traffic
	case RoleProfit:
		return p.Profit
	case RoleImage:
		return p.Image
	}
	return 0
}

// Validate reports every problem with the policy at once.
func (p MixPolicy) Validate() error {
	var fe []vcart.FieldError
	if p.Version == "" {
		fe = append(fe, vcart.FieldError{Field: "version", Code: "mix.version.missing", Msg: "the policy has no version"})
	}
	for _, r := range Roles() {
		switch w := p.weight(r); {
		case w < 0:
			fe = append(fe, vcart.FieldError{Field: r.String(), Code: "mix.weight.negative", Msg: "negative weight"})
		case w > MaxMixWeight:
			fe = append(fe, vcart.FieldError{Field: r.String(), Code: "mix.weight.too_large", Msg: fmt.Sprintf("weight above %d", MaxMixWeight)})
		}
	}
	if p.Traffic+p.Profit+p.Image <= 0 {
		fe = append(fe, vcart.FieldError{Field: "weights", Code: "mix.weight.zero", Msg: "the weights sum to zero"})
	}
	if p.TolerancePP.IsNegative() {
		fe = append(fe, vcart.FieldError{Field: "tolerance_pp", Code: "mix.tolerance.negative", Msg: "negative tolerance"})
	}
	if p.MinTrafficPriceFen < 0 {
		fe = append(fe, vcart.FieldError{Field: "min_traffic_price_fen", Code: "mix.price.negative", Msg: "negative price floor"})
	}
	return vcart.NewValidationError(fe)
}

// AssortedProduct is one listed product with its role.
type AssortedProduct struct {
	ProductID vcart.ProductID
	Role      Role
	PriceFen  vcart.Fen
}

// RoleMix is one role's line in the deviation report.
type RoleMix struct {
	Role   Role  `json:"role"`
	Count  int64 `json:"count"`
	Target int64 `json:"target"` // the count the policy asks for, by largest remainder
	Actual Ratio `json:"actual"` // Count ÷ all products
	// DeviationPP is the actual share minus the target share, in
	// percentage points, rounded half-up to two places, as a string
	// ("-5.00").
	DeviationPP string `json:"deviation_pp"`
	OnTarget    bool   `json:"on_target"`
}

// MixReport is the assortment deviation report (爆款组合 3:5:2).
type MixReport struct {
	PolicyVersion string             `json:"policy_version"`
	Products      int64              `json:"products"`
	Roles         []RoleMix          `json:"roles"`
	OnTarget      bool               `json:"on_target"` // every role within tolerance
	Findings      []vcart.FieldError `json:"findings"`  // policy findings, e.g. a traffic product priced below the floor
}

// CheckMix compares the products' roles with policy. It fails with a
// [*vcart.ValidationError] for an invalid policy or products with no role
// or a negative price, all at once. Shares are by number of products; an
// empty assortment has undefined shares and is not on target.
func CheckMix(products []AssortedProduct, policy MixPolicy) (*MixReport, error) {
	fe := problemsOf(policy.Validate())
	for i := range fe {
		fe[i].Field = "policy." + fe[i].Field
	}
	counts := map[Role]int64{}
	for i, pr := range products {
		if pr.Role < RoleTraffic || pr.Role > RoleImage {
			fe = append(fe, vcart.FieldError{Field: fmt.Sprintf("products[%d].role", i), Code: "mix.role.unknown", Msg: fmt.Sprintf("product %q has no role", truncate(string(pr.ProductID), 40))})
		}
		if pr.PriceFen < 0 {
			fe = append(fe, vcart.FieldError{Field: fmt.Sprintf("products[%d].price_fen", i), Code: "mix.price.negative", Msg: "negative price"})
		}
		counts[pr.Role]++
	}
	if err := vcart.NewValidationError(fe); err != nil {
		return nil, err
	}
	n := int64(len(products))
	total := policy.Traffic + policy.Profit + policy.Image
	targets := apportion(n, policy)
	rep := &MixReport{PolicyVersion: policy.Version, Products: n, OnTarget: n > 0, Findings: []vcart.FieldError{}}
	for i, r := range Roles() {
		rm := RoleMix{Role: r, Count: counts[r], Target: targets[i], Actual: Ratio{counts[r], n}}
		if n > 0 {
			// Exactly: deviation = (count·total − w·n) · 100 ÷ (n·total) pp.
			diff := decimal.NewFromInt(counts[r]*total - policy.weight(r)*n)
			den := decimal.NewFromInt(n * total)
			rm.DeviationPP = quo(diff.Shift(2), den, 2, vcart.HalfUp).StringFixed(2)
			rm.OnTarget = diff.Abs().Shift(2).LessThanOrEqual(policy.TolerancePP.Mul(den))
		}
		if !rm.OnTarget {
			rep.OnTarget = false
		}
		rep.Roles = append(rep.Roles, rm)
	}
	if policy.MinTrafficPriceFen > 0 {
		for i, pr := range products {
			if pr.Role == RoleTraffic && pr.PriceFen < policy.MinTrafficPriceFen {
				rep.Findings = append(rep.Findings, vcart.FieldError{
					Field: fmt.Sprintf("products[%d].price_fen", i),
					Code:  "mix.traffic.price_floor",
					Msg: fmt.Sprintf("traffic product %q at %s is below %s; very low-price lures (低价引流) are 不正当营销 on 视频号",
						truncate(string(pr.ProductID), 40), pr.PriceFen.String(), policy.MinTrafficPriceFen.String()),
				})
			}
		}
	}
	return rep, nil
}

// apportion splits n products across the roles in the policy's ratio by
// the largest-remainder method, so the targets always sum to n; ties go to
// the earlier role (traffic, profit, image).
func apportion(n int64, p MixPolicy) [3]int64 {
	var out [3]int64
	total := p.Traffic + p.Profit + p.Image
	if total <= 0 {
		return out
	}
	var rem [3]int64
	var given int64
	for i, r := range Roles() {
		out[i] = n * p.weight(r) / total
		rem[i] = n * p.weight(r) % total
		given += out[i]
	}
	for given < n {
		best := 0
		for i := 1; i < 3; i++ {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
		given++
	}
	return out
}
