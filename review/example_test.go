package review_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Example pre-reviews a food listing before submission and prints the
// report.
func Example() {
	r, err := review.New()
	if err != nil {
		panic(err)
	}
	shanghai := vcart.Shanghai()
	listing := review.Listing{
		Title:       "正宗五常大米 全网第一 新米5kg",
		Category:    vcart.CategoryFood,
		Attrs:       []review.Attr{{Key: "净含量", Value: "5kg"}},
		Description: "最佳食用期为开袋后30天。加微信 rice_farm88 享优惠。",
		SKUs:        []review.SKU{{SalePrice: 8990, MarketPrice: 12900}},
		Documents:   []vcart.Document{{Kind: vcart.DocFoodLicence, Number: "SC11464010500015", Permanent: true}},
		Food: &review.FoodInfo{SCNumber: "SC11464010500015", ShelfLifeDays: 365,
			ProductionDate: time.Date(2025, 11, 1, 0, 0, 0, 0, shanghai), Origin: "江苏省宿迁市"},
	}
	res := r.Review(listing, time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai))
	fmt.Println(res.Verdict)
	for _, f := range res.Findings {
		fmt.Printf("%s %s %s %q (prevents %s)\n", f.Severity, f.Code, f.Field, f.Text, f.Reason)
	}
	// Output:
	// would be rejected
	// block content.diversion.wechat_id desc "微信 rice_farm88" (prevents 导流外链)
	// block content.image.count main_images "" (prevents 主图清晰度)
	// block content.adlaw.block title "全网第一" (prevents 虚假宣传)
	// block special.food.origin_mismatch title "五常大米" (prevents 虚假产地)
	// warn content.adlaw.warn desc "加微信" (prevents 导流外链)
}

// ExampleReviewer_Review prints the text report of a clean apparel listing.
func ExampleReviewer_Review() {
	r, err := review.New(review.WithoutRules(review.RuleImages))
	if err != nil {
		panic(err)
	}
	listing := review.Listing{
		Title:       "纯棉短袖T恤男夏季宽松圆领上衣",
		Category:    vcart.CategoryApparel,
		Attrs:       []review.Attr{{Key: "面料成分", Value: "棉100%"}},
		Description: "100%棉，第一次洗涤请单独手洗。",
		SKUs:        []review.SKU{{SalePrice: 5900, MarketPrice: 9900}},
	}
	_ = r.Review(listing, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)).WriteText(os.Stdout)
	// Output:
	// verdict: clean (0 block, 0 warn, 0 info)
	// seed: 服装 pass rate 82%, common rejections 盗用明星图、虚假材质描述
}

// ExampleNewKeywords finds negative-review keywords through spacing,
// full-width and traditional spellings; offsets point into the original.
func ExampleNewKeywords() {
	k, err := review.NewKeywords([]string{"质量差", "退货", "假货"})
	if err != nil {
		panic(err)
	}
	text := "质 量 差，申请退貨！"
	for _, h := range k.FindAll(text) {
		fmt.Printf("%s at [%d:%d] %q\n", h.Word, h.Start, h.End, text[h.Start:h.End])
	}
	fmt.Println(k.Contains("物流很快，好评"))
	// Output:
	// 质量差 at [0:11] "质 量 差"
	// 退货 at [20:26] "退貨"
	// false
}

// ExampleKeywords_AppendAll scans many texts into one reused slice.
func ExampleKeywords_AppendAll() {
	k, err := review.NewKeywords([]string{"质量差", "退货"})
	if err != nil {
		panic(err)
	}
	var hits []review.KeywordHit
	for _, text := range []string{"质量差，退货", "好评", "退貨"} {
		hits = k.AppendAll(hits[:0], text)
		fmt.Println(len(hits), hits)
	}
	// Output:
	// 2 [{质量差 0 9} {退货 12 18}]
	// 0 []
	// 1 [{退货 0 6}]
}

// ExampleReadImageHeader reads dimensions from the first bytes of a PNG.
func ExampleReadImageHeader() {
	header := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x03\x20\x00\x00\x02\x58\x08\x06\x00\x00\x00")
	info, err := review.ReadImageHeader(header)
	fmt.Println(info.Format, info.Width, info.Height, info.Animated, err)
	// Output:
	// png 800 600 false <nil>
}

// ExampleCheckSC validates food production licence numbers.
func ExampleCheckSC() {
	for _, sc := range []string{"SC11464010500015", "SC11464010500016", "QS110106010001"} {
		fmt.Println(sc, review.CheckSC(sc) == review.SCValid)
	}
	// Output:
	// SC11464010500015 true
	// SC11464010500016 false
	// QS110106010001 false
}

// ExampleClassifyCosmetics tells a special-use registration from a filing.
func ExampleClassifyCosmetics() {
	fmt.Println(review.ClassifyCosmetics("国妆特字202410635"))
	fmt.Println(review.ClassifyCosmetics("沪G妆网备字2019011789"))
	// Output:
	// 国产特殊化妆品注册证(国妆特字)
	// 国产普通化妆品备案(G妆网备字)
}

// ExampleCheckCCC checks 3C certificate numbers against the review year.
func ExampleCheckCCC() {
	for _, n := range []string{"2023010907123456", "2031010907123456", "A12345678901"} {
		fmt.Println(n, review.CheckCCC(n, 2026) == review.CCCValid)
	}
	// Output:
	// 2023010907123456 true
	// 2031010907123456 false
	// A12345678901 false
}

// ExampleWithWordList adds a shop's own banned word to the built-in list.
func ExampleWithWordList() {
	wl := review.DefaultWordList()
	extra, err := review.ParseWordList(strings.NewReader("神器\tshop_policy\tblock\tour own rule\n"))
	if err != nil {
		panic(err)
	}
	wl.Words = append(wl.Words, extra.Words...)
	r, err := review.New(review.WithWordList(wl), review.WithoutRules(review.RuleImages, review.RulePrice))
	if err != nil {
		panic(err)
	}
	res := r.Review(review.Listing{Title: "夏季防晒神器冰袖男女通用", Category: vcart.CategoryApparel}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	for _, f := range res.Findings {
		fmt.Println(f.Severity, f.Code, f.Text)
	}
	// Output:
	// block content.adlaw.block 神器
	// warn content.adlaw.warn 防晒
}
