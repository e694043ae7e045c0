package shopapitest

import (
	"bytes"
	"encoding/json"
	"github.com/vcart-sdk/vcart-go/vcart"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Mini-program gifts (小程序送礼): activities the test seeds with
// [Server.AddPresentActivity], presents created from their prizes (each
// with one sub-order per gift), receivers, the new and legacy views, and
// the mini-program's material uploads.

func miniProgramGiftRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/b2c/activity/list/promoter/get", h: (*Server).hPresentActivityList},
		{method: http.MethodPost, path: "/channels/ec/b2c/activity/info/promoter/get", h: (*Server).hPresentActivityInfo},
		{method: http.MethodPost, path: "/channels/ec/order/presentorder/create", h: (*Server).hPresentCreate},
		{method: http.MethodPost, path: "/channels/ec/order/presentorder/receiver/set", h: (*Server).hPresentReceiverSet},
		{method: http.MethodPost, path: "/channels/ec/order/present/get", h: (*Server).hPresentGet},
		{method: http.MethodPost, path: "/channels/ec/order/presentlist/get", h: (*Server).hPresentList},
		{method: http.MethodPost, path: "/channels/ec/order/receiverorderlist/get", h: (*Server).hReceiverOrderList},
		{method: http.MethodPost, path: "/channels/ec/order/presentorder/get", h: (*Server).hPresentOrderLegacy},
		{method: http.MethodPost, path: "/channels/ec/order/presentorderlist/get", h: (*Server).hPresentOrderListLegacy},
		{method: http.MethodPost, path: "/channels/ec/open/upload", h: (*Server).hOpenUpload},
		{method: http.MethodPost, path: "/channels/ec/open/get_download_url", h: (*Server).hOpenDownloadURL},
	}
}

// PresentActivity is a gift activity a shop authorised to the
// mini-program.
type PresentActivity struct {
	// ShopAppID defaults to the fake's shop; ShopNickname to "假店".
	ShopAppID, ShopNickname string
	Start, End              time.Time
	Prizes                  []PresentPrize
}

// PresentPrize is a prize product of an activity.
type PresentPrize struct {
	ProductID, SKUID     vcart.ID
	ProductName, SKUName string
	PriceFen, Stock      int64
}

type presentActivityRec struct {
	a    PresentActivity
	used map[string]int64 // sku id → gifts sent
}

type presentRec struct {
	id, activityID, shopAppID, wish string
	created, paid                   int64
	priceFen                        int64
	subs                            []*presentSub
}

type presentSub struct {
	orderID, openid string
	status          int
}

type mpGiftState struct {
	activities map[string]*presentActivityRec
	actOrder   []string
	presents   map[string]*presentRec
	presOrder  []string
	media      map[string]string // media_id → openid
}

func (s *Server) mpGifts() *mpGiftState {
	return stateOf(s, "mp-gifts", func() *mpGiftState {
		return &mpGiftState{activities: map[string]*presentActivityRec{}, presents: map[string]*presentRec{}, media: map[string]string{}}
	})
}

// AddPresentActivity adds a gift activity and returns its id.
func (s *Server) AddPresentActivity(a PresentActivity) vcart.ID {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.ShopAppID == "" {
		a.ShopAppID = s.appID
	}
	if a.ShopNickname == "" {
		a.ShopNickname = "假店"
	}
	st := s.mpGifts()
	id := s.newID()
	st.activities[id] = &presentActivityRec{a: a, used: map[string]int64{}}
	st.actOrder = append(st.actOrder, id)
	return vcart.ID(id)
}

const (
	presentSubAwaitingReceiver = 12 // the example's state of a sub-order without a receiver
	presentSubAwaitingShipment = int(shopapi.OrderAwaitingShipment)
)

func (s *Server) hPresentActivityList(c *call) (any, error) {
	var req struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	st := s.mpGifts()
	page, _, err := pageOffset(st.actOrder, req.Offset, req.Limit, 100, shopapi.CodeInvalidRequestBody)
	if err != nil {
		return nil, err
	}
	type item struct {
		ShopAppID    string `json:"shop_appid"`
		ShopNickname string `json:"shop_nickname"`
		ActivityID   string `json:"activity_id"`
	}
	out := struct {
		List     []item `json:"list"`
		TotalNum int    `json:"total_num"`
	}{List: []item{}, TotalNum: len(st.actOrder)}
	for _, id := range page {
		a := st.activities[id].a
		out.List = append(out.List, item{a.ShopAppID, a.ShopNickname, id})
	}
	return out, nil
}

