package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"
)

// DefaultHandlerTimeout bounds a registered handler's work on one push. It
// leaves a second of the platform's 5-second budget for verification, the
// dedup store and the network.
const DefaultHandlerTimeout = 4 * time.Second

// HandlerFunc handles one decoded event. Returning an error (or not
// returning within the handler timeout) answers the push with a failure, so
// the platform pushes it again. It must honour ctx.
type HandlerFunc func(ctx context.Context, ev Event) error

// handlerSettings is what the options set for Handler and PayV3Handler:
// duplicate suppression, the deadline and the logger.
type handlerSettings struct {
	store   DedupStore
	ttl     time.Duration
	procTTL time.Duration // 0: timeout + DefaultProcessingMargin
	timeout time.Duration
	key     func(*Message, Event) string
	log     *slog.Logger // nil: slog.Default() at the time of logging
}

// handlerConfig is a handler's settings and its deliveries in flight.
type handlerConfig struct {
	handlerSettings
	inflight sync.Map // dedup key → struct{}: deliveries being handled here
}

// logger returns the configured logger, or slog.Default().
func (c *handlerConfig) logger() *slog.Logger {
	if c.log != nil {
		return c.log
	}
	return slog.Default()
}

func newHandlerConfig(opts []Option) (*handlerConfig, error) {
	o, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	c := &handlerConfig{handlerSettings: o.handler}
	c.log = o.log
	if c.store == nil {
		c.store = &MemoryDedupStore{entries: make(map[string]memClaim), max: o.dedupMax, now: o.now}
	}
	if c.procTTL == 0 {
		c.procTTL = c.timeout + DefaultProcessingMargin
	}
	if c.procTTL < c.timeout {
		return nil, fmt.Errorf("%w: processing TTL %v is shorter than the handler timeout %v", ErrDedupTTL, c.procTTL, c.timeout)
	}
	return c, nil
}

// WithDedupStore sets the duplicate-suppression store (default: a fresh
// [MemoryDedupStore]). Use a shared store when several instances receive
// pushes for the same shops.
func WithDedupStore(s DedupStore) Option {
	return func(o *options) error {
		h := &o.handler
		if s == nil {
			return errors.New("notify: nil DedupStore")
		}
		h.store = s
		return nil
	}
}

// WithDedupTTL sets how long a successfully handled push is remembered
// (the "done" mark; default [DefaultDedupTTL]).
func WithDedupTTL(d time.Duration) Option {
	return func(o *options) error {
		h := &o.handler
		if d <= 0 {
			return fmt.Errorf("%w (got %v)", ErrDedupTTL, d)
		}
		h.ttl = d
		return nil
	}
}

// WithProcessingTTL sets the lifetime of the "processing" claim a delivery
// holds while its handler runs (default: the handler timeout plus
// [DefaultProcessingMargin]). It must not be shorter than the handler
// timeout. While it lives, a duplicate push is answered 503
// ([ErrInFlight]); if the instance dies mid-handling, the platform's
// retries after it expires are handled.
func WithProcessingTTL(d time.Duration) Option {
	return func(o *options) error {
		h := &o.handler
		if d <= 0 {
			return fmt.Errorf("%w (got %v)", ErrDedupTTL, d)
		}
		h.procTTL = d
		return nil
	}
}

// WithDedupKey replaces [DedupKey] as the key derivation.
func WithDedupKey(fn func(m *Message, ev Event) string) Option {
	return func(o *options) error {
		h := &o.handler
		if fn == nil {
			return errors.New("notify: nil dedup key function")
		}
		h.key = fn
		return nil
	}
}

// WithHandlerTimeout sets the deadline of a handler's work on one push
// (default [DefaultHandlerTimeout]); keep it below the platform's 5 seconds.
func WithHandlerTimeout(d time.Duration) Option {
	return func(o *options) error {
		h := &o.handler
		if d <= 0 {
			return fmt.Errorf("notify: handler timeout must be positive, got %v", d)
		}
		h.timeout = d
		return nil
	}
}

// WithLogger sets where a handler logs rejected and failed deliveries, and
// where a certificate source logs its scheduled refreshes. The
// default is [slog.Default] (looked up at each log line, so a later
// slog.SetDefault applies): a failed verification is a Warn that must be
// seen, not discarded. Pass a logger with a discarding handler to silence
// it. Logs carry the event name, the dedup key, the status and the error
// (a recovered panic also its stack), never a token, key or plaintext.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) error {
		if l == nil {
			return errors.New("notify: nil logger")
		}
		o.log = l
		return nil
	}
}

