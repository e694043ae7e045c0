package shopapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

var onboardAt = time.Date(2026, 3, 1, 10, 0, 0, 0, vcart.Shanghai())

// ExampleCategoryService_ApplyWithDocuments applies for a gated category
// with the merchant's food licence, follows the audit to its result and
// reads the permission it grants.
func ExampleCategoryService_ApplyWithDocuments() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	food := vcart.Document{Kind: vcart.DocFoodLicence, Number: "SC11435010200015", Permanent: true}
	auditID, err := c.Categories.ApplyWithDocuments(ctx, shopapitest.CatsFor(shopapitest.CatNuts),
		[]shopapi.QualificationImage{{Document: food, Filename: "sc.jpg", Data: []byte("jpeg")}}, nil, onboardAt)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _, _ := c.Categories.Audit(ctx, auditID)
	fmt.Println("audit:", res.Status)

	_ = srv.RejectCategory(auditID, "食品生产许可证不清晰") // the platform's reviewer
	res, _, _ = c.Categories.Audit(ctx, auditID)
	fmt.Println("audit:", res.Status, res.RejectReason)

	auditID, _ = c.Categories.ApplyWithDocuments(ctx, shopapitest.CatsFor(shopapitest.CatNuts),
		[]shopapi.QualificationImage{{Document: food, Filename: "sc-hd.jpg", Data: []byte("jpeg, sharper")}}, nil, onboardAt)
	_ = srv.ApproveCategory(auditID)
	flow, _, _ := c.Categories.AuditFlow(ctx, auditID)
	rel, _, _ := c.Categories.Relation(ctx, shopapitest.CatNuts)
	fmt.Println("flow:", flow.Status, "permission:", rel.Status, "files:", rel.AuditInfo.Certificate)
	// Output:
	// audit: pending
	// audit: rejected 食品生产许可证不清晰
	// flow: approved permission: active files: [file_2]
}

// ExampleBrandService_Add applies for an own brand with its trademark
// certificate and lists the brands in force once the audit passes.
func ExampleBrandService_Add() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	file, _, _ := c.Media.UploadQualification(ctx, "tm.jpg", []byte("jpeg"))
	b := &shopapi.BrandQualification{BrandID: "2100000101", ChName: "山野果", ClassificationNo: "29",
		TradeMarkSymbol: shopapi.TradeMarkRegistered, GrantType: shopapi.GrantOwn,
		RegisterDetails: &shopapi.RegisterDetails{Registrant: "福州山野食品有限公司", RegisterNo: "12345678",
			IsPermanent: true, RegisterCertifications: []string{file}}}
	if _, _, err := c.Brands.Add(ctx, b); err != nil {
		fmt.Println(err)
		return
	}
	_ = srv.ApproveBrand(b.BrandID)
	for q, err := range c.Brands.ValidIter(ctx, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(q.BrandID, q.ChName, q.Status)
	}
	// Output:
	// 2100000101 山野果 active
}

