package shopapi_test

import (
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// manualClock is a clock tests move by hand.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func newManualClock(t time.Time) *manualClock { return &manualClock{t: t} }

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var orderEpoch = time.Date(2026, 3, 1, 10, 0, 0, 0, shanghai)

// orderFake returns a fake on a manual clock (tokens never expire in
// practice: the clock only moves when the test says so) and a client.
func orderFake(t *testing.T, opts ...shopapitest.Option) (*shopapitest.Server, *shopapi.Client, *manualClock) {
	t.Helper()
	clk := newManualClock(orderEpoch)
	all := append([]shopapitest.Option{shopapitest.WithClock(clk.Now), shopapitest.WithTokenTTL(365 * 24 * time.Hour)}, opts...)
	srv := shopapitest.NewServer(t, all...)
	return srv, inprocClient(t, srv), clk
}

var walnuts = shopapitest.OrderLine{ProductID: "23423523452345235", SKUID: "23423523452345301", Title: "云南高山手剥核桃 500g",
	SKUCode: "WAL-500", Count: 2, UnitPriceFen: 3990}
var pecans = shopapitest.OrderLine{ProductID: "23423523452345236", SKUID: "23423523452345302", Title: "碧根果 250g",
	SKUCode: "PEC-250", Count: 1, UnitPriceFen: 2590}

func newOrder(t *testing.T, srv *shopapitest.Server, paid bool) vcart.ID {
	t.Helper()
	id, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: "o-buyer-1", Lines: []shopapitest.OrderLine{walnuts, pecans},
		FreightFen: 800, CustomerNotes: "请尽快发货"})
	if err != nil {
		t.Fatal(err)
	}
	if paid {
		if err := srv.PayOrder(id); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func TestOrderStatus(t *testing.T) {
	t.Parallel()
	type row struct {
		S                                      shopapi.OrderStatus
		Name, Chinese                          string
		CanShip, Paid, Cancelled, Final, Valid bool
	}
	var got []row
	for _, s := range append(shopapi.OrderStatuses(), 190) {
		got = append(got, row{s, s.String(), s.ChineseName(), s.CanShip(), s.IsPaid(), s.IsCancelled(), s.IsFinal(), s.Valid()})
	}
	want := []row{
		{10, "unpaid", "待付款", false, false, false, false, true},
		{20, "awaiting_shipment", "待发货", true, true, false, false, true},
		{21, "partially_shipped", "部分发货", true, true, false, false, true},
		{30, "shipped", "待收货", false, true, false, false, true},
		{100, "completed", "完成", false, true, false, true, true},
		{200, "cancelled_after_aftersale", "售后取消", false, true, true, true, true},
		{250, "cancelled", "已取消", false, false, true, true, true},
		{190, "OrderStatus(190)", "", false, false, false, false, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestOrders_GetFullTree(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	id := newOrder(t, srv, true)
	clk.Advance(time.Hour)
	o, _, err := c.Orders.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := strconv.ParseUint(string(o.OrderID), 10, 64); err != nil || n <= 1<<53 {
		t.Errorf("order id %q is not a 64-bit id above 2^53", o.OrderID)
	}
	if o.Status != shopapi.OrderAwaitingShipment || !o.Created().Equal(orderEpoch) {
		t.Errorf("status %v created %v", o.Status, o.Created())
	}
	p := o.Detail.PriceInfo
	got := []int64{int64(p.ProductPrice), int64(p.Freight), int64(p.OrderPrice), int64(p.MerchantReceivePrice)}
	if diff := cmp.Diff([]int64{2*3990 + 2590, 800, 2*3990 + 2590 + 800, 2*3990 + 2590 + 800}, got); diff != "" {
		t.Errorf("price_info (-want +got):\n%s", diff)
	}
	if !p.Paid().Equal(vcart.FromFen(11370)) {
		t.Errorf("Paid() = %v", p.Paid())
	}
	if o.Detail.PayInfo == nil || !o.Detail.PayInfo.Paid().Equal(orderEpoch) || o.Detail.PayInfo.TransactionID == "" {
		t.Errorf("pay_info %+v", o.Detail.PayInfo)
	}
	// The fake's default technical service fee is 5% of the paid amount.
	if s := o.Detail.SettleInfo; s == nil || s.PredictCommissionFee != 569 || s.CommissionFee != 0 || !s.Settled().IsZero() {
		t.Errorf("settle_info %+v", o.Detail.SettleInfo)
	}
	if len(o.Detail.ProductInfos) != 2 || o.Detail.ProductInfos[0].RealPrice != 7980 || o.Detail.ExtInfo.CustomerNotes != "请尽快发货" {
		t.Errorf("lines %+v ext %+v", o.Detail.ProductInfos, o.Detail.ExtInfo)
	}
	if a := o.Detail.DeliveryInfo.AddressInfo; a == nil || a.CityName != "广州市" {
		t.Errorf("address %+v", a)
	}
	if _, _, err := c.Orders.Get(t.Context(), "3705115058471208928"); apiCode(err) != shopapi.CodeOrderNotFound {
		t.Errorf("unknown order: %v", err)
	}
	var ve *vcart.ValidationError
	if _, _, err := c.Orders.Get(t.Context(), " "); !errors.As(err, &ve) {
		t.Errorf("empty id: %v", err)
	}
}

func TestOrders_ListIterWindows(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	// One order an hour for 31 days: orders fall exactly on every window
	// boundary.
	srv.SeedOrders(31*24, orderEpoch, time.Hour)
	day := 24 * time.Hour
	tests := []struct {
		name     string
		span     time.Duration
		want     int
		maxCalls int
	}{
		{"0 s", 0, 0, 0},
		{"1 s", time.Second, 1, 1},
		{"exactly 7 days", 7 * day, 7 * 24, 2},
		{"7 days + 1 s", 7*day + time.Second, 7*24 + 1, 3},
		{"30 days", 30 * day, 30 * 24, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Calls("/channels/ec/order/list/get")
			seen := map[shopapi.ID]bool{}
			w := shopapi.Window{Start: orderEpoch, End: orderEpoch.Add(tt.span)}
			for id, err := range c.Orders.ListIter(t.Context(), &shopapi.OrderListOptions{CreateTime: &w}) {
				if err != nil {
					t.Fatal(err)
				}
				if seen[id] {
					t.Fatalf("duplicate id %s", id)
				}
				seen[id] = true
			}
			if len(seen) != tt.want {
				t.Errorf("got %d orders, want %d", len(seen), tt.want)
			}
			if calls := srv.Calls("/channels/ec/order/list/get") - before; calls > tt.maxCalls {
				t.Errorf("%d list calls, want at most %d", calls, tt.maxCalls)
			}
		})
	}
}

func TestOrders_ListFilters(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	unpaid := newOrder(t, srv, false)
	clk.Advance(time.Minute)
	paid := newOrder(t, srv, true)
	clk.Advance(time.Minute)
	ctx := t.Context()
	w := shopapi.Window{Start: orderEpoch, End: orderEpoch.Add(time.Hour)}
	collect := func(o *shopapi.OrderListOptions) []shopapi.ID {
		var ids []shopapi.ID
		for id, err := range c.Orders.ListIter(ctx, o) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		return ids
	}
	st := shopapi.OrderUnpaid
	if diff := cmp.Diff([]shopapi.ID{unpaid}, collect(&shopapi.OrderListOptions{CreateTime: &w, Status: &st})); diff != "" {
		t.Errorf("status filter:\n%s", diff)
	}
	if diff := cmp.Diff([]shopapi.ID{unpaid, paid}, collect(&shopapi.OrderListOptions{CreateTime: &w, PageSize: 1})); diff != "" {
		t.Errorf("page size 1:\n%s", diff)
	}
	// Update-time range: paying moved the paid order's update_time.
	uw := shopapi.Window{Start: orderEpoch.Add(time.Minute), End: orderEpoch.Add(2 * time.Minute)}
	if diff := cmp.Diff([]shopapi.ID{paid}, collect(&shopapi.OrderListOptions{UpdateTime: &uw})); diff != "" {
		t.Errorf("update range:\n%s", diff)
	}
	// One page: cursor and NextKey.
	l, resp, err := c.Orders.List(ctx, &shopapi.OrderListOptions{CreateTime: &w, PageSize: 1})
	if err != nil || len(l.OrderIDList) != 1 || !bool(l.HasMore) || resp.NextKey == "" {
		t.Fatalf("first page %+v %v", l, err)
	}
	l2, resp2, err := c.Orders.List(ctx, &shopapi.OrderListOptions{CreateTime: &w, PageSize: 1, NextKey: resp.NextKey})
	if err != nil || len(l2.OrderIDList) != 1 || l2.OrderIDList[0] != paid || resp2.NextKey != "" {
		t.Fatalf("second page %+v %v", l2, err)
	}
}

func TestOrders_ListValidation(t *testing.T) {
	t.Parallel()
	_, c, _ := orderFake(t)
	long := shopapi.Window{Start: orderEpoch, End: orderEpoch.Add(7*24*time.Hour + time.Second)}
	back := shopapi.Window{Start: orderEpoch, End: orderEpoch.Add(-time.Second)}
	bad := shopapi.OrderStatus(190)
	tests := []struct {
		name  string
		opts  *shopapi.OrderListOptions
		codes []string
	}{
		{"no range", nil, []string{"create_time_range:required"}},
		{"long range in one page", &shopapi.OrderListOptions{CreateTime: &long}, []string{"create_time_range:range"}},
		{"everything wrong", &shopapi.OrderListOptions{UpdateTime: &back, PageSize: 101, Status: &bad},
			[]string{"page_size:range", "status:enum", "update_time_range:order"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := c.Orders.List(t.Context(), tt.opts)
			if diff := cmp.Diff(tt.codes, fieldCodes(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// ListIter splits a long range but still rejects a reversed one.
	for _, err := range c.Orders.ListIter(t.Context(), &shopapi.OrderListOptions{CreateTime: &back}) {
		if diff := cmp.Diff([]string{"time_range:order"}, fieldCodes(err)); diff != "" {
			t.Errorf("iter reversed range:\n%s", diff)
		}
	}
}

func fieldCodes(err error) []string {
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		return []string{"not a validation error: " + errString(err)}
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+":"+p.Code)
	}
	slices.Sort(out)
	return out
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestOrders_Search(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	a := newOrder(t, srv, true)
	b, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{pecans},
		Address: &shopapi.AddressInfo{UserName: "李四", TelNumber: "13900001234", ProvinceName: "北京市", CityName: "北京市",
			CountyName: "朝阳区", DetailInfo: "建国路1号"}})
	if err != nil {
		t.Fatal(err)
	}
	srv.SeedOrders(50, orderEpoch, time.Second)
	ctx := t.Context()
	if _, err := c.Orders.UpdateMerchantNotes(ctx, a, "VIP 客户，加急"); err != nil {
		t.Fatal(err)
	}
	unpaid := shopapi.OrderUnpaid
	tests := []struct {
		name string
		opts shopapi.OrderSearchOptions
		want []shopapi.ID
	}{
		{"merchant notes", shopapi.OrderSearchOptions{Condition: shopapi.OrderSearchCondition{MerchantNotes: "加急"}}, []shopapi.ID{a}},
		{"tel last 4", shopapi.OrderSearchOptions{Condition: shopapi.OrderSearchCondition{TelNumberLast4: "1234"}}, []shopapi.ID{b}},
		{"title and status", shopapi.OrderSearchOptions{Condition: shopapi.OrderSearchCondition{Title: "碧根果"}, Status: &unpaid}, []shopapi.ID{b}},
		{"order id", shopapi.OrderSearchOptions{Condition: shopapi.OrderSearchCondition{OrderID: a}}, []shopapi.ID{a}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []shopapi.ID
			for id, err := range c.Orders.SearchIter(ctx, &tt.opts) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, id)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	n := 0
	for _, err := range c.Orders.SearchIter(ctx, &shopapi.OrderSearchOptions{PageSize: 7}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 52 {
		t.Errorf("search all: %d orders, want 52", n)
	}
	if _, _, err := c.Orders.Search(ctx, &shopapi.OrderSearchOptions{PageSize: 101, Condition: shopapi.OrderSearchCondition{TelNumberLast4: "12"}}); len(fieldCodes(err)) != 2 {
		t.Errorf("search validation: %v", err)
	}
}

func TestOrders_UpdatePrice(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	id := newOrder(t, srv, false)
	req := &shopapi.PriceUpdateRequest{OrderID: id, ChangeExpress: true, ExpressFee: 0,
		Changes: []shopapi.PriceChange{{ProductID: walnuts.ProductID, SKUID: walnuts.SKUID, ChangePrice: 7000}}}
	if _, err := c.Orders.UpdatePrice(ctx, req); err != nil {
		t.Fatal(err)
	}
	o, _, err := c.Orders.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	p := o.Detail.PriceInfo
	if p.OrderPrice != 7000+2590 || p.Freight != 0 || p.OriginalOrderPrice != 11370 || p.ChangeDownPrice != 980+800 ||
		!bool(p.IsChangeFreight) || p.MerchantReceivePrice != p.OrderPrice {
		t.Errorf("after change: %+v", p)
	}
	// Above the original line price: 108021; nothing applied.
	up := &shopapi.PriceUpdateRequest{OrderID: id, Changes: []shopapi.PriceChange{{ProductID: walnuts.ProductID, SKUID: walnuts.SKUID, ChangePrice: 9000}}}
	if _, err := c.Orders.UpdatePrice(ctx, up); apiCode(err) != shopapi.CodePriceAboveOriginal {
		t.Errorf("raise price: %v", err)
	}
	if err := srv.PayOrder(id); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Orders.UpdatePrice(ctx, req); apiCode(err) != shopapi.CodeOrderStatusForbids {
		t.Errorf("change after payment: %v", err)
	}
	bad := &shopapi.PriceUpdateRequest{ExpressFee: -1, Changes: []shopapi.PriceChange{{ChangePrice: 0}}}
	want := []string{"change_order_infos[0].change_price:range", "change_order_infos[0]:required", "express_fee:range", "order_id:required"}
	if _, err := c.Orders.UpdatePrice(ctx, bad); !cmp.Equal(want, fieldCodes(err)) {
		t.Errorf("validation: %v", fieldCodes(err))
	}
}

func TestOrders_AddressAndNotes(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	unpaid := newOrder(t, srv, false)
	id := newOrder(t, srv, true)
	addr := &shopapi.AddressInfo{UserName: "王五", TelNumber: "13700000000", ProvinceName: "浙江省", CityName: "杭州市",
		CountyName: "西湖区", DetailInfo: "文三路 100 号"}
	if _, err := c.Orders.UpdateAddress(ctx, unpaid, addr); apiCode(err) != shopapi.CodeAddressOnlyAwaitingShip {
		t.Errorf("unpaid order: %v", err)
	}
	for i := range 5 {
		if _, err := c.Orders.UpdateAddress(ctx, id, addr); err != nil {
			t.Fatalf("change %d: %v", i+1, err)
		}
	}
	if _, err := c.Orders.UpdateAddress(ctx, id, addr); apiCode(err) != shopapi.CodeAddressChangedTooOften {
		t.Errorf("sixth change: %v", err)
	}
	if _, err := c.Orders.UpdateAddress(ctx, "", &shopapi.AddressInfo{}); len(fieldCodes(err)) != 7 {
		t.Errorf("validation: %v", fieldCodes(err))
	}
	// A buyer's change request, accepted then none pending.
	id2 := newOrder(t, srv, true)
	if err := srv.RequestAddressChange(id2, *addr); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Orders.AcceptAddressChange(ctx, id2); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Orders.RejectAddressChange(ctx, id2); apiCode(err) != shopapi.CodeOrderStatusForbids {
		t.Errorf("reject with nothing pending: %v", err)
	}
	o, _, err := c.Orders.Get(ctx, id2)
	if err != nil || o.Detail.DeliveryInfo.AddressInfo.CityName != "杭州市" {
		t.Errorf("accepted address: %v %+v", err, o)
	}
	long := make([]rune, shopapi.MaxMerchantNotes+1)
	for i := range long {
		long[i] = '注'
	}
	if _, err := c.Orders.UpdateMerchantNotes(ctx, id, string(long)); !cmp.Equal([]string{"merchant_notes:length"}, fieldCodes(err)) {
		t.Errorf("long notes: %v", err)
	}
	if _, err := c.Orders.UpdateMerchantNotes(ctx, "3705115058471208928", "x"); apiCode(err) != shopapi.CodeOrderNotFound {
		t.Errorf("notes on unknown order: %v", err)
	}
}

func TestOrders_FakeOptionsAndClockOrder(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t, shopapitest.WithServiceFeeRate(fees.BasisPoints(200)),
		shopapitest.WithLifecycleTimers(shopapitest.LifecycleTimers{PayTimeout: time.Hour}),
		shopapitest.WithFeeSchedule(fees.SeedSchedule()))
	ctx := t.Context()
	later := newOrder(t, srv, true)
	clk.Advance(-30 * time.Minute) // a clock that steps back: the fake keeps create-time order
	earlier, _ := srv.CreateOrder(shopapitest.NewOrder{OpenID: "o-other", Lines: []shopapitest.OrderLine{pecans}})
	w := shopapi.Window{Start: orderEpoch.Add(-time.Hour), End: orderEpoch.Add(time.Hour)}
	var got []shopapi.ID
	for id, err := range c.Orders.ListIter(ctx, &shopapi.OrderListOptions{CreateTime: &w}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if diff := cmp.Diff([]shopapi.ID{earlier, later}, got); diff != "" {
		t.Errorf("create-time order:\n%s", diff)
	}
	l, _, err := c.Orders.List(ctx, &shopapi.OrderListOptions{CreateTime: &w, OpenID: "o-other"})
	if err != nil || len(l.OrderIDList) != 1 || l.OrderIDList[0] != earlier {
		t.Errorf("openid filter: %v %+v", err, l)
	}
	o, _, err := c.Orders.Get(ctx, later)
	if err != nil {
		t.Fatal(err)
	}
	if o.Detail.SettleInfo.PredictCommissionFee != 227 || !o.Updated().Equal(orderEpoch) { // 2% of 113.70
		t.Errorf("predicted fee %d, updated %v", o.Detail.SettleInfo.PredictCommissionFee, o.Updated())
	}
	// The one-hour payment timeout.
	clk.Advance(59 * time.Minute)
	if n := srv.Tick(); n != 0 {
		t.Errorf("%d transitions before the timeout", n)
	}
	clk.Advance(time.Minute)
	if n := srv.Tick(); n != 1 {
		t.Errorf("%d transitions at the timeout", n)
	}
	if st, _ := srv.OrderStatus(earlier); st != shopapi.OrderCancelled {
		t.Errorf("status %v", st)
	}
}

// TestOrders_UnknownIDs checks that every order, delivery and after-sale
// call naming an unknown id gets the platform's not-found errcode.
func TestOrders_UnknownIDs(t *testing.T) {
	t.Parallel()
	_, c, _ := orderFake(t)
	ctx := t.Context()
	const order, as = shopapi.ID("3705115058471208928"), shopapi.ID("3705115058471208999")
	addr := &shopapi.AddressInfo{UserName: "李四", TelNumber: "13900000000", ProvinceName: "广东省", CityName: "深圳市",
		CountyName: "南山区", DetailInfo: "科技园1号"}
	tests := []struct {
		name string
		call func() error
		want int
	}{
		{"price", func() error {
			_, err := c.Orders.UpdatePrice(ctx, &shopapi.PriceUpdateRequest{OrderID: order, ChangeExpress: true, ExpressFee: 100})
			return err
		}, shopapi.CodeOrderNotFound},
		{"notes", func() error { _, err := c.Orders.UpdateMerchantNotes(ctx, order, "x"); return err }, shopapi.CodeOrderNotFound},
		{"address", func() error { _, err := c.Orders.UpdateAddress(ctx, order, addr); return err }, shopapi.CodeOrderNotFound},
		{"accept address", func() error { _, err := c.Orders.AcceptAddressChange(ctx, order); return err }, shopapi.CodeOrderNotFound},
		{"reject address", func() error { _, err := c.Orders.RejectAddressChange(ctx, order); return err }, shopapi.CodeOrderNotFound},
		{"ship", func() error {
			_, err := c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: order, Packages: []shopapi.Package{walnutPkg("SF1000000009", 1)}})
			return err
		}, shopapi.CodeOrderNotFound},
		{"after-sale get", func() error { _, _, err := c.Aftersales.Get(ctx, as); return err }, shopapi.CodeAftersaleNotFound},
		{"after-sale accept", func() error {
			_, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: as})
			return err
		}, shopapi.CodeAftersaleNotFound},
		{"after-sale reject", func() error {
			_, err := c.Aftersales.Reject(ctx, &shopapi.RejectRequest{AftersaleOrderID: as, RejectReasonType: 1, RejectReason: "不同意"})
			return err
		}, shopapi.CodeAftersaleNotFound},
		{"refund certificate", func() error {
			_, err := c.Aftersales.UploadRefundCertificate(ctx, as, "已退款", []string{"media-1"})
			return err
		}, shopapi.CodeAftersaleNotFound},
	}
	for _, tt := range tests {
		if got := apiCode(tt.call()); got != tt.want {
			t.Errorf("%s: errcode %d, want %d", tt.name, got, tt.want)
		}
	}
}
