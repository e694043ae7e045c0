package shopapi

import (
	"context"
	"errors"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// OrderService reads and changes orders (订单): list by create or update
// time, get the full order tree, search, change the price, the merchant's
// notes and the delivery address.
type OrderService service

var (
	epOrderList          = ep("/channels/ec/order/list/get")
	epOrderGet           = ep("/channels/ec/order/get")
	epOrderSearch        = ep("/channels/ec/order/search")
	epOrderPrice         = ep("/channels/ec/order/price/update")
	epOrderNotes         = ep("/channels/ec/order/merchantnotes/update")
	epOrderAddress       = ep("/channels/ec/order/address/update")
	epOrderAddressAccept = ep("/channels/ec/order/addressmodify/accept")
	epOrderAddressReject = ep("/channels/ec/order/addressmodify/reject")
)

// OrderListOptions selects orders for [OrderService.List] and
// [OrderService.ListIter]. At least one of CreateTime and UpdateTime is
// required. List sends one page and needs each range within
// [MaxOrderWindow]; ListIter splits a longer range into windows itself.
type OrderListOptions struct {
	// CreateTime and UpdateTime are half-open ranges [Start, End).
	CreateTime *Window
	UpdateTime *Window
	// Status filters by state (nil = every state).
	Status *OrderStatus
	// OpenID filters by buyer.
	OpenID string
	// PageSize is 1..100 (0 means 100).
	PageSize int
	// NextKey is the cursor from the previous page.
	NextKey string
}

// OrderList is one page of order ids.
type OrderList struct {
	OrderIDList []ID   `json:"order_id_list"`
	NextKey     string `json:"next_key"`
	HasMore     Bool   `json:"has_more"`
}

type timeRange struct {
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
}

func rangeOf(w *Window) *timeRange {
	if w == nil {
		return nil
	}
	s, e := w.unix()
	return &timeRange{s, e}
}

func checkWindow(field string, w *Window, max time.Duration, p []vcart.FieldError) []vcart.FieldError {
	if w == nil {
		return p
	}
	switch {
	case w.End.Before(w.Start):
		p = append(p, vcart.FieldError{Field: field, Code: "order", Msg: "end is before start"})
	case w.End.Truncate(time.Second).Sub(w.Start.Truncate(time.Second)) > max:
		p = append(p, vcart.FieldError{Field: field, Code: "range", Msg: "longer than " + max.String() + " (use ListIter, which splits it)"})
	}
	return p
}

func (o *OrderListOptions) validate(splitting bool) error {
	var p []vcart.FieldError
	if o.CreateTime == nil && o.UpdateTime == nil {
		p = append(p, vcart.FieldError{Field: "create_time_range", Code: "required", Msg: "a create or an update time range is required"})
	}
	if !splitting {
		p = checkWindow("create_time_range", o.CreateTime, MaxOrderWindow, p)
		p = checkWindow("update_time_range", o.UpdateTime, MaxOrderWindow, p)
	} else if o.CreateTime != nil && o.UpdateTime != nil {
		// Only one range is split; the other must fit in one call.
		p = checkWindow("update_time_range", o.UpdateTime, MaxOrderWindow, p)
		if o.CreateTime.End.Before(o.CreateTime.Start) {
			p = append(p, vcart.FieldError{Field: "create_time_range", Code: "order", Msg: "end is before start"})
		}
	} else {
		for _, w := range []*Window{o.CreateTime, o.UpdateTime} {
			if w != nil && w.End.Before(w.Start) {
				p = append(p, vcart.FieldError{Field: "time_range", Code: "order", Msg: "end is before start"})
			}
		}
	}
	if o.PageSize < 0 || o.PageSize > 100 {
		p = append(p, vcart.FieldError{Field: "page_size", Code: "range", Msg: "must be 1..100"})
	}
	if o.Status != nil && !o.Status.Valid() {
		p = append(p, vcart.FieldError{Field: "status", Code: "enum", Msg: "not a documented order status"})
	}
	return vcart.NewValidationError(p)
}

// List returns one page of order ids; Response.NextKey is the cursor (""
// on the last page). Each time range must be within 7 days.
//
// WeChat API: POST /channels/ec/order/list/get
func (s *OrderService) List(ctx context.Context, opts *OrderListOptions) (*OrderList, *Response, error) {
	var o OrderListOptions
	if opts != nil {
		o = *opts
	}
	if err := o.validate(false); err != nil {
		return nil, nil, errorf("list orders", err)
	}
	return s.list(ctx, &o)
}

func (s *OrderService) list(ctx context.Context, o *OrderListOptions) (*OrderList, *Response, error) {
	if o.PageSize == 0 {
		o.PageSize = 100
	}
	body := struct {
		CreateTimeRange *timeRange   `json:"create_time_range,omitempty"`
		UpdateTimeRange *timeRange   `json:"update_time_range,omitempty"`
		Status          *OrderStatus `json:"status,omitempty"`
		OpenID          string       `json:"openid,omitempty"`
		PageSize        int          `json:"page_size"`
		NextKey         string       `json:"next_key,omitempty"`
	}{rangeOf(o.CreateTime), rangeOf(o.UpdateTime), o.Status, o.OpenID, o.PageSize, o.NextKey}
	var out OrderList
	resp, err := s.client.call(ctx, &request{ep: epOrderList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list orders", err)
	}
	if !out.HasMore {
		out.NextKey = ""
	}
	resp.NextKey = out.NextKey
	return &out, resp, nil
}

// ListIter iterates over every order id matching opts. A create (or, when
// only it is given, update) range longer than 7 days is split into
// consecutive half-open windows of at most 7 days ([Windows]), so no
// second is asked twice or skipped; the platform's own pagination runs
// inside each window. Memory stays flat: one page is held at a time. It
// stops at the first error, yielded with an empty id. opts.NextKey resumes
// the first window only.
//
// WeChat API: POST /channels/ec/order/list/get
func (s *OrderService) ListIter(ctx context.Context, opts *OrderListOptions) iter.Seq2[ID, error] {
	var o OrderListOptions
	if opts != nil {
		o = *opts
	}
	return func(yield func(ID, error) bool) {
		if err := o.validate(true); err != nil {
			yield("", errorf("list orders", err))
			return
		}
		// Split the create range (or, when only it is given, the update
		// range); the other range, if any, fits in one call.
		splitCreate := o.CreateTime != nil
		full := o.UpdateTime
		if splitCreate {
			full = o.CreateTime
		}
		key := o.NextKey
		for w, err := range Windows(full.Start, full.End, MaxOrderWindow) {
			if err != nil {
				yield("", errorf("list orders", err))
				return
			}
			page := o
			if splitCreate {
				page.CreateTime = &w
			} else {
				page.UpdateTime = &w
			}
			for id, err := range paginate(ctx, key, func(ctx context.Context, k string) ([]ID, string, error) {
				page.NextKey = k
				l, _, err := s.list(ctx, &page)
				if err != nil {
					return nil, "", err
				}
				return l.OrderIDList, l.NextKey, nil
			}) {
				if !yield(id, err) || err != nil {
					return
				}
			}
			key = ""
		}
	}
}

// Get returns the full order tree: lines, pay_info, price_info (fen),
// delivery, after-sale detail and settle_info with the technical service
// fee.
//
// WeChat API: POST /channels/ec/order/get
func (s *OrderService) Get(ctx context.Context, orderID ID) (*Order, *Response, error) {
	if err := requireID("order_id", orderID); err != nil {
		return nil, nil, errorf("get order", err)
	}
	var out struct {
		Order *Order `json:"order"`
	}
	resp, err := s.client.call(ctx, &request{ep: epOrderGet, body: struct {
		OrderID ID `json:"order_id"`
	}{orderID}}, &out)
	if err != nil {
		return nil, resp, errorf("get order "+string(orderID), err)
	}
	if out.Order == nil {
		return nil, resp, errorf("get order "+string(orderID), errors.Join(ErrMalformedResponse, errors.New("no order object")))
	}
	return out.Order, resp, nil
}

// OrderSearchCondition is search_condition: every set field must match.
type OrderSearchCondition struct {
	Title              string `json:"title,omitempty"`
	SKUCode            string `json:"sku_code,omitempty"`
	UserName           string `json:"user_name,omitempty"`
	TelNumber          string `json:"tel_number,omitempty"`
	TelNumberLast4     string `json:"tel_number_last4,omitempty"`
	OrderID            ID     `json:"order_id,omitempty"`
	MerchantNotes      string `json:"merchant_notes,omitempty"`
	CustomerNotes      string `json:"customer_notes,omitempty"`
	AddressUnderReview *bool  `json:"address_under_review,omitempty"`
}

// OrderSearchOptions is the order/search request.
type OrderSearchOptions struct {
	Condition OrderSearchCondition `json:"search_condition"`
	// OnAftersaleOrderExist filters on an open after-sale: nil any, 0 none, 1 some.
	OnAftersaleOrderExist *int         `json:"on_aftersale_order_exist,omitempty"`
	Status                *OrderStatus `json:"status,omitempty"`
	// PageSize is 1..100 (0 means 100).
	PageSize int    `json:"page_size"`
	NextKey  string `json:"next_key,omitempty"`
}

// orderSearchResult is the order/search answer. The page's example puts the
// hits under orders, its field table under order_id_list: both are read.
type orderSearchResult struct {
	OrderList
	Orders []ID `json:"orders"`
}

// Search returns one page of order ids matching the condition.
//
// WeChat API: POST /channels/ec/order/search
func (s *OrderService) Search(ctx context.Context, opts *OrderSearchOptions) (*OrderList, *Response, error) {
	var o OrderSearchOptions
	if opts != nil {
		o = *opts
	}
	p := checkPageSize("page_size", &o.PageSize, nil)
	if t := o.Condition.TelNumberLast4; t != "" && len(t) != 4 {
		p = append(p, vcart.FieldError{Field: "search_condition.tel_number_last4", Code: "format", Msg: "must be 4 digits"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("search orders", err)
	}
	var res orderSearchResult
	resp, err := s.client.call(ctx, &request{ep: epOrderSearch, body: &o}, &res)
	if err != nil {
		return nil, resp, errorf("search orders", err)
	}
	out := res.OrderList
	if len(out.OrderIDList) == 0 {
		out.OrderIDList = res.Orders
	}
	if !out.HasMore {
		out.NextKey = ""
	}
	resp.NextKey = out.NextKey
	return &out, resp, nil
}

// SearchIter iterates over every order id the search matches.
//
// WeChat API: POST /channels/ec/order/search
func (s *OrderService) SearchIter(ctx context.Context, opts *OrderSearchOptions) iter.Seq2[ID, error] {
	var o OrderSearchOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, o.NextKey, func(ctx context.Context, key string) ([]ID, string, error) {
		o.NextKey = key
		l, _, err := s.Search(ctx, &o)
		if err != nil {
			return nil, "", err
		}
		return l.OrderIDList, l.NextKey, nil
	})
}

// PriceChange is one line's new price: ChangePrice is the line's new total
// in fen (not per unit).
type PriceChange struct {
	ProductID   ID    `json:"product_id"`
	SKUID       ID    `json:"sku_id"`
	ChangePrice int64 `json:"change_price"`
}

// PriceUpdateRequest changes an unpaid order's prices (改价).
type PriceUpdateRequest struct {
	OrderID ID `json:"order_id"`
	// ChangeExpress sets the freight to ExpressFee (fen).
	ChangeExpress bool          `json:"change_express"`
	ExpressFee    int64         `json:"express_fee"`
	Changes       []PriceChange `json:"change_order_infos,omitempty"`
}

// UpdatePrice changes an unpaid order's line totals and freight. The values
// are absolute, so a retry sets the same price again; the platform allows
// 50 changes (108022) and only lowers prices (108021), never to 0 (108023).
// Errcode 101100 once the order is paid.
//
// WeChat API: POST /channels/ec/order/price/update
func (s *OrderService) UpdatePrice(ctx context.Context, req *PriceUpdateRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("update order price", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.OrderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if !req.ChangeExpress && len(req.Changes) == 0 {
		p = append(p, vcart.FieldError{Field: "change_order_infos", Code: "required", Msg: "change a line or the freight"})
	}
	if req.ExpressFee < 0 {
		p = append(p, vcart.FieldError{Field: "express_fee", Code: "range", Msg: "must not be negative"})
	}
	for i, c := range req.Changes {
		f := "change_order_infos[" + itoa(i) + "]"
		if c.ProductID == "" || c.SKUID == "" {
			p = append(p, vcart.FieldError{Field: f, Code: "required", Msg: "product_id and sku_id are required"})
		}
		if c.ChangePrice <= 0 {
			p = append(p, vcart.FieldError{Field: f + ".change_price", Code: "range", Msg: "must be positive (fen)"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update order price", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epOrderPrice, body: req}, nil)
	if err != nil {
		return resp, errorf("update order price "+string(req.OrderID), err)
	}
	return resp, nil
}

// MaxMerchantNotes is the longest merchant note, in characters.
const MaxMerchantNotes = 200

// UpdateMerchantNotes replaces the merchant's note (商家备注) on the order.
//
// WeChat API: POST /channels/ec/order/merchantnotes/update
func (s *OrderService) UpdateMerchantNotes(ctx context.Context, orderID ID, notes string) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(orderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if utf8.RuneCountInString(notes) > MaxMerchantNotes {
		p = append(p, vcart.FieldError{Field: "merchant_notes", Code: "length", Msg: "at most 200 characters"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update merchant notes", err)
	}
	body := struct {
		OrderID       ID     `json:"order_id"`
		MerchantNotes string `json:"merchant_notes"`
	}{orderID, notes}
	resp, err := s.client.call(ctx, &request{ep: epOrderNotes, body: body}, nil)
	if err != nil {
		return resp, errorf("update merchant notes "+string(orderID), err)
	}
	return resp, nil
}

// UpdateAddress changes the delivery address of an order awaiting shipment
// (606000 otherwise; at most 5 changes, 606001). It is not retried after an
// ambiguous failure, since each application counts: re-read the order.
//
// WeChat API: POST /channels/ec/order/address/update
func (s *OrderService) UpdateAddress(ctx context.Context, orderID ID, addr *AddressInfo) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(orderID)) == "" {
		p = append(p, vcart.FieldError{Field: "order_id", Code: "required", Msg: "must not be empty"})
	}
	if addr == nil {
		p = append(p, vcart.FieldError{Field: "user_address", Code: "required", Msg: "must not be nil"})
	} else {
		for _, f := range []struct{ name, v string }{{"user_name", addr.UserName}, {"tel_number", addr.TelNumber},
			{"province_name", addr.ProvinceName}, {"city_name", addr.CityName}, {"county_name", addr.CountyName},
			{"detail_info", addr.DetailInfo}} {
			if strings.TrimSpace(f.v) == "" {
				p = append(p, vcart.FieldError{Field: "user_address." + f.name, Code: "required", Msg: "must not be empty"})
			}
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("update order address", err)
	}
	body := struct {
		OrderID     ID           `json:"order_id"`
		UserAddress *AddressInfo `json:"user_address"`
	}{orderID, addr}
	resp, err := s.client.call(ctx, &request{ep: epOrderAddress, body: body}, nil)
	if err != nil {
		return resp, errorf("update order address "+string(orderID), err)
	}
	return resp, nil
}

// AcceptAddressChange approves the buyer's address change request.
//
// WeChat API: POST /channels/ec/order/addressmodify/accept
func (s *OrderService) AcceptAddressChange(ctx context.Context, orderID ID) (*Response, error) {
	return s.orderOnly(ctx, epOrderAddressAccept, orderID, "accept address change")
}

// RejectAddressChange rejects the buyer's address change request.
//
// WeChat API: POST /channels/ec/order/addressmodify/reject
func (s *OrderService) RejectAddressChange(ctx context.Context, orderID ID) (*Response, error) {
	return s.orderOnly(ctx, epOrderAddressReject, orderID, "reject address change")
}

func (s *OrderService) orderOnly(ctx context.Context, ep endpoint, orderID ID, op string) (*Response, error) {
	if err := requireID("order_id", orderID); err != nil {
		return nil, errorf(op, err)
	}
	resp, err := s.client.call(ctx, &request{ep: ep, body: struct {
		OrderID ID `json:"order_id"`
	}{orderID}}, nil)
	if err != nil {
		return resp, errorf(op+" "+string(orderID), err)
	}
	return resp, nil
}
