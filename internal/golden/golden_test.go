package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiff(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("毛", 40) + "x" + strings.Repeat("衣", 40) + "\n"
	tests := []struct {
		name, want, got string
		diff            string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"both empty", "", "", ""},
		{"CRLF file", "a\r\nb\r\n", "a\nb\n", ""},
		{"CRLF output", "a\nb\n", "a\r\nb\r\n", ""},
		{"lone CR kept", "a\rb\n", "a\nb\n",
			"first difference at line 1, column 2:\n\twant: \"a\\rb\\n\"\n\t got: \"a\\n\"\n(want 1 lines, got 2)"},
		{"second line", "a\nb\nc\n", "a\nB\nc\n",
			"first difference at line 2, column 1:\n\twant: \"b\\n\"\n\t got: \"B\\n\"\n(want 3 lines, got 3)"},
		{"extra line", "a\n", "a\nb\n",
			"first difference at line 2, column 1:\n\twant: <EOF>\n\t got: \"b\\n\"\n(want 1 lines, got 2)"},
		{"missing line", "a\nb\n", "a\n",
			"first difference at line 2, column 1:\n\twant: \"b\\n\"\n\t got: <EOF>\n(want 2 lines, got 1)"},
		{"no final newline", "a\n", "a",
			"first difference at line 1, column 2:\n\twant: \"a\\n\"\n\t got: \"a\"\n(want 1 lines, got 1)"},
		{"empty file", "", "a\n",
			"first difference at line 1, column 1:\n\twant: <EOF>\n\t got: \"a\\n\"\n(want 0 lines, got 1)"},
		{"unicode kept", "费率 0.6%\n", "费率 0.60%\n",
			"first difference at line 1, column 11:\n\twant: \"费率 0.6%\\n\"\n\t got: \"费率 0.60%\\n\"\n(want 1 lines, got 1)"},
		{"long line cut on rune boundaries", long, strings.Replace(long, "x", "y", 1),
			"first difference at line 1, column 121:\n\twant: …\"毛毛毛毛毛毛毛毛毛毛毛毛毛毛x衣衣衣衣衣衣衣衣衣衣衣衣衣\"…\n\t got: …\"毛毛毛毛毛毛毛毛毛毛毛毛毛毛y衣衣衣衣衣衣衣衣衣衣衣衣衣\"…\n(want 1 lines, got 1)"},
		{"long line tail", long, strings.TrimSuffix(long, "\n"),
			"first difference at line 1, column 242:\n\twant: …\"衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣\\n\"\n\t got: …\"衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣衣\"\n(want 1 lines, got 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.diff, Diff([]byte(tt.want), []byte(tt.got))); diff != "" {
				t.Errorf("Diff(%q, %q) (-want +got):\n%s", tt.want, tt.got, diff)
			}
		})
	}
}

// fakeTB records what assert reports; Fatalf ends the calling goroutine as
// testing.T's does.
type fakeTB struct {
	testing.TB
	errors, fatals, logs []string
}

func (f *fakeTB) Helper()      {}
func (f *fakeTB) Name() string { return "TestReport/enterprise" }
func (f *fakeTB) Errorf(format string, a ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, a...))
}
func (f *fakeTB) Logf(format string, a ...any) { f.logs = append(f.logs, fmt.Sprintf(format, a...)) }
func (f *fakeTB) Fatalf(format string, a ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, a...))
	runtime.Goexit()
}

// run calls assert on a fake in its own goroutine, so that Fatalf can end it.
func run(path, got string, rewrite bool) (ok bool, f *fakeTB) {
	f = &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		ok = assert(f, path, []byte(got), rewrite)
	}()
	<-done
	return ok, f
}

func TestAssert(t *testing.T) {
	t.Parallel()
	type outcome struct {
		OK                   bool
		Errors, Fatals, Logs int
		File                 string
		Message              string
	}
	tests := []struct {
		name    string
		file    *string // nil: no file
		got     string
		rewrite bool
		want    outcome
	}{
		{"match", ptr("a\nb\n"), "a\nb\n", false, outcome{OK: true, File: "a\nb\n"}},
		{"match CRLF", ptr("a\r\nb\r\n"), "a\nb\n", false, outcome{OK: true, File: "a\r\nb\r\n"}},
		{"stale", ptr("a\nb\n"), "a\nc\n", false, outcome{Errors: 1, File: "a\nb\n",
			Message: "golden file DIR/x.txt is stale: first difference at line 2, column 1:\n\twant: \"b\\n\"\n\t got: \"c\\n\"\n(want 2 lines, got 2)\n(run go test -run '^TestReport$' -update to accept the new output)"}},
		{"missing", nil, "a\n", false, outcome{Fatals: 1, File: "<none>",
			Message: "golden file DIR/x.txt does not exist (run go test -run '^TestReport$' -update to create it)"}},
		{"update stale", ptr("a\nb\n"), "a\nc\n", true, outcome{OK: true, Logs: 1, File: "a\nc\n", Message: "golden file DIR/x.txt rewritten"}},
		{"update missing", nil, "a\n", true, outcome{OK: true, Logs: 1, File: "a\n", Message: "golden file DIR/x.txt rewritten"}},
		{"update keeps matching CRLF file", ptr("a\r\n"), "a\n", true, outcome{OK: true, File: "a\r\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "x.txt")
			if tt.file != nil {
				if err := os.WriteFile(path, []byte(*tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ok, f := run(path, tt.got, tt.rewrite)
			got := outcome{OK: ok, Errors: len(f.errors), Fatals: len(f.fatals), Logs: len(f.logs), File: "<none>"}
			if b, err := os.ReadFile(path); err == nil {
				got.File = string(b)
			}
			if msgs := append(append(f.errors, f.fatals...), f.logs...); len(msgs) > 0 {
				got.Message = strings.ReplaceAll(msgs[0], dir, "DIR")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("outcome (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAssert_UpdateCreatesDirectories(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "testdata", "callbacks", "x.json")
	if ok, f := run(path, "{}\n", true); !ok || len(f.fatals) > 0 {
		t.Fatalf("assert = %v, fatals %q", ok, f.fatals)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "{}\n" {
		t.Errorf("file = %q, %v", b, err)
	}
}

func TestAssert_Unreadable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir() // a directory cannot be read as a file, nor written over
	for _, rewrite := range []bool{false, true} {
		if ok, f := run(dir, "a\n", rewrite); ok || len(f.fatals) != 1 || !strings.HasPrefix(f.fatals[0], "golden file: ") {
			t.Errorf("rewrite=%v: assert = %v, fatals %q", rewrite, ok, f.fatals)
		}
	}
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	fl := flag.Lookup("update")
	if fl == nil {
		t.Fatal("the -update flag is not registered")
	}
	if got, want := Update(), fl.Value.String() == "true"; got != want {
		t.Errorf("Update() = %v, flag says %v", got, want)
	}
}

// TestAssert_Real runs the exported Assert against a real testing.T.
func TestAssert_Real(t *testing.T) {
	t.Parallel()
	if Update() {
		t.Skip("under -update Assert rewrites instead of comparing")
	}
	path := filepath.Join(t.TempDir(), "x.txt")
	if err := os.WriteFile(path, []byte("a\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !Assert(t, path, []byte("a\n")) {
		t.Error("Assert = false for a file equal after CRLF normalisation")
	}
}

func ptr(s string) *string { return &s }
