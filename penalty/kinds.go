package penalty

import (
	"fmt"
	"strings"
)

// ViolationType is a kind of prohibited behaviour (违规类型). The zero value
// is invalid, so a forgotten field is reported rather than read as a type.
type ViolationType uint8

// Violation types. The first eight are the behaviours the seed names in §六;
// the last four are the live platform's categories observed on penalty
// screens (domain-rules.md §B2). [FalseAdvertising] appears in both.
const (
	// Counterfeit is selling fake goods (售假).
	Counterfeit ViolationType = iota + 1
	// ExternalLink is diverting buyers off the platform through external links (导流外链).
	ExternalLink
	// DataFraud is faking sales, reviews or traffic data (数据造假).
	DataFraud
	// FalseAdvertising is false or absolute claims such as "国家级" (虚假宣传, on
	// the live platform 发布虚假宣传信息).
	FalseAdvertising
	// InducedSharing is making sharing a condition of a red-packet reward (诱导分享).
	InducedSharing
	// FakeOrders is brushing orders (刷单), the seed's example of data fraud.
	FakeOrders
	// UnauthorisedFootage is using film or TV material without a licence (未经授权使用影视素材).
	UnauthorisedFootage
	// StolenDesign is using someone else's design or pattern (盗用他人设计图案).
	StolenDesign
	// ProhibitedInfo is publishing content or goods that breach the Advertising
	// Law or other laws (发布违禁信息). Observed on the live platform.
	ProhibitedInfo
	// OutOfScopeGoods is promoting banned goods or goods outside the store's
	// approved categories (推广超范围商品). Observed on the live platform.
	OutOfScopeGoods
	// BrokenPromise is not shipping or serving as promised (违背承诺).
	// Observed on the live platform.
	BrokenPromise
	// UnfairMarketing is fake perks, draws or gifts used to attract viewers
	// (不正当营销). Observed on the live platform.
	UnfairMarketing

	numViolationTypes = iota + 1
)

var violationNames = [numViolationTypes][2]string{
	{"", ""},
	{"counterfeit", "售假"},
	{"external_link", "导流外链"},
	{"data_fraud", "数据造假"},
	{"false_advertising", "虚假宣传"},
	{"induced_sharing", "诱导分享"},
	{"fake_orders", "刷单"},
	{"unauthorised_footage", "未经授权使用影视素材"},
	{"stolen_design", "盗用他人设计图案"},
	{"prohibited_info", "发布违禁信息"},
	{"out_of_scope_goods", "推广超范围商品"},
	{"broken_promise", "违背承诺"},
	{"unfair_marketing", "不正当营销"},
}

// ViolationTypes returns every known violation type in declaration order.
func ViolationTypes() []ViolationType {
	out := make([]ViolationType, 0, numViolationTypes-1)
	for t := ViolationType(1); t < numViolationTypes; t++ {
		out = append(out, t)
	}
	return out
}

// SeedTypes returns the violation types the seed's §六 names.
func SeedTypes() []ViolationType {
	return []ViolationType{Counterfeit, ExternalLink, DataFraud, FalseAdvertising, InducedSharing, FakeOrders, UnauthorisedFootage, StolenDesign}
}

// ObservedTypes returns the violation types of the live platform's observed
// penalty packages (domain-rules.md §B2).
func ObservedTypes() []ViolationType {
	return []ViolationType{ProhibitedInfo, OutOfScopeGoods, BrokenPromise, UnfairMarketing, FalseAdvertising}
}

// Valid reports whether t is a known violation type.
func (t ViolationType) Valid() bool { return t > 0 && t < numViolationTypes }

// String returns the snake_case English name, such as "counterfeit".
func (t ViolationType) String() string {
	if !t.Valid() {
		return fmt.Sprintf("ViolationType(%d)", uint8(t))
	}
	return violationNames[t][0]
}

// ChineseName returns the platform's term, such as "售假".
func (t ViolationType) ChineseName() string {
	if !t.Valid() {
		return "未知违规"
	}
	return violationNames[t][1]
}

