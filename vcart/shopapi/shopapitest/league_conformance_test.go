package shopapitest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var leagueTours = []tour{
	{"league promoters: invite, accept, end, cancel, list, delete", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		setClock(s, compassDay)
		for _, f := range []string{"sphA", "sphB"} {
			_, err := c.League.AddPromoter(ctx, f)
			homepageMust(t, "add "+f, err)
		}
		var ae *shopapi.APIError
		if _, err := c.League.AddPromoter(ctx, "sphA"); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeLeaguePromoterState {
			t.Errorf("invite twice: %v", err)
		}
		homepageMust(t, "accept", s.AcceptPromoter("sphA"))
		p, _, err := c.League.Promoter(ctx, "sphA")
		homepageMust(t, "get", err)
		if d := cmp.Diff(&shopapi.Promoter{FinderID: "sphA", Status: shopapi.PromoterAccepted, InviteTime: compassDay.Unix()}, p); d != "" {
			t.Errorf("promoter (-want +got):\n%s", d)
		}
		pg, _, err := c.League.Promoters(ctx, &shopapi.PromoterListRequest{Status: shopapi.PromoterInvited, PageIndex: 1, PageSize: 10})
		homepageMust(t, "list", err)
		if d := cmp.Diff(&shopapi.PromoterPage{FinderIDs: []string{"sphB"}, TotalNum: 1}, pg); d != "" {
			t.Errorf("invited (-want +got):\n%s", d)
		}
		// Ending a cooperation that is only an invitation is refused.
		if _, err := c.League.UpdatePromoter(ctx, "sphB", shopapi.PromoterEndCoop); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeLeaguePromoterState {
			t.Errorf("end an invitation: %v", err)
		}
		_, err = c.League.UpdatePromoter(ctx, "sphB", shopapi.PromoterCancelInvite)
		homepageMust(t, "cancel invitation", err)
		_, err = c.League.UpdatePromoter(ctx, "sphA", shopapi.PromoterEndCoop)
		homepageMust(t, "end cooperation", err)
		p, _, err = c.League.Promoter(ctx, "sphA")
		homepageMust(t, "get ended", err)
		if p.Status != shopapi.PromoterEnded {
			t.Errorf("status %v, want ended", p.Status)
		}
		_, err = c.League.DeletePromoter(ctx, "sphB")
		homepageMust(t, "delete", err)
		if _, _, err := c.League.Promoter(ctx, "sphB"); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeCompassFinderID {
			t.Errorf("get a deleted talent: %v", err)
		}
	}},
	{"league items: normal and targeted, get with talents, list, update, delete, head suppliers", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		p1, _ := listedProduct(ctx, t, s, c, "每日坚果礼盒", 5990)
		p2, _ := listedProduct(ctx, t, s, c, "古法手工红糖块", 1990)
		_, err := c.League.AddPromoter(ctx, "sphA")
		homepageMust(t, "invite", err)
		homepageMust(t, "accept", s.AcceptPromoter("sphA"))

		res, _, err := c.League.BatchAddItems(ctx, &shopapi.LeagueItemBatchAdd{Type: shopapi.LeagueItemNormal,
			List: []shopapi.LeagueItemRatio{{ProductID: p1, Ratio: 10}, {ProductID: "404", Ratio: 10}}})
		homepageMust(t, "add normal", err)
		if len(res) != 2 || res[0].ErrCode != 0 || res[1].ErrCode != shopapi.CodeLeagueItemNotFound {
			t.Errorf("results: %+v", res)
		}
		res, _, err = c.League.BatchAddItems(ctx, &shopapi.LeagueItemBatchAdd{Type: shopapi.LeagueItemTargeted,
			List: []shopapi.LeagueItemRatio{{ProductID: p2, Ratio: 20}}, FinderIDs: []string{"sphA", "sphZ"},
			BeginTime: compassDay.Unix(), EndTime: compassDay.Unix() + 86400*30})
		homepageMust(t, "add targeted", err)
		if len(res) != 1 || res[0].InfoID == "" || !cmp.Equal(res[0].FailFinderIDs, []string{"sphZ"}) {
			t.Fatalf("targeted: %+v", res)
		}
		plan := res[0].InfoID

		it, _, err := c.League.Item(ctx, &shopapi.LeagueItemGetRequest{LeagueItemKey: shopapi.LeagueItemKey{Type: shopapi.LeagueItemNormal, ProductID: p1}})
		homepageMust(t, "get normal", err)
		if it.Status != shopapi.LeagueItemListed || it.CommissionRatio() != shopapi.CommissionRatioPercent(10) {
			t.Errorf("normal item: %+v", it)
		}
		_, _, err = c.League.UpdateItem(ctx, &shopapi.LeagueItemUpdate{LeagueItemKey: shopapi.LeagueItemKey{Type: shopapi.LeagueItemTargeted, InfoID: plan},
			OperateType: shopapi.LeagueOperateEdit, Ratio: 25, ExclusiveInfo: &shopapi.LeagueExclusiveUpdate{AddFinderIDs: []string{"sphB"}}})
		homepageMust(t, "update plan", err)
		it, _, err = c.League.Item(ctx, &shopapi.LeagueItemGetRequest{LeagueItemKey: shopapi.LeagueItemKey{Type: shopapi.LeagueItemTargeted, InfoID: plan},
			NeedRelation: true, PageSize: 1, PageIndex: 2, NeedTotalNum: true})
		homepageMust(t, "get plan", err)
		e := it.ExclusiveInfo
		if it.Ratio != 25 || e == nil || e.FinderNum != 2 || len(e.FinderInfoList) != 1 || e.FinderInfoList[0].FinderID != "sphB" ||
			!cmp.Equal(e.FinderIDs, []string{"sphA", "sphB"}) {
			t.Errorf("plan: %+v %+v", it, e)
		}
		pg, _, err := c.League.Items(ctx, &shopapi.LeagueItemListRequest{Type: shopapi.LeagueItemTargeted, PageSize: 10, FinderID: "sphB"})
		homepageMust(t, "list", err)
		if pg.TotalNum != 1 || len(pg.Items) != 1 || pg.Items[0].ProductID != p2 {
			t.Errorf("list: %+v", pg)
		}
		_, err = c.League.DeleteItem(ctx, shopapi.LeagueItemKey{Type: shopapi.LeagueItemNormal, ProductID: p1})
		homepageMust(t, "delete", err)
		var ae *shopapi.APIError
		if _, _, err := c.League.Item(ctx, &shopapi.LeagueItemGetRequest{LeagueItemKey: shopapi.LeagueItemKey{Type: shopapi.LeagueItemNormal, ProductID: p1}}); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeLeagueItemNotFound {
			t.Errorf("get a deleted item: %v", err)
		}
		hs, _, err := c.League.BatchAddHeadSupplierItems(ctx, &shopapi.LeagueHeadSupplierBatchAdd{
			List: []shopapi.LeagueHeadSupplierItem{{ProductID: p1, Ratio: 10, ServiceRatio: 20}}})
		homepageMust(t, "head suppliers", err)
		if len(hs) != 1 || hs[0].ErrCode != 0 {
			t.Errorf("head suppliers: %+v", hs)
		}
	}},
}
