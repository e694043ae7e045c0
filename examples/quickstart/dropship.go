package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// dropshipDemo binds a supplier (供货商), hands an order to it for dropship
// (代发), reads the push the shop gets, then reconciles a head supplier's
// (团长) commission order: the talent commission and the service fee from
// their ratios, in whole fen.
func dropshipDemo(w io.Writer) error {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())
	clock := func() time.Time { return now }
	srv, err := shopapitest.New(shopapitest.WithClock(clock))
	if err != nil {
		return err
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithClock(clock))
	ctx := context.Background()

	const supplier = "wx_supplier_yunnan"
	if _, err := c.Dropship.InviteSupplier(ctx, &shopapi.SupplierInvitation{SupplierAppID: supplier, Remark: "核桃代发"}); err != nil {
		return err
	}
	if _, err := c.Dropship.SetAllShop(ctx, supplier); err != nil {
		return err
	}
	d, _, err := c.Dropship.Distribution(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "supplier/relation  → %s bound; new orders: %s → %s\n", supplier, d.Type, d.AllSupplierName)

	orderID, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: "buyer-1",
		Lines: []shopapitest.OrderLine{{ProductID: "walnut-500", SKUID: "walnut-500-bag", Title: "云南高山手剥核桃 500g", Count: 2, UnitPriceFen: 3990}}})
	if err != nil {
		return err
	}
	if _, err := c.Dropship.Assign(ctx, &shopapi.DropshipAssignRequest{OrderID: orderID, SupplierAppID: supplier,
		Products: []shopapi.DropshipProduct{{SpuID: "walnut-500", SkuID: "walnut-500-bag", ProductCnt: 2}}}); err != nil {
		return err
	}
	for id, err := range c.Dropship.ListIter(ctx, shopapi.DropshipFilter{OrderID: orderID}) {
		if err != nil {
			return err
		}
		ds, _, err := c.Dropship.Get(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "dropship/assign    → 代发单 %s for order %s, supplier %s\n", ds.DsOrderID, ds.OrderID, ds.SupplierName)
	}
	for _, e := range srv.Events() {
		if e.Name != notify.EventOrderExtInfoUpdate {
			continue
		}
		ev, err := notify.DecodeEvent(e.Plaintext)
		if err != nil {
			return err
		}
		if u, ok := ev.(*notify.OrderExtInfoUpdateEvent); ok {
			fmt.Fprintf(w, "push to the shop   → %s type %d (14: assigned to a supplier)\n", u.EventName(), u.OrderInfo.Type)
		}
	}

	for _, e := range srv.SupplierEvents(supplier) {
		if ev, err := notify.DecodeEvent(e.Plaintext); err == nil {
			if d, ok := ev.(*notify.DropshipOrderEvent); ok {
				fmt.Fprintf(w, "push to supplier   → %s 代发单 %s\n", d.EventName(), d.DsOrderID)
			}
		}
	}

	// A head supplier's sale: 10% to the talent, 30% service fee.
	srv.AddHeadSupplierItem(shopapitest.HeadSupplierItem{AppID: srv.AppID(), ProductID: "walnut-500", Title: "云南高山手剥核桃 500g",
		ShopNickname: "山货铺", HeadImg: "https://mmecimage.cn/p/wxshop/1", CatIDs: []vcart.ID{"1421"}})
	if _, err := srv.AddCommissionOrder(shopapitest.CommissionSale{OrderID: orderID, SKUID: "walnut-500-bag", AppID: srv.AppID(),
		ProductID: "walnut-500", FinderID: "sph_talent", FinderNickname: "山野达人", PaidFen: 7985, TalentRatio: 100000, ServiceRatio: 300000}); err != nil {
		return err
	}
	co, _, err := c.HeadSuppliers.CommissionOrder(ctx, orderID, "walnut-500-bag")
	if err != nil {
		return err
	}
	chk, err := shopapi.CheckCommission(co, nil, vcart.HalfUp)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "团长佣金单         → paid %s: talent %s (expected %s), service fee %s (expected %s), OK within 1 fen: %v\n",
		vcart.Fen(chk.PaidFen), vcart.Fen(chk.ReportedTalentFen), vcart.Fen(chk.ExpectedTalentFen),
		vcart.Fen(chk.ReportedServiceFen), vcart.Fen(chk.ExpectedServiceFen), chk.OK(1))
	return nil
}
