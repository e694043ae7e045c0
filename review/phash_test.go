package review_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/vcart-sdk/vcart-go/review"
)

// photo draws a deterministic picture of soft blobs, w×h pixels.
func photo(seed uint64, w, h int) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 99))
	type blob struct{ x, y, rad, v float64 }
	var bs []blob
	for range 12 {
		bs = append(bs, blob{r.Float64(), r.Float64(), 0.1 + r.Float64()*0.3, r.Float64()*200 - 100})
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			v := 128.0
			for _, b := range bs {
				d := (fx-b.x)*(fx-b.x) + (fy-b.y)*(fy-b.y)
				if d < b.rad*b.rad {
					v += b.v * (1 - d/(b.rad*b.rad))
				}
			}
			c := uint8(max(0, min(255, v)))
			img.Set(x, y, color.RGBA{c, c / 2, 255 - c, 255})
		}
	}
	return img
}

func encodePNG(t *testing.T, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t *testing.T, img image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func halve(src *image.RGBA) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	for y := 0; y < b.Dy()/2; y++ {
		for x := 0; x < b.Dx()/2; x++ {
			dst.Set(x, y, src.At(2*x, 2*y))
		}
	}
	return dst
}

func TestDifferenceHash(t *testing.T) {
	t.Parallel()
	a := photo(1, 320, 320)
	hash := func(data []byte) uint64 {
		t.Helper()
		h, err := review.DifferenceHash(data, 0)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	orig := hash(encodePNG(t, a))
	for name, data := range map[string][]byte{
		"jpeg q40":  encodeJPEG(t, a, 40),
		"half size": encodePNG(t, halve(a)),
	} {
		if d := review.HashDistance(orig, hash(data)); d > review.NearDuplicateDistance {
			t.Errorf("%s: distance %d, want ≤ %d", name, d, review.NearDuplicateDistance)
		}
	}
	other := hash(encodePNG(t, photo(2, 320, 320)))
	if d := review.HashDistance(orig, other); d <= 10 {
		t.Errorf("different picture: distance %d, want > 10", d)
	}
	if _, err := review.DifferenceHash(encodePNG(t, a), 1000); !errors.Is(err, review.ErrImageHeader) {
		t.Errorf("over the pixel limit: err = %v", err)
	}
	if _, err := review.DifferenceHash(webpVP8X(100, 100, false), 0); !errors.Is(err, review.ErrImageHeader) {
		t.Errorf("webp: err = %v", err)
	}
	corrupt := encodePNG(t, a)[:200]
	if _, err := review.DifferenceHash(corrupt, 0); !errors.Is(err, review.ErrImageHeader) {
		t.Errorf("corrupt: err = %v", err)
	}
}

func TestNearDuplicateImages(t *testing.T) {
	t.Parallel()
	a := photo(1, 800, 800)
	withHash := func(name string, data []byte) review.Image {
		im := review.ImageFromBytes(name, data)
		h, err := review.DifferenceHash(data, 0)
		if err != nil {
			t.Fatal(err)
		}
		im.DHash, im.HasDHash = h, true
		return im
	}
	l := cleanApparel()
	l.MainImages = []review.Image{
		withHash("a.png", encodePNG(t, a)),
		withHash("a.jpg", encodeJPEG(t, a, 50)),
		withHash("b.png", encodePNG(t, photo(3, 800, 800))),
	}
	got := briefs(mustNew(t).Review(l, at))
	want := []string{"warn content.image.near_duplicate main_images[1]"}
	if !equalStrings(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func BenchmarkDifferenceHash(b *testing.B) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photo(1, 800, 800), &jpeg.Options{Quality: 80}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := review.DifferenceHash(buf.Bytes(), 0); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzDifferenceHash(f *testing.F) {
	small := photo(5, 24, 16)
	var j bytes.Buffer
	_ = jpeg.Encode(&j, small, nil)
	var p bytes.Buffer
	_ = png.Encode(&p, small)
	f.Add(j.Bytes())
	f.Add(p.Bytes())
	f.Add(animatedGIF(8, 8))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		_, _ = review.DifferenceHash(data, 1<<16) // no panic, bounded decode
	})
}
