package shopapitest

import (
	"fmt"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The after-sale endpoints of issue 17: negotiation (商家协商), exchanges,
// after-sales raised for the buyer, price-difference refunds, virtual
// numbers and the fast-exchange receipt. They read and change the
// after-sales of aftersale.go through the small helpers below; the state
// they add (negotiations, virtual numbers, raised requests) lives in
// aftersaleExtras.

// aftersaleExtraRoutes returns the routes of the after-sale endpoints of
// issue 17.
func aftersaleExtraRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/aftersale/merchantupdateaftersale", h: (*Server).hAftersaleNegotiate},
		{method: http.MethodPost, path: "/channels/ec/aftersale/acceptexchangereship", h: (*Server).hExchangeReship},
		{method: http.MethodPost, path: "/channels/ec/aftersale/rejectexchangereship", h: (*Server).hExchangeRefuse},
		{method: http.MethodPost, path: "/channels/ec/aftersale/genaftersaleorder", h: (*Server).hAftersaleGenerate},
		{method: http.MethodPost, path: "/channels/ec/aftersale/refundpricediff", h: (*Server).hRefundPriceDiff},
		{method: http.MethodPost, path: "/channels/ec/aftersale/applyvirtualtelnum", h: (*Server).hAftersaleVirtualTel},
		{method: http.MethodPost, path: "/channels/ec/aftersale/handlefastexchangereceipt", h: (*Server).hFastExchangeReceipt},
	}
}

// negotiation is the merchant's proposal on an after-sale and what came of
// it.
type negotiation struct {
	kind       shopapi.NegotiationKind
	typ        int
	amount     int64
	desc       string
	reasonType int64
	media      []string
	// answered: the buyer declined, accepted or let the proposal time out.
	answered bool
}

// aftersaleExtras is the after-sale state issue 17 adds, keyed by
// after-sale id.
type aftersaleExtras struct {
	// mustNegotiate marks after-sales rejectapply refuses (10021068) until
	// a negotiation was answered.
	mustNegotiate map[string]bool
	negotiations  map[string]*negotiation
	// reship is the replacement parcel of an exchange.
	reship map[string]string
	// requests maps a request_id of genaftersaleorder / refundpricediff to
	// the after-sale it created (the platform's idempotency key).
	requests map[string]string
	// tel is the virtual number handed out for an after-sale.
	tel map[string]string
}

func (s *Server) aftersaleExtras() *aftersaleExtras {
	return stateOf(s, "aftersale-extras", func() *aftersaleExtras {
		return &aftersaleExtras{mustNegotiate: map[string]bool{}, negotiations: map[string]*negotiation{},
			reship: map[string]string{}, requests: map[string]string{}, tel: map[string]string{}}
	})
}

// rejectGate answers 10021068 when the after-sale must be negotiated
// before it can be rejected, as the platform does for some requests
// ("当前售后暂不支持直接拒绝，需先使用「售后协商」功能"). hAftersaleReject
// calls it.
func (s *Server) rejectGate(a *aftersale) error {
	x := s.aftersaleExtras()
	if !x.mustNegotiate[a.id] || a.status != shopapi.AftersaleMerchantProcessing {
		return nil
	}
	if n := x.negotiations[a.id]; n != nil && n.answered {
		return nil
	}
	return apiErr(shopapi.CodeAftersaleNegotiateFirst, "当前售后暂不支持直接拒绝，需先使用「售后协商」功能与买家进一步沟通")
}

var errAftersaleState = apiErr(shopapi.CodeAftersaleOpNotSupported, "operation not supported in the current status")

