package shopapi

import (
	"context"
	"iter"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// The showcase (橱窗) is the product shelf of the channel (视频号) bound to
// the shop: what viewers see under the channel's profile and what the
// streamer can put on a live-stream product card (直播商品卡片). No server
// API puts a card into a live room — the streamer does that in the app —
// so a backend's part is to keep the right products in the showcase.
//
// A showcase product is addressed by the product_id and the appid of the
// shop the product comes from (for a shop's own products, the shop's
// appid). Products from the selection centre (带货中心) are not supported
// by these endpoints (errcode 10022007).

var (
	epShowcaseAdd  = ep("/channels/ec/window/product/add")
	epShowcaseGet  = ep("/channels/ec/window/product/get")
	epShowcaseList = ep("/channels/ec/window/product/list/get")
	epShowcaseOff  = ep("/channels/ec/window/product/off")
)

// ShowcaseAddRequest puts a product in the showcase (上架商品到橱窗).
type ShowcaseAddRequest struct {
	// ProductID is the product's id in its shop (required).
	ProductID ID `json:"product_id"`
	// AppID is the appid of the shop the product comes from (required).
	AppID string `json:"appid"`
	// IsHideForWindow hides the product on the channel's showcase page
	// while keeping it available to live streams (default false).
	IsHideForWindow *bool `json:"is_hide_for_window,omitempty"`
}

func (r *ShowcaseAddRequest) validate() error {
	if r == nil {
		return errNilRequest()
	}
	return checkShowcaseRef(r.AppID, r.ProductID)
}

func checkShowcaseRef(appID string, productID ID) error {
	var p []vcart.FieldError
	if productID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "is required"})
	}
	if appID == "" {
		p = append(p, vcart.FieldError{Field: "appid", Code: "required", Msg: "is required"})
	}
	return vcart.NewValidationError(p)
}

// ShowcaseStatus is a showcase product's status (status).
type ShowcaseStatus int

// Showcase product statuses.
const (
	ShowcaseActive ShowcaseStatus = 1 // 生效中
	ShowcaseBanned ShowcaseStatus = 2 // 被禁止售卖
)

// String returns the status's name.
func (s ShowcaseStatus) String() string {
	switch s {
	case ShowcaseActive:
		return "active"
	case ShowcaseBanned:
		return "banned"
	}
	return "ShowcaseStatus(" + itoa(int(s)) + ")"
}

// ShowcasePagePath is where a showcase product opens (page_path): the
// mini-program and its half-screen and full-screen pages.
type ShowcasePagePath struct {
	AppID        string `json:"appid"`
	HalfPagePath string `json:"half_page_path"`
	FullPagePath string `json:"full_page_path"`
}

// ShowcaseDiscount is a product's limited-time discount (限时抢购).
type ShowcaseDiscount struct {
	IsEffect bool `json:"is_effect"`
	// DiscountPrice is the discounted price in fen (分).
	DiscountPrice int64 `json:"discount_price"`
	// EndTimeMS is when the discount ends, in Unix milliseconds.
	EndTimeMS int64 `json:"end_time_ms"`
	Stock     int64 `json:"stock"`
}

// ShowcaseProduct is a product in the showcase (橱窗商品).
type ShowcaseProduct struct {
	ProductID       ID             `json:"product_id"`
	OutProductID    string         `json:"out_product_id,omitempty"`
	Title           string         `json:"title"`
	ImgURL          string         `json:"img_url"`
	ThirdCategoryID int64          `json:"third_category_id,omitempty"`
	LeafCategoryID  int64          `json:"leaf_category_id,omitempty"`
	Status          ShowcaseStatus `json:"status"`
	// MarketPrice and SellingPrice are in fen (分); SellingPrice is the
	// lowest price of the product's SKUs.
	MarketPrice  int64            `json:"market_price"`
	SellingPrice int64            `json:"selling_price"`
	Stock        int64            `json:"stock"`
	Sales        int64            `json:"sales"`
	AppID        string           `json:"appid"`
	PagePath     ShowcasePagePath `json:"page_path"`
	PlatformID   int              `json:"platform_id"`
	PlatformName string           `json:"platform_name"`
	// IsHideForWindow reports a product hidden on the showcase page.
	IsHideForWindow   bool              `json:"is_hide_for_window"`
	Banned            bool              `json:"banned"`
	LimitDiscountInfo *ShowcaseDiscount `json:"limit_discount_info,omitempty"`
}

