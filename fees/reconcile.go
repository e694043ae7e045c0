package fees

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// RowStatus is the outcome of checking one bill row's fee.
type RowStatus int

// Row outcomes.
const (
	// RowMatched means the billed fee equals the expected fee.
	RowMatched RowStatus = iota
	// RowMismatched means the billed fee (or rate) differs from the schedule.
	RowMismatched
	// RowRoundingSensitive means amount × rate is an exact half fen, where
	// half-up and half-even differ; the billed fee matches one of them.
	RowRoundingSensitive
	// RowNotCovered means the schedule has no rate for the row.
	RowNotCovered
)

// String returns the status name.
func (s RowStatus) String() string {
	switch s {
	case RowMatched:
		return "matched"
	case RowMismatched:
		return "mismatched"
	case RowRoundingSensitive:
		return "rounding-sensitive"
	case RowNotCovered:
		return "not-covered"
	}
	return "RowStatus(" + strconv.Itoa(int(s)) + ")"
}

// RowResult is the check of one bill row.
type RowResult struct {
	Line          int
	TransactionID string
	OutTradeNo    string
	RefundID      string
	IsRefund      bool
	// BaseFen is the amount the fee applies to: 应结订单金额 on a payment,
	// 退款金额 on a refund.
	BaseFen int64
	// BilledRate is the bill's 费率; ExpectedRate the schedule's.
	BilledRate   Rate
	ExpectedRate Rate
	// BilledMilliFen is the bill's 手续费 in 0.001 fen (as printed, sign
	// included); ExpectedFen the schedule's fee in fen with the calculator's
	// rounding mode, and AltFen the other half-way result on a tie.
	BilledMilliFen int64
	ExpectedFen    int64
	AltFen         int64
	Status         RowStatus
	// Reason explains a status other than matched.
	Reason string
}

// TotalCheck compares one figure of the summary row with the sum of the rows.
type TotalCheck struct {
	Name string
	// Summary and Rows are in fen, except the fee total in 0.001 fen and the
	// row count; Unit says which ("count", "fen", "0.001fen").
	Summary int64
	Rows    int64
	Unit    string
	OK      bool
}

// ReconcileOptions tunes [Calculator.Reconcile].
type ReconcileOptions struct {
	// RateFor returns the rate the schedule expects for a row, for example
	// from the order's category looked up by OutTradeNo; false means the
	// schedule does not cover the row. [Calculator.RateByCategory] builds
	// one from a lookup of the row's [vcart.Category].
	//
	// When nil, reconciliation is lenient: the bill does not say what was
	// sold, so a row counts as covered if its billed rate is any of the
	// WeChat Pay rates of the schedule in force at the row's trade time,
	// and that same rate is expected. Only the fee arithmetic is checked,
	// not whether the rate suits the order: a jewellery order billed at the
	// standard 0.60% instead of its 1.20% shows as matched. Set RateFor to
	// check the rate too.
	RateFor func(row *BillRow) (Rate, bool)
	// MaxExceptions bounds the rows other than matched kept in
	// [Report.Exceptions]; 0 means 100, a negative value keeps none. Counts
	// are exact whatever the bound.
	MaxExceptions int
	// OnRow, if set, receives every row's result as it is checked.
	OnRow func(RowResult)
}

// Report is the result of reconciling a bill: counts, a bounded list of
// exceptions, and the summary checks. String renders it for a person.
type Report struct {
	Version  string
	Rounding vcart.RoundingMode
	Rows     int
	Payments int
	Refunds  int

	Matched           int
	Mismatched        int
	RoundingSensitive int
	NotCovered        int

	// BilledFeeMilliFen is the sum of every row's 手续费 (signed as
	// printed), in 0.001 fen: the figure checked against the summary's
	// 手续费总金额.
	BilledFeeMilliFen int64
	// CoveredBilledMilliFen is the part of BilledFeeMilliFen on the rows the
	// schedule covers (every status but not covered), and
	// NotCoveredBilledMilliFen the part on the rows it does not cover, which
	// have no expected fee. ExpectedFeeFen is the sum of the expected fees
	// over the covered rows, refunds subtracted, in fen: compare it with
	// CoveredBilledMilliFen, never with BilledFeeMilliFen.
	CoveredBilledMilliFen    int64
	NotCoveredBilledMilliFen int64
	ExpectedFeeFen           int64

	Exceptions        []RowResult
	ExceptionsDropped int

	Summary *BillSummary
	Totals  []TotalCheck
	// Complete reports that the whole bill, summary included, was read.
	Complete bool
}

