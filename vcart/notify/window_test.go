package notify

import (
	"errors"
	"math"
	"strconv"
	"testing"
	"time"
)

// windowCases are timestamps around the clock testUnix with the default
// 5-minute tolerance: the edges, and the extremes that overflowed the
// distance computed by the former skew check (1<<62 and year 80000 passed).
var windowCases = []struct {
	name string
	ts   string
	ok   bool
}{
	{"now", strconv.Itoa(testUnix), true},
	{"300 s early, the edge", strconv.Itoa(testUnix - 300), true},
	{"300 s late, the edge", strconv.Itoa(testUnix + 300), true},
	{"301 s early", strconv.Itoa(testUnix - 301), false},
	{"301 s late", strconv.Itoa(testUnix + 301), false},
	{"zero", "0", false},
	{"negative", "-1", false},
	{"min int64", strconv.FormatInt(math.MinInt64, 10), false},
	{"max int64", strconv.FormatInt(math.MaxInt64, 10), false},
	{"1<<62", strconv.FormatInt(1<<62, 10), false},
	{"-1<<62", strconv.FormatInt(-1<<62, 10), false},
	{"far past (year 1)", strconv.FormatInt(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), 10), false},
	{"far future (year 80000)", "2534023008000", false},
	{"a century ahead", strconv.Itoa(testUnix + 100*365*86400), false},
	{"a century ago", strconv.Itoa(testUnix - 100*365*86400), false},
	{"past int64", "9223372036854775808", false},
}

func TestCheckWindow_Extremes(t *testing.T) {
	t.Parallel()
	now := time.Unix(testUnix, 0)
	for _, tt := range windowCases {
		sec, err := strconv.ParseInt(tt.ts, 10, 64)
		if err != nil {
			continue // not a number: covered through the verifiers
		}
		got := checkWindow(sec, now, DefaultTolerance) == nil
		if got != tt.ok {
			t.Errorf("%s: checkWindow(%d) accepted = %v, want %v", tt.name, sec, got, tt.ok)
		}
	}
}

func TestCheckWindow_SubSecondClock(t *testing.T) {
	t.Parallel()
	now := time.Unix(testUnix, 500_000_000) // window [testUnix-299.5, testUnix+300.5]
	tests := []struct {
		sec  int64
		want bool
	}{
		{testUnix - 300, false}, {testUnix - 299, true}, {testUnix + 300, true}, {testUnix + 301, false},
	}
	for _, tt := range tests {
		if got := checkWindow(tt.sec, now, DefaultTolerance) == nil; got != tt.want {
			t.Errorf("checkWindow(%d) accepted = %v, want %v", tt.sec, got, tt.want)
		}
	}
	// A huge tolerance still bounds the window.
	if err := checkWindow(math.MaxInt64, now, time.Duration(math.MaxInt64)); !errors.Is(err, ErrStale) {
		t.Errorf("max tolerance, max int64: %v, want ErrStale", err)
	}
}

func TestVerifier_TimestampWindow_Extremes(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(testUnix)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range windowCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, body := signEncrypt(v1Encrypt, tt.ts, "1") // correctly signed for ts
			_, err := v.ParseRaw(q, body)
			if tt.ok && err != nil {
				t.Fatalf("ParseRaw(ts=%s) error = %v, want nil", tt.ts, err)
			}
			if !tt.ok && !errors.Is(err, ErrStale) {
				t.Fatalf("ParseRaw(ts=%s) error = %v, want ErrStale", tt.ts, err)
			}
		})
	}
}

func TestPayV3_TimestampWindow_Extremes(t *testing.T) {
	t.Parallel()
	env := newPayEnv(t, testUnix)
	for _, tt := range windowCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, body, err := env.enc.Encode(txnEvent("EV-W"), tt.ts, "nonce") // correctly signed for ts
			if err != nil {
				t.Fatal(err)
			}
			_, err = env.v.ParseRaw(h, body)
			if tt.ok && err != nil {
				t.Fatalf("ParseRaw(ts=%s) error = %v, want nil", tt.ts, err)
			}
			if !tt.ok && !errors.Is(err, ErrStale) {
				t.Fatalf("ParseRaw(ts=%s) error = %v, want ErrStale", tt.ts, err)
			}
		})
	}
}
