package shopapi

import "context"

var talentWireCases = []wireCase{
	{path: "/channels/ec/talent/get_order_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var r TalentOrderListRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Talents.Orders(ctx, &r)
		return err
	}},
	{path: "/channels/ec/talent/get_order_detail", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OrderID   ID     `json:"order_id"`
			SKUID     ID     `json:"sku_id"`
			SpecialID string `json:"special_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Talents.OrderDetail(ctx, b.OrderID, b.SKUID, b.SpecialID)
		return err
	}},
	{path: "/channels/ec/talent/window/product/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			PageSize   int    `json:"page_size"`
			PageIndex  int    `json:"page_index"`
			LastBuffer string `json:"last_buffer"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Talents.WindowProducts(ctx, b.PageSize, b.PageIndex, b.LastBuffer)
		return err
	}},
	{path: "/channels/ec/talent/window/product/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ProductID ID `json:"product_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Talents.WindowProduct(ctx, b.ProductID)
		return err
	}},
}
