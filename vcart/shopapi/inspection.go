package shopapi

import (
	"context"
	"net/url"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Quality inspection (质检管理, 先检后发): jewellery, jade and agarwood
// orders go to an inspection warehouse before the buyer gets them. Read the
// warehouse configuration and the submission template, bind an order's
// inspection information (carrier, insurance, inspection body), print its
// inspection code, or register a self-sent parcel.

var (
	epInspectConfig       = ep("/channels/ec/qic/inspect/config/get")
	epInspectSubmitConfig = ep("/channels/ec/qic/inspect/submitconfig/get")
	epInspectCodePrint    = ep("/channels/ec/qic/inspect/code/print")
	epInspectSubmit       = ep("/channels/ec/qic/inspect/submit")
	epInspectLogistics    = ep("/channels/ec/qic/inspect/register_logistics")
)

// InspectConfig is the shop's inspection warehouse configuration
// (质检仓配置).
type InspectConfig struct {
	WarehouseID string `json:"warehouse_id"`
	// DeliveryAddress is where the warehouse ships from; ReturnAddress
	// where returns go.
	DeliveryAddress InspectAddress `json:"delivery_address"`
	ReturnAddress   InspectAddress `json:"return_address"`
	WarehouseName   string         `json:"warehouse_name"`
	WarehouseAddr   string         `json:"warehouse_addr"`
}

// InspectAddress is an address of an [InspectConfig].
type InspectAddress struct {
	ContactName  string `json:"contact_name"`
	ContactPhone string `json:"contact_phone"`
	Province     string `json:"province"`
	City         string `json:"city"`
	County       string `json:"county"`
	Detail       string `json:"detail"`
}

// Config returns the shop's inspection warehouse configuration. Errcode
// 10021602 ([CodeInspectNotConfigured]): the shop has not configured
// inspection in the shop admin (平台服务 → 先检后发).
//
// WeChat API: GET /channels/ec/qic/inspect/config/get
func (s *InspectionService) Config(ctx context.Context) (*InspectConfig, *Response, error) {
	var out struct {
		InspectConfig InspectConfig `json:"inspect_config"`
	}
	resp, err := s.client.call(ctx, &request{ep: epInspectConfig}, &out)
	if err != nil {
		return nil, resp, errorf("get inspect config", err)
	}
	return &out.InspectConfig, resp, nil
}

// InspectSubmitConfig is the template of choices for binding inspection
// information (送检配置模板): carriers and their products, inspection
// bodies, and the price list.
type InspectSubmitConfig struct {
	DeliveryList   []InspectDelivery `json:"delivery_list"`
	InspectOrgList []InspectOrg      `json:"inspect_org_list"`
	// ChargeURL is the price list (资费标准).
	ChargeURL string `json:"charge_url"`
}

// InspectDelivery is a carrier (快递公司) of the template.
type InspectDelivery struct {
	ID               string                   `json:"id"`
	Name             string                   `json:"name"`
	DeliveryProducts []InspectDeliveryProduct `json:"delivery_products"`
}

// InspectDeliveryProduct is a carrier's product (快递产品).
type InspectDeliveryProduct struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// EnableInsure is 1 when the product can be insured, 2 when not.
	EnableInsure   int                `json:"enable_insure"`
	InsureTypeList []InspectInsurance `json:"insure_type_list"`
}

// Insurable reports whether the product can be insured (enable_insure 1).
func (p InspectDeliveryProduct) Insurable() bool { return p.EnableInsure == 1 }

// InspectInsurance is an insurance type (保价类型).
type InspectInsurance struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// UpperLimitType is 1 when UpperLimitAmount caps the insured amount,
	// 2 when there is no cap.
	UpperLimitType int `json:"upper_limit_type"`
	// UpperLimitAmount is the cap in fen (分).
	UpperLimitAmount int64 `json:"upper_limit_amount"`
}

// InspectOrg is an inspection body (质检机构).
type InspectOrg struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// OrgCategory is 0 for jewellery bodies, 1 for agarwood (沉香) ones (the
	// field table; the example omits it).
	OrgCategory int `json:"org_category,omitempty"`
}

// SubmitConfig returns the template for binding inspection information;
// orderID (optional, "" for none) narrows it to one order.
//
// WeChat API: GET /channels/ec/qic/inspect/submitconfig/get
func (s *InspectionService) SubmitConfig(ctx context.Context, orderID ID) (*InspectSubmitConfig, *Response, error) {
	var q url.Values
	if orderID != "" {
		q = url.Values{"order_id": {string(orderID)}}
	}
	var out struct {
		SubmitConfig InspectSubmitConfig `json:"submit_config"`
	}
	resp, err := s.client.call(ctx, &request{ep: epInspectSubmitConfig, query: q}, &out)
	if err != nil {
		return nil, resp, errorf("get inspect submit config", err)
	}
	return &out.SubmitConfig, resp, nil
}