func (s *Server) hAftersaleNegotiate(c *call) (any, error) {
	var b struct {
		ID                 string        `json:"after_sale_order_id"`
		Type               int           `json:"type"`
		Amount             int64         `json:"amount"`
		MerchantUpdateDesc string        `json:"merchant_update_desc"`
		UpdateReasonType   shopapi.Int64 `json:"update_reason_type"`
		MerchantUpdateType int           `json:"merchant_update_type"`
		MediaIDs           []string      `json:"media_ids"`
	}
	a, err := s.decodeAftersale(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if (b.Type != 1 && b.Type != 2) || b.MerchantUpdateType < 1 || b.MerchantUpdateType > 3 || b.Amount < 0 ||
		b.Amount > a.amount || b.MerchantUpdateDesc == "" || b.UpdateReasonType <= 0 {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "参数错误")
	}
	if r, ok := shopapi.LookupNegotiationReason(int(b.UpdateReasonType)); ok && r.NeedImage && len(b.MediaIDs) == 0 {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "media_ids required by update_reason_type")
	}
	if a.status != shopapi.AftersaleMerchantProcessing {
		return nil, errAftersaleState
	}
	s.aftersaleExtras().negotiations[a.id] = &negotiation{kind: shopapi.NegotiationKind(b.MerchantUpdateType), typ: b.Type,
		amount: b.Amount, desc: b.MerchantUpdateDesc, reasonType: int64(b.UpdateReasonType), media: slices.Clone(b.MediaIDs)}
	s.setAftersale(a, shopapi.AftersaleUserWaitConfirmUpdate)
	return nil, nil
}

// RequireNegotiation makes rejectapply refuse the after-sale with 10021068
// ([shopapi.CodeAftersaleNegotiateFirst]) until the merchant negotiated
// and the buyer answered ([Server.AnswerNegotiation]), as the platform
// does for some requests.
func (s *Server) RequireNegotiation(aftersaleID vcart.ID) error {
	return s.aftersaleStep(string(aftersaleID), func(a *aftersale) error {
		s.aftersaleExtras().mustNegotiate[a.id] = true
		return nil
	})
}

// AnswerNegotiation is the buyer's answer to the merchant's proposal
// (USER_WAIT_CONFIRM_UPDATE). Declining, or letting it time out (accepted
// false), returns the after-sale to MERCHANT_PROCESSING, where the merchant
// may now reject it. Accepting applies the proposal: an invitation to
// cancel cancels the request, a modified refund-only request is refunded
// at once (the platform refunds automatically), and any other accepted
// proposal returns to MERCHANT_PROCESSING with the new type and amount.
func (s *Server) AnswerNegotiation(aftersaleID vcart.ID, accepted bool) error {
	return s.aftersaleStep(string(aftersaleID), func(a *aftersale) error {
		n := s.aftersaleExtras().negotiations[a.id]
		if a.status != shopapi.AftersaleUserWaitConfirmUpdate || n == nil {
			return fmt.Errorf("%w: answer a negotiation in %s", ErrState, a.status)
		}
		n.answered = true
		if !accepted {
			s.setAftersale(a, shopapi.AftersaleMerchantProcessing)
			return nil
		}
		switch {
		case n.kind == shopapi.NegotiateInviteCancel:
			s.releaseLine(a)
			s.setAftersale(a, shopapi.AftersaleUserCancelled)
		case n.kind == shopapi.NegotiateModify && n.typ == 1:
			a.typ, a.amount = shopapi.AftersaleRefund, n.amount
			a.refundReason = 3
			s.refund(a)
		default:
			if n.typ == 1 {
				a.typ = shopapi.AftersaleRefund
			} else {
				a.typ = shopapi.AftersaleReturn
			}
			a.amount = n.amount
			s.setAftersale(a, shopapi.AftersaleMerchantProcessing)
		}
		return nil
	})
}

// ReturnExchangeGoods records the buyer's return parcel of an exchange
// (EXCHANGE after-sale under review or awaiting the return →
// MERCHANT_WAIT_RECEIPT), after which the merchant reships or refuses.
func (s *Server) ReturnExchangeGoods(aftersaleID vcart.ID, waybillID string) error {
	return s.aftersaleStep(string(aftersaleID), func(a *aftersale) error {
		if a.typ != shopapi.AftersaleExchange {
			return fmt.Errorf("%w: after-sale %s is %s, not an exchange", ErrState, a.id, a.typ)
		}
		if a.status != shopapi.AftersaleMerchantProcessing && a.status != shopapi.AftersaleUserWaitReturn {
			return fmt.Errorf("%w: return exchange goods in %s", ErrState, a.status)
		}
		a.returnWaybill = waybillID
		s.setAftersale(a, shopapi.AftersaleMerchantWaitReceipt)
		return nil
	})
}

