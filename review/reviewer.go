package review

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/internal/match"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// MaxScanBytes is the most bytes of one text field the word and diversion
// scans read; a longer field is a finding in itself (every field limit of
// the product API is far below it) and only its first MaxScanBytes are
// scanned, so a 10 MB description costs bounded time and memory.
const MaxScanBytes = 64 << 10

// DefaultMinImageSide is the seed's minimum main image size (800×800 px).
const DefaultMinImageSide = 800

// Reviewer runs a rule table over listings. Build one with [New] and share
// it: it is immutable and safe for concurrent use.
type Reviewer struct {
	rules   []Rule
	words   WordList
	allow   []AllowRule
	bands   PriceBands
	minSide int

	dict     *Keywords
	maxPat   int                // longest dictionary pattern in bytes
	wordMsg  []string           // per word: its finding message
	tags     [][]tag            // per dictionary pattern
	allowFor [][]*compiledAllow // per dictionary pattern
	pool     sync.Pool          // *scanState
}

// Option configures [New].
type Option func(*config) error

type config struct {
	rules    []Rule
	extra    []Rule
	disabled []string
	words    *WordList
	allow    []AllowRule
	bands    *PriceBands
	minSide  int
}

// WithRules replaces the default rule table ([DefaultRules]) by rules.
func WithRules(rules ...Rule) Option {
	return func(c *config) error { c.rules = slices.Clone(rules); return nil }
}

// WithExtraRules appends rules to the table.
func WithExtraRules(rules ...Rule) Option {
	return func(c *config) error { c.extra = append(c.extra, rules...); return nil }
}

// WithoutRules disables the rules with the given IDs. An unknown ID is an
// error from [New], so that a typo does not silently keep a rule on.
func WithoutRules(ids ...string) Option {
	return func(c *config) error { c.disabled = append(c.disabled, ids...); return nil }
}

// WithWordList replaces the built-in advertising-law word list.
func WithWordList(wl WordList) Option {
	return func(c *config) error { c.words = &wl; return nil }
}

// WithAllowList replaces the built-in allow-list of false positives
// ([DefaultAllowList]).
func WithAllowList(rules []AllowRule) Option {
	return func(c *config) error { c.allow = slices.Clone(rules); return nil }
}

// WithPriceBands replaces the per-category price bands ([DefaultPriceBands]).
func WithPriceBands(b PriceBands) Option {
	return func(c *config) error { c.bands = &b; return nil }
}

// WithMinImageSide sets the minimum main image side in pixels (default
// [DefaultMinImageSide]).
func WithMinImageSide(px int) Option {
	return func(c *config) error {
		if px < 1 || px > 100000 {
			return fmt.Errorf("review: min image side %d out of range 1..100000", px)
		}
		c.minSide = px
		return nil
	}
}

// ErrConfig is wrapped by configuration errors from [New].
var ErrConfig = errors.New("review: bad configuration")

// New builds a reviewer with the default rules, word list, allow-list and
// price bands, changed by opts. Every configuration problem is reported at
// once in an error wrapping [ErrConfig].
func New(opts ...Option) (*Reviewer, error) {
	c := config{minSide: DefaultMinImageSide}
	c.rules = DefaultRules()
	c.allow = DefaultAllowList()
	var errs []error
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&c); err != nil {
			errs = append(errs, err)
		}
	}
	r := &Reviewer{minSide: c.minSide}
	if c.words != nil {
		r.words = *c.words
		r.words.Words = slices.Clone(c.words.Words)
	} else {
		r.words = DefaultWordList()
	}
	if c.bands != nil {
		r.bands = c.bands.clone()
	} else {
		r.bands = DefaultPriceBands()
	}
	r.allow = c.allow
	rules := append(c.rules, c.extra...)
	seen := map[string]bool{}
	for i, ru := range rules {
		switch {
		case ru.ID == "":
			errs = append(errs, fmt.Errorf("%w: rule %d has no ID", ErrConfig, i))
		case ru.Check == nil:
			errs = append(errs, fmt.Errorf("%w: rule %q has no Check", ErrConfig, ru.ID))
		case seen[ru.ID]:
			errs = append(errs, fmt.Errorf("%w: duplicate rule ID %q", ErrConfig, ru.ID))
		}
		seen[ru.ID] = true
	}
	off := map[string]bool{}
	for _, id := range c.disabled {
		if !seen[id] {
			errs = append(errs, fmt.Errorf("%w: cannot disable unknown rule %q", ErrConfig, id))
		}
		off[id] = true
	}
	for _, ru := range rules {
		if !off[ru.ID] {
			r.rules = append(r.rules, ru)
		}
	}
	for _, b := range r.bands.Bands {
		if err := b.validate(); err != nil {
			errs = append(errs, err)
		}
	}
	if err := r.buildDict(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r, nil
}

