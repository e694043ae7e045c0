package shopapi

import (
	"context"
	"iter"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Flash sales (限时抢购): a task sets a product's SKUs to a sale price and
// stock during a window. [CheckFlashSale] checks a task against the
// product's prices and the product's other tasks before the network.

var (
	epFlashSaleAdd    = ep("/channels/ec/product/limiteddiscounttask/add")
	epFlashSaleDelete = ep("/channels/ec/product/limiteddiscounttask/delete")
	epFlashSaleList   = ep("/channels/ec/product/limiteddiscounttask/list/get")
	epFlashSaleStop   = ep("/channels/ec/product/limiteddiscounttask/stop")
	epFlashSaleUpdate = ep("/channels/ec/product/limiteddiscounttask/update")
)

// FlashSaleStatus is a task's status (限时抢购任务状态).
type FlashSaleStatus int

// Task statuses, from the list page's enum.
const (
	FlashSalePending FlashSaleStatus = 0 // 创建完成, 未开始 (cannot be deleted)
	FlashSaleRunning FlashSaleStatus = 1 // 进行中 (cannot be deleted)
	FlashSaleEnded   FlashSaleStatus = 2 // 已结束
)

// String returns the status's Chinese name.
func (s FlashSaleStatus) String() string {
	switch s {
	case FlashSalePending:
		return "未开始"
	case FlashSaleRunning:
		return "进行中"
	case FlashSaleEnded:
		return "已结束"
	}
	return "FlashSaleStatus(" + strconv.Itoa(int(s)) + ")"
}

// FlashSaleSKU is one SKU of a task (limited_discount_skus).
type FlashSaleSKU struct {
	SKUID ID `json:"sku_id"`
	// SalePrice is the flash price in fen, below the SKU's price.
	SalePrice int64 `json:"sale_price"`
	// SaleStock is the stock sold at that price, at most the SKU's stock.
	SaleStock int `json:"sale_stock"`
}

// FlashSaleTask is a task to add (添加限时抢购任务).
type FlashSaleTask struct {
	ProductID ID `json:"product_id"`
	// StartTime and EndTime are Unix seconds.
	StartTime int64          `json:"start_time"`
	EndTime   int64          `json:"end_time"`
	SKUs      []FlashSaleSKU `json:"limited_discount_skus"`
}

// FlashSaleInfo is a task as the list returns it.
type FlashSaleInfo struct {
	TaskID     ID              `json:"task_id"`
	ProductID  ID              `json:"product_id"`
	Status     FlashSaleStatus `json:"status"`
	CreateTime int64           `json:"create_time"`
	StartTime  int64           `json:"start_time"`
	EndTime    int64           `json:"end_time"`
	SKUs       []FlashSaleSKU  `json:"limited_discount_skus"`
}

// Flash-sale rules of the add page (channels doc): the window lasts at most
// 24 hours and starts within a year; the SKU's price must exceed ¥10, the
// flash price must be 1–8.5折 of it and at least ¥10 below it.
const (
	MaxFlashSaleDuration     = 24 * time.Hour
	MinFlashSaleOriginalFen  = 1000
	MinFlashSaleReductionFen = 1000
	MinFlashSaleRate         = 1000 // 1折, in 1/10000
	MaxFlashSaleRate         = 8500 // 8.5折
)

func (t *FlashSaleTask) problems() []vcart.FieldError {
	var p []vcart.FieldError
	add := func(f, code, msg string) { p = append(p, vcart.FieldError{Field: f, Code: code, Msg: msg}) }
	if t.ProductID == "" {
		add("product_id", "required", "must not be empty")
	}
	if t.StartTime <= 0 {
		add("start_time", "required", "must be a Unix time")
	}
	if t.EndTime <= t.StartTime {
		add("end_time", "range", "must be after start_time")
	}
	if len(t.SKUs) == 0 {
		add("limited_discount_skus", "required", "at least one SKU")
	}
	seen := map[ID]bool{}
	for i, s := range t.SKUs {
		f := "limited_discount_skus[" + strconv.Itoa(i) + "]"
		if s.SKUID == "" {
			add(f+".sku_id", "required", "must not be empty")
		} else if seen[s.SKUID] {
			add(f+".sku_id", "duplicate", "SKU listed twice")
		}
		seen[s.SKUID] = true
		if s.SalePrice <= 0 {
			add(f+".sale_price", "range", "must be positive")
		}
		if s.SaleStock <= 0 {
			add(f+".sale_stock", "range", "must be positive")
		}
	}
	return p
}

// CheckFlashSale checks a task before it is sent, reporting every problem
// at once: the task's own fields, a window of at most 24 hours, each SKU's
// flash price against its price in originalFen (sku_id → fen: a price above
// ¥10, a flash price of 1–8.5折 and at least ¥10 below it; an SKU missing
// from originalFen is a problem), and an overlap with another unfinished
// task of the same product in existing (每个商品同一时间只能有一个限时抢购任务:
// a product has one unfinished task at a time, whether it has started or
// not). It is pure: nothing is fetched.
func CheckFlashSale(t FlashSaleTask, originalFen map[ID]int64, existing []FlashSaleInfo) error {
	p := t.problems()
	add := func(f, code, msg string) { p = append(p, vcart.FieldError{Field: f, Code: code, Msg: msg}) }
	if t.EndTime > t.StartTime && time.Duration(t.EndTime-t.StartTime)*time.Second > MaxFlashSaleDuration {
		add("end_time", "range", "a flash sale lasts at most 24 hours")
	}
	for i, s := range t.SKUs {
		f := "limited_discount_skus[" + strconv.Itoa(i) + "].sale_price"
		orig, ok := originalFen[s.SKUID]
		switch {
		case !ok:
			add(f, "unknown_sku", "no price known for sku "+string(s.SKUID))
		case orig <= MinFlashSaleOriginalFen:
			add(f, "original", "the SKU's price must exceed ¥10")
		case s.SalePrice >= orig:
			add(f, "above_original", "must be below the SKU's price")
		default:
			if orig-s.SalePrice < MinFlashSaleReductionFen {
				add(f, "reduction", "must be at least ¥10 below the SKU's price")
			}
			// rate = sale/orig in 1/10000, compared without division.
			if s.SalePrice*10000 > orig*MaxFlashSaleRate || s.SalePrice*10000 < orig*MinFlashSaleRate {
				add(f, "rate", "must be 1–8.5折 of the SKU's price")
			}
		}
	}
	for _, e := range existing {
		if e.ProductID != t.ProductID || e.Status == FlashSaleEnded {
			continue
		}
		add("product_id", "overlap", "product already has unfinished task "+string(e.TaskID))
	}
	return vcart.NewValidationError(p)
}

// Add adds a flash-sale task (添加限时抢购任务) and returns its id. Check it
// first with [CheckFlashSale] when the prices are known; Add checks the
// task's own fields. An add is not retried after an ambiguous failure.
//
// WeChat API: POST /channels/ec/product/limiteddiscounttask/add
func (s *FlashSaleService) Add(ctx context.Context, t *FlashSaleTask) (ID, *Response, error) {
	if t == nil {
		t = &FlashSaleTask{}
	}
	if err := vcart.NewValidationError(t.problems()); err != nil {
		return "", nil, errorf("add flash sale", err)
	}
	var out struct {
		TaskID ID `json:"task_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFlashSaleAdd, body: t}, &out)
	if err != nil {
		return "", resp, errorf("add flash sale", err)
	}
	return out.TaskID, resp, nil
}

// AddChecked adds a task only after [CheckFlashSale] passes against what
// the platform holds: it reads the product's SKU prices (product/get, the
// online version, else the draft) and the shop's unfinished tasks
// (list/get, every page), checks the task, and sends the add only when
// every rule holds; otherwise it returns the *vcart.ValidationError naming
// every problem and nothing is added.
//
// WeChat API: POST /channels/ec/product/limiteddiscounttask/add
func (s *FlashSaleService) AddChecked(ctx context.Context, t *FlashSaleTask) (ID, *Response, error) {
	if t == nil {
		t = &FlashSaleTask{}
	}
	if err := vcart.NewValidationError(t.problems()); err != nil {
		return "", nil, errorf("add flash sale", err)
	}
	d, resp, err := (*ProductService)(s).Get(ctx, t.ProductID, DataBoth)
	if err != nil {
		return "", resp, err
	}
	prices := map[ID]int64{}
	for _, p := range []*Product{d.EditProduct, d.Product} { // the online prices win
		if p == nil {
			continue
		}
		for _, k := range p.SKUs {
			prices[k.SKUID] = k.SalePrice
		}
	}
	var existing []FlashSaleInfo
	for _, st := range []FlashSaleStatus{FlashSalePending, FlashSaleRunning} {
		for task, err := range s.ListIter(ctx, &FlashSaleListOptions{Status: &st, PageSize: 50}) {
			if err != nil {
				return "", nil, err
			}
			existing = append(existing, task)
		}
	}
	if err := CheckFlashSale(*t, prices, existing); err != nil {
		return "", nil, errorf("add flash sale", err)
	}
	return s.Add(ctx, t)
}

// FlashSaleUpdateSKU is one SKU of an update; ProductID is required when
// SKUs change.
type FlashSaleUpdateSKU struct {
	ProductID ID    `json:"product_id"`
	SKUID     ID    `json:"sku_id"`
	SalePrice int64 `json:"sale_price"`
	SaleStock int   `json:"sale_stock"`
}

// FlashSaleUpdate is the body of limiteddiscounttask/update.
type FlashSaleUpdate struct {
	TaskID ID `json:"task_id"`
	// Status is the task's current status, checked by the platform as an
	// optimistic lock (0 pending or 1 running; ended tasks cannot change).
	Status    FlashSaleStatus      `json:"status"`
	StartTime int64                `json:"start_time"`
	EndTime   int64                `json:"end_time"`
	Title     string               `json:"title"`
	SKUs      []FlashSaleUpdateSKU `json:"limited_discount_skus"`
}

// Update changes a pending or running task (更新限时抢购任务) and returns
// its id and title. Setting the same content twice is harmless.
//
// WeChat API: POST /channels/ec/product/limiteddiscounttask/update
func (s *FlashSaleService) Update(ctx context.Context, u *FlashSaleUpdate) (ID, string, *Response, error) {
	if u == nil {
		u = &FlashSaleUpdate{}
	}
	var p []vcart.FieldError
	add := func(f, code, msg string) { p = append(p, vcart.FieldError{Field: f, Code: code, Msg: msg}) }
	if u.TaskID == "" {
		add("task_id", "required", "must not be empty")
	}
	if u.Status != FlashSalePending && u.Status != FlashSaleRunning {
		add("status", "enum", "only pending (0) or running (1) tasks can change")
	}
	if u.EndTime <= u.StartTime || u.StartTime <= 0 {
		add("end_time", "range", "must be after start_time")
	}
	if n := len([]rune(u.Title)); n == 0 || n > 50 {
		add("title", "length", "must be 1..50 characters")
	}
	if len(u.SKUs) == 0 {
		add("limited_discount_skus", "required", "at least one SKU")
	}
	for i, k := range u.SKUs {
		f := "limited_discount_skus[" + strconv.Itoa(i) + "]"
		if k.ProductID == "" || k.SKUID == "" {
			add(f, "required", "product_id and sku_id are required")
		}
		if k.SalePrice <= 0 || k.SaleStock <= 0 {
			add(f, "range", "sale_price and sale_stock must be positive")
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", "", nil, errorf("update flash sale", err)
	}
	var out struct {
		TaskID ID     `json:"task_id"`
		Title  string `json:"title"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFlashSaleUpdate, body: u}, &out)
	if err != nil {
		return "", "", resp, errorf("update flash sale", err)
	}
	return out.TaskID, out.Title, resp, nil
}

