package shopapi_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// settledOrder takes an order from payment to settlement on the fake.
func settledOrder(t *testing.T, srv *shopapitest.Server, clk *manualClock, lines ...shopapitest.OrderLine) vcart.ID {
	t.Helper()
	if len(lines) == 0 {
		lines = []shopapitest.OrderLine{walnuts, pecans}
	}
	id, err := srv.CreateOrder(shopapitest.NewOrder{Lines: lines, FreightFen: 800, TalentCommissionFen: 300})
	if err != nil {
		t.Fatal(err)
	}
	steps := []func(vcart.ID) error{srv.PayOrder, srv.ShipAll, srv.ConfirmReceipt, srv.SettleOrder}
	for i, step := range steps {
		clk.Advance(time.Hour)
		if err := step(id); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	return id
}

func TestFunds_SettlementFlows(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	ctx := t.Context()
	pending := newOrder(t, srv, true) // paid, not settled
	id := settledOrder(t, srv, clk)

	bal, _, err := c.Funds.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Paid 113.70: service fee 5% = 5.69, WeChat Pay 0.6% = 0.68, commission 3.00.
	net := int64(11370 - 569 - 68 - 300)
	if bal.AvailableAmount != shopapi.Int64(net) || bal.PendingAmount != 11370 || !bal.Available().Equal(vcart.FromFen(net)) || !bal.Pending().Equal(vcart.FromFen(11370)) {
		t.Errorf("balance %+v", bal)
	}
	type line struct {
		Type    int64
		Flow    shopapi.FlowType
		Amount  int64
		Balance int64
		Order   shopapi.ID
	}
	var got []line
	total := vcart.FromFen(0)
	for fid, err := range c.Funds.FlowListIter(ctx, &shopapi.FundsFlowListOptions{PageSize: 3}) {
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := c.Funds.FlowDetail(ctx, fid)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, line{int64(f.FundsType), f.FlowType, int64(f.Amount), int64(f.Balance), f.RelatedInfoList[0].OrderID})
		if total, err = total.Add(f.Signed()); err != nil {
			t.Fatal(err)
		}
	}
	oid := id
	want := []line{
		{shopapitest.FundsOrderIncome, shopapi.FlowIncome, 11370, 11370, oid},
		{shopapitest.FundsServiceFee, shopapi.FlowExpense, 569, 10801, oid},
		{shopapitest.FundsPaymentFee, shopapi.FlowExpense, 68, 10733, oid},
		{shopapitest.FundsCommission, shopapi.FlowExpense, 300, 10433, oid},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
	if shopapi.FlowIncome.String() != "income" || shopapi.FlowExpense.String() != "expense" || shopapi.FlowType(7).String() != "FlowType(7)" {
		t.Error("FlowType names")
	}
	if !total.Equal(vcart.FromFen(net)) {
		t.Errorf("flows sum to %v, want %v", total, vcart.FromFen(net))
	}

	// Filters and page numbers without a cursor.
	exp, _, err := c.Funds.FlowList(ctx, &shopapi.FundsFlowListOptions{FlowType: shopapi.FlowExpense, PageSize: 2, Page: 2})
	if err != nil || len(exp.FlowIDs) != 1 || bool(exp.HasMore) {
		t.Errorf("expense page 2: %v %+v", err, exp)
	}

	// Per-order settlement flow.
	fl, _, err := c.Funds.OrderFlow(ctx, &shopapi.OrderFlowOptions{SettleState: shopapi.OrderSettled})
	if err != nil {
		t.Fatal(err)
	}
	if len(fl.DataList) != 1 || fl.TotalCount != 1 {
		t.Fatalf("order flow: %+v", fl)
	}
	type money struct{ Paid, Fee, Commission, Settle int64 }
	f := fl.DataList[0]
	gotMoney := money{f.BuyerPaidAmount, f.PlatformCommissionAmount, f.PromoterCommissionAmount, f.MchSettleAmount}
	if diff := cmp.Diff(money{11370, 569, 300, net}, gotMoney); diff != "" || f.OrderID != oid ||
		f.OrderSettleState != shopapi.OrderSettled || f.MchSettleTime == 0 {
		t.Errorf("order flow %+v:\n%s", f, diff)
	}
	unsettled, _, err := c.Funds.OrderFlow(ctx, &shopapi.OrderFlowOptions{SettleState: shopapi.OrderUnsettled})
	if err != nil || unsettled.TotalCount != 1 || unsettled.DataList[0].OrderID != pending {
		t.Errorf("unsettled: %v %+v", err, unsettled)
	}
	every, _, err := c.Funds.OrderFlow(ctx, &shopapi.OrderFlowOptions{})
	if err != nil || every.TotalCount != 2 {
		t.Errorf("every settle state: %v %+v", err, every)
	}
	var ids []shopapi.ID
	for f, err := range c.Funds.OrderFlowIter(ctx, &shopapi.OrderFlowOptions{Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.OrderID)
	}
	if len(ids) != 2 || ids[0] == ids[1] {
		t.Errorf("OrderFlowIter: %v", ids)
	}
	if _, _, err := c.Funds.OrderFlow(ctx, &shopapi.OrderFlowOptions{SettleState: 7, Limit: 101, Offset: -1}); len(fieldCodes(err)) != 3 {
		t.Errorf("validation: %v", err)
	}
}

// TestFunds_Withdraw: a withdrawal waits for its QR code (INIT, nothing
// leaves the balance), is accepted and booked when the administrator
// confirms (CREATE_SUCCESS), closes when the code is cancelled or expires
// (CLOSE), and ends as the bank answers (SUCCESS, or FAIL with the money
// back); the withdrawal pushes follow the same steps.
func TestFunds_Withdraw(t *testing.T) {
	t.Parallel()
	const settled = 10433 // the balance settledOrder leaves
	type outcome struct {
		Status, Reason string
		Available      int64
		QRStatus       shopapi.QRCodeStatus
		// Flows are the signed fen of the withdrawal's fund flows, Events
		// its channels_ec_withdraw_notify events.
		Flows  []int64
		Events []int64
	}
	tests := []struct {
		name string
		// before runs between the submission and the scans.
		before func(t *testing.T, srv *shopapitest.Server, c *shopapi.Client, order vcart.ID)
		scans  []shopapi.QRCodeStatus
		// finish is the bank's answer (FinishWithdrawal's reason), if
		// finished.
		finish   string
		finished bool
		want     outcome
	}{
		{name: "not scanned", want: outcome{Status: shopapi.WithdrawInit, Available: settled,
			QRStatus: shopapi.QRCodeNotScanned, Events: []int64{1}}},
		{name: "scanned, not answered", scans: []shopapi.QRCodeStatus{shopapi.QRCodeScanned},
			want: outcome{Status: shopapi.WithdrawInit, Available: settled, QRStatus: shopapi.QRCodeScanned, Events: []int64{1}}},
		{name: "confirmed", scans: []shopapi.QRCodeStatus{shopapi.QRCodeScanned, shopapi.QRCodeConfirmed},
			want: outcome{Status: shopapi.WithdrawCreateSuccess, Available: settled - 10000, QRStatus: shopapi.QRCodeConfirmed,
				Flows: []int64{-10000}, Events: []int64{1, 2}}},
		{name: "paid out", scans: []shopapi.QRCodeStatus{shopapi.QRCodeConfirmed}, finished: true,
			want: outcome{Status: shopapi.WithdrawSuccess, Available: settled - 10000, QRStatus: shopapi.QRCodeConfirmed,
				Flows: []int64{-10000}, Events: []int64{1, 2, 3}}},
		{name: "the bank refuses", scans: []shopapi.QRCodeStatus{shopapi.QRCodeConfirmed}, finished: true, finish: "账户已冻结",
			want: outcome{Status: shopapi.WithdrawFail, Reason: "账户已冻结", Available: settled, QRStatus: shopapi.QRCodeConfirmed,
				Flows: []int64{-10000, 10000}, Events: []int64{1, 2, 4}}},
		{name: "cancelled", scans: []shopapi.QRCodeStatus{shopapi.QRCodeScanned, shopapi.QRCodeCancelled},
			want: outcome{Status: shopapi.WithdrawClose, Available: settled, QRStatus: shopapi.QRCodeCancelled, Events: []int64{1}}},
		{name: "expired", scans: []shopapi.QRCodeStatus{shopapi.QRCodeExpired},
			want: outcome{Status: shopapi.WithdrawClose, Available: settled, QRStatus: shopapi.QRCodeExpired, Events: []int64{1}}},
		{name: "the balance shrank before the confirmation",
			before: func(t *testing.T, srv *shopapitest.Server, c *shopapi.Client, order vcart.ID) {
				as, err := srv.OpenAftersale(order, shopapitest.NewAftersale{SKUID: pecans.SKUID})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := c.Aftersales.Accept(t.Context(), &shopapi.AcceptRequest{AftersaleOrderID: as}); err != nil {
					t.Fatal(err)
				}
			},
			scans: []shopapi.QRCodeStatus{shopapi.QRCodeConfirmed},
			want: outcome{Status: shopapi.WithdrawFail, Reason: "可提现余额不足", Available: settled - 2590,
				QRStatus: shopapi.QRCodeConfirmed, Events: []int64{1, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, c, clk := orderFake(t)
			ctx := t.Context()
			order := settledOrder(t, srv, clk)
			amount := int64(10000)
			if tt.before != nil {
				amount = settled // the whole balance, so that the refund leaves too little
			}
			res, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: amount, Remark: "周结"})
			if err != nil || res.WithdrawID == "" || res.QrcodeTicket == "" {
				t.Fatalf("withdraw: %v %+v", err, res)
			}
			if tt.before != nil {
				tt.before(t, srv, c, order)
			}
			for _, st := range tt.scans {
				clk.Advance(time.Minute)
				if err := srv.ScanQRCode(res.QrcodeTicket, st); err != nil {
					t.Fatalf("scan %v: %v", st, err)
				}
			}
			if tt.finished {
				clk.Advance(time.Hour)
				if err := srv.FinishWithdrawal(res.WithdrawID, tt.finish); err != nil {
					t.Fatalf("finish: %v", err)
				}
			}

			var got outcome
			w, _, err := c.Funds.WithdrawDetail(ctx, res.WithdrawID)
			if err != nil {
				t.Fatal(err)
			}
			if w.Amount != shopapi.Int64(amount) || w.Remark != "周结" {
				t.Errorf("detail %+v", w)
			}
			if moved := tt.want.Status != shopapi.WithdrawInit; moved != (w.UpdateTime > w.CreateTime) {
				t.Errorf("update_time %d, create_time %d", w.UpdateTime, w.CreateTime)
			}
			got.Status, got.Reason = w.Status, w.Reason
			bal, _, err := c.Funds.Balance(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got.Available = int64(bal.AvailableAmount)
			chk, _, err := c.Funds.CheckWithdrawQRCode(ctx, res.QrcodeTicket)
			if err != nil {
				t.Fatal(err)
			}
			got.QRStatus = chk.Status
			for id, err := range c.Funds.FlowListIter(ctx, nil) {
				if err != nil {
					t.Fatal(err)
				}
				fl, _, err := c.Funds.FlowDetail(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				for _, ri := range fl.RelatedInfoList {
					if ri.WithdrawID == res.WithdrawID {
						fen, _ := fl.Signed().Fen()
						got.Flows = append(got.Flows, int64(fen))
					}
				}
			}
			for _, e := range srv.Events() {
				ev, err := notify.DecodeEvent(e.Plaintext)
				if err != nil {
					t.Fatal(err)
				}
				if wn, ok := ev.(*notify.WithdrawNotifyEvent); ok && wn.WithdrawInfo.WithdrawID == res.WithdrawID {
					got.Events = append(got.Events, int64(wn.WithdrawInfo.Event))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("withdrawal (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFunds_WithdrawRules: the checks of a withdrawal and of the fake's
// steps.
func TestFunds_WithdrawRules(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	ctx := t.Context()
	settledOrder(t, srv, clk)
	if _, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: 1_000_000}); apiCode(err) != shopapi.CodeInsufficientFunds {
		t.Errorf("overdraw: %v", err)
	}
	res, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: 100})
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := c.Funds.WithdrawList(ctx, nil)
	if err != nil || l.TotalNum != 1 || !cmp.Equal(l.WithdrawIDs, []shopapi.ID{res.WithdrawID}) {
		t.Fatalf("list: %v %+v", err, l)
	}
	if err := srv.FinishWithdrawal(res.WithdrawID, ""); !errors.Is(err, shopapitest.ErrState) {
		t.Errorf("paying out an unconfirmed withdrawal: %v", err)
	}
	if err := srv.FinishWithdrawal("404", ""); !errors.Is(err, shopapitest.ErrNotFound) {
		t.Errorf("an unknown withdrawal: %v", err)
	}
	if err := srv.ScanQRCode(res.QrcodeTicket, shopapi.QRCodeExpired); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Funds.WithdrawQRCode(ctx, res.QrcodeTicket); apiCode(err) != shopapi.CodeQRCodeTicketExpired {
		t.Errorf("the image of an expired code: %v", err)
	}
	if err := srv.ScanQRCode(res.QrcodeTicket, shopapi.QRCodeConfirmed); !errors.Is(err, shopapitest.ErrState) {
		t.Errorf("confirming an expired code: %v", err)
	}
	if err := srv.FinishWithdrawal(res.WithdrawID, ""); !errors.Is(err, shopapitest.ErrState) {
		t.Errorf("paying out a closed withdrawal: %v", err)
	}
	if _, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{}); !cmp.Equal([]string{"amount:range"}, fieldCodes(err)) {
		t.Errorf("validation: %v", err)
	}
	if _, _, err := c.Funds.WithdrawList(ctx, &shopapi.WithdrawListOptions{PageNum: -1, PageSize: 500}); len(fieldCodes(err)) != 2 {
		t.Errorf("list validation: %v", err)
	}
	if _, _, err := c.Funds.FlowList(ctx, &shopapi.FundsFlowListOptions{Page: -1, PageSize: 500, FlowType: 3}); len(fieldCodes(err)) != 3 {
		t.Errorf("flow list validation: %v", err)
	}
}

func TestFunds_RefundAfterSettlement(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	ctx := t.Context()
	id := settledOrder(t, srv, clk)
	as, err := srv.OpenAftersale(id, shopapitest.NewAftersale{SKUID: pecans.SKUID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: as}); err != nil {
		t.Fatal(err)
	}
	bal, _, _ := c.Funds.Balance(ctx)
	if bal.AvailableAmount != 10433-2590 {
		t.Errorf("balance after refund: %+v", bal)
	}
}

// TestFunds_PageValidation checks the paging defaults and limits of every
// paged funds and order call: each problem is named, nothing is sent.
func TestFunds_PageValidation(t *testing.T) {
	t.Parallel()
	srv, c, _ := orderFake(t)
	ctx := t.Context()
	fields := func(err error) []string {
		var ve *vcart.ValidationError
		if !errors.As(err, &ve) {
			return []string{"not a ValidationError: " + fmt.Sprint(err)}
		}
		var out []string
		for _, p := range ve.Problems {
			out = append(out, p.Field+" "+p.Code)
		}
		return out
	}
	tests := []struct {
		name string
		call func() error
		want []string
	}{
		{"flows", func() error {
			_, _, err := c.Funds.FlowList(ctx, &shopapi.FundsFlowListOptions{Page: -1, PageSize: 101})
			return err
		}, []string{"page range", "page_size range"}},
		{"flows page size", func() error {
			_, _, err := c.Funds.FlowList(ctx, &shopapi.FundsFlowListOptions{PageSize: -5})
			return err
		}, []string{"page_size range"}},
		{"withdrawals", func() error {
			_, _, err := c.Funds.WithdrawList(ctx, &shopapi.WithdrawListOptions{PageNum: -2, PageSize: 200})
			return err
		}, []string{"page_num range", "page_size range"}},
		{"order flows", func() error {
			_, _, err := c.Funds.OrderFlow(ctx, &shopapi.OrderFlowOptions{SettleState: shopapi.OrderSettled, Limit: 101})
			return err
		}, []string{"pagination_info.limit range"}},
		{"order search", func() error {
			_, _, err := c.Orders.Search(ctx, &shopapi.OrderSearchOptions{PageSize: -1})
			return err
		}, []string{"page_size range"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, fields(tt.call())); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", tt.name, diff)
		}
	}
	for _, path := range []string{"/channels/ec/funds/getfundsflowlist", "/channels/ec/funds/getwithdrawlist",
		"/channels/ec/funds/listorderflow", "/channels/ec/order/search"} {
		if n := srv.Calls(path); n != 0 {
			t.Errorf("%s: %d calls reached the server", path, n)
		}
	}
	// The defaults (page 1, 100 a page) are valid.
	if _, _, err := c.Funds.WithdrawList(ctx, nil); err != nil {
		t.Errorf("default withdraw page: %v", err)
	}
}
