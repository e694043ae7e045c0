package shopapi

import (
	"context"
	"encoding/json"
	"iter"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// The talent endpoints (达人, 带货助手) are called with a talent account's
// token (the 带货助手's access_token, or a provider's authorizer token for
// it), not a shop's: a provider serving talents builds a [Client] for each.

var (
	epTalentOrderList     = ep("/channels/ec/talent/get_order_list")
	epTalentOrderDetail   = ep("/channels/ec/talent/get_order_detail")
	epTalentWindowList    = ep("/channels/ec/talent/window/product/list/get")
	epTalentWindowProduct = ep("/channels/ec/talent/window/product/get")
)

// TalentOrderListRequest filters a talent's commission orders (佣金单).
// Give a creation range or an update range (二选一); times are Unix
// seconds, exclusive bounds (_gt, _lt).
type TalentOrderListRequest struct {
	CreateTimeGT int64  `json:"create_time_gt,omitempty"`
	CreateTimeLT int64  `json:"create_time_lt,omitempty"`
	UpdateTimeGT int64  `json:"update_time_gt,omitempty"`
	UpdateTimeLT int64  `json:"update_time_lt,omitempty"`
	OrderID      ID     `json:"order_id,omitempty"`
	SPUID        ID     `json:"spu_id,omitempty"`
	PageSize     int    `json:"page_size"`
	NextKey      string `json:"next_key,omitempty"`
}

// TalentOrderMaxPage is the largest page_size of get_order_list (不超过10).
const TalentOrderMaxPage = 10

func (r *TalentOrderListRequest) validate() error {
	if r == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	if r.PageSize < 1 || r.PageSize > TalentOrderMaxPage {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1 to 10"})
	}
	if (r.CreateTimeGT != 0 || r.CreateTimeLT != 0) && (r.UpdateTimeGT != 0 || r.UpdateTimeLT != 0) {
		p = append(p, vcart.FieldError{Field: "update_time_gt", Code: "exclusive", Msg: "give a creation range or an update range, not both"})
	}
	if r.CreateTimeGT != 0 && r.CreateTimeLT != 0 && r.CreateTimeGT >= r.CreateTimeLT {
		p = append(p, vcart.FieldError{Field: "create_time_lt", Code: "range", Msg: "must be after create_time_gt"})
	}
	if r.UpdateTimeGT != 0 && r.UpdateTimeLT != 0 && r.UpdateTimeGT >= r.UpdateTimeLT {
		p = append(p, vcart.FieldError{Field: "update_time_lt", Code: "range", Msg: "must be after update_time_gt"})
	}
	return vcart.NewValidationError(p)
}

// TalentOrderRef is a commission order of the list: an order's SKU.
type TalentOrderRef struct {
	OrderID ID `json:"order_id"`
	SKUID   ID `json:"sku_id"`
	// SpecialID marks local-life orders (本地生活); pass it back to
	// [TalentService.OrderDetail].
	SpecialID string `json:"special_id,omitempty"`
}

// TalentOrderPage is one page of commission orders.
type TalentOrderPage struct {
	Orders  []TalentOrderRef `json:"order_list"`
	HasMore bool             `json:"has_more"`
	NextKey string           `json:"next_key,omitempty"`
}

// Orders returns a page of the talent's commission orders (获取佣金单列表).
//
// WeChat API: POST /channels/ec/talent/get_order_list
func (s *TalentService) Orders(ctx context.Context, r *TalentOrderListRequest) (*TalentOrderPage, *Response, error) {
	if err := r.validate(); err != nil {
		return nil, nil, errorf("list talent orders", err)
	}
	var out TalentOrderPage
	resp, err := s.client.call(ctx, &request{ep: epTalentOrderList, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("list talent orders", err)
	}
	return &out, resp, nil
}

// OrdersIter iterates over every commission order r selects, r.PageSize
// at a time (10 when 0); r.NextKey is the starting cursor.
//
// WeChat API: POST /channels/ec/talent/get_order_list
func (s *TalentService) OrdersIter(ctx context.Context, r TalentOrderListRequest) iter.Seq2[TalentOrderRef, error] {
	if r.PageSize == 0 {
		r.PageSize = TalentOrderMaxPage
	}
	return paginate(ctx, r.NextKey, func(ctx context.Context, key string) ([]TalentOrderRef, string, error) {
		q := r
		q.NextKey = key
		pg, _, err := s.Orders(ctx, &q)
		if err != nil {
			return nil, "", err
		}
		if !pg.HasMore {
			return pg.Orders, "", nil
		}
		return pg.Orders, pg.NextKey, nil
	})
}

// TalentBuyer is the buyer of a commission order.
type TalentBuyer struct {
	OpenID  string `json:"open_id"`
	UnionID string `json:"union_id,omitempty"`
}

// TalentOrderBase is base_info (订单基础信息). ActualPayment and
// SettlePayment are strings: the field table says fen (单位:分), the page's
// example sends "99.99"; they are kept as sent.
type TalentOrderBase struct {
	OrderID     ID    `json:"order_id"`
	SPUID       ID    `json:"spu_id"`
	SKUID       ID    `json:"sku_id"`
	OrderStatus int64 `json:"order_status"`
	// ActualPayment is 实际支付金额; SettlePayment the commission base
	// (分佣基数, added 2026-01).
	ActualPayment string `json:"actual_payment"`
	SettlePayment string `json:"settle_payment,omitempty"`
	// Times are Unix seconds.
	OrderPayTime    int64        `json:"order_pay_time,omitempty"`
	OrderCreateTime int64        `json:"order_create_time"`
	OrderUpdateTime int64        `json:"order_update_time"`
	SpecialID       string       `json:"special_id,omitempty"`
	BuyerInfo       *TalentBuyer `json:"buyer_info,omitempty"`
}

// TalentCommission is commission_info (订单佣金信息). Ratio and the
// settlement amounts are strings, kept as sent (the example: ratio "0",
// expect_settlement "9.99").
type TalentCommission struct {
	State            int64  `json:"state"`
	Ratio            string `json:"ratio"`
	ExpectSettleTime int64  `json:"expect_settle_time"`
	ExpectSettlement string `json:"expect_settlement"`
	ActualSettleTime int64  `json:"actual_settle_time,omitempty"`
	ActualSettlement string `json:"actual_settlement,omitempty"`
}

// TalentOrderChannel is channel_info (下单通道信息).
type TalentOrderChannel struct {
	ChannelType int64  `json:"channel_type"`
	ChannelID   string `json:"channel_id"`
	ChannelName string `json:"channel_name"`
}

// TalentOrder is a commission order's detail (佣金单详情).
type TalentOrder struct {
	BaseInfo       TalentOrderBase     `json:"base_info"`
	CommissionInfo TalentCommission    `json:"commission_info"`
	ChannelInfo    *TalentOrderChannel `json:"channel_info,omitempty"`
	// PromotionHeadSupplierInfo (内容推广推客机构信息) and ProductInfo
	// (商品信息) are in the field table but not in the page's example:
	// kept undecoded.
	PromotionHeadSupplierInfo json.RawMessage `json:"promotion_head_supplier_info,omitempty"`
	ProductInfo               json.RawMessage `json:"product_info,omitempty"`
}

// OrderDetail returns a commission order (获取佣金单详情): order and SKU
// from [TalentService.Orders], specialID as the list gave it ("" usually).
//
// WeChat API: POST /channels/ec/talent/get_order_detail
func (s *TalentService) OrderDetail(ctx context.Context, orderID, skuID ID, specialID string) (*TalentOrder, *Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(orderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(string(skuID)) == "" {
		p = append(p, vcart.FieldError{Field: "sku_id", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("get talent order", err)
	}
	body := struct {
		OrderID   ID     `json:"order_id"`
		SKUID     ID     `json:"sku_id"`
		SpecialID string `json:"special_id,omitempty"`
	}{orderID, skuID, specialID}
	var out TalentOrder
	resp, err := s.client.call(ctx, &request{ep: epTalentOrderDetail, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get talent order "+string(orderID), err)
	}
	return &out, resp, nil
}

// TalentWindowRef is a product of the talent's showcase (达人橱窗).
type TalentWindowRef struct {
	ProductID    ID     `json:"product_id"`
	AppID        string `json:"appid,omitempty"`
	OutProductID string `json:"out_product_id,omitempty"`
	// ProductSource is the product's source as the platform sends it.
	ProductSource int64 `json:"product_source"`
}

// TalentWindowPage is one page of the showcase.
type TalentWindowPage struct {
	Products []TalentWindowRef `json:"products"`
	// LastBuffer is the cursor of the next page.
	LastBuffer string `json:"last_buffer"`
}

// WindowProducts returns a page of the talent's showcase products
// (获取达人橱窗商品列表): by cursor (lastBuffer, "" for the first page) or
// by page number (pageIndex from 1; 0 to page by cursor).
//
// WeChat API: POST /channels/ec/talent/window/product/list/get
func (s *TalentService) WindowProducts(ctx context.Context, pageSize, pageIndex int, lastBuffer string) (*TalentWindowPage, *Response, error) {
	var p []vcart.FieldError
	if pageSize < 1 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be at least 1"})
	}
	if pageIndex < 0 {
		p = append(p, vcart.FieldError{Field: "page_index", Code: "range", Msg: "must not be negative"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list talent window", err)
	}
	body := struct {
		PageSize   int    `json:"page_size"`
		PageIndex  int    `json:"page_index,omitempty"`
		LastBuffer string `json:"last_buffer,omitempty"`
	}{pageSize, pageIndex, lastBuffer}
	var out TalentWindowPage
	resp, err := s.client.call(ctx, &request{ep: epTalentWindowList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list talent window", err)
	}
	return &out, resp, nil
}

// TalentWindowPageSize is the page size [TalentService.WindowProductsIter]
// asks for.
const TalentWindowPageSize = 20

// WindowProductsIter iterates over every showcase product by cursor.
//
// WeChat API: POST /channels/ec/talent/window/product/list/get
func (s *TalentService) WindowProductsIter(ctx context.Context) iter.Seq2[TalentWindowRef, error] {
	return paginate(ctx, "", func(ctx context.Context, key string) ([]TalentWindowRef, string, error) {
		pg, _, err := s.WindowProducts(ctx, TalentWindowPageSize, 0, key)
		if err != nil {
			return nil, "", err
		}
		if len(pg.Products) < TalentWindowPageSize {
			return pg.Products, "", nil
		}
		return pg.Products, pg.LastBuffer, nil
	})
}

// TalentWindowProduct is a showcase product's detail (橱窗商品详情).
// SellingPrice is fen.
type TalentWindowProduct struct {
	ProductID      ID     `json:"product_id"`
	AppID          string `json:"appid,omitempty"`
	OutProductID   string `json:"out_product_id,omitempty"`
	Title          string `json:"title"`
	ImgURL         string `json:"img_url"`
	LeafCategoryID int64  `json:"leaf_category_id"`
	Status         int64  `json:"status"`
	SellingPrice   int64  `json:"selling_price"`
	Stock          int64  `json:"stock"`
	Sales          int64  `json:"sales"`
	IsHide         bool   `json:"is_hide"`
	// ProductPromotionLink is the product's promotion link (推广链接) for
	// mini-programs opening the shop.
	ProductPromotionLink string `json:"product_promotion_link,omitempty"`
}

// WindowProduct returns a showcase product (获取达人橱窗商品详情).
//
// WeChat API: POST /channels/ec/talent/window/product/get
func (s *TalentService) WindowProduct(ctx context.Context, productID ID) (*TalentWindowProduct, *Response, error) {
	if strings.TrimSpace(string(productID)) == "" {
		return nil, nil, errorf("get talent window product", vcart.NewValidationError([]vcart.FieldError{{Field: "product_id", Code: "required", Msg: "must not be empty"}}))
	}
	body := struct {
		ProductID ID `json:"product_id"`
	}{productID}
	var out struct {
		Product TalentWindowProduct `json:"product"`
	}
	resp, err := s.client.call(ctx, &request{ep: epTalentWindowProduct, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get talent window product "+string(productID), err)
	}
	return &out.Product, resp, nil
}
