package fees_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/internal/golden"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestReconcileFixture(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	var seen []string
	rep, err := calc.Reconcile(bytes.NewReader(readFixture(t, "bill_all.csv.gz")), fees.ReconcileOptions{
		OnRow: func(r fees.RowResult) { seen = append(seen, r.OutTradeNo+":"+r.Status.String()) },
	})
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "testdata/golden/bill_all.report.txt", []byte(rep.String()))
	js, err := json.Marshal(rep)
	if err != nil || !strings.Contains(string(js), `"Status":"rounding-sensitive"`) || !strings.Contains(string(js), `"BilledRate":"0.60%"`) {
		t.Errorf("JSON report: %v\n%s", err, js)
	}
	want := []string{
		"VC20260301001:matched", "VC20260301002:matched", "VC20260301003:matched", "VC20260301004:matched",
		"VC20260301005:rounding-sensitive", "VC20260301006:rounding-sensitive", "VC20260301007:matched",
		"VC20260301008:mismatched", "VC20260301009:not-covered", "VC20260301001:matched", "VC20260301004:mismatched",
	}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("row outcomes (-want +got):\n%s", diff)
	}
	counts := [4]int{rep.Matched, rep.Mismatched, rep.RoundingSensitive, rep.NotCovered}
	if counts != [4]int{6, 2, 2, 1} || rep.Rows != 11 || rep.Payments != 9 || rep.Refunds != 2 || rep.OK() || !rep.Complete {
		t.Errorf("counts %v, report %+v", counts, rep)
	}
	// Billed and expected fees range over the same (covered) rows; the
	// 0.20% row's 0.10 is reported apart.
	fees3 := [4]int64{rep.BilledFeeMilliFen, rep.CoveredBilledMilliFen, rep.NotCoveredBilledMilliFen, rep.ExpectedFeeFen}
	if fees3 != [4]int64{1772000, 1762000, 10000, 1633} {
		t.Errorf("fees billed/covered/not covered/expected = %v, want [1772000 1762000 10000 1633]", fees3)
	}
	tie := rep.Exceptions[0]
	if tie.Status != fees.RowRoundingSensitive || tie.ExpectedFen != 5 || tie.AltFen != 4 || tie.BaseFen != 750 {
		t.Errorf("tie row %+v", tie)
	}
	for _, tc := range rep.Totals {
		if !tc.OK {
			t.Errorf("total %s differs: %+v", tc.Name, tc)
		}
	}
}

func TestReconcileHalfEvenAndRateFor(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t, fees.WithRounding(vcart.HalfEven))
	// The caller knows each order's category: 茶叶 (VC…009) is food at 0.2%
	// in its own contract, everything else follows the bill's category rate.
	rateFor := func(row *fees.BillRow) (fees.Rate, bool) {
		if row.OutTradeNo == "VC20260301009" {
			return fees.BasisPoints(20), true
		}
		if row.OutTradeNo == "VC20260301008" {
			return 0, false
		}
		return row.Rate, true
	}
	rep, err := calc.Reconcile(bytes.NewReader(readFixture(t, "bill_all.csv")), fees.ReconcileOptions{RateFor: rateFor, MaxExceptions: 2})
	if err != nil {
		t.Fatal(err)
	}
	counts := [4]int{rep.Matched, rep.Mismatched, rep.RoundingSensitive, rep.NotCovered}
	if counts != [4]int{7, 1, 2, 1} {
		t.Errorf("counts matched/mismatched/sensitive/not-covered = %v\n%s", counts, rep)
	}
	if len(rep.Exceptions) != 2 || rep.ExceptionsDropped != 2 {
		t.Errorf("kept %d exceptions, dropped %d; want 2 and 2", len(rep.Exceptions), rep.ExceptionsDropped)
	}
	if !strings.Contains(rep.String(), "… 2 more exceptions not kept") {
		t.Errorf("report does not mention dropped exceptions:\n%s", rep)
	}
	// Half-even sees the 7.50 row (billed half-up) as the other mode.
	if e := rep.Exceptions[0]; e.Line != 6 || e.ExpectedFen != 4 || e.AltFen != 5 || !strings.Contains(e.Reason, "half-up") {
		t.Errorf("first exception %+v", e)
	}
}

