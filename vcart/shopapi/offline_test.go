package shopapi_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// offlineClient returns a client whose every request fails t: for tests of
// the checks made before the network.
func offlineClient(t *testing.T) *shopapi.Client {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request sent: %s %s", r.Method, r.URL.Path)
		http.Error(w, "no", http.StatusTeapot)
	}))
	t.Cleanup(hs.Close)
	c, err := shopapi.NewClient(shopapi.StaticToken("tok"), shopapi.WithBaseURL(hs.URL),
		shopapi.WithHTTPClient(hs.Client()), shopapi.WithoutRateLimit())
	if err != nil {
		t.Fatal(err)
	}
	return c
}
