package peerbench

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// foldPairs is a copy of review's traditional → simplified pairs (its
// table is unexported): what a user of a peer library would carry.
const foldPairs = "" +
	"頂顶級级國国獨独絕绝對对無无網网銷销價价優优選选極极權权領领導导專专" +
	"療疗癒愈藥药醫医減减純纯質质檢检驗验馳驰標标獎奖賺赚風风險险寶宝進进" +
	"運运開开鎮镇闢辟點点擊击勁劲搶抢瘋疯萬万時时漲涨機机貨货廣广衛卫軍军" +
	"陽阳東东號号臉脸膚肤脫脱髮发殺杀養养氣气護护過过買买賣卖發发費费務务" +
	"熱热門门訂订斷断轉转單单舊旧裝装複复壓压緊紧準准確确認认證证紅红長长" +
	"龍龙億亿興兴將将盡尽滿满顏颜樂乐為为們们這这個个會会來来後后與与產产" +
	"業业實实體体現现從从還还見见讓让說说話话覺觉適适齡龄鮮鲜魚鱼雞鸡麵面" +
	"蟲虫農农藝艺銀银鐵铁錄录電电車车馬马鳥鸟詢询課课學学試试團团環环歷历" +
	"創创範范協协員员處处劑剂隊队彈弹遙遥遠远嚴严變变異异濟济織织綠绿島岛" +
	"傳传統统勝胜奪夺冠冠贏赢輸输聖圣靈灵寧宁壽寿補补腎肾陰阴癥症瘡疮腫肿" +
	"瘤瘤癌癌糖糖壯壮益益智智豐丰減减脂脂溶溶燃燃敏敏淨净潔洁除除斑斑皺皱" +
	"紋纹換换膚肤細细胞胞妝妆曬晒脫脱髮发燙烫痘痘添添轉转基基母母乳乳機机" +
	"綠绿莊庄鄉乡氣气務务險险賠赔贈赠獲获顧顾購购搶抢區区數数據据錯错僅仅" +
	"隨随馬马漲涨倒倒計计時时臨临牌牌權权威威勢势錢钱賞赏饋馈衆众眾众瘋疯" +
	"禮礼節节慶庆福福財财喜喜運运災灾災灾兇凶凶凶邪邪宅宅開开光光測测卜卜" +
	"護护身身穩稳賺赚報报帶带來来運运業业覽览閱阅讀读寫写號号碼码掃扫描描" +
	"維维碼码聯联繫系徑径淘淘寶宝東东拼拼多多抖抖音音仿仿貨货單单複复刻刻" +
	"寨寨舊旧機机破破解解裝装櫃柜款款網网紅红牌牌原原廠厂艦舰裝装銷销熱热" +
	"種种類类規规範范勞劳動动饑饥餓饿飲饮飯饭餅饼糧粮豬猪場场湯汤麗丽韓韩" +
	"圓圆義义隻只鐘钟錶表鏡镜頭头腦脑燈灯線线紀纪錄录權权衝冲擊击戰战爭争" +
	"奮奋鬥斗歲岁夢梦難难雙双驗验擴扩摯挚級级億亿億亿讚赞贊赞"

var foldMap = func() map[rune]rune {
	rs := []rune(foldPairs)
	m := make(map[rune]rune, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()

// fold is the fair anchor of the comparison: the folding a user of a peer
// matcher does before scanning (x/text NFKC, lower case, traditional →
// simplified). It does strictly less than review.Keywords: no separators
// or zero-width characters dropped, and no offsets back into the original.
func fold(text string) []byte {
	s := strings.ToLower(norm.NFKC.String(text))
	return []byte(strings.Map(func(r rune) rune {
		if t, ok := foldMap[r]; ok {
			return t
		}
		return r
	}, s))
}
