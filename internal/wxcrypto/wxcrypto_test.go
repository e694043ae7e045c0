package wxcrypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Known-answer vectors from channels-api.md §5.
const (
	v1Key     = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	v1AppID   = "wxba5fad812f8e6fb9"
	v1Encrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="
	v1Msg     = `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}`
	v4Key     = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	v4AppID   = "wx2c2769f8efd9abc2"
	v4Encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE="
)

var v4Msg = strings.Join([]string{
	"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>",
	"<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>",
	"<CreateTime>1409735668</CreateTime>",
	"<MsgType><![CDATA[text]]></MsgType>",
	"<Content><![CDATA[abcdteT]]></Content>",
	"<MsgId>6054768590064713728</MsgId>",
	"</xml>",
}, "\n")

func TestSignature_KnownAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                    string
		token, timestamp, nonce string
		more                    []string
		want                    string
	}{
		{"V1 msg_signature", "AAAAA", "1714112445", "415670741", []string{v1Encrypt}, "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3"},
		{"V1 signature", "AAAAA", "1714112445", "415670741", nil, "6c5c811b55cc85e0e1b54100749188c20beb3f5d"},
		{"V1b reply", "AAAAA", "1713424427", "415670741", []string{"ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ=="}, "1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1"},
		{"V2 URL verification", "AAAAA", "1714036504", "1514711492", nil, "f464b24fc39322e44b38aa78f5edd27bd1441696"},
		{"V3 plaintext POST", "AAAAA", "1714037059", "486452656", nil, "899cf89e464efb63f54ddac96b0a0a235f53aa78"},
		{"V4 msg_signature", "spamtest", "1409735669", "1320562132", []string{v4Encrypt}, "5d197aaffba7e9b25a30732f161a50dee96bd5fa"},
		{"V4 signature", "spamtest", "1409735669", "1320562132", nil, "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Signature(tt.token, tt.timestamp, tt.nonce, tt.more...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Signature() mismatch (-want +got):\n%s", diff)
			}
			if !VerifySignature(tt.want, tt.token, tt.timestamp, tt.nonce, tt.more...) {
				t.Error("VerifySignature(valid) = false")
			}
			if !VerifySignature(strings.ToUpper(tt.want), tt.token, tt.timestamp, tt.nonce, tt.more...) {
				t.Error("VerifySignature(upper-case valid) = false")
			}
			bad := []byte(tt.want)
			bad[0] ^= 1
			if VerifySignature(string(bad), tt.token, tt.timestamp, tt.nonce, tt.more...) {
				t.Error("VerifySignature(tampered) = true")
			}
			if VerifySignature(tt.want[:39], tt.token, tt.timestamp, tt.nonce, tt.more...) {
				t.Error("VerifySignature(truncated) = true")
			}
			if VerifySignature(tt.want, tt.token, tt.timestamp+"0", tt.nonce, tt.more...) {
				t.Error("VerifySignature(other timestamp) = true")
			}
		})
	}
}

