package redisstore

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestLeasesNext checks how many calls a round trip asks for: the block
// doubles when the last one was spent within its lease lifetime, but not
// past what the last one's pace spends before the minute's end.
func TestLeasesNext(t *testing.T) {
	t.Parallel()
	minute := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	const ttl, most = time.Second, 64
	tests := []struct {
		name      string
		p         *leases
		now       time.Time
		wantCalls int
		wantBlock int
	}{
		{"first round trip", &leases{block: 1}, minute.Add(time.Second), 1, 1},
		{"spent within the lease: doubles",
			&leases{block: 8, size: 8, spent: true, granted: minute.Add(10 * time.Second)},
			minute.Add(10*time.Second + 100*time.Millisecond), 16, 16},
		{"doubling stops at most",
			&leases{block: 64, size: 64, spent: true, granted: minute.Add(10 * time.Second)},
			minute.Add(10*time.Second + 100*time.Millisecond), 64, 64},
		{"spent slower than the lease lifetime: stays",
			&leases{block: 8, size: 8, spent: true, granted: minute.Add(10 * time.Second)},
			minute.Add(12 * time.Second), 8, 8},
		{"not spent (dropped): stays",
			&leases{block: 8, size: 8, granted: minute.Add(10 * time.Second)},
			minute.Add(10*time.Second + 100*time.Millisecond), 8, 8},
		{"50 ms before the minute's end at 8 calls per 100 ms: 5",
			&leases{block: 8, size: 8, spent: true, granted: minute.Add(59*time.Second + 850*time.Millisecond)},
			minute.Add(59*time.Second + 950*time.Millisecond), 5, 16},
		{"callers waiting: one each",
			&leases{block: 2, waiting: 5}, minute.Add(time.Second), 6, 2},
		{"callers waiting: at most most",
			&leases{block: 2, waiting: 500}, minute.Add(time.Second), most, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			got := []int{p.next(tt.now, ttl, most), p.block}
			if diff := cmp.Diff([]int{tt.wantCalls, tt.wantBlock}, got); diff != "" {
				t.Errorf("calls asked, next block (-want +got):\n%s", diff)
			}
			if p.spent {
				t.Error("spent still set after next")
			}
		})
	}
}
