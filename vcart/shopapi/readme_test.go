package shopapi_test

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEQuickStart keeps the README's "Quick start in code" identical to
// the package Example, so the README cannot drift from code that runs.
func TestREADMEQuickStart(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skipf("README.md not found beside the module: %v", err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start := strings.Index(s, "func Example() {")
	if start < 0 {
		t.Fatal("example_test.go has no func Example")
	}
	end := strings.Index(s[start:], "\n}\n")
	if end < 0 {
		t.Fatal("func Example is not closed")
	}
	body := s[start : start+end+2]
	if !strings.Contains(string(readme), "```go\n"+body+"\n```") {
		t.Errorf("README.md's quick start differs from func Example in example_test.go; copy it again:\n%s", body)
	}
}
