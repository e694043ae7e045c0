package shopapi

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	epGuaranteeSearch = ep("/channels/ec/aftersale/searchguaranteeorder")
	epGuaranteeGet    = ep("/channels/ec/aftersale/getguaranteeorder")
	epGuaranteeAccept = ep("/channels/ec/aftersale/merchantacceptguarantee")
	epGuaranteeModify = ep("/channels/ec/aftersale/merchantmodifyguarantee")
	epGuaranteeProof  = ep("/channels/ec/aftersale/merchantproofguarantee")
	epGuaranteeRefuse = ep("/channels/ec/aftersale/merchantrefuseguarantee")
)

// numID is an id the page types as a JSON number in requests (the guarantee
// endpoints): it is sent as the number's digits, without the float64
// round-trip that would lose ids above 2^53.
type numID ID

// MarshalJSON writes the id's digits as a JSON number.
func (id numID) MarshalJSON() ([]byte, error) {
	if !isDigits(string(id)) {
		return nil, errors.New("id " + strconv.Quote(string(id)) + " is not a decimal number")
	}
	return []byte(id), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func numIDs(ids []ID) []numID {
	if ids == nil {
		return nil
	}
	out := make([]numID, len(ids))
	for i, id := range ids {
		out[i] = numID(id)
	}
	return out
}

// GuaranteeType is the kind of a guarantee order (保障单类型).
type GuaranteeType int

// Guarantee types.
const (
	// GuaranteeFakeCompensation (1) is 假一赔四 (the search page's request
	// table says 假一赔三; its answer table and the get page say 假一赔四).
	GuaranteeFakeCompensation GuaranteeType = 1
	// GuaranteeDamageReturn (2) is 坏损包退.
	GuaranteeDamageReturn GuaranteeType = 2
)

// GuaranteeStatus is a guarantee order's state (保障单状态, GuaranteeStatus).
// The field table types it as a string and lists numbers: it decodes from
// both and encodes as a number.
type GuaranteeStatus int

// Guarantee states.
const (
	GuaranteeWaitMerchant      GuaranteeStatus = 10 // 等待商家处理
	GuaranteeWaitUserConfirm   GuaranteeStatus = 12 // 等待用户确认
	GuaranteeWaitPlatform      GuaranteeStatus = 15 // 等待平台处理
	GuaranteeWaitMerchantProof GuaranteeStatus = 20 // 等待商家举证
	GuaranteeWaitUserProof     GuaranteeStatus = 25 // 等待用户举证
	GuaranteeWaitBothProof     GuaranteeStatus = 30 // 等待双方举证
	GuaranteeWaitOPConfirm     GuaranteeStatus = 31 // 等待OP确认
	GuaranteeWaitPayScore      GuaranteeStatus = 32 // 等待支付分付款
	GuaranteeNoCompensation    GuaranteeStatus = 33 // 无需赔付
	GuaranteeCompensating      GuaranteeStatus = 35 // 赔付中
	GuaranteeAmountAbnormal    GuaranteeStatus = 36 // 假一赔四金额异常，待确认
	GuaranteeCompensated       GuaranteeStatus = 40 // 赔付成功
	GuaranteeCompensationFail  GuaranteeStatus = 45 // 赔付失败
	GuaranteeUserCancelled     GuaranteeStatus = 50 // 用户取消申请
)

// UnmarshalJSON accepts a number or a string holding one.
func (s *GuaranteeStatus) UnmarshalJSON(b []byte) error {
	var n Int64
	if err := n.UnmarshalJSON(b); err != nil {
		return err
	}
	*s = GuaranteeStatus(n)
	return nil
}

// String returns the state's name.
func (s GuaranteeStatus) String() string {
	if n, ok := guaranteeStatusNames[s]; ok {
		return n
	}
	return "GuaranteeStatus(" + strconv.Itoa(int(s)) + ")"
}

var guaranteeStatusNames = map[GuaranteeStatus]string{
	GuaranteeWaitMerchant: "wait_merchant", GuaranteeWaitUserConfirm: "wait_user_confirm",
	GuaranteeWaitPlatform: "wait_platform", GuaranteeWaitMerchantProof: "wait_merchant_proof",
	GuaranteeWaitUserProof: "wait_user_proof", GuaranteeWaitBothProof: "wait_both_proof",
	GuaranteeWaitOPConfirm: "wait_op_confirm", GuaranteeWaitPayScore: "wait_payscore",
	GuaranteeNoCompensation: "no_compensation", GuaranteeCompensating: "compensating",
	GuaranteeAmountAbnormal: "amount_abnormal", GuaranteeCompensated: "compensated",
	GuaranteeCompensationFail: "compensation_failed", GuaranteeUserCancelled: "user_cancelled",
}

// IsFinal reports whether the guarantee is over.
func (s GuaranteeStatus) IsFinal() bool {
	switch s {
	case GuaranteeNoCompensation, GuaranteeCompensated, GuaranteeCompensationFail, GuaranteeUserCancelled:
		return true
	}
	return false
}

// GuaranteeProduct is one line of a guarantee order's product_info.
type GuaranteeProduct struct {
	ProductID ID `json:"product_id"`
	SKUID     ID `json:"sku_id,omitempty"`
}

// Guarantee is a guarantee order (保障单): a buyer's claim under the shop's
// service guarantees (假一赔四, 坏损包退). Fields the SDK does not declare
// (order_pay_info, order_present_info …) are kept in Extra.
type Guarantee struct {
	GuaranteeOrderID ID                 `json:"guarantee_order_id"`
	Type             GuaranteeType      `json:"type"`
	OrderID          ID                 `json:"order_id"`
	Status           GuaranteeStatus    `json:"status"`
	CreateTime       int64              `json:"create_time"`
	UpdateTime       int64              `json:"update_time"`
	ApplyReason      string             `json:"apply_reason,omitempty"`
	ApplyReasonType  int                `json:"apply_reason_type,omitempty"`
	ProductInfo      []GuaranteeProduct `json:"product_info,omitempty"`
	// ExpireTime is when the current step expires (Unix seconds).
	ExpireTime int64  `json:"expire_time,omitempty"`
	OpenID     string `json:"openid,omitempty"`
	UnionID    string `json:"unionid,omitempty"`
	// PayAmount is the compensation in fen (退款金额，分).
	PayAmount            int64  `json:"pay_amount"`
	MerchantRefuseReason string `json:"merchant_refuse_reason,omitempty"`
	CompleteTime         int64  `json:"complete_time,omitempty"`
	Extra                Extra  `json:"-"`
}

type guaranteeAlias Guarantee

// UnmarshalJSON decodes the guarantee and keeps undeclared fields in Extra.
func (g *Guarantee) UnmarshalJSON(b []byte) error {
	var v guaranteeAlias
	extra, err := unmarshalWithExtra(b, &v)
	if err != nil {
		return err
	}
	*g = Guarantee(v)
	g.Extra = extra
	return nil
}

// MarshalJSON encodes the guarantee with its Extra fields.
func (g Guarantee) MarshalJSON() ([]byte, error) { return marshalWithExtra(guaranteeAlias(g), g.Extra) }

// GuaranteeSearchOptions filters guarantee orders. Limit is required by the
// platform (0 means 20 here).
type GuaranteeSearchOptions struct {
	GuaranteeOrderIDs []ID
	OrderIDs          []ID
	// Type filters by kind (0 = all).
	Type GuaranteeType
	// Window filters by application time.
	Window   *Window
	Statuses []GuaranteeStatus
	Offset   int
	Limit    int
}

// GuaranteeList is one page of guarantee orders.
type GuaranteeList struct {
	GuaranteeOrderList []Guarantee `json:"guarantee_order_list"`
	TotalNum           int64       `json:"total_num"`
}

// Search returns one page of guarantee orders.
//
// WeChat API: POST /channels/ec/aftersale/searchguaranteeorder
func (s *GuaranteeService) Search(ctx context.Context, opts *GuaranteeSearchOptions) (*GuaranteeList, *Response, error) {
	var o GuaranteeSearchOptions
	if opts != nil {
		o = *opts
	}
	if o.Limit == 0 {
		o.Limit = 20
	}
	var p []vcart.FieldError
	if o.Offset < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "must not be negative"})
	}
	if o.Limit < 0 {
		p = append(p, vcart.FieldError{Field: "limit", Code: "range", Msg: "must be positive"})
	}
	for i, id := range slicesConcat(o.GuaranteeOrderIDs, o.OrderIDs) {
		if !isDigits(string(id)) {
			p = append(p, vcart.FieldError{Field: "id_list[" + strconv.Itoa(i) + "]", Code: "format", Msg: "ids are sent as numbers: digits only"})
		}
	}
	if o.Window != nil && !o.Window.End.After(o.Window.Start) {
		p = append(p, vcart.FieldError{Field: "end_time", Code: "range", Msg: "must be after begin_time"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("search guarantee orders", err)
	}
	b := struct {
		GuaranteeOrderIDList []numID           `json:"guarantee_order_id_list,omitempty"`
		OrderIDList          []numID           `json:"order_id_list,omitempty"`
		Type                 GuaranteeType     `json:"type"`
		BeginTime            int64             `json:"begin_time,omitempty"`
		EndTime              int64             `json:"end_time,omitempty"`
		StatusList           []GuaranteeStatus `json:"status_list,omitempty"`
		Offset               int               `json:"offset"`
		Limit                int               `json:"limit"`
	}{GuaranteeOrderIDList: numIDs(o.GuaranteeOrderIDs), OrderIDList: numIDs(o.OrderIDs), StatusList: o.Statuses,
		Offset: o.Offset, Limit: o.Limit}
	b.Type = o.Type
	if o.Window != nil {
		b.BeginTime, b.EndTime = o.Window.Start.Unix(), o.Window.End.Unix()
	}
	var out GuaranteeList
	resp, err := s.client.call(ctx, &request{ep: epGuaranteeSearch, body: b}, &out)
	if err != nil {
		return nil, resp, errorf("search guarantee orders", err)
	}
	return &out, resp, nil
}

func slicesConcat(a, b []ID) []ID { return append(append([]ID(nil), a...), b...) }

// SearchIter iterates over every guarantee order matching opts, page by
// page (offset and limit), stopping at the first error.
//
// WeChat API: POST /channels/ec/aftersale/searchguaranteeorder
func (s *GuaranteeService) SearchIter(ctx context.Context, opts *GuaranteeSearchOptions) iter.Seq2[*Guarantee, error] {
	var o GuaranteeSearchOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, strconv.Itoa(o.Offset), func(ctx context.Context, key string) ([]*Guarantee, string, error) {
		off, _ := strconv.Atoi(key)
		page := o
		page.Offset = off
		l, _, err := s.Search(ctx, &page)
		if err != nil {
			return nil, "", err
		}
		out := make([]*Guarantee, len(l.GuaranteeOrderList))
		for i := range l.GuaranteeOrderList {
			out[i] = &l.GuaranteeOrderList[i]
		}
		next := off + len(out)
		if len(out) == 0 || int64(next) >= l.TotalNum {
			return out, "", nil
		}
		return out, strconv.Itoa(next), nil
	})
}

