// Package fees computes what a WeChat Pay payment costs a Channels-store
// merchant and when the money arrives, to the fen, and proves it against
// WeChat Pay's own trade bill. It implements seed §三 支付配置流程 (payment
// configuration): the 支付方式 / 手续费率 / 到账周期 / 支持范围 table.
//
// The package is pure: it never reads the clock, the network, files or the
// environment. Every instant is an argument, and days are counted in
// Asia/Shanghai (UTC+8, see [vcart.Shanghai]).
//
// # Schedules
//
// A [Schedule] is versioned data with an effective date: the terms
// ([Terms]) of each [Method]: a per-category rate table, an optional fixed
// foreign-currency fee, an optional buyer-paid surcharge above a threshold,
// installment plans paid by the buyer or subsidised by the merchant, and a
// settlement period. [SeedSchedule] (also [DefaultSchedule]) returns a fresh
// copy of the seed's table:
//
//	微信支付     0.6% (standard) / 1.2% (jewellery and luxury)  T+1         中国大陆
//	国际信用卡   3.5% + 0.30 USD                                D+7         港澳台及海外
//	分期付款     0.6% + 0.1% per period (3, 6, 12 periods)      按约定周期  指定银行合作
//
// A caller replaces or extends it without a new release: build a Schedule
// in code or load one with [ParseScheduleJSON] (rates as "0.60%", periods as
// "T+1"); [NewCalculatorVersions] takes several versions and quotes each
// payment with the one in force at its instant; [Select] picks one version.
//
// # Where the seed differs from the live platform
//
// The seed's figures are the defaults. Public sources (see the project's
// reference notes) show a different live platform, and the same types
// express it:
//
//   - WeChat Pay's standard rate is 0.6% and depends on the merchant's
//     industry (settlement rule), not on the product; no public source has
//     the 1.2% jewellery/luxury rate. The Channels store publishes its
//     per-category technical service fee in basis points
//     (transactionfee_info.basis_point): load it into [Terms.Rates].
//   - International cards: no WeChat source has "3.5% + 0.30 USD, D+7".
//     What is documented is a buyer-paid 3% service fee on a single payment
//     over ¥200, while the merchant pays its normal rate: a [Surcharge] with
//     [PayerBuyer] and OverFen 20000.
//   - Installments: no source has "0.6% + 0.1% per period". WeChat 分付
//     offers 3, 6 or 12 periods, buyer-paid (subsidy_percent 0) or
//     merchant-subsidised interest-free (subsidy_percent 100), with rates
//     not published: an [InstallmentPlan] with a flat Rate and a [Payer].
//   - Settlement: T+1 for the common settlement rules; whether domestic T+1
//     counts business days is not documented (the cross-border guide counts
//     calendar days), hence natural days by default and [WithCalendar].
//
// # Rounding
//
// Each fee line ([Line]) is rounded to the fen on its own, as bills show
// them: WeChat Pay rounds each order's fee to the nearest fen (6.00 at 0.60%
// → 0.04; 0.01 at 1% → 0.00; 0.83 at 0.6% → 0.00 but 0.84 → 0.01). The
// default mode is half-up (四舍五入, [vcart.HalfUp]); [WithRounding] picks
// another. What WeChat does on an exact half fen is undocumented, so quotes
// flag such lines ([Line.Tie]) and reconciliation reports them as
// rounding-sensitive. Computation runs on int64 fen with rates in millionths
// ([Rate]), exactly; a [Quote] holds fen and its methods ([Quote.Gross],
// [Quote.Net], [Line.Amount] …) return them as [vcart.Fen]. A WeChat Pay
// quote costs one allocation (its fee lines); an international card quote
// costs two (the lines and its [FXUsed] record), and so does an installment
// quote (the lines and its per-period amounts). [Calculator.ExpectedFee],
// the hook for an order's fee figures, costs none.
//
// The seed's fixed fee is converted with an [FXRate] the caller supplies;
// the quote records the rate, its source and the rounding ([FXUsed]).
// Installment amounts per period are split with [SplitFen]: the remainder
// fen go to the earliest periods, as banks do, rather than to the last line
// as the project's style rule says for other splits; the parts sum to the
// whole.
//
// # Refunds
//
// [Calculator.Refunds] follows WeChat Pay: the fee returned is the refunded
// amount × rate, rounded per refund with the quote's own rounding mode
// ([Quote.Rounding]), not the refunding calculator's. A series of partial refunds can return
// a fen less (or more) than one refund of the same total; the quote reports
// that drift ([RefundQuote.DriftFen]) and never returns more fee than was
// charged. Fixed fees are not returned.
//
// # Settlement
//
// [SettlementDate] counts T+n and D+n from the payment instant's date in
// Asia/Shanghai: natural days by default. With a caller-supplied
// [Calendar] ([WithCalendar]), T is the payment's business day (the
// payment date if it is a business day, else the next business day) and
// T+n is the n-th business day after T: a Friday payment settles T+1 on
// Monday, a Saturday payment T+0 on Monday and T+1 on Tuesday. D+n always
// counts natural days, calendar or not (the seed's D+7 for international
// cards). No holiday list is built in.
//
// # Reconciliation
//
// [NewBillReader] streams a WeChat Pay trade bill (交易账单: ALL, SUCCESS or
// REFUND; plain or gzip; BOM, CRLF, backtick-prefixed fields, summary rows)
// in memory bounded by [MaxBillLine]. [Calculator.Reconcile] checks each
// row's 手续费 against the schedule (matched, mismatched, rounding-sensitive,
// not covered) and the totals against the summary row, keeping counters
// and a bounded list of exceptions. [Report.String] renders it for a person.
//
// # Errors
//
// Invalid schedules and quote requests return a *[vcart.ValidationError]
// listing every problem, each naming its field and rule; quote errors also
// match [ErrUnknownMethod] or [ErrFX] where relevant, refund errors
// [ErrRefund], and a schedule document that is not JSON [ErrScheduleJSON]. A malformed bill returns a *[BillError] with the line and
// column, wrapping a sentinel such as [ErrBillColumns], [ErrBillAmount],
// [ErrBadRate] or [ErrBillTruncated]; the rows read before it were already
// delivered and counted. Nothing panics on bad input.
//
// # Concurrency
//
// A [Calculator] is immutable and safe for concurrent use. A [BillReader]
// is not; use one per bill.
package fees
