package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// warehouseRoutes returns the regional warehouse endpoints (区域仓库).
func warehouseRoutes() []route {
	const p = "/channels/ec/warehouse/"
	return []route{
		{method: http.MethodPost, path: p + "create", h: (*Server).hWarehouseCreate},
		{method: http.MethodPost, path: p + "get", h: (*Server).hWarehouseGet},
		{method: http.MethodPost, path: p + "list/get", h: (*Server).hWarehouseList},
		{method: http.MethodPost, path: p + "detail/update", h: (*Server).hWarehouseUpdate},
		{method: http.MethodPost, path: p + "coverlocations/add", h: (*Server).hWarehouseCoverAdd},
		{method: http.MethodPost, path: p + "coverlocations/del", h: (*Server).hWarehouseCoverDel},
		{method: http.MethodPost, path: p + "address/prioritysort/get", h: (*Server).hWarehousePrioGet},
		{method: http.MethodPost, path: p + "address/prioritysort/set", h: (*Server).hWarehousePrioSet},
		{method: http.MethodPost, path: p + "stock/get", h: (*Server).hWarehouseStockGet},
		{method: http.MethodPost, path: p + "stock/update", h: (*Server).hWarehouseStockUpdate},
	}
}

// Errcodes of the create page.
const (
	codeWarehouseBadID       = 10020200 // out_warehouse_id命名非法
	codeWarehouseBadAddress  = 10020203 // address_id非法,或关联关系非法
	codeWarehouseEmptyDetail = 10020205 // 仓库名称或仓库介绍为空
)

type warehouse struct {
	name, intro string
	locs        []shopapi.WarehouseLocation
	// stock is sku key (product_id/sku_id) → stock in this warehouse.
	stock map[string]int64
}

type warehouseState struct {
	// priority is the explicit order of warehouses per address.
	priority map[shopapi.WarehouseLocation][]string
}

// warehouses holds the shop's warehouses by out_warehouse_id (an unknown
// id answers 10020051, bad parameters).
func (s *Server) warehouses() *table[warehouse] {
	return tableOf[warehouse](s, "warehouses", shopapi.CodeBadParams, "warehouse not exist")
}

func (s *Server) warehouseState() *warehouseState {
	return stateOf(s, "warehouse", func() *warehouseState {
		return &warehouseState{priority: map[shopapi.WarehouseLocation][]string{}}
	})
}

func skuKey(productID, skuID string) string { return productID + "/" + skuID }

// warehouseStocks returns a SKU's stock in every warehouse holding it and
// their sum, which the platform adds to the SKU's total stock
// (warehouse_stocks and total_stock_num of product/stock/get: the stock
// handlers can call it). s.mu is held.
func (s *Server) warehouseStocks(productID, skuID string) ([]shopapi.WarehouseStock, int64) {
	tb := s.warehouses()
	var (
		out []shopapi.WarehouseStock
		sum int64
	)
	for _, id := range tb.ids(nil) {
		if n, ok := tb.byID[id].stock[skuKey(productID, skuID)]; ok {
			out = append(out, shopapi.WarehouseStock{OutWarehouseID: id, Num: n})
			sum += n
		}
	}
	return out, sum
}

// WarehouseStock returns a SKU's stock in every regional warehouse and
// the sum (for tests: the SKU's total is its normal stock plus the sum).
func (s *Server) WarehouseStock(productID, skuID vcart.ID) ([]shopapi.WarehouseStock, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.warehouseStocks(string(productID), string(skuID))
}

func validWarehouseID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	return strings.IndexFunc(id, func(c rune) bool {
		return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c == '.')
	}) < 0
}

