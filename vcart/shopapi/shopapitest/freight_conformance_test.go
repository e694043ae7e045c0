package shopapitest

import (
	"context"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func tourFreightTemplate() *shopapi.FreightTemplate {
	region := func(p string) []shopapi.FreightAddress { return []shopapi.FreightAddress{{ProvinceName: p}} }
	return &shopapi.FreightTemplate{
		Name: "按重量, 北京条件包邮", ValuationType: shopapi.FreightByWeight, SendTime: shopapi.SendWithin48Hours,
		AddressInfo: shopapi.FreightAddress{UserName: "仓库", PostalCode: "510000", ProvinceName: "广东省", CityName: "广州市",
			CountyName: "海珠区", DetailInfo: "新港中路 1 号", TelNumber: "13800000000"},
		DeliveryType: shopapi.DeliveryExpress, DeliveryID: []string{"SF"}, ShippingMethod: shopapi.FreightFreeIfConditions,
		ConditionFree: &shopapi.FreightConditionFree{Rules: []shopapi.FreightConditionRule{
			{AddressInfos: region("北京市"), MinPiece: 2, MinWeight: "2", MinAmount: 10000, ValuationFlag: 1, AmountFlag: 1}}},
		CalcMethods: &shopapi.FreightCalcMethods{Methods: []shopapi.FreightCalcMethod{
			{IsDefault: true, FirstValAmount: 1, FirstPrice: 500, SecondValAmount: 1, SecondPrice: 200},
			{AddressInfos: region("新疆维吾尔自治区"), DeliveryID: "SF", FirstValAmount: 1, FirstPrice: 1000, SecondValAmount: 1, SecondPrice: 800},
		}},
		IsDefault:   true,
		NotSendArea: &shopapi.FreightArea{AddressInfos: region("西藏自治区")},
	}
}

var freightTours = []tour{
	{"freight templates", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		tpl := tourFreightTemplate()
		id, _, err := c.Freight.Add(ctx, tpl)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Freight.Add(ctx, tpl); errCodeOf(err) != shopapi.CodeFreightNameExists {
			t.Errorf("second add of the same name = %v, want %d", err, shopapi.CodeFreightNameExists)
		}
		tpl.TemplateID = id
		tpl.CalcMethods.Methods[0].SecondPrice = 300
		if _, err := c.Freight.Update(ctx, tpl); err != nil {
			t.Fatal(err)
		}
		got, _, err := c.Freight.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.TemplateID != id || got.CalcMethods.Methods[0].SecondPrice != 300 || got.CreateTime == 0 {
			t.Errorf("get = %+v", got)
		}
		// 3 kg to Guangzhou: 500 + 2 × 300.
		q, err := got.Quote(shopapi.FreightBasket{Items: []shopapi.FreightItem{{Count: 3, UnitWeightGrams: 1000, UnitPriceFen: 100}}},
			shopapi.FreightDestination{ProvinceName: "广东省", CityName: "广州市", CountyName: "天河区"})
		if err != nil || q.Fen != 1100 {
			t.Errorf("quote = %+v, %v; want 1100 fen", q, err)
		}
		ids, _, err := c.Freight.List(ctx, 0, 10)
		if err != nil || len(ids) != 1 || ids[0] != id {
			t.Errorf("list = %v, %v", ids, err)
		}
		if found, err := c.Freight.FindByName(ctx, tpl.Name); err != nil || found == nil || found.TemplateID != id {
			t.Errorf("find by name = %+v, %v", found, err)
		}
		if _, ok := s.FreightTemplate(id); !ok {
			t.Error("the fake does not expose the template")
		}
	}},
	{"freight template errcodes", func(ctx context.Context, t *testing.T, _ *Server, c *shopapi.Client) {
		bad := tourFreightTemplate()
		bad.NotSendArea.AddressInfos[0].ProvinceName = "火星"
		if _, _, err := c.Freight.Add(ctx, bad); errCodeOf(err) != shopapi.CodeFreightBadRegion {
			t.Errorf("unknown province: %v", err)
		}
		bad = tourFreightTemplate()
		bad.SendTime = "SendTime_NEVER"
		if _, _, err := c.Freight.Add(ctx, bad); errCodeOf(err) != shopapi.CodeFreightBadSendTime {
			t.Errorf("bad send_time: %v", err)
		}
		if _, _, err := c.Freight.Get(ctx, "404"); errCodeOf(err) != shopapi.CodeBadParams {
			t.Errorf("unknown template: %v", err)
		}
	}},
}
