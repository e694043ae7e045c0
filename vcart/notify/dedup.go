package notify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// DedupStore suppresses duplicate deliveries across the platform's retries.
// Implementations must be safe for concurrent use (redisstore implements it on Redis).
type DedupStore interface {
	// Claim records key for ttl and reports whether this caller is the first to claim it
	// (false means a duplicate that is already being or has been handled).
	Claim(ctx context.Context, key string, ttl time.Duration) (first bool, err error)
	// Release forgets key, so a delivery whose handling failed is handled again on the next push.
	Release(ctx context.Context, key string) error
}

// DefaultDedupTTL is how long a handled delivery is remembered by default:
// 25 hours covers both the Channels push schedule (≈3.6 h) and the WeChat Pay
// v3 schedule (24 h 04 min after the first attempt).
const DefaultDedupTTL = 25 * time.Hour

// DefaultDedupMaxEntries is the default size cap of a [MemoryDedupStore].
const DefaultDedupMaxEntries = 100_000

// ErrDedupTTL reports a Claim with a TTL that is not positive.
var ErrDedupTTL = errors.New("notify: dedup TTL must be positive")

// MemoryDedupStore is the default, in-process [DedupStore]: a map from key to
// expiry plus a queue in claim order, bounded by the TTL of each entry and
// by a size cap. When the cap is reached, the oldest claims are evicted
// first (so a very old delivery might be handled twice rather than the store
// growing without bound). Claims cost O(1) amortised. Use a shared store
// (vcart/redisstore) when several instances receive pushes. It is safe for
// concurrent use.
type MemoryDedupStore struct {
	mu      sync.Mutex
	entries map[string]time.Time
	queue   []queued // claim order; entries whose expiry no longer matches are stale
	head    int
	max     int
	now     func() time.Time
}

type queued struct {
	key string
	exp time.Time
}

// MemoryDedupOption configures a [MemoryDedupStore].
type MemoryDedupOption func(*MemoryDedupStore)

// WithMaxEntries caps the number of remembered keys (default
// [DefaultDedupMaxEntries]); n < 1 keeps the default.
func WithMaxEntries(n int) MemoryDedupOption {
	return func(s *MemoryDedupStore) {
		if n >= 1 {
			s.max = n
		}
	}
}

// WithStoreClock sets the clock that expires entries (default time.Now); nil
// keeps the default.
func WithStoreClock(now func() time.Time) MemoryDedupOption {
	return func(s *MemoryDedupStore) {
		if now != nil {
			s.now = now
		}
	}
}

// NewMemoryDedupStore returns an empty in-memory store.
func NewMemoryDedupStore(opts ...MemoryDedupOption) *MemoryDedupStore {
	s := &MemoryDedupStore{entries: make(map[string]time.Time), max: DefaultDedupMaxEntries, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Claim implements [DedupStore]. An expired entry counts as absent.
func (s *MemoryDedupStore) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if ttl <= 0 {
		return false, fmt.Errorf("%w (got %v)", ErrDedupTTL, ttl)
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if exp, ok := s.entries[key]; ok && now.Before(exp) {
		return false, nil
	}
	s.dropLocked(now, false)
	for len(s.entries) >= s.max && s.head < len(s.queue) {
		s.dropLocked(now, true)
	}
	exp := now.Add(ttl)
	s.entries[key] = exp
	s.queue = append(s.queue, queued{key, exp})
	s.compactLocked()
	return true, nil
}

// dropLocked pops the queue head: stale records always, expired entries,
// and (when evict is set) the oldest live entry, once.
func (s *MemoryDedupStore) dropLocked(now time.Time, evict bool) {
	for s.head < len(s.queue) {
		q := s.queue[s.head]
		exp, ok := s.entries[q.key]
		switch {
		case !ok || !exp.Equal(q.exp): // released or re-claimed since
		case !now.Before(exp):
			delete(s.entries, q.key)
		case evict:
			delete(s.entries, q.key)
			s.queue[s.head] = queued{}
			s.head++
			return
		default:
			return
		}
		s.queue[s.head] = queued{}
		s.head++
	}
}

// compactLocked reclaims the consumed queue prefix and, when released keys
// have left too many stale records, rebuilds the queue from the map.
func (s *MemoryDedupStore) compactLocked() {
	live := len(s.queue) - s.head
	if live > 2*len(s.entries)+64 {
		q := make([]queued, 0, len(s.entries))
		for k, exp := range s.entries {
			q = append(q, queued{k, exp})
		}
		slices.SortFunc(q, func(a, b queued) int {
			if c := a.exp.Compare(b.exp); c != 0 {
				return c
			}
			return strings.Compare(a.key, b.key)
		})
		s.queue, s.head = q, 0
		return
	}
	if s.head > 64 && s.head > len(s.queue)/2 {
		n := copy(s.queue, s.queue[s.head:])
		clear(s.queue[n:])
		s.queue, s.head = s.queue[:n], 0
	}
}

// Release implements [DedupStore].
func (s *MemoryDedupStore) Release(ctx context.Context, key string) error {
	s.mu.Lock()
	delete(s.entries, key)
	s.mu.Unlock()
	return nil
}

// Len returns the number of entries held, expired or not.
func (s *MemoryDedupStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.entries)
}
