package shopapi

import "context"

var addressWireCases = []wireCase{
	{path: "/channels/ec/merchant/address/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var b addressDetailBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Addresses.Add(ctx, b.Detail)
		return err
	}},
	{path: "/channels/ec/merchant/address/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var b addressDetailBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Addresses.Update(ctx, b.Detail)
		return err
	}},
	{path: "/channels/ec/merchant/address/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b addressIDBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Addresses.Get(ctx, b.AddressID)
		return err
	}},
	{path: "/channels/ec/merchant/address/delete", call: func(ctx context.Context, c *Client, req []byte) error {
		var b addressIDBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Addresses.Delete(ctx, b.AddressID)
		return err
	}},
	{path: "/channels/ec/merchant/address/list", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Offset int `json:"offset"`
			Limit  int `json:"limit"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Addresses.List(ctx, b.Offset, b.Limit)
		return err
	}},
	{path: "/channels/ec/basics/addresscode/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			AddrCode int64 `json:"addr_code"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Addresses.Code(ctx, b.AddrCode)
		return err
	}},
}
