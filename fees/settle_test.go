package fees_test

import (
	"errors"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
)

func TestSettlementDate(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, shanghai) }
	// 2026-10-01 is a Thursday; the holiday runs to 10-07 and 10-10 (Sat) is a make-up working day.
	cal := fees.WeekendCalendar{
		Closed: map[string]bool{"2026-10-01": true, "2026-10-02": true, "2026-10-05": true, "2026-10-06": true, "2026-10-07": true},
		Open:   map[string]bool{"2026-10-10": true},
	}
	t1 := fees.Settlement{Basis: fees.TradeDays, Days: 1}
	tests := []struct {
		name string
		paid time.Time
		s    fees.Settlement
		cal  fees.Calendar
		want time.Time
	}{
		{"T+1 natural", time.Date(2026, 3, 1, 10, 0, 0, 0, shanghai), t1, nil, day(3, 2)},
		{"T+1 from 23:59 Shanghai", time.Date(2026, 3, 1, 23, 59, 59, 0, shanghai), t1, nil, day(3, 2)},
		{"T+1 from UTC evening is the next Shanghai day", time.Date(2026, 3, 1, 16, 30, 0, 0, time.UTC), t1, nil, day(3, 3)},
		{"T+1 across month end", time.Date(2026, 2, 28, 12, 0, 0, 0, shanghai), t1, nil, day(3, 1)},
		{"D+7 natural", time.Date(2026, 3, 1, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.NaturalDays, Days: 7}, nil, day(3, 8)},
		{"D+7 ignores the calendar", time.Date(2026, 9, 30, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.NaturalDays, Days: 7}, cal, day(10, 7)},
		{"T+1 Friday → Monday", time.Date(2026, 3, 6, 12, 0, 0, 0, shanghai), t1, cal, day(3, 9)},
		{"T+1 Saturday → Tuesday", time.Date(2026, 3, 7, 12, 0, 0, 0, shanghai), t1, cal, day(3, 10)},
		{"T+0 Saturday → Monday", time.Date(2026, 3, 7, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.TradeDays}, cal, day(3, 9)},
		{"T+1 Sunday → Tuesday", time.Date(2026, 3, 8, 23, 59, 0, 0, shanghai), t1, cal, day(3, 10)},
		{"T+2 Saturday → Wednesday", time.Date(2026, 3, 7, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.TradeDays, Days: 2}, cal, day(3, 11)},
		{"T+1 Friday late in UTC is a Saturday payment", time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC), t1, cal, day(3, 10)},
		{"T+1 on a holiday counts from the first business day after it", time.Date(2026, 10, 3, 12, 0, 0, 0, shanghai), t1, cal, day(10, 9)},
		{"T+1 on the first holiday day", time.Date(2026, 10, 1, 9, 0, 0, 0, shanghai), t1, cal, day(10, 9)},
		{"T+2 on a holiday reaches the make-up Saturday", time.Date(2026, 10, 4, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.TradeDays, Days: 2}, cal, day(10, 10)},
		{"T+1 on the make-up Saturday", time.Date(2026, 10, 10, 12, 0, 0, 0, shanghai), t1, cal, day(10, 12)},
		{"T+1 Saturday without a calendar is Sunday", time.Date(2026, 3, 7, 12, 0, 0, 0, shanghai), t1, nil, day(3, 8)},
		{"D+7 from a Saturday is natural", time.Date(2026, 3, 7, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.NaturalDays, Days: 7}, cal, day(3, 14)},
		{"T+1 over the National Day holiday", time.Date(2026, 9, 30, 12, 0, 0, 0, shanghai), t1, cal, day(10, 8)},
		{"T+2 reaches the make-up Saturday", time.Date(2026, 10, 8, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.TradeDays, Days: 2}, cal, day(10, 10)},
		{"T+0 on a holiday rolls forward", time.Date(2026, 10, 3, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.TradeDays}, cal, day(10, 8)},
		{"T+0 on a business day", time.Date(2026, 10, 9, 12, 0, 0, 0, shanghai), fees.Settlement{Basis: fees.TradeDays}, cal, day(10, 9)},
		{"CalendarFunc", time.Date(2026, 3, 1, 12, 0, 0, 0, shanghai), t1, fees.CalendarFunc(func(d time.Time) bool { return d.Day()%2 == 1 }), day(3, 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := fees.SettlementDate(tt.paid, tt.s, tt.cal)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) || got.Location() != shanghai {
				t.Errorf("SettlementDate = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestSettlementDateErrors(t *testing.T) {
	t.Parallel()
	never := fees.CalendarFunc(func(time.Time) bool { return false })
	for _, tc := range []struct {
		name string
		s    fees.Settlement
		cal  fees.Calendar
	}{
		{"agreed", fees.Settlement{Basis: fees.Agreed}, nil},
		{"negative", fees.Settlement{Basis: fees.TradeDays, Days: -1}, nil},
		{"too long", fees.Settlement{Basis: fees.NaturalDays, Days: 400}, nil},
		{"calendar without business days", fees.Settlement{Basis: fees.TradeDays, Days: 1}, never},
		{"unknown basis", fees.Settlement{Basis: 7, Days: 1}, nil},
	} {
		if _, err := fees.SettlementDate(march1, tc.s, tc.cal); !errors.Is(err, fees.ErrSettlement) {
			t.Errorf("%s: error %v, want ErrSettlement", tc.name, err)
		}
	}
	s := fees.Settlement{Basis: fees.TradeDays, Days: 1}
	if s.String() != "T+1" || (fees.Settlement{Basis: fees.NaturalDays, Days: 7}).String() != "D+7" || (fees.Settlement{Basis: fees.Agreed}).String() != "按约定周期" {
		t.Error("Settlement.String")
	}
}

func TestCalendarOption(t *testing.T) {
	t.Parallel()
	calc := seedCalc(t, fees.WithCalendar(fees.WeekendCalendar{}))
	q, err := calc.Quote(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: 100}, time.Date(2026, 3, 6, 20, 0, 0, 0, shanghai))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 9, 0, 0, 0, 0, shanghai); !q.SettlementDate.Equal(want) {
		t.Errorf("Friday T+1 with weekends = %s, want %s", q.SettlementDate, want)
	}
}
