package shopapitest

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// productRoutes returns the product and stock endpoints.
func productRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/product/add", h: (*Server).hProductAdd},
		{method: http.MethodPost, path: "/channels/ec/product/update", h: (*Server).hProductUpdate},
		{method: http.MethodPost, path: "/channels/ec/product/get", h: (*Server).hProductGet},
		{method: http.MethodPost, path: "/channels/ec/product/list/get", h: (*Server).hProductList},
		{method: http.MethodPost, path: "/channels/ec/product/listing", h: productStep(listProduct)},
		{method: http.MethodPost, path: "/channels/ec/product/delisting", h: productStep(delistProduct)},
		{method: http.MethodPost, path: "/channels/ec/product/delete", h: productStep(deleteProduct)},
		{method: http.MethodPost, path: "/channels/ec/product/audit/cancel", h: productStep(cancelAudit)},
		{method: http.MethodPost, path: "/channels/ec/product/auditfree", h: (*Server).hAuditFree},
		{method: http.MethodPost, path: "/channels/ec/product/stock/get", h: (*Server).hStockGet},
		{method: http.MethodPost, path: "/channels/ec/product/stock/batchget", h: (*Server).hStockBatchGet},
		{method: http.MethodPost, path: "/channels/ec/product/stock/update", h: (*Server).hStockUpdate},
	}
}

// Validation limits the fake enforces (from the add-product doc).
const (
	maxTitleRunes  = 60
	minTitleRunes  = 5
	maxHeadImgs    = 9
	minHeadImgs    = 3
	maxDescRunes   = 2000
	maxDescImgs    = 50
	maxSKUPrice    = 10_000_000 // fen
	maxStock       = 10_000_000
	imageURLPrefix = "https://mmecimage.cn/p/"
)

// product is the fake's state of one SPU.
type product struct {
	id         string
	draft      shopapi.Product
	online     *shopapi.Product
	status     shopapi.ProductStatus
	editStatus shopapi.EditStatus
	listing    bool
	reason     string
	stock      map[string]int64 // sku_id → stock
	createTime string
}

var shanghai = vcart.Shanghai()

func (s *Server) stamp() string { return s.now().In(shanghai).Format("2006-01-02 15:04:05") }

// validateProduct returns the platform's errcode for the first problem.
func validateProduct(p *shopapi.Product) error {
	title := strings.TrimSpace(p.Title)
	n := utf8.RuneCountInString(title)
	switch {
	case n == 0:
		return apiErr(shopapi.CodeTitleEmpty, "title is empty")
	case n > maxTitleRunes:
		return apiErr(shopapi.CodeTitleTooLong, "title too long")
	case n < minTitleRunes:
		return apiErr(shopapi.CodeTitleTooShort, "title too short")
	case strings.IndexFunc(title, func(r rune) bool { return !(r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) }) < 0:
		return apiErr(shopapi.CodeIllegalTitle, "title must not be only letters and digits")
	}
	if len(p.HeadImgs) == 0 {
		return apiErr(shopapi.CodeHeadImgEmpty, "head_imgs is empty")
	}
	if len(p.HeadImgs) > maxHeadImgs {
		return apiErr(shopapi.CodeHeadImgTooMany, "too many head_imgs")
	}
	if len(p.HeadImgs) < minHeadImgs {
		return apiErr(shopapi.CodeProductInfoInvalid, "at least 3 head_imgs")
	}
	imgs := slices.Clone(p.HeadImgs)
	if p.DescInfo != nil {
		imgs = append(imgs, p.DescInfo.Imgs...)
	}
	for _, u := range imgs {
		if !strings.HasPrefix(u, imageURLPrefix) {
			return apiErr(shopapi.CodeImageURLNotMMEC, "image url must start with "+imageURLPrefix)
		}
	}
	if p.DescInfo != nil {
		if len(p.DescInfo.Imgs) > maxDescImgs {
			return apiErr(shopapi.CodeDetailImgTooMany, "too many desc imgs")
		}
		if utf8.RuneCountInString(p.DescInfo.Desc) > maxDescRunes {
			return apiErr(shopapi.CodeDescTooLong, "desc too long")
		}
	}
	if len(p.CatsV2) == 0 && len(p.Cats) != 3 {
		return apiErr(shopapi.CodeCategoryLevels, "cats must have 3 levels")
	}
	if utf8.RuneCountInString(p.AftersaleDesc) > 200 {
		return apiErr(shopapi.CodeAftersaleDescTooLong, "aftersale_desc too long")
	}
	if len(p.SKUs) == 0 {
		return apiErr(shopapi.CodeSKUCountInvalid, "skus is empty")
	}
	outIDs := map[string]bool{}
	for _, k := range p.SKUs {
		switch {
		case k.SalePrice <= 0:
			return apiErr(shopapi.CodeSKUPriceZero, "sku sale_price is 0")
		case k.SalePrice > maxSKUPrice:
			return apiErr(shopapi.CodeSKUPriceTooHigh, "sku sale_price too high")
		case k.MarketPrice > 0 && k.SalePrice > k.MarketPrice:
			return apiErr(shopapi.CodeSalePriceAboveMarket, "sale_price greater than market_price")
		case k.StockNum < 0 || k.StockNum > maxStock:
			return apiErr(shopapi.CodeProductInfoInvalid, "stock_num out of range")
		case utf8.RuneCountInString(k.SKUCode) > 20:
			return apiErr(shopapi.CodeSKUCodeTooLong, "sku_code too long")
		}
		if k.OutSKUID != "" {
			if outIDs[k.OutSKUID] {
				return apiErr(shopapi.CodeOutSKUIDExists, "out_sku_id exists")
			}
			outIDs[k.OutSKUID] = true
		}
		for _, a := range k.SKUAttrs {
			if utf8.RuneCountInString(a.AttrKey) > 40 {
				return apiErr(shopapi.CodeAttrKeyTooLong, "attr key too long")
			}
			if utf8.RuneCountInString(a.AttrValue) > 40 {
				return apiErr(shopapi.CodeAttrValueTooLong, "attr value too long")
			}
		}
	}
	return nil
}

