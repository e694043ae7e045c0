package redisstore

import (
	"strings"
	"testing"
	"time"
)

func TestCodec(t *testing.T) {
	t.Parallel()
	exp := time.Date(2026, 3, 1, 2, 0, 0, 123_000_000, time.UTC)
	tests := []struct {
		in     string
		ok     bool
		tok    string
		expiry time.Time
	}{
		{encodeToken("AT", exp), true, "AT", exp},
		{"v1 1772330400123 a b", true, "a b", exp},
		{"v1 -5 t", true, "t", time.UnixMilli(-5)},
		{"v1 0 \n", true, "\n", time.UnixMilli(0)},
		{"", false, "", time.Time{}},
		{"v1 ", false, "", time.Time{}},
		{"v1 12", false, "", time.Time{}},
		{"v1 12 ", false, "", time.Time{}},
		{"v1 +12 t", false, "", time.Time{}},
		{"v1 - t", false, "", time.Time{}},
		{"v1 1a t", false, "", time.Time{}},
		{"v1 99999999999999999999 t", false, "", time.Time{}},
		{"V1 12 t", false, "", time.Time{}},
	}
	for _, tt := range tests {
		tok, expiry, ok := decodeToken(tt.in)
		if ok != tt.ok || tok != tt.tok || !expiry.Equal(tt.expiry) {
			t.Errorf("decodeToken(%q) = %q, %v, %v; want %q, %v, %v", tt.in, tok, expiry, ok, tt.tok, tt.expiry, tt.ok)
		}
	}
}

// FuzzDecodeToken: decoding never panics, a decoded value re-encodes to a
// value that decodes the same, and encode→decode round-trips any token.
func FuzzDecodeToken(f *testing.F) {
	f.Add("v1 1772330400123 AT", "AT", int64(1772330400123))
	f.Add("v1 -1 a b", "a b", int64(-1))
	f.Add("v1 x", "", int64(0))
	f.Add("", "\n", int64(1<<62))
	f.Fuzz(func(t *testing.T, v, tok string, ms int64) {
		if len(v) > 4096 || len(tok) > 4096 {
			t.Skip()
		}
		if gotTok, exp, ok := decodeToken(v); ok {
			if gotTok == "" || !strings.HasSuffix(v, gotTok) {
				t.Fatalf("decodeToken(%q) = %q", v, gotTok)
			}
			again, exp2, ok2 := decodeToken(encodeToken(gotTok, exp))
			if !ok2 || again != gotTok || !exp2.Equal(exp) {
				t.Fatalf("re-encode of %q changed it", v)
			}
		}
		if tok == "" {
			return
		}
		exp := time.UnixMilli(ms)
		got, gotExp, ok := decodeToken(encodeToken(tok, exp))
		if !ok || got != tok || !gotExp.Equal(exp) {
			t.Fatalf("round trip of %q, %d = %q, %v, %v", tok, ms, got, gotExp, ok)
		}
	})
}
