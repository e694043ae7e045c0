package shopapitest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestOnboardingEvents checks that the reviewer's decisions push the
// events notify decodes, with the platform's status codes.
func TestOnboardingEvents(t *testing.T) {
	t.Parallel()
	s := NewServer(t)
	c := s.Client()
	ctx := context.Background()
	file, _, _ := c.Media.UploadQualification(ctx, "sc.jpg", []byte("jpeg"))
	a1, _, err := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: CatsFor(CatNuts), Certificate: []string{file}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RejectCategory(a1, "证照模糊"); err != nil {
		t.Fatal(err)
	}
	if err := s.RejectCategory(a1, "twice"); err != ErrNotPending {
		t.Errorf("second decision = %v", err)
	}
	if err := s.ApproveCategory("42"); err != ErrNoApplication {
		t.Errorf("unknown = %v", err)
	}
	a2, _, _ := c.Categories.Apply(ctx, &shopapi.CategoryApplyInfo{CatsV2: CatsFor(CatNuts), Certificate: []string{file}})
	_ = s.ApproveCategory(a2)
	b := &shopapi.BrandQualification{BrandID: "2100000104", ChName: "北麓", ClassificationNo: "29",
		TradeMarkSymbol: shopapi.TradeMarkRegistered, GrantType: shopapi.GrantOwn,
		RegisterDetails: &shopapi.RegisterDetails{Registrant: "北麓", RegisterNo: "1", RegisterCertifications: []string{file}}}
	if _, _, err := c.Brands.Add(ctx, b); err != nil {
		t.Fatal(err)
	}
	_ = s.RejectBrand("2100000104", "商标注册证不清晰")

	type got struct {
		Event, ID, Reason string
		Status            int64
	}
	var have []got
	for _, e := range s.Events() {
		ev, err := notify.DecodeEvent(e.Plaintext)
		if err != nil {
			t.Fatal(err)
		}
		switch ev := ev.(type) {
		case *notify.ProductCategoryAuditEvent:
			x := ev.ProductCategoryAudit
			have = append(have, got{e.Name, string(x.AuditID), x.Reason, int64(x.Status)})
		case *notify.BrandEvent:
			x := ev.BrandEvent
			have = append(have, got{e.Name, string(x.BrandID), x.Reason, int64(x.Status)})
		}
	}
	want := []got{
		{"product_category_audit", string(a1), "证照模糊", 2},
		{"product_category_audit", string(a2), "", 3},
		{"channels_ec_brand", "2100000104", "商标注册证不清晰", 5},
	}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("events (-want +got)\n%s", d)
	}
	if s.BrandStatus("2100000104") != shopapi.BrandRejected || s.BrandStatus("1") != 0 {
		t.Error("brand status wrong")
	}
}
