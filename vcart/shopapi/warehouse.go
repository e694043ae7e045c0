package shopapi

import (
	"context"
	"errors"
	"iter"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	epWarehouseCreate    = ep("/channels/ec/warehouse/create")
	epWarehouseGet       = ep("/channels/ec/warehouse/get")
	epWarehouseList      = ep("/channels/ec/warehouse/list/get")
	epWarehouseUpdate    = ep("/channels/ec/warehouse/detail/update")
	epWarehouseCoverAdd  = ep("/channels/ec/warehouse/coverlocations/add")
	epWarehouseCoverDel  = ep("/channels/ec/warehouse/coverlocations/del")
	epWarehousePrioGet   = ep("/channels/ec/warehouse/address/prioritysort/get")
	epWarehousePrioSet   = ep("/channels/ec/warehouse/address/prioritysort/set")
	epWarehouseStockGet  = ep("/channels/ec/warehouse/stock/get")
	epWarehouseStockSet  = ep("/channels/ec/warehouse/stock/update")
	errNoOutWarehouseID  = vcart.FieldError{Field: "out_warehouse_id", Code: "required", Msg: "must not be empty"}
	errBadOutWarehouseID = vcart.FieldError{Field: "out_warehouse_id", Code: "format", Msg: "at most 128 of [0-9a-zA-Z-_.] (10020200)"}
)

// WarehouseLocation is a covered area (覆盖区域): a province code, and to
// narrow it a city, a district and a street code (0: the whole level above;
// see [AddressService.Code]).
type WarehouseLocation struct {
	AddressID1 int64 `json:"address_id1"`
	AddressID2 int64 `json:"address_id2"`
	AddressID3 int64 `json:"address_id3"`
	AddressID4 int64 `json:"address_id4"`
}

// Warehouse is a regional warehouse (区域仓库), named by the merchant's own
// id (out_warehouse_id).
type Warehouse struct {
	OutWarehouseID string              `json:"out_warehouse_id"`
	Name           string              `json:"name"`
	Intro          string              `json:"intro"`
	CoverLocations []WarehouseLocation `json:"cover_locations,omitempty"`
}

// validOutWarehouseID reports whether id follows the naming rule.
func validOutWarehouseID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func outIDProblems(id string) []vcart.FieldError {
	switch {
	case strings.TrimSpace(id) == "":
		return []vcart.FieldError{errNoOutWarehouseID}
	case !validOutWarehouseID(id):
		return []vcart.FieldError{errBadOutWarehouseID}
	}
	return nil
}

func locationProblems(field string, locs []WarehouseLocation, required bool) []vcart.FieldError {
	var p []vcart.FieldError
	if required && len(locs) == 0 {
		p = append(p, vcart.FieldError{Field: field, Code: "required", Msg: "at least one location"})
	}
	for i, l := range locs {
		f := field + "[" + itoa(i) + "]"
		switch {
		case l.AddressID1 <= 0:
			p = append(p, vcart.FieldError{Field: f + ".address_id1", Code: "required", Msg: "the province code is required"})
		case l.AddressID2 == 0 && (l.AddressID3 != 0 || l.AddressID4 != 0), l.AddressID3 == 0 && l.AddressID4 != 0:
			p = append(p, vcart.FieldError{Field: f, Code: "consistency", Msg: "a lower level needs every level above it (10020203)"})
		}
	}
	return p
}

// Create creates a regional warehouse (创建区域仓库). Errcodes: 10020200 a
// bad out_warehouse_id, 10020203 bad or inconsistent address codes,
// 10020205 an empty name or intro. Not retried after an ambiguous failure:
// [WarehouseService.Get] with the same out_warehouse_id tells whether it
// exists (an id makes one warehouse per shop).
//
// WeChat API: POST /channels/ec/warehouse/create
func (s *WarehouseService) Create(ctx context.Context, w *Warehouse) (*Response, error) {
	if w == nil {
		return nil, errorf("create warehouse", errNilRequest())
	}
	p := outIDProblems(w.OutWarehouseID)
	if strings.TrimSpace(w.Name) == "" || strings.TrimSpace(w.Intro) == "" {
		p = append(p, vcart.FieldError{Field: "name", Code: "required", Msg: "name and intro must not be empty (10020205)"})
	}
	p = append(p, locationProblems("cover_locations", w.CoverLocations, false)...)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("create warehouse", err)
	}
	var out struct{} // the answer is errcode and errmsg only
	resp, err := s.client.call(ctx, &request{ep: epWarehouseCreate, body: w}, &out)
	if err != nil {
		return resp, errorf("create warehouse "+w.OutWarehouseID, err)
	}
	return resp, nil
}

