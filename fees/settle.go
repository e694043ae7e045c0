package fees

import (
	"errors"
	"fmt"
	"time"
)

// Calendar says which days are business days (工作日) for T+n settlement.
// The package ships no holiday list; implement Calendar from the State
// Council's yearly notice or a bank's calendar, or use [CalendarFunc].
type Calendar interface {
	// IsBusinessDay reports whether day (00:00 Asia/Shanghai) is a business day.
	IsBusinessDay(day time.Time) bool
}

// CalendarFunc adapts a function to [Calendar].
type CalendarFunc func(day time.Time) bool

// IsBusinessDay calls f.
func (f CalendarFunc) IsBusinessDay(day time.Time) bool { return f(day) }

// WeekendCalendar is a [Calendar] whose business days are Monday to Friday,
// with extra closed days (holidays) and open days (调休 make-up working
// days) given as "2006-01-02" dates. It is a convenience for tests and simple
// cases; the caller supplies the dates.
type WeekendCalendar struct {
	Closed map[string]bool
	Open   map[string]bool
}

// IsBusinessDay reports whether day is a weekday not in Closed, or a day in
// Open.
func (w WeekendCalendar) IsBusinessDay(day time.Time) bool {
	key := day.In(shanghai).Format(time.DateOnly)
	if w.Open[key] {
		return true
	}
	if w.Closed[key] {
		return false
	}
	wd := day.In(shanghai).Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// ErrSettlement reports a settlement date that cannot be computed: an
// [Agreed] cycle, a negative period, or a calendar with no business day in
// the next ten years.
var ErrSettlement = errors.New("fees: settlement date")

// SettlementDate returns the day (00:00 Asia/Shanghai) on which a payment
// made at paidAt settles under s. The payment day is paidAt's date in
// Asia/Shanghai, so a payment at 23:59 on 1 March settles T+1 on 2 March.
//
// T+n with a calendar: T is the payment's business day, the payment day if
// cal says it is a business day, else the next business day; T+n is the
// n-th business day after T. So a Friday payment settles T+1 on Monday, a
// Saturday payment T+0 on Monday and T+1 on Tuesday, and a payment on the
// last day before a holiday T+1 on the first business day after it. With a
// nil cal every day is a business day, so T+n equals D+n.
//
// D+n always counts n natural days from the payment day, whatever cal says
// (the seed's D+7 for international cards), and lands on a weekend or
// holiday if that is where the count ends.
func SettlementDate(paidAt time.Time, s Settlement, cal Calendar) (time.Time, error) {
	if s.Days < 0 || s.Days > 365 {
		return time.Time{}, fmt.Errorf("%w: period %s out of range", ErrSettlement, s)
	}
	p := paidAt.In(shanghai)
	day := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, shanghai)
	switch s.Basis {
	case NaturalDays:
		return day.AddDate(0, 0, s.Days), nil
	case TradeDays:
		if cal == nil {
			return day.AddDate(0, 0, s.Days), nil
		}
	default:
		return time.Time{}, fmt.Errorf("%w: %s has no fixed period", ErrSettlement, s)
	}
	// Roll the payment day forward to T, then count s.Days business days
	// after it; give up after ten years of days without enough of them.
	const limit = 3660
	for i := 0; !cal.IsBusinessDay(day); i++ {
		if i == limit {
			return time.Time{}, fmt.Errorf("%w: no business day within ten years", ErrSettlement)
		}
		day = day.AddDate(0, 0, 1)
	}
	for need, i := s.Days, 0; need > 0; i++ {
		if i == limit {
			return time.Time{}, fmt.Errorf("%w: no business day within ten years", ErrSettlement)
		}
		day = day.AddDate(0, 0, 1)
		if cal.IsBusinessDay(day) {
			need--
		}
	}
	return day, nil
}
