package shopapitest

import (
	"bytes"
	"encoding/json"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// dropshipRoutes returns the dropship endpoints (代发管理): supplier
// relations, the distribution mode and dropship orders.
//
// The fake's model: an invited supplier is bound at once (the supplier's
// acceptance happens in their back office, outside the shop's API), with
// status 1 and bind_audit_status 1. Assigning products of an order to a
// bound supplier creates a dropship order and pushes
// channels_ec_order_ext_info_update with type 14 to the shop, cancelling
// one with type 15, as the dropship guide says the platform does. The
// dropship_order_* events go to the supplier's account, not to the shop:
// the fake records them apart, for [Server.SupplierEvents] (new on
// assignment; cancel when every product is cancelled, update otherwise). A dropship order's status stays 0, the example's value:
// the page's status enum was not read.
func dropshipRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/invite_supplier", h: (*Server).hSupplierInvite},
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/get_supplier_list", h: (*Server).hSupplierList},
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/get_distribute", h: (*Server).hDistributeGet},
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/set_manually_distribute", h: (*Server).hDistributeManual},
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/set_all_distribution", h: (*Server).hDistributeAll},
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/set_product_distribute", h: (*Server).hDistributeProducts},
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/get_product_default_distribute", h: (*Server).hDistributeProductGet},
		{method: http.MethodPost, path: "/channels/ec/supplier/relation/get_product_list", h: (*Server).hDistributeProductList},
		{method: http.MethodPost, path: "/channels/ec/order/dropship/assign", h: (*Server).hDropshipAssign},
		{method: http.MethodPost, path: "/channels/ec/order/dropship/cancel", h: (*Server).hDropshipCancel},
		{method: http.MethodPost, path: "/channels/ec/order/dropship/get", h: (*Server).hDropshipGet},
		{method: http.MethodPost, path: "/channels/ec/order/dropship/list", h: (*Server).hDropshipList},
		{method: http.MethodPost, path: "/channels/ec/order/dropship/search", h: (*Server).hDropshipSearch},
	}
}

// dropshipMode is the shop's distribution mode and per-product bindings.
type dropshipMode struct {
	typ         shopapi.DistributeType
	allSupplier string
	// perProduct maps product ids to supplier appids, in binding order.
	perProduct map[string]string
	order      []string
}

func (s *Server) dropshipMode() *dropshipMode {
	return stateOf(s, "dropship.mode", func() *dropshipMode {
		return &dropshipMode{typ: shopapi.DistributeManual, perProduct: map[string]string{}}
	})
}

// supplierTable holds the shop's suppliers by appid.
func (s *Server) supplierTable() *table[shopapi.Supplier] {
	return tableOf[shopapi.Supplier](s, "dropship.suppliers", shopapi.CodeDropshipNotBound, "supplier not bound to the shop")
}

// dsOrder is a dropship order with its products.
type dsOrder struct {
	o        shopapi.DropshipOrder
	products []shopapi.DropshipProduct
}

func (s *Server) dsOrderTable() *table[dsOrder] {
	return tableOf[dsOrder](s, "dropship.orders", shopapi.CodeBadParams, "dropship order not exist")
}

func (s *Server) hSupplierInvite(c *call) (any, error) {
	var b shopapi.SupplierInvitation
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.SupplierAppID == "" {
		return nil, apiErr(shopapi.CodeBadParams, "supplier_appid is required")
	}
	t := s.supplierTable()
	if _, err := t.get(b.SupplierAppID); err == nil {
		return nil, apiErr(shopapi.CodeBadParams, "supplier already bound")
	}
	t.put(b.SupplierAppID, &shopapi.Supplier{Name: "供货商 " + b.SupplierAppID, AppID: b.SupplierAppID,
		Status: 1, BindAuditStatus: 1, UpdateTime: s.now().Unix()})
	return nil, nil
}

func (s *Server) hSupplierList(c *call) (any, error) {
	var b struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Limit == 0 {
		b.Limit = 10
	}
	t := s.supplierTable()
	ids, _, err := pageOffset(t.ids(nil), b.Offset, b.Limit, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		List       []shopapi.Supplier `json:"list"`
		TotalCount int                `json:"total_count"`
	}{List: []shopapi.Supplier{}, TotalCount: t.len()}
	for _, id := range ids {
		out.List = append(out.List, *t.byID[id])
	}
	return out, nil
}

