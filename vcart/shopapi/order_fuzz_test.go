package shopapi_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestOrder_DecodeSample decodes an order/get response shaped as the
// official sample: string ids, fen amounts, "1" for a bool, the misspelt
// merchant_receieve_price, and undeclared fields kept in Extra.
func TestOrder_DecodeSample(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/order_get.json")
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		Order shopapi.Order `json:"order"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		t.Fatal(err)
	}
	o := resp.Order
	type summary struct {
		ID                          shopapi.ID
		Status                      shopapi.OrderStatus
		Paid, Receive, Freight, Fee int64
		Lines, Packages, Shipped    int
		FreeGift                    bool
		Method                      shopapi.PaymentMethod
		Aftersales                  int64
		Extra                       []string
		Commission                  int64
		Notes                       string
	}
	got := summary{o.OrderID, o.Status, int64(o.Detail.PriceInfo.OrderPrice), int64(o.Detail.PriceInfo.MerchantReceivePrice),
		int64(o.Detail.PriceInfo.Freight), int64(o.Detail.SettleInfo.PredictCommissionFee), len(o.Detail.ProductInfos),
		len(o.Detail.DeliveryInfo.DeliveryProductInfo), int(o.Detail.DeliveryInfo.DeliveryProductInfo[0].ProductInfos[0].ProductCnt),
		bool(o.Detail.ProductInfos[0].IsFreeGift), o.Detail.PayInfo.PaymentMethod, int64(o.AftersaleDetail.OnAftersaleOrderCnt),
		[]string{}, int64(o.Detail.CommissionInfos[0].Amount), o.Detail.ExtInfo.CustomerNotes}
	for k := range o.Extra {
		got.Extra = append(got.Extra, k)
	}
	want := summary{"37423523451235145", shopapi.OrderAwaitingShipment, 10500, 10500, 500, 105, 1, 1, 5, true,
		shopapi.PaymentWeChatPay, 1, nil, 1000, "发顺丰"}
	want.Extra = got.Extra
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(o.Extra) != 2 || string(o.Extra["is_present"]) != "false" {
		t.Errorf("extra %v", o.Extra)
	}
	if !o.Detail.PriceInfo.Paid().Equal(vcart.FromFen(10500)) || !o.Detail.PriceInfo.MerchantReceives().Equal(vcart.FromFen(10500)) {
		t.Error("money helpers")
	}
	if !o.Detail.HasFreightInsurance() || !bool(o.Detail.ProductInfos[0].ExtraService.SevenDayReturn) {
		t.Errorf("extra_service %+v", o.Detail.ProductInfos[0].ExtraService)
	}
	// Unshipped: 10 bought, 5 in the package.
	if u := o.Unshipped(); len(u) != 1 || u[0].ProductCnt != 5 {
		t.Errorf("unshipped %+v", u)
	}
	// Round trip keeps everything.
	enc, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back shopapi.Order
	if err := json.Unmarshal(enc, &back); err != nil {
		t.Fatal(err)
	}
	enc2, _ := json.Marshal(back)
	if diff := cmp.Diff(string(enc), string(enc2)); diff != "" || back.OrderID != o.OrderID {
		t.Errorf("round trip:\n%s", diff)
	}
}

// FuzzOrderDecode decodes arbitrary order JSON: no panic, and whatever
// decodes re-encodes and decodes to the same value.
func FuzzOrderDecode(f *testing.F) {
	if b, err := os.ReadFile("testdata/order_get.json"); err == nil {
		var resp struct {
			Order json.RawMessage `json:"order"`
		}
		if json.Unmarshal(b, &resp) == nil {
			f.Add([]byte(resp.Order))
		}
	}
	f.Add([]byte(`{"order_id":3705115058471208928,"status":"20","order_detail":{"price_info":{"order_price":"100"}}}`))
	f.Add([]byte(`{"order_id":null,"status":250,"x":[1,2]}`))
	f.Add([]byte(`{"after_sale_order_id":"1","status":"USER_CANCELD","refund_info":{"amount":1}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 64<<10 {
			return
		}
		var o shopapi.Order
		if err := json.Unmarshal(b, &o); err == nil {
			enc, err := json.Marshal(o)
			if err != nil {
				t.Fatalf("re-encode: %v", err)
			}
			var back shopapi.Order
			if err := json.Unmarshal(enc, &back); err != nil {
				t.Fatalf("decode re-encoded %s: %v", enc, err)
			}
			enc2, err := json.Marshal(back)
			if err != nil || string(enc) != string(enc2) {
				t.Fatalf("round trip differs: %v\n%s\n%s", err, enc, enc2)
			}
			_ = o.Unshipped()
		}
		var a shopapi.Aftersale
		_ = json.Unmarshal(b, &a)
	})
}