// decodeProduct decodes an add/update body and its listing flag.
func decodeProduct(c *call) (*shopapi.Product, bool, error) {
	var p shopapi.Product
	if err := c.decode(&p); err != nil {
		return nil, false, err
	}
	var l struct {
		Listing shopapi.Bool `json:"listing"`
	}
	if err := json.Unmarshal(c.body, &l); err != nil {
		return nil, false, apiErr(shopapi.CodeDataFormat, "data format error")
	}
	delete(p.Extra, "listing")
	if len(p.Extra) == 0 {
		p.Extra = nil
	}
	return &p, bool(l.Listing), nil
}

func (s *Server) submit(p *product) {
	p.editStatus = shopapi.EditStatusAuditing
	if s.autoAudit {
		s.approveLocked(p)
	}
}

func (s *Server) hProductAdd(c *call) (any, error) {
	p, listing, err := decodeProduct(c)
	if err != nil {
		return nil, err
	}
	if p.ProductID != "" {
		return nil, apiErr(shopapi.CodeBadParams, "product_id must be empty on add")
	}
	if err := validateProduct(p); err != nil {
		return nil, err
	}
	if err := s.checkCategoryPermission(p); err != nil {
		return nil, err
	}
	id := s.newID()
	st := &product{id: id, listing: listing, stock: map[string]int64{}, createTime: s.stamp()}
	p.ProductID = shopapi.ID(id)
	for i := range p.SKUs {
		k := &p.SKUs[i]
		k.SKUID = shopapi.ID(s.newID())
		st.stock[string(k.SKUID)] = k.StockNum
	}
	st.draft = *p
	s.products[id] = st
	s.productOrder = append(s.productOrder, id)
	s.submit(st)
	// The platform's add answer carries product_id as a JSON number (see
	// the official sample), update's as a string.
	return map[string]any{"data": map[string]any{"product_id": json.Number(id), "create_time": st.createTime}}, nil
}

func (s *Server) lookup(id string) (*product, error) {
	p, ok := s.products[id]
	if !ok || p.status == shopapi.ProductStatusDeleted {
		return nil, apiErr(shopapi.CodeProductNotFound, "product not exist")
	}
	return p, nil
}

// decodeProductRef decodes the body into b and returns the product named by
// its product_id field, which id points to.
func (s *Server) decodeProductRef(c *call, b any, id *string) (*product, error) {
	if err := c.decode(b); err != nil {
		return nil, err
	}
	return s.lookup(*id)
}

