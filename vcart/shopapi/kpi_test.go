package shopapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func decode[T any](t *testing.T, s string) *T {
	t.Helper()
	v := new(T)
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return v
}

func TestKPIOrder(t *testing.T) {
	t.Parallel()
	sh := vcart.Shanghai()
	// 1772330400 is 2026-03-01 10:00:00 +08:00.
	const created, paid, shipped1, shipped2 = 1772330400, 1772330400 + 120, 1772330400 + 7200, 1772330400 + 3600
	tests := []struct {
		name       string
		order      string
		aftersales []string
		want       kpi.Order
	}{
		{"unpaid", `{"order_id":"3704612354926968320","openid":"o1","create_time":1772330400,"status":10,
			"order_detail":{"price_info":{"order_price":3990}}}`, nil,
			kpi.Order{ID: "3704612354926968320", BuyerID: "o1", CreatedAt: time.Unix(created, 0).In(sh)}},
		{"paid, shipped in two packages, insured", `{"order_id":"1","openid":"o1","create_time":1772330400,"status":30,
			"order_detail":{"pay_info":{"pay_time":1772330520},"price_info":{"order_price":12900},
			"product_infos":[{"product_id":"p","sku_id":"s","sku_cnt":1,"sale_price":12900,"real_price":12900,"extra_service":{"freight_insurance":1}}],
			"delivery_info":{"deliver_method":0,"delivery_product_info":[
				{"waybill_id":"w1","delivery_id":"SF","delivery_time":1772337600,"deliver_type":1,"product_infos":[]},
				{"waybill_id":"w2","delivery_id":"SF","delivery_time":1772334000,"deliver_type":1,"product_infos":[]},
				{"waybill_id":"w3","delivery_id":"SF","deliver_type":1,"product_infos":[]}]}}}`, nil,
			kpi.Order{ID: "1", BuyerID: "o1", CreatedAt: time.Unix(created, 0).In(sh), PaidAt: time.Unix(paid, 0).In(sh),
				AmountFen: 12900, ShippedAt: time.Unix(shipped2, 0).In(sh), FreightInsurance: true}},
		{"refunds: completed ones count, others and strangers do not, freight added", `{"order_id":"2","openid":"o2","create_time":1772330400,
			"order_detail":{"pay_info":{"pay_time":1772330520},"price_info":{"order_price":10000},"refund_info":{"refund_freight":800}},
			"aftersale_detail":{"on_aftersale_order_cnt":1,"aftersale_order_list":[{"aftersale_order_id":"a1","status":1},{"aftersale_order_id":"a2","status":1},{"aftersale_order_id":"a3","status":1}]}}`,
			[]string{
				`{"after_sale_order_id":"a1","order_id":"2","status":"MERCHANT_REFUND_SUCCESS","type":"REFUND","create_time":1,"update_time":1,"product_info":{"product_id":"p","sku_id":"s","count":1},"refund_info":{"amount":3000}}`,
				`{"after_sale_order_id":"a1","order_id":"2","status":"MERCHANT_REFUND_SUCCESS","type":"REFUND","create_time":1,"update_time":1,"product_info":{"product_id":"p","sku_id":"s","count":1},"refund_info":{"amount":3000}}`,
				`{"after_sale_order_id":"a2","order_id":"2","status":"MERCHANT_PROCESSING","type":"REFUND","create_time":1,"update_time":1,"product_info":{"product_id":"p","sku_id":"s","count":1},"refund_info":{"amount":2000}}`,
				`{"after_sale_order_id":"a3","order_id":"99","status":"MERCHANT_REFUND_SUCCESS","type":"REFUND","create_time":1,"update_time":1,"product_info":{"product_id":"p","sku_id":"s","count":1},"refund_info":{"amount":2000}}`,
				`{"after_sale_order_id":"a9","order_id":"2","status":"MERCHANT_REFUND_SUCCESS","type":"REFUND","create_time":1,"update_time":1,"product_info":{"product_id":"p","sku_id":"s","count":1},"refund_info":{"amount":2000}}`,
			},
			kpi.Order{ID: "2", BuyerID: "o2", CreatedAt: time.Unix(created, 0).In(sh), PaidAt: time.Unix(paid, 0).In(sh), AmountFen: 10000, RefundFen: 3800}},
		{"refund capped at the amount paid", `{"order_id":"3","openid":"o3","create_time":1772330400,
			"order_detail":{"pay_info":{"pay_time":1772330520},"price_info":{"order_price":1000},"refund_info":{"refund_freight":500}},
			"aftersale_detail":{"aftersale_order_list":[{"aftersale_order_id":"a1","status":1}]}}`,
			[]string{`{"after_sale_order_id":"a1","order_id":"3","status":"MERCHANT_RETURN_SUCCESS","type":"RETURN","create_time":1,"update_time":1,"product_info":{"product_id":"p","sku_id":"s","count":1},"refund_info":{"amount":1000}}`},
			kpi.Order{ID: "3", BuyerID: "o3", CreatedAt: time.Unix(created, 0).In(sh), PaidAt: time.Unix(paid, 0).In(sh), AmountFen: 1000, RefundFen: 1000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := decode[shopapi.Order](t, tt.order)
			var as []*shopapi.Aftersale
			for _, a := range tt.aftersales {
				as = append(as, decode[shopapi.Aftersale](t, a))
			}
			got := shopapi.KPIOrder(o, as)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("KPIOrder() mismatch (-want +got):\n%s", diff)
			}
			if got.CreatedAt.Location() != sh {
				t.Errorf("CreatedAt in %v, want vcart.Shanghai", got.CreatedAt.Location())
			}
		})
	}
	if diff := cmp.Diff(kpi.Order{}, shopapi.KPIOrder(nil, nil)); diff != "" {
		t.Errorf("KPIOrder(nil) mismatch (-want +got):\n%s", diff)
	}
}

