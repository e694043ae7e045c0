package shopapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Regression tests of the misreadings issue 13 lists, each against the
// official page's shapes (the conformance fixtures hold the full examples).

// answering returns a client whose server answers body and records requests.
func answering(t *testing.T, body string) (*Client, *exampleServer) {
	t.Helper()
	srv := &exampleServer{answer: []byte(body)}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	c, err := NewClient(StaticToken("tok"), WithBaseURL(hs.URL), WithoutRateLimit(), WithRetryPolicy(RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	return c, srv
}

func lastBody(t *testing.T, srv *exampleServer) map[string]any {
	t.Helper()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if len(srv.requests) == 0 {
		t.Fatal("no request sent")
	}
	var m map[string]any
	if err := json.Unmarshal(srv.requests[len(srv.requests)-1].body, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// Complaint proof and message send media_id_list (the page's name; media_ids
// dropped the images) and require content.
func TestComplaintText_MediaIDList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		call func(*Client, ID, string, []string) (*Response, error)
	}{
		{"addcomplaintproof", func(c *Client, id ID, s string, m []string) (*Response, error) {
			return c.Aftersales.AddComplaintProof(ctx, id, s, m)
		}},
		{"addcomplaintmaterial", func(c *Client, id ID, s string, m []string) (*Response, error) {
			return c.Aftersales.AddComplaintMaterial(ctx, id, s, m)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, srv := answering(t, `{"errcode":0,"errmsg":"ok"}`)
			if _, err := tt.call(c, "2172884", "这是已经发货的证明", []string{"m1", "m2"}); err != nil {
				t.Fatal(err)
			}
			want := map[string]any{"complaint_id": "2172884", "content": "这是已经发货的证明", "media_id_list": []any{"m1", "m2"}}
			if diff := cmp.Diff(want, lastBody(t, srv)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			_, err := tt.call(c, "2172884", " ", []string{"m1"})
			if got := fieldCodesOf(err); !cmp.Equal(got, []string{"content:required"}) {
				t.Errorf("images without text: %v", err)
			}
			_, err = tt.call(c, "2172884", strings.Repeat("证", MaxComplaintTextRunes+1), nil)
			if got := fieldCodesOf(err); !cmp.Equal(got, []string{"content:length"}) {
				t.Errorf("501 characters: %v", err)
			}
		})
	}
}

func fieldCodesOf(err error) []string {
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+":"+p.Code)
	}
	return out
}

// rejectapply requires reject_reason_type and sends only the documented
// fields (no reject_certificates).
func TestReject_ReasonTypeRequired(t *testing.T) {
	t.Parallel()
	c, srv := answering(t, `{"errcode":0,"errmsg":"ok"}`)
	ctx := context.Background()
	_, err := c.Aftersales.Reject(ctx, &RejectRequest{AftersaleOrderID: "1768715750567651", RejectReason: "123"})
	if got := fieldCodesOf(err); !cmp.Equal(got, []string{"reject_reason_type:required"}) {
		t.Errorf("reject without a reason type: %v", err)
	}
	if _, ok := reflect.TypeFor[RejectRequest]().FieldByName("RejectCertificates"); ok {
		t.Error("RejectRequest still has RejectCertificates, which the page does not document")
	}
	if _, err := c.Aftersales.Reject(ctx, &RejectRequest{AftersaleOrderID: "1768715750567651", RejectReasonType: 1}); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"after_sale_order_id": "1768715750567651", "reject_reason_type": float64(1)}
	if diff := cmp.Diff(want, lastBody(t, srv)); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
}

// rejectreason/get: the page's reason_list with reject_scene, and the
// reject_reason_list some answers use.
func TestRejectReasons_BothListNames(t *testing.T) {
	t.Parallel()
	want := []RejectReason{{RejectReasonType: 6, RejectReasonTypeText: "买家误操作/已协商取消申请", RejectReason: "亲", RejectScene: RejectSceneRefund}}
	for _, key := range []string{"reason_list", "reject_reason_list"} {
		c, _ := answering(t, `{"errcode":0,"errmsg":"ok","`+key+`":[{"reject_reason_type":6,"reject_reason_type_text":"买家误操作/已协商取消申请","reject_reason":"亲","reject_scene":1}]}`)
		got, _, err := c.Aftersales.RejectReasons(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", key, diff)
		}
	}
	if RejectSceneExchangeReship.String() != "exchange-reship" || RejectScene(9).String() != "RejectScene(9)" {
		t.Error("RejectScene.String")
	}
}

// order/search: hits under orders (the page's example) or order_id_list
// (its table).
func TestOrderSearch_BothHitNames(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"orders", "order_id_list"} {
		c, _ := answering(t, `{"errcode":0,"errmsg":"ok","`+key+`":["3715847042071365120","3715847042071365121"],"has_more":false}`)
		l, _, err := c.Orders.Search(context.Background(), &OrderSearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]ID{"3715847042071365120", "3715847042071365121"}, l.OrderIDList); diff != "" {
			t.Errorf("%s (-want +got):\n%s", key, diff)
		}
	}
}

