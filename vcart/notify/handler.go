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

// HandlerOption configures a [Handler] or a [PayV3Handler].
type HandlerOption func(*handlerConfig) error

// handlerConfig is what Handler and PayV3Handler share: duplicate
// suppression, the deadline and the logger.
type handlerConfig struct {
	store    DedupStore
	ttl      time.Duration
	timeout  time.Duration
	key      func(*Message, Event) string
	log      *slog.Logger
	inflight sync.Map // dedup key → struct{}: deliveries being handled here
}

func newHandlerConfig(opts []HandlerOption) (*handlerConfig, error) {
	c := &handlerConfig{
		ttl:     DefaultDedupTTL,
		timeout: DefaultHandlerTimeout,
		key:     DedupKey,
		log:     slog.New(slog.DiscardHandler),
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if c.store == nil {
		c.store = NewMemoryDedupStore()
	}
	return c, nil
}

// WithDedupStore sets the duplicate-suppression store (default: a fresh
// [MemoryDedupStore]). Use a shared store when several instances receive
// pushes for the same shops.
func WithDedupStore(s DedupStore) HandlerOption {
	return func(h *handlerConfig) error {
		if s == nil {
			return errors.New("notify: nil DedupStore")
		}
		h.store = s
		return nil
	}
}

// WithDedupTTL sets how long a handled push is remembered (default
// [DefaultDedupTTL]).
func WithDedupTTL(d time.Duration) HandlerOption {
	return func(h *handlerConfig) error {
		if d <= 0 {
			return fmt.Errorf("%w (got %v)", ErrDedupTTL, d)
		}
		h.ttl = d
		return nil
	}
}

// WithDedupKey replaces [DedupKey] as the key derivation.
func WithDedupKey(fn func(m *Message, ev Event) string) HandlerOption {
	return func(h *handlerConfig) error {
		if fn == nil {
			return errors.New("notify: nil dedup key function")
		}
		h.key = fn
		return nil
	}
}

// WithHandlerTimeout sets the deadline of a handler's work on one push
// (default [DefaultHandlerTimeout]); keep it below the platform's 5 seconds.
func WithHandlerTimeout(d time.Duration) HandlerOption {
	return func(h *handlerConfig) error {
		if d <= 0 {
			return fmt.Errorf("notify: handler timeout must be positive, got %v", d)
		}
		h.timeout = d
		return nil
	}
}

// WithLogger sets where rejected and failed deliveries are logged (default:
// discarded). Logs carry the event name, the dedup key and the error, never a
// token, key or plaintext.
func WithLogger(l *slog.Logger) HandlerOption {
	return func(h *handlerConfig) error {
		if l == nil {
			return errors.New("notify: nil logger")
		}
		h.log = l
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
func NewHandler(v *Verifier, opts ...HandlerOption) (*Handler, error) {
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

// OnUnknown registers fn for every event without its own handler, including
// [*UnknownEvent]s. Without it such events are acknowledged and ignored.
func (h *Handler) OnUnknown(fn HandlerFunc) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fallback = fn
}

// Handle registers a typed handler: fn receives the event already asserted
// to E, e.g. Handle(h, EventOrderPay, func(ctx context.Context, e
// *OrderPayEvent) error {…}). It fails when E is not the catalogue's type
// for event; an event that arrives undecodable goes to the OnUnknown
// handler instead.
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
		return nil
	}
	return fb(ctx, ev)
}

func (h *Handler) route(ev Event) HandlerFunc {
	h.mu.RLock()
	defer h.mu.RUnlock()
	// An event that is in the catalogue but failed typed decoding goes to
	// the fallback: its registered handler expects the typed struct. An
	// event outside the catalogue can have its own handler (On, or
	// Handle[*UnknownEvent]).
	if u, unknown := ev.(*UnknownEvent); !unknown || u.Err == nil {
		if fn, ok := h.routes[ev.EventName()]; ok {
			return fn
		}
	}
	return h.fallback
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
// 500 when the handler or the dedup store fails and 503 when the handler
// times out or a duplicate is still in flight. Every non-200 makes the
// platform push again.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		echo, err := h.v.VerifyURL(r.URL.Query())
		if err != nil {
			h.fail(w, r, "", err)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
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
	h.cfg.log.LogAttrs(r.Context(), slog.LevelWarn, "notify: push rejected",
		slog.String("event", event), slog.Int("status", status), slog.String("error", err.Error()))
	http.Error(w, http.StatusText(status), status)
}

// Deliver is the dispatch half of ServeHTTP for an already verified message:
// it decodes the event, claims its dedup key (a duplicate returns nil at
// once), runs the registered handler under the handler timeout and releases
// the key if the handler fails, so the next push is handled again. It
// returns [ErrHandlerTimeout] when the handler overruns (the handler keeps
// running with a cancelled context; if it still fails, the key is released
// then), and [ErrInFlight] when the same delivery is still being handled by
// this Handler.
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
	fn := h.route(ev)
	if fn == nil {
		return nil // nothing registered: acknowledge
	}
	return h.cfg.run(ctx, h.cfg.key(m, ev), ev.EventName(), func(ctx context.Context) error {
		return fn(ctx, ev)
	})
}

// run claims key, runs fn under the deadline and releases key when fn
// fails (see Handler.Deliver).
func (c *handlerConfig) run(ctx context.Context, key, name string, fn func(context.Context) error) error {
	if _, busy := c.inflight.LoadOrStore(key, struct{}{}); busy {
		return ErrInFlight
	}
	first, err := c.store.Claim(ctx, key, c.ttl)
	if err != nil {
		c.inflight.Delete(key)
		return fmt.Errorf("notify: dedup store: %w", err)
	}
	if !first {
		c.inflight.Delete(key)
		return nil
	}
	hctx, cancel := context.WithTimeout(ctx, c.timeout)
	done := make(chan error, 1)
	go func() {
		defer cancel()
		err := runHandler(hctx, fn)
		if err != nil {
			// Release with a context that outlives the request.
			if rerr := c.store.Release(context.WithoutCancel(ctx), key); rerr != nil {
				c.log.LogAttrs(ctx, slog.LevelError, "notify: dedup release failed",
					slog.String("key", key), slog.String("error", rerr.Error()))
			}
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

// runHandler calls fn and turns a panic into an error, so one bad handler
// cannot take the server down.
func runHandler(ctx context.Context, fn func(context.Context) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("notify: handler panicked: %v", p)
		}
	}()
	return fn(ctx)
}
