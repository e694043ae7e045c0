package shopapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// problemFields returns the fields of a validation error's problems.
func problemFieldNames(err error) []string {
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field)
	}
	return out
}

// echoServer answers every call with errcode and an errmsg that repeats
// the request body and query verbatim, as a careless gateway would.
func echoServer(t *testing.T, code int) *httptest.Server {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var v map[string]string
		_ = json.Unmarshal(b, &v)
		msg := "rejected " + string(b) + " secret " + v["appsecret"] + " q=" + r.URL.RawQuery + " rid: 6a1f0001-00000002-00000003"
		out, _ := json.Marshal(map[string]any{"errcode": code, "errmsg": msg})
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(out)
	}))
	t.Cleanup(hs.Close)
	return hs
}

func TestQuotaService_ClearAllWithSecret_neverLeaksTheSecret(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-0123456789abcdef"
	hs := echoServer(t, shopapi.CodeInvalidAppID)
	var logs bytes.Buffer
	c, err := shopapi.NewClient(shopapi.StaticToken("tok"), shopapi.WithBaseURL(hs.URL), shopapi.WithoutRateLimit(),
		shopapi.WithRetryPolicy(shopapi.RetryPolicy{}),
		shopapi.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Quota.ClearAllWithSecret(t.Context(), "wx888", secret)
	var ae *shopapi.APIError
	if !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeInvalidAppID {
		t.Fatalf("err = %v, want an *APIError 40013", err)
	}
	for what, text := range map[string]string{"error": err.Error(), "ErrMsg": ae.ErrMsg, "logs": logs.String()} {
		if strings.Contains(text, secret) {
			t.Errorf("the secret appears in the %s: %s", what, text)
		}
	}
	if strings.Contains(ae.ErrMsg, "access_token") || !strings.Contains(ae.ErrMsg, "q= ") {
		t.Errorf("ErrMsg %q: clear_quota/v2 must send no query (no access_token)", ae.ErrMsg)
	}
	if !strings.Contains(err.Error(), "REDACTED") {
		t.Errorf("error %q: the echoed secret should read REDACTED", err)
	}
}

func TestQuotaService_validation(t *testing.T) {
	t.Parallel()
	c, err := shopapi.NewClient(shopapi.StaticToken("tok"), shopapi.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	tests := []struct {
		name string
		call func() error
		want []string
	}{
		{"clear_quota/v2 both missing", func() error { _, err := c.Quota.ClearAllWithSecret(ctx, "", ""); return err }, []string{"appid", "appsecret"}},
		{"clear_quota no appid", func() error { _, err := c.Quota.ClearAll(ctx, ""); return err }, []string{"appid"}},
		{"quota/clear relative path", func() error { _, err := c.Quota.Clear(ctx, "channels/ec/order/get"); return err }, []string{"cgi_path"}},
		{"rid blank", func() error { _, _, err := c.Quota.RID(ctx, " "); return err }, []string{"rid"}},
		{"callback check", func() error { _, _, err := c.Network.CheckCallback(ctx, "trace", "CMCC"); return err }, []string{"action", "check_operator"}},
		{"inspection submit", func() error {
			_, err := c.Inspection.Submit(ctx, "", &shopapi.InspectInfo{ExpressInsure: true, RefundIntercept: 2})
			return err
		}, []string{"order_id", "inspect_info.delivery_id", "inspect_info.backup_delivery_id", "inspect_info.inspect_org_id",
			"inspect_info.inspect_org_name", "inspect_info.warehouse_name", "inspect_info.warehouse_addr",
			"inspect_info.delivery_product_id", "inspect_info.express_insure_amount", "inspect_info.refund_intercept"}},
		{"inspection logistics", func() error {
			_, err := c.Inspection.RegisterLogistics(ctx, []shopapi.ID{""}, shopapi.InspectLogistics{DeliveryType: 2})
			return err
		}, []string{"order_id_list[0]", "logistics_info.waybill_id", "logistics_info.delivery_id", "logistics_info.delivery_name", "logistics_info.delivery_type"}},
		{"wecom", func() error { _, _, err := c.Store.WecomID(ctx, "", "u"); return err }, []string{"corp_id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := problemFieldNames(tt.call())
			want := slices.Sorted(slices.Values(tt.want)) // problems come sorted by field
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}

func TestQuotaService_Diagnose(t *testing.T) {
	t.Parallel()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/cgi-bin/openapi/rid/get" {
			_, _ = io.WriteString(w, `{"errcode":0,"errmsg":"ok","request":{"invoke_time":1635156704,"cost_in_ms":30,`+
				`"request_url":"access_token=50_Im7secret&order_id=1","request_body":"{\"order_id\":\"1\"}",`+
				`"response_body":"{\"errcode\":100002,\"errmsg\":\"order not exist rid: 6a1f0001-00000002-00000003\"}","client_ip":"203.0.113.5"}}`)
			return
		}
		_, _ = io.WriteString(w, `{"errcode":100002,"errmsg":"order not exist rid: 6a1f0001-00000002-00000003"}`)
	}))
	t.Cleanup(hs.Close)
	c, err := shopapi.NewClient(shopapi.StaticToken("tok"), shopapi.WithBaseURL(hs.URL), shopapi.WithoutRateLimit())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.Quota.Diagnose(ctx, nil); !errors.Is(err, shopapi.ErrNoRID) {
		t.Errorf("Diagnose(nil) = %v, want ErrNoRID", err)
	}
	if _, err := c.Quota.Diagnose(ctx, errors.New("dial tcp: refused")); !errors.Is(err, shopapi.ErrNoRID) {
		t.Errorf("Diagnose(transport error) = %v, want ErrNoRID", err)
	}
	_, _, callErr := c.Orders.Get(ctx, "1")
	d, err := c.Quota.Diagnose(ctx, callErr)
	if err != nil {
		t.Fatal(err)
	}
	want := &shopapi.Diagnosis{RID: "6a1f0001-00000002-00000003", ErrCode: 100002, Meaning: shopapi.ErrCodeMeaning(100002),
		Call: shopapi.RIDInfo{InvokeTime: 1635156704, CostInMS: 30, RequestURL: "access_token=REDACTED&order_id=1",
			RequestBody: `{"order_id":"1"}`, ResponseBody: `{"errcode":100002,"errmsg":"order not exist rid: 6a1f0001-00000002-00000003"}`,
			ClientIP: "203.0.113.5"}}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("diagnosis (-want +got):\n%s", diff)
	}
	if code, msg := d.Call.Response(); code != 100002 || !strings.HasPrefix(msg, "order not exist") {
		t.Errorf("Response() = %d %q", code, msg)
	}
}

