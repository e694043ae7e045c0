package notify

import (
	"encoding/base64"
	"errors"
	"testing"
)

// FuzzDecryptPayResource: any resource either decrypts (only when it was
// sealed with the key) or fails with ErrDecrypt; it never panics.
func FuzzDecryptPayResource(f *testing.F) {
	aead, err := newGCM([]byte(apiV3Key))
	if err != nil {
		f.Fatal(err)
	}
	sealed := base64.StdEncoding.EncodeToString(aead.Seal(nil, []byte("abcdefghijkl"), []byte("plain"), []byte("certificate")))
	f.Add("abcdefghijkl", "certificate", sealed)
	f.Add("short", "", "")
	f.Add("abcdefghijkl", "", "AAAA")
	f.Fuzz(func(t *testing.T, nonce, aad, ct string) {
		r := PayResource{Algorithm: PayAlgorithmAESGCM, Nonce: nonce, AssociatedData: aad, Ciphertext: ct}
		plain, err := DecryptPayResource(apiV3Key, r)
		if err != nil && !errors.Is(err, ErrDecrypt) {
			t.Fatalf("error %v does not wrap ErrDecrypt", err)
		}
		if err == nil && (ct != sealed || nonce != "abcdefghijkl" || aad != "certificate" || string(plain) != "plain") {
			t.Fatalf("forged resource decrypted: %q", plain)
		}
	})
}
