package shopapi

import (
	"context"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Links (链接) lead buyers to a product or to the shop from outside the
// Channels app: an H5 short link for web pages and messages, a QR code
// image, a 口令 tag link that WeChat recognises when pasted into a chat,
// and a scheme that a mobile app (bound on the open platform) opens.
// Inside a mini-program the store-product and store-home components do the
// same; see [MiniProgramProductCard].

var (
	epProductH5URL   = ep("/channels/ec/product/h5url/get")
	epProductQRCode  = ep("/channels/ec/product/qrcode/get")
	epProductTagLink = ep("/channels/ec/product/taglink/get")
	epProductScheme  = ep("/channels/ec/product/scheme/get")
	epShopH5URL      = ep("/channels/ec/basics/shop/h5url/get")
	epShopQRCode     = ep("/channels/ec/basics/shop/qrcode/get")
	epShopTagLink    = ep("/channels/ec/basics/shop/taglink/get")
)

// MaxSchemeExpire is the largest expire the scheme endpoint accepts
// (seconds; a uint32, as answered on the developers' forum).
const MaxSchemeExpire = 4294967295

func (s *LinkService) productLink(ctx context.Context, e endpoint, op string, productID ID, out any) (*Response, error) {
	if productID == "" {
		return nil, errorf(op, vcart.NewValidationError([]vcart.FieldError{{Field: "product_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		ProductID ID `json:"product_id"`
	}{productID}
	resp, err := s.client.call(ctx, &request{ep: e, body: body}, out)
	if err != nil {
		return resp, errorf(op, err)
	}
	return resp, nil
}

// ProductH5URL returns the product's H5 short link (获取商品H5短链), e.g.
// https://channels.weixin.qq.com/shop/a/…; an unlisted product answers
// [CodeProductNotListed].
//
// WeChat API: POST /channels/ec/product/h5url/get
func (s *LinkService) ProductH5URL(ctx context.Context, productID ID) (string, *Response, error) {
	var out struct {
		URL string `json:"product_h5url"`
	}
	resp, err := s.productLink(ctx, epProductH5URL, "get product h5url", productID, &out)
	return out.URL, resp, err
}

// ProductQRCode returns the address of the product's QR code image
// (获取商品二维码).
//
// WeChat API: POST /channels/ec/product/qrcode/get
func (s *LinkService) ProductQRCode(ctx context.Context, productID ID) (string, *Response, error) {
	var out struct {
		URL string `json:"product_qrcode"`
	}
	resp, err := s.productLink(ctx, epProductQRCode, "get product qrcode", productID, &out)
	return out.URL, resp, err
}

// ProductTagLink returns the product's 口令 (获取商品口令), text such as
// "#视频号小店://视频号小店/jMv2lqYonCP1qqv" that opens the product when
// pasted into WeChat.
//
// WeChat API: POST /channels/ec/product/taglink/get
func (s *LinkService) ProductTagLink(ctx context.Context, productID ID) (string, *Response, error) {
	var out struct {
		TagLink string `json:"product_taglink"`
	}
	resp, err := s.productLink(ctx, epProductTagLink, "get product taglink", productID, &out)
	return out.TagLink, resp, err
}

// ProductSchemeRequest asks for a scheme that opens the product from a
// mobile app (获取商品的移动应用跳转scheme码).
type ProductSchemeRequest struct {
	ProductID ID `json:"product_id"`
	// FromAppID is the mobile app's appid, bound on the open platform
	// (another appid answers [CodeSchemeAppInvalid]).
	FromAppID string `json:"from_appid"`
	// Expire is the scheme's lifetime in seconds (1..MaxSchemeExpire).
	Expire int64 `json:"expire"`
	// ExtInfo is optional extra information (附加信息).
	ExtInfo string `json:"ext_info,omitempty"`
}

func (r *ProductSchemeRequest) validate() error {
	if r == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	if r.ProductID == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "is required"})
	}
	if r.FromAppID == "" {
		p = append(p, vcart.FieldError{Field: "from_appid", Code: "required", Msg: "is required"})
	}
	if r.Expire < 1 || r.Expire > MaxSchemeExpire {
		p = append(p, vcart.FieldError{Field: "expire", Code: "range", Msg: "must be 1..4294967295 seconds"})
	}
	return vcart.NewValidationError(p)
}

// ProductScheme returns the product's openlink scheme, e.g.
// weixin://dl/business/?st=….
//
// WeChat API: POST /channels/ec/product/scheme/get
func (s *LinkService) ProductScheme(ctx context.Context, req *ProductSchemeRequest) (string, *Response, error) {
	if err := req.validate(); err != nil {
		return "", nil, errorf("get product scheme", err)
	}
	var out struct {
		OpenLink string `json:"openlink"`
	}
	resp, err := s.client.call(ctx, &request{ep: epProductScheme, body: req}, &out)
	if err != nil {
		return "", resp, errorf("get product scheme", err)
	}
	return out.OpenLink, resp, nil
}

// ShopLinkOptions attributes a shop link to a WeCom (企业微信) member, for
// shops that sell through WeCom; both fields are optional.
type ShopLinkOptions struct {
	WecomCorpID string `json:"wecom_corp_id,omitempty"`
	WecomUserID string `json:"wecom_user_id,omitempty"`
}

func (s *LinkService) shopLink(ctx context.Context, e endpoint, op string, opts *ShopLinkOptions, out any) (*Response, error) {
	var o ShopLinkOptions
	if opts != nil {
		o = *opts
	}
	resp, err := s.client.call(ctx, &request{ep: e, body: o}, out)
	if err != nil {
		return resp, errorf(op, err)
	}
	return resp, nil
}

// ShopH5URL returns the shop's H5 link (获取店铺H5链接).
//
// WeChat API: POST /channels/ec/basics/shop/h5url/get
func (s *LinkService) ShopH5URL(ctx context.Context, opts *ShopLinkOptions) (string, *Response, error) {
	var out struct {
		URL string `json:"shop_h5url"`
	}
	resp, err := s.shopLink(ctx, epShopH5URL, "get shop h5url", opts, &out)
	return out.URL, resp, err
}

// ShopQRCode returns the address of the shop's QR code image (获取店铺二维码).
//
// WeChat API: POST /channels/ec/basics/shop/qrcode/get
func (s *LinkService) ShopQRCode(ctx context.Context, opts *ShopLinkOptions) (string, *Response, error) {
	var out struct {
		URL string `json:"shop_qrcode"`
	}
	resp, err := s.shopLink(ctx, epShopQRCode, "get shop qrcode", opts, &out)
	return out.URL, resp, err
}

// ShopTagLink returns the shop's 口令 (获取店铺口令).
//
// WeChat API: POST /channels/ec/basics/shop/taglink/get
func (s *LinkService) ShopTagLink(ctx context.Context, opts *ShopLinkOptions) (string, *Response, error) {
	var out struct {
		TagLink string `json:"shop_taglink"`
	}
	resp, err := s.shopLink(ctx, epShopTagLink, "get shop taglink", opts, &out)
	return out.TagLink, resp, err
}
