package shopapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestToken_ExpiresInBounds: expires_in is bounded before it becomes a
// Duration. A huge value used to overflow time.Duration and wrap (to an
// expiry in the past, or a few seconds ahead); it is now capped at a day.
// A value not positive is a malformed answer.
func TestToken_ExpiresInBounds(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		expiresIn string
		want      time.Time // zero: an error wrapping ErrMalformedResponse
	}{
		{"platform value", "7200", now.Add(2 * time.Hour)},
		{"a day", "86400", now.Add(24 * time.Hour)},
		{"a year, capped", "31536000", now.Add(24 * time.Hour)},
		{"wraps to the past", "9223372037", now.Add(24 * time.Hour)},
		{"wraps to a few seconds", "18446744074", now.Add(24 * time.Hour)},
		{"max int64", "9223372036854775807", now.Add(24 * time.Hour)},
		{"zero", "0", time.Time{}},
		{"negative", "-1", time.Time{}},
		{"min int64", "-9223372036854775808", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, `{"access_token":"TOK","expires_in":%s}`, tt.expiresIn)
			}))
			defer srv.Close()
			store := shopapi.NewMemoryTokenStore()
			ts, err := shopapi.NewShopTokenSource("wxapp", "s3cret", shopapi.WithBaseURL(srv.URL),
				shopapi.WithHTTPClient(srv.Client()), shopapi.WithTokenStore(store),
				shopapi.WithClock(func() time.Time { return now }), shopapi.WithoutRateLimit())
			if err != nil {
				t.Fatal(err)
			}
			tok, err := ts.Token(context.Background())
			if tt.want.IsZero() {
				if !errors.Is(err, shopapi.ErrMalformedResponse) {
					t.Fatalf("Token() = %q, %v; want ErrMalformedResponse", tok, err)
				}
				return
			}
			if err != nil || tok != "TOK" {
				t.Fatalf("Token() = %q, %v", tok, err)
			}
			got, ok, err := store.Load(context.Background(), ts.Key())
			if err != nil || !ok || !got.ExpiresAt.Equal(tt.want) {
				t.Errorf("stored expiry = %v (ok %v, %v), want %v", got.ExpiresAt, ok, err, tt.want)
			}
		})
	}
}
