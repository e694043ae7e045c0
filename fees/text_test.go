package fees_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func TestScheduleJSONRoundTrip(t *testing.T) {
	t.Parallel()
	for _, s := range []fees.Schedule{fees.SeedSchedule(), liveShape()} {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fees.ParseScheduleJSON(b)
		if err != nil {
			t.Fatalf("%s: %v\n%s", s.Version, err, b)
		}
		if diff := cmp.Diff(s, got); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", s.Version, diff)
		}
	}
	b, _ := json.Marshal(fees.SeedSchedule())
	for _, want := range []string{`"rate":"0.60%"`, `"rate":"1.20%"`, `"settlement":"T+1"`, `"settlement":"D+7"`, `"settlement":"agreed"`, `"per_period":"0.10%"`, `"payer":"merchant"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
}

const configJSON = `{
  "version": "merchant-1900000109-2026.03",
  "effective_from": "2026-03-01T00:00:00+08:00",
  "source": "contract with the settlement rule 719",
  "methods": [
    {"method": "wechatpay", "settlement": "T+1",
     "rates": [{"category": "general", "rate": "0.60%"}, {"category": "food", "rate": "0.20%"}]},
    {"method": "international_card", "settlement": "T+1",
     "rates": [{"category": "general", "rate": "0.60%"}],
     "surcharge": {"rate": "3.00%", "over_fen": 20000, "payer": "buyer"}},
    {"method": "installment", "settlement": "按约定周期",
     "rates": [{"category": "general", "rate": "0.60%"}],
     "installments": [{"periods": 3, "rate": "2.30%", "payer": "buyer"}, {"periods": 12, "rate": "7.50%", "payer": "merchant"}]}
  ]
}`

func TestParseScheduleJSON(t *testing.T) {
	t.Parallel()
	s, err := fees.ParseScheduleJSON([]byte(configJSON))
	if err != nil {
		t.Fatal(err)
	}
	calc, err := fees.NewCalculator(s)
	if err != nil {
		t.Fatal(err)
	}
	q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodInternationalCard, AmountFen: 30000}, march1)
	if err != nil {
		t.Fatal(err)
	}
	if q.MerchantFeeFen != 180 || q.BuyerTotalFen != 30900 {
		t.Errorf("quote from JSON schedule: %+v", q)
	}
	if fee, _ := calc.ExpectedFee(fees.QuoteRequest{Method: fees.MethodWeChatPay, Category: vcart.CategoryFood, AmountFen: 10000}, march1); fee != 20 {
		t.Errorf("food fee %d, want 20", fee)
	}
	tests := []struct {
		name   string
		in     string
		wantIs error
	}{
		{"not JSON", "{", fees.ErrScheduleJSON},
		{"unknown field", `{"version":"x","bogus":1}`, fees.ErrScheduleJSON},
		{"bad rate", strings.Replace(configJSON, `"0.20%"`, `"0.2"`, 1), fees.ErrScheduleJSON},
		{"bad settlement", strings.Replace(configJSON, `"T+1"`, `"T+one"`, 1), fees.ErrScheduleJSON},
		{"bad payer", strings.Replace(configJSON, `"payer": "buyer"`, `"payer": "bank"`, 1), fees.ErrScheduleJSON},
		{"trailing data", configJSON + "{}", fees.ErrScheduleJSON},
		{"invalid table", `{"version":"x","effective_from":"2026-03-01T00:00:00+08:00","methods":[{"method":"wechatpay","rates":[]}]}`, vcart.ErrInvalid},
		{"too large", strings.Repeat(" ", 1<<20+1), fees.ErrScheduleJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := fees.ParseScheduleJSON([]byte(tt.in)); !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v, want %v", err, tt.wantIs)
			}
		})
	}
}

func TestTextCodecs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want fees.Settlement
		ok   bool
	}{
		{"T+0", fees.Settlement{Basis: fees.TradeDays}, true},
		{"T+1", fees.Settlement{Basis: fees.TradeDays, Days: 1}, true},
		{"D+7", fees.Settlement{Basis: fees.NaturalDays, Days: 7}, true},
		{"D+365", fees.Settlement{Basis: fees.NaturalDays, Days: 365}, true},
		{"agreed", fees.Settlement{Basis: fees.Agreed}, true},
		{"D+366", fees.Settlement{}, false},
		{"T++1", fees.Settlement{}, false},
		{"T+-1", fees.Settlement{}, false},
		{"X+1", fees.Settlement{}, false},
		{"T+", fees.Settlement{}, false},
	} {
		var got fees.Settlement
		err := got.UnmarshalText([]byte(tc.in))
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Settlement.UnmarshalText(%q) = %+v, %v", tc.in, got, err)
		}
	}
	if _, err := fees.Rate(-1).MarshalText(); err == nil {
		t.Error("negative rate marshalled")
	}
	if _, err := fees.Payer(5).MarshalText(); err == nil {
		t.Error("unknown payer marshalled")
	}
	if _, err := (fees.Settlement{Basis: 9}).MarshalText(); err == nil {
		t.Error("unknown basis marshalled")
	}
	var p fees.Payer
	if err := p.UnmarshalText([]byte("买家")); err != nil || p != fees.PayerBuyer {
		t.Errorf("payer 买家: %v %v", p, err)
	}
}

// FuzzParseScheduleJSON: the schedule parser never panics, and whatever it
// accepts is valid and survives a JSON round trip.
func FuzzParseScheduleJSON(f *testing.F) {
	f.Add([]byte(configJSON))
	seed, _ := json.Marshal(fees.SeedSchedule())
	f.Add(seed)
	f.Add([]byte(`{"version":"x","methods":[{"settlement":"D+1"}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 16<<10 {
			return
		}
		s, err := fees.ParseScheduleJSON(data)
		if err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("accepted an invalid schedule: %v", err)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("cannot re-encode: %v", err)
		}
		again, err := fees.ParseScheduleJSON(b)
		if err != nil {
			t.Fatalf("round trip: %v\n%s", err, b)
		}
		if diff := cmp.Diff(s, again); diff != "" {
			t.Fatalf("round trip differs:\n%s", diff)
		}
		if _, err := fees.NewCalculator(s); err != nil {
			t.Fatalf("valid schedule refused: %v", err)
		}
	})
}
