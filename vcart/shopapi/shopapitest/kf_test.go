package shopapitest_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// TestKFSend: the fake's sendmsg takes every message type the client
// sends, each with its own body, and refuses a body its type's required
// field is missing from, or whose media or order is not this buyer's or
// this shop's (40097, invalid request body).
func TestKFSend(t *testing.T) {
	t.Parallel()
	const buyer = "o7eep4jVQelr2eyoDSmE1buyer01"
	srv := shopapitest.NewServer(t)
	c := srv.Client(shopapi.WithoutRateLimit())
	ctx := context.Background()
	cos, _, err := c.KF.Upload(ctx, buyer, shopapi.KFImage, "size.png", []byte("\x89PNG fake"))
	if err != nil {
		t.Fatal(err)
	}
	otherCos, _, err := c.KF.Upload(ctx, "o-other", shopapi.KFImage, "size.png", []byte("\x89PNG fake"))
	if err != nil {
		t.Fatal(err)
	}
	file, _, err := c.KF.Upload(ctx, buyer, shopapi.KFFile, "size.pdf", []byte("%PDF fake"))
	if err != nil {
		t.Fatal(err)
	}
	order, err := srv.CreateOrder(shopapitest.NewOrder{OpenID: buyer, Lines: []shopapitest.OrderLine{line}})
	if err != nil {
		t.Fatal(err)
	}
	prodID, _ := flashProduct(ctx, t, srv, c, 3990)

	// Through the client: the sent message, or the platform's error code.
	sent := []struct {
		name string
		m    shopapi.KFMessage
		want shopapitest.KFMessage // MsgID is not compared
		code int
	}{
		{"text", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFText, Text: &shopapi.KFTextBody{Content: "您好"}},
			shopapitest.KFMessage{OpenID: buyer, MsgType: "text", Content: "您好"}, 0},
		{"image", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFImageText, Image: &shopapi.KFMediaBody{CosURL: cos}},
			shopapitest.KFMessage{OpenID: buyer, MsgType: "image", Content: cos}, 0},
		{"order card", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFOrderShare, OrderShare: &shopapi.KFOrderShareBody{OrderID: order}},
			shopapitest.KFMessage{OpenID: buyer, MsgType: "order_share", Content: string(order)}, 0},
		{"file", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFFileMessage, File: &shopapi.KFMediaBody{CosURL: file}},
			shopapitest.KFMessage{OpenID: buyer, MsgType: "file", Content: file}, 0},
		{"product card", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFProductShare, ProductShare: &shopapi.KFProductShareBody{ProductID: prodID}},
			shopapitest.KFMessage{OpenID: buyer, MsgType: "product_share", Content: string(prodID)}, 0},
		{"another buyer's file", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFFileMessage, File: &shopapi.KFMediaBody{CosURL: otherCos}},
			shopapitest.KFMessage{}, shopapi.CodeInvalidRequestBody},
		{"an unknown product", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFProductShare, ProductShare: &shopapi.KFProductShareBody{ProductID: "10000000000000001"}},
			shopapitest.KFMessage{}, shopapi.CodeInvalidRequestBody},
		{"another buyer's image", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFImageText, Image: &shopapi.KFMediaBody{CosURL: otherCos}},
			shopapitest.KFMessage{}, shopapi.CodeInvalidRequestBody},
		{"an unknown order", shopapi.KFMessage{OpenID: buyer, MsgType: shopapi.KFOrderShare, OrderShare: &shopapi.KFOrderShareBody{OrderID: "3726470000000000001"}},
			shopapitest.KFMessage{}, shopapi.CodeInvalidRequestBody},
	}
	for _, tt := range sent {
		before := len(srv.KFMessages(buyer))
		id, _, err := c.KF.Send(ctx, tt.m)
		if got := errCode(err); got != tt.code {
			t.Errorf("%s: errcode %d (%v), want %d", tt.name, got, err, tt.code)
			continue
		}
		msgs := srv.KFMessages(buyer)
		if tt.code != 0 {
			if len(msgs) != before {
				t.Errorf("%s: a refused message was kept: %+v", tt.name, msgs[before:])
			}
			continue
		}
		if len(msgs) != before+1 || msgs[before].MsgID != id {
			t.Fatalf("%s: messages %+v, want one more with id %s", tt.name, msgs, id)
		}
		got := msgs[before]
		got.MsgID = ""
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: message (-want +got):\n%s", tt.name, diff)
		}
	}

	// Without the client (which checks the same fields before sending):
	// each type's required field.
	tok := token(t, srv)
	bodies := []struct {
		name, body string
		code       int
	}{
		{"text without text", `{"open_id":"` + buyer + `","msg_type":"text"}`, shopapi.CodeInvalidRequestBody},
		{"text without content", `{"open_id":"` + buyer + `","msg_type":"text","text":{}}`, shopapi.CodeInvalidRequestBody},
		{"image without cos_url", `{"open_id":"` + buyer + `","msg_type":"image","image":{}}`, shopapi.CodeInvalidRequestBody},
		{"order card without order_share", `{"open_id":"` + buyer + `","msg_type":"order_share"}`, shopapi.CodeInvalidRequestBody},
		{"order card without order_id", `{"open_id":"` + buyer + `","msg_type":"order_share","order_share":{}}`, shopapi.CodeInvalidRequestBody},
		{"order card with another type's body", `{"open_id":"` + buyer + `","msg_type":"order_share","text":{"content":"x"}}`, shopapi.CodeInvalidRequestBody},
		{"file without cos_url", `{"open_id":"` + buyer + `","msg_type":"file","file":{}}`, shopapi.CodeInvalidRequestBody},
		{"product card without product_share", `{"open_id":"` + buyer + `","msg_type":"product_share"}`, shopapi.CodeInvalidRequestBody},
		{"product card without product_id", `{"open_id":"` + buyer + `","msg_type":"product_share","product_share":{}}`, shopapi.CodeInvalidRequestBody},
		{"a video (no source shows its body)", `{"open_id":"` + buyer + `","msg_type":"video","video":{}}`, shopapi.CodeInvalidRequestBody},
		{"no open_id", `{"msg_type":"text","text":{"content":"x"}}`, shopapi.CodeInvalidRequestBody},
		{"an unknown type", `{"open_id":"` + buyer + `","msg_type":"voice","voice":{}}`, shopapi.CodeInvalidRequestBody},
		{"an order card", `{"open_id":"` + buyer + `","msg_type":"order_share","order_share":{"order_id":"` + string(order) + `"}}`, 0},
	}
	for _, tt := range bodies {
		env, all := raw(t, srv, "POST", "/channels/ec/commkf/sendmsg?access_token="+tok, tt.body)
		if env.ErrCode != tt.code {
			t.Errorf("%s: errcode %d (%s), want %d", tt.name, env.ErrCode, env.ErrMsg, tt.code)
		}
		if _, has := all["msg_id"]; has != (tt.code == 0) {
			t.Errorf("%s: msg_id sent: %v", tt.name, has)
		}
	}
}

