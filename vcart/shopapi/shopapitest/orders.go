package shopapitest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// orderRoutes returns the order endpoints.
func orderRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/order/list/get", h: (*Server).hOrderList},
		{method: http.MethodPost, path: "/channels/ec/order/get", h: (*Server).hOrderGet},
		{method: http.MethodPost, path: "/channels/ec/order/search", h: (*Server).hOrderSearch},
		{method: http.MethodPost, path: "/channels/ec/order/price/update", h: (*Server).hOrderPrice},
		{method: http.MethodPost, path: "/channels/ec/order/merchantnotes/update", h: (*Server).hOrderNotes},
		{method: http.MethodPost, path: "/channels/ec/order/address/update", h: (*Server).hOrderAddress},
		{method: http.MethodPost, path: "/channels/ec/order/addressmodify/accept", h: (*Server).hAddressAccept},
		{method: http.MethodPost, path: "/channels/ec/order/addressmodify/reject", h: (*Server).hAddressReject},
	}
}

// Limits the fake enforces on orders (channels-api §1.7, §3.1).
const (
	maxOrderSpan      = 7 * 24 * 3600 // seconds
	maxOrderPageSize  = 100
	maxPriceChanges   = 50
	maxAddressChanges = 5
)

// orderRec is the compact record of one order. Orders seeded in bulk
// ([Server.SeedOrders]) carry no detail: it is synthesised from the id on
// order/get, so 100,000 orders take a few megabytes.
type orderRec struct {
	id      uint64
	created int64 // unix seconds
	updated int64
	status  uint8
	d       *orderDetail
}

// orderLine is one product line.
type orderLine struct {
	productID, skuID, title, skuCode string
	count, unitFen, lineFen          int64 // lineFen: after price changes
	origLineFen                      int64
	shipped, onAftersale, refunded   int64
}

type shipItem struct {
	productID, skuID string
	cnt              int64
}

type pkg struct {
	deliveryID, waybillID string
	deliverType           int
	at                    int64
	items                 []shipItem
}

// orderDetail is the mutable part of a lifecycle order.
type orderDetail struct {
	openid                       string
	lines                        []orderLine
	freight, origFreight         int64
	virtual                      bool
	payTime                      int64
	prepayID, transactionID      string
	addr                         shopapi.AddressInfo
	addrChanges                  int
	pendingAddr                  *shopapi.AddressInfo
	pkgs                         []pkg
	shipDone                     int64
	merchantNotes, customerNotes string
	priceChanges                 int
	changedFreight               bool
	confirmTime                  int64
	settleTime                   int64
	predictFee, commissionFee    int64
	talentCommission             int64
	aftersales                   []string
	cancelType                   int
}

func (d *orderDetail) productPrice() (orig, now int64) {
	for _, l := range d.lines {
		orig += l.origLineFen
		now += l.lineFen
	}
	return orig, now
}

func (d *orderDetail) orderPrice() int64 {
	_, now := d.productPrice()
	return now + d.freight
}

// orderStore is the per-server order state.
type orderStore struct {
	recs []orderRec       // sorted by created
	idx  map[uint64]int32 // id → position in recs
	as   map[string]*aftersale
	asBy []string // after-sale ids in creation order
	cps  map[string]*complaint
	fund *funds
	wb   uint64
}

func newOrderStore() *orderStore {
	return &orderStore{idx: make(map[uint64]int32), as: make(map[string]*aftersale), cps: make(map[string]*complaint), fund: &funds{}}
}

func (s *Server) orders() *orderStore { return stateOf(s, "orders", newOrderStore) }

// insert adds r keeping recs sorted by create time.
func (st *orderStore) insert(r orderRec) {
	n := len(st.recs)
	if n == 0 || st.recs[n-1].created <= r.created {
		st.recs = append(st.recs, r)
		st.idx[r.id] = int32(n)
		return
	}
	i, _ := slices.BinarySearchFunc(st.recs, r.created, func(x orderRec, t int64) int {
		if x.created <= t {
			return -1
		}
		return 1
	})
	st.recs = slices.Insert(st.recs, i, r)
	for j := i; j < len(st.recs); j++ {
		st.idx[st.recs[j].id] = int32(j)
	}
}

