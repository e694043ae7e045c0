package review_test

import (
	"strings"
	"testing"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func contentCases() []ruleCase {
	return []ruleCase{
		{name: "title too short and only alnum", listing: with(cleanApparel, func(l *review.Listing) { l.Title = "iPhone 13" }), want: []string{
			"block content.title.only_alnum title",
		}, verdict: review.VerdictRejected},
		{name: "title bad char and too long", listing: with(cleanApparel, func(l *review.Listing) {
			l.Title = "正宗五指毛桃根√" + strings.Repeat("纯棉短袖", 14)
		}), want: []string{
			"block content.title.too_long title",
			"block content.title.bad_char title[21:24] √",
		}, verdict: review.VerdictRejected},
		{name: "title empty", listing: with(cleanApparel, func(l *review.Listing) { l.Title = "  " }), want: []string{
			"block content.title.empty title",
		}, verdict: review.VerdictRejected},
		{name: "field limits", listing: with(cleanApparel, func(l *review.Listing) {
			l.ShortTitle = strings.Repeat("短", 21)
			l.Attrs = append(l.Attrs, review.Attr{Key: "说明", Value: strings.Repeat("长", 41)})
			l.Description = strings.Repeat("描述", 1001)
			l.DetailImages = make([]review.Image, 51)
			l.OutProductID = strings.Repeat("x", 129)
			l.Aftersale = strings.Repeat("售", 201)
			l.SKUs[0].SKUCode = strings.Repeat("C", 21)
			l.SKUs[1].Stock = -1
		}), want: []string{
			"block content.field.too_long aftersale_desc",
			"block content.field.too_long attrs[3].value",
			"block content.field.too_long desc",
			"block content.field.too_many detail_images",
			"block content.field.too_long out_product_id",
			"block content.field.too_long short_title",
			"block content.field.too_long skus[0].sku_code",
			"block content.field.out_of_range skus[1].stock_num",
		}, verdict: review.VerdictRejected},
		{name: "invalid utf-8", listing: with(cleanApparel, func(l *review.Listing) { l.Description = "舒适\xff透气" }), want: []string{
			"block content.text.invalid_utf8 desc[6:7] ",
		}, verdict: review.VerdictRejected},
		{name: "ten megabyte description", listing: with(cleanApparel, func(l *review.Listing) {
			l.Description = strings.Repeat("舒适透气的纯棉面料。", 10<<20/30) + "全网第一"
		}), want: []string{
			"block content.field.too_long desc",
			"warn content.text.too_many_hits desc",
			"warn content.text.not_scanned desc",
		}, verdict: review.VerdictRejected},
		{name: "images: count, duplicate, small, animated, formats", listing: with(cleanApparel, func(l *review.Listing) {
			dup := l.MainImages[0]
			l.MainImages = []review.Image{
				l.MainImages[0], dup,
				img(10, pngHeader(640, 640, 0)),
				img(11, pngHeader(800, 800, 3)),
				img(12, animatedGIF(800, 800)),
				img(13, webpVP8X(1200, 1200, true)),
				img(14, []byte("not an image at all")),
				img(15, pngHeader(1600, 800, 0)),
				img(16, nil),
				img(17, jpegHeader(800, 800)),
			}
		}), want: []string{
			"block content.image.count main_images",
			"block content.image.duplicate main_images[1]",
			"block content.image.too_small main_images[2]",
			"block content.image.animated main_images[3]",
			"block content.image.format main_images[4]",
			"block content.image.animated main_images[4]",
			"block content.image.animated main_images[5]",
			"block content.image.unreadable main_images[6]",
			"warn content.image.not_square main_images[7]",
			"info content.image.not_checked main_images[8]",
		}, verdict: review.VerdictRejected},
		{name: "food needs four images", listing: with(cleanFood, func(l *review.Listing) { l.MainImages = l.MainImages[:3] }), want: []string{
			"block content.image.count main_images",
		}, verdict: review.VerdictRejected},
		{name: "real encoded jpeg and webp variants", listing: with(cleanApparel, func(l *review.Listing) {
			l.MainImages = []review.Image{img(20, realJPEG(800, 800)), img(21, webpVP8(800, 800)), img(22, webpVP8L(800, 800))}
		}), want: nil, verdict: review.VerdictClean},
		{name: "advertising words", listing: with(cleanApparel, func(l *review.Listing) {
			l.Title = "全网第一 最好的纯棉T恤 ＮＯ．１ 頂級面料"
			l.Description = "国家级品质，最 佳选择，秒杀全网，穿上立刻带来好运气！限时特价。"
		}), want: []string{
			"block content.adlaw.block desc[0:9] 国家级",
			"block content.adlaw.block desc[18:25] 最 佳",
			"block content.adlaw.block desc[34:46] 秒杀全网",
			"block content.adlaw.block desc[61:76] 带来好运气",
			"block content.adlaw.block title[0:12] 全网第一",
			"block content.adlaw.block title[13:19] 最好",
			"block content.adlaw.block title[33:45] ＮＯ．１",
			"block content.adlaw.block title[46:52] 頂級",
			"warn content.adlaw.warn desc[79:85] 限时",
		}, verdict: review.VerdictRejected},
		{name: "evasion by zero width and symbols", listing: with(cleanApparel, func(l *review.Listing) {
			l.Description = "最\u200b好的T恤，顶*级做工，Top1爆款"
		}), want: []string{
			"block content.adlaw.block desc[0:9] 最\u200b好",
			"block content.adlaw.block desc[19:26] 顶*级",
			"block content.adlaw.block desc[35:39] Top1",
		}, verdict: review.VerdictRejected},
		{name: "diversion and private data", listing: with(cleanApparel, func(l *review.Listing) {
			l.Description = "售后加微信：shop_abc123 或致电138-1234-5678，QQ 12345678，扫码领券。退款请转账到6228480402564890018，身份证11010519491231002X。"
		}), want: []string{
			"block content.diversion.wechat_id desc[9:29] 微信：shop_abc123",
			"block content.diversion.phone desc[39:52] 138-1234-5678",
			"block content.diversion.qq desc[55:66] QQ 12345678",
			"block content.privacy.bank_card desc[102:121] [redacted]",
			"block content.privacy.id_number desc[133:151] [redacted]",
			"warn content.adlaw.warn desc[6:15] 加微信",
			"warn content.diversion.qr_lure desc[69:75] 扫码",
		}, verdict: review.VerdictRejected},
		{name: "landline and hotline", listing: with(cleanApparel, func(l *review.Listing) {
			l.Description = "门店电话 021-12345678，客服4008123123。"
		}), want: []string{
			"warn content.diversion.phone desc[13:25] 021-12345678",
			"warn content.diversion.phone desc[34:44] 4008123123",
		}, verdict: review.VerdictNeedsAttention},
		{name: "celebrity wording", listing: with(cleanApparel, func(l *review.Listing) {
			l.Title = "明星同款纯棉短袖T恤男夏季"
		}), want: []string{
			"block content.celebrity title[0:12] 明星同款",
		}, verdict: review.VerdictRejected},
		{name: "material mismatch", listing: with(cleanApparel, func(l *review.Listing) {
			l.Title = "纯棉羊绒混纺短袖T恤男夏季"
			l.Attrs[0].Value = "棉60% 聚酯纤维40%"
		}), want: []string{
			"block content.material.mismatch title[0:6] 纯棉",
			"block content.material.mismatch title[6:12] 羊绒",
		}, verdict: review.VerdictRejected},
		{name: "material claimed twice in a long description: the first claim", listing: with(cleanApparel, func(l *review.Listing) {
			// Long enough (≥ 256 bytes) for the matcher's interleaved
			// streams: the second 羊绒 opens the second stream, so the
			// matcher finds it before the first.
			pad := strings.Repeat("做工精细", 10) // 120 bytes
			l.Description = pad + "羊绒" + strings.Repeat("做工", 3) + "羊绒" + pad + pad + pad
		}), want: []string{
			"block content.material.mismatch desc[120:126] 羊绒",
		}, verdict: review.VerdictRejected},
		{name: "material without composition", listing: with(cleanApparel, func(l *review.Listing) {
			l.Attrs = l.Attrs[1:]
		}), want: []string{
			"warn content.material.no_composition title[0:6] 纯棉",
		}, verdict: review.VerdictNeedsAttention},
	}
}

func TestContentRules(t *testing.T) {
	t.Parallel()
	runCases(t, mustNew(t), contentCases())
}

// allowCases holds one clean and, where it makes sense, one dirty listing
// per allow-list entry.
func allowCases() []ruleCase {
	desc := func(d string) func() review.Listing {
		return with(cleanApparel, func(l *review.Listing) { l.Description = d })
	}
	food := func(d string) func() review.Listing {
		return with(cleanFood, func(l *review.Listing) { l.Description = d })
	}
	return []ruleCase{
		{name: "allow.zui_adverb clean", listing: desc("最近上新，最终解释权归本店所有，最少起订2件，活动最后一天。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.zui_adverb dirty", listing: desc("本店最大的优势。"), want: []string{
			"warn content.adlaw.warn desc[6:12] 最大",
		}, verdict: review.VerdictNeedsAttention},
		{name: "allow.spec_value clean", listing: with(cleanElectronics, func(l *review.Listing) { l.Description = "最大功率：65W，最高温度 45℃。" }), want: nil, verdict: review.VerdictClean},
		{name: "allow.consumer_tip clean", listing: food("最佳食用期为开袋后30天，最佳保存温度为4℃。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.consumer_tip dirty", listing: food("最佳口感，最佳选择。"), want: []string{
			"block content.adlaw.block desc[0:6] 最佳",
			"block content.adlaw.block desc[15:21] 最佳",
		}, verdict: review.VerdictRejected},
		{name: "allow.ordinal clean", listing: desc("第一次洗涤请手洗，第一步先浸泡。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.ordinal dirty", listing: desc("销量第一的T恤。"), want: []string{
			"block content.adlaw.block desc[0:12] 销量第一",
		}, verdict: review.VerdictRejected},
		{name: "allow.unique_code clean", listing: desc("每件附唯一编号，扫描唯一识别码验真。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.unique_code dirty", listing: desc("唯一的选择。"), want: []string{
			"block content.adlaw.block desc[0:6] 唯一",
		}, verdict: review.VerdictRejected},
		{name: "allow.fibre_content clean", listing: desc("面料100%棉，里料聚酯纤维100%。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.fibre_content dirty", listing: desc("100%满意，100%有效。"), want: []string{
			"block content.adlaw.block desc[13:23] 100%有效",
			"warn content.adlaw.warn desc[0:4] 100%",
		}, verdict: review.VerdictRejected},
		{name: "allow.math clean", listing: desc("误差绝对值小于1厘米。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.math dirty", listing: desc("绝对舒适。"), want: []string{
			"block content.adlaw.block desc[0:6] 绝对",
		}, verdict: review.VerdictRejected},
		{name: "allow.healing_style clean", listing: desc("治愈系卡通印花。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.visual_effect clean", listing: desc("适合拍摄特效妆造型。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.fit clean", listing: desc("瘦身款设计，显瘦百搭。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.fit other category dirty", listing: food("瘦身款零食。"), want: []string{
			"warn content.adlaw.warn desc[0:6] 瘦身",
		}, verdict: review.VerdictNeedsAttention},
		{name: "allow.lucky_cat clean", listing: desc("胸前招财猫印花。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.channel clean", listing: desc("电商专供款。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.channel dirty", listing: desc("政府机关专供。"), want: []string{
			"warn content.adlaw.warn desc[12:18] 专供",
		}, verdict: review.VerdictNeedsAttention},
		{name: "allow.exclusive_licence with document", listing: with(cleanApparel, func(l *review.Listing) {
			l.Description = "品牌独家授权销售。"
			l.Documents = []vcart.Document{{Kind: vcart.DocBrandAuthorisation, Number: "SQ2026-001", Permanent: true}}
		}), want: nil, verdict: review.VerdictClean},
		{name: "allow.exclusive_licence without document", listing: desc("品牌独家授权销售。"), want: []string{
			"warn content.adlaw.warn desc[6:12] 独家",
		}, verdict: review.VerdictNeedsAttention},
		{name: "allow.member_tier clean", listing: desc("金牌客服在线。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.patent_number clean", listing: desc("印花工艺已获专利 ZL202310123456.7。"), want: nil, verdict: review.VerdictClean},
		{name: "allow.patent_number dirty", listing: desc("专利工艺。"), want: []string{
			"warn content.adlaw.warn desc[0:6] 专利",
		}, verdict: review.VerdictNeedsAttention},
		{name: "allow.heritage downgrades", listing: desc("采用国家级非物质文化遗产扎染工艺。"), want: []string{
			"warn content.adlaw.warn desc[6:15] 国家级",
		}, verdict: review.VerdictNeedsAttention},
		{name: "allow.organic_cert clean", listing: food("已获有机认证。"), want: nil, verdict: review.VerdictClean},
		{name: "traditional forms", listing: desc("頂級品質，國家級工藝，獨家配方。"), want: []string{
			"block content.adlaw.block desc[0:6] 頂級",
			"block content.adlaw.block desc[15:24] 國家級",
			"block content.adlaw.block desc[33:45] 獨家配方",
		}, verdict: review.VerdictRejected},
	}
}

func TestAllowList(t *testing.T) {
	t.Parallel()
	runCases(t, mustNew(t), allowCases())
}

// TestAdversarialInput checks that hostile input costs bounded findings.
func TestAdversarialInput(t *testing.T) {
	t.Parallel()
	r := mustNew(t)
	l := cleanApparel()
	l.Title = strings.Repeat("√", 10<<20/3)
	l.Description = strings.Repeat("最好第一最佳食用期", 64<<10/27)
	l.Attrs = nil
	for i := 0; i < 2000; i++ {
		l.Attrs = append(l.Attrs, review.Attr{Key: "卖点", Value: "全网第一"})
	}
	res := r.Review(l, at)
	if n := len(res.Findings); n > 8000 {
		t.Errorf("%d findings, want a bounded number", n)
	}
	counts := map[string]int{}
	for _, f := range res.Findings {
		counts[f.Code]++
	}
	if counts["content.title.bad_char"] != 10 || counts["content.text.too_many_hits"] != 1 || counts["content.adlaw.block"] < 2000 {
		t.Errorf("codes %v", counts)
	}
}
