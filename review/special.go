package review

import (
	"encoding/binary"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// declares reports whether one of the licence numbers the listing declares
// contains the digits: such a digit run is not personal data.
func declares(l *Listing, digits string) bool {
	has := func(number string) bool {
		return number != "" && strings.Contains(strings.ReplaceAll(number, " ", ""), digits)
	}
	for _, d := range l.Documents {
		if has(d.Number) {
			return true
		}
	}
	if l.Food != nil && (has(l.Food.SCNumber) || has(l.Food.QSNumber)) {
		return true
	}
	return l.Electronics != nil && has(l.Electronics.CCCNumber)
}

// isDigitRune maps a digit to its ASCII form: ASCII and full-width digits
// and the Chinese numerals written digit by digit in phone numbers
// (〇一二三四五六七八九, 零 and 幺 for 1).
func isDigitRune(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r), true
	case r >= '０' && r <= '９':
		return byte(r-'０') + '0', true
	}
	switch r {
	case '〇', '零':
		return '0', true
	case '一', '幺':
		return '1', true
	case '二':
		return '2', true
	case '三':
		return '3', true
	case '四':
		return '4', true
	case '五':
		return '5', true
	case '六':
		return '6', true
	case '七':
		return '7', true
	case '八':
		return '8', true
	case '九':
		return '9', true
	}
	return 0, false
}

func isDigitSep(r rune) bool {
	return r == ' ' || r == '-' || r == 0x00A0 || r == 0x3000 || r == '－'
}

// runDigits lists every rune isDigitRune reads as a digit, and runMembers
// every rune that can be part of a digit run: the digits, the separators
// between digit groups (isDigitSep) and the X that ends a resident ID.
const (
	runDigits  = "0123456789０１２３４５６７８９〇零一二三四五六七八九幺"
	runMembers = runDigits + " -\u00a0\u3000－Xx"
)

// digitBMP and memberBMP mark runDigits and runMembers (all of them in the
// Basic Multilingual Plane), one bit per rune, so that a probe of
// nextRunStart is a table look-up.
var digitBMP, memberBMP = runeSet(runDigits), runeSet(runMembers)

func runeSet(runes string) (t [1 << 16 / 64]uint64) {
	for _, r := range runes {
		t[r>>6] |= 1 << (r & 63)
	}
	return t
}

// isRunDigit is isDigitRune without the digit's value.
func isRunDigit(r rune) bool {
	return uint32(r) < 1<<16 && digitBMP[r>>6]&(1<<(r&63)) != 0
}

// isRunMember reports whether r can be part of a digit run.
func isRunMember(r rune) bool {
	return uint32(r) < 1<<16 && memberBMP[r>>6]&(1<<(r&63)) != 0
}

// memberAt reports whether the byte text[p] lies inside a valid rune that is
// a run member (a byte outside any valid rune is not one: digitRuns decodes
// it as utf8.RuneError). It returns that rune's start s and, when it is not
// a member, an end e > p before which no run can start.
func memberAt(text string, p int) (s, e int, member bool) {
	c := text[p]
	if c < utf8.RuneSelf {
		return p, p + 1, memberBMP[c>>6]&(1<<(c&63)) != 0
	}
	s = p
	if c < 0xC0 { // a continuation byte: members have at most three bytes
		switch {
		case p >= 1 && text[p-1] >= 0xC0:
			s = p - 1
		case p >= 2 && text[p-1] < 0xC0 && text[p-2] >= 0xC0:
			s = p - 2
		default:
			return p, p + 1, false
		}
	}
	var r rune
	switch lead := text[s]; {
	case lead < 0xE0 && s+1 < len(text) && s+1 >= p && text[s+1]&0xC0 == 0x80:
		r, e = rune(lead&0x1F)<<6|rune(text[s+1]&0x3F), s+2
		if r < 0x80 {
			return s, p + 1, false // overlong
		}
	case lead >= 0xE0 && lead < 0xF0 && s+2 < len(text) && text[s+1]&0xC0 == 0x80 && text[s+2]&0xC0 == 0x80:
		r, e = rune(lead&0x0F)<<12|rune(text[s+1]&0x3F)<<6|rune(text[s+2]&0x3F), s+3
		if r < 0x800 || r >= 0xD800 && r < 0xE000 {
			return s, p + 1, false // overlong or a surrogate
		}
	default:
		return s, p + 1, false // four bytes (no member) or not UTF-8
	}
	return s, e, isRunMember(r)
}

