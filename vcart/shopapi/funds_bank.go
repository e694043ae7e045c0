package shopapi

import (
	"context"
	"encoding/base64"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// The settlement bank account (结算账户), the bank look-ups that fill it in
// (银行, 省市, 支行) and the withdrawal QR code (资金二维码) that confirms a
// [FundsService.SubmitWithdraw]. Account numbers are secrets-adjacent: the
// SDK never puts them in errors or logs ([BankAccount] masks itself when
// printed or logged).

var (
	epFundsBankAccountGet = ep("/channels/ec/funds/getbankacct")
	epFundsBankAccountSet = ep("/channels/ec/funds/setbankacct")
	epFundsBankByNumber   = ep("/shop/funds/getbankbynum")
	epFundsBankList       = ep("/shop/funds/getbanklist")
	epFundsCities         = ep("/shop/funds/getcity")
	epFundsProvinces      = ep("/shop/funds/getprovince")
	epFundsSubBranches    = ep("/shop/funds/getsubbranch")
	epFundsQRCodeCheck    = ep("/shop/funds/qrcode/check")
	epFundsQRCodeGet      = ep("/shop/funds/qrcode/get")
)

// BankAccountType is bank_account_type (账户类型).
type BankAccountType string

// Bank account types.
const (
	// BankAccountBusiness is a corporate account (对公银行账户); a company
	// may only bind this kind.
	BankAccountBusiness BankAccountType = "ACCOUNT_TYPE_BUSINESS"
	// BankAccountPrivate is the operator's personal bank card (经营者个人
	// 银行卡), for individual businesses.
	BankAccountPrivate BankAccountType = "ACCOUNT_TYPE_PRIVATE"
)

// BankAccount is the settlement account (account_info). Its String, Format
// and LogValue mask AccountNumber.
type BankAccount struct {
	BankAccountType BankAccountType `json:"bank_account_type"`
	// AccountBank is the bank (开户银行), from [FundsService.SearchBanks].
	AccountBank string `json:"account_bank"`
	// BankAddressCode is the bank's province and city code (开户银行省市
	// 编码), from [FundsService.Cities].
	BankAddressCode string `json:"bank_address_code"`
	// BankBranchID is the branch's clearing number (开户银行联行号).
	BankBranchID string `json:"bank_branch_id,omitempty"`
	// BankName is the full name with the branch (开户银行全称), needed with
	// "其他银行" unless BankBranchID is given.
	BankName string `json:"bank_name,omitempty"`
	// AccountNumber is the account or card number (银行账号). Never log it.
	AccountNumber string `json:"account_number"`
	// AccountBank4Show is the bank name shown to users (request only).
	AccountBank4Show string `json:"account_bank4show,omitempty"`
	// AccountName is the holder's name (账户名称): the company's for a
	// corporate account, the legal representative's for a personal one.
	AccountName string `json:"account_name,omitempty"`
}

// MaskedNumber returns the account number with all but its last 4 digits
// replaced by '*'.
func (a BankAccount) MaskedNumber() string { return maskNumber(a.AccountNumber) }

func maskNumber(s string) string {
	if len(s) <= 4 {
		return strings.Repeat("*", len(s))
	}
	return strings.Repeat("*", len(s)-4) + s[len(s)-4:]
}

// String describes the account with its number masked.
func (a BankAccount) String() string {
	return string(a.BankAccountType) + " " + a.AccountBank + " " + a.MaskedNumber()
}

// GoString is String, so that %#v does not print the number either.
func (a BankAccount) GoString() string { return "shopapi.BankAccount{" + a.String() + "}" }

// LogValue logs the account with its number masked.
func (a BankAccount) LogValue() slog.Value {
	return slog.GroupValue(slog.String("type", string(a.BankAccountType)), slog.String("bank", a.AccountBank),
		slog.String("account_number", a.MaskedNumber()))
}

// GetBankAccount returns the settlement account.
//
// WeChat API: POST /channels/ec/funds/getbankacct
func (s *FundsService) GetBankAccount(ctx context.Context) (*BankAccount, *Response, error) {
	var out struct {
		AccountInfo *BankAccount `json:"account_info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsBankAccountGet, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get bank account", err)
	}
	if out.AccountInfo == nil {
		return nil, resp, errorf("get bank account", errors.Join(ErrMalformedResponse, errors.New("no account_info object")))
	}
	return out.AccountInfo, resp, nil
}

// validateBankAccount checks the account before the network: the required
// fields, and a personal account's number with [vcart.ValidateBankCard]
// (a corporate account number is not a card number: only digits are
// checked). A failed Luhn check is a warning there and does not block.
func validateBankAccount(a *BankAccount) error {
	var p []vcart.FieldError
	switch a.BankAccountType {
	case BankAccountBusiness, BankAccountPrivate:
	default:
		p = append(p, vcart.FieldError{Field: "account_info.bank_account_type", Code: "enum", Msg: "must be ACCOUNT_TYPE_BUSINESS or ACCOUNT_TYPE_PRIVATE"})
	}
	if strings.TrimSpace(a.AccountBank) == "" {
		p = append(p, vcart.FieldError{Field: "account_info.account_bank", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(a.BankAddressCode) == "" {
		p = append(p, vcart.FieldError{Field: "account_info.bank_address_code", Code: "required", Msg: "must not be empty"})
	}
	p = append(p, checkAccountNumber("account_info.account_number", a.AccountNumber, a.BankAccountType == BankAccountPrivate)...)
	return vcart.NewValidationError(p)
}

// checkAccountNumber validates an account number without echoing it.
func checkAccountNumber(field, n string, card bool) []vcart.FieldError {
	if n == "" {
		return []vcart.FieldError{{Field: field, Code: "required", Msg: "must not be empty"}}
	}
	if card {
		if c := vcart.ValidateBankCard(n); c.Blocks() {
			return []vcart.FieldError{{Field: field, Code: c.Code, Msg: c.Msg}}
		}
		return nil
	}
	if !isDigits(n) {
		return []vcart.FieldError{{Field: field, Code: "format", Msg: "may only contain the digits 0-9"}}
	}
	return nil
}

// SetBankAccount changes the settlement account (at most 5 times a day; the
// holder must match the shop's subject). A personal account's number is
// checked as a bank card before the network. The platform pushes
// channels_ec_acct_notify when the change is applied; confirm with
// [FundsService.GetBankAccount].
//
// WeChat API: POST /channels/ec/funds/setbankacct
func (s *FundsService) SetBankAccount(ctx context.Context, a *BankAccount) (*Response, error) {
	if a == nil {
		return nil, errorf("set bank account", errNilRequest())
	}
	if err := validateBankAccount(a); err != nil {
		return nil, errorf("set bank account", err)
	}
	body := struct {
		AccountInfo *BankAccount `json:"account_info"`
	}{a}
	resp, err := s.client.call(ctx, &request{ep: epFundsBankAccountSet, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("set bank account", err)
	}
	return resp, nil
}

// BankInfo is a bank (银行信息) as the look-ups return it.
type BankInfo struct {
	// BankCode is the bank's code (银行编码), for [FundsService.SubBranches].
	BankCode string `json:"bank_code"`
	// BankID is the bank's clearing number (银行联号). The list page's
	// example sends it as a string, its table and the by-number page as a
	// number: both decode.
	BankID ID `json:"bank_id"`
	// BankName is the bank without branch (银行名称).
	BankName string `json:"bank_name"`
	// NeedBranch reports whether the account needs a branch (需要支行).
	NeedBranch bool `json:"need_branch"`
	// AccountBank is the value for [BankAccount.AccountBank] (开户银行).
	AccountBank string `json:"account_bank"`
	// BankType is 1 corporate, 2 personal (search results only).
	BankType int `json:"bank_type,omitempty"`
}

// BankByNumber returns the bank of a card number (根据卡号查银行信息). The
// number is checked as a bank card before the network and never appears in
// errors. 9710001 ([CodeFundsNoData]) when the platform does not know it.
//
// WeChat API: POST /shop/funds/getbankbynum
func (s *FundsService) BankByNumber(ctx context.Context, cardNumber string) ([]BankInfo, *Response, error) {
	if err := vcart.NewValidationError(checkAccountNumber("account_number", cardNumber, true)); err != nil {
		return nil, nil, errorf("get bank by card number", err)
	}
	var out struct {
		Data       []BankInfo `json:"data"`
		TotalCount int64      `json:"total_count"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsBankByNumber, body: struct {
		AccountNumber string `json:"account_number"`
	}{cardNumber}}, &out)
	if err != nil {
		return nil, resp, errorf("get bank by card number "+maskNumber(cardNumber), err)
	}
	return out.Data, resp, nil
}

