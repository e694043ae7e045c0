package shopapitest_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func TestNew_InvalidOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opt  shopapitest.Option
		want string
	}{
		{"nil option", nil, "shopapitest: nil Option (argument 0)"},
		{"nil clock", shopapitest.WithClock(nil), "shopapitest: WithClock: nil clock"},
		{"empty appid", shopapitest.WithCredentials("", "s3cret"), "shopapitest: WithCredentials: empty appid"},
		{"empty secret", shopapitest.WithCredentials("wxprog", ""), "shopapitest: WithCredentials: empty secret"},
		{"empty component appid", shopapitest.WithComponent("", "s3cret"), "shopapitest: WithComponent: empty appid"},
		{"empty component secret", shopapitest.WithComponent("wxcomp", ""), "shopapitest: WithComponent: empty secret"},
		{"zero TTL", shopapitest.WithTokenTTL(0), "shopapitest: WithTokenTTL: TTL must be positive, got 0s"},
		{"negative TTL", shopapitest.WithTokenTTL(-time.Second), "shopapitest: WithTokenTTL: TTL must be positive, got -1s"},
		{"negative rate", shopapitest.WithServiceFeeRate(-1),
			"shopapitest: WithServiceFeeRate: rate -1 must lie in [0, 1000000] (fees.MaxRate)"},
		{"rate over 100%", shopapitest.WithServiceFeeRate(fees.MaxRate + 1),
			"shopapitest: WithServiceFeeRate: rate 1000001 must lie in [0, 1000000] (fees.MaxRate)"},
		{"negative pay timeout", shopapitest.WithLifecycleTimers(shopapitest.LifecycleTimers{PayTimeout: -time.Minute}),
			"shopapitest: WithLifecycleTimers: PayTimeout must not be negative, got -1m0s"},
		{"negative auto-confirm", shopapitest.WithLifecycleTimers(shopapitest.LifecycleTimers{AutoConfirm: -1}),
			"shopapitest: WithLifecycleTimers: AutoConfirm must not be negative, got -1ns"},
		{"negative settlement", shopapitest.WithLifecycleTimers(shopapitest.LifecycleTimers{SettleAfter: -time.Hour}),
			"shopapitest: WithLifecycleTimers: SettleAfter must not be negative, got -1h0m0s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, err := shopapitest.New(tt.opt)
			if srv != nil {
				srv.Close()
				t.Error("New returned a server with an invalid option")
			}
			if err == nil {
				t.Fatal("New accepted an invalid option")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Error("the error carries the secret")
			}
		})
	}
}

func TestNew_InvalidFeeSchedule(t *testing.T) {
	t.Parallel()
	_, wantErr := fees.NewCalculator(fees.Schedule{})
	if wantErr == nil {
		t.Fatal("fees accepts an empty schedule: pick another invalid one")
	}
	srv, err := shopapitest.New(shopapitest.WithClock(time.Now), shopapitest.WithFeeSchedule(fees.Schedule{}))
	if srv != nil {
		srv.Close()
		t.Error("New returned a server with an invalid fee schedule")
	}
	if diff := cmp.Diff("shopapitest: WithFeeSchedule: "+wantErr.Error(), fmt.Sprint(err)); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	if errors.Unwrap(err) == nil {
		t.Error("the fee schedule's error is not wrapped")
	}
}

func TestNew_ValidOptions(t *testing.T) {
	t.Parallel()
	srv, err := shopapitest.New(
		shopapitest.WithClock(time.Now),
		shopapitest.WithCredentials("wxprog00000000001", "prog-secret"),
		shopapitest.WithComponent("wxcomp0000000001", "comp-secret"),
		shopapitest.WithTokenTTL(time.Minute),
		shopapitest.WithAutoAudit(),
		shopapitest.WithCategoryPermissions(),
		shopapitest.WithServiceFeeRate(0),
		shopapitest.WithServiceFeeRate(fees.MaxRate),
		shopapitest.WithFeeSchedule(fees.SeedSchedule()),
		shopapitest.WithLifecycleTimers(shopapitest.LifecycleTimers{}),
	)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if srv.AppID() != "wxprog00000000001" {
		t.Errorf("AppID = %q", srv.AppID())
	}
}

// fatalTB records Fatal and ends the goroutine, as testing.T does.
type fatalTB struct {
	testing.TB
	fatal string
}

func (f *fatalTB) Helper()                      {}
func (f *fatalTB) Cleanup(func())               {}
func (f *fatalTB) Fatal(args ...any)            { f.fatal = fmt.Sprint(args...); runtime.Goexit() }
func (f *fatalTB) Fatalf(s string, args ...any) { f.fatal = fmt.Sprintf(s, args...); runtime.Goexit() }

func TestNewServer_InvalidOptionFailsTheTest(t *testing.T) {
	t.Parallel()
	tb := &fatalTB{TB: t}
	done := make(chan *shopapitest.Server)
	go func() {
		var srv *shopapitest.Server
		defer func() { done <- srv }()
		srv = shopapitest.NewServer(tb, shopapitest.WithTokenTTL(-time.Second))
	}()
	if srv := <-done; srv != nil {
		srv.Close()
		t.Error("NewServer returned a server with an invalid option")
	}
	if diff := cmp.Diff("shopapitest: WithTokenTTL: TTL must be positive, got -1s", tb.fatal); diff != "" {
		t.Errorf("Fatal (-want +got):\n%s", diff)
	}
}
