package vcart

import (
	"fmt"
	"strings"
)

// Category is the SDK's coarse product category: the classes the seed's rules
// and tables are written against (服装, 食品, 电子产品, 化妆品, 珠宝奢侈品 and
// general goods). The platform's own fine-grained leaf categories are
// identified by a [CategoryID]; [PlatformCategory] links the two.
type Category string

// The seed's categories. New values may be added by callers: a Category is an
// open string type, and every table lookup falls back to [CategoryGeneral].
const (
	CategoryGeneral     Category = "general"     // 标准类商品: everything without its own rule.
	CategoryApparel     Category = "apparel"     // 服装.
	CategoryFood        Category = "food"        // 食品, including fresh produce (生鲜).
	CategoryElectronics Category = "electronics" // 电子产品 (3C).
	CategoryCosmetics   Category = "cosmetics"   // 化妆品.
	CategoryJewellery   Category = "jewellery"   // 珠宝奢侈品: jewellery and luxury goods.
)

// Categories returns the seed's categories in a stable order.
func Categories() []Category {
	return []Category{CategoryGeneral, CategoryApparel, CategoryFood, CategoryElectronics, CategoryCosmetics, CategoryJewellery}
}

// ChineseName returns the platform's Chinese term for a seed category, or the
// category itself for one the SDK does not know.
func (c Category) ChineseName() string {
	switch c {
	case CategoryGeneral:
		return "标准类商品"
	case CategoryApparel:
		return "服装"
	case CategoryFood:
		return "食品"
	case CategoryElectronics:
		return "电子产品"
	case CategoryCosmetics:
		return "化妆品"
	case CategoryJewellery:
		return "珠宝奢侈品"
	}
	return string(c)
}

// Known reports whether c is one of the seed's categories.
func (c Category) Known() bool {
	switch c {
	case CategoryGeneral, CategoryApparel, CategoryFood, CategoryElectronics, CategoryCosmetics, CategoryJewellery:
		return true
	}
	return false
}

// ParseCategory accepts an English name ("food") or the Chinese term ("食品"),
// case-insensitively and without surrounding spaces. An unknown name is an
// error that names it.
func ParseCategory(s string) (Category, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, c := range Categories() {
		if t == string(c) || t == c.ChineseName() {
			return c, nil
		}
	}
	switch t {
	case "standard", "标准":
		return CategoryGeneral, nil
	case "clothing", "服饰":
		return CategoryApparel, nil
	case "luxury", "jewelry", "珠宝", "奢侈品":
		return CategoryJewellery, nil
	case "3c", "数码":
		return CategoryElectronics, nil
	case "美妆":
		return CategoryCosmetics, nil
	}
	return "", fmt.Errorf("vcart: unknown category %q", truncate(s, 32))
}

// CategoryID is a platform category ID (cat_id, 类目ID). IDs are strings
// because the platform's IDs are numeric text of arbitrary size.
type CategoryID string

// PlatformCategory maps a platform leaf category to the SDK's coarse
// [Category], with the figures the category API returns for it.
type PlatformCategory struct {
	ID       CategoryID // leaf cat_id in the cats_v2 tree
	Name     string     // the platform's name, e.g. "女装"
	Category Category   // the coarse class the SDK's rules use
	// Deposit is the category's deposit (保证金) as read from
	// getcategoryrule / getcategorydetail; zero when unknown.
	Deposit Fen
}