// InspectInfo is an order's inspection information (送检信息), built from
// the choices of [InspectSubmitConfig].
type InspectInfo struct {
	// DeliveryID and DeliveryProductID are the carrier and its product
	// (delivery_list[].id, delivery_products[].id); required.
	DeliveryID        string `json:"delivery_id"`
	DeliveryProductID int64  `json:"delivery_product_id"`
	// BackupDeliveryID and BackupDeliveryProductID are the backup carrier;
	// BackupDeliveryID is required.
	BackupDeliveryID        string `json:"backup_delivery_id"`
	BackupDeliveryProductID int64  `json:"backup_delivery_product_id,omitempty"`
	// ExpressInsure asks for insurance; ExpressInsureAmount (fen, 分) is
	// then required, at most the insurance type's cap.
	ExpressInsure       bool   `json:"express_insure"`
	ExpressInsureAmount int64  `json:"express_insure_amount,omitempty"`
	DeliveryInsureID    string `json:"delivery_insure_id,omitempty"`
	// BackupExpressInsure asks for insurance of the backup carrier.
	BackupExpressInsure bool `json:"backup_express_insure"`
	// ExpressMerge merges the shipment with others (合并发货).
	ExpressMerge bool `json:"express_merge"`
	// RefundIntercept is the after-sale interception policy: 0 intercepts
	// on any after-sale, 1 lets partial refunds through.
	RefundIntercept int `json:"refund_intercept"`
	// InspectOrgID and InspectOrgName are the inspection body
	// (inspect_org_list[]); required.
	InspectOrgID   string `json:"inspect_org_id"`
	InspectOrgName string `json:"inspect_org_name"`
	// WarehouseName and WarehouseAddr are the inspection warehouse's;
	// required.
	WarehouseName string `json:"warehouse_name"`
	WarehouseAddr string `json:"warehouse_addr"`
	// Remark is a free note.
	Remark string `json:"remark,omitempty"`
}

func (in *InspectInfo) validate() []vcart.FieldError {
	var p []vcart.FieldError
	req := func(field, v string) {
		if v == "" {
			p = append(p, vcart.FieldError{Field: "inspect_info." + field, Code: "required", Msg: "is required"})
		}
	}
	req("delivery_id", in.DeliveryID)
	req("backup_delivery_id", in.BackupDeliveryID)
	req("inspect_org_id", in.InspectOrgID)
	req("inspect_org_name", in.InspectOrgName)
	req("warehouse_name", in.WarehouseName)
	req("warehouse_addr", in.WarehouseAddr)
	if in.DeliveryProductID <= 0 {
		p = append(p, vcart.FieldError{Field: "inspect_info.delivery_product_id", Code: "required", Msg: "is required"})
	}
	if in.ExpressInsure && in.ExpressInsureAmount <= 0 {
		p = append(p, vcart.FieldError{Field: "inspect_info.express_insure_amount", Code: "required", Msg: "is required (fen) when express_insure is set"})
	}
	if in.ExpressInsureAmount < 0 {
		p = append(p, vcart.FieldError{Field: "inspect_info.express_insure_amount", Code: "range", Msg: "must not be negative"})
	}
	if in.RefundIntercept != 0 && in.RefundIntercept != 1 {
		p = append(p, vcart.FieldError{Field: "inspect_info.refund_intercept", Code: "enum", Msg: "must be 0 or 1"})
	}
	return p
}

// Submit binds an order's inspection information (绑定送检信息). Binding
// again replaces it until the parcel is in the warehouse (10021605).
//
// WeChat API: POST /channels/ec/qic/inspect/submit
func (s *InspectionService) Submit(ctx context.Context, orderID ID, info *InspectInfo) (*Response, error) {
	var p []vcart.FieldError
	if orderID == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "is required"})
	}
	if info == nil {
		p = append(p, vcart.FieldError{Field: "inspect_info", Code: "required", Msg: "is required"})
	} else {
		p = append(p, info.validate()...)
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("submit inspect info", err)
	}
	body := struct {
		OrderID     ID           `json:"order_id"`
		InspectInfo *InspectInfo `json:"inspect_info"`
	}{orderID, info}
	resp, err := s.client.call(ctx, &request{ep: epInspectSubmit, body: body}, nil)
	if err != nil {
		return resp, errorf("submit inspect info "+string(orderID), err)
	}
	return resp, nil
}

