// Package notifytest forges the platform's callbacks for tests: the
// httptest-style twin of package notify (seed section 四 技术对接规范, row
// 支付回调, 测试标准 "模拟失败重试机制"). Where notify verifies, decrypts and
// decodes what the platform sends, notifytest produces it, signed and
// encrypted exactly as the platform does, so that a test can drive a
// handler with valid pushes, re-signed retries and deliberately broken
// ones without the network. A production backend never imports it.
//
//   - [Encoder] and [SignPush] forge Channels store message pushes (消息推送,
//     safe mode: AES-256-CBC and msg_signature) for a Token,
//     EncodingAESKey and AppID; [Encoder.EncodeAuthEvent] forges a
//     third-party platform's authorisation events (授权事件, XML).
//   - [PayV3Encoder] forges WeChat Pay API v3 notifications (回调通知:
//     AEAD_AES_256_GCM resource, SHA256withRSA signature) with a test key
//     standing for the platform's.
//   - [EncryptV2RefundInfo] forges the req_info of a legacy v2 refund
//     notification. The rest of a v2 notification needs no forging help:
//     [notify.SignV2] and [notify.EncodeV2XML] are what a merchant uses to
//     sign and write its own v2 requests, so they stay in notify.
//
// [Replay] redelivers a notification to a handler on the platform's retry
// schedule ([notify.StorePushSchedule], [notify.PayV3Schedule]), the
// failure-and-retry simulation the seed's 支付回调 row asks for; run it
// inside testing/synctest and the 24-hour schedule takes no real time.
// [Encoder.RequestFunc] and [PayV3Encoder.RequestFunc] re-sign each of its
// attempts.
//
// The fake shop server (vcart/shopapi/shopapitest) pushes its events
// through an Encoder.
//
// Encoders are immutable and safe for concurrent use. A bad argument (an
// empty Token or AppID, a malformed key, a nil private key, event or
// handler, a resource nonce of the wrong length, a target that is not a
// URL) is an error wrapping a [*vcart.FieldError] that names it, so
// errors.Is(err, vcart.ErrInvalid) holds; no error contains a key. An
// event that encoding/json cannot marshal is an error wrapping
// encoding/json's.
package notifytest
