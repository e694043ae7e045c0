package shopapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// BenchmarkCallOverhead compares one stock/get through the client (token
// cache, rate limiter, resty, envelope, typed decode) with a bare net/http
// POST of the same body to the same fake endpoint, decoded into the same
// struct, in the same run. Run:
//
//	go test -run '^$' -bench CallOverhead -benchtime 3000x ./vcart/shopapi
func BenchmarkCallOverhead(b *testing.B) {
	srv := shopapitest.NewServer(b, shopapitest.WithAutoAudit())
	c := srv.Client()
	ctx := b.Context()
	res, _, err := c.Products.Add(ctx, newProduct("基准测试用的核桃商品"), true)
	if err != nil {
		b.Fatal(err)
	}
	d, _, err := c.Products.Get(ctx, res.ProductID, shopapi.DataOnline)
	if err != nil {
		b.Fatal(err)
	}
	pid, sku := res.ProductID, d.Product.SKUs[0].SKUID
	ts, _ := srv.TokenSource(srv.HTTPClient())
	tok, err := ts.Token(ctx)
	if err != nil {
		b.Fatal(err)
	}
	hc := srv.HTTPClient()
	url := srv.URL() + "/channels/ec/product/stock/get?access_token=" + tok

	bare := func() {
		body, _ := json.Marshal(struct {
			ProductID shopapi.ID `json:"product_id"`
			SKUID     shopapi.ID `json:"sku_id"`
		}{pid, sku})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
		var out struct {
			ErrCode int `json:"errcode"`
			Data    shopapi.SKUStock
		}
		if err := json.Unmarshal(raw, &out); err != nil || out.ErrCode != 0 {
			b.Fatal(err, out.ErrCode)
		}
	}
	// Interleaved: each iteration makes one client call and one bare call,
	// so both see the same machine load; the ratio is what to compare.
	b.Run("interleaved", func(b *testing.B) {
		var tc, tb time.Duration
		for b.Loop() {
			t0 := time.Now()
			if _, _, err := c.Stock.Get(ctx, pid, sku); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			bare()
			tb += time.Since(t1)
			tc += t1.Sub(t0)
		}
		b.ReportMetric(float64(tc.Nanoseconds())/float64(b.N), "client-ns/call")
		b.ReportMetric(float64(tb.Nanoseconds())/float64(b.N), "bare-ns/call")
		b.ReportMetric(float64(tc)/float64(tb), "ratio")
	})
	b.Run("client", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			st, _, err := c.Stock.Get(ctx, pid, sku)
			if err != nil || st.TotalStockNum != 100 {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	})
	b.Run("bare-net-http", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bare()
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	})
	b.Run("client-parallel", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, _, err := c.Stock.Get(ctx, pid, sku); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	})
}

// BenchmarkTokenHotPath measures a cached token read (the per-call cost).
func BenchmarkTokenHotPath(b *testing.B) {
	srv := shopapitest.NewServer(b)
	ts, _ := srv.TokenSource(srv.HTTPClient())
	if _, err := ts.Token(b.Context()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := ts.Token(b.Context()); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
