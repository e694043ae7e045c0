package redisstore

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Defaults used when no option overrides them.
const (
	// DefaultPrefix starts every key this package writes.
	DefaultPrefix = "vcart:"
	// DefaultMargin is subtracted from a token's expiry to get its time to
	// live in Redis (WxJava's Redis config uses expires_in−200 s; the
	// platform keeps the old and the new token valid for 5 minutes).
	DefaultMargin = 200 * time.Second
	// DefaultOpTimeout bounds each Redis round trip, so an unreachable
	// server turns into an error quickly instead of a hang.
	DefaultOpTimeout = 2 * time.Second
	// DefaultLockWait bounds how long [TokenStore.LockRefresh] waits for a
	// lock another instance holds: shopapi's token fetch timeout (30 s),
	// since the holder keeps its lock alive for as long as its fetch runs.
	DefaultLockWait = 30 * time.Second
	// DefaultPollMin and DefaultPollMax bound the backoff between two
	// attempts to take a held lock.
	DefaultPollMin = 10 * time.Millisecond
	// DefaultPollMax is the longest pause between two lock attempts.
	DefaultPollMax = 250 * time.Millisecond
)

// maxPrefixLen caps the key prefix; Redis keys may be long, but a prefix of
// this size is a mistake.
const maxPrefixLen = 256

// Option configures a [TokenStore], a [DedupStore] or a [RateLimiter]. An option that does not
// apply to a store is ignored by it; an invalid option makes the constructor
// fail.
type Option func(*config) error

type config struct {
	prefix    string
	margin    time.Duration
	opTimeout time.Duration
	lockWait  time.Duration
	pollMin   time.Duration
	pollMax   time.Duration
	now       func() time.Time
	logger    *slog.Logger
	instances int           // RateLimiter: instances sharing a quota
	maxAhead  int           // RateLimiter: minutes a call may be reserved ahead
	leaseMax  int           // RateLimiter: most calls one admission script reserves
	leaseTTL  time.Duration // RateLimiter: how long reserved calls may be spent
}

func defaultConfig() config {
	return config{
		prefix:    DefaultPrefix,
		margin:    DefaultMargin,
		opTimeout: DefaultOpTimeout,
		lockWait:  DefaultLockWait,
		pollMin:   DefaultPollMin,
		pollMax:   DefaultPollMax,
		now:       time.Now,
		logger:    slog.New(slog.DiscardHandler),
		instances: 1,
		maxAhead:  DefaultMaxAhead,
		leaseMax:  DefaultLeaseMax,
		leaseTTL:  DefaultLeaseTTL,
	}
}

func newConfig(opts []Option) (config, error) {
	c := defaultConfig()
	var errs []error
	for _, o := range opts {
		if o == nil {
			errs = append(errs, errors.New("redisstore: nil Option"))
			continue
		}
		if err := o(&c); err != nil {
			errs = append(errs, err)
		}
	}
	if c.pollMin > c.pollMax {
		errs = append(errs, fmt.Errorf("redisstore: WithLockPolling: min %v exceeds max %v", c.pollMin, c.pollMax))
	}
	if err := errors.Join(errs...); err != nil {
		return config{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return c, nil
}

// WithPrefix sets the string every key starts with (default [DefaultPrefix],
// "vcart:"). Give each environment (production, staging) sharing one Redis
// its own prefix. It must be at most 256 bytes and contain no whitespace.
func WithPrefix(p string) Option {
	return func(c *config) error {
		if len(p) > maxPrefixLen {
			return fmt.Errorf("redisstore: WithPrefix: longer than %d bytes", maxPrefixLen)
		}
		if strings.ContainsAny(p, " \t\r\n") {
			return errors.New("redisstore: WithPrefix: contains whitespace")
		}
		c.prefix = p
		return nil
	}
}

// WithMargin sets how long before a token's expiry it disappears from Redis
// (default [DefaultMargin]): [TokenStore.Store] sets the key's time to live
// to ExpiresAt − margin. The margin must be zero or positive.
func WithMargin(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("redisstore: WithMargin: negative margin %v", d)
		}
		c.margin = d
		return nil
	}
}

// WithOpTimeout bounds each Redis round trip made by the stores (default
// [DefaultOpTimeout]); the caller's context still applies when it is
// shorter. It must be positive. go-redis dials with the context; set
// redis.Options.ContextTimeoutEnabled (or ReadTimeout) so reads honour it too.
func WithOpTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("redisstore: WithOpTimeout: must be positive, got %v", d)
		}
		c.opTimeout = d
		return nil
	}
}

// WithLockWait bounds how long [TokenStore.LockRefresh] waits while another
// instance holds the refresh lock (default [DefaultLockWait]); after it,
// LockRefresh returns [ErrLockTimeout]. It must be positive.
func WithLockWait(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("redisstore: WithLockWait: must be positive, got %v", d)
		}
		c.lockWait = d
		return nil
	}
}

// WithLockPolling sets the backoff between two attempts to take a held
// refresh lock: it starts at min and doubles up to max (defaults
// [DefaultPollMin] and [DefaultPollMax]). Both must be positive and min ≤ max.
func WithLockPolling(minWait, maxWait time.Duration) Option {
	return func(c *config) error {
		if minWait <= 0 || maxWait <= 0 {
			return fmt.Errorf("redisstore: WithLockPolling: must be positive, got %v and %v", minWait, maxWait)
		}
		c.pollMin, c.pollMax = minWait, maxWait
		return nil
	}
}

// WithClock sets the clock [TokenStore.Store] uses to turn a token's
// ExpiresAt into a time to live. Pass the same clock as the token source's
// (shopapi.WithClock) so both agree on what "expired" means. nil is an error.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("redisstore: WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithLogger sets where the stores report what they cannot return as an
// error, such as a failed lock release (default: discard). Records name the
// key, never a token. nil is an error.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("redisstore: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}
