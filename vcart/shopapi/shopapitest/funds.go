package shopapitest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// fundRoutes returns the funds endpoints (balance, flows, withdrawals, per-order settlement).
func fundRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/funds/getbalance", h: (*Server).hBalance},
		{method: http.MethodPost, path: "/channels/ec/funds/getfundsflowlist", h: (*Server).hFlowList},
		{method: http.MethodPost, path: "/channels/ec/funds/getfundsflowdetail", h: (*Server).hFlowDetail},
		{method: http.MethodPost, path: "/channels/ec/funds/getwithdrawlist", h: (*Server).hWithdrawList},
		{method: http.MethodPost, path: "/channels/ec/funds/getwithdrawdetail", h: (*Server).hWithdrawDetail},
		{method: http.MethodPost, path: "/channels/ec/funds/submitwithdraw", h: (*Server).hWithdrawSubmit},
		{method: http.MethodPost, path: "/channels/ec/funds/listorderflow", h: (*Server).hOrderFlow},
	}
}

// Fund flow kinds the fake books (funds_type; the fake's own numbering).
const (
	FundsOrderIncome   = 1      // 订单收入
	FundsServiceFee    = 2      // 技术服务费
	FundsPaymentFee    = 3      // 支付手续费
	FundsCommission    = 4      // 达人佣金
	FundsRefund        = 5      // 售后退款
	FundsWithdrawal    = 6      // 提现
	defaultServiceRate = 50_000 // 5% in fees.Rate units (a fake default, not a platform figure)
)

var fundsDesc = map[int]string{FundsOrderIncome: "订单收入", FundsServiceFee: "技术服务费", FundsPaymentFee: "支付手续费",
	FundsCommission: "达人佣金", FundsRefund: "售后退款", FundsWithdrawal: "提现"}

// orderConfig holds the fake's order options.
type orderConfig struct {
	serviceRate fees.Rate
	calc        *fees.Calculator
	timers      LifecycleTimers
}

// orderCfg returns the order options (set at construction, read-only).
func (s *Server) orderCfg() *orderConfig { return &s.config.orders }

// WithServiceFeeRate sets the technical service fee rate the fake charges
// on each order's paid amount (default 5%, a fake figure; the platform's
// rates are per category and unpublished). The rate must lie in
// [0, fees.MaxRate].
func WithServiceFeeRate(r fees.Rate) Option {
	return func(c *config) error {
		if !r.Valid() {
			return fmt.Errorf("shopapitest: WithServiceFeeRate: rate %d must lie in [0, %d] (fees.MaxRate)", int64(r), int64(fees.MaxRate))
		}
		c.orders.serviceRate = r
		return nil
	}
}

// WithFeeSchedule sets the WeChat Pay fee schedule the fake books payment
// fees with at settlement (default fees.SeedSchedule). A schedule
// fees.NewCalculator refuses is an error wrapping its reason.
func WithFeeSchedule(sc fees.Schedule) Option {
	return func(c *config) error {
		calc, err := fees.NewCalculator(sc)
		if err != nil {
			return fmt.Errorf("shopapitest: WithFeeSchedule: %w", err)
		}
		c.orders.calc = calc
		return nil
	}
}

type flow struct {
	id        string
	kind      int
	flowType  shopapi.FlowType
	amount    int64
	balance   int64
	at        int64
	orderID   string
	aftersale string
	withdraw  string
	txID      string
}

// withdrawal is a submitted withdrawal. Its status follows its QR code
// (see [Server.ScanQRCode]): status is one of the getwithdrawdetail page's
// texts (shopapi.WithdrawInit …), reason the failure reason.
type withdrawal struct {
	id               string
	amount           int64
	created, updated int64
	remark, bankMemo string
	status, reason   string
}

type funds struct {
	available, pending int64
	flows              []flow
	wds                []withdrawal
}

func (f *funds) book(s *Server, kind int, ft shopapi.FlowType, amount int64, orderID, asID, wdID, tx string) {
	if amount == 0 {
		return
	}
	if ft == shopapi.FlowIncome {
		f.available += amount
	} else {
		f.available -= amount
	}
	f.flows = append(f.flows, flow{id: s.newID(), kind: kind, flowType: ft, amount: amount, balance: f.available,
		at: s.now().Unix(), orderID: orderID, aftersale: asID, withdraw: wdID, txID: tx})
}

