package shopapi

import "context"

// Wire cases of the cooperation accounts (issue 20).
var cooperationWireCases = []wireCase{
	{path: "/channels/ec/cooperation/list", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			SharerType CooperationType `json:"sharer_type"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Cooperation.List(ctx, b.SharerType)
		return err
	}},
	{path: "/channels/ec/cooperation/invitation/qrcode/generate", call: func(ctx context.Context, c *Client, req []byte) error {
		var b cooperationBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Cooperation.Invite(ctx, b.SharerID, b.SharerType)
		return err
	}},
	{path: "/channels/ec/cooperation/invitation/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b cooperationBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Cooperation.Status(ctx, b.SharerID, b.SharerType)
		return err
	}},
	{path: "/channels/ec/cooperation/invitation/cancel", call: func(ctx context.Context, c *Client, req []byte) error {
		var b cooperationBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Cooperation.CancelInvitation(ctx, b.SharerID, b.SharerType)
		return err
	}},
	{path: "/channels/ec/cooperation/unbind", call: func(ctx context.Context, c *Client, req []byte) error {
		var b cooperationBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Cooperation.Unbind(ctx, b.SharerID, b.SharerType)
		return err
	}},
}

// Wire cases of customer service (issue 20).
var kfWireCases = []wireCase{
	{path: "/channels/ec/commkf/cosupload", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.KF.Upload(ctx, "o7eep4jVQelr2eyoDSmE1xxxxxx", KFFile, "a.pdf", []byte("%PDF-1.4"))
		return err
	}},
	{path: "/channels/ec/commkf/sendmsg", call: func(ctx context.Context, c *Client, req []byte) error {
		var m KFMessage
		if err := decodeExample(req, &m); err != nil {
			return err
		}
		_, _, err := c.KF.Send(ctx, m)
		return err
	}},
}

// Wire cases of subsidy invoices (issue 20).
var invoiceWireCases = []wireCase{
	{path: "/channels/ec/subsidy/query_invoicing_info", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			OrderID ID `json:"order_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Invoices.InvoicingInfo(ctx, b.OrderID)
		return err
	}},
	{path: "/channels/ec/subsidy/upload_invoice_file", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			FileLink string `json:"file_link"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Invoices.UploadFile(ctx, b.FileLink)
		return err
	}},
	{path: "/channels/ec/subsidy/upload_invoice_info", call: func(ctx context.Context, c *Client, req []byte) error {
		var in SubsidyInvoice
		if err := decodeExample(req, &in); err != nil {
			return err
		}
		_, err := c.Invoices.Upload(ctx, &in)
		return err
	}},
}
