package shopapitest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The fake's channel (视频号) and its live streams. Live data is read-only
// on the platform: the fake answers from sessions seeded with
// [Server.AddLive]; the dashboard and leads endpoints and the compass's
// live list all read the same sessions.

// Identity of the fake shop's main channel.
const (
	MainFinderID       = "sphFakeMain0001"
	MainFinderNickname = "示例小店官方号"
	MainFinderFans     = 12800
)

// liveRoutes returns the live dashboard and leads endpoints.
func liveRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/livedashboard/getlivelist", h: (*Server).hLiveList},
		{method: http.MethodPost, path: "/channels/livedashboard/getlivedata", h: (*Server).hLiveData},
		{method: http.MethodPost, path: "/channels/finderlive/get_finder_attr_by_appid", h: (*Server).hFinderAttr},
		{method: http.MethodPost, path: "/channels/finderlive/get_finder_live_data_list", h: (*Server).hLeadsLiveData},
		{method: http.MethodPost, path: "/channels/finderlive/get_finder_live_leads_data", h: (*Server).hLeadsCount},
		{method: http.MethodPost, path: "/channels/leads/get_leads_component_id", h: (*Server).hLeadsComponents},
		{method: http.MethodPost, path: "/channels/leads/get_leads_component_promote_record", h: (*Server).hLeadsPromote},
		{method: http.MethodPost, path: "/channels/leads/get_leads_info_by_component_id", h: (*Server).hLeadsByComponent},
		{method: http.MethodPost, path: "/channels/leads/get_leads_info_by_request_id", h: (*Server).hLeadsByRequest},
		{method: http.MethodPost, path: "/channels/leads/get_leads_request_id", h: (*Server).hLeadsRequestIDs},
	}
}

// LiveSession describes a live stream to seed with [Server.AddLive].
type LiveSession struct {
	// FinderID is the channel that streamed (default [MainFinderID]).
	FinderID string
	Title    string
	Start    time.Time
	Duration time.Duration
	// Audience figures (观看人数, 最高在线, 评论, 点赞, 转发, 新增关注).
	Audience, MaxOnline, Comments, Cheers, Forwards, NewFollows int64
	// AvgWatch is the average watch time per viewer.
	AvgWatch time.Duration
	// LeadPhones are the phone numbers the stream's lead-collection
	// component (留资组件) collected; LeadsExposureUV and LeadsClickUV are
	// the component's exposure and click people.
	LeadPhones                    []string
	LeadsExposureUV, LeadsClickUV int64
}

// live is a seeded session with its ids.
type live struct {
	LiveSession
	exportID, requestID string
}

// liveState holds the sessions in start order and the leads component.
type liveState struct {
	lives       []*live
	componentID string
}

func (s *Server) lives() *liveState {
	return stateOf(s, "lives", func() *liveState { return &liveState{} })
}

// leadsComponent returns the id of the fake channel's one lead-collection
// component, creating it on first use.
func (s *Server) leadsComponent() string {
	ls := s.lives()
	if ls.componentID == "" {
		ls.componentID = s.newID()
	}
	return ls.componentID
}

// AddLive seeds a live stream and returns its export_id. A session with
// lead phones gets a request_id under the channel's lead component.
func (s *Server) AddLive(l LiveSession) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l.FinderID == "" {
		l.FinderID = MainFinderID
	}
	lv := &live{LiveSession: l, exportID: "export/UzFfFake" + s.newID()}
	if len(l.LeadPhones) > 0 {
		s.leadsComponent()
		lv.requestID = s.newID()
	}
	ls := s.lives()
	i := len(ls.lives)
	for i > 0 && ls.lives[i-1].Start.After(l.Start) {
		i--
	}
	ls.lives = append(ls.lives[:i], append([]*live{lv}, ls.lives[i:]...)...)
	return lv.exportID
}

