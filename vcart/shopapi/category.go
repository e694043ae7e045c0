package shopapi

import (
	"context"
	"iter"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// CategoryService reads the platform's category tree and the rules of a
// category (类目): required qualifications, deposit, attributes.
type CategoryService service

var (
	epCategoryAll       = ep("/shop/ec/category/all")
	epCategoryDetail    = ep("/shop/ec/category/detail")
	epCategoryAvailable = ep("/channels/ec/category/availablesoncategories/get")
	epCategoryApproved  = ep("/channels/ec/category/list/get")
)

// Category is a node of the category tree.
type Category struct {
	CatID  ID     `json:"cat_id"`
	Name   string `json:"name"`
	FCatID ID     `json:"f_cat_id,omitempty"`
	Level  int    `json:"level,omitempty"`
	Leaf   Bool   `json:"leaf,omitempty"`
}

// Qualification is a qualification a category or product requires (资质).
type Qualification struct {
	QuaID       ID     `json:"qua_id"`
	NeedToApply Bool   `json:"need_to_apply"`
	Tips        string `json:"tips,omitempty"`
	Mandatory   Bool   `json:"mandatory"`
	Name        string `json:"name,omitempty"`
}

// CatAndQua is a category with its qualification rules.
type CatAndQua struct {
	Cat            Category        `json:"cat"`
	Qua            *Qualification  `json:"qua,omitempty"`
	BrandQua       *Qualification  `json:"brand_qua,omitempty"`
	ProductQuaList []Qualification `json:"product_qua_list,omitempty"`
	// ProductQua is product_qua, the single product qualification the page
	// marks as deprecated in favour of ProductQuaList (still sent).
	ProductQua *Qualification `json:"product_qua,omitempty"`
}

// CategoryPath is one leaf category with its ancestors, leaf first (the
// platform's cat_and_qua chain: level 3, 2, 1).
type CategoryPath struct {
	CatAndQua []CatAndQua `json:"cat_and_qua"`
}

// Leaf returns the path's leaf category (the first element).
func (p CategoryPath) Leaf() (Category, bool) {
	if len(p.CatAndQua) == 0 {
		return Category{}, false
	}
	return p.CatAndQua[0].Cat, true
}

// CategoryTree is the whole category tree as leaf paths: the legacy tree
// (cats) and the new one (cats_v2).
type CategoryTree struct {
	Cats   []CategoryPath `json:"cats"`
	CatsV2 []CategoryPath `json:"cats_v2"`
}

// CategoryDetail is the answer of category/detail.
type CategoryDetail struct {
	Info           Category        `json:"info"`
	Attr           CategoryAttr    `json:"attr"`
	ProductQuaList []Qualification `json:"product_qua_list,omitempty"`
}

// CategoryAttr are a category's rules. Deposit and FloorPrice are fen.
type CategoryAttr struct {
	ShopNoShipment       Bool               `json:"shop_no_shipment"`
	AccessPermitRequired Bool               `json:"access_permit_required"`
	PreSale              Bool               `json:"pre_sale"`
	SevenDayReturn       Bool               `json:"seven_day_return"`
	BrandList            []CatRefBrand      `json:"brand_list,omitempty"`
	Deposit              Int64              `json:"deposit"` // fen; the platform sends a string
	ProductAttrList      []CategoryAttrItem `json:"product_attr_list,omitempty"`
	SaleAttrList         []CategoryAttrItem `json:"sale_attr_list,omitempty"`
	TransactionFeeInfo   *TransactionFee    `json:"transactionfee_info,omitempty"`
	FloorPrice           Int64              `json:"floor_price,omitempty"`
	IsLimitBrand         Bool               `json:"is_limit_brand"`
	// Extra holds fields not declared above.
	Extra Extra `json:"-"`
}

type plainCategoryAttr CategoryAttr

// UnmarshalJSON decodes the rules, keeping unknown fields in Extra.
func (a *CategoryAttr) UnmarshalJSON(b []byte) error {
	var v plainCategoryAttr
	extra, err := unmarshalWithExtra(b, &v)
	if err != nil {
		return err
	}
	*a = CategoryAttr(v)
	a.Extra = extra
	return nil
}

// DepositMoney returns the category deposit as [vcart.Money].
func (a CategoryAttr) DepositMoney() vcart.Money { return vcart.FromFen(int64(a.Deposit)) }

// CatRefBrand names a brand allowed in a category.
type CatRefBrand struct {
	BrandID ID `json:"brand_id"`
}

// CategoryAttrItem is a product parameter or sale attribute definition.
type CategoryAttrItem struct {
	Name          string `json:"name"`
	Type          string `json:"type,omitempty"`
	TypeV2        string `json:"type_v2,omitempty"`
	Value         string `json:"value,omitempty"`
	IsRequired    Bool   `json:"is_required"`
	Hint          string `json:"hint,omitempty"`
	AppendAllowed Bool   `json:"append_allowed"`
}

// TransactionFee is a category's technical service fee in basis points.
type TransactionFee struct {
	BasisPoint         Int64 `json:"basis_point"`
	OriginalBasisPoint Int64 `json:"original_basis_point"`
	IncentiveType      Int64 `json:"incentive_type"`
}

// ApprovedCategory is a category the shop may sell in.
type ApprovedCategory struct {
	CatID ID `json:"cat_id"`
	QuaID ID `json:"qua_id"`
}

// All returns the whole category tree (a large payload; cache it).
//
// WeChat API: GET /channels/ec/category/all
func (s *CategoryService) All(ctx context.Context) (*CategoryTree, *Response, error) {
	var out CategoryTree
	resp, err := s.client.call(ctx, &request{ep: epCategoryAll}, &out)
	if err != nil {
		return nil, resp, errorf("all categories", err)
	}
	return &out, resp, nil
}

// Detail returns a category's rules: required qualifications, deposit,
// attributes, fee.
//
// WeChat API: POST /channels/ec/category/detail
func (s *CategoryService) Detail(ctx context.Context, catID ID) (*CategoryDetail, *Response, error) {
	if err := requireID("cat_id", catID); err != nil {
		return nil, nil, errorf("category detail", err)
	}
	var out CategoryDetail
	resp, err := s.client.call(ctx, &request{ep: epCategoryDetail, body: CatRef{catID}}, &out)
	if err != nil {
		return nil, resp, errorf("category detail "+string(catID), err)
	}
	return &out, resp, nil
}

// Children returns the categories under fCatID available to the shop
// ("0" for the first level).
//
// WeChat API: POST /channels/ec/category/availablesoncategories/get
func (s *CategoryService) Children(ctx context.Context, fCatID ID) ([]Category, *Response, error) {
	if fCatID == "" {
		fCatID = "0"
	}
	body := struct {
		FCatID ID `json:"f_cat_id"`
	}{fCatID}
	var out struct {
		CatList   []Category `json:"cat_list"`
		CatListV2 []Category `json:"cat_list_v2"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCategoryAvailable, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("child categories "+string(fCatID), err)
	}
	if len(out.CatListV2) > 0 {
		return out.CatListV2, resp, nil
	}
	return out.CatList, resp, nil
}

// Approved returns the categories the shop has been approved for.
//
// WeChat API: GET /channels/ec/category/list/get
func (s *CategoryService) Approved(ctx context.Context) ([]ApprovedCategory, *Response, error) {
	var out struct {
		List []ApprovedCategory `json:"list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCategoryApproved}, &out)
	if err != nil {
		return nil, resp, errorf("approved categories", err)
	}
	return out.List, resp, nil
}

// BrandService reads the platform's brand library and the shop's brand
// qualifications (品牌资质).
type BrandService service

var (
	epBrandAll  = ep("/shop/ec/brand/all")
	epBrandList = ep("/channels/ec/brand/list/get")
	epBrandGet  = ep("/channels/ec/brand/get")
)

// BrandStatus is the audit status of a brand qualification.
type BrandStatus int

// Brand qualification statuses.
const (
	BrandAuditing  BrandStatus = 1 // 审核中
	BrandRejected  BrandStatus = 2 // 审核失败
	BrandActive    BrandStatus = 3 // 已生效
	BrandWithdrawn BrandStatus = 4 // 已撤回
	BrandExpiring  BrandStatus = 5 // 即将过期
	BrandExpired   BrandStatus = 6 // 已过期
)

// String returns the status name.
func (s BrandStatus) String() string {
	switch s {
	case BrandAuditing:
		return "auditing"
	case BrandRejected:
		return "rejected"
	case BrandActive:
		return "active"
	case BrandWithdrawn:
		return "withdrawn"
	case BrandExpiring:
		return "expiring"
	case BrandExpired:
		return "expired"
	}
	return "BrandStatus(" + itoa(int(s)) + ")"
}

// NoBrandID is the brand_id of a product without a brand (无品牌).
const NoBrandID ID = "2100000000"

// Brand is a brand of the library or a shop's brand qualification.
type Brand struct {
	BrandID          ID          `json:"brand_id"`
	ChName           string      `json:"ch_name,omitempty"`
	EnName           string      `json:"en_name,omitempty"`
	ClassificationNo string      `json:"classification_no,omitempty"`
	TradeMarkSymbol  int         `json:"trade_mark_symbol,omitempty"`
	GrantType        int         `json:"grant_type,omitempty"`
	Status           BrandStatus `json:"status,omitempty"`
	CreateTime       int64       `json:"create_time,omitempty"`
	UpdateTime       int64       `json:"update_time,omitempty"`
	// AuditResult is the latest audit of the shop's application
	// (audit_result); AuditID and RejectReason used to be read at the top
	// level, where the page never puts them.
	AuditResult *BrandAuditResult `json:"audit_result,omitempty"`
	// Extra holds fields not declared above (register_details, grant_details …).
	Extra Extra `json:"-"`
}

// BrandAuditResult is a brand application's audit (audit_result).
type BrandAuditResult struct {
	AuditID      ID     `json:"audit_id,omitempty"`
	RejectReason string `json:"reject_reason,omitempty"`
}

type plainBrand Brand

// UnmarshalJSON decodes a brand, keeping unknown fields in Extra.
func (b *Brand) UnmarshalJSON(data []byte) error {
	var v plainBrand
	extra, err := unmarshalWithExtra(data, &v)
	if err != nil {
		return err
	}
	*b = Brand(v)
	b.Extra = extra
	return nil
}

// MarshalJSON encodes a brand with its Extra fields.
func (b Brand) MarshalJSON() ([]byte, error) { return marshalWithExtra(plainBrand(b), b.Extra) }

// BrandListOptions are the cursor and filter of the brand lists.
type BrandListOptions struct {
	PageSize int // 1..100, default 10
	NextKey  string
	Status   *BrandStatus // List only
}

// BrandPage is one page of brands.
type BrandPage struct {
	Brands       []Brand `json:"brands"`
	NextKey      string  `json:"next_key"`
	ContinueFlag Bool    `json:"continue_flag"`
	TotalNum     int     `json:"total_num"`
}

func (s *BrandService) page(ctx context.Context, ep endpoint, opts *BrandListOptions, op string) (*BrandPage, *Response, error) {
	var o BrandListOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize == 0 {
		o.PageSize = 10
	}
	if o.PageSize < 1 || o.PageSize > 100 {
		return nil, nil, errorf(op, vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1..100"}}))
	}
	body := struct {
		PageSize int          `json:"page_size"`
		NextKey  string       `json:"next_key,omitempty"`
		Status   *BrandStatus `json:"status,omitempty"`
	}{o.PageSize, o.NextKey, o.Status}
	var out BrandPage
	resp, err := s.client.call(ctx, &request{ep: ep, body: body}, &out)
	if err != nil {
		return nil, resp, errorf(op, err)
	}
	if ep == epBrandAll && !out.ContinueFlag {
		out.NextKey = ""
	}
	resp.NextKey = out.NextKey
	return &out, resp, nil
}

// All returns one page of the platform's brand library.
//
// WeChat API: POST /channels/ec/brand/all
func (s *BrandService) All(ctx context.Context, opts *BrandListOptions) (*BrandPage, *Response, error) {
	return s.page(ctx, epBrandAll, opts, "all brands")
}

// AllIter iterates over the whole brand library.
//
// WeChat API: POST /channels/ec/brand/all
func (s *BrandService) AllIter(ctx context.Context, opts *BrandListOptions) iter.Seq2[*Brand, error] {
	return s.iter(ctx, epBrandAll, opts, "all brands")
}

// List returns one page of the shop's brand qualifications.
//
// WeChat API: POST /channels/ec/brand/list/get
func (s *BrandService) List(ctx context.Context, opts *BrandListOptions) (*BrandPage, *Response, error) {
	return s.page(ctx, epBrandList, opts, "list brands")
}

// ListIter iterates over the shop's brand qualifications.
//
// WeChat API: POST /channels/ec/brand/list/get
func (s *BrandService) ListIter(ctx context.Context, opts *BrandListOptions) iter.Seq2[*Brand, error] {
	return s.iter(ctx, epBrandList, opts, "list brands")
}

func (s *BrandService) iter(ctx context.Context, ep endpoint, opts *BrandListOptions, op string) iter.Seq2[*Brand, error] {
	var o BrandListOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, o.NextKey, func(ctx context.Context, key string) ([]*Brand, string, error) {
		o.NextKey = key
		p, _, err := s.page(ctx, ep, &o, op)
		if err != nil {
			return nil, "", err
		}
		out := make([]*Brand, len(p.Brands))
		for i := range p.Brands {
			out[i] = &p.Brands[i]
		}
		return out, p.NextKey, nil
	})
}

// Get returns one of the shop's brand qualifications.
//
// WeChat API: POST /channels/ec/brand/get
func (s *BrandService) Get(ctx context.Context, brandID ID) (*Brand, *Response, error) {
	if err := requireID("brand_id", brandID); err != nil {
		return nil, nil, errorf("get brand", err)
	}
	body := struct {
		BrandID ID `json:"brand_id"`
	}{brandID}
	var out struct {
		Brand Brand `json:"brand"`
	}
	resp, err := s.client.call(ctx, &request{ep: epBrandGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get brand "+string(brandID), err)
	}
	return &out.Brand, resp, nil
}
