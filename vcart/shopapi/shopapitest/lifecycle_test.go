package shopapitest_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

var (
	shanghai   = vcart.Shanghai()
	epoch      = time.Date(2026, 3, 1, 10, 0, 0, 0, shanghai)
	pushToken  = "vcartpushtoken"
	pushAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	line       = shopapitest.OrderLine{ProductID: "23423523452345235", SKUID: "23423523452345301", Count: 2, UnitPriceFen: 3990}
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newFake(t *testing.T, opts ...shopapitest.Option) (*shopapitest.Server, *clock) {
	t.Helper()
	clk := &clock{t: epoch}
	all := append([]shopapitest.Option{shopapitest.WithClock(clk.Now), shopapitest.WithTokenTTL(365 * 24 * time.Hour)}, opts...)
	return shopapitest.NewServer(t, all...), clk
}

// receiver is a notify.Handler that records the events it handled; it
// answers 500 to the first fail pushes.
type receiver struct {
	mu    sync.Mutex
	h     http.Handler
	fail  int
	calls int
	got   []string
}

func newReceiver(t *testing.T, srv *shopapitest.Server, now func() time.Time, fail int) *receiver {
	t.Helper()
	var opts []notify.Option
	if now != nil {
		opts = append(opts, notify.WithClock(now))
	}
	v, err := notify.NewVerifier(pushToken, pushAESKey, srv.AppID(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	h, err := notify.NewHandler(v)
	if err != nil {
		t.Fatal(err)
	}
	rc := &receiver{h: h, fail: fail}
	record := func(s string) {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		rc.got = append(rc.got, s)
	}
	for _, name := range []string{notify.EventOrderNew, notify.EventOrderPay, notify.EventOrderDeliver, notify.EventOrderConfirm,
		notify.EventOrderSettle, notify.EventOrderCancel} {
		h.On(name, func(_ context.Context, ev notify.Event) error {
			var oi notify.OrderInfo
			switch e := ev.(type) {
			case *notify.OrderNewEvent:
				oi = e.OrderInfo
			case *notify.OrderPayEvent:
				oi = e.OrderInfo
			case *notify.OrderDeliverEvent:
				oi = e.OrderInfo
			case *notify.OrderConfirmEvent:
				oi = e.OrderInfo
			case *notify.OrderSettleEvent:
				oi = e.OrderInfo
			case *notify.OrderCancelEvent:
				oi = e.OrderInfo
			}
			extra := ""
			switch {
			case oi.FinishDelivery != 0:
				extra = " finish=" + strconv.FormatInt(oi.FinishDelivery.Int64(), 10)
			case oi.ConfirmType != 0:
				extra = " confirm=" + strconv.FormatInt(oi.ConfirmType.Int64(), 10)
			case oi.CancelType != 0:
				extra = " cancel=" + strconv.FormatInt(oi.CancelType.Int64(), 10)
			case oi.PayTime != 0 || oi.SettleTime != 0:
				extra = " at"
			}
			record(ev.EventName() + " " + oi.OrderID.String() + extra)
			return nil
		})
	}
	if err := notify.Handle(h, notify.EventAftersaleUpdate, func(_ context.Context, e *notify.AftersaleUpdateEvent) error {
		record(e.EventName() + " " + e.Aftersale.AftersaleOrderID.String() + " " + e.Aftersale.Status)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return rc
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc.mu.Lock()
	rc.calls++
	fail := rc.calls <= rc.fail
	rc.mu.Unlock()
	if fail {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	rc.h.ServeHTTP(w, r)
}

func (rc *receiver) events() []string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]string(nil), rc.got...)
}

func TestLifecycle_PushesEveryTransition(t *testing.T) {
	t.Parallel()
	srv, clk := newFake(t)
	rc := newReceiver(t, srv, clk.Now, 0)
	if err := srv.EnablePush(shopapitest.PushConfig{Handler: rc, Token: pushToken, EncodingAESKey: pushAESKey}); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	id, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	if err != nil {
		t.Fatal(err)
	}
	steps := []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder}
	for _, step := range steps {
		clk.Advance(time.Hour)
		if err := step(id); err != nil {
			t.Fatal(err)
		}
		srv.DeliverPushes(ctx)
	}
	cancelled, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	if err := srv.CancelOrder(cancelled); err != nil {
		t.Fatal(err)
	}
	refunded, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	_ = srv.PayOrder(refunded)
	as, err := srv.OpenAftersale(refunded, shopapitest.NewAftersale{SKUID: line.SKUID})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.CancelAftersale(as); err != nil {
		t.Fatal(err)
	}
	if n := srv.DeliverPushes(ctx); n != 6 {
		t.Errorf("delivered %d pushes, want 6", n)
	}
	want := []string{
		"channels_ec_order_new " + string(id), "channels_ec_order_pay " + string(id) + " at", "channels_ec_order_deliver " + string(id) + " finish=1",
		"channels_ec_order_confirm " + string(id) + " confirm=1", "channels_ec_order_settle " + string(id) + " at",
		"channels_ec_order_new " + string(cancelled), "channels_ec_order_cancel " + string(cancelled) + " cancel=1",
		"channels_ec_order_new " + string(refunded), "channels_ec_order_pay " + string(refunded) + " at",
		"channels_ec_aftersale_update " + string(as) + " MERCHANT_PROCESSING", "channels_ec_aftersale_update " + string(as) + " USER_CANCELD",
	}
	if diff := cmp.Diff(want, rc.events()); diff != "" {
		t.Errorf("received (-want +got):\n%s", diff)
	}
	for _, a := range srv.PushLog() {
		if !a.Accepted || a.N != 1 || a.Status != http.StatusOK {
			t.Errorf("attempt %+v", a)
		}
	}
	if st, _ := srv.OrderStatus(id); st != shopapi.OrderCompleted {
		t.Errorf("final status %v", st)
	}
	// Steps out of order are refused and change nothing.
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder, srv.CancelOrder} {
		if err := step(id); !errors.Is(err, shopapitest.ErrState) {
			t.Errorf("repeated step: %v", err)
		}
	}
	if err := srv.PayOrder("42"); !errors.Is(err, shopapitest.ErrNotFound) {
		t.Errorf("unknown order: %v", err)
	}
}

// TestPush_RetrySchedule: the receiver is down; the fake pushes 10 times
// at 0 s, 0 s, 0 s, 10 s, 70 s, 370 s, 2170 s, 5770 s, 9370 s, 12970 s.
func TestPush_RetrySchedule(t *testing.T) {
	t.Parallel()
	srv, clk := newFake(t)
	rc := newReceiver(t, srv, clk.Now, 1000)
	if err := srv.EnablePush(shopapitest.PushConfig{Handler: rc, Token: pushToken, EncodingAESKey: pushAESKey}); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}}); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for range 20 {
		srv.DeliverPushes(ctx)
		n, next := srv.PendingPushes()
		if n == 0 {
			break
		}
		clk.Advance(next.Sub(clk.Now()))
	}
	var offsets []time.Duration
	for _, a := range srv.PushLog() {
		offsets = append(offsets, a.At.Sub(epoch))
		if a.Accepted || a.Status != http.StatusInternalServerError {
			t.Errorf("attempt %+v", a)
		}
	}
	s := time.Second
	want := []time.Duration{0, 0, 0, 10 * s, 70 * s, 370 * s, 2170 * s, 5770 * s, 9370 * s, 12970 * s}
	if diff := cmp.Diff(want, offsets); diff != "" {
		t.Errorf("attempt offsets (-want +got):\n%s", diff)
	}
	if n, _ := srv.PendingPushes(); n != 0 {
		t.Errorf("%d pushes still pending after 10 attempts", n)
	}
}

