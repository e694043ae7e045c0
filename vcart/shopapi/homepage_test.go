package shopapi_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func problemFields(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *vcart.ValidationError", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+":"+p.Code)
	}
	slices.Sort(out)
	return out
}

func TestValidateClassificationTree(t *testing.T) {
	t.Parallel()
	node := func(id int64, name string, shown bool, kids ...shopapi.ClassificationNode) shopapi.ClassificationNode {
		return shopapi.ClassificationNode{ID: id, Name: name, IsDisplayed: shopapi.Bool(shown), Level2: kids}
	}
	many := make([]shopapi.ClassificationNode, 21)
	for i := range many {
		many[i] = node(int64(i+1), "分类", true)
	}
	tests := []struct {
		name string
		tree *shopapi.ClassificationTree
		want []string
	}{
		{"valid", &shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{node(1, "坚果", true, node(2, "礼盒", false))}}, nil},
		{"empty tree", &shopapi.ClassificationTree{}, nil},
		{"hidden parent, shown child", &shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{node(1, "坚果", false, node(2, "礼盒", true))}},
			[]string{"tree.level_1[0].level_2[0].is_displayed:hidden_parent"}},
		{"every problem at once", &shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{
			node(1, "", true, node(1, strings.Repeat("长", 21), true, node(3, "三级", true)))}},
			[]string{"tree.level_1[0].name:length", "tree.level_1[0].level_2[0].id:unique",
				"tree.level_1[0].level_2[0].name:length", "tree.level_1[0].level_2[0].level_2:depth"}},
		{"21 first-level nodes", &shopapi.ClassificationTree{Level1: many}, []string{"tree.level_1:max"}},
		{"20 characters is the limit", &shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{node(1, strings.Repeat("长", 20), true)}}, nil},
		{"nil", nil, []string{"request:request.required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := slices.Sorted(slices.Values(tt.want))
			if d := cmp.Diff(want, problemFields(t, shopapi.ValidateClassificationTree(tt.tree))); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}

// TestHomepage_ValidationBeforeNetwork checks the client refuses bad
// requests, listing every problem, without calling the platform.
func TestHomepage_ValidationBeforeNetwork(t *testing.T) {
	t.Parallel()
	c, err := shopapi.NewClient(shopapi.StaticToken("tok"), shopapi.WithBaseURL("http://127.0.0.1:1"), shopapi.WithoutRateLimit())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tests := []struct {
		name string
		call func() error
		want []string
	}{
		{"banner: bad scale, a slot missing what its type needs, an unknown type", func() error {
			_, _, err := c.Homepage.SubmitBanner(ctx, &shopapi.Banner{Scale: 3, Banner: []shopapi.BannerItem{
				{Type: shopapi.BannerProduct}, {Type: shopapi.BannerFinderFeed, Finder: &shopapi.BannerFinderRef{FeedID: "export/x"}},
				{Type: 2}}})
			return err
		}, []string{"banner.scale:enum", "banner.banner[0].product.product_id:required", "banner.banner[1].finder:required", "banner.banner[2].type:enum"}},
		{"banner: no slot", func() error {
			_, _, err := c.Homepage.SubmitBanner(ctx, &shopapi.Banner{Scale: shopapi.BannerSmall})
			return err
		}, []string{"banner.banner:required"}},
		{"background: empty image", func() error { _, _, err := c.Homepage.SubmitBackground(ctx, " "); return err }, []string{"img_url:required"}},
		{"cancel: no apply id", func() error { _, err := c.Homepage.CancelBannerApply(ctx, 0); return err }, []string{"apply_id:required"}},
		{"tree products: no node, no product", func() error {
			_, err := c.Homepage.AddTreeProducts(ctx, shopapi.ClassificationRef{}, nil)
			return err
		}, []string{"req.level_1_id:required", "req.product_ids:required"}},
		{"window: page of 31", func() error { _, _, err := c.Homepage.WindowProducts(ctx, 31, ""); return err }, []string{"page_size:range"}},
		{"reorder: no product, negative index", func() error { _, err := c.Homepage.ReorderWindowProduct(ctx, "", -1); return err },
			[]string{"product_id:required", "index_num:range"}},
		{"talent orders: both ranges, page of 11", func() error {
			_, _, err := c.Talents.Orders(ctx, &shopapi.TalentOrderListRequest{PageSize: 11, CreateTimeGT: 2, CreateTimeLT: 1, UpdateTimeGT: 1})
			return err
		}, []string{"page_size:range", "update_time_gt:exclusive", "create_time_lt:range"}},
		{"league batch: bad type, duplicate, ratio above 90, no talents for a plan", func() error {
			_, _, err := c.League.BatchAddItems(ctx, &shopapi.LeagueItemBatchAdd{Type: shopapi.LeagueItemTargeted,
				List: []shopapi.LeagueItemRatio{{ProductID: "1", Ratio: 91}, {ProductID: "1", Ratio: 10}}})
			return err
		}, []string{"list[0].ratio:range", "list[1].product_id:unique", "finder_ids:required"}},
		{"league update: plan without info_id, no operation", func() error {
			_, _, err := c.League.UpdateItem(ctx, &shopapi.LeagueItemUpdate{LeagueItemKey: shopapi.LeagueItemKey{Type: shopapi.LeagueItemExclusive}})
			return err
		}, []string{"info_id:required", "operate_type:required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := slices.Sorted(slices.Values(tt.want))
			if d := cmp.Diff(want, problemFields(t, tt.call())); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}
