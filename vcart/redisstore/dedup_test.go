package redisstore_test

import (
	"crypto/rand"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
)

// claimFirst is notify.ClaimFirst, for the benchmarks.
const claimFirst = notify.ClaimFirst

func newDedupStore(t testing.TB, rdb redis.Cmdable) *redisstore.DedupStore {
	t.Helper()
	d, err := redisstore.NewDedupStore(rdb, redisstore.WithPrefix(testPrefix(t)))
	if err != nil {
		t.Fatalf("NewDedupStore: %v", err)
	}
	return d
}

// TestDedupStore_Protocol walks the two-phase claim across two instances.
func TestDedupStore_Protocol(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	// Two instances: each its own client and store.
	a := newDedupStore(t, sharedClient(t))
	b := newDedupStore(t, sharedClient(t))
	const ttl, done = time.Minute, time.Hour
	claim := func(d *redisstore.DedupStore, key, owner string) func() (string, error) {
		return func() (string, error) { st, err := d.Claim(ctx, key, owner, ttl); return st.String(), err }
	}
	steps := []struct {
		name string
		do   func() (string, error)
		want string
	}{
		{"A claims first", claim(a, "ev1", "a1"), "first"},
		{"B's retry finds it in flight", claim(b, "ev1", "b1"), "in-flight"},
		{"A's own duplicate finds it in flight", claim(a, "ev1", "a2"), "in-flight"},
		{"B releasing with another owner", func() (string, error) { return "", b.Release(ctx, "ev1", "b1") }, ""},
		{"still in flight", claim(b, "ev1", "b2"), "in-flight"},
		{"A releases after a failure", func() (string, error) { return "", a.Release(ctx, "ev1", "a1") }, ""},
		{"the retry is handled by B", claim(b, "ev1", "b3"), "first"},
		{"B completes", func() (string, error) { return "", b.Complete(ctx, "ev1", "b3", done) }, ""},
		{"a later retry on A finds it done", claim(a, "ev1", "a3"), "done"},
		{"releasing a done mark is a no-op", func() (string, error) { return "", b.Release(ctx, "ev1", "b3") }, ""},
		{"still done", claim(a, "ev1", "a4"), "done"},
		{"other events are independent", claim(a, "ev2", "a5"), "first"},
		{"releasing an unclaimed key", func() (string, error) { return "", a.Release(ctx, "never", "x") }, ""},
		{"completing a free key marks it done", func() (string, error) { return "", a.Complete(ctx, "free", "x", done) }, ""},
		{"the free key is done", claim(b, "free", "y"), "done"},
	}
	for _, st := range steps {
		got, err := st.do()
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want {
			t.Fatalf("%s: %q, want %q", st.name, got, st.want)
		}
	}
}

// TestDedupStore_OwnerPerClaim: within one store (one process), a handler
// whose processing claim expired and was re-taken by another delivery can
// neither release nor complete the newer claim.
func TestDedupStore_OwnerPerClaim(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	d := newDedupStore(t, sharedClient(t))
	if st, err := d.Claim(ctx, "ev", "slow", 30*time.Millisecond); st != notify.ClaimFirst || err != nil {
		t.Fatalf("Claim = %v, %v", st, err)
	}
	waitFirst(t, d, "ev", "retry")
	if err := d.Release(ctx, "ev", "slow"); err != nil {
		t.Fatal(err)
	}
	if err := d.Complete(ctx, "ev", "slow", time.Hour); !errors.Is(err, notify.ErrClaimLost) {
		t.Fatalf("Complete by the expired owner = %v, want ErrClaimLost", err)
	}
	if st, err := d.Claim(ctx, "ev", "third", time.Minute); st != notify.ClaimInFlight || err != nil {
		t.Fatalf("the retry's claim after stale release/complete: %v, %v; want in-flight", st, err)
	}
	if err := d.Complete(ctx, "ev", "retry", time.Hour); err != nil {
		t.Fatal(err)
	}
	if st, err := d.Claim(ctx, "ev", "fourth", time.Minute); st != notify.ClaimDone || err != nil {
		t.Fatalf("after the owner completed: %v, %v; want done", st, err)
	}
}