func TestCipher_KnownAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, key, appID, encrypt, random, msg string
	}{
		{"V1 push", v1Key, v1AppID, v1Encrypt, "a8eedb185eb2fecf", v1Msg},
		{"V1b reply", v1Key, v1AppID, "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==", "707722b803182950", `{"demo_resp":"good luck"}`},
		{"V4 sample", v4Key, v4AppID, v4Encrypt, "89465c840c5f116f", v4Msg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := NewCipher(tt.key, tt.appID)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.Decrypt(tt.encrypt)
			if err != nil {
				t.Fatalf("Decrypt() error = %v", err)
			}
			if diff := cmp.Diff(tt.msg, string(got)); diff != "" {
				t.Errorf("Decrypt() mismatch (-want +got):\n%s", diff)
			}
			enc, err := c.Encrypt([]byte(tt.random), []byte(tt.msg))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.encrypt, enc); diff != "" {
				t.Errorf("Encrypt() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewCipher_Errors(t *testing.T) {
	t.Parallel()
	secret := "s3cretKeyMaterial0123456789abcdefghijklmnop"[:42] + "!"
	tests := []struct {
		name, key, appID string
	}{
		{"short key", v1Key[:42], v1AppID},
		{"long key", v1Key + "A", v1AppID},
		{"non-base64 key", secret, v1AppID},
		{"empty AppID", v1Key, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewCipher(tt.key, tt.appID)
			if !errors.Is(err, ErrKey) {
				t.Fatalf("NewCipher() error = %v, want ErrKey", err)
			}
			if tt.key != "" && strings.Contains(err.Error(), tt.key) {
				t.Errorf("error %q leaks the key", err)
			}
		})
	}
}

// rawEncrypt builds a ciphertext from an arbitrary full plaintext (already
// padded by the caller), to forge bad paddings and lengths.
func rawEncrypt(t *testing.T, key string, full []byte) string {
	t.Helper()
	k, err := base64.StdEncoding.DecodeString(key + "=")
	if err != nil {
		t.Fatal(err)
	}
	b, err := aes.NewCipher(k)
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.Clone(full)
	cipher.NewCBCEncrypter(b, k[:16]).CryptBlocks(out, out)
	return base64.StdEncoding.EncodeToString(out)
}

func TestCipher_Decrypt_Negative(t *testing.T) {
	t.Parallel()
	c, err := NewCipher(v1Key, v1AppID)
	if err != nil {
		t.Fatal(err)
	}
	full := func(msgLen uint32, msg, appID string, pad int, padByte byte) []byte {
		b := make([]byte, 16, 64)
		b = append(b, byte(msgLen>>24), byte(msgLen>>16), byte(msgLen>>8), byte(msgLen))
		b = append(b, msg...)
		b = append(b, appID...)
		for range pad {
			b = append(b, padByte)
		}
		return b
	}
	// 16+4+2+18 = 40 bytes; 24 bytes of padding make 64.
	good := full(2, "{}", v1AppID, 24, 24)
	if got, err := c.Decrypt(rawEncrypt(t, v1Key, good)); err != nil || string(got) != "{}" {
		t.Fatalf("control case: Decrypt() = %q, %v", got, err)
	}
	other, err := NewCipher(v1Key, "wx0000000000000000")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		c       *Cipher
		in      string
		wantErr error
	}{
		{"wrong AppID", other, v1Encrypt, ErrAppID},
		{"truncated base64", c, v1Encrypt[:len(v1Encrypt)-3], ErrBase64},
		{"not base64", c, "!!!!", ErrBase64},
		{"empty", c, "", ErrCiphertext},
		{"not a block multiple", c, base64.StdEncoding.EncodeToString(make([]byte, 17)), ErrCiphertext},
		{"pad zero", c, rawEncrypt(t, v1Key, full(2, "{}", v1AppID, 24, 0)), ErrPadding},
		{"pad 33", c, rawEncrypt(t, v1Key, append(full(2, "{}", v1AppID, 23, 33), 33)), ErrPadding},
		{"pad bytes differ", c, rawEncrypt(t, v1Key, append(full(2, "{}", v1AppID, 23, 7), 24)), ErrPadding},
		{"length past end", c, rawEncrypt(t, v1Key, full(1000, "{}", v1AppID, 24, 24)), ErrLength},
		{"too short for header", c, rawEncrypt(t, v1Key, bytes.Repeat([]byte{16}, 16)), ErrLength},
		{"AppID truncated", c, rawEncrypt(t, v1Key, full(2, "{}", v1AppID[:17], 25, 25)), ErrAppID},
		{"tampered ciphertext", c, func() string {
			b, _ := base64.StdEncoding.DecodeString(v1Encrypt)
			b[len(b)-20] ^= 0x55
			return base64.StdEncoding.EncodeToString(b)
		}(), ErrPadding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := tt.c.Decrypt(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Decrypt() = %q, %v; want error %v", got, err, tt.wantErr)
			}
			if got != nil {
				t.Errorf("Decrypt() returned %q with an error", got)
			}
		})
	}
}

func TestCipher_Encrypt_RandomPrefix(t *testing.T) {
	t.Parallel()
	c, err := NewCipher(v1Key, v1AppID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.Encrypt(nil, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Encrypt(nil, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Error("two encryptions with a random prefix are equal")
	}
	if _, err := c.Encrypt([]byte("short"), []byte("x")); err == nil {
		t.Error("Encrypt() accepted a 5-byte random prefix")
	}
	for _, n := range []int{0, 1, 11, 12, 13, 44, 45, 1000} {
		msg := bytes.Repeat([]byte{'m'}, n)
		enc, err := c.Encrypt(nil, msg)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := base64.StdEncoding.DecodeString(enc)
		if len(raw)%BlockSize != 0 {
			t.Errorf("len %d: ciphertext %d bytes, not a multiple of 32", n, len(raw))
		}
		got, err := c.Decrypt(enc)
		if err != nil || !bytes.Equal(got, msg) {
			t.Errorf("len %d: round trip = %q, %v", n, got, err)
		}
	}
}

func TestCipher_DecryptTo_ReusesBuffer(t *testing.T) {
	t.Parallel()
	c, err := NewCipher(v1Key, v1AppID)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	got, err := c.DecryptTo(buf, v1Encrypt)
	if err != nil {
		t.Fatal(err)
	}
	if &got[0] != &buf[20] {
		t.Error("DecryptTo did not decrypt into the supplied buffer")
	}
	if string(got) != v1Msg {
		t.Errorf("DecryptTo() = %q", got)
	}
	if c.AppID() != v1AppID {
		t.Errorf("AppID() = %q", c.AppID())
	}
}

func FuzzDecrypt(f *testing.F) {
	f.Add(v1Encrypt, []byte(v1Msg))
	f.Add(v4Encrypt, []byte("hello"))
	f.Add("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==", []byte{})
	f.Add("", []byte{0, 1, 2})
	f.Add("AAAA", []byte("{}"))
	c, err := NewCipher(v1Key, v1AppID)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, garbage string, msg []byte) {
		if len(garbage) > 1<<16 || len(msg) > 1<<16 {
			return
		}
		// No panic on garbage; an error and a message never come together.
		if got, err := c.Decrypt(garbage); err != nil && got != nil {
			t.Fatalf("Decrypt returned both %q and %v", got, err)
		}
		enc, err := c.Encrypt(nil, msg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Decrypt(enc)
		if err != nil {
			t.Fatalf("Decrypt(Encrypt(msg)) error = %v", err)
		}
		if !bytes.Equal(got, msg) {
			t.Fatalf("round trip = %q, want %q", got, msg)
		}
	})
}
