package shopapi

// Common errcodes (全局错误码), from the official table
// (doc/channels/API/basics/commErrCode.html).
const (
	CodeOK                    = 0        // ok
	CodeSystemBusy            = -1       // 系统繁忙, retry later
	CodeInvalidCredential     = 40001    // invalid credential: AppSecret wrong or access_token invalid / not latest
	CodeInvalidGrantType      = 40002    // grant_type must be client_credential
	CodeInvalidOpenID         = 40003    // invalid openid
	CodeInvalidAppID          = 40013    // invalid appid
	CodeInvalidAccessToken    = 40014    // invalid access_token
	CodeInvalidURL            = 40066    // invalid url (wrong API path)
	CodeInvalidRequestBody    = 40097    // invalid request body
	CodeAccessTokenMissing    = 41001    // access_token missing
	CodeAppIDMissing          = 41002    // appid missing
	CodeComponentAppIDMissing = 41018    // missing component_appid
	CodeAccessTokenExpired    = 42001    // access_token expired
	CodeRequireGET            = 43001    // require GET method
	CodeRequirePOST           = 43002    // require POST method
	CodeRequireHTTPS          = 43003    // require https
	CodeEmptyPostData         = 44002    // empty post data
	CodeContentTooLarge       = 45002    // content size out of limit
	CodeDailyQuota            = 45009    // reach max api daily quota limit
	CodeMinuteQuota           = 45011    // api minute-quota reach limit, retry next minute
	CodeIPNotWhitelisted      = 45035    // access clientip is not registered, not in ip-white-list
	CodeDataFormat            = 47001    // data format error (bad JSON or wrong JSON type)
	CodeAPIUnauthorized       = 48001    // api unauthorized
	CodeAPIForbidden          = 48004    // api forbidden for irregularities
	CodeUserUnauthorized      = 50001    // user unauthorized
	CodeUserLimited           = 50002    // user limited
	CodeClientIPNotRegistered = 61004    // access clientip is not registered
	CodeComponentUnauthorized = 61007    // api is unauthorized to component (permission set missing)
	CodeShopCancelling        = 10080000 // shop cancellation in progress
	CodeShopCancelled         = 10080001 // account cancelled
	CodeShopIsTalent          = 10080002 // the shop's Channels identity is 达人, feature not allowed
)

// Quota API errcodes (接口调用额度), from the getApiQuota page.
const (
	CodeQuotaPathInvalid  = 76003 // cgi_path malformed
	CodeQuotaPathNotFound = 76021 // cgi_path not found
	CodeQuotaNoPermission = 76022 // no permission to read this path's quota
)