func TestApplyWithDocuments_Validation(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	expired := vcart.Document{Kind: vcart.DocFoodLicence, ValidTo: onboardAt.Add(-time.Hour)}
	ok := vcart.Document{Kind: vcart.DocBusinessLicence, Permanent: true}
	tests := []struct {
		name   string
		path   []shopapi.CatRef
		images []shopapi.QualificationImage
		want   []string
	}{
		{"nothing", nil, nil, []string{"category_info.cats_v2 required", "images required"}},
		{"expired and empty", shopapitest.CatsFor(shopapitest.CatNuts),
			[]shopapi.QualificationImage{{Document: expired, Data: []byte("x")}, {Document: ok}},
			[]string{"images[0] expired", "images[1].data size"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Categories.ApplyWithDocuments(context.Background(), tt.path, tt.images, nil, onboardAt)
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Field+" "+p.Code)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
	if n := srv.Calls("/shop/ec/basics/qualification/upload"); n != 0 {
		t.Errorf("%d uploads after refused applications", n)
	}
}

func TestBrandQualification_Validation(t *testing.T) {
	t.Parallel()
	c := shopapitest.NewServer(t).Client()
	tests := []struct {
		name string
		b    shopapi.BrandQualification
		want []string
	}{
		{"empty", shopapi.BrandQualification{}, []string{"brand.brand_id required", "brand.ch_name required",
			"brand.classification_no range", "brand.grant_type enum", "brand.trade_mark_symbol enum"}},
		{"registered without certificate, authorised without letters", shopapi.BrandQualification{BrandID: "1", EnName: "X",
			ClassificationNo: "46", TradeMarkSymbol: shopapi.TradeMarkRegistered, GrantType: shopapi.GrantAuthorised,
			RegisterDetails: &shopapi.RegisterDetails{}},
			[]string{"brand.classification_no range", "brand.grant_details.grant_certifications required",
				"brand.register_details.register_certifications count"}},
		{"TM without acceptance", shopapi.BrandQualification{BrandID: "1", ChName: "某", ClassificationNo: "1",
			TradeMarkSymbol: shopapi.TradeMarkPending, GrantType: shopapi.GrantOwn},
			[]string{"brand.application_details.acceptance_certification required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := c.Brands.Add(context.Background(), &tt.b)
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Field+" "+p.Code)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
}

// The onboarding methods taking a request pointer join the nil-request
// table (kept in its own file by another group).
func init() {
	nilRequestCalls["Products.Classify"] = func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Products.Classify(ctx, nil)
		return err
	}
	nilRequestCalls["Products.MapAttribute"] = func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Products.MapAttribute(ctx, nil)
		return err
	}
	nilRequestCalls["Products.RecommendAttributes"] = func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Products.RecommendAttributes(ctx, nil)
		return err
	}
	nilRequestCalls["Products.RecommendBrand"] = func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Products.RecommendBrand(ctx, nil)
		return err
	}
	nilRequestCalls["Stock.Flow"] = func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Stock.Flow(ctx, nil)
		return err
	}
	nilRequestCalls["Stock.FlowIter"] = func(ctx context.Context, c *shopapi.Client) error {
		for _, err := range c.Stock.FlowIter(ctx, nil) {
			return err
		}
		return nil
	}
}

// TestAwaitAudit waits for the reviewer on synctest's clock: polled every
// minute, an application approved after 90 s is seen at 120 s.
func TestAwaitAudit(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t, shopapitest.WithTokenTTL(365*24*time.Hour))
	synctest.Test(t, func(t *testing.T) {
		c, err := srv.NewClient(&http.Client{Transport: srv.Transport()}, shopapi.WithoutRateLimit())
		if err != nil {
			t.Fatal(err)
		}
		ctx := t.Context()
		file, _, err := c.Media.UploadQualification(ctx, "sc.jpg", []byte("jpeg"))
		if err != nil {
			t.Fatal(err)
		}
		id, _, err := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: shopapitest.CatsFor(shopapitest.CatNuts), Certificate: []string{file}})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		go func() {
			time.Sleep(90 * time.Second)
			_ = srv.ApproveCategory(id)
		}()
		res, err := c.Categories.AwaitAudit(ctx, id, time.Minute)
		if err != nil || res.Status != shopapi.CategoryAuditApproved {
			t.Fatalf("await = %+v, %v", res, err)
		}
		if d := time.Since(start); d != 2*time.Minute {
			t.Errorf("seen after %v, want 2m", d)
		}
		short, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		id2, _, _ := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: shopapitest.CatsFor(shopapitest.CatCream), Certificate: []string{file}})
		if _, err := c.Categories.AwaitAudit(short, id2, time.Minute); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("await past the deadline = %v", err)
		}
		if _, err := c.Categories.AwaitAudit(ctx, id2, time.Millisecond); !errors.Is(err, vcart.ErrInvalid) {
			t.Errorf("await every ms = %v", err)
		}
	})
}
