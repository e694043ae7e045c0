package shopapi_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// ExampleQuotaService_Diagnose asks the platform about a failed call
// (rid/get) and then resets the path's daily quota.
func ExampleQuotaService_Diagnose() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	srv.SetQuota("/channels/ec/basics/info/get", shopapitest.Quota{DailyLimit: 1})
	c := srv.Client()
	ctx := context.Background()

	_, _, _ = c.Store.Info(ctx)
	_, _, err = c.Store.Info(ctx) // over the daily quota
	d, derr := c.Quota.Diagnose(ctx, err)
	if derr != nil {
		fmt.Println(derr)
		return
	}
	code, msg := d.Call.Response()
	fmt.Printf("errcode %d (%s), the platform recorded: %d %.31s\n", d.ErrCode, d.Meaning, code, msg)

	if _, err := c.Quota.Clear(ctx, "/channels/ec/basics/info/get"); err != nil {
		fmt.Println(err)
		return
	}
	_, _, err = c.Store.Info(ctx)
	fmt.Println("after the reset:", err)
	// Output:
	// errcode 45009 (daily quota reached), the platform recorded: 45009 reach max api daily quota limit
	// after the reset: <nil>
}

// ExampleNetworkService_PushIPs builds the allow list of the platform's
// push servers for the message-push endpoint.
func ExampleNetworkService_PushIPs() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ips, _, err := c.Network.PushIPs(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	allow, err := shopapi.NewIPAllowList(ips)
	if err != nil {
		fmt.Println(err)
		return
	}
	guard := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !allow.Allows(r.RemoteAddr) {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	_ = guard // wrap the notify handler with it
	fmt.Println(len(ips), "entries;", allow.Allows("127.0.0.1:43210"), allow.Allows("198.51.100.7:80"))
	// Output:
	// 2 entries; true false
}

// ExampleInspectionService_Submit binds an order's inspection information
// from the template's choices and prints its inspection code.
func ExampleInspectionService_Submit() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	order, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{
		{ProductID: "10000000000000001", SKUID: "20000000000000001", Title: "翡翠手镯", Count: 1, UnitPriceFen: 880000}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := srv.Client()
	ctx := context.Background()
	cfg, _, err := c.Inspection.Config(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	tpl, _, err := c.Inspection.SubmitConfig(ctx, order)
	if err != nil {
		fmt.Println(err)
		return
	}
	sf, sto, org := tpl.DeliveryList[0], tpl.DeliveryList[1], tpl.InspectOrgList[0]
	info := &shopapi.InspectInfo{
		DeliveryID: sf.ID, DeliveryProductID: sf.DeliveryProducts[0].ID,
		BackupDeliveryID: sto.ID, BackupDeliveryProductID: sto.DeliveryProducts[0].ID,
		ExpressInsure: true, ExpressInsureAmount: 880000, DeliveryInsureID: sf.DeliveryProducts[0].InsureTypeList[0].ID,
		InspectOrgID: org.ID, InspectOrgName: org.Name, WarehouseName: cfg.WarehouseName, WarehouseAddr: cfg.WarehouseAddr,
	}
	if _, err := c.Inspection.Submit(ctx, order, info); err != nil {
		fmt.Println(err)
		return
	}
	code, _, err := c.Inspection.PrintCode(ctx, order)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(code.InspectCode, code.GoodsName, code.DeliveryName, "→", code.InspectOrgName)
	// Output:
	// QC1001 翡翠手镯 顺丰速运 → 中质
}

// ExampleFavoritesService_Count reads how many users follow the shop.
func ExampleFavoritesService_Count() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	srv.SetFavorites(120, 8, 40, 2)
	f, _, err := srv.Client().Favorites.Count(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d followers, %d from the homepage\n", f.All, f.ShopHomepage)
	// Output:
	// 170 followers, 120 from the homepage
}

// ExampleCooperationService_Invite invites an official account to sell the
// shop's products and follows the invitation until it is bound.
func ExampleCooperationService_Invite() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	qr, _, err := c.Cooperation.Invite(ctx, "gh_0123456789ab", shopapi.CooperationOfficialAccount)
	if err != nil {
		fmt.Println(err)
		return
	}
	st, _, _ := c.Cooperation.Status(ctx, "gh_0123456789ab", shopapi.CooperationOfficialAccount)
	fmt.Println("QR code:", qr != "", "status:", st)

	_ = srv.AnswerCooperation("gh_0123456789ab", "好物公众号", true) // the account's admin accepts
	list, _, err := c.Cooperation.List(ctx, shopapi.CooperationOfficialAccount)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range list {
		fmt.Println(a.SharerName, a.Status)
	}
	// Output:
	// QR code: true status: accepting
	// 好物公众号 bound
}

// ExampleKFService_Send answers a buyer with a text and an uploaded image.
func ExampleKFService_Send() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	const buyer = "o7eep4jVQelr2eyoDSmE1buyer01"

	u, _, err := c.KF.Upload(ctx, buyer, shopapi.KFImage, "sizes.png", []byte("\x89PNG..."))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []shopapi.KFMessage{
		{OpenID: buyer, MsgType: shopapi.KFText, Text: &shopapi.KFTextBody{Content: "您好,尺码表如下"}},
		{RequestID: "sizes-1", OpenID: buyer, MsgType: shopapi.KFImageText, Image: &shopapi.KFMediaBody{CosURL: u}},
	} {
		if _, _, err := c.KF.Send(ctx, m); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, m := range srv.KFMessages(buyer) {
		fmt.Println(m.MsgType)
	}
	// Output:
	// text
	// image
}

// ExampleInvoiceService_Upload uploads a subsidy order's invoice: the
// reference data, the file, then the details.
func ExampleInvoiceService_Upload() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{
		{ProductID: "10000000000000001", SKUID: "20000000000000001", Title: "一级能效冰箱", Count: 1, UnitPriceFen: 299900}}})
	_ = srv.PayOrder(id)
	_ = srv.MarkSubsidyOrder(id, 45000)
	_ = srv.ShipAll(id)
	_ = srv.ConfirmReceipt(id)
	c := srv.Client()
	ctx := context.Background()

	info, _, err := c.Invoices.InvoicingInfo(ctx, id)
	if err != nil {
		fmt.Println(err)
		return
	}
	media, _, err := c.Invoices.UploadFile(ctx, "https://files.example/invoice.png")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = c.Invoices.Upload(ctx, &shopapi.SubsidyInvoice{OrderID: id, InvoiceNo: "12345678",
		InvoiceDate: "1735689600", InvoiceMediaID: media, InvoiceType: "10", InvoiceCheckCode: "12345678901234567890",
		InvoiceTotalAmount: info.InvoiceTotalAmount, InvoiceTaxAmount: 39130, SalesEnterpriseName: "某某电器有限公司",
		TaxPayer: "91440101MA5XXXXXXX", Num: 1, ServiceName: info.GoodsName, Remark: "国家补贴", InvoiceGoodsModel: "X100 1级"})
	fmt.Printf("paid %d + subsidy %d = invoice %d fen; uploaded: %v\n", info.PaymentAmount, info.SubsidyAmount, info.InvoiceTotalAmount, err == nil)
	// Output:
	// paid 299900 + subsidy 45000 = invoice 344900 fen; uploaded: true
}

