package shopapitest

// Extension points (for the engineers adding endpoints or state to the fake):
//
//   - Routes: in the area's file, add an unexported func xxxRoutes() []route
//     returning its table, and list that func once in [routes] below. A
//     route is method, path and a handler func(s *Server, c *call) (any, error).
//     The handler runs with s.mu held, after the token check and fault
//     injection; it returns the response object (encoded next to errcode 0 /
//     errmsg "ok") or an error from apiErr(code, msg), which becomes the
//     errcode envelope. Decode the body with c.decode(&v) (a type mismatch
//     answers 47001, as the platform). The table is built once, when the
//     package is initialised, by newRouteTable; there is no init() and no
//     registration order to depend on, and a path listed twice panics there
//     (so every test run catches it).
//   - State: keep it in the new file behind stateOf[T](s, "orders", newT),
//     which lazily creates one *T per Server (guarded by s.mu).
//   - IDs: s.newID() returns a fresh 64-bit id above 2^53, as a string.
//   - Faults and call counts need nothing: they apply to every path.
//   - Spellings: a route is listed once under its registry path
//     (shopapi.Endpoints); the fake serves the registry's aliases too, and
//     counts calls, faults and quotas of every spelling as one endpoint.
//   - Stateful resources live in a shared table (resource.go: ids,
//     "not found" errcodes, offset / next_key / page pagination), not in a
//     hand-written store per endpoint.
//   - Conformance: every endpoint with an official fixture
//     (../testdata/official) needs a tour (conformance_test.go) that
//     exercises it; its answers and its reading of requests are then held
//     to the same examples as the client.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Default credentials of a fake server.
const (
	DefaultAppID     = "wxfake00000000001"
	DefaultAppSecret = "fake-app-secret-0123456789abcdef"
)

// Option configures a [Server]. Options are validated when the server is
// made: an invalid one makes [New] return an error naming the option and
// the rule, and [NewServer] fail the test. A nil Option is an error.
type Option func(*config) error

// config is what the options set.
type config struct {
	now                             func() time.Time
	appID, secret                   string
	componentAppID, componentSecret string
	tokenTTL                        time.Duration
	autoAudit                       bool
	strictCategories                bool
	orders                          orderConfig
}

// defaultConfig returns the configuration of a server made without options.
func defaultConfig() config {
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		panic("shopapitest: the seed fee schedule is invalid: " + err.Error()) // a defect of package fees
	}
	return config{
		now:      time.Now,
		appID:    DefaultAppID,
		secret:   DefaultAppSecret,
		tokenTTL: 7200 * time.Second,
		orders:   orderConfig{serviceRate: defaultServiceRate, calc: calc, timers: DefaultLifecycleTimers()},
	}
}

// WithClock sets the fake's clock (token expiry, create times, lifecycle
// timers, push schedule). Default time.Now. A nil clock is an error.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("shopapitest: WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithCredentials sets the shop's AppID and AppSecret (default
// [DefaultAppID], [DefaultAppSecret]); both must be non-empty.
func WithCredentials(appID, secret string) Option {
	return func(c *config) error {
		if err := checkCredentials("WithCredentials", appID, secret); err != nil {
			return err
		}
		c.appID, c.secret = appID, secret
		return nil
	}
}

// checkCredentials reports an empty appid or secret (never their values).
func checkCredentials(option, appID, secret string) error {
	switch {
	case appID == "":
		return fmt.Errorf("shopapitest: %s: empty appid", option)
	case secret == "":
		return fmt.Errorf("shopapitest: %s: empty secret", option)
	}
	return nil
}

// WithTokenTTL sets the lifetime of issued tokens (default 7200 s); it
// must be positive.
func WithTokenTTL(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("shopapitest: WithTokenTTL: TTL must be positive, got %v", d)
		}
		c.tokenTTL = d
		return nil
	}
}

// WithComponent enables the third-party platform endpoints with these
// credentials; the shop is then authorised to that platform. Both must be
// non-empty.
func WithComponent(appID, secret string) Option {
	return func(c *config) error {
		if err := checkCredentials("WithComponent", appID, secret); err != nil {
			return err
		}
		c.componentAppID, c.componentSecret = appID, secret
		return nil
	}
}