// exchangeAt returns the after-sale when it is an exchange awaiting the
// merchant's receipt, and 10021041 otherwise.
func exchangeAt(a *aftersale) error {
	if a.typ != shopapi.AftersaleExchange || a.status != shopapi.AftersaleMerchantWaitReceipt {
		return errAftersaleState
	}
	return nil
}

func (s *Server) hExchangeReship(c *call) (any, error) {
	var b struct {
		ID         string `json:"after_sale_order_id"`
		WaybillID  string `json:"waybill_id"`
		DeliveryID string `json:"delivery_id"`
	}
	a, err := s.decodeAftersale(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if b.WaybillID == "" || b.DeliveryID == "" {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "waybill_id and delivery_id are required")
	}
	if err := exchangeAt(a); err != nil {
		return nil, err
	}
	s.aftersaleExtras().reship[a.id] = b.DeliveryID + ":" + b.WaybillID
	// The docs name no exchange-specific final status: the fake closes
	// the exchange as MERCHANT_RETURN_SUCCESS without a refund.
	s.releaseLine(a)
	s.setAftersale(a, shopapi.AftersaleMerchantReturnSuccess)
	return nil, nil
}

func (s *Server) hExchangeRefuse(c *call) (any, error) {
	var b struct {
		ID     string `json:"after_sale_order_id"`
		Reason string `json:"reject_reason"`
		Type   int    `json:"reject_reason_type"`
	}
	a, err := s.decodeAftersale(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if b.Reason == "" && b.Type == 0 {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "reject_reason or reject_reason_type is required")
	}
	if err := exchangeAt(a); err != nil {
		return nil, err
	}
	a.rejectReason = b.Reason
	s.releaseLine(a)
	s.setAftersale(a, shopapi.AftersaleMerchantRejectReturn)
	return nil, nil
}

func (s *Server) hFastExchangeReceipt(c *call) (any, error) {
	var b struct {
		ID                    string   `json:"after_sale_order_id"`
		Act                   int      `json:"act"`
		RejectReason          string   `json:"reject_reason"`
		RejectReasonType      int      `json:"reject_reason_type"`
		MerchantText          string   `json:"merchant_text"`
		RejectConfirmExchange []string `json:"reject_confirm_exchange"`
	}
	a, err := s.decodeAftersale(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if b.Act != 1 && b.Act != 2 || b.Act == 2 && b.RejectReason == "" && b.RejectReasonType == 0 {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "参数错误")
	}
	if err := exchangeAt(a); err != nil {
		return nil, err
	}
	s.releaseLine(a)
	if b.Act == 1 {
		s.setAftersale(a, shopapi.AftersaleMerchantReturnSuccess)
		return nil, nil
	}
	a.rejectReason = b.RejectReason
	s.setAftersale(a, shopapi.AftersaleMerchantRejectReturn)
	return nil, nil
}

// buyerLine finds the order line of a request raised for the buyer, or
// answers 9700224.
func (s *Server) buyerLine(orderID, productID, skuID string) (*orderRec, *orderDetail, *orderLine, error) {
	st := s.orders()
	r, ok := st.get(orderID)
	if !ok {
		return nil, nil, nil, apiErr(shopapi.CodeOrderNotFound, "order not exist")
	}
	if !shopapi.OrderStatus(r.status).IsPaid() {
		return nil, nil, nil, apiErr(shopapi.CodeOrderStatusForbids, "order not paid")
	}
	d := st.detail(r)
	i := slices.IndexFunc(d.lines, func(l orderLine) bool { return l.skuID == skuID && l.productID == productID })
	if i < 0 {
		return nil, nil, nil, apiErr(shopapi.CodeAftersaleBadParams, "product_id or sku_id not in the order")
	}
	return r, d, &d.lines[i], nil
}

