package shopapi

import (
	"context"
	"errors"
	"iter"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// ProductService manages products (商品): add and update drafts, read
// them, list ids, list and delist, delete, cancel an audit and update
// price and stock without an audit.
type ProductService service

var (
	epProductAdd         = ep("/channels/ec/product/add")
	epProductUpdate      = ep("/channels/ec/product/update")
	epProductGet         = ep("/channels/ec/product/get")
	epProductList        = ep("/channels/ec/product/list/get")
	epProductListing     = ep("/channels/ec/product/listing")
	epProductDelisting   = ep("/channels/ec/product/delisting")
	epProductDelete      = ep("/channels/ec/product/delete")
	epProductAuditCancel = ep("/channels/ec/product/audit/cancel")
	epProductAuditFree   = ep("/channels/ec/product/auditfree")
)

type productIDBody struct {
	ProductID ID `json:"product_id"`
}

func requireID(field string, id ID) error {
	if strings.TrimSpace(string(id)) == "" {
		return vcart.NewValidationError([]vcart.FieldError{{Field: field, Code: "required", Msg: "must not be empty"}})
	}
	return nil
}

// Add creates a product; its draft goes to audit (edit_status 2) and, when
// listing is true, is listed once approved. Add is not idempotent: after an
// ambiguous failure ([ErrAmbiguous]) look the product up by out_product_id
// before adding it again.
//
// WeChat API: POST /channels/ec/product/add
func (s *ProductService) Add(ctx context.Context, p *Product, listing bool) (*ProductWriteResult, *Response, error) {
	return s.write(ctx, epProductAdd, p, listing, "add product")
}

// Update replaces the product's draft (p.ProductID is required) and submits
// it to audit. It is idempotent (the whole draft is sent).
//
// WeChat API: POST /channels/ec/product/update
func (s *ProductService) Update(ctx context.Context, p *Product, listing bool) (*ProductWriteResult, *Response, error) {
	if p != nil {
		if err := requireID("product_id", p.ProductID); err != nil {
			return nil, nil, errorf("update product", err)
		}
	}
	return s.write(ctx, epProductUpdate, p, listing, "update product")
}

func (s *ProductService) write(ctx context.Context, ep endpoint, p *Product, listing bool, op string) (*ProductWriteResult, *Response, error) {
	if p == nil {
		return nil, nil, errorf(op, errNilRequest())
	}
	body, err := productBody(p, listing)
	if err != nil {
		return nil, nil, errorf(op, err)
	}
	var out struct {
		Data ProductWriteResult `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: ep, rawBody: body, contentType: "application/json"}, &out)
	if err != nil {
		return nil, resp, errorf(op, err)
	}
	return &out.Data, resp, nil
}

// Get returns the online version, the draft or both (dt; 0 means online).
//
// WeChat API: POST /channels/ec/product/get
func (s *ProductService) Get(ctx context.Context, productID ID, dt DataType) (*ProductDetail, *Response, error) {
	if err := requireID("product_id", productID); err != nil {
		return nil, nil, errorf("get product", err)
	}
	if dt == 0 {
		dt = DataOnline
	}
	if dt < DataOnline || dt > DataBoth {
		return nil, nil, errorf("get product", vcart.NewValidationError([]vcart.FieldError{{Field: "data_type", Code: "enum", Msg: "must be 1, 2 or 3"}}))
	}
	body := struct {
		ProductID ID       `json:"product_id"`
		DataType  DataType `json:"data_type"`
	}{productID, dt}
	var out ProductDetail
	resp, err := s.client.call(ctx, &request{ep: epProductGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get product "+string(productID), err)
	}
	return &out, resp, nil
}

// List returns one page of product ids; Response.NextKey is the cursor.
//
// WeChat API: POST /channels/ec/product/list/get
func (s *ProductService) List(ctx context.Context, opts *ProductListOptions) (*ProductList, *Response, error) {
	var o ProductListOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize == 0 {
		o.PageSize = 10
	}
	if o.PageSize < 1 || o.PageSize > 30 {
		return nil, nil, errorf("list products", vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1..30"}}))
	}
	body := struct {
		Status   *ProductStatus `json:"status,omitempty"`
		PageSize int            `json:"page_size"`
		NextKey  string         `json:"next_key,omitempty"`
	}{o.Status, o.PageSize, o.NextKey}
	var out ProductList
	resp, err := s.client.call(ctx, &request{ep: epProductList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list products", err)
	}
	resp.NextKey = out.NextKey
	return &out, resp, nil
}

// ListIter iterates over every product id from opts on, fetching pages as
// needed. It stops at the first error (yielded with an empty id).
//
// WeChat API: POST /channels/ec/product/list/get
func (s *ProductService) ListIter(ctx context.Context, opts *ProductListOptions) iter.Seq2[ID, error] {
	var o ProductListOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, o.NextKey, func(ctx context.Context, key string) ([]ID, string, error) {
		o.NextKey = key
		l, _, err := s.List(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		return l.ProductIDs, l.NextKey, nil
	})
}

// Listing lists (上架) the product's approved version.
//
// WeChat API: POST /channels/ec/product/listing
func (s *ProductService) Listing(ctx context.Context, productID ID) (*Response, error) {
	return s.simple(ctx, epProductListing, productID, "list product")
}

// Delisting delists (下架) the product. It is retried like a read; when a
// retry answers 10020065 (not listed) after an attempt whose answer was
// lost, the product is delisted as asked and Delisting returns nil.
//
// WeChat API: POST /channels/ec/product/delisting
func (s *ProductService) Delisting(ctx context.Context, productID ID) (*Response, error) {
	resp, err := s.simple(ctx, epProductDelisting, productID, "delist product")
	var ae *APIError
	if err != nil && resp != nil && resp.Attempts > 1 && errors.As(err, &ae) && ae.ErrCode == CodeProductNotListed {
		return resp, nil
	}
	return resp, err
}

// Delete deletes the product. It is not retried after an ambiguous failure.
//
// WeChat API: POST /channels/ec/product/delete
func (s *ProductService) Delete(ctx context.Context, productID ID) (*Response, error) {
	return s.simple(ctx, epProductDelete, productID, "delete product")
}

// CancelAudit withdraws the draft from audit (edit_status 2 → 1); errcode
// 10020044 ([CodeNotUnderAudit]) if it is not under audit.
//
// WeChat API: POST /channels/ec/product/audit/cancel
func (s *ProductService) CancelAudit(ctx context.Context, productID ID) (*Response, error) {
	return s.simple(ctx, epProductAuditCancel, productID, "cancel product audit")
}

func (s *ProductService) simple(ctx context.Context, ep endpoint, productID ID, op string) (*Response, error) {
	if err := requireID("product_id", productID); err != nil {
		return nil, errorf(op, err)
	}
	resp, err := s.client.call(ctx, &request{ep: ep, body: productIDBody{productID}}, nil)
	if err != nil {
		return resp, errorf(op+" "+string(productID), err)
	}
	return resp, nil
}

// UpdateAuditFree changes the sale price, stock and codes of a listed
// product's SKUs without an audit (免审更新); it writes the online version
// directly. It is retried like a read unless it carries a stock add or
// subtract, which is never resent after an ambiguous failure.
//
// WeChat API: POST /channels/ec/product/auditfree
func (s *ProductService) UpdateAuditFree(ctx context.Context, req *AuditFreeRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("audit-free update", errNilRequest())
	}
	var probs []vcart.FieldError
	diff := false
	if strings.TrimSpace(string(req.ProductID)) == "" {
		probs = append(probs, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if len(req.SKUs) == 0 {
		probs = append(probs, vcart.FieldError{Field: "skus", Code: "required", Msg: "at least one SKU"})
	}
	for i, k := range req.SKUs {
		if k.SKUID == "" {
			probs = append(probs, vcart.FieldError{Field: "skus[" + itoa(i) + "].sku_id", Code: "required", Msg: "must not be empty"})
		}
		if k.SalePrice < 0 {
			probs = append(probs, vcart.FieldError{Field: "skus[" + itoa(i) + "].sale_price", Code: "range", Msg: "must not be negative"})
		}
		if k.StockInfo != nil {
			si := StockUpdateRequest{ProductID: req.ProductID, SKUID: k.SKUID, DiffType: k.StockInfo.DiffType, Num: k.StockInfo.Num}
			if err := si.validate(); err != nil {
				var ve *vcart.ValidationError
				if errors.As(err, &ve) {
					for _, p := range ve.Problems {
						if p.Field == "num" || p.Field == "diff_type" {
							p.Field = "skus[" + itoa(i) + "].stock_info." + p.Field
							probs = append(probs, p)
						}
					}
				}
			}
			if k.StockInfo.DiffType != StockSet {
				diff = true
			}
		}
	}
	if err := vcart.NewValidationError(probs); err != nil {
		return nil, errorf("audit-free update", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epProductAuditFree, body: req, idempotent: !diff}, nil)
	if err != nil {
		return resp, errorf("audit-free update "+string(req.ProductID), err)
	}
	return resp, nil
}