// Product, category and brand errcodes (商品/类目/品牌), from the official API
// pages and zsmhub/wx-channels-sdk apis/api_error.go.
const (
	CodeInvalidAuditID          = 10020006 // invalid audit id
	CodeProductNotEditable      = 10020008 // product not editable
	CodeCategoryLevels          = 10020011 // category must have 3 levels
	CodeSaleAttrNotInCategory   = 10020012 // sale attributes not in the category
	CodeSKUCountInvalid         = 10020013 // SKU count invalid
	CodeSKULockedFlashSale      = 10020014 // SPU in a flash sale, SKU locked
	CodeInvalidCategory         = 10020017 // invalid category
	CodeNoCategoryQualification = 10020018 // no qualification for the category
	CodeInvalidFreightTemplate  = 10020019 // invalid freight template
	CodeTitleEmpty              = 10020020 // title empty
	CodeTitleTooLong            = 10020021 // title too long
	CodeHeadImgEmpty            = 10020022 // head image empty
	CodeHeadImgTooMany          = 10020023 // too many head images
	CodeDescTooLong             = 10020024 // description too long
	CodeDetailImgTooMany        = 10020025 // too many detail images
	CodeQualificationImgTooMany = 10020027 // too many qualification images
	CodeSKUPriceTooHigh         = 10020028 // SKU price too high
	CodeSKUCodeTooLong          = 10020029 // sku_code too long
	CodeOutSKUIDExists          = 10020030 // out_sku_id already exists
	CodeAttrValuesTooMany       = 10020031 // more than 100 values under one attribute key
	CodeAttrKeyTooLong          = 10020032 // attribute key too long
	CodeAttrValueTooLong        = 10020033 // attribute value too long
	CodeSKUIDWrong              = 10020034 // sku_id / out_sku_id wrong
	CodeImageURLNotMMEC         = 10020035 // image/video URL must start with mmecimage.cn/p/
	CodeOutProductIDTooLong     = 10020036 // out_product_id too long
	CodeOutSKUIDTooLong         = 10020037 // out_sku_id too long
	CodeListingWithoutSKU       = 10020038 // listing a product without SKU
	CodeSKUPriceZero            = 10020039 // SKU price is 0
	CodeSalePriceAboveMarket    = 10020040 // sale_price greater than market_price
	CodeAccountCancelling       = 10020041 // account cancelling
	CodeTitleTooShort           = 10020042 // title too short
	CodeCategoryUnavailable     = 10020043 // category unavailable
	CodeNotUnderAudit           = 10020044 // edit_status is not 2 (audit cancel)
	CodeIllegalTitle            = 10020045 // illegal title
	CodeProductInfoInvalid      = 10020046 // product information invalid
	CodeDepositInsufficient     = 10020048 // deposit insufficient, cannot add
	CodeProductUnderAudit       = 10020049 // product under audit, cancel the audit first
	CodeNoPermission            = 10020050 // no permission
	CodeBadParams               = 10020051 // bad parameters
	CodeProductNotFound         = 10020052 // product not found
	CodeStockUpdateRejected     = 10020054 // stock update rejected (state, mismatch, insufficient stock or num 0)
	CodeBadParamsPlacement      = 10020055 // bad parameters (e.g. upload_type in the body)
	CodeImageFormat             = 10020056 // image format error
	CodeImageFetch              = 10020057 // image fetch failed
	CodeImageUpload             = 10020058 // image upload failed
	CodeImageEmpty              = 10020059 // image empty
	CodeImageSize               = 10020060 // image size error
	CodeImageURL                = 10020061 // image URL error
	CodeInvalidCatID            = 10020063 // invalid cat id
	CodeCategoryUnderAudit      = 10020064 // category already under audit
	CodeProductNotListed        = 10020065 // product not listed
	CodeAuditFrequency          = 10020066 // audit submit frequency limit
	CodeStillUploading          = 10020067 // previous submission still uploading
	CodeWeightZero              = 10020068 // weight 0 with a weight-based freight template
	CodeBrandNotAllowed         = 10020088 // brand not allowed, invalid or unapproved
	CodeShopNotOpened           = 10020089 // shop not opened
	CodeAPIOffline              = 10020090 // API temporarily offline
	CodeProductTypeNotListable  = 10020091 // product type not listable
	CodeAftersaleDescTooLong    = 10020095 // aftersale_desc longer than 200 chars
)

// Order errcodes (订单, channels-api §1.7).
const (
	CodeOrderNotFound           = 100002   // order not found (check the order id and the token's shop)
	CodeOrderUpdatedTooOften    = 100003   // order updated too often, retry
	CodeOrderStatusForbids      = 101100   // order not unpaid (price change) or state forbids shipping
	CodePriceAboveOriginal      = 108021   // changed price exceeds the original
	CodePriceChangedTooOften    = 108022   // price changed more than 50 times
	CodePriceBecomesZero        = 108023   // price would become 0
	CodeAddressOnlyAwaitingShip = 606000   // only 待发货 orders can change address
	CodeAddressChangedTooOften  = 606001   // address changed more than 5 times
	CodeAddressInvalid          = 606002   // user_address invalid
	CodeTimeRangeTooLong        = 10020004 // time range too long (after-sales: over 24 h)
)

// Delivery errcodes (发货, channels-api §1.7).
const (
	CodeAftersaleBlocksShipping = 108009 // unfinished after-sale blocks shipping
	CodeDeliveryFailed          = 109000 // delivery failed (see errmsg)
	CodeAlreadyShipped          = 109001 // already fully shipped
	CodeNoProductsToShip        = 109002 // no products in the request
	CodeInvalidDeliveryID       = 606004 // invalid delivery_id
	CodeInvalidWaybillID        = 606005 // invalid waybill_id
	CodeDeliverTypeMismatch     = 606008 // deliver_type mismatches deliver_method
	CodeSameSKUOnePackage       = 606030 // the same SKU must ship in one package
	CodeWrongProductOrSKU       = 606031 // wrong product_id / sku_id
)

