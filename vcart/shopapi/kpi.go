package shopapi

import (
	"context"
	"iter"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/kpi"
)

// KPIOrder maps an order tree (order/get) and its after-sales
// (aftersale/get) to the [kpi.Order] the weekly report aggregates. kpi stays
// pure; this seam lives here. The mapping:
//
//   - ID ← order_id; BuyerID ← openid; CreatedAt ← create_time
//   - PaidAt ← order_detail.pay_info.pay_time (zero while unpaid)
//   - AmountFen ← order_detail.price_info.order_price (freight included),
//     only once paid
//   - RefundFen ← the sum of refund_info.amount over the after-sales in
//     aftersales that belong to o and whose status is a completed refund
//     ([AftersaleStatus.Refunded]), plus order_detail.refund_info.refund_freight,
//     capped at AmountFen
//   - ShippedAt ← the earliest
//     order_detail.delivery_info.delivery_product_info[].delivery_time
//   - FreightInsurance ← any line's extra_service.freight_insurance
//     ([OrderDetail.HasFreightInsurance])
//
// Instants are in [vcart.Shanghai]. Pass the after-sales that
// aftersale_detail.aftersale_order_list names (others are ignored), or nil
// for an order without any; [Client.KPIOrders] fetches them. A nil o maps
// to the zero kpi.Order, which the report rejects as invalid.
func KPIOrder(o *Order, aftersales []*Aftersale) kpi.Order {
	if o == nil {
		return kpi.Order{}
	}
	k := kpi.Order{
		ID:               vcart.OrderID(o.OrderID),
		BuyerID:          o.OpenID,
		CreatedAt:        inShanghai(o.Created()),
		FreightInsurance: o.Detail.HasFreightInsurance(),
	}
	d := &o.Detail
	if d.PayInfo != nil && d.PayInfo.PayTime != 0 {
		k.PaidAt = inShanghai(d.PayInfo.Paid())
		k.AmountFen = vcart.Fen(d.PriceInfo.OrderPrice)
	}
	if d.DeliveryInfo != nil {
		for _, p := range d.DeliveryInfo.DeliveryProductInfo {
			if p.DeliveryTime == 0 {
				continue
			}
			if t := inShanghai(unixTime(p.DeliveryTime)); k.ShippedAt.IsZero() || t.Before(k.ShippedAt) {
				k.ShippedAt = t
			}
		}
	}
	listed := make(map[ID]bool)
	for _, ref := range o.aftersaleIDs() {
		listed[ref] = true
	}
	for _, a := range aftersales {
		if a == nil || !listed[a.AftersaleOrderID] || (a.OrderID != "" && a.OrderID != o.OrderID) {
			continue
		}
		delete(listed, a.AftersaleOrderID) // count each after-sale once
		if a.Status.Refunded() {
			k.RefundFen += vcart.Fen(a.RefundInfo.Amount)
		}
	}
	if d.RefundInfo != nil {
		k.RefundFen += vcart.Fen(d.RefundInfo.RefundFreight)
	}
	k.RefundFen = max(0, min(k.RefundFen, k.AmountFen))
	return k
}

// aftersaleIDs returns the ids in aftersale_detail.aftersale_order_list.
func (o *Order) aftersaleIDs() []ID {
	if o.AftersaleDetail == nil {
		return nil
	}
	ids := make([]ID, 0, len(o.AftersaleDetail.AftersaleOrderList))
	for _, r := range o.AftersaleDetail.AftersaleOrderList {
		if r.AftersaleOrderID != "" {
			ids = append(ids, r.AftersaleOrderID)
		}
	}
	return ids
}

func inShanghai(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(vcart.Shanghai())
}

// KPIOrders maps a batch of order trees to [kpi.Order] values with
// [KPIOrder], fetching (aftersale/get, once per id) the after-sales each
// order's aftersale_detail lists; orders without after-sales cost no call.
// The result is in the order of orders. It stops at the first error and
// returns it, with no partial result.
//
// WeChat API: POST /channels/ec/aftersale/getaftersaleorder
func (c *Client) KPIOrders(ctx context.Context, orders ...*Order) ([]kpi.Order, error) {
	cache := make(map[ID]*Aftersale)
	out := make([]kpi.Order, 0, len(orders))
	for _, o := range orders {
		k, err := c.kpiOrder(ctx, o, cache)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, nil
}

// kpiOrder fetches o's after-sales not in cache and maps o.
func (c *Client) kpiOrder(ctx context.Context, o *Order, cache map[ID]*Aftersale) (kpi.Order, error) {
	if o == nil {
		return kpi.Order{}, errorf("kpi order", errNilRequest())
	}
	ids := o.aftersaleIDs()
	as := make([]*Aftersale, 0, len(ids))
	for _, id := range ids {
		a, ok := cache[id]
		if !ok {
			var err error
			if a, _, err = c.Aftersales.Get(ctx, id); err != nil {
				return kpi.Order{}, err
			}
			cache[id] = a
		}
		as = append(as, a)
	}
	return KPIOrder(o, as), nil
}

// KPIOrdersCreated iterates over every order created in p, each read with
// order/get, its after-sales with aftersale/get, and mapped with
// [KPIOrder]: the input of a [kpi.Aggregator] for the period, in one call.
// The listing is [OrderService.ListIter] over p (split into 7-day windows).
// It stops at the first error, yielded with the zero kpi.Order.
//
// WeChat API: POST /channels/ec/order/list/get
func (c *Client) KPIOrdersCreated(ctx context.Context, p kpi.Period) iter.Seq2[kpi.Order, error] {
	return func(yield func(kpi.Order, error) bool) {
		cache := make(map[ID]*Aftersale)
		for id, err := range c.Orders.ListIter(ctx, &OrderListOptions{CreateTime: &Window{Start: p.Start, End: p.End}}) {
			if err != nil {
				yield(kpi.Order{}, err)
				return
			}
			o, _, err := c.Orders.Get(ctx, id)
			if err != nil {
				yield(kpi.Order{}, err)
				return
			}
			k, err := c.kpiOrder(ctx, o, cache)
			if !yield(k, err) || err != nil {
				return
			}
		}
	}
}
