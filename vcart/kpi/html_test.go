package kpi

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/internal/golden"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// htmlSample is a week graded from compass-like totals, with the previous
// week's changes and a daily GMV series.
func htmlSample(t *testing.T) (*Report, HTMLOptions) {
	t.Helper()
	cst := vcart.Shanghai()
	week := Week(time.Date(2026, 3, 4, 12, 0, 0, 0, cst))
	totals := OrderCounts{Submitted: 140, Paid: 120, Refunded: 9, OrderingBuyers: 130, PayingBuyers: 110,
		GMVFen: 1_318_800, RefundFen: 64_200}
	traffic := Traffic{ClickUV: 1000, ClickPV: 1500}
	r, err := ReportFromTotals(week, week.End, totals, traffic, Config{Category: vcart.CategoryFood})
	if err != nil {
		t.Fatal(err)
	}
	prevWeek := Period{week.Start.AddDate(0, 0, -7), week.Start}
	prev, err := ReportFromTotals(prevWeek, week.Start, OrderCounts{Submitted: 100, Paid: 80, Refunded: 2,
		OrderingBuyers: 95, PayingBuyers: 75, GMVFen: 802_500, RefundFen: 9_900}, Traffic{ClickUV: 1100, ClickPV: 1600}, Config{Category: vcart.CategoryFood})
	if err != nil {
		t.Fatal(err)
	}
	r.Changes = r.Compare(prev)
	daily := []DailyValue{{"03-02", 150_000}, {"03-03", 210_000}, {"03-04", 90_000}, {"03-05", 250_000},
		{"03-06", 180_000}, {"03-07", 268_800}, {"03-08", 170_000}}
	return r, HTMLOptions{Shop: "示例坚果旗舰店 <Demo>", Daily: daily,
		Notes: []string{"数据来自电商罗盘 (T+1); 成交客单价 pay_gmv_per_uv 已扣除退款。"}}
}

func TestReport_WriteHTML(t *testing.T) {
	t.Parallel()
	r, opts := htmlSample(t)
	var b bytes.Buffer
	if err := r.WriteHTML(&b, opts); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, filepath.Join("testdata", "golden", "weekly.html"), b.Bytes())

	page := b.String()
	for _, bad := range []string{"<script", "http://", "https://", "@import", "url("} {
		if strings.Contains(page, bad) && !(bad == "http://" && strings.Count(page, "http://") == strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`)) {
			t.Errorf("the page contains %q: it must be self-contained", bad)
		}
	}
	if !strings.Contains(page, "示例坚果旗舰店 &lt;Demo&gt;") {
		t.Error("the shop name is not escaped")
	}
	for _, want := range []string{`aria-label="funnel"`, `aria-label="benchmarks"`, `aria-label="daily GMV"`, `aria-label="shipping"`,
		"转化漏斗 Funnel", "点击转化率", "<polyline"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// Every coordinate is an integer within the chart.
	for _, m := range regexp.MustCompile(` (?:x|y|width|height|cx|cy)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !regexp.MustCompile(`^-?[0-9]+$`).MatchString(m[1]) {
			t.Errorf("coordinate %q is not an integer", m[1])
		}
	}
	// Deterministic.
	var again bytes.Buffer
	if err := r.WriteHTML(&again, opts); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Error("two renderings differ")
	}
}

func TestReport_WriteHTML_Undefined(t *testing.T) {
	t.Parallel()
	week := Week(time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC))
	r, err := ReportFromTotals(week, week.End, OrderCounts{}, Traffic{}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteHTML(&b, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "无数据 undefined") {
		t.Error("undefined metrics are not marked as such")
	}
	var nilReport *Report
	if err := nilReport.WriteHTML(&b, HTMLOptions{}); err == nil {
		t.Error("a nil report rendered")
	}
}

func TestScaleTo(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ v, top, w, want int64 }{
		{0, 10, 100, 0}, {5, 10, 100, 50}, {10, 10, 100, 100}, {20, 10, 100, 100}, {1, 3, 100, 33}, {2, 3, 100, 67},
		{5, 0, 100, 0}, {-1, 10, 100, 0}, {1 << 62, 1<<62 + 1, 360, 360},
	} {
		if got := scaleTo(c.v, c.top, c.w); got != c.want {
			t.Errorf("scaleTo(%d, %d, %d) = %d, want %d", c.v, c.top, c.w, got, c.want)
		}
	}
}

// TestReport_WriteHTML_Browser renders the page in a real headless
// Chromium (Debian's chromium package) and checks that it parses into the
// expected document, with its charts. It skips when no browser is
// installed.
func TestReport_WriteHTML_Browser(t *testing.T) {
	var bin string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("no Chromium installed (apt-get install chromium)")
	}
	r, opts := htmlSample(t)
	var b bytes.Buffer
	if err := r.WriteHTML(&b, opts); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "weekly.html")
	if err := os.WriteFile(page, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--dump-dom", "file://"+page)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v", bin, err)
	}
	dom := string(out)
	for _, want := range []string{"<svg", `aria-label="funnel"`, `aria-label="benchmarks"`, "<polyline", "数据周报 Weekly report"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the browser's DOM lacks %q", want)
		}
	}
	if strings.Contains(dom, "parsererror") {
		t.Error("the browser reports a parse error")
	}
}
