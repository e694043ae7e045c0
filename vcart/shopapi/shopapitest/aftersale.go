package shopapitest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// aftersaleRoutes returns the after-sale and complaint endpoints.
func aftersaleRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/aftersale/getaftersalelist", h: (*Server).hAftersaleList},
		{method: http.MethodPost, path: "/channels/ec/aftersale/getaftersaleorder", h: (*Server).hAftersaleGet},
		{method: http.MethodPost, path: "/channels/ec/aftersale/acceptapply", h: (*Server).hAftersaleAccept},
		{method: http.MethodPost, path: "/channels/ec/aftersale/rejectapply", h: (*Server).hAftersaleReject},
		{method: http.MethodPost, path: "/channels/ec/aftersale/uploadrefundcertificate", h: (*Server).hAftersaleCert},
		{method: http.MethodPost, path: "/channels/ec/aftersale/reason/get", h: (*Server).hAftersaleReasons},
		{method: http.MethodPost, path: "/channels/ec/aftersale/rejectreason/get", h: (*Server).hRejectReasons},
		{method: http.MethodPost, path: "/channels/ec/aftersale/getcomplaintorder", h: (*Server).hComplaintGet},
		{method: http.MethodPost, path: "/channels/ec/aftersale/addcomplaintproof", h: (*Server).hComplaintAdd},
		{method: http.MethodPost, path: "/channels/ec/aftersale/addcomplaintmaterial", h: (*Server).hComplaintAdd},
	}
}

const maxAftersaleSpan = 24 * 3600

// aftersale is the fake's state of one after-sale order.
type aftersale struct {
	id, orderID      string
	typ              shopapi.AftersaleType
	status           shopapi.AftersaleStatus
	reason           shopapi.AftersaleReason
	productID, skuID string
	count, amount    int64
	created, updated int64
	openid           string
	refundReason     int
	rejectReason     string
	certificates     []string
	certDesc         string
	returnAddressID  string
	returnWaybill    string
	complaintID      string
}

// complaint is a dispute.
type complaint struct {
	id, aftersaleID, orderID string
	status                   int
	history                  []complaintItem
}

type complaintItem struct {
	ItemType    int      `json:"item_type"`
	Time        int64    `json:"time"`
	Content     string   `json:"content,omitempty"`
	MediaIDList []string `json:"media_id_list,omitempty"`
}

var aftersaleStatusOrder = []shopapi.AftersaleStatus{
	shopapi.AftersaleUserCancelled, shopapi.AftersaleMerchantProcessing, shopapi.AftersaleMerchantRejectRefund,
	shopapi.AftersaleMerchantRejectReturn, shopapi.AftersaleUserWaitReturn, shopapi.AftersaleReturnClosed,
	shopapi.AftersaleMerchantWaitReceipt, shopapi.AftersaleMerchantOverdueRefund, shopapi.AftersaleMerchantRefundSuccess,
	shopapi.AftersaleMerchantReturnSuccess, shopapi.AftersalePlatformRefunding, shopapi.AftersalePlatformRefundFail,
	shopapi.AftersaleUserWaitConfirm,
}

// aftersaleStatusCode is the fake's int for order.aftersale_detail (the
// platform's mapping is undocumented).
func aftersaleStatusCode(s shopapi.AftersaleStatus) int {
	return slices.Index(aftersaleStatusOrder, s) + 1
}

