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
	// Status is the platform's text state (提现状态): one of the Withdraw…
	// constants ([WithdrawInit] until the administrator confirms the QR
	// code, then [WithdrawCreateSuccess] and [WithdrawSuccess] or
	// [WithdrawFail], or [WithdrawClose] when the QR code was cancelled or
	// expired). Reason is the failure reason.
	Status string `json:"status"`
}

// Withdrawal states (getwithdrawdetail's status enum).
const (
	WithdrawInit          = "INIT"           // 业务单已创建: waiting for the QR code scan
	WithdrawCreateSuccess = "CREATE_SUCCESS" // 受理成功: verified, sent to the bank
	WithdrawSuccess       = "SUCCESS"        // 提现成功
	WithdrawFail          = "FAIL"           // 提现失败
	WithdrawRefund        = "REFUND"         // 提现退票: returned by the bank
	WithdrawClose         = "CLOSE"          // 关单: closed
)

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

// WithdrawResult holds the withdrawal's id and the QR code ticket the
// shop's administrator scans to confirm it ([FundsService.WithdrawQRCode],
// [FundsService.CheckWithdrawQRCode]); the withdrawal stays
// [WithdrawInit], and the balance unchanged, until the code is confirmed.
type WithdrawResult struct {
	// WithdrawID is the withdrawal's id (提现单号) for
	// [FundsService.WithdrawDetail]; empty from an older platform answer.
	WithdrawID   ID     `json:"withdraw_id,omitempty"`
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

// OrderSettleState is order_settle_state of listorderflow (订单结算状态).
type OrderSettleState int

// Order settlement states (funds/listorderflow page). In a request, zero
// selects every state.
const (
	// OrderSettleAny is 0: no filter (查询全部).
	OrderSettleAny OrderSettleState = 0
	// OrderUnsettled is 1: paid, not yet settled (待结算).
	OrderUnsettled OrderSettleState = 1
	// OrderSettleNotNeeded is 2: nothing to settle (无需结算).
	OrderSettleNotNeeded OrderSettleState = 2
	// OrderSettled is 60: settled to the balance (结算完成).
	OrderSettled OrderSettleState = 60
	// OrderPartlySettled is 100: partly settled (部分结算).
	OrderPartlySettled OrderSettleState = 100
)

// String returns the state's name.
func (s OrderSettleState) String() string {
	switch s {
	case OrderSettleAny:
		return "any"
	case OrderUnsettled:
		return "unsettled"
	case OrderSettleNotNeeded:
		return "not-needed"
	case OrderSettled:
		return "settled"
	case OrderPartlySettled:
		return "partly-settled"
	}
	return "OrderSettleState(" + strconv.Itoa(int(s)) + ")"
}

// OrderFlowState is order_state of listorderflow (订单状态), coarser than
// [OrderStatus].
type OrderFlowState int

// Order states of listorderflow. In a request, zero selects every state.
const (
	// OrderFlowAnyState is 0 (全部).
	OrderFlowAnyState OrderFlowState = 0
	// OrderFlowToShip is 20 (待发货).
	OrderFlowToShip OrderFlowState = 20
	// OrderFlowToReceive is 30 (待收货).
	OrderFlowToReceive OrderFlowState = 30
	// OrderFlowCompleted is 100 (订单完成).
	OrderFlowCompleted OrderFlowState = 100
)

// String returns the state's name.
func (s OrderFlowState) String() string {
	switch s {
	case OrderFlowAnyState:
		return "any"
	case OrderFlowToShip:
		return "to-ship"
	case OrderFlowToReceive:
		return "to-receive"
	case OrderFlowCompleted:
		return "completed"
	}
	return "OrderFlowState(" + strconv.Itoa(int(s)) + ")"
}

// OrderFlowPayMethod is order_pay_method of listorderflow (订单支付方式).
type OrderFlowPayMethod int

// Payment methods of listorderflow. In a request, zero selects every method.
const (
	// OrderFlowAnyPayMethod is 0 (全部).
	OrderFlowAnyPayMethod OrderFlowPayMethod = 0
	// OrderFlowPayNormal is 1 (普通支付).
	OrderFlowPayNormal OrderFlowPayMethod = 1
	// OrderFlowPayLater is 2 (先用后付).
	OrderFlowPayLater OrderFlowPayMethod = 2
)

// String returns the method's name.
func (m OrderFlowPayMethod) String() string {
	switch m {
	case OrderFlowAnyPayMethod:
		return "any"
	case OrderFlowPayNormal:
		return "normal"
	case OrderFlowPayLater:
		return "pay-later"
	}
	return "OrderFlowPayMethod(" + strconv.Itoa(int(m)) + ")"
}

// OrderFlowOptions selects orders' settlement flows (the listorderflow
// request).
type OrderFlowOptions struct {
	// SettleState is order_settle_state (always sent; zero is every state).
	SettleState OrderSettleState
	// State is order_state (zero: every state).
	State OrderFlowState
	// PayMethod is order_pay_method (zero: every method).
	PayMethod OrderFlowPayMethod
	// OrderID restricts the flow to one order.
	OrderID ID
	// CreateTime is the order create-time range [begin, end)
	// (create_time_range).
	CreateTime *Window
	// Limit is the page size, 1..100 (0 means 100). Offset skips items
	// when paging by offset.
	Offset, Limit int
	// UsePageCtx pages with a context (use_page_ctx): no order is missed
	// or repeated while paging, and Offset is ignored. PageCtx is the
	// previous page's page_ctx (empty for the first page).
	UsePageCtx bool
	PageCtx    string
}

// OrderFlowList is one page of listorderflow.
type OrderFlowList struct {
	// TotalCount is the number of matches (for reference: it may move
	// while paging).
	TotalCount int64       `json:"total_count"`
	DataList   []OrderFlow `json:"data_list"`
	// PageCtx is the context of the next page (with UsePageCtx).
	PageCtx string `json:"page_ctx"`
}

// OrderFlowProduct is one product_list[] entry of an order flow.
type OrderFlowProduct struct {
	ProductID ID `json:"product_id"`
	// ParamList is the SKU's attributes (key, value).
	ParamList []OrderFlowParam `json:"param_list,omitempty"`
	// SalePrice is fen.
	SalePrice   int64  `json:"sale_price"`
	Count       int64  `json:"count"`
	ProductName string `json:"product_name,omitempty"`
	IsGift      bool   `json:"is_gift,omitempty"`
}

// OrderFlowParam is one SKU attribute of an order flow's product.
type OrderFlowParam struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// PostSettlementExpense is post_settlement_expense: money paid out after
// settlement (结算后支出), in fen.
type PostSettlementExpense struct {
	BuyerRefundAmount                 int64 `json:"buyer_refund_amount,omitempty"`
	PlatformDiscountRefundAmount      int64 `json:"platform_discount_refund_amount,omitempty"`
	PromoterRefundAmount              int64 `json:"promoter_refund_amount,omitempty"`
	FreightInsuranceMakeUpAmount      int64 `json:"freight_insurance_make_up_amount,omitempty"`
	FreightInsuranceMakeUpSettleState int   `json:"freight_insurance_make_up_settle_state,omitempty"`
	FreightInsuranceMakeUpOrderID     ID    `json:"freight_insurance_make_up_order_id,omitempty"`
}

// SupplierPlatformCommission is supplier_platform_commission (供货商平台结算信息).
type SupplierPlatformCommission struct {
	// SettleAmount is fen; SettleTime Unix seconds (both predicted until settled).
	SettleAmount int64 `json:"settle_amount,omitempty"`
	SettleTime   int64 `json:"settle_time,omitempty"`
	SettleState  int   `json:"settle_state,omitempty"`
}

// OrderFlow is one order's settlement breakdown (订单流水) from
// funds/listorderflow. Amounts are fen, times Unix seconds; fields the page
// marks (预计) are predictions until the order settles. Keys this type does
// not declare are kept in Extra (the page keeps adding fields).
type OrderFlow struct {
	OrderID          ID                 `json:"order_id"`
	OrderState       OrderFlowState     `json:"order_state"`
	OrderSettleState OrderSettleState   `json:"order_settle_state"`
	OrderCreateTime  int64              `json:"order_create_time,omitempty"`
	OrderPaidTime    int64              `json:"order_paid_time,omitempty"`
	OrderPayMethod   OrderFlowPayMethod `json:"order_pay_method,omitempty"`
	OrderType        int                `json:"order_type,omitempty"`
	// MchReceivedAmount is what the merchant received (商户实收金额).
	MchReceivedAmount int64 `json:"mch_received_amount"`
	// ExpenseAmount is the total expense (支出金额).
	ExpenseAmount int64 `json:"expense_amount,omitempty"`
	// MchSettleAmount is what settles to the merchant ((预计)结算金额).
	MchSettleAmount int64 `json:"mch_settle_amount"`
	// MchSettleTime is when it settles ((预计)商家货款结算时间).
	MchSettleTime      int64              `json:"mch_settle_time,omitempty"`
	FirstMchSettleTime int64              `json:"first_mch_settle_time,omitempty"`
	ProductList        []OrderFlowProduct `json:"product_list,omitempty"`
	ProductTotalAmount int64              `json:"product_total_amount,omitempty"`
	FreightAmount      int64              `json:"freight_amount,omitempty"`
	ChangeDownPrice    int64              `json:"change_down_price,omitempty"`
	MchDiscountAmount  int64              `json:"mch_discount_amount,omitempty"`
	// ScoreDiscountAmount is 积分抵扣金额.
	ScoreDiscountAmount int64 `json:"score_discount_amount,omitempty"`
	// BuyerPaidAmount is what the buyer paid (用户实付金额).
	BuyerPaidAmount               int64 `json:"buyer_paid_amount"`
	PromoterDiscountAmount        int64 `json:"promoter_discount_amount,omitempty"`
	PlatformDiscountAmount        int64 `json:"platform_discount_amount,omitempty"`
	NationalSubsidyDiscountAmount int64 `json:"national_subsidy_discount_amount,omitempty"`
	FreightMakeUpAmount           int64 `json:"freight_make_up_amount,omitempty"`
	CrossShopDiscountAmount       int64 `json:"cross_shop_discount_amount,omitempty"`
	BuyerRefundAmount             int64 `json:"buyer_refund_amount,omitempty"`
	PlatformDiscountRefundAmount  int64 `json:"platform_discount_refund_amount,omitempty"`
	PromoterDiscountRefundAmount  int64 `json:"promoter_discount_refund_amount,omitempty"`
	// OriginalPlatformCommissionAmount is the technical service fee before
	// reductions (原技术服务费); PlatformCommissionAmount is the fee charged
	// ((预计)技术服务费).
	OriginalPlatformCommissionAmount int64 `json:"original_platform_commission_amount,omitempty"`
	PlatformCommissionAmount         int64 `json:"platform_commission_amount"`
	PlatformCommissionSettleState    int   `json:"platform_commission_settle_state,omitempty"`
	PlatformCommissionSettleTime     int64 `json:"platform_commission_settle_time,omitempty"`
	// FreightInsuranceSubsidyAmount is the fee reduction for freight
	// insurance (运费险补贴减免技术服务费).
	FreightInsuranceSubsidyAmount int64 `json:"freight_insurance_subsidy_amount,omitempty"`
	SupplierCommissionAmount      int64 `json:"supplier_commission_amount,omitempty"`
	SupplierCommissionSettleState int   `json:"supplier_commission_settle_state,omitempty"`
	SupplierCommissionSettleTime  int64 `json:"supplier_commission_settle_time,omitempty"`
	// PromoterCommissionAmount is the talents' commission ((预计)达人服务费).
	PromoterCommissionAmount      int64 `json:"promoter_commission_amount,omitempty"`
	PromoterCommissionSettleState int   `json:"promoter_commission_settle_state,omitempty"`
	PromoterCommissionSettleTime  int64 `json:"promoter_commission_settle_time,omitempty"`
	// FreightInsuranceAmount is the freight insurance premium ((预计)运费险金额).
	FreightInsuranceAmount            int64                       `json:"freight_insurance_amount,omitempty"`
	FreightInsuranceSettleState       int                         `json:"freight_insurance_settle_state,omitempty"`
	FreightInsuranceSettleTime        int64                       `json:"freight_insurance_settle_time,omitempty"`
	FreightInsuranceMakeUpAmount      int64                       `json:"freight_insurance_make_up_amount,omitempty"`
	FreightInsuranceMakeUpOrderIDList []ID                        `json:"freight_insurance_make_up_order_id_list,omitempty"`
	FreightInsuranceMakeUpSettleState int                         `json:"freight_insurance_make_up_settle_state,omitempty"`
	FreightInsuranceMakeUpSettleTime  int64                       `json:"freight_insurance_make_up_settle_time,omitempty"`
	PreFreightRefundAmount            int64                       `json:"pre_freight_refund_amount,omitempty"`
	PostSettlementExpense             *PostSettlementExpense      `json:"post_settlement_expense,omitempty"`
	RefundBeforeSettlement            int64                       `json:"refund_before_settlement,omitempty"`
	OtherExpenseAmount                int64                       `json:"other_expense_amount,omitempty"`
	IntraCityShopID                   ID                          `json:"intra_city_shop_id,omitempty"`
	SupplierPlatformCommission        *SupplierPlatformCommission `json:"supplier_platform_commission,omitempty"`
	Extra                             Extra                       `json:"-"`
}

type orderFlowAlias OrderFlow

// UnmarshalJSON decodes the flow and keeps undeclared fields in Extra.
func (f *OrderFlow) UnmarshalJSON(b []byte) error {
	var v orderFlowAlias
	extra, err := unmarshalWithExtra(b, &v)
	if err != nil {
		return err
	}
	*f = OrderFlow(v)
	f.Extra = extra
	return nil
}

// MarshalJSON encodes the flow with its Extra fields.
func (f OrderFlow) MarshalJSON() ([]byte, error) { return marshalWithExtra(orderFlowAlias(f), f.Extra) }

func validOrderSettleState(s OrderSettleState) bool {
	switch s {
	case OrderSettleAny, OrderUnsettled, OrderSettleNotNeeded, OrderSettled, OrderPartlySettled:
		return true
	}
	return false
}

// OrderFlow returns one page of order settlement flows. With UsePageCtx,
// Response.NextKey and the list's PageCtx hold the next page's context.
//
// WeChat API: POST /channels/ec/funds/listorderflow
func (s *FundsService) OrderFlow(ctx context.Context, opts *OrderFlowOptions) (*OrderFlowList, *Response, error) {
	var o OrderFlowOptions
	if opts != nil {
		o = *opts
	}
	var p []vcart.FieldError
	if !validOrderSettleState(o.SettleState) {
		p = append(p, vcart.FieldError{Field: "order_settle_state", Code: "enum", Msg: "must be 0, 1, 2, 60 or 100"})
	}
	switch o.State {
	case OrderFlowAnyState, OrderFlowToShip, OrderFlowToReceive, OrderFlowCompleted:
	default:
		p = append(p, vcart.FieldError{Field: "order_state", Code: "enum", Msg: "must be 0, 20, 30 or 100"})
	}
	switch o.PayMethod {
	case OrderFlowAnyPayMethod, OrderFlowPayNormal, OrderFlowPayLater:
	default:
		p = append(p, vcart.FieldError{Field: "order_pay_method", Code: "enum", Msg: "must be 0, 1 or 2"})
	}
	p = checkPageSize("pagination_info.limit", &o.Limit, p)
	if o.Offset < 0 {
		p = append(p, vcart.FieldError{Field: "pagination_info.offset", Code: "range", Msg: "must not be negative"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list order flows", err)
	}
	body := orderFlowBody{
		SettleState: o.SettleState,
		State:       o.State,
		PayMethod:   o.PayMethod,
		OrderID:     ID(strings.TrimSpace(string(o.OrderID))),
		Pagination:  &orderFlowPage{Limit: o.Limit, Offset: o.Offset, UsePageCtx: o.UsePageCtx, PageCtx: o.PageCtx},
	}
	if o.UsePageCtx {
		body.Pagination.Offset = 0
	}
	if o.CreateTime != nil {
		b, e := o.CreateTime.unix()
		body.CreateTime = &orderFlowRange{b, e}
	}
	var out OrderFlowList
	resp, err := s.client.call(ctx, &request{ep: epFundsOrderFlow, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list order flows", err)
	}
	if o.UsePageCtx {
		resp.NextKey = out.PageCtx
	}
	return &out, resp, nil
}

// OrderFlowIter iterates over every order flow matching opts, paging with
// the page context (use_page_ctx, so no order is missed or repeated; Offset
// is ignored). It stops at the first error, and after a page shorter than
// the page size.
//
// WeChat API: POST /channels/ec/funds/listorderflow
func (s *FundsService) OrderFlowIter(ctx context.Context, opts *OrderFlowOptions) iter.Seq2[OrderFlow, error] {
	var o OrderFlowOptions
	if opts != nil {
		o = *opts
	}
	o.UsePageCtx, o.Offset = true, 0
	return paginate(ctx, o.PageCtx, func(ctx context.Context, k string) ([]OrderFlow, string, error) {
		o.PageCtx = k
		l, _, err := s.OrderFlow(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		size := o.Limit
		if size == 0 {
			size = 100
		}
		if len(l.DataList) < size {
			return l.DataList, "", nil
		}
		return l.DataList, l.PageCtx, nil
	})
}

// orderFlowBody is the listorderflow request as the page's field table
// names it (its example spells the range order_create_time_range; the
// table's create_time_range is sent).
type orderFlowBody struct {
	SettleState OrderSettleState   `json:"order_settle_state"`
	State       OrderFlowState     `json:"order_state,omitempty"`
	PayMethod   OrderFlowPayMethod `json:"order_pay_method,omitempty"`
	OrderID     ID                 `json:"order_id,omitempty"`
	Pagination  *orderFlowPage     `json:"pagination_info,omitempty"`
	CreateTime  *orderFlowRange    `json:"create_time_range,omitempty"`
}

type orderFlowPage struct {
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset,omitempty"`
	UsePageCtx bool   `json:"use_page_ctx,omitempty"`
	PageCtx    string `json:"page_ctx,omitempty"`
}

type orderFlowRange struct {
	Begin int64 `json:"begin"`
	End   int64 `json:"end"`
}
