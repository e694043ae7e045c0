package redisstore

import (
	"context"
	"time"
)

// Reserve exposes the limiter's one-round-trip admission to the external
// tests: the start of the minute it reserved the call in.
func (l *RateLimiter) Reserve(ctx context.Context, path string) (time.Time, error) {
	return l.reserve(ctx, path, l.limits.Quota(path))
}
