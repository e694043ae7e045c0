package shopapi

import (
	"errors"
	"maps"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// ErrNoPaymentFee reports an order that carries no WeChat Pay fee to
// reconcile: unpaid, paid nothing, or paid with member points or as a
// 0-yuan lottery order.
var ErrNoPaymentFee = errors.New("shopapi: order has no payment to reconcile")

// OrderFeeInput is what package fees needs to price one order's payment,
// taken from the order's pay_info, price_info and settle_info.
type OrderFeeInput struct {
	OrderID ID
	// Quote is the payment to price: WeChat Pay, the caller's category and
	// order_price (what the buyer paid, freight included) in fen.
	Quote fees.QuoteRequest
	// PaidAt is pay_info.pay_time.
	PaidAt time.Time
	// FreightFen is price_info.freight.
	FreightFen int64
	// PredictServiceFeeFen and ServiceFeeFen are settle_info's predicted
	// and charged technical service fee (技术服务费); Settled reports that
	// settle_time is set, so ServiceFeeFen is final.
	PredictServiceFeeFen, ServiceFeeFen int64
	Settled                             bool
	SettledAt                           time.Time
	// CommissionFen sums commission_infos[].amount (talents' commission).
	CommissionFen int64
	// MerchantReceiveFen is price_info.merchant_receieve_price.
	MerchantReceiveFen int64
}

// FeeInput extracts the fee-relevant figures of an order. category
// selects the WeChat Pay rate (the order does not carry the product's
// category: pass the one the product was listed under; "" is general).
func (o *Order) FeeInput(category vcart.Category) (OrderFeeInput, error) {
	pi := o.Detail.PayInfo
	if pi == nil || pi.PayTime == 0 || !o.Status.IsPaid() && o.Status != OrderCancelledAftersale {
		return OrderFeeInput{}, errors.Join(ErrNoPaymentFee, errors.New("order "+string(o.OrderID)+" is not paid"))
	}
	if pi.PaymentMethod == PaymentLotteryFree || pi.PaymentMethod == PaymentMemberPoints {
		return OrderFeeInput{}, errors.Join(ErrNoPaymentFee, errors.New("order "+string(o.OrderID)+" was not paid with money"))
	}
	if o.Detail.PriceInfo.OrderPrice <= 0 {
		return OrderFeeInput{}, errors.Join(ErrNoPaymentFee, errors.New("order "+string(o.OrderID)+" has order_price 0"))
	}
	in := OrderFeeInput{
		OrderID:            o.OrderID,
		Quote:              fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: category, AmountFen: int64(o.Detail.PriceInfo.OrderPrice)},
		PaidAt:             pi.Paid(),
		FreightFen:         int64(o.Detail.PriceInfo.Freight),
		MerchantReceiveFen: int64(o.Detail.PriceInfo.MerchantReceivePrice),
	}
	if si := o.Detail.SettleInfo; si != nil {
		in.PredictServiceFeeFen = int64(si.PredictCommissionFee)
		in.ServiceFeeFen = int64(si.CommissionFee)
		in.Settled = si.SettleTime != 0
		in.SettledAt = si.Settled()
	}
	for _, c := range o.Detail.CommissionInfos {
		in.CommissionFen += int64(c.Amount)
	}
	return in, nil
}

// ServiceFeeSchedule is a technical service fee (技术服务费) rate table: a
// rate per category applied to the amount the buyer paid (less the freight
// when ExcludeFreight). The platform publishes its per-category rates only
// as images, and the seed gives none, so there is no default: load the
// table from your configuration and compare with settle_info.
type ServiceFeeSchedule struct {
	Version       string
	EffectiveFrom time.Time
	Source        string
	// Rates maps a category to its rate; Default applies to the others.
	Rates   map[vcart.Category]fees.Rate
	Default fees.Rate
	// ExcludeFreight bases the fee on order_price − freight.
	ExcludeFreight bool
}

// Clone returns a deep copy.
func (s ServiceFeeSchedule) Clone() ServiceFeeSchedule {
	s.Rates = maps.Clone(s.Rates)
	return s
}

