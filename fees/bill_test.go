package fees_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type rowSummary struct {
	Line                   int
	Status, TxID, RefundID string
	IsRefund               bool
	Settle, Coupon, Refund int64
	Order, Req, FeeMilli   int64
	Rate                   string
	Name                   string
}

func readAll(t testing.TB, r io.Reader) ([]rowSummary, fees.BillSummary, error) {
	t.Helper()
	br, err := fees.NewBillReader(r)
	if err != nil {
		return nil, fees.BillSummary{}, err
	}
	var rows []rowSummary
	for row, err := range br.All() {
		if err != nil {
			sum, _ := br.Summary()
			return rows, sum, err
		}
		rows = append(rows, rowSummary{row.Line, row.Status, row.TransactionID, row.RefundID, row.IsRefund,
			row.SettlementFen, row.CouponFen, row.RefundFen, row.OrderFen, row.RequestedRefundFen, row.FeeMilliFen,
			row.Rate.String(), row.Field("商品名称")})
	}
	sum, ok := br.Summary()
	if !ok {
		t.Fatal("no summary after a clean read")
	}
	return rows, sum, nil
}

func TestBillReaderFixture(t *testing.T) {
	t.Parallel()
	plain := readFixture(t, "bill_all.csv")
	gz := readFixture(t, "bill_all.csv.gz")
	lf := bytes.ReplaceAll(bytes.TrimPrefix(plain, []byte("\ufeff")), []byte("\r\n"), []byte("\n"))
	want, wantSum, err := readAll(t, bytes.NewReader(plain))
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 11 {
		t.Fatalf("fixture rows = %d, want 11", len(want))
	}
	first := rowSummary{Line: 2, Status: "SUCCESS", TxID: "4200002701202603010000000001", RefundID: "0", Settle: 600, Order: 600,
		FeeMilli: 4000, Rate: "0.60%", Name: "连衣裙 M码"}
	if diff := cmp.Diff(first, want[0]); diff != "" {
		t.Errorf("first row (-want +got):\n%s", diff)
	}
	if want[3].Name != "18K金项链,含证书" {
		t.Errorf("comma inside a product name: %q", want[3].Name)
	}
	refund := want[9]
	if !refund.IsRefund || refund.Refund != 600 || refund.FeeMilli != -4000 || refund.RefundID != "50300002701202603010000000001" {
		t.Errorf("refund row: %+v", refund)
	}
	wantSummary := fees.BillSummary{Line: 14, Count: 11, SettlementFen: 167667, RefundFen: 10600, FeeMilliFen: 1772000, OrderFen: 168167, RequestedRefundFen: 10600}
	if diff := cmp.Diff(wantSummary, wantSum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	for name, in := range map[string][]byte{"gzip": gz, "LF without BOM": lf} {
		got, gotSum, err := readAll(t, bytes.NewReader(in))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s rows differ (-plain +%s):\n%s", name, name, diff)
		}
		if diff := cmp.Diff(wantSum, gotSum); diff != "" {
			t.Errorf("%s summary differs:\n%s", name, diff)
		}
	}
}

func TestBillReaderRowFields(t *testing.T) {
	t.Parallel()
	br, err := fees.NewBillReader(bytes.NewReader(readFixture(t, "bill_all.csv")))
	if err != nil {
		t.Fatal(err)
	}
	if h := br.Header(); len(h) != 27 || h[0] != "交易时间" || h[26] != "费率备注" {
		t.Fatalf("header %q", h)
	}
	row, err := br.Next()
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 1, 8, 0, 1, 0, vcart.Shanghai()); !row.TradeTime.Equal(want) {
		t.Errorf("TradeTime %s, want %s", row.TradeTime, want)
	}
	if len(row.Fields) != 27 || row.Fields[26] != "" || row.Field("货币种类") != "CNY" || row.Field("no such") != "" {
		t.Errorf("fields %q", row.Fields)
	}
	kept := row.Fields[5]
	if _, err := br.Next(); err != nil {
		t.Fatal(err)
	}
	if kept != "4200002701202603010000000001" {
		t.Errorf("a kept field changed after Next: %q", kept)
	}
	if br.Line() != 3 {
		t.Errorf("Line() = %d", br.Line())
	}
}

