package review

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/bits"
)

// DefaultMaxHashPixels bounds the images [DifferenceHash] decodes
// (4096×4096).
const DefaultMaxHashPixels = 4096 * 4096

// DifferenceHash decodes a JPEG, PNG or GIF image and returns its 64-bit
// difference hash (dHash): the image is reduced to 9×8 grey cells and each bit
// says whether a cell is brighter than its right neighbour. Near-identical
// images (re-encoded, resized, lightly cropped or watermarked) have hashes a
// few bits apart; see [HashDistance].
//
// Decoding is explicit and bounded: the header is read first and an image of
// more than maxPixels pixels (0 means [DefaultMaxHashPixels]) is an error
// wrapping [ErrImageHeader], before any pixel memory is allocated. WebP and
// BMP are not decoded (no standard-library decoder); pass their hash from
// elsewhere or rely on the SHA-256.
func DifferenceHash(data []byte, maxPixels int) (uint64, error) {
	if maxPixels <= 0 {
		maxPixels = DefaultMaxHashPixels
	}
	info, err := ReadImageHeader(data)
	if err != nil {
		return 0, err
	}
	if info.Width*info.Height > maxPixels || info.Width > 1<<16 || info.Height > 1<<16 {
		return 0, headerErr("%d×%d px is above the %d-pixel hashing limit", info.Width, info.Height, maxPixels)
	}
	var img image.Image
	r := bytes.NewReader(data)
	switch info.Format {
	case FormatJPEG:
		img, err = jpeg.Decode(r)
	case FormatPNG:
		img, err = png.Decode(r)
	case FormatGIF:
		img, err = gif.Decode(r)
	default:
		return 0, headerErr("%s images are not decoded for hashing", info.Format)
	}
	if err != nil {
		return 0, fmt.Errorf("%w: decode: %w", ErrImageHeader, err)
	}
	return dHash(img), nil
}

// dHash reduces img to 9×8 mean-luminance cells and compares neighbours.
func dHash(img image.Image) uint64 {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w == 0 || h == 0 {
		return 0
	}
	var sum [8][9]uint64
	var cnt [8][9]uint64
	lum := luminance(img)
	for y := 0; y < h; y++ {
		cy := y * 8 / h
		for x := 0; x < w; x++ {
			cx := x * 9 / w
			sum[cy][cx] += uint64(lum(b.Min.X+x, b.Min.Y+y))
			cnt[cy][cx]++
		}
	}
	var hash uint64
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			l := sum[y][x] * max(cnt[y][x+1], 1)
			r := sum[y][x+1] * max(cnt[y][x], 1)
			if l > r {
				hash |= 1 << (y*8 + x)
			}
		}
	}
	return hash
}

// luminance returns a fast 8-bit luma reader for the common decoded types.
func luminance(img image.Image) func(x, y int) uint8 {
	switch m := img.(type) {
	case *image.YCbCr:
		return func(x, y int) uint8 { return m.Y[m.YOffset(x, y)] }
	case *image.Gray:
		return func(x, y int) uint8 { return m.Pix[m.PixOffset(x, y)] }
	case *image.NRGBA:
		return func(x, y int) uint8 {
			p := m.Pix[m.PixOffset(x, y):]
			return uint8((299*uint32(p[0]) + 587*uint32(p[1]) + 114*uint32(p[2])) / 1000)
		}
	case *image.RGBA:
		return func(x, y int) uint8 {
			p := m.Pix[m.PixOffset(x, y):]
			return uint8((299*uint32(p[0]) + 587*uint32(p[1]) + 114*uint32(p[2])) / 1000)
		}
	}
	return func(x, y int) uint8 {
		r, g, b, _ := img.At(x, y).RGBA()
		return uint8((299*r + 587*g + 114*b) / 1000 >> 8)
	}
}

// HashDistance returns the number of differing bits of two difference
// hashes: 0–6 is the same picture, above about 10 a different one.
func HashDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }
