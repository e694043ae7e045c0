package review

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
)

// MaxImageHeader is the most bytes of an image that [ReadImageHeader] looks
// at; dimensions and animation flags sit well inside it.
const MaxImageHeader = 256 << 10

// ImageFormat is a file format recognised by [ReadImageHeader].
type ImageFormat string

// Image formats. The platform accepts JPEG, PNG, BMP and WebP main images,
// none of them animated (errcode 10020294).
const (
	FormatUnknown ImageFormat = ""
	FormatJPEG    ImageFormat = "jpeg"
	FormatPNG     ImageFormat = "png"
	FormatBMP     ImageFormat = "bmp"
	FormatWebP    ImageFormat = "webp"
	FormatGIF     ImageFormat = "gif"
)

// Accepted reports whether the platform accepts the format for product
// images.
func (f ImageFormat) Accepted() bool {
	switch f {
	case FormatJPEG, FormatPNG, FormatBMP, FormatWebP:
		return true
	}
	return false
}

// ImageInfo is what an image header says.
type ImageInfo struct {
	Format        ImageFormat
	Width, Height int
	Animated      bool // APNG with more than one frame, GIF with more than one frame, animated WebP
}

// ErrImageHeader is wrapped by every [ReadImageHeader] error.
var ErrImageHeader = errors.New("review: unreadable image header")

func headerErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrImageHeader, fmt.Sprintf(format, args...))
}

// ReadImageHeader reads format, dimensions and animation from the first
// bytes of an image file without decoding pixels. At most [MaxImageHeader]
// bytes are examined; a truncated or corrupt header is an error wrapping
// [ErrImageHeader].
func ReadImageHeader(b []byte) (ImageInfo, error) {
	if len(b) > MaxImageHeader {
		b = b[:MaxImageHeader]
	}
	switch {
	case len(b) >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF:
		return readJPEG(b)
	case len(b) >= 8 && string(b[:8]) == "\x89PNG\r\n\x1a\n":
		return readPNG(b)
	case len(b) >= 6 && (string(b[:6]) == "GIF87a" || string(b[:6]) == "GIF89a"):
		return readGIF(b)
	case len(b) >= 2 && b[0] == 'B' && b[1] == 'M':
		return readBMP(b)
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return readWebP(b)
	}
	return ImageInfo{}, headerErr("unknown format")
}

func readJPEG(b []byte) (ImageInfo, error) {
	i := 2
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			return ImageInfo{}, headerErr("jpeg: bad marker at %d", i)
		}
		m := b[i+1]
		if m == 0xFF { // fill byte
			i++
			continue
		}
		if m == 0x01 || (m >= 0xD0 && m <= 0xD7) {
			i += 2
			continue
		}
		if m == 0xD9 || m == 0xDA {
			return ImageInfo{}, headerErr("jpeg: no frame header before scan data")
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 {
			return ImageInfo{}, headerErr("jpeg: bad segment length")
		}
		if m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC {
			if i+9 > len(b) || n < 7 {
				return ImageInfo{}, headerErr("jpeg: truncated frame header")
			}
			h := int(binary.BigEndian.Uint16(b[i+5:]))
			w := int(binary.BigEndian.Uint16(b[i+7:]))
			if w == 0 || h == 0 {
				return ImageInfo{}, headerErr("jpeg: zero dimension")
			}
			return ImageInfo{Format: FormatJPEG, Width: w, Height: h}, nil
		}
		i += 2 + n
	}
	return ImageInfo{}, headerErr("jpeg: truncated before frame header")
}

func readPNG(b []byte) (ImageInfo, error) {
	if len(b) < 24 || string(b[12:16]) != "IHDR" {
		return ImageInfo{}, headerErr("png: missing IHDR")
	}
	w := binary.BigEndian.Uint32(b[16:])
	h := binary.BigEndian.Uint32(b[20:])
	if w == 0 || h == 0 || w > 1<<31-1 || h > 1<<31-1 {
		return ImageInfo{}, headerErr("png: bad dimensions")
	}
	info := ImageInfo{Format: FormatPNG, Width: int(w), Height: int(h)}
	for i := 8; i+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if typ == "IDAT" || typ == "IEND" {
			break
		}
		if typ == "acTL" && i+12 <= len(b) && binary.BigEndian.Uint32(b[i+8:]) > 1 {
			info.Animated = true
			break
		}
		if n < 0 || n > len(b) {
			break
		}
		i += 12 + n
	}
	return info, nil
}

