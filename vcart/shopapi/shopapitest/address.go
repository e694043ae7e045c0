package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// addressRoutes returns the merchant address endpoints (地址管理) and the
// administrative-division look-up.
func addressRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/merchant/address/add", h: (*Server).hAddressAdd},
		{method: http.MethodPost, path: "/channels/ec/merchant/address/update", h: (*Server).hAddressUpdate},
		{method: http.MethodPost, path: "/channels/ec/merchant/address/get", h: (*Server).hAddressGet},
		{method: http.MethodPost, path: "/channels/ec/merchant/address/delete", h: (*Server).hAddressDelete},
		{method: http.MethodPost, path: "/channels/ec/merchant/address/list", h: (*Server).hAddressList},
		{method: http.MethodPost, path: "/channels/ec/basics/addresscode/get", h: (*Server).hAddressCode},
	}
}

// addressTable holds the shop's addresses. An unknown address_id answers
// 10020051 (bad parameters: the pages list no errcode of their own).
func (s *Server) addressTable() *table[shopapi.MerchantAddress] {
	return tableOf[shopapi.MerchantAddress](s, "addresses", shopapi.CodeBadParams, "address not exist")
}

// knownAddress answers nil when id is an address of the shop, else the
// address table's errcode; with recv set, the address must also be a
// return address (recv_addr). Other groups' handlers check an address_id
// through it (an after-sale's acceptapply needs a return address). s.mu is
// held.
func (s *Server) knownAddress(id string, recv bool) error {
	a, err := s.addressTable().get(id)
	if err != nil {
		return err
	}
	if recv && !bool(a.RecvAddr) {
		return apiErr(shopapi.CodeBadParams, "address is not a return address")
	}
	return nil
}

type addressDetailReq struct {
	Detail *shopapi.MerchantAddress `json:"address_detail"`
}

func checkAddress(a *shopapi.MerchantAddress) error {
	if a == nil {
		return apiErr(shopapi.CodeBadParams, "address_detail is required")
	}
	ai := a.AddressInfo
	for _, v := range []string{ai.UserName, ai.ProvinceName, ai.CityName, ai.CountyName, ai.DetailInfo} {
		if strings.TrimSpace(v) == "" {
			return apiErr(shopapi.CodeBadParams, "address_info incomplete")
		}
	}
	return nil
}

// setDefaults keeps at most one default shipping and one default return
// address: a new default clears the old one.
func (s *Server) setDefaults(id string, a *shopapi.MerchantAddress) {
	t := s.addressTable()
	for _, other := range t.ids(func(oid string, _ *shopapi.MerchantAddress) bool { return oid != id }) {
		o := t.byID[other]
		if a.DefaultSend {
			o.DefaultSend = false
		}
		if a.DefaultRecv {
			o.DefaultRecv = false
		}
	}
}

func (s *Server) hAddressAdd(c *call) (any, error) {
	var b addressDetailReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkAddress(b.Detail); err != nil {
		return nil, err
	}
	a := *b.Detail
	now := s.now().Unix()
	a.CreateTime, a.UpdateTime = now, now
	id := s.addressTable().add(s, &a)
	a.AddressID = shopapi.ID(id)
	s.setDefaults(id, &a)
	return struct {
		AddressID string `json:"address_id"`
	}{id}, nil
}

func (s *Server) hAddressUpdate(c *call) (any, error) {
	var b addressDetailReq
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkAddress(b.Detail); err != nil {
		return nil, err
	}
	id := string(b.Detail.AddressID)
	old, err := s.addressTable().get(id)
	if err != nil {
		return nil, err
	}
	a := *b.Detail
	a.CreateTime, a.UpdateTime = old.CreateTime, s.now().Unix()
	*old = a
	s.setDefaults(id, old)
	return nil, nil
}

