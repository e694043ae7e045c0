package shopapi

import (
	"errors"
	"math/rand/v2"
	"net"
	"time"
)

// RetryPolicy says how often and how long the client waits before retrying
// a failed call. Waits grow exponentially from MinWait, capped at MaxWait,
// with "equal jitter" (a uniform draw in [w/2, w]).
//
// What is retried:
//   - idempotent endpoints (reads, full-state writes such as product/update
//     and stock "set"): transport errors, timeouts, HTTP 429 and 5xx,
//     errcode -1 (system busy) and 45011 (minute quota);
//   - other writes (product/add, stock add/subtract, delete …): only when the
//     request provably was not applied: a dial or DNS error (nothing was
//     sent), HTTP 429 and errcode 45011 (the throttle rejected it). Errcode -1
//     and HTTP 5xx are not retried for these: the platform does not document
//     that they leave the write unapplied. Such errors, and timeouts or
//     resets after the request was sent, wrap [ErrAmbiguous].
//
// A Retry-After header (seconds) on HTTP 429/5xx sets a minimum wait,
// capped at a minute. After errcode 45011 the wait is at least until the next minute of the
// client's clock, and the rate limiter holds the path until then for every
// caller. The token-invalid replay (40001, 40014, 42001, 41001) is separate: the
// request was rejected before it ran, so it is replayed once with a fresh
// token for every endpoint, and does not count as a retry.
type RetryPolicy struct {
	// MaxRetries is the number of retries after the first attempt (0 = none).
	MaxRetries int
	// MinWait is the wait before the first retry (before jitter).
	MinWait time.Duration
	// MaxWait caps each wait.
	MaxWait time.Duration
}

// DefaultRetryPolicy returns 3 retries waiting 500 ms, 1 s, 2 s (before
// jitter), capped at 5 s. (WxJava retries errcode -1 five times from 1 s.)
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 3, MinWait: 500 * time.Millisecond, MaxWait: 5 * time.Second}
}

func (p RetryPolicy) validate() error {
	if p.MaxRetries < 0 || p.MaxRetries > 20 {
		return errors.New("shopapi: RetryPolicy.MaxRetries must be within 0..20")
	}
	if p.MinWait < 0 || p.MaxWait < p.MinWait {
		return errors.New("shopapi: RetryPolicy: want 0 <= MinWait <= MaxWait")
	}
	return nil
}

// Backoff returns the wait before retry number n (0-based), jitter included.
func (p RetryPolicy) Backoff(n int) time.Duration { return p.backoff(n) }

func (p RetryPolicy) backoff(n int) time.Duration {
	w := p.MinWait
	for i := 0; i < n && w < p.MaxWait; i++ {
		w *= 2
	}
	w = min(w, p.MaxWait)
	if w <= 1 {
		return w
	}
	half := w / 2
	return half + rand.N(w-half+1)
}

// notSent reports whether err shows that the request never left the client
// (so even a non-idempotent write was certainly not applied).
func notSent(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	return errors.Is(err, ErrNotSent)
}

// ErrNotSent may be returned (wrapped) by a custom http.RoundTripper to say
// that the request was certainly not sent, so the client may retry even a
// non-idempotent write.
var ErrNotSent = errors.New("shopapi: request not sent")
