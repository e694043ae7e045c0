package shopapi

// Extension points (for the engineers adding endpoints or services):
//
//   - An endpoint is a row of the registry (registry.go, see the package
//     doc, "Adding an endpoint"); the group's file declares its client
//     value with ep(path), which carries the registry's method, path and
//     idempotency (safe to retry after an ambiguous failure).
//   - A service is `type XxxService service` with a field on [Client], set in
//     [Client.initServices] (Orders, Delivery, Aftersales and Funds are
//     wired there already). A service added later without touching this
//     file can use an accessor instead:
//     `func (c *Client) Xxx() *XxxService { return (*XxxService)(&c.common) }`.
//   - A method calls c.call(ctx, &request{ep: epXxx, body: reqStruct}, &out):
//     the request helper encodes the body, adds the token, applies the rate
//     limiter, retries per the policy, refreshes an invalid token and replays
//     once, decodes the errcode envelope into *APIError and the rest into out.
//     Use request.idempotent to mark one call of a non-idempotent endpoint as
//     safe (e.g. stock "set").
//   - Pagination: set Response.NextKey from the response and add a ListIter
//     sibling built with [paginate].
//   - Rate limits: add the path's per-minute quota to [DefaultRateLimits].
//   - Errcodes: declare the area's codes as named constants in errcodes.go
//     and add their meanings to its static table (codeMeanings); no init()
//     extends it (STYLE.md: no init() side effects).

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
)

// DefaultBaseURL is the platform's API host.
const DefaultBaseURL = "https://api.weixin.qq.com"

const (
	maxBodySize      = 32 << 20 // category/all is large
	maxErrorBodySize = 1 << 20
)

// Option configures a [Client] or a token source ([NewShopTokenSource],
// [NewCachingTokenSource], the third-party sources, a [Fleet]): one option
// type for the package, as in every package of the SDK. An option applies
// where it means something and is ignored elsewhere: [WithBaseURL],
// [WithHTTPClient], [WithClock], [WithLogger], [WithRateLimits] and
// [WithoutRateLimit] configure clients and token sources alike,
// [WithRetryPolicy] and [WithRateLimiter] only clients, [WithTokenStore],
// [WithEarlyRefresh], [WithRefreshLockTTL], [WithLegacyToken] and
// [WithTokenKey] only token sources. Options are validated: an invalid one
// makes the constructor return an error.
type Option func(*config) error

type config struct {
	baseURL string
	hc      *http.Client
	now     func() time.Time
	logger  *slog.Logger
	retry   RetryPolicy
	limits  RateLimits
	limitOn bool
	// rateLimiter replaces the in-process limiter (WithRateLimiter).
	rateLimiter RateLimiter
	// decoded, when set (by the conformance tests), sees the value each
	// successful call decoded its answer into.
	decoded func(path string, out any)
	// tok is the configuration of a token source built with the same
	// options.
	tok tokenConfig
}

// applyOptions returns the defaults with opts applied.
func applyOptions(opts []Option) (config, error) {
	cfg := config{
		baseURL: DefaultBaseURL,
		hc:      &http.Client{Timeout: 30 * time.Second},
		now:     time.Now,
		logger:  slog.New(slog.DiscardHandler),
		retry:   DefaultRetryPolicy(),
		limits:  DefaultRateLimits(),
		limitOn: true,
		tok:     defaultTokenConfig(),
	}
	for _, o := range opts {
		if o == nil {
			return config{}, errors.New("shopapi: nil Option")
		}
		if err := o(&cfg); err != nil {
			return config{}, err
		}
	}
	return cfg, nil
}

// WithBaseURL sets the API host (shopapitest uses it). It must be an absolute
// http or https URL; a trailing slash is removed.
func WithBaseURL(u string) Option {
	return func(c *config) error {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return errors.New("shopapi: WithBaseURL: want an absolute http(s) URL")
		}
		if p.RawQuery != "" || p.Fragment != "" {
			return errors.New("shopapi: WithBaseURL: URL must not carry a query or fragment")
		}
		c.baseURL = strings.TrimRight(p.String(), "/")
		c.tok.baseURL = c.baseURL
		return nil
	}
}

