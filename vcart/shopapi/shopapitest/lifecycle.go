package shopapitest

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// LifecycleTimers are the time-driven transitions [Server.Tick] applies to
// orders made with [Server.CreateOrder]; a zero duration disables one. The
// defaults are the fake's, not platform figures.
type LifecycleTimers struct {
	// PayTimeout cancels an unpaid order (250, cancel_type 2).
	PayTimeout time.Duration
	// AutoConfirm confirms receipt of a fully shipped order (100,
	// confirm_type 2), counted from ship_done_time.
	AutoConfirm time.Duration
	// SettleAfter settles a completed order, counted from the confirmation.
	SettleAfter time.Duration
}

// DefaultLifecycleTimers returns 15 minutes to pay, automatic receipt 10
// days after shipping and settlement 7 days after receipt.
func DefaultLifecycleTimers() LifecycleTimers {
	return LifecycleTimers{PayTimeout: 15 * time.Minute, AutoConfirm: 10 * 24 * time.Hour, SettleAfter: 7 * 24 * time.Hour}
}

// WithLifecycleTimers sets the timers [Server.Tick] applies (default
// [DefaultLifecycleTimers]); a negative timer is an error (zero disables
// one).
func WithLifecycleTimers(t LifecycleTimers) Option {
	return func(c *config) error {
		for _, f := range []struct {
			name string
			d    time.Duration
		}{{"PayTimeout", t.PayTimeout}, {"AutoConfirm", t.AutoConfirm}, {"SettleAfter", t.SettleAfter}} {
			if f.d < 0 {
				return fmt.Errorf("shopapitest: WithLifecycleTimers: %s must not be negative, got %v", f.name, f.d)
			}
		}
		c.orders.timers = t
		return nil
	}
}

// OrderLine is one line of an order made with [Server.CreateOrder].
type OrderLine struct {
	ProductID, SKUID vcart.ID
	Title, SKUCode   string
	Count            int64
	// UnitPriceFen is the SKU's sale price per unit in fen. A flash sale
	// (限时抢购) of the SKU running at the server's clock with stock for
	// Count sets the price instead ([Server.CreateOrder]).
	UnitPriceFen int64
}

// NewOrder describes an order a buyer places.
type NewOrder struct {
	OpenID     string
	Lines      []OrderLine
	FreightFen int64
	// Address defaults to a Guangzhou test address.
	Address       *shopapi.AddressInfo
	CustomerNotes string
	// Virtual makes deliver_method 1 (virtual goods, deliver_type 3).
	Virtual bool
	// TalentCommissionFen is a talent's (达人) commission on the order.
	TalentCommissionFen int64
}

// ErrState reports a lifecycle step the order's state does not allow.
var ErrState = errors.New("shopapitest: order state does not allow this step")

// ErrNotFound reports an unknown order or after-sale id.
var ErrNotFound = errors.New("shopapitest: not found")

