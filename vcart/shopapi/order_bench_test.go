package shopapi_test

import (
	"net/http"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// seededFake returns a fake holding n bulk orders, one a minute from
// orderEpoch, and an in-process client.
func seededFake(tb testing.TB, n int) (*shopapitest.Server, *shopapi.Client, shopapi.Window) {
	tb.Helper()
	srv := shopapitest.NewServer(tb, shopapitest.WithTokenTTL(365*24*time.Hour))
	srv.SeedOrders(n, orderEpoch, time.Minute)
	c, err := srv.NewClient(&http.Client{Transport: srv.Transport()}, shopapi.WithoutRateLimit())
	if err != nil {
		tb.Fatal(err)
	}
	return srv, c, shopapi.Window{Start: orderEpoch, End: orderEpoch.Add(time.Duration(n) * time.Minute)}
}

// TestOrders_ListIterFlatMemory iterates over many orders and checks that
// the live heap does not grow with the number iterated: one page is held at
// a time.
func TestOrders_ListIterFlatMemory(t *testing.T) {
	n := 30_000
	if testing.Short() {
		n = 10_000
	}
	_, c, w := seededFake(t, n)
	var ms runtime.MemStats
	heap := func() uint64 {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapInuse
	}
	var samples []uint64
	count := 0
	for _, err := range c.Orders.ListIter(t.Context(), &shopapi.OrderListOptions{CreateTime: &w}) {
		if err != nil {
			t.Fatal(err)
		}
		count++
		if count%(n/5) == 0 {
			samples = append(samples, heap())
		}
	}
	if count != n {
		t.Fatalf("iterated %d orders, want %d", count, n)
	}
	lo, hi := samples[0], samples[0]
	for _, s := range samples {
		lo, hi = min(lo, s), max(hi, s)
	}
	// A leak of one ID string per order would add ≥ 24 B × n.
	if growth := hi - lo; growth > 512<<10 {
		t.Errorf("heap in use grew by %d bytes over %d orders (samples %v)", growth, n, samples)
	}
}

// BenchmarkOrders_ListIter iterates over 100,000 orders (and 10,000 for
// comparison) from the fake: B/order and allocs/order stay the same as N
// grows, so memory is flat.
func BenchmarkOrders_ListIter(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			_, c, w := seededFake(b, n)
			b.ReportAllocs()
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			b.ResetTimer()
			for b.Loop() {
				count := 0
				for _, err := range c.Orders.ListIter(b.Context(), &shopapi.OrderListOptions{CreateTime: &w}) {
					if err != nil {
						b.Fatal(err)
					}
					count++
				}
				if count != n {
					b.Fatalf("%d orders", count)
				}
			}
			b.StopTimer()
			runtime.ReadMemStats(&ms1)
			per := float64(b.N) * float64(n)
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/per, "B/order")
			b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/per, "allocs/order")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/order")
		})
	}
}
