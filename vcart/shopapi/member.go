package shopapi

import (
	"context"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Members (会员): the shop's members with their grades (等级) and points
// (积分), and the mini-program member APIs (小程序会员) that link a
// mini-program's members with the shop.
//
// Points changes are idempotent per business id: score/increase and
// score/decrease carry request_id (请求唯一ID), which the platform applies
// once. The client requires one and retries the call after an ambiguous
// failure with the same id, so a retry never applies twice; derive the id
// from the business event (an order id, a campaign and a member), never
// from the attempt.
//
// The /wxa/vip/… calls (WxaBoundShops and the WxaMember methods) are the
// mini-program's: call them on a Client whose TokenSource yields the
// mini-program's access_token, not the shop's.

var (
	epVipGradeUpdate   = ep("/channels/ec/vip/user/grade/update")
	epVipUserGet       = ep("/channels/ec/vip/user/info/get")
	epVipUserList      = ep("/channels/ec/vip/user/list/get")
	epVipScoreDecrease = ep("/channels/ec/vip/user/score/decrease")
	epVipScoreFlow     = ep("/channels/ec/vip/user/score/flowrecord/get")
	epVipScoreGet      = ep("/channels/ec/vip/user/score/get")
	epVipScoreIncrease = ep("/channels/ec/vip/user/score/increase")
	epVipWxaInfo       = ep("/channels/ec/vip/v3/wxa/info/get")
	epWxaVipShopList   = ep("/wxa/vip/shop/list/get")
	epWxaVipAdd        = ep("/wxa/vip/user/info/add")
	epWxaVipDelete     = ep("/wxa/vip/user/info/delete")
	epWxaVipGet        = ep("/wxa/vip/user/info/get")
	epWxaVipUpdate     = ep("/wxa/vip/user/info/update")
	epWxaVipList       = ep("/wxa/vip/user/list/get")
)

// Grade is a member grade as the platform numbers it (会员等级, set by the
// merchant: 1, 2, 3 …). A [GradeMap] maps the SDK's
// tiers (vcart/kpi) onto it.
type Grade int

// UserGradeInfo is a member's grade and growth value (user_grade_info).
type UserGradeInfo struct {
	Grade           Grade `json:"grade"`
	ExperienceValue int64 `json:"experience_value"`
}

// Member is a shop member (会员用户信息).
type Member struct {
	OpenID        string        `json:"openid"`
	UnionID       string        `json:"unionid,omitempty"`
	UserGradeInfo UserGradeInfo `json:"user_grade_info"`
}

func requireOpenID(op, openid string) error {
	if openid == "" {
		return errorf(op, vcart.NewValidationError([]vcart.FieldError{{Field: "openid", Code: "required", Msg: "must not be empty"}}))
	}
	return nil
}

// Get returns a member (获取用户信息).
//
// WeChat API: POST /channels/ec/vip/user/info/get
func (s *MemberService) Get(ctx context.Context, openid string) (*Member, *Response, error) {
	if err := requireOpenID("get member", openid); err != nil {
		return nil, nil, err
	}
	var out struct {
		Info Member `json:"info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epVipUserGet, body: openidBody{openid}}, &out)
	if err != nil {
		return nil, resp, errorf("get member", err)
	}
	return &out.Info, resp, nil
}

type openidBody struct {
	OpenID string `json:"openid"`
}

// MemberList is a page of members.
type MemberList struct {
	List     []Member `json:"list"`
	TotalNum int      `json:"total_num"`
}

// List returns page pageNum (from 1) of pageSize members (获取用户列表).
//
// WeChat API: POST /channels/ec/vip/user/list/get
func (s *MemberService) List(ctx context.Context, pageNum, pageSize int) (*MemberList, *Response, error) {
	p := checkPageNum("page_num", &pageNum, nil)
	p = checkPageSize("page_size", &pageSize, p)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list members", err)
	}
	body := struct {
		PageNum  int `json:"page_num"`
		PageSize int `json:"page_size"`
	}{pageNum, pageSize}
	var out MemberList
	resp, err := s.client.call(ctx, &request{ep: epVipUserList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list members", err)
	}
	return &out, resp, nil
}

// Score returns a member's points balance (获取用户积分). The platform sends
// it as a string ("100").
//
// WeChat API: POST /channels/ec/vip/user/score/get
func (s *MemberService) Score(ctx context.Context, openid string) (int64, *Response, error) {
	if err := requireOpenID("get member score", openid); err != nil {
		return 0, nil, err
	}
	var out struct {
		Info struct {
			Score Int64 `json:"score"` // "100" in the example
		} `json:"info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epVipScoreGet, body: openidBody{openid}}, &out)
	if err != nil {
		return 0, resp, errorf("get member score", err)
	}
	return int64(out.Info.Score), resp, nil
}

// ScoreChange is a points change (增加/减少用户积分).
type ScoreChange struct {
	OpenID string `json:"openid"`
	// Score is the points to add or remove, positive.
	Score int64 `json:"-"`
	// Remark is an optional note (备注).
	Remark string `json:"remark,omitempty"`
	// RequestID is the change's unique business id (请求唯一ID): the
	// platform applies a request_id once, so a retry, by the client or by
	// the caller, never applies twice. Required.
	RequestID string `json:"request_id"`
}

func (c *ScoreChange) body() any {
	return struct {
		OpenID    string `json:"openid"`
		Score     string `json:"score"` // a string on the wire
		Remark    string `json:"remark,omitempty"`
		RequestID string `json:"request_id"`
	}{c.OpenID, strconv.FormatInt(c.Score, 10), c.Remark, c.RequestID}
}

func (c *ScoreChange) problems() []vcart.FieldError {
	var p []vcart.FieldError
	if c.OpenID == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "must not be empty"})
	}
	if c.Score <= 0 {
		p = append(p, vcart.FieldError{Field: "score", Code: "range", Msg: "must be positive"})
	}
	if c.RequestID == "" {
		p = append(p, vcart.FieldError{Field: "request_id", Code: "required", Msg: "a unique business id makes the change idempotent"})
	}
	return p
}

