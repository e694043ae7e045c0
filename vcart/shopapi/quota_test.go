package shopapi_test

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

const pathInfo = "/channels/ec/basics/info/get"

func TestCallRate_PerMinute(t *testing.T) {
	t.Parallel()
	tests := []struct {
		count, secs int64
		want        int
	}{
		{100, 60, 100},
		{10, 1, 600},
		{100, 3600, 1}, // 1.67/min rounds down to 1
		{30, 3600, 1},  // less than one a minute: at least 1
		{7200, 3600, 120},
		{0, 60, 0},
		{100, 0, 0},
		{-1, 60, 0},
	}
	for _, tc := range tests {
		if got := (shopapi.CallRate{CallCount: shopapi.Int64(tc.count), RefreshSecond: shopapi.Int64(tc.secs)}).PerMinute(); got != tc.want {
			t.Errorf("%d per %d s = %d a minute, want %d", tc.count, tc.secs, got, tc.want)
		}
	}
}

func TestRateLimitsFromQuotas(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, shanghai)
	rate := func(n, s int64) shopapi.CallRate {
		return shopapi.CallRate{CallCount: shopapi.Int64(n), RefreshSecond: shopapi.Int64(s)}
	}
	quotas := map[string]shopapi.APIQuota{
		"/channels/ec/order/get":         {RateLimit: rate(300, 60), ComponentRateLimit: rate(100, 60)},
		"/channels/ec/order/list/get":    {RateLimit: rate(20, 1)}, // no component limit given
		"/channels/ec/basics/img/upload": {RateLimit: rate(0, 0)},  // unknown: base entry kept
		"/cgi-bin/stable_token":          {RateLimit: rate(5000, 60)},
		"/channels/ec/category/all":      {RateLimit: rate(600, 60)}, // an alias: counted for /shop/ec/category/all
	}
	base := shopapi.DefaultRateLimits()
	tests := []struct {
		name string
		via  bool
		want map[string]int
	}{
		{"own token", false, map[string]int{"/channels/ec/order/get": 300, "/channels/ec/order/list/get": 1200,
			"/shop/ec/basics/img/upload": 5000, "/shop/ec/basics/qualification/upload": 5000, "/cgi-bin/stable_token": 5000,
			"/shop/ec/category/all": 600}},
		{"via component", true, map[string]int{"/channels/ec/order/get": 100, "/channels/ec/order/list/get": 1200,
			"/shop/ec/basics/img/upload": 5000, "/shop/ec/basics/qualification/upload": 5000, "/cgi-bin/stable_token": 5000,
			"/shop/ec/category/all": 600}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := shopapi.RateLimitsFromQuotas(base, quotas, tc.via, at)
			if err != nil {
				t.Fatal(err)
			}
			want := shopapi.RateLimits{Version: "quota-api", EffectiveFrom: at, PerMinute: tc.want}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("limits (-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff(shopapi.DefaultRateLimits(), base); diff != "" {
		t.Errorf("base changed:\n%s", diff)
	}
	// Bad paths are all reported; a bad base is refused.
	_, err := shopapi.RateLimitsFromQuotas(base, map[string]shopapi.APIQuota{"": {}, "order/get": {}}, false, at)
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("bad paths: %v", err)
	}
	wantP := []vcart.FieldError{
		{Field: `quotas[""]`, Code: "required", Msg: "must not be empty"},
		{Field: `quotas["order/get"]`, Code: "format", Msg: "must be an API path such as /channels/ec/order/get"},
	}
	if diff := cmp.Diff(wantP, ve.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, err := shopapi.RateLimitsFromQuotas(shopapi.RateLimits{Default: -1}, nil, false, at); err == nil {
		t.Error("bad base accepted")
	}
}

// TestQuota_Get reads the fake's quota and use of a path, and its errors.
func TestQuota_Get(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	srv.SetQuota(pathInfo, shopapitest.Quota{DailyLimit: 100, CallCount: 30, RefreshSecond: 60})
	c := srv.Client()
	ctx := t.Context()
	for range 2 {
		if _, _, err := c.Store.Info(ctx); err != nil {
			t.Fatal(err)
		}
	}
	q, _, err := c.Quota.Get(ctx, pathInfo)
	if err != nil {
		t.Fatal(err)
	}
	want := &shopapi.APIQuota{
		Quota:              shopapi.DailyQuota{DailyLimit: 100, Used: 2, Remain: 98},
		RateLimit:          shopapi.CallRate{CallCount: 30, RefreshSecond: 60},
		ComponentRateLimit: shopapi.CallRate{CallCount: 30, RefreshSecond: 60},
	}
	if diff := cmp.Diff(want, q); diff != "" {
		t.Errorf("quota (-want +got):\n%s", diff)
	}
	var ae *shopapi.APIError
	if _, _, err := c.Quota.Get(ctx, "/channels/ec/no/such/path"); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeQuotaPathNotFound {
		t.Errorf("unknown path: %v, want errcode 76021", err)
	}
	if _, _, err := c.Quota.Get(ctx, "channels/ec/order/get"); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("relative path: %v, want a validation error", err)
	}
	if _, err := c.Quota.RateLimits(ctx, shopapi.DefaultRateLimits(), []string{pathInfo, ""}, false); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("empty path in the list: %v, want a validation error", err)
	}
	if _, err := c.Quota.RateLimits(ctx, shopapi.DefaultRateLimits(), []string{pathInfo, "/channels/ec/no/such/path"}, false); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeQuotaPathNotFound {
		t.Errorf("unknown path in the list: %v, want errcode 76021", err)
	}
}

