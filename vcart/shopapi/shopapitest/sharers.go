package shopapitest

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// sharerRoutes returns the sharer endpoints (分享员).
func sharerRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/sharer/bind", h: (*Server).hSharerBind},
		{method: http.MethodPost, path: "/channels/ec/sharer/unbind", h: (*Server).hSharerUnbind},
		{method: http.MethodPost, path: "/channels/ec/sharer/search_sharer", h: (*Server).hSharerSearch},
		{method: http.MethodPost, path: "/channels/ec/sharer/get_sharer_list", h: (*Server).hSharerList},
		{method: http.MethodPost, path: "/channels/ec/sharer/get_sharer_order_list", h: (*Server).hSharerOrders},
	}
}

// MaxOrdinarySharers caps a shop's ordinary sharers (上限10个).
const MaxOrdinarySharers = 10

// sharer is a bound sharer.
type sharer struct {
	openid, nickname, username string
	typ                        shopapi.SharerType
	bound                      int64
}

// sharerCredit is an order line credited to a sharer.
type sharerCredit struct {
	order shopapi.SharerOrder
	at    int64
}

type sharerState struct {
	invites map[string]bool // username ("" for an open code) → pending
	credits []sharerCredit
}

func (s *Server) sharers() *table[sharer] {
	return tableOf[sharer](s, "sharers", shopapi.CodeSharerBadOpenID, "sharer openid invalid")
}

func (s *Server) sharerState() *sharerState {
	return stateOf(s, "sharer_state", func() *sharerState { return &sharerState{invites: map[string]bool{}} })
}

// emitSharer pushes channels_ec_sharer_change, whose fields are at the top
// level of the message (bind_status 1 bound, 2 unbound); s.mu is held.
func (s *Server) emitSharer(sh *sharer, bindStatus int) {
	ps := s.pushes()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	to := "gh_fakeshop0001"
	if ps.cfg != nil {
		to = ps.cfg.ToUserName
	}
	const event = "channels_ec_sharer_change"
	m := map[string]any{"ToUserName": to, "FromUserName": sh.openid, "CreateTime": s.now().Unix(), "MsgType": "event",
		"Event": event, "openid": sh.openid, "sharer_type": int(sh.typ), "bind_status": bindStatus}
	plain, _ := json.Marshal(m)
	ps.emitted = append(ps.emitted, Event{Name: event, Plaintext: plain}) // no Key: a sharer is an openid, not a platform id
	if ps.cfg == nil {
		return
	}
	ps.queue = append(ps.queue, &pushItem{event: event, plain: plain, due: s.now()})
	select {
	case ps.wake <- struct{}{}:
	default:
	}
}

func (s *Server) sharerByUsername(username string) *sharer {
	t := s.sharers()
	for _, id := range t.ids(nil) {
		if sh := t.byID[id]; sh.username == username && username != "" {
			return sh
		}
	}
	return nil
}

func (s *Server) ordinarySharers() int {
	return len(s.sharers().ids(func(_ string, sh *sharer) bool { return sh.typ == shopapi.SharerOrdinary }))
}