// Rules returns a copy of the reviewer's active rule table.
func (r *Reviewer) Rules() []Rule { return slices.Clone(r.rules) }

// tagKind says what a dictionary pattern means for the rules.
type tagKind uint8

const (
	tagWord       tagKind = iota + 1 // advertising-law word; idx into words
	tagDiversion                     // contact-channel trigger; idx into diversionTriggers
	tagHint                          // category hint; idx into categoryHints
	tagFibre                         // fibre / material claim; idx into fibres
	tagSpecialUse                    // cosmetics special-use claim
	tagUsed                          // second-hand / refurbished wording
	tagModified                      // modified-device wording
	tagNewClaim                      // "brand new" claim
	tagOrigin                        // geographic origin claim; idx into originClaims
	tagCelebrity                     // celebrity wording
	tagCCCProduct                    // product under the CCC catalogue
)

type tag struct {
	kind tagKind
	idx  int32
}

type dictEntry struct {
	word string
	tag  tag
}

type compiledAllow struct {
	rule      *AllowRule
	pre, suf  *regexp.Regexp // the pattern anchored at the start / at the end
	trySuffix bool           // the pattern may begin before the word
}

func (r *Reviewer) buildDict() error {
	var entries []dictEntry
	for i, w := range r.words.Words {
		entries = append(entries, dictEntry{w.Text, tag{tagWord, int32(i)}})
	}
	add := func(k tagKind, words []string) {
		for i, w := range words {
			entries = append(entries, dictEntry{w, tag{k, int32(i)}})
		}
	}
	add(tagDiversion, diversionTriggerWords())
	for i, h := range categoryHints {
		entries = append(entries, dictEntry{h.word, tag{tagHint, int32(i)}})
	}
	add(tagFibre, fibres)
	add(tagSpecialUse, specialUseClaims)
	add(tagUsed, usedWords)
	add(tagModified, modifiedWords)
	add(tagNewClaim, newClaims)
	for i, o := range originClaims {
		entries = append(entries, dictEntry{o.claim, tag{tagOrigin, int32(i)}})
	}
	add(tagCelebrity, celebrityWords)
	add(tagCCCProduct, cccProducts)

	var errs []error
	index := map[string]int{}
	var pats, orig []string
	var tags [][]tag
	for i, e := range entries {
		if !utf8.ValidString(e.word) || len(e.word) > MaxKeywordLen {
			errs = append(errs, fmt.Errorf("%w: word %d %q is invalid or too long", ErrConfig, i, e.word))
			continue
		}
		p := normalizeWord(e.word)
		if p == "" {
			errs = append(errs, fmt.Errorf("%w: word %q is empty after normalisation", ErrConfig, e.word))
			continue
		}
		id, ok := index[p]
		if !ok {
			id = len(pats)
			index[p] = id
			pats = append(pats, p)
			orig = append(orig, e.word)
			tags = append(tags, nil)
		}
		tags[id] = append(tags[id], e.tag)
	}
	r.allowFor = make([][]*compiledAllow, len(pats))
	for i := range r.allow {
		a := &r.allow[i]
		re, err := regexp.Compile(a.Pattern)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w: allow rule %q: %w", ErrConfig, a.ID, err))
			continue
		}
		ca := &compiledAllow{rule: a, pre: regexp.MustCompile(`^(?:` + a.Pattern + `)`), suf: regexp.MustCompile(`(?:` + a.Pattern + `)$`), trySuffix: true}
		if lit, _ := re.LiteralPrefix(); lit != "" {
			for _, w := range a.Words {
				if nw := normalizeWord(w); nw != "" && strings.HasPrefix(lit, nw) {
					ca.trySuffix = false // it always starts with the word
				}
			}
		}
		for _, w := range a.Words {
			if id, ok := index[normalizeWord(w)]; ok {
				r.allowFor[id] = append(r.allowFor[id], ca)
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	m, err := match.Compile(pats)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	r.dict = &Keywords{m: m, words: orig}
	r.tags = tags
	r.wordMsg = make([]string, len(r.words.Words))
	for i, w := range r.words.Words {
		r.wordMsg[i] = wordMessage(w)
	}
	for _, p := range pats {
		r.maxPat = max(r.maxPat, len(p))
	}
	return nil
}

// TextField is one text field of a listing as the rules see it.
type TextField struct {
	Name string // field path, e.g. "title", "attrs[1].value"
	Text string
}

// hit is one dictionary occurrence in a field.
type hit struct {
	field      int
	pat        int
	start, end int    // original byte offsets in the field
	allowed    string // ID of the allow rule that exempts it, if any
	downgrade  bool   // the allow rule only downgrades block to warn
	suppressed bool   // contained in a longer hit of at least the same severity
}

// hitOrder orders the hits of one field as the matcher reports those of a
// short text: by end offset, then start, then pattern id.
func hitOrder(a, b hit) int {
	if c := cmp.Compare(a.end, b.end); c != 0 {
		return c
	}
	if c := cmp.Compare(a.start, b.start); c != 0 {
		return c
	}
	return cmp.Compare(a.pat, b.pat)
}

type scanState struct {
	fields   []TextField
	hits     []hit
	hitRange [][2]int // per field: its hits are hits[lo:hi]
	over     []int    // per field: hits found past the cap (0: not capped)
	valid    []bool   // per field: the text is valid UTF-8
	runes    []int    // per field: its rune count once counted, or -1
	norm     normText
	seen     []uint8 // per pattern: hit kinds kept in the capped field
	wf       []wordFinding
	listing  Listing // the reviewed listing's copy, so that it does not escape
	check    Check
	findings []Finding
	touched  []int32 // patterns whose seen bits are set
}

// maxHitsPerField is how many dictionary hits of one field are kept in full.
// Past it the scan goes on but keeps a hit only when it is of a kind not
// kept yet in the field (a new word, allow-list outcome or contact account),
// which bounds the memory and the work of the rules on adversarial text
// without losing a severity.
const maxHitsPerField = 512

func (st *scanState) fieldHits(fi int) (int, int) {
	r := st.hitRange[fi]
	return r[0], r[1]
}

// skuAttrNames caches the field names of the first SKU attributes.
var skuAttrNames = func() [2][8][8]string {
	var n [2][8][8]string
	for i := range n[0] {
		for j := range n[0][i] {
			p := "skus[" + strconv.Itoa(i) + "].attrs[" + strconv.Itoa(j) + "]"
			n[0][i][j], n[1][i][j] = p+".key", p+".value"
		}
	}
	return n
}()

// skuAttrName returns "skus[i].attrs[j]" + ".key" (key) or ".value".
func skuAttrName(i, j int, key bool) string {
	k := 1
	if key {
		k = 0
	}
	if i < len(skuAttrNames[0]) && j < len(skuAttrNames[0][0]) {
		return skuAttrNames[k][i][j]
	}
	suffix := ".value"
	if key {
		suffix = ".key"
	}
	return "skus[" + strconv.Itoa(i) + "].attrs[" + strconv.Itoa(j) + "]" + suffix
}

func (r *Reviewer) textFields(l *Listing, dst []TextField) []TextField {
	dst = append(dst, TextField{"title", l.Title})
	if l.ShortTitle != "" {
		dst = append(dst, TextField{"short_title", l.ShortTitle})
	}
	for i, a := range l.Attrs {
		dst = append(dst, TextField{attrName(i, ".key"), a.Key}, TextField{attrName(i, ".value"), a.Value})
	}
	if l.Description != "" {
		dst = append(dst, TextField{"desc", l.Description})
	}
	if l.Aftersale != "" {
		dst = append(dst, TextField{"aftersale_desc", l.Aftersale})
	}
	for i, s := range l.SKUs {
		for j, a := range s.Attrs {
			dst = append(dst, TextField{skuAttrName(i, j, true), a.Key}, TextField{skuAttrName(i, j, false), a.Value})
		}
	}
	return dst
}

// resolve applies the allow-list to the hit [s, e) of pattern id in the
// normalised text ns: the ID of the exempting rule, if any, and whether that
// rule only downgrades.
func (r *Reviewer) resolve(l *Listing, at time.Time, ns string, id, s, e int) (string, bool) {
	allowed, downgrade := "", false
	for _, ca := range r.allowFor[id] {
		if !ca.rule.applies(l, at) {
			continue
		}
		if ca.covers(ns, s, e) {
			allowed, downgrade = ca.rule.ID, ca.rule.Downgrade
			if !downgrade {
				break
			}
		}
	}
	return allowed, downgrade
}

// hitKind is the bit of a hit's kind among those the rules tell apart: its
// allow-list outcome and, for a contact trigger, whether an account follows.
func (r *Reviewer) hitKind(h hit, text string) uint8 {
	k := 0
	switch {
	case h.allowed != "" && h.downgrade:
		k = 1
	case h.allowed != "":
		k = 2
	}
	for _, t := range r.tags[h.pat] {
		if t.kind == tagDiversion {
			if _, _, ok := diversionAccount(diversionTriggers[t.idx], text, h.end); ok {
				k += 3
				break
			}
		}
	}
	return 1 << k
}

// exempted reports whether the plain hit [s, e) of the normalised text lies
// inside a longer hit that the allow-list exempts (最 in 最佳食用期).
func (r *Reviewer) exempted(l *Listing, at time.Time, ns string, s, e int) bool {
	a, b := max(0, e-r.maxPat), min(len(ns), s+r.maxPat)
	found := false
	r.dict.m.Scan(ns[a:b], func(id, s2, e2 int) bool {
		s2, e2 = s2+a, e2+a
		if s2 > s || e2 < e || e2-s2 == e-s || len(r.allowFor[id]) == 0 {
			return true
		}
		if allowed, down := r.resolve(l, at, ns, id, s2, e2); allowed != "" && !down {
			found = true
			return false
		}
		return true
	})
	return found
}

// scan fills st.hits for every field, resolving the allow-list at instant at.
func (r *Reviewer) scan(l *Listing, at time.Time, st *scanState) {
	st.fields = r.textFields(l, st.fields[:0])
	st.hits = st.hits[:0]
	st.hitRange = st.hitRange[:0]
	st.over = st.over[:0]
	st.valid = st.valid[:0]
	st.runes = st.runes[:0]
	if len(st.seen) != len(r.tags) {
		st.seen = make([]uint8, len(r.tags))
	}
	for fi, f := range st.fields {
		lo := len(st.hits)
		over := 0
		text := f.Text
		if len(text) > MaxScanBytes {
			cut := MaxScanBytes
			for k := 0; k < utf8.UTFMax-1 && !utf8.RuneStart(text[cut]); k++ {
				cut--
			}
			text = text[:cut]
		}
		st.norm.reset()
		st.norm.normalize(text, 0)
		ns := st.norm.str()
		r.dict.m.Scan(ns, func(id, s, e int) bool {
			os, oe := st.norm.span(s, e)
			h := hit{field: fi, pat: id, start: os, end: oe}
			h.allowed, h.downgrade = r.resolve(l, at, ns, id, s, e)
			if len(st.hits)-lo < maxHitsPerField {
				st.hits = append(st.hits, h)
				return true
			}
			if over == 0 { // the cap is reached: note what is kept
				for _, k := range st.hits[lo:] {
					st.mark(k.pat, r.hitKind(k, f.Text))
				}
			}
			over++
			bit := r.hitKind(h, f.Text)
			if st.seen[id]&bit != 0 {
				return true
			}
			if h.allowed == "" && r.exempted(l, at, ns, s, e) {
				return true // suppressed like an exempt word in checkAdLaw
			}
			st.mark(id, bit)
			st.hits = append(st.hits, h)
			return true
		})
		// The matcher reports the hits of a long text in the order of its
		// interleaved streams; rules that keep the first hit of a kind must
		// see them in text order, so each field's hits are sorted by end,
		// then start, then pattern (a short text is already in this order).
		if fh := st.hits[lo:]; len(fh) > 1 && !slices.IsSortedFunc(fh, hitOrder) {
			slices.SortFunc(fh, hitOrder)
		}
		for _, p := range st.touched {
			st.seen[p] = 0
		}
		st.touched = st.touched[:0]
		st.hitRange = append(st.hitRange, [2]int{lo, len(st.hits)})
		st.over = append(st.over, over)
		// normalize saw every byte of a text it scanned whole.
		st.valid = append(st.valid, len(text) == len(f.Text) && !st.norm.invalid || len(text) < len(f.Text) && utf8.ValidString(f.Text))
		st.runes = append(st.runes, -1)
	}
}

// validRunes returns the rune count of field i, whose text is valid UTF-8,
// counting it once per review: the field limits and the rune positions of
// the findings both need it.
func (st *scanState) validRunes(i int) int {
	if st.runes[i] < 0 {
		st.runes[i] = countRunesValid(st.fields[i].Text)
	}
	return st.runes[i]
}

func (st *scanState) mark(pat int, bit uint8) {
	if st.seen[pat] == 0 {
		st.touched = append(st.touched, int32(pat))
	}
	st.seen[pat] |= bit
}

// allowWindow is how far from a hit an allow-list match may reach.
const allowWindow = 64

// covers reports whether a match of the allow pattern that starts where the
// hit [s, e) of the normalised text starts, or ends where it ends, covers it.
func (ca *compiledAllow) covers(ns string, s, e int) bool {
	b := min(len(ns), s+allowWindow)
	for b < len(ns) && !utf8.RuneStart(ns[b]) {
		b++
	}
	if loc := ca.pre.FindStringIndex(ns[s:b]); loc != nil && s+loc[1] >= e {
		return true
	}
	if !ca.trySuffix {
		return false
	}
	a := max(0, e-allowWindow)
	for a > 0 && !utf8.RuneStart(ns[a]) {
		a--
	}
	loc := ca.suf.FindStringIndex(ns[a:e])
	return loc != nil && a+loc[0] <= s
}

// Review runs every rule over l at instant at (the time documents, shelf
// life and certificate years are judged against) and returns every finding
// with the derived verdict. A listing that fails review is a Result, not an
// error. Review never panics on bad input: a rule that panics is reported as
// a finding with code "internal.rule_panic".
func (r *Reviewer) Review(l Listing, at time.Time) Result {
	st, _ := r.pool.Get().(*scanState)
	if st == nil {
		st = &scanState{}
	}
	defer func() {
		if cap(st.norm.s) <= 4*MaxScanBytes {
			r.pool.Put(st)
		}
	}()
	// The listing copy, the Check and the findings header live in the
	// pooled state, so that none of them escapes to the heap per call.
	st.listing = l
	lp := &st.listing
	defer func() { // keep no caller data in the pool
		st.listing, st.check = Listing{}, Check{}
		st.norm.reset()
		clear(st.fields)
	}()
	r.scan(lp, at, st)
	st.findings = make([]Finding, 0, 4)
	st.check = Check{Listing: lp, At: at, r: r, st: st, out: &st.findings}
	c := &st.check
	for i := range r.rules {
		c.rule = &r.rules[i]
		c.run()
	}
	findings := dedupe(st.findings)
	st.findings = nil
	runePositions(findings, st.fields, st.valid, st.runes)
	slices.SortStableFunc(findings, func(a, b Finding) int {
		if a.Severity != b.Severity {
			return int(b.Severity) - int(a.Severity)
		}
		if a.Stage != b.Stage {
			return int(a.Stage) - int(b.Stage)
		}
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		return a.Start - b.Start
	})
	res := Result{Category: lp.Category, Findings: findings}
	for _, f := range findings {
		switch {
		case f.Severity >= vcart.Block:
			res.Verdict = VerdictRejected
		case f.Severity == vcart.Warn && res.Verdict < VerdictNeedsAttention:
			res.Verdict = VerdictNeedsAttention
		}
	}
	res.Stats = statsFor(lp.Category)
	return res
}

// runePositions sets RuneStart and RuneEnd of every finding from its byte
// offsets and its field's text, or to -1. It visits the textual findings
// by field and ascending Start, so each field's text is counted once
// whatever order the findings are reported in: O(text + k log k) for k
// textual findings, with no allocation for a listing without any. valid
// (per field, may be nil) says which field texts are valid UTF-8: their
// runes between two rune starts are counted a word at a time. runes
// (per field, may be nil) holds the rune counts of valid fields already
// counted, or -1: a finding nearer the end of such a field than the
// previous one is counted back from the end.
func runePositions(fs []Finding, fields []TextField, valid []bool, runes []int) {
	var buf [16]int
	idx := buf[:0] // on the stack for up to 16 textual findings
	for i := range fs {
		f := &fs[i]
		f.RuneStart, f.RuneEnd = -1, -1
		if f.Start >= 0 && f.End >= f.Start {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(strings.Compare(fs[a].Field, fs[b].Field), cmp.Compare(fs[a].Start, fs[b].Start))
	})
	var (
		name           = "\x00" // no field has this name
		text           string
		have, ok       bool
		atByte, atRune int
		total          int  // the field's rune count, or -1
		exact          bool // atRune counts the runes of text[:atByte]
	)
	count := func(a, b int) int {
		if ok && (a == len(text) || utf8.RuneStart(text[a])) && (b == len(text) || utf8.RuneStart(text[b])) {
			return countRunesValid(text[a:b])
		}
		return utf8.RuneCountInString(text[a:b])
	}
	for _, i := range idx {
		f := &fs[i]
		if f.Field != name {
			name, text, have, ok, total = f.Field, "", false, false, -1
			for j, tf := range fields {
				if tf.Name == name {
					text, have, ok = tf.Text, true, j < len(valid) && valid[j]
					if ok && j < len(runes) {
						total = runes[j]
					}
					break
				}
			}
			atByte, atRune, exact = 0, 0, true
		}
		if !have || f.End > len(text) {
			continue
		}
		// A count from an offset inside a rune is not exact (its bytes count
		// one each); from the end only where counting on would be exact.
		boundary := f.Start == len(text) || utf8.RuneStart(text[f.Start])
		if total >= 0 && exact && boundary && len(text)-f.Start < f.Start-atByte {
			atRune = total - countRunesValid(text[f.Start:])
		} else {
			atRune += count(atByte, f.Start)
		}
		atByte, exact = f.Start, exact && boundary
		f.RuneStart = atRune
		f.RuneEnd = atRune + count(f.Start, f.End)
	}
}

// Check is what a rule's Check function receives: the listing, the instant
// and a way to report findings. It is valid only during that call (the
// reviewer reuses it); a rule must not keep it.
type Check struct {
	Listing *Listing
	At      time.Time
	r       *Reviewer
	rule    *Rule
	st      *scanState
	out     *[]Finding
}

func (c *Check) run() {
	defer func() {
		if p := recover(); p != nil {
			c.Report(Finding{Code: "internal.rule_panic", Severity: vcart.Warn,
				Message: fmt.Sprintf("rule %s failed on this listing; it was skipped", c.rule.ID)})
		}
	}()
	c.rule.Check(c)
}

// Report records a finding. Rule, Stage, Reason and Source default to the
// running rule's; Start and End default to -1 (not textual) when both are
// zero and Text is empty.
func (c *Check) Report(f Finding) {
	f.Rule = c.rule.ID
	if f.Stage == 0 {
		f.Stage = c.rule.Stage
	}
	if f.Reason == "" {
		f.Reason = c.rule.Reason
	}
	if f.Source == "" {
		f.Source = c.rule.Source
	}
	if f.Start == 0 && f.End == 0 && f.Text == "" {
		f.Start, f.End = -1, -1
	}
	*c.out = append(*c.out, f)
}

// Fields returns the listing's text fields in review order.
func (c *Check) Fields() []TextField { return slices.Clone(c.st.fields) }

// hitsOf calls fn for every non-exempt hit carrying tag kind k.
func (c *Check) hitsOf(k tagKind, fn func(h hit, t tag)) {
	for _, h := range c.st.hits {
		for _, t := range c.r.tags[h.pat] {
			if t.kind == k {
				fn(h, t)
			}
		}
	}
}

// anyHit reports whether some hit of kind k exists (in fields selected by
// sel, or all fields when sel is nil).
func (c *Check) anyHit(k tagKind, sel func(field string) bool) bool {
	found := false
	c.hitsOf(k, func(h hit, _ tag) {
		if sel == nil || sel(c.st.fields[h.field].Name) {
			found = true
		}
	})
	return found
}

func (c *Check) fieldText(h hit) string {
	return c.st.fields[h.field].Text[h.start:h.end]
}

// dedupe drops a textual finding whose span lies inside the span of another
// finding on the same field with at least its severity (the longest hit at
// a position is the one shown), keeping the first of identical spans.
func dedupe(fs []Finding) []Finding {
	textual := 0
	for _, f := range fs {
		if f.Textual() {
			textual++
		}
	}
	if textual < 2 {
		return fs
	}
	byField := map[string][]int{}
	for i, f := range fs {
		if f.Textual() {
			byField[f.Field] = append(byField[f.Field], i)
		}
	}
	out := make([]Finding, 0, len(fs))
	for i, f := range fs {
		drop := false
		if f.Textual() {
			for _, j := range byField[f.Field] {
				g := fs[j]
				if i == j || !g.Textual() || g.Field != f.Field || g.Severity < f.Severity || g.Start > f.Start || g.End < f.End {
					continue
				}
				if g.Start == f.Start && g.End == f.End && g.Severity == f.Severity && j > i {
					continue // identical span and severity: keep the first
				}
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, f)
		}
	}
	return out
}

// attrNames caches the field names of the first attributes.
var attrNames = func() [2][32]string {
	var n [2][32]string
	for i := range n[0] {
		n[0][i] = "attrs[" + strconv.Itoa(i) + "].key"
		n[1][i] = "attrs[" + strconv.Itoa(i) + "].value"
	}
	return n
}()

// attrName returns "attrs[i]" + suffix (".key" or ".value").
func attrName(i int, suffix string) string {
	if i < len(attrNames[0]) {
		if suffix == ".key" {
			return attrNames[0][i]
		}
		return attrNames[1][i]
	}
	return "attrs[" + strconv.Itoa(i) + "]" + suffix
}
