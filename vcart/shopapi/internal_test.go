package shopapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestID_UnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    ID
		wantErr bool
	}{
		{`"9007199254740993"`, "9007199254740993", false},
		{`9007199254740993`, "9007199254740993", false}, // 2^53+1: a float64 would round it
		{`18446744073709551615`, "18446744073709551615", false},
		{`null`, "", false},
		{`""`, "", false},
		{`1.5`, "", true},
		{`-3`, "-3", false},
		{`true`, "", true},
		{`{}`, "", true},
		{`1e3`, "", true},
	}
	for _, tt := range tests {
		var got ID
		err := json.Unmarshal([]byte(tt.in), &got)
		if (err != nil) != tt.wantErr {
			t.Errorf("Unmarshal(%s) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("Unmarshal(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
	b, err := json.Marshal(struct {
		P ID `json:"product_id"`
	}{"9007199254740993"})
	if err != nil || string(b) != `{"product_id":"9007199254740993"}` {
		t.Errorf("Marshal = %s, %v; IDs must go out as JSON strings", b, err)
	}
}

func TestInt64AndBool(t *testing.T) {
	t.Parallel()
	var v struct {
		A Int64 `json:"a"`
		B Int64 `json:"b"`
		C Int64 `json:"c"`
		D Bool  `json:"d"`
		E Bool  `json:"e"`
		F Bool  `json:"f"`
	}
	if err := json.Unmarshal([]byte(`{"a":"500000","b":7,"c":"","d":1,"e":true,"f":"0"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != 500000 || v.B != 7 || v.C != 0 || !bool(v.D) || !bool(v.E) || bool(v.F) {
		t.Errorf("got %+v", v)
	}
	for _, bad := range []string{`{"a":"x"}`, `{"a":1.5}`, `{"d":"yes"}`, `{"d":2}`} {
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("Unmarshal(%s): want an error", bad)
		}
	}
}

func TestProduct_ExtraRoundTrip(t *testing.T) {
	t.Parallel()
	in := `{"product_id":123,"title":"核桃仁 500 克","future_field":{"a":[1,2]},"skus":[{"sku_id":"9","sale_price":100,"stock_num":1,"sku_new":true}],"deliver_method":0}`
	var p Product
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if p.ProductID != "123" {
		t.Errorf("ProductID = %q", p.ProductID)
	}
	if diff := cmp.Diff(Extra{"future_field": json.RawMessage(`{"a":[1,2]}`)}, p.Extra); diff != "" {
		t.Errorf("Extra (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Extra{"sku_new": json.RawMessage(`true`)}, p.SKUs[0].Extra); diff != "" {
		t.Errorf("SKU Extra (-want +got):\n%s", diff)
	}
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if _, ok := back["future_field"]; !ok {
		t.Errorf("re-encoded product lost future_field: %s", out)
	}
	if back["product_id"] != "123" {
		t.Errorf("product_id re-encoded as %v, want the string \"123\"", back["product_id"])
	}
	sku := back["skus"].([]any)[0].(map[string]any)
	if sku["sku_new"] != true {
		t.Errorf("re-encoded SKU lost sku_new: %s", out)
	}
}

func TestProductBody_Listing(t *testing.T) {
	t.Parallel()
	p := &Product{Title: "abc", Extra: Extra{"x": json.RawMessage(`1`)}}
	for _, tt := range []struct {
		listing bool
		want    string
	}{{true, "1"}, {false, ""}} {
		b, err := productBody(p, tt.listing)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		if string(m["listing"]) != tt.want || string(m["x"]) != "1" {
			t.Errorf("productBody(listing=%v) = %s", tt.listing, b)
		}
	}
	if _, ok := p.Extra["listing"]; ok {
		t.Error("productBody mutated the caller's Extra")
	}
}

func TestDecodeEnvelope(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    envelope
		wantErr bool
	}{
		{`{"errcode":0,"errmsg":"ok"}`, envelope{0, "ok"}, false},
		{`{"errcode":"45011","errmsg":"slow down"}`, envelope{45011, "slow down"}, false},
		{`{"errcode":-1,"errmsg":"system error"}`, envelope{-1, "system error"}, false},
		{`{"access_token":"x","expires_in":7200}`, envelope{}, false},
		{`{"errcode":0}`, envelope{}, false},
		{`<html>502</html>`, envelope{}, true},
		{``, envelope{}, true},
		{`{"errcode":0,"errmsg":"ok","data":{`, envelope{}, true},
		{`[1,2]`, envelope{}, true},
	}
	for _, tt := range tests {
		got, err := decodeEnvelope([]byte(tt.in))
		if (err != nil) != tt.wantErr {
			t.Errorf("decodeEnvelope(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil && !errors.Is(err, ErrMalformedResponse) {
			t.Errorf("decodeEnvelope(%q) error %v does not wrap ErrMalformedResponse", tt.in, err)
		}
		if got != tt.want {
			t.Errorf("decodeEnvelope(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func FuzzDecodeEnvelope(f *testing.F) {
	files, _ := filepath.Glob("testdata/api/*.json")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"errcode":"40001","errmsg":"invalid credential rid: a-b-c"}`))
	f.Add([]byte(`{"errcode":1e99}`))
	f.Add([]byte(`{"product_id":18446744073709551616}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 64<<10 {
			return
		}
		env, err := decodeEnvelope(b)
		if err != nil {
			if !errors.Is(err, ErrMalformedResponse) {
				t.Fatalf("error %v does not wrap ErrMalformedResponse", err)
			}
			return
		}
		if env.ErrCode != 0 {
			e := &APIError{ErrCode: int(env.ErrCode), ErrMsg: env.ErrMsg, RequestID: parseRID(env.ErrMsg)}
			_ = e.Error()
		}
		var d ProductDetail
		_ = json.Unmarshal(b, &d) // must not panic
		var pl ProductList
		_ = json.Unmarshal(b, &pl)
	})
}

func TestParseRID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"invalid credential rid: 65f1a2b3-0c1d2e3f-4a5b6c7d": "65f1a2b3-0c1d2e3f-4a5b6c7d",
		"ok":                 "",
		"x rid:abc, more":    "abc",
		"system error rid: ": "",
	} {
		if got := parseRID(in); got != want {
			t.Errorf("parseRID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAPIError_Is(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code int
		want []error
	}{
		{40001, []error{ErrAccessTokenExpired}},
		{40014, []error{ErrAccessTokenExpired}},
		{42001, []error{ErrAccessTokenExpired}},
		{41001, []error{ErrAccessTokenExpired}},
		{45009, []error{ErrRateLimited}},
		{45011, []error{ErrRateLimited}},
		{61004, []error{ErrIPNotWhitelisted}},
		{45035, []error{ErrIPNotWhitelisted}},
		{-1, []error{ErrSystemBusy}},
		{10020052, nil},
	}
	all := []error{ErrAccessTokenExpired, ErrRateLimited, ErrIPNotWhitelisted, ErrSystemBusy, ErrAmbiguous}
	for _, tt := range tests {
		e := &APIError{ErrCode: tt.code}
		for _, s := range all {
			want := false
			for _, w := range tt.want {
				want = want || w == s
			}
			if got := errors.Is(e, s); got != want {
				t.Errorf("errors.Is(errcode %d, %v) = %v, want %v", tt.code, s, got, want)
			}
		}
	}
	msg := (&APIError{Method: "POST", Path: "/channels/ec/product/get", ErrCode: 10020052, ErrMsg: "not exist"}).Error()
	if msg != "POST /channels/ec/product/get: errcode 10020052 (product not found): not exist" {
		t.Errorf("Error() = %q", msg)
	}
}

func TestErrCodeMeaning_Documented(t *testing.T) {
	t.Parallel()
	for _, c := range []int{CodeSystemBusy, CodeInvalidCredential, CodeMinuteQuota, CodeStockUpdateRejected, CodeNotUnderAudit, CodeProductNotFound} {
		if ErrCodeMeaning(c) == "" {
			t.Errorf("errcode %d has no meaning", c)
		}
	}
	if ErrCodeMeaning(123456789) != "" {
		t.Error("unknown code has a meaning")
	}
}

func TestRedact(t *testing.T) {
	t.Parallel()
	u, _ := url.Parse("https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=S3CR3T&access_token=T0K3N")
	got := sanitizeURL(u).String()
	if strings.Contains(got, "S3CR3T") || strings.Contains(got, "T0K3N") || !strings.Contains(got, "appid=wx1") {
		t.Errorf("sanitizeURL = %s", got)
	}
	for _, in := range []string{
		`Post "https://x/y?access_token=T0K3N&a=1": dial tcp`,
		`{"secret":"S3CR3T","component_verify_ticket":"T0K3N"}`,
		`authorizer_refresh_token=T0K3N`,
		`component_access_token: T0K3N`,
	} {
		if out := redactString(in); strings.Contains(out, "T0K3N") || strings.Contains(out, "S3CR3T") {
			t.Errorf("redactString(%q) = %q", in, out)
		}
	}
}

func TestRetryPolicy_Backoff(t *testing.T) {
	t.Parallel()
	p := RetryPolicy{MaxRetries: 5, MinWait: 100 * time.Millisecond, MaxWait: time.Second}
	bases := []time.Duration{100, 200, 400, 800, 1000, 1000}
	for n, base := range bases {
		base *= time.Millisecond
		for range 200 {
			w := p.Backoff(n)
			if w < base/2 || w > base {
				t.Fatalf("Backoff(%d) = %v, want within [%v, %v]", n, w, base/2, base)
			}
		}
	}
	if err := (RetryPolicy{MaxRetries: -1}).validate(); err == nil {
		t.Error("negative MaxRetries accepted")
	}
	if err := (RetryPolicy{MinWait: 2, MaxWait: 1}).validate(); err == nil {
		t.Error("MinWait > MaxWait accepted")
	}
}

// TestLimiter checks the fixed minute windows: a call past the quota waits
// for the next minute with room, and queued calls fill later minutes.
func TestLimiter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 0, 0, 50, 0, time.UTC)
	l := newLimiter(RateLimits{PerMinute: map[string]int{"/a": 60}}, func() time.Time { return now })
	var waits []time.Duration
	for range 125 {
		waits = append(waits, l.reserve("/a"))
	}
	want := make([]time.Duration, 0, 125)
	for i := range 125 {
		want = append(want, []time.Duration{0, 10 * time.Second, 70 * time.Second}[i/60])
	}
	if diff := cmp.Diff(want, waits); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	now = now.Add(2*time.Minute + 10*time.Second) // 00:03:00: minute 00:02 is over
	if w := l.reserve("/a"); w != 0 {
		t.Errorf("in a fresh minute the call waits %v", w)
	}
	if w := l.reserve("/unlisted"); w != 0 {
		t.Errorf("unlisted path waits %v with Default 0", w)
	}
	now = time.Date(2026, 3, 1, 0, 3, 59, 0, time.UTC)
	for range 59 {
		l.reserve("/a")
	}
	if w := l.reserve("/a"); w != time.Second {
		t.Errorf("61st call of minute 00:03 at 00:03:59 waits %v, want 1s", w)
	}
}

func TestDefaultRateLimits_FreshCopies(t *testing.T) {
	t.Parallel()
	a := DefaultRateLimits()
	a.PerMinute[pathStableToken] = 1
	if DefaultRateLimits().PerMinute[pathStableToken] != 10000 {
		t.Error("DefaultRateLimits shares its map")
	}
	if err := (RateLimits{PerMinute: map[string]int{"/x": 0}}).validate(); err == nil {
		t.Error("zero quota accepted")
	}
}

func TestPaginate_CursorLoop(t *testing.T) {
	t.Parallel()
	calls := 0
	it := paginate(t.Context(), "", func(_ context.Context, key string) ([]int, string, error) {
		calls++
		return []int{calls}, "same", nil
	})
	var got []int
	var last error
	for v, err := range it {
		if err != nil {
			last = err
			break
		}
		got = append(got, v)
	}
	if !errors.Is(last, errCursorLoop) || len(got) != 2 {
		t.Errorf("got %v, %v; want 2 items then errCursorLoop", got, last)
	}
}

// TestPaginate_Loops runs cursor sequences with a tail of t distinct keys
// then a loop of period p: every loop is caught within 2·max(t, p)+p+2
// pages, and a
// long run of distinct keys is never taken for a loop.
func TestPaginate_Loops(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		tail, period int // period 0: no loop, tail pages then the end
	}{
		{"self", 0, 1},
		{"two", 0, 2},
		{"back to start", 0, 7},
		{"tail then self", 5, 1},
		{"tail then three", 10, 3},
		{"long tail, short loop", 100, 2},
		{"long loop", 1000, 999},
		{"no loop", 100_000, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Key i (as a string) leads to i+1 in the tail, then around the loop.
			nextOf := func(i int) int {
				if tc.period == 0 {
					if i+1 >= tc.tail {
						return -1
					}
					return i + 1
				}
				if i+1 < tc.tail+tc.period {
					return i + 1
				}
				return tc.tail
			}
			pages := 0
			it := paginate(t.Context(), "k0", func(_ context.Context, key string) ([]int, string, error) {
				pages++
				i, err := strconv.Atoi(strings.TrimPrefix(key, "k"))
				if err != nil {
					return nil, "", err
				}
				n := nextOf(i)
				if n < 0 {
					return []int{i}, "", nil
				}
				return []int{i}, "k" + strconv.Itoa(n), nil
			})
			var last error
			for _, err := range it {
				if err != nil {
					last = err
				}
			}
			if tc.period == 0 {
				if last != nil || pages != tc.tail {
					t.Errorf("no loop: %d pages, %v; want %d pages, no error", pages, last, tc.tail)
				}
				return
			}
			if !errors.Is(last, errCursorLoop) {
				t.Fatalf("err = %v, want errCursorLoop", last)
			}
			if limit := 2*max(tc.tail, tc.period) + tc.period + 2; pages > limit {
				t.Errorf("loop caught after %d pages, want at most %d", pages, limit)
			}
			if pages < tc.tail+tc.period {
				t.Errorf("loop reported after %d pages, before the loop closed (%d)", pages, tc.tail+tc.period)
			}
		})
	}
}

// TestPaginate_ConstantMemory checks that the iterator's allocations do
// not grow with the number of pages (it used to keep every cursor).
func TestPaginate_ConstantMemory(t *testing.T) {
	keys := make([]string, 8001)
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(i)
	}
	index := make(map[string]int, len(keys))
	for i, k := range keys {
		index[k] = i
	}
	items := []int{1}
	allocs := func(pages int) float64 {
		return testing.AllocsPerRun(3, func() {
			it := paginate(context.Background(), keys[0], func(_ context.Context, key string) ([]int, string, error) {
				if i := index[key]; i+1 < pages {
					return items, keys[i+1], nil
				}
				return items, "", nil
			})
			for range it {
			}
		})
	}
	small, large := allocs(1000), allocs(8000)
	if large > small+2 {
		t.Errorf("allocations: %v for 1,000 pages, %v for 8,000; want no growth", small, large)
	}
}
