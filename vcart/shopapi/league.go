package shopapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	epLeaguePromoterAdd    = ep("/channels/ec/league/promoter/add")
	epLeaguePromoterDelete = ep("/channels/ec/league/promoter/delete")
	epLeaguePromoterGet    = ep("/channels/ec/league/promoter/get")
	epLeaguePromoterList   = ep("/channels/ec/league/promoter/list/get")
	epLeaguePromoterUpd    = ep("/channels/ec/league/promoter/upd")
	epLeagueItemBatchAdd   = ep("/channels/ec/league/item/batchadd")
	epLeagueItemHSBatchAdd = ep("/channels/ec/league/item/headsupplier/batchadd")
	epLeagueItemDelete     = ep("/channels/ec/league/item/delete")
	epLeagueItemGet        = ep("/channels/ec/league/item/get")
	epLeagueItemList       = ep("/channels/ec/league/item/list/get")
	epLeagueItemUpd        = ep("/channels/ec/league/item/upd")
)

// PromoterStatus is a talent's cooperation status with the shop (合作状态).
type PromoterStatus int

// Promoter statuses.
const (
	PromoterInitial  PromoterStatus = 0  // 初始值
	PromoterInvited  PromoterStatus = 1  // 邀请中
	PromoterAccepted PromoterStatus = 2  // 达人已接受邀请
	PromoterRefused  PromoterStatus = 3  // 达人已拒绝邀请
	PromoterCanceled PromoterStatus = 4  // 已取消邀请
	PromoterEnded    PromoterStatus = 5  // 已取消合作
	PromoterDeleted  PromoterStatus = 10 // 已删除
)

// String returns the status's name.
func (s PromoterStatus) String() string {
	switch s {
	case PromoterInitial:
		return "initial"
	case PromoterInvited:
		return "invited"
	case PromoterAccepted:
		return "accepted"
	case PromoterRefused:
		return "refused"
	case PromoterCanceled:
		return "canceled"
	case PromoterEnded:
		return "ended"
	case PromoterDeleted:
		return "deleted"
	}
	return fmt.Sprintf("PromoterStatus(%d)", int(s))
}

// Promoter is a talent (达人) the shop cooperates with in the alliance.
// SaleGMV is the cooperation's sales (合作动销GMV) as the platform sends
// it; InviteTime is Unix seconds.
type Promoter struct {
	FinderID          string         `json:"finder_id"`
	Status            PromoterStatus `json:"status"`
	InviteTime        int64          `json:"invite_time"`
	SaleProductNumber int64          `json:"sale_product_number"`
	SaleGMV           int64          `json:"sale_gmv"`
	// PromoterID is the talent's 达人带货id, in newer answers.
	PromoterID string `json:"promoter_id,omitempty"`
}

func finderIDCheck(finderID string) error {
	if strings.TrimSpace(finderID) == "" {
		return vcart.NewValidationError([]vcart.FieldError{{Field: "finder_id", Code: "required", Msg: "must not be empty"}})
	}
	return nil
}

func (s *LeagueService) promoterCall(ctx context.Context, e endpoint, op, finderID string, out any) (*Response, error) {
	if err := finderIDCheck(finderID); err != nil {
		return nil, errorf(op, err)
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: finderIDBody{finderID}}, out)
	if err != nil {
		return resp, errorf(op+" "+finderID, err)
	}
	return resp, nil
}

// AddPromoter invites a channel's talent to the shop's alliance (新增达人);
// the talent then accepts or refuses. Not idempotent: after an ambiguous
// failure read [LeagueService.Promoter].
//
// WeChat API: POST /channels/ec/league/promoter/add
func (s *LeagueService) AddPromoter(ctx context.Context, finderID string) (*Response, error) {
	return s.promoterCall(ctx, epLeaguePromoterAdd, "add promoter", finderID, &struct{}{})
}

// DeletePromoter removes a talent (删除达人).
//
// WeChat API: POST /channels/ec/league/promoter/delete
func (s *LeagueService) DeletePromoter(ctx context.Context, finderID string) (*Response, error) {
	return s.promoterCall(ctx, epLeaguePromoterDelete, "delete promoter", finderID, &struct{}{})
}

