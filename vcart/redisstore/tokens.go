package redisstore

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Compile-time checks that the stores fit the interfaces they serve.
var (
	_ shopapi.TokenStore    = (*TokenStore)(nil)
	_ shopapi.RefreshLocker = (*TokenStore)(nil)
)

// invalidateScript deletes KEYS[1] only if it holds a token (encodeToken's
// layout) equal to ARGV[1].
var invalidateScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local tok = string.match(v, '^v1 %-?%d+ (.+)$')
if tok == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`)

// storeScript sets KEYS[1] to ARGV[1] (encodeToken's layout) with PX
// ARGV[3], unless it holds a token expiring later than ARGV[2] (Unix ms):
// an instance whose refresh overran the lock never overwrites the newer
// token another instance stored meanwhile.
var storeScript = redis.NewScript(`
local cur = redis.call('GET', KEYS[1])
if cur then
  local e = string.match(cur, '^v1 (%-?%d+) .+$')
  if e and tonumber(e) > tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
`)

// releaseScript deletes KEYS[1] only if its value is ARGV[1] (the owner
// token of a lock or claim), so nobody releases what another holds.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`)

// renewScript sets KEYS[1]'s time to live to ARGV[2] ms only if its value
// is ARGV[1] (the lock's owner token): a holder keeps its own lock alive and
// never extends one another instance took after it expired.
var renewScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`)

// TokenStore is a [shopapi.TokenStore] and [shopapi.RefreshLocker] on Redis,
// shared by every instance of a backend: one cached access token per key
// and a distributed refresh lock, so that one instance fetches a new token
// and the others reuse it instead of invalidating it.
//
// Keys: the token for key k lives at prefix+k (k alone when it already
// starts with the prefix, as shopapi's "vcart:token:<appid>" does with the
// default prefix), its refresh lock at that key + ":lock". A TokenStore is
// safe for concurrent use.
type TokenStore struct {
	rdb redis.Cmdable
	cfg config

	// Test hooks (export_test.go): renewTicks, if set, replaces the
	// renewal ticker; renewed, if set, is called after each renewal with
	// whether the lock was still this holder's.
	renewTicks <-chan time.Time
	renewed    func(kept bool)
}

// NewTokenStore returns a token store on rdb (a *redis.Client,
// *redis.ClusterClient or redis.UniversalClient). It fails with [ErrConfig]
// for a nil client or an invalid option. The caller keeps ownership of rdb
// and closes it.
func NewTokenStore(rdb redis.Cmdable, opts ...Option) (*TokenStore, error) {
	if rdb == nil {
		return nil, fmt.Errorf("%w: nil redis client", ErrConfig)
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return &TokenStore{rdb: rdb, cfg: cfg}, nil
}

// tokenKey is the Redis key of the token stored under key: prefix+key, or
// key itself when it already starts with the prefix (shopapi's keys such as
// "vcart:token:<appid>" start with the default prefix and are not doubled).
func (s *TokenStore) tokenKey(key string) string {
	if strings.HasPrefix(key, s.cfg.prefix) {
		return key
	}
	return s.cfg.prefix + key
}

// lockKey is the Redis key of key's refresh lock.
func (s *TokenStore) lockKey(key string) string { return s.tokenKey(key) + ":lock" }

// Load returns the token cached under key; ok is false when there is none
// (never stored, expired, or invalidated). It returns an error wrapping
// [ErrUnavailable] when Redis cannot be reached and [ErrCorrupt] when the
// value was not written by this package. Load does not judge staleness: the
// token source compares ExpiresAt with its clock. ExpiresAt has millisecond
// precision.
func (s *TokenStore) Load(ctx context.Context, key string) (shopapi.Token, bool, error) {
	if err := checkArgs(key, 0, false); err != nil {
		return shopapi.Token{}, false, err
	}
	octx, cancel := s.cfg.opContext(ctx)
	defer cancel()
	v, err := s.rdb.Get(octx, s.tokenKey(key)).Result()
	if errors.Is(err, redis.Nil) {
		return shopapi.Token{}, false, nil
	}
	if err != nil {
		return shopapi.Token{}, false, unavailable("load", key, err)
	}
	tok, exp, ok := decodeToken(v)
	if !ok {
		return shopapi.Token{}, false, fmt.Errorf("redisstore: load %q: %w", key, ErrCorrupt)
	}
	return shopapi.Token{AccessToken: tok, ExpiresAt: exp}, true, nil
}

// Store caches tok under key for every instance (SET PX in a Lua script).
// The key's time to live is tok.ExpiresAt − margin ([WithMargin]) measured
// on the store's clock ([WithClock]); a token that expires sooner than the
// margin is kept until its own expiry, so other instances still reuse it
// rather than fetch (and invalidate) another. A stored token that expires
// later than tok is kept and Store returns nil: it was fetched after tok (by
// an instance that took the lock after this one's expired). An empty
// AccessToken or an ExpiresAt not in the future is a *vcart.ValidationError;
// nothing is written then.
func (s *TokenStore) Store(ctx context.Context, key string, tok shopapi.Token) error {
	var p []vcart.FieldError
	if key == "" {
		p = append(p, vcart.FieldError{Field: "key", Code: "required", Msg: "key must not be empty"})
	}
	if tok.AccessToken == "" {
		p = append(p, vcart.FieldError{Field: "tok.AccessToken", Code: "required", Msg: "access token must not be empty"})
	}
	remaining := tok.ExpiresAt.Sub(s.cfg.now())
	if remaining < time.Millisecond {
		p = append(p, vcart.FieldError{Field: "tok.ExpiresAt", Code: "expired", Msg: "token has already expired"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return err
	}
	ttl := remaining - s.cfg.margin
	if ttl < time.Millisecond {
		ttl = remaining
	}
	octx, cancel := s.cfg.opContext(ctx)
	defer cancel()
	val := encodeToken(tok.AccessToken, tok.ExpiresAt)
	if err := storeScript.Run(octx, s.rdb, []string{s.tokenKey(key)}, val, tok.ExpiresAt.UnixMilli(), ttl.Milliseconds()).Err(); err != nil {
		return unavailable("store", key, err)
	}
	return nil
}

// Invalidate deletes the token under key only if it is value
// (compare-and-delete in one Lua script), so an instance that saw value
// rejected never deletes a newer token another instance stored meanwhile.
func (s *TokenStore) Invalidate(ctx context.Context, key, value string) error {
	var p []vcart.FieldError
	if key == "" {
		p = append(p, vcart.FieldError{Field: "key", Code: "required", Msg: "key must not be empty"})
	}
	if value == "" {
		p = append(p, vcart.FieldError{Field: "value", Code: "required", Msg: "token to invalidate must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return err
	}
	octx, cancel := s.cfg.opContext(ctx)
	defer cancel()
	if err := invalidateScript.Run(octx, s.rdb, []string{s.tokenKey(key)}, value).Err(); err != nil {
		return unavailable("invalidate", key, err)
	}
	return nil
}

// LockRefresh takes the refresh lock for key: SET lock owner NX PX ttl, with
// a random owner token. While another instance holds it, LockRefresh polls
// with jittered exponential backoff ([WithLockPolling]) until it gets the
// lock, ctx ends, or the lock wait ([WithLockWait]) passes ([ErrLockTimeout]).
// It never blocks forever: a Redis error ends it at once with
// [ErrUnavailable], and the token source then falls back to its in-process
// single flight.
//
// While the lock is held, it is kept alive: every ttl/3 its time to live is
// set back to ttl, only if this caller still owns it (compare-and-pexpire
// in a Lua script), so a token fetch slower than ttl (shopapi's default
// lock TTL is 10 s, a fetch may take 30 s) does not let a second instance
// in. The renewal stops at unlock or when ctx ends; a holder that dies
// stops renewing, and its lock expires ttl later. A renewal that finds the
// lock gone or taken logs a warning and stops. unlock deletes the lock only
// if this caller still owns it (compare-and-delete), may be called more
// than once, and logs rather than returns a failure: the lock then expires
// by itself.
func (s *TokenStore) LockRefresh(ctx context.Context, key string, ttl time.Duration) (unlock func(), err error) {
	if err := checkArgs(key, ttl, true); err != nil {
		return nil, err
	}
	lk := s.lockKey(key)
	owner := rand.Text()
	deadline := time.Now().Add(s.cfg.lockWait)
	wait := s.cfg.pollMin
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		octx, ocancel := s.cfg.opContext(ctx)
		got, err := s.rdb.SetNX(octx, lk, owner, ttl).Result()
		ocancel()
		switch {
		case err == nil && got:
			stop := s.keepAlive(ctx, key, lk, owner, ttl)
			return s.unlocker(ctx, key, lk, owner, stop), nil
		case ctx.Err() != nil:
			return nil, fmt.Errorf("redisstore: lock %q: %w", key, context.Cause(ctx))
		case err != nil:
			return nil, unavailable("lock", key, err)
		}
		// Held by another instance: back off with jitter in [wait/2, wait],
		// and make a last attempt when the lock wait ends.
		remaining := time.Until(deadline)
		if remaining <= 0 {
			return nil, fmt.Errorf("redisstore: lock %q: %w", key, ErrLockTimeout)
		}
		d := min(wait/2+mrand.N(wait/2+1), remaining)
		if timer == nil {
			timer = time.NewTimer(d)
		} else {
			timer.Reset(d)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("redisstore: lock %q: %w", key, context.Cause(ctx))
		case <-timer.C:
		}
		wait = min(wait*2, s.cfg.pollMax)
	}
}

// keepAlive renews the lock lk held as owner every ttl/3 until the
// returned stop is called or ctx ends. stop waits for the renewing
// goroutine to exit, so no renewal runs after it returns.
func (s *TokenStore) keepAlive(ctx context.Context, key, lk, owner string, ttl time.Duration) (stop func()) {
	ticks := s.renewTicks
	var ticker *time.Ticker
	if ticks == nil {
		ticker = time.NewTicker(max(ttl/3, time.Millisecond))
		ticks = ticker.C
	}
	quit := make(chan struct{})
	done := make(chan struct{})
	base := context.WithoutCancel(ctx)
	go func() {
		defer close(done)
		if ticker != nil {
			defer ticker.Stop()
		}
		for {
			select {
			case <-quit:
				return
			case <-ctx.Done():
				return
			case <-ticks:
			}
			octx, cancel := s.cfg.opContext(ctx)
			n, err := renewScript.Run(octx, s.rdb, []string{lk}, owner, ttl.Milliseconds()).Int()
			cancel()
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				// Try again at the next tick; the lock lives ttl/3 × 2 more.
				s.cfg.logger.LogAttrs(base, slog.LevelWarn, "redisstore: renewing the refresh lock failed",
					slog.String("key", key), slog.Any("error", err))
			case n == 0:
				s.cfg.logger.LogAttrs(base, slog.LevelWarn, "redisstore: the refresh lock expired or was taken while held; another instance may refresh too",
					slog.String("key", key))
			}
			if s.renewed != nil {
				s.renewed(err == nil && n == 1)
			}
			if err == nil && n == 0 {
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() { close(quit) })
		<-done
	}
}

// unlocker returns an idempotent release of the lock lk held as owner;
// it first stops the lock's renewal.
func (s *TokenStore) unlocker(ctx context.Context, key, lk, owner string, stop func()) func() {
	var once sync.Once
	base := context.WithoutCancel(ctx)
	return func() {
		once.Do(func() {
			stop()
			octx, cancel := s.cfg.opContext(base)
			defer cancel()
			if err := releaseScript.Run(octx, s.rdb, []string{lk}, owner).Err(); err != nil {
				s.cfg.logger.LogAttrs(base, slog.LevelWarn, "redisstore: releasing the refresh lock failed; it expires by itself",
					slog.String("key", key), slog.Any("error", err))
			}
		})
	}
}
