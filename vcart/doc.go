// Package vcart is the pure domain core of the WeChat Channels store
// (视频号小店, now 微信小店) SDK. It implements seed §一 账号资质 (account and
// store qualifications): store subjects and their documents, the validators
// for licence, identity and bank numbers, deposits and product caps, and an
// eligibility check that lists every unmet requirement at once.
//
// It also holds the vocabulary the other packages share: [Money] (exact,
// never float64), [RoundingMode], [Category], [StoreType], [Severity],
// identifier types and [ValidationError].
//
// The package is pure: it never reads the clock, the network or the
// environment. Functions that depend on time take the instant as an argument.
//
// # Money
//
// [Money] is a decimal amount with a currency. [FromFen] and [Money.Fen]
// convert exactly to and from the platform's integer fen (分); Fen fails with
// [ErrSubFen] instead of rounding. Rounding is always explicit:
// [Money.Round] takes a [RoundingMode], half-up (四舍五入) by default.
// Nothing here reads or writes shopspring/decimal's package globals.
//
// # Errors
//
// Bad input is reported as a [*ValidationError] holding every
// [FieldError] at once, sorted by field. Each FieldError names the field and
// a stable code, and matches [ErrInvalid] with errors.Is.
package vcart
