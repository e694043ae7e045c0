package notify

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// ClaimState is what [DedupStore.Claim] found for a delivery's key.
type ClaimState int

// The states of a claim.
const (
	// ClaimFirst means the key was free: the caller now holds a
	// "processing" claim and must handle the delivery, then call
	// [DedupStore.Complete] on success or [DedupStore.Release] on failure.
	ClaimFirst ClaimState = iota + 1
	// ClaimInFlight means another delivery (in this or another instance)
	// holds a "processing" claim: the caller answers a failure
	// ([ErrInFlight], 503), so the platform pushes again and the event is
	// not lost if that handling fails.
	ClaimInFlight
	// ClaimDone means the delivery was handled successfully: the caller
	// answers success without handling it again.
	ClaimDone
)

// String returns "first", "in-flight", "done" or "ClaimState(n)".
func (s ClaimState) String() string {
	switch s {
	case ClaimFirst:
		return "first"
	case ClaimInFlight:
		return "in-flight"
	case ClaimDone:
		return "done"
	}
	return fmt.Sprintf("ClaimState(%d)", int(s))
}

// DedupStore suppresses duplicate deliveries across the platform's retries
// with a two-phase claim: Claim takes a short-lived "processing" claim,
// Complete turns it into a long-lived "done" mark, Release gives it up.
// owner is a token unique to one claim (a fresh random token, crypto/rand.Text): Complete and
// Release act only while the stored claim still carries that owner, so a
// handler whose claim expired and was re-taken cannot complete or delete
// the newer claim. Implementations must be safe for concurrent use
// (vcart/redisstore implements it on Redis).
type DedupStore interface {
	// Claim takes key as "processing" for processingTTL under owner if it
	// is free (or expired) and returns ClaimFirst; otherwise it returns
	// ClaimInFlight or ClaimDone without changing anything.
	Claim(ctx context.Context, key, owner string, processingTTL time.Duration) (ClaimState, error)
	// Complete marks key "done" for doneTTL if owner still holds its
	// processing claim, or if the key is free; it fails with
	// [ErrClaimLost] when another claim holds key.
	Complete(ctx context.Context, key, owner string, doneTTL time.Duration) error
	// Release forgets key if owner still holds its processing claim, so the
	// next push of a delivery whose handling failed is handled again. It
	// leaves anybody else's claim and a "done" mark alone, and releasing a
	// free key is not an error.
	Release(ctx context.Context, key, owner string) error
}

// newClaimOwner returns a fresh random owner token for one claim (26
// characters of crypto/rand, base32, as crypto/rand.Text gives).
func newClaimOwner() string { return rand.Text() }

// DefaultDedupTTL is how long a handled delivery is remembered by default:
// 25 hours covers both the Channels push schedule (≈3.6 h) and the WeChat Pay
// v3 schedule (24 h 04 min after the first attempt).
const DefaultDedupTTL = 25 * time.Hour

// DefaultProcessingMargin is added to the handler timeout to make the
// lifetime of a "processing" claim (see [WithProcessingTTL]): long enough
// for a handler that overran its deadline to notice its cancelled context,
// short enough that the claim of an instance that crashed mid-handling
// expires before the platform's 1-minute retry.
const DefaultProcessingMargin = 10 * time.Second

// DefaultDedupMaxEntries is the default size cap of a [MemoryDedupStore].
const DefaultDedupMaxEntries = 100_000

// ErrDedupTTL reports a Claim or Complete with a TTL that is not positive.
var ErrDedupTTL = errors.New("notify: dedup TTL must be positive")

// ErrClaimLost reports a Complete whose processing claim expired and was
// taken by another delivery (which will handle the event too).
var ErrClaimLost = errors.New("notify: dedup claim held by another delivery")

// ErrNoOwner reports a Claim, Complete or Release with an empty owner token.
var ErrNoOwner = errors.New("notify: dedup owner token must not be empty")

