package wxcrypto_test

import (
	"fmt"

	"github.com/vcart-sdk/vcart-go/internal/wxcrypto"
)

// The official encrypted-reply example (channels-api §5 V1b), reproduced
// byte for byte with its fixed random prefix.
func ExampleCipher_Encrypt() {
	c, err := wxcrypto.NewCipher("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9")
	if err != nil {
		fmt.Println(err)
		return
	}
	enc, _ := c.Encrypt([]byte("707722b803182950"), []byte(`{"demo_resp":"good luck"}`))
	fmt.Println(enc)
	fmt.Println(wxcrypto.Signature("AAAAA", "1713424427", "415670741", enc))
	plain, err := c.Decrypt(enc)
	fmt.Println(string(plain), err)
	// Output:
	// ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==
	// 1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1
	// {"demo_resp":"good luck"} <nil>
}

// The URL-verification signature of the channels doc (V2).
func ExampleSignature() {
	fmt.Println(wxcrypto.Signature("AAAAA", "1714036504", "1514711492"))
	// Output: f464b24fc39322e44b38aa78f5edd27bd1441696
}
