package shopapitest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// headSupplierRoutes returns the head supplier's endpoints (团长 / 联盟带货机构).
//
// The fake serves one head supplier (id [FakeHeadSupplierID]) whose data
// the test seeds: cooperation items with [Server.AddHeadSupplierItem] (the
// shop comes with them), sales with [Server.AddCommissionOrder] (which
// computes the talent commission and the service fee from their ratios,
// credits the fee to the balance and books a funds flow), and a talent's
// authorisation with [Server.AuthorizeWindow] (the talent acts in WeChat,
// outside the API). Adding to a talent's showcase needs that
// authorisation; unknown items and orders answer the pages' errcodes
// 10024003 / 10024006, other bad input 10024000.
func headSupplierRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/funds/balance/get", h: (*Server).hHSBalance},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/funds/flowdetail/get", h: (*Server).hHSFlowDetail},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/funds/flowlist/get", h: (*Server).hHSFlowList},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/item/get", h: (*Server).hHSItemGet},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/item/list/get", h: (*Server).hHSItemList},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/order/get", h: (*Server).hHSOrderGet},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/order/list/get", h: (*Server).hHSOrderList},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/shop/get", h: (*Server).hHSShopGet},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/shop/list/get", h: (*Server).hHSShopList},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/window/add", h: (*Server).hHSWindowAdd},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/window/getall", h: (*Server).hHSWindowAll},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/window/getdetail", h: (*Server).hHSWindowDetail},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/window/remove", h: (*Server).hHSWindowRemove},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/windowauth/get", h: (*Server).hHSAuthGet},
		{method: http.MethodPost, path: "/channels/ec/league/headsupplier/windowauth/status/get", h: (*Server).hHSAuthStatus},
	}
}

// FakeHeadSupplierID is the head_supplier_id of the fake's head supplier.
const FakeHeadSupplierID vcart.ID = "23456"

// Errcodes of the head supplier pages.
const (
	codeHSBadParams     = shopapi.CodeHeadSupplierBadParams
	codeHSBadAppID      = 10024003 // 不合法的appid (item/list/get)
	codeHSOrderNotFound = shopapi.CodeHeadSupplierOrderNotFound
)

// headSupplier is the fake head supplier's state.
type headSupplier struct {
	available, pending int64
	// windows maps a finder id to its showcase's item keys (appid/product).
	windows map[string][]string
	// auth maps a finder id to its window_auth_status (1 once authorised).
	auth map[string]int
}

func (s *Server) headSupplier() *headSupplier {
	return stateOf(s, "headsupplier", func() *headSupplier {
		return &headSupplier{windows: map[string][]string{}, auth: map[string]int{}}
	})
}

func (s *Server) hsShops() *table[shopapi.HeadSupplierShop] {
	return tableOf[shopapi.HeadSupplierShop](s, "headsupplier.shops", codeHSBadAppID, "invalid appid")
}

func (s *Server) hsItems() *table[shopapi.HeadSupplierItem] {
	return tableOf[shopapi.HeadSupplierItem](s, "headsupplier.items", codeHSBadParams, "item not exist")
}

func (s *Server) hsOrders() *table[commissionRec] {
	return tableOf[commissionRec](s, "headsupplier.orders", codeHSOrderNotFound, "commission order not exist")
}

func (s *Server) hsFlows() *table[shopapi.HeadSupplierFundsFlow] {
	return tableOf[shopapi.HeadSupplierFundsFlow](s, "headsupplier.flows", codeHSBadParams, "flow not exist")
}

type commissionRec struct {
	o        shopapi.CommissionOrder
	finderID string
}

func itemKey(appID, productID string) string { return appID + "/" + productID }

// HeadSupplierItem seeds a cooperation item of the fake head supplier.
type HeadSupplierItem struct {
	AppID     string
	ProductID vcart.ID
	Title     string
	// ShopNickname names the shop the first time it appears.
	ShopNickname string
	HeadImg      string
	// CatIDs is the category path (sent as cats and cats_v2).
	CatIDs []vcart.ID
}

