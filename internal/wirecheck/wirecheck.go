// Package wirecheck holds the platform's own request and response examples
// to the SDK's types: it reads official-example fixture files and compares
// the JSON keys of an example with a Go type (does the type declare every
// key the platform sends?) and with another JSON document (does the SDK send,
// or the fake answer, only keys the platform knows?).
//
// It is used by the conformance tests of vcart/shopapi, its fake
// vcart/shopapi/shopapitest and vcart/notify; it is not part of the SDK's API.
//
// # Fixture files
//
// A fixture keeps one official doc page's examples verbatim, as a header of
// "key: value" lines followed by sections:
//
//	doc: https://developers.weixin.qq.com/doc/store/shop/API/merchant/address/list.html
//	path: /channels/ec/merchant/address/list
//	note: free text (where sources disagree, which form this is …)
//	-- request --
//	{"offset": 0, "limit": 100}
//	-- response --
//	{"errcode": 0, "errmsg": "ok", "address_id_list": ["111222", "222333"]}
//
// Section names are request, response or event, optionally with a variant
// after a dot (response.table-form) for a second shape of the same message.
// A section's text is the example exactly as the page prints it; where the
// page's example is not valid JSON (comments, "..." placeholders, trailing
// commas), the verbatim text is kept under its name and a repaired copy
// under the same name with the suffix ".fixed", with a note saying what was
// repaired. Lines starting with "#" before the first section are comments.
package wirecheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// Fixture is one official doc page's examples.
type Fixture struct {
	// File is the file the fixture was read from.
	File string
	// Header holds the header lines (doc, path, note …); a key given twice
	// keeps its lines joined by "\n".
	Header map[string]string
	// Sections maps a section name to its text, verbatim.
	Sections map[string][]byte
	// Order lists the section names in file order.
	Order []string
}

// Doc returns the official page's address.
func (f *Fixture) Doc() string { return f.Header["doc"] }

// Path returns the API path (or, for a push event, the event name in Header["event"]).
func (f *Fixture) Path() string { return f.Header["path"] }

// JSON returns the usable JSON of a section: the ".fixed" copy when there is
// one, the verbatim text otherwise; ok is false when the section is absent.
func (f *Fixture) JSON(section string) (b []byte, ok bool) {
	if b, ok := f.Sections[section+".fixed"]; ok {
		return b, true
	}
	b, ok = f.Sections[section]
	return b, ok
}

// Names returns the usable section names whose base is kind (request,
// response, event), in file order: "response" and "response.table" but not
// "response.fixed".
func (f *Fixture) Names(kind string) []string {
	var out []string
	for _, n := range f.Order {
		if strings.HasSuffix(n, ".fixed") {
			continue
		}
		if n == kind || strings.HasPrefix(n, kind+".") {
			out = append(out, n)
		}
	}
	return out
}

// Parse reads a fixture from its text.
func Parse(file string, data []byte) (*Fixture, error) {
	f := &Fixture{File: file, Header: map[string]string{}, Sections: map[string][]byte{}}
	lines := bytes.SplitAfter(data, []byte("\n"))
	cur := ""
	var buf []byte
	flush := func() {
		if cur != "" {
			f.Sections[cur] = bytes.TrimSpace(buf)
		}
	}
	for i, ln := range lines {
		t := bytes.TrimRight(ln, "\r\n")
		if name, ok := sectionName(t); ok {
			flush()
			if _, dup := f.Sections[name]; dup {
				return nil, fmt.Errorf("%s:%d: section %q given twice", file, i+1, name)
			}
			cur, buf = name, nil
			f.Order = append(f.Order, name)
			f.Sections[name] = nil
			continue
		}
		if cur != "" {
			buf = append(buf, ln...)
			continue
		}
		s := strings.TrimSpace(string(t))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		k, v, ok := strings.Cut(s, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: header line without \"key:\"", file, i+1)
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if old, dup := f.Header[k]; dup {
			v = old + "\n" + v
		}
		f.Header[k] = v
	}
	flush()
	if len(f.Order) == 0 {
		return nil, fmt.Errorf("%s: no sections", file)
	}
	if f.Doc() == "" {
		return nil, fmt.Errorf("%s: no doc: line (the official page's address)", file)
	}
	for _, n := range f.Order {
		base, _, _ := strings.Cut(n, ".")
		switch base {
		case "request", "response", "event":
		default:
			return nil, fmt.Errorf("%s: section %q: want request, response or event", file, n)
		}
		b, _ := f.JSON(strings.TrimSuffix(n, ".fixed"))
		if len(b) > 0 && !json.Valid(b) {
			return nil, fmt.Errorf("%s: section %q is not valid JSON (keep the verbatim text and add a %q section)", file, n, strings.TrimSuffix(n, ".fixed")+".fixed")
		}
	}
	return f, nil
}

