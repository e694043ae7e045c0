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
	{Method: http.MethodPost, Path: "/channels/ec/merchant/address/add", Idempotent: false, Group: "address", Name: "添加地址",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/address/add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/address/delete", Idempotent: false, Group: "address", Name: "删除地址",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/address/delete.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/address/get", Idempotent: true, Group: "address", Name: "获取地址详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/address/get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/address/list", Idempotent: true, Group: "address", Name: "获取地址列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/address/list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/address/update", Idempotent: true, Group: "address", Name: "更新地址",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/address/update.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/acceptexchangereship", Idempotent: false, Group: "aftersale", Name: "换货发货",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/acceptexchangereship.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/applyvirtualtelnum", Idempotent: false, Group: "aftersale", Name: "售后单兑换虚拟号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/applyvirtualtelnumber.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/genaftersaleorder", Idempotent: false, Group: "aftersale", Name: "代用户发起售后",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/genaftersaleorder.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/handlefastexchangereceipt", Idempotent: false, Group: "aftersale", Name: "商家处理极速换货用户退货",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-aftersale/api_handlefastexchangereceipt"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/merchantupdateaftersale", Idempotent: false, Group: "aftersale", Name: "商家协商",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/merchantupdateaftersale.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/refundpricediff", Idempotent: false, Group: "aftersale", Name: "代用户发起退差价",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-aftersale/api_refundpricediff.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/rejectexchangereship", Idempotent: false, Group: "aftersale", Name: "换货拒绝发货",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/rejectexchangereship.html"},

	// group: basics
	{Method: http.MethodGet, Path: "/channels/ec/basics/info/get", Idempotent: true, Group: "basics", Name: "获取店铺基本信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getbasicinfo.html"},
	{Method: http.MethodPost, Path: "/shop/ec/basics/img/upload", Aliases: []string{"/channels/ec/basics/img/upload"}, Idempotent: true, Group: "basics", Name: "上传图片",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/resource/api_img_upload"},
	{Method: http.MethodPost, Path: "/shop/ec/basics/qualification/upload", Aliases: []string{"/channels/ec/basics/qualification/upload"}, Idempotent: true, Group: "basics", Name: "上传资质图片",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/qualificationupload.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/addresscode/get", Idempotent: true, Group: "basics", Name: "获取地址行政编码",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getaddresscode.html"},
	// media/get answers bytes (a JSON envelope only on failure).
	{Method: http.MethodGet, Path: "/channels/ec/basics/media/get", Idempotent: true, Group: "basics", Name: "通过mediaid获取数据",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/basics/getdatabymediaid.html"},
	{Method: http.MethodPost, Path: "/channels/ec/wecom/get_wecom_id", Idempotent: true, Group: "basics", Name: "获取关联账号企微id",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/wecom/getwecomid.html"},

	// group: brand
	{Method: http.MethodPost, Path: "/shop/ec/brand/all", Aliases: []string{"/channels/ec/brand/all"}, Idempotent: true, Group: "brand", Name: "获取品牌库列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/all_get.html"},

	// group: brand-apply
	{Method: http.MethodPost, Path: "/channels/ec/brand/delete", Idempotent: false, Group: "brand-apply", Name: "删除品牌资质",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/delete.html"},
	{Method: http.MethodPost, Path: "/channels/ec/brand/update", Idempotent: false, Group: "brand-apply", Name: "更新品牌资质",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/update.html"},
	{Method: http.MethodPost, Path: "/channels/ec/brand/valid/list/get", Idempotent: true, Group: "brand-apply", Name: "获取生效中的品牌资质列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/valid_list_get.html"},
	{Method: http.MethodPost, Path: "/shop/ec/brand/add", Aliases: []string{"/channels/ec/brand/add"}, Idempotent: false, Group: "brand-apply", Name: "新增品牌资质",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/add.html"},
	{Method: http.MethodPost, Path: "/shop/ec/brand/audit/cancel", Aliases: []string{"/channels/ec/brand/audit/cancel"}, Idempotent: false, Group: "brand-apply", Name: "撤回品牌资质审核",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/brand/audit_cancel.html"},
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
	{Method: http.MethodPost, Path: "/shop/ec/category/getcategoryproductrule", Idempotent: true, Group: "category", Name: "获取类目下商品发布规则",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category-rule/api_getcategoryproductrule.html"},
	{Method: http.MethodPost, Path: "/shop/ec/category/getcategoryrule", Idempotent: true, Group: "category", Name: "获取保证金类目规则 / 获取发货方式类目规则",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category-rule/api_get_category_rule.html"},

	// group: category-apply
	{Method: http.MethodPost, Path: "/channels/ec/category/add", Idempotent: false, Group: "category-apply", Name: "申请类目",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/category/audit/get", Idempotent: true, Group: "category-apply", Name: "获取类目审核结果",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/audit_get.html"},
	{Method: http.MethodPost, Path: "/shop/ec/category/audit/cancel", Aliases: []string{"/channels/ec/category/audit/cancel"}, Idempotent: false, Group: "category-apply", Name: "撤销类目审核",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/cancelauditcategory.html"},
	{Method: http.MethodPost, Path: "/shop/ec/category/get_category_relation_detail", Idempotent: true, Group: "category-apply", Name: "获取店铺的类目权限详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-category/api_getcategoryrelationdetail.html"},
	{Method: http.MethodPost, Path: "/shop/ec/category/get_category_relation_list", Idempotent: true, Group: "category-apply", Name: "获取店铺的类目权限列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/category/get_category_relation_list.html"},
	{Method: http.MethodPost, Path: "/shop/ec/category/getbizcatflowdetail", Idempotent: true, Group: "category-apply", Name: "获取店铺的类目审核单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-category/api_getbizcatflowdetail.html"},
	{Method: http.MethodPost, Path: "/shop/ec/category/getbizcatflowlist", Idempotent: true, Group: "category-apply", Name: "获取店铺的类目审核单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-category/api_getbizcatflowlist.html"},

	// group: compass
	{Method: http.MethodPost, Path: "/channels/ec/compass/finder/overall/get", Idempotent: true, Group: "compass", Name: "获取电商概览数据（达人版）",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/compass/finder/getfinderoverall.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/finder/product/data/get", Idempotent: true, Group: "compass", Name: "获取带货商品数据（达人版）",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/compass/finder/getfinderproductdata.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/finder/product/list/get", Idempotent: true, Group: "compass", Name: "获取带货商品列表（达人版）",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/compass/finder/getfinderproductlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/finder/sale/profile/data/get", Idempotent: true, Group: "compass", Name: "获取带货人群数据（达人版）",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/compass/finder/getfindersaleprofiledata.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/finder/authorization/list/get", Idempotent: true, Group: "compass", Name: "获取授权视频号列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/get_finder_authorization_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/finder/list/get", Idempotent: true, Group: "compass", Name: "获取带货达人列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopfinderlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/finder/overall/get", Idempotent: true, Group: "compass", Name: "获取带货数据概览",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopfinderoverall.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/finder/product/list/get", Idempotent: true, Group: "compass", Name: "获取带货达人商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopfinderproductlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/finder/product/overall/get", Idempotent: true, Group: "compass", Name: "获取带货达人详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopfinderproductoverall.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/live/list/get", Idempotent: true, Group: "compass", Name: "获取店铺开播列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshoplivelist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/overall/get", Idempotent: true, Group: "compass", Name: "获取电商数据概览",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopoverall.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/product/data/get", Idempotent: true, Group: "compass", Name: "获取商品详细信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopproductdata.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/product/list/get", Idempotent: true, Group: "compass", Name: "获取商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopproductlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/compass/shop/sale/profile/data/get", Idempotent: true, Group: "compass", Name: "获取店铺人群数据",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/compass/shop/getshopsaleprofiledata.html"},

	// group: complaint
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/addcomplaintmaterial", Idempotent: false, Group: "complaint", Name: "商家补充纠纷单留言",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/complaint/addcomplaintmaterial.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/addcomplaintproof", Idempotent: false, Group: "complaint", Name: "商家举证",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/complaint/addcomplaintproof.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/getcomplaintorder", Idempotent: true, Group: "complaint", Name: "获取纠纷单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/complaint/getcomplaintorder.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/syncworkorder", Idempotent: true, Group: "complaint", Name: "同步工单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/complaint/api_mmecapi_syncworkorder"},

	// group: cooperation
	// Cancel and unbind set a state (repeating them answers 788191005, not a
	// second effect); a new invitation QR code is harmless: all idempotent.
	{Method: http.MethodPost, Path: "/channels/ec/cooperation/invitation/cancel", Idempotent: true, Group: "cooperation", Name: "取消合作账号邀请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/cooperation/cancel_invitation.html"},
	{Method: http.MethodPost, Path: "/channels/ec/cooperation/invitation/get", Idempotent: true, Group: "cooperation", Name: "查看合作账号邀请状态",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/cooperation/generate_invitation_qrcode.html"},
	{Method: http.MethodPost, Path: "/channels/ec/cooperation/invitation/qrcode/generate", Idempotent: true, Group: "cooperation", Name: "邀请合作账号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/cooperation/generate_invitation_qrcode.html"},
	{Method: http.MethodPost, Path: "/channels/ec/cooperation/list", Idempotent: true, Group: "cooperation", Name: "获取合作账号列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/cooperation/list_sharer.html"},
	// The index gives no page; Doc is the page found by its name.
	{Method: http.MethodPost, Path: "/channels/ec/cooperation/unbind", Idempotent: true, Group: "cooperation", Name: "解绑合作账号",
		Doc: "https://developers.weixin.qq.com/doc/store/API/cooperation/unbind.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/order/deliverycompanylist/new/get", Idempotent: true, Group: "delivery", Name: "获取快递公司列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/deliverycompanylist_get_new.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/delivery/compensation", Idempotent: false, Group: "delivery", Name: "订单补发货",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-delivery/delivery/api_delivery_compensation.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/phonenumber/get", Idempotent: true, Group: "delivery", Name: "根据运单号获取真实手机号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/logistics/delivery_virtual_number_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/phonenumberpool/get", Idempotent: true, Group: "delivery", Name: "获取虚拟号码池",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/logistics/delivery_virtual_number.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/virtualnumber/get", Idempotent: true, Group: "delivery", Name: "根据运单号获取虚拟手机号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/logistics/delivery_virtual_number_get_virtual.html"},

	// group: dropship
	{Method: http.MethodPost, Path: "/channels/ec/order/dropship/assign", Idempotent: false, Group: "dropship", Name: "分配订单代发",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/order/api_dropship_assign.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/dropship/cancel", Idempotent: false, Group: "dropship", Name: "取消分配代发单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/order/api_dropship_cancel.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/dropship/get", Idempotent: true, Group: "dropship", Name: "查询代发单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/order/api_dropship_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/dropship/list", Idempotent: true, Group: "dropship", Name: "拉取代发单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/order/api_dropship_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/dropship/search", Idempotent: true, Group: "dropship", Name: "搜索代发单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/order/api_dropship_search.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/get_distribute", Idempotent: true, Group: "dropship", Name: "获取分配方式",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/auto/api_get_distribution.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/get_product_default_distribute", Idempotent: true, Group: "dropship", Name: "获取商品对应的自动分配供货商",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/auto/api_get_product_default_distribution.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/get_product_list", Idempotent: true, Group: "dropship", Name: "获取按商品自动分配的商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/auto/api_get_product_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/get_supplier_list", Idempotent: true, Group: "dropship", Name: "获取供货商列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/relation/api_get_supplier_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/invite_supplier", Idempotent: false, Group: "dropship", Name: "申请关联供货商",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/relation/api_invite_supplier.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/set_all_distribution", Idempotent: true, Group: "dropship", Name: "设置全店订单自动分配",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/auto/api_set_all_distribution.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/set_manually_distribute", Idempotent: true, Group: "dropship", Name: "设置全店订单手动分配",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/auto/api_set_manually_distribution.html"},
	{Method: http.MethodPost, Path: "/channels/ec/supplier/relation/set_product_distribute", Idempotent: true, Group: "dropship", Name: "设置按商品自动分配",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/supplier/auto/api_set_product_distribution.html"},

	// group: ewaybill
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/account/get", Idempotent: true, Group: "ewaybill", Name: "查询开通的电子面单网点/账号信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/get_account.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/delivery/get", Idempotent: true, Group: "ewaybill", Name: "查询开通的快递公司列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/get_acctdeliverylist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/order/addsuborder", Idempotent: false, Group: "ewaybill", Name: "电子面单子件追加",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/add_suborder.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/order/batchprint", Idempotent: true, Group: "ewaybill", Name: "批量打印通知",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/batchnotify_print.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/order/cancel", Idempotent: false, Group: "ewaybill", Name: "电子面单取消下单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/cancel_order.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/order/create", Idempotent: false, Group: "ewaybill", Name: "电子面单取号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/create_order.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/order/get", Idempotent: true, Group: "ewaybill", Name: "查询面单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/get_order.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/order/precreate", Idempotent: false, Group: "ewaybill", Name: "电子面单预取号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/precreate_order.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/order/print", Idempotent: true, Group: "ewaybill", Name: "打印成功通知",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/notify_print.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/print/get", Idempotent: true, Group: "ewaybill", Name: "获取打印报文",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/get_print_info.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/template/config", Idempotent: true, Group: "ewaybill", Name: "获取面单标准模板",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/get_template_config.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/template/create", Idempotent: false, Group: "ewaybill", Name: "新增面单模板",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/add_template.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/template/delete", Idempotent: false, Group: "ewaybill", Name: "删除面单模版",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/delete_template.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/template/get", Idempotent: true, Group: "ewaybill", Name: "获取面单模板信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/get_template.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/template/getbyid", Idempotent: true, Group: "ewaybill", Name: "根据模板ID获取面单模板信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/get_templatebyid.html"},
	{Method: http.MethodPost, Path: "/channels/ec/logistics/ewaybill/biz/template/update", Idempotent: true, Group: "ewaybill", Name: "更新面单模版",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/ewaybill/update_template.html"},

	// group: favorites
	{Method: http.MethodPost, Path: "/channels/ec/favorites/count/get", Idempotent: true, Group: "favorites", Name: "获取店铺收藏的人数",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/favorite/shopfavorite/api_getfavoritescount.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/merchant/addfreighttemplate", Idempotent: false, Group: "freight", Name: "增加运费模版",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/addfreighttemplate.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/getfreighttemplatedetail", Idempotent: true, Group: "freight", Name: "查询运费模版",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/getfreighttemplatedetail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/getfreighttemplatelist", Idempotent: true, Group: "freight", Name: "获取运费模板列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/getfreighttemplatelist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/updatefreighttemplate", Idempotent: true, Group: "freight", Name: "更新运费模版",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/merchant/updatefreighttemplate.html"},

	// group: funds
	{Method: http.MethodPost, Path: "/channels/ec/funds/getbalance", Idempotent: true, Group: "funds", Name: "获取账户余额",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/getbalance.html"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/getbankacct", Idempotent: true, Group: "funds", Name: "获取结算账户",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/getbankacct.html"},
	{Method: http.MethodPost, Path: "/channels/ec/funds/setbankacct", Idempotent: true, Group: "funds", Name: "修改结算账户",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/funds/setbankacct.html"},
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
	{Method: http.MethodPost, Path: "/shop/funds/getbankbynum", Idempotent: true, Group: "funds-bank", Name: "根据卡号查银行信息",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/funds/bank/getbankbynum.html"},
	{Method: http.MethodPost, Path: "/shop/funds/getbanklist", Idempotent: true, Group: "funds-bank", Name: "搜索银行列表",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/funds/bank/getbanklist.html"},
	{Method: http.MethodPost, Path: "/shop/funds/getcity", Idempotent: true, Group: "funds-bank", Name: "查询城市列表",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/funds/bank/getcity.html"},
	{Method: http.MethodPost, Path: "/shop/funds/getprovince", Idempotent: true, Group: "funds-bank", Name: "查询大陆银行省份列表",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/funds/bank/getprovince.html"},
	{Method: http.MethodPost, Path: "/shop/funds/getsubbranch", Idempotent: true, Group: "funds-bank", Name: "查询支行列表",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/funds/bank/getsubbranch.html"},
	{Method: http.MethodPost, Path: "/shop/funds/qrcode/check", Idempotent: true, Group: "funds-bank", Name: "查询扫码状态",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/funds/qrcode/check.html"},
	{Method: http.MethodPost, Path: "/shop/funds/qrcode/get", Idempotent: true, Group: "funds-bank", Name: "获取二维码",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/funds/qrcode/get.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/getguaranteeorder", Idempotent: true, Group: "guarantee", Name: "获取保障单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/getguaranteeorder.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/merchantacceptguarantee", Idempotent: false, Group: "guarantee", Name: "商家同意保障单申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/merchantacceptguarantee.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/merchantmodifyguarantee", Idempotent: false, Group: "guarantee", Name: "商家协商保障单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/merchantmodifyguarantee.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/merchantproofguarantee", Idempotent: false, Group: "guarantee", Name: "商家举证保障单",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/merchantproofguarantee.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/merchantrefuseguarantee", Idempotent: false, Group: "guarantee", Name: "商家拒绝保障单申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/merchantrefuseguarantee.html"},
	{Method: http.MethodPost, Path: "/channels/ec/aftersale/searchguaranteeorder", Idempotent: true, Group: "guarantee", Name: "商家获取保障单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/aftersale/searchguaranteeorder.html"},

	// group: headsupplier
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/funds/balance/get", Idempotent: true, Group: "headsupplier", Name: "获取团长账户余额",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getbalance.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/funds/flowdetail/get", Idempotent: true, Group: "headsupplier", Name: "获取资金流水详情",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getfundsflowdeatail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/funds/flowlist/get", Idempotent: true, Group: "headsupplier", Name: "获取资金流水列表",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getfundsflowlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/item/get", Idempotent: true, Group: "headsupplier", Name: "获取合作商品详情",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getitem.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/item/list/get", Idempotent: true, Group: "headsupplier", Name: "获取合作商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getitemlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/order/get", Idempotent: true, Group: "headsupplier", Name: "获取佣金单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getorder.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/order/list/get", Idempotent: true, Group: "headsupplier", Name: "获取佣金单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getorderlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/shop/get", Idempotent: true, Group: "headsupplier", Name: "获取合作小店详情",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getshop.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/shop/list/get", Idempotent: true, Group: "headsupplier", Name: "获取合作小店列表",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getshoplist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/window/add", Idempotent: false, Group: "headsupplier", Name: "添加团长商品到橱窗",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/windowproduct/add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/window/getall", Idempotent: true, Group: "headsupplier", Name: "查询橱窗上团长商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getallwindow.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/window/getdetail", Idempotent: true, Group: "headsupplier", Name: "查询橱窗上团长商品详情",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getwindowdetail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/window/remove", Idempotent: true, Group: "headsupplier", Name: "从橱窗移除团长商品",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/removewindow.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/windowauth/get", Idempotent: true, Group: "headsupplier", Name: "获取达人橱窗授权链接",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getauth.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/headsupplier/windowauth/status/get", Idempotent: true, Group: "headsupplier", Name: "获取达人橱窗授权状态",
		Doc: "https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/getauthstatus.html"},

	// group: homepage
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/background/apply/cancel", Idempotent: false, Group: "homepage", Name: "撤销主页背景图申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/background/cancel_background_apply.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/background/apply/submit", Idempotent: false, Group: "homepage", Name: "提交背景图申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/background/submit_background_apply.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/background/get", Idempotent: true, Group: "homepage", Name: "查询背景图",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/background/get_background.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/background/remove", Idempotent: true, Group: "homepage", Name: "清空主页背景图并撤销流程中的申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/background/remove_background.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/banner/apply/cancel", Idempotent: false, Group: "homepage", Name: "撤销精选展示位申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/banner/cancel_banner_apply.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/banner/apply/submit", Idempotent: false, Group: "homepage", Name: "提交精选展示位申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/banner/submit_banner_apply.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/banner/get", Idempotent: true, Group: "homepage", Name: "查询精选展示位",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/banner/get_banner.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/homepage/banner/remove", Idempotent: true, Group: "homepage", Name: "清空精选展示位并撤销流程中的申请",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/banner/remove_banner.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/classification/tree/get", Idempotent: true, Group: "homepage", Name: "获取在店铺主页展示的商品分类",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/classification/getclassificationtree.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/classification/tree/product/add", Idempotent: true, Group: "homepage", Name: "添加分类关联的商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/classification/addclassificationproduct.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/classification/tree/product/del", Idempotent: true, Group: "homepage", Name: "删除分类关联的商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/classification/delclassificationproduct.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/classification/tree/product/get", Idempotent: true, Group: "homepage", Name: "获取分类关联的商品ID列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/classification/getclassificationproductlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/classification/tree/set", Idempotent: false, Group: "homepage", Name: "设置展示在店铺主页的商品分类",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/classification/setclassificationtree.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/window/product/hide", Idempotent: true, Group: "homepage", Name: "隐藏小店主页商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/storewindow/set_hide.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/window/product/list/get", Idempotent: true, Group: "homepage", Name: "获取主页展示商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/storewindow/list_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/window/product/reorder", Idempotent: true, Group: "homepage", Name: "重新排序主页展示商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/storewindow/reorder.html"},
	{Method: http.MethodPost, Path: "/channels/ec/store/window/product/settop", Idempotent: true, Group: "homepage", Name: "置顶小店主页商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/homepage/storewindow/set_top.html"},

	// group: invoice
	// The index gives neither method nor page: the pages (found by name) say
	// POST. An info upload counts against 5 per order: not idempotent.
	{Method: http.MethodPost, Path: "/channels/ec/subsidy/query_invoicing_info", Idempotent: true, Group: "invoice", Name: "获取国补订单开票信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/subsidy/invoicing/api_query_invoicing_info.html"},
	{Method: http.MethodPost, Path: "/channels/ec/subsidy/upload_invoice_file", Idempotent: true, Group: "invoice", Name: "上传国补订单发票文件",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/subsidy/invoicing/api_upload_invoice_file.html"},
	{Method: http.MethodPost, Path: "/channels/ec/subsidy/upload_invoice_info", Idempotent: false, Group: "invoice", Name: "上传国补订单发票信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/subsidy/invoicing/api_upload_invoice_info.html"},

	// group: kf
	// An upload is harmless to repeat; a message is sent again unless it
	// carries request_id (the client then marks the call idempotent).
	{Method: http.MethodPost, Path: "/channels/ec/commkf/cosupload", Idempotent: true, Group: "kf", Name: "上传多媒体资源",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/kf/upload_cos/upload_cos_api.html"},
	{Method: http.MethodPost, Path: "/channels/ec/commkf/sendmsg", Idempotent: false, Group: "kf", Name: "发送消息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/kf/send_msg/send_msg_api.html"},

	// group: leads
	{Method: http.MethodPost, Path: "/channels/leads/get_leads_component_id", Idempotent: true, Group: "leads", Name: "获取留资组件Id列表详情",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/leads/get_leads_component_id.html"},
	{Method: http.MethodPost, Path: "/channels/leads/get_leads_component_promote_record", Idempotent: true, Group: "leads", Name: "获取留资组件直播推广记录信息详情",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/leads/get_leads_component_promote_record.html"},
	{Method: http.MethodPost, Path: "/channels/leads/get_leads_info_by_component_id", Idempotent: true, Group: "leads", Name: "按时间获取留资信息详情",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/leads/get_leads_info_by_component_id.html"},
	{Method: http.MethodPost, Path: "/channels/leads/get_leads_info_by_request_id", Idempotent: true, Group: "leads", Name: "按直播场次获取留资信息详情",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/leads/get_leads_info_by_request_id.html"},
	{Method: http.MethodPost, Path: "/channels/leads/get_leads_request_id", Idempotent: true, Group: "leads", Name: "获取留资request_id列表详情",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/leads/get_leads_request_id.html"},

	// group: league
	{Method: http.MethodPost, Path: "/channels/ec/league/item/batchadd", Idempotent: false, Group: "league", Name: "批量新增联盟商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_batchadditem.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/item/delete", Idempotent: false, Group: "league", Name: "删除联盟商品",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_upditem.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/item/get", Idempotent: true, Group: "league", Name: "获取联盟商品详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_getitem.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/item/headsupplier/batchadd", Idempotent: false, Group: "league", Name: "批量新增联盟机构推广",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_batchaddheadsupplieritem.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/item/list/get", Idempotent: true, Group: "league", Name: "获取联盟商品推广列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_getitemlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/item/upd", Idempotent: false, Group: "league", Name: "更新联盟商品信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_upditem.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/promoter/add", Idempotent: false, Group: "league", Name: "新增达人",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_addpromoter.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/promoter/delete", Idempotent: false, Group: "league", Name: "删除达人",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_deletepromoter.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/promoter/get", Idempotent: true, Group: "league", Name: "获取达人详情信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_getpromoter.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/promoter/list/get", Idempotent: true, Group: "league", Name: "获取商店达人列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_getpromoterlist.html"},
	{Method: http.MethodPost, Path: "/channels/ec/league/promoter/upd", Idempotent: false, Group: "league", Name: "编辑达人",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/league/ecleague_updpromoter.html"},

	// group: link
	{Method: http.MethodPost, Path: "/channels/ec/basics/shop/h5url/get", Idempotent: true, Group: "link", Name: "获取店铺H5链接",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getshoph5url.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/shop/qrcode/get", Idempotent: true, Group: "link", Name: "获取店铺二维码",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getshopqrcode.html"},
	{Method: http.MethodPost, Path: "/channels/ec/basics/shop/taglink/get", Idempotent: true, Group: "link", Name: "获取店铺口令",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/basics/getshoptaglink.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/h5url/get", Idempotent: true, Group: "link", Name: "获取商品H5短链",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/get_h5url.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/qrcode/get", Idempotent: true, Group: "link", Name: "获取商品二维码",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/get_qrcode.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/scheme/get", Idempotent: true, Group: "link", Name: "获取商品的移动应用跳转scheme码",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/get_scheme.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/taglink/get", Idempotent: true, Group: "link", Name: "获取商品口令",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/get_taglink.html"},

	// group: live
	{Method: http.MethodPost, Path: "/channels/finderlive/get_finder_attr_by_appid", Idempotent: true, Group: "live", Name: "获取视频号账号信息",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/live/get_finder_attr_by_appid.html"},
	{Method: http.MethodPost, Path: "/channels/finderlive/get_finder_live_data_list", Idempotent: true, Group: "live", Name: "获取留资直播间数据详情",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/live/get_finder_live_data_list.html"},
	{Method: http.MethodPost, Path: "/channels/finderlive/get_finder_live_leads_data", Idempotent: true, Group: "live", Name: "获取账号收集的留资数量",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/live/get_finder_live_leads_data.html"},
	{Method: http.MethodPost, Path: "/channels/livedashboard/getlivedata", Idempotent: true, Group: "live", Name: "获取直播大屏数据",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/livedashboard/getlivedata.html"},
	{Method: http.MethodPost, Path: "/channels/livedashboard/getlivelist", Idempotent: true, Group: "live", Name: "获取直播大屏直播列表",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/livedashboard/getlivelist.html"},

	// group: miniprogram
	// Creating a present or uploading material is not idempotent; setting
	// receivers sets a state. The index points four rows at the older
	// mini-program pages; Doc names the store pages (create's own page was
	// not found: the gift API list that names it).
	{Method: http.MethodPost, Path: "/channels/ec/b2c/activity/info/promoter/get", Idempotent: true, Group: "miniprogram", Name: "查询礼物活动详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_get_activity.html"},
	{Method: http.MethodPost, Path: "/channels/ec/b2c/activity/list/promoter/get", Idempotent: true, Group: "miniprogram", Name: "查询小店礼物活动列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_list_present_activity.html"},
	{Method: http.MethodPost, Path: "/channels/ec/open/get_download_url", Idempotent: true, Group: "miniprogram", Name: "获取文件下载链接",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/get_download_url.html"},
	{Method: http.MethodPost, Path: "/channels/ec/open/upload", Idempotent: false, Group: "miniprogram", Name: "上传资料",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/basic/api_uploadec.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/present/get", Idempotent: true, Group: "miniprogram", Name: "查询礼物订单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_get_present.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/presentlist/get", Idempotent: true, Group: "miniprogram", Name: "查询礼物订单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_get_present_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/presentorder/create", Idempotent: false, Group: "miniprogram", Name: "创建并发送礼物",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/index.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/presentorder/get", Idempotent: true, Group: "miniprogram", Name: "查询礼物订单详情-旧",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_get_present_order.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/presentorder/receiver/set", Idempotent: true, Group: "miniprogram", Name: "指定礼物收礼者",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_set_present_receiver.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/presentorderlist/get", Idempotent: true, Group: "miniprogram", Name: "查询礼物订单列表-旧",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_list_present_order.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/receiverorderlist/get", Idempotent: true, Group: "miniprogram", Name: "查询收礼者订单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/miniandstore/cooperation_gift/api_get_receiver_order_list.html"},

	// group: network
	{Method: http.MethodPost, Path: "/cgi-bin/callback/check", Idempotent: true, Group: "network", Name: "网络通信检测",
		Doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Network_Detection.html"},
	{Method: http.MethodGet, Path: "/cgi-bin/get_api_domain_ip", Idempotent: true, Group: "network", Name: "获取微信API服务器IP",
		Doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html"},
	{Method: http.MethodGet, Path: "/cgi-bin/getcallbackip", Idempotent: true, Group: "network", Name: "获取微信推送服务器IP",
		Doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/order/deliveryinfo/update", Idempotent: true, Group: "order-extra", Name: "修改物流信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/deliveryinfo_update.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/privatenumber/addphone", Idempotent: false, Group: "order-extra", Name: "添加待认证的手机号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_privatenumberaddphone.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/privatenumber/getphone", Idempotent: true, Group: "order-extra", Name: "获取小店手机号认证状态",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_privatenumbergetshopphone.html"},
	{Method: http.MethodPost, Path: "/channels/ec/merchant/privatenumber/sendverifycode", Idempotent: false, Group: "order-extra", Name: "获取短信验证码",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_privatenumbersendverifycode.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/freshinspect/submit", Idempotent: false, Group: "order-extra", Name: "上传生鲜质检信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/fresh_inspect_submit.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/presentnote/add", Idempotent: false, Group: "order-extra", Name: "礼物订单新增备注信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/present_note_add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/presentsuborder/get", Idempotent: true, Group: "order-extra", Name: "获取礼物单的子单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/get_by_presentid.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/preshipmentchangesku/approve", Idempotent: false, Group: "order-extra", Name: "同意待发货前更换sku请求",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/preshipment_change_sku_approve.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/preshipmentchangesku/get", Idempotent: true, Group: "order-extra", Name: "获取所有待发货前更换sku待处理请求",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getpreshipmentchangeskuwaithandlelist"},
	{Method: http.MethodPost, Path: "/channels/ec/order/preshipmentchangesku/reject", Idempotent: false, Group: "order-extra", Name: "拒绝待发货前更换sku请求",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/preshipment_change_sku_reject.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/realnumber/apply", Idempotent: false, Group: "order-extra", Name: "申请查看订单真实号码",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_applyrealnumber.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/realnumberviewaudit/get", Idempotent: true, Group: "order-extra", Name: "查看订单真实号审核状态",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getrealnumberviewaudit.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/sensitiveinfo/decode", Idempotent: true, Group: "order-extra", Name: "解密订单中的详细收货信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/decode_order_sensitive_info.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/virtualnumber/applyagain", Idempotent: false, Group: "order-extra", Name: "订单再次申请虚拟号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_applyvirtualnumberagain.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/virtualnumber/delay", Idempotent: false, Group: "order-extra", Name: "订单虚拟号延期",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_delayvirtualnumber.html"},
	{Method: http.MethodPost, Path: "/channels/ec/order/virtualtelnumber/get", Idempotent: false, Group: "order-extra", Name: "兑换虚拟号",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/order/virtualtelnumber_get.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/product/auditstrategy/get", Idempotent: true, Group: "product-tool", Name: "获取商品上架策略",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_getproductauditstrategy.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/auditstrategy/set", Idempotent: true, Group: "product-tool", Name: "设置商品上架策略",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_setproductauditstrategy.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/begintimingsale", Idempotent: false, Group: "product-tool", Name: "商品立即开售",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_begintimingsale.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/category/classify", Idempotent: true, Group: "product-tool", Name: "类目推荐",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_product_classify.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/categoryprecheck", Idempotent: true, Group: "product-tool", Name: "发品前校验",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_categoryprecheck.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/externalproductmapping", Idempotent: true, Group: "product-tool", Name: "站内外商品属性映射",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_externalproductmapping.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/externalproductmappingnew", Idempotent: true, Group: "product-tool", Name: "商品属性映射及推荐",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_externalproductmappingnew"},
	{Method: http.MethodPost, Path: "/channels/ec/product/getauditquota", Idempotent: true, Group: "product-tool", Name: "获取商品提审限额",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_getproductauditquota.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/productbrandrecommend", Idempotent: true, Group: "product-tool", Name: "商品品牌推荐",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_productbrandrecommend"},

	// group: qic
	// register_logistics counts against three changes: not idempotent.
	{Method: http.MethodPost, Path: "/channels/ec/qic/inspect/code/print", Idempotent: true, Group: "qic", Name: "打印质检码",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/qic/printinspectcode.html"},
	{Method: http.MethodGet, Path: "/channels/ec/qic/inspect/config/get", Idempotent: true, Group: "qic", Name: "查询质检仓配置",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/qic/getinspectconfig.html"},
	{Method: http.MethodPost, Path: "/channels/ec/qic/inspect/register_logistics", Idempotent: false, Group: "qic", Name: "自寄快递送检",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/qic/registerlogistics.html"},
	{Method: http.MethodPost, Path: "/channels/ec/qic/inspect/submit", Idempotent: true, Group: "qic", Name: "绑定送检信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/qic/submitinspectinfo.html"},
	{Method: http.MethodGet, Path: "/channels/ec/qic/inspect/submitconfig/get", Idempotent: true, Group: "qic", Name: "查询送检配置模板信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/qic/getinspectsubmitconfig.html"},

	// group: quota
	{Method: http.MethodPost, Path: "/cgi-bin/openapi/quota/get", Idempotent: true, Group: "quota", Name: "查询API调用额度",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/getApiQuota.html"},
	// quota tools (issue 20): a reset spends one of the month's resets, so
	// it is not idempotent; rid/get is a read.
	{Method: http.MethodPost, Path: "/cgi-bin/clear_quota", Idempotent: false, Group: "quota", Name: "重置API调用次数",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/clearQuota.html"},
	{Method: http.MethodPost, Path: "/cgi-bin/clear_quota/v2", Idempotent: false, Group: "quota", Name: "使用AppSecret重置API调用次数",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/clearQuotaByAppSecret.html"},
	{Method: http.MethodPost, Path: "/cgi-bin/openapi/quota/clear", Idempotent: false, Group: "quota", Name: "重置指定API调用次数",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/clearApiQuota.html"},
	{Method: http.MethodPost, Path: "/cgi-bin/openapi/rid/get", Idempotent: true, Group: "quota", Name: "查询rid信息",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/apimgnt/api_getridinfo.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/product/stock/getflow", Idempotent: true, Group: "stock", Name: "获取库存流水",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/get_stock_flow.html"},
	{Method: http.MethodPost, Path: "/channels/ec/product/stock/update", Idempotent: false, Group: "stock", Name: "快速更新库存",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/product/stock_update.html"},

	// group: talent
	{Method: http.MethodPost, Path: "/channels/ec/talent/get_order_detail", Idempotent: true, Group: "talent", Name: "获取佣金单详情",
		Doc: "https://developers.weixin.qq.com/doc/store/talent/openapi/order/api_get_order_detail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/talent/get_order_list", Idempotent: true, Group: "talent", Name: "获取佣金单列表",
		Doc: "https://developers.weixin.qq.com/doc/store/talent/openapi/order/api_get_order_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/talent/window/product/get", Idempotent: true, Group: "talent", Name: "获取达人橱窗商品详情",
		Doc: "https://developers.weixin.qq.com/doc/store/talent/openapi/window/api_get_product_detail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/talent/window/product/list/get", Idempotent: true, Group: "talent", Name: "获取达人橱窗商品列表",
		Doc: "https://developers.weixin.qq.com/doc/store/talent/openapi/window/api_get_product_list.html"},

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
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/address/prioritysort/get", Idempotent: true, Group: "warehouse", Name: "获取指定地址下区域仓库的优先级",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/get_prioritysort.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/address/prioritysort/set", Idempotent: true, Group: "warehouse", Name: "设置指定地址下区域仓库的优先级",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/set_prioritysort.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/coverlocations/add", Idempotent: true, Group: "warehouse", Name: "批量增加覆盖区域",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/add_coverlocations.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/coverlocations/del", Idempotent: true, Group: "warehouse", Name: "批量删除覆盖区域",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/del_coverlocations.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/create", Idempotent: false, Group: "warehouse", Name: "创建区域仓库",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/create.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/detail/update", Idempotent: true, Group: "warehouse", Name: "修改区域仓库详情",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/update_detail.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/get", Idempotent: true, Group: "warehouse", Name: "获取区域仓库",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/list/get", Idempotent: true, Group: "warehouse", Name: "查询区域仓库列表",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/get_list.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/stock/get", Idempotent: true, Group: "warehouse", Name: "获取区域仓库存数量",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/get_stock.html"},
	{Method: http.MethodPost, Path: "/channels/ec/warehouse/stock/update", Idempotent: false, Group: "warehouse", Name: "更新区域仓库存数量",
		Doc: "https://developers.weixin.qq.com/doc/store/shop/API/warehouse/update_stock.html"},

	// group: window
	{Method: http.MethodPost, Path: "/channels/ec/window/product/add", Idempotent: true, Group: "window", Name: "上架商品到橱窗",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/windowproduct/add.html"},
	{Method: http.MethodPost, Path: "/channels/ec/window/product/get", Idempotent: true, Group: "window", Name: "获取橱窗商品详情",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/windowproduct/get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/window/product/list/get", Idempotent: true, Group: "window", Name: "获取已添加到橱窗的商品列表",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/windowproduct/list_get.html"},
	{Method: http.MethodPost, Path: "/channels/ec/window/product/off", Idempotent: true, Group: "window", Name: "下架橱窗商品",
		Doc: "https://developers.weixin.qq.com/doc/channels/API/windowproduct/off.html"},
})

func sortedRegistry(rows []Endpoint) []Endpoint {
	sort.Slice(rows, func(i, j int) bool { return rows[i].Path < rows[j].Path })
	return rows
}