// WithAutoAudit makes every audit submission pass at once (edit_status 2 → 4).
func WithAutoAudit() Option {
	return func(c *config) error {
		c.autoAudit = true
		return nil
	}
}

// WithCategoryPermissions makes the fake refuse, as the platform does, a
// product whose leaf category the shop has no permission for (errcode
// 10020018): a category with a qualification requirement ([CatNuts],
// [CatCream]) is granted only once its application is approved
// (ApproveCategory). Without it every category of the fake's tree is open.
func WithCategoryPermissions() Option {
	return func(c *config) error {
		c.strictCategories = true
		return nil
	}
}

// Server is a stateful in-memory fake of the shop API: the same paths, the
// errcode envelope, the platform's validation and error codes, token
// issuance and expiry, and per-path fault injection. It is safe for
// concurrent use.
type Server struct {
	mu  sync.Mutex
	t   testing.TB
	hs  *httptest.Server
	seq uint64
	rid uint64
	ext map[string]any
	// observe, when set (by the conformance tests), sees every successful
	// answer, the type it was encoded from and the types its request was
	// decoded into.
	observe func(path string, decoded []reflect.Type, answerType reflect.Type, answer []byte)

	// config is what the options set; it is not changed afterwards.
	config

	tokens       map[string]time.Time // access tokens (shop and authorizer) → expiry
	stableToken  string
	lastForce    time.Time
	compTokens   map[string]time.Time
	ticket       string
	refreshToken string
	// authorized maps the other shops authorised to the component to their
	// refresh tokens (merchants.go); authorizerFetches counts the
	// authorizer tokens issued per shop.
	authorized        map[string]string
	authorizerFetches map[string]int
	tokenShop         map[string]string // authorizer token → shop appid
	tokenFetches      int
	calls             map[string]int
	faults            map[string][]*Fault
	products          map[string]*product
	productOrder      []string
}

// NewServer starts a fake on a local port and closes it when t ends. An
// invalid option fails the test (t.Fatal).
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	s.t = t
	t.Cleanup(s.Close)
	return s
}

// New starts a fake on a local port for programs (call Close when done).
// It reports the first invalid option and then starts nothing.
func New(opts ...Option) (*Server, error) {
	cfg := defaultConfig()
	for i, o := range opts {
		if o == nil {
			return nil, fmt.Errorf("shopapitest: nil Option (argument %d)", i)
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	s := &Server{
		config:            cfg,
		ext:               make(map[string]any),
		tokens:            make(map[string]time.Time),
		calls:             make(map[string]int),
		authorizerFetches: make(map[string]int),
		tokenShop:         make(map[string]string),
		faults:            make(map[string][]*Fault),
		products:          make(map[string]*product),
		compTokens:        make(map[string]time.Time),
		seq:               10_000_000_000_000_000, // > 2^53, like the platform's ids
	}
	s.ticket = "ticket@@@" + strconv.FormatUint(s.seq%997, 10)
	s.refreshToken = "refreshtoken@@@" + s.appID
	s.hs = httptest.NewServer(s)
	return s, nil
}

// Close shuts the HTTP server down.
func (s *Server) Close() { s.hs.Close() }

// URL returns the base URL to pass to shopapi.WithBaseURL.
func (s *Server) URL() string { return s.hs.URL }

// AppID returns the shop's AppID.
func (s *Server) AppID() string { return s.appID }

// AppSecret returns the shop's AppSecret.
func (s *Server) AppSecret() string { return s.secret }

// ComponentVerifyTicket returns the current component_verify_ticket (the
// platform pushes it every 10 minutes).
func (s *Server) ComponentVerifyTicket() string { return s.ticket }

// AuthorizerRefreshToken returns the shop's authorizer_refresh_token for
// the component set by [WithComponent].
func (s *Server) AuthorizerRefreshToken() string { return s.refreshToken }

// HTTPClient returns an *http.Client that reaches the server over loopback.
func (s *Server) HTTPClient() *http.Client { return s.hs.Client() }

// Transport returns an http.RoundTripper that serves requests in-process,
// without a network: deterministic under testing/synctest. A dropped
// connection becomes io.ErrUnexpectedEOF and [FaultRefuse] a dial error.
func (s *Server) Transport() http.RoundTripper { return inproc{s} }

// TokenFetches returns how many tokens the server has issued (all token
// endpoints).
func (s *Server) TokenFetches() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenFetches
}

// Calls returns how many requests reached path (faulted ones included).
func (s *Server) Calls(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[canonical(path)]
}

// InvalidateTokens revokes every access token issued so far, as when
// another process re-fetched the token: the next call gets errcode 40001.
func (s *Server) InvalidateTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.invalidateTokensLocked()
}

