package shopapitest

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// deliveryExtraRoutes returns the newer delivery endpoints: the carrier
// list, re-delivery (补发货), logistics corrections (修改物流信息) and the
// receiver's virtual numbers.
func deliveryExtraRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/order/deliverycompanylist/new/get", h: (*Server).hDeliveryCompaniesNew},
		{method: http.MethodPost, path: "/channels/ec/order/delivery/compensation", h: (*Server).hDeliveryCompensation},
		{method: http.MethodPost, path: "/channels/ec/order/deliveryinfo/update", h: (*Server).hDeliveryInfoUpdate},
		{method: http.MethodPost, path: "/channels/ec/logistics/virtualnumber/get", h: (*Server).hVirtualNumber},
		{method: http.MethodPost, path: "/channels/ec/logistics/phonenumber/get", h: (*Server).hRealPhone},
		{method: http.MethodPost, path: "/channels/ec/logistics/phonenumberpool/get", h: (*Server).hPhonePool},
	}
}

func (s *Server) hDeliveryCompaniesNew(c *call) (any, error) {
	var b struct {
		EWaybillOnly bool `json:"ewaybill_only"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	list := slices.Clone(deliveryCompanies)
	if b.EWaybillOnly {
		list = slices.DeleteFunc(list, func(d shopapi.DeliveryCompany) bool {
			_, _, ok := EWaybillAccount(d.DeliveryID)
			return !ok
		})
	}
	return struct {
		CompanyList []shopapi.DeliveryCompany `json:"company_list"`
	}{list}, nil
}

// packagesOf checks packages against the order's lines (carrier, number,
// SKUs, counts up to each line's count) and returns them.
func (s *Server) packagesOf(d *orderDetail, list []shipPackage) ([]pkg, error) {
	now := s.now().Unix()
	var out []pkg
	for _, p := range list {
		switch {
		case p.DeliverType != int(shopapi.DeliverSelf):
			return nil, apiErr(shopapi.CodeDeliverTypeMismatch, "deliver_type must be 1")
		case companyName(p.DeliveryID) == "":
			return nil, apiErr(shopapi.CodeInvalidDeliveryID, "invalid delivery_id")
		case len(p.WaybillID) < 6 || len(p.WaybillID) > 32:
			return nil, apiErr(shopapi.CodeInvalidWaybillID, "invalid waybill_id")
		case len(p.Products) == 0:
			return nil, apiErr(shopapi.CodeNoProductsToShip, "no products in package")
		}
		pk := pkg{deliveryID: p.DeliveryID, waybillID: p.WaybillID, deliverType: p.DeliverType, at: now}
		for _, it := range p.Products {
			i := slices.IndexFunc(d.lines, func(l orderLine) bool { return l.productID == it.ProductID && l.skuID == it.SKUID })
			if i < 0 {
				return nil, apiErr(shopapi.CodeWrongProductOrSKU, "product_id or sku_id not in order")
			}
			if it.ProductCnt <= 0 || it.ProductCnt > d.lines[i].count {
				return nil, apiErr(shopapi.CodeDeliveryFailed, "product_cnt exceeds the order line")
			}
			pk.items = append(pk.items, shipItem{it.ProductID, it.SKUID, it.ProductCnt})
		}
		out = append(out, pk)
	}
	return out, nil
}

// shippedOrder returns the detail of an order that has left the warehouse
// (shipped or completed), else 101100 as the platform.
func (s *Server) shippedOrder(id string) (*orderDetail, *orderRec, error) {
	st, r, err := s.orderOf(id)
	if err != nil {
		return nil, nil, err
	}
	switch shopapi.OrderStatus(r.status) {
	case shopapi.OrderShipped, shopapi.OrderPartiallyShipped, shopapi.OrderCompleted:
	default:
		return nil, nil, apiErr(shopapi.CodeOrderStatusForbids, "order status does not allow this")
	}
	return st.detail(r), r, nil
}

func (s *Server) hDeliveryCompensation(c *call) (any, error) {
	var b struct {
		shipBody
		Reason int `json:"reason"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Reason <= 0 || len(b.Packages) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "reason and delivery_list are required")
	}
	d, r, err := s.shippedOrder(b.OrderID)
	if err != nil {
		return nil, err
	}
	pkgs, err := s.packagesOf(d, b.Packages)
	if err != nil {
		return nil, err
	}
	d.pkgs = append(d.pkgs, pkgs...)
	r.updated = s.now().Unix()
	return nil, nil
}

