package shopapi

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Defaults of a [Fleet].
const (
	// DefaultFleetMaxClients is how many merchants' clients a fleet keeps
	// in memory by default.
	DefaultFleetMaxClients = 1000
	// DefaultFleetIdleTimeout is how long a merchant's client may stay
	// unused before the fleet drops it.
	DefaultFleetIdleTimeout = 30 * time.Minute
)

// ErrUnknownMerchant is returned by [Fleet.Client] for a merchant that did
// not authorise the provider (no refresh token is kept for it).
var ErrUnknownMerchant = errors.New("shopapi: unknown merchant")

// RefreshTokenStore keeps each authorised merchant's
// authorizer_refresh_token, the long-lived credential a service provider
// (third-party platform) gets when a shop authorises it; several instances
// share one store (redisstore.RefreshTokenStore). Load returns
// [ErrUnknownMerchant] (wrapped or not) when it keeps none for appID.
type RefreshTokenStore interface {
	LoadRefreshToken(ctx context.Context, appID string) (string, error)
	SaveRefreshToken(ctx context.Context, appID, refreshToken string) error
	DeleteRefreshToken(ctx context.Context, appID string) error
}

// MemoryRefreshTokenStore is a [RefreshTokenStore] in process memory, for
// one instance and for tests. It is safe for concurrent use.
type MemoryRefreshTokenStore struct {
	mu sync.Mutex
	m  map[string]string
}

// NewMemoryRefreshTokenStore returns an empty store.
func NewMemoryRefreshTokenStore() *MemoryRefreshTokenStore {
	return &MemoryRefreshTokenStore{m: map[string]string{}}
}

// LoadRefreshToken implements [RefreshTokenStore].
func (s *MemoryRefreshTokenStore) LoadRefreshToken(_ context.Context, appID string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rt, ok := s.m[appID]
	if !ok {
		return "", fmt.Errorf("%w: %s", ErrUnknownMerchant, appID)
	}
	return rt, nil
}

// SaveRefreshToken implements [RefreshTokenStore].
func (s *MemoryRefreshTokenStore) SaveRefreshToken(_ context.Context, appID, refreshToken string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[appID] = refreshToken
	return nil
}

// DeleteRefreshToken implements [RefreshTokenStore].
func (s *MemoryRefreshTokenStore) DeleteRefreshToken(_ context.Context, appID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, appID)
	return nil
}

// FleetConfig describes a service provider's fleet of merchants: the
// provider's third-party platform (第三方平台) and what its merchants'
// clients share.
type FleetConfig struct {
	// ComponentAppID is the provider's third-party platform appid.
	ComponentAppID string
	// Component supplies the component_access_token
	// ([NewComponentTokenSource]); one for the whole fleet.
	Component TokenSource
	// RefreshTokens keeps the merchants' authorizer_refresh_tokens.
	RefreshTokens RefreshTokenStore
	// Options apply to every merchant's authorizer token source and
	// client, each taking those that concern it: a token store shared by
	// the instances ([WithTokenStore]), one transport for all
	// ([WithHTTPClient]), the clock, retries, the logger.
	Options []Option
	// RateLimiter, if set, gives the limiter of a merchant's calls (for
	// instance a redisstore.RateLimiter of its appid, shared by the
	// instances); otherwise each client counts its own calls in process.
	RateLimiter func(appID string) (RateLimiter, error)
	// MaxClients bounds the merchants' clients kept in memory (0:
	// [DefaultFleetMaxClients]); past it the least recently used is
	// dropped. A dropped merchant's next call builds its client again (its
	// token stays in the token store).
	MaxClients int
	// IdleTimeout drops a client unused for this long (0:
	// [DefaultFleetIdleTimeout]).
	IdleTimeout time.Duration
	// Now is the fleet's clock (0: time.Now).
	Now func() time.Time
}

// Fleet gives the client of each merchant that authorised a service
// provider, on demand: one client per shop appid, under the provider's
// component token, sharing the token store, transport and limiter the
// configuration names. It keeps at most MaxClients clients and drops idle
// ones. A Fleet is safe for concurrent use.
//
// Adding a merchant is one call, [Fleet.Add], with the refresh token its
// authorisation gave (the authorized event's query_auth answer); removing
// one (the unauthorized event) is [Fleet.Remove].
type Fleet struct {
	cfg FleetConfig

	mu      sync.Mutex
	lru     *list.List // of *fleetEntry, most recently used first
	byAppID map[string]*list.Element
}

type fleetEntry struct {
	appID    string
	client   *Client
	lastUsed time.Time
}

