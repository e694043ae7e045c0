package shopapi

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var (
	epHomepageBackgroundSubmit = ep("/channels/ec/basics/homepage/background/apply/submit")
	epHomepageBackgroundCancel = ep("/channels/ec/basics/homepage/background/apply/cancel")
	epHomepageBackgroundGet    = ep("/channels/ec/basics/homepage/background/get")
	epHomepageBackgroundRemove = ep("/channels/ec/basics/homepage/background/remove")
	epHomepageBannerSubmit     = ep("/channels/ec/basics/homepage/banner/apply/submit")
	epHomepageBannerCancel     = ep("/channels/ec/basics/homepage/banner/apply/cancel")
	epHomepageBannerGet        = ep("/channels/ec/basics/homepage/banner/get")
	epHomepageBannerRemove     = ep("/channels/ec/basics/homepage/banner/remove")
	epHomepageTreeGet          = ep("/channels/ec/store/classification/tree/get")
	epHomepageTreeSet          = ep("/channels/ec/store/classification/tree/set")
	epHomepageTreeProductAdd   = ep("/channels/ec/store/classification/tree/product/add")
	epHomepageTreeProductDel   = ep("/channels/ec/store/classification/tree/product/del")
	epHomepageTreeProductGet   = ep("/channels/ec/store/classification/tree/product/get")
	epHomepageWindowList       = ep("/channels/ec/store/window/product/list/get")
	epHomepageWindowHide       = ep("/channels/ec/store/window/product/hide")
	epHomepageWindowReorder    = ep("/channels/ec/store/window/product/reorder")
	epHomepageWindowSetTop     = ep("/channels/ec/store/window/product/settop")
)

// HomepageApplyState is the state of a homepage application (申请状态) for
// a background or the banners: the get endpoints return only applications
// in flow, never approved or cancelled ones.
type HomepageApplyState int

// Homepage application states.
const (
	HomepageApplyAuditing HomepageApplyState = 1 // 审核中
	HomepageApplyRejected HomepageApplyState = 2 // 审核驳回
)

// String returns the state's name.
func (s HomepageApplyState) String() string {
	switch s {
	case HomepageApplyAuditing:
		return "auditing"
	case HomepageApplyRejected:
		return "rejected"
	}
	return fmt.Sprintf("HomepageApplyState(%d)", int(s))
}

// HomepageBackgroundApply is a background application in flow (流程中的申请).
type HomepageBackgroundApply struct {
	ApplyID int64              `json:"apply_id"`
	State   HomepageApplyState `json:"state"`
	// AuditDesc is the reviewer's reason when State is rejected.
	AuditDesc string `json:"audit_desc,omitempty"`
	ImgURL    string `json:"img_url"`
}

// HomepageBackground is the homepage background (主页背景图): the image in
// force and the application in flow, if any.
type HomepageBackground struct {
	// ImgURL is the background in force ("" when there is none).
	ImgURL string                   `json:"img_url,omitempty"`
	Apply  *HomepageBackgroundApply `json:"apply,omitempty"`
}

type homepageApplyIDBody struct {
	ApplyID int64 `json:"apply_id"`
}

type homepageApplyIDAnswer struct {
	ApplyID int64 `json:"apply_id"`
}

func homepageApplyIDCheck(applyID int64) error {
	if applyID <= 0 {
		return vcart.NewValidationError([]vcart.FieldError{{Field: "apply_id", Code: "required", Msg: "must be a positive application id"}})
	}
	return nil
}

// SubmitBackground submits a homepage background image (提交背景图申请) for
// review and returns the application id; once approved the image is shown
// on the shop's homepage. imgURL should be an image uploaded with the
// media upload (a mmecimage.cn address). Not idempotent: after an
// ambiguous failure, read [HomepageService.Background] before submitting
// again.
//
// WeChat API: POST /channels/ec/basics/homepage/background/apply/submit
func (s *HomepageService) SubmitBackground(ctx context.Context, imgURL string) (int64, *Response, error) {
	if strings.TrimSpace(imgURL) == "" {
		return 0, nil, errorf("submit homepage background", vcart.NewValidationError([]vcart.FieldError{{Field: "img_url", Code: "required", Msg: "must not be empty"}}))
	}
	body := struct {
		ImgURL string `json:"img_url"`
	}{imgURL}
	var out homepageApplyIDAnswer
	resp, err := s.client.call(ctx, &request{ep: epHomepageBackgroundSubmit, body: body}, &out)
	if err != nil {
		return 0, resp, errorf("submit homepage background", err)
	}
	return out.ApplyID, resp, nil
}