// InspectCode is an order's inspection code and its printing data (质检码).
// The platform names these fields in camelCase.
type InspectCode struct {
	OrderID             string       `json:"orderId"`
	InspectCode         string       `json:"inspectCode"`
	ChannelAppID        string       `json:"channelAppId"`
	MerchantName        string       `json:"merchantName"`
	DeliveryID          string       `json:"deliveryId"`
	DeliveryName        string       `json:"deliveryName"`
	BackupDeliveryID    string       `json:"backupDeliveryId"`
	BackupDeliveryName  string       `json:"backupDeliveryName"`
	BoxDTOList          []InspectBox `json:"boxDTOList"`
	EmbedGoodsMaterial  string       `json:"embedGoodsMaterial"`
	ExpressMerge        bool         `json:"expressMerge"`
	GoodsDesc           string       `json:"goodsDesc"`
	GoodsMainMaterial   string       `json:"goodsMainMaterial"`
	GoodsName           string       `json:"goodsName"`
	GoodsNum            int64        `json:"goodsNum"`
	GoodsPartsMaterial  string       `json:"goodsPartsMaterial"`
	InspectBaseID       string       `json:"inspectBaseId"`
	InspectBaseName     string       `json:"inspectBaseName"`
	InspectOrgID        string       `json:"inspectOrgId"`
	InspectOrgName      string       `json:"inspectOrgName"`
	InspectOrgShortName string       `json:"inspectOrgShortName"`
	UrgentOrder         bool         `json:"urgentOrder"`
	// PrintInfo is the encoded print data for the printing component.
	PrintInfo string `json:"printInfo"`
}

// InspectBox is a box of an [InspectCode].
type InspectBox struct {
	BoxID   int64  `json:"boxId"`
	BoxName string `json:"boxName"`
	BoxNum  int64  `json:"boxNum"`
}

// PrintCode returns an order's inspection code for printing (打印质检码),
// once its inspection information is bound.
//
// WeChat API: POST /channels/ec/qic/inspect/code/print
func (s *InspectionService) PrintCode(ctx context.Context, orderID ID) (*InspectCode, *Response, error) {
	if orderID == "" {
		return nil, nil, errorf("print inspect code", vcart.NewValidationError([]vcart.FieldError{{Field: "order_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		OrderID ID `json:"order_id"`
	}{orderID}
	var out struct {
		Data InspectCode `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epInspectCodePrint, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("print inspect code "+string(orderID), err)
	}
	return &out.Data, resp, nil
}

// InspectLogistics is a self-sent parcel's waybill (自寄快递信息).
type InspectLogistics struct {
	WaybillID string `json:"waybill_id"`
	// DeliveryID and DeliveryName are the carrier's, from the carrier list.
	DeliveryID   string `json:"delivery_id"`
	DeliveryName string `json:"delivery_name"`
	// DeliveryType is 1: self-sent (自寄快递发货), the only value.
	DeliveryType int `json:"delivery_type"`
}

// MaxInspectLogisticsChanges is how often a registered waybill may be
// changed (最多可修改三次); the platform answers 10021623 past it.
const MaxInspectLogisticsChanges = 3

// RegisterLogistics registers (or changes, at most three times) the
// waybill of orders sent to the inspection warehouse by the merchant
// (自寄快递送检). DeliveryType 0 is sent as 1, the only value.
//
// WeChat API: POST /channels/ec/qic/inspect/register_logistics
func (s *InspectionService) RegisterLogistics(ctx context.Context, orderIDs []ID, info InspectLogistics) (*Response, error) {
	var p []vcart.FieldError
	if len(orderIDs) == 0 {
		p = append(p, vcart.FieldError{Field: "order_id_list", Code: "required", Msg: "is required"})
	}
	for i, id := range orderIDs {
		if id == "" {
			p = append(p, vcart.FieldError{Field: "order_id_list[" + strconv.Itoa(i) + "]", Code: "required", Msg: "is empty"})
		}
	}
	if info.WaybillID == "" {
		p = append(p, vcart.FieldError{Field: "logistics_info.waybill_id", Code: "required", Msg: "is required"})
	}
	if info.DeliveryID == "" {
		p = append(p, vcart.FieldError{Field: "logistics_info.delivery_id", Code: "required", Msg: "is required"})
	}
	if info.DeliveryName == "" {
		p = append(p, vcart.FieldError{Field: "logistics_info.delivery_name", Code: "required", Msg: "is required"})
	}
	if info.DeliveryType == 0 {
		info.DeliveryType = 1
	}
	if info.DeliveryType != 1 {
		p = append(p, vcart.FieldError{Field: "logistics_info.delivery_type", Code: "enum", Msg: "must be 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("register inspect logistics", err)
	}
	body := struct {
		OrderIDList   []ID             `json:"order_id_list"`
		LogisticsInfo InspectLogistics `json:"logistics_info"`
	}{orderIDs, info}
	resp, err := s.client.call(ctx, &request{ep: epInspectLogistics, body: body}, nil)
	if err != nil {
		return resp, errorf("register inspect logistics", err)
	}
	return resp, nil
}