// ShowcaseListOptions selects a page of showcase products.
type ShowcaseListOptions struct {
	// AppID restricts the list to one source shop.
	AppID string `json:"appid,omitempty"`
	// BranchID restricts the list to one branch (分店).
	BranchID int64 `json:"branch_id,omitempty"`
	// PageSize is 1..200 (0 means 100).
	PageSize int `json:"page_size"`
	// PageIndex is the page from 1 (ignored once LastBuffer is set).
	PageIndex int `json:"page_index,omitempty"`
	// LastBuffer is the cursor of the previous page.
	LastBuffer string `json:"last_buffer,omitempty"`
	// NeedTotalNum asks for TotalNum.
	NeedTotalNum bool `json:"need_total_num,omitempty"`
	// QueryCPSProduct lists only products sold on commission (带货商品).
	QueryCPSProduct bool `json:"query_cps_product,omitempty"`
}

// ShowcaseRef names a showcase product: its id and its shop's appid.
type ShowcaseRef struct {
	ProductID ID     `json:"product_id"`
	AppID     string `json:"appid,omitempty"`
	// OutProductID is the product's id in its source shop, for products
	// sold on commission.
	OutProductID string `json:"out_product_id,omitempty"`
}

// ShowcaseList is a page of showcase products.
type ShowcaseList struct {
	Products   []ShowcaseRef `json:"products"`
	LastBuffer string        `json:"last_buffer"`
	// TotalNum is sent when NeedTotalNum was set.
	TotalNum int64 `json:"total_num,omitempty"`
}

// Add puts a product in the showcase (上架商品到橱窗). Adding a product
// that is already there sets its visibility again, so the call is retried
// like a read.
//
// WeChat API: POST /channels/ec/window/product/add
func (s *ShowcaseService) Add(ctx context.Context, req *ShowcaseAddRequest) (*Response, error) {
	if err := req.validate(); err != nil {
		return nil, errorf("add showcase product", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epShowcaseAdd, body: req}, nil)
	if err != nil {
		return resp, errorf("add showcase product", err)
	}
	return resp, nil
}

// Get returns a showcase product (获取橱窗商品详情); an unknown one
// answers [CodeShowcaseProductNotFound].
//
// WeChat API: POST /channels/ec/window/product/get
func (s *ShowcaseService) Get(ctx context.Context, appID string, productID ID) (*ShowcaseProduct, *Response, error) {
	if err := checkShowcaseRef(appID, productID); err != nil {
		return nil, nil, errorf("get showcase product", err)
	}
	body := struct {
		ProductID ID     `json:"product_id"`
		AppID     string `json:"appid"`
	}{productID, appID}
	var out struct {
		Product ShowcaseProduct `json:"product"`
	}
	resp, err := s.client.call(ctx, &request{ep: epShowcaseGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get showcase product", err)
	}
	return &out.Product, resp, nil
}

// List returns a page of the showcase (获取已添加到橱窗的商品列表).
//
// WeChat API: POST /channels/ec/window/product/list/get
func (s *ShowcaseService) List(ctx context.Context, opts *ShowcaseListOptions) (*ShowcaseList, *Response, error) {
	var o ShowcaseListOptions
	if opts != nil {
		o = *opts
	}
	var p []vcart.FieldError
	if o.PageSize == 0 {
		o.PageSize = 100
	}
	if o.PageSize < 1 || o.PageSize > 200 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1..200"})
	}
	if o.PageIndex < 0 {
		p = append(p, vcart.FieldError{Field: "page_index", Code: "range", Msg: "must be at least 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list showcase", err)
	}
	var out ShowcaseList
	resp, err := s.client.call(ctx, &request{ep: epShowcaseList, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list showcase", err)
	}
	resp.NextKey = out.LastBuffer
	return &out, resp, nil
}

// ListIter iterates over the showcase from opts on, following last_buffer.
// It stops at the first error (yielded with a zero ref).
//
// WeChat API: POST /channels/ec/window/product/list/get
func (s *ShowcaseService) ListIter(ctx context.Context, opts *ShowcaseListOptions) iter.Seq2[ShowcaseRef, error] {
	var o ShowcaseListOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, o.LastBuffer, func(ctx context.Context, key string) ([]ShowcaseRef, string, error) {
		o.LastBuffer = key
		l, _, err := s.List(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		return l.Products, l.LastBuffer, nil
	})
}

// Off takes a product off the showcase (下架橱窗商品). The page notes that
// a shop's own products now follow their listing status in the shop, so
// the call rarely changes anything; taking off a product that is not there
// answers [CodeShowcaseProductNotFound].
//
// WeChat API: POST /channels/ec/window/product/off
func (s *ShowcaseService) Off(ctx context.Context, appID string, productID ID) (*Response, error) {
	if err := checkShowcaseRef(appID, productID); err != nil {
		return nil, errorf("take off showcase product", err)
	}
	body := struct {
		ProductID ID     `json:"product_id"`
		AppID     string `json:"appid"`
	}{productID, appID}
	resp, err := s.client.call(ctx, &request{ep: epShowcaseOff, body: body}, nil)
	if err != nil {
		return resp, errorf("take off showcase product", err)
	}
	return resp, nil
}
