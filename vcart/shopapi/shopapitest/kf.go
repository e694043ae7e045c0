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
	// Content is the text of a text message, the cos_url of a media one.
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

func (s *Server) hKFSend(c *call) (any, error) {
	var req struct {
		RequestID string `json:"request_id"`
		OpenID    string `json:"open_id"`
		MsgType   string `json:"msg_type"`
		Text      *struct {
			Content string `json:"content"`
		} `json:"text"`
		Image *struct {
			CosURL string `json:"cos_url"`
		} `json:"image"`
	}
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
	m := KFMessage{OpenID: req.OpenID, MsgType: req.MsgType}
	switch {
	case req.OpenID == "":
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "open_id required")
	case req.MsgType == "text" && req.Text != nil && req.Text.Content != "":
		m.Content = req.Text.Content
	case req.MsgType == "image" && req.Image != nil && st.media[req.Image.CosURL] == req.OpenID:
		m.Content = req.Image.CosURL
	default:
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "invalid message body")
	}
	m.MsgID = s.newID()
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
