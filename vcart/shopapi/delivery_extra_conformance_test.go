package shopapi

import "context"

var deliveryExtraWireCases = []wireCase{
	{path: "/channels/ec/order/deliverycompanylist/new/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		EWaybillOnly bool `json:"ewaybill_only"`
	}) error {
		_, _, err := c.Delivery.ListCompanies(ctx, b.EWaybillOnly)
		return err
	})},
	{path: "/channels/ec/order/delivery/compensation", call: ewaybillCall(func(ctx context.Context, c *Client, r *CompensationRequest) error {
		_, err := c.Delivery.Compensate(ctx, r)
		return err
	})},
	{path: "/channels/ec/order/deliveryinfo/update", call: ewaybillCall(func(ctx context.Context, c *Client, r *DeliveryInfoUpdateRequest) error {
		_, err := c.Delivery.UpdateDeliveryInfo(ctx, r)
		return err
	})},
	{path: "/channels/ec/logistics/virtualnumber/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		WaybillID string `json:"waybill_id"`
	}) error {
		_, _, err := c.Delivery.VirtualNumber(ctx, b.WaybillID)
		return err
	})},
	{path: "/channels/ec/logistics/phonenumber/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		WaybillID    string `json:"waybill_id"`
		PrivatePhone string `json:"private_phone"`
	}) error {
		_, _, err := c.Delivery.RealPhone(ctx, b.WaybillID, b.PrivatePhone)
		return err
	})},
	{path: "/channels/ec/logistics/phonenumberpool/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}) error {
		_, _, err := c.Delivery.PhonePool(ctx, b.PageSize, b.NextKey)
		return err
	})},
}
