package shopapi

import (
	"context"
	"encoding/json"
)

// liveDataWireCases drive the showcase, link, live, leads and compass
// endpoints (issue 19) with their official examples.
var liveDataWireCases = []wireCase{
	// showcase (橱窗)
	{path: "/channels/ec/window/product/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var r ShowcaseAddRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Showcase.Add(ctx, &r)
		return err
	}},
	{path: "/channels/ec/window/product/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r ShowcaseRef
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Showcase.Get(ctx, r.AppID, r.ProductID)
		return err
	}},
	{path: "/channels/ec/window/product/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var o ShowcaseListOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		_, _, err := c.Showcase.List(ctx, &o)
		return err
	}},
	{path: "/channels/ec/window/product/off", call: func(ctx context.Context, c *Client, req []byte) error {
		var r ShowcaseRef
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Showcase.Off(ctx, r.AppID, r.ProductID)
		return err
	}},

	// links
	{path: "/channels/ec/product/h5url/get", call: productLinkCase(func(ctx context.Context, c *Client, id ID) error {
		_, _, err := c.Links.ProductH5URL(ctx, id)
		return err
	})},
	{path: "/channels/ec/product/qrcode/get", call: productLinkCase(func(ctx context.Context, c *Client, id ID) error {
		_, _, err := c.Links.ProductQRCode(ctx, id)
		return err
	})},
	{path: "/channels/ec/product/taglink/get", call: productLinkCase(func(ctx context.Context, c *Client, id ID) error {
		_, _, err := c.Links.ProductTagLink(ctx, id)
		return err
	})},
	{path: "/channels/ec/product/scheme/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r ProductSchemeRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Links.ProductScheme(ctx, &r)
		return err
	}},
	{path: "/channels/ec/basics/shop/h5url/get", call: shopLinkCase(func(ctx context.Context, c *Client, o *ShopLinkOptions) error {
		_, _, err := c.Links.ShopH5URL(ctx, o)
		return err
	})},
	{path: "/channels/ec/basics/shop/qrcode/get", call: shopLinkCase(func(ctx context.Context, c *Client, o *ShopLinkOptions) error {
		_, _, err := c.Links.ShopQRCode(ctx, o)
		return err
	})},
	{path: "/channels/ec/basics/shop/taglink/get", call: shopLinkCase(func(ctx context.Context, c *Client, o *ShopLinkOptions) error {
		_, _, err := c.Links.ShopTagLink(ctx, o)
		return err
	})},

	// live
	{path: "/channels/livedashboard/getlivelist", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			DS json.Number `json:"ds"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Live.List(ctx, r.DS.String())
		return err
	}},
	{path: "/channels/livedashboard/getlivedata", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			ExportID string `json:"export_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Live.Data(ctx, r.ExportID)
		return err
	}},
	{path: "/channels/finderlive/get_finder_attr_by_appid", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Live.FinderAttr(ctx)
		return err
	}},
	{path: "/channels/finderlive/get_finder_live_data_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var r LeadsTimeRange
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Live.LiveStats(ctx, r)
		return err
	}},
	{path: "/channels/finderlive/get_finder_live_leads_data", call: func(ctx context.Context, c *Client, req []byte) error {
		var r LeadsCountRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Live.LeadsCounts(ctx, r)
		return err
	}},

	// leads (留资)
	{path: "/channels/leads/get_leads_component_id", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			LastBuffer string `json:"last_buffer"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Live.Components(ctx, r.LastBuffer)
		return err
	}},
	{path: "/channels/leads/get_leads_component_promote_record", call: func(ctx context.Context, c *Client, req []byte) error {
		var q LeadsQuery
		if err := decodeExample(req, &q); err != nil {
			return err
		}
		_, _, err := c.Live.PromoteRecords(ctx, &q)
		return err
	}},
	{path: "/channels/leads/get_leads_info_by_component_id", call: func(ctx context.Context, c *Client, req []byte) error {
		var q LeadsQuery
		if err := decodeExample(req, &q); err != nil {
			return err
		}
		_, _, err := c.Live.LeadsByComponent(ctx, &q)
		return err
	}},
	{path: "/channels/leads/get_leads_info_by_request_id", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			RequestID  ID     `json:"request_id"`
			LastBuffer string `json:"last_buffer"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Live.LeadsByRequest(ctx, r.RequestID, r.LastBuffer)
		return err
	}},
	{path: "/channels/leads/get_leads_request_id", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			LeadsComponentID ID     `json:"leads_component_id"`
			LastBuffer       string `json:"last_buffer"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Live.Sessions(ctx, r.LeadsComponentID, r.LastBuffer)
		return err
	}},

	// compass (罗盘)
	{path: "/channels/ec/compass/shop/overall/get", call: dsCase(func(ctx context.Context, c *Client, ds string) error {
		_, _, err := c.Compass.ShopOverall(ctx, ds)
		return err
	})},
	{path: "/channels/ec/compass/shop/product/list/get", call: dsCase(func(ctx context.Context, c *Client, ds string) error {
		_, _, err := c.Compass.ShopProducts(ctx, ds)
		return err
	})},
	{path: "/channels/ec/compass/shop/product/data/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			DS        string `json:"ds"`
			ProductID ID     `json:"product_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Compass.ShopProduct(ctx, r.DS, r.ProductID)
		return err
	}},
	{path: "/channels/ec/compass/shop/sale/profile/data/get", call: profileCase(func(ctx context.Context, c *Client, ds string, t AudienceType) error {
		_, _, err := c.Compass.ShopSaleProfile(ctx, ds, t)
		return err
	})},
	{path: "/channels/ec/compass/shop/live/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			DS       string `json:"ds"`
			FinderID string `json:"finder_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Compass.ShopLives(ctx, r.DS, r.FinderID)
		return err
	}},
	{path: "/channels/ec/compass/shop/finder/authorization/list/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Compass.FinderAuthorizations(ctx)
		return err
	}},
	{path: "/channels/ec/compass/shop/finder/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			DS      string `json:"ds"`
			Version string `json:"version"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Compass.ShopFinders(ctx, r.DS, r.Version == "v2")
		return err
	}},
	{path: "/channels/ec/compass/shop/finder/overall/get", call: dsCase(func(ctx context.Context, c *Client, ds string) error {
		_, _, err := c.Compass.ShopFinderOverall(ctx, ds)
		return err
	})},
	{path: "/channels/ec/compass/shop/finder/product/list/get", call: talentCase(func(ctx context.Context, c *Client, ds string, t TalentRef) error {
		_, _, err := c.Compass.ShopFinderProducts(ctx, ds, t)
		return err
	})},
	{path: "/channels/ec/compass/shop/finder/product/overall/get", call: talentCase(func(ctx context.Context, c *Client, ds string, t TalentRef) error {
		_, _, err := c.Compass.ShopFinderDetail(ctx, ds, t)
		return err
	})},
	{path: "/channels/ec/compass/finder/overall/get", call: dsCase(func(ctx context.Context, c *Client, ds string) error {
		_, _, err := c.Compass.FinderOverall(ctx, ds)
		return err
	})},
	{path: "/channels/ec/compass/finder/product/list/get", call: dsCase(func(ctx context.Context, c *Client, ds string) error {
		_, _, err := c.Compass.FinderProducts(ctx, ds)
		return err
	})},
	{path: "/channels/ec/compass/finder/product/data/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			DS        string `json:"ds"`
			ProductID ID     `json:"product_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Compass.FinderProduct(ctx, r.DS, r.ProductID)
		return err
	}},
	{path: "/channels/ec/compass/finder/sale/profile/data/get", call: profileCase(func(ctx context.Context, c *Client, ds string, t AudienceType) error {
		_, _, err := c.Compass.FinderSaleProfile(ctx, ds, t)
		return err
	})},
}

func productLinkCase(f func(ctx context.Context, c *Client, id ID) error) func(context.Context, *Client, []byte) error {
	return func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			ProductID ID `json:"product_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		return f(ctx, c, r.ProductID)
	}
}

func shopLinkCase(f func(ctx context.Context, c *Client, o *ShopLinkOptions) error) func(context.Context, *Client, []byte) error {
	return func(ctx context.Context, c *Client, req []byte) error {
		var o ShopLinkOptions
		if err := decodeExample(req, &o); err != nil {
			return err
		}
		return f(ctx, c, &o)
	}
}

func dsCase(f func(ctx context.Context, c *Client, ds string) error) func(context.Context, *Client, []byte) error {
	return func(ctx context.Context, c *Client, req []byte) error {
		var r dsBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		return f(ctx, c, r.DS)
	}
}

func profileCase(f func(ctx context.Context, c *Client, ds string, t AudienceType) error) func(context.Context, *Client, []byte) error {
	return func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			DS   string       `json:"ds"`
			Type AudienceType `json:"type"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		return f(ctx, c, r.DS, r.Type)
	}
}

func talentCase(f func(ctx context.Context, c *Client, ds string, t TalentRef) error) func(context.Context, *Client, []byte) error {
	return func(ctx context.Context, c *Client, req []byte) error {
		var r talentBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		return f(ctx, c, r.DS, r.TalentRef)
	}
}
