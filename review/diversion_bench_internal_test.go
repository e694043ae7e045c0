package review

import (
	"strings"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// BenchmarkDiversion runs the diversion rule alone (digit runs as phone,
// resident ID and bank card numbers; WeChat and QQ accounts after their
// trigger words) over a listing the reviewer has scanned: a clean 2 KB
// description, the same with contact details, and 2 KB of English.
func BenchmarkDiversion(b *testing.B) {
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var rule *Rule
	for i := range r.rules {
		if r.rules[i].ID == RuleDiversion {
			rule = &r.rules[i]
		}
	}
	clean := strings.Repeat("精选新疆长绒棉面料，亲肤透气，做工精细，版型宽松百搭。", 26)
	for _, tc := range []struct{ name, desc string }{
		{"clean2KB", clean},
		{"contacts2KB", clean[:len(clean)-240] + "加微信abc_12345，电话138 1234 5678，QQ：12345678，身份证11010519491231002X，卡号6222600260001234567"},
		{"english2KB", strings.Repeat("Soft cotton tee, relaxed fit, sizes M-XL, 100% cotton. ", 38)},
	} {
		l := Listing{Title: "纯棉短袖T恤男夏季宽松圆领上衣", Category: vcart.CategoryApparel, Description: tc.desc,
			Attrs: []Attr{{Key: "面料成分", Value: "棉100%"}, {Key: "尺码", Value: "M L XL"}}}
		st := &scanState{}
		r.scan(&l, at, st)
		var out []Finding
		c := &Check{Listing: &l, At: at, r: r, rule: rule, st: st, out: &out}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.desc)))
			b.ReportAllocs()
			for b.Loop() {
				out = out[:0]
				checkDiversion(c)
			}
		})
	}
}