func readGIF(b []byte) (ImageInfo, error) {
	if len(b) < 13 {
		return ImageInfo{}, headerErr("gif: truncated screen descriptor")
	}
	info := ImageInfo{Format: FormatGIF, Width: int(binary.LittleEndian.Uint16(b[6:])), Height: int(binary.LittleEndian.Uint16(b[8:]))}
	i := 13
	if b[10]&0x80 != 0 {
		i += 3 << (b[10]&7 + 1)
	}
	frames := 0
	skipSub := func(i int) int {
		for i < len(b) {
			n := int(b[i])
			i++
			if n == 0 {
				return i
			}
			i += n
		}
		return len(b)
	}
	for i < len(b) && frames < 2 {
		switch b[i] {
		case 0x21: // extension
			i = skipSub(i + 2)
		case 0x2C: // image descriptor
			frames++
			if i+10 > len(b) {
				i = len(b)
				break
			}
			flags := b[i+9]
			i += 10
			if flags&0x80 != 0 {
				i += 3 << (flags&7 + 1)
			}
			i = skipSub(i + 1)
		default: // trailer or garbage
			i = len(b)
		}
	}
	info.Animated = frames > 1
	return info, nil
}

func readBMP(b []byte) (ImageInfo, error) {
	if len(b) < 26 {
		return ImageInfo{}, headerErr("bmp: truncated header")
	}
	var w, h int
	switch dib := binary.LittleEndian.Uint32(b[14:]); {
	case dib == 12:
		w = int(binary.LittleEndian.Uint16(b[18:]))
		h = int(binary.LittleEndian.Uint16(b[20:]))
	case dib >= 40:
		w = int(int32(binary.LittleEndian.Uint32(b[18:])))
		h = int(int32(binary.LittleEndian.Uint32(b[22:])))
	default:
		return ImageInfo{}, headerErr("bmp: unknown DIB header size %d", dib)
	}
	if h < 0 {
		h = -h
	}
	if w <= 0 || h <= 0 {
		return ImageInfo{}, headerErr("bmp: bad dimensions")
	}
	return ImageInfo{Format: FormatBMP, Width: w, Height: h}, nil
}

func readWebP(b []byte) (ImageInfo, error) {
	if len(b) < 25 || (string(b[12:16]) != "VP8L" && len(b) < 30) {
		return ImageInfo{}, headerErr("webp: truncated header")
	}
	le24 := func(p []byte) int { return int(p[0]) | int(p[1])<<8 | int(p[2])<<16 }
	switch string(b[12:16]) {
	case "VP8 ":
		if b[23] != 0x9D || b[24] != 0x01 || b[25] != 0x2A {
			return ImageInfo{}, headerErr("webp: bad VP8 start code")
		}
		w := int(binary.LittleEndian.Uint16(b[26:]) & 0x3FFF)
		h := int(binary.LittleEndian.Uint16(b[28:]) & 0x3FFF)
		if w == 0 || h == 0 {
			return ImageInfo{}, headerErr("webp: zero dimension")
		}
		return ImageInfo{Format: FormatWebP, Width: w, Height: h}, nil
	case "VP8L":
		if b[20] != 0x2F {
			return ImageInfo{}, headerErr("webp: bad VP8L signature")
		}
		bits := binary.LittleEndian.Uint32(b[21:])
		return ImageInfo{Format: FormatWebP, Width: int(bits&0x3FFF) + 1, Height: int(bits>>14&0x3FFF) + 1}, nil
	case "VP8X":
		info := ImageInfo{Format: FormatWebP, Width: le24(b[24:]) + 1, Height: le24(b[27:]) + 1, Animated: b[20]&0x02 != 0}
		for i := 30; i+8 <= len(b) && !info.Animated; {
			if string(b[i:i+4]) == "ANIM" || string(b[i:i+4]) == "ANMF" {
				info.Animated = true
				break
			}
			n := int(binary.LittleEndian.Uint32(b[i+4:]))
			if n < 0 || n > len(b) {
				break
			}
			i += 8 + n + n&1
		}
		return info, nil
	}
	return ImageInfo{}, headerErr("webp: unknown chunk %q", b[12:16])
}

// ImageFromBytes returns an Image whose Header is the first
// [MaxImageHeader] bytes of data and whose SHA256 is the hash of all of it.
// The Header shares data's memory.
func ImageFromBytes(name string, data []byte) Image {
	sum := sha256.Sum256(data)
	h := data
	if len(h) > MaxImageHeader {
		h = h[:MaxImageHeader]
	}
	return Image{Name: name, Header: h, SHA256: hex.EncodeToString(sum[:])}
}
