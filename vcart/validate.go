package vcart

import (
	"time"
	"unicode/utf8"
)

// Check is the verdict of one validator on one input: whether it passed, and
// if not, how serious the problem is, a stable code, an English message and
// the Chinese name of the rule it breaks. Validators return the first (most
// basic) problem they find; they never allocate and never panic.
//
// OK is true only when nothing at all was found. A problem that the
// platform tolerates (a bank card failing Luhn, a legacy 15-digit
// registration number) has OK false and Severity [Warn]; a problem that the
// platform refuses has Severity [Block].
type Check struct {
	OK       bool
	Severity Severity // Info when OK
	Code     string   // stable machine code, e.g. "uscc.check_char"
	Msg      string   // English message
	Rule     string   // the Chinese rule name, e.g. "统一社会信用代码校验码 (GB 32100)"
}

// Blocks reports whether the problem found stops the operation.
func (c Check) Blocks() bool { return !c.OK && c.Severity >= Block }

// Err returns nil when c is OK, and otherwise a *[FieldError] naming field,
// which matches [ErrInvalid]. A warning is returned as an error too; use
// [Check.Blocks] to tell them apart.
func (c Check) Err(field string) error {
	if c.OK {
		return nil
	}
	return &FieldError{Field: field, Code: c.Code, Msg: c.Msg}
}

// Finding converts a failed check into a [Finding] on field. It returns the
// zero Finding when c is OK.
func (c Check) Finding(field string) Finding {
	if c.OK {
		return Finding{}
	}
	return Finding{Code: c.Code, Field: field, Severity: c.Severity, Message: c.Msg, Rule: c.Rule}
}

// passed is the verdict of a clean input.
var passed = Check{OK: true, Severity: Info}

// formatChecks holds a validator's verdicts for the common format problems,
// prebuilt so that a failing validation allocates nothing either.
type formatChecks struct {
	empty, space, wide, length, charset Check
}

func newFormatChecks(prefix, what, rule, length, charset string) formatChecks {
	mk := func(code, msg string) Check {
		return Check{Severity: Block, Code: prefix + "." + code, Msg: msg, Rule: rule}
	}
	return formatChecks{
		empty:   mk("empty", what+" is empty"),
		space:   mk("whitespace", what+" has surrounding spaces; send it trimmed"),
		wide:    mk("fullwidth", what+" contains full-width (全角) characters; use ASCII digits and letters"),
		length:  mk("length", what+" must be "+length),
		charset: mk("charset", what+" "+charset),
	}
}

// precheck reports the problems every number shares: empty, surrounding
// spaces, full-width characters and wrong length.
func (fc *formatChecks) precheck(s string, okLen func(int) bool) (Check, bool) {
	if s == "" {
		return fc.empty, false
	}
	if isSpaceAt(s, 0) || isSpaceBefore(s, len(s)) {
		return fc.space, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if (r >= 0xFF01 && r <= 0xFF5E) || r == 0x3000 {
				return fc.wide, false
			}
			return fc.charset, false
		}
	}
	if !okLen(len(s)) {
		return fc.length, false
	}
	return passed, true
}

func isSpaceAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == 0x3000 || r == 0xA0
}

func isSpaceBefore(s string, end int) bool {
	if end == 0 {
		return false
	}
	switch s[end-1] {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:end])
	return r == 0x3000 || r == 0xA0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ---- Unified social credit code (统一社会信用代码, GB 32100-2015) ----

// usccAlphabet is GB 32100's 31-symbol set: digits and upper-case letters
// without I, O, S, V and Z. A character's value is its index.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^(i-1) mod 31 for positions 1–17.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccValue maps an ASCII byte to its value in [usccAlphabet], or -1.
var usccValue = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := 0; i < len(usccAlphabet); i++ {
		v[usccAlphabet[i]] = int8(i)
	}
	return v
}()

