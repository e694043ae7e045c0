package kpi

import (
	"fmt"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// ContentKind is a kind of content post for the content-marketing plan
// (内容营销).
type ContentKind int

// Content kinds. The zero value is invalid so that a forgotten kind is
// reported.
const (
	ContentUnknown ContentKind = iota
	// ContentVideo is a seeding short video (种草视频).
	ContentVideo
	// ContentLive is a themed live stream (主题直播).
	ContentLive
)

// String returns "video" or "live".
func (k ContentKind) String() string {
	switch k {
	case ContentVideo:
		return "video"
	case ContentLive:
		return "live"
	}
	return fmt.Sprintf("ContentKind(%d)", int(k))
}

// MarshalText encodes the kind by name.
func (k ContentKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// ContentPost is one published video or live stream.
type ContentPost struct {
	ID          string
	Kind        ContentKind
	PublishedAt time.Time // for a live stream, when it started
}

// ContentPlan is the versioned weekly content target.
type ContentPlan struct {
	Version       string
	EffectiveFrom time.Time
	VideosPerWeek int64 // 种草视频 per week
	LivesPerWeek  int64 // 主题直播 per week
}

// SeedContentPlan returns the seed's §七 content-marketing plan as a fresh
// value: every week three seeding videos and one themed live stream
// (每周发布3条种草视频+1场主题直播).
func SeedContentPlan() ContentPlan {
	return ContentPlan{
		Version:       "seed-2023.1",
		EffectiveFrom: time.Date(2023, 1, 1, 0, 0, 0, 0, shanghai),
		VideosPerWeek: 3,
		LivesPerWeek:  1,
	}
}

// ContentReport compares a period's posts with the plan. For a period that
// is not one week long the targets are scaled by its length in days
// (rounded up), so a 14-day period expects 6 videos and 2 live streams.
type ContentReport struct {
	PlanVersion    string `json:"plan_version"`
	Videos         int64  `json:"videos"`
	Lives          int64  `json:"lives"`
	ExpectedVideos int64  `json:"expected_videos"`
	ExpectedLives  int64  `json:"expected_lives"`
	OnPlan         bool   `json:"on_plan"` // at least the expected number of each
	Outside        int64  `json:"outside"` // posts outside the period, ignored
}

// CheckContent counts the posts published in period against plan. A post
// with no kind or no time, a target outside 0–1000 or an empty period is a
// [*vcart.ValidationError] listing every problem.
func CheckContent(posts []ContentPost, period Period, plan ContentPlan) (*ContentReport, error) {
	fe := problemsOf(period.validate())
	if plan.Version == "" {
		fe = append(fe, vcart.FieldError{Field: "plan.version", Code: "content.version.missing", Msg: "the plan has no version"})
	}
	if plan.VideosPerWeek < 0 || plan.LivesPerWeek < 0 || plan.VideosPerWeek > 1000 || plan.LivesPerWeek > 1000 {
		fe = append(fe, vcart.FieldError{Field: "plan", Code: "content.target.range", Msg: "weekly targets must be 0 to 1000"})
	}
	for i, p := range posts {
		if p.Kind != ContentVideo && p.Kind != ContentLive {
			fe = append(fe, vcart.FieldError{Field: fmt.Sprintf("posts[%d].kind", i), Code: "content.kind.unknown", Msg: "unknown content kind"})
		}
		if p.PublishedAt.IsZero() {
			fe = append(fe, vcart.FieldError{Field: fmt.Sprintf("posts[%d].published_at", i), Code: "content.time.missing", Msg: "no publication time"})
		}
	}
	if err := vcart.NewValidationError(fe); err != nil {
		return nil, err
	}
	days := int64((period.End.Sub(period.Start) + 24*time.Hour - 1) / (24 * time.Hour))
	rep := &ContentReport{
		PlanVersion:    plan.Version,
		ExpectedVideos: ceilDiv(plan.VideosPerWeek*days, 7),
		ExpectedLives:  ceilDiv(plan.LivesPerWeek*days, 7),
	}
	for _, p := range posts {
		switch {
		case !period.Contains(p.PublishedAt):
			rep.Outside++
		case p.Kind == ContentVideo:
			rep.Videos++
		default:
			rep.Lives++
		}
	}
	rep.OnPlan = rep.Videos >= rep.ExpectedVideos && rep.Lives >= rep.ExpectedLives
	return rep, nil
}

func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }
