package shopapitest

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// deliveryRoutes returns the delivery endpoints.
func deliveryRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/order/deliverycompanylist/get", h: (*Server).hDeliveryCompanies},
		{method: http.MethodPost, path: "/channels/ec/order/delivery/send", h: (*Server).hDeliverySend},
	}
}

// deliveryCompanies is the fake's carrier list.
var deliveryCompanies = []shopapi.DeliveryCompany{
	{DeliveryID: "SF", DeliveryName: "顺丰速运"}, {DeliveryID: "YTO", DeliveryName: "圆通速递"},
	{DeliveryID: "ZTO", DeliveryName: "中通快递"}, {DeliveryID: "STO", DeliveryName: "申通快递"},
	{DeliveryID: "YUNDA", DeliveryName: "韵达速递"}, {DeliveryID: "JTSD", DeliveryName: "极兔速递"},
	{DeliveryID: "EMS", DeliveryName: "EMS"}, {DeliveryID: "JD", DeliveryName: "京东物流"},
	{DeliveryID: shopapi.DeliveryOther, DeliveryName: "其他"},
}

func companyName(id string) string {
	for _, c := range deliveryCompanies {
		if c.DeliveryID == id {
			return c.DeliveryName
		}
	}
	return ""
}

func (s *Server) hDeliveryCompanies(c *call) (any, error) {
	return struct {
		CompanyList []shopapi.DeliveryCompany `json:"company_list"`
	}{slices.Clone(deliveryCompanies)}, nil
}

// shipBody is a delivery/send request.
type shipBody struct {
	OrderID  string        `json:"order_id"`
	Packages []shipPackage `json:"delivery_list"`
}

// shipPackage is one package of a delivery/send request.
type shipPackage struct {
	DeliveryID  string        `json:"delivery_id"`
	WaybillID   string        `json:"waybill_id"`
	DeliverType int           `json:"deliver_type"`
	Products    []shipProduct `json:"product_infos"`
	// CourseInfo is read for course products; the fake sells none, so it
	// only checks the validity window.
	CourseInfo *shopapi.CourseInfo `json:"course_info"`
}

// shipProduct is one SKU's quantity in a package.
type shipProduct struct {
	ProductID  string `json:"product_id"`
	SKUID      string `json:"sku_id"`
	ProductCnt int64  `json:"product_cnt"`
}

func (s *Server) hDeliverySend(c *call) (any, error) {
	var b shipBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return nil, s.ship(&b)
}

// ship validates the whole request, then applies it (never half).
func (s *Server) ship(b *shipBody) error {
	st, r, err := s.orderOf(b.OrderID)
	if err != nil {
		return err
	}
	status := shopapi.OrderStatus(r.status)
	if status == shopapi.OrderShipped {
		return apiErr(shopapi.CodeAlreadyShipped, "order already fully shipped")
	}
	if !status.CanShip() {
		return apiErr(shopapi.CodeOrderStatusForbids, "order status does not allow shipping")
	}
	if len(b.Packages) == 0 {
		return apiErr(shopapi.CodeNoProductsToShip, "no products to ship")
	}
	for _, p := range b.Packages {
		if ci := p.CourseInfo; ci != nil && ci.EndTime < ci.StartTime {
			return apiErr(shopapi.CodeBadParams, "course_info end_time before start_time")
		}
	}
	d := st.detail(r)
	for _, aid := range d.aftersales {
		if !st.as[aid].status.IsFinal() {
			return apiErr(shopapi.CodeAftersaleBlocksShipping, "an unfinished after-sale blocks shipping")
		}
	}
	left := make([]int64, len(d.lines))
	for i, l := range d.lines {
		left[i] = l.count - l.shipped - l.refunded
	}
	seen := map[string]bool{}
	now := s.now().Unix()
	var pkgs []pkg
	for _, p := range b.Packages {
		virtual := p.DeliverType == int(shopapi.DeliverVirtual)
		switch {
		case p.DeliverType != int(shopapi.DeliverSelf) && !virtual:
			return apiErr(shopapi.CodeDeliverTypeMismatch, "deliver_type must be 1 or 3")
		case virtual != d.virtual:
			return apiErr(shopapi.CodeDeliverTypeMismatch, "deliver_type mismatches deliver_method")
		case !virtual && companyName(p.DeliveryID) == "":
			return apiErr(shopapi.CodeInvalidDeliveryID, "invalid delivery_id")
		case !virtual && (len(p.WaybillID) < 6 || len(p.WaybillID) > 32):
			return apiErr(shopapi.CodeInvalidWaybillID, "invalid waybill_id")
		case len(p.Products) == 0:
			return apiErr(shopapi.CodeNoProductsToShip, "no products in package")
		}
		pk := pkg{deliveryID: p.DeliveryID, waybillID: p.WaybillID, deliverType: p.DeliverType, at: now}
		for _, it := range p.Products {
			if seen[it.SKUID] {
				return apiErr(shopapi.CodeSameSKUOnePackage, "the same SKU must ship in one package")
			}
			seen[it.SKUID] = true
			i := slices.IndexFunc(d.lines, func(l orderLine) bool { return l.productID == it.ProductID && l.skuID == it.SKUID })
			if i < 0 {
				return apiErr(shopapi.CodeWrongProductOrSKU, "product_id or sku_id not in order")
			}
			if it.ProductCnt <= 0 || it.ProductCnt > left[i] {
				return apiErr(shopapi.CodeDeliveryFailed, "delivery failed: product_cnt exceeds the unshipped quantity "+strconv.FormatInt(left[i], 10))
			}
			left[i] -= it.ProductCnt
			pk.items = append(pk.items, shipItem{it.ProductID, it.SKUID, it.ProductCnt})
		}
		pkgs = append(pkgs, pk)
	}
	// Apply.
	for _, pk := range pkgs {
		for _, it := range pk.items {
			i := slices.IndexFunc(d.lines, func(l orderLine) bool { return l.productID == it.productID && l.skuID == it.skuID })
			d.lines[i].shipped += it.cnt
		}
	}
	d.pkgs = append(d.pkgs, pkgs...)
	done := !slices.ContainsFunc(left, func(n int64) bool { return n > 0 })
	finish := 0
	if done {
		r.status = uint8(shopapi.OrderShipped)
		d.shipDone = now
		finish = 1
	} else {
		r.status = uint8(shopapi.OrderPartiallyShipped)
	}
	r.updated = now
	s.emitOrder(r, "channels_ec_order_deliver", map[string]any{"finish_delivery": finish})
	return nil
}
