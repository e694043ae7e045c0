package shopapi_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

const (
	pathGet   = "/channels/ec/product/get"
	pathStock = "/channels/ec/product/stock/update"
)

// TestFaults injects every fault kind into a read (idempotent) and a stock
// diff (not idempotent) and checks the outcome, the number of attempts,
// that the diff is applied at most once, and the error types.
func TestFaults(t *testing.T) {
	t.Parallel()
	type want struct {
		ok        bool
		attempts  int
		applied   int64 // stock change the diff caused (for the stock cases)
		ambiguous bool
		sentinel  error
		code      int
	}
	tests := []struct {
		name  string
		path  string
		fault shopapitest.Fault
		want  want
	}{
		{"get: errcode -1 twice", pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: -1, Times: 2}, want{ok: true, attempts: 3}},
		{"get: errcode -1 forever", pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: -1, Times: 10}, want{attempts: 4, sentinel: shopapi.ErrSystemBusy, code: -1}},
		{"get: 45011", pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 45011}, want{ok: true, attempts: 2}},
		{"get: 45009 daily quota", pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 45009}, want{attempts: 1, sentinel: shopapi.ErrRateLimited, code: 45009}},
		{"get: 61004", pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 61004}, want{attempts: 1, sentinel: shopapi.ErrIPNotWhitelisted, code: 61004}},
		{"get: HTTP 502", pathGet, shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 502}, want{ok: true, attempts: 2}},
		{"get: HTTP 429", pathGet, shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 429}, want{ok: true, attempts: 2}},
		{"get: HTTP 404", pathGet, shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 404}, want{attempts: 1, sentinel: shopapi.ErrHTTPStatus}},
		{"get: malformed JSON", pathGet, shopapitest.Fault{Kind: shopapitest.FaultMalformedJSON}, want{ok: true, attempts: 2}},
		{"get: timeout", pathGet, shopapitest.Fault{Kind: shopapitest.FaultTimeout}, want{ok: true, attempts: 2}},
		{"get: dropped", pathGet, shopapitest.Fault{Kind: shopapitest.FaultDropBefore}, want{ok: true, attempts: 2}},
		{"get: refused", pathGet, shopapitest.Fault{Kind: shopapitest.FaultRefuse}, want{ok: true, attempts: 2}},
		{"get: token invalidated", pathGet, shopapitest.Fault{Kind: shopapitest.FaultInvalidateToken}, want{ok: true, attempts: 2}},
		{"get: errcode 42001", pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 42001}, want{ok: true, attempts: 2}},
		{"get: errcode 40014 twice", pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 40014, Times: 2}, want{attempts: 2, sentinel: shopapi.ErrAccessTokenExpired, code: 40014}},

		{"add: errcode -1 not retried", pathStock, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: -1}, want{attempts: 1, sentinel: shopapi.ErrSystemBusy, code: -1}},
		{"add: 45011 retried", pathStock, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: 45011}, want{ok: true, attempts: 2, applied: 5}},
		{"add: HTTP 429 retried", pathStock, shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 429}, want{ok: true, attempts: 2, applied: 5}},
		{"add: HTTP 503 ambiguous", pathStock, shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 503}, want{attempts: 1, ambiguous: true, sentinel: shopapi.ErrHTTPStatus}},
		{"add: malformed ambiguous", pathStock, shopapitest.Fault{Kind: shopapitest.FaultMalformedJSON}, want{attempts: 1, ambiguous: true, sentinel: shopapi.ErrMalformedResponse}},
		{"add: refused retried", pathStock, shopapitest.Fault{Kind: shopapitest.FaultRefuse}, want{ok: true, attempts: 2, applied: 5}},
		{"add: applied then dropped", pathStock, shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop}, want{attempts: 1, applied: 5, ambiguous: true}},
		{"add: applied then timed out", pathStock, shopapitest.Fault{Kind: shopapitest.FaultApplyThenTimeout}, want{attempts: 1, applied: 5, ambiguous: true}},
		{"add: timeout unapplied", pathStock, shopapitest.Fault{Kind: shopapitest.FaultTimeout}, want{attempts: 1, ambiguous: true}},
		{"add: token invalidated replayed", pathStock, shopapitest.Fault{Kind: shopapitest.FaultInvalidateToken}, want{ok: true, attempts: 2, applied: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := shopapitest.NewServer(t)
			setup := srv.Client()
			id, sku := addApproved(t, setup, srv, "故障注入测试核桃")
			synctest.Test(t, func(t *testing.T) {
				c := inprocClient(t, srv)
				srv.InjectFault(tt.path, tt.fault)
				before := srv.Calls(tt.path)
				var resp *shopapi.Response
				var err error
				if tt.path == pathGet {
					_, resp, err = c.Products.Get(t.Context(), id, shopapi.DataOnline)
				} else {
					resp, err = c.Stock.Update(t.Context(), &shopapi.StockUpdateRequest{ProductID: id, SKUID: sku, DiffType: shopapi.StockAdd, Num: 5})
				}
				if (err == nil) != tt.want.ok {
					t.Fatalf("error = %v, want ok %v", err, tt.want.ok)
				}
				if resp.Attempts != tt.want.attempts || srv.Calls(tt.path)-before != tt.want.attempts {
					t.Errorf("attempts = %d (server saw %d), want %d", resp.Attempts, srv.Calls(tt.path)-before, tt.want.attempts)
				}
				if errors.Is(err, shopapi.ErrAmbiguous) != tt.want.ambiguous {
					t.Errorf("ErrAmbiguous = %v, want %v (%v)", !tt.want.ambiguous, tt.want.ambiguous, err)
				}
				if tt.want.sentinel != nil && !errors.Is(err, tt.want.sentinel) {
					t.Errorf("error %v does not match %v", err, tt.want.sentinel)
				}
				if apiCode(err) != tt.want.code {
					t.Errorf("errcode = %d, want %d", apiCode(err), tt.want.code)
				}
				if tt.path == pathStock {
					n, _ := srv.Stock(id, sku)
					if n-100 != tt.want.applied {
						t.Errorf("stock moved by %d, want %d (never double-applied)", n-100, tt.want.applied)
					}
				}
			})
		})
	}
}

