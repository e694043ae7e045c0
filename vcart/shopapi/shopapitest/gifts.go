package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// giftRoutes returns the gift endpoints (赠品, 买赠活动).
func giftRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/product/gift/add", h: (*Server).hGiftAdd},
		{method: http.MethodPost, path: "/channels/ec/product/gift/update", h: (*Server).hGiftUpdate},
		{method: http.MethodPost, path: "/channels/ec/product/gift/get", h: (*Server).hGiftGet},
		{method: http.MethodPost, path: "/channels/ec/product/gift/list/get", h: (*Server).hGiftList},
		{method: http.MethodPost, path: "/channels/ec/product/gift/onsale/set", h: (*Server).hGiftFromProduct},
		{method: http.MethodPost, path: "/channels/ec/product/gift/stock/update", h: (*Server).hGiftStock},
		{method: http.MethodPost, path: "/channels/ec/product/activity/add", h: (*Server).hGiftActivityAdd},
		{method: http.MethodPost, path: "/channels/ec/product/activity/stop", h: (*Server).hGiftActivityStop},
		{method: http.MethodPost, path: "/channels/ec/product/activity/del", h: (*Server).hGiftActivityDel},
	}
}

// giftStatusOnSale is the status the fake gives a gift (上架, as product
// status 5).
const giftStatusOnSale = 5

// gift is a non-sale gift product.
type gift struct {
	p      shopapi.GiftProduct // SKUs carry ids; StockNum and StockDiff are cleared
	stock  map[shopapi.ID]int
	status int
}

// giftActivity is a buy-to-get-gift activity.
type giftActivity struct {
	a       shopapi.GiftActivity
	stopped bool
	given   map[string]int // sets given per buyer
	sets    int            // sets given in all
}

func (s *Server) gifts() *table[gift] {
	return tableOf[gift](s, "gifts", shopapi.CodeProductNotFound, "gift not exist")
}

func (s *Server) giftActivities() *table[giftActivity] {
	return tableOf[giftActivity](s, "gift_activities", shopapi.CodeBadParams, "gift activity not found")
}

func applyStock(stock map[shopapi.ID]int, sku shopapi.ID, d shopapi.StockDiffType, n int) error {
	cur, ok := stock[sku]
	if !ok {
		return apiErr(shopapi.CodeSKUIDWrong, "sku_id wrong")
	}
	switch d {
	case shopapi.StockAdd:
		cur += n
	case shopapi.StockSubtract:
		if n > cur {
			return apiErr(shopapi.CodeStockUpdateRejected, "insufficient stock")
		}
		cur -= n
	case shopapi.StockSet:
		cur = n
	default:
		return apiErr(shopapi.CodeBadParams, "invalid diff_type")
	}
	stock[sku] = cur
	return nil
}

func (s *Server) hGiftAdd(c *call) (any, error) {
	var g shopapi.GiftProduct
	if err := c.decode(&g); err != nil {
		return nil, err
	}
	if g.Title == "" || len(g.HeadImgs) == 0 || len(g.SKUs) == 0 || len(g.CatsV2) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "title, head_imgs, cats_v2 and skus are required")
	}
	st := &gift{stock: map[shopapi.ID]int{}, status: giftStatusOnSale}
	for i := range g.SKUs {
		k := &g.SKUs[i]
		k.SKUID = shopapi.ID(s.newID())
		if k.StockNum != nil {
			st.stock[k.SKUID] = *k.StockNum
		} else {
			st.stock[k.SKUID] = 0
		}
		k.StockNum, k.StockDiff = nil, nil
	}
	id := s.gifts().add(s, st)
	g.ProductID = shopapi.ID(id)
	st.p = g
	return struct {
		Data shopapi.GiftChange `json:"data"`
	}{shopapi.GiftChange{ProductID: g.ProductID, CreateTime: s.stamp()}}, nil
}

func (s *Server) hGiftUpdate(c *call) (any, error) {
	var g shopapi.GiftProduct
	if err := c.decode(&g); err != nil {
		return nil, err
	}
	st, err := s.gifts().get(string(g.ProductID))
	if err != nil {
		return nil, err
	}
	stock := map[shopapi.ID]int{}
	for k, v := range st.stock {
		stock[k] = v
	}
	for i := range g.SKUs { // all or nothing: work on a copy of the stock
		k := &g.SKUs[i]
		if _, ok := stock[k.SKUID]; !ok {
			return nil, apiErr(shopapi.CodeSKUIDWrong, "sku_id wrong")
		}
		if d := k.StockDiff; d != nil {
			if err := applyStock(stock, k.SKUID, d.DiffType, d.Num); err != nil {
				return nil, err
			}
		}
		k.StockNum, k.StockDiff = nil, nil
	}
	st.p, st.stock = g, stock
	return struct {
		Data shopapi.GiftChange `json:"data"`
	}{shopapi.GiftChange{ProductID: g.ProductID, UpdateTime: s.stamp()}}, nil
}