// OK reports a complete bill with every row matched or rounding-sensitive
// and every total agreeing.
func (r *Report) OK() bool {
	if !r.Complete || r.Mismatched > 0 || r.NotCovered > 0 {
		return false
	}
	for _, t := range r.Totals {
		if !t.OK {
			return false
		}
	}
	return true
}

// Reconcile reads a trade bill from rd (plain or gzip) and checks every row's
// fee against the schedule in force at the row's trade time, then the
// totals against the summary row. It keeps counters and at most
// MaxExceptions rows, so memory stays flat whatever the bill's size.
//
// On malformed input it returns the report of the rows read so far
// (Complete false) together with a *[BillError] naming the line and column.
// Every total is summed with an overflow check: a bill whose amounts add up
// past an int64 fails with [ErrBillOverflow] at the row that overflowed
// (not counted), never with a wrapped total.
func (c *Calculator) Reconcile(rd io.Reader, opts ReconcileOptions) (*Report, error) {
	rep := &Report{Rounding: c.cfg.rounding}
	br, err := NewBillReader(rd)
	if err != nil {
		return rep, err
	}
	maxEx := opts.MaxExceptions
	if maxEx == 0 {
		maxEx = 100
	}
	mode := c.cfg.rounding
	alt := vcart.HalfEven
	if mode == vcart.HalfEven {
		alt = vcart.HalfUp
	}
	var (
		sumSettle, sumRefund, sumOrder, sumReq int64
		cached                                 *Schedule
		cachedRates                            []Rate
	)
	for {
		row, err := br.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return rep, err
		}
		res := RowResult{Line: row.Line, IsRefund: row.IsRefund, BilledRate: row.Rate, BilledMilliFen: row.FeeMilliFen}
		res.BaseFen = row.SettlementFen
		if row.IsRefund {
			res.BaseFen = row.RefundFen
		}
		var expRate Rate
		covered := false
		if opts.RateFor != nil {
			expRate, covered = opts.RateFor(row)
		} else {
			if cached == nil || !cached.InForce(row.TradeTime) {
				cached = c.lookup(row.TradeTime)
				cachedRates = cachedRates[:0]
				if cached != nil {
					if t, ok := cached.Terms(MethodWeChatPay); ok {
						for _, cr := range t.Rates {
							cachedRates = append(cachedRates, cr.Rate)
						}
					}
					if rep.Version == "" {
						rep.Version = cached.Version
					}
				}
			}
			for _, r := range cachedRates {
				if r == row.Rate {
					expRate, covered = r, true
					break
				}
			}
		}
		res.ExpectedRate = expRate
		switch {
		case !covered:
			res.Status = RowNotCovered
			res.Reason = "rate " + row.Rate.String() + " is not in the schedule"
		case expRate != row.Rate:
			res.Status = RowMismatched
			res.Reason = "billed rate " + row.Rate.String() + ", schedule " + expRate.String()
			res.ExpectedFen, _ = expRate.FeeFen(abs(res.BaseFen), mode)
		default:
			fee, tie := expRate.FeeFen(abs(res.BaseFen), mode)
			res.ExpectedFen = fee
			billed := row.FeeMilliFen
			if row.IsRefund || res.BaseFen < 0 {
				billed = abs(billed) // the sign of a refund row's fee is not documented
			}
			switch {
			case billed == fee*1000:
				res.Status = RowMatched
				if tie {
					res.Status = RowRoundingSensitive
					res.AltFen, _ = expRate.FeeFen(abs(res.BaseFen), alt)
					res.Reason = "exact half fen: " + mode.String() + " and " + alt.String() + " differ"
				}
			case tie && billed == must(expRate.FeeFen(abs(res.BaseFen), alt))*1000:
				res.Status = RowRoundingSensitive
				res.AltFen = billed / 1000
				res.Reason = "exact half fen: the bill used " + alt.String()
			default:
				res.Status = RowMismatched
				res.Reason = "billed fee " + FeeMoney(row.FeeMilliFen).Amount().StringFixed(5) + ", expected " + vcart.FromFen(fee).Amount().StringFixed(2)
			}
		}
		// Every total is added with an overflow check, into copies first:
		// a row whose addition overflows leaves the report as it was.
		var sums checkedSums
		sums.add(&sumSettle, row.SettlementFen, br.col.settlement)
		sums.add(&sumRefund, row.RefundFen, br.col.refund)
		sums.add(&sumOrder, row.OrderFen, br.col.order)
		sums.add(&sumReq, row.RequestedRefundFen, br.col.reqRefund)
		sums.add(&rep.BilledFeeMilliFen, row.FeeMilliFen, br.col.fee)
		switch {
		case !covered:
			sums.add(&rep.NotCoveredBilledMilliFen, row.FeeMilliFen, br.col.fee)
		case row.IsRefund:
			sums.add(&rep.CoveredBilledMilliFen, row.FeeMilliFen, br.col.fee)
			sums.add(&rep.ExpectedFeeFen, -res.ExpectedFen, br.col.refund)
		default:
			sums.add(&rep.CoveredBilledMilliFen, row.FeeMilliFen, br.col.fee)
			sums.add(&rep.ExpectedFeeFen, res.ExpectedFen, br.col.settlement)
		}
		if sums.overflow {
			return rep, overflowErr(br, row, sums.col)
		}
		sums.commit()
		rep.Rows++
		if row.IsRefund {
			rep.Refunds++
		} else {
			rep.Payments++
		}
		switch res.Status {
		case RowMatched:
			rep.Matched++
		case RowMismatched:
			rep.Mismatched++
		case RowRoundingSensitive:
			rep.RoundingSensitive++
		case RowNotCovered:
			rep.NotCovered++
		}
		if res.Status != RowMatched || opts.OnRow != nil {
			res.TransactionID, res.OutTradeNo, res.RefundID = row.TransactionID, row.OutTradeNo, row.RefundID
		}
		if opts.OnRow != nil {
			opts.OnRow(res)
		}
		if res.Status != RowMatched {
			if maxEx > 0 && len(rep.Exceptions) < maxEx {
				rep.Exceptions = append(rep.Exceptions, res)
			} else {
				rep.ExceptionsDropped++
			}
		}
	}
	if rep.Version == "" {
		if s := c.lookup(br.row.TradeTime); s != nil {
			rep.Version = s.Version
		}
	}
	sum, _ := br.Summary()
	rep.Summary = &sum
	rep.Complete = true
	check := func(name, unit string, summary, rows int64) {
		rep.Totals = append(rep.Totals, TotalCheck{Name: name, Unit: unit, Summary: summary, Rows: rows, OK: summary == rows})
	}
	check("总交易单数", "count", sum.Count, int64(rep.Rows))
	if br.col.settlement != noCol {
		check("应结订单总金额", "fen", sum.SettlementFen, sumSettle)
	}
	if br.col.refund != noCol {
		check("退款总金额", "fen", sum.RefundFen, sumRefund)
	}
	check("手续费总金额", "0.001fen", sum.FeeMilliFen, rep.BilledFeeMilliFen)
	if br.col.order != noCol {
		check("订单总金额", "fen", sum.OrderFen, sumOrder)
	}
	if br.col.reqRefund != noCol {
		check("申请退款总金额", "fen", sum.RequestedRefundFen, sumReq)
	}
	return rep, nil
}