// Handler is the http.Handler for the store's message push URL: it answers
// GET URL verification with echostr and, for POST pushes, verifies, decrypts
// and decodes the event, suppresses duplicates and dispatches to the
// registered [HandlerFunc] synchronously under a deadline, answering
// "success" only once the handler has succeeded. It is safe for concurrent
// use; register handlers before serving.
type Handler struct {
	v   *Verifier
	cfg *handlerConfig

	mu       sync.RWMutex
	routes   map[string]HandlerFunc
	fallback HandlerFunc
}

// NewHandler returns a Handler that verifies with v.
func NewHandler(v *Verifier, opts ...Option) (*Handler, error) {
	if v == nil {
		return nil, errors.New("notify: nil Verifier")
	}
	cfg, err := newHandlerConfig(opts)
	if err != nil {
		return nil, err
	}
	return &Handler{v: v, cfg: cfg, routes: make(map[string]HandlerFunc)}, nil
}

// On registers fn for the event name (replacing any earlier one), including
// names outside the catalogue, which arrive as [*UnknownEvent]. A nil fn
// removes the registration.
func (h *Handler) On(event string, fn HandlerFunc) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if fn == nil {
		delete(h.routes, event)
		return
	}
	h.routes[event] = fn
}

// OnUnknown registers the fallback fn for every event without its own
// handler, including [*UnknownEvent]s, and for catalogue events whose JSON
// does not fit their typed struct (an [*UnknownEvent] with Err set). Without
// it, an undecodable event that has a handler is answered 500 (so the
// platform retries and the operator sees it), and an event nobody handles
// is acknowledged with a Warn log (see the package doc, "Unhandled events").
func (h *Handler) OnUnknown(fn HandlerFunc) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fallback = fn
}

// Handle registers a typed handler: fn receives the event already asserted
// to E, e.g. Handle(h, EventOrderPay, func(ctx context.Context, e
// *OrderPayEvent) error {…}). It fails when E is not the catalogue's type
// for event; an event that arrives undecodable goes to the OnUnknown
// handler instead, or is answered 500 ([ErrUndecodable]) without one.
func Handle[E Event](h *Handler, event string, fn func(context.Context, E) error) error {
	if fn == nil {
		return errors.New("notify: nil handler")
	}
	if proto := NewEvent(event); proto != nil {
		if _, ok := proto.(E); !ok {
			var zero E
			return fmt.Errorf("notify: event %q decodes to %T, not %T", event, proto, zero)
		}
	}
	h.On(event, func(ctx context.Context, ev Event) error {
		e, ok := ev.(E)
		if !ok {
			return h.dispatchFallback(ctx, ev)
		}
		return fn(ctx, e)
	})
	return nil
}

func (h *Handler) dispatchFallback(ctx context.Context, ev Event) error {
	h.mu.RLock()
	fb := h.fallback
	h.mu.RUnlock()
	if fb == nil {
		return undecodable(ev)
	}
	return fb(ctx, ev)
}

// route picks the handler of ev: nil (and no error) when nobody subscribed
// to it, an error wrapping [ErrUndecodable] when ev failed typed decoding,
// has a handler that expects the typed struct and there is no fallback.
func (h *Handler) route(ev Event) (HandlerFunc, error) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	fn, subscribed := h.routes[ev.EventName()]
	// An event that is in the catalogue but failed typed decoding goes to
	// the fallback: its registered handler expects the typed struct. An
	// event outside the catalogue can have its own handler (On, or
	// Handle[*UnknownEvent]).
	if u, unknown := ev.(*UnknownEvent); unknown && u.Err != nil {
		switch {
		case h.fallback != nil:
			return h.fallback, nil
		case subscribed:
			return nil, undecodable(ev)
		}
		return nil, nil
	}
	if subscribed {
		return fn, nil
	}
	return h.fallback, nil
}

// undecodable describes a decode failure without quoting the plaintext:
// for a type mismatch it names the field and the JSON kind only.
func undecodable(ev Event) error {
	detail := "does not fit its typed struct"
	if u, ok := ev.(*UnknownEvent); ok && u.Err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(u.Err, &te) {
			detail = fmt.Sprintf("field %q: JSON %s does not fit %v", te.Field, te.Value, te.Type)
		}
	}
	return fmt.Errorf("%w: %s %s", ErrUndecodable, ev.EventName(), detail)
}