func (s *MemberService) scoreChange(ctx context.Context, op string, e endpoint, c *ScoreChange) (*Response, error) {
	if c == nil {
		c = &ScoreChange{}
	}
	if err := vcart.NewValidationError(c.problems()); err != nil {
		return nil, errorf(op, err)
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: c.body()}, nil)
	if err != nil {
		return resp, errorf(op, err)
	}
	return resp, nil
}

// IncreaseScore adds points (增加用户积分). It is idempotent per RequestID:
// the client retries it after an ambiguous failure with the same id, and
// the platform applies the id once.
//
// WeChat API: POST /channels/ec/vip/user/score/increase
func (s *MemberService) IncreaseScore(ctx context.Context, c *ScoreChange) (*Response, error) {
	return s.scoreChange(ctx, "increase member score", epVipScoreIncrease, c)
}

// DecreaseScore removes points (减少用户积分), idempotent per RequestID as
// [MemberService.IncreaseScore].
//
// WeChat API: POST /channels/ec/vip/user/score/decrease
func (s *MemberService) DecreaseScore(ctx context.Context, c *ScoreChange) (*Response, error) {
	return s.scoreChange(ctx, "decrease member score", epVipScoreDecrease, c)
}

// ScoreFlowSource is where a points change came from (流水来源 / flow_type).
type ScoreFlowSource int

// Points flow sources, from the score-update event's flow_type enum.
const (
	FlowConsume        ScoreFlowSource = 1 // 消费-增加积分
	FlowOrder          ScoreFlowSource = 2 // 下单-增加积分
	FlowExchangeGoods  ScoreFlowSource = 3 // 积分商城兑换商品
	FlowExchangeCoupon ScoreFlowSource = 4 // 积分商城兑换优惠券
	FlowOrderDeduct    ScoreFlowSource = 5 // 下单-抵扣积分
	FlowAftersale      ScoreFlowSource = 6 // 售后-退回积分
	FlowMerchantAdd    ScoreFlowSource = 7 // 商家后台增加
	FlowMerchantCut    ScoreFlowSource = 8 // 商家后台减少
	FlowTask           ScoreFlowSource = 9 // 任务完成-增加积分
)