// USCCCheckChar returns the GB 32100 check character for the first 17
// characters of a unified social credit code. ok is false when first17 is
// not exactly 17 characters of the code's alphabet
// (0-9 and A-Y without I, O, S, V, Z; upper case).
func USCCCheckChar(first17 string) (check byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := usccValue[first17[i]]
		if v < 0 {
			return 0, false
		}
		sum += int(v) * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], true
}

// orgCodeWeights are GB 11714-1997's weights for the 8 body characters of an
// organisation code (组织机构代码).
var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// OrgCodeCheckChar returns the GB 11714-1997 check character for the 8 body
// characters of an organisation code (组织机构代码), the code embedded in
// positions 9–17 of a unified social credit code. Digits count their value
// and upper-case letters A=10 … Z=35 (a different mapping from GB 32100's).
// The check is 11 − (Σ mod 11), written "X" for 10 and "0" for 11. ok is
// false unless first8 is 8 digits or upper-case ASCII letters.
func OrgCodeCheckChar(first8 string) (check byte, ok bool) {
	if len(first8) != 8 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		c := first8[i]
		var v int
		switch {
		case isDigit(c):
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return 0, false
		}
		sum += v * orgCodeWeights[i]
	}
	switch r := 11 - sum%11; r {
	case 10:
		return 'X', true
	case 11:
		return '0', true
	default:
		return byte('0' + r), true
	}
}

const ruleUSCC = "统一社会信用代码 (GB 32100)"

var (
	usccFormat = newFormatChecks("uscc", "unified social credit code", ruleUSCC,
		"18 characters", "may only contain 0-9 and upper-case A-Y without I, O, S, V, Z")
	usccLower = Check{Severity: Block, Code: "uscc.lowercase", Rule: ruleUSCC,
		Msg: "unified social credit code must be upper case"}
	usccAuthority = Check{Severity: Block, Code: "uscc.authority", Rule: ruleUSCC,
		Msg: "unified social credit code: position 1 is not a registration authority (1-9, A, N, Y)"}
	usccArea = Check{Severity: Block, Code: "uscc.area", Rule: ruleUSCC,
		Msg: "unified social credit code: positions 3-8 must be a 6-digit area code (GB/T 2260)"}
	usccCheckChar = Check{Severity: Warn, Code: "uscc.check_char", Rule: ruleUSCC + " 校验码",
		Msg: "unified social credit code: check character (position 18) does not match; check for a typo"}
	usccOrgCheck = Check{Severity: Warn, Code: "uscc.org_check_char", Rule: "组织机构代码校验码 (GB 11714)",
		Msg: "unified social credit code: embedded organisation code check (position 17) does not match"}
)

// ValidateUSCC validates an 18-character unified social credit code
// (统一社会信用代码, GB 32100-2015), as printed on a business licence.
//
// Format problems block: empty, surrounding spaces, full-width characters,
// wrong length, lower case, characters outside the code's alphabet, a
// position 1 that is no registration authority, non-digits in the area code
// (positions 3–8). A wrong check character (position 18, GB 32100) or a
// wrong embedded organisation-code check (position 17, GB 11714) is a
// warning: typos are the usual cause, but a few genuine codes fail them.
// The area code is checked for form only; no GB/T 2260 table is embedded.
func ValidateUSCC(s string) Check {
	if c, ok := usccFormat.precheck(s, func(n int) bool { return n == 18 }); !ok {
		return c
	}
	for i := 0; i < 18; i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			return usccLower
		}
		if usccValue[c] < 0 {
			return usccFormat.charset
		}
	}
	switch s[0] {
	case '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y':
	default:
		return usccAuthority
	}
	for i := 2; i < 8; i++ {
		if !isDigit(s[i]) {
			return usccArea
		}
	}
	if want, _ := USCCCheckChar(s[:17]); want != s[17] {
		return usccCheckChar
	}
	if want, _ := OrgCodeCheckChar(s[8:16]); want != s[16] {
		return usccOrgCheck
	}
	return passed
}

// ---- Legacy 15-digit registration number (注册号) ----