// AddHeadSupplierItem adds a cooperation item, and its shop (status 2, as
// in the examples) when new.
func (s *Server) AddHeadSupplierItem(it HeadSupplierItem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.hsShops().get(it.AppID); err != nil {
		s.hsShops().put(it.AppID, &shopapi.HeadSupplierShop{
			BaseInfo: shopapi.HeadSupplierShopBase{AppID: it.AppID, HeadImgURL: "https://example.com/" + it.AppID + ".png", Nickname: it.ShopNickname},
			DataInfo: &shopapi.HeadSupplierShopData{}, Status: 2, ApprovedTime: s.now().Unix(),
		})
	}
	shop, _ := s.hsShops().get(it.AppID)
	shop.DataInfo.ProductNumber++
	item := &shopapi.HeadSupplierItem{AppID: it.AppID, ProductID: it.ProductID}
	item.ProductInfo.Title, item.ProductInfo.HeadImgs = it.Title, []string{it.HeadImg}
	item.ProductInfo.DescInfo.Imgs = []string{it.HeadImg}
	for _, c := range it.CatIDs {
		item.ProductInfo.Cats = append(item.ProductInfo.Cats, shopapi.HeadSupplierCat{CatID: c})
		item.ProductInfo.CatsV2 = append(item.ProductInfo.CatsV2, shopapi.HeadSupplierCat{CatID: c})
	}
	s.hsItems().put(itemKey(it.AppID, string(it.ProductID)), item)
}

// CommissionSale seeds a sale through the head supplier: one SKU of a shop
// order, paid PaidFen, with the ratios in parts per million.
type CommissionSale struct {
	OrderID, SKUID, ProductID vcart.ID
	AppID                     string
	FinderID, FinderNickname  string
	PaidFen                   int64
	TalentRatio, ServiceRatio int64
}

// AddCommissionOrder records a sale as a commission order (status 20),
// computing the amounts with [shopapi.CommissionFen] (half-up), crediting
// the service fee to the available balance with a funds flow (funds_type
// 2, remark 分账, as in the example). The item must have been added.
func (s *Server) AddCommissionOrder(c CommissionSale) (shopapi.CommissionOrder, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	item, err := s.hsItems().get(itemKey(c.AppID, string(c.ProductID)))
	if err != nil {
		return shopapi.CommissionOrder{}, err
	}
	talent, err := shopapi.CommissionFen(c.PaidFen, shopapi.CommissionRatio(c.TalentRatio), vcart.HalfUp)
	if err != nil {
		return shopapi.CommissionOrder{}, err
	}
	service, err := shopapi.CommissionFen(c.PaidFen, shopapi.CommissionRatio(c.ServiceRatio), vcart.HalfUp)
	if err != nil {
		return shopapi.CommissionOrder{}, err
	}
	now := s.now().Unix()
	var o shopapi.CommissionOrder
	o.OrderID, o.SKUID, o.CreateTime, o.UpdateTime, o.Status = c.OrderID, c.SKUID, now, now, 20
	d := &o.OrderDetail
	d.ShopInfo.AppID = c.AppID
	d.ProductInfo.ProductID, d.ProductInfo.Title, d.ProductInfo.ActualPayment = c.ProductID, item.ProductInfo.Title, c.PaidFen
	if len(item.ProductInfo.HeadImgs) > 0 {
		d.ProductInfo.ThumbImg = item.ProductInfo.HeadImgs[0]
	}
	d.OrderInfo.OrderStatus = 20
	ci := &d.CommissionInfo
	ci.FinderInfo.Nickname, ci.FinderInfo.Ratio, ci.FinderInfo.Amount = c.FinderNickname, c.TalentRatio, talent
	ci.ServiceRatio, ci.ServiceAmount = c.ServiceRatio, service
	s.hsOrders().put(itemKey(string(c.OrderID), string(c.SKUID)), &commissionRec{o: o, finderID: c.FinderID})
	hs := s.headSupplier()
	hs.available += service
	flow := &shopapi.HeadSupplierFundsFlow{FundsType: 2, Amount: service, Balance: hs.available,
		BookkeepingTime: s.now().In(vcart.Shanghai()).Format(time.DateTime), Remark: "分账", OrderID: c.OrderID}
	flow.FlowID = shopapi.ID(s.hsFlows().add(s, flow))
	if shop, err := s.hsShops().get(c.AppID); err == nil {
		shop.DataInfo.GMV += c.PaidFen
		shop.DataInfo.SettleAmount += service
	}
	return o, nil
}

