package shopapi

import (
	"context"
	"encoding/json"
	"iter"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Live selling (直播) as a backend sees it: the live dashboard (直播大屏)
// lists the channel's live streams of a day and returns each one's data;
// the channel's attributes (视频号账号信息); and the lead-collection
// components (留资组件) a live stream shows, with the leads they collected.
// Leads carry buyers' phone numbers: personal data the caller must store
// and delete under its own privacy rules (the SDK never logs bodies).

var (
	epLiveList          = ep("/channels/livedashboard/getlivelist")
	epLiveData          = ep("/channels/livedashboard/getlivedata")
	epFinderAttr        = ep("/channels/finderlive/get_finder_attr_by_appid")
	epLeadsLiveData     = ep("/channels/finderlive/get_finder_live_data_list")
	epLeadsCount        = ep("/channels/finderlive/get_finder_live_leads_data")
	epLeadsComponents   = ep("/channels/leads/get_leads_component_id")
	epLeadsPromotion    = ep("/channels/leads/get_leads_component_promote_record")
	epLeadsByComponent  = ep("/channels/leads/get_leads_info_by_component_id")
	epLeadsByRequest    = ep("/channels/leads/get_leads_info_by_request_id")
	epLeadsRequestIDs   = ep("/channels/leads/get_leads_request_id")
	errLeadsNeedsCompID = vcart.FieldError{Field: "leads_component_id", Code: "required", Msg: "is required"}
)

// nextBuffer returns the cursor of the next page: empty once the platform
// says no page follows (continue_flag false).
func nextBuffer(buf string, more bool) string {
	if !more {
		return ""
	}
	return buf
}

// LiveItem is one live stream of the dashboard's list.
type LiveItem struct {
	// ExportID identifies the live stream for [LiveService.Data].
	ExportID string `json:"export_id"`
	// CreateTime is when the stream started (Unix seconds).
	CreateTime int64 `json:"create_time"`
}

// LiveList is the dashboard's list of a day's live streams.
type LiveList struct {
	TraceID   string     `json:"trace_id"`
	LiveItems []LiveItem `json:"live_items"`
	HasMore   bool       `json:"has_more"`
}

// List returns the live streams of day ds (YYYYMMDD, see [CompassDay])
// (获取直播大屏直播列表). The page's example sends ds as a number, as the
// client does; a peer SDK sends a string.
//
// WeChat API: POST /channels/livedashboard/getlivelist
func (s *LiveService) List(ctx context.Context, ds string) (*LiveList, *Response, error) {
	if err := checkDS(ds); err != nil {
		return nil, nil, errorf("list lives", err)
	}
	body := struct {
		DS json.Number `json:"ds"`
	}{json.Number(ds)}
	var out LiveList
	resp, err := s.client.call(ctx, &request{ep: epLiveList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list lives", err)
	}
	return &out, resp, nil
}

// LiveDashboard is one live stream's dashboard data (直播大屏数据). Each
// field is a JSON document that the platform sends as a string; decode the
// ones you need with [json.Unmarshal].
type LiveDashboard struct {
	// DashboardData is the basic data (直播大屏基础数据).
	DashboardData string `json:"live_dashboard_data"`
	// ComparisonIndex is the content strength against peers (直播内容力).
	ComparisonIndex string `json:"live_comparison_index"`
	// ECDataSummary summarises the sales (电商数据概要).
	ECDataSummary string `json:"live_ec_data_summary"`
	// ECConversionMetric is the conversion strength (电商转化力).
	ECConversionMetric string `json:"live_ec_conversion_metric"`
	// ECProfile is the buyers' profile (电商画像).
	ECProfile string `json:"live_ec_profile"`
	// DistributionChannel is the traffic by channel (电商渠道分布).
	DistributionChannel string `json:"live_distribution_channel"`
	// SPUData is the data per product (电商商品数据).
	SPUData string `json:"single_live_ec_spu_data_page_v2"`
	// TraceID is sent by some answers.
	TraceID string `json:"trace_id,omitempty"`
}

// Data returns a live stream's dashboard data (获取直播大屏数据).
//
// WeChat API: POST /channels/livedashboard/getlivedata
func (s *LiveService) Data(ctx context.Context, exportID string) (*LiveDashboard, *Response, error) {
	if exportID == "" {
		return nil, nil, errorf("get live data", vcart.NewValidationError([]vcart.FieldError{{Field: "export_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		ExportID string `json:"export_id"`
	}{exportID}
	var out LiveDashboard
	resp, err := s.client.call(ctx, &request{ep: epLiveData, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("get live data", err)
	}
	return &out, resp, nil
}

// FinderAttr is the channel account's attributes (视频号账号信息).
type FinderAttr struct {
	// UniqID is the channel's id (sph…).
	UniqID    string `json:"uniq_id"`
	Nickname  string `json:"nickname"`
	FansCount int64  `json:"fans_count"`
}

// FinderAttr returns the attributes of the channel bound to the caller
// (获取视频号账号信息).
//
// WeChat API: POST /channels/finderlive/get_finder_attr_by_appid
func (s *LiveService) FinderAttr(ctx context.Context) (*FinderAttr, *Response, error) {
	var out struct {
		FinderAttr FinderAttr `json:"finder_attr"`
	}
	resp, err := s.client.call(ctx, &request{ep: epFinderAttr, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get finder attr", err)
	}
	return &out.FinderAttr, resp, nil
}

// LeadsTimeRange selects live streams or leads by time (Unix seconds) and
// continues after the cursor of a previous page.
type LeadsTimeRange struct {
	StartTime  int64  `json:"start_time"`
	EndTime    int64  `json:"end_time"`
	LastBuffer string `json:"last_buffer,omitempty"`
}

func (r LeadsTimeRange) problems() []vcart.FieldError {
	var p []vcart.FieldError
	if r.StartTime < 0 {
		p = append(p, vcart.FieldError{Field: "start_time", Code: "range", Msg: "must not be negative"})
	}
	if r.EndTime < r.StartTime {
		p = append(p, vcart.FieldError{Field: "end_time", Code: "range", Msg: "must not be before start_time"})
	}
	return p
}

// LeadsLive is one live stream's audience figures (留资直播间数据).
type LeadsLive struct {
	ExportID              string `json:"export_id"`
	LiveStartTime         int64  `json:"live_start_time"`
	LiveDurationInSeconds int64  `json:"live_duration_in_seconds"`
	TotalAudienceCount    int64  `json:"total_audience_count"`
	TotalCheerCount       int64  `json:"total_cheer_count"`
	ForwardCount          int64  `json:"forward_count"`
	TotalCommentCount     int64  `json:"total_comment_count"`
	AudiencesAvgSeconds   int64  `json:"audiences_avg_seconds"`
	MaxOnlineCount        int64  `json:"max_online_count"`
	NewFollowCount        int64  `json:"new_follow_count"`
	NewFollowCountBiz     int64  `json:"new_follow_count_biz"`
}

// LeadsLivePage is a page of live streams with their figures.
type LeadsLivePage struct {
	Items        []LeadsLive `json:"item"`
	LastBuffer   string      `json:"last_buffer"`
	ContinueFlag bool        `json:"continue_flag"`
}

// LiveStats returns a page of the live streams started in the range with
// their audience figures (获取留资直播间数据详情).
//
// WeChat API: POST /channels/finderlive/get_finder_live_data_list
func (s *LiveService) LiveStats(ctx context.Context, r LeadsTimeRange) (*LeadsLivePage, *Response, error) {
	if err := vcart.NewValidationError(r.problems()); err != nil {
		return nil, nil, errorf("list live stats", err)
	}
	var out LeadsLivePage
	resp, err := s.client.call(ctx, &request{ep: epLeadsLiveData, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("list live stats", err)
	}
	resp.NextKey = nextBuffer(out.LastBuffer, out.ContinueFlag)
	return &out, resp, nil
}

// LiveStatsIter iterates over every live stream of the range.
//
// WeChat API: POST /channels/finderlive/get_finder_live_data_list
func (s *LiveService) LiveStatsIter(ctx context.Context, r LeadsTimeRange) iter.Seq2[LeadsLive, error] {
	return paginate(ctx, r.LastBuffer, func(ctx context.Context, key string) ([]LeadsLive, string, error) {
		r.LastBuffer = key
		p, _, err := s.LiveStats(ctx, r)
		if err != nil {
			return nil, "", err
		}
		return p.Items, nextBuffer(p.LastBuffer, p.ContinueFlag), nil
	})
}

// LeadsCountRequest selects the leads counted in a time range.
type LeadsCountRequest struct {
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
	// SourceType is the page's source type (0 in its example).
	SourceType int `json:"source_type"`
}

// LeadsCount is the number of leads of one component type and traffic
// type (the page's enums).
type LeadsCount struct {
	ComponentType int   `json:"component_type"`
	TrafficType   int   `json:"traffic_type"`
	LeadsCount    int64 `json:"leads_count"`
}

// LeadsCounts returns how many leads the account collected in the range
// (获取账号收集的留资数量).
//
// WeChat API: POST /channels/finderlive/get_finder_live_leads_data
func (s *LiveService) LeadsCounts(ctx context.Context, r LeadsCountRequest) ([]LeadsCount, *Response, error) {
	if err := vcart.NewValidationError(LeadsTimeRange{StartTime: r.StartTime, EndTime: r.EndTime}.problems()); err != nil {
		return nil, nil, errorf("count leads", err)
	}
	var out struct {
		Items []LeadsCount `json:"item"`
	}
	resp, err := s.client.call(ctx, &request{ep: epLeadsCount, body: r}, &out)
	if err != nil {
		return nil, resp, errorf("count leads", err)
	}
	return out.Items, resp, nil
}

// LeadsComponent is a lead-collection component (留资组件).
type LeadsComponent struct {
	LeadsComponentID ID     `json:"leads_component_id"`
	LeadsDescription string `json:"leads_description"`
	// Status is the page's component status.
	Status int `json:"status"`
}

// LeadsComponentPage is a page of components.
type LeadsComponentPage struct {
	Items        []LeadsComponent `json:"item"`
	LastBuffer   string           `json:"last_buffer"`
	ContinueFlag bool             `json:"continue_flag"`
}

// Components returns a page of the account's lead-collection components
// after the cursor lastBuffer ("" for the first page)
// (获取留资组件Id列表详情).
//
// WeChat API: POST /channels/leads/get_leads_component_id
func (s *LiveService) Components(ctx context.Context, lastBuffer string) (*LeadsComponentPage, *Response, error) {
	body := struct {
		LastBuffer string `json:"last_buffer,omitempty"`
	}{lastBuffer}
	var out LeadsComponentPage
	resp, err := s.client.call(ctx, &request{ep: epLeadsComponents, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list leads components", err)
	}
	resp.NextKey = nextBuffer(out.LastBuffer, out.ContinueFlag)
	return &out, resp, nil
}

// ComponentsIter iterates over every lead-collection component.
//
// WeChat API: POST /channels/leads/get_leads_component_id
func (s *LiveService) ComponentsIter(ctx context.Context) iter.Seq2[LeadsComponent, error] {
	return paginate(ctx, "", func(ctx context.Context, key string) ([]LeadsComponent, string, error) {
		p, _, err := s.Components(ctx, key)
		if err != nil {
			return nil, "", err
		}
		return p.Items, nextBuffer(p.LastBuffer, p.ContinueFlag), nil
	})
}

// LeadsQuery selects a component's records or leads in a time range.
type LeadsQuery struct {
	LeadsComponentID ID `json:"leads_component_id"`
	LeadsTimeRange
}

func (q *LeadsQuery) validate() error {
	if q == nil {
		return errNilRequest()
	}
	p := q.problems()
	if q.LeadsComponentID == "" {
		p = append(p, errLeadsNeedsCompID)
	}
	return vcart.NewValidationError(p)
}

// LeadsPromoteRecord is a live stream that promoted a component
// (直播推广记录). The counts are sent as strings and the rate as a number.
type LeadsPromoteRecord struct {
	AnchorNickname  string `json:"anchor_nickname"`
	LiveDescription string `json:"live_description"`
	LiveStartTime   int64  `json:"live_start_time"`
	ExposureUV      Int64  `json:"exposure_uv"`
	ClickUV         Int64  `json:"click_uv"`
	// ExposureClickRate is ClickUV ÷ ExposureUV (e.g. 0.0334).
	ExposureClickRate decimal.Decimal `json:"exposure_click_rate"`
	LeadsNum          Int64           `json:"leads_num"`
}

// LeadsPromotePage is a page of promotion records.
type LeadsPromotePage struct {
	RecordData   []LeadsPromoteRecord `json:"record_data"`
	LastBuffer   string               `json:"last_buffer"`
	ContinueFlag bool                 `json:"continue_flag"`
}

// PromoteRecords returns a page of the live streams that promoted the
// component in the range (获取留资组件直播推广记录信息详情).
//
// WeChat API: POST /channels/leads/get_leads_component_promote_record
func (s *LiveService) PromoteRecords(ctx context.Context, q *LeadsQuery) (*LeadsPromotePage, *Response, error) {
	if err := q.validate(); err != nil {
		return nil, nil, errorf("list leads promote records", err)
	}
	var out LeadsPromotePage
	resp, err := s.client.call(ctx, &request{ep: epLeadsPromotion, body: q}, &out)
	if err != nil {
		return nil, resp, errorf("list leads promote records", err)
	}
	resp.NextKey = nextBuffer(out.LastBuffer, out.ContinueFlag)
	return &out, resp, nil
}

// Lead is one collected lead (留资信息): a phone number, personal data.
type Lead struct {
	Phone string `json:"phone"`
}

// LeadsPage is a page of leads.
type LeadsPage struct {
	UserData     []Lead `json:"user_data"`
	LastBuffer   string `json:"last_buffer"`
	ContinueFlag bool   `json:"continue_flag"`
}

// LeadsByComponent returns a page of the leads a component collected in
// the range (按时间获取留资信息详情).
//
// WeChat API: POST /channels/leads/get_leads_info_by_component_id
func (s *LiveService) LeadsByComponent(ctx context.Context, q *LeadsQuery) (*LeadsPage, *Response, error) {
	if err := q.validate(); err != nil {
		return nil, nil, errorf("list leads", err)
	}
	var out LeadsPage
	resp, err := s.client.call(ctx, &request{ep: epLeadsByComponent, body: q}, &out)
	if err != nil {
		return nil, resp, errorf("list leads", err)
	}
	resp.NextKey = nextBuffer(out.LastBuffer, out.ContinueFlag)
	return &out, resp, nil
}

// LeadsByComponentIter iterates over every lead of the component in the
// range.
//
// WeChat API: POST /channels/leads/get_leads_info_by_component_id
func (s *LiveService) LeadsByComponentIter(ctx context.Context, q LeadsQuery) iter.Seq2[Lead, error] {
	return paginate(ctx, q.LastBuffer, func(ctx context.Context, key string) ([]Lead, string, error) {
		q.LastBuffer = key
		p, _, err := s.LeadsByComponent(ctx, &q)
		if err != nil {
			return nil, "", err
		}
		return p.UserData, nextBuffer(p.LastBuffer, p.ContinueFlag), nil
	})
}

// LeadsByRequest returns a page of the leads of one live session
// (request_id, from [LiveService.Sessions]) after the cursor lastBuffer
// (按直播场次获取留资信息详情).
//
// WeChat API: POST /channels/leads/get_leads_info_by_request_id
func (s *LiveService) LeadsByRequest(ctx context.Context, requestID ID, lastBuffer string) (*LeadsPage, *Response, error) {
	if requestID == "" {
		return nil, nil, errorf("list session leads", vcart.NewValidationError([]vcart.FieldError{{Field: "request_id", Code: "required", Msg: "is required"}}))
	}
	body := struct {
		RequestID  ID     `json:"request_id"`
		LastBuffer string `json:"last_buffer,omitempty"`
	}{requestID, lastBuffer}
	var out LeadsPage
	resp, err := s.client.call(ctx, &request{ep: epLeadsByRequest, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list session leads", err)
	}
	resp.NextKey = nextBuffer(out.LastBuffer, out.ContinueFlag)
	return &out, resp, nil
}

// LeadsSession is a live session that showed a component (留资直播场次).
type LeadsSession struct {
	RequestID       ID     `json:"request_id"`
	LiveStartTime   int64  `json:"live_start_time"`
	LiveDescription string `json:"live_description"`
}

// LeadsSessionPage is a page of sessions.
type LeadsSessionPage struct {
	Items        []LeadsSession `json:"item"`
	LastBuffer   string         `json:"last_buffer"`
	ContinueFlag bool           `json:"continue_flag"`
}

// Sessions returns a page of the live sessions that showed the component
// (获取留资request_id列表详情).
//
// WeChat API: POST /channels/leads/get_leads_request_id
func (s *LiveService) Sessions(ctx context.Context, componentID ID, lastBuffer string) (*LeadsSessionPage, *Response, error) {
	if componentID == "" {
		return nil, nil, errorf("list leads sessions", vcart.NewValidationError([]vcart.FieldError{errLeadsNeedsCompID}))
	}
	body := struct {
		LeadsComponentID ID     `json:"leads_component_id"`
		LastBuffer       string `json:"last_buffer,omitempty"`
	}{componentID, lastBuffer}
	var out LeadsSessionPage
	resp, err := s.client.call(ctx, &request{ep: epLeadsRequestIDs, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list leads sessions", err)
	}
	resp.NextKey = nextBuffer(out.LastBuffer, out.ContinueFlag)
	return &out, resp, nil
}
