package shopapi

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var epMediaGet = ep("/channels/ec/basics/media/get")

// Get downloads the data of a media_id that another API returned (an
// after-sale's or a complaint's proof image, …) (通过mediaid获取数据). The
// platform answers the bytes, or a JSON errcode envelope on failure: the
// error is then an [*APIError]. contentType is the answer's Content-Type.
//
// Unlike the JSON calls, Get is not retried and not replayed after a
// token error: call it again (it is a read).
//
// WeChat API: GET /channels/ec/basics/media/get
func (s *MediaService) Get(ctx context.Context, mediaID string) (data []byte, contentType string, resp *Response, err error) {
	if mediaID == "" {
		return nil, "", nil, errorf("get media", vcart.NewValidationError([]vcart.FieldError{{Field: "media_id", Code: "required", Msg: "is required"}}))
	}
	if ctx == nil {
		return nil, "", nil, errorf("get media", fmt.Errorf("nil Context"))
	}
	c := s.client
	if c.limiter != nil {
		if err := c.limiter.Wait(ctx, epMediaGet.path); err != nil {
			return nil, "", nil, errorf("get media", err)
		}
	}
	tok, err := c.tokens.Token(ctx)
	if err != nil {
		return nil, "", nil, errorf("get media", fmt.Errorf("token: %w", err))
	}
	req := &request{ep: epMediaGet, query: url.Values{"media_id": {mediaID}}}
	resp = &Response{Attempts: 1}
	hr, raw, err := c.send(ctx, req, nil, "", tok)
	if err != nil {
		return nil, "", resp, errorf("get media", &TransportError{Method: epMediaGet.method, Path: epMediaGet.path, Sent: !notSent(err), Err: err})
	}
	resp.Response = hr
	ct := hr.Header.Get("Content-Type")
	if hr.StatusCode/100 != 2 {
		return nil, ct, resp, errorf("get media", fmt.Errorf("%s %s: %w %d", epMediaGet.method, epMediaGet.path, ErrHTTPStatus, hr.StatusCode))
	}
	if isJSONAnswer(ct, raw) {
		env, derr := decodeEnvelope(raw)
		if derr == nil && env.ErrCode != 0 {
			ae := &APIError{HTTPStatus: hr.StatusCode, ErrCode: int(env.ErrCode), ErrMsg: redactString(env.ErrMsg),
				RequestID: parseRID(env.ErrMsg), Method: epMediaGet.method, Path: epMediaGet.path}
			resp.RequestID = ae.RequestID
			return nil, ct, resp, errorf("get media", ae)
		}
	}
	return raw, ct, resp, nil
}

// isJSONAnswer reports whether an answer of media/get is a JSON envelope
// rather than the data: a JSON content type, or a body that starts with
// {"errcode".
func isJSONAnswer(ct string, raw []byte) bool {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "application/json") || strings.HasPrefix(ct, "text/plain") {
		return bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{"))
	}
	return bytes.HasPrefix(bytes.TrimSpace(raw), []byte(`{"errcode"`))
}
