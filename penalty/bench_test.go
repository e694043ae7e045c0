package penalty_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/penalty"
)

// stream produces a synthetic single-store event stream without holding it
// in memory: per violation, recorded → decided (a 7-day store ban and a
// warning) → appeal filed → appeal rejected or overturned, every 4 events.
type stream struct {
	ids      []penalty.ViolationID
	measures []penalty.Measure
	base     time.Time
}

func newStream(n int) *stream {
	ids := make([]penalty.ViolationID, n/4+1)
	for i := range ids {
		ids[i] = penalty.ViolationID("v" + strconv.Itoa(i))
	}
	return &stream{ids: ids, measures: make([]penalty.Measure, 2), base: time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)}
}

// event returns the i-th event; the returned Measures slice is reused.
func (s *stream) event(i int) penalty.Event {
	id := s.ids[i/4]
	at := s.base.Add(time.Duration(i) * time.Minute)
	switch i % 4 {
	case 0:
		return penalty.Event{Kind: penalty.EventViolationRecorded, At: at, Violation: id, Type: penalty.Counterfeit}
	case 1:
		s.measures[0] = penalty.Measure{Kind: penalty.StoreBan, Start: at, End: at.Add(7 * 24 * time.Hour)}
		s.measures[1] = penalty.Measure{Kind: penalty.Warning, Start: at, End: at}
		return penalty.Event{Kind: penalty.EventPenaltyDecided, At: at, Violation: id, Offence: 1, RuleVersion: penalty.SeedVersion, Measures: s.measures}
	case 2:
		return penalty.Event{Kind: penalty.EventAppealFiled, At: at, Violation: id}
	}
	if i%8 == 3 {
		return penalty.Event{Kind: penalty.EventAppealOverturned, At: at, Violation: id}
	}
	return penalty.Event{Kind: penalty.EventAppealRejected, At: at, Violation: id}
}

// BenchmarkEvolve measures one evolve step on a single, growing store state
// (target ≤ 200 ns/op).
func BenchmarkEvolve(b *testing.B) {
	b.ReportAllocs()
	src := newStream(b.N)
	s := penalty.NewState(store)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Evolve(src.event(i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplay1M replays 1,000,000 events per op (target ≤ 1 s/op): into
// one store, and as 10,000 stores of 100 events (a provider's start-up).
func BenchmarkReplay1M(b *testing.B) {
	const total = 1_000_000
	b.Run("single-store", func(b *testing.B) {
		b.ReportAllocs()
		src := newStream(total)
		b.ResetTimer()
		for range b.N {
			s := penalty.NewState(store)
			for i := range total {
				if err := s.Evolve(src.event(i)); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*total), "ns/event")
	})
	b.Run("10000-stores", func(b *testing.B) {
		b.ReportAllocs()
		src := newStream(100)
		events := make([]penalty.Event, 100)
		for i := range events {
			events[i] = src.event(i)
			events[i].Measures = append([]penalty.Measure(nil), events[i].Measures...)
		}
		b.ResetTimer()
		for range b.N {
			for range total / len(events) {
				if _, err := penalty.Replay(store, events); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*total), "ns/event")
	})
}

// BenchmarkRestrictions measures the "what is active and when does it lift"
// query over a store with 100 decided violations.
func BenchmarkRestrictions(b *testing.B) {
	b.ReportAllocs()
	src := newStream(400)
	s := penalty.NewState(store)
	for i := range 400 {
		if err := s.Evolve(src.event(i)); err != nil {
			b.Fatal(err)
		}
	}
	at := src.base.Add(200 * time.Minute)
	b.ResetTimer()
	for range b.N {
		_ = s.Restrictions(at)
	}
}

// BenchmarkDecide measures one decision for a store with 100 violations.
func BenchmarkDecide(b *testing.B) {
	b.ReportAllocs()
	d, err := penalty.NewDecider()
	if err != nil {
		b.Fatal(err)
	}
	src := newStream(400)
	s := penalty.NewState(store)
	for i := range 400 {
		if err := s.Evolve(src.event(i)); err != nil {
			b.Fatal(err)
		}
	}
	at := src.base.Add(time.Hour * 24 * 30)
	if err := s.Evolve(penalty.RecordViolation("new", penalty.Counterfeit, at)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := d.Decide(s, "new", at); err != nil {
			b.Fatal(err)
		}
	}
}
