package shopapitest

import (
	"errors"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// memberRoutes returns the member endpoints (会员) of the shop and of the
// mini-program.
func memberRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/vip/user/info/get", h: (*Server).hMemberGet},
		{method: http.MethodPost, path: "/channels/ec/vip/user/list/get", h: (*Server).hMemberList},
		{method: http.MethodPost, path: "/channels/ec/vip/user/score/get", h: (*Server).hScoreGet},
		{method: http.MethodPost, path: "/channels/ec/vip/user/score/increase", h: (*Server).hScoreIncrease},
		{method: http.MethodPost, path: "/channels/ec/vip/user/score/decrease", h: (*Server).hScoreDecrease},
		{method: http.MethodPost, path: "/channels/ec/vip/user/score/flowrecord/get", h: (*Server).hScoreFlow},
		{method: http.MethodPost, path: "/channels/ec/vip/user/grade/update", h: (*Server).hGradeUpdate},
		{method: http.MethodPost, path: "/channels/ec/vip/v3/wxa/info/get", h: (*Server).hWxaBinding},
		{method: http.MethodPost, path: "/wxa/vip/shop/list/get", h: (*Server).hWxaShops},
		{method: http.MethodPost, path: "/wxa/vip/user/info/add", h: (*Server).hWxaMemberAdd},
		{method: http.MethodPost, path: "/wxa/vip/user/info/update", h: (*Server).hWxaMemberUpdate},
		{method: http.MethodPost, path: "/wxa/vip/user/info/delete", h: (*Server).hWxaMemberDelete},
		{method: http.MethodPost, path: "/wxa/vip/user/info/get", h: (*Server).hWxaMemberGet},
		{method: http.MethodPost, path: "/wxa/vip/user/list/get", h: (*Server).hWxaMemberList},
	}
}

// DefaultMemberGrades is the number of grades the fake's merchant has set
// up (1..4, the seed's 青铜 → 钻石).
const DefaultMemberGrades = 4

// member is a shop member.
type member struct {
	openid     string
	grade      shopapi.Grade
	experience int64
	score      int64
	flows      []shopapi.ScoreFlow
	// requests maps a points request_id to the change it made: a repeated
	// id is applied once.
	requests map[string]int64
}

// memberState holds the shop's member settings.
type memberState struct {
	grades  int
	binding *shopapi.WxaBinding
}

func (s *Server) members() *table[member] {
	return tableOf[member](s, "members", shopapi.CodeVipNotFound, "member not found")
}

func (s *Server) memberState() *memberState {
	return stateOf(s, "member_state", func() *memberState { return &memberState{grades: DefaultMemberGrades} })
}

func (s *Server) wxaMembers() *table[shopapi.WxaMember] {
	return tableOf[shopapi.WxaMember](s, "wxa_members", shopapi.CodeVipNotFound, "wxa member not found")
}

func (s *Server) emitMember(event, openid string, info map[string]any) {
	s.emit(event, openid, "user_info", info)
}

// JoinMember makes a buyer a member (用户加入会员) at grade 1 with the given
// growth value (experience_value) and pushes channels_ec_vip_join.
func (s *Server) JoinMember(openid string, experience int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if openid == "" {
		return errors.New("shopapitest: JoinMember: an openid is required")
	}
	ms := s.members()
	if _, ok := ms.byID[openid]; ok {
		return errors.New("shopapitest: JoinMember: already a member")
	}
	ms.put(openid, &member{openid: openid, grade: 1, experience: experience, requests: map[string]int64{}})
	s.emitMember("channels_ec_vip_join", openid, map[string]any{"join_time": s.now().Unix()})
	return nil
}

// CloseMember cancels a membership (用户注销会员), pushing channels_ec_vip_close.
func (s *Server) CloseMember(openid string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.members().remove(openid); err != nil {
		return err
	}
	s.emitMember("channels_ec_vip_close", openid, map[string]any{"close_time": s.now().Unix()})
	return nil
}

// SetMemberGrades sets how many grades (1..n) the merchant has set up.
func (s *Server) SetMemberGrades(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.memberState().grades = n
}

// SetWxaBinding sets the mini-program linked to the shop's membership.
func (s *Server) SetWxaBinding(b shopapi.WxaBinding) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.memberState().binding = &b
}

// MemberScore returns a member's points and how many changes were applied.
func (s *Server) MemberScore(openid string) (score int64, changes int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.members().byID[openid]
	if !ok {
		return 0, 0, false
	}
	return m.score, len(m.flows), true
}

// MemberGrade returns a member's grade.
func (s *Server) MemberGrade(openid string) (shopapi.Grade, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.members().byID[openid]
	if !ok {
		return 0, false
	}
	return m.grade, true
}

type memberView struct {
	OpenID        string                `json:"openid"`
	UserGradeInfo shopapi.UserGradeInfo `json:"user_grade_info"`
	UnionID       string                `json:"unionid"`
}

func (m *member) view() memberView {
	return memberView{m.openid, shopapi.UserGradeInfo{Grade: m.grade, ExperienceValue: m.experience}, "union-" + m.openid}
}

