package shopapi

import (
	"context"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// The data compass (电商罗盘) answers one day's figures per call: ds is the
// day as YYYYMMDD in China time. Its data is T+1 — a day's figures are
// complete the next day, and today's are not available — so a weekly
// report reads the seven days before the report date.
//
// Units and traps:
//
//   - Money (pay_gmv, refund amounts, settlement and commission amounts,
//     price) is in fen (分). Counts and money are sent as JSON strings
//     ("42292"), ratios as JSON numbers (0.3333333333333333); the client
//     decodes the first into [Int64] and the second into exact
//     [decimal.Decimal] values (never float64).
//   - pay_gmv (成交金额) is gross; pure_pay_gmv excludes refunds, and
//     pay_gmv_per_uv (成交客单价) is computed on the refund-net amount, so
//     it is lower than GMV ÷ paying buyers whenever something was refunded.
//   - pay_refund_* count the refunds of the day's paid orders; refund_*
//     count the refunds made on the day, whenever their order was paid.
//   - No compass endpoint reports exposure (曝光) or add-to-cart (加购):
//     product_click_uv is the top of the funnel it has.
//
// The shop (小店) views are under /compass/shop/…; the talent (达人版)
// views under /compass/finder/… answer for the channel account that sells
// on commission.

var (
	epCompassShopOverall         = ep("/channels/ec/compass/shop/overall/get")
	epCompassShopProducts        = ep("/channels/ec/compass/shop/product/list/get")
	epCompassShopProduct         = ep("/channels/ec/compass/shop/product/data/get")
	epCompassShopProfile         = ep("/channels/ec/compass/shop/sale/profile/data/get")
	epCompassShopLives           = ep("/channels/ec/compass/shop/live/list/get")
	epCompassFinderAuthorization = ep("/channels/ec/compass/shop/finder/authorization/list/get")
	epCompassShopFinders         = ep("/channels/ec/compass/shop/finder/list/get")
	epCompassShopFinderOverall   = ep("/channels/ec/compass/shop/finder/overall/get")
	epCompassShopFinderProducts  = ep("/channels/ec/compass/shop/finder/product/list/get")
	epCompassShopFinderDetail    = ep("/channels/ec/compass/shop/finder/product/overall/get")
	epCompassFinderOverall       = ep("/channels/ec/compass/finder/overall/get")
	epCompassFinderProducts      = ep("/channels/ec/compass/finder/product/list/get")
	epCompassFinderProduct       = ep("/channels/ec/compass/finder/product/data/get")
	epCompassFinderProfile       = ep("/channels/ec/compass/finder/sale/profile/data/get")
)

// compassZone is China time, in which the compass's days start: the
// SDK's one zone, vcart.Shanghai().
var compassZone = vcart.Shanghai()

// CompassDay returns the compass's ds for the day containing t in China
// time (YYYYMMDD).
func CompassDay(t time.Time) string { return t.In(compassZone).Format("20060102") }

// ParseCompassDay returns the start of day ds (YYYYMMDD) in China time.
func ParseCompassDay(ds string) (time.Time, error) {
	if err := checkDS(ds); err != nil {
		return time.Time{}, err
	}
	t, _ := time.ParseInLocation("20060102", ds, compassZone)
	return t, nil
}

func checkDS(ds string) error {
	ok := len(ds) == 8
	for i := 0; ok && i < len(ds); i++ {
		ok = ds[i] >= '0' && ds[i] <= '9'
	}
	if ok {
		_, err := time.ParseInLocation("20060102", ds, compassZone)
		ok = err == nil
	}
	if !ok {
		return vcart.NewValidationError([]vcart.FieldError{{Field: "ds", Code: "format", Msg: "must be a date as YYYYMMDD"}})
	}
	return nil
}

// compassCall validates ds, sends body and decodes into out.
func (s *CompassService) compassCall(ctx context.Context, e endpoint, op, ds string, body, out any) (*Response, error) {
	if err := checkDS(ds); err != nil {
		return nil, errorf(op, err)
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: body}, out)
	if err != nil {
		return resp, errorf(op, err)
	}
	return resp, nil
}

type dsBody struct {
	DS string `json:"ds"`
}

