package redisstore

import "time"

// SetRenewHooks makes the refresh-lock renewal of s tick on ticks instead
// of every TTL/3, and report each renewal (kept: the lock was still the
// holder's and its TTL was reset) to renewed. Set it before LockRefresh.
func SetRenewHooks(s *TokenStore, ticks <-chan time.Time, renewed func(kept bool)) {
	s.renewTicks, s.renewed = ticks, renewed
}