func (s *Server) memberFor(c *call, b any, openid *string) (*member, error) {
	if err := c.decode(b); err != nil {
		return nil, err
	}
	if *openid == "" {
		return nil, apiErr(shopapi.CodeVipBadParams, "openid is required")
	}
	return s.members().get(*openid)
}

type openidReq struct {
	OpenID string `json:"openid"`
}

func (s *Server) hMemberGet(c *call) (any, error) {
	var b openidReq
	m, err := s.memberFor(c, &b, &b.OpenID)
	if err != nil {
		return nil, err
	}
	return struct {
		Info memberView `json:"info"`
	}{m.view()}, nil
}

func (s *Server) hMemberList(c *call) (any, error) {
	var b struct {
		PageNum  int `json:"page_num"`
		PageSize int `json:"page_size"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ms := s.members()
	ids := ms.ids(nil)
	page, err := pageNumber(ids, b.PageNum, b.PageSize, 100, shopapi.CodeVipBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		List     []memberView `json:"list"`
		TotalNum int          `json:"total_num"`
	}{List: []memberView{}, TotalNum: len(ids)}
	for _, id := range page {
		out.List = append(out.List, ms.byID[id].view())
	}
	return out, nil
}

func (s *Server) hScoreGet(c *call) (any, error) {
	var b openidReq
	m, err := s.memberFor(c, &b, &b.OpenID)
	if err != nil {
		return nil, err
	}
	type info struct {
		Score string `json:"score"` // a string, as the platform sends it
	}
	return struct {
		Info info `json:"info"`
	}{info{strconv.FormatInt(m.score, 10)}}, nil
}

func (s *Server) scoreChange(c *call, sign int64) (any, error) {
	var b struct {
		OpenID    string `json:"openid"`
		Score     string `json:"score"`
		Remark    string `json:"remark"`
		RequestID string `json:"request_id"`
	}
	m, err := s.memberFor(c, &b, &b.OpenID)
	if err != nil {
		return nil, err
	}
	n, perr := strconv.ParseInt(b.Score, 10, 64)
	if perr != nil || n <= 0 || b.RequestID == "" {
		return nil, apiErr(shopapi.CodeVipBadParams, "score must be a positive integer string and request_id is required")
	}
	if _, done := m.requests[b.RequestID]; done {
		return nil, nil // a repeated request_id is applied once
	}
	delta := sign * n
	if m.score+delta < 0 {
		return nil, apiErr(shopapi.CodeVipBadParams, "not enough points")
	}
	m.score += delta
	m.requests[b.RequestID] = delta
	src, remark := shopapi.FlowMerchantAdd, "商家后台增加"
	if sign < 0 {
		src, remark = shopapi.FlowMerchantCut, "商家后台减少"
	}
	if b.Remark != "" {
		remark = b.Remark
	}
	m.flows = append(m.flows, shopapi.ScoreFlow{Score: delta, Source: src, Remark: remark})
	s.emitMember("channels_ec_vip_score_update", m.openid, map[string]any{"score": m.score, "delta_score": delta, "flow_type": int(src)})
	return nil, nil
}

func (s *Server) hScoreIncrease(c *call) (any, error) { return s.scoreChange(c, 1) }
func (s *Server) hScoreDecrease(c *call) (any, error) { return s.scoreChange(c, -1) }

func (s *Server) hScoreFlow(c *call) (any, error) {
	var b struct {
		OpenID   string `json:"openid"`
		PageNum  int    `json:"page_num"`
		PageSize int    `json:"page_size"`
	}
	m, err := s.memberFor(c, &b, &b.OpenID)
	if err != nil {
		return nil, err
	}
	idx := make([]string, len(m.flows))
	for i := range m.flows {
		idx[len(m.flows)-1-i] = strconv.Itoa(i) // newest first
	}
	page, err := pageNumber(idx, b.PageNum, b.PageSize, 100, shopapi.CodeVipBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		List     []shopapi.ScoreFlow `json:"list"`
		TotalNum int                 `json:"total_num"`
	}{List: []shopapi.ScoreFlow{}, TotalNum: len(m.flows)}
	for _, k := range page {
		i, _ := strconv.Atoi(k)
		out.List = append(out.List, m.flows[i])
	}
	return out, nil
}

func (s *Server) hGradeUpdate(c *call) (any, error) {
	var b struct {
		OpenID string        `json:"openid"`
		Grade  shopapi.Grade `json:"grade"`
	}
	m, err := s.memberFor(c, &b, &b.OpenID)
	if err != nil {
		return nil, err
	}
	if b.Grade < 1 || int(b.Grade) > s.memberState().grades {
		return nil, apiErr(shopapi.CodeVipBadParams, "grade "+strconv.Itoa(int(b.Grade))+" is not one the merchant set up")
	}
	if m.grade == b.Grade {
		return nil, nil
	}
	m.grade = b.Grade
	s.emitMember("channels_ec_vip_grade_info_update", m.openid, map[string]any{"grade": int(m.grade), "experience_value": m.experience})
	return nil, nil
}

func (s *Server) hWxaBinding(_ *call) (any, error) {
	b := s.memberState().binding
	if b == nil {
		return nil, apiErr(shopapi.CodeVipNotFound, "no mini-program is linked")
	}
	out := *b
	if out.Info.WhitelistOpenIDs == nil {
		out.Info.WhitelistOpenIDs = []string{}
	}
	return out, nil
}

func (s *Server) hWxaShops(_ *call) (any, error) {
	type shop struct {
		ShopAppID string `json:"shop_appid"`
	}
	return struct {
		List []shop `json:"list"`
	}{[]shop{{s.appID}}}, nil
}

type wxaMemberReq struct {
	SessionID string                `json:"session_id"`
	WxaOpenID string                `json:"wxa_openid"`
	Info      shopapi.WxaMemberInfo `json:"info"`
}

func (s *Server) hWxaMemberAdd(c *call) (any, error) {
	var b wxaMemberReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.WxaOpenID == "" || b.SessionID == "" {
		return nil, apiErr(shopapi.CodeVipBadParams, "session_id and wxa_openid are required")
	}
	t := s.wxaMembers()
	if _, dup := t.byID[b.WxaOpenID]; dup {
		return nil, apiErr(shopapi.CodeVipBadParams, "wxa member exists")
	}
	t.put(b.WxaOpenID, &shopapi.WxaMember{WxaOpenID: b.WxaOpenID, WxaMemberInfo: b.Info, RelatedShopAppID: []string{s.appID}})
	// The linked shop learns of the member (自动加入会员).
	s.emit("channels_ec_vip_user_auto_add", b.WxaOpenID, "info", map[string]any{"shop_appid": s.appID,
		"outer_userid": b.Info.OuterUserID, "identity": b.Info.Identity, "add_time": s.now().Unix()})
	return nil, nil
}

func (s *Server) hWxaMemberUpdate(c *call) (any, error) {
	var b wxaMemberReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	m, err := s.wxaMembers().get(b.WxaOpenID)
	if err != nil {
		return nil, err
	}
	m.WxaMemberInfo = b.Info
	return nil, nil
}

type wxaOpenIDReq struct {
	WxaOpenID string `json:"wxa_openid"`
}

func (s *Server) hWxaMemberDelete(c *call) (any, error) {
	var b wxaOpenIDReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return nil, s.wxaMembers().remove(b.WxaOpenID)
}

func (s *Server) hWxaMemberGet(c *call) (any, error) {
	var b wxaOpenIDReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	m, err := s.wxaMembers().get(b.WxaOpenID)
	if err != nil {
		return nil, err
	}
	type info struct {
		shopapi.WxaMemberInfo
		RelatedShopAppID []string `json:"related_shop_appid"`
	}
	return struct {
		Info info `json:"info"`
	}{info{m.WxaMemberInfo, m.RelatedShopAppID}}, nil
}

func (s *Server) hWxaMemberList(c *call) (any, error) {
	var b struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	t := s.wxaMembers()
	ids, _, err := pageOffset(t.ids(nil), b.Offset, b.Limit, 100, shopapi.CodeVipBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		List []shopapi.WxaMember `json:"list"`
	}{[]shopapi.WxaMember{}}
	for _, id := range ids {
		out.List = append(out.List, *t.byID[id])
	}
	return out, nil
}

// AskMemberInfo pushes channels_ec_vip_user_info_get, as the platform does
// when it needs a mini-program member's information for the shop.
func (s *Server) AskMemberInfo(openid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.emit("channels_ec_vip_user_info_get", openid, "info", map[string]any{"shop_appid": s.appID})
}

// ExchangePoints spends a member's points on a coupon (积分兑换优惠券), as
// in the shop's points mall: the coupon is received as with
// [Server.ReceiveCoupon], the points are taken (flow source 4), and
// channels_ec_vip_score_exchange and channels_ec_vip_score_update are
// pushed. Nothing changes when any step fails. It returns the
// user_coupon_id.
func (s *Server) ExchangePoints(openid string, couponID vcart.ID, cost int64) (vcart.ID, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.members().get(openid)
	if err != nil {
		return "", err
	}
	if cost <= 0 || m.score < cost {
		return "", apiErr(shopapi.CodeVipBadParams, "not enough points")
	}
	uc, err := s.receiveCoupon(openid, string(couponID))
	if err != nil {
		return "", err
	}
	m.score -= cost
	m.flows = append(m.flows, shopapi.ScoreFlow{Score: -cost, Source: shopapi.FlowExchangeCoupon, Remark: "积分商城兑换优惠券"})
	s.emit("channels_ec_vip_score_exchange", openid, "exchange_info", map[string]any{"pay_score": cost, "score_item_type": 1,
		"coupon_info": map[string]any{"related_coupon_id": couponID}})
	s.emitMember("channels_ec_vip_score_update", openid, map[string]any{"score": m.score, "delta_score": -cost,
		"flow_type": int(shopapi.FlowExchangeCoupon)})
	return vcart.ID(uc), nil
}