func (s *Server) hDistributeGet(*call) (any, error) {
	m := s.dropshipMode()
	d := shopapi.Distribution{Type: m.typ}
	if m.typ == shopapi.DistributeAllShop {
		d.AllSupplierAppID = m.allSupplier
		if sup, err := s.supplierTable().get(m.allSupplier); err == nil {
			d.AllSupplierName = sup.Name
		}
	}
	return d, nil
}

func (s *Server) hDistributeManual(*call) (any, error) {
	m := s.dropshipMode()
	m.typ, m.allSupplier = shopapi.DistributeManual, ""
	return nil, nil
}

func (s *Server) hDistributeAll(c *call) (any, error) {
	var b struct {
		SupplierAppID string `json:"supplier_appid"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if _, err := s.supplierTable().get(b.SupplierAppID); err != nil {
		return nil, err
	}
	m := s.dropshipMode()
	m.typ, m.allSupplier = shopapi.DistributeAllShop, b.SupplierAppID
	return nil, nil
}

// distributionList reads set_product_distribute's list: an array in the
// field table, one object in the page's example; both are read.
type distributionList []shopapi.ProductDistribution

func (l *distributionList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var one shopapi.ProductDistribution
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*l = distributionList{one}
		return nil
	}
	return json.Unmarshal(b, (*[]shopapi.ProductDistribution)(l))
}

func (s *Server) hDistributeProducts(c *call) (any, error) {
	var b struct {
		List distributionList `json:"list"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.List) == 0 || len(b.List) > shopapi.DropshipMaxProductDistributions {
		return nil, apiErr(shopapi.CodeBadParams, "list must hold 1..200 entries")
	}
	for _, d := range b.List { // check all first: nothing half-applied
		if _, err := s.supplierTable().get(d.SupplierAppID); err != nil {
			return nil, err
		}
		if d.ProductID == "" {
			return nil, apiErr(shopapi.CodeBadParams, "product_id is required")
		}
	}
	m := s.dropshipMode()
	for _, d := range b.List {
		id := string(d.ProductID)
		_, had := m.perProduct[id]
		switch {
		case d.IsDistribute:
			if !had {
				m.order = append(m.order, id)
			}
			m.perProduct[id] = d.SupplierAppID
		case had && m.perProduct[id] == d.SupplierAppID:
			delete(m.perProduct, id)
			for i, o := range m.order {
				if o == id {
					m.order = append(m.order[:i:i], m.order[i+1:]...)
					break
				}
			}
		}
	}
	m.typ, m.allSupplier = shopapi.DistributePerProduct, ""
	return nil, nil
}

