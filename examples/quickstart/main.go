// Command quickstart walks the whole vcart-go path against in-memory data and
// the in-memory fake of the shop API: no credentials, no network.
//
//	go run ./examples/quickstart
//
// Each step is one package of the SDK, in the order a service provider meets
// them when it opens and runs a merchant's store.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// step is one section of the walk-through.
type step struct {
	title string
	run   func(io.Writer) error
}

func steps() []step {
	return []step{
		{"1. Store eligibility (vcart, seed §一 账号资质)", eligibilityDemo},
		{"2. Listing pre-review (review, seed §二 商品审核)", reviewDemo},
		{"3. Fees and settlement (fees, seed §三 支付配置)", feesDemo},
		{"4. Onboarding a food merchant: category and brand applications (vcart/shopapi, seed §一 and §二 特殊类目)", onboardingDemo},
		{"4a. Shop API against the in-memory fake (vcart/shopapi, seed §四 技术对接)", shopapiDemo},
		{"4b. An order from payment to settlement (vcart/shopapi, seed §四 订单状态回传)", ordersDemo},
		{"4c. Callbacks and payment notifications (vcart/notify, seed §四 支付回调)", notifyDemo},
		{"4d. Fulfilment: return address, freight template and quote, e-waybill to shipment (vcart/shopapi)", fulfilmentDemo},
		{"4e. After-sales, guarantees and a withdrawal (vcart/shopapi, seed §四 售后)", aftersalesDemo},
		{"4f. Showcase, links and the data compass (vcart/shopapi, seed §四 直播商品卡片 and §五 数据监控)", liveDemo},
		{"4g. A campaign: coupon, fees and member points (vcart/shopapi, seed §七 运营优化)", marketingDemo},
		{"4h. The shop homepage and a talent's commission (vcart/shopapi, seed §七 运营优化)", homepageDemo},
		{"4i. Dropship to a supplier and a head supplier's commission (vcart/shopapi, vcart/notify)", dropshipDemo},
		{"4j. Quota tools and network checks: a failed call diagnosed by rid, the push IPs to whitelist (vcart/shopapi)", toolsDemo},
		{"5. Weekly KPI report (vcart/kpi, seed §五 数据监控 and §七 运营优化)", kpiDemo},
		{"6. Violations and restrictions (penalty, seed §六 平台规则红线)", penaltyDemo},
	}
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, s := range steps() {
		fmt.Fprintf(w, "\n=== %s ===\n\n", s.title)
		if err := s.run(w); err != nil {
			w.Flush()
			fmt.Fprintf(os.Stderr, "quickstart: %s: %v\n", s.title, err)
			os.Exit(1)
		}
	}
}
