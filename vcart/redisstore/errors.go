package redisstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Sentinel errors. Match them with errors.Is.
var (
	// ErrUnavailable wraps every failure to talk to Redis (refused
	// connection, timeout, server error). The underlying go-redis or context
	// error is wrapped too.
	ErrUnavailable = errors.New("redisstore: redis unavailable")
	// ErrLockTimeout is returned by [TokenStore.LockRefresh] when another
	// instance held the refresh lock for longer than the lock wait.
	ErrLockTimeout = errors.New("redisstore: timed out waiting for the refresh lock")
	// ErrCorrupt is returned by [TokenStore.Load] when the stored value is
	// not one this package wrote.
	ErrCorrupt = errors.New("redisstore: stored token is malformed")
	// ErrConfig is returned by the constructors for a nil client or an
	// invalid [Option].
	ErrConfig = errors.New("redisstore: invalid configuration")
)

// unavailable wraps a Redis error. It never includes a stored value, so no
// token reaches an error message.
func unavailable(op, key string, err error) error {
	return fmt.Errorf("redisstore: %s %q: %w: %w", op, key, ErrUnavailable, err)
}

// checkArgs validates a key and, when wantTTL, a time to live, returning
// every problem at once as a *vcart.ValidationError.
func checkArgs(key string, ttl time.Duration, wantTTL bool) error {
	var p []vcart.FieldError
	if key == "" {
		p = append(p, vcart.FieldError{Field: "key", Code: "required", Msg: "key must not be empty"})
	}
	if wantTTL && ttl < time.Millisecond {
		p = append(p, vcart.FieldError{Field: "ttl", Code: "min", Msg: "ttl must be at least 1ms"})
	}
	return vcart.NewValidationError(p)
}

// opContext bounds one Redis round trip by the store's operation timeout.
func (c *config) opContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.opTimeout)
}