func (s *Server) hGiftGet(c *call) (any, error) {
	var b struct {
		ProductID string `json:"product_id"`
		DataType  int    `json:"data_type"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	st, err := s.gifts().get(b.ProductID)
	if err != nil {
		return nil, err
	}
	return struct {
		Product shopapi.GiftProduct `json:"product"`
	}{st.p}, nil
}

func (s *Server) hGiftList(c *call) (any, error) {
	var b struct {
		Status   int    `json:"status"`
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids := s.gifts().ids(func(_ string, g *gift) bool { return b.Status == 0 || g.status == b.Status })
	page, next, _, err := pageKey(ids, b.NextKey, b.PageSize, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	return struct {
		ProductIDs []string `json:"product_ids"`
		NextKey    string   `json:"next_key"`
		TotalNum   int      `json:"total_num"`
	}{append([]string{}, page...), next, len(ids)}, nil
}

func (s *Server) hGiftFromProduct(c *call) (any, error) {
	var b struct {
		ProductID string                 `json:"product_id"`
		SKUs      []shopapi.GiftSKUStock `json:"skus"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	p, err := s.lookup(b.ProductID)
	if err != nil {
		return nil, err
	}
	if len(b.SKUs) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "skus are required")
	}
	src := &p.draft
	if p.online != nil {
		src = p.online
	}
	prices := map[shopapi.ID]int64{}
	for _, k := range src.SKUs {
		prices[k.SKUID] = k.SalePrice
	}
	for _, k := range b.SKUs { // check everything before moving any stock
		if _, ok := prices[k.SKUID]; !ok {
			return nil, apiErr(shopapi.CodeSKUIDWrong, "sku_id wrong")
		}
		if k.StockNum <= 0 || int64(k.StockNum) > p.stock[string(k.SKUID)] {
			return nil, apiErr(shopapi.CodeStockUpdateRejected, "insufficient stock")
		}
	}
	g := shopapi.GiftProduct{Title: src.Title, HeadImgs: src.HeadImgs, CatsV2: src.CatsV2}
	st := &gift{stock: map[shopapi.ID]int{}, status: giftStatusOnSale}
	out := shopapi.GiftFromProduct{SrcProductID: shopapi.ID(b.ProductID)}
	for _, k := range b.SKUs {
		p.stock[string(k.SKUID)] -= int64(k.StockNum)
		gid := shopapi.ID(s.newID())
		g.SKUs = append(g.SKUs, shopapi.GiftSKU{SKUID: gid, SalePrice: prices[k.SKUID]})
		st.stock[gid] = k.StockNum
		out.SKUMappings = append(out.SKUMappings, shopapi.GiftSKUMapping{SrcSKUID: k.SKUID, GiftSKUID: gid})
	}
	id := s.gifts().add(s, st)
	g.ProductID = shopapi.ID(id)
	st.p = g
	out.GiftProductID = g.ProductID
	return struct {
		Data shopapi.GiftFromProduct `json:"data"`
	}{out}, nil
}

