package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// aftersalesDemo runs the support desk's day on the fake: a return request
// the platform will not let the merchant reject outright, negotiated and
// then rejected with its reason type; a guarantee claim accepted; and a
// withdrawal that follows its QR code: INIT until the administrator confirms,
// then accepted and paid by the bank.
func aftersalesDemo(w io.Writer) error {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())
	srv, err := shopapitest.New(shopapitest.WithClock(func() time.Time { return now }), shopapitest.WithTokenTTL(365*24*time.Hour))
	if err != nil {
		return err
	}
	defer srv.Close()
	ctx := context.Background()
	c, err := srv.NewClient(&http.Client{Transport: srv.Transport()})
	if err != nil {
		return err
	}
	line := shopapitest.OrderLine{ProductID: "23423523452345235", SKUID: "23423523452345301", Title: "云南高山手剥核桃 500g",
		Count: 2, UnitPriceFen: 3990}
	order, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	if err != nil {
		return err
	}
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll} {
		if err := step(order); err != nil {
			return err
		}
	}

	// 1. A return the merchant disputes: reject needs a negotiation first.
	as, err := srv.OpenAftersale(order, shopapitest.NewAftersale{Type: shopapi.AftersaleReturn, SKUID: line.SKUID, Count: 1})
	if err != nil {
		return err
	}
	if err := srv.RequireNegotiation(as); err != nil {
		return err
	}
	id := as
	reasons, _, err := c.Aftersales.RejectReasons(ctx)
	if err != nil {
		return err
	}
	reject := &shopapi.RejectRequest{AftersaleOrderID: id, RejectReasonType: reasons[0].RejectReasonType, RejectReason: reasons[0].RejectReason}
	var ae *shopapi.APIError
	if _, err := c.Aftersales.Reject(ctx, reject); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeAftersaleNegotiateFirst {
		return fmt.Errorf("reject before negotiating: %v", err)
	}
	fmt.Fprintf(w, "%-24s → %d: negotiate first (商家协商)\n", "rejectapply", ae.ErrCode)
	if _, err := c.Aftersales.Negotiate(ctx, &shopapi.NegotiateRequest{AftersaleOrderID: id, Type: 2, Amount: 1000,
		MerchantUpdateDesc: "生鲜商品无需退回，退款 10 元", UpdateReasonType: 8, MerchantUpdateType: shopapi.NegotiateModify}); err != nil {
		return err
	}
	a, _, err := c.Aftersales.Get(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-24s → %s (the buyer decides)\n", "merchantupdateaftersale", a.Status)
	if err := srv.AnswerNegotiation(as, false); err != nil { // the buyer declines
		return err
	}
	if _, err := c.Aftersales.Reject(ctx, reject); err != nil {
		return err
	}
	a, _, err = c.Aftersales.Get(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-24s → %s, reason type %d (%s)\n", "rejectapply", a.Status, reasons[0].RejectReasonType, reasons[0].RejectReasonTypeText)

	// 2. A damage claim (坏损包退) accepted: the platform compensates.
	g, err := srv.OpenGuarantee(order, shopapitest.NewGuarantee{SKUID: line.SKUID})
	if err != nil {
		return err
	}
	if _, err := c.Guarantees.Accept(ctx, g); err != nil {
		return err
	}
	got, _, err := c.Guarantees.Get(ctx, g)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-24s → guarantee %s, %s\n", "merchantacceptguarantee", got.Status, vcart.FromFen(got.PayAmount).Format())

	// 3. A withdrawal confirmed by the administrator's scan.
	for _, step := range []func(vcart.ID) error{srv.ConfirmReceipt, srv.SettleOrder} {
		if err := step(order); err != nil {
			return err
		}
	}
	bal, _, err := c.Funds.Balance(ctx)
	if err != nil {
		return err
	}
	wd, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: int64(bal.AvailableAmount)})
	if err != nil {
		return err
	}
	if _, _, err := c.Funds.WithdrawQRCode(ctx, wd.QrcodeTicket); err != nil {
		return err
	}
	status := func() (string, error) {
		d, _, err := c.Funds.WithdrawDetail(ctx, wd.WithdrawID)
		if err != nil {
			return "", err
		}
		return d.Status, nil
	}
	before, err := status() // nothing moves until the administrator confirms
	if err != nil {
		return err
	}
	if err := srv.ScanQRCode(wd.QrcodeTicket, shopapi.QRCodeConfirmed); err != nil { // the administrator scans and confirms
		return err
	}
	chk, _, err := c.Funds.CheckWithdrawQRCode(ctx, wd.QrcodeTicket)
	if err != nil {
		return err
	}
	confirmed, err := status()
	if err != nil {
		return err
	}
	if err := srv.FinishWithdrawal(wd.WithdrawID, ""); err != nil { // the bank pays out
		return err
	}
	paid, err := status()
	if err != nil {
		return err
	}
	acct, _, err := c.Funds.GetBankAccount(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-24s → %s to %s\n", "submitwithdraw", bal.Available().Format(), acct)
	fmt.Fprintf(w, "%-24s → %s, QR code %s → %s, bank → %s\n", "getwithdrawdetail", before, chk.Status, confirmed, paid)
	return nil
}