func sectionName(line []byte) (string, bool) {
	s := string(line)
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	return strings.TrimSpace(s[3 : len(s)-3]), true
}

// Load reads every *.txt fixture under dir (recursively), sorted by file name.
func Load(dir string) ([]*Fixture, error) {
	var out []*Fixture
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := Parse(p, b)
		if err != nil {
			return err
		}
		out = append(out, f)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, err
}

// Keys returns the key paths of a JSON document, sorted: "a", "a.b",
// "list[].c". Array items share one path; a key inside an object nested in
// an array is listed once. A document that is not JSON returns an error.
func Keys(doc []byte) ([]string, error) {
	var v any
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	walkKeys(v, "", set)
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

func walkKeys(v any, prefix string, set map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := join(prefix, k)
			set[p] = true
			walkKeys(c, p, set)
		}
	case []any:
		for _, c := range x {
			walkKeys(c, prefix+"[]", set)
		}
	}
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

// Minus returns the elements of a not in b, sorted.
func Minus(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, k := range b {
		in[k] = true
	}
	var out []string
	for _, k := range a {
		if !in[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Under drops the keys at or below any of the given prefixes (a key path or
// "path[]"): Under(keys, "extra_info") removes "extra_info" and
// "extra_info.x".
func Under(keys []string, prefixes ...string) []string {
	return slices.DeleteFunc(slices.Clone(keys), func(k string) bool {
		for _, p := range prefixes {
			if k == p || strings.HasPrefix(k, p+".") || strings.HasPrefix(k, p+"[]") {
				return true
			}
		}
		return false
	})
}

// Extra is how a Go type says "I keep the keys I do not declare": a struct
// field of a type whose name is Extra (a map of raw JSON), tagged json:"-".
// The key coverage check accepts every undeclared key of such a struct.
const extraTypeName = "Extra"

// Uncovered returns the key paths of doc that type t does not declare: keys
// of an object decoded into a struct without a json field of that name and
// without an Extra field. ignore lists top-level keys to skip (the
// envelope's errcode and errmsg, decoded elsewhere). A document that is not
// JSON returns an error.
//
// The walk follows the JSON: a struct meets an object (fields by their json
// name, embedded structs flattened as encoding/json does), a slice or array
// meets an array, a map meets an object (its values checked against the
// element type). Values of other kinds (strings, numbers, a type with its own
// UnmarshalJSON that is not a struct, any, json.RawMessage) are leaves and
// accept whatever they hold. A struct with its own UnmarshalJSON is walked by
// its fields, which is what its decoder fills.
func Uncovered(t reflect.Type, doc []byte, ignore ...string) ([]string, error) {
	var v any
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if m, ok := v.(map[string]any); ok && len(ignore) > 0 {
		m2 := make(map[string]any, len(m))
		for k, x := range m {
			if !slices.Contains(ignore, k) {
				m2[k] = x
			}
		}
		v = m2
	}
	set := map[string]bool{}
	uncovered(t, v, "", set)
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

var rawType = reflect.TypeFor[json.RawMessage]()

func uncovered(t reflect.Type, v any, prefix string, set map[string]bool) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t == rawType || t.Kind() == reflect.Interface {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		switch t.Kind() {
		case reflect.Struct:
			fields, keepsExtra := structFields(t)
			for k, c := range x {
				p := join(prefix, k)
				ft, ok := fields[k]
				if !ok {
					if !keepsExtra {
						set[p] = true
						walkKeys(c, p, set)
					}
					continue
				}
				uncovered(ft, c, p, set)
			}
		case reflect.Map:
			for k, c := range x {
				uncovered(t.Elem(), c, join(prefix, k), set)
			}
		default:
			// A leaf type with its own decoder (an object accepted as a
			// whole, e.g. a tolerant bool-or-object), or a mismatch that
			// json.Unmarshal reports itself.
		}
	case []any:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			for _, c := range x {
				uncovered(t.Elem(), c, prefix+"[]", set)
			}
		}
	}
}

// structFields maps the json names of t's fields (embedded structs
// flattened) to their types and reports whether t keeps undeclared keys in
// an Extra field.
func structFields(t reflect.Type) (map[string]reflect.Type, bool) {
	m := map[string]reflect.Type{}
	extra := false
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, _, _ := strings.Cut(tag, ",")
			if tag == "-" {
				if f.Type.Name() == extraTypeName && f.Type.Kind() == reflect.Map {
					extra = true
				}
				continue
			}
			ft := f.Type
			if f.Anonymous && name == "" {
				et := ft
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct {
					walk(et)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if _, dup := m[name]; !dup {
				m[name] = ft
			}
		}
	}
	walk(t)
	return m, extra
}

// Find returns the fixtures whose path header is path.
func Find(all []*Fixture, path string) []*Fixture {
	var out []*Fixture
	for _, f := range all {
		if f.Path() == path {
			out = append(out, f)
		}
	}
	return out
}
