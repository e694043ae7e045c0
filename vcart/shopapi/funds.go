package shopapi

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// FundsService reads the shop's money (资金): balance, fund flows, withdrawals
// and each order's settlement flow, and submits withdrawals.
type FundsService service

var (
	epFundsBalance        = ep("/channels/ec/funds/getbalance")
	epFundsFlowList       = ep("/channels/ec/funds/getfundsflowlist")
	epFundsFlowDetail     = ep("/channels/ec/funds/getfundsflowdetail")
	epFundsWithdrawList   = ep("/channels/ec/funds/getwithdrawlist")
	epFundsWithdrawDetail = ep("/channels/ec/funds/getwithdrawdetail")
	epFundsWithdrawSubmit = ep("/channels/ec/funds/submitwithdraw")
	epFundsOrderFlow      = ep("/channels/ec/funds/listorderflow")
)

// Balance is the shop's account balance in fen.
type Balance struct {
	// AvailableAmount can be withdrawn (可提现余额).
	AvailableAmount Int64 `json:"available_amount"`
	// PendingAmount is not yet settled (待结算余额).
	PendingAmount Int64 `json:"pending_amount"`
	// SubMchID is the WeChat Pay sub-merchant id.
	SubMchID string `json:"sub_mchid,omitempty"`
}

// Available returns AvailableAmount as CNY money.
func (b *Balance) Available() vcart.Money { return vcart.FromFen(int64(b.AvailableAmount)) }

// Pending returns PendingAmount as CNY money.
func (b *Balance) Pending() vcart.Money { return vcart.FromFen(int64(b.PendingAmount)) }

