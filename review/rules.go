package review

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Rule is one row of the rule table. Check inspects the listing through c
// and reports findings with [Check.Report]; Stage, Reason and Source are the
// defaults of those findings.
type Rule struct {
	ID     string // stable, e.g. "content.adlaw"
	Stage  Stage
	Reason Reason // the seed reason it prevents
	Source string // the law, API doc or seed line the rule enforces
	Doc    string // one line for the merchant
	Check  func(c *Check)
}

// Rule IDs of the default table.
const (
	RuleDocuments       = "basic.documents"
	RuleBrand           = "basic.brand"
	RuleCategoryMatch   = "basic.category_match"
	RulePrice           = "basic.price"
	RuleTitle           = "content.title"
	RuleFieldLimits     = "content.field_limits"
	RuleTextEncoding    = "content.text_encoding"
	RuleImages          = "content.images"
	RuleAdLaw           = "content.adlaw"
	RuleDiversion       = "content.diversion"
	RuleCelebrity       = "content.celebrity"
	RuleMaterial        = "content.material"
	RuleFoodLicence     = "special.food_licence"
	RuleFoodShelfLife   = "special.food_shelf_life"
	RuleFoodOrigin      = "special.food_origin"
	RuleCosmeticsNumber = "special.cosmetics_number"
	RuleCCC             = "special.electronics_ccc"
	RuleCondition       = "special.electronics_condition"
)

// DefaultRules returns a fresh copy of the default rule table.
func DefaultRules() []Rule {
	return []Rule{
		{ID: RuleDocuments, Stage: StageBasic, Reason: ReasonQualification, Source: "seed 二 基础审核: 资质文件真实性", Doc: "the category's qualification documents are present and in force", Check: checkDocuments},
		{ID: RuleBrand, Stage: StageBasic, Reason: ReasonTrademark, Source: "seed 一 企业店: 品牌授权; seed 二 服装: 商标授权", Doc: "a branded listing carries a brand authorisation or trademark certificate", Check: checkBrand},
		{ID: RuleCategoryMatch, Stage: StageBasic, Reason: ReasonCategoryMatch, Source: "seed 二 基础审核: 类目匹配度", Doc: "the title and attributes fit the declared category", Check: checkCategoryMatch},
		{ID: RulePrice, Stage: StageBasic, Reason: ReasonPrice, Source: "seed 二 基础审核: 价格合理性; product API sale_price < market_price (10020040)", Doc: "prices are positive, whole fen, below the market price and inside the category's band", Check: checkPrice},
		{ID: RuleTitle, Stage: StageContent, Reason: ReasonFieldLimits, Source: "product API: title 5–60 effective characters", Doc: "the title has 5–60 characters, is not only letters and digits and uses allowed symbols", Check: checkTitle},
		{ID: RuleFieldLimits, Stage: StageContent, Reason: ReasonFieldLimits, Source: "product API field limits (short_title ≤20, attrs ≤40, desc ≤2000, out_product_id ≤128, aftersale_desc ≤200, sku_code ≤20, stock ≤10,000,000, desc imgs ≤50, skus 1–500)", Doc: "fields are within the product API's limits", Check: checkFieldLimits},
		{ID: RuleTextEncoding, Stage: StageContent, Reason: ReasonFieldLimits, Source: "product API: UTF-8 JSON", Doc: "text is valid UTF-8", Check: checkEncoding},
		{ID: RuleImages, Stage: StageContent, Reason: ReasonImageClarity, Source: "seed 二 内容审核: 主图清晰度(800*800像素); product API head_imgs 3–9 (food ≥4), no duplicates, jpeg/png/bmp/webp, not animated", Doc: "main images are readable, large enough, static, accepted formats, 3–9 and distinct", Check: checkImages},
		{ID: RuleAdLaw, Stage: StageContent, Reason: ReasonFalseAdvertising, Source: "seed 二 内容审核: 广告语合规性; 广告法", Doc: "no advertising-law words outside their allowed contexts", Check: checkAdLaw},
		{ID: RuleDiversion, Stage: StageContent, Reason: ReasonDiversion, Source: "seed 六 导流外链; 个人信息保护法", Doc: "no contact details, QR lures, ID or bank card numbers in public text", Check: checkDiversion},
		{ID: RuleCelebrity, Stage: StageContent, Reason: ReasonStolenCelebrity, Source: "seed 二 服装: 盗用明星图; 广告法 第33条", Doc: "celebrity wording needs the celebrity's consent", Check: checkCelebrity},
		{ID: RuleMaterial, Stage: StageContent, Reason: ReasonFalseMaterial, Source: "seed 二 服装: 水洗标, 虚假材质描述; GB/T 29862", Doc: "material claims match the fibre composition attribute", Check: checkMaterial},
		{ID: RuleFoodLicence, Stage: StageSpecial, Reason: ReasonFoodLicence, Source: "seed 二 特殊类目: 食品需SC编码; 食品生产许可管理办法", Doc: "food carries a well-formed SC number; a QS number alone is expired", Check: checkFoodLicence},
		{ID: RuleFoodShelfLife, Stage: StageSpecial, Reason: ReasonShortShelfLife, Source: "seed 二 食品: 生产日期, 保质期不足; GB 7718", Doc: "food states shelf life and production date and is not expired or near expiry", Check: checkShelfLife},
		{ID: RuleFoodOrigin, Stage: StageSpecial, Reason: ReasonFalseOrigin, Source: "seed 二 食品: 虚假产地; 地理标志产品保护规定", Doc: "origin claims match the declared origin", Check: checkOrigin},
		{ID: RuleCosmeticsNumber, Stage: StageSpecial, Reason: ReasonCosmeticsFiling, Source: "seed 二 特殊类目: 化妆品需备案凭证; 化妆品注册备案管理办法", Doc: "cosmetics carry a registration or filing number that covers their claims", Check: checkCosmetics},
		{ID: RuleCCC, Stage: StageSpecial, Reason: ReasonCCC, Source: "seed 二 特殊类目: 电子产品需3C认证", Doc: "electronics carry a well-formed 3C certificate number", Check: checkCCC},
		{ID: RuleCondition, Stage: StageSpecial, Reason: ReasonUsedAsNew, Source: "seed 二 电子产品: 二手充新, 改装机", Doc: "used, refurbished or modified goods are not sold as new", Check: checkCondition},
	}
}

