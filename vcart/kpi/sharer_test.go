package kpi_test

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
)

var sharerWeek = kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, vcart.Shanghai()))

func sharerOrder(sharer, id, buyer string, day int, paid, refund int64) kpi.SharerOrder {
	at := sharerWeek.Start.Add(time.Duration(day)*24*time.Hour + 10*time.Hour)
	o := kpi.Order{ID: vcart.OrderID(id), BuyerID: buyer, CreatedAt: at, AmountFen: vcart.Fen(paid), RefundFen: vcart.Fen(refund)}
	if paid > 0 {
		o.PaidAt = at.Add(time.Minute)
	}
	return kpi.SharerOrder{Order: o, SharerID: sharer}
}

func TestSalesBySharer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		orders []kpi.SharerOrder
		want   []kpi.SharerSales
	}{
		{"none", nil, []kpi.SharerSales{}},
		{"two sharers, refunds, unpaid and out-of-period orders", []kpi.SharerOrder{
			sharerOrder("alice", "1", "b1", 0, 3990, 0),
			sharerOrder("alice", "2", "b1", 1, 12800, 2800),
			sharerOrder("alice", "3", "b2", 2, 0, 0), // unpaid
			sharerOrder("bob", "4", "b3", 3, 20000, 0),
			sharerOrder("bob", "5", "b4", 9, 99900, 0),  // next week
			sharerOrder("carol", "1", "b1", 0, 3990, 0), // the same order, a second sharer's line
		}, []kpi.SharerSales{
			{SharerID: "bob", Orders: 1, PaidOrders: 1, Buyers: 1, GMVFen: 20000, NetFen: 20000, AverageOrderFen: 20000},
			{SharerID: "alice", Orders: 3, PaidOrders: 2, Buyers: 1, GMVFen: 16790, RefundFen: 2800, NetFen: 13990, AverageOrderFen: 8395},
			{SharerID: "carol", Orders: 1, PaidOrders: 1, Buyers: 1, GMVFen: 3990, NetFen: 3990, AverageOrderFen: 3990},
		}},
		{"ties sort by id; the average rounds half up", []kpi.SharerOrder{
			sharerOrder("z", "1", "b1", 0, 101, 0), sharerOrder("z", "2", "b2", 0, 100, 0),
			sharerOrder("a", "3", "b1", 0, 201, 0),
		}, []kpi.SharerSales{
			{SharerID: "a", Orders: 1, PaidOrders: 1, Buyers: 1, GMVFen: 201, NetFen: 201, AverageOrderFen: 201},
			{SharerID: "z", Orders: 2, PaidOrders: 2, Buyers: 2, GMVFen: 201, NetFen: 201, AverageOrderFen: 101},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := kpi.SalesBySharer(sharerWeek, tt.orders)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SalesBySharer (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSalesBySharerReportsEveryProblem(t *testing.T) {
	t.Parallel()
	bad := sharerOrder("", "9", "", 0, 100, 200)
	_, err := kpi.SalesBySharer(kpi.Period{}, []kpi.SharerOrder{bad, sharerOrder("a", "1", "b", 0, 1, 0), sharerOrder("a", "1", "b", 0, 1, 0)})
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a validation error, got %v", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Field+":"+p.Code)
	}
	sort.Strings(got)
	want := []string{"orders[0].order.buyer_id:order.buyer_id.missing", "orders[0].order.refund_fen:order.refund.exceeds_amount",
		"orders[0].sharer_id:sharer.id.missing", "orders[2].order.id:sharer.order.duplicate", "period:period.missing"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestSalesBySharerOverflow(t *testing.T) {
	t.Parallel()
	_, err := kpi.SalesBySharer(sharerWeek, []kpi.SharerOrder{
		sharerOrder("a", "1", "b", 0, math.MaxInt64, 0), sharerOrder("a", "2", "b", 0, 1, 0)})
	if err == nil {
		t.Error("sums beyond int64 were reported")
	}
}

// Reports a week's sales per sharer, highest GMV first.
func ExampleSalesBySharer() {
	week := kpi.Week(time.Date(2026, 3, 4, 12, 0, 0, 0, vcart.Shanghai()))
	report, err := kpi.SalesBySharer(week, []kpi.SharerOrder{
		sharerOrder("o-alice", "1001", "buyer-1", 0, 3990, 0),
		sharerOrder("o-alice", "1002", "buyer-2", 2, 12800, 2800),
		sharerOrder("o-bob", "1003", "buyer-3", 4, 25800, 0),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range report {
		fmt.Printf("%s: %d orders, GMV %s, net %s, %d buyers\n", s.SharerID, s.PaidOrders,
			s.GMVFen.String(), s.NetFen.String(), s.Buyers)
	}
	// Output:
	// o-bob: 1 orders, GMV ¥258.00, net ¥258.00, 1 buyers
	// o-alice: 2 orders, GMV ¥167.90, net ¥139.90, 2 buyers
}
