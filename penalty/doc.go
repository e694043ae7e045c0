// Package penalty implements seed §六 平台规则红线 (platform red lines): for
// each merchant's store it tells which restrictions are active at an
// instant, when each lifts, what the next offence of a type would cost, and
// whether the store may sell, go live, use the cart or list products.
//
// The package is pure and event-sourced. It never reads the clock, the
// network, files or the environment: every instant is an argument.
//
// # Model
//
// A store's history is a list of [Event] values: a violation recorded
// (违规记录), a penalty decided, an appeal filed (申诉) and rejected or
// overturned, a penalty reversed, a complaint opened by the platform's
// intervention (平台介入), responded to and resolved. Two steps act on them:
//
//   - the decide step, [Decider.Decide], turns a recorded violation into an
//     [EventPenaltyDecided] carrying absolute [Measure] values, stamped with
//     the offence index and the version of the [Table] that decided;
//   - the evolve step, [State.Evolve], folds one event into a [State].
//
// Because decisions are events, replaying the same events with [Replay]
// gives the same state whatever tables are in force later. The state at an
// instant is derived: a lasting measure is active if and only if
// Start ≤ t < End (or Start ≤ t when permanent), so no timer is needed for
// correctness; a scheduler is only for notifications. [State.Active],
// [State.Pending], [State.Restrictions] (merged per kind, with the instant
// each lifts), [State.May] and [Decider.Next] are the queries.
//
// Each violation moves through the lifecycle table [Transitions]:
// recorded → penalised → appealing → upheld | overturned, and reversed from
// any earlier step. The table is data; [LifecycleMermaid] draws it.
//
// # Ladders
//
// A [Table] holds one [Rule] per [ViolationType]: a counting [Window] and
// steps numbered 1, 2, 3 …; the last step repeats for every later offence.
// Each step lists [MeasureSpec] values: a [MeasureKind], a length ([Span])
// or permanence, and an optional pre-effect delay. Tables are versioned,
// carry an effective date, and are replaceable: [NewDecider] takes any
// number of them and picks the one in force at the decision instant.
// [SeedLadder] and [ObservedLadder] return fresh copies, and
// [Table.Mermaid] renders a table as a Mermaid flowchart (penalty/LADDER.md).
//
// [SeedLadder] is the seed's table and the default:
//
//	售假     1st: store ban 7 days + deposit compensation
//	         2nd: store banned permanently + blacklist
//	         3rd and later: referral for legal liability
//	导流外链 1st: traffic limited 3 days + content deleted
//	         2nd: store ban 1 month + credit score deducted
//	         3rd and later: cart permission revoked permanently
//	数据造假 1st: fake sales cleared + warning
//	         2nd: live-streaming banned 1 month
//	         3rd and later: all commercial cooperation terminated
//
// The seed's other prohibited behaviours have no ladder of their own; the
// SDK maps false advertising (虚假宣传, "国家级"), induced sharing (诱导分享)
// and unauthorised film footage to the 导流外链 ladder, fake orders (刷单)
// to the 数据造假 ladder, and stolen designs to the 售假 ladder. The seed
// says "封禁1个月" without an object for 导流外链; the SDK reads it as a store
// ban. Compensation amounts and credit points are not in the seed: the
// amount comes from the violation event, the points stay zero unless a
// caller's table sets them.
//
// # Live platform
//
// The seed's figures differ from what public sources show for the live
// platform (domain-rules.md §B). Observed penalties are fixed per-type
// packages measured in days (no new products, window suspended, no live),
// not offence-count ladders; no 售假, 导流外链 or 数据造假 ladder, no
// counting window and no point table was found; "legal liability" is not a
// platform measure. [ObservedLadder] models the observed packages in the same
// [Table] type, including the ~7-day pre-effect delay (处罚即将生效) seen for
// 违背承诺. A 24-hour first-response rule for complaints was not found (48
// hours recurs in WeChat's merchant SLAs).
//
// # Time
//
// Calendar units are counted in Asia/Shanghai ([vcart.Shanghai], a fixed UTC+8 zone; China has
// no daylight saving). One day is 24 hours. One month is a calendar month:
// the same day and clock time in the next month, clamped to the month's
// last day, so a 1-month ban from 31 January 10:00 lifts on 28 (or 29)
// February 10:00 rather than spilling into March as time.AddDate would.
// Instants in events must fall after 1970 and before 2262 (the state keeps
// them exactly, as whole Unix seconds in its records and any other instant
// beside them); queries accept any instant, and the read models return
// instants in Asia/Shanghai.
//
// # Counting
//
// The offence index of a violation is one plus the number of earlier
// violations of the same type inside the rule's [Window] ([Lifetime], the
// seed's implied default; [CalendarYear] in Asia/Shanghai; or [Rolling] N
// days) that still count: overturned and reversed violations do not. A
// violation recorded but not yet decided counts. A decision is never
// rewritten: if an earlier offence is overturned after a later one was
// decided, the later decision stands (the caller may reverse it and decide
// again).
//
// # Appeals and reversals
//
// An overturned appeal or a reversal ends the violation's lasting measures
// at the resolution instant (End moves back; a measure still in its
// pre-effect delay never starts) and stamps Measure.Withdrawn on every
// measure; the offence stops counting. Measures are ended, not deleted, so
// the history stays visible. A withdrawn one-off measure that was already
// applied (a deposit payment, a warning) is for the caller to undo. A
// penalty may be appealed once.
//
// # Complaints
//
// [ComplaintPolicy.Open] stamps the deadlines on the opening event (seed:
// respond within 24 hours and give a solution within 48 hours of the
// platform's intervention). [State.OverdueComplaints] lists the late ones;
// with ComplaintPolicy.CountOverdue, [State.OverdueViolations] turns each
// into a violation of a configured type, which is then decided like any
// other.
//
// # Persistence
//
// Store the events, not the state. [Event] and [Measure] encode to JSON
// without loss (enums by name, instants in RFC 3339, amounts as exact text
// such as "259.00 CNY"; see testdata/golden/events.json), and [Replay]
// rebuilds the state from them.
//
// # Errors
//
// Bad input never panics and never half-applies: [State.Evolve] checks the
// whole event before changing anything. An event before the last one fails
// with an [*OrderError] matching [ErrOutOfOrder]; an unknown violation type,
// or one the table in force has no ladder for, with [ErrUnknownType]; an
// appeal, decision or reversal for a violation never recorded with
// [ErrUnknownPenalty]; an event the lifecycle forbids (a second appeal, a
// duplicate ID) with a [*TransitionError] matching [ErrInvalidTransition]; a
// malformed event with [ErrInvalidEvent]. Tables and policies are checked by
// Validate methods that return every problem at once as a
// [*vcart.ValidationError].
//
// # Concurrency
//
// A [Decider] is immutable once built (it keeps its own copies of the
// tables) and safe for concurrent use; the table functions return fresh
// copies. A [State] must not be evolved concurrently; queries may
// run concurrently with each other. Evolve does not allocate per event: the
// state keeps small, pointer-free records (a violation takes about 60 bytes
// with its ID and index slot, a measure 16) in fixed-size chunks, with its
// own index, so a step costs the same on the millionth event as on the
// first.
package penalty
