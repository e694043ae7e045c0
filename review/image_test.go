package review_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/review"
)

func TestReadImageHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      []byte
		want    review.ImageInfo
		wantErr bool
	}{
		{"png", pngHeader(800, 600, 0), review.ImageInfo{Format: review.FormatPNG, Width: 800, Height: 600}, false},
		{"apng", pngHeader(800, 800, 4), review.ImageInfo{Format: review.FormatPNG, Width: 800, Height: 800, Animated: true}, false},
		{"apng one frame", pngHeader(800, 800, 1), review.ImageInfo{Format: review.FormatPNG, Width: 800, Height: 800}, false},
		{"jpeg", jpegHeader(1024, 768), review.ImageInfo{Format: review.FormatJPEG, Width: 1024, Height: 768}, false},
		{"real jpeg", realJPEG(801, 802), review.ImageInfo{Format: review.FormatJPEG, Width: 801, Height: 802}, false},
		{"bmp top-down", bmpHeader(900, 700), review.ImageInfo{Format: review.FormatBMP, Width: 900, Height: 700}, false},
		{"webp lossy", webpVP8(800, 800), review.ImageInfo{Format: review.FormatWebP, Width: 800, Height: 800}, false},
		{"webp lossless", webpVP8L(1000, 900), review.ImageInfo{Format: review.FormatWebP, Width: 1000, Height: 900}, false},
		{"webp extended", webpVP8X(1200, 1000, false), review.ImageInfo{Format: review.FormatWebP, Width: 1200, Height: 1000}, false},
		{"webp animated", webpVP8X(1200, 1000, true), review.ImageInfo{Format: review.FormatWebP, Width: 1200, Height: 1000, Animated: true}, false},
		{"gif animated", animatedGIF(20, 10), review.ImageInfo{Format: review.FormatGIF, Width: 20, Height: 10, Animated: true}, false},
		{"empty", nil, review.ImageInfo{}, true},
		{"text", []byte("hello, world"), review.ImageInfo{}, true},
		{"truncated png", pngHeader(800, 800, 0)[:20], review.ImageInfo{}, true},
		{"truncated jpeg", jpegHeader(800, 800)[:22], review.ImageInfo{}, true},
		{"jpeg scan before frame", []byte{0xFF, 0xD8, 0xFF, 0xDA, 0, 2}, review.ImageInfo{}, true},
		{"zero png", pngHeader(0, 800, 0), review.ImageInfo{}, true},
		{"truncated webp", webpVP8(800, 800)[:24], review.ImageInfo{}, true},
		{"bmp bad dib", append([]byte("BM"), make([]byte, 30)...), review.ImageInfo{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := review.ReadImageHeader(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, review.ErrImageHeader) {
				t.Errorf("err %v does not wrap ErrImageHeader", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImageFromBytes(t *testing.T) {
	t.Parallel()
	data := make([]byte, review.MaxImageHeader+10)
	copy(data, pngHeader(800, 800, 0))
	im := review.ImageFromBytes("a.png", data)
	if len(im.Header) != review.MaxImageHeader || len(im.SHA256) != 64 {
		t.Errorf("header %d bytes, hash %q", len(im.Header), im.SHA256)
	}
	if info, err := review.ReadImageHeader(im.Header); err != nil || info.Width != 800 {
		t.Errorf("ReadImageHeader = %+v, %v", info, err)
	}
}

func FuzzReadImageHeader(f *testing.F) {
	for _, b := range [][]byte{pngHeader(800, 800, 2), jpegHeader(800, 800), bmpHeader(10, 10), webpVP8(9, 9), webpVP8L(9, 9),
		webpVP8X(9, 9, true), animatedGIF(4, 4), realJPEG(16, 16)} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		info, err := review.ReadImageHeader(b)
		if err == nil && (info.Width < 0 || info.Height < 0 || info.Format == review.FormatUnknown) {
			t.Fatalf("bad info %+v", info)
		}
	})
}
