package notify

import (
	"encoding/json"
	"strings"
)

// decodePushBody decodes the safe-mode envelope {"ToUserName": …, "Encrypt":
// …}. A fast scanner handles the plain shape the platform sends (a flat
// object of ASCII strings without escapes); anything else — escapes,
// non-ASCII, other value types, nesting, keys that only match
// case-insensitively — goes through encoding/json, so the result is always
// what encoding/json would decode.
func decodePushBody(body []byte) (pushBody, error) {
	if pb, ok := scanPushBody(body); ok {
		return pb, nil
	}
	var pb pushBody
	err := json.Unmarshal(body, &pb)
	return pb, err
}

func scanPushBody(b []byte) (pushBody, bool) {
	var pb pushBody
	i := skipWS(b, 0)
	if i >= len(b) || b[i] != '{' {
		return pb, false
	}
	i = skipWS(b, i+1)
	if i < len(b) && b[i] == '}' {
		return pb, skipWS(b, i+1) == len(b)
	}
	for {
		key, j, ok := scanString(b, i)
		if !ok {
			return pb, false
		}
		i = skipWS(b, j)
		if i >= len(b) || b[i] != ':' {
			return pb, false
		}
		val, j, ok := scanString(b, skipWS(b, i+1))
		if !ok {
			return pb, false
		}
		switch key {
		case "ToUserName":
			pb.ToUserName = val
		case "Encrypt":
			pb.Encrypt = val
		default:
			if strings.EqualFold(key, "ToUserName") || strings.EqualFold(key, "Encrypt") {
				return pb, false // encoding/json's case-insensitive match: let it decide
			}
		}
		i = skipWS(b, j)
		if i >= len(b) {
			return pb, false
		}
		switch b[i] {
		case ',':
			i = skipWS(b, i+1)
		case '}':
			return pb, skipWS(b, i+1) == len(b)
		default:
			return pb, false
		}
	}
}

// scanString reads a JSON string of printable ASCII without escapes at
// b[i:], returning its value and the index after the closing quote.
func scanString(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return string(b[i+1 : j]), j + 1, true
		case c == '\\' || c < 0x20 || c >= 0x80:
			return "", 0, false
		}
	}
	return "", 0, false
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
