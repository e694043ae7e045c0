package shopapi

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"mime/multipart"
	"net/url"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Mini-program gifts (小程序送礼, cooperation_gift): a mini-program linked to
// shops sends their products as gifts. A shop authorises a gift activity
// (礼物活动) with prize products; the mini-program creates and sends a
// present order (礼物单) to a user, or sets who receives each sub-order; a
// present has sub-orders, one per receiver. The -旧 (legacy) endpoints
// read the same presents in the older shapes. The mini-program can also
// upload material for a user (open/upload) and get a file's download link
// (open/get_download_url).

var (
	epPresentActivityList = ep("/channels/ec/b2c/activity/list/promoter/get")
	epPresentActivityInfo = ep("/channels/ec/b2c/activity/info/promoter/get")
	epPresentCreate       = ep("/channels/ec/order/presentorder/create")
	epPresentReceiverSet  = ep("/channels/ec/order/presentorder/receiver/set")
	epPresentGet          = ep("/channels/ec/order/present/get")
	epPresentList         = ep("/channels/ec/order/presentlist/get")
	epReceiverOrderList   = ep("/channels/ec/order/receiverorderlist/get")
	epPresentOrderGet     = ep("/channels/ec/order/presentorder/get")
	epPresentOrderList    = ep("/channels/ec/order/presentorderlist/get")
	epOpenUpload          = ep("/channels/ec/open/upload")
	epOpenDownloadURL     = ep("/channels/ec/open/get_download_url")
)

// PresentActivitySummary is an activity of the list (小店礼物活动).
type PresentActivitySummary struct {
	ShopAppID    string `json:"shop_appid"`
	ShopNickname string `json:"shop_nickname"`
	ActivityID   ID     `json:"activity_id"`
}

// PresentActivities lists the gift activities shops authorised to this
// mini-program (查询小店礼物活动列表), offset/limit paged; total is the count.
//
// WeChat API: POST /channels/ec/b2c/activity/list/promoter/get
func (s *MiniProgramService) PresentActivities(ctx context.Context, offset, limit int) (list []PresentActivitySummary, total int64, resp *Response, err error) {
	var p []vcart.FieldError
	if offset < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "must not be negative"})
	}
	if limit < 1 || limit > 100 {
		p = append(p, vcart.FieldError{Field: "limit", Code: "range", Msg: "must be 1..100"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, 0, nil, errorf("list gift activities", err)
	}
	body := struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}{offset, limit}
	var out struct {
		List     []PresentActivitySummary `json:"list"`
		TotalNum Int64                    `json:"total_num"`
	}
	resp, err = s.client.call(ctx, &request{ep: epPresentActivityList, body: body}, &out)
	if err != nil {
		return nil, 0, resp, errorf("list gift activities", err)
	}
	return out.List, int64(out.TotalNum), resp, nil
}

// PresentActivity is an activity's detail (礼物活动详情). The example sends
// the times, price and stock as strings; [Int64] reads both forms.
type PresentActivity struct {
	ActivityID ID `json:"activity_id"`
	Info       struct {
		BasicInfo struct {
			// ActivityStartTime and ActivityEndTime are Unix seconds.
			ActivityStartTime Int64 `json:"activity_start_time"`
			ActivityEndTime   Int64 `json:"activity_end_time"`
			ShopInfo          struct {
				Nickname string `json:"nickname"`
				AppID    string `json:"appid"`
			} `json:"shop_info"`
		} `json:"basic_info"`
		PrizeInfo struct {
			ProductInfoList []PresentPrize `json:"product_info_list"`
		} `json:"prize_info"`
	} `json:"info"`
	// Status is the activity's status as the platform sends it.
	Status int `json:"status"`
}

