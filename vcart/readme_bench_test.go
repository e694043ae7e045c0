package vcart_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEBenchmarkCommands checks that every benchmark command in the
// README's performance table names benchmarks that exist in its package:
// a pattern that matches none (as an escaped "\|" did) runs nothing and
// reports nothing.
func TestREADMEBenchmarkCommands(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Skipf("README.md not found beside the module: %v", err)
	}
	cmdRE := regexp.MustCompile("`(?:[A-Z_]+=\\S+ )?go test -run '\\^\\$' -bench (\\S+) -benchtime=\\S+ (\\./\\S+)`")
	benchRE := regexp.MustCompile(`(?m)^func (Benchmark\w+)\(b \*testing\.B\)`)
	cmds := cmdRE.FindAllStringSubmatch(string(readme), -1)
	if len(cmds) < 10 {
		t.Fatalf("found %d benchmark commands in the README, want the performance table's", len(cmds))
	}
	for _, c := range cmds {
		pattern, pkg := strings.Trim(c[1], "'"), c[2]
		re, err := regexp.Compile(strings.SplitN(pattern, "/", 2)[0])
		if err != nil {
			t.Errorf("%s: -bench %q does not compile: %v", pkg, pattern, err)
			continue
		}
		files, _ := filepath.Glob(filepath.Join("..", pkg, "*_test.go"))
		var matched []string
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range benchRE.FindAllStringSubmatch(string(b), -1) {
				if re.MatchString(strings.TrimPrefix(m[1], "Benchmark")) || re.MatchString(m[1]) {
					matched = append(matched, m[1])
				}
			}
		}
		if len(matched) == 0 {
			t.Errorf("README command `-bench %s %s` runs no benchmark", pattern, pkg)
		}
	}
}