// ScoreFlow is one points change (积分流水): positive added, negative removed.
type ScoreFlow struct {
	Score  int64           `json:"score"`
	Source ScoreFlowSource `json:"source"`
	Remark string          `json:"remark"`
}

// ScoreFlowList is a page of a member's points flow.
type ScoreFlowList struct {
	List     []ScoreFlow `json:"list"`
	TotalNum int         `json:"total_num"`
}

// ScoreFlow returns page pageNum (from 1) of a member's points flow
// (获取用户积分流水).
//
// WeChat API: POST /channels/ec/vip/user/score/flowrecord/get
func (s *MemberService) ScoreFlow(ctx context.Context, openid string, pageNum, pageSize int) (*ScoreFlowList, *Response, error) {
	var p []vcart.FieldError
	if openid == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "must not be empty"})
	}
	p = checkPageNum("page_num", &pageNum, p)
	p = checkPageSize("page_size", &pageSize, p)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("member score flow", err)
	}
	body := struct {
		OpenID   string `json:"openid"`
		PageNum  int    `json:"page_num"`
		PageSize int    `json:"page_size"`
	}{openid, pageNum, pageSize}
	var out ScoreFlowList
	resp, err := s.client.call(ctx, &request{ep: epVipScoreFlow, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("member score flow", err)
	}
	return &out, resp, nil
}

