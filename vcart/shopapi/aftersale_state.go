package shopapi

import "slices"

// AftersaleAction is a merchant action on an after-sale, named after its
// endpoint. [AftersaleStatus.Allows] says in which states the platform
// accepts it; elsewhere it answers 10021041 ([CodeAftersaleOpNotSupported]).
type AftersaleAction string

// Merchant actions on an after-sale.
const (
	// ActionAccept is acceptapply (同意售后).
	ActionAccept AftersaleAction = "acceptapply"
	// ActionReject is rejectapply (拒绝售后). Some after-sales further need
	// a negotiation first (10021068, [CodeAftersaleNegotiateFirst]).
	ActionReject AftersaleAction = "rejectapply"
	// ActionNegotiate is merchantupdateaftersale (商家协商).
	ActionNegotiate AftersaleAction = "merchantupdateaftersale"
	// ActionAcceptExchangeReship is acceptexchangereship (换货发货), for
	// EXCHANGE after-sales.
	ActionAcceptExchangeReship AftersaleAction = "acceptexchangereship"
	// ActionRejectExchangeReship is rejectexchangereship (换货拒绝发货), for
	// EXCHANGE after-sales.
	ActionRejectExchangeReship AftersaleAction = "rejectexchangereship"
	// ActionFastExchangeReceipt is handlefastexchangereceipt (极速换货收货),
	// for EXCHANGE after-sales.
	ActionFastExchangeReceipt AftersaleAction = "handlefastexchangereceipt"
	// ActionApplyVirtualTelNumber is applyvirtualtelnum (兑换虚拟号).
	ActionApplyVirtualTelNumber AftersaleAction = "applyvirtualtelnum"
)

// AftersaleActions lists every action [AftersaleStatus.Allows] knows.
var AftersaleActions = []AftersaleAction{
	ActionAccept, ActionReject, ActionNegotiate, ActionAcceptExchangeReship,
	ActionRejectExchangeReship, ActionFastExchangeReceipt, ActionApplyVirtualTelNumber,
}

// knownAftersaleStatuses are the documented states; an unknown one allows
// nothing.
var knownAftersaleStatuses = []AftersaleStatus{
	AftersaleUserCancelled, AftersaleMerchantProcessing, AftersaleMerchantRejectRefund, AftersaleMerchantRejectReturn,
	AftersaleUserWaitReturn, AftersaleReturnClosed, AftersaleMerchantWaitReceipt, AftersaleMerchantOverdueRefund,
	AftersaleMerchantRefundSuccess, AftersaleMerchantReturnSuccess, AftersalePlatformRefunding, AftersalePlatformRefundFail,
	AftersaleUserWaitConfirm, AftersaleMerchantRefundRetryFail, AftersaleMerchantFail, AftersaleUserWaitConfirmUpdate,
	AftersaleUserWaitHandleMerchantAS,
}

// aftersaleRules maps an action to the states that allow it; an action
// allowed in every documented state that is not final is listed under nil.
var aftersaleRules = map[AftersaleAction][]AftersaleStatus{
	// The merchant decides while processing and, for a return, once the
	// goods are back.
	ActionAccept: {AftersaleMerchantProcessing, AftersaleMerchantWaitReceipt},
	ActionReject: {AftersaleMerchantProcessing, AftersaleMerchantWaitReceipt},
	// A proposal answers a request under review; while the buyer has not
	// answered the previous one (USER_WAIT_CONFIRM_UPDATE) there is none.
	ActionNegotiate: {AftersaleMerchantProcessing},
	// The replacement ships, or is refused, once the return arrived.
	ActionAcceptExchangeReship:  {AftersaleMerchantWaitReceipt},
	ActionRejectExchangeReship:  {AftersaleMerchantWaitReceipt},
	ActionFastExchangeReceipt:   {AftersaleMerchantWaitReceipt},
	ActionApplyVirtualTelNumber: nil,
}

// Allows reports whether the platform accepts the merchant action a on an
// after-sale in state s. It is pure: the after-sale's type (the exchange
// actions need an EXCHANGE after-sale) and the negotiation rule of
// rejectapply are checked by the platform only.
func (s AftersaleStatus) Allows(a AftersaleAction) bool {
	states, ok := aftersaleRules[a]
	if !ok {
		return false
	}
	if states == nil {
		return slices.Contains(knownAftersaleStatuses, s) && !s.IsFinal()
	}
	return slices.Contains(states, s)
}

// AllowedActions returns the merchant actions the state allows, in the
// order of [AftersaleActions].
func AllowedActions(s AftersaleStatus) []AftersaleAction {
	var out []AftersaleAction
	for _, a := range AftersaleActions {
		if s.Allows(a) {
			out = append(out, a)
		}
	}
	return out
}
