package vcart

// Domain identifiers. The platform's IDs are 64-bit numbers that exceed
// JavaScript's and float64's 2^53; the SDK keeps them as strings end to end.
type (
	// AppID is a store's or a service provider's appid (e.g. "wx…").
	AppID string
	// ProductID is a product_id (SPU).
	ProductID string
	// SKUID is a sku_id.
	SKUID string
	// OrderID is an order_id.
	OrderID string
	// AftersaleID is an after_sale_order_id.
	AftersaleID string
	// MerchantID is a WeChat Pay merchant number (商户号, mchid).
	MerchantID string
)
