package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// flashSaleRoutes returns the flash-sale endpoints (限时抢购).
func flashSaleRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/product/limiteddiscounttask/add", h: (*Server).hFlashAdd},
		{method: http.MethodPost, path: "/channels/ec/product/limiteddiscounttask/update", h: (*Server).hFlashUpdate},
		{method: http.MethodPost, path: "/channels/ec/product/limiteddiscounttask/stop", h: (*Server).hFlashStop},
		{method: http.MethodPost, path: "/channels/ec/product/limiteddiscounttask/delete", h: (*Server).hFlashDelete},
		{method: http.MethodPost, path: "/channels/ec/product/limiteddiscounttask/list/get", h: (*Server).hFlashList},
	}
}

// flashSale is the fake's state of a flash-sale task. Its status follows
// the clock: pending before start, running until end, then ended; stop
// ends it at once.
type flashSale struct {
	id, productID, title string
	created, start, end  int64
	stopped              bool
	skus                 []shopapi.FlashSaleSKU // sale_stock counts down as orders buy
}

func (f *flashSale) status(now int64) shopapi.FlashSaleStatus {
	switch {
	case f.stopped || now > f.end:
		return shopapi.FlashSaleEnded
	case now < f.start:
		return shopapi.FlashSalePending
	}
	return shopapi.FlashSaleRunning
}

func (s *Server) flashSales() *table[flashSale] {
	return tableOf[flashSale](s, "flash_sales", shopapi.CodeFlashSaleNotFound, "flash-sale task not found")
}

// productSKUPrices returns a product's SKU prices (the online version if
// listed, else the draft).
func (s *Server) productSKUPrices(productID string) (map[shopapi.ID]int64, error) {
	p, err := s.lookup(productID)
	if err != nil {
		return nil, err
	}
	v := &p.draft
	if p.online != nil {
		v = p.online
	}
	out := map[shopapi.ID]int64{}
	for _, k := range v.SKUs {
		out[k.SKUID] = k.SalePrice
	}
	return out, nil
}

// checkFlash holds a task to the platform's rules: the product and SKUs
// exist, prices and the window follow the page's rules, and the product
// has no other unfinished task.
func (s *Server) checkFlash(t shopapi.FlashSaleTask, except string) error {
	prices, err := s.productSKUPrices(string(t.ProductID))
	if err != nil {
		return err
	}
	var existing []shopapi.FlashSaleInfo
	now := s.now().Unix()
	fs := s.flashSales()
	for _, id := range fs.ids(nil) {
		f := fs.byID[id]
		if id != except && f.productID == string(t.ProductID) {
			existing = append(existing, shopapi.FlashSaleInfo{TaskID: shopapi.ID(id), ProductID: shopapi.ID(f.productID), Status: f.status(now)})
		}
	}
	if err := shopapi.CheckFlashSale(t, prices, existing); err != nil {
		return apiErr(shopapi.CodeBadParams, err.Error())
	}
	if t.EndTime <= now {
		return apiErr(shopapi.CodeBadParams, "end_time must be in the future")
	}
	return nil
}

func (s *Server) hFlashAdd(c *call) (any, error) {
	var t shopapi.FlashSaleTask
	if err := c.decode(&t); err != nil {
		return nil, err
	}
	if err := s.checkFlash(t, ""); err != nil {
		return nil, err
	}
	now := s.now().Unix()
	if t.StartTime < now-600 {
		return nil, apiErr(shopapi.CodeBadParams, "start_time is in the past (10 minutes tolerated)")
	}
	f := &flashSale{productID: string(t.ProductID), created: now, start: t.StartTime, end: t.EndTime, skus: t.SKUs}
	f.id = s.flashSales().add(s, f)
	return struct {
		TaskID string `json:"task_id"`
	}{f.id}, nil
}