// Promoter returns a talent's cooperation (获取达人详情信息).
//
// WeChat API: POST /channels/ec/league/promoter/get
func (s *LeagueService) Promoter(ctx context.Context, finderID string) (*Promoter, *Response, error) {
	var out struct {
		Promoter Promoter `json:"promoter"`
	}
	resp, err := s.promoterCall(ctx, epLeaguePromoterGet, "get promoter", finderID, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.Promoter, resp, nil
}

// PromoterListRequest selects talents by status, a page at a time
// (PageIndex from 1).
type PromoterListRequest struct {
	Status    PromoterStatus `json:"status"`
	PageIndex int            `json:"page_index"`
	PageSize  int            `json:"page_size"`
}

// PromoterPage is one page of talents' finder ids.
type PromoterPage struct {
	FinderIDs []string `json:"finder_ids"`
	TotalNum  int64    `json:"total_num"`
}

// Promoters returns a page of the shop's talents in a status
// (获取商店达人列表).
//
// WeChat API: POST /channels/ec/league/promoter/list/get
func (s *LeagueService) Promoters(ctx context.Context, r *PromoterListRequest) (*PromoterPage, *Response, error) {
	if r == nil {
		return nil, nil, errorf("list promoters", errNilRequest())
	}
	var p []vcart.FieldError
	if r.PageIndex < 1 {
		p = append(p, vcart.FieldError{Field: "page_index", Code: "range", Msg: "must be at least 1"})
	}
	if r.PageSize < 1 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be at least 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list promoters", err)
	}
	var out PromoterPage
	resp, err := s.client.call(ctx, &request{ep: epLeaguePromoterList, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("list promoters", err)
	}
	return &out, resp, nil
}

// PromoterOp is an edit of a talent (编辑达人 操作).
type PromoterOp int

// Promoter edits.
const (
	PromoterCancelInvite PromoterOp = 1 // 取消邀请
	PromoterEndCoop      PromoterOp = 2 // 结束合作
)

// UpdatePromoter cancels an invitation or ends a cooperation (编辑达人).
// The field table types type as a number, the SKIT copy of the example
// sends "1": the client sends a number.
//
// WeChat API: POST /channels/ec/league/promoter/upd
func (s *LeagueService) UpdatePromoter(ctx context.Context, finderID string, op PromoterOp) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(finderID) == "" {
		p = append(p, vcart.FieldError{Field: "finder_id", Code: "required", Msg: "must not be empty"})
	}
	if op != PromoterCancelInvite && op != PromoterEndCoop {
		p = append(p, vcart.FieldError{Field: "type", Code: "enum", Msg: "must be 1 (cancel the invitation) or 2 (end the cooperation)"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update promoter", err)
	}
	body := struct {
		FinderID string     `json:"finder_id"`
		Type     PromoterOp `json:"type"`
	}{finderID, op}
	resp, err := s.client.call(ctx, &request{ep: epLeaguePromoterUpd, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("update promoter "+finderID, err)
	}
	return resp, nil
}

// LeagueItemType is an alliance item's promotion kind (商品推广类别).
type LeagueItemType int

// Alliance item kinds: a normal item is open to every talent, a targeted
// (定向) or exclusive (专属) one is a plan (info_id) for listed talents.
const (
	LeagueItemNormal    LeagueItemType = 1 // 普通推广商品
	LeagueItemTargeted  LeagueItemType = 2 // 定向推广商品
	LeagueItemExclusive LeagueItemType = 3 // 专属推广商品
)

// String returns the kind's name.
func (t LeagueItemType) String() string {
	switch t {
	case LeagueItemNormal:
		return "normal"
	case LeagueItemTargeted:
		return "targeted"
	case LeagueItemExclusive:
		return "exclusive"
	}
	return fmt.Sprintf("LeagueItemType(%d)", int(t))
}

// Special reports a plan kind (targeted or exclusive), addressed by
// info_id.
func (t LeagueItemType) Special() bool { return t == LeagueItemTargeted || t == LeagueItemExclusive }

// LeagueItemStatus is an alliance item's promotion status (商品推广状态), as
// WxJava documents the field table.
type LeagueItemStatus int

// Alliance item statuses.
const (
	LeagueItemListed    LeagueItemStatus = 1  // 已上架推广
	LeagueItemDelisted  LeagueItemStatus = 2  // 已下架推广
	LeagueItemDeleted   LeagueItemStatus = 4  // 已删除
	LeagueItemBelowBar  LeagueItemStatus = 5  // 未达到准入标准
	LeagueItemScheduled LeagueItemStatus = 10 // 待生效
)

// String returns the status's name.
func (s LeagueItemStatus) String() string {
	switch s {
	case LeagueItemListed:
		return "listed"
	case LeagueItemDelisted:
		return "delisted"
	case LeagueItemDeleted:
		return "deleted"
	case LeagueItemBelowBar:
		return "below_bar"
	case LeagueItemScheduled:
		return "scheduled"
	}
	return fmt.Sprintf("LeagueItemStatus(%d)", int(s))
}

// LeagueFinderPeriod is a talent's promotion period in a plan.
type LeagueFinderPeriod struct {
	FinderID  string `json:"finder_id"`
	BeginTime int64  `json:"begin_time"`
	EndTime   int64  `json:"end_time"`
}

// LeagueExclusiveInfo is a plan's talents and period (特殊推广信息); the
// platform spells is_forerver so.
type LeagueExclusiveInfo struct {
	InfoID         ID                   `json:"info_id"`
	BeginTime      int64                `json:"begin_time"`
	EndTime        int64                `json:"end_time"`
	IsForever      bool                 `json:"is_forerver"`
	FinderIDs      []string             `json:"finder_ids"`
	FinderNum      int64                `json:"finder_num,omitempty"`
	FinderInfoList []LeagueFinderPeriod `json:"finder_info_list,omitempty"`
}

// LeagueItemExt is ext_info.
type LeagueItemExt struct {
	IsSaleForbidden bool `json:"is_sale_forbidden"` // 类目禁售
	IsBanned        bool `json:"is_banned"`         // 被官方封禁
}

// LeagueItem is an alliance item (联盟商品). Ratio is the talents'
// commission in percent ([0, 90]); [LeagueItem.CommissionRatio] converts
// it for [CheckTalentCommission].
type LeagueItem struct {
	ProductID     ID                   `json:"product_id"`
	Type          LeagueItemType       `json:"type"`
	Status        LeagueItemStatus     `json:"status"`
	Ratio         int64                `json:"ratio"`
	ExclusiveInfo *LeagueExclusiveInfo `json:"exclusive_info,omitempty"`
	ExtInfo       *LeagueItemExt       `json:"ext_info,omitempty"`
}

// CommissionRatio returns the item's talent commission rate.
func (it *LeagueItem) CommissionRatio() CommissionRatio { return CommissionRatioPercent(it.Ratio) }

// LeagueItemRatio is a product and its commission (percent) in a batch.
type LeagueItemRatio struct {
	ProductID ID    `json:"product_id"`
	Ratio     int64 `json:"ratio"`
}

// LeagueItemBatchAdd adds products to the alliance (批量新增联盟商品): at most
// 20 distinct products; for a plan kind, the talents (at most 30).
type LeagueItemBatchAdd struct {
	Type      LeagueItemType    `json:"type"`
	List      []LeagueItemRatio `json:"list"`
	FinderIDs []string          `json:"finder_ids,omitempty"`
	BeginTime int64             `json:"begin_time,omitempty"`
	EndTime   int64             `json:"end_time,omitempty"`
	IsForever bool              `json:"is_forerver,omitempty"`
}

// Limits of the alliance pages.
const (
	LeagueBatchMaxProducts = 20 // 不可重复数量不超过20
	LeagueMaxFinders       = 30 // 推广达人列表,不超过30个
)

func leagueTypeCheck(t LeagueItemType, p []vcart.FieldError) []vcart.FieldError {
	if t != LeagueItemNormal && !t.Special() {
		p = append(p, vcart.FieldError{Field: "type", Code: "enum", Msg: "must be 1, 2 or 3"})
	}
	return p
}

func leagueRatioCheck(field string, r int64, p []vcart.FieldError) []vcart.FieldError {
	if r < 0 || r > LeagueRatioMaxPercent {
		p = append(p, vcart.FieldError{Field: field, Code: "range", Msg: "must be 0 to 90 (percent)"})
	}
	return p
}

func (r *LeagueItemBatchAdd) validate() error {
	if r == nil {
		return errNilRequest()
	}
	p := leagueTypeCheck(r.Type, nil)
	if len(r.List) == 0 || len(r.List) > LeagueBatchMaxProducts {
		p = append(p, vcart.FieldError{Field: "list", Code: "length", Msg: "must list 1 to 20 products"})
	}
	seen := map[ID]bool{}
	for i, it := range r.List {
		f := fmt.Sprintf("list[%d]", i)
		if it.ProductID == "" {
			p = append(p, vcart.FieldError{Field: f + ".product_id", Code: "required", Msg: "must not be empty"})
		} else if seen[it.ProductID] {
			p = append(p, vcart.FieldError{Field: f + ".product_id", Code: "unique", Msg: "product listed twice"})
		}
		seen[it.ProductID] = true
		p = leagueRatioCheck(f+".ratio", it.Ratio, p)
	}
	if r.Type.Special() && len(r.FinderIDs) == 0 {
		p = append(p, vcart.FieldError{Field: "finder_ids", Code: "required", Msg: "a targeted or exclusive plan needs talents"})
	}
	if len(r.FinderIDs) > LeagueMaxFinders {
		p = append(p, vcart.FieldError{Field: "finder_ids", Code: "max", Msg: "at most 30 talents"})
	}
	return vcart.NewValidationError(p)
}

// LeagueItemResult is one product's outcome in a batch: ErrCode 0 on
// success, with the plan's InfoID for a plan kind.
type LeagueItemResult struct {
	ErrCode       int      `json:"errcode"`
	ErrMsg        string   `json:"errmsg"`
	ProductID     ID       `json:"product_id"`
	InfoID        ID       `json:"info_id,omitempty"`
	FailFinderIDs []string `json:"fail_finder_ids,omitempty"`
}

// BatchAddItems adds products to the alliance; each product has its own
// outcome. Not idempotent.
//
// WeChat API: POST /channels/ec/league/item/batchadd
func (s *LeagueService) BatchAddItems(ctx context.Context, r *LeagueItemBatchAdd) ([]LeagueItemResult, *Response, error) {
	if err := r.validate(); err != nil {
		return nil, nil, errorf("add league items", err)
	}
	var out struct {
		Results []LeagueItemResult `json:"result_info_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epLeagueItemBatchAdd, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("add league items", err)
	}
	return out.Results, resp, nil
}

// LeagueHeadSupplierItem is a product offered to the alliance's head
// suppliers (机构) with the talents' ratio and the supplier's
// service_ratio, in the units the page's example uses.
type LeagueHeadSupplierItem struct {
	ProductID    ID    `json:"product_id"`
	Ratio        int64 `json:"ratio"`
	ServiceRatio int64 `json:"service_ratio"`
}

// LeagueHeadSupplierBatchAdd offers products to head suppliers
// (批量新增联盟机构推广).
type LeagueHeadSupplierBatchAdd struct {
	List      []LeagueHeadSupplierItem `json:"list"`
	BeginTime int64                    `json:"begin_time,omitempty"`
	EndTime   int64                    `json:"end_time,omitempty"`
}

// BatchAddHeadSupplierItems offers products to head suppliers; each
// product has its own outcome. Not idempotent.
//
// WeChat API: POST /channels/ec/league/item/headsupplier/batchadd
func (s *LeagueService) BatchAddHeadSupplierItems(ctx context.Context, r *LeagueHeadSupplierBatchAdd) ([]LeagueItemResult, *Response, error) {
	if r == nil {
		return nil, nil, errorf("add league head-supplier items", errNilRequest())
	}
	var p []vcart.FieldError
	if len(r.List) == 0 || len(r.List) > LeagueBatchMaxProducts {
		p = append(p, vcart.FieldError{Field: "list", Code: "length", Msg: "must list 1 to 20 products"})
	}
	for i, it := range r.List {
		if it.ProductID == "" {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("list[%d].product_id", i), Code: "required", Msg: "must not be empty"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("add league head-supplier items", err)
	}
	var out struct {
		Results []LeagueItemResult `json:"result_info_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epLeagueItemHSBatchAdd, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("add league head-supplier items", err)
	}
	return out.Results, resp, nil
}

// LeagueItemKey names an alliance item: a normal item by ProductID, a plan
// (targeted, exclusive) by InfoID.
type LeagueItemKey struct {
	Type      LeagueItemType `json:"type"`
	ProductID ID             `json:"product_id,omitempty"`
	InfoID    ID             `json:"info_id,omitempty"`
}

func (k LeagueItemKey) problems() []vcart.FieldError {
	p := leagueTypeCheck(k.Type, nil)
	switch {
	case k.Type == LeagueItemNormal && k.ProductID == "":
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "a normal item is named by product_id"})
	case k.Type.Special() && k.InfoID == "":
		p = append(p, vcart.FieldError{Field: "info_id", Code: "required", Msg: "a plan is named by info_id"})
	}
	return p
}

// DeleteItem removes an alliance item (删除联盟商品).
//
// WeChat API: POST /channels/ec/league/item/delete
func (s *LeagueService) DeleteItem(ctx context.Context, k LeagueItemKey) (*Response, error) {
	if err := vcart.NewValidationError(k.problems()); err != nil {
		return nil, errorf("delete league item", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epLeagueItemDelete, body: k}, &struct{}{})
	if err != nil {
		return resp, errorf("delete league item", err)
	}
	return resp, nil
}

// LeagueItemGetRequest names an item and, for a plan, whether to page
// through its talents (NeedRelation, PageIndex from 1, PageSize at most
// 50).
type LeagueItemGetRequest struct {
	LeagueItemKey
	NeedRelation bool `json:"need_relation,omitempty"`
	PageSize     int  `json:"page_size,omitempty"`
	PageIndex    int  `json:"page_index,omitempty"`
	NeedTotalNum bool `json:"need_total_num,omitempty"`
}

// Item returns an alliance item (获取联盟商品详情).
//
// WeChat API: POST /channels/ec/league/item/get
func (s *LeagueService) Item(ctx context.Context, r *LeagueItemGetRequest) (*LeagueItem, *Response, error) {
	if r == nil {
		return nil, nil, errorf("get league item", errNilRequest())
	}
	p := r.problems()
	if r.NeedRelation && (r.PageSize < 1 || r.PageSize > 50) {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1 to 50 with need_relation"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("get league item", err)
	}
	var out struct {
		Item LeagueItem `json:"item"`
	}
	resp, err := s.client.call(ctx, &request{ep: epLeagueItemGet, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("get league item", err)
	}
	return &out.Item, resp, nil
}

// LeagueItemListRequest pages through the alliance items of a kind, by
// PageIndex (from 1) or by the LastBuffer cursor.
type LeagueItemListRequest struct {
	Type         LeagueItemType `json:"type"`
	PageSize     int            `json:"page_size"`
	PageIndex    int            `json:"page_index,omitempty"`
	ProductID    ID             `json:"product_id,omitempty"`
	FinderID     string         `json:"finder_id,omitempty"`
	LastBuffer   string         `json:"last_buffer,omitempty"`
	NeedTotalNum bool           `json:"need_total_num,omitempty"`
}

// LeagueItemRef is an item of the list.
type LeagueItemRef struct {
	ProductID ID `json:"product_id"`
	InfoID    ID `json:"info_id,omitempty"`
}

// LeagueItemRefs is the list's items: an array in the field tables and
// the current example, a single object in an older page's example; both
// decode.
type LeagueItemRefs []LeagueItemRef

// UnmarshalJSON accepts an array or one object.
func (r *LeagueItemRefs) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var one LeagueItemRef
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*r = LeagueItemRefs{one}
		return nil
	}
	var many []LeagueItemRef
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*r = many
	return nil
}

