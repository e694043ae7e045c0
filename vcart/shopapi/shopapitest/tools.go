package shopapitest

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The quota tools (quota resets, rid look-up), the network checks, quality
// inspection, favourites and the WeCom look-up (issue 20).

func toolRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/cgi-bin/clear_quota", h: (*Server).hClearQuota},
		{method: http.MethodPost, path: "/cgi-bin/clear_quota/v2", h: (*Server).hClearQuotaV2, noAuth: true},
		{method: http.MethodPost, path: "/cgi-bin/openapi/quota/clear", h: (*Server).hClearAPIQuota},
		{method: http.MethodPost, path: "/cgi-bin/openapi/rid/get", h: (*Server).hRIDGet},
		{method: http.MethodPost, path: "/cgi-bin/callback/check", h: (*Server).hCallbackCheck},
		{method: http.MethodGet, path: "/cgi-bin/get_api_domain_ip", h: (*Server).hAPIDomainIP},
		{method: http.MethodGet, path: "/cgi-bin/getcallbackip", h: (*Server).hCallbackIP},
		{method: http.MethodPost, path: "/channels/ec/favorites/count/get", h: (*Server).hFavoritesCount},
		{method: http.MethodPost, path: "/channels/ec/wecom/get_wecom_id", h: (*Server).hWecomID},
		{method: http.MethodGet, path: "/channels/ec/qic/inspect/config/get", h: (*Server).hInspectConfig},
		{method: http.MethodGet, path: "/channels/ec/qic/inspect/submitconfig/get", h: (*Server).hInspectSubmitConfig},
		{method: http.MethodPost, path: "/channels/ec/qic/inspect/submit", h: (*Server).hInspectSubmit},
		{method: http.MethodPost, path: "/channels/ec/qic/inspect/code/print", h: (*Server).hInspectPrint},
		{method: http.MethodPost, path: "/channels/ec/qic/inspect/register_logistics", h: (*Server).hInspectLogistics},
	}
}

// ---- quota resets and rid look-up

// Monthly reset allowances of the platform: clear_quota and clear_quota/v2
// share 10 a month, openapi/quota/clear has 50.
const (
	monthlyQuotaResets    = 10
	monthlyAPIQuotaResets = 50
	ridTTL                = 7 * 24 * time.Hour
)

type toolState struct {
	month             string // Beijing year-month of the counts
	resets, apiResets int
	rids              map[string]ridRecord
	ridOrder          []string
	favorites         shopapi.FavoritesCount
	wecom             map[string]map[string]bool // corp id → user ids
	inspect           map[string]*inspectRec     // order id → inspection
	inspectOff        bool
}

type ridRecord struct {
	at   time.Time
	body string
}

type inspectRec struct {
	info    map[string]any
	code    string
	waybill string
	changes int
}

func (s *Server) tools() *toolState {
	return stateOf(s, "tools", func() *toolState {
		return &toolState{rids: map[string]ridRecord{}, wecom: map[string]map[string]bool{}, inspect: map[string]*inspectRec{}}
	})
}

// recordRID keeps the answer of an errcode call for rid/get (the platform
// keeps 7 days; the fake its last 1000). s.mu is held.
func (s *Server) recordRID(rid string, body []byte) {
	ts := s.tools()
	ts.rids[rid] = ridRecord{at: s.now(), body: string(body)}
	ts.ridOrder = append(ts.ridOrder, rid)
	if len(ts.ridOrder) > 1000 {
		delete(ts.rids, ts.ridOrder[0])
		ts.ridOrder = ts.ridOrder[1:]
	}
}

// spendReset counts one reset of the month, or answers 48006.
func (s *Server) spendReset(api bool) error {
	ts := s.tools()
	if m := s.now().In(shanghai).Format("2006-01"); m != ts.month {
		ts.month, ts.resets, ts.apiResets = m, 0, 0
	}
	if api {
		if ts.apiResets >= monthlyAPIQuotaResets {
			return apiErr(shopapi.CodeClearQuotaLimit, "forbid to clear quota because of reaching the limit")
		}
		ts.apiResets++
		return nil
	}
	if ts.resets >= monthlyQuotaResets {
		return apiErr(shopapi.CodeClearQuotaLimit, "forbid to clear quota because of reaching the limit")
	}
	ts.resets++
	return nil
}

// resetDailyUse zeroes today's use of every path (or of one); the
// per-window counts are kept.
func (s *Server) resetDailyUse(path string) {
	for p, u := range s.quotas() {
		if path == "" || p == path {
			u.used = 0
		}
	}
	m := *stateOf(s, "quota-shops", func() *map[string]*quotaUse { m := map[string]*quotaUse{}; return &m })
	for k, u := range m {
		if path == "" || strings.HasSuffix(k, "|"+path) {
			u.used = 0
		}
	}
}

