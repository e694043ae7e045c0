package shopapi

// The services of the endpoint groups added after the first version. Each
// is a view of the client's shared state, like the first ones; their
// methods live in the group's files.

// AddressService manages the merchant's addresses (地址管理): shipping and
// return addresses, which after-sales need (address_id).
type AddressService service

// FreightService manages freight templates (运费模板).
type FreightService service

// EWaybillService creates and prints electronic waybills (电子面单).
type EWaybillService service

// WarehouseService manages regional warehouses and their stock (区域仓库).
type WarehouseService service

// GuaranteeService handles guarantee orders (保障单).
type GuaranteeService service

// CouponService manages coupons (优惠券).
type CouponService service

// FlashSaleService manages flash sales (限时抢购).
type FlashSaleService service

// GiftService manages gift products and buy-to-get-gift activities (赠品).
type GiftService service

// MemberService manages the shop's members and their points (会员).
type MemberService service

// SharerService manages sharers (分享员).
type SharerService service

// ShowcaseService manages the channel's showcase (橱窗).
type ShowcaseService service

// LinkService makes product and shop links, QR codes and tags (链接).
type LinkService service

// LiveService reads live-stream dashboards, channel attributes and leads
// (直播, 留资).
type LiveService service

// CompassService reads the data compass (罗盘): shop, product, audience,
// live and talent data.
type CompassService service

// HomepageService manages the shop's homepage (店铺主页).
type HomepageService service

// DropshipService manages dropship suppliers and orders (代发).
type DropshipService service

// LeagueService manages the preferred alliance (优选联盟).
type LeagueService service

// HeadSupplierService manages head-supplier relations (团长).
type HeadSupplierService service

// TalentService manages talent bindings (达人).
type TalentService service

// CooperationService manages cooperation accounts (合作账号).
type CooperationService service

// InspectionService handles quality inspection (质检).
type InspectionService service

// KFService reads customer-service data (客服).
type KFService service

// FavoritesService reads favourites (收藏).
type FavoritesService service

// InvoiceService handles subsidy invoices (发票).
type InvoiceService service

// MiniProgramService links the shop with mini-programs (小程序).
type MiniProgramService service

// NetworkService checks the network: callback reachability and the
// platform's API and push IPs (网络检测).
type NetworkService service
