package shopapi

import (
	"context"
	"errors"
	"maps"
	"sync"
	"time"
)

// RateLimits are the client-side per-minute call quotas, per API path. The
// platform counts calls per path and minute (quota API
// /cgi-bin/openapi/quota/get returns rate_limit{call_count, refresh_second})
// and answers errcode 45011 when a quota is exceeded; the client spaces calls
// with a token bucket per path (burst = the per-minute quota) so it stays
// under the quota instead of collecting 45011s.
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
		EffectiveFrom: time.Date(2026, 3, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)),
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

type bucket struct {
	tokens float64
	last   time.Time
	rate   float64 // tokens per second
	burst  float64
}

type limiter struct {
	mu      sync.Mutex
	limits  RateLimits
	now     func() time.Time
	buckets map[string]*bucket
	held    map[string]time.Time // path → no calls before (after errcode 45011)
}

func newLimiter(l RateLimits, now func() time.Time) *limiter {
	return &limiter{limits: l, now: now, buckets: make(map[string]*bucket), held: make(map[string]time.Time)}
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

func (l *limiter) take(path string, now time.Time) time.Duration {
	b := l.buckets[path]
	if b == nil {
		n, ok := l.limits.PerMinute[path]
		if !ok {
			n = l.limits.Default
		}
		if n <= 0 {
			return 0
		}
		b = &bucket{tokens: float64(n), last: now, rate: float64(n) / 60, burst: float64(n)}
		l.buckets[path] = b
	}
	if el := now.Sub(b.last); el > 0 {
		b.tokens = min(b.burst, b.tokens+el.Seconds()*b.rate)
		b.last = now
	}
	b.tokens--
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second))
}

func (l *limiter) wait(ctx context.Context, path string) error {
	return sleepCtx(ctx, l.reserve(path))
}
