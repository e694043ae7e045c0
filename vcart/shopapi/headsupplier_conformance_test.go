package shopapi

import "context"

var headSupplierWireCases = []wireCase{
	{path: "/channels/ec/league/headsupplier/funds/balance/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.HeadSuppliers.Balance(ctx)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/funds/flowdetail/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			FlowID ID `json:"flow_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.FundsFlow(ctx, b.FlowID)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/funds/flowlist/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b HeadSupplierFlowListOptions
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.FundsFlows(ctx, b)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/item/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ProductID ID     `json:"product_id"`
			AppID     string `json:"appid"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.Item(ctx, b.AppID, b.ProductID)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/item/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			AppID    string `json:"appid"`
			PageSize int    `json:"page_size"`
			NextKey  string `json:"next_key"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.Items(ctx, b.AppID, b.PageSize, b.NextKey)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/order/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OrderID ID `json:"order_id"`
			SKUID   ID `json:"sku_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.CommissionOrder(ctx, b.OrderID, b.SKUID)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/order/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b CommissionOrderListOptions
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.CommissionOrders(ctx, b)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/shop/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			AppID string `json:"appid"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.Shop(ctx, b.AppID)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/shop/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			PageSize int    `json:"page_size"`
			NextKey  string `json:"next_key"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.Shops(ctx, b.PageSize, b.NextKey)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/window/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var b WindowAddRequest
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.HeadSuppliers.AddToWindow(ctx, &b)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/window/getall", call: func(ctx context.Context, c *Client, req []byte) error {
		var b WindowProductsOptions
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.WindowProducts(ctx, b)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/window/getdetail", call: func(ctx context.Context, c *Client, req []byte) error {
		var b windowProductBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.WindowProduct(ctx, b.AppID, b.FinderID, b.ProductID)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/window/remove", call: func(ctx context.Context, c *Client, req []byte) error {
		var b windowProductBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.HeadSuppliers.RemoveFromWindow(ctx, b.AppID, b.FinderID, b.ProductID)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/windowauth/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b finderIDBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.WindowAuth(ctx, b.FinderID)
		return err
	}},
	{path: "/channels/ec/league/headsupplier/windowauth/status/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b finderIDBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.HeadSuppliers.WindowAuthStatus(ctx, b.FinderID)
		return err
	}},
}