// CancelBackgroundApply withdraws a background application in flow
// (撤销主页背景图申请); the background in force stays.
//
// WeChat API: POST /channels/ec/basics/homepage/background/apply/cancel
func (s *HomepageService) CancelBackgroundApply(ctx context.Context, applyID int64) (*Response, error) {
	if err := homepageApplyIDCheck(applyID); err != nil {
		return nil, errorf("cancel homepage background apply", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epHomepageBackgroundCancel, body: homepageApplyIDBody{applyID}}, &struct{}{})
	if err != nil {
		return resp, errorf("cancel homepage background apply", err)
	}
	return resp, nil
}

// Background returns the background in force and the application in flow
// (查询背景图).
//
// WeChat API: POST /channels/ec/basics/homepage/background/get
func (s *HomepageService) Background(ctx context.Context) (*HomepageBackground, *Response, error) {
	var out HomepageBackground
	resp, err := s.client.call(ctx, &request{ep: epHomepageBackgroundGet, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get homepage background", err)
	}
	return &out, resp, nil
}

// RemoveBackground clears the background in force and withdraws the
// application in flow (清空主页背景图并撤销流程中的申请).
//
// WeChat API: POST /channels/ec/basics/homepage/background/remove
func (s *HomepageService) RemoveBackground(ctx context.Context) (*Response, error) {
	resp, err := s.client.call(ctx, &request{ep: epHomepageBackgroundRemove, body: struct{}{}}, &struct{}{})
	if err != nil {
		return resp, errorf("remove homepage background", err)
	}
	return resp, nil
}

// BannerType is what a featured slot (精选展示位) shows.
type BannerType int

// Featured slot types.
const (
	BannerProduct         BannerType = 1 // 商品
	BannerFinderFeed      BannerType = 3 // 视频号视频
	BannerOfficialAccount BannerType = 4 // 公众号文章
)

// String returns the type's name.
func (t BannerType) String() string {
	switch t {
	case BannerProduct:
		return "product"
	case BannerFinderFeed:
		return "finder_feed"
	case BannerOfficialAccount:
		return "official_account"
	}
	return fmt.Sprintf("BannerType(%d)", int(t))
}

// BannerScale is the featured slots' display style (展示样式).
type BannerScale int

// Featured slot styles.
const (
	BannerSmall BannerScale = 1 // 小图模式
	BannerLarge BannerScale = 2 // 大图模式
)

// String returns the style's name.
func (s BannerScale) String() string {
	switch s {
	case BannerSmall:
		return "small"
	case BannerLarge:
		return "large"
	}
	return fmt.Sprintf("BannerScale(%d)", int(s))
}

// BannerProductRef is a featured product.
type BannerProductRef struct {
	ProductID ID `json:"product_id"`
}

// BannerFinderRef is a featured channel video (视频号视频).
type BannerFinderRef struct {
	FeedID         string `json:"feed_id"`
	FinderUserName string `json:"finder_user_name"`
}

// BannerOfficialAccountRef is a featured official-account article
// (公众号文章).
type BannerOfficialAccountRef struct {
	URL string `json:"url"`
}

// BannerDisplay is what the slot shows: its image, title and description.
type BannerDisplay struct {
	ImgURL      string `json:"img_url"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

// BannerItem is one featured slot (精选展示位): Type says which of
// Product, Finder and OfficialAccount is set.
type BannerItem struct {
	Type            BannerType                `json:"type"`
	Product         *BannerProductRef         `json:"product,omitempty"`
	Finder          *BannerFinderRef          `json:"finder,omitempty"`
	OfficialAccount *BannerOfficialAccountRef `json:"official_account,omitempty"`
	Banner          BannerDisplay             `json:"banner"`
}

// Banner is the homepage's featured slots.
type Banner struct {
	Scale  BannerScale  `json:"scale"`
	Banner []BannerItem `json:"banner"`
}

// BannerApplyItem is one slot of an application with its review result.
type BannerApplyItem struct {
	AuditState HomepageApplyState `json:"audit_state"`
	AuditDesc  string             `json:"audit_desc,omitempty"`
	Banner     BannerItem         `json:"banner"`
}

// BannerApply is a featured-slots application in flow.
type BannerApply struct {
	ApplyID int64              `json:"apply_id"`
	State   HomepageApplyState `json:"state"`
	Scale   BannerScale        `json:"scale"`
	Banner  []BannerApplyItem  `json:"banner"`
}

// HomepageBanner is the featured slots in force and the application in
// flow, if any.
type HomepageBanner struct {
	Banner *Banner      `json:"banner,omitempty"`
	Apply  *BannerApply `json:"apply,omitempty"`
}

func (b *Banner) validate() error {
	if b == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	if b.Scale != BannerSmall && b.Scale != BannerLarge {
		p = append(p, vcart.FieldError{Field: "banner.scale", Code: "enum", Msg: "must be 1 (small) or 2 (large)"})
	}
	if len(b.Banner) == 0 {
		p = append(p, vcart.FieldError{Field: "banner.banner", Code: "required", Msg: "must list at least one slot"})
	}
	for i, it := range b.Banner {
		f := fmt.Sprintf("banner.banner[%d]", i)
		switch it.Type {
		case BannerProduct:
			if it.Product == nil || it.Product.ProductID == "" {
				p = append(p, vcart.FieldError{Field: f + ".product.product_id", Code: "required", Msg: "a product slot needs a product_id"})
			}
		case BannerFinderFeed:
			if it.Finder == nil || it.Finder.FeedID == "" || it.Finder.FinderUserName == "" {
				p = append(p, vcart.FieldError{Field: f + ".finder", Code: "required", Msg: "a video slot needs feed_id and finder_user_name"})
			}
		case BannerOfficialAccount:
			if it.OfficialAccount == nil || it.OfficialAccount.URL == "" {
				p = append(p, vcart.FieldError{Field: f + ".official_account.url", Code: "required", Msg: "an article slot needs a url"})
			}
		default:
			p = append(p, vcart.FieldError{Field: f + ".type", Code: "enum", Msg: "must be 1 (product), 3 (video) or 4 (article)"})
		}
	}
	return vcart.NewValidationError(p)
}

// SubmitBanner submits the homepage's featured slots (提交精选展示位申请)
// for review and returns the application id; once approved they replace
// the slots in force. Not idempotent: after an ambiguous failure read
// [HomepageService.Banner] before submitting again.
//
// WeChat API: POST /channels/ec/basics/homepage/banner/apply/submit
func (s *HomepageService) SubmitBanner(ctx context.Context, b *Banner) (int64, *Response, error) {
	if err := b.validate(); err != nil {
		return 0, nil, errorf("submit homepage banner", err)
	}
	body := struct {
		Banner *Banner `json:"banner"`
	}{b}
	var out homepageApplyIDAnswer
	resp, err := s.client.call(ctx, &request{ep: epHomepageBannerSubmit, body: body}, &out)
	if err != nil {
		return 0, resp, errorf("submit homepage banner", err)
	}
	return out.ApplyID, resp, nil
}

// CancelBannerApply withdraws a featured-slots application in flow
// (撤销精选展示位申请); the slots in force stay.
//
// WeChat API: POST /channels/ec/basics/homepage/banner/apply/cancel
func (s *HomepageService) CancelBannerApply(ctx context.Context, applyID int64) (*Response, error) {
	if err := homepageApplyIDCheck(applyID); err != nil {
		return nil, errorf("cancel homepage banner apply", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epHomepageBannerCancel, body: homepageApplyIDBody{applyID}}, &struct{}{})
	if err != nil {
		return resp, errorf("cancel homepage banner apply", err)
	}
	return resp, nil
}

// Banner returns the featured slots in force and the application in flow
// (查询精选展示位).
//
// WeChat API: POST /channels/ec/basics/homepage/banner/get
func (s *HomepageService) Banner(ctx context.Context) (*HomepageBanner, *Response, error) {
	var out HomepageBanner
	resp, err := s.client.call(ctx, &request{ep: epHomepageBannerGet, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get homepage banner", err)
	}
	return &out, resp, nil
}

// RemoveBanner clears the featured slots in force and withdraws the
// application in flow (清空精选展示位并撤销流程中的申请).
//
// WeChat API: POST /channels/ec/basics/homepage/banner/remove
func (s *HomepageService) RemoveBanner(ctx context.Context) (*Response, error) {
	resp, err := s.client.call(ctx, &request{ep: epHomepageBannerRemove, body: struct{}{}}, &struct{}{})
	if err != nil {
		return resp, errorf("remove homepage banner", err)
	}
	return resp, nil
}

// ClassificationNode is a node of the homepage's product classification
// tree (店铺主页商品分类): a first-level node carries its Level2 children.
// IsDisplayed is a boolean in tree/get's example and 0/1 in tree/set's
// field table and example: both decode, and [HomepageService.SetTree]
// sends 0/1.
type ClassificationNode struct {
	ID          int64                `json:"id"`
	Name        string               `json:"name"`
	IsDisplayed Bool                 `json:"is_displayed"`
	Level2      []ClassificationNode `json:"level_2,omitempty"`
}

// ClassificationTree is the two-level tree.
type ClassificationTree struct {
	Level1 []ClassificationNode `json:"level_1"`
}

// ClassificationTreeVersion is the tree with its version, which
// [HomepageService.SetTree] needs.
type ClassificationTreeVersion struct {
	Tree    ClassificationTree `json:"tree"`
	Version int64              `json:"version"`
}

// ClassificationAuditResult is the review of a node's name.
type ClassificationAuditResult struct {
	LevelID int64 `json:"level_id"`
	// ResultCode is 1 not passed, 2 passed (审核结果).
	ResultCode int `json:"result_code"`
}

// Passed reports whether the name passed review.
func (r ClassificationAuditResult) Passed() bool { return r.ResultCode == 2 }

// ClassificationSetResult is tree/set's answer: the new version and the
// review of every node.
type ClassificationSetResult struct {
	Version      int64                       `json:"version"`
	AuditResults []ClassificationAuditResult `json:"audit_results"`
}

// Limits of the classification tree (the set page's notes).
const (
	ClassificationMaxPerLevel = 20 // 每一级分类支持设置最多20个分类
	ClassificationMaxName     = 20 // 分类名字不能超过20个字符
)

// Tree returns the classification tree shown on the homepage and its
// version (获取在店铺主页展示的商品分类).
//
// WeChat API: POST /channels/ec/store/classification/tree/get
func (s *HomepageService) Tree(ctx context.Context) (*ClassificationTreeVersion, *Response, error) {
	var out struct {
		Resp ClassificationTreeVersion `json:"resp"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHomepageTreeGet, body: struct{}{}}, &out)
	if err != nil {
		return nil, resp, errorf("get classification tree", err)
	}
	return &out.Resp, resp, nil
}

