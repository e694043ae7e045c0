package review

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// adlawTSV is the built-in advertising-law word list: 351 entries with
// columns word, category, severity (block/warn) and note. It was compiled for
// this SDK from the sources listed in the package documentation (see
// "Word list"): the words are facts, re-categorised by hand.
//
//go:embed data/adlaw-words.tsv
var adlawTSV string

// WordListVersion and WordListEffective identify the built-in word list.
const (
	WordListVersion = "adlaw-2026.1"
)

// WordListEffective is the date from which the built-in word list applies.
var wordListEffective = time.Date(2026, 1, 21, 0, 0, 0, 0, time.UTC)

// Word is one advertising-law entry.
type Word struct {
	Text     string         // the word as listed
	Category string         // e.g. "absolute_superlative", "medical_claim"
	Severity vcart.Severity // vcart.Block or vcart.Warn
	Note     string         // legal basis and exceptions
}

// WordList is a versioned word list.
type WordList struct {
	Version       string
	EffectiveFrom time.Time
	Words         []Word
}

// DefaultWordList returns a fresh copy of the built-in list.
func DefaultWordList() WordList {
	wl, err := ParseWordList(strings.NewReader(adlawTSV))
	if err != nil {
		panic("review: built-in word list: " + err.Error()) // covered by tests
	}
	wl.Version = WordListVersion
	wl.EffectiveFrom = wordListEffective
	return wl
}

// ErrWordList is wrapped by [ParseWordList] errors.
var ErrWordList = errors.New("review: bad word list")

// maxWordListBytes bounds what ParseWordList reads.
const maxWordListBytes = 16 << 20

// ParseWordList reads a tab-separated list with the columns word, category,
// severity (block, warn or info) and note. A first line starting with
// "word\t" is a header; lines starting with '#' and blank lines are
// skipped. Every bad line is reported at once, each with its line number.
func ParseWordList(r io.Reader) (WordList, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxWordListBytes))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	var wl WordList
	var errs []error
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if t == "" || strings.HasPrefix(t, "#") || (line == 1 && strings.HasPrefix(t, "word\t")) {
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) < 3 {
			errs = append(errs, fmt.Errorf("%w: line %d: want at least 3 tab-separated columns, got %d", ErrWordList, line, len(cols)))
			continue
		}
		w := Word{Text: strings.TrimSpace(cols[0]), Category: strings.TrimSpace(cols[1])}
		if len(cols) > 3 {
			w.Note = strings.TrimSpace(cols[3])
		}
		switch strings.TrimSpace(cols[2]) {
		case "block":
			w.Severity = vcart.Block
		case "warn":
			w.Severity = vcart.Warn
		case "info":
			w.Severity = vcart.Info
		default:
			errs = append(errs, fmt.Errorf("%w: line %d: severity %q is not block, warn or info", ErrWordList, line, cols[2]))
			continue
		}
		if w.Text == "" {
			errs = append(errs, fmt.Errorf("%w: line %d: empty word", ErrWordList, line))
			continue
		}
		wl.Words = append(wl.Words, w)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%w: line %d: %w", ErrWordList, line+1, err))
	}
	if len(errs) > 0 {
		return WordList{}, errors.Join(errs...)
	}
	return wl, nil
}

// wordReason maps a word to the seed reason its finding prevents.
func wordReason(w Word) Reason {
	switch w.Category {
	case "platform_diversion":
		return ReasonDiversion
	case "counterfeit_ip":
		switch {
		case strings.Contains(w.Text, "明星"):
			return ReasonStolenCelebrity
		case strings.Contains(w.Text, "翻新") || strings.Contains(w.Text, "二手") || strings.Contains(w.Text, "拆机"):
			return ReasonUsedAsNew
		case strings.Contains(w.Text, "改装") || strings.Contains(w.Text, "破解"):
			return ReasonModifiedDevice
		}
		return ReasonTrademark
	}
	return ReasonFalseAdvertising
}

// wordSource names the legal basis of a word's category.
func wordSource(category string) string {
	switch category {
	case "absolute_superlative", "absolute_first_unique", "absolute_level", "absolute_other":
		return "广告法 第9条第3项"
	case "authority_state":
		return "广告法 第9条第1-2项"
	case "quality_exemption":
		return "广告法 第28条"
	case "trademark_patent":
		return "商标法 第14条; 广告法 第12条"
	case "inducement_click":
		return "互联网广告管理办法"
	case "urgency_pressure":
		return "明码标价和禁止价格欺诈规定"
	case "medical_claim":
		return "广告法 第16-17条"
	case "cosmetics_claim":
		return "化妆品监督管理条例 第37、43条"
	case "food_claim":
		return "食品安全法 第71、73条; 广告法 第18、20条"
	case "superstition":
		return "广告法 第9条第8项"
	case "guarantee_promise":
		return "广告法 第24-26条"
	case "platform_diversion":
		return "微信小店 平台规则: 导流外链"
	case "counterfeit_ip":
		return "商标法 第57条; 广告法 第33条"
	}
	return "word list"
}
