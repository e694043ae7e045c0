package shopapitest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/vcart-sdk/vcart-go/vcart"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
)

// PushConfig makes the fake push store events, signed and encrypted in
// safe mode exactly as the platform does (a [notify.Verifier] with the
// same Token, EncodingAESKey and the shop's AppID accepts them).
type PushConfig struct {
	// URL is the callback URL; or set Handler to deliver in-process.
	URL     string
	Handler http.Handler
	// HTTPClient posts to URL (default: a client with the schedule's
	// timeout).
	HTTPClient *http.Client
	// Token and EncodingAESKey are the message-push settings.
	Token, EncodingAESKey string
	// ToUserName is the shop's original id (default "gh_fakeshop0001").
	ToUserName string
	// Schedule is the redelivery schedule (default notify.StorePushSchedule:
	// 0 s, 0 s, 10 s, 1 min, 5 min, 30 min, then 60 min three times; at
	// most 10 pushes; 5 s to answer; "success" or an empty 200 accepted).
	Schedule *notify.RetrySchedule
}

// PushAttempt is one delivery attempt of an event.
type PushAttempt struct {
	// Event is the event name.
	Event string
	// Key is the id of the object the event is about (the order,
	// after-sale, complaint or withdrawal), empty for other events.
	Key vcart.ID
	// N counts the event's attempts from 1.
	N int
	// At is the attempt's instant on the server's clock.
	At time.Time
	// Status is the receiver's HTTP status (0 when the call failed).
	Status int
	// Err describes a transport failure or a timeout.
	Err string
	// Accepted reports that the answer stopped the retries.
	Accepted bool
}

// Event is an event the fake emitted (pushed or not).
type Event struct {
	// Name is the event name.
	Name string
	// Key is the id of the object the event is about (the order,
	// after-sale, complaint, withdrawal or dropship order), empty for
	// other events.
	Key vcart.ID
	// Plaintext is the decrypted JSON the receiver gets.
	Plaintext []byte
}

type pushItem struct {
	event string
	key   vcart.ID
	plain []byte
	n     int // attempts made
	due   time.Time
}

type pushState struct {
	mu      sync.Mutex
	cfg     *PushConfig
	enc     *notifytest.Encoder
	sched   notify.RetrySchedule
	queue   []*pushItem
	log     []PushAttempt
	emitted []Event
	nonce   uint64
	wake    chan struct{}
}

func (s *Server) pushes() *pushState {
	return stateOf(s, "push", func() *pushState { return &pushState{wake: make(chan struct{}, 1)} })
}

func (s *Server) pushState() *pushState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pushes()
}

// EnablePush starts queueing a push for every event from now on. Deliver
// them with [Server.DeliverPushes] (after each step or each advance of a
// manual clock) or run [Server.RunPushes] in a goroutine.
func (s *Server) EnablePush(cfg PushConfig) error {
	if (cfg.URL == "") == (cfg.Handler == nil) {
		return errors.New("shopapitest: EnablePush: set exactly one of URL and Handler")
	}
	enc, err := notifytest.NewEncoder(cfg.Token, cfg.EncodingAESKey, s.appID)
	if err != nil {
		return err
	}
	sched := notify.StorePushSchedule()
	if cfg.Schedule != nil {
		sched = *cfg.Schedule
	}
	if err := sched.Validate(); err != nil {
		return err
	}
	if cfg.ToUserName == "" {
		cfg.ToUserName = "gh_fakeshop0001"
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: sched.Timeout}
	}
	ps := s.pushState()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.cfg, ps.enc, ps.sched = &cfg, enc, sched
	// A fresh channel, so RunPushes can run in a synctest bubble. Closing
	// the old one wakes a RunPushes waiting on it: it re-reads ps.wake
	// under ps.mu. Every send and every replacement happens under ps.mu,
	// so nothing sends on the closed channel.
	close(ps.wake)
	ps.wake = make(chan struct{}, 1)
	return nil
}

// emit records an event and queues its push; s.mu is held.
func (s *Server) emit(event, openid, bodyKey string, body map[string]any) {
	ps := s.pushes()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	to := "gh_fakeshop0001"
	if ps.cfg != nil {
		to = ps.cfg.ToUserName
	}
	if openid == "" {
		openid = "o-platform"
	}
	m := map[string]any{"ToUserName": to, "FromUserName": openid, "CreateTime": s.now().Unix(),
		"MsgType": "event", "Event": event}
	if bodyKey != "" {
		m[bodyKey] = body
	}
	plain, _ := json.Marshal(m)
	var key vcart.ID
	for _, k := range []string{"complaint_id", "after_sale_order_id", "withdraw_id", "order_id"} {
		if v, ok := body[k].(string); ok {
			key = vcart.ID(v)
			break
		}
	}
	ps.emitted = append(ps.emitted, Event{Name: event, Key: key, Plaintext: plain})
	if ps.cfg == nil {
		return
	}
	ps.queue = append(ps.queue, &pushItem{event: event, key: key, plain: plain, due: s.now()})
	select {
	case ps.wake <- struct{}{}:
	default:
	}
}

