package shopapitest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestRoutes_EveryTableServed(t *testing.T) {
	t.Parallel()
	n := 0
	for _, table := range routeTables {
		for _, r := range table() {
			n++
			if e, ok := shopapi.LookupEndpoint(r.path); ok {
				n += len(e.Aliases) // every spelling is served
				if e.Method != r.method {
					t.Errorf("%s: the fake answers %s, the registry says %s", r.path, r.method, e.Method)
				}
			}
			got, ok := routes[r.path]
			if !ok {
				t.Errorf("%s not served", r.path)
				continue
			}
			if diff := cmp.Diff([]any{r.method, r.noAuth}, []any{got.method, got.noAuth}); diff != "" {
				t.Errorf("%s (-want +got):\n%s", r.path, diff)
			}
		}
	}
	if len(routes) != n {
		t.Errorf("routes has %d paths, the tables list %d", len(routes), n)
	}
}

func TestNewRouteTable_DuplicatePathPanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Error("no panic on a path listed twice")
		}
	}()
	newRouteTable(deliveryRoutes, deliveryRoutes)
}
