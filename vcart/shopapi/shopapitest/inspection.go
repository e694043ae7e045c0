package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Quality inspection (质检, 先检后发): the shop's inspection warehouse, the
// template of carriers and inspection bodies, and per order the bound
// inspection information, its code and a self-sent waybill. The fake
// counts a registered waybill as the parcel on its way to the warehouse:
// binding the information again then answers 10021605, and the waybill may
// change three times (10021623 after).

type inspectAddr struct {
	ContactName  string `json:"contact_name"`
	ContactPhone string `json:"contact_phone"`
	Province     string `json:"province"`
	City         string `json:"city"`
	County       string `json:"county"`
	Detail       string `json:"detail"`
}

type inspectConfigAnswer struct {
	InspectConfig struct {
		WarehouseID     string      `json:"warehouse_id"`
		DeliveryAddress inspectAddr `json:"delivery_address"`
		ReturnAddress   inspectAddr `json:"return_address"`
		WarehouseName   string      `json:"warehouse_name"`
		WarehouseAddr   string      `json:"warehouse_addr"`
	} `json:"inspect_config"`
}

// The fake's inspection warehouse.
const (
	fakeWarehouseName = "广州华林质检仓"
	fakeWarehouseAddr = "广东省广州市荔湾区华林国际7层"
)

// DisableInspection makes the shop one without inspection configured: the
// inspection endpoints answer 10021602.
func (s *Server) DisableInspection() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tools().inspectOff = true
}

func (s *Server) inspectionOn() error {
	if s.tools().inspectOff {
		return apiErr(shopapi.CodeInspectNotConfigured, "inspect config not found")
	}
	return nil
}

func (s *Server) hInspectConfig(*call) (any, error) {
	if err := s.inspectionOn(); err != nil {
		return nil, err
	}
	var a inspectConfigAnswer
	ic := &a.InspectConfig
	ic.WarehouseID = "006"
	ic.DeliveryAddress = inspectAddr{"质检仓发货", "020-00000000", "广东省", "广州市", "荔湾区", "华林国际7层"}
	ic.ReturnAddress = inspectAddr{"退货仓", "13800000000", "广东省", "广州市", "天河区", "天河路 1 号"}
	ic.WarehouseName, ic.WarehouseAddr = fakeWarehouseName, fakeWarehouseAddr
	return a, nil
}

type insureType struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	UpperLimitType   int    `json:"upper_limit_type"`
	UpperLimitAmount int64  `json:"upper_limit_amount"`
}

type deliveryProduct struct {
	ID             int64        `json:"id"`
	Name           string       `json:"name"`
	EnableInsure   int          `json:"enable_insure"`
	InsureTypeList []insureType `json:"insure_type_list"`
}

type inspectCarrier struct {
	ID               string            `json:"id"`
	Name             string            `json:"name"`
	DeliveryProducts []deliveryProduct `json:"delivery_products"`
}

type inspectOrg struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	OrgCategory int    `json:"org_category"`
}

// inspectTemplate is the fake's submission template: two carriers, two
// inspection bodies (jewellery and agarwood).
func inspectTemplate() ([]inspectCarrier, []inspectOrg) {
	return []inspectCarrier{
			{ID: "SF", Name: "顺丰速运", DeliveryProducts: []deliveryProduct{
				{ID: 2, Name: "顺丰标快", EnableInsure: 1, InsureTypeList: []insureType{{ID: "INSURE", Name: "基础保", UpperLimitType: 1, UpperLimitAmount: 1_000_000}}},
				{ID: 247, Name: "顺丰电商标快", EnableInsure: 2, InsureTypeList: []insureType{}},
			}},
			{ID: "STO", Name: "申通快递", DeliveryProducts: []deliveryProduct{
				{ID: 1, Name: "申通快递", EnableInsure: 2, InsureTypeList: []insureType{}},
			}},
		}, []inspectOrg{
			{ID: "001", Name: "中质", OrgCategory: 0},
			{ID: "043", Name: "方圆检测-沉香", OrgCategory: 1},
		}
}

func (s *Server) hInspectSubmitConfig(c *call) (any, error) {
	if err := s.inspectionOn(); err != nil {
		return nil, err
	}
	if id := c.query.Get("order_id"); id != "" {
		if _, _, err := s.orderOf(id); err != nil {
			return nil, apiErr(shopapi.CodeInspectBadParams, "invalid order_id")
		}
	}
	var a struct {
		SubmitConfig struct {
			DeliveryList   []inspectCarrier `json:"delivery_list"`
			InspectOrgList []inspectOrg     `json:"inspect_org_list"`
			ChargeURL      string           `json:"charge_url"`
		} `json:"submit_config"`
	}
	a.SubmitConfig.DeliveryList, a.SubmitConfig.InspectOrgList = inspectTemplate()
	a.SubmitConfig.ChargeURL = "https://fake.example/qic/charge"
	return a, nil
}

