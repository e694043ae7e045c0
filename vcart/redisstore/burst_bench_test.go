//go:build unix

package redisstore_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
)

const (
	burstToken = "test-token"
	burstKey   = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	burstApp   = "wx1234567890abcdef"
	burstUnix  = 1772294400
)

// BenchmarkBurstRedisDedup is a sales-day burst on one notify.Handler end
// to end (verify, decrypt, decode, claim and complete in Redis, a no-op
// handler) against the local redis-server, every push a distinct first
// delivery; it reports pushes per second, CPU time per push and latency
// percentiles:
//
//	VCART_REQUIRE_REDIS=1 go test -run '^$' -bench BurstRedisDedup -benchtime=20000x ./vcart/redisstore
func BenchmarkBurstRedisDedup(b *testing.B) {
	store := newDedupStore(b, sharedClient(b))
	enc, err := notifytest.NewEncoder(burstToken, burstKey, burstApp)
	if err != nil {
		b.Fatal(err)
	}
	bodies := make([][]byte, b.N)
	urls := make([]*url.URL, b.N)
	for i := range bodies {
		ev := `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1772294400,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":` +
			strconv.Itoa(3705115058471208928+i) + `,"pay_time":1772294399}}`
		q, body, err := enc.Encode([]byte(ev), "1772294400", strconv.Itoa(1e9+i))
		if err != nil {
			b.Fatal(err)
		}
		bodies[i], urls[i] = body, &url.URL{Path: "/push", RawQuery: q.Encode()}
	}
	v, err := notify.NewVerifier(burstToken, burstKey, burstApp, notify.WithClock(func() time.Time { return time.Unix(burstUnix, 0) }))
	if err != nil {
		b.Fatal(err)
	}
	h, err := notify.NewHandler(v, notify.WithDedupStore(store))
	if err != nil {
		b.Fatal(err)
	}
	var handled atomic.Int64
	h.On("channels_ec_order_pay", func(context.Context, notify.Event) error {
		handled.Add(1)
		return nil
	})
	ctx := b.Context()
	lat := make([]time.Duration, b.N)
	var next atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(8)
	b.ResetTimer()
	cpu0 := cpuTime(b)
	t0 := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1) - 1
			start := time.Now()
			req := &http.Request{
				Method: http.MethodPost, URL: urls[i], Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
				Header: http.Header{"Content-Type": {"application/json"}}, Host: "shop.example",
				Body: io.NopCloser(bytes.NewReader(bodies[i])), ContentLength: int64(len(bodies[i])),
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req.WithContext(ctx))
			lat[i] = time.Since(start)
			if rec.Code != http.StatusOK {
				b.Errorf("push %d: %d %q", i, rec.Code, rec.Body.String())
			}
		}
	})
	elapsed := time.Since(t0)
	cpu := cpuTime(b) - cpu0
	b.StopTimer()
	if got := handled.Load(); got != int64(b.N) {
		b.Fatalf("handled %d pushes, want %d", got, b.N)
	}
	slices.Sort(lat)
	n := len(lat)
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	b.ReportMetric(float64(n)/elapsed.Seconds(), "pushes/s")
	// The benchmark's own CPU time: redis-server's is not in it.
	b.ReportMetric(us(cpu)/float64(n), "cpu-µs/push")
	b.ReportMetric(us(lat[n/2]), "p50-µs")
	b.ReportMetric(us(lat[n*99/100]), "p99-µs")
	b.ReportMetric(us(lat[n-1]), "max-µs")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