// requiredDocs lists the documents each category needs.
var requiredDocs = map[vcart.Category][]vcart.DocumentKind{
	vcart.CategoryFood:        {vcart.DocFoodLicence},
	vcart.CategoryCosmetics:   {vcart.DocCosmeticsFiling},
	vcart.CategoryElectronics: {vcart.DocCCC},
}

func docField(i int) string { return fmt.Sprintf("documents[%d]", i) }

func checkDocuments(c *Check) {
	l := c.Listing
	for i, d := range l.Documents {
		switch {
		case d.Expired(c.At):
			c.Report(Finding{Code: "basic.document.expired", Severity: vcart.Block, Field: docField(i),
				Message: fmt.Sprintf("%s expired on %s; upload the renewed document", d.Kind.ChineseName(), d.ValidTo.Format("2006-01-02"))})
		case !d.ValidAt(c.At):
			c.Report(Finding{Code: "basic.document.not_yet_valid", Severity: vcart.Block, Field: docField(i),
				Message: fmt.Sprintf("%s is valid only from %s", d.Kind.ChineseName(), d.ValidFrom.Format("2006-01-02"))})
		}
		if strings.TrimSpace(d.Number) == "" {
			c.Report(Finding{Code: "basic.document.no_number", Severity: vcart.Warn, Field: docField(i),
				Message: fmt.Sprintf("%s has no number; the platform checks it against the registry", d.Kind.ChineseName())})
		}
	}
	for _, k := range requiredDocs[l.Category] {
		if !hasDoc(l, k) {
			c.Report(Finding{Code: "basic.document.missing", Severity: vcart.Block, Field: "documents",
				Message: fmt.Sprintf("%s listings need a %s (%s)", l.Category.ChineseName(), k.ChineseName(), k)})
		}
	}
}

func hasDoc(l *Listing, k vcart.DocumentKind) bool {
	for _, d := range l.Documents {
		if d.Kind == k {
			return true
		}
	}
	return false
}