// CreateOrder places an unpaid order (status 10) at the server's clock and
// pushes channels_ec_order_new. It returns the order id (> 2^53).
//
// As on the platform, a line whose SKU has a flash sale (限时抢购,
// [Server.FlashPrice]) running at the server's clock with flash stock
// (sale_stock) left for the line's count is priced at the flash price, and
// the count is taken from the flash stock. A line the flash stock no
// longer covers pays UnitPriceFen (the fake's reading: the pages say the
// flash price holds for sale_stock items, not what a larger order pays). A
// task carries no per-buyer limit in the API, so the fake applies none.
func (s *Server) CreateOrder(o NewOrder) (vcart.ID, error) {
	if len(o.Lines) == 0 {
		return "", errors.New("shopapitest: an order needs at least one line")
	}
	d := &orderDetail{openid: o.OpenID, freight: o.FreightFen, origFreight: o.FreightFen, customerNotes: o.CustomerNotes,
		virtual: o.Virtual, talentCommission: o.TalentCommissionFen, addr: defaultAddress()}
	if d.openid == "" {
		d.openid = "o-fake-buyer"
	}
	if o.Address != nil {
		d.addr = *o.Address
	}
	for i, l := range o.Lines {
		if l.ProductID == "" || l.SKUID == "" || l.Count <= 0 || l.UnitPriceFen <= 0 {
			return "", fmt.Errorf("shopapitest: line %d: product, SKU, a positive count and price are required", i)
		}
		if l.Title == "" {
			l.Title = string("测试商品 " + l.SKUID)
		}
		total := l.Count * l.UnitPriceFen
		d.lines = append(d.lines, orderLine{productID: string(l.ProductID), skuID: string(l.SKUID), title: l.Title, skuCode: l.SKUCode,
			count: l.Count, unitFen: l.UnitPriceFen, lineFen: total, origLineFen: total})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range d.lines {
		l := &d.lines[i]
		if price, ok := s.flashPrice(l.productID, l.skuID, l.count); ok {
			l.unitFen, l.lineFen, l.origLineFen = price, price*l.count, price*l.count
		}
	}
	st := s.orders()
	now := s.now().Unix()
	idStr := s.newID()
	id, _ := strconv.ParseUint(idStr, 10, 64)
	st.insert(orderRec{id: id, created: now, updated: now, status: uint8(shopapi.OrderUnpaid), d: d})
	r, _ := st.get(idStr)
	s.emitOrder(r, "channels_ec_order_new", nil)
	return vcart.ID(idStr), nil
}

// lifecycle runs fn on the order under the lock.
func (s *Server) lifecycle(id string, fn func(st *orderStore, r *orderRec, d *orderDetail) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.orders()
	r, ok := st.get(id)
	if !ok {
		return fmt.Errorf("%w: order %s", ErrNotFound, id)
	}
	return fn(st, r, st.detail(r))
}

func stateErr(r *orderRec, step string) error {
	return fmt.Errorf("%w: %s in status %v", ErrState, step, shopapi.OrderStatus(r.status))
}

// PayOrder pays an unpaid order (10 → 20) and pushes channels_ec_order_pay.
func (s *Server) PayOrder(id vcart.ID) error {
	return s.lifecycle(string(id), func(st *orderStore, r *orderRec, d *orderDetail) error {
		if shopapi.OrderStatus(r.status) != shopapi.OrderUnpaid {
			return stateErr(r, "pay")
		}
		now := s.now().Unix()
		d.payTime = now
		d.prepayID = "wx" + strconv.FormatInt(now, 10) + string(id[len(id)-6:])
		d.transactionID = "42000" + string(id[len(id)-12:]) + strconv.FormatInt(now%100000, 10)
		paid := d.orderPrice()
		d.predictFee, _ = s.orderCfg().serviceRate.FeeFen(paid, vcart.HalfUp)
		st.fund.pending += paid
		r.status = uint8(shopapi.OrderAwaitingShipment)
		r.updated = now
		s.emitOrder(r, "channels_ec_order_pay", map[string]any{"pay_time": now})
		return nil
	})
}

// ShipAll ships every unshipped item in one package (as if the merchant
// shipped it in the back office) and pushes channels_ec_order_deliver.
func (s *Server) ShipAll(id vcart.ID) error {
	return s.lifecycle(string(id), func(st *orderStore, r *orderRec, d *orderDetail) error {
		if !shopapi.OrderStatus(r.status).CanShip() {
			return stateErr(r, "ship")
		}
		st.wb++
		pkg := shipPackage{DeliveryID: "SF", WaybillID: "SF" + strconv.FormatUint(1_000_000_000+st.wb, 10), DeliverType: 1}
		if d.virtual {
			pkg.DeliveryID, pkg.WaybillID, pkg.DeliverType = "", "", 3
		}
		for _, l := range d.lines {
			if n := l.count - l.shipped - l.refunded; n > 0 {
				pkg.Products = append(pkg.Products, shipProduct{l.productID, l.skuID, n})
			}
		}
		b := shipBody{OrderID: string(id), Packages: []shipPackage{pkg}}
		if err := s.ship(&b); err != nil {
			return fmt.Errorf("%w: ship: %v", ErrState, err)
		}
		return nil
	})
}

// ConfirmReceipt records the buyer's receipt (30 → 100, confirm_type 1)
// and pushes channels_ec_order_confirm.
func (s *Server) ConfirmReceipt(id vcart.ID) error {
	return s.lifecycle(string(id), func(st *orderStore, r *orderRec, d *orderDetail) error {
		return s.confirm(r, d, 1)
	})
}

func (s *Server) confirm(r *orderRec, d *orderDetail, how int) error {
	if shopapi.OrderStatus(r.status) != shopapi.OrderShipped {
		return stateErr(r, "confirm")
	}
	now := s.now().Unix()
	d.confirmTime = now
	r.status = uint8(shopapi.OrderCompleted)
	r.updated = now
	s.emitOrder(r, "channels_ec_order_confirm", map[string]any{"confirm_type": how})
	return nil
}

// SettleOrder settles a completed order: it books the income, the
// technical service fee, the WeChat Pay fee and any commission as fund
// flows, sets settle_info and pushes channels_ec_order_settle.
func (s *Server) SettleOrder(id vcart.ID) error {
	return s.lifecycle(string(id), func(st *orderStore, r *orderRec, d *orderDetail) error {
		return s.settle(st, r, d)
	})
}

func (s *Server) settle(st *orderStore, r *orderRec, d *orderDetail) error {
	if shopapi.OrderStatus(r.status) != shopapi.OrderCompleted || d.settleTime != 0 {
		return stateErr(r, "settle")
	}
	now := s.now().Unix()
	d.settleTime = now
	st.fund.settle(s, r, d)
	r.updated = now
	s.emitOrder(r, "channels_ec_order_settle", map[string]any{"settle_time": now})
	return nil
}

// CancelOrder cancels an unpaid order as the buyer (10 → 250, cancel_type
// 1) and pushes channels_ec_order_cancel.
func (s *Server) CancelOrder(id vcart.ID) error {
	return s.lifecycle(string(id), func(st *orderStore, r *orderRec, d *orderDetail) error {
		return s.cancel(r, d, 1)
	})
}

func (s *Server) cancel(r *orderRec, d *orderDetail, how int) error {
	if shopapi.OrderStatus(r.status) != shopapi.OrderUnpaid {
		return stateErr(r, "cancel")
	}
	d.cancelType = how
	r.status = uint8(shopapi.OrderCancelled)
	r.updated = s.now().Unix()
	s.emitOrder(r, "channels_ec_order_cancel", map[string]any{"cancel_type": how})
	return nil
}

// RequestAddressChange records a buyer's address change request awaiting
// the merchant's review (addressmodify/accept|reject).
func (s *Server) RequestAddressChange(id vcart.ID, addr shopapi.AddressInfo) error {
	return s.lifecycle(string(id), func(st *orderStore, r *orderRec, d *orderDetail) error {
		if shopapi.OrderStatus(r.status) != shopapi.OrderAwaitingShipment {
			return stateErr(r, "request an address change")
		}
		d.pendingAddr = &addr
		r.updated = s.now().Unix()
		return nil
	})
}

// NewAftersale describes a buyer's after-sale request.
type NewAftersale struct {
	// Type is shopapi.AftersaleRefund (default) or shopapi.AftersaleReturn.
	Type  shopapi.AftersaleType
	SKUID vcart.ID
	// Count defaults to the line's refundable quantity.
	Count int64
	// AmountFen defaults to the line's price share for Count.
	AmountFen int64
	// Reason defaults to NO_LONGER_WANT.
	Reason shopapi.AftersaleReason
}

// OpenAftersale opens an after-sale on a paid order's line
// (MERCHANT_PROCESSING) and pushes channels_ec_aftersale_update.
func (s *Server) OpenAftersale(orderID vcart.ID, a NewAftersale) (vcart.ID, error) {
	var out string
	err := s.lifecycle(string(orderID), func(st *orderStore, r *orderRec, d *orderDetail) error {
		status := shopapi.OrderStatus(r.status)
		if !status.IsPaid() || status.IsCancelled() {
			return stateErr(r, "open an after-sale")
		}
		i := slices.IndexFunc(d.lines, func(l orderLine) bool { return l.skuID == string(a.SKUID) })
		if i < 0 {
			return fmt.Errorf("%w: SKU %s not in order", ErrNotFound, a.SKUID)
		}
		l := &d.lines[i]
		free := l.count - l.refunded - l.onAftersale
		if a.Count == 0 {
			a.Count = free
		}
		if a.Count <= 0 || a.Count > free {
			return fmt.Errorf("%w: %d of SKU %s open for after-sale", ErrState, free, a.SKUID)
		}
		if a.AmountFen == 0 {
			a.AmountFen = l.lineFen * a.Count / l.count
		}
		if a.Type == "" {
			a.Type = shopapi.AftersaleRefund
		}
		if a.Reason == "" {
			a.Reason = shopapi.ReasonNoLongerWant
		}
		now := s.now().Unix()
		as := &aftersale{id: s.newID(), orderID: string(orderID), typ: a.Type, reason: a.Reason, productID: l.productID,
			skuID: l.skuID, count: a.Count, amount: a.AmountFen, created: now, openid: d.openid}
		l.onAftersale += a.Count
		st.as[as.id] = as
		st.asBy = append(st.asBy, as.id)
		d.aftersales = append(d.aftersales, as.id)
		r.updated = now
		s.setAftersale(as, shopapi.AftersaleMerchantProcessing)
		out = as.id
		return nil
	})
	return vcart.ID(out), err
}

func (s *Server) aftersaleStep(id string, fn func(a *aftersale) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.orders().as[id]
	if !ok {
		return fmt.Errorf("%w: after-sale %s", ErrNotFound, id)
	}
	return fn(a)
}

// ReturnGoods records the buyer's return parcel (USER_WAIT_RETURN →
// MERCHANT_WAIT_RECEIPT).
func (s *Server) ReturnGoods(aftersaleID vcart.ID, waybillID string) error {
	return s.aftersaleStep(string(aftersaleID), func(a *aftersale) error {
		if a.status != shopapi.AftersaleUserWaitReturn {
			return fmt.Errorf("%w: return goods in %s", ErrState, a.status)
		}
		a.returnWaybill = waybillID
		s.setAftersale(a, shopapi.AftersaleMerchantWaitReceipt)
		return nil
	})
}

// CancelAftersale withdraws the buyer's request (USER_CANCELD).
func (s *Server) CancelAftersale(aftersaleID vcart.ID) error {
	return s.aftersaleStep(string(aftersaleID), func(a *aftersale) error {
		if a.status.IsFinal() {
			return fmt.Errorf("%w: cancel in %s", ErrState, a.status)
		}
		s.releaseLine(a)
		s.setAftersale(a, shopapi.AftersaleUserCancelled)
		return nil
	})
}

// OpenComplaint opens a dispute (纠纷) on an after-sale and pushes
// channels_ec_complaint_update; it returns the complaint id.
func (s *Server) OpenComplaint(aftersaleID vcart.ID) (vcart.ID, error) {
	var out string
	err := s.aftersaleStep(string(aftersaleID), func(a *aftersale) error {
		if a.complaintID != "" {
			return fmt.Errorf("%w: after-sale %s already has a complaint", ErrState, a.id)
		}
		st := s.orders()
		cp := &complaint{id: s.newID(), aftersaleID: a.id, orderID: a.orderID, status: 100,
			history: []complaintItem{{ItemType: 1, Time: s.now().Unix(), Content: "买家发起纠纷"}}}
		st.cps[cp.id] = cp
		a.complaintID = cp.id
		a.updated = s.now().Unix()
		s.emit("channels_ec_complaint_update", a.openid, "finder_shop_complaint", map[string]any{"complaint_id": cp.id,
			"after_sale_order_id": a.id, "order_id": a.orderID, "complaint_status": cp.status})
		out = cp.id
		return nil
	})
	return vcart.ID(out), err
}

// OrderStatus returns an order's status.
func (s *Server) OrderStatus(id vcart.ID) (shopapi.OrderStatus, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.orders().get(string(id))
	if !ok {
		return 0, false
	}
	return shopapi.OrderStatus(r.status), true
}

// Packages returns how many packages an order has (to prove no double
// shipment).
func (s *Server) Packages(id vcart.ID) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.orders().get(string(id))
	if !ok || r.d == nil {
		return 0
	}
	return len(r.d.pkgs)
}

