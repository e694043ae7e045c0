package shopapitest

import (
	"errors"
	"fmt"
	"github.com/vcart-sdk/vcart-go/vcart"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// Promo is the marketing applied to an order placed with
// [Server.CreatePromoOrder].
type Promo struct {
	// UserCouponID is a coupon the buyer received ([Server.ReceiveCoupon])
	// to use on the order; empty for none.
	UserCouponID vcart.ID
	// SharerOpenID credits the order to a bound sharer (分享员), shared in
	// ShareScene; empty for none.
	SharerOpenID string
	ShareScene   shopapi.ShareScene
	// FinderScene is the Channels scene (a live room, a short video …) for
	// orders shared there; nil for others.
	FinderScene *shopapi.FinderSceneInfo
}

// ErrPromo reports marketing that cannot apply to an order (an unknown or
// used coupon, one that does not apply to the basket, an unbound sharer).
var ErrPromo = errors.New("shopapitest: promotion does not apply")

// CreatePromoOrder places an order as [Server.CreateOrder] does, after
// the platform's marketing, checked before anything changes:
//
//   - each line pays the flash price (限时抢购) of a task running at the
//     server's clock with stock for its count, instead of UnitPriceFen (as
//     [Server.CreateOrder] prices it);
//   - the coupon, if any, is priced with [shopapi.PriceBasket] on those
//     prices and marked used (已使用, channels_ec_user_coupon_use); its
//     discount is spread over the covered lines in proportion to their
//     amounts (the remainder on the last), and folded into the lines'
//     amounts (the fake's order view shows no coupon_info; order_price is
//     what the buyer pays);
//   - the sharer, if any, is credited with every line for
//     get_sharer_order_list;
//   - running buy-to-get-gift activities (买赠) give one gift set per unit
//     of their main products, within their sets, the buyer's limit and
//     the gifts' stock ([Server.GiftSetsGiven]).
//
// The checks and the changes are two steps under the server's lock: a
// concurrent change to the same coupon or task in between is not
// detected.
//
// It returns the order id and the basket's price.
func (s *Server) CreatePromoOrder(o NewOrder, p Promo) (vcart.ID, shopapi.BasketPrice, error) {
	if o.OpenID == "" {
		o.OpenID = "o-fake-buyer"
	}
	o.Lines = append([]OrderLine(nil), o.Lines...)
	var lines []shopapi.BasketLine
	// Check everything under the lock, change nothing yet.
	s.mu.Lock()
	now := s.now()
	for i := range o.Lines {
		l := &o.Lines[i]
		if price, ok := s.peekFlashPrice(string(l.ProductID), string(l.SKUID), l.Count); ok {
			l.UnitPriceFen = price
		}
		lines = append(lines, shopapi.BasketLine{ProductID: l.ProductID, SKUID: l.SKUID, PriceFen: l.UnitPriceFen, Count: int(l.Count)})
	}
	var price shopapi.BasketPrice
	var spec shopapi.CouponSpec
	if p.UserCouponID != "" {
		u, ok := s.userCoupons().byID[string(p.UserCouponID)]
		if !ok || u.openid != o.OpenID || u.status != shopapi.UserCouponValid {
			s.mu.Unlock()
			return "", price, fmt.Errorf("%w: user coupon %s is not a valid coupon of %s", ErrPromo, p.UserCouponID, o.OpenID)
		}
		spec = s.coupons().byID[u.couponID].spec
		var err error
		price, err = shopapi.PriceBasket(shopapi.PriceRequest{Coupon: spec, Lines: lines, At: now, ReceivedAt: time.Unix(u.created, 0)})
		if err != nil || !price.Applied() || now.Unix() < u.start || (u.end > 0 && now.Unix() > u.end) {
			s.mu.Unlock()
			return "", price, fmt.Errorf("%w: the coupon does not apply (%v, %v)", ErrPromo, price.Rejection, err)
		}
	}
	if p.SharerOpenID != "" {
		if _, ok := s.sharers().byID[p.SharerOpenID]; !ok {
			s.mu.Unlock()
			return "", price, fmt.Errorf("%w: %s is not a bound sharer", ErrPromo, p.SharerOpenID)
		}
	}
	s.mu.Unlock()

	id, err := s.CreateOrder(o)
	if err != nil {
		return "", price, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.orders() // CreateOrder took the flash stock
	r, _ := st.get(string(id))
	d := st.detail(r)
	if p.UserCouponID != "" {
		if price, err = s.useCoupon(o.OpenID, string(p.UserCouponID), string(id), lines); err != nil {
			return id, price, err
		}
		spread(d, price)
	} else {
		var total int64
		for _, l := range lines {
			total += l.PriceFen * int64(l.Count)
		}
		price = shopapi.BasketPrice{SubtotalFen: total, TotalFen: total}
	}
	s.giveGifts(o.OpenID, o.Lines)
	if p.SharerOpenID != "" {
		sh := s.sharers().byID[p.SharerOpenID]
		ss := s.sharerState()
		for _, l := range o.Lines {
			ss.credits = append(ss.credits, sharerCredit{at: now.Unix(), order: shopapi.SharerOrder{OrderID: id,
				ShareScene: p.ShareScene, SharerOpenID: sh.openid, SharerType: sh.typ, SKUID: l.SKUID, ProductID: l.ProductID,
				FinderSceneInfo: p.FinderScene}})
		}
	}
	return id, price, nil
}

// spread folds a coupon's discount into the order's lines, as
// [shopapi.PriceBasket] split it (the order's lines are the basket's).
func spread(d *orderDetail, price shopapi.BasketPrice) {
	for i, share := range price.LineDiscountFen {
		if i < len(d.lines) {
			d.lines[i].lineFen -= share
			d.lines[i].origLineFen -= share
		}
	}
}

// peekFlashPrice is flashPrice without taking the stock; s.mu is held.
func (s *Server) peekFlashPrice(productID, skuID string, count int64) (int64, bool) {
	now := s.now().Unix()
	fs := s.flashSales()
	for _, id := range fs.ids(nil) {
		f := fs.byID[id]
		if f.productID != productID || f.status(now) != shopapi.FlashSaleRunning {
			continue
		}
		for _, k := range f.skus {
			if string(k.SKUID) == skuID && int64(k.SaleStock) >= count {
				return k.SalePrice, true
			}
		}
	}
	return 0, false
}

// CancelPromoOrder cancels an unpaid order ([Server.CancelOrder]) and gives
// its coupon back (用户优惠券返还, channels_ec_user_coupon_unuse).
func (s *Server) CancelPromoOrder(id vcart.ID) error {
	if err := s.CancelOrder(id); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.returnCoupon(string(id))
	return nil
}
