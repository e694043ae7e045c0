package shopapitest

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Tours of issue 20's tools: quota resets and rid look-up, network checks,
// quality inspection, favourites and the WeCom look-up.

var toolTours = []tour{
	{"quota tools", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		s.SetQuota("/channels/ec/basics/info/get", Quota{DailyLimit: 1})
		if _, _, err := c.Store.Info(ctx); err != nil {
			t.Fatal(err)
		}
		_, _, err := c.Store.Info(ctx)
		if !errors.Is(err, shopapi.ErrRateLimited) {
			t.Fatalf("second call = %v, want the daily quota", err)
		}
		d, err := c.Quota.Diagnose(ctx, err)
		if err != nil {
			t.Fatal(err)
		}
		if code, _ := d.Call.Response(); code != shopapi.CodeDailyQuota || d.ErrCode != shopapi.CodeDailyQuota || d.Call.ClientIP == "" {
			t.Errorf("diagnosis = %+v", d)
		}
		if _, err := c.Quota.Clear(ctx, "/channels/ec/basics/info/get"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Store.Info(ctx); err != nil {
			t.Fatalf("after quota/clear: %v", err)
		}
		if _, err := c.Quota.ClearAll(ctx, s.AppID()); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Store.Info(ctx); err != nil {
			t.Fatalf("after clear_quota: %v", err)
		}
		if _, err := c.Quota.ClearAllWithSecret(ctx, s.AppID(), s.AppSecret()); err != nil {
			t.Fatal(err)
		}
		_, err = c.Quota.ClearAllWithSecret(ctx, s.AppID(), "wrong-secret-0123456789")
		if errCodeOf(err) != shopapi.CodeInvalidCredential || strings.Contains(err.Error(), "wrong-secret") {
			t.Errorf("a wrong secret = %v, want 40001 without the secret", err)
		}
		if _, _, err := c.Quota.RID(ctx, "6a1f0000-00000000-00009999"); errCodeOf(err) != shopapi.CodeRIDNotFound {
			t.Errorf("unknown rid = %v, want 76001", err)
		}
		// 10 resets a month, shared by both forms: two spent, eight left.
		for range 8 {
			if _, err := c.Quota.ClearAll(ctx, s.AppID()); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := c.Quota.ClearAll(ctx, s.AppID()); errCodeOf(err) != shopapi.CodeClearQuotaLimit {
			t.Errorf("11th reset = %v, want 48006", err)
		}
	}},
	{"network checks", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		if _, _, err := c.Network.CheckCallback(ctx, shopapi.CheckAll, shopapi.OperatorDefault); errCodeOf(err) != shopapi.CodeCallbackURLInvalid {
			t.Errorf("check without a push URL = %v, want 40201", err)
		}
		if err := s.EnablePush(PushConfig{Handler: http.NotFoundHandler(), Token: "tok", EncodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"}); err != nil {
			t.Fatal(err)
		}
		chk, _, err := c.Network.CheckCallback(ctx, shopapi.CheckAll, shopapi.OperatorDefault)
		if err != nil {
			t.Fatal(err)
		}
		want := &shopapi.CallbackCheck{DNS: []shopapi.CheckDNSResult{{IP: FakeIP, RealOperator: "CAP"}},
			Ping: []shopapi.CheckPingResult{{IP: FakeIP, FromOperator: "CAP", PackageLoss: "0%", Time: "0.100ms"}}}
		if d := cmp.Diff(want, chk); d != "" || len(chk.Unreachable()) != 0 {
			t.Errorf("check (-want +got):\n%s", d)
		}
		api, _, err := c.Network.APIIPs(ctx)
		if err != nil || len(api) == 0 {
			t.Fatalf("api ips = %v, %v", api, err)
		}
		push, _, err := c.Network.PushIPs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		allow, err := shopapi.NewIPAllowList(push)
		if err != nil {
			t.Fatal(err)
		}
		if !allow.Allows("127.0.0.1:54321") || allow.Allows("203.0.113.9") {
			t.Errorf("allow list of %v misjudges", push)
		}
	}},
	{"favorites and wecom", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		s.SetFavorites(5, 1, 3, 2)
		f, _, err := c.Favorites.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(&shopapi.FavoritesCount{ShopHomepage: 5, OrderDetail: 1, ProductDetail: 3, OtherScene: 2, All: 11}, f); d != "" {
			t.Errorf("favorites (-want +got):\n%s", d)
		}
		if _, _, err := c.Store.WecomID(ctx, "wwcorp", ""); errCodeOf(err) != shopapi.CodeWecomNotLinked {
			t.Errorf("unlinked corp = %v", err)
		}
		s.LinkWecom("wwcorp", "zhangsan")
		id, _, err := c.Store.WecomID(ctx, "wwcorp", "zhangsan")
		if err != nil || id.WecomCorpID == "" || id.WecomUserID == "" {
			t.Fatalf("wecom id = %+v, %v", id, err)
		}
		if _, _, err := c.Store.WecomID(ctx, "wwcorp", "lisi"); errCodeOf(err) != shopapi.CodeWecomUserNotFound {
			t.Errorf("unknown user = %v", err)
		}
	}},
	{"quality inspection", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		order := paidExtraOrder(t, s)
		cfg, _, err := c.Inspection.Config(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tpl, _, err := c.Inspection.SubmitConfig(ctx, order)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Inspection.SubmitConfig(ctx, ""); err != nil {
			t.Fatal(err)
		}
		sf := tpl.DeliveryList[0]
		info := &shopapi.InspectInfo{
			DeliveryID: sf.ID, DeliveryProductID: sf.DeliveryProducts[0].ID,
			BackupDeliveryID: tpl.DeliveryList[1].ID, BackupDeliveryProductID: tpl.DeliveryList[1].DeliveryProducts[0].ID,
			ExpressInsure: true, ExpressInsureAmount: 10000, DeliveryInsureID: sf.DeliveryProducts[0].InsureTypeList[0].ID,
			ExpressMerge: true, InspectOrgID: tpl.InspectOrgList[0].ID, InspectOrgName: tpl.InspectOrgList[0].Name,
			WarehouseName: cfg.WarehouseName, WarehouseAddr: cfg.WarehouseAddr, Remark: "易碎",
		}
		if _, err := c.Inspection.Submit(ctx, order, info); err != nil {
			t.Fatal(err)
		}
		code, _, err := c.Inspection.PrintCode(ctx, order)
		if err != nil {
			t.Fatal(err)
		}
		if code.OrderID != string(order) || code.InspectCode == "" || code.DeliveryName != sf.Name || code.GoodsNum != 2 {
			t.Errorf("code = %+v", code)
		}
		li := shopapi.InspectLogistics{WaybillID: "SF1000000001", DeliveryID: "SF", DeliveryName: "顺丰速运"}
		if _, err := c.Inspection.RegisterLogistics(ctx, []shopapi.ID{order}, li); err != nil {
			t.Fatal(err)
		}
		for i := range shopapi.MaxInspectLogisticsChanges {
			li.WaybillID = "SF100000001" + string(rune('2'+i))
			if _, err := c.Inspection.RegisterLogistics(ctx, []shopapi.ID{order}, li); err != nil {
				t.Fatalf("change %d: %v", i+1, err)
			}
		}
		li.WaybillID = "SF1000000099"
		if _, err := c.Inspection.RegisterLogistics(ctx, []shopapi.ID{order}, li); errCodeOf(err) != shopapi.CodeInspectTooManyChanges {
			t.Errorf("4th change = %v, want 10021623", err)
		}
		if w, n := s.InspectionWaybill(order); w != "SF1000000014" || n != 3 {
			t.Errorf("waybill = %s after %d changes", w, n)
		}
		if _, err := c.Inspection.Submit(ctx, order, info); errCodeOf(err) != shopapi.CodeInspectInWarehouse {
			t.Errorf("rebinding after the waybill = %v", err)
		}
	}},
}
