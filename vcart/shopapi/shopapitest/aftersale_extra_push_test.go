package shopapitest_test

import (
	"fmt"
	"github.com/vcart-sdk/vcart-go/vcart"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// TestIssue17Pushes: a guarantee's changes, a settlement-account change and
// a withdrawal's QR code scan push the events vcart/notify decodes.
func TestIssue17Pushes(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	srv := shopapitest.NewServer(t)
	c := srv.Client(shopapi.WithoutRateLimit())
	line := shopapitest.OrderLine{ProductID: "10000000000000001", SKUID: "20000000000000001", Count: 1, UnitPriceFen: 5000}
	order, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{line}})
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder} {
		if err := step(order); err != nil {
			t.Fatal(err)
		}
	}
	g, err := srv.OpenGuarantee(order, shopapitest.NewGuarantee{SKUID: line.SKUID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Guarantees.Accept(ctx, g); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Funds.SetBankAccount(ctx, &shopapi.BankAccount{BankAccountType: shopapi.BankAccountPrivate, AccountBank: "中国建设银行",
		BankAddressCode: "110000", AccountNumber: "6217000010144854901"}); err != nil {
		t.Fatal(err)
	}
	bal, _, _ := c.Funds.Balance(ctx)
	wd, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: int64(bal.AvailableAmount)})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []shopapi.QRCodeStatus{shopapi.QRCodeScanned, shopapi.QRCodeConfirmed} {
		if err := srv.ScanQRCode(wd.QrcodeTicket, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.ScanQRCode(wd.QrcodeTicket, shopapi.QRCodeCancelled); err == nil {
		t.Error("a confirmed QR code changed again")
	}

	var got []string
	for _, e := range srv.Events() {
		ev, err := notify.DecodeEvent(e.Plaintext)
		if err != nil {
			t.Fatal(err)
		}
		switch ev := ev.(type) {
		case *notify.GuaranteeUpdateEvent:
			got = append(got, fmt.Sprint("guarantee ", string(ev.Guarantee.Status)))
		case *notify.AccountNotifyEvent:
			got = append(got, fmt.Sprint("account ", int64(ev.AccountInfo.Event)))
		case *notify.QrcodeStatusEvent:
			got = append(got, fmt.Sprint("qrcode ", int64(ev.QrcodeInfo.Status)))
		case *notify.WithdrawNotifyEvent:
			got = append(got, fmt.Sprint("withdraw ", int64(ev.WithdrawInfo.Event)))
		}
	}
	want := []string{"guarantee 10", "guarantee 35", "guarantee 40", "account 1", "withdraw 1", "qrcode 4", "qrcode 1", "withdraw 2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pushes (-want +got):\n%s", diff)
	}
}