// WithHTTPClient sets the *http.Client used for every call and token fetch. The client is
// not modified: the SDK uses a shallow copy that follows no redirect (see
// [RedirectError]), whatever its CheckRedirect says. The default has a 30 s
// timeout.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("shopapi: nil *http.Client")
		}
		c.hc = hc
		c.tok.hc = hc
		return nil
	}
}

// WithClock sets the clock: of a client's rate limiter and 45011 "next
// minute" hold, and of a token source's expiry and limiter. It must
// advance. The default is time.Now. It is the one way to inject a clock in
// this package (as WithClock is in notify, redisstore and shopapitest).
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("shopapi: nil clock")
		}
		c.now = now
		c.tok.now = now
		return nil
	}
}

// WithLogger sets the structured logger of clients and token sources. The
// default discards. Logs carry the method, path, errcode and attempt, or a
// token store's failure, never the URL's query, a token or a secret.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("shopapi: nil *slog.Logger")
		}
		c.logger = l
		c.tok.logger = l
		return nil
	}
}

// WithRetryPolicy sets the retry policy (see [RetryPolicy]).
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if err := p.validate(); err != nil {
			return err
		}
		c.retry = p
		return nil
	}
}

// WithRetry is shorthand for WithRetryPolicy(RetryPolicy{MaxRetries: max, MinWait: minWait, MaxWait: maxWait}).
func WithRetry(max int, minWait, maxWait time.Duration) Option {
	return WithRetryPolicy(RetryPolicy{MaxRetries: max, MinWait: minWait, MaxWait: maxWait})
}

// WithRateLimits replaces the per-path quotas (the default is
// [DefaultRateLimits]) of a client's calls and of a token source's fetches
// (the /cgi-bin/stable_token entry is the platform's 10,000 a minute). A
// fetch answered 45011 holds its path until the next minute, and a wait
// counts against the fetch's 30 s timeout. Each client and source has its
// own limiter: processes sharing a credential share its quota, so give each
// a share of it ([RateLimits.Share]) or share a [RateLimiter].
func WithRateLimits(l RateLimits) Option {
	return func(c *config) error {
		if err := l.validate(); err != nil {
			return err
		}
		c.limits = l.clone()
		c.limitOn = true
		c.tok.limits = l.clone()
		c.tok.limitOn = true
		return nil
	}
}

// WithoutRateLimit disables the client-side rate limiter of clients and
// token sources.
func WithoutRateLimit() Option {
	return func(c *config) error {
		c.limitOn = false
		c.tok.limitOn = false
		return nil
	}
}