// MarshalText encodes the type by its English name.
func (t ViolationType) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, fmt.Errorf("%w: %d", ErrUnknownType, uint8(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText decodes a name accepted by [ParseViolationType].
func (t *ViolationType) UnmarshalText(b []byte) error {
	v, err := ParseViolationType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseViolationType accepts the English name ("counterfeit",
// case-insensitive) or the Chinese term ("售假"). Anything else is an error
// matching [ErrUnknownType].
func ParseViolationType(s string) (ViolationType, error) {
	if len(s) > 64 {
		return 0, fmt.Errorf("%w: name too long", ErrUnknownType)
	}
	k := strings.ToLower(strings.TrimSpace(s))
	for t := ViolationType(1); t < numViolationTypes; t++ {
		if k == violationNames[t][0] || k == violationNames[t][1] {
			return t, nil
		}
	}
	if k == "发布虚假宣传信息" {
		return FalseAdvertising, nil
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownType, s)
}

// MeasureKind is one kind of penalty measure (处罚措施).
type MeasureKind uint8

// Measure kinds. Some last for a period or permanently; the others are
// one-off actions (see [MeasureKind.OneOff]).
const (
	// StoreBan suspends the whole store (封禁店铺); permanent for 永久封店.
	StoreBan MeasureKind = iota + 1
	// TrafficLimit reduces the store's and its content's exposure (限流).
	TrafficLimit
	// ContentDeletion deletes the offending content (删除内容). One-off.
	ContentDeletion
	// CartRevoked withdraws the shopping-cart permission (取消购物车权限).
	CartRevoked
	// LiveBan withdraws the live-streaming permission (封禁直播权限).
	LiveBan
	// SalesCleared clears the faked sales figures (清空虚假销量). One-off.
	SalesCleared
	// Warning is a formal warning (警告). One-off.
	Warning
	// DepositCompensation pays buyers from the store's deposit (保证金赔付). One-off.
	DepositCompensation
	// CreditDeduction deducts credit score (扣除信用分). One-off.
	CreditDeduction
	// Blacklist puts the merchant on the platform's blacklist (列入黑名单).
	Blacklist
	// LegalReferral refers the case for legal liability (追究法律责任). One-off;
	// it is not a platform restriction.
	LegalReferral
	// CooperationTerminated ends all commercial cooperation (终止所有商业合作).
	CooperationTerminated
	// NoNewProducts forbids listing new products (禁止上新), as on the live platform.
	NoNewProducts
	// WindowSuspended suspends the product window (橱窗), as on the live platform.
	WindowSuspended

	numMeasureKinds = iota + 1
)

var measureNames = [numMeasureKinds][2]string{
	{"", ""},
	{"store_ban", "封禁店铺"},
	{"traffic_limit", "限流"},
	{"content_deletion", "删除内容"},
	{"cart_revoked", "取消购物车权限"},
	{"live_ban", "封禁直播"},
	{"sales_cleared", "清空虚假销量"},
	{"warning", "警告"},
	{"deposit_compensation", "保证金赔付"},
	{"credit_deduction", "扣除信用分"},
	{"blacklist", "列入黑名单"},
	{"legal_referral", "追究法律责任"},
	{"cooperation_terminated", "终止所有商业合作"},
	{"no_new_products", "禁止上新"},
	{"window_suspended", "橱窗封禁"},
}

// MeasureKinds returns every measure kind in declaration order.
func MeasureKinds() []MeasureKind {
	out := make([]MeasureKind, 0, numMeasureKinds-1)
	for k := MeasureKind(1); k < numMeasureKinds; k++ {
		out = append(out, k)
	}
	return out
}

// Valid reports whether k is a known measure kind.
func (k MeasureKind) Valid() bool { return k > 0 && k < numMeasureKinds }

// String returns the snake_case English name, such as "store_ban".
func (k MeasureKind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("MeasureKind(%d)", uint8(k))
	}
	return measureNames[k][0]
}

// ChineseName returns the platform's term, such as "封禁店铺".
func (k MeasureKind) ChineseName() string {
	if !k.Valid() {
		return "未知措施"
	}
	return measureNames[k][1]
}

// MarshalText encodes the kind by its English name.
func (k MeasureKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("%w: measure kind %d", ErrInvalidEvent, uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a name accepted by [ParseMeasureKind].
func (k *MeasureKind) UnmarshalText(b []byte) error {
	v, err := ParseMeasureKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseMeasureKind accepts the English name (case-insensitive) or the Chinese
// term. Anything else is an error matching [ErrInvalidEvent].
func ParseMeasureKind(s string) (MeasureKind, error) {
	if len(s) > 64 {
		return 0, fmt.Errorf("%w: measure kind too long", ErrInvalidEvent)
	}
	n := strings.ToLower(strings.TrimSpace(s))
	for k := MeasureKind(1); k < numMeasureKinds; k++ {
		if n == measureNames[k][0] || n == measureNames[k][1] {
			return k, nil
		}
	}
	return 0, fmt.Errorf("%w: unknown measure kind %q", ErrInvalidEvent, s)
}

// OneOff reports whether the measure is an action done once (a warning, a
// deletion, a payment, a deduction, a referral) rather than a restriction
// that lasts. A one-off measure has Start == End and is never "active".
func (k MeasureKind) OneOff() bool {
	switch k {
	case ContentDeletion, SalesCleared, Warning, DepositCompensation, CreditDeduction, LegalReferral:
		return true
	}
	return false
}

// Capability is something a store may or may not do at an instant.
type Capability uint8

// Capabilities that penalty measures withdraw.
const (
	// Sell is taking orders at all (销售).
	Sell Capability = iota + 1
	// GoLive is live-streaming (直播).
	GoLive
	// UseCart is showing goods in the shopping cart and product window (购物车 / 橱窗).
	UseCart
	// ListProducts is listing new products (上新).
	ListProducts

	numCapabilities = iota + 1
)

// Capabilities returns every capability in declaration order.
func Capabilities() []Capability { return []Capability{Sell, GoLive, UseCart, ListProducts} }

// String returns the English name, such as "sell".
func (c Capability) String() string {
	switch c {
	case Sell:
		return "sell"
	case GoLive:
		return "go_live"
	case UseCart:
		return "use_cart"
	case ListProducts:
		return "list_products"
	}
	return fmt.Sprintf("Capability(%d)", uint8(c))
}

// Blocks reports whether an active measure of kind k withdraws capability c.
// A store ban, a blacklisting and terminated cooperation withdraw every
// capability; a live ban withdraws [GoLive]; a revoked cart and a suspended
// window withdraw [UseCart]; no-new-products withdraws [ListProducts]. A
// traffic limit withdraws nothing (it lowers exposure), nor does any one-off
// measure.
func (k MeasureKind) Blocks(c Capability) bool {
	switch k {
	case StoreBan, Blacklist, CooperationTerminated:
		return c > 0 && c < numCapabilities
	case LiveBan:
		return c == GoLive
	case CartRevoked, WindowSuspended:
		return c == UseCart
	case NoNewProducts:
		return c == ListProducts
	}
	return false
}