// DedupKey is the default duplicate-suppression key of a push:
//
//	"push:" + ToUserName + ":" + Event + ":" + CreateTime + ":" + hex(sha256(body))[:32]
//
// where body is the typed event re-encoded with encoding/json (so a retry
// that sends an ID as a number instead of a string still matches) or, for an
// [*UnknownEvent], the plaintext. Store events carry no MsgId, and the
// platform re-pushes the same event with the same CreateTime, so this
// identifies a delivery across its up to 10 pushes, while two different
// events of the same object in the same second (a status change, say) get
// different keys.
func DedupKey(m *Message, ev Event) string {
	var body []byte
	if u, ok := ev.(*UnknownEvent); ok || ev == nil {
		if u != nil && len(u.Raw) > 0 {
			body = u.Raw
		} else {
			body = m.Plaintext
		}
	} else if b, err := json.Marshal(ev); err == nil {
		body = b
	} else {
		body = m.Plaintext
	}
	sum := sha256.Sum256(body)
	return "push:" + m.ToUserName + ":" + m.Event + ":" + strconv.FormatInt(int64(m.CreateTime), 10) + ":" + hex.EncodeToString(sum[:16])
}

// ServeHTTP implements http.Handler. Answers: GET → 200 echostr (403 on a bad
// signature); POST → 200 "success" when handled or a duplicate, 403 when
// verification fails (missing or bad signature, stale timestamp, wrong
// AppID, undecryptable), 413 above the body cap, 400 for a malformed body,
// 500 when the handler or the dedup store fails or a subscribed event does
// not decode and there is no fallback ([ErrUndecodable]), and 503 when the
// handler times out or a duplicate is still in flight (in this or another
// instance). Every non-200 makes the platform push again. An event nobody
// subscribed to is answered 200 and logged at Warn.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		echo, err := h.v.VerifyURL(r.URL.Query())
		if err != nil {
			h.fail(w, r, "", err)
			return
		}
		// echostr is not covered by the signature: answer it as inert text.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write([]byte(echo))
	case http.MethodPost:
		body, err := readBody(r, h.v.opts.maxBody)
		if err != nil {
			h.fail(w, r, "", err)
			return
		}
		m, ev, err := h.v.ParseEvent(r.URL.Query(), body)
		if err != nil {
			h.fail(w, r, "", err)
			return
		}
		if err := h.deliver(r.Context(), m, ev); err != nil {
			h.fail(w, r, m.Event, err)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("success"))
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// StatusFor maps an error of this package to the HTTP status ServeHTTP
// answers with.
func StatusFor(err error) int {
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, ErrUndecodable):
		return http.StatusInternalServerError
	case errors.Is(err, ErrBodyTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, ErrMalformed):
		return http.StatusBadRequest
	case errors.Is(err, ErrMissingSignature), errors.Is(err, ErrBadSignature), errors.Is(err, ErrStale),
		errors.Is(err, ErrAppIDMismatch), errors.Is(err, ErrDecrypt), errors.Is(err, ErrUnknownSerial):
		return http.StatusForbidden
	case errors.Is(err, ErrHandlerTimeout), errors.Is(err, ErrInFlight):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, event string, err error) {
	status := StatusFor(err)
	h.cfg.logger().LogAttrs(r.Context(), slog.LevelWarn, "notify: push rejected",
		slog.String("event", event), slog.Int("status", status), slog.String("error", err.Error()))
	http.Error(w, http.StatusText(status), status)
}

// Deliver is the dispatch half of ServeHTTP for an already verified message:
// it decodes the event, claims its dedup key as "processing" (a delivery
// already done returns nil at once), runs the registered handler under the
// handler timeout, then marks the key "done" on success or releases it on
// failure, so the next push is handled again. It returns
// [ErrHandlerTimeout] when the handler overruns (the handler keeps running
// with a cancelled context; its outcome completes or releases the key
// then), [ErrInFlight] when the same delivery is still being handled by
// this or another instance sharing the store, and [ErrUndecodable] for an
// undecodable event with a handler but no fallback. An event with no
// handler and no fallback returns nil after a Warn log.
func (h *Handler) Deliver(ctx context.Context, m *Message) error {
	ev, err := m.Decode()
	if err != nil {
		if !errors.Is(err, ErrMalformed) {
			return err
		}
		ev = &UnknownEvent{Header: m.Header, Raw: m.Plaintext, Err: err}
	}
	return h.deliver(ctx, m, ev)
}

