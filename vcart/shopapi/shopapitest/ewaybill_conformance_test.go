package shopapitest

import (
	"context"
	"encoding/json"
	"github.com/vcart-sdk/vcart-go/vcart"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// tourParcel is a parcel of a paid order of the fake, sent with carrier.
func tourParcel(t *testing.T, s *Server, carrier string) (orderID vcart.ID, p shopapi.EWaybillParcel) {
	t.Helper()
	orderID, err := s.CreateOrder(NewOrder{Lines: []OrderLine{{ProductID: "1001", SKUID: "2001", Title: "核桃 500g", Count: 2, UnitPriceFen: 3990}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PayOrder(orderID); err != nil {
		t.Fatal(err)
	}
	acct, site, _ := EWaybillAccount(carrier)
	return orderID, shopapi.EWaybillParcel{DeliveryID: carrier, SiteCode: site, EWaybillAcctID: acct, ShopID: EWaybillShopID,
		Sender: shopapi.EWaybillContact{Name: "仓库", Mobile: "13800000000", Province: "广东省", City: "广州市", County: "海珠区",
			Street: "新港街道", Address: "新港中路 1 号"},
		Receiver: shopapi.EWaybillContact{Name: "张**", Mobile: "138****0000", Province: "上海市", City: "上海市", County: "青浦区",
			Street: "华新镇", Address: "****"},
		ECOrderList: []shopapi.EWaybillECOrder{{ECOrderID: shopapi.NumericID(orderID), GoodsList: []shopapi.EWaybillGoods{
			{GoodName: "核桃 500g", GoodCount: 2, ProductID: "1001", SKUID: "2001"}}}},
		Remark: "易碎",
	}
}

var ewaybillTours = []tour{
	{"e-waybill accounts, carriers and templates", func(ctx context.Context, t *testing.T, _ *Server, c *shopapi.Client) {
		accts, total, _, err := c.EWaybill.Accounts(ctx, shopapi.EWaybillAccountQuery{DeliveryID: "ZTO", NeedBalance: true, Limit: 10})
		if err != nil || total != 1 || len(accts) != 1 || accts[0].Available != 1000 || accts[0].SiteInfo == nil {
			t.Fatalf("accounts = %+v, %d, %v", accts, total, err)
		}
		carriers, shopID, _, err := c.EWaybill.Carriers(ctx, 3)
		if err != nil || shopID != EWaybillShopID || len(carriers) == 0 {
			t.Fatalf("carriers = %v, %q, %v", carriers, shopID, err)
		}
		cfg, _, err := c.EWaybill.TemplateConfig(ctx)
		if err != nil || cfg["ZTO"]["single"].Width != 76 {
			t.Fatalf("template config = %v, %v", cfg, err)
		}
		opts := []shopapi.EWaybillTemplateOption{{OptionID: 0}, {OptionID: 1, IsOpen: true, IsBold: true, FontSize: 12}}
		tpl := &shopapi.EWaybillTemplate{TemplateName: "一联单", TemplateDesc: "快递一联单", TemplateType: "single", Options: opts, IsDefault: true}
		id, _, err := c.EWaybill.CreateTemplate(ctx, "ZTO", tpl)
		if err != nil {
			t.Fatal(err)
		}
		tpl.TemplateID, tpl.TemplateName = id, "一联单 (改)"
		if _, err := c.EWaybill.UpdateTemplate(ctx, "ZTO", tpl); err != nil {
			t.Fatal(err)
		}
		got, _, err := c.EWaybill.Template(ctx, "ZTO", id)
		if err != nil || got.TemplateName != "一联单 (改)" || got.CreateTime == 0 {
			t.Fatalf("template = %+v, %v", got, err)
		}
		all, _, err := c.EWaybill.Templates(ctx, "")
		if err != nil || len(all) != 1 || all[0].DefaultTemplateID != id {
			t.Fatalf("templates = %+v, %v", all, err)
		}
		if _, err := c.EWaybill.DeleteTemplate(ctx, "ZTO", id); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.EWaybill.Template(ctx, "ZTO", id); errCodeOf(err) != shopapi.CodeBadParams {
			t.Errorf("deleted template: %v", err)
		}
	}},
	{"e-waybill from order to shipment", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		orderID, parcel := tourParcel(t, s, "ZTO")
		ewbID, _, err := c.EWaybill.Precreate(ctx, &parcel)
		if err != nil {
			t.Fatal(err)
		}
		if st, _, _ := s.EWaybillStatus(ewbID); st != EWaybillPrecreated {
			t.Errorf("status after pre-create = %d", st)
		}
		req := &shopapi.EWaybillCreateRequest{EWaybillOrderID: ewbID, EWaybillParcel: parcel, TemplateID: "single",
			ReturnAddress: &parcel.Sender}
		created, _, err := c.EWaybill.Create(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.EWaybill.Create(ctx, req); errCodeOf(err) != shopapi.CodeEWaybillExists {
			t.Errorf("second create = %v, want %d", err, shopapi.CodeEWaybillExists)
		}
		if o, ok, err := c.EWaybill.Confirm(ctx, ewbID); err != nil || !ok || o.WaybillID != created.WaybillID {
			t.Errorf("confirm = %+v, %v, %v", o, ok, err)
		}
		data, _, err := c.EWaybill.PrintInfo(ctx, ewbID, "single", "")
		if err != nil || data == "" {
			t.Fatalf("print data = %q, %v", data, err)
		}
		ref := shopapi.EWaybillRef{EWaybillOrderID: ewbID, DeliveryID: "ZTO", WaybillID: created.WaybillID}
		if _, err := c.EWaybill.NotifyPrinted(ctx, shopapi.EWaybillPrinted{EWaybillRef: ref}); err != nil {
			t.Fatal(err)
		}
		if st, _, _ := s.EWaybillStatus(ewbID); st != EWaybillPrinted {
			t.Errorf("status after print = %d", st)
		}
		ship := &shopapi.ShipRequest{OrderID: orderID, Packages: []shopapi.Package{{DeliveryID: "ZTO",
			WaybillID: created.WaybillID, DeliverType: shopapi.DeliverSelf,
			Products: []shopapi.DeliveryProduct{{ProductID: "1001", SKUID: "2001", ProductCnt: 2}}}}}
		if _, err := c.Delivery.Ship(ctx, ship); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.OrderStatus(orderID); st != shopapi.OrderShipped {
			t.Errorf("order status = %v", st)
		}
		if err := s.TrackWaybill(ewbID, 1, "快件已揽收"); err != nil {
			t.Fatal(err)
		}
		o, _, err := c.EWaybill.Get(ctx, ewbID)
		if err != nil || len(o.PathInfo) != 1 || o.PathInfo[0].Desc != "快件已揽收" || o.Remark != "易碎" {
			t.Fatalf("get = %+v, %v", o, err)
		}
		evs := s.Events()
		last := evs[len(evs)-1]
		var ev notify.EwaybillPushPathEvent
		if err := json.Unmarshal(last.Plaintext, &ev); err != nil || last.Name != notify.EventEwaybillPushPath {
			t.Fatalf("last event %s: %v", last.Name, err)
		}
		var info struct {
			ID        json.Number `json:"ewaybill_order_id"`
			WaybillID string      `json:"waybill_id"`
			Status    int         `json:"status"`
		}
		if err := json.Unmarshal(ev.WaybillInfo, &info); err != nil || info.ID.String() != string(ewbID) || info.WaybillID != created.WaybillID {
			t.Errorf("waybill_info = %s (%v)", ev.WaybillInfo, err)
		}
		// A picked-up waybill cannot be cancelled.
		if _, _, err := c.EWaybill.Cancel(ctx, ref); errCodeOf(err) != shopapi.CodeEWaybillTakeFailed {
			t.Errorf("cancel after pick-up = %v", err)
		}
	}},
	{"e-waybill sub-parcels, batch print and cancel", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		_, parcel := tourParcel(t, s, "JD")
		created, _, err := c.EWaybill.Create(ctx, &shopapi.EWaybillCreateRequest{EWaybillOrderID: "7000000000000000001",
			EWaybillParcel: parcel, TemplateID: "single"})
		if err != nil {
			t.Fatal(err)
		}
		ref := shopapi.EWaybillRef{EWaybillOrderID: "7000000000000000001", DeliveryID: "JD", WaybillID: created.WaybillID}
		sub, _, err := c.EWaybill.AddSubOrder(ctx, &shopapi.EWaybillAddSubRequest{EWaybillRef: ref, AddPackageQuantity: 2,
			ShopID: EWaybillShopID, EWaybillAcctID: parcel.EWaybillAcctID})
		if err != nil || len(sub.WaybillIDList) != 3 || sub.PrintInfo == "" {
			t.Fatalf("add sub-parcels = %+v, %v", sub, err)
		}
		if _, _, err := c.EWaybill.PrintInfo(ctx, ref.EWaybillOrderID, "single", sub.WaybillIDList[1].WaybillID); err != nil {
			t.Fatal(err)
		}
		bad := ref
		bad.EWaybillOrderID = "1"
		res, _, err := c.EWaybill.NotifyPrintedBatch(ctx, []shopapi.EWaybillPrinted{{EWaybillRef: ref}, {EWaybillRef: bad, RePrint: 1}})
		if err != nil || len(res.Succeeded) != 1 || len(res.Failed) != 1 {
			t.Fatalf("batch print = %+v, %v", res, err)
		}
		msg, _, err := c.EWaybill.Cancel(ctx, ref)
		if err != nil || msg == "" {
			t.Fatalf("cancel = %q, %v", msg, err)
		}
		if st, _, _ := s.EWaybillStatus("7000000000000000001"); st != EWaybillCancelled {
			t.Errorf("status after cancel = %d", st)
		}
		if _, err := c.EWaybill.NotifyPrinted(ctx, shopapi.EWaybillPrinted{EWaybillRef: ref}); errCodeOf(err) != shopapi.CodeEWaybillNotFound {
			t.Errorf("print after cancel = %v", err)
		}
		if _, _, err := c.EWaybill.Get(ctx, "abc"); errCodeOf(err) != shopapi.CodeEWaybillIDNotUint64 {
			t.Errorf("non-uint64 id = %v", err)
		}
		if _, _, err := c.EWaybill.Get(ctx, "42"); errCodeOf(err) != shopapi.CodeEWaybillNotFound {
			t.Errorf("unknown id = %v", err)
		}
	}},
}