// After-sale errcodes (售后, channels-api §1.7).
const (
	CodeAftersaleIDNotFound     = 10020000 // after-sale order id does not exist
	CodeAftersaleStatusInvalid  = 10020001 // invalid after-sale status
	CodeAftersaleOpNotSupported = 10021041 // operation not supported in the current status
	CodeAftersaleNotThisAccount = 10021043 // after-sale belongs to another account
	CodeAftersaleBusy           = 10021044 // too many users, retry
	CodeRefundFailed            = 10021045 // refund failed
	CodeInsufficientFunds       = 10021046 // insufficient funds
	CodeAftersaleNotFound       = 10021050 // after-sale not found
)

// Marketing errcodes (营销: coupons, flash sales, members, sharers), from the
// coupon push page, the flash-sale stop page, the member (vip) pages and the
// sharer pages.
const (
	CodeCouponStatus       = 10021001 // 优惠券状态不对: coupon status does not allow it
	CodeCouponNoStock      = 10021002 // 优惠券库存不足: coupon out of stock
	CodeCouponNotExpired   = 10021003 // 优惠券还没过期: coupon not expired yet
	CodeCouponLimit        = 10021004 // 优惠券限领: per-person limit reached
	CodeCouponValidTime    = 10021010 // 校验有效时间失败: validity time check failed
	CodeCouponReentry      = 10021034 // 优惠券重入失败: coupon re-entry failed
	CodeCouponSystem       = 10021038 // 系统失败,请重试: system failure, retry
	CodeFlashSaleNotFound  = 10020076 // 限时抢购任务不存在: flash-sale task not found
	CodeVipSystem          = 10100001 // 系统错误: member system error
	CodeVipBadParams       = 10100002 // 参数错误: member bad parameters
	CodeVipNotFound        = 10100003 // 信息不存在: member not found
	CodeSharerBadUsername  = 10070000 // 微信号非法: invalid WeChat id
	CodeSharerAlreadyBound = 10070001 // 用户已绑定为分享员: already a sharer
	CodeSharerLimit        = 10070002 // 分享员数量达到上限(10个): sharer limit reached
	CodeSharerBadOpenID    = 10070004 // openid非法: invalid openid
	CodeSharerShopBound    = 10070005 // 用户已绑定为店铺分享员: already a shop sharer
	CodeSharerBadParams    = 10070006 // 参数错误: sharer bad parameters
	CodeSharerStaff        = 10070007 // 小店店员不可绑定普通分享员: shop staff cannot be ordinary sharers
)

