package wxcrypto

import (
	"bytes"
	"encoding/base64"
	"testing"
)

// BenchmarkDecryptTo decrypts a 1 KiB message into a reused buffer.
func BenchmarkDecryptTo(b *testing.B) {
	c, err := NewCipher(v1Key, v1AppID)
	if err != nil {
		b.Fatal(err)
	}
	enc, err := c.Encrypt(nil, bytes.Repeat([]byte("m"), 1024))
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, base64.StdEncoding.DecodedLen(len(enc)))
	b.ReportAllocs()
	b.SetBytes(1024)
	for b.Loop() {
		if _, err := c.DecryptTo(buf, enc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifySignature checks a msg_signature over a 1 KiB Encrypt.
func BenchmarkVerifySignature(b *testing.B) {
	enc := base64.StdEncoding.EncodeToString(make([]byte, 1088))
	sig := Signature("token", "1772294400", "nonce", enc)
	b.ReportAllocs()
	for b.Loop() {
		if !VerifySignature(sig, "token", "1772294400", "nonce", enc) {
			b.Fatal("mismatch")
		}
	}
}

// BenchmarkEncrypt encrypts a 1 KiB message with a random prefix.
func BenchmarkEncrypt(b *testing.B) {
	c, err := NewCipher(v1Key, v1AppID)
	if err != nil {
		b.Fatal(err)
	}
	msg := bytes.Repeat([]byte("m"), 1024)
	b.ReportAllocs()
	b.SetBytes(1024)
	for b.Loop() {
		if _, err := c.Encrypt(nil, msg); err != nil {
			b.Fatal(err)
		}
	}
}
