package shopapitest

import (
	"context"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var miniProgramGiftTours = []tour{
	{"mini-program gifts", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		now := time.Now()
		act := s.AddPresentActivity(PresentActivity{Start: now.Add(-time.Hour), End: now.Add(24 * time.Hour),
			Prizes: []PresentPrize{{ProductID: "10000000000000001", SKUID: "20000000000000001", ProductName: "核桃",
				SKUName: "500g", PriceFen: 3990, Stock: 2}}})
		list, total, _, err := c.MiniProgram.PresentActivities(ctx, 0, 10)
		if err != nil || total != 1 || len(list) != 1 || list[0].ActivityID != act {
			t.Fatalf("activities = %+v (%d), %v", list, total, err)
		}
		a, _, err := c.MiniProgram.PresentActivity(ctx, s.AppID(), act)
		if err != nil {
			t.Fatal(err)
		}
		prize := a.Info.PrizeInfo.ProductInfoList[0]
		if prize.Price != 3990 || prize.CanUseStockNum != 2 || a.Status != 1 {
			t.Errorf("activity = %+v", a)
		}
		req := &shopapi.PresentCreateRequest{ActivityID: act, OpenID: "o-giver", ShopAppID: s.AppID(),
			WishMessage: "生日快乐", ProductID: prize.ProductID, SKUID: prize.SKUID}
		pid, _, err := c.MiniProgram.CreatePresent(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		extra, err := s.AddPresentSubOrder(pid)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.MiniProgram.SetPresentReceivers(ctx, pid, []shopapi.PresentReceiver{{OrderID: extra, OpenID: "o-friend"}}); err != nil {
			t.Fatal(err)
		}
		p, _, err := c.MiniProgram.Present(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.SubOrderList) != 2 || p.SubOrderList[1].OpenID != "o-friend" || p.PresentDetail.WishMessage != "生日快乐" ||
			p.PresentDetail.PriceInfo.OrderPrice != 3990 {
			t.Errorf("present = %+v", p)
		}
		day := &shopapi.TimeRange{StartTime: now.Add(-time.Hour).Unix(), EndTime: now.Add(time.Hour).Unix()}
		var ids []shopapi.ID
		for id, err := range c.MiniProgram.PresentsIter(ctx, shopapi.PresentListOptions{ShopAppID: s.AppID(), CreateTimeRange: day, PageSize: 1}) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if len(ids) != 1 || ids[0] != pid {
			t.Errorf("presents = %v", ids)
		}
		got, _, _, err := c.MiniProgram.ReceiverOrders(ctx, shopapi.ReceiverOrderListOptions{ShopAppID: s.AppID(), PageSize: 10,
			OpenID: "o-friend", CreateTimeRange: day})
		if err != nil || len(got) != 1 || got[0].OrderID != extra {
			t.Fatalf("receiver orders = %+v, %v", got, err)
		}
		old, _, err := c.MiniProgram.LegacyPresentOrder(ctx, pid, "o-friend")
		if err != nil || len(old.Ecsgift.Gifts.Gift) != 1 || old.Ecsgift.Gifts.Gift[0].ID() != pid {
			t.Fatalf("legacy present = %+v, %v", old, err)
		}
		legacy, _, _, err := c.MiniProgram.LegacyPresents(ctx, shopapi.LegacyPresentListOptions{ShopAppID: s.AppID(),
			OpenID: "o-friend", CreateTimeRange: &shopapi.LegacyTimeRange{StartTime: day.StartTime, EndTime: day.EndTime}, PageSize: 10})
		if err != nil || len(legacy) != 1 || len(legacy[0].OrderID) != 2 {
			t.Fatalf("legacy presents = %+v, %v", legacy, err)
		}
		media, _, err := c.MiniProgram.Upload(ctx, "o-friend", "https://files.example/card.png")
		if err != nil || media == "" {
			t.Fatalf("upload = %q, %v", media, err)
		}
		if m2, _, err := c.MiniProgram.UploadData(ctx, "o-friend", "logo.dwg", []byte("AC1032 fake cad")); err != nil || m2 == "" || m2 == media {
			t.Fatalf("upload data = %q, %v", m2, err)
		}
		u, exp, _, err := c.MiniProgram.DownloadURL(ctx, "o-friend", extra)
		if err != nil || u == "" || exp == 0 {
			t.Fatalf("download url = %q %d, %v", u, exp, err)
		}
		// The second prize unit goes; the third is out of stock.
		if _, _, err := c.MiniProgram.CreatePresent(ctx, req); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.MiniProgram.CreatePresent(ctx, req); err == nil {
			t.Error("a present past the prize's stock was created")
		}
	}},
}
