package review

import (
	"slices"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// RulePlatformCategory is the ID of the rule [CategoryRules.Rule] builds,
// followed by "." and the category id when CategoryRules.CatID is set, so
// that the rules of several categories can join one [Reviewer].
const RulePlatformCategory = "platform.category_rules"

// AttrKind is the kind of value a platform attribute takes (type_v2 of the
// category APIs).
type AttrKind string

// Attribute kinds of the category APIs.
const (
	AttrText         AttrKind = "string"        // 文本
	AttrSelectOne    AttrKind = "select_one"    // 单选, options listed
	AttrSelectMany   AttrKind = "select_many"   // 多选, options listed
	AttrInteger      AttrKind = "integer"       // 整数
	AttrDecimal4     AttrKind = "decimal4"      // 小数, at most 4 places
	AttrIntegerUnit  AttrKind = "integer_unit"  // 整数 + 单位, units listed
	AttrDecimal4Unit AttrKind = "decimal4_unit" // 小数 + 单位, units listed
)

// AttrRule is one attribute the platform defines for a category: its name
// (the attr_key a listing uses), whether it is required, its kind and its
// options (for select kinds) or units (for unit kinds).
type AttrRule struct {
	Name     string
	Required bool
	Kind     AttrKind
	// Options are the allowed values (select kinds) or units (unit kinds).
	Options []string
	// AllowOther lets a select attribute take a value outside Options
	// (append_allowed).
	AllowOther bool
}

// CategoryRules are a platform category's publishing rules as the
// platform states them (商品发布规则, shopapi's conversion of
// getcategoryproductrule fills them), so that a review run with them
// catches what the platform would. Build the rule with [CategoryRules.Rule]
// and add it with [WithExtraRules].
type CategoryRules struct {
	// CatID and Name name the platform category, for messages.
	CatID, Name string
	// Category, when set, limits the rule to listings of that coarse
	// category; empty applies it to every listing reviewed with it.
	Category vcart.Category
	// ProductAttrs are the product parameters (attrs); SaleAttrs the sale
	// attributes every SKU carries (sku_attrs).
	ProductAttrs, SaleAttrs []AttrRule
	// FloorPrice is the lowest sale price allowed (价格下限); zero for none.
	FloorPrice vcart.Fen
	// Requirements are the platform's own words on titles, images and
	// descriptions (商品编辑要求), reported as information.
	Requirements []string
	// Source is where the rules came from, e.g. the API and the instant.
	Source string
}

// Rule returns a review rule enforcing the category's rules: required
// product and sale attributes present, select values among the options,
// numbers where a number is asked, prices not below the floor.
func (cr CategoryRules) Rule() Rule {
	src := cr.Source
	if src == "" {
		src = "platform category rules (getcategoryproductrule)"
	}
	id := RulePlatformCategory
	if cr.CatID != "" {
		id += "." + cr.CatID
	}
	return Rule{ID: id, Stage: StageBasic, Source: src,
		Doc:   "the platform's publishing rules of category " + cr.label(),
		Check: cr.check}
}

func (cr CategoryRules) label() string {
	switch {
	case cr.Name != "" && cr.CatID != "":
		return cr.Name + " (" + cr.CatID + ")"
	case cr.Name != "":
		return cr.Name
	}
	return cr.CatID
}

func (cr CategoryRules) check(c *Check) {
	l := c.Listing
	if cr.Category != "" && l.Category != cr.Category {
		return
	}
	checkAttrs(c, cr, "attrs", l.Attrs, cr.ProductAttrs)
	for i, s := range l.SKUs {
		checkAttrs(c, cr, skuField(i, ".sku_attrs"), s.Attrs, cr.SaleAttrs)
		if cr.FloorPrice > 0 && s.SalePrice > 0 && s.SalePrice < cr.FloorPrice {
			c.Report(Finding{Code: "platform.floor_price", Severity: vcart.Block, Field: skuField(i, ".sale_price"),
				Message: "sale price " + s.SalePrice.String() + " is below the category's floor price " + cr.FloorPrice.String() + " (" + cr.label() + ")"})
		}
	}
	for _, r := range cr.Requirements {
		if strings.TrimSpace(r) != "" {
			c.Report(Finding{Code: "platform.requirement", Severity: vcart.Info, Field: "category",
				Message: "the platform asks of " + cr.label() + ": " + r})
		}
	}
}

func checkAttrs(c *Check, cr CategoryRules, field string, have []Attr, rules []AttrRule) {
	for _, r := range rules {
		i := slices.IndexFunc(have, func(a Attr) bool { return strings.TrimSpace(a.Key) == r.Name })
		if i < 0 || strings.TrimSpace(have[i].Value) == "" {
			if r.Required {
				c.Report(Finding{Code: "platform.attr_required", Severity: vcart.Block, Field: field,
					Message: "attribute " + r.Name + " is required in " + cr.label()})
			}
			continue
		}
		v := strings.TrimSpace(have[i].Value)
		f := field + "[" + strconv.Itoa(i) + "].value"
		if msg := attrValueProblem(r, v); msg != "" {
			c.Report(Finding{Code: "platform.attr_value", Severity: vcart.Block, Field: f,
				Message: "attribute " + r.Name + ": " + msg})
		}
	}
}

// attrValueProblem returns what is wrong with v for r, or "".
func attrValueProblem(r AttrRule, v string) string {
	switch r.Kind {
	case AttrSelectOne:
		if !r.AllowOther && len(r.Options) > 0 && !slices.Contains(r.Options, v) {
			return "must be one of " + strings.Join(r.Options, ", ")
		}
	case AttrSelectMany:
		if r.AllowOther || len(r.Options) == 0 {
			return ""
		}
		for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ',' || r == '，' || r == '；' }) {
			if !slices.Contains(r.Options, strings.TrimSpace(part)) {
				return strings.TrimSpace(part) + " is not one of " + strings.Join(r.Options, ", ")
			}
		}
	case AttrInteger, AttrIntegerUnit, AttrDecimal4, AttrDecimal4Unit:
		num, unit := splitNumber(v)
		if !validNumber(num, r.Kind == AttrInteger || r.Kind == AttrIntegerUnit) {
			if r.Kind == AttrInteger || r.Kind == AttrIntegerUnit {
				return "must be a whole number"
			}
			return "must be a number with at most 4 decimal places"
		}
		if (r.Kind == AttrIntegerUnit || r.Kind == AttrDecimal4Unit) && len(r.Options) > 0 && !slices.Contains(r.Options, unit) {
			return "unit must be one of " + strings.Join(r.Options, ", ")
		}
	}
	return ""
}

// splitNumber splits "500g" or "500 g" into its number and its unit.
func splitNumber(v string) (num, unit string) {
	i := strings.IndexFunc(v, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != '-' })
	if i < 0 {
		return v, ""
	}
	return strings.TrimSpace(v[:i]), strings.TrimSpace(v[i:])
}

func validNumber(s string, integer bool) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || !allDigits(whole) {
		return false
	}
	if !dot {
		return true
	}
	return !integer && frac != "" && len(frac) <= 4 && allDigits(frac)
}
