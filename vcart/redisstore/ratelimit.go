package redisstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// DefaultMaxAhead is how many minutes past the current one a call may be
// reserved in when the current minute's quota is spent.
const DefaultMaxAhead = 60

// DefaultLeaseMax and DefaultLeaseTTL bound the calls an instance reserves
// ahead of its callers ([WithLease]).
const (
	// DefaultLeaseMax is the most calls one round trip reserves.
	DefaultLeaseMax = 256
	// DefaultLeaseTTL is how long an instance may spend the calls it
	// reserved ahead; it bounds how late a hold recorded by another
	// instance stops them.
	DefaultLeaseTTL = time.Second
)

// leaseShare caps a lease at 1/leaseShare of an instance's share of the
// quota, which bounds what leases left unspent can take from the others.
const leaseShare = 8

// ErrQueueFull is returned by [RateLimiter.Wait] when every minute up to
// the limiter's horizon (WithMaxAhead) is already reserved.
var ErrQueueFull = errors.New("redisstore: rate limit queue full")

// RateLimiter is a [shopapi.RateLimiter] shared by every instance that
// calls the shop API for one shop (one appid): the platform counts calls per
// shop, path and minute (errcode 45011 past the quota), so instances that
// counted only their own calls would together send a multiple of it.
//
// A Lua script reserves calls in the first minute, from the caller's,
// whose count is under the path's quota, and the caller waits for that
// minute, as the in-process limiter does. Minutes are those of the
// caller's clock (WithClock; keep the instances' clocks synchronised, as
// the platform counts by its own). A 45011 seen by one instance holds the
// path for all until the platform's next minute. Paths without a quota (0)
// never touch Redis.
//
// Leases: an instance that spends its reservations fast reserves several
// calls per round trip and spends them in process, since a round trip can
// cost as much as a call to a nearby API (see BenchmarkLimiterOverhead).
// The block starts at one call (one round trip per call), doubles when the
// last one was spent within its lease lifetime (WithLease, default 1 s) and
// halves when one is left unspent, up to WithLease's maximum (default 256)
// and at most an eighth of the instance's share of the quota (quota /
// WithInstanceShare / 8: a quota under 16 calls a minute per instance is
// never leased); near a minute's end it asks for no more than the last
// block's pace spends before the end. Reserved calls count in Redis when
// they are reserved, so the instances together never exceed the quota;
// calls not spent by their minute's end or by the end of the lease
// lifetime are lost (the quota is under-used by what is left of one block
// per instance). A hold drops the holding instance's block at once;
// another instance spends what is left of its block for at most the lease
// lifetime, then meets the hold at its next round trip. WithLease(1, …)
// makes every call one round trip and every hold immediate for all.
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
	paths    sync.Map // path → *leases
}

// refill is a round trip reserving a block, which callers that find no
// block wait for.
type refill struct {
	done chan struct{} // closed when it ends
	err  error         // its error, for the callers waiting, unless retry
	// retry: it failed for its caller's context only; the callers waiting
	// try again.
	retry bool
}

