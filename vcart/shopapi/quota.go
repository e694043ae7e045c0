package shopapi

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// QuotaService reads the platform's call quotas (接口调用额度, the quota API
// of 接口管理).
type QuotaService service

var epQuotaGet = ep("/cgi-bin/openapi/quota/get")

// APIQuota is the quota of one API path, as getApiQuota answers it.
type APIQuota struct {
	// Quota is the daily quota.
	Quota DailyQuota `json:"quota"`
	// RateLimit is the frequency limit of calls with the shop's own token.
	RateLimit CallRate `json:"rate_limit"`
	// ComponentRateLimit is the frequency limit of calls a third-party
	// platform makes on the shop's behalf (代调用, authorizer_access_token);
	// zero when the platform leaves it out.
	ComponentRateLimit CallRate `json:"component_rate_limit"`
}

// DailyQuota is the daily part of an [APIQuota].
type DailyQuota struct {
	// DailyLimit is the number of calls allowed a day (当天可调用次数).
	DailyLimit Int64 `json:"daily_limit"`
	// Used is the number of calls made today.
	Used Int64 `json:"used"`
	// Remain is the number of calls left today.
	Remain Int64 `json:"remain"`
}

// CallRate is a frequency limit: CallCount calls every RefreshSecond
// seconds.
type CallRate struct {
	// CallCount is the number of calls allowed in a window.
	CallCount Int64 `json:"call_count"`
	// RefreshSecond is the window's length in seconds.
	RefreshSecond Int64 `json:"refresh_second"`
}

// PerMinute returns the limit in calls a minute: CallCount scaled from
// RefreshSecond to 60 s, rounded down but at least 1. It returns 0 (no
// known limit) when CallCount or RefreshSecond is not positive.
func (r CallRate) PerMinute() int {
	if r.CallCount <= 0 || r.RefreshSecond <= 0 {
		return 0
	}
	n := int64(r.CallCount) * 60 / int64(r.RefreshSecond)
	return int(max(1, min(n, 1<<31-1)))
}

// Get returns the quota of one API path (cgi_path, e.g.
// "/channels/ec/order/get"). Errcode 76021: the platform does not know
// the path; 76022: no permission; 76003: malformed path.
//
// WeChat API: POST /cgi-bin/openapi/quota/get
func (s *QuotaService) Get(ctx context.Context, cgiPath string) (*APIQuota, *Response, error) {
	if p := checkCGIPath("cgi_path", cgiPath, nil); p != nil {
		return nil, nil, errorf("get quota", vcart.NewValidationError(p))
	}
	body := struct {
		CGIPath string `json:"cgi_path"`
	}{cgiPath}
	var out APIQuota
	resp, err := s.client.call(ctx, &request{ep: epQuotaGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get quota "+cgiPath, err)
	}
	return &out, resp, nil
}

// RateLimits reads the quota of every path in paths (one quota call each)
// and returns base with those paths' per-minute quotas, built by
// [RateLimitsFromQuotas] on the client's clock. viaComponent selects the
// component_rate_limit, for a client that calls with an
// authorizer_access_token. Any failure returns an error naming the path
// and no table. Call it once at start-up and pass the result to
// [WithRateLimits] (see the package doc, Rate limits).
func (s *QuotaService) RateLimits(ctx context.Context, base RateLimits, paths []string, viaComponent bool) (RateLimits, error) {
	var p []vcart.FieldError
	for i, path := range paths {
		p = checkCGIPath("paths["+strconv.Itoa(i)+"]", path, p)
	}
	if err := vcart.NewValidationError(p); err != nil {
		return RateLimits{}, errorf("load rate limits", err)
	}
	quotas := make(map[string]APIQuota, len(paths))
	for _, path := range paths {
		if _, done := quotas[path]; done {
			continue
		}
		q, _, err := s.Get(ctx, path)
		if err != nil {
			return RateLimits{}, err
		}
		quotas[path] = *q
	}
	return RateLimitsFromQuotas(base, quotas, viaComponent, s.client.cfg.now())
}

// RateLimitsFromQuotas returns a copy of base in which each path of quotas
// has the per-minute quota of its answer ([CallRate.PerMinute] of
// RateLimit, or of ComponentRateLimit when viaComponent is set and the
// platform gave one). A path whose answer has no limit keeps base's entry.
// The table's Version is "quota-api" and its EffectiveFrom readAt. The
// daily quota is not enforced client-side: a call past it gets errcode
// 45009 ([ErrRateLimited]).
func RateLimitsFromQuotas(base RateLimits, quotas map[string]APIQuota, viaComponent bool, readAt time.Time) (RateLimits, error) {
	var p []vcart.FieldError
	keys := slices.Sorted(maps.Keys(quotas))
	for _, path := range keys {
		p = checkCGIPath("quotas["+strconv.Quote(path)+"]", path, p)
	}
	if err := vcart.NewValidationError(p); err != nil {
		return RateLimits{}, errorf("rate limits from quotas", err)
	}
	if err := base.validate(); err != nil {
		return RateLimits{}, fmt.Errorf("rate limits from quotas: base: %w", err)
	}
	out := base.clone()
	if out.PerMinute == nil {
		out.PerMinute = make(map[string]int, len(quotas))
	}
	out.Version, out.EffectiveFrom = "quota-api", readAt
	for _, path := range keys {
		q := quotas[path]
		rate := q.RateLimit
		if viaComponent && q.ComponentRateLimit.PerMinute() > 0 {
			rate = q.ComponentRateLimit
		}
		if n := rate.PerMinute(); n > 0 {
			out.PerMinute[path] = n
		}
	}
	return out.canonical(), nil
}

// checkCGIPath reports an empty path, or one that is not an absolute URL
// path without a query, as a problem of field.
func checkCGIPath(field, path string, p []vcart.FieldError) []vcart.FieldError {
	switch {
	case path == "":
		return append(p, vcart.FieldError{Field: field, Code: "required", Msg: "must not be empty"})
	case !strings.HasPrefix(path, "/") || strings.ContainsAny(path, "?# \t\r\n"):
		return append(p, vcart.FieldError{Field: field, Code: "format", Msg: "must be an API path such as /channels/ec/order/get"})
	}
	return p
}
