package redisstore_test

import (
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
)

func newDedupStore(t testing.TB, rdb redis.Cmdable) *redisstore.DedupStore {
	t.Helper()
	d, err := redisstore.NewDedupStore(rdb, redisstore.WithPrefix(testPrefix(t)))
	if err != nil {
		t.Fatalf("NewDedupStore: %v", err)
	}
	return d
}

func TestDedupStore_ClaimRelease(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	// Two instances: each its own client and store.
	a := newDedupStore(t, sharedClient(t))
	b := newDedupStore(t, sharedClient(t))
	steps := []struct {
		name string
		do   func() (bool, error)
		want bool
	}{
		{"A claims first", func() (bool, error) { return a.Claim(ctx, "ev1", time.Minute) }, true},
		{"B sees the duplicate", func() (bool, error) { return b.Claim(ctx, "ev1", time.Minute) }, false},
		{"A sees its own duplicate", func() (bool, error) { return a.Claim(ctx, "ev1", time.Minute) }, false},
		{"B releasing A's claim is a no-op", func() (bool, error) { return false, b.Release(ctx, "ev1") }, false},
		{"still claimed", func() (bool, error) { return b.Claim(ctx, "ev1", time.Minute) }, false},
		{"A releases after a failure", func() (bool, error) { return false, a.Release(ctx, "ev1") }, false},
		{"the retry is handled by B", func() (bool, error) { return b.Claim(ctx, "ev1", time.Minute) }, true},
		{"other events are independent", func() (bool, error) { return a.Claim(ctx, "ev2", time.Minute) }, true},
		{"releasing an unclaimed key", func() (bool, error) { return false, a.Release(ctx, "never") }, false},
	}
	for _, st := range steps {
		got, err := st.do()
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want {
			t.Fatalf("%s: first = %v, want %v", st.name, got, st.want)
		}
	}
}

func TestDedupStore_ClaimExpires(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	d := newDedupStore(t, sharedClient(t))
	if first, err := d.Claim(ctx, "ev", 30*time.Millisecond); !first || err != nil {
		t.Fatalf("Claim = %v, %v", first, err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		first, err := d.Claim(ctx, "ev", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if first {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("claim never expired")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestDedupStore_ConcurrentClaims: the same event delivered many times at
// once to several instances is claimed exactly once.
func TestDedupStore_ConcurrentClaims(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	stores := []*redisstore.DedupStore{
		newDedupStore(t, sharedClient(t)), newDedupStore(t, sharedClient(t)), newDedupStore(t, sharedClient(t)),
	}
	for ev := range 20 {
		var firsts atomic.Int64
		var wg sync.WaitGroup
		for _, d := range stores {
			for range 8 {
				wg.Go(func() {
					first, err := d.Claim(ctx, "ev:"+strconv.Itoa(ev), time.Minute)
					if err != nil {
						t.Errorf("Claim: %v", err)
					}
					if first {
						firsts.Add(1)
					}
				})
			}
		}
		wg.Wait()
		if n := firsts.Load(); n != 1 {
			t.Fatalf("event %d: %d first claims, want exactly 1", ev, n)
		}
	}
}

func TestDedupStore_Validation(t *testing.T) {
	t.Parallel()
	d := newDedupStore(t, sharedClient(t))
	ctx := t.Context()
	if _, err := d.Claim(ctx, "", 0); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("Claim(\"\", 0) = %v, want ErrInvalid", err)
	} else if ve := (*vcart.ValidationError)(nil); !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Errorf("Claim(\"\", 0) problems = %v, want key and ttl", err)
	}
	if err := d.Release(ctx, ""); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("Release(\"\") = %v, want ErrInvalid", err)
	}
}

func TestDedupStore_Restart(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	d := newDedupStore(t, newClient(t, r.Addr()))
	ctx := t.Context()
	if first, err := d.Claim(ctx, "ev", time.Minute); !first || err != nil {
		t.Fatalf("Claim = %v, %v", first, err)
	}
	r.Stop()
	if first, err := d.Claim(ctx, "ev2", time.Minute); first || !errors.Is(err, redisstore.ErrUnavailable) {
		t.Fatalf("Claim while down = %v, %v; want false, ErrUnavailable", first, err)
	}
	r.Start()
	// The claims were lost with the restart (no persistence): documented.
	if first, err := d.Claim(ctx, "ev", time.Minute); !first || err != nil {
		t.Fatalf("Claim after restart = %v, %v; want true (claims are not persisted)", first, err)
	}
}
