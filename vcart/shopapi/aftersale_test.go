package shopapi_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func TestAftersales_RefundCancelsOrder(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	ctx := t.Context()
	id := newOrder(t, srv, true)
	a1, err := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: walnuts.SKUID})
	if err != nil {
		t.Fatal(err)
	}
	// An open after-sale blocks shipping (108009).
	if _, err := c.Delivery.Ship(ctx, &shopapi.ShipRequest{OrderID: id, Packages: []shopapi.Package{walnutPkg("SF1000000001", 2)}}); apiCode(err) != shopapi.CodeAftersaleBlocksShipping {
		t.Errorf("ship with open after-sale: %v", err)
	}
	clk.Advance(time.Minute)
	a2, err := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: pecans.SKUID, Reason: shopapi.ReasonQualityIssue})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := c.Aftersales.Get(ctx, a1)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != shopapi.AftersaleMerchantProcessing || !a.Status.AwaitsMerchant() || a.Type != shopapi.AftersaleRefund ||
		a.OrderID != id || !a.RefundAmount().Equal(vcart.FromFen(7980)) || a.ProductInfo.Count != 2 {
		t.Errorf("after-sale %+v", a)
	}
	for _, x := range []vcart.ID{a1, a2} {
		if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: x}); err != nil {
			t.Fatal(err)
		}
	}
	a, _, _ = c.Aftersales.Get(ctx, a2)
	if a.Status != shopapi.AftersaleMerchantRefundSuccess || !a.Status.Refunded() || !a.Status.IsFinal() || a.RefundInfo.RefundReason != 3 {
		t.Errorf("after accept: %+v", a)
	}
	// Every item refunded: the order is cancelled (200).
	o, _, err := c.Orders.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != shopapi.OrderCancelledAftersale || o.AftersaleDetail == nil || len(o.AftersaleDetail.AftersaleOrderList) != 2 ||
		o.AftersaleDetail.OnAftersaleOrderCnt != 0 {
		t.Errorf("order %v %+v", o.Status, o.AftersaleDetail)
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: a1}); apiCode(err) != shopapi.CodeAftersaleOpNotSupported {
		t.Errorf("accept twice: %v", err)
	}
	if _, _, err := c.Aftersales.Get(ctx, "123"); apiCode(err) != shopapi.CodeAftersaleNotFound {
		t.Errorf("unknown: %v", err)
	}
}

func TestAftersales_ReturnAndReject(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	id := newOrder(t, srv, true)
	if err := srv.ShipAll(id); err != nil {
		t.Fatal(err)
	}
	ret, err := srv.OpenAftersale(id, shopapitest.NewAftersale{Type: shopapi.AftersaleReturn, SKUID: walnuts.SKUID, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: pecans.SKUID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: ret, AddressID: srv.ReturnAddress(), AcceptType: shopapi.AcceptReturn}); err != nil {
		t.Fatal(err)
	}
	if err := srv.ReturnGoods(ret, "SF2000000001"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: ret, AcceptType: shopapi.AcceptRefundAfterReceipt}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Reject(ctx, &shopapi.RejectRequest{AftersaleOrderID: ref, RejectReasonType: 1, RejectReason: "商品已发出"}); err != nil {
		t.Fatal(err)
	}
	var got []shopapi.AftersaleStatus
	for _, x := range []vcart.ID{ret, ref} {
		st, _ := srv.AftersaleStatus(x)
		got = append(got, st)
	}
	if diff := cmp.Diff([]shopapi.AftersaleStatus{shopapi.AftersaleMerchantReturnSuccess, shopapi.AftersaleMerchantRejectRefund}, got); diff != "" {
		t.Errorf("statuses:\n%s", diff)
	}
	a, _, _ := c.Aftersales.Get(ctx, ret)
	if a.ReturnInfo == nil || a.ReturnInfo.WaybillID != "SF2000000001" {
		t.Errorf("return info %+v", a.ReturnInfo)
	}
	// The order stays shipped: one walnut bag and the pecans remain.
	if st, _ := srv.OrderStatus(id); st != shopapi.OrderShipped {
		t.Errorf("order status %v", st)
	}
	// Each after-sale pushed an update per status.
	var upd []string
	for _, e := range srv.Events() {
		if e.Name == "channels_ec_aftersale_update" && e.Key == ret {
			var m struct {
				U struct {
					Status string `json:"status"`
				} `json:"finder_shop_aftersale_status_update"`
			}
			if err := json.Unmarshal(e.Plaintext, &m); err != nil {
				t.Fatal(err)
			}
			upd = append(upd, m.U.Status)
		}
	}
	want := []string{"MERCHANT_PROCESSING", "USER_WAIT_RETURN", "MERCHANT_WAIT_RECEIPT", "MERCHANT_RETURN_SUCCESS"}
	if diff := cmp.Diff(want, upd); diff != "" {
		t.Errorf("after-sale events:\n%s", diff)
	}
	if _, err := c.Aftersales.Reject(ctx, &shopapi.RejectRequest{}); !cmp.Equal([]string{"after_sale_order_id:required", "reject_reason_type:required"}, fieldCodes(err)) {
		t.Errorf("reject validation: %v", err)
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AcceptType: 5}); !cmp.Equal([]string{"accept_type:enum", "after_sale_order_id:required"}, fieldCodes(err)) {
		t.Errorf("accept validation: %v", err)
	}
}