// Client is the shop API client. Its services share one configuration. A
// Client is safe for concurrent use and immutable after construction; use
// [Client.Clone] to derive one with other options.
type Client struct {
	cfg     config
	opts    []Option
	tokens  TokenSource
	rc      *resty.Client
	limiter RateLimiter
	common  service // shared by every service

	// Products manages SPUs: add, update, get, list, listing, audit (商品).
	Products *ProductService
	// Stock reads and changes SKU stock (库存).
	Stock *StockService
	// Categories reads the category tree and category details (类目).
	Categories *CategoryService
	// Brands reads the brand library and the shop's brand qualifications (品牌).
	Brands *BrandService
	// Store reads the shop's basic information (店铺基础信息).
	Store *StoreService
	// Media uploads images and qualification files (图片/资质上传).
	Media *MediaService
	// Orders reads and updates orders (订单).
	Orders *OrderService
	// Delivery ships orders (物流发货).
	Delivery *DeliveryService
	// Aftersales handles after-sale requests (售后).
	Aftersales *AftersaleService
	// Funds reads settlements and withdrawals (资金).
	Funds *FundsService
	// Quota reads the platform's call quotas (接口调用额度).
	Quota *QuotaService

	// Addresses manages the merchant's addresses (地址管理).
	Addresses *AddressService
	// Freight manages freight templates (运费模板).
	Freight *FreightService
	// EWaybill creates and prints electronic waybills (电子面单).
	EWaybill *EWaybillService
	// Warehouses manages regional warehouses (区域仓库).
	Warehouses *WarehouseService
	// Guarantees handles guarantee orders (保障单).
	Guarantees *GuaranteeService
	// Coupons manages coupons (优惠券).
	Coupons *CouponService
	// FlashSales manages flash sales (限时抢购).
	FlashSales *FlashSaleService
	// Gifts manages gifts (赠品).
	Gifts *GiftService
	// Members manages members and points (会员).
	Members *MemberService
	// Sharers manages sharers (分享员).
	Sharers *SharerService
	// Showcase manages the channel's showcase (橱窗).
	Showcase *ShowcaseService
	// Links makes product and shop links (链接).
	Links *LinkService
	// Live reads live dashboards and leads (直播, 留资).
	Live *LiveService
	// Compass reads the data compass (罗盘).
	Compass *CompassService
	// Homepage manages the shop's homepage (店铺主页).
	Homepage *HomepageService
	// Dropship manages dropshipping (代发).
	Dropship *DropshipService
	// League manages the preferred alliance (优选联盟).
	League *LeagueService
	// HeadSuppliers manages head suppliers (团长).
	HeadSuppliers *HeadSupplierService
	// Talents manages talents (达人).
	Talents *TalentService
	// Cooperation manages cooperation accounts (合作账号).
	Cooperation *CooperationService
	// Inspection handles quality inspection (质检).
	Inspection *InspectionService
	// KF reads customer-service data (客服).
	KF *KFService
	// Favorites reads favourites (收藏).
	Favorites *FavoritesService
	// Invoices handles subsidy invoices (发票).
	Invoices *InvoiceService
	// MiniProgram links the shop with mini-programs (小程序).
	MiniProgram *MiniProgramService
	// Network checks callback reachability and the platform's IPs (网络检测).
	Network *NetworkService
}

type service struct{ client *Client }

// NewClient returns a client that authenticates with tokens. tokens is
// usually a [*CachingTokenSource] (see [NewShopTokenSource]); [StaticToken]
// suits tests.
func NewClient(tokens TokenSource, opts ...Option) (*Client, error) {
	if tokens == nil {
		return nil, errors.New("shopapi: nil TokenSource")
	}
	cfg, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	// A shallow copy: resty fills a nil Transport, and redirects are
	// refused; never touch the caller's client.
	hc := noRedirects(cfg.hc)
	if hc.Transport == nil {
		hc.Transport = http.DefaultTransport
	}
	rc := resty.NewWithClient(hc)
	rc.SetLogger(discardLogger{})
	rc.SetDisableWarn(true)
	c := &Client{cfg: cfg, opts: append([]Option(nil), opts...), tokens: tokens, rc: rc}
	switch {
	case cfg.rateLimiter != nil:
		c.limiter = cfg.rateLimiter
	case cfg.limitOn:
		c.limiter = newLimiter(cfg.limits, cfg.now)
	}
	c.initServices()
	return c, nil
}

func (c *Client) initServices() {
	c.common.client = c
	s := &c.common
	c.Products = (*ProductService)(s)
	c.Stock = (*StockService)(s)
	c.Categories = (*CategoryService)(s)
	c.Brands = (*BrandService)(s)
	c.Store = (*StoreService)(s)
	c.Media = (*MediaService)(s)
	c.Orders = (*OrderService)(s)
	c.Delivery = (*DeliveryService)(s)
	c.Aftersales = (*AftersaleService)(s)
	c.Funds = (*FundsService)(s)
	c.Quota = (*QuotaService)(s)
	c.Addresses = (*AddressService)(s)
	c.Freight = (*FreightService)(s)
	c.EWaybill = (*EWaybillService)(s)
	c.Warehouses = (*WarehouseService)(s)
	c.Guarantees = (*GuaranteeService)(s)
	c.Coupons = (*CouponService)(s)
	c.FlashSales = (*FlashSaleService)(s)
	c.Gifts = (*GiftService)(s)
	c.Members = (*MemberService)(s)
	c.Sharers = (*SharerService)(s)
	c.Showcase = (*ShowcaseService)(s)
	c.Links = (*LinkService)(s)
	c.Live = (*LiveService)(s)
	c.Compass = (*CompassService)(s)
	c.Homepage = (*HomepageService)(s)
	c.Dropship = (*DropshipService)(s)
	c.League = (*LeagueService)(s)
	c.HeadSuppliers = (*HeadSupplierService)(s)
	c.Talents = (*TalentService)(s)
	c.Cooperation = (*CooperationService)(s)
	c.Inspection = (*InspectionService)(s)
	c.KF = (*KFService)(s)
	c.Favorites = (*FavoritesService)(s)
	c.Invoices = (*InvoiceService)(s)
	c.MiniProgram = (*MiniProgramService)(s)
	c.Network = (*NetworkService)(s)
}

