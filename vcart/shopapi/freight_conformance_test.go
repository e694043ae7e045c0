package shopapi

import "context"

var freightWireCases = []wireCase{
	{path: "/channels/ec/merchant/addfreighttemplate", call: func(ctx context.Context, c *Client, req []byte) error {
		var b freightTemplateBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Freight.Add(ctx, b.Template)
		return err
	}},
	{path: "/channels/ec/merchant/updatefreighttemplate", call: func(ctx context.Context, c *Client, req []byte) error {
		var b freightTemplateBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Freight.Update(ctx, b.Template)
		return err
	}},
	{path: "/channels/ec/merchant/getfreighttemplatedetail", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			TemplateID ID `json:"template_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Freight.Get(ctx, b.TemplateID)
		return err
	}},
	{path: "/channels/ec/merchant/getfreighttemplatelist", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Offset int `json:"offset"`
			Limit  int `json:"limit"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Freight.List(ctx, b.Offset, b.Limit)
		return err
	}},
}