// newAftersale records an after-sale of line l raised by the merchant.
func (s *Server) newAftersale(r *orderRec, d *orderDetail, l *orderLine, typ shopapi.AftersaleType, count, amount int64, reason string) *aftersale {
	st := s.orders()
	now := s.now().Unix()
	orderID := fmt.Sprint(r.id)
	a := &aftersale{id: s.newID(), orderID: orderID, typ: typ, reason: shopapi.AftersaleReason(reason), productID: l.productID,
		skuID: l.skuID, count: count, amount: amount, created: now, openid: d.openid}
	l.onAftersale += count
	st.as[a.id] = a
	st.asBy = append(st.asBy, a.id)
	d.aftersales = append(d.aftersales, a.id)
	r.updated = now
	return a
}

func (s *Server) hAftersaleGenerate(c *call) (any, error) {
	var b struct {
		RequestID string `json:"request_id"`
		OrderID   string `json:"order_id"`
		ProductID string `json:"product_id"`
		SKUID     string `json:"sku_id"`
		Count     int64  `json:"count"`
		Amount    int64  `json:"amount"`
		Reason    string `json:"reason"`
		Type      string `json:"type"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	x := s.aftersaleExtras()
	if id, ok := x.requests[b.RequestID]; ok && b.RequestID != "" {
		return map[string]any{"after_sale_order_id": id}, nil
	}
	if b.RequestID == "" || b.Count <= 0 || b.Amount <= 0 || b.Reason == "" ||
		(b.Type != string(shopapi.AftersaleRefund) && b.Type != string(shopapi.AftersaleReturn)) {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "参数错误")
	}
	r, d, l, err := s.buyerLine(b.OrderID, b.ProductID, b.SKUID)
	if err != nil {
		return nil, err
	}
	free := l.count - l.refunded - l.onAftersale
	if b.Count > free || b.Amount > l.lineFen*b.Count/l.count {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "count or amount above what the line allows")
	}
	a := s.newAftersale(r, d, l, shopapi.AftersaleType(b.Type), b.Count, b.Amount, b.Reason)
	x.requests[b.RequestID] = a.id
	s.setAftersale(a, shopapi.AftersaleUserWaitHandleMerchantAS)
	return map[string]any{"after_sale_order_id": a.id}, nil
}

func (s *Server) hRefundPriceDiff(c *call) (any, error) {
	var b struct {
		RequestID string `json:"request_id"`
		OrderID   string `json:"order_id"`
		ProductID string `json:"product_id"`
		SKUID     string `json:"sku_id"`
		Amount    int64  `json:"amount"`
		Reason    string `json:"reason"`
		Desc      string `json:"desc"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	x := s.aftersaleExtras()
	if id, ok := x.requests[b.RequestID]; ok && b.RequestID != "" {
		return map[string]any{"after_sale_order_id": id}, nil
	}
	if b.RequestID == "" || b.Amount <= 0 || b.Reason == "" {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "参数错误")
	}
	r, d, l, err := s.buyerLine(b.OrderID, b.ProductID, b.SKUID)
	if err != nil {
		return nil, err
	}
	if b.Amount >= l.lineFen {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "a price difference must be below the line's amount")
	}
	a := s.newAftersale(r, d, l, shopapi.AftersaleRefund, 0, b.Amount, b.Reason)
	x.requests[b.RequestID] = a.id
	a.refundReason = 3
	s.refund(a)
	return map[string]any{"after_sale_order_id": a.id}, nil
}

func (s *Server) hAftersaleVirtualTel(c *call) (any, error) {
	a, err := s.aftersaleFor(c)
	if err != nil {
		return nil, err
	}
	if a.status.IsFinal() {
		return nil, errAftersaleState
	}
	x := s.aftersaleExtras()
	tel, ok := x.tel[a.id]
	if !ok {
		tel = fmt.Sprintf("170%08d", len(x.tel)+1)
		x.tel[a.id] = tel
	}
	return map[string]any{"virtual_tel_number": tel, "virtual_tel_expire_time": s.now().Unix() + 7*24*3600}, nil
}

// SetAftersaleStatus forces an after-sale into a state, without a push: for
// tests of which actions a state allows ([shopapi.AftersaleStatus.Allows]).
func (s *Server) SetAftersaleStatus(aftersaleID vcart.ID, st shopapi.AftersaleStatus) error {
	return s.aftersaleStep(string(aftersaleID), func(a *aftersale) error {
		a.status = st
		a.updated = s.now().Unix()
		return nil
	})
}
