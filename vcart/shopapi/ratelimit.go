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
// is applied by the token sources ([WithTokenRateLimits]), which fetch
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
