package redisstore_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
)

// TestScale_PushesExactlyOnce: a provider's push endpoint for many
// merchants (third-party platform mode: one URL, the shop's appid in the
// path) served by 4 instances behind a load balancer, sharing duplicate
// suppression in Redis. The platform pushes every event of every merchant
// and pushes it again when an answer does not come back; one instance is
// killed midway — the push it was handling is done but its answer is lost,
// and it refuses every later connection. Every event is still handled
// exactly once, by the shop it belongs to. VCART_SCALE=full runs 200
// merchants.
func TestScale_PushesExactlyOnce(t *testing.T) {
	requireRedis(t)
	merchants, events := 30, 5
	if os.Getenv("VCART_SCALE") == "full" {
		merchants = 200
	}
	const (
		instances = 4
		killed    = 2
		token     = "component-push-token"
		aesKey    = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	)
	rdb := newClient(t, shared.addr())
	dedup, err := redisstore.NewDedupStore(rdb, redisstore.WithPrefix(testPrefix(t)))
	if err != nil {
		t.Fatal(err)
	}
	v, err := notify.NewVerifier(token, aesKey, scaleComponent)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := notifytest.NewEncoder(token, aesKey, scaleComponent)
	if err != nil {
		t.Fatal(err)
	}
	served := map[string]bool{}
	for m := range merchants {
		served[fmt.Sprintf("wxm%05d", m)] = true
	}

	var mu sync.Mutex
	handled := map[string]int{} // "appid/order" → times handled
	var dead atomic.Bool
	var lostOnce atomic.Bool
	backends := make([]http.Handler, instances)
	for k := range backends {
		h, err := notify.NewHandler(v, notify.WithDedupStore(dedup))
		if err != nil {
			t.Fatal(err)
		}
		if err := notify.Handle(h, notify.EventOrderPay, func(ctx context.Context, ev *notify.OrderPayEvent) error {
			mu.Lock()
			handled[notify.MerchantAppID(ctx)+"/"+string(ev.OrderInfo.OrderID)]++
			mu.Unlock()
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		rt, err := notify.NewRouter(func(app string) http.Handler {
			if served[app] {
				return h
			}
			return nil
		}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		mux.Handle("POST /wechat/{appid}", rt)
		backends[k] = mux
	}
	// deliver is one push through the load balancer to instance k; ok
	// reports whether the platform got "success".
	deliver := func(k int, app string, q string, body []byte) bool {
		if k == killed && dead.Load() {
			if lostOnce.CompareAndSwap(false, true) {
				// The push in hand when the instance dies: handled, but
				// the answer never leaves the machine.
				backends[k].ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/wechat/"+app+"?"+q, bytesReader(body)))
			}
			return false // connection refused
		}
		rec := httptest.NewRecorder()
		backends[k].ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/wechat/"+app+"?"+q, bytesReader(body)))
		return rec.Code == http.StatusOK && rec.Body.String() == "success"
	}

	var pushes, retries atomic.Int64
	var wg sync.WaitGroup
	var seq atomic.Int64
	total := merchants * events
	for m := range merchants {
		app := fmt.Sprintf("wxm%05d", m)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range events {
				order := strconv.Itoa(3705115058471208000 + m*100 + e)
				plain := fmt.Sprintf(`{"ToUserName":"gh_%s","FromUserName":"o_buyer","CreateTime":%d,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":%s,"pay_time":%d}}`,
					app, time.Now().Unix(), order, time.Now().Unix())
				q, body, err := enc.Encode([]byte(plain), strconv.FormatInt(time.Now().Unix(), 10), "nonce"+order)
				if err != nil {
					t.Error(err)
					return
				}
				n := int(seq.Add(1))
				if n == total/2 {
					dead.Store(true) // the instance dies midway
				}
				// The platform pushes up to 10 times; the balancer sends
				// each attempt to the next instance.
				ok := false
				for attempt := range 10 {
					pushes.Add(1)
					if attempt > 0 {
						retries.Add(1)
					}
					if ok = deliver((n+attempt)%instances, app, q.Encode(), body); ok {
						break
					}
				}
				if !ok {
					t.Errorf("%s/%s never acknowledged", app, order)
				}
			}
		}()
	}
	wg.Wait()
	if len(handled) != total {
		t.Errorf("%d events handled, want %d", len(handled), total)
	}
	for k, n := range handled {
		if n != 1 {
			t.Errorf("%s handled %d times", k, n)
		}
	}
	if !lostOnce.Load() {
		t.Error("the killed instance never lost an answer: the scenario did not run")
	}
	t.Logf("%d instances (one killed midway) × %d merchants × %d events: %d pushes (%d retries), every event handled once",
		instances, merchants, events, pushes.Load(), retries.Load())
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
