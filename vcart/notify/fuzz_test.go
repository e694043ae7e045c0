package notify

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/notify/internal/forge"
)

const fuzzMax = 1 << 14

// FuzzParseCallback feeds arbitrary push bodies and signatures to
// Verifier.ParseRaw (no panic; a message and an error never come together)
// and checks that any event encoded by Encoder parses back to the same
// plaintext.
func FuzzParseCallback(f *testing.F) {
	f.Add([]byte(v1Body), "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445", "415670741")
	f.Add([]byte(orderPayJSON("1")), "", "1", "n")
	f.Add([]byte(`{"Encrypt":"AAAA"}`), "x", "1714112445", "n")
	f.Add([]byte(`{"ToUserName":"gh","CreateTime":1,"Event":"product_spu_audit","ProductSpuAudit":{"audit_info":"{}"}}`), "00", "0", "")
	for _, s := range fixtureSamples {
		f.Add([]byte(s.plain), "", "1662480000", "1320562132")
	}
	v, err := NewVerifier(v1Token, v1Key, v1AppID, WithClock(fixedClock(v1Unix)), WithTolerance(0))
	if err != nil {
		f.Fatal(err)
	}
	enc, err := forge.NewEncoder(v1Token, v1Key, v1AppID)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, msgSig, ts, nonce string) {
		if len(body) > fuzzMax {
			return
		}
		q := url.Values{"msg_signature": {msgSig}, "timestamp": {ts}, "nonce": {nonce}}
		if m, err := v.ParseRaw(q, body); err != nil && m != nil {
			t.Fatalf("ParseRaw returned a message and %v", err)
		}
		// Round trip: the body as an event plaintext.
		q, wire, err := enc.Encode(body, ts, nonce)
		if err != nil {
			t.Fatal(err)
		}
		m, err := v.ParseRaw(q, wire)
		if err != nil {
			return // a plaintext that is not a JSON event is rejected after decryption
		}
		if !bytes.Equal(m.Plaintext, body) {
			t.Fatalf("round trip changed the plaintext: %q → %q", body, m.Plaintext)
		}
		ev, err := m.Decode()
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("Decode: unexpected error %v", err)
		}
		// The one-pass ParseEvent agrees with ParseRaw + Decode.
		m2, ev2, err := v.ParseEvent(q, wire)
		if err != nil {
			t.Fatalf("ParseEvent failed where ParseRaw succeeded: %v", err)
		}
		if m2.Header != m.Header {
			t.Fatalf("ParseEvent header %+v, ParseRaw %+v", m2.Header, m.Header)
		}
		if ev != nil && fmtType(ev) != fmtType(ev2) {
			t.Fatalf("ParseEvent decoded %T, Decode %T", ev2, ev)
		}
	})
}

// FuzzDecodeEvent checks that no plaintext makes DecodeEvent panic, and that
// a decoded event always carries its name.
func FuzzDecodeEvent(f *testing.F) {
	f.Add([]byte(orderPayJSON("3705115058471208928")))
	f.Add([]byte(`{"Event":"channels_ec_close_store","close_timestamp":"1662480000"}`))
	f.Add([]byte(`{"Event":"product_spu_audit","ProductSpuAudit":{"audit_info":"{\"busi_audit_info\":{}}"}}`))
	f.Add([]byte(`{"Event":"x"}`))
	for _, s := range fixtureSamples {
		f.Add([]byte(s.plain))
	}
	for _, n := range KnownEvents() {
		f.Add([]byte(`{"Event":"` + n + `"}`))
	}
	f.Fuzz(func(t *testing.T, plain []byte) {
		if len(plain) > fuzzMax {
			return
		}
		ev, err := DecodeEvent(plain)
		if err != nil {
			return
		}
		if ev.EventName() == "" {
			t.Fatal("decoded event without a name")
		}
		_ = DedupKey(&Message{Header: *ev.EventHeader(), Plaintext: plain}, ev)
	})
}