func (s *Server) hProductUpdate(c *call) (any, error) {
	p, listing, err := decodeProduct(c)
	if err != nil {
		return nil, err
	}
	st, err := s.lookup(string(p.ProductID))
	if err != nil {
		return nil, err
	}
	if st.editStatus == shopapi.EditStatusAuditing {
		return nil, apiErr(shopapi.CodeProductUnderAudit, "product is under audit, cancel audit first")
	}
	if err := validateProduct(p); err != nil {
		return nil, err
	}
	if err := s.checkCategoryPermission(p); err != nil {
		return nil, err
	}
	known := map[string]string{} // out_sku_id → sku_id of the current draft
	for _, k := range st.draft.SKUs {
		if k.OutSKUID != "" {
			known[k.OutSKUID] = string(k.SKUID)
		}
	}
	for i := range p.SKUs {
		k := &p.SKUs[i]
		switch {
		case k.SKUID != "":
			if _, ok := st.stock[string(k.SKUID)]; !ok {
				return nil, apiErr(shopapi.CodeSKUIDWrong, "sku_id wrong")
			}
		case known[k.OutSKUID] != "":
			k.SKUID = shopapi.ID(known[k.OutSKUID])
		default:
			k.SKUID = shopapi.ID(s.newID())
		}
		st.stock[string(k.SKUID)] = k.StockNum
	}
	p.OutProductID = st.draft.OutProductID // immutable after add
	st.draft = *p
	st.listing = listing
	s.submit(st)
	return map[string]any{"data": map[string]any{"product_id": st.id, "update_time": s.stamp()}}, nil
}

// view renders a product version with the live status and stock.
func (s *Server) view(st *product, v *shopapi.Product, online bool) *shopapi.Product {
	out := *v
	out.SKUs = slices.Clone(v.SKUs)
	out.Status = st.status
	if !online {
		out.EditStatus = st.editStatus
	}
	var minPrice int64
	for i := range out.SKUs {
		out.SKUs[i].StockNum = st.stock[string(out.SKUs[i].SKUID)]
		if minPrice == 0 || out.SKUs[i].SalePrice < minPrice {
			minPrice = out.SKUs[i].SalePrice
		}
	}
	out.MinPrice = minPrice
	return &out
}

type idReq struct {
	ProductID string `json:"product_id"` // a string: a JSON number answers 47001
}

func (s *Server) hProductGet(c *call) (any, error) {
	var req struct {
		ProductID string `json:"product_id"`
		DataType  int    `json:"data_type"`
	}
	st, err := s.decodeProductRef(c, &req, &req.ProductID)
	if err != nil {
		return nil, err
	}
	if req.DataType == 0 {
		req.DataType = 1
	}
	if req.DataType < 1 || req.DataType > 3 {
		return nil, apiErr(shopapi.CodeBadParams, "invalid data_type")
	}
	out := map[string]any{}
	if req.DataType != 2 && st.online != nil {
		out["product"] = s.view(st, st.online, true)
	}
	if req.DataType != 1 {
		out["edit_product"] = s.view(st, &st.draft, false)
	}
	return out, nil
}

func (s *Server) hProductList(c *call) (any, error) {
	var req struct {
		Status   *int   `json:"status"`
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.PageSize < 1 || req.PageSize > 30 {
		return nil, apiErr(shopapi.CodeBadParams, "page_size must be 1..30")
	}
	var ids []string
	for _, id := range s.productOrder {
		p := s.products[id]
		if req.Status != nil {
			if int(p.status) == *req.Status && p.online != nil {
				ids = append(ids, id)
			}
			continue
		}
		if p.online != nil && p.status != shopapi.ProductStatusRecycled && p.status != shopapi.ProductStatusDeleted {
			ids = append(ids, id)
		}
	}
	start := 0
	if req.NextKey != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(req.NextKey, "nk_"))
		if err != nil || n < 0 || n > len(ids) {
			return nil, apiErr(shopapi.CodeBadParams, "invalid next_key")
		}
		start = n
	}
	end := min(start+req.PageSize, len(ids))
	next := ""
	if end < len(ids) {
		next = "nk_" + strconv.Itoa(end)
	}
	page := ids[start:end]
	if page == nil {
		page = []string{}
	}
	return map[string]any{"product_ids": page, "next_key": next, "total_num": len(ids)}, nil
}

// productStep adapts a change to the product named by product_id into a
// handler that answers with no data.
func productStep(step func(st *product) error) func(*Server, *call) (any, error) {
	return func(s *Server, c *call) (any, error) {
		var req idReq
		st, err := s.decodeProductRef(c, &req, &req.ProductID)
		if err != nil {
			return nil, err
		}
		return nil, step(st)
	}
}

func listProduct(st *product) error {
	switch {
	case st.editStatus == shopapi.EditStatusAuditing:
		return apiErr(shopapi.CodeProductUnderAudit, "product is under audit")
	case st.editStatus == shopapi.EditStatusApproved:
		on := st.draft
		st.online = &on
	case st.online == nil:
		return apiErr(shopapi.CodeProductNotEditable, "product has no approved version")
	}
	st.status = shopapi.ProductStatusListed
	return nil
}

