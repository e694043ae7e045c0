package notify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/vcart-sdk/vcart-go/internal/golden"
	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
)

// callbackFixture is a signed push as it arrives on the wire, with the
// test-only Token, EncodingAESKey and AppID that produced it.
type callbackFixture struct {
	Description    string          `json:"description"`
	Token          string          `json:"token"`
	EncodingAESKey string          `json:"encoding_aes_key"`
	AppID          string          `json:"app_id"`
	Query          string          `json:"query"`
	Body           string          `json:"body"`
	Plaintext      json.RawMessage `json:"plaintext"`
	GoType         string          `json:"go_type"`
}

// fixtureSamples are event bodies in the shapes the sources show (official
// doc samples, SKIT event samples, WxJava tests; channels-api §7–§8).
var fixtureSamples = []struct{ name, desc, plain string }{
	{"channels_ec_order_new", "order id as a JSON number (SKIT sample)", `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_new","order_info":{"order_id":3705115058471208928}}`},
	{"channels_ec_order_cancel", "ids and enum as strings (SKIT sample)", `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_cancel","order_info":{"order_id":"3705115058471208928","cancel_type":"1"}}`},
	{"channels_ec_order_pay", "pay_time as a string", `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3705115058471208928","pay_time":"1658509200"}}`},
	{"product_spu_audit", "audit_info is JSON inside a string", `{"ToUserName":"gh_shop","FromUserName":"o_platform","CreateTime":1662480000,"MsgType":"event","Event":"product_spu_audit","ProductSpuAudit":{"product_id":"23423523452345235","status":2,"reason":"","audit_info":"{\"busi_audit_info\":{\"item_list\":[{\"multi_failed_reasons\":[{\"audit_reason\":\"类目资质不符\"}],\"busi_show_field_api\":\"product.cat_v2\",\"applicable_strategy_flag_list\":[]}],\"user_strategy_flag_list\":[2,1]}}","product_type":1}}`},
	{"channels_ec_aftersale_update", "after-sale status string enum", `{"ToUserName":"gh_shop","FromUserName":"o_buyer","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"after_sale_order_id":"1234","status":"USER_WAIT_RETURN","order_id":"3705115058471208928"}}`},
	{"channels_ec_close_store", "close_timestamp as a string (WxJava test)", `{"ToUserName":"gh_shop","FromUserName":"o_platform","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_close_store","appid":"wx1234567890abcdef","close_timestamp":"1662480000"}`},
	{"unknown_event", "an event outside the catalogue, delivered raw", `{"ToUserName":"gh_shop","FromUserName":"o_platform","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_brand_new_thing","payload":{"k":1}}`},
}

func buildFixture(t *testing.T, desc, plain string) callbackFixture {
	t.Helper()
	c, err := wxcrypto.NewCipher(testKey, testApp)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := c.Encrypt([]byte("0123456789abcdef"), []byte(plain)) // fixed prefix: reproducible files
	if err != nil {
		t.Fatal(err)
	}
	const ts, nonce = "1662480000", "1320562132"
	q := url.Values{}
	q.Set("signature", wxcrypto.Signature(testTok, ts, nonce))
	q.Set("timestamp", ts)
	q.Set("nonce", nonce)
	q.Set("encrypt_type", "aes")
	q.Set("msg_signature", wxcrypto.Signature(testTok, ts, nonce, enc))
	body, _ := json.Marshal(pushBody{ToUserName: "gh_shop", Encrypt: enc})
	ev, err := DecodeEvent([]byte(plain))
	if err != nil {
		t.Fatal(err)
	}
	return callbackFixture{Description: desc, Token: testTok, EncodingAESKey: testKey, AppID: testApp,
		Query: q.Encode(), Body: string(body), Plaintext: json.RawMessage(plain), GoType: typeName(ev)}
}

func typeName(v any) string { return fmtType(v) }

// TestCallbackFixtures checks that testdata/callbacks is what the generator
// produces (rewrite with -update) and that every fixture verifies, decrypts
// and decodes to its Go type.
func TestCallbackFixtures(t *testing.T) {
	for _, s := range fixtureSamples {
		t.Run(s.name, func(t *testing.T) {
			path := filepath.Join("testdata", "callbacks", s.name+".json")
			want := buildFixture(t, s.desc, s.plain)
			var out bytes.Buffer
			enc := json.NewEncoder(&out)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(want); err != nil {
				t.Fatal(err)
			}
			// The file on disk now equals the generator's output (after
			// CRLF normalisation), so the checks below hold for it too.
			if !golden.Assert(t, path, out.Bytes()) {
				t.FailNow()
			}
			var f callbackFixture
			if err := json.Unmarshal(out.Bytes(), &f); err != nil {
				t.Fatal(err)
			}
			v, err := NewVerifier(f.Token, f.EncodingAESKey, f.AppID, WithClock(fixedClock(1662480000)))
			if err != nil {
				t.Fatal(err)
			}
			q, err := url.ParseQuery(f.Query)
			if err != nil {
				t.Fatal(err)
			}
			m, err := v.ParseRaw(q, []byte(f.Body))
			if err != nil {
				t.Fatalf("ParseRaw(fixture) = %v", err)
			}
			ev, err := m.Decode()
			if err != nil {
				t.Fatal(err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, f.Plaintext); err != nil {
				t.Fatal(err)
			}
			if fmtType(ev) != f.GoType || !bytes.Equal(m.Plaintext, compact.Bytes()) {
				t.Errorf("decoded %s, plaintext %s", fmtType(ev), m.Plaintext)
			}
		})
	}
}

func fmtType(v any) string { return fmt.Sprintf("%T", v) }
