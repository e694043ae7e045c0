package shopapitest

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Customer service (客服): uploaded media per buyer and the messages the
// shop sent, which tests read back with [Server.KFMessages].

func kfRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/commkf/cosupload", h: (*Server).hKFUpload},
		{method: http.MethodPost, path: "/channels/ec/commkf/sendmsg", h: (*Server).hKFSend},
	}
}

// KFMessage is a message the shop sent to a buyer through the fake.
type KFMessage struct {
	MsgID, OpenID, MsgType string
	// Content is the text of a text message, the cos_url of an image or
	// file one, the order id of an order card (order_share), the product id
	// of a product card (product_share).
	Content string
}

type kfState struct {
	media    map[string]string // cos_url → open_id
	sent     []KFMessage
	requests map[string]string // request_id → msg_id
}

func (s *Server) kf() *kfState {
	return stateOf(s, "kf", func() *kfState { return &kfState{media: map[string]string{}, requests: map[string]string{}} })
}

func (s *Server) hKFUpload(c *call) (any, error) {
	_, params, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid multipart form")
	}
	mr := multipart.NewReader(bytes.NewReader(c.body), params["boundary"])
	fields := map[string]string{}
	size := 0
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid multipart form")
		}
		b, _ := io.ReadAll(io.LimitReader(p, shopapi.MaxKFMediaBytes+1))
		if p.FormName() == "file" {
			size = len(b)
			continue
		}
		fields[p.FormName()] = string(b)
	}
	switch fields["msg_type"] {
	case "image", "video", "file":
	default:
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid msg_type")
	}
	if fields["open_id"] == "" || size == 0 || size > shopapi.MaxKFMediaBytes {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid open_id or file")
	}
	q := url.Values{"encrypted_param": {s.newID()}, "timestamp": {strconv.FormatInt(s.now().Unix(), 10)},
		"openid": {fields["open_id"]}, "msg_type": {fields["msg_type"]}}
	u := "https://channels.weixin.qq.com/shop/commkf/downloadmedia?" + q.Encode()
	s.kf().media[u] = fields["open_id"]
	return struct {
		CosURL string `json:"cos_url"`
	}{u}, nil
}

// kfSendRequest is the sendmsg body: one body object per message type.
// The page lists video too, whose body no source shows: the fake refuses
// it as it refuses any other type.
type kfSendRequest struct {
	RequestID string `json:"request_id"`
	OpenID    string `json:"open_id"`
	MsgType   string `json:"msg_type"`
	Text      *struct {
		Content string `json:"content"`
	} `json:"text"`
	Image *struct {
		CosURL string `json:"cos_url"`
	} `json:"image"`
	File *struct {
		CosURL string `json:"cos_url"`
	} `json:"file"`
	OrderShare *struct {
		OrderID string `json:"order_id"`
	} `json:"order_share"`
	ProductShare *struct {
		ProductID string `json:"product_id"`
	} `json:"product_share"`
}

// kfContent checks the body of the request's message type and returns its
// content (KFMessage.Content); s.mu is held. Each type needs its own body
// with its required field: text.content; image.cos_url and file.cos_url,
// a file uploaded for this buyer; order_share.order_id, an order of the
// shop; product_share.product_id, a product of the shop. The pages
// list no error code of their own, so every bad body is
// shopapi.CodeInvalidRequestBody (40097, invalid request body).
func (s *Server) kfContent(req *kfSendRequest) (string, error) {
	bad := func(msg string) (string, error) { return "", apiErr(shopapi.CodeInvalidRequestBody, msg) }
	switch req.MsgType {
	case string(shopapi.KFText):
		if req.Text == nil || req.Text.Content == "" {
			return bad("text.content is required for msg_type text")
		}
		return req.Text.Content, nil
	case string(shopapi.KFImageText):
		if req.Image == nil || req.Image.CosURL == "" {
			return bad("image.cos_url is required for msg_type image")
		}
		if s.kf().media[req.Image.CosURL] != req.OpenID {
			return bad("image.cos_url is not a file uploaded for this open_id")
		}
		return req.Image.CosURL, nil
	case string(shopapi.KFFileMessage):
		if req.File == nil || req.File.CosURL == "" {
			return bad("file.cos_url is required for msg_type file")
		}
		if s.kf().media[req.File.CosURL] != req.OpenID {
			return bad("file.cos_url is not a file uploaded for this open_id")
		}
		return req.File.CosURL, nil
	case string(shopapi.KFProductShare):
		if req.ProductShare == nil || req.ProductShare.ProductID == "" {
			return bad("product_share.product_id is required for msg_type product_share")
		}
		if _, ok := s.products[req.ProductShare.ProductID]; !ok {
			return bad("product_share.product_id is not a product of the shop")
		}
		return req.ProductShare.ProductID, nil
	case string(shopapi.KFOrderShare):
		if req.OrderShare == nil || req.OrderShare.OrderID == "" {
			return bad("order_share.order_id is required for msg_type order_share")
		}
		if _, ok := s.orders().get(req.OrderShare.OrderID); !ok {
			return bad("order_share.order_id is not an order of the shop")
		}
		return req.OrderShare.OrderID, nil
	}
	return bad("invalid msg_type " + strconv.Quote(req.MsgType))
}

func (s *Server) hKFSend(c *call) (any, error) {
	var req kfSendRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	st := s.kf()
	type answer struct {
		MsgID string `json:"msg_id"`
	}
	if id, dup := st.requests[req.RequestID]; dup && req.RequestID != "" {
		return answer{id}, nil
	}
	if req.OpenID == "" {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "open_id required")
	}
	content, err := s.kfContent(&req)
	if err != nil {
		return nil, err
	}
	m := KFMessage{MsgID: s.newID(), OpenID: req.OpenID, MsgType: req.MsgType, Content: content}
	st.sent = append(st.sent, m)
	if req.RequestID != "" {
		st.requests[req.RequestID] = m.MsgID
	}
	return answer{m.MsgID}, nil
}

// KFMessages returns the messages the shop sent to openID, oldest first.
func (s *Server) KFMessages(openID string) []KFMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []KFMessage
	for _, m := range s.kf().sent {
		if m.OpenID == openID {
			out = append(out, m)
		}
	}
	return out
}
