package shopapi

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// ProductStatus is the status of a product's online version (商品状态).
type ProductStatus int

// Product statuses (WxJava SpuStatus; store guide).
const (
	ProductStatusInit         ProductStatus = 0  // 初始值/未上架, never listed
	ProductStatusListed       ProductStatus = 5  // 上架
	ProductStatusRecycled     ProductStatus = 6  // 回收站
	ProductStatusDeleted      ProductStatus = 9  // 彻底删除, no further operations
	ProductStatusDelisted     ProductStatus = 11 // 自主下架
	ProductStatusSoldOut      ProductStatus = 12 // 售罄下架
	ProductStatusViolation    ProductStatus = 13 // 违规下架/风控系统下架
	ProductStatusDepositLow   ProductStatus = 14 // 保证金不足下架
	ProductStatusBrandExpired ProductStatus = 15 // 品牌过期下架
	ProductStatusBanned       ProductStatus = 20 // 封禁
)

// String returns the status name, e.g. "listed".
func (s ProductStatus) String() string {
	switch s {
	case ProductStatusInit:
		return "init"
	case ProductStatusListed:
		return "listed"
	case ProductStatusRecycled:
		return "recycled"
	case ProductStatusDeleted:
		return "deleted"
	case ProductStatusDelisted:
		return "delisted"
	case ProductStatusSoldOut:
		return "sold_out"
	case ProductStatusViolation:
		return "violation_delisted"
	case ProductStatusDepositLow:
		return "deposit_delisted"
	case ProductStatusBrandExpired:
		return "brand_expired_delisted"
	case ProductStatusBanned:
		return "banned"
	}
	return "ProductStatus(" + strconv.Itoa(int(s)) + ")"
}

// EditStatus is the status of a product's draft (草稿/审核状态).
type EditStatus int

// Draft statuses (WxJava SpuEditStatus; store guide). The audit flow is
// 2 (under audit) → 4 (approved) or 3 (rejected); audit/cancel moves 2 → 1.
const (
	EditStatusInit         EditStatus = 0 // 初始
	EditStatusEditing      EditStatus = 1 // 编辑中
	EditStatusAuditing     EditStatus = 2 // 审核中
	EditStatusRejected     EditStatus = 3 // 审核失败
	EditStatusApproved     EditStatus = 4 // 审核成功
	EditStatusWriting      EditStatus = 5 // 商品信息写入中
	EditStatusUploading    EditStatus = 7 // 异步提交上传中
	EditStatusUploadFailed EditStatus = 8 // 上传失败
)

// String returns the status name, e.g. "auditing".
func (s EditStatus) String() string {
	switch s {
	case EditStatusInit:
		return "init"
	case EditStatusEditing:
		return "editing"
	case EditStatusAuditing:
		return "auditing"
	case EditStatusRejected:
		return "rejected"
	case EditStatusApproved:
		return "approved"
	case EditStatusWriting:
		return "writing"
	case EditStatusUploading:
		return "uploading"
	case EditStatusUploadFailed:
		return "upload_failed"
	}
	return "EditStatus(" + strconv.Itoa(int(s)) + ")"
}

// DataType selects which version product/get returns.
type DataType int

// Data types of product/get.
const (
	DataOnline DataType = 1 // the online (listed) version, "product"
	DataDraft  DataType = 2 // the draft, "edit_product"
	DataBoth   DataType = 3 // both
)

// String returns "online", "draft" or "both".
func (d DataType) String() string {
	switch d {
	case DataOnline:
		return "online"
	case DataDraft:
		return "draft"
	case DataBoth:
		return "both"
	}
	return "DataType(" + strconv.Itoa(int(d)) + ")"
}

// Product is an SPU (商品) as the platform sends and accepts it. Prices are
// integer fen. Fields the SDK does not declare are kept in Extra and sent
// back on update.
type Product struct {
	ProductID       ID               `json:"product_id,omitempty"`
	OutProductID    string           `json:"out_product_id,omitempty"`
	Title           string           `json:"title,omitempty"`
	SubTitle        string           `json:"sub_title,omitempty"`
	ShortTitle      string           `json:"short_title,omitempty"`
	HeadImgs        []string         `json:"head_imgs,omitempty"`
	DeliverMethod   int              `json:"deliver_method,omitempty"`
	DeliverAcctType []int            `json:"deliver_acct_type,omitempty"`
	DescInfo        *DescInfo        `json:"desc_info,omitempty"`
	Cats            []CatRef         `json:"cats,omitempty"`
	CatsV2          []CatRef         `json:"cats_v2,omitempty"`
	Attrs           []Attr           `json:"attrs,omitempty"`
	SPUCode         string           `json:"spu_code,omitempty"`
	BrandID         ID               `json:"brand_id,omitempty"`
	Qualifications  []string         `json:"qualifications,omitempty"`
	ProductQuaInfos []ProductQuaInfo `json:"product_qua_infos,omitempty"`
	ExpressInfo     *ExpressInfo     `json:"express_info,omitempty"`
	AftersaleDesc   string           `json:"aftersale_desc,omitempty"`
	LimitedInfo     *LimitedInfo     `json:"limited_info,omitempty"`
	ExtraService    *ExtraService    `json:"extra_service,omitempty"`
	AfterSaleInfo   *AfterSaleInfo   `json:"after_sale_info,omitempty"`
	SKUs            []SKU            `json:"skus,omitempty"`

	// Response-only fields.
	Status      ProductStatus `json:"status,omitempty"`
	EditStatus  EditStatus    `json:"edit_status,omitempty"`
	MinPrice    int64         `json:"min_price,omitempty"` // fen
	CreateTime  string        `json:"create_time,omitempty"`
	EditTime    int64         `json:"edit_time,omitempty"` // unix seconds
	ProductType int           `json:"product_type,omitempty"`

	// Extra holds fields not declared above.
	Extra Extra `json:"-"`
}