func (st *orderStore) get(id string) (*orderRec, bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return nil, false
	}
	i, ok := st.idx[n]
	if !ok {
		return nil, false
	}
	return &st.recs[i], true
}

// detail returns r's detail, materialising a bulk order's on first write.
func (st *orderStore) detail(r *orderRec) *orderDetail {
	if r.d == nil {
		r.d = bulkDetail(r)
	}
	return r.d
}

func bulkDetail(r *orderRec) *orderDetail {
	price := 1000 + int64(r.id%100)*10
	d := &orderDetail{
		openid: "o-bulk-buyer",
		lines: []orderLine{{productID: "10000000000000001", skuID: "10000000000000002", title: "批量测试商品",
			count: 1, unitFen: price, lineFen: price, origLineFen: price}},
		addr: defaultAddress(),
	}
	if shopapi.OrderStatus(r.status).IsPaid() {
		d.payTime = r.created + 60
		d.transactionID = "4200000000" + strconv.FormatUint(r.id%1e10, 10)
	}
	return d
}

func defaultAddress() shopapi.AddressInfo {
	return shopapi.AddressInfo{UserName: "张三", PostalCode: "510000", ProvinceName: "广东省", CityName: "广州市",
		CountyName: "海珠区", DetailInfo: "新港中路397号", TelNumber: "13800000000", NationalCode: "440105"}
}

func orderNotFound() error {
	return apiErr(shopapi.CodeOrderNotFound, "order not exist, please check order_id and access_token")
}

// orderOf returns the order store and the order id names, or errcode
// 100002.
func (s *Server) orderOf(id string) (*orderStore, *orderRec, error) {
	st := s.orders()
	r, ok := st.get(id)
	if !ok {
		return nil, nil, orderNotFound()
	}
	return st, r, nil
}

// decodeOrder decodes the body into b and returns the order named by its
// order_id field, which id points to.
func (s *Server) decodeOrder(c *call, b any, id *string) (*orderStore, *orderRec, error) {
	if err := c.decode(b); err != nil {
		return nil, nil, err
	}
	return s.orderOf(*id)
}

type rangeBody struct {
	StartTime *int64 `json:"start_time"`
	EndTime   *int64 `json:"end_time"`
}

func (r *rangeBody) bounds(maxSpan int64) (int64, int64, error) {
	if r.StartTime == nil || r.EndTime == nil {
		return 0, 0, apiErr(shopapi.CodeBadParams, "start_time and end_time are required")
	}
	s, e := *r.StartTime, *r.EndTime
	if e < s {
		return 0, 0, apiErr(shopapi.CodeBadParams, "end_time before start_time")
	}
	if e-s > maxSpan {
		return 0, 0, apiErr(shopapi.CodeTimeRangeTooLong, "time range too long")
	}
	return s, e, nil
}

func parseKey(k string) (int, error) {
	if k == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimPrefix(k, "k"))
	if err != nil || n < 0 || !strings.HasPrefix(k, "k") {
		return 0, apiErr(shopapi.CodeBadParams, "invalid next_key")
	}
	return n, nil
}

func makeKey(pos int) string { return "k" + strconv.Itoa(pos) }

type idPage struct {
	OrderIDList []string `json:"order_id_list"`
	NextKey     string   `json:"next_key"`
	HasMore     bool     `json:"has_more"`
}