// TestKFMessage_Validate: the client names the missing body field of each
// message type before anything is sent.
func TestKFMessage_Validate(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client(shopapi.WithoutRateLimit())
	tests := []struct {
		name string
		m    shopapi.KFMessage
		want []string
	}{
		{"text", shopapi.KFMessage{OpenID: "o1", MsgType: shopapi.KFText}, []string{"text.content required"}},
		{"image", shopapi.KFMessage{OpenID: "o1", MsgType: shopapi.KFImageText, Image: &shopapi.KFMediaBody{}}, []string{"image.cos_url required"}},
		{"order card", shopapi.KFMessage{OpenID: "o1", MsgType: shopapi.KFOrderShare}, []string{"order_share.order_id required"}},
		{"order card, empty id", shopapi.KFMessage{OpenID: "o1", MsgType: shopapi.KFOrderShare, OrderShare: &shopapi.KFOrderShareBody{}},
			[]string{"order_share.order_id required"}},
		{"file", shopapi.KFMessage{OpenID: "o1", MsgType: shopapi.KFFileMessage}, []string{"file.cos_url required"}},
		{"product card", shopapi.KFMessage{OpenID: "o1", MsgType: shopapi.KFProductShare, ProductShare: &shopapi.KFProductShareBody{}},
			[]string{"product_share.product_id required"}},
		{"video", shopapi.KFMessage{OpenID: "o1", MsgType: "video"}, []string{"msg_type enum"}},
		{"no buyer, no type", shopapi.KFMessage{}, []string{"msg_type enum", "open_id required"}},
	}
	for _, tt := range tests {
		_, _, err := c.KF.Send(context.Background(), tt.m)
		if diff := cmp.Diff(tt.want, problems(err)); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", tt.name, diff)
		}
	}
	if n := srv.Calls("/channels/ec/commkf/sendmsg"); n != 0 {
		t.Errorf("%d invalid messages reached the server", n)
	}
}

// problems returns "field code" of each problem of a *vcart.ValidationError
// in err, or err's text.
func problems(err error) []string {
	var ve *vcart.ValidationError
	if !errors.As(err, &ve) {
		return []string{fmt.Sprint("not a validation error: ", err)}
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field+" "+p.Code)
	}
	return out
}

// errCode returns the errcode of a *shopapi.APIError in err, 0 for nil,
// -1 for another error.
func errCode(err error) int {
	var ae *shopapi.APIError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ae):
		return ae.ErrCode
	}
	return -1
}
