package penalty_test

import (
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/penalty"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Example_escalation records two 导流外链 offences for one store, decides
// them with the seed ladder, and asks what is active and when it lifts.
func Example_escalation() {
	sh := vcart.Shanghai()
	d, err := penalty.NewDecider() // the seed ladder
	if err != nil {
		panic(err)
	}
	s := penalty.NewState("wx1234567890abcdef")

	record := func(id penalty.ViolationID, at time.Time) {
		if err := s.Evolve(penalty.RecordViolation(id, penalty.ExternalLink, at)); err != nil {
			panic(err)
		}
		ev, err := d.Decide(s, id, at)
		if err != nil {
			panic(err)
		}
		if err := s.Evolve(ev); err != nil {
			panic(err)
		}
		fmt.Printf("%s: offence %d (%s)\n", id, ev.Offence, ev.RuleVersion)
	}
	record("link-1", time.Date(2026, 3, 1, 10, 0, 0, 0, sh))
	record("link-2", time.Date(2026, 3, 20, 10, 0, 0, 0, sh))

	now := time.Date(2026, 3, 25, 0, 0, 0, 0, sh)
	for _, r := range s.Restrictions(now) {
		fmt.Printf("%s until %s\n", r.Kind, r.Until.Format("2006-01-02 15:04"))
	}
	fmt.Println("may sell:", s.May(penalty.Sell, now))
	// Output:
	// link-1: offence 1 (seed-2024.1)
	// link-2: offence 2 (seed-2024.1)
	// store_ban until 2026-04-20 10:00
	// may sell: false
}

func ExampleDecider_Decide() {
	sh := vcart.Shanghai()
	d, _ := penalty.NewDecider(penalty.SeedLadder())
	s := penalty.NewState("wx1234567890abcdef")
	rec := penalty.RecordViolation("fake-1", penalty.Counterfeit, time.Date(2026, 3, 1, 9, 0, 0, 0, sh))
	rec.Compensation = 25900 // the buyer's claim
	_ = s.Evolve(rec)

	ev, err := d.Decide(s, "fake-1", time.Date(2026, 3, 1, 10, 0, 0, 0, sh))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range ev.Measures {
		fmt.Println(m)
	}
	fmt.Println("compensation:", ev.Measures[1].Compensation)
	// Output:
	// store_ban 2026-03-01T10:00:00+08:00 → 2026-03-08T10:00:00+08:00
	// deposit_compensation 2026-03-01T10:00:00+08:00 (one-off)
	// compensation: ¥259.00
}

func ExampleDecider_Next() {
	sh := vcart.Shanghai()
	d, _ := penalty.NewDecider()
	s := penalty.NewState("wx1234567890abcdef")
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, sh)
	_ = s.Evolve(penalty.RecordViolation("fraud-1", penalty.DataFraud, at))
	ev, _ := d.Decide(s, "fraud-1", at)
	_ = s.Evolve(ev)

	next, _ := d.Next(s, penalty.DataFraud, time.Date(2026, 4, 1, 0, 0, 0, 0, sh))
	fmt.Printf("next %s (%s) would be offence %d:\n", next.Type, next.Type.ChineseName(), next.Offence)
	for _, m := range next.Measures {
		fmt.Println(" ", m)
	}
	// Output:
	// next data_fraud (数据造假) would be offence 2:
	//   live_ban 2026-04-01T00:00:00+08:00 → 2026-05-01T00:00:00+08:00
}

// ExampleState_Evolve shows an appeal that overturns a penalty: the ban ends
// at the resolution and the offence no longer counts.
func ExampleState_Evolve() {
	sh := vcart.Shanghai()
	d, _ := penalty.NewDecider()
	s := penalty.NewState("wx1234567890abcdef")
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, sh)
	_ = s.Evolve(penalty.RecordViolation("fake-1", penalty.Counterfeit, at))
	ev, _ := d.Decide(s, "fake-1", at)
	_ = s.Evolve(ev)

	_ = s.Evolve(penalty.FileAppeal("fake-1", at.Add(2*time.Hour), "authorised reseller"))
	_ = s.Evolve(penalty.OverturnAppeal("fake-1", at.Add(26*time.Hour)))

	v, _ := s.Violation("fake-1")
	fmt.Println(v.Status, v.Measures[0])
	fmt.Println("may sell on 3 March:", s.May(penalty.Sell, at.Add(48*time.Hour)))
	fmt.Println("counted offences:", s.Offences(penalty.Counterfeit, penalty.Window{}, at.Add(48*time.Hour)))

	// A second appeal is an invalid transition and changes nothing.
	err := s.Evolve(penalty.FileAppeal("fake-1", at.Add(48*time.Hour), "again"))
	fmt.Println(err)
	// Output:
	// overturned store_ban 2026-03-01T10:00:00+08:00 → 2026-03-02T12:00:00+08:00 withdrawn 2026-03-02T12:00:00+08:00
	// may sell on 3 March: true
	// counted offences: 0
	// penalty: invalid transition: appeal_filed "fake-1" is overturned
}

