package shopapi_test

import (
	"context"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func ExampleFundsService_FlowListIter() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}, FreightFen: 800})
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder} {
		_ = step(id)
	}

	for fid, err := range c.Funds.FlowListIter(ctx, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		f, _, err := c.Funds.FlowDetail(ctx, fid)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s %s, balance %s\n", f.FundsTypeDesc, f.Signed().Format(), vcart.FromFen(int64(f.Balance)).Format())
	}
	bal, _, _ := c.Funds.Balance(ctx)
	fmt.Println("available", bal.Available().Format())
	flows, _, _ := c.Funds.OrderFlow(ctx, &shopapi.OrderFlowOptions{SettleState: shopapi.OrderSettled})
	f := flows.DataList[0]
	fmt.Println("order", f.OrderID == id, "settles", vcart.FromFen(f.MchSettleAmount).Format())
	// Output:
	// 订单收入 ¥87.80, balance ¥87.80
	// 技术服务费 -¥4.39, balance ¥83.41
	// 支付手续费 -¥0.53, balance ¥82.88
	// available ¥82.88
	// order true settles ¥82.88
}

// A withdrawal waits for the administrator to confirm its QR code: until
// then it is INIT and the balance is untouched.
func ExampleFundsService_SubmitWithdraw() {
	srv, c := exampleFake()
	defer srv.Close()
	ctx := context.Background()
	id, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{exampleLine}})
	for _, step := range []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder} {
		_ = step(id)
	}
	show := func(wd *shopapi.WithdrawResult) {
		w, _, _ := c.Funds.WithdrawDetail(ctx, wd.WithdrawID)
		bal, _, _ := c.Funds.Balance(ctx)
		fmt.Println(w.Status, "available", bal.Available().Format())
	}

	wd, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: 5000, Remark: "周结"})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(wd)
	_ = srv.ScanQRCode(wd.QrcodeTicket, shopapi.QRCodeConfirmed) // the administrator confirms
	show(wd)
	_ = srv.FinishWithdrawal(wd.WithdrawID, "") // the bank pays out
	show(wd)
	// Output:
	// INIT available ¥75.33
	// CREATE_SUCCESS available ¥25.33
	// SUCCESS available ¥25.33
}
