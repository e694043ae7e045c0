package shopapitest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// tokenRoutes returns the token endpoints (shop, stable, component and authorizer tokens).
func tokenRoutes() []route {
	return []route{
		{method: http.MethodGet, path: "/cgi-bin/token", h: (*Server).hToken, noAuth: true},
		{method: http.MethodPost, path: "/cgi-bin/stable_token", h: (*Server).hStableToken, noAuth: true},
		{method: http.MethodPost, path: "/cgi-bin/component/api_component_token", h: (*Server).hComponentToken, noAuth: true},
		{method: http.MethodPost, path: "/cgi-bin/component/api_authorizer_token", h: (*Server).hAuthorizerToken, noAuth: true},
		{method: http.MethodPost, path: "/cgi-bin/component/api_query_auth", h: (*Server).hQueryAuth, noAuth: true},
	}
}

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int64  `json:"expires_in"`
}

func (s *Server) issue(prefix string, into map[string]time.Time) (string, int64) {
	s.tokenFetches++
	tok := prefix + "." + s.newID() + ".ACCESS_TOKEN_SECRET"
	into[tok] = s.now().Add(s.tokenTTL)
	return tok, int64(s.tokenTTL / time.Second)
}

func (s *Server) checkCreds(grant, appID, secret string) error {
	if grant != "client_credential" {
		return apiErr(shopapi.CodeInvalidGrantType, "invalid grant_type")
	}
	if appID != s.appID {
		return apiErr(shopapi.CodeInvalidAppID, "invalid appid")
	}
	if secret != s.secret {
		return apiErr(shopapi.CodeInvalidCredential, "invalid credential, appsecret wrong")
	}
	return nil
}

// hToken issues a new token; the previous ones stay valid for 5 minutes.
func (s *Server) hToken(c *call) (any, error) {
	q := c.query
	if err := s.checkCreds(q.Get("grant_type"), q.Get("appid"), q.Get("secret")); err != nil {
		return nil, err
	}
	grace := s.now().Add(5 * time.Minute)
	for t, exp := range s.tokens {
		if exp.After(grace) {
			s.tokens[t] = grace
		}
	}
	tok, ttl := s.issue("tok", s.tokens)
	return tokenAnswer{tok, ttl}, nil
}

// hStableToken returns the current stable token while it has more than 5
// minutes left, unless force_refresh.
func (s *Server) hStableToken(c *call) (any, error) {
	var req struct {
		GrantType    string `json:"grant_type"`
		AppID        string `json:"appid"`
		Secret       string `json:"secret"`
		ForceRefresh bool   `json:"force_refresh"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if err := s.checkCreds(req.GrantType, req.AppID, req.Secret); err != nil {
		return nil, err
	}
	now := s.now()
	if exp, ok := s.tokens[s.stableToken]; ok && s.stableToken != "" {
		left := exp.Sub(now)
		if !req.ForceRefresh && left > 5*time.Minute {
			return tokenAnswer{s.stableToken, int64(left / time.Second)}, nil
		}
		if req.ForceRefresh && now.Sub(s.lastForce) < 30*time.Second {
			return tokenAnswer{s.stableToken, int64(left / time.Second)}, nil
		}
	}
	if req.ForceRefresh {
		s.lastForce = now
		delete(s.tokens, s.stableToken)
	}
	tok, ttl := s.issue("stable", s.tokens)
	s.stableToken = tok
	return tokenAnswer{tok, ttl}, nil
}

func (s *Server) hComponentToken(c *call) (any, error) {
	var req struct {
		ComponentAppID     string `json:"component_appid"`
		ComponentAppSecret string `json:"component_appsecret"`
		Ticket             string `json:"component_verify_ticket"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if s.componentAppID == "" || req.ComponentAppID != s.componentAppID {
		return nil, apiErr(shopapi.CodeInvalidAppID, "invalid appid")
	}
	if req.ComponentAppSecret != s.componentSecret {
		return nil, apiErr(shopapi.CodeInvalidCredential, "invalid credential, appsecret wrong")
	}
	if req.Ticket != s.ticket {
		return nil, apiErr(61006, "component ticket is invalid")
	}
	tok, ttl := s.issue("component", s.compTokens)
	return struct {
		ComponentAccessToken string `json:"component_access_token"`
		ExpiresIn            int64  `json:"expires_in"`
	}{tok, ttl}, nil
}

func (s *Server) hAuthorizerToken(c *call) (any, error) {
	ct := c.query.Get("component_access_token")
	exp, ok := s.compTokens[ct]
	if !ok {
		return nil, apiErr(shopapi.CodeInvalidCredential, "invalid credential, component_access_token is invalid")
	}
	if !s.now().Before(exp) {
		return nil, apiErr(shopapi.CodeAccessTokenExpired, "component_access_token expired")
	}
	var req struct {
		ComponentAppID  string `json:"component_appid"`
		AuthorizerAppID string `json:"authorizer_appid"`
		RefreshToken    string `json:"authorizer_refresh_token"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	want, authorised := s.authorizerRefreshToken(req.AuthorizerAppID)
	if req.ComponentAppID != s.componentAppID || !authorised {
		return nil, apiErr(shopapi.CodeComponentUnauthorized, "api is unauthorized to component")
	}
	if req.RefreshToken != want {
		return nil, apiErr(61023, "refresh_token is invalid")
	}
	tok, ttl := s.issue("authorizer", s.tokens)
	s.authorizerFetches[req.AuthorizerAppID]++
	s.tokenShop[tok] = req.AuthorizerAppID
	return struct {
		AuthorizerAccessToken  string `json:"authorizer_access_token"`
		ExpiresIn              int64  `json:"expires_in"`
		AuthorizerRefreshToken string `json:"authorizer_refresh_token"`
	}{tok, ttl, want}, nil
}

// InvalidateComponentTokens revokes every component_access_token.
func (s *Server) InvalidateComponentTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.compTokens)
}

// RotateComponentTicket pushes a new component_verify_ticket and returns it.
func (s *Server) RotateComponentTicket() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ticket = "ticket@@@" + strconv.FormatUint(s.seq, 36)
	s.seq++
	return s.ticket
}
