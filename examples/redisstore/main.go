// Command redisstore shows several backend instances sharing one Redis
// through vcart/redisstore: one token fetch for all of them, each pushed
// event handled once, and a service provider's fleet of merchants under its
// third-party platform (authorisation events, per-merchant clients, the
// shop's quota shared by the instances, the merchants' pushes routed on one
// URL).
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
	"bytes"
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
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
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
	if err := pushes(ctx, w, addr, prefix, instances); err != nil {
		return err
	}
	return provider(ctx, w, addr, prefix, instances, 5)
}

// provider runs a service provider's backend: several instances, each with
// a fleet of merchants under the provider's third-party platform, sharing
// tokens, refresh tokens, rate limits and push deduplication in Redis.
func provider(ctx context.Context, w io.Writer, addr, prefix string, instances, merchants int) error {
	const (
		component, secret = "wxcomponentexample", "component-secret-example-0123"
		pushToken, aesKey = "component-push-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
		path              = "/channels/ec/basics/info/get"
		quota             = 8 // calls a minute per shop, enforced by the fake
	)
	srv, err := shopapitest.New(shopapitest.WithComponent(component, secret))
	if err != nil {
		return err
	}
	defer srv.Close()
	srv.SetQuota(path, shopapitest.Quota{CallCount: quota, RefreshSecond: 60})
	rdb := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true})
	defer rdb.Close()
	if err := redisstore.Preload(ctx, rdb); err != nil {
		return err
	}
	tokens, err := redisstore.NewTokenStore(rdb, redisstore.WithPrefix(prefix))
	if err != nil {
		return err
	}
	refresh, err := redisstore.NewRefreshTokenStore(rdb, component, redisstore.WithPrefix(prefix))
	if err != nil {
		return err
	}
	dedup, err := redisstore.NewDedupStore(rdb, redisstore.WithPrefix(prefix))
	if err != nil {
		return err
	}
	limits := shopapi.RateLimits{PerMinute: map[string]int{path: quota}}
	hc := srv.HTTPClient()
	tokOpts := []shopapi.Option{shopapi.WithTokenStore(tokens), shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(hc)}
	v, err := notify.NewVerifier(pushToken, aesKey, component)
	if err != nil {
		return err
	}

	type instance struct {
		fleet *shopapi.Fleet
		auth  http.Handler
		push  http.Handler
	}
	var handled sync.Map // "appid/order" → *atomic.Int64
	insts := make([]instance, instances)
	for i := range insts {
		comp, err := shopapi.NewComponentTokenSource(component, secret,
			func(context.Context) (string, error) { return srv.ComponentVerifyTicket(), nil }, tokOpts...)
		if err != nil {
			return err
		}
		fleet, err := shopapi.NewFleet(shopapi.FleetConfig{ComponentAppID: component, Component: comp, RefreshTokens: refresh,
			Options: tokOpts,
			RateLimiter: func(app string) (shopapi.RateLimiter, error) {
				return redisstore.NewRateLimiter(rdb, app, limits, redisstore.WithPrefix(prefix), redisstore.WithInstanceShare(instances))
			}})
		if err != nil {
			return err
		}
		auth, err := notify.NewAuthHandler(v, notify.AuthCallbacks{
			Authorized: func(ctx context.Context, ev *notify.AuthEvent) error {
				_, err := fleet.Authorize(ctx, ev.AuthorizationCode)
				return err
			},
			Unauthorized: func(ctx context.Context, ev *notify.AuthEvent) error { return fleet.Remove(ctx, ev.AuthorizerAppID) },
		}, nil)
		if err != nil {
			return err
		}
		h, err := notify.NewHandler(v, notify.WithDedupStore(dedup))
		if err != nil {
			return err
		}
		if err := notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, e *notify.OrderPayEvent) error {
			n, _ := handled.LoadOrStore(notify.MerchantAppID(ctx)+"/"+string(e.OrderInfo.OrderID), new(atomic.Int64))
			n.(*atomic.Int64).Add(1)
			return nil
		}); err != nil {
			return err
		}
		router, err := notify.NewRouter(func(app string) http.Handler {
			if _, err := refresh.LoadRefreshToken(ctx, app); err != nil {
				return nil // not one of this provider's merchants
			}
			return h
		}, nil, nil)
		if err != nil {
			return err
		}
		mux := http.NewServeMux()
		mux.Handle("POST /wechat/{appid}", router)
		insts[i] = instance{fleet: fleet, auth: auth, push: mux}
	}

	// Merchants authorise the provider; each authorisation event reaches
	// one instance, and every instance then serves the merchant.
	enc, err := notifytest.NewEncoder(pushToken, aesKey, component)
	if err != nil {
		return err
	}
	now := strconv.FormatInt(time.Now().Unix(), 10)
	apps := make([]string, merchants)
	for m := range apps {
		apps[m] = fmt.Sprintf("wxmerchant%04d", m)
		q, body, err := enc.EncodeAuthEvent(&notify.AuthEvent{AppID: component, InfoType: notify.InfoAuthorized,
			AuthorizerAppID: apps[m], AuthorizationCode: srv.AuthorizationCode(apps[m])}, now, "auth"+apps[m])
		if err != nil {
			return err
		}
		rec := httptest.NewRecorder()
		insts[m%instances].auth.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/auth?"+q.Encode(), bytes.NewReader(body)))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("authorisation of %s answered %d", apps[m], rec.Code)
		}
	}

	// Every instance calls for every merchant: together exactly the quota.
	var wg sync.WaitGroup
	var calls, limited, failed atomic.Int64
	for _, in := range insts {
		for _, app := range apps {
			wg.Go(func() {
				c, err := in.fleet.Client(ctx, app)
				if err != nil {
					failed.Add(1)
					return
				}
				for range quota / instances {
					calls.Add(1)
					if _, _, err := c.Store.Info(ctx); errors.Is(err, shopapi.ErrRateLimited) {
						limited.Add(1)
					} else if err != nil {
						failed.Add(1)
					}
				}
			})
		}
	}
	wg.Wait()
	fetches := 0
	for _, app := range apps {
		fetches += srv.AuthorizerTokenFetches(app)
	}
	fmt.Fprintf(w, "%d instances × %d merchants: %d calls, %d answered 45011, %d failed; %d authorizer token fetch(es) in all\n",
		instances, merchants, calls.Load(), limited.Load(), failed.Load(), fetches)

	// Each merchant's order pushes go to the provider's one URL; the
	// balancer spreads them, and the platform pushes each one twice.
	for m, app := range apps {
		for k := range 2 {
			plain := fmt.Sprintf(`{"ToUserName":"gh_%s","FromUserName":"o_buyer","CreateTime":%s,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"37051150584712%05d","pay_time":%s}}`, app, now, m, now)
			q, body, err := enc.Encode([]byte(plain), now, "push"+app)
			if err != nil {
				return err
			}
			rec := httptest.NewRecorder()
			insts[(m+k)%instances].push.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/wechat/"+app+"?"+q.Encode(), bytes.NewReader(body)))
		}
	}
	once := 0
	handled.Range(func(_, n any) bool {
		if n.(*atomic.Int64).Load() == 1 {
			once++
		}
		return true
	})
	fmt.Fprintf(w, "%d order pushes, each sent twice to different instances: %d handled exactly once\n", merchants, once)
	return nil
}

// tokens runs the API calls of every instance at once against the fake shop
// API with the legacy /cgi-bin/token, where each fetch invalidates the
// previous token.
func tokens(ctx context.Context, w io.Writer, addr, prefix string, instances, calls int) error {
	srv, err := shopapitest.New()
	if err != nil {
		return err
	}
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
	enc, err := notifytest.NewEncoder(token, aesKey, appID)
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
