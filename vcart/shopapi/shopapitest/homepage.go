package shopapitest

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// homepageRoutes returns the shop homepage endpoints (店铺主页): background,
// featured slots, product classification and the homepage's products.
func homepageRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/background/apply/submit", h: (*Server).hHomepageBackgroundSubmit},
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/background/apply/cancel", h: (*Server).hHomepageBackgroundCancel},
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/background/get", h: (*Server).hHomepageBackgroundGet},
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/background/remove", h: (*Server).hHomepageBackgroundRemove},
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/banner/apply/submit", h: (*Server).hHomepageBannerSubmit},
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/banner/apply/cancel", h: (*Server).hHomepageBannerCancel},
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/banner/get", h: (*Server).hHomepageBannerGet},
		{method: http.MethodPost, path: "/channels/ec/basics/homepage/banner/remove", h: (*Server).hHomepageBannerRemove},
		{method: http.MethodPost, path: "/channels/ec/store/classification/tree/get", h: (*Server).hHomepageTreeGet},
		{method: http.MethodPost, path: "/channels/ec/store/classification/tree/set", h: (*Server).hHomepageTreeSet},
		{method: http.MethodPost, path: "/channels/ec/store/classification/tree/product/add", h: (*Server).hHomepageTreeProductAdd},
		{method: http.MethodPost, path: "/channels/ec/store/classification/tree/product/del", h: (*Server).hHomepageTreeProductDel},
		{method: http.MethodPost, path: "/channels/ec/store/classification/tree/product/get", h: (*Server).hHomepageTreeProductGet},
		{method: http.MethodPost, path: "/channels/ec/store/window/product/list/get", h: (*Server).hHomepageWindowList},
		{method: http.MethodPost, path: "/channels/ec/store/window/product/hide", h: (*Server).hHomepageWindowHide},
		{method: http.MethodPost, path: "/channels/ec/store/window/product/settop", h: (*Server).hHomepageWindowSetTop},
		{method: http.MethodPost, path: "/channels/ec/store/window/product/reorder", h: (*Server).hHomepageWindowReorder},
	}
}

// homepageState is the homepage: what is in force, the applications in
// flow (the fake plays the reviewer: [Server.ApproveHomepageBackground]
// and friends), the classification tree with its product links, and the
// homepage's product order, pins and hidden products.
type homepageState struct {
	applySeq int64

	bgImg   string
	bgApply *shopapi.HomepageBackgroundApply

	banner      *shopapi.Banner
	bannerApply *shopapi.BannerApply

	tree    shopapi.ClassificationTree
	version int64
	links   map[string][]string // "l1" or "l1.l2" → product ids

	order  []string // display order of the listed products
	pinned []string // pinned products, most recent first
	hidden map[string]bool
}

func (s *Server) homepage() *homepageState {
	return stateOf(s, "homepage", func() *homepageState {
		return &homepageState{version: 1, links: map[string][]string{}, hidden: map[string]bool{}}
	})
}

// ErrNoHomepageApply is returned by the homepage reviewer methods when no
// application is in review.
var ErrNoHomepageApply = errors.New("shopapitest: no homepage application in review")