// UpdateGrade sets a member's grade (更新用户等级); the grade must be one
// the merchant has set up. Setting a grade is idempotent.
//
// WeChat API: POST /channels/ec/vip/user/grade/update
func (s *MemberService) UpdateGrade(ctx context.Context, openid string, grade Grade) (*Response, error) {
	var p []vcart.FieldError
	if openid == "" {
		p = append(p, vcart.FieldError{Field: "openid", Code: "required", Msg: "must not be empty"})
	}
	if grade < 1 {
		p = append(p, vcart.FieldError{Field: "grade", Code: "range", Msg: "must be a grade from 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update member grade", err)
	}
	body := struct {
		OpenID string `json:"openid"`
		Grade  Grade  `json:"grade"`
	}{openid, grade}
	resp, err := s.client.call(ctx, &request{ep: epVipGradeUpdate, body: body}, nil)
	if err != nil {
		return resp, errorf("update member grade", err)
	}
	return resp, nil
}

// WxaBinding is the mini-program linked to the shop's membership
// (小店获取关联小程序信息).
type WxaBinding struct {
	WxaAppID string `json:"wxa_appid"`
	Info     struct {
		Paths struct {
			RegisterPath string `json:"register_path"`
			RightsPath   string `json:"rights_path"`
		} `json:"paths"`
		WhitelistOpenIDs []string `json:"whitelist_openids"`
		DisplayInfo      struct {
			OrderPageDisplay int `json:"order_page_display"`
		} `json:"display_info"`
	} `json:"info"`
	State int `json:"state"`
}

// WxaBinding returns the mini-program linked to the shop's membership.
//
// WeChat API: POST /channels/ec/vip/v3/wxa/info/get
func (s *MemberService) WxaBinding(ctx context.Context) (*WxaBinding, *Response, error) {
	var out WxaBinding
	resp, err := s.client.call(ctx, &request{ep: epVipWxaInfo, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get wxa binding", err)
	}
	return &out, resp, nil
}

// WxaBoundShops returns the shops linked to the calling mini-program
// (获取小程序已关联小店列表), with the mini-program's token.
//
// WeChat API: POST /wxa/vip/shop/list/get
func (s *MemberService) WxaBoundShops(ctx context.Context) ([]string, *Response, error) {
	var out struct {
		List []struct {
			ShopAppID string `json:"shop_appid"`
		} `json:"list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWxaVipShopList, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("list wxa bound shops", err)
	}
	ids := make([]string, len(out.List))
	for i, l := range out.List {
		ids[i] = l.ShopAppID
	}
	return ids, resp, nil
}

// WxaMemberInfo is a mini-program member's identity (小程序会员信息).
type WxaMemberInfo struct {
	// Identity is the member's level as the mini-program names it ("Lv.1").
	Identity    string `json:"identity"`
	OuterUserID string `json:"outer_userid"`
}

// WxaMember is a mini-program member with the shops it is linked to.
type WxaMember struct {
	WxaOpenID string `json:"wxa_openid,omitempty"`
	WxaMemberInfo
	RelatedShopAppID []string `json:"related_shop_appid"`
}

func requireWxaOpenID(op, id string) error {
	if id == "" {
		return errorf(op, vcart.NewValidationError([]vcart.FieldError{{Field: "wxa_openid", Code: "required", Msg: "must not be empty"}}))
	}
	return nil
}

// AddWxaMember adds a mini-program member (新增小程序会员信息); sessionID is
// the session of the member's registration.
//
// WeChat API: POST /wxa/vip/user/info/add
func (s *MemberService) AddWxaMember(ctx context.Context, sessionID, wxaOpenID string, info WxaMemberInfo) (*Response, error) {
	if err := requireWxaOpenID("add wxa member", wxaOpenID); err != nil {
		return nil, err
	}
	body := struct {
		SessionID string        `json:"session_id"`
		WxaOpenID string        `json:"wxa_openid"`
		Info      WxaMemberInfo `json:"info"`
	}{sessionID, wxaOpenID, info}
	resp, err := s.client.call(ctx, &request{ep: epWxaVipAdd, body: body}, nil)
	if err != nil {
		return resp, errorf("add wxa member", err)
	}
	return resp, nil
}

// UpdateWxaMember updates a mini-program member (更新小程序会员信息).
//
// WeChat API: POST /wxa/vip/user/info/update
func (s *MemberService) UpdateWxaMember(ctx context.Context, wxaOpenID string, info WxaMemberInfo) (*Response, error) {
	if err := requireWxaOpenID("update wxa member", wxaOpenID); err != nil {
		return nil, err
	}
	body := struct {
		WxaOpenID string        `json:"wxa_openid"`
		Info      WxaMemberInfo `json:"info"`
	}{wxaOpenID, info}
	resp, err := s.client.call(ctx, &request{ep: epWxaVipUpdate, body: body}, nil)
	if err != nil {
		return resp, errorf("update wxa member", err)
	}
	return resp, nil
}

type wxaOpenIDBody struct {
	WxaOpenID string `json:"wxa_openid"`
}

// DeleteWxaMember deletes a mini-program member (删除小程序会员信息).
//
// WeChat API: POST /wxa/vip/user/info/delete
func (s *MemberService) DeleteWxaMember(ctx context.Context, wxaOpenID string) (*Response, error) {
	if err := requireWxaOpenID("delete wxa member", wxaOpenID); err != nil {
		return nil, err
	}
	resp, err := s.client.call(ctx, &request{ep: epWxaVipDelete, body: wxaOpenIDBody{wxaOpenID}}, nil)
	if err != nil {
		return resp, errorf("delete wxa member", err)
	}
	return resp, nil
}

// GetWxaMember returns a mini-program member (获取小程序会员信息).
//
// WeChat API: POST /wxa/vip/user/info/get
func (s *MemberService) GetWxaMember(ctx context.Context, wxaOpenID string) (*WxaMember, *Response, error) {
	if err := requireWxaOpenID("get wxa member", wxaOpenID); err != nil {
		return nil, nil, err
	}
	var out struct {
		Info WxaMember `json:"info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWxaVipGet, body: wxaOpenIDBody{wxaOpenID}}, &out)
	if err != nil {
		return nil, resp, errorf("get wxa member", err)
	}
	out.Info.WxaOpenID = wxaOpenID
	return &out.Info, resp, nil
}

// ListWxaMembers returns limit (1..100) mini-program members from offset
// (获取小程序会员列表).
//
// WeChat API: POST /wxa/vip/user/list/get
func (s *MemberService) ListWxaMembers(ctx context.Context, offset, limit int) ([]WxaMember, *Response, error) {
	var p []vcart.FieldError
	if offset < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "must not be negative"})
	}
	p = checkPageSize("limit", &limit, p)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list wxa members", err)
	}
	body := struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}{offset, limit}
	var out struct {
		List []WxaMember `json:"list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWxaVipList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list wxa members", err)
	}
	return out.List, resp, nil
}
