package shopapitest

import (
	"context"
	"errors"
	"github.com/vcart-sdk/vcart-go/vcart"
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
		if err := s.ApproveCategory(auditID); err != nil {
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
		if err := s.RejectCategory(id, "资质不清晰"); err != nil {
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
		if err := s.ApproveBrand(b.BrandID); err != nil {
			t.Fatal(err)
		}
		p, _, err := c.Brands.Valid(ctx, &shopapi.BrandListOptions{PageSize: 5})
		if err != nil || len(p.Brands) != 1 || p.Brands[0].Status != shopapi.BrandActive || p.TotalNum != 1 {
			t.Errorf("valid = %+v, %v", p, err)
		}
		rec, _, err := c.Products.RecommendBrand(ctx, &shopapi.BrandRecommendRequest{CatID: CatCream, Title: "玉肌 保湿面霜 50g",
			HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1"}, DetailImgs: []string{"https://mmecimage.cn/p/wxshop/2"}})
		if err != nil || rec.BrandID != b.BrandID || rec.BrandNameChinese != "玉肌" {
			t.Errorf("recommend = %+v, %v", rec, err)
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

var productToolTours = []tour{
	{"product tools", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		imgs := []string{"https://mmecimage.cn/p/wxshop/1"}
		res, _, err := c.Products.Classify(ctx, &shopapi.ClassifyRequest{ReqType: shopapi.ClassifyRecommend, Title: "云南手剥核桃", HeadImgs: imgs})
		if err != nil || len(res.Categories) != 1 {
			t.Fatalf("classify = %+v, %v", res, err)
		}
		if leaf, _ := res.Categories[0].Cats.Leaf(); leaf.CatInfo.CatID != CatNuts || leaf.HasPermission {
			t.Errorf("leaf = %+v", leaf)
		}
		pre, _, err := c.Products.Precheck(ctx, CatNuts)
		if err != nil || pre.AllPass || len(pre.FailReasons) != 1 {
			t.Errorf("precheck = %+v, %v", pre, err)
		}
		pre, _, err = c.Products.Precheck(ctx, CatDresses)
		if err != nil || !pre.AllPass {
			t.Errorf("precheck = %+v, %v", pre, err)
		}
		m, _, err := c.Products.MapAttribute(ctx, &shopapi.AttrMappingRequest{CatID: CatNuts, ExternalAttributeName: "产地省份",
			ExternalAttributeValue: "云南", ExternalCategoryName: "食品:坚果"})
		if err != nil || m.InternalAttributeName != "产地" || len(m.InternalAttributeValue) != 1 {
			t.Errorf("mapping = %+v, %v", m, err)
		}
		kv, _, err := c.Products.RecommendAttributes(ctx, &shopapi.AttrRecommendRequest{CatID: CatNuts, ExternalCategoryName: "食品:坚果",
			HeadImgs: imgs, DetailImgs: imgs, Title: "云南手剥核桃", ExternalAttributes: []shopapi.KeyValue{{Key: "重量", Value: "500g"}}})
		if err != nil || len(kv) != 1 || kv[0].Key != "净含量" {
			t.Errorf("recommend = %+v, %v", kv, err)
		}
		q, _, err := c.Products.AuditQuota(ctx)
		if err != nil || !q.CanSubmit() || q.TotalQuota != 1000 {
			t.Errorf("quota = %+v, %v", q, err)
		}
		if _, err := c.Products.SetAuditStrategy(ctx, shopapi.AuditStrategy{HitLowRiskRuleFlag: shopapi.StrategyOn}); err != nil {
			t.Error(err)
		}
		st, _, err := c.Products.AuditStrategy(ctx)
		if err != nil || st.HitLowRiskRuleFlag != shopapi.StrategyOn || st.HideErrFieldFlag != shopapi.StrategyOn {
			t.Errorf("strategy = %+v, %v", st, err)
		}
	}},
	{"timed sale and stock ledger", func(ctx context.Context, t *testing.T, s *Server, c *shopapi.Client) {
		p, _, err := c.Products.Add(ctx, &shopapi.Product{OutProductID: "dress-1", Title: "法式碎花连衣裙 夏季", Cats: CatsFor(CatDresses),
			HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2", "https://mmecimage.cn/p/wxshop/3"},
			SKUs:     []shopapi.SKU{{OutSKUID: "dress-1-m", SalePrice: 15900, MarketPrice: 19900, StockNum: 10}}}, false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Products.BeginTimingSale(ctx, p.ProductID, "1"); !isCode(err, shopapi.CodeNotAwaitingSale) {
			t.Errorf("unscheduled = %v", err)
		}
		task, err := s.ScheduleTimingSale(p.ProductID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Products.BeginTimingSale(ctx, p.ProductID, "1"); !isCode(err, shopapi.CodeSaleTaskChanged) {
			t.Errorf("stale task = %v", err)
		}
		if _, err := c.Products.BeginTimingSale(ctx, p.ProductID, task); err != nil {
			t.Error(err)
		}
		sku := vcart.ID("1") // the ledger is keyed by whatever sku_id the caller records
		s.RecordStockFlow(p.ProductID, sku, shopapi.StockFlow{Amount: 300, BeginningAmount: 842, EndingAmount: 542, StockSubType: 1,
			OpType: 6, UpdateTime: 1689735682, ExtInfo: shopapi.StockFlowExt{MoveToStockSubType: 4, FinderID: "sphn9rhffKDiLAf"}})
		s.RecordStockFlow(p.ProductID, sku, shopapi.StockFlow{Amount: 1, BeginningAmount: 843, EndingAmount: 842, StockSubType: 1,
			OpType: 4, UpdateTime: 1689520907, ExtInfo: shopapi.StockFlowExt{OrderID: "3712984209868589056"}})
		var n int
		for f, err := range c.Stock.FlowIter(ctx, &shopapi.StockFlowRequest{ProductID: p.ProductID, SKUID: sku,
			BeginTime: 1689218360, EndTime: 1689736760, PageSize: 1}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			if n == 1 && f.OpType != 4 {
				t.Errorf("first flow = %+v", f)
			}
		}
		if n != 2 {
			t.Errorf("%d flows, want 2", n)
		}
	}},
}
