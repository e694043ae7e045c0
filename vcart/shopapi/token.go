package shopapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Token endpoint paths.
const (
	pathToken           = "/cgi-bin/token"
	pathStableToken     = "/cgi-bin/stable_token"
	pathComponentToken  = "/cgi-bin/component/api_component_token"
	pathAuthorizerToken = "/cgi-bin/component/api_authorizer_token"
)

// TokenSource supplies the access_token for each call (the oauth2 shape).
// Implementations must be safe for concurrent use.
type TokenSource interface {
	// Token returns a valid access token.
	Token(ctx context.Context) (string, error)
}

// TokenInvalidator is implemented by a [TokenSource] that can drop a token
// the platform rejected (errcode 40001, 40014, 42001, 41001). The client
// then asks for a new token and replays the request once. A source without
// it gets no replay.
type TokenInvalidator interface {
	// InvalidateToken forgets token if it is still the current one.
	InvalidateToken(ctx context.Context, token string) error
}

// StaticToken returns a TokenSource that always returns tok (for tests and
// callers that manage tokens elsewhere). It does not refresh.
func StaticToken(tok string) TokenSource { return staticToken(tok) }

type staticToken string

// Token returns the static token.
func (s staticToken) Token(context.Context) (string, error) {
	if s == "" {
		return "", errors.New("shopapi: empty static token")
	}
	return string(s), nil
}

// TokenFetcher asks the platform for a new token. force asks for a token
// other than the current one (stable_token force_refresh); it is set only
// when a normal fetch returned the very token the platform just rejected.
type TokenFetcher interface {
	// FetchToken returns a fresh token from the platform.
	FetchToken(ctx context.Context, force bool) (Token, error)
}

// TokenFetcherFunc adapts a function to [TokenFetcher].
type TokenFetcherFunc func(ctx context.Context, force bool) (Token, error)

// FetchToken calls f.
func (f TokenFetcherFunc) FetchToken(ctx context.Context, force bool) (Token, error) {
	return f(ctx, force)
}

type tokenConfig struct {
	store        TokenStore
	early        time.Duration
	now          func() time.Time
	logger       *slog.Logger
	lockTTL      time.Duration
	fetchTimeout time.Duration
	baseURL      string
	hc           *http.Client
	legacy       bool
	key          string
	limits       RateLimits
	limitOn      bool
	limiter      *limiter // token endpoints' quotas, on the clock now
}

// WithTokenStore sets the token store (default: a private [MemoryTokenStore]).
// A store shared by several processes should implement [RefreshLocker].
func WithTokenStore(s TokenStore) Option {
	return func(cfg *config) error {
		c := &cfg.tok
		if s == nil {
			return errors.New("shopapi: nil TokenStore")
		}
		c.store = s
		return nil
	}
}

// WithEarlyRefresh sets how long before expiry a token is refreshed
// (default 5 minutes: stable_token rotates 5 minutes before expiry).
func WithEarlyRefresh(d time.Duration) Option {
	return func(cfg *config) error {
		c := &cfg.tok
		if d < 0 || d > time.Hour {
			return errors.New("shopapi: WithEarlyRefresh: want 0..1h")
		}
		c.early = d
		return nil
	}
}

// WithRefreshLockTTL sets the TTL of the distributed refresh lock (default
// 10 s): how long a crashed holder blocks the other processes. A fetch may
// take longer (its timeout is 30 s); a [RefreshLocker] keeps the lock alive
// while its holder works (redisstore renews it every TTL/3).
func WithRefreshLockTTL(d time.Duration) Option {
	return func(cfg *config) error {
		c := &cfg.tok
		if d <= 0 {
			return errors.New("shopapi: WithRefreshLockTTL: want > 0")
		}
		c.lockTTL = d
		return nil
	}
}

// WithLegacyToken makes [NewShopTokenSource] use GET /cgi-bin/token instead
// of POST /cgi-bin/stable_token. Each /cgi-bin/token fetch invalidates the
// previous token after 5 minutes, so all processes must share a store.
func WithLegacyToken() Option {
	return func(cfg *config) error {
		c := &cfg.tok
		c.legacy = true
		return nil
	}
}

// WithTokenKey overrides the store key (default "vcart:token:<appid>").
func WithTokenKey(key string) Option {
	return func(cfg *config) error {
		c := &cfg.tok
		if key == "" {
			return errors.New("shopapi: empty token key")
		}
		c.key = key
		return nil
	}
}

