package shopapi_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestCheckOrderFees_MatchesFakeSettlement(t *testing.T) {
	t.Parallel()
	srv, c, clk := orderFake(t)
	ctx := t.Context()
	id := settledOrder(t, srv, clk)
	o, _, err := c.Orders.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		t.Fatal(err)
	}
	sched := &shopapi.ServiceFeeSchedule{Version: "test-2026", Default: fees.BasisPoints(500)}
	chk, err := shopapi.CheckOrderFees(calc, o, vcart.CategoryFood, sched)
	if err != nil {
		t.Fatal(err)
	}
	type fig struct {
		Paid, PayFee, Expected, Reported, Diff, Net int64
		Settled                                     bool
	}
	got := fig{chk.Input.Quote.AmountFen, chk.PayFee.MerchantFeeFen, chk.ExpectedServiceFeeFen, chk.ReportedServiceFeeFen,
		chk.ServiceFeeDiffFen, chk.ExpectedNetFen, chk.Input.Settled}
	if diff := cmp.Diff(fig{11370, 68, 569, 569, 0, 10433, true}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !chk.OK(0) {
		t.Error("OK(0) = false")
	}
	// The expected net equals the balance the fake booked.
	bal, _, _ := c.Funds.Balance(ctx)
	if int64(bal.AvailableAmount) != chk.ExpectedNetFen {
		t.Errorf("balance %d, expected net %d", bal.AvailableAmount, chk.ExpectedNetFen)
	}
	// A wrong table shows up as a difference.
	wrong := sched.Clone()
	wrong.Default = fees.BasisPoints(300)
	chk, _ = shopapi.CheckOrderFees(calc, o, vcart.CategoryFood, &wrong)
	if chk.ServiceFeeDiffFen != 569-341 || chk.OK(1) {
		t.Errorf("wrong rate: diff %d", chk.ServiceFeeDiffFen)
	}
	// Without a table only the payment fee is priced.
	chk, _ = shopapi.CheckOrderFees(calc, o, vcart.CategoryFood, nil)
	if chk.HasServiceSchedule || !chk.OK(0) || chk.ExpectedNetFen != 10433 {
		t.Errorf("no table: %+v", chk)
	}
	// Jewellery is 1.2% in the seed table.
	chk, _ = shopapi.CheckOrderFees(calc, o, vcart.CategoryJewellery, nil)
	if chk.PayFee.MerchantFeeFen != 136 {
		t.Errorf("jewellery fee %d", chk.PayFee.MerchantFeeFen)
	}
}

func TestOrderFeeInput_Errors(t *testing.T) {
	t.Parallel()
	paidAt := time.Date(2026, 3, 1, 12, 0, 0, 0, shanghai).Unix()
	tests := []struct {
		name string
		o    shopapi.Order
	}{
		{"unpaid", shopapi.Order{Status: shopapi.OrderUnpaid}},
		{"points", shopapi.Order{Status: shopapi.OrderAwaitingShipment, Detail: shopapi.OrderDetail{
			PayInfo: &shopapi.OrderPayInfo{PayTime: shopapi.Int64(paidAt), PaymentMethod: shopapi.PaymentMemberPoints}}}},
		{"zero price", shopapi.Order{Status: shopapi.OrderAwaitingShipment, Detail: shopapi.OrderDetail{
			PayInfo: &shopapi.OrderPayInfo{PayTime: shopapi.Int64(paidAt), PaymentMethod: shopapi.PaymentWeChatPay}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := tt.o.FeeInput(vcart.CategoryGeneral); !errors.Is(err, shopapi.ErrNoPaymentFee) {
				t.Errorf("got %v", err)
			}
		})
	}
	calc, _ := fees.NewCalculator(fees.SeedSchedule())
	if _, err := shopapi.CheckOrderFees(nil, nil, "", nil); err == nil {
		t.Error("nil calculator accepted")
	}
	o := shopapi.Order{Status: shopapi.OrderCompleted, Detail: shopapi.OrderDetail{PriceInfo: shopapi.OrderPriceInfo{OrderPrice: 1000},
		PayInfo: &shopapi.OrderPayInfo{PayTime: shopapi.Int64(paidAt), PaymentMethod: shopapi.PaymentWeChatPay}}}
	bad := &shopapi.ServiceFeeSchedule{Default: -1, Rates: map[vcart.Category]fees.Rate{vcart.CategoryFood: -1}}
	var ve *vcart.ValidationError
	if _, err := shopapi.CheckOrderFees(calc, &o, "", bad); !errors.As(err, &ve) || len(ve.Problems) != 3 {
		t.Errorf("bad schedule: %v", err)
	}
}
