package shopapitest

import (
	"net/http"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// categoryRuleRoutes returns the category rule endpoints: deposit and
// shipping-method rules (rule_id 1 and 2) and the publishing rules.
func categoryRuleRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/shop/ec/category/getcategoryrule", h: (*Server).hCategoryRule},
		{method: http.MethodPost, path: "/shop/ec/category/getcategoryproductrule", h: (*Server).hCategoryProductRule},
	}
}

// Floor prices of the fake's leaf categories (fen): the nuts may not sell
// below ¥1.00.
var fakeFloorPrices = map[string]int64{string(CatNuts): 100}

func (s *Server) hCategoryRule(c *call) (any, error) {
	var req struct {
		CategoryID shopapi.ID `json:"category_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	cat, ok := findCat(string(req.CategoryID))
	if !ok || !cat.leaf {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	switch c.query.Get("rule_id") {
	case "1":
		return map[string]any{"deposit": cat.deposit}, nil
	case "2":
		// One object, as the page's example (its table says objarray).
		return map[string]any{"list": map[string]any{"deliver_type": int(shopapi.MethodExpress), "acct_type": []int{}}}, nil
	}
	return nil, apiErr(shopapi.CodeBadParams, "rule_id must be 1 or 2")
}

func (s *Server) hCategoryProductRule(c *call) (any, error) {
	var req struct {
		CatID       shopapi.ID `json:"cat_id"`
		ReleaseMode int        `json:"release_mode"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	cat, ok := findCat(string(req.CatID))
	if !ok || !cat.leaf {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	if req.ReleaseMode != 0 && req.ReleaseMode != 1 {
		return nil, apiErr(shopapi.CodeBadParams, "release_mode must be 0 or 1")
	}
	attr := func(name, value, typ string, required, appendAllowed bool) map[string]any {
		return map[string]any{"name": name, "value": value, "hint": "", "append_allowed": appendAllowed, "type_v2": typ, "is_required": required}
	}
	attrs := []any{attr("产地", "", "string", true, false)}
	if cat.id == string(CatNuts) {
		attrs = append(attrs, attr("净含量", "g;kg", "integer_unit", true, false))
	}
	quas := []any{}
	if cat.qua != "" {
		quas = append(quas, map[string]any{"id": cat.qua, "name": "经营资质", "tips": "需提供资质"})
	}
	return map[string]any{
		"info":              map[string]any{"cat_id": cat.id, "name": cat.name},
		"product_attr_list": attrs,
		"sale_attr_list":    []any{attr("规格", "小;中;大", "select_one", true, true)},
		"product_qua_list":  quas,
		"floor_price":       fakeFloorPrices[cat.id],
		"size_chart":        map[string]any{"is_support": false},
		"product_requirement": map[string]any{"product_title_requirement": "标题需包含品名",
			"product_img_requirement": "", "product_desc_requirement": ""},
		"is_need_bar_code": false,
		"presale_rule":     map[string]any{"presale_switch": false},
	}, nil
}
