package notify

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

// Third-party platform mode (第三方平台). A service provider's platform
// receives two kinds of push:
//
//   - authorisation events (授权事件), as XML, at its 授权事件接收URL:
//     the component_verify_ticket every 10 minutes, and a shop authorising,
//     updating or revoking its authorisation ([AuthHandler]);
//   - the message pushes of every authorised shop, as the shops' own JSON
//     events, at its 消息与事件接收URL with $APPID$ replaced by the shop's
//     appid ([Router]).
//
// Both are encrypted and signed with the platform's (component's) Token and
// EncodingAESKey, and their plaintexts end with the component appid: one
// [Verifier] built with those serves both.

// The InfoType values of the authorisation events.
const (
	InfoComponentVerifyTicket = "component_verify_ticket"
	InfoAuthorized            = "authorized"
	InfoUnauthorized          = "unauthorized"
	InfoUpdateAuthorized      = "updateauthorized"
)

// AuthEvent is a decrypted authorisation event of a third-party platform.
// Which fields are set depends on InfoType: the ticket for
// component_verify_ticket; AuthorizerAppID, AuthorizationCode, its expiry
// and PreAuthCode for authorized and updateauthorized; AuthorizerAppID for
// unauthorized.
type AuthEvent struct {
	XMLName xml.Name `xml:"xml"`
	// AppID is the third-party platform's (component's) appid.
	AppID string `xml:"AppId"`
	// CreateTime is when the event was sent (Unix seconds).
	CreateTime int64 `xml:"CreateTime"`
	// InfoType is the event's kind (InfoAuthorized …).
	InfoType string `xml:"InfoType"`
	// ComponentVerifyTicket is the ticket the component token needs.
	ComponentVerifyTicket string `xml:"ComponentVerifyTicket,omitempty"`
	// AuthorizerAppID is the shop's appid.
	AuthorizerAppID string `xml:"AuthorizerAppid,omitempty"`
	// AuthorizationCode is exchanged for the shop's refresh token
	// (api_query_auth; shopapi.Fleet.Authorize).
	AuthorizationCode string `xml:"AuthorizationCode,omitempty"`
	// AuthorizationCodeExpiredTime is when the code expires (Unix seconds).
	AuthorizationCodeExpiredTime int64 `xml:"AuthorizationCodeExpiredTime,omitempty"`
	// PreAuthCode is the pre-authorisation code the shop used.
	PreAuthCode string `xml:"PreAuthCode,omitempty"`
}

// authBody is the XML envelope of an authorisation event.
type authBody struct {
	XMLName xml.Name `xml:"xml"`
	AppID   string   `xml:"AppId"`
	Encrypt string   `xml:"Encrypt"`
}

// ParseAuthEvent verifies and decrypts an authorisation event given its
// query and raw XML body: timestamp window, msg_signature, decryption with
// the component appid check, then XML decoding. The Verifier must be the
// component's.
func (v *Verifier) ParseAuthEvent(q url.Values, body []byte) (*AuthEvent, error) {
	if int64(len(body)) > v.opts.maxBody {
		return nil, fmt.Errorf("%w: %d bytes, cap %d", ErrBodyTooLarge, len(body), v.opts.maxBody)
	}
	var env authBody
	if err := xml.Unmarshal(body, &env); err != nil || env.Encrypt == "" {
		return nil, fmt.Errorf("%w: body is not the encrypted XML envelope of an authorisation event", ErrMalformed)
	}
	plain, err := v.Open(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), env.Encrypt, nil)
	if err != nil {
		return nil, err
	}
	var ev AuthEvent
	if err := xml.Unmarshal(plain, &ev); err != nil {
		return nil, fmt.Errorf("%w: plaintext is not an XML authorisation event", ErrMalformed)
	}
	if ev.InfoType == "" {
		return nil, fmt.Errorf("%w: authorisation event without InfoType", ErrMalformed)
	}
	return &ev, nil
}

// AuthCallbacks are what an [AuthHandler] does with each authorisation
// event; a nil callback ignores its events. A callback's error makes the
// handler answer 500, so the platform pushes the event again.
type AuthCallbacks struct {
	// Ticket keeps the component_verify_ticket where every instance's
	// component token source reads it (shopapi.NewComponentTokenSource).
	Ticket func(ctx context.Context, ticket string) error
	// Authorized runs when a shop authorises the platform, and
	// UpdateAuthorized when it changes its authorisation: exchange the code
	// for the shop's refresh token (shopapi.Fleet.Authorize).
	Authorized, UpdateAuthorized func(ctx context.Context, ev *AuthEvent) error
	// Unauthorized runs when a shop revokes the authorisation
	// (shopapi.Fleet.Remove).
	Unauthorized func(ctx context.Context, ev *AuthEvent) error
}

// AuthHandler is the http.Handler of a third-party platform's
// 授权事件接收URL: it verifies and decrypts each authorisation event, runs
// its callback and answers "success". A push that fails verification is
// answered as [StatusFor] says and logged at Warn (without secrets).
type AuthHandler struct {
	v      *Verifier
	cb     AuthCallbacks
	logger *slog.Logger
}