// FuzzParseV2XML checks the v2 XML parser and req_info decryption never
// panic, and that EncodeV2XML output parses back.
func FuzzParseV2XML(f *testing.F) {
	f.Add([]byte(`<xml><return_code><![CDATA[SUCCESS]]></return_code></xml>`), "pZwJZBLuy3mDACEQT4YTBw==")
	f.Add([]byte(`<xml><a><b/></a></xml>`), "")
	f.Fuzz(func(t *testing.T, body []byte, reqInfo string) {
		if len(body) > fuzzMax || len(reqInfo) > fuzzMax {
			return
		}
		if p, err := ParseV2XML(body); err == nil {
			if err := VerifyV2(p, v2APIKey, ""); err == nil && p["sign"] == "" {
				t.Fatal("verified without a sign")
			}
		}
		_, _ = DecryptV2RefundInfo(reqInfo, v2APIKey)
		p := map[string]string{"k": reqInfo}
		if bytes.ContainsFunc([]byte(reqInfo), func(r rune) bool { return r < 0x20 || r == 0xFFFD || r > 0x10FFFF }) {
			return // not representable in XML character data
		}
		got, err := ParseV2XML(EncodeV2XML(p))
		if reqInfo != "" && (err != nil || got["k"] != reqInfo) {
			t.Fatalf("EncodeV2XML round trip: %q → %q, %v", reqInfo, got["k"], err)
		}
	})
}

// FuzzPayV3ParseRaw checks the v3 verifier never panics on arbitrary
// headers and bodies.
func FuzzPayV3ParseRaw(f *testing.F) {
	f.Add([]byte(kat1Body), kat1Sig, kat1TS, kat1Serial)
	f.Add([]byte(`{}`), "WECHATPAY/SIGNTEST/x", "1", "PUB_KEY_ID_X")
	env := newPayEnv(f, 1624523846)
	f.Fuzz(func(t *testing.T, body []byte, sig, ts, serial string) {
		if len(body) > fuzzMax {
			return
		}
		h := http.Header{}
		h.Set(HeaderPayTimestamp, ts)
		h.Set(HeaderPayNonce, kat1Nonce)
		h.Set(HeaderPaySignature, sig)
		h.Set(HeaderPaySerial, serial)
		if n, err := env.v.ParseRaw(h, body); err != nil && n != nil {
			t.Fatalf("ParseRaw returned a notification and %v", err)
		}
	})
}

