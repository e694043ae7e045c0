package vcart

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestFindingCodesDocumented keeps the "# Finding codes" section of doc.go
// and the codes the source emits in step: every code emitted is documented,
// and every documented code is emitted.
func TestFindingCodesDocumented(t *testing.T) {
	t.Parallel()
	read := func(name string) string {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var src strings.Builder
	for _, f := range []string{"validate.go", "eligibility.go", "subject.go"} {
		src.WriteString(read(f))
	}
	emitted := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?:cr\.add\(|Code: )"([a-z_]+\.[a-z0-9_]+)"`).FindAllStringSubmatch(src.String(), -1) {
		if !strings.HasPrefix(m[1], "rules.") || m[1] == "rules.invalid" || m[1] == "rules.not_effective" {
			emitted[m[1]] = true
		}
	}
	for _, m := range regexp.MustCompile(`newFormatChecks\("([a-z_]+)"`).FindAllStringSubmatch(src.String(), -1) {
		for _, suffix := range []string{"empty", "whitespace", "fullwidth", "length", "charset"} {
			emitted[m[1]+"."+suffix] = true
		}
	}
	if len(emitted) < 50 {
		t.Fatalf("found only %d codes in the source; the pattern is broken", len(emitted))
	}

	doc := read("doc.go")
	start, end := strings.Index(doc, "# Finding codes"), strings.Index(doc, "# Divergence")
	if start < 0 || end < start {
		t.Fatal("doc.go has no # Finding codes section")
	}
	section := doc[start:end]
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile(`\b([a-z_]+\.[a-z0-9_]+)\b`).FindAllStringSubmatch(section, -1) {
		documented[m[1]] = true
	}
	// The grouped line "uscc.*, … with .empty, …" documents the format codes.
	for _, p := range []string{"uscc", "registration_number", "resident_id", "bank_card"} {
		for _, suffix := range []string{"empty", "whitespace", "fullwidth", "length", "charset"} {
			documented[p+"."+suffix] = true
		}
	}
	var undocumented, stale []string
	for c := range emitted {
		if !documented[c] {
			undocumented = append(undocumented, c)
		}
	}
	for c := range documented {
		if !emitted[c] && !strings.HasSuffix(c, ".go") {
			stale = append(stale, c)
		}
	}
	slices.Sort(undocumented)
	slices.Sort(stale)
	if len(undocumented) > 0 {
		t.Errorf("codes missing from doc.go: %v", undocumented)
	}
	if len(stale) > 0 {
		t.Errorf("doc.go lists codes the source never emits: %v", stale)
	}
}