func delistProduct(st *product) error {
	if st.status != shopapi.ProductStatusListed {
		return apiErr(shopapi.CodeProductNotListed, "product not listed")
	}
	st.status = shopapi.ProductStatusDelisted
	return nil
}

func deleteProduct(st *product) error {
	if st.editStatus == shopapi.EditStatusAuditing {
		return apiErr(shopapi.CodeProductUnderAudit, "product is under audit")
	}
	st.status = shopapi.ProductStatusDeleted
	return nil
}

func cancelAudit(st *product) error {
	if st.editStatus != shopapi.EditStatusAuditing {
		return apiErr(shopapi.CodeNotUnderAudit, "edit_status is not 2")
	}
	st.editStatus = shopapi.EditStatusEditing
	return nil
}

func (s *Server) hAuditFree(c *call) (any, error) {
	var req struct {
		ProductID string `json:"product_id"`
		SKUs      []struct {
			SKUID     string `json:"sku_id"`
			SalePrice int64  `json:"sale_price"`
			StockInfo *struct {
				DiffType int   `json:"diff_type"`
				Num      int64 `json:"num"`
			} `json:"stock_info"`
			SKUCode        string                  `json:"sku_code"`
			Status         int                     `json:"status"`
			IsDelete       bool                    `json:"is_delete"`
			SKUDeliverInfo *shopapi.SKUDeliverInfo `json:"sku_deliver_info"`
		} `json:"skus"`
		SPUCode     string               `json:"spu_code"`
		LimitedInfo *shopapi.LimitedInfo `json:"limited_info"`
	}
	st, err := s.decodeProductRef(c, &req, &req.ProductID)
	if err != nil {
		return nil, err
	}
	if st.online == nil {
		return nil, apiErr(shopapi.CodeProductNotListed, "product has no online version")
	}
	// Validate everything first: nothing is half-applied.
	for _, k := range req.SKUs {
		if _, ok := st.stock[k.SKUID]; !ok || !slices.ContainsFunc(st.online.SKUs, func(x shopapi.SKU) bool { return string(x.SKUID) == k.SKUID }) {
			return nil, apiErr(shopapi.CodeSKUIDWrong, "sku_id wrong")
		}
		if k.SalePrice < 0 || k.SalePrice > maxSKUPrice {
			return nil, apiErr(shopapi.CodeSKUPriceTooHigh, "sale_price out of range")
		}
		if k.StockInfo != nil {
			if _, err := applyDiff(st.stock[k.SKUID], k.StockInfo.DiffType, k.StockInfo.Num); err != nil {
				return nil, err
			}
		}
	}
	on := *st.online
	on.SKUs = slices.Clone(on.SKUs)
	for _, k := range req.SKUs {
		i := slices.IndexFunc(on.SKUs, func(x shopapi.SKU) bool { return string(x.SKUID) == k.SKUID })
		if k.IsDelete {
			on.SKUs = slices.Delete(on.SKUs, i, i+1)
			continue
		}
		if k.SalePrice > 0 {
			on.SKUs[i].SalePrice = k.SalePrice
		}
		if k.StockInfo != nil {
			st.stock[k.SKUID], _ = applyDiff(st.stock[k.SKUID], k.StockInfo.DiffType, k.StockInfo.Num)
		}
		if k.SKUCode != "" {
			on.SKUs[i].SKUCode = k.SKUCode
		}
		if k.SKUDeliverInfo != nil {
			di := *k.SKUDeliverInfo
			on.SKUs[i].SKUDeliverInfo = &di
		}
	}
	if req.SPUCode != "" {
		on.SPUCode = req.SPUCode
	}
	if req.LimitedInfo != nil {
		li := *req.LimitedInfo
		on.LimitedInfo = &li
	}
	st.online = &on
	return nil, nil
}

func (s *Server) hStockGet(c *call) (any, error) {
	var req struct {
		ProductID string `json:"product_id"`
		SKUID     string `json:"sku_id"`
	}
	st, err := s.decodeProductRef(c, &req, &req.ProductID)
	if err != nil {
		return nil, err
	}
	n, ok := st.stock[req.SKUID]
	if !ok {
		return nil, apiErr(shopapi.CodeSKUIDWrong, "sku_id wrong")
	}
	return map[string]any{"data": stockOf(n)}, nil
}

