package shopapi

import (
	"context"
	"encoding/json"
	"iter"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Dropship (代发管理): the shop relates to suppliers (供货商), chooses how new
// orders are distributed to them (by hand, all to one supplier, or per
// product), and assigns orders to a supplier, which ships them: each
// assignment is a dropship order (代发单, ds_order_id).
//
// The platform tells the shop about assignments through
// channels_ec_order_ext_info_update (type 14 assigned, 15 cancelled, per the
// dropship guide); the dropship_order_* events go to the supplier's
// account (package notify decodes both).

var (
	epDropshipAssign          = ep("/channels/ec/order/dropship/assign")
	epDropshipCancel          = ep("/channels/ec/order/dropship/cancel")
	epDropshipGet             = ep("/channels/ec/order/dropship/get")
	epDropshipList            = ep("/channels/ec/order/dropship/list")
	epDropshipSearch          = ep("/channels/ec/order/dropship/search")
	epSupplierGetDistribute   = ep("/channels/ec/supplier/relation/get_distribute")
	epSupplierProductDefault  = ep("/channels/ec/supplier/relation/get_product_default_distribute")
	epSupplierProductList     = ep("/channels/ec/supplier/relation/get_product_list")
	epSupplierList            = ep("/channels/ec/supplier/relation/get_supplier_list")
	epSupplierInvite          = ep("/channels/ec/supplier/relation/invite_supplier")
	epSupplierSetAll          = ep("/channels/ec/supplier/relation/set_all_distribution")
	epSupplierSetManually     = ep("/channels/ec/supplier/relation/set_manually_distribute")
	epSupplierSetProductDistr = ep("/channels/ec/supplier/relation/set_product_distribute")
)

// DropshipMaxProductDistributions is the most entries set_product_distribute
// takes in one call (list 的数量不超过 200).
const DropshipMaxProductDistributions = 200

// DropshipMaxPage is the largest page_info.limit of the dropship order
// lists (分页大小 <= 100).
const DropshipMaxPage = 100

// DropshipProduct is one line of dropship_product_list (代发商品): a SKU of
// the order and how many of it the supplier ships.
type DropshipProduct struct {
	SpuID      ID  `json:"spu_id"`
	SkuID      ID  `json:"sku_id"`
	ProductCnt int `json:"product_cnt"`
}

func dropshipProductProblems(list []DropshipProduct) []vcart.FieldError {
	var p []vcart.FieldError
	if len(list) == 0 {
		p = append(p, vcart.FieldError{Field: "dropship_product_list", Code: "required", Msg: "must not be empty"})
	}
	for i, l := range list {
		f := "dropship_product_list[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(string(l.SpuID)) == "" {
			p = append(p, vcart.FieldError{Field: f + ".spu_id", Code: "required", Msg: "must not be empty"})
		}
		if strings.TrimSpace(string(l.SkuID)) == "" {
			p = append(p, vcart.FieldError{Field: f + ".sku_id", Code: "required", Msg: "must not be empty"})
		}
		if l.ProductCnt < 1 {
			p = append(p, vcart.FieldError{Field: f + ".product_cnt", Code: "range", Msg: "must be at least 1"})
		}
	}
	return p
}

// DropshipAssignRequest assigns products of an order to a supplier
// (分配订单代发).
type DropshipAssignRequest struct {
	OrderID       ID                `json:"order_id"`
	SupplierAppID string            `json:"supplier_appid"`
	Products      []DropshipProduct `json:"dropship_product_list"`
}

