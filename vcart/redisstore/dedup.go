package redisstore

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
)

var _ notify.DedupStore = (*DedupStore)(nil)

// DedupStore is a duplicate-suppression store for notify on Redis: the first
// instance to claim an event's key handles it, every other delivery of the
// same event (a platform retry landing on another instance, or a concurrent
// duplicate) sees first == false.
//
// A claim for key k lives at prefix+"dedup:"+k and holds this store's owner
// token. Create one DedupStore per process and share it. A DedupStore is safe
// for concurrent use.
type DedupStore struct {
	rdb   redis.Cmdable
	cfg   config
	owner string
}

// NewDedupStore returns a duplicate-suppression store on rdb. It fails with
// [ErrConfig] for a nil client or an invalid option. The caller keeps
// ownership of rdb and closes it.
func NewDedupStore(rdb redis.Cmdable, opts ...Option) (*DedupStore, error) {
	if rdb == nil {
		return nil, fmt.Errorf("%w: nil redis client", ErrConfig)
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return &DedupStore{rdb: rdb, cfg: cfg, owner: rand.Text()}, nil
}

func (d *DedupStore) claimKey(key string) string { return d.cfg.prefix + "dedup:" + key }

// Claim records key for ttl with SET NX PX and reports whether this call was
// the first: true means "handle the event", false means another delivery
// already claimed it (whether still being handled or done). ttl must be at
// least 1ms; choose it longer than the platform's retry schedule (about
// 3.6 h for store events) so a late retry is still suppressed.
//
// When Redis cannot be reached Claim returns first == false and an error
// wrapping [ErrUnavailable]; the caller then decides (notify answers with an
// error so the platform delivers the event again later).
func (d *DedupStore) Claim(ctx context.Context, key string, ttl time.Duration) (first bool, err error) {
	if err := checkArgs(key, ttl, true); err != nil {
		return false, err
	}
	octx, cancel := d.cfg.opContext(ctx)
	defer cancel()
	ok, err := d.rdb.SetNX(octx, d.claimKey(key), d.owner, ttl).Result()
	if err != nil {
		return false, unavailable("claim", key, err)
	}
	return ok, nil
}

// Release forgets a claim made through this store, so the next delivery of
// the event is handled again (call it when handling failed). It deletes the
// key only if this store still owns it (compare-and-delete): a claim that
// expired and was taken by another instance is left alone. Releasing a key
// that is not claimed is not an error.
func (d *DedupStore) Release(ctx context.Context, key string) error {
	if err := checkArgs(key, 0, false); err != nil {
		return err
	}
	octx, cancel := d.cfg.opContext(ctx)
	defer cancel()
	if err := releaseScript.Run(octx, d.rdb, []string{d.claimKey(key)}, d.owner).Err(); err != nil {
		return unavailable("release", key, err)
	}
	return nil
}