// checkLocation checks a location's codes: a province code (XX0000000),
// then each non-zero level inside the one above.
func checkLocation(l shopapi.WarehouseLocation) error {
	bad := apiErr(codeWarehouseBadAddress, "address_id invalid or inconsistent")
	switch {
	case l.AddressID1 <= 0 || l.AddressID1%10_000_000 != 0 || l.AddressID1 >= 1_000_000_000:
		return bad
	case l.AddressID2 == 0 && (l.AddressID3 != 0 || l.AddressID4 != 0), l.AddressID3 == 0 && l.AddressID4 != 0:
		return bad
	case l.AddressID2 != 0 && (l.AddressID2/10_000_000 != l.AddressID1/10_000_000 || l.AddressID2%100_000 != 0 || l.AddressID2 == l.AddressID1):
		return bad
	case l.AddressID3 != 0 && (l.AddressID3/100_000 != l.AddressID2/100_000 || l.AddressID3%1_000 != 0 || l.AddressID3 == l.AddressID2):
		return bad
	case l.AddressID4 != 0 && (l.AddressID4/1_000 != l.AddressID3/1_000 || l.AddressID4 == l.AddressID3):
		return bad
	}
	return nil
}

// covers reports whether a covered area contains the address at.
func covers(area, at shopapi.WarehouseLocation) bool {
	a := []int64{area.AddressID1, area.AddressID2, area.AddressID3, area.AddressID4}
	b := []int64{at.AddressID1, at.AddressID2, at.AddressID3, at.AddressID4}
	for i := range a {
		if a[i] == 0 {
			return true
		}
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (s *Server) hWarehouseCreate(c *call) (any, error) {
	var b shopapi.Warehouse
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if !validWarehouseID(b.OutWarehouseID) {
		return nil, apiErr(codeWarehouseBadID, "out_warehouse_id invalid")
	}
	if strings.TrimSpace(b.Name) == "" || strings.TrimSpace(b.Intro) == "" {
		return nil, apiErr(codeWarehouseEmptyDetail, "name or intro empty")
	}
	for _, l := range b.CoverLocations {
		if err := checkLocation(l); err != nil {
			return nil, err
		}
	}
	tb := s.warehouses()
	if _, ok := tb.byID[b.OutWarehouseID]; ok {
		return nil, apiErr(codeWarehouseBadID, "out_warehouse_id already used")
	}
	tb.put(b.OutWarehouseID, &warehouse{name: b.Name, intro: b.Intro, locs: slices.Clone(b.CoverLocations), stock: map[string]int64{}})
	return nil, nil
}

func (s *Server) warehouseFor(c *call, b any, id *string) (*warehouse, error) {
	if err := c.decode(b); err != nil {
		return nil, err
	}
	return s.warehouses().get(*id)
}

func (s *Server) hWarehouseGet(c *call) (any, error) {
	var b struct {
		ID string `json:"out_warehouse_id"`
	}
	w, err := s.warehouseFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	return struct {
		Data shopapi.Warehouse `json:"data"`
	}{shopapi.Warehouse{OutWarehouseID: b.ID, Name: w.name, Intro: w.intro,
		CoverLocations: append([]shopapi.WarehouseLocation{}, w.locs...)}}, nil
}

func (s *Server) hWarehouseList(c *call) (any, error) {
	var b struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids, next, more, err := pageKey(s.warehouses().ids(nil), b.NextKey, b.PageSize, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	if !more {
		next = ""
	}
	type data struct {
		IDs     []string `json:"out_warehouse_ids"`
		NextKey string   `json:"next_key"`
	}
	return struct {
		Data data `json:"data"`
	}{data{ids, next}}, nil
}

func (s *Server) hWarehouseUpdate(c *call) (any, error) {
	var b struct {
		ID    string `json:"out_warehouse_id"`
		Name  string `json:"name"`
		Intro string `json:"intro"`
	}
	w, err := s.warehouseFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(b.Name) == "" || strings.TrimSpace(b.Intro) == "" {
		return nil, apiErr(codeWarehouseEmptyDetail, "name or intro empty")
	}
	w.name, w.intro = b.Name, b.Intro
	return nil, nil
}

type coverReq struct {
	ID   string                      `json:"out_warehouse_id"`
	Locs []shopapi.WarehouseLocation `json:"cover_locations"`
}

func (s *Server) hWarehouseCoverAdd(c *call) (any, error) {
	var b coverReq
	w, err := s.warehouseFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if len(b.Locs) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "cover_locations is empty")
	}
	for _, l := range b.Locs {
		if err := checkLocation(l); err != nil {
			return nil, err
		}
	}
	for _, l := range b.Locs {
		if !slices.Contains(w.locs, l) {
			w.locs = append(w.locs, l)
		}
	}
	return nil, nil
}

func (s *Server) hWarehouseCoverDel(c *call) (any, error) {
	var b coverReq
	w, err := s.warehouseFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if len(b.Locs) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "cover_locations is empty")
	}
	w.locs = slices.DeleteFunc(w.locs, func(l shopapi.WarehouseLocation) bool { return slices.Contains(b.Locs, l) })
	return nil, nil
}