const miniHeader = "交易时间,微信订单号,交易状态,应结订单金额,退款金额,手续费,费率\n"
const miniRow = "`2026-03-01 08:00:00,`42001,`SUCCESS,`6.00,`0.00,`0.04000,`0.60%\n"
const miniSummary = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n`1,`6.00,`0.00,`0.00,`0.04,`6.00,`0.00\n"

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	io.WriteString(zw, s)
	zw.Close()
	return b.Bytes()
}

// gzippedCut compresses s, flushes, and returns the stream without its
// end: a reader gets exactly s and then io.ErrUnexpectedEOF.
func gzippedCut(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	io.WriteString(zw, s)
	zw.Flush()
	return b.Bytes()
}

func TestBillReaderErrors(t *testing.T) {
	t.Parallel()
	full := gzipped(miniHeader + miniRow + miniRow + miniSummary)
	cutMidRow := miniHeader + miniRow + miniRow[:30] // line 3 stops inside 交易状态, the 3rd field
	cutAtLineEnd := miniHeader + miniRow + miniRow
	tests := []struct {
		name     string
		in       []byte
		wantErr  error
		line     int
		col      int
		field    string
		rowsRead int
	}{
		{"empty", nil, fees.ErrBillHeader, 1, 0, "", 0},
		{"header lacks the fee column", []byte("交易时间,费率,应结订单金额\n"), fees.ErrBillHeader, 1, 0, "", 0},
		{"short row", []byte(miniHeader + miniRow + "`2026-03-01 08:00:00,`42001,`SUCCESS\n"), fees.ErrBillColumns, 3, 4, "", 1},
		{"long row", []byte(miniHeader + miniRow + strings.TrimSuffix(miniRow, "\n") + ",`x\n"), fees.ErrBillColumns, 3, 8, "", 1},
		{"non-numeric amount", []byte(miniHeader + miniRow + strings.Replace(miniRow, "`6.00", "`6.0O", 1)), fees.ErrBillAmount, 3, 4, "应结订单金额", 1},
		{"amount with three decimals", []byte(miniHeader + strings.Replace(miniRow, "`6.00", "`6.001", 1)), fees.ErrBillAmount, 2, 4, "应结订单金额", 0},
		{"fee with six decimals", []byte(miniHeader + strings.Replace(miniRow, "0.04000", "0.040001", 1)), fees.ErrBillAmount, 2, 6, "手续费", 0},
		{"unknown rate string", []byte(miniHeader + miniRow + miniRow + strings.Replace(miniRow, "0.60%", "0.6", 1)), fees.ErrBadRate, 4, 7, "费率", 2},
		{"bad trade time", []byte(miniHeader + strings.Replace(miniRow, "08:00:00", "24:00:00", 1)), fees.ErrBillTime, 2, 1, "交易时间", 0},
		{"31 February", []byte(miniHeader + strings.Replace(miniRow, "03-01", "02-31", 1)), fees.ErrBillTime, 2, 1, "交易时间", 0},
		{"truncated before the summary", []byte(miniHeader + miniRow + miniRow), fees.ErrBillTruncated, 4, 0, "", 2},
		{"truncated after the summary header", []byte(miniHeader + miniRow + strings.SplitAfter(miniSummary, "\n")[0]), fees.ErrBillTruncated, 4, 0, "", 1},
		{"truncated gzip", full[:len(full)-12], fees.ErrBillTruncated, 6, 0, "", 2},
		{"plain cut mid-row", []byte(cutMidRow), fees.ErrBillTruncated, 3, 4, "", 1},
		{"gzip cut mid-row", gzippedCut(cutMidRow), fees.ErrBillTruncated, 3, 0, "", 1},
		{"plain cut at a line end", []byte(cutAtLineEnd), fees.ErrBillTruncated, 4, 0, "", 2},
		{"gzip cut at a line end", gzippedCut(cutAtLineEnd), fees.ErrBillTruncated, 4, 0, "", 2},
		{"plain cut mid-summary", []byte(miniHeader + miniRow + miniSummary[:len(miniSummary)-10]), fees.ErrBillTruncated, 4, 7, "", 1},
		{"short row with its line end", []byte(miniHeader + miniRow[:30] + "\n" + miniSummary), fees.ErrBillColumns, 2, 4, "", 0},
		{"garbage after gzip magic", []byte{0x1f, 0x8b, 0, 0}, fees.ErrBillTruncated, 1, 0, "", 0},
		{"summary with a bad number", []byte(miniHeader + miniRow + strings.Replace(miniSummary, "`0.04", "`x", 1)), fees.ErrBillAmount, 4, 5, "手续费总金额", 1},
		{"summary with too few fields", []byte(miniHeader + miniRow + strings.Replace(miniSummary, ",`6.00,`0.00\n", "\n", 1)), fees.ErrBillColumns, 4, 6, "", 1},
		{"content after the summary", []byte(miniHeader + miniRow + miniSummary + miniRow), fees.ErrBillTrailing, 5, 0, "", 1},
		{"line too long", []byte(miniHeader + strings.Repeat("x", fees.MaxBillLine+10) + "\n"), fees.ErrBillLineTooLong, 2, 0, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rows, _, err := readAll(t, bytes.NewReader(tt.in))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			var be *fees.BillError
			if !errors.As(err, &be) {
				t.Fatalf("error %T is not a *BillError", err)
			}
			if tt.line > 0 && (be.Line != tt.line || be.Column != tt.col || be.Field != tt.field) {
				t.Errorf("at line %d column %d (%s), want line %d column %d (%s): %v", be.Line, be.Column, be.Field, tt.line, tt.col, tt.field, err)
			}
			if tt.rowsRead >= 0 && len(rows) != tt.rowsRead {
				t.Errorf("%d rows delivered before the error, want %d", len(rows), tt.rowsRead)
			}
			if !strings.Contains(err.Error(), "line") {
				t.Errorf("message lacks the line: %v", err)
			}
		})
	}
}