// TestPush_RecoversInSynctest runs the delivery loop on synctest's clock: the
// receiver fails 4 times, so the 5th push (at 70 s) is accepted.
func TestPush_RecoversInSynctest(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(365*24*time.Hour))
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		rc := newReceiver(t, srv, nil, 4)
		if err := srv.EnablePush(shopapitest.PushConfig{Handler: rc, Token: pushToken, EncodingAESKey: pushAESKey}); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() {
			srv.RunPushes(ctx)
			close(done)
		}()
		id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
		time.Sleep(2 * time.Hour)
		cancel()
		<-done
		var offsets []time.Duration
		for _, a := range srv.PushLog() {
			offsets = append(offsets, a.At.Sub(start))
		}
		if diff := cmp.Diff([]time.Duration{0, 0, 0, 10 * time.Second, 70 * time.Second}, offsets); diff != "" {
			t.Errorf("offsets (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"channels_ec_order_new " + string(id)}, rc.events()); diff != "" {
			t.Errorf("received:\n%s", diff)
		}
	})
}

func TestLifecycle_Timers(t *testing.T) {
	t.Parallel()
	srv, clk := newFake(t)
	unpaid, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	shipped, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll} {
		if err := step(shipped); err != nil {
			t.Fatal(err)
		}
	}
	status := func() []shopapi.OrderStatus {
		a, _ := srv.OrderStatus(unpaid)
		b, _ := srv.OrderStatus(shipped)
		return []shopapi.OrderStatus{a, b}
	}
	steps := []struct {
		advance time.Duration
		n       int
		want    []shopapi.OrderStatus
	}{
		{14 * time.Minute, 0, []shopapi.OrderStatus{10, 30}},
		{time.Minute, 1, []shopapi.OrderStatus{250, 30}},
		{10 * 24 * time.Hour, 1, []shopapi.OrderStatus{250, 100}},
		{7 * 24 * time.Hour, 1, []shopapi.OrderStatus{250, 100}},
		{24 * time.Hour, 0, []shopapi.OrderStatus{250, 100}},
	}
	for i, s := range steps {
		clk.Advance(s.advance)
		if n := srv.Tick(); n != s.n {
			t.Errorf("step %d: %d transitions, want %d", i, n, s.n)
		}
		if diff := cmp.Diff(s.want, status()); diff != "" {
			t.Errorf("step %d:\n%s", i, diff)
		}
	}
	var names []string
	for _, e := range srv.Events() {
		if e.Key == unpaid || e.Key == shipped {
			names = append(names, e.Name)
		}
	}
	want := []string{"channels_ec_order_new", "channels_ec_order_new", "channels_ec_order_pay", "channels_ec_order_deliver",
		"channels_ec_order_cancel", "channels_ec_order_confirm", "channels_ec_order_settle"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("events:\n%s", diff)
	}
}

