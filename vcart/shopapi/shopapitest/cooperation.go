package shopapitest

import (
	"encoding/base64"
	"errors"
	"net/http"
	"sort"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Cooperation accounts (合作账号): invitations and their state machine.
// The account's side (accepting or rejecting) is [Server.AnswerCooperation].

func cooperationRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/cooperation/list", h: (*Server).hCooperationList},
		{method: http.MethodPost, path: "/channels/ec/cooperation/invitation/qrcode/generate", h: (*Server).hCooperationInvite},
		{method: http.MethodPost, path: "/channels/ec/cooperation/invitation/get", h: (*Server).hCooperationGet},
		{method: http.MethodPost, path: "/channels/ec/cooperation/invitation/cancel", h: (*Server).hCooperationCancel},
		{method: http.MethodPost, path: "/channels/ec/cooperation/unbind", h: (*Server).hCooperationUnbind},
	}
}

type cooperationRec struct {
	SharerID   string `json:"sharer_id"`
	Status     int    `json:"status"`
	SharerName string `json:"sharer_name"`
	SharerType int    `json:"sharer_type"`
	BindTime   int64  `json:"bind_time"`
	UnbindTime int64  `json:"unbind_time"`
	RejectTime int64  `json:"reject_time"`
	CancelTime int64  `json:"cancel_time"`
	AccountID  string `json:"account_id"`
	updated    int64
}

func (s *Server) cooperations() *table[cooperationRec] {
	return tableOf[cooperationRec](s, "cooperation", shopapi.CodeCooperationNotBound, "shop and sharer are not bound")
}

type cooperationReq struct {
	SharerID   string `json:"sharer_id"`
	SharerType int    `json:"sharer_type"`
}

func (s *Server) decodeCooperation(c *call) (cooperationReq, error) {
	var req cooperationReq
	if err := c.decode(&req); err != nil {
		return req, err
	}
	if req.SharerID == "" || req.SharerType < 1 || req.SharerType > 3 {
		return req, apiErr(shopapi.CodeCooperationBadSharer, "invalid sharer_id, please check the enum")
	}
	return req, nil
}

func (s *Server) hCooperationList(c *call) (any, error) {
	var req struct {
		SharerType int `json:"sharer_type"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	t := s.cooperations()
	var list []cooperationRec
	for _, id := range t.ids(func(_ string, r *cooperationRec) bool { return r.SharerType == req.SharerType }) {
		r, _ := t.get(id)
		list = append(list, *r)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].updated > list[j].updated })
	return struct {
		DataList []cooperationRec `json:"data_list"`
	}{append([]cooperationRec{}, list...)}, nil
}

func (s *Server) hCooperationInvite(c *call) (any, error) {
	req, err := s.decodeCooperation(c)
	if err != nil {
		return nil, err
	}
	t := s.cooperations()
	r, err := t.get(req.SharerID)
	switch {
	case err != nil:
		r = &cooperationRec{SharerID: req.SharerID, SharerType: req.SharerType, SharerName: "合作账号 " + req.SharerID, AccountID: req.SharerID}
		t.put(req.SharerID, r)
	case r.Status == int(shopapi.CooperationBound) || r.Status == int(shopapi.CooperationAccepting):
		return nil, apiErr(shopapi.CodeCooperationFlow, "business flow error, see the state machine")
	}
	r.Status, r.updated = int(shopapi.CooperationAccepting), s.now().UnixMilli()
	var a struct {
		Data struct {
			QRCodeBase64 string `json:"qrcode_base64"`
		} `json:"data"`
	}
	a.Data.QRCodeBase64 = base64.StdEncoding.EncodeToString([]byte("fake-qrcode:" + req.SharerID))
	return a, nil
}

func (s *Server) hCooperationGet(c *call) (any, error) {
	req, err := s.decodeCooperation(c)
	if err != nil {
		return nil, err
	}
	r, err := s.cooperations().get(req.SharerID)
	if err != nil {
		return nil, err
	}
	var a struct {
		Data struct {
			Status int `json:"status"`
		} `json:"data"`
	}
	a.Data.Status = r.Status
	return a, nil
}

// moveCooperation moves the account from state from to state to, or
// answers 788191005.
func (s *Server) moveCooperation(c *call, from, to shopapi.CooperationStatus) (any, error) {
	req, err := s.decodeCooperation(c)
	if err != nil {
		return nil, err
	}
	r, err := s.cooperations().get(req.SharerID)
	if err != nil {
		return nil, err
	}
	if r.Status != int(from) {
		return nil, apiErr(shopapi.CodeCooperationFlow, "business flow error, see the state machine")
	}
	now := s.now().UnixMilli()
	r.Status, r.updated = int(to), now
	if to == shopapi.CooperationCancelled {
		r.CancelTime = now
	} else {
		r.UnbindTime = now
	}
	return nil, nil
}

func (s *Server) hCooperationCancel(c *call) (any, error) {
	return s.moveCooperation(c, shopapi.CooperationAccepting, shopapi.CooperationCancelled)
}

func (s *Server) hCooperationUnbind(c *call) (any, error) {
	return s.moveCooperation(c, shopapi.CooperationBound, shopapi.CooperationUnbound)
}

// ErrNoInvitation is returned by [Server.AnswerCooperation] when the
// account has no pending invitation.
var ErrNoInvitation = errors.New("shopapitest: no pending cooperation invitation")

// AnswerCooperation plays the invited account: it accepts (bound) or
// rejects the pending invitation, and names the account.
func (s *Server) AnswerCooperation(sharerID, name string, accept bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.cooperations().get(sharerID)
	if err != nil || r.Status != int(shopapi.CooperationAccepting) {
		return ErrNoInvitation
	}
	now := s.now().UnixMilli()
	r.updated = now
	if name != "" {
		r.SharerName = name
	}
	if accept {
		r.Status, r.BindTime, r.UnbindTime, r.RejectTime, r.CancelTime = int(shopapi.CooperationBound), now, 0, 0, 0
		return nil
	}
	r.Status, r.RejectTime = int(shopapi.CooperationRejected), now
	return nil
}