var codeMeanings = map[int]string{
	CodeSystemBusy: "system busy", CodeInvalidCredential: "invalid credential",
	CodeInvalidGrantType: "invalid grant_type", CodeInvalidOpenID: "invalid openid",
	CodeInvalidAppID: "invalid appid", CodeInvalidAccessToken: "invalid access_token",
	CodeInvalidURL: "invalid url", CodeInvalidRequestBody: "invalid request body",
	CodeAccessTokenMissing: "access_token missing", CodeAppIDMissing: "appid missing",
	CodeComponentAppIDMissing: "component_appid missing", CodeAccessTokenExpired: "access_token expired",
	CodeRequireGET: "require GET", CodeRequirePOST: "require POST", CodeRequireHTTPS: "require https",
	CodeEmptyPostData: "empty post data", CodeContentTooLarge: "content size out of limit",
	CodeDailyQuota: "daily quota reached", CodeMinuteQuota: "minute quota reached",
	CodeQuotaPathInvalid: "cgi_path malformed", CodeQuotaPathNotFound: "cgi_path not found",
	CodeQuotaNoPermission: "no permission for this cgi_path",
	CodeIPNotWhitelisted:  "IP not whitelisted", CodeDataFormat: "data format error",
	CodeAPIUnauthorized: "api unauthorized", CodeAPIForbidden: "api forbidden",
	CodeUserUnauthorized: "user unauthorized", CodeUserLimited: "user limited",
	CodeClientIPNotRegistered: "client IP not registered", CodeComponentUnauthorized: "api unauthorized to component",
	CodeShopCancelling: "shop cancellation in progress", CodeShopCancelled: "account cancelled",
	CodeShopIsTalent:   "shop identity is talent",
	CodeInvalidAuditID: "invalid audit id", CodeProductNotEditable: "product not editable",
	CodeCategoryLevels: "category must have 3 levels", CodeSaleAttrNotInCategory: "sale attribute not in category",
	CodeSKUCountInvalid: "SKU count invalid", CodeSKULockedFlashSale: "SKU locked by flash sale",
	CodeInvalidCategory: "invalid category", CodeNoCategoryQualification: "no category qualification",
	CodeInvalidFreightTemplate: "invalid freight template", CodeTitleEmpty: "title empty",
	CodeTitleTooLong: "title too long", CodeHeadImgEmpty: "head image empty",
	CodeHeadImgTooMany: "too many head images", CodeDescTooLong: "description too long",
	CodeDetailImgTooMany: "too many detail images", CodeQualificationImgTooMany: "too many qualification images",
	CodeSKUPriceTooHigh: "SKU price too high", CodeSKUCodeTooLong: "sku_code too long",
	CodeOutSKUIDExists: "out_sku_id exists", CodeAttrValuesTooMany: "too many attribute values",
	CodeAttrKeyTooLong: "attribute key too long", CodeAttrValueTooLong: "attribute value too long",
	CodeSKUIDWrong: "sku_id wrong", CodeImageURLNotMMEC: "image URL must be mmecimage.cn/p/",
	CodeOutProductIDTooLong: "out_product_id too long", CodeOutSKUIDTooLong: "out_sku_id too long",
	CodeListingWithoutSKU: "listing without SKU", CodeSKUPriceZero: "SKU price is 0",
	CodeSalePriceAboveMarket: "sale_price above market_price", CodeAccountCancelling: "account cancelling",
	CodeTitleTooShort: "title too short", CodeCategoryUnavailable: "category unavailable",
	CodeNotUnderAudit: "product not under audit", CodeIllegalTitle: "illegal title",
	CodeProductInfoInvalid: "product info invalid", CodeDepositInsufficient: "deposit insufficient",
	CodeProductUnderAudit: "product under audit", CodeNoPermission: "no permission",
	CodeBadParams: "bad parameters", CodeProductNotFound: "product not found",
	CodeStockUpdateRejected: "stock update rejected", CodeBadParamsPlacement: "bad parameters",
	CodeImageFormat: "image format error", CodeImageFetch: "image fetch failed",
	CodeImageUpload: "image upload failed", CodeImageEmpty: "image empty", CodeImageSize: "image size error",
	CodeImageURL: "image URL error", CodeInvalidCatID: "invalid cat id",
	CodeCategoryUnderAudit: "category under audit", CodeProductNotListed: "product not listed",
	CodeAuditFrequency: "audit submit frequency limit", CodeStillUploading: "previous submission uploading",
	CodeWeightZero: "weight 0 with weight-based template", CodeBrandNotAllowed: "brand not allowed",
	CodeShopNotOpened: "shop not opened", CodeAPIOffline: "API temporarily offline",
	CodeProductTypeNotListable: "product type not listable", CodeAftersaleDescTooLong: "aftersale_desc too long",

	CodeOrderNotFound: "order not found", CodeOrderUpdatedTooOften: "order updated too often",
	CodeOrderStatusForbids: "order status forbids the operation", CodePriceAboveOriginal: "changed price exceeds original",
	CodePriceChangedTooOften: "price changed too often", CodePriceBecomesZero: "price becomes 0",
	CodeAddressOnlyAwaitingShip: "only orders awaiting shipment can change address",
	CodeAddressChangedTooOften:  "address changed too often", CodeAddressInvalid: "address invalid",
	CodeTimeRangeTooLong: "time range too long",

	CodeAftersaleBlocksShipping: "unfinished after-sale blocks shipping", CodeDeliveryFailed: "delivery failed",
	CodeAlreadyShipped: "already fully shipped", CodeNoProductsToShip: "no products to ship",
	CodeInvalidDeliveryID: "invalid delivery_id", CodeInvalidWaybillID: "invalid waybill_id",
	CodeDeliverTypeMismatch: "deliver_type mismatches deliver_method",
	CodeSameSKUOnePackage:   "same SKU must ship in one package", CodeWrongProductOrSKU: "wrong product_id or sku_id",

	CodeAftersaleIDNotFound: "after-sale order does not exist", CodeAftersaleStatusInvalid: "invalid after-sale status",
	CodeAftersaleOpNotSupported: "operation not supported in this status", CodeAftersaleNotThisAccount: "after-sale not this account",
	CodeAftersaleBusy: "after-sale busy, retry", CodeRefundFailed: "refund failed", CodeInsufficientFunds: "insufficient funds",
	CodeAftersaleNotFound: "after-sale not found",

	// fulfilment (issue 15)
	CodeFreightDefaultWithRegion: "default freight rule names regions", CodeFreightBadRegion: "invalid province, city or county",
	CodeFreightNameExists: "freight template name exists", CodeFreightNoDefaultRule: "freight template lacks a default rule",
	CodeFreightNoShipAddress: "freight template has no shipping address", CodeFreightBadSendTime: "invalid send_time",
	CodeFreightWholeCountryExcluded: "cannot exclude the whole country", CodeFreightTooManyCarriers: "too many delivery companies",
	CodeFreightTooManyConditions: "too many condition-free rules", CodeFreightTooManyRules: "too many freight rules",
	CodeEWaybillTakeFailed: "e-waybill carrier call failed (see delivery_error_msg)", CodeEWaybillNotFound: "e-waybill not found",
	CodeEWaybillExists: "e-waybill order id already exists", CodeEWaybillIDNotUint64: "ewaybill_order_id must be a uint64 string",
	// product tools (issue 16)
	CodeNotAwaitingSale: "product not awaiting a timed sale", CodeSaleTaskChanged: "timed-sale task changed",
	CodeSaleProductIDEmpty: "product_id empty", CodeSaleTaskIDEmpty: "timed-sale task_id empty",
	// after-sales, guarantees, order extras, funds (issue 17)
	CodeAftersaleNegotiateFirst: "negotiate before rejecting", CodeGuaranteeNotFound: "guarantee order not found",
	CodeAftersaleSystemFail: "after-sale system failure", CodeAftersaleBadParams: "after-sale bad parameters",
	CodeFundsNoData: "no data", CodeQRCodeTicketExpired: "QR code ticket expired", CodeQRCodeTicketInvalid: "wrong QR code ticket",
	CodeNotVirtualNumberOrder: "order has no virtual number", CodeVirtualNumberNotExpired: "virtual number not expired",
	CodeVirtualNumberQuotaExceeded: "virtual number exchanges exhausted", CodeFreshInspectState: "not under fresh inspection",
	CodeFreshInspectOrderNotFound: "order not found", CodeFreshInspectBadURL: "image or video URL invalid",
	CodeRequestBodyFormat: "request body format error", CodeWxUsernameInvalid: "wxusername invalid",
	CodeSMSTooFrequent: "SMS verification too frequent",
	// showcase, links and the compass (issue 19)
	CodeShowcaseIdentity: "channel identity check failed", CodeShowcaseBanned: "showcase banned for violations",
	CodeShowcaseProductNotFound: "showcase product not found", CodeShowcaseSelectionCentre: "selection-centre products not supported",
	CodeShowcaseAppNotBound: "appid not bound to the channel", CodeSchemeAppInvalid: "invalid appid: must be a mobile app bound on the open platform",
	CodeCompassDateFormat: "bad date format", CodeCompassFinderID: "bad finder_id",

	// homepage and talents (issue 20)
	CodeHomepageApplyNotFound: "homepage application not found", CodeHomepageApplyNotInFlow: "only an application in flow can be cancelled",
	CodeHomepageApplyIDEmpty: "apply_id is empty", CodeHomepageNotStore: "not a 微信小店 account",
	CodeLeagueParams: "alliance: bad parameters", CodeLeaguePromoterState: "alliance: the talent's status does not allow this",
	CodeLeagueNotOpened: "alliance: open the preferred alliance first", CodeLeagueItemType: "alliance: bad item type",
	CodeLeagueDuplicateProduct: "alliance: a product is listed twice", CodeLeagueTooMany: "alliance: too many items",
	CodeLeagueItemNotFound: "alliance: item not found", CodeLeagueProductNotListed: "alliance: the shop's product is not listed",
	CodeCouponStatus: "coupon status does not allow it", CodeCouponNoStock: "coupon out of stock",
	CodeCouponNotExpired: "coupon not expired yet", CodeCouponLimit: "coupon per-person limit reached",
	CodeCouponValidTime: "coupon validity time check failed", CodeCouponReentry: "coupon re-entry failed",
	CodeCouponSystem: "coupon system failure, retry", CodeFlashSaleNotFound: "flash-sale task not found",
	CodeVipSystem: "member system error", CodeVipBadParams: "member bad parameters", CodeVipNotFound: "member not found",
	CodeSharerBadUsername: "invalid WeChat id", CodeSharerAlreadyBound: "already a sharer",
	CodeSharerLimit: "sharer limit reached (10)", CodeSharerBadOpenID: "invalid sharer openid",
	CodeSharerShopBound: "already a shop sharer", CodeSharerBadParams: "sharer bad parameters",
	CodeSharerStaff: "shop staff cannot be ordinary sharers",

	// dropship, head suppliers (issue 20)
	CodeDropshipNotBound: "supplier not bound to the shop", CodeDropshipNotEnabled: "dropship management not enabled",
	CodeHeadSupplierBadParams: "head supplier: bad parameters", CodeHeadSupplierOrderNotFound: "commission order not found",
	// cooperation, inspection, kf, favorites, invoices, mini-programs, network, quota tools (issue 20)
	CodeAppSecretMissing: "appsecret missing", CodeClearQuotaLimit: "quota resets of the month spent",
	CodeRIDNotFound: "rid not found (or older than 7 days)", CodeRIDInvalid: "rid empty or malformed",
	CodeCallbackURLInvalid: "no valid push URL set", CodeCheckActionInvalid: "bad action",
	CodeCheckOperatorInvalid: "bad check_operator",
	CodeInspectSystem:        "inspection system error", CodeInspectNotFound: "inspection order not found",
	CodeInspectNotConfigured: "inspection not configured", CodeInspectInWarehouse: "already in the warehouse: cannot change",
	CodeInspectNotOpened: "inspection service not opened", CodeInspectSuspended: "inspection service suspended: balance low",
	CodeInspectBadParams: "inspection bad parameters", CodeInspectBadWaybill: "bad waybill id",
	CodeInspectTooManyChanges: "waybill changes exhausted (3)", CodeInspectLogisticsState: "inspection state does not allow a waybill change",
	CodeInspectPartial: "waybill change partly applied, retry later", CodeInspectCarrierMismatch: "carrier does not match the waybill",
	CodeWecomBadParams: "bad parameters", CodeWecomNotLinked: "company not a linked account",
	CodeWecomUserNotFound: "user_id not found", CodeWecomNotAuthorised: "company has not authorised the shop",
	CodeCooperationBadSharer: "invalid sharer_id or sharer_type", CodeCooperationFlow: "not allowed in the cooperation's state",
	CodeCooperationNotBound: "shop and account not related",
	CodeInvoiceFileLink:     "invoice file link invalid", CodeInvoiceFileFormat: "invoice file format not supported",
	CodeInvoiceFileSize: "invoice file over 1 MB",
}

