package shopapi

import "context"

var dropshipWireCases = []wireCase{
	{path: "/channels/ec/order/dropship/assign", call: func(ctx context.Context, c *Client, req []byte) error {
		var b DropshipAssignRequest
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Dropship.Assign(ctx, &b)
		return err
	}},
	{path: "/channels/ec/order/dropship/cancel", call: func(ctx context.Context, c *Client, req []byte) error {
		var b DropshipCancelRequest
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Dropship.Cancel(ctx, &b)
		return err
	}},
	{path: "/channels/ec/order/dropship/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			DsOrderID ID `json:"ds_order_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Dropship.Get(ctx, b.DsOrderID)
		return err
	}},
	{path: "/channels/ec/order/dropship/list", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			DropshipFilter
			PageInfo DropshipPageInfo `json:"page_info"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Dropship.List(ctx, b.DropshipFilter, b.PageInfo)
		return err
	}},
	{path: "/channels/ec/order/dropship/search", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Cond     DropshipFilter   `json:"search_condition"`
			PageInfo DropshipPageInfo `json:"page_info"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Dropship.Search(ctx, b.Cond, b.PageInfo)
		return err
	}},
	{path: "/channels/ec/supplier/relation/get_distribute", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Dropship.Distribution(ctx)
		return err
	}},
	{path: "/channels/ec/supplier/relation/set_manually_distribute", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, err := c.Dropship.SetManual(ctx)
		return err
	}},
	{path: "/channels/ec/supplier/relation/set_all_distribution", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			SupplierAppID string `json:"supplier_appid"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		if b.SupplierAppID == "" {
			b.SupplierAppID = "wx_supplier" // the example leaves the required appid empty
		}
		_, err := c.Dropship.SetAllShop(ctx, b.SupplierAppID)
		return err
	}},
	{path: "/channels/ec/supplier/relation/set_product_distribute", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			List []ProductDistribution `json:"list"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		for i := range b.List { // the example leaves the required ids empty
			if b.List[i].SupplierAppID == "" {
				b.List[i].SupplierAppID = "wx_supplier"
			}
			if b.List[i].ProductID == "" || b.List[i].ProductID == "0" {
				b.List[i].ProductID = "1"
			}
		}
		_, err := c.Dropship.SetPerProduct(ctx, b.List)
		return err
	}},
	{path: "/channels/ec/supplier/relation/get_product_default_distribute", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ProductID ID `json:"product_id"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Dropship.ProductSupplier(ctx, b.ProductID)
		return err
	}},
	{path: "/channels/ec/supplier/relation/get_product_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var b distributedProductsBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		o := DistributedProductsOptions{Limit: b.Limit, PageContext: b.PageContext}
		_, _, err := c.Dropship.DistributedProducts(ctx, o)
		return err
	}},
	{path: "/channels/ec/supplier/relation/get_supplier_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Offset int `json:"offset"`
			Limit  int `json:"limit"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Dropship.Suppliers(ctx, b.Offset, b.Limit)
		return err
	}},
	{path: "/channels/ec/supplier/relation/invite_supplier", call: func(ctx context.Context, c *Client, req []byte) error {
		var b SupplierInvitation
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Dropship.InviteSupplier(ctx, &b)
		return err
	}},
}
