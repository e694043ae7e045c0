package shopapi

import "context"

var homepageWireCases = []wireCase{
	{path: "/channels/ec/basics/homepage/background/apply/submit", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ImgURL string `json:"img_url"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Homepage.SubmitBackground(ctx, b.ImgURL)
		return err
	}},
	{path: "/channels/ec/basics/homepage/background/apply/cancel", call: func(ctx context.Context, c *Client, req []byte) error {
		var b homepageApplyIDBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Homepage.CancelBackgroundApply(ctx, b.ApplyID)
		return err
	}},
	{path: "/channels/ec/basics/homepage/background/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Homepage.Background(ctx)
		return err
	}},
	{path: "/channels/ec/basics/homepage/background/remove", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, err := c.Homepage.RemoveBackground(ctx)
		return err
	}},
	{path: "/channels/ec/basics/homepage/banner/apply/submit", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Banner *Banner `json:"banner"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Homepage.SubmitBanner(ctx, b.Banner)
		return err
	}},
	{path: "/channels/ec/basics/homepage/banner/apply/cancel", call: func(ctx context.Context, c *Client, req []byte) error {
		var b homepageApplyIDBody
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Homepage.CancelBannerApply(ctx, b.ApplyID)
		return err
	}},
	{path: "/channels/ec/basics/homepage/banner/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Homepage.Banner(ctx)
		return err
	}},
	{path: "/channels/ec/basics/homepage/banner/remove", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, err := c.Homepage.RemoveBanner(ctx)
		return err
	}},
	{path: "/channels/ec/store/classification/tree/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Homepage.Tree(ctx)
		return err
	}},
	{path: "/channels/ec/store/classification/tree/set", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Req struct {
				Version   int64              `json:"version"`
				DeleteIDs []string           `json:"classification_id_deleted"`
				Tree      ClassificationTree `json:"tree"`
			} `json:"req"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Homepage.SetTree(ctx, b.Req.Version, &b.Req.Tree, b.Req.DeleteIDs)
		return err
	}},
	{path: "/channels/ec/store/classification/tree/product/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Req classificationProductsReq `json:"req"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		// The example's product_ids is empty, which the client refuses
		// before the network: the case sends one id.
		_, err := c.Homepage.AddTreeProducts(ctx, b.Req.ClassificationRef, append(b.Req.ProductIDs, "10000000000001"))
		return err
	}},
	{path: "/channels/ec/store/classification/tree/product/del", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Req classificationProductsReq `json:"req"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Homepage.RemoveTreeProducts(ctx, b.Req.ClassificationRef, append(b.Req.ProductIDs, "10000000000001"))
		return err
	}},
	{path: "/channels/ec/store/classification/tree/product/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			Req struct {
				ClassificationRef
				PageSize    int    `json:"page_size"`
				PageContext string `json:"page_context"`
			} `json:"req"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Homepage.TreeProducts(ctx, b.Req.ClassificationRef, b.Req.PageSize, b.Req.PageContext)
		return err
	}},
	{path: "/channels/ec/store/window/product/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			PageSize int    `json:"page_size"`
			NextKey  string `json:"next_key"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, _, err := c.Homepage.WindowProducts(ctx, b.PageSize, b.NextKey)
		return err
	}},
	{path: "/channels/ec/store/window/product/hide", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ProductID ID  `json:"product_id"`
			IsSetHide int `json:"is_set_hide"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Homepage.HideWindowProduct(ctx, b.ProductID, b.IsSetHide == 1)
		return err
	}},
	{path: "/channels/ec/store/window/product/settop", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ProductID ID  `json:"product_id"`
			IsSetTop  int `json:"is_set_top"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Homepage.SetTopWindowProduct(ctx, b.ProductID, b.IsSetTop == 1)
		return err
	}},
	{path: "/channels/ec/store/window/product/reorder", call: func(ctx context.Context, c *Client, req []byte) error {
		var b struct {
			ProductID ID  `json:"product_id"`
			IndexNum  int `json:"index_num"`
		}
		if err := decodeExample(req, &b); err != nil {
			return err
		}
		_, err := c.Homepage.ReorderWindowProduct(ctx, b.ProductID, b.IndexNum)
		return err
	}},
}