func (s *Server) hHomepageBackgroundSubmit(c *call) (any, error) {
	var b struct {
		ImgURL string `json:"img_url"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if strings.TrimSpace(b.ImgURL) == "" {
		return nil, apiErr(shopapi.CodeBadParams, "img_url is required")
	}
	h := s.homepage()
	h.applySeq++
	// A new application replaces the one in flow.
	h.bgApply = &shopapi.HomepageBackgroundApply{ApplyID: h.applySeq, State: shopapi.HomepageApplyAuditing, ImgURL: b.ImgURL}
	id := h.applySeq
	if s.autoAudit {
		h.bgImg, h.bgApply = b.ImgURL, nil
	}
	return struct {
		ApplyID int64 `json:"apply_id"`
	}{id}, nil
}

// homepageCancel checks an apply_id against the application in flow.
func homepageCancel(c *call, inFlow func(id int64) (found, auditing bool)) error {
	var b struct {
		ApplyID int64 `json:"apply_id"`
	}
	if err := c.decode(&b); err != nil {
		return err
	}
	if b.ApplyID == 0 {
		return apiErr(shopapi.CodeHomepageApplyIDEmpty, "apply_id is empty")
	}
	found, auditing := inFlow(b.ApplyID)
	switch {
	case !found:
		return apiErr(shopapi.CodeHomepageApplyNotFound, "application not found")
	case !auditing:
		return apiErr(shopapi.CodeHomepageApplyNotInFlow, "only an application in flow can be cancelled")
	}
	return nil
}

func (s *Server) hHomepageBackgroundCancel(c *call) (any, error) {
	h := s.homepage()
	err := homepageCancel(c, func(id int64) (bool, bool) {
		a := h.bgApply
		return a != nil && a.ApplyID == id, a != nil && a.State == shopapi.HomepageApplyAuditing
	})
	if err != nil {
		return nil, err
	}
	h.bgApply = nil
	return nil, nil
}

func (s *Server) hHomepageBackgroundGet(c *call) (any, error) {
	h := s.homepage()
	out := shopapi.HomepageBackground{ImgURL: h.bgImg}
	if h.bgApply != nil {
		a := *h.bgApply
		out.Apply = &a
	}
	return out, nil
}

func (s *Server) hHomepageBackgroundRemove(c *call) (any, error) {
	h := s.homepage()
	h.bgImg, h.bgApply = "", nil
	return nil, nil
}

// ApproveHomepageBackground passes the background application in review
// (审核通过): its image is in force from now on.
func (s *Server) ApproveHomepageBackground() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.homepage()
	if h.bgApply == nil || h.bgApply.State != shopapi.HomepageApplyAuditing {
		return ErrNoHomepageApply
	}
	h.bgImg, h.bgApply = h.bgApply.ImgURL, nil
	return nil
}

// RejectHomepageBackground rejects the background application in review
// with the reviewer's reason (审核驳回): background/get shows it with state
// 2 until it is cancelled, removed or replaced.
func (s *Server) RejectHomepageBackground(reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.homepage()
	if h.bgApply == nil || h.bgApply.State != shopapi.HomepageApplyAuditing {
		return ErrNoHomepageApply
	}
	h.bgApply.State, h.bgApply.AuditDesc = shopapi.HomepageApplyRejected, reason
	return nil
}

// checkBanner answers the platform's bad-parameter errcode for a slot
// that does not carry what its type needs; a product slot needs a product
// of the shop.
func (s *Server) checkBanner(b *shopapi.Banner) error {
	if b == nil || len(b.Banner) == 0 {
		return apiErr(shopapi.CodeBadParams, "banner is required")
	}
	if b.Scale != shopapi.BannerSmall && b.Scale != shopapi.BannerLarge {
		return apiErr(shopapi.CodeBadParams, "invalid scale")
	}
	for _, it := range b.Banner {
		switch it.Type {
		case shopapi.BannerProduct:
			if it.Product == nil {
				return apiErr(shopapi.CodeBadParams, "product is required")
			}
			if _, ok := s.products[string(it.Product.ProductID)]; !ok {
				return apiErr(shopapi.CodeProductNotFound, "product not found")
			}
		case shopapi.BannerFinderFeed:
			if it.Finder == nil || it.Finder.FeedID == "" {
				return apiErr(shopapi.CodeBadParams, "finder is required")
			}
		case shopapi.BannerOfficialAccount:
			if it.OfficialAccount == nil || it.OfficialAccount.URL == "" {
				return apiErr(shopapi.CodeBadParams, "official_account is required")
			}
		default:
			return apiErr(shopapi.CodeBadParams, "invalid banner type")
		}
	}
	return nil
}

func (s *Server) hHomepageBannerSubmit(c *call) (any, error) {
	var b struct {
		Banner *shopapi.Banner `json:"banner"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if err := s.checkBanner(b.Banner); err != nil {
		return nil, err
	}
	h := s.homepage()
	h.applySeq++
	a := &shopapi.BannerApply{ApplyID: h.applySeq, State: shopapi.HomepageApplyAuditing, Scale: b.Banner.Scale}
	for _, it := range b.Banner.Banner {
		a.Banner = append(a.Banner, shopapi.BannerApplyItem{AuditState: shopapi.HomepageApplyAuditing, Banner: it})
	}
	h.bannerApply = a
	if s.autoAudit {
		approveBanner(h)
	}
	return struct {
		ApplyID int64 `json:"apply_id"`
	}{a.ApplyID}, nil
}

func approveBanner(h *homepageState) {
	a := h.bannerApply
	b := &shopapi.Banner{Scale: a.Scale}
	for _, it := range a.Banner {
		b.Banner = append(b.Banner, it.Banner)
	}
	h.banner, h.bannerApply = b, nil
}

func (s *Server) hHomepageBannerCancel(c *call) (any, error) {
	h := s.homepage()
	err := homepageCancel(c, func(id int64) (bool, bool) {
		a := h.bannerApply
		return a != nil && a.ApplyID == id, a != nil && a.State == shopapi.HomepageApplyAuditing
	})
	if err != nil {
		return nil, err
	}
	h.bannerApply = nil
	return nil, nil
}

func (s *Server) hHomepageBannerGet(c *call) (any, error) {
	h := s.homepage()
	var out shopapi.HomepageBanner
	if h.banner != nil {
		b := *h.banner
		b.Banner = slices.Clone(b.Banner)
		out.Banner = &b
	}
	if h.bannerApply != nil {
		a := *h.bannerApply
		a.Banner = slices.Clone(a.Banner)
		out.Apply = &a
	}
	return out, nil
}

func (s *Server) hHomepageBannerRemove(c *call) (any, error) {
	h := s.homepage()
	h.banner, h.bannerApply = nil, nil
	return nil, nil
}

// ApproveHomepageBanner passes the featured-slots application in review:
// its slots replace the ones in force.
func (s *Server) ApproveHomepageBanner() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.homepage()
	if h.bannerApply == nil || h.bannerApply.State != shopapi.HomepageApplyAuditing {
		return ErrNoHomepageApply
	}
	approveBanner(h)
	return nil
}

