package kpi

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// SharerOrder is an order credited to a sharer (分享员订单): the order as
// the report counts it and the sharer it is credited to. A caller builds
// it from the shop API's sharer-order list (get_sharer_order_list gives the
// order id and sharer_openid) and the order's own record (amounts, times);
// shopapi's SharerOrders does the mapping. An order shared by two sharers
// (one per SKU) appears once per sharer.
type SharerOrder struct {
	Order Order
	// SharerID identifies the sharer (sharer_openid). Required.
	SharerID string
}

// SharerSales is one sharer's sales in a period (分享员销售).
type SharerSales struct {
	SharerID string `json:"sharer_id"`
	// Orders counts the orders submitted in the period; PaidOrders those
	// of them paid.
	Orders     int64 `json:"orders"`
	PaidOrders int64 `json:"paid_orders"`
	// Buyers counts distinct paying buyers.
	Buyers int64 `json:"buyers"`
	// GMVFen is the amount paid (fen) over the paid orders; RefundFen the
	// amount refunded; NetFen = GMVFen − RefundFen.
	GMVFen    vcart.Fen `json:"gmv_fen"`
	RefundFen vcart.Fen `json:"refund_fen"`
	NetFen    vcart.Fen `json:"net_fen"`
	// AverageOrderFen is GMVFen / PaidOrders, rounded half up (0 without a
	// paid order).
	AverageOrderFen vcart.Fen `json:"average_order_fen"`
}

// errSharerOverflow reports sums beyond int64 fen.
var errSharerOverflow = errors.New("kpi: sharer sales overflow int64 fen")

// SalesBySharer reports each sharer's sales over the orders submitted in
// period (CreatedAt in [Start, End)), sorted by GMV, highest first, then
// by sharer id. Orders outside the period are ignored. Every problem (an
// invalid period, an order without a sharer, an invalid order, the same
// order credited twice to one sharer) is reported at once as a
// *vcart.ValidationError; nothing is reported half-computed. It is pure.
func SalesBySharer(period Period, orders []SharerOrder) ([]SharerSales, error) {
	var fe []vcart.FieldError
	if err := period.validate(); err != nil {
		fe = append(fe, sharerProblems(err)...)
	}
	type key struct{ sharer, order string }
	seen := map[key]bool{}
	for i := range orders {
		so := &orders[i]
		f := fmt.Sprintf("orders[%d]", i)
		if so.SharerID == "" {
			fe = append(fe, vcart.FieldError{Field: f + ".sharer_id", Code: "sharer.id.missing", Msg: "the order is credited to no sharer"})
		}
		if err := so.Order.validate(); err != nil {
			for _, p := range sharerProblems(err) {
				p.Field = f + "." + p.Field
				fe = append(fe, p)
			}
		}
		k := key{so.SharerID, string(so.Order.ID)}
		if so.Order.ID != "" && seen[k] {
			fe = append(fe, vcart.FieldError{Field: f + ".order.id", Code: "sharer.order.duplicate",
				Msg: fmt.Sprintf("order %q credited twice to sharer %q", truncate(string(so.Order.ID), 40), truncate(so.SharerID, 40))})
		}
		seen[k] = true
	}
	if err := vcart.NewValidationError(fe); err != nil {
		return nil, err
	}
	by := map[string]*SharerSales{}
	buyers := map[string]map[string]bool{}
	add := func(a, b int64) (int64, error) {
		if b > 0 && a > math.MaxInt64-b {
			return 0, errSharerOverflow
		}
		return a + b, nil
	}
	for i := range orders {
		so := &orders[i]
		o := &so.Order
		if !period.Contains(o.CreatedAt) {
			continue
		}
		s := by[so.SharerID]
		if s == nil {
			s = &SharerSales{SharerID: so.SharerID}
			by[so.SharerID] = s
			buyers[so.SharerID] = map[string]bool{}
		}
		s.Orders++
		if !o.Paid() {
			continue
		}
		s.PaidOrders++
		buyers[so.SharerID][o.BuyerID] = true
		var err error
		var sum int64
		if sum, err = add(int64(s.GMVFen), int64(o.AmountFen)); err != nil {
			return nil, err
		}
		s.GMVFen = vcart.Fen(sum)
		if sum, err = add(int64(s.RefundFen), int64(o.RefundFen)); err != nil {
			return nil, err
		}
		s.RefundFen = vcart.Fen(sum)
	}
	out := make([]SharerSales, 0, len(by))
	for id, s := range by {
		s.Buyers = int64(len(buyers[id]))
		s.NetFen = s.GMVFen - s.RefundFen
		if s.PaidOrders > 0 {
			s.AverageOrderFen = s.GMVFen / vcart.Fen(s.PaidOrders)
			if r := int64(s.GMVFen) % s.PaidOrders; r >= s.PaidOrders-r {
				s.AverageOrderFen++ // half up: 2r ≥ n, written without overflow
			}
		}
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].GMVFen != out[j].GMVFen {
			return out[i].GMVFen > out[j].GMVFen
		}
		return out[i].SharerID < out[j].SharerID
	})
	return out, nil
}

// sharerProblems returns the problems of a *vcart.ValidationError.
func sharerProblems(err error) []vcart.FieldError {
	var ve *vcart.ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	return []vcart.FieldError{{Field: "?", Code: "invalid", Msg: err.Error()}}
}
