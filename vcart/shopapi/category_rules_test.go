package shopapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func TestCategoryRule_PlatformCategory(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		answer string
		want   vcart.PlatformCategory
	}{
		{"deposit", `{"errcode":0,"errmsg":"ok","deposit":1000000}`,
			vcart.PlatformCategory{ID: "10001", Name: "坚果", Category: vcart.CategoryFood, Deposit: vcart.Fen(1_000_000)}},
		{"no deposit in the answer", `{"errcode":0,"errmsg":"ok"}`,
			vcart.PlatformCategory{ID: "10001", Name: "坚果", Category: vcart.CategoryFood, Deposit: vcart.Fen(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var r shopapi.CategoryRule
			if err := json.Unmarshal([]byte(tt.answer), &r); err != nil {
				t.Fatal(err)
			}
			got := r.PlatformCategory("10001", "坚果", vcart.CategoryFood)
			if got.ID != tt.want.ID || got.Name != tt.want.Name || got.Category != tt.want.Category || got.Deposit != tt.want.Deposit {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestDeliveryMethodRules_BothForms(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`{"list":{"deliver_type":6,"acct_type":[3]}}`, `{"list":[{"deliver_type":6,"acct_type":[3]}]}`} {
		var r shopapi.CategoryRule
		if err := json.Unmarshal([]byte(in), &r); err != nil {
			t.Fatal(err)
		}
		want := shopapi.DeliveryMethodRules{{DeliverType: shopapi.MethodLocal, AcctType: []int{3}}}
		if d := cmp.Diff(want, r.List); d != "" {
			t.Errorf("%s: (-want +got)\n%s", in, d)
		}
	}
}

func TestProductRule_ReviewRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rule shopapi.ProductRule
		want review.CategoryRules
	}{
		{"empty", shopapi.ProductRule{},
			review.CategoryRules{Source: "getcategoryproductrule cat_id ", ProductAttrs: []review.AttrRule{}, SaleAttrs: []review.AttrRule{}}},
		{"attributes, floor and requirements", shopapi.ProductRule{
			ProductAttrList: []shopapi.ProductRuleAttr{
				{Name: " 产地 ", TypeV2: "string", IsRequired: true},
				{Name: "净含量", Value: "g; kg;", TypeV2: "integer_unit", IsRequired: true},
			},
			SaleAttrList:       []shopapi.ProductRuleAttr{{Name: "规格", Value: "小;中;大", TypeV2: "select_one", AppendAllowed: true}},
			FloorPrice:         100,
			ProductRequirement: &shopapi.ProductRequirement{ProductTitleRequirement: "标题需包含品名", ProductImgRequirement: " "},
		}, review.CategoryRules{
			Category: vcart.CategoryFood,
			ProductAttrs: []review.AttrRule{
				{Name: "产地", Required: true, Kind: review.AttrText},
				{Name: "净含量", Required: true, Kind: review.AttrIntegerUnit, Options: []string{"g", "kg"}},
			},
			SaleAttrs:    []review.AttrRule{{Name: "规格", Kind: review.AttrSelectOne, Options: []string{"小", "中", "大"}, AllowOther: true}},
			FloorPrice:   vcart.Fen(100),
			Requirements: []string{"标题需包含品名"},
			Source:       "getcategoryproductrule cat_id ",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			class := tt.want.Category
			got := tt.rule.ReviewRules(class)
			if d := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b vcart.Money) bool { return a.Equal(b) })); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
}

// Example_categoryRules reads a category's deposit and publishing rules
// from the platform and hands them to the pure packages: vcart's
// eligibility check quotes the live deposit, and review checks a listing
// with the live rules before the platform would.
func Example_categoryRules() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	dep, _, err := c.Categories.Rule(ctx, shopapi.RuleDeposit, shopapitest.CatNuts)
	if err != nil {
		fmt.Println(err)
		return
	}
	rule, _, err := c.Categories.ProductRule(ctx, shopapitest.CatNuts, shopapi.ReleaseNormal)
	if err != nil {
		fmt.Println(err)
		return
	}

	// vcart: the deposit table row for the category; the live platform has
	// no flat deposit per subject type.
	rules := vcart.SeedSubjectRules()
	for i := range rules.Subjects {
		rules.Subjects[i].Deposit = vcart.Fen(0)
	}
	checker, _ := vcart.NewChecker(rules)
	at := time.Date(2026, 3, 2, 0, 0, 0, 0, vcart.Shanghai())
	report := checker.Check(vcart.Applicant{StoreType: vcart.StoreEnterprise,
		Categories: []vcart.PlatformCategory{dep.PlatformCategory(shopapitest.CatNuts, rule.Info.Name, vcart.CategoryFood)}}, at)
	fmt.Println("deposit:", report.Deposit.Amount.String(), "from", report.Deposit.Source)

	// review: the platform's rules for the category, on top of the defaults.
	r, _ := review.New(review.WithExtraRules(rule.ReviewRules(vcart.CategoryFood).Rule()))
	res := r.Review(review.Listing{Title: "云南高山手剥核桃 500g", Category: vcart.CategoryFood,
		Attrs: []review.Attr{{Key: "净含量", Value: "500斤"}},
		SKUs:  []review.SKU{{SalePrice: vcart.Fen(90), Attrs: []review.Attr{{Key: "规格", Value: "特大"}}}}}, at)
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, review.RulePlatformCategory) {
			fmt.Println(f.Severity, f.Code, f.Field)
		}
	}
	// Output:
	// deposit: ¥5000.00 from category API
	// block platform.attr_required attrs
	// block platform.attr_value attrs[0].value
	// block platform.floor_price skus[0].sale_price
	// info platform.requirement category
}

func TestCategoryService_PlatformCategory(t *testing.T) {
	t.Parallel()
	c := shopapitest.NewServer(t).Client()
	tests := []struct {
		cat     shopapi.ID
		class   vcart.Category
		name    string
		deposit int64
		wantErr bool
	}{
		{shopapitest.CatNuts, vcart.CategoryFood, "坚果炒货", 500000, false},
		{shopapitest.CatDresses, vcart.CategoryApparel, "连衣裙", 200000, false},
		{"42", vcart.CategoryFood, "", 0, true},
	}
	for _, tt := range tests {
		got, err := c.Categories.PlatformCategory(context.Background(), tt.cat, tt.class)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v", tt.cat, err)
			continue
		}
		if tt.wantErr {
			continue
		}
		if got.ID != vcart.CategoryID(tt.cat) || got.Name != tt.name || got.Category != tt.class || got.Deposit != vcart.Fen(tt.deposit) {
			t.Errorf("%s: got %+v", tt.cat, got)
		}
	}
}
