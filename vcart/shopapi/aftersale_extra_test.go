package shopapi_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// The nil-request calls of issue 17's methods, added to the shared table
// from this file so that the groups' files merge without conflicts.
func init() {
	for name, call := range map[string]func(ctx context.Context, c *shopapi.Client) error{
		"Aftersales.Negotiate": func(ctx context.Context, c *shopapi.Client) error {
			_, err := c.Aftersales.Negotiate(ctx, nil)
			return err
		},
		"Aftersales.AcceptExchangeReship": func(ctx context.Context, c *shopapi.Client) error {
			_, err := c.Aftersales.AcceptExchangeReship(ctx, nil)
			return err
		},
		"Aftersales.RejectExchangeReship": func(ctx context.Context, c *shopapi.Client) error {
			_, err := c.Aftersales.RejectExchangeReship(ctx, nil)
			return err
		},
		"Aftersales.GenerateForBuyer": func(ctx context.Context, c *shopapi.Client) error {
			_, _, err := c.Aftersales.GenerateForBuyer(ctx, nil)
			return err
		},
		"Aftersales.RefundPriceDiff": func(ctx context.Context, c *shopapi.Client) error {
			_, _, err := c.Aftersales.RefundPriceDiff(ctx, nil)
			return err
		},
		"Aftersales.HandleFastExchangeReceipt": func(ctx context.Context, c *shopapi.Client) error {
			_, err := c.Aftersales.HandleFastExchangeReceipt(ctx, nil)
			return err
		},
		"Orders.ApplyRealNumber": func(ctx context.Context, c *shopapi.Client) error {
			_, _, err := c.Orders.ApplyRealNumber(ctx, nil)
			return err
		},
		"Store.AddPrivateNumberPhone": func(ctx context.Context, c *shopapi.Client) error {
			_, _, err := c.Store.AddPrivateNumberPhone(ctx, nil)
			return err
		},
		"Aftersales.SyncWorkOrder": func(ctx context.Context, c *shopapi.Client) error {
			_, err := c.Aftersales.SyncWorkOrder(ctx, nil)
			return err
		},
		"Guarantees.Modify": func(ctx context.Context, c *shopapi.Client) error {
			_, err := c.Guarantees.Modify(ctx, nil)
			return err
		},
	} {
		nilRequestCalls[name] = call
	}
}

var allAftersaleStatuses = []shopapi.AftersaleStatus{
	shopapi.AftersaleUserCancelled, shopapi.AftersaleMerchantProcessing, shopapi.AftersaleMerchantRejectRefund,
	shopapi.AftersaleMerchantRejectReturn, shopapi.AftersaleUserWaitReturn, shopapi.AftersaleReturnClosed,
	shopapi.AftersaleMerchantWaitReceipt, shopapi.AftersaleMerchantOverdueRefund, shopapi.AftersaleMerchantRefundSuccess,
	shopapi.AftersaleMerchantReturnSuccess, shopapi.AftersalePlatformRefunding, shopapi.AftersalePlatformRefundFail,
	shopapi.AftersaleUserWaitConfirm, shopapi.AftersaleMerchantRefundRetryFail, shopapi.AftersaleMerchantFail,
	shopapi.AftersaleUserWaitConfirmUpdate, shopapi.AftersaleUserWaitHandleMerchantAS,
}

