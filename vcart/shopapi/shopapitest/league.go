package shopapitest

import (
	"errors"
	"net/http"
	"slices"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// leagueRoutes returns the preferred alliance endpoints (优选联盟): the
// shop's talents (promoters) and its alliance items.
func leagueRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/league/promoter/add", h: (*Server).hLeaguePromoterAdd},
		{method: http.MethodPost, path: "/channels/ec/league/promoter/delete", h: (*Server).hLeaguePromoterDelete},
		{method: http.MethodPost, path: "/channels/ec/league/promoter/get", h: (*Server).hLeaguePromoterGet},
		{method: http.MethodPost, path: "/channels/ec/league/promoter/list/get", h: (*Server).hLeaguePromoterList},
		{method: http.MethodPost, path: "/channels/ec/league/promoter/upd", h: (*Server).hLeaguePromoterUpd},
		{method: http.MethodPost, path: "/channels/ec/league/item/batchadd", h: (*Server).hLeagueItemBatchAdd},
		{method: http.MethodPost, path: "/channels/ec/league/item/headsupplier/batchadd", h: (*Server).hLeagueHSBatchAdd},
		{method: http.MethodPost, path: "/channels/ec/league/item/delete", h: (*Server).hLeagueItemDelete},
		{method: http.MethodPost, path: "/channels/ec/league/item/get", h: (*Server).hLeagueItemGet},
		{method: http.MethodPost, path: "/channels/ec/league/item/list/get", h: (*Server).hLeagueItemList},
		{method: http.MethodPost, path: "/channels/ec/league/item/upd", h: (*Server).hLeagueItemUpd},
	}
}

// promoters holds the shop's talents by finder_id. An unknown finder_id
// answers 10023001 (不合法的finder_id).
func (s *Server) promoters() *table[shopapi.Promoter] {
	return tableOf[shopapi.Promoter](s, "league-promoters", shopapi.CodeCompassFinderID, "invalid finder_id")
}

// leagueItem is an alliance item: a normal item (key "p"+product id) or a
// plan (key: its info_id) with its talents.
type leagueItem struct {
	productID string
	typ       shopapi.LeagueItemType
	ratio     int64
	infoID    string
	begin     int64
	end       int64
	forever   bool
	finders   []string
}

func (s *Server) leagueItems() *table[leagueItem] {
	return tableOf[leagueItem](s, "league-items", shopapi.CodeLeagueItemNotFound, "item not found")
}

// headSupplierItems holds the products offered to head suppliers.
func (s *Server) headSupplierItems() *table[shopapi.LeagueHeadSupplierItem] {
	return tableOf[shopapi.LeagueHeadSupplierItem](s, "league-hs-items", shopapi.CodeLeagueItemNotFound, "item not found")
}

func (s *Server) promoterFor(c *call) (string, *shopapi.Promoter, error) {
	var b struct {
		FinderID string `json:"finder_id"`
	}
	if err := c.decode(&b); err != nil {
		return "", nil, err
	}
	if b.FinderID == "" {
		return "", nil, apiErr(shopapi.CodeLeagueParams, "finder_id is required")
	}
	p, err := s.promoters().get(b.FinderID)
	return b.FinderID, p, err
}

func (s *Server) hLeaguePromoterAdd(c *call) (any, error) {
	id, p, err := s.promoterFor(c)
	if p != nil {
		switch p.Status {
		case shopapi.PromoterInvited, shopapi.PromoterAccepted:
			return nil, apiErr(shopapi.CodeLeaguePromoterState, "talent already invited")
		}
	} else if id == "" {
		return nil, err
	}
	s.promoters().put(id, &shopapi.Promoter{FinderID: id, Status: shopapi.PromoterInvited, InviteTime: s.now().Unix()})
	return nil, nil
}

func (s *Server) hLeaguePromoterDelete(c *call) (any, error) {
	id, _, err := s.promoterFor(c)
	if err != nil {
		return nil, err
	}
	return nil, s.promoters().remove(id)
}

func (s *Server) hLeaguePromoterGet(c *call) (any, error) {
	_, p, err := s.promoterFor(c)
	if err != nil {
		return nil, err
	}
	v := *p
	v.SaleProductNumber = int64(len(s.leagueItems().ids(func(_ string, it *leagueItem) bool {
		return it.typ == shopapi.LeagueItemNormal || slices.Contains(it.finders, p.FinderID)
	})))
	return struct {
		Promoter shopapi.Promoter `json:"promoter"`
	}{v}, nil
}

