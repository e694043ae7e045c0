package shopapi_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

const pathDeliverySend = "/channels/ec/order/delivery/send"

func walnutPkg(waybill string, n int64) shopapi.Package {
	return shopapi.Package{DeliveryID: "SF", WaybillID: waybill, DeliverType: shopapi.DeliverSelf,
		Products: []shopapi.DeliveryProduct{{ProductID: walnuts.ProductID, SKUID: walnuts.SKUID, ProductCnt: shopapi.Int64(n)}}}
}

func TestDelivery_Companies(t *testing.T) {
	t.Parallel()
	_, c, _ := orderFake(t)
	list, _, err := c.Delivery.Companies(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) < 5 || list[0] != (shopapi.DeliveryCompany{DeliveryID: "SF", DeliveryName: "顺丰速运"}) ||
		list[len(list)-1].DeliveryID != shopapi.DeliveryOther {
		t.Errorf("companies %+v", list)
	}
}

func TestDelivery_PartialThenFull(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	id := newOrder(t, srv, true)
	// One walnut bag now: partly shipped.
	if _, err := c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{walnutPkg("SF1000000001", 1)}}); err != nil {
		t.Fatal(err)
	}
	o, _, err := c.Orders.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != shopapi.OrderPartiallyShipped || !o.Status.CanShip() {
		t.Fatalf("status %v", o.Status)
	}
	rest := o.Unshipped()
	want := []shopapi.DeliveryProduct{
		{ProductID: walnuts.ProductID, SKUID: walnuts.SKUID, ProductCnt: 1},
		{ProductID: pecans.ProductID, SKUID: pecans.SKUID, ProductCnt: 1},
	}
	if diff := cmp.Diff(want, rest); diff != "" {
		t.Fatalf("unshipped (-want +got):\n%s", diff)
	}
	// Shipping more than is left: 109000; nothing applied.
	if _, err := c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{walnutPkg("SF1000000002", 2)}}); apiCode(err) != shopapi.CodeDeliveryFailed {
		t.Errorf("over-ship: %v", err)
	}
	// The rest in a second package, through Unshipped.
	full := &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{{DeliveryID: "ZTO", WaybillID: "ZT7000000002",
		DeliverType: shopapi.DeliverSelf, Products: rest}}}
	if _, err := c.Delivery.Ship(ctx, full); err != nil {
		t.Fatal(err)
	}
	if st, _ := srv.OrderStatus(id); st != shopapi.OrderShipped {
		t.Errorf("status after the rest: %v", st)
	}
	if _, err := c.Delivery.Ship(ctx, full); apiCode(err) != shopapi.CodeAlreadyShipped {
		t.Errorf("ship again: %v", err)
	}
	var events []string
	for _, e := range srv.Events() {
		events = append(events, e.Name)
	}
	if diff := cmp.Diff([]string{"channels_ec_order_new", "channels_ec_order_pay", "channels_ec_order_deliver", "channels_ec_order_deliver"}, events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestDelivery_Errors(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	unpaid := newOrder(t, srv, false)
	paid := newOrder(t, srv, true)
	tests := []struct {
		name string
		req  *shopapi.ShipRequest
		code int
	}{
		{"unpaid", &shopapi.ShipRequest{OrderID: unpaid, Packages: []shopapi.Package{walnutPkg("SF1000000001", 1)}}, shopapi.CodeOrderStatusForbids},
		{"unknown carrier", &shopapi.ShipRequest{OrderID: paid, Packages: []shopapi.Package{{DeliveryID: "NOPE", WaybillID: "NP123456",
			DeliverType: 1, Products: walnutPkg("", 1).Products}}}, shopapi.CodeInvalidDeliveryID},
		{"virtual on a logistics order", &shopapi.ShipRequest{OrderID: paid, Packages: []shopapi.Package{{DeliverType: shopapi.DeliverVirtual,
			Products: walnutPkg("", 1).Products}}}, shopapi.CodeDeliverTypeMismatch},
		{"wrong SKU", &shopapi.ShipRequest{OrderID: paid, Packages: []shopapi.Package{{DeliveryID: "SF", WaybillID: "SF1000000003",
			DeliverType: 1, Products: []shopapi.DeliveryProduct{{ProductID: "1", SKUID: "2", ProductCnt: 1}}}}}, shopapi.CodeWrongProductOrSKU},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := c.Delivery.Ship(ctx, tt.req); apiCode(err) != tt.code {
				t.Errorf("got %v, want errcode %d", err, tt.code)
			}
		})
	}
	if n := srv.Packages(paid); n != 0 {
		t.Errorf("rejected shipments left %d packages", n)
	}
	// Client-side validation reports every problem at once.
	bad := &shopapi.ShipRequest{Packages: []shopapi.Package{{DeliverType: 7, Products: []shopapi.DeliveryProduct{{SKUID: "1"}, {SKUID: "1", ProductID: "2", ProductCnt: 1}}}}}
	want := []string{"delivery_list[0].deliver_type:enum", "delivery_list[0].delivery_id:required",
		"delivery_list[0].product_infos[0].product_cnt:range", "delivery_list[0].product_infos[0]:required",
		"delivery_list[0].product_infos[1].sku_id:duplicate", "delivery_list[0].waybill_id:required", "order_id:required"}
	if _, err := c.Delivery.Ship(ctx, bad); !cmp.Equal(want, fieldCodes(err)) {
		t.Errorf("validation:\n%s", cmp.Diff(want, fieldCodes(err)))
	}
}

