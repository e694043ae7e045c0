package shopapitest

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// ewaybillRoutes returns the e-waybill endpoints (电子面单).
func ewaybillRoutes() []route {
	const p = "/channels/ec/logistics/ewaybill/biz/"
	return []route{
		{method: http.MethodPost, path: p + "account/get", h: (*Server).hEWaybillAccounts},
		{method: http.MethodPost, path: p + "delivery/get", h: (*Server).hEWaybillCarriers},
		{method: http.MethodPost, path: p + "template/config", h: (*Server).hEWaybillTplConfig},
		{method: http.MethodPost, path: p + "template/create", h: (*Server).hEWaybillTplCreate},
		{method: http.MethodPost, path: p + "template/update", h: (*Server).hEWaybillTplUpdate},
		{method: http.MethodPost, path: p + "template/delete", h: (*Server).hEWaybillTplDelete},
		{method: http.MethodPost, path: p + "template/get", h: (*Server).hEWaybillTplList},
		{method: http.MethodPost, path: p + "template/getbyid", h: (*Server).hEWaybillTplGet},
		{method: http.MethodPost, path: p + "order/precreate", h: (*Server).hEWaybillPrecreate},
		{method: http.MethodPost, path: p + "order/create", h: (*Server).hEWaybillCreate},
		{method: http.MethodPost, path: p + "order/addsuborder", h: (*Server).hEWaybillAddSub},
		{method: http.MethodPost, path: p + "order/cancel", h: (*Server).hEWaybillCancel},
		{method: http.MethodPost, path: p + "order/get", h: (*Server).hEWaybillGet},
		{method: http.MethodPost, path: p + "print/get", h: (*Server).hEWaybillPrintInfo},
		{method: http.MethodPost, path: p + "order/print", h: (*Server).hEWaybillPrint},
		{method: http.MethodPost, path: p + "order/batchprint", h: (*Server).hEWaybillBatchPrint},
	}
}

// EWaybillShopID is the fake shop's e-waybill shop_id (面单主体ID).
const EWaybillShopID = "5009820000001"

// The fake's e-waybill statuses (the platform's enum is not in the pages
// the fake was written from): the life of a waybill.
const (
	EWaybillPrecreated = 1 // 预取号: an ewaybill_order_id, no number yet
	EWaybillCreated    = 2 // 已取号: a waybill_id from the carrier
	EWaybillPrinted    = 3 // 已打印
	EWaybillCancelled  = 4 // 已取消
)

// ewaybillCarriers are the carriers whose e-waybill service the fake shop
// opened, one account each (acct_id "66" + site code).
var ewaybillCarriers = []shopapi.DeliveryCompany{
	{DeliveryID: "JTSD", DeliveryName: "极兔速递"}, {DeliveryID: "STO", DeliveryName: "申通快递"},
	{DeliveryID: "YTO", DeliveryName: "圆通速递"}, {DeliveryID: "YUNDA", DeliveryName: "韵达速递"},
	{DeliveryID: "ZTO", DeliveryName: "中通快递"}, {DeliveryID: "SF", DeliveryName: "顺丰速运"},
	{DeliveryID: "JD", DeliveryName: "京东"},
}

// stdTemplateCarriers have a standard one-part template (一联单) in the
// fake's template/config, as in the page's example.
var stdTemplateCarriers = []string{"YTO", "ZTO", "YUNDA", "JTSD", "STO"}

// EWaybillAccount returns the fake's account id and site code for a
// carrier it opened.
func EWaybillAccount(deliveryID string) (acctID, siteCode string, ok bool) {
	i := slices.IndexFunc(ewaybillCarriers, func(c shopapi.DeliveryCompany) bool { return c.DeliveryID == deliveryID })
	if i < 0 {
		return "", "", false
	}
	site := strconv.Itoa(2100000 + i)
	return "66" + site, site, true
}

// ewbAccount is the balance of one account.
type ewbAccount struct {
	available, allocated, recycled, cancelled int64
}

// ewaybill is the fake's state of one e-waybill.
type ewaybill struct {
	parcel     shopapi.EWaybillParcel
	orderType  int
	templateID string
	waybillID  string
	status     int
	subs       []shopapi.EWaybillNumber
	path       []shopapi.EWaybillPath
	printed    int // print notifications received
}