// MemoryDedupStore is the default, in-process [DedupStore]: a map from key to
// claim (owner, done flag, expiry) plus a queue in expiry-setting order,
// bounded by the TTL of each entry and by a size cap. When the cap is
// reached, the oldest entries are evicted first (so a very old delivery might
// be handled twice rather than the store growing without bound). Claims cost
// O(1) amortised. Use a shared store (vcart/redisstore) when several
// instances receive pushes. It is safe for concurrent use.
type MemoryDedupStore struct {
	mu      sync.Mutex
	entries map[string]memClaim
	queue   []queued // claim order; entries whose expiry no longer matches are stale
	head    int
	max     int
	now     func() time.Time
}

type memClaim struct {
	exp   time.Time
	owner string
	done  bool
}

type queued struct {
	key string
	exp time.Time
}

// WithMaxEntries caps the number of keys a [MemoryDedupStore] remembers
// (default [DefaultDedupMaxEntries]); it must be at least 1.
func WithMaxEntries(n int) Option {
	return func(o *options) error {
		if n < 1 {
			return fmt.Errorf("notify: WithMaxEntries: want at least 1, got %d", n)
		}
		o.dedupMax = n
		return nil
	}
}

// NewMemoryDedupStore returns an empty in-memory store; it takes
// [WithMaxEntries] and [WithClock] (which expires entries).
func NewMemoryDedupStore(opts ...Option) (*MemoryDedupStore, error) {
	o, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	return &MemoryDedupStore{entries: make(map[string]memClaim), max: o.dedupMax, now: o.now}, nil
}

// Claim implements [DedupStore]. An expired entry counts as absent.
func (s *MemoryDedupStore) Claim(ctx context.Context, key, owner string, ttl time.Duration) (ClaimState, error) {
	if ttl <= 0 {
		return 0, fmt.Errorf("%w (got %v)", ErrDedupTTL, ttl)
	}
	if owner == "" {
		return 0, ErrNoOwner
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if c, ok := s.entries[key]; ok && now.Before(c.exp) {
		if c.done {
			return ClaimDone, nil
		}
		return ClaimInFlight, nil
	}
	s.setLocked(now, key, memClaim{exp: now.Add(ttl), owner: owner})
	return ClaimFirst, nil
}

// setLocked stores c under key, making room under the cap first.
func (s *MemoryDedupStore) setLocked(now time.Time, key string, c memClaim) {
	s.dropLocked(now, false)
	if _, ok := s.entries[key]; !ok {
		for len(s.entries) >= s.max && s.head < len(s.queue) {
			s.dropLocked(now, true)
		}
	}
	s.entries[key] = c
	s.queue = append(s.queue, queued{key, c.exp})
	s.compactLocked()
}

// Complete implements [DedupStore].
func (s *MemoryDedupStore) Complete(ctx context.Context, key, owner string, ttl time.Duration) error {
	if ttl <= 0 {
		return fmt.Errorf("%w (got %v)", ErrDedupTTL, ttl)
	}
	if owner == "" {
		return ErrNoOwner
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if c, ok := s.entries[key]; ok && now.Before(c.exp) && c.owner != owner {
		return ErrClaimLost
	}
	s.setLocked(now, key, memClaim{exp: now.Add(ttl), owner: owner, done: true})
	return nil
}

// dropLocked pops the queue head: stale records always, expired entries,
// and (when evict is set) the oldest live entry, once.
func (s *MemoryDedupStore) dropLocked(now time.Time, evict bool) {
	for s.head < len(s.queue) {
		q := s.queue[s.head]
		c, ok := s.entries[q.key]
		switch {
		case !ok || !c.exp.Equal(q.exp): // released or re-claimed since
		case !now.Before(c.exp):
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
		for k, c := range s.entries {
			q = append(q, queued{k, c.exp})
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
func (s *MemoryDedupStore) Release(ctx context.Context, key, owner string) error {
	if owner == "" {
		return ErrNoOwner
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.entries[key]; ok && !c.done && c.owner == owner {
		delete(s.entries, key)
	}
	return nil
}

// Len returns the number of entries held, expired or not.
func (s *MemoryDedupStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.entries)
}
