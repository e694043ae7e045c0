package fees_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/vcart-sdk/vcart-go/fees"
)

// FuzzBillReader feeds arbitrary bytes to the bill reader and the
// reconciler: they must never panic, every error must be a *BillError with
// a line, and row line numbers must increase.
func FuzzBillReader(f *testing.F) {
	for _, name := range []string{"bill_all.csv", "bill_all.csv.gz"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(miniHeader + miniRow + miniSummary))
	f.Add([]byte(miniHeader + miniRow))
	f.Add(gzipped(miniHeader + miniRow + miniSummary))
	f.Add([]byte("\ufeff" + miniHeader + "`2026-02-29 08:00:00,`1,`REFUND,`-0.01,`0.01,`-0.00001,`100%\r\n" + miniSummary))
	f.Add([]byte{0x1f, 0x8b})
	f.Add([]byte(""))
	calc, err := fees.NewCalculator(fees.SeedSchedule())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		br, err := fees.NewBillReader(bytes.NewReader(data))
		if err == nil {
			last := 0
			for {
				row, err := br.Next()
				if errors.Is(err, io.EOF) {
					if _, ok := br.Summary(); !ok {
						t.Fatal("EOF without a summary")
					}
					break
				}
				if err != nil {
					checkBillError(t, err)
					break
				}
				if row.Line <= last {
					t.Fatalf("line %d after %d", row.Line, last)
				}
				last = row.Line
				if !row.Rate.Valid() {
					t.Fatalf("invalid rate %d accepted", row.Rate)
				}
			}
		} else {
			checkBillError(t, err)
		}
		rep, err := calc.Reconcile(bytes.NewReader(data), fees.ReconcileOptions{MaxExceptions: 3})
		if rep == nil {
			t.Fatal("nil report")
		}
		if err != nil {
			checkBillError(t, err)
		} else {
			_ = rep.String()
		}
	})
}

func checkBillError(t *testing.T, err error) {
	t.Helper()
	var be *fees.BillError
	if !errors.As(err, &be) || be.Line < 1 || be.Err == nil {
		t.Fatalf("error %v (%T) is not a located *BillError", err, err)
	}
}