// settlement is one order's breakdown.
type settlement struct {
	paid, refunded, serviceFee, payFee, commission, net int64
}

func (s *Server) settlementOf(r *orderRec, d *orderDetail) settlement {
	var st settlement
	st.paid = d.orderPrice()
	for _, l := range d.lines {
		if l.count > 0 {
			st.refunded += l.lineFen * l.refunded / l.count
		}
	}
	cfg := s.orderCfg()
	base := st.paid - st.refunded
	st.serviceFee, _ = cfg.serviceRate.FeeFen(base, vcart.HalfUp)
	if st.paid > 0 {
		st.payFee, _ = cfg.calc.ExpectedFee(fees.QuoteRequest{Method: fees.MethodWeChatPay, AmountFen: st.paid},
			time.Unix(d.payTime, 0))
	}
	st.commission = d.talentCommission
	st.net = base - st.serviceFee - st.payFee - st.commission
	return st
}

// settleFunds books a settled order.
func (f *funds) settle(s *Server, r *orderRec, d *orderDetail) {
	st := s.settlementOf(r, d)
	f.pending -= st.paid - st.refunded
	id := strconv.FormatUint(r.id, 10)
	f.book(s, FundsOrderIncome, shopapi.FlowIncome, st.paid-st.refunded, id, "", "", d.transactionID)
	f.book(s, FundsServiceFee, shopapi.FlowExpense, st.serviceFee, id, "", "", "")
	f.book(s, FundsPaymentFee, shopapi.FlowExpense, st.payFee, id, "", "", d.transactionID)
	f.book(s, FundsCommission, shopapi.FlowExpense, st.commission, id, "", "", "")
	d.commissionFee = st.serviceFee
}

// refund books a refund: out of the pending amount before settlement,
// out of the balance after.
func (f *funds) refund(s *Server, r *orderRec, a *aftersale) {
	d := r.d
	if d == nil || d.payTime == 0 {
		return
	}
	if d.settleTime == 0 {
		f.pending -= a.amount
		return
	}
	f.book(s, FundsRefund, shopapi.FlowExpense, a.amount, a.orderID, a.id, "", d.transactionID)
}

func (s *Server) hBalance(c *call) (any, error) {
	f := s.orders().fund
	return map[string]any{"available_amount": f.available, "pending_amount": f.pending, "sub_mchid": "1900000109"}, nil
}

