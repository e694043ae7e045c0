package shopapi_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

const (
	fleetComponent       = "wxcomponent000001"
	fleetComponentSecret = "component-secret-0123456789"
)

// newFleet returns a fake with a third-party platform, n authorised shops
// besides its own, and a fleet over them with the fake's clock.
func newFleet(t *testing.T, n int, cfg shopapi.FleetConfig) (*shopapitest.Server, *shopapi.Fleet, []string, *time.Time) {
	t.Helper()
	var mu sync.Mutex
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, err := shopapitest.New(shopapitest.WithComponent(fleetComponent, fleetComponentSecret), shopapitest.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	hc := srv.HTTPClient()
	comp, err := shopapi.NewComponentTokenSource(fleetComponent, fleetComponentSecret,
		func(context.Context) (string, error) { return srv.ComponentVerifyTicket(), nil },
		shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(hc), shopapi.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	cfg.ComponentAppID = fleetComponent
	cfg.Component = comp
	if cfg.RefreshTokens == nil {
		cfg.RefreshTokens = shopapi.NewMemoryRefreshTokenStore()
	}
	cfg.Options = append(cfg.Options, shopapi.WithBaseURL(srv.URL()), shopapi.WithHTTPClient(hc), shopapi.WithClock(clock))
	cfg.Now = clock
	f, err := shopapi.NewFleet(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var apps []string
	for i := range n {
		app := fmt.Sprintf("wxmerchant%06d", i)
		if err := f.Add(context.Background(), app, srv.AuthorizeShop(app)); err != nil {
			t.Fatal(err)
		}
		apps = append(apps, app)
	}
	return srv, f, apps, &now
}

func TestFleet(t *testing.T) {
	t.Parallel()
	srv, f, apps, _ := newFleet(t, 3, shopapi.FleetConfig{MaxClients: 2})
	ctx := context.Background()
	for _, app := range apps {
		c, err := f.Client(ctx, app)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Store.Info(ctx); err != nil {
			t.Fatalf("%s: %v", app, err)
		}
		again, _ := f.Client(ctx, app)
		if again != c {
			t.Errorf("%s: a second client for the same merchant", app)
		}
		if n := srv.AuthorizerTokenFetches(app); n != 1 {
			t.Errorf("%s: %d token fetches, want 1", app, n)
		}
	}
	if f.Len() != 2 {
		t.Errorf("fleet holds %d clients, want at most 2", f.Len())
	}
	// The evicted merchant's client is built again; its token is still in
	// the token store, so no new fetch.
	c0, err := f.Client(ctx, apps[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c0.Store.Info(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Client(ctx, "wxnotauthorised"); !errors.Is(err, shopapi.ErrUnknownMerchant) {
		t.Errorf("unknown merchant: %v", err)
	}
	if err := f.Remove(ctx, apps[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Client(ctx, apps[1]); !errors.Is(err, shopapi.ErrUnknownMerchant) {
		t.Errorf("removed merchant: %v", err)
	}
	if err := f.Add(ctx, "", "x"); err == nil {
		t.Error("Add accepted an empty appid")
	}
}

func TestFleet_IdleEviction(t *testing.T) {
	t.Parallel()
	_, f, apps, now := newFleet(t, 2, shopapi.FleetConfig{IdleTimeout: time.Minute})
	ctx := context.Background()
	for _, app := range apps {
		if _, err := f.Client(ctx, app); err != nil {
			t.Fatal(err)
		}
	}
	*now = now.Add(2 * time.Minute) // newFleet's clock reads *now under its own lock; no call runs here
	if _, err := f.Client(ctx, apps[0]); err != nil {
		t.Fatal(err)
	}
	if f.Len() != 1 {
		t.Errorf("fleet holds %d clients after the others idled, want 1", f.Len())
	}
}

func TestFleet_Concurrent(t *testing.T) {
	t.Parallel()
	_, f, apps, _ := newFleet(t, 20, shopapi.FleetConfig{MaxClients: 5})
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := f.Client(ctx, apps[i%len(apps)])
			if err != nil {
				t.Error(err)
				return
			}
			if _, _, err := c.Store.Info(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if f.Len() > 5 {
		t.Errorf("fleet holds %d clients, want at most 5", f.Len())
	}
}

func TestNewFleet_Config(t *testing.T) {
	t.Parallel()
	if _, err := shopapi.NewFleet(shopapi.FleetConfig{MaxClients: -1}); err == nil {
		t.Error("NewFleet accepted an empty configuration")
	}
}
