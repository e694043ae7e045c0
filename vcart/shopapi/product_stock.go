package shopapi

import (
	"context"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// StockService reads and changes SKU stock (库存).
type StockService service

var (
	epStockGet      = ep("/channels/ec/product/stock/get")
	epStockBatchGet = ep("/channels/ec/product/stock/batchget")
	epStockUpdate   = ep("/channels/ec/product/stock/update")
)

// StockDiffType is how stock/update applies num (diff_type).
type StockDiffType int

// Stock update kinds. Add and Subtract are not idempotent and are never
// retried after an ambiguous failure; Set is, and is.
const (
	StockAdd      StockDiffType = 1 // increase by num
	StockSubtract StockDiffType = 2 // decrease by num
	StockSet      StockDiffType = 3 // set to num
)

// String returns "add", "subtract" or "set".
func (d StockDiffType) String() string {
	switch d {
	case StockAdd:
		return "add"
	case StockSubtract:
		return "subtract"
	case StockSet:
		return "set"
	}
	return "StockDiffType(" + strconv.Itoa(int(d)) + ")"
}

// MaxStockNum is the largest stock a SKU may hold.
const MaxStockNum = 10_000_000

// SKUStock is the real-time stock of one SKU.
type SKUStock struct {
	SKUID                   ID               `json:"sku_id,omitempty"`
	NormalStockNum          int64            `json:"normal_stock_num"`
	LimitedDiscountStockNum int64            `json:"limited_discount_stock_num"`
	WarehouseStocks         []WarehouseStock `json:"warehouse_stocks,omitempty"`
	TotalStockNum           int64            `json:"total_stock_num"`
	// FinderStockNum is finder_stock_num as stock/get names the stock held
	// for talents (达人); FinderTotalNum is finder_total_num, the name
	// stock/batchget's example uses. Each answer fills the one it sends.
	FinderStockNum int64 `json:"finder_stock_num,omitempty"`
	FinderTotalNum int64 `json:"finder_total_num,omitempty"`
}

// WarehouseStock is the stock of a SKU in one warehouse.
type WarehouseStock struct {
	OutWarehouseID string `json:"out_warehouse_id"`
	Num            int64  `json:"num"`
	LockStock      int64  `json:"lock_stock,omitempty"`
}

// SPUStock is the stock of every SKU of one product.
type SPUStock struct {
	ProductID ID         `json:"product_id"`
	SKUStock  []SKUStock `json:"sku_stock"`
}

// StockUpdateRequest changes one SKU's stock.
type StockUpdateRequest struct {
	ProductID ID            `json:"product_id"`
	SKUID     ID            `json:"sku_id"`
	DiffType  StockDiffType `json:"diff_type"`
	Num       int64         `json:"num"`
}

func (r *StockUpdateRequest) validate() error {
	var p []vcart.FieldError
	if r.ProductID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if r.SKUID == "" {
		p = append(p, vcart.FieldError{Field: "sku_id", Code: "required", Msg: "must not be empty"})
	}
	switch r.DiffType {
	case StockAdd, StockSubtract:
		if r.Num <= 0 || r.Num > MaxStockNum {
			p = append(p, vcart.FieldError{Field: "num", Code: "range", Msg: "must be 1..10000000 for add and subtract"})
		}
	case StockSet:
		if r.Num < 0 || r.Num > MaxStockNum {
			p = append(p, vcart.FieldError{Field: "num", Code: "range", Msg: "must be 0..10000000 for set"})
		}
	default:
		p = append(p, vcart.FieldError{Field: "diff_type", Code: "enum", Msg: "must be 1 (add), 2 (subtract) or 3 (set)"})
	}
	return vcart.NewValidationError(p)
}

// Get returns one SKU's real-time stock.
//
// WeChat API: POST /channels/ec/product/stock/get
func (s *StockService) Get(ctx context.Context, productID, skuID ID) (*SKUStock, *Response, error) {
	var p []vcart.FieldError
	if productID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if skuID == "" {
		p = append(p, vcart.FieldError{Field: "sku_id", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("get stock", err)
	}
	body := struct {
		ProductID ID `json:"product_id"`
		SKUID     ID `json:"sku_id"`
	}{productID, skuID}
	var out struct {
		Data SKUStock `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epStockGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get stock "+string(productID)+"/"+string(skuID), err)
	}
	out.Data.SKUID = skuID
	return &out.Data, resp, nil
}

// BatchGet returns the stock of every SKU of up to 50 products.
//
// WeChat API: POST /channels/ec/product/stock/batchget
func (s *StockService) BatchGet(ctx context.Context, productIDs []ID) ([]SPUStock, *Response, error) {
	if len(productIDs) == 0 || len(productIDs) > 50 {
		return nil, nil, errorf("batch get stock", vcart.NewValidationError([]vcart.FieldError{{Field: "product_id", Code: "range", Msg: "want 1..50 product ids"}}))
	}
	body := struct {
		ProductID []ID `json:"product_id"`
	}{productIDs}
	var out struct {
		Data struct {
			SPUStockList []SPUStock `json:"spu_stock_list"`
		} `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epStockBatchGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("batch get stock", err)
	}
	return out.Data.SPUStockList, resp, nil
}

// Update changes one SKU's stock. Add and subtract diffs are never retried
// once the request may have reached the platform: an ambiguous failure
// returns an error wrapping [ErrAmbiguous], and the caller must read the
// stock back before applying the diff again. Set is retried like a read.
// Errcode 10020054 ([CodeStockUpdateRejected]) when the stock would go
// negative or the product's state forbids it.
//
// WeChat API: POST /channels/ec/product/stock/update
func (s *StockService) Update(ctx context.Context, req *StockUpdateRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("update stock", errNilRequest())
	}
	if err := req.validate(); err != nil {
		return nil, errorf("update stock", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epStockUpdate, body: req, idempotent: req.DiffType == StockSet}, nil)
	if err != nil {
		return resp, errorf("update stock "+string(req.ProductID)+"/"+string(req.SKUID), err)
	}
	return resp, nil
}