// serving returns the warehouses covering at, in the explicit priority
// order when one was set, then in creation order.
func (s *Server) serving(at shopapi.WarehouseLocation) []string {
	tb := s.warehouses()
	cov := tb.ids(func(_ string, w *warehouse) bool {
		return slices.ContainsFunc(w.locs, func(l shopapi.WarehouseLocation) bool { return covers(l, at) })
	})
	out := []string{}
	for _, id := range s.warehouseState().priority[at] {
		if slices.Contains(cov, id) {
			out = append(out, id)
		}
	}
	for _, id := range cov {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (s *Server) hWarehousePrioGet(c *call) (any, error) {
	var b shopapi.WarehouseLocation
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkLocation(b); err != nil {
		return nil, err
	}
	type data struct {
		PrioritySort []string `json:"priority_sort"`
	}
	return struct {
		Data data `json:"data"`
	}{data{s.serving(b)}}, nil
}

func (s *Server) hWarehousePrioSet(c *call) (any, error) {
	var b struct {
		shopapi.WarehouseLocation
		PrioritySort []string `json:"priority_sort"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkLocation(b.WarehouseLocation); err != nil {
		return nil, err
	}
	cov := s.serving(b.WarehouseLocation)
	for _, id := range b.PrioritySort {
		if !slices.Contains(cov, id) {
			return nil, apiErr(shopapi.CodeBadParams, "warehouse "+id+" does not cover the address")
		}
	}
	s.warehouseState().priority[b.WarehouseLocation] = slices.Clone(b.PrioritySort)
	return nil, nil
}

type warehouseStockReq struct {
	ProductID string `json:"product_id"`
	SKUID     string `json:"sku_id"`
	ID        string `json:"out_warehouse_id"`
	DiffType  int    `json:"diff_type"`
	Num       int64  `json:"num"`
}

// stockTarget checks the warehouse and the product's SKU.
func (s *Server) stockTarget(b *warehouseStockReq) (*warehouse, error) {
	w, err := s.warehouses().get(b.ID)
	if err != nil {
		return nil, err
	}
	p, ok := s.products[b.ProductID]
	if !ok {
		return nil, apiErr(shopapi.CodeProductNotFound, "product not found")
	}
	if _, ok := p.stock[b.SKUID]; !ok {
		return nil, apiErr(shopapi.CodeStockUpdateRejected, "product and sku mismatch")
	}
	return w, nil
}

func (s *Server) hWarehouseStockGet(c *call) (any, error) {
	var b warehouseStockReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	w, err := s.stockTarget(&b)
	if err != nil {
		return nil, err
	}
	type data struct {
		Num int64 `json:"num"`
	}
	return struct {
		Data data `json:"data"`
	}{data{w.stock[skuKey(b.ProductID, b.SKUID)]}}, nil
}

func (s *Server) hWarehouseStockUpdate(c *call) (any, error) {
	var b warehouseStockReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	w, err := s.stockTarget(&b)
	if err != nil {
		return nil, err
	}
	k := skuKey(b.ProductID, b.SKUID)
	next, err := applyDiff(w.stock[k], b.DiffType, b.Num)
	if err != nil {
		return nil, err
	}
	w.stock[k] = next
	return nil, nil
}
