package shopapitest

import (
	"context"
	"github.com/vcart-sdk/vcart-go/vcart"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Tours of the order extras of issue 17.

var orderExtraTours = []tour{
	{"sensitive address, virtual and real numbers", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		order := paidExtraOrder(t, s)
		id := order
		addr, _, err := c.Orders.DecodeSensitiveInfo(ctx, id)
		if err != nil || addr.TelNumber == "" {
			t.Fatalf("decode: %+v %v", addr, err)
		}
		if err := s.SetVirtualNumberExpiry(order, s.now().Add(3*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		d, _, err := c.Orders.DelayVirtualNumber(ctx, id, 0)
		if err != nil || d.AvailableExtendNum != 2 {
			t.Fatalf("delay: %+v %v", d, err)
		}
		if err := s.SetVirtualNumberExpiry(order, s.now().Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		v, _, err := c.Orders.ApplyVirtualNumberAgain(ctx, id)
		if err != nil || v.VirtualNumber == "" {
			t.Fatalf("apply again: %+v %v", v, err)
		}
		if err := s.SetVirtualNumberExpiry(order, s.now().Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		tel, _, err := c.Orders.GetVirtualTelNumber(ctx, id)
		if err != nil || tel.GetVirtualTelCnt != 1 {
			t.Fatalf("exchange: %+v %v", tel, err)
		}
		task, _, err := c.Orders.ApplyRealNumber(ctx, &shopapi.RealNumberRequest{OrderID: id, ApplyType: shopapi.RealNumberCannotShip,
			ApplyReason: "虚拟号打不通了", PicMediaIDs: []string{"media-1"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ReviewRealNumber(order, true); err != nil {
			t.Fatal(err)
		}
		a, _, err := c.Orders.RealNumberAudit(ctx, id)
		if err != nil || a.AuditState != shopapi.RealNumberApproved || a.TaskID != task.TaskID {
			t.Errorf("audit: %+v %v (task %s)", a, err, task.TaskID)
		}
	}},
	{"gift orders, SKU changes, fresh inspection", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		a, b := paidExtraOrder(t, s), paidExtraOrder(t, s)
		gift, err := s.GiftOrders(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Orders.AddPresentNote(ctx, gift, "生日快乐"); err != nil {
			t.Fatal(err)
		}
		subs, _, err := c.Orders.PresentSubOrders(ctx, gift)
		if err != nil || len(subs) != 2 {
			t.Fatalf("sub-orders: %v %v", subs, err)
		}
		for _, o := range []vcart.ID{a, b} {
			if err := s.RequestSKUChange(o, extraTourLine.SKUID, "20000000000000002"); err != nil {
				t.Fatal(err)
			}
		}
		ids, _, err := c.Orders.SKUChangeRequests(ctx, 1, 10)
		if err != nil || len(ids) != 2 {
			t.Fatalf("requests: %v %v", ids, err)
		}
		if _, err := c.Orders.ApproveSKUChange(ctx, a); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Orders.RejectSKUChange(ctx, b); err != nil {
			t.Fatal(err)
		}
		if got := s.OrderSKUs(a); len(got) != 1 || got[0] != "20000000000000002" {
			t.Errorf("approved order's SKUs %v", got)
		}
		if err := s.RequireFreshInspect(a); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Orders.SubmitFreshInspect(ctx, a, []shopapi.FreshInspectItem{
			{ItemName: shopapi.FreshExpressPic, ItemValue: "https://store.mp.video.tencent-cloud.com/x"},
			{ItemName: shopapi.FreshUnboxingVideo, ItemValue: "https://store.mp.video.tencent-cloud.com/z"}}); err != nil {
			t.Fatal(err)
		}
		if !s.FreshInspected(a) {
			t.Error("fresh inspection not recorded")
		}
	}},
	{"private-number phone", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		const mobile = "13800138000"
		if _, err := c.Store.SendPrivateNumberVerifyCode(ctx, mobile); err != nil {
			t.Fatal(err)
		}
		code, _ := s.PrivateNumberCode(mobile)
		v, _, err := c.Store.AddPrivateNumberPhone(ctx, &shopapi.AddPhoneRequest{Mobile: mobile, VerifyCode: code, WxUsername: "shop-member"})
		if err != nil || v.Status != shopapi.PhoneVerifyReviewed || v.QRCodeURL == "" {
			t.Fatalf("add: %+v %v", v, err)
		}
		if err := s.CompletePhoneVerification(mobile, false, "实名信息不一致"); err != nil {
			t.Fatal(err)
		}
		st, _, err := c.Store.PrivateNumberPhone(ctx, mobile)
		if err != nil || st.Status != shopapi.PhoneVerifyFailed || st.FailReason == "" {
			t.Errorf("get: %+v %v", st, err)
		}
	}},
	{"work order of a dispute", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		order := paidExtraOrder(t, s)
		as := mustOpen(t, s, order, NewAftersale{SKUID: extraTourLine.SKUID, Count: 1})
		if _, err := c.Aftersales.Reject(ctx, &shopapi.RejectRequest{AftersaleOrderID: as, RejectReasonType: 1}); err != nil {
			t.Fatal(err)
		}
		cp, err := s.OpenComplaint(as)
		if err != nil {
			t.Fatal(err)
		}
		req := &shopapi.SyncWorkOrderRequest{ComplaintID: cp, WorkOrderInfo: shopapi.WorkOrderInfo{Version: 1, WorkOrderID: "WO-1",
			Items: []shopapi.WorkOrderItem{{Status: shopapi.WorkOrderCreated, Desc: "已受理", UpdateTime: s.now().Unix()}}}}
		if _, err := c.Aftersales.SyncWorkOrder(ctx, req); err != nil {
			t.Fatal(err)
		}
		req.WorkOrderInfo.Version = 2
		req.WorkOrderInfo.Items = append(req.WorkOrderInfo.Items, shopapi.WorkOrderItem{Status: shopapi.WorkOrderFinished, Desc: "同意退款",
			UpdateTime: s.now().Unix(), ResultType: shopapi.WorkOrderAgreeRefund, RefundAmount: 1000})
		if _, err := c.Aftersales.SyncWorkOrder(ctx, req); err != nil {
			t.Fatal(err)
		}
		req.WorkOrderInfo.Version = 1
		if _, err := c.Aftersales.SyncWorkOrder(ctx, req); err == nil {
			t.Error("an older version was accepted")
		}
		if w, _ := s.WorkOrderOf(cp); w.Version != 2 || len(w.Items) != 2 {
			t.Errorf("work order %+v", w)
		}
	}},
}