func TestAllowedActions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status shopapi.AftersaleStatus
		want   []shopapi.AftersaleAction
	}{
		{shopapi.AftersaleMerchantProcessing, []shopapi.AftersaleAction{shopapi.ActionAccept, shopapi.ActionReject,
			shopapi.ActionNegotiate, shopapi.ActionApplyVirtualTelNumber}},
		{shopapi.AftersaleMerchantWaitReceipt, []shopapi.AftersaleAction{shopapi.ActionAccept, shopapi.ActionReject,
			shopapi.ActionAcceptExchangeReship, shopapi.ActionRejectExchangeReship, shopapi.ActionFastExchangeReceipt,
			shopapi.ActionApplyVirtualTelNumber}},
		// Waiting for the buyer: nothing to decide, but the buyer can be
		// called.
		{shopapi.AftersaleUserWaitConfirmUpdate, []shopapi.AftersaleAction{shopapi.ActionApplyVirtualTelNumber}},
		{shopapi.AftersaleUserWaitReturn, []shopapi.AftersaleAction{shopapi.ActionApplyVirtualTelNumber}},
		{shopapi.AftersaleUserWaitHandleMerchantAS, []shopapi.AftersaleAction{shopapi.ActionApplyVirtualTelNumber}},
		{shopapi.AftersaleMerchantRejectRefund, nil},
		{shopapi.AftersaleMerchantRefundSuccess, nil},
		{shopapi.AftersaleUserCancelled, nil},
		{"", nil},
		{"NO_SUCH_STATUS", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, shopapi.AllowedActions(tt.status)); diff != "" {
			t.Errorf("AllowedActions(%q) (-want +got):\n%s", tt.status, diff)
		}
	}
	if shopapi.AftersaleMerchantProcessing.Allows("no-such-action") {
		t.Error("an unknown action is allowed")
	}
}

// TestAllowsMatchesFake drives every action in every after-sale state of
// the fake and checks that the fake refuses exactly the actions Allows
// rules out, with 10021041.
func TestAllowsMatchesFake(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	for _, st := range allAftersaleStatuses {
		for _, act := range shopapi.AftersaleActions {
			t.Run(string(st)+"/"+string(act), func(t *testing.T) {
				t.Parallel()
				srv := shopapitest.NewServer(t)
				c := srv.Client(shopapi.WithoutRateLimit())
				id := aftersaleIn(t, srv, st)
				err := doAction(ctx, c, act, id)
				var ae *shopapi.APIError
				switch {
				case st.Allows(act) && err != nil:
					t.Errorf("allowed, the fake refused: %v", err)
				case !st.Allows(act) && (!errors.As(err, &ae) || ae.ErrCode != shopapi.CodeAftersaleOpNotSupported):
					t.Errorf("not allowed, the fake answered %v (want errcode %d)", err, shopapi.CodeAftersaleOpNotSupported)
				}
			})
		}
	}
}

