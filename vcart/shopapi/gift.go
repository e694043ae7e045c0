package shopapi

import (
	"context"
	"iter"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Gifts (赠品): non-sale gift products (非卖商品) with their own stock, and
// buy-to-get-gift activities (买赠活动) that give gift sets with main
// products.

var (
	epGiftActivityAdd  = ep("/channels/ec/product/activity/add")
	epGiftActivityDel  = ep("/channels/ec/product/activity/del")
	epGiftActivityStop = ep("/channels/ec/product/activity/stop")
	epGiftAdd          = ep("/channels/ec/product/gift/add")
	epGiftGet          = ep("/channels/ec/product/gift/get")
	epGiftList         = ep("/channels/ec/product/gift/list/get")
	epGiftOnSaleSet    = ep("/channels/ec/product/gift/onsale/set")
	epGiftStockUpdate  = ep("/channels/ec/product/gift/stock/update")
	epGiftUpdate       = ep("/channels/ec/product/gift/update")
)

// GiftStockDiff is a relative or absolute stock change of a gift SKU
// (stock_diff).
type GiftStockDiff struct {
	DiffType StockDiffType `json:"diff_type"`
	Num      int           `json:"num"`
}

// GiftSKU is a SKU of a gift product. SalePrice is the gift's value in fen.
type GiftSKU struct {
	SKUID     ID    `json:"sku_id,omitempty"`
	SalePrice int64 `json:"sale_price"`
	// StockNum is the initial stock (add); StockDiff changes it (update).
	StockNum  *int           `json:"stock_num,omitempty"`
	StockDiff *GiftStockDiff `json:"stock_diff,omitempty"`
}

// GiftProduct is a non-sale gift product (非卖商品).
type GiftProduct struct {
	// ProductID is set by the platform on add; required for update.
	ProductID ID        `json:"product_id,omitempty"`
	Title     string    `json:"title"`
	HeadImgs  []string  `json:"head_imgs"`
	DescInfo  *DescInfo `json:"desc_info,omitempty"`
	CatsV2    []CatRef  `json:"cats_v2"`
	Attrs     []Attr    `json:"attrs,omitempty"`
	SKUs      []GiftSKU `json:"skus"`
	SpuCode   string    `json:"spu_code,omitempty"`
	BrandID   ID        `json:"brand_id,omitempty"`
}

func (g *GiftProduct) problems(update bool) []vcart.FieldError {
	var p []vcart.FieldError
	add := func(f, code, msg string) { p = append(p, vcart.FieldError{Field: f, Code: code, Msg: msg}) }
	if update && g.ProductID == "" {
		add("product_id", "required", "must not be empty")
	}
	if g.Title == "" {
		add("title", "required", "must not be empty")
	}
	if len(g.HeadImgs) == 0 {
		add("head_imgs", "required", "at least one image")
	}
	if len(g.CatsV2) == 0 {
		add("cats_v2", "required", "the category path is required")
	}
	if len(g.SKUs) == 0 {
		add("skus", "required", "at least one SKU")
	}
	for i, k := range g.SKUs {
		f := "skus[" + strconv.Itoa(i) + "]"
		if k.SalePrice < 0 {
			add(f+".sale_price", "range", "must not be negative")
		}
		if k.StockNum != nil && *k.StockNum < 0 {
			add(f+".stock_num", "range", "must not be negative")
		}
		if update && k.SKUID == "" {
			add(f+".sku_id", "required", "an update names the SKU")
		}
	}
	return p
}

// GiftChange is the answer of gift add and update: the product and the
// time as the platform formats it ("2020-03-25 12:05:25").
type GiftChange struct {
	ProductID  ID     `json:"product_id"`
	CreateTime string `json:"create_time,omitempty"`
	UpdateTime string `json:"update_time,omitempty"`
}

// Add adds a non-sale gift product (添加非卖商品). Not retried after an
// ambiguous failure.
//
// WeChat API: POST /channels/ec/product/gift/add
func (s *GiftService) Add(ctx context.Context, g *GiftProduct) (*GiftChange, *Response, error) {
	if g == nil {
		g = &GiftProduct{}
	}
	if err := vcart.NewValidationError(g.problems(false)); err != nil {
		return nil, nil, errorf("add gift", err)
	}
	return s.change(ctx, "add gift", epGiftAdd, g)
}

// Update updates a gift product (更新非卖商品); a SKU's StockDiff changes
// its stock, so the call is not retried after an ambiguous failure.
//
// WeChat API: POST /channels/ec/product/gift/update
func (s *GiftService) Update(ctx context.Context, g *GiftProduct) (*GiftChange, *Response, error) {
	if g == nil {
		g = &GiftProduct{}
	}
	if err := vcart.NewValidationError(g.problems(true)); err != nil {
		return nil, nil, errorf("update gift", err)
	}
	return s.change(ctx, "update gift", epGiftUpdate, g)
}

func (s *GiftService) change(ctx context.Context, op string, e endpoint, g *GiftProduct) (*GiftChange, *Response, error) {
	var out struct {
		Data GiftChange `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: g}, &out)
	if err != nil {
		return nil, resp, errorf(op, err)
	}
	return &out.Data, resp, nil
}

// Get returns a gift product (获取赠品); dataType as product/get (1 online,
// 2 draft, 3 both; 0 means 1).
//
// WeChat API: POST /channels/ec/product/gift/get
func (s *GiftService) Get(ctx context.Context, productID ID, dataType int) (*GiftProduct, *Response, error) {
	if productID == "" {
		return nil, nil, errorf("get gift", vcart.NewValidationError([]vcart.FieldError{{Field: "product_id", Code: "required", Msg: "must not be empty"}}))
	}
	if dataType == 0 {
		dataType = 1
	}
	body := struct {
		ProductID ID  `json:"product_id"`
		DataType  int `json:"data_type"`
	}{productID, dataType}
	var out struct {
		Product GiftProduct `json:"product"`
	}
	resp, err := s.client.call(ctx, &request{ep: epGiftGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get gift", err)
	}
	return &out.Product, resp, nil
}

// GiftListOptions filters and pages the gift list.
type GiftListOptions struct {
	// Status filters by product status (0: every status).
	Status   int    `json:"status,omitempty"`
	PageSize int    `json:"page_size"`
	NextKey  string `json:"next_key,omitempty"`
}

// GiftList is a page of gift product ids.
type GiftList struct {
	ProductIDs []ID   `json:"product_ids"`
	NextKey    string `json:"next_key"`
	TotalNum   int    `json:"total_num"`
}

// List returns a page of gift product ids (获取赠品列表).
//
// WeChat API: POST /channels/ec/product/gift/list/get
func (s *GiftService) List(ctx context.Context, opts *GiftListOptions) (*GiftList, *Response, error) {
	var o GiftListOptions
	if opts != nil {
		o = *opts
	}
	if err := vcart.NewValidationError(checkPageSize("page_size", &o.PageSize, nil)); err != nil {
		return nil, nil, errorf("list gifts", err)
	}
	var out GiftList
	resp, err := s.client.call(ctx, &request{ep: epGiftList, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list gifts", err)
	}
	return &out, resp, nil
}

// ListIter iterates over every gift product id.
func (s *GiftService) ListIter(ctx context.Context, opts *GiftListOptions) iter.Seq2[ID, error] {
	var o GiftListOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, o.NextKey, func(ctx context.Context, key string) ([]ID, string, error) {
		o.NextKey = key
		l, _, err := s.List(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		return l.ProductIDs, l.NextKey, nil
	})
}

// GiftSKUStock is a SKU of an on-sale product turned into a gift, with the
// stock moved to the gift.
type GiftSKUStock struct {
	SKUID    ID  `json:"sku_id"`
	StockNum int `json:"stock_num"`
}

// GiftSKUMapping maps an on-sale SKU to its gift SKU.
type GiftSKUMapping struct {
	SrcSKUID  ID `json:"src_sku_id"`
	GiftSKUID ID `json:"gift_sku_id"`
}

// GiftFromProduct is the answer of onsale/set.
type GiftFromProduct struct {
	SrcProductID  ID               `json:"src_product_id"`
	GiftProductID ID               `json:"gift_product_id"`
	SKUMappings   []GiftSKUMapping `json:"sku_mappings"`
}

// FromProduct makes a gift of an on-sale product (在售商品转赠品), moving
// the given stock of its SKUs to a new gift product. Not retried after an
// ambiguous failure.
//
// WeChat API: POST /channels/ec/product/gift/onsale/set
func (s *GiftService) FromProduct(ctx context.Context, productID ID, skus []GiftSKUStock) (*GiftFromProduct, *Response, error) {
	var p []vcart.FieldError
	if productID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if len(skus) == 0 {
		p = append(p, vcart.FieldError{Field: "skus", Code: "required", Msg: "at least one SKU"})
	}
	for i, k := range skus {
		if k.SKUID == "" || k.StockNum <= 0 {
			p = append(p, vcart.FieldError{Field: "skus[" + strconv.Itoa(i) + "]", Code: "range", Msg: "needs a sku_id and a positive stock_num"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("gift from product", err)
	}
	body := struct {
		ProductID ID             `json:"product_id"`
		SKUs      []GiftSKUStock `json:"skus"`
	}{productID, skus}
	var out struct {
		Data GiftFromProduct `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epGiftOnSaleSet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("gift from product", err)
	}
	return &out.Data, resp, nil
}

// UpdateStock changes a gift SKU's stock (更新赠品库存). StockSet is
// idempotent and retried; StockAdd and StockSubtract are not.
//
// WeChat API: POST /channels/ec/product/gift/stock/update
func (s *GiftService) UpdateStock(ctx context.Context, productID, skuID ID, diff StockDiffType, num int) (*Response, error) {
	var p []vcart.FieldError
	if productID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if skuID == "" {
		p = append(p, vcart.FieldError{Field: "sku_id", Code: "required", Msg: "must not be empty"})
	}
	if diff != StockAdd && diff != StockSubtract && diff != StockSet {
		p = append(p, vcart.FieldError{Field: "diff_type", Code: "enum", Msg: "must be 1 (add), 2 (subtract) or 3 (set)"})
	}
	if num < 0 || (num == 0 && diff != StockSet) {
		p = append(p, vcart.FieldError{Field: "num", Code: "range", Msg: "must be positive (0 only to set)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update gift stock", err)
	}
	body := struct {
		ProductID ID            `json:"product_id"`
		SKUID     ID            `json:"sku_id"`
		DiffType  StockDiffType `json:"diff_type"`
		Num       int           `json:"num"`
	}{productID, skuID, diff, num}
	resp, err := s.client.call(ctx, &request{ep: epGiftStockUpdate, body: body, idempotent: diff == StockSet}, nil)
	if err != nil {
		return resp, errorf("update gift stock", err)
	}
	return resp, nil
}

// GiftItem is one gift of a set: a gift product and how many.
type GiftItem struct {
	GiftID  ID  `json:"gift_id"`
	GiveNum int `json:"give_num"`
}

// GiftSet is the set given per purchase and how many sets there are.
type GiftSet struct {
	GiftItems  []GiftItem `json:"gift_items"`
	GiftSetNum int        `json:"gift_set_num"`
}

// GiftReceiveLimit limits the sets a buyer receives (限领).
type GiftReceiveLimit struct {
	// IsLimited is a boolean in the example (true), a number in one table.
	IsLimited Bool `json:"is_limited"`
	LimitNum  int  `json:"limit_num"`
}

// GiftMainProduct is a product whose purchase gives the gift (主品).
type GiftMainProduct struct {
	ProductID ID `json:"product_id"`
}

// GiftActivityDetail is an activity's rules.
type GiftActivityDetail struct {
	GiftSet      GiftSet           `json:"gift_set"`
	MainProducts []GiftMainProduct `json:"main_products"`
	ReceiveLimit GiftReceiveLimit  `json:"receive_limit"`
	// ShowScene is 0 everywhere, 1 in live rooms only.
	ShowScene int `json:"show_scene"`
}

// GiftActivity is a buy-to-get-gift activity (买赠活动).
type GiftActivity struct {
	// ActivityID is optional (generated when empty). The example sends a
	// number; ID sends a string.
	ActivityID ID                 `json:"activity_id,omitempty"`
	Detail     GiftActivityDetail `json:"detail"`
	// StartTime and EndTime are Unix seconds: numbers in the table,
	// strings ("11111") in the example; Int64 reads both and sends numbers.
	EndTime   Int64  `json:"end_time"`
	StartTime Int64  `json:"start_time"`
	Title     string `json:"title"`
}

// AddActivity creates a buy-to-get-gift activity (创建赠品活动) and returns
// its id. The page's rules: it starts within 30 days, lasts 10 minutes to
// 30 days, and names main products and a gift set. Not retried after an
// ambiguous failure.
//
// WeChat API: POST /channels/ec/product/activity/add
func (s *GiftService) AddActivity(ctx context.Context, a *GiftActivity) (ID, *Response, error) {
	if a == nil {
		a = &GiftActivity{}
	}
	var p []vcart.FieldError
	add := func(f, code, msg string) { p = append(p, vcart.FieldError{Field: f, Code: code, Msg: msg}) }
	if a.Title == "" {
		add("title", "required", "must not be empty")
	}
	if a.StartTime <= 0 || a.EndTime <= a.StartTime {
		add("end_time", "range", "must be after start_time")
	}
	if len(a.Detail.MainProducts) == 0 {
		add("detail.main_products", "required", "at least one main product")
	}
	if len(a.Detail.GiftSet.GiftItems) == 0 || a.Detail.GiftSet.GiftSetNum <= 0 {
		add("detail.gift_set", "required", "gift items and a positive gift_set_num")
	}
	for i, g := range a.Detail.GiftSet.GiftItems {
		if g.GiftID == "" || g.GiveNum <= 0 {
			add("detail.gift_set.gift_items["+strconv.Itoa(i)+"]", "range", "needs a gift_id and a positive give_num")
		}
	}
	if a.Detail.ShowScene != 0 && a.Detail.ShowScene != 1 {
		add("detail.show_scene", "enum", "must be 0 (everywhere) or 1 (live rooms)")
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("add gift activity", err)
	}
	body := struct {
		GiftActivity *GiftActivity `json:"gift_activity"`
	}{a}
	var out struct {
		ActivityID ID `json:"activity_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epGiftActivityAdd, body: body}, &out)
	if err != nil {
		return "", resp, errorf("add gift activity", err)
	}
	return out.ActivityID, resp, nil
}

func (s *GiftService) activityCall(ctx context.Context, op string, e endpoint, id ID) (*Response, error) {
	if id == "" {
		return nil, errorf(op, vcart.NewValidationError([]vcart.FieldError{{Field: "activity_id", Code: "required", Msg: "must not be empty"}}))
	}
	body := struct {
		ActivityID ID `json:"activity_id"`
	}{id}
	resp, err := s.client.call(ctx, &request{ep: e, body: body}, nil)
	if err != nil {
		return resp, errorf(op, err)
	}
	return resp, nil
}

// StopActivity stops an activity (停止赠品活动).
//
// WeChat API: POST /channels/ec/product/activity/stop
func (s *GiftService) StopActivity(ctx context.Context, id ID) (*Response, error) {
	return s.activityCall(ctx, "stop gift activity", epGiftActivityStop, id)
}

// DeleteActivity deletes an activity (删除赠品活动).
//
// WeChat API: POST /channels/ec/product/activity/del
func (s *GiftService) DeleteActivity(ctx context.Context, id ID) (*Response, error) {
	return s.activityCall(ctx, "delete gift activity", epGiftActivityDel, id)
}