// Balance returns the account balance.
//
// WeChat API: POST /channels/ec/funds/getbalance
func (s *FundsService) Balance(ctx context.Context) (*Balance, *Response, error) {
	var out Balance
	resp, err := s.client.call(ctx, &request{ep: epFundsBalance, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get balance", err)
	}
	return &out, resp, nil
}

// FlowType is income (1) or expense (2).
type FlowType int

// Flow types.
const (
	FlowIncome  FlowType = 1 // 收入
	FlowExpense FlowType = 2 // 支出
)

// String returns "income" or "expense".
func (t FlowType) String() string {
	switch t {
	case FlowIncome:
		return "income"
	case FlowExpense:
		return "expense"
	}
	return "FlowType(" + strconv.Itoa(int(t)) + ")"
}

// UnmarshalJSON accepts a number or a string holding one.
func (t *FlowType) UnmarshalJSON(b []byte) error {
	var n Int64
	if err := n.UnmarshalJSON(b); err != nil {
		return err
	}
	*t = FlowType(n)
	return nil
}

// RelatedInfo links a fund flow to an order, after-sale, withdrawal ….
// RelatedType: 1 order, 2 after-sale, 3 withdrawal, 4 freight insurance,
// 5 service guarantee, 6 gift, 7 group gift, 8 intra-city shop.
type RelatedInfo struct {
	RelatedType   Int64  `json:"related_type"`
	OrderID       ID     `json:"order_id,omitempty"`
	AftersaleID   ID     `json:"aftersale_id,omitempty"`
	WithdrawID    ID     `json:"withdraw_id,omitempty"`
	InsuranceID   ID     `json:"insurance_id,omitempty"`
	TransactionID string `json:"transaction_id,omitempty"`
}

// FundsFlow is one movement of money (资金流水); flows are never deleted.
type FundsFlow struct {
	FlowID ID `json:"flow_id"`
	// FundsType is the platform's kind code (1 = order payment income …),
	// FundsTypeDesc its text.
	FundsType       Int64         `json:"funds_type"`
	FundsTypeDesc   string        `json:"funds_type_desc,omitempty"`
	FlowType        FlowType      `json:"flow_type"`
	Amount          Int64         `json:"amount"`
	Balance         Int64         `json:"balance"`
	RelatedInfoList []RelatedInfo `json:"related_info_list,omitempty"`
	BookkeepingTime string        `json:"bookkeeping_time,omitempty"`
	Remark          string        `json:"remark,omitempty"`
}

// Signed returns the amount as CNY money, negative for an expense.
func (f *FundsFlow) Signed() vcart.Money {
	m := vcart.FromFen(int64(f.Amount))
	if f.FlowType == FlowExpense {
		return m.Neg()
	}
	return m
}

// FundsFlowListOptions selects fund flows. Pages are numbered from 1; the
// platform wants the previous page's next_key once page × page_size
// reaches 10,000, which FlowListIter passes along.
type FundsFlowListOptions struct {
	// Window is the bookkeeping-time range (optional).
	Window *Window
	// FlowType filters income or expense (0 = both).
	FlowType FlowType
	// TransactionID filters by WeChat Pay transaction.
	TransactionID string
	// Page is 1-based (0 means 1); PageSize is 1..100 (0 means 100).
	Page, PageSize int
	NextKey        string
}

// FundsFlowList is one page of flow ids.
type FundsFlowList struct {
	FlowIDs []ID   `json:"flow_ids"`
	HasMore Bool   `json:"has_more"`
	NextKey string `json:"next_key"`
}

// FlowList returns one page of fund flow ids.
//
// WeChat API: POST /channels/ec/funds/getfundsflowlist
func (s *FundsService) FlowList(ctx context.Context, opts *FundsFlowListOptions) (*FundsFlowList, *Response, error) {
	var o FundsFlowListOptions
	if opts != nil {
		o = *opts
	}
	p := checkPageNum("page", &o.Page, nil)
	p = checkPageSize("page_size", &o.PageSize, p)
	if o.FlowType != 0 && o.FlowType != FlowIncome && o.FlowType != FlowExpense {
		p = append(p, vcart.FieldError{Field: "flow_type", Code: "enum", Msg: "must be 1 (income) or 2 (expense)"})
	}
	if o.Window != nil && o.Window.End.Before(o.Window.Start) {
		p = append(p, vcart.FieldError{Field: "end_time", Code: "order", Msg: "end is before start"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list fund flows", err)
	}
	body := struct {
		Page          int      `json:"page"`
		PageSize      int      `json:"page_size"`
		StartTime     int64    `json:"start_time,omitempty"`
		EndTime       int64    `json:"end_time,omitempty"`
		FlowType      FlowType `json:"flow_type,omitempty"`
		TransactionID string   `json:"transaction_id,omitempty"`
		NextKey       string   `json:"next_key,omitempty"`
	}{Page: o.Page, PageSize: o.PageSize, FlowType: o.FlowType, TransactionID: o.TransactionID, NextKey: o.NextKey}
	if o.Window != nil {
		body.StartTime, body.EndTime = o.Window.unix()
	}
	var out FundsFlowList
	resp, err := s.client.call(ctx, &request{ep: epFundsFlowList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list fund flows", err)
	}
	if !out.HasMore {
		out.NextKey = ""
	}
	resp.NextKey = out.NextKey
	return &out, resp, nil
}

// FlowListIter iterates over every fund flow id from opts.Page on, passing
// each page's next_key to the next page.
//
// WeChat API: POST /channels/ec/funds/getfundsflowlist
func (s *FundsService) FlowListIter(ctx context.Context, opts *FundsFlowListOptions) iter.Seq2[ID, error] {
	var o FundsFlowListOptions
	if opts != nil {
		o = *opts
	}
	if o.Page == 0 {
		o.Page = 1
	}
	first := true
	return paginate(ctx, o.NextKey, func(ctx context.Context, key string) ([]ID, string, error) {
		if !first {
			o.Page++
		}
		first = false
		o.NextKey = key
		l, _, err := s.FlowList(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		return l.FlowIDs, l.NextKey, nil
	})
}

// FlowDetail returns one fund flow.
//
// WeChat API: POST /channels/ec/funds/getfundsflowdetail
func (s *FundsService) FlowDetail(ctx context.Context, flowID ID) (*FundsFlow, *Response, error) {
	if err := requireID("flow_id", flowID); err != nil {
		return nil, nil, errorf("get fund flow", err)
	}
	var out struct {
		FundsFlow *FundsFlow `json:"funds_flow"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsFlowDetail, body: struct {
		FlowID ID `json:"flow_id"`
	}{flowID}}, &out)
	if err != nil {
		return nil, resp, errorf("get fund flow "+string(flowID), err)
	}
	if out.FundsFlow == nil {
		return nil, resp, errorf("get fund flow "+string(flowID), errors.Join(ErrMalformedResponse, errors.New("no funds_flow object")))
	}
	return out.FundsFlow, resp, nil
}

// WithdrawListOptions pages through withdrawals (page numbers from 1).
type WithdrawListOptions struct {
	PageNum  int
	PageSize int
	Window   *Window
}

// WithdrawList is one page of withdrawal ids.
type WithdrawList struct {
	WithdrawIDs []ID  `json:"withdraw_ids"`
	TotalNum    Int64 `json:"total_num"`
}

// WithdrawList returns one page of withdrawal ids.
//
// WeChat API: POST /channels/ec/funds/getwithdrawlist
func (s *FundsService) WithdrawList(ctx context.Context, opts *WithdrawListOptions) (*WithdrawList, *Response, error) {
	var o WithdrawListOptions
	if opts != nil {
		o = *opts
	}
	p := checkPageNum("page_num", &o.PageNum, nil)
	p = checkPageSize("page_size", &o.PageSize, p)
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list withdrawals", err)
	}
	body := struct {
		PageNum   int   `json:"page_num"`
		PageSize  int   `json:"page_size"`
		StartTime int64 `json:"start_time,omitempty"`
		EndTime   int64 `json:"end_time,omitempty"`
	}{PageNum: o.PageNum, PageSize: o.PageSize}
	if o.Window != nil {
		body.StartTime, body.EndTime = o.Window.unix()
	}
	var out WithdrawList
	resp, err := s.client.call(ctx, &request{ep: epFundsWithdrawList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list withdrawals", err)
	}
	return &out, resp, nil
}

// Withdrawal is one withdrawal (提现) to the settlement account.
type Withdrawal struct {
	Amount     Int64  `json:"amount"`
	CreateTime Int64  `json:"create_time"`
	UpdateTime Int64  `json:"update_time"`
	Reason     string `json:"reason,omitempty"`
	Remark     string `json:"remark,omitempty"`
	BankMemo   string `json:"bank_memo,omitempty"`
	BankName   string `json:"bank_name,omitempty"`
	BankNum    string `json:"bank_num,omitempty"`
	// Status is the platform's text state, e.g. "SUCCESS", "FAIL",
	// "PROCESSING".
	Status string `json:"status"`
}

// WithdrawDetail returns one withdrawal.
//
// WeChat API: POST /channels/ec/funds/getwithdrawdetail
func (s *FundsService) WithdrawDetail(ctx context.Context, withdrawID ID) (*Withdrawal, *Response, error) {
	if err := requireID("withdraw_id", withdrawID); err != nil {
		return nil, nil, errorf("get withdrawal", err)
	}
	var out Withdrawal
	resp, err := s.client.call(ctx, &request{ep: epFundsWithdrawDetail, body: struct {
		WithdrawID ID `json:"withdraw_id"`
	}{withdrawID}}, &out)
	if err != nil {
		return nil, resp, errorf("get withdrawal "+string(withdrawID), err)
	}
	return &out, resp, nil
}

// WithdrawRequest asks to withdraw AmountFen to the settlement account.
type WithdrawRequest struct {
	AmountFen int64  `json:"amount"`
	Remark    string `json:"remark,omitempty"`
	BankMemo  string `json:"bank_memo,omitempty"`
}

// WithdrawResult holds the QR code ticket the shop's administrator scans
// to confirm the withdrawal.
type WithdrawResult struct {
	QrcodeTicket string `json:"qrcode_ticket"`
}

// SubmitWithdraw submits a withdrawal. It moves money and is never retried
// after an ambiguous failure: list the withdrawals before submitting again.
//
// WeChat API: POST /channels/ec/funds/submitwithdraw
func (s *FundsService) SubmitWithdraw(ctx context.Context, req *WithdrawRequest) (*WithdrawResult, *Response, error) {
	if req == nil {
		return nil, nil, errorf("submit withdrawal", errNilRequest())
	}
	if req.AmountFen <= 0 {
		return nil, nil, errorf("submit withdrawal", vcart.NewValidationError([]vcart.FieldError{{Field: "amount", Code: "range", Msg: "must be positive (fen)"}}))
	}
	var out WithdrawResult
	resp, err := s.client.call(ctx, &request{ep: epFundsWithdrawSubmit, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("submit withdrawal", err)
	}
	return &out, resp, nil
}

// OrderSettleState is order_settle_state of listorderflow.
type OrderSettleState int

// Order settlement states.
const (
	// OrderUnsettled is 1: paid, not yet settled (待结算).
	OrderUnsettled OrderSettleState = 1
	// OrderSettled is 2: settled to the balance (已结算).
	OrderSettled OrderSettleState = 2
)

// OrderFlowOptions selects orders' settlement flows.
type OrderFlowOptions struct {
	// SettleState is required.
	SettleState OrderSettleState
	// OrderID restricts the flow to one order.
	OrderID ID
	// CreateTime is the order create-time range [begin, end).
	CreateTime *Window
	// Offset and Limit page through the result (Limit 1..100, 0 means 100).
	Offset, Limit int
}

// OrderFlow is one order's settlement breakdown (订单资金流水), in fen:
// what the buyer paid, the technical service fee, commissions, freight
// insurance, platform subsidies and what the merchant receives. The field
// names follow the funds/listorderflow page; the SDK keeps unknown fields.
type OrderFlow struct {
	OrderID ID `json:"order_id"`
	// SettleState is 1 unsettled, 2 settled.
	SettleState OrderSettleState `json:"order_settle_state"`
	// PaidAmount is 实收 (what the buyer paid).
	PaidAmount Int64 `json:"paid_amount"`
	// ServiceFee is the technical service fee (技术服务费).
	ServiceFee Int64 `json:"service_fee"`
	// CommissionFee is the talents' commission (佣金).
	CommissionFee Int64 `json:"commission_fee"`
	// FreightInsuranceFee is 运费险.
	FreightInsuranceFee Int64 `json:"freight_insurance_fee"`
	// SubsidyAmount is the platform subsidy (补贴).
	SubsidyAmount Int64 `json:"subsidy_amount"`
	// SettleAmount is what reaches the merchant.
	SettleAmount Int64 `json:"settle_amount"`
	SettleTime   Int64 `json:"settle_time,omitempty"`
}

// OrderFlow returns one page of order settlement flows and the total count.
//
// WeChat API: POST /channels/ec/funds/listorderflow
func (s *FundsService) OrderFlow(ctx context.Context, opts *OrderFlowOptions) ([]OrderFlow, int, *Response, error) {
	var o OrderFlowOptions
	if opts != nil {
		o = *opts
	}
	var p []vcart.FieldError
	if o.SettleState != OrderUnsettled && o.SettleState != OrderSettled {
		p = append(p, vcart.FieldError{Field: "order_settle_state", Code: "enum", Msg: "must be 1 (unsettled) or 2 (settled)"})
	}
	p = checkPageSize("pagination_info.limit", &o.Limit, p)
	if o.Offset < 0 {
		p = append(p, vcart.FieldError{Field: "pagination_info.offset", Code: "range", Msg: "must not be negative"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, 0, nil, errorf("list order flows", err)
	}
	type rng struct {
		Begin int64 `json:"begin"`
		End   int64 `json:"end"`
	}
	body := struct {
		SettleState    OrderSettleState `json:"order_settle_state"`
		OrderID        ID               `json:"order_id,omitempty"`
		CreateTime     *rng             `json:"create_time_range,omitempty"`
		PaginationInfo struct {
			Limit  int `json:"limit"`
			Offset int `json:"offset"`
		} `json:"pagination_info"`
	}{SettleState: o.SettleState, OrderID: ID(strings.TrimSpace(string(o.OrderID)))}
	body.PaginationInfo.Limit, body.PaginationInfo.Offset = o.Limit, o.Offset
	if o.CreateTime != nil {
		b, e := o.CreateTime.unix()
		body.CreateTime = &rng{b, e}
	}
	var out struct {
		Flows    []OrderFlow `json:"order_flows"`
		TotalNum Int64       `json:"total_num"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsOrderFlow, body: body}, &out)
	if err != nil {
		return nil, 0, resp, errorf("list order flows", err)
	}
	return out.Flows, int(out.TotalNum), resp, nil
}
