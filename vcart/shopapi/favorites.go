package shopapi

import "context"

var epFavoritesCount = ep("/channels/ec/favorites/count/get")

// FavoritesCount is how many users follow (收藏) the shop, by the scene
// where they did.
type FavoritesCount struct {
	// ShopHomepage: from the shop's homepage (店铺首页).
	ShopHomepage int64 `json:"favor_uv_acc_shop_homepage"`
	// OrderDetail: from an order's detail page (订单详情页).
	OrderDetail int64 `json:"favor_uv_acc_order_detail"`
	// ProductDetail: from a product's detail page (商品详情页).
	ProductDetail int64 `json:"favor_uv_acc_product_detail"`
	// OtherScene: from anywhere else (其他场景).
	OtherScene int64 `json:"favor_uv_acc_other_scene"`
	// All is every follower (所有收藏用户数).
	All int64 `json:"favor_uv_acc_all"`
}

// Count returns how many users follow the shop, in total and by scene
// (获取店铺收藏的人数). The request has no body.
//
// WeChat API: POST /channels/ec/favorites/count/get
func (s *FavoritesService) Count(ctx context.Context) (*FavoritesCount, *Response, error) {
	var out FavoritesCount
	resp, err := s.client.call(ctx, &request{ep: epFavoritesCount}, &out)
	if err != nil {
		return nil, resp, errorf("get favorites count", err)
	}
	return &out, resp, nil
}
