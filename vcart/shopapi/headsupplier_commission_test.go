package shopapi_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestCommissionFen(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name        string
		base, ratio int64
		mode        vcart.RoundingMode
		want        int64
		wantErr     bool
	}{
		{"page example talent", 100, 100000, vcart.HalfUp, 10, false},
		{"page example service", 100, 300000, vcart.HalfUp, 30, false},
		{"half up at .5", 5, 100000, vcart.HalfUp, 1, false}, // 0.5 fen
		{"half even at .5 to 0", 5, 100000, vcart.HalfEven, 0, false},
		{"half even at 1.5 to 2", 15, 100000, vcart.HalfEven, 2, false},
		{"half up below .5", 4, 100000, vcart.HalfUp, 0, false}, // 0.4 fen
		{"down", 19, 100000, vcart.Down, 1, false},              // 1.9 fen
		{"up", 11, 100000, vcart.Up, 2, false},                  // 1.1 fen
		{"up exact", 10, 100000, vcart.Up, 1, false},
		{"zero ratio", 12345, 0, vcart.HalfUp, 0, false},
		{"full ratio", 12345, 1_000_000, vcart.HalfUp, 12345, false},
		{"no overflow at max base", math.MaxInt64, 999_999, vcart.Down, 9223362813482738952, false},
		{"negative base", -1, 10, vcart.HalfUp, 0, true},
		{"negative ratio", 1, -10, vcart.HalfUp, 0, true},
		{"ratio above 100%", 1, 1_000_001, vcart.HalfUp, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := shopapi.CommissionFen(tc.base, shopapi.CommissionRatio(tc.ratio), tc.mode)
			if (err != nil) != tc.wantErr || tc.wantErr && !errors.Is(err, shopapi.ErrCommissionInput) {
				t.Fatalf("CommissionFen(%d, %d) error = %v, wantErr %v", tc.base, tc.ratio, err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("CommissionFen(%d, %d, %v) = %d, want %d", tc.base, tc.ratio, tc.mode, got, tc.want)
			}
		})
	}
}

// pageCommissionOrder is the order/get page's example.
const pageCommissionOrder = `{"order_id":"123","sku_id":"12345","create_time":1675855175,"update_time":1675855217,"status":20,
"order_detail":{"shop_info":{"appid":"wxxxx"},"product_info":{"product_id":"12345","thumb_img":"https://test.com/0","title":"test_123","actual_payment":100},
"order_info":{"order_status":20},"commission_info":{"finder_info":{"nickname":"finder","ratio":100000,"amount":10},"service_ratio":300000,"service_amount":30}}}`

func TestCheckCommission(t *testing.T) {
	t.Parallel()
	var co shopapi.CommissionOrder
	if err := json.Unmarshal([]byte(pageCommissionOrder), &co); err != nil {
		t.Fatal(err)
	}
	order := func(talent, head int64) *shopapi.Order {
		o := &shopapi.Order{OrderID: "123"}
		o.Detail.CommissionInfos = []shopapi.OrderCommission{
			{SKUID: "12345", Type: 0, Amount: shopapi.Int64(talent)},
			{SKUID: "12345", Type: 1, Amount: shopapi.Int64(head)},
			{SKUID: "other", Type: 1, Amount: 999}, // another SKU: ignored
		}
		return o
	}
	base := shopapi.CommissionCheck{OrderID: "123", SKUID: "12345", PaidFen: 100, Rounding: vcart.HalfUp,
		TalentRatio: 100000, ExpectedTalentFen: 10, ReportedTalentFen: 10,
		ServiceRatio: 300000, ExpectedServiceFen: 30, ReportedServiceFen: 30}
	for _, tc := range []struct {
		name   string
		co     func() *shopapi.CommissionOrder
		order  *shopapi.Order
		want   func() shopapi.CommissionCheck
		wantOK bool
	}{
		{"page example alone", func() *shopapi.CommissionOrder { return &co }, nil,
			func() shopapi.CommissionCheck { return base }, true},
		{"tied to the shop order", func() *shopapi.CommissionOrder { return &co }, order(10, 30),
			func() shopapi.CommissionCheck {
				c := base
				c.HasOrder, c.OrderTalentFen, c.OrderHeadSupplierFen = true, 10, 30
				return c
			}, true},
		{"helping agency: shop pays more than the head supplier receives", func() *shopapi.CommissionOrder { return &co }, order(10, 50),
			func() shopapi.CommissionCheck {
				c := base
				c.HasOrder, c.OrderTalentFen, c.OrderHeadSupplierFen, c.OrderHeadSupplierDiff = true, 10, 50, 20
				return c
			}, true},
		{"shop order's talent commission differs", func() *shopapi.CommissionOrder { return &co }, order(12, 30),
			func() shopapi.CommissionCheck {
				c := base
				c.HasOrder, c.OrderTalentFen, c.OrderHeadSupplierFen, c.OrderTalentDiff = true, 12, 30, 2
				return c
			}, false},
		{"reported service fee off by 3 fen", func() *shopapi.CommissionOrder {
			c := co
			c.OrderDetail.CommissionInfo.ServiceAmount = 33
			return &c
		}, nil, func() shopapi.CommissionCheck {
			c := base
			c.ReportedServiceFen, c.ServiceDiff = 33, 3
			return c
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := shopapi.CheckCommission(tc.co(), tc.order, vcart.HalfUp)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want(), got); d != "" {
				t.Errorf("CheckCommission (-want +got):\n%s", d)
			}
			if got.OK(1) != tc.wantOK {
				t.Errorf("OK(1) = %v, want %v", got.OK(1), tc.wantOK)
			}
		})
	}
}

func TestCheckCommission_Errors(t *testing.T) {
	t.Parallel()
	var co shopapi.CommissionOrder
	if err := json.Unmarshal([]byte(pageCommissionOrder), &co); err != nil {
		t.Fatal(err)
	}
	if _, err := shopapi.CheckCommission(nil, nil, vcart.HalfUp); err == nil {
		t.Error("nil commission order accepted")
	}
	if _, err := shopapi.CheckCommission(&co, &shopapi.Order{OrderID: "999"}, vcart.HalfUp); err == nil {
		t.Error("another order accepted")
	}
	bad := co
	bad.OrderDetail.CommissionInfo.ServiceRatio = 2_000_000
	if _, err := shopapi.CheckCommission(&bad, nil, vcart.HalfUp); !errors.Is(err, shopapi.ErrCommissionInput) {
		t.Errorf("ratio above 100%%: %v", err)
	}
}

// commission_info keeps the fields the example does not show.
func TestCommissionInfo_Extra(t *testing.T) {
	t.Parallel()
	in := `{"finder_info":{"nickname":"f","ratio":1,"amount":2},"service_ratio":3,"service_amount":4,"talent_info":{"amount":5}}`
	var ci shopapi.CommissionInfo
	if err := json.Unmarshal([]byte(in), &ci); err != nil {
		t.Fatal(err)
	}
	if _, ok := ci.Extra["talent_info"]; !ok || ci.ServiceAmount != 4 {
		t.Fatalf("decoded %+v", ci)
	}
	out, err := json.Marshal(ci)
	if err != nil {
		t.Fatal(err)
	}
	var a, b map[string]any
	_ = json.Unmarshal([]byte(in), &a)
	_ = json.Unmarshal(out, &b)
	if d := cmp.Diff(a, b, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("round trip (-in +out):\n%s", d)
	}
}