type ewbTemplate struct {
	deliveryID string
	tpl        shopapi.EWaybillTemplate
}

type ewaybillState struct {
	accounts map[string]*ewbAccount
}

func (s *Server) ewaybillState() *ewaybillState {
	return stateOf(s, "ewaybill", func() *ewaybillState {
		st := &ewaybillState{accounts: map[string]*ewbAccount{}}
		for _, c := range ewaybillCarriers {
			st.accounts[c.DeliveryID] = &ewbAccount{available: 1000}
		}
		return st
	})
}

// ewaybills holds e-waybills by ewaybill_order_id (10025010 when unknown).
func (s *Server) ewaybills() *table[ewaybill] {
	return tableOf[ewaybill](s, "ewaybills", shopapi.CodeEWaybillNotFound, "ewaybill order not exist")
}

func (s *Server) ewaybillTemplates() *table[ewbTemplate] {
	return tableOf[ewbTemplate](s, "ewaybill_templates", shopapi.CodeBadParams, "template not exist")
}

// checkUint64 answers 10025020 unless id is a decimal uint64.
func checkUint64(id string) error {
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		return apiErr(shopapi.CodeEWaybillIDNotUint64, "EWaybill Order ID must be a uint64 passed as a string")
	}
	return nil
}

func (s *Server) hEWaybillAccounts(c *call) (any, error) {
	var b shopapi.EWaybillAccountQuery
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	st := s.ewaybillState()
	list := []shopapi.EWaybillAccount{}
	for _, cr := range ewaybillCarriers {
		acct, site, _ := EWaybillAccount(cr.DeliveryID)
		if (b.DeliveryID != "" && b.DeliveryID != cr.DeliveryID) || (b.AcctID != "" && b.AcctID != acct) {
			continue
		}
		a := st.accounts[cr.DeliveryID]
		v := shopapi.EWaybillAccount{DeliveryID: cr.DeliveryID, ShopID: EWaybillShopID, AcctID: acct, Status: 3,
			Allocated: a.allocated, Recycled: a.recycled, Cancel: a.cancelled}
		if b.NeedBalance {
			v.Available = a.available
		}
		v.SiteInfo = &shopapi.EWaybillSite{DeliveryID: cr.DeliveryID, SiteStatus: 1, SiteCode: site, SiteName: "测试网点" + site,
			SiteFullname: "测试网点" + site, Address: shopapi.EWaybillSiteAddress{ProvinceCode: "310000000", ProvinceName: "上海",
				CityCode: "310100000", CityName: "上海市", DistrictCode: "310118000", DistrictName: "青浦区",
				DetailAddress: "上海市青浦区华新镇华隆路1777号"}}
		v.SiteInfo.Contact.Mobile, v.SiteInfo.Contact.Name, v.SiteInfo.Contact.Phone = "13800000000", "测试团队", "021-00000000"
		list = append(list, v)
	}
	total := len(list)
	if b.Offset < 0 || b.Limit < 0 {
		return nil, apiErr(shopapi.CodeBadParams, "invalid offset or limit")
	}
	list = list[min(b.Offset, len(list)):]
	if b.Limit > 0 {
		list = list[:min(b.Limit, len(list))]
	}
	return struct {
		Total    int                       `json:"total_num"`
		Accounts []shopapi.EWaybillAccount `json:"account_list"`
	}{total, list}, nil
}

