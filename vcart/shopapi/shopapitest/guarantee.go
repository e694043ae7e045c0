package shopapitest

import (
	"encoding/json"
	"fmt"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Guarantee orders (保障单): a buyer's claim under 假一赔四 or 坏损包退. The
// fake moves them through the platform's states and pushes
// channels_ec_guarantee_update at each change.

func guaranteeRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/aftersale/searchguaranteeorder", h: (*Server).hGuaranteeSearch},
		{method: http.MethodPost, path: "/channels/ec/aftersale/getguaranteeorder", h: (*Server).hGuaranteeGet},
		{method: http.MethodPost, path: "/channels/ec/aftersale/merchantacceptguarantee", h: (*Server).hGuaranteeAccept},
		{method: http.MethodPost, path: "/channels/ec/aftersale/merchantmodifyguarantee", h: (*Server).hGuaranteeModify},
		{method: http.MethodPost, path: "/channels/ec/aftersale/merchantproofguarantee", h: (*Server).hGuaranteeProof},
		{method: http.MethodPost, path: "/channels/ec/aftersale/merchantrefuseguarantee", h: (*Server).hGuaranteeRefuse},
	}
}

// guarantee is the fake's state of one guarantee order.
type guarantee struct {
	id, orderID, openid string
	typ                 shopapi.GuaranteeType
	status              shopapi.GuaranteeStatus
	created, updated    int64
	expire, completed   int64
	reason              string
	reasonType          int
	productID, skuID    string
	claimFen, payFen    int64
	badLevel            int
	refuseReason        string
	proof               []string
}

func (s *Server) guarantees() *table[guarantee] {
	return tableOf[guarantee](s, "guarantees", shopapi.CodeGuaranteeNotFound, "售后单不存在")
}

// guaranteeAnswer is a guarantee order as the platform answers it.
type guaranteeAnswer struct {
	GuaranteeOrderID     json.Number                `json:"guarantee_order_id"`
	Type                 int                        `json:"type"`
	OrderID              json.Number                `json:"order_id"`
	Status               string                     `json:"status"`
	CreateTime           int64                      `json:"create_time"`
	UpdateTime           int64                      `json:"update_time"`
	ApplyReason          string                     `json:"apply_reason"`
	ProductInfo          []shopapi.GuaranteeProduct `json:"product_info"`
	ExpireTime           int64                      `json:"expire_time"`
	OpenID               string                     `json:"openid"`
	UnionID              string                     `json:"unionid"`
	PayAmount            int64                      `json:"pay_amount"`
	MerchantRefuseReason string                     `json:"merchant_refuse_reason"`
	CompleteTime         int64                      `json:"complete_time"`
	ApplyReasonType      int                        `json:"apply_reason_type"`
}

func (g *guarantee) view() guaranteeAnswer {
	return guaranteeAnswer{GuaranteeOrderID: json.Number(g.id), Type: int(g.typ), OrderID: json.Number(g.orderID),
		Status: strconv.Itoa(int(g.status)), CreateTime: g.created, UpdateTime: g.updated, ApplyReason: g.reason,
		ProductInfo: []shopapi.GuaranteeProduct{{ProductID: shopapi.ID(g.productID), SKUID: shopapi.ID(g.skuID)}},
		ExpireTime:  g.expire, OpenID: g.openid, UnionID: "u-" + g.openid, PayAmount: g.payFen,
		MerchantRefuseReason: g.refuseReason, CompleteTime: g.completed, ApplyReasonType: g.reasonType}
}

// setGuarantee changes the state and pushes channels_ec_guarantee_update.
func (s *Server) setGuarantee(g *guarantee, st shopapi.GuaranteeStatus) {
	g.status = st
	g.updated = s.now().Unix()
	g.expire = g.updated + 48*3600
	if st.IsFinal() {
		g.completed, g.expire = g.updated, 0
	}
	s.emit("channels_ec_guarantee_update", g.openid, "finder_shop_guarantee_status_update",
		map[string]any{"status": int(st), "guarantee_order_id": g.id, "order_id": g.orderID})
}

// NewGuarantee describes a buyer's guarantee claim for [Server.OpenGuarantee].
type NewGuarantee struct {
	// Type defaults to shopapi.GuaranteeDamageReturn.
	Type  shopapi.GuaranteeType
	SKUID vcart.ID
	// ClaimFen defaults to the line's amount (假一赔四: four times it).
	ClaimFen int64
	// Reason defaults to 商品破损.
	Reason string
}

