package main

import (
	"strings"
	"testing"
)

// TestRun runs the walk-through twice: it completes, is deterministic, and
// each seam shows its result.
func TestRun(t *testing.T) {
	var a, b strings.Builder
	if err := run(&a); err != nil {
		t.Fatal(err)
	}
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("two runs differ:\n%s\n---\n%s", a.String(), b.String())
	}
	for _, want := range []string{
		"eligible true, deposit due ¥20000.00",
		`block content.adlaw.block title characters [8:12] "全网第一"`,
		"fixed: clean",
		": listed, dress-floral-m at ¥199.00",
		"channels_ec_order_pay     order",
		"paid ¥398.00, WeChat Pay fee ¥2.39, service fee ¥19.90 (5.00%), net ¥375.71",
		"may list products false",
		"4 orders, 3 paid, GMV ¥796.00, refunds ¥199.00",
		"加购转化率 add-to-cart conversion (UV): undefined\n",
		"shipping within 48h: 1 on time, 1 overdue, 1 refunded before shipping",
	} {
		if !strings.Contains(a.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, a.String())
		}
	}
}
