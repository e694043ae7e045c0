package shopapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vcart-sdk/vcart-go/internal/wirecheck"
)

// The conformance tests hold the client to the platform's own examples
// (see the package doc, "Adding an endpoint"). Each fixture under
// testdata/official keeps an official doc page's request and response
// examples verbatim; each endpoint of the registry has a wireCase that
// calls the client with the request example against a server answering the
// response example, and the test checks, independently of the client's own
// reading of the docs:
//
//   - the call succeeds and reaches the registry's method and path;
//   - the JSON the client sends has exactly the keys of the request example;
//   - the type the client decodes the answer into declares every key of the
//     response example (or keeps it in an Extra field).

// wireCase drives one endpoint with its official examples.
type wireCase struct {
	// path is the endpoint's registry path.
	path string
	// call invokes the endpoint. req is the request example (nil when the
	// page has none, as for a GET); the case decodes it into the method's
	// arguments.
	call func(ctx context.Context, c *Client, req []byte) error
	// unsent lists request-example keys the client does not send, each
	// with the reason (for instance a key the page marks deprecated).
	unsent map[string]string
}

// noOfficialExample lists registry endpoints whose official page has no
// usable example, with the reason. Every other endpoint needs a fixture.
var noOfficialExample = map[string]string{
	// marketing (issue 18)
	"/channels/ec/product/limiteddiscounttask/update": "the page (api_updatelimiteddiscounttask) has field tables but no examples in the copies read",
	"/channels/ec/vip/user/score/increase":            "the page (vip/score/incr_user_score) prints no example in the copies read; fields from its table",
	"/channels/ec/vip/user/score/decrease":            "no page of its own was found (the member guide lists it); fields as score/increase",
	// cooperation, inspection, kf, favorites, invoices, mini-programs, network, quota tools (issue 20)
	"/channels/ec/basics/media/get": "the answer is the media's bytes (JSON only for an errcode); TestMediaService_Get covers both",
}

// wireCaseTables lists the wire cases of every group.
var wireCaseTables = [][]wireCase{
	basicsWireCases,

	// existing endpoints (issue 13)
	existingWireCases,
	tokenWireCases,

	// fulfilment (issue 15)
	addressWireCases,
	freightWireCases,
	ewaybillWireCases,
	deliveryExtraWireCases,
	warehouseWireCases,

	// onboarding (issue 16)
	onboardingWireCases,
	categoryRuleWireCases,
	productToolWireCases,

	// after-sales and funds (issue 17)
	aftersaleExtraWireCases,
	orderExtraWireCases,
	complaintWireCases,

	// marketing (issue 18)
	couponWireCases, flashSaleWireCases, giftWireCases, memberWireCases, sharerWireCases,

	// live and data (issue 19)
	liveDataWireCases,

	// homepage, dropship, league, head suppliers, talents (issue 20)
	dropshipWireCases,
	headSupplierWireCases,
	homepageWireCases, talentWireCases, leagueWireCases,

	// cooperation, inspection, kf, favorites, invoices, mini-programs, network, quota tools (issue 20)
	toolsWireCases, cooperationWireCases, kfWireCases, invoiceWireCases, miniProgramWireCases,
}

var basicsWireCases = []wireCase{
	{path: "/channels/ec/basics/info/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Store.Info(ctx)
		return err
	}},
}

// decodeExample decodes a request example into v, failing on a key v does
// not declare (a case that reads the example must not drop a key silently).
func decodeExample(req []byte, v any) error {
	if len(req) == 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(req))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

func wireCaseMap(t *testing.T) map[string]wireCase {
	t.Helper()
	m := map[string]wireCase{}
	for _, table := range wireCaseTables {
		for _, wc := range table {
			if _, dup := m[wc.path]; dup {
				t.Errorf("wire case %s listed twice", wc.path)
			}
			if _, ok := LookupEndpoint(wc.path); !ok {
				t.Errorf("wire case %s: not a registry path", wc.path)
			}
			m[wc.path] = wc
		}
	}
	return m
}

func loadOfficial(t *testing.T) []*wirecheck.Fixture {
	t.Helper()
	fx, err := wirecheck.Load("testdata/official")
	if err != nil {
		t.Fatal(err)
	}
	return fx
}

// TestOfficialExamples runs every registry endpoint against its official
// examples and prints how many are covered.
func TestOfficialExamples(t *testing.T) {
	t.Parallel()
	cases := wireCaseMap(t)
	fixtures := loadOfficial(t)
	byPath := map[string][]*wirecheck.Fixture{}
	for _, f := range fixtures {
		e, ok := LookupEndpoint(f.Path())
		if !ok {
			t.Errorf("%s: path %q is not in the registry", f.File, f.Path())
			continue
		}
		if f.Path() != e.Path {
			t.Errorf("%s: path %q is an alias; name the registry path %s", f.File, f.Path(), e.Path)
		}
		if want := "testdata/official" + e.Path + ".txt"; f.File != want {
			t.Errorf("%s: keep the fixture of %s at %s", f.File, e.Path, want)
		}
		byPath[e.Path] = append(byPath[e.Path], f)
	}
	covered := 0
	for _, e := range Endpoints() {
		fx := byPath[e.Path]
		reason, exempt := noOfficialExample[e.Path]
		switch {
		case len(fx) == 0 && !exempt:
			t.Errorf("%s: no official example in testdata/official%s.txt (or a reason in noOfficialExample)", e.Path, e.Path)
			continue
		case len(fx) > 0 && exempt:
			t.Errorf("%s: has a fixture but is listed in noOfficialExample (%s)", e.Path, reason)
		case exempt:
			continue
		}
		wc, ok := cases[e.Path]
		if !ok {
			t.Errorf("%s: no wire case", e.Path)
			continue
		}
		covered++
		for _, f := range fx {
			t.Run(strings.TrimPrefix(e.Path, "/"), func(t *testing.T) {
				t.Parallel()
				runWireCase(t, e, wc, f)
			})
		}
	}
	t.Logf("official examples: %d of %d registry endpoints checked (%d fixtures)", covered, len(Endpoints()), len(fixtures))
}

