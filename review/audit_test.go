package review_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// hasFinding reports whether res holds a finding with the severity, code,
// field and (when text is not empty) text.
func hasFinding(res review.Result, sev vcart.Severity, code, field, text string) bool {
	return slices.ContainsFunc(res.Findings, func(f review.Finding) bool {
		return f.Severity == sev && f.Code == code && f.Field == field && (text == "" || f.Text == text)
	})
}

// TestHitCapKeepsSeverity plants a block word after more word hits than the
// per-field cap keeps: the block word must still be found wherever it is.
func TestHitCapKeepsSeverity(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	tests := []struct {
		name, desc string
	}{
		{"block at end", strings.Repeat("正品", 600) + "国家级"},
		{"block in middle", strings.Repeat("正品", 300) + "国家级" + strings.Repeat("正品", 300)},
		{"block at start", "国家级" + strings.Repeat("正品", 600)},
		{"block after 1900 hits", strings.Repeat("正品", 1900) + "国家级"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := cleanApparel()
			l.Description = tt.desc
			res := r.Review(l, at)
			if res.Verdict != review.VerdictRejected {
				t.Errorf("verdict %s, want rejected", res.Verdict)
			}
			if !hasFinding(res, vcart.Block, "content.adlaw.block", "desc", "国家级") {
				t.Errorf("no block finding for 国家级:\n%s", strings.Join(briefs(res), "\n"))
			}
			if !hasFinding(res, vcart.Warn, "content.text.too_many_hits", "desc", "") {
				t.Errorf("the cap is not reported:\n%s", strings.Join(briefs(res), "\n"))
			}
		})
	}
}

// TestHitCapKeepsDiversion: a contact account after the cap is still found,
// even when the same trigger word occurred earlier without an account.
func TestHitCapKeepsDiversion(t *testing.T) {
	t.Parallel()
	l := cleanApparel()
	l.Description = "加微信" + strings.Repeat("正品", 600) + "加微信abc12345"
	res := mustNew(t).Review(l, at)
	if !hasFinding(res, vcart.Block, "content.diversion.wechat_id", "desc", "") {
		t.Errorf("wechat account after the cap not found:\n%s", strings.Join(briefs(res), "\n"))
	}
}

// TestHitCapKeepsExemptions: past the cap, a word inside an allow-listed
// phrase stays exempt.
func TestHitCapKeepsExemptions(t *testing.T) {
	t.Parallel()
	l := cleanFood()
	l.Description = strings.Repeat("正品", 600) + "最佳食用期为开袋后30天。"
	res := mustNew(t).Review(l, at)
	if res.Verdict != review.VerdictNeedsAttention {
		t.Errorf("verdict %s, want needs-attention", res.Verdict)
	}
	for _, f := range res.Findings {
		if f.Field == "desc" && strings.HasPrefix(f.Text, "最") {
			t.Errorf("exempt word reported: %s", brief(f))
		}
	}
}

func TestExpiredAuthorisationDoesNotExempt(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	base := func(to time.Time) review.Listing {
		l := cleanApparel()
		l.Description = "本店为品牌独家授权经销商。"
		l.Documents = []vcart.Document{{Kind: vcart.DocBrandAuthorisation, Number: "SQ-2024-001", ValidTo: to}}
		return l
	}
	valid := r.Review(base(time.Date(2027, 1, 1, 0, 0, 0, 0, shanghai)), at)
	if hasFinding(valid, vcart.Warn, "content.adlaw.warn", "desc", "独家") {
		t.Errorf("a valid authorisation must exempt 独家:\n%s", strings.Join(briefs(valid), "\n"))
	}
	expired := r.Review(base(time.Date(2025, 1, 1, 0, 0, 0, 0, shanghai)), at)
	if !hasFinding(expired, vcart.Warn, "content.adlaw.warn", "desc", "独家") {
		t.Errorf("an expired authorisation must not exempt 独家:\n%s", strings.Join(briefs(expired), "\n"))
	}
}

