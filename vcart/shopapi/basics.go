package shopapi

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/url"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// StoreService reads the shop's basic information (店铺基础信息).
type StoreService service

// MediaService uploads images and qualification files (图片/资质上传).
type MediaService service

var (
	epShopInfo            = ep("/channels/ec/basics/info/get")
	epImageUpload         = ep("/shop/ec/basics/img/upload")
	epQualificationUpload = ep("/shop/ec/basics/qualification/upload")
)

// ShopInfo is the shop's basic information.
type ShopInfo struct {
	Nickname    string `json:"nickname"`
	HeadimgURL  string `json:"headimg_url"`
	SubjectType string `json:"subject_type"` // "企业" or "个体工商户"
	Status      string `json:"status"`       // opening, open_finished, closing, close_finished
	Username    string `json:"username"`
	// IsLocalLife is 1 for a local-life shop (本地生活小店).
	IsLocalLife int `json:"is_local_life"`
	// OpenTimestamp is when the shop opened (Unix seconds), sent once
	// Status is open_finished.
	OpenTimestamp int64 `json:"open_timestamp,omitempty"`
}

// Info returns the shop's basic information.
//
// WeChat API: GET /channels/ec/basics/info/get
func (s *StoreService) Info(ctx context.Context) (*ShopInfo, *Response, error) {
	var out struct {
		Info ShopInfo `json:"info"`
	}
	resp, err := s.client.call(ctx, &request{ep: epShopInfo}, &out)
	if err != nil {
		return nil, resp, errorf("shop info", err)
	}
	return &out.Info, resp, nil
}

// ImageRespType selects what image upload returns (resp_type).
type ImageRespType int

// Image upload answers.
const (
	ImageMediaID ImageRespType = 0 // media_id and pay_media_id
	ImageURL     ImageRespType = 1 // an mmecimage.cn/p/ URL, required for product images
)

// ImageFile is the answer of image upload (pic_file).
type ImageFile struct {
	MediaID    string `json:"media_id,omitempty"`
	PayMediaID string `json:"pay_media_id,omitempty"`
	ImgURL     string `json:"img_url,omitempty"`
}

// MaxImageBytes caps an uploaded image (10 MB for resp_type 1 in the older
// mini-shop doc; the channels doc states no figure).
const MaxImageBytes = 10 << 20

// UploadImageURL makes the platform fetch an image from imgURL (no
// redirects). Uploading twice is harmless, so it is retried like a read.
//
// WeChat API: POST /channels/ec/basics/img/upload
func (s *MediaService) UploadImageURL(ctx context.Context, imgURL string, rt ImageRespType) (*ImageFile, *Response, error) {
	u, err := url.Parse(imgURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, nil, errorf("upload image", vcart.NewValidationError([]vcart.FieldError{{Field: "img_url", Code: "url", Msg: "must be an absolute http(s) URL"}}))
	}
	q := url.Values{"upload_type": {"1"}, "resp_type": {strconv.Itoa(int(rt))}}
	body := struct {
		ImgURL string `json:"img_url"`
	}{imgURL}
	return s.upload(ctx, &request{ep: epImageUpload, query: q, body: body})
}

// UploadImage uploads image bytes (multipart field "media"); width and
// height are the image's size in pixels, which the platform requires.
//
// WeChat API: POST /channels/ec/basics/img/upload
func (s *MediaService) UploadImage(ctx context.Context, filename string, data []byte, width, height int, rt ImageRespType) (*ImageFile, *Response, error) {
	var p []vcart.FieldError
	if len(data) == 0 || len(data) > MaxImageBytes {
		p = append(p, vcart.FieldError{Field: "media", Code: "size", Msg: "must be 1 byte..10 MB"})
	}
	if width <= 0 {
		p = append(p, vcart.FieldError{Field: "width", Code: "range", Msg: "must be positive"})
	}
	if height <= 0 {
		p = append(p, vcart.FieldError{Field: "height", Code: "range", Msg: "must be positive"})
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, nil, errorf("upload image", err)
	}
	body, ct, err := multipartBody(filename, data)
	if err != nil {
		return nil, nil, errorf("upload image", err)
	}
	q := url.Values{"upload_type": {"0"}, "resp_type": {strconv.Itoa(int(rt))},
		"width": {strconv.Itoa(width)}, "height": {strconv.Itoa(height)}}
	return s.upload(ctx, &request{ep: epImageUpload, query: q, rawBody: body, contentType: ct})
}

func (s *MediaService) upload(ctx context.Context, req *request) (*ImageFile, *Response, error) {
	var out struct {
		PicFile ImageFile `json:"pic_file"`
	}
	resp, err := s.client.call(ctx, req, &out)
	if err != nil {
		return nil, resp, errorf("upload image", err)
	}
	return &out.PicFile, resp, nil
}

// UploadQualification uploads a qualification document image and returns
// its file_id (for category and brand applications).
//
// WeChat API: POST /channels/ec/basics/qualification/upload
func (s *MediaService) UploadQualification(ctx context.Context, filename string, data []byte) (string, *Response, error) {
	if len(data) == 0 || len(data) > MaxImageBytes {
		return "", nil, errorf("upload qualification", vcart.NewValidationError([]vcart.FieldError{{Field: "media", Code: "size", Msg: "must be 1 byte..10 MB"}}))
	}
	body, ct, err := multipartBody(filename, data)
	if err != nil {
		return "", nil, errorf("upload qualification", err)
	}
	var out struct {
		Data struct {
			FileID string `json:"file_id"`
		} `json:"data"`
	}
	resp, err := s.client.call(ctx, &request{ep: epQualificationUpload, rawBody: body, contentType: ct}, &out)
	if err != nil {
		return "", resp, errorf("upload qualification", err)
	}
	return out.Data.FileID, resp, nil
}

func multipartBody(filename string, data []byte) ([]byte, string, error) {
	if filename == "" {
		filename = "media.jpg"
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile("media", filename)
	if err != nil {
		return nil, "", err
	}
	if _, err := fw.Write(data); err != nil {
		return nil, "", err
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
