package shopapi

import (
	"context"
	"iter"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Coupons (优惠券): create, update, change status, read; a user's coupons.
// Amounts are fen; discount rates are 折扣数 in 1/10000 (5000 = 5折, 8500 =
// 8.5折), the platform's unit. [PriceBasket] applies a coupon to a basket
// exactly in fen, offline.

var (
	epCouponCreate         = ep("/channels/ec/coupon/create")
	epCouponGet            = ep("/channels/ec/coupon/get")
	epCouponList           = ep("/channels/ec/coupon/get_list")
	epCouponGetUserCoupon  = ep("/channels/ec/coupon/get_user_coupon")
	epCouponListUserCoupon = ep("/channels/ec/coupon/get_user_coupon_list")
	epCouponUpdate         = ep("/channels/ec/coupon/update")
	epCouponUpdateStatus   = ep("/channels/ec/coupon/update_status")
)

// CouponType is a coupon's type (优惠券类型): four product coupons (商品券,
// limited to discount_condition.product_ids) and the same four kinds for the
// whole shop (店铺券).
type CouponType int

// Coupon types, from the coupon guide's table.
const (
	CouponProductConditionalDiscount CouponType = 1   // 商品条件折券: product_ids + product_cnt + discount_num
	CouponProductThreshold           CouponType = 2   // 商品满减券: product_ids + product_price + discount_fee
	CouponProductDiscount            CouponType = 3   // 商品统一折扣券: product_ids + discount_num
	CouponProductDirect              CouponType = 4   // 商品直减券: product_ids + discount_fee
	CouponShopConditionalDiscount    CouponType = 101 // 店铺条件折扣券: product_cnt + discount_num
	CouponShopThreshold              CouponType = 102 // 店铺满减券: product_price + discount_fee
	CouponShopDiscount               CouponType = 103 // 店铺统一折扣券: discount_num
	CouponShopDirect                 CouponType = 104 // 店铺直减券: discount_fee
)

// CouponKind is what a coupon does, whatever its scope.
type CouponKind int

// Coupon kinds.
const (
	KindUnknown             CouponKind = iota
	KindConditionalDiscount            // 条件折扣: a rate once product_cnt items are bought
	KindThreshold                      // 满减: discount_fee off once product_price is reached
	KindDiscount                       // 统一折扣: a rate, no threshold
	KindDirect                         // 直减: discount_fee off, no threshold
)

// String returns the kind's Chinese name.
func (k CouponKind) String() string {
	switch k {
	case KindConditionalDiscount:
		return "条件折扣"
	case KindThreshold:
		return "满减"
	case KindDiscount:
		return "折扣"
	case KindDirect:
		return "直减"
	}
	return "CouponKind(" + strconv.Itoa(int(k)) + ")"
}

// Kind returns what the coupon type does (KindUnknown for an unknown type).
func (t CouponType) Kind() CouponKind {
	switch t {
	case CouponProductConditionalDiscount, CouponShopConditionalDiscount:
		return KindConditionalDiscount
	case CouponProductThreshold, CouponShopThreshold:
		return KindThreshold
	case CouponProductDiscount, CouponShopDiscount:
		return KindDiscount
	case CouponProductDirect, CouponShopDirect:
		return KindDirect
	}
	return KindUnknown
}

// ProductScoped reports whether the coupon applies to listed products only
// (商品券, types 1-4) rather than the whole shop (店铺券, 101-104).
func (t CouponType) ProductScoped() bool { return t >= 1 && t <= 4 }

// String returns the type's Chinese name.
func (t CouponType) String() string {
	switch t {
	case CouponProductConditionalDiscount:
		return "商品条件折券"
	case CouponProductThreshold:
		return "商品满减券"
	case CouponProductDiscount:
		return "商品统一折扣券"
	case CouponProductDirect:
		return "商品直减券"
	case CouponShopConditionalDiscount:
		return "店铺条件折扣券"
	case CouponShopThreshold:
		return "店铺满减券"
	case CouponShopDiscount:
		return "店铺统一折扣券"
	case CouponShopDirect:
		return "店铺直减券"
	}
	return "CouponType(" + strconv.Itoa(int(t)) + ")"
}

// CouponStatus is a coupon's status (优惠券状态).
type CouponStatus int

// Coupon statuses.
const (
	CouponStatusInit    CouponStatus = 1 // 初始
	CouponStatusValid   CouponStatus = 2 // 生效
	CouponStatusInvalid CouponStatus = 4 // 已作废
	CouponStatusDeleted CouponStatus = 5 // 删除
)

// String returns the status's Chinese name.
func (s CouponStatus) String() string {
	switch s {
	case CouponStatusInit:
		return "初始"
	case CouponStatusValid:
		return "生效"
	case CouponStatusInvalid:
		return "已作废"
	case CouponStatusDeleted:
		return "删除"
	}
	return "CouponStatus(" + strconv.Itoa(int(s)) + ")"
}

// UserCouponStatus is the status of a coupon a user received (用户优惠券状态).
type UserCouponStatus int

// User coupon statuses.
const (
	UserCouponValid   UserCouponStatus = 100 // 生效中
	UserCouponExpired UserCouponStatus = 101 // 已过期
	UserCouponUsed    UserCouponStatus = 102 // 已使用
)

// String returns the status's Chinese name.
func (s UserCouponStatus) String() string {
	switch s {
	case UserCouponValid:
		return "生效中"
	case UserCouponExpired:
		return "已过期"
	case UserCouponUsed:
		return "已使用"
	}
	return "UserCouponStatus(" + strconv.Itoa(int(s)) + ")"
}

// ValidType is how a coupon's validity is set (有效期类型).
type ValidType int

// Validity types.
const (
	ValidTimeRange ValidType = 1 // 指定时间范围生效: valid_info.start_time..end_time
	ValidDays      ValidType = 2 // 生效天数: valid_day_num days from receipt
)

// PromoteType is how a coupon is promoted (推广类型).
type PromoteType int

// Promotion types, from the coupon guide.
const (
	PromoteInShop        PromoteType = 1  // 小店内推广
	PromoteMember        PromoteType = 9  // 会员券
	PromoteMemberWelcome PromoteType = 10 // 会员开卡礼券
)

// CouponCondition is a coupon's threshold and scope (discount_condition).
// ProductCnt and ProductPrice are exclusive; 0 means unset (the official
// examples send the unset one as 0).
type CouponCondition struct {
	// ProductCnt is the number of items to buy (件数门槛).
	ProductCnt int `json:"product_cnt"`
	// ProductIDs are the products a product coupon applies to (商品券).
	ProductIDs []ID `json:"product_ids,omitempty"`
	// ProductPrice is the price threshold in fen (价格门槛).
	ProductPrice int64 `json:"product_price"`
}

// CouponDiscount is a coupon's discount (discount_info).
type CouponDiscount struct {
	Condition *CouponCondition `json:"discount_condition,omitempty"`
	// Num is the discount rate (折扣数) in 1/10000: 5000 = 5折 (the buyer
	// pays 50%), 1000..10000 in steps of 100, not below 2000 (2折).
	Num int64 `json:"discount_num"`
	// Fee is the amount off in fen (优惠减免金额), at most 20000 (¥200).
	Fee int64 `json:"discount_fee"`
}

// CouponExtInfo is a coupon's extra information (ext_info).
type CouponExtInfo struct {
	JumpProductID ID     `json:"jump_product_id,omitempty"`
	Notes         string `json:"notes,omitempty"`
	ValidTime     int64  `json:"valid_time,omitempty"`
	InvalidTime   int64  `json:"invalid_time,omitempty"`
}

// CouponPromoteInfo is a coupon's promotion (promote_info).
type CouponPromoteInfo struct {
	PromoteType PromoteType `json:"promote_type"`
}

// CouponReceiveInfo is when and how often a coupon can be received
// (receive_info); times are Unix seconds.
type CouponReceiveInfo struct {
	EndTime           int64 `json:"end_time"`
	LimitNumOnePerson int   `json:"limit_num_one_person"`
	StartTime         int64 `json:"start_time"`
	TotalNum          int   `json:"total_num"`
}

// CouponValidity is a coupon's validity window (valid_info): a time range
// (ValidTimeRange, Unix seconds) or a number of days after receipt.
type CouponValidity struct {
	ValidType   ValidType `json:"valid_type"`
	ValidDayNum int       `json:"valid_day_num,omitempty"`
	StartTime   int64     `json:"start_time,omitempty"`
	EndTime     int64     `json:"end_time,omitempty"`
}

// CouponInfo is a coupon's content (coupon_info of get; the body of create
// and update, with [CouponSpec]).
type CouponInfo struct {
	Name         string            `json:"name"`
	PromoteInfo  CouponPromoteInfo `json:"promote_info"`
	DiscountInfo *CouponDiscount   `json:"discount_info,omitempty"`
	ReceiveInfo  CouponReceiveInfo `json:"receive_info"`
	ValidInfo    CouponValidity    `json:"valid_info"`
	ExtInfo      *CouponExtInfo    `json:"ext_info,omitempty"`
}

// CouponSpec is a coupon to create or update.
type CouponSpec struct {
	Type CouponType `json:"type"`
	CouponInfo
}

// CouponStock counts a coupon's issue (stock_info).
type CouponStock struct {
	IssuedNum  int `json:"issued_num"`
	ReceiveNum int `json:"receive_num"`
	UsedNum    int `json:"used_num"`
}

// Coupon is a coupon as coupon/get returns it.
type Coupon struct {
	CouponID   ID           `json:"coupon_id"`
	Type       CouponType   `json:"type"`
	Status     CouponStatus `json:"status"`
	CreateTime int64        `json:"create_time"`
	UpdateTime int64        `json:"update_time"`
	CouponInfo CouponInfo   `json:"coupon_info"`
	StockInfo  CouponStock  `json:"stock_info"`
}

// Spec returns the coupon's type and content, to price a basket or update it.
func (c *Coupon) Spec() CouponSpec { return CouponSpec{Type: c.Type, CouponInfo: c.CouponInfo} }

// Coupon rules from the coupon pages and guide.
const (
	// MaxCouponFee caps discount_fee (不可超过200元).
	MaxCouponFee int64 = 20000
	// MinCouponRate is the lowest discount_num (不可低于2折).
	MinCouponRate int64 = 2000
	// MaxCouponProducts caps product_ids. The coupon guide says 2000, the
	// update page's table 200: the SDK accepts the larger.
	MaxCouponProducts = 2000
	// MaxCouponNameRunes caps the name (最长10个中文字符).
	MaxCouponNameRunes = 10
)

// Validate reports every problem of the spec against the documented rules:
// a known type, a name of 1..10 characters, the parameters the type needs
// (and not the ones it forbids), a rate of 2000..10000 in steps of 100, a
// fee of 1..20000 fen and, for 满减, at most 80% of the threshold (the
// discounted threshold may not fall below 2折), the receive window and the
// validity window.
func (s *CouponSpec) Validate() error { return vcart.NewValidationError(s.problems()) }

func (s *CouponSpec) problems() []vcart.FieldError {
	var p []vcart.FieldError
	add := func(f, code, msg string) { p = append(p, vcart.FieldError{Field: f, Code: code, Msg: msg}) }
	kind := s.Type.Kind()
	if kind == KindUnknown {
		add("type", "enum", "unknown coupon type")
	}
	if n := len([]rune(s.Name)); n == 0 || n > MaxCouponNameRunes {
		add("name", "length", "must be 1..10 characters")
	}
	var cond CouponCondition
	var d CouponDiscount
	if s.DiscountInfo != nil {
		d = *s.DiscountInfo
		if d.Condition != nil {
			cond = *d.Condition
		}
	} else if kind != KindUnknown {
		add("discount_info", "required", "required for every coupon type")
	}
	if cond.ProductCnt < 0 {
		add("discount_info.discount_condition.product_cnt", "range", "must not be negative")
	}
	if cond.ProductPrice < 0 {
		add("discount_info.discount_condition.product_price", "range", "must not be negative")
	}
	if cond.ProductCnt > 0 && cond.ProductPrice > 0 {
		add("discount_info.discount_condition", "exclusive", "product_cnt and product_price cannot both be set")
	}
	switch {
	case kind == KindUnknown:
	case s.Type.ProductScoped() && len(cond.ProductIDs) == 0:
		add("discount_info.discount_condition.product_ids", "required", "a product coupon needs product_ids")
	case s.Type.ProductScoped() && len(cond.ProductIDs) > MaxCouponProducts:
		add("discount_info.discount_condition.product_ids", "length", "at most 2000 products")
	case !s.Type.ProductScoped() && len(cond.ProductIDs) > 0:
		add("discount_info.discount_condition.product_ids", "forbidden", "a shop coupon applies to every product")
	}
	for i, id := range cond.ProductIDs {
		if id == "" {
			add("discount_info.discount_condition.product_ids["+strconv.Itoa(i)+"]", "required", "must not be empty")
		}
	}
	rate := func() {
		if d.Num < MinCouponRate || d.Num > 10000 || d.Num%100 != 0 {
			add("discount_info.discount_num", "range", "must be 2000..10000 in steps of 100 (5000 = 5折)")
		}
		if d.Fee != 0 {
			add("discount_info.discount_fee", "forbidden", "a discount coupon has no discount_fee")
		}
	}
	fee := func() {
		if d.Fee <= 0 || d.Fee > MaxCouponFee {
			add("discount_info.discount_fee", "range", "must be 1..20000 fen")
		}
		if d.Num != 0 {
			add("discount_info.discount_num", "forbidden", "an amount-off coupon has no discount_num")
		}
	}
	switch kind {
	case KindConditionalDiscount:
		rate()
		if cond.ProductCnt <= 0 {
			add("discount_info.discount_condition.product_cnt", "required", "a conditional discount needs product_cnt")
		}
	case KindThreshold:
		fee()
		switch {
		case cond.ProductPrice <= 0:
			add("discount_info.discount_condition.product_price", "required", "a 满减 coupon needs product_price")
		case d.Fee*10 > cond.ProductPrice*8:
			add("discount_info.discount_fee", "range", "the threshold after the discount may not fall below 2折 of it")
		}
	case KindDiscount:
		rate()
	case KindDirect:
		fee()
	}
	if kind == KindDiscount || kind == KindDirect {
		if cond.ProductCnt != 0 || cond.ProductPrice != 0 {
			add("discount_info.discount_condition", "forbidden", "this coupon type has no threshold")
		}
	}
	r := s.ReceiveInfo
	if r.StartTime <= 0 || r.EndTime < r.StartTime {
		add("receive_info.end_time", "range", "the receive window must not end before it starts")
	}
	if r.TotalNum <= 0 {
		add("receive_info.total_num", "range", "must be positive")
	}
	if r.LimitNumOnePerson <= 0 {
		add("receive_info.limit_num_one_person", "range", "must be positive")
	}
	if s.PromoteInfo.PromoteType == 0 {
		add("promote_info.promote_type", "required", "must be set")
	}
	// The tables tie start/end to valid_type 1 and valid_day_num to 2, but
	// the official create and update examples send valid_type 1 with only
	// valid_day_num and valid_type 2 with only start/end: the client checks
	// the fields given, not which ones the type names (see the package doc).
	v := s.ValidInfo
	if v.ValidType != ValidTimeRange && v.ValidType != ValidDays {
		add("valid_info.valid_type", "enum", "must be 1 (time range) or 2 (days)")
	}
	hasRange := v.StartTime != 0 || v.EndTime != 0
	if hasRange && (v.StartTime <= 0 || v.EndTime < v.StartTime) {
		add("valid_info.end_time", "range", "the validity window must not end before it starts")
	}
	if v.ValidDayNum < 0 {
		add("valid_info.valid_day_num", "range", "must not be negative")
	}
	if !hasRange && v.ValidDayNum == 0 {
		add("valid_info", "required", "give a validity window or valid_day_num")
	}
	return p
}

// Create creates a coupon (创建优惠券) after checking the spec with
// [CouponSpec.Validate], and returns its id. The coupon starts in status
// 初始; [CouponService.UpdateStatus] makes it valid. A create is not
// retried after an ambiguous failure (a second coupon could result).
//
// WeChat API: POST /channels/ec/coupon/create
func (s *CouponService) Create(ctx context.Context, spec *CouponSpec) (ID, *Response, error) {
	if spec == nil {
		return "", nil, errorf("create coupon", vcart.NewValidationError([]vcart.FieldError{{Field: "coupon", Code: "required", Msg: "must not be nil"}}))
	}
	if err := spec.Validate(); err != nil {
		return "", nil, errorf("create coupon", err)
	}
	var out struct {
		Data struct {
			CouponID ID `json:"coupon_id"`
		} `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCouponCreate, body: spec}, &out)
	if err != nil {
		return "", resp, errorf("create coupon", err)
	}
	return out.Data.CouponID, resp, nil
}

// CouponUpdate is the body of coupon/update: the coupon's id and its new
// content.
type CouponUpdate struct {
	CouponID ID `json:"coupon_id"`
	CouponSpec
}

// Update replaces a coupon's content (更新优惠券内容) after checking it.
//
// WeChat API: POST /channels/ec/coupon/update
func (s *CouponService) Update(ctx context.Context, id ID, spec *CouponSpec) (*Response, error) {
	var p []vcart.FieldError
	if id == "" {
		p = append(p, vcart.FieldError{Field: "coupon_id", Code: "required", Msg: "must not be empty"})
	}
	if spec == nil {
		p = append(p, vcart.FieldError{Field: "coupon", Code: "required", Msg: "must not be nil"})
	} else {
		p = append(p, spec.problems()...)
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update coupon", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epCouponUpdate, body: CouponUpdate{CouponID: id, CouponSpec: *spec}}, nil)
	if err != nil {
		return resp, errorf("update coupon", err)
	}
	return resp, nil
}

// UpdateStatus sets a coupon's status (更新优惠券状态): CouponStatusValid
// to start it, CouponStatusInvalid to void it, CouponStatusDeleted to delete
// it. Setting a status is idempotent.
//
// WeChat API: POST /channels/ec/coupon/update_status
func (s *CouponService) UpdateStatus(ctx context.Context, id ID, status CouponStatus) (*Response, error) {
	var p []vcart.FieldError
	if id == "" {
		p = append(p, vcart.FieldError{Field: "coupon_id", Code: "required", Msg: "must not be empty"})
	}
	if status != CouponStatusValid && status != CouponStatusInvalid && status != CouponStatusDeleted {
		p = append(p, vcart.FieldError{Field: "status", Code: "enum", Msg: "must be 2 (valid), 4 (void) or 5 (deleted)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update coupon status", err)
	}
	body := struct {
		CouponID ID           `json:"coupon_id"`
		Status   CouponStatus `json:"status"`
	}{id, status}
	resp, err := s.client.call(ctx, &request{ep: epCouponUpdateStatus, body: body}, nil)
	if err != nil {
		return resp, errorf("update coupon status", err)
	}
	return resp, nil
}

// Get returns a coupon (获取优惠券详情).
//
// WeChat API: POST /channels/ec/coupon/get
func (s *CouponService) Get(ctx context.Context, id ID) (*Coupon, *Response, error) {
	if id == "" {
		return nil, nil, errorf("get coupon", vcart.NewValidationError([]vcart.FieldError{{Field: "coupon_id", Code: "required", Msg: "must not be empty"}}))
	}
	var out struct {
		Coupon Coupon `json:"coupon"`
	}
	body := struct {
		CouponID ID `json:"coupon_id"`
	}{id}
	resp, err := s.client.call(ctx, &request{ep: epCouponGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get coupon", err)
	}
	return &out.Coupon, resp, nil
}

// CouponListOptions filters and pages coupon/get_list.
type CouponListOptions struct {
	// Status filters by status (0: every status).
	Status CouponStatus `json:"status,omitempty"`
	// Page is the page from 1 (0 means 1); PageSize 1..100 (0 means 100).
	Page     int `json:"page"`
	PageSize int `json:"page_size"`
	// PageCtx is the previous answer's page_ctx, for the next page.
	PageCtx string `json:"page_ctx,omitempty"`
}

// CouponRef is one coupon of a list (its id).
type CouponRef struct {
	CouponID ID `json:"coupon_id"`
}

// CouponList is a page of coupon ids.
type CouponList struct {
	Coupons  []CouponRef `json:"coupons"`
	TotalNum int         `json:"total_num"`
	PageCtx  string      `json:"page_ctx"`
}

// List returns a page of the shop's coupon ids (获取优惠券ID列表).
//
// WeChat API: POST /channels/ec/coupon/get_list
func (s *CouponService) List(ctx context.Context, opts *CouponListOptions) (*CouponList, *Response, error) {
	var o CouponListOptions
	if opts != nil {
		o = *opts
	}
	p := checkPageNum("page", &o.Page, nil)
	p = checkPageSize("page_size", &o.PageSize, p)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list coupons", err)
	}
	var out CouponList
	resp, err := s.client.call(ctx, &request{ep: epCouponList, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list coupons", err)
	}
	return &out, resp, nil
}

// ListIter iterates over every coupon id, page after page: the page
// number advances and each request carries the page_ctx of the previous
// answer. It stops after total_num ids or a short page.
func (s *CouponService) ListIter(ctx context.Context, opts *CouponListOptions) iter.Seq2[ID, error] {
	var o CouponListOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize == 0 {
		o.PageSize = 100
	}
	return pageNumbers(ctx, o.Page, o.PageSize, func(ctx context.Context, page int) ([]ID, int, error) {
		o.Page = page
		l, _, err := s.List(ctx, &o)
		if err != nil {
			return nil, 0, err
		}
		o.PageCtx = l.PageCtx
		ids := make([]ID, len(l.Coupons))
		for i, c := range l.Coupons {
			ids[i] = c.CouponID
		}
		return ids, l.TotalNum, nil
	})
}

// UserCoupon is a coupon a user received (用户优惠券).
type UserCoupon struct {
	UserCouponID ID               `json:"user_coupon_id"`
	CouponID     ID               `json:"coupon_id"`
	Status       UserCouponStatus `json:"status"`
	CreateTime   int64            `json:"create_time"`
	UpdateTime   int64            `json:"update_time"`
	// StartTime and EndTime are the user's validity window (Unix seconds).
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
	ExtInfo   struct {
		UseTime int64 `json:"use_time,omitempty"`
	} `json:"ext_info"`
	// OrderID is the order that used it; DiscountFee the discount it gave
	// there, in fen.
	OrderID     ID    `json:"order_id,omitempty"`
	DiscountFee int64 `json:"discount_fee,omitempty"`
}

// UserCouponDetail is the answer of get_user_coupon.
type UserCouponDetail struct {
	OpenID     string     `json:"openid"`
	UnionID    string     `json:"unionid,omitempty"`
	UserCoupon UserCoupon `json:"user_coupon"`
}

// GetUserCoupon returns a coupon a user received (获取用户优惠券详情).
//
// WeChat API: POST /channels/ec/coupon/get_user_coupon
func (s *CouponService) GetUserCoupon(ctx context.Context, openid string, userCouponID ID) (*UserCouponDetail, *Response, error) {
	var p []vcart.FieldError
	if openid == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "must not be empty"})
	}
	if userCouponID == "" {
		p = append(p, vcart.FieldError{Field: "user_coupon_id", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("get user coupon", err)
	}
	body := struct {
		OpenID       string `json:"openid"`
		UserCouponID ID     `json:"user_coupon_id"`
	}{openid, userCouponID}
	var out UserCouponDetail
	resp, err := s.client.call(ctx, &request{ep: epCouponGetUserCoupon, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get user coupon", err)
	}
	return &out, resp, nil
}

// UserCouponListOptions filters and pages get_user_coupon_list.
type UserCouponListOptions struct {
	OpenID string `json:"openid"`
	// Status filters by status (0: every status).
	Status   UserCouponStatus `json:"status,omitempty"`
	Page     int              `json:"page"`
	PageSize int              `json:"page_size"`
	PageCtx  string           `json:"page_ctx,omitempty"`
}

// UserCouponRef is one coupon of a user's list.
type UserCouponRef struct {
	UserCouponID ID `json:"user_coupon_id"`
	CouponID     ID `json:"coupon_id"`
}

// UserCouponList is a page of a user's coupons.
type UserCouponList struct {
	UserCouponList []UserCouponRef `json:"user_coupon_list"`
	TotalNum       int             `json:"total_num"`
	PageCtx        string          `json:"page_ctx"`
}

// ListUserCoupons returns a page of a user's coupons (获取用户优惠券ID列表).
//
// WeChat API: POST /channels/ec/coupon/get_user_coupon_list
func (s *CouponService) ListUserCoupons(ctx context.Context, opts *UserCouponListOptions) (*UserCouponList, *Response, error) {
	var o UserCouponListOptions
	if opts != nil {
		o = *opts
	}
	var p []vcart.FieldError
	if o.OpenID == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "must not be empty"})
	}
	p = checkPageNum("page", &o.Page, p)
	p = checkPageSize("page_size", &o.PageSize, p)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list user coupons", err)
	}
	var out UserCouponList
	resp, err := s.client.call(ctx, &request{ep: epCouponListUserCoupon, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list user coupons", err)
	}
	return &out, resp, nil
}
