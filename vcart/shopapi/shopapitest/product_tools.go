package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// productToolRoutes returns the product tools (category recommendation,
// pre-publish check, attribute mapping, audit quota and strategy, timed
// sales) and the stock ledger.
func productToolRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/product/category/classify", h: (*Server).hClassify},
		{method: http.MethodPost, path: "/channels/ec/product/categoryprecheck", h: (*Server).hPrecheck},
		{method: http.MethodPost, path: "/channels/ec/product/externalproductmapping", h: (*Server).hAttrMapping},
		{method: http.MethodPost, path: "/channels/ec/product/externalproductmappingnew", h: (*Server).hAttrMappingNew},
		{method: http.MethodPost, path: "/channels/ec/product/getauditquota", h: (*Server).hAuditQuota},
		{method: http.MethodPost, path: "/channels/ec/product/auditstrategy/get", h: (*Server).hAuditStrategyGet},
		{method: http.MethodPost, path: "/channels/ec/product/auditstrategy/set", h: (*Server).hAuditStrategySet},
		{method: http.MethodPost, path: "/channels/ec/product/begintimingsale", h: (*Server).hBeginTimingSale},
		{method: http.MethodPost, path: "/channels/ec/product/productbrandrecommend", h: (*Server).hBrandRecommend},
		{method: http.MethodPost, path: "/channels/ec/product/stock/getflow", h: (*Server).hStockFlow},
	}
}

// classifyWords maps title words to the fake's leaf categories.
var classifyWords = []struct {
	word string
	cat  vcart.ID
}{
	{"核桃", CatNuts}, {"坚果", CatNuts}, {"瓜子", CatNuts},
	{"连衣裙", CatDresses}, {"裙", CatDresses},
	{"面霜", CatCream}, {"霜", CatCream},
}

// fakeAttrMap maps other platforms' attribute names to the fake's.
var fakeAttrMap = map[string]string{"帮面材质": "鞋面材质", "产地省份": "产地", "重量": "净含量"}

