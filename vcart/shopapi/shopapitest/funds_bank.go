package shopapitest

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The settlement bank account, the bank look-ups and the withdrawal QR
// code. The look-ups answer from a small built-in table of banks, provinces,
// cities and branches; a withdrawal's qrcode_ticket is scanned with
// [Server.ScanQRCode].

func fundsBankRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/funds/getbankacct", h: (*Server).hBankAccountGet},
		{method: http.MethodPost, path: "/channels/ec/funds/setbankacct", h: (*Server).hBankAccountSet},
		{method: http.MethodPost, path: "/shop/funds/getbankbynum", h: (*Server).hBankByNumber},
		{method: http.MethodPost, path: "/shop/funds/getbanklist", h: (*Server).hBankList},
		{method: http.MethodPost, path: "/shop/funds/getprovince", h: (*Server).hProvinces},
		{method: http.MethodPost, path: "/shop/funds/getcity", h: (*Server).hCities},
		{method: http.MethodPost, path: "/shop/funds/getsubbranch", h: (*Server).hSubBranches},
		{method: http.MethodPost, path: "/shop/funds/qrcode/get", h: (*Server).hQRCodeGet},
		{method: http.MethodPost, path: "/shop/funds/qrcode/check", h: (*Server).hQRCodeCheck},
	}
}

// fakeBank is a bank of the look-up table: BIN prefixes of its cards and
// its branches by city code.
type fakeBank struct {
	code, name string
	id         int
	bins       []string
	needBranch bool
	branches   map[int][]fakeBranch
}

type fakeBranch struct {
	id   int64
	name string
}

var fakeBanks = []fakeBank{
	{code: "1000009561", name: "招商银行", id: 1001, bins: []string{"622588", "621483"}},
	{code: "1000009549", name: "中国银行", id: 1026, bins: []string{"621661", "621785"}},
	{code: "1000009512", name: "中国建设银行", id: 1003, bins: []string{"621700", "622700"},
		branches: map[int][]fakeBranch{10: {{105100000017, "中国建设银行股份有限公司北京市分行营业部"}}}},
	{code: "1000009501", name: "浙江网商银行", id: 1099, bins: []string{"623231"}, needBranch: true,
		branches: map[int][]fakeBranch{571: {{323331000001, "浙江网商银行股份有限公司"}}}},
}

var fakeProvinces = []struct {
	code int
	name string
}{{1, "北京市"}, {2, "上海市"}, {12, "浙江省"}}

var fakeCities = map[int][]struct {
	code       int
	name, addr string
}{
	1:  {{10, "北京市", "110000"}},
	2:  {{21, "上海市", "310000"}},
	12: {{571, "杭州市", "330100"}, {574, "宁波市", "330200"}},
}

// bankAccountAnswer is account_info as getbankacct answers it.
type bankAccountAnswer struct {
	BankAccountType string `json:"bank_account_type"`
	AccountBank     string `json:"account_bank"`
	BankAddressCode string `json:"bank_address_code"`
	BankBranchID    string `json:"bank_branch_id"`
	BankName        string `json:"bank_name"`
	AccountNumber   string `json:"account_number"`
	AccountName     string `json:"account_name"`
}

// fundsBank is the shop's settlement account and the QR codes' states.
type fundsBank struct {
	account bankAccountAnswer
	// changes counts setbankacct calls per day (at most 5).
	changes map[string]int
	// qr maps a ticket to its scan state.
	qr map[string]shopapi.QRCodeStatus
}

func (s *Server) fundsBank() *fundsBank {
	return stateOf(s, "funds-bank", func() *fundsBank {
		return &fundsBank{account: bankAccountAnswer{BankAccountType: string(shopapi.BankAccountBusiness), AccountBank: "招商银行",
			BankAddressCode: "110000", AccountNumber: "110902375410801", AccountName: "示例商贸有限公司"},
			changes: map[string]int{}, qr: map[string]shopapi.QRCodeStatus{}}
	})
}

func (s *Server) hBankAccountGet(c *call) (any, error) {
	return struct {
		A bankAccountAnswer `json:"account_info"`
	}{s.fundsBank().account}, nil
}