func (s *Server) hLeaguePromoterList(c *call) (any, error) {
	var b shopapi.PromoterListRequest
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	ids := s.promoters().ids(func(_ string, p *shopapi.Promoter) bool { return p.Status == b.Status })
	page, err := pageNumber(ids, b.PageIndex, b.PageSize, 100, shopapi.CodeLeagueParams)
	if err != nil {
		return nil, err
	}
	return shopapi.PromoterPage{FinderIDs: page, TotalNum: int64(len(ids))}, nil
}

func (s *Server) hLeaguePromoterUpd(c *call) (any, error) {
	var b struct {
		FinderID string        `json:"finder_id"`
		Type     shopapi.Int64 `json:"type"` // a number in the table, "1" in an example
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	p, err := s.promoters().get(b.FinderID)
	if err != nil {
		return nil, err
	}
	switch {
	case b.Type == 1 && p.Status == shopapi.PromoterInvited:
		p.Status = shopapi.PromoterCanceled
	case b.Type == 2 && p.Status == shopapi.PromoterAccepted:
		p.Status = shopapi.PromoterEnded
	case b.Type != 1 && b.Type != 2:
		return nil, apiErr(shopapi.CodeLeagueParams, "invalid type")
	default:
		return nil, apiErr(shopapi.CodeLeaguePromoterState, "the talent's status does not allow this")
	}
	return nil, nil
}

// ErrNoPromoter is returned by [Server.AcceptPromoter] and
// [Server.RefusePromoter] for a talent that is not invited.
var ErrNoPromoter = errors.New("shopapitest: talent not invited")

// AcceptPromoter plays the talent accepting the shop's invitation
// (达人已接受邀请).
func (s *Server) AcceptPromoter(finderID string) error {
	return s.answerInvite(finderID, shopapi.PromoterAccepted)
}

// RefusePromoter plays the talent refusing the invitation (达人已拒绝邀请).
func (s *Server) RefusePromoter(finderID string) error {
	return s.answerInvite(finderID, shopapi.PromoterRefused)
}

func (s *Server) answerInvite(finderID string, st shopapi.PromoterStatus) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.promoters().get(finderID)
	if err != nil || p.Status != shopapi.PromoterInvited {
		return ErrNoPromoter
	}
	p.Status = st
	return nil
}

// leagueProduct answers the alliance errcode for a product that is not
// the shop's or not listed.
func (s *Server) leagueProduct(id string) int {
	p, ok := s.products[id]
	switch {
	case !ok:
		return shopapi.CodeLeagueItemNotFound
	case p.status != shopapi.ProductStatusListed:
		return shopapi.CodeLeagueProductNotListed
	}
	return 0
}

func leagueResult(code int, productID, infoID string) shopapi.LeagueItemResult {
	msg := "ok"
	if code != 0 {
		msg = "failed"
	}
	return shopapi.LeagueItemResult{ErrCode: code, ErrMsg: msg, ProductID: shopapi.ID(productID), InfoID: shopapi.ID(infoID)}
}

