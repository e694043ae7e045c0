//go:build unix

package notify

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

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// burstPush is one pre-signed push of a distinct order event.
type burstPush struct {
	url  *url.URL
	body []byte
}

// request builds the push's request as net/http's server hands it to a
// handler (httptest.NewRequest would parse a request line and allocate a
// 4 KiB reader per call, which is the server's work, not the handler's).
func (p burstPush) request() *http.Request {
	return &http.Request{
		Method: http.MethodPost, URL: p.url, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"application/json"}}, Host: "shop.example",
		Body: io.NopCloser(bytes.NewReader(p.body)), ContentLength: int64(len(p.body)),
	}
}

// burstPushes signs n order-pay pushes with distinct order ids (so that
// every one is a first delivery for the dedup store) and nonces.
func burstPushes(b *testing.B, n int) []burstPush {
	b.Helper()
	enc, err := forge.NewEncoder(testTok, testKey, testApp)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]burstPush, n)
	for i := range out {
		id := strconv.Itoa(3705115058471208928 + i)
		q, body, err := enc.Encode([]byte(orderPayJSON(id)), "1772294400", strconv.Itoa(1e9+i))
		if err != nil {
			b.Fatal(err)
		}
		out[i] = burstPush{url: &url.URL{Path: "/push", RawQuery: q.Encode()}, body: body}
	}
	return out
}

// runBurst serves pushes through h.ServeHTTP from 8 goroutines per core, as
// a push endpoint under a sales-day burst does, and reports pushes per
// second and the latency percentiles of one push (from the request being
// taken up to its answer). Every answer must be 200 "success".
func runBurst(b *testing.B, h http.Handler, pushes []burstPush) {
	b.Helper()
	lat := make([]time.Duration, len(pushes))
	var next atomic.Int64
	ctx := b.Context()
	b.ReportAllocs()
	b.SetParallelism(8)
	b.ResetTimer()
	cpu0 := cpuTime(b)
	t0 := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1) - 1
			p := pushes[i]
			start := time.Now()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, p.request().WithContext(ctx))
			lat[i] = time.Since(start)
			if rec.Code != http.StatusOK || rec.Body.String() != "success" {
				b.Errorf("push %d: %d %q", i, rec.Code, rec.Body.String())
			}
		}
	})
	elapsed := time.Since(t0)
	cpu := cpuTime(b) - cpu0
	b.StopTimer()
	n := int(next.Load())
	lat = lat[:n]
	slices.Sort(lat)
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	b.ReportMetric(float64(n)/elapsed.Seconds(), "pushes/s")
	// CPU time per push, the figure a shared machine does not distort:
	// two unshared cores serve 2 s / cpu-µs-per-push pushes a second.
	b.ReportMetric(us(cpu)/float64(n), "cpu-µs/push")
	b.ReportMetric(us(lat[n/2]), "p50-µs")
	b.ReportMetric(us(lat[n*99/100]), "p99-µs")
	b.ReportMetric(us(lat[n-1]), "max-µs")
}

// BenchmarkBurst is a sales-day burst on one Handler end to end: verify,
// decrypt, decode, dedupe in the in-memory store, a no-op handler. Run it
// with a fixed count so that every push is a distinct first delivery:
//
//	go test -run '^$' -bench Burst -benchtime=20000x ./vcart/notify
func BenchmarkBurst(b *testing.B) {
	pushes := burstPushes(b, b.N)
	v, err := NewVerifier(testTok, testKey, testApp, WithClock(fixedClock(testUnix)))
	if err != nil {
		b.Fatal(err)
	}
	h, err := NewHandler(v, WithDedupStore(mustMemoryStore(b)))
	if err != nil {
		b.Fatal(err)
	}
	var handled atomic.Int64
	h.On("channels_ec_order_pay", func(context.Context, Event) error {
		handled.Add(1)
		return nil
	})
	runBurst(b, h, pushes)
	if got := handled.Load(); got != int64(b.N) {
		b.Fatalf("handled %d pushes, want %d", got, b.N)
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
