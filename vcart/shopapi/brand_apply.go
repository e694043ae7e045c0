package shopapi

import (
	"context"
	"iter"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Brand applications (品牌资质): add, update, delete and withdraw a brand
// qualification, and list the brands in force. Certificates are file_ids
// from [MediaService.UploadQualification].

var (
	epBrandAdd         = ep("/shop/ec/brand/add")
	epBrandUpdate      = ep("/channels/ec/brand/update")
	epBrandDelete      = ep("/channels/ec/brand/delete")
	epBrandAuditCancel = ep("/shop/ec/brand/audit/cancel")
	epBrandValidList   = ep("/channels/ec/brand/valid/list/get")
)

// TradeMarkSymbol says whether a trademark is registered (trade_mark_symbol).
type TradeMarkSymbol int

// Trademark kinds.
const (
	TradeMarkRegistered TradeMarkSymbol = 1 // ®: 商标注册证, register_details required
	TradeMarkPending    TradeMarkSymbol = 2 // TM: 商标注册申请受理, application_details required
)

// GrantType says whose brand it is (grant_type).
type GrantType int

// Grant types.
const (
	GrantOwn        GrantType = 1 // 自有品牌
	GrantAuthorised GrantType = 2 // 授权品牌, grant_details required
)

// RegisterDetails is a registered trademark's certificate (商标注册信息).
// Times are Unix seconds.
type RegisterDetails struct {
	Registrant  string `json:"registrant"`
	RegisterNo  string `json:"register_no"`
	StartTime   int64  `json:"start_time,omitempty"`
	EndTime     int64  `json:"end_time,omitempty"`
	IsPermanent bool   `json:"is_permanent"`
	// RegisterCertifications holds the 商标注册证 file_id (one).
	RegisterCertifications []string `json:"register_certifications"`
	// RenewCertifications holds proofs of change or renewal (变更/续展证明).
	RenewCertifications []string `json:"renew_certifications,omitempty"`
}

// ApplicationDetails is a pending trademark's application (商标申请信息).
type ApplicationDetails struct {
	AcceptanceTime          int64    `json:"acceptance_time,omitempty"`
	AcceptanceCertification []string `json:"acceptance_certification,omitempty"`
	AcceptanceNo            string   `json:"acceptance_no,omitempty"`
}

// GrantDetails is an authorised brand's licence chain (授权信息).
type GrantDetails struct {
	GrantCertifications []string `json:"grant_certifications"`
	// GrantLevel is the authorisation tier (授权级数, 1–3).
	GrantLevel         int      `json:"grant_level,omitempty"`
	StartTime          int64    `json:"start_time,omitempty"`
	EndTime            int64    `json:"end_time,omitempty"`
	IsPermanent        bool     `json:"is_permanent"`
	BrandOwnerIDPhotos []string `json:"brand_owner_id_photos"`
}

// BrandQualification is a brand qualification as applied for (brand/add,
// brand/update) and as listed (brand/valid/list/get: with status and
// times).
type BrandQualification struct {
	BrandID ID     `json:"brand_id"`
	ChName  string `json:"ch_name"`
	EnName  string `json:"en_name"`
	// ClassificationNo is the Nice class, "1" to "45" (商标分类号).
	ClassificationNo   string              `json:"classification_no"`
	TradeMarkSymbol    TradeMarkSymbol     `json:"trade_mark_symbol"`
	RegisterDetails    *RegisterDetails    `json:"register_details,omitempty"`
	ApplicationDetails *ApplicationDetails `json:"application_details,omitempty"`
	GrantType          GrantType           `json:"grant_type"`
	GrantDetails       *GrantDetails       `json:"grant_details,omitempty"`
	// Status, CreateTime and UpdateTime come back in lists.
	Status     BrandStatus `json:"status,omitempty"`
	CreateTime int64       `json:"create_time,omitempty"`
	UpdateTime int64       `json:"update_time,omitempty"`
}

// validate checks the rules of the brand/add page: a brand id, a Nice class
// 1–45, register details for ®, application details for TM, grant details
// for an authorised brand, one registration certificate.
func (b *BrandQualification) validate() error {
	var errs []vcart.FieldError
	add := func(field, code, msg string) {
		errs = append(errs, vcart.FieldError{Field: "brand." + field, Code: code, Msg: msg})
	}
	if b.BrandID == "" {
		add("brand_id", "required", "must not be empty (the brand library's id)")
	}
	if b.ChName == "" && b.EnName == "" {
		add("ch_name", "required", "give the Chinese or the English name")
	}
	if n, err := strconv.Atoi(b.ClassificationNo); err != nil || n < 1 || n > 45 {
		add("classification_no", "range", "must be a Nice class 1..45")
	}
	switch b.TradeMarkSymbol {
	case TradeMarkRegistered:
		switch {
		case b.RegisterDetails == nil:
			add("register_details", "required", "required for a registered (®) trademark")
		case len(b.RegisterDetails.RegisterCertifications) != 1:
			add("register_details.register_certifications", "count", "exactly one 商标注册证 file")
		}
	case TradeMarkPending:
		if b.ApplicationDetails == nil || len(b.ApplicationDetails.AcceptanceCertification) == 0 {
			add("application_details.acceptance_certification", "required", "required for a pending (TM) trademark")
		}
	default:
		add("trade_mark_symbol", "enum", "must be 1 (®) or 2 (TM)")
	}
	switch b.GrantType {
	case GrantOwn:
	case GrantAuthorised:
		if b.GrantDetails == nil || len(b.GrantDetails.GrantCertifications) == 0 {
			add("grant_details.grant_certifications", "required", "required for an authorised brand")
		}
	default:
		add("grant_type", "enum", "must be 1 (own) or 2 (authorised)")
	}
	if len(errs) > 0 {
		return vcart.NewValidationError(errs)
	}
	return nil
}

func (s *BrandService) submit(ctx context.Context, e endpoint, b *BrandQualification, op string) (ID, *Response, error) {
	if b == nil {
		return "", nil, errorf(op, errNilRequest())
	}
	if err := b.validate(); err != nil {
		return "", nil, errorf(op, err)
	}
	sent := *b
	sent.Status, sent.CreateTime, sent.UpdateTime = 0, 0, 0
	body := struct {
		Brand *BrandQualification `json:"brand"`
	}{&sent}
	var out struct {
		AuditID ID `json:"audit_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: body}, &out)
	if err != nil {
		return "", resp, errorf(op+" "+string(b.BrandID), err)
	}
	return out.AuditID, resp, nil
}

// Add applies for a brand qualification (新增品牌资质) and returns the
// audit_id. Not idempotent: after an ambiguous failure read
// [BrandService.List] before adding again. The result arrives by
// [BrandService.Get] or the push event channels_ec_brand.
//
// WeChat API: POST /shop/ec/brand/add
func (s *BrandService) Add(ctx context.Context, b *BrandQualification) (ID, *Response, error) {
	return s.submit(ctx, epBrandAdd, b, "add brand")
}

// Update resubmits a brand qualification (更新品牌资质), which goes to audit
// again, and returns the new audit_id.
//
// WeChat API: POST /channels/ec/brand/update
func (s *BrandService) Update(ctx context.Context, b *BrandQualification) (ID, *Response, error) {
	return s.submit(ctx, epBrandUpdate, b, "update brand")
}

// Delete removes a brand qualification (删除品牌资质).
//
// WeChat API: POST /channels/ec/brand/delete
func (s *BrandService) Delete(ctx context.Context, brandID ID) (*Response, error) {
	if err := requireID("brand_id", brandID); err != nil {
		return nil, errorf("delete brand", err)
	}
	body := struct {
		BrandID ID `json:"brand_id"`
	}{brandID}
	resp, err := s.client.call(ctx, &request{ep: epBrandDelete, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("delete brand "+string(brandID), err)
	}
	return resp, nil
}

// CancelAudit withdraws a brand application under audit (撤回品牌资质审核).
//
// WeChat API: POST /shop/ec/brand/audit/cancel
func (s *BrandService) CancelAudit(ctx context.Context, brandID, auditID ID) (*Response, error) {
	var errs []vcart.FieldError
	if brandID == "" {
		errs = append(errs, vcart.FieldError{Field: "brand_id", Code: "required", Msg: "must not be empty"})
	}
	if auditID == "" {
		errs = append(errs, vcart.FieldError{Field: "audit_id", Code: "required", Msg: "must not be empty"})
	}
	if len(errs) > 0 {
		return nil, errorf("cancel brand audit", vcart.NewValidationError(errs))
	}
	body := struct {
		BrandID ID `json:"brand_id"`
		AuditID ID `json:"audit_id"`
	}{brandID, auditID}
	resp, err := s.client.call(ctx, &request{ep: epBrandAuditCancel, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("cancel brand audit "+string(brandID), err)
	}
	return resp, nil
}

// ValidBrandPage is one page of the brand qualifications in force.
type ValidBrandPage struct {
	Brands   []BrandQualification `json:"brands"`
	NextKey  string               `json:"next_key"`
	TotalNum int                  `json:"total_num"`
}

// Valid returns one page of the shop's brand qualifications in force
// (生效中的品牌资质), page_size 1..50 (default 10); opts.Status is not sent.
//
// WeChat API: POST /channels/ec/brand/valid/list/get
func (s *BrandService) Valid(ctx context.Context, opts *BrandListOptions) (*ValidBrandPage, *Response, error) {
	var o BrandListOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize == 0 {
		o.PageSize = 10
	}
	if o.PageSize < 1 || o.PageSize > 50 {
		return nil, nil, errorf("valid brands", vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1..50"}}))
	}
	body := struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}{o.PageSize, o.NextKey}
	var out ValidBrandPage
	resp, err := s.client.call(ctx, &request{ep: epBrandValidList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("valid brands", err)
	}
	resp.NextKey = out.NextKey
	return &out, resp, nil
}

// ValidIter iterates over the shop's brand qualifications in force.
//
// WeChat API: POST /channels/ec/brand/valid/list/get
func (s *BrandService) ValidIter(ctx context.Context, opts *BrandListOptions) iter.Seq2[*BrandQualification, error] {
	var o BrandListOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, o.NextKey, func(ctx context.Context, key string) ([]*BrandQualification, string, error) {
		o.NextKey = key
		p, _, err := s.Valid(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		out := make([]*BrandQualification, len(p.Brands))
		for i := range p.Brands {
			out[i] = &p.Brands[i]
		}
		return out, p.NextKey, nil
	})
}