// TestFaults_StockSetRetried: "set" is idempotent, so it is retried after
// an ambiguous failure and ends at the target.
func TestFaults_StockSetRetried(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	id, sku := addApproved(t, srv.Client(), srv, "设置库存幂等核桃")
	synctest.Test(t, func(t *testing.T) {
		c := inprocClient(t, srv)
		srv.InjectFault(pathStock, shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop, Times: 2})
		resp, err := c.Stock.Update(t.Context(), &shopapi.StockUpdateRequest{ProductID: id, SKUID: sku, DiffType: shopapi.StockSet, Num: 33})
		if err != nil || resp.Attempts != 3 {
			t.Fatalf("set: %v after %d attempts", err, resp.Attempts)
		}
		if n, _ := srv.Stock(id, sku); n != 33 {
			t.Errorf("stock %d, want 33", n)
		}
	})
}

// TestRetry_Backoff checks the waits between attempts under synctest's
// fake clock: exponential from MinWait, capped, with jitter in [w/2, w].
func TestRetry_Backoff(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	id, _ := addApproved(t, srv.Client(), srv, "退避测试用核桃商品")
	synctest.Test(t, func(t *testing.T) {
		var stamps []time.Time
		rec := roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if r.URL.Path == pathGet {
				stamps = append(stamps, time.Now())
			}
			return srv.Transport().RoundTrip(r)
		})
		c, err := srv.NewClient(&http.Client{Transport: rec}, shopapi.WithRetry(4, time.Second, 3*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		srv.InjectFault(pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: -1, Times: 4})
		if _, _, err := c.Products.Get(t.Context(), id, shopapi.DataOnline); err != nil {
			t.Fatal(err)
		}
		if len(stamps) != 5 {
			t.Fatalf("%d attempts, want 5", len(stamps))
		}
		bases := []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second}
		for i, base := range bases {
			w := stamps[i+1].Sub(stamps[i])
			if w < base/2 || w > base {
				t.Errorf("wait %d = %v, want within [%v, %v]", i, w, base/2, base)
			}
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestRetry_ContextEndsWait: a cancelled context stops the backoff wait.
func TestRetry_ContextEndsWait(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	id, _ := addApproved(t, srv.Client(), srv, "取消等待测试核桃")
	synctest.Test(t, func(t *testing.T) {
		c := inprocClient(t, srv, shopapi.WithRetry(5, time.Minute, time.Hour))
		srv.InjectFault(pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: -1, Times: 10})
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		start := time.Now()
		_, resp, err := c.Products.Get(ctx, id, shopapi.DataOnline)
		if !errors.Is(err, shopapi.ErrSystemBusy) || resp.Attempts != 1 {
			t.Errorf("error = %v after %d attempts", err, resp.Attempts)
		}
		if el := time.Since(start); el != 10*time.Second {
			t.Errorf("returned after %v, want at the 10s deadline", el)
		}
	})
}

// TestRateLimit: calls past a path's quota wait for the next minute.
func TestRateLimit(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	id, _ := addApproved(t, srv.Client(), srv, "限流测试用核桃商品")
	synctest.Test(t, func(t *testing.T) {
		c := inprocClient(t, srv, shopapi.WithRateLimits(shopapi.RateLimits{PerMinute: map[string]int{pathGet: 2}}))
		start := time.Now()
		for range 4 {
			if _, _, err := c.Products.Get(t.Context(), id, shopapi.DataOnline); err != nil {
				t.Fatal(err)
			}
		}
		// 2 in the first minute (synctest starts on one), 2 in the next.
		if el := time.Since(start); el != time.Minute {
			t.Errorf("4 calls at 2/min took %v, want 1m", el)
		}
		// Other paths are not limited.
		start = time.Now()
		for range 5 {
			if _, _, err := c.Store.Info(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		if el := time.Since(start); el != 0 {
			t.Errorf("unlimited path waited %v", el)
		}
	})
}

// TestConcurrentStockDiffs: many goroutines subtracting concurrently never
// oversell and every success is applied exactly once.
func TestConcurrentStockDiffs(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	id, sku := addApproved(t, c, srv, "并发扣减库存核桃")
	var ok, rejected atomic.Int64
	done := make(chan struct{})
	for range 150 {
		go func() {
			defer func() { done <- struct{}{} }()
			_, err := c.Stock.Update(t.Context(), &shopapi.StockUpdateRequest{ProductID: id, SKUID: sku, DiffType: shopapi.StockSubtract, Num: 1})
			switch {
			case err == nil:
				ok.Add(1)
			case apiCode(err) == shopapi.CodeStockUpdateRejected:
				rejected.Add(1)
			default:
				t.Error(err)
			}
		}()
	}
	for range 150 {
		<-done
	}
	n, _ := srv.Stock(id, sku)
	if ok.Load() != 100 || rejected.Load() != 50 || n != 0 {
		t.Errorf("ok %d, rejected %d, stock %d; want 100, 50, 0", ok.Load(), rejected.Load(), n)
	}
}

// TestMinuteQuotaHold: after errcode 45011 ("retry next minute") the call
// is retried at the next minute and the path is held for other callers
// too; other paths are not held.
func TestMinuteQuotaHold(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	id, _ := addApproved(t, srv.Client(), srv, "分钟配额测试核桃")
	synctest.Test(t, func(t *testing.T) {
		time.Sleep(20 * time.Second) // 00:00:20 on the bubble's clock
		c := inprocClient(t, srv)
		srv.InjectFault(pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: shopapi.CodeMinuteQuota})
		start := time.Now()
		_, resp, err := c.Products.Get(t.Context(), id, shopapi.DataOnline)
		if err != nil || resp.Attempts != 2 {
			t.Fatalf("%v after %d attempts", err, resp.Attempts)
		}
		if el := time.Since(start); el != 40*time.Second {
			t.Errorf("retried after %v, want 40s (the next minute)", el)
		}
		srv.InjectFault(pathGet, shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: shopapi.CodeMinuteQuota})
		start = time.Now()
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, _, _ = c.Products.Get(t.Context(), id, shopapi.DataOnline)
		}()
		synctest.Wait()
		if _, _, err := c.Store.Info(t.Context()); err != nil || time.Since(start) != 0 {
			t.Errorf("another path was held: %v after %v", err, time.Since(start))
		}
		if _, _, err := c.Products.Get(t.Context(), id, shopapi.DataOnline); err != nil {
			t.Fatal(err)
		}
		if el := time.Since(start); el != time.Minute {
			t.Errorf("a second caller of the held path waited %v, want 1m", el)
		}
		<-done
	})
}