// wire form of a node for tree/set: is_displayed as 0/1.
type classificationSetNode struct {
	ID          int64                   `json:"id"`
	Name        string                  `json:"name"`
	IsDisplayed int                     `json:"is_displayed"`
	Level2      []classificationSetNode `json:"level_2,omitempty"`
}

type classificationSetTree struct {
	Level1 []classificationSetNode `json:"level_1"`
}

type classificationSetReq struct {
	Version   int64                 `json:"version"`
	DeleteIDs []string              `json:"classification_id_deleted,omitempty"`
	Tree      classificationSetTree `json:"tree"`
}

func toSetNodes(in []ClassificationNode) []classificationSetNode {
	if in == nil {
		return nil
	}
	out := make([]classificationSetNode, len(in))
	for i, n := range in {
		d := 0
		if n.IsDisplayed {
			d = 1
		}
		out[i] = classificationSetNode{ID: n.ID, Name: n.Name, IsDisplayed: d, Level2: toSetNodes(n.Level2)}
	}
	return out
}

// ValidateClassificationTree checks the set page's rules: at most 20 nodes
// per level, two levels, ids unique in the tree, names of 1 to 20
// characters, and a hidden first-level node's children hidden too. It
// returns every problem.
func ValidateClassificationTree(t *ClassificationTree) error {
	if t == nil {
		return errNilRequest()
	}
	var p []vcart.FieldError
	seen := map[int64]bool{}
	check := func(f string, n ClassificationNode) {
		if seen[n.ID] {
			p = append(p, vcart.FieldError{Field: f + ".id", Code: "unique", Msg: fmt.Sprintf("id %d appears twice in the tree", n.ID)})
		}
		seen[n.ID] = true
		if l := utf8.RuneCountInString(n.Name); l == 0 || l > ClassificationMaxName {
			p = append(p, vcart.FieldError{Field: f + ".name", Code: "length", Msg: "must have 1 to 20 characters"})
		}
	}
	if len(t.Level1) > ClassificationMaxPerLevel {
		p = append(p, vcart.FieldError{Field: "tree.level_1", Code: "max", Msg: "at most 20 nodes"})
	}
	for i, n := range t.Level1 {
		f := fmt.Sprintf("tree.level_1[%d]", i)
		check(f, n)
		if len(n.Level2) > ClassificationMaxPerLevel {
			p = append(p, vcart.FieldError{Field: f + ".level_2", Code: "max", Msg: "at most 20 nodes"})
		}
		for j, c := range n.Level2 {
			g := fmt.Sprintf("%s.level_2[%d]", f, j)
			check(g, c)
			if len(c.Level2) > 0 {
				p = append(p, vcart.FieldError{Field: g + ".level_2", Code: "depth", Msg: "the tree has two levels"})
			}
			if !n.IsDisplayed && c.IsDisplayed {
				p = append(p, vcart.FieldError{Field: g + ".is_displayed", Code: "hidden_parent", Msg: "a hidden first-level node's children must be hidden"})
			}
		}
	}
	return vcart.NewValidationError(p)
}