// AftersaleStatus returns an after-sale's status.
func (s *Server) AftersaleStatus(id vcart.ID) (shopapi.AftersaleStatus, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.orders().as[string(id)]
	if !ok {
		return "", false
	}
	return a.status, true
}

// SeedOrders adds n paid orders awaiting shipment in bulk, created every
// `every` from start, and returns the first and last ids. They are held
// compactly (about 40 bytes each plus the id index) and push no events.
func (s *Server) SeedOrders(n int, start time.Time, every time.Duration) (first, last vcart.ID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.orders()
	st.recs = slices.Grow(st.recs, n)
	t0, step := start.Unix(), int64(every/time.Second)
	for i := range n {
		idStr := s.newID()
		id, _ := strconv.ParseUint(idStr, 10, 64)
		c := t0 + int64(i)*step
		st.insert(orderRec{id: id, created: c, updated: c + 60, status: uint8(shopapi.OrderAwaitingShipment)})
		if i == 0 {
			first = vcart.ID(idStr)
		}
		last = vcart.ID(idStr)
	}
	return first, last
}

// Tick applies the lifecycle timers at the server's clock (unpaid orders
// time out, shipped ones are confirmed automatically, completed ones
// settle), then returns the number of transitions. Deliver the pushes
// they queue with [Server.DeliverPushes].
func (s *Server) Tick() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.orders()
	t := s.orderCfg().timers
	now := s.now().Unix()
	n := 0
	for i := range st.recs {
		r := &st.recs[i]
		d := r.d
		if d == nil {
			continue
		}
		switch shopapi.OrderStatus(r.status) {
		case shopapi.OrderUnpaid:
			if t.PayTimeout > 0 && now >= r.created+int64(t.PayTimeout/time.Second) && s.cancel(r, d, 2) == nil {
				n++
			}
		case shopapi.OrderShipped:
			if t.AutoConfirm > 0 && now >= d.shipDone+int64(t.AutoConfirm/time.Second) && s.confirm(r, d, 2) == nil {
				n++
			}
		}
		if shopapi.OrderStatus(r.status) == shopapi.OrderCompleted && d.settleTime == 0 && t.SettleAfter > 0 &&
			now >= d.confirmTime+int64(t.SettleAfter/time.Second) && s.settle(st, r, d) == nil {
			n++
		}
	}
	return n
}