func (s *Server) hClearQuota(c *call) (any, error) {
	var req struct {
		AppID string `json:"appid"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case req.AppID == "":
		return nil, apiErr(shopapi.CodeAppIDMissing, "appid missing")
	case req.AppID != s.appID:
		return nil, apiErr(shopapi.CodeInvalidAppID, "invalid appid")
	}
	if err := s.spendReset(false); err != nil {
		return nil, err
	}
	s.resetDailyUse("")
	return nil, nil
}

// hClearQuotaV2 reads appid and appsecret from the body (the current
// page's table) or, failing that, from the query (its example).
func (s *Server) hClearQuotaV2(c *call) (any, error) {
	var req struct {
		AppID     string `json:"appid"`
		AppSecret string `json:"appsecret"`
	}
	if len(strings.TrimSpace(string(c.body))) > 0 {
		if err := c.decode(&req); err != nil {
			return nil, err
		}
	}
	if req.AppID == "" && req.AppSecret == "" {
		req.AppID, req.AppSecret = c.query.Get("appid"), c.query.Get("appsecret")
	}
	switch {
	case req.AppID == "":
		return nil, apiErr(shopapi.CodeAppIDMissing, "appid missing")
	case req.AppSecret == "":
		return nil, apiErr(shopapi.CodeAppSecretMissing, "appsecret missing")
	case req.AppID != s.appID:
		return nil, apiErr(shopapi.CodeInvalidAppID, "invalid appid")
	case req.AppSecret != s.secret:
		return nil, apiErr(shopapi.CodeInvalidCredential, "invalid appsecret")
	}
	if err := s.spendReset(false); err != nil {
		return nil, err
	}
	s.resetDailyUse("")
	return nil, nil
}

func (s *Server) hClearAPIQuota(c *call) (any, error) {
	var req struct {
		CGIPath string `json:"cgi_path"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(req.CGIPath, "/") {
		return nil, apiErr(shopapi.CodeQuotaPathInvalid, "invalid cgi_path")
	}
	if !c.served(req.CGIPath) {
		return nil, apiErr(shopapi.CodeQuotaPathNotFound, "cgi_path not found, please check")
	}
	if err := s.spendReset(true); err != nil {
		return nil, err
	}
	s.resetDailyUse(canonical(req.CGIPath))
	return nil, nil
}

type ridAnswer struct {
	Request struct {
		InvokeTime   int64  `json:"invoke_time"`
		CostInMS     int64  `json:"cost_in_ms"`
		RequestURL   string `json:"request_url"`
		RequestBody  string `json:"request_body"`
		ResponseBody string `json:"response_body"`
		ClientIP     string `json:"client_ip"`
	} `json:"request"`
}

// hRIDGet answers the record of a rid the fake gave in an errcode answer.
// The fake does not keep the failed call's URL and body: request_url and
// request_body are empty.
func (s *Server) hRIDGet(c *call) (any, error) {
	var req struct {
		RID string `json:"rid"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if strings.Count(req.RID, "-") != 2 {
		return nil, apiErr(shopapi.CodeRIDInvalid, "rid is error")
	}
	rec, ok := s.tools().rids[req.RID]
	if !ok || s.now().Sub(rec.at) > ridTTL {
		return nil, apiErr(shopapi.CodeRIDNotFound, "rid not found")
	}
	var a ridAnswer
	a.Request.InvokeTime = rec.at.Unix()
	a.Request.CostInMS = 1
	a.Request.ResponseBody = rec.body
	a.Request.ClientIP = "127.0.0.1"
	return a, nil
}

// ---- network checks

// FakeIP is the address the fake answers as the platform's API and push
// servers (the loopback address it listens on).
const FakeIP = "127.0.0.1"

type checkAnswer struct {
	DNS  []checkDNS  `json:"dns"`
	Ping []checkPing `json:"ping"`
}

type checkDNS struct {
	IP           string `json:"ip"`
	RealOperator string `json:"real_operator"`
}

type checkPing struct {
	IP           string `json:"ip"`
	FromOperator string `json:"from_operator"`
	PackageLoss  string `json:"package_loss"`
	Time         string `json:"time"`
}

// hCallbackCheck resolves the push URL set by [Server.EnablePush] (a host
// name resolves to the loopback address, an in-process handler is the
// loopback address) and "pings" it: no packet is lost.
func (s *Server) hCallbackCheck(c *call) (any, error) {
	var req struct {
		Action        string `json:"action"`
		CheckOperator string `json:"check_operator"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch req.Action {
	case "dns", "ping", "all":
	default:
		return nil, apiErr(shopapi.CodeCheckActionInvalid, "invalid action")
	}
	from := req.CheckOperator
	switch from {
	case "CHINANET", "UNICOM", "CAP":
	case "DEFAULT":
		from = "CAP"
	default:
		return nil, apiErr(shopapi.CodeCheckOperatorInvalid, "invalid check_operator")
	}
	ps := s.pushes()
	ps.mu.Lock()
	cfg := ps.cfg
	ps.mu.Unlock()
	if cfg == nil {
		return nil, apiErr(shopapi.CodeCallbackURLInvalid, "invalid url, callback url not set")
	}
	ip := FakeIP
	if u, err := url.Parse(cfg.URL); err == nil && cfg.URL != "" {
		if a := net.ParseIP(u.Hostname()); a != nil {
			ip = a.String()
		}
	}
	a := checkAnswer{DNS: []checkDNS{}, Ping: []checkPing{}}
	if req.Action != "ping" {
		a.DNS = append(a.DNS, checkDNS{IP: ip, RealOperator: "CAP"})
	}
	if req.Action != "dns" {
		a.Ping = append(a.Ping, checkPing{IP: ip, FromOperator: from, PackageLoss: "0%", Time: "0.100ms"})
	}
	return a, nil
}

type ipListAnswer struct {
	IPList []string `json:"ip_list"`
}

func (s *Server) hAPIDomainIP(*call) (any, error) { return ipListAnswer{[]string{FakeIP}}, nil }

// hCallbackIP answers the push source: the fake pushes from loopback.
func (s *Server) hCallbackIP(*call) (any, error) {
	return ipListAnswer{[]string{FakeIP, "::1"}}, nil
}

// ---- favourites

// SetFavorites sets how many users follow the shop from each scene; the
// total (All) is their sum.
func (s *Server) SetFavorites(homepage, orderDetail, productDetail, other int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tools().favorites = shopapi.FavoritesCount{ShopHomepage: homepage, OrderDetail: orderDetail,
		ProductDetail: productDetail, OtherScene: other, All: homepage + orderDetail + productDetail + other}
}

type favoritesAnswer struct {
	ShopHomepage  int64 `json:"favor_uv_acc_shop_homepage"`
	OrderDetail   int64 `json:"favor_uv_acc_order_detail"`
	ProductDetail int64 `json:"favor_uv_acc_product_detail"`
	OtherScene    int64 `json:"favor_uv_acc_other_scene"`
	All           int64 `json:"favor_uv_acc_all"`
}

func (s *Server) hFavoritesCount(*call) (any, error) {
	f := s.tools().favorites
	return favoritesAnswer{f.ShopHomepage, f.OrderDetail, f.ProductDetail, f.OtherScene, f.All}, nil
}

// ---- WeCom

// LinkWecom makes corpID a WeCom company linked to the shop (关联账号), with
// userIDs in the visible range of the shop's app.
func (s *Server) LinkWecom(corpID string, userIDs ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	users := map[string]bool{}
	for _, u := range userIDs {
		users[u] = true
	}
	s.tools().wecom[corpID] = users
}

// wecomShopID is the shop-side id of a WeCom id: stable, opaque.
func wecomShopID(prefix, id string) string {
	h := sha256.Sum256([]byte(prefix + "|" + id))
	return prefix + hex.EncodeToString(h[:10])
}

func (s *Server) hWecomID(c *call) (any, error) {
	var req struct {
		CorpID string `json:"corp_id"`
		UserID string `json:"user_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.CorpID == "" {
		return nil, apiErr(shopapi.CodeWecomBadParams, "invalid param corp_id")
	}
	users, ok := s.tools().wecom[req.CorpID]
	if !ok {
		return nil, apiErr(shopapi.CodeWecomNotLinked, "corp is not a linked account")
	}
	var a struct {
		Data struct {
			WecomCorpID string `json:"wecom_corp_id"`
			WecomUserID string `json:"wecom_user_id"`
		} `json:"data"`
	}
	a.Data.WecomCorpID = wecomShopID("wc", req.CorpID)
	if req.UserID != "" {
		if !users[req.UserID] {
			return nil, apiErr(shopapi.CodeWecomUserNotFound, "user_id not found")
		}
		a.Data.WecomUserID = wecomShopID("wu", req.CorpID+"/"+req.UserID)
	}
	return a, nil
}
