package shopapitest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func homepageMust(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

var homepageTours = []tour{
	{"homepage background: apply, approve, reject, cancel, remove", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		id, _, err := c.Homepage.SubmitBackground(ctx, "https://mmecimage.cn/p/bg1")
		homepageMust(t, "submit", err)
		homepageMust(t, "approve", s.ApproveHomepageBackground())
		_, _, err = c.Homepage.SubmitBackground(ctx, "https://mmecimage.cn/p/bg2")
		homepageMust(t, "submit again", err)
		homepageMust(t, "reject", s.RejectHomepageBackground("图片不合规"))
		bg, _, err := c.Homepage.Background(ctx)
		homepageMust(t, "get", err)
		want := &shopapi.HomepageBackground{ImgURL: "https://mmecimage.cn/p/bg1", Apply: &shopapi.HomepageBackgroundApply{
			ApplyID: id + 1, State: shopapi.HomepageApplyRejected, AuditDesc: "图片不合规", ImgURL: "https://mmecimage.cn/p/bg2"}}
		if d := cmp.Diff(want, bg); d != "" {
			t.Errorf("background (-want +got):\n%s", d)
		}
		// A rejected application cannot be cancelled; one in review can.
		var ae *shopapi.APIError
		if _, err := c.Homepage.CancelBackgroundApply(ctx, id+1); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeHomepageApplyNotInFlow {
			t.Errorf("cancel a rejected application: %v", err)
		}
		third, _, err := c.Homepage.SubmitBackground(ctx, "https://mmecimage.cn/p/bg3")
		homepageMust(t, "submit a third", err)
		homepageMust(t, "cancel", func() error { _, err := c.Homepage.CancelBackgroundApply(ctx, third); return err }())
		if _, err := c.Homepage.CancelBackgroundApply(ctx, third); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeHomepageApplyNotFound {
			t.Errorf("cancel twice: %v", err)
		}
		homepageMust(t, "remove", func() error { _, err := c.Homepage.RemoveBackground(ctx); return err }())
		bg, _, err = c.Homepage.Background(ctx)
		homepageMust(t, "get after remove", err)
		if d := cmp.Diff(&shopapi.HomepageBackground{}, bg); d != "" {
			t.Errorf("after remove (-want +got):\n%s", d)
		}
	}},
	{"homepage banner: three slot types, approve, reject one slot, cancel, remove", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		pid, _ := listedProduct(ctx, t, s, c, "手工红糖礼盒", 1990)
		slots := func(title string) *shopapi.Banner {
			return &shopapi.Banner{Scale: shopapi.BannerLarge, Banner: []shopapi.BannerItem{
				{Type: shopapi.BannerProduct, Product: &shopapi.BannerProductRef{ProductID: pid},
					Banner: shopapi.BannerDisplay{ImgURL: "https://mmecimage.cn/p/b1", Title: title, Description: "商品"}},
				{Type: shopapi.BannerFinderFeed, Finder: &shopapi.BannerFinderRef{FeedID: "export/abc", FinderUserName: "sphabc"},
					Banner: shopapi.BannerDisplay{ImgURL: "https://mmecimage.cn/p/b2", Title: title, Description: "视频"}},
				{Type: shopapi.BannerOfficialAccount, OfficialAccount: &shopapi.BannerOfficialAccountRef{URL: "https://mp.weixin.qq.com/s/abc"},
					Banner: shopapi.BannerDisplay{ImgURL: "https://mmecimage.cn/p/b3", Title: title, Description: "文章"}},
			}}
		}
		_, _, err := c.Homepage.SubmitBanner(ctx, slots("春节"))
		homepageMust(t, "submit", err)
		homepageMust(t, "approve", s.ApproveHomepageBanner())
		_, _, err = c.Homepage.SubmitBanner(ctx, slots("元宵"))
		homepageMust(t, "submit again", err)
		homepageMust(t, "reject", s.RejectHomepageBanner(0, "图片不合规"))
		got, _, err := c.Homepage.Banner(ctx)
		homepageMust(t, "get", err)
		if d := cmp.Diff(slots("春节"), got.Banner); d != "" {
			t.Errorf("slots in force (-want +got):\n%s", d)
		}
		if got.Apply == nil || got.Apply.State != shopapi.HomepageApplyRejected || got.Apply.Banner[0].AuditDesc != "图片不合规" ||
			got.Apply.Banner[1].AuditState != shopapi.HomepageApplyAuditing {
			t.Errorf("application: %+v", got.Apply)
		}
		id, _, err := c.Homepage.SubmitBanner(ctx, slots("中秋"))
		homepageMust(t, "submit a third", err)
		homepageMust(t, "cancel", func() error { _, err := c.Homepage.CancelBannerApply(ctx, id); return err }())
		homepageMust(t, "remove", func() error { _, err := c.Homepage.RemoveBanner(ctx); return err }())
		got, _, err = c.Homepage.Banner(ctx)
		homepageMust(t, "get after remove", err)
		if got.Banner != nil || got.Apply != nil {
			t.Errorf("after remove: %+v", got)
		}
		// An unknown product answers the product errcode.
		bad := slots("x")
		bad.Banner[0].Product.ProductID = "404"
		var ae *shopapi.APIError
		if _, _, err := c.Homepage.SubmitBanner(ctx, bad); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeProductNotFound {
			t.Errorf("unknown product: %v", err)
		}
	}},
	{"homepage classification: set, review, link products, page, delete", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		p1, _ := listedProduct(ctx, t, s, c, "每日坚果礼盒", 5990)
		p2, _ := listedProduct(ctx, t, s, c, "古法手工红糖块", 1990)
		p3, _ := listedProduct(ctx, t, s, c, "云南小粒咖啡豆", 6990)
		tv, _, err := c.Homepage.Tree(ctx)
		homepageMust(t, "get", err)
		tree := &shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{
			{ID: 1, Name: "坚果", IsDisplayed: true, Level2: []shopapi.ClassificationNode{{ID: 2, Name: "礼盒", IsDisplayed: true}}},
			{ID: 3, Name: "最好喝的咖啡", IsDisplayed: false},
		}}
		res, _, err := c.Homepage.SetTree(ctx, tv.Version, tree, nil)
		homepageMust(t, "set", err)
		want := &shopapi.ClassificationSetResult{Version: tv.Version + 1, AuditResults: []shopapi.ClassificationAuditResult{
			{LevelID: 1, ResultCode: 2}, {LevelID: 2, ResultCode: 2}, {LevelID: 3, ResultCode: 1}}}
		if d := cmp.Diff(want, res); d != "" {
			t.Errorf("set (-want +got):\n%s", d)
		}
		// The old version is stale now.
		if _, _, err := c.Homepage.SetTree(ctx, tv.Version, tree, nil); err == nil {
			t.Error("a stale version was accepted")
		}
		got, _, err := c.Homepage.Tree(ctx)
		homepageMust(t, "get again", err)
		if d := cmp.Diff(&shopapi.ClassificationTreeVersion{Tree: *tree, Version: res.Version}, got); d != "" {
			t.Errorf("tree (-want +got):\n%s", d)
		}
		node := shopapi.ClassificationRef{Level1ID: 1, Level2ID: 2}
		_, err = c.Homepage.AddTreeProducts(ctx, node, []shopapi.ID{p1, p2, p3})
		homepageMust(t, "add", err)
		pg, _, err := c.Homepage.TreeProducts(ctx, node, 2, "")
		homepageMust(t, "page 1", err)
		if len(pg.ProductIDs) != 2 || pg.TotalCount != 3 || pg.PageContext == "" {
			t.Errorf("page 1: %+v", pg)
		}
		_, err = c.Homepage.RemoveTreeProducts(ctx, node, []shopapi.ID{p2})
		homepageMust(t, "del", err)
		var ids []shopapi.ID
		for id, err := range c.Homepage.TreeProductsIter(ctx, node) {
			homepageMust(t, "iter", err)
			ids = append(ids, id)
		}
		if d := cmp.Diff([]shopapi.ID{p1, p3}, ids); d != "" {
			t.Errorf("linked (-want +got):\n%s", d)
		}
		// Deleting the node's links with the next set clears them.
		_, _, err = c.Homepage.SetTree(ctx, res.Version, tree, []string{"1.2"})
		homepageMust(t, "set with deletion", err)
		pg, _, err = c.Homepage.TreeProducts(ctx, node, 10, "")
		homepageMust(t, "after deletion", err)
		if pg.TotalCount != 0 {
			t.Errorf("links kept: %+v", pg)
		}
	}},
	{"homepage products: list, hide, pin, reorder", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		a, _ := listedProduct(ctx, t, s, c, "每日坚果礼盒", 5990)
		b, _ := listedProduct(ctx, t, s, c, "古法手工红糖块", 1990)
		d, _ := listedProduct(ctx, t, s, c, "云南小粒咖啡豆", 6990)
		order := func() []shopapi.HomepageProduct {
			var out []shopapi.HomepageProduct
			for p, err := range c.Homepage.WindowProductsIter(ctx) {
				homepageMust(t, "iter", err)
				out = append(out, p)
			}
			return out
		}
		_, err := c.Homepage.HideWindowProduct(ctx, b, true)
		homepageMust(t, "hide", err)
		_, err = c.Homepage.SetTopWindowProduct(ctx, d, true)
		homepageMust(t, "pin", err)
		_, err = c.Homepage.ReorderWindowProduct(ctx, b, 1)
		homepageMust(t, "reorder", err)
		want := []shopapi.HomepageProduct{
			{ProductID: d, IsSetTop: 1},
			{ProductID: b, IsSetHide: 1},
			{ProductID: a},
		}
		if diff := cmp.Diff(want, order()); diff != "" {
			t.Errorf("homepage (-want +got):\n%s", diff)
		}
		pg, _, err := c.Homepage.WindowProducts(ctx, 2, "")
		homepageMust(t, "page", err)
		if pg.TotalNum != 3 || pg.NextKey == "" || len(pg.Products) != 2 {
			t.Errorf("page: %+v", pg)
		}
		var ae *shopapi.APIError
		if _, err := c.Homepage.HideWindowProduct(ctx, "404", true); !errors.As(err, &ae) || ae.ErrCode != shopapi.CodeProductNotFound {
			t.Errorf("unknown product: %v", err)
		}
	}},
}