func branded(l *Listing) bool {
	b := strings.TrimSpace(l.Brand)
	return b != "" && b != "无品牌" && !strings.EqualFold(b, "none")
}

func checkBrand(c *Check) {
	l := c.Listing
	if branded(l) && !hasDoc(l, vcart.DocBrandAuthorisation) && !hasDoc(l, vcart.DocTrademark) {
		c.Report(Finding{Code: "basic.brand.no_authorisation", Severity: vcart.Block, Field: "brand",
			Message: fmt.Sprintf("brand %q needs a brand authorisation (品牌授权书) or trademark certificate (商标注册证)", l.Brand)})
	}
}

func checkCategoryMatch(c *Check) {
	l := c.Listing
	if l.Category == "" {
		c.Report(Finding{Code: "basic.category.missing", Severity: vcart.Block, Field: "category", Message: "no category declared"})
		return
	}
	var score [8]int
	cats := vcart.Categories()
	c.hitsOf(tagHint, func(h hit, t tag) {
		name := c.st.fields[h.field].Name
		if name != "title" && !strings.HasPrefix(name, "attrs[") {
			return
		}
		hc := categoryHints[t.idx].cat
		for i, k := range cats {
			if k == hc {
				score[i]++
			}
		}
	})
	best, declared := -1, -1
	for i, k := range cats {
		if k == l.Category {
			declared = i
		}
		if score[i] > 0 && (best < 0 || score[i] > score[best]) {
			best = i
		}
	}
	if best < 0 || cats[best] == l.Category || (declared >= 0 && score[declared] > 0) || l.Category == vcart.CategoryGeneral {
		return
	}
	c.Report(Finding{Code: "basic.category.mismatch", Severity: vcart.Warn, Field: "category",
		Message: fmt.Sprintf("declared %s but the title reads like %s", l.Category.ChineseName(), cats[best].ChineseName())})
}

func checkPrice(c *Check) {
	l := c.Listing
	if len(l.SKUs) == 0 {
		c.Report(Finding{Code: "basic.price.no_sku", Severity: vcart.Block, Field: "skus", Message: "a listing needs at least one SKU with a price"})
		return
	}
	band, hasBand := c.r.bands.For(l.Category)
	for i, s := range l.SKUs {
		f := func() string { return skuField(i, ".sale_price") }
		switch {
		case s.SalePrice <= 0:
			c.Report(Finding{Code: "basic.price.not_positive", Severity: vcart.Block, Field: f(), Message: fmt.Sprintf("sale price %s must be above zero", s.SalePrice)})
			continue
		case s.SalePrice > MaxSalePrice:
			c.Report(Finding{Code: "basic.price.over_api_max", Severity: vcart.Block, Field: f(), Message: fmt.Sprintf("sale price %s is above the API's maximum %s", s.SalePrice, MaxSalePrice)})
			continue
		}
		if s.MarketPrice != 0 && s.SalePrice >= s.MarketPrice {
			c.Report(Finding{Code: "basic.price.not_below_market", Severity: vcart.Block, Field: f(),
				Message: fmt.Sprintf("sale price %s must be below the market price %s (errcode 10020040)", s.SalePrice, s.MarketPrice)})
		}
		if hasBand && (s.SalePrice < band.Min || band.Max != 0 && s.SalePrice > band.Max) {
			c.Report(Finding{Code: "basic.price.out_of_band", Severity: vcart.Warn, Field: f(),
				Message: fmt.Sprintf("sale price %s is outside the %s band %s–%s; check fen versus yuan", s.SalePrice, l.Category.ChineseName(), band.Min, bandMax(band))})
		}
	}
}

// skuField returns "skus[i]" + suffix, e.g. ".sale_price".
func skuField(i int, suffix string) string {
	return "skus[" + strconv.Itoa(i) + "]" + suffix
}

func bandMax(b PriceBand) string {
	if b.Max == 0 {
		return "∞"
	}
	return b.Max.String()
}

// titleSpecials are the symbols the product API allows in a title.
const titleSpecials = "·~～!@#$%^&()！@#￥%……&*（）-_——=+[]\\【】、{}|;';’:\": ‘“”,./，。、<>?《》？\u00a0\u3000"