func TestBillReaderStopsAfterError(t *testing.T) {
	t.Parallel()
	br, err := fees.NewBillReader(strings.NewReader(miniHeader + strings.Replace(miniRow, "0.60%", "x", 1) + miniRow + miniSummary))
	if err != nil {
		t.Fatal(err)
	}
	_, err1 := br.Next()
	_, err2 := br.Next()
	if err1 == nil || err1 != err2 {
		t.Errorf("Next after an error = %v, first %v; want the same error", err2, err1)
	}
}

func TestBillReaderSuccessAndRefundBills(t *testing.T) {
	t.Parallel()
	success := "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注\n" +
		"`2026-03-01 08:00:00,`wx1,`19,`0,`,`42001,`A1,`o1,`JSAPI,`SUCCESS,`OTHERS,`CNY,`6.00,`0.00,`袜子,`,`0.04000,`0.60%,`6.00,`\n" +
		summaryHeader + "\n`1,`6.00,`0.00,`0.00,`0.04,`6.00,`0.00\n"
	refund := "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\n" +
		"`2026-03-01 08:00:00,`wx1,`19,`0,`,`42001,`A1,`o1,`JSAPI,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`2026-03-01 09:00:00,`2026-03-01 09:00:05,`5030001,`R1,`6.00,`0.00,`ORIGINAL,`SUCCESS,`袜子,`,`-0.04000,`0.60%,`6.00,`6.00,`\n" +
		summaryHeader + "\n`1,`0.00,`6.00,`0.00,`-0.04,`6.00,`6.00\n"
	calc := seedCalc(t)
	for name, bill := range map[string]string{"SUCCESS": success, "REFUND": refund} {
		rep, err := calc.Reconcile(strings.NewReader(bill), fees.ReconcileOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !rep.OK() || rep.Matched != 1 {
			t.Errorf("%s bill:\n%s", name, rep)
		}
	}
}

// TestBillReaderTruncatedLargeGzip cuts a 3,000-row gzip bill at two thirds
// of its compressed bytes: the error names the line that broke (the first
// line not read whole), and the plain file cut at the same byte says the same.
func TestBillReaderTruncatedLargeGzip(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	sb.WriteString(miniHeader)
	for range 3000 {
		sb.WriteString(miniRow)
	}
	sb.WriteString(miniSummary)
	gz := gzipped(sb.String())
	cut := gz[:len(gz)*2/3]
	zr, err := gzip.NewReader(bytes.NewReader(cut))
	if err != nil {
		t.Fatal(err)
	}
	avail, err := io.ReadAll(zr)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("reading the cut stream: %v", err)
	}
	whole := bytes.Count(avail, []byte("\n")) // lines read whole, the header included
	if whole < 1000 || bytes.HasSuffix(avail, []byte("\n")) {
		t.Fatalf("cut after %d whole lines, ending %q: want a cut mid-row", whole, avail[len(avail)-5:])
	}
	wantRows, wantLine := whole-1, whole+1
	for name, in := range map[string][]byte{"gzip": cut, "plain": avail} {
		rows, _, err := readAll(t, bytes.NewReader(in))
		var be *fees.BillError
		if !errors.Is(err, fees.ErrBillTruncated) || !errors.As(err, &be) {
			t.Fatalf("%s: error %v, want a *BillError wrapping ErrBillTruncated", name, err)
		}
		named := strings.Contains(err.Error(), fmt.Sprintf("line %d:", wantLine)) || strings.Contains(err.Error(), fmt.Sprintf("line %d,", wantLine))
		if len(rows) != wantRows || be.Line != wantLine || !named {
			t.Errorf("%s: %d rows kept, error %v; want %d rows and line %d", name, len(rows), err, wantRows, wantLine)
		}
	}
}