func TestSKUAttrKeysScanned(t *testing.T) {
	t.Parallel()
	l := cleanApparel()
	l.SKUs[1].Attrs[0].Key = "加微信abc12345"
	res := mustNew(t).Review(l, at)
	if !hasFinding(res, vcart.Block, "content.diversion.wechat_id", "skus[1].attrs[0].key", "") {
		t.Errorf("SKU attribute key not scanned:\n%s", strings.Join(briefs(res), "\n"))
	}
}

func TestChineseNumerals(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	// An 18-digit ID-shaped number whose check digit is wrong, and which is
	// not a bank card either (Luhn-invalid, not 62…).
	badID := ""
	for c := '0'; c <= '9'; c++ {
		id := "11010519491231002" + string(c)
		if !vcart.ValidateResidentID(id, time.Time{}).OK && !vcart.LuhnValid(id) {
			badID = id
			break
		}
	}
	tests := []struct {
		name, desc, code, text string
		sev                    vcart.Severity
	}{
		{"numerals", "售后请致电一三八一二三四五六七八。", "content.diversion.phone", "一三八一二三四五六七八", vcart.Block},
		{"zero and yao", "电话幺三八零零一二三四五六", "content.diversion.phone", "幺三八零零一二三四五六", vcart.Block},
		{"mixed with separators", "电话：一三八 〇〇一二 3456", "content.diversion.phone", "一三八 〇〇一二 3456", vcart.Block},
		{"possible id", "证件号" + badID, "content.privacy.possible_id_number", "[redacted]", vcart.Warn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := cleanApparel()
			l.Description = tt.desc
			res := r.Review(l, at)
			if !hasFinding(res, tt.sev, tt.code, "desc", tt.text) {
				t.Errorf("want %s %s %q:\n%s", tt.sev, tt.code, tt.text, strings.Join(briefs(res), "\n"))
			}
			for _, f := range res.Findings {
				if f.Code == tt.code && f.Text != "[redacted]" && l.Description[f.Start:f.End] != f.Text {
					t.Errorf("offsets [%d:%d] do not point at %q", f.Start, f.End, f.Text)
				}
			}
		})
	}
	// Ordinary numerals in text are not numbers.
	l := cleanApparel()
	l.Description = "一二三四五，上山打老虎。买一送一，三件九折。"
	if res := r.Review(l, at); slices.ContainsFunc(res.Findings, func(f review.Finding) bool {
		return strings.Contains(f.Code, "diversion") || strings.Contains(f.Code, "privacy")
	}) {
		t.Errorf("false positive:\n%s", strings.Join(briefs(res), "\n"))
	}
}

func TestInvalidUTF8TitleChecked(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	long := cleanApparel()
	long.Title = strings.Repeat("纯棉短袖T恤", 10) + "\xff"
	if utf8.ValidString(long.Title) {
		t.Fatal("test title is valid UTF-8")
	}
	res := r.Review(long, at)
	if !hasFinding(res, vcart.Block, "content.title.too_long", "title", "") {
		t.Errorf("too long title with an invalid byte not reported:\n%s", strings.Join(briefs(res), "\n"))
	}
	bad := cleanApparel()
	bad.Title = "纯棉短袖T恤★\xfe男夏季"
	res = r.Review(bad, at)
	if !hasFinding(res, vcart.Block, "content.title.bad_char", "title", "★") {
		t.Errorf("bad character in a title with an invalid byte not reported:\n%s", strings.Join(briefs(res), "\n"))
	}
	short := cleanApparel()
	short.Title = "\xff\xfe\xfd\xfc\xfb\xfa纯棉"
	res = r.Review(short, at)
	if !hasFinding(res, vcart.Block, "content.title.too_short", "title", "") {
		t.Errorf("short title with invalid bytes not reported:\n%s", strings.Join(briefs(res), "\n"))
	}
}
