package review

import (
	"testing"

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
	// description is not; the answer is the same either way.
	for _, valid := range [][]bool{nil, {true, false}} {
		runePositions(fs, fields, valid)
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
	runePositions(mid, fields, []bool{true, false})
	if got, want := (span{mid[0].RuneStart, mid[0].RuneEnd}), (span{2, 7}); got != want {
		t.Errorf("mid-rune offsets: %+v, want %+v", got, want)
	}
	runePositions(nil, fields, nil) // no findings, no work
}