type mpPrizeAnswer struct {
	ProductID      string `json:"product_id"`
	SKUID          string `json:"sku_id"`
	ProductImgURL  string `json:"product_img_url"`
	ProductName    string `json:"product_name"`
	SKUName        string `json:"sku_name"`
	Price          string `json:"price"`
	StockNum       string `json:"stock_num"`
	CanUseStockNum string `json:"can_use_stock_num"`
}

type mpActivityAnswer struct {
	Activity struct {
		ActivityID string `json:"activity_id"`
		Info       struct {
			BasicInfo struct {
				ActivityStartTime string `json:"activity_start_time"`
				ActivityEndTime   string `json:"activity_end_time"`
				ShopInfo          struct {
					Nickname string `json:"nickname"`
					AppID    string `json:"appid"`
				} `json:"shop_info"`
			} `json:"basic_info"`
			PrizeInfo struct {
				ProductInfoList []mpPrizeAnswer `json:"product_info_list"`
			} `json:"prize_info"`
		} `json:"info"`
		Status int `json:"status"`
	} `json:"activity"`
}

// hPresentActivityInfo answers the activity with the example's string
// times, prices and stock.
func (s *Server) hPresentActivityInfo(c *call) (any, error) {
	var req struct {
		ShopAppID  string `json:"shop_appid"`
		ActivityID string `json:"activity_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	r := s.mpGifts().activities[req.ActivityID]
	if r == nil || r.a.ShopAppID != req.ShopAppID {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "activity not found")
	}
	var a mpActivityAnswer
	act := &a.Activity
	act.ActivityID = req.ActivityID
	b := &act.Info.BasicInfo
	b.ActivityStartTime, b.ActivityEndTime = strconv.FormatInt(r.a.Start.Unix(), 10), strconv.FormatInt(r.a.End.Unix(), 10)
	b.ShopInfo.Nickname, b.ShopInfo.AppID = r.a.ShopNickname, r.a.ShopAppID
	act.Info.PrizeInfo.ProductInfoList = []mpPrizeAnswer{}
	for _, p := range r.a.Prizes {
		act.Info.PrizeInfo.ProductInfoList = append(act.Info.PrizeInfo.ProductInfoList, mpPrizeAnswer{
			ProductID: string(p.ProductID), SKUID: string(p.SKUID), ProductImgURL: string("https://mmecimage.cn/p/fake/" + p.SKUID),
			ProductName: p.ProductName, SKUName: p.SKUName, Price: strconv.FormatInt(p.PriceFen, 10),
			StockNum: strconv.FormatInt(p.Stock, 10), CanUseStockNum: strconv.FormatInt(p.Stock-r.used[string(p.SKUID)], 10)})
	}
	act.Status = 1
	if now := s.now(); now.Before(r.a.Start) || !now.Before(r.a.End) {
		act.Status = 2
	}
	return a, nil
}

func (s *Server) hPresentCreate(c *call) (any, error) {
	var req struct {
		ActivityID  string `json:"activity_id"`
		OpenID      string `json:"openid"`
		ShopAppID   string `json:"shop_appid"`
		WishMessage string `json:"wishmessage"`
		ProductID   string `json:"product_id"`
		SKUID       string `json:"sku_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	st := s.mpGifts()
	r := st.activities[req.ActivityID]
	if r == nil || r.a.ShopAppID != req.ShopAppID || req.OpenID == "" {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid activity or openid")
	}
	if now := s.now(); now.Before(r.a.Start) || !now.Before(r.a.End) {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "activity not running")
	}
	var prize *PresentPrize
	for i := range r.a.Prizes {
		if string(r.a.Prizes[i].ProductID) == req.ProductID && string(r.a.Prizes[i].SKUID) == req.SKUID {
			prize = &r.a.Prizes[i]
		}
	}
	if prize == nil {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "product not a prize of the activity")
	}
	if r.used[string(prize.SKUID)] >= prize.Stock {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "prize out of stock")
	}
	r.used[string(prize.SKUID)]++
	now := s.now().Unix()
	p := &presentRec{id: s.newID(), activityID: req.ActivityID, shopAppID: req.ShopAppID, wish: req.WishMessage,
		created: now, paid: now, priceFen: prize.PriceFen,
		subs: []*presentSub{{orderID: s.newID(), openid: req.OpenID, status: presentSubAwaitingShipment}}}
	st.presents[p.id] = p
	st.presOrder = append(st.presOrder, p.id)
	return struct {
		PresentOrderID string `json:"present_order_id"`
	}{p.id}, nil
}

