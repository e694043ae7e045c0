package shopapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// pathQueryAuth exchanges an authorisation code for a shop's tokens
// (third-party platform, 使用授权码获取授权信息). It belongs to the open
// platform, not to the shop API's index, so it is not in the registry.
const pathQueryAuth = "/cgi-bin/component/api_query_auth"

// queryAuthResponse is api_query_auth's answer.
type queryAuthResponse struct {
	AuthorizationInfo struct {
		AuthorizerAppID        string `json:"authorizer_appid"`
		AuthorizerAccessToken  string `json:"authorizer_access_token"`
		ExpiresIn              int64  `json:"expires_in"`
		AuthorizerRefreshToken string `json:"authorizer_refresh_token"`
	} `json:"authorization_info"`
}

// Authorize completes a shop's authorisation of the provider: it exchanges
// the authorisation code (from the authorized or updateauthorized event,
// notify.AuthEvent.AuthorizationCode, or the redirect after the shop's
// consent) for the shop's refresh token through POST
// /cgi-bin/component/api_query_auth, keeps the token in the fleet's
// refresh-token store and returns the shop's appid. The code is valid
// once, for an hour.
func (f *Fleet) Authorize(ctx context.Context, authorizationCode string) (string, error) {
	if authorizationCode == "" {
		return "", errors.New("shopapi: Fleet.Authorize: empty authorization code")
	}
	cfg, err := newTokenConfig(f.cfg.Options)
	if err != nil {
		return "", fmt.Errorf("shopapi: authorize: %w", err)
	}
	body := map[string]string{"component_appid": f.cfg.ComponentAppID, "authorization_code": authorizationCode}
	var out queryAuthResponse
	for attempt := 0; ; attempt++ {
		ct, err := f.cfg.Component.Token(ctx)
		if err != nil {
			return "", fmt.Errorf("shopapi: authorize: component token: %w", err)
		}
		err = tokenCall(ctx, cfg, http.MethodPost, pathQueryAuth, url.Values{"component_access_token": {ct}}, body, &out)
		var ae *APIError
		if attempt == 0 && errors.As(err, &ae) && isTokenInvalid(ae.ErrCode) {
			if inv, ok := f.cfg.Component.(TokenInvalidator); ok {
				if err := inv.InvalidateToken(ctx, ct); err != nil {
					return "", fmt.Errorf("shopapi: authorize: %w", err)
				}
				continue
			}
		}
		if err != nil {
			return "", fmt.Errorf("shopapi: authorize: %w", err)
		}
		break
	}
	info := out.AuthorizationInfo
	if info.AuthorizerAppID == "" || info.AuthorizerRefreshToken == "" {
		return "", fmt.Errorf("shopapi: authorize: %w: no authorizer appid or refresh token", ErrMalformedResponse)
	}
	if err := f.Add(ctx, info.AuthorizerAppID, info.AuthorizerRefreshToken); err != nil {
		return "", err
	}
	return info.AuthorizerAppID, nil
}