func (a *aftersale) view() *shopapi.Aftersale {
	v := &shopapi.Aftersale{AftersaleOrderID: shopapi.ID(a.id), Status: a.status, OrderID: shopapi.ID(a.orderID),
		OpenID: a.openid, Type: a.typ, Reason: a.reason, CreateTime: shopapi.Int64(a.created),
		UpdateTime: shopapi.Int64(a.updated), ComplaintID: shopapi.ID(a.complaintID)}
	v.ProductInfo.ProductID, v.ProductInfo.SKUID, v.ProductInfo.Count = shopapi.ID(a.productID), shopapi.ID(a.skuID), shopapi.Int64(a.count)
	v.RefundInfo.Amount = shopapi.Int64(a.amount)
	v.RefundInfo.RefundReason = shopapi.Int64(a.refundReason)
	if a.returnWaybill != "" {
		v.ReturnInfo = &struct {
			WaybillID    string `json:"waybill_id,omitempty"`
			DeliveryID   string `json:"delivery_id,omitempty"`
			DeliveryName string `json:"delivery_name,omitempty"`
		}{a.returnWaybill, "SF", "顺丰速运"}
	}
	if a.rejectReason != "" || len(a.certificates) > 0 {
		v.MerchantUploadInfo = &struct {
			RejectReason       string   `json:"reject_reason,omitempty"`
			RefundCertificates []string `json:"refund_certificates,omitempty"`
		}{a.rejectReason, a.certificates}
	}
	return v
}