// SetTree replaces the classification tree (设置展示在店铺主页的商品分类).
// version is the one [HomepageService.Tree] (or the last SetTree) returned.
// deleteIDs names the nodes whose product links are cleared: "1" for a
// first-level node, "1.2" for a second-level one (links otherwise outlive
// a node). The platform reviews the names: see the result's AuditResults.
//
// WeChat API: POST /channels/ec/store/classification/tree/set
func (s *HomepageService) SetTree(ctx context.Context, version int64, t *ClassificationTree, deleteIDs []string) (*ClassificationSetResult, *Response, error) {
	if err := ValidateClassificationTree(t); err != nil {
		return nil, nil, errorf("set classification tree", err)
	}
	body := struct {
		Req classificationSetReq `json:"req"`
	}{classificationSetReq{Version: version, DeleteIDs: deleteIDs, Tree: classificationSetTree{Level1: toSetNodes(t.Level1)}}}
	if body.Req.Tree.Level1 == nil {
		body.Req.Tree.Level1 = []classificationSetNode{}
	}
	var out struct {
		Resp ClassificationSetResult `json:"resp"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHomepageTreeSet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("set classification tree", err)
	}
	return &out.Resp, resp, nil
}

// ClassificationRef names a node: Level2ID 0 is the first-level node
// itself.
type ClassificationRef struct {
	Level1ID int64 `json:"level_1_id"`
	Level2ID int64 `json:"level_2_id"`
}

type classificationProductsReq struct {
	ClassificationRef
	ProductIDs []ID `json:"product_ids"`
}

func (s *HomepageService) treeProducts(ctx context.Context, e endpoint, op string, node ClassificationRef, productIDs []ID) (*Response, error) {
	var p []vcart.FieldError
	if node.Level1ID <= 0 {
		p = append(p, vcart.FieldError{Field: "req.level_1_id", Code: "required", Msg: "must name a first-level node"})
	}
	if len(productIDs) == 0 {
		p = append(p, vcart.FieldError{Field: "req.product_ids", Code: "required", Msg: "must list at least one product"})
	}
	for i, id := range productIDs {
		if id == "" {
			p = append(p, vcart.FieldError{Field: fmt.Sprintf("req.product_ids[%d]", i), Code: "required", Msg: "must not be empty"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf(op, err)
	}
	body := struct {
		Req classificationProductsReq `json:"req"`
	}{classificationProductsReq{node, productIDs}}
	resp, err := s.client.call(ctx, &request{ep: e, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf(op, err)
	}
	return resp, nil
}

// AddTreeProducts links products to a node (添加分类关联的商品).
//
// WeChat API: POST /channels/ec/store/classification/tree/product/add
func (s *HomepageService) AddTreeProducts(ctx context.Context, node ClassificationRef, productIDs []ID) (*Response, error) {
	return s.treeProducts(ctx, epHomepageTreeProductAdd, "add classification products", node, productIDs)
}

// RemoveTreeProducts unlinks products from a node (删除分类关联的商品).
//
// WeChat API: POST /channels/ec/store/classification/tree/product/del
func (s *HomepageService) RemoveTreeProducts(ctx context.Context, node ClassificationRef, productIDs []ID) (*Response, error) {
	return s.treeProducts(ctx, epHomepageTreeProductDel, "remove classification products", node, productIDs)
}

// ClassificationProducts is one page of a node's product ids.
type ClassificationProducts struct {
	ProductIDs []ID  `json:"product_ids"`
	TotalCount int64 `json:"total_count"`
	// PageContext is the cursor of the next page ("" at the end).
	PageContext string `json:"page_context"`
}

// TreeProducts returns a page of the products linked to a node
// (获取分类关联的商品ID列表), from the cursor pageContext ("" starts).
//
// WeChat API: POST /channels/ec/store/classification/tree/product/get
func (s *HomepageService) TreeProducts(ctx context.Context, node ClassificationRef, pageSize int, pageContext string) (*ClassificationProducts, *Response, error) {
	var p []vcart.FieldError
	if node.Level1ID <= 0 {
		p = append(p, vcart.FieldError{Field: "req.level_1_id", Code: "required", Msg: "must name a first-level node"})
	}
	if pageSize < 1 {
		p = append(p, vcart.FieldError{Field: "req.page_size", Code: "range", Msg: "must be at least 1"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("list classification products", err)
	}
	body := struct {
		Req struct {
			ClassificationRef
			PageSize    int    `json:"page_size"`
			PageContext string `json:"page_context"`
		} `json:"req"`
	}{}
	body.Req.ClassificationRef, body.Req.PageSize, body.Req.PageContext = node, pageSize, pageContext
	var out struct {
		Resp ClassificationProducts `json:"resp"`
	}
	resp, err := s.client.call(ctx, &request{ep: epHomepageTreeProductGet, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list classification products", err)
	}
	return &out.Resp, resp, nil
}

// TreeProductsPage is the page size [HomepageService.TreeProductsIter]
// asks for.
const TreeProductsPage = 50

// TreeProductsIter iterates over every product id linked to a node.
//
// WeChat API: POST /channels/ec/store/classification/tree/product/get
func (s *HomepageService) TreeProductsIter(ctx context.Context, node ClassificationRef) iter.Seq2[ID, error] {
	return paginate(ctx, "", func(ctx context.Context, key string) ([]ID, string, error) {
		pg, _, err := s.TreeProducts(ctx, node, TreeProductsPage, key)
		if err != nil {
			return nil, "", err
		}
		return pg.ProductIDs, pg.PageContext, nil
	})
}

// HomepageProduct is a product shown on the homepage (主页展示商品): only
// listed products (上架中) appear.
type HomepageProduct struct {
	ProductID ID `json:"product_id"`
	// IsSetHide hides the product on the homepage only (not delisted);
	// IsSetTop pins it first. Both are 0/1 numbers on the wire.
	IsSetHide int `json:"is_set_hide"`
	IsSetTop  int `json:"is_set_top"`
}

// Hidden reports is_set_hide.
func (p HomepageProduct) Hidden() bool { return p.IsSetHide == 1 }

// Top reports is_set_top.
func (p HomepageProduct) Top() bool { return p.IsSetTop == 1 }

// WindowProducts is one page of the homepage's products.
type WindowProducts struct {
	Products []HomepageProduct `json:"products"`
	NextKey  string            `json:"next_key"`
	TotalNum int64             `json:"total_num"`
}

// WindowMaxPage is the largest page_size of window/product/list/get
// (不超过30).
const WindowMaxPage = 30

// WindowProducts returns a page of the products shown on the homepage
// (获取主页展示商品列表), in display order, from the cursor nextKey.
//
// WeChat API: POST /channels/ec/store/window/product/list/get
func (s *HomepageService) WindowProducts(ctx context.Context, pageSize int, nextKey string) (*WindowProducts, *Response, error) {
	if pageSize < 1 || pageSize > WindowMaxPage {
		return nil, nil, errorf("list homepage products", vcart.NewValidationError([]vcart.FieldError{{Field: "page_size", Code: "range", Msg: "must be 1 to 30"}}))
	}
	body := struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key,omitempty"`
	}{pageSize, nextKey}
	var out WindowProducts
	resp, err := s.client.call(ctx, &request{ep: epHomepageWindowList, body: body}, &out)
	if err != nil {
		return nil, resp, errorf("list homepage products", err)
	}
	return &out, resp, nil
}