// address_under_review decodes as a bool or as an address object.
func TestAddressUnderReview_BoolOrAddress(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw  string
		want AddressReview
	}{
		{`true`, AddressReview{UnderReview: true}},
		{`false`, AddressReview{}},
		{`1`, AddressReview{UnderReview: true}},
		{`{"user_name":"陈先生","tel_number":"24534252"}`, AddressReview{UnderReview: true,
			AddressInfo: &AddressInfo{UserName: "陈先生", TelNumber: "24534252"}}},
	}
	for _, tt := range tests {
		var d OrderDeliveryInfo
		if err := json.Unmarshal([]byte(`{"deliver_method":0,"address_under_review":`+tt.raw+`}`), &d); err != nil {
			t.Errorf("%s: %v", tt.raw, err)
			continue
		}
		if diff := cmp.Diff(&tt.want, d.AddressUnderReview); diff != "" || d.AddressUnderReview.Pending() != tt.want.UnderReview {
			t.Errorf("%s (-want +got):\n%s", tt.raw, diff)
		}
		b, err := json.Marshal(d.AddressUnderReview)
		if err != nil {
			t.Fatal(err)
		}
		var back AddressReview
		if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(back, tt.want) {
			t.Errorf("%s: round trip %s → %+v, %v", tt.raw, b, back, err)
		}
	}
	var none *AddressReview
	if none.Pending() {
		t.Error("nil review pending")
	}
	var r AddressReview
	if err := json.Unmarshal([]byte(`"maybe"`), &r); err == nil {
		t.Error("accepted a string")
	}
}

// Fields the decoder used to drop.
func TestDroppedFields(t *testing.T) {
	t.Parallel()
	var sharer OrderSharerInfo
	if err := json.Unmarshal([]byte(`{"sharer_openid":"o","handling_progress":1}`), &sharer); err != nil || sharer.HandlingProgress != 1 {
		t.Errorf("handling_progress: %+v %v", sharer, err)
	}
	var as Aftersale
	if err := json.Unmarshal([]byte(`{"after_sale_order_id":"1","product_info":{"product_id":"2","sku_id":"3","count":1,
		"voucher_list":[{"vourcher_code":"232323"}],"gift_product_list":[{"product_id":"123","sku_id":"456","count":1,"task_id":234}]},
		"details":{"wxa_vip_discounted_price":5}}`), &as); err != nil {
		t.Fatal(err)
	}
	if len(as.ProductInfo.VoucherList) != 1 || as.ProductInfo.VoucherList[0].VoucherCode != "232323" ||
		len(as.ProductInfo.GiftProductList) != 1 || as.ProductInfo.GiftProductList[0].TaskID != "234" ||
		as.Details == nil || as.Details.WxaVipDiscountedPrice != 5 || len(as.Extra) != 0 {
		t.Errorf("after-sale: %+v", as)
	}
	var cq CatAndQua
	if err := json.Unmarshal([]byte(`{"cat":{"cat_id":"1","name":"x"},"product_qua":{"need_to_apply":true,"tips":"t","mandatory":true}}`), &cq); err != nil ||
		cq.ProductQua == nil || !cq.ProductQua.Mandatory {
		t.Errorf("product_qua: %+v %v", cq, err)
	}
	var st SKUStock
	if err := json.Unmarshal([]byte(`{"finder_total_num":300,"total_stock_num":1166}`), &st); err != nil || st.FinderTotalNum != 300 {
		t.Errorf("finder_total_num: %+v %v", st, err)
	}
}

// listorderflow: the request carries order_state, order_pay_method and the
// page context; the answer is total_count, data_list[] and page_ctx.
func TestOrderFlow_PageShapes(t *testing.T) {
	t.Parallel()
	c, srv := answering(t, `{"errcode":0,"errmsg":"ok","total_count":3,"page_ctx":"ctx2","data_list":[{"order_id":"37","order_state":100,
		"order_settle_state":60,"mch_received_amount":9900,"mch_settle_amount":9300,"mch_settle_time":1700864000,
		"platform_commission_amount":500,"promoter_commission_amount":100,"freight_insurance_amount":40,"buyer_paid_amount":9900,
		"product_list":[{"product_id":"1","sale_price":10000,"count":1}],"post_settlement_expense":{"buyer_refund_amount":10},
		"new_field":7}]}`)
	l, resp, err := c.Funds.OrderFlow(context.Background(), &OrderFlowOptions{SettleState: OrderSettled, State: OrderFlowCompleted,
		PayMethod: OrderFlowPayLater, Limit: 10, Offset: 5, UsePageCtx: true, PageCtx: "ctx1"})
	if err != nil {
		t.Fatal(err)
	}
	wantBody := map[string]any{"order_settle_state": float64(60), "order_state": float64(100), "order_pay_method": float64(2),
		"pagination_info": map[string]any{"limit": float64(10), "use_page_ctx": true, "page_ctx": "ctx1"}}
	if diff := cmp.Diff(wantBody, lastBody(t, srv)); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}
	if l.TotalCount != 3 || l.PageCtx != "ctx2" || resp.NextKey != "ctx2" || len(l.DataList) != 1 {
		t.Fatalf("page: %+v", l)
	}
	f := l.DataList[0]
	if f.OrderID != "37" || f.OrderState != OrderFlowCompleted || f.OrderSettleState != OrderSettled || f.MchReceivedAmount != 9900 ||
		f.MchSettleAmount != 9300 || f.MchSettleTime != 1700864000 || f.PlatformCommissionAmount != 500 ||
		f.PromoterCommissionAmount != 100 || f.FreightInsuranceAmount != 40 || f.BuyerPaidAmount != 9900 ||
		len(f.ProductList) != 1 || f.PostSettlementExpense == nil || f.PostSettlementExpense.BuyerRefundAmount != 10 ||
		string(f.Extra["new_field"]) != "7" {
		t.Errorf("flow: %+v", f)
	}
	for _, s := range []OrderSettleState{0, 1, 2, 60, 100, 5} {
		if s.String() == "" {
			t.Error("empty String")
		}
	}
	if OrderFlowToShip.String() != "to-ship" || OrderFlowPayLater.String() != "pay-later" || OrderFlowState(1).String() != "OrderFlowState(1)" ||
		OrderFlowPayMethod(9).String() != "OrderFlowPayMethod(9)" {
		t.Error("enum String")
	}
}