type guaranteeIDBody struct {
	GuaranteeOrderID numID `json:"guarantee_order_id"`
}

func checkGuaranteeID(id ID) []vcart.FieldError {
	if !isDigits(string(id)) {
		return []vcart.FieldError{{Field: "guarantee_order_id", Code: "format", Msg: "must be a decimal id (sent as a number)"}}
	}
	return nil
}

// Get returns one guarantee order.
//
// WeChat API: POST /channels/ec/aftersale/getguaranteeorder
func (s *GuaranteeService) Get(ctx context.Context, id ID) (*Guarantee, *Response, error) {
	if err := vcart.NewValidationError(checkGuaranteeID(id)); err != nil {
		return nil, nil, errorf("get guarantee order", err)
	}
	var out struct {
		Order *Guarantee `json:"guarantee_order"`
	}
	resp, err := s.client.call(ctx, &request{ep: epGuaranteeGet, body: guaranteeIDBody{numID(id)}}, &out)
	if err != nil {
		return nil, resp, errorf("get guarantee order "+string(id), err)
	}
	if out.Order == nil {
		return nil, resp, errorf("get guarantee order "+string(id), errors.Join(ErrMalformedResponse, errors.New("no guarantee_order object")))
	}
	return out.Order, resp, nil
}

// Accept agrees to the buyer's claim (商家同意保障单申请): the platform pays
// the compensation. It moves money and is never retried after an ambiguous
// failure: re-read the guarantee with Get.
//
// WeChat API: POST /channels/ec/aftersale/merchantacceptguarantee
func (s *GuaranteeService) Accept(ctx context.Context, id ID) (*Response, error) {
	if err := vcart.NewValidationError(checkGuaranteeID(id)); err != nil {
		return nil, errorf("accept guarantee order", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epGuaranteeAccept, body: guaranteeIDBody{numID(id)}}, &struct{}{})
	if err != nil {
		return resp, errorf("accept guarantee order "+string(id), err)
	}
	return resp, nil
}