// defaultTokenConfig is a token source's configuration before options.
func defaultTokenConfig() tokenConfig {
	return tokenConfig{
		early:        5 * time.Minute,
		now:          time.Now,
		logger:       slog.New(slog.DiscardHandler),
		lockTTL:      10 * time.Second,
		fetchTimeout: 30 * time.Second,
		baseURL:      DefaultBaseURL,
		hc:           &http.Client{Timeout: 30 * time.Second},
		limits:       DefaultRateLimits(),
		limitOn:      true,
	}
}

// newTokenConfig applies opts (the options a token source takes; the
// client's own are ignored) and completes the configuration.
func newTokenConfig(opts []Option) (tokenConfig, error) {
	cfg, err := applyOptions(opts)
	if err != nil {
		return tokenConfig{}, err
	}
	c := cfg.tok
	if c.store == nil {
		c.store = NewMemoryTokenStore()
	}
	c.hc = noRedirects(c.hc) // a token fetch never follows a redirect either
	if c.limitOn {
		c.limiter = newLimiter(c.limits, c.now)
	}
	return c, nil
}

// cachedToken is the in-process copy with the instant to refresh it.
type cachedToken struct {
	Token
	refreshAt time.Time
}

type flight struct {
	done chan struct{}
	tok  cachedToken
	err  error
}

// CachingTokenSource caches the token of one credential, refreshes it
// early, and lets exactly one caller per process fetch at a time (single
// flight; 10,000 concurrent callers cause one fetch). Its refresh path is:
// in-process single flight → the store's [RefreshLocker] lock if it has one →
// re-Load from the store (another process may have refreshed) → fetch only if
// still missing or stale → Store → unlock. A store failure is logged and
// the refresh carries on, so a store outage costs at most one fetch per
// process. If an early refresh fails while the current token is still
// valid, the token is kept and the refresh retried 30 s later. It is safe
// for concurrent use and implements [TokenInvalidator].
type CachingTokenSource struct {
	key     string
	fetcher TokenFetcher
	cfg     tokenConfig

	cur    atomic.Pointer[cachedToken]
	mu     sync.Mutex
	bad    string // the last token the platform rejected
	flight *flight
}

// NewCachingTokenSource returns a caching source over fetcher, stored under key.
func NewCachingTokenSource(key string, fetcher TokenFetcher, opts ...Option) (*CachingTokenSource, error) {
	if key == "" {
		return nil, errors.New("shopapi: empty token key")
	}
	if fetcher == nil {
		return nil, errors.New("shopapi: nil TokenFetcher")
	}
	cfg, err := newTokenConfig(opts)
	if err != nil {
		return nil, err
	}
	if cfg.key != "" {
		key = cfg.key
	}
	return &CachingTokenSource{key: key, fetcher: fetcher, cfg: cfg}, nil
}

// Key returns the store key.
func (s *CachingTokenSource) Key() string { return s.key }

