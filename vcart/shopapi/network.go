package shopapi

import (
	"context"
	"net/netip"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// Network checks (网络检测): whether the platform reaches the push (callback)
// URL, and the platform's API and push server IPs. The push IPs are the
// ones to allow in a firewall in front of the message-push endpoint; the
// API IPs the ones to allow out.

var (
	epCallbackCheck  = ep("/cgi-bin/callback/check")
	epAPIDomainIP    = ep("/cgi-bin/get_api_domain_ip")
	epCallbackIPList = ep("/cgi-bin/getcallbackip")
)

// CheckAction selects what callback/check does (action).
type CheckAction string

// Check actions.
const (
	CheckDNS  CheckAction = "dns"  // resolve the push URL's domain (做域名解析)
	CheckPing CheckAction = "ping" // ping the resolved IPs (做ping检测)
	CheckAll  CheckAction = "all"  // both
)

// CheckOperator selects the carrier the platform checks from
// (check_operator).
type CheckOperator string

// Carriers.
const (
	OperatorChinaNet CheckOperator = "CHINANET" // 电信出口
	OperatorUnicom   CheckOperator = "UNICOM"   // 联通出口
	OperatorCAP      CheckOperator = "CAP"      // 腾讯自建出口
	OperatorDefault  CheckOperator = "DEFAULT"  // by the IP (根据ip来选择运营商)
)

// CallbackCheck is the answer of callback/check.
type CallbackCheck struct {
	// DNS lists the push URL's resolved IPs.
	DNS []CheckDNSResult `json:"dns"`
	// Ping lists the ping of each IP.
	Ping []CheckPingResult `json:"ping"`
}

// CheckDNSResult is one resolved IP.
type CheckDNSResult struct {
	IP string `json:"ip"`
	// RealOperator is the IP's carrier.
	RealOperator string `json:"real_operator"`
}

// CheckPingResult is the ping of one IP (one packet: PackageLoss is "0%"
// or "100%").
type CheckPingResult struct {
	IP string `json:"ip"`
	// FromOperator is the carrier the ping came from.
	FromOperator string `json:"from_operator"`
	// PackageLoss is the loss rate, "0%" or "100%".
	PackageLoss string `json:"package_loss"`
	// Time is the average round trip, e.g. "23.079ms" (in the page's
	// example; the newer field table omits it).
	Time string `json:"time,omitempty"`
}

// Lost reports whether the ping was lost (PackageLoss other than "0%").
func (p CheckPingResult) Lost() bool { return strings.TrimSpace(p.PackageLoss) != "0%" }

// Unreachable returns the IPs whose ping was lost.
func (c *CallbackCheck) Unreachable() []string {
	var out []string
	for _, p := range c.Ping {
		if p.Lost() {
			out = append(out, p.IP)
		}
	}
	return out
}

// CheckCallback makes the platform resolve the account's push URL and ping
// its IPs (网络通信检测), to find why pushes fail. Errcode 40201
// ([CodeCallbackURLInvalid]): no push URL is set; 40202 and 40203: a bad
// action or operator.
//
// WeChat API: POST /cgi-bin/callback/check
func (s *NetworkService) CheckCallback(ctx context.Context, action CheckAction, operator CheckOperator) (*CallbackCheck, *Response, error) {
	var p []vcart.FieldError
	switch action {
	case CheckDNS, CheckPing, CheckAll:
	default:
		p = append(p, vcart.FieldError{Field: "action", Code: "enum", Msg: "must be dns, ping or all"})
	}
	switch operator {
	case OperatorChinaNet, OperatorUnicom, OperatorCAP, OperatorDefault:
	default:
		p = append(p, vcart.FieldError{Field: "check_operator", Code: "enum", Msg: "must be CHINANET, UNICOM, CAP or DEFAULT"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("check callback", err)
	}
	body := struct {
		Action        CheckAction   `json:"action"`
		CheckOperator CheckOperator `json:"check_operator"`
	}{action, operator}
	var out CallbackCheck
	resp, err := s.client.call(ctx, &request{ep: epCallbackCheck, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("check callback", err)
	}
	return &out, resp, nil
}

// APIIPs returns the IPs of the platform's API servers (获取微信API服务器IP,
// api.weixin.qq.com's addresses): the ones to allow out of a firewall. The
// list changes; read it again from time to time.
//
// WeChat API: GET /cgi-bin/get_api_domain_ip
func (s *NetworkService) APIIPs(ctx context.Context) ([]string, *Response, error) {
	return s.ips(ctx, epAPIDomainIP, "get api ips")
}

// PushIPs returns the IPs (or CIDR ranges) the platform pushes messages
// from (获取微信推送服务器IP): the ones to allow in to the push endpoint.
// [IPAllowList] turns them into a checker.
//
// WeChat API: GET /cgi-bin/getcallbackip
func (s *NetworkService) PushIPs(ctx context.Context) ([]string, *Response, error) {
	return s.ips(ctx, epCallbackIPList, "get push ips")
}

func (s *NetworkService) ips(ctx context.Context, e endpoint, op string) ([]string, *Response, error) {
	var out struct {
		IPList []string `json:"ip_list"`
	}
	resp, err := s.client.call(ctx, &request{ep: e}, &out)
	if err != nil {
		return nil, resp, errorf(op, err)
	}
	return out.IPList, resp, nil
}

// IPAllowList is a set of addresses and ranges, as [NetworkService.PushIPs]
// answers them, to check a request's source address against.
type IPAllowList struct {
	prefixes []netip.Prefix
}

// NewIPAllowList parses ips: addresses ("101.226.62.77") or CIDR ranges
// ("101.226.103.0/25"). Every entry that does not parse is reported at
// once; nothing is built then.
func NewIPAllowList(ips []string) (*IPAllowList, error) {
	var p []vcart.FieldError
	l := &IPAllowList{prefixes: make([]netip.Prefix, 0, len(ips))}
	for i, s := range ips {
		s = strings.TrimSpace(s)
		if pf, err := netip.ParsePrefix(s); err == nil {
			l.prefixes = append(l.prefixes, pf.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			p = append(p, vcart.FieldError{Field: "ip_list[" + strconv.Itoa(i) + "]", Code: "format", Msg: "is not an IP or CIDR range"})
			continue
		}
		a = a.Unmap().WithZone("") // a zone (fe80::1%eth0) names no other address
		l.prefixes = append(l.prefixes, netip.PrefixFrom(a, a.BitLen()))
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("ip allow list", err)
	}
	return l, nil
}

// Allows reports whether addr (an IP, or "ip:port" as in
// http.Request.RemoteAddr) is in the list. An address that does not parse
// is not allowed.
func (l *IPAllowList) Allows(addr string) bool {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		ap, perr := netip.ParseAddrPort(addr)
		if perr != nil {
			return false
		}
		a = ap.Addr()
	}
	a = a.Unmap().WithZone("")
	for _, p := range l.prefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Len returns the number of entries.
func (l *IPAllowList) Len() int { return len(l.prefixes) }