// WindowProductsIter iterates over every product shown on the homepage, in
// display order.
//
// WeChat API: POST /channels/ec/store/window/product/list/get
func (s *HomepageService) WindowProductsIter(ctx context.Context) iter.Seq2[HomepageProduct, error] {
	return paginate(ctx, "", func(ctx context.Context, key string) ([]HomepageProduct, string, error) {
		pg, _, err := s.WindowProducts(ctx, WindowMaxPage, key)
		if err != nil {
			return nil, "", err
		}
		if len(pg.Products) < WindowMaxPage {
			return pg.Products, "", nil
		}
		return pg.Products, pg.NextKey, nil
	})
}

func windowProductCheck(productID ID) error {
	if strings.TrimSpace(string(productID)) == "" {
		return vcart.NewValidationError([]vcart.FieldError{{Field: "product_id", Code: "required", Msg: "must not be empty"}})
	}
	return nil
}

func flag01(b bool) int {
	if b {
		return 1
	}
	return 0
}

// HideWindowProduct hides a product on the homepage or shows it again
// (隐藏小店主页商品); a hidden product stays listed.
//
// WeChat API: POST /channels/ec/store/window/product/hide
func (s *HomepageService) HideWindowProduct(ctx context.Context, productID ID, hide bool) (*Response, error) {
	if err := windowProductCheck(productID); err != nil {
		return nil, errorf("hide homepage product", err)
	}
	body := struct {
		ProductID ID  `json:"product_id"`
		IsSetHide int `json:"is_set_hide"`
	}{productID, flag01(hide)}
	resp, err := s.client.call(ctx, &request{ep: epHomepageWindowHide, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("hide homepage product "+string(productID), err)
	}
	return resp, nil
}

// SetTopWindowProduct pins a product first on the homepage or unpins it
// (置顶小店主页商品).
//
// WeChat API: POST /channels/ec/store/window/product/settop
func (s *HomepageService) SetTopWindowProduct(ctx context.Context, productID ID, top bool) (*Response, error) {
	if err := windowProductCheck(productID); err != nil {
		return nil, errorf("pin homepage product", err)
	}
	body := struct {
		ProductID ID  `json:"product_id"`
		IsSetTop  int `json:"is_set_top"`
	}{productID, flag01(top)}
	resp, err := s.client.call(ctx, &request{ep: epHomepageWindowSetTop, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("pin homepage product "+string(productID), err)
	}
	return resp, nil
}

// ReorderWindowProduct moves a product to position index (重新排序主页展示商品).
// The fake counts positions from 1, as the page's example (index_num 1).
//
// WeChat API: POST /channels/ec/store/window/product/reorder
func (s *HomepageService) ReorderWindowProduct(ctx context.Context, productID ID, index int) (*Response, error) {
	var p []vcart.FieldError
	if strings.TrimSpace(string(productID)) == "" {
		p = append(p, vcart.FieldError{Field: "product_id", Code: "required", Msg: "must not be empty"})
	}
	if index < 0 {
		p = append(p, vcart.FieldError{Field: "index_num", Code: "range", Msg: "must not be negative"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("reorder homepage product", err)
	}
	body := struct {
		ProductID ID  `json:"product_id"`
		IndexNum  int `json:"index_num"`
	}{productID, index}
	resp, err := s.client.call(ctx, &request{ep: epHomepageWindowReorder, body: body}, &struct{}{})
	if err != nil {
		return resp, errorf("reorder homepage product "+string(productID), err)
	}
	return resp, nil
}