func (s *Server) hLeagueItemBatchAdd(c *call) (any, error) {
	var b shopapi.LeagueItemBatchAdd
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Type != shopapi.LeagueItemNormal && !b.Type.Special() {
		return nil, apiErr(shopapi.CodeLeagueItemType, "invalid type")
	}
	if len(b.List) == 0 || len(b.List) > shopapi.LeagueBatchMaxProducts || len(b.FinderIDs) > shopapi.LeagueMaxFinders {
		return nil, apiErr(shopapi.CodeLeagueTooMany, "too many products or talents")
	}
	seen := map[shopapi.ID]bool{}
	for _, it := range b.List {
		if seen[it.ProductID] {
			return nil, apiErr(shopapi.CodeLeagueDuplicateProduct, "product listed twice")
		}
		seen[it.ProductID] = true
	}
	if b.Type.Special() && len(b.FinderIDs) == 0 {
		return nil, apiErr(shopapi.CodeLeagueParams, "finder_ids is required")
	}
	var results []shopapi.LeagueItemResult
	for _, it := range b.List {
		pid := string(it.ProductID)
		code := s.leagueProduct(pid)
		if code == 0 && (it.Ratio < 0 || it.Ratio > shopapi.LeagueRatioMaxPercent) {
			code = shopapi.CodeLeagueParams
		}
		if code != 0 {
			results = append(results, leagueResult(code, pid, ""))
			continue
		}
		item := &leagueItem{productID: pid, typ: b.Type, ratio: it.Ratio, begin: b.BeginTime, end: b.EndTime, forever: b.IsForever}
		if b.Type == shopapi.LeagueItemNormal {
			s.leagueItems().put("p"+pid, item)
			results = append(results, leagueResult(0, pid, ""))
			continue
		}
		r := leagueResult(0, pid, "")
		for _, f := range b.FinderIDs {
			// A plan's talents must have accepted the shop's invitation.
			if p, err := s.promoters().get(f); err == nil && p.Status == shopapi.PromoterAccepted {
				item.finders = append(item.finders, f)
			} else {
				r.FailFinderIDs = append(r.FailFinderIDs, f)
			}
		}
		item.infoID = s.leagueItems().add(s, item)
		r.InfoID = shopapi.ID(item.infoID)
		results = append(results, r)
	}
	return struct {
		Results []shopapi.LeagueItemResult `json:"result_info_list"`
	}{results}, nil
}

func (s *Server) hLeagueHSBatchAdd(c *call) (any, error) {
	var b shopapi.LeagueHeadSupplierBatchAdd
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.List) == 0 || len(b.List) > shopapi.LeagueBatchMaxProducts {
		return nil, apiErr(shopapi.CodeLeagueTooMany, "too many products")
	}
	type result struct {
		ErrCode   int    `json:"errcode"`
		ErrMsg    string `json:"errmsg"`
		ProductID string `json:"product_id"`
	}
	out := struct {
		Results []result `json:"result_info_list"`
	}{Results: []result{}}
	for _, it := range b.List {
		pid := string(it.ProductID)
		code := s.leagueProduct(pid)
		r := result{ErrCode: code, ErrMsg: "ok", ProductID: pid}
		if code != 0 {
			r.ErrMsg = "failed"
		} else {
			v := it
			s.headSupplierItems().put(pid, &v)
		}
		out.Results = append(out.Results, r)
	}
	return out, nil
}

// leagueKey returns the table key of an item named by type and
// product_id / info_id.
func leagueKey(k shopapi.LeagueItemKey) (string, error) {
	switch {
	case k.Type == shopapi.LeagueItemNormal && k.ProductID != "":
		return "p" + string(k.ProductID), nil
	case k.Type.Special() && k.InfoID != "":
		return string(k.InfoID), nil
	case k.Type != shopapi.LeagueItemNormal && !k.Type.Special():
		return "", apiErr(shopapi.CodeLeagueItemType, "invalid type")
	}
	return "", apiErr(shopapi.CodeLeagueParams, "product_id or info_id is required")
}

func (s *Server) leagueItemFor(k shopapi.LeagueItemKey) (string, *leagueItem, error) {
	key, err := leagueKey(k)
	if err != nil {
		return "", nil, err
	}
	it, err := s.leagueItems().get(key)
	if err == nil && it.typ != k.Type {
		return "", nil, apiErr(shopapi.CodeLeagueItemNotFound, "item not found")
	}
	return key, it, err
}

func (s *Server) hLeagueItemDelete(c *call) (any, error) {
	var k shopapi.LeagueItemKey
	if err := c.decode(&k); err != nil {
		return nil, err
	}
	key, _, err := s.leagueItemFor(k)
	if err != nil {
		return nil, err
	}
	return nil, s.leagueItems().remove(key)
}