// BadLevels are the damage ratios (坏损比例, percent) a merchant may propose.
var BadLevels = []int{10, 30, 50, 80, 100}

// ModifyGuaranteeRequest proposes a damage ratio for a damage claim (商家协商
// 保障单).
type ModifyGuaranteeRequest struct {
	GuaranteeOrderID ID
	// BadLevel is the damage ratio in percent: one of [BadLevels].
	BadLevel int
	// MerchantRemark is optional.
	MerchantRemark string
}

// Modify proposes a damage ratio to the buyer; the guarantee then waits for
// the buyer.
//
// WeChat API: POST /channels/ec/aftersale/merchantmodifyguarantee
func (s *GuaranteeService) Modify(ctx context.Context, req *ModifyGuaranteeRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("modify guarantee order", errNilRequest())
	}
	p := checkGuaranteeID(req.GuaranteeOrderID)
	if !containsInt(BadLevels, req.BadLevel) {
		p = append(p, vcart.FieldError{Field: "bad_level", Code: "enum", Msg: "must be 10, 30, 50, 80 or 100"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("modify guarantee order", err)
	}
	b := struct {
		GuaranteeOrderID numID  `json:"guarantee_order_id"`
		BadLevel         int    `json:"bad_level"`
		MerchantRemark   string `json:"merchant_remark,omitempty"`
	}{numID(req.GuaranteeOrderID), req.BadLevel, req.MerchantRemark}
	resp, err := s.client.call(ctx, &request{ep: epGuaranteeModify, body: b}, &struct{}{})
	if err != nil {
		return resp, errorf("modify guarantee order "+string(req.GuaranteeOrderID), err)
	}
	return resp, nil
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Proof submits the merchant's evidence (商家举证保障单): a statement and
// image media ids.
//
// WeChat API: POST /channels/ec/aftersale/merchantproofguarantee
func (s *GuaranteeService) Proof(ctx context.Context, id ID, content string, picList []string) (*Response, error) {
	p := checkGuaranteeID(id)
	if strings.TrimSpace(content) == "" {
		p = append(p, vcart.FieldError{Field: "content", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("prove guarantee order", err)
	}
	b := struct {
		GuaranteeOrderID numID    `json:"guarantee_order_id"`
		Content          string   `json:"content"`
		PicList          []string `json:"pic_list,omitempty"`
	}{numID(id), content, picList}
	resp, err := s.client.call(ctx, &request{ep: epGuaranteeProof, body: b}, &struct{}{})
	if err != nil {
		return resp, errorf("prove guarantee order "+string(id), err)
	}
	return resp, nil
}

// Refuse rejects the buyer's claim with a reason and optional images (商家
// 拒绝保障单申请); the platform then decides.
//
// WeChat API: POST /channels/ec/aftersale/merchantrefuseguarantee
func (s *GuaranteeService) Refuse(ctx context.Context, id ID, reason string, picList []string) (*Response, error) {
	p := checkGuaranteeID(id)
	if strings.TrimSpace(reason) == "" {
		p = append(p, vcart.FieldError{Field: "reason", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("refuse guarantee order", err)
	}
	b := struct {
		GuaranteeOrderID numID    `json:"guarantee_order_id"`
		Reason           string   `json:"reason"`
		PicList          []string `json:"pic_list,omitempty"`
	}{numID(id), reason, picList}
	resp, err := s.client.call(ctx, &request{ep: epGuaranteeRefuse, body: b}, &struct{}{})
	if err != nil {
		return resp, errorf("refuse guarantee order "+string(id), err)
	}
	return resp, nil
}

// String returns the type's name.
func (t GuaranteeType) String() string {
	return enumString("GuaranteeType", int(t), map[int]string{1: "fake_compensation", 2: "damage_return"})
}
