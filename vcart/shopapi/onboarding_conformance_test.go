package shopapi

import (
	"context"
)

// onboardingWireCases drive the category and brand applications, the
// category rules, the product tools and the stock flow with the official
// examples (issue 16).
var onboardingWireCases = []wireCase{
	{path: "/channels/ec/category/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			CategoryInfo CategoryApplyInfo `json:"category_info"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Categories.Apply(ctx, &v.CategoryInfo)
		return err
	}},
	{path: "/channels/ec/category/audit/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			AuditID ID `json:"audit_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Categories.Audit(ctx, v.AuditID)
		return err
	}},
	{path: "/shop/ec/category/audit/cancel", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			AuditID ID `json:"audit_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Categories.CancelAudit(ctx, v.AuditID)
		return err
	}},
	{path: "/shop/ec/category/get_category_relation_list", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			IsFilterStatus bool                    `json:"is_filter_status"`
			Status         *CategoryRelationStatus `json:"status"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		if !v.IsFilterStatus {
			v.Status = nil
		}
		_, _, err := c.Categories.Relations(ctx, v.Status)
		return err
	}},
	{path: "/shop/ec/category/get_category_relation_detail", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			CategoryID ID `json:"category_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Categories.Relation(ctx, v.CategoryID)
		return err
	}},
	{path: "/shop/ec/category/getbizcatflowlist", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			IsFilterStatus bool                `json:"is_filter_status"`
			Status         *CategoryFlowStatus `json:"status"`
			Offset         int                 `json:"offset"`
			Limit          int                 `json:"limit"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		if !v.IsFilterStatus {
			v.Status = nil
		}
		_, _, err := c.Categories.AuditFlows(ctx, &CategoryFlowListOptions{Status: v.Status, Offset: v.Offset, Limit: v.Limit})
		return err
	}},
	{path: "/shop/ec/category/getbizcatflowdetail", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			AuditID ID `json:"audit_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Categories.AuditFlow(ctx, v.AuditID)
		return err
	}},
	{path: "/shop/ec/brand/add", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			Brand BrandQualification `json:"brand"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Brands.Add(ctx, &v.Brand)
		return err
	}},
	{path: "/channels/ec/brand/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			Brand BrandQualification `json:"brand"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Brands.Update(ctx, &v.Brand)
		return err
	}},
	{path: "/channels/ec/brand/delete", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			BrandID ID `json:"brand_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Brands.Delete(ctx, v.BrandID)
		return err
	}},
	{path: "/shop/ec/brand/audit/cancel", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			BrandID ID `json:"brand_id"`
			AuditID ID `json:"audit_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Brands.CancelAudit(ctx, v.BrandID, v.AuditID)
		return err
	}},
	{path: "/channels/ec/brand/valid/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			PageSize int    `json:"page_size"`
			NextKey  string `json:"next_key"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Brands.Valid(ctx, &BrandListOptions{PageSize: v.PageSize, NextKey: v.NextKey})
		return err
	}},
}

var categoryRuleWireCases = []wireCase{
	{path: "/shop/ec/category/getcategoryrule", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			CategoryID ID `json:"category_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Categories.Rule(ctx, RuleDeposit, v.CategoryID)
		return err
	}},
	{path: "/shop/ec/category/getcategoryproductrule", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			CatID       ID          `json:"cat_id"`
			ReleaseMode ReleaseMode `json:"release_mode"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Categories.ProductRule(ctx, v.CatID, v.ReleaseMode)
		return err
	}},
}

var productToolWireCases = []wireCase{
	{path: "/channels/ec/product/category/classify", call: func(ctx context.Context, c *Client, req []byte) error {
		var v ClassifyRequest
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Products.Classify(ctx, &v)
		return err
	}},
	{path: "/channels/ec/product/categoryprecheck", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			CatID ID `json:"cat_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Products.Precheck(ctx, v.CatID)
		return err
	}},
	{path: "/channels/ec/product/externalproductmapping", call: func(ctx context.Context, c *Client, req []byte) error {
		var v AttrMappingRequest
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Products.MapAttribute(ctx, &v)
		return err
	}},
	{path: "/channels/ec/product/externalproductmappingnew", call: func(ctx context.Context, c *Client, req []byte) error {
		var v AttrRecommendRequest
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Products.RecommendAttributes(ctx, &v)
		return err
	}},
	{path: "/channels/ec/product/getauditquota", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct{}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Products.AuditQuota(ctx)
		return err
	}},
	{path: "/channels/ec/product/auditstrategy/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct{}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Products.AuditStrategy(ctx)
		return err
	}},
	{path: "/channels/ec/product/auditstrategy/set", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			AuditStrategy AuditStrategy `json:"audit_strategy"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Products.SetAuditStrategy(ctx, v.AuditStrategy)
		return err
	}},
	{path: "/channels/ec/product/begintimingsale", call: func(ctx context.Context, c *Client, req []byte) error {
		var v struct {
			ProductID ID `json:"product_id"`
			TaskID    ID `json:"task_id"`
		}
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, err := c.Products.BeginTimingSale(ctx, v.ProductID, v.TaskID)
		return err
	}},
	{path: "/channels/ec/product/productbrandrecommend", call: func(ctx context.Context, c *Client, req []byte) error {
		var v BrandRecommendRequest
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Products.RecommendBrand(ctx, &v)
		return err
	}},
	{path: "/channels/ec/product/stock/getflow", call: func(ctx context.Context, c *Client, req []byte) error {
		var v StockFlowRequest
		if err := decodeExample(req, &v); err != nil {
			return err
		}
		_, _, err := c.Stock.Flow(ctx, &v)
		return err
	}},
}