func (s *Server) hBankAccountSet(c *call) (any, error) {
	var b struct {
		A struct {
			BankAccountType  string `json:"bank_account_type"`
			AccountBank      string `json:"account_bank"`
			BankAddressCode  string `json:"bank_address_code"`
			BankBranchID     string `json:"bank_branch_id"`
			BankName         string `json:"bank_name"`
			AccountNumber    string `json:"account_number"`
			AccountBank4Show string `json:"account_bank4show"`
			AccountName      string `json:"account_name"`
		} `json:"account_info"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	a := b.A
	if (a.BankAccountType != string(shopapi.BankAccountBusiness) && a.BankAccountType != string(shopapi.BankAccountPrivate)) ||
		a.AccountBank == "" || a.BankAddressCode == "" || a.AccountNumber == "" {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid account_info")
	}
	fb := s.fundsBank()
	day := s.now().Format("2006-01-02")
	if fb.changes[day] >= 5 {
		return nil, apiErr(shopapi.CodeBadParams, "settlement account changed 5 times today")
	}
	fb.changes[day]++
	name := a.AccountName
	if name == "" {
		name = fb.account.AccountName
	}
	fb.account = bankAccountAnswer{BankAccountType: a.BankAccountType, AccountBank: a.AccountBank, BankAddressCode: a.BankAddressCode,
		BankBranchID: a.BankBranchID, BankName: a.BankName, AccountNumber: a.AccountNumber, AccountName: name}
	s.emit("channels_ec_acct_notify", "", "account_info", map[string]any{"event": 1})
	return nil, nil
}

// bankAnswer is a bank as the look-ups answer it.
type bankAnswer struct {
	BankCode    string `json:"bank_code"`
	BankID      int    `json:"bank_id"`
	BankName    string `json:"bank_name"`
	NeedBranch  bool   `json:"need_branch"`
	AccountBank string `json:"account_bank"`
}

func (b *fakeBank) answer() bankAnswer {
	ab := b.name
	if b.needBranch {
		ab = "其他银行"
	}
	return bankAnswer{BankCode: b.code, BankID: b.id, BankName: b.name, NeedBranch: b.needBranch, AccountBank: ab}
}

var errNoData = apiErr(shopapi.CodeFundsNoData, "暂无数据")

func (s *Server) hBankByNumber(c *call) (any, error) {
	var b struct {
		AccountNumber string `json:"account_number"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	for i := range fakeBanks {
		for _, bin := range fakeBanks[i].bins {
			if strings.HasPrefix(b.AccountNumber, bin) {
				return map[string]any{"data": []bankAnswer{fakeBanks[i].answer()}, "total_count": 1}, nil
			}
		}
	}
	return nil, errNoData
}

func (s *Server) hBankList(c *call) (any, error) {
	var b struct {
		Offset   int    `json:"offset"`
		Limit    int    `json:"limit"`
		KeyWords string `json:"key_words"`
		BankType int    `json:"bank_type"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	type listed struct {
		bankAnswer
		BankType int `json:"bank_type"`
	}
	var all []listed
	for i := range fakeBanks {
		if strings.Contains(fakeBanks[i].name, b.KeyWords) {
			all = append(all, listed{fakeBanks[i].answer(), 1})
		}
	}
	if b.Limit == 0 {
		b.Limit = 20
	}
	if b.Offset < 0 || b.Limit < 0 {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid offset or limit")
	}
	if len(all) == 0 || b.Offset >= len(all) {
		return nil, errNoData
	}
	return map[string]any{"data": all[b.Offset:min(len(all), b.Offset+b.Limit)]}, nil
}

func (s *Server) hProvinces(c *call) (any, error) {
	type province struct {
		Code int    `json:"province_code"`
		Name string `json:"province_name"`
	}
	out := make([]province, len(fakeProvinces))
	for i, p := range fakeProvinces {
		out[i] = province{p.code, p.name}
	}
	return map[string]any{"data": out, "total_count": len(out)}, nil
}

func (s *Server) hCities(c *call) (any, error) {
	var b struct {
		ProvinceCode int `json:"province_code"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	type city struct {
		Addr string `json:"bank_address_code"`
		Code int    `json:"city_code"`
		Name string `json:"city_name"`
	}
	var out []city
	for _, ct := range fakeCities[b.ProvinceCode] {
		out = append(out, city{ct.addr, ct.code, ct.name})
	}
	if len(out) == 0 {
		return nil, errNoData
	}
	return map[string]any{"data": out, "total_count": len(out)}, nil
}

func (s *Server) hSubBranches(c *call) (any, error) {
	var b struct {
		BankCode string `json:"bank_code"`
		CityCode string `json:"city_code"`
		Offset   int    `json:"offset"`
		Limit    int    `json:"limit"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	city, _ := strconv.Atoi(b.CityCode)
	for i := range fakeBanks {
		bk := &fakeBanks[i]
		if bk.code != b.BankCode || len(bk.branches[city]) == 0 {
			continue
		}
		type branch struct {
			ID   int64  `json:"branch_id"`
			Name string `json:"branch_name"`
		}
		all := bk.branches[city]
		if b.Limit == 0 {
			b.Limit = 20
		}
		if b.Offset < 0 || b.Offset >= len(all) {
			return nil, errNoData
		}
		var page []branch
		for _, br := range all[b.Offset:min(len(all), b.Offset+b.Limit)] {
			page = append(page, branch{br.id, br.name})
		}
		ab := bk.answer()
		return map[string]any{"data": page, "total_count": len(all), "count": len(page), "account_bank_code": bk.id,
			"bank_alias": bk.name, "bank_alias_code": bk.code, "account_bank": ab.AccountBank}, nil
	}
	return nil, errNoData
}

// qrTicket returns the state of a withdrawal's ticket ("ticket-<withdraw
// id>", as submitwithdraw hands it out) and the withdrawal, or 60208 for an
// unknown ticket.
func (s *Server) qrTicket(ticket string) (shopapi.QRCodeStatus, *withdrawal, error) {
	id, ok := strings.CutPrefix(ticket, "ticket-")
	if !ok {
		return 0, nil, apiErr(shopapi.CodeQRCodeTicketInvalid, "错误的ticket")
	}
	if w := s.orders().fund.withdrawal(id); w != nil {
		return s.fundsBank().qr[ticket], w, nil
	}
	return 0, nil, apiErr(shopapi.CodeQRCodeTicketInvalid, "错误的ticket")
}

func (s *Server) hQRCodeGet(c *call) (any, error) {
	var b struct {
		Ticket string `json:"qrcode_ticket"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	st, _, err := s.qrTicket(b.Ticket)
	if err != nil {
		return nil, err
	}
	if st == shopapi.QRCodeExpired {
		return nil, apiErr(shopapi.CodeQRCodeTicketExpired, "ticket已失效")
	}
	img := []byte("\x89PNG fake QR code for " + b.Ticket)
	return map[string]any{"qrcode_buf": base64.StdEncoding.EncodeToString(img)}, nil
}

func (s *Server) hQRCodeCheck(c *call) (any, error) {
	var b struct {
		Ticket string `json:"qrcode_ticket"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	st, _, err := s.qrTicket(b.Ticket)
	if err != nil {
		return nil, err
	}
	userType := 0
	if st != shopapi.QRCodeNotScanned {
		userType = 1
	}
	return map[string]any{"status": int(st), "self_check_err_code": 0, "self_check_err_msg": "", "scan_user_type": userType}, nil
}

// ScanQRCode is the shop administrator scanning a withdrawal's QR code and
// answering on the phone; it pushes qrcode_status, and the withdrawal
// (getwithdrawdetail's status) follows the answer, as the platform's
// withdrawal push (channels_ec_withdraw_notify) tells it: to must be
// shopapi.QRCodeScanned (scanned, not answered yet: the withdrawal stays
// INIT), shopapi.QRCodeConfirmed (verified: CREATE_SUCCESS, the amount
// leaves the balance, event 2 is pushed; FAIL and event 4 if the balance
// no longer covers it), shopapi.QRCodeCancelled or shopapi.QRCodeExpired
// (the withdrawal is closed, CLOSE, and nothing moves). The pages give the
// states and the events but not this mapping, which is the fake's
// reading; the failure on a shrunk balance is the fake's choice. A final
// state does not change any more. [Server.FinishWithdrawal] then pays out or fails a
// confirmed withdrawal.
func (s *Server) ScanQRCode(ticket string, to shopapi.QRCodeStatus) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, w, err := s.qrTicket(ticket)
	if err != nil {
		return fmt.Errorf("%w: QR code ticket %s", ErrNotFound, ticket)
	}
	if st.IsFinal() || to == shopapi.QRCodeNotScanned || to < 0 || to > shopapi.QRCodeScanned {
		return fmt.Errorf("%w: QR code %s → %s", ErrState, st, to)
	}
	s.fundsBank().qr[ticket] = to
	s.emit("qrcode_status", "", "qrcode_info", map[string]any{"ticket": ticket, "status": int(to), "scan_user_type": 1})
	s.scanned(w, to)
	return nil
}
