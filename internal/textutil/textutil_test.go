package textutil_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/internal/textutil"
)

func TestTruncate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"", 4, ""},
		{"abc", 3, "abc"},
		{"abcd", 3, "abc…"},
		{"订单号码", 4, "订…"},    // 4 bytes would split 单: cut back to 订
		{"订单号码", 6, "订单…"},   // exactly on a boundary
		{"订单号码", 12, "订单号码"}, // fits
		{"订单", 2, "…"},       // no whole character fits
		{"abc", -1, "…"},
	}
	for _, tt := range tests {
		got := textutil.Truncate(tt.s, tt.n)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Truncate(%q, %d) (-want +got):\n%s", tt.s, tt.n, diff)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Truncate(%q, %d) = %q is not valid UTF-8", tt.s, tt.n, got)
		}
	}
}

func ExampleTruncate() {
	fmt.Println(textutil.Truncate("云南高山手剥核桃", 10))
	// Output: 云南高…
}