func (s *Server) hEWaybillCarriers(c *call) (any, error) {
	var b struct {
		Status int `json:"status"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	list := []shopapi.DeliveryCompany{}
	if b.Status == 0 || b.Status == 3 { // every fake account is in status 3 (usable)
		list = append(list, ewaybillCarriers...)
	}
	return struct {
		ShopID string                    `json:"shop_id"`
		List   []shopapi.DeliveryCompany `json:"list"`
	}{EWaybillShopID, list}, nil
}

func (s *Server) hEWaybillTplConfig(c *call) (any, error) {
	cfg := map[string]map[string]shopapi.EWaybillStdTemplate{}
	for i, d := range stdTemplateCarriers {
		t := shopapi.EWaybillStdTemplate{Type: "single", Desc: "一联单标准模板", Width: 76, Height: 130,
			URL: "https://res.wx.qq.com/shop/public/fake/" + strings.ToLower(d) + ".html"}
		t.CustomConfig.Width, t.CustomConfig.Height, t.CustomConfig.Top, t.CustomConfig.Left = 656, 300, 860+i*10, 60
		cfg[d] = map[string]shopapi.EWaybillStdTemplate{"single": t}
	}
	return struct {
		Config map[string]map[string]shopapi.EWaybillStdTemplate `json:"config"`
	}{cfg}, nil
}

// ewbTemplateBody is a template create or update request.
type ewbTemplateBody struct {
	DeliveryID string                    `json:"delivery_id"`
	Info       *shopapi.EWaybillTemplate `json:"info"`
}

func (s *Server) checkCarrier(deliveryID string) error {
	if _, _, ok := EWaybillAccount(deliveryID); !ok {
		return apiErr(shopapi.CodeBadParams, "delivery_id not opened: "+deliveryID)
	}
	return nil
}

// setDefaultEWaybillTemplate keeps one default template per carrier.
func (s *Server) setDefaultEWaybillTemplate(id string, t *ewbTemplate) {
	if !t.tpl.IsDefault {
		return
	}
	tb := s.ewaybillTemplates()
	for _, other := range tb.ids(func(oid string, o *ewbTemplate) bool { return oid != id && o.deliveryID == t.deliveryID }) {
		tb.byID[other].tpl.IsDefault = false
	}
}

func (s *Server) decodeEWbTemplate(c *call) (*ewbTemplateBody, error) {
	var b ewbTemplateBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := s.checkCarrier(b.DeliveryID); err != nil {
		return nil, err
	}
	if b.Info == nil || b.Info.TemplateName == "" || b.Info.TemplateType != "single" {
		return nil, apiErr(shopapi.CodeBadParams, "info needs a template_name and template_type single")
	}
	return &b, nil
}

func (s *Server) hEWaybillTplCreate(c *call) (any, error) {
	b, err := s.decodeEWbTemplate(c)
	if err != nil {
		return nil, err
	}
	now := shopapi.Int64(s.now().Unix())
	t := &ewbTemplate{deliveryID: b.DeliveryID, tpl: *b.Info}
	t.tpl.CreateTime, t.tpl.UpdateTime = now, now
	id := s.ewaybillTemplates().add(s, t)
	t.tpl.TemplateID = id
	s.setDefaultEWaybillTemplate(id, t)
	return struct {
		DeliveryID string `json:"delivery_id"`
		TemplateID string `json:"template_id"`
	}{b.DeliveryID, id}, nil
}

// templateOf returns the template id of carrier deliveryID.
func (s *Server) templateOf(deliveryID, id string) (*ewbTemplate, error) {
	t, err := s.ewaybillTemplates().get(id)
	if err != nil {
		return nil, err
	}
	if t.deliveryID != deliveryID {
		return nil, apiErr(shopapi.CodeBadParams, "template not exist for this delivery_id")
	}
	return t, nil
}

func (s *Server) hEWaybillTplUpdate(c *call) (any, error) {
	b, err := s.decodeEWbTemplate(c)
	if err != nil {
		return nil, err
	}
	t, err := s.templateOf(b.DeliveryID, b.Info.TemplateID)
	if err != nil {
		return nil, err
	}
	created := t.tpl.CreateTime
	t.tpl = *b.Info
	t.tpl.CreateTime, t.tpl.UpdateTime = created, shopapi.Int64(s.now().Unix())
	s.setDefaultEWaybillTemplate(t.tpl.TemplateID, t)
	return nil, nil
}

type ewbTemplateRef struct {
	DeliveryID string `json:"delivery_id"`
	TemplateID string `json:"template_id"`
}

func (s *Server) hEWaybillTplDelete(c *call) (any, error) {
	var b ewbTemplateRef
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if _, err := s.templateOf(b.DeliveryID, b.TemplateID); err != nil {
		return nil, err
	}
	return nil, s.ewaybillTemplates().remove(b.TemplateID)
}

func (s *Server) hEWaybillTplGet(c *call) (any, error) {
	var b ewbTemplateRef
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	t, err := s.templateOf(b.DeliveryID, b.TemplateID)
	if err != nil {
		return nil, err
	}
	v := t.tpl
	return struct {
		Info *shopapi.EWaybillTemplate `json:"template_info"`
	}{&v}, nil
}

func (s *Server) hEWaybillTplList(c *call) (any, error) {
	var b struct {
		DeliveryID string `json:"delivery_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	tb := s.ewaybillTemplates()
	out := []shopapi.EWaybillCarrierTemplates{}
	for _, cr := range ewaybillCarriers {
		if b.DeliveryID != "" && b.DeliveryID != cr.DeliveryID {
			continue
		}
		group := shopapi.EWaybillCarrierTemplates{DeliveryID: cr.DeliveryID, Templates: []shopapi.EWaybillTemplate{}}
		for _, id := range tb.ids(func(_ string, t *ewbTemplate) bool { return t.deliveryID == cr.DeliveryID }) {
			t := tb.byID[id].tpl
			if t.IsDefault {
				group.DefaultTemplateID = id
			}
			group.Templates = append(group.Templates, t)
		}
		if len(group.Templates) > 0 {
			out = append(out, group)
		}
	}
	return struct {
		Total []shopapi.EWaybillCarrierTemplates `json:"total_template"`
	}{out}, nil
}

// checkParcel checks the carrier, the account and the shop orders: an
// ec_order_id the shop does not have answers 10025005 with the platform's
// message ("小店订单信息错误"), as does an empty balance.
func (s *Server) checkParcel(p *shopapi.EWaybillParcel) error {
	acct, _, ok := EWaybillAccount(p.DeliveryID)
	if !ok {
		return apiErr(shopapi.CodeBadParams, "delivery_id not opened: "+p.DeliveryID)
	}
	if p.EWaybillAcctID != acct || p.ShopID != EWaybillShopID {
		return apiErr(shopapi.CodeBadParams, "ewaybill_acct_id or shop_id does not match the account")
	}
	if p.Sender.Name == "" || p.Sender.Mobile == "" || p.Receiver.Name == "" || p.Receiver.Mobile == "" || len(p.ECOrderList) == 0 {
		return apiErr(shopapi.CodeBadParams, "sender, receiver and ec_order_list are required")
	}
	for _, o := range p.ECOrderList {
		if o.EWaybillOrderCode != "" {
			continue // a dropship order's cipher: not checked by the fake
		}
		if _, ok := s.orders().get(string(o.ECOrderID)); !ok {
			return apiErr(shopapi.CodeEWaybillTakeFailed, "小店订单信息错误,请检查小店订单相关字段")
		}
	}
	return nil
}

func (s *Server) hEWaybillPrecreate(c *call) (any, error) {
	var b shopapi.EWaybillParcel
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := s.checkParcel(&b); err != nil {
		return nil, err
	}
	id := s.ewaybills().add(s, &ewaybill{parcel: b, status: EWaybillPrecreated})
	return struct {
		ID string `json:"ewaybill_order_id"`
	}{id}, nil
}

// waybillPrefix is the carrier's number prefix in the fake.
func waybillPrefix(deliveryID string) string {
	switch deliveryID {
	case "JD":
		return "JDAWX"
	case "YTO":
		return "YT"
	case "ZTO":
		return "7"
	}
	return deliveryID
}

func (s *Server) hEWaybillCreate(c *call) (any, error) {
	var b shopapi.EWaybillCreateRequest
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	id := string(b.EWaybillOrderID)
	if err := checkUint64(id); err != nil {
		return nil, err
	}
	if err := s.checkParcel(&b.EWaybillParcel); err != nil {
		return nil, err
	}
	tb := s.ewaybills()
	w, exists := tb.byID[id]
	if exists && w.status != EWaybillPrecreated {
		return nil, apiErr(shopapi.CodeEWaybillExists, "电子面单已存在")
	}
	if b.TemplateID != "" && b.TemplateID != "single" {
		if _, err := s.templateOf(b.DeliveryID, b.TemplateID); err != nil {
			return nil, err
		}
	}
	acct := s.ewaybillState().accounts[b.DeliveryID]
	if acct.available <= 0 {
		return nil, apiErr(shopapi.CodeEWaybillTakeFailed, "电子面单取号失败,请参考delivery_error_msg字段后重试")
	}
	if !exists {
		w = &ewaybill{}
		tb.put(id, w)
	}
	acct.available--
	acct.allocated++
	w.parcel, w.orderType, w.templateID, w.status = b.EWaybillParcel, b.OrderType, b.TemplateID, EWaybillCreated
	w.waybillID = waybillPrefix(b.DeliveryID) + s.newID()[4:]
	now := s.now().Unix()
	w.subs = []shopapi.EWaybillNumber{{WaybillID: w.waybillID, WaybillType: 1, CreateTime: now}}
	return shopapi.EWaybillCreated{EWaybillOrderID: shopapi.ID(id), WaybillID: w.waybillID, DeliveryErrorMsg: "调用成功",
		WaybillIDList: slices.Clone(w.subs)}, nil
}

// waybillFor returns the e-waybill of ref, which must hold that carrier's
// waybill number (10025010 otherwise).
func (s *Server) waybillFor(ref shopapi.EWaybillRef) (*ewaybill, error) {
	if err := checkUint64(string(ref.EWaybillOrderID)); err != nil {
		return nil, err
	}
	w, err := s.ewaybills().get(string(ref.EWaybillOrderID))
	if err != nil {
		return nil, err
	}
	if w.waybillID == "" || w.waybillID != ref.WaybillID || w.parcel.DeliveryID != ref.DeliveryID {
		return nil, apiErr(shopapi.CodeEWaybillNotFound, "电子面单不存在")
	}
	return w, nil
}

func (s *Server) hEWaybillAddSub(c *call) (any, error) {
	var b shopapi.EWaybillAddSubRequest
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	w, err := s.waybillFor(b.EWaybillRef)
	if err != nil {
		return nil, err
	}
	if w.status == EWaybillCancelled || b.AddPackageQuantity < 1 || b.AddPackageQuantity > 50 {
		return nil, apiErr(shopapi.CodeBadParams, "cannot add sub-parcels")
	}
	n := len(w.subs) + b.AddPackageQuantity
	now := s.now().Unix()
	subs := make([]shopapi.EWaybillNumber, 0, n)
	for i := 1; i <= n; i++ {
		subs = append(subs, shopapi.EWaybillNumber{WaybillID: fmt.Sprintf("%s-%d-%d-", w.waybillID, i, n), WaybillType: 2, CreateTime: now})
	}
	w.subs = append(w.subs[:1], subs...)
	return shopapi.EWaybillCreated{WaybillID: w.waybillID, DeliveryErrorMsg: "调用成功", WaybillIDList: subs,
		PrintInfo: printInfo(w, w.templateID)}, nil
}

func (s *Server) hEWaybillCancel(c *call) (any, error) {
	var b shopapi.EWaybillRef
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	w, err := s.waybillFor(b)
	if err != nil {
		return nil, err
	}
	if w.status == EWaybillCancelled || len(w.path) > 0 {
		return nil, apiErr(shopapi.CodeEWaybillTakeFailed, "电子面单取消失败: 已取消或已揽收")
	}
	w.status = EWaybillCancelled
	acct := s.ewaybillState().accounts[w.parcel.DeliveryID]
	acct.cancelled++
	acct.recycled++
	acct.available++
	return struct {
		DeliveryErrorMsg string `json:"delivery_error_msg"`
	}{"取消成功"}, nil
}

func (s *Server) hEWaybillGet(c *call) (any, error) {
	var b struct {
		ID string `json:"ewaybill_order_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkUint64(b.ID); err != nil {
		return nil, err
	}
	w, err := s.ewaybills().get(b.ID)
	if err != nil {
		return nil, err
	}
	v := &shopapi.EWaybillOrder{EWaybillOrderID: shopapi.ID(b.ID), EWaybillParcel: w.parcel, WaybillID: w.waybillID,
		Status: w.status, PathInfo: append([]shopapi.EWaybillPath{}, w.path...), OrderType: w.orderType}
	return struct {
		Order *shopapi.EWaybillOrder `json:"order_info"`
	}{v}, nil
}

func printInfo(w *ewaybill, templateID string) string {
	raw, _ := json.Marshal(map[string]any{"waybill_id": w.waybillID, "delivery_id": w.parcel.DeliveryID,
		"template_id": templateID, "receiver": w.parcel.Receiver.Name})
	return "FAKEPRINT:" + string(raw)
}

func (s *Server) hEWaybillPrintInfo(c *call) (any, error) {
	var b struct {
		ID           string `json:"ewaybill_order_id"`
		TemplateID   string `json:"template_id"`
		SubWaybillID string `json:"sub_waybill_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkUint64(b.ID); err != nil {
		return nil, err
	}
	w, err := s.ewaybills().get(b.ID)
	if err != nil {
		return nil, err
	}
	if w.waybillID == "" || w.status == EWaybillCancelled {
		return nil, apiErr(shopapi.CodeEWaybillNotFound, "电子面单未取号或已取消")
	}
	if b.TemplateID != "single" {
		if _, err := s.templateOf(w.parcel.DeliveryID, b.TemplateID); err != nil {
			return nil, err
		}
	}
	if b.SubWaybillID != "" && !slices.ContainsFunc(w.subs, func(n shopapi.EWaybillNumber) bool { return n.WaybillID == b.SubWaybillID }) {
		return nil, apiErr(shopapi.CodeBadParams, "sub_waybill_id not on this waybill")
	}
	return struct {
		PrintInfo string `json:"print_info"`
	}{printInfo(w, b.TemplateID)}, nil
}

// markPrinted records a print notification.
func (s *Server) markPrinted(n shopapi.EWaybillPrinted) error {
	w, err := s.waybillFor(n.EWaybillRef)
	if err != nil {
		return err
	}
	if w.status == EWaybillCancelled {
		return apiErr(shopapi.CodeEWaybillNotFound, "电子面单已取消")
	}
	if n.RePrint != 0 && n.RePrint != 1 {
		return apiErr(shopapi.CodeBadParams, "re_print must be 0 or 1")
	}
	w.printed++
	if w.status == EWaybillCreated {
		w.status = EWaybillPrinted
	}
	return nil
}

func (s *Server) hEWaybillPrint(c *call) (any, error) {
	var b shopapi.EWaybillPrinted
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return nil, s.markPrinted(b)
}

func (s *Server) hEWaybillBatchPrint(c *call) (any, error) {
	var b struct {
		List []shopapi.EWaybillPrinted `json:"req_list"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.List) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "req_list is empty")
	}
	out := shopapi.EWaybillBatchResult{Succeeded: []shopapi.ID{}, Failed: []shopapi.ID{}}
	for _, n := range b.List {
		if s.markPrinted(n) == nil {
			out.Succeeded = append(out.Succeeded, n.EWaybillOrderID)
		} else {
			out.Failed = append(out.Failed, n.EWaybillOrderID)
		}
	}
	return out, nil
}

// ErrEWaybillState reports a waybill that cannot take a track point
// (unknown, not created yet, or cancelled).
var ErrEWaybillState = errors.New("shopapitest: the e-waybill cannot be tracked in its state")

// TrackWaybill records a carrier track point (轨迹) on the e-waybill of
// ewaybillOrderID at the server's clock and pushes ewaybill_push_path, as
// the platform does when the carrier reports (status and desc are the
// carrier's: e.g. 1 揽收, 2 运输中, 3 签收 in the fake's examples).
func (s *Server) TrackWaybill(ewaybillOrderID vcart.ID, status int, desc string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.ewaybills().byID[string(ewaybillOrderID)]
	if !ok || w.waybillID == "" || w.status == EWaybillCancelled {
		return ErrEWaybillState
	}
	now := s.now().Unix()
	w.path = append(w.path, shopapi.EWaybillPath{UpdateTime: now, Status: status, Desc: desc})
	// The event's example sends ewaybill_order_id as a number.
	s.emit("ewaybill_push_path", "", "waybill_info", map[string]any{"ewaybill_order_id": json.Number(ewaybillOrderID),
		"waybill_id": w.waybillID, "update_time": now, "status": status, "desc": desc})
	return nil
}

// EWaybillStatus returns the fake's status of an e-waybill (see
// [EWaybillPrecreated] …) and its waybill number.
func (s *Server) EWaybillStatus(ewaybillOrderID vcart.ID) (status int, waybillID string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.ewaybills().byID[string(ewaybillOrderID)]
	if !ok {
		return 0, "", false
	}
	return w.status, w.waybillID, true
}
