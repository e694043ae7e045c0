package shopapitest

import (
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// A service provider's fleet on one fake: besides the fake's own shop, more
// shops can authorise the fake's third-party platform (WithComponent). They
// share the fake's catalogue and orders; each gets its own refresh token
// and authorizer tokens.

// AuthorizeShop authorises the shop appID to the fake's third-party
// platform (set with WithComponent) and returns its
// authorizer_refresh_token, as the platform's authorisation flow gives a
// provider. Authorising the fake's own shop returns its refresh token.
func (s *Server) AuthorizeShop(appID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if appID == s.appID {
		return s.refreshToken
	}
	if s.authorized == nil {
		s.authorized = map[string]string{}
	}
	rt, ok := s.authorized[appID]
	if !ok {
		rt = "refreshtoken@@@" + strings.ToLower(appID)
		s.authorized[appID] = rt
	}
	return rt
}

// AuthorizerTokenFetches returns how many authorizer tokens the fake issued
// for the shop appID.
func (s *Server) AuthorizerTokenFetches(appID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.authorizerFetches[appID]
}

// authorizerRefreshToken returns the refresh token of an authorised shop;
// s.mu is held.
func (s *Server) authorizerRefreshToken(appID string) (string, bool) {
	if appID == s.appID {
		return s.refreshToken, true
	}
	rt, ok := s.authorized[appID]
	return rt, ok
}

// shopQuota returns the quota use of path for shop (the fake's own shop
// when shop is empty), or nil when path has no quota; s.mu is held. Every
// shop has the quota set with SetQuota, each counted on its own.
func (s *Server) shopQuota(shop, path string) *quotaUse {
	u := s.quotas()[path]
	if u == nil || shop == "" || shop == s.appID {
		return u
	}
	m := *stateOf(s, "quota-shops", func() *map[string]*quotaUse { m := map[string]*quotaUse{}; return &m })
	k := shop + "|" + path
	su := m[k]
	if su == nil || su.q != u.q {
		su = &quotaUse{q: u.q}
		m[k] = su
	}
	return su
}

// resetShopQuotas forgets every shop's use of path; s.mu is held.
func (s *Server) resetShopQuotas(path string) {
	m := *stateOf(s, "quota-shops", func() *map[string]*quotaUse { m := map[string]*quotaUse{}; return &m })
	for k := range m {
		if strings.HasSuffix(k, "|"+path) {
			delete(m, k)
		}
	}
}

// AuthorizationCode authorises the shop appID to the fake's third-party
// platform, as a merchant's consent does, and returns the one-time
// authorisation code the platform gives (in the authorized event and the
// redirect), which api_query_auth exchanges for the shop's refresh token.
func (s *Server) AuthorizationCode(appID string) string {
	s.AuthorizeShop(appID)
	s.mu.Lock()
	defer s.mu.Unlock()
	codes := *stateOf(s, "auth-codes", func() *map[string]string { m := map[string]string{}; return &m })
	code := "queryauthcode@@@" + s.newID()
	codes[code] = appID
	return code
}

// RevokeAuthorization removes the shop appID's authorisation: its refresh
// token stops working, as when a merchant revokes the provider.
func (s *Server) RevokeAuthorization(appID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.authorized, appID)
}

// hQueryAuth answers api_query_auth: a one-time code for the shop's
// tokens.
func (s *Server) hQueryAuth(c *call) (any, error) {
	ct := c.query.Get("component_access_token")
	if exp, ok := s.compTokens[ct]; !ok || !s.now().Before(exp) {
		return nil, apiErr(shopapi.CodeInvalidCredential, "invalid credential, component_access_token is invalid")
	}
	var req struct {
		ComponentAppID    string `json:"component_appid"`
		AuthorizationCode string `json:"authorization_code"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	codes := *stateOf(s, "auth-codes", func() *map[string]string { m := map[string]string{}; return &m })
	app, ok := codes[req.AuthorizationCode]
	if req.ComponentAppID != s.componentAppID || !ok {
		return nil, apiErr(61010, "invalid authorization code")
	}
	delete(codes, req.AuthorizationCode) // once
	rt, _ := s.authorizerRefreshToken(app)
	tok, ttl := s.issue("authorizer", s.tokens)
	s.tokenShop[tok] = app
	type info struct {
		AuthorizerAppID        string `json:"authorizer_appid"`
		AuthorizerAccessToken  string `json:"authorizer_access_token"`
		ExpiresIn              int64  `json:"expires_in"`
		AuthorizerRefreshToken string `json:"authorizer_refresh_token"`
	}
	return struct {
		AuthorizationInfo info `json:"authorization_info"`
	}{info{app, tok, ttl, rt}}, nil
}
