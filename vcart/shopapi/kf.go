package shopapi

import (
	"bytes"
	"context"
	"mime/multipart"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Customer service (客服, 自研客服 API): a shop that runs its own
// customer-service system uploads media and sends messages to a buyer who
// wrote to the shop. The platform lets the shop answer within 48 hours of
// the buyer's last message, at most 5 messages (the page's 注意事项); the
// buyer's messages arrive as commkf_send_msg_to_kf pushes.

var (
	epKFUpload  = ep("/channels/ec/commkf/cosupload")
	epKFSendMsg = ep("/channels/ec/commkf/sendmsg")
)

// KFMediaType is the type of an uploaded customer-service file (msg_type).
type KFMediaType string

// Media types of cosupload.
const (
	KFImage KFMediaType = "image"
	KFVideo KFMediaType = "video"
	KFFile  KFMediaType = "file"
)

// MaxKFMediaBytes caps an uploaded file (30 MB for images, videos and
// files; the platform keeps them 14 days).
const MaxKFMediaBytes = 30 << 20

// Upload uploads a file for a conversation with the buyer openID
// (上传多媒体资源) and returns its cos_url, which [KFService.Send] takes.
//
// WeChat API: POST /channels/ec/commkf/cosupload
func (s *KFService) Upload(ctx context.Context, openID string, t KFMediaType, filename string, data []byte) (cosURL string, resp *Response, err error) {
	var p []vcart.FieldError
	if openID == "" {
		p = append(p, vcart.FieldError{Field: "open_id", Code: "required", Msg: "is required"})
	}
	switch t {
	case KFImage, KFVideo, KFFile:
	default:
		p = append(p, vcart.FieldError{Field: "msg_type", Code: "enum", Msg: "must be image, video or file"})
	}
	if len(data) == 0 || len(data) > MaxKFMediaBytes {
		p = append(p, vcart.FieldError{Field: "file", Code: "size", Msg: "must be 1 byte..30 MB"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return "", nil, errorf("upload kf media", err)
	}
	if filename == "" {
		filename = "media"
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("open_id", openID)
	_ = w.WriteField("msg_type", string(t))
	fw, err := w.CreateFormFile("file", filename)
	if err == nil {
		_, err = fw.Write(data)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return "", nil, errorf("upload kf media", err)
	}
	var out struct {
		CosURL string `json:"cos_url"`
	}
	resp, err = s.client.call(ctx, &request{ep: epKFUpload, rawBody: buf.Bytes(), contentType: w.FormDataContentType()}, &out)
	if err != nil {
		return "", resp, errorf("upload kf media", err)
	}
	return out.CosURL, resp, nil
}

// KFMessageType is a message's type (msg_type).
type KFMessageType string

// Message types, each with its body: a text message carries Text, an
// image one Image and a file one File (a cos_url uploaded for the buyer
// with [KFService.Upload]), an order card (订单卡片) OrderShare (an order of
// the shop, the send_order_share_msg_api page), a product card (商品卡片)
// ProductShare (a product of the shop). The send page lists the file and
// product_share bodies but their field tables could not be read: their
// fields (file.cos_url, product_share.product_id) are those of the most
// complete peer SDK's request sample. The page lists video too, whose body
// no source shows, so the client does not send it.
const (
	KFText         KFMessageType = "text"
	KFImageText    KFMessageType = "image"
	KFFileMessage  KFMessageType = "file"
	KFOrderShare   KFMessageType = "order_share"
	KFProductShare KFMessageType = "product_share"
)

// KFMessage is a message to a buyer (发送消息).
type KFMessage struct {
	// RequestID, when set, makes the platform send the message once per
	// id (唯一任务ID, 去重): a retry with the same id is harmless.
	RequestID string `json:"request_id,omitempty"`
	// OpenID is the buyer's open_id (required).
	OpenID  string        `json:"open_id"`
	MsgType KFMessageType `json:"msg_type"`
	// Text is required for a text message, Image for an image one, File
	// for a file one, OrderShare for an order card, ProductShare for a
	// product card; the others stay nil.
	Text         *KFTextBody         `json:"text,omitempty"`
	Image        *KFMediaBody        `json:"image,omitempty"`
	File         *KFMediaBody        `json:"file,omitempty"`
	OrderShare   *KFOrderShareBody   `json:"order_share,omitempty"`
	ProductShare *KFProductShareBody `json:"product_share,omitempty"`
}

// KFTextBody is a text message's content.
type KFTextBody struct {
	Content string `json:"content"`
}

// KFMediaBody names an uploaded file by its cos_url ([KFService.Upload]).
type KFMediaBody struct {
	CosURL string `json:"cos_url"`
}

// KFOrderShareBody is an order card's content: an order of the shop
// (当前店铺的订单Id), which the buyer sees as a card.
type KFOrderShareBody struct {
	OrderID ID `json:"order_id"`
}

// KFProductShareBody is a product card's content: a product of the shop,
// which the buyer sees as a card.
type KFProductShareBody struct {
	ProductID ID `json:"product_id"`
}

func (m *KFMessage) validate() []vcart.FieldError {
	var p []vcart.FieldError
	if m.OpenID == "" {
		p = append(p, vcart.FieldError{Field: "open_id", Code: "required", Msg: "is required"})
	}
	var set bool // the required field of the type's body
	var field, what string
	switch m.MsgType {
	case KFText:
		set, field, what = m.Text != nil && m.Text.Content != "", "text.content", "a text message"
	case KFImageText:
		set, field, what = m.Image != nil && m.Image.CosURL != "", "image.cos_url", "an image message"
	case KFFileMessage:
		set, field, what = m.File != nil && m.File.CosURL != "", "file.cos_url", "a file message"
	case KFOrderShare:
		set, field, what = m.OrderShare != nil && m.OrderShare.OrderID != "", "order_share.order_id", "an order card"
	case KFProductShare:
		set, field, what = m.ProductShare != nil && m.ProductShare.ProductID != "", "product_share.product_id", "a product card"
	default:
		return append(p, vcart.FieldError{Field: "msg_type", Code: "enum", Msg: "must be text, image, file, order_share or product_share"})
	}
	if !set {
		p = append(p, vcart.FieldError{Field: field, Code: "required", Msg: "is required for " + what})
	}
	return p
}

// Send sends a message to a buyer and returns its msg_id (发送消息). It is
// retried after an ambiguous failure only when RequestID is set (the
// platform then sends it once).
//
// WeChat API: POST /channels/ec/commkf/sendmsg
func (s *KFService) Send(ctx context.Context, m KFMessage) (msgID string, resp *Response, err error) {
	if err := vcart.NewValidationError(m.validate()); err != nil {
		return "", nil, errorf("send kf message", err)
	}
	var out struct {
		MsgID string `json:"msg_id"`
	}
	resp, err = s.client.call(ctx, &request{ep: epKFSendMsg, body: m, idempotent: m.RequestID != ""}, &out)
	if err != nil {
		return "", resp, errorf("send kf message", err)
	}
	return out.MsgID, resp, nil
}