type plainProduct Product

// UnmarshalJSON decodes a product, keeping unknown fields in Extra.
func (p *Product) UnmarshalJSON(b []byte) error {
	var v plainProduct
	extra, err := unmarshalWithExtra(b, &v)
	if err != nil {
		return err
	}
	*p = Product(v)
	p.Extra = extra
	return nil
}

// MarshalJSON encodes a product with its Extra fields.
func (p Product) MarshalJSON() ([]byte, error) {
	return marshalWithExtra(plainProduct(p), p.Extra)
}

// SKU is a product's stock-keeping unit. Prices are integer fen.
type SKU struct {
	SKUID          ID              `json:"sku_id,omitempty"`
	OutSKUID       string          `json:"out_sku_id,omitempty"`
	ThumbImg       string          `json:"thumb_img,omitempty"`
	SalePrice      int64           `json:"sale_price"`             // fen; must be below MarketPrice
	MarketPrice    int64           `json:"market_price,omitempty"` // fen
	StockNum       int64           `json:"stock_num"`
	SKUCode        string          `json:"sku_code,omitempty"`
	BarCode        string          `json:"bar_code,omitempty"`
	SKUAttrs       []Attr          `json:"sku_attrs,omitempty"`
	Status         int             `json:"status,omitempty"`
	SKUDeliverInfo *SKUDeliverInfo `json:"sku_deliver_info,omitempty"`
	// Extra holds fields not declared above.
	Extra Extra `json:"-"`
}

type plainSKU SKU

// UnmarshalJSON decodes a SKU, keeping unknown fields in Extra.
func (s *SKU) UnmarshalJSON(b []byte) error {
	var v plainSKU
	extra, err := unmarshalWithExtra(b, &v)
	if err != nil {
		return err
	}
	*s = SKU(v)
	s.Extra = extra
	return nil
}

// MarshalJSON encodes a SKU with its Extra fields.
func (s SKU) MarshalJSON() ([]byte, error) { return marshalWithExtra(plainSKU(s), s.Extra) }

// SalePriceMoney returns the sale price as [vcart.Money].
func (s SKU) SalePriceMoney() vcart.Money { return vcart.FromFen(s.SalePrice) }

// MarketPriceMoney returns the market price as [vcart.Money].
func (s SKU) MarketPriceMoney() vcart.Money { return vcart.FromFen(s.MarketPrice) }

// SetSalePrice sets the sale price from m, which must be CNY; it fails
// with [vcart.ErrSubFen] rather than round when m is not a whole number of
// fen, and leaves the SKU unchanged on error.
func (s *SKU) SetSalePrice(m vcart.Money) error {
	f, err := fenOf("sale_price", m)
	if err != nil {
		return err
	}
	s.SalePrice = f
	return nil
}

// SetMarketPrice sets the market price from m (see [SKU.SetSalePrice]).
func (s *SKU) SetMarketPrice(m vcart.Money) error {
	f, err := fenOf("market_price", m)
	if err != nil {
		return err
	}
	s.MarketPrice = f
	return nil
}

func fenOf(field string, m vcart.Money) (int64, error) {
	if m.Currency() != vcart.CNY {
		return 0, vcart.NewValidationError([]vcart.FieldError{{Field: field, Code: "currency", Msg: "must be CNY, got " + string(m.Currency())}})
	}
	f, err := m.Fen()
	if err != nil {
		return 0, fmt.Errorf("shopapi: %s: %w", field, err)
	}
	return int64(f), nil
}

// Attr is a product parameter or a sale attribute (key ≤ 40, value ≤ 40 chars).
type Attr struct {
	AttrKey   string `json:"attr_key"`
	AttrValue string `json:"attr_value"`
}

// CatRef names a category by id.
type CatRef struct {
	CatID ID `json:"cat_id"`
}

// DescInfo is the product description: up to 50 images and 2,000 chars.
type DescInfo struct {
	Imgs []string `json:"imgs,omitempty"`
	Desc string   `json:"desc,omitempty"`
}

// ProductQuaInfo is a product qualification (qua_id from the category detail).
type ProductQuaInfo struct {
	QuaID  ID       `json:"qua_id"`
	QuaURL []string `json:"qua_url,omitempty"`
}

// ExpressInfo is the freight template and the weight in grams.
type ExpressInfo struct {
	TemplateID ID    `json:"template_id,omitempty"`
	Weight     int64 `json:"weight,omitempty"`
}

