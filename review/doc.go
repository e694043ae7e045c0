// Package review is the listing pre-review (商品审核) of seed section 二: the
// checks a service provider runs on a product listing before submitting it to
// the WeChat Store (微信小店) so that a listing that passes is not rejected for
// anything the SDK could have seen.
//
// The seed names three stages: basic review (基础审核: qualification
// documents, category match, price sanity), content review (内容审核: main
// image size and format, duplicates, field limits, advertising-law wording,
// diversion and private data) and special categories (特殊类目: food SC
// numbers and shelf life, cosmetics registration numbers, electronics 3C
// certificates and refurbished goods).
//
// [Keywords] is the normalising multi-keyword matcher the review uses; other
// packages use it too (for example for negative-review keywords).
//
// # Concurrency
//
// A [Keywords] and a [Reviewer] are immutable once built and safe for
// concurrent use.
package review
