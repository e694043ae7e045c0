package notifytest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
)

// Attempt is one simulated delivery of [Replay].
type Attempt struct {
	// N counts from 1.
	N int
	// At is when the attempt was made, on the replay clock.
	At time.Time
	// Status and Body are the handler's answer (Status 0 on timeout, 500
	// when the handler panicked).
	Status int
	Body   string
	// TimedOut reports that no answer came within the schedule's timeout.
	TimedOut bool
	// Accepted reports that the answer stopped the retries
	// ([notify.RetrySchedule.Accepts]).
	Accepted bool
}

// ReplayResult is the outcome of [Replay].
type ReplayResult struct {
	Attempts []Attempt
	// Delivered reports that some attempt was accepted.
	Delivered bool
}

// Replay simulates the platform redelivering one notification to h on
// schedule s ([notify.StorePushSchedule], [notify.PayV3Schedule],
// [notify.PayV2Schedule] or your own): newRequest builds the request of
// attempt n (from 1) at instant at, re-signed with at's timestamp as the
// platform does ([Encoder.RequestFunc], [PayV3Encoder.RequestFunc]).
// Replay serves it, waits up to s.Timeout for the answer (the request's
// context is cancelled then, as the platform hangs up), and stops at the
// first accepted answer or when the schedule is exhausted. A panicking
// handler is a failed attempt (500). It returns ctx's error if ctx ends
// between attempts, with the attempts made so far.
//
// Replay waits with the time package. Run it inside testing/synctest's
// synctest.Test: the clock is then simulated, the 24-hour v3 schedule
// completes instantly, and a handler blocked on time (or on a context
// deadline) advances the same clock; a verifier with the default clock
// (time.Now) reads the simulated time. Outside a bubble it really waits.
func Replay(ctx context.Context, h http.Handler, s notify.RetrySchedule, newRequest func(n int, at time.Time) (*http.Request, error)) (ReplayResult, error) {
	var res ReplayResult
	if err := s.Validate(); err != nil {
		return res, err
	}
	switch {
	case h == nil:
		return res, fmt.Errorf("notifytest: %w", &vcart.FieldError{Field: "h", Code: "required", Msg: "nil handler"})
	case newRequest == nil:
		return res, fmt.Errorf("notifytest: %w", &vcart.FieldError{Field: "newRequest", Code: "required", Msg: "nil request builder"})
	}
	intervals := slices.Clone(s.Intervals)
	for n := 1; ; n++ {
		at := time.Now()
		req, err := newRequest(n, at)
		if err != nil {
			return res, fmt.Errorf("notifytest: build attempt %d: %w", n, err)
		}
		a := serveOnce(ctx, h, req, s.Timeout)
		a.N, a.At = n, at
		a.Accepted = !a.TimedOut && s.Accepts(a.Status, []byte(a.Body))
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