// livesOn returns the sessions of finder that started on compass day ds.
func (s *Server) livesOn(ds, finder string) []*live {
	var out []*live
	for _, l := range s.lives().lives {
		if l.FinderID == finder && shopapi.CompassDay(l.Start) == ds {
			out = append(out, l)
		}
	}
	return out
}

// livesIn returns the main channel's sessions that started in [from, to].
func (s *Server) livesIn(from, to int64, withLeads bool) []*live {
	var out []*live
	for _, l := range s.lives().lives {
		t := l.Start.Unix()
		if l.FinderID == MainFinderID && t >= from && t <= to && (!withLeads || l.requestID != "") {
			out = append(out, l)
		}
	}
	return out
}

func (s *Server) hLiveList(c *call) (any, error) {
	var b struct {
		DS json.Number `json:"ds"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if _, err := shopapi.ParseCompassDay(b.DS.String()); err != nil {
		return nil, apiErr(shopapi.CodeBadParams, "invalid ds")
	}
	out := struct {
		TraceID   string             `json:"trace_id"`
		LiveItems []shopapi.LiveItem `json:"live_items"`
		HasMore   bool               `json:"has_more"`
	}{TraceID: "fake-trace-" + strconv.FormatUint(s.rid, 10), LiveItems: []shopapi.LiveItem{}}
	for _, l := range s.livesOn(b.DS.String(), MainFinderID) {
		out.LiveItems = append(out.LiveItems, shopapi.LiveItem{ExportID: l.exportID, CreateTime: l.Start.Unix()})
	}
	return out, nil
}

func (s *Server) liveByExport(id string) (*live, error) {
	for _, l := range s.lives().lives {
		if l.exportID == id {
			return l, nil
		}
	}
	return nil, apiErr(shopapi.CodeBadParams, "export_id not found")
}

func (s *Server) hLiveData(c *call) (any, error) {
	var b struct {
		ExportID string `json:"export_id"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if _, err := s.liveByExport(b.ExportID); err != nil {
		return nil, err
	}
	// The documents' inner schema is not modelled: each is an empty JSON
	// object, as in the official example.
	return struct {
		DashboardData       string `json:"live_dashboard_data"`
		ComparisonIndex     string `json:"live_comparison_index"`
		ECDataSummary       string `json:"live_ec_data_summary"`
		ECConversionMetric  string `json:"live_ec_conversion_metric"`
		ECProfile           string `json:"live_ec_profile"`
		DistributionChannel string `json:"live_distribution_channel"`
		SPUData             string `json:"single_live_ec_spu_data_page_v2"`
	}{"{}", "{}", "{}", "{}", "{}", "{}", "{}"}, nil
}

func (s *Server) hFinderAttr(*call) (any, error) {
	return struct {
		FinderAttr shopapi.FinderAttr `json:"finder_attr"`
	}{shopapi.FinderAttr{UniqID: MainFinderID, Nickname: MainFinderNickname, FansCount: MainFinderFans}}, nil
}

// leadsPageSize is the fake's page size of the leads endpoints (the
// requests carry none).
const leadsPageSize = 20

func checkRange(start, end int64) error {
	if start < 0 || end < start {
		return apiErr(shopapi.CodeBadParams, "invalid time range")
	}
	return nil
}

func (s *Server) hLeadsLiveData(c *call) (any, error) {
	var b struct {
		StartTime  int64  `json:"start_time"`
		EndTime    int64  `json:"end_time"`
		LastBuffer string `json:"last_buffer"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkRange(b.StartTime, b.EndTime); err != nil {
		return nil, err
	}
	lives := s.livesIn(b.StartTime, b.EndTime, false)
	page, next, more, err := pageLives(lives, b.LastBuffer)
	if err != nil {
		return nil, err
	}
	out := struct {
		Items        []shopapi.LeadsLive `json:"item"`
		LastBuffer   string              `json:"last_buffer"`
		ContinueFlag bool                `json:"continue_flag"`
	}{Items: []shopapi.LeadsLive{}, LastBuffer: next, ContinueFlag: more}
	for _, l := range page {
		out.Items = append(out.Items, shopapi.LeadsLive{ExportID: l.exportID, LiveStartTime: l.Start.Unix(),
			LiveDurationInSeconds: int64(l.Duration / time.Second), TotalAudienceCount: l.Audience,
			TotalCheerCount: l.Cheers, ForwardCount: l.Forwards, TotalCommentCount: l.Comments,
			AudiencesAvgSeconds: int64(l.AvgWatch / time.Second), MaxOnlineCount: l.MaxOnline,
			NewFollowCount: l.NewFollows})
	}
	return out, nil
}

// pageLives pages sessions by the opaque cursor.
func pageLives(lives []*live, key string) ([]*live, string, bool, error) {
	idx := make([]string, len(lives))
	for i := range lives {
		idx[i] = strconv.Itoa(i)
	}
	ids, next, more, err := pageKey(idx, key, leadsPageSize, 0, shopapi.CodeBadParams)
	if err != nil {
		return nil, "", false, err
	}
	out := make([]*live, len(ids))
	for i, id := range ids {
		n, _ := strconv.Atoi(id)
		out[i] = lives[n]
	}
	if !more {
		next = ""
	}
	return out, next, more, nil
}

func (s *Server) hLeadsCount(c *call) (any, error) {
	var b struct {
		StartTime  int64 `json:"start_time"`
		EndTime    int64 `json:"end_time"`
		SourceType int   `json:"source_type"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := checkRange(b.StartTime, b.EndTime); err != nil {
		return nil, err
	}
	var n int64
	for _, l := range s.livesIn(b.StartTime, b.EndTime, true) {
		n += int64(len(l.LeadPhones))
	}
	// The fake models one component type and one traffic type (0, 0).
	return struct {
		Items []shopapi.LeadsCount `json:"item"`
	}{[]shopapi.LeadsCount{{LeadsCount: n}}}, nil
}

func (s *Server) hLeadsComponents(c *call) (any, error) {
	var b struct {
		LastBuffer string `json:"last_buffer"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	out := struct {
		Items        []shopapi.LeadsComponent `json:"item"`
		LastBuffer   string                   `json:"last_buffer"`
		ContinueFlag bool                     `json:"continue_flag"`
	}{Items: []shopapi.LeadsComponent{}}
	if id := s.lives().componentID; id != "" && b.LastBuffer == "" {
		out.Items = append(out.Items, shopapi.LeadsComponent{LeadsComponentID: shopapi.ID(id),
			LeadsDescription: MainFinderNickname + "的直播", Status: 4})
	}
	return out, nil
}

// leadsQueryBody is a component's query.
type leadsQueryBody struct {
	LeadsComponentID shopapi.ID `json:"leads_component_id"`
	StartTime        int64      `json:"start_time"`
	EndTime          int64      `json:"end_time"`
	LastBuffer       string     `json:"last_buffer"`
}

// leadsQuery decodes a component's query and checks the component.
func (s *Server) leadsQuery(c *call) (*leadsQueryBody, error) {
	var b leadsQueryBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.LeadsComponentID == "" || string(b.LeadsComponentID) != s.lives().componentID {
		return nil, apiErr(shopapi.CodeBadParams, "invalid leads_component_id")
	}
	if err := checkRange(b.StartTime, b.EndTime); err != nil {
		return nil, err
	}
	return &b, nil
}

// promoteRecord is the platform's form of a promotion record: counts as
// strings, the rate as a number.
type promoteRecord struct {
	AnchorNickname    string      `json:"anchor_nickname"`
	LiveDescription   string      `json:"live_description"`
	LiveStartTime     int64       `json:"live_start_time"`
	ExposureUV        int64       `json:"exposure_uv,string"`
	ClickUV           int64       `json:"click_uv,string"`
	ExposureClickRate json.Number `json:"exposure_click_rate"`
	LeadsNum          int64       `json:"leads_num,string"`
}

func (s *Server) hLeadsPromote(c *call) (any, error) {
	b, err := s.leadsQuery(c)
	if err != nil {
		return nil, err
	}
	page, next, more, err := pageLives(s.livesIn(b.StartTime, b.EndTime, true), b.LastBuffer)
	if err != nil {
		return nil, err
	}
	out := struct {
		RecordData   []promoteRecord `json:"record_data"`
		LastBuffer   string          `json:"last_buffer"`
		ContinueFlag bool            `json:"continue_flag"`
	}{RecordData: []promoteRecord{}, LastBuffer: next, ContinueFlag: more}
	for _, l := range page {
		rate := "0"
		if l.LeadsExposureUV > 0 {
			rate = decimal.NewFromInt(l.LeadsClickUV).DivRound(decimal.NewFromInt(l.LeadsExposureUV), 4).String()
		}
		out.RecordData = append(out.RecordData, promoteRecord{AnchorNickname: MainFinderNickname, LiveDescription: l.Title,
			LiveStartTime: l.Start.Unix(), ExposureUV: l.LeadsExposureUV, ClickUV: l.LeadsClickUV,
			ExposureClickRate: json.Number(rate), LeadsNum: int64(len(l.LeadPhones))})
	}
	return out, nil
}

type leadsPage struct {
	UserData     []shopapi.Lead `json:"user_data"`
	LastBuffer   string         `json:"last_buffer"`
	ContinueFlag bool           `json:"continue_flag"`
}

// pagePhones pages the phone numbers of sessions.
func pagePhones(lives []*live, key string) (*leadsPage, error) {
	var phones []string
	for _, l := range lives {
		phones = append(phones, l.LeadPhones...)
	}
	ids, next, more, err := pageKey(phones, key, leadsPageSize, 0, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	if !more {
		next = ""
	}
	out := &leadsPage{UserData: []shopapi.Lead{}, LastBuffer: next, ContinueFlag: more}
	for _, p := range ids {
		out.UserData = append(out.UserData, shopapi.Lead{Phone: p})
	}
	return out, nil
}

func (s *Server) hLeadsByComponent(c *call) (any, error) {
	b, err := s.leadsQuery(c)
	if err != nil {
		return nil, err
	}
	return pagePhones(s.livesIn(b.StartTime, b.EndTime, true), b.LastBuffer)
}

func (s *Server) hLeadsByRequest(c *call) (any, error) {
	var b struct {
		RequestID  shopapi.ID `json:"request_id"`
		LastBuffer string     `json:"last_buffer"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	for _, l := range s.lives().lives {
		if l.requestID != "" && l.requestID == string(b.RequestID) {
			return pagePhones([]*live{l}, b.LastBuffer)
		}
	}
	return nil, apiErr(shopapi.CodeBadParams, "invalid request_id")
}

func (s *Server) hLeadsRequestIDs(c *call) (any, error) {
	var b struct {
		LeadsComponentID shopapi.ID `json:"leads_component_id"`
		LastBuffer       string     `json:"last_buffer"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.LeadsComponentID == "" || string(b.LeadsComponentID) != s.lives().componentID {
		return nil, apiErr(shopapi.CodeBadParams, "invalid leads_component_id")
	}
	page, next, more, err := pageLives(s.livesIn(0, 1<<62, true), b.LastBuffer)
	if err != nil {
		return nil, err
	}
	out := struct {
		Items        []shopapi.LeadsSession `json:"item"`
		LastBuffer   string                 `json:"last_buffer"`
		ContinueFlag bool                   `json:"continue_flag"`
	}{Items: []shopapi.LeadsSession{}, LastBuffer: next, ContinueFlag: more}
	for _, l := range page {
		out.Items = append(out.Items, shopapi.LeadsSession{RequestID: shopapi.ID(l.requestID),
			LiveStartTime: l.Start.Unix(), LiveDescription: l.Title})
	}
	return out, nil
}