// PresentPrize is a prize product of an activity.
type PresentPrize struct {
	ProductID     ID     `json:"product_id"`
	SKUID         ID     `json:"sku_id"`
	ProductImgURL string `json:"product_img_url"`
	ProductName   string `json:"product_name"`
	SKUName       string `json:"sku_name"`
	// Price is in fen (分).
	Price          Int64 `json:"price"`
	StockNum       Int64 `json:"stock_num"`
	CanUseStockNum Int64 `json:"can_use_stock_num"`
}

// PresentActivity returns an activity's detail (查询礼物活动详情).
//
// WeChat API: POST /channels/ec/b2c/activity/info/promoter/get
func (s *MiniProgramService) PresentActivity(ctx context.Context, shopAppID string, activityID ID) (*PresentActivity, *Response, error) {
	var p []vcart.FieldError
	if shopAppID == "" {
		p = append(p, vcart.FieldError{Field: "shop_appid", Code: "required", Msg: "is required"})
	}
	if activityID == "" {
		p = append(p, vcart.FieldError{Field: "activity_id", Code: "required", Msg: "is required"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("get gift activity", err)
	}
	body := struct {
		ShopAppID  string `json:"shop_appid"`
		ActivityID ID     `json:"activity_id"`
	}{shopAppID, activityID}
	var out struct {
		Activity PresentActivity `json:"activity"`
	}
	resp, err := s.client.call(ctx, &request{ep: epPresentActivityInfo, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get gift activity "+string(activityID), err)
	}
	return &out.Activity, resp, nil
}

// PresentCreateRequest creates and sends a present (创建并发送礼物).
type PresentCreateRequest struct {
	ActivityID  ID     `json:"activity_id"`
	OpenID      string `json:"openid"`
	ShopAppID   string `json:"shop_appid"`
	WishMessage string `json:"wishmessage"`
	ProductID   ID     `json:"product_id"`
	SKUID       ID     `json:"sku_id"`
}

// CreatePresent creates a present of an activity's prize for the user
// openID and returns its present_order_id. It is not retried after an
// ambiguous failure: list the presents before creating it again.
//
// WeChat API: POST /channels/ec/order/presentorder/create
func (s *MiniProgramService) CreatePresent(ctx context.Context, req *PresentCreateRequest) (ID, *Response, error) {
	if req == nil {
		return "", nil, errorf("create present", errNilRequest())
	}
	var p []vcart.FieldError
	for _, f := range []struct{ name, v string }{{"activity_id", string(req.ActivityID)}, {"openid", req.OpenID},
		{"shop_appid", req.ShopAppID}, {"product_id", string(req.ProductID)}, {"sku_id", string(req.SKUID)}} {
		if f.v == "" {
			p = append(p, vcart.FieldError{Field: f.name, Code: "required", Msg: "is required"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("create present", err)
	}
	var out struct {
		PresentOrderID ID `json:"present_order_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epPresentCreate, body: req}, &out)
	if err != nil {
		return "", resp, errorf("create present", err)
	}
	return out.PresentOrderID, resp, nil
}

// PresentReceiver names the receiver of one sub-order.
type PresentReceiver struct {
	OrderID ID     `json:"order_id"`
	OpenID  string `json:"openid"`
}

// SetPresentReceivers sets who receives each sub-order of a present sent
// through this mini-program (指定礼物收礼者).
//
// WeChat API: POST /channels/ec/order/presentorder/receiver/set
func (s *MiniProgramService) SetPresentReceivers(ctx context.Context, presentOrderID ID, receivers []PresentReceiver) (*Response, error) {
	var p []vcart.FieldError
	if presentOrderID == "" {
		p = append(p, vcart.FieldError{Field: "present_order_id", Code: "required", Msg: "is required"})
	}
	if len(receivers) == 0 {
		p = append(p, vcart.FieldError{Field: "sub_order_list", Code: "required", Msg: "is required"})
	}
	for i, r := range receivers {
		if r.OrderID == "" || r.OpenID == "" {
			p = append(p, vcart.FieldError{Field: "sub_order_list[" + itoa(i) + "]", Code: "required", Msg: "order_id and openid are required"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("set present receivers", err)
	}
	body := struct {
		PresentOrderID ID                `json:"present_order_id"`
		SubOrderList   []PresentReceiver `json:"sub_order_list"`
	}{presentOrderID, receivers}
	resp, err := s.client.call(ctx, &request{ep: epPresentReceiverSet, body: body}, nil)
	if err != nil {
		return resp, errorf("set present receivers "+string(presentOrderID), err)
	}
	return resp, nil
}

// Present is a present order (礼物单).
type Present struct {
	PresentOrderID ID `json:"present_order_id"`
	// CreateTime is Unix seconds.
	CreateTime    int64 `json:"create_time"`
	PresentDetail struct {
		PriceInfo struct {
			// OrderPrice is the present's price in fen (分).
			OrderPrice int64 `json:"order_price"`
		} `json:"price_info"`
		PayInfo struct {
			// PayTime is Unix seconds.
			PayTime int64 `json:"pay_time"`
		} `json:"pay_info"`
		WishMessage string `json:"wishmessage"`
	} `json:"present_detail"`
	SubOrderList []PresentSubOrder `json:"sub_order_list"`
	// IsB2CFreePresent is true when the shop gives its own product for
	// free (no payment).
	IsB2CFreePresent bool `json:"is_b2c_free_present"`
	ActivityID       ID   `json:"activity_id"`
}

// PresentSubOrder is a present's sub-order; OpenID is its receiver, empty
// until set.
type PresentSubOrder struct {
	OrderID ID          `json:"order_id"`
	OpenID  string      `json:"openid,omitempty"`
	Status  OrderStatus `json:"status"`
}

// Present returns a present sent through this mini-program (查询礼物订单详情).
//
// WeChat API: POST /channels/ec/order/present/get
func (s *MiniProgramService) Present(ctx context.Context, presentOrderID ID) (*Present, *Response, error) {
	if presentOrderID == "" {
		return nil, nil, errorf("get present", vcart.NewValidationError([]vcart.FieldError{{Field: "present_order_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		PresentOrderID ID `json:"present_order_id"`
	}{presentOrderID}
	var out struct {
		Present Present `json:"present"`
	}
	resp, err := s.client.call(ctx, &request{ep: epPresentGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get present "+string(presentOrderID), err)
	}
	return &out.Present, resp, nil
}

// TimeRange is a [start, end] range of Unix seconds.
type TimeRange struct {
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
}

// MaxPresentRange is the widest time range of the present lists (7 days).
const MaxPresentRange = 7 * 24 * 3600

// PresentListOptions selects presents by creation or update time (at least
// one range, each at most 7 days) in a shop; PageSize is 1..100.
type PresentListOptions struct {
	ShopAppID       string     `json:"shop_appid"`
	CreateTimeRange *TimeRange `json:"create_time_range,omitempty"`
	UpdateTimeRange *TimeRange `json:"update_time_range,omitempty"`
	PageSize        int        `json:"page_size"`
	NextKey         string     `json:"next_key,omitempty"`
}

func checkPresentRanges(shopAppID string, create, update *TimeRange, pageSize int) []vcart.FieldError {
	var p []vcart.FieldError
	if shopAppID == "" {
		p = append(p, vcart.FieldError{Field: "shop_appid", Code: "required", Msg: "is required"})
	}
	if create == nil && update == nil {
		p = append(p, vcart.FieldError{Field: "create_time_range", Code: "required", Msg: "a creation or update time range is required"})
	}
	for name, r := range map[string]*TimeRange{"create_time_range": create, "update_time_range": update} {
		if r != nil && (r.EndTime < r.StartTime || r.EndTime-r.StartTime > MaxPresentRange) {
			p = append(p, vcart.FieldError{Field: name, Code: "range", Msg: "end must follow start by at most 7 days"})
		}
	}
	if pageSize < 1 || pageSize > 100 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1..100"})
	}
	return p
}

// Presents lists the ids of presents sent through this mini-program
// (查询礼物订单列表) and the next page's key ("" on the last page).
//
// WeChat API: POST /channels/ec/order/presentlist/get
func (s *MiniProgramService) Presents(ctx context.Context, opts PresentListOptions) (ids []ID, nextKey string, resp *Response, err error) {
	if err := vcart.NewValidationError(checkPresentRanges(opts.ShopAppID, opts.CreateTimeRange, opts.UpdateTimeRange, opts.PageSize)); err != nil {
		return nil, "", nil, errorf("list presents", err)
	}
	var out struct {
		PresentOrderList []struct {
			PresentOrderID ID `json:"present_order_id"`
		} `json:"present_order_list"`
		NextKey string `json:"next_key"`
	}
	resp, err = s.client.call(ctx, &request{ep: epPresentList, body: opts}, &out)
	if err != nil {
		return nil, "", resp, errorf("list presents", err)
	}
	for _, p := range out.PresentOrderList {
		ids = append(ids, p.PresentOrderID)
	}
	return ids, out.NextKey, resp, nil
}

// PresentsIter yields every present id of opts, page after page.
func (s *MiniProgramService) PresentsIter(ctx context.Context, opts PresentListOptions) iter.Seq2[ID, error] {
	return paginate(ctx, opts.NextKey, func(ctx context.Context, key string) ([]ID, string, error) {
		o := opts
		o.NextKey = key
		ids, next, _, err := s.Presents(ctx, o)
		return ids, next, err
	})
}

// ReceiverOrderListOptions selects the orders a user received through this
// mini-program.
type ReceiverOrderListOptions struct {
	ShopAppID       string     `json:"shop_appid"`
	PageSize        int        `json:"page_size"`
	OpenID          string     `json:"openid"`
	CreateTimeRange *TimeRange `json:"create_time_range,omitempty"`
	UpdateTimeRange *TimeRange `json:"update_time_range,omitempty"`
	NextKey         string     `json:"next_key,omitempty"`
}

// ReceivedOrder is an order a user received, with its present.
type ReceivedOrder struct {
	PresentOrderID ID `json:"present_order_id"`
	OrderID        ID `json:"order_id"`
}

// ReceiverOrders lists the orders a receiver got through this mini-program
// (查询收礼者订单列表).
//
// WeChat API: POST /channels/ec/order/receiverorderlist/get
func (s *MiniProgramService) ReceiverOrders(ctx context.Context, opts ReceiverOrderListOptions) ([]ReceivedOrder, string, *Response, error) {
	p := checkPresentRanges(opts.ShopAppID, opts.CreateTimeRange, opts.UpdateTimeRange, opts.PageSize)
	if opts.OpenID == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "is required"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, "", nil, errorf("list receiver orders", err)
	}
	var out struct {
		OrderList []ReceivedOrder `json:"order_list"`
		NextKey   string          `json:"next_key"`
	}
	resp, err := s.client.call(ctx, &request{ep: epReceiverOrderList, body: opts}, &out)
	if err != nil {
		return nil, "", resp, errorf("list receiver orders", err)
	}
	return out.OrderList, out.NextKey, resp, nil
}

// LegacyPresentOrder is a present in the older shape (礼物订单详情-旧).
type LegacyPresentOrder struct {
	Ecsgift struct {
		Gifts struct {
			Gift []LegacyGift `json:"gift"`
		} `json:"gifts"`
		// WishMessage is here in the field table, in each gift in the
		// example; both are read.
		WishMessage string `json:"wishmessage,omitempty"`
		// UserType is the viewer's role (用户视角), as the platform sends it.
		UserType int `json:"user_type"`
	} `json:"ecsgift"`
	// CannotReceive and CannotReceiveTips say whether the user can accept.
	CannotReceive     int    `json:"cannot_receive,omitempty"`
	CannotReceiveTips string `json:"cannot_receive_tips,omitempty"`
}

// LegacyGift is one gift of a [LegacyPresentOrder]. The field table names
// the id orderid, the example order_id (a bare 64-bit number): both are
// read.
type LegacyGift struct {
	OrderID     ID     `json:"order_id,omitempty"`
	OrderIDAlt  ID     `json:"orderid,omitempty"`
	WishMessage string `json:"wishmessage,omitempty"`
	GiftStatus  int    `json:"giftstatus"`
	ExpiredTime int64  `json:"expired_time,omitempty"`
}

// ID returns the gift's present id, whichever name the platform used.
func (g LegacyGift) ID() ID {
	if g.OrderID != "" {
		return g.OrderID
	}
	return g.OrderIDAlt
}

// LegacyPresentOrder returns a present in the older shape
// (查询礼物订单详情-旧). The example names the user open_id, the field
// table openid; the example's name is sent.
//
// WeChat API: POST /channels/ec/order/presentorder/get
func (s *MiniProgramService) LegacyPresentOrder(ctx context.Context, presentOrderID ID, openID string) (*LegacyPresentOrder, *Response, error) {
	if presentOrderID == "" {
		return nil, nil, errorf("get present order", vcart.NewValidationError([]vcart.FieldError{{Field: "present_order_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		PresentOrderID ID     `json:"present_order_id"`
		OpenID         string `json:"open_id,omitempty"`
	}{presentOrderID, openID}
	var out struct {
		PresentOrderInfo LegacyPresentOrder `json:"present_order_info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epPresentOrderGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get present order "+string(presentOrderID), err)
	}
	return &out.PresentOrderInfo, resp, nil
}

// LegacyPresentListOptions selects presents in the older list. The example
// sends open_id and the range's times as strings, the field table openid
// and numbers; the client sends the example's forms.
type LegacyPresentListOptions struct {
	ShopAppID       string           `json:"shop_appid"`
	OpenID          string           `json:"open_id,omitempty"`
	CreateTimeRange *LegacyTimeRange `json:"create_time_range,omitempty"`
	UpdateTimeRange *LegacyTimeRange `json:"update_time_range,omitempty"`
	PageSize        int              `json:"page_size"`
	NextKey         string           `json:"next_key,omitempty"`
}

// LegacyTimeRange is a time range whose Unix seconds travel as strings.
type LegacyTimeRange struct {
	StartTime int64 `json:"start_time,string"`
	EndTime   int64 `json:"end_time,string"`
}

// LegacyPresent is a present of the older list with its order ids.
type LegacyPresent struct {
	PresentOrderID ID   `json:"present_order_id"`
	OrderID        []ID `json:"order_id"`
}

// LegacyPresents lists presents in the older shape (查询礼物订单列表-旧).
//
// WeChat API: POST /channels/ec/order/presentorderlist/get
func (s *MiniProgramService) LegacyPresents(ctx context.Context, opts LegacyPresentListOptions) ([]LegacyPresent, string, *Response, error) {
	var p []vcart.FieldError
	if opts.ShopAppID == "" {
		p = append(p, vcart.FieldError{Field: "shop_appid", Code: "required", Msg: "is required"})
	}
	if opts.PageSize < 1 || opts.PageSize > 100 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1..100"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, "", nil, errorf("list present orders", err)
	}
	var out struct {
		PresentOrderList legacyPresentList `json:"present_order_list"`
		NextKey          string            `json:"next_key"`
	}
	resp, err := s.client.call(ctx, &request{ep: epPresentOrderList, body: opts}, &out)
	if err != nil {
		return nil, "", resp, errorf("list present orders", err)
	}
	return out.PresentOrderList, out.NextKey, resp, nil
}

// legacyPresentList decodes an array of presents or, as one page's example
// prints it, a single object.
type legacyPresentList []LegacyPresent

func (l *legacyPresentList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var one LegacyPresent
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*l = legacyPresentList{one}
		return nil
	}
	return json.Unmarshal(b, (*[]LegacyPresent)(l))
}

// MaxOpenUploadURLBytes and MaxOpenUploadBytes cap the material of
// [MiniProgramService.Upload] (a file URL, < 50 MB) and
// [MiniProgramService.UploadData] (the bytes, < 10 MB).
const (
	MaxOpenUploadURLBytes = 50 << 20
	MaxOpenUploadBytes    = 10 << 20
)

// Upload makes the platform fetch a user's material (a picture, CAD, 3dMax,
// archive, PDF, Excel or Word file under 50 MB) from fileURL, for a
// customised product the shop makes after the order (上传资料,
// upload_type 1), and returns its media_id. The page asks for a
// multipart/form-data header, its example and peers send JSON: the client
// sends JSON.
//
// WeChat API: POST /channels/ec/open/upload
func (s *MiniProgramService) Upload(ctx context.Context, openID, fileURL string) (mediaID string, resp *Response, err error) {
	var p []vcart.FieldError
	if openID == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "is required"})
	}
	if fileURL == "" {
		p = append(p, vcart.FieldError{Field: "file_url", Code: "required", Msg: "is required"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("open upload", err)
	}
	body := struct {
		OpenID  string `json:"openid"`
		FileURL string `json:"file_url"`
	}{openID, fileURL}
	return s.openUpload(ctx, &request{ep: epOpenUpload, query: url.Values{"upload_type": {"1"}}, body: body})
}

// UploadData uploads a user's material as bytes (upload_type 0, the
// multipart field "file", under 10 MB) and returns its media_id.
//
// WeChat API: POST /channels/ec/open/upload
func (s *MiniProgramService) UploadData(ctx context.Context, openID, filename string, data []byte) (mediaID string, resp *Response, err error) {
	var p []vcart.FieldError
	if openID == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "is required"})
	}
	if len(data) == 0 || len(data) >= MaxOpenUploadBytes {
		p = append(p, vcart.FieldError{Field: "file", Code: "size", Msg: "must be 1 byte..10 MB"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("open upload", err)
	}
	if filename == "" {
		filename = "material"
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile("file", filename)
	if err == nil {
		_, err = fw.Write(data)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return "", nil, errorf("open upload", err)
	}
	q := url.Values{"upload_type": {"0"}, "openid": {openID}}
	return s.openUpload(ctx, &request{ep: epOpenUpload, query: q, rawBody: buf.Bytes(), contentType: w.FormDataContentType()})
}

func (s *MiniProgramService) openUpload(ctx context.Context, req *request) (string, *Response, error) {
	var out struct {
		MediaID string `json:"media_id"`
	}
	resp, err := s.client.call(ctx, req, &out)
	if err != nil {
		return "", resp, errorf("open upload", err)
	}
	return out.MediaID, resp, nil
}

// DownloadURL returns a temporary download link of the file of a user's
// order (获取文件下载链接) and when it expires (expire_time, as the
// platform sends it).
//
// WeChat API: POST /channels/ec/open/get_download_url
func (s *MiniProgramService) DownloadURL(ctx context.Context, openID string, orderID ID) (link string, expireTime int64, resp *Response, err error) {
	var p []vcart.FieldError
	if openID == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "is required"})
	}
	if orderID == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "is required"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", 0, nil, errorf("get download url", err)
	}
	body := struct {
		OpenID  string `json:"openid"`
		OrderID ID     `json:"order_id"`
	}{openID, orderID}
	var out struct {
		URL        string `json:"url"`
		ExpireTime int64  `json:"expire_time"`
	}
	resp, err = s.client.call(ctx, &request{ep: epOpenDownloadURL, body: body}, &out)
	if err != nil {
		return "", 0, resp, errorf("get download url", err)
	}
	return out.URL, out.ExpireTime, resp, nil
}
