package redisstore

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
)

var _ notify.DedupStore = (*DedupStore)(nil)

// DedupStore is a duplicate-suppression store for notify on Redis
// (notify.DedupStore): the first delivery of an event to claim its key, on
// any instance, handles it; a delivery that finds the claim still
// "processing" is answered 503 by notify (so the platform pushes again and
// the event survives a failure of the first handling), and one that finds it
// "done" is answered "success".
//
// A claim for key k lives at prefix+"dedup:"+k and holds "p <owner>" while
// processing and "d <owner>" once done, where owner is the token of that one
// claim (a fresh random token, as crypto/rand.Text gives, per delivery, not per store or process).
// Complete and Release are Lua compare-and-set/compare-and-delete on that
// token, so a handler whose processing claim expired and was re-taken never
// completes or deletes the newer claim. A value in another format (a claim
// written by an older version of this package) counts as done. Create one
// DedupStore per process and share it. A DedupStore is safe for concurrent
// use.
type DedupStore struct {
	rdb redis.Cmdable
	cfg config
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
	return &DedupStore{rdb: rdb, cfg: cfg}, nil
}

func (d *DedupStore) claimKey(key string) string { return d.cfg.prefix + "dedup:" + key }

// claimScript takes KEYS[1] as "p "..ARGV[1] for ARGV[2] ms if it is free
// (1), else reports 2 for a processing claim and 3 for anything else (done).
var claimScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], 'p ' .. ARGV[1], 'PX', ARGV[2])
  return 1
end
if string.sub(v, 1, 2) == 'p ' then return 2 end
return 3
`)

// completeScript sets KEYS[1] to "d "..ARGV[1] for ARGV[2] ms if it is free
// or held by ARGV[1] (1), else leaves it (0).
var completeScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if (not v) or v == 'p ' .. ARGV[1] or v == 'd ' .. ARGV[1] then
  redis.call('SET', KEYS[1], 'd ' .. ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`)

// dedupArgs validates the arguments of Claim, Complete and Release,
// reporting every problem at once.
func dedupArgs(key, owner string, ttl time.Duration, wantTTL bool) error {
	var p []vcart.FieldError
	if key == "" {
		p = append(p, vcart.FieldError{Field: "key", Code: "required", Msg: "key must not be empty"})
	}
	if owner == "" {
		p = append(p, vcart.FieldError{Field: "owner", Code: "required", Msg: "owner token must not be empty"})
	}
	if wantTTL && ttl < time.Millisecond {
		p = append(p, vcart.FieldError{Field: "ttl", Code: "min", Msg: "ttl must be at least 1ms"})
	}
	return vcart.NewValidationError(p)
}

// Claim implements notify.DedupStore: in one Lua round trip it takes key as
// "processing" under owner for processingTTL if the key is free
// (notify.ClaimFirst), or reports notify.ClaimInFlight or notify.ClaimDone.
// processingTTL must be at least 1ms; notify passes its handler timeout plus
// a margin (14 s by default).
//
// When Redis cannot be reached Claim returns 0 and an error wrapping
// [ErrUnavailable]; notify then answers with an error so the platform
// delivers the event again later.
func (d *DedupStore) Claim(ctx context.Context, key, owner string, processingTTL time.Duration) (notify.ClaimState, error) {
	if err := dedupArgs(key, owner, processingTTL, true); err != nil {
		return 0, err
	}
	octx, cancel := d.cfg.opContext(ctx)
	defer cancel()
	n, err := claimScript.Run(octx, d.rdb, []string{d.claimKey(key)}, owner, processingTTL.Milliseconds()).Int()
	if err != nil {
		return 0, unavailable("claim", key, err)
	}
	switch n {
	case 1:
		return notify.ClaimFirst, nil
	case 2:
		return notify.ClaimInFlight, nil
	}
	return notify.ClaimDone, nil
}

// Complete implements notify.DedupStore: it marks key "done" for doneTTL
// (notify.WithDedupTTL, 25 h by default; choose it longer than the
// platform's retry schedule so a late retry is still suppressed) if owner
// still holds the processing claim or the key is free, and fails with
// notify.ErrClaimLost when another claim holds it.
func (d *DedupStore) Complete(ctx context.Context, key, owner string, doneTTL time.Duration) error {
	if err := dedupArgs(key, owner, doneTTL, true); err != nil {
		return err
	}
	octx, cancel := d.cfg.opContext(ctx)
	defer cancel()
	n, err := completeScript.Run(octx, d.rdb, []string{d.claimKey(key)}, owner, doneTTL.Milliseconds()).Int()
	if err != nil {
		return unavailable("complete", key, err)
	}
	if n == 0 {
		return fmt.Errorf("redisstore: complete %q: %w", key, notify.ErrClaimLost)
	}
	return nil
}

// Release implements notify.DedupStore: it deletes key only while owner
// still holds its processing claim (compare-and-delete), so the next
// delivery of the event is handled again. A claim that expired and was
// taken by another delivery, and a "done" mark, are left alone; releasing a
// key that is not claimed is not an error.
func (d *DedupStore) Release(ctx context.Context, key, owner string) error {
	if err := dedupArgs(key, owner, 0, false); err != nil {
		return err
	}
	octx, cancel := d.cfg.opContext(ctx)
	defer cancel()
	if err := releaseScript.Run(octx, d.rdb, []string{d.claimKey(key)}, "p "+owner).Err(); err != nil {
		return unavailable("release", key, err)
	}
	return nil
}