func (s *Server) invalidateTokensLocked() {
	clear(s.tokens)
	s.stableToken = ""
}

// Client returns a client for this server over loopback with a caching
// stable_token source; it fails the test (or panics without one) on a bad
// option.
func (s *Server) Client(opts ...shopapi.Option) *shopapi.Client {
	c, err := s.NewClient(s.HTTPClient(), opts...)
	if err != nil {
		if s.t != nil {
			s.t.Fatalf("shopapitest: %v", err)
		}
		panic("shopapitest: " + err.Error())
	}
	return c
}

// NewClient returns a client for this server whose calls and token fetches
// go through hc (use &http.Client{Transport: s.Transport()} for an
// in-process client).
func (s *Server) NewClient(hc *http.Client, opts ...shopapi.Option) (*shopapi.Client, error) {
	ts, err := s.TokenSource(hc)
	if err != nil {
		return nil, err
	}
	all := append([]shopapi.Option{shopapi.WithBaseURL(s.URL()), shopapi.WithHTTPClient(hc)}, opts...)
	return shopapi.NewClient(ts, all...)
}

// TokenSource returns a caching stable_token source for this server's shop.
func (s *Server) TokenSource(hc *http.Client, opts ...shopapi.Option) (*shopapi.CachingTokenSource, error) {
	all := append([]shopapi.Option{shopapi.WithBaseURL(s.URL()), shopapi.WithHTTPClient(hc)}, opts...)
	return shopapi.NewShopTokenSource(s.appID, s.secret, all...)
}

// route is one endpoint of the fake.
type route struct {
	method string
	path   string
	h      func(s *Server, c *call) (any, error)
	// noAuth marks the token endpoints, which take credentials instead.
	noAuth bool
}

// routes maps each path the fake serves to its route. It is built once and
// only read afterwards.
var routes = newRouteTable(routeTables...)

// routeTables lists the route table of every group.
var routeTables = []func() []route{
	tokenRoutes,
	catalogRoutes,
	productRoutes,
	orderRoutes,
	deliveryRoutes,
	aftersaleRoutes,
	fundRoutes,
	quotaRoutes,

	// fulfilment (issue 15)
	addressRoutes,
	freightRoutes,
	ewaybillRoutes,
	deliveryExtraRoutes,
	warehouseRoutes,

	// onboarding (issue 16)
	onboardingRoutes,
	categoryRuleRoutes,
	productToolRoutes,

	// after-sales and funds (issue 17)
	aftersaleExtraRoutes,
	guaranteeRoutes,
	fundsBankRoutes,
	orderExtraRoutes,
	complaintExtraRoutes,

	// marketing (issue 18)
	couponRoutes, flashSaleRoutes, giftRoutes, memberRoutes, sharerRoutes,

	// live and data (issue 19)
	showcaseRoutes,
	liveRoutes,
	compassRoutes,

	// homepage, dropship, league, head suppliers, talents (issue 20)
	dropshipRoutes,
	headSupplierRoutes,
	homepageRoutes, talentRoutes, leagueRoutes,

	// cooperation, inspection, kf, favorites, invoices, mini-programs, network, quota tools (issue 20)
	toolRoutes, cooperationRoutes, kfRoutes, invoiceRoutes, miniProgramGiftRoutes,
}

// newRouteTable indexes the routes of every table by path. A path listed
// twice is a programming error in this package and panics.
func newRouteTable(tables ...func() []route) map[string]route {
	m := make(map[string]route)
	add := func(path string, r route) {
		if _, dup := m[path]; dup {
			panic("shopapitest: route " + path + " listed twice")
		}
		m[path] = r
	}
	for _, table := range tables {
		for _, r := range table() {
			// The platform answers every spelling of an endpoint (the
			// /shop/ec/… path and its older /channels/ec/… alias): so
			// does the fake, from the client's registry.
			if e, ok := shopapi.LookupEndpoint(r.path); ok {
				add(e.Path, r)
				for _, a := range e.Aliases {
					add(a, r)
				}
				continue
			}
			add(r.path, r)
		}
	}
	return m
}

