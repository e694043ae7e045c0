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
// # Faults
//
// [Server.InjectFault] queues a [Fault] for a path: HTTP 5xx, an errcode
// (-1, 45011, 40001 …), truncated JSON, a timeout, a dropped connection
// before or after applying the request (so a stock diff applied but
// unanswered is observable in [Server.Stock]), a token revoked
// mid-stream, or a refused dial. [Server.Calls] and [Server.TokenFetches]
// count requests.
//
// # In-process transport
//
// [Server.Transport] serves requests without a network, which keeps tests
// deterministic under testing/synctest; create the Server outside the
// bubble and the client inside.
//
// # Extending
//
// server.go documents how order, delivery, after-sale and funds endpoints
// are added in their own files.
//
// # Concurrency
//
// A Server is safe for concurrent use; every handler runs under one mutex.
package shopapitest
