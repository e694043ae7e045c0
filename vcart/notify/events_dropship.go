package notify

// Dropship (代发) and cooperation-account events (issue 20).
const (
	EventDropshipOrderNew     = "dropship_order_new"     // 代发单新增 (to the supplier)
	EventDropshipOrderCancel  = "dropship_order_cancel"  // 代发单取消 (to the supplier)
	EventDropshipOrderUpdate  = "dropship_order_update"  // 代发单更新 (to the supplier)
	EventCooperationShopOrder = "cooperation_shop_order" // 合作账号订单通知 (to the mini-program)
	// EventRelatedShopOrderSubmission is the name the cooperation page gives
	// the same order notice for newly associated accounts (关联账号).
	EventRelatedShopOrderSubmission = "related_shop_order_submission"
)

// DropshipOrderEvent is one of the dropship order events
// (dropship_order_new, _cancel, _update), which the platform pushes to the
// supplier (供货商) a shop assigned an order to. The shop itself learns of
// assignments through channels_ec_order_ext_info_update (type 14 assigned,
// 15 cancelled).
type DropshipOrderEvent struct {
	Header
	// DsOrderID is the dropship order (代发单) id.
	DsOrderID FlexString `json:"ds_order_id"`
	// UpdateTime (dropship_order_update) is the update's Unix time.
	UpdateTime FlexInt `json:"update_time,omitempty"`
}

// CooperationOrderData is the body of cooperation_shop_order: a shop order
// placed through a cooperating mini-program.
type CooperationOrderData struct {
	// OrderID is an id for the mini-program's queries, not the shop's own
	// order id.
	OrderID   FlexString `json:"order_id"`
	ShopAppID string     `json:"shop_appid"`
}

// CooperationShopOrderEvent is cooperation_shop_order (合作账号订单通知),
// pushed to a mini-program that is a cooperation account of a shop when an
// order comes in through it. The page's field table names the body Data; a
// peer SDK reads EventData: both decode ([CooperationShopOrderEvent.Order]).
type CooperationShopOrderEvent struct {
	Header
	Data *CooperationOrderData `json:"Data,omitempty"`
	// EventData is the peer SDK's name of the body.
	EventData *CooperationOrderData `json:"EventData,omitempty"`
}

// Order returns the body under either name (zero when absent).
func (e *CooperationShopOrderEvent) Order() CooperationOrderData {
	switch {
	case e.Data != nil:
		return *e.Data
	case e.EventData != nil:
		return *e.EventData
	}
	return CooperationOrderData{}
}
