package shopapitest

import (
	"net/http"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// talentRoutes returns the talent endpoints (达人, 带货助手). The fake plays
// the shop and its channel's talent at once: the talent's showcase is the
// fake channel's showcase (showcase.go), and its commission orders (佣金单)
// are the fake's paid orders that carry a talent commission
// ([NewOrder.TalentCommissionFen]).
func talentRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/talent/get_order_list", h: (*Server).hTalentOrderList},
		{method: http.MethodPost, path: "/channels/ec/talent/get_order_detail", h: (*Server).hTalentOrderDetail},
		{method: http.MethodPost, path: "/channels/ec/talent/window/product/list/get", h: (*Server).hTalentWindowList},
		{method: http.MethodPost, path: "/channels/ec/talent/window/product/get", h: (*Server).hTalentWindowGet},
	}
}

// talentOrders returns the orders with a talent commission, paid, in
// creation order. s.mu is held.
func (s *Server) talentOrders(keep func(r *orderRec, d *orderDetail) bool) []*orderRec {
	st := s.orders()
	var out []*orderRec
	for i := range st.recs {
		r := &st.recs[i]
		d := peekDetail(st, r)
		if d.talentCommission <= 0 || d.payTime == 0 || len(d.lines) == 0 {
			continue
		}
		if keep == nil || keep(r, d) {
			out = append(out, r)
		}
	}
	return out
}

func (s *Server) hTalentOrderList(c *call) (any, error) {
	var b shopapi.TalentOrderListRequest
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.PageSize < 1 || b.PageSize > shopapi.TalentOrderMaxPage {
		return nil, apiErr(shopapi.CodeHeadSupplierBadParams, "invalid page_size")
	}
	in := func(v, gt, lt int64) bool { return (gt == 0 || v > gt) && (lt == 0 || v < lt) }
	recs := s.talentOrders(func(r *orderRec, d *orderDetail) bool {
		id := strconv.FormatUint(r.id, 10)
		return (b.OrderID == "" || string(b.OrderID) == id) &&
			(b.SPUID == "" || string(b.SPUID) == d.lines[0].productID) &&
			in(r.created, b.CreateTimeGT, b.CreateTimeLT) && in(r.updated, b.UpdateTimeGT, b.UpdateTimeLT)
	})
	ids := make([]string, len(recs))
	for i := range recs {
		ids[i] = strconv.Itoa(i)
	}
	page, next, more, err := pageKey(ids, b.NextKey, b.PageSize, shopapi.TalentOrderMaxPage, shopapi.CodeHeadSupplierBadParams)
	if err != nil {
		return nil, err
	}
	// The fake has no local-life orders (本地生活): no special_id.
	type ref struct {
		OrderID string `json:"order_id"`
		SKUID   string `json:"sku_id"`
	}
	out := struct {
		Orders  []ref  `json:"order_list"`
		HasMore bool   `json:"has_more"`
		NextKey string `json:"next_key,omitempty"`
	}{Orders: []ref{}, HasMore: more}
	if more {
		out.NextKey = next
	}
	st := s.orders()
	for _, k := range page {
		i, _ := strconv.Atoi(k)
		r := recs[i]
		d := peekDetail(st, r)
		out.Orders = append(out.Orders, ref{OrderID: strconv.FormatUint(r.id, 10), SKUID: d.lines[0].skuID})
	}
	return out, nil
}

// talentYuan renders fen as the example's yuan string ("9.99").
func talentYuan(fen int64) string {
	return strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(fen%100/10, 10) + strconv.FormatInt(fen%10, 10)
}

// talentOrderBase is base_info as the fake answers it: the actual payment
// in fen, as the field table says, and no special_id (no local-life
// orders).
type talentOrderBase struct {
	OrderID         string              `json:"order_id"`
	SPUID           string              `json:"spu_id"`
	SKUID           string              `json:"sku_id"`
	OrderStatus     int64               `json:"order_status"`
	ActualPayment   string              `json:"actual_payment"`
	OrderCreateTime int64               `json:"order_create_time"`
	OrderUpdateTime int64               `json:"order_update_time"`
	BuyerInfo       shopapi.TalentBuyer `json:"buyer_info"`
}

type talentOrderAnswer struct {
	BaseInfo       talentOrderBase            `json:"base_info"`
	CommissionInfo shopapi.TalentCommission   `json:"commission_info"`
	ChannelInfo    shopapi.TalentOrderChannel `json:"channel_info"`
}

