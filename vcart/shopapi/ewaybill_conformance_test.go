package shopapi

import "context"

// ewaybillCall decodes the request example into a T and calls f with it.
func ewaybillCall[T any](f func(ctx context.Context, c *Client, v *T) error) func(ctx context.Context, c *Client, req []byte) error {
	return func(ctx context.Context, c *Client, req []byte) error {
		v := new(T)
		if err := decodeExample(req, v); err != nil {
			return err
		}
		return f(ctx, c, v)
	}
}

var ewaybillWireCases = []wireCase{
	{path: "/channels/ec/logistics/ewaybill/biz/account/get", call: ewaybillCall(func(ctx context.Context, c *Client, q *EWaybillAccountQuery) error {
		_, _, _, err := c.EWaybill.Accounts(ctx, *q)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/delivery/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		Status int `json:"status"`
	}) error {
		_, _, _, err := c.EWaybill.Carriers(ctx, b.Status)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/order/addsuborder", call: ewaybillCall(func(ctx context.Context, c *Client, r *EWaybillAddSubRequest) error {
		_, _, err := c.EWaybill.AddSubOrder(ctx, r)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/order/batchprint", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		List []EWaybillPrinted `json:"req_list"`
	}) error {
		_, _, err := c.EWaybill.NotifyPrintedBatch(ctx, b.List)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/order/cancel", call: ewaybillCall(func(ctx context.Context, c *Client, r *EWaybillRef) error {
		_, _, err := c.EWaybill.Cancel(ctx, *r)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/order/create", call: ewaybillCall(func(ctx context.Context, c *Client, r *EWaybillCreateRequest) error {
		_, _, err := c.EWaybill.Create(ctx, r)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/order/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *ewaybillIDBody) error {
		_, _, err := c.EWaybill.Get(ctx, b.EWaybillOrderID)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/order/precreate", call: ewaybillCall(func(ctx context.Context, c *Client, p *EWaybillParcel) error {
		_, _, err := c.EWaybill.Precreate(ctx, p)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/order/print", call: ewaybillCall(func(ctx context.Context, c *Client, n *EWaybillPrinted) error {
		_, err := c.EWaybill.NotifyPrinted(ctx, *n)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/print/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		EWaybillOrderID ID     `json:"ewaybill_order_id"`
		TemplateID      string `json:"template_id"`
		SubWaybillID    string `json:"sub_waybill_id"`
	}) error {
		_, _, err := c.EWaybill.PrintInfo(ctx, b.EWaybillOrderID, b.TemplateID, b.SubWaybillID)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/template/config", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.EWaybill.TemplateConfig(ctx)
		return err
	}},
	{path: "/channels/ec/logistics/ewaybill/biz/template/create", call: ewaybillCall(func(ctx context.Context, c *Client, b *ewaybillTemplateBody) error {
		_, _, err := c.EWaybill.CreateTemplate(ctx, b.DeliveryID, b.Info)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/template/update", call: ewaybillCall(func(ctx context.Context, c *Client, b *ewaybillTemplateBody) error {
		_, err := c.EWaybill.UpdateTemplate(ctx, b.DeliveryID, b.Info)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/template/delete", call: ewaybillCall(func(ctx context.Context, c *Client, r *ewaybillTemplateRef) error {
		_, err := c.EWaybill.DeleteTemplate(ctx, r.DeliveryID, r.TemplateID)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/template/getbyid", call: ewaybillCall(func(ctx context.Context, c *Client, r *ewaybillTemplateRef) error {
		_, _, err := c.EWaybill.Template(ctx, r.DeliveryID, r.TemplateID)
		return err
	})},
	{path: "/channels/ec/logistics/ewaybill/biz/template/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		DeliveryID string `json:"delivery_id"`
	}) error {
		_, _, err := c.EWaybill.Templates(ctx, b.DeliveryID)
		return err
	})},
}
