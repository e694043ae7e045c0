package shopapitest

import (
	"fmt"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// couponRoutes returns the coupon endpoints (优惠券).
func couponRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/coupon/create", h: (*Server).hCouponCreate},
		{method: http.MethodPost, path: "/channels/ec/coupon/update", h: (*Server).hCouponUpdate},
		{method: http.MethodPost, path: "/channels/ec/coupon/update_status", h: (*Server).hCouponStatus},
		{method: http.MethodPost, path: "/channels/ec/coupon/get", h: (*Server).hCouponGet},
		{method: http.MethodPost, path: "/channels/ec/coupon/get_list", h: (*Server).hCouponList},
		{method: http.MethodPost, path: "/channels/ec/coupon/get_user_coupon", h: (*Server).hUserCouponGet},
		{method: http.MethodPost, path: "/channels/ec/coupon/get_user_coupon_list", h: (*Server).hUserCouponList},
	}
}

// coupon is the fake's state of a coupon.
type coupon struct {
	id               string
	spec             shopapi.CouponSpec
	status           shopapi.CouponStatus
	created, updated int64
	received, used   int
	expired          bool // channels_ec_coupon_expire was pushed
}

// userCoupon is a coupon a user received.
type userCoupon struct {
	id, couponID, openid string
	status               shopapi.UserCouponStatus
	created, updated     int64
	start, end           int64
	useTime              int64
	orderID              string
	discountFee          int64
}

func (s *Server) coupons() *table[coupon] {
	return tableOf[coupon](s, "coupons", shopapi.CodeBadParams, "coupon not found")
}

func (s *Server) userCoupons() *table[userCoupon] {
	return tableOf[userCoupon](s, "user_coupons", shopapi.CodeBadParams, "user coupon not found")
}

// emitCoupon pushes a coupon lifecycle event (coupon_info).
func (s *Server) emitCoupon(event, id, timeKey string) {
	s.emit(event, "", "coupon_info", map[string]any{"coupon_id": id, timeKey: s.now().Unix()})
}

// emitUserCoupon pushes a user-coupon event (user_coupon_info).
func (s *Server) emitUserCoupon(event string, u *userCoupon, timeKey string) {
	s.emit(event, u.openid, "user_coupon_info", map[string]any{"coupon_id": u.couponID, "user_coupon_id": u.id, timeKey: s.now().Unix()})
}

func couponBad(err error) error {
	return apiErr(shopapi.CodeBadParams, "invalid coupon: "+err.Error())
}

func (s *Server) hCouponCreate(c *call) (any, error) {
	var spec shopapi.CouponSpec
	if err := c.decode(&spec); err != nil {
		return nil, err
	}
	if err := spec.Validate(); err != nil {
		return nil, couponBad(err)
	}
	now := s.now().Unix()
	id := s.coupons().add(s, &coupon{spec: spec, status: shopapi.CouponStatusInit, created: now, updated: now})
	s.coupons().byID[id].id = id
	s.emitCoupon("channels_ec_coupon_create", id, "create_time")
	return struct {
		Data struct {
			CouponID string `json:"coupon_id"`
		} `json:"data"`
	}{Data: struct {
		CouponID string `json:"coupon_id"`
	}{id}}, nil
}

func (s *Server) hCouponUpdate(c *call) (any, error) {
	var u shopapi.CouponUpdate
	if err := c.decode(&u); err != nil {
		return nil, err
	}
	cp, err := s.coupons().get(string(u.CouponID))
	if err != nil {
		return nil, err
	}
	if cp.status == shopapi.CouponStatusInvalid || cp.status == shopapi.CouponStatusDeleted {
		return nil, apiErr(shopapi.CodeCouponStatus, "coupon status does not allow an update")
	}
	if err := u.CouponSpec.Validate(); err != nil {
		return nil, couponBad(err)
	}
	if u.Type != cp.spec.Type {
		return nil, apiErr(shopapi.CodeBadParams, "the coupon type cannot change")
	}
	cp.spec, cp.updated = u.CouponSpec, s.now().Unix()
	s.emitCoupon("channels_ec_coupon_info_change", cp.id, "change_time")
	return nil, nil
}

