package shopapi

import (
	"context"
	"strconv"
)

// Wire cases of the marketing groups (issue 18): coupons, flash sales,
// gifts, members and sharers.

var couponWireCases = []wireCase{
	{path: "/channels/ec/coupon/create", call: func(ctx context.Context, c *Client, req []byte) error {
		var spec CouponSpec
		if err := decodeExample(req, &spec); err != nil {
			return err
		}
		_, _, err := c.Coupons.Create(ctx, &spec)
		return err
	}},
	{path: "/channels/ec/coupon/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var u CouponUpdate
		if err := decodeExample(req, &u); err != nil {
			return err
		}
		_, err := c.Coupons.Update(ctx, u.CouponID, &u.CouponSpec)
		return err
	}},
	{path: "/channels/ec/coupon/update_status", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			CouponID ID           `json:"coupon_id"`
			Status   CouponStatus `json:"status"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Coupons.UpdateStatus(ctx, v.CouponID, v.Status)
		return err
	}},
	{path: "/channels/ec/coupon/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			CouponID ID `json:"coupon_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Coupons.Get(ctx, v.CouponID)
		return err
	}},
	{path: "/channels/ec/coupon/get_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var o CouponListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, err := c.Coupons.List(ctx, &o)
		return err
	}},
	{path: "/channels/ec/coupon/get_user_coupon", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			OpenID       string `json:"openid"`
			UserCouponID ID     `json:"user_coupon_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Coupons.GetUserCoupon(ctx, v.OpenID, v.UserCouponID)
		return err
	}},
	{path: "/channels/ec/coupon/get_user_coupon_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var o UserCouponListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, err := c.Coupons.ListUserCoupons(ctx, &o)
		return err
	}},
}

type taskIDExample struct {
	TaskID ID `json:"task_id"`
}

var flashSaleWireCases = []wireCase{
	{path: "/channels/ec/product/limiteddiscounttask/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var t FlashSaleTask
		if err := decodeExample(req, &t); err != nil {
			return err
		}
		_, _, err := c.FlashSales.Add(ctx, &t)
		return err
	}},
	{path: "/channels/ec/product/limiteddiscounttask/update", call: func(ctx context.Context, c *Client, _ []byte) error {
		// No official example: the page's table only.
		_, _, _, err := c.FlashSales.Update(ctx, &FlashSaleUpdate{TaskID: "1", Status: FlashSalePending, StartTime: 1, EndTime: 2,
			Title: "t", SKUs: []FlashSaleUpdateSKU{{ProductID: "1", SKUID: "2", SalePrice: 100, SaleStock: 1}}})
		return err
	}},
	{path: "/channels/ec/product/limiteddiscounttask/stop", call: func(ctx context.Context, c *Client, req []byte) error {
		var v taskIDExample
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.FlashSales.Stop(ctx, v.TaskID)
		return err
	}},
	{path: "/channels/ec/product/limiteddiscounttask/delete", call: func(ctx context.Context, c *Client, req []byte) error {
		var v taskIDExample
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.FlashSales.Delete(ctx, v.TaskID)
		return err
	}},
	{path: "/channels/ec/product/limiteddiscounttask/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var o FlashSaleListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, err := c.FlashSales.List(ctx, &o)
		return err
	}},
}

type activityIDExample struct {
	ActivityID ID `json:"activity_id"`
}

var giftWireCases = []wireCase{
	{path: "/channels/ec/product/activity/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			GiftActivity GiftActivity `json:"gift_activity"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		// The example's placeholder times end before they start ("11111",
		// "222222"), against the page's rule: the case swaps them.
		a := &v.GiftActivity
		if a.EndTime < a.StartTime {
			a.StartTime, a.EndTime = a.EndTime, a.StartTime
		}
		_, _, err := c.Gifts.AddActivity(ctx, a)
		return err
	}},
	{path: "/channels/ec/product/activity/del", call: func(ctx context.Context, c *Client, req []byte) error {
		var v activityIDExample
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Gifts.DeleteActivity(ctx, v.ActivityID)
		return err
	}},
	{path: "/channels/ec/product/activity/stop", call: func(ctx context.Context, c *Client, req []byte) error {
		var v activityIDExample
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Gifts.StopActivity(ctx, v.ActivityID)
		return err
	}},
	{path: "/channels/ec/product/gift/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var g GiftProduct
		if err := decodeExample(req, &g); err != nil {
			return err
		}
		_, _, err := c.Gifts.Add(ctx, &g)
		return err
	}},
	{path: "/channels/ec/product/gift/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var g GiftProduct
		if err := decodeExample(req, &g); err != nil {
			return err
		}
		_, _, err := c.Gifts.Update(ctx, &g)
		return err
	}},
	{path: "/channels/ec/product/gift/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			ProductID ID  `json:"product_id"`
			DataType  int `json:"data_type"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Gifts.Get(ctx, v.ProductID, v.DataType)
		return err
	}},
	{path: "/channels/ec/product/gift/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var o GiftListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, err := c.Gifts.List(ctx, &o)
		return err
	}},
	{path: "/channels/ec/product/gift/onsale/set", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			ProductID ID             `json:"product_id"`
			SKUs      []GiftSKUStock `json:"skus"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Gifts.FromProduct(ctx, v.ProductID, v.SKUs)
		return err
	}},
	{path: "/channels/ec/product/gift/stock/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			ProductID ID            `json:"product_id"`
			SKUID     ID            `json:"sku_id"`
			DiffType  StockDiffType `json:"diff_type"`
			Num       int           `json:"num"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Gifts.UpdateStock(ctx, v.ProductID, v.SKUID, v.DiffType, v.Num)
		return err
	}},
}

type wxaOpenIDExample struct {
	WxaOpenID string `json:"wxa_openid"`
}

var memberWireCases = []wireCase{
	{path: "/channels/ec/vip/user/info/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v openidBody
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		if v.OpenID == "" {
			v.OpenID = "OPENID" // the example sends "": the client requires one
		}
		_, _, err := c.Members.Get(ctx, v.OpenID)
		return err
	}},
	{path: "/channels/ec/vip/user/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			PageNum  int `json:"page_num"`
			PageSize int `json:"page_size"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Members.List(ctx, v.PageNum, v.PageSize)
		return err
	}},
	{path: "/channels/ec/vip/user/score/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v openidBody
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		n, _, err := c.Members.Score(ctx, v.OpenID)
		if err == nil && n != 100 {
			return strconv.ErrSyntax
		}
		return err
	}},
	{path: "/channels/ec/vip/user/score/increase", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, err := c.Members.IncreaseScore(ctx, &ScoreChange{OpenID: "OPENID", Score: 100, Remark: "备注", RequestID: "REQUEST_ID"})
		return err
	}},
	{path: "/channels/ec/vip/user/score/decrease", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, err := c.Members.DecreaseScore(ctx, &ScoreChange{OpenID: "OPENID", Score: 100, Remark: "备注", RequestID: "REQUEST_ID"})
		return err
	}},
	{path: "/channels/ec/vip/user/score/flowrecord/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			OpenID   string `json:"openid"`
			PageNum  int    `json:"page_num"`
			PageSize int    `json:"page_size"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Members.ScoreFlow(ctx, v.OpenID, v.PageNum, v.PageSize)
		return err
	}},
	{path: "/channels/ec/vip/user/grade/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			OpenID string `json:"openid"`
			Grade  Grade  `json:"grade"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Members.UpdateGrade(ctx, v.OpenID, v.Grade)
		return err
	}},
	{path: "/channels/ec/vip/v3/wxa/info/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Members.WxaBinding(ctx)
		return err
	}},
	{path: "/wxa/vip/shop/list/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Members.WxaBoundShops(ctx)
		return err
	}},
	{path: "/wxa/vip/user/info/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			SessionID string        `json:"session_id"`
			WxaOpenID string        `json:"wxa_openid"`
			Info      WxaMemberInfo `json:"info"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Members.AddWxaMember(ctx, v.SessionID, v.WxaOpenID, v.Info)
		return err
	}},
	{path: "/wxa/vip/user/info/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			WxaOpenID string        `json:"wxa_openid"`
			Info      WxaMemberInfo `json:"info"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Members.UpdateWxaMember(ctx, v.WxaOpenID, v.Info)
		return err
	}},
	{path: "/wxa/vip/user/info/delete", call: func(ctx context.Context, c *Client, req []byte) error {
		var v wxaOpenIDExample
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Members.DeleteWxaMember(ctx, v.WxaOpenID)
		return err
	}},
	{path: "/wxa/vip/user/info/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v wxaOpenIDExample
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Members.GetWxaMember(ctx, v.WxaOpenID)
		return err
	}},
	{path: "/wxa/vip/user/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			Offset int `json:"offset"`
			Limit  int `json:"limit"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Members.ListWxaMembers(ctx, v.Offset, v.Limit)
		return err
	}},
}

var sharerWireCases = []wireCase{
	{path: "/channels/ec/sharer/bind", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			Username string `json:"username"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Sharers.Bind(ctx, v.Username)
		return err
	}},
	{path: "/channels/ec/sharer/unbind", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			OpenIDList []string `json:"openid_list"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Sharers.Unbind(ctx, v.OpenIDList)
		return err
	}},
	{path: "/channels/ec/sharer/search_sharer", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			OpenID   string `json:"openid"`
			Username string `json:"username"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Sharers.Search(ctx, v.OpenID, v.Username)
		return err
	}},
	{path: "/channels/ec/sharer/get_sharer_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			Page       int        `json:"page"`
			PageSize   int        `json:"page_size"`
			SharerType SharerType `json:"sharer_type"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Sharers.List(ctx, v.SharerType, v.Page, v.PageSize)
		return err
	}},
	{path: "/channels/ec/sharer/get_sharer_order_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var o SharerOrderOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, err := c.Sharers.Orders(ctx, &o)
		return err
	}},
}
