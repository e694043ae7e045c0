package review

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// refDigitRuns is what digitRuns reports, computed without skipping: every
// rune is decoded and classed, and the runs are read off the classes.
func refDigitRuns(text string) []digitRun {
	type class struct {
		at, n int
		digit byte // ASCII digit, or 0
		sep   bool
		x     bool
	}
	var cs []class
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		d, _ := isDigitRune(r)
		cs = append(cs, class{at: i, n: n, digit: d, sep: isDigitSep(r), x: r == 'X' || r == 'x'})
		i += n
	}
	var out []digitRun
	for k := 0; k < len(cs); {
		if cs[k].digit == 0 {
			k++
			continue
		}
		run := digitRun{start: cs[k].at}
		if prev := cs[k].at - 1; prev >= 0 {
			c := text[prev] | 0x20
			run.afterAlpha = c >= 'a' && c <= 'z'
		}
		var digits []byte
		for k < len(cs) {
			switch c := cs[k]; {
			case c.digit != 0:
				digits = append(digits, c.digit)
				run.end = c.at + c.n
				k++
				continue
			case c.sep && k+1 < len(cs) && cs[k+1].digit != 0:
				run.seps++
				k++
				continue
			case c.x && len(digits) == 17:
				run.x = true
				run.end = c.at + c.n
				k++
			}
			break
		}
		if len(digits) >= minDigitRun && len(digits) <= 40 {
			run.digits = string(digits)
			out = append(out, run)
		}
	}
	return out
}

func collectDigitRuns(text string) []digitRun {
	var got []digitRun
	digitRuns(text, func(r digitRun) { got = append(got, r) })
	return got
}

// TestDigitRuns checks runs in the text around them: before, after and
// between the probes, behind separators, with the resident ID's X and with
// Chinese and full-width digits.
func TestDigitRuns(t *testing.T) {
	t.Parallel()
	cot := "精选新疆长绒棉面料" // 27 bytes without a member
	tests := []struct {
		text string
		want []digitRun
	}{
		{"", nil},
		{"13812345678", []digitRun{{digits: "13812345678", start: 0, end: 11}}},
		{cot + "13812345678" + cot, []digitRun{{digits: "13812345678", start: 27, end: 38}}},
		{"a1381234567", []digitRun{{digits: "1381234567", start: 1, end: 11, afterAlpha: true}}},
		{"138 1234 5678", []digitRun{{digits: "13812345678", start: 0, end: 13, seps: 2}}},
		{cot + "   -  138-1234-5678 ", []digitRun{{digits: "13812345678", start: 33, end: 46, seps: 2}}},
		{"138  1234 5678", nil}, // two separators end a run
		{"电话一三八一二三四五六七八", []digitRun{{digits: "13812345678", start: 6, end: 39}}},
		{"１３８１２３４５６７８", []digitRun{{digits: "13812345678", start: 0, end: 33}}},
		{"幺三八 零一二三 四五六七", []digitRun{{digits: "13801234567", start: 0, end: 35, seps: 2}}},
		{cot + "11010519491231002X" + cot, []digitRun{{digits: "11010519491231002", start: 27, end: 45, x: true}}},
		{"1101051949123100X2345678901", []digitRun{{digits: "1101051949123100", start: 0, end: 16}, {digits: "2345678901", start: 17, end: 27, afterAlpha: true}}}, // X after 16 digits ends the run
		{"11010519491231002XX1234567890", []digitRun{{digits: "11010519491231002", start: 0, end: 18, x: true}, {digits: "1234567890", start: 19, end: 29, afterAlpha: true}}},
		{"123456789", nil},
		{"abcdefghi 1234567890", []digitRun{{digits: "1234567890", start: 10, end: 20}}},                  // the first probe on a space after a word
		{"123456789 0123456789", []digitRun{{digits: "1234567890123456789", start: 0, end: 20, seps: 1}}}, // on a space between digits
		{"abcdefgh 123456789", nil}, // on a space before too few digits
		{"abcdefgX1234567890", []digitRun{{digits: "1234567890", start: 8, end: 18, afterAlpha: true}}}, // on an X after a letter
		{"12345678901234567X", []digitRun{{digits: "12345678901234567", start: 0, end: 18, x: true}}},   // a resident ID's X
		{"123456789 " + cot + " 123456789", nil},
		{strings.Repeat(" ", 40) + "1234567890", []digitRun{{digits: "1234567890", start: 40, end: 50}}},
		{strings.Repeat("- ", 20) + "1234567890" + strings.Repeat(" x", 20), []digitRun{{digits: "1234567890", start: 40, end: 50}}},
		{strings.Repeat("1", 41), nil}, // longer than any number the rules read
		{"\xe4\xb8" + "1234567890\xb8", []digitRun{{digits: "1234567890", start: 2, end: 12}}},
		{"\xe4" + "一二三四五六七八九零", []digitRun{{digits: "1234567890", start: 1, end: 31}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, collectDigitRuns(tt.text), cmp.AllowUnexported(digitRun{})); diff != "" {
			t.Errorf("digitRuns(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
		if diff := cmp.Diff(tt.want, refDigitRuns(tt.text), cmp.AllowUnexported(digitRun{})); diff != "" {
			t.Errorf("refDigitRuns(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

// digitRunParts are the pieces the random and fuzz texts are made of: run
// members of every width, non-members of every width and broken UTF-8.
var digitRunParts = []string{"1", "7", "0", "５", "一", "零", "〇", "幺", "九", " ", "-", "\u00a0", "\u3000", "－", "X", "x",
	"a", "棉", "上", "与", "，", "\xe4", "\xe4\xb8", "\xb8", "\xef\xbc", "é", "🙂", "1381234567", "  "}

// TestDigitRunsRandom compares digitRuns with refDigitRuns on random mixes
// of digitRunParts.
func TestDigitRunsRandom(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(23, 10))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(digitRunParts[rng.IntN(len(digitRunParts))])
		}
		text := b.String()
		if diff := cmp.Diff(refDigitRuns(text), collectDigitRuns(text), cmp.AllowUnexported(digitRun{})); diff != "" {
			t.Fatalf("digitRuns(%q) differs from the reference (-ref +got):\n%s", text, diff)
		}
	}
}

// FuzzDigitRuns checks digitRuns against refDigitRuns on any text.
func FuzzDigitRuns(f *testing.F) {
	for _, s := range []string{"13812345678", "138 1234 5678", "电话一三八一二三四五六七八", "11010519491231002X", "精选新疆长绒棉面料   -  ０１２３４５６７８９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if diff := cmp.Diff(refDigitRuns(text), collectDigitRuns(text), cmp.AllowUnexported(digitRun{})); diff != "" {
			t.Fatalf("digitRuns(%q) differs from the reference (-ref +got):\n%s", text, diff)
		}
	})
}

// TestRunMembers checks the tables of digits and run members against
// isDigitRune and isDigitSep on every rune.
func TestRunMembers(t *testing.T) {
	t.Parallel()
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		_, digit := isDigitRune(r)
		member := digit || isDigitSep(r) || r == 'X' || r == 'x'
		if isRunDigit(r) != digit || isRunMember(r) != member {
			t.Errorf("rune %U: isRunDigit %v, isRunMember %v; want %v, %v", r, isRunDigit(r), isRunMember(r), digit, member)
		}
	}
}