func TestRateByCategory(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	orders := map[string]vcart.Category{"J1": vcart.CategoryJewellery, "J2": vcart.CategoryJewellery, "F1": vcart.CategoryFood}
	rateFor := calc.RateByCategory(func(r *fees.BillRow) (vcart.Category, bool) {
		c, ok := orders[r.OutTradeNo]
		return c, ok
	})
	row := func(at, out, fee, rate string) string {
		return "`" + at + ",`42001,`" + out + ",`SUCCESS,`100.00,`0.00,`" + fee + ",`" + rate + "\n"
	}
	bill := "交易时间,微信订单号,商户订单号,交易状态,应结订单金额,退款金额,手续费,费率\n" +
		row("2026-03-01 09:00:00", "J1", "0.60000", "0.60%") + // jewellery billed at the standard rate
		row("2026-03-01 09:00:00", "J2", "1.20000", "1.20%") +
		row("2026-03-01 09:00:00", "F1", "0.60000", "0.60%") + // no food rate in the seed: the general rate
		row("2026-03-01 09:00:00", "X9", "0.60000", "0.60%") + // an order the caller does not know
		row("2001-01-01 09:00:00", "J2", "1.20000", "1.20%") + // before any schedule
		summaryHeader + "\n`5,`500.00,`0.00,`0.00,`4.20,`0.00,`0.00\n"
	var got []string
	rep, err := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{RateFor: rateFor,
		OnRow: func(r fees.RowResult) {
			got = append(got, r.OutTradeNo+":"+r.Status.String()+":"+r.ExpectedRate.String())
		}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"J1:mismatched:1.20%", "J2:matched:1.20%", "F1:matched:0.60%", "X9:not-covered:0.00%", "J2:not-covered:0.00%"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if rep.NotCoveredBilledMilliFen != 180000 || rep.CoveredBilledMilliFen != 240000 || rep.ExpectedFeeFen != 300 {
		t.Errorf("covered %d, not covered %d, expected %d\n%s", rep.CoveredBilledMilliFen, rep.NotCoveredBilledMilliFen, rep.ExpectedFeeFen, rep)
	}
}

func TestReconcileRateMismatchFromCaller(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	rep, err := calc.Reconcile(strings.NewReader(miniHeader+miniRow+miniSummary), fees.ReconcileOptions{
		RateFor: func(*fees.BillRow) (fees.Rate, bool) { return fees.BasisPoints(120), true },
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Mismatched != 1 || rep.Exceptions[0].ExpectedFen != 7 || !strings.Contains(rep.Exceptions[0].Reason, "schedule 1.20%") {
		t.Errorf("report:\n%s", rep)
	}
}

func TestReconcileKeepsRowsBeforeAnError(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	bill := miniHeader + miniRow + miniRow + strings.Replace(miniRow, "`6.00", "`six", 1) + miniRow + miniSummary
	rep, err := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{})
	var be *fees.BillError
	if !errors.As(err, &be) || be.Line != 4 || be.Column != 4 {
		t.Fatalf("error %v, want a BillError at line 4 column 4", err)
	}
	if rep == nil || rep.Rows != 2 || rep.Matched != 2 || rep.Complete || rep.OK() {
		t.Fatalf("partial report %+v", rep)
	}
	if !strings.Contains(rep.String(), "incomplete") {
		t.Errorf("report does not say it is incomplete:\n%s", rep)
	}
	if _, err := calc.Reconcile(strings.NewReader(""), fees.ReconcileOptions{}); !errors.Is(err, fees.ErrBillHeader) {
		t.Errorf("empty bill: %v", err)
	}
}

func TestReconcileSummaryDisagrees(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	bill := miniHeader + miniRow + strings.Replace(miniSummary, "`0.04", "`0.05", 1)
	rep, err := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.String(), "total 手续费总金额: summary 0.05, rows 0.04 DIFFERS") {
		t.Errorf("report:\n%s", rep)
	}
}

func TestReconcileGenerated(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	genBill(&buf, 2000)
	rep, err := seedCalc(t).Reconcile(&buf, fees.ReconcileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Rows != 2000 || rep.Refunds != 200 {
		t.Errorf("generated bill does not reconcile:\n%s", rep)
	}
}

// genReader streams a generated bill through a pipe, so neither side holds
// the whole file.
func genReader(n int) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		genBill(pw, n)
		pw.Close()
	}()
	return pr
}