// ExampleObservedLadder decides a 违背承诺 with the live platform's observed
// package: a pre-effect delay of 7 days, then 3 days without new products
// and with the window suspended.
func ExampleObservedLadder() {
	sh := vcart.Shanghai()
	d, _ := penalty.NewDecider(penalty.ObservedLadder())
	s := penalty.NewState("wx1234567890abcdef")
	_ = s.Evolve(penalty.RecordViolation("late-1", penalty.BrokenPromise, time.Date(2022, 12, 31, 9, 0, 0, 0, sh)))
	ev, _ := d.Decide(s, "late-1", time.Date(2023, 1, 1, 0, 0, 0, 0, sh))
	_ = s.Evolve(ev)

	for _, day := range []int{5, 9, 11} {
		at := time.Date(2023, 1, day, 0, 0, 0, 0, sh)
		fmt.Printf("1-%02d pending %d, may list %v, may use cart %v\n", day, len(s.Pending(at)), s.May(penalty.ListProducts, at), s.May(penalty.UseCart, at))
	}
	// Output:
	// 1-05 pending 2, may list true, may use cart true
	// 1-09 pending 0, may list false, may use cart false
	// 1-11 pending 0, may list true, may use cart true
}

func ExampleComplaintPolicy_Open() {
	sh := vcart.Shanghai()
	p := penalty.SeedComplaintPolicy()
	s := penalty.NewState("wx1234567890abcdef")
	opened := time.Date(2026, 3, 1, 10, 0, 0, 0, sh)
	_ = s.Evolve(p.Open("complaint-7", opened))
	_ = s.Evolve(penalty.RespondComplaint("complaint-7", opened.Add(3*time.Hour)))

	c, _ := s.Complaint("complaint-7")
	fmt.Println("respond by:", c.RespondBy.Format("01-02 15:04"), "solve by:", c.SolveBy.Format("01-02 15:04"))
	at := opened.Add(50 * time.Hour)
	for _, c := range s.OverdueComplaints(at) {
		fmt.Printf("%s overdue: response %v, solution %v\n", c.ID, c.ResponseOverdue(at), c.SolutionOverdue(at))
	}
	// Output:
	// respond by: 03-02 10:00 solve by: 03-03 10:00
	// complaint-7 overdue: response false, solution true
}

func ExampleTable_Mermaid() {
	tb := penalty.Table{
		Version:       "mine-1",
		EffectiveFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, vcart.Shanghai()),
		Source:        "example",
		Rules: []penalty.Rule{{
			Type:   penalty.InducedSharing,
			Window: penalty.Window{Kind: penalty.Rolling, Days: 365},
			Steps: []penalty.Step{
				{Offence: 1, Measures: []penalty.MeasureSpec{{Kind: penalty.Warning}}},
				{Offence: 2, Measures: []penalty.MeasureSpec{{Kind: penalty.TrafficLimit, For: penalty.Span{Days: 7}}}},
			},
		}},
	}
	fmt.Print(tb.Mermaid())
	// Output:
	// ---
	// title: mine-1, effective 2026-01-01 (example)
	// ---
	// flowchart LR
	//   subgraph induced_sharing["诱导分享 induced_sharing · window: rolling 365 days"]
	//     direction LR
	//     induced_sharing_1["1st offence<br/>警告 warning"]
	//     induced_sharing_2["2nd and later<br/>限流 traffic limit 7d"]
	//     induced_sharing_1 -->|next offence| induced_sharing_2
	//     induced_sharing_2 -->|next offence| induced_sharing_2
	//   end
}