func (s *Server) hFlowList(c *call) (any, error) {
	var b struct {
		Page      int    `json:"page"`
		PageSize  int    `json:"page_size"`
		StartTime int64  `json:"start_time"`
		EndTime   int64  `json:"end_time"`
		FlowType  int    `json:"flow_type"`
		TxID      string `json:"transaction_id"`
		NextKey   string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.PageSize == 0 {
		b.PageSize = 10
	}
	if b.Page < 1 || b.PageSize < 1 || b.PageSize > 100 {
		return nil, apiErr(shopapi.CodeBadParams, "page ≥ 1 and page_size 1..100")
	}
	pos, err := parseKey(b.NextKey)
	if err != nil {
		return nil, err
	}
	f := s.orders().fund
	if b.NextKey == "" {
		// Without a cursor, skip the matches of the earlier pages.
		if (b.Page-1)*b.PageSize >= 10000 {
			return nil, apiErr(shopapi.CodeBadParams, "next_key is required beyond 10000 flows")
		}
		skip := (b.Page - 1) * b.PageSize
		for pos < len(f.flows) && skip > 0 {
			if flowMatches(&f.flows[pos], b.StartTime, b.EndTime, b.FlowType, b.TxID) {
				skip--
			}
			pos++
		}
	}
	out := struct {
		IDs     []string `json:"flow_ids"`
		HasMore bool     `json:"has_more"`
		NextKey string   `json:"next_key"`
	}{IDs: []string{}}
	for i := pos; i < len(f.flows); i++ {
		fl := &f.flows[i]
		if !flowMatches(fl, b.StartTime, b.EndTime, b.FlowType, b.TxID) {
			continue
		}
		if len(out.IDs) == b.PageSize {
			out.HasMore, out.NextKey = true, makeKey(i)
			break
		}
		out.IDs = append(out.IDs, fl.id)
	}
	return out, nil
}

func flowMatches(fl *flow, start, end int64, flowType int, tx string) bool {
	return (end == 0 || fl.at >= start && fl.at < end) && (flowType == 0 || int(fl.flowType) == flowType) &&
		(tx == "" || fl.txID == tx)
}

func (s *Server) hFlowDetail(c *call) (any, error) {
	var b struct {
		ID string `json:"flow_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	for _, fl := range s.orders().fund.flows {
		if fl.id != b.ID {
			continue
		}
		v := shopapi.FundsFlow{FlowID: shopapi.ID(fl.id), FundsType: shopapi.Int64(fl.kind), FundsTypeDesc: fundsDesc[fl.kind],
			FlowType: fl.flowType, Amount: shopapi.Int64(fl.amount), Balance: shopapi.Int64(fl.balance),
			BookkeepingTime: time.Unix(fl.at, 0).In(shanghai).Format("2006-01-02 15:04:05"),
			Remark:          fundsDesc[fl.kind] + " " + vcart.FromFen(fl.amount).Format()}
		ri := shopapi.RelatedInfo{OrderID: shopapi.ID(fl.orderID), AftersaleID: shopapi.ID(fl.aftersale),
			WithdrawID: shopapi.ID(fl.withdraw), TransactionID: fl.txID}
		switch {
		case fl.withdraw != "":
			ri.RelatedType = 3
		case fl.aftersale != "":
			ri.RelatedType = 2
		default:
			ri.RelatedType = 1
		}
		v.RelatedInfoList = []shopapi.RelatedInfo{ri}
		return struct {
			F shopapi.FundsFlow `json:"funds_flow"`
		}{v}, nil
	}
	return nil, apiErr(shopapi.CodeBadParams, "flow not exist")
}

func (s *Server) hWithdrawList(c *call) (any, error) {
	var b struct {
		PageNum   int   `json:"page_num"`
		PageSize  int   `json:"page_size"`
		StartTime int64 `json:"start_time"`
		EndTime   int64 `json:"end_time"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.PageNum < 1 || b.PageSize < 1 || b.PageSize > 100 {
		return nil, apiErr(shopapi.CodeBadParams, "page_num ≥ 1 and page_size 1..100")
	}
	var wds []withdrawal
	for _, w := range s.orders().fund.wds {
		if (b.StartTime == 0 || w.created >= b.StartTime) && (b.EndTime == 0 || w.created < b.EndTime) {
			wds = append(wds, w)
		}
	}
	ids := []string{}
	for i := (b.PageNum - 1) * b.PageSize; i < len(wds) && len(ids) < b.PageSize; i++ {
		ids = append(ids, wds[i].id)
	}
	return map[string]any{"withdraw_ids": ids, "total_num": len(wds)}, nil
}

func (s *Server) hWithdrawDetail(c *call) (any, error) {
	var b struct {
		ID string `json:"withdraw_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if w := s.orders().fund.withdrawal(b.ID); w != nil {
		// reason (the failure reason) is empty unless the withdrawal
		// failed, and sent as such.
		return map[string]any{"amount": w.amount, "create_time": w.created, "update_time": w.updated,
			"reason": w.reason, "remark": w.remark, "bank_memo": w.bankMemo, "bank_name": "招商银行",
			"bank_num": "****1234", "status": w.status}, nil
	}
	return nil, apiErr(shopapi.CodeBadParams, "withdraw not exist")
}

func (s *Server) hWithdrawSubmit(c *call) (any, error) {
	var b struct {
		Amount   int64  `json:"amount"`
		Remark   string `json:"remark"`
		BankMemo string `json:"bank_memo"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	f := s.orders().fund
	if b.Amount <= 0 {
		return nil, apiErr(shopapi.CodeBadParams, "amount must be positive")
	}
	if b.Amount > f.available {
		return nil, apiErr(shopapi.CodeInsufficientFunds, "insufficient funds")
	}
	// The withdrawal waits for the administrator's scan (INIT): nothing
	// leaves the balance until the QR code is confirmed.
	now := s.now().Unix()
	w := withdrawal{id: s.newID(), amount: b.Amount, created: now, updated: now, remark: b.Remark, bankMemo: b.BankMemo,
		status: shopapi.WithdrawInit}
	f.wds = append(f.wds, w)
	s.emit("channels_ec_withdraw_notify", "", "withdraw_info", map[string]any{"withdraw_id": w.id, "event": withdrawEventSubmitted})
	return map[string]any{"withdraw_id": w.id, "qrcode_ticket": withdrawTicket(w.id)}, nil
}

// withdrawTicket is the QR code ticket submitwithdraw hands out for a
// withdrawal.
func withdrawTicket(id string) string { return "ticket-" + id }

// withdrawal returns the withdrawal with the id, or nil.
func (f *funds) withdrawal(id string) *withdrawal {
	for i := range f.wds {
		if f.wds[i].id == id {
			return &f.wds[i]
		}
	}
	return nil
}

// Withdrawal events of channels_ec_withdraw_notify (its page's WithdrawInfo.event).
const (
	withdrawEventSubmitted = 1 // 发起提现,生成二维码
	withdrawEventVerified  = 2 // 扫码验证成功,申请提现
	withdrawEventSucceeded = 3 // 提现成功
	withdrawEventFailed    = 4 // 提现失败
)

// scanned moves a withdrawal after its QR code changed to st; s.mu is
// held. Confirmed: the withdrawal is accepted (CREATE_SUCCESS), its amount
// leaves the balance and channels_ec_withdraw_notify event 2 is pushed; if
// the balance no longer covers it (a refund in between), it fails (FAIL,
// event 4) and nothing moves. Cancelled or expired: the withdrawal is
// closed (CLOSE) and nothing moves. Scanned but not answered: it stays
// INIT.
func (s *Server) scanned(w *withdrawal, st shopapi.QRCodeStatus) {
	f := s.orders().fund
	switch st {
	case shopapi.QRCodeConfirmed:
		w.updated = s.now().Unix()
		if w.amount > f.available {
			w.status, w.reason = shopapi.WithdrawFail, "可提现余额不足"
			s.emit("channels_ec_withdraw_notify", "", "withdraw_info", map[string]any{"withdraw_id": w.id, "event": withdrawEventFailed})
			return
		}
		w.status = shopapi.WithdrawCreateSuccess
		f.book(s, FundsWithdrawal, shopapi.FlowExpense, w.amount, "", "", w.id, "")
		s.emit("channels_ec_withdraw_notify", "", "withdraw_info", map[string]any{"withdraw_id": w.id, "event": withdrawEventVerified})
	case shopapi.QRCodeCancelled, shopapi.QRCodeExpired:
		w.status, w.updated = shopapi.WithdrawClose, s.now().Unix()
	}
}

// FinishWithdrawal is the bank's answer to a withdrawal the administrator
// confirmed ([Server.ScanQRCode] with shopapi.QRCodeConfirmed, status
// CREATE_SUCCESS): with an empty failReason the money arrives (SUCCESS,
// channels_ec_withdraw_notify event 3); otherwise the withdrawal fails
// (FAIL, event 4) with failReason as getwithdrawdetail's reason, and its
// amount returns to the balance (an income flow of the withdrawal). Any
// other status is an ErrState, an unknown id an ErrNotFound.
func (s *Server) FinishWithdrawal(withdrawID vcart.ID, failReason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.orders().fund
	w := f.withdrawal(string(withdrawID))
	if w == nil {
		return fmt.Errorf("%w: withdrawal %s", ErrNotFound, withdrawID)
	}
	if w.status != shopapi.WithdrawCreateSuccess {
		return fmt.Errorf("%w: withdrawal %s is %s, not %s", ErrState, withdrawID, w.status, shopapi.WithdrawCreateSuccess)
	}
	w.updated = s.now().Unix()
	if failReason == "" {
		w.status = shopapi.WithdrawSuccess
		s.emit("channels_ec_withdraw_notify", "", "withdraw_info", map[string]any{"withdraw_id": w.id, "event": withdrawEventSucceeded})
		return nil
	}
	w.status, w.reason = shopapi.WithdrawFail, failReason
	f.book(s, FundsWithdrawal, shopapi.FlowIncome, w.amount, "", "", w.id, "")
	s.emit("channels_ec_withdraw_notify", "", "withdraw_info", map[string]any{"withdraw_id": w.id, "event": withdrawEventFailed})
	return nil
}

func (s *Server) hOrderFlow(c *call) (any, error) {
	type rng struct {
		Begin int64 `json:"begin"`
		End   int64 `json:"end"`
	}
	var b struct {
		SettleState int    `json:"order_settle_state"`
		OrderState  int    `json:"order_state"`
		PayMethod   int    `json:"order_pay_method"`
		OrderID     string `json:"order_id"`
		Range       *rng   `json:"create_time_range"`
		// RangeExample is the spelling of the page's example (its table
		// says create_time_range); the fake reads both.
		RangeExample *rng `json:"order_create_time_range"`
		Page         *struct {
			Limit      int    `json:"limit"`
			Offset     int    `json:"offset"`
			UsePageCtx bool   `json:"use_page_ctx"`
			PageCtx    string `json:"page_ctx"`
		} `json:"pagination_info"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	switch b.SettleState {
	case 0, 1, 2, 60, 100:
	default:
		return nil, apiErr(shopapi.CodeBadParams, "bad order_settle_state")
	}
	limit, offset := 10, 0
	if b.Page != nil {
		limit, offset = b.Page.Limit, b.Page.Offset
		if b.Page.UsePageCtx {
			offset = 0
			if b.Page.PageCtx != "" {
				n, err := strconv.Atoi(strings.TrimPrefix(b.Page.PageCtx, "ctx-"))
				if err != nil || n < 0 {
					return nil, apiErr(shopapi.CodeBadParams, "bad page_ctx")
				}
				offset = n
			}
		}
	}
	if limit < 1 || limit > 100 || offset < 0 {
		return nil, apiErr(shopapi.CodeBadParams, "bad pagination_info")
	}
	if b.Range == nil {
		b.Range = b.RangeExample
	}
	st := s.orders()
	var all []map[string]any
	for i := range st.recs {
		r := &st.recs[i]
		d := r.d
		if d == nil || d.payTime == 0 {
			continue
		}
		id := strconv.FormatUint(r.id, 10)
		settle := 1
		if d.settleTime != 0 {
			settle = 60
		}
		state := flowStateOf(r.status)
		if (b.SettleState != 0 && settle != b.SettleState) || (b.OrderState != 0 && state != b.OrderState) ||
			(b.PayMethod != 0 && b.PayMethod != 1) || (b.OrderID != "" && b.OrderID != id) ||
			(b.Range != nil && (r.created < b.Range.Begin || r.created >= b.Range.End)) {
			continue
		}
		m := s.settlementOf(r, d)
		products := make([]map[string]any, 0, len(d.lines))
		for _, l := range d.lines {
			products = append(products, map[string]any{"product_id": l.productID, "sale_price": l.unitFen,
				"count": l.count, "product_name": l.title, "is_gift": false})
		}
		_, productNow := d.productPrice()
		settleTime := d.settleTime
		all = append(all, map[string]any{
			"order_id": id, "order_state": state, "order_settle_state": settle,
			"order_create_time": r.created, "order_paid_time": d.payTime, "order_pay_method": 1, "order_type": 1,
			"product_list": products, "product_total_amount": productNow, "freight_amount": d.freight,
			"buyer_paid_amount": m.paid, "mch_received_amount": m.paid, "buyer_refund_amount": m.refunded,
			"original_platform_commission_amount": m.serviceFee, "platform_commission_amount": m.serviceFee,
			"promoter_commission_amount": m.commission, "expense_amount": m.serviceFee + m.payFee + m.commission,
			"mch_settle_amount": m.net, "mch_settle_time": settleTime,
			"platform_commission_settle_state": settle, "promoter_commission_settle_state": settle,
		})
	}
	total := len(all)
	lo := min(offset, total)
	hi := min(lo+limit, total)
	out := map[string]any{"total_count": total, "data_list": all[lo:hi]}
	if b.Page != nil && b.Page.UsePageCtx {
		out["page_ctx"] = "ctx-" + strconv.Itoa(hi)
	}
	return out, nil
}

// flowStateOf maps an order status to listorderflow's coarser order_state.
func flowStateOf(status uint8) int {
	switch {
	case status >= 100:
		return 100
	case status >= 30:
		return 30
	default:
		return 20
	}
}