// carrierProduct finds a carrier's product in the template.
func carrierProduct(id string, product int64) (*inspectCarrier, *deliveryProduct) {
	carriers, _ := inspectTemplate()
	for i := range carriers {
		if carriers[i].ID != id {
			continue
		}
		for j := range carriers[i].DeliveryProducts {
			if carriers[i].DeliveryProducts[j].ID == product {
				return &carriers[i], &carriers[i].DeliveryProducts[j]
			}
		}
		return &carriers[i], nil
	}
	return nil, nil
}

func (s *Server) hInspectSubmit(c *call) (any, error) {
	var req struct {
		OrderID     string `json:"order_id"`
		InspectInfo struct {
			DeliveryID              string `json:"delivery_id"`
			BackupDeliveryID        string `json:"backup_delivery_id"`
			DeliveryProductID       int64  `json:"delivery_product_id"`
			BackupDeliveryProductID int64  `json:"backup_delivery_product_id"`
			ExpressInsure           bool   `json:"express_insure"`
			ExpressInsureAmount     int64  `json:"express_insure_amount"`
			DeliveryInsureID        string `json:"delivery_insure_id"`
			BackupExpressInsure     bool   `json:"backup_express_insure"`
			ExpressMerge            bool   `json:"express_merge"`
			RefundIntercept         int    `json:"refund_intercept"`
			InspectOrgID            string `json:"inspect_org_id"`
			InspectOrgName          string `json:"inspect_org_name"`
			WarehouseName           string `json:"warehouse_name"`
			WarehouseAddr           string `json:"warehouse_addr"`
			Remark                  string `json:"remark"`
		} `json:"inspect_info"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if err := s.inspectionOn(); err != nil {
		return nil, err
	}
	if _, _, err := s.orderOf(req.OrderID); err != nil {
		return nil, apiErr(shopapi.CodeInspectNotFound, "inspect order not found")
	}
	in := req.InspectInfo
	_, prod := carrierProduct(in.DeliveryID, in.DeliveryProductID)
	backup, _ := carrierProduct(in.BackupDeliveryID, in.BackupDeliveryProductID)
	_, orgs := inspectTemplate()
	orgOK := false
	for _, o := range orgs {
		orgOK = orgOK || (o.ID == in.InspectOrgID && o.Name == in.InspectOrgName)
	}
	switch {
	case prod == nil || backup == nil || !orgOK || in.RefundIntercept < 0 || in.RefundIntercept > 1 ||
		in.WarehouseName == "" || in.WarehouseAddr == "":
		return nil, apiErr(shopapi.CodeInspectBadParams, "invalid param")
	case in.ExpressInsure && (prod.EnableInsure != 1 || in.ExpressInsureAmount <= 0 ||
		len(prod.InsureTypeList) == 0 || in.ExpressInsureAmount > prod.InsureTypeList[0].UpperLimitAmount):
		return nil, apiErr(shopapi.CodeInspectBadParams, "invalid express_insure_amount")
	}
	ts := s.tools()
	r := ts.inspect[req.OrderID]
	if r == nil {
		r = &inspectRec{code: "QC" + strconv.Itoa(len(ts.inspect)+1001)}
		ts.inspect[req.OrderID] = r
	}
	if r.waybill != "" {
		return nil, apiErr(shopapi.CodeInspectInWarehouse, "inspect order already in warehouse")
	}
	r.info = map[string]any{"delivery_id": in.DeliveryID, "backup_delivery_id": in.BackupDeliveryID,
		"inspect_org_id": in.InspectOrgID, "inspect_org_name": in.InspectOrgName, "express_merge": in.ExpressMerge}
	return nil, nil
}

type inspectBox struct {
	BoxID   int64  `json:"boxId"`
	BoxName string `json:"boxName"`
	BoxNum  int64  `json:"boxNum"`
}

type inspectCodeAnswer struct {
	Data struct {
		BackupDeliveryID    string       `json:"backupDeliveryId"`
		BackupDeliveryName  string       `json:"backupDeliveryName"`
		BoxDTOList          []inspectBox `json:"boxDTOList"`
		ChannelAppID        string       `json:"channelAppId"`
		DeliveryID          string       `json:"deliveryId"`
		DeliveryName        string       `json:"deliveryName"`
		EmbedGoodsMaterial  string       `json:"embedGoodsMaterial"`
		ExpressMerge        bool         `json:"expressMerge"`
		GoodsDesc           string       `json:"goodsDesc"`
		GoodsMainMaterial   string       `json:"goodsMainMaterial"`
		GoodsName           string       `json:"goodsName"`
		GoodsNum            int64        `json:"goodsNum"`
		GoodsPartsMaterial  string       `json:"goodsPartsMaterial"`
		InspectBaseID       string       `json:"inspectBaseId"`
		InspectBaseName     string       `json:"inspectBaseName"`
		InspectCode         string       `json:"inspectCode"`
		InspectOrgID        string       `json:"inspectOrgId"`
		InspectOrgName      string       `json:"inspectOrgName"`
		InspectOrgShortName string       `json:"inspectOrgShortName"`
		MerchantName        string       `json:"merchantName"`
		OrderID             string       `json:"orderId"`
		UrgentOrder         bool         `json:"urgentOrder"`
		PrintInfo           string       `json:"printInfo"`
	} `json:"data"`
}

func carrierName(id string) string {
	carriers, _ := inspectTemplate()
	for _, c := range carriers {
		if c.ID == id {
			return c.Name
		}
	}
	return ""
}

func (s *Server) hInspectPrint(c *call) (any, error) {
	var req struct {
		OrderID string `json:"order_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if err := s.inspectionOn(); err != nil {
		return nil, err
	}
	r := s.tools().inspect[req.OrderID]
	if r == nil {
		return nil, apiErr(shopapi.CodeInspectNotFound, "inspect order not found")
	}
	_, o, err := s.orderOf(req.OrderID)
	if err != nil {
		return nil, err
	}
	var a inspectCodeAnswer
	d := &a.Data
	d.OrderID, d.InspectCode, d.ChannelAppID, d.MerchantName = req.OrderID, r.code, s.appID, "假店"
	d.DeliveryID, d.BackupDeliveryID = r.info["delivery_id"].(string), r.info["backup_delivery_id"].(string)
	d.DeliveryName, d.BackupDeliveryName = carrierName(d.DeliveryID), carrierName(d.BackupDeliveryID)
	d.InspectOrgID, d.InspectOrgName = r.info["inspect_org_id"].(string), r.info["inspect_org_name"].(string)
	d.InspectOrgShortName = string([]rune(d.InspectOrgName)[:1])
	d.ExpressMerge = r.info["express_merge"].(bool)
	d.InspectBaseID, d.InspectBaseName = "006", fakeWarehouseName
	for _, l := range o.d.lines {
		if d.GoodsName == "" {
			d.GoodsName = l.title
		}
		d.GoodsNum += l.count
	}
	d.GoodsDesc, d.GoodsMainMaterial, d.GoodsPartsMaterial, d.EmbedGoodsMaterial = d.GoodsName, "翡翠", "K金", "无"
	d.BoxDTOList = []inspectBox{{BoxID: 1, BoxName: "标准盒", BoxNum: 1}}
	d.PrintInfo = "JTdCJTIycHJpbnQlMjIlM0ElMjIiJTdE" // opaque print data
	return a, nil
}

