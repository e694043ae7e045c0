// Package redisstore lets several instances of a provider's backend share
// one Redis, so that they behave as one towards the platform (seed §四
// 技术对接: the API's tokens, and 支付回调's "模拟失败重试机制" — a retried
// callback must be handled once; issue 10). It is built on
// github.com/redis/go-redis/v9 and is the only package of the SDK that
// imports it.
//
// Two stores:
//
//   - [TokenStore] is a shopapi.TokenStore and shopapi.RefreshLocker: a
//     shared access_token cache with a time to live, and a distributed
//     refresh lock, so exactly one instance fetches a new token and the
//     others reuse it. Without it, a second instance that fetches a token
//     invalidates the first one's, which then gets errcode 40001 ("invalid
//     credential, access_token is invalid or not latest").
//   - [DedupStore] is a notify.DedupStore: a two-phase claim in one Lua
//     round trip each, so a push that the platform retries onto another
//     instance (or delivers to two at once) is handled once: the first
//     delivery takes a short "processing" claim; a duplicate that finds it
//     is answered 503 (the platform pushes again, so the event survives a
//     failure of the first handling); success turns the claim into a long
//     "done" mark, after which duplicates are answered "success"; failure
//     releases it.
//
// # Multi-instance deployment
//
// Give every instance the same Redis (any go-redis client: a single server,
// Sentinel through redis.NewFailoverClient, or Cluster; each operation
// touches one key) and plug the stores in:
//
//	rdb := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true})
//	tokens, _ := redisstore.NewTokenStore(rdb)
//	ts, _ := shopapi.NewShopTokenSource(appID, secret, shopapi.WithTokenStore(tokens))
//	dedup, _ := redisstore.NewDedupStore(rdb)
//	h, _ := notify.NewHandler(verifier, notify.WithDedupStore(dedup))
//
// What is shared, under which keys (prefix "vcart:" by default, [WithPrefix];
// give each environment sharing a Redis its own):
//
//	vcart:token:<appid>        the shop's access_token: "v1 <expiry ms> <token>",
//	                           TTL = expires_in − margin (200 s, WithMargin)
//	vcart:token:<appid>:lock   the refresh lock: a random owner token,
//	                           TTL = shopapi.WithRefreshLockTTL (10 s),
//	                           renewed every TTL/3 while its holder works
//	vcart:component_token:…    the same for a third-party platform's
//	vcart:authorizer_token:…   component and authorizer tokens
//	vcart:dedup:<push key>     one push: "p <owner>" while processing, TTL =
//	                           notify.WithProcessingTTL (handler timeout + 10 s),
//	                           then "d <owner>", TTL = notify.WithDedupTTL (25 h);
//	                           owner is a random token of that one claim
//
// A key that already starts with the prefix (shopapi's keys do, with the
// default prefix) is not prefixed twice.
//
// Keep the margin at most shopapi's WithEarlyRefresh (5 min), so instances
// refresh before the shared copy disappears, and the lock wait
// ([WithLockWait], 30 s) at least shopapi's token fetch timeout (30 s), so a
// waiter outlives both a dead holder's lock and a live holder's slow fetch. Give the store and the token source the same clock
// ([WithClock], shopapi.WithClock). Each instance still keeps the token
// in memory: Redis is read only when a token is due, so API calls cost no
// Redis round trip; each push costs two (the claim, then complete or
// release: one Lua script each, about 75 µs apiece on loopback).
//
// The refresh path (in shopapi): the in-process single flight lets one
// goroutine per instance refresh; it takes the Redis lock (SET NX PX with an
// owner token, polled with jittered backoff up to [WithLockWait]), re-reads
// the token (another instance may have just refreshed it), fetches only if
// it is still missing or stale, stores it, and releases the lock with a Lua
// compare-and-delete, so an instance whose lock expired never releases
// another's. While it works, the holder renews the lock every TTL/3 (a Lua
// compare-and-pexpire on its owner token), so a fetch slower than the TTL
// does not let a second instance fetch too. A holder that dies stops
// renewing and blocks the others only until the lock's TTL.
// When the platform rejects a token, [TokenStore.Invalidate] deletes it only
// if it is still the rejected one (compare-and-delete), never a newer token.
//
// The platform's stable_token endpoint (shopapi's default) returns the same
// token to every caller until 5 minutes before expiry, so even uncoordinated
// instances do not invalidate each other's tokens with it; the legacy
// /cgi-bin/token does, and needs this store.
//
// # When Redis is unreachable
//
// Every Redis round trip is bounded by [WithOpTimeout] (2 s; a refused
// connection fails sooner, after go-redis's dial retries, and once a pool's
// worth of dials failed go-redis fails fast until a background dial
// succeeds) and fails with an error wrapping [ErrUnavailable]. Nothing
// blocks forever and nothing is retried in a loop:
//
//   - Tokens: shopapi logs the error and carries on with its in-process single
//     flight, so each instance fetches at most once per refresh (N instances,
//     at most N fetches — not one per request or goroutine). With
//     stable_token these fetches return the same token. When Redis is back
//     (go-redis reconnects by itself) the next refresh is shared again.
//   - Duplicates: [DedupStore.Claim] returns the error; notify answers the
//     push with an error, and the platform pushes it again later (up to 10
//     times over about 3.6 hours), so nothing is lost or handled twice.
//   - A claim whose Complete cannot reach Redis stays "processing" until its
//     TTL (14 s) and is then free: a later retry is handled again, so keep
//     handlers idempotent. An instance that dies mid-handling leaves the same
//     short claim behind, and the platform's next retry is handled.
//   - Redis restarting without persistence loses the cached token (the next
//     refresh fetches one, once), the locks (a holder's unlock is then a
//     no-op) and the claims (a retry of an event handled before the restart
//     may be handled again): run Redis with AOF or replication if that
//     matters, and keep handlers idempotent.
//
// # Errors
//
// Bad arguments return a *vcart.ValidationError naming every field at once
// (errors.Is(err, vcart.ErrInvalid)); constructors return [ErrConfig];
// Redis failures wrap [ErrUnavailable] and the go-redis error; a held lock
// past the wait is [ErrLockTimeout]; a value this package did not write is
// [ErrCorrupt]. No error or log record contains a token.
//
// # Concurrency
//
// [TokenStore] and [DedupStore] are safe for concurrent use; create one per
// process and share it. They do not own the go-redis client: close it
// yourself.
package redisstore
