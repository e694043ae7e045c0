package redisstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// DefaultMaxAhead is how many minutes past the current one a call may be
// reserved in when the current minute's quota is spent.
const DefaultMaxAhead = 60

// ErrQueueFull is returned by [RateLimiter.Wait] when every minute up to
// the limiter's horizon (WithMaxAhead) is already reserved.
var ErrQueueFull = errors.New("redisstore: rate limit queue full")

// RateLimiter is a [shopapi.RateLimiter] shared by every instance that
// calls the shop API for one shop (one appid): the platform counts calls per
// shop, path and minute (errcode 45011 past the quota), so instances that
// counted only their own calls would together send a multiple of it.
//
// Each admission is one round trip: a Lua script reserves the call in the
// first minute, from the caller's, whose count is under the path's quota,
// and the caller waits for that minute, as the in-process limiter does.
// Minutes are those of the caller's clock (WithClock; keep the instances'
// clocks synchronised, as the platform counts by its own). A 45011 seen by
// one instance holds the path for all until the platform's next minute.
// Paths without a quota (0) never touch Redis.
//
// When Redis cannot be reached, each instance falls back to its share of
// the quota (WithInstanceShare: the quota divided by the number of
// instances) counted in process, never to no limit; a warning is logged
// when the fallback starts and when Redis answers again.
//
// Keys: one hash per shop and path, prefix+"rl:{"+appid+"|"+path+"}", whose
// fields count the reserved calls of each minute (Unix minute number) and
// hold the hold instant ("hold", Unix ms); it expires two minutes after the
// last reserved minute (by the caller's clock). The braces make it one
// Cluster slot.
type RateLimiter struct {
	rdb      redis.Cmdable
	cfg      config
	appID    string
	limits   shopapi.RateLimits
	fallback shopapi.RateLimiter
	down     atomic.Bool
}

var _ shopapi.RateLimiter = (*RateLimiter)(nil)

