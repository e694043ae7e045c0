package redisstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// RefreshTokenStore is a [shopapi.RefreshTokenStore] in Redis: the
// authorizer_refresh_token of each merchant that authorised a service
// provider, shared by the provider's instances (a [shopapi.Fleet] on each
// reads and rotates them here). Keys: prefix+"refresh_token:"+component
// appid+":"+shop appid, without expiry (the platform's refresh tokens do not
// expire until the merchant revokes the authorisation). It is safe for
// concurrent use. The tokens are secrets: no error or log carries them.
type RefreshTokenStore struct {
	rdb       redis.Cmdable
	cfg       config
	component string
}

var _ shopapi.RefreshTokenStore = (*RefreshTokenStore)(nil)

// NewRefreshTokenStore returns the store of the merchants of the third-party
// platform componentAppID. It fails with [ErrConfig] for a nil client, an
// empty appid or an invalid option.
func NewRefreshTokenStore(rdb redis.Cmdable, componentAppID string, opts ...Option) (*RefreshTokenStore, error) {
	if rdb == nil {
		return nil, fmt.Errorf("%w: nil redis client", ErrConfig)
	}
	if componentAppID == "" {
		return nil, fmt.Errorf("%w: empty component appid", ErrConfig)
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return &RefreshTokenStore{rdb: rdb, cfg: cfg, component: componentAppID}, nil
}

func (s *RefreshTokenStore) key(appID string) string {
	return s.cfg.prefix + "refresh_token:" + s.component + ":" + appID
}

// LoadRefreshToken implements [shopapi.RefreshTokenStore]; a merchant it
// keeps no token for is [shopapi.ErrUnknownMerchant].
func (s *RefreshTokenStore) LoadRefreshToken(ctx context.Context, appID string) (string, error) {
	octx, cancel := s.cfg.opContext(ctx)
	defer cancel()
	rt, err := s.rdb.Get(octx, s.key(appID)).Result()
	switch {
	case errors.Is(err, redis.Nil):
		return "", fmt.Errorf("%w: %s", shopapi.ErrUnknownMerchant, appID)
	case err != nil:
		return "", unavailable("load refresh token", appID, err)
	}
	return rt, nil
}

// SaveRefreshToken implements [shopapi.RefreshTokenStore].
func (s *RefreshTokenStore) SaveRefreshToken(ctx context.Context, appID, refreshToken string) error {
	if appID == "" || refreshToken == "" {
		return fmt.Errorf("%w: appid and refresh token are required", ErrConfig)
	}
	octx, cancel := s.cfg.opContext(ctx)
	defer cancel()
	if err := s.rdb.Set(octx, s.key(appID), refreshToken, 0).Err(); err != nil {
		return unavailable("save refresh token", appID, err)
	}
	return nil
}

// DeleteRefreshToken implements [shopapi.RefreshTokenStore].
func (s *RefreshTokenStore) DeleteRefreshToken(ctx context.Context, appID string) error {
	octx, cancel := s.cfg.opContext(ctx)
	defer cancel()
	if err := s.rdb.Del(octx, s.key(appID)).Err(); err != nil {
		return unavailable("delete refresh token", appID, err)
	}
	return nil
}
