package notify

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
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

// Accepts reports whether the platform takes the answer status and body
// as delivered, and stops retrying: the schedule's Accept rule, or any 2xx
// when Accept is nil.
func (s RetrySchedule) Accepts(status int, body []byte) bool {
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
