package shopapi

import (
	"context"
	"sync"
	"time"
)

// Token is an access token and the instant it expires.
type Token struct {
	AccessToken string
	ExpiresAt   time.Time
}

// TokenStore caches tokens under a key (one key per credential, e.g. "vcart:token:<appid>").
// Implementations must be safe for concurrent use.
type TokenStore interface {
	// Load returns the stored token; ok is false when there is none.
	Load(ctx context.Context, key string) (tok Token, ok bool, err error)
	// Store saves tok under key (implementations may expire it at tok.ExpiresAt).
	Store(ctx context.Context, key string, tok Token) error
	// Invalidate deletes the token under key only if its AccessToken equals value
	// (compare-and-delete), so one instance never deletes a newer token another fetched.
	Invalidate(ctx context.Context, key, value string) error
}

// RefreshLocker is implemented by a TokenStore shared by several processes, so that one
// process at a time refreshes a given key.
type RefreshLocker interface {
	// LockRefresh blocks until it holds the refresh lock for key or ctx ends. The lock
	// expires after ttl if its holder dies; while the holder lives it should be kept
	// alive until unlock or until ctx ends (the token fetch may outlast ttl: its
	// timeout is 30 s, the default ttl 10 s). unlock releases it only if still held by
	// this caller.
	LockRefresh(ctx context.Context, key string, ttl time.Duration) (unlock func(), err error)
}

// MemoryTokenStore is the default [TokenStore]: a map guarded by a mutex,
// private to one process. It never expires entries by itself; the caching
// token source checks ExpiresAt. It is safe for concurrent use.
type MemoryTokenStore struct {
	mu   sync.RWMutex
	toks map[string]Token
}

// NewMemoryTokenStore returns an empty in-process token store (the default).
func NewMemoryTokenStore() *MemoryTokenStore {
	return &MemoryTokenStore{toks: make(map[string]Token)}
}

// Load returns the token stored under key; ok is false when there is none.
func (m *MemoryTokenStore) Load(ctx context.Context, key string) (Token, bool, error) {
	if err := ctx.Err(); err != nil {
		return Token{}, false, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	t, ok := m.toks[key]
	return t, ok, nil
}

// Store saves tok under key, replacing any previous token.
func (m *MemoryTokenStore) Store(ctx context.Context, key string, tok Token) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.toks[key] = tok
	return nil
}

// Invalidate deletes the token under key only if its AccessToken equals value.
func (m *MemoryTokenStore) Invalidate(ctx context.Context, key, value string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if t, ok := m.toks[key]; ok && t.AccessToken == value {
		delete(m.toks, key)
	}
	return nil
}

var _ TokenStore = (*MemoryTokenStore)(nil)