// canonical returns the registry's spelling of an endpoint's path (the
// /shop/ec/… form of a /channels/ec/… alias), so that calls, faults and
// quotas count both spellings as one endpoint, as the platform does.
func canonical(path string) string {
	if e, ok := shopapi.LookupEndpoint(path); ok {
		return e.Path
	}
	return path
}

// servedPath reports whether the fake serves path.
func servedPath(path string) bool {
	_, ok := routes[path]
	return ok
}

// call is one request as a handler sees it.
type call struct {
	// decoded lists the types the handler decoded the body into (the
	// conformance tests hold them to the official request examples).
	decoded []reflect.Type
	r       *http.Request
	body    []byte
	query   url.Values
	token   string
	// served reports whether the fake serves a path (the route table,
	// which handlers cannot name without an initialisation cycle).
	served func(path string) bool
}

// decode decodes the JSON body into v; a bad body answers 47001 or 44002.
func (c *call) decode(v any) error {
	if len(bytes.TrimSpace(c.body)) == 0 {
		return apiErr(shopapi.CodeEmptyPostData, "empty post data")
	}
	c.decoded = append(c.decoded, reflect.TypeOf(v))
	if err := json.Unmarshal(c.body, v); err != nil {
		return apiErr(shopapi.CodeDataFormat, "data format error")
	}
	return nil
}

// apiError is an errcode answer.
type apiError struct {
	code int
	msg  string
}

// Error returns "code message".
func (e *apiError) Error() string { return strconv.Itoa(e.code) + " " + e.msg }

func apiErr(code int, msg string) error { return &apiError{code, msg} }

// stateOf returns the per-server state under key, creating it with newT.
// The caller holds s.mu (handlers do).
func stateOf[T any](s *Server, key string, newT func() *T) *T {
	if v, ok := s.ext[key]; ok {
		return v.(*T)
	}
	v := newT()
	s.ext[key] = v
	return v
}

// newID returns a fresh 64-bit id (> 2^53) as a decimal string.
func (s *Server) newID() string {
	s.seq += 1 + s.seq%7
	return strconv.FormatUint(s.seq, 10)
}

