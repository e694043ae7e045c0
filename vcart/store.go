package vcart

import (
	"fmt"
	"strings"
)

// StoreType is a store subject (店铺类型) from the seed's §一 table.
type StoreType int

// Store types. The zero value is deliberately invalid so that a forgotten
// field is reported rather than read as a real type.
const (
	StoreTypeUnknown StoreType = iota
	StoreEnterprise            // 企业店: a company with a business licence.
	StoreIndividual            // 个体店: an individual business (个体工商户).
	StorePersonal              // 个人店: a person without a licence; not open for trading.
)

// String returns the English name.
func (t StoreType) String() string {
	switch t {
	case StoreEnterprise:
		return "enterprise"
	case StoreIndividual:
		return "individual"
	case StorePersonal:
		return "personal"
	}
	return fmt.Sprintf("StoreType(%d)", int(t))
}

// ChineseName returns the platform's term (企业店, 个体店, 个人店).
func (t StoreType) ChineseName() string {
	switch t {
	case StoreEnterprise:
		return "企业店"
	case StoreIndividual:
		return "个体店"
	case StorePersonal:
		return "个人店"
	}
	return "未知"
}

// Valid reports whether t is a named store type.
func (t StoreType) Valid() bool { return t >= StoreEnterprise && t <= StorePersonal }

// ParseStoreType accepts the English name, the Chinese term or the
// platform's subject_type ("企业", "个体工商户").
func ParseStoreType(s string) (StoreType, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "enterprise", "企业店", "企业", "company":
		return StoreEnterprise, nil
	case "individual", "个体店", "个体工商户", "个体":
		return StoreIndividual, nil
	case "personal", "个人店", "个人":
		return StorePersonal, nil
	}
	return StoreTypeUnknown, &FieldError{Field: "store_type", Code: "store_type.unknown", Msg: fmt.Sprintf("unknown store type %q", truncate(s, 32))}
}
