package shopapi

import (
	"context"
	"errors"
	"maps"
	"sync"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// RateLimits are the client-side per-minute call quotas, per API path. The
// platform counts calls per path and minute (quota API
// /cgi-bin/openapi/quota/get returns rate_limit{call_count, refresh_second})
// and answers errcode 45011 ("retry next minute") when a quota is
// exceeded; the client counts its calls per path in the same windows, the
// minutes of its clock, and makes a call past the quota wait for the next
// minute with room, so it stays under the quota instead of collecting
// 45011s. (A token bucket with a burst of the quota would let through up
// to twice the quota within one of the platform's minutes.)
type RateLimits struct {
	// Version names this table.
	Version string
	// EffectiveFrom is when the figures were read.
	EffectiveFrom time.Time
	// PerMinute maps an API path to its quota in calls per minute.
	PerMinute map[string]int
	// Default is the quota of paths not in PerMinute; 0 means unlimited.
	Default int
}

// DefaultRateLimits returns the published quotas: stable_token 10,000/min
// and image upload 5,000/min. The platform does not publish the quota of
// other /channels/ec paths: read them with the quota API at start-up
// ([QuotaService.RateLimits], [RateLimitsFromQuotas]) and pass the table to
// [WithRateLimits]; without that they are unlimited. The stable_token entry
// is applied by the token sources ([WithRateLimits]), which fetch
// tokens outside the [Client]; the client's limiter applies the others.
func DefaultRateLimits() RateLimits {
	return RateLimits{
		Version:       "channels-2026-03",
		EffectiveFrom: time.Date(2026, 3, 1, 0, 0, 0, 0, vcart.Shanghai()),
		PerMinute: map[string]int{
			pathStableToken:            10000,
			epImageUpload.path:         5000,
			epQualificationUpload.path: 5000,
		},
	}
}

func (l RateLimits) clone() RateLimits {
	l.PerMinute = maps.Clone(l.PerMinute)
	return l
}

// canonical returns l with every path in the registry's spelling: a quota
// given for an alias (/channels/ec/category/all) counts for its endpoint
// (/shop/ec/category/all). Where both spellings are given, the smaller
// quota wins.
func (l RateLimits) canonical() RateLimits {
	out := l.clone()
	for p, n := range l.PerMinute {
		c := canonicalPath(p)
		if c == p {
			continue
		}
		delete(out.PerMinute, p)
		if old, ok := out.PerMinute[c]; !ok || n < old {
			out.PerMinute[c] = n
		}
	}
	return out
}

func (l RateLimits) validate() error {
	if l.Default < 0 {
		return errors.New("shopapi: RateLimits.Default must not be negative")
	}
	for p, n := range l.PerMinute {
		if n <= 0 || p == "" {
			return errors.New("shopapi: RateLimits.PerMinute: want a path and a positive quota")
		}
	}
	return nil
}

// window counts the calls reserved in the minute starting at start: the
// latest minute with a reservation (later callers queue into later minutes).
type window struct {
	start time.Time
	n     int
	quota int
}

type limiter struct {
	mu      sync.Mutex
	limits  RateLimits
	now     func() time.Time
	windows map[string]*window
	held    map[string]time.Time // path → no calls before (after errcode 45011)
}

func newLimiter(l RateLimits, now func() time.Time) *limiter {
	l = l.canonical()
	return &limiter{limits: l, now: now, windows: make(map[string]*window), held: make(map[string]time.Time)}
}

// hold stops calls to path until t.
func (l *limiter) hold(path string, t time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t.After(l.held[path]) {
		l.held[path] = t
	}
}

// reserve takes one token for path and returns how long to wait for it.
func (l *limiter) reserve(path string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var held time.Duration
	if until, ok := l.held[path]; ok {
		if held = until.Sub(now); held <= 0 {
			delete(l.held, path)
			held = 0
		}
	}
	return max(held, l.take(path, now))
}

// take reserves one call of path in the first minute, from now's, with
// room and returns how long to wait for that minute.
func (l *limiter) take(path string, now time.Time) time.Duration {
	w := l.windows[path]
	if w == nil {
		n, ok := l.limits.PerMinute[path]
		if !ok {
			n = l.limits.Default
		}
		if n <= 0 {
			return 0
		}
		w = &window{quota: n}
		l.windows[path] = w
	}
	if cur := now.Truncate(time.Minute); w.start.Before(cur) {
		w.start, w.n = cur, 0
	}
	if w.n >= w.quota {
		w.start, w.n = w.start.Add(time.Minute), 0
	}
	w.n++
	return max(0, w.start.Sub(now))
}

func (l *limiter) wait(ctx context.Context, path string) error {
	return sleepCtx(ctx, l.reserve(path))
}

// Wait implements [RateLimiter].
func (l *limiter) Wait(ctx context.Context, path string) error {
	return l.wait(ctx, canonicalPath(path))
}

// Hold implements [RateLimiter].
func (l *limiter) Hold(_ context.Context, path string, until time.Time) error {
	l.hold(canonicalPath(path), until)
	return nil
}

// RateLimiter admits a client's calls under the platform's per-minute
// quotas. The default is an in-process limiter over [RateLimits]
// ([WithRateLimits], [NewLocalRateLimiter]); several instances of a backend
// calling for the same shop share one limiter (redisstore.NewRateLimiter)
// so that together they stay under the quota the platform counts per shop,
// path and minute. Implementations are safe for concurrent use.
type RateLimiter interface {
	// Wait reserves one call of path (the registry's spelling) and returns
	// when it may be sent, or with ctx's error.
	Wait(ctx context.Context, path string) error
	// Hold refuses calls of path until until: the client calls it after an
	// errcode 45011, which the platform keeps answering until its next
	// minute. An error means the hold was not recorded.
	Hold(ctx context.Context, path string, until time.Time) error
}

// NewLocalRateLimiter returns the in-process limiter the client uses by
// default, over limits, with the clock now (nil: time.Now). It counts the
// calls of one process: give each instance a share of the quota when
// several call for one shop (or share a limiter in Redis).
func NewLocalRateLimiter(limits RateLimits, now func() time.Time) (RateLimiter, error) {
	if err := limits.validate(); err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	return newLimiter(limits.clone(), now), nil
}

// WithRateLimiter makes the client admit its calls through l instead of
// its own in-process limiter (WithRateLimits and WithoutRateLimit are then
// ignored); share l between clients of the same shop only.
func WithRateLimiter(l RateLimiter) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("shopapi: nil RateLimiter")
		}
		c.rateLimiter = l
		return nil
	}
}

// Share returns l with every quota divided by n (rounded down, at least 1
// call a minute): the part of the shop's quota one of n instances may use
// on its own, as a fallback when the shared limiter is unreachable.
func (l RateLimits) Share(n int) RateLimits {
	out := l.clone()
	if n <= 1 {
		return out
	}
	for p, q := range out.PerMinute {
		out.PerMinute[p] = max(1, q/n)
	}
	if out.Default > 0 {
		out.Default = max(1, out.Default/n)
	}
	return out
}

// Quota returns the per-minute quota of path (an alias counts as its
// endpoint); 0 means unlimited.
func (l RateLimits) Quota(path string) int {
	if i, ok := registryIndex[path]; ok {
		e := &registry[i]
		if n, ok := l.PerMinute[e.Path]; ok {
			return n
		}
		q := 0
		for _, a := range e.Aliases {
			if n, ok := l.PerMinute[a]; ok && (q == 0 || n < q) {
				q = n // as canonical: the smaller quota wins
			}
		}
		if q > 0 {
			return q
		}
		return l.Default
	}
	if n, ok := l.PerMinute[path]; ok {
		return n
	}
	return l.Default
}