func TestOrders_RawPlatformErrors(t *testing.T) {
	t.Parallel()
	srv, _ := newFake(t)
	tok := token(t, srv)
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	_ = srv.PayOrder(id)
	as, _ := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: line.SKUID})
	q := "?access_token=" + tok
	tests := []struct {
		name, path, body string
		code             int
	}{
		{"order range over 7 days", "/channels/ec/order/list/get", `{"create_time_range":{"start_time":0,"end_time":604801},"page_size":10}`, shopapi.CodeTimeRangeTooLong},
		{"order list without range", "/channels/ec/order/list/get", `{"page_size":10}`, shopapi.CodeBadParams},
		{"bad cursor", "/channels/ec/order/list/get", `{"create_time_range":{"start_time":0,"end_time":10},"page_size":10,"next_key":"zz"}`, shopapi.CodeBadParams},
		{"after-sale range over 24 h", "/channels/ec/aftersale/getaftersalelist", `{"begin_create_time":0,"end_create_time":86401}`, shopapi.CodeTimeRangeTooLong},
		{"after-sale id as a number", "/channels/ec/aftersale/getaftersaleorder", `{"after_sale_order_id":` + string(as) + `}`, shopapi.CodeDataFormat},
		{"same SKU in two packages", "/channels/ec/order/delivery/send", `{"order_id":"` + string(id) + `","delivery_list":[` +
			`{"delivery_id":"SF","waybill_id":"SF1000000001","deliver_type":1,"product_infos":[{"product_id":"` + string(line.ProductID) + `","sku_id":"` + string(line.SKUID) + `","product_cnt":1}]},` +
			`{"delivery_id":"SF","waybill_id":"SF1000000002","deliver_type":1,"product_infos":[{"product_id":"` + string(line.ProductID) + `","sku_id":"` + string(line.SKUID) + `","product_cnt":1}]}]}`,
			shopapi.CodeAftersaleBlocksShipping},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _ := raw(t, srv, http.MethodPost, tt.path+q, tt.body)
			if env.ErrCode != tt.code {
				t.Errorf("errcode %d (%s), want %d", env.ErrCode, env.ErrMsg, tt.code)
			}
		})
	}
	_ = srv.CancelAftersale(as)
	body := tests[len(tests)-1].body
	if env, _ := raw(t, srv, http.MethodPost, "/channels/ec/order/delivery/send"+q, body); env.ErrCode != shopapi.CodeSameSKUOnePackage {
		t.Errorf("same SKU split: %d %s", env.ErrCode, env.ErrMsg)
	}
	if n := srv.Packages(id); n != 0 {
		t.Errorf("rejected shipment left %d packages", n)
	}
}

