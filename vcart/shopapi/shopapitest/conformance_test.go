package shopapitest

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/vcart-sdk/vcart-go/internal/wirecheck"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The fake is held to the platform's own examples, independently of the
// client: the same fixtures (../testdata/official) that hold the client
// hold the fake's answers and the fake's reading of requests. Tours drive
// every endpoint of the fake through the client; the conformance test
// records each successful answer and checks, per endpoint with a fixture:
//
//   - the tours exercised it successfully;
//   - its answers carry no key the official examples lack (the fake can no
//     longer share a misreading with the client);
//   - every key of the examples that the fake's answer type models is sent
//     by at least one answer of the tours;
//   - the types the fake decodes requests into declare every key of the
//     request examples (a fake reading another name is caught).

// tour drives endpoints of a fresh fake through the client.
type tour struct {
	name string
	run  func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client)
}

// tourTables lists the tours of every group.
var tourTables = [][]tour{
	basicsTours,

	// existing endpoints (issue 13)
	existingTours,

	// fulfilment (issue 15)
	addressTours,
	freightTours,
	ewaybillTours,
	deliveryExtraTours,
	warehouseTours,

	// onboarding (issue 16)
	onboardingTours,
	categoryRuleTours,
	productToolTours,

	// after-sales and funds (issue 17)
	aftersaleExtraTours,
	orderExtraTours,

	// marketing (issue 18)
	couponTours, flashSaleTours, giftTours, memberTours, sharerTours,

	// live and data (issue 19)
	liveDataTours,

	// homepage, dropship, league, head suppliers, talents (issue 20)
	dropshipTours,
	headSupplierTours,
	homepageTours, talentTours, leagueTours,

	// cooperation, inspection, kf, favorites, invoices, mini-programs, network, quota tools (issue 20)
	toolTours, cooperationTours, kfTours, invoiceTours, miniProgramGiftTours,
}

var basicsTours = []tour{
	{"store info", func(ctx context.Context, t *testing.T, _ *Server, c *shopapi.Client) {
		if _, _, err := c.Store.Info(ctx); err != nil {
			t.Error(err)
		}
	}},
}

// fakeExtraKeys lists, per path, answer keys the fake sends that the
// official examples lack, with the reason (a key the page's field table
// documents but its example omits).
var fakeExtraKeys = map[string]map[string]string{}

// fakeUnsentKeys lists, per path, example keys the fake's answer type
// models but no tour makes it send, with the reason.
var fakeUnsentKeys = map[string]map[string]string{
	"/channels/ec/window/product/get": {
		"product.limit_discount_info": "the fake has no limited-time discounts (限时抢购)", "product.limit_discount_info.is_effect": "as above",
		"product.limit_discount_info.discount_price": "as above", "product.limit_discount_info.end_time_ms": "as above",
		"product.limit_discount_info.stock": "as above",
	},
}

// fakeUnreadKeys lists, per path, request-example keys the fake does not
// read, with the reason (state the fake does not model).
var fakeUnreadKeys = map[string]map[string]string{}

type observation struct {
	decoded    []reflect.Type
	answerType reflect.Type
	answer     []byte
}

type recorder struct {
	mu  sync.Mutex
	obs map[string][]observation
}

func (r *recorder) observe(path string, decoded []reflect.Type, answerType reflect.Type, answer []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.obs[path] = append(r.obs[path], observation{slices.Clone(decoded), answerType, slices.Clone(answer)})
}

func TestFakeConformance(t *testing.T) {
	t.Parallel()
	rec := &recorder{obs: map[string][]observation{}}
	for _, table := range tourTables {
		for _, tr := range table {
			t.Run(tr.name, func(t *testing.T) {
				s, err := New()
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				s.mu.Lock()
				s.observe = rec.observe
				s.mu.Unlock()
				tr.run(context.Background(), t, s, s.Client())
			})
		}
	}
	fixtures, err := wirecheck.Load("../testdata/official")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range fixtures {
		e, ok := shopapi.LookupEndpoint(f.Path())
		if !ok {
			continue // the client's conformance test reports it
		}
		obs := rec.obs[e.Path]
		if len(obs) == 0 {
			t.Errorf("%s: no tour exercises it successfully (add one to the group's tours)", e.Path)
			continue
		}
		checked++
		checkFakeAnswers(t, e.Path, f, obs)
		checkFakeReads(t, e.Path, f, obs)
	}
	t.Logf("fake conformance: %d endpoints checked against %d fixtures", checked, len(fixtures))
}

func keysOf(t *testing.T, label string, doc []byte) []string {
	t.Helper()
	k, err := wirecheck.Keys(doc)
	if err != nil {
		t.Errorf("%s: %v", label, err)
	}
	return k
}

func checkFakeAnswers(t *testing.T, path string, f *wirecheck.Fixture, obs []observation) {
	t.Helper()
	var official []string
	for _, n := range f.Names("response") {
		b, _ := f.JSON(n)
		official = append(official, keysOf(t, f.File+" "+n, b)...)
	}
	official = uniq(append(official, "errcode", "errmsg"))
	var sent []string
	for _, o := range obs {
		sent = append(sent, keysOf(t, path+" fake answer", o.answer)...)
	}
	sent = uniq(sent)
	if extra := wirecheck.Minus(wirecheck.Minus(sent, official), keys(fakeExtraKeys[path])); len(extra) > 0 {
		t.Errorf("%s: the fake answers keys the official examples lack: %q", path, extra)
	}
	// Keys of the examples the fake's answer type declares must be sent.
	var modelled []string
	for _, n := range f.Names("response") {
		b, _ := f.JSON(n)
		for _, o := range obs {
			if o.answerType == nil || o.answerType.Kind() != reflect.Struct && o.answerType.Kind() != reflect.Pointer {
				continue // a map answer declares nothing: only its keys are checked
			}
			un, err := wirecheck.Uncovered(o.answerType, b, "errcode", "errmsg")
			if err != nil {
				t.Errorf("%s: %v", f.File, err)
				continue
			}
			for _, k := range keysOf(t, f.File, b) {
				if k != "errcode" && k != "errmsg" && !slices.Contains(un, k) {
					modelled = append(modelled, k)
				}
			}
		}
	}
	if unsent := wirecheck.Minus(wirecheck.Minus(uniq(modelled), sent), keys(fakeUnsentKeys[path])); len(unsent) > 0 {
		t.Errorf("%s: the fake models but never sends the example's keys %q (make a tour reach them)", path, unsent)
	}
}

func checkFakeReads(t *testing.T, path string, f *wirecheck.Fixture, obs []observation) {
	t.Helper()
	var types []reflect.Type
	for _, o := range obs {
		types = append(types, o.decoded...)
	}
	if len(types) == 0 {
		return // the fake reads no body here (a GET)
	}
	for _, n := range f.Names("request") {
		b, _ := f.JSON(n)
		var unread []string
		for i, ty := range types {
			un, err := wirecheck.Uncovered(ty, b)
			if err != nil {
				t.Errorf("%s %s: %v", f.File, n, err)
				return
			}
			if i == 0 {
				unread = un
				continue
			}
			unread = slices.DeleteFunc(unread, func(k string) bool { return !slices.Contains(un, k) })
		}
		if unread = wirecheck.Minus(unread, keys(fakeUnreadKeys[path])); len(unread) > 0 {
			t.Errorf("%s: the fake does not read the request example's keys %q (%s)", path, unread, n)
		}
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func uniq(s []string) []string {
	sort.Strings(s)
	return slices.Compact(s)
}