// convertIDs converts between the fake's internal string ids and the
// vcart.ID of its public API.
func convertIDs[To, From ~string](in []From) []To {
	if in == nil {
		return nil
	}
	out := make([]To, len(in))
	for i, id := range in {
		out[i] = To(id)
	}
	return out
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	if err != nil {
		return
	}
	s.mu.Lock()
	s.calls[canonical(r.URL.Path)]++
	f := s.takeFault(canonical(r.URL.Path))
	s.mu.Unlock()

	if f != nil {
		switch f.Kind {
		case FaultHTTPStatus:
			if f.RetryAfter > 0 {
				w.Header().Set("Retry-After", strconv.Itoa(int(f.RetryAfter/time.Second)))
			}
			w.WriteHeader(f.Status)
			_, _ = io.WriteString(w, "<html>"+http.StatusText(f.Status)+"</html>")
			return
		case FaultErrCode:
			s.writeErr(w, f.Code, "injected fault")
			return
		case FaultMalformedJSON:
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"errcode":0,"errmsg":"ok","data":{"product_id":`)
			return
		case FaultTimeout:
			s.hang(r, f)
			panic(http.ErrAbortHandler)
		case FaultRefuse:
			if r.Context().Value(inprocKey{}) != nil {
				panic(errRefuse) // the in-process transport turns it into a dial error
			}
			panic(http.ErrAbortHandler) // over loopback the request was already sent
		case FaultDropBefore:
			panic(http.ErrAbortHandler)
		case FaultInvalidateToken:
			s.InvalidateTokens()
		}
	}
	status, out := s.handle(r, body)
	if f != nil && (f.Kind == FaultApplyThenDrop || f.Kind == FaultApplyThenTimeout) {
		if f.Kind == FaultApplyThenTimeout {
			s.hang(r, f)
		}
		panic(http.ErrAbortHandler)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

func (s *Server) hang(r *http.Request, f *Fault) {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-r.Context().Done():
		case <-t.C:
		}
		return
	}
	<-r.Context().Done()
}

// handle runs the route and returns the status and body.
func (s *Server) handle(r *http.Request, body []byte) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rt, ok := routes[r.URL.Path]
	if !ok {
		return 200, s.errBody(shopapi.CodeInvalidURL, "invalid url")
	}
	if r.Method != rt.method {
		if rt.method == http.MethodGet {
			return 200, s.errBody(shopapi.CodeRequireGET, "require GET method")
		}
		return 200, s.errBody(shopapi.CodeRequirePOST, "require POST method")
	}
	c := &call{r: r, body: body, query: r.URL.Query(), served: servedPath}
	if !rt.noAuth {
		c.token = c.query.Get("access_token")
		if err := s.checkToken(c.token); err != nil {
			var ae *apiError
			errors.As(err, &ae)
			return 200, s.errBody(ae.code, ae.msg)
		}
	}
	var res any
	err := s.takeQuota(s.tokenShop[c.token], canonical(r.URL.Path))
	if err == nil {
		res, err = rt.h(s, c)
	}
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = &apiError{-1, "system error"}
		}
		return 200, s.errBody(ae.code, ae.msg)
	}
	b := okBody(res)
	if s.observe != nil {
		s.observe(canonical(r.URL.Path), c.decoded, reflect.TypeOf(res), b)
	}
	return 200, b
}

func (s *Server) checkToken(tok string) error {
	if tok == "" {
		return apiErr(shopapi.CodeAccessTokenMissing, "access_token missing")
	}
	exp, ok := s.tokens[tok]
	if !ok {
		return apiErr(shopapi.CodeInvalidCredential, "invalid credential, access_token is invalid or not latest")
	}
	if !s.now().Before(exp) {
		return apiErr(shopapi.CodeAccessTokenExpired, "access_token expired")
	}
	return nil
}

func okBody(res any) []byte {
	head := []byte(`{"errcode":0,"errmsg":"ok"`)
	if res == nil {
		return append(head, '}')
	}
	b, err := json.Marshal(res)
	if err != nil || len(b) < 2 || b[0] != '{' {
		return []byte(`{"errcode":-1,"errmsg":"system error"}`)
	}
	if len(b) == 2 {
		return append(head, '}')
	}
	return append(append(head, ','), b[1:]...)
}

func (s *Server) errBody(code int, msg string) []byte {
	s.rid++
	rid := fmt.Sprintf("6a1f%04x-%08x-%08x", s.rid%0x10000, s.rid*2654435761%0xffffffff, s.rid)
	b, _ := json.Marshal(map[string]any{"errcode": code, "errmsg": msg + " rid: " + rid})
	s.recordRID(rid, b) // for rid/get (tools.go)
	return b
}

func (s *Server) writeErr(w http.ResponseWriter, code int, msg string) {
	s.mu.Lock()
	b := s.errBody(code, msg)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

var errRefuse = errors.New("shopapitest: refuse")

// inprocKey marks requests served by the in-process transport.
type inprocKey struct{}

// inproc serves requests without a network.
type inproc struct{ s *Server }

// RoundTrip serves req in-process.
func (t inproc) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	if req.Body != nil {
		defer req.Body.Close()
	}
	sreq := req.Clone(context.WithValue(req.Context(), inprocKey{}, true))
	if sreq.Body == nil {
		sreq.Body = http.NoBody
	}
	w := httptest.NewRecorder()
	aborted := false
	func() {
		defer func() {
			if r := recover(); r != nil {
				switch r {
				case http.ErrAbortHandler:
					aborted = true
				case errRefuse:
					err = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
				default:
					panic(r)
				}
			}
		}()
		t.s.ServeHTTP(w, sreq)
	}()
	if err != nil {
		return nil, err
	}
	if aborted {
		if cerr := req.Context().Err(); cerr != nil {
			return nil, cerr
		}
		return nil, io.ErrUnexpectedEOF
	}
	res := w.Result()
	res.Request = req
	return res, nil
}
