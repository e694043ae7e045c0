package shopapi

import (
	"context"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// The shop's private-number phones (虚拟号拨打实名认证): a shop member's
// mobile is verified with the carrier before it may call buyers' virtual
// numbers. Mobile numbers are personal data: they never appear in the
// SDK's errors.

var (
	epPrivateNumberSendCode = ep("/channels/ec/merchant/privatenumber/sendverifycode")
	epPrivateNumberAddPhone = ep("/channels/ec/merchant/privatenumber/addphone")
	epPrivateNumberGetPhone = ep("/channels/ec/merchant/privatenumber/getphone")
)

// PhoneVerifyStatus is a phone's carrier verification state (认证状态).
type PhoneVerifyStatus int

// Phone verification states.
const (
	PhoneVerified       PhoneVerifyStatus = 1 // 认证成功
	PhoneVerifyFailed   PhoneVerifyStatus = 2 // 认证失败
	PhoneVerifyReviewed PhoneVerifyStatus = 3 // 运营商审核中
)

func checkMobile(m string) []vcart.FieldError {
	if m == "" || !isDigits(m) {
		return []vcart.FieldError{{Field: "mobile", Code: "format", Msg: "must be the mobile number's digits"}}
	}
	return nil
}

// SendPrivateNumberVerifyCode sends an SMS code to the mobile to verify
// (获取短信验证码). 10021203: too many codes requested.
//
// WeChat API: POST /channels/ec/merchant/privatenumber/sendverifycode
func (s *StoreService) SendPrivateNumberVerifyCode(ctx context.Context, mobile string) (*Response, error) {
	if err := vcart.NewValidationError(checkMobile(mobile)); err != nil {
		return nil, errorf("send private-number verify code", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epPrivateNumberSendCode, body: struct {
		Mobile string `json:"mobile"`
	}{mobile}}, &struct{}{})
	if err != nil {
		return resp, errorf("send private-number verify code", err)
	}
	return resp, nil
}

// AddPhoneRequest adds a shop member's mobile for verification (添加待认证
// 的手机号).
type AddPhoneRequest struct {
	Mobile string `json:"mobile"`
	// VerifyCode is the SMS code of [StoreService.SendPrivateNumberVerifyCode].
	VerifyCode string `json:"verify_code"`
	// WxUsername is the member's WeChat id (微信号); 40132 when wrong.
	WxUsername string `json:"wxusername"`
}

// PhoneVerification is the carrier verification of a phone: QRCodeURL is
// the carrier's page to open on the phone.
type PhoneVerification struct {
	QRCodeURL string            `json:"qrcode_url"`
	Status    PhoneVerifyStatus `json:"status"`
}

// AddPrivateNumberPhone adds the mobile and returns the carrier's
// verification page.
//
// WeChat API: POST /channels/ec/merchant/privatenumber/addphone
func (s *StoreService) AddPrivateNumberPhone(ctx context.Context, req *AddPhoneRequest) (*PhoneVerification, *Response, error) {
	if req == nil {
		return nil, nil, errorf("add private-number phone", errNilRequest())
	}
	p := checkMobile(req.Mobile)
	if strings.TrimSpace(req.VerifyCode) == "" {
		p = append(p, vcart.FieldError{Field: "verify_code", Code: "required", Msg: "must not be empty"})
	}
	if strings.TrimSpace(req.WxUsername) == "" {
		p = append(p, vcart.FieldError{Field: "wxusername", Code: "required", Msg: "must not be empty"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("add private-number phone", err)
	}
	var out PhoneVerification
	resp, err := s.client.call(ctx, &request{ep: epPrivateNumberAddPhone, body: req}, &out)
	if err != nil {
		return nil, resp, errorf("add private-number phone", err)
	}
	return &out, resp, nil
}

// PhoneStatus is a phone's verification state and, when it failed, why.
type PhoneStatus struct {
	Status     PhoneVerifyStatus `json:"status"`
	FailReason string            `json:"fail_reason,omitempty"`
}

// PrivateNumberPhone returns the verification state of a mobile (获取小店
// 手机号认证状态).
//
// WeChat API: POST /channels/ec/merchant/privatenumber/getphone
func (s *StoreService) PrivateNumberPhone(ctx context.Context, mobile string) (*PhoneStatus, *Response, error) {
	if err := vcart.NewValidationError(checkMobile(mobile)); err != nil {
		return nil, nil, errorf("get private-number phone", err)
	}
	var out PhoneStatus
	resp, err := s.client.call(ctx, &request{ep: epPrivateNumberGetPhone, body: struct {
		Mobile string `json:"mobile"`
	}{mobile}}, &out)
	if err != nil {
		return nil, resp, errorf("get private-number phone", err)
	}
	return &out, resp, nil
}

// String returns the state's name.
func (s PhoneVerifyStatus) String() string {
	return enumString("PhoneVerifyStatus", int(s), map[int]string{1: "verified", 2: "failed", 3: "carrier_reviewing"})
}
