// Package review is the listing pre-review (商品审核) of seed section 二: the
// checks a service provider runs on a product listing before it submits it
// to the WeChat Store (微信小店, formerly 视频号小店), so that a listing that
// passes is not rejected for anything the SDK could have seen. The seed puts
// the rejection rate at 35 % ([SeedRejectionRatePercent]), mostly for image
// copyright and false advertising.
//
// Build a [Reviewer] once with [New] and call [Reviewer.Review] with the
// listing and the instant to judge it at:
//
//	r, err := review.New()
//	res := r.Review(listing, at)
//	if res.Verdict == review.VerdictRejected { ... res.Findings ... }
//
// A product built for the shop API becomes a listing in one call,
// vcart/shopapi's ReviewListing(product, category), so it is reviewed
// before Products.Add with no hand-written mapping.
//
// A [Result] holds every [Finding] at once, most severe first, each with a
// stable code, a severity (block, warn or info), the field, byte and
// character offsets into the field's original text where the finding is
// textual (Start/End and RuneStart/RuneEnd), a message, the
// rule's source and the seed reason it prevents ([Reason]: 盗用明星图,
// 虚假材质描述, 保质期不足, 虚假产地, 二手充新, 改装机 and the review focuses).
// The [Verdict] is derived: any block means the listing would be rejected
// (驳回), any warning means it needs attention, otherwise it is clean.
// [Result.Stats] cites the seed's pass rate for the category (apparel 82 %,
// food 67 %, electronics 78 %; [SeedStats]).
//
// # Rules
//
// [DefaultRules] returns the rule table; [WithRules] replaces it,
// [WithExtraRules] extends it and [WithoutRules] disables rules by ID. A
// rule is a [Rule] whose Check reports findings through [Check.Report].
//
// Basic review (基础审核):
//   - basic.documents: the category's qualification documents are present
//     and in force at the review instant (food: 食品生产许可证, cosmetics:
//     备案/注册凭证, electronics: 3C 证书), using [vcart.Document.ValidAt].
//   - basic.brand: a branded listing carries a 品牌授权书 or 商标注册证.
//   - basic.category_match: the title and attributes fit the declared category.
//   - basic.price: prices are positive whole fen, below the market price
//     (errcode 10020040), at most ¥100,000 and inside the category's
//     [PriceBand] (a warning; set your own with [WithPriceBands]).
//
// Content review (内容审核):
//   - content.title: 5–60 characters, at least 5 effective ones, not only
//     letters and digits, only the symbols the product API allows.
//   - content.field_limits: short_title ≤ 20, attribute keys and values ≤ 40,
//     desc ≤ 2,000, out_product_id ≤ 128, aftersale_desc ≤ 200, sku_code ≤ 20
//     characters, stock 0–10,000,000, ≤ 50 detail images, ≤ 500 SKUs.
//   - content.text_encoding: text is valid UTF-8; text beyond [MaxScanBytes]
//     is not scanned and says so. A field with more than 512 dictionary hits
//     is scanned to its end but keeps, past the 512th, only the first hit of
//     each word (per allow-list outcome and contact account), so no severity
//     is lost; content.text.too_many_hits reports the count.
//   - content.images: 3–9 main images (food 4–9), no duplicates (by SHA-256
//     or URL), JPEG/PNG/BMP/WebP only, not animated, at least 800×800 px,
//     read from the header only ([ReadImageHeader]); near-duplicates when the
//     caller supplies difference hashes ([DifferenceHash], an explicit and
//     bounded decode).
//   - content.adlaw: advertising-law words from the word list with block or
//     warn severity, after the allow-list ([DefaultAllowList]; a rule that
//     requires a document exempts only while that document is in force at
//     the review instant); the longest hit at a position is reported.
//   - content.diversion: WeChat and QQ accounts, mobile and landline numbers
//     (also in Chinese numerals: 一三八…, 〇/零, 幺), QR-code lures, resident
//     ID and bank card numbers in public text (redacted in the finding); an
//     ID-shaped number with a wrong check character is a warning. Every text
//     field is scanned, SKU attribute keys and values included.
//   - content.celebrity: celebrity wording (明星同款) needs consent and an
//     authorisation document.
//   - content.material: apparel material claims (纯棉, 羊绒, 真丝 …) match the
//     fibre composition attribute (水洗标).
//
// Special categories (特殊类目):
//   - special.food_licence: an SC number of the right format ([CheckSC]; its
//     MOD 11,10 check digit failing is a warning), a QS number alone is
//     expired, health food (保健食品) needs a health-food licence (SC127…).
//   - special.food_shelf_life: shelf life and production date are stated;
//     expired stock is blocked, less than a third of the shelf life left is a
//     warning (保质期不足).
//   - special.food_origin: origin claims (五常大米, 阳澄湖大闸蟹, 产地直发 …)
//     match the declared origin (虚假产地).
//   - special.cosmetics_number: a registration or filing number of a known
//     format ([ClassifyCosmetics]) that covers the claims: 美白, 防晒, 祛斑,
//     防脱, 染发, 烫发 need 国妆特字 / 国妆特进字.
//   - special.electronics_ccc: a 3C certificate number of the right format
//     ([CheckCCC]), required for products in the CCC catalogue, and a model
//     or serial number attribute (序列号, the seed's other electronics focus).
//   - special.electronics_condition: used, refurbished or modified goods
//     (二手充新, 翻新, 改装机, 刷机, 扩容) are not sold as new.
//
// # Word list and normalisation
//
// The built-in advertising-law list ([DefaultWordList], version
// [WordListVersion]) has 351 entries, 235 block and 116 warn, embedded from
// data/adlaw-words.tsv. It was compiled for this SDK from the Advertising
// Law of the PRC (art. 9, 16–18, 20, 24–26, 28), the SAMR 2023 enforcement
// guide on absolute terms, and public word lists — notably
// es3344520/advertising-limit-words (no licence file: used for facts only,
// re-categorised by hand) and e-commerce word-list pages; see
// review-rules §1.6. Replace it with [WithWordList] and [ParseWordList].
//
// Text and words are compared after normalisation: NFKC per character
// (ＮＯ．１ → no.1), case folding, removal of zero-width characters, removal
// of runs of up to four spaces, symbols or punctuation between two
// ideographs (最 佳, 最*佳; sentence punctuation such as ，。！ is kept), and
// traditional to simplified forms of the characters of the word list
// (頂級 → 顶级). Offsets always point into the original text. [Keywords]
// exposes the same matcher for other uses (negative-review keywords).
//
// # Where the seed differs from the live platform
//
//   - The 800×800 px minimum is the seed's; the product API states no size
//     requirement. [WithMinImageSide] changes it.
//   - The seed's pass rates and rejection reasons are not published by the
//     platform; they are cited as the seed's figures.
//   - The SC check digit algorithm (ISO 7064 MOD 11,10) is inferred from real
//     numbers, not published, so its failure is only a warning.
//   - The price bands are SDK heuristics; the platform publishes a per-category
//     floor price (floor_price) in the category API.
//
// # Performance
//
// [Keywords] reads a text once: each rune is mapped to the class of its
// normal form by a per-dictionary table (case, full-width and traditional
// forms cost nothing extra, separators between ideographs are skipped as
// the normalisation says) and drives a compact rune-level automaton
// (internal/match's Symbols), while runes that begin no word are passed over
// without a step. A text with a rune whose normal form is several runes
// (㈱ → (株)) takes the byte-level path instead: normalised in place and
// scanned by internal/match's dense DFA, built on first need. Both give the
// same hits; a clean scan does not allocate. The Reviewer takes the
// byte-level path for every field, since its allow-list rules read the
// normal form around each hit. It finds digit runs
// (phones, ids, licence numbers) by probing every tenth byte, and contact
// ids through the keyword scan's trigger words. See internal/peerbench for
// the side-by-side benchmark.
//
// # Errors
//
// A listing that fails review is a [Result], not an error. Errors come only
// from configuration: [New] wraps [ErrConfig], [NewKeywords] wraps
// [ErrBadKeyword], [ParseWordList] wraps [ErrWordList], each reporting every
// problem at once. [ReadImageHeader] wraps [ErrImageHeader]. Bad input
// (invalid UTF-8, a 10 MB description, a corrupt image) becomes a finding;
// Review never panics, and a custom rule that panics becomes a finding.
//
// # Concurrency
//
// A [Keywords] and a [Reviewer] are immutable once built and safe for
// concurrent use. Review time is an argument; the package never reads the
// clock.
package review
