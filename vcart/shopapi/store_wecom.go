package shopapi

import (
	"context"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var epWecomID = ep("/channels/ec/wecom/get_wecom_id")

// WecomID is a WeCom (企业微信) company's and member's ids on the shop's
// side, for other APIs that take them.
type WecomID struct {
	WecomCorpID string `json:"wecom_corp_id"`
	WecomUserID string `json:"wecom_user_id"`
}

// WecomID returns the shop-side ids of a WeCom company linked to the shop
// (关联账号) and, when userID is given, of one of its members
// (获取关联账号企微id). The member must be in the visible range of the 微信小店
// app. Errcodes: 914911001 the company is not a linked account, 914911002
// no such user, 914911003 the company has not authorised the shop.
//
// WeChat API: POST /channels/ec/wecom/get_wecom_id
func (s *StoreService) WecomID(ctx context.Context, corpID, userID string) (*WecomID, *Response, error) {
	if corpID == "" {
		return nil, nil, errorf("get wecom id", vcart.NewValidationError([]vcart.FieldError{{Field: "corp_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		CorpID string `json:"corp_id"`
		UserID string `json:"user_id,omitempty"`
	}{corpID, userID}
	var out struct {
		Data WecomID `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epWecomID, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get wecom id", err)
	}
	return &out.Data, resp, nil
}