// TestReconcileFlatMemory reconciles a streamed bill and checks that the
// live heap does not grow with the number of rows.
func TestReconcileFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 300,000 rows")
	}
	rows := 300_000
	if raceEnabled {
		rows = 60_000
	}
	r := genReader(rows)
	defer r.Close()
	var ms runtime.MemStats
	var samples []uint64
	n := 0
	rep, err := seedCalc(t).Reconcile(r, fees.ReconcileOptions{OnRow: func(fees.RowResult) {
		n++
		if n%(rows/6) == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			samples = append(samples, ms.HeapAlloc)
		}
	}})
	if err != nil || !rep.OK() {
		t.Fatalf("%v\n%s", err, rep)
	}
	lo, hi := samples[0], samples[0]
	for _, s := range samples {
		lo, hi = min(lo, s), max(hi, s)
	}
	if hi-lo > 4<<20 {
		t.Errorf("live heap grew from %d to %d bytes over %d rows", lo, hi, rows)
	}
}

// TestReconcilePublishedRows replays the published bill evidence
// (pay-fees.md §2.2 and §3.2): 0.03 at 39.00% → 0.01000, 0.01 at 39.00% →
// 0.00000, a 0.01 refund at 39.00% with fee 0.00000, 6.00 at 0.60% →
// 0.04000 and 0.01 at 1.00% → 0.00000, with a summary written as WeChat
// writes it ("3.0", "0.0").
func TestReconcilePublishedRows(t *testing.T) {
	t.Parallel()
	row := func(status, settle, refundID, refund, fee, rate, order, req string) string {
		return "`2026-03-01 05:01:46,`wx0000000000000001,`1900000001,`0,`,`4200000000000000000001,`T1,`o1,`JSAPI,`" + status +
			",`OTHERS,`CNY,`" + settle + ",`0.00,`" + refundID + ",`" + refundID + ",`" + refund + ",`0.00,`,`,`test,`,`" + fee + ",`" + rate + ",`" + order + ",`" + req + ",`\n"
	}
	bill := allHeader + "\n" +
		row("SUCCESS", "0.03", "0", "0.00", "0.01000", "39.00%", "0.03", "0.00") +
		row("SUCCESS", "0.01", "0", "0.00", "0.00000", "39.00%", "0.01", "0.00") +
		row("REFUND", "0.00", "50000000000000000001", "0.01", "0.00000", "39.00%", "0.00", "0.01") +
		row("SUCCESS", "6.00", "0", "0.00", "0.04000", "0.60%", "6.00", "0.00") +
		row("SUCCESS", "0.01", "0", "0.00", "0.00000", "1.00%", "0.01", "0.00") +
		summaryHeader + "\n`5.0,`6.05,`0.01,`0.0,`0.05,`6.05,`0.01\n"
	calc := seedCalc(t)
	rep, err := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{
		RateFor: func(r *fees.BillRow) (fees.Rate, bool) { return r.Rate, true }, // test rates the seed lacks
	})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Matched != 5 {
		t.Errorf("published rows do not reconcile:\n%s", rep)
	}
	rep, err = calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Matched != 1 || rep.NotCovered != 4 {
		t.Errorf("with the seed's rates only 0.60%% is covered:\n%s", rep)
	}
}

func TestCalculatorConcurrentUse(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t)
	done := make(chan error, 4)
	for g := range 4 {
		go func() {
			for i := range 500 {
				req := fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: int64(1 + i + g*1000)}
				q, err := calc.Quote(req, march1)
				if err == nil && q.MerchantFeeFen+q.NetFen != q.GrossFen {
					err = errors.New("books do not balance")
				}
				if err == nil {
					_, err = calc.Refunds(q, q.GrossFen)
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