func (s *Server) hDistributeProductGet(c *call) (any, error) {
	var b struct {
		ProductID shopapi.ID `json:"product_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	sup, ok := s.dropshipMode().perProduct[string(b.ProductID)]
	return shopapi.ProductDefaultSupplier{Exists: ok, SupplierAppID: sup}, nil
}

func (s *Server) hDistributeProductList(c *call) (any, error) {
	var b struct {
		IsFilterDistributeStatus bool   `json:"is_filter_distribute_status"`
		DistributeStatus         int    `json:"distribute_status"`
		IsFilterProductStatus    bool   `json:"is_filter_product_status"`
		ProductStatus            int    `json:"product_status"`
		IsFilterSupplierAppID    bool   `json:"is_filter_supplier_appid"`
		SupplierAppID            string `json:"supplier_appid"`
		Limit                    int    `json:"limit"`
		PageContext              string `json:"page_context"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Limit == 0 {
		b.Limit = 10
	}
	m := s.dropshipMode()
	var ids []string
	for _, id := range m.order {
		// Every bound product is distributed (status 0); the fake keeps no
		// product status of its own for this list.
		if (b.IsFilterDistributeStatus && b.DistributeStatus != 0) ||
			(b.IsFilterSupplierAppID && m.perProduct[id] != b.SupplierAppID) {
			continue
		}
		ids = append(ids, id)
	}
	page, next, _, err := pageKey(ids, b.PageContext, b.Limit, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	out := shopapi.DistributedProductPage{PageContext: next, TotalCount: len(ids), List: []shopapi.DistributedProduct{}}
	for _, id := range page {
		p := shopapi.DistributedProduct{ProductID: shopapi.ID(id), SupplierAppID: m.perProduct[id]}
		if sup, err := s.supplierTable().get(p.SupplierAppID); err == nil {
			p.SupplierName = sup.Name
		}
		out.List = append(out.List, p)
	}
	return out, nil
}

// checkDropshipLines answers errcode 10020051 unless every line names a SKU
// of the order with a positive count no larger than the order's.
func checkDropshipLines(r *orderRec, list []shopapi.DropshipProduct) error {
	if len(list) == 0 {
		return apiErr(shopapi.CodeBadParams, "dropship_product_list is required")
	}
	for _, l := range list {
		ok := false
		if r.d != nil {
			for _, ol := range r.d.lines {
				if ol.productID == string(l.SpuID) && ol.skuID == string(l.SkuID) && l.ProductCnt > 0 && int64(l.ProductCnt) <= ol.count {
					ok = true
				}
			}
		}
		if !ok {
			return apiErr(shopapi.CodeBadParams, "product "+string(l.SpuID)+"/"+string(l.SkuID)+" not in the order or bad count")
		}
	}
	return nil
}

func (s *Server) hDropshipAssign(c *call) (any, error) {
	var b struct {
		OrderID       string                    `json:"order_id"`
		SupplierAppID string                    `json:"supplier_appid"`
		Products      []shopapi.DropshipProduct `json:"dropship_product_list"`
	}
	_, r, err := s.decodeOrder(c, &b, &b.OrderID)
	if err != nil {
		return nil, err
	}
	sup, err := s.supplierTable().get(b.SupplierAppID)
	if err != nil {
		return nil, err
	}
	if err := checkDropshipLines(r, b.Products); err != nil {
		return nil, err
	}
	now := s.now().Unix()
	d := &dsOrder{o: shopapi.DropshipOrder{CreateTime: now, UpdateTime: now, SupplierAppID: sup.AppID,
		SupplierName: sup.Name, OrderID: shopapi.ID(b.OrderID)}, products: b.Products}
	d.o.DsOrderID = shopapi.ID(s.dsOrderTable().add(s, d))
	s.emitOrder(r, "channels_ec_order_ext_info_update", map[string]any{"type": 14})
	s.emitSupplier(sup.AppID, "dropship_order_new", string(d.o.DsOrderID), false)
	return nil, nil
}

func (s *Server) hDropshipCancel(c *call) (any, error) {
	var b struct {
		OrderID   string                    `json:"order_id"`
		DsOrderID string                    `json:"ds_order_id"`
		Products  []shopapi.DropshipProduct `json:"dropship_product_list"`
	}
	_, r, err := s.decodeOrder(c, &b, &b.OrderID)
	if err != nil {
		return nil, err
	}
	d, err := s.dsOrderTable().get(b.DsOrderID)
	if err != nil {
		return nil, err
	}
	if string(d.o.OrderID) != b.OrderID {
		return nil, apiErr(shopapi.CodeBadParams, "ds_order_id is not of order_id")
	}
	left := map[[2]string]int{}
	for _, p := range d.products {
		left[[2]string{string(p.SpuID), string(p.SkuID)}] += p.ProductCnt
	}
	for _, p := range b.Products {
		k := [2]string{string(p.SpuID), string(p.SkuID)}
		if p.ProductCnt < 1 || p.ProductCnt > left[k] {
			return nil, apiErr(shopapi.CodeBadParams, "product not in the dropship order or bad count")
		}
		left[k] -= p.ProductCnt
	}
	var kept []shopapi.DropshipProduct
	for _, p := range d.products {
		k := [2]string{string(p.SpuID), string(p.SkuID)}
		if n := left[k]; n > 0 {
			kept = append(kept, shopapi.DropshipProduct{SpuID: p.SpuID, SkuID: p.SkuID, ProductCnt: n})
			left[k] = 0
		}
	}
	d.products, d.o.UpdateTime = kept, s.now().Unix()
	s.emitOrder(r, "channels_ec_order_ext_info_update", map[string]any{"type": 15})
	if len(kept) == 0 {
		s.emitSupplier(d.o.SupplierAppID, "dropship_order_cancel", b.DsOrderID, false)
	} else {
		s.emitSupplier(d.o.SupplierAppID, "dropship_order_update", b.DsOrderID, true)
	}
	return nil, nil
}

func (s *Server) hDropshipGet(c *call) (any, error) {
	var b struct {
		DsOrderID string `json:"ds_order_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	d, err := s.dsOrderTable().get(b.DsOrderID)
	if err != nil {
		return nil, err
	}
	return struct {
		Order shopapi.DropshipOrder `json:"dropship_order"`
	}{d.o}, nil
}

type dropshipFilterReq struct {
	OrderID         string                     `json:"order_id"`
	CreateTimeRange *shopapi.DropshipTimeRange `json:"create_time_range"`
	Status          *int                       `json:"status"`
}

type dropshipPageReq struct {
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func (s *Server) dropshipPage(f dropshipFilterReq, pg dropshipPageReq) (any, error) {
	t := s.dsOrderTable()
	ids := t.ids(func(_ string, d *dsOrder) bool {
		if f.OrderID != "" && string(d.o.OrderID) != f.OrderID {
			return false
		}
		if r := f.CreateTimeRange; r != nil && (d.o.CreateTime < r.StartTime || d.o.CreateTime > r.EndTime) {
			return false
		}
		return f.Status == nil || *f.Status == d.o.Status
	})
	page, _, err := pageOffset(ids, pg.Offset, pg.Limit, shopapi.DropshipMaxPage, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	out := shopapi.DropshipOrderPage{DsOrderIDs: []shopapi.ID{}, Total: len(ids),
		NextPage: shopapi.DropshipPageInfo{Offset: pg.Offset + len(page), Limit: pg.Limit}}
	for _, id := range page {
		out.DsOrderIDs = append(out.DsOrderIDs, shopapi.ID(id))
	}
	return out, nil
}

func (s *Server) hDropshipList(c *call) (any, error) {
	var b struct {
		dropshipFilterReq
		PageInfo dropshipPageReq `json:"page_info"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return s.dropshipPage(b.dropshipFilterReq, b.PageInfo)
}

func (s *Server) hDropshipSearch(c *call) (any, error) {
	var b struct {
		Cond     dropshipFilterReq `json:"search_condition"`
		PageInfo dropshipPageReq   `json:"page_info"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return s.dropshipPage(b.Cond, b.PageInfo)
}

// DropshipOrderIDs returns the ids of the dropship orders of an order, for
// tests.
func (s *Server) DropshipOrderIDs(orderID vcart.ID) []vcart.ID {
	s.mu.Lock()
	defer s.mu.Unlock()
	return convertIDs[vcart.ID](s.dsOrderTable().ids(func(_ string, d *dsOrder) bool { return d.o.OrderID == orderID }))
}

// supplierEvents holds the events the platform pushes to suppliers.
type supplierEvents struct{ byApp map[string][]Event }

// emitSupplier records a dropship_order_* event for the supplier appID, in
// the pages' shape (ds_order_id, and update_time for an update). s.mu is
// held.
func (s *Server) emitSupplier(appID, event, dsOrderID string, withUpdate bool) {
	m := map[string]any{"ToUserName": appID, "FromUserName": "o-platform", "CreateTime": s.now().Unix(),
		"MsgType": "event", "Event": event, "ds_order_id": dsOrderID}
	if withUpdate {
		m["update_time"] = s.now().Unix()
	}
	plain, _ := json.Marshal(m)
	st := stateOf(s, "dropship.supplierEvents", func() *supplierEvents { return &supplierEvents{byApp: map[string][]Event{}} })
	st.byApp[appID] = append(st.byApp[appID], Event{Name: event, Key: vcart.ID(dsOrderID), Plaintext: plain})
}

// SupplierEvents returns the dropship_order_* events the platform would
// have pushed to the supplier appID (to the supplier's own callback, not
// the shop's: they are never delivered by [Server.EnablePush]), in order.
// ToUserName carries the supplier's appid.
func (s *Server) SupplierEvents(appID string) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := stateOf(s, "dropship.supplierEvents", func() *supplierEvents { return &supplierEvents{byApp: map[string][]Event{}} })
	return append([]Event(nil), st.byApp[appID]...)
}