func (s *Server) hAftersaleList(c *call) (any, error) {
	var b struct {
		BeginCreate *int64 `json:"begin_create_time"`
		EndCreate   *int64 `json:"end_create_time"`
		BeginUpdate *int64 `json:"begin_update_time"`
		EndUpdate   *int64 `json:"end_update_time"`
		NextKey     string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	rb := rangeBody{b.BeginCreate, b.EndCreate}
	byUpdate := false
	if b.BeginCreate == nil && b.EndCreate == nil {
		rb, byUpdate = rangeBody{b.BeginUpdate, b.EndUpdate}, true
	}
	lo, hi, err := rb.bounds(maxAftersaleSpan)
	if err != nil {
		return nil, err
	}
	pos, err := parseKey(b.NextKey)
	if err != nil {
		return nil, err
	}
	st := s.orders()
	out := struct {
		IDs     []string `json:"after_sale_order_id_list"`
		HasMore bool     `json:"has_more"`
		NextKey string   `json:"next_key"`
	}{IDs: []string{}}
	const size = 50
	for i := pos; i < len(st.asBy); i++ {
		a := st.as[st.asBy[i]]
		t := a.created
		if byUpdate {
			t = a.updated
		}
		if t < lo || t >= hi {
			continue
		}
		if len(out.IDs) == size {
			out.HasMore, out.NextKey = true, makeKey(i)
			break
		}
		out.IDs = append(out.IDs, a.id)
	}
	return out, nil
}

// aftersaleFor decodes {"after_sale_order_id": "<string>"}; a JSON number
// is 47001 as on the platform.
func (s *Server) aftersaleFor(c *call) (*aftersale, error) {
	var b struct {
		ID string `json:"after_sale_order_id"`
	}
	return s.decodeAftersale(c, &b, &b.ID)
}

// decodeAftersale decodes the body into b and returns the after-sale named
// by its after_sale_order_id field, which id points to (10021050 when
// unknown).
func (s *Server) decodeAftersale(c *call, b any, id *string) (*aftersale, error) {
	if err := c.decode(b); err != nil {
		return nil, err
	}
	a, ok := s.orders().as[*id]
	if !ok {
		return nil, apiErr(shopapi.CodeAftersaleNotFound, "aftersale order not exist")
	}
	return a, nil
}

// hAftersaleGet answers the after-sale as a plain object: the client's
// Aftersale keeps unknown keys (Extra), so its type would claim every key of
// the example as modelled; the fake is held to the example's key set.
func (s *Server) hAftersaleGet(c *call) (any, error) {
	a, err := s.aftersaleFor(c)
	if err != nil {
		return nil, err
	}
	v, err := plainObject(a.view())
	if err != nil {
		return nil, err
	}
	return map[string]any{"after_sale_order": v}, nil
}

// plainObject re-encodes v as a JSON object (map), for answers whose Go type
// keeps unknown keys.
func plainObject(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	err = json.Unmarshal(b, &m)
	return m, err
}

func (s *Server) hAftersaleAccept(c *call) (any, error) {
	var b struct {
		ID         string `json:"after_sale_order_id"`
		AddressID  string `json:"address_id"`
		AcceptType int    `json:"accept_type"`
	}
	a, err := s.decodeAftersale(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if b.AcceptType != 0 && b.AcceptType != 1 && b.AcceptType != 2 {
		return nil, apiErr(shopapi.CodeBadParams, "bad accept_type")
	}
	if b.AddressID != "" {
		// The return address must be one of the shop's receiving
		// addresses (Addresses.Add with recv_addr).
		if err := s.knownAddress(b.AddressID, true); err != nil {
			return nil, err
		}
		a.returnAddressID = b.AddressID
	}
	switch {
	case a.status == shopapi.AftersaleMerchantProcessing && a.typ == shopapi.AftersaleReturn:
		s.setAftersale(a, shopapi.AftersaleUserWaitReturn)
	case a.status == shopapi.AftersaleMerchantProcessing, a.status == shopapi.AftersaleMerchantWaitReceipt:
		a.refundReason = 3 // merchant via API
		s.refund(a)
	default:
		return nil, apiErr(shopapi.CodeAftersaleOpNotSupported, "operation not supported in the current status")
	}
	return nil, nil
}

func (s *Server) hAftersaleReject(c *call) (any, error) {
	var b struct {
		ID     string `json:"after_sale_order_id"`
		Reason string `json:"reject_reason"`
		Type   int    `json:"reject_reason_type"`
	}
	a, err := s.decodeAftersale(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if b.Type <= 0 {
		return nil, apiErr(shopapi.CodeBadParams, "reject_reason_type is required")
	}
	if a.status != shopapi.AftersaleMerchantProcessing && a.status != shopapi.AftersaleMerchantWaitReceipt {
		return nil, apiErr(shopapi.CodeAftersaleOpNotSupported, "operation not supported in the current status")
	}
	if err := s.rejectGate(a); err != nil { // negotiation first (issue 17, aftersale_negotiate.go)
		return nil, err
	}
	a.rejectReason = b.Reason
	if a.rejectReason == "" {
		a.rejectReason = "reason type " + strconv.Itoa(b.Type)
	}
	next := shopapi.AftersaleMerchantRejectRefund
	if a.typ == shopapi.AftersaleReturn {
		next = shopapi.AftersaleMerchantRejectReturn
	}
	s.releaseLine(a)
	s.setAftersale(a, next)
	return nil, nil
}

func (s *Server) hAftersaleCert(c *call) (any, error) {
	var b struct {
		ID    string   `json:"after_sale_order_id"`
		Certs []string `json:"refund_certificates"`
		Desc  string   `json:"desc"`
	}
	a, err := s.decodeAftersale(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	a.certificates = slices.Clone(b.Certs)
	a.certDesc = b.Desc
	a.updated = s.now().Unix()
	return nil, nil
}

func (s *Server) hAftersaleReasons(c *call) (any, error) {
	return struct {
		List []shopapi.ReasonText `json:"reason_list"`
	}{[]shopapi.ReasonText{{Reason: 1, ReasonText: "拍错/多拍"}, {Reason: 2, ReasonText: "不想要了"},
		{Reason: 3, ReasonText: "质量问题"}, {Reason: 4, ReasonText: "与商品描述不符"}, {Reason: 5, ReasonText: "其他"}}}, nil
}

// hRejectReasons answers as the page and its example do (reason_list,
// items with reject_scene); some answers use reject_reason_list, which the
// client reads too.
func (s *Server) hRejectReasons(c *call) (any, error) {
	return struct {
		List []shopapi.RejectReason `json:"reason_list"`
	}{[]shopapi.RejectReason{
		{RejectReasonType: 1, RejectReasonTypeText: "已在约定时间发货且物流运输正常", RejectReason: "商品已发出，请收货后再申请",
			RejectScene: shopapi.RejectSceneRefund},
		{RejectReasonType: 2, RejectReasonTypeText: "退回商品不符", RejectReason: "退回的商品与发出的不一致",
			RejectScene: shopapi.RejectSceneReturn},
		{RejectReasonType: 3, RejectReasonTypeText: "其他", RejectReason: "其他原因", RejectScene: shopapi.RejectSceneExchange},
	}}, nil
}

func (s *Server) hComplaintGet(c *call) (any, error) {
	var b struct {
		ID string `json:"complaint_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	cp, ok := s.orders().cps[b.ID]
	if !ok {
		return nil, apiErr(10021500, "complaint not exist")
	}
	return map[string]any{"after_sale_order_id": cp.aftersaleID, "order_id": cp.orderID,
		"status": cp.status, "history": cp.history}, nil
}

func (s *Server) hComplaintAdd(c *call) (any, error) {
	var b struct {
		ID          string   `json:"complaint_id"`
		Content     string   `json:"content"`
		MediaIDList []string `json:"media_id_list"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	cp, ok := s.orders().cps[b.ID]
	if !ok {
		return nil, apiErr(10021500, "complaint not exist")
	}
	switch n := utf8.RuneCountInString(b.Content); {
	case strings.TrimSpace(b.Content) == "":
		return nil, apiErr(shopapi.CodeBadParams, "content is required")
	case n > shopapi.MaxComplaintTextRunes:
		return nil, apiErr(10021501, "content too long")
	}
	cp.history = append(cp.history, complaintItem{ItemType: 2, Time: s.now().Unix(), Content: b.Content, MediaIDList: slices.Clone(b.MediaIDList)})
	return nil, nil
}

// setAftersale changes the status and pushes channels_ec_aftersale_update.
func (s *Server) setAftersale(a *aftersale, st shopapi.AftersaleStatus) {
	a.status = st
	a.updated = s.now().Unix()
	s.emit("channels_ec_aftersale_update", a.openid, "finder_shop_aftersale_status_update",
		map[string]any{"after_sale_order_id": a.id, "status": string(st), "order_id": a.orderID})
}

// releaseLine returns the line's quantity from on-aftersale.
func (s *Server) releaseLine(a *aftersale) {
	st := s.orders()
	r, ok := st.get(a.orderID)
	if !ok {
		return
	}
	d := st.detail(r)
	for i := range d.lines {
		if d.lines[i].skuID == a.skuID {
			d.lines[i].onAftersale = max(0, d.lines[i].onAftersale-a.count)
		}
	}
}

// refund completes the after-sale and, once every item is refunded,
// cancels the order (status 200, cancel_type 3).
func (s *Server) refund(a *aftersale) {
	st := s.orders()
	r, ok := st.get(a.orderID)
	next := shopapi.AftersaleMerchantRefundSuccess
	if a.typ == shopapi.AftersaleReturn {
		next = shopapi.AftersaleMerchantReturnSuccess
	}
	if !ok {
		s.setAftersale(a, next)
		return
	}
	d := st.detail(r)
	for i := range d.lines {
		if d.lines[i].skuID == a.skuID {
			d.lines[i].onAftersale = max(0, d.lines[i].onAftersale-a.count)
			d.lines[i].refunded += a.count
		}
	}
	st.fund.refund(s, r, a)
	s.setAftersale(a, next)
	all := !slices.ContainsFunc(d.lines, func(l orderLine) bool { return l.refunded < l.count })
	if all && !shopapi.OrderStatus(r.status).IsCancelled() {
		r.status = uint8(shopapi.OrderCancelledAftersale)
		r.updated = s.now().Unix()
		d.cancelType = 3
		s.emitOrder(r, "channels_ec_order_cancel", map[string]any{"cancel_type": 3})
	}
}
