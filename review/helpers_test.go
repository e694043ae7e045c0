package review_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

var shanghai = vcart.Shanghai()

// at is the fixed review instant of the tests.
var at = time.Date(2026, 3, 1, 0, 0, 0, 0, shanghai)

func pngHeader(w, h int, frames int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		_ = binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		b.Write([]byte{0, 0, 0, 0}) // CRC is not checked by a header reader
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 6
	chunk("IHDR", ihdr)
	if frames > 0 {
		actl := make([]byte, 8)
		binary.BigEndian.PutUint32(actl, uint32(frames))
		chunk("acTL", actl)
	}
	chunk("IDAT", []byte{1, 2, 3})
	return b.Bytes()
}

func jpegHeader(w, h int) []byte {
	b := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	b = append(b, 0xFF, 0xC0, 0, 17, 8, byte(h>>8), byte(h), byte(w>>8), byte(w), 3)
	b = append(b, make([]byte, 9)...)
	return append(b, 0xFF, 0xDA)
}

func bmpHeader(w, h int) []byte {
	b := make([]byte, 54)
	copy(b, "BM")
	binary.LittleEndian.PutUint32(b[14:], 40)
	binary.LittleEndian.PutUint32(b[18:], uint32(int32(w)))
	binary.LittleEndian.PutUint32(b[22:], uint32(int32(-h))) // top-down
	return b
}

func webpVP8X(w, h int, animated bool) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00")
	flags := byte(0)
	if animated {
		flags = 0x02
	}
	b = append(b, flags, 0, 0, 0)
	b = append(b, byte(w-1), byte((w-1)>>8), byte((w-1)>>16), byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	return b
}

func webpVP8(w, h int) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00")
	b = append(b, 0, 0, 0, 0x9D, 0x01, 0x2A, byte(w), byte(w>>8), byte(h), byte(h>>8))
	return b
}

func webpVP8L(w, h int) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2F")
	bits := uint32(w-1) | uint32(h-1)<<14
	return binary.LittleEndian.AppendUint32(append(b, make([]byte, 0)...), bits)
}

// realJPEG encodes an actual w×h JPEG with the standard library.
func realJPEG(w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 50}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func animatedGIF(w, h int) []byte {
	pal := color.Palette{color.Black, color.White}
	g := &gif.GIF{}
	for i := 0; i < 2; i++ {
		g.Image = append(g.Image, image.NewPaletted(image.Rect(0, 0, w, h), pal))
		g.Delay = append(g.Delay, 10)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// img returns an image with the given header and a distinct hash per seed.
func img(seed int, header []byte) review.Image {
	sum := sha256.Sum256(append([]byte(fmt.Sprint(seed)), header...))
	return review.Image{Name: fmt.Sprintf("https://mmecimage.cn/p/%d.jpg", seed), Header: header, SHA256: hex.EncodeToString(sum[:])}
}

func images(n int) []review.Image {
	out := make([]review.Image, n)
	for i := range out {
		out[i] = img(i, pngHeader(800, 800, 0))
	}
	return out
}

func yuan(fen int64) vcart.Fen { return vcart.Fen(fen) }

// cleanApparel is a realistic clean apparel listing.
func cleanApparel() review.Listing {
	return review.Listing{
		Title:    "纯棉短袖T恤男夏季宽松圆领上衣",
		Category: vcart.CategoryApparel,
		Attrs: []review.Attr{
			{Key: "面料成分", Value: "棉100%"},
			{Key: "版型", Value: "宽松"},
			{Key: "适用季节", Value: "夏季"},
		},
		Description: "精选新疆长绒棉面料，100%棉，亲肤透气。第一次洗涤请单独冷水手洗，最近天气炎热建议多备几件。尺码表请参考详情图。",
		MainImages:  images(3),
		SKUs: []review.SKU{
			{OutSKUID: "TS-WHITE-L", SalePrice: yuan(5900), MarketPrice: yuan(9900), Attrs: []review.Attr{{Key: "颜色", Value: "白色"}, {Key: "尺码", Value: "L"}}},
			{OutSKUID: "TS-BLACK-XL", SalePrice: yuan(5900), MarketPrice: yuan(9900), Attrs: []review.Attr{{Key: "颜色", Value: "黑色"}, {Key: "尺码", Value: "XL"}}},
		},
	}
}

// cleanFood is a realistic clean food listing.
func cleanFood() review.Listing {
	return review.Listing{
		Title:       "东北五常大米稻花香2号新米5kg",
		Category:    vcart.CategoryFood,
		Brand:       "禾田农场",
		Attrs:       []review.Attr{{Key: "产地", Value: "黑龙江省五常市"}, {Key: "净含量", Value: "5kg"}, {Key: "储存条件", Value: "阴凉干燥处"}},
		Description: "2025年秋季新米，产地直发。最佳食用期为开袋后30天，开袋后请密封保存。",
		MainImages:  images(4),
		SKUs:        []review.SKU{{OutSKUID: "RICE-5KG", SalePrice: yuan(8990), MarketPrice: yuan(12900)}},
		Documents: []vcart.Document{
			{Kind: vcart.DocFoodLicence, Number: "SC11464010500015", ValidTo: time.Date(2029, 5, 1, 0, 0, 0, 0, shanghai)},
			{Kind: vcart.DocTrademark, Number: "第12345678号", Permanent: true},
		},
		Food: &review.FoodInfo{SCNumber: "SC11464010500015", ShelfLifeDays: 365,
			ProductionDate: time.Date(2025, 11, 1, 0, 0, 0, 0, shanghai), Origin: "黑龙江省五常市"},
	}
}

// cleanElectronics is a realistic clean electronics listing.
func cleanElectronics() review.Listing {
	return review.Listing{
		Title:       "65W氮化镓充电器Type-C快充头",
		Category:    vcart.CategoryElectronics,
		Attrs:       []review.Attr{{Key: "型号", Value: "GN-65C"}, {Key: "输出功率", Value: "65W"}},
		Description: "支持PD3.0快充协议，最大功率65W，兼容多数笔记本与手机。",
		MainImages:  []review.Image{img(1, jpegHeader(1000, 1000)), img(2, webpVP8X(800, 800, false)), img(3, bmpHeader(900, 900))},
		SKUs:        []review.SKU{{OutSKUID: "GN65", SalePrice: yuan(12900), MarketPrice: yuan(19900)}},
		Documents:   []vcart.Document{{Kind: vcart.DocCCC, Number: "2023010907123456", ValidTo: time.Date(2028, 1, 1, 0, 0, 0, 0, shanghai)}},
		Electronics: &review.ElectronicsInfo{CCCNumber: "2023010907123456"},
	}
}

// cleanCosmetics is a realistic clean cosmetics listing.
func cleanCosmetics() review.Listing {
	return review.Listing{
		Title:       "玻尿酸保湿面霜50g补水滋润",
		Category:    vcart.CategoryCosmetics,
		Attrs:       []review.Attr{{Key: "净含量", Value: "50g"}, {Key: "适合肤质", Value: "任何肤质"}},
		Description: "质地轻盈，补水保湿，早晚洁面后取适量涂抹于面部。",
		MainImages:  images(3),
		SKUs:        []review.SKU{{OutSKUID: "CREAM50", SalePrice: yuan(9900), MarketPrice: yuan(15900)}},
		Documents:   []vcart.Document{{Kind: vcart.DocCosmeticsFiling, Number: "沪G妆网备字2019011789", Permanent: true}},
		Cosmetics:   &review.CosmeticsInfo{Number: "沪G妆网备字2019011789"},
	}
}
