// Package vcart is the pure domain core of the WeChat Channels store
// (视频号小店, now 微信小店) SDK. It implements seed §一 账号资质 (account and
// store qualifications): store subjects and their documents, the validators
// for licence, identity and bank numbers, deposits and product caps, and an
// eligibility check that lists every unmet requirement at once.
//
// It also holds the vocabulary the other packages share: [Fen] and [Money]
// (exact, never float64), [Shanghai], [RoundingMode], [Category], [StoreType], [Severity],
// [Document], identifier types and [ValidationError].
//
// The package is pure: it never reads the clock, the network or the
// environment. Functions that depend on time take the instant as an argument.
//
// # Time zone
//
// [Shanghai] is the SDK's one time zone (Asia/Shanghai, 北京时间, a fixed
// UTC+8): every package counts days, weeks and months in it.
//
// # Eligibility
//
// [Checker.Check] (or the one-off [CheckEligibility]) takes an [Applicant]
// and an instant and returns a [Report]: every [Finding] at once, each with
// a stable code, the applicant field, a [Severity] (block or warn), an
// English message and the Chinese rule name, sorted blocks first, then by
// field and code; and what comes next: the deposit due ([DepositQuote]), the
// [ProductCap], the documents still missing and the verifications still
// pending. [Report.WriteText] prints it for people. The check covers:
//
//   - the WeChat account (微信实名认证 and no violation record block, a
//     missing or unbound 微信小商店 blocks, no 视频号认证 only warns);
//   - the store type: unknown or not open (个人店) blocks;
//   - each document: number format and check characters, validity at the
//     instant (ValidTo exclusive, 长期有效 honoured, expiring within
//     [SubjectRules.ExpiryNotice] warns), holder names against
//     [Applicant.SubjectName] and [Applicant.Representative] (a blank
//     subject name blocks for 企业店 and 个体店, and the checks then fall
//     back to the licence and ID card holders). A finding on a submitted
//     document names it by its index: documents[2].number; a missing
//     document by its kind: documents.legal_rep_id;
//   - the subject's required documents and verifications: face recognition
//     (人脸识别) and bank card verification (银行卡验证) for 个体店, whose card
//     may be the operator's (对私) or the subject's (对公); a 企业店 settles
//     to a corporate account in its own name;
//   - brand authorisation (品牌授权) for 企业店: an own brand with its
//     trademark certificate, or a chain brand owner → authorisers → store
//     whose links connect and are in force;
//   - category documents (food SC licence, cosmetics filing, 3C), as
//     warnings.
//
// # Rule table
//
// The figures live in [SubjectRules], versioned and with an effective date;
// [SeedSubjectRules] returns a fresh copy of the seed's table (企业店 from
// ¥20,000 with no product cap, 个体店 from ¥5,000 with 1,000 products,
// 个人店 not open). A caller replaces it with its own table, validated by
// [SubjectRules.Validate] and [NewChecker]. The live platform's shape fits
// the same types: a per-category deposit read from the category API goes
// into [PlatformCategory.Deposit] (or [SubjectRules.CategoryDeposits]) and
// [SubjectRules.Deposit] takes the highest applicable amount; a dynamic
// quota is [CapDynamic].
//
// # Validators
//
// [ValidateUSCC] (统一社会信用代码, GB 32100 with the embedded GB 11714
// organisation code), [ValidateRegistrationNumber] (the legacy 15-digit
// 注册号, a warning), [ValidateLicenceNumber] (either), [ValidateResidentID]
// (GB 11643: province code, real birth date not after the instant, MOD 11-2,
// a lower-case x accepted) and [ValidateBankCard] (Luhn; a failure is a
// warning) each return a [Check] by value without allocating. Empty input,
// surrounding spaces, full-width (全角) characters and wrong lengths get
// their own codes; nothing is trimmed or converted silently. The check
// character functions [USCCCheckChar], [OrgCodeCheckChar],
// [ResidentIDCheckChar] and [LuhnValid] are exported for reuse.
// Only the province part of an area code is checked; the GB/T 2260 county
// table changes every year and is not embedded. Residence permits of Hong
// Kong, Macao and Taiwan residents (81, 82, 83) pass; passports and foreign
// permanent-residence cards are not GB 11643 numbers and are rejected, so
// a foreign legal representative cannot yet be expressed.
//
// # Finding codes
//
// Codes are stable; messages may change. Validators ([Check.Code]):
//
//   - every number: uscc.*, registration_number.*, resident_id.* and
//     bank_card.* with .empty, .whitespace, .fullwidth, .length, .charset
//   - uscc.lowercase, uscc.authority, uscc.area (block); uscc.check_char,
//     uscc.org_check_char (warn)
//   - registration_number.legacy (warn)
//   - resident_id.legacy_15, resident_id.area, resident_id.birth_date,
//     resident_id.birth_future, resident_id.check_char (block)
//   - bank_card.luhn (warn)
//
// Eligibility ([Finding.Code]):
//
//   - rules.invalid (block), rules.not_effective (warn)
//   - account.real_name, account.violations, account.violations_invalid,
//     account.mini_shop, account.mini_shop_unbound (block);
//     account.channels_certification, account.certification_invalid (warn)
//   - store_type.unknown, store_type.not_open (block)
//   - document.missing, document.kind_empty, document.holder_mismatch,
//     document.expired, document.not_yet_valid, document.validity_range
//     (block); document.validity_unknown, document.expiring,
//     document.subject_mismatch (warn)
//   - subject.name_missing (block)
//   - face.missing, face.pending, face.failed, face.status_invalid,
//     face.id_mismatch, face.future (block)
//   - bank_card.missing, bank_card.holder_missing, bank_card.holder_mismatch,
//     bank_card.unverified (block)
//   - brand.name_empty, brand.owner_empty, brand.owner_mismatch,
//     brand.trademark_kind, brand.trademark_holder, brand.chain_missing,
//     brand.chain_start, brand.chain_broken, brand.chain_end,
//     brand.chain_grantee_empty, brand.letter_missing, brand.letter_kind
//     (block); brand.trademark_missing (warn); brand.not_applicable (info)
//   - category.document_missing (warn)
//
// # Divergence from the live platform
//
// The seed's figures are the defaults. Public sources on the live platform
// (微信小店, 2024–2026) differ:
//
//   - Deposits: no flat per-subject deposit (¥20,000 / ¥5,000) was found; the
//     platform sets the deposit per category (getcategoryrule rule_id=1,
//     getcategorydetail.attr.deposit, in fen). How several categories
//     combine is not published; the SDK takes the highest.
//   - Product cap: no fixed cap per subject (1,000 for 个体店); the quota
//     adjusts with operating data and is read from getauditquota
//     ([CapDynamic]).
//   - 个人店: the current API's subject_type knows only 企业 and 个体工商户;
//     individuals sell as creators (带货达人, 橱窗) instead.
//   - 个体店 documents: the live platform requires a business licence of an
//     个体工商户 too; the seed asks only for the ID card. Add
//     [DocBusinessLicence] to the subject's RequiredDocuments to follow it.
//   - Brand authorisation: the live platform does not require it of an
//     ordinary 企业店 (only for brand-gated categories and flagship stores);
//     the seed does.
//   - Face recognition: not exposed by any platform API; the caller reports
//     its result in [FaceVerification].
//   - 视频号认证: not a condition for the shopping cart; it stays a warning.
//
// # Money
//
// One story across the SDK:
//
//   - On the wire every amount is an integer number of fen (分) of CNY, and
//     wire structs (shopapi) keep int64 fields named after the API's field,
//     as do fees' calculation records (fields ending in Fen, with accessors
//     that return [Fen]).
//   - [Fen] is the everyday amount: a price, a deposit, a compensation, an
//     order's amount in a KPI report.
//     vcart.Fen(x) converts a wire field in one step; its arithmetic is Go's
//     own and cannot fail; it prints as "¥39.90" ([Fen.String]) and
//     [ParseFen] reads that back.
//   - [Money] is a decimal amount with a currency, for what is not a whole
//     fen of CNY: a rate applied before rounding, a bill's 0.001-fen fee, a
//     USD fixed fee. [Fen.Money] (or [FromFen]) and [Money.Fen] convert
//     exactly; Money.Fen fails with [ErrSubFen] instead of rounding, and
//     [Money.RoundFen] rounds with a named [RoundingMode], half-up (四舍五入)
//     by default. Its Add, Sub and Cmp check the currency and return
//     [ErrCurrencyMismatch]: the one checked path, for mixed currencies.
//
// Nothing here reads or writes shopspring/decimal's package globals.
//
// # Errors
//
// Bad input is reported as a [*ValidationError] holding every
// [FieldError] at once, sorted by field. Each FieldError names the field and
// a stable code, and matches [ErrInvalid] with errors.Is. An invalid rule
// table matches [ErrBadRules]; an unknown store type passed to
// [SubjectRules.Deposit] matches [ErrUnknownStoreType]. Eligibility verdicts
// are values, not errors: [Checker.Check] never fails and never panics.
//
// # Concurrency
//
// Values are immutable once built. A [*Checker] holds a private copy of its
// rules and is safe for concurrent use; validators are pure functions.
package vcart