// RateByCategory returns a [ReconcileOptions.RateFor] that checks each row
// against the WeChat Pay rate of its category: lookup gives the row's
// [vcart.Category] (from the caller's orders, by [BillRow.OutTradeNo] or
// the product name in [BillRow.Field]), and the expected rate is that
// category's rate (or the general rate) in the schedule in force at the
// row's trade time. A row lookup does not know, or whose trade time no
// schedule covers, is not covered. With it, strict reconciliation is one
// line:
//
//	rep, err := calc.Reconcile(bill, fees.ReconcileOptions{RateFor: calc.RateByCategory(lookup)})
//
// lookup is called once per row, from the goroutine running Reconcile.
func (c *Calculator) RateByCategory(lookup func(row *BillRow) (vcart.Category, bool)) func(row *BillRow) (Rate, bool) {
	return func(row *BillRow) (Rate, bool) {
		cat, ok := lookup(row)
		if !ok {
			return 0, false
		}
		s := c.lookup(row.TradeTime)
		if s == nil {
			return 0, false
		}
		t, ok := s.Terms(MethodWeChatPay)
		if !ok {
			return 0, false
		}
		return t.RateFor(cat)
	}
}

// checkedSums stages additions to several int64 totals and applies them
// only if none overflows.
type checkedSums struct {
	n        int
	dst      [8]*int64
	val      [8]int64
	overflow bool
	col      int // the column of the first overflow
}