type outWarehouseBody struct {
	OutWarehouseID string `json:"out_warehouse_id"`
}

// Get returns a warehouse (获取区域仓库).
//
// WeChat API: POST /channels/ec/warehouse/get
func (s *WarehouseService) Get(ctx context.Context, outWarehouseID string) (*Warehouse, *Response, error) {
	if err := vcart.NewValidationError(outIDProblems(outWarehouseID)); err != nil {
		return nil, nil, errorf("get warehouse", err)
	}
	var out struct {
		Data *Warehouse `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWarehouseGet, body: outWarehouseBody{outWarehouseID}}, &out)
	if err != nil {
		return nil, resp, errorf("get warehouse "+outWarehouseID, err)
	}
	if out.Data == nil {
		return nil, resp, errorf("get warehouse "+outWarehouseID, errors.Join(ErrMalformedResponse, errors.New("no data")))
	}
	return out.Data, resp, nil
}

// List returns a page of warehouse ids, oldest first (查询区域仓库列表), and
// the key of the next page ("" at the end). pageSize 1..100.
//
// WeChat API: POST /channels/ec/warehouse/list/get
func (s *WarehouseService) List(ctx context.Context, pageSize int, nextKey string) ([]string, string, *Response, error) {
	if pageSize < 1 || pageSize > 100 {
		return nil, "", nil, errorf("list warehouses", vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1..100"}}))
	}
	body := struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}{pageSize, nextKey}
	var out struct {
		Data struct {
			IDs     []string `json:"out_warehouse_ids"`
			NextKey string   `json:"next_key"`
		} `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWarehouseList, body: body}, &out)
	if err != nil {
		return nil, "", resp, errorf("list warehouses", err)
	}
	return out.Data.IDs, out.Data.NextKey, resp, nil
}

// ListIter iterates over every warehouse id.
//
// WeChat API: POST /channels/ec/warehouse/list/get
func (s *WarehouseService) ListIter(ctx context.Context) iter.Seq2[string, error] {
	return paginate(ctx, "", func(ctx context.Context, key string) ([]string, string, error) {
		ids, next, _, err := s.List(ctx, 100, key)
		return ids, next, err
	})
}

// UpdateDetail changes a warehouse's name and intro (修改区域仓库详情).
//
// WeChat API: POST /channels/ec/warehouse/detail/update
func (s *WarehouseService) UpdateDetail(ctx context.Context, outWarehouseID, name, intro string) (*Response, error) {
	p := outIDProblems(outWarehouseID)
	if strings.TrimSpace(name) == "" || strings.TrimSpace(intro) == "" {
		p = append(p, vcart.FieldError{Field: "name", Code: "required", Msg: "name and intro must not be empty (10020205)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update warehouse", err)
	}
	body := struct {
		OutWarehouseID string `json:"out_warehouse_id"`
		Name           string `json:"name"`
		Intro          string `json:"intro"`
	}{outWarehouseID, name, intro}
	resp, err := s.client.call(ctx, &request{ep: epWarehouseUpdate, body: body}, nil)
	if err != nil {
		return resp, errorf("update warehouse "+outWarehouseID, err)
	}
	return resp, nil
}

type coverBody struct {
	OutWarehouseID string              `json:"out_warehouse_id"`
	CoverLocations []WarehouseLocation `json:"cover_locations"`
}

func (s *WarehouseService) cover(ctx context.Context, e endpoint, op, id string, locs []WarehouseLocation) (*Response, error) {
	p := append(outIDProblems(id), locationProblems("cover_locations", locs, true)...)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf(op, err)
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: coverBody{id, locs}}, nil)
	if err != nil {
		return resp, errorf(op+" "+id, err)
	}
	return resp, nil
}

// AddCoverLocations adds covered areas to a warehouse (批量增加覆盖区域).
//
// WeChat API: POST /channels/ec/warehouse/coverlocations/add
func (s *WarehouseService) AddCoverLocations(ctx context.Context, outWarehouseID string, locs []WarehouseLocation) (*Response, error) {
	return s.cover(ctx, epWarehouseCoverAdd, "add warehouse cover locations", outWarehouseID, locs)
}

// DeleteCoverLocations removes covered areas of a warehouse (批量删除覆盖区域).
//
// WeChat API: POST /channels/ec/warehouse/coverlocations/del
func (s *WarehouseService) DeleteCoverLocations(ctx context.Context, outWarehouseID string, locs []WarehouseLocation) (*Response, error) {
	return s.cover(ctx, epWarehouseCoverDel, "delete warehouse cover locations", outWarehouseID, locs)
}