// FuzzPushBody checks that the envelope fast path always agrees with
// encoding/json.
func FuzzPushBody(f *testing.F) {
	f.Add([]byte(v1Body))
	f.Add([]byte(`{"ToUserName":"gh","Encrypt":"a\/b"}`))
	f.Add([]byte(`{"encrypt":"x","Encrypt":"y"}`))
	f.Add([]byte(` { } `))
	f.Add([]byte(`{"a":"b","Encrypt":"c",}`))
	f.Add([]byte(`{"ToUserName":1}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > fuzzMax {
			return
		}
		fast, ok := scanPushBody(body)
		if !ok {
			return
		}
		var slow pushBody
		if err := json.Unmarshal(body, &slow); err != nil {
			t.Fatalf("fast path accepted %q, encoding/json: %v", body, err)
		}
		if fast != slow {
			t.Fatalf("fast %+v != encoding/json %+v for %q", fast, slow, body)
		}
	})
}

// fuzzNonce makes a 12-byte GCM nonce out of any string.
func fuzzNonce(s string) string {
	return (s + "000000000000")[:12]
}

// FuzzGCMRoundTrip drives the AEAD open path of WeChat Pay v3 (openGCM)
// directly: whatever is sealed with the APIv3 key, nonce and associated
// data opens to the same plaintext; a flipped bit or the wrong associated
// data fails with ErrDecrypt; garbage ciphertext, nonces and associated
// data never panic and never return both plaintext and an error.
func FuzzGCMRoundTrip(f *testing.F) {
	f.Add([]byte(`{"transaction_id":"4200000000"}`), "transaction", "wCq51qZv4Yfg", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", uint16(0))
	f.Add([]byte{}, "", "", "", uint16(7))
	f.Add([]byte("Hello World"), "refund", "short", "!!!!", uint16(300))
	aead, err := newGCM([]byte(apiV3Key))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, plain []byte, ad, nonce, garbage string, flip uint16) {
		if len(plain) > fuzzMax || len(ad) > fuzzMax || len(nonce) > fuzzMax || len(garbage) > fuzzMax {
			return
		}
		// Garbage: no panic, never both a plaintext and an error.
		for _, r := range []PayResource{
			{Ciphertext: garbage, Nonce: nonce, AssociatedData: ad},
			{Ciphertext: garbage, Nonce: fuzzNonce(nonce), AssociatedData: ad},
		} {
			if got, err := openGCM(aead, r); err != nil && got != nil {
				t.Fatalf("openGCM returned %q and %v", got, err)
			}
		}
		n := fuzzNonce(nonce)
		sealed := aead.Seal(nil, []byte(n), plain, []byte(ad))
		r := PayResource{Ciphertext: base64.StdEncoding.EncodeToString(sealed), Nonce: n, AssociatedData: ad}
		got, err := openGCM(aead, r)
		if err != nil {
			t.Fatalf("openGCM(Seal(plain)) error = %v", err)
		}
		if !bytes.Equal(got, plain) {
			t.Fatalf("round trip = %q, want %q", got, plain)
		}
		bad := bytes.Clone(sealed)
		i := int(flip) % (8 * len(bad))
		bad[i/8] ^= 1 << (i % 8)
		r.Ciphertext = base64.StdEncoding.EncodeToString(bad)
		if got, err := openGCM(aead, r); !errors.Is(err, ErrDecrypt) || got != nil {
			t.Fatalf("flipped bit %d: %q, %v; want ErrDecrypt", i, got, err)
		}
		r.Ciphertext = base64.StdEncoding.EncodeToString(sealed)
		r.AssociatedData = ad + "x"
		if _, err := openGCM(aead, r); !errors.Is(err, ErrDecrypt) {
			t.Fatalf("other associated data: %v; want ErrDecrypt", err)
		}
	})
}

// FuzzV2RefundInfoRoundTrip: EncryptV2RefundInfo then DecryptV2RefundInfo
// returns the plaintext for any API key; garbage req_info never panics.
func FuzzV2RefundInfoRoundTrip(f *testing.F) {
	f.Add([]byte(`<root><out_refund_no><![CDATA[R1]]></out_refund_no></root>`), v2APIKey, "pZwJZBLuy3mDACEQT4YTBw==")
	f.Add([]byte{}, "k", "")
	f.Add(bytes.Repeat([]byte{16}, 16), "another key", "AAAA")
	f.Fuzz(func(t *testing.T, plain []byte, apiKey, garbage string) {
		if len(plain) > fuzzMax || len(apiKey) > fuzzMax || len(garbage) > fuzzMax {
			return
		}
		if got, err := DecryptV2RefundInfo(garbage, apiKey); err != nil && got != nil {
			t.Fatalf("DecryptV2RefundInfo returned %q and %v", got, err)
		}
		enc, err := forge.EncryptV2RefundInfo(plain, apiKey)
		if apiKey == "" {
			if err == nil {
				t.Fatal("EncryptV2RefundInfo accepted an empty API key")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecryptV2RefundInfo(enc, apiKey)
		if err != nil {
			t.Fatalf("DecryptV2RefundInfo(forge.EncryptV2RefundInfo(plain)) error = %v", err)
		}
		if !bytes.Equal(got, plain) {
			t.Fatalf("round trip = %q, want %q", got, plain)
		}
	})
}
