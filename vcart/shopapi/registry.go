package shopapi

import (
	"net/http"
	"slices"
	"sort"
)

// Endpoint is one row of the registry: an endpoint of the shop API that the
// client implements. [Endpoints] lists them all; the README's coverage table
// is generated from it and checked against the platform's index.
type Endpoint struct {
	// Method is the HTTP method (GET or POST).
	Method string
	// Path is the path as the official store index spells it; the client
	// sends this spelling.
	Path string
	// Aliases are other spellings the platform answers for the same
	// endpoint (the older /channels/ec/… forms of the /shop/ec/… paths).
	// The rate limiter and the quota look-ups count them as Path.
	Aliases []string
	// Idempotent reports whether a call can be repeated without a second
	// effect, so the client retries it after an ambiguous failure (a
	// timeout, a 5xx). A non-idempotent write is retried only when it
	// provably was not applied.
	Idempotent bool
	// Group is the endpoint's group in the platform's index (product,
	// order, aftersale, …).
	Group string
	// Name is the endpoint's name in the official documentation.
	Name string
	// Doc is the address of the official doc page, whose request and
	// response examples the conformance tests hold the client to.
	Doc string
}

// Endpoints returns the registry: every endpoint the client implements,
// sorted by path. The slice is a fresh copy.
func Endpoints() []Endpoint {
	out := make([]Endpoint, len(registry))
	for i, e := range registry {
		e.Aliases = slices.Clone(e.Aliases)
		out[i] = e
	}
	return out
}

// LookupEndpoint returns the registry row of path, which may be an alias.
func LookupEndpoint(path string) (Endpoint, bool) {
	i, ok := registryIndex[path]
	if !ok {
		return Endpoint{}, false
	}
	e := registry[i]
	e.Aliases = slices.Clone(e.Aliases)
	return e, true
}

// canonicalPath returns the registry's spelling of path (path itself when
// it is not an alias or not in the registry).
func canonicalPath(path string) string {
	if i, ok := registryIndex[path]; ok {
		return registry[i].Path
	}
	return path
}

// ep returns the client's endpoint value for a registry path. A path
// missing from the registry is a programming error in this package: it
// panics when the package is initialised, so every test run catches it.
func ep(path string) endpoint {
	i, ok := registryIndex[path]
	if !ok || registry[i].Path != path {
		panic("shopapi: endpoint " + path + " is not a registry path")
	}
	e := registry[i]
	return endpoint{method: e.Method, path: e.Path, idempotent: e.Idempotent}
}

// registryIndex maps every path and alias to its row in registry.
var registryIndex = indexRegistry(registry)

func indexRegistry(rows []Endpoint) map[string]int {
	m := make(map[string]int, len(rows)*2)
	add := func(p string, i int) {
		if _, dup := m[p]; dup {
			panic("shopapi: registry path " + p + " listed twice")
		}
		m[p] = i
	}
	for i, e := range rows {
		add(e.Path, i)
		for _, a := range e.Aliases {
			add(a, i)
		}
	}
	return m
}