// minDigitRun is the shortest run digitRuns reports: every number the rules
// look for (phone, landline, ID, bank card) has at least 10 digits.
const minDigitRun = 10

// digitRun is a run of digits in the original text, with single separators
// between groups allowed (138 1234 5678, 138-1234-5678).
type digitRun struct {
	digits     string
	start, end int
	x          bool // ends in X (resident ID check character)
	afterAlpha bool // directly after an ASCII letter (part of a code like SC…)
	seps       int
}

// nextRunStart returns where digitRuns resumes its left-to-right walk at i:
// the first digit at or after i that may begin a run of minDigitRun digits,
// or len(text) when none can. A run of minDigitRun digits spans at least
// minDigitRun bytes of member runes, so it covers one of the bytes probed
// every minDigitRun bytes; only a probe inside a member rune looks around
// it, over the stretch of members that holds it. Text without digits costs
// one probe per minDigitRun bytes.
//
// digitRuns would start no run between i and the returned position: every
// run lies inside one stretch of members (its X is a member too), and the
// skipped stretches are either not probed, so shorter than minDigitRun
// bytes, or hold no digit.
func nextRunStart(text string, i int) int {
	lo := i // no run starts in [i, lo); a non-member or i itself precedes lo
	for {
		lo = skipProbes(text, lo)
		p := lo + minDigitRun - 1 // a run starting in [lo, p] would cover p
		if p >= len(text) {
			return len(text)
		}
		s, e, ok := memberAt(text, p)
		if !ok {
			lo = e
			continue
		}
		first := -1 // the first digit of the members around p
		if r := firstRune(text[s:]); isRunDigit(r) {
			first = s
		} else if prev, _ := utf8.DecodeLastRuneInString(text[lo:s]); !isRunDigit(prev) ||
			isDigitSep(r) && !isRunDigit(firstRune(text[e:])) {
			// In a run a separator has a digit on each side and an X one
			// before it: a space between words is no run.
			lo = e
			continue
		}
		// Walking back to lo.
		for b := s; b > lo; {
			r, n := rune(text[b-1]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeLastRuneInString(text[lo:b])
			}
			if !isRunMember(r) {
				break
			}
			b -= n
			if isRunDigit(r) {
				first = b
			}
		}
		if first >= 0 {
			return first
		}
		// Only separators up to p: the first digit after it, if the
		// members go on to one.
		b := s
		for b < len(text) {
			r, n := utf8.DecodeRuneInString(text[b:])
			if isRunDigit(r) {
				return b
			}
			if !isRunMember(r) {
				break
			}
			b += n
		}
		lo = b
	}
}

// skipProbes returns the bound lo of nextRunStart after the probes that
// land on what text without digits is mostly made of: an ASCII byte or the
// first byte of a three-byte rune (an ideograph), neither a run member.
// This loop runs once every minDigitRun bytes of every text field of a
// review: it reads the four bytes at the probe at once, without bounds
// checks.
func skipProbes(text string, lo int) int {
	base := unsafe.Pointer(unsafe.StringData(text))
	for p := lo + minDigitRun - 1; p+4 <= len(text); p = lo + minDigitRun - 1 {
		w := binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(base, p))[:])
		switch {
		case w&0x80 == 0:
			if memberBMP[w>>6&1]&(1<<(w&63)) != 0 {
				return lo
			}
			lo = p + 1
		case w&0xC0C0F0 == 0x8080E0: // three bytes, or invalid ones shaped like them (decoded as errors: no digit)
			r := w&0x0F<<12 | w>>2&0x0FC0 | w>>16&0x3F
			if memberBMP[r>>6]&(1<<(r&63)) != 0 {
				return lo
			}
			lo = p + 3
		default:
			return lo
		}
	}
	return lo
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// digitRuns calls fn for every run of at least minDigitRun digits (as
// isDigitRune reads them) in text; offsets are into text.
func digitRuns(text string, fn func(digitRun)) {
	var buf [40]byte
	for i := 0; i < len(text); {
		i = nextRunStart(text, i)
		if i >= len(text) {
			return
		}
		// text[i] begins a digit.
		run := digitRun{start: i}
		if i > 0 {
			p := text[i-1]
			run.afterAlpha = p >= 'A' && p <= 'Z' || p >= 'a' && p <= 'z'
		}
		k := 0
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if d, ok := isDigitRune(r); ok {
				if k < len(buf) {
					buf[k] = d
				}
				k++
				j += n
				run.end = j
				continue
			}
			if isDigitSep(r) && j+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[j+n:]); func() bool { _, ok := isDigitRune(r2); return ok }() {
					run.seps++
					j += n
					continue
				}
			}
			if (r == 'X' || r == 'x') && k == 17 {
				run.x = true
				j += n
				run.end = j
			}
			break
		}
		if k >= minDigitRun && k <= len(buf) {
			run.digits = string(buf[:k])
			fn(run)
		}
		i = max(j, i+1)
	}
}