const ruleRegNo = "营业执照注册号 (15位, 旧版)"

var (
	regNoFormat = newFormatChecks("registration_number", "registration number", ruleRegNo,
		"15 digits", "may only contain the digits 0-9")
	regNoLegacy = Check{Severity: Warn, Code: "registration_number.legacy", Rule: ruleRegNo,
		Msg: "legacy 15-digit registration number (注册号): accepted, but ask for the 18-character unified social credit code"}
)

// ValidateRegistrationNumber validates a legacy 15-digit business
// registration number (注册号), which licences issued before the unified
// social credit code (2015–2017) carry and which the platform still accepts.
// A well-formed number is reported as a warning ("registration_number.legacy"),
// never as OK; format problems block. The number's own ISO 7064 check digit
// is not verified.
func ValidateRegistrationNumber(s string) Check {
	if c, ok := regNoFormat.precheck(s, func(n int) bool { return n == 15 }); !ok {
		return c
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return regNoFormat.charset
		}
	}
	return regNoLegacy
}

// ValidateLicenceNumber validates the number on a business licence
// (营业执照): an 15-digit legacy registration number is checked with
// [ValidateRegistrationNumber], anything else with [ValidateUSCC].
func ValidateLicenceNumber(s string) Check {
	if len(s) == 15 {
		allDigits := true
		for i := 0; i < len(s); i++ {
			if !isDigit(s[i]) {
				allDigits = false
				break
			}
		}
		if allDigits {
			return ValidateRegistrationNumber(s)
		}
	}
	return ValidateUSCC(s)
}

// ---- Resident identity card number (公民身份号码, GB 11643-1999) ----

// residentIDWeights are 2^(17-i) mod 11 for positions 1–17.
var residentIDWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const residentIDChecks = "10X98765432"

// ResidentIDCheckChar returns the GB 11643 (ISO 7064 MOD 11-2) check
// character for the first 17 digits of a resident ID number: '0'–'9' or an
// upper-case 'X'. ok is false unless first17 is exactly 17 ASCII digits.
func ResidentIDCheckChar(first17 string) (check byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if !isDigit(c) {
			return 0, false
		}
		sum += int(c-'0') * residentIDWeights[i]
	}
	return residentIDChecks[sum%11], true
}

const ruleResidentID = "公民身份号码 (GB 11643)"

var (
	residentIDFormat = newFormatChecks("resident_id", "resident ID number", ruleResidentID,
		"18 characters", "must be 17 digits followed by a digit or X")
	residentIDLegacy = Check{Severity: Block, Code: "resident_id.legacy_15", Rule: ruleResidentID,
		Msg: "15-digit first-generation ID numbers are no longer valid; use the 18-digit number"}
	residentIDArea = Check{Severity: Block, Code: "resident_id.area", Rule: ruleResidentID + " 地址码",
		Msg: "resident ID number: positions 1-2 are not a province code (GB/T 2260)"}
	residentIDBirth = Check{Severity: Block, Code: "resident_id.birth_date", Rule: ruleResidentID + " 出生日期码",
		Msg: "resident ID number: positions 7-14 are not a real birth date (YYYYMMDD, 1800 or later)"}
	residentIDFuture = Check{Severity: Block, Code: "resident_id.birth_future", Rule: ruleResidentID + " 出生日期码",
		Msg: "resident ID number: the birth date is after the date of the check"}
	residentIDCheck = Check{Severity: Block, Code: "resident_id.check_char", Rule: ruleResidentID + " 校验码",
		Msg: "resident ID number: check character (position 18, MOD 11-2) does not match"}
)

// provinceCode reports whether the first two digits of an ID are a GB/T 2260
// province-level code (including 71 Taiwan, 81 Hong Kong, 82 Macao and 83
// for residence permits of Taiwan residents).
func provinceCode(a, b byte) bool {
	switch a {
	case '1':
		return b >= '1' && b <= '5'
	case '2':
		return b >= '1' && b <= '3'
	case '3':
		return b >= '1' && b <= '7'
	case '4':
		return b >= '1' && b <= '6'
	case '5':
		return b >= '0' && b <= '4'
	case '6':
		return b >= '1' && b <= '5'
	case '7':
		return b == '1'
	case '8':
		return b >= '1' && b <= '3'
	}
	return false
}