// ErrCodeMeaning returns a short English meaning of a documented errcode, or
// "" for an unknown one.
func ErrCodeMeaning(code int) string { return codeMeanings[code] }

// fulfilment (issue 15): addresses, freight templates, e-waybills,
// delivery extras, regional warehouses.
const (
	CodeFreightDefaultWithRegion    = 10021053 // the default rule must not name regions (非法的默认运费模板规则)
	CodeFreightBadRegion            = 10021054 // invalid province, city or county (非法的省市区信息)
	CodeFreightNoDefaultRule        = 10021055 // a freight template needs a default rule
	CodeFreightNoShipAddress        = 10021081 // the template has no shipping address
	CodeFreightBadSendTime          = 10021082 // invalid send_time
	CodeFreightNameExists           = 10021200 // the template name exists
	CodeFreightWholeCountryExcluded = 10025501 // cannot exclude the whole country (禁止设置全国不发货)
	CodeFreightTooManyCarriers      = 10025502 // too many delivery companies
	CodeFreightTooManyConditions    = 10025503 // too many condition-free rules
	CodeFreightTooManyRules         = 10025504 // too many pricing rules

	CodeEWaybillTakeFailed  = 10025005 // the carrier refused (取号失败): read delivery_error_msg
	CodeEWaybillNotFound    = 10025010 // the e-waybill does not exist (电子面单不存在)
	CodeEWaybillExists      = 10025019 // the ewaybill_order_id exists on the platform (电子面单已存在)
	CodeEWaybillIDNotUint64 = 10025020 // ewaybill_order_id must be a uint64 in a string
)