func (s *FlashSaleService) taskCall(ctx context.Context, op string, e endpoint, id ID) (*Response, error) {
	if id == "" {
		return nil, errorf(op, vcart.NewValidationError([]vcart.FieldError{{Field: "task_id", Code: "required", Msg: "must not be empty"}}))
	}
	body := struct {
		TaskID ID `json:"task_id"`
	}{id}
	resp, err := s.client.call(ctx, &request{ep: e, body: body}, nil)
	if err != nil {
		return resp, errorf(op, err)
	}
	return resp, nil
}

// Stop ends a task early (停止限时抢购任务); it cannot restart.
//
// WeChat API: POST /channels/ec/product/limiteddiscounttask/stop
func (s *FlashSaleService) Stop(ctx context.Context, taskID ID) (*Response, error) {
	return s.taskCall(ctx, "stop flash sale", epFlashSaleStop, taskID)
}

// Delete deletes an ended task (删除限时抢购任务).
//
// WeChat API: POST /channels/ec/product/limiteddiscounttask/delete
func (s *FlashSaleService) Delete(ctx context.Context, taskID ID) (*Response, error) {
	return s.taskCall(ctx, "delete flash sale", epFlashSaleDelete, taskID)
}

// FlashSaleListOptions filters and pages the task list.
type FlashSaleListOptions struct {
	// Status filters by status; nil lists every status (0 is pending).
	Status *FlashSaleStatus `json:"status,omitempty"`
	// PageSize is 1..50 (0 means 10).
	PageSize int    `json:"page_size"`
	NextKey  string `json:"next_key,omitempty"`
}

