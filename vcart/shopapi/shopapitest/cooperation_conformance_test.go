package shopapitest

import (
	"context"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

var cooperationTours = []tour{
	{"cooperation accounts", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		const gh, app = "gh_0123456789ab", "wxminiapp0000001"
		if _, _, err := c.Cooperation.Status(ctx, gh, shopapi.CooperationOfficialAccount); errCodeOf(err) != shopapi.CodeCooperationNotBound {
			t.Errorf("status before any invitation = %v, want 788191008", err)
		}
		for _, inv := range []struct {
			id string
			t  shopapi.CooperationType
		}{{gh, shopapi.CooperationOfficialAccount}, {app, shopapi.CooperationMiniProgram}} {
			qr, _, err := c.Cooperation.Invite(ctx, inv.id, inv.t)
			if err != nil || qr == "" {
				t.Fatalf("invite %s = %q, %v", inv.id, qr, err)
			}
		}
		if st, _, err := c.Cooperation.Status(ctx, gh, shopapi.CooperationOfficialAccount); err != nil || st != shopapi.CooperationAccepting {
			t.Fatalf("status = %v, %v; want accepting", st, err)
		}
		if err := s.AnswerCooperation(gh, "好物公众号", true); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Cooperation.CancelInvitation(ctx, app, shopapi.CooperationMiniProgram); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Cooperation.CancelInvitation(ctx, gh, shopapi.CooperationOfficialAccount); errCodeOf(err) != shopapi.CodeCooperationFlow {
			t.Errorf("cancelling a bound account = %v, want 788191005", err)
		}
		list, _, err := c.Cooperation.List(ctx, shopapi.CooperationOfficialAccount)
		if err != nil || len(list) != 1 || list[0].Status != shopapi.CooperationBound || list[0].BindTime == 0 || list[0].SharerName != "好物公众号" {
			t.Fatalf("list = %+v, %v", list, err)
		}
		if _, err := c.Cooperation.Unbind(ctx, gh, shopapi.CooperationOfficialAccount); err != nil {
			t.Fatal(err)
		}
		list, _, err = c.Cooperation.List(ctx, shopapi.CooperationOfficialAccount)
		if err != nil || list[0].Status != shopapi.CooperationUnbound || list[0].UnbindTime == 0 {
			t.Fatalf("list after unbind = %+v, %v", list, err)
		}
		mp, _, err := c.Cooperation.List(ctx, shopapi.CooperationMiniProgram)
		if err != nil || len(mp) != 1 || mp[0].Status != shopapi.CooperationCancelled || mp[0].CancelTime == 0 {
			t.Fatalf("mini-program list = %+v, %v", mp, err)
		}
		// A rejected invitation can be sent again.
		if _, _, err := c.Cooperation.Invite(ctx, app, shopapi.CooperationMiniProgram); err != nil {
			t.Fatal(err)
		}
		if err := s.AnswerCooperation(app, "", false); err != nil {
			t.Fatal(err)
		}
		if st, _, _ := c.Cooperation.Status(ctx, app, shopapi.CooperationMiniProgram); st != shopapi.CooperationRejected {
			t.Errorf("status after rejection = %v", st)
		}
	}},
}

var kfTours = []tour{
	{"customer service", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		const buyer = "o7eep4jVQelr2eyoDSmE1buyer01"
		u, _, err := c.KF.Upload(ctx, buyer, shopapi.KFImage, "size.png", []byte("\x89PNG fake"))
		if err != nil || u == "" {
			t.Fatalf("upload = %q, %v", u, err)
		}
		id1, _, err := c.KF.Send(ctx, shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFText, Text: &shopapi.KFTextBody{Content: "您好,尺码表如下"}})
		if err != nil {
			t.Fatal(err)
		}
		m := shopapi.KFMessage{RequestID: "req-1", OpenID: buyer, MsgType: shopapi.KFImageText, Image: &shopapi.KFMediaBody{CosURL: u}}
		id2, _, err := c.KF.Send(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		if again, _, err := c.KF.Send(ctx, m); err != nil || again != id2 {
			t.Errorf("resend with the same request_id = %s, %v; want %s once", again, err, id2)
		}
		got := s.KFMessages(buyer)
		if len(got) != 2 || got[0].MsgID != id1 || got[1].Content != u {
			t.Errorf("messages = %+v", got)
		}
		other := shopapi.KFMessage{OpenID: "o-other", MsgType: shopapi.KFImageText, Image: &shopapi.KFMediaBody{CosURL: u}}
		if _, _, err := c.KF.Send(ctx, other); err == nil {
			t.Error("another buyer's media was accepted")
		}
	}},
}