func TestAftersales_ListIterWindows(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	ctx := t.Context()
	// 60 after-sales, one every 2 hours over 5 days, some exactly on a
	// 24-hour boundary.
	var want []shopapi.ID
	for range 60 {
		id := newOrder(t, srv, true)
		as, err := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: walnuts.SKUID})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, as)
		clk.Advance(2 * time.Hour)
	}
	w := shopapi.Window{Start: orderEpoch, End: orderEpoch.Add(120 * time.Hour)}
	var got []shopapi.ID
	for id, err := range c.Aftersales.ListIter(ctx, &shopapi.AftersaleListOptions{CreateTime: &w}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if _, _, err := c.Aftersales.List(ctx, &shopapi.AftersaleListOptions{CreateTime: &w}); !cmp.Equal([]string{"create_time:range"}, fieldCodes(err)) {
		t.Errorf("long range in one page: %v", err)
	}
	if _, _, err := c.Aftersales.List(ctx, &shopapi.AftersaleListOptions{CreateTime: &w, UpdateTime: &w}); len(fieldCodes(err)) != 3 {
		t.Errorf("both ranges: %v", fieldCodes(err))
	}
	day := shopapi.Window{Start: orderEpoch, End: orderEpoch.Add(24 * time.Hour)}
	l, _, err := c.Aftersales.List(ctx, &shopapi.AftersaleListOptions{UpdateTime: &day})
	if err != nil || len(l.AftersaleOrderIDList) != 12 {
		t.Errorf("one day by update time: %v %+v", err, l)
	}
}