// CompassShopOverall is the shop's day (电商数据概览). Money in fen.
type CompassShopOverall struct {
	// PayGMV is 成交金额, gross of refunds.
	PayGMV Int64 `json:"pay_gmv"`
	// PayUV is 成交人数, the distinct paying buyers.
	PayUV Int64 `json:"pay_uv"`
	// PayOrderCnt is 成交订单数.
	PayOrderCnt Int64 `json:"pay_order_cnt"`
	// PayRefundGMV is 成交退款金额: refunds of the day's paid orders.
	PayRefundGMV Int64 `json:"pay_refund_gmv"`
	// ProductClickUV is 商品点击人数.
	ProductClickUV Int64 `json:"product_click_uv"`
	// LivePayGMV and FeedPayGMV are the GMV through live streams and
	// short videos.
	LivePayGMV Int64 `json:"live_pay_gmv"`
	FeedPayGMV Int64 `json:"feed_pay_gmv"`
}

// ShopOverall returns the shop's figures of day ds (获取电商数据概览).
//
// WeChat API: POST /channels/ec/compass/shop/overall/get
func (s *CompassService) ShopOverall(ctx context.Context, ds string) (*CompassShopOverall, *Response, error) {
	var out struct {
		Data CompassShopOverall `json:"data"`
	}
	resp, err := s.compassCall(ctx, epCompassShopOverall, "get shop overall", ds, dsBody{ds}, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.Data, resp, nil
}

// CompassFigures are the product figures common to the shop and talent
// views. Money in fen; counts are 数 of orders (cnt), people (uv) or
// items (product_cnt).
type CompassFigures struct {
	PayGMV           Int64 `json:"pay_gmv"`            // 成交金额
	CreateGMV        Int64 `json:"create_gmv"`         // 下单金额
	CreateCnt        Int64 `json:"create_cnt"`         // 下单订单数
	CreateUV         Int64 `json:"create_uv"`          // 下单人数
	CreateProductCnt Int64 `json:"create_product_cnt"` // 下单件数
	PayCnt           Int64 `json:"pay_cnt"`            // 成交订单数
	PayUV            Int64 `json:"pay_uv"`             // 成交人数
	PayProductCnt    Int64 `json:"pay_product_cnt"`    // 成交件数
	// PurePayGMV is 成交金额(剔除退款): PayGMV less the refunds.
	PurePayGMV Int64 `json:"pure_pay_gmv"`
	// PayGMVPerUV is 成交客单价, on the refund-net amount.
	PayGMVPerUV     Int64 `json:"pay_gmv_per_uv"`
	ProductClickUV  Int64 `json:"product_click_uv"`  // 商品点击人数
	ProductClickCnt Int64 `json:"product_click_cnt"` // 商品点击次数
	PayRefundGMV    Int64 `json:"pay_refund_gmv"`    // 成交退款金额
	PayRefundUV     Int64 `json:"pay_refund_uv"`     // 成交退款人数
	// PayRefundRatio is 成交退款率 (refunded ÷ paid orders, a fraction).
	PayRefundRatio decimal.Decimal `json:"pay_refund_ratio"`
	// PayRefundAfterSendRatio and PayRefundBeforeSendRatio split it by
	// whether the goods had shipped (发货后 / 发货前).
	PayRefundAfterSendRatio  decimal.Decimal `json:"pay_refund_after_send_ratio"`
	PayRefundCnt             Int64           `json:"pay_refund_cnt"`         // 成交退款订单数
	PayRefundProductCnt      Int64           `json:"pay_refund_product_cnt"` // 成交退款件数
	PayRefundBeforeSendRatio decimal.Decimal `json:"pay_refund_before_send_ratio"`
	RefundGMV                Int64           `json:"refund_gmv"`         // 退款金额 (refunds made on the day)
	RefundProductCnt         Int64           `json:"refund_product_cnt"` // 退款件数
	RefundCnt                Int64           `json:"refund_cnt"`         // 退款订单数
	RefundUV                 Int64           `json:"refund_uv"`          // 退款人数
}

// CompassShopFigures are a product's figures in the shop view, with the
// settlement split (结算) between seller, platform, talent (达人) and
// talent agency (团长), actual and predicted, in fen.
type CompassShopFigures struct {
	CompassFigures
	SellerActualSettleAmount   Int64 `json:"seller_actual_settle_amount"`
	PlatformActualCommission   Int64 `json:"platform_actual_commission"`
	FinderuinActualCommission  Int64 `json:"finderuin_actual_commission"`
	CaptainActualCommission    Int64 `json:"captain_actual_commission"`
	SellerPredictSettleAmount  Int64 `json:"seller_predict_settle_amount"`
	PlatformPredictCommission  Int64 `json:"platform_predict_commission"`
	FinderuinPredictCommission Int64 `json:"finderuin_predict_commission"`
	CaptainPredictCommission   Int64 `json:"captain_predict_commission"`
}

// CompassProductHead is a product's identity in compass answers.
type CompassProductHead struct {
	ProductID  ID     `json:"product_id"`
	HeadImgURL string `json:"head_img_url"`
	Title      string `json:"title"`
	// Price is in fen.
	Price            Int64 `json:"price"`
	FirstCategoryID  ID    `json:"first_category_id"`
	SecondCategoryID ID    `json:"second_category_id"`
	ThirdCategoryID  ID    `json:"third_category_id"`
}

// CompassShopProduct is a product with its day's figures (shop view).
type CompassShopProduct struct {
	CompassProductHead
	Data CompassShopFigures `json:"data"`
}

// ShopProducts returns the shop's products with their figures of day ds
// (获取商品列表).
//
// WeChat API: POST /channels/ec/compass/shop/product/list/get
func (s *CompassService) ShopProducts(ctx context.Context, ds string) ([]CompassShopProduct, *Response, error) {
	var out struct {
		ProductList []CompassShopProduct `json:"product_list"`
	}
	resp, err := s.compassCall(ctx, epCompassShopProducts, "list compass products", ds, dsBody{ds}, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.ProductList, resp, nil
}

// ShopProduct returns one product's figures of day ds (获取商品详细信息).
//
// WeChat API: POST /channels/ec/compass/shop/product/data/get
func (s *CompassService) ShopProduct(ctx context.Context, ds string, productID ID) (*CompassShopProduct, *Response, error) {
	if productID == "" {
		return nil, nil, errorf("get compass product", vcart.NewValidationError([]vcart.FieldError{{Field: "product_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		DS        string `json:"ds"`
		ProductID ID     `json:"product_id"`
	}{ds, productID}
	var out struct {
		ProductInfo CompassShopProduct `json:"product_info"`
	}
	resp, err := s.compassCall(ctx, epCompassShopProduct, "get compass product", ds, body, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.ProductInfo, resp, nil
}

// AudienceType selects the people a profile describes (用户类型).
type AudienceType int

// Audience types of the sale-profile endpoints.
const (
	AudienceExposed     AudienceType = 1 // 商品曝光用户
	AudienceClicked     AudienceType = 2 // 商品点击用户
	AudienceBuyers      AudienceType = 3 // 购买用户
	AudienceFirstBuyers AudienceType = 4 // 首购用户
	AudienceRepeat      AudienceType = 5 // 复购用户
	AudienceLiveViewers AudienceType = 6 // 直播观看用户
)

// String returns the type's name.
func (a AudienceType) String() string {
	switch a {
	case AudienceExposed:
		return "exposed"
	case AudienceClicked:
		return "clicked"
	case AudienceBuyers:
		return "buyers"
	case AudienceFirstBuyers:
		return "first-buyers"
	case AudienceRepeat:
		return "repeat-buyers"
	case AudienceLiveViewers:
		return "live-viewers"
	}
	return "AudienceType(" + itoa(int(a)) + ")"
}

// ProfileValue is one value of a dimension (dim_key, e.g. "25_39" or "女",
// and its count of people).
type ProfileValue struct {
	DimKey   string `json:"dim_key"`
	DimValue Int64  `json:"dim_value"`
}

// ProfileField is one dimension of a profile (field_name: 地级, 省级, 年龄,
// 性别, 购买偏好, 策略人群, 消费力区间 …) with its values.
type ProfileField struct {
	FieldName string         `json:"field_name"`
	DataList  []ProfileValue `json:"data_list"`
}

// SaleProfile is an audience profile (人群数据).
type SaleProfile struct {
	FieldList []ProfileField `json:"field_list"`
}

// Field returns the dimension named name (nil when absent).
func (p *SaleProfile) Field(name string) *ProfileField {
	for i := range p.FieldList {
		if p.FieldList[i].FieldName == name {
			return &p.FieldList[i]
		}
	}
	return nil
}

func (s *CompassService) profile(ctx context.Context, e endpoint, op, ds string, typ AudienceType) (*SaleProfile, *Response, error) {
	if typ < AudienceExposed || typ > AudienceLiveViewers {
		return nil, nil, errorf(op, vcart.NewValidationError([]vcart.FieldError{{Field: "type", Code: "enum", Msg: "must be 1..6"}}))
	}
	body := struct {
		DS   string       `json:"ds"`
		Type AudienceType `json:"type"`
	}{ds, typ}
	var out struct {
		Data SaleProfile `json:"data"`
	}
	resp, err := s.compassCall(ctx, e, op, ds, body, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.Data, resp, nil
}

// ShopSaleProfile returns the shop's audience profile of day ds
// (获取店铺人群数据).
//
// WeChat API: POST /channels/ec/compass/shop/sale/profile/data/get
func (s *CompassService) ShopSaleProfile(ctx context.Context, ds string, typ AudienceType) (*SaleProfile, *Response, error) {
	return s.profile(ctx, epCompassShopProfile, "get shop sale profile", ds, typ)
}

// CompassLive is a live stream of the shop's channel (开播记录). Times and
// durations are in seconds, sent as strings.
type CompassLive struct {
	LiveID          string `json:"live_id"`
	LiveTitle       string `json:"live_title"`
	LiveTime        Int64  `json:"live_time"`
	LiveDuration    Int64  `json:"live_duration"`
	LiveCoverImgURL string `json:"live_cover_img_url"`
}

// ShopLives returns the live streams a channel ran for the shop on day
// ds (获取店铺开播列表); finderID is one of the channels of
// [CompassService.FinderAuthorizations].
//
// WeChat API: POST /channels/ec/compass/shop/live/list/get
func (s *CompassService) ShopLives(ctx context.Context, ds, finderID string) ([]CompassLive, *Response, error) {
	if finderID == "" {
		return nil, nil, errorf("list shop lives", vcart.NewValidationError([]vcart.FieldError{{Field: "finder_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		DS       string `json:"ds"`
		FinderID string `json:"finder_id"`
	}{ds, finderID}
	var out struct {
		LiveList []CompassLive `json:"live_list"`
	}
	resp, err := s.compassCall(ctx, epCompassShopLives, "list shop lives", ds, body, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.LiveList, resp, nil
}

// FinderAuthorizations lists the shop's main channel and the channels
// authorised to sell for it.
type FinderAuthorizations struct {
	MainFinderID           string   `json:"main_finder_id"`
	AuthorizedFinderIDList []string `json:"authorized_finder_id_list"`
}

// FinderAuthorizations returns the channels authorised for the shop
// (获取授权视频号列表).
//
// WeChat API: POST /channels/ec/compass/shop/finder/authorization/list/get
func (s *CompassService) FinderAuthorizations(ctx context.Context) (*FinderAuthorizations, *Response, error) {
	var out FinderAuthorizations
	resp, err := s.client.call(ctx, &request{ep: epCompassFinderAuthorization, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("list finder authorizations", err)
	}
	return &out, resp, nil
}

// CompassFinderGMV is a talent's (达人) sales of the shop's products. Money
// in fen.
type CompassFinderGMV struct {
	PayGMV Int64 `json:"pay_gmv"`
	// PayProductIDCnt is 动销商品数, the products sold.
	PayProductIDCnt Int64 `json:"pay_product_id_cnt"`
	PayUV           Int64 `json:"pay_uv"`
	RefundGMV       Int64 `json:"refund_gmv"`
	PayRefundGMV    Int64 `json:"pay_refund_gmv"`
}

// CompassFinder is a talent that sold the shop's products on the day.
// TalentID and MPID come with version "v2" (带货者身份).
type CompassFinder struct {
	FinderID       string           `json:"finder_id"`
	FinderNickname string           `json:"finder_nickname"`
	Data           CompassFinderGMV `json:"data"`
	TalentID       string           `json:"talent_id,omitempty"`
	TalentNickname string           `json:"talent_nickname,omitempty"`
	MPID           string           `json:"mp_id,omitempty"`
	MPNickname     string           `json:"mp_nickname,omitempty"`
}

// ShopFinders returns the talents with sales of the shop's products on
// day ds (获取带货达人列表); v2 asks for their seller identities.
//
// WeChat API: POST /channels/ec/compass/shop/finder/list/get
func (s *CompassService) ShopFinders(ctx context.Context, ds string, v2 bool) ([]CompassFinder, *Response, error) {
	body := struct {
		DS      string `json:"ds"`
		Version string `json:"version,omitempty"`
	}{DS: ds}
	if v2 {
		body.Version = "v2"
	}
	var out struct {
		FinderList []CompassFinder `json:"finder_list"`
	}
	resp, err := s.compassCall(ctx, epCompassShopFinders, "list compass finders", ds, body, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.FinderList, resp, nil
}

// CompassFinderOverall sums the talents' sales of the day (带货数据概览).
type CompassFinderOverall struct {
	PayGMV Int64 `json:"pay_gmv"`
	// PaySalesFinderCnt is the talents with sales (动销达人数).
	PaySalesFinderCnt Int64 `json:"pay_sales_finder_cnt"`
	PayProductIDCnt   Int64 `json:"pay_product_id_cnt"`
	// ClickToPayUVRatio is 点击-成交转化率 (paying ÷ clicking people).
	ClickToPayUVRatio decimal.Decimal `json:"click_to_pay_uv_ratio"`
}

// ShopFinderOverall returns the talents' sales of day ds (获取带货数据概览).
//
// WeChat API: POST /channels/ec/compass/shop/finder/overall/get
func (s *CompassService) ShopFinderOverall(ctx context.Context, ds string) (*CompassFinderOverall, *Response, error) {
	var out struct {
		Data CompassFinderOverall `json:"data"`
	}
	resp, err := s.compassCall(ctx, epCompassShopFinderOverall, "get finder overall", ds, dsBody{ds}, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.Data, resp, nil
}

// TalentRef names a talent by one of its identities (finder_id, talent_id
// or mp_id: exactly one is required).
type TalentRef struct {
	FinderID string `json:"finder_id,omitempty"`
	TalentID string `json:"talent_id,omitempty"`
	MPID     string `json:"mp_id,omitempty"`
}

func (r TalentRef) validate() error {
	n := 0
	for _, v := range []string{r.FinderID, r.TalentID, r.MPID} {
		if v != "" {
			n++
		}
	}
	if n != 1 {
		return vcart.NewValidationError([]vcart.FieldError{{Field: "finder_id", Code: "one_of", Msg: "exactly one of finder_id, talent_id and mp_id is required"}})
	}
	return nil
}

type talentBody struct {
	DS string `json:"ds"`
	TalentRef
}

// CompassCommission is a talent's sales of one product: the commission
// rate (a fraction) and the GMV in fen.
type CompassCommission struct {
	CommissionRatio decimal.Decimal `json:"commission_ratio"`
	PayGMV          Int64           `json:"pay_gmv"`
}

// CompassFinderProduct is a product a talent sold for the shop.
type CompassFinderProduct struct {
	CompassProductHead
	Data CompassCommission `json:"data"`
}

// ShopFinderProducts returns the shop's products a talent sold on day ds
// (获取带货达人商品列表).
//
// WeChat API: POST /channels/ec/compass/shop/finder/product/list/get
func (s *CompassService) ShopFinderProducts(ctx context.Context, ds string, talent TalentRef) ([]CompassFinderProduct, *Response, error) {
	if err := talent.validate(); err != nil {
		return nil, nil, errorf("list finder products", err)
	}
	var out struct {
		ProductList []CompassFinderProduct `json:"product_list"`
	}
	resp, err := s.compassCall(ctx, epCompassShopFinderProducts, "list finder products", ds, talentBody{ds, talent}, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.ProductList, resp, nil
}

// ShopFinderDetail returns a talent's sales of the shop's products on day
// ds (获取带货达人详情).
//
// WeChat API: POST /channels/ec/compass/shop/finder/product/overall/get
func (s *CompassService) ShopFinderDetail(ctx context.Context, ds string, talent TalentRef) (*CompassFinderGMV, *Response, error) {
	if err := talent.validate(); err != nil {
		return nil, nil, errorf("get finder detail", err)
	}
	var out struct {
		Data CompassFinderGMV `json:"data"`
	}
	resp, err := s.compassCall(ctx, epCompassShopFinderDetail, "get finder detail", ds, talentBody{ds, talent}, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.Data, resp, nil
}

// CompassTalentOverall is a talent's day by channel (电商概览数据, 达人版).
// Money in fen.
type CompassTalentOverall struct {
	PayGMV        Int64 `json:"pay_gmv"`
	LivePayGMV    Int64 `json:"live_pay_gmv"`
	FeedPayGMV    Int64 `json:"feed_pay_gmv"`
	WindowPayGMV  Int64 `json:"window_pay_gmv"`
	ProductPayGMV Int64 `json:"product_pay_gmv"`
	OtherPayGMV   Int64 `json:"other_pay_gmv"`
}

// FinderOverall returns the talent's figures of day ds (获取电商概览数据
// 达人版), for a channel account selling on commission.
//
// WeChat API: POST /channels/ec/compass/finder/overall/get
func (s *CompassService) FinderOverall(ctx context.Context, ds string) (*CompassTalentOverall, *Response, error) {
	var out struct {
		Data CompassTalentOverall `json:"data"`
	}
	resp, err := s.compassCall(ctx, epCompassFinderOverall, "get talent overall", ds, dsBody{ds}, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.Data, resp, nil
}

// CompassTalentFigures are a product's figures in the talent view: the
// common figures and the talent's commission, actual and predicted, in fen.
type CompassTalentFigures struct {
	CompassFigures
	ActualCommission  Int64 `json:"actual_commission"`
	PredictCommission Int64 `json:"predict_commission"`
}

// CompassTalentProduct is a product with its figures (talent view).
type CompassTalentProduct struct {
	CompassProductHead
	Data CompassTalentFigures `json:"data"`
}

// FinderProducts returns the products the talent sold on day ds
// (获取带货商品列表 达人版).
//
// WeChat API: POST /channels/ec/compass/finder/product/list/get
func (s *CompassService) FinderProducts(ctx context.Context, ds string) ([]CompassTalentProduct, *Response, error) {
	var out struct {
		ProductList []CompassTalentProduct `json:"product_list"`
	}
	resp, err := s.compassCall(ctx, epCompassFinderProducts, "list talent products", ds, dsBody{ds}, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.ProductList, resp, nil
}

// FinderProduct returns one product's figures of day ds (获取带货商品数据
// 达人版).
//
// WeChat API: POST /channels/ec/compass/finder/product/data/get
func (s *CompassService) FinderProduct(ctx context.Context, ds string, productID ID) (*CompassTalentProduct, *Response, error) {
	if productID == "" {
		return nil, nil, errorf("get talent product", vcart.NewValidationError([]vcart.FieldError{{Field: "product_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		DS        string `json:"ds"`
		ProductID ID     `json:"product_id"`
	}{ds, productID}
	var out struct {
		ProductInfo CompassTalentProduct `json:"product_info"`
	}
	resp, err := s.compassCall(ctx, epCompassFinderProduct, "get talent product", ds, body, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.ProductInfo, resp, nil
}

// FinderSaleProfile returns the talent's audience profile of day ds
// (获取带货人群数据 达人版).
//
// WeChat API: POST /channels/ec/compass/finder/sale/profile/data/get
func (s *CompassService) FinderSaleProfile(ctx context.Context, ds string, typ AudienceType) (*SaleProfile, *Response, error) {
	return s.profile(ctx, epCompassFinderProfile, "get talent sale profile", ds, typ)
}