// Clone returns a new client with the same token source and options plus
// opts. The clone has its own rate limiter.
func (c *Client) Clone(opts ...Option) (*Client, error) {
	all := append(append([]Option(nil), c.opts...), opts...)
	return NewClient(c.tokens, all...)
}

// Response is the HTTP response of a call plus the envelope's metadata. Its
// body has been read and closed; its Request URL is redacted.
type Response struct {
	*http.Response
	// RequestID is the rid the platform put in errmsg, if any.
	RequestID string
	// NextKey is the cursor for the next page of a list call ("" = last page).
	NextKey string
	// Attempts is the number of HTTP requests made (retries and the token
	// replay included).
	Attempts int
}

// endpoint describes one API. Idempotent endpoints are retried after any
// transient failure; the others only when the request provably was not
// applied.
type endpoint struct {
	method     string
	path       string
	idempotent bool
}

// request is one call through [Client.call].
type request struct {
	ep          endpoint
	query       url.Values // extra query parameters (never the token)
	body        any        // JSON-encoded unless rawBody is set
	rawBody     []byte
	contentType string
	idempotent  bool // this call is idempotent even if ep is not
}

// envelope is the errcode/errmsg pair every response carries.
type envelope struct {
	ErrCode Int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// decodeEnvelope decodes the errcode envelope of body; a body that is not
// a JSON object wraps [ErrMalformedResponse]. A missing errcode is 0.
func decodeEnvelope(body []byte) (env envelope, err error) {
	if err := json.Unmarshal(body, &env); err != nil {
		return envelope{}, fmt.Errorf("%w: %w", ErrMalformedResponse, redactErr(err))
	}
	return env, nil
}

// call performs req and decodes the response into out (which may be nil).
func (c *Client) call(ctx context.Context, req *request, out any) (*Response, error) {
	if ctx == nil {
		return nil, errors.New("shopapi: nil Context")
	}
	body := req.rawBody
	ct := req.contentType
	if body == nil && req.body != nil {
		b, err := json.Marshal(req.body)
		if err != nil {
			return nil, errorf("encode request", err)
		}
		body = b
		ct = "application/json"
	}
	idem := req.ep.idempotent || req.idempotent
	resp := &Response{}
	replayed := false
	retries := 0
	for {
		var minWait time.Duration
		if err := ctx.Err(); err != nil {
			return resp, err
		}
		if c.limiter != nil {
			if err := c.limiter.Wait(ctx, req.ep.path); err != nil {
				return resp, err
			}
		}
		var (
			callErr   error
			retryable bool
			env       envelope
			hr        *http.Response
			raw       []byte
			sendErr   error
		)
		start := time.Now()
		tok, tokErr := c.tokens.Token(ctx)
		if tokErr == nil {
			resp.Attempts++
			hr, raw, sendErr = c.send(ctx, req, body, ct, tok)
		}
		switch {
		case tokErr != nil:
			// The call itself was not sent, so even a write may be retried
			// when the token failure is transient.
			callErr = fmt.Errorf("token: %w", tokErr)
			retryable = transientTokenError(tokErr) && ctx.Err() == nil
		case sendErr != nil:
			sent := !notSent(sendErr)
			callErr = &TransportError{Method: req.ep.method, Path: req.ep.path, Sent: sent, Err: sendErr}
			if sent && !idem {
				callErr = fmt.Errorf("%w: %w", ErrAmbiguous, callErr)
			}
			retryable = (idem || !sent) && ctx.Err() == nil
		case isRedirect(hr.StatusCode):
			// Never followed and never retried: the platform does not
			// redirect, so the request did not reach it this way.
			resp.Response = hr
			callErr = redirectError(req.ep.method, req.ep.path, hr)
		default:
			resp.Response = hr
			var err error
			env, err = decodeEnvelope(raw)
			if err != nil || (hr.StatusCode/100 != 2 && env.ErrCode == 0) {
				if hr.StatusCode/100 != 2 {
					callErr = fmt.Errorf("%s %s: %w %d", req.ep.method, req.ep.path, ErrHTTPStatus, hr.StatusCode)
					// 429 is a throttle that did not apply the call; a 5xx may
					// come from a gateway after the call reached the platform.
					retryable = hr.StatusCode == http.StatusTooManyRequests || (idem && hr.StatusCode >= 500)
					minWait = retryAfter(hr)
					if !idem && hr.StatusCode >= 500 {
						callErr = fmt.Errorf("%w: %w", ErrAmbiguous, callErr)
					}
				} else {
					callErr = fmt.Errorf("%s %s: %w", req.ep.method, req.ep.path, err)
					retryable = idem
					if !idem {
						callErr = fmt.Errorf("%w: %w", ErrAmbiguous, callErr)
					}
				}
				break
			}
			if env.ErrCode == 0 {
				if out != nil && len(raw) > 0 {
					if err := json.Unmarshal(raw, out); err != nil {
						return resp, fmt.Errorf("%s %s: %w: %w", req.ep.method, req.ep.path, ErrMalformedResponse, err)
					}
				}
				if c.cfg.decoded != nil {
					c.cfg.decoded(req.ep.path, out)
				}
				c.logCall(ctx, req, hr.StatusCode, 0, resp.Attempts, start, nil)
				return resp, nil
			}
			apiErr := &APIError{HTTPStatus: hr.StatusCode, ErrCode: int(env.ErrCode), ErrMsg: redactString(env.ErrMsg),
				RequestID: parseRID(env.ErrMsg), Method: req.ep.method, Path: req.ep.path}
			resp.RequestID = apiErr.RequestID
			callErr = apiErr
			if isTokenInvalid(apiErr.ErrCode) && !replayed {
				if inv, ok := c.tokens.(TokenInvalidator); ok {
					replayed = true
					c.logCall(ctx, req, hr.StatusCode, apiErr.ErrCode, resp.Attempts, start, nil)
					if err := inv.InvalidateToken(ctx, tok); err != nil {
						return resp, fmt.Errorf("invalidate token: %w", err)
					}
					continue // replay once with a fresh token; not a retry
				}
			}
			switch apiErr.ErrCode {
			case CodeMinuteQuota:
				// Rejected by the quota, so not applied; the platform says
				// "retry next minute": hold this path until then.
				retryable = true
				minWait = c.holdUntilNextMinute(req.ep.path)
			case CodeSystemBusy:
				retryable = idem
			}
		}
		status := 0
		if hr != nil {
			status = hr.StatusCode
		}
		c.logCallRID(ctx, req, status, int(env.ErrCode), resp.Attempts, start, callErr, resp.RequestID)
		if !retryable || retries >= c.cfg.retry.MaxRetries {
			return resp, callErr
		}
		if err := sleepCtx(ctx, max(minWait, c.cfg.retry.backoff(retries))); err != nil {
			return resp, callErr
		}
		retries++
	}
}

// retryAfter returns the wait a 429 or 503 asks for in its Retry-After
// header (seconds, at most a minute), or 0.
func retryAfter(hr *http.Response) time.Duration {
	v := hr.Header.Get("Retry-After")
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0
	}
	return min(time.Duration(n)*time.Second, time.Minute)
}

