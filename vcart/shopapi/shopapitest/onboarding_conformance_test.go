package shopapitest

import (
	"context"
	"errors"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// onboardingTours drive the category and brand applications (issue 16).
var onboardingTours = []tour{
	{"category application approved", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		file, _, err := c.Media.UploadQualification(ctx, "sc.jpg", []byte("jpeg"))
		if err != nil {
			t.Fatal(err)
		}
		info := &shopapi.CategoryApplyInfo{CatsV2: CatsFor(CatNuts), IsNewApplyCat: true,
			BrandList: []shopapi.CatRefBrand{{BrandID: "2100000101"}}, Jingyingpingtai: "other",
			LicenseGroupList: []shopapi.LicenseGroup{{LicenseGroupID: "1", License: shopapi.License{LicenseID: "11",
				FileIDList: []string{file}, LicenseFieldList: []shopapi.LicenseField{{Key: "sc", Value: "SC10632011500012"}}}}}}
		auditID, _, err := c.Categories.Apply(ctx, info)
		if err != nil {
			t.Fatal(err)
		}
		if res, _, err := c.Categories.Audit(ctx, auditID); err != nil || res.Status != shopapi.CategoryAuditPending {
			t.Errorf("audit = %+v, %v", res, err)
		}
		if _, _, err := c.Categories.Apply(ctx, info); !isCode(err, shopapi.CodeCategoryUnderAudit) {
			t.Errorf("second application = %v, want %d", err, shopapi.CodeCategoryUnderAudit)
		}
		pending := shopapi.CategoryFlowPending
		if flows, _, err := c.Categories.AuditFlows(ctx, &shopapi.CategoryFlowListOptions{Status: &pending}); err != nil || len(flows) != 1 {
			t.Errorf("flows = %+v, %v", flows, err)
		}
		if err := s.ApproveCategory(string(auditID)); err != nil {
			t.Fatal(err)
		}
		if f, _, err := c.Categories.AuditFlow(ctx, auditID); err != nil || f.Status != shopapi.CategoryFlowApproved || f.CatID != CatNuts {
			t.Errorf("flow = %+v, %v", f, err)
		}
		if res, _, err := c.Categories.Audit(ctx, auditID); err != nil || res.Status != shopapi.CategoryAuditApproved {
			t.Errorf("audit = %+v, %v", res, err)
		}
		active := shopapi.CategoryRelationActive
		rels, _, err := c.Categories.Relations(ctx, &active)
		if err != nil || len(rels) != 2 {
			t.Errorf("relations = %+v, %v", rels, err)
		}
		rel, _, err := c.Categories.Relation(ctx, CatNuts)
		if err != nil || rel.Status != shopapi.CategoryRelationActive || rel.AuditInfo == nil || len(rel.AuditInfo.LicenseGroupList) != 1 {
			t.Errorf("relation = %+v, %v", rel, err)
		}
		if !s.CategoryGranted(CatNuts) || s.CategoryGranted(CatCream) {
			t.Error("grants wrong")
		}
	}},
	{"category application rejected and cancelled", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		if _, _, err := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: CatsFor(CatCream), Certificate: []string{"file_9"}}); !isCode(err, shopapi.CodeBadParams) {
			t.Errorf("unknown file = %v", err)
		}
		file, _, _ := c.Media.UploadQualification(ctx, "filing.jpg", []byte("jpeg"))
		id, _, err := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: CatsFor(CatCream), Certificate: []string{file}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RejectCategory(string(id), "资质不清晰"); err != nil {
			t.Fatal(err)
		}
		if res, _, err := c.Categories.Audit(ctx, id); err != nil || !res.Status.Rejected() || res.RejectReason != "资质不清晰" {
			t.Errorf("audit = %+v, %v", res, err)
		}
		id2, _, err := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: CatsFor(CatCream), Certificate: []string{file}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Categories.CancelAudit(ctx, id2); err != nil {
			t.Error(err)
		}
		if _, err := c.Categories.CancelAudit(ctx, id2); !isCode(err, shopapi.CodeInvalidAuditID) {
			t.Errorf("second cancel = %v", err)
		}
		if _, _, err := c.Categories.Audit(ctx, "1"); !isCode(err, shopapi.CodeInvalidAuditID) {
			t.Errorf("unknown audit = %v", err)
		}
		if len(s.PendingCategoryAudits()) != 0 {
			t.Error("pending audits left")
		}
	}},
	{"brand qualification", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		reg, _, _ := c.Media.UploadQualification(ctx, "tm.jpg", []byte("jpeg"))
		grant, _, _ := c.Media.UploadQualification(ctx, "grant.jpg", []byte("jpeg"))
		idPhoto, _, _ := c.Media.UploadQualification(ctx, "owner.jpg", []byte("jpeg"))
		b := &shopapi.BrandQualification{BrandID: "2100000103", ChName: "玉肌", EnName: "Jade Skin", ClassificationNo: "3",
			TradeMarkSymbol: shopapi.TradeMarkRegistered,
			RegisterDetails: &shopapi.RegisterDetails{Registrant: "玉肌公司", RegisterNo: "12345678", IsPermanent: true,
				RegisterCertifications: []string{reg}, RenewCertifications: []string{}},
			ApplicationDetails: &shopapi.ApplicationDetails{},
			GrantType:          shopapi.GrantAuthorised,
			GrantDetails: &shopapi.GrantDetails{GrantCertifications: []string{grant}, GrantLevel: 1, StartTime: 1767225600,
				EndTime: 1798761600, BrandOwnerIDPhotos: []string{idPhoto}}}
		auditID, _, err := c.Brands.Add(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Brands.Update(ctx, b); !isCode(err, shopapi.CodeBadParams) {
			t.Errorf("update under audit = %v", err)
		}
		if _, err := c.Brands.CancelAudit(ctx, b.BrandID, auditID); err != nil {
			t.Error(err)
		}
		if _, _, err := c.Brands.Update(ctx, b); err != nil {
			t.Fatal(err)
		}
		if err := s.ApproveBrand(string(b.BrandID)); err != nil {
			t.Fatal(err)
		}
		p, _, err := c.Brands.Valid(ctx, &shopapi.BrandListOptions{PageSize: 5})
		if err != nil || len(p.Brands) != 1 || p.Brands[0].Status != shopapi.BrandActive || p.TotalNum != 1 {
			t.Errorf("valid = %+v, %v", p, err)
		}
		if _, err := c.Brands.Delete(ctx, b.BrandID); err != nil {
			t.Error(err)
		}
		if _, err := c.Brands.Delete(ctx, b.BrandID); !isCode(err, CodeBrandNotExist) {
			t.Errorf("second delete = %v", err)
		}
	}},
}

var categoryRuleTours = []tour{
	{"category rules", func(ctx context.Context, t *testing.T, _ *Server, c *shopapi.Client) {
		d, _, err := c.Categories.Deposit(ctx, CatNuts)
		if err != nil || d != 500000 {
			t.Errorf("deposit = %d, %v", d, err)
		}
		m, _, err := c.Categories.DeliveryMethods(ctx, CatDresses)
		if err != nil || len(m) != 1 || m[0].DeliverType != shopapi.MethodExpress {
			t.Errorf("methods = %+v, %v", m, err)
		}
		if _, _, err := c.Categories.Deposit(ctx, "9"); !isCode(err, shopapi.CodeInvalidCatID) {
			t.Errorf("unknown category = %v", err)
		}
		r, _, err := c.Categories.ProductRule(ctx, CatNuts, shopapi.ReleaseNormal)
		if err != nil || r.FloorPrice != 100 || len(r.ProductAttrList) != 2 || len(r.ProductQuaList) != 1 {
			t.Errorf("product rule = %+v, %v", r, err)
		}
	}},
}

func isCode(err error, code int) bool {
	var ae *shopapi.APIError
	return errors.As(err, &ae) && ae.ErrCode == code
}
