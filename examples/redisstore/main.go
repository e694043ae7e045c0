// Command redisstore shows several backend instances sharing one Redis
// through vcart/redisstore: one token fetch for all of them, and each pushed
// event handled once.
//
// It needs a running Redis: pass its address with -addr or REDIS_ADDR
// (e.g. `redis-server --port 6390 --save "" &` then
// `go run ./examples/redisstore -addr 127.0.0.1:6390`). The shop API is the
// in-memory fake (shopapitest), so no WeChat credentials are needed. It
// writes keys under the prefix given by -prefix ("vcart-example:") and
// deletes them when done. It is not run by CI.
//
// In production each instance wires the stores the same way, with the real
// credentials:
//
//	rdb := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true})
//	tokens, _ := redisstore.NewTokenStore(rdb)
//	ts, _ := shopapi.NewShopTokenSource(appID, appSecret, shopapi.WithTokenStore(tokens))
//	client, _ := shopapi.NewClient(ts)
//	dedup, _ := redisstore.NewDedupStore(rdb)
//	h, _ := notify.NewHandler(verifier, notify.WithDedupStore(dedup))
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func main() {
	addr := flag.String("addr", os.Getenv("REDIS_ADDR"), "Redis address host:port (default $REDIS_ADDR)")
	prefix := flag.String("prefix", "vcart-example:", "key prefix (deleted at the end)")
	instances := flag.Int("instances", 4, "simulated backend instances")
	calls := flag.Int("calls", 50, "concurrent API calls per instance")
	flag.Parse()
	if *addr == "" {
		fmt.Fprintln(os.Stderr, "redisstore example: needs a Redis address: -addr host:port or REDIS_ADDR")
		os.Exit(2)
	}
	if err := run(context.Background(), os.Stdout, *addr, *prefix, *instances, *calls); err != nil {
		fmt.Fprintln(os.Stderr, "redisstore example:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, addr, prefix string, instances, calls int) error {
	if instances < 1 || calls < 1 {
		return errors.New("-instances and -calls must be at least 1")
	}
	probe := redis.NewClient(&redis.Options{Addr: addr})
	defer probe.Close()
	if err := probe.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("cannot reach Redis at %s: %w", addr, err)
	}
	defer cleanup(ctx, probe, prefix)

	if err := tokens(ctx, w, addr, prefix, instances, calls); err != nil {
		return err
	}
	return pushes(ctx, w, addr, prefix, instances)
}

// tokens runs the API calls of every instance at once against the fake shop
// API with the legacy /cgi-bin/token, where each fetch invalidates the
// previous token.
func tokens(ctx context.Context, w io.Writer, addr, prefix string, instances, calls int) error {
	srv := shopapitest.New()
	defer srv.Close()
	clients := make([]*shopapi.Client, instances)
	for i := range clients {
		rdb := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true})
		defer rdb.Close()
		store, err := redisstore.NewTokenStore(rdb, redisstore.WithPrefix(prefix))
		if err != nil {
			return err
		}
		ts, err := srv.TokenSource(srv.HTTPClient(), shopapi.WithTokenStore(store), shopapi.WithLegacyToken())
		if err != nil {
			return err
		}
		if clients[i], err = shopapi.NewClient(ts, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(srv.HTTPClient())); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	var failed atomic.Int64
	for _, c := range clients {
		for range calls {
			wg.Go(func() {
				if _, _, err := c.Store.Info(ctx); err != nil {
					failed.Add(1)
				}
			})
		}
	}
	wg.Wait()
	fmt.Fprintf(w, "%d instances × %d calls: %d failed, %d token fetch(es) on the platform\n",
		instances, calls, failed.Load(), srv.TokenFetches())
	return nil
}

// pushes delivers the same signed order-paid event to every instance at
// once; one handles it.
func pushes(ctx context.Context, w io.Writer, addr, prefix string, instances int) error {
	const token, aesKey, appID = "AAAAA", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx2c2769f8efd9abc2"
	var handled atomic.Int64
	handlers := make([]http.Handler, instances)
	for i := range handlers {
		rdb := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true})
		defer rdb.Close()
		dedup, err := redisstore.NewDedupStore(rdb, redisstore.WithPrefix(prefix))
		if err != nil {
			return err
		}
		v, err := notify.NewVerifier(token, aesKey, appID)
		if err != nil {
			return err
		}
		h, err := notify.NewHandler(v, notify.WithDedupStore(dedup))
		if err != nil {
			return err
		}
		if err := notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
			handled.Add(1)
			return nil
		}); err != nil {
			return err
		}
		handlers[i] = h
	}
	enc, err := notify.NewEncoder(token, aesKey, appID)
	if err != nil {
		return err
	}
	now := time.Now().Unix()
	event := []byte(`{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":` + strconv.FormatInt(now, 10) +
		`,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3705115058471208928","pay_time":` +
		strconv.FormatInt(now, 10) + `}}`)
	var wg sync.WaitGroup
	codes := make([]int, instances)
	for i, h := range handlers {
		req, err := enc.NewRequest("http://backend.example/push", event, strconv.FormatInt(now, 10), "nonce"+strconv.Itoa(i))
		if err != nil {
			return err
		}
		req = req.WithContext(ctx)
		wg.Go(func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			codes[i] = rec.Code
		})
	}
	wg.Wait()
	fmt.Fprintf(w, "one event pushed to %d instances at once: handled %d time(s), answers %v\n", instances, handled.Load(), codes)
	return nil
}

// cleanup deletes the keys the example wrote.
func cleanup(ctx context.Context, rdb *redis.Client, prefix string) {
	iter := rdb.Scan(ctx, 0, prefix+"*", 100).Iterator()
	for iter.Next(ctx) {
		rdb.Del(ctx, iter.Val())
	}
}