// aftersaleIn opens an exchange on a paid order and puts it in state st.
func aftersaleIn(t *testing.T, srv *shopapitest.Server, st shopapi.AftersaleStatus) vcart.ID {
	t.Helper()
	order, err := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{walnuts}})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.PayOrder(order); err != nil {
		t.Fatal(err)
	}
	id, err := srv.OpenAftersale(order, shopapitest.NewAftersale{Type: shopapi.AftersaleExchange, SKUID: walnuts.SKUID, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.SetAftersaleStatus(id, st); err != nil {
		t.Fatal(err)
	}
	return id
}

func doAction(ctx context.Context, c *shopapi.Client, a shopapi.AftersaleAction, id shopapi.ID) error {
	var err error
	switch a {
	case shopapi.ActionAccept:
		_, err = c.Aftersales.Accept(ctx, &shopapi.AcceptRequest{AftersaleOrderID: id})
	case shopapi.ActionReject:
		_, err = c.Aftersales.Reject(ctx, &shopapi.RejectRequest{AftersaleOrderID: id, RejectReasonType: 1})
	case shopapi.ActionNegotiate:
		_, err = c.Aftersales.Negotiate(ctx, &shopapi.NegotiateRequest{AftersaleOrderID: id, Type: 2, Amount: 100,
			MerchantUpdateDesc: "生鲜仅退款", UpdateReasonType: 8, MerchantUpdateType: shopapi.NegotiateModify})
	case shopapi.ActionAcceptExchangeReship:
		_, err = c.Aftersales.AcceptExchangeReship(ctx, &shopapi.ExchangeReshipRequest{AftersaleOrderID: id, WaybillID: "SF1", DeliveryID: "SF"})
	case shopapi.ActionRejectExchangeReship:
		_, err = c.Aftersales.RejectExchangeReship(ctx, &shopapi.RejectExchangeReshipRequest{AftersaleOrderID: id, RejectReasonType: 2})
	case shopapi.ActionFastExchangeReceipt:
		_, err = c.Aftersales.HandleFastExchangeReceipt(ctx, &shopapi.FastExchangeReceiptRequest{AftersaleOrderID: id, Act: shopapi.FastExchangeAgree})
	case shopapi.ActionApplyVirtualTelNumber:
		_, _, err = c.Aftersales.ApplyVirtualTelNumber(ctx, id)
	default:
		err = fmt.Errorf("no call for %s", a)
	}
	return err
}

// TestRejectNeedsNegotiation: rejectapply answers 10021068 until the
// merchant negotiated and the buyer declined; then the existing Reject,
// with its reason type, goes through.
func TestRejectNeedsNegotiation(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	srv := shopapitest.NewServer(t)
	c := srv.Client(shopapi.WithoutRateLimit())
	id := aftersaleIn(t, srv, shopapi.AftersaleMerchantProcessing)
	if err := srv.RequireNegotiation(id); err != nil {
		t.Fatal(err)
	}
	reject := &shopapi.RejectRequest{AftersaleOrderID: id, RejectReasonType: 1, RejectReason: "商品已发出"}
	var ae *shopapi.APIError
	if _, err := c.Aftersales.Reject(ctx, reject); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeAftersaleNegotiateFirst {
		t.Fatalf("reject before negotiating: %v, want %d", err, shopapi.CodeAftersaleNegotiateFirst)
	}
	if _, err := c.Aftersales.Negotiate(ctx, &shopapi.NegotiateRequest{AftersaleOrderID: id, Type: 1, Amount: 1000,
		MerchantUpdateDesc: "已发货，协商退部分款", UpdateReasonType: 10, MerchantUpdateType: shopapi.NegotiateModify,
		MediaIDs: []string{"media-1"}}); err != nil {
		t.Fatal(err)
	}
	// While the buyer has the proposal, the after-sale cannot be rejected.
	if _, err := c.Aftersales.Reject(ctx, reject); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeAftersaleOpNotSupported {
		t.Fatalf("reject while the buyer decides: %v", err)
	}
	if err := srv.AnswerNegotiation(id, false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Aftersales.Reject(ctx, reject); err != nil {
		t.Fatalf("reject after the negotiation: %v", err)
	}
	if st, _ := srv.AftersaleStatus(id); st != shopapi.AftersaleMerchantRejectRefund {
		t.Errorf("status %s", st)
	}
}

func TestNegotiateValidation(t *testing.T) {
	t.Parallel()
	c := shopapitest.NewServer(t).Client(shopapi.WithoutRateLimit())
	tests := []struct {
		name string
		req  shopapi.NegotiateRequest
		want []string
	}{
		{"empty", shopapi.NegotiateRequest{}, []string{"after_sale_order_id:required",
			"merchant_update_desc:required", "merchant_update_type:enum", "type:enum", "update_reason_type:required"}},
		{"reason of another type and kind, no image", shopapi.NegotiateRequest{AftersaleOrderID: "1", Type: 2, Amount: 1,
			MerchantUpdateDesc: "x", UpdateReasonType: 9, MerchantUpdateType: shopapi.NegotiateModify},
			[]string{"media_ids:required", "update_reason_type:kind_mismatch", "update_reason_type:type_mismatch"}},
		{"negative amount", shopapi.NegotiateRequest{AftersaleOrderID: "1", Type: 2, Amount: -1,
			MerchantUpdateDesc: "x", UpdateReasonType: 8, MerchantUpdateType: shopapi.NegotiateModify}, []string{"amount:range"}},
		{"unknown reason code is sent unchecked", shopapi.NegotiateRequest{AftersaleOrderID: "1", Type: 1,
			MerchantUpdateDesc: "x", UpdateReasonType: 99, MerchantUpdateType: shopapi.NegotiateAskEvidence}, nil},
	}
	for _, tt := range tests {
		_, err := c.Aftersales.Negotiate(t.Context(), &tt.req)
		var got []string
		var ve *vcart.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				got = append(got, p.Field+":"+p.Code)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestBankAccountSecrets: an account number never shows in errors, String,
// %v, %#v or logs, and a personal account's number is checked as a card
// before the network.
func TestBankAccountSecrets(t *testing.T) {
	t.Parallel()
	const card = "6217000010144854901"
	a := shopapi.BankAccount{BankAccountType: shopapi.BankAccountPrivate, AccountBank: "中国建设银行", BankAddressCode: "110000", AccountNumber: card}
	var logs strings.Builder
	slog.New(slog.NewTextHandler(&logs, nil)).Info("account", "acct", a)
	for _, s := range []string{a.String(), fmt.Sprintf("%v %+v %#v %s", a, a, a, a), logs.String()} {
		if strings.Contains(s, card) || !strings.Contains(s, "4901") {
			t.Errorf("printed %q", s)
		}
	}
	c, _ := shopapi.NewClient(shopapi.StaticToken("tok"), shopapi.WithBaseURL("http://127.0.0.1:1"))
	bad := a
	bad.AccountNumber = "6217 0000 1014 4854 901"
	_, err := c.Funds.SetBankAccount(t.Context(), &bad)
	if err == nil || strings.Contains(err.Error(), "6217") || !strings.Contains(err.Error(), "account_info.account_number") {
		t.Errorf("set with a spaced card: %v", err)
	}
	_, _, err = c.Funds.BankByNumber(t.Context(), "12345")
	if err == nil || strings.Contains(err.Error(), "12345") {
		t.Errorf("bank by a short number: %v", err)
	}
	srv := shopapitest.NewServer(t)
	fc := srv.Client(shopapi.WithoutRateLimit())
	_, _, err = fc.Funds.BankByNumber(t.Context(), "6011000990139424")
	var ae *shopapi.APIError
	if !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeFundsNoData || strings.Contains(err.Error(), "601100099013") {
		t.Errorf("unknown card: %v", err)
	}
}

func TestQRCodeStatus(t *testing.T) {
	t.Parallel()
	got := map[string]bool{}
	for _, s := range []shopapi.QRCodeStatus{0, 1, 2, 3, 4, 9} {
		got[s.String()] = s.IsFinal()
	}
	want := map[string]bool{"not_scanned": false, "confirmed": true, "cancelled": true, "expired": true, "scanned": false, "QRCodeStatus(9)": false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestGuaranteeRefusals: the fake refuses a guarantee action outside its
// state with 10021041 and an unknown id with 10021057.
func TestGuaranteeRefusals(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	srv := shopapitest.NewServer(t)
	c := srv.Client(shopapi.WithoutRateLimit())
	order, _ := srv.CreateOrder(shopapitest.NewOrder{Lines: []shopapitest.OrderLine{walnuts}})
	if err := srv.PayOrder(order); err != nil {
		t.Fatal(err)
	}
	fake, _ := srv.OpenGuarantee(order, shopapitest.NewGuarantee{Type: shopapi.GuaranteeFakeCompensation, SKUID: walnuts.SKUID})
	damage, _ := srv.OpenGuarantee(order, shopapitest.NewGuarantee{SKUID: walnuts.SKUID})
	code := func(err error) int {
		var ae *shopapi.APIError
		if errors.As(err, &ae) {
			return ae.ErrCode
		}
		return 0
	}
	var got []int
	_, err := c.Guarantees.Modify(ctx, &shopapi.ModifyGuaranteeRequest{GuaranteeOrderID: fake, BadLevel: 30})
	got = append(got, code(err)) // a ratio only for damage claims
	_, err = c.Guarantees.Proof(ctx, damage, "并无损坏", nil)
	got = append(got, code(err)) // no proof asked for
	if _, err := c.Guarantees.Accept(ctx, damage); err != nil {
		t.Fatal(err)
	}
	_, err = c.Guarantees.Refuse(ctx, damage, "情况不属实", nil)
	got = append(got, code(err)) // already compensated
	_, _, err = c.Guarantees.Get(ctx, "2000001077270153")
	got = append(got, code(err))
	want := []int{shopapi.CodeAftersaleOpNotSupported, shopapi.CodeAftersaleOpNotSupported, shopapi.CodeAftersaleOpNotSupported,
		shopapi.CodeGuaranteeNotFound}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errcodes (-want +got):\n%s", diff)
	}
	if _, err := c.Guarantees.Modify(ctx, &shopapi.ModifyGuaranteeRequest{GuaranteeOrderID: "not-a-number", BadLevel: 40}); code(err) != 0 ||
		!errors.Is(err, vcart.ErrInvalid) {
		t.Errorf("bad id and level: %v", err)
	}
}