// OpenGuarantee opens the buyer's guarantee claim on a paid order's line
// (status 10, waiting for the merchant) and returns its id, a number as on
// the platform.
func (s *Server) OpenGuarantee(orderID vcart.ID, n NewGuarantee) (vcart.ID, error) {
	var out string
	err := s.lifecycle(string(orderID), func(st *orderStore, r *orderRec, d *orderDetail) error {
		if !shopapi.OrderStatus(r.status).IsPaid() {
			return stateErr(r, "open a guarantee")
		}
		i := slices.IndexFunc(d.lines, func(l orderLine) bool { return l.skuID == string(n.SKUID) })
		if i < 0 {
			return fmt.Errorf("%w: SKU %s not in order", ErrNotFound, n.SKUID)
		}
		l := d.lines[i]
		if n.Type == 0 {
			n.Type = shopapi.GuaranteeDamageReturn
		}
		if n.ClaimFen == 0 {
			n.ClaimFen = l.lineFen
			if n.Type == shopapi.GuaranteeFakeCompensation {
				n.ClaimFen *= 4
			}
		}
		if n.Reason == "" {
			n.Reason = "商品破损"
		}
		now := s.now().Unix()
		g := &guarantee{orderID: string(orderID), openid: d.openid, typ: n.Type, created: now, reason: n.Reason, reasonType: 1,
			productID: l.productID, skuID: l.skuID, claimFen: n.ClaimFen, payFen: n.ClaimFen}
		g.id = s.guarantees().add(s, g)
		s.setGuarantee(g, shopapi.GuaranteeWaitMerchant)
		out = g.id
		return nil
	})
	return vcart.ID(out), err
}

// GuaranteeStatus returns a guarantee order's state.
func (s *Server) GuaranteeStatus(id vcart.ID) (shopapi.GuaranteeStatus, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.guarantees().get(string(id))
	if err != nil {
		return 0, false
	}
	return g.status, true
}

// RequestGuaranteeProof is the platform asking the merchant for evidence
// (status 20, 等待商家举证) after a refusal.
func (s *Server) RequestGuaranteeProof(id vcart.ID) error {
	return s.guaranteeStep(string(id), func(g *guarantee) error {
		if g.status != shopapi.GuaranteeWaitPlatform {
			return fmt.Errorf("%w: ask for proof in %s", ErrState, g.status)
		}
		s.setGuarantee(g, shopapi.GuaranteeWaitMerchantProof)
		return nil
	})
}

// AnswerGuaranteeOffer is the buyer's answer to the merchant's damage ratio
// (status 12): accepted, the platform pays it (40); declined, the
// platform decides (15).
func (s *Server) AnswerGuaranteeOffer(id vcart.ID, accepted bool) error {
	return s.guaranteeStep(string(id), func(g *guarantee) error {
		if g.status != shopapi.GuaranteeWaitUserConfirm {
			return fmt.Errorf("%w: answer an offer in %s", ErrState, g.status)
		}
		if accepted {
			s.setGuarantee(g, shopapi.GuaranteeCompensated)
			return nil
		}
		g.payFen = g.claimFen
		s.setGuarantee(g, shopapi.GuaranteeWaitPlatform)
		return nil
	})
}

func (s *Server) guaranteeStep(id string, fn func(g *guarantee) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.guarantees().get(id)
	if err != nil {
		return fmt.Errorf("%w: guarantee %s", ErrNotFound, id)
	}
	return fn(g)
}

// guaranteeFor decodes b and returns the guarantee named by *id, a JSON
// number on the platform.
func (s *Server) guaranteeFor(c *call, b any, id *json.Number) (*guarantee, error) {
	if err := c.decode(b); err != nil {
		return nil, err
	}
	return s.guarantees().get(id.String())
}

var errGuaranteeState = apiErr(shopapi.CodeAftersaleOpNotSupported, "当前售后单不支持此操作，请检查售后单状态")