// TestDelistingRetriedAfterLostAnswer: the first delisting is applied but
// its answer lost; the retry's "not listed" means success.
func TestDelistingRetriedAfterLostAnswer(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	id, _ := addApproved(t, srv.Client(), srv, "下架重试测试核桃")
	synctest.Test(t, func(t *testing.T) {
		c := inprocClient(t, srv)
		srv.InjectFault("/channels/ec/product/delisting", shopapitest.Fault{Kind: shopapitest.FaultApplyThenDrop})
		resp, err := c.Products.Delisting(t.Context(), id)
		if err != nil || resp.Attempts != 2 {
			t.Fatalf("%v after %d attempts", err, resp.Attempts)
		}
		if st, _, _ := srv.ProductState(id); st != shopapi.ProductStatusDelisted {
			t.Errorf("status %v", st)
		}
		if _, err := c.Products.Delisting(t.Context(), id); apiCode(err) != shopapi.CodeProductNotListed {
			t.Errorf("a plain second delisting: %v", err)
		}
	})
}

// TestRetryAfter: a 429 with Retry-After is retried after that long, even
// for a stock diff (a throttled call was not applied).
func TestRetryAfter(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	id, sku := addApproved(t, srv.Client(), srv, "重试等待头测试核桃")
	synctest.Test(t, func(t *testing.T) {
		c := inprocClient(t, srv)
		srv.InjectFault(pathStock, shopapitest.Fault{Kind: shopapitest.FaultHTTPStatus, Status: 429, RetryAfter: 7 * time.Second})
		start := time.Now()
		resp, err := c.Stock.Update(t.Context(), &shopapi.StockUpdateRequest{ProductID: id, SKUID: sku, DiffType: shopapi.StockAdd, Num: 1})
		if err != nil || resp.Attempts != 2 {
			t.Fatalf("%v after %d attempts", err, resp.Attempts)
		}
		if el := time.Since(start); el != 7*time.Second {
			t.Errorf("retried after %v, want 7s", el)
		}
		if n, _ := srv.Stock(id, sku); n != 101 {
			t.Errorf("stock %d", n)
		}
	})
}
