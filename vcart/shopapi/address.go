package shopapi

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	epAddressAdd    = ep("/channels/ec/merchant/address/add")
	epAddressList   = ep("/channels/ec/merchant/address/list")
	epAddressGet    = ep("/channels/ec/merchant/address/get")
	epAddressUpdate = ep("/channels/ec/merchant/address/update")
	epAddressDelete = ep("/channels/ec/merchant/address/delete")
	epAddressCode   = ep("/channels/ec/basics/addresscode/get")
)

// MerchantAddressInfo is a merchant address's address_info (地区信息): the
// national-standard province, city and county names (see
// [AddressService.Code]), the street address and the contact.
type MerchantAddressInfo struct {
	UserName     string `json:"user_name"`
	PostalCode   string `json:"postal_code"`
	ProvinceName string `json:"province_name"`
	CityName     string `json:"city_name"`
	CountyName   string `json:"county_name"`
	DetailInfo   string `json:"detail_info"`
	NationalCode string `json:"national_code,omitempty"`
	TelNumber    string `json:"tel_number"`
	// Lat and Lng are the latitude and longitude (纬度, 经度).
	Lat         float64 `json:"lat"`
	Lng         float64 `json:"lng"`
	HouseNumber string  `json:"house_number,omitempty"`
}

// OfflineAddressType is address_type (线下配送地址类型): 1 marks a same-city
// delivery address (同城配送) or a pick-up point (用户自提).
type OfflineAddressType struct {
	SameCity int `json:"same_city"`
	Pickup   int `json:"pickup"`
}

// MerchantAddress is address_detail (地址详情): a shipping (发货) or return
// (退货, 收货) address of the shop. The flags are booleans in the field
// tables and 0/1 in the page's examples: both decode, booleans are sent.
type MerchantAddress struct {
	// AddressID is empty when adding.
	AddressID   ID                  `json:"address_id,omitempty"`
	Name        string              `json:"name,omitempty"`
	AddressInfo MerchantAddressInfo `json:"address_info"`
	Landline    string              `json:"landline"`
	Remark      string              `json:"remark"`
	// SendAddr marks a shipping address, DefaultSend the default one.
	SendAddr    Bool `json:"send_addr"`
	DefaultSend Bool `json:"default_send"`
	// RecvAddr marks a return address (after-sales send buyers there),
	// DefaultRecv the default one.
	RecvAddr    Bool                `json:"recv_addr"`
	DefaultRecv Bool                `json:"default_recv"`
	AddressType *OfflineAddressType `json:"address_type,omitempty"`
	// CreateTime and UpdateTime are Unix seconds, sent by the platform.
	CreateTime int64 `json:"create_time,omitempty"`
	UpdateTime int64 `json:"update_time,omitempty"`
}

func (a *MerchantAddress) validate(update bool) error {
	if a == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	if update && strings.TrimSpace(string(a.AddressID)) == "" {
		p = append(p, vcart.FieldError{Field: "address_detail.address_id", Code: "required", Msg: "must not be empty"})
	}
	for _, f := range []struct{ name, v string }{
		{"user_name", a.AddressInfo.UserName}, {"province_name", a.AddressInfo.ProvinceName},
		{"city_name", a.AddressInfo.CityName}, {"county_name", a.AddressInfo.CountyName},
		{"detail_info", a.AddressInfo.DetailInfo},
	} {
		if strings.TrimSpace(f.v) == "" {
			p = append(p, vcart.FieldError{Field: "address_detail.address_info." + f.name, Code: "required", Msg: "must not be empty"})
		}
	}
	return vcart.NewValidationError(p)
}

type addressDetailBody struct {
	Detail *MerchantAddress `json:"address_detail"`
}

// Add adds an address and returns its id. Add is not idempotent: after an
// ambiguous failure (an error wrapping [ErrAmbiguous]) do not add again;
// call [AddressService.Find] with the same address, which lists the
// addresses and reports the id of one that matches.
//
// WeChat API: POST /channels/ec/merchant/address/add
func (s *AddressService) Add(ctx context.Context, a *MerchantAddress) (ID, *Response, error) {
	if err := a.validate(false); err != nil {
		return "", nil, errorf("add address", err)
	}
	body := *a
	body.AddressID, body.CreateTime, body.UpdateTime = "", 0, 0
	var out struct {
		AddressID ID `json:"address_id"`
	}
	resp, err := s.client.call(ctx, &request{ep: epAddressAdd, body: addressDetailBody{&body}}, &out)
	if err != nil {
		return "", resp, errorf("add address", err)
	}
	if out.AddressID == "" {
		return "", resp, errorf("add address", errors.Join(ErrMalformedResponse, errors.New("no address_id")))
	}
	return out.AddressID, resp, nil
}

// Update replaces the address a.AddressID with a.
//
// WeChat API: POST /channels/ec/merchant/address/update
func (s *AddressService) Update(ctx context.Context, a *MerchantAddress) (*Response, error) {
	if err := a.validate(true); err != nil {
		return nil, errorf("update address", err)
	}
	body := *a
	body.CreateTime, body.UpdateTime = 0, 0
	resp, err := s.client.call(ctx, &request{ep: epAddressUpdate, body: addressDetailBody{&body}}, nil)
	if err != nil {
		return resp, errorf("update address "+string(a.AddressID), err)
	}
	return resp, nil
}

