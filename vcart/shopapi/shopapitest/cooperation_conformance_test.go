package shopapitest

import (
	"context"
	"github.com/vcart-sdk/vcart-go/vcart"
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

var invoiceTours = []tour{
	{"subsidy invoices", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		id := paidExtraOrder(t, s)
		if err := s.MarkSubsidyOrder(id, 1500); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Invoices.InvoicingInfo(ctx, id); err == nil {
			t.Error("invoicing info before receipt was answered")
		}
		for _, step := range []func(vcart.ID) error{s.ShipAll, s.ConfirmReceipt} {
			if err := step(id); err != nil {
				t.Fatal(err)
			}
		}
		info, _, err := c.Invoices.InvoicingInfo(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if info.PaymentAmount != 10000 || info.SubsidyAmount != 1500 || info.InvoiceTotalAmount != 11500 || info.IsInvoiceUploaded {
			t.Errorf("info = %+v", info)
		}
		if _, _, err := c.Invoices.UploadFile(ctx, "https://files.example/invoice.pdf"); errCodeOf(err) != shopapi.CodeInvoiceFileFormat {
			t.Errorf("a pdf = %v, want 987100119", err)
		}
		media, _, err := c.Invoices.UploadFile(ctx, "https://files.example/invoice.png")
		if err != nil {
			t.Fatal(err)
		}
		in := &shopapi.SubsidyInvoice{OrderID: id, InvoiceCode: "044001900111", InvoiceNo: "12345678",
			InvoiceDate: "1735689600", InvoiceMediaID: media, InvoiceType: "10", InvoiceCheckCode: "12345678901234567890",
			InvoiceTotalAmount: info.InvoiceTotalAmount, InvoiceTaxAmount: 1323, SalesEnterpriseName: "某某电器有限公司",
			TaxPayer: "91440101MA5XXXXXXX", Num: 2, ServiceName: info.GoodsName, Remark: "国家补贴", InvoiceGoodsModel: "X100 1级"}
		if _, err := c.Invoices.Upload(ctx, in); err != nil {
			t.Fatal(err)
		}
		if last, n := s.SubsidyInvoiceOf(id); n != 1 || last["invoice_no"] != "12345678" {
			t.Errorf("upload = %v (%d)", last, n)
		}
		if again, _, _ := c.Invoices.InvoicingInfo(ctx, id); !again.IsInvoiceUploaded {
			t.Error("is_invoice_uploaded not set after the upload")
		}
	}},
}