// emitOrder emits an order event with order_info {order_id, extra…}.
func (s *Server) emitOrder(r *orderRec, event string, extra map[string]any) {
	body := map[string]any{"order_id": strconv.FormatUint(r.id, 10)}
	for k, v := range extra {
		body[k] = v
	}
	openid := ""
	if r.d != nil {
		openid = r.d.openid
	}
	s.emit(event, openid, "order_info", body)
}

// Events returns every event emitted so far, in order.
func (s *Server) Events() []Event {
	ps := s.pushState()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([]Event(nil), ps.emitted...)
}

// PushLog returns every delivery attempt so far, in order.
func (s *Server) PushLog() []PushAttempt {
	ps := s.pushState()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([]PushAttempt(nil), ps.log...)
}

// PendingPushes returns how many events still await delivery and when the
// next one is due.
func (s *Server) PendingPushes() (int, time.Time) {
	ps := s.pushState()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return len(ps.queue), ps.nextDue()
}

func (ps *pushState) nextDue() time.Time {
	var t time.Time
	for _, it := range ps.queue {
		if t.IsZero() || it.due.Before(t) {
			t = it.due
		}
	}
	return t
}

// DeliverPushes makes every attempt due at the server's clock, in order,
// including immediate retries (the schedule's 0 s intervals), and returns
// the number of attempts made. A failed attempt is rescheduled at its
// start plus the schedule's next interval; after the last one the event is
// dropped.
func (s *Server) DeliverPushes(ctx context.Context) int {
	ps := s.pushState()
	n := 0
	for ctx.Err() == nil {
		ps.mu.Lock()
		now := s.now()
		idx := -1
		for i, it := range ps.queue {
			if !it.due.After(now) && (idx < 0 || it.due.Before(ps.queue[idx].due)) {
				idx = i
			}
		}
		if idx < 0 || ps.cfg == nil {
			ps.mu.Unlock()
			return n
		}
		it := ps.queue[idx]
		ps.queue = append(ps.queue[:idx], ps.queue[idx+1:]...)
		ps.nonce++
		nonce := "fakenonce" + strconv.FormatUint(ps.nonce, 10)
		cfg, enc, sched := ps.cfg, ps.enc, ps.sched
		ps.mu.Unlock()

		it.n++
		a := PushAttempt{Event: it.event, Key: it.key, N: it.n, At: now}
		status, body, err := send(ctx, cfg, enc, sched.Timeout, it.plain, strconv.FormatInt(now.Unix(), 10), nonce)
		a.Status = status
		if err != nil {
			a.Err = err.Error()
		} else {
			a.Accepted = sched.Accepts(status, body)
		}
		n++
		ps.mu.Lock()
		ps.log = append(ps.log, a)
		if !a.Accepted && it.n < sched.Attempts() {
			it.due = now.Add(sched.Intervals[it.n-1])
			ps.queue = append(ps.queue, it)
		}
		ps.mu.Unlock()
	}
	return n
}

func send(ctx context.Context, cfg *PushConfig, enc *notifytest.Encoder, timeout time.Duration, plain []byte, ts, nonce string) (int, []byte, error) {
	target := cfg.URL
	if target == "" {
		target = "http://callback.invalid/push"
	}
	req, err := enc.NewRequest(target, plain, ts, nonce)
	if err != nil {
		return 0, nil, err
	}
	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req = req.WithContext(rctx)
	if cfg.Handler != nil {
		// Serve in a goroutine so a receiver that hangs costs the schedule's
		// timeout, as with the platform (the request context is cancelled).
		rec := httptest.NewRecorder()
		done := make(chan bool, 1)
		go func() {
			ok := false
			defer func() {
				_ = recover() // a panicking receiver is a failed attempt
				done <- ok
			}()
			cfg.Handler.ServeHTTP(rec, req)
			ok = true
		}()
		select {
		case ok := <-done:
			if !ok {
				return http.StatusInternalServerError, nil, nil
			}
			return rec.Code, bytes.TrimSpace(rec.Body.Bytes()), nil
		case <-rctx.Done():
			return 0, nil, errors.New("receiver did not answer in time")
		}
	}
	res, err := cfg.HTTPClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(res.Body, 1<<16))
	return res.StatusCode, bytes.TrimSpace(b), nil
}

// RunPushes delivers pushes as they fall due until ctx ends, sleeping with
// the time package between attempts: run it in a goroutine with the
// default clock, or inside a testing/synctest bubble so the 3.6-hour
// schedule passes instantly. With a manual clock call DeliverPushes instead.
func (s *Server) RunPushes(ctx context.Context) {
	ps := s.pushState()
	for {
		s.DeliverPushes(ctx)
		ps.mu.Lock()
		next, wake := ps.nextDue(), ps.wake // EnablePush replaces wake under ps.mu
		ps.mu.Unlock()
		var timer *time.Timer
		var fire <-chan time.Time
		if !next.IsZero() {
			timer = time.NewTimer(max(next.Sub(s.now()), time.Millisecond))
			fire = timer.C
		}
		select {
		case <-ctx.Done():
		case <-wake:
		case <-fire:
		}
		if timer != nil {
			timer.Stop()
		}
		if ctx.Err() != nil {
			return
		}
	}
}