// NewFleet returns a fleet for cfg. It fails when the component, its appid
// or the refresh-token store is missing, or a limit is negative.
func NewFleet(cfg FleetConfig) (*Fleet, error) {
	var errs []error
	if cfg.ComponentAppID == "" {
		errs = append(errs, errors.New("component appid (ComponentAppID) is required"))
	}
	if cfg.Component == nil {
		errs = append(errs, errors.New("component token source (Component) is required"))
	}
	if cfg.RefreshTokens == nil {
		errs = append(errs, errors.New("refresh-token store (RefreshTokens) is required"))
	}
	if cfg.MaxClients < 0 || cfg.IdleTimeout < 0 {
		errs = append(errs, errors.New("max clients and idle timeout must not be negative"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("shopapi: NewFleet: %w", err)
	}
	if cfg.MaxClients == 0 {
		cfg.MaxClients = DefaultFleetMaxClients
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = DefaultFleetIdleTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Fleet{cfg: cfg, lru: list.New(), byAppID: map[string]*list.Element{}}, nil
}

// Add registers a merchant that authorised the provider, with the
// authorizer_refresh_token its authorisation gave; its client is built on
// first use. Adding a known merchant replaces its refresh token and drops
// its cached client.
func (f *Fleet) Add(ctx context.Context, appID, refreshToken string) error {
	if appID == "" || refreshToken == "" {
		return errors.New("shopapi: Fleet.Add: appid and refresh token are required")
	}
	if err := f.cfg.RefreshTokens.SaveRefreshToken(ctx, appID, refreshToken); err != nil {
		return fmt.Errorf("shopapi: add merchant %s: %w", appID, err)
	}
	f.drop(appID)
	return nil
}

// Remove forgets a merchant (it revoked the authorisation): its refresh
// token is deleted and its client dropped.
func (f *Fleet) Remove(ctx context.Context, appID string) error {
	f.drop(appID)
	if err := f.cfg.RefreshTokens.DeleteRefreshToken(ctx, appID); err != nil {
		return fmt.Errorf("shopapi: remove merchant %s: %w", appID, err)
	}
	return nil
}

// Client returns the client of the merchant appID, building it on first
// use (no network call: the token is fetched by the first API call). It
// returns [ErrUnknownMerchant] for a merchant the refresh-token store does
// not know.
func (f *Fleet) Client(ctx context.Context, appID string) (*Client, error) {
	now := f.cfg.Now()
	f.mu.Lock()
	f.evictIdle(now)
	if el, ok := f.byAppID[appID]; ok {
		e := el.Value.(*fleetEntry)
		e.lastUsed = now
		f.lru.MoveToFront(el)
		f.mu.Unlock()
		return e.client, nil
	}
	f.mu.Unlock()

	// Building needs the store (a network round trip for a shared one):
	// not under the lock. Two goroutines may build the same client; the
	// first one stored wins.
	if _, err := f.cfg.RefreshTokens.LoadRefreshToken(ctx, appID); err != nil {
		return nil, fmt.Errorf("shopapi: merchant %s: %w", appID, err)
	}
	c, err := f.build(appID)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if el, ok := f.byAppID[appID]; ok {
		e := el.Value.(*fleetEntry)
		e.lastUsed = now
		f.lru.MoveToFront(el)
		return e.client, nil
	}
	f.byAppID[appID] = f.lru.PushFront(&fleetEntry{appID: appID, client: c, lastUsed: now})
	for f.lru.Len() > f.cfg.MaxClients {
		f.remove(f.lru.Back())
	}
	return c, nil
}

// Len returns how many merchants' clients the fleet holds in memory.
func (f *Fleet) Len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lru.Len()
}

func (f *Fleet) build(appID string) (*Client, error) {
	rts := f.cfg.RefreshTokens
	ts, err := NewAuthorizerTokenSource(AuthorizerConfig{
		ComponentAppID:  f.cfg.ComponentAppID,
		AuthorizerAppID: appID,
		Component:       f.cfg.Component,
		RefreshToken: func(ctx context.Context) (string, error) {
			return rts.LoadRefreshToken(ctx, appID)
		},
		SaveRefreshToken: func(ctx context.Context, rt string) error {
			return rts.SaveRefreshToken(ctx, appID, rt)
		},
	}, f.cfg.Options...)
	if err != nil {
		return nil, fmt.Errorf("shopapi: merchant %s: %w", appID, err)
	}
	opts := f.cfg.Options
	if f.cfg.RateLimiter != nil {
		rl, err := f.cfg.RateLimiter(appID)
		if err != nil {
			return nil, fmt.Errorf("shopapi: merchant %s: rate limiter: %w", appID, err)
		}
		opts = append(append([]Option(nil), opts...), WithRateLimiter(rl))
	}
	c, err := NewClient(ts, opts...)
	if err != nil {
		return nil, fmt.Errorf("shopapi: merchant %s: %w", appID, err)
	}
	return c, nil
}

// evictIdle drops the clients unused for longer than the idle timeout,
// from the least recently used; f.mu is held.
func (f *Fleet) evictIdle(now time.Time) {
	for el := f.lru.Back(); el != nil; el = f.lru.Back() {
		if now.Sub(el.Value.(*fleetEntry).lastUsed) <= f.cfg.IdleTimeout {
			return
		}
		f.remove(el)
	}
}

func (f *Fleet) drop(appID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if el, ok := f.byAppID[appID]; ok {
		f.remove(el)
	}
}

// remove drops el; f.mu is held.
func (f *Fleet) remove(el *list.Element) {
	delete(f.byAppID, el.Value.(*fleetEntry).appID)
	f.lru.Remove(el)
}
