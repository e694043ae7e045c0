package notify

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

// benchPush is a signed push of a 1 KiB event.
type benchPush struct {
	v                 *Verifier
	q                 url.Values
	body              []byte
	msgSig, ts, nonce string
	encrypt           string
	ct                []byte // decoded ciphertext
	signed            []byte // sorted concatenation that msg_signature covers
	b64               []byte // Encrypt as bytes
	block             cipher.Block
	iv                []byte
}

func newBenchPush(b *testing.B) *benchPush {
	b.Helper()
	pad := strings.Repeat("x", 1024-len(orderPayJSON("3705115058471208928"))-len(`,"note":""`))
	plain := strings.TrimSuffix(orderPayJSON("3705115058471208928"), "}") + `,"note":"` + pad + `"}`
	if len(plain) != 1024 {
		b.Fatalf("event is %d bytes", len(plain))
	}
	v, err := NewVerifier(testTok, testKey, testApp, WithClock(fixedClock(testUnix)))
	if err != nil {
		b.Fatal(err)
	}
	q, body, err := forge.SignPush(testTok, testKey, testApp, []byte(plain), "1772294400", "1234567890")
	if err != nil {
		b.Fatal(err)
	}
	p := &benchPush{v: v, q: q, body: body, msgSig: q.Get("msg_signature"), ts: q.Get("timestamp"), nonce: q.Get("nonce")}
	m, err := v.ParseRaw(q, body)
	if err != nil || len(m.Plaintext) != 1024 {
		b.Fatal(err)
	}
	var pb struct{ Encrypt string }
	if err := jsonUnmarshal(body, &pb); err != nil {
		b.Fatal(err)
	}
	p.encrypt = pb.Encrypt
	p.ct, _ = base64.StdEncoding.DecodeString(p.encrypt)
	key, _ := base64.StdEncoding.DecodeString(testKey + "=")
	p.block, _ = aes.NewCipher(key)
	p.iv = key[:16]
	parts := []string{testTok, p.ts, p.nonce, p.encrypt}
	slices.Sort(parts)
	p.signed = []byte(strings.Join(parts, ""))
	p.b64 = []byte(p.encrypt)
	return p
}

// raw is the irreducible work, as strict as it gets: SHA-1 over the
// already sorted and concatenated signed bytes, and AES-256-CBC decryption
// of the already base64-decoded ciphertext.
func (p *benchPush) raw(buf []byte) byte {
	sum := sha1.Sum(p.signed)
	cipher.NewCBCDecrypter(p.block, p.iv).CryptBlocks(buf[:len(p.ct)], p.ct)
	return sum[0] ^ buf[0]
}

var sink byte

// BenchmarkRawSHA1AESCBC is the baseline of the ratio: SHA-1 + AES-CBC alone.
func BenchmarkRawSHA1AESCBC(b *testing.B) {
	p := newBenchPush(b)
	buf := make([]byte, len(p.ct))
	b.ReportAllocs()
	b.SetBytes(1024)
	for b.Loop() {
		sink ^= p.raw(buf)
	}
}

// BenchmarkVerifyDecrypt is Verifier.Open on a 1 KiB event: timestamp
// window, msg_signature (constant time), base64, AES-CBC, PKCS#7 and AppID.
func BenchmarkVerifyDecrypt(b *testing.B) {
	p := newBenchPush(b)
	buf := make([]byte, base64.StdEncoding.DecodedLen(len(p.encrypt)))
	b.ReportAllocs()
	b.SetBytes(1024)
	for b.Loop() {
		if _, err := p.v.Open(p.msgSig, p.ts, p.nonce, p.encrypt, buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFullPath is ParseEvent: envelope JSON, verify, decrypt and the
// typed decoding of the event.
func BenchmarkFullPath(b *testing.B) {
	p := newBenchPush(b)
	b.ReportAllocs()
	b.SetBytes(1024)
	for b.Loop() {
		if _, _, err := p.v.ParseEvent(p.q, p.body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyDecryptRatio measures both in the same run, interleaved
// in batches of 64, and reports the ratio of the fastest batches (the least
// disturbed by other processes): verify+decrypt over raw SHA-1 + AES-CBC
// ("ratio"), and over raw SHA-1 + base64 + AES-CBC ("ratio-b64"); the full
// path (ParseEvent, with the JSON) is reported beside it.
func BenchmarkVerifyDecryptRatio(b *testing.B) {
	p := newBenchPush(b)
	buf := make([]byte, base64.StdEncoding.DecodedLen(len(p.encrypt)))
	const batch = 64
	minRaw, minB64, minOurs, minFull := time.Duration(1<<62), time.Duration(1<<62), time.Duration(1<<62), time.Duration(1<<62)
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		for range batch {
			sink ^= p.raw(buf)
		}
		t1 := time.Now()
		for range batch {
			n, _ := base64.StdEncoding.Decode(buf, p.b64)
			sink ^= p.raw(buf[:n])
		}
		t2 := time.Now()
		for range batch {
			if _, err := p.v.Open(p.msgSig, p.ts, p.nonce, p.encrypt, buf); err != nil {
				b.Fatal(err)
			}
		}
		t3 := time.Now()
		for range batch {
			if _, _, err := p.v.ParseEvent(p.q, p.body); err != nil {
				b.Fatal(err)
			}
		}
		t4 := time.Now()
		minFull = min(minFull, t4.Sub(t3))
		minRaw = min(minRaw, t1.Sub(t0))
		minB64 = min(minB64, t2.Sub(t1))
		minOurs = min(minOurs, t3.Sub(t2))
	}
	b.ReportMetric(float64(minOurs)/float64(minRaw), "ratio")
	b.ReportMetric(float64(minOurs)/float64(minB64), "ratio-b64")
	b.ReportMetric(float64(minRaw.Nanoseconds())/batch, "raw-ns")
	b.ReportMetric(float64(minB64.Nanoseconds())/batch, "raw-b64-ns")
	b.ReportMetric(float64(minOurs.Nanoseconds())/batch, "ours-ns")
	b.ReportMetric(float64(minFull.Nanoseconds())/batch, "full-path-ns")
}

// BenchmarkSignature is the bare SHA-1 signature over a 1 KiB Encrypt.
func BenchmarkSignature(b *testing.B) {
	p := newBenchPush(b)
	b.ReportAllocs()
	for b.Loop() {
		if !wxcrypto.VerifySignature(p.msgSig, testTok, p.ts, p.nonce, p.encrypt) {
			b.Fatal("bad signature")
		}
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// BenchmarkMemoryDedupStore_Claim claims fresh keys in a store kept at its
// size cap, the worst case.
func BenchmarkMemoryDedupStore_Claim(b *testing.B) {
	s := mustMemoryStore(b, WithMaxEntries(10_000))
	ctx := b.Context()
	keys := make([]string, 1<<16)
	for i := range keys {
		keys[i] = "push:gh_shop:channels_ec_order_pay:1772294400:" + strconv.Itoa(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Claim(ctx, keys[i&(len(keys)-1)], "owner", time.Hour); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