// Product tools (issue 16: product-tool group), from the begintimingsale page.
const (
	CodeNotAwaitingSale    = 10020305 // 商品非待开售: the product is not waiting for a timed sale
	CodeSaleTaskChanged    = 10020306 // 商品开售任务发生变化: pass the product's latest task_id
	CodeSaleProductIDEmpty = 10020307 // 请求商品ID为空
	CodeSaleTaskIDEmpty    = 10020308 // 请求商品待开售任务ID为空
)

// After-sale, guarantee, order-extra and funds errcodes (issue 17: 商家协商,
// 保障单, 资金结算-银行与二维码), from the pages' errcode tables.
const (
	// CodeAftersaleNegotiateFirst (10021068): the after-sale cannot be
	// rejected directly; negotiate first (售后协商) and reject once the buyer
	// declined or did not answer in time.
	CodeAftersaleNegotiateFirst = 10021068
	// CodeGuaranteeNotFound (10021057): the guarantee order (or after-sale)
	// does not exist (售后单不存在).
	CodeGuaranteeNotFound = 10021057
	// CodeAftersaleSystemFail (9700223): system failure (系统失败).
	CodeAftersaleSystemFail = 9700223
	// CodeAftersaleBadParams (9700224): bad parameters (参数错误).
	CodeAftersaleBadParams = 9700224
	// CodeFundsNoData (9710001): no data (暂无数据), e.g. an unknown card
	// number in getbankbynum.
	CodeFundsNoData = 9710001
	// CodeQRCodeTicketExpired (60220): the QR code ticket expired.
	CodeQRCodeTicketExpired = 60220
	// CodeQRCodeTicketInvalid (60208): wrong QR code ticket.
	CodeQRCodeTicketInvalid = 60208

	// CodeNotVirtualNumberOrder (6060453): the order has no virtual number
	// (不是虚拟号订单).
	CodeNotVirtualNumberOrder = 6060453
	// CodeVirtualNumberNotExpired (6060454): the virtual number has not
	// expired yet (虚拟号码未过期).
	CodeVirtualNumberNotExpired = 6060454
	// CodeVirtualNumberQuotaExceeded (6060455): no virtual-number exchanges
	// left (超过最大可兑换虚拟号码次数).
	CodeVirtualNumberQuotaExceeded = 6060455
	// CodeFreshInspectState (10021700): the order is not under fresh
	// inspection, or it is done (质检状态非法).
	CodeFreshInspectState = 10021700
	// CodeFreshInspectOrderNotFound (10021701): order not found (订单不存在).
	CodeFreshInspectOrderNotFound = 10021701
	// CodeFreshInspectBadURL (10021702): an image or video URL is invalid.
	CodeFreshInspectBadURL = 10021702
	// CodeRequestBodyFormat (10020277): a parameter has the wrong type
	// (请求体格式不正确).
	CodeRequestBodyFormat = 10020277
	// CodeWxUsernameInvalid (40132): wxusername is wrong (wxusername参数错误).
	CodeWxUsernameInvalid = 40132
	// CodeSMSTooFrequent (10021203): SMS verification too frequent.
	CodeSMSTooFrequent = 10021203
)

