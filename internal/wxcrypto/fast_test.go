package wxcrypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

// stdDecode is the reference: encoding/base64's StdEncoding.
func stdDecode(s string) ([]byte, error) {
	dst := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(dst, []byte(s))
	if err != nil {
		return nil, err
	}
	return dst[:n], nil
}

// checkDecode compares decodeString with encoding/base64 on s: the same
// bytes, or an error from both.
func checkDecode(t *testing.T, s string) {
	t.Helper()
	want, werr := stdDecode(s)
	dst := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := decodeString(dst, s)
	if (err != nil) != (werr != nil) {
		t.Fatalf("decodeString(%.60q…) error = %v, encoding/base64 = %v", s, err, werr)
	}
	if err == nil && !bytes.Equal(dst[:n], want) {
		t.Fatalf("decodeString(%.60q…) = %x, want %x", s, dst[:n], want)
	}
}

// TestDecodeString_MatchesStdlib: the pair-table fast path accepts and
// rejects exactly what encoding/base64 does, whatever the position of
// padding, a newline or a bad character relative to its 16-character groups.
func TestDecodeString_MatchesStdlib(t *testing.T) {
	t.Parallel()
	for n := range 80 {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i*37 + n)
		}
		enc := base64.StdEncoding.EncodeToString(data)
		checkDecode(t, enc)
		for pos := range len(enc) {
			for _, bad := range []byte{'=', '\n', '\r', '-', '_', '.', 0, 0x80, 0xFF, ' '} {
				b := []byte(enc)
				b[pos] = bad
				checkDecode(t, string(b))
			}
			checkDecode(t, enc[:pos])                  // truncated
			checkDecode(t, enc[:pos]+"\n"+enc[pos:])   // newline inserted
			checkDecode(t, enc[:pos]+"===="+enc[pos:]) // padding inside
		}
	}
	// Longer than one stack chunk of the fallback.
	long := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("0123456789abcdef"), 200))
	checkDecode(t, long)
	checkDecode(t, long[:1500]+"!"+long[1501:])
	checkDecode(t, long[:20]+"\n"+long[20:]) // newline, then more than a chunk
	checkDecode(t, strings.ReplaceAll(long, "A", "A\r\n"))
}

// TestDecryptCBC_MatchesStdlib: CBC by hand equals crypto/cipher's CBC
// decrypter for odd and even block counts.
func TestDecryptCBC_MatchesStdlib(t *testing.T) {
	t.Parallel()
	c, err := NewCipher(v1Key, v1AppID)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := base64.StdEncoding.DecodeString(v1Key + "=")
	block, _ := aes.NewCipher(key)
	for blocks := 1; blocks <= 9; blocks++ {
		t.Run(fmt.Sprint(blocks), func(t *testing.T) {
			ct := []byte(strings.Repeat("ciphertext-bytes", blocks))
			want := make([]byte, len(ct))
			cipher.NewCBCDecrypter(block, key[:16]).CryptBlocks(want, ct)
			got := bytes.Clone(ct)
			c.decryptCBC(got)
			if !bytes.Equal(got, want) {
				t.Errorf("decryptCBC = %x, want %x", got, want)
			}
		})
	}
}

// FuzzDecodeString is a differential fuzz of the base64 fast path against
// encoding/base64.
func FuzzDecodeString(f *testing.F) {
	f.Add(v1Encrypt)
	f.Add(v4Encrypt)
	f.Add("AAAAAAAAAAAAAAAAAAAA====")
	f.Add("AAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAA")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkDecode(t, s)
	})
}
