package shopapi

import (
	"context"
	"iter"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Head suppliers (团长 / 联盟带货机构): an agency account that promotes shops'
// products (合作商品) through talents' showcases (橱窗) and earns a service
// fee on each sale, recorded as commission orders (佣金单). These endpoints
// are called with the head supplier's own access_token.

var (
	epHSBalance      = ep("/channels/ec/league/headsupplier/funds/balance/get")
	epHSFlowDetail   = ep("/channels/ec/league/headsupplier/funds/flowdetail/get")
	epHSFlowList     = ep("/channels/ec/league/headsupplier/funds/flowlist/get")
	epHSItemGet      = ep("/channels/ec/league/headsupplier/item/get")
	epHSItemList     = ep("/channels/ec/league/headsupplier/item/list/get")
	epHSOrderGet     = ep("/channels/ec/league/headsupplier/order/get")
	epHSOrderList    = ep("/channels/ec/league/headsupplier/order/list/get")
	epHSShopGet      = ep("/channels/ec/league/headsupplier/shop/get")
	epHSShopList     = ep("/channels/ec/league/headsupplier/shop/list/get")
	epHSWindowAdd    = ep("/channels/ec/league/headsupplier/window/add")
	epHSWindowAll    = ep("/channels/ec/league/headsupplier/window/getall")
	epHSWindowDetail = ep("/channels/ec/league/headsupplier/window/getdetail")
	epHSWindowRemove = ep("/channels/ec/league/headsupplier/window/remove")
	epHSAuthGet      = ep("/channels/ec/league/headsupplier/windowauth/get")
	epHSAuthStatus   = ep("/channels/ec/league/headsupplier/windowauth/status/get")
)

// HeadSupplierMaxPage is the largest page_size of the head supplier's
// item, shop and commission order lists (不超过30).
const HeadSupplierMaxPage = 30

func hsPageSize(n int) []vcart.FieldError {
	if n < 1 || n > HeadSupplierMaxPage {
		return []vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1.." + strconv.Itoa(HeadSupplierMaxPage)}}
	}
	return nil
}

func hsRequired(fields ...string) []vcart.FieldError {
	var p []vcart.FieldError
	for i := 0; i+1 < len(fields); i += 2 {
		if strings.TrimSpace(fields[i+1]) == "" {
			p = append(p, vcart.FieldError{Field: fields[i], Code: "required", Msg: "must not be empty"})
		}
	}
	return p
}

// HeadSupplierBalance is the head supplier's account balance (账户余额), in
// fen.
type HeadSupplierBalance struct {
	// AvailableAmount can be withdrawn (可提现余额).
	AvailableAmount int64 `json:"available_amount"`
	// PendingAmount is awaiting settlement (待结算余额).
	PendingAmount int64 `json:"pending_amount"`
}

// Balance returns the head supplier's balance.
//
// WeChat API: POST /channels/ec/league/headsupplier/funds/balance/get
func (s *HeadSupplierService) Balance(ctx context.Context) (*HeadSupplierBalance, *Response, error) {
	var out HeadSupplierBalance
	resp, err := s.client.call(ctx, &request{ep: epHSBalance, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get head supplier balance", err)
	}
	return &out, resp, nil
}

// HeadSupplierFundsFlow is a funds flow (资金流水) of the head supplier.
type HeadSupplierFundsFlow struct {
	FlowID ID `json:"flow_id"`
	// FundsType is the kind of flow (资金类型; 2 in the example, a
	// 分账 profit share); the page's enum was not read.
	FundsType int `json:"funds_type"`
	// Amount and Balance (after the flow) are fen.
	Amount  int64 `json:"amount"`
	Balance int64 `json:"balance"`
	// BookkeepingTime is the booking time as the platform formats it
	// ("2023-02-11 15:45:39", China time).
	BookkeepingTime string `json:"bookkeeping_time"`
	Remark          string `json:"remark"`
	OrderID         ID     `json:"order_id,omitempty"`
}

// FundsFlow returns a funds flow.
//
// WeChat API: POST /channels/ec/league/headsupplier/funds/flowdetail/get
func (s *HeadSupplierService) FundsFlow(ctx context.Context, flowID ID) (*HeadSupplierFundsFlow, *Response, error) {
	if err := requireID("flow_id", flowID); err != nil {
		return nil, nil, errorf("get funds flow", err)
	}
	body := struct {
		FlowID ID `json:"flow_id"`
	}{flowID}
	var out struct {
		Flow *HeadSupplierFundsFlow `json:"funds_flow"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHSFlowDetail, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get funds flow "+string(flowID), err)
	}
	if out.Flow == nil {
		out.Flow = &HeadSupplierFundsFlow{}
	}
	return out.Flow, resp, nil
}

// HeadSupplierFlowListOptions selects funds flows. PageSize is required; the
// other fields are optional (names from a peer SDK's bean: the page's
// example sends page_size only).
type HeadSupplierFlowListOptions struct {
	Page      int    `json:"page,omitempty"`
	PageSize  int    `json:"page_size"`
	FundsType *int   `json:"funds_type,omitempty"`
	StartTime int64  `json:"start_time,omitempty"`
	EndTime   int64  `json:"end_time,omitempty"`
	NextKey   string `json:"next_key,omitempty"`
}

// HeadSupplierFlowPage is a page of funds flow ids.
type HeadSupplierFlowPage struct {
	FlowIDs []ID   `json:"flow_ids"`
	HasMore bool   `json:"has_more"`
	NextKey string `json:"next_key"`
}

// FundsFlows returns a page of funds flow ids.
//
// WeChat API: POST /channels/ec/league/headsupplier/funds/flowlist/get
func (s *HeadSupplierService) FundsFlows(ctx context.Context, o HeadSupplierFlowListOptions) (*HeadSupplierFlowPage, *Response, error) {
	if o.PageSize < 1 {
		return nil, nil, errorf("list funds flows", vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be at least 1"}}))
	}
	var out HeadSupplierFlowPage
	resp, err := s.client.call(ctx, &request{ep: epHSFlowList, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list funds flows", err)
	}
	return &out, resp, nil
}

// HeadSupplierProductInfo is product_info of a cooperation item or a
// showcase product: the product's listing as the shop made it.
type HeadSupplierProductInfo struct {
	Title    string   `json:"title"`
	SubTitle string   `json:"sub_title"`
	HeadImgs []string `json:"head_imgs"`
	DescInfo struct {
		Imgs []string `json:"imgs"`
		Desc string   `json:"desc"`
	} `json:"desc_info"`
	// Cats is the legacy category path, CatsV2 the new one.
	Cats   []HeadSupplierCat `json:"cats"`
	CatsV2 []HeadSupplierCat `json:"cats_v2"`
}

// HeadSupplierCat is one level of a category path.
type HeadSupplierCat struct {
	CatID ID `json:"cat_id"`
}

// HeadSupplierItem is a cooperation item (合作商品): a shop's product the
// head supplier promotes.
type HeadSupplierItem struct {
	AppID       string                  `json:"appid"`
	ProductID   ID                      `json:"product_id"`
	ProductInfo HeadSupplierProductInfo `json:"product_info"`
}

// Item returns a cooperation item of the shop appID.
//
// WeChat API: POST /channels/ec/league/headsupplier/item/get
func (s *HeadSupplierService) Item(ctx context.Context, appID string, productID ID) (*HeadSupplierItem, *Response, error) {
	if err := vcart.NewValidationError(hsRequired("appid", appID, "product_id", string(productID))); err != nil {
		return nil, nil, errorf("get head supplier item", err)
	}
	body := struct {
		ProductID ID     `json:"product_id"`
		AppID     string `json:"appid"`
	}{productID, appID}
	var out struct {
		Item *HeadSupplierItem `json:"item"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHSItemGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get head supplier item "+string(productID), err)
	}
	if out.Item == nil {
		out.Item = &HeadSupplierItem{}
	}
	return out.Item, resp, nil
}

// HeadSupplierItemRef names a cooperation item in a list.
type HeadSupplierItemRef struct {
	AppID     string `json:"appid"`
	ProductID ID     `json:"product_id"`
}

// HeadSupplierItemPage is a page of cooperation items.
type HeadSupplierItemPage struct {
	List    []HeadSupplierItemRef `json:"list"`
	HasMore bool                  `json:"has_more"`
	// NextKey is in the field table, not in the page's example.
	NextKey string `json:"next_key,omitempty"`
}

// Items returns a page of cooperation items, of the shop appID when it is
// not empty; pass the previous page's NextKey to go on.
//
// WeChat API: POST /channels/ec/league/headsupplier/item/list/get
func (s *HeadSupplierService) Items(ctx context.Context, appID string, pageSize int, nextKey string) (*HeadSupplierItemPage, *Response, error) {
	if err := vcart.NewValidationError(hsPageSize(pageSize)); err != nil {
		return nil, nil, errorf("list head supplier items", err)
	}
	body := struct {
		AppID    string `json:"appid,omitempty"`
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key,omitempty"`
	}{appID, pageSize, nextKey}
	var out HeadSupplierItemPage
	resp, err := s.client.call(ctx, &request{ep: epHSItemList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list head supplier items", err)
	}
	return &out, resp, nil
}

// ItemsIter iterates over every cooperation item (of appID when not empty).
//
// WeChat API: POST /channels/ec/league/headsupplier/item/list/get
func (s *HeadSupplierService) ItemsIter(ctx context.Context, appID string) iter.Seq2[HeadSupplierItemRef, error] {
	return paginate(ctx, "", func(ctx context.Context, key string) ([]HeadSupplierItemRef, string, error) {
		pg, _, err := s.Items(ctx, appID, HeadSupplierMaxPage, key)
		if err != nil {
			return nil, "", err
		}
		if !pg.HasMore {
			return pg.List, "", nil
		}
		return pg.List, pg.NextKey, nil
	})
}

// HeadSupplierShopBase is a shop's base_info.
type HeadSupplierShopBase struct {
	AppID      string `json:"appid"`
	HeadImgURL string `json:"headimg_url"`
	Nickname   string `json:"nickname"`
}

// HeadSupplierShopData is a cooperating shop's data_info; amounts are fen.
type HeadSupplierShopData struct {
	GMV                    int64 `json:"gmv"`
	ProductNumber          int   `json:"product_number"`
	SettleAmount           int64 `json:"settle_amount"`
	UnsettleAmount         int64 `json:"unsettle_amount"`
	ProductNumberToday     int   `json:"product_number_today"`
	ProductNumberSoldToday int   `json:"product_number_sold_today"`
}

// HeadSupplierShop is a cooperating shop (合作小店).
type HeadSupplierShop struct {
	BaseInfo HeadSupplierShopBase `json:"base_info"`
	// DataInfo is sent by shop/get, not by the list.
	DataInfo *HeadSupplierShopData `json:"data_info,omitempty"`
	// Status is the cooperation's state (2 in the examples); the page's
	// enum was not read.
	Status int `json:"status"`
	// ApprovedTime is the Unix time the cooperation was approved (shop/get).
	ApprovedTime int64 `json:"approved_time,omitempty"`
}

// Shop returns a cooperating shop with its figures.
//
// WeChat API: POST /channels/ec/league/headsupplier/shop/get
func (s *HeadSupplierService) Shop(ctx context.Context, appID string) (*HeadSupplierShop, *Response, error) {
	if err := vcart.NewValidationError(hsRequired("appid", appID)); err != nil {
		return nil, nil, errorf("get head supplier shop", err)
	}
	body := struct {
		AppID string `json:"appid"`
	}{appID}
	var out struct {
		Shop *HeadSupplierShop `json:"shop_detail"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHSShopGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get head supplier shop "+appID, err)
	}
	if out.Shop == nil {
		out.Shop = &HeadSupplierShop{}
	}
	return out.Shop, resp, nil
}

// HeadSupplierShopPage is a page of cooperating shops.
type HeadSupplierShopPage struct {
	Shops []HeadSupplierShop `json:"shop_list"`
	// HasMore and NextKey are in a peer SDK's model, not in the page's
	// example.
	HasMore bool   `json:"has_more,omitempty"`
	NextKey string `json:"next_key,omitempty"`
}

// Shops returns a page of cooperating shops.
//
// WeChat API: POST /channels/ec/league/headsupplier/shop/list/get
func (s *HeadSupplierService) Shops(ctx context.Context, pageSize int, nextKey string) (*HeadSupplierShopPage, *Response, error) {
	if err := vcart.NewValidationError(hsPageSize(pageSize)); err != nil {
		return nil, nil, errorf("list head supplier shops", err)
	}
	body := struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key,omitempty"`
	}{pageSize, nextKey}
	var out HeadSupplierShopPage
	resp, err := s.client.call(ctx, &request{ep: epHSShopList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list head supplier shops", err)
	}
	return &out, resp, nil
}

// WindowProductRef names a product in a talent's showcase.
type WindowProductRef struct {
	AppID          string `json:"appid"`
	ProductID      ID     `json:"product_id"`
	HeadSupplierID ID     `json:"head_supplier_id"`
}

// WindowProductsOptions selects a talent's showcase products: FinderID (视频号
// id) is required, AppID narrows to one shop.
type WindowProductsOptions struct {
	AppID        string `json:"appid,omitempty"`
	FinderID     string `json:"finder_id"`
	Offset       int    `json:"offset"`
	PageSize     int    `json:"page_size"`
	NeedTotalNum bool   `json:"need_total_num,omitempty"`
}

// WindowProductPage is a page of showcase products.
type WindowProductPage struct {
	List       []WindowProductRef `json:"list"`
	NextOffset int                `json:"next_offset"`
	// HaveMore is the wire's have_more.
	HaveMore bool `json:"have_more"`
	// TotalNum is sent when NeedTotalNum was set.
	TotalNum int `json:"total_num"`
}

// WindowProducts returns a page of the head supplier's products in a
// talent's showcase (查询橱窗上团长商品列表).
//
// WeChat API: POST /channels/ec/league/headsupplier/window/getall
func (s *HeadSupplierService) WindowProducts(ctx context.Context, o WindowProductsOptions) (*WindowProductPage, *Response, error) {
	p := hsRequired("finder_id", o.FinderID)
	if o.Offset < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "must not be negative"})
	}
	if o.PageSize < 1 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be at least 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list window products", err)
	}
	var out WindowProductPage
	resp, err := s.client.call(ctx, &request{ep: epHSWindowAll, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list window products", err)
	}
	return &out, resp, nil
}

// HeadSupplierWindowProduct is a showcase product's detail.
type HeadSupplierWindowProduct struct {
	AppID       string                  `json:"appid"`
	ProductID   ID                      `json:"product_id"`
	ProductInfo HeadSupplierProductInfo `json:"product_info"`
}

type windowProductBody struct {
	AppID     string `json:"appid"`
	FinderID  string `json:"finder_id"`
	ProductID ID     `json:"product_id"`
}

func (b windowProductBody) problems() []vcart.FieldError {
	return hsRequired("appid", b.AppID, "finder_id", b.FinderID, "product_id", string(b.ProductID))
}

// WindowProduct returns a product of the shop appID in a talent's showcase
// (查询橱窗上团长商品详情).
//
// WeChat API: POST /channels/ec/league/headsupplier/window/getdetail
func (s *HeadSupplierService) WindowProduct(ctx context.Context, appID, finderID string, productID ID) (*HeadSupplierWindowProduct, *Response, error) {
	b := windowProductBody{appID, finderID, productID}
	if err := vcart.NewValidationError(b.problems()); err != nil {
		return nil, nil, errorf("get window product", err)
	}
	var out struct {
		Product *HeadSupplierWindowProduct `json:"product_detail"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHSWindowDetail, body: b}, &out)
	if err != nil {
		return nil, resp, errorf("get window product "+string(productID), err)
	}
	if out.Product == nil {
		out.Product = &HeadSupplierWindowProduct{}
	}
	return out.Product, resp, nil
}

// RemoveFromWindow removes a product of the shop appID from a talent's
// showcase (从橱窗移除团长商品).
//
// WeChat API: POST /channels/ec/league/headsupplier/window/remove
func (s *HeadSupplierService) RemoveFromWindow(ctx context.Context, appID, finderID string, productID ID) (*Response, error) {
	b := windowProductBody{appID, finderID, productID}
	if err := vcart.NewValidationError(b.problems()); err != nil {
		return nil, errorf("remove window product", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epHSWindowRemove, body: b}, nil)
	if err != nil {
		return resp, errorf("remove window product "+string(productID), err)
	}
	return resp, nil
}

// WindowAddRequest adds a cooperation item to a talent's showcase
// (添加团长商品到橱窗). The talent is named by FinderID (视频号 id) or
// OpenFinderID.
type WindowAddRequest struct {
	FinderID     string `json:"finder_id,omitempty"`
	OpenFinderID string `json:"openfinderid,omitempty"`
	ProductID    ID     `json:"product_id"`
}

// AddToWindow adds a cooperation item to a talent's showcase; the talent
// must have authorised the head supplier ([HeadSupplierService.WindowAuth]).
// It is not idempotent.
//
// WeChat API: POST /channels/ec/league/headsupplier/window/add
func (s *HeadSupplierService) AddToWindow(ctx context.Context, r *WindowAddRequest) (*Response, error) {
	if r == nil {
		return nil, errorf("add window product", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(r.FinderID) == "" && strings.TrimSpace(r.OpenFinderID) == "" {
		p = append(p, vcart.FieldError{Field: "finder_id", Code: "required", Msg: "finder_id or openfinderid must be set"})
	}
	p = append(p, hsRequired("product_id", string(r.ProductID))...)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("add window product", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epHSWindowAdd, body: r}, nil)
	if err != nil {
		return resp, errorf("add window product "+string(r.ProductID), err)
	}
	return resp, nil
}

// WindowAuthInfo is auth_info: where a talent authorises the head supplier
// to manage their showcase (a web link or a mini-program page).
type WindowAuthInfo struct {
	AuthURL         string `json:"auth_url"`
	AuthWxaUsername string `json:"auth_wxa_username"`
	AuthWxaAppID    string `json:"auth_wxa_appid"`
	AuthWxaPath     string `json:"auth_wxa_path"`
}

type finderIDBody struct {
	FinderID string `json:"finder_id"`
}

// WindowAuth returns the link a talent opens to authorise the head supplier
// (获取达人橱窗授权链接).
//
// WeChat API: POST /channels/ec/league/headsupplier/windowauth/get
func (s *HeadSupplierService) WindowAuth(ctx context.Context, finderID string) (*WindowAuthInfo, *Response, error) {
	if err := vcart.NewValidationError(hsRequired("finder_id", finderID)); err != nil {
		return nil, nil, errorf("get window auth", err)
	}
	var out struct {
		Info *WindowAuthInfo `json:"auth_info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHSAuthGet, body: finderIDBody{finderID}}, &out)
	if err != nil {
		return nil, resp, errorf("get window auth", err)
	}
	if out.Info == nil {
		out.Info = &WindowAuthInfo{}
	}
	return out.Info, resp, nil
}

// WindowAuthStatus is a talent's showcase authorisation (获取达人橱窗授权状态).
type WindowAuthStatus struct {
	// Status is window_auth_status (1 in the example); the page's enum was
	// not read.
	Status       int    `json:"window_auth_status"`
	OpenFinderID string `json:"openfinderid"`
	OpenTalentID string `json:"opentalentid"`
}

// WindowAuthStatus returns whether a talent has authorised the head
// supplier.
//
// WeChat API: POST /channels/ec/league/headsupplier/windowauth/status/get
func (s *HeadSupplierService) WindowAuthStatus(ctx context.Context, finderID string) (*WindowAuthStatus, *Response, error) {
	if err := vcart.NewValidationError(hsRequired("finder_id", finderID)); err != nil {
		return nil, nil, errorf("get window auth status", err)
	}
	var out WindowAuthStatus
	resp, err := s.client.call(ctx, &request{ep: epHSAuthStatus, body: finderIDBody{finderID}}, &out)
	if err != nil {
		return nil, resp, errorf("get window auth status", err)
	}
	return &out, resp, nil
}