func (s *Server) hInspectLogistics(c *call) (any, error) {
	var req struct {
		OrderIDList   []string `json:"order_id_list"`
		LogisticsInfo struct {
			WaybillID    string `json:"waybill_id"`
			DeliveryID   string `json:"delivery_id"`
			DeliveryName string `json:"delivery_name"`
			DeliveryType int    `json:"delivery_type"`
		} `json:"logistics_info"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if err := s.inspectionOn(); err != nil {
		return nil, err
	}
	li := req.LogisticsInfo
	switch {
	case len(req.OrderIDList) == 0 || li.DeliveryType != 1:
		return nil, apiErr(shopapi.CodeInspectBadParams, "invalid param")
	case len(li.WaybillID) < 6:
		return nil, apiErr(shopapi.CodeInspectBadWaybill, "invalid waybill_id")
	case carrierName(li.DeliveryID) == "" || carrierName(li.DeliveryID) != li.DeliveryName:
		return nil, apiErr(shopapi.CodeInspectCarrierMismatch, "delivery does not match the waybill")
	}
	ts := s.tools()
	recs := make([]*inspectRec, len(req.OrderIDList))
	for i, id := range req.OrderIDList {
		r := ts.inspect[id]
		switch {
		case r == nil:
			return nil, apiErr(shopapi.CodeInspectNotFound, "inspect order not found")
		case r.waybill != "" && r.changes >= shopapi.MaxInspectLogisticsChanges:
			return nil, apiErr(shopapi.CodeInspectTooManyChanges, "exceed max modify times")
		}
		recs[i] = r
	}
	for _, r := range recs {
		if r.waybill != "" && r.waybill != li.WaybillID {
			r.changes++
		}
		r.waybill = li.WaybillID
	}
	return nil, nil
}

// InspectionWaybill returns the self-sent waybill registered for an order
// and how often it was changed ("" when none).
func (s *Server) InspectionWaybill(orderID vcart.ID) (waybill string, changes int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.tools().inspect[string(orderID)]; r != nil {
		return r.waybill, r.changes
	}
	return "", 0
}
