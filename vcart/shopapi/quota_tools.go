package shopapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Quota tools (接口管理): resetting the daily call counts and asking the
// platform what happened to a failed call (rid look-up).

var (
	epClearQuota    = ep("/cgi-bin/clear_quota")
	epClearQuotaV2  = ep("/cgi-bin/clear_quota/v2")
	epClearAPIQuota = ep("/cgi-bin/openapi/quota/clear")
	epRIDGet        = ep("/cgi-bin/openapi/rid/get")
)

// ClearAll resets the daily call counts of every API of the account appID
// (重置API调用次数, clearQuota). The platform allows 10 resets a month
// (shared with [QuotaService.ClearAllWithSecret]); errcode 48006
// ([CodeClearQuotaLimit]) says they are spent. A reset spends one of them,
// so the call is not retried after an ambiguous failure.
//
// WeChat API: POST /cgi-bin/clear_quota
func (s *QuotaService) ClearAll(ctx context.Context, appID string) (*Response, error) {
	if appID == "" {
		return nil, errorf("clear quota", vcart.NewValidationError([]vcart.FieldError{{Field: "appid", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		AppID string `json:"appid"`
	}{appID}
	resp, err := s.client.call(ctx, &request{ep: epClearQuota, body: body}, nil)
	if err != nil {
		return resp, errorf("clear quota", err)
	}
	return resp, nil
}

// ClearAllWithSecret resets the daily call counts of every API of appID
// with its AppSecret instead of an access_token (使用AppSecret重置API调用次数,
// clearQuotaByAppSecret): the way out when the token endpoint's own quota
// is spent and no token can be had. It shares the 10 monthly resets of
// [QuotaService.ClearAll]; it is sent once, never retried (a failure that
// may have reached the platform wraps [ErrAmbiguous]).
//
// The secret travels in the JSON body (the current page's table; an older
// page put appid and appsecret in the query string, where proxies and
// access logs would keep them), and no access_token is sent. It never
// appears in an error or a log line: both are scrubbed of it even when the
// platform echoes it.
//
// WeChat API: POST /cgi-bin/clear_quota/v2
func (s *QuotaService) ClearAllWithSecret(ctx context.Context, appID, appSecret string) (*Response, error) {
	var p []vcart.FieldError
	if appID == "" {
		p = append(p, vcart.FieldError{Field: "appid", Code: "required", Msg: "is required"})
	}
	if appSecret == "" {
		p = append(p, vcart.FieldError{Field: "appsecret", Code: "required", Msg: "is required"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("clear quota with secret", err)
	}
	if ctx == nil {
		return nil, errorf("clear quota with secret", errors.New("nil Context"))
	}
	c := s.client
	e := epClearQuotaV2
	if c.limiter != nil {
		if err := c.limiter.Wait(ctx, e.path); err != nil {
			return nil, errorf("clear quota with secret", err)
		}
	}
	body, err := json.Marshal(struct {
		AppID     string `json:"appid"`
		AppSecret string `json:"appsecret"`
	}{appID, appSecret})
	if err != nil {
		return nil, errorf("clear quota with secret", err)
	}
	start := time.Now()
	resp := &Response{Attempts: 1}
	status, code, err := s.postWithoutToken(ctx, e, body, resp)
	err = scrubSecret(err, appSecret)
	c.logCallRID(ctx, &request{ep: e}, status, code, 1, start, err, resp.RequestID)
	if err != nil {
		return resp, errorf("clear quota with secret", err)
	}
	return resp, nil
}

// postWithoutToken posts body to e with no access_token and decodes the
// errcode envelope of the answer.
func (s *QuotaService) postWithoutToken(ctx context.Context, e endpoint, body []byte, resp *Response) (status, code int, err error) {
	c := s.client
	res, err := c.rc.R().SetContext(ctx).SetDoNotParseResponse(true).
		SetHeader("Content-Type", "application/json").SetBody(body).Execute(e.method, c.cfg.baseURL+e.path)
	if err != nil {
		if res != nil && res.RawBody() != nil {
			res.RawBody().Close()
		}
		te := &TransportError{Method: e.method, Path: e.path, Sent: !notSent(err), Err: redactErr(err)}
		if te.Sent {
			return 0, 0, fmt.Errorf("%w: %w", ErrAmbiguous, te)
		}
		return 0, 0, te
	}
	hr := res.RawResponse
	defer hr.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(hr.Body, maxErrorBodySize))
	if err != nil {
		return hr.StatusCode, 0, fmt.Errorf("%w: %w", ErrAmbiguous, redactErr(err))
	}
	resp.Response = hr
	env, derr := decodeEnvelope(raw)
	switch {
	case hr.StatusCode/100 != 2 && (derr != nil || env.ErrCode == 0):
		return hr.StatusCode, 0, fmt.Errorf("%s %s: %w %d", e.method, e.path, ErrHTTPStatus, hr.StatusCode)
	case derr != nil:
		return hr.StatusCode, 0, fmt.Errorf("%s %s: %w", e.method, e.path, derr)
	case env.ErrCode != 0:
		ae := &APIError{HTTPStatus: hr.StatusCode, ErrCode: int(env.ErrCode), ErrMsg: redactString(env.ErrMsg),
			RequestID: parseRID(env.ErrMsg), Method: e.method, Path: e.path}
		resp.RequestID = ae.RequestID
		return hr.StatusCode, ae.ErrCode, ae
	}
	return hr.StatusCode, 0, nil
}

// secretScrubbed is an error whose text has a secret replaced by REDACTED;
// it unwraps to the original error so errors.Is / As still work. An
// *APIError in the chain has its ErrMsg scrubbed in place.
type secretScrubbed struct {
	err    error
	secret string
}

func (e *secretScrubbed) Error() string {
	return strings.ReplaceAll(e.err.Error(), e.secret, "REDACTED")
}

func (e *secretScrubbed) Unwrap() error { return e.err }

// scrubSecret returns err with every occurrence of secret redacted from its
// text (and from the ErrMsg of an *APIError it wraps).
func scrubSecret(err error, secret string) error {
	if err == nil || secret == "" {
		return err
	}
	var ae *APIError
	if errors.As(err, &ae) {
		ae.ErrMsg = strings.ReplaceAll(ae.ErrMsg, secret, "REDACTED")
	}
	return &secretScrubbed{err: err, secret: secret}
}

// Clear resets the daily call count of one API (重置指定API调用次数,
// clearApiQuota); cgiPath is the API's path, e.g. "/channels/ec/order/get".
// The platform allows 50 such resets a month; 76021
// ([CodeQuotaPathNotFound]) answers a path it does not know. A reset
// spends one of them, so the call is not retried after an ambiguous
// failure.
//
// WeChat API: POST /cgi-bin/openapi/quota/clear
func (s *QuotaService) Clear(ctx context.Context, cgiPath string) (*Response, error) {
	if p := checkCGIPath("cgi_path", cgiPath, nil); p != nil {
		return nil, errorf("clear api quota", vcart.NewValidationError(p))
	}
	body := struct {
		CGIPath string `json:"cgi_path"`
	}{cgiPath}
	resp, err := s.client.call(ctx, &request{ep: epClearAPIQuota, body: body}, nil)
	if err != nil {
		return resp, errorf("clear api quota "+cgiPath, err)
	}
	return resp, nil
}

// RIDInfo is the platform's record of one call (查询rid信息), the answer of
// rid/get: what was sent, what was answered, when and from where.
type RIDInfo struct {
	// InvokeTime is when the call was made (Unix seconds).
	InvokeTime int64 `json:"invoke_time"`
	// CostInMS is how long the platform took, in milliseconds.
	CostInMS int64 `json:"cost_in_ms"`
	// RequestURL is the call's query string as the platform saw it. The
	// platform includes the access_token; the client redacts it.
	RequestURL string `json:"request_url"`
	// RequestBody is the POST body of the call.
	RequestBody string `json:"request_body"`
	// ResponseBody is the platform's answer to the call.
	ResponseBody string `json:"response_body"`
	// ClientIP is the caller's IP as the platform saw it (the field table
	// lists it; the SKIT copy of the example lacks it).
	ClientIP string `json:"client_ip,omitempty"`
}

// Response decodes ResponseBody's errcode envelope (errcode 0 and no error
// when it is empty or not an envelope).
func (r *RIDInfo) Response() (errCode int, errMsg string) {
	env, err := decodeEnvelope([]byte(r.ResponseBody))
	if err != nil {
		return 0, ""
	}
	return int(env.ErrCode), env.ErrMsg
}

// RID returns the platform's record of the call that answered with rid
// (the RequestID of an [*APIError]). Only the account that made the call
// can look it up (its token, or a provider's authorizer_access_token), and
// only for 7 days: errcode 76001 ([CodeRIDNotFound]) answers an unknown or
// older rid, 76002 ([CodeRIDInvalid]) a malformed one. The access_token in
// the record's RequestURL is redacted.
//
// WeChat API: POST /cgi-bin/openapi/rid/get
func (s *QuotaService) RID(ctx context.Context, rid string) (*RIDInfo, *Response, error) {
	if strings.TrimSpace(rid) == "" {
		return nil, nil, errorf("get rid", vcart.NewValidationError([]vcart.FieldError{{Field: "rid", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		RID string `json:"rid"`
	}{rid}
	var out struct {
		Request RIDInfo `json:"request"`
	}
	resp, err := s.client.call(ctx, &request{ep: epRIDGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get rid "+rid, err)
	}
	out.Request.RequestURL = redactString(out.Request.RequestURL)
	out.Request.RequestBody = redactString(out.Request.RequestBody)
	return &out.Request, resp, nil
}

// ErrNoRID is returned by [QuotaService.Diagnose] for an error that carries
// no rid (not an [*APIError], or one whose errmsg had none).
var ErrNoRID = errors.New("shopapi: the error carries no rid")

// Diagnosis is the platform's own account of a failed call: the error's
// rid and the record rid/get keeps of it.
type Diagnosis struct {
	// RID is the failed call's rid.
	RID string
	// ErrCode and Meaning are the failed call's errcode and its meaning
	// ([ErrCodeMeaning], "" when undocumented).
	ErrCode int
	Meaning string
	// Call is the platform's record of the call.
	Call RIDInfo
}

// Diagnose takes an error returned by any call of this client and asks the
// platform about it (rid/get): it finds the [*APIError] in err's chain and
// looks up its RequestID. An error with no rid returns [ErrNoRID]; a failed
// look-up returns its error (76001 once the rid is older than 7 days).
//
// WeChat API: POST /cgi-bin/openapi/rid/get
func (s *QuotaService) Diagnose(ctx context.Context, err error) (*Diagnosis, error) {
	var ae *APIError
	if !errors.As(err, &ae) || ae.RequestID == "" {
		return nil, ErrNoRID
	}
	info, _, lerr := s.RID(ctx, ae.RequestID)
	if lerr != nil {
		return nil, lerr
	}
	return &Diagnosis{RID: ae.RequestID, ErrCode: ae.ErrCode, Meaning: ErrCodeMeaning(ae.ErrCode), Call: *info}, nil
}