func (s *Server) addressFor(c *call) (string, *shopapi.MerchantAddress, error) {
	var b struct {
		AddressID string `json:"address_id"`
	}
	if err := c.decode(&b); err != nil {
		return "", nil, err
	}
	a, err := s.addressTable().get(b.AddressID)
	return b.AddressID, a, err
}

func (s *Server) hAddressGet(c *call) (any, error) {
	_, a, err := s.addressFor(c)
	if err != nil {
		return nil, err
	}
	v := *a
	return struct {
		Detail *shopapi.MerchantAddress `json:"address_detail"`
	}{&v}, nil
}

func (s *Server) hAddressDelete(c *call) (any, error) {
	id, _, err := s.addressFor(c)
	if err != nil {
		return nil, err
	}
	return nil, s.addressTable().remove(id)
}

func (s *Server) hAddressList(c *call) (any, error) {
	var b struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids, _, err := pageOffset(s.addressTable().ids(nil), b.Offset, b.Limit, 0, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	return struct {
		IDs []string `json:"address_id_list"`
	}{ids}, nil
}

// addressCodes is the fake's slice of the division tree: the country, a
// few provinces and, under Guangdong and Shanghai, some cities and
// districts (codes as the platform's: 9 digits).
var addressCodes = map[int64][]shopapi.AddressCode{
	0: {
		{Name: "北京市", Code: 110000000, Level: 1}, {Name: "上海市", Code: 310000000, Level: 1},
		{Name: "浙江省", Code: 330000000, Level: 1}, {Name: "广东省", Code: 440000000, Level: 1},
		{Name: "新疆维吾尔自治区", Code: 650000000, Level: 1}, {Name: "西藏自治区", Code: 540000000, Level: 1},
	},
	440000000: {{Name: "广州市", Code: 440100000, Level: 2}, {Name: "深圳市", Code: 440300000, Level: 2}},
	440100000: {{Name: "天河区", Code: 440106000, Level: 3}, {Name: "海珠区", Code: 440105000, Level: 3}},
	310000000: {{Name: "上海市", Code: 310100000, Level: 2}},
	310100000: {{Name: "静安区", Code: 310106000, Level: 3}, {Name: "青浦区", Code: 310118000, Level: 3}},
}

func addressCodeOf(code int64) (shopapi.AddressCode, bool) {
	if code == 0 {
		return shopapi.AddressCode{Name: "中华人民共和国"}, true
	}
	for _, children := range addressCodes {
		for _, c := range children {
			if c.Code == code {
				return c, true
			}
		}
	}
	return shopapi.AddressCode{}, false
}

func (s *Server) hAddressCode(c *call) (any, error) {
	var b struct {
		AddrCode int64 `json:"addr_code"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	self, ok := addressCodeOf(b.AddrCode)
	if !ok {
		return nil, apiErr(shopapi.CodeBadParams, "invalid addr_code "+strconv.FormatInt(b.AddrCode, 10))
	}
	return shopapi.AddressCodes{Division: self, Children: append([]shopapi.AddressCode{}, addressCodes[b.AddrCode]...)}, nil
}

// ReturnAddress returns the id of a return address of the shop (退货地址),
// adding one the first time: what an after-sale's acceptapply needs as its
// address_id.
func (s *Server) ReturnAddress() vcart.ID {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.addressTable()
	for _, id := range t.ids(func(_ string, a *shopapi.MerchantAddress) bool { return bool(a.RecvAddr) }) {
		return vcart.ID(id)
	}
	now := s.now().Unix()
	a := shopapi.MerchantAddress{Name: "退货仓", AddressInfo: shopapi.MerchantAddressInfo{UserName: "售后组",
		PostalCode: "518000", ProvinceName: "广东省", CityName: "深圳市", CountyName: "南山区",
		DetailInfo: "科技园退货仓 1 号", TelNumber: "0755-00000000"},
		RecvAddr: true, DefaultRecv: true, CreateTime: now, UpdateTime: now}
	id := t.add(s, &a)
	t.byID[id].AddressID = shopapi.ID(id)
	return vcart.ID(id)
}
