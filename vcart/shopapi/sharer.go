package shopapi

import (
	"context"
	"encoding/json"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Sharers (分享员): people who share the shop's products and are credited
// with the orders they bring. Ordinary sharers (普通分享员) are invited with
// Bind; shop sharers (店铺分享员) are invited in the shop's admin pages.

var (
	epSharerBind      = ep("/channels/ec/sharer/bind")
	epSharerList      = ep("/channels/ec/sharer/get_sharer_list")
	epSharerOrderList = ep("/channels/ec/sharer/get_sharer_order_list")
	epSharerSearch    = ep("/channels/ec/sharer/search_sharer")
	epSharerUnbind    = ep("/channels/ec/sharer/unbind")
)

// SharerType is a sharer's kind (分享员类型).
type SharerType int

// Sharer types.
const (
	SharerOrdinary SharerType = 0 // 普通分享员
	SharerShop     SharerType = 1 // 店铺分享员
)

// ShareScene is where a sharer shared (分享场景, the page's ShareScene enum;
// 3 is a short video in the order-list example).
type ShareScene int

// SharerInvite is the answer of bind: an invitation QR code valid 15 days.
type SharerInvite struct {
	// QrcodeImg is the image's bytes as the platform sends them.
	QrcodeImg string `json:"qrcode_img"`
	// QrcodeImgBase64 is the image base64-encoded.
	QrcodeImgBase64 string `json:"qrcode_img_base64"`
}

// Bind makes an invitation QR code for an ordinary sharer (邀请分享员):
// for username (a WeChat id) alone, or for anyone when username is empty.
// The platform caps ordinary sharers at 10.
//
// WeChat API: POST /channels/ec/sharer/bind
func (s *SharerService) Bind(ctx context.Context, username string) (*SharerInvite, *Response, error) {
	body := struct {
		Username string `json:"username,omitempty"`
	}{username}
	var out SharerInvite
	resp, err := s.client.call(ctx, &request{ep: epSharerBind, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("bind sharer", err)
	}
	return &out, resp, nil
}

// SharerUnbindResult splits an unbind by outcome.
type SharerUnbindResult struct {
	SuccessOpenID []string `json:"success_openid"`
	// FailOpenID can be retried.
	FailOpenID []string `json:"fail_openid"`
	// RefuseOpenID cannot (a wrong openid, or bound less than a day ago).
	RefuseOpenID []string `json:"refuse_openid"`
}

// Unbind unbinds ordinary sharers (解绑分享员).
//
// WeChat API: POST /channels/ec/sharer/unbind
func (s *SharerService) Unbind(ctx context.Context, openids []string) (*SharerUnbindResult, *Response, error) {
	var p []vcart.FieldError
	if len(openids) == 0 {
		p = append(p, vcart.FieldError{Field: "openid_list", Code: "required", Msg: "at least one openid"})
	}
	for _, id := range openids {
		if id == "" {
			p = append(p, vcart.FieldError{Field: "openid_list", Code: "required", Msg: "an openid is empty"})
			break
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("unbind sharers", err)
	}
	body := struct {
		OpenIDList []string `json:"openid_list"`
	}{openids}
	var out SharerUnbindResult
	resp, err := s.client.call(ctx, &request{ep: epSharerUnbind, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("unbind sharers", err)
	}
	return &out, resp, nil
}

// Sharer is a bound sharer (分享员信息).
type Sharer struct {
	OpenID   string `json:"openid"`
	Nickname string `json:"nickname"`
	// BindTime is when the sharer was bound (Unix seconds).
	BindTime   int64      `json:"bind_time"`
	SharerType SharerType `json:"sharer_type"`
	UnionID    string     `json:"unionid"`
}

// Search returns a bound sharer by openid or WeChat id (获取绑定的分享员);
// an unbound one comes back empty (OpenID "").
//
// WeChat API: POST /channels/ec/sharer/search_sharer
func (s *SharerService) Search(ctx context.Context, openid, username string) (*Sharer, *Response, error) {
	if openid == "" && username == "" {
		return nil, nil, errorf("search sharer", vcart.NewValidationError([]vcart.FieldError{{Field: "openid", Code: "required", Msg: "give an openid or a username"}}))
	}
	body := struct {
		OpenID   string `json:"openid,omitempty"`
		Username string `json:"username,omitempty"`
	}{openid, username}
	var out Sharer
	resp, err := s.client.call(ctx, &request{ep: epSharerSearch, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("search sharer", err)
	}
	return &out, resp, nil
}

// List returns page page (from 1) of pageSize (1..100) bound sharers of a
// type (获取绑定的分享员列表).
//
// WeChat API: POST /channels/ec/sharer/get_sharer_list
func (s *SharerService) List(ctx context.Context, sharerType SharerType, page, pageSize int) ([]Sharer, *Response, error) {
	p := checkPageNum("page", &page, nil)
	p = checkPageSize("page_size", &pageSize, p)
	if sharerType != SharerOrdinary && sharerType != SharerShop {
		p = append(p, vcart.FieldError{Field: "sharer_type", Code: "enum", Msg: "must be 0 (ordinary) or 1 (shop)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list sharers", err)
	}
	body := struct {
		Page       int        `json:"page"`
		PageSize   int        `json:"page_size"`
		SharerType SharerType `json:"sharer_type"`
	}{page, pageSize, sharerType}
	var out struct {
		SharerInfoList []Sharer `json:"sharer_info_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epSharerList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list sharers", err)
	}
	return out.SharerInfoList, resp, nil
}

// FinderSceneInfo is the Channels scene of a sharer's order (视频号场景),
// set for orders made from a channel's window, live room, home page or
// short video.
type FinderSceneInfo struct {
	PromoterID     string `json:"promoter_id"`
	FinderNickname string `json:"finder_nickname"`
	LiveExportID   string `json:"live_export_id"`
	VideoExportID  string `json:"video_export_id"`
	VideoTitle     string `json:"video_title"`
}

// SharerOrder is an order line a sharer brought (分享员订单).
type SharerOrder struct {
	OrderID ID `json:"order_id"`
	// ShareScene is the scene; the example names it share_scene, the
	// field table sharer_scene: both are read.
	ShareScene      ShareScene       `json:"share_scene"`
	SharerOpenID    string           `json:"sharer_openid"`
	SharerType      SharerType       `json:"sharer_type"`
	SKUID           ID               `json:"sku_id"`
	ProductID       ID               `json:"product_id"`
	FromWecom       bool             `json:"from_wecom"`
	FinderSceneInfo *FinderSceneInfo `json:"finder_scene_info,omitempty"`
}

// UnmarshalJSON reads share_scene or its table spelling sharer_scene.
func (o *SharerOrder) UnmarshalJSON(b []byte) error {
	type plain SharerOrder
	var v struct {
		plain
		SharerScene *ShareScene `json:"sharer_scene"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*o = SharerOrder(v.plain)
	if v.SharerScene != nil && o.ShareScene == 0 {
		o.ShareScene = *v.SharerScene
	}
	return nil
}

// SharerOrderOptions selects a sharer's orders. StartTime and EndTime bound
// the orders' create time (Unix seconds).
type SharerOrderOptions struct {
	OpenID     string     `json:"openid,omitempty"`
	ShareScene ShareScene `json:"share_scene,omitempty"`
	Page       int        `json:"page"`
	PageSize   int        `json:"page_size"`
	StartTime  int64      `json:"start_time,omitempty"`
	EndTime    int64      `json:"end_time,omitempty"`
}

// Orders returns a page of the orders sharers brought (获取分享员订单列表);
// only orders made in Channels scenes carry FinderSceneInfo.
// [SharerSales] turns them into vcart/kpi's per-sharer report.
//
// WeChat API: POST /channels/ec/sharer/get_sharer_order_list
func (s *SharerService) Orders(ctx context.Context, opts *SharerOrderOptions) ([]SharerOrder, *Response, error) {
	var o SharerOrderOptions
	if opts != nil {
		o = *opts
	}
	p := checkPageNum("page", &o.Page, nil)
	p = checkPageSize("page_size", &o.PageSize, p)
	if o.EndTime != 0 && o.EndTime < o.StartTime {
		p = append(p, vcart.FieldError{Field: "end_time", Code: "range", Msg: "must not be before start_time"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list sharer orders", err)
	}
	var out struct {
		OrderList []SharerOrder `json:"order_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epSharerOrderList, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list sharer orders", err)
	}
	return out.OrderList, resp, nil
}
