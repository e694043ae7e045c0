package golden

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output instead of comparing")

// Update reports whether the test binary runs with -update, the flag this
// package registers: golden files are then rewritten rather than compared.
func Update() bool { return *update }

// Assert compares got with the golden file at path after CRLF → LF
// normalisation of both and reports a mismatch with t.Errorf, naming the
// first differing line. Under -update it writes got to path instead
// (creating parent directories, and leaving a file that already matches
// untouched). It reports whether the file matches got, or now does; a
// missing or unwritable file fails the test with t.Fatalf.
func Assert(t testing.TB, path string, got []byte) bool {
	t.Helper()
	return assert(t, path, got, *update)
}

func assert(t testing.TB, path string, got []byte, rewrite bool) bool {
	t.Helper()
	want, err := os.ReadFile(path)
	switch {
	case err == nil:
		d := Diff(want, got)
		if d == "" {
			return true
		}
		if !rewrite {
			t.Errorf("golden file %s is stale: %s\n(run %s to accept the new output)", path, d, hint(t))
			return false
		}
	case !rewrite && errors.Is(err, fs.ErrNotExist):
		t.Fatalf("golden file %s does not exist (run %s to create it)", path, hint(t))
		return false
	case !rewrite:
		t.Fatalf("golden file: %v", err)
		return false
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatalf("golden file: %v", err)
		return false
	}
	if err := os.WriteFile(path, got, 0o644); err != nil {
		t.Fatalf("golden file: %v", err)
		return false
	}
	t.Logf("golden file %s rewritten", path)
	return true
}

// hint is the command that rewrites the golden files of t's top-level test.
func hint(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	return fmt.Sprintf("go test -run '^%s$' -update", name)
}

// Diff returns "" when want and got are equal after CRLF → LF normalisation
// of both; otherwise a short description of the first differing line: its
// 1-based number and byte column, and both versions quoted ("<EOF>" for a
// line one side lacks; a long line is cut to a window around the column),
// followed by both sides' sizes in lines.
func Diff(want, got []byte) string {
	want, got = normalize(want), normalize(got)
	if bytes.Equal(want, got) {
		return ""
	}
	wl, gl := split(want), split(got)
	i := 0
	for i < len(wl) && i < len(gl) && bytes.Equal(wl[i], gl[i]) {
		i++
	}
	col := 0
	if i < len(wl) && i < len(gl) {
		for col < len(wl[i]) && col < len(gl[i]) && wl[i][col] == gl[i][col] {
			col++
		}
	}
	return fmt.Sprintf("first difference at line %d, column %d:\n\twant: %s\n\t got: %s\n(want %d lines, got %d)",
		i+1, col+1, quote(wl, i, col), quote(gl, i, col), len(wl), len(gl))
}

// window is how many bytes of a long line quote shows.
const window = 80

// quote quotes lines[i] (its newline included), or returns "<EOF>" past the
// end; a line longer than window is cut to window bytes around col, on rune
// boundaries, with "…" marking each cut.
func quote(lines [][]byte, i, col int) string {
	if i >= len(lines) {
		return "<EOF>"
	}
	l := lines[i]
	if len(l) <= window {
		return fmt.Sprintf("%q", l)
	}
	start := max(0, min(col-window/2, len(l)-window))
	end := start + window
	for start > 0 && !utf8.RuneStart(l[start]) {
		start--
	}
	for end < len(l) && !utf8.RuneStart(l[end]) {
		end++
	}
	pre, post := "", ""
	if start > 0 {
		pre = "…"
	}
	if end < len(l) {
		post = "…"
	}
	return fmt.Sprintf("%s%q%s", pre, l[start:end], post)
}

// split cuts b into lines, each keeping its newline; a final line without
// one is kept, and no empty line follows a final newline.
func split(b []byte) [][]byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// normalize replaces every CRLF with LF, copying only when b has a CR.
func normalize(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
}
