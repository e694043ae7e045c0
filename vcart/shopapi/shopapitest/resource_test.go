package shopapitest

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestTable(t *testing.T) {
	t.Parallel()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	type thing struct{ name string }
	tb := tableOf[thing](s, "things", 10099999, "thing not found")
	if again := tableOf[thing](s, "things", 0, ""); again != tb {
		t.Fatal("tableOf returned a second table for one key")
	}
	a := tb.add(s, &thing{"a"})
	b := tb.add(s, &thing{"b"})
	tb.put("fixed", &thing{"c"})
	tb.put(a, &thing{"a2"}) // replacing keeps the order
	if diff := cmp.Diff([]string{a, b, "fixed"}, tb.ids(nil)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if v, err := tb.get(a); err != nil || v.name != "a2" {
		t.Errorf("get(a) = %v, %v", v, err)
	}
	for _, id := range []string{"", "nope"} {
		_, err := tb.get(id)
		var ae *apiError
		if !errors.As(err, &ae) || ae.code != 10099999 || ae.msg != "thing not found" {
			t.Errorf("get(%q) error = %v", id, err)
		}
	}
	if err := tb.remove(b); err != nil || tb.len() != 2 {
		t.Errorf("remove(b) = %v, len %d", err, tb.len())
	}
	if err := tb.remove(b); err == nil {
		t.Error("remove of a removed id succeeded")
	}
	if diff := cmp.Diff([]string{"fixed"}, tb.ids(func(_ string, v *thing) bool { return v.name == "c" })); diff != "" {
		t.Errorf("filtered ids (-want +got):\n%s", diff)
	}
}

func TestPaging(t *testing.T) {
	t.Parallel()
	ids := []string{"1", "2", "3", "4", "5"}
	const bad = shopapi.CodeBadParams
	type page struct {
		IDs  []string
		More bool
		Next string
		Err  bool
	}
	off := func(o, l int) page {
		p, more, err := pageOffset(ids, o, l, 3, bad)
		return page{IDs: p, More: more, Err: err != nil}
	}
	key := func(k string, n int) page {
		p, next, more, err := pageKey(ids, k, n, 3, bad)
		return page{IDs: p, More: more, Next: next, Err: err != nil}
	}
	num := func(n, size int) page {
		p, err := pageNumber(ids, n, size, 3, bad)
		return page{IDs: p, Err: err != nil}
	}
	for name, tc := range map[string]struct{ got, want page }{
		"offset first":        {off(0, 2), page{IDs: []string{"1", "2"}, More: true}},
		"offset last":         {off(3, 3), page{IDs: []string{"4", "5"}}},
		"offset past the end": {off(9, 3), page{IDs: []string{}}},
		"offset negative":     {off(-1, 2), page{Err: true}},
		"limit over max":      {off(0, 4), page{Err: true}},
		"limit zero":          {off(0, 0), page{Err: true}},
		"key first":           {key("", 2), page{IDs: []string{"1", "2"}, More: true, Next: "k2"}},
		"key next":            {key("k2", 3), page{IDs: []string{"3", "4", "5"}, Next: "k5"}},
		"key past the end":    {key("k5", 3), page{IDs: []string{}}},
		"key malformed":       {key("zz", 3), page{Err: true}},
		"key size over max":   {key("", 4), page{Err: true}},
		"page 1":              {num(1, 3), page{IDs: []string{"1", "2", "3"}}},
		"page 2":              {num(2, 3), page{IDs: []string{"4", "5"}}},
		"page 3":              {num(3, 3), page{IDs: []string{}}},
		"page 0":              {num(0, 3), page{Err: true}},
	} {
		if diff := cmp.Diff(tc.want, tc.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	var ae *apiError
	if err := requireIDs(bad, map[string]string{"b_id": "", "a_id": "", "c_id": "1"}); !errors.As(err, &ae) || ae.code != bad || ae.msg != "a_id is required" {
		t.Errorf("requireIDs = %v", err)
	}
	if err := requireIDs(bad, map[string]string{"a_id": "1"}); err != nil {
		t.Errorf("requireIDs = %v", err)
	}
}
