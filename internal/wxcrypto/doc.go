// Package wxcrypto implements the WeChat message-push crypto (WXBizMsgCrypt)
// used by the Channels store (视频号小店 / 微信小店) safe-mode pushes: the
// SHA-1 signature over the sorted token, timestamp, nonce (and Encrypt), and
// AES-256-CBC with IV = key[:16], PKCS#7 padding to 32 bytes and the layout
// random(16) ‖ msg_len (4 bytes, big-endian) ‖ msg ‖ AppID.
//
// It serves seed §四 (技术对接, the 支付回调 row and the "加密密钥失效" problem of
// the 商品API row) for vcart/notify, which verifies pushes, and for the fake
// shop server, which signs and encrypts them.
//
// # Performance
//
// Decryption allocates nothing when the caller passes a buffer
// ([Cipher.DecryptTo]). Base64 is decoded 16 characters at a time through a
// 128 KiB table of character pairs (built on first use), falling back to
// encoding/base64 for the tail and for any group holding padding, a newline
// or a bad character, so it accepts exactly what base64.StdEncoding does;
// CBC is done by hand on the AES block (IV = key[:16]), two blocks per step.
//
// # Errors
//
// Decrypt returns one of [ErrBase64], [ErrCiphertext], [ErrPadding],
// [ErrLength] or [ErrAppID] (matched with errors.Is); NewCipher returns
// [ErrKey]. No error ever contains the EncodingAESKey or the AES key.
//
// # Concurrency
//
// A [Cipher] is immutable after NewCipher and safe for concurrent use.
package wxcrypto
