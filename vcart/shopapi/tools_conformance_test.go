package shopapi

import "context"

// Wire cases of the quota tools, network checks, quality inspection,
// favourites and the WeCom look-up (issue 20).
var toolsWireCases = []wireCase{
	{path: "/cgi-bin/clear_quota", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			AppID string `json:"appid"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Quota.ClearAll(ctx, b.AppID)
		return err
	}},
	{path: "/cgi-bin/clear_quota/v2", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			AppID     string `json:"appid"`
			AppSecret string `json:"appsecret"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Quota.ClearAllWithSecret(ctx, b.AppID, b.AppSecret)
		return err
	}},
	{path: "/cgi-bin/openapi/quota/clear", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			CGIPath string `json:"cgi_path"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Quota.Clear(ctx, b.CGIPath)
		return err
	}},
	{path: "/cgi-bin/openapi/rid/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			RID string `json:"rid"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Quota.RID(ctx, b.RID)
		return err
	}},
	{path: "/cgi-bin/callback/check", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Action        CheckAction   `json:"action"`
			CheckOperator CheckOperator `json:"check_operator"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Network.CheckCallback(ctx, b.Action, b.CheckOperator)
		return err
	}},
	{path: "/cgi-bin/get_api_domain_ip", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Network.APIIPs(ctx)
		return err
	}},
	{path: "/cgi-bin/getcallbackip", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Network.PushIPs(ctx)
		return err
	}},
	{path: "/channels/ec/favorites/count/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Favorites.Count(ctx)
		return err
	}},
	{path: "/channels/ec/wecom/get_wecom_id", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			CorpID string `json:"corp_id"`
			UserID string `json:"user_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Store.WecomID(ctx, b.CorpID, b.UserID)
		return err
	}},
	{path: "/channels/ec/qic/inspect/config/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Inspection.Config(ctx)
		return err
	}},
	{path: "/channels/ec/qic/inspect/submitconfig/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Inspection.SubmitConfig(ctx, "")
		return err
	}},
	{path: "/channels/ec/qic/inspect/code/print", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OrderID ID `json:"order_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Inspection.PrintCode(ctx, b.OrderID)
		return err
	}},
	{path: "/channels/ec/qic/inspect/submit", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OrderID     ID          `json:"order_id"`
			InspectInfo InspectInfo `json:"inspect_info"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Inspection.Submit(ctx, b.OrderID, &b.InspectInfo)
		return err
	}},
	{path: "/channels/ec/qic/inspect/register_logistics", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OrderIDList   []ID             `json:"order_id_list"`
			LogisticsInfo InspectLogistics `json:"logistics_info"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Inspection.RegisterLogistics(ctx, b.OrderIDList, b.LogisticsInfo)
		return err
	}},
}
