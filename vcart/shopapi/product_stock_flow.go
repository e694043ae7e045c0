package shopapi

import (
	"context"
	"iter"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var epStockFlow = ep("/channels/ec/product/stock/getflow")

// StockFlowRequest selects a SKU's stock ledger (库存流水) in a time range
// (Unix seconds).
type StockFlowRequest struct {
	ProductID ID `json:"product_id"`
	SKUID     ID `json:"sku_id"`
	// StockType is the kind of stock (stock_type; 0 in the page's example).
	StockType int `json:"stock_type"`
	// FinderID selects a talent's stock (达人的视频号).
	FinderID  string `json:"finder_id,omitempty"`
	BeginTime int64  `json:"begin_time"`
	EndTime   int64  `json:"end_time"`
	// OpTypeList keeps the flows of these event types (库存事件类型).
	OpTypeList []int  `json:"op_type_list,omitempty"`
	NextKey    string `json:"next_key,omitempty"`
	// PageSize defaults to 10.
	PageSize int `json:"page_size"`
}

// StockFlowExt is a flow's context: the order, warehouse, flash sale or
// talent it concerns.
type StockFlowExt struct {
	UnmoveFromStockSubType int    `json:"unmove_from_stock_sub_type,omitempty"`
	MoveToStockSubType     int    `json:"move_to_stock_sub_type,omitempty"`
	UploadSource           int    `json:"upload_source"`
	OrderID                ID     `json:"order_id"`
	OutWarehouseID         string `json:"out_warehouse_id"`
	LimitedDiscountID      ID     `json:"limited_discount_id"`
	FinderID               string `json:"finder_id,omitempty"`
}

// StockFlow is one movement of a SKU's stock: the quantity moved and the
// stock before and after it.
type StockFlow struct {
	Amount          int64        `json:"amount"`
	BeginningAmount int64        `json:"beginning_amount"`
	EndingAmount    int64        `json:"ending_amount"`
	StockSubType    int          `json:"stock_sub_type"`
	OpType          int          `json:"op_type"`
	UpdateTime      int64        `json:"update_time"`
	ExtInfo         StockFlowExt `json:"ext_info"`
}

// StockFlowPage is one page of a stock ledger.
type StockFlowPage struct {
	StockFlowInfoList []StockFlow `json:"stock_flow_info_list"`
	NextKey           string      `json:"next_key"`
}

func (r *StockFlowRequest) validate() error {
	var errs []vcart.FieldError
	if r.ProductID == "" {
		errs = append(errs, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if r.SKUID == "" {
		errs = append(errs, vcart.FieldError{Field: "sku_id", Code: "required", Msg: "must not be empty"})
	}
	if r.BeginTime <= 0 || r.EndTime <= r.BeginTime {
		errs = append(errs, vcart.FieldError{Field: "end_time", Code: "range", Msg: "need 0 < begin_time < end_time"})
	}
	if r.PageSize < 0 || r.PageSize > 100 {
		errs = append(errs, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1..100 (0: 10)"})
	}
	if len(errs) > 0 {
		return vcart.NewValidationError(errs)
	}
	return nil
}

// Flow returns one page of a SKU's stock ledger (获取库存流水).
//
// WeChat API: POST /channels/ec/product/stock/getflow
func (s *StockService) Flow(ctx context.Context, req *StockFlowRequest) (*StockFlowPage, *Response, error) {
	if req == nil {
		return nil, nil, errorf("stock flow", errNilRequest())
	}
	r := *req
	if err := r.validate(); err != nil {
		return nil, nil, errorf("stock flow", err)
	}
	if r.PageSize == 0 {
		r.PageSize = 10
	}
	var out struct {
		Data StockFlowPage `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epStockFlow, body: &r}, &out)
	if err != nil {
		return nil, resp, errorf("stock flow", err)
	}
	resp.NextKey = out.Data.NextKey
	return &out.Data, resp, nil
}

// FlowIter iterates over a SKU's stock ledger, page by page.
//
// WeChat API: POST /channels/ec/product/stock/getflow
func (s *StockService) FlowIter(ctx context.Context, req *StockFlowRequest) iter.Seq2[*StockFlow, error] {
	if req == nil {
		return func(yield func(*StockFlow, error) bool) { yield(nil, errorf("stock flow", errNilRequest())) }
	}
	r := *req
	return paginate(ctx, r.NextKey, func(ctx context.Context, key string) ([]*StockFlow, string, error) {
		r.NextKey = key
		p, _, err := s.Flow(ctx, &r)
		if err != nil {
			return nil, "", err
		}
		out := make([]*StockFlow, len(p.StockFlowInfoList))
		for i := range p.StockFlowInfoList {
			out[i] = &p.StockFlowInfoList[i]
		}
		return out, p.NextKey, nil
	})
}