func (s *Server) hDeliveryInfoUpdate(c *call) (any, error) {
	type side struct {
		DeliveryID string        `json:"delivery_id"`
		WaybillID  string        `json:"waybill_id"`
		Products   []shipProduct `json:"product_infos"`
	}
	var b struct {
		shipBody
		ChangeInfos []struct {
			Old side `json:"old"`
			New side `json:"new"`
		} `json:"change_infos"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	d, r, err := s.shippedOrder(b.OrderID)
	if err != nil {
		return nil, err
	}
	pkgs := slices.Clone(d.pkgs)
	if len(b.Packages) > 0 {
		if pkgs, err = s.packagesOf(d, b.Packages); err != nil {
			return nil, err
		}
	}
	for _, ch := range b.ChangeInfos {
		i := slices.IndexFunc(pkgs, func(p pkg) bool { return p.waybillID == ch.Old.WaybillID })
		if i < 0 {
			return nil, apiErr(shopapi.CodeInvalidWaybillID, "old waybill_id not on the order")
		}
		items := ch.New.Products
		if len(items) == 0 {
			for _, it := range pkgs[i].items {
				items = append(items, shipProduct{it.productID, it.skuID, it.cnt})
			}
		}
		np, err := s.packagesOf(d, []shipPackage{{DeliveryID: ch.New.DeliveryID, WaybillID: ch.New.WaybillID,
			DeliverType: int(shopapi.DeliverSelf), Products: items}})
		if err != nil {
			return nil, err
		}
		pkgs[i] = np[0]
	}
	if len(b.Packages) == 0 && len(b.ChangeInfos) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "delivery_list or change_infos is required")
	}
	d.pkgs = pkgs
	r.updated = s.now().Unix()
	return nil, nil
}

// receiverOf finds the order whose package (or e-waybill) has waybillID
// and returns the receiver's real number.
func (s *Server) receiverOf(waybillID string) (string, bool) {
	st := s.orders()
	for i := range st.recs {
		r := &st.recs[i]
		if r.d == nil {
			continue
		}
		for _, p := range r.d.pkgs {
			if p.waybillID == waybillID && waybillID != "" {
				return r.d.addr.TelNumber, true
			}
		}
	}
	tb := s.ewaybills()
	for _, id := range tb.ids(nil) {
		if w := tb.byID[id]; w.waybillID == waybillID && waybillID != "" {
			return w.parcel.Receiver.Mobile, true
		}
	}
	return "", false
}

// virtualOf is the fake's virtual number of a waybill: the pool's main
// number and an extension derived from the waybill.
func virtualOf(waybillID string) (mainPhone, ext string) {
	h := 0
	for _, c := range waybillID {
		h = (h*31 + int(c)) % 10000
	}
	return phonePool()[h%len(phonePool())], strconv.Itoa(1000 + h%9000)
}

func mask(phone string) string {
	if len(phone) < 11 {
		return phone
	}
	return phone[:3] + "****" + phone[len(phone)-4:]
}

func (s *Server) hVirtualNumber(c *call) (any, error) {
	var b struct {
		WaybillID string `json:"waybill_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	phone, ok := s.receiverOf(b.WaybillID)
	if !ok {
		return nil, apiErr(shopapi.CodeInvalidWaybillID, "waybill_id not found")
	}
	main, ext := virtualOf(b.WaybillID)
	return shopapi.WaybillVirtualNumber{MaskedRealPhone: mask(phone), VirtualPhone: main + "-" + ext, MainPhone: main}, nil
}

func (s *Server) hRealPhone(c *call) (any, error) {
	var b struct {
		WaybillID    string `json:"waybill_id"`
		PrivatePhone string `json:"private_phone"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	phone, ok := s.receiverOf(b.WaybillID)
	main, ext := virtualOf(b.WaybillID)
	if !ok || (b.PrivatePhone != main+"-"+ext && b.PrivatePhone != main) {
		return nil, apiErr(shopapi.CodeBadParams, "waybill_id and private_phone do not match")
	}
	return struct {
		Phone string `json:"phone"`
	}{phone}, nil
}

// phonePool is the fake's pool of 25 virtual main numbers.
func phonePool() []string {
	out := make([]string, 25)
	for i := range out {
		out[i] = "170" + strconv.Itoa(10000000+i*7919)
	}
	return out
}

func (s *Server) hPhonePool(c *call) (any, error) {
	var b struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.PageSize == 0 {
		b.PageSize = 10
	}
	pool := phonePool()
	page, next, more, err := pageKey(pool, b.NextKey, b.PageSize, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	return shopapi.PhonePoolPage{PhoneNumbers: page, HasMore: more, NextKey: next, TotalNum: len(pool)}, nil
}