// TestQuota_EnforcedAndLoaded checks on synctest's clock that the fake
// enforces a path's quota (45011 past it, 45009 past the daily limit) and
// that a client whose limits were loaded with Quota.RateLimits never
// collects a 45011: it waits for the next minute instead.
func TestQuota_EnforcedAndLoaded(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(365*24*time.Hour))
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		srv.SetQuota(pathInfo, shopapitest.Quota{CallCount: 3, RefreshSecond: 60})
		time.Sleep(50 * time.Second) // 00:00:50
		raw := inprocClient(t, srv, shopapi.WithoutRateLimit(), shopapi.WithRetry(0, time.Second, time.Second))
		var codes []int
		for range 4 {
			_, _, err := raw.Store.Info(ctx)
			var ae *shopapi.APIError
			if errors.As(err, &ae) {
				codes = append(codes, ae.ErrCode)
			} else if err != nil {
				t.Fatal(err)
			} else {
				codes = append(codes, 0)
			}
		}
		if diff := cmp.Diff([]int{0, 0, 0, shopapi.CodeMinuteQuota}, codes); diff != "" {
			t.Errorf("unlimited client's errcodes (-want +got):\n%s", diff)
		}

		time.Sleep(10 * time.Second) // 00:01:00, a fresh minute
		limits, err := raw.Quota.RateLimits(ctx, shopapi.DefaultRateLimits(), []string{pathInfo}, false)
		if err != nil {
			t.Fatal(err)
		}
		if n := limits.PerMinute[pathInfo]; n != 3 {
			t.Fatalf("loaded quota %d, want 3", n)
		}
		c := inprocClient(t, srv, shopapi.WithRateLimits(limits), shopapi.WithRetry(0, time.Second, time.Second))
		start := time.Now()
		for i := range 7 {
			if _, _, err := c.Store.Info(ctx); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
		}
		if el := time.Since(start); el != 2*time.Minute {
			t.Errorf("7 calls at 3/min took %v, want 2m", el)
		}

		srv.SetQuota(pathInfo, shopapitest.Quota{DailyLimit: 1})
		if _, _, err := c.Store.Info(ctx); err != nil {
			t.Fatal(err)
		}
		var ae *shopapi.APIError
		if _, _, err := c.Store.Info(ctx); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeDailyQuota {
			t.Errorf("past the daily limit: %v, want errcode 45009", err)
		}
	})
}
