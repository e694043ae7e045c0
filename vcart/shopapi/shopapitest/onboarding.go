package shopapitest

import (
	"errors"
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Merchant onboarding (issue 16): category applications (类目申请) and
// brand qualifications (品牌资质) move through their audits; the test plays
// the platform's reviewer with ApproveCategory / RejectCategory and
// ApproveBrand / RejectBrand. A category without a qualification (qua) is
// granted from the start; a gated one ([CatNuts], [CatCream]) once its
// application is approved.

// onboardingRoutes returns the category-application and brand-application
// endpoints.
func onboardingRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/category/add", h: (*Server).hCategoryApply},
		{method: http.MethodPost, path: "/channels/ec/category/audit/get", h: (*Server).hCategoryAuditGet},
		{method: http.MethodPost, path: "/shop/ec/category/audit/cancel", h: (*Server).hCategoryAuditCancel},
		{method: http.MethodPost, path: "/shop/ec/category/get_category_relation_list", h: (*Server).hCategoryRelationList},
		{method: http.MethodPost, path: "/shop/ec/category/get_category_relation_detail", h: (*Server).hCategoryRelationDetail},
		{method: http.MethodPost, path: "/shop/ec/category/getbizcatflowlist", h: (*Server).hCategoryFlowList},
		{method: http.MethodPost, path: "/shop/ec/category/getbizcatflowdetail", h: (*Server).hCategoryFlowDetail},
		{method: http.MethodPost, path: "/shop/ec/brand/add", h: (*Server).hBrandAdd},
		{method: http.MethodPost, path: "/channels/ec/brand/update", h: (*Server).hBrandUpdate},
		{method: http.MethodPost, path: "/channels/ec/brand/delete", h: (*Server).hBrandDelete},
		{method: http.MethodPost, path: "/shop/ec/brand/audit/cancel", h: (*Server).hBrandAuditCancel},
		{method: http.MethodPost, path: "/channels/ec/brand/valid/list/get", h: (*Server).hBrandValidList},
	}
}

// catApp is a category application (审核单).
type catApp struct {
	auditID, catID string
	status         shopapi.CategoryFlowStatus
	info           shopapi.CategoryApplyInfo
	created        int64
	updated        int64
	audited        int64
	reason         string
}

// catGrant is the shop's permission for a category (类目权限).
type catGrant struct {
	catID     string
	status    shopapi.CategoryRelationStatus
	effective int64
	auditID   string // "" for a category granted from the start
}

func (s *Server) catApps() *table[catApp] {
	return tableOf[catApp](s, "category_apps", shopapi.CodeInvalidAuditID, "invalid audit id")
}

// catGrants returns the shop's category permissions, creating the initial
// ones (every leaf without a qualification requirement); s.mu is held.
func (s *Server) catGrants() *table[catGrant] {
	t := tableOf[catGrant](s, "category_grants", shopapi.CodeInvalidCatID, "invalid cat id")
	if t.len() == 0 {
		for _, c := range fakeCategories {
			if c.leaf && c.qua == "" {
				t.put(c.id, &catGrant{catID: c.id, status: shopapi.CategoryRelationActive, effective: shopOpened})
			}
		}
	}
	return t
}

// uploadedFile reports whether id is a file_id the fake's qualification
// upload issued; s.mu is held.
func (s *Server) uploadedFile(id string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "file_"))
	if err != nil || !strings.HasPrefix(id, "file_") {
		return false
	}
	m := stateOf(s, "media", func() *mediaState { return &mediaState{} })
	return n >= 1 && n <= m.n
}

