package notify

import (
	"bytes"
	"crypto/aes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// V2SignType is a WeChat Pay v2 signature algorithm (sign_type).
type V2SignType string

// The v2 signature algorithms.
const (
	// V2MD5 is MD5 over "k=v&…&key=API_KEY", upper-case hex (the default).
	V2MD5 V2SignType = "MD5"
	// V2HMACSHA256 is HMAC-SHA256 keyed with the API key over the same
	// string (including "&key=…"), upper-case hex.
	V2HMACSHA256 V2SignType = "HMAC-SHA256"
)

// v2SigningString builds "k1=v1&k2=v2…&key=apiKey" from the non-empty
// parameters other than sign, sorted by key (ASCII).
func v2SigningString(params map[string]string, apiKey string) []byte {
	keys := make([]string, 0, len(params))
	for k, v := range params {
		if k == "sign" || v == "" {
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	for _, k := range keys {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(params[k])
		b.WriteByte('&')
	}
	b.WriteString("key=")
	b.WriteString(apiKey)
	return b.Bytes()
}

// SignV2 returns the v2 signature (upper-case hex) of params with the API
// key (API密钥). An empty t means [V2MD5].
func SignV2(params map[string]string, apiKey string, t V2SignType) (string, error) {
	if apiKey == "" {
		return "", errors.New("notify: empty v2 API key")
	}
	var h hash.Hash
	switch t {
	case V2MD5, "":
		h = md5.New()
	case V2HMACSHA256:
		h = hmac.New(sha256.New, []byte(apiKey))
	default:
		return "", fmt.Errorf("notify: unsupported v2 sign_type %.20q", string(t))
	}
	h.Write(v2SigningString(params, apiKey))
	return strings.ToUpper(hex.EncodeToString(h.Sum(nil))), nil
}

// VerifyV2 checks params["sign"] in constant time. The algorithm is t when
// given (use the type the order was placed with: the notification may omit
// sign_type), otherwise params["sign_type"], otherwise MD5.
func VerifyV2(params map[string]string, apiKey string, t V2SignType) error {
	got := params["sign"]
	if got == "" {
		return ErrMissingSignature
	}
	if t == "" {
		t = V2SignType(params["sign_type"])
	}
	want, err := SignV2(params, apiKey, t)
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare([]byte(strings.ToUpper(got)), []byte(want)) != 1 {
		return ErrBadSignature
	}
	return nil
}

// ParseV2XML decodes a flat v2 XML body (<xml><k>v</k>…</xml>, CDATA or
// not) into a map. Nested elements and duplicate keys are rejected with
// [ErrMalformed]; unknown keys are kept.
func ParseV2XML(body []byte) (map[string]string, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	params := make(map[string]string)
	depth := 0
	var key string
	var val strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: xml: %w", ErrMalformed, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 2 {
				return nil, fmt.Errorf("%w: nested element %.40q", ErrMalformed, t.Name.Local)
			}
			if depth == 2 {
				key = t.Name.Local
				val.Reset()
			}
		case xml.CharData:
			if depth == 2 {
				val.Write(t)
			}
		case xml.EndElement:
			if depth == 2 {
				if _, dup := params[key]; dup {
					return nil, fmt.Errorf("%w: duplicate element %.40q", ErrMalformed, key)
				}
				params[key] = val.String()
			}
			depth--
		}
	}
	if depth != 0 || len(params) == 0 {
		return nil, fmt.Errorf("%w: empty or unbalanced xml", ErrMalformed)
	}
	return params, nil
}

// EncodeV2XML encodes params as a flat v2 XML body with CDATA values,
// sorted by key.
func EncodeV2XML(params map[string]string) []byte {
	keys := slices.Sorted(maps.Keys(params))
	var b bytes.Buffer
	b.WriteString("<xml>")
	for _, k := range keys {
		b.WriteString("<" + k + "><![CDATA[")
		b.WriteString(strings.ReplaceAll(params[k], "]]>", "]]]]><![CDATA[>"))
		b.WriteString("]]></" + k + ">")
	}
	b.WriteString("</xml>")
	return b.Bytes()
}

// V2Answer returns the XML answer of a v2 notification: SUCCESS/OK when ok,
// otherwise FAIL with msg (which asks WeChat Pay to retry).
func V2Answer(ok bool, msg string) []byte {
	if ok {
		return EncodeV2XML(map[string]string{"return_code": "SUCCESS", "return_msg": "OK"})
	}
	return EncodeV2XML(map[string]string{"return_code": "FAIL", "return_msg": msg})
}

// DecryptV2RefundInfo decrypts the req_info of a v2 refund notification:
// base64, then AES-256-ECB with PKCS#7, keyed with the lower-case hex MD5 of
// the API key. It returns the inner XML.
func DecryptV2RefundInfo(reqInfo, apiKey string) ([]byte, error) {
	if apiKey == "" {
		return nil, errors.New("notify: empty v2 API key")
	}
	sum := md5.Sum([]byte(apiKey))
	key := []byte(hex.EncodeToString(sum[:]))
	return decryptECB(key, reqInfo)
}

func decryptECB(key []byte, b64 string) ([]byte, error) {
	ct, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, fmt.Errorf("%w: req_info is not base64", ErrDecrypt)
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("%w: bad key size", ErrDecrypt)
	}
	if len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		return nil, fmt.Errorf("%w: length %d is not a multiple of 16", ErrDecrypt, len(ct))
	}
	for i := 0; i < len(ct); i += aes.BlockSize {
		b.Decrypt(ct[i:i+aes.BlockSize], ct[i:i+aes.BlockSize])
	}
	pad := int(ct[len(ct)-1])
	if pad < 1 || pad > aes.BlockSize {
		return nil, fmt.Errorf("%w: bad padding", ErrDecrypt)
	}
	for _, c := range ct[len(ct)-pad:] {
		if int(c) != pad {
			return nil, fmt.Errorf("%w: bad padding", ErrDecrypt)
		}
	}
	return ct[:len(ct)-pad], nil
}

// ParseV2Request reads a v2 notification (body capped at
// [DefaultMaxBodyBytes] through http.MaxBytesReader), parses its XML and
// verifies its sign in constant time with apiKey and t (see [VerifyV2]). It
// returns the parameters; check return_code, result_code and the amount
// against the stored order before trusting them, and answer with
// [V2Answer].
func ParseV2Request(r *http.Request, apiKey string, t V2SignType) (map[string]string, error) {
	body, err := readBody(r, DefaultMaxBodyBytes)
	if err != nil {
		return nil, err
	}
	p, err := ParseV2XML(body)
	if err != nil {
		return nil, err
	}
	if err := VerifyV2(p, apiKey, t); err != nil {
		return nil, err
	}
	return p, nil
}
