package notify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// RetrySchedule is a platform's redelivery schedule, as versioned data that a
// caller can replace. Intervals[i] is the wait between attempt i+1 and
// attempt i+2, so there are len(Intervals)+1 attempts at most.
type RetrySchedule struct {
	// Name identifies the schedule, e.g. "wechatpay-v3".
	Name string
	// Version and EffectiveFrom date the figures.
	Version       string
	EffectiveFrom time.Time
	// Source says where the figures come from.
	Source string
	// Intervals are the waits between consecutive attempts.
	Intervals []time.Duration
	// Timeout is how long the platform waits for an answer (5 s).
	Timeout time.Duration
	// Accept reports whether an answer stops the retries; nil means any 2xx.
	Accept func(status int, body []byte) bool `json:"-"`
}

// Attempts returns the maximum number of deliveries.
func (s RetrySchedule) Attempts() int { return len(s.Intervals) + 1 }

// Offsets returns each attempt's delay after the first one.
func (s RetrySchedule) Offsets() []time.Duration {
	out := make([]time.Duration, 0, s.Attempts())
	var t time.Duration
	out = append(out, 0)
	for _, d := range s.Intervals {
		t += d
		out = append(out, t)
	}
	return out
}

func (s RetrySchedule) accepts(status int, body []byte) bool {
	if s.Accept != nil {
		return s.Accept(status, body)
	}
	return status >= 200 && status < 300
}

// Validate checks the schedule: a name, a positive timeout, no negative
// interval.
func (s RetrySchedule) Validate() error {
	var errs []error
	if s.Name == "" {
		errs = append(errs, errors.New("notify: schedule has no name"))
	}
	if s.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("notify: schedule %q: timeout must be positive", s.Name))
	}
	for i, d := range s.Intervals {
		if d < 0 {
			errs = append(errs, fmt.Errorf("notify: schedule %q: interval %d is negative", s.Name, i))
		}
	}
	return errors.Join(errs...)
}

var scheduleDate = time.Date(2026, 11, 27, 0, 0, 0, 0, vcart.Shanghai())

// StorePushSchedule returns the Channels store message-push schedule: up to
// 10 pushes at 0 s, 0 s, 10 s, 1 min, 5 min, 30 min, 60 min, 60 min, 60 min
// intervals (≈3.6 h), a 5-second answer budget, and "success" or an empty
// 200 body as the accepted answer.
func StorePushSchedule() RetrySchedule {
	return RetrySchedule{
		Name: "channels-push", Version: "2024-store-order-callback", EffectiveFrom: scheduleDate,
		Source: "developers.weixin.qq.com/doc/store/API/order/callback (order callback pages)",
		Intervals: []time.Duration{0, 0, 10 * time.Second, time.Minute, 5 * time.Minute,
			30 * time.Minute, time.Hour, time.Hour, time.Hour},
		Timeout: 5 * time.Second,
		Accept: func(status int, body []byte) bool {
			b := bytes.TrimSpace(body)
			return status == http.StatusOK && (len(b) == 0 || string(b) == "success")
		},
	}
}

// PayV3Schedule returns the WeChat Pay v3 schedule: 15 retries after 15 s,
// 15 s, 30 s, 3 min, 10 min, 20 min, 30 min, 30 min, 30 min, 60 min, 3 h, 3 h,
// 3 h, 6 h and 6 h (the last 24 h 04 min after the first attempt), a
// 5-second budget, and 200 or 204 as the accepted answer.
func PayV3Schedule() RetrySchedule {
	return RetrySchedule{
		Name: "wechatpay-v3", Version: "wechatpay-skills-2025", EffectiveFrom: scheduleDate,
		Source: "wechatpay-apiv3/wechatpay-skills 回调通知处理.md",
		Intervals: []time.Duration{15 * time.Second, 15 * time.Second, 30 * time.Second, 3 * time.Minute,
			10 * time.Minute, 20 * time.Minute, 30 * time.Minute, 30 * time.Minute, 30 * time.Minute,
			time.Hour, 3 * time.Hour, 3 * time.Hour, 3 * time.Hour, 6 * time.Hour, 6 * time.Hour},
		Timeout: 5 * time.Second,
		Accept: func(status int, _ []byte) bool {
			return status == http.StatusOK || status == http.StatusNoContent
		},
	}
}

