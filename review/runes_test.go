package review_test

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/review"
)

// TestFinding_RunePositions checks that a textual finding carries its span
// in characters as well as bytes, and that the two agree.
func TestFinding_RunePositions(t *testing.T) {
	t.Parallel()
	r, err := review.New()
	if err != nil {
		t.Fatal(err)
	}
	type span struct {
		Code, Field, Text  string
		Start, End         int
		RuneStart, RuneEnd int
	}
	tests := []struct {
		name string
		edit func(*review.Listing)
		want []span // the textual findings with these codes, in result order
	}{
		{"ascii prefix then Chinese", func(l *review.Listing) { l.Title = "T恤 全网第一 纯棉短袖" },
			[]span{{"content.adlaw.block", "title", "全网第一", 5, 17, 3, 7}}},
		{"two hits in one field, counted incrementally", func(l *review.Listing) {
			l.Description = "新疆长绒棉，最佳选择。加微信 abc12345 购买，第一品牌"
		}, []span{
			{"content.adlaw.block", "desc", "最佳", 18, 24, 6, 8},
			{"content.adlaw.block", "desc", "第一品牌", 61, 73, 27, 31},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := cleanApparel()
			tt.edit(&l)
			res := r.Review(l, at)
			var got []span
			for _, f := range res.Findings {
				text := fieldText(l, f.Field)
				if !f.Textual() {
					if f.RuneStart != -1 || f.RuneEnd != -1 {
						t.Errorf("%s: not textual but RuneStart, RuneEnd = %d, %d", f.Code, f.RuneStart, f.RuneEnd)
					}
					continue
				}
				// Every textual finding: the rune span selects the same text as the byte span.
				if text != "" {
					if byRunes := string([]rune(text)[f.RuneStart:f.RuneEnd]); byRunes != text[f.Start:f.End] {
						t.Errorf("%s %s: runes [%d:%d] = %q, bytes [%d:%d] = %q", f.Code, f.Field, f.RuneStart, f.RuneEnd, byRunes, f.Start, f.End, text[f.Start:f.End])
					}
					if f.RuneStart != utf8.RuneCountInString(text[:f.Start]) {
						t.Errorf("%s: RuneStart %d, want %d", f.Code, f.RuneStart, utf8.RuneCountInString(text[:f.Start]))
					}
				}
				if f.Code == "content.adlaw.block" {
					got = append(got, span{f.Code, f.Field, f.Text, f.Start, f.End, f.RuneStart, f.RuneEnd})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rune spans mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func fieldText(l review.Listing, field string) string {
	switch field {
	case "title":
		return l.Title
	case "desc":
		return l.Description
	}
	return ""
}
