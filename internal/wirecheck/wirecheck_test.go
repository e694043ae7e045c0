package wirecheck

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type extraMap map[string]json.RawMessage

type Extra map[string]json.RawMessage

type leafFlex string

func (l *leafFlex) UnmarshalJSON([]byte) error { return nil }

type inner struct {
	A string `json:"a"`
}

type embedded struct {
	E int `json:"e"`
}

type kept struct {
	K     int   `json:"k"`
	Extra Extra `json:"-"`
}

type notKept struct {
	K     int      `json:"k"`
	Other extraMap `json:"-"` // not named Extra: keeps nothing
}

type outer struct {
	embedded
	ID     leafFlex           `json:"id"`
	List   []inner            `json:"list"`
	Ptr    *inner             `json:"ptr,omitempty"`
	ByName map[string]inner   `json:"by_name"`
	Raw    json.RawMessage    `json:"raw"`
	Any    any                `json:"any"`
	Kept   kept               `json:"kept"`
	Not    notKept            `json:"not"`
	Arr    [2]inner           `json:"arr"`
	Skip   string             `json:"-"`
	Bare   int                // json name "Bare"
	Nested map[string][]inner `json:"nested"`
}

func TestUncovered(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, doc string
		ignore    []string
		want      []string
	}{
		{"all declared", `{"e":1,"id":{"x":1},"list":[{"a":"1"}],"ptr":{"a":""},"by_name":{"z":{"a":""}},"raw":{"q":1},"any":{"q":[1]},"kept":{"k":1,"new":{"deep":1}},"Bare":1,"arr":[{"a":""}],"nested":{"n":[{"a":""}]}}`, nil, []string{}},
		{"unknown top-level key", `{"e":1,"zz":{"y":1}}`, nil, []string{"zz", "zz.y"}},
		{"ignored envelope", `{"errcode":0,"errmsg":"ok","e":1}`, []string{"errcode", "errmsg"}, []string{}},
		{"envelope not ignored", `{"errcode":0}`, nil, []string{"errcode"}},
		{"unknown key in array items", `{"list":[{"a":""},{"b":1}]}`, nil, []string{"list[].b"}},
		{"unknown key in map values", `{"by_name":{"k":{"c":1}},"nested":{"n":[{"d":2}]}}`, nil, []string{"by_name.k.c", "nested.n[].d"}},
		{"unknown key under pointer", `{"ptr":{"b":1}}`, nil, []string{"ptr.b"}},
		{"json:- field is not a key", `{"Skip":"x","-":1}`, nil, []string{"-", "Skip"}},
		{"map not named Extra keeps nothing", `{"not":{"k":1,"x":2}}`, nil, []string{"not.x"}},
		{"array of arrays", `{"arr":[{"a":"","q":1}]}`, nil, []string{"arr[].q"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Uncovered(reflect.TypeFor[*outer](), []byte(tc.doc), tc.ignore...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Uncovered (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := Uncovered(reflect.TypeFor[outer](), []byte(`{`)); err == nil {
		t.Error("Uncovered accepted invalid JSON")
	}
}

func TestKeysMinusUnder(t *testing.T) {
	t.Parallel()
	keys, err := Keys([]byte(`{"a":{"b":[{"c":1},{"d":[{"e":1}]}]},"f":[[{"g":1}]]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "a.b", "a.b[].c", "a.b[].d", "a.b[].d[].e", "f", "f[][].g"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("Keys (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a.b[].d", "a.b[].d[].e"}, Minus(keys, []string{"a", "a.b", "a.b[].c", "f", "f[][].g"})); diff != "" {
		t.Errorf("Minus (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"f", "f[][].g"}, Under(keys, "a")); diff != "" {
		t.Errorf("Under (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a", "f", "f[][].g"}, Under(keys, "a.b")); diff != "" {
		t.Errorf("Under a.b (-want +got):\n%s", diff)
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	src := "# a comment\ndoc: https://example.test/page.html\npath: /channels/ec/x\nnote: one\nnote: two\n" +
		"-- request --\n{\"a\": 1}\n-- response --\n{\"errcode\": 0, // comment\n}\n-- response.fixed --\n{\"errcode\": 0}\n" +
		"-- response.table --\r\n{\"b\": [1]}\r\n"
	f, err := Parse("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc() != "https://example.test/page.html" || f.Path() != "/channels/ec/x" || f.Header["note"] != "one\ntwo" {
		t.Errorf("header = %q", f.Header)
	}
	if diff := cmp.Diff([]string{"response", "response.table"}, f.Names("response")); diff != "" {
		t.Errorf("Names (-want +got):\n%s", diff)
	}
	if b, _ := f.JSON("response"); string(b) != `{"errcode": 0}` {
		t.Errorf("JSON(response) = %s, want the fixed copy", b)
	}
	if string(f.Sections["response"]) != "{\"errcode\": 0, // comment\n}" {
		t.Errorf("verbatim section = %q", f.Sections["response"])
	}
	if b, _ := f.JSON("response.table"); string(b) != `{"b": [1]}` {
		t.Errorf("JSON(response.table) = %q", b)
	}
	for name, bad := range map[string]string{
		"no doc":          "path: /x\n-- request --\n{}\n",
		"no sections":     "doc: u\n",
		"invalid json":    "doc: u\n-- response --\n{,}\n",
		"unknown section": "doc: u\n-- answer --\n{}\n",
		"dup section":     "doc: u\n-- request --\n{}\n-- request --\n{}\n",
		"bad header":      "doc: u\nno colon here\n-- request --\n{}\n",
	} {
		if _, err := Parse(name, []byte(bad)); err == nil {
			t.Errorf("%s: Parse accepted %q", name, bad)
		}
	}
}