func (r *DropshipAssignRequest) validate() error {
	if r == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(r.OrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(r.SupplierAppID) == "" {
		p = append(p, vcart.FieldError{Field: "supplier_appid", Code: "required", Msg: "must not be empty"})
	}
	p = append(p, dropshipProductProblems(r.Products)...)
	return vcart.NewValidationError(p)
}

// Assign assigns products of an order to a bound supplier, who then ships
// them; the platform creates a dropship order (find it with
// [DropshipService.List] by order_id). Assign is not idempotent: after an
// ambiguous failure ([ErrAmbiguous]) list the order's dropship orders
// before assigning again.
//
// WeChat API: POST /channels/ec/order/dropship/assign
func (s *DropshipService) Assign(ctx context.Context, r *DropshipAssignRequest) (*Response, error) {
	if err := r.validate(); err != nil {
		return nil, errorf("assign dropship", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epDropshipAssign, body: r}, nil)
	if err != nil {
		return resp, errorf("assign dropship order "+string(r.OrderID), err)
	}
	return resp, nil
}

// DropshipCancelRequest cancels (part of) a dropship order (取消分配代发单).
type DropshipCancelRequest struct {
	OrderID   ID                `json:"order_id"`
	DsOrderID ID                `json:"ds_order_id"`
	Products  []DropshipProduct `json:"dropship_product_list"`
}

func (r *DropshipCancelRequest) validate() error {
	if r == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(r.OrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(string(r.DsOrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "ds_order_id", Code: "required", Msg: "must not be empty"})
	}
	p = append(p, dropshipProductProblems(r.Products)...)
	return vcart.NewValidationError(p)
}

// Cancel cancels the assignment of a dropship order's products.
//
// WeChat API: POST /channels/ec/order/dropship/cancel
func (s *DropshipService) Cancel(ctx context.Context, r *DropshipCancelRequest) (*Response, error) {
	if err := r.validate(); err != nil {
		return nil, errorf("cancel dropship", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epDropshipCancel, body: r}, nil)
	if err != nil {
		return resp, errorf("cancel dropship order "+string(r.DsOrderID), err)
	}
	return resp, nil
}

// DropshipOrder is dropship_order (代发单). The page types ds_order_id and
// order_id as numbers (the example sends numbers): [ID] reads both forms.
type DropshipOrder struct {
	DsOrderID ID `json:"ds_order_id"`
	// CreateTime and UpdateTime are Unix seconds.
	CreateTime int64 `json:"create_time"`
	UpdateTime int64 `json:"update_time"`
	// Status is the dropship order's state (代发单状态); the page's enum was
	// not read, the value is passed through.
	Status        int    `json:"status"`
	SupplierAppID string `json:"supplier_appid"`
	SupplierName  string `json:"supplier_name"`
	OrderID       ID     `json:"order_id"`
	// Detail is dropship_order_detail (product_infos, delivery_info,
	// ext_info, greeting_card_info, custom_info in the field table), kept
	// raw: the page's example does not show it.
	Detail json.RawMessage `json:"dropship_order_detail,omitempty"`
}

// Get returns a dropship order.
//
// WeChat API: POST /channels/ec/order/dropship/get
func (s *DropshipService) Get(ctx context.Context, dsOrderID ID) (*DropshipOrder, *Response, error) {
	if err := requireID("ds_order_id", dsOrderID); err != nil {
		return nil, nil, errorf("get dropship order", err)
	}
	body := struct {
		DsOrderID ID `json:"ds_order_id"`
	}{dsOrderID}
	var out struct {
		Order *DropshipOrder `json:"dropship_order"`
	}
	resp, err := s.client.call(ctx, &request{ep: epDropshipGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get dropship order "+string(dsOrderID), err)
	}
	if out.Order == nil {
		out.Order = &DropshipOrder{}
	}
	return out.Order, resp, nil
}

// DropshipTimeRange is a time range in Unix seconds (at most 7 days).
type DropshipTimeRange struct {
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
}

// DropshipPageInfo is page_info / next_page: offset from 0 and a page size
// of at most [DropshipMaxPage].
type DropshipPageInfo struct {
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

// DropshipFilter selects dropship orders: by order, creation time range and
// status (all optional).
type DropshipFilter struct {
	OrderID         ID                 `json:"order_id,omitempty"`
	CreateTimeRange *DropshipTimeRange `json:"create_time_range,omitempty"`
	Status          *int               `json:"status,omitempty"`
}

func (f *DropshipFilter) problems(prefix string) []vcart.FieldError {
	if f == nil || f.CreateTimeRange == nil {
		return nil
	}
	r := f.CreateTimeRange
	var p []vcart.FieldError
	switch {
	case r.EndTime < r.StartTime:
		p = append(p, vcart.FieldError{Field: prefix + "create_time_range.end_time", Code: "range", Msg: "must not be before start_time"})
	case r.EndTime-r.StartTime > 7*24*3600:
		p = append(p, vcart.FieldError{Field: prefix + "create_time_range", Code: "range", Msg: "must not span more than 7 days"})
	}
	return p
}

func pageProblems(pg DropshipPageInfo) []vcart.FieldError {
	var p []vcart.FieldError
	if pg.Offset < 0 {
		p = append(p, vcart.FieldError{Field: "page_info.offset", Code: "range", Msg: "must not be negative"})
	}
	if pg.Limit < 1 || pg.Limit > DropshipMaxPage {
		p = append(p, vcart.FieldError{Field: "page_info.limit", Code: "range", Msg: "must be 1.." + strconv.Itoa(DropshipMaxPage)})
	}
	return p
}

// DropshipOrderPage is a page of dropship order ids.
type DropshipOrderPage struct {
	DsOrderIDs []ID             `json:"ds_order_id_list"`
	NextPage   DropshipPageInfo `json:"next_page"`
	Total      int              `json:"total"`
}

// List returns a page of dropship order ids (拉取代发单列表).
//
// WeChat API: POST /channels/ec/order/dropship/list
func (s *DropshipService) List(ctx context.Context, f DropshipFilter, page DropshipPageInfo) (*DropshipOrderPage, *Response, error) {
	if err := vcart.NewValidationError(append(f.problems(""), pageProblems(page)...)); err != nil {
		return nil, nil, errorf("list dropship orders", err)
	}
	body := struct {
		DropshipFilter
		PageInfo DropshipPageInfo `json:"page_info"`
	}{f, page}
	var out DropshipOrderPage
	resp, err := s.client.call(ctx, &request{ep: epDropshipList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list dropship orders", err)
	}
	return &out, resp, nil
}

// ListIter iterates over the dropship order ids f selects, a page of
// [DropshipMaxPage] at a time.
//
// WeChat API: POST /channels/ec/order/dropship/list
func (s *DropshipService) ListIter(ctx context.Context, f DropshipFilter) iter.Seq2[ID, error] {
	return paginate(ctx, "0", func(ctx context.Context, key string) ([]ID, string, error) {
		off, _ := strconv.Atoi(key)
		pg, _, err := s.List(ctx, f, DropshipPageInfo{Offset: off, Limit: DropshipMaxPage})
		if err != nil {
			return nil, "", err
		}
		if off+len(pg.DsOrderIDs) >= pg.Total || len(pg.DsOrderIDs) < DropshipMaxPage {
			return pg.DsOrderIDs, "", nil
		}
		return pg.DsOrderIDs, strconv.Itoa(off + len(pg.DsOrderIDs)), nil
	})
}

// Search returns a page of dropship order ids matching a search condition
// (搜索代发单).
//
// WeChat API: POST /channels/ec/order/dropship/search
func (s *DropshipService) Search(ctx context.Context, cond DropshipFilter, page DropshipPageInfo) (*DropshipOrderPage, *Response, error) {
	if err := vcart.NewValidationError(append(cond.problems("search_condition."), pageProblems(page)...)); err != nil {
		return nil, nil, errorf("search dropship orders", err)
	}
	body := struct {
		Cond     DropshipFilter   `json:"search_condition"`
		PageInfo DropshipPageInfo `json:"page_info"`
	}{cond, page}
	var out DropshipOrderPage
	resp, err := s.client.call(ctx, &request{ep: epDropshipSearch, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("search dropship orders", err)
	}
	return &out, resp, nil
}

// DistributeType is distribute_type (分配类型), how new orders go to
// suppliers.
type DistributeType int

// Distribution modes (get_distribute's enum).
const (
	DistributeManual     DistributeType = 1 // 手动分配 (the default)
	DistributeAllShop    DistributeType = 2 // 全店自动分配 to one supplier
	DistributePerProduct DistributeType = 3 // 按商品分配
)

// String returns the mode's name.
func (t DistributeType) String() string {
	switch t {
	case DistributeManual:
		return "manual"
	case DistributeAllShop:
		return "all-shop"
	case DistributePerProduct:
		return "per-product"
	}
	return "DistributeType(" + strconv.Itoa(int(t)) + ")"
}

// Distribution is the shop's distribution mode (分配方式).
type Distribution struct {
	Type DistributeType `json:"distribute_type"`
	// AllSupplierAppID and AllSupplierName name the supplier of
	// [DistributeAllShop].
	AllSupplierAppID string `json:"all_supplier_appid"`
	AllSupplierName  string `json:"all_distribute_supplier_name"`
}

// Distribution returns the shop's distribution mode.
//
// WeChat API: POST /channels/ec/supplier/relation/get_distribute
func (s *DropshipService) Distribution(ctx context.Context) (*Distribution, *Response, error) {
	var out Distribution
	resp, err := s.client.call(ctx, &request{ep: epSupplierGetDistribute, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get distribution", err)
	}
	return &out, resp, nil
}

// SetManual makes new orders be assigned by hand (设置全店订单手动分配).
//
// WeChat API: POST /channels/ec/supplier/relation/set_manually_distribute
func (s *DropshipService) SetManual(ctx context.Context) (*Response, error) {
	resp, err := s.client.call(ctx, &request{ep: epSupplierSetManually, body: struct{}{}}, nil)
	if err != nil {
		return resp, errorf("set manual distribution", err)
	}
	return resp, nil
}

// SetAllShop makes every new order go to one bound supplier (设置全店订单自动
// 分配); it replaces any per-product distribution.
//
// WeChat API: POST /channels/ec/supplier/relation/set_all_distribution
func (s *DropshipService) SetAllShop(ctx context.Context, supplierAppID string) (*Response, error) {
	if strings.TrimSpace(supplierAppID) == "" {
		return nil, errorf("set all-shop distribution", vcart.NewValidationError([]vcart.FieldError{{Field: "supplier_appid", Code: "required", Msg: "must not be empty"}}))
	}
	body := struct {
		SupplierAppID string `json:"supplier_appid"`
	}{supplierAppID}
	resp, err := s.client.call(ctx, &request{ep: epSupplierSetAll, body: body}, nil)
	if err != nil {
		return resp, errorf("set all-shop distribution", err)
	}
	return resp, nil
}

// ProductDistribution binds (IsDistribute) or unbinds a product to a
// supplier for per-product distribution.
type ProductDistribution struct {
	SupplierAppID string `json:"supplier_appid"`
	ProductID     ID     `json:"product_id"`
	IsDistribute  bool   `json:"is_distribute"`
	// ApplyToGift, when set, says whether the product's gifts follow it
	// (apply_to_gift; unset leaves the mode unchanged).
	ApplyToGift *bool `json:"apply_to_gift,omitempty"`
}

// SetPerProduct sets per-product distribution (设置按商品自动分配) for up to
// [DropshipMaxProductDistributions] products.
//
// WeChat API: POST /channels/ec/supplier/relation/set_product_distribute
func (s *DropshipService) SetPerProduct(ctx context.Context, list []ProductDistribution) (*Response, error) {
	var p []vcart.FieldError
	if len(list) == 0 || len(list) > DropshipMaxProductDistributions {
		p = append(p, vcart.FieldError{Field: "list", Code: "range", Msg: "must hold 1.." + strconv.Itoa(DropshipMaxProductDistributions) + " entries"})
	}
	for i, d := range list {
		f := "list[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(d.SupplierAppID) == "" {
			p = append(p, vcart.FieldError{Field: f + ".supplier_appid", Code: "required", Msg: "must not be empty"})
		}
		if strings.TrimSpace(string(d.ProductID)) == "" {
			p = append(p, vcart.FieldError{Field: f + ".product_id", Code: "required", Msg: "must not be empty"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("set per-product distribution", err)
	}
	body := struct {
		List []ProductDistribution `json:"list"`
	}{list}
	resp, err := s.client.call(ctx, &request{ep: epSupplierSetProductDistr, body: body}, nil)
	if err != nil {
		return resp, errorf("set per-product distribution", err)
	}
	return resp, nil
}

// ProductDefaultSupplier is a product's per-product supplier.
type ProductDefaultSupplier struct {
	Exists        bool   `json:"exist_default_supplier"`
	SupplierAppID string `json:"supplier_appid"`
}

// ProductSupplier returns the supplier a product's new orders go to
// (获取商品对应的自动分配供货商).
//
// WeChat API: POST /channels/ec/supplier/relation/get_product_default_distribute
func (s *DropshipService) ProductSupplier(ctx context.Context, productID ID) (*ProductDefaultSupplier, *Response, error) {
	if err := requireID("product_id", productID); err != nil {
		return nil, nil, errorf("get product supplier", err)
	}
	body := struct {
		ProductID ID `json:"product_id"`
	}{productID}
	var out ProductDefaultSupplier
	resp, err := s.client.call(ctx, &request{ep: epSupplierProductDefault, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get product supplier "+string(productID), err)
	}
	return &out, resp, nil
}

// DistributedProductsOptions filters get_product_list. A filter applies
// only with its is_filter flag, which the client sets when the value is
// given.
type DistributedProductsOptions struct {
	DistributeStatus *int
	ProductStatus    *int
	SupplierAppID    *string
	Limit            int
	PageContext      string
}

// DistributedProduct is a product of per-product distribution.
type DistributedProduct struct {
	ProductID ID `json:"product_id"`
	// DistributeStatus is the distribution state (分配状态); the supplier
	// fields mean something when it is 0.
	DistributeStatus int    `json:"distribute_status"`
	SupplierAppID    string `json:"supplier_appid"`
	SupplierName     string `json:"supplier_name"`
}

// DistributedProductPage is a page of get_product_list.
type DistributedProductPage struct {
	PageContext string               `json:"page_context"`
	TotalCount  int                  `json:"total_count"`
	List        []DistributedProduct `json:"list"`
}

type distributedProductsBody struct {
	IsFilterDistributeStatus bool   `json:"is_filter_distribute_status"`
	DistributeStatus         int    `json:"distribute_status"`
	IsFilterProductStatus    bool   `json:"is_filter_product_status"`
	ProductStatus            int    `json:"product_status"`
	IsFilterSupplierAppID    bool   `json:"is_filter_supplier_appid"`
	SupplierAppID            string `json:"supplier_appid"`
	Limit                    int    `json:"limit"`
	PageContext              string `json:"page_context"`
}

// DistributedProducts returns a page of the products distributed per
// product (获取按商品自动分配的商品列表); pass the answer's PageContext for
// the next page.
//
// WeChat API: POST /channels/ec/supplier/relation/get_product_list
func (s *DropshipService) DistributedProducts(ctx context.Context, o DistributedProductsOptions) (*DistributedProductPage, *Response, error) {
	if o.Limit < 0 {
		return nil, nil, errorf("list distributed products", vcart.NewValidationError([]vcart.FieldError{{Field: "limit", Code: "range", Msg: "must not be negative"}}))
	}
	b := distributedProductsBody{Limit: o.Limit, PageContext: o.PageContext}
	if o.DistributeStatus != nil {
		b.IsFilterDistributeStatus, b.DistributeStatus = true, *o.DistributeStatus
	}
	if o.ProductStatus != nil {
		b.IsFilterProductStatus, b.ProductStatus = true, *o.ProductStatus
	}
	if o.SupplierAppID != nil {
		b.IsFilterSupplierAppID, b.SupplierAppID = true, *o.SupplierAppID
	}
	var out DistributedProductPage
	resp, err := s.client.call(ctx, &request{ep: epSupplierProductList, body: b}, &out)
	if err != nil {
		return nil, resp, errorf("list distributed products", err)
	}
	return &out, resp, nil
}

// Supplier is a supplier related to the shop (供货商).
type Supplier struct {
	Name  string `json:"name"`
	AppID string `json:"appid"`
	// Status and BindAuditStatus are the relation's state and the review
	// of the binding (bind_audit_status); the page's enums were not read.
	Status          int   `json:"status"`
	BindAuditStatus int   `json:"bind_audit_status"`
	UpdateTime      int64 `json:"update_time"`
}

// SupplierPage is a page of get_supplier_list.
type SupplierPage struct {
	List       []Supplier `json:"list"`
	TotalCount int        `json:"total_count"`
}

// Suppliers returns a page of the shop's suppliers (获取供货商列表).
//
// WeChat API: POST /channels/ec/supplier/relation/get_supplier_list
func (s *DropshipService) Suppliers(ctx context.Context, offset, limit int) (*SupplierPage, *Response, error) {
	var p []vcart.FieldError
	if offset < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "must not be negative"})
	}
	if limit < 0 {
		p = append(p, vcart.FieldError{Field: "limit", Code: "range", Msg: "must not be negative"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list suppliers", err)
	}
	body := struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}{offset, limit}
	var out SupplierPage
	resp, err := s.client.call(ctx, &request{ep: epSupplierList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list suppliers", err)
	}
	return &out, resp, nil
}

// SupplierInvitation asks a supplier to bind with the shop (申请关联供货商).
type SupplierInvitation struct {
	SupplierAppID string `json:"supplier_appid"`
	// ServiceID is the service provider's id in the invitation.
	ServiceID int64  `json:"service_id,omitempty"`
	Remark    string `json:"remark,omitempty"`
}

// InviteSupplier sends a binding request to a supplier, who accepts it in
// their back office. It is not idempotent (a second request while one is
// pending fails on the platform).
//
// WeChat API: POST /channels/ec/supplier/relation/invite_supplier
func (s *DropshipService) InviteSupplier(ctx context.Context, inv *SupplierInvitation) (*Response, error) {
	if inv == nil {
		return nil, errorf("invite supplier", errNilRequest())
	}
	if strings.TrimSpace(inv.SupplierAppID) == "" {
		return nil, errorf("invite supplier", vcart.NewValidationError([]vcart.FieldError{{Field: "supplier_appid", Code: "required", Msg: "must not be empty"}}))
	}
	resp, err := s.client.call(ctx, &request{ep: epSupplierInvite, body: inv}, nil)
	if err != nil {
		return resp, errorf("invite supplier "+inv.SupplierAppID, err)
	}
	return resp, nil
}
