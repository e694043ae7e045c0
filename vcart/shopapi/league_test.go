package shopapi

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLeagueItemRefs_Object decodes item/list/get's items both as the
// field table's array and as the older page's single object.
func TestLeagueItemRefs_Object(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, in string
		want     LeagueItemRefs
		wantErr  bool
	}{
		{"older page: one object", `{"items": {"product_id": 123456}, "total_num": 10}`, LeagueItemRefs{{ProductID: "123456"}}, false},
		{"table: an array", `{"items": [{"product_id": "1", "info_id": 2}, {"product_id": 3}]}`, LeagueItemRefs{{ProductID: "1", InfoID: "2"}, {ProductID: "3"}}, false},
		{"empty", `{"items": []}`, LeagueItemRefs{}, false},
		{"not an item", `{"items": 5}`, nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var pg LeagueItemPage
			err := json.Unmarshal([]byte(tt.in), &pg)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if d := cmp.Diff(tt.want, pg.Items); !tt.wantErr && d != "" {
				t.Errorf("items (-want +got):\n%s", d)
			}
		})
	}
}

// FuzzLeagueItemRefs holds the items decoder to never panic and to
// decode its own encoding back to the same refs.
func FuzzLeagueItemRefs(f *testing.F) {
	for _, s := range []string{`{"product_id": 123456}`, `[{"product_id": "1", "info_id": 2}]`, `[]`, `null`, `5`, `{"product_id": {}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var r LeagueItemRefs
		if err := json.Unmarshal([]byte(in), &r); err != nil {
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var again LeagueItemRefs
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		if len(r) > 0 || len(again) > 0 {
			if d := cmp.Diff(r, again); d != "" {
				t.Errorf("round trip (-first +again):\n%s", d)
			}
		}
	})
}
