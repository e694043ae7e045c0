package review

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestRunePositions feeds findings out of field and offset order (as
// severity sorting leaves them) and checks each span in characters.
func TestRunePositions(t *testing.T) {
	t.Parallel()
	fields := []TextField{{"title", "T恤 全网第一"}, {"desc", "最佳面料，最好的做工\xff顶级"}}
	fs := []Finding{
		{Field: "desc", Start: 15, End: 21, Text: "最好"},        // 最好 at character 5
		{Field: "title", Start: 5, End: 17, Text: "全网第一"},      // 全网第一 at character 3
		{Field: "desc", Start: 0, End: 6, Text: "最佳"},          // 最佳 at character 0
		{Field: "desc", Start: 30, End: 31, Text: "\xff"},      // an invalid byte counts as one
		{Field: "desc", Start: 31, End: 37, Text: "顶级"},        // after it
		{Field: "images", Start: -1, End: -1},                  // not textual
		{Field: "attrs[0].value", Start: 0, End: 3, Text: "棉"}, // not a text field of the listing
		{Field: "title", Start: 5, End: 99, Text: "?"},         // beyond the text
	}
	type span struct{ RuneStart, RuneEnd int }
	want := []span{{5, 7}, {3, 7}, {0, 2}, {10, 11}, {11, 13}, {-1, -1}, {-1, -1}, {-1, -1}}
	// The title is valid UTF-8 (counted eight bytes at a time), the
	// description is not; the answer is the same either way, and with the
	// title's rune count known.
	for _, valid := range [][]bool{nil, {true, false}} {
		runePositions(fs, fields, valid, []int{7, -1})
		var got []span
		for _, f := range fs {
			got = append(got, span{f.RuneStart, f.RuneEnd})
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("valid %v: runePositions mismatch (-want +got):\n%s", valid, diff)
		}
	}
	// Offsets inside a rune of a valid text count as RuneCountInString does.
	mid := []Finding{{Field: "title", Start: 2, End: 9}}
	runePositions(mid, fields, []bool{true, false}, nil)
	if got, want := (span{mid[0].RuneStart, mid[0].RuneEnd}), (span{2, 7}); got != want {
		t.Errorf("mid-rune offsets: %+v, want %+v", got, want)
	}
	runePositions(nil, fields, nil, nil) // no findings, no work
}

// TestRunePositionsFromEnd checks that findings near the end of a field
// whose rune count is known, counted back from the end, get the positions
// that counting on from the start gives: the character offsets of their
// text, and after a finding that starts inside a rune (whose bytes count
// one each), what counting on from there gives.
func TestRunePositionsFromEnd(t *testing.T) {
	t.Parallel()
	text := "精选长绒棉面料，亲肤透气。a顶级🙂"
	fields := []TextField{{"title", "纯棉T恤"}, {"desc", text}}
	spans := [][2]int{{0, 6}, {39, 40}, {40, 46}, {46, 50}, {50, 50}, {41, 46}, {44, 50}, {3, 49}}
	var fs []Finding
	for _, s := range spans {
		fs = append(fs, Finding{Field: "desc", Start: s[0], End: s[1], Text: text[s[0]:s[1]]})
	}
	one := slices.Clone(fs)
	for i := range one {
		one[i].RuneStart = utf8.RuneCountInString(text[:one[i].Start])
		one[i].RuneEnd = one[i].RuneStart + utf8.RuneCountInString(text[one[i].Start:one[i].End])
	}
	inRune := func(f Finding) bool { return f.Start < len(text) && !utf8.RuneStart(text[f.Start]) }
	all := slices.Clone(fs)
	runePositions(all, fields, []bool{true, true}, nil)
	for i, f := range all {
		if !slices.ContainsFunc(all, func(g Finding) bool { return inRune(g) && g.Start < f.Start }) && f != one[i] {
			t.Errorf("counted on from the start: %+v, want %+v", f, one[i])
		}
	}
	for _, runes := range [][]int{nil, {-1, -1}, {4, utf8.RuneCountInString(text)}} {
		for i := range fs {
			runePositions(fs[i:i+1], fields, []bool{true, true}, runes)
		}
		if diff := cmp.Diff(one, fs); diff != "" {
			t.Errorf("runes %v, one at a time: mismatch (-want +got):\n%s", runes, diff)
		}
		runePositions(fs, fields, []bool{true, true}, runes)
		if diff := cmp.Diff(all, fs); diff != "" {
			t.Errorf("runes %v, all at once: mismatch (-want +got):\n%s", runes, diff)
		}
	}
}

// TestCountRunesValidLong checks countRunesValid on every length and start
// of texts long enough for its byte-wise sums to be folded several times.
func TestCountRunesValidLong(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("精选ＡＢＣ𠀀é，a棉", 1000) // 24 bytes a round
	for n := 0; n <= 5000; n++ {
		for off := 0; off < 8; off++ {
			s := text[off : off+n]
			if !utf8.ValidString(s) {
				continue
			}
			if got, want := countRunesValid(s), utf8.RuneCountInString(s); got != want {
				t.Fatalf("countRunesValid(text[%d:%d]) = %d, want %d", off, off+n, got, want)
			}
		}
	}
	all := strings.Repeat("\u0080", 20000) // continuation bytes only past the lead bytes
	if got, want := countRunesValid(all), utf8.RuneCountInString(all); got != want {
		t.Errorf("countRunesValid of %d two-byte runes = %d, want %d", want, got, want)
	}
}
