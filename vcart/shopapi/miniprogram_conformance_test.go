package shopapi

import "context"

// Wire cases of the mini-program gifts and material (issue 20).
var miniProgramWireCases = []wireCase{
	{path: "/channels/ec/b2c/activity/list/promoter/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Offset int `json:"offset"`
			Limit  int `json:"limit"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, _, err := c.MiniProgram.PresentActivities(ctx, b.Offset, b.Limit)
		return err
	}},
	{path: "/channels/ec/b2c/activity/info/promoter/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ShopAppID  string `json:"shop_appid"`
			ActivityID ID     `json:"activity_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.MiniProgram.PresentActivity(ctx, b.ShopAppID, b.ActivityID)
		return err
	}},
	{path: "/channels/ec/order/presentorder/create", call: func(ctx context.Context, c *Client, req []byte) error {
		var r PresentCreateRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.MiniProgram.CreatePresent(ctx, &r)
		return err
	}},
	{path: "/channels/ec/order/presentorder/receiver/set", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			PresentOrderID ID                `json:"present_order_id"`
			SubOrderList   []PresentReceiver `json:"sub_order_list"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.MiniProgram.SetPresentReceivers(ctx, b.PresentOrderID, b.SubOrderList)
		return err
	}},
	{path: "/channels/ec/order/present/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			PresentOrderID ID `json:"present_order_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.MiniProgram.Present(ctx, b.PresentOrderID)
		return err
	}},
	{path: "/channels/ec/order/presentlist/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var o PresentListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, _, err := c.MiniProgram.Presents(ctx, o)
		return err
	}},
	{path: "/channels/ec/order/receiverorderlist/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var o ReceiverOrderListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, _, err := c.MiniProgram.ReceiverOrders(ctx, o)
		return err
	}},
	{path: "/channels/ec/order/presentorder/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			PresentOrderID ID     `json:"present_order_id"`
			OpenID         string `json:"open_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.MiniProgram.LegacyPresentOrder(ctx, b.PresentOrderID, b.OpenID)
		return err
	}},
	{path: "/channels/ec/order/presentorderlist/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var o LegacyPresentListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, _, err := c.MiniProgram.LegacyPresents(ctx, o)
		return err
	}},
	{path: "/channels/ec/open/upload", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OpenID  string `json:"openid"`
			FileURL string `json:"file_url"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.MiniProgram.Upload(ctx, b.OpenID, b.FileURL)
		return err
	}},
	{path: "/channels/ec/open/get_download_url", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OpenID  string `json:"openid"`
			OrderID ID     `json:"order_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, _, err := c.MiniProgram.DownloadURL(ctx, b.OpenID, b.OrderID)
		return err
	}},
}
