package shopapi

import (
	"context"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// The dropship and head supplier methods check their input before the
// network (the client points nowhere) and report every problem at once.
func TestDropshipHeadSupplierValidation(t *testing.T) {
	t.Parallel()
	c, err := NewClient(StaticToken("tok"), WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want []string
	}{
		{"assign: everything missing", func() error {
			_, err := c.Dropship.Assign(ctx, &DropshipAssignRequest{})
			return err
		}, []string{"dropship_product_list:required", "order_id:required", "supplier_appid:required"}},
		{"assign: bad line", func() error {
			_, err := c.Dropship.Assign(ctx, &DropshipAssignRequest{OrderID: "1", SupplierAppID: "wx", Products: []DropshipProduct{{ProductCnt: 0}}})
			return err
		}, []string{"dropship_product_list[0].product_cnt:range", "dropship_product_list[0].sku_id:required", "dropship_product_list[0].spu_id:required"}},
		{"cancel: no ids", func() error {
			_, err := c.Dropship.Cancel(ctx, &DropshipCancelRequest{Products: []DropshipProduct{{SpuID: "p", SkuID: "s", ProductCnt: 1}}})
			return err
		}, []string{"ds_order_id:required", "order_id:required"}},
		{"list: range over 7 days and bad page", func() error {
			_, _, err := c.Dropship.List(ctx, DropshipFilter{CreateTimeRange: &DropshipTimeRange{StartTime: 0, EndTime: 8 * 86400}}, DropshipPageInfo{Offset: -1, Limit: 101})
			return err
		}, []string{"create_time_range:range", "page_info.limit:range", "page_info.offset:range"}},
		{"search: end before start", func() error {
			_, _, err := c.Dropship.Search(ctx, DropshipFilter{CreateTimeRange: &DropshipTimeRange{StartTime: 10, EndTime: 5}}, DropshipPageInfo{Limit: 10})
			return err
		}, []string{"search_condition.create_time_range.end_time:range"}},
		{"per product: too many, empty ids", func() error {
			list := make([]ProductDistribution, DropshipMaxProductDistributions+1)
			list[0] = ProductDistribution{SupplierAppID: "wx", ProductID: "1"}
			for i := 1; i < len(list); i++ {
				list[i] = list[0]
			}
			list[3] = ProductDistribution{}
			_, err := c.Dropship.SetPerProduct(ctx, list)
			return err
		}, []string{"list:range", "list[3].product_id:required", "list[3].supplier_appid:required"}},
		{"all shop: no supplier", func() error {
			_, err := c.Dropship.SetAllShop(ctx, " ")
			return err
		}, []string{"supplier_appid:required"}},
		{"invite: no supplier", func() error {
			_, err := c.Dropship.InviteSupplier(ctx, &SupplierInvitation{})
			return err
		}, []string{"supplier_appid:required"}},
		{"head supplier items: page size over 30", func() error {
			_, _, err := c.HeadSuppliers.Items(ctx, "", 31, "")
			return err
		}, []string{"page_size:range"}},
		{"commission orders: no range, page size 0", func() error {
			_, _, err := c.HeadSuppliers.CommissionOrders(ctx, CommissionOrderListOptions{})
			return err
		}, []string{"create_time_range:required", "page_size:range"}},
		{"window product: nothing named", func() error {
			_, _, err := c.HeadSuppliers.WindowProduct(ctx, "", "", "")
			return err
		}, []string{"appid:required", "finder_id:required", "product_id:required"}},
		{"add to window: no talent, no product", func() error {
			_, err := c.HeadSuppliers.AddToWindow(ctx, &WindowAddRequest{})
			return err
		}, []string{"finder_id:required", "product_id:required"}},
		{"window products: bad paging", func() error {
			_, _, err := c.HeadSuppliers.WindowProducts(ctx, WindowProductsOptions{Offset: -1})
			return err
		}, []string{"finder_id:required", "offset:range", "page_size:range"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if d := cmp.Diff(tc.want, problemFields(t, tc.call())); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}

func TestDistributeTypeString(t *testing.T) {
	t.Parallel()
	got := []string{DistributeManual.String(), DistributeAllShop.String(), DistributePerProduct.String(), DistributeType(9).String()}
	want := []string{"manual", "all-shop", "per-product", "DistributeType(9)"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

// FuzzCommissionFen holds CommissionFen to exact rational arithmetic: the
// result is the quotient base×ratio/10⁶ rounded per mode, never above the
// base.
func FuzzCommissionFen(f *testing.F) {
	f.Add(int64(100), int64(100000), uint8(0))
	f.Add(int64(5), int64(100000), uint8(1))
	f.Add(int64(9223372036854775807), int64(999999), uint8(3))
	f.Fuzz(func(t *testing.T, base, ratio int64, m uint8) {
		mode := vcart.RoundingMode(m % 4)
		got, err := CommissionFen(base, CommissionRatio(ratio), mode)
		if base < 0 || ratio < 0 || ratio > CommissionRatioScale {
			if err == nil {
				t.Fatalf("CommissionFen(%d, %d) accepted", base, ratio)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		num := new(big.Int).Mul(big.NewInt(base), big.NewInt(ratio))
		q, r := new(big.Int).QuoRem(num, big.NewInt(CommissionRatioScale), new(big.Int))
		twice := new(big.Int).Mul(r, big.NewInt(2)).Cmp(big.NewInt(CommissionRatioScale))
		want := q.Int64()
		switch mode {
		case vcart.HalfUp:
			if twice >= 0 {
				want++
			}
		case vcart.HalfEven:
			if twice > 0 || twice == 0 && want%2 == 1 {
				want++
			}
		case vcart.Up:
			if r.Sign() > 0 {
				want++
			}
		}
		if got != want || got > base {
			t.Fatalf("CommissionFen(%d, %d, %v) = %d, want %d", base, ratio, mode, got, want)
		}
	})
}