// registry is the table of implemented endpoints, by group as in the
// platform's index (reference: shop-api-index.tsv, copied to
// testdata/shop-api-index.tsv). To add an endpoint, add its row in its
// group's section (see the package doc, "Adding an endpoint").
var registry = sortedRegistry([]Endpoint{

	// group: address

	// group: aftersale
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/acceptapply", Idempotent: false, Group: "aftersale", Name: "同意售后",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/acceptapply.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/getaftersalelist", Idempotent: true, Group: "aftersale", Name: "获取售后单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/getaftersalelist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/getaftersaleorder", Idempotent: true, Group: "aftersale", Name: "获取售后单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/getaftersaleorder.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/reason/get", Idempotent: true, Group: "aftersale", Name: "获取全量售后原因",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/getaftersalereason.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/rejectapply", Idempotent: false, Group: "aftersale", Name: "拒绝售后",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-aftersale/api_rejectapply"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/rejectreason/get", Idempotent: true, Group: "aftersale", Name: "获取拒绝售后原因",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/getrejectreason.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/uploadrefundcertificate", Idempotent: true, Group: "aftersale", Name: "上传退款凭证",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/uploadrefundcertificate.html"},

	// group: basics
	{Method: http.MethodGet, Path: "/channels/ec/basics/info/get", Idempotent: true, Group: "basics", Name: "获取店铺基本信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getbasicinfo.html"},
	{Method: http.MethodPost, Path: "/shop/ec/basics/img/upload", Aliases: []string{"/channels/ec/basics/img/upload"}, Idempotent: true, Group: "basics", Name: "上传图片",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/resource/api_img_upload"},
	{Method: http.MethodPost, Path: "/shop/ec/basics/qualification/upload", Aliases: []string{"/channels/ec/basics/qualification/upload"}, Idempotent: true, Group: "basics", Name: "上传资质图片",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/qualificationupload.html"},

	// group: brand
	{Method: http.MethodPost, Path: "/shop/ec/brand/all", Aliases: []string{"/channels/ec/brand/all"}, Idempotent: true, Group: "brand", Name: "获取品牌库列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/all_get.html"},

	// group: brand-apply
	{Method: http.MethodPost, Path: "/channels/ec/brand/get", Idempotent: true, Group: "brand-apply", Name: "获取品牌资质申请详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/brand/list/get", Idempotent: true, Group: "brand-apply", Name: "获取品牌资质申请列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/list_get.html"},

	// group: category
	{Method: http.MethodPost, Path: "/channels/ec/category/availablesoncategories/get", Idempotent: true, Group: "category", Name: "获取可用的子类目详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/getavailablesoncategories.html"},
	{Method: http.MethodGet, Path: "/channels/ec/category/list/get", Idempotent: true, Group: "category", Name: "获取账号申请通过的类目和资质信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/getavailablebizcat.html"},
	{Method: http.MethodGet, Path: "/shop/ec/category/all", Aliases: []string{"/channels/ec/category/all"}, Idempotent: true, Group: "category", Name: "获取所有类目",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/getallcategory.html"},
	{Method: http.MethodPost, Path: "/shop/ec/category/detail", Aliases: []string{"/channels/ec/category/detail"}, Idempotent: true, Group: "category", Name: "获取类目信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/getcategorydetail.html"},

	// group: category-apply

	// group: compass

	// group: complaint
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/addcomplaintmaterial", Idempotent: false, Group: "complaint", Name: "商家补充纠纷单留言",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/complaint/addcomplaintmaterial.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/addcomplaintproof", Idempotent: false, Group: "complaint", Name: "商家举证",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/complaint/addcomplaintproof.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/getcomplaintorder", Idempotent: true, Group: "complaint", Name: "获取纠纷单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/complaint/getcomplaintorder.html"},

	// group: cooperation

	// group: coupon
	{Method: http.MethodPost, Path: "/channels/ec/coupon/create", Idempotent: false, Group: "coupon", Name: "创建优惠券",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/coupon/create.html"},
	{Method: http.MethodPost, Path: "/channels/ec/coupon/get", Idempotent: true, Group: "coupon", Name: "获取优惠券详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/coupon/get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/coupon/get_list", Idempotent: true, Group: "coupon", Name: "获取优惠券ID列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/coupon/get_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/coupon/get_user_coupon", Idempotent: true, Group: "coupon", Name: "获取用户优惠券详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/coupon/get_user_coupon.html"},
	{Method: http.MethodPost, Path: "/channels/ec/coupon/get_user_coupon_list", Idempotent: true, Group: "coupon", Name: "获取用户优惠券ID列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/coupon/get_user_coupon_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/coupon/update", Idempotent: true, Group: "coupon", Name: "更新优惠券内容",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/coupon/update.html"},
	{Method: http.MethodPost, Path: "/channels/ec/coupon/update_status", Idempotent: true, Group: "coupon", Name: "更新优惠券状态",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/coupon/update_status.html"},

	// group: delivery
	{Method: http.MethodPost, Path: "/channels/ec/order/delivery/send", Idempotent: false, Group: "delivery", Name: "订单发货",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/delivery_send.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/deliverycompanylist/get", Idempotent: true, Group: "delivery", Name: "获取快递公司列表-旧",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/deliverycompanylist_get.html"},

	// group: dropship

	// group: ewaybill

	// group: favorites

	// group: flashsale
	{Method: http.MethodPost, Path: "/channels/ec/product/limiteddiscounttask/add", Idempotent: false, Group: "flashsale", Name: "添加限时抢购任务",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/limiteddiscounttask/add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/limiteddiscounttask/delete", Idempotent: true, Group: "flashsale", Name: "删除限时抢购任务",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/limiteddiscounttask/delete.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/limiteddiscounttask/list/get", Idempotent: true, Group: "flashsale", Name: "获取限时抢购任务列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/limiteddiscounttask/list_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/limiteddiscounttask/stop", Idempotent: true, Group: "flashsale", Name: "停止限时抢购任务",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/limiteddiscounttask/stop.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/limiteddiscounttask/update", Idempotent: true, Group: "flashsale", Name: "更新限时抢购任务",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/limiteddiscounttask/api_updatelimiteddiscounttask.html"},

	// group: freight

	// group: funds
	{Method: http.MethodPost, Path: "/channels/ec/funds/getbalance", Idempotent: true, Group: "funds", Name: "获取账户余额",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/getbalance.html"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/getfundsflowdetail", Idempotent: true, Group: "funds", Name: "获取资金流水详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/getfundsflowdetail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/getfundsflowlist", Idempotent: true, Group: "funds", Name: "获取资金流水列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/getfundsflowlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/getwithdrawdetail", Idempotent: true, Group: "funds", Name: "获取提现记录",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/getwithdrawdetail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/getwithdrawlist", Idempotent: true, Group: "funds", Name: "获取提现记录列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/getwithdrawlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/listorderflow", Idempotent: true, Group: "funds", Name: "查询订单流水列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/funds/api_listorderflow"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/submitwithdraw", Idempotent: false, Group: "funds", Name: "商户提现",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/submitwithdraw.html"},

	// group: funds-bank

	// group: gift
	{Method: http.MethodPost, Path: "/channels/ec/product/activity/add", Idempotent: false, Group: "gift", Name: "创建赠品活动",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/giftactivity/add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/activity/del", Idempotent: true, Group: "gift", Name: "删除赠品活动",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/giftactivity/del.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/activity/stop", Idempotent: true, Group: "gift", Name: "停止赠品活动",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/giftactivity/shop.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/gift/add", Idempotent: false, Group: "gift", Name: "添加非卖商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/gift/gift_add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/gift/get", Idempotent: true, Group: "gift", Name: "获取赠品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/gift/gift_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/gift/list/get", Idempotent: true, Group: "gift", Name: "获取赠品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/gift/gift_list_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/gift/onsale/set", Idempotent: false, Group: "gift", Name: "在售商品转赠品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/gift/api_setproductasgift.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/gift/stock/update", Idempotent: false, Group: "gift", Name: "更新赠品库存",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/gift/gift_update_stock.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/gift/update", Idempotent: false, Group: "gift", Name: "更新非卖商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/gift/gift_update.html"},

	// group: guarantee

	// group: headsupplier

	// group: homepage

	// group: invoice

	// group: kf

	// group: leads

	// group: league

	// group: link

	// group: live

	// group: miniprogram

	// group: network

	// group: order
	{Method: http.MethodPost, Path: "/channels/ec/order/address/update", Idempotent: false, Group: "order", Name: "修改订单地址",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/address_update.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/addressmodify/accept", Idempotent: false, Group: "order", Name: "同意用户修改收货地址申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/accept_address_modify_apply.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/addressmodify/reject", Idempotent: false, Group: "order", Name: "拒绝用户修改收货地址申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/reject_address_modify_apply.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/get", Idempotent: true, Group: "order", Name: "获取订单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/list/get", Idempotent: true, Group: "order", Name: "获取订单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/list_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/merchantnotes/update", Idempotent: true, Group: "order", Name: "修改订单备注",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/merchantnotes_update.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/price/update", Idempotent: true, Group: "order", Name: "修改订单价格",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/price_update.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/search", Idempotent: true, Group: "order", Name: "订单搜索",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/search.html"},

	// group: order-extra

	// group: product
	{Method: http.MethodPost, Path: "/channels/ec/product/add", Idempotent: false, Group: "product", Name: "添加商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/audit/cancel", Idempotent: false, Group: "product", Name: "撤回商品审核",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/audit_cancel.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/auditfree", Idempotent: false, Group: "product", Name: "免审更新商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/audit_free.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/delete", Idempotent: false, Group: "product", Name: "删除商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/delete.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/delisting", Idempotent: true, Group: "product", Name: "下架商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/delisting.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/get", Idempotent: true, Group: "product", Name: "获取商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/list/get", Idempotent: true, Group: "product", Name: "获取商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/list_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/listing", Idempotent: true, Group: "product", Name: "上架商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/listing.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/update", Idempotent: true, Group: "product", Name: "更新商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/update.html"},

	// group: product-tool

	// group: qic

	// group: quota
	{Method: http.MethodPost, Path: "/cgi-bin/openapi/quota/get", Idempotent: true, Group: "quota", Name: "查询API调用额度",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/getApiQuota.html"},

	// group: sharer
	{Method: http.MethodPost, Path: "/channels/ec/sharer/bind", Idempotent: true, Group: "sharer", Name: "邀请分享员",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/sharer/bindsharer.html"},
	{Method: http.MethodPost, Path: "/channels/ec/sharer/get_sharer_list", Idempotent: true, Group: "sharer", Name: "获取绑定的分享员列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/sharer/get_sharer_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/sharer/get_sharer_order_list", Idempotent: true, Group: "sharer", Name: "获取分享员订单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/sharer/get_sharer_order_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/sharer/search_sharer", Idempotent: true, Group: "sharer", Name: "获取绑定的分享员",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/sharer/search_sharer.html"},
	{Method: http.MethodPost, Path: "/channels/ec/sharer/unbind", Idempotent: true, Group: "sharer", Name: "解绑分享员",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/sharer/unbindsharer.html"},

	// group: stock
	{Method: http.MethodPost, Path: "/channels/ec/product/stock/batchget", Idempotent: true, Group: "stock", Name: "批量获取库存信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/batchget_stock.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/stock/get", Idempotent: true, Group: "stock", Name: "获取库存",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/get_stock.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/stock/update", Idempotent: false, Group: "stock", Name: "快速更新库存",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/stock_update.html"},

	// group: talent

	// group: token
	{Method: http.MethodPost, Path: "/cgi-bin/stable_token", Idempotent: true, Group: "token", Name: "获取稳定版接口调用凭据",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getStableAccessToken.html"},
	{Method: http.MethodGet, Path: "/cgi-bin/token", Idempotent: true, Group: "token", Name: "获取接口调用凭据",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getaccesstoken.html"},

	// group: vip
	{Method: http.MethodPost, Path: "/channels/ec/vip/user/grade/update", Idempotent: true, Group: "vip", Name: "更新用户等级",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/vip/grade/update_user.html"},
	{Method: http.MethodPost, Path: "/channels/ec/vip/user/info/get", Idempotent: true, Group: "vip", Name: "获取用户信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/vip/api_getuserinfo.html"},
	{Method: http.MethodPost, Path: "/channels/ec/vip/user/list/get", Idempotent: true, Group: "vip", Name: "获取用户列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/vip/api_getuserlist.html"},
	// Idempotent per request_id, as score/increase. The index gives no page:
	// Doc is the member guide that lists it.
	{Method: http.MethodPost, Path: "/channels/ec/vip/user/score/decrease", Idempotent: true, Group: "vip", Name: "减少用户积分",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/guide/marketing/vip.html"},
	{Method: http.MethodPost, Path: "/channels/ec/vip/user/score/flowrecord/get", Idempotent: true, Group: "vip", Name: "获取用户积分流水",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/vip/api_getuserscoreflowrecord.html"},
	{Method: http.MethodPost, Path: "/channels/ec/vip/user/score/get", Idempotent: true, Group: "vip", Name: "获取用户积分",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/vip/api_getvipuserscore.html"},
	// Idempotent: the body carries request_id (请求唯一ID), which the platform
	// applies once; the client requires one, so a retry never applies twice.
	{Method: http.MethodPost, Path: "/channels/ec/vip/user/score/increase", Idempotent: true, Group: "vip", Name: "增加用户积分",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/vip/score/incr_user_score.html"},
	{Method: http.MethodPost, Path: "/channels/ec/vip/v3/wxa/info/get", Idempotent: true, Group: "vip", Name: "小店获取关联小程序信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wxamember/shop/get_wxa_bind_info.html"},
	{Method: http.MethodPost, Path: "/wxa/vip/shop/list/get", Idempotent: true, Group: "vip", Name: "获取小程序已关联小店列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wxamember/wxa/get_bind_shop_list.html"},
	{Method: http.MethodPost, Path: "/wxa/vip/user/info/add", Idempotent: false, Group: "vip", Name: "新增小程序会员信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wxamember/wxa/add_vip_member.html"},
	{Method: http.MethodPost, Path: "/wxa/vip/user/info/delete", Idempotent: true, Group: "vip", Name: "删除小程序会员信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wxamember/wxa/delete_vip_member.html"},
	{Method: http.MethodPost, Path: "/wxa/vip/user/info/get", Idempotent: true, Group: "vip", Name: "获取小程序会员信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wxamember/wxa/get_vip_member.html"},
	{Method: http.MethodPost, Path: "/wxa/vip/user/info/update", Idempotent: true, Group: "vip", Name: "更新小程序会员信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wxamember/wxa/update_vip_member.html"},
	{Method: http.MethodPost, Path: "/wxa/vip/user/list/get", Idempotent: true, Group: "vip", Name: "获取小程序会员列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wxamember/wxa/get_vip_member_list.html"},

	// group: warehouse

	// group: window
})

func sortedRegistry(rows []Endpoint) []Endpoint {
	sort.Slice(rows, func(i, j int) bool { return rows[i].Path < rows[j].Path })
	return rows
}
