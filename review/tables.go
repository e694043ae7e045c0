package review

import "github.com/vcart-sdk/vcart-go/vcart"

// The internal vocabularies the rules use beside the word list. They are
// heuristics; a caller who needs other ones replaces the rule.

// diversionTrigger is a contact-channel word after which an account id or a
// number is diversion (导流).
type diversionTrigger struct {
	word    string
	channel string // "wechat", "qq", "phone", "qr"
}

var diversionTriggers = []diversionTrigger{
	{"微信", "wechat"}, {"vx", "wechat"}, {"wx", "wechat"}, {"v信", "wechat"}, {"薇信", "wechat"},
	{"威信", "wechat"}, {"徽信", "wechat"}, {"维信", "wechat"}, {"加v", "wechat"}, {"weixin", "wechat"},
	{"wechat", "wechat"}, {"qq", "qq"}, {"扣扣", "qq"}, {"企鹅号", "qq"},
	{"电话", "phone"}, {"手机", "phone"}, {"热线", "phone"}, {"tel", "phone"}, {"联系方式", "phone"},
	{"扫码", "qr"}, {"扫一扫", "qr"}, {"二维码", "qr"}, {"识别二维码", "qr"}, {"长按识别", "qr"},
}

func diversionTriggerWords() []string {
	out := make([]string, len(diversionTriggers))
	for i, d := range diversionTriggers {
		out[i] = d.word
	}
	return out
}

type categoryHint struct {
	word string
	cat  vcart.Category
}

// categoryHints are words that identify a seed category in a title.
var categoryHints = func() []categoryHint {
	var out []categoryHint
	add := func(c vcart.Category, words ...string) {
		for _, w := range words {
			out = append(out, categoryHint{w, c})
		}
	}
	add(vcart.CategoryApparel, "t恤", "衬衫", "卫衣", "外套", "羽绒服", "毛衣", "针织衫", "连衣裙", "半身裙", "牛仔裤",
		"休闲裤", "西装", "夹克", "风衣", "大衣", "打底衫", "睡衣", "内衣", "袜子", "裤子", "短裤", "旗袍", "马甲", "polo衫")
	add(vcart.CategoryFood, "零食", "大米", "茶叶", "绿茶", "红茶", "白酒", "红酒", "啤酒", "饼干", "坚果", "牛奶", "奶粉",
		"蜂蜜", "月饼", "粽子", "面条", "挂面", "食用油", "调味", "辣酱", "牛肉干", "巧克力", "糖果", "咖啡", "水果", "橙子", "苹果", "大闸蟹", "腊肉", "香肠")
	add(vcart.CategoryElectronics, "手机", "充电器", "充电宝", "移动电源", "数据线", "耳机", "蓝牙", "音箱", "笔记本电脑", "平板电脑",
		"显示器", "键盘", "鼠标", "路由器", "电源适配器", "智能手表", "相机", "投影仪", "电吹风", "剃须刀")
	add(vcart.CategoryCosmetics, "面霜", "精华液", "精华", "口红", "唇膏", "粉底", "防晒霜", "面膜", "洗面奶", "爽肤水", "乳液",
		"眼霜", "卸妆", "眉笔", "睫毛膏", "香水", "染发膏", "洗发水", "身体乳")
	add(vcart.CategoryJewellery, "项链", "戒指", "手镯", "手链", "耳环", "耳钉", "吊坠", "黄金", "钻石", "翡翠", "和田玉", "珍珠", "铂金", "k金")
	return out
}()

// fibres are material claims whose composition must be labelled (水洗标).
var fibres = []string{"纯棉", "全棉", "羊绒", "羊毛", "桑蚕丝", "真丝", "亚麻", "真皮", "羊皮", "牛皮", "貂皮", "羽绒", "莫代尔", "天丝"}

// specialUseClaims need a special-use registration (国妆特字) on cosmetics.
var specialUseClaims = []string{"美白", "祛斑", "淡斑", "防晒", "防脱", "生发", "染发", "烫发", "祛痘", "spf", "pa+"}

var usedWords = []string{"二手", "翻新", "翻新机", "拆机", "官换", "展示机", "样机", "99新", "95新", "9成新", "九成新", "成色", "原装拆"}

var modifiedWords = []string{"改装", "改装机", "扩容", "刷机", "破解", "魔改", "改版机", "组装机", "非原厂屏"}

var newClaims = []string{"全新", "未拆封", "原封", "正品全新", "全新未激活"}

type originClaim struct {
	claim  string // wording in the listing
	region string // what the declared origin must contain
}

// originClaims are protected or famous geographic origins (地理标志) that
// listings claim falsely (虚假产地).
var originClaims = []originClaim{
	{"五常大米", "五常"}, {"五常稻花香", "五常"}, {"阳澄湖大闸蟹", "阳澄湖"}, {"西湖龙井", "杭州"}, {"赣南脐橙", "赣州"},
	{"库尔勒香梨", "库尔勒"}, {"烟台苹果", "烟台"}, {"阿克苏苹果", "阿克苏"}, {"宁夏枸杞", "宁夏"}, {"武夷岩茶", "武夷山"},
	{"安溪铁观音", "安溪"}, {"金华火腿", "金华"}, {"盱眙龙虾", "盱眙"}, {"赣南", "赣州"}, {"新疆哈密瓜", "新疆"},
	{"东北大米", ""}, {"原产地直发", ""}, {"产地直发", ""}, {"地理标志", ""}, {"原产地", ""},
}

var celebrityWords = []string{"明星同款", "明星款", "明星代言", "明星推荐", "同款明星"}

// cccProducts are products in the CCC catalogue (chargers, power banks,
// audio/video and IT equipment, small appliances) that need a 3C
// certificate.
var cccProducts = []string{"充电器", "充电宝", "移动电源", "电源适配器", "适配器", "电脑", "显示器", "音箱", "电视", "机顶盒",
	"插座", "插排", "电吹风", "吹风机", "电熨斗", "电热水壶", "电饭煲", "路由器", "打印机", "数据线", "电动车", "头盔", "儿童座椅", "玩具"}