// residentID reports whether a digit run is a valid resident ID number
// (vcart.ValidateResidentID: area, birth date, MOD 11-2 check character).
func residentID(r digitRun) bool {
	id := r.digits
	if r.x {
		id += "X"
	}
	return vcart.ValidateResidentID(id, time.Time{}).OK
}

// possibleID reports whether a digit run has the shape of a resident ID
// number (area code, birth date) and fails only its check character.
func possibleID(r digitRun) bool {
	id := r.digits
	if r.x {
		id += "X"
	}
	return vcart.ValidateResidentID(id, time.Time{}).Code == "resident_id.check_char"
}

func checkDiversion(c *Check) {
	for _, f := range c.st.fields {
		text := f.Text
		if len(text) < minDigitRun {
			continue // too short for a run (most attributes)
		}
		if len(text) > MaxScanBytes {
			text = text[:MaxScanBytes]
		}
		digitRuns(text, func(r digitRun) { reportDigitRun(c, f.Name, text, r) })
	}
	c.hitsOf(tagDiversion, func(h hit, t tag) {
		d := diversionTriggers[t.idx]
		f := c.st.fields[h.field]
		switch d.channel {
		case "wechat", "qq":
			s, e, ok := diversionAccount(d, f.Text, h.end)
			if !ok {
				return
			}
			code := "content.diversion.wechat_id"
			if d.channel == "qq" {
				code = "content.diversion.qq"
			}
			c.Report(Finding{Code: code, Severity: vcart.Block, Field: f.Name, Start: h.start, End: e, Text: f.Text[h.start:e],
				Message: fmt.Sprintf("%s account %q in public text diverts buyers off the platform (导流)", d.channel, f.Text[s:e])})
		case "qr":
			for _, t2 := range c.r.tags[h.pat] {
				if t2.kind == tagWord {
					return // already reported by the word list
				}
			}
			c.Report(Finding{Code: "content.diversion.qr_lure", Severity: vcart.Warn, Field: f.Name, Start: h.start, End: h.end, Text: c.fieldText(h),
				Message: "QR-code lures (扫码) lead buyers off the platform; remove them from text and images"})
		}
	})
}

// reportDigitRun reports the digit run r of the field's text when it is a
// phone number, a resident ID or a bank card number.
func reportDigitRun(c *Check, field, text string, r digitRun) {
	if r.afterAlpha || declares(c.Listing, r.digits) {
		return
	}
	n := len(r.digits)
	span := text[r.start:r.end]
	switch {
	case n == 11 && r.digits[0] == '1' && r.digits[1] >= '3' && !r.x:
		c.Report(Finding{Code: "content.diversion.phone", Severity: vcart.Block, Field: field, Start: r.start, End: r.end, Text: span,
			Message: "a mobile phone number in public text diverts buyers off the platform (导流)"})
	case (n == 18 || (n == 17 && r.x)) && residentID(r):
		c.Report(Finding{Code: "content.privacy.id_number", Severity: vcart.Block, Field: field, Start: r.start, End: r.end, Text: "[redacted]", Reason: ReasonPrivacy,
			Message: "a resident ID number in public text is personal data; remove it"})
	case n >= 16 && n <= 19 && !r.x && (vcart.LuhnValid(r.digits) || strings.HasPrefix(r.digits, "62")):
		c.Report(Finding{Code: "content.privacy.bank_card", Severity: vcart.Block, Field: field, Start: r.start, End: r.end, Text: "[redacted]", Reason: ReasonPrivacy,
			Message: "a bank card number in public text invites payment outside the platform; remove it"})
	case (n == 18 || (n == 17 && r.x)) && possibleID(r):
		c.Report(Finding{Code: "content.privacy.possible_id_number", Severity: vcart.Warn, Field: field, Start: r.start, End: r.end, Text: "[redacted]", Reason: ReasonPrivacy,
			Message: "an 18-character number shaped like a resident ID (area, birth date) but with a wrong check character; if it is personal data, remove it"})
	case (n == 10 || n == 11 || n == 12) && r.digits[0] == '0' && r.seps > 0 || n == 10 && strings.HasPrefix(r.digits, "400"):
		c.Report(Finding{Code: "content.diversion.phone", Severity: vcart.Warn, Field: field, Start: r.start, End: r.end, Text: span,
			Message: "a landline or hotline number in public text; use the platform's customer service"})
	}
}