func (s *Server) hGuaranteeSearch(c *call) (any, error) {
	var b struct {
		IDs      []json.Number `json:"guarantee_order_id_list"`
		OrderIDs []json.Number `json:"order_id_list"`
		Type     int           `json:"type"`
		Begin    int64         `json:"begin_time"`
		End      int64         `json:"end_time"`
		Statuses []int         `json:"status_list"`
		Offset   int           `json:"offset"`
		Limit    int           `json:"limit"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	has := func(xs []json.Number, v string) bool {
		return len(xs) == 0 || slices.ContainsFunc(xs, func(x json.Number) bool { return x.String() == v })
	}
	ids := s.guarantees().ids(func(id string, g *guarantee) bool {
		return has(b.IDs, id) && has(b.OrderIDs, g.orderID) && (b.Type == 0 || b.Type == int(g.typ)) &&
			(b.Begin == 0 || g.created >= b.Begin) && (b.End == 0 || g.created < b.End) &&
			(len(b.Statuses) == 0 || slices.Contains(b.Statuses, int(g.status)))
	})
	page, _, err := pageOffset(ids, b.Offset, b.Limit, 100, shopapi.CodeAftersaleBadParams)
	if err != nil {
		return nil, err
	}
	out := struct {
		List     []guaranteeAnswer `json:"guarantee_order_list"`
		TotalNum int               `json:"total_num"`
	}{List: []guaranteeAnswer{}, TotalNum: len(ids)}
	for _, id := range page {
		g, _ := s.guarantees().get(id)
		out.List = append(out.List, g.view())
	}
	return out, nil
}

type guaranteeIDBody struct {
	ID json.Number `json:"guarantee_order_id"`
}

func (s *Server) hGuaranteeGet(c *call) (any, error) {
	var b guaranteeIDBody
	g, err := s.guaranteeFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	return struct {
		G guaranteeAnswer `json:"guarantee_order"`
	}{g.view()}, nil
}

func (s *Server) hGuaranteeAccept(c *call) (any, error) {
	var b guaranteeIDBody
	g, err := s.guaranteeFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if g.status != shopapi.GuaranteeWaitMerchant {
		return nil, errGuaranteeState
	}
	g.payFen = g.claimFen
	s.setGuarantee(g, shopapi.GuaranteeCompensating)
	s.setGuarantee(g, shopapi.GuaranteeCompensated)
	return nil, nil
}

func (s *Server) hGuaranteeModify(c *call) (any, error) {
	var b struct {
		ID             json.Number `json:"guarantee_order_id"`
		BadLevel       int         `json:"bad_level"`
		MerchantRemark string      `json:"merchant_remark"`
	}
	g, err := s.guaranteeFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(shopapi.BadLevels, b.BadLevel) {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "bad_level must be 10/30/50/80/100")
	}
	if g.status != shopapi.GuaranteeWaitMerchant || g.typ != shopapi.GuaranteeDamageReturn {
		return nil, errGuaranteeState
	}
	g.badLevel = b.BadLevel
	g.payFen = g.claimFen * int64(b.BadLevel) / 100
	s.setGuarantee(g, shopapi.GuaranteeWaitUserConfirm)
	return nil, nil
}

func (s *Server) hGuaranteeProof(c *call) (any, error) {
	var b struct {
		ID      json.Number `json:"guarantee_order_id"`
		Content string      `json:"content"`
		PicList []string    `json:"pic_list"`
	}
	g, err := s.guaranteeFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if b.Content == "" {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "content is required")
	}
	if g.status != shopapi.GuaranteeWaitMerchantProof && g.status != shopapi.GuaranteeWaitBothProof {
		return nil, errGuaranteeState
	}
	g.proof = append(append(g.proof, b.Content), b.PicList...)
	s.setGuarantee(g, shopapi.GuaranteeWaitPlatform)
	return nil, nil
}

func (s *Server) hGuaranteeRefuse(c *call) (any, error) {
	var b struct {
		ID      json.Number `json:"guarantee_order_id"`
		Reason  string      `json:"reason"`
		PicList []string    `json:"pic_list"`
	}
	g, err := s.guaranteeFor(c, &b, &b.ID)
	if err != nil {
		return nil, err
	}
	if b.Reason == "" {
		return nil, apiErr(shopapi.CodeAftersaleBadParams, "reason is required")
	}
	if g.status != shopapi.GuaranteeWaitMerchant {
		return nil, errGuaranteeState
	}
	g.refuseReason = b.Reason
	g.proof = append(g.proof, b.PicList...)
	s.setGuarantee(g, shopapi.GuaranteeWaitPlatform)
	return nil, nil
}
