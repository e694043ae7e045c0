package vcart

import "time"

// shanghai is the one China Standard Time zone of the SDK; see [Shanghai].
var shanghai = time.FixedZone("CST", 8*60*60)

// Shanghai returns the platform's time zone, Asia/Shanghai (China Standard
// Time, 北京时间), in which every package of the SDK counts days: settlement
// dates and bill times (fees), calendar windows and measure ends (penalty),
// report weeks and rule tables' effective dates (kpi, review, vcart), and
// the shop API's "yyyy-MM-dd HH:mm:ss" stamps.
//
// It is a fixed UTC+8 zone named "CST", not a zone loaded from a time-zone
// database: China has kept UTC+8 without daylight saving since 1991, so the
// fixed zone gives the same wall clock as Asia/Shanghai for every instant
// the platform (founded 2020) can hold, and a time prints exactly as with the
// loaded zone ("2026-03-01 10:00:00 +0800 CST"). A pure package reads no
// files, and embedding time/tzdata would add about 450 KB and register a
// database for the whole host program, so the SDK does neither. Only
// [time.Location.String] differs: it returns "CST", not "Asia/Shanghai".
//
// Every call returns the same *time.Location, so the result can be shared
// and compared; it is safe for concurrent use.
func Shanghai() *time.Location { return shanghai }