// ValidateResidentID validates an 18-character resident identity card number
// (居民身份证号码, GB 11643-1999) at the instant at.
//
// Every problem blocks: empty, surrounding spaces, full-width characters,
// wrong length (a 15-digit first-generation number gets its own code),
// anything but 17 digits and a final digit or X (a lower-case x is
// accepted), positions 1–2 that are not a province-level code, a birth date
// (positions 7–14) that is not a real calendar date from 1800 on, a birth
// date after at (in China Standard Time; a zero at skips this rule), and a
// wrong MOD 11-2 check character. Only the province part of the area code is
// checked: the full GB/T 2260 county table changes yearly and is not
// embedded.
func ValidateResidentID(s string, at time.Time) Check {
	if c, ok := residentIDFormat.precheck(s, func(n int) bool { return n == 18 || n == 15 }); !ok {
		return c
	}
	if len(s) == 15 {
		for i := 0; i < 15; i++ {
			if !isDigit(s[i]) {
				return residentIDFormat.length
			}
		}
		return residentIDLegacy
	}
	for i := 0; i < 17; i++ {
		if !isDigit(s[i]) {
			return residentIDFormat.charset
		}
	}
	last := s[17]
	if last == 'x' {
		last = 'X'
	}
	if !isDigit(last) && last != 'X' {
		return residentIDFormat.charset
	}
	if !provinceCode(s[0], s[1]) {
		return residentIDArea
	}
	y := atoi(s[6:10])
	m := atoi(s[10:12])
	d := atoi(s[12:14])
	if y < 1800 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return residentIDBirth
	}
	if !at.IsZero() && time.Date(y, time.Month(m), d, 0, 0, 0, 0, shanghai).After(at) {
		return residentIDFuture
	}
	if want, _ := ResidentIDCheckChar(s[:17]); want != last {
		return residentIDCheck
	}
	return passed
}

// atoi converts a short run of ASCII digits already known to be digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(m time.Month, year int) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// ---- Bank card (银行卡, Luhn) ----

// LuhnValid reports whether s is a non-empty run of ASCII digits whose Luhn
// (ISO/IEC 7812-1) checksum is zero.
func LuhnValid(s string) bool {
	if s == "" {
		return false
	}
	sum := 0
	double := false
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if !isDigit(c) {
			return false
		}
		d := int(c - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

const ruleBankCard = "银行卡号 (Luhn)"

// Bank card number lengths accepted by [ValidateBankCard].
const (
	BankCardMinLen = 12
	BankCardMaxLen = 19
)

var (
	bankCardFormat = newFormatChecks("bank_card", "bank card number", ruleBankCard,
		"12 to 19 digits", "may only contain the digits 0-9, without spaces")
	bankCardLuhn = Check{Severity: Warn, Code: "bank_card.luhn", Rule: ruleBankCard,
		Msg: "bank card number fails the Luhn check; some domestic cards do, so confirm it with the bank card verification"}
)

// ValidateBankCard validates a bank card number (银行卡号): 12 to 19 ASCII
// digits without spaces (format problems block). A failed Luhn check is a
// warning, because not every domestic card carries a Luhn check digit.
func ValidateBankCard(s string) Check {
	// Characters before length: a card written in groups ("6228 4804 …")
	// is better told to drop its spaces than that it is too long.
	if c, ok := bankCardFormat.precheck(s, func(int) bool { return true }); !ok {
		return c
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return bankCardFormat.charset
		}
	}
	if len(s) < BankCardMinLen || len(s) > BankCardMaxLen {
		return bankCardFormat.length
	}
	if !LuhnValid(s) {
		return bankCardLuhn
	}
	return passed
}
