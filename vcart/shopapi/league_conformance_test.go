package shopapi

import "context"

func leagueFinderCase(call func(ctx context.Context, c *Client, finderID string) error) func(ctx context.Context, c *Client, req []byte) error {
	return func(ctx context.Context, c *Client, req []byte) error {
		var b finderIDBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		return call(ctx, c, b.FinderID)
	}
}

var leagueWireCases = []wireCase{
	{path: "/channels/ec/league/promoter/add", call: leagueFinderCase(func(ctx context.Context, c *Client, id string) error {
		_, err := c.League.AddPromoter(ctx, id)
		return err
	})},
	{path: "/channels/ec/league/promoter/delete", call: leagueFinderCase(func(ctx context.Context, c *Client, id string) error {
		_, err := c.League.DeletePromoter(ctx, id)
		return err
	})},
	{path: "/channels/ec/league/promoter/get", call: leagueFinderCase(func(ctx context.Context, c *Client, id string) error {
		_, _, err := c.League.Promoter(ctx, id)
		return err
	})},
	{path: "/channels/ec/league/promoter/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r PromoterListRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.League.Promoters(ctx, &r)
		return err
	}},
	{path: "/channels/ec/league/promoter/upd", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			FinderID string `json:"finder_id"`
			Type     Int64  `json:"type"` // the example sends "1"
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.League.UpdatePromoter(ctx, b.FinderID, PromoterOp(b.Type))
		return err
	}},
	{path: "/channels/ec/league/item/batchadd", call: func(ctx context.Context, c *Client, req []byte) error {
		var r LeagueItemBatchAdd
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		// The example's second ratio (100) is above the table's 90%.
		for i := range r.List {
			r.List[i].Ratio = min(r.List[i].Ratio, LeagueRatioMaxPercent)
		}
		_, _, err := c.League.BatchAddItems(ctx, &r)
		return err
	}},
	{path: "/channels/ec/league/item/headsupplier/batchadd", call: func(ctx context.Context, c *Client, req []byte) error {
		var r LeagueHeadSupplierBatchAdd
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.League.BatchAddHeadSupplierItems(ctx, &r)
		return err
	}},
	{path: "/channels/ec/league/item/delete", call: func(ctx context.Context, c *Client, req []byte) error {
		var k LeagueItemKey
		if err := decodeExample(req, &k); err != nil {
			return err
		}
		_, err := c.League.DeleteItem(ctx, k)
		return err
	}},
	{path: "/channels/ec/league/item/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r LeagueItemGetRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.League.Item(ctx, &r)
		return err
	}},
	{path: "/channels/ec/league/item/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r LeagueItemListRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.League.Items(ctx, &r)
		return err
	}},
	{path: "/channels/ec/league/item/upd", call: func(ctx context.Context, c *Client, req []byte) error {
		var r LeagueItemUpdate
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.League.UpdateItem(ctx, &r)
		return err
	}},
}
