package review_test

import (
	"testing"
	"time"

	"github.com/vcart-sdk/vcart-go/review"
	"github.com/vcart-sdk/vcart-go/vcart"
)

func specialCases() []ruleCase {
	return []ruleCase{
		{name: "food sc missing", listing: with(cleanFood, func(l *review.Listing) {
			l.Food.SCNumber = ""
			l.Documents[0].Number = ""
		}), want: []string{
			"block special.food.sc_missing food.sc_number",
			"warn basic.document.no_number documents[0]",
		}, verdict: review.VerdictRejected},
		{name: "food qs only", listing: with(cleanFood, func(l *review.Listing) {
			l.Food.SCNumber = ""
			l.Food.QSNumber = "QS1101 0601 0001"
			l.Documents[0].Number = ""
		}), want: []string{
			"block special.food.qs_only food.qs_number",
			"warn basic.document.no_number documents[0]",
		}, verdict: review.VerdictRejected},
		{name: "food sc bad format", listing: with(cleanFood, func(l *review.Listing) {
			l.Food.SCNumber = "SC1946401050001"
			l.Documents[0].Number = "SC1946401050001"
		}), want: []string{
			"block special.food.sc_format food.sc_number",
		}, verdict: review.VerdictRejected},
		{name: "food sc bad check digit", listing: with(cleanFood, func(l *review.Listing) {
			l.Food.SCNumber = "SC11464010500016"
			l.Documents[0].Number = "SC11464010500016"
		}), want: []string{
			"warn special.food.sc_checksum food.sc_number",
		}, verdict: review.VerdictNeedsAttention},
		{name: "food health food without SC127", listing: with(cleanFood, func(l *review.Listing) {
			l.Title = "蓝帽保健食品维生素C咀嚼片"
			l.Attrs = nil
			l.Description = "每日一片。"
		}), want: []string{
			"warn content.adlaw.warn title[6:12] 保健",
			"warn special.food.sc_category food.sc_number",
		}, verdict: review.VerdictNeedsAttention},
		{name: "electronics without model", listing: with(cleanElectronics, func(l *review.Listing) {
			l.Attrs = l.Attrs[1:]
		}), want: []string{
			"warn special.electronics.no_model attrs",
		}, verdict: review.VerdictNeedsAttention},
		{name: "food sc differs from document", listing: with(cleanFood, func(l *review.Listing) {
			l.Documents[0].Number = "SC11464010500023"
		}), want: []string{
			"warn special.food.sc_document_mismatch food.sc_number",
		}, verdict: review.VerdictNeedsAttention},
		{name: "food shelf life missing", listing: with(cleanFood, func(l *review.Listing) { l.Food.ShelfLifeDays = 0 }), want: []string{
			"block special.food.shelf_life_missing food.shelf_life_days",
		}, verdict: review.VerdictRejected},
		{name: "food production date missing", listing: with(cleanFood, func(l *review.Listing) { l.Food.ProductionDate = time.Time{} }), want: []string{
			"warn special.food.production_date_missing food.production_date",
		}, verdict: review.VerdictNeedsAttention},
		{name: "food production date in future", listing: with(cleanFood, func(l *review.Listing) {
			l.Food.ProductionDate = time.Date(2026, 4, 1, 0, 0, 0, 0, shanghai)
		}), want: []string{
			"block special.food.production_date_future food.production_date",
		}, verdict: review.VerdictRejected},
		{name: "food expired", listing: with(cleanFood, func(l *review.Listing) { l.Food.ShelfLifeDays = 90 }), want: []string{
			"block special.food.expired food.production_date",
		}, verdict: review.VerdictRejected},
		{name: "food near expiry", listing: with(cleanFood, func(l *review.Listing) { l.Food.ShelfLifeDays = 150 }), want: []string{
			"warn special.food.near_expiry food.production_date",
		}, verdict: review.VerdictNeedsAttention},
		{name: "food false origin", listing: with(cleanFood, func(l *review.Listing) { l.Food.Origin = "江苏省宿迁市" }), want: []string{
			"block special.food.origin_mismatch title[6:18] 五常大米",
		}, verdict: review.VerdictRejected},
		{name: "food origin not declared", listing: with(cleanFood, func(l *review.Listing) { l.Food.Origin = "" }), want: []string{
			"warn special.food.origin_unproven desc[22:34] 产地直发",
			"warn special.food.origin_unproven title[6:18] 五常大米",
		}, verdict: review.VerdictNeedsAttention},
		{name: "food info absent", listing: with(cleanFood, func(l *review.Listing) { l.Food = nil }), want: []string{
			"block special.food.shelf_life_missing food.shelf_life_days",
			"warn special.food.origin_unproven desc[22:34] 产地直发",
			"warn special.food.origin_unproven title[6:18] 五常大米",
		}, verdict: review.VerdictRejected},
		{name: "cosmetics number missing", listing: with(cleanCosmetics, func(l *review.Listing) {
			l.Cosmetics = nil
			l.Documents[0].Number = ""
		}), want: []string{
			"block special.cosmetics.number_missing cosmetics.number",
			"warn basic.document.no_number documents[0]",
		}, verdict: review.VerdictRejected},
		{name: "cosmetics production licence given", listing: with(cleanCosmetics, func(l *review.Listing) { l.Cosmetics.Number = "粤妆20170110" }), want: []string{
			"block special.cosmetics.production_licence cosmetics.number",
		}, verdict: review.VerdictRejected},
		{name: "cosmetics bad number", listing: with(cleanCosmetics, func(l *review.Listing) { l.Cosmetics.Number = "妆字123" }), want: []string{
			"block special.cosmetics.number_format cosmetics.number",
		}, verdict: review.VerdictRejected},
		{name: "cosmetics special claim on general filing", listing: with(cleanCosmetics, func(l *review.Listing) {
			l.Title = "美白防晒面霜SPF50 PA+++"
		}), want: []string{
			"block special.cosmetics.special_use_claim title[0:6] 美白",
			"block special.cosmetics.special_use_claim title[6:12] 防晒",
			"block special.cosmetics.special_use_claim title[18:21] SPF",
			"block special.cosmetics.special_use_claim title[24:27] PA+",
		}, verdict: review.VerdictRejected},
		{name: "cosmetics special claim with registration", listing: with(cleanCosmetics, func(l *review.Listing) {
			l.Title = "美白防晒面霜SPF50 PA+++"
			l.Cosmetics.Number = "国妆特字202410635"
		}), want: nil, verdict: review.VerdictClean},
		{name: "electronics ccc missing on catalogue product", listing: with(cleanElectronics, func(l *review.Listing) {
			l.Electronics.CCCNumber = ""
			l.Documents = nil
		}), want: []string{
			"block basic.document.missing documents",
			"block special.electronics.ccc_missing electronics.ccc_number",
		}, verdict: review.VerdictRejected},
		{name: "electronics ccc missing on other product", listing: with(cleanElectronics, func(l *review.Listing) {
			l.Title = "蓝牙无线耳机入耳式降噪"
			l.Electronics.CCCNumber = ""
			l.Documents = []vcart.Document{{Kind: vcart.DocCCC, Number: "", Permanent: true}}
		}), want: []string{
			"warn basic.document.no_number documents[0]",
			"warn special.electronics.ccc_missing electronics.ccc_number",
		}, verdict: review.VerdictNeedsAttention},
		{name: "electronics ccc bad format", listing: with(cleanElectronics, func(l *review.Listing) { l.Electronics.CCCNumber = "1999010907123456" }), want: []string{
			"block special.electronics.ccc_format electronics.ccc_number",
		}, verdict: review.VerdictRejected},
		{name: "electronics ccc legacy", listing: with(cleanElectronics, func(l *review.Listing) { l.Electronics.CCCNumber = "A12345678901" }), want: []string{
			"warn special.electronics.ccc_legacy electronics.ccc_number",
		}, verdict: review.VerdictNeedsAttention},
		{name: "electronics used as new", listing: with(cleanElectronics, func(l *review.Listing) {
			l.Description = "全新未拆封，99新成色，官换机。"
		}), want: []string{
			"block special.condition.used_as_new desc[18:23] 99新",
			"block special.condition.used_as_new desc[23:29] 成色",
			"block special.condition.used_as_new desc[32:38] 官换",
		}, verdict: review.VerdictRejected},
		{name: "electronics declared used but claims new", listing: with(cleanElectronics, func(l *review.Listing) {
			l.Electronics.Condition = review.ConditionUsed
			l.Description = "二手充电器，全新品质。"
		}), want: []string{
			"block special.condition.used_as_new desc[0:6] 二手",
			"block special.condition.used_as_new desc[18:24] 全新",
		}, verdict: review.VerdictRejected},
		{name: "electronics modified", listing: with(cleanElectronics, func(l *review.Listing) {
			l.Description = "改装机，已刷机扩容。"
		}), want: []string{
			"block special.condition.modified desc[0:9] 改装机",
			"block special.condition.modified desc[15:21] 刷机",
			"block special.condition.modified desc[21:27] 扩容",
		}, verdict: review.VerdictRejected},
	}
}

func TestSpecialRules(t *testing.T) {
	t.Parallel()
	runCases(t, mustNew(t), specialCases())
}