// PrioritySort returns the warehouses serving an address, highest priority
// first (获取指定地址下区域仓库的优先级).
//
// WeChat API: POST /channels/ec/warehouse/address/prioritysort/get
func (s *WarehouseService) PrioritySort(ctx context.Context, at WarehouseLocation) ([]string, *Response, error) {
	if err := vcart.NewValidationError(locationProblems("address", []WarehouseLocation{at}, true)); err != nil {
		return nil, nil, errorf("get warehouse priority", err)
	}
	var out struct {
		Data struct {
			PrioritySort []string `json:"priority_sort"`
		} `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWarehousePrioGet, body: at}, &out)
	if err != nil {
		return nil, resp, errorf("get warehouse priority", err)
	}
	return out.Data.PrioritySort, resp, nil
}

// SetPrioritySort sets the order in which warehouses serve an address
// (设置指定地址下区域仓库的优先级), highest first.
//
// WeChat API: POST /channels/ec/warehouse/address/prioritysort/set
func (s *WarehouseService) SetPrioritySort(ctx context.Context, at WarehouseLocation, outWarehouseIDs []string) (*Response, error) {
	p := locationProblems("address", []WarehouseLocation{at}, true)
	if len(outWarehouseIDs) == 0 {
		p = append(p, vcart.FieldError{Field: "priority_sort", Code: "required", Msg: "at least one warehouse"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("set warehouse priority", err)
	}
	body := struct {
		WarehouseLocation
		PrioritySort []string `json:"priority_sort"`
	}{at, outWarehouseIDs}
	resp, err := s.client.call(ctx, &request{ep: epWarehousePrioSet, body: body}, nil)
	if err != nil {
		return resp, errorf("set warehouse priority", err)
	}
	return resp, nil
}

// Stock returns a SKU's stock in a warehouse (获取区域仓库存数量).
//
// WeChat API: POST /channels/ec/warehouse/stock/get
func (s *WarehouseService) Stock(ctx context.Context, productID, skuID ID, outWarehouseID string) (int64, *Response, error) {
	p := outIDProblems(outWarehouseID)
	if productID == "" || skuID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "product_id and sku_id are required"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return 0, nil, errorf("get warehouse stock", err)
	}
	body := struct {
		ProductID      ID     `json:"product_id"`
		SKUID          ID     `json:"sku_id"`
		OutWarehouseID string `json:"out_warehouse_id"`
	}{productID, skuID, outWarehouseID}
	var out struct {
		Data struct {
			Num int64 `json:"num"`
		} `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWarehouseStockGet, body: body}, &out)
	if err != nil {
		return 0, resp, errorf("get warehouse stock", err)
	}
	return out.Data.Num, resp, nil
}

// WarehouseStockUpdateRequest changes a SKU's stock in a warehouse.
type WarehouseStockUpdateRequest struct {
	ProductID      ID            `json:"product_id"`
	SKUID          ID            `json:"sku_id"`
	OutWarehouseID string        `json:"out_warehouse_id"`
	DiffType       StockDiffType `json:"diff_type"`
	Num            int64         `json:"num"`
}

// UpdateStock changes a SKU's stock in a warehouse (更新区域仓库存数量); the
// SKU's total stock includes it. Add and subtract are never retried after
// an ambiguous failure (re-read with [WarehouseService.Stock]); set is
// safe to repeat but follows the endpoint's rule too.
//
// WeChat API: POST /channels/ec/warehouse/stock/update
func (s *WarehouseService) UpdateStock(ctx context.Context, req *WarehouseStockUpdateRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("update warehouse stock", errNilRequest())
	}
	p := outIDProblems(req.OutWarehouseID)
	if req.ProductID == "" || req.SKUID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "product_id and sku_id are required"})
	}
	if req.DiffType != StockAdd && req.DiffType != StockSubtract && req.DiffType != StockSet {
		p = append(p, vcart.FieldError{Field: "diff_type", Code: "enum", Msg: "must be 1, 2 or 3"})
	}
	if req.Num < 0 || req.Num > MaxStockNum || (req.DiffType != StockSet && req.Num == 0) {
		p = append(p, vcart.FieldError{Field: "num", Code: "range", Msg: "must be 0..10000000 (positive to add or subtract)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update warehouse stock", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epWarehouseStockSet, body: req}, nil)
	if err != nil {
		return resp, errorf("update warehouse stock", err)
	}
	return resp, nil
}
