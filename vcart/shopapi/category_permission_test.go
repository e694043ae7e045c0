package shopapi_test

import (
	"context"
	"errors"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// TestCategoryPermissions: with permissions checked, the fake refuses a
// product in a gated category (errcode 10020018) until the category
// application is approved, as the platform does.
func TestCategoryPermissions(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithCategoryPermissions())
	c := srv.Client()
	ctx := context.Background()
	if _, _, err := c.Products.Add(ctx, exampleProduct(), false); !hasCode(err, shopapi.CodeNoCategoryQualification) {
		t.Fatalf("product in a gated category before the grant: %v, want 10020018", err)
	}
	file, _, err := c.Media.UploadQualification(ctx, "sc.jpg", []byte("jpeg"))
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: shopapitest.CatsFor(shopapitest.CatNuts), Certificate: []string{file}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Products.Add(ctx, exampleProduct(), false); !hasCode(err, shopapi.CodeNoCategoryQualification) {
		t.Fatalf("while the application is under audit: %v, want 10020018", err)
	}
	if err := srv.ApproveCategory(id); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Products.Add(ctx, exampleProduct(), false); err != nil {
		t.Fatalf("after the grant: %v", err)
	}
	// Without the option every category of the fake is open.
	open := shopapitest.NewServer(t)
	if _, _, err := open.Client().Products.Add(ctx, exampleProduct(), false); err != nil {
		t.Fatalf("default server: %v", err)
	}
}

// hasCode reports whether err carries the platform errcode code.
func hasCode(err error, code int) bool {
	var ae *shopapi.APIError
	return errors.As(err, &ae) && ae.ErrCode == code
}