func (s *Server) hClassify(c *call) (any, error) {
	var req struct {
		ReqType  int      `json:"req_type"`
		Title    string   `json:"title"`
		HeadImgs []string `json:"head_imgs"`
		CatID    string   `json:"cat_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if (req.ReqType != 1 && req.ReqType != 2) || req.Title == "" || len(req.HeadImgs) == 0 || (req.ReqType == 2 && req.CatID == "") {
		return nil, apiErr(shopapi.CodeBadParams, "invalid classify request")
	}
	cats := []any{}
	seen := map[vcart.ID]bool{}
	for _, w := range classifyWords {
		if !strings.Contains(req.Title, w.word) || seen[w.cat] {
			continue
		}
		seen[w.cat] = true
		granted := s.grantedLocked(string(w.cat))
		path := []any{}
		for _, ref := range CatsFor(w.cat) {
			path = append(path, map[string]any{"cat_info": map[string]any{"cat_id": ref.CatID}, "has_permission": granted})
		}
		cats = append(cats, map[string]any{"cats": path})
	}
	out := map[string]any{"categories": cats}
	if req.ReqType == 2 {
		out["wrong_cat"] = !seen[vcart.ID(req.CatID)]
	}
	return out, nil
}

// grantedLocked reports whether the shop holds the category; s.mu is held.
func (s *Server) grantedLocked(catID string) bool {
	g, err := s.catGrants().get(catID)
	return err == nil && g.status == shopapi.CategoryRelationActive
}

func (s *Server) hPrecheck(c *call) (any, error) {
	var req struct {
		CatID shopapi.ID `json:"cat_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	cat, ok := findCat(string(req.CatID))
	if !ok || !cat.leaf {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	if s.grantedLocked(cat.id) {
		return map[string]any{"all_pass": true, "fail_reasons": []string{}}, nil
	}
	return map[string]any{"all_pass": false, "fail_reasons": []string{"店铺未开通类目「" + cat.name + "」,请先申请类目"}}, nil
}

func (s *Server) hAttrMapping(c *call) (any, error) {
	var req struct {
		CatID                  shopapi.ID `json:"cat_id"`
		ExternalAttributeName  string     `json:"external_attribute_name"`
		ExternalAttributeValue string     `json:"external_attribute_value"`
		ExternalCategoryName   string     `json:"external_category_name"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if _, ok := findCat(string(req.CatID)); !ok {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	if req.ExternalAttributeName == "" {
		return nil, apiErr(shopapi.CodeBadParams, "external_attribute_name is required")
	}
	name, values := fakeAttrMap[req.ExternalAttributeName], []string{}
	if name != "" && req.ExternalAttributeValue != "" {
		values = append(values, req.ExternalAttributeValue)
	}
	return map[string]any{"external_attribute_name": req.ExternalAttributeName, "external_attribute_value": req.ExternalAttributeValue,
		"internal_attribute_name": name, "internal_attribute_value": values}, nil
}

func (s *Server) hAttrMappingNew(c *call) (any, error) {
	var req struct {
		CatID                shopapi.ID         `json:"cat_id"`
		ExternalCategoryName string             `json:"external_category_name"`
		HeadImgs             []string           `json:"head_imgs"`
		DetailImgs           []string           `json:"detail_imgs"`
		Title                string             `json:"title"`
		ExternalAttributes   []shopapi.KeyValue `json:"external_attributes"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if _, ok := findCat(string(req.CatID)); !ok {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	if req.Title == "" || len(req.HeadImgs) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "title and head_imgs are required")
	}
	attrs := []any{}
	for _, a := range req.ExternalAttributes {
		if name := fakeAttrMap[a.Key]; name != "" {
			attrs = append(attrs, map[string]any{"key": name, "value": a.Value})
		}
	}
	return map[string]any{"attributes": attrs}, nil
}

// auditQuota is the fake's audit quota state.
type auditQuota struct {
	total    int64
	strategy shopapi.AuditStrategy
}

func (s *Server) quotaState() *auditQuota {
	return stateOf(s, "audit_quota", func() *auditQuota {
		return &auditQuota{total: 1000, strategy: shopapi.AuditStrategy{HideErrFieldFlag: 1, HitDuplicatedFlag: 1, HitLowRiskRuleFlag: 2}}
	})
}

// SetAuditQuota sets the shop's product audit quota (getauditquota's
// total_quota); the products the shop holds use it up.
func (s *Server) SetAuditQuota(total int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quotaState().total = total
}

func (s *Server) hAuditQuota(*call) (any, error) {
	q := s.quotaState()
	avail := max(q.total-int64(len(s.products)), 0)
	return map[string]any{"audit_quota": map[string]any{"block_status": avail == 0, "avail_quota": avail, "total_quota": q.total}}, nil
}

func (s *Server) hAuditStrategyGet(*call) (any, error) {
	st := s.quotaState().strategy
	return map[string]any{"audit_strategy": map[string]any{"hide_err_field_flag": st.HideErrFieldFlag,
		"hit_duplicated_flag": st.HitDuplicatedFlag, "hit_low_risk_rule_flag": st.HitLowRiskRuleFlag}}, nil
}

func (s *Server) hAuditStrategySet(c *call) (any, error) {
	var req struct {
		AuditStrategy *struct {
			HideErrFieldFlag   int `json:"hide_err_field_flag"`
			HitDuplicatedFlag  int `json:"hit_duplicated_flag"`
			HitLowRiskRuleFlag int `json:"hit_low_risk_rule_flag"`
		} `json:"audit_strategy"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	a := req.AuditStrategy
	if a == nil {
		return nil, apiErr(shopapi.CodeBadParams, "audit_strategy is required")
	}
	for _, v := range []int{a.HideErrFieldFlag, a.HitDuplicatedFlag, a.HitLowRiskRuleFlag} {
		if v < 0 || v > 2 {
			return nil, apiErr(shopapi.CodeBadParams, "flags must be 0, 1 or 2")
		}
	}
	st := &s.quotaState().strategy
	set := func(dst *shopapi.StrategyFlag, v int) {
		if v != 0 {
			*dst = shopapi.StrategyFlag(v)
		}
	}
	set(&st.HideErrFieldFlag, a.HideErrFieldFlag)
	set(&st.HitDuplicatedFlag, a.HitDuplicatedFlag)
	set(&st.HitLowRiskRuleFlag, a.HitLowRiskRuleFlag)
	return map[string]any{}, nil
}

// timingSales maps a product to its pending timed-sale task.
type timingSales struct{ task map[string]string }

func (s *Server) timingState() *timingSales {
	return stateOf(s, "timing_sales", func() *timingSales { return &timingSales{task: map[string]string{}} })
}

// ScheduleTimingSale gives a product a timed-sale task (定时开售), as the
// back office does, and returns the task id begintimingsale needs.
func (s *Server) ScheduleTimingSale(productID vcart.ID) (vcart.ID, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.products[string(productID)]; !ok {
		return "", ErrNoProduct
	}
	id := s.newID()
	s.timingState().task[string(productID)] = id
	return vcart.ID(id), nil
}

func (s *Server) hBeginTimingSale(c *call) (any, error) {
	var req struct {
		ProductID shopapi.ID `json:"product_id"`
		TaskID    shopapi.ID `json:"task_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case req.ProductID == "" || req.ProductID == "0":
		return nil, apiErr(shopapi.CodeSaleProductIDEmpty, "product_id is empty")
	case req.TaskID == "" || req.TaskID == "0":
		return nil, apiErr(shopapi.CodeSaleTaskIDEmpty, "task_id is empty")
	}
	ts := s.timingState()
	task, ok := ts.task[string(req.ProductID)]
	if !ok {
		return nil, apiErr(shopapi.CodeNotAwaitingSale, "product not awaiting sale")
	}
	if task != string(req.TaskID) {
		return nil, apiErr(shopapi.CodeSaleTaskChanged, "timing sale task changed")
	}
	delete(ts.task, string(req.ProductID))
	return map[string]any{}, nil
}

// stockFlows holds the fake's stock ledger by product and SKU.
type stockFlows struct {
	flows map[string][]shopapi.StockFlow
}

func (s *Server) flowState() *stockFlows {
	return stateOf(s, "stock_flows", func() *stockFlows { return &stockFlows{flows: map[string][]shopapi.StockFlow{}} })
}

// RecordStockFlow appends a movement to a SKU's stock ledger (库存流水),
// newest last; getflow answers the flows of a time range, newest first.
func (s *Server) RecordStockFlow(productID, skuID vcart.ID, f shopapi.StockFlow) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := string(productID + "/" + skuID)
	st := s.flowState()
	st.flows[k] = append(st.flows[k], f)
}

func (s *Server) hStockFlow(c *call) (any, error) {
	var req struct {
		ProductID  shopapi.ID `json:"product_id"`
		SKUID      shopapi.ID `json:"sku_id"`
		StockType  int        `json:"stock_type"`
		FinderID   string     `json:"finder_id"`
		BeginTime  int64      `json:"begin_time"`
		EndTime    int64      `json:"end_time"`
		OpTypeList []int      `json:"op_type_list"`
		NextKey    string     `json:"next_key"`
		PageSize   int        `json:"page_size"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if _, ok := s.products[string(req.ProductID)]; !ok {
		return nil, apiErr(shopapi.CodeProductNotFound, "product not found")
	}
	if req.EndTime <= req.BeginTime {
		return nil, apiErr(shopapi.CodeBadParams, "invalid time range")
	}
	all := s.flowState().flows[string(req.ProductID)+"/"+string(req.SKUID)]
	var keep []shopapi.StockFlow
	for i := len(all) - 1; i >= 0; i-- {
		f := all[i]
		if f.UpdateTime < req.BeginTime || f.UpdateTime >= req.EndTime {
			continue
		}
		if len(req.OpTypeList) > 0 && !slices.Contains(req.OpTypeList, f.OpType) {
			continue
		}
		keep = append(keep, f)
	}
	ids := make([]string, len(keep)) // pageKey pages positions; the flows have no ids
	page, next, _, err := pageKey(ids, req.NextKey, req.PageSize, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	start, _ := parseKey(req.NextKey)
	list := []any{}
	for i := range page {
		f := keep[start+i]
		ext := map[string]any{"upload_source": f.ExtInfo.UploadSource, "order_id": cmpOr(string(f.ExtInfo.OrderID), "0"),
			"out_warehouse_id": f.ExtInfo.OutWarehouseID, "limited_discount_id": cmpOr(string(f.ExtInfo.LimitedDiscountID), "0")}
		if f.ExtInfo.MoveToStockSubType != 0 {
			ext["move_to_stock_sub_type"] = f.ExtInfo.MoveToStockSubType
		}
		if f.ExtInfo.FinderID != "" {
			ext["finder_id"] = f.ExtInfo.FinderID
		}
		list = append(list, map[string]any{"amount": f.Amount, "beginning_amount": f.BeginningAmount, "ending_amount": f.EndingAmount,
			"stock_sub_type": f.StockSubType, "op_type": f.OpType, "update_time": f.UpdateTime, "ext_info": ext})
	}
	return map[string]any{"data": map[string]any{"stock_flow_info_list": list, "next_key": next}}, nil
}

// hBrandRecommend recommends, among the shop's brands in force, the first
// whose name the title contains, else the first in force; brand_id 0 when
// the shop holds none.
func (s *Server) hBrandRecommend(c *call) (any, error) {
	var req struct {
		CatID      shopapi.ID `json:"cat_id"`
		HeadImgs   []string   `json:"head_imgs"`
		DetailImgs []string   `json:"detail_imgs"`
		Title      string     `json:"title"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if _, ok := findCat(string(req.CatID)); !ok {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	if req.Title == "" || len(req.HeadImgs) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "title and head_imgs are required")
	}
	recs := s.brandRecs()
	ids := recs.ids(func(_ string, r *brandRec) bool {
		return r.status == shopapi.BrandActive || r.status == shopapi.BrandExpiring
	})
	pick := ""
	for _, id := range ids {
		q := recs.byID[id].q
		if (q.ChName != "" && strings.Contains(req.Title, q.ChName)) || (q.EnName != "" && strings.Contains(req.Title, q.EnName)) {
			pick = id
			break
		}
	}
	if pick == "" && len(ids) > 0 {
		pick = ids[0]
	}
	out := map[string]any{"brand_id": 0, "brand_name_chinese": "", "brand_name_english": ""}
	if pick != "" {
		q := recs.byID[pick].q
		out = map[string]any{"brand_id": q.BrandID, "brand_name_chinese": q.ChName, "brand_name_english": q.EnName}
	}
	return out, nil
}
