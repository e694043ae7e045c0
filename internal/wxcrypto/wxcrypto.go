package wxcrypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// BlockSize is the PKCS#7 block size K of the WeChat message crypto: the
// plaintext is padded to a multiple of 32 bytes (not AES's 16).
const BlockSize = 32

// EncodingAESKeyLen is the length of an EncodingAESKey (43 base64 characters).
const EncodingAESKeyLen = 43

// Sentinel errors. None of them, nor any error wrapping them, contains key
// material.
var (
	// ErrKey reports an EncodingAESKey that is not 43 base64 characters
	// decoding to 32 bytes, or an empty AppID.
	ErrKey = errors.New("wxcrypto: invalid EncodingAESKey or AppID")
	// ErrBase64 reports an Encrypt field that is not valid standard base64.
	ErrBase64 = errors.New("wxcrypto: ciphertext is not valid base64")
	// ErrCiphertext reports a ciphertext whose length is not a positive
	// multiple of the AES block size.
	ErrCiphertext = errors.New("wxcrypto: ciphertext length is not a multiple of the block size")
	// ErrPadding reports a PKCS#7 padding that is not 1..32 equal bytes.
	ErrPadding = errors.New("wxcrypto: bad PKCS#7 padding")
	// ErrLength reports a message length field that points outside the
	// decrypted text.
	ErrLength = errors.New("wxcrypto: bad message length")
	// ErrAppID reports a decrypted AppID tail that differs from the
	// configured AppID.
	ErrAppID = errors.New("wxcrypto: AppID mismatch")
)

// headerLen is random(16) + msg_len(4).
const headerLen = 20

// Cipher encrypts and decrypts push messages for one EncodingAESKey and AppID
// (the receiveid: the shop's AppID, or the third-party platform's component
// AppID). The zero value is not usable; call [NewCipher].
type Cipher struct {
	block cipher.Block
	iv    [aes.BlockSize]byte
	appID []byte
}

// NewCipher returns a Cipher for the 43-character EncodingAESKey (configured
// in the store back office) and the AppID that terminates each plaintext. The
// error never contains the key.
func NewCipher(encodingAESKey, appID string) (*Cipher, error) {
	if len(encodingAESKey) != EncodingAESKeyLen {
		return nil, fmt.Errorf("%w: EncodingAESKey must be %d characters, got %d", ErrKey, EncodingAESKeyLen, len(encodingAESKey))
	}
	if appID == "" {
		return nil, fmt.Errorf("%w: empty AppID", ErrKey)
	}
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil || len(key) != 32 {
		return nil, fmt.Errorf("%w: EncodingAESKey is not base64 for 32 bytes", ErrKey)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("%w: AES key rejected", ErrKey)
	}
	c := &Cipher{block: block, appID: []byte(appID)}
	copy(c.iv[:], key[:aes.BlockSize])
	clear(key)
	return c, nil
}

// AppID returns the AppID the cipher appends and checks.
func (c *Cipher) AppID() string { return string(c.appID) }

