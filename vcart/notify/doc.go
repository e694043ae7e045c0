// Package notify receives the platform's callbacks: Channels store message
// pushes (消息推送) and WeChat Pay payment notifications (支付回调通知). It
// implements seed §四 技术对接规范, row 支付回调 ("模拟失败重试机制"; problems
// "签名校验失败、异步通知超时"): every callback is verified before anything
// else, failures are answered so that the platform retries, duplicates from
// those retries are suppressed, and the platforms' retry schedules are
// data ([StorePushSchedule], [PayV3Schedule], [PayV2Schedule]) that
// notifytest.Replay plays under a fake clock so a user can test
// idempotency and timeouts.
//
// The package holds only what a production backend uses: verify, decrypt,
// decode, route and suppress duplicates. Forging the platform's callbacks
// for tests is the job of its httptest-style twin, package
// vcart/notify/notifytest: notifytest.Encoder and notifytest.SignPush
// forge store pushes and third-party authorisation events,
// notifytest.PayV3Encoder WeChat Pay v3 notifications,
// notifytest.EncryptV2RefundInfo a v2 refund's req_info, and
// notifytest.Replay redelivers a callback on a retry schedule (their
// RequestFunc methods re-sign each attempt).
//
// # Store message push
//
// [NewVerifier] takes the Token, EncodingAESKey and AppID configured in the
// store back office. [Verifier.VerifyURL] answers the GET URL check;
// [Verifier.Parse] and [Verifier.ParseRaw] handle a POST push in safe mode
// (the only mode the store offers): timestamp window against the injected
// clock ([WithClock], [WithTolerance], 5 minutes by default), msg_signature
// over token, timestamp, nonce and Encrypt in constant time (the plain
// `signature` is never trusted), AES-256-CBC decryption with the AppID check
// (internal/wxcrypto), then JSON decoding. [Message.Decode] returns a typed
// event for every event of the catalogue ([KnownEvents]) and an
// [*UnknownEvent] with the raw JSON otherwise: nothing is dropped. IDs are
// [vcart.ID], the SDK's one id type (a JSON number or string, without
// loss); other values that arrive as numbers or strings decode through
// [FlexString] and [FlexInt]; audit_info, JSON inside a string, through [AuditInfo].
// [Verifier.EncryptReply] builds an encrypted reply.
//
// # The http.Handler and the 5-second budget
//
// [Handler] serves the push URL. The platform waits 5 seconds for an answer
// and pushes an event up to 10 times (0 s, 0 s, 10 s, 1 min, 5 min, 30 min,
// 60 min ×3, about 3.6 h). The Handler handles each push synchronously under
// a deadline ([WithHandlerTimeout], 4 s by default) and answers "success"
// only after the registered handler returned nil; on error, panic or
// deadline it answers a failure status and releases the dedup key, so the
// platform's next push is handled again. The alternative, a bounded queue
// that acknowledges on enqueue, was rejected: work acknowledged and then
// failed is lost to the retries, which is exactly the failure the seed asks
// to handle. Handlers that need longer must hand the work to their own
// durable queue and return. A handler still running at the deadline keeps
// its context (now cancelled) and its claim; a push of the same event that
// arrives meanwhile is answered 503 ([ErrInFlight]) rather than "success".
//
// # Unhandled events
//
// Nothing is dropped silently. A catalogue event whose JSON does not fit its
// typed struct arrives as an [*UnknownEvent] with Err set and goes to the
// [Handler.OnUnknown] fallback; without a fallback, if a handler is
// registered for the event, it is answered 500 ([ErrUndecodable]) and logged
// at Warn (event name, field and JSON kind, never the plaintext), so the
// platform retries and the operator sees it. An event nobody subscribed to
// (no handler for its name, no fallback) is acknowledged "success" and logged
// at Warn ("no handler for event"). Failing it was rejected: the platform
// would push it 10 times over about 3.6 h, each a failure in its console,
// and then drop it anyway, while nothing in this process would ever handle
// it; the Warn log makes the gap visible, and registering OnUnknown keeps
// every such event.
//
// # Duplicates
//
// A [DedupStore] (in memory by default, [NewMemoryDedupStore], bounded by a
// TTL and a size cap; vcart/redisstore for several instances) is claimed
// with [DedupKey] before the handler runs; see DedupKey for the derivation
// (store events carry no MsgId). The claim has two phases, each with its
// own owner token (a fresh random token per claim, as crypto/rand.Text
// gives): [DedupStore.Claim] takes a "processing" claim that lives for the handler timeout plus
// [DefaultProcessingMargin] ([WithProcessingTTL]); success turns it into a
// "done" mark for 25 h ([DedupStore.Complete], [WithDedupTTL]); failure
// releases it ([DedupStore.Release]). A duplicate that finds "done" is
// answered "success" without calling the handler; one that finds
// "processing", in this or another instance, is answered 503
// ([ErrInFlight]), so that if the first handling fails the platform still
// has a retry to come. Complete and Release act only while the stored claim
// carries their owner token, so a handler whose claim expired and was
// re-taken cannot complete or delete the newer claim.
//
// # WeChat Pay notifications
//
// [PayV3Verifier] verifies API v3 notifications: the timestamp within 5
// minutes (two-sided), SHA256withRSA over "timestamp\nnonce\nbody\n" with the
// key chosen by Wechatpay-Serial (a platform certificate serial, see
// [ParseCertificatePEM], or a PUB_KEY_ID_… public key, see
// [ParsePublicKeyPEM]; configure both during the switch; a serial the
// verifier does not hold is looked up through an optional [PayKeySource],
// [WithPayKeySource], e.g. a certificate re-download, and cached),
// `WECHATPAY/SIGNTEST/` probes rejected, then AEAD_AES_256_GCM decryption with
// the 32-byte APIv3 key into [Transaction] or [Refund]. [PayV3Handler]
// implements the response contract (200 with {"code":"SUCCESS"} or 4xx/5xx
// with {"code":"FAIL","message":…}) with the same deadline and duplicate
// suppression as the push Handler (key "wxpay:" + id).
// [PayV3Verifier.VerifyMessage] and [VerifySHA256WithRSA] verify any other
// SHA256withRSA message; the published vectors KAT-RSA-1 and
// KAT-RSA-JSAPI/APP/REQ are tests. Only RSA is supported: 国密 (SM2/SM4)
// notifications are rejected. The APIv3 key must be 32 bytes. The legacy
// v2 XML API is covered by [SignV2], [VerifyV2], [ParseV2XML],
// [EncodeV2XML], [ParseV2Request], [V2Answer] and [DecryptV2RefundInfo]
// (AES-256-ECB keyed with the MD5 of the API key). SignV2 and EncodeV2XML
// stay here although a test forging a v2 notification uses them too:
// VerifyV2 and V2Answer are built on them, and a merchant signs and
// writes its own v2 requests (统一下单, JSAPI paySign) with them.
//
// # Payment keys: public-key mode and certificate mode
//
// WeChat Pay signs with one of two kinds of keys, named by Wechatpay-Serial.
// In public-key mode (微信支付公钥, the default for merchants since 2024)
// the serial is "PUB_KEY_ID_…" and the key is downloaded once from the
// merchant platform: pass it to [NewPayV3Verifier] (see
// [ParsePublicKeyPEM]); it does not expire. In certificate mode (平台证书)
// the serial is a certificate's, and certificates rotate: a
// [PayCertificateSource] downloads them with a signed GET /v3/certificates
// (the merchant's private key, mchid and API certificate serial,
// [PayMerchant]), decrypts each with the APIv3 key ([DecryptPayResource],
// the routine notifications use), checks its serial and validity, verifies
// the answer's signature, and replaces what it holds; [PayCertificateSource.Run]
// repeats that every 6 hours ([WithPayCertRefresh]) and an unknown serial
// triggers a download at most once a minute. Give it to the verifier with
// [WithPayKeySource]; while migrating, configure the PUB_KEY_ID key in the
// map and the certificate source together:
//
//	src, err := notify.NewPayCertificateSource(notify.PayMerchant{MchID: mchid, Serial: serial, PrivateKey: key}, apiV3Key)
//	…
//	go src.Run(ctx) // downloads now, then every 6 h
//	v, err := notify.NewPayV3Verifier(apiV3Key, map[string]*rsa.PublicKey{pubKeyID: pub}, notify.WithPayKeySource(src))
//
// # Performance
//
// On a 2-core test machine, verify + decrypt of a 1 KiB event
// ([Verifier.Open] into a caller's buffer) takes about 1.9 µs with no
// allocation: about 1.25× SHA-1 + AES-CBC alone on pre-decoded bytes
// (crypto/sha1 over the signed concatenation and crypto/cipher's CBC
// decrypter), and about 0.91× SHA-1 + base64 + AES-CBC, because
// internal/wxcrypto decodes base64 with a 128 KiB two-character table (half
// the lookups of encoding/base64; built on first use) and runs CBC by hand
// on the AES block, two blocks per step. The full path with JSON decoding
// ([Verifier.ParseEvent]) takes about 8 µs. See
// BenchmarkVerifyDecryptRatio.
//
// # Limits
//
// Bodies are read through http.MaxBytesReader and capped at 1 MiB by default
// ([WithMaxBodyBytes]); pushes and payment notifications are a few KiB.
//
// The handlers do not bound how long a client takes to send its request:
// a body that trickles in holds a handler (and a connection) for as long
// as the server lets it. Serve them from an http.Server with read timeouts,
// for example ReadHeaderTimeout 5 s and ReadTimeout 10 s (the platform
// sends a few KiB at once and waits 5 s for the answer), and WriteTimeout
// above the handler deadline ([WithHandlerTimeout], 4 s by default):
//
//	srv := &http.Server{Addr: ":8443", Handler: mux,
//		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
//		WriteTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second}
//
// Time windows compare the signed timestamp with the clock ± the tolerance
// as instants, so a timestamp centuries away (or at the ends of int64) is
// stale, never accepted through an overflowing distance.
//
// A panic in a registered handler is recovered: the delivery is answered
// 500 (the platform retries) and the panic is logged at Error with its
// value and the goroutine's stack, through the handler's logger.
//
// Logging: a [Handler] or [PayV3Handler] logs every rejected delivery
// (failed verification included) at Warn, through [WithLogger] or, when
// none is given, [slog.Default] at the time of the log line; pass a logger
// with a discarding handler to silence it. Log lines name the event, the
// status and the error, never the token, a key or the plaintext.
//
// The GET URL verification (echostr) proves only that whoever sent it knows
// the Token: the signature covers token, timestamp and nonce. It does not
// prove freshness (no time window is applied: the platform's configuration
// check may be slow, so a captured GET can be replayed), it does not cover
// echostr (anyone holding one signed triple can have any echostr echoed;
// it is answered as text/plain with nosniff), and it says nothing about the
// EncodingAESKey or the AppID, which only the first POST push exercises. A
// URL that passed the check may still fail every push: watch the Warn logs.
//
// # Errors
//
// Failures wrap the sentinels [ErrMissingSignature], [ErrBadSignature],
// [ErrSignTest], [ErrStale], [ErrDecrypt], [ErrAppIDMismatch],
// [ErrBodyTooLarge], [ErrMalformed], [ErrUnknownSerial], [ErrHandlerTimeout]
// and [ErrInFlight]; [StatusFor] maps them to HTTP statuses. No error or log
// line ever contains a token, key, secret or decrypted plaintext.
//
// # Concurrency
//
// Verifiers and handlers are safe for concurrent use once built;
// register handlers before serving. [MemoryDedupStore] is safe for
// concurrent use.
//
// # Where the live platform differs from the seed
//
// The seed names no schedule; the retry schedules here are the documented
// ones: store pushes 0 s/0 s/10 s/1 min/5 min/30 min/60 min ×3 (≤10 pushes,
// 5 s timeout; confirmed only on order-callback pages), WeChat Pay v3 15
// retries over 24 h 04 min, v2 9 tries over about 3 h. They are exported as
// versioned data ([StorePushSchedule], [PayV3Schedule], [PayV2Schedule]).
package notify
