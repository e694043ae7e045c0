package shopapitest

import (
	"net/http"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Quota is the call quota of one path: the fake answers it to the quota
// API (POST /cgi-bin/openapi/quota/get) and enforces it on every call to
// the path, after the token check.
type Quota struct {
	// DailyLimit is the number of calls a day (Beijing time); a call past
	// it gets errcode 45009. 0: no daily limit.
	DailyLimit int
	// CallCount calls are allowed in each window of RefreshSecond seconds
	// (windows aligned on the clock's multiples of RefreshSecond, so 60
	// means each minute); a call past it gets errcode 45011. 0: no limit.
	// The quota API answers the same figures as rate_limit and
	// component_rate_limit.
	CallCount, RefreshSecond int
}

// quotaUse is a path's quota and its use.
type quotaUse struct {
	q          Quota
	day, used  int64 // Beijing day number and calls that day
	win, inWin int64 // window number and calls in it
}

func quotaRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/cgi-bin/openapi/quota/get", h: (*Server).hQuotaGet},
	}
}

func (s *Server) quotas() map[string]*quotaUse {
	m := stateOf(s, "quota", func() *map[string]*quotaUse { m := map[string]*quotaUse{}; return &m })
	return *m
}

// SetQuota sets the quota the fake answers and enforces for path, and
// resets its use; the zero Quota removes it (no limits, the quota API
// answers zeros). Paths the fake does not serve are accepted but never
// called.
func (s *Server) SetQuota(path string, q Quota) {
	path = canonical(path)
	s.mu.Lock()
	defer s.mu.Unlock()
	if q == (Quota{}) {
		delete(s.quotas(), path)
		s.resetShopQuotas(path)
		return
	}
	s.quotas()[path] = &quotaUse{q: q}
	s.resetShopQuotas(path)
}

const beijingOffset = 8 * 3600

// roll brings u's counters to the current day and window; s.mu is held.
func (s *Server) roll(u *quotaUse) {
	now := s.now().Unix()
	if day := (now + beijingOffset) / 86400; day != u.day {
		u.day, u.used = day, 0
	}
	if u.q.RefreshSecond > 0 {
		if win := now / int64(u.q.RefreshSecond); win != u.win {
			u.win, u.inWin = win, 0
		}
	}
}

// takeQuota counts one call of the shop to path, or answers 45009/45011
// when its quota is spent (the refused call is not counted); s.mu is held.
// The platform counts per shop: each authorised shop has its own use.
func (s *Server) takeQuota(shop, path string) error {
	u := s.shopQuota(shop, path)
	if u == nil {
		return nil
	}
	s.roll(u)
	if u.q.DailyLimit > 0 && u.used >= int64(u.q.DailyLimit) {
		return apiErr(shopapi.CodeDailyQuota, "reach max api daily quota limit")
	}
	if u.q.CallCount > 0 && u.q.RefreshSecond > 0 && u.inWin >= int64(u.q.CallCount) {
		return apiErr(shopapi.CodeMinuteQuota, "api minute-quota reach limit  mustslower  retry next minute")
	}
	u.used++
	u.inWin++
	return nil
}

type quotaRate struct {
	CallCount     int `json:"call_count"`
	RefreshSecond int `json:"refresh_second"`
}

type quotaAnswer struct {
	Quota struct {
		DailyLimit int64 `json:"daily_limit"`
		Used       int64 `json:"used"`
		Remain     int64 `json:"remain"`
	} `json:"quota"`
	RateLimit          quotaRate `json:"rate_limit"`
	ComponentRateLimit quotaRate `json:"component_rate_limit"`
}

func (s *Server) hQuotaGet(c *call) (any, error) {
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
		return nil, apiErr(shopapi.CodeQuotaPathNotFound, "cgi_path not found")
	}
	var a quotaAnswer
	if u := s.quotas()[canonical(req.CGIPath)]; u != nil {
		s.roll(u)
		a.Quota.DailyLimit, a.Quota.Used = int64(u.q.DailyLimit), u.used
		a.Quota.Remain = max(0, a.Quota.DailyLimit-u.used)
		a.RateLimit = quotaRate{u.q.CallCount, u.q.RefreshSecond}
		a.ComponentRateLimit = a.RateLimit
	}
	return a, nil
}