// TestPush_URL pushes over HTTP to a callback URL, as the platform does.
func TestPush_URL(t *testing.T) {
	t.Parallel()
	srv, clk := newFake(t)
	rc := newReceiver(t, srv, clk.Now, 1)
	hs := httptest.NewServer(rc)
	t.Cleanup(hs.Close)
	if err := srv.EnablePush(shopapitest.PushConfig{URL: hs.URL + "/wx/callback", Token: pushToken, EncodingAESKey: pushAESKey}); err != nil {
		t.Fatal(err)
	}
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	if n := srv.DeliverPushes(t.Context()); n != 2 {
		t.Errorf("%d attempts, want 2 (one failure, then accepted)", n)
	}
	if diff := cmp.Diff([]string{"channels_ec_order_new " + string(id)}, rc.events()); diff != "" {
		t.Error(diff)
	}
	if err := srv.EnablePush(shopapitest.PushConfig{Token: pushToken, EncodingAESKey: pushAESKey}); err == nil {
		t.Error("no URL and no handler accepted")
	}
	if err := srv.EnablePush(shopapitest.PushConfig{URL: hs.URL, Token: pushToken, EncodingAESKey: "short"}); err == nil {
		t.Error("bad AES key accepted")
	}
}

// TestPush_ReceiverTimeout: a receiver that hangs past the 5-second budget
// counts as a failed attempt (under synctest the wait is instant).
func TestPush_ReceiverTimeout(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(365*24*time.Hour))
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		var calls atomic.Int32
		slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if calls.Add(1) == 1 {
				select {
				case <-r.Context().Done():
				case <-release:
				}
				return
			}
			_, _ = w.Write([]byte("success"))
		})
		if err := srv.EnablePush(shopapitest.PushConfig{Handler: slow, Token: pushToken, EncodingAESKey: pushAESKey}); err != nil {
			t.Fatal(err)
		}
		_, _ = srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
		start := time.Now()
		srv.DeliverPushes(t.Context())
		close(release)
		log := srv.PushLog()
		if len(log) != 2 || log[0].Err == "" || log[0].Accepted || !log[1].Accepted {
			t.Fatalf("log %+v", log)
		}
		if d := log[1].At.Sub(start); d != 5*time.Second {
			t.Errorf("second attempt after %v, want 5s (the timeout; the next interval is 0 s)", d)
		}
	})
}

// TestPush_EnableWhileRunning enables push while RunPushes waits (run it
// with -race): RunPushes must read the wake channel under the lock, and
// EnablePush must wake a RunPushes waiting on the channel it replaces, or
// the event below is never delivered. synctest.Wait lets RunPushes reach
// its wait before each step, without real-time sleeps or polling.
func TestPush_EnableWhileRunning(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	synctest.Test(t, func(t *testing.T) {
		rc := newReceiver(t, srv, nil, 0)
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() {
			srv.RunPushes(ctx)
			close(done)
		}()
		defer func() {
			cancel()
			<-done
		}()
		for range 5 {
			synctest.Wait() // RunPushes waits on the current wake channel
			if err := srv.EnablePush(shopapitest.PushConfig{Handler: rc, Token: pushToken, EncodingAESKey: pushAESKey}); err != nil {
				t.Fatal(err)
			}
		}
		synctest.Wait()
		id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
		synctest.Wait() // RunPushes has delivered, or waits on a channel nobody signals
		if diff := cmp.Diff([]string{"channels_ec_order_new " + string(id)}, rc.events()); diff != "" {
			t.Errorf("received (-want +got):\n%s", diff)
		}
	})
}