func (s *Server) hCouponStatus(c *call) (any, error) {
	var b struct {
		CouponID string               `json:"coupon_id"`
		Status   shopapi.CouponStatus `json:"status"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	cp, err := s.coupons().get(b.CouponID)
	if err != nil {
		return nil, err
	}
	if b.Status == cp.status {
		return nil, nil // setting the same status again changes nothing
	}
	switch {
	case b.Status == shopapi.CouponStatusValid && cp.status == shopapi.CouponStatusInit:
	case b.Status == shopapi.CouponStatusInvalid && cp.status == shopapi.CouponStatusValid:
		s.emitCoupon("channels_ec_coupon_invalid", cp.id, "invalid_time")
	case b.Status == shopapi.CouponStatusDeleted && cp.status != shopapi.CouponStatusValid:
		s.emitCoupon("channels_ec_coupon_delete", cp.id, "delete_time")
	default:
		return nil, apiErr(shopapi.CodeCouponStatus, fmt.Sprintf("coupon status %d cannot become %d", cp.status, b.Status))
	}
	cp.status, cp.updated = b.Status, s.now().Unix()
	return nil, nil
}

// couponView is coupon/get's answer: fields the coupon does not set are
// left out, as the platform's example leaves out a discount coupon's fee.
type couponView struct {
	CouponID   string               `json:"coupon_id"`
	Type       shopapi.CouponType   `json:"type"`
	Status     shopapi.CouponStatus `json:"status"`
	CreateTime int64                `json:"create_time"`
	UpdateTime int64                `json:"update_time"`
	CouponInfo struct {
		Name        string                    `json:"name"`
		PromoteInfo shopapi.CouponPromoteInfo `json:"promote_info"`
		Discount    *struct {
			Condition *struct {
				ProductCnt   int      `json:"product_cnt,omitempty"`
				ProductIDs   []string `json:"product_ids,omitempty"`
				ProductPrice int64    `json:"product_price,omitempty"`
			} `json:"discount_condition,omitempty"`
			Num int64 `json:"discount_num,omitempty"`
			Fee int64 `json:"discount_fee,omitempty"`
		} `json:"discount_info,omitempty"`
		ReceiveInfo shopapi.CouponReceiveInfo `json:"receive_info"`
		ValidInfo   struct {
			ValidType   shopapi.ValidType `json:"valid_type"`
			ValidDayNum int               `json:"valid_day_num"`
			StartTime   int64             `json:"start_time"`
			EndTime     int64             `json:"end_time"`
		} `json:"valid_info"`
		ExtInfo *shopapi.CouponExtInfo `json:"ext_info,omitempty"`
	} `json:"coupon_info"`
	StockInfo shopapi.CouponStock `json:"stock_info"`
}

func (cp *coupon) view() *couponView {
	v := &couponView{CouponID: cp.id, Type: cp.spec.Type, Status: cp.status, CreateTime: cp.created, UpdateTime: cp.updated}
	ci := &v.CouponInfo
	ci.Name, ci.PromoteInfo, ci.ReceiveInfo, ci.ExtInfo = cp.spec.Name, cp.spec.PromoteInfo, cp.spec.ReceiveInfo, cp.spec.ExtInfo
	if d := cp.spec.DiscountInfo; d != nil {
		ci.Discount = &struct {
			Condition *struct {
				ProductCnt   int      `json:"product_cnt,omitempty"`
				ProductIDs   []string `json:"product_ids,omitempty"`
				ProductPrice int64    `json:"product_price,omitempty"`
			} `json:"discount_condition,omitempty"`
			Num int64 `json:"discount_num,omitempty"`
			Fee int64 `json:"discount_fee,omitempty"`
		}{Num: d.Num, Fee: d.Fee}
		if k := d.Condition; k != nil && (k.ProductCnt != 0 || k.ProductPrice != 0 || len(k.ProductIDs) > 0) {
			ci.Discount.Condition = &struct {
				ProductCnt   int      `json:"product_cnt,omitempty"`
				ProductIDs   []string `json:"product_ids,omitempty"`
				ProductPrice int64    `json:"product_price,omitempty"`
			}{ProductCnt: k.ProductCnt, ProductPrice: k.ProductPrice}
			for _, id := range k.ProductIDs {
				ci.Discount.Condition.ProductIDs = append(ci.Discount.Condition.ProductIDs, string(id))
			}
		}
	}
	vi := cp.spec.ValidInfo
	ci.ValidInfo.ValidType, ci.ValidInfo.ValidDayNum, ci.ValidInfo.StartTime, ci.ValidInfo.EndTime = vi.ValidType, vi.ValidDayNum, vi.StartTime, vi.EndTime
	v.StockInfo = shopapi.CouponStock{IssuedNum: cp.spec.ReceiveInfo.TotalNum - cp.received, ReceiveNum: cp.received, UsedNum: cp.used}
	return v
}

func (s *Server) hCouponGet(c *call) (any, error) {
	var b struct {
		CouponID string `json:"coupon_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	cp, err := s.coupons().get(b.CouponID)
	if err != nil {
		return nil, err
	}
	return struct {
		Coupon *couponView `json:"coupon"`
	}{cp.view()}, nil
}

type couponPage struct {
	Page     int    `json:"page"`
	PageSize int    `json:"page_size"`
	PageCtx  string `json:"page_ctx"`
}

// pageCtx answers a page of ids by page number; page_ctx is echoed as the
// page that follows (the fake does not need the platform's context).
func pageCtx(ids []string, b couponPage, badCode int) ([]string, string, error) {
	page, err := pageNumber(ids, b.Page, b.PageSize, 100, badCode)
	if err != nil {
		return nil, "", err
	}
	next := ""
	if b.Page*b.PageSize < len(ids) {
		next = "ctx-" + fmt.Sprint(b.Page+1)
	}
	return page, next, nil
}

func (s *Server) hCouponList(c *call) (any, error) {
	var b struct {
		Status shopapi.CouponStatus `json:"status"`
		couponPage
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids := s.coupons().ids(func(_ string, cp *coupon) bool { return b.Status == 0 || cp.status == b.Status })
	page, next, err := pageCtx(ids, b.couponPage, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	type ref struct {
		CouponID string `json:"coupon_id"`
	}
	out := struct {
		Coupons  []ref  `json:"coupons"`
		TotalNum int    `json:"total_num"`
		PageCtx  string `json:"page_ctx,omitempty"`
	}{Coupons: []ref{}, TotalNum: len(ids), PageCtx: next}
	for _, id := range page {
		out.Coupons = append(out.Coupons, ref{id})
	}
	return out, nil
}

// userCouponView is get_user_coupon's user_coupon.
type userCouponView struct {
	UserCouponID string                   `json:"user_coupon_id"`
	CouponID     string                   `json:"coupon_id"`
	Status       shopapi.UserCouponStatus `json:"status"`
	CreateTime   int64                    `json:"create_time"`
	UpdateTime   int64                    `json:"update_time"`
	StartTime    int64                    `json:"start_time"`
	EndTime      int64                    `json:"end_time"`
	ExtInfo      struct {
		UseTime int64 `json:"use_time,omitempty"`
	} `json:"ext_info"`
	OrderID     string `json:"order_id,omitempty"`
	DiscountFee int64  `json:"discount_fee,omitempty"`
}

func (s *Server) hUserCouponGet(c *call) (any, error) {
	var b struct {
		OpenID       string `json:"openid"`
		UserCouponID string `json:"user_coupon_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	u, err := s.userCoupons().get(b.UserCouponID)
	if err != nil {
		return nil, err
	}
	if u.openid != b.OpenID {
		return nil, apiErr(shopapi.CodeInvalidOpenID, "the user coupon is not this user's")
	}
	v := userCouponView{UserCouponID: u.id, CouponID: u.couponID, Status: u.status, CreateTime: u.created, UpdateTime: u.updated,
		StartTime: u.start, EndTime: u.end, OrderID: u.orderID, DiscountFee: u.discountFee}
	v.ExtInfo.UseTime = u.useTime
	return struct {
		OpenID     string         `json:"openid"`
		UnionID    string         `json:"unionid"`
		UserCoupon userCouponView `json:"user_coupon"`
	}{u.openid, "union-" + u.openid, v}, nil
}

func (s *Server) hUserCouponList(c *call) (any, error) {
	var b struct {
		OpenID string                   `json:"openid"`
		Status shopapi.UserCouponStatus `json:"status"`
		couponPage
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.OpenID == "" {
		return nil, apiErr(shopapi.CodeInvalidOpenID, "openid is required")
	}
	ids := s.userCoupons().ids(func(_ string, u *userCoupon) bool {
		return u.openid == b.OpenID && (b.Status == 0 || u.status == b.Status)
	})
	page, next, err := pageCtx(ids, b.couponPage, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	type ref struct {
		UserCouponID string `json:"user_coupon_id"`
		CouponID     string `json:"coupon_id"`
	}
	out := struct {
		List     []ref  `json:"user_coupon_list"`
		TotalNum int    `json:"total_num"`
		PageCtx  string `json:"page_ctx,omitempty"`
	}{List: []ref{}, TotalNum: len(ids), PageCtx: next}
	for _, id := range page {
		out.List = append(out.List, ref{id, s.userCoupons().byID[id].couponID})
	}
	return out, nil
}

// ReceiveCoupon makes a user receive a coupon (用户领券), as when the
// buyer taps it in the shop: the coupon must be valid (生效), in its
// receive window, in stock and under the per-person limit, else an error
// whose text starts with the platform's errcode (10021001 status, 10021010
// window, 10021002 stock, 10021004 limit). It pushes
// channels_ec_coupon_receive and returns the user_coupon_id.
func (s *Server) ReceiveCoupon(openid string, couponID vcart.ID) (vcart.ID, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := s.receiveCoupon(openid, string(couponID))
	return vcart.ID(id), err
}

// receiveCoupon is ReceiveCoupon with s.mu held.
func (s *Server) receiveCoupon(openid, couponID string) (string, error) {
	cp, err := s.coupons().get(couponID)
	if err != nil {
		return "", err
	}
	now := s.now().Unix()
	r := cp.spec.ReceiveInfo
	mine := len(s.userCoupons().ids(func(_ string, u *userCoupon) bool { return u.couponID == couponID && u.openid == openid }))
	switch {
	case cp.status != shopapi.CouponStatusValid:
		return "", apiErr(shopapi.CodeCouponStatus, "coupon is not valid")
	case now < r.StartTime || now > r.EndTime:
		return "", apiErr(shopapi.CodeCouponValidTime, "outside the receive window")
	case cp.received >= r.TotalNum:
		return "", apiErr(shopapi.CodeCouponNoStock, "coupon out of stock")
	case mine >= r.LimitNumOnePerson:
		return "", apiErr(shopapi.CodeCouponLimit, "per-person limit reached")
	}
	u := &userCoupon{couponID: couponID, openid: openid, status: shopapi.UserCouponValid, created: now, updated: now}
	v := cp.spec.ValidInfo
	switch {
	case v.StartTime != 0 || v.EndTime != 0:
		u.start, u.end = v.StartTime, v.EndTime
	default:
		u.start, u.end = now, now+int64(v.ValidDayNum)*86400
	}
	u.id = s.userCoupons().add(s, u)
	cp.received++
	s.emit("channels_ec_coupon_receive", openid, "receive_info",
		map[string]any{"coupon_id": couponID, "user_coupon_id": u.id, "receive_time": now})
	return u.id, nil
}

// ExpireCoupons expires, at the server's clock, the user coupons whose
// window has ended (生效中 → 已过期, pushing channels_ec_user_coupon_expire)
// and pushes channels_ec_coupon_expire once for each coupon whose validity
// window has ended. It returns how many user coupons expired.
func (s *Server) ExpireCoupons() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now().Unix()
	n := 0
	uc := s.userCoupons()
	for _, id := range uc.ids(nil) {
		u := uc.byID[id]
		if u.status == shopapi.UserCouponValid && u.end > 0 && now > u.end {
			u.status, u.updated = shopapi.UserCouponExpired, now
			s.emitUserCoupon("channels_ec_user_coupon_expire", u, "expire_time")
			n++
		}
	}
	cs := s.coupons()
	for _, id := range cs.ids(nil) {
		cp := cs.byID[id]
		if end := cp.spec.ValidInfo.EndTime; !cp.expired && end > 0 && now > end {
			cp.expired = true
			s.emitCoupon("channels_ec_coupon_expire", cp.id, "expire_time")
		}
	}
	return n
}

// UserCouponStatus returns a user coupon's status.
func (s *Server) UserCouponStatus(userCouponID vcart.ID) (shopapi.UserCouponStatus, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.userCoupons().byID[string(userCouponID)]
	if !ok {
		return 0, false
	}
	return u.status, true
}

// useCoupon prices an order's lines with a user's coupon and marks it used
// (已使用), pushing channels_ec_user_coupon_use. s.mu is held.
func (s *Server) useCoupon(openid, userCouponID, orderID string, lines []shopapi.BasketLine) (shopapi.BasketPrice, error) {
	u, err := s.userCoupons().get(userCouponID)
	if err != nil {
		return shopapi.BasketPrice{}, err
	}
	if u.openid != openid {
		return shopapi.BasketPrice{}, apiErr(shopapi.CodeInvalidOpenID, "the user coupon is not this buyer's")
	}
	if u.status != shopapi.UserCouponValid {
		return shopapi.BasketPrice{}, apiErr(shopapi.CodeCouponStatus, "the user coupon is "+u.status.String())
	}
	cp, err := s.coupons().get(u.couponID)
	if err != nil {
		return shopapi.BasketPrice{}, err
	}
	now := s.now()
	if now.Unix() < u.start || (u.end > 0 && now.Unix() > u.end) {
		return shopapi.BasketPrice{}, apiErr(shopapi.CodeCouponValidTime, "outside the user coupon's window")
	}
	p, err := shopapi.PriceBasket(shopapi.PriceRequest{Coupon: cp.spec, Lines: lines, At: now, ReceivedAt: time.Unix(u.created, 0)})
	if err != nil {
		return shopapi.BasketPrice{}, apiErr(shopapi.CodeBadParams, err.Error())
	}
	if !p.Applied() {
		return p, apiErr(shopapi.CodeCouponStatus, "the coupon does not apply: "+p.Rejection.String())
	}
	u.status, u.useTime, u.updated, u.orderID, u.discountFee = shopapi.UserCouponUsed, now.Unix(), now.Unix(), orderID, p.DiscountFen
	cp.used++
	s.emitUserCoupon("channels_ec_user_coupon_use", u, "use_time")
	return p, nil
}

// returnCoupon gives a used coupon back after its order was cancelled
// (用户优惠券返还), pushing channels_ec_user_coupon_unuse. s.mu is held.
func (s *Server) returnCoupon(orderID string) {
	uc := s.userCoupons()
	for _, id := range uc.ids(nil) {
		u := uc.byID[id]
		if u.orderID == orderID && u.status == shopapi.UserCouponUsed {
			now := s.now().Unix()
			u.status, u.updated, u.orderID, u.discountFee, u.useTime = shopapi.UserCouponValid, now, "", 0, 0
			if cp, ok := s.coupons().byID[u.couponID]; ok {
				cp.used--
			}
			s.emitUserCoupon("channels_ec_user_coupon_unuse", u, "unuse_time")
		}
	}
}
