package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Subsidy invoices (国补发票): orders marked as subsidy orders with
// [Server.MarkSubsidyOrder]; after receipt the shop reads the invoicing
// reference, uploads the invoice file and then its details (5 times at
// most). Tests read the last upload with [Server.SubsidyInvoiceOf].

func invoiceRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/subsidy/query_invoicing_info", h: (*Server).hInvoicingInfo},
		{method: http.MethodPost, path: "/channels/ec/subsidy/upload_invoice_file", h: (*Server).hInvoiceFile},
		{method: http.MethodPost, path: "/channels/ec/subsidy/upload_invoice_info", h: (*Server).hInvoiceInfo},
	}
}

type subsidyRec struct {
	subsidyFen int64
	uploads    int
	last       map[string]any
}

type invoiceState struct {
	orders map[string]*subsidyRec
	media  map[string]bool
}

func (s *Server) invoices() *invoiceState {
	return stateOf(s, "invoices", func() *invoiceState {
		return &invoiceState{orders: map[string]*subsidyRec{}, media: map[string]bool{}}
	})
}

// MarkSubsidyOrder marks an order as paid with the national subsidy
// (国补) of subsidyFen fen.
func (s *Server) MarkSubsidyOrder(orderID vcart.ID, subsidyFen int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, _, err := s.orderOf(string(orderID)); err != nil {
		return err
	}
	s.invoices().orders[string(orderID)] = &subsidyRec{subsidyFen: subsidyFen}
	return nil
}

// SubsidyInvoiceOf returns the last invoice details uploaded for an order
// (the JSON body's fields) and the number of uploads.
func (s *Server) SubsidyInvoiceOf(orderID vcart.ID) (map[string]any, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.invoices().orders[string(orderID)]; r != nil {
		return r.last, r.uploads
	}
	return nil, 0
}

// subsidyOrder returns a received subsidy order, or an errcode.
func (s *Server) subsidyOrder(id string) (*subsidyRec, *orderRec, error) {
	_, o, err := s.orderOf(id)
	if err != nil {
		return nil, nil, err
	}
	r := s.invoices().orders[id]
	if r == nil {
		return nil, nil, apiErr(shopapi.CodeInvalidRequestBody, "not a subsidy order")
	}
	if shopapi.OrderStatus(o.status) != shopapi.OrderCompleted {
		return nil, nil, apiErr(shopapi.CodeInvalidRequestBody, "order not received yet")
	}
	return r, o, nil
}

type invoicingAnswer struct {
	Data struct {
		Name               string `json:"name"`
		TaxNo              string `json:"tax_no"`
		PaymentAmount      int64  `json:"payment_amount"`
		SubsidyAmount      int64  `json:"subsidy_amount"`
		InvoiceTotalAmount int64  `json:"invoice_total_amount"`
		BarCode            string `json:"bar_code"`
		SNCode             string `json:"sn_code"`
		IMEI1              string `json:"imei1"`
		IMEI2              string `json:"imei2"`
		TransactionID      string `json:"transaction_id"`
		IsInvoiceUploaded  bool   `json:"is_invoice_uploaded"`
		Efficiency         string `json:"efficiency"`
		GoodsModel         string `json:"goods_model"`
		GoodsName          string `json:"goods_name"`
		BrandName          string `json:"brand_name"`
	} `json:"data"`
}

func (s *Server) hInvoicingInfo(c *call) (any, error) {
	var req struct {
		OrderID string `json:"order_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	r, o, err := s.subsidyOrder(req.OrderID)
	if err != nil {
		return nil, err
	}
	var paid int64
	for _, l := range o.d.lines {
		paid += l.lineFen
	}
	var a invoicingAnswer
	d := &a.Data
	d.Name, d.TaxNo = "张三", "110101199001011234"
	d.PaymentAmount, d.SubsidyAmount, d.InvoiceTotalAmount = paid, r.subsidyFen, paid+r.subsidyFen
	d.BarCode, d.SNCode, d.IMEI1, d.IMEI2 = "6901234567892", "SN"+req.OrderID[len(req.OrderID)-6:], "860000000000001", "860000000000002"
	d.TransactionID = "42000000" + req.OrderID
	d.IsInvoiceUploaded = r.uploads > 0
	d.Efficiency, d.GoodsModel, d.BrandName = "1级", "X100", "品牌"
	if len(o.d.lines) > 0 {
		d.GoodsName = o.d.lines[0].title
	}
	return a, nil
}

func (s *Server) hInvoiceFile(c *call) (any, error) {
	var req struct {
		FileLink string `json:"file_link"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	u, err := url.Parse(req.FileLink)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, apiErr(shopapi.CodeInvoiceFileLink, "upload invoice file failed, invalid link")
	}
	if p := strings.ToLower(u.Path); !strings.HasSuffix(p, ".jpg") && !strings.HasSuffix(p, ".png") {
		return nil, apiErr(shopapi.CodeInvoiceFileFormat, "upload invoice file failed, unsupported format")
	}
	id := "invoice-media-" + s.newID()
	s.invoices().media[id] = true
	var a struct {
		Data struct {
			MediaID string `json:"media_id"`
		} `json:"data"`
	}
	a.Data.MediaID = id
	return a, nil
}

func (s *Server) hInvoiceInfo(c *call) (any, error) {
	var req struct {
		OrderID             string `json:"order_id"`
		InvoiceCode         string `json:"invoice_code"`
		InvoiceNo           string `json:"invoice_no"`
		InvoiceDate         string `json:"invoice_date"`
		InvoiceMediaID      string `json:"invoice_media_id"`
		InvoiceType         string `json:"invoice_type"`
		InvoiceCheckCode    string `json:"invoice_check_code"`
		InvoiceTotalAmount  int64  `json:"invoice_total_amount"`
		InvoiceTaxAmount    int64  `json:"invoice_tax_amount"`
		SalesEnterpriseName string `json:"sales_enterprise_name"`
		TaxPayer            string `json:"tax_payer"`
		Num                 int64  `json:"num"`
		ServiceName         string `json:"service_name"`
		Remark              string `json:"remark"`
		InvoiceGoodsModel   string `json:"invoice_goods_model"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	r, _, err := s.subsidyOrder(req.OrderID)
	if err != nil {
		return nil, err
	}
	date, derr := strconv.ParseInt(req.InvoiceDate, 10, 64)
	switch {
	case !s.invoices().media[req.InvoiceMediaID]:
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid invoice_media_id")
	case derr != nil || date <= 0 || date >= s.now().Unix():
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid invoice_date")
	case req.InvoiceNo == "" || req.InvoiceType == "" || req.Num <= 0 || req.InvoiceTotalAmount <= 0:
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid invoice info")
	case r.uploads >= shopapi.MaxSubsidyInvoiceUploads:
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invoice uploaded too many times")
	}
	r.uploads++
	r.last = map[string]any{"invoice_no": req.InvoiceNo, "invoice_type": req.InvoiceType,
		"invoice_total_amount": req.InvoiceTotalAmount, "invoice_code": req.InvoiceCode,
		"invoice_check_code": req.InvoiceCheckCode, "invoice_tax_amount": req.InvoiceTaxAmount,
		"sales_enterprise_name": req.SalesEnterpriseName, "tax_payer": req.TaxPayer, "num": req.Num,
		"service_name": req.ServiceName, "remark": req.Remark, "invoice_goods_model": req.InvoiceGoodsModel}
	return nil, nil
}
