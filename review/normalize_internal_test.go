package review

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"ＮＯ．１ Top1 VX", "no.1 top1 vx"},
		{"最 佳 最*佳 最・佳", "最佳最佳最佳"},
		{"最，佳。第一", "最,佳。第一"},
		{"最     佳", "最     佳"},
		{"頂級國家級獨家", "顶级国家级独家"},
		{"零\u200b添\u200d加\ufeff", "零添加"},
		{"\uF9B2㈱", "零(株)"},
		{"a\xffb", "a b"},
		{"100%棉", "100%棉"},
		{"", ""},
	}
	for _, tt := range tests {
		var n normText
		n.normalize(tt.in, 0)
		if diff := cmp.Diff(tt.want, string(n.s)); diff != "" {
			t.Errorf("normalize(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		checkOffsets(t, tt.in, &n, 0)
	}
}

// checkOffsets verifies the offset map: every normalised byte maps to a
// non-empty, in-bounds original span, spans never go backwards, and spans
// start on rune boundaries of valid input.
func checkOffsets(t *testing.T, in string, n *normText, base int) {
	t.Helper()
	if len(n.src) != len(n.s) || len(n.end) != len(n.s) {
		t.Fatalf("map lengths %d/%d for %d bytes", len(n.src), len(n.end), len(n.s))
	}
	prev := int32(base)
	for i := range n.s {
		s, e := n.src[i], n.end[i]
		if s < prev || e <= s || int(e) > base+len(in) {
			t.Fatalf("%q: byte %d maps to [%d:%d] after %d", in, i, s, e, prev)
		}
		if utf8.ValidString(in) && !utf8.RuneStart(in[int(s)-base]) {
			t.Fatalf("%q: byte %d maps into the middle of a rune", in, i)
		}
		prev = s
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"ＮＯ．１最 佳", "頂級\u200b國家級", "a\xff\xfe最", "㈱ﬁ", "最**佳，第一次"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 4096 {
			return
		}
		var n normText
		n.normalize(in, 7)
		checkOffsets(t, in, &n, 7)
		if len(n.s) > 18*len(in)+16 {
			t.Fatalf("normalised %d bytes to %d", len(in), len(n.s))
		}
	})
}