func (s *Server) hTalentOrderDetail(c *call) (any, error) {
	var b struct {
		OrderID   shopapi.ID `json:"order_id"`
		SKUID     shopapi.ID `json:"sku_id"`
		SpecialID string     `json:"special_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := requireIDs(shopapi.CodeHeadSupplierBadParams, map[string]string{"order_id": string(b.OrderID), "sku_id": string(b.SKUID)}); err != nil {
		return nil, err
	}
	recs := s.talentOrders(func(r *orderRec, d *orderDetail) bool {
		return strconv.FormatUint(r.id, 10) == string(b.OrderID) && d.lines[0].skuID == string(b.SKUID)
	})
	if len(recs) == 0 {
		return nil, apiErr(shopapi.CodeHeadSupplierOrderNotFound, "commission order not found")
	}
	r := recs[0]
	d := peekDetail(s.orders(), r)
	l := d.lines[0]
	o := talentOrderAnswer{
		BaseInfo: talentOrderBase{OrderID: string(b.OrderID), SPUID: l.productID, SKUID: string(b.SKUID),
			OrderStatus: int64(r.status), ActualPayment: strconv.FormatInt(d.orderPrice(), 10),
			OrderCreateTime: r.created, OrderUpdateTime: r.updated,
			BuyerInfo: shopapi.TalentBuyer{OpenID: d.openid, UnionID: "u" + d.openid}},
		CommissionInfo: shopapi.TalentCommission{State: 1, ExpectSettleTime: d.payTime + 15*86400,
			ExpectSettlement: talentYuan(d.talentCommission)},
		ChannelInfo: shopapi.TalentOrderChannel{ChannelType: 2, ChannelID: "sphfake0001", ChannelName: "测试达人"},
	}
	// ratio: the commission over the paid amount, in 万分之一 as the SKIT
	// peer reads it (the page's table was not read).
	if p := d.orderPrice(); p > 0 {
		o.CommissionInfo.Ratio = strconv.FormatInt(d.talentCommission*10000/p, 10)
	}
	if d.settleTime != 0 {
		o.CommissionInfo.State = 2
		o.CommissionInfo.ActualSettleTime, o.CommissionInfo.ActualSettlement = d.settleTime, talentYuan(d.talentCommission)
	}
	return o, nil
}

func (s *Server) hTalentWindowList(c *call) (any, error) {
	var b struct {
		PageSize   int    `json:"page_size"`
		PageIndex  int    `json:"page_index"`
		LastBuffer string `json:"last_buffer"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids := s.showcase().ids(nil)
	var page []string
	var next string
	var err error
	if b.LastBuffer != "" || b.PageIndex == 0 {
		page, next, _, err = pageKey(ids, b.LastBuffer, b.PageSize, 100, shopapi.CodeBadParams)
	} else {
		page, err = pageNumber(ids, b.PageIndex, b.PageSize, 100, shopapi.CodeBadParams)
		next = makeKey(min(len(ids), b.PageIndex*b.PageSize))
	}
	if err != nil {
		return nil, err
	}
	out := shopapi.TalentWindowPage{Products: []shopapi.TalentWindowRef{}, LastBuffer: next}
	for _, id := range page {
		ref := shopapi.TalentWindowRef{ProductID: shopapi.ID(id), AppID: s.appID, ProductSource: 1}
		if p, ok := s.products[id]; ok {
			ref.OutProductID = p.draft.OutProductID
		}
		out.Products = append(out.Products, ref)
	}
	return out, nil
}

func (s *Server) hTalentWindowGet(c *call) (any, error) {
	var b struct {
		ProductID shopapi.ID `json:"product_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	e, err := s.showcase().get(string(b.ProductID))
	if err != nil {
		return nil, err
	}
	v := s.showcaseView(e)
	return struct {
		Product shopapi.TalentWindowProduct `json:"product"`
	}{shopapi.TalentWindowProduct{ProductID: v.ProductID, AppID: v.AppID, OutProductID: v.OutProductID, Title: v.Title,
		ImgURL: v.ImgURL, LeafCategoryID: v.LeafCategoryID, Status: int64(v.Status), SellingPrice: v.SellingPrice,
		Stock: v.Stock, Sales: v.Sales, IsHide: v.IsHideForWindow, ProductPromotionLink: "v1=" + s.token(e.productID)}}, nil
}
