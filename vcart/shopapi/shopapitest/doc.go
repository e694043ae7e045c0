// Package shopapitest is an in-memory, stateful fake of the WeChat
// Channels store shop API, the httptest twin of package shopapi (seed
// section 四 测试标准: 商品API 压力测试, 模拟失败重试机制).
//
//	srv := shopapitest.NewServer(t)
//	c := srv.Client() // a *shopapi.Client with a caching stable_token source
//
// It speaks the real wire format: the errcode envelope with " rid: …" in
// errmsg, 64-bit ids (product_id is a JSON number in the add answer and a
// string elsewhere, as in the official samples), ids in requests must be
// JSON strings (a number answers 47001), wrong HTTP methods answer
// 43001/43002.
//
// # Options
//
// [New] (for programs) and [NewServer] (for tests) take [Option] values,
// as shopapi.NewClient does: each option validates its input, and an
// invalid one (a nil clock, empty credentials, a non-positive token TTL, a
// fee rate outside [0, fees.MaxRate], a schedule fees.NewCalculator
// refuses, a negative lifecycle timer) makes New return an error naming
// the option and the rule, and NewServer fail the test.
//
// # Identifiers
//
// The fake's methods and types take and return platform identifiers as
// vcart.ID, the type the client uses (shopapi.ID is the same type), so an
// id flows between the client and the fake without conversion: order,
// after-sale, complaint, guarantee, product, SKU, category, brand, audit,
// coupon and user coupon, activity, task, template, address, e-waybill
// order and dropship order ids, and the Key of an [Event]. Identifiers the
// client types as strings stay strings: appids, secrets, openids, finder
// ids, carriers' delivery ids and waybill numbers, export ids, media ids,
// the merchant's own out_* ids, and free text.
//
// # Behaviour
//
//   - Tokens: /cgi-bin/token, /cgi-bin/stable_token (same token while more
//     than 5 minutes are left; force_refresh at most every 30 s), and the
//     third-party component/authorizer endpoints ([WithComponent]). Tokens
//     expire after [WithTokenTTL] on the fake's clock ([WithClock]); 41001,
//     40001 and 42001 as the platform. [Server.InvalidateTokens] revokes
//     them as when another process re-fetched.
//   - Products: validation with the platform's errcodes (title 5–60 runes
//     and not only letters/digits, 3–9 head images on mmecimage.cn, three
//     category levels, SKU price > 0, ≤ ¥100,000 and ≤ market price, stock
//     0–10,000,000, unique out_sku_id …); the audit flow: add/update put the
//     draft under audit (edit_status 2), [Server.ApproveAudit] moves it to 4
//     (and lists it if submitted with listing), [Server.RejectAudit] to 3,
//     audit/cancel to 1; under audit, update, delete and listing answer
//     10020049. [WithAutoAudit] approves at once.
//   - Stock: add, subtract, set; never negative (10020054); audit-free
//     updates validate every SKU before applying any.
//   - Catalogue: a small three-level category tree ([CatNuts], [CatDresses],
//     [CatCream]; [CatsFor]), category detail with the deposit as a string,
//     brands, shop info, image and qualification upload.
//
// # Order lifecycle
//
// Tests drive orders as the buyer and the platform would, each step at the
// fake's clock and each pushing its event when pushes are enabled:
//
//   - [Server.CreateOrder] places an unpaid order (status 10) from a
//     [NewOrder] and returns its id (> 2^53); [Server.PayOrder] pays it
//     (→ 20, 待发货); [Server.CancelOrder] cancels it unpaid (→ 250,
//     cancel_type 1).
//   - Shipping goes through delivery/send (shopapi's Delivery.Ship) or
//     [Server.ShipAll], which ships every unshipped item in one package as
//     the back office would (→ 30); [Server.Packages] counts packages, so a
//     test proves nothing shipped twice.
//   - [Server.ConfirmReceipt] records the buyer's receipt (→ 100,
//     confirm_type 1); [Server.SettleOrder] settles a completed order: it
//     books the income, the technical service fee ([WithServiceFeeRate]),
//     the WeChat Pay fee (package fees, [WithFeeSchedule]) and any talent
//     commission as fund flows and fills settle_info, so shopapi's
//     CheckOrderFees can be tested against it.
//   - After-sales: [Server.OpenAftersale] opens a refund or return on a
//     paid order's line (MERCHANT_PROCESSING); the merchant accepts or
//     rejects it through the API; [Server.ReturnGoods],
//     [Server.CancelAftersale] and [Server.OpenComplaint] (纠纷) are the
//     buyer's moves. A refund of every item cancels the order (→ 200).
//     [Server.RequestAddressChange] queues an address change for review.
//   - [Server.Tick] applies the [LifecycleTimers] ([WithLifecycleTimers],
//     [DefaultLifecycleTimers]: 15 min to pay, receipt 10 days after
//     shipping, settlement 7 days after receipt; fake figures) and returns
//     how many transitions it made. Advance the clock ([WithClock]) and
//     call it; lifecycle steps never run on their own.
//   - [Server.SeedOrders] bulk-loads n paid orders awaiting shipment,
//     compactly and without events, for list and iterator load tests.
//
// [Server.OrderStatus] and [Server.AftersaleStatus] inspect state; a step
// the state does not allow returns [ErrState], an unknown id [ErrNotFound].
// order/list/get rejects a range over 7 days and aftersale/getaftersalelist
// one over 24 hours with errcode 10020004, as the platform.
//
// # Signed pushes
//
// [Server.EnablePush] makes every later event (channels_ec_order_new, _pay,
// _deliver, _confirm, _settle, _cancel, channels_ec_aftersale_update,
// channels_ec_complaint_update, channels_ec_withdraw_notify) a message
// push, signed and AES-encrypted
// in safe mode as the platform does, so a notify.Verifier with the same
// Token and EncodingAESKey accepts it. [PushConfig] sends to a URL or to an
// in-process http.Handler. Delivery follows a notify.RetrySchedule,
// notify.StorePushSchedule by default: up to 10 pushes at 0 s, 0 s, 10 s,
// 1 min, 5 min, 30 min, then 60 min three times (≈3.6 h), 5 s to answer,
// and only a 200 with "success" or an empty body stops the retries.
//
//   - [Server.DeliverPushes] makes every attempt due at the fake's clock
//     (immediate retries included) and returns how many; call it after each
//     step or clock advance.
//   - [Server.RunPushes] delivers as attempts fall due until its context
//     ends: run it in a goroutine, or in a testing/synctest bubble so the
//     whole schedule passes instantly.
//   - [Server.Events], [Server.PushLog] and [Server.PendingPushes] inspect
//     what was emitted and attempted.
//
// # Faults
//
// [Server.InjectFault] queues a [Fault] for a path: HTTP 5xx, an errcode
// (-1, 45011, 40001 …), truncated JSON, a timeout, a dropped connection
// before or after applying the request (so a stock diff applied but
// unanswered is observable in [Server.Stock]), a token revoked
// mid-stream, or a refused dial. [Server.Calls] and [Server.TokenFetches]
// count requests.
//
// # Quotas
//
// [Server.SetQuota] gives a path a [Quota]: the fake answers it to the
// quota API (POST /cgi-bin/openapi/quota/get: quota{daily_limit, used,
// remain}, rate_limit and component_rate_limit{call_count,
// refresh_second}; 76021 for a path it does not serve, 76003 for a
// malformed one) and enforces it after the token check: errcode 45011 past
// CallCount in a window of RefreshSecond seconds (aligned on the clock, so
// 60 means each minute), 45009 past DailyLimit in a Beijing day. Refused
// calls are not counted. Paths without a quota are not limited and the
// quota API answers zeros for them.
//
// # In-process transport
//
// [Server.Transport] serves requests without a network, which keeps tests
// deterministic under testing/synctest; create the Server outside the
// bubble and the client inside.
//
// # Extending
//
// server.go documents how endpoints are added: each area's file returns
// its routes from an unexported func, and server.go indexes them once in a
// single list (no init registration).
//
// # Concurrency
//
// A Server is safe for concurrent use; every handler runs under one mutex.
package shopapitest
