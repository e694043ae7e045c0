package shopapi

import "context"

// Wire cases of the order extras (issue 17): sensitive address, virtual
// and real numbers, gift orders, pre-shipment SKU changes, fresh
// inspection, and the shop's private-number phones.

// orderIDCase is the wire case of an endpoint that takes {"order_id"}.
func orderIDCase(path string, call func(ctx context.Context, c *Client, id ID) error) wireCase {
	return wireCase{path: path, call: func(ctx context.Context, c *Client, req []byte) error {
		var r orderIDBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		return call(ctx, c, r.OrderID)
	}}
}

type presentIDBody struct {
	PresentOrderID ID     `json:"present_order_id"`
	Notes          string `json:"notes"`
}

type mobileBody struct {
	Mobile string `json:"mobile"`
}

var orderExtraWireCases = []wireCase{
	orderIDCase("/channels/ec/order/sensitiveinfo/decode", func(ctx context.Context, c *Client, id ID) error {
		_, _, err := c.Orders.DecodeSensitiveInfo(ctx, id)
		return err
	}),
	orderIDCase("/channels/ec/order/virtualnumber/applyagain", func(ctx context.Context, c *Client, id ID) error {
		_, _, err := c.Orders.ApplyVirtualNumberAgain(ctx, id)
		return err
	}),
	{path: "/channels/ec/order/virtualnumber/delay", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			OrderID       ID  `json:"order_id"`
			HasDelayTimes int `json:"has_delay_times"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Orders.DelayVirtualNumber(ctx, r.OrderID, r.HasDelayTimes)
		return err
	}},
	orderIDCase("/channels/ec/order/virtualtelnumber/get", func(ctx context.Context, c *Client, id ID) error {
		_, _, err := c.Orders.GetVirtualTelNumber(ctx, id)
		return err
	}),
	{path: "/channels/ec/order/realnumber/apply", call: func(ctx context.Context, c *Client, req []byte) error {
		var r RealNumberRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Orders.ApplyRealNumber(ctx, &r)
		return err
	}},
	orderIDCase("/channels/ec/order/realnumberviewaudit/get", func(ctx context.Context, c *Client, id ID) error {
		_, _, err := c.Orders.RealNumberAudit(ctx, id)
		return err
	}),
	{path: "/channels/ec/order/presentnote/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var r presentIDBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Orders.AddPresentNote(ctx, r.PresentOrderID, r.Notes)
		return err
	}},
	{path: "/channels/ec/order/presentsuborder/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r presentIDBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Orders.PresentSubOrders(ctx, r.PresentOrderID)
		return err
	}},
	{path: "/channels/ec/order/preshipmentchangesku/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			Page     int `json:"page"`
			PageSize int `json:"page_size"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Orders.SKUChangeRequests(ctx, r.Page, r.PageSize)
		return err
	}},
	orderIDCase("/channels/ec/order/preshipmentchangesku/approve", func(ctx context.Context, c *Client, id ID) error {
		_, err := c.Orders.ApproveSKUChange(ctx, id)
		return err
	}),
	orderIDCase("/channels/ec/order/preshipmentchangesku/reject", func(ctx context.Context, c *Client, id ID) error {
		_, err := c.Orders.RejectSKUChange(ctx, id)
		return err
	}),
	{path: "/channels/ec/order/freshinspect/submit", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			OrderID    ID                 `json:"order_id"`
			AuditItems []FreshInspectItem `json:"audit_items"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Orders.SubmitFreshInspect(ctx, r.OrderID, r.AuditItems)
		return err
	}},
	{path: "/channels/ec/merchant/privatenumber/sendverifycode", call: func(ctx context.Context, c *Client, req []byte) error {
		var r mobileBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Store.SendPrivateNumberVerifyCode(ctx, r.Mobile)
		return err
	}},
	{path: "/channels/ec/merchant/privatenumber/addphone", call: func(ctx context.Context, c *Client, req []byte) error {
		var r AddPhoneRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Store.AddPrivateNumberPhone(ctx, &r)
		return err
	}},
	{path: "/channels/ec/merchant/privatenumber/getphone", call: func(ctx context.Context, c *Client, req []byte) error {
		var r mobileBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Store.PrivateNumberPhone(ctx, r.Mobile)
		return err
	}},
}

var complaintWireCases = []wireCase{
	{path: "/channels/ec/aftersale/syncworkorder", call: func(ctx context.Context, c *Client, req []byte) error {
		var r SyncWorkOrderRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.SyncWorkOrder(ctx, &r)
		return err
	}},
}