// add stages *dst + v; col is the bill column v comes from.
func (c *checkedSums) add(dst *int64, v int64, col int) {
	if c.overflow {
		return
	}
	cur := *dst
	for i := range c.n { // the same total staged twice in one row
		if c.dst[i] == dst {
			cur = c.val[i]
		}
	}
	s, ok := addInt64(cur, v)
	if !ok {
		c.overflow, c.col = true, col
		return
	}
	c.dst[c.n], c.val[c.n] = dst, s
	c.n++
}

// commit writes the staged totals.
func (c *checkedSums) commit() {
	for i := range c.n {
		*c.dst[i] = c.val[i]
	}
}

// addInt64 returns a+b and false when the sum overflows an int64.
func addInt64(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// overflowErr is the *BillError of a row whose amount in column col makes
// a total overflow.
func overflowErr(br *BillReader, row *BillRow, col int) error {
	e := &BillError{Line: row.Line, Column: col + 1, Err: ErrBillOverflow}
	if col >= 0 && col < len(br.header) {
		e.Field = br.header[col]
	}
	if col >= 0 && col < len(row.Fields) {
		e.Value = clip(row.Fields[col])
	}
	return e
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// String renders the report for a person: the counts, the totals and the
// exceptions kept.
func (r *Report) String() string {
	var b strings.Builder
	state := "OK"
	if !r.OK() {
		state = "NOT OK"
	}
	if !r.Complete {
		state += " (incomplete: the bill was not read to its end)"
	}
	fmt.Fprintf(&b, "reconciliation %s: schedule %s, rounding %s\n", state, r.Version, r.Rounding)
	fmt.Fprintf(&b, "rows %d (payments %d, refunds %d): matched %d, mismatched %d, rounding-sensitive %d, not covered %d\n",
		r.Rows, r.Payments, r.Refunds, r.Matched, r.Mismatched, r.RoundingSensitive, r.NotCovered)
	fmt.Fprintf(&b, "fees on covered rows: billed %s, expected %s\n", FeeMoney(r.CoveredBilledMilliFen).Amount().StringFixed(2), vcart.FromFen(r.ExpectedFeeFen).Amount().StringFixed(2))
	if r.NotCovered > 0 {
		fmt.Fprintf(&b, "fees on rows not covered: billed %s, nothing expected\n", FeeMoney(r.NotCoveredBilledMilliFen).Amount().StringFixed(2))
	}
	for _, t := range r.Totals {
		mark := "ok"
		if !t.OK {
			mark = "DIFFERS"
		}
		fmt.Fprintf(&b, "total %s: summary %s, rows %s %s\n", t.Name, formatTotal(t.Summary, t.Unit), formatTotal(t.Rows, t.Unit), mark)
	}
	for _, e := range r.Exceptions {
		id := e.TransactionID
		if e.IsRefund && e.RefundID != "" {
			id = e.RefundID
		}
		fmt.Fprintf(&b, "line %d %s %s: %s (base %s, rate %s)\n", e.Line, id, e.Status, e.Reason,
			vcart.FromFen(e.BaseFen).Amount().StringFixed(2), e.BilledRate)
	}
	if r.ExceptionsDropped > 0 {
		fmt.Fprintf(&b, "… %d more exceptions not kept\n", r.ExceptionsDropped)
	}
	return b.String()
}

func formatTotal(v int64, unit string) string {
	switch unit {
	case "fen":
		return vcart.FromFen(v).Amount().StringFixed(2)
	case "0.001fen":
		return FeeMoney(v).Amount().StringFixed(2)
	}
	return strconv.FormatInt(v, 10)
}
