package shopapi

import (
	"errors"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// CommissionRatio is a commission rate in millionths (百万分之一): the unit
// of the platform's precise ratios (ratio_ext, service_ratio: [0, 1000000],
// 10000 = 1%). An alliance item's ratio (优选联盟 推广佣金, an integer
// percent in [0, 90]) converts with [CommissionRatioPercent].
type CommissionRatio int64

// Bounds of commission ratios.
const (
	// CommissionRatioMax is 100%.
	CommissionRatioMax CommissionRatio = 1_000_000
	// LeagueRatioMaxPercent is the largest alliance item ratio (推广佣金
	// [0, 90]%).
	LeagueRatioMaxPercent = 90
)

// CommissionRatioPercent converts an integer percent (an alliance item's
// ratio) to a CommissionRatio: 10 → 100000.
func CommissionRatioPercent(percent int64) CommissionRatio {
	return CommissionRatio(percent * 10_000)
}

// String prints the ratio as a percent with up to four decimals ("10%",
// "2.2%").
func (r CommissionRatio) String() string {
	sign := ""
	v := int64(r)
	if v < 0 {
		sign, v = "-", -v
	}
	whole, frac := v/10_000, v%10_000
	if frac == 0 {
		return fmt.Sprintf("%s%d%%", sign, whole)
	}
	s := fmt.Sprintf("%04d", frac)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	return fmt.Sprintf("%s%d.%s%%", sign, whole, s)
}

// ErrNoTalentCommission reports an order SKU without a talent's
// commission (no commission_infos entry of type 0 for it): the sale was
// not a talent's, so there is nothing to check.
var ErrNoTalentCommission = errors.New("shopapi: no talent commission on the order's sku")

// TalentCommissionCheck compares the talent commission (达人佣金) an order
// reports for one SKU with the alliance item's rate. Amounts are fen.
type TalentCommissionCheck struct {
	OrderID ID
	SKUID   ID
	// BaseFen is the commission base: the SKU's real_price (实付, after
	// discounts, freight excluded), summed over the order's lines of the
	// SKU.
	BaseFen int64
	// Ratio is the alliance item's rate.
	Ratio CommissionRatio
	// ExpectedFen is [CommissionFen] of BaseFen at Ratio.
	ExpectedFen int64
	// ReportedFen sums commission_infos[].amount of type 0 (talent) for
	// the SKU; Settled reports that all of them are settled (status 2).
	ReportedFen int64
	Settled     bool
	// DiffFen is ReportedFen − ExpectedFen.
	DiffFen int64
}

// OK reports whether the reported commission is within toleranceFen of
// the expected one.
func (c TalentCommissionCheck) OK(toleranceFen int64) bool {
	d := c.DiffFen
	if d < 0 {
		d = -d
	}
	return d <= toleranceFen
}

// CheckTalentCommission checks the talent commission of one SKU of an
// order (order/get's commission_infos) against the alliance item's rate
// (ratio; for an item's integer percent, [CommissionRatioPercent]). The
// base is the SKU's real_price: after a partial refund, or where the
// platform's commission base (分佣基数, settle_payment of a talent's
// commission order) differs, compute with [CommissionFen] from that base.
// The check is pure; it errors on a nil order, an invalid ratio, a SKU
// the order does not sell, or a SKU without a talent commission
// ([ErrNoTalentCommission]).
func CheckTalentCommission(o *Order, skuID ID, ratio CommissionRatio) (TalentCommissionCheck, error) {
	if o == nil {
		return TalentCommissionCheck{}, errNilRequest()
	}
	c := TalentCommissionCheck{OrderID: o.OrderID, SKUID: skuID, Ratio: ratio, Settled: true}
	found := false
	for _, pi := range o.Detail.ProductInfos {
		if pi.SKUID == skuID {
			found = true
			c.BaseFen += int64(pi.RealPrice)
		}
	}
	if !found {
		return TalentCommissionCheck{}, vcart.NewValidationError([]vcart.FieldError{{Field: "sku_id", Code: "unknown",
			Msg: "order " + string(o.OrderID) + " does not sell sku " + string(skuID)}})
	}
	talent := false
	for _, ci := range o.Detail.CommissionInfos {
		if ci.SKUID != skuID || ci.Type != 0 {
			continue
		}
		talent = true
		c.ReportedFen += int64(ci.Amount)
		if ci.Status != 2 {
			c.Settled = false
		}
	}
	if !talent {
		return TalentCommissionCheck{}, fmt.Errorf("%w: order %s, sku %s", ErrNoTalentCommission, o.OrderID, skuID)
	}
	exp, err := CommissionFen(c.BaseFen, ratio, vcart.HalfUp)
	if err != nil {
		return TalentCommissionCheck{}, err
	}
	c.ExpectedFen = exp
	c.DiffFen = c.ReportedFen - exp
	return c, nil
}