// diversionAccount returns the span of the account that follows a WeChat or
// QQ trigger ending at text[end], if there is one.
func diversionAccount(d diversionTrigger, text string, end int) (int, int, bool) {
	if d.channel != "wechat" && d.channel != "qq" {
		return 0, 0, false
	}
	tok, s, e := accountAfter(text, end)
	if tok == "" || (d.channel == "qq" && !allDigits(tok)) || (d.channel == "wechat" && len(tok) < 6) {
		return 0, 0, false
	}
	return s, e, true
}

// accountAfter returns the account token (ASCII letters, digits, _ and -)
// that follows text[i:], after at most a few separators such as "：", "号",
// "是" or spaces.
func accountAfter(text string, i int) (string, int, int) {
	skipped := 0
	for i < len(text) && skipped < 4 {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == ':' || r == '：' || r == ' ' || r == '号' || r == '是' || r == '\u3000' || r == '-' || r == '=' || r == '/' {
			i += n
			skipped++
			continue
		}
		break
	}
	s := i
	for i < len(text) && i-s < 24 {
		c := text[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' {
			i++
			continue
		}
		break
	}
	if i-s < 5 || i-s > 20 {
		return "", 0, 0
	}
	return text[s:i], s, i
}

func docNumber(l *Listing, k vcart.DocumentKind) string {
	for _, d := range l.Documents {
		if d.Kind == k && strings.TrimSpace(d.Number) != "" {
			return strings.TrimSpace(d.Number)
		}
	}
	return ""
}

func checkFoodLicence(c *Check) {
	l := c.Listing
	if l.Category != vcart.CategoryFood {
		return
	}
	sc, qs := "", ""
	if l.Food != nil {
		sc, qs = strings.TrimSpace(l.Food.SCNumber), strings.TrimSpace(l.Food.QSNumber)
	}
	doc := docNumber(l, vcart.DocFoodLicence)
	if sc == "" {
		sc = doc
	}
	if sc == "" {
		if qs != "" || IsQS(doc) {
			c.Report(Finding{Code: "special.food.qs_only", Severity: vcart.Block, Field: "food.qs_number",
				Message: "only a QS number is given; QS was replaced by SC on 2015-10-01 and QS packaging expired on 2018-09-30"})
			return
		}
		c.Report(Finding{Code: "special.food.sc_missing", Severity: vcart.Block, Field: "food.sc_number", Message: "food needs a food production licence number (SC + 14 digits)"})
		return
	}
	switch CheckSC(sc) {
	case SCBadFormat:
		code := "special.food.sc_format"
		msg := fmt.Sprintf("%q is not an SC number (SC + food/additive flag + category 01–31 + county code + sequence + check digit)", sc)
		if IsQS(sc) {
			code = "special.food.qs_only"
			msg = "a QS number is given where the SC number belongs; QS expired on 2018-09-30"
		}
		c.Report(Finding{Code: code, Severity: vcart.Block, Field: "food.sc_number", Message: msg})
	case SCBadCheckSum:
		c.Report(Finding{Code: "special.food.sc_checksum", Severity: vcart.Warn, Field: "food.sc_number",
			Message: fmt.Sprintf("%q fails the ISO 7064 MOD 11,10 check digit; check for a typo", sc)})
	}
	if CheckSC(sc) != SCBadFormat && healthFood(c) && scCategory(sc) != "127" {
		c.Report(Finding{Code: "special.food.sc_category", Severity: vcart.Warn, Field: "food.sc_number",
			Message: fmt.Sprintf("the listing presents health food (保健食品) but %q is not a health-food licence (SC127…)", sc)})
	}
	if doc != "" && l.Food != nil && l.Food.SCNumber != "" && !strings.EqualFold(strings.ReplaceAll(doc, " ", ""), strings.ReplaceAll(l.Food.SCNumber, " ", "")) {
		c.Report(Finding{Code: "special.food.sc_document_mismatch", Severity: vcart.Warn, Field: "food.sc_number",
			Message: "the SC number differs from the number on the uploaded licence"})
	}
}

// scCategory returns the food/additive flag and category digits of an SC
// number ("127" for health food).
func scCategory(sc string) string {
	sc = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(sc), " ", ""))
	return sc[2:5]
}