// transientTokenError reports whether a token fetch failed for a reason
// that may pass: a transport error, a non-2xx status, a malformed answer,
// errcode -1 or 45011. Bad credentials and whitelist errors are not.
func transientTokenError(err error) bool {
	var te *TransportError
	var ae *APIError
	switch {
	case errors.As(err, &ae):
		return ae.ErrCode == CodeSystemBusy || ae.ErrCode == CodeMinuteQuota
	case errors.As(err, &te), errors.Is(err, ErrHTTPStatus), errors.Is(err, ErrMalformedResponse):
		return true
	}
	return false
}

// holdUntilNextMinute makes the limiter hold path until the next minute
// of the client's clock and returns how long that is.
func (c *Client) holdUntilNextMinute(path string) time.Duration {
	now := c.cfg.now()
	next := nextMinute(now)
	if c.limiter != nil {
		// A shared limiter that cannot record the hold still answers the
		// next calls (its fallback counts them); the call's own wait below
		// is unaffected.
		_ = c.limiter.Hold(context.Background(), path, next)
	}
	return next.Sub(now)
}

// nextMinute is the start of the minute after now's, when the platform's
// per-minute quotas refill.
func nextMinute(now time.Time) time.Time { return now.Truncate(time.Minute).Add(time.Minute) }