// ExampleMiniProgramService_CreatePresent sends a shop's prize as a gift
// from a mini-program and reads the present back.
func ExampleMiniProgramService_CreatePresent() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	now := time.Now()
	act := srv.AddPresentActivity(shopapitest.PresentActivity{Start: now.Add(-time.Hour), End: now.Add(time.Hour),
		Prizes: []shopapitest.PresentPrize{{ProductID: "10000000000000001", SKUID: "20000000000000001",
			ProductName: "核桃礼盒", SKUName: "1kg", PriceFen: 9900, Stock: 10}}})
	c := srv.Client()
	ctx := context.Background()

	a, _, err := c.MiniProgram.PresentActivity(ctx, srv.AppID(), act)
	if err != nil {
		fmt.Println(err)
		return
	}
	prize := a.Info.PrizeInfo.ProductInfoList[0]
	id, _, err := c.MiniProgram.CreatePresent(ctx, &shopapi.PresentCreateRequest{ActivityID: a.ActivityID, OpenID: "o-friend",
		ShopAppID: srv.AppID(), WishMessage: "新年快乐", ProductID: prize.ProductID, SKUID: prize.SKUID})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _, err := c.MiniProgram.Present(ctx, id)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s → %s: %q, %d sub-order(s), %d fen\n", prize.ProductName, p.SubOrderList[0].OpenID,
		p.PresentDetail.WishMessage, len(p.SubOrderList), p.PresentDetail.PriceInfo.OrderPrice)
	// Output:
	// 核桃礼盒 → o-friend: "新年快乐", 1 sub-order(s), 9900 fen
}