// PayV2Schedule returns the legacy v2 schedule: 15 s, 15 s, 30 s, 3 min,
// 30 min ×4, 60 min (≈3 h 04 min; community copies of the v2 doc), accepting
// a 200 whose XML return_code is SUCCESS.
func PayV2Schedule() RetrySchedule {
	return RetrySchedule{
		Name: "wechatpay-v2", Version: "v2-doc-copies", EffectiveFrom: scheduleDate,
		Source: "copies of the v2 notify doc (official page not stored)",
		Intervals: []time.Duration{15 * time.Second, 15 * time.Second, 30 * time.Second, 3 * time.Minute,
			30 * time.Minute, 30 * time.Minute, 30 * time.Minute, 30 * time.Minute, time.Hour},
		Timeout: 5 * time.Second,
		Accept: func(status int, body []byte) bool {
			if status != http.StatusOK {
				return false
			}
			p, err := ParseV2XML(body)
			return err == nil && p["return_code"] == "SUCCESS"
		},
	}
}

// Attempt is one simulated delivery.
type Attempt struct {
	// N counts from 1.
	N int
	// At is when the attempt was made, on the replay clock.
	At time.Time
	// Status and Body are the handler's answer (Status 0 on timeout).
	Status int
	Body   string
	// TimedOut reports that no answer came within the schedule's timeout.
	TimedOut bool
	// Accepted reports that the answer stopped the retries.
	Accepted bool
}

// ReplayResult is the outcome of [Replay].
type ReplayResult struct {
	Attempts []Attempt
	// Delivered reports that some attempt was accepted.
	Delivered bool
}

// Replay simulates the platform redelivering one notification to h on
// schedule s: newRequest builds the request of attempt n (from 1) at instant
// at (re-sign it with at's timestamp, as the platform does), Replay serves
// it, waits up to s.Timeout for the answer (the request context is
// cancelled then, as the platform hangs up), and stops at the first
// accepted answer or when the schedule is exhausted. In tests, the
// RequestFunc methods of notifytest's Encoder and PayV3Encoder build
// newRequest.
//
// Replay waits with the time package. Run it inside testing/synctest's
// synctest.Test: the clock is then simulated, the 24-hour v3 schedule
// completes instantly, and a handler blocked on time (or on a context
// deadline) advances the same clock. Outside a bubble it really waits.
func Replay(ctx context.Context, h http.Handler, s RetrySchedule, newRequest func(n int, at time.Time) (*http.Request, error)) (ReplayResult, error) {
	var res ReplayResult
	if err := s.Validate(); err != nil {
		return res, err
	}
	if h == nil || newRequest == nil {
		return res, errors.New("notify: nil handler or request builder")
	}
	intervals := slices.Clone(s.Intervals)
	for n := 1; ; n++ {
		at := time.Now()
		req, err := newRequest(n, at)
		if err != nil {
			return res, fmt.Errorf("notify: build attempt %d: %w", n, err)
		}
		a := serveOnce(ctx, h, req, s.Timeout)
		a.N, a.At = n, at
		a.Accepted = !a.TimedOut && s.accepts(a.Status, []byte(a.Body))
		res.Attempts = append(res.Attempts, a)
		if a.Accepted {
			res.Delivered = true
			return res, nil
		}
		if n > len(intervals) {
			return res, nil
		}
		// The wait counts from the attempt's start, as the platform's
		// schedule does; the time spent waiting for the answer is included.
		wait := intervals[n-1] - time.Since(at)
		if wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return res, ctx.Err()
			}
		}
	}
}

func serveOnce(ctx context.Context, h http.Handler, req *http.Request, timeout time.Duration) Attempt {
	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req = req.WithContext(rctx)
	rec := httptest.NewRecorder()
	done := make(chan bool, 1)
	go func() {
		panicked := true
		defer func() {
			_ = recover() // a panicking handler is a failed attempt
			done <- panicked
		}()
		h.ServeHTTP(rec, req)
		panicked = false
	}()
	select {
	case panicked := <-done:
		if panicked {
			return Attempt{Status: http.StatusInternalServerError}
		}
		return Attempt{Status: rec.Code, Body: rec.Body.String()}
	case <-rctx.Done():
		return Attempt{TimedOut: true}
	}
}
