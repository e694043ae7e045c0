package shopapi_test

import (
	"encoding/json"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// FuzzTolerantLists feeds the decoders that accept a list or a single
// object (getcategoryrule's list, classify's cats): they never panic, and
// an object decodes as a list of one, an array as itself.
func FuzzTolerantLists(f *testing.F) {
	for _, s := range []string{
		`{"list":{"deliver_type":0,"acct_type":[0]},"categories":[{"cats":{"cat_info":{"cat_id":"1"},"has_permission":true}}]}`,
		`{"list":[{"deliver_type":6,"acct_type":[1,3]}],"categories":[{"cats":[{"cat_info":{"cat_id":"1"}},{"cat_info":{"cat_id":"2"}}]}]}`,
		`{"list":null,"categories":[{"cats":null}]}`, `{"list":"x"}`, `{"list":[1]}`, `{`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var raw struct {
			List       json.RawMessage `json:"list"`
			Categories []struct {
				Cats json.RawMessage `json:"cats"`
			} `json:"categories"`
		}
		var rule shopapi.CategoryRule
		errRule := json.Unmarshal(b, &rule)
		var cls shopapi.ClassifyResult
		errCls := json.Unmarshal(b, &cls)
		if json.Unmarshal(b, &raw) != nil {
			return
		}
		if errRule == nil {
			checkShape(t, raw.List, len(rule.List))
		}
		if errCls == nil && len(cls.Categories) == len(raw.Categories) {
			for i, c := range raw.Categories {
				checkShape(t, c.Cats, len(cls.Categories[i].Cats))
			}
		}
	})
}

// checkShape checks that a decoded list has one item for an object and as
// many items as an array.
func checkShape(t *testing.T, raw json.RawMessage, n int) {
	t.Helper()
	var v any
	if len(raw) == 0 || json.Unmarshal(raw, &v) != nil {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		if n != 1 {
			t.Errorf("object %s decoded to %d items", raw, n)
		}
	case []any:
		if n != len(x) {
			t.Errorf("array of %d decoded to %d items", len(x), n)
		}
	}
}