// TestClient_KPIOrders runs the seam against the fake: a refunded order's
// after-sale is fetched, the others cost no call, and the iterator over a
// period gives the same orders.
func TestClient_KPIOrders(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx := t.Context()
	c := srv.Client()
	newOrder := func(sku string, fen int64) vcart.ID {
		t.Helper()
		id, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: "buyer-" + sku, Lines: []shopapitest.OrderLine{
			{ProductID: "10000000000000001", SKUID: vcart.ID("2000000000000000" + sku), Count: 1, UnitPriceFen: fen}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.PayOrder(id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	kept := newOrder("1", 12900)
	refunded := newOrder("2", 3990)
	as, err := srv.OpenAftersale(refunded, shopapitest.NewAftersale{SKUID: "20000000000000002"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: as}); err != nil {
		t.Fatal(err)
	}
	var orders []*shopapi.Order
	for _, id := range []vcart.ID{kept, refunded} {
		o, _, err := c.Orders.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		orders = append(orders, o)
	}
	got, err := c.KPIOrders(ctx, orders...)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ID             vcart.OrderID
		Amount, Refund vcart.Fen
	}
	var rows []row
	for _, k := range got {
		rows = append(rows, row{k.ID, k.AmountFen, k.RefundFen})
	}
	want := []row{{kept, 12900, 0}, {refunded, 3990, 3990}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("KPIOrders() mismatch (-want +got):\n%s", diff)
	}

	rows = nil
	for k, err := range c.KPIOrdersCreated(ctx, kpi.Week(now)) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row{k.ID, k.AmountFen, k.RefundFen})
	}
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(string(a.ID), string(b.ID)) })
	slices.SortFunc(want, func(a, b row) int { return strings.Compare(string(a.ID), string(b.ID)) })
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("KPIOrdersCreated() mismatch (-want +got):\n%s", diff)
	}

	if _, err := c.KPIOrders(ctx, nil); !errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("KPIOrders(nil) error = %v, want vcart.ErrInvalid", err)
	}
	// A failed after-sale read is returned, with no partial result.
	ghost := *orders[1]
	ghost.AftersaleDetail = &shopapi.OrderAftersaleDetail{AftersaleOrderList: []shopapi.OrderAftersaleRef{{AftersaleOrderID: "404"}}}
	if got, err := c.KPIOrders(ctx, orders[0], &ghost); err == nil || got != nil {
		t.Errorf("KPIOrders(unknown after-sale) = %v, %v; want an error and nil", got, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, err := range c.KPIOrdersCreated(cancelled, kpi.Week(now)) {
		if err == nil {
			t.Error("KPIOrdersCreated on a cancelled context yielded no error")
		}
	}
}