func TestAftersales_ReasonsAndComplaints(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	rs, _, err := c.Aftersales.Reasons(ctx)
	if err != nil || len(rs) == 0 || rs[0].ReasonText == "" {
		t.Errorf("reasons %v %+v", err, rs)
	}
	rr, _, err := c.Aftersales.RejectReasons(ctx)
	if err != nil || len(rr) == 0 || rr[0].RejectReasonType != 1 {
		t.Errorf("reject reasons %v %+v", err, rr)
	}
	id := newOrder(t, srv, true)
	as, _ := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: walnuts.SKUID})
	if _, err := c.Aftersales.UploadRefundCertificate(ctx, as, "已退款", []string{"media-1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Reject(ctx, &shopapi.RejectRequest{AftersaleOrderID: as, RejectReasonType: 1, RejectReason: "不同意"}); err != nil {
		t.Fatal(err)
	}
	cid, err := srv.OpenComplaint(as)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.AddComplaintProof(ctx, cid, "发货单据见图", []string{"media-2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.AddComplaintMaterial(ctx, cid, "补充说明：已联系买家", nil); err != nil {
		t.Fatal(err)
	}
	cp, _, err := c.Aftersales.GetComplaint(ctx, cid)
	if err != nil {
		t.Fatal(err)
	}
	if cp.AftersaleOrderID != as || cp.OrderID != id || cp.Status != 100 || len(cp.History) != 3 ||
		cp.History[1].Content != "发货单据见图" {
		t.Errorf("complaint %+v", cp)
	}
	a, _, _ := c.Aftersales.Get(ctx, as)
	if a.ComplaintID != cid || a.MerchantUploadInfo == nil || len(a.MerchantUploadInfo.RefundCertificates) != 1 {
		t.Errorf("after-sale %+v", a)
	}
	if _, err := c.Aftersales.AddComplaintMaterial(ctx, "", "", nil); len(fieldCodes(err)) != 2 {
		t.Errorf("validation %v", err)
	}
	if _, _, err := c.Aftersales.GetComplaint(ctx, "404"); apiCode(err) != 10021500 {
		t.Errorf("unknown complaint: %v", err)
	}
}

func TestAftersaleStatus_Helpers(t *testing.T) {
	t.Parallel()
	type row struct {
		S                       shopapi.AftersaleStatus
		Final, Awaits, Refunded bool
	}
	var got []row
	for _, s := range []shopapi.AftersaleStatus{shopapi.AftersaleUserCancelled, shopapi.AftersaleMerchantProcessing,
		shopapi.AftersaleUserWaitReturn, shopapi.AftersaleMerchantWaitReceipt, shopapi.AftersaleMerchantRefundSuccess,
		shopapi.AftersalePlatformRefundFail, shopapi.AftersaleUserWaitConfirm} {
		got = append(got, row{s, s.IsFinal(), s.AwaitsMerchant(), s.Refunded()})
	}
	want := []row{
		{"USER_CANCELD", true, false, false},
		{"MERCHANT_PROCESSING", false, true, false},
		{"USER_WAIT_RETURN", false, false, false},
		{"MERCHANT_WAIT_RECEIPT", false, true, false},
		{"MERCHANT_REFUND_SUCCESS", true, false, true},
		{"PLATFORM_REFUND_FAIL", false, true, false},
		{"USER_WAIT_CONFIRM", false, false, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

// TestAftersale_DecodeSample decodes the official sample shape (no errmsg,
// string status, misspelt vourcher_code kept in Extra).
func TestAftersale_DecodeSample(t *testing.T) {
	t.Parallel()
	const sample = `{"after_sale_order_id":"123456","status":"MERCHANT_REFUND_SUCCESS","order_id":"3705115058471208928",
	"product_info":{"product_id":"234245","sku_id":"23424","count":2,"voucher_list":[{"vourcher_code":"abc"}]},
	"details":{"desc":"不想要了","receive_product":true,"media_id_list":["x"]},"refund_info":{"amount":11,"refund_reason":1},
	"create_time":1658509200,"update_time":1658509300,"reason":"NO_LONGER_WANT","type":"REFUND","gen_scene":1}`
	var a shopapi.Aftersale
	if err := json.Unmarshal([]byte(sample), &a); err != nil {
		t.Fatal(err)
	}
	if a.OrderID != "3705115058471208928" || a.Status != shopapi.AftersaleMerchantRefundSuccess || a.Reason != shopapi.ReasonNoLongerWant ||
		a.RefundInfo.Amount != 11 || !bool(a.Details.ReceiveProduct) || string(a.Extra["gen_scene"]) != "1" {
		t.Errorf("decoded %+v", a)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back shopapi.Aftersale
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(a, back) {
		t.Errorf("round trip: %v\n%s", err, cmp.Diff(a, back))
	}
}