func checkTitle(c *Check) {
	t := c.Listing.Title
	if strings.TrimSpace(t) == "" {
		c.Report(Finding{Code: "content.title.empty", Severity: vcart.Block, Field: "title", Message: "the title is empty"})
		return
	}
	// An invalid byte counts as one character and is not a bad character
	// here: content.text_encoding reports it.
	effective, total, alnum, bad := 0, 0, 0, 0
	for i, r := range t {
		total++
		switch {
		case r == utf8.RuneError && invalidAt(t, i):
		case r >= 0x4E00 && r <= 0x9FFF, unicode.Is(unicode.Han, r): // the CJK block first: all Han
			effective++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			effective++
			if r < 0x80 || (r >= 0xFF10 && r <= 0xFF5A) {
				alnum++
			}
		case strings.ContainsRune(titleSpecials, r), r >= 0xFF01 && r <= 0xFF5E && strings.ContainsRune(titleSpecials, r-0xFEE0):
		default:
			if bad++; bad > maxBadChars {
				continue
			}
			c.Report(Finding{Code: "content.title.bad_char", Severity: vcart.Block, Field: "title", Start: i, End: i + utf8.RuneLen(r), Text: string(r),
				Message: fmt.Sprintf("character %q is not allowed in a title", r)})
		}
	}
	if effective < 5 {
		c.Report(Finding{Code: "content.title.too_short", Severity: vcart.Block, Field: "title",
			Message: fmt.Sprintf("the title has %d effective characters; at least 5 are needed", effective)})
	}
	if total > 60 {
		c.Report(Finding{Code: "content.title.too_long", Severity: vcart.Block, Field: "title",
			Message: fmt.Sprintf("the title has %d characters; at most 60 are allowed", total)})
	}
	if effective > 0 && alnum == effective {
		c.Report(Finding{Code: "content.title.only_alnum", Severity: vcart.Block, Field: "title",
			Message: "a title of only letters and digits is not allowed; describe the product in Chinese"})
	}
}

// imageFields caches the field names of the main images.
var imageFields = func() (n [9]string) {
	for i := range n {
		n[i] = "main_images[" + strconv.Itoa(i) + "]"
	}
	return n
}()

func imageField(i int) string {
	if i < len(imageFields) {
		return imageFields[i]
	}
	return "main_images[" + strconv.Itoa(i) + "]"
}

// maxBadChars caps the bad-character findings of one title.
const maxBadChars = 10

// runeLen is utf8.RuneCountInString(s); for the text of a field known to be
// valid UTF-8 it counts the bytes that do not continue a rune, eight at a
// time.
func (c *Check) runeLen(s string) int {
	for i, f := range c.st.fields {
		if len(f.Text) == len(s) && unsafe.StringData(f.Text) == unsafe.StringData(s) {
			if c.st.valid[i] {
				return c.st.validRunes(i)
			}
			break
		}
	}
	return utf8.RuneCountInString(s)
}

