package review

import (
	"strings"
	"unicode/utf8"
)

// SCCheck is the outcome of [CheckSC].
type SCCheck int

// SC number check outcomes.
const (
	SCValid       SCCheck = iota // format and check digit correct
	SCBadFormat                  // not "SC" + 14 digits with a known category code
	SCBadCheckSum                // format correct, ISO 7064 MOD 11,10 check digit wrong
)

// CheckSC checks a food production licence number (食品生产许可证编号):
// "SC", a food (1) or additive (2) flag, a two-digit category (01–31 for
// food, 01–03 for additives), the six-digit county code, a four-digit
// sequence and an ISO 7064 MOD 11,10 check digit (review-rules §2.1; the
// check algorithm is inferred from real numbers, so a failure is a warning).
// Spaces are ignored and "sc" is accepted in lower case.
func CheckSC(s string) SCCheck {
	s = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if len(s) != 16 || s[:2] != "SC" {
		return SCBadFormat
	}
	d := s[2:]
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return SCBadFormat
		}
	}
	cat := int(d[1]-'0')*10 + int(d[2]-'0')
	switch d[0] {
	case '1':
		if cat < 1 || cat > 31 {
			return SCBadFormat
		}
	case '2':
		if cat < 1 || cat > 3 {
			return SCBadFormat
		}
	default:
		return SCBadFormat
	}
	if mod1110(d[:13]) != int(d[13]-'0') {
		return SCBadCheckSum
	}
	return SCValid
}

// mod1110 returns the ISO 7064 MOD 11,10 check digit of a digit string.
func mod1110(body string) int {
	p := 10
	for i := 0; i < len(body); i++ {
		s := (p + int(body[i]-'0')) % 10
		if s == 0 {
			s = 10
		}
		p = (2 * s) % 11
	}
	return (11 - p) % 10
}

// IsQS reports whether s has the format of the old QS mark number ("QS" and
// 12 digits, spaces allowed). The QS mark was replaced by SC on 2015-10-01
// and packaging bearing it could be used until 2018-09-30.
func IsQS(s string) bool {
	s = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if len(s) != 14 || s[:2] != "QS" {
		return false
	}
	return allDigits(s[2:])
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// CosmeticsKind classifies a cosmetics registration or filing number.
type CosmeticsKind int

// Cosmetics number kinds (review-rules §2.3).
const (
	CosmeticsUnknown           CosmeticsKind = iota // not a recognised format
	CosmeticsSpecial                                // 国妆特字 (domestic special-use registration)
	CosmeticsSpecialImported                        // 国妆特进字
	CosmeticsGeneral                                // 省 + G妆网备字 (domestic general filing)
	CosmeticsGeneralImported                        // 国妆网备进字 / 国妆备进字
	CosmeticsProductionLicence                      // 省 + 妆 + year + 4 digits: a factory licence, not a product number
)

// Special reports whether the number is a special-use registration (特殊化妆品).
func (k CosmeticsKind) Special() bool {
	return k == CosmeticsSpecial || k == CosmeticsSpecialImported
}

// String returns the Chinese name of the kind.
func (k CosmeticsKind) String() string {
	switch k {
	case CosmeticsSpecial:
		return "国产特殊化妆品注册证(国妆特字)"
	case CosmeticsSpecialImported:
		return "进口特殊化妆品注册证(国妆特进字)"
	case CosmeticsGeneral:
		return "国产普通化妆品备案(G妆网备字)"
	case CosmeticsGeneralImported:
		return "进口普通化妆品备案(国妆网备进字)"
	case CosmeticsProductionLicence:
		return "化妆品生产许可证"
	}
	return "无法识别"
}

const provinceAbbrevs = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新"

func isProvince(r rune) bool { return strings.ContainsRune(provinceAbbrevs, r) }

// yearDigits reports whether s starts with "19" or "20" and two more digits.
func yearDigits(s string) bool {
	return len(s) >= 4 && (s[:2] == "20" || s[:2] == "19") && allDigits(s[:4])
}

// ClassifyCosmetics classifies a cosmetics number by its format. Full- and
// half-width brackets are both accepted; no cosmetics number has a check
// digit.
func ClassifyCosmetics(s string) CosmeticsKind {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "（", "("), "）", ")") // no allocation without them
	switch {
	case strings.HasPrefix(s, "国妆特字G"):
		if t := s[len("国妆特字G"):]; len(t) == 8 && yearDigits(t) && allDigits(t) {
			return CosmeticsSpecial
		}
	case strings.HasPrefix(s, "国妆特字"):
		if t := s[len("国妆特字"):]; len(t) >= 8 && len(t) <= 10 && t[:2] == "20" && allDigits(t) {
			return CosmeticsSpecial
		}
	case strings.HasPrefix(s, "国妆特进字"):
		t := strings.TrimPrefix(s[len("国妆特进字"):], "J")
		if len(t) >= 8 && len(t) <= 10 && t[:2] == "20" && allDigits(t) {
			return CosmeticsSpecialImported
		}
	case strings.HasPrefix(s, "国妆网备进字("):
		t := s[len("国妆网备进字("):]
		r, n := utf8.DecodeRuneInString(t)
		if isProvince(r) && strings.HasPrefix(t[n:], ")") {
			if d := t[n+1:]; len(d) == 10 && d[:2] == "20" && allDigits(d) {
				return CosmeticsGeneralImported
			}
		}
	case strings.HasPrefix(s, "国妆备进字"):
		t := strings.TrimPrefix(s[len("国妆备进字"):], "J")
		if len(t) >= 8 && len(t) <= 10 && allDigits(t) {
			return CosmeticsGeneralImported
		}
	default:
		r, n := utf8.DecodeRuneInString(s)
		if !isProvince(r) {
			return CosmeticsUnknown
		}
		t := s[n:]
		if d, ok := strings.CutPrefix(t, "G妆网备字"); ok && len(d) == 10 && d[:2] == "20" && allDigits(d) {
			return CosmeticsGeneral
		}
		if d, ok := strings.CutPrefix(t, "妆"); ok && len(d) == 8 && d[:2] == "20" && allDigits(d) {
			return CosmeticsProductionLicence
		}
	}
	return CosmeticsUnknown
}

// CCCCheck is the outcome of [CheckCCC].
type CCCCheck int

// CCC certificate number outcomes.
const (
	CCCValid     CCCCheck = iota // 16 digits starting with a year 2002–now
	CCCLegacy                    // 12 characters: reported legacy format, unverified
	CCCBadFormat                 // anything else
)

// CheckCCC checks a China Compulsory Certification (3C) certificate number:
// 16 digits = year first issued (2002 to year), 2-digit certification
// body, 4-digit product category and 6-digit sequence (review-rules §2.4).
// There is no check digit; validity must be checked with CNCA.
func CheckCCC(s string, year int) CCCCheck {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if len(s) == 12 && isAlnumASCII(s) {
		return CCCLegacy
	}
	if len(s) != 16 || !allDigits(s) {
		return CCCBadFormat
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	if y < 2002 || y > year {
		return CCCBadFormat
	}
	return CCCValid
}

func isAlnumASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return s != ""
}
