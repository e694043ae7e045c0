package shopapitest

import (
	"context"
	"github.com/vcart-sdk/vcart-go/vcart"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Tours of issue 17: after-sale negotiation and exchanges, guarantee
// orders, the settlement account, bank look-ups and the withdrawal QR code.

var extraTourLine = OrderLine{ProductID: "10000000000000001", SKUID: "20000000000000001", Title: "核桃", Count: 2, UnitPriceFen: 5000}

// paidExtraOrder places and pays an order of extraTourLine.
func paidExtraOrder(t *testing.T, s *Server) vcart.ID {
	t.Helper()
	id, err := s.CreateOrder(NewOrder{Lines: []OrderLine{extraTourLine}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PayOrder(id); err != nil {
		t.Fatal(err)
	}
	return id
}

// settledOrder places an order and takes it to settlement, so that the
// shop has money to withdraw.
func settledOrder(t *testing.T, s *Server) vcart.ID {
	t.Helper()
	id := paidExtraOrder(t, s)
	for _, step := range []func(vcart.ID) error{s.ShipAll, s.ConfirmReceipt, s.SettleOrder} {
		if err := step(id); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

var aftersaleExtraTours = []tour{
	{"after-sale negotiated, then rejected", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		order := paidExtraOrder(t, s)
		as, err := s.OpenAftersale(order, NewAftersale{SKUID: extraTourLine.SKUID, Count: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RequireNegotiation(as); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Aftersales.Negotiate(ctx, &shopapi.NegotiateRequest{AftersaleOrderID: as, Type: 1, Amount: 2000,
			MerchantUpdateDesc: "仅退部分款", UpdateReasonType: 10, MerchantUpdateType: shopapi.NegotiateModify,
			MediaIDs: []string{"media-1"}}); err != nil {
			t.Fatal(err)
		}
		if err := s.AnswerNegotiation(as, false); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Aftersales.Reject(ctx, &shopapi.RejectRequest{AftersaleOrderID: as, RejectReasonType: 1}); err != nil {
			t.Fatal(err)
		}
		tel, _, err := c.Aftersales.ApplyVirtualTelNumber(ctx, mustOpen(t, s, order, NewAftersale{SKUID: extraTourLine.SKUID, Count: 1}))
		if err != nil || tel.VirtualTelNumber == "" {
			t.Fatalf("virtual number %+v %v", tel, err)
		}
	}},
	{"exchange reshipped and refused, fast exchange", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		order := paidExtraOrder(t, s)
		ex := func() vcart.ID {
			id := mustOpen(t, s, order, NewAftersale{Type: shopapi.AftersaleExchange, SKUID: extraTourLine.SKUID, Count: 1})
			if err := s.ReturnExchangeGoods(id, "SF1000000001"); err != nil {
				t.Fatal(err)
			}
			return id
		}
		a := ex()
		if _, err := c.Aftersales.AcceptExchangeReship(ctx, &shopapi.ExchangeReshipRequest{AftersaleOrderID: a,
			WaybillID: "SF1000000002", DeliveryID: "SF"}); err != nil {
			t.Fatal(err)
		}
		b := ex()
		if _, err := c.Aftersales.RejectExchangeReship(ctx, &shopapi.RejectExchangeReshipRequest{AftersaleOrderID: b,
			RejectReason: "退回商品不符", RejectReasonType: 2}); err != nil {
			t.Fatal(err)
		}
		order2 := paidExtraOrder(t, s)
		f := mustOpen(t, s, order2, NewAftersale{Type: shopapi.AftersaleExchange, SKUID: extraTourLine.SKUID, Count: 1})
		if err := s.ReturnExchangeGoods(f, "SF1000000003"); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Aftersales.HandleFastExchangeReceipt(ctx, &shopapi.FastExchangeReceiptRequest{AftersaleOrderID: f,
			Act: shopapi.FastExchangeReject, RejectReason: "买家寄回商品影响二次销售", RejectReasonType: 46, MerchantText: "补充说明",
			RejectConfirmExchange: []string{"media-1"}}); err != nil {
			t.Fatal(err)
		}
	}},
	{"after-sale and price difference raised for the buyer", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		order := paidExtraOrder(t, s)
		req := &shopapi.GenerateAftersaleRequest{RequestID: "req-1", OrderID: order, ProductID: extraTourLine.ProductID,
			SKUID: extraTourLine.SKUID, Count: 1, Amount: 5000, Reason: "双方协商一致退款", Type: shopapi.AftersaleRefund}
		a, _, err := c.Aftersales.GenerateForBuyer(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		again, _, err := c.Aftersales.GenerateForBuyer(ctx, req)
		if err != nil || again.AftersaleOrderID != a.AftersaleOrderID {
			t.Errorf("repeated request_id: %v %v, want %s", again, err, a.AftersaleOrderID)
		}
		if st, _ := s.AftersaleStatus(a.AftersaleOrderID); st != shopapi.AftersaleUserWaitHandleMerchantAS {
			t.Errorf("status %s", st)
		}
		d, _, err := c.Aftersales.RefundPriceDiff(ctx, &shopapi.RefundPriceDiffRequest{RequestID: "req-2", OrderID: order,
			ProductID: extraTourLine.ProductID, SKUID: extraTourLine.SKUID, Amount: 500, Reason: "10001338", Desc: "降价补差"})
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := s.AftersaleStatus(d.AftersaleOrderID); st != shopapi.AftersaleMerchantRefundSuccess {
			t.Errorf("price difference status %s", st)
		}
	}},
	{"guarantee orders", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		order := paidExtraOrder(t, s)
		g1, err := s.OpenGuarantee(order, NewGuarantee{SKUID: extraTourLine.SKUID})
		if err != nil {
			t.Fatal(err)
		}
		g2, _ := s.OpenGuarantee(order, NewGuarantee{SKUID: extraTourLine.SKUID})
		g3, _ := s.OpenGuarantee(order, NewGuarantee{Type: shopapi.GuaranteeFakeCompensation, SKUID: extraTourLine.SKUID})
		l, _, err := c.Guarantees.Search(ctx, &shopapi.GuaranteeSearchOptions{OrderIDs: []shopapi.ID{order},
			Type: shopapi.GuaranteeDamageReturn, Statuses: []shopapi.GuaranteeStatus{shopapi.GuaranteeWaitMerchant},
			Window: &shopapi.Window{Start: s.now().Add(-time.Hour), End: s.now().Add(time.Hour)}, Limit: 10})
		if err != nil || l.TotalNum != 2 {
			t.Fatalf("search: %+v %v", l, err)
		}
		if _, err := c.Guarantees.Accept(ctx, g1); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Guarantees.Modify(ctx, &shopapi.ModifyGuaranteeRequest{GuaranteeOrderID: g2, BadLevel: 50, MerchantRemark: "轻微破损"}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Guarantees.Refuse(ctx, g3, "情况不属实", []string{"media-1"}); err != nil {
			t.Fatal(err)
		}
		if err := s.RequestGuaranteeProof(g3); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Guarantees.Proof(ctx, g3, "并无损坏", []string{"media-2"}); err != nil {
			t.Fatal(err)
		}
		got, _, err := c.Guarantees.Get(ctx, g2)
		if err != nil || got.Status != shopapi.GuaranteeWaitUserConfirm || got.PayAmount != extraTourLine.UnitPriceFen*extraTourLine.Count/2 {
			t.Errorf("get: %+v %v", got, err)
		}
	}},
	{"settlement account, banks and a withdrawal's QR code", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		const card = "6217000010144854901"
		banks, _, err := c.Funds.BankByNumber(ctx, card)
		if err != nil || len(banks) != 1 {
			t.Fatalf("bank by number: %v %v", banks, err)
		}
		if _, _, err := c.Funds.SearchBanks(ctx, &shopapi.BankSearchOptions{KeyWords: "银行", Limit: 10}); err != nil {
			t.Fatal(err)
		}
		provinces, _, err := c.Funds.Provinces(ctx)
		if err != nil || len(provinces) == 0 {
			t.Fatal(err)
		}
		cities, _, err := c.Funds.Cities(ctx, provinces[0].ProvinceCode)
		if err != nil || len(cities) == 0 {
			t.Fatal(err)
		}
		br, _, err := c.Funds.SubBranches(ctx, &shopapi.SubBranchOptions{BankCode: banks[0].BankCode, CityCode: "10", Limit: 5})
		if err != nil || len(br.Data) == 0 {
			t.Fatalf("branches: %+v %v", br, err)
		}
		if _, err := c.Funds.SetBankAccount(ctx, &shopapi.BankAccount{BankAccountType: shopapi.BankAccountPrivate,
			AccountBank: banks[0].AccountBank, BankAddressCode: cities[0].BankAddressCode, BankBranchID: string(br.Data[0].BranchID),
			BankName: br.Data[0].BranchName, AccountNumber: card, AccountBank4Show: banks[0].BankName, AccountName: "张三"}); err != nil {
			t.Fatal(err)
		}
		acct, _, err := c.Funds.GetBankAccount(ctx)
		if err != nil || acct.AccountNumber != card {
			t.Fatalf("account: %v %v", acct, err)
		}
		settledOrder(t, s)
		bal, _, err := c.Funds.Balance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wd, _, err := c.Funds.SubmitWithdraw(ctx, &shopapi.WithdrawRequest{AmountFen: int64(bal.AvailableAmount)})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Funds.WithdrawQRCode(ctx, wd.QrcodeTicket); err != nil {
			t.Fatal(err)
		}
		if err := s.ScanQRCode(wd.QrcodeTicket, shopapi.QRCodeConfirmed); err != nil {
			t.Fatal(err)
		}
		chk, _, err := c.Funds.CheckWithdrawQRCode(ctx, wd.QrcodeTicket)
		if err != nil || chk.Status != shopapi.QRCodeConfirmed {
			t.Errorf("check: %+v %v", chk, err)
		}
	}},
}

func mustOpen(t *testing.T, s *Server, order vcart.ID, a NewAftersale) vcart.ID {
	t.Helper()
	id, err := s.OpenAftersale(order, a)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
