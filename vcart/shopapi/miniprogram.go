package shopapi

import (
	"html"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Mini-program side (小程序跳转). A mini-program shows a shop's product with
// the store-product component and the shop's home with the store-home
// component (base library 3.5.5+,
// https://developers.weixin.qq.com/miniprogram/dev/component/store-product.html).
// Neither needs a server call at render time; the backend hands the page
// three values:
//
//   - appid: the appid of the shop the product comes from (小店后台 → 店铺管理
//     → 基础信息 → 微信小店ID); for a product sold on commission, the source
//     shop's appid, not the seller's;
//   - product-id: the product's id in that shop;
//   - product-promotion-link (optional): the commission-tracking link
//     (带货商品跟佣信息) of a product sold through the preferred alliance, as
//     answered by the talent / promoter APIs (product_promotion_link). It
//     must be set when the component first loads.
//
// [MiniProgramProductCard] carries them and renders the WXML; the values
// come from the SDK's calls ([ShowcaseService.Get] gives the appid and
// product id of a showcase product). The H5 link, QR code and 口令 of
// [LinkService] serve the same product outside the mini-program.

// MiniProgramProductCard is what a mini-program page needs to show one
// product with the store-product component.
type MiniProgramProductCard struct {
	// AppID is the source shop's appid (required).
	AppID string `json:"appid"`
	// ProductID is the product's id in that shop (required).
	ProductID ID `json:"product_id"`
	// PromotionLink is the optional product_promotion_link for alliance
	// commission tracking.
	PromotionLink string `json:"product_promotion_link,omitempty"`
}

// Validate reports a missing appid or product id.
func (c MiniProgramProductCard) Validate() error {
	var p []vcart.FieldError
	if c.AppID == "" {
		p = append(p, vcart.FieldError{Field: "appid", Code: "required", Msg: "is required"})
	}
	if c.ProductID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "is required"})
	}
	return vcart.NewValidationError(p)
}

// WXML returns the store-product element with the card's attributes,
// escaped for the markup.
func (c MiniProgramProductCard) WXML() (string, error) {
	if err := c.Validate(); err != nil {
		return "", errorf("store-product", err)
	}
	var b strings.Builder
	b.WriteString(`<store-product appid="`)
	b.WriteString(html.EscapeString(c.AppID))
	b.WriteString(`" product-id="`)
	b.WriteString(html.EscapeString(string(c.ProductID)))
	b.WriteString(`"`)
	if c.PromotionLink != "" {
		b.WriteString(` product-promotion-link="`)
		b.WriteString(html.EscapeString(c.PromotionLink))
		b.WriteString(`"`)
	}
	b.WriteString(` />`)
	return b.String(), nil
}

// MiniProgramHomeWXML returns the store-home element that shows the shop's
// home page (小店主页) of appID inside a mini-program.
func MiniProgramHomeWXML(appID string) (string, error) {
	if appID == "" {
		return "", errorf("store-home", vcart.NewValidationError([]vcart.FieldError{{Field: "appid", Code: "required", Msg: "is required"}}))
	}
	return `<store-home appid="` + html.EscapeString(appID) + `" />`, nil
}