// Errcodes of the showcase (橱窗), links and the data compass (issue 19),
// from the pages' errcode tables.
const (
	CodeShowcaseIdentity        = 10022001 // 验证视频号身份失败: not a channel's showcase id
	CodeShowcaseBanned          = 10022002 // 橱窗被禁止使用 for violations
	CodeShowcaseProductNotFound = 10022003 // 橱窗商品未找到
	CodeShowcaseSelectionCentre = 10022007 // 不支持操作带货中心来源的商品
	CodeShowcaseAppNotBound     = 10022008 // appid is not a shop bound to the channel
	CodeSchemeAppInvalid        = 10020256 // scheme: from_appid is not a mobile app bound on the open platform
	CodeCompassDateFormat       = 10021069 // compass: 请求参数日期格式有误
	CodeCompassFinderID         = 10023001 // compass: finder_id有误
)

// Errcodes of dropship (代发) and head suppliers (团长) (issue 20), from the
// pages' errcode tables.
const (
	// CodeDropshipNotBound (9700230): the supplier is not bound to the shop
	// (供货商和小店未绑定; set_all_distribution).
	CodeDropshipNotBound = 9700230
	// CodeDropshipNotEnabled (9700232): the shop has not enabled dropship
	// management (小店尚未开通代发管理; get_distribute).
	CodeDropshipNotEnabled = 9700232
	// CodeHeadSupplierBadParams (10024000): bad parameters (参数错误;
	// headsupplier order/get).
	CodeHeadSupplierBadParams = 10024000
	// CodeHeadSupplierOrderNotFound (10024006): no such commission order
	// (不存在该佣金单).
	CodeHeadSupplierOrderNotFound = 10024006
)

