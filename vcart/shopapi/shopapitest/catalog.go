package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// catalogRoutes returns the category, brand, shop-info and upload endpoints.
func catalogRoutes() []route {
	return []route{
		{method: http.MethodGet, path: "/channels/ec/category/all", h: (*Server).hCategoryAll},
		{method: http.MethodPost, path: "/channels/ec/category/detail", h: (*Server).hCategoryDetail},
		{method: http.MethodPost, path: "/channels/ec/category/availablesoncategories/get", h: (*Server).hCategoryChildren},
		{method: http.MethodGet, path: "/channels/ec/category/list/get", h: (*Server).hCategoryApproved},
		{method: http.MethodPost, path: "/channels/ec/brand/all", h: (*Server).hBrandAll},
		{method: http.MethodPost, path: "/channels/ec/brand/list/get", h: (*Server).hBrandList},
		{method: http.MethodPost, path: "/channels/ec/brand/get", h: (*Server).hBrandGet},
		{method: http.MethodGet, path: "/channels/ec/basics/info/get", h: (*Server).hShopInfo},
		{method: http.MethodPost, path: "/channels/ec/basics/img/upload", h: (*Server).hImageUpload},
		{method: http.MethodPost, path: "/channels/ec/basics/qualification/upload", h: (*Server).hQualificationUpload},
	}
}

// fakeCategory is one node of the fake's category tree.
type fakeCategory struct {
	id, parent, name string
	level            int
	leaf             bool
	deposit          int64 // fen
	qua              string
}

// The fake's category tree: a small slice of the real one, three levels.
var fakeCategories = []fakeCategory{
	{"1001", "0", "食品饮料", 1, false, 0, ""},
	{"1002", "1001", "休闲零食", 2, false, 0, ""},
	{"1003", "1002", "坚果炒货", 3, true, 500000, "2001"},
	{"2001", "0", "服饰内衣", 1, false, 0, ""},
	{"2002", "2001", "女装", 2, false, 0, ""},
	{"2003", "2002", "连衣裙", 3, true, 200000, ""},
	{"3001", "0", "美妆护肤", 1, false, 0, ""},
	{"3002", "3001", "面部护肤", 2, false, 0, ""},
	{"3003", "3002", "面霜", 3, true, 500000, "3101"},
}

// Cat IDs of the fake's leaf categories, for tests and examples.
const (
	CatNuts    vcart.ID = "1003" // 食品饮料 > 休闲零食 > 坚果炒货 (needs a food licence)
	CatDresses vcart.ID = "2003" // 服饰内衣 > 女装 > 连衣裙
	CatCream   vcart.ID = "3003" // 美妆护肤 > 面部护肤 > 面霜 (needs a cosmetics filing)
)

// CatsFor returns the three-level cats of a fake leaf category.
func CatsFor(leaf vcart.ID) []shopapi.CatRef {
	var chain []shopapi.CatRef
	for id := leaf; id != "0" && id != ""; {
		c, ok := findCat(string(id))
		if !ok {
			return nil
		}
		chain = append([]shopapi.CatRef{{CatID: shopapi.ID(c.id)}}, chain...)
		id = vcart.ID(c.parent)
	}
	return chain
}

func findCat(id string) (fakeCategory, bool) {
	for _, c := range fakeCategories {
		if c.id == id {
			return c, true
		}
	}
	return fakeCategory{}, false
}

// catJSON renders a category; only the new tree (cats_v2) says leaf.
func catJSON(c fakeCategory, v2 bool) map[string]any {
	m := map[string]any{"cat_id": c.id, "f_cat_id": c.parent, "name": c.name, "level": c.level}
	if v2 {
		m["leaf"] = c.leaf
	}
	return m
}