func (h *Handler) deliver(ctx context.Context, m *Message, ev Event) error {
	fn, err := h.route(ev)
	if err != nil {
		return err
	}
	if fn == nil {
		// Nobody subscribed: acknowledge, visibly (see the package doc).
		h.cfg.logger().LogAttrs(ctx, slog.LevelWarn, "notify: no handler for event, acknowledged",
			slog.String("event", ev.EventName()), slog.String("key", h.cfg.key(m, ev)))
		return nil
	}
	return h.cfg.run(ctx, h.cfg.key(m, ev), ev.EventName(), func(ctx context.Context) error {
		return fn(ctx, ev)
	})
}

// run claims key as "processing", runs fn under the deadline, then marks
// key "done" when fn succeeds or releases it when fn fails (see
// Handler.Deliver).
func (c *handlerConfig) run(ctx context.Context, key, name string, fn func(context.Context) error) error {
	if _, busy := c.inflight.LoadOrStore(key, struct{}{}); busy {
		return ErrInFlight
	}
	owner := newClaimOwner()
	state, err := c.store.Claim(ctx, key, owner, c.procTTL)
	if err != nil {
		c.inflight.Delete(key)
		return fmt.Errorf("notify: dedup store: %w", err)
	}
	switch state {
	case ClaimFirst:
	case ClaimDone:
		c.inflight.Delete(key)
		return nil
	case ClaimInFlight:
		c.inflight.Delete(key)
		return fmt.Errorf("%w (claimed by another instance)", ErrInFlight)
	default:
		c.inflight.Delete(key)
		return fmt.Errorf("notify: dedup store: unexpected claim state %v", state)
	}
	hctx, cancel := context.WithTimeout(ctx, c.timeout)
	done := make(chan error, 1)
	go func() {
		defer cancel()
		err := runHandler(hctx, fn)
		var pe *panicError
		if errors.As(err, &pe) {
			c.logger().LogAttrs(ctx, slog.LevelError, "notify: handler panicked",
				slog.String("event", name), slog.String("key", key), slog.String("panic", pe.value),
				slog.String("stack", string(pe.stack)))
		}
		// Complete or release with a context that outlives the request.
		sctx := context.WithoutCancel(ctx)
		if err != nil {
			if rerr := c.store.Release(sctx, key, owner); rerr != nil {
				c.logger().LogAttrs(ctx, slog.LevelError, "notify: dedup release failed",
					slog.String("key", key), slog.String("error", rerr.Error()))
			}
		} else if cerr := c.store.Complete(sctx, key, owner, c.ttl); cerr != nil {
			// The work is done: answering a failure would only make the
			// platform deliver it again. The processing claim expires and
			// a late retry may be handled twice (at-least-once).
			c.logger().LogAttrs(ctx, slog.LevelError, "notify: dedup complete failed",
				slog.String("key", key), slog.String("error", cerr.Error()))
		}
		c.inflight.Delete(key)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("notify: handler for %s: %w", name, err)
		}
		return nil
	case <-hctx.Done():
		// The handler's own result may race with the deadline: prefer it.
		select {
		case err := <-done:
			if err == nil {
				return nil
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				return fmt.Errorf("notify: handler for %s: %w", name, err)
			}
		default:
		}
		return fmt.Errorf("%w: %s after %v", ErrHandlerTimeout, name, c.timeout)
	}
}

// panicError is a handler's recovered panic: its value (formatted) and
// the stack of the goroutine that panicked.
type panicError struct {
	value string
	stack []byte
}

// Error returns "notify: handler panicked: <value>" (no stack).
func (e *panicError) Error() string { return "notify: handler panicked: " + e.value }

// runHandler calls fn and turns a panic into a *panicError carrying the
// stack, so one bad handler cannot take the server down and the panic is
// logged with where it happened.
func runHandler(ctx context.Context, fn func(context.Context) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &panicError{value: fmt.Sprint(p), stack: debug.Stack()}
		}
	}()
	return fn(ctx)
}
