package shopapi_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestCommissionFen_HalfUp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		base    int64
		ratio   shopapi.CommissionRatio
		want    int64
		wantErr bool
	}{
		{"exact", 5990, shopapi.CommissionRatioPercent(10), 599, false},
		{"rounds up above half", 1999, shopapi.CommissionRatioPercent(15), 300, false},   // 299.85
		{"rounds down below half", 1001, shopapi.CommissionRatioPercent(10), 100, false}, // 100.1
		{"exact half rounds up", 1, shopapi.CommissionRatioPercent(50), 1, false},        // 0.5
		{"three halves", 3, shopapi.CommissionRatioPercent(50), 2, false},                // 1.5
		{"precise ratio", 5990, 22_000, 132, false},                                      // 2.2%: 131.78
		{"zero ratio", 5990, 0, 0, false},
		{"zero base", 0, shopapi.CommissionRatioPercent(90), 0, false},
		{"full", 12345, shopapi.CommissionRatioMax, 12345, false},
		{"largest base", 9_223_372_036_854, shopapi.CommissionRatioMax, 9_223_372_036_854, false},
		{"any int64 base", 9_223_372_036_854_775_807, shopapi.CommissionRatioPercent(50), 4_611_686_018_427_387_904, false},
		{"negative base", -1, 1, 0, true},
		{"ratio above 100%", 100, shopapi.CommissionRatioMax + 1, 0, true},
		{"negative ratio", 100, -1, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := shopapi.CommissionFen(tt.base, tt.ratio, vcart.HalfUp)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, vcart.ErrInvalid) {
				t.Errorf("err = %v, want a validation error", err)
			}
			if got != tt.want {
				t.Errorf("CommissionFen(%d, %v) = %d, want %d", tt.base, tt.ratio, got, tt.want)
			}
		})
	}
}

func TestCommissionFen_EveryProblem(t *testing.T) {
	t.Parallel()
	_, err := shopapi.CommissionFen(-1, -1, vcart.HalfUp)
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Fatalf("err = %v, want both problems", err)
	}
}

func TestCommissionRatio_String(t *testing.T) {
	t.Parallel()
	for r, want := range map[shopapi.CommissionRatio]string{
		shopapi.CommissionRatioPercent(10): "10%", 22_000: "2.2%", 1: "0.0001%", 0: "0%", -15_000: "-1.5%",
	} {
		if got := r.String(); got != want {
			t.Errorf("%d: %q, want %q", int64(r), got, want)
		}
	}
}

func commissionOrder(lines []shopapi.OrderProduct, commissions []shopapi.OrderCommission) *shopapi.Order {
	return &shopapi.Order{OrderID: "3705115058471208928", Detail: shopapi.OrderDetail{ProductInfos: lines, CommissionInfos: commissions}}
}

func TestCheckTalentCommission(t *testing.T) {
	t.Parallel()
	two := []shopapi.OrderProduct{{SKUID: "sku-a", RealPrice: 5990}, {SKUID: "sku-b", RealPrice: 1990}}
	tests := []struct {
		name    string
		order   *shopapi.Order
		sku     shopapi.ID
		ratio   shopapi.CommissionRatio
		want    shopapi.TalentCommissionCheck
		ok      bool
		wantErr error
	}{
		{
			name:  "matches, unsettled",
			order: commissionOrder(two, []shopapi.OrderCommission{{SKUID: "sku-a", Type: 0, Status: 1, Amount: 599}}),
			sku:   "sku-a", ratio: shopapi.CommissionRatioPercent(10),
			want: shopapi.TalentCommissionCheck{OrderID: "3705115058471208928", SKUID: "sku-a", BaseFen: 5990,
				Ratio: 100_000, ExpectedFen: 599, ReportedFen: 599},
			ok: true,
		},
		{
			name: "over-reported, settled; a group leader's commission is not counted",
			order: commissionOrder(two, []shopapi.OrderCommission{
				{SKUID: "sku-b", Type: 0, Status: 2, Amount: 400}, {SKUID: "sku-b", Type: 1, Status: 2, Amount: 50}}),
			sku: "sku-b", ratio: shopapi.CommissionRatioPercent(20),
			want: shopapi.TalentCommissionCheck{OrderID: "3705115058471208928", SKUID: "sku-b", BaseFen: 1990,
				Ratio: 200_000, ExpectedFen: 398, ReportedFen: 400, Settled: true, DiffFen: 2},
		},
		{
			name: "a SKU on two lines sums its bases",
			order: commissionOrder([]shopapi.OrderProduct{{SKUID: "sku-a", RealPrice: 1000}, {SKUID: "sku-a", RealPrice: 999}},
				[]shopapi.OrderCommission{{SKUID: "sku-a", Type: 0, Status: 1, Amount: 300}}),
			sku: "sku-a", ratio: shopapi.CommissionRatioPercent(15),
			want: shopapi.TalentCommissionCheck{OrderID: "3705115058471208928", SKUID: "sku-a", BaseFen: 1999,
				Ratio: 150_000, ExpectedFen: 300, ReportedFen: 300},
			ok: true,
		},
		{
			name:  "no talent on the SKU",
			order: commissionOrder(two, []shopapi.OrderCommission{{SKUID: "sku-a", Type: 0, Amount: 599}}),
			sku:   "sku-b", ratio: shopapi.CommissionRatioPercent(10),
			wantErr: shopapi.ErrNoTalentCommission,
		},
		{
			name:  "a SKU the order does not sell",
			order: commissionOrder(two, nil),
			sku:   "sku-z", ratio: shopapi.CommissionRatioPercent(10),
			wantErr: vcart.ErrInvalid,
		},
		{
			name:  "an invalid ratio",
			order: commissionOrder(two, []shopapi.OrderCommission{{SKUID: "sku-a", Type: 0, Amount: 599}}),
			sku:   "sku-a", ratio: shopapi.CommissionRatioPercent(101),
			wantErr: vcart.ErrInvalid,
		},
		{
			name: "nil order",
			sku:  "sku-a", ratio: shopapi.CommissionRatioPercent(10),
			wantErr: vcart.ErrInvalid,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := shopapi.CheckTalentCommission(tt.order, tt.sku, tt.ratio)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("check (-want +got):\n%s", d)
			}
			if got.OK(0) != tt.ok {
				t.Errorf("OK(0) = %v, want %v", got.OK(0), tt.ok)
			}
			if !got.OK(2) {
				t.Error("OK(2) = false: every case is within 2 fen")
			}
		})
	}
}
