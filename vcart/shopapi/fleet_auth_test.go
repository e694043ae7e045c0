package shopapi_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/notify/notifytest"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestFleet_AuthorisationEvents keeps a fleet current from the platform's
// authorisation events: authorized adds the merchant (its code exchanged
// through api_query_auth), unauthorized removes it.
func TestFleet_AuthorisationEvents(t *testing.T) {
	t.Parallel()
	srv, f, _, now := newFleet(t, 0, shopapi.FleetConfig{})
	const (
		token  = "component-push-token"
		aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	)
	v, err := notify.NewVerifier(token, aesKey, fleetComponent, notify.WithClock(func() time.Time { return *now }))
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := notifytest.NewEncoder(token, aesKey, fleetComponent)
	h, err := notify.NewAuthHandler(v, notify.AuthCallbacks{
		Authorized: func(ctx context.Context, ev *notify.AuthEvent) error {
			_, err := f.Authorize(ctx, ev.AuthorizationCode)
			return err
		},
		Unauthorized: func(ctx context.Context, ev *notify.AuthEvent) error { return f.Remove(ctx, ev.AuthorizerAppID) },
	}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	push := func(ev *notify.AuthEvent) int {
		q, body, err := enc.EncodeAuthEvent(ev, strconv.FormatInt(now.Unix(), 10), "nonce")
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/auth?"+q.Encode(), bytes.NewReader(body)))
		return rec.Code
	}
	ctx := context.Background()
	const shop = "wxnewmerchant01"
	if _, err := f.Client(ctx, shop); !errors.Is(err, shopapi.ErrUnknownMerchant) {
		t.Fatalf("before authorisation: %v", err)
	}
	code := srv.AuthorizationCode(shop)
	if got := push(&notify.AuthEvent{AppID: fleetComponent, InfoType: notify.InfoAuthorized, AuthorizerAppID: shop, AuthorizationCode: code}); got != 200 {
		t.Fatalf("authorized event answered %d", got)
	}
	c, err := f.Client(ctx, shop)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Store.Info(ctx); err != nil {
		t.Fatalf("the new merchant's call: %v", err)
	}
	// The code is valid once: a replayed event fails (500: the platform
	// would retry, and the merchant is already in the fleet).
	if got := push(&notify.AuthEvent{AppID: fleetComponent, InfoType: notify.InfoAuthorized, AuthorizerAppID: shop, AuthorizationCode: code}); got != 500 {
		t.Errorf("replayed code answered %d, want 500", got)
	}
	if _, err := f.Authorize(ctx, ""); err == nil {
		t.Error("empty code accepted")
	}
	if got := push(&notify.AuthEvent{AppID: fleetComponent, InfoType: notify.InfoUnauthorized, AuthorizerAppID: shop}); got != 200 {
		t.Fatalf("unauthorized event answered %d", got)
	}
	if _, err := f.Client(ctx, shop); !errors.Is(err, shopapi.ErrUnknownMerchant) {
		t.Errorf("after revocation: %v", err)
	}
}