// page scans recs from pos (and from lo when the create range allows a
// binary search) and returns up to size matching ids, with the position
// of the next match as the cursor.
func (st *orderStore) page(pos, size int, lo int, stop func(*orderRec) bool, match func(*orderRec) bool) idPage {
	out := idPage{OrderIDList: make([]string, 0, min(size, 16))}
	i := max(pos, lo)
	for ; i < len(st.recs); i++ {
		r := &st.recs[i]
		if stop != nil && stop(r) {
			break
		}
		if !match(r) {
			continue
		}
		if len(out.OrderIDList) == size {
			out.HasMore, out.NextKey = true, makeKey(i)
			break
		}
		out.OrderIDList = append(out.OrderIDList, strconv.FormatUint(r.id, 10))
	}
	return out
}

func (s *Server) hOrderList(c *call) (any, error) {
	var b struct {
		CreateTimeRange *rangeBody `json:"create_time_range"`
		UpdateTimeRange *rangeBody `json:"update_time_range"`
		Status          *int       `json:"status"`
		OpenID          string     `json:"openid"`
		PageSize        int        `json:"page_size"`
		NextKey         string     `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.CreateTimeRange == nil && b.UpdateTimeRange == nil {
		return nil, apiErr(shopapi.CodeBadParams, "create_time_range or update_time_range is required")
	}
	if b.PageSize < 1 || b.PageSize > maxOrderPageSize {
		return nil, apiErr(shopapi.CodeBadParams, "page_size must be 1..100")
	}
	var cs, ce, us, ue int64
	var err error
	if b.CreateTimeRange != nil {
		if cs, ce, err = b.CreateTimeRange.bounds(maxOrderSpan); err != nil {
			return nil, err
		}
	}
	if b.UpdateTimeRange != nil {
		if us, ue, err = b.UpdateTimeRange.bounds(maxOrderSpan); err != nil {
			return nil, err
		}
	}
	pos, err := parseKey(b.NextKey)
	if err != nil {
		return nil, err
	}
	st := s.orders()
	lo := 0
	var stop func(*orderRec) bool
	if b.CreateTimeRange != nil {
		lo, _ = slices.BinarySearchFunc(st.recs, cs, func(x orderRec, t int64) int {
			if x.created < t {
				return -1
			}
			return 1
		})
		stop = func(r *orderRec) bool { return r.created >= ce }
	}
	p := st.page(pos, b.PageSize, lo, stop, func(r *orderRec) bool {
		if b.UpdateTimeRange != nil && (r.updated < us || r.updated >= ue) {
			return false
		}
		if b.Status != nil && int(r.status) != *b.Status {
			return false
		}
		if b.OpenID != "" && st.openid(r) != b.OpenID {
			return false
		}
		return true
	})
	return p, nil
}

func (st *orderStore) openid(r *orderRec) string {
	if r.d == nil {
		return "o-bulk-buyer"
	}
	return r.d.openid
}

func (s *Server) hOrderGet(c *call) (any, error) {
	var b struct {
		OrderID string `json:"order_id"`
	}
	st, r, err := s.decodeOrder(c, &b, &b.OrderID)
	if err != nil {
		return nil, err
	}
	// A plain object: the client's Order keeps unknown keys (Extra), so its
	// type would claim every key of the example as modelled; the fake is
	// held to the example's key set.
	v, err := plainObject(st.view(r))
	if err != nil {
		return nil, err
	}
	return map[string]any{"order": v}, nil
}

// view renders the order as order/get returns it.
func (st *orderStore) view(r *orderRec) *shopapi.Order {
	d := r.d
	if d == nil {
		d = bulkDetail(r)
	}
	id := strconv.FormatUint(r.id, 10)
	o := &shopapi.Order{OrderID: shopapi.ID(id), Status: shopapi.OrderStatus(r.status),
		CreateTime: shopapi.Int64(r.created), UpdateTime: shopapi.Int64(r.updated), OpenID: d.openid}
	orig, now := d.productPrice()
	for _, l := range d.lines {
		o.Detail.ProductInfos = append(o.Detail.ProductInfos, shopapi.OrderProduct{
			ProductID: shopapi.ID(l.productID), SKUID: shopapi.ID(l.skuID), SKUCnt: shopapi.Int64(l.count),
			SalePrice: shopapi.Int64(l.unitFen), RealPrice: shopapi.Int64(l.lineFen), Title: l.title, SKUCode: l.skuCode,
			OnAftersaleSKUCnt: shopapi.Int64(l.onAftersale), FinishAftersaleSKUCnt: shopapi.Int64(l.refunded),
			IsChangePrice: shopapi.Bool(l.lineFen != l.origLineFen), ChangePrice: shopapi.Int64(l.lineFen),
		})
	}
	pi := shopapi.OrderPriceInfo{ProductPrice: shopapi.Int64(orig), OrderPrice: shopapi.Int64(now + d.freight),
		Freight: shopapi.Int64(d.freight), OriginalOrderPrice: shopapi.Int64(orig + d.origFreight),
		ChangeDownPrice: shopapi.Int64(orig - now + d.origFreight - d.freight), IsChangeFreight: shopapi.Bool(d.changedFreight),
		ChangeFreight: shopapi.Int64(d.origFreight - d.freight)}
	pi.MerchantReceivePrice = pi.OriginalOrderPrice - pi.DiscountedPrice - pi.DeductionPrice - pi.ChangeDownPrice
	o.Detail.PriceInfo = pi
	if d.payTime != 0 {
		o.Detail.PayInfo = &shopapi.OrderPayInfo{PrepayID: d.prepayID, PrepayTime: shopapi.Int64(d.payTime - 30),
			PayTime: shopapi.Int64(d.payTime), TransactionID: d.transactionID, PaymentMethod: shopapi.PaymentWeChatPay}
	}
	addr := d.addr
	di := &shopapi.OrderDeliveryInfo{AddressInfo: &addr, ShipDoneTime: shopapi.Int64(d.shipDone),
		AddressUnderReview: &shopapi.AddressReview{UnderReview: d.pendingAddr != nil}}
	if d.virtual {
		di.DeliverMethod = 1
	}
	for _, p := range d.pkgs {
		dp := shopapi.DeliveryProductInfo{WaybillID: p.waybillID, DeliveryID: p.deliveryID,
			DeliveryName: companyName(p.deliveryID), DeliveryTime: shopapi.Int64(p.at), DeliverType: shopapi.DeliverType(p.deliverType)}
		for _, it := range p.items {
			dp.ProductInfos = append(dp.ProductInfos, shopapi.DeliveryProduct{ProductID: shopapi.ID(it.productID),
				SKUID: shopapi.ID(it.skuID), ProductCnt: shopapi.Int64(it.cnt)})
		}
		di.DeliveryProductInfo = append(di.DeliveryProductInfo, dp)
	}
	o.Detail.DeliveryInfo = di
	o.Detail.ExtInfo = &shopapi.OrderExtInfo{CustomerNotes: d.customerNotes, MerchantNotes: d.merchantNotes,
		ConfirmReceiptTime: shopapi.Int64(d.confirmTime), OrderScene: 3}
	if d.payTime != 0 {
		o.Detail.SettleInfo = &shopapi.OrderSettleInfo{PredictCommissionFee: shopapi.Int64(d.predictFee),
			CommissionFee: shopapi.Int64(d.commissionFee), SettleTime: shopapi.Int64(d.settleTime)}
	}
	if d.talentCommission > 0 && len(d.lines) > 0 {
		status := shopapi.Int64(1)
		if d.settleTime != 0 {
			status = 2
		}
		o.Detail.CommissionInfos = []shopapi.OrderCommission{{SKUID: shopapi.ID(d.lines[0].skuID), Nickname: "测试达人",
			Type: 0, Status: status, Amount: shopapi.Int64(d.talentCommission), FinderID: "sphfake0001"}}
	}
	if len(d.aftersales) > 0 {
		ad := &shopapi.OrderAftersaleDetail{}
		for _, aid := range d.aftersales {
			a := st.as[aid]
			if !a.status.IsFinal() {
				ad.OnAftersaleOrderCnt++
			}
			ad.AftersaleOrderList = append(ad.AftersaleOrderList, shopapi.OrderAftersaleRef{AftersaleOrderID: shopapi.ID(aid),
				Status: shopapi.Int64(aftersaleStatusCode(a.status))})
		}
		o.AftersaleDetail = ad
	}
	return o
}

func (s *Server) hOrderSearch(c *call) (any, error) {
	var b struct {
		Cond struct {
			Title          string `json:"title"`
			SKUCode        string `json:"sku_code"`
			UserName       string `json:"user_name"`
			TelNumber      string `json:"tel_number"`
			TelNumberLast4 string `json:"tel_number_last4"`
			OrderID        string `json:"order_id"`
			MerchantNotes  string `json:"merchant_notes"`
			CustomerNotes  string `json:"customer_notes"`
			AddressReview  *bool  `json:"address_under_review"`
		} `json:"search_condition"`
		OnAftersale *int   `json:"on_aftersale_order_exist"`
		Status      *int   `json:"status"`
		PageSize    int    `json:"page_size"`
		NextKey     string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.PageSize < 1 || b.PageSize > maxOrderPageSize {
		return nil, apiErr(shopapi.CodeBadParams, "page_size must be 1..100")
	}
	pos, err := parseKey(b.NextKey)
	if err != nil {
		return nil, err
	}
	st := s.orders()
	k := b.Cond
	return st.page(pos, b.PageSize, 0, nil, func(r *orderRec) bool {
		if b.Status != nil && int(r.status) != *b.Status {
			return false
		}
		if k.OrderID != "" && strconv.FormatUint(r.id, 10) != k.OrderID {
			return false
		}
		d := r.d
		if d == nil {
			if k.Title != "" || k.SKUCode != "" || k.UserName != "" || k.TelNumber != "" || k.TelNumberLast4 != "" ||
				k.MerchantNotes != "" || k.CustomerNotes != "" || (k.AddressReview != nil && *k.AddressReview) ||
				(b.OnAftersale != nil && *b.OnAftersale == 1) {
				d = bulkDetail(r)
			} else {
				return true
			}
		}
		if k.Title != "" && !slices.ContainsFunc(d.lines, func(l orderLine) bool { return strings.Contains(l.title, k.Title) }) {
			return false
		}
		if k.SKUCode != "" && !slices.ContainsFunc(d.lines, func(l orderLine) bool { return l.skuCode == k.SKUCode }) {
			return false
		}
		if k.UserName != "" && d.addr.UserName != k.UserName ||
			k.TelNumber != "" && d.addr.TelNumber != k.TelNumber ||
			k.TelNumberLast4 != "" && !strings.HasSuffix(d.addr.TelNumber, k.TelNumberLast4) ||
			k.MerchantNotes != "" && !strings.Contains(d.merchantNotes, k.MerchantNotes) ||
			k.CustomerNotes != "" && !strings.Contains(d.customerNotes, k.CustomerNotes) ||
			k.AddressReview != nil && *k.AddressReview != (d.pendingAddr != nil) {
			return false
		}
		if b.OnAftersale != nil {
			open := slices.ContainsFunc(d.aftersales, func(id string) bool { return !st.as[id].status.IsFinal() })
			if open != (*b.OnAftersale == 1) {
				return false
			}
		}
		return true
	}), nil
}

func (s *Server) hOrderPrice(c *call) (any, error) {
	var b struct {
		OrderID       string `json:"order_id"`
		ChangeExpress bool   `json:"change_express"`
		ExpressFee    int64  `json:"express_fee"`
		Changes       []struct {
			ProductID   string `json:"product_id"`
			SKUID       string `json:"sku_id"`
			ChangePrice int64  `json:"change_price"`
		} `json:"change_order_infos"`
	}
	st, r, err := s.decodeOrder(c, &b, &b.OrderID)
	if err != nil {
		return nil, err
	}
	if shopapi.OrderStatus(r.status) != shopapi.OrderUnpaid {
		return nil, apiErr(shopapi.CodeOrderStatusForbids, "order status is not unpaid")
	}
	d := st.detail(r)
	if d.priceChanges >= maxPriceChanges {
		return nil, apiErr(shopapi.CodePriceChangedTooOften, "price changed too many times")
	}
	// Validate everything before applying anything.
	next := slices.Clone(d.lines)
	for _, ch := range b.Changes {
		i := slices.IndexFunc(next, func(l orderLine) bool { return l.productID == ch.ProductID && l.skuID == ch.SKUID })
		if i < 0 {
			return nil, apiErr(shopapi.CodeWrongProductOrSKU, "product_id or sku_id not in order")
		}
		if ch.ChangePrice > next[i].origLineFen {
			return nil, apiErr(shopapi.CodePriceAboveOriginal, "change_price exceeds the original price")
		}
		next[i].lineFen = ch.ChangePrice
	}
	freight := d.freight
	if b.ChangeExpress {
		if b.ExpressFee < 0 {
			return nil, apiErr(shopapi.CodeBadParams, "express_fee is negative")
		}
		freight = b.ExpressFee
	}
	var total int64
	for _, l := range next {
		total += l.lineFen
	}
	if total+freight <= 0 {
		return nil, apiErr(shopapi.CodePriceBecomesZero, "order price would become 0")
	}
	d.lines, d.freight = next, freight
	d.changedFreight = d.changedFreight || b.ChangeExpress
	d.priceChanges++
	r.updated = s.now().Unix()
	return nil, nil
}

func (s *Server) hOrderNotes(c *call) (any, error) {
	var b struct {
		OrderID       string `json:"order_id"`
		MerchantNotes string `json:"merchant_notes"`
	}
	st, r, err := s.decodeOrder(c, &b, &b.OrderID)
	if err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(b.MerchantNotes) > shopapi.MaxMerchantNotes {
		return nil, apiErr(shopapi.CodeBadParams, "merchant_notes too long")
	}
	st.detail(r).merchantNotes = b.MerchantNotes
	r.updated = s.now().Unix()
	return nil, nil
}

func (s *Server) hOrderAddress(c *call) (any, error) {
	var b struct {
		OrderID string               `json:"order_id"`
		Addr    *shopapi.AddressInfo `json:"user_address"`
	}
	st, r, err := s.decodeOrder(c, &b, &b.OrderID)
	if err != nil {
		return nil, err
	}
	if shopapi.OrderStatus(r.status) != shopapi.OrderAwaitingShipment {
		return nil, apiErr(shopapi.CodeAddressOnlyAwaitingShip, "only orders awaiting shipment can change address")
	}
	d := st.detail(r)
	if d.addrChanges >= maxAddressChanges {
		return nil, apiErr(shopapi.CodeAddressChangedTooOften, "address changed too many times")
	}
	a := b.Addr
	if a == nil || a.UserName == "" || a.TelNumber == "" || a.ProvinceName == "" || a.CityName == "" || a.CountyName == "" || a.DetailInfo == "" {
		return nil, apiErr(shopapi.CodeAddressInvalid, "user_address invalid")
	}
	d.addr = *a
	d.addrChanges++
	r.updated = s.now().Unix()
	return nil, nil
}

func (s *Server) hAddressAccept(c *call) (any, error) { return s.addressModify(c, true) }
func (s *Server) hAddressReject(c *call) (any, error) { return s.addressModify(c, false) }

func (s *Server) addressModify(c *call, accept bool) (any, error) {
	var b struct {
		OrderID string `json:"order_id"`
	}
	st, r, err := s.decodeOrder(c, &b, &b.OrderID)
	if err != nil {
		return nil, err
	}
	d := st.detail(r)
	if d.pendingAddr == nil {
		return nil, apiErr(shopapi.CodeOrderStatusForbids, "no address change to review")
	}
	if accept {
		d.addr = *d.pendingAddr
		d.addrChanges++
	}
	d.pendingAddr = nil
	r.updated = s.now().Unix()
	return nil, nil
}