func (s *Server) hFlashUpdate(c *call) (any, error) {
	var u shopapi.FlashSaleUpdate
	if err := c.decode(&u); err != nil {
		return nil, err
	}
	f, err := s.flashSales().get(string(u.TaskID))
	if err != nil {
		return nil, err
	}
	now := s.now().Unix()
	st := f.status(now)
	if st == shopapi.FlashSaleEnded {
		return nil, apiErr(shopapi.CodeBadParams, "an ended task cannot change")
	}
	if u.Status != st {
		return nil, apiErr(shopapi.CodeBadParams, "status "+strconv.Itoa(int(u.Status))+" is not the task's ("+strconv.Itoa(int(st))+")")
	}
	t := shopapi.FlashSaleTask{ProductID: shopapi.ID(f.productID), StartTime: u.StartTime, EndTime: u.EndTime}
	for _, k := range u.SKUs {
		if string(k.ProductID) != f.productID {
			return nil, apiErr(shopapi.CodeBadParams, "sku "+string(k.SKUID)+" is not the task's product's")
		}
		t.SKUs = append(t.SKUs, shopapi.FlashSaleSKU{SKUID: k.SKUID, SalePrice: k.SalePrice, SaleStock: k.SaleStock})
	}
	if err := s.checkFlash(t, f.id); err != nil {
		return nil, err
	}
	f.start, f.end, f.title, f.skus = t.StartTime, t.EndTime, u.Title, t.SKUs
	return struct {
		TaskID string `json:"task_id"`
		Title  string `json:"title"`
	}{f.id, f.title}, nil
}

func (s *Server) flashFor(c *call) (*flashSale, error) {
	var b struct {
		TaskID string `json:"task_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return s.flashSales().get(b.TaskID)
}

func (s *Server) hFlashStop(c *call) (any, error) {
	f, err := s.flashFor(c)
	if err != nil {
		return nil, err
	}
	f.stopped = true // stopping an ended task again changes nothing
	return nil, nil
}

func (s *Server) hFlashDelete(c *call) (any, error) {
	f, err := s.flashFor(c)
	if err != nil {
		return nil, err
	}
	if f.status(s.now().Unix()) != shopapi.FlashSaleEnded {
		return nil, apiErr(shopapi.CodeBadParams, "only an ended task can be deleted")
	}
	return nil, s.flashSales().remove(f.id)
}

func (s *Server) hFlashList(c *call) (any, error) {
	var b struct {
		Status   *shopapi.FlashSaleStatus `json:"status"`
		PageSize int                      `json:"page_size"`
		NextKey  string                   `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.PageSize == 0 {
		b.PageSize = 10
	}
	now := s.now().Unix()
	fs := s.flashSales()
	ids := fs.ids(func(_ string, f *flashSale) bool { return b.Status == nil || f.status(now) == *b.Status })
	page, next, _, err := pageKey(ids, b.NextKey, b.PageSize, 50, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		Tasks    []shopapi.FlashSaleInfo `json:"limited_discount_tasks"`
		NextKey  string                  `json:"next_key"`
		TotalNum int                     `json:"total_num"`
	}{Tasks: []shopapi.FlashSaleInfo{}, NextKey: next, TotalNum: len(ids)}
	for _, id := range page {
		f := fs.byID[id]
		out.Tasks = append(out.Tasks, shopapi.FlashSaleInfo{TaskID: shopapi.ID(id), ProductID: shopapi.ID(f.productID), Status: f.status(now),
			CreateTime: f.created, StartTime: f.start, EndTime: f.end, SKUs: f.skus})
	}
	return out, nil
}

// flashPrice returns the flash price of a SKU in force at the server's
// clock with stock for count items, and takes the stock; s.mu is held.
func (s *Server) flashPrice(productID, skuID string, count int64) (int64, bool) {
	now := s.now().Unix()
	fs := s.flashSales()
	for _, id := range fs.ids(nil) {
		f := fs.byID[id]
		if f.productID != productID || f.status(now) != shopapi.FlashSaleRunning {
			continue
		}
		for i := range f.skus {
			k := &f.skus[i]
			if string(k.SKUID) == skuID && int64(k.SaleStock) >= count {
				k.SaleStock -= int(count)
				return k.SalePrice, true
			}
		}
	}
	return 0, false
}

// FlashPrice returns the flash price in force for a SKU at the server's
// clock (without taking stock), and whether one is.
func (s *Server) FlashPrice(productID, skuID vcart.ID) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peekFlashPrice(string(productID), string(skuID), 1)
}