// RejectHomepageBanner rejects the featured-slots application in review:
// the slot at index bad (from 0; -1 for every slot) gets the reason, and
// the application state 2.
func (s *Server) RejectHomepageBanner(bad int, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.homepage()
	a := h.bannerApply
	if a == nil || a.State != shopapi.HomepageApplyAuditing {
		return ErrNoHomepageApply
	}
	a.State = shopapi.HomepageApplyRejected
	for i := range a.Banner {
		if bad < 0 || i == bad {
			a.Banner[i].AuditState, a.Banner[i].AuditDesc = shopapi.HomepageApplyRejected, reason
		}
	}
	return nil
}

func (s *Server) hHomepageTreeGet(c *call) (any, error) {
	h := s.homepage()
	t := shopapi.ClassificationTree{Level1: []shopapi.ClassificationNode{}}
	for _, n := range h.tree.Level1 {
		n.Level2 = slices.Clone(n.Level2)
		t.Level1 = append(t.Level1, n)
	}
	return struct {
		Resp shopapi.ClassificationTreeVersion `json:"resp"`
	}{shopapi.ClassificationTreeVersion{Tree: t, Version: h.version}}, nil
}

// homepageBadName is a word the fake's reviewer refuses in a node name.
const homepageBadName = "最"

func (s *Server) hHomepageTreeSet(c *call) (any, error) {
	var b struct {
		Req struct {
			Version   int64                      `json:"version"`
			DeleteIDs []string                   `json:"classification_id_deleted"`
			Tree      shopapi.ClassificationTree `json:"tree"`
		} `json:"req"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	h := s.homepage()
	if b.Req.Version != h.version {
		return nil, apiErr(shopapi.CodeBadParams, "version is stale: get the tree again")
	}
	if err := shopapi.ValidateClassificationTree(&b.Req.Tree); err != nil {
		return nil, apiErr(shopapi.CodeBadParams, "invalid tree")
	}
	var results []shopapi.ClassificationAuditResult
	review := func(n shopapi.ClassificationNode) {
		code := 2
		if strings.Contains(n.Name, homepageBadName) {
			code = 1
		}
		results = append(results, shopapi.ClassificationAuditResult{LevelID: n.ID, ResultCode: code})
	}
	for _, n := range b.Req.Tree.Level1 {
		review(n)
		for _, c := range n.Level2 {
			review(c)
		}
	}
	for _, id := range b.Req.DeleteIDs {
		delete(h.links, id)
	}
	h.tree = b.Req.Tree
	h.version++
	return struct {
		Resp shopapi.ClassificationSetResult `json:"resp"`
	}{shopapi.ClassificationSetResult{Version: h.version, AuditResults: results}}, nil
}

// nodeKey returns the link key of a node ("1" or "1.2"), or the bad
// parameter errcode when the tree has no such node.
func (h *homepageState) nodeKey(ref shopapi.ClassificationRef) (string, error) {
	for _, n := range h.tree.Level1 {
		if n.ID != ref.Level1ID {
			continue
		}
		if ref.Level2ID == 0 {
			return strconv.FormatInt(n.ID, 10), nil
		}
		for _, c := range n.Level2 {
			if c.ID == ref.Level2ID {
				return strconv.FormatInt(n.ID, 10) + "." + strconv.FormatInt(c.ID, 10), nil
			}
		}
	}
	return "", apiErr(shopapi.CodeBadParams, "classification not found")
}

type treeProductsReq struct {
	Req struct {
		shopapi.ClassificationRef
		ProductIDs []shopapi.ID `json:"product_ids"`
	} `json:"req"`
}

func (s *Server) treeProductsFor(c *call) (string, []string, error) {
	var b treeProductsReq
	if err := c.decode(&b); err != nil {
		return "", nil, err
	}
	key, err := s.homepage().nodeKey(b.Req.ClassificationRef)
	if err != nil {
		return "", nil, err
	}
	if len(b.Req.ProductIDs) == 0 {
		return "", nil, apiErr(shopapi.CodeBadParams, "product_ids is required")
	}
	ids := make([]string, 0, len(b.Req.ProductIDs))
	for _, id := range b.Req.ProductIDs {
		if _, ok := s.products[string(id)]; !ok {
			return "", nil, apiErr(shopapi.CodeProductNotFound, "product "+string(id)+" not found")
		}
		ids = append(ids, string(id))
	}
	return key, ids, nil
}

func (s *Server) hHomepageTreeProductAdd(c *call) (any, error) {
	key, ids, err := s.treeProductsFor(c)
	if err != nil {
		return nil, err
	}
	h := s.homepage()
	for _, id := range ids {
		if !slices.Contains(h.links[key], id) {
			h.links[key] = append(h.links[key], id)
		}
	}
	return nil, nil
}

func (s *Server) hHomepageTreeProductDel(c *call) (any, error) {
	key, ids, err := s.treeProductsFor(c)
	if err != nil {
		return nil, err
	}
	h := s.homepage()
	h.links[key] = slices.DeleteFunc(h.links[key], func(id string) bool { return slices.Contains(ids, id) })
	return nil, nil
}

func (s *Server) hHomepageTreeProductGet(c *call) (any, error) {
	var b struct {
		Req struct {
			shopapi.ClassificationRef
			PageSize    int    `json:"page_size"`
			PageContext string `json:"page_context"`
		} `json:"req"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	h := s.homepage()
	key, err := h.nodeKey(b.Req.ClassificationRef)
	if err != nil {
		return nil, err
	}
	all := h.links[key]
	page, next, more, err := pageKey(all, b.Req.PageContext, b.Req.PageSize, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	if !more {
		next = ""
	}
	out := shopapi.ClassificationProducts{ProductIDs: []shopapi.ID{}, TotalCount: int64(len(all)), PageContext: next}
	for _, id := range page {
		out.ProductIDs = append(out.ProductIDs, shopapi.ID(id))
	}
	return struct {
		Resp shopapi.ClassificationProducts `json:"resp"`
	}{out}, nil
}

// windowOrder returns the homepage's listed products in display order:
// pinned products first (most recent pin first), then the others in the
// order set by reorder (new products last). s.mu is held.
func (s *Server) windowOrder() []string {
	h := s.homepage()
	listed := func(id string) bool {
		p, ok := s.products[id]
		return ok && p.status == shopapi.ProductStatusListed
	}
	h.order = slices.DeleteFunc(h.order, func(id string) bool { return !listed(id) })
	for _, id := range s.productOrder {
		if listed(id) && !slices.Contains(h.order, id) {
			h.order = append(h.order, id)
		}
	}
	h.pinned = slices.DeleteFunc(h.pinned, func(id string) bool { return !listed(id) })
	out := slices.Clone(h.pinned)
	for _, id := range h.order {
		if !slices.Contains(h.pinned, id) {
			out = append(out, id)
		}
	}
	return out
}

func (s *Server) hHomepageWindowList(c *call) (any, error) {
	var b struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids := s.windowOrder()
	page, next, more, err := pageKey(ids, b.NextKey, b.PageSize, shopapi.WindowMaxPage, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	if !more {
		next = ""
	}
	h := s.homepage()
	out := shopapi.WindowProducts{Products: []shopapi.HomepageProduct{}, NextKey: next, TotalNum: int64(len(ids))}
	for _, id := range page {
		wp := shopapi.HomepageProduct{ProductID: shopapi.ID(id)}
		if h.hidden[id] {
			wp.IsSetHide = 1
		}
		if slices.Contains(h.pinned, id) {
			wp.IsSetTop = 1
		}
		out.Products = append(out.Products, wp)
	}
	return out, nil
}

// windowProduct decodes product_id and a flag, and checks the product is
// on the homepage (listed).
func (s *Server) windowProduct(c *call, flag string) (string, int, error) {
	var b struct {
		ProductID shopapi.ID `json:"product_id"`
		IsSetHide *int       `json:"is_set_hide"`
		IsSetTop  *int       `json:"is_set_top"`
		IndexNum  *int       `json:"index_num"`
	}
	if err := c.decode(&b); err != nil {
		return "", 0, err
	}
	id := string(b.ProductID)
	if id == "" {
		return "", 0, apiErr(shopapi.CodeBadParams, "product_id is required")
	}
	p, ok := s.products[id]
	if !ok {
		return "", 0, apiErr(shopapi.CodeProductNotFound, "product not found")
	}
	if p.status != shopapi.ProductStatusListed {
		return "", 0, apiErr(shopapi.CodeProductNotListed, "product not listed")
	}
	v := map[string]*int{"is_set_hide": b.IsSetHide, "is_set_top": b.IsSetTop, "index_num": b.IndexNum}[flag]
	if v == nil || *v < 0 {
		return "", 0, apiErr(shopapi.CodeBadParams, flag+" is required")
	}
	return id, *v, nil
}

func (s *Server) hHomepageWindowHide(c *call) (any, error) {
	id, v, err := s.windowProduct(c, "is_set_hide")
	if err != nil {
		return nil, err
	}
	h := s.homepage()
	if v == 1 {
		h.hidden[id] = true
	} else {
		delete(h.hidden, id)
	}
	return nil, nil
}

func (s *Server) hHomepageWindowSetTop(c *call) (any, error) {
	id, v, err := s.windowProduct(c, "is_set_top")
	if err != nil {
		return nil, err
	}
	s.windowOrder()
	h := s.homepage()
	h.pinned = slices.DeleteFunc(h.pinned, func(x string) bool { return x == id })
	if v == 1 {
		h.pinned = slices.Insert(h.pinned, 0, id)
	}
	return nil, nil
}

func (s *Server) hHomepageWindowReorder(c *call) (any, error) {
	id, idx, err := s.windowProduct(c, "index_num")
	if err != nil {
		return nil, err
	}
	s.windowOrder()
	h := s.homepage()
	h.order = slices.DeleteFunc(h.order, func(x string) bool { return x == id })
	pos := min(max(idx-1, 0), len(h.order))
	h.order = slices.Insert(h.order, pos, id)
	return nil, nil
}
