package shopapi

import (
	"context"
	"fmt"
	"sort"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
)

// The glue between vcart/kpi (pure: member tiers, sales per sharer) and the
// shop API. kpi never imports shopapi; the mappings live here.

// GradeMap maps the SDK's member tiers ([kpi.Tier], 青铜 → 钻石) onto the
// platform's member grades ([Grade], which the merchant sets up in the shop's
// admin pages) one to one, in both directions.
type GradeMap struct {
	toGrade map[kpi.Tier]Grade
	toTier  map[Grade]kpi.Tier
}

// DefaultGradeMap maps the seed's four tiers onto grades 1-4: 青铜 bronze
// 1, 白银 silver 2, 黄金 gold 3, 钻石 diamond 4.
func DefaultGradeMap() GradeMap {
	m, _ := NewGradeMap(map[kpi.Tier]Grade{kpi.TierBronze: 1, kpi.TierSilver: 2, kpi.TierGold: 3, kpi.TierDiamond: 4})
	return m
}

// NewGradeMap returns the mapping of pairs, which must be one to one
// between positive tiers and grades from 1; every problem is reported.
func NewGradeMap(pairs map[kpi.Tier]Grade) (GradeMap, error) {
	m := GradeMap{toGrade: map[kpi.Tier]Grade{}, toTier: map[Grade]kpi.Tier{}}
	tiers := make([]kpi.Tier, 0, len(pairs))
	for t := range pairs {
		tiers = append(tiers, t)
	}
	sort.Slice(tiers, func(i, j int) bool { return tiers[i] < tiers[j] })
	var p []vcart.FieldError
	if len(pairs) == 0 {
		p = append(p, vcart.FieldError{Field: "grades", Code: "required", Msg: "no tier is mapped"})
	}
	for _, t := range tiers {
		g := pairs[t]
		f := fmt.Sprintf("grades[%d]", t)
		if t <= kpi.TierNone {
			p = append(p, vcart.FieldError{Field: f, Code: "tier", Msg: "a tier must be positive"})
		}
		if g < 1 {
			p = append(p, vcart.FieldError{Field: f, Code: "grade", Msg: "a grade starts at 1"})
		}
		if other, dup := m.toTier[g]; dup {
			p = append(p, vcart.FieldError{Field: f, Code: "duplicate", Msg: fmt.Sprintf("grade %d is also tier %d's", g, other)})
		}
		m.toGrade[t], m.toTier[g] = g, t
	}
	if err := vcart.NewValidationError(p); err != nil {
		return GradeMap{}, err
	}
	return m, nil
}

// Grade returns the platform grade of a tier.
func (m GradeMap) Grade(t kpi.Tier) (Grade, bool) {
	g, ok := m.toGrade[t]
	return g, ok
}

// Tier returns the tier of a platform grade.
func (m GradeMap) Tier(g Grade) (kpi.Tier, bool) {
	t, ok := m.toTier[g]
	return t, ok
}

// GradeFor returns the grade a member's growth value (experience_value,
// the programme's lifetime points) earns under the programme's tier rules.
func (m GradeMap) GradeFor(p kpi.MemberProgram, experience int64) (Grade, kpi.TierRule, error) {
	rule, err := p.TierFor(experience)
	if err != nil {
		return 0, kpi.TierRule{}, err
	}
	g, ok := m.Grade(rule.Tier)
	if !ok {
		return 0, rule, vcart.NewValidationError([]vcart.FieldError{{Field: "tier", Code: "unmapped",
			Msg: fmt.Sprintf("tier %d (%s) has no platform grade", rule.Tier, rule.Name)}})
	}
	return g, rule, nil
}

// GradeSync is the outcome of [MemberService.SyncGrade].
type GradeSync struct {
	OpenID   string
	From, To Grade
	Tier     kpi.TierRule
	// Changed reports whether the grade was updated.
	Changed bool
}

// SyncGrade lets the SDK's tier rules drive a member's platform grade: it
// reads the member (user/info/get), finds the tier its growth value
// (experience_value) earns under the programme, and updates the grade
// (user/grade/update) when it differs. Running it again changes nothing.
func (s *MemberService) SyncGrade(ctx context.Context, openid string, p kpi.MemberProgram, m GradeMap) (*GradeSync, error) {
	mem, _, err := s.Get(ctx, openid)
	if err != nil {
		return nil, err
	}
	g, rule, err := m.GradeFor(p, mem.UserGradeInfo.ExperienceValue)
	if err != nil {
		return nil, errorf("sync member grade", err)
	}
	out := &GradeSync{OpenID: openid, From: mem.UserGradeInfo.Grade, To: g, Tier: rule}
	if g == mem.UserGradeInfo.Grade {
		return out, nil
	}
	if _, err := s.UpdateGrade(ctx, openid, g); err != nil {
		return nil, err
	}
	out.Changed = true
	return out, nil
}

// SharerSales maps the sharer-order list (get_sharer_order_list, one entry
// per order line) onto vcart/kpi's per-sharer input: one [kpi.SharerOrder]
// per sharer and order, with the order itself from lookup (the caller maps
// order/get to a [kpi.Order]). Orders lookup does not know are returned in
// missing, in first-seen order, so the caller can fetch them and retry.
func SharerSales(list []SharerOrder, lookup func(ID) (kpi.Order, bool)) (orders []kpi.SharerOrder, missing []ID) {
	type key struct {
		sharer string
		order  ID
	}
	seen := map[key]bool{}
	lost := map[ID]bool{}
	for _, so := range list {
		k := key{so.SharerOpenID, so.OrderID}
		if seen[k] || lost[so.OrderID] {
			continue
		}
		o, ok := lookup(so.OrderID)
		if !ok {
			lost[so.OrderID] = true
			missing = append(missing, so.OrderID)
			continue
		}
		seen[k] = true
		orders = append(orders, kpi.SharerOrder{Order: o, SharerID: so.SharerOpenID})
	}
	return orders, missing
}