// AddPresentSubOrder adds a sub-order without a receiver to a present (a
// present for several people, whose receivers the mini-program sets) and
// returns its order id.
func (s *Server) AddPresentSubOrder(presentOrderID vcart.ID) (vcart.ID, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.mpGifts().presents[string(presentOrderID)]
	if p == nil {
		return "", apiErr(shopapi.CodeInvalidRequestBody, "present not found")
	}
	id := s.newID()
	p.subs = append(p.subs, &presentSub{orderID: id, status: presentSubAwaitingReceiver})
	return vcart.ID(id), nil
}

func (s *Server) presentOf(id string) (*presentRec, error) {
	if p := s.mpGifts().presents[id]; p != nil {
		return p, nil
	}
	return nil, apiErr(shopapi.CodeInvalidRequestBody, "present_order_id not found")
}

func (s *Server) hPresentReceiverSet(c *call) (any, error) {
	var req struct {
		PresentOrderID string `json:"present_order_id"`
		SubOrderList   []struct {
			OrderID string `json:"order_id"`
			OpenID  string `json:"openid"`
		} `json:"sub_order_list"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	p, err := s.presentOf(req.PresentOrderID)
	if err != nil {
		return nil, err
	}
	bySub := map[string]*presentSub{}
	for _, sub := range p.subs {
		bySub[sub.orderID] = sub
	}
	for _, r := range req.SubOrderList {
		sub := bySub[r.OrderID]
		if sub == nil || r.OpenID == "" || (sub.openid != "" && sub.openid != r.OpenID) {
			return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid sub order "+r.OrderID)
		}
	}
	for _, r := range req.SubOrderList {
		sub := bySub[r.OrderID]
		sub.openid, sub.status = r.OpenID, presentSubAwaitingShipment
	}
	return nil, nil
}

type presentSubAnswer struct {
	OrderID string `json:"order_id"`
	OpenID  string `json:"openid,omitempty"`
	Status  int    `json:"status"`
}

type presentAnswer struct {
	Present struct {
		PresentOrderID string `json:"present_order_id"`
		CreateTime     int64  `json:"create_time"`
		PresentDetail  struct {
			PriceInfo struct {
				OrderPrice int64 `json:"order_price"`
			} `json:"price_info"`
			PayInfo struct {
				PayTime int64 `json:"pay_time"`
			} `json:"pay_info"`
			WishMessage string `json:"wishmessage"`
		} `json:"present_detail"`
		SubOrderList     []presentSubAnswer `json:"sub_order_list"`
		IsB2CFreePresent bool               `json:"is_b2c_free_present"`
		ActivityID       string             `json:"activity_id"`
	} `json:"present"`
}

func (s *Server) hPresentGet(c *call) (any, error) {
	var req struct {
		PresentOrderID string `json:"present_order_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	p, err := s.presentOf(req.PresentOrderID)
	if err != nil {
		return nil, err
	}
	var a presentAnswer
	pa := &a.Present
	pa.PresentOrderID, pa.CreateTime, pa.ActivityID = p.id, p.created, p.activityID
	pa.PresentDetail.PriceInfo.OrderPrice = p.priceFen
	pa.PresentDetail.PayInfo.PayTime = p.paid
	pa.PresentDetail.WishMessage = p.wish
	for _, sub := range p.subs {
		pa.SubOrderList = append(pa.SubOrderList, presentSubAnswer{sub.orderID, sub.openid, sub.status})
	}
	return a, nil
}

type mpTimeRange struct {
	StartTime json.Number `json:"start_time"`
	EndTime   json.Number `json:"end_time"`
}

// in reports whether t is in the range (nil: any time); the legacy list
// sends the times as strings, the new ones as numbers: both are read.
func (r *mpTimeRange) in(t int64) bool {
	if r == nil {
		return true
	}
	start, _ := strconv.ParseInt(string(r.StartTime), 10, 64)
	end, _ := strconv.ParseInt(string(r.EndTime), 10, 64)
	return t >= start && t <= end
}

func (r *mpTimeRange) UnmarshalJSON(b []byte) error {
	var raw struct {
		StartTime json.RawMessage `json:"start_time"`
		EndTime   json.RawMessage `json:"end_time"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	num := func(m json.RawMessage) json.Number {
		var s string
		if json.Unmarshal(m, &s) == nil {
			return json.Number(s)
		}
		return json.Number(m)
	}
	r.StartTime, r.EndTime = num(raw.StartTime), num(raw.EndTime)
	return nil
}

// presentIDs returns the presents of a shop created (or paid, for the
// update range) in the ranges, oldest first.
func (s *Server) presentIDs(shop string, create, update *mpTimeRange, openid string) []string {
	var ids []string
	for _, id := range s.mpGifts().presOrder {
		p := s.mpGifts().presents[id]
		if p.shopAppID != shop || !create.in(p.created) || !update.in(p.paid) {
			continue
		}
		if openid != "" {
			has := false
			for _, sub := range p.subs {
				has = has || sub.openid == openid
			}
			if !has {
				continue
			}
		}
		ids = append(ids, id)
	}
	return ids
}

func (s *Server) hPresentList(c *call) (any, error) {
	var req struct {
		ShopAppID       string       `json:"shop_appid"`
		CreateTimeRange *mpTimeRange `json:"create_time_range"`
		UpdateTimeRange *mpTimeRange `json:"update_time_range"`
		PageSize        int          `json:"page_size"`
		NextKey         string       `json:"next_key"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.CreateTimeRange == nil && req.UpdateTimeRange == nil {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "a time range is required")
	}
	page, next, more, err := pageKey(s.presentIDs(req.ShopAppID, req.CreateTimeRange, req.UpdateTimeRange, ""), req.NextKey, req.PageSize, 100, shopapi.CodeInvalidRequestBody)
	if err != nil {
		return nil, err
	}
	type item struct {
		PresentOrderID string `json:"present_order_id"`
	}
	out := struct {
		PresentOrderList []item `json:"present_order_list"`
		NextKey          string `json:"next_key"`
	}{PresentOrderList: []item{}}
	for _, id := range page {
		out.PresentOrderList = append(out.PresentOrderList, item{id})
	}
	if more {
		out.NextKey = next
	}
	return out, nil
}

func (s *Server) hReceiverOrderList(c *call) (any, error) {
	var req struct {
		ShopAppID       string       `json:"shop_appid"`
		PageSize        int          `json:"page_size"`
		OpenID          string       `json:"openid"`
		CreateTimeRange *mpTimeRange `json:"create_time_range"`
		UpdateTimeRange *mpTimeRange `json:"update_time_range"`
		NextKey         string       `json:"next_key"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.OpenID == "" {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "openid required")
	}
	type item struct {
		PresentOrderID string `json:"present_order_id"`
		OrderID        string `json:"order_id"`
	}
	var all []item
	for _, id := range s.presentIDs(req.ShopAppID, req.CreateTimeRange, req.UpdateTimeRange, req.OpenID) {
		for _, sub := range s.mpGifts().presents[id].subs {
			if sub.openid == req.OpenID {
				all = append(all, item{id, sub.orderID})
			}
		}
	}
	keys := make([]string, len(all))
	for i := range all {
		keys[i] = strconv.Itoa(i)
	}
	page, next, more, err := pageKey(keys, req.NextKey, req.PageSize, 100, shopapi.CodeInvalidRequestBody)
	if err != nil {
		return nil, err
	}
	out := struct {
		OrderList []item `json:"order_list"`
		NextKey   string `json:"next_key"`
	}{OrderList: []item{}}
	for _, k := range page {
		i, _ := strconv.Atoi(k)
		out.OrderList = append(out.OrderList, all[i])
	}
	if more {
		out.NextKey = next
	}
	return out, nil
}

// hPresentOrderLegacy answers the legacy shape, as the example does: one
// gift per sub-order of the user (all of them without a user), named by
// the present's id, with giftstatus 0 until the user receives it, 1 then.
func (s *Server) hPresentOrderLegacy(c *call) (any, error) {
	var req struct {
		PresentOrderID json.Number `json:"present_order_id"`
		OpenID         string      `json:"open_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	p, err := s.presentOf(string(req.PresentOrderID))
	if err != nil {
		return nil, err
	}
	type gift struct {
		OrderID     json.Number `json:"order_id"`
		WishMessage string      `json:"wishmessage"`
		GiftStatus  int         `json:"giftstatus"`
	}
	var a struct {
		PresentOrderInfo struct {
			Ecsgift struct {
				Gifts struct {
					Gift []gift `json:"gift"`
				} `json:"gifts"`
				UserType int `json:"user_type"`
			} `json:"ecsgift"`
		} `json:"present_order_info"`
	}
	eg := &a.PresentOrderInfo.Ecsgift
	eg.Gifts.Gift = []gift{}
	eg.UserType = 1
	for _, sub := range p.subs {
		if req.OpenID != "" && sub.openid != req.OpenID {
			continue
		}
		st := 0
		if sub.openid != "" {
			st = 1
			if sub.openid == req.OpenID {
				eg.UserType = 2
			}
		}
		eg.Gifts.Gift = append(eg.Gifts.Gift, gift{json.Number(p.id), p.wish, st})
	}
	return a, nil
}

func (s *Server) hPresentOrderListLegacy(c *call) (any, error) {
	var req struct {
		ShopAppID       string       `json:"shop_appid"`
		OpenID          string       `json:"open_id"`
		CreateTimeRange *mpTimeRange `json:"create_time_range"`
		UpdateTimeRange *mpTimeRange `json:"update_time_range"`
		PageSize        int          `json:"page_size"`
		NextKey         string       `json:"next_key"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	page, next, more, err := pageKey(s.presentIDs(req.ShopAppID, req.CreateTimeRange, req.UpdateTimeRange, req.OpenID), req.NextKey, req.PageSize, 100, shopapi.CodeInvalidRequestBody)
	if err != nil {
		return nil, err
	}
	type item struct {
		PresentOrderID string   `json:"present_order_id"`
		OrderID        []string `json:"order_id"`
	}
	out := struct {
		PresentOrderList []item `json:"present_order_list"`
		NextKey          string `json:"next_key,omitempty"`
	}{PresentOrderList: []item{}}
	for _, id := range page {
		it := item{PresentOrderID: id, OrderID: []string{}}
		for _, sub := range s.mpGifts().presents[id].subs {
			it.OrderID = append(it.OrderID, sub.orderID)
		}
		out.PresentOrderList = append(out.PresentOrderList, it)
	}
	if more {
		out.NextKey = next
	}
	return out, nil
}

// hOpenUpload reads upload_type: 1 takes openid and file_url from the JSON
// body, 0 the openid from the query and the multipart field file.
func (s *Server) hOpenUpload(c *call) (any, error) {
	var openid string
	switch c.query.Get("upload_type") {
	case "1":
		var req struct {
			OpenID  string `json:"openid"`
			FileURL string `json:"file_url"`
		}
		if err := c.decode(&req); err != nil {
			return nil, err
		}
		if req.FileURL == "" {
			return nil, apiErr(shopapi.CodeInvalidRequestBody, "file_url required")
		}
		openid = req.OpenID
	case "0":
		openid = c.query.Get("openid")
		_, params, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
		if err != nil {
			return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid multipart form")
		}
		p, err := multipart.NewReader(bytes.NewReader(c.body), params["boundary"]).NextPart()
		if err != nil || p.FormName() != "file" {
			return nil, apiErr(shopapi.CodeInvalidRequestBody, "file required")
		}
	default:
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid upload_type")
	}
	if openid == "" {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "openid required")
	}
	id := "open-media-" + s.newID()
	s.mpGifts().media[id] = openid
	return struct {
		MediaID string `json:"media_id"`
	}{id}, nil
}

// hOpenDownloadURL answers a link for an order the user received.
func (s *Server) hOpenDownloadURL(c *call) (any, error) {
	var req struct {
		OpenID  string `json:"openid"`
		OrderID string `json:"order_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	for _, id := range s.mpGifts().presOrder {
		for _, sub := range s.mpGifts().presents[id].subs {
			if sub.orderID == req.OrderID && sub.openid == req.OpenID && req.OpenID != "" {
				return struct {
					URL        string `json:"url"`
					ExpireTime int64  `json:"expire_time"`
				}{"https://fake.example/open/" + req.OrderID + ".png", s.now().Add(time.Hour).Unix()}, nil
			}
		}
	}
	return nil, apiErr(shopapi.CodeInvalidRequestBody, "no file for this order and user")
}
