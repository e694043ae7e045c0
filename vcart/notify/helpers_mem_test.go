package notify

import "testing"

// mustMemoryStore returns a memory dedup store with opts, failing tb on an
// invalid option.
func mustMemoryStore(tb testing.TB, opts ...Option) *MemoryDedupStore {
	tb.Helper()
	s, err := NewMemoryDedupStore(opts...)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