// RateFor returns the rate of category c.
func (s *ServiceFeeSchedule) RateFor(c vcart.Category) fees.Rate {
	if r, ok := s.Rates[c]; ok {
		return r
	}
	return s.Default
}

// Validate checks every rate.
func (s *ServiceFeeSchedule) Validate() error {
	var p []vcart.FieldError
	if s.Version == "" {
		p = append(p, vcart.FieldError{Field: "version", Code: "required", Msg: "name the table"})
	}
	if !s.Default.Valid() {
		p = append(p, vcart.FieldError{Field: "default", Code: "range", Msg: "rate out of range"})
	}
	for c, r := range s.Rates {
		if !r.Valid() {
			p = append(p, vcart.FieldError{Field: "rates." + string(c), Code: "range", Msg: "rate out of range"})
		}
	}
	return vcart.NewValidationError(p)
}

// OrderFeeCheck compares the fees an order should carry with what the
// platform reports. Amounts are fen.
type OrderFeeCheck struct {
	Input OrderFeeInput
	// PayFee is the expected WeChat Pay fee (支付手续费) from package fees:
	// its quote, with the settlement date.
	PayFee fees.Quote
	// ServiceFeeRate and ExpectedServiceFeeFen are the expected technical
	// service fee; HasServiceSchedule is false when no table was given.
	HasServiceSchedule    bool
	ServiceFeeRate        fees.Rate
	ExpectedServiceFeeFen int64
	// ReportedServiceFeeFen is commission_fee once settled, otherwise
	// predict_commission_fee.
	ReportedServiceFeeFen int64
	// ServiceFeeDiffFen is reported − expected (0 without a table).
	ServiceFeeDiffFen int64
	// ExpectedNetFen is paid − payment fee − service fee − commission: what
	// should reach the balance for this order.
	ExpectedNetFen int64
}

// OK reports whether the reported technical service fee matches the
// expected one within toleranceFen (always true without a table).
func (c *OrderFeeCheck) OK(toleranceFen int64) bool {
	d := c.ServiceFeeDiffFen
	if d < 0 {
		d = -d
	}
	return d <= toleranceFen
}

// CheckOrderFees prices the order's payment with calc (at the payment
// instant, so the schedule in force then applies) and, when sched is not
// nil, the technical service fee, and compares the latter with settle_info.
func CheckOrderFees(calc *fees.Calculator, o *Order, category vcart.Category, sched *ServiceFeeSchedule) (OrderFeeCheck, error) {
	if calc == nil || o == nil {
		return OrderFeeCheck{}, errors.New("shopapi: CheckOrderFees: nil calculator or order")
	}
	in, err := o.FeeInput(category)
	if err != nil {
		return OrderFeeCheck{}, err
	}
	q, err := calc.Quote(in.Quote, in.PaidAt)
	if err != nil {
		return OrderFeeCheck{}, err
	}
	c := OrderFeeCheck{Input: in, PayFee: q}
	c.ReportedServiceFeeFen = in.PredictServiceFeeFen
	if in.Settled {
		c.ReportedServiceFeeFen = in.ServiceFeeFen
	}
	service := c.ReportedServiceFeeFen
	if sched != nil {
		if err := sched.Validate(); err != nil {
			return OrderFeeCheck{}, err
		}
		c.HasServiceSchedule = true
		c.ServiceFeeRate = sched.RateFor(category)
		base := in.Quote.AmountFen
		if sched.ExcludeFreight {
			base -= in.FreightFen
		}
		c.ExpectedServiceFeeFen, _ = c.ServiceFeeRate.FeeFen(base, calc.Rounding())
		c.ServiceFeeDiffFen = c.ReportedServiceFeeFen - c.ExpectedServiceFeeFen
		service = c.ExpectedServiceFeeFen
	}
	c.ExpectedNetFen = in.Quote.AmountFen - q.MerchantFeeFen - service - in.CommissionFen
	return c, nil
}