// TestDelivery_NoDoubleShipment applies a shipment and drops the answer:
// the client must not retry, and Confirm must find the package.
func TestDelivery_NoDoubleShipment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kind     shopapitest.FaultKind
		want     shopapi.ShipmentState
		packages int
	}{
		{shopapitest.FaultApplyThenDrop, shopapi.ShipmentRecorded, 1},
		{shopapitest.FaultDropBefore, shopapi.ShipmentNotRecorded, 0},
	} {
		t.Run(tc.kind.String(), func(t *testing.T) {
			t.Parallel()
			srv, c, _ := orderFake(t)
			ctx := t.Context()
			id := newOrder(t, srv, true)
			req := &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{walnutPkg("SF1000000009", 2)}}
			srv.InjectFault(pathDeliverySend, shopapitest.Fault{Kind: tc.kind})
			_, err := c.Delivery.Ship(ctx, req)
			if !errors.Is(err, shopapi.ErrAmbiguous) {
				t.Fatalf("want ErrAmbiguous, got %v", err)
			}
			if n := srv.Calls(pathDeliverySend); n != 1 {
				t.Errorf("%d send calls: a shipment was retried", n)
			}
			if n := srv.Packages(id); n != tc.packages {
				t.Errorf("%d packages, want %d", n, tc.packages)
			}
			state, o, err := c.Delivery.Confirm(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if state != tc.want {
				t.Errorf("Confirm = %v, want %v", state, tc.want)
			}
			if state == shopapi.ShipmentNotRecorded {
				// Safe to ship now; the platform then has exactly one package.
				if _, err := c.Delivery.Ship(ctx, req); err != nil {
					t.Fatal(err)
				}
				if state, _, _ = c.Delivery.Confirm(ctx, req); state != shopapi.ShipmentRecorded || srv.Packages(id) != 1 {
					t.Errorf("after reshipping: %v, %d packages", state, srv.Packages(id))
				}
			} else if !o.HasPackage(req.Packages[0]) {
				t.Error("HasPackage disagrees with Confirm")
			}
		})
	}
}

func TestShipmentState_String(t *testing.T) {
	t.Parallel()
	got := []string{shopapi.ShipmentNotRecorded.String(), shopapi.ShipmentRecorded.String(), shopapi.ShipmentPartlyRecorded.String(),
		shopapi.ShipmentState(9).String(), shopapi.DeliverSelf.String(), shopapi.DeliverVirtual.String(), shopapi.DeliverType(9).String()}
	want := []string{"not_recorded", "recorded", "partly_recorded", "ShipmentState(9)", "self", "virtual", "DeliverType(9)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

func TestDelivery_Virtual(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	id, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{walnuts}, Virtual: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = srv.PayOrder(id)
	logistics := &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{walnutPkg("SF1000000001", 2)}}
	if _, err := c.Delivery.Ship(ctx, logistics); apiCode(err) != shopapi.CodeDeliverTypeMismatch {
		t.Errorf("logistics package on a virtual order: %v", err)
	}
	req := &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{{DeliverType: shopapi.DeliverVirtual,
		Products: walnutPkg("", 2).Products}}}
	if state, _, err := c.Delivery.Confirm(ctx, req); err != nil || state != shopapi.ShipmentNotRecorded {
		t.Fatalf("before: %v %v", state, err)
	}
	if _, err := c.Delivery.Ship(ctx, req); err != nil {
		t.Fatal(err)
	}
	state, o, err := c.Delivery.Confirm(ctx, req)
	if err != nil || state != shopapi.ShipmentRecorded || o.Status != shopapi.OrderShipped || o.Detail.DeliveryInfo.DeliverMethod != 1 {
		t.Errorf("after: %v %v %+v", state, err, o)
	}
	// A package that is not on the order, next to one that is.
	both := &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{req.Packages[0],
		{DeliverType: shopapi.DeliverVirtual, Products: walnutPkg("", 1).Products}}}
	if state, _, _ := c.Delivery.Confirm(ctx, both); state != shopapi.ShipmentPartlyRecorded {
		t.Errorf("partly: %v", state)
	}
	if _, _, err := c.Delivery.Confirm(ctx, nil); err == nil {
		t.Error("nil request accepted")
	}
}