// waitFirst claims key as owner until the earlier claim has expired.
func waitFirst(t *testing.T, d *redisstore.DedupStore, key, owner string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second) // generous: a loaded machine
	for {
		st, err := d.Claim(t.Context(), key, owner, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if st == notify.ClaimFirst {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("claim never expired")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestDedupStore_ClaimExpires(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	d := newDedupStore(t, sharedClient(t))
	if st, err := d.Claim(ctx, "ev", "o1", 30*time.Millisecond); st != notify.ClaimFirst || err != nil {
		t.Fatalf("Claim = %v, %v", st, err)
	}
	waitFirst(t, d, "ev", "o2")
	// A done mark expires too.
	if err := d.Complete(ctx, "ev", "o2", 30*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	waitFirst(t, d, "ev", "o3")
}

// TestDedupStore_LegacyValue: a claim written by the previous version of
// the store (a bare owner token) counts as done.
func TestDedupStore_LegacyValue(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	d := newDedupStore(t, rdb)
	if err := rdb.Set(t.Context(), testPrefix(t)+"dedup:old", "LEGACYOWNERTOKEN", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	if st, err := d.Claim(t.Context(), "old", "o", time.Minute); st != notify.ClaimDone || err != nil {
		t.Fatalf("Claim = %v, %v; want done", st, err)
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
					st, err := d.Claim(ctx, "ev:"+strconv.Itoa(ev), rand.Text(), time.Minute)
					if err != nil {
						t.Errorf("Claim: %v", err)
					}
					if st == notify.ClaimFirst {
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
	fields := func(err error) []string {
		var ve *vcart.ValidationError
		if !errors.Is(err, vcart.ErrInvalid) || !errors.As(err, &ve) {
			return []string{"not a validation error: " + errString(err)}
		}
		var f []string
		for _, p := range ve.Problems {
			f = append(f, p.Field)
		}
		return f
	}
	_, claimErr := d.Claim(ctx, "", "", 0)
	got := map[string][]string{
		"Claim":    fields(claimErr),
		"Complete": fields(d.Complete(ctx, "k", "", 0)),
		"Release":  fields(d.Release(ctx, "", "")),
	}
	want := map[string][]string{
		"Claim":    {"key", "owner", "ttl"},
		"Complete": {"owner", "ttl"},
		"Release":  {"key", "owner"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

func TestDedupStore_Restart(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	d := newDedupStore(t, newClient(t, r.Addr()))
	ctx := t.Context()
	if st, err := d.Claim(ctx, "ev", "o1", time.Minute); st != notify.ClaimFirst || err != nil {
		t.Fatalf("Claim = %v, %v", st, err)
	}
	if err := d.Complete(ctx, "ev", "o1", time.Hour); err != nil {
		t.Fatal(err)
	}
	r.Stop()
	if st, err := d.Claim(ctx, "ev2", "o2", time.Minute); st != 0 || !errors.Is(err, redisstore.ErrUnavailable) {
		t.Fatalf("Claim while down = %v, %v; want 0, ErrUnavailable", st, err)
	}
	for name, err := range map[string]error{
		"Complete": d.Complete(ctx, "ev2", "o2", time.Hour),
		"Release":  d.Release(ctx, "ev2", "o2"),
	} {
		if !errors.Is(err, redisstore.ErrUnavailable) {
			t.Errorf("%s while down = %v, want ErrUnavailable", name, err)
		}
	}
	r.Start()
	// The claims were lost with the restart (no persistence): documented.
	if st, err := d.Claim(ctx, "ev", "o3", time.Minute); st != notify.ClaimFirst || err != nil {
		t.Fatalf("Claim after restart = %v, %v; want first (claims are not persisted)", st, err)
	}
}
