package shopapi

import (
	"context"
	"errors"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// The onboarding path: from the documents vcart's Checker accepted, upload
// each document image (资质图片) and submit the category or brand
// application that references the returned file_ids; then follow the audit
// with [CategoryService.Audit] (or the product_category_audit push).

// QualificationImage is a document and the image of it to upload.
type QualificationImage struct {
	// Document is the document as vcart checked it.
	Document vcart.Document
	// Filename names the upload (default media.jpg); Data is the image.
	Filename string
	Data     []byte
}

// checkDocuments refuses documents not in force at at, every one at once,
// before anything is uploaded.
func checkDocuments(field string, images []QualificationImage, at time.Time) error {
	var errs []vcart.FieldError
	if len(images) == 0 {
		errs = append(errs, vcart.FieldError{Field: field, Code: "required", Msg: "at least one document image"})
	}
	for i, im := range images {
		f := field + "[" + itoa(i) + "]"
		if !im.Document.ValidAt(at) {
			errs = append(errs, vcart.FieldError{Field: f, Code: "expired", Msg: "document " + string(im.Document.Kind) + " is not in force at the application time"})
		}
		if len(im.Data) == 0 || len(im.Data) > MaxImageBytes {
			errs = append(errs, vcart.FieldError{Field: f + ".data", Code: "size", Msg: "must be 1 byte..10 MB"})
		}
	}
	if len(errs) > 0 {
		return vcart.NewValidationError(errs)
	}
	return nil
}

// upload uploads every image and returns the file_ids in order.
func (c *Client) uploadAll(ctx context.Context, images []QualificationImage) ([]string, error) {
	ids := make([]string, 0, len(images))
	for _, im := range images {
		id, _, err := c.Media.UploadQualification(ctx, im.Filename, im.Data)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// ApplyWithDocuments applies for the leaf category at the end of path
// (cats_v2, root first) with the document images: each document must be in
// force at at (every problem is reported at once, nothing is uploaded
// then); the images are uploaded and their file_ids sent as the
// application's qualification files (certificate), with brands applied for
// alongside. It returns the audit_id. A failed upload stops before the
// application: uploads are harmless to repeat.
//
// WeChat API: POST /shop/ec/basics/qualification/upload, POST /channels/ec/category/add
func (s *CategoryService) ApplyWithDocuments(ctx context.Context, path []CatRef, images []QualificationImage, brands []ID, at time.Time) (ID, error) {
	info := &CategoryApplyInfo{CatsV2: path}
	for _, b := range brands {
		info.BrandList = append(info.BrandList, CatRefBrand{BrandID: b})
	}
	err := checkDocuments("images", images, at)
	if len(images) > MaxQualificationFiles {
		err = joinValidation(err, vcart.NewValidationError([]vcart.FieldError{{Field: "images", Code: "max_items", Msg: "at most 10 files"}}))
	}
	if verr := info.validate(); verr != nil {
		err = joinValidation(err, verr)
	}
	if err != nil {
		return "", errorf("apply category", err)
	}
	ids, err := s.client.uploadAll(ctx, images)
	if err != nil {
		return "", err
	}
	info.Certificate = ids
	id, _, err := s.Apply(ctx, info)
	return id, err
}

// AddWithDocuments applies for a brand qualification with the trademark
// registration certificate (商标注册证) and, for an authorised brand, the
// licence letters (授权书): both must be in force at at. It uploads them,
// fills register_details.register_certifications and
// grant_details.grant_certifications with the file_ids, and submits b.
// It returns the audit_id.
//
// WeChat API: POST /shop/ec/basics/qualification/upload, POST /shop/ec/brand/add
func (s *BrandService) AddWithDocuments(ctx context.Context, b *BrandQualification, registration QualificationImage, grants []QualificationImage, at time.Time) (ID, error) {
	if b == nil {
		return "", errorf("add brand", errNilRequest())
	}
	err := checkDocuments("registration", []QualificationImage{registration}, at)
	if len(grants) > 0 {
		if gerr := checkDocuments("grants", grants, at); gerr != nil {
			err = joinValidation(err, gerr)
		}
	}
	q := *b
	reg := RegisterDetails{}
	if b.RegisterDetails != nil {
		reg = *b.RegisterDetails
	}
	reg.RegisterCertifications = []string{"pending"}
	q.RegisterDetails = &reg
	if len(grants) > 0 {
		g := GrantDetails{}
		if b.GrantDetails != nil {
			g = *b.GrantDetails
		}
		g.GrantCertifications = []string{"pending"}
		q.GrantDetails = &g
	}
	if verr := q.validate(); verr != nil {
		err = joinValidation(err, verr)
	}
	if err != nil {
		return "", errorf("add brand", err)
	}
	ids, err := s.client.uploadAll(ctx, append([]QualificationImage{registration}, grants...))
	if err != nil {
		return "", err
	}
	reg.RegisterCertifications = ids[:1]
	if q.GrantDetails != nil {
		q.GrantDetails.GrantCertifications = ids[1:]
	}
	id, _, err := s.Add(ctx, &q)
	return id, err
}

// joinValidation merges two validation errors into one listing every
// problem.
func joinValidation(a, b error) error {
	var fe []vcart.FieldError
	for _, e := range []error{a, b} {
		var ve *vcart.ValidationError
		if errors.As(e, &ve) {
			fe = append(fe, ve.Problems...)
		}
	}
	return vcart.NewValidationError(fe)
}

// AwaitAudit polls a category application's audit every interval until it
// is final (approved, rejected or cancelled; see
// [CategoryAuditStatus.Final]) and returns that result, or the error of
// ctx when it ends first. A failed read ends the wait with its error. The
// push event product_category_audit (package notify) tells the same
// without polling.
//
// WeChat API: POST /channels/ec/category/audit/get
func (s *CategoryService) AwaitAudit(ctx context.Context, auditID ID, every time.Duration) (*CategoryAuditResult, error) {
	var errs []vcart.FieldError
	if auditID == "" {
		errs = append(errs, vcart.FieldError{Field: "audit_id", Code: "required", Msg: "must not be empty"})
	}
	if every < time.Second {
		errs = append(errs, vcart.FieldError{Field: "every", Code: "range", Msg: "poll at most once a second"})
	}
	if len(errs) > 0 {
		return nil, errorf("await category audit", vcart.NewValidationError(errs))
	}
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, errorf("await category audit "+string(auditID), ctx.Err())
		case <-t.C:
		}
		res, _, err := s.Audit(ctx, auditID)
		if err != nil {
			return nil, err
		}
		if res.Status.Final() {
			return res, nil
		}
		t.Reset(every)
	}
}
