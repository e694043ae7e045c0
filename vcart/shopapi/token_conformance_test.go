package shopapi

import (
	"context"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/internal/wirecheck"
)

// The token endpoints go through token.go's tokenCall, not Client.call: their
// wire cases fetch a token with a shop token source pointed at the example
// server and report the type tokenCall decodes into (tokenResponse) for the
// key coverage check.

// tokenWireCase fetches a token from the wire case's server.
func tokenWireCase(path string, opts ...Option) wireCase {
	return wireCase{path: path, call: func(ctx context.Context, c *Client, _ []byte) error {
		all := append([]Option{WithBaseURL(c.cfg.baseURL), WithoutRateLimit()}, opts...)
		ts, err := NewShopTokenSource("APPID", "APPSECRET", all...)
		if err != nil {
			return err
		}
		if _, err := ts.Token(ctx); err != nil {
			return err
		}
		if c.cfg.decoded != nil {
			c.cfg.decoded(path, &tokenResponse{})
		}
		return nil
	}}
}

var tokenWireCases = []wireCase{
	tokenWireCase("/cgi-bin/stable_token"),
	tokenWireCase("/cgi-bin/token", WithLegacyToken()),
}

// TestTokenWire fetches a token from a server answering each official
// example and checks the token, its lifetime, and that tokenResponse
// declares every key of the answer.
func TestTokenWire(t *testing.T) {
	t.Parallel()
	fixtures := loadOfficial(t)
	for _, tt := range []struct {
		path string
		opts []Option
	}{
		{"/cgi-bin/stable_token", nil},
		{"/cgi-bin/token", []Option{WithLegacyToken()}},
	} {
		fx := wirecheck.Find(fixtures, tt.path)
		if len(fx) != 1 {
			t.Fatalf("%s: %d fixtures", tt.path, len(fx))
		}
		answer, _ := fx[0].JSON("response")
		missing, err := wirecheck.Uncovered(reflect.TypeFor[tokenResponse](), answer, "errcode", "errmsg")
		if err != nil || len(missing) > 0 {
			t.Errorf("%s: tokenResponse does not declare %q (%v)", tt.path, missing, err)
		}
		srv := &exampleServer{answer: answer}
		hs := httptest.NewServer(srv)
		now := time.Unix(1700000000, 0)
		all := append([]Option{WithBaseURL(hs.URL), WithoutRateLimit(), WithClock(func() time.Time { return now })}, tt.opts...)
		ts, err := NewShopTokenSource("APPID", "APPSECRET", all...)
		if err != nil {
			hs.Close()
			t.Fatal(err)
		}
		tok, err := ts.fetcher.FetchToken(context.Background(), false)
		hs.Close()
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if tok.AccessToken != "ACCESS_TOKEN" || !tok.ExpiresAt.Equal(now.Add(7200*time.Second)) {
			t.Errorf("%s: token %q expires %v", tt.path, tok.AccessToken, tok.ExpiresAt)
		}
		srv.mu.Lock()
		sent := srv.requests[len(srv.requests)-1]
		srv.mu.Unlock()
		if sent.path != tt.path {
			t.Errorf("%s: sent to %s", tt.path, sent.path)
		}
		if req, ok := fx[0].JSON("request"); ok {
			checkRequestKeys(t, tt.path, req, sent.body, nil)
		}
	}
}
