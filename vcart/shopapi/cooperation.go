package shopapi

import (
	"context"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Cooperation accounts (合作账号): official accounts and mini-programs (and,
// in the pages' examples, channels) that the shop invites to sell its
// products. An invitation is a QR code the account's admin scans; its
// state machine: 4 accepting → 1 bound (or 3 rejected, 5 timed out,
// 6 failed, 7 cancelled by the shop); bound → 2 unbound.

var (
	epCooperationList   = ep("/channels/ec/cooperation/list")
	epCooperationInvite = ep("/channels/ec/cooperation/invitation/qrcode/generate")
	epCooperationGet    = ep("/channels/ec/cooperation/invitation/get")
	epCooperationCancel = ep("/channels/ec/cooperation/invitation/cancel")
	epCooperationUnbind = ep("/channels/ec/cooperation/unbind")
)

// CooperationType is a cooperation account's type (合作账号类型, sharer_type).
type CooperationType int

// Cooperation account types. The enum table lists 2 and 3; every page's
// example sends 1 with a channel id (sph…), which the client accepts too.
const (
	CooperationChannels        CooperationType = 1 // 视频号 (the examples' value)
	CooperationOfficialAccount CooperationType = 2 // 公众号: sharer_id is the gh_ original id
	CooperationMiniProgram     CooperationType = 3 // 小程序: sharer_id is the appid
)

// String returns the type's name.
func (t CooperationType) String() string {
	switch t {
	case CooperationChannels:
		return "channels"
	case CooperationOfficialAccount:
		return "official-account"
	case CooperationMiniProgram:
		return "mini-program"
	}
	return "CooperationType(" + strconv.Itoa(int(t)) + ")"
}

// CooperationStatus is an invitation's or a cooperation's state
// (邀请/合作账号状态).
type CooperationStatus int

// Cooperation states.
const (
	CooperationBound     CooperationStatus = 1 // 已绑定
	CooperationUnbound   CooperationStatus = 2 // 已解绑
	CooperationRejected  CooperationStatus = 3 // 邀请已拒绝
	CooperationAccepting CooperationStatus = 4 // 邀请接受中
	CooperationTimedOut  CooperationStatus = 5 // 邀请接受超时
	CooperationFailed    CooperationStatus = 6 // 邀请接受失败
	CooperationCancelled CooperationStatus = 7 // 邀请店铺取消
)

// String returns the state's name.
func (s CooperationStatus) String() string {
	names := [...]string{1: "bound", 2: "unbound", 3: "rejected", 4: "accepting", 5: "timed-out", 6: "failed", 7: "cancelled"}
	if s >= 1 && int(s) < len(names) {
		return names[s]
	}
	return "CooperationStatus(" + strconv.Itoa(int(s)) + ")"
}

// CooperationAccount is one cooperation account of the shop.
type CooperationAccount struct {
	// SharerID is the account's id: an official account's gh_ original id,
	// a mini-program's appid.
	SharerID   string            `json:"sharer_id"`
	Status     CooperationStatus `json:"status"`
	SharerName string            `json:"sharer_name"`
	SharerType CooperationType   `json:"sharer_type"`
	// BindTime, UnbindTime, RejectTime and CancelTime are Unix
	// milliseconds (0: not happened).
	BindTime   int64 `json:"bind_time"`
	UnbindTime int64 `json:"unbind_time"`
	RejectTime int64 `json:"reject_time"`
	CancelTime int64 `json:"cancel_time"`
	// AccountID is the account's appid, as order/get's account_id names it
	// (合作账号id_2).
	AccountID string `json:"account_id"`
}

// cooperationBody is the body that names one account.
type cooperationBody struct {
	SharerID   string          `json:"sharer_id"`
	SharerType CooperationType `json:"sharer_type"`
}

func (b cooperationBody) validate() []vcart.FieldError {
	var p []vcart.FieldError
	if b.SharerID == "" {
		p = append(p, vcart.FieldError{Field: "sharer_id", Code: "required", Msg: "is required"})
	}
	p = checkSharerType(b.SharerType, p)
	return p
}

func checkSharerType(t CooperationType, p []vcart.FieldError) []vcart.FieldError {
	if t < CooperationChannels || t > CooperationMiniProgram {
		p = append(p, vcart.FieldError{Field: "sharer_type", Code: "enum", Msg: "must be 1, 2 or 3"})
	}
	return p
}

// List returns the shop's cooperation accounts of one type, the most
// recently updated first (获取合作账号列表).
//
// WeChat API: POST /channels/ec/cooperation/list
func (s *CooperationService) List(ctx context.Context, t CooperationType) ([]CooperationAccount, *Response, error) {
	if p := checkSharerType(t, nil); p != nil {
		return nil, nil, errorf("list cooperation accounts", vcart.NewValidationError(p))
	}
	body := struct {
		SharerType CooperationType `json:"sharer_type"`
	}{t}
	var out struct {
		DataList []CooperationAccount `json:"data_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCooperationList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list cooperation accounts", err)
	}
	return out.DataList, resp, nil
}

// Invite returns a QR code (base64-encoded image) that invites the account
// to cooperate (生成合作账号邀请二维码): scanned in WeChat, it sends the
// binding invitation; the invitation is then accepting (4) until the
// account answers.
//
// WeChat API: POST /channels/ec/cooperation/invitation/qrcode/generate
func (s *CooperationService) Invite(ctx context.Context, sharerID string, t CooperationType) (qrcodeBase64 string, resp *Response, err error) {
	b := cooperationBody{sharerID, t}
	if err := vcart.NewValidationError(b.validate()); err != nil {
		return "", nil, errorf("invite cooperation account", err)
	}
	var out struct {
		Data struct {
			QRCodeBase64 string `json:"qrcode_base64"`
		} `json:"data"`
	}
	resp, err = s.client.call(ctx, &request{ep: epCooperationInvite, body: b}, &out)
	if err != nil {
		return "", resp, errorf("invite cooperation account "+sharerID, err)
	}
	return out.Data.QRCodeBase64, resp, nil
}

// Status returns the state of the invitation of (or cooperation with) an
// account (查看合作账号邀请状态). Errcode 788191008
// ([CodeCooperationNotBound]): the shop and the account have no relation.
//
// WeChat API: POST /channels/ec/cooperation/invitation/get
func (s *CooperationService) Status(ctx context.Context, sharerID string, t CooperationType) (CooperationStatus, *Response, error) {
	b := cooperationBody{sharerID, t}
	if err := vcart.NewValidationError(b.validate()); err != nil {
		return 0, nil, errorf("get cooperation invitation", err)
	}
	var out struct {
		Data struct {
			Status CooperationStatus `json:"status"`
		} `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epCooperationGet, body: b}, &out)
	if err != nil {
		return 0, resp, errorf("get cooperation invitation "+sharerID, err)
	}
	return out.Data.Status, resp, nil
}

// CancelInvitation withdraws a pending invitation (取消合作账号邀请; state 7).
// Errcode 788191005 ([CodeCooperationFlow]): the invitation is not pending.
//
// WeChat API: POST /channels/ec/cooperation/invitation/cancel
func (s *CooperationService) CancelInvitation(ctx context.Context, sharerID string, t CooperationType) (*Response, error) {
	return s.change(ctx, epCooperationCancel, "cancel cooperation invitation", sharerID, t)
}

// Unbind ends the cooperation with a bound account (解绑合作账号; state 2).
// Errcode 788191005 ([CodeCooperationFlow]): the account is not bound.
//
// WeChat API: POST /channels/ec/cooperation/unbind
func (s *CooperationService) Unbind(ctx context.Context, sharerID string, t CooperationType) (*Response, error) {
	return s.change(ctx, epCooperationUnbind, "unbind cooperation account", sharerID, t)
}

func (s *CooperationService) change(ctx context.Context, e endpoint, op, sharerID string, t CooperationType) (*Response, error) {
	b := cooperationBody{sharerID, t}
	if err := vcart.NewValidationError(b.validate()); err != nil {
		return nil, errorf(op, err)
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: b}, nil)
	if err != nil {
		return resp, errorf(op+" "+sharerID, err)
	}
	return resp, nil
}