// exampleServer answers every request with one response example and
// records the requests.
type exampleServer struct {
	mu       sync.Mutex
	answer   []byte
	requests []recorded
}

type recorded struct {
	method, path, contentType string
	body                      []byte
}

func (s *exampleServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.requests = append(s.requests, recorded{r.Method, r.URL.Path, r.Header.Get("Content-Type"), b})
	answer := s.answer
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(answer)
}

func runWireCase(t *testing.T, e Endpoint, wc wireCase, f *wirecheck.Fixture) {
	t.Helper()
	responses := f.Names("response")
	if len(responses) == 0 {
		responses = []string{""}
	}
	for _, name := range responses {
		answer := []byte(`{"errcode":0,"errmsg":"ok"}`)
		if name != "" {
			answer, _ = f.JSON(name)
		}
		reqName := "request"
		if _, variant, ok := strings.Cut(name, "."); ok {
			if _, has := f.JSON("request." + variant); has {
				reqName = "request." + variant
			}
		}
		req, _ := f.JSON(reqName)
		label := fmt.Sprintf("%s [%s]", f.File, cmpOr(name, "no response example"))

		srv := &exampleServer{answer: answer}
		hs := httptest.NewServer(srv)
		var (
			mu    sync.Mutex
			types []reflect.Type
		)
		hook := func(c *config) error {
			c.decoded = func(_ string, out any) {
				mu.Lock()
				defer mu.Unlock()
				if out != nil {
					types = append(types, reflect.TypeOf(out))
				}
			}
			return nil
		}
		c, err := NewClient(StaticToken("example-token"), WithBaseURL(hs.URL), WithoutRateLimit(),
			WithRetryPolicy(RetryPolicy{}), hook)
		if err != nil {
			hs.Close()
			t.Fatal(err)
		}
		err = wc.call(context.Background(), c, req)
		hs.Close()
		if err != nil {
			t.Errorf("%s: the call failed on the official example: %v", label, err)
			continue
		}

		// The request went to the registry's method and path.
		srv.mu.Lock()
		reqs := slices.Clone(srv.requests)
		srv.mu.Unlock()
		if len(reqs) == 0 {
			t.Errorf("%s: the call sent no request", label)
			continue
		}
		sent := reqs[len(reqs)-1]
		if sent.method != e.Method || sent.path != e.Path {
			t.Errorf("%s: sent %s %s, the registry says %s %s", label, sent.method, sent.path, e.Method, e.Path)
		}

		// The request's keys are the example's.
		if len(req) > 0 && strings.HasPrefix(sent.contentType, "application/json") {
			checkRequestKeys(t, label, req, sent.body, wc.unsent)
		}

		// The answer's type declares every key of the example.
		mu.Lock()
		got := slices.Clone(types)
		mu.Unlock()
		if name == "" {
			continue
		}
		if len(got) == 0 {
			t.Errorf("%s: the call decoded the answer into nothing", label)
			continue
		}
		missing, err := wirecheck.Uncovered(got[len(got)-1], answer, "errcode", "errmsg")
		if err != nil {
			t.Errorf("%s: %v", label, err)
			continue
		}
		if len(missing) > 0 {
			t.Errorf("%s: %s does not declare the example's keys %q (a wrong name, or a field to add; Extra keeps keys the SDK does not model)",
				label, got[len(got)-1], missing)
		}
	}
}

func checkRequestKeys(t *testing.T, label string, example, sent []byte, unsent map[string]string) {
	t.Helper()
	want, err := wirecheck.Keys(example)
	if err != nil {
		t.Errorf("%s: request example: %v", label, err)
		return
	}
	got, err := wirecheck.Keys(sent)
	if err != nil {
		t.Errorf("%s: sent body is not JSON: %v", label, err)
		return
	}
	var excused []string
	for k := range unsent {
		excused = append(excused, k)
	}
	if extra := wirecheck.Minus(got, want); len(extra) > 0 {
		t.Errorf("%s: the client sends keys the official example does not have: %q", label, extra)
	}
	if lost := wirecheck.Minus(wirecheck.Minus(want, got), excused); len(lost) > 0 {
		t.Errorf("%s: the client does not send the example's keys %q", label, lost)
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func TestDecodeExample(t *testing.T) {
	t.Parallel()
	var v struct {
		A int `json:"a"`
	}
	if err := decodeExample([]byte(`{"a":1}`), &v); err != nil || v.A != 1 {
		t.Errorf("decodeExample = %v, %+v", err, v)
	}
	if err := decodeExample([]byte(`{"a":1,"b":2}`), &v); err == nil {
		t.Error("decodeExample accepted a key the type does not declare")
	}
	if err := decodeExample(nil, &v); err != nil {
		t.Errorf("decodeExample(nil) = %v", err)
	}
}