type addressIDBody struct {
	AddressID ID `json:"address_id"`
}

// Get returns one address.
//
// WeChat API: POST /channels/ec/merchant/address/get
func (s *AddressService) Get(ctx context.Context, id ID) (*MerchantAddress, *Response, error) {
	if err := requireID("address_id", id); err != nil {
		return nil, nil, errorf("get address", err)
	}
	var out struct {
		Detail *MerchantAddress `json:"address_detail"`
	}
	resp, err := s.client.call(ctx, &request{ep: epAddressGet, body: addressIDBody{id}}, &out)
	if err != nil {
		return nil, resp, errorf("get address "+string(id), err)
	}
	if out.Detail == nil {
		return nil, resp, errorf("get address "+string(id), errors.Join(ErrMalformedResponse, errors.New("no address_detail")))
	}
	return out.Detail, resp, nil
}

// Delete removes an address. A second delete of the same id answers an
// error, so it is not retried after an ambiguous failure: [AddressService.Get]
// tells whether the address is gone.
//
// WeChat API: POST /channels/ec/merchant/address/delete
func (s *AddressService) Delete(ctx context.Context, id ID) (*Response, error) {
	if err := requireID("address_id", id); err != nil {
		return nil, errorf("delete address", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epAddressDelete, body: addressIDBody{id}}, nil)
	if err != nil {
		return resp, errorf("delete address "+string(id), err)
	}
	return resp, nil
}

// AddressListPage is the page size [AddressService.ListIter] asks for (the
// page's example asks for 100; the page states no maximum).
const AddressListPage = 100

// List returns up to limit address ids from offset (limit at least 1; the page states no maximum).
//
// WeChat API: POST /channels/ec/merchant/address/list
func (s *AddressService) List(ctx context.Context, offset, limit int) ([]ID, *Response, error) {
	if err := vcart.NewValidationError(checkOffsetLimit(offset, limit)); err != nil {
		return nil, nil, errorf("list addresses", err)
	}
	body := struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}{offset, limit}
	var out struct {
		IDs []ID `json:"address_id_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epAddressList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list addresses", err)
	}
	return out.IDs, resp, nil
}

// ListIter iterates over every address id, a page of 100 at a time.
//
// WeChat API: POST /channels/ec/merchant/address/list
func (s *AddressService) ListIter(ctx context.Context) iter.Seq2[ID, error] {
	return offsetIter(ctx, AddressListPage, s.List)
}

// Find returns the id of an address equal to a in its address_info, its
// landline and its flags (the platform's ids and times ignored), or "" when
// there is none: the way to resolve an ambiguous [AddressService.Add]. It
// reads every address (safe, retried reads).
//
// WeChat API: POST /channels/ec/merchant/address/list, /channels/ec/merchant/address/get
func (s *AddressService) Find(ctx context.Context, a *MerchantAddress) (ID, error) {
	if a == nil {
		return "", errorf("find address", errNilRequest())
	}
	for id, err := range s.ListIter(ctx) {
		if err != nil {
			return "", err
		}
		got, _, err := s.Get(ctx, id)
		if err != nil {
			return "", err
		}
		if sameAddress(got, a) {
			return id, nil
		}
	}
	return "", nil
}

func sameAddress(x, y *MerchantAddress) bool {
	return x.AddressInfo == y.AddressInfo && x.Landline == y.Landline && x.SendAddr == y.SendAddr &&
		x.RecvAddr == y.RecvAddr && x.DefaultSend == y.DefaultSend && x.DefaultRecv == y.DefaultRecv
}

// AddressCode is an administrative division (行政区划): its name, its code
// and its level (0 the country, 1 a province, 2 a city, 3 a county, 4 a
// street).
type AddressCode struct {
	Name  string `json:"name"`
	Code  int64  `json:"code"`
	Level int    `json:"level"`
}

// AddressCodes is the answer of [AddressService.Code]: the division asked
// for and the divisions one level below it.
type AddressCodes struct {
	Division AddressCode   `json:"addrs_msg"`
	Children []AddressCode `json:"next_level_addrs"`
}

// Code looks up an administrative division by code (获取地址行政编码): 0 is
// the country, whose children are the provinces. The province, city and
// county names of addresses and freight templates are these names.
//
// WeChat API: POST /channels/ec/basics/addresscode/get
func (s *AddressService) Code(ctx context.Context, code int64) (*AddressCodes, *Response, error) {
	if code < 0 {
		return nil, nil, errorf("get address code", vcart.NewValidationError([]vcart.FieldError{{Field: "addr_code", Code: "range", Msg: "must not be negative"}}))
	}
	body := struct {
		AddrCode int64 `json:"addr_code"`
	}{code}
	var out AddressCodes
	resp, err := s.client.call(ctx, &request{ep: epAddressCode, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get address code "+strconv.FormatInt(code, 10), err)
	}
	return &out, resp, nil
}