// healthFood reports whether the title presents the product as health food.
func healthFood(c *Check) bool {
	t := c.Listing.Title
	return strings.Contains(t, "保健食品") || strings.Contains(t, "蓝帽")
}

func checkShelfLife(c *Check) {
	l := c.Listing
	if l.Category != vcart.CategoryFood {
		return
	}
	if l.Food == nil || l.Food.ShelfLifeDays <= 0 {
		c.Report(Finding{Code: "special.food.shelf_life_missing", Severity: vcart.Block, Field: "food.shelf_life_days", Message: "food must state its shelf life (保质期)"})
		return
	}
	f := l.Food
	if f.ProductionDate.IsZero() {
		c.Report(Finding{Code: "special.food.production_date_missing", Severity: vcart.Warn, Field: "food.production_date", Message: "state the production date (生产日期) of the stock on sale"})
		return
	}
	if f.ProductionDate.After(c.At) {
		c.Report(Finding{Code: "special.food.production_date_future", Severity: vcart.Block, Field: "food.production_date",
			Message: fmt.Sprintf("production date %s is after the review date", f.ProductionDate.Format("2006-01-02"))})
		return
	}
	expiry := f.ProductionDate.AddDate(0, 0, f.ShelfLifeDays)
	left := expiry.Sub(c.At)
	switch {
	case left <= 0:
		c.Report(Finding{Code: "special.food.expired", Severity: vcart.Block, Field: "food.production_date",
			Message: fmt.Sprintf("the stock expired on %s", expiry.Format("2006-01-02"))})
	case left < time.Duration(f.ShelfLifeDays)*24*time.Hour/3:
		c.Report(Finding{Code: "special.food.near_expiry", Severity: vcart.Warn, Field: "food.production_date",
			Message: fmt.Sprintf("less than a third of the %d-day shelf life is left (expires %s); label it 临期", f.ShelfLifeDays, expiry.Format("2006-01-02"))})
	}
}

func checkOrigin(c *Check) {
	l := c.Listing
	if l.Category != vcart.CategoryFood {
		return
	}
	origin := ""
	if l.Food != nil {
		origin = l.Food.Origin
	}
	seen := map[int32]bool{}
	c.hitsOf(tagOrigin, func(h hit, t tag) {
		if seen[t.idx] {
			return
		}
		seen[t.idx] = true
		oc := originClaims[t.idx]
		f := c.st.fields[h.field].Name
		switch {
		case strings.TrimSpace(origin) == "":
			c.Report(Finding{Code: "special.food.origin_unproven", Severity: vcart.Warn, Field: f, Start: h.start, End: h.end, Text: c.fieldText(h),
				Message: fmt.Sprintf("the listing claims %q but declares no origin (产地)", oc.claim)})
		case oc.region != "" && !strings.Contains(origin, oc.region):
			c.Report(Finding{Code: "special.food.origin_mismatch", Severity: vcart.Block, Field: f, Start: h.start, End: h.end, Text: c.fieldText(h),
				Message: fmt.Sprintf("the listing claims %q but the declared origin is %q", oc.claim, origin)})
		}
	})
}

func checkCosmetics(c *Check) {
	l := c.Listing
	if l.Category != vcart.CategoryCosmetics {
		return
	}
	num := ""
	if l.Cosmetics != nil {
		num = strings.TrimSpace(l.Cosmetics.Number)
	}
	if num == "" {
		num = docNumber(l, vcart.DocCosmeticsFiling)
	}
	if num == "" {
		c.Report(Finding{Code: "special.cosmetics.number_missing", Severity: vcart.Block, Field: "cosmetics.number",
			Message: "cosmetics need a registration (国妆特字) or filing (G妆网备字) number"})
		return
	}
	kind := ClassifyCosmetics(num)
	switch kind {
	case CosmeticsUnknown:
		c.Report(Finding{Code: "special.cosmetics.number_format", Severity: vcart.Block, Field: "cosmetics.number",
			Message: fmt.Sprintf("%q is not a cosmetics registration or filing number", num)})
		return
	case CosmeticsProductionLicence:
		c.Report(Finding{Code: "special.cosmetics.production_licence", Severity: vcart.Block, Field: "cosmetics.number",
			Message: fmt.Sprintf("%q is a factory's production licence, not the product's registration or filing number", num)})
		return
	}
	if kind.Special() {
		return
	}
	seen := map[int32]bool{}
	c.hitsOf(tagSpecialUse, func(h hit, t tag) {
		if seen[t.idx] {
			return
		}
		seen[t.idx] = true
		c.Report(Finding{Code: "special.cosmetics.special_use_claim", Severity: vcart.Block, Field: c.st.fields[h.field].Name, Start: h.start, End: h.end, Text: c.fieldText(h),
			Message: fmt.Sprintf("the claim %q is a special use (特殊化妆品); a %s does not cover it, a 国妆特字/国妆特进字 registration is needed", specialUseClaims[t.idx], kind)})
	})
}