func (s *Server) hGiftStock(c *call) (any, error) {
	var b struct {
		ProductID string                `json:"product_id"`
		SKUID     shopapi.ID            `json:"sku_id"`
		DiffType  shopapi.StockDiffType `json:"diff_type"`
		Num       int                   `json:"num"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	st, err := s.gifts().get(b.ProductID)
	if err != nil {
		return nil, err
	}
	return nil, applyStock(st.stock, b.SKUID, b.DiffType, b.Num)
}

// GiftStock returns a gift SKU's stock.
func (s *Server) GiftStock(productID, skuID vcart.ID) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.gifts().byID[string(productID)]
	if !ok {
		return 0, false
	}
	n, ok := g.stock[skuID]
	return n, ok
}

func (s *Server) hGiftActivityAdd(c *call) (any, error) {
	var b struct {
		GiftActivity shopapi.GiftActivity `json:"gift_activity"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	a := b.GiftActivity
	now := s.now().Unix()
	switch {
	case a.Title == "" || len(a.Detail.MainProducts) == 0 || len(a.Detail.GiftSet.GiftItems) == 0:
		return nil, apiErr(shopapi.CodeBadParams, "title, main_products and gift_items are required")
	case int64(a.StartTime) < now-600 || int64(a.StartTime) > now+30*86400:
		return nil, apiErr(shopapi.CodeBadParams, "start_time must be now to 30 days ahead")
	case int64(a.EndTime-a.StartTime) < 600 || int64(a.EndTime-a.StartTime) > 30*86400:
		return nil, apiErr(shopapi.CodeBadParams, "an activity lasts 10 minutes to 30 days")
	}
	for _, m := range a.Detail.MainProducts {
		if _, err := s.lookup(string(m.ProductID)); err != nil {
			return nil, err
		}
	}
	for _, g := range a.Detail.GiftSet.GiftItems {
		if _, err := s.gifts().get(string(g.GiftID)); err != nil {
			return nil, err
		}
	}
	ga := s.giftActivities()
	st := &giftActivity{a: a, given: map[string]int{}}
	id := string(a.ActivityID)
	if id == "" {
		id = ga.add(s, st)
	} else {
		if _, dup := ga.byID[id]; dup {
			return nil, apiErr(shopapi.CodeBadParams, "activity_id exists")
		}
		ga.put(id, st)
	}
	st.a.ActivityID = shopapi.ID(id)
	return struct {
		ActivityID string `json:"activity_id"`
	}{id}, nil
}

func (s *Server) activityFor(c *call) (*giftActivity, error) {
	var b struct {
		ActivityID string `json:"activity_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return s.giftActivities().get(b.ActivityID)
}

func (s *Server) hGiftActivityStop(c *call) (any, error) {
	a, err := s.activityFor(c)
	if err != nil {
		return nil, err
	}
	a.stopped = true
	return nil, nil
}

func (s *Server) hGiftActivityDel(c *call) (any, error) {
	a, err := s.activityFor(c)
	if err != nil {
		return nil, err
	}
	return nil, s.giftActivities().remove(string(a.a.ActivityID))
}

// giveGifts gives, for an order of buyer, one gift set per purchased unit
// of each main product of every running activity, within the activity's
// sets, the buyer's limit and the gifts' stock (taken); s.mu is held. It
// returns the sets given per activity.
func (s *Server) giveGifts(buyer string, lines []OrderLine) map[string]int {
	now := s.now().Unix()
	out := map[string]int{}
	ga := s.giftActivities()
	for _, id := range ga.ids(nil) {
		a := ga.byID[id]
		if a.stopped || now < int64(a.a.StartTime) || now > int64(a.a.EndTime) {
			continue
		}
		want := 0
		for _, l := range lines {
			for _, m := range a.a.Detail.MainProducts {
				if m.ProductID == l.ProductID {
					want += int(l.Count)
				}
			}
		}
		for ; want > 0; want-- {
			lim := a.a.Detail.ReceiveLimit
			if a.sets >= a.a.Detail.GiftSet.GiftSetNum || (bool(lim.IsLimited) && a.given[buyer] >= lim.LimitNum) || !s.takeGiftSet(a.a.Detail.GiftSet) {
				break
			}
			a.sets++
			a.given[buyer]++
			out[id]++
		}
	}
	return out
}

// takeGiftSet takes one set's gifts from stock, all or none; s.mu is held.
func (s *Server) takeGiftSet(set shopapi.GiftSet) bool {
	type pick struct {
		g   *gift
		sku shopapi.ID
		n   int
	}
	var picks []pick
	for _, it := range set.GiftItems {
		g, ok := s.gifts().byID[string(it.GiftID)]
		if !ok || len(g.p.SKUs) == 0 {
			return false
		}
		sku := g.p.SKUs[0].SKUID
		if g.stock[sku] < it.GiveNum {
			return false
		}
		picks = append(picks, pick{g, sku, it.GiveNum})
	}
	for _, p := range picks {
		p.g.stock[p.sku] -= p.n
	}
	return true
}

// GiftSetsGiven returns how many gift sets an activity has given.
func (s *Server) GiftSetsGiven(activityID vcart.ID) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.giftActivities().byID[string(activityID)]; ok {
		return a.sets
	}
	return 0
}