func stockOf(n int64) map[string]any {
	return map[string]any{"normal_stock_num": n, "limited_discount_stock_num": 0,
		"warehouse_stocks": []any{}, "total_stock_num": n}
}

func (s *Server) hStockBatchGet(c *call) (any, error) {
	var req struct {
		ProductID []string `json:"product_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if len(req.ProductID) == 0 || len(req.ProductID) > 50 {
		return nil, apiErr(shopapi.CodeBadParams, "product_id must hold 1..50 ids")
	}
	list := []any{}
	for _, id := range req.ProductID {
		st, err := s.lookup(id)
		if err != nil {
			return nil, err
		}
		skus := []any{}
		for _, k := range st.draft.SKUs {
			m := stockOf(st.stock[string(k.SKUID)])
			m["sku_id"] = string(k.SKUID)
			m["finder_total_num"] = 0 // the batch example's name for the talents' stock
			skus = append(skus, m)
		}
		list = append(list, map[string]any{"product_id": id, "sku_stock": skus})
	}
	return map[string]any{"data": map[string]any{"spu_stock_list": list}}, nil
}

func (s *Server) hStockUpdate(c *call) (any, error) {
	var req struct {
		ProductID string `json:"product_id"`
		SKUID     string `json:"sku_id"`
		DiffType  int    `json:"diff_type"`
		Num       int64  `json:"num"`
	}
	st, err := s.decodeProductRef(c, &req, &req.ProductID)
	if err != nil {
		return nil, err
	}
	cur, ok := st.stock[req.SKUID]
	if !ok {
		return nil, apiErr(shopapi.CodeStockUpdateRejected, "product and sku mismatch")
	}
	next, err := applyDiff(cur, req.DiffType, req.Num)
	if err != nil {
		return nil, err
	}
	st.stock[req.SKUID] = next
	return nil, nil
}

// applyDiff returns the stock after a diff, or the platform's error: the
// stock never goes negative nor above the cap.
func applyDiff(cur int64, diffType int, num int64) (int64, error) {
	var next int64
	switch diffType {
	case 1:
		next = cur + num
	case 2:
		next = cur - num
	case 3:
		next = num
	default:
		return 0, apiErr(shopapi.CodeBadParams, "invalid diff_type")
	}
	if num < 0 || (num == 0 && diffType != 3) {
		return 0, apiErr(shopapi.CodeStockUpdateRejected, "num must be positive")
	}
	if next < 0 {
		return 0, apiErr(shopapi.CodeStockUpdateRejected, "insufficient stock")
	}
	if next > maxStock {
		return 0, apiErr(shopapi.CodeStockUpdateRejected, "stock too large")
	}
	return next, nil
}

// ErrNoProduct is returned by the inspection helpers for an unknown product.
var ErrNoProduct = errors.New("shopapitest: no such product")

// ErrNotUnderAudit is returned by ApproveAudit and RejectAudit when the
// product's draft is not under audit (edit_status 2).
var ErrNotUnderAudit = errors.New("shopapitest: product not under audit")

func (s *Server) approveLocked(p *product) {
	p.editStatus = shopapi.EditStatusApproved
	p.reason = ""
	if p.listing {
		on := p.draft
		p.online = &on
		p.status = shopapi.ProductStatusListed
	}
}

// ApproveAudit passes the product's audit (edit_status 2 → 4) and, if it
// was submitted with listing, lists it.
func (s *Server) ApproveAudit(productID vcart.ID) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[string(productID)]
	if !ok {
		return ErrNoProduct
	}
	if p.editStatus != shopapi.EditStatusAuditing {
		return ErrNotUnderAudit
	}
	s.approveLocked(p)
	return nil
}

// RejectAudit fails the product's audit (edit_status 2 → 3) with reason.
func (s *Server) RejectAudit(productID vcart.ID, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[string(productID)]
	if !ok {
		return ErrNoProduct
	}
	if p.editStatus != shopapi.EditStatusAuditing {
		return ErrNotUnderAudit
	}
	p.editStatus = shopapi.EditStatusRejected
	p.reason = reason
	return nil
}

// Stock returns the stock of a SKU as the fake holds it.
func (s *Server) Stock(productID, skuID vcart.ID) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[string(productID)]
	if !ok {
		return 0, false
	}
	n, ok := p.stock[string(skuID)]
	return n, ok
}

// ProductState returns a product's online status and draft status.
func (s *Server) ProductState(productID vcart.ID) (shopapi.ProductStatus, shopapi.EditStatus, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[string(productID)]
	if !ok {
		return 0, 0, false
	}
	return p.status, p.editStatus, true
}