func checkCCC(c *Check) {
	l := c.Listing
	if l.Category != vcart.CategoryElectronics {
		return
	}
	if !hasModelAttr(l) {
		c.Report(Finding{Code: "special.electronics.no_model", Severity: vcart.Warn, Field: "attrs",
			Message: "state the model or serial number (型号/序列号), a review focus for electronics"})
	}
	num := ""
	if l.Electronics != nil {
		num = strings.TrimSpace(l.Electronics.CCCNumber)
	}
	if num == "" {
		num = docNumber(l, vcart.DocCCC)
	}
	if num == "" {
		sev := vcart.Warn
		msg := "no 3C certificate number; products in the CCC catalogue cannot be listed without one"
		if c.anyHit(tagCCCProduct, func(f string) bool { return f == "title" }) {
			sev = vcart.Block
			msg = "the product is in the CCC catalogue and needs a 3C certificate number"
		}
		c.Report(Finding{Code: "special.electronics.ccc_missing", Severity: sev, Field: "electronics.ccc_number", Message: msg})
		return
	}
	switch CheckCCC(num, c.At.Year()) {
	case CCCBadFormat:
		c.Report(Finding{Code: "special.electronics.ccc_format", Severity: vcart.Block, Field: "electronics.ccc_number",
			Message: fmt.Sprintf("%q is not a 3C certificate number (16 digits starting with the year of issue)", num)})
	case CCCLegacy:
		c.Report(Finding{Code: "special.electronics.ccc_legacy", Severity: vcart.Warn, Field: "electronics.ccc_number",
			Message: fmt.Sprintf("%q has the 12-character legacy format; check it on the CNCA registry", num)})
	}
}

func checkCondition(c *Check) {
	l := c.Listing
	cond := ConditionNew
	if l.Electronics != nil {
		cond = l.Electronics.Condition
	}
	electronics := l.Category == vcart.CategoryElectronics
	newClaim := c.anyHit(tagNewClaim, nil)
	seen := map[string]bool{}
	c.hitsOf(tagUsed, func(h hit, t tag) {
		w := usedWords[t.idx]
		if seen[w] || (!electronics && cond == ConditionNew && !newClaim) {
			return
		}
		seen[w] = true
		f := c.st.fields[h.field].Name
		if cond == ConditionNew || newClaim {
			c.Report(Finding{Code: "special.condition.used_as_new", Severity: vcart.Block, Field: f, Start: h.start, End: h.end, Text: c.fieldText(h), Reason: ReasonUsedAsNew,
				Message: fmt.Sprintf("%q describes used or refurbished goods but the listing is declared or claimed new (二手充新)", w)})
		}
	})
	if cond != ConditionNew && newClaim {
		c.hitsOf(tagNewClaim, func(h hit, t tag) {
			c.Report(Finding{Code: "special.condition.used_as_new", Severity: vcart.Block, Field: c.st.fields[h.field].Name, Start: h.start, End: h.end, Text: c.fieldText(h), Reason: ReasonUsedAsNew,
				Message: "the goods are declared used or refurbished but the text claims they are new (二手充新)"})
		})
	}
	if !electronics {
		return
	}
	seen = map[string]bool{}
	c.hitsOf(tagModified, func(h hit, t tag) {
		w := modifiedWords[t.idx]
		if seen[w] {
			return
		}
		seen[w] = true
		c.Report(Finding{Code: "special.condition.modified", Severity: vcart.Block, Field: c.st.fields[h.field].Name, Start: h.start, End: h.end, Text: c.fieldText(h), Reason: ReasonModifiedDevice,
			Message: fmt.Sprintf("%q describes a modified device (改装机), which cannot be sold as a certified product", w)})
	})
}

func hasModelAttr(l *Listing) bool {
	for _, a := range l.Attrs {
		if strings.Contains(a.Key, "型号") || strings.Contains(a.Key, "序列号") || strings.Contains(a.Key, "货号") {
			return strings.TrimSpace(a.Value) != ""
		}
	}
	return false
}