func TestIPAllowList(t *testing.T) {
	t.Parallel()
	l, err := shopapi.NewIPAllowList([]string{"101.226.103.0/25", "127.0.0.1", " ::1 ", "2001:db8::/32"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr string
		want bool
	}{
		{"101.226.103.5", true},
		{"101.226.103.127:443", true},
		{"101.226.103.128", false},
		{"127.0.0.1:5000", true},
		{"::ffff:127.0.0.1", true},
		{"[::1]:80", true},
		{"[2001:db8::7]:8080", true},
		{"10.0.0.1", false},
		{"not-an-ip", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := l.Allows(tt.addr); got != tt.want {
			t.Errorf("Allows(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
	if l.Len() != 4 {
		t.Errorf("Len = %d", l.Len())
	}
	_, err = shopapi.NewIPAllowList([]string{"1.2.3.4", "bad", "300.1.1.1"})
	if d := cmp.Diff([]string{"ip_list[1]", "ip_list[2]"}, problemFieldNames(err)); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
}

func TestCallbackCheck_Unreachable(t *testing.T) {
	t.Parallel()
	c := &shopapi.CallbackCheck{Ping: []shopapi.CheckPingResult{
		{IP: "1.1.1.1", PackageLoss: "0%"}, {IP: "2.2.2.2", PackageLoss: "100%"}, {IP: "3.3.3.3"}}}
	if d := cmp.Diff([]string{"2.2.2.2", "3.3.3.3"}, c.Unreachable()); d != "" {
		t.Errorf("Unreachable (-want +got):\n%s", d)
	}
}

func TestMediaService_Get(t *testing.T) {
	t.Parallel()
	png := []byte("\x89PNG\r\n\x1a\nfake")
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/channels/ec/basics/media/get" || r.URL.Query().Get("access_token") != "tok" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		switch r.URL.Query().Get("media_id") {
		case "good":
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write(png)
		default:
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"errcode":40007,"errmsg":"invalid media_id rid: 6a1f0001-00000002-00000003"}`)
		}
	}))
	t.Cleanup(hs.Close)
	c, err := shopapi.NewClient(shopapi.StaticToken("tok"), shopapi.WithBaseURL(hs.URL), shopapi.WithoutRateLimit())
	if err != nil {
		t.Fatal(err)
	}
	data, ct, _, err := c.Media.Get(t.Context(), "good")
	if err != nil || !bytes.Equal(data, png) || ct != "image/png" {
		t.Errorf("Get(good) = %q %q, %v", data, ct, err)
	}
	_, _, resp, err := c.Media.Get(t.Context(), "gone")
	var ae *shopapi.APIError
	if !errors.As(err, &ae) || ae.ErrCode != 40007 || ae.RequestID == "" || resp.RequestID != ae.RequestID {
		t.Errorf("Get(gone) = %v, want an *APIError 40007 with its rid", err)
	}
	if _, _, _, err := c.Media.Get(t.Context(), ""); problemFieldNames(err) == nil {
		t.Errorf("Get(\"\") = %v, want a validation error", err)
	}
}

// FuzzIPAllowList feeds arbitrary entries and addresses: parsing never
// panics, an entry that parses allows its own address, and a list that
// fails to build reports every bad entry.
func FuzzIPAllowList(f *testing.F) {
	for _, seed := range [][2]string{{"101.226.103.0/25", "101.226.103.7:443"}, {"::1", "[::1]:80"},
		{"127.0.0.1", "127.0.0.1"}, {"300.1.1.1", "x"}, {"", ""}, {"2001:db8::/32", "::ffff:1.2.3.4"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, entry, addr string) {
		if len(entry) > 256 || len(addr) > 256 {
			return
		}
		l, err := shopapi.NewIPAllowList([]string{entry})
		if err != nil {
			if len(problemFieldNames(err)) != 1 {
				t.Fatalf("NewIPAllowList(%q) = %v, want one problem", entry, err)
			}
			return
		}
		_ = l.Allows(addr)
		if a, perr := netip.ParseAddr(strings.TrimSpace(entry)); perr == nil && !l.Allows(a.String()) {
			t.Errorf("list of %q does not allow %s", entry, a)
		}
	})
}