// LeagueItemPage is one page of alliance items.
type LeagueItemPage struct {
	Items      LeagueItemRefs `json:"items"`
	TotalNum   int64          `json:"total_num"`
	HasMore    bool           `json:"has_more,omitempty"`
	LastBuffer string         `json:"last_buffer,omitempty"`
}

// Items returns a page of alliance items (获取联盟商品推广列表); page_size at
// most 100, page_size × page_index at most 5000 (use LastBuffer beyond).
//
// WeChat API: POST /channels/ec/league/item/list/get
func (s *LeagueService) Items(ctx context.Context, r *LeagueItemListRequest) (*LeagueItemPage, *Response, error) {
	if r == nil {
		return nil, nil, errorf("list league items", errNilRequest())
	}
	p := leagueTypeCheck(r.Type, nil)
	if r.PageSize < 1 || r.PageSize > 100 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1 to 100"})
	}
	if r.PageIndex < 0 || r.PageIndex*r.PageSize > 5000 {
		p = append(p, vcart.FieldError{Field: "page_index", Code: "range", Msg: "page_size × page_index must not exceed 5000"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list league items", err)
	}
	var out LeagueItemPage
	resp, err := s.client.call(ctx, &request{ep: epLeagueItemList, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("list league items", err)
	}
	return &out, resp, nil
}

// LeagueExclusiveUpdate changes a plan's period and talents.
type LeagueExclusiveUpdate struct {
	BeginTime    int64    `json:"begin_time,omitempty"`
	EndTime      int64    `json:"end_time,omitempty"`
	IsForever    bool     `json:"is_forerver,omitempty"`
	AddFinderIDs []string `json:"add_finder_ids,omitempty"`
	DelFinderIDs []string `json:"del_finder_ids,omitempty"`
}

// LeagueItemUpdate updates an alliance item (更新联盟商品信息). OperateType is
// the page's 更新操作类别, whose enum could not be read here: the page's
// example sends 1 with a ratio and exclusive_info (the table: ratio is
// required for an edit), so [LeagueOperateEdit] is 1; other values are
// sent as given.
type LeagueItemUpdate struct {
	LeagueItemKey
	OperateType   int                    `json:"operate_type"`
	Ratio         int64                  `json:"ratio,omitempty"`
	ExclusiveInfo *LeagueExclusiveUpdate `json:"exclusive_info,omitempty"`
}

// LeagueOperateEdit is operate_type 1, an edit (编辑) as the example shows.
const LeagueOperateEdit = 1

// UpdateItem updates an alliance item and returns the plan's info_id.
//
// WeChat API: POST /channels/ec/league/item/upd
func (s *LeagueService) UpdateItem(ctx context.Context, r *LeagueItemUpdate) (ID, *Response, error) {
	if r == nil {
		return "", nil, errorf("update league item", errNilRequest())
	}
	p := r.problems()
	if r.OperateType == LeagueOperateEdit {
		p = leagueRatioCheck("ratio", r.Ratio, p)
	}
	if r.OperateType <= 0 {
		p = append(p, vcart.FieldError{Field: "operate_type", Code: "required", Msg: "must be set"})
	}
	if e := r.ExclusiveInfo; e != nil && (len(e.AddFinderIDs) > LeagueMaxFinders || len(e.DelFinderIDs) > LeagueMaxFinders) {
		p = append(p, vcart.FieldError{Field: "exclusive_info", Code: "max", Msg: "at most 30 talents added or removed"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("update league item", err)
	}
	var out struct {
		InfoID ID `json:"info_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epLeagueItemUpd, body: r}, &out)
	if err != nil {
		return "", resp, errorf("update league item", err)
	}
	return out.InfoID, resp, nil
}