// AuthorizeWindow records that a talent authorised the head supplier to
// manage their showcase. The fake answers window_auth_status 1 (the
// example's value) for an authorised talent and 0 before; the page's enum
// was not read.
func (s *Server) AuthorizeWindow(finderID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.headSupplier().auth[finderID] = 1
}

func (s *Server) hHSBalance(*call) (any, error) {
	hs := s.headSupplier()
	return shopapi.HeadSupplierBalance{AvailableAmount: hs.available, PendingAmount: hs.pending}, nil
}

func (s *Server) hHSFlowDetail(c *call) (any, error) {
	var b struct {
		FlowID string `json:"flow_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	f, err := s.hsFlows().get(b.FlowID)
	if err != nil {
		return nil, err
	}
	return struct {
		Flow shopapi.HeadSupplierFundsFlow `json:"funds_flow"`
	}{*f}, nil
}

func (s *Server) hHSFlowList(c *call) (any, error) {
	var b shopapi.HeadSupplierFlowListOptions
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids := s.hsFlows().ids(func(_ string, f *shopapi.HeadSupplierFundsFlow) bool {
		return b.FundsType == nil || *b.FundsType == f.FundsType
	})
	if b.Page > 1 && b.NextKey == "" { // page numbers, when no cursor is given
		b.NextKey = makeKey((b.Page - 1) * b.PageSize)
	}
	page, next, more, err := pageKey(ids, b.NextKey, b.PageSize, 100, codeHSBadParams)
	if err != nil {
		return nil, err
	}
	out := shopapi.HeadSupplierFlowPage{FlowIDs: []shopapi.ID{}, HasMore: more, NextKey: next}
	for _, id := range page {
		out.FlowIDs = append(out.FlowIDs, shopapi.ID(id))
	}
	return out, nil
}

func (s *Server) hHSItemGet(c *call) (any, error) {
	var b struct {
		ProductID shopapi.ID `json:"product_id"`
		AppID     string     `json:"appid"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	it, err := s.hsItems().get(itemKey(b.AppID, string(b.ProductID)))
	if err != nil {
		return nil, err
	}
	return struct {
		Item shopapi.HeadSupplierItem `json:"item"`
	}{*it}, nil
}

func (s *Server) hHSItemList(c *call) (any, error) {
	var b struct {
		AppID    string `json:"appid"`
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.AppID != "" {
		if _, err := s.hsShops().get(b.AppID); err != nil {
			return nil, err
		}
	}
	ids := s.hsItems().ids(func(_ string, it *shopapi.HeadSupplierItem) bool { return b.AppID == "" || it.AppID == b.AppID })
	page, next, more, err := pageKey(ids, b.NextKey, b.PageSize, shopapi.HeadSupplierMaxPage, codeHSBadParams)
	if err != nil {
		return nil, err
	}
	out := shopapi.HeadSupplierItemPage{List: []shopapi.HeadSupplierItemRef{}, HasMore: more, NextKey: next}
	for _, id := range page {
		it := s.hsItems().byID[id]
		out.List = append(out.List, shopapi.HeadSupplierItemRef{AppID: it.AppID, ProductID: it.ProductID})
	}
	return out, nil
}

func (s *Server) hHSOrderGet(c *call) (any, error) {
	var b struct {
		OrderID shopapi.ID `json:"order_id"`
		SKUID   shopapi.ID `json:"sku_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.OrderID == "" || b.SKUID == "" {
		return nil, apiErr(codeHSBadParams, "order_id and sku_id are required")
	}
	r, err := s.hsOrders().get(itemKey(string(b.OrderID), string(b.SKUID)))
	if err != nil {
		return nil, err
	}
	return struct {
		Order shopapi.CommissionOrder `json:"commssion_order"`
	}{r.o}, nil
}

func (s *Server) hHSOrderList(c *call) (any, error) {
	var b struct {
		AppID           string     `json:"appid"`
		FinderID        string     `json:"finder_id"`
		PageSize        int        `json:"page_size"`
		NextKey         string     `json:"next_key"`
		CreateTimeRange *rangeBody `json:"create_time_range"`
		UpdateTimeRange *rangeBody `json:"update_time_range"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	rng, byUpdate := b.CreateTimeRange, false
	if rng == nil {
		rng, byUpdate = b.UpdateTimeRange, true
	}
	if rng == nil {
		return nil, apiErr(codeHSBadParams, "create_time_range or update_time_range is required")
	}
	if rng.StartTime == nil || rng.EndTime == nil || *rng.EndTime < *rng.StartTime {
		return nil, apiErr(codeHSBadParams, "bad time range")
	}
	from, to := *rng.StartTime, *rng.EndTime
	ids := s.hsOrders().ids(func(_ string, r *commissionRec) bool {
		t := r.o.CreateTime
		if byUpdate {
			t = r.o.UpdateTime
		}
		return t >= from && t <= to && (b.AppID == "" || r.o.OrderDetail.ShopInfo.AppID == b.AppID) &&
			(b.FinderID == "" || r.finderID == b.FinderID)
	})
	page, next, more, err := pageKey(ids, b.NextKey, b.PageSize, shopapi.HeadSupplierMaxPage, codeHSBadParams)
	if err != nil {
		return nil, err
	}
	out := shopapi.CommissionOrderPage{List: []shopapi.CommissionOrderRef{}, HasMore: more, NextKey: next}
	for _, id := range page {
		r := s.hsOrders().byID[id]
		out.List = append(out.List, shopapi.CommissionOrderRef{OrderID: r.o.OrderID, SKUID: r.o.SKUID})
	}
	return out, nil
}

func (s *Server) hHSShopGet(c *call) (any, error) {
	var b struct {
		AppID string `json:"appid"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	sh, err := s.hsShops().get(b.AppID)
	if err != nil {
		return nil, err
	}
	v := *sh
	data := *sh.DataInfo
	v.DataInfo = &data
	return struct {
		Shop shopapi.HeadSupplierShop `json:"shop_detail"`
	}{v}, nil
}

func (s *Server) hHSShopList(c *call) (any, error) {
	var b struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	page, next, more, err := pageKey(s.hsShops().ids(nil), b.NextKey, b.PageSize, shopapi.HeadSupplierMaxPage, codeHSBadParams)
	if err != nil {
		return nil, err
	}
	out := shopapi.HeadSupplierShopPage{Shops: []shopapi.HeadSupplierShop{}, HasMore: more, NextKey: next}
	for _, id := range page {
		sh := s.hsShops().byID[id]
		out.Shops = append(out.Shops, shopapi.HeadSupplierShop{BaseInfo: sh.BaseInfo, Status: sh.Status})
	}
	return out, nil
}

func (s *Server) hHSWindowAdd(c *call) (any, error) {
	var b struct {
		FinderID     string     `json:"finder_id"`
		OpenFinderID string     `json:"openfinderid"`
		ProductID    shopapi.ID `json:"product_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	finder := b.FinderID
	if finder == "" {
		finder = b.OpenFinderID
	}
	hs := s.headSupplier()
	if hs.auth[finder] != 1 {
		return nil, apiErr(codeHSBadParams, "the talent has not authorised the showcase")
	}
	// The request names no shop: the product id picks the item.
	keys := s.hsItems().ids(func(_ string, it *shopapi.HeadSupplierItem) bool { return it.ProductID == b.ProductID })
	if len(keys) == 0 {
		return nil, apiErr(codeHSBadParams, "product is not a cooperation item")
	}
	for _, k := range hs.windows[finder] {
		if k == keys[0] {
			return nil, apiErr(codeHSBadParams, "product already in the showcase")
		}
	}
	hs.windows[finder] = append(hs.windows[finder], keys[0])
	return nil, nil
}

type hsWindowReq struct {
	AppID     string     `json:"appid"`
	FinderID  string     `json:"finder_id"`
	ProductID shopapi.ID `json:"product_id"`
}

// windowIndex returns the position of the item in the talent's showcase,
// or errcode 10024000.
func (s *Server) windowIndex(b hsWindowReq) (int, error) {
	k := itemKey(b.AppID, string(b.ProductID))
	for i, w := range s.headSupplier().windows[b.FinderID] {
		if w == k {
			return i, nil
		}
	}
	return 0, apiErr(codeHSBadParams, "product not in the showcase")
}

func (s *Server) hHSWindowAll(c *call) (any, error) {
	var b struct {
		AppID        string `json:"appid"`
		FinderID     string `json:"finder_id"`
		Offset       int    `json:"offset"`
		PageSize     int    `json:"page_size"`
		NeedTotalNum bool   `json:"need_total_num"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	var keys []string
	for _, k := range s.headSupplier().windows[b.FinderID] {
		if it := s.hsItems().byID[k]; b.AppID == "" || it.AppID == b.AppID {
			keys = append(keys, k)
		}
	}
	page, more, err := pageOffset(keys, b.Offset, b.PageSize, 100, codeHSBadParams)
	if err != nil {
		return nil, err
	}
	out := shopapi.WindowProductPage{List: []shopapi.WindowProductRef{}, NextOffset: b.Offset + len(page), HaveMore: more}
	if b.NeedTotalNum {
		out.TotalNum = len(keys)
	}
	for _, k := range page {
		it := s.hsItems().byID[k]
		out.List = append(out.List, shopapi.WindowProductRef{AppID: it.AppID, ProductID: it.ProductID, HeadSupplierID: FakeHeadSupplierID})
	}
	return out, nil
}

func (s *Server) hHSWindowDetail(c *call) (any, error) {
	var b hsWindowReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if _, err := s.windowIndex(b); err != nil {
		return nil, err
	}
	it := s.hsItems().byID[itemKey(b.AppID, string(b.ProductID))]
	return struct {
		Product shopapi.HeadSupplierWindowProduct `json:"product_detail"`
	}{shopapi.HeadSupplierWindowProduct{AppID: it.AppID, ProductID: it.ProductID, ProductInfo: it.ProductInfo}}, nil
}

func (s *Server) hHSWindowRemove(c *call) (any, error) {
	var b hsWindowReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	i, err := s.windowIndex(b)
	if err != nil {
		return nil, err
	}
	w := s.headSupplier().windows[b.FinderID]
	s.headSupplier().windows[b.FinderID] = append(w[:i:i], w[i+1:]...)
	return nil, nil
}

func (s *Server) hHSAuthGet(c *call) (any, error) {
	var b struct {
		FinderID string `json:"finder_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.FinderID == "" {
		return nil, apiErr(codeHSBadParams, "finder_id is required")
	}
	key := strconv.FormatUint(uint64(len(b.FinderID))*7919+uint64(s.now().Unix()%1000), 10)
	return struct {
		Info shopapi.WindowAuthInfo `json:"auth_info"`
	}{shopapi.WindowAuthInfo{
		AuthURL:         "https://channels.weixin.qq.com/miniprogram/live-commerce/auth?authkey=0_" + key,
		AuthWxaUsername: "gh_fakeauth0001", AuthWxaAppID: "wxfakeauth000001",
		AuthWxaPath: "/pages/partner/auth?scene=thirdapp&authkey=0_" + key,
	}}, nil
}

func (s *Server) hHSAuthStatus(c *call) (any, error) {
	var b struct {
		FinderID string `json:"finder_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	st := s.headSupplier().auth[b.FinderID]
	out := shopapi.WindowAuthStatus{Status: st}
	if st == 1 {
		out.OpenFinderID, out.OpenTalentID = "openfinder_"+b.FinderID, "opentalent_"+b.FinderID
	}
	return out, nil
}
