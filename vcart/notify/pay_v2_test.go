package notify

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

const v2APIKey = "192006250b4c09247ec02edce69f6a2d"

var v2Params = map[string]string{"appid": "wxd930ea5d5a258f4f", "body": "test", "device_info": "1000", "mch_id": "10000100", "nonce_str": "ibuaiVcKdpRxkhJA"}

func TestSignV2_KAT(t *testing.T) {
	t.Parallel()
	got, err := SignV2(v2Params, v2APIKey, V2MD5)
	if err != nil {
		t.Fatal(err)
	}
	if got != "9A0A8659F005D6984697E2CA0A9CF3B7" {
		t.Errorf("SignV2(MD5) = %s", got)
	}
	// Empty values and sign itself are excluded.
	p := map[string]string{"sign": "X", "empty": ""}
	for k, v := range v2Params {
		p[k] = v
	}
	if got2, _ := SignV2(p, v2APIKey, ""); got2 != got {
		t.Errorf("SignV2 with sign and empty fields = %s", got2)
	}
	if got := string(v2SigningString(v2Params, v2APIKey)); got != "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d" {
		t.Errorf("signing string = %s", got)
	}
}

func TestVerifyV2(t *testing.T) {
	t.Parallel()
	signed := func(t2 V2SignType, extra map[string]string) map[string]string {
		p := map[string]string{}
		for k, v := range v2Params {
			p[k] = v
		}
		for k, v := range extra {
			p[k] = v
		}
		s, err := SignV2(p, v2APIKey, t2)
		if err != nil {
			t.Fatal(err)
		}
		p["sign"] = s
		return p
	}
	hmacP := signed(V2HMACSHA256, map[string]string{"sign_type": "HMAC-SHA256"})
	hmacNoType := signed(V2HMACSHA256, nil)
	tampered := signed(V2MD5, nil)
	tampered["body"] = "test2"
	lower := signed(V2MD5, nil)
	lower["sign"] = strings.ToLower(lower["sign"])
	tests := []struct {
		name    string
		p       map[string]string
		t       V2SignType
		wantErr error
	}{
		{"MD5", signed(V2MD5, nil), "", nil},
		{"lower-case hex", lower, "", nil},
		{"HMAC from sign_type", hmacP, "", nil},
		{"HMAC configured, sign_type absent", hmacNoType, V2HMACSHA256, nil},
		{"HMAC absent sign_type defaults to MD5", hmacNoType, "", ErrBadSignature},
		{"tampered", tampered, "", ErrBadSignature},
		{"missing sign", v2Params, "", ErrMissingSignature},
	}
	for _, tt := range tests {
		if err := VerifyV2(tt.p, v2APIKey, tt.t); !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: VerifyV2() = %v, want %v", tt.name, err, tt.wantErr)
		}
	}
	if err := VerifyV2(signed(V2MD5, nil), "other-key", ""); !errors.Is(err, ErrBadSignature) {
		t.Errorf("wrong key: %v", err)
	}
	if _, err := SignV2(v2Params, v2APIKey, "SHA1"); err == nil {
		t.Error("unknown sign type accepted")
	}
	if _, err := SignV2(v2Params, "", V2MD5); err == nil {
		t.Error("empty key accepted")
	}
}

func TestParseV2XML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"CDATA and plain", `<xml><return_code><![CDATA[SUCCESS]]></return_code><total_fee>750</total_fee><attach><![CDATA[a&b]]></attach></xml>`,
			map[string]string{"return_code": "SUCCESS", "total_fee": "750", "attach": "a&b"}, false},
		{"round trip of EncodeV2XML", string(EncodeV2XML(map[string]string{"a": "x]]>y", "b": "<&>"})), map[string]string{"a": "x]]>y", "b": "<&>"}, false},
		{"nested", `<xml><a><b>1</b></a></xml>`, nil, true},
		{"duplicate", `<xml><a>1</a><a>2</a></xml>`, nil, true},
		{"empty", `<xml></xml>`, nil, true},
		{"truncated", `<xml><a>1</a>`, nil, true},
		{"not xml", `{"a":1}`, nil, true},
	}
	for _, tt := range tests {
		got, err := ParseV2XML([]byte(tt.in))
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error = %v", tt.name, err)
			continue
		}
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: error %v is not ErrMalformed", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	ok, _ := ParseV2XML(V2Answer(true, ""))
	fail, _ := ParseV2XML(V2Answer(false, "签名失败"))
	if ok["return_code"] != "SUCCESS" || fail["return_code"] != "FAIL" || fail["return_msg"] != "签名失败" {
		t.Errorf("answers: %v %v", ok, fail)
	}
}

