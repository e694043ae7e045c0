// Package shopapi is a typed client for the WeChat Channels store shop API
// (微信小店, formerly 视频号小店; paths /channels/ec/...). It implements
// seed section 四 技术对接规范 (商品信息同步、订单状态、库存更新 …): tokens,
// products and their audit, stock, categories, brands, images and the
// shop's basic information, orders, delivery, after-sales and funds, with
// typed errors, safe retries and a client-side rate limit. Test against
// the in-memory fake in package shopapitest.
//
//	ts, err := shopapi.NewShopTokenSource(appID, appSecret)
//	c, err := shopapi.NewClient(ts)
//	res, _, err := c.Products.Add(ctx, product, true)
//
// Services hang off [Client] (go-github style), one per area of the
// platform's index, grouped as the index groups them:
//   - the shop and its catalogue: [Client.Store], [Client.Products],
//     [Client.Stock], [Client.Categories], [Client.Brands], [Client.Media],
//     [Client.Homepage], [Client.Showcase], [Client.Links];
//   - fulfilment: [Client.Orders], [Client.Delivery], [Client.Addresses],
//     [Client.Freight], [Client.EWaybill], [Client.Warehouses],
//     [Client.Inspection], [Client.Dropship];
//   - after-sales and funds: [Client.Aftersales], [Client.Guarantees],
//     [Client.Funds], [Client.Invoices];
//   - marketing: [Client.Coupons], [Client.FlashSales], [Client.Gifts],
//     [Client.Members], [Client.Sharers], [Client.League],
//     [Client.HeadSuppliers], [Client.Talents], [Client.Cooperation],
//     [Client.MiniProgram];
//   - live, data and service: [Client.Live], [Client.Compass], [Client.KF],
//     [Client.Favorites];
//   - the platform itself: [Client.Quota], [Client.Network].
//
// Every method takes a context first and returns the decoded value, a
// [*Response] and an error; its doc ends with the WeChat API it calls.
// [Endpoints] lists every path the client calls with its method,
// idempotency and official doc page; [LookupEndpoint] finds one. Beyond the
// services, the package's names are the wire types of those calls, their
// enums and errcodes (the Code constants), the token sources, and the seams
// into the pure packages ([ReviewListing], [ProductFromListing], [KPIOrder],
// [CheckOrderFees]).
//
// # Authentication
//
// The access_token goes in the URL query of every call. A [TokenSource]
// supplies it:
//   - [NewShopTokenSource]: the shop's own AppID/AppSecret through
//     POST /cgi-bin/stable_token (default; repeated calls return the same
//     token, isolated from /cgi-bin/token) or GET /cgi-bin/token
//     ([WithLegacyToken]; each fetch invalidates the previous token after
//     5 minutes).
//   - [NewComponentTokenSource] and [NewAuthorizerTokenSource]: a service
//     provider's third-party platform (第三方平台): component_verify_ticket →
//     component_access_token → authorizer_access_token with the
//     authorizer_refresh_token.
//   - [StaticToken], or your own implementation.
//
// [CachingTokenSource] caches a token in-process, refreshes it early
// (default 5 minutes before expiry), lets one caller per process fetch
// (single flight), and shares tokens across processes through a
// [TokenStore] (default [NewMemoryTokenStore]; package redisstore ships a
// Redis one with a [RefreshLocker]). When the platform rejects a token
// (errcode 40001, 40014, 42001, 41001), the client invalidates exactly that
// token (compare-and-delete in the store), gets a new one and replays the
// request once.
//
// # Errors
//
// Every response's errcode/errmsg envelope is decoded; a non-zero errcode
// is an [*APIError] with the code, the message, the request id (rid), the
// method and the path. The errcodes of the reference are named constants
// ([CodeProductNotFound], [CodeStockUpdateRejected] …, [ErrCodeMeaning]).
// Classes match sentinels with errors.Is: [ErrAccessTokenExpired],
// [ErrRateLimited] (45009, 45011), [ErrIPNotWhitelisted] (61004, 45035),
// [ErrSystemBusy] (-1). Transport failures are [*TransportError]; a write
// that may have been applied wraps [ErrAmbiguous]. Invalid input is a
// [*vcart.ValidationError] listing every problem (errors.Is(err,
// vcart.ErrInvalid)) and never reaches the network.
//
//	var ae *shopapi.APIError
//	switch {
//	case errors.As(err, &ae) && ae.ErrCode == shopapi.CodeStockUpdateRejected:
//		// not enough stock
//	case errors.Is(err, shopapi.ErrAmbiguous):
//		// read the stock back before trying again
//	}
//
// access_token, AppSecret, component secrets, tickets and refresh tokens
// never appear in errors or logs: URLs are redacted (go-github's
// sanitizeURL) and so is every logged error.
//
// # Retries
//
// Each endpoint is marked idempotent or not. Reads and whole-state writes
// (product/update, listing, delisting, stock "set", an audit-free update
// without a stock add/subtract, uploads) are retried after transport errors, timeouts, HTTP 429/5xx,
// errcode -1 and 45011, with exponential backoff and jitter
// ([RetryPolicy], default 3 retries from 500 ms, capped at 5 s). Other
// writes — product/add, delete, audit cancel, stock add/subtract — are
// retried only when the request provably was not applied: a dial or DNS
// error, HTTP 429 or errcode 45011. After a timeout or a connection reset
// once the request was sent, after a 5xx, and after errcode -1 (the
// platform does not document that it leaves the write unapplied) the call
// fails with [ErrAmbiguous]: a stock diff or a new product is never sent
// twice. A transient failure to get a token (transport error, HTTP 5xx,
// errcode -1 or 45011 from the token endpoint) is retried for every call,
// since the call itself was not sent.
//
// # Rate limits
//
// The platform counts calls per path in minutes and answers errcode 45011
// ("retry next minute") past a path's quota. The client counts its calls
// per path in the minutes of its injected clock and makes a call past the
// quota wait for the next minute with room. After a 45011 the path is held
// until the next minute for every caller of the client, and the call is
// retried then. Token fetches go through the token source's own limiter
// ([WithRateLimits], on [WithClock]'s clock).
//
// [DefaultRateLimits] holds only the published quotas (stable_token
// 10,000/min, image and qualification upload 5,000/min): the platform does
// not publish the others, and without a table they are not limited
// client-side. Load the real quotas at start-up with the quota API
// (POST /cgi-bin/openapi/quota/get, [QuotaService.Get]), once for the paths
// you call, and build a client with them:
//
//	boot, err := shopapi.NewClient(ts)
//	limits, err := boot.Quota.RateLimits(ctx, shopapi.DefaultRateLimits(),
//		[]string{"/channels/ec/order/get", "/channels/ec/order/list/get",
//			"/channels/ec/product/stock/update"}, false)
//	c, err := boot.Clone(shopapi.WithRateLimits(limits))
//
// Pass viaComponent = true for a client that calls with a third-party
// platform's authorizer_access_token (component_rate_limit applies).
// [RateLimitsFromQuotas] builds the same table from answers you read
// yourself (e.g. shared through Redis by one process). Quotas are per shop
// account: processes sharing one should each get a share of the table.
// The daily quota is not enforced client-side: past it the platform
// answers 45009 ([ErrRateLimited]). shopapitest's Server.SetQuota
// makes the fake answer and enforce a quota.
//
// # Pagination
//
// List methods return one page and set [Response.NextKey]; their ListIter
// siblings return an iter.Seq2 over every item, following next_key, and
// stop at the first error.
//
// # Orders and time windows
//
// [OrderService] lists order ids by create or update time, gets the full
// order tree ([Order]: lines, pay_info, price_info in fen, delivery,
// after-sale detail, settle_info), searches, and changes prices, the
// merchant's notes and the address. The list APIs cap the time range of
// one call: 7 days for order/list/get ([MaxOrderWindow]) and 24 hours for
// aftersale/getaftersalelist ([MaxAftersaleWindow]; errcode 10020004
// beyond). List sends one page and rejects a longer range before the
// network; [OrderService.ListIter] and [AftersaleService.ListIter] cut any
// range into consecutive half-open [Window]s ([Windows]:
// truncated to the second, no gap, no overlap) and follow each window's
// cursor, holding one page at a time.
//
// # Delivery safety
//
// A shipment must never be sent twice. [DeliveryService.Ship] is not
// retried once the request may have reached the platform: a timeout, a
// dropped connection after sending, a 5xx or errcode -1 returns an error
// wrapping [ErrAmbiguous]. Then do not call Ship again: call
// [DeliveryService.Confirm] with the same request, which re-reads the
// order (a safe, retried read) and reports [ShipmentRecorded],
// [ShipmentNotRecorded] or [ShipmentPartlyRecorded]; [Order.Unshipped]
// lists what is left. After-sale [AftersaleService.Accept], address
// changes, complaint proofs and [FundsService.SubmitWithdraw] follow the
// same rule: re-read, never replay.
//
// # After-sales and funds
//
// [AftersaleService] lists, reads, accepts and rejects refunds and returns
// (售后) and handles disputes (纠纷). [FundsService] reads the balance, fund
// flows (资金流水), withdrawals and each order's settlement flow
// ([FundsService.OrderFlow]), and submits withdrawals.
//
// # Fees link
//
// [CheckOrderFees] reconciles one order against package fees: it prices
// the WeChat Pay fee (支付手续费) of the order's payment with a
// [fees.Calculator] at the payment instant ([Order.FeeInput] extracts the
// figures), compares the technical service fee (技术服务费) in settle_info
// with a caller-supplied [ServiceFeeSchedule] (the platform publishes no
// machine-readable rates, so there is no default), and gives the expected
// net amount. This is why shopapi imports package fees, besides vcart and
// internal/*: fees is pure (no I/O, no clock), so it adds no network or
// global state, and a user of fees alone still never pulls in resty.
//
// # Wire types
//
// Wire structs mirror the JSON: amounts are int64 fen (分), as the API
// names them (vcart.Fen(x) is the everyday amount, [vcart.Money] the decimal
// path); enums keep the API's integers and have String methods. Platform ids
// are [ID] ([vcart.ID]) strings that decode from a JSON number or string
// without loss (ids exceed 2^53) and encode as strings. Two wire scalars
// absorb the platform's inconsistent spellings where the official sources
// disagree: [Int64] (a number or a string holding one) and [Bool] (true/false,
// 0/1 or "0"/"1"); both convert to the Go type with a plain conversion and
// are assignable from untyped constants, so request structs stay simple to
// fill. Unknown fields of [Product], [SKU], [CategoryAttr] and [Brand] are
// kept in [Extra] and sent back on update.
//
// # Seed and live platform
//
// The seed asks for product sync, order status and stock updates with a
// 100,000-QPS stress standard (10万级QPS压力测试); the live platform caps each
// API per minute per shop (errcode 45011), so that figure is a load-test
// target for the caller's own service, not for the shop API. The live
// listing flag of product/add is sent as 1 (WxJava) although one doc
// sample shows true; the image size limits are not documented for
// channels (MaxImageBytes follows the older mini-shop doc).
//
// # Concurrency
//
// A [Client] is safe for concurrent use and immutable after [NewClient];
// [Client.Clone] derives one with other options. Token sources and the
// memory store are safe for concurrent use.
//
// # Wire conformance
//
// The client and its fake ([shopapitest]) are held to the platform's own
// examples, independently on both sides, so that a misreading of the docs
// cannot hide in a test that shares it:
//
//   - [Endpoints] is the registry: one row per implemented endpoint (path,
//     method, idempotency, group, official doc page, other spellings). The
//     README's coverage table is generated from it and checked against the
//     platform's index (testdata/shop-api-index.tsv).
//   - testdata/official holds each endpoint's request and response
//     examples, verbatim from its official doc page, with the page's
//     address (internal/wirecheck documents the file format). The
//     conformance test calls the client with the request example against a
//     server answering the response example: the call must succeed, send
//     exactly the example's keys, and decode into types that declare every
//     key of the answer (or keep it in an Extra field).
//   - The fake's tests drive every endpoint with a fixture and check the
//     fake's answers against the same examples: no key the platform does
//     not send, every modelled key sent, every request key read.
//
// Where official sources disagree, the client decodes both forms:
//
//   - order/search: the page's example puts the hits under orders, its
//     field table under order_id_list.
//   - aftersale/rejectreason/get: the page and its example use reason_list
//     (items with reject_scene); some peers read reject_reason_list.
//   - merchant/address: the field tables type send_addr, recv_addr,
//     default_send and default_recv as booleans (so does the add example);
//     the update and get examples send 0/1. Both decode ([Bool]);
//     booleans are sent.
//   - Freight templates: the field tables spell the region lists
//     address_infos (conditions, pricing rules, not_send_area); the detail
//     example spells not_send_area's list address_info, as older examples
//     did the rules'. Both decode ([FreightArea.Regions],
//     [FreightCalcMethod.Regions]); address_infos is sent. The update
//     example has no template_id though the table requires it: it is sent
//     when set.
//   - ewaybill/biz/template/get sends create_time and update_time as
//     strings, template/getbyid as numbers: both decode ([Int64]).
//   - aftersale/merchantupdateaftersale: the table types update_reason_type
//     as a number, the SKIT copy of the example sends "123"; guarantee
//     orders' status is a string in the table and numbers in its enum
//     (both decode, numbers are sent).
//   - funds bank look-ups: bank_id is a string in getbanklist's example and
//     a number elsewhere; getsubbranch's city_code is a string in the
//     example and a number in the store table, whose data items are named
//     bank_id / bank_name where the example has branch_id / branch_name
//     (the client reads the example's names).
//   - order/preshipmentchangesku/get: the page sends page and page_size as
//     numbers, the SKIT sample as strings (numbers are sent).
//   - livedashboard/getlivelist: the example sends ds as a number
//     (20240612), a peer SDK as a string; the client sends a number and
//     the fake reads both.
//   - coupon/create and coupon/update: the tables tie valid_info's
//     start_time/end_time to valid_type 1 and valid_day_num to 2, but the
//     examples send valid_type 1 with valid_day_num only and valid_type 2
//     with start/end only; the client checks the fields given. The coupon
//     guide allows 2000 product_ids, the update page's table 200: the
//     client accepts 2000.
//   - sharer/get_sharer_order_list: the example names the scene
//     share_scene, the SharerOrder table sharer_scene; both are read.
//   - product/activity/add: the example sends activity_id, gift_id and
//     product_id as numbers and start_time/end_time as strings, the table
//     numbers; is_limited is true in the example, a number in one table.
//     Ids are read either way and sent as strings, times sent as numbers.
//   - Uploads, the category tree and details, and brand add / cancel / all
//     are spelt /shop/ec/… in the current index and /channels/ec/… in older
//     pages; both answer. The client sends the index's spelling; the rate
//     limiter, [RateLimitsFromQuotas] and the fake count both as one
//     endpoint.
//   - order/get: address_under_review in delivery_info is a bool in the
//     field table and an address object in peers' models ([AddressReview]
//     decodes both).
//   - funds/listorderflow: the field table names the range
//     create_time_range, the page's example (as a peer copies it)
//     order_create_time_range; the client sends the table's name, the fake
//     reads both. The page's examples could not be read here: the fixture
//     is built from the field tables (noted in the file).
//   - product/stock/batchget's example names the talents' stock
//     finder_total_num; the client also keeps finder_stock_num, the name it
//     read before. Both decode.
//   - category/all: the legacy tree (cats) carries qua without qua_id and
//     the deprecated product_qua, the new tree (cats_v2) leaf and qua_id;
//     category/availablesoncategories/get's example sends f_cat_id as a
//     number, its table as string(uint64) (the client sends a string, the
//     fake reads both).
//   - Where a page's field table documents keys its example omits
//     (quota/get rate_limit, getcomplaintorder status, getfundsflowdetail
//     remark, category/detail sale_attr_list, order/get and product/get
//     fields), the fixture adds a response.table variant built from the
//     table, and says so.
//   - Push events (package notify): channels_ec_close_store names the app
//     id appid on the 微信小店 page and bind_appid on the older 视频号小店
//     page; channels_ec_user_coupon_use sends its body as use_info where
//     the other user-coupon events send user_coupon_info;
//     channels_ec_guarantee_update status and the member identity of
//     channels_ec_vip_user_auto_add are strings in the examples. All
//     decode.
//   - category/audit/get: the field table's states are 1, 2, 3, 12; the
//     example answers 9 (the older rejection code), counted as rejected.
//     getcategoryrule (rule_id 2) and category/classify: the tables say
//     list / cats are arrays, the examples send one object; both decode.
//     getauditquota: one page sends block_status as a boolean, the other
//     as 0/1; [Bool] reads both.
//   - supplier/relation/set_product_distribute: the field table types list
//     as an array, the page's example sends one object; the client sends an
//     array, the fake reads both. dropship/get answers ds_order_id and
//     order_id as numbers (so does its table), sent as strings elsewhere
//     ([ID] reads both).
//   - headsupplier/order/get: the current page types order_id and sku_id
//     as numbers, the older page and the example send strings (strings are
//     sent); the answer's key is commssion_order (sic), as everywhere.
//     List answers' next_key / has_more are in the tables or a peer's model
//     but not in the examples (fixtures add a variant, noted).
//   - Push events (package notify): cooperation_shop_order's body is Data
//     in the page's field table and EventData in a peer SDK; both decode.
//   - Homepage classification: tree/get's example sends is_displayed as
//     a boolean, tree/set's table and example as 0/1 ([ClassificationNode]
//     reads both; [HomepageService.SetTree] sends 0/1).
//   - talent/get_order_detail: the field table types actual_payment as a
//     string in fen, the example sends "99.99"; ratio and the settlement
//     amounts are strings in the example. [TalentOrderBase] and
//     [TalentCommission] keep them as sent (no conversion is guessed).
//   - league/promoter/upd: the table types type as a number, the SKIT
//     copy of the example sends "1" (numbers are sent; the fake reads
//     both). league/item/batchadd's example sends ratio 100 where the
//     table bounds it to [0, 90]%: the client refuses ratios above 90.
//     item/list/get: an older page's example sends items as one object,
//     the tables and the current example as an array ([LeagueItemRefs]
//     decodes both).
//   - Quota tools and network (issue 20): clear_quota/v2's current field
//     table puts appid and appsecret in the body, its example (and an older
//     page) in the query string; the client sends the body (a secret in a
//     URL ends up in logs), the fake reads both. rid/get's table lists
//     client_ip, the SKIT copy of its example lacks it. callback/check's
//     newer table omits ping.time, its examples send it.
//   - Cooperation accounts: the enum table lists sharer_type 2 (公众号) and
//     3 (小程序); every example sends 1 with a channel id. 1..3 are
//     accepted. invitation/get's Data table could not be read: its answer
//     (data.status) follows WxJava, the fixture says so.
//   - Mini-program gifts: activity/info sends times, price and stock as
//     strings ([Int64]); presentorder/get (旧) types present_order_id as a
//     number and names the user openid in its table, the example sends a
//     string and open_id, and names the gift's id order_id (a bare 64-bit
//     number) where the table has orderid; presentorderlist/get (旧) sends
//     open_id and string times where the table has openid and numbers, and
//     one copy prints present_order_list as one object. The client sends
//     the examples' forms and reads both. open/upload's page asks for a
//     multipart/form-data header for both upload types; its URL example
//     (upload_type 1) is JSON, which the client sends; the bytes
//     (upload_type 0) go as multipart.
//   - Quality inspection: code/print's data uses camelCase keys
//     (inspectCode, boxDTOList), unlike every other store API.
//
// # Not implemented
//
// Rows of the platform's index that the client does not implement, with
// the reason (the README's coverage table shows them as missing):
//
//   - POST /channels/ec/product/canceltimingsale (取消商品开售): no page of
//     its own was found, by path or by name; only begintimingsale's errcode
//     table mentions cancelling a timed sale. Its fields are not guessed.
//   - POST /channels/ec/product/addproductthirdpartysource (新增第三方货源信息):
//     the page (mmecapi_addproductthirdpartysource) was found, but its
//     nested tables (product_source_info's attr_list, sku_list, logistics
//     and the enums of scene_value, publish_method, source_platform_type)
//     could not be read in full; a partial shape would be a guess.
//
// # Adding an endpoint
//
//  1. Registry: add the row to its group's section in registry.go, with
//     the method, the idempotency (a read, or a write that sets a state,
//     is idempotent; a create or a relative change is not), the group,
//     name and doc address from testdata/shop-api-index.tsv, and any alias.
//     Declare the client's value with ep(path) in the group's file.
//  2. Types: read the official doc page (its field tables and examples);
//     never guess a field name. Required request fields are values,
//     optional ones pointers or omitempty; ids are [ID], money int64 fen.
//     Where sources disagree, accept both and add the case above.
//  3. Fixtures: copy the page's request and response examples verbatim to
//     testdata/official/<path>.txt with a doc: line; add a wireCase that
//     calls the method with the request example (conformance_test.go).
//  4. Fake: a route in the group's file of shopapitest, its state in a
//     shared table (resource.go), and a tour that exercises it
//     (shopapitest/conformance_test.go); the fake's answers are then held
//     to the same fixtures.
//  5. Example: a godoc Example that runs against the fake, with // Output:.
//
// Errcodes are named constants in the static table of errcodes.go (no
// init). client.go documents the internal extension points.
package shopapi
