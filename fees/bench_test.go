package fees_test

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	sinkQuote fees.Quote
	sinkFen   int64
)

func BenchmarkQuote(b *testing.B) {
	calc := seedCalc(b)
	for _, bc := range []struct {
		name string
		req  fees.QuoteRequest
	}{
		{"wechatpay", fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryJewellery, AmountFen: 129900}},
		{"international_card", fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 45000, FX: usdRate}},
		{"installment_12", fees.QuoteRequest{Method: fees.MethodInstallment, AmountFen: 599900, Periods: 12}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				q, err := calc.Quote(bc.req, march1)
				if err != nil {
					b.Fatal(err)
				}
				sinkQuote = q
			}
		})
	}
}

func BenchmarkExpectedFee(b *testing.B) {
	calc := seedCalc(b)
	req := fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryJewellery, AmountFen: 129900}
	b.ReportAllocs()
	for b.Loop() {
		fee, err := calc.ExpectedFee(req, march1)
		if err != nil {
			b.Fatal(err)
		}
		sinkFen = fee
	}
}

// benchRows is the size of the generated bill for the reconciliation
// benchmarks; they only run under -bench.
const benchRows = 1_000_000

func writeBill(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bill.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	size := genBill(f, n)
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	return path
}

func readCSV(b *testing.B, path string) int {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = -1, true, true
	n := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		n += len(rec)
	}
}

func reconcileFile(b *testing.B, calc *fees.Calculator, path string, onRow func(fees.RowResult)) *fees.Report {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rep, err := calc.Reconcile(f, fees.ReconcileOptions{OnRow: onRow})
	if err != nil || !rep.OK() {
		b.Fatalf("%v\n%s", err, rep)
	}
	return rep
}

// BenchmarkBill1M measures, on the same generated 1,000,000-row bill file,
// reading it with encoding/csv, reading it with BillReader, and reconciling
// it, each as its own sub-benchmark with allocations.
func BenchmarkBill1M(b *testing.B) {
	path := writeBill(b, benchRows)
	calc := seedCalc(b)
	b.Run("encoding-csv", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			readCSV(b, path)
		}
	})
	b.Run("BillReader", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f, _ := os.Open(path)
			br, err := fees.NewBillReader(f)
			if err != nil {
				b.Fatal(err)
			}
			for _, err := range br.All() {
				if err != nil {
					b.Fatal(err)
				}
			}
			f.Close()
		}
	})
	b.Run("Reconcile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			reconcileFile(b, calc, path, nil)
		}
	})
}

// BenchmarkReconcileVsCSV1M times encoding/csv and Reconcile on the same
// 1,000,000-row file in the same iteration and reports their ratio
// (target ≤ 3) and the largest live heap seen while reconciling.
func BenchmarkReconcileVsCSV1M(b *testing.B) {
	path := writeBill(b, benchRows)
	calc := seedCalc(b)
	var csvTime, recTime time.Duration
	var maxHeap uint64
	var ms runtime.MemStats
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		readCSV(b, path)
		t1 := time.Now()
		n := 0
		reconcileFile(b, calc, path, func(fees.RowResult) {
			n++
			if n%200_000 == 0 {
				runtime.ReadMemStats(&ms)
				maxHeap = max(maxHeap, ms.HeapInuse)
			}
		})
		t2 := time.Now()
		csvTime += t1.Sub(t0)
		recTime += t2.Sub(t1)
	}
	b.ReportMetric(float64(csvTime.Nanoseconds())/float64(b.N), "csv-ns/op")
	b.ReportMetric(float64(recTime.Nanoseconds())/float64(b.N), "reconcile-ns/op")
	b.ReportMetric(float64(recTime)/float64(csvTime), "reconcile/csv")
	b.ReportMetric(float64(maxHeap)/(1<<20), "max-heap-MiB")
}