// Encrypt returns base64(AES-256-CBC(random16 ‖ len(msg) ‖ msg ‖ AppID ‖
// PKCS#7 padding)). random16 must be nil (16 bytes from crypto/rand are used)
// or exactly 16 bytes; a fixed value is only for known-answer tests.
func (c *Cipher) Encrypt(random16, msg []byte) (string, error) {
	if random16 != nil && len(random16) != 16 {
		return "", fmt.Errorf("wxcrypto: random prefix must be 16 bytes, got %d", len(random16))
	}
	if uint64(len(msg)) > 1<<31 {
		return "", fmt.Errorf("wxcrypto: message too long (%d bytes)", len(msg))
	}
	n := headerLen + len(msg) + len(c.appID)
	pad := BlockSize - n%BlockSize
	buf := make([]byte, n+pad)
	if random16 == nil {
		if _, err := rand.Read(buf[:16]); err != nil {
			return "", fmt.Errorf("wxcrypto: random prefix: %w", err)
		}
	} else {
		copy(buf, random16)
	}
	binary.BigEndian.PutUint32(buf[16:headerLen], uint32(len(msg)))
	copy(buf[headerLen:], msg)
	copy(buf[headerLen+len(msg):], c.appID)
	for i := n; i < len(buf); i++ {
		buf[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(c.block, c.iv[:]).CryptBlocks(buf, buf)
	return base64.StdEncoding.EncodeToString(buf), nil
}

// Decrypt reverses [Cipher.Encrypt]: it base64-decodes b64, decrypts it,
// checks the PKCS#7 padding (1..32 equal bytes), the length field and the
// AppID tail (in constant time), and returns the message. The returned slice
// is freshly allocated and owned by the caller.
func (c *Cipher) Decrypt(b64 string) ([]byte, error) {
	buf := make([]byte, base64.StdEncoding.DecodedLen(len(b64)))
	return c.DecryptTo(buf, b64)
}

// DecryptTo is [Cipher.Decrypt] using buf as scratch space when it is large
// enough (base64.StdEncoding.DecodedLen(len(b64)) bytes), so a hot path can
// reuse buffers and run without allocating. The returned message aliases buf
// in that case.
func (c *Cipher) DecryptTo(buf []byte, b64 string) ([]byte, error) {
	need := base64.StdEncoding.DecodedLen(len(b64))
	if cap(buf) < need {
		buf = make([]byte, need)
	}
	buf = buf[:need]
	n, err := decodeString(buf, b64)
	if err != nil {
		return nil, ErrBase64
	}
	ct := buf[:n]
	if len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		return nil, fmt.Errorf("%w (%d bytes)", ErrCiphertext, len(ct))
	}
	c.decryptCBC(ct)
	pad := int(ct[len(ct)-1])
	if pad < 1 || pad > BlockSize || pad > len(ct) {
		return nil, ErrPadding
	}
	for _, b := range ct[len(ct)-pad:] {
		if int(b) != pad {
			return nil, ErrPadding
		}
	}
	full := ct[:len(ct)-pad]
	if len(full) < headerLen {
		return nil, ErrLength
	}
	msgLen := binary.BigEndian.Uint32(full[16:headerLen])
	if uint64(msgLen) > uint64(len(full)-headerLen) {
		return nil, ErrLength
	}
	end := headerLen + int(msgLen)
	if subtle.ConstantTimeCompare(full[end:], c.appID) != 1 {
		return nil, ErrAppID
	}
	return full[headerLen:end:end], nil
}

// decryptCBC decrypts ct in place with AES-256-CBC and the fixed IV. It
// is CBC by hand on the cipher.Block: crypto/cipher's CBC decrypter on
// amd64 is the same block-by-block loop plus an allocation, a copy of each
// block and a general XOR per block. Here the ciphertext blocks the XOR
// needs stay in registers, the XOR is two 64-bit operations, and two
// blocks are decrypted per iteration so their AES rounds overlap.
func (c *Cipher) decryptCBC(ct []byte) {
	p0 := binary.LittleEndian.Uint64(c.iv[:8])
	p1 := binary.LittleEndian.Uint64(c.iv[8:])
	i := 0
	for ; i+2*aes.BlockSize <= len(ct); i += 2 * aes.BlockSize {
		b := ct[i : i+2*aes.BlockSize : i+2*aes.BlockSize]
		c0, c1 := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
		c2, c3 := binary.LittleEndian.Uint64(b[16:]), binary.LittleEndian.Uint64(b[24:])
		c.block.Decrypt(b[:16], b[:16])
		c.block.Decrypt(b[16:], b[16:])
		binary.LittleEndian.PutUint64(b, binary.LittleEndian.Uint64(b)^p0)
		binary.LittleEndian.PutUint64(b[8:], binary.LittleEndian.Uint64(b[8:])^p1)
		binary.LittleEndian.PutUint64(b[16:], binary.LittleEndian.Uint64(b[16:])^c0)
		binary.LittleEndian.PutUint64(b[24:], binary.LittleEndian.Uint64(b[24:])^c1)
		p0, p1 = c2, c3
	}
	if i < len(ct) { // an odd number of blocks: one left
		b := ct[i : i+aes.BlockSize : i+aes.BlockSize]
		c.block.Decrypt(b, b)
		binary.LittleEndian.PutUint64(b, binary.LittleEndian.Uint64(b)^p0)
		binary.LittleEndian.PutUint64(b[8:], binary.LittleEndian.Uint64(b[8:])^p1)
	}
}

// pairTable maps two base64 characters, as the little-endian uint16 of
// their bytes, to their 12 bits, or to 0xFFFF when either is outside the
// standard alphabet. It takes 128 KiB and is built on first use.
var pairTable = sync.OnceValue(func() *[1 << 16]uint16 {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var one [256]uint16
	for i := range one {
		one[i] = 0xFFFF
	}
	for i := range len(alphabet) {
		one[alphabet[i]] = uint16(i)
	}
	t := new([1 << 16]uint16)
	for i := range t {
		hi, lo := one[i&0xFF], one[i>>8]
		if hi == 0xFFFF || lo == 0xFFFF {
			t[i] = 0xFFFF
		} else {
			t[i] = hi<<6 | lo
		}
	}
	return t
})

// le64 reads s[i:i+8] as a little-endian uint64 (one load once compiled).
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// decodeString base64-decodes s (standard alphabet, padded, as
// base64.StdEncoding) into dst. Its fast path turns 16 characters into 12
// bytes with 8 lookups in [pairTable] (half the lookups of encoding/base64);
// the tail, and everything from the first group holding padding, a newline
// or a bad character, goes through encoding/base64, so it accepts and
// rejects exactly what base64.StdEncoding.Decode does.
func decodeString(dst []byte, s string) (int, error) {
	t := pairTable()
	n, i := 0, 0
	for ; len(s)-i >= 16 && len(dst)-n >= 14; i += 16 {
		x, y := le64(s, i), le64(s, i+8)
		a, b, c, d := t[uint16(x)], t[uint16(x>>16)], t[uint16(x>>32)], t[uint16(x>>48)]
		e, f, g, h := t[uint16(y)], t[uint16(y>>16)], t[uint16(y>>32)], t[uint16(y>>48)]
		if (a|b|c|d|e|f|g|h)&0x8000 != 0 {
			break
		}
		binary.BigEndian.PutUint64(dst[n:], (uint64(a)<<36|uint64(b)<<24|uint64(c)<<12|uint64(d))<<16)
		binary.BigEndian.PutUint64(dst[n+6:], (uint64(e)<<36|uint64(f)<<24|uint64(g)<<12|uint64(h))<<16)
		n += 12
	}
	k, err := decodeStdlib(dst[n:], s[i:])
	return n + k, err
}

// decodeStdlib base64-decodes s into dst with encoding/base64 through a
// stack buffer, avoiding the heap copy of a []byte(s) conversion. Padding is
// only accepted in the last chunk. A long input with newlines (which
// encoding/base64 skips, so chunks would split quanta) is decoded in one
// piece.
func decodeStdlib(dst []byte, s string) (int, error) {
	var chunk [1024]byte // a multiple of 4: chunks hold whole quanta
	if len(s) > len(chunk) && strings.ContainsAny(s, "\r\n") {
		return base64.StdEncoding.Decode(dst, []byte(s))
	}
	n := 0
	for i := 0; i < len(s); i += len(chunk) {
		c := copy(chunk[:], s[i:])
		k, err := base64.StdEncoding.Decode(dst[n:], chunk[:c])
		if err != nil {
			return 0, err
		}
		n += k
		if i+c < len(s) && k != c/4*3 {
			return 0, ErrBase64 // padding before the end
		}
	}
	return n, nil
}

// scratch holds the concatenation buffers of SignatureSum.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

// Signature returns the lower-case hex SHA-1 of the lexicographically sorted
// concatenation of token, timestamp, nonce and any more strings (the
// Encrypt field for msg_signature). With no more strings it is the plain
// URL-verification signature.
func Signature(token, timestamp, nonce string, more ...string) string {
	var sum [sha1.Size]byte
	SignatureSum(&sum, token, timestamp, nonce, more...)
	return hex.EncodeToString(sum[:])
}

// SignatureSum writes the raw SHA-1 digest of [Signature]'s input into dst
// without allocating for up to one extra string.
func SignatureSum(dst *[sha1.Size]byte, token, timestamp, nonce string, more ...string) {
	var arr [4]string
	parts := append(arr[:0], token, timestamp, nonce)
	parts = append(parts, more...)
	if len(parts) == 4 {
		sort4(parts)
	} else {
		slices.Sort(parts)
	}
	bp := scratch.Get().(*[]byte)
	b := (*bp)[:0]
	for _, p := range parts {
		b = append(b, p...)
	}
	*dst = sha1.Sum(b)
	if cap(b) <= 1<<16 {
		*bp = b[:0]
		scratch.Put(bp)
	}
}

// sort4 sorts four strings with the optimal five-comparator network,
// cheaper than the general sort on the hot path of every push.
func sort4(p []string) {
	p = p[:4]
	if p[1] < p[0] {
		p[0], p[1] = p[1], p[0]
	}
	if p[3] < p[2] {
		p[2], p[3] = p[3], p[2]
	}
	if p[2] < p[0] {
		p[0], p[2] = p[2], p[0]
	}
	if p[3] < p[1] {
		p[1], p[3] = p[3], p[1]
	}
	if p[2] < p[1] {
		p[1], p[2] = p[2], p[1]
	}
}

// VerifySignature reports, in constant time, whether sig (hex, either case)
// is the [Signature] of the other arguments.
func VerifySignature(sig, token, timestamp, nonce string, more ...string) bool {
	var want [sha1.Size]byte
	SignatureSum(&want, token, timestamp, nonce, more...)
	if len(sig) != hex.EncodedLen(sha1.Size) {
		return false
	}
	var hexSig [2 * sha1.Size]byte
	copy(hexSig[:], sig)
	var got [sha1.Size]byte
	if _, err := hex.Decode(got[:], hexSig[:]); err != nil {
		return false
	}
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}