func (s *Server) hLeagueItemGet(c *call) (any, error) {
	var b shopapi.LeagueItemGetRequest
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	_, it, err := s.leagueItemFor(b.LeagueItemKey)
	if err != nil {
		return nil, err
	}
	v := shopapi.LeagueItem{ProductID: shopapi.ID(it.productID), Type: it.typ, Status: shopapi.LeagueItemDelisted, Ratio: it.ratio,
		ExtInfo: &shopapi.LeagueItemExt{}}
	if p, ok := s.products[it.productID]; ok {
		if p.status == shopapi.ProductStatusListed {
			v.Status = shopapi.LeagueItemListed
		}
		v.ExtInfo.IsBanned = p.status == shopapi.ProductStatusBanned || p.status == shopapi.ProductStatusViolation
	}
	if it.typ.Special() {
		e := &shopapi.LeagueExclusiveInfo{InfoID: shopapi.ID(it.infoID), BeginTime: it.begin, EndTime: it.end,
			IsForever: it.forever, FinderIDs: slices.Clone(it.finders)}
		if e.FinderIDs == nil {
			e.FinderIDs = []string{}
		}
		if b.NeedRelation {
			page, err := pageNumber(it.finders, max(b.PageIndex, 1), b.PageSize, 50, shopapi.CodeLeagueParams)
			if err != nil {
				return nil, err
			}
			for _, f := range page {
				e.FinderInfoList = append(e.FinderInfoList, shopapi.LeagueFinderPeriod{FinderID: f, BeginTime: it.begin, EndTime: it.end})
			}
			if b.NeedTotalNum {
				e.FinderNum = int64(len(it.finders))
			}
		}
		v.ExtInfo = &shopapi.LeagueItemExt{IsBanned: v.ExtInfo.IsBanned}
		v.ExclusiveInfo = e
	}
	return struct {
		Item shopapi.LeagueItem `json:"item"`
	}{v}, nil
}

func (s *Server) hLeagueItemList(c *call) (any, error) {
	var b shopapi.LeagueItemListRequest
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Type != shopapi.LeagueItemNormal && !b.Type.Special() {
		return nil, apiErr(shopapi.CodeLeagueItemType, "invalid type")
	}
	keys := s.leagueItems().ids(func(_ string, it *leagueItem) bool {
		return it.typ == b.Type && (b.ProductID == "" || string(b.ProductID) == it.productID) &&
			(b.FinderID == "" || slices.Contains(it.finders, b.FinderID))
	})
	var page []string
	var err error
	if b.LastBuffer != "" {
		page, _, _, err = pageKey(keys, b.LastBuffer, b.PageSize, 100, shopapi.CodeLeagueParams)
	} else {
		page, err = pageNumber(keys, max(b.PageIndex, 1), b.PageSize, 100, shopapi.CodeLeagueParams)
	}
	if err != nil {
		return nil, err
	}
	// The example answers items and total_num only: so does the fake.
	type ref struct {
		ProductID string `json:"product_id"`
	}
	out := struct {
		Items    []ref `json:"items"`
		TotalNum int64 `json:"total_num"`
	}{Items: []ref{}, TotalNum: int64(len(keys))}
	for _, k := range page {
		out.Items = append(out.Items, ref{ProductID: s.leagueItems().byID[k].productID})
	}
	return out, nil
}

func (s *Server) hLeagueItemUpd(c *call) (any, error) {
	var b shopapi.LeagueItemUpdate
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	_, it, err := s.leagueItemFor(b.LeagueItemKey)
	if err != nil {
		return nil, err
	}
	// The fake models edits (operate_type 1) only: the page's enum of
	// other operations was not readable.
	if b.OperateType != shopapi.LeagueOperateEdit {
		return nil, apiErr(shopapi.CodeLeagueParams, "unsupported operate_type")
	}
	if b.Ratio < 0 || b.Ratio > shopapi.LeagueRatioMaxPercent {
		return nil, apiErr(shopapi.CodeLeagueParams, "ratio must be 0 to 90")
	}
	if e := b.ExclusiveInfo; e != nil {
		if !it.typ.Special() {
			return nil, apiErr(shopapi.CodeLeagueParams, "exclusive_info is for a plan")
		}
		if len(e.AddFinderIDs) > shopapi.LeagueMaxFinders || len(e.DelFinderIDs) > shopapi.LeagueMaxFinders {
			return nil, apiErr(shopapi.CodeLeagueTooMany, "too many talents")
		}
		if e.BeginTime != 0 || e.EndTime != 0 {
			it.begin, it.end = e.BeginTime, e.EndTime
		}
		it.forever = it.forever || e.IsForever
		for _, f := range e.AddFinderIDs {
			if !slices.Contains(it.finders, f) {
				it.finders = append(it.finders, f)
			}
		}
		it.finders = slices.DeleteFunc(it.finders, func(f string) bool { return slices.Contains(e.DelFinderIDs, f) })
	}
	it.ratio = b.Ratio
	return struct {
		InfoID string `json:"info_id,omitempty"`
	}{it.infoID}, nil
}