// Token returns the cached token, refreshing it when it is missing or due.
func (s *CachingTokenSource) Token(ctx context.Context) (string, error) {
	if t := s.cur.Load(); t != nil && s.cfg.now().Before(t.refreshAt) {
		return t.AccessToken, nil
	}
	s.mu.Lock()
	if t := s.cur.Load(); t != nil && s.cfg.now().Before(t.refreshAt) {
		s.mu.Unlock()
		return t.AccessToken, nil
	}
	f := s.flight
	if f == nil {
		f = &flight{done: make(chan struct{})}
		s.flight = f
		bad := s.bad
		// The refresh outlives a cancelled caller: others may be waiting.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.fetchTimeout)
		go func() {
			defer cancel()
			tok, err := s.refresh(rctx, bad)
			s.mu.Lock()
			f.tok, f.err = tok, err
			if err == nil {
				s.cur.Store(&tok)
			} else if keep, ok := s.keepOnFailure(err); ok {
				// An early refresh failed but the current token is still
				// valid: keep using it and try again a little later.
				f.tok, f.err = keep, nil
				s.cur.Store(&keep)
			}
			s.flight = nil
			s.mu.Unlock()
			close(f.done)
		}()
	}
	s.mu.Unlock()
	select {
	case <-f.done:
		if f.err != nil {
			return "", f.err
		}
		if f.tok.AccessToken == "" || !s.cfg.now().Before(f.tok.ExpiresAt) {
			return "", errors.New("shopapi: token source returned an expired token")
		}
		return f.tok.AccessToken, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// keepOnFailure returns the current token with a later refresh instant if
// it is still valid after a failed early refresh; s.mu is held.
func (s *CachingTokenSource) keepOnFailure(err error) (cachedToken, bool) {
	t := s.cur.Load()
	now := s.cfg.now()
	if t == nil || t.AccessToken == s.bad || !now.Before(t.ExpiresAt) {
		return cachedToken{}, false
	}
	s.cfg.logger.Warn("shopapi: early token refresh failed; keeping the current token",
		slog.String("key", s.key), slog.Time("expires_at", t.ExpiresAt), slog.String("error", redactString(err.Error())))
	keep := *t
	keep.refreshAt = now.Add(min(30*time.Second, t.ExpiresAt.Sub(now)/2))
	return keep, true
}

func (s *CachingTokenSource) cache(t Token) cachedToken {
	now := s.cfg.now()
	left := t.ExpiresAt.Sub(now)
	at := t.ExpiresAt.Add(-s.cfg.early)
	if left < 2*s.cfg.early {
		at = now.Add(left / 2)
	}
	return cachedToken{Token: t, refreshAt: at}
}

// usable reports whether a token found in the store may be used instead of
// fetching: it must be outside the early-refresh window.
func (s *CachingTokenSource) usable(t Token) bool {
	return t.AccessToken != "" && t.ExpiresAt.Sub(s.cfg.now()) > s.cfg.early
}

func (s *CachingTokenSource) refresh(ctx context.Context, bad string) (cachedToken, error) {
	log := s.cfg.logger
	if l, ok := s.cfg.store.(RefreshLocker); ok {
		unlock, err := l.LockRefresh(ctx, s.key, s.cfg.lockTTL)
		if err != nil {
			log.WarnContext(ctx, "shopapi: token refresh lock failed; refreshing in-process only",
				slog.String("key", s.key), slog.String("error", redactString(err.Error())))
		} else {
			defer unlock()
		}
	}
	if t, ok, err := s.cfg.store.Load(ctx, s.key); err != nil {
		log.WarnContext(ctx, "shopapi: token store load failed", slog.String("key", s.key),
			slog.String("error", redactString(err.Error())))
	} else if ok && s.usable(t) && t.AccessToken != bad {
		return s.cache(t), nil
	}
	t, err := s.fetcher.FetchToken(ctx, false)
	if err == nil && bad != "" && t.AccessToken == bad {
		t, err = s.fetcher.FetchToken(ctx, true)
	}
	if err != nil {
		return cachedToken{}, fmt.Errorf("shopapi: fetch token %s: %w", s.key, err)
	}
	if t.AccessToken == "" {
		return cachedToken{}, fmt.Errorf("shopapi: fetch token %s: empty access token", s.key)
	}
	if err := s.cfg.store.Store(ctx, s.key, t); err != nil {
		log.WarnContext(ctx, "shopapi: token store save failed", slog.String("key", s.key),
			slog.String("error", redactString(err.Error())))
	}
	log.DebugContext(ctx, "shopapi: token fetched", slog.String("key", s.key), slog.Time("expires_at", t.ExpiresAt))
	return s.cache(t), nil
}

// InvalidateToken drops token from the in-process cache and the store
// (compare-and-delete), so the next Token call re-Loads or fetches.
func (s *CachingTokenSource) InvalidateToken(ctx context.Context, token string) error {
	s.mu.Lock()
	if t := s.cur.Load(); t != nil && t.AccessToken == token {
		s.cur.Store(nil)
	}
	s.bad = token
	s.mu.Unlock()
	if err := s.cfg.store.Invalidate(ctx, s.key, token); err != nil {
		s.cfg.logger.WarnContext(ctx, "shopapi: token store invalidate failed", slog.String("key", s.key),
			slog.String("error", redactString(err.Error())))
	}
	return nil
}

// NewShopTokenSource returns a caching source for the shop's own
// credentials (小店 AppID and AppSecret), fetched through POST
// /cgi-bin/stable_token (or GET /cgi-bin/token with [WithLegacyToken]). The
// store key is "vcart:token:<appid>".
func NewShopTokenSource(appID, appSecret string, opts ...Option) (*CachingTokenSource, error) {
	if appID == "" || appSecret == "" {
		return nil, errors.New("shopapi: NewShopTokenSource: appID and appSecret are required")
	}
	cfg, err := newTokenConfig(opts)
	if err != nil {
		return nil, err
	}
	f := &shopFetcher{cfg: cfg, appID: appID, secret: appSecret}
	return NewCachingTokenSource("vcart:token:"+appID, f, opts...)
}

type shopFetcher struct {
	cfg           tokenConfig
	appID, secret string
}

type tokenResponse struct {
	AccessToken            string `json:"access_token"`
	ComponentAccessToken   string `json:"component_access_token"`
	AuthorizerAccessToken  string `json:"authorizer_access_token"`
	AuthorizerRefreshToken string `json:"authorizer_refresh_token"`
	ExpiresIn              Int64  `json:"expires_in"`
}

// FetchToken calls stable_token (or /cgi-bin/token in legacy mode).
func (f *shopFetcher) FetchToken(ctx context.Context, force bool) (Token, error) {
	var tr tokenResponse
	if f.cfg.legacy {
		q := url.Values{"grant_type": {"client_credential"}, "appid": {f.appID}, "secret": {f.secret}}
		if err := tokenCall(ctx, f.cfg, http.MethodGet, pathToken, q, nil, &tr); err != nil {
			return Token{}, err
		}
	} else {
		body := map[string]any{"grant_type": "client_credential", "appid": f.appID, "secret": f.secret}
		if force {
			body["force_refresh"] = true
		}
		if err := tokenCall(ctx, f.cfg, http.MethodPost, pathStableToken, nil, body, &tr); err != nil {
			return Token{}, err
		}
	}
	path := pathStableToken
	if f.cfg.legacy {
		path = pathToken
	}
	return tokenOf(tr.AccessToken, tr.ExpiresIn, f.cfg.now(), path)
}

// maxTokenLifetime caps the expires_in the SDK believes (the platform
// answers 7200): a larger one only makes the token refresh earlier.
const maxTokenLifetime = 24 * time.Hour

// tokenOf builds the Token of a fetch answered at now. expires_in is
// bounded before it becomes a Duration: seconds beyond about 292 years
// overflow time.Duration and wrap, so a huge value is capped at
// [maxTokenLifetime], and one not positive is a malformed answer.
func tokenOf(tok string, expiresIn Int64, now time.Time, path string) (Token, error) {
	sec := int64(expiresIn)
	if sec <= 0 {
		return Token{}, fmt.Errorf("%s: %w: expires_in %d is not positive", path, ErrMalformedResponse, sec)
	}
	life := maxTokenLifetime
	if sec < int64(maxTokenLifetime/time.Second) {
		life = time.Duration(sec) * time.Second
	}
	return Token{AccessToken: tok, ExpiresAt: now.Add(life)}, nil
}

// tokenCall performs one token-endpoint call with the errcode envelope,
// through the source's rate limiter; secrets never appear in its errors.
func tokenCall(ctx context.Context, cfg tokenConfig, method, path string, q url.Values, body any, out any) error {
	if cfg.limiter != nil {
		if err := cfg.limiter.wait(ctx, path); err != nil {
			return err
		}
	}
	err := tokenSend(ctx, cfg, method, path, q, body, out)
	var ae *APIError
	if cfg.limiter != nil && errors.As(err, &ae) && ae.ErrCode == CodeMinuteQuota {
		cfg.limiter.hold(path, nextMinute(cfg.now()))
	}
	return err
}

func tokenSend(ctx context.Context, cfg tokenConfig, method, path string, q url.Values, body any, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = strings.NewReader(string(b))
	}
	u := cfg.baseURL + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return errors.New("shopapi: token request: " + redactString(err.Error()))
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := cfg.hc.Do(req)
	if err != nil {
		return &TransportError{Method: method, Path: path, Sent: !notSent(err), Err: redactErr(err)}
	}
	defer res.Body.Close()
	if isRedirect(res.StatusCode) {
		return redirectError(method, path, res)
	}
	raw, err := io.ReadAll(io.LimitReader(res.Body, maxErrorBodySize))
	if err != nil {
		return &TransportError{Method: method, Path: path, Sent: true, Err: redactErr(err)}
	}
	env, err := decodeEnvelope(raw)
	if err != nil {
		if res.StatusCode/100 != 2 {
			return fmt.Errorf("%s %s: %w %d", method, path, ErrHTTPStatus, res.StatusCode)
		}
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if env.ErrCode != 0 {
		return &APIError{HTTPStatus: res.StatusCode, ErrCode: int(env.ErrCode), ErrMsg: redactString(env.ErrMsg),
			RequestID: parseRID(env.ErrMsg), Method: method, Path: path}
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("%s %s: %w: %w", method, path, ErrMalformedResponse, err)
	}
	return nil
}

// NewComponentTokenSource returns a caching source for a third-party
// platform's (第三方平台) component_access_token, fetched through POST
// /cgi-bin/component/api_component_token with the latest
// component_verify_ticket (pushed by WeChat every 10 minutes; ticket returns
// it from wherever the caller keeps it). Store key
// "vcart:component_token:<component appid>".
func NewComponentTokenSource(componentAppID, componentSecret string, ticket func(ctx context.Context) (string, error), opts ...Option) (*CachingTokenSource, error) {
	if componentAppID == "" || componentSecret == "" || ticket == nil {
		return nil, errors.New("shopapi: NewComponentTokenSource: appID, secret and ticket are required")
	}
	cfg, err := newTokenConfig(opts)
	if err != nil {
		return nil, err
	}
	f := TokenFetcherFunc(func(ctx context.Context, _ bool) (Token, error) {
		tk, err := ticket(ctx)
		if err != nil {
			return Token{}, fmt.Errorf("component_verify_ticket: %w", err)
		}
		var tr tokenResponse
		body := map[string]string{"component_appid": componentAppID, "component_appsecret": componentSecret, "component_verify_ticket": tk}
		if err := tokenCall(ctx, cfg, http.MethodPost, pathComponentToken, nil, body, &tr); err != nil {
			return Token{}, err
		}
		return tokenOf(tr.ComponentAccessToken, tr.ExpiresIn, cfg.now(), pathComponentToken)
	})
	return NewCachingTokenSource("vcart:component_token:"+componentAppID, f, opts...)
}

// AuthorizerConfig describes a shop that authorised a third-party platform.
type AuthorizerConfig struct {
	// ComponentAppID is the third-party platform's appid.
	ComponentAppID string
	// AuthorizerAppID is the shop's appid.
	AuthorizerAppID string
	// Component supplies the component_access_token (see [NewComponentTokenSource]).
	Component TokenSource
	// RefreshToken returns the current authorizer_refresh_token.
	RefreshToken func(ctx context.Context) (string, error)
	// SaveRefreshToken, if set, is called when the platform returns a new
	// authorizer_refresh_token.
	SaveRefreshToken func(ctx context.Context, refreshToken string) error
}

// NewAuthorizerTokenSource returns a caching source for a shop's
// authorizer_access_token, fetched through POST
// /cgi-bin/component/api_authorizer_token with the authorizer_refresh_token.
// If the component token is rejected it is invalidated and the fetch is
// replayed once. Store key "vcart:authorizer_token:<component>:<shop>".
func NewAuthorizerTokenSource(ac AuthorizerConfig, opts ...Option) (*CachingTokenSource, error) {
	if ac.ComponentAppID == "" || ac.AuthorizerAppID == "" || ac.Component == nil || ac.RefreshToken == nil {
		return nil, errors.New("shopapi: NewAuthorizerTokenSource: ComponentAppID, AuthorizerAppID, Component and RefreshToken are required")
	}
	cfg, err := newTokenConfig(opts)
	if err != nil {
		return nil, err
	}
	f := TokenFetcherFunc(func(ctx context.Context, _ bool) (Token, error) {
		rt, err := ac.RefreshToken(ctx)
		if err != nil {
			return Token{}, fmt.Errorf("authorizer_refresh_token: %w", err)
		}
		body := map[string]string{"component_appid": ac.ComponentAppID, "authorizer_appid": ac.AuthorizerAppID, "authorizer_refresh_token": rt}
		var tr tokenResponse
		for attempt := 0; ; attempt++ {
			ct, err := ac.Component.Token(ctx)
			if err != nil {
				return Token{}, fmt.Errorf("component token: %w", err)
			}
			err = tokenCall(ctx, cfg, http.MethodPost, pathAuthorizerToken, url.Values{"component_access_token": {ct}}, body, &tr)
			var ae *APIError
			if attempt == 0 && errors.As(err, &ae) && isTokenInvalid(ae.ErrCode) {
				if inv, ok := ac.Component.(TokenInvalidator); ok {
					if err := inv.InvalidateToken(ctx, ct); err != nil {
						return Token{}, err
					}
					continue
				}
			}
			if err != nil {
				return Token{}, err
			}
			break
		}
		if tr.AuthorizerRefreshToken != "" && tr.AuthorizerRefreshToken != rt && ac.SaveRefreshToken != nil {
			if err := ac.SaveRefreshToken(ctx, tr.AuthorizerRefreshToken); err != nil {
				return Token{}, fmt.Errorf("save authorizer_refresh_token: %w", err)
			}
		}
		return tokenOf(tr.AuthorizerAccessToken, tr.ExpiresIn, cfg.now(), pathAuthorizerToken)
	})
	return NewCachingTokenSource("vcart:authorizer_token:"+ac.ComponentAppID+":"+ac.AuthorizerAppID, f, opts...)
}