// countRunesValid counts the runes of valid UTF-8 text: its bytes other than
// continuation bytes (10xxxxxx). It reads eight bytes at a time without
// bounds checks and adds up the continuation bytes of 32 at a time
// byte-wise, folding the eight byte counts every 63 rounds.
func countRunesValid(s string) int {
	const hi = 0x8080808080808080
	p := unsafe.Pointer(unsafe.StringData(s))
	word := func(i int) uint64 { // continuation bytes at i: 1 in their byte
		x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, i))[:])
		return (x & hi &^ (x << 1)) >> 7
	}
	cont, i := 0, 0
	for i+32 <= len(s) {
		var acc uint64 // per byte: at most 4×63 = 252
		for k := 0; k < 63 && i+32 <= len(s); k, i = k+1, i+32 {
			acc += word(i) + word(i+8) + word(i+16) + word(i+24)
		}
		acc = acc&0x00FF00FF00FF00FF + acc>>8&0x00FF00FF00FF00FF
		cont += int(acc * 0x0001000100010001 >> 48)
	}
	for ; i+8 <= len(s); i += 8 {
		cont += bits.OnesCount64(word(i))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

func checkFieldLimits(c *Check) {
	l := c.Listing
	long := func(field, s string, limit int) {
		if len(s) <= limit {
			return // fewer bytes than the limit: fewer runes too
		}
		if n := c.runeLen(s); n > limit {
			c.Report(Finding{Code: "content.field.too_long", Severity: vcart.Block, Field: field,
				Message: fmt.Sprintf("%d characters; the API allows at most %d", n, limit)})
		}
	}
	long("short_title", l.ShortTitle, 20)
	for i, a := range l.Attrs {
		long(attrName(i, ".key"), a.Key, 40)
		long(attrName(i, ".value"), a.Value, 40)
	}
	long("desc", l.Description, 2000)
	long("out_product_id", l.OutProductID, 128)
	long("aftersale_desc", l.Aftersale, 200)
	for i, s := range l.SKUs {
		if len(s.SKUCode) > 20 {
			long(skuField(i, ".sku_code"), s.SKUCode, 20)
		}
		if s.Stock < 0 || s.Stock > 10_000_000 {
			c.Report(Finding{Code: "content.field.out_of_range", Severity: vcart.Block, Field: skuField(i, ".stock_num"),
				Message: fmt.Sprintf("stock %d is outside 0–10000000", s.Stock)})
		}
	}
	if n := len(l.DetailImages); n > 50 {
		c.Report(Finding{Code: "content.field.too_many", Severity: vcart.Block, Field: "detail_images", Message: fmt.Sprintf("%d detail images; at most 50 are allowed", n)})
	}
	if n := len(l.SKUs); n > 500 {
		c.Report(Finding{Code: "content.field.too_many", Severity: vcart.Block, Field: "skus", Message: fmt.Sprintf("%d SKUs; at most 500 are allowed", n)})
	}
}

func checkEncoding(c *Check) {
	for i, f := range c.st.fields {
		if !c.st.valid[i] {
			i := firstInvalid(f.Text)
			c.Report(Finding{Code: "content.text.invalid_utf8", Severity: vcart.Block, Field: f.Name, Start: i, End: i + 1,
				Message: "the text is not valid UTF-8; the API will reject it"})
		}
		if n := c.st.over[i]; n > 0 {
			c.Report(Finding{Code: "content.text.too_many_hits", Severity: vcart.Warn, Field: f.Name,
				Message: fmt.Sprintf("%d word hits; the first %d and, of the other %d, the first of each word were checked", maxHitsPerField+n, maxHitsPerField, n)})
		}
		if len(f.Text) > MaxScanBytes {
			c.Report(Finding{Code: "content.text.not_scanned", Severity: vcart.Warn, Field: f.Name,
				Message: fmt.Sprintf("the text is %d bytes; only the first %d were scanned for wording", len(f.Text), MaxScanBytes)})
		}
	}
}

// invalidAt reports whether s[i] is an invalid UTF-8 byte.
func invalidAt(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return r == utf8.RuneError && n == 1
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

func checkImages(c *Check) {
	l := c.Listing
	minN := 3
	if l.Category == vcart.CategoryFood {
		minN = 4
	}
	if n := len(l.MainImages); n < minN || n > 9 {
		c.Report(Finding{Code: "content.image.count", Severity: vcart.Block, Field: "main_images",
			Message: fmt.Sprintf("%d main images; %s listings need %d–9", n, l.Category.ChineseName(), minN)})
	}
	seenHash := map[string]int{}
	seenName := map[string]int{}
	for i, im := range l.MainImages {
		f := imageField(i)
		if im.SHA256 != "" {
			h := strings.ToLower(im.SHA256)
			if j, ok := seenHash[h]; ok {
				c.Report(Finding{Code: "content.image.duplicate", Severity: vcart.Block, Field: f, Reason: ReasonImageCopyright,
					Message: fmt.Sprintf("same image as main_images[%d]", j)})
			} else {
				seenHash[h] = i
			}
		}
		if im.Name != "" {
			if j, ok := seenName[im.Name]; ok && (im.SHA256 == "" || l.MainImages[j].SHA256 == "") {
				c.Report(Finding{Code: "content.image.duplicate", Severity: vcart.Block, Field: f, Reason: ReasonImageCopyright,
					Message: fmt.Sprintf("same URL as main_images[%d]", j)})
			} else if !ok {
				seenName[im.Name] = i
			}
		}
		if im.HasDHash {
			for j := 0; j < i; j++ {
				o := l.MainImages[j]
				exact := im.SHA256 != "" && strings.EqualFold(o.SHA256, im.SHA256)
				if o.HasDHash && !exact && HashDistance(o.DHash, im.DHash) <= NearDuplicateDistance {
					c.Report(Finding{Code: "content.image.near_duplicate", Severity: vcart.Warn, Field: f, Reason: ReasonImageCopyright,
						Message: fmt.Sprintf("looks like the same picture as main_images[%d] (difference hash %d bits apart)", j, HashDistance(o.DHash, im.DHash))})
					break
				}
			}
		}
		if len(im.Header) == 0 {
			c.Report(Finding{Code: "content.image.not_checked", Severity: vcart.Info, Field: f, Message: "no image bytes given; size and format not checked"})
			continue
		}
		info, err := ReadImageHeader(im.Header)
		if err != nil {
			c.Report(Finding{Code: "content.image.unreadable", Severity: vcart.Block, Field: f, Message: err.Error()})
			continue
		}
		if !info.Format.Accepted() {
			c.Report(Finding{Code: "content.image.format", Severity: vcart.Block, Field: f,
				Message: fmt.Sprintf("%s is not accepted; use JPEG, PNG, BMP or WebP (errcode 10020294)", info.Format)})
		}
		if info.Animated {
			c.Report(Finding{Code: "content.image.animated", Severity: vcart.Block, Field: f, Message: "animated images are not accepted (errcode 10020294)"})
		}
		if info.Width < c.r.minSide || info.Height < c.r.minSide {
			c.Report(Finding{Code: "content.image.too_small", Severity: vcart.Block, Field: f,
				Message: fmt.Sprintf("%d×%d px is below %d×%d px", info.Width, info.Height, c.r.minSide, c.r.minSide)})
		}
		if w, h := info.Width, info.Height; w*2 > h*3 || h*2 > w*3 {
			c.Report(Finding{Code: "content.image.not_square", Severity: vcart.Warn, Field: f,
				Message: fmt.Sprintf("%d×%d px is far from square; the platform crops main images to a square", w, h)})
		}
	}
}

// wordFinding is an advertising-law hit after the allow-list.
type wordFinding struct {
	h   hit
	w   Word
	sev vcart.Severity
	t   int32 // index into the word list
}

// adlawCode returns the finding code of an advertising-law hit.
func adlawCode(s vcart.Severity) string {
	switch s {
	case vcart.Block:
		return "content.adlaw.block"
	case vcart.Warn:
		return "content.adlaw.warn"
	case vcart.Info:
		return "content.adlaw.info"
	}
	return "content.adlaw." + s.String()
}

// wordMessage is the message of an advertising-law finding on w.
func wordMessage(w Word) string {
	note, _, _ := strings.Cut(w.Note, ";")
	return strconv.Quote(w.Text) + " (" + w.Category + "): " + strings.TrimSpace(note)
}

func checkAdLaw(c *Check) {
	wf := c.st.wf[:0]
	defer func() { c.st.wf = wf[:0] }()
	c.hitsOf(tagWord, func(h hit, t tag) {
		w := c.r.words.Words[t.idx]
		if w.Category == "cosmetics_claim" && specialRegistered(c.Listing) {
			return // a special-use registration covers the claim
		}
		sev := w.Severity
		if h.allowed != "" {
			if !h.downgrade {
				return
			}
			if sev > vcart.Warn {
				sev = vcart.Warn
			}
		}
		wf = append(wf, wordFinding{h, w, sev, t.idx})
	})
	// Hits are grouped by field (scan order); compare only within a group,
	// and past maxHitsPerField a field keeps only hits of new kinds.
	for g := 0; g < len(wf); {
		e := g
		for e < len(wf) && wf[e].h.field == wf[g].h.field {
			e++
		}
		lo, hi := c.st.fieldHits(wf[g].h.field)
		for i := g; i < e; i++ {
			a := &wf[i].h
			// Exempt spans also cover shorter words inside them (最 in
			// 最佳食用期).
			for _, h := range c.st.hits[lo:hi] {
				if h.allowed != "" && !h.downgrade && h.start <= a.start && h.end >= a.end {
					a.suppressed = true
					break
				}
			}
			// Report the longest hit at a position: drop hits inside a
			// longer hit of at least the same severity.
			for j := g; j < e && !a.suppressed; j++ {
				b := wf[j]
				if i != j && b.h.start <= a.start && b.h.end >= a.end && b.h.end-b.h.start > a.end-a.start && b.sev >= wf[i].sev {
					a.suppressed = true
				}
			}
		}
		g = e
	}
	for _, x := range wf {
		if x.h.suppressed {
			continue
		}
		code := adlawCode(x.sev)
		msg := c.r.wordMsg[x.t]
		if x.h.allowed != "" {
			msg += " [downgraded by " + x.h.allowed + ": keep evidence]"
		}
		c.Report(Finding{Code: code, Severity: x.sev, Field: c.st.fields[x.h.field].Name, Start: x.h.start, End: x.h.end,
			Text: c.fieldText(x.h), Message: msg, Source: wordSource(x.w.Category), Reason: wordReason(x.w)})
	}
}

func checkCelebrity(c *Check) {
	c.hitsOf(tagCelebrity, func(h hit, _ tag) {
		sev := vcart.Warn
		if !hasDoc(c.Listing, vcart.DocBrandAuthorisation) {
			sev = vcart.Block
		}
		c.Report(Finding{Code: "content.celebrity", Severity: sev, Field: c.st.fields[h.field].Name, Start: h.start, End: h.end, Text: c.fieldText(h),
			Message: "celebrity wording or photos need the celebrity's written consent (广告法 第33条) and an authorisation document"})
	})
}

func compositionAttr(l *Listing) (string, bool) {
	for _, a := range l.Attrs {
		k := a.Key
		if strings.Contains(k, "成分") || strings.Contains(k, "面料") || strings.Contains(k, "材质") || strings.Contains(k, "含量") {
			return a.Value, true
		}
	}
	return "", false
}

func checkMaterial(c *Check) {
	l := c.Listing
	if l.Category != vcart.CategoryApparel {
		return
	}
	comp, ok := compositionAttr(l)
	reported := map[string]bool{}
	c.hitsOf(tagFibre, func(h hit, t tag) {
		name := c.st.fields[h.field].Name
		if name != "title" && name != "short_title" && name != "desc" {
			return
		}
		fibre := fibres[t.idx]
		if reported[fibre] {
			return
		}
		reported[fibre] = true
		base := strings.TrimPrefix(fibre, "纯")
		switch {
		case !ok:
			c.Report(Finding{Code: "content.material.no_composition", Severity: vcart.Warn, Field: name, Start: h.start, End: h.end, Text: c.fieldText(h),
				Message: fmt.Sprintf("the listing claims %s but has no fibre composition attribute (成分/面料, 水洗标)", fibre)})
		case !strings.Contains(comp, base):
			c.Report(Finding{Code: "content.material.mismatch", Severity: vcart.Block, Field: name, Start: h.start, End: h.end, Text: c.fieldText(h),
				Message: fmt.Sprintf("the listing claims %s but the composition says %q", fibre, comp)})
		case strings.HasPrefix(fibre, "纯") && !strings.Contains(comp, "100"):
			c.Report(Finding{Code: "content.material.mismatch", Severity: vcart.Block, Field: name, Start: h.start, End: h.end, Text: c.fieldText(h),
				Message: fmt.Sprintf("the listing claims %s but the composition %q is not 100%%", fibre, comp)})
		}
	})
}

// specialRegistered reports whether a cosmetics listing carries a
// special-use registration (国妆特字 / 国妆特进字).
func specialRegistered(l *Listing) bool {
	if l.Category != vcart.CategoryCosmetics {
		return false
	}
	if l.Cosmetics != nil && ClassifyCosmetics(l.Cosmetics.Number).Special() {
		return true
	}
	return ClassifyCosmetics(docNumber(l, vcart.DocCosmeticsFiling)).Special()
}
