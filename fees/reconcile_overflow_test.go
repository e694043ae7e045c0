package fees_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/vcart-sdk/vcart-go/fees"
)

const overflowHeader = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"

// overflowRow is a payment row with the given 应结订单金额, 手续费 and 订单金额.
func overflowRow(settle, fee, order string) string {
	return "`2026-03-01 08:00:01,`wx2421b1c4370ec43b,`1900000109,`0,`,`4200002701202603010000000001,`VC1,`oUpF,`JSAPI,`SUCCESS,`CMB_CREDIT,`CNY,`" +
		settle + ",`0.00,`0,`0,`0.00,`0.00,`,`,`item,`,`" + fee + ",`0.60%,`" + order + ",`0.00,`"
}

func overflowBill(rows ...string) string {
	return overflowHeader + "\n" + strings.Join(rows, "\n") + "\n" +
		"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n`1,`0.00,`0.00,`0.00,`0.00000,`0.00,`0.00\n"
}

// TestBillAmountBounds: each column is bounded in its own unit. Fen
// columns stop at 2^53 fen (90071992547409.92 yuan); the fee column, kept
// in 0.001 fen, at 2^53 × 1000 of those. An amount near 4.6e18 fen used to
// pass because the fee column's bound was applied to fen columns.
func TestBillAmountBounds(t *testing.T) {
	t.Parallel()
	const (
		maxFen      = "90071992547409.92" // 2^53 fen
		overFen     = "90071992547409.93"
		nearInt64   = "46116860184273879.03" // ≈ 4.6e18 fen
		nearInt64Fe = "46116860184273.87903" // ≈ 4.6e18 × 0.001 fen: within the fee column's unit
	)
	tests := []struct {
		name    string
		row     string
		wantErr error
		wantCol string
	}{
		{"max fen", overflowRow(maxFen, "0.00000", maxFen), nil, ""},
		{"fen over the bound", overflowRow(overFen, "0.00000", "1.00"), fees.ErrBillAmount, fees.ColSettlement},
		{"4.6e18 fen settlement", overflowRow(nearInt64, "0.00000", "1.00"), fees.ErrBillAmount, fees.ColSettlement},
		{"4.6e18 fen order", overflowRow("1.00", "0.00000", nearInt64), fees.ErrBillAmount, fees.ColOrderAmount},
		{"negative 4.6e18 fen", overflowRow("-"+nearInt64, "0.00000", "1.00"), fees.ErrBillAmount, fees.ColSettlement},
		{"4.6e18 milli-fen fee", overflowRow("1.00", nearInt64Fe, "1.00"), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			br, err := fees.NewBillReader(strings.NewReader(overflowBill(tt.row)))
			if err != nil {
				t.Fatal(err)
			}
			_, err = br.Next()
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Next() error = %v, want %v", err, tt.wantErr)
			}
			var be *fees.BillError
			if tt.wantErr != nil && (!errors.As(err, &be) || be.Field != tt.wantCol || be.Line != 2) {
				t.Errorf("error %#v, want line 2, column %s", err, tt.wantCol)
			}
		})
	}
}

// TestReconcileSumsOverflow: totals are summed with overflow checks. Three
// fees of ≈4.6e18 milli-fen (each within its column's bound) or 1024
// settlement amounts of 2^53 fen exceed an int64: Reconcile fails with
// ErrBillOverflow naming the row and column, never returns a wrapped
// (negative) total, and the row that overflowed is not counted.
func TestReconcileSumsOverflow(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	fee := overflowRow("1.00", "46116860184273.87903", "1.00")
	big := overflowRow("90071992547409.92", "0.00000", "0.00")
	rep1024 := make([]string, 1025) // the 1024th overflows
	for i := range rep1024 {
		rep1024[i] = big
	}
	tests := []struct {
		name     string
		bill     string
		wantLine int
		wantCol  string
		wantRows int
	}{
		{"fee total", overflowBill(fee, fee, fee), 4, fees.ColFee, 2},
		{"settlement total", overflowBill(rep1024...), 1025, fees.ColSettlement, 1023},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rep, err := calc.Reconcile(strings.NewReader(tt.bill), fees.ReconcileOptions{})
			var be *fees.BillError
			if !errors.Is(err, fees.ErrBillOverflow) || !errors.As(err, &be) {
				t.Fatalf("Reconcile() error = %v, want ErrBillOverflow", err)
			}
			if be.Line != tt.wantLine || be.Field != tt.wantCol {
				t.Errorf("error at line %d column %q, want line %d column %q", be.Line, be.Field, tt.wantLine, tt.wantCol)
			}
			if rep.Complete || rep.Rows != tt.wantRows || rep.BilledFeeMilliFen < 0 || rep.CoveredBilledMilliFen < 0 || rep.ExpectedFeeFen < 0 {
				t.Errorf("report after overflow: rows %d (want %d), complete %v, fees %d/%d/%d", rep.Rows, tt.wantRows, rep.Complete,
					rep.BilledFeeMilliFen, rep.CoveredBilledMilliFen, rep.ExpectedFeeFen)
			}
		})
	}
}
