package shopapi

import "context"

var warehouseWireCases = []wireCase{
	{path: "/channels/ec/warehouse/create", call: ewaybillCall(func(ctx context.Context, c *Client, w *Warehouse) error {
		_, err := c.Warehouses.Create(ctx, w)
		return err
	})},
	{path: "/channels/ec/warehouse/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *outWarehouseBody) error {
		_, _, err := c.Warehouses.Get(ctx, b.OutWarehouseID)
		return err
	})},
	{path: "/channels/ec/warehouse/list/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}) error {
		_, _, _, err := c.Warehouses.List(ctx, b.PageSize, b.NextKey)
		return err
	})},
	{path: "/channels/ec/warehouse/detail/update", call: ewaybillCall(func(ctx context.Context, c *Client, w *Warehouse) error {
		_, err := c.Warehouses.UpdateDetail(ctx, w.OutWarehouseID, w.Name, w.Intro)
		return err
	})},
	{path: "/channels/ec/warehouse/coverlocations/add", call: ewaybillCall(func(ctx context.Context, c *Client, b *coverBody) error {
		_, err := c.Warehouses.AddCoverLocations(ctx, b.OutWarehouseID, b.CoverLocations)
		return err
	})},
	{path: "/channels/ec/warehouse/coverlocations/del", call: ewaybillCall(func(ctx context.Context, c *Client, b *coverBody) error {
		_, err := c.Warehouses.DeleteCoverLocations(ctx, b.OutWarehouseID, b.CoverLocations)
		return err
	})},
	{path: "/channels/ec/warehouse/address/prioritysort/get", call: ewaybillCall(func(ctx context.Context, c *Client, l *WarehouseLocation) error {
		_, _, err := c.Warehouses.PrioritySort(ctx, *l)
		return err
	})},
	{path: "/channels/ec/warehouse/address/prioritysort/set", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		WarehouseLocation
		PrioritySort []string `json:"priority_sort"`
	}) error {
		_, err := c.Warehouses.SetPrioritySort(ctx, b.WarehouseLocation, b.PrioritySort)
		return err
	})},
	{path: "/channels/ec/warehouse/stock/get", call: ewaybillCall(func(ctx context.Context, c *Client, b *struct {
		ProductID      ID     `json:"product_id"`
		SKUID          ID     `json:"sku_id"`
		OutWarehouseID string `json:"out_warehouse_id"`
	}) error {
		_, _, err := c.Warehouses.Stock(ctx, b.ProductID, b.SKUID, b.OutWarehouseID)
		return err
	})},
	{path: "/channels/ec/warehouse/stock/update", call: ewaybillCall(func(ctx context.Context, c *Client, r *WarehouseStockUpdateRequest) error {
		_, err := c.Warehouses.UpdateStock(ctx, r)
		return err
	})},
}
