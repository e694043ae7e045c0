package shopapi

import (
	"context"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Category applications (类目申请): the shop applies for a gated category
// with qualification files (file_ids from [MediaService.UploadQualification]),
// follows the audit (审核单) to its result and reads its category
// permissions (类目权限).

var (
	epCategoryApply          = ep("/channels/ec/category/add")
	epCategoryAuditGet       = ep("/channels/ec/category/audit/get")
	epCategoryAuditCancel    = ep("/shop/ec/category/audit/cancel")
	epCategoryRelationList   = ep("/shop/ec/category/get_category_relation_list")
	epCategoryRelationDetail = ep("/shop/ec/category/get_category_relation_detail")
	epCategoryFlowList       = ep("/shop/ec/category/getbizcatflowlist")
	epCategoryFlowDetail     = ep("/shop/ec/category/getbizcatflowdetail")
)

// MaxQualificationFiles caps each list of qualification files of a category
// application (图片fileid, 最多不超过10张).
const MaxQualificationFiles = 10

// LicenseField is one key/value field of a licence (证照字段).
type LicenseField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// License is one licence of a licence group (证照): its id, its files and
// its fields.
type License struct {
	LicenseID        ID             `json:"license_id"`
	FileIDList       []string       `json:"file_id_list"`
	LicenseFieldList []LicenseField `json:"license_field_list,omitempty"`
}

// LicenseGroup is a licence group (证照组) of a category application: a
// group needs any one of its licences.
type LicenseGroup struct {
	LicenseGroupID ID      `json:"license_group_id"`
	License        License `json:"license"`
}

// CategoryApplyInfo is a category application (category_info of
// category/add) and the audit material the platform echoes (audit_info of
// the audit flows and permissions, which name the leaf as level3). The
// lists hold qualification file_ids, at most [MaxQualificationFiles] each.
type CategoryApplyInfo struct {
	// Level1, Level2 and Level3 are the legacy three-level tree's ids;
	// CatsV2 is the new tree's path, root first (preferred).
	Level1 ID       `json:"level1,omitempty"`
	Level2 ID       `json:"level2,omitempty"`
	Level3 ID       `json:"level3,omitempty"`
	CatsV2 []CatRef `json:"cats_v2,omitempty"`
	// Certificate is the legacy qualification list (资质材料, deprecated
	// by the page in favour of LicenseGroupList).
	Certificate       []string `json:"certificate,omitempty"`
	Baobeihan         []string `json:"baobeihan,omitempty"`         // 报备函
	Jingyingzhengming []string `json:"jingyingzhengming,omitempty"` // 经营证明
	Daihuokoubei      []string `json:"daihuokoubei,omitempty"`      // 带货口碑
	Ruzhuzhizhi       []string `json:"ruzhuzhizhi,omitempty"`       // 入驻资质
	Jingyingliushui   []string `json:"jingyingliushui,omitempty"`   // 经营流水
	Buchongcailiao    []string `json:"buchongcailiao,omitempty"`    // 补充材料
	// Jingyingpingtai is the other platform the shop trades on (经营平台:
	// taobao, jd, douyin, kuaishou, pdd, other); Zhanghaomingcheng the
	// account name there (账号名称).
	Jingyingpingtai   string `json:"jingyingpingtai,omitempty"`
	Zhanghaomingcheng string `json:"zhanghaomingcheng,omitempty"`
	// BrandList names the brands applied for with the category.
	BrandList []CatRefBrand `json:"brand_list,omitempty"`
	// IsNewApplyCat selects the licence-group flow (新版证照组).
	IsNewApplyCat    bool           `json:"is_new_apply_cat,omitempty"`
	LicenseGroupList []LicenseGroup `json:"license_group_list,omitempty"`
	// CommitmentLetterList (承诺函) and AccountLink (账号链接) appear in the
	// audit material of the audit flows.
	CommitmentLetterList []string `json:"commitment_letter_list,omitempty"`
	AccountLink          string   `json:"account_link,omitempty"`
}

// validPlatforms are the values of jingyingpingtai.
var validPlatforms = map[string]bool{"taobao": true, "jd": true, "douyin": true, "kuaishou": true, "pdd": true, "other": true}

// validate checks an application before the network: a category (cats_v2
// or all three levels), at most 10 files per list, a known platform.
func (a *CategoryApplyInfo) validate() error {
	var errs []vcart.FieldError
	if len(a.CatsV2) == 0 && (a.Level1 == "" || a.Level2 == "" || a.Level3 == "") {
		errs = append(errs, vcart.FieldError{Field: "category_info.cats_v2", Code: "required", Msg: "name the category (cats_v2, or level1..level3)"})
	}
	for i, c := range a.CatsV2 {
		if strings.TrimSpace(string(c.CatID)) == "" {
			errs = append(errs, vcart.FieldError{Field: "category_info.cats_v2[" + itoa(i) + "].cat_id", Code: "required", Msg: "must not be empty"})
		}
	}
	for _, l := range []struct {
		name  string
		files []string
	}{{"certificate", a.Certificate}, {"baobeihan", a.Baobeihan}, {"jingyingzhengming", a.Jingyingzhengming},
		{"daihuokoubei", a.Daihuokoubei}, {"ruzhuzhizhi", a.Ruzhuzhizhi}, {"jingyingliushui", a.Jingyingliushui},
		{"buchongcailiao", a.Buchongcailiao}} {
		if len(l.files) > MaxQualificationFiles {
			errs = append(errs, vcart.FieldError{Field: "category_info." + l.name, Code: "max_items", Msg: "at most 10 files"})
		}
	}
	if a.Jingyingpingtai != "" && !validPlatforms[a.Jingyingpingtai] {
		errs = append(errs, vcart.FieldError{Field: "category_info.jingyingpingtai", Code: "enum", Msg: "must be taobao, jd, douyin, kuaishou, pdd or other"})
	}
	for i, g := range a.LicenseGroupList {
		if len(g.License.FileIDList) == 0 {
			errs = append(errs, vcart.FieldError{Field: "category_info.license_group_list[" + itoa(i) + "].license.file_id_list", Code: "required", Msg: "at least one file"})
		}
	}
	if len(errs) > 0 {
		return vcart.NewValidationError(errs)
	}
	return nil
}

// Apply submits a category application (申请类目) and returns its audit_id.
// Upload each qualification image first ([MediaService.UploadQualification])
// and reference the returned file_ids. Apply is not idempotent: after an
// ambiguous failure read [CategoryService.AuditFlows] before applying again.
// The result arrives by [CategoryService.Audit] or the push event
// product_category_audit.
//
// WeChat API: POST /channels/ec/category/add
func (s *CategoryService) Apply(ctx context.Context, info *CategoryApplyInfo) (ID, *Response, error) {
	if info == nil {
		return "", nil, errorf("apply category", errNilRequest())
	}
	if err := info.validate(); err != nil {
		return "", nil, errorf("apply category", err)
	}
	body := struct {
		CategoryInfo *CategoryApplyInfo `json:"category_info"`
	}{info}
	var out struct {
		AuditID ID `json:"audit_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCategoryApply, body: body}, &out)
	if err != nil {
		return "", resp, errorf("apply category", err)
	}
	return out.AuditID, resp, nil
}

// CategoryAuditStatus is the state of a category application (审核状态).
type CategoryAuditStatus int

// Category audit states (category/audit/get and the product_category_audit
// push: 1 审核中, 2 审核不通过, 3 审核成功, 12 主动取消). The page's example
// answers 9, the older mini-shop code for a rejection: [CategoryAuditStatus.Rejected]
// counts it as one.
const (
	CategoryAuditPending   CategoryAuditStatus = 1  // 审核中
	CategoryAuditRejected  CategoryAuditStatus = 2  // 审核不通过
	CategoryAuditApproved  CategoryAuditStatus = 3  // 审核成功
	CategoryAuditRejected9 CategoryAuditStatus = 9  // 拒绝 (older code, in the page's example)
	CategoryAuditCancelled CategoryAuditStatus = 12 // 主动取消申请单
)

// String returns the status name.
func (s CategoryAuditStatus) String() string {
	switch s {
	case CategoryAuditPending:
		return "pending"
	case CategoryAuditRejected, CategoryAuditRejected9:
		return "rejected"
	case CategoryAuditApproved:
		return "approved"
	case CategoryAuditCancelled:
		return "cancelled"
	}
	return "CategoryAuditStatus(" + itoa(int(s)) + ")"
}

// Rejected reports a rejection in either code (2, or 9 of the example).
func (s CategoryAuditStatus) Rejected() bool {
	return s == CategoryAuditRejected || s == CategoryAuditRejected9
}

// Final reports whether the audit is over (approved, rejected or cancelled).
func (s CategoryAuditStatus) Final() bool {
	return s == CategoryAuditApproved || s == CategoryAuditCancelled || s.Rejected()
}

// CategoryAuditResult is the result of a category application.
type CategoryAuditResult struct {
	Status CategoryAuditStatus `json:"status"`
	// RejectReason is the platform's reason when rejected.
	RejectReason string `json:"reject_reason,omitempty"`
}

// Audit returns the state of a category application.
//
// WeChat API: POST /channels/ec/category/audit/get
func (s *CategoryService) Audit(ctx context.Context, auditID ID) (*CategoryAuditResult, *Response, error) {
	if err := requireID("audit_id", auditID); err != nil {
		return nil, nil, errorf("category audit", err)
	}
	body := struct {
		AuditID ID `json:"audit_id"`
	}{auditID}
	var out struct {
		Data CategoryAuditResult `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCategoryAuditGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("category audit "+string(auditID), err)
	}
	return &out.Data, resp, nil
}

// CancelAudit withdraws a category application under audit (撤销类目审核);
// an unknown audit answers [CodeInvalidAuditID].
//
// WeChat API: POST /shop/ec/category/audit/cancel
func (s *CategoryService) CancelAudit(ctx context.Context, auditID ID) (*Response, error) {
	if err := requireID("audit_id", auditID); err != nil {
		return nil, errorf("cancel category audit", err)
	}
	body := struct {
		AuditID ID `json:"audit_id"`
	}{auditID}
	resp, err := s.client.call(ctx, &request{ep: epCategoryAuditCancel, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("cancel category audit "+string(auditID), err)
	}
	return resp, nil
}

// CategoryRelationStatus is the state of a category permission (类目状态).
type CategoryRelationStatus int

// Category permission states.
const (
	CategoryRelationActive   CategoryRelationStatus = 1 // 生效中
	CategoryRelationInactive CategoryRelationStatus = 2 // 已失效
)

// String returns the status name.
func (s CategoryRelationStatus) String() string {
	switch s {
	case CategoryRelationActive:
		return "active"
	case CategoryRelationInactive:
		return "inactive"
	}
	return "CategoryRelationStatus(" + itoa(int(s)) + ")"
}

// CategoryRelation is one of the shop's category permissions (类目权限).
// Times are Unix seconds (0 when unset).
type CategoryRelation struct {
	// ID is the category's id in the list; CategoryID in the detail.
	ID                ID                     `json:"id,omitempty"`
	CategoryID        ID                     `json:"category_id,omitempty"`
	Status            CategoryRelationStatus `json:"status"`
	UneffectiveReason string                 `json:"uneffective_reason"`
	EffectiveTime     int64                  `json:"effective_time"`
	UneffectiveTime   int64                  `json:"uneffective_time"`
	QuaID             ID                     `json:"qua_id"`
	// AuditInfo is the application's material (detail only).
	AuditInfo *CategoryApplyInfo `json:"audit_info,omitempty"`
}

// Cat returns the category id, whichever field carries it.
func (r CategoryRelation) Cat() ID {
	if r.CategoryID != "" {
		return r.CategoryID
	}
	return r.ID
}

// Relations lists the shop's category permissions; status, when non-nil,
// keeps those in that state.
//
// WeChat API: POST /shop/ec/category/get_category_relation_list
func (s *CategoryService) Relations(ctx context.Context, status *CategoryRelationStatus) ([]CategoryRelation, *Response, error) {
	body := struct {
		IsFilterStatus bool                    `json:"is_filter_status"`
		Status         *CategoryRelationStatus `json:"status,omitempty"`
	}{status != nil, status}
	var out struct {
		List []CategoryRelation `json:"list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCategoryRelationList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("category relations", err)
	}
	return out.List, resp, nil
}

// Relation returns the shop's permission for one category with the audit
// material it was granted on.
//
// WeChat API: POST /shop/ec/category/get_category_relation_detail
func (s *CategoryService) Relation(ctx context.Context, categoryID ID) (*CategoryRelation, *Response, error) {
	if err := requireID("category_id", categoryID); err != nil {
		return nil, nil, errorf("category relation", err)
	}
	body := struct {
		CategoryID ID `json:"category_id"`
	}{categoryID}
	var out CategoryRelation
	resp, err := s.client.call(ctx, &request{ep: epCategoryRelationDetail, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("category relation "+string(categoryID), err)
	}
	return &out, resp, nil
}

// CategoryFlowStatus is the state of a category audit flow (审核单状态).
type CategoryFlowStatus int

// Category audit flow states.
const (
	CategoryFlowPending   CategoryFlowStatus = 1 // 审核中
	CategoryFlowRejected  CategoryFlowStatus = 2 // 审核驳回
	CategoryFlowApproved  CategoryFlowStatus = 3 // 审核成功
	CategoryFlowCancelled CategoryFlowStatus = 4 // 取消审核单
)

// String returns the status name.
func (s CategoryFlowStatus) String() string {
	switch s {
	case CategoryFlowPending:
		return "pending"
	case CategoryFlowRejected:
		return "rejected"
	case CategoryFlowApproved:
		return "approved"
	case CategoryFlowCancelled:
		return "cancelled"
	}
	return "CategoryFlowStatus(" + itoa(int(s)) + ")"
}

// CategoryFlow is a category audit flow (类目审核单). Times are Unix seconds.
type CategoryFlow struct {
	CatID       ID                 `json:"cat_id"`
	Status      CategoryFlowStatus `json:"status"`
	AuditID     ID                 `json:"audit_id"`
	QuaID       ID                 `json:"qua_id"`
	CreateTime  int64              `json:"create_time"`
	UpdateTime  int64              `json:"update_time"`
	AuditInfo   *CategoryApplyInfo `json:"audit_info,omitempty"`
	AuditTime   int64              `json:"audit_time"`
	AuditReason string             `json:"audit_reason"`
}

// CategoryFlowListOptions filter and page the audit flows.
type CategoryFlowListOptions struct {
	// Status, when non-nil, keeps the flows in that state.
	Status *CategoryFlowStatus
	// Offset and Limit page the list (Limit 0 means 10).
	Offset, Limit int
}

// AuditFlows lists the shop's category audit flows, newest applications
// included, one offset/limit page at a time.
//
// WeChat API: POST /shop/ec/category/getbizcatflowlist
func (s *CategoryService) AuditFlows(ctx context.Context, opts *CategoryFlowListOptions) ([]CategoryFlow, *Response, error) {
	var o CategoryFlowListOptions
	if opts != nil {
		o = *opts
	}
	if o.Limit == 0 {
		o.Limit = 10
	}
	var errs []vcart.FieldError
	if o.Offset < 0 {
		errs = append(errs, vcart.FieldError{Field: "offset", Code: "range", Msg: "must not be negative"})
	}
	if o.Limit < 0 {
		errs = append(errs, vcart.FieldError{Field: "limit", Code: "range", Msg: "must be positive"})
	}
	if len(errs) > 0 {
		return nil, nil, errorf("category audit flows", vcart.NewValidationError(errs))
	}
	body := struct {
		IsFilterStatus bool                `json:"is_filter_status"`
		Status         *CategoryFlowStatus `json:"status,omitempty"`
		Offset         int                 `json:"offset"`
		Limit          int                 `json:"limit"`
	}{o.Status != nil, o.Status, o.Offset, o.Limit}
	var out struct {
		List []CategoryFlow `json:"list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCategoryFlowList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("category audit flows", err)
	}
	return out.List, resp, nil
}

// AuditFlow returns one category audit flow with its material.
//
// WeChat API: POST /shop/ec/category/getbizcatflowdetail
func (s *CategoryService) AuditFlow(ctx context.Context, auditID ID) (*CategoryFlow, *Response, error) {
	if err := requireID("audit_id", auditID); err != nil {
		return nil, nil, errorf("category audit flow", err)
	}
	body := struct {
		AuditID ID `json:"audit_id"`
	}{auditID}
	var out struct {
		Info CategoryFlow `json:"info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCategoryFlowDetail, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("category audit flow "+string(auditID), err)
	}
	return &out.Info, resp, nil
}
