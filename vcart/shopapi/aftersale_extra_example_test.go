package shopapi_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// A return request the platform will not let the merchant reject outright
// (10021068): negotiate first, and reject with a reason type once the buyer
// declines.
func ExampleAftersaleService_Negotiate() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	order, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}})
	_ = srv.PayOrder(order)
	_ = srv.ShipAll(order)
	as, _ := srv.OpenAftersale(order, shopapitest.NewAftersale{Type: shopapi.AftersaleReturn, SKUID: exampleLine.SKUID, Count: 1})
	_ = srv.RequireNegotiation(as)
	id := as

	reasons, _, _ := c.Aftersales.RejectReasons(ctx)
	reject := &shopapi.RejectRequest{AftersaleOrderID: id, RejectReasonType: reasons[0].RejectReasonType, RejectReason: reasons[0].RejectReason}
	_, err := c.Aftersales.Reject(ctx, reject)
	var ae *shopapi.APIError
	if errors.As(err, &ae) && ae.ErrCode == shopapi.CodeAftersaleNegotiateFirst {
		fmt.Println("reject refused:", ae.ErrCode)
	}

	a, _, _ := c.Aftersales.Get(ctx, id)
	fmt.Println(a.Status, shopapi.AllowedActions(a.Status))
	_, err = c.Aftersales.Negotiate(ctx, &shopapi.NegotiateRequest{AftersaleOrderID: id, Type: 2, Amount: 1000,
		MerchantUpdateDesc: "生鲜商品无需退回，退款 10 元", UpdateReasonType: 8, MerchantUpdateType: shopapi.NegotiateModify})
	fmt.Println("negotiate:", err)
	a, _, _ = c.Aftersales.Get(ctx, id)
	fmt.Println(a.Status)

	_ = srv.AnswerNegotiation(as, false) // the buyer declines
	_, err = c.Aftersales.Reject(ctx, reject)
	a, _, _ = c.Aftersales.Get(ctx, id)
	fmt.Println("reject:", err, a.Status)
	// Output:
	// reject refused: 10021068
	// MERCHANT_PROCESSING [acceptapply rejectapply merchantupdateaftersale applyvirtualtelnum]
	// negotiate: <nil>
	// USER_WAIT_CONFIRM_UPDATE
	// reject: <nil> MERCHANT_REJECT_RETURN
}

// A damage claim (坏损包退) the merchant accepts: the platform compensates
// the buyer.
func ExampleGuaranteeService_Accept() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	order, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}})
	_ = srv.PayOrder(order)
	_, _ = srv.OpenGuarantee(order, shopapitest.NewGuarantee{SKUID: exampleLine.SKUID})

	for g, err := range c.Guarantees.SearchIter(ctx, &shopapi.GuaranteeSearchOptions{
		Statuses: []shopapi.GuaranteeStatus{shopapi.GuaranteeWaitMerchant}}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if _, err := c.Guarantees.Accept(ctx, g.GuaranteeOrderID); err != nil {
			fmt.Println(err)
			return
		}
		g, _, _ = c.Guarantees.Get(ctx, g.GuaranteeOrderID)
		fmt.Println(g.Status, g.Status.IsFinal(), vcart.FromFen(g.PayAmount).Format())
	}
	// Output:
	// compensated true ¥79.80
}

// A withdrawal ends in a QR code the shop's administrator scans; poll its
// state until it is final.
func ExampleFundsService_CheckWithdrawQRCode() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	order, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}})
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder} {
		_ = step(order)
	}
	acct, _, _ := c.Funds.GetBankAccount(ctx)
	fmt.Println("to", acct) // the number is masked
	bal, _, _ := c.Funds.Balance(ctx)
	wd, _, _ := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: int64(bal.AvailableAmount)})
	png, _, _ := c.Funds.WithdrawQRCode(ctx, wd.QrcodeTicket)
	fmt.Println("QR code bytes:", len(png) > 0)

	chk, _, _ := c.Funds.CheckWithdrawQRCode(ctx, wd.QrcodeTicket)
	fmt.Println(chk.Status)
	_ = srv.ScanQRCode(wd.QrcodeTicket, shopapi.QRCodeConfirmed) // the administrator confirms
	chk, _, _ = c.Funds.CheckWithdrawQRCode(ctx, wd.QrcodeTicket)
	fmt.Println(chk.Status, chk.Status.IsFinal())
	// Output:
	// to ACCOUNT_TYPE_BUSINESS 招商银行 ***********0801
	// QR code bytes: true
	// not_scanned
	// confirmed true
}