// NewAuthHandler returns the handler of the component's authorisation
// events. logger nil logs through slog.Default().
func NewAuthHandler(v *Verifier, cb AuthCallbacks, logger *slog.Logger) (*AuthHandler, error) {
	if v == nil {
		return nil, errors.New("notify: NewAuthHandler: nil Verifier")
	}
	if logger == nil {
		logger = slog.Default()
	}
	return &AuthHandler{v: v, cb: cb, logger: logger}, nil
}

// ServeHTTP implements http.Handler.
func (h *AuthHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	body, err := readBody(r, h.v.opts.maxBody)
	var ev *AuthEvent
	if err == nil {
		ev, err = h.v.ParseAuthEvent(r.URL.Query(), body)
	}
	if err == nil {
		err = h.dispatch(r.Context(), ev)
	}
	if err != nil {
		status := StatusFor(err)
		info := ""
		if ev != nil {
			info = ev.InfoType
		}
		h.logger.LogAttrs(r.Context(), slog.LevelWarn, "notify: authorisation event rejected",
			slog.String("info_type", info), slog.Int("status", status), slog.String("error", err.Error()))
		http.Error(w, http.StatusText(status), status)
		return
	}
	_, _ = w.Write([]byte("success"))
}

func (h *AuthHandler) dispatch(ctx context.Context, ev *AuthEvent) error {
	var err error
	switch ev.InfoType {
	case InfoComponentVerifyTicket:
		if h.cb.Ticket != nil {
			err = h.cb.Ticket(ctx, ev.ComponentVerifyTicket)
		}
	case InfoAuthorized:
		if h.cb.Authorized != nil {
			err = h.cb.Authorized(ctx, ev)
		}
	case InfoUpdateAuthorized:
		if h.cb.UpdateAuthorized != nil {
			err = h.cb.UpdateAuthorized(ctx, ev)
		}
	case InfoUnauthorized:
		if h.cb.Unauthorized != nil {
			err = h.cb.Unauthorized(ctx, ev)
		}
	}
	if err != nil {
		return fmt.Errorf("notify: %s of %s: %w", ev.InfoType, ev.AuthorizerAppID, err)
	}
	return nil
}

type merchantKey struct{}

// MerchantAppID returns the appid of the shop whose push a [Router] is
// delivering, or "".
func MerchantAppID(ctx context.Context) string {
	s, _ := ctx.Value(merchantKey{}).(string)
	return s
}

// Router serves the message pushes of many shops on one endpoint, as a
// third-party platform receives them: the platform posts each authorised
// shop's pushes to the provider's URL with $APPID$ replaced by the shop's
// appid. The router takes the appid from the request (by default the path
// value "appid": mount it as mux.Handle("POST /wechat/{appid}", router)),
// refuses shops the provider does not serve (404, logged), puts the appid
// in the request's context ([MerchantAppID]) and hands the push to the
// shop's handler.
//
// One [Handler] built with the component's [Verifier] can serve every shop:
// its default duplicate key includes the shop's ToUserName, so duplicates
// are suppressed per shop, and a [DedupStore] in Redis does it across
// instances. A Router is safe for concurrent use.
type Router struct {
	lookup func(appID string) http.Handler
	appID  func(*http.Request) string
	logger *slog.Logger

	mu      sync.Mutex
	unknown map[string]int // refused appids → count (bounded)
}

// NewRouter returns a router whose lookup gives the handler of a shop, or
// nil for a shop the provider does not serve (for instance
// shopapi.Fleet's membership). appID, when nil, reads the path value
// "appid". logger nil logs through slog.Default().
func NewRouter(lookup func(appID string) http.Handler, appID func(*http.Request) string, logger *slog.Logger) (*Router, error) {
	if lookup == nil {
		return nil, errors.New("notify: NewRouter: nil lookup")
	}
	if appID == nil {
		appID = func(r *http.Request) string { return r.PathValue("appid") }
	}
	if logger == nil {
		logger = slog.Default()
	}
	return &Router{lookup: lookup, appID: appID, logger: logger, unknown: map[string]int{}}, nil
}

// ServeHTTP implements http.Handler.
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	app := rt.appID(r)
	var h http.Handler
	if app != "" {
		h = rt.lookup(app)
	}
	if h == nil {
		n := rt.countUnknown(app)
		rt.logger.LogAttrs(r.Context(), slog.LevelWarn, "notify: push for a shop this provider does not serve",
			slog.String("appid", app), slog.Int("times", n))
		http.NotFound(w, r)
		return
	}
	h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), merchantKey{}, app)))
}

const maxUnknownTracked = 1024

func (rt *Router) countUnknown(app string) int {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if _, ok := rt.unknown[app]; !ok && len(rt.unknown) >= maxUnknownTracked {
		return 0
	}
	rt.unknown[app]++
	return rt.unknown[app]
}

// Unknown returns how many pushes were refused per unserved appid (at most
// 1024 appids are tracked).
func (rt *Router) Unknown() map[string]int {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	out := make(map[string]int, len(rt.unknown))
	for k, v := range rt.unknown {
		out[k] = v
	}
	return out
}

// String describes the event without secrets (the ticket and the
// authorisation code are credentials).
func (e *AuthEvent) String() string {
	return "AuthEvent(" + e.InfoType + ", component " + e.AppID + ", shop " + e.AuthorizerAppID + ", at " + strconv.FormatInt(e.CreateTime, 10) + ")"
}