// LimitedInfo limits purchases per period (0 none, 1 day, 2 week, 3 month).
type LimitedInfo struct {
	PeriodType    int `json:"period_type,omitempty"`
	LimitedBuyNum int `json:"limited_buy_num,omitempty"`
}

// ExtraService are the service promises (0/1 flags; seven_day_return 0/1/2).
type ExtraService struct {
	SevenDayReturn   int `json:"seven_day_return"`
	PayAfterUse      int `json:"pay_after_use"`
	FreightInsurance int `json:"freight_insurance"`
	FakeOnePayThree  int `json:"fake_one_pay_three,omitempty"`
	DamageGuarantee  int `json:"damage_guarantee,omitempty"`
}

// AfterSaleInfo names the return address.
type AfterSaleInfo struct {
	AfterSaleAddressID ID `json:"after_sale_address_id"`
}

// SKUDeliverInfo is a SKU's stock type and presale window.
type SKUDeliverInfo struct {
	// StockType is 0 in stock (现货), 1 presale (全款预售); nil leaves it out
	// (an audit-free update may send an empty sku_deliver_info).
	StockType                      *int  `json:"stock_type,omitempty"`
	FullPaymentPresaleDeliveryType int   `json:"full_payment_presale_delivery_type,omitempty"`
	PresaleBeginTime               int64 `json:"presale_begin_time,omitempty"`
	PresaleEndTime                 int64 `json:"presale_end_time,omitempty"`
	FullPaymentPresaleDeliveryTime int   `json:"full_payment_presale_delivery_time,omitempty"`
}

// ProductDetail is the answer of product/get: the online version, the
// draft, or both, depending on the [DataType].
type ProductDetail struct {
	// Product is the online version (nil for DataDraft, or when never listed).
	Product *Product `json:"product,omitempty"`
	// EditProduct is the draft (nil for DataOnline).
	EditProduct   *Product       `json:"edit_product,omitempty"`
	SaleLimitInfo *SaleLimitInfo `json:"sale_limit_info,omitempty"`
}

// SaleLimitInfo says whether the product's sale is limited.
type SaleLimitInfo struct {
	IsLimited Bool   `json:"is_limited"`
	Title     string `json:"title,omitempty"`
	SubTitle  string `json:"sub_title,omitempty"`
}

// ProductWriteResult is the data of product/add and product/update.
type ProductWriteResult struct {
	ProductID  ID     `json:"product_id"`
	CreateTime string `json:"create_time,omitempty"` // "yyyy-MM-dd HH:mm:ss", Asia/Shanghai
	UpdateTime string `json:"update_time,omitempty"`
}

// ProductListOptions are the filters and cursor of product/list/get.
type ProductListOptions struct {
	// Status filters by online status; nil lists all but never-listed
	// drafts and the recycle bin.
	Status *ProductStatus
	// PageSize is 1..30 (default 10).
	PageSize int
	// NextKey is the cursor from the previous page.
	NextKey string
}

// ProductList is one page of product ids.
type ProductList struct {
	ProductIDs []ID   `json:"product_ids"`
	NextKey    string `json:"next_key"`
	TotalNum   int    `json:"total_num"`
}

// AuditFreeRequest changes price, stock and codes of a listed product's
// SKUs without an audit (免审更新).
type AuditFreeRequest struct {
	ProductID   ID             `json:"product_id"`
	SKUs        []AuditFreeSKU `json:"skus"`
	SPUCode     string         `json:"spu_code,omitempty"`
	LimitedInfo *LimitedInfo   `json:"limited_info,omitempty"`
}

// AuditFreeSKU is one SKU change of an audit-free update.
type AuditFreeSKU struct {
	SKUID          ID              `json:"sku_id"`
	SalePrice      int64           `json:"sale_price,omitempty"` // fen; 0 leaves it
	StockInfo      *AuditFreeStock `json:"stock_info,omitempty"`
	SKUDeliverInfo *SKUDeliverInfo `json:"sku_deliver_info,omitempty"`
	SKUCode        string          `json:"sku_code,omitempty"`
	// Status lists (5) or delists (11) the SKU; 0 leaves it.
	Status   int  `json:"status,omitempty"`
	IsDelete bool `json:"is_delete,omitempty"`
}

// AuditFreeStock changes a SKU's stock in an audit-free update, as
// stock/update does (WxJava SkuFastInfo.StockInfo).
type AuditFreeStock struct {
	DiffType StockDiffType `json:"diff_type"`
	Num      int64         `json:"num"`
}

// productBody encodes p with the listing flag (1 = list after audit; the
// platform's Java SDK sends 1, its docs sample true).
func productBody(p *Product, listing bool) ([]byte, error) {
	extra := Extra{}
	for k, v := range p.Extra {
		extra[k] = v
	}
	// listing is optional on the pages (product/update's example has
	// none): sent as 1 when the product should go on sale, left out
	// otherwise (the platform then keeps it off sale).
	delete(extra, "listing")
	if listing {
		extra["listing"] = json.RawMessage("1")
	}
	return marshalWithExtra(plainProduct(*p), extra)
}