// ExampleState_Restrictions merges overlapping measures of one kind: a
// 7-day store ban for a counterfeit inside a 1-month ban for a second
// external link lifts when the later of the two ends.
func ExampleState_Restrictions() {
	sh := vcart.Shanghai()
	d, _ := penalty.NewDecider()
	s := penalty.NewState("wx1234567890abcdef")
	offend := func(id penalty.ViolationID, t penalty.ViolationType, at time.Time) {
		_ = s.Evolve(penalty.RecordViolation(id, t, at))
		ev, _ := d.Decide(s, id, at)
		_ = s.Evolve(ev)
	}
	offend("link-1", penalty.ExternalLink, time.Date(2026, 3, 1, 10, 0, 0, 0, sh))
	offend("link-2", penalty.ExternalLink, time.Date(2026, 3, 10, 10, 0, 0, 0, sh))
	offend("fake-1", penalty.Counterfeit, time.Date(2026, 4, 5, 10, 0, 0, 0, sh))

	for _, r := range s.Restrictions(time.Date(2026, 4, 6, 0, 0, 0, 0, sh)) {
		fmt.Println(r.Kind, r.Since.Format("01-02 15:04"), "→", r.Until.Format("01-02 15:04"), r.Violations)
	}
	// Output:
	// store_ban 03-10 10:00 → 04-12 10:00 [fake-1 link-2]
}

// ExampleState_OverdueViolations counts a complaint that missed its 24-hour
// response deadline as a 违背承诺 and decides it with the observed package.
func ExampleState_OverdueViolations() {
	sh := vcart.Shanghai()
	policy := penalty.SeedComplaintPolicy()
	policy.CountOverdue, policy.OverdueType = true, penalty.BrokenPromise
	d, _ := penalty.NewDecider(penalty.ObservedLadder())
	s := penalty.NewState("wx1234567890abcdef")
	_ = s.Evolve(policy.Open("complaint-9", time.Date(2026, 3, 1, 10, 0, 0, 0, sh)))

	check := time.Date(2026, 3, 2, 12, 0, 0, 0, sh)
	evs, _ := s.OverdueViolations(check, policy)
	for _, e := range evs {
		_ = s.Evolve(e)
		dec, _ := d.Decide(s, e.Violation, check)
		_ = s.Evolve(dec)
		fmt.Println(e.Violation, e.Type.ChineseName())
		for _, m := range dec.Measures {
			fmt.Println(" ", m)
		}
	}
	// Output:
	// complaint:complaint-9 违背承诺
	//   no_new_products 2026-03-09T12:00:00+08:00 → 2026-03-12T12:00:00+08:00
	//   window_suspended 2026-03-09T12:00:00+08:00 → 2026-03-12T12:00:00+08:00
}

// The package in brief: record a violation, decide it with the seed ladder,
// apply the decision, and ask what the store may do at an instant. Instants
// are in [vcart.Shanghai]; the compensation is [vcart.Fen].
func Example() {
	sh := vcart.Shanghai()
	d, err := penalty.NewDecider()
	if err != nil {
		panic(err)
	}
	s := penalty.NewState("wx1234567890abcdef")
	rec := penalty.RecordViolation("fake-1", penalty.Counterfeit, time.Date(2026, 3, 1, 9, 0, 0, 0, sh))
	rec.Compensation = 25900 // the buyer's claim, ¥259.00
	if err := s.Evolve(rec); err != nil {
		panic(err)
	}
	ev, err := d.Decide(s, "fake-1", time.Date(2026, 3, 1, 10, 0, 0, 0, sh))
	if err != nil {
		panic(err)
	}
	if err := s.Evolve(ev); err != nil {
		panic(err)
	}
	for _, m := range ev.Measures {
		if m.Compensation != 0 {
			fmt.Println(m.Kind, m.Compensation)
			continue
		}
		fmt.Println(m.Kind, "until", m.End.Format("01-02 15:04"))
	}
	for _, at := range []time.Time{time.Date(2026, 3, 5, 0, 0, 0, 0, sh), time.Date(2026, 3, 9, 0, 0, 0, 0, sh)} {
		fmt.Println(at.Format("01-02"), "may sell:", s.May(penalty.Sell, at))
	}
	// Output:
	// store_ban until 03-08 10:00
	// deposit_compensation ¥259.00
	// 03-05 may sell: false
	// 03-09 may sell: true
}
