package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// reviewDemo pre-reviews two sample listings (seed §二 商品审核) the way a
// provider screens them before submission: a clean apparel listing and a
// food listing with the problems that get listings rejected. Images are
// passed as their first bytes; only the header is read.
func reviewDemo(w io.Writer) error {
	cst := vcart.Shanghai()
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, cst)

	r, err := review.New()
	if err != nil {
		return err
	}
	shirt := review.Listing{
		Title:    "纯棉短袖T恤男夏季宽松圆领上衣",
		Category: vcart.CategoryApparel,
		Attrs:    []review.Attr{{Key: "面料成分", Value: "棉100%"}, {Key: "版型", Value: "宽松"}},
		Description: "精选长绒棉面料，100%棉，亲肤透气。第一次洗涤请单独冷水手洗，" +
			"最近天气炎热建议多备几件。",
		MainImages: []review.Image{reviewImage(1, 800, 800), reviewImage(2, 800, 800), reviewImage(3, 1200, 1200)},
		SKUs: []review.SKU{
			{OutSKUID: "TS-WHITE-L", SalePrice: 5900, MarketPrice: 9900},
		},
	}
	rice := review.Listing{
		Title:       "正宗五常大米 全网第一 頂級新米5kg",
		Category:    vcart.CategoryFood,
		Attrs:       []review.Attr{{Key: "净含量", Value: "5kg"}},
		Description: "最佳食用期为开袋后30天。吃了降血糖！加微信 rice_farm88 或致电13812345678享优惠。",
		MainImages:  []review.Image{reviewImage(4, 800, 800), reviewImage(4, 800, 800), reviewImage(5, 640, 640)},
		SKUs:        []review.SKU{{OutSKUID: "RICE-5KG", SalePrice: 8990, MarketPrice: 12900}},
		Documents:   []vcart.Document{{Kind: vcart.DocFoodLicence, Number: "QS110106010001", ValidTo: time.Date(2025, 12, 31, 0, 0, 0, 0, cst)}},
		Food: &review.FoodInfo{QSNumber: "QS110106010001", ShelfLifeDays: 180,
			ProductionDate: time.Date(2025, 10, 1, 0, 0, 0, 0, cst), Origin: "江苏省宿迁市"},
	}
	for _, l := range []review.Listing{shirt, rice} {
		fmt.Fprintf(w, "%s (%s)\n", l.Title, l.Category.ChineseName())
		if err := r.Review(l, at).WriteText(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}

// reviewImage builds the first bytes of a w×h PNG (signature and IHDR) and a
// content hash that is the same for the same seed, as a caller would after
// downloading the image.
func reviewImage(seed, w, h int) review.Image {
	header := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
	header = binary.BigEndian.AppendUint32(header, uint32(w))
	header = binary.BigEndian.AppendUint32(header, uint32(h))
	header = append(header, 8, 6, 0, 0, 0, 0, 0, 0, 0)
	sum := sha256.Sum256(fmt.Appendf(nil, "image-%d", seed))
	return review.Image{Name: fmt.Sprintf("https://mmecimage.cn/p/demo-%d", seed), Header: header, SHA256: hex.EncodeToString(sum[:])}
}
