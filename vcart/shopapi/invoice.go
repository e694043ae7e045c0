package shopapi

import (
	"context"
	"net/url"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Subsidy invoices (国补发票): for an order paid with the national trade-in
// subsidy (国家以旧换新补贴), the merchant issues an invoice to the buyer
// for the paid amount plus the subsidy, uploads its file and its details,
// and the subsidy is settled once the government approves them. Flow:
// order received → InvoicingInfo (optional reference data) → issue the
// invoice → UploadFile (a media_id) → Upload. Calls only after the buyer
// confirmed receipt; at most 5 uploads per order. Not callable by a
// third-party platform: the shop's own token only.

var (
	epInvoicingInfo     = ep("/channels/ec/subsidy/query_invoicing_info")
	epInvoiceFileUpload = ep("/channels/ec/subsidy/upload_invoice_file")
	epInvoiceInfoUpload = ep("/channels/ec/subsidy/upload_invoice_info")
)

// InvoicingInfo is the reference data for a subsidy order's invoice
// (国补订单开票信息). GoodsModel, GoodsName and BrandName come from the
// subsidy platform (广东银联) and only guide the invoice's 规格型号.
type InvoicingInfo struct {
	// Name is the invoice title: the order owner's real name.
	Name string `json:"name"`
	// TaxNo is the invoice tax number: the owner's resident ID number.
	TaxNo string `json:"tax_no"`
	// PaymentAmount, SubsidyAmount and InvoiceTotalAmount are in fen (分):
	// the buyer's payment, the subsidy and the amount to invoice.
	PaymentAmount      int64  `json:"payment_amount"`
	SubsidyAmount      int64  `json:"subsidy_amount"`
	InvoiceTotalAmount int64  `json:"invoice_total_amount"`
	BarCode            string `json:"bar_code"` // 69码
	SNCode             string `json:"sn_code"`
	IMEI1              string `json:"imei1"`
	IMEI2              string `json:"imei2"`
	// TransactionID is the WeChat Pay transaction id.
	TransactionID     string `json:"transaction_id"`
	IsInvoiceUploaded bool   `json:"is_invoice_uploaded"`
	// Efficiency is the energy or water efficiency grade (能效/水效等级).
	Efficiency string `json:"efficiency"`
	GoodsModel string `json:"goods_model"`
	GoodsName  string `json:"goods_name"`
	BrandName  string `json:"brand_name"`
}

// InvoicingInfo returns the reference data for a subsidy order's invoice
// (获取国补订单开票信息).
//
// WeChat API: POST /channels/ec/subsidy/query_invoicing_info
func (s *InvoiceService) InvoicingInfo(ctx context.Context, orderID ID) (*InvoicingInfo, *Response, error) {
	if orderID == "" {
		return nil, nil, errorf("get invoicing info", vcart.NewValidationError([]vcart.FieldError{{Field: "order_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		OrderID ID `json:"order_id"`
	}{orderID}
	var out struct {
		Data InvoicingInfo `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epInvoicingInfo, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get invoicing info "+string(orderID), err)
	}
	return &out.Data, resp, nil
}

// UploadFile makes the platform fetch an invoice file (.jpg or .png, at
// most 1 MB) from fileLink, a public URL, and returns its media_id for
// [InvoiceService.Upload] (上传国补订单发票文件). Errcodes 987100118 (bad
// link), 987100119 (format), 987100120 (over 1 MB).
//
// WeChat API: POST /channels/ec/subsidy/upload_invoice_file
func (s *InvoiceService) UploadFile(ctx context.Context, fileLink string) (mediaID string, resp *Response, err error) {
	if u, perr := url.Parse(fileLink); perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", nil, errorf("upload invoice file", vcart.NewValidationError([]vcart.FieldError{{Field: "file_link", Code: "url", Msg: "must be an absolute http(s) URL"}}))
	}
	body := struct {
		FileLink string `json:"file_link"`
	}{fileLink}
	var out struct {
		Data struct {
			MediaID string `json:"media_id"`
		} `json:"data"`
	}
	resp, err = s.client.call(ctx, &request{ep: epInvoiceFileUpload, body: body}, &out)
	if err != nil {
		return "", resp, errorf("upload invoice file", err)
	}
	return out.Data.MediaID, resp, nil
}

// SubsidyInvoice is an issued invoice's details (国补订单发票信息).
type SubsidyInvoice struct {
	OrderID ID `json:"order_id"`
	// InvoiceCode is optional for invoice type 90.
	InvoiceCode string `json:"invoice_code,omitempty"`
	InvoiceNo   string `json:"invoice_no"`
	// InvoiceDate is when the invoice was issued, Unix seconds as a
	// decimal string (the page's type), before now.
	InvoiceDate string `json:"invoice_date"`
	// InvoiceMediaID is the file's media_id ([InvoiceService.UploadFile]).
	InvoiceMediaID string `json:"invoice_media_id"`
	// InvoiceType is the invoice type code; the page's rules name 01, 04,
	// 09, 10 and 90.
	InvoiceType string `json:"invoice_type"`
	// InvoiceCheckCode is required for types 10 and 04, optional for 01,
	// 09 and 90.
	InvoiceCheckCode string `json:"invoice_check_code,omitempty"`
	// InvoiceTotalAmount (税价合计) and InvoiceTaxAmount are in fen (分).
	InvoiceTotalAmount int64 `json:"invoice_total_amount"`
	InvoiceTaxAmount   int64 `json:"invoice_tax_amount"`
	// SalesEnterpriseName and TaxPayer are the seller's name and taxpayer
	// id (纳税人识别号).
	SalesEnterpriseName string `json:"sales_enterprise_name"`
	TaxPayer            string `json:"tax_payer"`
	Num                 int64  `json:"num"`
	// ServiceName is the goods or service name (货物或应税劳务服务名).
	ServiceName string `json:"service_name"`
	// Remark and InvoiceGoodsModel follow the subsidy invoice rules
	// (国家补贴发票要求说明: 备注事项, 规格型号).
	Remark            string `json:"remark"`
	InvoiceGoodsModel string `json:"invoice_goods_model"`
}

// MaxSubsidyInvoiceUploads is how often an order's invoice may be uploaded.
const MaxSubsidyInvoiceUploads = 5

func (in *SubsidyInvoice) validate() []vcart.FieldError {
	var p []vcart.FieldError
	req := func(field, v string) {
		if v == "" {
			p = append(p, vcart.FieldError{Field: field, Code: "required", Msg: "is required"})
		}
	}
	req("order_id", string(in.OrderID))
	req("invoice_no", in.InvoiceNo)
	req("invoice_media_id", in.InvoiceMediaID)
	req("invoice_type", in.InvoiceType)
	req("sales_enterprise_name", in.SalesEnterpriseName)
	req("tax_payer", in.TaxPayer)
	req("service_name", in.ServiceName)
	req("remark", in.Remark)
	req("invoice_goods_model", in.InvoiceGoodsModel)
	if n, err := strconv.ParseInt(in.InvoiceDate, 10, 64); err != nil || n <= 0 {
		p = append(p, vcart.FieldError{Field: "invoice_date", Code: "format", Msg: "must be Unix seconds as a decimal string"})
	}
	if (in.InvoiceType == "10" || in.InvoiceType == "04") && in.InvoiceCheckCode == "" {
		p = append(p, vcart.FieldError{Field: "invoice_check_code", Code: "required", Msg: "is required for invoice types 10 and 04"})
	}
	if in.InvoiceTotalAmount <= 0 {
		p = append(p, vcart.FieldError{Field: "invoice_total_amount", Code: "range", Msg: "must be positive (fen)"})
	}
	if in.InvoiceTaxAmount < 0 || in.InvoiceTaxAmount > in.InvoiceTotalAmount {
		p = append(p, vcart.FieldError{Field: "invoice_tax_amount", Code: "range", Msg: "must be 0..invoice_total_amount (fen)"})
	}
	if in.Num <= 0 {
		p = append(p, vcart.FieldError{Field: "num", Code: "range", Msg: "must be positive"})
	}
	return p
}

// Upload uploads an issued invoice's details (上传国补订单发票信息); at most
// [MaxSubsidyInvoiceUploads] times per order, so it is not retried after
// an ambiguous failure.
//
// WeChat API: POST /channels/ec/subsidy/upload_invoice_info
func (s *InvoiceService) Upload(ctx context.Context, in *SubsidyInvoice) (*Response, error) {
	if in == nil {
		return nil, errorf("upload invoice info", errNilRequest())
	}
	if err := vcart.NewValidationError(in.validate()); err != nil {
		return nil, errorf("upload invoice info", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epInvoiceInfoUpload, body: in}, nil)
	if err != nil {
		return resp, errorf("upload invoice info "+string(in.OrderID), err)
	}
	return resp, nil
}
