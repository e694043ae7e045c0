package shopapitest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func tourAddress() *shopapi.MerchantAddress {
	return &shopapi.MerchantAddress{
		AddressInfo: shopapi.MerchantAddressInfo{UserName: "退货仓", PostalCode: "510000", ProvinceName: "广东省",
			CityName: "广州市", CountyName: "天河区", DetailInfo: "天河路 1 号", TelNumber: "13800000000",
			Lat: 23.12463, Lng: 113.36199, HouseNumber: "101"},
		RecvAddr: true, DefaultRecv: true, AddressType: &shopapi.OfflineAddressType{},
	}
}

var addressTours = []tour{
	{"addresses", func(ctx context.Context, t *testing.T, _ *Server, c *shopapi.Client) {
		a := tourAddress()
		id, _, err := c.Addresses.Add(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		a.AddressID = id
		a.SendAddr, a.DefaultSend = true, true
		if _, err := c.Addresses.Update(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, _, err := c.Addresses.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.CreateTime == 0 || got.UpdateTime == 0 {
			t.Errorf("times not set: %+v", got)
		}
		got.CreateTime, got.UpdateTime = 0, 0
		if d := cmp.Diff(a, got); d != "" {
			t.Errorf("get after update (-want +got):\n%s", d)
		}
		ids, _, err := c.Addresses.List(ctx, 0, 10)
		if err != nil || len(ids) != 1 || ids[0] != id {
			t.Fatalf("list = %v, %v", ids, err)
		}
		if found, err := c.Addresses.Find(ctx, tourAddress()); err != nil || found != "" {
			t.Errorf("find of the old flags = %q, %v; want none", found, err)
		}
		if found, err := c.Addresses.Find(ctx, a); err != nil || found != id {
			t.Errorf("find = %q, %v; want %s", found, err, id)
		}
		codes, _, err := c.Addresses.Code(ctx, 0)
		if err != nil || len(codes.Children) == 0 || codes.Division.Name != "中华人民共和国" {
			t.Fatalf("code 0 = %+v, %v", codes, err)
		}
		if _, err := c.Addresses.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
		_, _, err = c.Addresses.Get(ctx, id)
		if errCodeOf(err) != shopapi.CodeBadParams {
			t.Errorf("get after delete = %v, want errcode %d", err, shopapi.CodeBadParams)
		}
	}},
}

// errCodeOf returns the errcode of an *shopapi.APIError in err, or 0.
func errCodeOf(err error) int {
	var ae *shopapi.APIError
	if errors.As(err, &ae) {
		return ae.ErrCode
	}
	return 0
}
