package redisstore_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The benchmarks measure one round trip to the local test redis-server: the
// store's own overhead on top of go-redis.

func BenchmarkTokenStore_Load(b *testing.B) {
	s := newTokenStore(b, sharedClient(b))
	ctx := b.Context()
	if err := s.Store(ctx, "k", shopapi.Token{AccessToken: "ACCESS_TOKEN_OF_512_CHARS", ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, err := s.Load(ctx, "k"); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkTokenStore_LockUnlock(b *testing.B) {
	s := newTokenStore(b, sharedClient(b))
	ctx := b.Context()
	b.ReportAllocs()
	for b.Loop() {
		unlock, err := s.LockRefresh(ctx, "k", 10*time.Second)
		if err != nil {
			b.Fatal(err)
		}
		unlock()
	}
}

func BenchmarkDedupStore_Claim(b *testing.B) {
	d := newDedupStore(b, sharedClient(b))
	ctx := b.Context()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if first, err := d.Claim(ctx, "push:"+strconv.Itoa(i), "owner", time.Minute); first != claimFirst || err != nil {
			b.Fatal(first, err)
		}
	}
}