// BankSearchOptions searches banks by keyword (搜索银行列表).
type BankSearchOptions struct {
	Offset, Limit int
	KeyWords      string
	// BankType is 1 personal, 2 corporate; 0 lets the platform default
	// (corporate).
	BankType int
}

// SearchBanks returns banks matching a keyword.
//
// WeChat API: POST /shop/funds/getbanklist
func (s *FundsService) SearchBanks(ctx context.Context, opts *BankSearchOptions) ([]BankInfo, *Response, error) {
	var o BankSearchOptions
	if opts != nil {
		o = *opts
	}
	var p []vcart.FieldError
	if o.Offset < 0 || o.Limit < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "offset and limit must not be negative"})
	}
	if o.BankType < 0 || o.BankType > 2 {
		p = append(p, vcart.FieldError{Field: "bank_type", Code: "enum", Msg: "must be 0, 1 or 2"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("search banks", err)
	}
	b := struct {
		Offset   int    `json:"offset"`
		Limit    int    `json:"limit,omitempty"`
		KeyWords string `json:"key_words,omitempty"`
		BankType int    `json:"bank_type"`
	}{o.Offset, o.Limit, o.KeyWords, o.BankType}
	var out struct {
		Data []BankInfo `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsBankList, body: b}, &out)
	if err != nil {
		return nil, resp, errorf("search banks", err)
	}
	return out.Data, resp, nil
}

// Province is a mainland province of the bank look-ups.
type Province struct {
	ProvinceCode int    `json:"province_code"`
	ProvinceName string `json:"province_name"`
}

// Provinces returns the mainland provinces (查询大陆银行省份列表).
//
// WeChat API: POST /shop/funds/getprovince
func (s *FundsService) Provinces(ctx context.Context) ([]Province, *Response, error) {
	var out struct {
		Data       []Province `json:"data"`
		TotalCount int64      `json:"total_count"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsProvinces, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get provinces", err)
	}
	return out.Data, resp, nil
}

// City is a city of a province: CityCode for [FundsService.SubBranches],
// BankAddressCode for [BankAccount.BankAddressCode].
type City struct {
	CityName        string `json:"city_name"`
	CityCode        int    `json:"city_code"`
	BankAddressCode string `json:"bank_address_code"`
}

// Cities returns the cities of a province (查询城市列表).
//
// WeChat API: POST /shop/funds/getcity
func (s *FundsService) Cities(ctx context.Context, provinceCode int) ([]City, *Response, error) {
	if provinceCode <= 0 {
		return nil, nil, errorf("get cities", vcart.NewValidationError([]vcart.FieldError{{Field: "province_code", Code: "required", Msg: "must be a province code"}}))
	}
	var out struct {
		Data       []City `json:"data"`
		TotalCount int64  `json:"total_count"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsCities, body: struct {
		ProvinceCode int `json:"province_code"`
	}{provinceCode}}, &out)
	if err != nil {
		return nil, resp, errorf("get cities of province "+strconv.Itoa(provinceCode), err)
	}
	return out.Data, resp, nil
}

// SubBranchOptions selects the branches of a bank in a city.
type SubBranchOptions struct {
	// BankCode is [BankInfo.BankCode].
	BankCode string
	// CityCode is [City.CityCode]. The field table says number (string on
	// the older page); the example sends "571": it is sent as a string.
	CityCode      string
	Offset, Limit int
}

// SubBranch is a branch (支行).
type SubBranch struct {
	// BranchID is the branch's clearing number (支行联号), for
	// [BankAccount.BankBranchID].
	BranchID ID `json:"branch_id"`
	// BranchName is the full name with the branch (银行全称含支行).
	BranchName string `json:"branch_name"`
}

// SubBranches is one page of branches.
type SubBranches struct {
	Data            []SubBranch `json:"data"`
	TotalCount      int64       `json:"total_count"`
	Count           int64       `json:"count"`
	AccountBankCode Int64       `json:"account_bank_code"`
	BankAlias       string      `json:"bank_alias"`
	BankAliasCode   string      `json:"bank_alias_code"`
	AccountBank     string      `json:"account_bank"`
}

// SubBranches returns the branches of a bank in a city (查询支行列表).
//
// WeChat API: POST /shop/funds/getsubbranch
func (s *FundsService) SubBranches(ctx context.Context, opts *SubBranchOptions) (*SubBranches, *Response, error) {
	if opts == nil {
		return nil, nil, errorf("get sub-branches", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(opts.BankCode) == "" {
		p = append(p, vcart.FieldError{Field: "bank_code", Code: "required", Msg: "must not be empty"})
	}
	if !isDigits(opts.CityCode) {
		p = append(p, vcart.FieldError{Field: "city_code", Code: "required", Msg: "must be a city code"})
	}
	if opts.Offset < 0 || opts.Limit < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "offset and limit must not be negative"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("get sub-branches", err)
	}
	b := struct {
		BankCode string `json:"bank_code"`
		CityCode string `json:"city_code"`
		Offset   int    `json:"offset"`
		Limit    int    `json:"limit,omitempty"`
	}{opts.BankCode, opts.CityCode, opts.Offset, opts.Limit}
	var out SubBranches
	resp, err := s.client.call(ctx, &request{ep: epFundsSubBranches, body: b}, &out)
	if err != nil {
		return nil, resp, errorf("get sub-branches", err)
	}
	return &out, resp, nil
}

// QRCodeStatus is the scan state of a withdrawal QR code (扫码状态).
type QRCodeStatus int

// QR code scan states.
const (
	QRCodeNotScanned QRCodeStatus = 0 // 未扫码
	QRCodeConfirmed  QRCodeStatus = 1 // 已确认
	QRCodeCancelled  QRCodeStatus = 2 // 已取消
	QRCodeExpired    QRCodeStatus = 3 // 已失效
	QRCodeScanned    QRCodeStatus = 4 // 已扫码
)

// String returns the state's name.
func (s QRCodeStatus) String() string {
	switch s {
	case QRCodeNotScanned:
		return "not_scanned"
	case QRCodeConfirmed:
		return "confirmed"
	case QRCodeCancelled:
		return "cancelled"
	case QRCodeExpired:
		return "expired"
	case QRCodeScanned:
		return "scanned"
	}
	return "QRCodeStatus(" + strconv.Itoa(int(s)) + ")"
}

// IsFinal reports whether the code will not change any more.
func (s QRCodeStatus) IsFinal() bool {
	return s == QRCodeConfirmed || s == QRCodeCancelled || s == QRCodeExpired
}

// QRCodeCheck is the scan state of a QR code ticket.
type QRCodeCheck struct {
	Status QRCodeStatus `json:"status"`
	// SelfCheckErrCode and SelfCheckErrMsg are the business check's result.
	SelfCheckErrCode int    `json:"self_check_err_code"`
	SelfCheckErrMsg  string `json:"self_check_err_msg"`
	// ScanUserType is who scanned: 0 not an administrator, 1 administrator,
	// 2 deputy administrator.
	ScanUserType int `json:"scan_user_type"`
}

type qrTicketBody struct {
	QRCodeTicket string `json:"qrcode_ticket"`
}

// WithdrawQRCode returns the QR code image of a ticket ([WithdrawResult]'s
// qrcode_ticket) for the shop's administrator to scan (获取二维码); the
// answer's qrcode_buf is base64 and is returned decoded.
//
// WeChat API: POST /shop/funds/qrcode/get
func (s *FundsService) WithdrawQRCode(ctx context.Context, ticket string) ([]byte, *Response, error) {
	if strings.TrimSpace(ticket) == "" {
		return nil, nil, errorf("get QR code", vcart.NewValidationError([]vcart.FieldError{{Field: "qrcode_ticket", Code: "required", Msg: "must not be empty"}}))
	}
	var out struct {
		QRCodeBuf string `json:"qrcode_buf"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFundsQRCodeGet, body: qrTicketBody{ticket}}, &out)
	if err != nil {
		return nil, resp, errorf("get QR code", err)
	}
	img, derr := base64.StdEncoding.DecodeString(out.QRCodeBuf)
	if derr != nil {
		// The page's example sends a placeholder ("xxxxx"): keep the text.
		return []byte(out.QRCodeBuf), resp, nil
	}
	return img, resp, nil
}

// CheckWithdrawQRCode returns the scan state of a QR code ticket (查询扫码
// 状态): poll it until [QRCodeStatus.IsFinal].
//
// WeChat API: POST /shop/funds/qrcode/check
func (s *FundsService) CheckWithdrawQRCode(ctx context.Context, ticket string) (*QRCodeCheck, *Response, error) {
	if strings.TrimSpace(ticket) == "" {
		return nil, nil, errorf("check QR code", vcart.NewValidationError([]vcart.FieldError{{Field: "qrcode_ticket", Code: "required", Msg: "must not be empty"}}))
	}
	var out QRCodeCheck
	resp, err := s.client.call(ctx, &request{ep: epFundsQRCodeCheck, body: qrTicketBody{ticket}}, &out)
	if err != nil {
		return nil, resp, errorf("check QR code", err)
	}
	return &out, resp, nil
}