func (s *Server) hSharerBind(c *call) (any, error) {
	var b struct {
		Username string `json:"username"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if sh := s.sharerByUsername(b.Username); sh != nil {
		if sh.typ == shopapi.SharerShop {
			return nil, apiErr(shopapi.CodeSharerShopBound, "user is already a shop sharer")
		}
		return nil, apiErr(shopapi.CodeSharerAlreadyBound, "user is already a sharer")
	}
	if s.ordinarySharers() >= MaxOrdinarySharers {
		return nil, apiErr(shopapi.CodeSharerLimit, "ordinary sharers reached the limit (10)")
	}
	s.sharerState().invites[b.Username] = true
	img := "fake-qrcode:" + b.Username
	return shopapi.SharerInvite{QrcodeImg: img, QrcodeImgBase64: base64.StdEncoding.EncodeToString([]byte(img))}, nil
}

// ErrNoInvite reports a sharer scan without a pending invitation.
var ErrNoInvite = errors.New("shopapitest: no pending sharer invitation for this WeChat id")

// ScanSharerInvite binds an ordinary sharer as when the invited user scans
// the code of sharer/bind: the invitation for username (or an open one,
// made without a username) must be pending. It pushes
// channels_ec_sharer_change (bind_status 1).
func (s *Server) ScanSharerInvite(username, openid, nickname string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.sharerState()
	switch {
	case st.invites[username]:
		delete(st.invites, username)
	case st.invites[""]:
	default:
		return ErrNoInvite
	}
	if _, ok := s.sharers().byID[openid]; ok {
		return apiErr(shopapi.CodeSharerAlreadyBound, "user is already a sharer")
	}
	sh := &sharer{openid: openid, nickname: nickname, username: username, typ: shopapi.SharerOrdinary, bound: s.now().Unix()}
	s.sharers().put(openid, sh)
	s.emitSharer(sh, 1)
	return nil
}

// BindShopSharer binds a shop sharer (店铺分享员), as the merchant does in
// the shop's admin pages, pushing channels_ec_sharer_change.
func (s *Server) BindShopSharer(openid, nickname string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.sharers().byID[openid]; ok {
		return apiErr(shopapi.CodeSharerAlreadyBound, "user is already a sharer")
	}
	sh := &sharer{openid: openid, nickname: nickname, typ: shopapi.SharerShop, bound: s.now().Unix()}
	s.sharers().put(openid, sh)
	s.emitSharer(sh, 1)
	return nil
}

func (s *Server) hSharerUnbind(c *call) (any, error) {
	var b struct {
		OpenIDList []string `json:"openid_list"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.OpenIDList) == 0 {
		return nil, apiErr(shopapi.CodeSharerBadParams, "openid_list is required")
	}
	out := shopapi.SharerUnbindResult{SuccessOpenID: []string{}, FailOpenID: []string{}, RefuseOpenID: []string{}}
	now := s.now().Unix()
	t := s.sharers()
	for _, id := range b.OpenIDList {
		sh, ok := t.byID[id]
		// Refused, not retryable: unknown, a shop sharer, or bound less
		// than a day ago.
		if !ok || sh.typ != shopapi.SharerOrdinary || now-sh.bound < 86400 {
			out.RefuseOpenID = append(out.RefuseOpenID, id)
			continue
		}
		_ = t.remove(id)
		s.emitSharer(sh, 2)
		out.SuccessOpenID = append(out.SuccessOpenID, id)
	}
	return out, nil
}

func (sh *sharer) view() shopapi.Sharer {
	return shopapi.Sharer{OpenID: sh.openid, Nickname: sh.nickname, BindTime: sh.bound, SharerType: sh.typ, UnionID: "union-" + sh.openid}
}

func (s *Server) hSharerSearch(c *call) (any, error) {
	var b struct {
		OpenID   string `json:"openid"`
		Username string `json:"username"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.OpenID == "" && b.Username == "" {
		return nil, apiErr(shopapi.CodeSharerBadParams, "give openid or username")
	}
	sh, ok := s.sharers().byID[b.OpenID]
	if !ok {
		sh = s.sharerByUsername(b.Username)
	}
	if sh == nil {
		return struct{}{}, nil // an unbound user answers empty
	}
	return sh.view(), nil
}

func (s *Server) hSharerList(c *call) (any, error) {
	var b struct {
		Page       int                `json:"page"`
		PageSize   int                `json:"page_size"`
		SharerType shopapi.SharerType `json:"sharer_type"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.PageSize == 0 {
		b.PageSize = 10
	}
	t := s.sharers()
	ids := t.ids(func(_ string, sh *sharer) bool { return sh.typ == b.SharerType })
	page, err := pageNumber(ids, b.Page, b.PageSize, 100, shopapi.CodeSharerBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		List []shopapi.Sharer `json:"sharer_info_list"`
	}{[]shopapi.Sharer{}}
	for _, id := range page {
		out.List = append(out.List, t.byID[id].view())
	}
	return out, nil
}

func (s *Server) hSharerOrders(c *call) (any, error) {
	var b shopapi.SharerOrderOptions
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.EndTime != 0 && b.EndTime < b.StartTime {
		return nil, apiErr(shopapi.CodeSharerBadParams, "end_time before start_time")
	}
	st := s.sharerState()
	var ids []string
	for i, cr := range st.credits {
		o := cr.order
		if (b.OpenID == "" || o.SharerOpenID == b.OpenID) && (b.ShareScene == 0 || o.ShareScene == b.ShareScene) &&
			(b.StartTime == 0 || cr.at >= b.StartTime) && (b.EndTime == 0 || cr.at <= b.EndTime) {
			ids = append(ids, strconv.Itoa(i))
		}
	}
	page, err := pageNumber(ids, b.Page, b.PageSize, 100, shopapi.CodeSharerBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		OrderList []shopapi.SharerOrder `json:"order_list"`
	}{[]shopapi.SharerOrder{}}
	for _, k := range page {
		out.OrderList = append(out.OrderList, st.credits[mustAtoi(k)].order)
	}
	return out, nil
}

// mustAtoi parses an index the handler itself formatted.
func mustAtoi(k string) int {
	i, _ := strconv.Atoi(k)
	return i
}