// categoryPaths renders the tree as the page's example does: the legacy
// tree (cats) carries qua without qua_id and the deprecated product_qua,
// the new one (cats_v2) qua with its qua_id.
func categoryPaths(v2 bool) []any {
	paths := []any{}
	for _, leaf := range fakeCategories {
		if !leaf.leaf {
			continue
		}
		chain := []any{}
		for id := leaf.id; id != "0"; {
			c, _ := findCat(id)
			node := map[string]any{"cat": catJSON(c, v2)}
			if c.leaf {
				qua := map[string]any{"need_to_apply": c.qua != "", "tips": "", "mandatory": c.qua != ""}
				if c.qua != "" {
					qua["tips"] = "需提供资质"
				}
				if v2 {
					qua["qua_id"] = cmpOr(c.qua, "0")
				} else {
					node["product_qua"] = map[string]any{"need_to_apply": false, "tips": "", "mandatory": false}
				}
				node["qua"] = qua
				node["brand_qua"] = map[string]any{"need_to_apply": false, "tips": "", "mandatory": false}
				node["product_qua_list"] = []any{}
			}
			chain = append(chain, node)
			id = c.parent
		}
		paths = append(paths, map[string]any{"cat_and_qua": chain})
	}
	return paths
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (s *Server) hCategoryAll(*call) (any, error) {
	return map[string]any{"cats": categoryPaths(false), "cats_v2": categoryPaths(true)}, nil
}

func (s *Server) hCategoryDetail(c *call) (any, error) {
	var req struct {
		CatID string `json:"cat_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	cat, ok := findCat(req.CatID)
	if !ok {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	quas := []any{}
	if cat.qua != "" {
		quas = append(quas, map[string]any{"qua_id": cat.qua, "need_to_apply": true, "tips": "需提供资质", "mandatory": true, "name": "商品资质"})
	}
	return map[string]any{
		"info": map[string]any{"cat_id": cat.id, "name": cat.name},
		"attr": map[string]any{
			"shop_no_shipment": false, "access_permit_required": cat.qua != "", "pre_sale": false,
			"seven_day_return": true, "brand_list": []any{},
			"deposit":             strconv.FormatInt(cat.deposit, 10), // the platform sends a string
			"product_attr_list":   []any{map[string]any{"name": "产地", "type": "string", "type_v2": "string", "value": "", "is_required": true, "hint": "", "append_allowed": false}},
			"sale_attr_list":      []any{map[string]any{"name": "规格", "type": "select_one", "type_v2": "select_one", "value": "小;中;大", "is_required": true, "hint": "", "append_allowed": true}},
			"transactionfee_info": map[string]any{"basis_point": 500, "original_basis_point": 500, "incentive_type": 0},
			// coupon_rule (折扣规则) is in the page's table, but not its
			// fields in what could be read: the fake leaves it out.
			"is_limit_brand": false,
		},
		"product_qua_list": quas,
	}, nil
}

func (s *Server) hCategoryChildren(c *call) (any, error) {
	var req struct {
		// FCatID is a number in the page's example, a string elsewhere.
		FCatID shopapi.ID `json:"f_cat_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	// cat_list (legacy tree) names the categories, cat_list_v2 (new tree)
	// also says which are leaves, as the page's example does.
	list, listV2 := []any{}, []any{}
	for _, cat := range fakeCategories {
		if cat.parent == string(req.FCatID) {
			list = append(list, map[string]any{"cat_id": cat.id, "f_cat_id": cat.parent, "name": cat.name})
			listV2 = append(listV2, map[string]any{"cat_id": cat.id, "f_cat_id": cat.parent, "name": cat.name, "leaf": cat.leaf})
		}
	}
	return map[string]any{"cat_list": list, "cat_list_v2": listV2}, nil
}

func (s *Server) hCategoryApproved(*call) (any, error) {
	list := []any{}
	for _, cat := range fakeCategories {
		if cat.leaf {
			list = append(list, map[string]any{"cat_id": cat.id, "qua_id": cat.qua})
		}
	}
	return map[string]any{"list": list}, nil
}

// fakeBrands is the fake's brand library; the shop holds the first two.
// fakeBrand is a brand of the fake's library.
type fakeBrand struct{ id, ch, en string }

var fakeBrands = []fakeBrand{
	{"2100000000", "无品牌", "No Brand"},
	{"2100000101", "山野果", "Wild Nuts"},
	{"2100000102", "云裳", "Cloud Dress"},
	{"2100000103", "玉肌", "Jade Skin"},
	{"2100000104", "北麓", "North Hill"},
}

type pageReq struct {
	PageSize int    `json:"page_size"`
	NextKey  string `json:"next_key"`
}

func pageOf(c *call, n int) (start, end int, next string, err error) {
	var req pageReq
	if err := c.decode(&req); err != nil {
		return 0, 0, "", err
	}
	if req.PageSize < 1 || req.PageSize > 100 {
		return 0, 0, "", apiErr(shopapi.CodeBadParams, "page_size must be 1..100")
	}
	if req.NextKey != "" {
		start, err = strconv.Atoi(strings.TrimPrefix(req.NextKey, "bk_"))
		if err != nil || start < 0 || start > n {
			return 0, 0, "", apiErr(shopapi.CodeBadParams, "invalid next_key")
		}
	}
	end = min(start+req.PageSize, n)
	if end < n {
		next = "bk_" + strconv.Itoa(end)
	}
	return start, end, next, nil
}

func (s *Server) hBrandAll(c *call) (any, error) {
	start, end, next, err := pageOf(c, len(fakeBrands))
	if err != nil {
		return nil, err
	}
	list := []any{}
	for _, b := range fakeBrands[start:end] {
		list = append(list, map[string]any{"brand_id": b.id, "ch_name": b.ch, "en_name": b.en})
	}
	return map[string]any{"brands": list, "next_key": next, "continue_flag": next != ""}, nil
}

// brandDetail renders a shop's brand; audit_result only in brand/get (the
// list's example has none).
func brandDetail(i int, withAudit bool) map[string]any {
	b := fakeBrands[i]
	m := brandFields(b)
	if withAudit {
		m["audit_result"] = map[string]any{"audit_id": "9" + b.id, "reject_reason": ""}
	}
	return m
}

func brandFields(b fakeBrand) map[string]any {
	return map[string]any{"brand_id": b.id, "ch_name": b.ch, "en_name": b.en, "classification_no": "29",
		"trade_mark_symbol": 1, "grant_type": 1, "status": 3, "create_time": 1767225600, "update_time": 1767225600,
		"register_details": map[string]any{"registrant": "某某公司", "register_no": "12345678", "is_permanent": false}}
}

func (s *Server) hBrandList(c *call) (any, error) {
	const held = 2
	var filter struct {
		Status *int `json:"status"`
	}
	if err := c.decode(&filter); err != nil {
		return nil, err
	}
	start, end, next, err := pageOf(c, held)
	if err != nil {
		return nil, err
	}
	list := []any{}
	for i := start; i < end; i++ {
		// The shop's brands are all approved (status 3).
		if filter.Status == nil || *filter.Status == 3 {
			list = append(list, brandDetail(i, false))
		}
	}
	return map[string]any{"brands": list, "next_key": next, "total_num": held}, nil
}

func (s *Server) hBrandGet(c *call) (any, error) {
	var req struct {
		BrandID string `json:"brand_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	for i, b := range fakeBrands {
		if b.id == req.BrandID {
			return map[string]any{"brand": brandDetail(i, true)}, nil
		}
	}
	return nil, apiErr(10020082, "brand not exist")
}

// shopOpened is when the fake's shop opened (2024-01-01 00:00 Beijing time).
const shopOpened = 1704038400

func (s *Server) hShopInfo(*call) (any, error) {
	return struct {
		Info shopapi.ShopInfo `json:"info"`
	}{shopapi.ShopInfo{Nickname: "vcart 测试小店", HeadimgURL: imageURLPrefix + s.appID + "/head",
		SubjectType: "企业", Status: "open_finished", Username: "gh_" + strings.ToLower(s.appID[len(s.appID)-6:]),
		OpenTimestamp: shopOpened}}, nil
}

func (s *Server) hImageUpload(c *call) (any, error) {
	q := c.query
	ut, rt := q.Get("upload_type"), q.Get("resp_type")
	if (ut != "0" && ut != "1") || (rt != "0" && rt != "1") {
		return nil, apiErr(shopapi.CodeBadParamsPlacement, "upload_type and resp_type must be URL parameters")
	}
	if ut == "1" {
		var req struct {
			ImgURL string `json:"img_url"`
		}
		if err := c.decode(&req); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(req.ImgURL, "http://") && !strings.HasPrefix(req.ImgURL, "https://") {
			return nil, apiErr(shopapi.CodeImageURL, "invalid img_url")
		}
	} else {
		if q.Get("width") == "" || q.Get("height") == "" {
			return nil, apiErr(shopapi.CodeBadParams, "width and height are required")
		}
		if !strings.HasPrefix(c.r.Header.Get("Content-Type"), "multipart/form-data") || !strings.Contains(string(c.body), `name="media"`) {
			return nil, apiErr(shopapi.CodeImageEmpty, "media is empty")
		}
	}
	key := strconv.Itoa(s.nextUpload())
	pf := map[string]any{}
	if rt == "1" {
		pf["img_url"] = imageURLPrefix + s.appID + "/" + key
	} else {
		pf["media_id"] = "media_" + key
		pf["pay_media_id"] = "paymedia_" + key
	}
	return map[string]any{"pic_file": pf}, nil
}

func (s *Server) hQualificationUpload(c *call) (any, error) {
	if !strings.HasPrefix(c.r.Header.Get("Content-Type"), "multipart/form-data") || !strings.Contains(string(c.body), `name="media"`) {
		return nil, apiErr(shopapi.CodeImageEmpty, "media is empty")
	}
	return map[string]any{"data": map[string]any{"file_id": "file_" + strconv.Itoa(s.nextUpload())}}, nil
}

// mediaState numbers uploaded files.
type mediaState struct{ n int }

// nextUpload returns the next upload number; s.mu is held.
func (s *Server) nextUpload() int {
	m := stateOf(s, "media", func() *mediaState { return &mediaState{} })
	m.n++
	return m.n
}
