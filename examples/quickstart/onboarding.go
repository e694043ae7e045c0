package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// onboardingDemo onboards a food merchant on the fake: its documents are
// checked offline (vcart), the gated category 坚果炒货 and the brand are
// applied for with the uploaded document images, the fake's reviewer
// approves them, the category's live rules feed the deposit quote and the
// pre-review, and the first product is listed.
func onboardingDemo(w io.Writer) error {
	cst := vcart.Shanghai()
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, cst)
	srv, err := shopapitest.New()
	if err != nil {
		return err
	}
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	licence := vcart.Document{Kind: vcart.DocBusinessLicence, Number: "91350100M000100Y43", Holder: "福州山野食品有限公司", Permanent: true}
	food := vcart.Document{Kind: vcart.DocFoodLicence, Number: "SC11435010200015", Holder: "福州山野食品有限公司",
		ValidTo: time.Date(2029, 1, 1, 0, 0, 0, 0, cst)}
	mark := vcart.Document{Kind: vcart.DocTrademark, Number: "12345678", Holder: "福州山野食品有限公司", Permanent: true}

	// 1. The live rules of the category: deposit (vcart) and publishing rules (review).
	nuts, err := c.Categories.PlatformCategory(ctx, shopapitest.CatNuts, vcart.CategoryFood) // name and deposit
	if err != nil {
		return err
	}
	rule, _, err := c.Categories.ProductRule(ctx, shopapitest.CatNuts, shopapi.ReleaseNormal)
	if err != nil {
		return err
	}
	rules := vcart.SeedSubjectRules()
	for i := range rules.Subjects {
		rules.Subjects[i].Deposit = vcart.Fen(0) // the live platform: deposits per category
	}
	checker, err := vcart.NewChecker(rules)
	if err != nil {
		return err
	}
	rep := checker.Check(vcart.Applicant{StoreType: vcart.StoreEnterprise, SubjectName: "福州山野食品有限公司", Representative: "张三",
		Account: vcart.Account{RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true, Certification: vcart.CertProfessional},
		Documents: []vcart.Document{licence, food,
			{Kind: vcart.DocLegalRepID, Number: "11010519491231002X", Holder: "张三", ValidTo: time.Date(2040, 1, 1, 0, 0, 0, 0, cst)}},
		Brands:     []vcart.BrandAuthorisation{{Brand: "山野果", Owner: "福州山野食品有限公司", Own: true, Trademark: mark}},
		Categories: []vcart.PlatformCategory{nuts}}, at)
	fmt.Fprintf(w, "documents checked     → eligible %v, deposit %s (%s)\n", rep.Eligible, rep.Deposit.Amount.String(), rep.Deposit.Source)

	// 2. Apply for the gated category with the document images.
	granted := srv.CategoryGranted(shopapitest.CatNuts)
	auditID, err := c.Categories.ApplyWithDocuments(ctx, shopapitest.CatsFor(shopapitest.CatNuts),
		[]shopapi.QualificationImage{{Document: licence, Filename: "licence.jpg", Data: []byte("jpeg")},
			{Document: food, Filename: "sc.jpg", Data: []byte("jpeg")}}, nil, at)
	if err != nil {
		return err
	}
	res, _, err := c.Categories.Audit(ctx, auditID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "category/add          → 坚果炒货 granted before: %v; audit %s: %s\n", granted, auditID, res.Status)
	if err := srv.ApproveCategory(auditID); err != nil { // the platform's reviewer
		return err
	}
	res, _, err = c.Categories.Audit(ctx, auditID)
	if err != nil {
		return err
	}
	rel, _, err := c.Categories.Relation(ctx, shopapitest.CatNuts)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "category/audit/get    → %s; permission %s\n", res.Status, rel.Status)

	// 3. The brand: trademark certificate uploaded, application, audit.
	brand := &shopapi.BrandQualification{BrandID: "2100000101", ChName: "山野果", EnName: "Wild Nuts", ClassificationNo: "29",
		TradeMarkSymbol: shopapi.TradeMarkRegistered, GrantType: shopapi.GrantOwn,
		RegisterDetails: &shopapi.RegisterDetails{Registrant: mark.Holder, RegisterNo: mark.Number, IsPermanent: true}}
	if _, err := c.Brands.AddWithDocuments(ctx, brand, shopapi.QualificationImage{Document: mark, Filename: "tm.jpg", Data: []byte("jpeg")}, nil, at); err != nil {
		return err
	}
	if err := srv.ApproveBrand(brand.BrandID); err != nil {
		return err
	}
	valid, _, err := c.Brands.Valid(ctx, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "brand/add             → brands in force: %d (%s %s)\n", valid.TotalNum, valid.Brands[0].ChName, valid.Brands[0].Status)

	// 4. The first product: pre-reviewed with the live rules, then listed.
	r, err := review.New(review.WithoutRules(review.RuleImages), review.WithExtraRules(rule.ReviewRules(vcart.CategoryFood).Rule()))
	if err != nil {
		return err
	}
	listing := review.Listing{Title: "山野果 云南高山手剥核桃 500g", Category: vcart.CategoryFood, Brand: "山野果",
		Attrs: []review.Attr{{Key: "产地", Value: "云南省临沧市"}, {Key: "净含量", Value: "500g"}},
		SKUs: []review.SKU{{SalePrice: vcart.Fen(3990), MarketPrice: vcart.Fen(5990), Stock: 100,
			Attrs: []review.Attr{{Key: "规格", Value: "中"}}}},
		Documents: []vcart.Document{food, mark},
		Food:      &review.FoodInfo{SCNumber: food.Number, ShelfLifeDays: 270, ProductionDate: time.Date(2026, 2, 1, 0, 0, 0, 0, cst), Origin: "云南省临沧市"}}
	blocks := 0
	for _, f := range r.Review(listing, at).Findings {
		if f.Severity == vcart.Block {
			blocks++
			fmt.Fprintf(w, "  block %s %s\n", f.Code, f.Field)
		}
	}
	fmt.Fprintf(w, "pre-review            → %d blocking finding(s) with the platform's rules for %s\n", blocks, rule.Info.Name)
	pre, _, err := c.Products.Precheck(ctx, shopapitest.CatNuts) // the platform's check comes second: it costs a call
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "categoryprecheck      → all pass: %v\n", pre.AllPass)
	p := &shopapi.Product{OutProductID: "walnut-500", Title: listing.Title,
		HeadImgs: []string{"https://mmecimage.cn/p/wxshop/1", "https://mmecimage.cn/p/wxshop/2", "https://mmecimage.cn/p/wxshop/3",
			"https://mmecimage.cn/p/wxshop/4"},
		Cats: shopapitest.CatsFor(shopapitest.CatNuts), BrandID: brand.BrandID,
		SKUs: []shopapi.SKU{{OutSKUID: "walnut-500-bag", SalePrice: 3990, MarketPrice: 5990, StockNum: 100}}}
	added, _, err := c.Products.Add(ctx, p, true)
	if err != nil {
		return err
	}
	if err := srv.ApproveAudit(added.ProductID); err != nil {
		return err
	}
	got, _, err := c.Products.Get(ctx, added.ProductID, shopapi.DataOnline)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "product/add           → first product %s: %v\n", added.ProductID, got.Product.Status)
	return nil
}
