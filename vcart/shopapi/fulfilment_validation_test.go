package shopapi_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestFulfilmentValidation checks that bad fulfilment requests are refused
// before the network with every problem named.
func TestFulfilmentValidation(t *testing.T) {
	t.Parallel()
	c := offlineClient(t)
	tests := []struct {
		name string
		call func(ctx context.Context) error
		want []string
	}{
		{"address without region", func(ctx context.Context) error {
			_, _, err := c.Addresses.Add(ctx, &shopapi.MerchantAddress{AddressInfo: shopapi.MerchantAddressInfo{UserName: "a", DetailInfo: "d"}})
			return err
		}, []string{"address_detail.address_info.city_name", "address_detail.address_info.county_name", "address_detail.address_info.province_name"}},
		{"address update without id", func(ctx context.Context) error {
			_, err := c.Addresses.Update(ctx, &shopapi.MerchantAddress{AddressInfo: shopapi.MerchantAddressInfo{UserName: "a",
				ProvinceName: "p", CityName: "c", CountyName: "x", DetailInfo: "d"}})
			return err
		}, []string{"address_detail.address_id"}},
		{"freight template not free without rules", func(ctx context.Context) error {
			_, _, err := c.Freight.Add(ctx, &shopapi.FreightTemplate{Name: "t", ValuationType: "VOLUME", SendTime: shopapi.SendWithin3Days,
				DeliveryType: shopapi.DeliveryExpress, ShippingMethod: shopapi.FreightFreeIfConditions})
			return err
		}, []string{"freight_template.address_info.province_name", "freight_template.all_condition_free_detail.condition_free_detail_list",
			"freight_template.all_freight_calc_method.freight_calc_method_list", "freight_template.valuation_type"}},
		{"freight default rule with a region, two defaults", func(ctx context.Context) error {
			r := []shopapi.FreightAddress{{ProvinceName: "北京市"}}
			_, _, err := c.Freight.Add(ctx, &shopapi.FreightTemplate{Name: "t", ValuationType: shopapi.FreightByPiece, SendTime: shopapi.SendWithin3Days,
				DeliveryType: shopapi.DeliveryExpress, ShippingMethod: shopapi.FreightNoFree, AddressInfo: shopapi.FreightAddress{ProvinceName: "广东省"},
				CalcMethods: &shopapi.FreightCalcMethods{Methods: []shopapi.FreightCalcMethod{{IsDefault: true, AddressInfos: r}, {IsDefault: true}}}})
			return err
		}, []string{"freight_template.all_freight_calc_method.freight_calc_method_list",
			"freight_template.all_freight_calc_method.freight_calc_method_list[0].address_infos"}},
		{"e-waybill create without parcel", func(ctx context.Context) error {
			_, _, err := c.EWaybill.Create(ctx, &shopapi.EWaybillCreateRequest{})
			return err
		}, []string{"delivery_id", "ec_order_list", "ewaybill_acct_id", "ewaybill_order_id", "receiver", "sender", "shop_id"}},
		{"e-waybill print without reference", func(ctx context.Context) error {
			_, err := c.EWaybill.NotifyPrinted(ctx, shopapi.EWaybillPrinted{RePrint: 2})
			return err
		}, []string{"delivery_id", "ewaybill_order_id", "re_print", "waybill_id"}},
		{"warehouse bad id and levels", func(ctx context.Context) error {
			_, err := c.Warehouses.Create(ctx, &shopapi.Warehouse{OutWarehouseID: "仓库1", Name: "n",
				CoverLocations: []shopapi.WarehouseLocation{{AddressID1: 440000000, AddressID3: 440305000}, {}}})
			return err
		}, []string{"cover_locations[0]", "cover_locations[1].address_id1", "name", "out_warehouse_id"}},
		{"warehouse stock", func(ctx context.Context) error {
			_, err := c.Warehouses.UpdateStock(ctx, &shopapi.WarehouseStockUpdateRequest{OutWarehouseID: "w", DiffType: shopapi.StockAdd})
			return err
		}, []string{"num", "product_id"}},
		{"compensation without reason", func(ctx context.Context) error {
			_, err := c.Delivery.Compensate(ctx, &shopapi.CompensationRequest{OrderID: "1"})
			return err
		}, []string{"delivery_list", "reason"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call(t.Context())
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Field)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("fields (-want +got):\n%s", d)
			}
		})
	}
}
