package redisstore

import (
	"context"
	"time"
)

// Reserve exposes the limiter's admission to the external tests: the start
// of the minute it reserved the call in (from the instance's block or one
// round trip), without waiting for it.
func (l *RateLimiter) Reserve(ctx context.Context, path string) (time.Time, error) {
	return l.admit(ctx, path, l.limits.Quota(path))
}

// SetRenewHooks makes the refresh-lock renewal of s tick on ticks instead
// of every TTL/3, and report each renewal (kept: the lock was still the
// holder's and its TTL was reset) to renewed. Set it before LockRefresh.
func SetRenewHooks(s *TokenStore, ticks <-chan time.Time, renewed func(kept bool)) {
	s.renewTicks, s.renewed = ticks, renewed
}

// AdmitScript is the limiter's admission script, for the benchmarks.
var AdmitScript = admitScript

// Waiting reports how many callers of l wait for the round trip in flight
// reserving a block of path.
func Waiting(l *RateLimiter, path string) int {
	v, ok := l.paths.Load(path)
	if !ok {
		return 0
	}
	p := v.(*leases)
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.waiting
}