// NewRateLimiter returns the shared limiter of the shop appID's calls under
// limits (usually shopapi.DefaultRateLimits or the table the quota API
// gives, shopapi.RateLimitsFromQuotas). It fails with [ErrConfig] for a nil
// client, an empty appid or an invalid option or table.
func NewRateLimiter(rdb redis.Cmdable, appID string, limits shopapi.RateLimits, opts ...Option) (*RateLimiter, error) {
	if rdb == nil {
		return nil, fmt.Errorf("%w: nil redis client", ErrConfig)
	}
	if appID == "" || strings.ContainsAny(appID, "{}| \t\r\n") {
		return nil, fmt.Errorf("%w: appid must be non-empty, without braces, bars or whitespace", ErrConfig)
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	fb, err := shopapi.NewLocalRateLimiter(limits.Share(cfg.instances), cfg.now)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return &RateLimiter{rdb: rdb, cfg: cfg, appID: appID, limits: limits, fallback: fb}, nil
}

// key returns the hash of path.
func (l *RateLimiter) key(path string) string {
	return l.cfg.prefix + "rl:{" + l.appID + "|" + path + "}"
}

// admitScript reserves one call. KEYS[1]: the path's hash. ARGV: now (Unix
// ms), the quota, the number of minutes it may reserve ahead. It returns
// the Unix minute reserved, or -1 when every minute up to the horizon is
// full. Minutes before the current one are deleted as it goes.
var admitScript = redis.NewScript(`
local now = tonumber(ARGV[1])
local quota = tonumber(ARGV[2])
local ahead = tonumber(ARGV[3])
local minute = math.floor(now / 60000)
local start = minute
local hold = tonumber(redis.call('HGET', KEYS[1], 'hold') or '0')
if hold > now then
  start = math.floor((hold + 59999) / 60000)
end
redis.call('HDEL', KEYS[1], minute - 1, minute - 2, minute - 3)
for m = start, start + ahead do
  local c = tonumber(redis.call('HGET', KEYS[1], m) or '0')
  if c < quota then
    redis.call('HINCRBY', KEYS[1], m, 1)
    local ttl = (m + 2) * 60000 - now
    if redis.call('PTTL', KEYS[1]) < 0 then
      redis.call('PEXPIRE', KEYS[1], ttl)
    else
      redis.call('PEXPIRE', KEYS[1], ttl, 'GT')
    end
    return m
  end
end
return -1
`)

// holdScript records a hold. KEYS[1]: the path's hash. ARGV: until and
// now (Unix ms, the caller's clock). A later hold already recorded wins.
// Expiries are relative to the caller's clock, so the key lives as long
// whatever Redis's own clock says.
var holdScript = redis.NewScript(`
local until_ms = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local hold = tonumber(redis.call('HGET', KEYS[1], 'hold') or '0')
if until_ms > hold then
  redis.call('HSET', KEYS[1], 'hold', until_ms)
end
local ttl = until_ms - now + 120000
if ttl < 1 then
  ttl = 1
end
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
else
  redis.call('PEXPIRE', KEYS[1], ttl, 'GT')
end
return 1
`)

// Wait implements [shopapi.RateLimiter]: it reserves one call of path and
// returns when its minute comes, or with ctx's error (the reservation is
// then kept: it counts against the quota, as a call would). It returns
// [ErrQueueFull] when no minute up to the horizon has room.
func (l *RateLimiter) Wait(ctx context.Context, path string) error {
	quota := l.limits.Quota(path)
	if quota <= 0 {
		return ctx.Err()
	}
	start, err := l.reserve(ctx, path, quota)
	switch {
	case errors.Is(err, ErrUnavailable):
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return l.fallback.Wait(ctx, path)
	case err != nil:
		return err
	}
	return sleepUntil(ctx, l.cfg.now, start)
}

// reserve takes one call of path (quota > 0) in the first minute with room
// and returns the minute's start; one round trip.
func (l *RateLimiter) reserve(ctx context.Context, path string, quota int) (time.Time, error) {
	octx, cancel := l.cfg.opContext(ctx)
	defer cancel()
	m, err := admitScript.Run(octx, l.rdb, []string{l.key(path)}, l.cfg.now().UnixMilli(), quota, l.cfg.maxAhead).Int64()
	if err != nil {
		l.markDown(err)
		return time.Time{}, unavailable("rate limit", path, err)
	}
	l.markUp()
	if m < 0 {
		return time.Time{}, fmt.Errorf("%w: %s of %s: %d minutes ahead are full", ErrQueueFull, path, l.appID, l.cfg.maxAhead)
	}
	return time.UnixMilli(m * 60000), nil
}

// Hold implements [shopapi.RateLimiter]: every instance waits for until
// before its next call of path. When Redis cannot be reached the hold is
// kept by this instance's fallback and the error wraps [ErrUnavailable].
func (l *RateLimiter) Hold(ctx context.Context, path string, until time.Time) error {
	if l.limits.Quota(path) <= 0 {
		// No quota is counted, but the platform refuses the path: still
		// hold it here.
		return l.fallback.Hold(ctx, path, until)
	}
	octx, cancel := l.cfg.opContext(ctx)
	defer cancel()
	if err := holdScript.Run(octx, l.rdb, []string{l.key(path)}, until.UnixMilli(), l.cfg.now().UnixMilli()).Err(); err != nil {
		l.markDown(err)
		_ = l.fallback.Hold(ctx, path, until)
		return unavailable("hold", path, err)
	}
	l.markUp()
	return nil
}

func (l *RateLimiter) markDown(err error) {
	if !l.down.Swap(true) {
		l.cfg.logger.Warn("redisstore: rate limiter falls back to this instance's share of the quota",
			"appid", l.appID, "instances", l.cfg.instances, "error", err.Error())
	}
}

func (l *RateLimiter) markUp() {
	if l.down.Swap(false) {
		l.cfg.logger.Warn("redisstore: rate limiter shares the quota in Redis again", "appid", l.appID)
	}
}

// sleepUntil waits until t by the clock now, or for ctx.
func sleepUntil(ctx context.Context, now func() time.Time, t time.Time) error {
	d := t.Sub(now())
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// WithInstanceShare sets how many instances share a shop's quota (default
// 1): when Redis cannot be reached, each instance admits 1/n of the quota
// on its own (rounded down, at least one call a minute). n must be
// positive.
func WithInstanceShare(n int) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("redisstore: WithInstanceShare: must be positive, got %d", n)
		}
		c.instances = n
		return nil
	}
}

// WithMaxAhead sets how many minutes past the current one a call may be
// reserved in (default [DefaultMaxAhead]); past it [RateLimiter.Wait]
// returns [ErrQueueFull]. It must be positive.
func WithMaxAhead(minutes int) Option {
	return func(c *config) error {
		if minutes <= 0 {
			return fmt.Errorf("redisstore: WithMaxAhead: must be positive, got %d", minutes)
		}
		c.maxAhead = minutes
		return nil
	}
}

// String describes the limiter without secrets.
func (l *RateLimiter) String() string {
	return "redisstore.RateLimiter(" + l.appID + ", " + strconv.Itoa(len(l.limits.PerMinute)) + " quotas)"
}

// scripts lists every Lua script of the package, for [Preload].
func scripts() []*redis.Script {
	return []*redis.Script{admitScript, holdScript, claimScript, completeScript, invalidateScript, storeScript, releaseScript, renewScript}
}

// Preload loads the package's Lua scripts into Redis's script cache, so
// that the first admissions after a server start are one round trip too
// (a script not yet cached costs an EVALSHA answered NOSCRIPT, then an
// EVAL, and a burst of first calls pays it many times). Call it at
// start-up; the stores work without it. On a Cluster, load on every
// primary (redis.ClusterClient.ForEachMaster).
func Preload(ctx context.Context, rdb redis.Scripter) error {
	for _, s := range scripts() {
		if err := s.Load(ctx, rdb).Err(); err != nil {
			return unavailable("preload scripts", "", err)
		}
	}
	return nil
}
