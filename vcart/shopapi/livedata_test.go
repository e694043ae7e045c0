package shopapi_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestLiveDataValidation checks the rules the showcase, link, live and
// compass methods enforce before the network: every problem at once, and
// nothing sent.
func TestLiveDataValidation(t *testing.T) {
	t.Parallel()
	c := offlineClient(t)
	tests := []struct {
		name   string
		call   func(ctx context.Context) error
		fields []string
	}{
		{"showcase add without ids", func(ctx context.Context) error {
			_, err := c.Showcase.Add(ctx, &shopapi.ShowcaseAddRequest{})
			return err
		}, []string{"appid", "product_id"}},
		{"showcase page size", func(ctx context.Context) error {
			_, _, err := c.Showcase.List(ctx, &shopapi.ShowcaseListOptions{PageSize: 201, PageIndex: -1})
			return err
		}, []string{"page_index", "page_size"}},
		{"showcase off without appid", func(ctx context.Context) error {
			_, err := c.Showcase.Off(ctx, "", "1")
			return err
		}, []string{"appid"}},
		{"product link without id", func(ctx context.Context) error {
			_, _, err := c.Links.ProductQRCode(ctx, "")
			return err
		}, []string{"product_id"}},
		{"scheme", func(ctx context.Context) error {
			_, _, err := c.Links.ProductScheme(ctx, &shopapi.ProductSchemeRequest{Expire: shopapi.MaxSchemeExpire + 1})
			return err
		}, []string{"expire", "from_appid", "product_id"}},
		{"live list day", func(ctx context.Context) error {
			_, _, err := c.Live.List(ctx, "2024-06-12")
			return err
		}, []string{"ds"}},
		{"live stats range", func(ctx context.Context) error {
			_, _, err := c.Live.LiveStats(ctx, shopapi.LeadsTimeRange{StartTime: 10, EndTime: 5})
			return err
		}, []string{"end_time"}},
		{"leads query", func(ctx context.Context) error {
			_, _, err := c.Live.LeadsByComponent(ctx, &shopapi.LeadsQuery{LeadsTimeRange: shopapi.LeadsTimeRange{StartTime: -1}})
			return err
		}, []string{"leads_component_id", "start_time"}},
		{"compass day", func(ctx context.Context) error {
			_, _, err := c.Compass.ShopOverall(ctx, "20240230")
			return err
		}, []string{"ds"}},
		{"audience type", func(ctx context.Context) error {
			_, _, err := c.Compass.ShopSaleProfile(ctx, "20240520", 7)
			return err
		}, []string{"type"}},
		{"talent identity: two given", func(ctx context.Context) error {
			_, _, err := c.Compass.ShopFinderDetail(ctx, "20240520", shopapi.TalentRef{FinderID: "a", MPID: "b"})
			return err
		}, []string{"finder_id"}},
		{"talent identity: none", func(ctx context.Context) error {
			_, _, err := c.Compass.ShopFinderProducts(ctx, "20240520", shopapi.TalentRef{})
			return err
		}, []string{"finder_id"}},
		{"shop lives without finder", func(ctx context.Context) error {
			_, _, err := c.Compass.ShopLives(ctx, "20240520", "")
			return err
		}, []string{"finder_id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.call(t.Context())
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a *vcart.ValidationError", err)
			}
			var fields []string
			for _, p := range ve.Problems {
				fields = append(fields, p.Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMiniProgramProductCard(t *testing.T) {
	t.Parallel()
	tests := []struct {
		card shopapi.MiniProgramProductCard
		want string
		err  bool
	}{
		{shopapi.MiniProgramProductCard{AppID: "wx1", ProductID: "10000000000000001"},
			`<store-product appid="wx1" product-id="10000000000000001" />`, false},
		{shopapi.MiniProgramProductCard{AppID: "wx1", ProductID: "1", PromotionLink: `a"&<b>`},
			`<store-product appid="wx1" product-id="1" product-promotion-link="a&#34;&amp;&lt;b&gt;" />`, false},
		{shopapi.MiniProgramProductCard{}, "", true},
	}
	for _, tt := range tests {
		got, err := tt.card.WXML()
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("WXML(%+v) = %q, %v", tt.card, got, err)
		}
	}
	if _, err := shopapi.MiniProgramHomeWXML(""); err == nil {
		t.Error("store-home without appid")
	}
}

func TestCompassDay(t *testing.T) {
	t.Parallel()
	// 2026-03-01 23:30 UTC is already 2 March in China.
	if got := shopapi.CompassDay(time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)); got != "20260302" {
		t.Errorf("CompassDay = %s", got)
	}
	d, err := shopapi.ParseCompassDay("20260302")
	if err != nil || shopapi.CompassDay(d) != "20260302" || d.Hour() != 0 {
		t.Errorf("ParseCompassDay = %v, %v", d, err)
	}
}

func FuzzParseCompassDay(f *testing.F) {
	for _, s := range []string{"20240520", "2024052", "20240230", "２０２４０５２０", "-0240520", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := shopapi.ParseCompassDay(s)
		if err != nil {
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v is not a validation error", err)
			}
			return
		}
		if got := shopapi.CompassDay(d); got != s {
			t.Errorf("round trip %q → %q", s, got)
		}
	})
}