func (s *Server) hCategoryApply(c *call) (any, error) {
	var req struct {
		CategoryInfo *shopapi.CategoryApplyInfo `json:"category_info"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.CategoryInfo == nil {
		return nil, apiErr(shopapi.CodeBadParams, "category_info is required")
	}
	info := *req.CategoryInfo
	leaf := string(info.Level3)
	if n := len(info.CatsV2); n > 0 {
		leaf = string(info.CatsV2[n-1].CatID)
	}
	cat, ok := findCat(leaf)
	if !ok || !cat.leaf {
		return nil, apiErr(shopapi.CodeInvalidCatID, "invalid cat id")
	}
	var files []string
	for _, l := range [][]string{info.Certificate, info.Baobeihan, info.Jingyingzhengming, info.Daihuokoubei,
		info.Ruzhuzhizhi, info.Jingyingliushui, info.Buchongcailiao} {
		if len(l) > shopapi.MaxQualificationFiles {
			return nil, apiErr(shopapi.CodeBadParams, "at most 10 files per list")
		}
		files = append(files, l...)
	}
	for _, g := range info.LicenseGroupList {
		files = append(files, g.License.FileIDList...)
	}
	if cat.qua != "" && len(files) == 0 {
		return nil, apiErr(shopapi.CodeBadParams, "qualification files are required for this category")
	}
	for _, f := range files {
		if !s.uploadedFile(f) {
			return nil, apiErr(shopapi.CodeBadParams, "invalid file_id "+f)
		}
	}
	apps := s.catApps()
	if len(apps.ids(func(_ string, a *catApp) bool {
		return a.catID == leaf && a.status == shopapi.CategoryFlowPending
	})) > 0 {
		return nil, apiErr(shopapi.CodeCategoryUnderAudit, "category under audit")
	}
	now := s.now().Unix()
	info.Level3 = shopapi.ID(leaf)
	id := apps.add(s, &catApp{catID: leaf, status: shopapi.CategoryFlowPending, info: info, created: now, updated: now})
	apps.byID[id].auditID = id
	return map[string]any{"audit_id": id}, nil
}

func auditIDOf(c *call) (string, error) {
	var req struct {
		AuditID shopapi.ID `json:"audit_id"`
	}
	if err := c.decode(&req); err != nil {
		return "", err
	}
	return string(req.AuditID), nil
}

// legacyAuditStatus maps a flow state to category/audit/get's codes
// (1 审核中, 2 不通过, 3 成功, 12 取消).
func legacyAuditStatus(st shopapi.CategoryFlowStatus) int {
	if st == shopapi.CategoryFlowCancelled {
		return int(shopapi.CategoryAuditCancelled)
	}
	return int(st)
}

func (s *Server) hCategoryAuditGet(c *call) (any, error) {
	id, err := auditIDOf(c)
	if err != nil {
		return nil, err
	}
	a, err := s.catApps().get(id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"data": map[string]any{"status": legacyAuditStatus(a.status), "reject_reason": a.reason}}, nil
}

func (s *Server) hCategoryAuditCancel(c *call) (any, error) {
	id, err := auditIDOf(c)
	if err != nil {
		return nil, err
	}
	a, err := s.catApps().get(id)
	if err != nil {
		return nil, err
	}
	if a.status != shopapi.CategoryFlowPending {
		return nil, apiErr(shopapi.CodeInvalidAuditID, "audit is not pending")
	}
	a.status, a.updated = shopapi.CategoryFlowCancelled, s.now().Unix()
	s.emit("product_category_audit", "", "ProductCategoryAudit",
		map[string]any{"audit_id": a.auditID, "status": strconv.Itoa(legacyAuditStatus(a.status)), "reason": ""})
	return map[string]any{}, nil
}

// applyInfoJSON is audit material as the platform answers it: every list
// present (empty when unset), as in the field tables.
func applyInfoJSON(info shopapi.CategoryApplyInfo) map[string]any {
	list := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	brands := []any{}
	for _, b := range info.BrandList {
		brands = append(brands, map[string]any{"brand_id": b.BrandID})
	}
	groups := []any{}
	for _, g := range info.LicenseGroupList {
		fields := []any{}
		for _, f := range g.License.LicenseFieldList {
			fields = append(fields, map[string]any{"key": f.Key, "value": f.Value})
		}
		groups = append(groups, map[string]any{"license_group_id": g.LicenseGroupID,
			"license": map[string]any{"license_id": g.License.LicenseID, "file_id_list": list(g.License.FileIDList), "license_field_list": fields}})
	}
	return map[string]any{
		"level3": info.Level3, "certificate": list(info.Certificate), "brand_list": brands,
		"baobeihan": list(info.Baobeihan), "jingyingzhengming": list(info.Jingyingzhengming),
		"jingyingpingtai": info.Jingyingpingtai, "zhanghaomingcheng": info.Zhanghaomingcheng,
		"ruzhuzhizhi": list(info.Ruzhuzhizhi), "daihuokoubei": list(info.Daihuokoubei),
		"jingyingliushui": list(info.Jingyingliushui), "buchongcailiao": list(info.Buchongcailiao),
		"license_group_list": groups, "commitment_letter_list": list(info.CommitmentLetterList),
		"account_link": info.AccountLink, "is_new_apply_cat": info.IsNewApplyCat,
	}
}

// quaOf returns a category's qualification id ("0" for none).
func quaOf(catID string) string {
	if cat, _ := findCat(catID); cat.qua != "" {
		return cat.qua
	}
	return "0"
}

func flowJSON(a *catApp) map[string]any {
	return map[string]any{"cat_id": a.catID, "status": int(a.status), "audit_id": a.auditID, "qua_id": quaOf(a.catID),
		"create_time": a.created, "update_time": a.updated, "audit_info": applyInfoJSON(a.info),
		"audit_time": a.audited, "audit_reason": a.reason}
}

func (s *Server) hCategoryRelationList(c *call) (any, error) {
	var req struct {
		IsFilterStatus bool `json:"is_filter_status"`
		Status         int  `json:"status"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	list := []any{}
	grants := s.catGrants()
	for _, id := range grants.ids(nil) {
		g := grants.byID[id]
		if req.IsFilterStatus && int(g.status) != req.Status {
			continue
		}
		list = append(list, map[string]any{"id": g.catID, "status": int(g.status), "uneffective_reason": "",
			"effective_time": g.effective, "uneffective_time": 0, "qua_id": quaOf(g.catID)})
	}
	return map[string]any{"list": list}, nil
}

func (s *Server) hCategoryRelationDetail(c *call) (any, error) {
	var req struct {
		CategoryID shopapi.ID `json:"category_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	g, err := s.catGrants().get(string(req.CategoryID))
	if err != nil {
		return nil, err
	}
	info := shopapi.CategoryApplyInfo{Level3: shopapi.ID(g.catID)}
	if g.auditID != "" {
		if a, err := s.catApps().get(g.auditID); err == nil {
			info = a.info
		}
	}
	return map[string]any{"category_id": g.catID, "status": int(g.status), "uneffective_reason": "",
		"audit_info": applyInfoJSON(info), "effective_time": g.effective, "uneffective_time": 0, "qua_id": quaOf(g.catID)}, nil
}

func (s *Server) hCategoryFlowList(c *call) (any, error) {
	var req struct {
		IsFilterStatus bool `json:"is_filter_status"`
		Status         int  `json:"status"`
		Offset         int  `json:"offset"`
		Limit          int  `json:"limit"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	apps := s.catApps()
	ids := apps.ids(func(_ string, a *catApp) bool { return !req.IsFilterStatus || int(a.status) == req.Status })
	page, _, err := pageOffset(ids, req.Offset, req.Limit, 100, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	list := []any{}
	for _, id := range page {
		list = append(list, flowJSON(apps.byID[id]))
	}
	return map[string]any{"list": list}, nil
}

func (s *Server) hCategoryFlowDetail(c *call) (any, error) {
	id, err := auditIDOf(c)
	if err != nil {
		return nil, err
	}
	a, err := s.catApps().get(id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"info": flowJSON(a)}, nil
}

// ErrNoApplication is returned by the reviewer methods for an unknown
// application.
var ErrNoApplication = errors.New("shopapitest: no such application")

// ErrNotPending is returned by the reviewer methods when the application
// is not under audit.
var ErrNotPending = errors.New("shopapitest: application not under audit")

// ApproveCategory passes a category application (审核成功): the shop is
// granted the category from now on, and product_category_audit is pushed
// with status 3.
func (s *Server) ApproveCategory(auditID vcart.ID) error {
	return s.decideCategory(string(auditID), shopapi.CategoryFlowApproved, "")
}

// RejectCategory rejects a category application with the reviewer's
// reason (审核驳回), as the platform does: status 2 with reject_reason, and
// product_category_audit pushed with status 2.
func (s *Server) RejectCategory(auditID vcart.ID, reason string) error {
	return s.decideCategory(string(auditID), shopapi.CategoryFlowRejected, reason)
}

func (s *Server) decideCategory(auditID string, st shopapi.CategoryFlowStatus, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.catApps().byID[auditID]
	if !ok {
		return ErrNoApplication
	}
	if a.status != shopapi.CategoryFlowPending {
		return ErrNotPending
	}
	now := s.now().Unix()
	a.status, a.reason, a.audited, a.updated = st, reason, now, now
	if st == shopapi.CategoryFlowApproved {
		s.catGrants().put(a.catID, &catGrant{catID: a.catID, status: shopapi.CategoryRelationActive, effective: now, auditID: a.auditID})
	}
	s.emit("product_category_audit", "", "ProductCategoryAudit",
		map[string]any{"audit_id": a.auditID, "status": strconv.Itoa(legacyAuditStatus(st)), "reason": reason})
	return nil
}

// CategoryGranted reports whether the shop may sell in the leaf category.
func (s *Server) CategoryGranted(catID vcart.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.catGrants().get(string(catID))
	return err == nil && g.status == shopapi.CategoryRelationActive
}

// PendingCategoryAudits returns the audit ids of the applications under
// audit, oldest first: what the platform's reviewer has to decide.
func (s *Server) PendingCategoryAudits() []vcart.ID {
	s.mu.Lock()
	defer s.mu.Unlock()
	return convertIDs[vcart.ID](s.catApps().ids(func(_ string, a *catApp) bool { return a.status == shopapi.CategoryFlowPending }))
}

// brandRec is a brand qualification of the shop.
type brandRec struct {
	q       shopapi.BrandQualification
	status  shopapi.BrandStatus
	auditID string
	created int64
	updated int64
	reason  string
}

// CodeBrandNotExist is the fake's errcode for a brand_id missing from the
// brand library or from the shop's qualifications (品牌不存在, the code
// the platform answers in brand/get).
const CodeBrandNotExist = 10020082

func (s *Server) brandRecs() *table[brandRec] {
	return tableOf[brandRec](s, "brand_quals", CodeBrandNotExist, "brand not exist")
}

func inLibrary(id string) bool {
	return slices.ContainsFunc(fakeBrands, func(b fakeBrand) bool { return b.id == id })
}

func (s *Server) checkBrandFiles(q *shopapi.BrandQualification) error {
	var files []string
	if d := q.RegisterDetails; d != nil {
		files = append(append(files, d.RegisterCertifications...), d.RenewCertifications...)
	}
	if d := q.ApplicationDetails; d != nil {
		files = append(files, d.AcceptanceCertification...)
	}
	if d := q.GrantDetails; d != nil {
		files = append(append(files, d.GrantCertifications...), d.BrandOwnerIDPhotos...)
	}
	for _, f := range files {
		if !s.uploadedFile(f) {
			return apiErr(shopapi.CodeBadParams, "invalid file_id "+f)
		}
	}
	switch {
	case q.TradeMarkSymbol == shopapi.TradeMarkRegistered && (q.RegisterDetails == nil || len(q.RegisterDetails.RegisterCertifications) == 0):
		return apiErr(shopapi.CodeBadParams, "register_details is required for a registered trademark")
	case q.TradeMarkSymbol == shopapi.TradeMarkPending && q.ApplicationDetails == nil:
		return apiErr(shopapi.CodeBadParams, "application_details is required for a TM trademark")
	case q.GrantType == shopapi.GrantAuthorised && q.GrantDetails == nil:
		return apiErr(shopapi.CodeBadParams, "grant_details is required for an authorised brand")
	}
	return nil
}

func decodeBrand(c *call) (*shopapi.BrandQualification, error) {
	var req struct {
		Brand *shopapi.BrandQualification `json:"brand"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.Brand == nil || req.Brand.BrandID == "" {
		return nil, apiErr(shopapi.CodeBadParams, "brand.brand_id is required")
	}
	return req.Brand, nil
}

func (s *Server) hBrandAdd(c *call) (any, error) {
	q, err := decodeBrand(c)
	if err != nil {
		return nil, err
	}
	if !inLibrary(string(q.BrandID)) {
		return nil, apiErr(CodeBrandNotExist, "brand not exist")
	}
	recs := s.brandRecs()
	if _, err := recs.get(string(q.BrandID)); err == nil {
		return nil, apiErr(shopapi.CodeBadParams, "brand already added: update it")
	}
	if err := s.checkBrandFiles(q); err != nil {
		return nil, err
	}
	now := s.now().Unix()
	r := &brandRec{q: *q, status: shopapi.BrandAuditing, auditID: s.newID(), created: now, updated: now}
	recs.put(string(q.BrandID), r)
	return map[string]any{"audit_id": r.auditID}, nil
}

func (s *Server) hBrandUpdate(c *call) (any, error) {
	q, err := decodeBrand(c)
	if err != nil {
		return nil, err
	}
	r, err := s.brandRecs().get(string(q.BrandID))
	if err != nil {
		return nil, err
	}
	if r.status == shopapi.BrandAuditing {
		return nil, apiErr(shopapi.CodeBadParams, "brand under audit: cancel the audit first")
	}
	if err := s.checkBrandFiles(q); err != nil {
		return nil, err
	}
	r.q, r.status, r.auditID, r.updated, r.reason = *q, shopapi.BrandAuditing, s.newID(), s.now().Unix(), ""
	return map[string]any{"audit_id": r.auditID}, nil
}

func (s *Server) hBrandDelete(c *call) (any, error) {
	var req struct {
		BrandID shopapi.ID `json:"brand_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if err := s.brandRecs().remove(string(req.BrandID)); err != nil {
		return nil, err
	}
	return map[string]any{}, nil
}

func (s *Server) hBrandAuditCancel(c *call) (any, error) {
	var req struct {
		BrandID shopapi.ID `json:"brand_id"`
		AuditID shopapi.ID `json:"audit_id"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	r, err := s.brandRecs().get(string(req.BrandID))
	if err != nil {
		return nil, err
	}
	if r.auditID != string(req.AuditID) || r.status != shopapi.BrandAuditing {
		return nil, apiErr(shopapi.CodeInvalidAuditID, "invalid audit id")
	}
	r.status, r.updated = shopapi.BrandWithdrawn, s.now().Unix()
	s.emitBrand(r, shopapi.BrandWithdrawn)
	return map[string]any{}, nil
}

// brandJSON answers a qualification with the keys of the official list
// examples.
func brandJSON(r *brandRec) map[string]any {
	q := r.q
	list := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	m := map[string]any{"brand_id": q.BrandID, "ch_name": q.ChName, "en_name": q.EnName,
		"classification_no": q.ClassificationNo, "trade_mark_symbol": int(q.TradeMarkSymbol), "grant_type": int(q.GrantType),
		"status": int(r.status), "create_time": r.created, "update_time": r.updated}
	if d := q.RegisterDetails; d != nil {
		m["register_details"] = map[string]any{"registrant": d.Registrant, "register_no": d.RegisterNo,
			"start_time": d.StartTime, "end_time": d.EndTime, "is_permanent": d.IsPermanent,
			"register_certifications": list(d.RegisterCertifications), "renew_certifications": list(d.RenewCertifications)}
	}
	app := []string{}
	if q.ApplicationDetails != nil {
		app = list(q.ApplicationDetails.AcceptanceCertification)
	}
	m["application_details"] = map[string]any{"acceptance_certification": app}
	grant, photos := []string{}, []string{}
	if d := q.GrantDetails; d != nil {
		grant, photos = list(d.GrantCertifications), list(d.BrandOwnerIDPhotos)
	}
	m["grant_details"] = map[string]any{"grant_certifications": grant, "brand_owner_id_photos": photos}
	return m
}

func (s *Server) hBrandValidList(c *call) (any, error) {
	var req struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key"`
	}
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	recs := s.brandRecs()
	ids := recs.ids(func(_ string, r *brandRec) bool {
		return r.status == shopapi.BrandActive || r.status == shopapi.BrandExpiring
	})
	page, next, _, err := pageKey(ids, req.NextKey, req.PageSize, 50, shopapi.CodeBadParams)
	if err != nil {
		return nil, err
	}
	list := []any{}
	for _, id := range page {
		list = append(list, brandJSON(recs.byID[id]))
	}
	return map[string]any{"brands": list, "total_num": len(ids), "next_key": next}, nil
}

// ApproveBrand passes the brand qualification's audit (已生效): it joins
// the brands in force, and channels_ec_brand is pushed (status 4).
func (s *Server) ApproveBrand(brandID vcart.ID) error {
	return s.decideBrand(string(brandID), shopapi.BrandActive, "")
}

// RejectBrand rejects the brand qualification's audit with the reviewer's
// reason (审核失败); channels_ec_brand is pushed (status 5).
func (s *Server) RejectBrand(brandID vcart.ID, reason string) error {
	return s.decideBrand(string(brandID), shopapi.BrandRejected, reason)
}

func (s *Server) decideBrand(brandID string, st shopapi.BrandStatus, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.brandRecs().byID[brandID]
	if !ok {
		return ErrNoApplication
	}
	if r.status != shopapi.BrandAuditing {
		return ErrNotPending
	}
	r.status, r.reason, r.updated = st, reason, s.now().Unix()
	s.emitBrand(r, st)
	return nil
}

// emitBrand pushes channels_ec_brand (品牌资质事件) with notify's reading of
// its status: 3 withdrawn, 4 approved, 5 rejected; s.mu is held.
func (s *Server) emitBrand(r *brandRec, st shopapi.BrandStatus) {
	code := map[shopapi.BrandStatus]int{shopapi.BrandWithdrawn: 3, shopapi.BrandActive: 4, shopapi.BrandRejected: 5}[st]
	s.emit("channels_ec_brand", "", "BrandEvent", map[string]any{"brand_id": string(r.q.BrandID), "audit_id": r.auditID,
		"status": code, "reason": r.reason})
}

// BrandStatus returns the status of the shop's qualification for a brand
// (0 when the shop has none).
func (s *Server) BrandStatus(brandID vcart.ID) shopapi.BrandStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.brandRecs().byID[string(brandID)]; ok {
		return r.status
	}
	return 0
}

// checkCategoryPermission answers 10020018 for a product in a leaf category
// the shop may not sell in, when the server checks permissions
// (WithCategoryPermissions); s.mu is held.
func (s *Server) checkCategoryPermission(p *shopapi.Product) error {
	if !s.strictCategories {
		return nil
	}
	cats := p.CatsV2
	if len(cats) == 0 {
		cats = p.Cats
	}
	if len(cats) == 0 {
		return nil // validateProduct reports the missing category
	}
	leaf := string(cats[len(cats)-1].CatID)
	if g, err := s.catGrants().get(leaf); err != nil || g.status != shopapi.CategoryRelationActive {
		return apiErr(shopapi.CodeNoCategoryQualification, "no qualification for the category "+leaf)
	}
	return nil
}