// send makes one HTTP request and reads the body.
func (c *Client) send(ctx context.Context, req *request, body []byte, ct, tok string) (*http.Response, []byte, error) {
	// The query is built by hand: the token goes last so the redacted copy
	// for Response.Request is the same string with the token replaced.
	var base string
	if len(req.query) > 0 {
		base = req.query.Encode() + "&"
	}
	u := c.cfg.baseURL + req.ep.path + "?" + base + "access_token=" + url.QueryEscape(tok)
	r := c.rc.R().SetContext(ctx).SetDoNotParseResponse(true)
	if body != nil {
		r.SetHeader("Content-Type", ct).SetBody(body)
	}
	res, err := r.Execute(req.ep.method, u)
	if err != nil {
		if res != nil && res.RawBody() != nil {
			res.RawBody().Close()
		}
		return nil, nil, redactErr(err)
	}
	hr := res.RawResponse
	body0 := hr.Body
	defer body0.Close()
	limit := int64(maxBodySize)
	if hr.StatusCode/100 != 2 {
		limit = maxErrorBodySize
	}
	raw, err := io.ReadAll(io.LimitReader(body0, limit))
	if err != nil {
		return nil, nil, redactErr(err)
	}
	redactResponse(hr) // also replaces the (closed) body with http.NoBody
	return hr, raw, nil
}

func (c *Client) logCall(ctx context.Context, req *request, status, code, attempt int, start time.Time, err error) {
	c.logCallRID(ctx, req, status, code, attempt, start, err, "")
}

func (c *Client) logCallRID(ctx context.Context, req *request, status, code, attempt int, start time.Time, err error, rid string) {
	lvl := slog.LevelDebug
	if err != nil {
		lvl = slog.LevelWarn
	}
	if !c.cfg.logger.Enabled(ctx, lvl) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", req.ep.method), slog.String("path", req.ep.path),
		slog.Int("status", status), slog.Int("errcode", code), slog.Int("attempt", attempt),
		slog.Duration("elapsed", time.Since(start)),
	}
	if rid != "" {
		attrs = append(attrs, slog.String("rid", rid))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", redactString(err.Error())))
	}
	c.cfg.logger.LogAttrs(ctx, lvl, "shopapi call", attrs...)
}

// TransportError is a failure to get an HTTP response (dial error, timeout,
// connection reset). Sent reports whether the request may have reached the
// server; the URL inside Err is redacted.
type TransportError struct {
	Method, Path string
	Sent         bool
	Err          error
}

// Error returns "POST /path: transport: <cause>".
func (e *TransportError) Error() string {
	return e.Method + " " + e.Path + ": transport: " + redactString(e.Err.Error())
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Err }

// Timeout reports whether the cause is a timeout.
func (e *TransportError) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.As(e.Err, &t) && t.Timeout() || errors.Is(e.Err, context.DeadlineExceeded)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// discardLogger silences resty.
type discardLogger struct{}

// Errorf discards.
func (discardLogger) Errorf(string, ...any) {}

// Warnf discards.
func (discardLogger) Warnf(string, ...any) {}

// Debugf discards.
func (discardLogger) Debugf(string, ...any) {}