// leases is an instance's block of reserved calls of one path.
type leases struct {
	mu      sync.Mutex
	minute  int64     // Unix minute of the block
	n       int       // calls of the block left to spend
	expires time.Time // the block's lease lifetime ends
	block   int       // calls the last round trip asked for
	granted time.Time // when the last round trip reserved its calls
	size    int       // how many it reserved
	spent   bool      // every call of the last round trip was spent
	hold    time.Time // the latest hold this instance recorded
	refill  *refill   // the round trip in flight; nil when none
	waiting int       // callers waiting for that round trip
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

// admitScript reserves calls. KEYS[1]: the path's hash. ARGV: now (Unix
// ms), the quota, the number of minutes it may reserve ahead, the calls
// wanted. It returns {the Unix minute reserved, the calls reserved in it
// (1 to the calls wanted)}, or {-1, 0} when every minute up to the horizon
// is full. Minutes before the current one are deleted as it goes.
var admitScript = redis.NewScript(`
local now = tonumber(ARGV[1])
local quota = tonumber(ARGV[2])
local ahead = tonumber(ARGV[3])
local want = tonumber(ARGV[4])
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
    local n = math.min(want, quota - c)
    redis.call('HINCRBY', KEYS[1], m, n)
    local ttl = (m + 2) * 60000 - now
    if redis.call('PTTL', KEYS[1]) < 0 then
      redis.call('PEXPIRE', KEYS[1], ttl)
    else
      redis.call('PEXPIRE', KEYS[1], ttl, 'GT')
    end
    return {m, n}
  end
end
return {-1, 0}
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
	start, err := l.admit(ctx, path, quota)
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

// admit takes one call of path (quota > 0) from this instance's block, or
// reserves a block in Redis, and returns the start of the call's minute.
// One round trip reserves a block; callers that find none while it is in
// flight wait for it instead of making their own.
func (l *RateLimiter) admit(ctx context.Context, path string, quota int) (time.Time, error) {
	most := min(l.cfg.leaseMax, quota/l.cfg.instances/leaseShare)
	if most <= 1 {
		start, _, err := l.reserve(ctx, path, quota, 1)
		return start, err
	}
	v, ok := l.paths.Load(path)
	if !ok {
		v, _ = l.paths.LoadOrStore(path, &leases{block: 1})
	}
	p := v.(*leases)
	for {
		p.mu.Lock()
		if start, ok := p.take(l.cfg.now()); ok {
			p.mu.Unlock()
			return start, nil
		}
		if r := p.refill; r != nil {
			p.waiting++
			p.mu.Unlock()
			select {
			case <-r.done:
			case <-ctx.Done():
			}
			p.mu.Lock()
			p.waiting--
			p.mu.Unlock()
			if err := ctx.Err(); err != nil {
				return time.Time{}, err
			}
			if r.err != nil && !r.retry {
				// Redis is unreachable or the queue is full for this
				// caller too: no second round trip after the first.
				return time.Time{}, r.err
			}
			continue
		}
		r := &refill{done: make(chan struct{})}
		p.refill = r
		want := p.next(l.cfg.now(), l.cfg.leaseTTL, most)
		p.mu.Unlock()

		start, n, err := l.reserve(ctx, path, quota, want)
		p.mu.Lock()
		p.refill = nil
		r.err, r.retry = err, err != nil && ctx.Err() != nil
		close(r.done)
		if err == nil {
			p.granted, p.size = l.cfg.now(), n
			if n > 1 && !start.Before(p.hold) {
				p.minute, p.n, p.expires = start.Unix()/60, n-1, p.granted.Add(l.cfg.leaseTTL)
			} else {
				p.spent = n == 1
			}
		}
		p.mu.Unlock()
		return start, err
	}
}

// next returns how many calls the next round trip asks for: the block,
// doubled when the last one was spent within its lease lifetime, but no
// more than the last one's pace would spend before the current minute ends
// (calls left at a minute's end are lost), and at least one per caller
// waiting for it. p.mu is held.
func (p *leases) next(now time.Time, ttl time.Duration, most int) int {
	want := p.block
	if took := now.Sub(p.granted); p.spent && took < ttl {
		p.block = min(2*p.block, most)
		want = p.block
		if per := took / time.Duration(max(p.size, 1)); per > 0 {
			left := now.Truncate(time.Minute).Add(time.Minute).Sub(now)
			want = min(want, int(left/per)+1)
		}
	}
	p.spent = false
	return min(max(want, p.waiting+1), most)
}

// take spends one call of the block, if it is still good at now, and
// returns its minute's start. It halves the next block when it drops one
// unspent. p.mu is held.
func (p *leases) take(now time.Time) (time.Time, bool) {
	if p.n == 0 {
		return time.Time{}, false
	}
	start := time.Unix(p.minute*60, 0)
	if p.minute < now.Unix()/60 || !now.Before(p.expires) || start.Before(p.hold) {
		p.n = 0
		p.block = max(1, p.block/2)
		return time.Time{}, false
	}
	p.n--
	p.spent = p.n == 0
	return start, true
}

// reserve reserves up to want calls of path (quota > 0) in the first minute
// with room and returns the minute's start and the calls reserved; one
// round trip.
func (l *RateLimiter) reserve(ctx context.Context, path string, quota, want int) (time.Time, int, error) {
	octx, cancel := l.cfg.opContext(ctx)
	defer cancel()
	r, err := admitScript.Run(octx, l.rdb, []string{l.key(path)}, l.cfg.now().UnixMilli(), quota, l.cfg.maxAhead, want).Int64Slice()
	if err == nil && len(r) != 2 {
		err = fmt.Errorf("admission script answered %d values, want 2", len(r))
	}
	if err != nil {
		l.markDown(err)
		return time.Time{}, 0, unavailable("rate limit", path, err)
	}
	l.markUp()
	if r[0] < 0 {
		return time.Time{}, 0, fmt.Errorf("%w: %s of %s: %d minutes ahead are full", ErrQueueFull, path, l.appID, l.cfg.maxAhead)
	}
	return time.UnixMilli(r[0] * 60000), int(r[1]), nil
}

// Hold implements [shopapi.RateLimiter]: every instance waits for until
// before its next call of path (an instance spending a block of calls
// reserved before the hold: once the block's lease lifetime ends, see
// [RateLimiter]); this instance's block is dropped at once. When Redis
// cannot be reached the hold is kept by this instance's fallback and the
// error wraps [ErrUnavailable].
func (l *RateLimiter) Hold(ctx context.Context, path string, until time.Time) error {
	if v, ok := l.paths.Load(path); ok {
		p := v.(*leases)
		p.mu.Lock()
		if until.After(p.hold) {
			p.hold = until
		}
		p.mu.Unlock()
	}
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

// WithLease sets how many calls one round trip may reserve for this
// instance to spend in process (at most maxCalls, default
// [DefaultLeaseMax]; 1 makes every call one round trip) and for how long
// after it an instance may spend them (ttl, default [DefaultLeaseTTL]),
// which bounds how late a hold recorded by another instance stops this
// one. See [RateLimiter] for how the block adapts. maxCalls and ttl must
// be positive.
func WithLease(maxCalls int, ttl time.Duration) Option {
	return func(c *config) error {
		if maxCalls <= 0 || ttl <= 0 {
			return fmt.Errorf("redisstore: WithLease: must be positive, got %d calls and %v", maxCalls, ttl)
		}
		c.leaseMax, c.leaseTTL = maxCalls, ttl
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