// Errcodes of the shop homepage and the talents' commission orders
// (issue 20), from the pages' errcode tables.
const (
	CodeHomepageApplyNotFound  = 268549835 // 参数错误。未能找到申请。
	CodeHomepageApplyNotInFlow = 268549848 // 仅能撤销流程中的申请。
	CodeHomepageApplyIDEmpty   = 268549854 // 参数错误。申请编号为空。
	CodeHomepageNotStore       = 268555516 // 无权限,仅供微信小店使用。
)

// Errcodes of the preferred alliance (优选联盟, issue 20), from the pages'
// errcode tables. 10023001 (不合法的finder_id) is [CodeCompassFinderID].
const (
	CodeLeagueParams           = 10023000 // 参数错误
	CodeLeaguePromoterState    = 10023005 // 操作状态非法
	CodeLeagueNotOpened        = 10023007 // 请先开通优选联盟
	CodeLeagueItemType         = 10023100 // type类型错误
	CodeLeagueDuplicateProduct = 10023101 // 不允许相同product_id
	CodeLeagueTooMany          = 10023102 // 操作数量超过限制
	CodeLeagueItemNotFound     = 10023103 // 不存在该商品
	CodeLeagueProductNotListed = 10023104 // 该小店商品未上架
)

// Errcodes of the quota tools, network checks, quality inspection and the
// WeCom look-up (issue 20), from the pages' errcode tables. rid/get answers
// 76003 when the rid belongs to another account: the same code as
// [CodeQuotaPathInvalid].
const (
	CodeAppSecretMissing     = 41004 // appsecret missing (clear_quota/v2)
	CodeClearQuotaLimit      = 48006 // forbid to clear quota because of reaching the limit (10 a month)
	CodeRIDNotFound          = 76001 // rid not found (unknown, or older than 7 days)
	CodeRIDInvalid           = 76002 // rid is error: empty or malformed
	CodeCallbackURLInvalid   = 40201 // callback/check: 不正确的URL, usually no push URL set
	CodeCheckActionInvalid   = 40202 // callback/check: 不正确的action
	CodeCheckOperatorInvalid = 40203 // callback/check: 不正确的check_operator

	CodeInspectSystem          = 10021600 // 质检系统异常
	CodeInspectNotFound        = 10021601 // 质检单不存在
	CodeInspectNotConfigured   = 10021602 // 小店尚未配置质检基础信息
	CodeInspectInWarehouse     = 10021605 // 当前质检单已入库,不支持修改送检信息
	CodeInspectNotOpened       = 10021606 // 质检服务未开通
	CodeInspectSuspended       = 10021607 // 质检服务已暂停,账户余额低于阈值
	CodeInspectBadParams       = 10021608 // 参数非法
	CodeInspectBadWaybill      = 10021622 // 物流单号非法
	CodeInspectTooManyChanges  = 10021623 // 超出修改次数上限
	CodeInspectLogisticsState  = 10021624 // 当前订单质检状态不允许修改物流
	CodeInspectPartial         = 10021625 // 物流信息修改部分成功,可稍后重试
	CodeInspectCarrierMismatch = 10021626 // 快递公司跟物流单号不匹配

	CodeWecomBadParams     = 914910001 // get_wecom_id: 参数非法
	CodeWecomNotLinked     = 914911001 // 未绑定企业为关联账号
	CodeWecomUserNotFound  = 914911002 // 查询不到user_id
	CodeWecomNotAuthorised = 914911003 // 企业微信未授权微信小店

	CodeCooperationBadSharer = 803131000 // cooperation: sharer_id 非法,请参考枚举定义
	CodeCooperationFlow      = 788191005 // cooperation: 业务流程异常 (see the state machine)
	CodeCooperationNotBound  = 788191008 // cooperation: 店铺与合作账号之间没有绑定

	CodeInvoiceFileLink   = 987100118 // subsidy: 上传发票文件失败, 链接无效
	CodeInvoiceFileFormat = 987100119 // subsidy: 暂不支持的文件格式
	CodeInvoiceFileSize   = 987100120 // subsidy: 上传发票文件过大, 最大支持1M
)