func TestV2ECB_KAT(t *testing.T) {
	t.Parallel()
	got, err := decryptECB([]byte("0123456789abcdef0123456789abcdef"), "pZwJZBLuy3mDACEQT4YTBw==")
	if err != nil || string(got) != "hello" {
		t.Errorf("KAT-ECB-1: %q, %v", got, err)
	}
	enc, err := forge.EncryptECB([]byte("0123456789abcdef0123456789abcdef"), []byte("hello"))
	if err != nil || enc != "pZwJZBLuy3mDACEQT4YTBw==" {
		t.Errorf("KAT-ECB-1 encrypt: %q, %v", enc, err)
	}
	const reqInfo = "WBzGpzQuNpcFxIlFjUUD9BZv+lpBMzd2SHiKCkwfALWid5G8ZvfOussfMIHLbKJmBhUUBzKEtuVKVTb11meMYkQvNSWl+ISLGfa/vT/MHvUxHA6rlNTzoOZZOwotMnuXjv+Gcd8C/KSvoi8OnTM0op0QVGSY+Q9OWdWdmwmJnIhvYec7FaGDbpMuFsCVoL3tZSjdwZhoVNVwBb78Z6z3Ag=="
	const plain = "<root><out_refund_no><![CDATA[R1]]></out_refund_no><refund_fee><![CDATA[750]]></refund_fee><refund_status><![CDATA[SUCCESS]]></refund_status></root>"
	got, err = DecryptV2RefundInfo(reqInfo, v2APIKey)
	if err != nil || string(got) != plain {
		t.Errorf("KAT-REQINFO: %q, %v", got, err)
	}
	enc, err = forge.EncryptV2RefundInfo([]byte(plain), v2APIKey)
	if err != nil || enc != reqInfo {
		t.Errorf("KAT-REQINFO encrypt: %q, %v", enc, err)
	}
	for name, in := range map[string]string{
		"truncated base64": reqInfo[:50],
		"not block sized":  "AAAA",
		"bad padding":      "pZwJZBLuy3mDACEQT4YTBw==",
		"empty":            "",
	} {
		if _, err := DecryptV2RefundInfo(in, v2APIKey); !errors.Is(err, ErrDecrypt) {
			t.Errorf("%s: error = %v", name, err)
		}
	}
	if _, err := DecryptV2RefundInfo(reqInfo, ""); err == nil {
		t.Error("empty API key accepted")
	}
}

func TestParseV2Request(t *testing.T) {
	t.Parallel()
	p := map[string]string{"return_code": "SUCCESS", "result_code": "SUCCESS", "appid": "wxd930ea5d5a258f4f", "mch_id": "10000100",
		"nonce_str": "n1", "out_trade_no": "T1", "total_fee": "750", "sign_type": "HMAC-SHA256"}
	sign, err := SignV2(p, v2APIKey, V2HMACSHA256)
	if err != nil {
		t.Fatal(err)
	}
	p["sign"] = sign
	body := EncodeV2XML(p)
	got, err := ParseV2Request(httptest.NewRequest(http.MethodPost, "/wxpay/v2", bytes.NewReader(body)), v2APIKey, "")
	if err != nil || got["total_fee"] != "750" {
		t.Fatalf("ParseV2Request() = %v, %v", got, err)
	}
	tampered := bytes.Replace(body, []byte("750"), []byte("1"), 1)
	if _, err := ParseV2Request(httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(tampered)), v2APIKey, ""); !errors.Is(err, ErrBadSignature) {
		t.Errorf("tampered: %v", err)
	}
	if _, err := ParseV2Request(httptest.NewRequest(http.MethodPost, "/", strings.NewReader("<xml>")), v2APIKey, ""); !errors.Is(err, ErrMalformed) {
		t.Errorf("bad xml: %v", err)
	}
	huge := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(make([]byte, DefaultMaxBodyBytes+1)))
	if _, err := ParseV2Request(huge, v2APIKey, ""); !errors.Is(err, ErrBodyTooLarge) {
		t.Errorf("huge: %v", err)
	}
}