// FlashSaleList is a page of tasks.
type FlashSaleList struct {
	Tasks    []FlashSaleInfo `json:"limited_discount_tasks"`
	NextKey  string          `json:"next_key"`
	TotalNum int             `json:"total_num"`
}

// List returns a page of tasks (获取限时抢购任务列表).
//
// WeChat API: POST /channels/ec/product/limiteddiscounttask/list/get
func (s *FlashSaleService) List(ctx context.Context, opts *FlashSaleListOptions) (*FlashSaleList, *Response, error) {
	var o FlashSaleListOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize == 0 {
		o.PageSize = 10
	}
	if o.PageSize < 1 || o.PageSize > 50 {
		return nil, nil, errorf("list flash sales", vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1..50"}}))
	}
	var out FlashSaleList
	resp, err := s.client.call(ctx, &request{ep: epFlashSaleList, body: o}, &out)
	if err != nil {
		return nil, resp, errorf("list flash sales", err)
	}
	return &out, resp, nil
}

// ListIter iterates over every task, page after page.
func (s *FlashSaleService) ListIter(ctx context.Context, opts *FlashSaleListOptions) iter.Seq2[FlashSaleInfo, error] {
	var o FlashSaleListOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, o.NextKey, func(ctx context.Context, key string) ([]FlashSaleInfo, string, error) {
		o.NextKey = key
		l, _, err := s.List(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		return l.Tasks, l.NextKey, nil
	})
}
